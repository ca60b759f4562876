"""Structural analyses of a map's graph, shared by checks, evaluation and renderers.

Graph-first free functions in the manner of ``networkx.algorithms``: each takes an
:class:`ArgumentMap` and returns plain sets or dicts; none prints. Every function runs
in time linear in the map's size, except :func:`necessary_premises`, whose sets grow
with the depth of the support tree. Only :func:`support_graph` imports networkx: the
others walk the map's own indexes, so checking a map does not pay for that import.
"""

from __future__ import annotations

import graphlib
from collections import deque
from collections.abc import Collection
from typing import TYPE_CHECKING

from argmap.model import ArgumentMap

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
    """Elements with a chain of support or attack to the thesis (the thesis included)."""
    reached = {amap.thesis}
    stack = [amap.thesis]
    while stack:
        element = stack.pop()
        before = [inf.id for inf in amap.inferences_to(element)]
        if element in amap.inferences:
            before.extend(amap.inferences[element].premises)
        for other in before:
            if other not in reached:
                reached.add(other)
                stack.append(other)
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
    linear pass (a topological sort with :mod:`graphlib`), without networkx.
    """
    premises: dict[str, list[str]] = {}
    for inf in amap.inferences.values():
        if inf.is_support and inf.target in amap.claims:
            premises.setdefault(inf.target, []).extend(inf.premises)
    sorter = graphlib.TopologicalSorter(premises)
    try:
        sorter.prepare()
    except graphlib.CycleError:
        pass
    else:
        return set()
    ordered: set[str] = set()
    while sorter.is_active():
        ready = sorter.get_ready()
        ordered.update(ready)
        sorter.done(*ready)
    nodes = set(premises).union(*premises.values())
    return nodes - ordered


def derivable_claims(amap: ArgumentMap) -> list[str]:
    """Claims reachable from the basic ones through support, in the order they are derived.

    A claim with no support is basic and derivable; a supported claim is derivable when all
    co-premises of one of its supports are. Circular support alone derives nothing.
    """
    waiting: dict[str, int] = {}
    order: list[str] = []
    derived: set[str] = set()
    for cid in amap.claims:
        if not amap.supports_of(cid):
            order.append(cid)
            derived.add(cid)
    for inf in amap.inferences.values():
        if inf.is_support and inf.target in amap.claims:
            waiting[inf.id] = len(inf.premises)
    i = 0
    while i < len(order):
        claim = order[i]
        i += 1
        for inf in amap.inferences_from(claim):
            if inf.id not in waiting:
                continue
            waiting[inf.id] -= 1
            if waiting[inf.id] == 0 and inf.target not in derived:
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
    order = derivable_claims(amap)
    derived = set(order)
    if target not in derived:
        return set()
    tree = support_tree(amap, target)
    order = [c for c in order if c in tree]
    need: dict[str, frozenset[str] | None] = {c: None for c in order}  # None stands for "everything"
    changed = True
    while changed:
        changed = False
        for claim in order:
            best: frozenset[str] | None = None
            supports = [s for s in amap.supports_of(claim) if all(p in derived for p in s.premises)]
            if not supports:
                best = frozenset()
            for inf in supports:
                parts = [need[p] for p in inf.premises]
                if any(part is None for part in parts):
                    continue
                line = frozenset().union(*parts)  # type: ignore[arg-type]
                best = line if best is None else best & line
            new = None if best is None else best | {claim}
            if new != need[claim]:
                need[claim] = new
                changed = True
    result = need[target]
    return set() if result is None else set(result) - {target}
