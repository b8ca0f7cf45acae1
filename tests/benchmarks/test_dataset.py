"""The benchmark data set at a few thousand records: made as the editors make records, the same
for the same seed, and lists over it paged, sorted and searched correctly. No timings here:
``benchmarks/run.py`` measures; these tests check what it measures is right.

With ``SERIKTES_TEST_POSTGRESQL`` set the data set is built on the server too, and every test
of an opened data set runs on both."""

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
from models.store.server import on_server
from models.words.collation import sort_key
from models.words.text import search_fold

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import make_dataset  # noqa: E402
import server_database  # noqa: E402

from tests.conftest import SERVER  # noqa: E402

SCALE = 0.02  # 2,000 organizations, 4,000 people, 10,000 participants
SEED = 11
PAGE = 200


@pytest.fixture(scope="module")
def sqlite_dataset(tmp_path_factory):
    path = tmp_path_factory.mktemp("dataset") / "small.db"
    build = make_dataset.make_dataset(path, seed=SEED, scale=SCALE)
    return str(path), build


@pytest.fixture(scope="module")
def server_dataset():
    """The same data set in a database of its own on the server, dropped after."""
    if not SERVER:
        pytest.skip("needs a PostgreSQL server (SERIKTES_TEST_POSTGRESQL)")
    url = f"{SERVER}/seriktes_test_dataset"
    server_database.drop(url)
    build = make_dataset.make_dataset(url, seed=SEED, scale=SCALE)
    yield url, build
    server_database.drop(url)


@pytest.fixture(scope="module", params=["sqlite", "server"])
def dataset(request):
    return request.getfixturevalue(f"{request.param}_dataset")


