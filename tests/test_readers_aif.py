"""Reading AIF and xAIF JSON: the argument layer as a map, everything else kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import MapError, load_map, parse_map, run_checks
from argmap.cli import app

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "aif"
CORPUS = HERE.parents[1] / "shared" / "corpus" / "aif"
CORPUS_FILES = sorted(CORPUS.glob("*.json"))

runner = CliRunner()


def aif(nodes, edges, **extra) -> str:
    return json.dumps({"nodes": nodes, "edges": edges, **extra}, indent=1)


def node(nid, type="I", text=None):
    return {"nodeID": nid, "type": type, "text": text if text is not None else f"Claim {nid}."}


def edge(a, b, eid=None):
    return {"edgeID": eid or f"{a}>{b}", "fromID": a, "toID": b}


# -- the shared corpus -------------------------------------------------------------------


def test_the_corpus_is_there():
    assert [p.name for p in CORPUS_FILES] == ["nodeset6064.json", "xaif-toy.json"]


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_files_import(path):
    amap = load_map(path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw = raw.get("AIF", raw)
    i_nodes = [n for n in raw["nodes"] if n["type"] == "I"]
    ra_nodes = [n for n in raw["nodes"] if n["type"] == "RA"]
    assert sorted(c.text for c in amap.claims.values()) == sorted(n["text"] for n in i_nodes)
    assert len(amap.inferences) == len(ra_nodes)
    assert all(inf.is_support for inf in amap.inferences.values())
    # Nothing is lost: every node is a claim, an inference or kept.
    kept = amap.data["aif"]["nodes"]
    assert len(amap.claims) + len(amap.inferences) + len(kept) == len(raw["nodes"])
    assert {n["type"] for n in kept} >= {"L", "YA", "TA"}


def test_nodeset_structure_and_thesis():
    amap = load_map(CORPUS / "nodeset6064.json")
    # 29054 <- 29053 <- 111816 <- 111809: the longest chain of support ends in the thesis.
    assert amap.thesis == "29054"
    assert [(i.premises, i.target) for i in amap.supports_of("29053")] == [(("111816",), "29053")]
    assert amap.claims["29045"].data["aif"]["timestamp"] == "2014-04-28 15:51:38"
    assert amap.claims["29045"].line == 3  # findings point into the JSON file


def test_xaif_wrapper_is_read_and_kept():
    amap = load_map(CORPUS / "xaif-toy.json")
    assert {c.text for c in amap.claims.values()} == {"A", "B"}
    (inf,) = amap.inferences.values()
    assert amap.claims[inf.premises[0]].text == "B" and amap.claims[inf.target].text == "A"
    assert amap.claims[amap.thesis].text == "A"
    assert set(amap.data["aif"]["wrapper"]) == {"text", "OVA"}
    assert "participants" in amap.data["aif"]["document"]


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("command", ["check", "show", "evaluate"])
def test_cli_commands_accept_corpus_files(path, command):
    result = runner.invoke(app, [command, str(path)])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if command == "show":
        assert "THESIS" in result.output
    if command == "evaluate":
        assert load_map(path).thesis in result.output


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_render_accepts_corpus_files(path, tmp_path):
    out = tmp_path / "map.svg"
    result = runner.invoke(app, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))


def test_check_json_reports_lines_in_the_aif_file():
    result = runner.invoke(app, ["check", "--format", "json", str(CORPUS / "nodeset6064.json")])
    findings = json.loads(result.stdout)["findings"]
    disconnected = {f["target"]: f["line"] for f in findings if f["name"] == "disconnected"}
    assert disconnected["29045"] == 3


# -- own fixtures: every AIF construct ----------------------------------------------------


@pytest.fixture(scope="module")
def meals():
    return load_map(FIXTURES / "school-meals.json")


def test_linked_premises_make_one_inference(meals):
    (reason,) = meals.supports_of("1")
    assert reason.id == "10" and reason.premises == ("2", "3")
    assert reason.data["aif"]["node"]["scheme"] == "Argument From Consequences"
    assert not reason.explicit_id  # messages name it by its premises


def test_conflicts_become_attacks(meals):
    (objection,) = meals.attacks_on("1")
    assert objection.premises == ("4",) and objection.is_attack
    (rebuttal,) = meals.attacks_on("4")
    assert rebuttal.premises == ("5",)


def test_ca_on_an_ra_is_an_undercut(meals):
    (undercut,) = meals.attacks_on("10")
    assert undercut.premises == ("6",) and meals.is_undercut(undercut)


def test_ra_on_an_ra_supports_the_inference(meals):
    (backing,) = meals.supports_of("10")
    assert backing.premises == ("8",) and backing.target == "10"


def test_rephrase_preference_and_dialogue_are_kept(meals):
    kept = {n["nodeID"]: n["type"] for n in meals.data["aif"]["nodes"]}
    assert kept == {"15": "MA", "16": "PA", "20": "L", "21": "YA", "22": "L", "23": "YA", "24": "TA", "25": "YA"}
    kept_edges = {(e["fromID"], e["toID"]) for e in meals.data["aif"]["edges"]}
    assert {("1", "15"), ("15", "7"), ("12", "16"), ("25", "11"), ("21", "1")} <= kept_edges
    assert ("2", "10") not in kept_edges  # mapped edges live on their inference
    assert "7" in meals.claims  # the rephrased I-node is a claim of its own
    assert meals.data["aif"]["document"]["participants"][0]["firstname"] == "Ana"


def test_thesis_is_the_most_supported_top_conclusion(meals):
    assert meals.thesis == "1"


def test_rebuttal_of_an_undercut_in_xaif():
    amap = load_map(FIXTURES / "xaif-rebuttal.json")
    (undercut,) = amap.attacks_on("5_a")
    (rebuttal,) = amap.attacks_on(undercut.id)
    assert rebuttal.premises == ("4_a",)
    assert amap.data["aif"]["wrapper"]["OVA"]["nodes"][0]["x"] == 10


def test_checks_run_on_aif(meals):
    names = {(f.name, f.target) for f in run_checks(meals)}
    assert ("disconnected", "7") in names
    assert ("unanswered-objection", "6") in names


# -- the thesis rule ------------------------------------------------------------------------


def test_thesis_rule_prefers_the_larger_support_tree():
    nodes = [node(n) for n in "abcde"] + [node("r1", "RA"), node("r2", "RA"), node("r3", "RA")]
    edges = [edge("b", "r1"), edge("r1", "a"), edge("d", "r2"), edge("r2", "c"), edge("e", "r3"), edge("r3", "d")]
    assert parse_map(aif(nodes, edges), "m.json").thesis == "c"


def test_thesis_rule_breaks_ties_by_file_order():
    nodes = [node(n) for n in "abcd"] + [node("r1", "RA"), node("r2", "RA")]
    edges = [edge("b", "r1"), edge("r1", "a"), edge("d", "r2"), edge("r2", "c")]
    assert parse_map(aif(nodes, edges), "m.json").thesis == "a"


def test_thesis_rule_without_any_inference_takes_the_first_claim():
    assert parse_map(aif([node("x"), node("y")], []), "m.json").thesis == "x"


def test_thesis_key_wins():
    nodes = [node("a"), node("b"), node("r", "RA")]
    assert parse_map(aif(nodes, [edge("b", "r"), edge("r", "a")], thesis="b"), "m.json").thesis == "b"


def test_thesis_key_must_name_an_i_node():
    nodes = [node("a"), node("r", "RA")]
    with pytest.raises(MapError) as err:
        parse_map(aif(nodes, [], thesis="r"), "m.json")
    assert "thesis: 'r' is not the nodeID of an I-node" in str(err.value)


# -- robustness: odd but real shapes -----------------------------------------------------


def test_integer_ids_and_missing_edges_key():
    text = json.dumps({"nodes": [{"nodeID": 7, "type": "I", "text": "Seven."}]})
    amap = parse_map(text, "m.json")
    assert list(amap.claims) == ["7"]


def test_s_node_without_premise_or_target_is_kept_not_mapped():
    nodes = [node("a"), node("r", "RA"), node("c", "CA")]
    amap = parse_map(aif(nodes, [edge("r", "a"), edge("a", "c")]), "m.json")
    assert not amap.inferences
    assert {n["nodeID"] for n in amap.data["aif"]["nodes"]} == {"r", "c"}
    assert len(amap.data["aif"]["edges"]) == 2


def test_attack_on_an_unmappable_node_is_kept():
    nodes = [node("a"), node("b"), node("r", "RA"), node("c", "CA")]
    amap = parse_map(aif(nodes, [edge("r", "a"), edge("b", "c"), edge("c", "r")]), "m.json")
    assert not amap.inferences


def test_node_types_are_case_insensitive():
    nodes = [node("a", "i"), node("b", "i"), node("r", "ra")]
    amap = parse_map(aif(nodes, [edge("b", "r"), edge("r", "a")]), "m.json")
    assert list(amap.inferences) == ["r"]


def test_an_s_node_with_two_targets_is_split():
    nodes = [node("a"), node("b"), node("c"), node("r", "RA")]
    amap = parse_map(aif(nodes, [edge("c", "r"), edge("r", "a"), edge("r", "b")]), "m.json")
    assert sorted((i.id, i.target) for i in amap.inferences.values()) == [("r", "a"), ("r~2", "b")]


def test_a_null_text_is_kept_on_nodes_whose_text_is_not_read():
    """Only an I-node's text is a claim: an RA or dialogue node with ``"text": null`` no longer stops the file."""
    nodes = [
        node("a"),
        node("b"),
        {"nodeID": "r", "type": "RA", "text": None},
        {"nodeID": "y", "type": "YA", "text": None},
    ]
    amap = parse_map(aif(nodes, [edge("b", "r"), edge("r", "a"), edge("y", "r")]), "m.json")
    assert [(i.premises, i.target) for i in amap.inferences.values()] == [(("b",), "a")]
    assert amap.data["aif"]["nodes"] == [{"nodeID": "y", "type": "YA", "text": None}]
    with pytest.raises(MapError, match=r"nodes\[0\]\.text: must be a string"):
        parse_map(aif([{"nodeID": "a", "type": "I", "text": None}], []), "m.json")


