"""Every test gets a real SQLite file of its own in ``tmp_path`` and a settings file of its own;
the window runs on Qt's offscreen platform."""

from __future__ import annotations

import logging
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from models.database import close_database, open_database  # noqa: E402


@pytest.fixture(autouse=True)
def private_folders(tmp_path, monkeypatch):
    """Data, logs and settings of a test stay in its own folder, never the user's."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    return home


@pytest.fixture(autouse=True)
def restore_process_state():
    """Starting the app installs a crash hook and a log file; each test starts without."""
    hook, handlers = sys.excepthook, list(logging.getLogger().handlers)
    yield
    sys.excepthook = hook
    root = logging.getLogger()
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "records.db"


@pytest.fixture
def database(db_path):
    database = open_database(db_path)
    yield database
    close_database()
