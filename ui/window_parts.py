"""Parts installed on the main window after it is made: the home view, search everywhere,
export, printing, sample records. The window makes its contents again when the language
changes, and installs again each part it had."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

Part = TypeVar("Part")


def window_part(install: Callable[[Any], Part]) -> Callable[[Any], Part]:
    """Mark ``install(window)`` as installing a part the window installs again with its
    contents."""

    @functools.wraps(install)
    def installing(window: Any) -> Part:
        part = install(window)
        parts = getattr(window, "parts", None)
        if parts is not None and installing not in parts:
            parts.append(installing)
        return part

    return installing
