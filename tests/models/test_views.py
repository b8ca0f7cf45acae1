"""Saved views: kept in the database, personal or shared, renamed, changed, deleted, and
exported by name as the window shows them."""

from __future__ import annotations

import pytest

import main
from models.kinds.organizations import ORGANIZATION_LIST
from models.listing import ListRequest
from models.store import base
from models.store.database import close_database, open_database
from models.views import (
    ViewRefused,
    change_view,
    delete_view,
    find_view,
    rename_view,
    save_view,
    share_view,
    views_of,
)
from tests.exports.export_records import header, open_book, seed, table

KZ_UNIVERSITIES = ListRequest(search="", filters={"country": "KZ"}, sort="name", descending=True)


def as_user(monkeypatch, name: str) -> None:
    monkeypatch.setattr(base, "current_user", lambda: name)
    import models.views

    monkeypatch.setattr(models.views, "current_user", lambda: name)


def test_a_personal_view_is_seen_by_its_owner_only_and_a_shared_one_by_all(database, monkeypatch):
    as_user(monkeypatch, "aigerim")
    save_view(ORGANIZATION_LIST, "Kazakh partners", KZ_UNIVERSITIES, ["name", "city"])
    save_view(ORGANIZATION_LIST, "Everyone's", ListRequest(), ["name"], shared=True)
    assert [v.name for v in views_of("organization")] == ["Everyone's", "Kazakh partners"]
    as_user(monkeypatch, "dauren")
    assert [v.name for v in views_of("organization")] == ["Everyone's"]
    with pytest.raises(ViewRefused, match="No saved view is called “Kazakh partners”"):
        find_view("organization", "Kazakh partners")
    assert views_of("person") == []


def test_a_view_keeps_what_the_list_knows_and_refuses_a_name_taken(database):
    request = ListRequest("nazar", {"country": "KZ", "unknown": "x"}, "no such", False)
    view = save_view(ORGANIZATION_LIST, "  Mine  ", request, ["city", "bogus", "name", "city"])
    assert view.name == "Mine"
    assert view.columns == ("city", "name")
    assert view.request == ListRequest("nazar", {"country": "KZ"}, None, False)
    with pytest.raises(ViewRefused, match="already exists"):
        save_view(ORGANIZATION_LIST, "MINE", ListRequest(), ["name"])
    with pytest.raises(ViewRefused, match="at least one column"):
        save_view(ORGANIZATION_LIST, "Other", ListRequest(), ["bogus"])
    with pytest.raises(ViewRefused, match="Give the view a name"):
        save_view(ORGANIZATION_LIST, "   ", ListRequest(), ["name"])


def test_a_view_is_renamed_changed_shared_and_deleted(database, monkeypatch):
    as_user(monkeypatch, "aigerim")
    first = save_view(ORGANIZATION_LIST, "First", ListRequest(), ["name"])
    save_view(ORGANIZATION_LIST, "Second", ListRequest(), ["name"])
    with pytest.raises(ViewRefused, match="already exists"):
        rename_view(first.id, "second")
    assert rename_view(first.id, "Partners in Spain").name == "Partners in Spain"
    changed = change_view(
        ORGANIZATION_LIST, first.id, ListRequest("", {"country": "ES"}), ["name", "kind"]
    )
    assert changed.request.filters == {"country": "ES"}
    assert changed.columns == ("name", "kind")
    assert share_view(first.id, True).shared
    as_user(monkeypatch, "dauren")
    assert find_view("organization", "partners in spain").columns == ("name", "kind")
    delete_view(first.id)
    as_user(monkeypatch, "aigerim")
    assert [v.name for v in views_of("organization")] == ["Second"]


def test_export_view_writes_the_rows_and_columns_the_view_shows(
    database, database_target, tmp_path, capsys
):
    seed()
    save_view(ORGANIZATION_LIST, "Kazakh partners", KZ_UNIVERSITIES, ["city", "name"], True)
    close_database()
    target = tmp_path / "view.xlsx"
    code = main.main(
        ["export", "organizations", "--view", "kazakh PARTNERS", "--output", str(target),
         "--database", database_target]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    ws = open_book(target).worksheets[0]
    assert header(ws) == ["City", "Name"]
    names = [row[1] for row in table(ws)]
    assert names == sorted(names, key=str.casefold, reverse=True)
    assert "Nazarbayev University" in names and "Spanish National Research Council" not in names
    assert ("Astana", "International Science and Technology Center") in table(ws)
    open_database(database_target)


def test_export_of_an_unknown_view_is_refused_in_one_line(
    database, database_target, tmp_path, capsys
):
    save_view(ORGANIZATION_LIST, "Mine", ListRequest(), ["name"])
    close_database()
    target = tmp_path / "view.xlsx"
    args = ["export", "organizations", "--view", "Theirs", "--output", str(target)]
    assert main.main([*args, "--database", database_target]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "No saved view is called “Theirs”" in err and "“Mine”" in err
    assert not target.exists()
    with pytest.raises(SystemExit) as usage:
        main.main([*args, "--country", "KZ", "--database", database_target])
    assert usage.value.code == 2
    open_database(database_target)


def test_a_database_from_before_saved_views_gets_them_when_opened(db_path):
    import sqlite3

    from models.store import migrations

    step = next(n for n, f in migrations.STEPS.items() if f is migrations.step_saved_views)
    open_database(str(db_path))
    close_database()
    with sqlite3.connect(db_path) as connection:
        connection.execute('DROP TABLE "saved_view"')
        connection.execute(
            f"UPDATE seriktes_info SET value = '{step - 1}' WHERE key = 'schema_version'"
        )
    open_database(str(db_path))
    try:
        save_view(ORGANIZATION_LIST, "After the update", ListRequest(), ["name"])
        assert [v.name for v in views_of("organization")] == ["After the update"]
    finally:
        close_database()
