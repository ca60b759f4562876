"""Critical-thinking exercises made from a map, each with its answer key.

One module per kind of exercise, found by looking in this package: a kind module
defines ``NAME`` (kebab-case), ``TITLE`` (the worksheet's heading), ``SUMMARY`` (one
line for ``--help``), ``COUNTED`` (whether ``count`` sets how many questions it asks),
``DEFAULT_COUNT`` and ``build(amap, rng, count) -> Worksheet``. Adding a kind means
adding a module. :func:`make_worksheet` picks the kind and seeds its random choices
with ``random.Random(seed)``, so the same seed gives the same worksheet.

Every answer comes from the map itself (its structure, ``argmap check``, the
evaluation), and each question records in ``facts`` the map ids behind its key, so
that tests and learning platforms can check the key against the map.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING, Any, Literal

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, did_you_mean

if TYPE_CHECKING:
    from argmap.checks import Finding

__all__ = [
    "ExerciseError",
    "Kind",
    "Question",
    "Worksheet",
    "kinds",
    "make_worksheet",
]


class ExerciseError(ArgmapError):
    """The map cannot give this exercise (too small, or nothing of the kind in it), or the request is wrong."""


@dataclass(frozen=True)
class Question:
    """One question and its key, in plain text (renderers escape it for their format).

    ``context`` lines are shown under the prompt (the reason with its blank, say);
    ``options`` make it multiple choice, where ``pick`` says whether one or every
    fitting option is to be ticked and ``correct`` holds the right options' positions.
    ``space`` is how many lines to leave for a written answer.
    """

    prompt: str
    answer: str
    context: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    correct: tuple[int, ...] = ()
    pick: Literal["one", "all"] = "one"
    why: str = ""
    space: int = 0
    facts: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Worksheet:
    """A worksheet and its answer key.

    ``sheet_map`` is drawn on the worksheet (``None``: no diagram, since it would give
    the answers away), ``neutral`` draws it with every arrow alike; ``key_map`` is
    drawn in the key, with ``key_findings`` marked and ``key_highlight`` lit. Both are
    numbered copies of the map (see ``numbers``: claim and inference id -> the box
    number or arrow letter the worksheet uses). ``listing`` is the numbered list of
    claims printed on the sheet, if any.
    """

    kind: str
    title: str
    map_title: str
    instructions: str
    questions: tuple[Question, ...]
    key_map: ArgumentMap
    sheet_map: ArgumentMap | None = None
    neutral: bool = False
    listing: tuple[tuple[str, str], ...] = ()
    key_notes: tuple[str, ...] = ()
    key_findings: tuple[Finding, ...] = ()
    key_highlight: tuple[str, ...] = ()
    numbers: Mapping[str, str] = field(default_factory=dict)
    seed: int = 0


@dataclass(frozen=True)
class Kind:
    name: str
    title: str
    summary: str
    counted: bool
    default_count: int
    module: ModuleType

    def build(self, amap: ArgumentMap, rng: random.Random, count: int) -> Worksheet:
        return self.module.build(amap, rng, count)


@cache
def kinds() -> Mapping[str, Kind]:
    """Every kind of exercise in this package, by name, in name order."""
    found: dict[str, Kind] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[module.NAME] = Kind(
            module.NAME, module.TITLE, module.SUMMARY, module.COUNTED, module.DEFAULT_COUNT, module
        )
    return MappingProxyType(dict(sorted(found.items())))


def make_worksheet(amap: ArgumentMap, kind: str, *, seed: int = 0, count: int | None = None) -> Worksheet:
    """A worksheet of ``kind`` from ``amap``; :class:`ExerciseError` when the map cannot give one.

    ``count`` is how many questions to ask (for the kinds where that varies; default:
    the kind's own); the same ``seed`` always gives the same worksheet.
    """
    table = kinds()
    if kind not in table:
        raise ExerciseError(
            f"unknown kind of exercise '{kind}'{did_you_mean(kind, table)}: use one of {', '.join(table)}"
        )
    if count is not None and count < 1:
        raise ExerciseError(f"--count must be at least 1, not {count}")
    chosen = table[kind]
    worksheet = chosen.build(amap, random.Random(seed), chosen.default_count if count is None else count)
    return replace(worksheet, seed=seed)
