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

from argmap.analysis import reaching_thesis
from argmap.checks import Finding
from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["outline"]

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _plain(text: str) -> str:
    """Text for one line of a terminal: whitespace collapsed, control characters (ESC, CSI...) dropped."""
    return " ".join(_CONTROL.sub("", " ".join(text.split())).split())


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

    def claim(self, claim: Claim, prefix: str, lead: str) -> None:
        notes = []
        if claim.source:
            notes.append(f"source: {_plain(claim.source)}")
        if claim.assumption:
            notes.append("assumption")
        note = f" ({'; '.join(notes)})" if notes else ""
        name = _plain(claim.id)
        if claim.id in self.shown:
            self.lines.append(f"{prefix}{lead}{name}: (see above){self.marks(claim.id)}")
            return
        self.shown.add(claim.id)
        self.lines.append(f"{prefix}{lead}{name}: {_plain(claim.text)}{note}{self.marks(claim.id)}")
        self.children(claim.id, prefix + "    ")

    def children(self, target: str, prefix: str) -> None:
        incoming = self.amap.supports_of(target) + self.amap.attacks_on(target)
        for inf in incoming:
            self.inference(inf, prefix)

    def inference(self, inf: Inference, prefix: str) -> None:
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
            return
        self.shown.add(inf.id)
        warrant = f" since {_plain(inf.warrant)}" if inf.warrant else ""
        self.lines.append(f"{prefix}{sign} {kind}{name}{linked}{warrant}{self.marks(inf.id)}")
        for premise in inf.premises:
            self.claim(self.amap.claims[premise], prefix + "    ", "")
        self.children(inf.id, prefix + "    ")


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
    out.claim(amap.claims[amap.thesis], "", "THESIS ")
    connected = reaching_thesis(amap)
    rest = [c for c in amap.claims.values() if c.id not in connected]
    if rest:
        out.lines.extend(["", "Not connected to the thesis:"])
        for claim in sorted(rest, key=lambda c: amap.graph.out_degree(c.id) > 0):
            if claim.id not in out.shown:
                out.claim(claim, "", "")
    return "\n".join(out.lines) + "\n"
