"""The check catalogue: one small generator per reasoning defect, each with a stable code.

A check is a pure function ``check(amap) -> Iterator[Flag]`` registered with
:func:`check`. The registry turns its flags into :class:`Finding` objects carrying the
code, name, severity, file and line. Every module in this package is loaded, so adding
a check means adding one function (see ``docs/checks.md`` for the catalogue).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from enum import Enum
from functools import cache, wraps
from typing import NamedTuple, TypeVar

from argmap._gc import collector_paused
from argmap.errors import MapError
from argmap.model import ArgumentMap, did_you_mean

__all__ = [
    "Check",
    "Finding",
    "Flag",
    "Severity",
    "catalogue",
    "check",
    "run_checks",
    "select_checks",
    "shared",
]

T = TypeVar("T")


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Flag(NamedTuple):
    """What a check yields: the element at fault and a message naming the elements."""

    target: str
    message: str
    hint: str | None = None


@dataclass(frozen=True)
class Finding:
    """A defect found in a map, located at an element and a line."""

    code: str
    name: str
    severity: Severity
    message: str
    target: str
    path: str | None
    line: int
    hint: str

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


@dataclass(frozen=True)
class Check:
    code: str
    name: str
    severity: Severity
    summary: str
    hint: str
    function: Callable[[ArgumentMap], Iterable[Flag]]

    @property
    def doc(self) -> str:
        return (self.function.__doc__ or "").strip()


_REGISTRY: dict[str, Check] = {}


def check(code: str, name: str, severity: str, *, summary: str, hint: str):
    """Register a check function under a stable code and kebab-case name."""

    def register(function: Callable[[ArgumentMap], Iterable[Flag]]):
        if code in _REGISTRY or any(c.name == name for c in _REGISTRY.values()):
            raise ValueError(f"check {code} {name} is registered twice")
        _REGISTRY[code] = Check(code, name, Severity(severity), summary, hint, function)
        return function

    return register


_RUN: ContextVar[dict[tuple[Callable[[ArgumentMap], object], int], object] | None] = ContextVar(
    "argmap_checks_run", default=None
)
"""What :func:`shared` passes have computed in the current :func:`run_checks` (None outside one)."""


def shared(function: Callable[[ArgumentMap], T]) -> Callable[[ArgumentMap], T]:
    """Compute ``function(amap)``, a pass over the whole map, once per :func:`run_checks` for every check that asks.

    Several checks read the same thing off a big map (its supports, each claim's terms);
    within a run they share it, and the checks stay functions of the map alone: outside a
    run, as when a check is called by itself, it is computed afresh. What it returns is
    read, never changed.
    """

    @wraps(function)
    def once(amap: ArgumentMap) -> T:
        memo = _RUN.get()
        if memo is None:
            return function(amap)
        key = (function, id(amap))
        if key not in memo:
            memo[key] = function(amap)
        return memo[key]  # type: ignore[return-value]

    return once


@cache
def catalogue() -> tuple[Check, ...]:
    """Every registered check, in code order."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return tuple(sorted(_REGISTRY.values(), key=lambda c: c.code))


def _matches(chk: Check, selector: str) -> bool:
    return selector in (chk.name, chk.code) or (
        selector.upper().startswith("AM") and chk.code.startswith(selector.upper())
    )


def select_checks(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[Check]:
    """Checks chosen by codes, code prefixes (``AM1``) or names; unknown selectors raise ``ValueError``."""
    checks = catalogue()
    select, ignore = list(select or []), list(ignore or [])
    for selector in select + ignore:
        if not any(_matches(c, selector) for c in checks):
            names = [c.name for c in checks] + [c.code for c in checks]
            raise ValueError(f"unknown check '{selector}'{did_you_mean(selector, names)}: see 'argmap checks'")
    chosen = [c for c in checks if not select or any(_matches(c, s) for s in select)]
    return [c for c in chosen if not any(_matches(c, s) for s in ignore)]


def _silenced(amap: ArgumentMap) -> dict[str, frozenset[str]]:
    """Per element, the codes its ``ignore:`` list silences; unknown names are map errors."""
    checks = catalogue()
    silenced: dict[str, frozenset[str]] = {}
    for element in [*amap.claims.values(), *amap.inferences.values()]:
        if not element.ignore:
            continue
        codes = set()
        for selector in element.ignore:
            hits = [c.code for c in checks if _matches(c, selector)]
            if not hits:
                names = [c.name for c in checks]
                raise MapError(
                    f"'{element.id}' ignores unknown check '{selector}'{did_you_mean(selector, names)}",
                    amap.path,
                    element.line,
                    element.col,
                )
            codes.update(hits)
        silenced[element.id] = frozenset(codes)
    return silenced


def run_checks(
    amap: ArgumentMap,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> list[Finding]:
    """Run the chosen checks on a map; findings come sorted by line, then code."""
    with collector_paused():
        run = _RUN.set({})
        try:
            return _run(amap, select_checks(select, ignore))
        finally:
            _RUN.reset(run)


def _run(amap: ArgumentMap, checks: list[Check]) -> list[Finding]:
    silenced = _silenced(amap)
    findings: list[Finding] = []
    for chk in checks:
        for flag in chk.function(amap):
            if chk.code in silenced.get(flag.target, ()):
                continue
            findings.append(
                Finding(
                    code=chk.code,
                    name=chk.name,
                    severity=chk.severity,
                    message=flag.message,
                    target=flag.target,
                    path=amap.path,
                    line=amap.line_of(flag.target),
                    hint=flag.hint or chk.hint,
                )
            )
    findings.sort(key=lambda f: (f.line, f.code, f.target))
    return findings
