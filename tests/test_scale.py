"""The fast paths give the same results as the plain definitions they replace, on generated maps.

Each optimisation for large maps (indexes instead of graph queries, a breadth-first walk
instead of ``networkx.ancestors``, circles looked for only where a topological sort gets
stuck, cached term extraction) is compared here with the straightforward computation it
stands for; the golden findings were produced before the optimisations.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap
from itertools import pairwise
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, Inference, parse_map, run_checks
from argmap.analysis import circle_suspects, reaching_thesis, support_graph
from argmap.checks.structure import circular_support
from argmap.text import MIN_LENGTH, STOP_WORDS, stem, term_words
from argmap.writers import dumps

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "scale" / "findings.json"


def _generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module
    spec.loader.exec_module(module)
    return module


generate = _generator().generate


@pytest.fixture(scope="module", params=[(300, 3), (1500, 7)], ids=lambda p: f"{p[0]}-s{p[1]}")
def generated(request) -> tuple[str, ArgumentMap]:
    n, seed = request.param
    return f"{n}-{seed}", parse_map(str(dumps(generate(n, seed), "yaml")), path=f"synthetic-{n}-s{seed}.yaml")


def test_findings_match_those_from_before_the_optimisations(generated):
    key, amap = generated
    expected = json.loads(GOLDEN.read_text())[key]
    assert [[f.code, f.target, f.line] for f in run_checks(amap)] == expected


def test_indexed_queries_match_the_graph(generated):
    _, amap = generated
    graph = amap.graph
    for element in [*amap.claims, *amap.inferences]:
        into = [amap.inferences[i] for i in graph.predecessors(element) if i in amap.inferences]
        assert amap.inferences_to(element) == into
        assert amap.supports_of(element) == [i for i in into if i.is_support]
        assert amap.attacks_on(element) == [i for i in into if i.is_attack]
    for claim in amap.claims:
        assert amap.inferences_from(claim) == [amap.inferences[i] for i in graph.successors(claim)]
    assert [c.id for c in amap.premises()] == [c for c in amap.claims if graph.out_degree(c) > 0]


def test_reaching_thesis_matches_networkx_ancestors(generated):
    _, amap = generated
    assert reaching_thesis(amap) == nx.ancestors(amap.graph, amap.thesis) | {amap.thesis}


def _ring(size: int, tail: int) -> ArgumentMap:
    """A circle of ``size`` claims with a second, crossing circle, under a chain of ``tail`` claims to the thesis."""
    claims = [Claim(f"k{i}", f"Claim number {i} about rivers.") for i in range(size + tail)]
    infs = [Inference(f"ring{i}", (f"k{i}",), f"k{(i + 1) % size}") for i in range(size)]
    infs.append(Inference("cross", (f"k{size // 2}",), "k1"))
    infs.extend(Inference(f"up{i}", (f"k{i}",), f"k{i + 1}") for i in range(size - 1, size + tail - 1))
    infs.append(Inference("self", ("k0",), "k0"))
    return ArgumentMap("ring", f"k{size + tail - 1}", claims, infs)


def _circular_support_before(amap: ArgumentMap) -> list[tuple[str, str]]:
    """The check as first written: strongly connected components of the whole support graph."""
    graph = support_graph(amap)
    flags = []
    for component in nx.strongly_connected_components(graph):
        if len(component) == 1 and not graph.has_edge(*component, *component):
            continue
        circle = graph.subgraph(component)
        for cid in sorted(component, key=lambda c: (amap.line_of(c), c)):
            if circle.has_edge(cid, cid):
                path = [cid, cid]
            else:
                path = [cid, *min((nx.shortest_path(circle, s, cid) for s in circle.successors(cid)), key=len)]
            flags.append((cid, f"'{cid}' supports itself: {' -> '.join(path)}"))
    return sorted(flags)


@pytest.mark.parametrize(("size", "tail"), [(2, 0), (5, 3), (40, 10)])
def test_circular_support_matches_the_whole_graph_search(size, tail):
    amap = _ring(size, tail)
    assert sorted((f.target, f.message) for f in circular_support(amap)) == _circular_support_before(amap)


def _tangle(seed: int, size: int = 30, edges: int = 60) -> ArgumentMap:
    """A map of ``size`` claims with random supports among them (many circles, ties between shortest ones)."""
    import random

    rng = random.Random(seed)
    claims = [Claim(f"k{i}", f"Claim number {i} about rivers.", line=i + 1) for i in range(size)]
    infs = []
    for j in range(edges):
        premises = tuple(f"k{p}" for p in rng.sample(range(size), rng.choice((1, 1, 2))))
        infs.append(Inference(f"s{j}", premises, f"k{rng.randrange(size)}", line=size + j + 1))
    return ArgumentMap("tangle", "k0", claims, infs)


@pytest.mark.parametrize("seed", range(12))
def test_circular_support_finds_what_the_whole_graph_search_finds_with_paths_as_short(seed):
    amap = _tangle(seed)
    mine = sorted((f.target, f.message) for f in circular_support(amap))
    before = _circular_support_before(amap)
    assert [t for t, _ in mine] == [t for t, _ in before]
    edges = {(p, i.target) for i in amap.inferences.values() if i.is_support for p in i.premises}
    for (target, message), (_, theirs) in zip(mine, before, strict=True):
        path = message.split(": ", 1)[1].split(" -> ")
        assert path[0] == path[-1] == target
        assert all(step in edges for step in pairwise(path))
        assert len(path) == len(theirs.split(": ", 1)[1].split(" -> "))


def test_circle_suspects_hold_every_circle_and_nothing_when_there_is_none(generated):
    _, amap = generated
    graph = support_graph(amap)
    on_circles = {c for comp in nx.strongly_connected_components(graph) if len(comp) > 1 for c in comp}
    on_circles |= {u for u, v in graph.edges if u == v}
    assert on_circles
    assert on_circles <= circle_suspects(amap)
    acyclic = ArgumentMap("chain", "b", [Claim("a", "A."), Claim("b", "B.")], [Inference("i", ("a",), "b")])
    assert circle_suspects(acyclic) == set()


def _term_words_before(text: str) -> dict[str, str]:
    words: dict[str, str] = {}
    for match in __import__("re").finditer(r"[^\W_]+(?:['’][^\W_]+)*", text):
        word = match.group().casefold().replace("’", "'").split("'")[0]
        if len(word) < MIN_LENGTH or word in STOP_WORDS or word.isdigit():
            continue
        words.setdefault(stem(word), match.group())
    return words


@pytest.mark.parametrize(
    "text",
    [
        "Don't the children's teachers’ unions fight O'Neill's plan?",
        "İstanbul's STRASSE and Straße: 1984 plans, 12 roads, R&D",
        "Corruption corrupts the corrupt; corrupted officials",
        "",
    ],
)
def test_term_words_match_the_word_by_word_definition(text):
    assert term_words(text) == _term_words_before(text)
    assert term_words(text) == term_words(text)


def test_checking_a_small_map_imports_neither_networkx_nor_graphviz_nor_pydantic(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text(str(dumps(generate(40, 2), "yaml")), encoding="utf-8")
    code = (
        "import sys\n"
        "from argmap.cli import main\n"
        f"sys.argv = ['argmap', 'check', {str(path)!r}, '--exit-zero']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'networkx', 'graphviz', 'pygraphviz', 'asyncio', 'jsonschema', 'pydantic', 'tempfile'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_only_a_large_map_bounds_the_layout():
    from argmap.dot import LARGE, to_dot

    def star(n: int) -> ArgumentMap:
        claims = [Claim(f"k{i}", f"Claim {i}.", assumption=i > 0) for i in range(n)]
        return ArgumentMap("star", "k0", claims, [Inference(f"i{i}", (f"k{i}",), "k0") for i in range(1, n)])

    assert "mclimit" in to_dot(star(LARGE + 1))
    assert "mclimit" not in to_dot(star(LARGE))


def test_json_positions_match_counting_newlines():
    from argmap.readers._json import load_json

    text = '{\n  "a": [1,\n 2],\n\n  "b": {"c": "x\\ny"}\n}\n'
    doc = load_json(text, "x.json")
    for offset in range(len(text) + 1):
        line = text.count("\n", 0, offset) + 1
        assert doc.position(offset) == (line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def test_reader_discovery_imports_no_reader_and_states_what_the_modules_declare():
    code = (
        "import sys, importlib\n"
        "from argmap.readers import readers\n"
        "table = readers()\n"
        "print(sorted(m for m in sys.modules if m.startswith('argmap.readers.')))\n"
        "for r in table.values():\n"
        "    m = importlib.import_module(r.module_name)\n"
        "    assert (m.NAME, tuple(m.SUFFIXES)) == (r.name, r.suffixes), r\n"
        "print(len(table))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "[]"
    assert int(out[1]) >= 2


_TEXT = st.text(alphabet=st.sampled_from(list("ab é-—\t\n\r\x0b\xa0.'\"\\<>")), max_size=80)


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, width=st.integers(min_value=1, max_value=40))
def test_diagram_wrapping_matches_textwrap(text, width):
    from argmap.dot import _wrap

    assert _wrap(text, width) == textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=True)


@settings(max_examples=400, deadline=None)
@given(text=_TEXT | st.sampled_from(["n0", "node", "Graph", "-1.5", ".5", "1.", "<b>x</b>", "a\\", "#2e7d32"]))
def test_diagram_quoting_matches_the_graphviz_package(text):
    import warnings

    from graphviz.quoting import quote

    from argmap.dot import _quote

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert _quote(text) == quote(text)
