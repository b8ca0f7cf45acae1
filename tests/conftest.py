"""Every test gets a real SQLite file of its own in ``tmp_path`` and a settings file of its own;
the window runs on Qt's offscreen platform."""

from __future__ import annotations

import logging
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from models.store.database import close_database, open_database  # noqa: E402
from models.words.translation import set_language  # noqa: E402


@pytest.fixture(autouse=True)
def private_folders(tmp_path, monkeypatch):
    """Data, logs and settings of a test stay in its own folder, never the user's."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    # The tests read English, whatever the language of the machine they run on.
    monkeypatch.setenv("LANGUAGE", "en")
    return home


@pytest.fixture(autouse=True)
def restore_process_state():
    """Starting the app installs a crash hook, a log file and a language; each test starts
    without."""
    hook, handlers = sys.excepthook, list(logging.getLogger().handlers)
    yield
    set_language("en")
    sys.excepthook = hook
    root = logging.getLogger()
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def clock():
    """The app's one clock, for a test to set: ``clock.set_clock(dt.date(2028, 2, 29))``; the
    computer's clock is back after the test."""
    from models import clock

    yield clock
    clock.set_clock(None)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "records.db"


# Set to a PostgreSQL server's URL (postgresql://user@host:port), the tests run on a database
# of their own made there instead of a SQLite file, but for those marked ``sqlite_only``
# (files, backups, FTS5): the check of the server mode, run by hand where a server is at hand.
SERVER = os.environ.get("SERIKTES_TEST_POSTGRESQL", "")


def pytest_collection_modifyitems(config, items):
    if not SERVER:
        return
    skip = pytest.mark.skip(reason="a SQLite file's own behaviour; the server run leaves it")
    for item in items:
        if "sqlite_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def database_target(db_path, request):
    """Where the test's database is: its SQLite file, or a database of its own on the server."""
    if not SERVER:
        yield str(db_path)
        return
    import psycopg2

    name = "seriktes_test_" + "".join(c if c.isalnum() else "_" for c in request.node.name)[:40]
    admin = psycopg2.connect(f"{SERVER}/postgres")
    admin.autocommit = True
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    yield f"{SERVER}/{name}"
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.close()


@pytest.fixture
def database(database_target):
    database = open_database(database_target)
    yield database
    close_database()
