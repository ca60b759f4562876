"""Checks on the shape of the graph: cycles, islands, and claims that pull both ways."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterator
from itertools import chain

from argmap.analysis import circle_suspects, reaching_thesis
from argmap.checks import Flag, check
from argmap.model import ATTACK, SUPPORT, ArgumentMap


@check(
    "AM103",
    "circular-support",
    "error",
    summary="a claim that supports itself through a chain of inferences",
    hint="break the circle: at least one claim on it needs a reason from outside the circle",
)
def circular_support(amap: ArgumentMap) -> Iterator[Flag]:
    """Begging the question: the claim is assumed in its own defence, so the circle proves nothing."""
    suspects = circle_suspects(amap)
    if not suspects:
        return
    # premise -> conclusions it supports, among the suspects, in map order (networkx would
    # cost a 0.2 s import for a small map with a circle)
    onward: dict[str, list[str]] = {c: [] for c in amap.claims if c in suspects}
    for inf in amap.inferences.values():
        if inf.is_support and inf.target in onward:
            for premise in inf.premises:
                if premise in onward and inf.target not in onward[premise]:
                    onward[premise].append(inf.target)
    order = {c: i for i, c in enumerate(onward)}
    for component in _strong_components(onward):
        if len(component) == 1:
            (only,) = component
            if only not in onward[only]:
                continue
        members = sorted(component, key=order.__getitem__)  # map order, so ties break the same way every run
        for cid in sorted(component, key=lambda c: (amap.line_of(c), c)):
            path = [cid, cid] if cid in onward[cid] else [cid, *_shortest_back(onward, members, cid)]
            yield Flag(cid, f"'{cid}' supports itself: {' -> '.join(path)}")


def _strong_components(onward: dict[str, list[str]]) -> Iterator[set[str]]:
    """Strongly connected components (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in onward:
        if root in index:
            continue
        work = [(root, iter(onward[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(onward[nxt])))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    yield component


def _shortest_back(onward: dict[str, list[str]], members: list[str], cid: str) -> list[str]:
    """A shortest path among ``members`` (a component, in map order) from a conclusion of ``cid`` back to ``cid``.

    On a tie the way through the claim first in the map wins.
    """
    component = set(members)
    back: dict[str, list[str]] = {c: [] for c in members}
    for premise in members:
        for conclusion in onward[premise]:
            if conclusion in component:
                back[conclusion].append(premise)
    towards = {cid: cid}  # claim -> the next claim on its shortest way to cid
    queue = deque([cid])
    while queue:
        claim = queue.popleft()
        for premise in back[claim]:
            if premise not in towards:
                towards[premise] = claim
                queue.append(premise)
    distance: dict[str, int] = {}
    for claim in towards:  # towards is filled in breadth-first order
        distance[claim] = 0 if claim == cid else distance[towards[claim]] + 1
    start = min((c for c in onward[cid] if c in component and c != cid), key=distance.__getitem__)
    path = [start]
    while path[-1] != cid:
        path.append(towards[path[-1]])
    return path


@check(
    "AM104",
    "disconnected",
    "warning",
    summary="a claim or inference that reaches the thesis by no chain of support or attack",
    hint="connect it to the argument with an inference, or remove it",
)
def disconnected(amap: ArgumentMap) -> Iterator[Flag]:
    """An element that bears on nothing the map argues for is clutter or a missing link."""
    connected = reaching_thesis(amap)
    if len(connected) == len(amap.claims) + len(amap.inferences):
        return
    for eid in chain(amap.claims, amap.inferences):
        if eid not in connected:
            element = amap.element(eid)
            yield Flag(eid, f"{element.kind} {amap.describe(eid)} does not lead to the thesis '{amap.thesis}'")


@check(
    "AM106",
    "support-and-attack",
    "warning",
    summary="the same claim both supports and attacks the same target",
    hint="decide which way the claim points; if both, split it into two claims that say each part",
)
def support_and_attack(amap: ArgumentMap) -> Iterator[Flag]:
    """A claim that pulls both ways on one target is ambiguous or two claims in one.

    Only a claim that attacks something can, so the attackers of each target are
    gathered first and the supports' premises looked up among them; the claims found
    there are then looked at one by one.
    """
    attackers: dict[str, set[str]] = {}  # target -> the claims among the premises of attacks on it
    for inf in amap.inferences.values():
        if inf.type == ATTACK:
            attackers.setdefault(inf.target, set()).update(inf.premises)
    torn: set[str] = set()
    for inf in amap.inferences.values():
        if inf.type == SUPPORT and inf.target in attackers:
            torn.update(attackers[inf.target].intersection(inf.premises))
    if not torn:
        return
    for claim in amap.claims:
        if claim not in torn:
            continue
        kinds: dict[str, set[str]] = defaultdict(set)
        for inf in amap.inferences_from(claim):
            kinds[inf.target].add(inf.type)
        for target, types in kinds.items():
            if len(types) == 2:
                yield Flag(claim, f"'{claim}' both supports and attacks {amap.describe(target)}")
