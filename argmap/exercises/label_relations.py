"""Label the relations: every arrow is drawn alike; say which are support, objection, rebuttal or undercut.

The sheet's diagram hides what the colours and arrowheads would tell: each arrow is
grey and carries only its letter. When ``count`` is smaller than the number of arrows,
one arrow of each kind the map has is asked first, so the sheet covers every kind.
"""

from __future__ import annotations

import random

from argmap.exercises import ExerciseError, Question, Worksheet
from argmap.exercises._shared import RELATIONS, number, numbered_map, quoted, relation, sentence
from argmap.model import ArgumentMap

NAME = "label-relations"
TITLE = "Label the arrows"
SUMMARY = "every arrow drawn alike; label each one support, objection, rebuttal or undercut"
COUNTED = True
DEFAULT_COUNT = 10

INSTRUCTIONS = (
    "In this diagram every arrow looks the same, and each one has a letter on the dot where its lines meet. "
    "Lines that meet at the same dot belong together: those sentences work as one unit. For each arrow, "
    "tick what it does. A support is a reason for the sentence it points to. An objection is a reason "
    "against a sentence. An undercut points at a support arrow: it says the reason, even if true, does not "
    "back up that conclusion. A rebuttal points at an objection's arrow: it answers the objection."
)

_WHY = {
    "support": "{p} {be} a reason for {t}.",
    "objection": "{p} {be} a reason against {t}.",
    "undercut": "{p} {do} not deny the reason of {t}; {it} that this reason does not back up its conclusion.",
    "rebuttal": "{p} {answer} the objection of {t}.",
}


def _why(kind: str, premises: list[str], target: str) -> str:
    many = len(premises) > 1
    words = ("Together, " + " and ".join(premises)) if many else premises[0]
    return sentence(
        _WHY[kind].format(
            p=words,
            t=target,
            be="are" if many else "is",
            do="do" if many else "does",
            it="they say" if many else "it says",
            answer="answer" if many else "answers",
        )
    )


def build(amap: ArgumentMap, rng: random.Random, count: int) -> Worksheet:
    if not amap.inferences:
        raise ExerciseError("this map has no arrows (inferences) to label")
    numbering = number(amap, rng)
    arrows = list(amap.inferences.values())
    rng.shuffle(arrows)
    first: list = []
    for kind in RELATIONS:
        of_kind = [inf for inf in arrows if relation(amap, inf) == kind]
        if of_kind:
            first.append(of_kind[0])
    chosen = (first + [inf for inf in arrows if inf not in first])[:count]
    chosen.sort(key=lambda inf: (len(numbering.arrows[inf.id]), numbering.arrows[inf.id]))
    questions = []
    for inf in chosen:
        kind = relation(amap, inf)
        source = numbering.names(inf.premises)
        target = numbering.name(inf.target)
        if inf.target in amap.claims:
            said = quoted(amap.claims[inf.target].text)
        else:
            said = f"arrow {numbering.arrows[inf.target]}"
        premises = [quoted(amap.claims[p].text) for p in inf.premises]
        questions.append(
            Question(
                prompt=f"Arrow {numbering.arrows[inf.id]} goes from {source} to {target}. What is it?",
                answer=kind,
                options=RELATIONS,
                correct=(RELATIONS.index(kind),),
                why=_why(kind, premises, said),
                facts={"inference": inf.id, "relation": kind},
            )
        )
    return Worksheet(
        kind=NAME,
        title=TITLE,
        map_title=amap.title,
        instructions=INSTRUCTIONS,
        questions=tuple(questions),
        key_map=numbered_map(amap, numbering),
        sheet_map=numbered_map(amap, numbering),
        neutral=True,
        numbers=numbering.as_dict(),
    )
