"""The DOT export is the diagram ``argmap render`` draws, and Graphviz reads it."""

from __future__ import annotations

from pathlib import Path

import pygraphviz

from argmap import load_map, to_dot
from argmap.writers import dumps, writer_for

FIXTURES = Path(__file__).parent / "fixtures" / "convert"


def test_dot_export_is_to_dot():
    amap = load_map(FIXTURES / "meals.yaml")
    assert dumps(amap, "dot") == to_dot(amap)


def test_graphviz_parses_the_hostile_map():
    amap = load_map(FIXTURES / "hostile.yaml")
    graph = pygraphviz.AGraph(string=dumps(amap, "dot"))
    assert graph.number_of_edges() == sum(len(i.premises) + 1 for i in amap.inferences.values())


def test_suffixes():
    assert writer_for("map.dot").name == writer_for("map.gv").name == "dot"
