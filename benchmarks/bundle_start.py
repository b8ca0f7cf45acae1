"""How long the standalone bundle takes to start, beside Seriktes started from its virtual
environment (``python main.py``), measured the same way, taking turns, in the same run:

    python installer/build.py --output dist
    python benchmarks/bundle_start.py --bundle dist/Seriktes/seriktes --runs 7   # needs X

- ``version``: ``seriktes --version``, until it exits;
- ``self-test``: ``seriktes --self-test`` (offscreen), until it exits;
- ``window``: the window started on a database of sample records, until it is on the X
  display with the database's name in its title (polled every 50 ms with ``xdotool``).

Each figure is the median of ``--runs`` runs; the venv's is its baseline. Data, settings and
logs of the runs go to a temporary folder; the venv's bytecode is cached there, as an
installed Seriktes has it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCHMARKS), str(BENCHMARKS.parent)]

from measure import ROOT, figure, private_environment, report  # noqa: E402

DATABASE = "start.db"


def run_to_end(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


class DisplayRefused(RuntimeError):
    """The X server refused the app's connection: the server's trouble, not the app's."""


def window_shown(command: list[str], env: dict[str, str], database: Path) -> float:
    """Seconds from starting the window until X shows it titled with the database's name. A
    start the X server refused is made again (at most twice more): a busy shared machine's
    Xvfb refuses about one connection in thirty."""
    for _attempt in range(2):
        try:
            return _window_shown(command, env, database)
        except DisplayRefused:
            time.sleep(1)
    return _window_shown(command, env, database)


def _window_shown(command: list[str], env: dict[str, str], database: Path) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--database", str(database)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while time.perf_counter() - started < 60:
            found = subprocess.run(  # a poll the X server refused finds nothing, as too early
                ["xdotool", "search", "--onlyvisible", "--name", database.name],
                env=env,
                capture_output=True,
            )
            if found.returncode == 0:
                return time.perf_counter() - started
            if process.poll() is not None:
                errors = process.stderr.read()
                if "could not connect to display" in errors:
                    raise DisplayRefused(errors)
                raise RuntimeError(
                    f"{command[0]} ended ({process.returncode}) before its window was shown: "
                    f"{errors[-2000:]}"
                )
            time.sleep(0.05)
        raise RuntimeError(f"{command[0]} showed no window within a minute")
    finally:
        process.terminate()
        process.communicate(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", required=True, type=Path, help="the bundle's program")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
        parser.error("the window is measured on an X display with xdotool: set DISPLAY")
    programs = {
        "bundle": [str(args.bundle.absolute())],
        "venv": [sys.executable, str(ROOT / "main.py")],
    }
    with tempfile.TemporaryDirectory(prefix="seriktes-start-") as temporary:
        folder = Path(temporary)
        offscreen = private_environment(folder)
        on_screen = {**offscreen, "DISPLAY": os.environ["DISPLAY"]}
        on_screen.pop("QT_QPA_PLATFORM")
        database = folder / DATABASE
        subprocess.run(
            [*programs["venv"], "sample", "--database", str(database)], env=offscreen, check=True
        )
        timings: dict[tuple[str, str], list[float]] = {}
        for _run in range(args.runs):
            for name, command in programs.items():  # taking turns, so both meet the same load
                timings.setdefault(("version", name), []).append(
                    run_to_end([*command, "--version"], offscreen)
                )
                timings.setdefault(("self-test", name), []).append(
                    run_to_end([*command, "--self-test"], offscreen)
                )
                timings.setdefault(("window", name), []).append(
                    window_shown(command, on_screen, database)
                )
    figures = [
        figure(
            f"{what}: bundle (venv = baseline)",
            statistics.median(timings[(what, "bundle")]),
            "s",
            baseline=statistics.median(timings[(what, "venv")]),
        )
        for what in ("version", "self-test", "window")
    ]
    report(figures, args.json)
    if not args.json:
        for (what, name), values in timings.items():
            print(f"{what:<10} {name:<7}" + " ".join(f"{value:6.2f}" for value in values))
    return 0


if __name__ == "__main__":
    sys.exit(main())
