"""Rebuild the argument: every claim in shuffled order; the student draws the map; the key is the map.

The key draws the map with the sheet's box numbers and spells out every arrow in
words, so a teacher can mark a drawing on paper. A map typed as argmap YAML can be
marked with ``argmap grade`` against the original map.
"""

from __future__ import annotations

import random

from argmap.exercises import ExerciseError, Question, Worksheet
from argmap.exercises._shared import Numbering, number, numbered_map, relation
from argmap.model import ArgumentMap, Inference

NAME = "reconstruct"
TITLE = "Rebuild the argument"
SUMMARY = "every claim in shuffled order; draw the map (the key is the map, drawn)"
COUNTED = False
DEFAULT_COUNT = 1

INSTRUCTIONS = (
    "The sentences below make up one argument, shuffled. Draw it as a map: write each sentence's number "
    "in a box; put the main conclusion at the top; draw an arrow from each reason up to what it supports; "
    "when two or more sentences only work together, join their lines at one dot before the arrow; draw "
    "objections with a dashed arrow that ends in a bar. An objection can also point at another arrow."
)

_SENTENCES = {
    "support": "{p} {s} {t}.",
    "objection": "{p} {o} {t}.",
    "undercut": "{p} {u} the step of {t}.",
    "rebuttal": "{p} {r} the objection of {t}.",
}


def describe(amap: ArgumentMap, inf: Inference, numbering: Numbering) -> str:
    """One arrow in words with the sheet's numbers: ``Boxes 3 and 5 together support box 1 (arrow B).``"""
    together = len(inf.premises) > 1
    premises = numbering.names(inf.premises)
    premises = ("Boxes " + premises.replace("box ", "") + " together") if together else premises.capitalize()
    target = numbering.name(inf.target)
    sentence = _SENTENCES[relation(amap, inf)].format(
        p=premises,
        t=target,
        s="support" if together else "supports",
        o="object to" if together else "objects to",
        u="undercut" if together else "undercuts",
        r="answer" if together else "answers",
    )
    return sentence[:-1] + f" (arrow {numbering.arrows[inf.id]})."


def build(amap: ArgumentMap, rng: random.Random, count: int) -> Worksheet:
    if len(amap.claims) < 3 or len(amap.inferences) < 2:
        raise ExerciseError(
            f"this map has {len(amap.claims)} claim(s) and {len(amap.inferences)} arrow(s); "
            "reconstruct needs at least 3 claims and 2 arrows"
        )
    numbering = number(amap, rng)
    listing = tuple(
        sorted(((numbering.boxes[c], claim.text) for c, claim in amap.claims.items()), key=lambda row: int(row[0]))
    )
    arrows = sorted(amap.inferences.values(), key=lambda inf: (len(numbering.arrows[inf.id]), numbering.arrows[inf.id]))
    question = Question(
        prompt="Draw the map of this argument. Which sentence goes at the top?",
        answer=f"Box {numbering.boxes[amap.thesis]} is the main conclusion; the complete map is drawn below.",
        why="Compare the drawing arrow by arrow with the list below: same boxes joined, same direction, same kind.",
        space=0,
        facts={"thesis": amap.thesis, "arrows": [inf.id for inf in arrows]},
    )
    return Worksheet(
        kind=NAME,
        title=TITLE,
        map_title=amap.title,
        instructions=INSTRUCTIONS,
        questions=(question,),
        key_map=numbered_map(amap, numbering),
        listing=listing,
        key_notes=tuple(describe(amap, inf, numbering) for inf in arrows),
        numbers=numbering.as_dict(),
    )
