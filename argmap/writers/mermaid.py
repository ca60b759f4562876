"""Mermaid flowchart export: a map that renders inside GitHub Markdown (```mermaid).

The layout follows ``argmap render``: thesis on top, arrows pointing up, each inference
a small junction where the lines of its linked co-premises meet; support green and
solid, attack red and dotted with a cross, an undercut aimed at a junction. Nodes are
named ``n0``, ``n1``... (never by element id) and every label is quoted, with each
character Mermaid or HTML could read as syntax written as a ``#code;`` entity, so no
claim text can break or inject into the diagram. The title goes in a comment, with a
space between any two ``%`` so that it cannot hold a ``%%{...}%%`` directive.
"""

from __future__ import annotations

import re

from argmap.model import ArgumentMap

__all__ = ["NAME", "SUFFIXES", "escape_label", "write"]

NAME = "mermaid"
SUFFIXES = (".mmd", ".mermaid")

_SPECIAL = re.compile(r"[\"#;&<>`|\[\]{}()\\\x00-\x1f\x7f]")
_NAMED = {'"': "quot", "#": "35", "&": "amp", "<": "lt", ">": "gt"}
_COLORS = {"support": "#2e7d32", "attack": "#c62828"}


def escape_label(text: str) -> str:
    """Text for inside a quoted Mermaid label: specials as ``#quot;`` / ``#NN;``, control characters gone."""

    def code(match: re.Match[str]) -> str:
        char = match.group()
        if char < " " or char == "\x7f":
            return " "
        return f"#{_NAMED.get(char, ord(char))};"

    return _SPECIAL.sub(code, text)


def _label(text: str) -> str:
    # One line: Mermaid wraps labels to its node width itself (breaks added here would double up).
    return escape_label(" ".join(text.split()))


def write(amap: ArgumentMap) -> str:
    """The map as a Mermaid flowchart."""
    names = {eid: f"n{i}" for i, eid in enumerate([*amap.claims, *amap.inferences])}
    # Mermaid reads a directive, %%{...}%%, anywhere in the text, comments included.
    title = re.sub("%(?=%)", "% ", " ".join(amap.title.split()))
    out = [f"%% {title}", "flowchart BT"]
    for claim in amap.claims.values():
        out.append(f'    {names[claim.id]}["{_label(claim.text)}"]')
    for inf in amap.inferences.values():
        out.append(f'    {names[inf.id]}(("{"+" if inf.is_support else "#8722;"}"))')
    styles: dict[str, list[int]] = {"support": [], "attack": []}
    number = 0
    for inf in amap.inferences.values():
        line, arrow = ("---", "-->") if inf.is_support else ("-.-", "-.-x")
        for premise in inf.premises:
            out.append(f"    {names[premise]} {line} {names[inf.id]}")
        out.append(f"    {names[inf.id]} {arrow} {names[inf.target]}")
        styles[inf.type].extend(range(number, number + len(inf.premises) + 1))
        number += len(inf.premises) + 1
    out += [
        "    classDef claim fill:#ffffff,stroke:#37474f,color:#000000",
        "    classDef thesis fill:#e3f2fd,stroke:#0d47a1,stroke-width:3px,color:#000000",
        "    classDef assumption fill:#ffffff,stroke:#37474f,stroke-dasharray:4 3,color:#000000",
        f"    classDef support fill:{_COLORS['support']},stroke:{_COLORS['support']},color:#ffffff",
        f"    classDef attack fill:{_COLORS['attack']},stroke:{_COLORS['attack']},color:#ffffff",
    ]
    groups = {
        "thesis": [amap.thesis],
        "assumption": [c.id for c in amap.claims.values() if c.assumption and c.id != amap.thesis],
        "claim": [c.id for c in amap.claims.values() if not c.assumption and c.id != amap.thesis],
        "support": [i.id for i in amap.inferences.values() if i.is_support],
        "attack": [i.id for i in amap.inferences.values() if i.is_attack],
    }
    for style, members in groups.items():
        if members:
            out.append(f"    class {','.join(names[m] for m in members)} {style}")
    for kind, links in styles.items():
        if links:
            out.append(f"    linkStyle {','.join(map(str, links))} stroke:{_COLORS[kind]},stroke-width:2px")
    return "\n".join(out) + "\n"
