"""Two people saving one record: what each changed since the form was opened, field by field,
and the values to save once the user has chosen whose change to keep where both changed the
same field. A field only one side changed keeps that side's change without asking.

Everything here works on the plain values of ``RecordEditor.load`` carried by a ``Conflict``;
tables of rows (participants, partners), tags and areas are fields whose value is a list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.errors import Conflict

THEIRS, MINE, BOTH = "theirs", "mine", "both"


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


def same(a: Any, b: Any) -> bool:
    """Whether two values of a field are the same to a user (no text is no value)."""
    return (_empty(a) and _empty(b)) or a == b


@dataclass(frozen=True)
class FieldDifference:
    """One field changed since the form was opened: by the others, by the user, or by both."""

    field: str
    opened: Any
    theirs: Any
    mine: Any

    @property
    def theirs_changed(self) -> bool:
        return not same(self.opened, self.theirs)

    @property
    def mine_changed(self) -> bool:
        return not same(self.opened, self.mine)

    @property
    def clashing(self) -> bool:
        """Both changed it, each differently: the user chooses."""
        return self.theirs_changed and self.mine_changed and not same(self.theirs, self.mine)

    @property
    def is_list(self) -> bool:
        return any(isinstance(value, list) for value in (self.opened, self.theirs, self.mine))

    def choices(self) -> tuple[str, ...]:
        """What the user may keep: theirs, mine, and for a list (rows, tags) both sides'
        changes together."""
        return (THEIRS, MINE, BOTH) if self.is_list else (THEIRS, MINE)

    def value(self, choice: str) -> Any:
        if choice == THEIRS:
            return self.theirs
        if choice == BOTH and self.is_list:
            return combined(self.opened or [], self.theirs or [], self.mine or [])
        return self.mine


def combined(opened: list, theirs: list, mine: list) -> list:
    """A list changed on both sides, with both sides' changes: their rows, less the rows the
    user removed, then the rows the user added (each once)."""
    removed = [row for row in opened if row not in mine]
    result = [row for row in theirs if row not in removed]
    for row in mine:
        if row not in opened and row not in result:
            result.append(row)
    return result


def differences(conflict: Conflict) -> list[FieldDifference]:
    """The fields changed since the form was opened, in the order of the form's values. With
    no record of what was opened, every field where the two differ counts as changed by
    both."""
    theirs = conflict.theirs or {}
    opened = conflict.opened
    found = []
    for name, mine in conflict.mine.items():
        their_value = theirs.get(name)
        if opened is None:
            if not same(their_value, mine):
                found.append(FieldDifference(name, None, their_value, mine))
            continue
        difference = FieldDifference(name, opened.get(name), their_value, mine)
        if difference.theirs_changed or difference.mine_changed:
            found.append(difference)
    return found


def clashes(conflict: Conflict) -> list[FieldDifference]:
    """The fields both changed, each differently: the ones the user must choose for."""
    return [difference for difference in differences(conflict) if difference.clashing]


def merged(conflict: Conflict, chosen: dict[str, str] | None = None) -> dict[str, Any]:
    """The values to save: what is stored now, with every change of the user's that nobody
    else touched, and for each field both changed the side ``chosen`` names (the user's by
    default)."""
    if conflict.theirs is None:
        return dict(conflict.mine)
    chosen = chosen or {}
    values = dict(conflict.theirs)
    for difference in differences(conflict):
        if difference.clashing:
            values[difference.field] = difference.value(chosen.get(difference.field, MINE))
        elif difference.mine_changed:
            values[difference.field] = difference.mine
    return values
