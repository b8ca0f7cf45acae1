"""Likely twins among the records of one kind, found without comparing every record with every
other (100,000 organizations make five billion pairs):

1. The records are read a page at a time. Each is reduced to what its kind's rules compare
   (``profiles``) and put in blocks: its names as they sound in any script and order, its
   website, its e-mail, its acronym… Both go to a scratch database on disk, not to memory.
2. Records sharing a block become candidate pairs. A block shared by more records than
   ``BLOCK_LIMIT`` says nothing (a name a hundred people carry, a mail service) and is
   passed over.
3. Each candidate pair is judged by its kind's rules, with RapidFuzz measuring how alike the
   names are; those scoring at least ``MIN_SCORE`` are the twins, less those a user marked
   "not a duplicate".

Memory stays flat whatever the number of records: pages, blocks and pairs stream through the
scratch database, and only the twins found are kept. The records are read in one
transaction, so the answer is of the records as they were when it began. Among many records,
pages are reduced and pairs judged by processes of their own, one per core (``cores``).
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from models.duplicates.cores import Cores, processes_for
from models.duplicates.marks import marked_pairs
from models.duplicates.names import WordWeights
from models.duplicates.pieces import Found, judge_chunk, reduce_page, start_judging, stop_judging
from models.duplicates.profiles import PROFILES, Profile
from models.duplicates.twins import Twin
from models.errors import SeriktesError
from models.kinds.registry import editor_for
from models.store.base import db
from models.store.records import RECORD_KINDS
from models.words.translation import _

Progress = Callable[[int, int], bool]  # (done, total) → False to stop

BLOCK_LIMIT = 25  # records in one block, beyond which it tells them nothing
PAGE = 5000  # records read at a time
PAIRS = 5000  # candidate pairs judged at a time
# Records of a kind from which the work is shared among processes: starting them takes a
# fraction of a second, which fewer records would not win back.
SHARED_FROM = 20000
# How far along the progress bar each part is (of 1,000): reading, pairing, judging.
READ_SHARE, PAIR_SHARE = 550, 100
STEPS = 1000


class FindingStopped(SeriktesError):
    """The user stopped the search for duplicates."""


class Scratch:
    """A database of the finder's own in a temporary folder: the records' features, their
    blocks and the candidate pairs, kept on disk while they are worked through."""

    def __init__(self) -> None:
        # A helper process that stopped may still hold the file open (Windows then refuses to
        # remove it): what is left goes with the system's temporary files.
        self._folder = tempfile.TemporaryDirectory(
            prefix="seriktes-duplicates-", ignore_cleanup_errors=True
        )
        self.path = str(Path(self._folder.name) / "scratch.db")
        self.connection = sqlite3.connect(self.path)
        for pragma in (
            "journal_mode = OFF",
            "synchronous = OFF",
            "temp_store = FILE",
            "cache_size = -32000",  # 32 MB at most
        ):
            self.connection.execute(f"PRAGMA {pragma}")
        self.connection.executescript(
            "CREATE TABLE record (id INTEGER PRIMARY KEY, data BLOB NOT NULL);"
            "CREATE TABLE block (key INTEGER NOT NULL, id INTEGER NOT NULL, strong INTEGER,"
            " grp, bridge);"
            "CREATE TABLE pair (a INTEGER, b INTEGER, PRIMARY KEY (a, b)) WITHOUT ROWID;"
        )

    def __enter__(self) -> Scratch:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.connection.close()
        self._folder.cleanup()

    def add(self, records: list[tuple[int, bytes]], blocks: list[tuple]) -> None:
        self.connection.executemany("INSERT INTO record VALUES (?, ?)", records)
        self.connection.executemany("INSERT INTO block VALUES (?, ?, ?, ?, ?)", blocks)

    def pair(self, limit: int) -> int:
        """Pair the records of every block of two to ``limit`` records, but two that are both
        in it by a weak key, or that their kind's rule sets apart (groups that differ, no
        bridge in common); returns how many pairs, each once however many blocks they
        share. What is written is then there for the processes that judge the pairs."""
        self.connection.execute("CREATE INDEX block_key ON block (key, id)")
        self.connection.execute(
            "INSERT OR IGNORE INTO pair (a, b) "
            "SELECT x.id, y.id FROM block AS x JOIN block AS y ON y.key = x.key AND y.id > x.id "
            "WHERE (x.strong OR y.strong) AND x.key IN "
            "(SELECT key FROM block GROUP BY key HAVING COUNT(*) BETWEEN 2 AND ?) "
            "AND NOT (x.grp IS NOT NULL AND y.grp IS NOT NULL AND x.grp != y.grp "
            "AND (x.bridge IS NULL OR x.bridge IS NOT y.bridge))",
            (limit,),
        )
        self.connection.commit()
        return self.connection.execute("SELECT COUNT(*) FROM pair").fetchone()[0]

    def pairs(self, size: int) -> Iterator[list[tuple[int, int]]]:
        cursor = self.connection.execute("SELECT a, b FROM pair")
        while chunk := cursor.fetchmany(size):
            yield chunk


def record_pages(profile: Profile) -> Iterator[list[dict[str, Any]]]:
    """The records of a kind, a page at a time, in the order of their ids: a server database
    would otherwise send every row at once."""
    model = RECORD_KINDS[profile.kind]
    fields = [model._meta.fields[name] for name in profile.fields]
    last = 0
    while True:
        rows = list(
            model.select(*fields).where(model.id > last).order_by(model.id).limit(PAGE).dicts()
        )
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]


class _Report:
    """The progress reported: done out of ``STEPS``, stopping when the user asked to."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress

    def __call__(self, done: float) -> None:
        if self._progress is not None and self._progress(int(done), STEPS) is False:
            raise FindingStopped(_("The search for duplicates was stopped."))


