"""Parts of a map small enough to draw: the neighbourhood of a claim, or the top of the argument.

Graphviz lays out a few thousand elements in seconds but takes minutes beyond that, and
a diagram of 50,000 boxes reads as nothing anyway. :func:`neighbourhood` keeps the
elements within a number of steps of one claim, plus the line of reasons that leads
from it up to the thesis, so the part still shows where it sits in the argument. A
step is one inference: the reasons and objections aimed at a claim (with all their
linked co-premises, and the undercuts aimed at them) are one step below it; what the
claim is a premise of (with its co-premises) is one step above. With the thesis as the
focus, this is the top of the argument to a given depth (:func:`depth_within` finds the
deepest that fits a budget). Nothing is cut in the middle of a reason: an inference is
kept with all its premises and its target, or not at all.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["depth_within", "distances", "hidden_below", "neighbourhood"]


def distances(amap: ArgumentMap, focus: str, limit: int | None = None) -> dict[str, int]:
    """Steps from ``focus`` to every element within ``limit`` steps (all it connects to if ``None``).

    A reason always comes whole: an inference gets the step at which it is reached, and
    so do its premises, its target, the undercuts aimed at it and the reason it undercuts.
    """
    steps: dict[str, int] = {}
    for _ in _levels(amap, focus, steps, limit):
        pass
    return steps


def _levels(amap: ArgumentMap, focus: str, steps: dict[str, int], limit: int | None = None) -> Iterator[list[str]]:
    """Fill ``steps`` one step at a time, yielding the claims first reached at each step (the focus first)."""
    if focus not in amap.claims:
        raise KeyError(focus)
    steps[focus] = 0
    frontier = [focus]
    yield frontier
    step = 0
    while frontier and (limit is None or step < limit):
        step += 1
        reached: list[str] = []
        for claim in frontier:
            for inf in [*amap.inferences_to(claim), *amap.inferences_from(claim)]:
                _take(amap, inf, step, steps, reached)
        frontier = reached
        if reached:
            yield reached


def _take(amap: ArgumentMap, inf: Inference, step: int, steps: dict[str, int], reached: list[str]) -> None:
    """Give ``inf`` and the rest of its reason the step ``step``; new claims go to ``reached``."""
    stack = [inf]
    while stack:
        inf = stack.pop()
        if inf.id in steps:
            continue
        steps[inf.id] = step
        for element in (inf.target, *inf.premises):
            if element in amap.claims and element not in steps:
                steps[element] = step
                reached.append(element)
        stack.extend(amap.inferences_to(inf.id))
        if inf.target in amap.inferences:
            stack.append(amap.inferences[inf.target])


def _trail(amap: ArgumentMap, focus: str) -> set[str]:
    """The shortest line of inferences from ``focus`` up to the thesis, each with its premises and target."""
    parent: dict[str, tuple[str, list[Inference]]] = {}
    seen = {focus}
    queue = deque([focus])
    while queue and amap.thesis not in seen:
        claim = queue.popleft()
        for inf in amap.inferences_from(claim):
            chain = [inf]
            while chain[-1].target in amap.inferences:  # an undercut: on to the conclusion of the reason it attacks
                chain.append(amap.inferences[chain[-1].target])
                if len(chain) > len(amap.inferences):  # undercuts that undercut each other reach no claim
                    break
            if chain[-1].target in amap.claims and chain[-1].target not in seen:
                seen.add(chain[-1].target)
                parent[chain[-1].target] = (claim, chain)
                queue.append(chain[-1].target)
    kept = {focus}
    claim = amap.thesis
    while claim in parent:
        claim, chain = parent[claim]
        for link in chain:
            kept.update((link.id, link.target, *link.premises))
    return kept


def neighbourhood(amap: ArgumentMap, focus: str | None = None, depth: int = 2) -> ArgumentMap:
    """The elements within ``depth`` steps of ``focus`` (default: the thesis), and its line to the thesis.

    The result is a map of its own, with the same thesis, ids, lines and sources cited by
    the kept claims; draw it with findings and labels computed on the whole map.
    """
    focus = amap.thesis if focus is None else focus
    keep = set(distances(amap, focus, depth)) | _trail(amap, focus) | {amap.thesis}
    claims = [c for c in amap.claims.values() if c.id in keep]
    inferences = [
        inf
        for inf in amap.inferences.values()
        if inf.target in keep and all(p in keep for p in inf.premises) and (inf.id in keep or inf.target in amap.claims)
    ]
    cited = {c.source for c in claims}
    where = "the top of the argument" if focus == amap.thesis else f"around '{focus}'"
    return ArgumentMap(
        f"{amap.title} ({where}, {depth} step{'s' if depth != 1 else ''})",
        amap.thesis,
        claims,
        inferences,
        [s for s in amap.sources.values() if s.id in cited],
        path=amap.path,
        description=amap.description,
        thesis_line=amap.thesis_line,
    )


def hidden_below(amap: ArgumentMap, part: ArgumentMap) -> list[Claim]:
    """Claims drawn in ``part`` that have reasons or objections in ``amap`` that ``part`` leaves out."""
    return [
        claim
        for claim in part.claims.values()
        if any(inf.id not in part.inferences for inf in amap.inferences_to(claim.id))
    ]


def depth_within(amap: ArgumentMap, claims: int, focus: str | None = None) -> int:
    """The most steps around ``focus`` (default: the thesis) that keep at most ``claims`` claims (at least 1)."""
    total = 0
    for step, reached in enumerate(_levels(amap, amap.thesis if focus is None else focus, {})):
        total += len(reached)
        if total > claims:
            return max(step - 1, 1)
    return max(step, 1)
