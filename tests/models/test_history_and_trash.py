"""Every change is recorded; deleted records wait in the trash with their links; saves,
deletes and imports can be undone and redone exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from exports.importer import apply_import, preview_import
from exports.spreadsheet_reader import read_workbook
from models import history, trash
from models.errors import SeriktesError
from models.kinds.delegations import DELEGATIONS
from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.search import find
from models.store.attachments import attach_file, attachment_bytes, attachments_of
from models.store.base import current_user
from models.store.records import (
    Delegation,
    EventParticipant,
    KeyFigure,
    Organization,
    Person,
    TrashItem,
)

from ..exports.import_files import xlsx


@pytest.fixture
def istc(database):
    return ORGANIZATIONS.save(
        {
            "name": "International Science and Technology Center",
            "short_name": "ISTC",
            "country": "KZ",
            "tags": ["Science"],
            "areas": ["Horizon Europe"],
        }
    )


def test_every_change_is_recorded_field_by_field(istc):
    ORGANIZATIONS.save({**ORGANIZATIONS.load(istc.id), "city": "Astana", "country": "ES"}, istc.id)
    changes = history.history_of("organization", istc.id)
    latest = {
        c.field: (history.decode(c.old), history.decode(c.new))
        for c in changes
        if c.action == history.CHANGED
    }
    assert latest == {"city": ("", "Astana"), "country": ("KZ", "ES")}
    created = {c.field for c in changes if c.action == history.CREATED}
    assert {"name", "short_name", "country", "tags", "areas"} <= created
    assert {change.user for change in changes} == {current_user()}


def test_an_earlier_value_can_be_brought_back(istc):
    ORGANIZATIONS.save({**ORGANIZATIONS.load(istc.id), "city": "Almaty"}, istc.id)
    ORGANIZATIONS.save({**ORGANIZATIONS.load(istc.id), "city": "Astana"}, istc.id)
    almaty = next(
        c
        for c in history.history_of("organization", istc.id)
        if c.field == "city" and history.decode(c.new) == "Astana"
    )
    history.restore_value(almaty.id)
    assert Organization.get_by_id(istc.id).city == "Almaty"


def test_undo_and_redo_of_a_save_restore_exact_values_and_links(istc):
    person = PEOPLE.save({"full_name": "Karina Angelieva"})
    event = EVENTS.save(
        {
            "title": "Meeting",
            "starts_on": dt.date(2025, 3, 5),
            "participants": [{"person": person.id, "role": "speaker"}],
        }
    )
    before = EVENTS.load(event.id)
    edited = EVENTS.save(
        {
            **before,
            "title": "Meeting with the ISTC",
            "ends_on": dt.date(2025, 3, 6),
            "participants": [{"organization": istc.id, "role": "host"}],
        },
        event.id,
    )
    after = EVENTS.load(event.id)
    history.revert(edited.change_set)
    assert EVENTS.load(event.id) == before
    history.reapply(edited.change_set)
    assert EVENTS.load(event.id) == after


def test_a_deleted_record_comes_back_from_the_trash_with_its_links(istc, tmp_path):
    person = PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    event = EVENTS.save(
        {
            "title": "Meeting",
            "participants": [
                {"organization": istc.id, "role": "host"},
                {"person": person.id, "role": "speaker"},
            ],
        }
    )
    KeyFigure.create(measure="projects", value=50, organization=istc.id)
    note = tmp_path / "memorandum.pdf"
    note.write_bytes(b"%PDF signed")
    attach_file("organization", istc.id, note)
    before = ORGANIZATIONS.load(istc.id)

    item = trash.move_to_trash("organization", istc.id)
    assert item.title == "International Science and Technology Center (ISTC)"
    assert Organization.select().count() == 0
    assert Person.get_by_id(person.id).organization is None
    assert EventParticipant.select().where(EventParticipant.event == event.id).count() == 1
    assert find("ISTC") == []

    kind, record_id = trash.restore(item.id)
    assert (kind, record_id) == ("organization", istc.id)
    assert ORGANIZATIONS.load(istc.id) == before
    assert Person.get_by_id(person.id).organization_id == istc.id
    assert EventParticipant.select().where(EventParticipant.event == event.id).count() == 2
    assert KeyFigure.get().organization_id == istc.id
    [attachment] = attachments_of("organization", istc.id)
    assert attachment.file_name == "memorandum.pdf"
    assert [hit.title for hit in find("ISTC")][:1] == [
        "International Science and Technology Center (ISTC)"
    ]
    assert TrashItem.select().count() == 0
    with pytest.raises(SeriktesError, match="no longer in the trash"):
        trash.restore(item.id)


def test_delete_for_good_and_emptying_the_trash(istc):
    other = ORGANIZATIONS.save({"name": "CSIC"})
    first = trash.move_to_trash("organization", istc.id)
    trash.move_to_trash("organization", other.id)
    trash.delete_for_good(first.id)
    assert [item.title for item in trash.trash_items()] == ["CSIC"]
    assert trash.empty_trash() == 1
    assert trash.trash_items() == []


def test_undo_of_an_import_takes_its_records_away_and_redo_brings_them_back(database, tmp_path):
    sheet = xlsx(
        tmp_path / "partners.xlsx", [["Name", "Country"], ["CSIC", "Spain"], ["NU", "Kazakhstan"]]
    )
    result = apply_import(preview_import(read_workbook(sheet), "organization"))
    values = {i: ORGANIZATIONS.load(i) for i in result.created_ids}
    batch = trash.move_many_to_trash("organization", result.created_ids)
    assert Organization.select().count() == 0
    restored = trash.restore_batch(batch)
    assert {record_id for _kind, record_id in restored} == set(result.created_ids)
    assert {i: ORGANIZATIONS.load(i) for i in result.created_ids} == values


def test_records_trashed_together_come_back_each_with_its_own_links(istc, monkeypatch):
    """An undone import trashes its records a few hundred at a time; each is kept and comes
    back exactly as one trashed alone, whatever else the chunk holds."""
    monkeypatch.setattr(trash, "_CHUNK", 2)  # the records span several chunks
    csic = ORGANIZATIONS.save(
        {"name": "Spanish National Research Council", "short_name": "CSIC", "tags": ["Europe"]}
    )
    nu = ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"})
    person = PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    figure = KeyFigure.create(measure="joint publications", value=1130, organization=csic.id)
    ids = [istc.id, csic.id, nu.id]
    before = {record_id: ORGANIZATIONS.load(record_id) for record_id in ids}

    batch = trash.move_many_to_trash("organization", ids)
    assert Organization.select().count() == 0
    assert Person.get_by_id(person.id).organization is None
    assert KeyFigure.select().count() == 0
    assert find("CSIC") == [] and find("joint publications") == []
    assert [item.title for item in TrashItem.select().order_by(TrashItem.id)] == [
        "International Science and Technology Center (ISTC)",
        "Spanish National Research Council (CSIC)",
        "Nazarbayev University",
    ]
    assert [change.action for change in history.history_of("organization", csic.id)][0] == (
        history.DELETED
    )

    assert trash.restore_batch(batch) == [("organization", record_id) for record_id in ids]
    assert {record_id: ORGANIZATIONS.load(record_id) for record_id in ids} == before
    assert Person.get_by_id(person.id).organization_id == istc.id
    assert KeyFigure.get().id == figure.id and KeyFigure.get().organization_id == csic.id
    assert [hit.title for hit in find("CSIC")][:1] == ["Spanish National Research Council (CSIC)"]
    assert ("figure", figure.id) in [(hit.kind, hit.id) for hit in find("joint publications")]
    assert [change.action for change in history.history_of("organization", nu.id)][0] == (
        history.RESTORED
    )
    assert TrashItem.select().count() == 0


def test_undoing_an_import_leaves_out_a_record_deleted_since(database, tmp_path):
    sheet = xlsx(
        tmp_path / "partners.xlsx", [["Name", "Country"], ["CSIC", "Spain"], ["NU", "Kazakhstan"]]
    )
    csic, nu = apply_import(preview_import(read_workbook(sheet), "organization")).created_ids
    alone = trash.move_to_trash("organization", nu)  # deleted by itself after the import
    batch = trash.move_many_to_trash("organization", [csic, nu])
    assert Organization.select().count() == 0
    assert [item.record_id for item in TrashItem.select().where(TrashItem.batch == batch)] == [csic]
    assert trash.restore(alone.id) == ("organization", nu)


def test_a_restored_record_whose_id_was_taken_meanwhile_gets_a_new_one(database):
    csic = ORGANIZATIONS.save({"name": "CSIC"})
    batch = trash.move_many_to_trash("organization", [csic.id])
    Organization.insert(
        id=csic.id,
        name="Nazarbayev University",
        name_key="nazarbayevuniversity",
        search_text="nazarbayev university",
    ).execute()
    [(kind, record_id)] = trash.restore_batch(batch)
    assert kind == "organization" and record_id != csic.id
    assert Organization.get_by_id(record_id).name == "CSIC"
    assert Organization.get_by_id(csic.id).name == "Nazarbayev University"


def test_a_restore_never_takes_back_what_was_linked_elsewhere_after_the_delete(istc):
    csic = ORGANIZATIONS.save({"name": "Spanish National Research Council", "country": "ES"})
    moved = PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    waiting = PEOPLE.save({"full_name": "Aigerim Seitkali", "organization": istc.id})
    unlinked = PEOPLE.save({"full_name": "Bolat Nurbekov"})
    branch = ORGANIZATIONS.save({"name": "ISTC office in Almaty", "parent": istc.id})
    visit = DELEGATIONS.save({"title": "ISTC at the ministry", "organization": istc.id})
    item = trash.move_to_trash("organization", istc.id)

    # After the delete, one person, the branch and the visit are linked to CSIC instead.
    PEOPLE.save({**PEOPLE.load(moved.id), "organization": csic.id}, moved.id)
    ORGANIZATIONS.save({**ORGANIZATIONS.load(branch.id), "parent": csic.id}, branch.id)
    DELEGATIONS.save({**DELEGATIONS.load(visit.id), "organization": csic.id}, visit.id)
    trash.restore(item.id)

    assert Person.get_by_id(moved.id).organization_id == csic.id
    assert Organization.get_by_id(branch.id).parent_id == csic.id
    assert Delegation.get_by_id(visit.id).organization_id == csic.id
    # What nobody touched comes back to it; who was never linked to it stays apart.
    assert Person.get_by_id(waiting.id).organization_id == istc.id
    assert Person.get_by_id(unlinked.id).organization_id is None


def test_the_rows_of_a_record_restored_under_a_new_id_point_at_it(database, tmp_path):
    """The record's id was given to another meanwhile: everything it had follows it to its new
    id, and nothing of it lands on the record holding the old one."""
    csic = ORGANIZATIONS.save(
        {"name": "Spanish National Research Council", "short_name": "CSIC", "tags": ["Europe"]}
    )
    person = PEOPLE.save({"full_name": "Karina Angelieva", "organization": csic.id})
    event = EVENTS.save(
        {"title": "Meeting", "participants": [{"organization": csic.id, "role": "host"}]}
    )
    figure = KeyFigure.create(measure="joint publications", value=1130, organization=csic.id)
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF letter")
    attach_file("organization", csic.id, letter)
    item = trash.move_to_trash("organization", csic.id)
    nu = Organization.insert(
        id=csic.id,
        name="Nazarbayev University",
        name_key="nazarbayevuniversity",
        search_text="nazarbayev university",
    ).execute()

    kind, new_id = trash.restore(item.id)
    assert kind == "organization" and new_id not in (nu, csic.id)
    assert Organization.get_by_id(new_id).name == "Spanish National Research Council"
    assert ORGANIZATIONS.load(new_id)["tags"] == ["Europe"]
    assert KeyFigure.get_by_id(figure.id).organization_id == new_id
    [participant] = EventParticipant.select().where(EventParticipant.event == event.id)
    assert participant.organization_id == new_id
    assert Person.get_by_id(person.id).organization_id == new_id
    [attachment] = attachments_of("organization", new_id)
    assert (attachment.file_name, attachment_bytes(attachment.id)) == ("letter.pdf", b"%PDF letter")
    # The record that holds the old id got none of it.
    assert ORGANIZATIONS.load(nu)["tags"] == []
    assert attachments_of("organization", nu) == []
    assert list(Organization.get_by_id(nu).figures) == []


def test_each_delete_is_its_own_item_and_restoring_one_leaves_the_others(database, clock, tmp_path):
    """Deleted one after the other: the newest first in the trash, each undone alone."""
    csic = ORGANIZATIONS.save({"name": "CSIC", "tags": ["Europe"]})
    nu = ORGANIZATIONS.save({"name": "Nazarbayev University", "tags": ["Kazakhstan"]})
    for record, name in ((csic, "csic.pdf"), (nu, "nu.pdf")):
        (tmp_path / name).write_bytes(name.encode())
        attach_file("organization", record.id, tmp_path / name)
    upm = ORGANIZATIONS.save({"name": "UPM"})
    clock.set_clock(dt.datetime(2028, 2, 29, 10, 0))
    first = trash.move_to_trash("organization", csic.id)
    clock.set_clock(dt.datetime(2028, 2, 29, 11, 0))
    second = trash.move_to_trash("organization", nu.id)
    clock.set_clock(dt.datetime(2028, 2, 29, 11, 0))  # within the same second
    third = trash.move_to_trash("organization", upm.id)
    assert (first.record_id, second.record_id, third.record_id) == (csic.id, nu.id, upm.id)
    assert [item.title for item in (first, second, third)] == [
        "CSIC",
        "Nazarbayev University",
        "UPM",
    ]
    assert len({first.batch, second.batch, third.batch}) == 3
    assert [item.title for item in trash.trash_items()] == ["UPM", "Nazarbayev University", "CSIC"]

    assert trash.restore(second.id) == ("organization", nu.id)
    assert [o.name for o in Organization.select()] == ["Nazarbayev University"]
    assert ORGANIZATIONS.load(nu.id)["tags"] == ["Kazakhstan"]
    [nu_file] = attachments_of("organization", nu.id)
    assert attachment_bytes(nu_file.id) == b"nu.pdf"
    assert [item.title for item in trash.trash_items()] == ["UPM", "CSIC"]
    assert trash.restore_batch(first.batch) == [("organization", csic.id)]
    assert ORGANIZATIONS.load(csic.id)["tags"] == ["Europe"]
    [csic_file] = attachments_of("organization", csic.id)
    assert attachment_bytes(csic_file.id) == b"csic.pdf"
    assert [item.title for item in trash.trash_items()] == ["UPM"]
    with pytest.raises(SeriktesError, match=r"^This record is no longer in the trash\.$"):
        trash.restore(second.id)


def test_rows_deleted_with_a_record_come_back_with_their_own_numbers(istc):
    """A participant row, a key figure (no. 2, shown by its number), each keeps its id."""
    other = ORGANIZATIONS.save({"name": "CSIC"})
    event = EVENTS.save(
        {
            "title": "Meeting",
            "participants": [
                {"organization": istc.id, "role": "host"},
                {"organization": other.id, "role": "attendee"},
            ],
        }
    )
    kept = KeyFigure.create(measure="projects", value=50, organization=istc.id)
    KeyFigure.create(measure="publications", value=10, organization=other.id)
    before = {p.id: p.organization_id for p in EventParticipant.select()}
    item = trash.move_to_trash("organization", istc.id)
    trash.restore(item.id)
    assert {p.id: p.organization_id for p in EventParticipant.select()} == before
    assert KeyFigure.get(KeyFigure.measure == "projects").id == kept.id
    assert [
        p.organization_id
        for p in EventParticipant.select()
        .where(EventParticipant.event == event.id)
        .order_by(EventParticipant.id)
    ] == [istc.id, other.id]


def test_records_deleted_together_twice_are_two_batches(database):
    ids = [ORGANIZATIONS.save({"name": name}).id for name in ("A", "B", "C")]
    first = trash.move_many_to_trash("organization", ids[:2])
    second = trash.move_many_to_trash("organization", ids[2:])
    assert first != second
    assert trash.restore_batch(second) == [("organization", ids[2])]
    assert [o.name for o in Organization.select()] == ["C"]


def test_undoing_an_import_leaves_out_a_whole_chunk_deleted_since(database, monkeypatch):
    monkeypatch.setattr(trash, "_CHUNK", 2)
    ids = [ORGANIZATIONS.save({"name": name}).id for name in ("A", "B", "C", "D", "E")]
    for record_id in ids[:2]:  # the first chunk, deleted by itself after the import
        trash.move_to_trash("organization", record_id)
    batch = trash.move_many_to_trash("organization", ids)
    assert Organization.select().count() == 0
    in_batch = TrashItem.select().where(TrashItem.batch == batch).order_by(TrashItem.id)
    assert [item.title for item in in_batch] == ["C", "D", "E"]


def test_an_import_is_one_change_in_the_history_of_each_of_its_records(database, tmp_path):
    sheet = xlsx(
        tmp_path / "partners.xlsx", [["Name", "Country"], ["CSIC", "Spain"], ["NU", "Kazakhstan"]]
    )
    csic, nu = apply_import(preview_import(read_workbook(sheet), "organization")).created_ids
    [of_csic] = history.history_of("organization", csic)
    [of_nu] = history.history_of("organization", nu)
    assert of_csic.action == of_nu.action == history.IMPORTED
    assert of_csic.change_set == of_nu.change_set  # the two came in one import
    assert history.decode(of_csic.new) == "added with others at once"
    trash.move_many_to_trash("organization", [csic, nu])
    deleted = [history.history_of("organization", i)[0] for i in (csic, nu)]
    assert [change.action for change in deleted] == [history.DELETED] * 2
    assert deleted[0].change_set != deleted[1].change_set  # each its own, as one alone is
    assert history.decode(deleted[1].new) == "NU"
