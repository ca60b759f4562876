"""Exceptions raised by argmap: each message says where the problem is and what to do."""

from __future__ import annotations

__all__ = ["ArgmapError", "MapError", "OutputError"]


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class MapError(ArgmapError):
    """A map could not be read: the message names the file, line and column.

    ``str(error)`` is ``path:line:col: message`` so that editors and terminals can
    jump to the place. ``line`` and ``col`` are 1-based; 0 means unknown.
    """

    def __init__(self, message: str, path: str | None = None, line: int = 0, col: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.path = path or "<map>"
        self.line = line
        self.col = col

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        return f"{where}: {self.message}"


class OutputError(ArgmapError):
    """An output could not be written (unknown format, unwritable path, would overwrite an input)."""
