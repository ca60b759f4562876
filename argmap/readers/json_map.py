"""argmap's JSON format (``*.argmap.json``), as written by ``argmap convert --to json``.

The document is validated against the published schema (``argmap schema``), so a
wrong type or a typo'd key is reported at its JSON path and line; the model then
checks the ids (unknown premises, a missing thesis) as for every format.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.limits import check_elements
from argmap.model import ArgumentMap, Claim, Inference, Source
from argmap.readers._json import load_json, validate
from argmap.schemas import MAP_SCHEMA

__all__ = ["NAME", "SUFFIXES", "claim_fields", "inference_fields", "read"]

NAME = "json"
SUFFIXES = (".argmap.json",)


def claim_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments for :class:`Claim` from the JSON fields beside ``id`` and ``text``."""
    out = {k: fields[k] for k in ("source", "status", "weight", "quote", "page", "note") if k in fields}
    if "assumption" in fields:
        out["assumption"] = fields["assumption"]
    if "tags" in fields:
        out["tags"] = tuple(fields["tags"])
    if "ignore" in fields:
        out["ignore"] = frozenset(fields["ignore"])
    if "weight" in out:
        out["weight"] = float(out["weight"])
    return out


def inference_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments for :class:`Inference` from the JSON fields beside the structure."""
    out = {k: fields[k] for k in ("warrant", "note") if k in fields}
    if "ignore" in fields:
        out["ignore"] = frozenset(fields["ignore"])
    if "anonymous" in fields:
        out["explicit_id"] = not fields["anonymous"]
    return out


def _thesis_line(text: str) -> int:
    """The line of the ``"thesis"`` key (the writer puts it before any claim data)."""
    found = re.search(r'"thesis"\s*:', text)
    return text.count("\n", 0, found.start()) + 1 if found else 0


def read(text: str, path: str | None = None) -> ArgumentMap:
    """Read argmap JSON into an :class:`ArgumentMap`."""
    doc = load_json(text, path)
    data = doc.data
    if isinstance(data, dict):  # before the schema, whose validation costs more than the reading
        lists = [data[k] for k in ("claims", "inferences") if isinstance(data.get(k), list)]
        check_elements(sum(map(len, lists)), path, *doc.where(["claims"]) if lists else (1, 1))
    validate(doc, data, MAP_SCHEMA)
    claims = [
        Claim(c["id"], c["text"], line=doc.line_of(c), data=dict(c.get("data", {})), **claim_fields(c))
        for c in data["claims"]
    ]
    inferences = [
        Inference(
            i["id"],
            tuple(i["from"]),
            i["to"],
            i["type"],
            line=doc.line_of(i),
            data=dict(i.get("data", {})),
            **inference_fields(i),
        )
        for i in data["inferences"]
    ]
    sources = [Source(s["id"], s["citation"], s.get("url"), line=doc.line_of(s)) for s in data.get("sources", [])]
    return ArgumentMap(
        data["title"],
        data["thesis"],
        claims,
        inferences,
        sources,
        path=path,
        description=data.get("description"),
        thesis_line=_thesis_line(text),
        data=dict(data.get("data", {})),
    )
