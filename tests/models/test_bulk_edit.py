"""Bulk edits: checked record by record before anything is written, written at once, in
each record's history, and taken back and made again as one step."""

from __future__ import annotations

import pytest

from models import history
from models.bulk_edit import (
    ADD_TAG,
    REMOVE_TAG,
    TO_TRASH,
    apply_bulk,
    bulk_fields,
    matching_ids,
    plan_bulk,
    plan_summary,
)
from models.editing import record_tags
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.listing import ListRequest
from models.store.records import Organization, Person
from models.undo import UndoHistory


@pytest.fixture
def partners(database):
    def org(**values):
        return ORGANIZATIONS.save(values).id

    return {
        "alpha_kz": org(name="Alpha Institute", country="KZ", status="active"),
        "alpha_fr": org(name="Alpha Institute", country="FR", status="active"),
        "beta": org(name="Beta University", country="FR", status="prospective", tags=["2025"]),
        "gamma": org(name="Gamma Centre", country="KZ", status="active"),
    }


def country_of(record_id: int) -> str | None:
    return Organization.get_by_id(record_id).country_id


def test_a_bulk_change_refused_in_part_names_the_rows_and_is_undone_as_one_step(partners):
    chosen = [partners["alpha_fr"], partners["beta"], partners["gamma"]]
    plan = plan_bulk("organization", chosen, "country", "KZ")
    assert plan.to_change == [partners["beta"]]
    assert plan.unchanged == [partners["gamma"]]
    assert [(r.record_id, r.title) for r in plan.refused] == [
        (partners["alpha_fr"], "Alpha Institute")
    ]
    assert "“Alpha Institute” is already recorded" in plan.refused[0].reason
    assert plan_summary(plan) == [
        "1 record will be changed.",
        "1 record is already so and stays as it is.",
        "1 record would be refused and stays as it is:",
    ]
    assert country_of(partners["beta"]) == "FR"  # planning wrote nothing

    steps = UndoHistory()
    version = Organization.get_by_id(partners["beta"]).version
    change_set = apply_bulk(plan)
    # a form opened before the change sees it before saving over it
    assert Organization.get_by_id(partners["beta"]).version == version + 1
    steps.bulk_edited("organization", {partners["beta"]: "Beta University"}, change_set, "1")
    assert country_of(partners["beta"]) == "KZ"
    assert country_of(partners["alpha_fr"]) == "FR"
    # found by its new country's name at once, as after a save
    found = matching_ids("organization", ListRequest(search="Kazakhstan beta"))
    assert found == [partners["beta"]]
    latest = history.history_of("organization", partners["beta"])[0]
    assert (latest.field, history.decode(latest.old), history.decode(latest.new)) == (
        "country",
        "FR",
        "KZ",
    )

    steps.undo()
    assert country_of(partners["beta"]) == "FR"
    assert matching_ids("organization", ListRequest(search="Kazakhstan beta")) == []
    undone = history.history_of("organization", partners["beta"])[0]
    assert (history.decode(undone.old), history.decode(undone.new)) == ("KZ", "FR")
    steps.redo()
    assert country_of(partners["beta"]) == "KZ"


def test_a_status_outside_the_list_is_refused_for_every_record(partners):
    plan = plan_bulk("organization", list(partners.values()), "status", "bogus")
    assert plan.to_change == [] and len(plan.refused) == 4
    assert "Status: “bogus” is not one of the choices" in plan.refused[0].reason


def test_a_tag_is_added_and_removed_and_found_by(partners):
    ids = [partners["beta"], partners["gamma"]]
    plan = plan_bulk("organization", ids, ADD_TAG, " 2025 ")
    assert (plan.to_change, plan.unchanged) == ([partners["gamma"]], [partners["beta"]])
    apply_bulk(plan)
    assert record_tags("organization", partners["gamma"]) == ["2025"]
    tagged = ListRequest(search="2025")
    assert set(matching_ids("organization", tagged)) == set(ids)
    apply_bulk(plan_bulk("organization", ids, REMOVE_TAG, "2025"))
    assert record_tags("organization", partners["beta"]) == []
    assert matching_ids("organization", tagged) == []


