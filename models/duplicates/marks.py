"""Pairs a user marked "not a duplicate": the finder leaves them out from then on."""

from __future__ import annotations

from models.store.base import current_user, db
from models.store.records import NotDuplicate


def _ordered(one: int, other: int) -> tuple[int, int]:
    return (one, other) if one < other else (other, one)


def mark_not_duplicate(kind: str, one: int, other: int) -> None:
    """Say two records are not the same; marking a pair twice changes nothing."""
    first, second = _ordered(one, other)
    with db.atomic():
        if not is_marked(kind, first, second):
            NotDuplicate.create(
                record_kind=kind, first_id=first, second_id=second, marked_by=current_user()
            )


def unmark(kind: str, one: int, other: int) -> None:
    """Take a "not a duplicate" back: the pair may be offered again."""
    first, second = _ordered(one, other)
    NotDuplicate.delete().where(
        (NotDuplicate.record_kind == kind)
        & (NotDuplicate.first_id == first)
        & (NotDuplicate.second_id == second)
    ).execute()


def is_marked(kind: str, one: int, other: int) -> bool:
    first, second = _ordered(one, other)
    return (
        NotDuplicate.select()
        .where(
            (NotDuplicate.record_kind == kind)
            & (NotDuplicate.first_id == first)
            & (NotDuplicate.second_id == second)
        )
        .exists()
    )


def marked_pairs(kind: str) -> set[tuple[int, int]]:
    """Every pair of the kind marked "not a duplicate", smaller id first. A user marks pairs
    one by one, so there are few enough to hold."""
    query = NotDuplicate.select(NotDuplicate.first_id, NotDuplicate.second_id).where(
        NotDuplicate.record_kind == kind
    )
    return set(query.tuples())
