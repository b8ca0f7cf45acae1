"""Back and Forward through the records a user opened, as in a web browser."""

from __future__ import annotations

Place = tuple[str, object]  # kind, id (an ISO code for a country page)


class History:
    def __init__(self, limit: int = 200) -> None:
        self._places: list[Place] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Place | None:
        return self._places[self._index] if self._index >= 0 else None

    def visit(self, place: Place) -> None:
        """A record was opened: it becomes the newest place and Forward is forgotten."""
        if place == self.current:
            return
        del self._places[self._index + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._index = len(self._places) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def back(self) -> Place | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Place | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current

    def undo_move(self, step: int) -> None:
        """Return to where we were when going there was refused (unsaved changes kept)."""
        self._index -= step

    def forget(self, place: Place) -> None:
        """A deleted record is no longer a place to go back to."""
        current = self.current
        self._places = [p for p in self._places if p != place]
        self._index = (
            self._places.index(current) if current in self._places else len(self._places) - 1
        )
