"""Who met whom: the right records and links around a person, an organization, an event or a
delegation, one or two steps away, in a period, at most a number of records; a layout that
is the same every time and keeps records apart."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from models.graph_layout import radial_layout
from models.relationships import (
    Period,
    RelationshipRefused,
    find_person,
    neighbourhood,
    picture_caption,
    picture_note,
    picture_title,
)
from models.store.records import EventParticipant

from .meetings import seed_meetings


@pytest.fixture
def ids(database):
    return seed_meetings()


def names(found) -> set[str]:
    return {node.label for node in found.nodes.values()}


def links(found) -> set[tuple[str, str, str]]:
    label = {key: node.label for key, node in found.nodes.items()}
    return {(label[edge.source], label[edge.target], edge.link) for edge in found.edges}


def test_one_step_from_a_person_is_whom_she_met_and_where(ids):
    found = neighbourhood("person", ids["aigerim"])
    assert names(found) == {
        "Aigerim Nurlanova",
        "Astana forum",
        "Bolat Seitkali",
        "NU",
        "CSIC delegation to Astana",
        "CSIC",
        "Diego García",
        "Chen Li",
    }
    assert {
        ("Aigerim Nurlanova", "Astana forum", "participant"),
        ("Bolat Seitkali", "Astana forum", "participant"),
        ("NU", "Astana forum", "participant"),
        ("Aigerim Nurlanova", "CSIC delegation to Astana", "member"),
        ("Chen Li", "CSIC delegation to Astana", "counterpart"),
        ("Diego García", "CSIC delegation to Astana", "head"),
        ("CSIC", "CSIC delegation to Astana", "organization"),
        ("Bolat Seitkali", "NU", "works_at"),
    } == links(found)
    assert not found.truncated
    assert picture_note(found) == ""


def test_two_steps_add_whom_they_met_elsewhere(ids):
    found = neighbourhood("person", ids["aigerim"], steps=2)
    assert names(found) - names(neighbourhood("person", ids["aigerim"])) == {
        "Madrid workshop",
        "Farida Omarova",
    }
    farida = found.nodes[("person", ids["farida"])]
    assert (farida.step, farida.depth, farida.parent) == (2, 4, ("event", ids["workshop"]))
    assert ("Chen Li", "Madrid workshop", "participant") in links(found)
    assert "Erlan Abenov" not in names(found)


def test_an_event_and_a_delegation_show_who_was_there(ids):
    assert names(neighbourhood("event", ids["workshop"])) == {
        "Madrid workshop",
        "Bolat Seitkali",
        "Chen Li",
        "Farida Omarova",
    }
    visit = neighbourhood("delegation", ids["visit"])
    assert names(visit) == {
        "CSIC delegation to Astana",
        "CSIC",
        "Diego García",
        "Aigerim Nurlanova",
        "Chen Li",
    }
    assert "Madrid workshop" in names(neighbourhood("delegation", ids["visit"], steps=2))


def test_an_organization_meets_through_the_events_it_took_part_in(ids):
    found = neighbourhood("organization", ids["nu"])
    assert names(found) == {"NU", "Astana forum", "Aigerim Nurlanova", "Bolat Seitkali"}
    assert found.nodes[found.centre].name == "Nazarbayev University"


def test_the_period_keeps_the_occasions_that_overlap_it(ids):
    aigerim = ids["aigerim"]
    only_2021 = neighbourhood("person", aigerim, period=Period(dt.date(2021, 9, 3), None))
    assert "CSIC delegation to Astana" in names(only_2021)
    assert "Astana forum" not in names(only_2021)
    until_2020 = neighbourhood("person", aigerim, period=Period(None, dt.date(2021, 8, 31)))
    assert names(until_2020) == {"Aigerim Nurlanova", "Astana forum", "Bolat Seitkali", "NU"}
    none = neighbourhood("person", aigerim, period=Period(dt.date(2024, 1, 1), None))
    assert names(none) == {"Aigerim Nurlanova"}
    assert (
        picture_note(none)
    ) == "No event or delegation links “Aigerim Nurlanova” to anyone in this period."
    assert picture_caption(none) == "1 step · from 01.01.2024"


def test_a_period_ending_before_it_starts_is_refused(ids):
    with pytest.raises(RelationshipRefused, match="ends"):
        neighbourhood(
            "person", ids["aigerim"], period=Period(dt.date(2024, 1, 1), dt.date(2023, 1, 1))
        )


def test_someone_who_met_nobody_stands_alone(ids):
    found = neighbourhood("person", ids["erlan"], steps=2)
    assert names(found) == {"Erlan Abenov"}
    assert found.edges == []
    assert picture_note(found) == "No event or delegation links “Erlan Abenov” to anyone yet."


def test_a_busy_event_is_cut_at_the_limit_centre_first(ids):
    from models.kinds.people import PEOPLE

    for number in range(30):
        person = PEOPLE.save({"full_name": f"Guest {number:02d}"})
        EventParticipant.create(event=ids["forum"], person=person.id)
    found = neighbourhood("event", ids["forum"], limit=12)
    assert len(found.nodes) == 12
    assert found.truncated
    assert ("event", ids["forum"]) in found.nodes
    assert all(edge.source in found.nodes and edge.target in found.nodes for edge in found.edges)
    assert picture_note(found).startswith("Only the nearest 12 records are shown")


def test_the_layout_is_the_same_every_time_and_keeps_records_apart(ids):
    found = neighbourhood("person", ids["aigerim"], steps=2)
    first, second = radial_layout(found), radial_layout(neighbourhood("person", ids["aigerim"], 2))
    assert first == second
    assert set(first) == set(found.nodes)
    assert (first[found.centre].x, first[found.centre].y) == (0.0, 0.0)
    points = [(p.x, p.y) for p in first.values()]
    closest = min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1 :])
    assert closest > 20
    # Further from the centre, the more links away.
    by_depth = {}
    for key, place in first.items():
        by_depth.setdefault(found.nodes[key].depth, set()).add(round(math.hypot(place.x, place.y)))
    assert all(len(ring) == 1 for ring in by_depth.values())
    radii = [next(iter(by_depth[depth])) for depth in sorted(by_depth)]
    assert radii == sorted(set(radii))


def test_the_picture_is_titled_in_the_interface_language(ids):
    from models.words.translation import set_language

    found = neighbourhood("organization", ids["csic"])
    assert picture_title(found) == "Who met whom: Spanish National Research Council"
    set_language("ru")
    assert picture_title(found) == "Кто с кем встречался: Spanish National Research Council"
    assert picture_caption(found) == "1 шаг · все даты"
    two = neighbourhood("organization", ids["csic"], steps=2)
    assert picture_caption(two) == "2 шага · все даты"


def test_a_person_named_on_the_command_line_is_found_once(ids):
    assert find_person("chen li").id == ids["chen"]
    assert find_person(str(ids["farida"])).id == ids["farida"]
    with pytest.raises(RelationshipRefused, match="No person is called “Zhanna”"):
        find_person("Zhanna")
    with pytest.raises(RelationshipRefused, match="There is no person no. 999"):
        find_person("999")
    from models.kinds.people import PEOPLE

    PEOPLE.save({"full_name": "Chen  LI", "other_names": "Чэнь Ли"})
    with pytest.raises(RelationshipRefused, match="names several people"):
        find_person("Chen Li")
