"""Author the diagram of a map as Graphviz DOT.

The layout is the one argument-mapping courses teach: the thesis on top, reasons below
it, arrows pointing up. Each inference is a small junction: the lines from its linked
co-premises meet there, inside one shaded box, so a reason that needs all its premises
reads as one unit, and a single arrow leaves it for the target. Support is green with a
filled arrowhead, attack red and dashed with a bar (tee); an undercut points at the
junction it attacks. Findings of ``argmap check`` are written on the elements they
concern; above the drawing, the title counts them and a key explains the marks beside
the list of sources.

All map text goes into HTML-like labels, escaped; element ids never become DOT
identifiers (nodes are named ``n0``, ``n1``...), so nothing in a map can break the DOT.
The lines are the ones the ``graphviz`` package writes (:func:`to_graph` returns its
``Digraph``), assembled here directly: its per-attribute quoting took most of the time of
writing a big map's DOT (5 of 8 s for 20,000 claims). Each kind of element has one
template, with the attributes most elements share quoted once, and :func:`dot_chunks`
hands the text out in pieces as it is made, so that a big map's DOT is written out
without being held whole.
"""

from __future__ import annotations

import hashlib
import html
import re
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from argmap.checks import Finding
from argmap.model import ArgumentMap, Claim, Inference

if TYPE_CHECKING:
    import graphviz

__all__ = ["WRAP", "dot_chunks", "element_dom_id", "escape_label", "to_dot", "to_graph"]

WRAP = 34
"""Characters per line of claim text in the diagram."""

SOURCE_WRAP = 64
"""Characters per line of a citation in the list of sources."""

FILLER = 8

LARGE = 1000
"""Claims above which the diagram bounds Graphviz's slowest phases with :data:`LARGE_LAYOUT`."""
LARGE_LAYOUT = {"mclimit": "0.3", "remincross": "false", "searchsize": "10", "nslimit": "2", "nslimit1": "2"}
"""Fewer crossing-minimisation passes and network-simplex iterations: about 10% off laying out
5,000 claims and 25% off 20,000, at the price of a few more crossings; small maps keep the defaults."""

FONT = "DejaVu Sans,Helvetica,Arial,sans-serif"
SUPPORT_COLOR = "#2e7d32"
ATTACK_COLOR = "#c62828"
THESIS_COLOR = "#0d47a1"
SOURCE_COLOR = "#6a1b9a"
MUTED = "#546e7a"
LINKED_FILLS = {"support": "#f1f8e9", "attack": "#fdecea"}
LINKED_BORDERS = {"support": "#a5d6a7", "attack": "#ef9a9a"}
SEVERITY_COLORS = {"error": "#c62828", "warning": "#e65100", "info": "#1565c0"}
SEVERITY_MARKS = {"error": "\u2716", "warning": "\u26a0", "info": "\u2139"}
LABEL_COLORS = {"accepted": "#c8e6c9", "rejected": "#ffcdd2", "undecided": "#eeeeee"}
LABEL_BORDERS = {"accepted": "#2e7d32", "rejected": "#c62828", "undecided": "#757575"}
HIGHLIGHT = "#ffd54f"

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
"""Characters XML (and so a Graphviz HTML-like label) cannot hold: control characters,
lone surrogates and the two non-characters."""
_PAGE_NUMBER = re.compile(r"[0-9ivxlcdm]+(?:\s*[-\u2013,]\s*[0-9ivxlcdm]+)*", re.IGNORECASE)

_HTML = re.compile(r"<.*>$", re.DOTALL)
_ID = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$")
_KEYWORDS = {"node", "edge", "graph", "digraph", "subgraph", "strict"}
_QUOTE = re.compile(r'(?P<escaped_backslashes>(?:\\{2})*)\\?(?P<literal_quote>")')


@lru_cache(maxsize=4096)
def _quote_short(value: str) -> str:
    return _quote(value)


def _quote(value: str) -> str:
    """A DOT ID as ``graphviz.quoting.quote`` writes it: HTML-like and plain IDs as they are, others quoted."""
    if _HTML.match(value) or (_ID.match(value) and value.lower() not in _KEYWORDS):
        return value
    if '"' not in value:
        return f'"{value}"'
    return '"' + _QUOTE.sub(r"\g<escaped_backslashes>\\\g<literal_quote>", value) + '"'


