"""Every setting the window keeps, declared once with its type and default.

Preferences are what a user chooses; state is what the window remembers for them (size,
columns, the last database). A preference the commands read too (the language) is kept in the
Qt-free preferences file of ``models/store/preferences.py`` instead of QSettings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from models.store.preferences import read_preference, write_preference
from models.words.translation import LANGUAGE_PREFERENCE


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    # Kept in the preferences file the commands read, not in QSettings.
    shared: bool = False


# The language of the interface ("kk", "ru" or "en"); empty until the user chooses one, and
# then the system's language is used.
LANGUAGE = Setting(LANGUAGE_PREFERENCE, str, "", shared=True)

LAST_DATABASE = Setting("state/last_database", str, "")
RECENT_DATABASES = Setting("state/recent_databases", list, [])
WINDOW_GEOMETRY = Setting("state/window_geometry", QByteArray, QByteArray())
SPLITTER_STATE = Setting("state/splitter", QByteArray, QByteArray())
# The folder the last export went to, offered for the next one.
EXPORT_FOLDER = Setting("state/export_folder", str, "")
CURRENT_PAGE = Setting("state/current_page", str, "home")
# What the user chose on the very first start ("sample" or "empty"); empty until they
# choose, so the welcome is offered once.
FIRST_START_CHOICE = Setting("state/first_start_choice", str, "")

RECENT_LIMIT = 8


def column_layout(kind: str) -> Setting:
    return Setting(f"state/columns/{kind}", QByteArray, QByteArray())


class AppSettings:
    """Typed access to the settings store. Tests give it a file of their own."""

    def __init__(self, path: str | None = None) -> None:
        if path is None:
            self._store = QSettings("Seriktes", "Seriktes")
        else:
            self._store = QSettings(path, QSettings.Format.IniFormat)

    def get(self, setting: Setting) -> Any:
        if setting.shared:
            value = read_preference(setting.key, setting.default)
            return value if isinstance(value, setting.type) else setting.default
        value = self._store.value(setting.key, setting.default)
        if setting.type is list:
            if value in (None, ""):
                return []
            return [value] if isinstance(value, str) else list(value)
        if setting.type is QByteArray:
            return value if isinstance(value, QByteArray) else setting.default
        return setting.type(value) if value is not None else setting.default

    def set(self, setting: Setting, value: Any) -> None:
        if setting.shared:
            write_preference(setting.key, value)
            return
        self._store.setValue(setting.key, value)

    def sync(self) -> None:
        self._store.sync()

    def remember_database(self, target: str) -> None:
        recent = [target] + [item for item in self.get(RECENT_DATABASES) if item != target]
        self.set(RECENT_DATABASES, recent[:RECENT_LIMIT])
        self.set(LAST_DATABASE, target)

    def forget_database(self, target: str) -> None:
        self.set(RECENT_DATABASES, [item for item in self.get(RECENT_DATABASES) if item != target])
        if self.get(LAST_DATABASE) == target:
            self.set(LAST_DATABASE, "")
