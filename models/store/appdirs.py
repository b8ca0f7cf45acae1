"""Where Seriktes keeps its files on this computer, and its rotating log."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import PlatformDirs

_DIRS = PlatformDirs("Seriktes", appauthor=False)


def data_dir() -> Path:
    return Path(_DIRS.user_data_dir)


def config_dir() -> Path:
    return Path(_DIRS.user_config_dir)


def log_dir() -> Path:
    return Path(_DIRS.user_log_dir)


def default_database_path() -> Path:
    return data_dir() / "seriktes.db"


def log_file() -> Path:
    return log_dir() / "seriktes.log"


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to a file that rotates at 1 MB, keeping five, so a report can be sent after a
    problem without the log filling the disk."""
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(level)
    return path