def _a_list(label: str | None, attrs: Mapping[str, str]) -> str:
    """``label=... key=value ...`` with the keys sorted, as ``graphviz`` writes a plain dict."""
    items = [f"label={_quote(label)}"] if label is not None else []
    items += [f"{k}={_quote_short(v) if len(v) < 64 else _quote(v)}" for k, v in sorted(attrs.items()) if v is not None]
    return " ".join(items)


def _attr_list(label: str | None, attrs: Mapping[str, str]) -> str:
    listed = _a_list(label, attrs)
    return f" [{listed}]" if listed else ""


def _clean(text: str) -> str:
    return _UNSAFE.sub("", text)


def _literal(text: str) -> str:
    # Graphviz expands \N, \G, \E, \H, \T and \L (to the node's or graph's name...) even
    # in HTML-like labels, after entities are decoded, and reads \\ as one backslash.
    # Most text has none of the six characters: a scan for each is a third of the escaping's time.
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text or "\\" in text:
        return html.escape(text.replace("\\", "\\\\"), quote=True)
    return text


LINE_MAX = 1000
"""Most characters of one unwrapped line of a label (an id, a title, a URL); more are cut with an ellipsis.

Graphviz refuses a run of text over 16 KiB between two tags in an HTML-like label (a
syntax error, no drawing at all); escaped, 1,000 characters stay under 6 KB."""


def escape_label(text: str) -> str:
    """Text made safe for one line of an HTML-like Graphviz label.

    Characters XML cannot hold are dropped and line breaks become spaces; ``&``, ``<``,
    ``>`` and quotes become entities and backslashes are doubled, so the text shows
    literally. Never empty (Graphviz refuses an empty ``<FONT>`` or ``<B>``, and drops
    the content of one that holds only tabs): nothing left, or only white space, becomes
    one space. Past :data:`LINE_MAX` characters the line is cut with "…".
    """
    line = text if text.isprintable() else " ".join(_clean(text).splitlines())
    if len(line) > LINE_MAX:
        line = line[: LINE_MAX - 1] + "\u2026"
    return _literal(line) if line.strip() else " "


def _greedy(text: str, width: int) -> list[str] | None:
    """``text`` in lines of at most ``width`` characters, as many words to a line as fit.

    That is :func:`textwrap.wrap` for printable text that is words between single spaces,
    with no hyphen and each word fitting the width (most claims), at a tenth of its time;
    for any other text (where textwrap breaks at hyphens, splits long words or drops
    whitespace and control characters) None.
    """
    if not text or not text.isprintable() or "-" in text or "  " in text or text[0] == " " or text[-1] == " ":
        return None
    lines = []
    start, end = 0, len(text)
    while end - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:  # a word longer than the width
            return None
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])
    return lines


def _wrap(paragraph: str, width: int) -> list[str]:
    """``textwrap.wrap(paragraph, width)``, breaking long words and at hyphens (through :func:`_greedy` where it can)."""
    if not paragraph:
        return []
    lines = _greedy(paragraph, width)
    return lines if lines is not None else textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=True)


_BR = '<BR ALIGN="LEFT"/>'


def _wrapped(text: str, width: int = WRAP) -> str:
    lines = _greedy(text, width)  # one paragraph with nothing to drop: no need to clean and split it
    if lines is None:
        lines = []
        for paragraph in _clean(text).splitlines() or [""]:
            lines.extend(_wrap(paragraph, width) or [""])
    # Escaping works character by character, so the lines are escaped together, "\n" apart.
    return _literal("\n".join(lines)).replace("\n", _BR) + _BR


def element_dom_id(element_id: str) -> str:
    """The ``id`` an element's shape gets in SVG output: ``am-`` and the id's UTF-8 in hex.

    An id of more than 256 bytes gets ``am-h`` and its SHA-256 instead (``h`` is no hex
    digit, so the two never meet): Graphviz refuses a quoted attribute over 16 KiB.
    """
    raw = element_id.encode("utf-8", "surrogatepass")
    return "am-" + raw.hex() if len(raw) <= 256 else "am-h" + hashlib.sha256(raw).hexdigest()


def _worst(findings: Iterable[Finding]) -> str:
    return min(findings, key=lambda f: f.severity.rank).severity.value


def _marker_lines(findings: Iterable[Finding]) -> list[tuple[str, str]]:
    """(severity, text) per check found on one element, worst first, repeats counted."""
    counts = Counter((f.severity.rank, f.severity.value, f.code, f.name) for f in findings)
    lines = []
    for (_, severity, code, name), count in sorted(counts.items()):
        times = f" \u00d7{count}" if count > 1 else ""
        lines.append((severity, f"{SEVERITY_MARKS[severity]} {code} {name}{times}"))
    return lines


