"""Find the weakest link: which premise, if rejected, brings the thesis down?

The answer comes from the critical-premise analysis (:mod:`argmap.critical`): a
premise is a weakest link when rejecting it alone leaves the thesis not accepted,
which takes objections that a rejection revives into account. When the thesis is not
accepted to begin with, there is nothing for that analysis to bring down, and the
answer comes from the support structure instead: the premises every line of support
for the thesis runs through (:func:`argmap.analysis.necessary_premises`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from argmap.analysis import necessary_premises, support_tree
from argmap.exercises import ExerciseError, Question, Worksheet
from argmap.exercises._shared import Numbering, number, numbered_map, quoted
from argmap.model import ArgumentMap

NAME = "weakest-link"
TITLE = "Find the weakest link"
SUMMARY = "which premise, if rejected, brings the thesis down (from the critical-premise analysis)"
COUNTED = True
DEFAULT_COUNT = 3
SHOWN = 5
"""Premises offered in the first question, besides "none of them"."""

INSTRUCTIONS = (
    "A chain is only as strong as its weakest link. Some sentences in an argument hold everything up: "
    "if one of them turned out to be false, the main conclusion would no longer follow. Others could fall "
    "and the conclusion would still stand on another reason. Study the diagram, then answer."
)
NONE = "None of them: the main conclusion would still stand."


@dataclass(frozen=True)
class Weakness:
    """Which basic premises bring the thesis down alone, among the candidates, and how that was found."""

    candidates: list[str]
    weakest: set[str]
    method: str
    sets: list[frozenset[str]]


def weakness(amap: ArgumentMap) -> Weakness:
    """The weakest links by evaluation when the thesis is accepted, else by the support structure."""
    from argmap.critical import critical_premises
    from argmap.evaluate import ACCEPTED

    found = critical_premises(amap, max_size=2)
    if found.thesis_label == ACCEPTED:
        return Weakness(list(found.candidates), set(found.weakest), "evaluation", list(found.sets))
    tree = support_tree(amap)
    candidates = sorted(c.id for c in amap.basic_premises() if c.id in tree and c.id != amap.thesis)
    needed = necessary_premises(amap)
    return Weakness(candidates, needed & set(candidates), "structure", [])


def _explain(amap: ArgumentMap, found: Weakness, numbering: Numbering) -> str:
    thesis = numbering.name(amap.thesis)
    if found.method == "structure":
        head = (
            f"The main conclusion ({thesis}) does not stand as the map is, so the answer looks at its support alone: "
        )
        if not found.weakest:
            return head + "every premise has another line of support around it."
        return head + f"every line of support for it runs through {numbering.names(sorted(found.weakest))}."
    groups = [numbering.names(sorted(s)) for s in found.sets if len(s) > 1][:3]
    tail = f" Pairs that bring it down together: {'; '.join(groups)}." if groups else ""
    if not found.weakest:
        return "argmap critical: no premise brings the main conclusion down on its own." + tail
    weakest = numbering.names(sorted(found.weakest, key=lambda c: int(numbering.boxes[c])))
    return f"argmap critical: the main conclusion ({thesis}) falls if any one of these is rejected: {weakest}." + tail


def _why(found: Weakness, name: str, falls: bool) -> str:
    if found.method == "evaluation":
        state = "is no longer accepted" if falls else "is still accepted"
        return f"argmap evaluate with {name} rejected: the main conclusion {state}."
    return f"Without {name} no line of support is left." if falls else "Another line of support still holds without it."


def build(amap: ArgumentMap, rng: random.Random, count: int) -> Worksheet:
    found = weakness(amap)
    if len(found.candidates) < 2:
        raise ExerciseError(
            f"this map has {len(found.candidates)} basic premise(s) under its thesis; weakest-link needs at least 2"
        )
    numbering = number(amap, rng)
    weak = [c for c in found.candidates if c in found.weakest]
    strong = [c for c in found.candidates if c not in found.weakest]
    shown = rng.sample(weak, min(len(weak), 3))
    shown += rng.sample(strong, min(len(strong), SHOWN - len(shown)))
    rng.shuffle(shown)
    options = [f"{numbering.name(c)}: {quoted(amap.claims[c].text)}" for c in shown] + [NONE]
    correct = tuple(k for k, c in enumerate(shown) if c in found.weakest) or (len(shown),)
    explanation = _explain(amap, found, numbering)
    questions = [
        Question(
            prompt=(
                "Suppose you could show that just one of these sentences is false. Which ones would bring the "
                "main conclusion down? Tick every answer that fits."
            ),
            answer="; ".join(options[k] for k in correct),
            options=tuple(options),
            correct=correct,
            pick="all",
            why=explanation,
            facts={"method": found.method, "options": shown, "weakest": sorted(found.weakest)},
        )
    ]
    asked = rng.sample(found.candidates, min(len(found.candidates), max(count - 1, 0)))
    for cid in asked:
        falls = cid in found.weakest
        questions.append(
            Question(
                prompt=(
                    f"Suppose {numbering.name(cid)} turned out to be false. Would the main conclusion still "
                    "stand? Explain in one sentence."
                ),
                answer="No: it falls." if falls else "Yes: it still stands.",
                options=("Yes, it still stands.", "No, it falls."),
                correct=(1 if falls else 0,),
                why=_why(found, numbering.name(cid), falls),
                space=1,
                facts={"premise": cid, "falls": falls},
            )
        )
    if found.weakest:
        first = sorted(found.weakest, key=lambda c: int(numbering.boxes[c]))[0]
        questions.append(
            Question(
                prompt=f"How could the author make the argument stronger at {numbering.name(first)}?",
                answer=(
                    f"Back {numbering.name(first)} up: cite a source for it or give it a reason of its own; or add "
                    "a second, independent reason for the main conclusion that does not need it."
                ),
                space=3,
                facts={"premise": first},
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
        key_highlight=tuple(numbering.boxes[c] for c in sorted(found.weakest)),
        numbers=numbering.as_dict(),
    )
