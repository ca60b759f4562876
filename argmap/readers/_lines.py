"""Line and column of an offset, in memory that does not grow with the number of lines.

Readers that report places by offset used to keep the start of every line: a list of
Python integers, some 36 bytes a line, so 2 GB for a 64 MB file of empty lines. The
index here keeps two numbers for every block of 1,024 characters (the lines ended
before it and where its line starts) and counts within the block when asked.
"""

from __future__ import annotations

from array import array

__all__ = ["LineIndex"]

_BLOCK = 1024


class LineIndex:
    """1-based line and column of offsets into ``text``.

    ``universal``: lines end at ``\\r\\n``, ``\\r`` or ``\\n`` (Argdown, as JavaScript);
    otherwise only at ``\\n`` (JSON's own line numbers).
    """

    def __init__(self, text: str, universal: bool = False) -> None:
        self.text = text
        self.universal = universal and "\r" in text  # without a \r, lines end at \n either way
        self._at, self._line, self._line_start = 0, 1, 0
        """The last position asked for: readers ask in text order, and counting on from it is cheap."""
        self._ended = array("q", [0])
        self._starts = array("q", [0])
        for start in range(0, len(text) - _BLOCK + 1, _BLOCK):
            end = start + _BLOCK
            self._ended.append(self._ended[-1] + self._count(start, end))
            self._starts.append(max(self._last(start, end), self._starts[-1]))

    def _count(self, a: int, b: int) -> int:
        """How many line breaks end in ``(a, b]``."""
        text = self.text
        count = text.count("\n", a, b)
        if self.universal:
            count += text.count("\r", a, b) - text.count("\r\n", a, b + 1)
        return count

    def _last(self, a: int, b: int) -> int:
        """Where the last line break ending in ``(a, b]`` ends, or -1 if none does."""
        text = self.text
        last = text.rfind("\n", a, b)
        last = last + 1 if last >= 0 else -1
        if self.universal:
            cr = text.rfind("\r", a, b)
            if cr >= 0 and cr + 1 == b and text.startswith("\n", b):  # a \r\n that ends after b
                cr = text.rfind("\r", a, cr)
            if cr >= 0 and not (cr + 1 < b and text[cr + 1] == "\n"):
                last = max(last, cr + 1)
        return last

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column of ``offset`` (both from 1; the column counts characters)."""
        text = self.text
        if not self.universal and self._at <= offset <= self._at + _BLOCK and offset <= len(text):
            # a little on from the last position asked for: count from there
            last = text.rfind("\n", self._at, offset)
            line_start = last + 1 if last >= 0 else self._line_start
            line = self._line + text.count("\n", self._at, offset)
            self._at, self._line, self._line_start = offset, line, line_start
            return line, offset - line_start + 1
        offset = max(0, min(offset, len(text)))
        block = min(offset // _BLOCK, len(self._ended) - 1)
        start = block * _BLOCK
        if not self.universal:  # the common case, without the calls the general one makes
            last = text.rfind("\n", start, offset)
            line_start = last + 1 if last >= 0 else self._starts[block]
            line = self._ended[block] + text.count("\n", start, offset) + 1
            self._at, self._line, self._line_start = offset, line, line_start
            return line, offset - line_start + 1
        line = self._ended[block] + self._count(start, offset) + 1
        line_start = max(self._last(start, offset), self._starts[block])
        return line, offset - line_start + 1