def _marker_rows(findings: Iterable[Finding], size: int = 9) -> str:
    return "".join(
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{size}" COLOR="{SEVERITY_COLORS[severity]}">'
        f"{escape_label(text)}</FONT></TD></TR>"
        for severity, text in _marker_lines(findings)
    )


def _page(page: str) -> str:
    return f"p. {page}" if _PAGE_NUMBER.fullmatch(page.strip()) else page


def _legend_rows(has_findings: bool, labelled: bool) -> list[str]:
    def row(sample: str, text: str, sample_attrs: str = "") -> str:
        return (
            f'<TR><TD ALIGN="CENTER"{sample_attrs}><FONT POINT-SIZE="10">{sample}</FONT></TD>'
            f'<TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="10">{text}</FONT></TD></TR>'
        )

    rows = [
        row(
            _relation_sample("+", SUPPORT_COLOR, "\u2501\u2501\u25b6"),
            'reason: the premises below a junction<BR ALIGN="LEFT"/>support what its arrow points to',
        ),
        row(
            "co-premises",
            'linked: lines meeting at one junction,<BR ALIGN="LEFT"/>'
            'in one shaded box, count only together;<BR ALIGN="LEFT"/>'
            "separate junctions are independent reasons",
            f' BGCOLOR="{LINKED_FILLS["support"]}" STYLE="rounded"',
        ),
        row(
            _relation_sample("\u2212", ATTACK_COLOR, "\u254d\u254d\u252b"),
            'objection: attacks a claim; aimed at a<BR ALIGN="LEFT"/>junction, it undercuts that inference',
        ),
        row(
            _box_sample(f'<B><FONT COLOR="{THESIS_COLOR}">THESIS</FONT></B>', f'BORDER="3" COLOR="{THESIS_COLOR}"'),
            "the main conclusion, on top",
        ),
        row(f'<FONT COLOR="{SOURCE_COLOR}">source: id</FONT>', "grounded in a cited source (see Sources)"),
        row(_box_sample("assumption", 'BORDER="1" STYLE="rounded,dashed"'), "accepted on purpose without support"),
    ]
    if has_findings:
        marks = " ".join(f'<FONT COLOR="{SEVERITY_COLORS[s]}">{SEVERITY_MARKS[s]} {s}</FONT>' for s in SEVERITY_COLORS)
        rows.append(row(marks, 'found by argmap check: code and<BR ALIGN="LEFT"/>check name (\u00d7n: n times)'))
    if labelled:
        chips = " ".join(f'<FONT COLOR="{LABEL_BORDERS[name]}">\u25a0 {name}</FONT>' for name in LABEL_COLORS)
        rows.append(row(chips, "evaluation of the claims"))
    return rows


def _relation_sample(sign: str, color: str, line: str) -> str:
    """A junction and its arrow, drawn with a coloured cell and line-drawing characters."""
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"><TR>'
        f'<TD BGCOLOR="{color}" STYLE="rounded" FIXEDSIZE="TRUE" WIDTH="16" HEIGHT="16">'
        f'<FONT COLOR="white"><B>{sign}</B></FONT></TD>'
        f'<TD><FONT COLOR="{color}" POINT-SIZE="13">{line}</FONT></TD></TR></TABLE>'
    )


def _box_sample(text: str, table_attrs: str) -> str:
    return f'<TABLE {table_attrs} CELLBORDER="0" CELLPADDING="2"><TR><TD>{text}</TD></TR></TABLE>'


def _sources_rows(amap: ArgumentMap, by_target: Mapping[str, list[Finding]]) -> list[str]:
    rows = []
    for source in amap.sources.values():
        url = f"<BR/>{escape_label(source.url)}" if source.url else ""
        rows.append(
            f'<TR><TD ALIGN="LEFT" VALIGN="TOP"><FONT POINT-SIZE="10" COLOR="{SOURCE_COLOR}">'
            f"{escape_label(source.id)}</FONT></TD>"
            f'<TD ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT"><FONT POINT-SIZE="10">'
            f"{_wrapped(source.citation, SOURCE_WRAP)}{url}</FONT></TD></TR>"
        )
        rows.extend(
            f'<TR><TD></TD><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="{SEVERITY_COLORS[severity]}">'
            f"{escape_label(text)}</FONT></TD></TR>"
            for severity, text in _marker_lines(by_target.get(source.id, ()))
        )
    return rows


