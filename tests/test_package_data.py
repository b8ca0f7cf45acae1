"""Every file the app reads from resources/ ships with the installed package: the icons,
the sample records, the desktop entry, the user guide and the compiled translations."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_resource_file_is_in_the_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["resources"]
    resources = ROOT / "resources"
    files = [
        path.relative_to(resources).as_posix()
        for path in resources.rglob("*")
        if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts
    ]
    assert "guide/guide.html" in files
    # The catalogs' sources: the build compiles them into the .mo files that ship.
    sources = ("translations/*.po", "translations/*.pot")
    files = [f for f in files if not any(fnmatch.fnmatch(f, p) for p in sources)]
    missing = [f for f in files if not any(fnmatch.fnmatch(f, p) for p in patterns)]
    assert missing == []
