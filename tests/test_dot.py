"""The diagram as DOT: its shape (golden file), what each mark means, and escaping."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pygraphviz
import pytest

from argmap import Claim, Finding, Inference, Severity, Source, load_map
from argmap.dot import BATCH, dot_chunks, element_dom_id, escape_label, to_dot, to_graph
from argmap.model import ArgumentMap
from argmap.render import draw

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "render"
GOLDEN = HERE / "golden" / "render"

MEALS = FIXTURES / "meals.yaml"
HOSTILE = FIXTURES / "hostile.yaml"
TAG = re.compile(r"<[^>]*>")
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\\s]")


def finding(code: str, name: str, severity: Severity, target: str) -> Finding:
    return Finding(code, name, severity, f"{name} on {target}", target, str(MEALS), 1, "fix it")


FINDINGS = [
    finding("AM101", "unsupported-premise", Severity.ERROR, "budget-tight"),
    finding("AM108", "stranded-premise", Severity.WARNING, "hunger-scores"),
    finding("AM108", "stranded-premise", Severity.WARNING, "hunger-scores"),
    finding("AM107", "missing-link", Severity.WARNING, "r-learning"),
    finding("AM111", "unused-source", Severity.INFO, "unused"),
]
"""Made by hand, so that the golden file follows the drawing, not the checks."""


def parsed(dot: str) -> pygraphviz.AGraph:
    return pygraphviz.AGraph(string=dot)


def node_of(graph: pygraphviz.AGraph, element_id: str) -> pygraphviz.Node:
    (node,) = [n for n in graph.nodes() if n.attr["id"] == element_dom_id(element_id)]
    return node


def shown(label: str) -> str:
    """What an HTML-like label shows: tags dropped, entities decoded, Graphviz's ``\\\\`` read as one."""
    return html.unescape(TAG.sub("", label)).replace("\\\\", "\\")


def squeezed(text: str) -> str:
    """Text without whitespace and control characters (wrapping and dropping change only those)."""
    return UNSAFE.sub("", text)


def edges_between(graph: pygraphviz.AGraph, tail: pygraphviz.Node, head: pygraphviz.Node) -> list:
    return [e for e in graph.edges() if e[0] == tail and e[1] == head]


@pytest.fixture(scope="module")
def meals() -> ArgumentMap:
    return load_map(MEALS)


@pytest.fixture(scope="module")
def graph(meals: ArgumentMap) -> pygraphviz.AGraph:
    return parsed(to_dot(meals, FINDINGS))


# -- the shape ----------------------------------------------------------------------------


def test_dot_matches_the_golden_file(meals):
    assert to_dot(meals, FINDINGS) == (GOLDEN / "meals.dot").read_text(encoding="utf-8")


def test_an_evaluated_map_with_lit_elements_matches_its_golden_file(meals):
    """Labels, highlights, findings on a thesis and on a junction without an id, no key."""
    findings = [
        *FINDINGS,
        finding("AM105", "circular", Severity.ERROR, "inference-2"),
        finding("AM108", "stranded-premise", Severity.WARNING, "fund-meals"),
    ]
    labels = {
        "fund-meals": "accepted",
        "budget-tight": "rejected",
        "r-learning": "accepted",
        "inference-4": "undecided",
        "stigma": "undecided",
    }
    dot = to_dot(meals, findings, labels=labels, highlight=["savings", "o-budget", "fund-meals"], legend=False)
    assert dot == (GOLDEN / "meals-evaluated.dot").read_text(encoding="utf-8")


def big_map(size: int) -> ArgumentMap:
    """Linked and single reasons, objections and undercuts, with and without ids of their own."""
    claims = [Claim("t", "The thesis.")]
    inferences = []
    for i in range(size):
        claims += [
            Claim(f"a{i}", f"Premise a{i} & more, it's said."),
            Claim(f"b{i}", f"Premise b{i}.", assumption=i % 2 == 1),
        ]
        target = "t" if i % 3 else f"a{i - 1}" if i else "t"
        inferences.append(Inference(f"r{i}", (f"a{i}", f"b{i}"), target, explicit_id=i % 2 == 0))
        if i % 4 == 0:
            inferences.append(Inference(f"o{i}", (f"b{i}",), f"r{i}", "attack"))
    return ArgumentMap("Big", "t", claims, inferences)


