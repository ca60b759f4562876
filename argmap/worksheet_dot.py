"""The diagrams of a worksheet and its key, as DOT.

The key, and a sheet whose diagram gives nothing away, draw the numbered copy of the
map with :mod:`argmap.dot`. A sheet that asks what each arrow is (``neutral``) needs a
drawing where every arrow looks alike: grey, one arrowhead, no sign, only its letter on
the junction. That drawing keeps the shape of the usual one (thesis on top, linked
co-premises boxed together and meeting at one junction), so students learn one picture.
"""

from __future__ import annotations

import textwrap

import graphviz

from argmap.dot import WRAP, escape_label, to_graph
from argmap.exercises import Worksheet
from argmap.model import ArgumentMap

__all__ = ["DPI", "key_dot", "neutral_graph", "sheet_dot"]

DPI = "150"
"""Resolution of PNG diagrams: sharp enough to print."""

FONT = "DejaVu Sans,Helvetica,Arial,sans-serif"
GREY = "#616161"
LINKED_FILL = "#f5f5f5"
LINKED_BORDER = "#bdbdbd"


def _lines(text: str) -> str:
    rows = []
    for paragraph in text.splitlines() or [""]:
        rows.extend(textwrap.wrap(paragraph, WRAP, break_long_words=True) or [""])
    return '<BR ALIGN="LEFT"/>'.join(escape_label(row) for row in rows) + '<BR ALIGN="LEFT"/>'


def _claim_label(amap: ArgumentMap, cid: str) -> str:
    thesis = cid == amap.thesis
    head = ("THESIS \u00b7 " if thesis else "") + cid
    claim = amap.claims[cid]
    return (
        f'<<TABLE BORDER="{3 if thesis else 1}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" STYLE="rounded" '
        f'COLOR="#37474f" BGCOLOR="white">'
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="#37474f"><B>{escape_label(head)}</B></FONT></TD></TR>'
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{13 if thesis else 11}">{_lines(claim.text)}</FONT>'
        "</TD></TR></TABLE>>"
    )


def neutral_graph(amap: ArgumentMap) -> graphviz.Digraph:
    """The map with every arrow drawn alike; junctions show the inference's id (the sheet's letter)."""
    names = {eid: f"n{i}" for i, eid in enumerate([*amap.claims, *amap.inferences])}
    dot = graphviz.Digraph(name="argmap")
    dot.attr(
        "graph",
        rankdir="BT",
        newrank="true",
        nodesep="0.3",
        ranksep="0.5",
        fontname=FONT,
        labelloc="t",
        label=f"<<B>{escape_label(' '.join(amap.title.split()))}</B>>",
    )
    dot.attr("node", fontname=FONT, shape="plain")
    dot.attr("edge", color=GREY, penwidth="1.6", arrowsize="0.9")
    junction = {
        "shape": "circle",
        "width": "0.32",
        "fixedsize": "true",
        "style": "filled",
        "fillcolor": "white",
        "color": GREY,
        "fontsize": "10",
    }
    boxed: set[str] = set()
    for inf in amap.inferences.values():
        if len(inf.premises) > 1 and not boxed.intersection(inf.premises):
            boxed.update(inf.premises)
            with dot.subgraph(name=f"cluster_{names[inf.id]}") as box:
                box.attr(style="rounded,filled", fillcolor=LINKED_FILL, color=LINKED_BORDER, label="")
                for premise in inf.premises:
                    box.node(names[premise], _claim_label(amap, premise))
    for cid in amap.claims:
        if cid not in boxed:
            dot.node(names[cid], _claim_label(amap, cid))
    for inf in amap.inferences.values():
        dot.node(names[inf.id], f"<<B>{escape_label(inf.id)}</B>>", **junction)
        for premise in inf.premises:
            dot.edge(names[premise], names[inf.id], arrowhead="none")
        dot.edge(names[inf.id], names[inf.target])
    with dot.subgraph(name="top") as top:
        top.attr(rank="max")
        top.node(names[amap.thesis])
    return dot


def sheet_dot(worksheet: Worksheet, dpi: str | None = None) -> str | None:
    """The sheet's diagram as DOT, or ``None`` when the sheet has none."""
    if worksheet.sheet_map is None:
        return None
    graph = neutral_graph(worksheet.sheet_map) if worksheet.neutral else to_graph(worksheet.sheet_map, legend=True)
    if dpi:
        graph.attr("graph", dpi=dpi)
    return graph.source


def key_dot(worksheet: Worksheet, dpi: str | None = None) -> str:
    """The key's diagram as DOT: the complete numbered map, with what the key marks on it."""
    graph = to_graph(worksheet.key_map, worksheet.key_findings, highlight=worksheet.key_highlight, legend=True)
    if dpi:
        graph.attr("graph", dpi=dpi)
    return graph.source
