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
transaction, so the answer is of the records as they were when it began.
"""

from __future__ import annotations

import marshal
import sqlite3
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from models.duplicates.marks import marked_pairs
from models.duplicates.names import WordWeights
from models.duplicates.profiles import PROFILES, WEAK, Features, Profile
from models.duplicates.twins import Reason, Twin
from models.errors import SeriktesError
from models.kinds.registry import editor_for
from models.store.base import db
from models.store.records import RECORD_KINDS
from models.words.translation import _

Progress = Callable[[int, int], bool]  # (done, total) → False to stop

BLOCK_LIMIT = 25  # records in one block, beyond which it tells them nothing
PAGE = 5000  # records read at a time
PAIRS = 5000  # candidate pairs judged at a time
# Records' features kept at hand while pairs are judged: a record is in many pairs, and
# reading it again from the scratch database costs more than judging. Bounded, so memory
# stays flat.
KEPT_FEATURES = 20000
# How far along the progress bar each part is (of 1,000): reading, pairing, judging.
READ_SHARE, PAIR_SHARE = 550, 100
STEPS = 1000


class FindingStopped(SeriktesError):
    """The user stopped the search for duplicates."""


class Scratch:
    """A database of the finder's own in a temporary folder: the records' features, their
    blocks and the candidate pairs, kept on disk while they are worked through."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="seriktes-duplicates-")
        self.connection = sqlite3.connect(Path(self._folder.name) / "scratch.db")
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
        share."""
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
        return self.connection.execute("SELECT COUNT(*) FROM pair").fetchone()[0]

    def pairs(self, size: int) -> Iterator[list[tuple[int, int]]]:
        cursor = self.connection.execute("SELECT a, b FROM pair")
        while chunk := cursor.fetchmany(size):
            yield chunk

    def features(self, ids: set[int], kept: OrderedDict[int, Features]) -> dict[int, Features]:
        """The features of the records ``ids``, from ``kept`` when they are there; those read
        are kept there too, the least recently used leaving past ``KEPT_FEATURES``."""
        found = {}
        for record_id in ids:
            features = kept.get(record_id)
            if features is not None:
                kept.move_to_end(record_id)
                found[record_id] = features
        missing = [record_id for record_id in ids if record_id not in found]
        for start in range(0, len(missing), 900):  # SQLite's limit of parameters
            chunk = missing[start : start + 900]
            marks = ",".join("?" * len(chunk))
            rows = self.connection.execute(
                f"SELECT id, data FROM record WHERE id IN ({marks})", chunk
            )
            for record_id, data in rows:
                found[record_id] = kept[record_id] = marshal.loads(data)
        while len(kept) > KEPT_FEATURES:
            kept.popitem(last=False)
        return found


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


def _block(key: tuple, record_id: int, group: tuple[Any, Any]) -> tuple:
    """A row of the block table: the key (a weak one as the same key not weak), the record,
    whether it is in the block by a strong key, and its group and bridge."""
    if key[0].startswith(WEAK):
        return hash((key[0][len(WEAK) :], *key[1:])), record_id, False, *group
    return hash(key), record_id, True, *group


class _Report:
    """The progress reported: done out of ``STEPS``, stopping when the user asked to."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress

    def __call__(self, done: float) -> None:
        if self._progress is not None and self._progress(int(done), STEPS) is False:
            raise FindingStopped(_("The search for duplicates was stopped."))


def find_duplicates(
    kind: str, progress: Progress | None = None, block_limit: int = BLOCK_LIMIT
) -> list[Twin]:
    """The likely twins among the records of ``kind``, the highest score first, each pair
    once and none a user marked "not a duplicate". ``progress(done, total)`` is told how far
    the search got; when it returns False the search stops (``FindingStopped``)."""
    profile = PROFILES[kind]
    report = _Report(progress)
    weights = WordWeights()
    model = RECORD_KINDS[kind]
    with db.atomic(), Scratch() as scratch:
        total = max(model.select().count(), 1)
        report(0)
        done = 0
        for rows in record_pages(profile):
            records, blocks = [], []
            for row in rows:
                features = profile.features(row)
                weights.count(profile.words(features))
                records.append((row["id"], marshal.dumps(features)))
                group = profile.group(features)
                blocks += [_block(key, row["id"], group) for key in set(profile.keys(features))]
            scratch.add(records, blocks)
            done += len(rows)
            report(READ_SHARE * done / total)
        pairs = scratch.pair(block_limit)
        report(READ_SHARE + PAIR_SHARE)
        twins = _judge(scratch, profile, weights, pairs, report)
        return _titled(kind, twins)


def _judge(
    scratch: Scratch, profile: Profile, weights: WordWeights, pairs: int, report: _Report
) -> list[tuple[int, int, int, tuple[Reason, ...]]]:
    marked = marked_pairs(profile.kind)
    kept: OrderedDict[int, Features] = OrderedDict()
    found = []
    judged = 0
    for chunk in scratch.pairs(PAIRS):
        features = scratch.features({record_id for pair in chunk for record_id in pair}, kept)
        for a, b in chunk:
            if (a, b) in marked:
                continue
            verdict = profile.judge(features[a], features[b], weights)
            if verdict is not None:
                found.append((a, b, round(verdict[0]), tuple(verdict[1])))
        judged += len(chunk)
        report(READ_SHARE + PAIR_SHARE + (STEPS - READ_SHARE - PAIR_SHARE) * judged / pairs)
    return found


def _titled(kind: str, found: list[tuple[int, int, int, tuple[Reason, ...]]]) -> list[Twin]:
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
