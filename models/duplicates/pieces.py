"""What the finder's processes do (``cores``): a page of records reduced to what their kind's
rules compare and the blocks it goes in, and a chunk of candidate pairs judged. Nothing here
touches the database the user works in: the records come with the work, and their features
from the finder's scratch database, which every process reads on its own."""

from __future__ import annotations

import hashlib
import marshal
import sqlite3
from collections import OrderedDict
from typing import Any

from models.duplicates.names import WordWeights
from models.duplicates.profiles import PROFILES, WEAK, Features
from models.duplicates.twins import Reason

# A judged pair: the two records, the score and its reasons.
Found = tuple[int, int, int, tuple[Reason, ...]]
# Records' features kept at hand while pairs are judged: a record is in many pairs, and
# reading it again from the scratch database costs more than judging. Bounded, so memory
# stays flat.
KEPT_FEATURES = 20000


def block_key(key: tuple) -> int:
    """A block's key as a number every process gives it alike (Python's own ``hash`` of a
    text differs from one process to the next)."""
    text = "\x1f".join(map(str, key)).encode()
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big", signed=True)


def _block(key: tuple, record_id: int, group: tuple[Any, Any]) -> tuple:
    """A row of the block table: the key (a weak one as the same key not weak), the record,
    whether it is in the block by a strong key, and its group and bridge."""
    if key[0].startswith(WEAK):
        return block_key((key[0][len(WEAK) :], *key[1:])), record_id, False, *group
    return block_key(key), record_id, True, *group


def reduce_page(
    piece: tuple[str, list[dict[str, Any]]],
) -> tuple[list[tuple[int, bytes]], list[tuple], dict[str, int]]:
    """A page of records of a kind: each record's features (as the scratch database keeps
    them), the rows of the blocks they go in, and how many records carry each word."""
    kind, rows = piece
    profile = PROFILES[kind]
    words = WordWeights()
    records, blocks = [], []
    for row in rows:
        features = profile.features(row)
        words.count(profile.words(features))
        records.append((row["id"], marshal.dumps(features)))
        group = profile.group(features)
        blocks += [_block(key, row["id"], group) for key in set(profile.keys(features))]
    return records, blocks, words.records


class Judging:
    """Candidate pairs of a kind judged by its rules, the records' features read from the
    scratch database at ``path``; ``records``: how many records carry each word."""

    def __init__(self, kind: str, path: str, records: dict[str, int]) -> None:
        self.profile = PROFILES[kind]
        self.weights = WordWeights(records)
        self.connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.kept: OrderedDict[int, Features] = OrderedDict()

    def __call__(self, pairs: list[tuple[int, int]]) -> list[Found]:
        features = self.features({record_id for pair in pairs for record_id in pair})
        found = []
        for a, b in pairs:
            verdict = self.profile.judge(features[a], features[b], self.weights)
            if verdict is not None:
                found.append((a, b, round(verdict[0]), tuple(verdict[1])))
        return found

    def features(self, ids: set[int]) -> dict[int, Features]:
        """The features of the records ``ids``, from those kept when they are there; those
        read are kept too, the least recently used leaving past ``KEPT_FEATURES``."""
        kept, found = self.kept, {}
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

    def close(self) -> None:
        self.connection.close()


# The judging of the process it runs in, set up once by ``start_judging``.
_judging: Judging | None = None


def start_judging(kind: str, path: str, records: dict[str, int]) -> None:
    global _judging
    stop_judging()
    _judging = Judging(kind, path, records)


def judge_chunk(pairs: list[tuple[int, int]]) -> list[Found]:
    assert _judging is not None, "start_judging first"
    return _judging(pairs)


def stop_judging() -> None:
    """Let go of the scratch database (a file held open cannot be removed on Windows)."""
    global _judging
    if _judging is not None:
        _judging.close()
        _judging = None
