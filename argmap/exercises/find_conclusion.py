"""Find the conclusion: the claims in shuffled order; pick the thesis and the in-between conclusions.

An in-between (intermediate) conclusion is a claim other than the thesis that has a
reason of its own and is used in turn as a premise. Claims that lead nowhere near the
thesis are left off the list, since they belong to no argument the student could see.
No diagram is printed on the sheet: it would show the answers.
"""

from __future__ import annotations

import random

from argmap.analysis import reaching_thesis
from argmap.exercises import ExerciseError, Question, Worksheet
from argmap.exercises._shared import flat, number, numbered_map
from argmap.model import ArgumentMap

NAME = "find-conclusion"
TITLE = "Find the conclusions"
SUMMARY = "the claims in shuffled order; pick the main conclusion and the in-between conclusions"
COUNTED = False
DEFAULT_COUNT = 1

INSTRUCTIONS = (
    "The sentences below make up one argument, but they have been shuffled. The main conclusion is the "
    "sentence the whole argument is trying to prove. An in-between conclusion is a sentence that has "
    "reasons of its own and is then used as a reason for something else."
)


def build(amap: ArgumentMap, rng: random.Random, count: int) -> Worksheet:
    if not amap.supports_of(amap.thesis):
        raise ExerciseError("no reason supports this map's thesis, so there is no conclusion to find")
    connected = reaching_thesis(amap)
    listed = [c for c in amap.claims if c in connected]
    if len(listed) < 3:
        raise ExerciseError(
            f"this map has {len(listed)} claims connected to its thesis; find-conclusion needs at least 3"
        )
    numbering = number(amap, rng, first=listed)
    listing = tuple(sorted(((numbering.boxes[c], amap.claims[c].text) for c in listed), key=lambda row: int(row[0])))
    middle = sorted(
        (c for c in listed if c != amap.thesis and amap.supports_of(c)), key=lambda c: int(numbering.boxes[c])
    )

    def named(cid: str) -> str:
        return f"{numbering.boxes[cid]} (\u201c{flat(amap.claims[cid].text)}\u201d)"

    questions = [
        Question(
            prompt="Which sentence is the main conclusion, the one the whole argument tries to prove? Write its number.",
            answer=named(amap.thesis),
            why="Every line of reasoning in the argument ends at this sentence; nothing uses it as a reason.",
            space=1,
            facts={"thesis": amap.thesis},
        ),
        Question(
            prompt=(
                "Which sentences are in-between conclusions: they have reasons of their own and are then used "
                "as reasons for something else? Write their numbers (there may be none)."
            ),
            answer="; ".join(named(c) for c in middle)
            if middle
            else "None: every reason rests on sentences that have no reasons of their own.",
            why="Each of these is both backed by a reason and used as a reason." if middle else "",
            space=2,
            facts={"intermediate": middle},
        ),
    ]
    if middle:
        reasons = {
            c: sorted({p for inf in amap.supports_of(c) for p in inf.premises}, key=lambda p: int(numbering.boxes[p]))
            for c in middle
        }
        questions.append(
            Question(
                prompt="Choose one in-between conclusion. Which sentences are given as reasons for it? Write their numbers.",
                answer="; ".join(
                    f"for {numbering.boxes[c]}: " + ", ".join(numbering.boxes[p] for p in reasons[c]) for c in middle
                ),
                why="Any one of these is a full answer.",
                space=2,
                facts={"reasons": reasons},
            )
        )
    return Worksheet(
        kind=NAME,
        title=TITLE,
        map_title=amap.title,
        instructions=INSTRUCTIONS,
        questions=tuple(questions),
        key_map=numbered_map(amap, numbering),
        listing=listing,
        numbers=numbering.as_dict(),
    )
