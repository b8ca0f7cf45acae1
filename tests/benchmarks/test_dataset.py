"""The benchmark data set at a few thousand records: made as the editors make records, the same
for the same seed, and lists over it paged, sorted and searched correctly. No timings here:
``benchmarks/run.py`` measures; these tests check what it measures is right."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from models.kinds.all_kinds import EDITORS_BY_KIND, LISTS_BY_KIND
from models.kinds.organizations import ORGANIZATION_LIST
from models.listing import ListRequest
from models.search import find, rebuild_search_index, record_key
from models.store.base import db
from models.store.database import close_database, open_database
from models.store.records import EventParticipant, Organization, Person
from models.words.collation import sort_key
from models.words.text import search_fold

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import make_dataset  # noqa: E402

SCALE = 0.02  # 2,000 organizations, 4,000 people, 10,000 participants
PAGE = 200


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    path = tmp_path_factory.mktemp("dataset") / "small.db"
    build = make_dataset.make_dataset(path, seed=11, scale=SCALE)
    return path, build


@pytest.fixture
def opened(dataset):
    path, build = dataset
    open_database(path, create=False)
    yield build
    close_database()


def all_pages(record_list, request: ListRequest) -> list[tuple]:
    rows, offset = [], 0
    while page := record_list.rows(request, offset, PAGE):
        rows += page
        offset += PAGE
    return rows


def test_every_kind_has_the_records_the_scale_asks_for(opened):
    wanted = make_dataset.scaled(SCALE)
    for kind, editor in EDITORS_BY_KIND.items():
        assert editor.model.select().count() == wanted[kind], kind
    assert (
        EventParticipant.select().count() == wanted["participant"] == opened.counts["participant"]
    )
    (largest,) = db.execute_sql(
        "SELECT COUNT(*) FROM event_participant GROUP BY event_id ORDER BY 1 DESC LIMIT 1"
    ).fetchone()
    assert largest == make_dataset.LARGE_EVENT_SIZE
    used = Organization.select(Organization.country).distinct().count()
    assert 20 < used <= make_dataset.COUNTRIES_USED
    kazakh = Organization.select().where(Organization.country == "KZ").count()
    assert 0.2 < kazakh / wanted["organization"] < 0.4
    names = Organization.select(Organization.name, Organization.name_ru, Organization.name_kk)
    for name, russian, kazakh_name in names.limit(50).tuples():
        assert name and russian and kazakh_name
        assert any("\u0400" <= letter <= "\u04ff" for letter in russian + kazakh_name)


def test_records_are_as_the_editors_save_them(opened):
    """Saving a record again through its editor changes nothing of what was built: its
    derived fields, search text and search entries are the editor's own."""
    for kind, editor in EDITORS_BY_KIND.items():
        count = editor.model.select().count()
        for record_id in sorted({1, count // 3, count // 2, count}):
            before = editor.model.get_by_id(record_id).__data__
            entries = db.execute_sql(
                "SELECT name FROM search_name WHERE record_key = ? ORDER BY name",
                (record_key(kind, record_id),),
            ).fetchall()
            with db.atomic() as transaction:
                values = editor.load(record_id)
                assert editor.problems(values, record_id) == [], (kind, record_id)
                editor.save(values, record_id)
                after = editor.model.get_by_id(record_id).__data__
                again = db.execute_sql(
                    "SELECT name FROM search_name WHERE record_key = ? ORDER BY name",
                    (record_key(kind, record_id),),
                ).fetchall()
                transaction.rollback()
            changed = {
                name
                for name in before
                # A save is a write: when, by whom and the version count it.
                if before[name] != after[name]
                and name not in ("updated_at", "updated_by", "version")
            }
            assert not changed, (kind, record_id, changed)
            assert entries == again, (kind, record_id)


def search_tables() -> str:
    digest = hashlib.sha256()
    for query in (
        "SELECT record_key, name FROM search_name ORDER BY 1, 2",
        "SELECT rowid, kind, record_id, names, text FROM search_index ORDER BY rowid",
    ):
        for row in db.execute_sql(query):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def test_the_search_index_is_the_one_rebuild_makes(opened):
    built = search_tables()
    with db.atomic() as transaction:
        rebuild_search_index()
        rebuilt = search_tables()
        transaction.rollback()
    assert built == rebuilt


def test_the_same_seed_makes_the_same_database(tmp_path):
    def contents(path: Path) -> str:
        open_database(path, create=False)
        try:
            digest = hashlib.sha256()
            for table in ("organization", "person", "event", "event_participant", "agreement"):
                for row in db.execute_sql(f"SELECT * FROM {table} ORDER BY id"):
                    digest.update(repr(row).encode())
            return digest.hexdigest()
        finally:
            close_database()

    first, second, other = (tmp_path / name for name in ("a.db", "b.db", "c.db"))
    make_dataset.make_dataset(first, seed=5, scale=0.005)
    make_dataset.make_dataset(second, seed=5, scale=0.005)
    make_dataset.make_dataset(other, seed=6, scale=0.005)
    assert contents(first) == contents(second)
    assert contents(first) != contents(other)


def test_a_database_is_never_overwritten(dataset):
    path, _build = dataset
    with pytest.raises(FileExistsError):
        make_dataset.make_dataset(path, scale=0.001)


@pytest.mark.parametrize(
    "request_",
    [
        ListRequest(sort="name"),
        ListRequest(sort="name", descending=True),
        ListRequest(sort="country"),
        ListRequest(sort="city", descending=True),
        ListRequest(search="university", sort="country"),
        ListRequest(filters={"country": "KZ"}, sort="name"),
    ],
    ids=["name", "name-desc", "country", "city-desc", "search-country", "filter-name"],
)
def test_pages_hold_every_row_once(opened, request_):
    rows = all_pages(ORGANIZATION_LIST, request_)
    ids = [row[0] for row in rows]
    assert len(ids) == len(set(ids)) == ORGANIZATION_LIST.count(request_)
    wanted = Organization.select(Organization.id)
    if request_.search:
        wanted = wanted.where(Organization.search_text.contains(search_fold(request_.search)))
    if request_.filters:
        wanted = wanted.where(Organization.country == request_.filters["country"])
    assert set(ids) == {row[0] for row in wanted.tuples()}
    first, count = ORGANIZATION_LIST.first_page(request_, PAGE)
    assert first == rows[:PAGE]
    assert count in (None, len(ids))


def test_pages_follow_the_sort_by_name(opened):
    rows = all_pages(ORGANIZATION_LIST, ListRequest(sort="name"))
    names = dict(Organization.select(Organization.id, Organization.name).tuples())
    keys = {record_id: sort_key(name, "en") for record_id, name in names.items()}
    assert [row[0] for row in rows] == sorted(keys, key=lambda i: (keys[i], i))


def test_sorted_by_country_name_with_the_unplaced_last(opened):
    country = [column.key for column in ORGANIZATION_LIST.columns].index("country") + 1
    with db.atomic() as transaction:
        Organization.update(country=None).where(Organization.id.in_([3, 30, 300])).execute()
        ascending = all_pages(ORGANIZATION_LIST, ListRequest(sort="country"))
        descending = all_pages(ORGANIZATION_LIST, ListRequest(sort="country", descending=True))
        transaction.rollback()
    for rows, reverse in ((ascending, False), (descending, True)):
        assert [row[0] for row in rows[-3:]] == sorted([3, 30, 300], reverse=reverse)
        placed = rows[:-3]
        assert [row[country] for row in placed] == sorted(
            (row[country] for row in placed),
            key=lambda name: sort_key(name, "en"),
            reverse=reverse,
        )
        for earlier, later in zip(placed, placed[1:], strict=False):
            if earlier[country] == later[country]:
                assert (earlier[0] < later[0]) != reverse


def test_every_list_pages_and_finds_its_records(opened):
    for kind, record_list in LISTS_BY_KIND.items():
        request = ListRequest(sort=record_list.default_sort)
        rows = all_pages(record_list, request)
        assert len(rows) == len({row[0] for row in rows}) == record_list.count(request), kind
        record_id = rows[len(rows) // 2][0]
        assert record_list.position(request, record_id) == len(rows) // 2, kind


@pytest.mark.parametrize("field", ["name", "name_ru", "name_kk", "short_name", "website"])
def test_a_known_name_is_found_in_the_list_and_everywhere(opened, field):
    organization = Organization.get_by_id(1234)
    text = getattr(organization, field).removeprefix("https://")
    request = ListRequest(search=text, sort="name")
    rows, count = ORGANIZATION_LIST.first_page(request, PAGE)
    assert organization.id in [row[0] for row in rows]
    assert count == ORGANIZATION_LIST.count(request)
    if field != "website":
        assert ("organization", organization.id) in {(hit.kind, hit.id) for hit in find(text)}


def test_a_common_word_is_found_in_all_its_records(opened):
    """A country named in Russian finds every partner there, and every partner whose names
    hold the word in either script: more than a page."""
    request = ListRequest(search="казахстан", sort="country")
    rows, count = ORGANIZATION_LIST.first_page(request, PAGE)
    assert count is None  # more than a page: counted apart
    total = ORGANIZATION_LIST.count(request)
    named = Organization.search_text.contains("kazakhstan")
    assert total == Organization.select().where((Organization.country == "KZ") | named).count()
    assert total > Organization.select().where(Organization.country == "KZ").count() > PAGE
    assert len(all_pages(ORGANIZATION_LIST, request)) == total
    assert rows == ORGANIZATION_LIST.rows(request, 0, PAGE)


def test_people_are_found_by_their_organization(opened):
    person = Person.select().where(Person.organization.is_null(False)).order_by(Person.id).first()
    organization = Organization.get_by_id(person.organization_id)
    people = LISTS_BY_KIND["person"]
    request = ListRequest(search=f"{organization.short_name} {person.full_name}")
    rows = all_pages(people, request)
    assert person.id in [row[0] for row in rows]
    assert len(rows) == people.count(request)


def test_the_list_model_shows_a_first_page_then_counts_the_rest(opened, qtbot):
    from ui.table_model import PAGE_SIZE, RecordTableModel

    model = RecordTableModel(ORGANIZATION_LIST)
    model.set_available(True, read=False)
    assert model.rowCount() == 0
    model.set_request(ListRequest(search="казахстан", sort="name"))
    total = ORGANIZATION_LIST.count(model.request)
    assert model.counting and model.rowCount() == PAGE_SIZE
    with qtbot.waitSignal(model.counted, timeout=10_000):
        pass
    assert not model.counting and model.rowCount() == total
    last = model.index(total - 1, 0).data()
    assert last == all_pages(ORGANIZATION_LIST, model.request)[-1][1]

    model.set_request(ListRequest(search="казахстан", sort="name", descending=True))
    far = all_pages(ORGANIZATION_LIST, model.request)[-1][0]
    assert model.row_of(far) == total - 1  # further down than the first page: counted now
    assert model.rowCount() == total and not model.counting

    model.set_request(ListRequest(search=Organization.get_by_id(7).short_name))
    assert not model.counting
    assert 1 <= model.rowCount() == ORGANIZATION_LIST.count(model.request) < PAGE_SIZE


def test_a_list_is_read_when_its_page_comes_into_view(dataset, qtbot, tmp_path):
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    path, _build = dataset
    window = MainWindow(AppSettings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.open_database(str(path), create=False)
        organizations, people = window.pages["organization"], window.pages["person"]
        window.show_page("organization")
        assert organizations.model.rowCount() == Organization.select().count()
        assert people.model.rowCount() == 0  # not read while out of view
        window.show_page("person")
        assert people.model.rowCount() == Person.select().count()
        assert people.count_label.text() == f"{Person.select().count():,} people"
    finally:
        window.close()
        close_database()
