"""What this Seriktes is and where it keeps its files: its version, the schema it writes, the
database open, its data and log folders — what a support request needs, shown by
*Help ▸ About Seriktes* and by ``seriktes --version``.

The version is written here once: ``pyproject.toml`` reads it for the package, the standalone
bundle for its archive's name, and the window and the command line show it.
"""

from __future__ import annotations

import platform
from urllib.parse import urlsplit, urlunsplit

from models.words.translation import _

VERSION = "0.1.0"


def version_line() -> str:
    return f"Seriktes {VERSION}"


def database_text(target: str | None) -> str:
    """The open database as support needs it: a file's full path; a server's address without
    its password, which a copied report must never carry."""
    from models.store.files import shown_name, sqlite_path

    if not target:
        return _("none")
    path = sqlite_path(target)
    if path is not None:
        return shown_name(path.absolute())
    parts = urlsplit(target)
    if parts.password is None:
        return target
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    netloc = f"{parts.username}@{host}" if parts.username else host
    return urlunsplit(parts._replace(netloc=netloc))


def about_facts(database: str | None) -> list[tuple[str, str]]:
    """Each fact with its label, in the current language; the window adds Qt's versions."""
    from models.store.appdirs import data_dir, log_dir
    from models.store.migrations import SCHEMA_VERSION

    return [
        (_("Version"), VERSION),
        (_("Schema version"), str(SCHEMA_VERSION)),
        (_("Database"), database_text(database)),
        (_("Data folder"), str(data_dir())),
        (_("Log folder"), str(log_dir())),
        ("Python", platform.python_version()),
        (_("System"), platform.platform()),
    ]


def facts_text(facts: list[tuple[str, str]]) -> str:
    """The facts as lines of plain text, to paste into a support request."""
    return "\n".join([version_line(), *(f"{label}: {value}" for label, value in facts)]) + "\n"