def _box(title: str, rows: list[str]) -> str:
    head = f'<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="11"><B>{title}</B></FONT></TD></TR>'
    return (
        '<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" COLOR="#9e9e9e" STYLE="rounded">'
        f"{head}{''.join(rows)}</TABLE>"
    )


def _header(
    amap: ArgumentMap, findings: list[Finding], by_target: Mapping[str, list[Finding]], legend: bool, labelled: bool
) -> str:
    """The graph's label: the title, what ``argmap check`` found, then the key and the sources.

    As the graph's own label Graphviz places it above the drawing with room reserved, so
    it never covers an element and needs no lines of its own.
    """
    title = f'<FONT POINT-SIZE="22"><B>{escape_label(amap.title)}</B></FONT>'
    if findings:
        counts = Counter(f.severity.value for f in findings)
        summary = " \u00b7 ".join(
            f'<FONT COLOR="{SEVERITY_COLORS[s]}">{counts[s]} {s}{"s" if counts[s] != 1 else ""}</FONT>'
            for s in SEVERITY_COLORS
            if counts[s]
        )
        title += f'<BR/><FONT POINT-SIZE="13" COLOR="{MUTED}">argmap check: {summary}</FONT>'
    boxes = []
    if legend:
        boxes.append(_box("Key", _legend_rows(bool(findings), labelled)))
    if amap.sources:
        boxes.append(_box("Sources", _sources_rows(amap, by_target)))
    rows = f"<TR><TD>{title}</TD></TR>"
    if len(boxes) == 2:
        # Graphviz stretches a table to the height of its cell and shares a taller
        # neighbour's height out evenly between the rows it spans: the key spans the
        # sources' row and FILLER empty rows, which take up most of the difference.
        side = (
            f'<TR><TD ROWSPAN="{FILLER + 1}" VALIGN="TOP">{boxes[0]}</TD><TD ROWSPAN="{FILLER + 1}" WIDTH="12"></TD>'
            f'<TD VALIGN="TOP">{boxes[1]}</TD></TR>' + "<TR><TD></TD></TR>" * FILLER
        )
        rows += f'<TR><TD><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">{side}</TABLE></TD></TR>'
    elif boxes:
        rows += f"<TR><TD>{boxes[0]}</TD></TR>"
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="12" CELLPADDING="0">{rows}</TABLE>>'


def to_graph(amap: ArgumentMap, findings: Iterable[Finding] = (), **options: object) -> graphviz.Digraph:
    """The map as a ``graphviz.Digraph`` (see :func:`to_dot` for the options), for callers that add to it."""
    import graphviz

    body = [line for lines in _body(amap, findings, **options) for line in lines]  # type: ignore[arg-type]
    return graphviz.Digraph(name="argmap", body=body)


def to_dot(amap: ArgumentMap, findings: Iterable[Finding] = (), **options: object) -> str:
    """The map as DOT source text.

    ``findings`` are drawn on the claims, inferences and sources they concern and
    counted under the title; ``labels`` (element id -> accepted, rejected or undecided)
    colour the elements; ``highlight`` ids are drawn lit; ``legend`` adds the key above
    the drawing; ``linked_boxes`` shades each reason's linked co-premises as one box (a
    claim sits in one box only: linked into two reasons, it is boxed with the first).
    """
    return "".join(dot_chunks(amap, findings, **options))


def dot_chunks(amap: ArgumentMap, findings: Iterable[Finding] = (), **options: object) -> Iterator[str]:
    """:func:`to_dot`'s text in pieces of some 100 KB, each made when it is asked for.

    Written out piece by piece, a big map's DOT (17 MB for 20,000 claims) is never held whole.
    """
    yield "digraph argmap {\n"
    for lines in _body(amap, findings, **options):  # type: ignore[arg-type]
        yield "".join(lines)
    yield "}\n"


BATCH = 500
"""DOT lines to a piece of :func:`dot_chunks`."""


def _attr_line(kw: str, **attrs: str) -> str:
    return f"\t{kw}{_attr_list(None, attrs)}\n"


