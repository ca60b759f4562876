"""AIF JSON (AIFdb nodesets, OVA's xAIF): the Argument Interchange Format.

AIF has I-nodes (propositions) and S-nodes that relate them: RA (inference), CA
(conflict), MA (rephrase), PA (preference); AIFdb adds the dialogue layer (L locutions,
YA illocutions, TA transitions). argmap reads the argument layer into its model:

* I-node -> claim (its ``nodeID`` is the claim id);
* RA-node -> support inference: every I-node with an edge into it is a linked co-premise,
  the node its edge leads to is the target;
* CA-node -> attack inference, the same way;
* an RA or CA whose target is another RA or CA -> an inference on an inference (an
  attack on one is an undercut);
* everything else (MA, PA, L, YA, TA, any other node type, the edges that touch them,
  ``locutions``, ``participants``, OVA's layout) is kept verbatim in ``amap.data["aif"]``
  and written back by the AIF writer, so nothing is silently dropped.

AIF has no thesis. argmap takes the ``thesis`` of an ``argmap`` object (written by
argmap's AIF export) or a top-level ``thesis`` key; otherwise the I-node that is a
conclusion and the premise of nothing, with the largest support tree (ties: first in
the file); with no inference at all, the first I-node that is the premise of nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.analysis import support_tree
from argmap.errors import MapError
from argmap.limits import MAX_ELEMENTS, check_elements
from argmap.model import ATTACK, SUPPORT, ArgumentMap, Claim, Inference, Source
from argmap.readers._json import JsonDoc, Trail, load_json, validate
from argmap.readers.json_map import claim_fields, inference_fields
from argmap.schemas import MAP_SCHEMA

__all__ = ["INFERENCE_TYPES", "NAME", "SUFFIXES", "read"]

NAME = "aif"
SUFFIXES = (".aif.json", ".json")

INFERENCE_TYPES = {"RA": SUPPORT, "CA": ATTACK}
"""The S-node types that become argmap inferences."""
_ELEMENT_TYPES = frozenset({"I", *INFERENCE_TYPES})
"""The node types that become claims and inferences, which :data:`~argmap.limits.MAX_ELEMENTS` counts."""

_META_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "thesis": {"type": ["string", "integer"]},
        "description": {"type": "string"},
        "sources": MAP_SCHEMA["properties"]["sources"],
        "claims": {"type": "object", "additionalProperties": {"$ref": "#/$defs/claimFields"}},
        "inferences": {"type": "object", "additionalProperties": {"$ref": "#/$defs/inferenceFields"}},
        "data": {"type": "object"},
    },
    "$defs": MAP_SCHEMA["$defs"],
}


@dataclass
class _Node:
    index: int
    id: str
    type: str
    raw: dict[str, Any]
    premises: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    conclusions: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def _node_id(doc: JsonDoc, value: Any, trail: Trail) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        raise doc.error(trail, "must be a non-empty string or an integer")
    return str(value)


class _Reader:
    def __init__(self, text: str, path: str | None) -> None:
        self.path = path
        self.doc = load_json(text, path)

    def error(self, trail: Trail, message: str) -> MapError:
        return self.doc.error(trail, message)

    def read(self) -> ArgumentMap:
        root = self.doc.data
        if not isinstance(root, dict):
            raise self.error([], "an AIF file is a JSON object with 'nodes' and 'edges'")
        base: list[str | int] = []
        aif, wrapper = root, None
        if isinstance(root.get("AIF"), dict):
            base, aif, wrapper = ["AIF"], root["AIF"], {k: v for k, v in root.items() if k != "AIF"}
        elif root.get("format") == "argmap":
            raise self.error([], "this is argmap's own JSON, not AIF: name it *.argmap.json or use --from json")
        if "nodes" not in aif:
            raise self.error(base, "no 'nodes' list: this is not an AIF document (AIFdb or OVA's xAIF)")
        nodes = self.nodes(aif["nodes"], [*base, "nodes"])
        edges = aif.get("edges", [])
        self.edges(edges, [*base, "edges"], nodes)
        meta = aif.get("argmap", {})
        validate(self.doc, meta, _META_SCHEMA, [*base, "argmap"])
        mapped = self.mapped(nodes)
        claims = self.claims(nodes, meta.get("claims", {}), [*base, "argmap", "claims"])
        inferences, used = self.inferences(nodes, mapped, meta.get("inferences", {}))
        kept_nodes = [n.raw for n in nodes.values() if n.type != "I" and n.id not in mapped]
        kept_edges = [e for e in edges if id(e) not in used]
        data: dict[str, Any] = {
            "aif": {
                "nodes": kept_nodes,
                "edges": kept_edges,
                "document": {k: v for k, v in aif.items() if k not in ("nodes", "edges", "argmap")},
            }
        }
        if wrapper is not None:
            data["aif"]["wrapper"] = wrapper
        if "data" in meta:
            data.update({k: v for k, v in meta["data"].items() if k != "aif"})
        sources = [Source(s["id"], s["citation"], s.get("url")) for s in meta.get("sources", [])]
        thesis = self.thesis(meta, aif, root, base, claims, inferences, sources)
        title = meta.get("title") or (Path(self.path).name.split(".")[0] if self.path else "AIF map")
        return ArgumentMap(
            title,
            thesis,
            claims,
            inferences,
            sources,
            path=self.path,
            description=meta.get("description"),
            data=data,
        )

    # -- the document ---------------------------------------------------------------

    def nodes(self, raw: Any, trail: list[str | int]) -> dict[str, _Node]:
        if not isinstance(raw, list):
            raise self.error(trail, "must be a list of nodes")
        nodes: dict[str, _Node] = {}
        elements, limit = 0, MAX_ELEMENTS.value(self.path)
        for i, node in enumerate(raw):
            where = [*trail, i]
            if not isinstance(node, dict):
                raise self.error(where, "each node must be an object with nodeID, type and text")
            for key in ("nodeID", "type"):
                if key not in node:
                    raise self.error(where, f"the node has no '{key}'")
            nid = _node_id(self.doc, node["nodeID"], [*where, "nodeID"])
            if nid in nodes:
                raise self.error([*where, "nodeID"], f"duplicate nodeID '{nid}' (also nodes[{nodes[nid].index}])")
            kind = node["type"]
            if not isinstance(kind, str) or not kind.strip():
                raise self.error([*where, "type"], "must be a node type such as I, RA, CA, MA, L, YA or TA")
            is_i = kind.strip().upper() == "I"
            if is_i and "text" not in node:
                raise self.error(where, "an I-node needs 'text': the proposition")
            # Only an I-node's text is read: another node's text (a scheme name, a locution) may
            # be null, and is kept as it is.
            if "text" in node and not isinstance(node["text"], str) and (is_i or node["text"] is not None):
                raise self.error([*where, "text"], "must be a string")
            nodes[nid] = _Node(i, nid, kind.strip().upper(), node)
            if nodes[nid].type in _ELEMENT_TYPES:
                elements += 1
                if elements > limit:
                    check_elements(elements, self.path, *self.doc.where(where))
        return nodes

    def edges(self, raw: Any, trail: list[str | int], nodes: dict[str, _Node]) -> None:
        if not isinstance(raw, list):
            raise self.error(trail, "must be a list of edges")
        for j, edge in enumerate(raw):
            where = [*trail, j]
            if not isinstance(edge, dict):
                raise self.error(where, "each edge must be an object with fromID and toID")
            ends = []
            for key in ("fromID", "toID"):
                if key not in edge:
                    raise self.error(where, f"the edge has no '{key}'")
                nid = _node_id(self.doc, edge[key], [*where, key])
                if nid not in nodes:
                    raise self.error([*where, key], f"no node has nodeID '{nid}'")
                ends.append(nid)
            source, target = (nodes[n] for n in ends)
            if target.type in INFERENCE_TYPES and source.type == "I":
                target.premises.append((source.id, edge))
            leads_on = target.type == "I" or target.type in INFERENCE_TYPES
            if source.type in INFERENCE_TYPES and leads_on and target.id != source.id:
                source.conclusions.append((target.id, edge))

    @staticmethod
    def mapped(nodes: dict[str, _Node]) -> set[str]:
        """RA/CA nodes that become inferences: with a premise and a target that is a claim or mapped."""
        chosen = {n.id for n in nodes.values() if n.type in INFERENCE_TYPES and n.premises and n.conclusions}
        changed = True
        while changed:
            changed = False
            for nid in sorted(chosen):
                if not any(nodes[t].type == "I" or t in chosen for t, _ in nodes[nid].conclusions):
                    chosen.discard(nid)
                    changed = True
        return chosen

    def claims(self, nodes: dict[str, _Node], meta: dict[str, Any], trail: list[str | int]) -> list[Claim]:
        claims = []
        for node in nodes.values():
            if node.type != "I":
                continue
            extra = {k: v for k, v in node.raw.items() if k not in ("nodeID", "text", "type")}
            fields = meta.get(node.id, {})
            data = dict(fields.get("data", {}))
            if extra:
                data["aif"] = extra
            claims.append(
                Claim(node.id, node.raw["text"], line=self.doc.line_of(node.raw), data=data, **claim_fields(fields))
            )
        for cid in meta:
            if cid not in nodes or nodes[cid].type != "I":
                raise self.error([*trail, cid], f"'{cid}' is not the nodeID of an I-node")
        return claims

    def inferences(
        self, nodes: dict[str, _Node], mapped: set[str], meta: dict[str, Any]
    ) -> tuple[list[Inference], set[int]]:
        """One inference per mapped S-node and target (a malformed node with two targets is split)."""
        inferences: list[Inference] = []
        used: set[int] = set()
        taken = set(nodes)
        for node in nodes.values():
            if node.id not in mapped:
                continue
            premises = list(dict.fromkeys(p for p, _ in node.premises))
            targets = [(t, e) for t, e in node.conclusions if nodes[t].type == "I" or t in mapped]
            extra = {k: v for k, v in node.raw.items() if k not in ("nodeID", "type")}
            fields = meta.get(node.id, {"anonymous": True})
            for k, (target, edge) in enumerate(targets):
                iid = node.id
                if k:
                    n = k + 1
                    while f"{node.id}~{n}" in taken:
                        n += 1
                    iid = f"{node.id}~{n}"
                    taken.add(iid)
                edges = [e for _, e in node.premises] + [edge]
                used.update(id(e) for e in edges)
                data = dict(fields.get("data", {}))
                data["aif"] = {"node": extra, "edges": edges}
                if k:
                    data["aif"]["split_from"] = node.id
                inferences.append(
                    Inference(
                        iid,
                        tuple(premises),
                        target,
                        INFERENCE_TYPES[node.type],
                        line=self.doc.line_of(node.raw),
                        data=data,
                        **{"explicit_id": True, **inference_fields(fields)},
                    )
                )
        return inferences, used

    def thesis(
        self,
        meta: dict[str, Any],
        aif: dict[str, Any],
        root: dict[str, Any],
        base: list[str | int],
        claims: list[Claim],
        inferences: list[Inference],
        sources: list[Source],
    ) -> str:
        for holder, trail in ((meta, [*base, "argmap", "thesis"]), (aif, [*base, "thesis"]), (root, ["thesis"])):
            if "thesis" in holder:
                thesis = _node_id(self.doc, holder["thesis"], trail)
                if thesis not in {c.id for c in claims}:
                    raise self.error(trail, f"'{thesis}' is not the nodeID of an I-node")
                return thesis
        if not claims:
            raise self.error(base, "the document has no I-nodes: there is no claim to map")
        return _main_conclusion(claims, inferences, sources)


def _main_conclusion(claims: list[Claim], inferences: list[Inference], sources: list[Source]) -> str:
    """The thesis rule for AIF (see the module docstring); the sources let the probe map accept the claims' citations."""
    premises = {p for inf in inferences for p in inf.premises}
    concluded = {inf.target for inf in inferences if inf.is_support}
    tops = [c.id for c in claims if c.id not in premises and c.id in concluded]
    if not tops:
        loose = [c.id for c in claims if c.id not in premises]
        return loose[0] if loose else claims[0].id
    probe = ArgumentMap("probe", tops[0], claims, inferences, sources)
    return max(tops, key=lambda cid: (len(support_tree(probe, cid)), -tops.index(cid)))


def read(text: str, path: str | None = None) -> ArgumentMap:
    """Read AIF or xAIF JSON into an :class:`ArgumentMap`."""
    return _Reader(text, path).read()
