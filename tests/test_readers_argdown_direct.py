"""The direct mapping (:mod:`argmap.readers._argdown_direct`) against the map made through Argdown's model.

The direct mapping is only a shortcut: on every file it either declines or gives the very
map that the line reader (or the general reader) and the mapper give, element for
element, with every field and all the Argdown data kept for the way back. These tests
hold it to that on every Argdown file the project has, on argmap's own Argdown export of
every map, on the benchmark generator's files, and on thousands of generated files.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_readers_argdown_lines import FILES, MAPS, _Writer, benchmark_generator

from argmap import ArgumentMap, MapError, load_map
from argmap.readers import _argdown_direct, _argdown_lines, _argdown_model, argdown, parse_map
from argmap.readers._argdown_lexer import Lexer
from argmap.readers._argdown_parser import parse
from argmap.writers import dumps


def _dump(amap: ArgumentMap) -> dict[str, Any]:
    return {
        "map": (amap.title, amap.thesis, amap.description, amap.thesis_line, amap.path, amap.data),
        "sources": list(amap.sources.values()),
        "claims": list(amap.claims.values()),
        "inferences": list(amap.inferences.values()),
    }


def _through_the_model(text: str, path: str) -> ArgumentMap:
    source = argdown._expand(text, path)
    lexer = Lexer(source.text, path)
    doc = _argdown_lines.build(source.text, lexer) or _argdown_model.build(lexer, parse(lexer))
    return argdown._Mapper(doc, source, path).map()


def _compare(text: str, path: str = "file.argdown") -> str:
    """``"declined"``, or ``"same"`` after asserting that the direct map is the model's, field for field."""
    try:
        source = argdown._expand(text, path)
    except MapError:
        return "declined"  # an @include refused
    if len(source.pieces) > 1:
        return "declined"  # with @include: never mapped directly
    direct = _argdown_direct.read(source, Lexer(source.text, path), path)
    if direct is None:
        return "declined"
    try:
        model = _through_the_model(text, path)
    except MapError as error:
        pytest.fail(f"the direct mapping read a file the model refuses ({error}):\n{text}")
    mine, theirs = _dump(direct), _dump(model)
    for key in mine:
        assert mine[key] == theirs[key], f"{key} differ for:\n{text}"
    return "same"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_argdown_file_is_declined_or_mapped_the_same(path):
    _compare(path.read_text(encoding="utf-8"), str(path))


def test_the_direct_mapping_reads_some_real_files():
    outcomes = [_compare(path.read_text(encoding="utf-8"), str(path)) for path in FILES]
    assert outcomes.count("same") >= 5, outcomes


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_argmaps_own_argdown_export_is_mapped_the_same(path):
    try:
        amap = load_map(path)
    except MapError:
        pytest.skip("a fixture of an error")
    _compare(str(dumps(amap, "argdown")))


def test_the_benchmark_files_are_mapped_directly():
    generate = benchmark_generator()
    for seed in range(3):
        assert _compare(generate.to_argdown(generate.generate(300, seed))) == "same"


@pytest.mark.parametrize("first", range(0, 3000, 500))
def test_generated_files_are_declined_or_mapped_the_same(first):
    outcomes = [_compare(_Writer(seed).file()) for seed in range(first, first + 500)]
    assert outcomes.count("same") >= 30, outcomes.count("same")  # the shapes are mapped, not all declined


def test_load_map_takes_the_direct_way_for_a_file_in_the_line_shapes(monkeypatch):
    text = "[T]: The thesis.\n  + [P]: A premise.\n\n<A>\n\n(1) [P]\n(2) [Q]: Another premise.\n----\n(3) [T]\n"
    calls = []
    read = _argdown_direct.read
    monkeypatch.setattr(_argdown_direct, "read", lambda *args: calls.append(1) or read(*args))
    amap = parse_map(text, "direct.argdown")
    assert calls and amap.thesis == "T" and amap.inferences["A"].premises == ("P", "Q")
    assert (amap.claims["Q"].line, amap.claims["Q"].col) == (7, 5)