def _body(
    amap: ArgumentMap,
    findings: Iterable[Finding] = (),
    *,
    labels: Mapping[str, str] | None = None,
    highlight: Iterable[str] = (),
    legend: bool = True,
    linked_boxes: bool = True,
) -> Iterator[list[str]]:
    """The lines between ``digraph argmap {`` and ``}``, as ``graphviz`` writes them, in lists of about :data:`BATCH`."""
    findings = list(findings)
    by_target: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_target[finding.target].append(finding)
    names = {eid: f"n{i}" for i, eid in enumerate([*amap.claims, *amap.inferences])}
    labels = labels or {}
    out = [
        _attr_line(
            "graph",
            rankdir="BT",
            newrank="true",
            nodesep="0.3",
            ranksep="0.45",
            fontname=FONT,
            labelloc="t",
            label=_header(amap, findings, by_target, legend, bool(labels)),
        ),
        _attr_line("node", fontname=FONT, shape="plain"),
        _attr_line("edge", fontname=FONT, penwidth="1.6", arrowsize="0.9"),
    ]
    if len(amap.claims) > LARGE:
        out.append(_attr_line("graph", **LARGE_LAYOUT))
    write = _Elements(amap, names, by_target, labels, set(highlight))
    boxed: set[str] = set()
    boxes: set[str] = set()
    for inf in amap.inferences.values() if linked_boxes else ():
        if len(inf.premises) > 1 and amap.thesis not in inf.premises and boxed.isdisjoint(inf.premises):
            boxed.update(inf.premises)
            boxes.add(inf.id)
            out += (f"\tsubgraph cluster_{names[inf.id]} {{\n", _box_attrs(inf.type))
            for premise in inf.premises:
                write.claim(out, "\t\t", amap.claims[premise])
            write.junction(out, "\t\t", inf)
            out.append("\t}\n")
            if len(out) >= BATCH:
                yield out
                out = []
    for claim in amap.claims.values():
        if claim.id not in boxed:
            write.claim(out, "\t", claim)
            if len(out) >= BATCH:
                yield out
                out = []
    for inf in amap.inferences.values():
        if inf.id not in boxes:
            write.junction(out, "\t", inf)
        write.lines(out, inf)
        if len(out) >= BATCH:
            yield out
            out = []
    out += ("\tsubgraph top {\n", "\t\trank=max\n", f"\t\t{names[amap.thesis]}\n", "\t}\n")
    yield out


# What follows writes the lines graphviz would write for ``node``, ``edge`` and ``attr``
# calls, with the attributes that most elements share quoted once: node names are
# ``n<number>`` and element DOM ids ``am-<hex>``, so graphviz writes the first bare and
# the second in plain quotes; a label is HTML-like, ``<...>``, and written as it is.


@lru_cache(maxsize=4)
def _box_attrs(kind: str) -> str:
    """The attribute line of a shaded box of linked co-premises."""
    attrs = {
        "style": "rounded,filled",
        "fillcolor": LINKED_FILLS[kind],
        "color": LINKED_BORDERS[kind],
        "penwidth": "1",
        "margin": "6",
        "label": "",
    }
    return f"\t\t{_a_list(None, attrs)}\n"


_NOTE_ATTRS = _a_list(None, {"rank": "same", "peripheries": "0", "margin": "0", "label": ""})
"""The attributes of the borderless cluster that keeps a junction's note beside it."""


@lru_cache(maxsize=64)
def _junction_attrs(sign: str, fill: str, border: str, penwidth: str) -> tuple[str, str]:
    """A junction's attributes before and after its ``id``, in graphviz's order (the label, then by name)."""
    before = {"color": border, "fillcolor": fill, "fixedsize": "true", "fontcolor": "white", "fontsize": "11"}
    after = {"penwidth": penwidth, "shape": "circle", "style": "filled", "width": "0.26"}
    return _a_list(sign, before), _a_list(None, after)


@lru_cache(maxsize=4)
def _line_attrs(support: bool, attack: bool) -> tuple[str, str]:
    """The attributes of the lines from an inference's premises to its junction and from there to its target."""
    color = SUPPORT_COLOR if support else ATTACK_COLOR
    style = "dashed" if attack else "solid"
    ahead = {"arrowhead": "normal" if support else "tee", "arrowsize": "0.9" if support else "1.2"}
    return (
        _attr_list(None, {"color": color, "style": style, "arrowhead": "none"}) + "\n",
        _attr_list(None, {"color": color, "style": style, **ahead}) + "\n",
    )


