"""The passwords of shared databases in the system's keyring: kept per user, server and
database, taken out when the server no longer accepts them; a computer without a keyring
keeps none and says so, and nothing fails for it."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from models.store.passwords import (
    forget_password,
    keyring_available,
    remember_password,
    stored_password,
)
from models.store.server import ServerAddress, parse_url, without_password
from tests.keyrings import MemoryKeyring

AIGERIM = ServerAddress("db.ministry.kz", 5432, "seriktes", "aigerim")


@pytest.fixture
def kept():
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def test_a_password_is_kept_for_one_user_of_one_database(kept):
    assert keyring_available()
    assert remember_password(AIGERIM, "Ақ жол 2025")
    assert stored_password(AIGERIM) == "Ақ жол 2025"
    assert stored_password(ServerAddress("db.ministry.kz", 5432, "seriktes", "daniyar")) is None
    assert stored_password(ServerAddress("db.ministry.kz", 5433, "seriktes", "aigerim")) is None
    assert list(kept.kept) == [("Seriktes", "aigerim@db.ministry.kz/seriktes")]
    forget_password(AIGERIM)
    assert stored_password(AIGERIM) is None


def test_without_a_keyring_nothing_is_kept_and_nothing_fails():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not keyring_available()
        assert not remember_password(AIGERIM, "secret")
        assert stored_password(AIGERIM) is None
        forget_password(AIGERIM)
    finally:
        keyring.set_keyring(before)


def test_a_url_is_kept_and_shown_without_its_password():
    url = "postgresql://aigerim:p%40ss%3Aword@db.ministry.kz:5433/seriktes?sslmode=require"
    address, password = parse_url(url)
    assert password == "p@ss:word"
    assert address == ServerAddress("db.ministry.kz", 5433, "seriktes", "aigerim")
    assert (
        without_password(url) == "postgresql://aigerim@db.ministry.kz:5433/seriktes?sslmode=require"
    )
    assert address.url() == "postgresql://aigerim@db.ministry.kz:5433/seriktes"
    assert address.shown() == "seriktes on db.ministry.kz:5433"
    assert ServerAddress("db.ministry.kz", 5432, "seriktes", "x").shown() == (
        "seriktes on db.ministry.kz"
    )
