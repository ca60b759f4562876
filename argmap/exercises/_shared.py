"""What the kinds of exercise share: numbered copies of a map, plain wording, fair distractors.

Worksheets never show the map's ids: an id such as ``evidence-hunger`` would give an
answer away. Claims become numbered boxes and inferences lettered arrows, in an order
drawn from the seed, and the diagrams are drawn from a copy of the map renamed that way.
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, utils

from argmap.model import ArgumentMap, Claim, Inference

__all__ = [
    "BLANK",
    "RELATIONS",
    "Numbering",
    "flat",
    "letters",
    "number",
    "numbered_map",
    "pick_distinct",
    "quoted",
    "relation",
    "same_text",
    "sentence",
]

RELATIONS = ("support", "objection", "rebuttal", "undercut")
"""The four kinds of arrow, in the order worksheets offer them."""

BLANK = "?" + "\u00a0" * 36
"""A blanked claim's text in the diagram: a question mark in a box as wide as a claim's."""

_NON_WORD = re.compile(r"[\W_]+")


def letters(k: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: spreadsheet-style arrow names."""
    name = ""
    k += 1
    while k:
        k, rest = divmod(k - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


@dataclass(frozen=True)
class Numbering:
    """Claim id -> box number and inference id -> arrow letter, as a worksheet shows them."""

    boxes: Mapping[str, str]
    arrows: Mapping[str, str]

    def label(self, element_id: str) -> str:
        return self.boxes[element_id] if element_id in self.boxes else self.arrows[element_id]

    def name(self, element_id: str) -> str:
        """``box 3`` or ``arrow B``."""
        return f"box {self.boxes[element_id]}" if element_id in self.boxes else f"arrow {self.arrows[element_id]}"

    def names(self, element_ids: Iterable[str]) -> str:
        """``box 3``, ``box 3 and box 5``, ``box 3, box 5 and box 8``."""
        named = [self.name(e) for e in element_ids]
        return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]

    def as_dict(self) -> dict[str, str]:
        return {**self.boxes, **self.arrows}


def number(amap: ArgumentMap, rng: random.Random, first: Collection[str] = ()) -> Numbering:
    """Boxes numbered and arrows lettered in a shuffled order; claims in ``first`` get the lowest numbers."""
    claims = list(amap.claims)
    rng.shuffle(claims)
    claims.sort(key=lambda c: c not in first)
    arrows = list(amap.inferences)
    rng.shuffle(arrows)
    return Numbering(
        {cid: str(k + 1) for k, cid in enumerate(claims)},
        {iid: letters(k) for k, iid in enumerate(arrows)},
    )


def numbered_map(amap: ArgumentMap, numbering: Numbering, blanks: Mapping[str, str] | None = None) -> ArgumentMap:
    """A copy of the map with boxes and arrows renamed; ``blanks`` (claim id -> label) hide a claim as "?".

    Only what the diagram should show is kept: text, source, page, assumption. A blank
    keeps neither its source nor its assumption mark, which would be clues.
    """
    blanks = blanks or {}
    claims = []
    for claim in amap.claims.values():
        if claim.id in blanks:
            claims.append(Claim(blanks[claim.id], BLANK))
        else:
            claims.append(
                Claim(
                    numbering.boxes[claim.id],
                    claim.text,
                    source=claim.source,
                    assumption=claim.assumption,
                    page=claim.page,
                )
            )

    def renamed(element_id: str) -> str:
        return blanks.get(element_id) or numbering.label(element_id)

    inferences = [
        Inference(
            numbering.arrows[inf.id],
            tuple(renamed(p) for p in inf.premises),
            renamed(inf.target),
            type=inf.type,
        )
        for inf in amap.inferences.values()
    ]
    return ArgumentMap(
        amap.title,
        renamed(amap.thesis),
        claims,
        inferences,
        amap.sources.values(),
        path=amap.path,
        description=amap.description,
    )


def flat(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


def quoted(text: str) -> str:
    return f"\u201c{flat(text)}\u201d"


def sentence(text: str) -> str:
    """``text`` ending in one full stop: none added after a quotation that already ends a sentence."""
    if text.endswith("\u201d.") and text[-3:-2] in (".", "!", "?"):
        return text[:-1]
    return text


def relation(amap: ArgumentMap, inference: Inference) -> str:
    """``support``, ``objection`` (an attack on a claim), ``undercut`` (on a support) or ``rebuttal`` (on an attack)."""
    if inference.is_support:
        return "support"
    if inference.target in amap.claims:
        return "objection"
    return "rebuttal" if amap.inferences[inference.target].is_attack else "undercut"


def same_text(a: str, b: str) -> bool:
    """The same statement, up to case, punctuation, spacing and a near-identical wording."""
    if _NON_WORD.sub(" ", a.casefold()).strip() == _NON_WORD.sub(" ", b.casefold()).strip():
        return True
    return fuzz.ratio(a, b, processor=utils.default_process) >= 90


def pick_distinct(
    rng: random.Random, amap: ArgumentMap, pool: Iterable[str], avoid: Iterable[str], n: int
) -> list[str]:
    """Up to ``n`` claims from ``pool``, in random order, none saying the same as a claim in ``avoid`` or each other."""
    taken = [amap.claims[c].text for c in avoid]
    candidates = list(pool)
    rng.shuffle(candidates)
    chosen: list[str] = []
    for cid in candidates:
        if len(chosen) == n:
            break
        text = amap.claims[cid].text
        if any(same_text(text, other) for other in taken):
            continue
        chosen.append(cid)
        taken.append(text)
    return chosen