class _Elements:
    """Appends the DOT lines of claims, junctions and their lines to a list."""

    def __init__(
        self,
        amap: ArgumentMap,
        names: Mapping[str, str],
        by_target: Mapping[str, list[Finding]],
        labels: Mapping[str, str],
        lit: set[str],
    ) -> None:
        self.thesis = amap.thesis
        self.names = names
        self.by_target = by_target
        self.labels = labels
        self.lit = lit

    def claim(self, out: list[str], indent: str, claim: Claim) -> None:
        """A box of wrapped text under a line with the id (and THESIS, the evaluation), its source and findings."""
        cid = claim.id
        findings = self.by_target.get(cid)
        label = self.labels.get(cid)
        head = escape_label(cid)
        if cid == self.thesis:
            border, color, fill, size = "3", THESIS_COLOR, "#e3f2fd", "13"
            head = f'<B><FONT COLOR="{THESIS_COLOR}">THESIS</FONT></B> \u00b7 {head}'
        elif findings:
            border, color, fill, size = "2", SEVERITY_COLORS[_worst(findings)], "#ffffff", "11"
        else:
            border, color, fill, size = "1", "#37474f", "#ffffff", "11"
        if label:
            fill, color = LABEL_COLORS[label], LABEL_BORDERS[label]
            head += f" \u00b7 {escape_label(label)}"
        if cid in self.lit:
            fill = HIGHLIGHT
        rows = ""
        if claim.source or claim.assumption:
            tags = []
            if claim.source:
                tags.append(f"source: {claim.source}" + (f", {_page(claim.page)}" if claim.page else ""))
            if claim.assumption:
                tags.append("assumption")
            rows = (
                f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="{SOURCE_COLOR}">'
                f"{escape_label(' | '.join(tags))}</FONT></TD></TR>"
            )
        if findings:
            rows += _marker_rows(findings)
        style = "rounded,dashed" if claim.assumption else "rounded"
        out.append(
            f'{indent}{self.names[cid]} [label=<<TABLE BORDER="{border}" CELLBORDER="0" CELLSPACING="0" '
            f'CELLPADDING="4" STYLE="{style}" COLOR="{color}" BGCOLOR="{fill}">'
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="{MUTED}">{head}</FONT></TD></TR>'
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{size}">{_wrapped(claim.text)}</FONT></TD></TR>'
            f'{rows}</TABLE>> id="{element_dom_id(cid)}"]\n'
        )

    def junction(self, out: list[str], indent: str, inf: Inference) -> None:
        """The small circle where an inference's lines meet, and its id and findings in a note beside it."""
        iid = inf.id
        findings = self.by_target.get(iid)
        label = self.labels.get(iid)
        support = inf.is_support
        color = SUPPORT_COLOR if support else ATTACK_COLOR
        border = LABEL_BORDERS[label] if label else SEVERITY_COLORS[_worst(findings)] if findings else color
        before, after = _junction_attrs(
            "+" if support else "\u2212",
            HIGHLIGHT if iid in self.lit else color,
            border,
            "2.5" if findings or label else "1",
        )
        name = self.names[iid]
        dom_id = element_dom_id(iid)
        node = f'{name} [{before} id="{dom_id}" {after}]\n'
        if not inf.explicit_id and not findings:
            out.append(f"{indent}{node}")
            return
        rows = ""
        if inf.explicit_id:
            rows = f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="{color}">{escape_label(iid)}</FONT></TD></TR>'
        if findings:
            rows += _marker_rows(findings, 8)
        # The id and findings go in a node of their own, beside the junction on its rank and
        # in one borderless cluster with it (clusters are laid out contiguous), so that
        # Graphviz reserves room for them: an xlabel may be drawn over other lines.
        out += (
            f"{indent}subgraph cluster_{name}_note {{\n",
            f"{indent}\t{_NOTE_ATTRS}\n",
            f"{indent}\t{node}",
            f'{indent}\t{name}_note [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
            f'{rows}</TABLE>> id="{dom_id}-note"]\n',
            f"{indent}}}\n",
        )

    def lines(self, out: list[str], inf: Inference) -> None:
        """The lines from the premises to the junction, and the arrow from it to the target."""
        to_junction, to_target = _line_attrs(inf.is_support, inf.is_attack)
        names = self.names
        junction = names[inf.id]
        out += [f"\t{names[premise]} -> {junction}{to_junction}" for premise in inf.premises]
        out.append(f"\t{junction} -> {names[inf.target]}{to_target}")
