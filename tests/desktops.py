"""Another desktop on the same database: a process of its own, with its own connection and
its own user name, that makes a change while the test (the first desktop) holds a record
open. It opens the database as the app does, at the test's SQLite file or on the server."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRELUDE = """
import datetime as dt
from models import trash
from models.kinds.all_kinds import EDITORS_BY_KIND as EDITORS
from models.store.database import open_database
open_database({target!r}, create=False)
"""


def elsewhere(target: str, code: str, user: str = "amina") -> str:
    """Run ``code`` on another desktop, as ``user``; returns what it printed. ``EDITORS``
    (by kind), ``trash`` and ``dt`` are at hand."""
    script = PRELUDE.format(target=str(target)) + textwrap.dedent(code)
    env = {**os.environ, "USER": user, "LOGNAME": user, "LNAME": user, "USERNAME": user}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout
