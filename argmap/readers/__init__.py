"""Input readers: one module per format, found by looking in this package.

A reader module defines ``NAME`` (the format's name), ``SUFFIXES`` (file endings it
claims) and ``read(text, path) -> ArgumentMap``. Adding a format means adding a module
here; :func:`load_map` and the CLI pick it up by suffix or by ``format=``.
"""

from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import re
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

from argmap._gc import collector_paused
from argmap.errors import MapError
from argmap.limits import LIMITS, MAX_BYTES
from argmap.model import ArgumentMap

__all__ = ["Reader", "decode", "load_map", "looks_like_map", "parse_map", "reader_for", "readers"]

_DECLARATION = re.compile(r"^(NAME|SUFFIXES) *= *(.+?) *(?:#.*)?$", re.M)


@dataclass(frozen=True)
class Reader:
    name: str
    suffixes: tuple[str, ...]
    module_name: str

    @property
    def module(self) -> ModuleType:
        """The reader's module, imported on first use: choosing a reader by suffix imports none."""
        return importlib.import_module(self.module_name)

    def read(self, text: str, path: str | None = None) -> ArgumentMap:
        """The map in the text; whatever the text, a :class:`MapError` is the only error.

        The readers bound nesting and size themselves (:mod:`argmap.limits`); running out
        of stack or memory anyway is still reported as an error about the file.
        """
        for limit in LIMITS:
            limit.value(path)  # a malformed setting is an error whichever limits this format uses
        try:
            with collector_paused():
                return self.module.read(text, path)
        except RecursionError:
            raise MapError("the map is nested too deeply to read", path, 1, 1) from None
        except MemoryError:
            raise MapError("not enough memory to read this map", path, 1, 1) from None


@cache
def readers() -> dict[str, Reader]:
    """Every reader in this package, by format name.

    A module's ``NAME`` and ``SUFFIXES``, when written as literals, are read from its
    source, so that finding the reader for a file does not import every format's parser
    (the Argdown one alone costs a tenth of a second); other modules are imported.
    """
    found: dict[str, Reader] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module_name = f"{__name__}.{info.name}"
        declared = _declared(info.name)
        if declared is None:
            module = importlib.import_module(module_name)
            declared = module.NAME, tuple(module.SUFFIXES)
        found[declared[0]] = Reader(*declared, module_name)
    return found


def _declared(name: str) -> tuple[str, tuple[str, ...]] | None:
    """``NAME`` and ``SUFFIXES`` as a reader module's source states them, or ``None`` if it does not plainly."""
    try:
        source = Path(__path__[0], f"{name}.py").read_text(encoding="utf-8")
        values = {key: ast.literal_eval(expr) for key, expr in _DECLARATION.findall(source)}
        return str(values["NAME"]), tuple(values["SUFFIXES"])
    except (OSError, KeyError, ValueError, SyntaxError, TypeError):
        return None


def reader_for(path: str | os.PathLike[str] | None = None, format: str | None = None) -> Reader:
    """The reader for a format name, or else for the path's suffix."""
    table = readers()
    if format is not None:
        if format not in table:
            raise MapError(f"unknown input format '{format}': use one of {', '.join(sorted(table))}", None)
        return table[format]
    name = str(path or "").lower()
    if path is not None and _is_kialo_export(Path(path)):
        return table["kialo"]
    # Longest suffix first, so ".argmap.json" (argmap JSON) wins over ".json" (AIF).
    candidates = sorted(((s, r) for r in table.values() for s in r.suffixes), key=lambda sr: -len(sr[0]))
    for suffix, reader in candidates:
        if name.endswith(suffix):
            return reader
    suffixes = ", ".join(s for r in table.values() for s in r.suffixes)
    raise MapError(
        f"cannot tell the format of this file from its name: use a suffix ({suffixes}) or --from", str(path), 1, 1
    )


_AIF_KEY = re.compile(rb'"nodes"\s*:')
_KIALO_HEADER = re.compile(rb"(?:\xef\xbb\xbf)?\s*Discussion (?:Title|Name)\s*:", re.IGNORECASE)


def _is_kialo_export(path: Path) -> bool:
    """Whether a ``.txt`` file is Kialo's export, which Kialo saves as ``<discussion>-<id>.txt``.

    Only a regular file is looked into (a pipe would lose what was read), and only its
    first line: the export opens with ``Discussion Title:``.
    """
    if not path.name.lower().endswith(".txt"):
        return False
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as file:
            return _KIALO_HEADER.match(file.read(4096)) is not None
    except OSError:
        return False


def looks_like_map(path: Path) -> bool:
    """Whether a file met while expanding a folder is taken as a map.

    Its name must end in a reader's suffix, or it is a ``.txt`` file that opens like Kialo's
    export (``Discussion Title:``). ``.json`` alone is AIF's suffix but every
    tool's (``package.json``, ``tsconfig.json``), so such a file is taken only when its
    first 64 KiB have AIF's ``"nodes"`` key; ``.aif.json`` and ``.argmap.json`` always are.
    """
    name = path.name.lower()
    if not name.endswith(tuple(s for r in readers().values() for s in r.suffixes)):
        return _is_kialo_export(path)
    if not name.endswith(".json") or name.endswith((".aif.json", ".argmap.json")):
        return True
    try:
        with open(path, "rb") as file:
            return _AIF_KEY.search(file.read(65536)) is not None
    except OSError:
        return True  # reading it as a map will say what is wrong


def _read_special(path: str, most: int) -> bytes:
    """Up to ``most`` bytes of a pipe or a device.

    Opened without waiting, so a named pipe that nobody writes to reads as empty rather
    than blocking for ever; then read as usual, so a pipe being written (``<(cat map)``)
    is read to its end.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as file:
        os.set_blocking(fd, True)
        return file.read(most)


def decode(data: bytes, path: str | None = None) -> str:
    """UTF-8 text without a byte-order mark; a bad byte is reported at its line and column."""
    if len(data) > MAX_BYTES.value(path):
        raise MAX_BYTES.error(f"the file is {len(data)} bytes", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise MapError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}): save the file as UTF-8", path, line, col
        ) from None
    return text.removeprefix("\ufeff")


def parse_map(text: str, path: str | None = None, format: str | None = None) -> ArgumentMap:
    """Parse a map from text; the format comes from ``format`` or the path's suffix (default YAML)."""
    reader = reader_for(path, format) if (format or path) else readers()["yaml"]
    return reader.read(text.removeprefix("\ufeff"), path)


def load_map(path: str | os.PathLike[str], format: str | None = None) -> ArgumentMap:
    """Read a map file; every problem becomes a :class:`MapError` with ``path:line:col``.

    The size limit is checked before reading, so a huge file or a device that never
    ends is refused without filling the memory.
    """
    name = str(path)
    reader = reader_for(name, format)
    limit = MAX_BYTES.value(name)
    try:
        info = os.stat(path)
        if info.st_size > limit:
            raise MAX_BYTES.error(f"the file is {info.st_size} bytes", name)
        if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
            data = Path(path).read_bytes()
        else:  # a pipe or a device has no size to check first: read no more than one byte too many
            data = _read_special(name, limit + 1)
            if len(data) > limit:
                raise MAX_BYTES.error(f"the file is more than {limit} bytes", name)
    except IsADirectoryError:
        raise MapError("is a folder, not a map file", name, 1, 1) from None
    except OSError as exc:
        raise MapError(f"cannot read the file: {exc.strerror or exc}", name, 1, 1) from None
    return reader.read(decode(data, name), name)
