"""Merging twins: every link of the others moves to the record kept, names in every language
are kept, the merge is one change in the history, the others wait in the trash, and undoing
it (or restoring one of them) puts the database back exactly as it was."""

from __future__ import annotations

import datetime as dt

import pytest

from models import history, merging, trash
from models.duplicates.finder import find_duplicates
from models.duplicates.marks import is_marked, mark_not_duplicate
from models.errors import SeriktesError
from models.kinds.registry import editor_for
from models.store import records as r
from models.store.attachments import attach_file, attachments_of
from models.undo import UndoHistory

# What a merge and its undoing change; the history, the trash and the merge log only grow.
BOOKKEEPING = (r.Change, r.TrashItem, r.Merge, r.Info)


def save(kind, **values):
    return editor_for(kind).save(values).id


def snapshot():
    """Every row, but the versions, which count every write (an undo is one)."""
    return {
        model._meta.table_name: sorted(
            ({k: v for k, v in row.items() if k != "version"} for row in model.select().dicts()),
            key=lambda row: row.get("id") or 0,
        )
        for model in r.ALL_MODELS
        if model not in BOOKKEEPING
    }


@pytest.fixture
def linked(database, tmp_path):
    """Two organizations that are one, each with people, participations, delegations,
    programs, agreements, figures, mentions, tags and files; and two people who are one."""
    kept = save("organization", name="Nazarbayev University", country="KZ", tags=["Science"])
    other = save(
        "organization",
        name="Назарбаев Университет",
        name_kk="Назарбаев Университеті",
        short_name="NU",
        city="Astana",
        tags=["Science", "Education"],
    )
    branch = save("organization", name="NU Almaty office", parent=other)
    nurbek = save("person", full_name="Sayasat Nurbek", organization=kept)
    nurbek_ru = save("person", full_name="Нурбек Саясат", organization=other, phone="+7 700 1")
    event = save("event", title="Science forum", starts_on=dt.date(2025, 4, 10))
    r.EventParticipant.create(event=event, organization=other, role="organizer")
    r.EventParticipant.create(event=event, person=nurbek_ru, role="speaker")
    delegation = save("delegation", title="Visit to Astana", organization=other, head=nurbek_ru)
    r.DelegationMember.create(delegation=delegation, person=nurbek_ru, side="member")
    r.FollowUp.create(delegation=delegation, action="Send the draft", responsible_person=nurbek_ru)
    program = save("program", name="Joint research", lead=other)
    r.ProgramPartner.create(program=program, organization=other, role="partner")
    agreement = save("agreement", title="Memorandum", signed_on=dt.date(2024, 1, 2))
    r.AgreementParty.create(agreement=agreement, organization=kept)
    r.AgreementParty.create(agreement=agreement, organization=other, signatory=nurbek_ru)
    figure = save("figure", measure="Joint publications", value=1130, organization=other)
    source = save("source", title="Press article")
    r.SourceMention.create(source=source, record_kind="organization", record_id=other)
    paper = tmp_path / "letter.txt"
    paper.write_text("Dear colleagues")
    attach_file("organization", other, paper)
    return {
        "kept": kept,
        "other": other,
        "branch": branch,
        "nurbek": nurbek,
        "nurbek_ru": nurbek_ru,
        "event": event,
        "delegation": delegation,
        "program": program,
        "agreement": agreement,
        "figure": figure,
        "source": source,
    }


def test_every_link_of_the_merged_organization_moves_to_the_one_kept(linked):
    kept, other = linked["kept"], linked["other"]
    merged = merging.merge_records("organization", kept, [other])
    assert merged.titles == ("Назарбаев Университет (NU)",)
    values = editor_for("organization").load(kept)
    # Its own values win, its empty fields are filled, every name is kept.
    assert values["name"] == "Nazarbayev University"
    assert values["country"] == "KZ" and values["city"] == "Astana" and values["short_name"] == "NU"
    assert values["name_kk"] == "Назарбаев Университеті"
    assert values["name_ru"] == "Назарбаев Университет"
    assert sorted(values["tags"]) == ["Education", "Science"]
    assert r.Organization.get_by_id(linked["branch"]).parent_id == kept
    assert r.Person.get_by_id(linked["nurbek_ru"]).organization_id == kept
    assert r.EventParticipant.get(r.EventParticipant.role == "organizer").organization_id == kept
    assert r.Delegation.get_by_id(linked["delegation"]).organization_id == kept
    assert r.Program.get_by_id(linked["program"]).lead_id == kept
    assert r.ProgramPartner.get().organization_id == kept
    # The kept record was a party already: its row takes the other's signatory.
    party = r.AgreementParty.get(r.AgreementParty.organization == kept)
    assert party.signatory_id == linked["nurbek_ru"]
    assert r.KeyFigure.get_by_id(linked["figure"]).organization_id == kept
    assert r.SourceMention.get().record_id == kept
    assert [a.file_name for a in attachments_of("organization", kept)] == ["letter.txt"]
    assert r.Organization.get_or_none(r.Organization.id == other) is None
    assert [item.title for item in trash.trash_items()] == ["Назарбаев Университет (NU)"]
    changes = history.history_of("organization", kept)
    assert any(c.action == history.MERGED for c in changes)
    # The other's history came along, so the kept record's history tells it too.
    assert any(c.field == "name_kk" and c.action == history.CREATED for c in changes)


