"""The user's preferences that the commands read too: a small JSON file in the user's config
folder, which needs no Qt. The window keeps everything else (sizes, columns, the last database)
in its own settings."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from models.store.appdirs import config_dir

log = logging.getLogger(__name__)


def preferences_path() -> Path:
    return config_dir() / "preferences.json"


def read_preferences() -> dict[str, Any]:
    """Every preference saved, or none when the file is missing or unreadable: a damaged file
    must not stop the app or a command from starting."""
    path = preferences_path()
    try:
        values = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("The preferences in %s cannot be read (%s); the defaults are used", path, error)
        return {}
    return values if isinstance(values, dict) else {}


def read_preference(key: str, default: Any = None) -> Any:
    return read_preferences().get(key, default)


def write_preference(key: str, value: Any) -> None:
    """Save one preference, keeping the others. The file is written aside and moved into
    place, so a crash never leaves half a file."""
    values = read_preferences()
    values[key] = value
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    aside = path.with_name(f".{path.name}.{os.getpid()}")
    aside.write_text(json.dumps(values, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(aside, path)
