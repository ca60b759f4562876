"""Lay out a map's DOT and draw it as SVG, PNG or PDF.

Drawing uses pygraphviz, whose wheels bundle the Graphviz library, so it works after
a plain ``pip install`` with no system Graphviz.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import OutputError
from argmap.output import write_atomic

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
    """
    if format == "dot":
        return dot_source.encode("utf-8")
    import pygraphviz
    from pygraphviz import graphviz as gv

    graph = pygraphviz.AGraph(string=dot_source)
    context = gv.gvContextWithBuiltins()
    try:
        if gv.gvLayout(context, graph.handle, b"dot") != 0:
            raise OutputError("Graphviz could not lay out the map")
        error, data = gv.gvRenderData(context, graph.handle, format.encode())
        gv.gvFreeLayout(context, graph.handle)
    finally:
        gv.gvFreeContext(context)
    if error:
        raise OutputError(f"Graphviz could not draw the map as {format}")
    return data


def render(
    amap: ArgumentMap,
    path: str | os.PathLike[str],
    findings: Iterable[Finding] = (),
    *,
    format: str | None = None,
    **options: object,
) -> str:
    """Draw the map to ``path`` (atomically) and return the format used."""
    from argmap.dot import to_dot

    chosen = format_for(path, format)
    data = draw(to_dot(amap, findings, **options), chosen)
    write_atomic(path, data, inputs=[amap.path] if amap.path else [])
    return chosen
