"""Author the diagram of a map as Graphviz DOT (with the ``graphviz`` package).

The layout is the one argument-mapping courses teach: the thesis on top, reasons below
it, arrows pointing up. Each inference is a small junction: the lines from its linked
co-premises meet there, so a reason that needs all its premises reads as one unit,
and a single arrow leaves it for the target. Support is green with a filled arrowhead,
attack red and dashed with a bar (tee); an undercut points at the junction it attacks.

All map text goes into HTML-like labels, escaped; element ids never become DOT
identifiers (nodes are named ``n0``, ``n1``...), so nothing in a map can break the DOT.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections import defaultdict
from collections.abc import Iterable, Mapping

import graphviz

from argmap.checks import Finding
from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["WRAP", "element_dom_id", "escape_label", "to_dot", "to_graph"]

WRAP = 34
"""Characters per line of claim text in the diagram."""

FONT = "DejaVu Sans,Helvetica,Arial,sans-serif"
SUPPORT_COLOR = "#2e7d32"
ATTACK_COLOR = "#c62828"
SEVERITY_COLORS = {"error": "#c62828", "warning": "#e65100", "info": "#1565c0"}
LABEL_COLORS = {"accepted": "#c8e6c9", "rejected": "#ffcdd2", "undecided": "#eeeeee"}
LABEL_BORDERS = {"accepted": "#2e7d32", "rejected": "#c62828", "undecided": "#757575"}
HIGHLIGHT = "#ffd54f"

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape_label(text: str) -> str:
    """Text made safe for an HTML-like Graphviz label (control characters dropped)."""
    return html.escape(_CONTROL.sub("", text), quote=True)


def _wrapped(text: str, width: int = WRAP) -> str:
    lines: list[str] = []
    for paragraph in _CONTROL.sub("", text).splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=True) or [""])
    return '<BR ALIGN="LEFT"/>'.join(html.escape(line, quote=True) for line in lines) + '<BR ALIGN="LEFT"/>'


def element_dom_id(element_id: str) -> str:
    """The ``id`` an element's shape gets in SVG output: ``am-`` and the id's UTF-8 in hex."""
    return "am-" + element_id.encode("utf-8").hex()


def _markers(findings: Iterable[Finding]) -> str:
    rows = []
    for f in findings:
        color = SEVERITY_COLORS[f.severity.value]
        rows.append(
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="{color}">'
            f"\u26a0 {escape_label(f.code)} {escape_label(f.name)}</FONT></TD></TR>"
        )
    return "".join(rows)


def _claim_label(amap: ArgumentMap, claim: Claim, findings: list[Finding], label: str | None, lit: bool) -> str:
    is_thesis = claim.id == amap.thesis
    border = "3" if is_thesis else "1"
    color = "#0d47a1" if is_thesis else "#37474f"
    fill = "#e3f2fd" if is_thesis else "#ffffff"
    if label:
        fill, color = LABEL_COLORS[label], LABEL_BORDERS[label]
    if lit:
        fill = HIGHLIGHT
    if findings:
        color = SEVERITY_COLORS[min(findings, key=lambda f: f.severity.rank).severity.value]
    style = "rounded,dashed" if claim.assumption else "rounded"
    head = ("THESIS \u00b7 " if is_thesis else "") + claim.id
    if label:
        head += f" \u00b7 {label}"
    size = "13" if is_thesis else "11"
    rows = [
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="#546e7a">{escape_label(head)}</FONT></TD></TR>',
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{size}">{_wrapped(claim.text)}</FONT></TD></TR>',
    ]
    tags = []
    if claim.source:
        tags.append(f"source: {claim.source}" + (f", p. {claim.page}" if claim.page else ""))
    if claim.assumption:
        tags.append("assumption")
    if tags:
        rows.append(
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="#6a1b9a">'
            f"{escape_label(' | '.join(tags))}</FONT></TD></TR>"
        )
    rows.append(_markers(findings))
    return (
        f'<<TABLE BORDER="{border}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" STYLE="{style}" '
        f'COLOR="{color}" BGCOLOR="{fill}">{"".join(rows)}</TABLE>>'
    )


def _legend(has_findings: bool, labelled: bool) -> str:
    entries = [
        (
            f'<FONT COLOR="{SUPPORT_COLOR}">\u25cf\u2192</FONT>',
            "reason (support); lines meeting at one dot: linked co-premises",
        ),
        (f'<FONT COLOR="{ATTACK_COLOR}">\u25cf\u22a3</FONT>', "objection (attack); aimed at a dot: undercut"),
        ('<FONT COLOR="#0d47a1"><B>THESIS</B></FONT>', "the main conclusion (thick border)"),
        ('<FONT COLOR="#6a1b9a">source</FONT>', "grounded in a cited source; dashed box: assumption"),
    ]
    if has_findings:
        entries.extend(
            (f'<FONT COLOR="{color}">\u26a0</FONT>', f"{name} found by argmap check")
            for name, color in SEVERITY_COLORS.items()
        )
    rows = ['<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="10"><B>Legend</B></FONT></TD></TR>']
    rows.extend(
        f'<TR><TD><FONT POINT-SIZE="9">{symbol}</FONT></TD><TD ALIGN="LEFT"><FONT POINT-SIZE="9">{text}</FONT></TD></TR>'
        for symbol, text in entries
    )
    if labelled:
        rows.extend(
            f'<TR><TD BGCOLOR="{fill}"> </TD><TD ALIGN="LEFT"><FONT POINT-SIZE="9">{name}</FONT></TD></TR>'
            for name, fill in LABEL_COLORS.items()
        )
    return f'<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2" COLOR="#9e9e9e">{"".join(rows)}</TABLE>>'


def _sources_label(amap: ArgumentMap) -> str:
    rows = ['<TR><TD ALIGN="LEFT"><B>Sources</B></TD></TR>']
    for source in amap.sources.values():
        rows.append(
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="9">[{escape_label(source.id)}] '
            f"{_wrapped(source.citation, 90)}</FONT></TD></TR>"
        )
    return f'<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" COLOR="#9e9e9e">{"".join(rows)}</TABLE>>'


def to_graph(
    amap: ArgumentMap,
    findings: Iterable[Finding] = (),
    *,
    labels: Mapping[str, str] | None = None,
    highlight: Iterable[str] = (),
    legend: bool = True,
) -> graphviz.Digraph:
    """The map as a ``graphviz.Digraph``.

    ``findings`` are drawn on their elements; ``labels`` (element id -> accepted,
    rejected or undecided) colour the elements; ``highlight`` ids are drawn lit.
    """
    labels = labels or {}
    lit = set(highlight)
    by_target: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_target[finding.target].append(finding)
    names = {eid: f"n{i}" for i, eid in enumerate([*amap.claims, *amap.inferences])}
    dot = graphviz.Digraph(name="argmap")
    dot.attr(
        "graph",
        rankdir="BT",
        newrank="true",
        forcelabels="true",
        nodesep="0.3",
        ranksep="0.45",
        fontname=FONT,
        labelloc="t",
        fontsize="18",
        label=f"<<B>{escape_label(amap.title)}</B>>",
    )
    dot.attr("node", fontname=FONT, shape="plain")
    dot.attr("edge", fontname=FONT, penwidth="1.6", arrowsize="0.9")
    for claim in amap.claims.values():
        dot.node(
            names[claim.id],
            _claim_label(amap, claim, by_target[claim.id], labels.get(claim.id), claim.id in lit),
            id=element_dom_id(claim.id),
        )
    with dot.subgraph(name="thesis_rank") as top:
        top.attr(rank="max")
        top.node(names[amap.thesis])
    for inf in amap.inferences.values():
        _add_inference(dot, amap, inf, names, by_target[inf.id], labels.get(inf.id), inf.id in lit)
    if legend:
        dot.node("legend", _legend(bool(by_target), bool(labels)), id="am-legend")
    if amap.sources:
        dot.node("sources", _sources_label(amap), id="am-sources")
    footer = [name for name, shown in (("legend", legend), ("sources", bool(amap.sources))) if shown]
    if footer:
        with dot.subgraph(name="footer") as bottom:
            bottom.attr(rank="min")
            for name in footer:
                bottom.node(name)
    return dot


def _add_inference(
    dot: graphviz.Digraph,
    amap: ArgumentMap,
    inf: Inference,
    names: dict[str, str],
    findings: list[Finding],
    label: str | None,
    lit: bool,
) -> None:
    color = SUPPORT_COLOR if inf.is_support else ATTACK_COLOR
    border = SEVERITY_COLORS[min(findings, key=lambda f: f.severity.rank).severity.value] if findings else color
    if label:
        border = LABEL_BORDERS[label]
    notes = [inf.id] if inf.explicit_id else []
    notes.extend(f"\u26a0 {f.name}" for f in findings)
    attrs = {
        "shape": "circle",
        "fixedsize": "true",
        "width": "0.26",
        "style": "filled",
        "fillcolor": HIGHLIGHT if lit else color,
        "color": border,
        "penwidth": "2.5" if findings or label else "1",
        "fontcolor": "white",
        "fontsize": "11",
        "id": element_dom_id(inf.id),
        "label": "+" if inf.is_support else "\u2212",
    }
    if notes:
        attrs["xlabel"] = "<" + "<BR/>".join(f'<FONT POINT-SIZE="8">{escape_label(n)}</FONT>' for n in notes) + ">"
    dot.node(names[inf.id], **attrs)
    line = {"color": color, "arrowhead": "none"}
    if inf.is_attack:
        line["style"] = "dashed"
    for premise in inf.premises:
        dot.edge(names[premise], names[inf.id], **line)
    dot.edge(
        names[inf.id],
        names[inf.target],
        color=color,
        arrowhead="normal" if inf.is_support else "tee",
        style="dashed" if inf.is_attack else "solid",
    )


def to_dot(amap: ArgumentMap, findings: Iterable[Finding] = (), **options: object) -> str:
    """The map as DOT source text (see :func:`to_graph` for the options)."""
    return to_graph(amap, findings, **options).source  # type: ignore[arg-type]
