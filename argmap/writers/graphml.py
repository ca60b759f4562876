"""GraphML export for graph tools: yEd, Gephi, Cytoscape, networkx.

The graph is argmap's own: claims and inferences are nodes, edges run premise ->
inference -> target. Each node carries plain attributes (``label``, ``kind``, ``text``,
``type``...) that Gephi and networkx read, and yFiles graphics (shape, colour, label)
so yEd shows readable boxes straight away (then Layout > Hierarchical). The XML is
built with ElementTree, so map text is escaped; characters XML 1.0 forbids are dropped.
"""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET

from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["NAME", "SUFFIXES", "write"]

NAME = "graphml"
SUFFIXES = (".graphml",)

GRAPHML = "http://graphml.graphdrawing.org/xmlns"
YFILES = "http://www.yworks.com/xml/graphml"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_WRAP = 34

# (id, for, name, type): plain attributes every GraphML tool reads.
_KEYS = [
    ("title", "graph", "title", "string"),
    ("thesis", "graph", "thesis", "string"),
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("text", "node", "text", "string"),
    ("type", "node", "type", "string"),
    ("is_thesis", "node", "thesis", "boolean"),
    ("source", "node", "source", "string"),
    ("assumption", "node", "assumption", "boolean"),
    ("role", "edge", "role", "string"),
    ("etype", "edge", "type", "string"),
]
_COLORS = {"support": "#2E7D32", "attack": "#C62828"}


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _data(parent: ET.Element, key: str, value: object) -> None:
    if value is None:
        return
    text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    ET.SubElement(parent, f"{{{GRAPHML}}}data", key=key).text = _clean(text)


def _y(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{YFILES}}}{tag}", attrs)
    if text is not None:
        element.text = _clean(text)
    return element


def _claim(graph: ET.Element, amap: ArgumentMap, claim: Claim) -> None:
    node = ET.SubElement(graph, f"{{{GRAPHML}}}node", id=_clean(claim.id))
    lines = textwrap.wrap(" ".join(claim.text.split()), _WRAP) or [""]
    is_thesis = claim.id == amap.thesis
    _data(node, "label", "\n".join(lines))
    _data(node, "kind", "claim")
    _data(node, "text", claim.text)
    _data(node, "is_thesis", is_thesis)
    _data(node, "source", claim.source)
    _data(node, "assumption", claim.assumption)
    graphics = ET.SubElement(node, f"{{{GRAPHML}}}data", key="ng")
    shape = _y(graphics, "ShapeNode")
    _y(shape, "Geometry", width="240.0", height=f"{18 * len(lines) + 16:.1f}")
    _y(shape, "Fill", color="#E3F2FD" if is_thesis else "#FFFFFF", transparent="false")
    _y(
        shape,
        "BorderStyle",
        color="#0D47A1" if is_thesis else "#37474F",
        type="dashed" if claim.assumption else "line",
        width="3.0" if is_thesis else "1.0",
    )
    _y(shape, "NodeLabel", "\n".join(lines), alignment="left", autoSizePolicy="content")
    _y(shape, "Shape", type="roundrectangle")


def _inference(graph: ET.Element, inf: Inference) -> None:
    node = ET.SubElement(graph, f"{{{GRAPHML}}}node", id=_clean(inf.id))
    _data(node, "label", "+" if inf.is_support else "\u2212")
    _data(node, "kind", "inference")
    _data(node, "type", inf.type)
    _data(node, "text", inf.warrant)
    graphics = ET.SubElement(node, f"{{{GRAPHML}}}data", key="ng")
    shape = _y(graphics, "ShapeNode")
    _y(shape, "Geometry", width="22.0", height="22.0")
    _y(shape, "Fill", color=_COLORS[inf.type], transparent="false")
    _y(shape, "BorderStyle", color=_COLORS[inf.type], type="line", width="1.0")
    _y(shape, "NodeLabel", "+" if inf.is_support else "\u2212", textColor="#FFFFFF")
    _y(shape, "Shape", type="ellipse")


def _edge(graph: ET.Element, number: int, source: str, target: str, role: str, inf: Inference) -> None:
    edge = ET.SubElement(graph, f"{{{GRAPHML}}}edge", id=f"e{number}", source=_clean(source), target=_clean(target))
    _data(edge, "role", role)
    _data(edge, "etype", inf.type)
    graphics = ET.SubElement(edge, f"{{{GRAPHML}}}data", key="eg")
    line = _y(graphics, "PolyLineEdge")
    _y(line, "LineStyle", color=_COLORS[inf.type], type="line" if inf.is_support else "dashed", width="1.5")
    head = "none" if role == "premise" else ("standard" if inf.is_support else "t_shape")
    _y(line, "Arrows", source="none", target=head)


def write(amap: ArgumentMap) -> str:
    """The map as GraphML text."""
    ET.register_namespace("", GRAPHML)
    ET.register_namespace("y", YFILES)
    root = ET.Element(f"{{{GRAPHML}}}graphml")
    for key, domain, name, kind in _KEYS:
        ET.SubElement(root, f"{{{GRAPHML}}}key", {"id": key, "for": domain, "attr.name": name, "attr.type": kind})
    ET.SubElement(root, f"{{{GRAPHML}}}key", {"id": "ng", "for": "node", "yfiles.type": "nodegraphics"})
    ET.SubElement(root, f"{{{GRAPHML}}}key", {"id": "eg", "for": "edge", "yfiles.type": "edgegraphics"})
    graph = ET.SubElement(root, f"{{{GRAPHML}}}graph", id="argmap", edgedefault="directed")
    _data(graph, "title", amap.title)
    _data(graph, "thesis", amap.thesis)
    for claim in amap.claims.values():
        _claim(graph, amap, claim)
    for inf in amap.inferences.values():
        _inference(graph, inf)
    number = 0
    for inf in amap.inferences.values():
        for premise in inf.premises:
            _edge(graph, number, premise, inf.id, "premise", inf)
            number += 1
        _edge(graph, number, inf.id, inf.target, "conclusion", inf)
        number += 1
    ET.indent(root)
    # A reader turns a raw carriage return in text into a line feed; a character reference it keeps.
    return ET.tostring(root, encoding="unicode", xml_declaration=True).replace("\r", "&#13;") + "\n"
