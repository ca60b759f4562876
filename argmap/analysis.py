"""Structural analyses of a map's graph, shared by checks, evaluation and renderers.

Graph-first free functions in the manner of ``networkx.algorithms``: each takes an
:class:`ArgumentMap` and returns plain sets or dicts; none prints. Every function runs
in time linear in the map's size, except :func:`necessary_premises`, whose sets grow
with the depth of the support tree. Only :func:`support_graph` imports networkx: the
others walk the map's own tables, so checking a map does not pay for that import.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection
from typing import TYPE_CHECKING

from argmap.model import SUPPORT, ArgumentMap, Inference

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "circle_suspects",
    "derivable_claims",
    "necessary_premises",
    "reaching_thesis",
    "support_graph",
    "support_tree",
]


def reaching_thesis(amap: ArgumentMap) -> set[str]:
    """Elements with a chain of support or attack to the thesis (the thesis included).

    One pass over the inferences in map order: one whose target is reached already is
    followed at once, and one met before its target waits until the target is reached.
    A map written from the thesis down is read in that single pass.
    """
    reached = {amap.thesis}
    waiting: dict[str, list[Inference]] = {}  # element not reached yet -> the inferences into it met so far
    stack: list[Inference] = []
    for inf in amap.inferences.values():
        if inf.target not in reached:
            waiting.setdefault(inf.target, []).append(inf)
            continue
        stack.append(inf)
        while stack:
            step = stack.pop()
            reached.add(step.id)
            if waiting:
                stack.extend(waiting.pop(step.id, ()))
            for premise in step.premises:
                if premise not in reached:
                    reached.add(premise)
                    if waiting:
                        stack.extend(waiting.pop(premise, ()))
    return reached


def support_tree(amap: ArgumentMap, target: str | None = None) -> set[str]:
    """The target (default: the thesis), the support inferences for it, their premises, and so on down.

    Attacks are not part of the tree; what they attack may be.
    """
    target = amap.thesis if target is None else target
    tree = {target}
    queue = deque([target])
    while queue:
        claim = queue.popleft()
        for inf in amap.supports_of(claim):
            if inf.id in tree:
                continue
            tree.add(inf.id)
            for premise in inf.premises:
                if premise not in tree:
                    tree.add(premise)
                    queue.append(premise)
    return tree


def support_graph(amap: ArgumentMap, within: Collection[str] | None = None) -> nx.DiGraph:
    """Claims only, with an edge premise -> conclusion for each support inference between claims.

    ``within`` keeps only those claims (and the edges among them), in map order.
    """
    import networkx as nx

    keep = amap.claims.keys() if within is None else within
    graph = nx.DiGraph()
    graph.add_nodes_from(c for c in amap.claims if c in keep)
    for inf in amap.inferences.values():
        if inf.is_support and inf.target in keep:
            graph.add_edges_from((premise, inf.target) for premise in inf.premises if premise in keep)
    return graph


def circle_suspects(amap: ArgumentMap) -> set[str]:
    """Claims on a circle of support and the claims that rest on them; empty when there is no circle.

    Every circle lies within this set, so circles can be looked for there alone. One
    linear pass, a topological sort (Kahn's): a claim is sorted once every premise of
    every support for it is; what is never sorted waits on a circle. A premise without
    support of its own is sorted from the start, so only supported premises are counted.
    """
    claims = amap.claims
    supports = [inf for inf in amap.inferences.values() if inf.type == SUPPORT and inf.target in claims]
    waiting = dict.fromkeys([inf.target for inf in supports], 0)  # supported claim -> its premises not yet sorted
    onward: dict[str, list[str]] = {}  # supported premise -> the claims it supports, once per support
    for inf in supports:
        for premise in inf.premises:
            if premise in waiting:
                waiting[inf.target] += 1
                onward.setdefault(premise, []).append(inf.target)
    ready = [claim for claim, left in waiting.items() if not left]
    while ready:
        for claim in onward.get(ready.pop(), ()):
            waiting[claim] -= 1
            if not waiting[claim]:
                ready.append(claim)
    return {claim for claim, left in waiting.items() if left}


def derivable_claims(amap: ArgumentMap) -> list[str]:
    """Claims reachable from the basic ones through support, in the order they are derived.

    A claim with no support is basic and derivable; a supported claim is derivable when all
    co-premises of one of its supports are. Circular support alone derives nothing.
    """
    waiting: dict[str, int] = {}  # support -> its premises not yet derived
    uses: dict[str, list[Inference]] = {}  # premise -> the supports of claims it is a premise of, in map order
    supported: set[str] = set()
    claims = amap.claims
    for inf in amap.inferences.values():
        if inf.type == SUPPORT and inf.target in claims:
            supported.add(inf.target)
            waiting[inf.id] = len(inf.premises)
            for premise in inf.premises:
                uses.setdefault(premise, []).append(inf)
    order = [cid for cid in claims if cid not in supported]
    derived = set(order)
    for claim in order:  # grows while it is walked: breadth-first
        for inf in uses.get(claim, ()):
            waiting[inf.id] -= 1
            if not waiting[inf.id] and inf.target not in derived:
                derived.add(inf.target)
                order.append(inf.target)
    return order


def necessary_premises(amap: ArgumentMap, target: str | None = None) -> set[str]:
    """Claims without which ``target`` (default: the thesis) has no line of support left.

    Solves ``need(c) = {c} | intersection over working supports s of (union of need(p), p in s)``
    as a greatest fixed point, like dominators in a flow graph, over the target's support
    tree. The result excludes the target; it is empty when the target cannot be derived.
    """
    target = amap.thesis if target is None else target
    # The target's support tree, claim by claim in breadth-first order: whether a claim there
    # can be derived, and what it needs, depends on the tree alone.
    supports = {target: amap.supports_of(target)}
    tree = [target]
    waiting: dict[str, int] = {}  # support -> its premises not yet derived
    uses: dict[str, list[Inference]] = {}  # premise -> the supports it is a premise of
    for claim in tree:  # grows while it is walked
        for inf in supports[claim]:
            waiting[inf.id] = len(inf.premises)
            for premise in inf.premises:
                uses.setdefault(premise, []).append(inf)
                if premise not in supports:
                    supports[premise] = amap.supports_of(premise)
                    tree.append(premise)
    order = [claim for claim in tree if not supports[claim]]  # basic claims, then claims as they are derived
    derived = set(order)
    for claim in order:  # grows while it is walked
        for inf in uses.get(claim, ()):
            waiting[inf.id] -= 1
            if not waiting[inf.id] and inf.target not in derived:
                derived.add(inf.target)
                order.append(inf.target)
    if target not in derived:
        return set()
    # A basic claim needs itself alone; a derived one starts at None, "everything", and shrinks.
    need: dict[str, frozenset[str] | None] = {}
    lines: dict[str, list[tuple[str, ...]]] = {}  # derived claim -> premises of its working supports
    feeds: dict[str, list[str]] = {}  # derived premise -> the claims it is on a line of
    for claim in order:
        if not supports[claim]:
            need[claim] = frozenset((claim,))
            continue
        need[claim] = None
        lines[claim] = [inf.premises for inf in supports[claim] if not waiting[inf.id]]
        for premises in lines[claim]:
            for premise in premises:
                if supports[premise]:
                    feeds.setdefault(premise, []).append(claim)
    # A worklist: every derived claim once, in the order of derivation, then again whenever
    # a premise's set shrinks.
    queue = deque(lines)
    queued = set(lines)
    while queue:
        claim = queue.popleft()
        queued.discard(claim)
        best: frozenset[str] | None = None
        for premises in lines[claim]:
            parts = [need[p] for p in premises]
            if None in parts:
                continue
            line = parts[0] if len(parts) == 1 else frozenset().union(*parts)  # type: ignore[arg-type]
            best = line if best is None else best & line
        new = None if best is None else best | {claim}
        if new != need[claim]:
            need[claim] = new
            for later in feeds.get(claim, ()):
                if later not in queued:
                    queued.add(later)
                    queue.append(later)
    result = need[target]
    return set() if result is None else set(result) - {target}