@pytest.fixture
def opened(dataset):
    target, build = dataset
    open_database(target, create=False)
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
    names = f"SELECT name FROM search_name WHERE record_key = {db.obj.param} ORDER BY name"
    for kind, editor in EDITORS_BY_KIND.items():
        count = editor.model.select().count()
        for record_id in sorted({1, count // 3, count // 2, count}):
            before = editor.model.get_by_id(record_id).__data__
            entries = db.execute_sql(names, (record_key(kind, record_id),)).fetchall()
            with db.atomic() as transaction:
                values = editor.load(record_id)
                assert editor.problems(values, record_id) == [], (kind, record_id)
                editor.save(values, record_id)
                after = editor.model.get_by_id(record_id).__data__
                again = db.execute_sql(names, (record_key(kind, record_id),)).fetchall()
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
    documents = (
        "SELECT record_key, names::text, text::text FROM search_document ORDER BY 1"
        if on_server(db.obj)
        else "SELECT rowid, kind, record_id, names, text FROM search_index ORDER BY rowid"
    )
    for query in ("SELECT record_key, name FROM search_name ORDER BY 1, 2", documents):
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


def _server_contents(url: str) -> tuple[str, str]:
    """Digests of a server database's records (ids, values, links) and of its search tables."""
    open_database(url, create=False)
    try:
        digest = hashlib.sha256()
        for table in (
            "organization",
            "person",
            "event",
            "event_participant",
            "agreement",
            "agreement_party",
            "record_tag",
            "country",
        ):
            key = "code" if table == "country" else "id"
            for row in db.execute_sql(f"SELECT * FROM {table} ORDER BY {key}"):
                # A blob comes as a memoryview, whose repr is its address.
                values = tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
                digest.update(repr(values).encode())
        return digest.hexdigest(), search_tables()
    finally:
        close_database()


def test_a_file_copied_to_the_server_is_the_data_set_built_there(sqlite_dataset, server_dataset):
    """A data set file copied to the server holds what a build on the server holds, ids and
    search everywhere alike; and a new record there gets the next id, not one copied."""
    url = server_database.with_name(server_dataset[0], "seriktes_test_dataset_copy")
    server_database.drop(url)
    try:
        copied = make_dataset.copy_dataset(sqlite_dataset[0], url)
        wanted = make_dataset.scaled(SCALE)
        assert copied.counts == {kind: wanted[kind] for kind in copied.counts}
        assert _server_contents(url) == _server_contents(server_dataset[0])
        open_database(url, create=False)
        try:
            made = EDITORS_BY_KIND["organization"].save({"name": "Copied Later Institute"})
            assert made.id == Organization.select().count()
            assert [hit.id for hit in find("copied later")] == [made.id]
        finally:
            close_database()
        with pytest.raises(FileExistsError):
            make_dataset.copy_dataset(sqlite_dataset[0], url)  # it holds records now
    finally:
        server_database.drop(url)


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


# Typed into search everywhere and the lists: names and words in three languages and
# scripts, prefixes of one letter and more, e-mail parts, numbers, and what a search engine
# could take for syntax.
SEARCHED = [
    "a",
    "z",
    "ә",
    "un",
    "univ",
    "university",
    "state university",
    "national inst",
    "astana",
    "almaty technical",
    "xi'an",
    "казах",
    "казахстан",
    "университет",
    "национальный",
    "ұлттық",
    "ғылыми",
    "әл-фараби",
    "nurlan",
    "Ангелиев",
    "info@",
    "mail.kz",
    "forum",
    "2019",
    "no. 2",
    "istc*",
    '"ISTC" OR NEAR(',
    "-- :",
    "%",
    "_",
    "\\",
    "'",
    "nothing like this",
]
KNOWN_ORGANIZATION, KNOWN_PERSON = 1234, 2345


def _known_names() -> list[str]:
    organization = Organization.get_by_id(KNOWN_ORGANIZATION)
    person = Person.get_by_id(KNOWN_PERSON)
    return [
        organization.name,
        organization.name_ru,
        organization.name_kk,
        organization.short_name,
        organization.email,
        person.full_name,
        person.other_names,
        person.email,
        person.full_name[:5],
    ]


def _answers(target: str) -> tuple[dict, dict, bool]:
    """What search everywhere and every list answer on the data set at ``target``; and
    whether text sorts there by code point, as SQLite sorts it."""
    from models.search import PostgresIndex, search_index

    open_database(target, create=False)
    try:
        texts = SEARCHED + _known_names()
        everywhere = {
            text: [(hit.kind, hit.id, hit.rank, hit.title) for hit in find(text)] for text in texts
        }
        lists = {}
        for kind, record_list in LISTS_BY_KIND.items():
            for text in [*SEARCHED[:24], *_known_names()[:4]]:
                request = ListRequest(search=text, sort=record_list.default_sort)
                rows = all_pages(record_list, request)
                first, count = record_list.first_page(request, PAGE)
                lists[kind, text] = (
                    [row[0] for row in rows],
                    record_list.count(request),
                    first == rows[:PAGE],
                    count in (None, len(rows)),
                )
        by_code_point = True
        if on_server(db.obj):
            assert isinstance(search_index(), PostgresIndex)
            (collation,) = db.execute_sql(
                "SELECT datcollate FROM pg_database WHERE datname = current_database()"
            ).fetchone()
            by_code_point = collation in ("C", "POSIX", "C.UTF-8", "C.utf8")
    finally:
        close_database()
    return everywhere, lists, by_code_point


def test_the_server_finds_what_sqlite_finds(sqlite_dataset, server_dataset):
    """The same records on SQLite (FTS5) and PostgreSQL (tsvector, trigrams): search
    everywhere gives the same hits in the same order with the same ranks, and every list
    the same rows for each word (in the same order where the server sorts text by code
    point, as SQLite does)."""
    on_file, file_lists, _ = _answers(sqlite_dataset[0])
    on_server, server_lists, by_code_point = _answers(server_dataset[0])
    assert sum(len(hits) for hits in on_file.values()) > 300  # the searches find records
    for text, hits in on_file.items():
        assert on_server[text] == hits, text
    for key, (ids, count, first_page_agrees, count_agrees) in file_lists.items():
        server_ids, server_count, *server_agrees = server_lists[key]
        assert server_count == count == len(ids), key
        assert server_ids == ids if by_code_point else sorted(server_ids) == sorted(ids), key
        assert first_page_agrees and count_agrees and all(server_agrees), key
    assert any(count > PAGE for _ids, count, *_rest in file_lists.values())