def test_dot_comes_in_pieces_of_whole_lines_that_make_up_to_dot():
    amap = big_map(2 * BATCH)
    findings = [finding("AM101", "unsupported-premise", Severity.ERROR, f"a{i}") for i in range(0, 2 * BATCH, 7)]
    options = {"labels": {"t": "accepted", "r3": "rejected"}, "highlight": ["a5", "o8"]}
    pieces = list(dot_chunks(amap, findings, **options))
    assert len(pieces) > 4
    assert all(piece.endswith("\n") for piece in pieces)
    assert max(piece.count("\n") for piece in pieces) < BATCH + 10
    dot = to_dot(amap, findings, **options)
    assert "".join(pieces) == dot
    graph = to_graph(amap, findings, **options)
    assert graph.source == dot
    assert all(line.count("\n") == 1 and line.endswith("\n") for line in graph.body)
    assert parsed(dot).number_of_nodes() > len(amap.claims) + len(amap.inferences)


def test_to_graph_is_the_authored_graph_behind_to_dot(meals):
    assert to_graph(meals, FINDINGS).source == to_dot(meals, FINDINGS)


def test_every_element_is_one_node_with_its_dom_id(meals, graph):
    for element_id in [*meals.claims, *meals.inferences]:
        assert node_of(graph, element_id) is not None
    lines = sum(len(i.premises) + 1 for i in meals.inferences.values())
    assert graph.number_of_edges() == lines


def test_thesis_is_on_top_with_a_thick_border(meals, graph):
    thesis = node_of(graph, meals.thesis)
    assert graph.graph_attr["rankdir"] == "BT"
    (top,) = [s for s in graph.subgraphs() if s.graph_attr.get("rank") == "max"]
    assert top.nodes() == [thesis]
    assert 'BORDER="3"' in thesis.attr["label"]
    assert "THESIS" in thesis.attr["label"]
    graph.layout(prog="dot")
    heights = {n: float(n.attr["pos"].split(",")[1]) for n in graph.nodes()}
    claims = [node_of(graph, c) for c in meals.claims]
    assert max(claims, key=heights.get) == thesis


def test_claims_are_wrapped_text_boxes(meals, graph):
    label = node_of(graph, "savings").attr["label"]
    assert label.count('<BR ALIGN="LEFT"/>') >= 2
    assert 'STYLE="rounded"' in label


def test_linked_co_premises_meet_at_one_junction_in_one_box(meals, graph):
    junction = node_of(graph, "r-learning")
    premises = [node_of(graph, p) for p in ("hunger-scores", "meals-cut-hunger")]
    for premise in premises:
        (edge,) = edges_between(graph, premise, junction)
        assert edge.attr["arrowhead"] == "none"
    (arrow,) = [e for e in graph.out_edges(junction)]
    assert arrow[1] == node_of(graph, meals.thesis)
    boxes = [s for s in graph.subgraphs() if junction in s.nodes() and s.name.startswith("cluster")]
    assert any(set(premises) <= set(box.nodes()) and box.graph_attr["style"] == "rounded,filled" for box in boxes)


def test_an_independent_reason_has_its_own_junction_and_no_box(meals, graph):
    (inf,) = [i for i in meals.supports_of(meals.thesis) if i.premises == ("parents-ask",)]
    junction = node_of(graph, inf.id)
    assert junction != node_of(graph, "r-learning")
    premise = node_of(graph, "parents-ask")
    assert not [s for s in graph.subgraphs() if premise in s.nodes()]


def test_support_and_attack_differ_in_colour_line_and_arrowhead(meals, graph):
    support = graph.out_edges(node_of(graph, "r-learning"))[0].attr
    attack = graph.out_edges(node_of(graph, "o-budget"))[0].attr
    assert support["arrowhead"] == "normal" and attack["arrowhead"] == "tee"
    assert support["color"] != attack["color"]
    assert support["style"] == "solid" and attack["style"] == "dashed"
    assert node_of(graph, "r-learning").attr["label"] == "+"
    assert node_of(graph, "o-budget").attr["label"] == "\u2212"


