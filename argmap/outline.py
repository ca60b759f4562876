"""The argument as an indented outline: thesis, reasons with their co-premises, objections.

Used by ``argmap show``; returns text and never prints. Each claim is written out in
full once; where the map reuses it (a shared premise, a circle) the outline says
"see above" instead of repeating or looping. Map text is written on one line each, without
control characters, so that a map cannot move the cursor, recolour or retitle the terminal
(escape sequences) or break the indentation.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from argmap._steps import Step, run_steps
from argmap.analysis import reaching_thesis
from argmap.checks import Finding
from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["outline"]

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _plain(text: str) -> str:
    """Text for one line of a terminal: whitespace collapsed, control characters (ESC, CSI...) dropped."""
    return " ".join(_CONTROL.sub("", " ".join(text.split())).split())


"""A method of the outline and its arguments, to be called; it returns the steps under it."""

INDENT_MAX = 60
"""Deepest indentation, in levels: deeper lines are indented no further but numbered with
their level, so a chain of thousands of inferences is not written with megabytes of spaces."""


def _indent(level: int) -> str:
    """Four spaces a level; past :data:`INDENT_MAX`, as wide as that and the level in brackets."""
    return "    " * level if level <= INDENT_MAX else "    " * INDENT_MAX + f"({level}) "


class _Outline:
    def __init__(self, amap: ArgumentMap, findings: Iterable[Finding], labels: Mapping[str, str] | None) -> None:
        self.amap = amap
        self.labels = labels or {}
        self.findings: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            self.findings[finding.target].append(finding)
        self.shown: set[str] = set()
        self.lines: list[str] = []

    def marks(self, element_id: str) -> str:
        parts = []
        if element_id in self.labels:
            parts.append(f"[{self.labels[element_id]}]")
        found = Counter(f"\u26a0 {f.code} {f.name}" for f in self.findings.get(element_id, ()))
        parts.extend(mark if n == 1 else f"{mark} \u00d7{n}" for mark, n in found.items())  # as on the diagram
        return ("  " + "  ".join(parts)) if parts else ""

    def claim(self, claim: Claim, level: int, lead: str) -> list[Step]:
        prefix = _indent(level)
        notes = []
        if claim.source:
            notes.append(f"source: {_plain(claim.source)}")
        if claim.assumption:
            notes.append("assumption")
        note = f" ({'; '.join(notes)})" if notes else ""
        name = _plain(claim.id)
        if claim.id in self.shown:
            self.lines.append(f"{prefix}{lead}{name}: (see above){self.marks(claim.id)}")
            return []
        self.shown.add(claim.id)
        self.lines.append(f"{prefix}{lead}{name}: {_plain(claim.text)}{note}{self.marks(claim.id)}")
        return [(self.children, (claim.id, level + 1))]

    def children(self, target: str, level: int) -> list[Step]:
        incoming = self.amap.supports_of(target) + self.amap.attacks_on(target)
        return [(self.inference, (inf, level)) for inf in incoming]

    def inference(self, inf: Inference, level: int) -> list[Step]:
        prefix = _indent(level)
        target_is_attack = inf.target in self.amap.inferences and self.amap.inferences[inf.target].is_attack
        if inf.is_support:
            kind = "reason"
        elif inf.target in self.amap.inferences:
            kind = "rebuttal" if target_is_attack else "undercut"
        else:
            kind = "objection"
        sign = "+" if inf.is_support else "\u2212"
        linked = " (linked: all needed together)" if len(inf.premises) > 1 else ""
        name = f" {_plain(inf.id)}" if inf.explicit_id else ""
        if inf.id in self.shown:
            self.lines.append(f"{prefix}{sign} {kind}{name}: (see above)")
            return []
        self.shown.add(inf.id)
        warrant = f" since {_plain(inf.warrant)}" if inf.warrant else ""
        self.lines.append(f"{prefix}{sign} {kind}{name}{linked}{warrant}{self.marks(inf.id)}")
        steps: list[Step] = [(self.claim, (self.amap.claims[premise], level + 1, "")) for premise in inf.premises]
        return [*steps, (self.children, (inf.id, level + 1))]


def outline(
    amap: ArgumentMap,
    findings: Iterable[Finding] = (),
    *,
    labels: Mapping[str, str] | None = None,
) -> str:
    """The map as an indented outline, thesis first, then whatever does not reach it."""
    out = _Outline(amap, findings, labels)
    out.lines.append(_plain(amap.title))
    out.lines.append("")
    run_steps((out.claim, (amap.claims[amap.thesis], 0, "THESIS ")))
    connected = reaching_thesis(amap)
    rest = [c for c in amap.claims.values() if c.id not in connected]
    if rest:
        out.lines.extend(["", "Not connected to the thesis:"])
        for claim in sorted(rest, key=lambda c: amap.graph.out_degree(c.id) > 0):
            if claim.id not in out.shown:
                run_steps((out.claim, (claim, 0, "")))
    return "\n".join(out.lines) + "\n"
