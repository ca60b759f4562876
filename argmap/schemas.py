"""The published JSON Schemas: argmap's JSON export and its YAML map format.

``MAP_SCHEMA`` is the contract of ``argmap convert --to json`` (``*.argmap.json``): the
JSON reader validates against it, so what the schema says is what argmap accepts.
``YAML_SCHEMA`` describes the YAML map format for editors (yaml-language-server,
JetBrains), so that maps are validated and completed as they are typed; the YAML
reader stays the authority (it also checks ids, duplicates and line numbers).
``argmap schema`` prints either; copies live in ``docs/schema/``.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["MAP_SCHEMA", "SCHEMAS", "YAML_SCHEMA", "dumps_schema"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"

_ID = {"type": "string", "minLength": 1, "description": "An id: claims and inferences share one namespace."}
_TEXT = {"type": "string", "minLength": 1}
_NAMES = {"type": "array", "items": {"type": "string", "minLength": 1}}
_DATA = {
    "type": "object",
    "description": "Anything a reader kept that argmap does not interpret (AIF node fields, Kialo numbers).",
}

_CLAIM_FIELDS: dict[str, Any] = {
    "source": {**_ID, "description": "Id of the source that grounds the claim."},
    "assumption": {"type": "boolean", "description": "Accepted on purpose without support."},
    "status": {"enum": ["accepted", "rejected"], "description": "A verdict given by hand."},
    "weight": {"type": "number", "minimum": 0, "maximum": 1},
    "quote": _TEXT,
    "page": _TEXT,
    "note": _TEXT,
    "tags": _NAMES,
    "ignore": {**_NAMES, "description": "Checks silenced on this element (codes, code prefixes or names)."},
    "data": _DATA,
}
_INFERENCE_FIELDS: dict[str, Any] = {
    "warrant": _TEXT,
    "note": _TEXT,
    "ignore": _CLAIM_FIELDS["ignore"],
    "anonymous": {"type": "boolean", "description": "The id was made up by argmap, not given in the map."},
    "data": _DATA,
}


def _object(properties: dict[str, Any], required: list[str], description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "required": required,
        "additionalProperties": False,
        "properties": properties,
    }


MAP_SCHEMA: dict[str, Any] = {
    "$schema": _DRAFT,
    "title": "argmap map (JSON)",
    "description": "An argument map as written by 'argmap convert --to json' (files named *.argmap.json).",
    "type": "object",
    "required": ["format", "version", "title", "thesis", "claims", "inferences"],
    "additionalProperties": False,
    "properties": {
        "format": {"const": "argmap"},
        "version": {"const": 1},
        "title": _TEXT,
        "thesis": {**_ID, "description": "Id of the main conclusion: a claim."},
        "description": {"type": "string"},
        "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
        "claims": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/claim"}},
        "inferences": {"type": "array", "items": {"$ref": "#/$defs/inference"}},
        "data": _DATA,
    },
    "$defs": {
        "source": _object(
            {"id": _ID, "citation": _TEXT, "url": _TEXT}, ["id", "citation"], "A cited work that grounds claims."
        ),
        "claim": _object(
            {"id": _ID, "text": {"type": "string"}, **_CLAIM_FIELDS},
            ["id", "text"],
            "A statement: a premise, a conclusion, or both.",
        ),
        "inference": _object(
            {
                "id": _ID,
                "from": {"type": "array", "minItems": 1, "items": _ID, "description": "Linked co-premises."},
                "to": {**_ID, "description": "A claim, or an inference (an attack on one is an undercut)."},
                "type": {"enum": ["support", "attack"]},
                **_INFERENCE_FIELDS,
            },
            ["id", "from", "to", "type"],
            "A step from linked co-premises to a claim or an inference.",
        ),
        "claimFields": _object(
            dict(_CLAIM_FIELDS), [], "A claim's argmap fields, kept beside formats that lack them (AIF)."
        ),
        "inferenceFields": _object(
            dict(_INFERENCE_FIELDS), [], "An inference's argmap fields, kept beside formats that lack them (AIF)."
        ),
    },
}

_SCALAR = {"type": ["string", "number"]}
_YAML_NAMES = {"oneOf": [_SCALAR, {"type": "array", "items": _SCALAR}]}
_YAML_ID = {"type": ["string", "number"], "description": "A claim or inference id."}

YAML_SCHEMA: dict[str, Any] = {
    "$schema": _DRAFT,
    "title": "argmap map (YAML)",
    "description": "An argument map in argmap's YAML format (see docs/format.md).",
    "type": "object",
    "required": ["title", "thesis", "claims"],
    "additionalProperties": False,
    "properties": {
        "title": {**_SCALAR, "description": "The map's title."},
        "thesis": {**_YAML_ID, "description": "Id of the main conclusion."},
        "description": _SCALAR,
        "sources": {
            "type": ["object", "null"],
            "description": "Source id -> citation.",
            "additionalProperties": {
                "oneOf": [
                    _SCALAR,
                    {
                        "type": "object",
                        "required": ["citation"],
                        "additionalProperties": False,
                        "properties": {"citation": _SCALAR, "url": _SCALAR},
                    },
                ]
            },
        },
        "claims": {
            "type": "object",
            "minProperties": 1,
            "description": "Claim id -> text, or -> {text: ..., more fields}.",
            "additionalProperties": {
                "oneOf": [
                    {**_SCALAR, "description": "The claim's text (short form)."},
                    {
                        "type": "object",
                        "required": ["text"],
                        "additionalProperties": False,
                        "properties": {
                            "text": _SCALAR,
                            "source": {**_YAML_ID, "description": "Id of a source under 'sources'."},
                            "assumption": {"type": "boolean"},
                            "status": {"enum": ["accepted", "rejected"]},
                            "weight": {"type": "number", "minimum": 0, "maximum": 1},
                            "quote": _SCALAR,
                            "page": _SCALAR,
                            "note": _SCALAR,
                            "tags": _YAML_NAMES,
                            "ignore": _YAML_NAMES,
                        },
                    },
                ]
            },
        },
        "inferences": {
            "type": ["array", "null"],
            "items": {
                "type": "object",
                "required": ["from", "to"],
                "additionalProperties": False,
                "properties": {
                    "from": {
                        "oneOf": [_YAML_ID, {"type": "array", "minItems": 1, "items": _YAML_ID}],
                        "description": "Premise id(s); several are linked (all needed together).",
                    },
                    "to": {**_YAML_ID, "description": "A claim id, or an inference id (then an undercut)."},
                    "type": {"enum": ["support", "attack"], "default": "support"},
                    "id": _YAML_ID,
                    "warrant": _SCALAR,
                    "note": _SCALAR,
                    "ignore": _YAML_NAMES,
                },
            },
        },
    },
}

SCHEMAS: dict[str, dict[str, Any]] = {"json": MAP_SCHEMA, "yaml": YAML_SCHEMA}
"""The schemas by the format they describe."""


def dumps_schema(format: str = "json") -> str:
    """A schema as the JSON text that ``argmap schema`` prints and ``docs/schema/`` holds."""
    return json.dumps(SCHEMAS[format], indent=2, ensure_ascii=False) + "\n"
