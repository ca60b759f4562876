"""GraphML: well-formed, escaped XML that networkx, Gephi and yEd can read."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, Inference, load_map
from argmap.writers import dumps

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "convert"
NS = {"g": "http://graphml.graphdrawing.org/xmlns", "y": "http://www.yworks.com/xml/graphml"}


def test_networkx_reads_the_same_graph():
    amap = load_map(FIXTURES / "meals.yaml")
    graph = nx.read_graphml(io.StringIO(dumps(amap, "graphml")))
    assert set(graph.nodes) == set(amap.graph.nodes)
    assert set(graph.edges) == set(amap.graph.edges)
    assert graph.nodes["fund-meals"]["thesis"] is True
    assert graph.nodes["fund-meals"]["text"] == "The city should fund free school meals."
    assert graph.nodes["meals-reduce-hunger"]["assumption"] is True
    assert graph.nodes["cost"]["kind"] == "inference" and graph.nodes["cost"]["type"] == "attack"
    assert graph.edges["undercut", "r1"]["role"] == "conclusion"
    assert graph.graph["title"] == "Free school meals"


def test_yed_graphics_are_present():
    root = ET.fromstring(dumps(load_map(FIXTURES / "meals.yaml"), "graphml"))
    shapes = root.findall(".//y:ShapeNode", NS)
    assert len(shapes) == 10
    thesis = root.find(".//g:node[@id='fund-meals']//y:BorderStyle", NS)
    assert thesis is not None and thesis.get("width") == "3.0"
    arrows = [a.get("target") for a in root.findall(".//y:Arrows", NS)]
    assert arrows.count("standard") == 1 and arrows.count("t_shape") == 3


def test_hostile_text_and_ids_are_escaped():
    amap = load_map(FIXTURES / "hostile.yaml")
    text = dumps(amap, "graphml")
    assert "<script>" not in text and "<img" not in text
    root = ET.fromstring(text)
    ids = {n.get("id") for n in root.findall(".//g:node", NS)}
    assert ids == set(amap.claims) | set(amap.inferences)
    texts = {
        n.get("id"): n.find("g:data[@key='text']", NS).text
        for n in root.findall(".//g:node", NS)
        if n.find("g:data[@key='kind']", NS).text == "claim"
    }
    assert texts == {c.id: c.text for c in amap.claims.values()}


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40), st.text(min_size=1, max_size=10))
def test_any_text_gives_well_formed_xml(text, cid):
    amap = ArgumentMap("T", "t", [Claim("t", text), Claim(cid + "x", "B.")], [Inference("i", (cid + "x",), "t")])
    root = ET.fromstring(dumps(amap, "graphml"))
    allowed = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]", "", text)
    node = root.find(".//g:node[@id='t']", NS)
    got = node.find("g:data[@key='text']", NS).text or ""
    assert got == allowed