def test_merged_people_bring_their_participations_places_and_signatures(linked):
    nurbek, twin = linked["nurbek"], linked["nurbek_ru"]
    merging.merge_records("person", nurbek, [twin])
    values = editor_for("person").load(nurbek)
    assert values["full_name"] == "Sayasat Nurbek"
    assert "Нурбек Саясат" in values["other_names"]
    assert values["phone"] == "+7 700 1"
    assert r.EventParticipant.get(r.EventParticipant.role == "speaker").person_id == nurbek
    assert r.DelegationMember.get().person_id == nurbek
    assert r.Delegation.get_by_id(linked["delegation"]).head_id == nurbek
    assert r.FollowUp.get().responsible_person_id == nurbek
    assert r.AgreementParty.get(r.AgreementParty.signatory.is_null(False)).signatory_id == nurbek


@pytest.mark.parametrize("how", ["undo", "restore"])
def test_a_merge_is_undone_exactly_by_undo_or_by_restoring_from_the_trash(linked, how):
    before = snapshot()
    merged = merging.merge_records("organization", linked["kept"], [linked["other"]])
    assert snapshot() != before
    if how == "undo":
        merging.undo_merge(merged.batch)
    else:
        item = trash.trash_items()[0]
        assert isinstance(merging.restore_from_trash(item.id), merging.Unmerged)
    assert snapshot() == before
    assert trash.trash_items() == []
    actions = [c.action for c in history.history_of("organization", linked["kept"])]
    assert history.MERGED in actions and history.UNMERGED in actions


def test_a_merge_is_one_step_of_undo_and_redo(linked):
    steps = UndoHistory()
    before = snapshot()
    merged = merging.merge_records("organization", linked["kept"], [linked["other"]])
    steps.merged(merged)
    after = editor_for("organization").load(linked["kept"])
    steps.undo()
    assert snapshot() == before
    steps.redo()
    assert editor_for("organization").load(linked["kept"]) == after
    assert r.Organization.get_or_none(r.Organization.id == linked["other"]) is None
    steps.undo()
    assert snapshot() == before


def test_three_records_merge_at_once_with_the_fields_chosen(linked):
    third = save("organization", name="Nazarbayev Univ.", website="https://nu.edu.kz")
    kept = linked["kept"]
    chosen = {"name": "Назарбаев Университет", "city": "Nur-Sultan"}
    merging.merge_records("organization", kept, [linked["other"], third], chosen)
    values = editor_for("organization").load(kept)
    assert values["name"] == "Назарбаев Университет" and values["city"] == "Nur-Sultan"
    assert len(trash.trash_items()) == 2


def test_merged_twins_are_no_longer_found_and_marks_follow_the_kept_record(linked):
    kept, other = linked["kept"], linked["other"]
    lookalike = save("organization", name="Nazarbayev Universitet Almaty", country="KZ")
    mark_not_duplicate("organization", other, lookalike)
    assert frozenset((kept, other)) in {frozenset(t.ids) for t in find_duplicates("organization")}
    merging.merge_records("organization", kept, [other])
    assert is_marked("organization", kept, lookalike)
    assert all(other not in t.ids for t in find_duplicates("organization"))


def test_a_merge_that_cannot_be_made_is_refused_and_changes_nothing(linked):
    kept, other = linked["kept"], linked["other"]
    before = snapshot()
    with pytest.raises(SeriktesError, match="cannot be merged into itself"):
        merging.merge_records("organization", kept, [kept])
    with pytest.raises(SeriktesError, match="no record no. 9999"):
        merging.merge_records("organization", kept, [other, 9999])
    with pytest.raises(SeriktesError):
        merging.merge_records("organization", kept, [other], {"name": ""})
    assert snapshot() == before
    merging.merge_records("organization", kept, [other])
    with pytest.raises(SeriktesError, match="is in the trash"):
        merging.merge_records("organization", kept, [other])