# -- errors: JSON syntax at line:col, schema at the JSON path -----------------------------


def test_json_syntax_error_has_line_and_column():
    with pytest.raises(MapError) as err:
        parse_map('{\n  "nodes": [\n    {"nodeID": "1",, "type": "I"}\n  ]\n}', "bad.json")
    assert (err.value.line, err.value.col) == (3, 20)
    assert str(err.value).startswith("bad.json:3:20: malformed JSON")


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ([], "the document: an AIF file is a JSON object"),
        ({"edges": []}, "the document: no 'nodes' list"),
        ({"nodes": {}}, "nodes: must be a list of nodes"),
        ({"nodes": [node("a"), node("b"), node("c"), {"nodeID": "d", "type": 3}]}, "nodes[3].type: must be a node"),
        ({"nodes": [node("a"), {"type": "I", "text": "x"}]}, "nodes[1]: the node has no 'nodeID'"),
        ({"nodes": [node("a"), node("a")]}, "nodes[1].nodeID: duplicate nodeID 'a' (also nodes[0])"),
        ({"nodes": [{"nodeID": "a", "type": "I"}]}, "nodes[0]: an I-node needs 'text'"),
        ({"nodes": [{"nodeID": True, "type": "I", "text": "x"}]}, "nodes[0].nodeID: must be a non-empty string"),
        ({"nodes": [node("a")], "edges": [edge("a", "zz")]}, "edges[0].toID: no node has nodeID 'zz'"),
        ({"nodes": [node("a")], "edges": [{"fromID": "a"}]}, "edges[0]: the edge has no 'toID'"),
        ({"nodes": [node("r", "RA")], "edges": []}, "the document: the document has no I-nodes"),
        ({"nodes": [node("a")], "argmap": {"claims": {"a": {"assumptoin": True}}}}, "argmap.claims.a.assumptoin"),
        ({"AIF": {"nodes": [node("a"), {"nodeID": "b"}]}}, "AIF.nodes[1]: the node has no 'type'"),
        ({"format": "argmap", "version": 1}, "this is argmap's own JSON, not AIF"),
    ],
)
def test_schema_errors_name_the_json_path(doc, expected):
    with pytest.raises(MapError) as err:
        parse_map(json.dumps(doc, indent=1), "bad.json")
    assert expected in str(err.value)
    assert str(err.value).startswith("bad.json")


