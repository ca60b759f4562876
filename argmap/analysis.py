"""Structural analyses of a map's graph, shared by checks, evaluation and renderers.

Graph-first free functions in the manner of ``networkx.algorithms``: each takes an
:class:`ArgumentMap` and returns plain sets or dicts; none prints. Every function runs
in time linear in the map's size, except :func:`necessary_premises`, whose sets grow
with the depth of the support tree.
"""

from __future__ import annotations

from collections import deque

import networkx as nx

from argmap.model import ArgumentMap

__all__ = [
    "derivable_claims",
    "necessary_premises",
    "reaching_thesis",
    "support_graph",
    "support_tree",
]


def reaching_thesis(amap: ArgumentMap) -> set[str]:
    """Elements with a chain of support or attack to the thesis (the thesis included)."""
    return nx.ancestors(amap.graph, amap.thesis) | {amap.thesis}


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


def support_graph(amap: ArgumentMap) -> nx.DiGraph:
    """Claims only, with an edge premise -> conclusion for each support inference between claims."""
    graph = nx.DiGraph()
    graph.add_nodes_from(amap.claims)
    for inf in amap.inferences.values():
        if inf.is_support and inf.target in amap.claims:
            graph.add_edges_from((premise, inf.target) for premise in inf.premises)
    return graph


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
