"""What the benchmark scripts share: timing a call, medians, a figure with its baseline and
target, running a measurement in a fresh process, and keeping a run's settings, backups and
logs out of the user's own folders.

A figure is the dict ``figure`` makes (name, value, unit, baseline, ratio,
target, met), so every script's ``--json`` reads the same way.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
for folder in (BENCHMARKS, ROOT):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

__all__ = [
    "figure",
    "peak_memory_mb",
    "timed",
    "median_time",
    "private_environment",
    "run_child",
    "print_figures",
    "report",
]


def figure(name, value, unit, baseline=None, target=None) -> dict:
    """A measured figure with its baseline from the same run, the ratio and the target."""
    ratio = round(value / baseline, 3) if baseline else None
    return {
        "name": name,
        "value": round(value, 3),
        "unit": unit,
        "baseline": round(baseline, 3) if baseline is not None else None,
        "ratio": ratio,
        "target": target,
        "met": None if target is None else value <= target,
    }


def peak_memory_mb() -> float:
    """This process's peak resident memory. On Linux from /proc (VmHWM), because the
    ``ru_maxrss`` of a child started by fork and exec also counts its parent's memory at the
    fork; elsewhere ``ru_maxrss``."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def timed(call: Callable[[], Any]) -> float:
    """Seconds ``call`` takes."""
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def median_time(
    call: Callable[[], Any], runs: int, before: Callable[[], Any] | None = None
) -> tuple[float, list[float]]:
    """The median of ``runs`` timings of ``call`` (``before`` runs untimed ahead of each), and
    every timing."""
    timings = []
    for _ in range(runs):
        if before is not None:
            before()
        timings.append(timed(call))
    return statistics.median(timings), timings


def private_environment(folder: Path) -> dict[str, str]:
    """The environment for a measured process: the offscreen platform, and data, settings and
    logs in ``folder``, so a benchmark never reads or changes the user's own (their recent
    databases, backups, window layout). Bytecode is cached (in ``folder``), as an installed
    Seriktes has it: compiling every module at each start is not what a user waits for."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        path = folder / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def run_child(arguments: Sequence[str], env: dict[str, str], timeout: float = 300) -> dict:
    """Run a Python script in a fresh process; returns the JSON object it printed last, with
    ``spawned`` (the wall-clock time just before it was started) added."""
    command = [sys.executable, *arguments]
    spawned = time.time()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(
            f"{' '.join(arguments)} printed no result (exit {result.returncode}):\n"
            f"{result.stderr[-2000:]}"
        )
    return {**json.loads(lines[-1]), "spawned": spawned}


def print_figures(figures: list[dict]) -> None:
    """The figures as a table: value, baseline, ratio, target and whether it is met."""
    heading = ("figure", "value", "unit", "baseline", "ratio", "target", "met")
    print("{:<34}{:>11}  {:<5}{:>10}{:>8}{:>10}  {}".format(*heading))
    for item in figures:
        value, baseline, ratio, target = (
            "" if item.get(key) is None else f"{item[key]:,.{2 if key == 'ratio' else 3}f}"
            for key in ("value", "baseline", "ratio", "target")
        )
        met = "" if item["met"] is None else ("yes" if item["met"] else "NO")
        print(
            f"{item['name']:<34}{value:>11}  {item['unit']:<5}"
            f"{baseline:>10}{ratio:>8}{target:>10}  {met}"
        )


def report(figures: list[dict], as_json: bool) -> None:
    """The figures as one JSON object a line, or as a table."""
    if as_json:
        for item in figures:
            print(json.dumps(item, ensure_ascii=False))
    else:
        print_figures(figures)
