"""argmap's JSON export (``*.argmap.json``): the whole map, lossless, for programs.

Claims, inferences and sources are lists of objects with ids, in map order, so that
JSON tools and graph libraries can use them directly. Everything readers kept in
``data`` (AIF node fields, Kialo numbers) is written too, so a map read from AIF
survives a detour through this format. The schema is ``argmap schema`` /
``docs/schema/argmap-map.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.model import ArgumentMap, Claim, Inference

__all__ = ["NAME", "SUFFIXES", "to_dict", "write"]

NAME = "json"
SUFFIXES = (".argmap.json",)


def _claim(claim: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {"id": claim.id, "text": claim.text}
    for key in ("source", "status", "weight", "quote", "page", "note"):
        if getattr(claim, key) is not None:
            out[key] = getattr(claim, key)
    if claim.assumption:
        out["assumption"] = True
    if claim.tags:
        out["tags"] = list(claim.tags)
    if claim.ignore:
        out["ignore"] = sorted(claim.ignore)
    if claim.data:
        out["data"] = claim.data
    return out


def _inference(inf: Inference) -> dict[str, Any]:
    out: dict[str, Any] = {"id": inf.id, "from": list(inf.premises), "to": inf.target, "type": inf.type}
    for key in ("warrant", "note"):
        if getattr(inf, key) is not None:
            out[key] = getattr(inf, key)
    if inf.ignore:
        out["ignore"] = sorted(inf.ignore)
    if not inf.explicit_id:
        out["anonymous"] = True
    if inf.data:
        out["data"] = inf.data
    return out


def to_dict(amap: ArgumentMap) -> dict[str, Any]:
    """The map as plain JSON data (the shape ``MAP_SCHEMA`` describes)."""
    doc: dict[str, Any] = {"format": "argmap", "version": 1, "title": amap.title, "thesis": amap.thesis}
    if amap.description is not None:
        doc["description"] = amap.description
    if amap.sources:
        doc["sources"] = [
            {"id": s.id, "citation": s.citation, **({"url": s.url} if s.url else {})} for s in amap.sources.values()
        ]
    doc["claims"] = [_claim(c) for c in amap.claims.values()]
    doc["inferences"] = [_inference(i) for i in amap.inferences.values()]
    if amap.data:
        doc["data"] = amap.data
    return doc


def write(amap: ArgumentMap) -> str:
    """The map as argmap JSON text."""
    return json.dumps(to_dict(amap), indent=2, ensure_ascii=False, default=str) + "\n"