def test_people_move_to_another_organization_and_fields_follow_the_kind(partners):
    people = [PEOPLE.save({"full_name": name}).id for name in ("Aida Nurlan", "Sayasat Nurbek")]
    apply_bulk(plan_bulk("person", people, "organization", partners["gamma"]))
    assert {Person.get_by_id(p).organization_id for p in people} == {partners["gamma"]}
    assert [f.key for f in bulk_fields("person")] == [
        "organization",
        ADD_TAG,
        REMOVE_TAG,
        TO_TRASH,
    ]
    assert [f.key for f in bulk_fields("organization")][:3] == ["status", "kind", "country"]
    refused = plan_bulk("person", people, "organization", 999_999)
    assert "no longer exists" in refused.refused[0].reason


def test_all_that_match_follows_the_search_and_filters(partners):
    request = ListRequest(filters={"country": "KZ"}, sort="name")
    assert matching_ids("organization", request) == [partners["alpha_kz"], partners["gamma"]]


def test_records_moved_to_the_trash_together_come_back_with_one_undo(partners):
    ids = [partners["beta"], partners["gamma"], 999_999]
    plan = plan_bulk("organization", ids, TO_TRASH, None)
    assert plan.to_change == [partners["beta"], partners["gamma"]]
    steps = UndoHistory()
    batch = apply_bulk(plan)
    steps.deleted_many("organization", {i: f"no. {i}" for i in plan.to_change}, batch, "2")
    assert Organization.select().count() == 2
    steps.undo()
    assert Organization.select().count() == 4
    assert record_tags("organization", partners["beta"]) == ["2025"]


def test_the_search_text_a_bulk_change_writes_is_the_one_a_save_writes(partners):
    ids = list(partners.values())
    apply_bulk(plan_bulk("organization", ids, ADD_TAG, "Évora"))
    to_spain = plan_bulk("organization", ids, "country", "ES")
    # the two Alphas would become twins in Spain: the second is refused, saying why
    assert [r.record_id for r in to_spain.refused] == [partners["alpha_fr"]]
    assert "same name as no. 1" in to_spain.refused[0].reason
    apply_bulk(to_spain)
    written = {o.id: o.search_text for o in Organization.select()}
    for record_id in ids:
        ORGANIZATIONS.save(ORGANIZATIONS.load(record_id), record_id)
    assert {o.id: o.search_text for o in Organization.select()} == written
    assert "evora" in written[partners["gamma"]] and "spain" in written[partners["gamma"]]


def test_the_open_follow_ups_of_delegations_get_one_owner_and_undo_gives_theirs_back(database):
    import datetime as dt

    from models.bulk_edit import FOLLOW_UP_OWNER
    from models.kinds.delegations import DELEGATIONS

    aida, dauren = (PEOPLE.save({"full_name": n}).id for n in ("Aida Nurlan", "Dauren Abenov"))
    visit = DELEGATIONS.save(
        {
            "title": "CSIC visit",
            "direction": "incoming",
            "follow_ups": [
                {
                    "action": "Send the minutes",
                    "due_on": dt.date(2026, 3, 1),
                    "responsible_person": aida,
                },
                {
                    "action": "Book the hall",
                    "done": True,
                    "done_on": dt.date(2026, 2, 1),
                    "responsible_person": aida,
                },
            ],
        }  # fmt: skip
    ).id
    quiet = DELEGATIONS.save({"title": "Courtesy call", "direction": "outgoing"}).id
    assert FOLLOW_UP_OWNER in [f.key for f in bulk_fields("delegation")]
    assert plan_bulk("delegation", [visit], FOLLOW_UP_OWNER, 999_999).refused
    plan = plan_bulk("delegation", [visit, quiet], FOLLOW_UP_OWNER, dauren)
    assert (plan.to_change, plan.unchanged) == ([visit], [quiet])
    steps = UndoHistory()
    steps.bulk_edited("delegation", {visit: "CSIC visit"}, apply_bulk(plan), "1")

    def owners():
        rows = DELEGATIONS.load(visit)["follow_ups"]
        return [(row["action"], row["responsible_person"], row["due_on"]) for row in rows]

    assert owners() == [
        ("Send the minutes", dauren, dt.date(2026, 3, 1)),
        ("Book the hall", aida, None),
    ]
    steps.undo()
    assert owners() == [
        ("Send the minutes", aida, dt.date(2026, 3, 1)),
        ("Book the hall", aida, None),
    ]
    assert history.history_of("delegation", visit)[0].field == "follow_ups"
