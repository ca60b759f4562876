"""Find the missing premise: a co-premise of a linked reason is blanked; pick the sentence that fills it.

Only premises of reasons with two or more co-premises are blanked, since those are the
premises a reason cannot do without, and the other co-premises stay in view as clues.
Each reason gets at most one blank. The wrong options are other claims of the map that
are not the answer to any blank on the sheet and do not say the same as one.
"""

from __future__ import annotations

import random

from argmap.exercises import ExerciseError, Question, Worksheet
from argmap.exercises._shared import Numbering, number, numbered_map, pick_distinct, quoted, relation
from argmap.model import ArgumentMap, Inference

NAME = "missing-premise"
TITLE = "Find the missing premise"
SUMMARY = "a premise of a reason is blanked in the text and the diagram; pick the sentence that fills the gap"
COUNTED = True
DEFAULT_COUNT = 3
OPTIONS = 4
"""Options per question, the answer included, when the map has enough other claims."""

NOUNS = {"support": "reason", "objection": "objection", "undercut": "objection", "rebuttal": "answer to an objection"}

INSTRUCTIONS = (
    "Some reasons in this argument need two or more sentences that work together: take one away and "
    "the reason no longer works. In the diagram, a sentence of such a reason has been replaced by a box "
    "marked with a question mark (?1, ?2, ...). For each question, read the reason and tick the sentence "
    "that completes it."
)


def _conclusion(amap: ArgumentMap, inference: Inference, numbering: Numbering) -> str:
    if inference.target in amap.claims:
        return quoted(amap.claims[inference.target].text)
    return f"the step marked {numbering.name(inference.target)} in the diagram"


def build(amap: ArgumentMap, rng: random.Random, count: int) -> Worksheet:
    linked = [inf for inf in amap.inferences.values() if len(inf.premises) >= 2]
    if not linked:
        raise ExerciseError(
            "this map has no reason with two or more premises working together, so there is no premise to blank: "
            "try another kind of exercise"
        )
    numbering = number(amap, rng)
    rng.shuffle(linked)
    chosen: list[tuple[Inference, str]] = []
    for inf in linked:
        if len(chosen) == count:
            break
        blank = rng.choice(inf.premises)
        # One blank per reason: skip reasons that already show a blank, or that this blank would show in.
        if any(b in inf.premises or blank in other.premises for other, b in chosen):
            continue
        chosen.append((inf, blank))
    blanks = [blank for _, blank in chosen]
    asked = []
    for inf, blank in chosen:
        pool = [c for c in amap.claims if c not in {*inf.premises, inf.target, *blanks}]
        distractors = pick_distinct(rng, amap, pool, blanks, OPTIONS - 1)
        if distractors:
            asked.append((inf, blank, distractors))
    if not asked:
        raise ExerciseError(
            "this map has too few other claims to offer wrong options for a missing premise: "
            "try another kind of exercise"
        )
    labels = {blank: f"?{k}" for k, (_, blank, _) in enumerate(asked, start=1)}
    questions = []
    for inf, blank, distractors in asked:
        options = [blank, *distractors]
        rng.shuffle(options)
        mark = labels[blank]
        context = [f"{mark}: ____________" if p == blank else quoted(amap.claims[p].text) for p in inf.premises]
        verb = "support" if inf.is_support else "speak against"
        context.append(f"Together they {verb}: {_conclusion(amap, inf, numbering)}")
        noun = NOUNS[relation(amap, inf)]
        questions.append(
            Question(
                prompt=f"Box {mark} is missing from this {noun}. Which sentence belongs in it? Tick one.",
                answer=f"{quoted(amap.claims[blank].text)} (box {numbering.boxes[blank]} in the complete map)",
                context=tuple(context),
                options=tuple(amap.claims[o].text for o in options),
                correct=(options.index(blank),),
                why=(
                    f"The map joins {len(inf.premises)} sentences into this one {noun}; it needs all of them, "
                    f"so without {mark} the step to {_conclusion(amap, inf, numbering)} has a gap."
                ),
                facts={"inference": inf.id, "blank": blank, "label": mark, "options": options},
            )
        )
    return Worksheet(
        kind=NAME,
        title=TITLE,
        map_title=amap.title,
        instructions=INSTRUCTIONS,
        questions=tuple(questions),
        key_map=numbered_map(amap, numbering),
        sheet_map=numbered_map(amap, numbering, labels),
        numbers=numbering.as_dict(),
    )
