"""argmap's own YAML format, written so that reading it back gives the same map."""

from __future__ import annotations

from typing import Any

import yaml

from argmap.model import ArgumentMap, Claim, Inference

NAME = "yaml"
SUFFIXES = (".yaml", ".yml")


def _claim(claim: Claim) -> str | dict[str, Any]:
    fields: dict[str, Any] = {"text": claim.text}
    for key in ("source", "status", "weight", "quote", "page", "note"):
        value = getattr(claim, key)
        if value is not None:
            fields[key] = value
    if claim.assumption:
        fields["assumption"] = True
    if claim.tags:
        fields["tags"] = list(claim.tags)
    if claim.ignore:
        fields["ignore"] = sorted(claim.ignore)
    return claim.text if len(fields) == 1 else fields


def _inference(inf: Inference, targeted: set[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {"from": list(inf.premises), "to": inf.target}
    if inf.is_attack:
        fields["type"] = "attack"
    if inf.explicit_id or inf.id in targeted:
        fields["id"] = inf.id
    for key in ("warrant", "note"):
        value = getattr(inf, key)
        if value is not None:
            fields[key] = value
    if inf.ignore:
        fields["ignore"] = sorted(inf.ignore)
    return fields


def write(amap: ArgumentMap) -> str:
    """The map as argmap YAML."""
    doc: dict[str, Any] = {"title": amap.title, "thesis": amap.thesis}
    if amap.description:
        doc["description"] = amap.description
    if amap.sources:
        doc["sources"] = {
            s.id: ({"citation": s.citation, "url": s.url} if s.url else s.citation) for s in amap.sources.values()
        }
    doc["claims"] = {c.id: _claim(c) for c in amap.claims.values()}
    targeted = {inf.target for inf in amap.inferences.values()}
    if amap.inferences:
        doc["inferences"] = [_inference(inf, targeted) for inf in amap.inferences.values()]
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