def test_an_undercut_points_at_the_junction_it_attacks(meals, graph):
    (arrow,) = graph.out_edges(node_of(graph, "u-stigma"))
    assert arrow[1] == node_of(graph, "r-learning")
    assert arrow.attr["arrowhead"] == "tee"


def test_a_rebuttal_points_at_the_objection_it_answers(meals, graph):
    (rebuttal,) = meals.attacks_on("o-budget")
    (arrow,) = graph.out_edges(node_of(graph, rebuttal.id))
    assert arrow[1] == node_of(graph, "o-budget")


def test_sourced_claims_and_assumptions_are_marked(graph):
    sourced = shown(node_of(graph, "hunger-scores").attr["label"])
    assert "source: who2019, p. 12" in sourced
    assert "source: who2019, para. 4" in shown(node_of(graph, "parents-ask").attr["label"])
    assumed = node_of(graph, "meals-cut-hunger").attr["label"]
    assert "assumption" in shown(assumed) and 'STYLE="rounded,dashed"' in assumed
    assert "dashed" not in node_of(graph, "hunger-scores").attr["label"]


def test_findings_are_marked_on_their_elements_with_the_check_name(graph):
    premise = shown(node_of(graph, "budget-tight").attr["label"])
    assert "\u2716 AM101 unsupported-premise" in premise
    repeated = shown(node_of(graph, "hunger-scores").attr["label"])
    assert "\u26a0 AM108 stranded-premise \u00d72" in repeated
    assert repeated.count("stranded-premise") == 1
    note = [n for n in graph.nodes() if n.attr["id"] == element_dom_id("r-learning") + "-note"]
    assert note and "\u26a0 AM107 missing-link" in shown(note[0].attr["label"])
    assert node_of(graph, "r-learning").attr["color"] != node_of(graph, "parents-ask").attr.get("color")


def test_title_counts_the_findings_and_the_key_explains_them(graph):
    header = shown(graph.graph_attr["label"])
    assert header.startswith("School meals")
    assert "argmap check: 1 error \u00b7 3 warnings \u00b7 1 info" in header
    assert "Key" in header and "found by argmap check" in header
    assert "\u2139 AM111 unused-source" in header  # a source's finding sits by the source
    assert "[who2019]" not in header and "World Health Organization (2019)" in header


def test_without_findings_there_is_no_findings_key_or_count(meals):
    graph = parsed(to_dot(meals))  # keep the graph: its attributes live as long as it does
    header = shown(graph.graph_attr["label"])
    assert "argmap check" not in header
    assert "Key" in header


def test_legend_false_leaves_the_key_out_but_keeps_the_sources(meals):
    graph = parsed(to_dot(meals, FINDINGS, legend=False))
    header = shown(graph.graph_attr["label"])
    assert "Key" not in header
    assert "Sources" in header


def test_labels_colour_elements_and_add_their_key(meals):
    graph = parsed(to_dot(meals, labels={"budget-tight": "rejected", "r-learning": "accepted"}))
    assert "rejected" in shown(node_of(graph, "budget-tight").attr["label"])
    assert 'BGCOLOR="#ffcdd2"' in node_of(graph, "budget-tight").attr["label"]
    assert node_of(graph, "r-learning").attr["color"] == "#2e7d32"
    assert "evaluation of the claims" in shown(graph.graph_attr["label"])


def test_highlight_lights_the_elements(meals):
    graph = parsed(to_dot(meals, highlight=["savings", "o-budget"]))
    assert 'BGCOLOR="#ffd54f"' in node_of(graph, "savings").attr["label"]
    assert node_of(graph, "o-budget").attr["fillcolor"] == "#ffd54f"
    assert "#ffd54f" not in node_of(graph, "stigma").attr["label"]


def test_linked_boxes_can_be_turned_off(meals):
    graph = parsed(to_dot(meals, linked_boxes=False))
    assert not [s for s in graph.subgraphs() if s.graph_attr.get("style") == "rounded,filled"]


def test_a_claim_linked_into_two_reasons_is_drawn_once():
    amap = ArgumentMap(
        "Shared",
        "t",
        [Claim("t", "T."), Claim("a", "A."), Claim("b", "B."), Claim("c", "C.")],
        [Inference("r1", ("a", "b"), "t"), Inference("r2", ("a", "c"), "t")],
    )
    graph = parsed(to_dot(amap))
    assert len([n for n in graph.nodes() if n.attr["id"] == element_dom_id("a")]) == 1
    assert len(edges_between(graph, node_of(graph, "a"), node_of(graph, "r2"))) == 1


