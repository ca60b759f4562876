"""Markdown outline export: the argument as nested lists, for READMEs, notes and wikis.

The shape is the one ``argmap show`` prints: the thesis, then each reason with its
linked co-premises, objections, undercuts and rebuttals, nested under what they
concern; claims the map reuses are written once and then referred to. Map text is
escaped for CommonMark and GitHub Markdown, so a claim cannot open a heading, a list,
a link, an emphasis, a code span or raw HTML.
"""

from __future__ import annotations

import re

from argmap._steps import Step, run_steps
from argmap.analysis import reaching_thesis
from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["NAME", "SUFFIXES", "escape_markdown", "write"]

NAME = "markdown"
SUFFIXES = (".md", ".markdown")

_INLINE = re.compile(r"([\\`*_\[\]<>&|~!])")
_BLOCK_START = re.compile(r"^([#>+=\-]|\d+(?=[.)]))")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def escape_markdown(text: str) -> str:
    """One line of literal text: whitespace collapsed, control characters (terminal escapes) dropped,
    inline and block syntax backslash-escaped."""
    flat = " ".join(_CONTROL.sub("", " ".join(text.split())).split())
    flat = _INLINE.sub(r"\\\1", flat)
    return _BLOCK_START.sub(lambda m: m.group() + "\\" if m.group().isdigit() else "\\" + m.group(), flat)


"""A method of the outline and its arguments, to be called; it returns the steps under it."""

DEPTH_MAX = 60
"""Deepest list nesting written; deeper items stay at this depth, their level in brackets, so a
chain of thousands of inferences is not written with megabytes of spaces."""


def _item(depth: int) -> str:
    """The start of a list item at this depth."""
    return "  " * depth + "- " if depth <= DEPTH_MAX else "  " * DEPTH_MAX + f"- ({depth}) "


class _Outline:
    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.shown: set[str] = set()
        self.lines: list[str] = []

    def claim(self, claim: Claim, depth: int) -> list[Step]:
        notes = []
        if claim.source:
            source = self.amap.sources[claim.source]
            notes.append(
                f"source: {escape_markdown(source.id)}" + (f", p. {escape_markdown(claim.page)}" if claim.page else "")
            )
        if claim.assumption:
            notes.append("assumption")
        note = f" *({'; '.join(notes)})*" if notes else ""
        pad = _item(depth)
        if claim.id in self.shown:
            self.lines.append(f"{pad}{escape_markdown(claim.text)} *(see above)*")
            return []
        self.shown.add(claim.id)
        self.lines.append(f"{pad}{escape_markdown(claim.text)}{note}")
        return [(self.children, (claim.id, depth + 1))]

    def children(self, target: str, depth: int) -> list[Step]:
        return [(self.inference, (inf, depth)) for inf in self.amap.supports_of(target) + self.amap.attacks_on(target)]

    def inference(self, inf: Inference, depth: int) -> list[Step]:
        if inf.is_support:
            kind = "Reason"
        elif inf.target in self.amap.inferences:
            kind = "Rebuttal" if self.amap.inferences[inf.target].is_attack else "Undercut"
        else:
            kind = "Objection"
        pad = _item(depth)
        if inf.id in self.shown:
            self.lines.append(f"{pad}**{kind}** *(see above)*")
            return []
        self.shown.add(inf.id)
        linked = " (linked: all needed together)" if len(inf.premises) > 1 else ""
        warrant = f" \u2014 since {escape_markdown(inf.warrant)}" if inf.warrant else ""
        self.lines.append(f"{pad}**{kind}**{linked}{warrant}")
        steps: list[Step] = [(self.claim, (self.amap.claims[premise], depth + 1)) for premise in inf.premises]
        return [*steps, (self.children, (inf.id, depth + 1))]


def write(amap: ArgumentMap) -> str:
    """The map as a Markdown outline."""
    out = _Outline(amap)
    lines = [f"# {escape_markdown(amap.title)}", ""]
    if amap.description:
        lines += [escape_markdown(amap.description), ""]
    thesis = amap.claims[amap.thesis]
    out.shown.add(thesis.id)
    lines += [f"**Thesis:** {escape_markdown(thesis.text)}", ""]
    run_steps((out.children, (thesis.id, 0)))
    lines += out.lines
    reached = reaching_thesis(amap)
    loose = [c for c in amap.claims.values() if c.id not in reached]
    if loose:
        # Conclusions first (claims that are nobody's premise), so their reasons nest under them.
        loose.sort(key=lambda c: bool(amap.inferences_from(c.id)))
        out.lines = []
        for claim in loose:
            if claim.id not in out.shown:
                run_steps((out.claim, (claim, 0)))
        lines += ["", "## Not connected to the thesis", "", *out.lines]
    if amap.sources:
        lines += ["", "## Sources", ""]
        for source in amap.sources.values():
            url = ""
            if source.url:
                web = re.fullmatch(r"https?://[^\s<>]+", source.url)
                url = f" <{source.url}>" if web else f" ({escape_markdown(source.url)})"
            lines.append(f"- **{escape_markdown(source.id)}**: {escape_markdown(source.citation)}{url}")
    return "\n".join(lines).rstrip("\n") + "\n"
