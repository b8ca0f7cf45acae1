"""The finder's work shared out over the computer's cores: 100,000 records are a minute of
reading names and comparing them on one core, and most desks have two or more.

Work goes to processes of their own, started afresh ("spawn": a copy of a process with a
window and threads is not safe to make), each running ``setup`` once and then the pieces it is
given. Their answers come back in the order the pieces went out. Where no process can be
started (a locked-down desktop, a process that stops), the rest of the work is done here, so
the answer is the same either way, only slower.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

MAX_PROCESSES = 4  # each holds its own Python and names: memory grows with every one


def processes_for(records: int, least: int) -> int:
    """How many processes to share work on ``records`` among: none (all done here) for fewer
    than ``least`` records, where starting them costs more than it saves, or on one core."""
    cores = os.cpu_count() or 1
    return 0 if records < least or cores < 2 else min(cores, MAX_PROCESSES)


class Cores:
    """``count`` processes that have run ``setup(*args)``; with none, this process runs it
    and does the work itself."""

    def __init__(self, count: int, setup: Callable[..., None] | None = None, args: tuple = ()):
        self._setup, self._args = setup, args
        self._pool: ProcessPoolExecutor | None = None
        self._ahead = 2 * count  # pieces out at once: every process busy, memory bounded
        if count > 1:
            self._pool = ProcessPoolExecutor(
                count,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=setup,
                initargs=args,
            )
        else:
            self._here()

    def __enter__(self) -> Cores:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._pool is not None:
            # Stopped by the user or an error: the pieces not yet begun are not begun.
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    @property
    def shared(self) -> bool:
        """Whether the work goes to other processes."""
        return self._pool is not None

    def map(self, work: Callable[[Any], Any], pieces: Iterable[Any]) -> Iterator[Any]:
        """``work(piece)`` for each piece, in the pieces' order."""
        out: deque[tuple[Any, Future | None]] = deque()
        for piece in pieces:
            out.append((piece, self._submit(work, piece)))
            if len(out) > self._ahead:
                yield self._answer(work, *out.popleft())
        while out:
            yield self._answer(work, *out.popleft())

    def _submit(self, work: Callable[[Any], Any], piece: Any) -> Future | None:
        if self._pool is None:
            return None
        try:
            return self._pool.submit(work, piece)
        except (BrokenProcessPool, RuntimeError, OSError):
            self._give_up()
            return None

    def _answer(self, work: Callable[[Any], Any], piece: Any, future: Future | None) -> Any:
        if future is not None:
            try:
                return future.result()
            except (BrokenProcessPool, CancelledError, OSError):
                self._give_up()
        return work(piece)

    def _give_up(self) -> None:
        """No process could be started or one stopped: the rest is done here."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
            self._here()

    def _here(self) -> None:
        if self._setup is not None:
            self._setup(*self._args)