# -- escaping -------------------------------------------------------------------------------


def test_escape_label_keeps_text_literal():
    assert escape_label("<b>&\"'</b>") == "&lt;b&gt;&amp;&quot;&#x27;&lt;/b&gt;"
    assert escape_label("a\\Nb") == "a\\\\Nb"
    assert escape_label("bell\x07 and\nnewline") == "bell and newline"
    assert escape_label("lone \ud800 surrogate") == "lone  surrogate"
    assert escape_label("\x1f") == " "  # Graphviz refuses an empty <FONT>


def test_element_dom_ids_are_hex_and_distinct():
    assert element_dom_id("a") == "am-61"
    assert element_dom_id('x"<y>') != element_dom_id("x<y>")
    assert re.fullmatch(r"am-[0-9a-f]+", element_dom_id("\u05e9 \U0001f642 \\N"))


@pytest.fixture(scope="module")
def hostile() -> ArgumentMap:
    amap = load_map(HOSTILE)
    texts = "".join(c.text for c in amap.claims.values())
    for piece in ['"', "{", "->", "<", ">", "&", "<b>", "<script>", "\\", "\\N", "\n", "\x07", "\U0001f642", "\u05e9"]:
        assert piece in texts, piece
    assert any(len(word) >= 500 for c in amap.claims.values() for word in c.text.split())
    return amap


def test_hostile_text_is_literal_in_the_dot(hostile):
    graph = parsed(to_dot(hostile))
    assert graph.number_of_nodes() >= len(hostile.claims) + len(hostile.inferences)
    for claim in hostile.claims.values():
        label = shown(node_of(graph, claim.id).attr["label"])
        assert squeezed(claim.text) in squeezed(label), claim.id
        assert squeezed(claim.id) in squeezed(label), claim.id
    header = shown(graph.graph_attr["label"])
    assert hostile.title in header
    for source in hostile.sources.values():
        assert squeezed(source.citation) in squeezed(header)


def test_hostile_map_matches_its_golden_file(hostile):
    dot = to_dot(hostile, [finding("AM101", "unsupported-premise", Severity.ERROR, "controls")], linked_boxes=False)
    assert dot == (GOLDEN / "hostile.dot").read_text(encoding="utf-8")


def test_hostile_ids_never_become_dot_identifiers(hostile):
    dot = to_dot(hostile)
    names = re.findall(r"^\s*(\S+) \[", dot, re.MULTILINE)
    assert names and all(re.fullmatch(r"n\d+(_note)?|node|edge|graph", name) for name in names)


def test_an_overlong_line_is_cut_and_an_overlong_id_hashed():
    line = escape_label("<" * 5000)
    assert line == "&lt;" * 999 + "\u2026"
    long_id = "k" * 20_000
    assert re.fullmatch(r"am-h[0-9a-f]{64}", element_dom_id(long_id))
    assert element_dom_id(long_id) != element_dom_id(long_id + "k")
    assert element_dom_id("k" * 256) == "am-" + "6b" * 256


def test_a_map_of_huge_ids_titles_and_urls_is_drawn():
    """Graphviz refuses a text run or a quoted attribute over 16 KiB: each used to stop the drawing."""
    huge = '<&"' * 6000
    amap = ArgumentMap(
        huge,
        "a",
        [Claim("a", huge, source="s" * 20_000, page="p" * 20_000), Claim("b" * 9000, "B."), Claim("c", "C.")],
        [
            Inference("i" * 20_000, ("b" * 9000,), "a", "support"),
            Inference("j", ("c",), "i" * 20_000, "attack", warrant=huge),
        ],
        [Source("s" * 20_000, huge, "https://example.org/" + "y" * 20_000)],
    )
    dot = to_dot(amap)
    assert f'id="{element_dom_id("i" * 20_000)}"' in dot
    svg = draw(dot, "svg").decode("utf-8")
    assert svg.rstrip().endswith("</svg>")
    assert "b" * 999 + "\u2026" in svg
