"""Progress for long steps, on a terminal only: a status line while a step runs, its time after.

Nothing is written when stderr is not a terminal (pipes, files, CI, tests), so output
that scripts read never changes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

__all__ = ["LONG", "step"]

LONG = 1.0
"""Seconds after which a finished step leaves a line saying how long it took."""


@contextmanager
def step(message: str, stream: TextIO | None = None) -> Iterator[None]:
    """Show ``message`` while the body runs; keep ``message: N s`` if it took longer than :data:`LONG`."""
    stream = sys.stderr if stream is None else stream
    if not stream.isatty():
        yield
        return
    stream.write(f"{message}\u2026")
    stream.flush()
    start = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - start
        stream.write("\r\033[K" + (f"{message}: {elapsed:.1f} s\n" if elapsed >= LONG else ""))
        stream.flush()
