"""argmap: argument maps you can check, render, evaluate and teach with.

Most names below are imported on first use (PEP 562), so that ``import argmap`` and a
command that needs only part of the library do not pay for the rest (Graphviz, networkx).
``render`` is bound now, because importing the submodule of the same name would
otherwise put the module where the function belongs; that import is light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from argmap.render import render

if TYPE_CHECKING:
    from argmap.checks import Finding, Severity, catalogue, run_checks
    from argmap.dot import to_dot
    from argmap.errors import ArgmapError, MapError, OutputError
    from argmap.model import ArgumentMap, Claim, Inference, Source
    from argmap.readers import load_map, parse_map

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Claim",
    "Finding",
    "Inference",
    "MapError",
    "OutputError",
    "Severity",
    "Source",
    "__version__",
    "catalogue",
    "load_map",
    "parse_map",
    "render",
    "run_checks",
    "to_dot",
]

__version__ = "0.1.0"

_EXPORTS = {
    "ArgmapError": "argmap.errors",
    "ArgumentMap": "argmap.model",
    "Claim": "argmap.model",
    "Finding": "argmap.checks",
    "Inference": "argmap.model",
    "MapError": "argmap.errors",
    "OutputError": "argmap.errors",
    "Severity": "argmap.checks",
    "Source": "argmap.model",
    "catalogue": "argmap.checks",
    "load_map": "argmap.readers",
    "parse_map": "argmap.readers",
    "run_checks": "argmap.checks",
    "to_dot": "argmap.dot",
}


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
