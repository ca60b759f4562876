"""AIF JSON export (AIFdb's nodeset shape; OVA's xAIF wrapper when the map came in one).

Claims become I-nodes, support inferences RA-nodes and attacks CA-nodes, with edges
premise -> S-node -> target (the target may be another S-node: an undercut). What the
AIF reader kept (MA rephrases, the dialogue layer of L, YA and TA nodes, locutions,
participants, OVA's layout) is written back with its original ids; kept edges whose
ends are gone are left out, so the document stays consistent.

Node ids keep the source's convention: a document whose ids were JSON integers (xAIF from
argument-mining pipelines) gets integer ids back, so that ``nodeID`` and ``fromID``/``toID``
still compare equal in tools that do not turn them into strings. An S-node with several
conclusions, which the reader split into one inference per conclusion, is written back as
the one node while the parts keep its type and premises.

AIF has no place for a title, a thesis, sources, assumptions, warrants or check
silencing, so these go into an ``argmap`` object beside ``nodes`` and ``edges``; AIF
tools ignore it and argmap's reader restores the map from it.
"""

from __future__ import annotations

import json
import re
from itertools import count
from typing import Any

from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["NAME", "SUFFIXES", "to_aif", "write"]

NAME = "aif"
SUFFIXES = (".aif.json", ".json")

_S_TYPES = {"support": ("RA", "Default Inference"), "attack": ("CA", "Default Conflict")}
_INTEGER = re.compile(r"0|-?[1-9][0-9]*")


def _integer_ids(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> bool:
    """Whether the document argmap read gave its node ids as JSON integers (and never as strings)."""
    ids = [n.get("nodeID") for n in nodes] + [e.get(k) for e in edges for k in ("fromID", "toID")]
    ids = [i for i in ids if i is not None]
    return bool(ids) and all(isinstance(i, int) and not isinstance(i, bool) for i in ids)


def _claim_meta(claim: Claim) -> dict[str, Any]:
    meta: dict[str, Any] = {k: getattr(claim, k) for k in ("source", "status", "weight", "quote", "page", "note")}
    meta = {k: v for k, v in meta.items() if v is not None}
    if claim.assumption:
        meta["assumption"] = True
    if claim.tags:
        meta["tags"] = list(claim.tags)
    if claim.ignore:
        meta["ignore"] = sorted(claim.ignore)
    data = {k: v for k, v in claim.data.items() if k != "aif"}
    if data:
        meta["data"] = data
    return meta


def _inference_meta(inf: Inference) -> dict[str, Any]:
    meta: dict[str, Any] = {k: getattr(inf, k) for k in ("warrant", "note") if getattr(inf, k) is not None}
    if inf.ignore:
        meta["ignore"] = sorted(inf.ignore)
    data = {k: v for k, v in inf.data.items() if k != "aif"}
    if data:
        meta["data"] = data
    if meta or inf.explicit_id:
        meta["anonymous"] = not inf.explicit_id
    return meta


class _Edges:
    """Edges with ids: the original edge object where one joins the same nodes, else a new id."""

    def __init__(self, kept: list[dict[str, Any]], originals: list[dict[str, Any]]) -> None:
        ids = [e["edgeID"] for e in [*kept, *originals] if "edgeID" in e]
        numeric = all(isinstance(i, int) or (isinstance(i, str) and i.isdigit()) for i in ids)
        self.taken = {str(i) for i in ids}
        start = max((int(i) for i in ids), default=0) + 1 if numeric else 1
        self.numeric = numeric
        self.counter = count(start)
        self.out: list[dict[str, Any]] = []

    def new_id(self) -> int | str:
        while True:
            n = next(self.counter)
            candidate: int | str = n if self.numeric else f"e{n}"
            if str(candidate) not in self.taken:
                self.taken.add(str(candidate))
                return candidate

    def add(self, source: str, target: str, originals: list[dict[str, Any]], as_id: Any = str) -> None:
        for edge in originals:
            if str(edge.get("fromID")) == source and str(edge.get("toID")) == target:
                self.out.append(edge)
                return
        self.out.append({"edgeID": self.new_id(), "fromID": as_id(source), "toID": as_id(target)})


def to_aif(amap: ArgumentMap) -> dict[str, Any]:
    """The map as an AIF document (a dict ready for ``json.dumps``)."""
    kept = amap.data.get("aif", {})
    kept_nodes = [n for n in kept.get("nodes", []) if isinstance(n, dict)]
    kept_edges = [e for e in kept.get("edges", []) if isinstance(e, dict)]
    originals = [e for inf in amap.inferences.values() for e in inf.data.get("aif", {}).get("edges", [])]
    integers = _integer_ids(kept_nodes, [*kept_edges, *originals])

    def as_id(node_id: str) -> int | str:
        return int(node_id) if integers and _INTEGER.fullmatch(node_id) else node_id

    nodes: list[dict[str, Any]] = []
    for claim in amap.claims.values():
        nodes.append({"nodeID": as_id(claim.id), "text": claim.text, "type": "I", **claim.data.get("aif", {})})
    edges = _Edges(kept_edges, originals)
    written: dict[str, Inference] = {}
    for inf in amap.inferences.values():
        own = inf.data.get("aif", {}).get("edges", [])
        whole = written.get(inf.data.get("aif", {}).get("split_from", ""))
        if whole is not None and (whole.type, whole.premises) == (inf.type, inf.premises):
            edges.add(whole.id, inf.target, own, as_id)
            continue
        kind, default_text = _S_TYPES[inf.type]
        extra = dict(inf.data.get("aif", {}).get("node", {}))
        text = extra.pop("text", default_text)
        nodes.append({"nodeID": as_id(inf.id), "text": text, "type": kind, **extra})
        written[inf.id] = inf
        for premise in inf.premises:
            edges.add(premise, inf.id, own, as_id)
        edges.add(inf.id, inf.target, own, as_id)
    present = {str(n["nodeID"]) for n in nodes}
    for node in kept_nodes:
        if str(node.get("nodeID")) not in present:
            nodes.append(node)
            present.add(str(node.get("nodeID")))
    edges.out.extend(e for e in kept_edges if str(e.get("fromID")) in present and str(e.get("toID")) in present)
    meta: dict[str, Any] = {"title": amap.title, "thesis": amap.thesis}
    if amap.description is not None:
        meta["description"] = amap.description
    if amap.sources:
        meta["sources"] = [
            {"id": s.id, "citation": s.citation, **({"url": s.url} if s.url else {})} for s in amap.sources.values()
        ]
    claims = {c.id: m for c in amap.claims.values() if (m := _claim_meta(c))}
    inferences = {i.id: m for i in amap.inferences.values() if (m := _inference_meta(i))}
    if claims:
        meta["claims"] = claims
    if inferences:
        meta["inferences"] = inferences
    data = {k: v for k, v in amap.data.items() if k != "aif"}
    if data:
        meta["data"] = data
    document = {"nodes": nodes, "edges": edges.out, **kept.get("document", {}), "argmap": meta}
    if "wrapper" in kept:
        return {"AIF": document, **kept["wrapper"]}
    return document


def write(amap: ArgumentMap) -> str:
    """The map as AIF JSON text."""
    return json.dumps(to_aif(amap), indent=2, ensure_ascii=False, default=str) + "\n"