def test_schema_error_points_at_the_line_of_the_object():
    text = '{"nodes": [\n {"nodeID": "a", "type": "I", "text": "x"},\n {"nodeID": "b", "type": 4}\n]}'
    with pytest.raises(MapError) as err:
        parse_map(text, "bad.json")
    assert str(err.value).startswith("bad.json:3:2: nodes[1].type:")


def test_typo_in_argmap_block_suggests_the_key():
    doc = {"nodes": [node("a")], "argmap": {"claims": {"a": {"assumptoin": True}}}}
    with pytest.raises(MapError) as err:
        parse_map(json.dumps(doc), "bad.json")
    assert "did you mean 'assumption'?" in str(err.value)


def test_duplicate_json_keys_are_refused():
    with pytest.raises(MapError) as err:
        parse_map('{"nodes": [], "nodes": []}', "bad.json")
    assert "duplicate key 'nodes'" in str(err.value)


def test_cli_exits_2_with_the_place_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [{"nodeID": "a", "type": "I", "text": "x"}], "edges": [{"fromID": "a", "toID": "q"}]}')
    result = runner.invoke(app, ["check", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:1:" in result.stderr and "edges[0].toID: no node has nodeID 'q'" in result.stderr
    assert "Traceback" not in result.output


def test_argmap_json_in_a_plain_json_file_is_readable_with_from(tmp_path):
    amap = load_map(FIXTURES / "school-meals.json")
    from argmap.writers import dumps

    path = tmp_path / "export.json"
    path.write_text(dumps(amap, "json"), encoding="utf-8")
    with pytest.raises(MapError, match="use --from json"):
        load_map(path)
    assert load_map(path, "json").thesis == "1"
