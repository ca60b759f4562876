"""Spot the flaw: what ``argmap check`` really finds in the map becomes questions; the key quotes it.

Each finding is asked one of two ways, chosen at random where both are possible:
"which box has this problem?" (the wrong options are boxes the same check does not
flag) or "what is wrong with box 3?" (the wrong options describe checks that do not
flag it; every check that does is a right answer). A wrong option is never an element
a finding of that check names, nor a check whose findings name the element. The sheet's diagram shows no
findings; the key's diagram marks them all.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import replace

from argmap.checks import Finding, catalogue, run_checks
from argmap.exercises import ExerciseError, Question, Worksheet
from argmap.exercises._shared import Numbering, number, numbered_map, quoted
from argmap.model import ArgumentMap

NAME = "spot-the-flaw"
TITLE = "Spot the flaw"
SUMMARY = "the map's real check findings become questions; the key quotes each finding"
COUNTED = True
DEFAULT_COUNT = 5
OPTIONS = 4

INSTRUCTIONS = (
    "This argument has weak spots. Look closely at the diagram: how each box is backed up, where the "
    "arrows go, and whether the words in a conclusion appear in its reasons. Then answer the questions."
)

PLAIN: dict[str, dict[str, str]] = {
    "unsupported-premise": {
        "claim": "is used as a reason, but nothing backs it up: no reason of its own, no source, "
        "and the map does not call it an assumption"
    },
    "unsupported-thesis": {"claim": "is the main conclusion, but no reason supports it"},
    "circular-support": {"claim": "ends up supporting itself: follow the arrows up from it and you come back to it"},
    "disconnected": {
        "claim": "is not connected to the main conclusion by any chain of arrows",
        "inference": "is not connected to the main conclusion by any chain of arrows",
    },
    "unanswered-objection": {
        "claim": "raises an objection that nothing in the map answers",
        "inference": "is an objection that nothing in the map answers",
    },
    "support-and-attack": {"claim": "is used both as a reason for and as a reason against the same thing"},
    "missing-link": {
        "claim": "is a conclusion that talks about something none of its reasons mention (a gap in the step)",
        "inference": "is a step with a gap: its conclusion talks about something none of its reasons mention",
    },
    "stranded-premise": {
        "claim": "is part of a reason but talks about something that neither the rest of the reason "
        "nor its conclusion mentions"
    },
    "single-point-of-failure": {"claim": "is a premise that every line of support for the main conclusion needs"},
    "duplicate-claim": {"claim": "says the same as another box"},
    "unused-source": {"source": "is a source that no sentence uses"},
}
"""Each check's finding in words a 15-year-old can follow, by kind of element it concerns."""

_QUOTED = re.compile(r"'([^']+)'")
_NOUNS = {"claim": "box", "inference": "arrow", "source": "source"}


def _kind(amap: ArgumentMap, element_id: str) -> str:
    if element_id in amap.claims:
        return "claim"
    return "inference" if element_id in amap.inferences else "source"


def _plain(name: str, kind: str) -> str | None:
    """What the check finds, in plain words, or ``None`` when it never concerns this kind of element."""
    if name in PLAIN:
        return PLAIN[name].get(kind)
    summary = next(c.summary for c in catalogue() if c.name == name)
    return f"has this problem: {summary}"


def _option(amap: ArgumentMap, numbering: Numbering, element_id: str) -> str:
    kind = _kind(amap, element_id)
    if kind == "claim":
        return f"{numbering.name(element_id)}: {quoted(amap.claims[element_id].text)}"
    if kind == "inference":
        inf = amap.inferences[element_id]
        return f"{numbering.name(element_id)}, from {numbering.names(inf.premises)} to {numbering.name(inf.target)}"
    return f"source {element_id}: {amap.sources[element_id].citation}"


def _where(amap: ArgumentMap, numbering: Numbering, element_id: str) -> str:
    return element_id if element_id in amap.sources else numbering.name(element_id)