def find_duplicates(
    kind: str,
    progress: Progress | None = None,
    block_limit: int = BLOCK_LIMIT,
    processes: int | None = None,
) -> list[Twin]:
    """The likely twins among the records of ``kind``, the highest score first, each pair
    once and none a user marked "not a duplicate". ``progress(done, total)`` is told how far
    the search got; when it returns False the search stops (``FindingStopped``).
    ``processes``: how many share the work (0: this one alone); by default one per core
    from ``SHARED_FROM`` records on."""
    profile = PROFILES[kind]
    report = _Report(progress)
    weights = WordWeights()
    model = RECORD_KINDS[kind]
    with db.atomic(), Scratch() as scratch:
        total = max(model.select().count(), 1)
        if processes is None:
            processes = processes_for(total, SHARED_FROM)
        report(0)
        done = 0
        with Cores(processes) as cores:
            pages = ((kind, rows) for rows in record_pages(profile))
            for records, blocks, words in cores.map(reduce_page, pages):
                scratch.add(records, blocks)
                weights.add(words)
                done += len(records)
                report(READ_SHARE * done / total)
        pairs = scratch.pair(block_limit)
        report(READ_SHARE + PAIR_SHARE)
        try:
            with Cores(processes, start_judging, (kind, scratch.path, weights.records)) as cores:
                twins = _judge(scratch, kind, cores, pairs, report)
        finally:
            stop_judging()  # where this process judged
        return _titled(kind, twins)


def _judge(scratch: Scratch, kind: str, cores: Cores, pairs: int, report: _Report) -> list[Found]:
    """The pairs' verdicts, those a user marked "not a duplicate" left out."""
    marked = marked_pairs(kind)
    chunks = ([pair for pair in chunk if pair not in marked] for chunk in scratch.pairs(PAIRS))
    found: list[Found] = []
    judged = 0
    for twins in cores.map(judge_chunk, chunks):
        found += twins
        judged = min(judged + PAIRS, pairs)  # every chunk is whole but the last
        report(READ_SHARE + PAIR_SHARE + (STEPS - READ_SHARE - PAIR_SHARE) * judged / pairs)
    return found


def _titled(kind: str, found: list[Found]) -> list[Twin]:
    """The twins with their records' titles, the highest score first, then by title."""
    editor = editor_for(kind)
    ids = sorted({record_id for a, b, _score, _reasons in found for record_id in (a, b)})
    titles: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for record in editor.model.select().where(editor.model.id.in_(chunk)):
            titles[record.id] = editor.title(record)
    twins = [
        Twin(kind, a, b, score, reasons, titles.get(a, ""), titles.get(b, ""))
        for a, b, score, reasons in found
    ]
    twins.sort(key=lambda twin: (-twin.score, twin.first_title.casefold(), twin.first, twin.second))
    return twins
