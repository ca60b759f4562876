"""argmap's own YAML format, written so that reading it back gives the same map."""

from __future__ import annotations

import re
from typing import Any

import yaml

from argmap.model import ArgumentMap, Claim, Inference

NAME = "yaml"
SUFFIXES = (".yaml", ".yml")

_UNICODE_BREAKS = re.compile("[\x85\u2028\u2029]")


class Dumper(yaml.SafeDumper):
    """The safe dumper, with text holding a Unicode line break (NEL, LS, PS) written double-quoted.

    PyYAML writes such a break as it is in a single-quoted or plain scalar, where reading
    folds it and the indentation after it into one space; double quotes escape it.
    """


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _UNICODE_BREAKS.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _text)


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
    return yaml.dump(doc, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
