"""The bounds on what argmap reads, so that a hostile map gets a clear error, not a hang.

Maps come from students and from the web. Whatever a file holds, reading it must end
soon, in bounded memory, with a map or a ``path:line:col`` error. The readers are
linear in the size of the file, so bounding the size bounds the time; the other limits
bound what would otherwise grow without end (the recursion of nesting, the number of
elements the analyses then work on). Each limit has an environment variable that
raises it for a genuine map that needs more; the value is read each time a map is read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from argmap.errors import MapError

__all__ = ["LIMITS", "MAX_BYTES", "MAX_DEPTH", "MAX_ELEMENTS", "Limit", "check_elements"]


@dataclass(frozen=True)
class Limit:
    """One bound: what it counts, its default and the environment variable that sets it."""

    what: str
    env: str
    default: int
    unit: str

    def value(self, path: str | None = None) -> int:
        """The limit in force: the environment variable's value, else the default."""
        raw = os.environ.get(self.env, "").strip().replace("_", "")
        if not raw:
            return self.default
        if not raw.isdigit() or int(raw) < 1:
            raise MapError(
                f"the environment variable {self.env} must be a positive whole number, not {raw!r}", path, 1, 1
            )
        return int(raw)

    def error(self, found: str, path: str | None, line: int = 1, col: int = 1) -> MapError:
        """The error for a map over this limit: what was found, the limit, and how to raise it."""
        return MapError(
            f"{found}, over the limit of {self.value(path)} {self.unit} ({self.what}): "
            f"if the map is genuine, raise it with the environment variable {self.env}",
            path,
            line,
            col,
        )


def check_elements(count: int, path: str | None, line: int = 1, col: int = 1, so_far: bool = False) -> None:
    """Refuse a map with more claims and inferences than :data:`MAX_ELEMENTS`, before building it.

    ``so_far``: ``count`` is what the reader has met by ``line`` (it stops there, not at the end).
    """
    if count > MAX_ELEMENTS.value(path):
        where = " by this line" if so_far else ""
        raise MAX_ELEMENTS.error(f"the map has {count} claims and inferences{where}", path, line, col)


MAX_BYTES = Limit("file size", "ARGMAP_MAX_BYTES", 64 * 1024 * 1024, "bytes")
"""Largest map file: the readers are linear, so this bounds the time and memory of reading."""

MAX_ELEMENTS = Limit("element count", "ARGMAP_MAX_ELEMENTS", 500_000, "claims and inferences")
"""Most claims and inferences in one map: five times the largest benchmark (100,000 claims, 65,610 inferences)."""

MAX_DEPTH = Limit("nesting depth", "ARGMAP_MAX_DEPTH", 100, "levels")
"""Deepest nesting of JSON values, YAML data in Argdown, Argdown relations and bold or italic text."""

LIMITS = (MAX_BYTES, MAX_ELEMENTS, MAX_DEPTH)
