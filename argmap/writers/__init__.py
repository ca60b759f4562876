"""Output writers: one module per format, found by looking in this package.

A writer module defines ``NAME``, ``SUFFIXES`` and ``write(amap) -> str | bytes``.
Adding an export format means adding a module here; ``argmap convert`` and
:func:`write_map` pick it up by suffix or by ``format=``.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from argmap.errors import OutputError
from argmap.model import ArgumentMap
from argmap.output import input_files, write_atomic

__all__ = ["Writer", "dumps", "write_map", "writer_for", "writers"]


@dataclass(frozen=True)
class Writer:
    name: str
    suffixes: tuple[str, ...]
    module: ModuleType

    def write(self, amap: ArgumentMap) -> str | bytes:
        return self.module.write(amap)


@cache
def writers() -> dict[str, Writer]:
    """Every writer in this package, by format name."""
    found: dict[str, Writer] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[module.NAME] = Writer(module.NAME, tuple(module.SUFFIXES), module)
    return found


def writer_for(path: str | os.PathLike[str] | None = None, format: str | None = None) -> Writer:
    """The writer for a format name, or else for the path's suffix."""
    table = writers()
    if format is not None:
        if format not in table:
            raise OutputError(f"unknown output format '{format}': use one of {', '.join(sorted(table))}")
        return table[format]
    name = str(path or "").lower()
    # Longest suffix first, so ".aif.json" wins over ".json".
    candidates = sorted(((s, w) for w in table.values() for s in w.suffixes), key=lambda sw: -len(sw[0]))
    for suffix, writer in candidates:
        if name.endswith(suffix):
            return writer
    raise OutputError(
        f"{path}: cannot tell the output format from the name: use --to (one of {', '.join(sorted(table))})"
    )


def dumps(amap: ArgumentMap, format: str) -> str | bytes:
    """The map in an export format, as text (or bytes)."""
    return writer_for(format=format).write(amap)


def write_map(amap: ArgumentMap, path: str | os.PathLike[str], format: str | None = None) -> str:
    """Export the map to ``path`` atomically (never over its own input); return the format name."""
    writer = writer_for(path, format)
    write_atomic(path, writer.write(amap), inputs=input_files(amap))
    return writer.name
