"""Running Seriktes in a process of its own and measuring what a user would notice: how it
ended, what it said, how long it took and how much memory it held at most."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Measured:
    status: int  # the exit status; minus the signal's number when a signal ended it
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # the child's own peak resident memory (ru_maxrss of wait4)
    timed_out: bool


_HELPER = r"""
import json, os, resource, signal, subprocess, sys, time
argv, timeout, limit, stdin = json.loads(sys.argv[1])
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.setsid()
started = time.perf_counter()
child = subprocess.Popen([sys.executable, *argv], stdin=subprocess.PIPE if stdin is not None
                         else subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, preexec_fn=cap)
try:
    out, err = child.communicate(None if stdin is None else stdin.encode(), timeout=timeout)
    timed_out = False
except subprocess.TimeoutExpired:
    os.killpg(child.pid, signal.SIGKILL)
    out, err = child.communicate()
    timed_out = True
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
sys.stdout.write(json.dumps([child.returncode, out.decode('utf-8', 'replace'),
                            err.decode('utf-8', 'replace'), seconds, peak, timed_out]))
"""


def measure(
    argv: list[str],
    *,
    timeout: float = 60,
    memory_limit_mb: int = 4096,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
) -> Measured:
    """``argv`` run by this Python, with its address space capped at ``memory_limit_mb`` so a
    runaway child cannot take the machine with it, killed (and reported as timed out) after
    ``timeout`` seconds. A small helper process starts it and reads its ``ru_maxrss`` once it
    has ended, so no other child's peak is mixed in. Arguments that are not valid UTF-8 are
    given as surrogate-escaped text, as Python hands them to a program."""
    import json

    payload = json.dumps([argv, timeout, memory_limit_mb * 1024 * 1024, stdin])
    helper = subprocess.run(
        [sys.executable, "-c", _HELPER, payload],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=True,
        check=True,
        timeout=timeout + 30,
    )
    status, stdout, stderr, seconds, peak, timed_out = json.loads(helper.stdout)
    return Measured(status, stdout, stderr, seconds, peak, timed_out)
