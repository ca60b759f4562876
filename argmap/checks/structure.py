"""Checks on the shape of the graph: cycles, islands, and claims that pull both ways."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from argmap.analysis import circle_suspects, reaching_thesis, support_graph
from argmap.checks import Flag, check
from argmap.model import ArgumentMap


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
    import networkx as nx

    graph = support_graph(amap, suspects)
    for component in nx.strongly_connected_components(graph):
        if len(component) == 1:
            (only,) = component
            if not graph.has_edge(only, only):
                continue
        circle = graph.subgraph(component)
        for cid in sorted(component, key=lambda c: (amap.line_of(c), c)):
            if circle.has_edge(cid, cid):
                path = [cid, cid]
            else:
                back = min((nx.shortest_path(circle, s, cid) for s in circle.successors(cid)), key=len)
                path = [cid, *back]
            yield Flag(cid, f"'{cid}' supports itself: {' -> '.join(path)}")


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
    for element in [*amap.claims.values(), *amap.inferences.values()]:
        if element.id not in connected:
            name = amap.describe(element.id)
            yield Flag(element.id, f"{element.kind} {name} does not lead to the thesis '{amap.thesis}'")


@check(
    "AM106",
    "support-and-attack",
    "warning",
    summary="the same claim both supports and attacks the same target",
    hint="decide which way the claim points; if both, split it into two claims that say each part",
)
def support_and_attack(amap: ArgumentMap) -> Iterator[Flag]:
    """A claim that pulls both ways on one target is ambiguous or two claims in one."""
    for claim in amap.claims.values():
        kinds: dict[str, set[str]] = defaultdict(set)
        for inf in amap.inferences_from(claim.id):
            kinds[inf.target].add(inf.type)
        for target, types in kinds.items():
            if len(types) == 2:
                yield Flag(claim.id, f"'{claim.id}' both supports and attacks {amap.describe(target)}")
