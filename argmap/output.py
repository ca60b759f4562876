"""Writing outputs safely: atomically, never over an input, never half-written."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import OutputError

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["input_files", "write_atomic", "write_files"]

PathLike = str | os.PathLike[str]
Data = str | bytes | Iterable[str]
"""What a file is written from: its text, its bytes, or its text in pieces, written as they come."""


def input_files(amap: ArgumentMap) -> list[str]:
    """The files a map was read from, none of which an output may replace.

    Its own file and, for Argdown, each file it ``@include``-s that holds a statement,
    an argument or a relation (the reader records where each element came from).
    """
    files = [amap.path] if amap.path else []
    for element in (*amap.claims.values(), *amap.inferences.values()):
        info = element.data.get("argdown")
        origin = info.get("origin") if isinstance(info, dict) else None
        if isinstance(origin, str):
            files.append(origin.rsplit(":", 1)[0])
    return list(dict.fromkeys(files))


def write_atomic(path: PathLike, data: Data, inputs: Iterable[PathLike] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A failure leaves no partial file, also one raised while ``data`` is yielding its
    pieces; ``path`` may not be one of ``inputs``.
    """
    write_files({path: data}, inputs)


def write_files(files: Mapping[PathLike, Data], inputs: Iterable[PathLike] = ()) -> None:
    """Write several files as a set: every one to a temporary file beside it, then each renamed into place.

    None may be one of ``inputs``. A failure before the renames (a missing or unwritable
    folder, a full disk, a bad name) leaves every target as it was and no temporary file;
    it raises :class:`OutputError` naming the file, never a bare ``OSError``.
    """
    inputs = list(inputs)
    targets = [(_resolved(Path(path)), _pieces(data)) for path, data in files.items()]
    for target, _ in targets:
        _check(target, inputs)
    staged: list[tuple[str, Path]] = []
    target = targets[0][0] if targets else Path()
    try:
        for target, payload in targets:
            if not _is_special(target):
                staged.append((_stage(target, payload), target))
        for target, payload in targets:
            if _is_special(target):
                whole = b"".join(payload)  # made in full first: nothing reaches a device or pipe from a failed run
                with open(target, "wb") as handle:
                    handle.write(whole)
        for tmp, target in staged:
            os.replace(tmp, target)
    except OSError as error:
        raise OutputError(f"{target}: cannot write the file: {error.strerror or error}") from None
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)


def _resolved(target: Path) -> Path:
    """The file a symbolic link leads to: the rename replaces that file and keeps the link.

    A link to a device (``/dev/stdout``) is kept as it is, to be opened and written into.
    """
    try:
        linked = target.is_symlink()
    except OSError:  # a name too long, say: writing to it will say what is wrong
        return target
    return Path(os.path.realpath(target)) if linked and not _is_special(target) else target


def _is_special(target: Path) -> bool:
    """A device, pipe or socket (``/dev/null``, ``/dev/stdout``): written into, never replaced by a rename.

    A rename would put a regular file where the device was (as root, ``-o /dev/null``
    would replace the system's ``/dev/null``); such a target has no partial state to avoid.
    """
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _check(target: Path, inputs: list[PathLike]) -> None:
    """Refuse a target that is one of the inputs, or whose folder does not exist."""
    for source in inputs:
        try:
            if target.exists() and target.samefile(source):
                raise OutputError(f"{target}: refusing to write the output over an input file; choose another -o")
        except OSError:
            continue
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: the folder {folder} does not exist")


def _pieces(data: Data) -> Iterable[bytes]:
    """``data`` as UTF-8 bytes, in the pieces it comes in."""
    if isinstance(data, bytes):
        return (data,)
    if isinstance(data, str):
        return (data.encode("utf-8"),)
    return _encoded(data)


def _encoded(pieces: Iterable[str]) -> Iterator[bytes]:
    for piece in pieces:
        yield piece.encode("utf-8")


def _stage(target: Path, payload: Iterable[bytes]) -> str:
    """``payload`` in a new temporary file in ``target``'s folder, with the mode ``target`` will have."""
    # The name is shortened so that a long but valid name still leaves room for the random part.
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:64]}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in payload:
                handle.write(piece)
        os.chmod(tmp, _mode_for(target))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _mode_for(target: Path) -> int:
    """The mode a plain ``open(path, "w")`` would give: the old file's, else 0o666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
