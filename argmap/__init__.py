"""argmap: argument maps you can check, render, evaluate and teach with."""

from argmap.checks import Finding, Severity, catalogue, run_checks
from argmap.dot import to_dot
from argmap.errors import ArgmapError, MapError, OutputError
from argmap.model import ArgumentMap, Claim, Inference, Source
from argmap.readers import load_map, parse_map
from argmap.render import render

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
