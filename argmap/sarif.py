"""SARIF 2.1.0 output for ``argmap check --format sarif``: findings as code-scanning alerts.

GitHub code scanning, GitLab and editors' SARIF viewers show each finding on the line
of the map it concerns. Every check of the catalogue is a rule (so rule indices stay
stable whatever was found); findings are results with a physical location, maps that
could not be read are tool notifications, and the run is marked unsuccessful.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from argmap.checks import Check, Finding, catalogue
from argmap.errors import MapError

__all__ = ["LEVELS", "SARIF_SCHEMA", "SARIF_VERSION", "artifact_uri", "to_sarif"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
"""argmap severity -> SARIF level."""


def artifact_uri(path: str) -> str:
    """A file path as a SARIF URI: relative paths stay relative (to the repository root), with ``/``."""
    p = Path(path)
    return p.resolve().as_uri() if p.is_absolute() else quote(p.as_posix())


def _location(path: str | None, line: int, col: int = 0) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(path or "<map>")}}
    if line > 0:
        physical["region"] = {"startLine": line, **({"startColumn": col} if col > 0 else {})}
    return {"physicalLocation": physical}


def _rule(check: Check) -> dict[str, Any]:
    return {
        "id": check.code,
        "name": check.name,
        "shortDescription": {"text": check.summary},
        "fullDescription": {"text": inspect.cleandoc(check.function.__doc__ or "") or check.summary},
        "help": {"text": check.hint},
        "defaultConfiguration": {"level": LEVELS[check.severity.value]},
        "properties": {"tags": ["argument-map", check.severity.value]},
    }


def _result(finding: Finding, index: int) -> dict[str, Any]:
    location = _location(finding.path, finding.line)
    location["logicalLocations"] = [{"name": finding.target, "kind": "element"}]
    digest = hashlib.sha256(f"{finding.code}\0{finding.target}\0{finding.path}".encode()).hexdigest()[:32]
    return {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS[finding.severity.value],
        "message": {"text": f"{finding.name}: {finding.message}"},
        "locations": [location],
        "partialFingerprints": {"argmapElement/v1": digest},
        "properties": {"target": finding.target, "hint": finding.hint},
    }


def to_sarif(
    findings: Iterable[Finding], errors: Iterable[MapError] = (), version: str | None = None
) -> dict[str, Any]:
    """A SARIF log (as a dict for ``json.dumps``) with one run of argmap."""
    if version is None:
        from argmap import __version__ as version
    checks = catalogue()
    index = {c.code: i for i, c in enumerate(checks)}
    notifications = [
        {"level": "error", "message": {"text": e.message}, "locations": [_location(e.path, e.line, e.col)]}
        for e in errors
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": {"name": "argmap", "version": version, "rules": [_rule(c) for c in checks]}},
                "invocations": [
                    {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
                ],
                "results": [_result(f, index[f.code]) for f in findings],
            }
        ],
    }
