"""Lay out a map's DOT and draw it as SVG, PNG or PDF.

Drawing uses pygraphviz, whose wheels bundle the Graphviz library, so it works after
a plain ``pip install`` with no system Graphviz.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import OutputError

if TYPE_CHECKING:
    from argmap.checks import Finding
    from argmap.model import ArgumentMap

__all__ = ["FORMATS", "draw", "format_for", "render"]

FORMATS = ("svg", "png", "pdf", "dot")


def format_for(path: str | os.PathLike[str], format: str | None = None) -> str:
    """The output format: ``format`` if given, else the path's suffix."""
    chosen = (format or Path(path).suffix.lstrip(".")).lower()
    if chosen == "gv":
        chosen = "dot"
    if chosen not in FORMATS:
        raise OutputError(
            f"{path}: cannot draw '{chosen or 'no suffix'}': use one of .{', .'.join(FORMATS)} or --format"
        )
    return chosen


def draw(dot_source: str, format: str) -> bytes:
    """Lay out DOT with Graphviz's ``dot`` and return the drawing in ``format``.

    One layout and one render in the Graphviz library, as the ``dot`` program does:
    ``AGraph.layout()`` then ``AGraph.draw()`` would lay the graph out twice (the second
    time to route edges again from the stored positions), which doubles the time on big maps.
    Raises :class:`OutputError` with Graphviz's own message when Graphviz reports an error
    (it can only say so on the process's stderr, which is watched while it works).
    """
    if format == "dot":
        return dot_source.encode("utf-8")
    if format not in FORMATS:
        raise OutputError(f"cannot draw '{format}': use one of {', '.join(FORMATS)}")
    import pygraphviz
    from pygraphviz import graphviz as gv

    with _graphviz_messages() as messages:
        try:
            graph = pygraphviz.AGraph(string=dot_source)
        except (pygraphviz.DotError, UnicodeError):
            graph = None
        error, data = 1, b""
        if graph is not None:
            context = gv.gvContextWithBuiltins()
            try:
                if gv.gvLayout(context, graph.handle, b"dot") == 0:
                    error, data = gv.gvRenderData(context, graph.handle, format.encode())
                    gv.gvFreeLayout(context, graph.handle)
            finally:
                gv.gvFreeContext(context)
    problems = _errors(messages)
    if graph is None:
        raise OutputError(f"Graphviz could not read the DOT: {problems or 'invalid input'}")
    if error or problems:
        raise OutputError(f"Graphviz could not draw the map as {format}: {problems or 'no output'}")
    return data


def _errors(messages: list[str]) -> str:
    """Graphviz's error messages (an ``Error:`` line and the lines that go on from it), joined."""
    found: list[str] = []
    inside = False
    for line in messages:
        if line.startswith(("Error:", "error:")):
            inside = True
            found.append(line.split(":", 1)[1].strip())
        elif inside and line.startswith((" ", "\t", "...", "in label")):
            found[-1] += " " + line.strip()
        else:
            inside = False
    return "; ".join(dict.fromkeys(found))


@contextmanager
def _graphviz_messages() -> Iterator[list[str]]:
    """Collect what the Graphviz library writes on file descriptor 2 meanwhile.

    Graphviz has no other way to report a problem. Lines that are not errors (warnings)
    are passed on to stderr afterwards, as Graphviz would have printed them.
    """
    import tempfile  # imported here, like write_atomic: ``import argmap`` binds render(), check needs neither

    messages: list[str] = []
    sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:  # no stderr to watch: Graphviz's messages go nowhere either
        yield messages
        return
    try:
        with tempfile.TemporaryFile() as sink:
            os.dup2(sink.fileno(), 2)
            try:
                yield messages
            finally:
                os.dup2(saved, 2)
                sink.seek(0)
                messages.extend(sink.read().decode("utf-8", "replace").splitlines())
    finally:
        os.close(saved)
    passed_on = [line for line in messages if line and not _errors([line]) and not _is_fontconfig(line)]
    if passed_on and not _errors(messages):
        sys.stderr.write("\n".join(passed_on) + "\n")


def _is_fontconfig(line: str) -> bool:
    """A complaint of the wheel's bundled Fontconfig about the system's newer config files.

    It says nothing about the map and the drawing is unaffected, so it is not passed on.
    """
    return line.startswith(("Fontconfig warning:", "Fontconfig error:"))


def render(
    amap: ArgumentMap,
    path: str | os.PathLike[str],
    findings: Iterable[Finding] = (),
    *,
    format: str | None = None,
    **options: object,
) -> str:
    """Draw the map to ``path`` (atomically) and return the format used.

    DOT is written piece by piece as it is made, never held whole (17 MB for 20,000
    claims); a failure meanwhile still leaves no file.
    """
    from argmap.dot import dot_chunks, to_dot
    from argmap.output import input_files, write_atomic

    chosen = format_for(path, format)
    if chosen == "dot":
        write_atomic(path, dot_chunks(amap, findings, **options), inputs=input_files(amap))
    else:
        write_atomic(path, draw(to_dot(amap, findings, **options), chosen), inputs=input_files(amap))
    return chosen
