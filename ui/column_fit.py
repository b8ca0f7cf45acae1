"""The columns a list shows before the user chooses: those its kind shows by default, as many
as fit beside the form, so none is reachable only by scrolling sideways."""

from __future__ import annotations

from collections.abc import Sequence

# A column may be narrowed to this share of its usual width before columns are left out.
NARROWEST = 0.7


def fit_columns(widths: Sequence[int], headings: Sequence[int], room: int) -> list[int | None]:
    """The width of each column (None: left out) so that together they fit ``room`` pixels:
    the first columns stay, the last ones go first; those kept share the room, each no
    narrower than its heading (``headings``) nor than ``NARROWEST`` of its usual width."""
    narrowest = [
        max(int(width * NARROWEST), heading)
        for width, heading in zip(widths, headings, strict=True)
    ]
    kept = list(range(len(widths)))
    while len(kept) > 1 and sum(narrowest[index] for index in kept) > room:
        kept.pop()
    least = sum(narrowest[index] for index in kept)
    wanted = sum(max(widths[index] - narrowest[index], 0) for index in kept)
    # The room left once each has its narrowest width goes to each in proportion to what it
    # lacks of its usual width.
    share = min(1.0, (room - least) / wanted) if wanted else 0.0
    fitted: list[int | None] = [None] * len(widths)
    for index in kept:
        fitted[index] = narrowest[index] + int(max(widths[index] - narrowest[index], 0) * share)
    return fitted