def _quote(finding: Finding, amap: ArgumentMap, numbering: Numbering) -> str:
    where = "" if finding.target in amap.sources else f" ('{finding.target}' is {numbering.name(finding.target)})"
    return (
        f"argmap check: \u201c{finding.code} {finding.name}: {finding.message}\u201d{where}. "
        f"How to fix it: {finding.hint}."
    )


def build(amap: ArgumentMap, rng: random.Random, count: int) -> Worksheet:
    findings = run_checks(amap)
    if not findings:
        raise ExerciseError("argmap check finds nothing wrong with this map, so there is no flaw to spot")
    numbering = number(amap, rng)
    involved: dict[str, set[str]] = defaultdict(set)  # check name -> every element its findings name
    by_target: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        involved[f.name].add(f.target)
        involved[f.name].update(i for i in _QUOTED.findall(f.message) if i in amap or i in amap.sources)
        by_target[f.target].append(f)
    order = list(findings)
    rng.shuffle(order)
    questions: list[Question] = []
    done: set[tuple[str, str]] = set()
    for finding in order:
        if len(questions) == count:
            break
        if (finding.name, finding.target) in done:
            continue
        kind = _kind(amap, finding.target)
        plain = _plain(finding.name, kind)
        if plain is None:
            continue
        pool = {"claim": amap.claims, "inference": amap.inferences, "source": amap.sources}[kind]
        others = [e for e in pool if e not in involved[finding.name]]
        names_here = {f.name for f in by_target[finding.target]}
        wrong_checks = [
            c.name for c in catalogue() if finding.target not in involved[c.name] and _plain(c.name, kind) is not None
        ]
        shapes = [s for s, ok in (("which", others), ("what", wrong_checks)) if ok]
        if not shapes:
            continue
        shape = rng.choice(shapes)
        if shape == "which":
            distractors = rng.sample(others, min(OPTIONS - 1, len(others)))
            options = [finding.target, *distractors]
            rng.shuffle(options)
            done.add((finding.name, finding.target))
            noun = _NOUNS[kind]
            questions.append(
                Question(
                    prompt=f"Which {noun} {plain}? Tick one.",
                    answer=_option(amap, numbering, finding.target),
                    options=tuple(_option(amap, numbering, o) for o in options),
                    correct=(options.index(finding.target),),
                    why=_quote(finding, amap, numbering),
                    facts={"shape": "which", "check": finding.name, "target": finding.target, "options": options},
                )
            )
        else:
            here = sorted(name for name in names_here if _plain(name, kind) is not None)
            chosen = [*here, *rng.sample(wrong_checks, min(OPTIONS - 1, len(wrong_checks)))]
            rng.shuffle(chosen)
            done.update((name, finding.target) for name in here)
            element = _where(amap, numbering, finding.target)
            quotes = " ".join(_quote(f, amap, numbering) for f in by_target[finding.target])
            questions.append(
                Question(
                    prompt=f"What is wrong with {element}? Tick every answer that fits.",
                    answer="; ".join(f"It {_plain(name, kind)}." for name in chosen if name in here),
                    options=tuple(f"It {_plain(name, kind)}." for name in chosen),
                    correct=tuple(k for k, name in enumerate(chosen) if name in here),
                    pick="all",
                    why=quotes,
                    facts={"shape": "what", "target": finding.target, "checks": chosen, "flagged": here},
                )
            )
    if not questions:
        raise ExerciseError("argmap check finds only flaws this map offers no wrong options for")
    renamed = tuple(f if f.target in amap.sources else replace(f, target=numbering.label(f.target)) for f in findings)
    return Worksheet(
        kind=NAME,
        title=TITLE,
        map_title=amap.title,
        instructions=INSTRUCTIONS,
        questions=tuple(questions),
        key_map=numbered_map(amap, numbering),
        sheet_map=numbered_map(amap, numbering),
        key_findings=renamed,
        numbers=numbering.as_dict(),
    )
