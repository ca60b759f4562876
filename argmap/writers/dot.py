"""Graphviz DOT export: the same diagram ``argmap render`` draws, as DOT source.

Useful to lay the map out with other Graphviz tools or to edit the styling by hand;
map text is escaped by :func:`argmap.dot.to_dot`, and element ids never become DOT
identifiers.
"""

from __future__ import annotations

from argmap.dot import to_dot
from argmap.model import ArgumentMap

__all__ = ["NAME", "SUFFIXES", "write"]

NAME = "dot"
SUFFIXES = (".dot", ".gv")


def write(amap: ArgumentMap) -> str:
    """The map's diagram as DOT text (without check findings; ``argmap render`` adds those)."""
    return to_dot(amap)
