"""Writing AIF: the round trip keeps claims, structure and every kept node."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap import ArgumentMap, Claim, Inference, load_map, parse_map
from argmap.writers import dumps, writer_for

HERE = Path(__file__).parent
FIXTURES = sorted((HERE / "fixtures" / "aif").glob("*.json"))
CORPUS = sorted((HERE.parents[1] / "shared" / "corpus" / "aif").glob("*.json"))
YAML_MAP = HERE / "fixtures" / "convert" / "meals.yaml"


def shape(amap: ArgumentMap, element: str) -> object:
    """An element by content, not id: a claim's text, an inference's premises, type and target."""
    if element in amap.claims:
        return amap.claims[element].text
    inf = amap.inferences[element]
    return (frozenset(amap.claims[p].text for p in inf.premises), inf.type, shape(amap, inf.target))


def structure(amap: ArgumentMap) -> tuple[list[str], list[object]]:
    texts = sorted(c.text for c in amap.claims.values())
    return texts, sorted(map(repr, (shape(amap, i) for i in amap.inferences)))


def round_trip(amap: ArgumentMap) -> ArgumentMap:
    return parse_map(dumps(amap, "aif"), "again.json")


@pytest.mark.parametrize("path", FIXTURES + CORPUS, ids=lambda p: p.name)
def test_round_trip_keeps_texts_and_structure(path):
    first = load_map(path)
    again = round_trip(first)
    assert structure(again) == structure(first)
    assert again.thesis == first.thesis
    undercuts = sorted(repr(shape(first, i.id)) for i in first.inferences.values() if first.is_undercut(i))
    assert undercuts == sorted(repr(shape(again, i.id)) for i in again.inferences.values() if again.is_undercut(i))


@pytest.mark.parametrize("path", FIXTURES + CORPUS, ids=lambda p: p.name)
def test_round_trip_keeps_every_node_and_edge(path):
    original = json.loads(path.read_text(encoding="utf-8"))
    exported = json.loads(dumps(load_map(path), "aif"))
    if "AIF" in original:
        assert {k: v for k, v in exported.items() if k != "AIF"} == {k: v for k, v in original.items() if k != "AIF"}
        original, exported = original["AIF"], exported["AIF"]

    def nodes(doc):
        return {str(n["nodeID"]): (n["type"], n.get("text")) for n in doc["nodes"]}

    def edges(doc):
        return {(str(e["fromID"]), str(e["toID"]), str(e.get("edgeID"))) for e in doc["edges"]}

    assert nodes(exported) == {k: (t.upper(), x) for k, (t, x) in nodes(original).items()}
    assert edges(exported) == edges(original)
    for key in original:
        if key not in ("nodes", "edges"):
            assert exported[key] == original[key]


def test_export_is_stable():
    amap = load_map(FIXTURES[0])
    text = dumps(amap, "aif")
    assert dumps(parse_map(text, "again.json"), "aif") == text


def test_dialogue_nodes_are_written_with_their_edges():
    exported = json.loads(dumps(load_map(HERE / "fixtures" / "aif" / "school-meals.json"), "aif"))
    types = {n["nodeID"]: n["type"] for n in exported["nodes"]}
    assert [types[i] for i in ("15", "20", "21", "24")] == ["MA", "L", "YA", "TA"]
    assert {"fromID": "1", "toID": "15", "edgeID": "112"} in exported["edges"]
    assert exported["locutions"][0]["nodeID"] == "20"


def test_a_yaml_map_survives_aif():
    amap = load_map(YAML_MAP)
    again = round_trip(amap)
    assert dumps(again, "yaml") == dumps(amap, "yaml")
    assert [(s.id, s.citation, s.url) for s in again.sources.values()] == [
        (s.id, s.citation, s.url) for s in amap.sources.values()
    ]
    assert [c.assumption for c in again.claims.values()] == [c.assumption for c in amap.claims.values()]


def test_yaml_map_as_aif_nodes_and_edges():
    doc = json.loads(dumps(load_map(YAML_MAP), "aif"))
    types = {n["nodeID"]: n["type"] for n in doc["nodes"]}
    assert types["fund-meals"] == "I"
    assert sorted(set(types.values())) == ["CA", "I", "RA"]
    edge_ids = [e["edgeID"] for e in doc["edges"]]
    assert len(set(edge_ids)) == len(edge_ids)
    assert doc["argmap"]["thesis"] == "fund-meals"


def test_kept_edges_to_removed_nodes_are_dropped():
    amap = load_map(HERE / "fixtures" / "aif" / "school-meals.json")
    smaller = ArgumentMap(
        amap.title,
        amap.thesis,
        [c for c in amap.claims.values() if c.id != "7"],
        amap.inferences.values(),
        data=amap.data,
    )
    doc = json.loads(dumps(smaller, "aif"))
    ids = {n["nodeID"] for n in doc["nodes"]}
    assert "7" not in ids and "15" in ids
    assert all(e["fromID"] in ids and e["toID"] in ids for e in doc["edges"])


def test_integer_ids_stay_integers():
    """xAIF from argument-mining tools numbers its nodes with JSON integers, and its consumers compare
    ``nodeID`` with ``fromID`` as they are: the I and RA nodes came back as strings while edges stayed integers."""
    xaif = {
        "AIF": {
            "nodes": [
                {"nodeID": 0, "text": "Ann: we need rain", "type": "L"},
                {"nodeID": 1, "text": "We need rain", "type": "I"},
                {"nodeID": 2, "text": "Asserting", "type": "YA"},
                {"nodeID": 3, "text": "The wells are dry", "type": "I"},
                {"nodeID": 4, "text": "Default Inference", "type": "RA"},
            ],
            "edges": [
                {"edgeID": 0, "fromID": 0, "toID": 2},
                {"edgeID": 1, "fromID": 2, "toID": 1},
                {"edgeID": 2, "fromID": 3, "toID": 4},
                {"edgeID": 3, "fromID": 4, "toID": 1},
            ],
            "locutions": [{"nodeID": 0, "personID": 0}],
        }
    }
    mined = parse_map(json.dumps(xaif), "mined.json")
    first = ArgumentMap(
        mined.title,
        mined.thesis,
        [*mined.claims.values(), Claim("5", "Rain is forecast")],
        [*mined.inferences.values(), Inference("6", ("5",), "1", "support")],
        data=mined.data,
    )
    out = json.loads(dumps(first, "aif"))["AIF"]
    ids = {n["nodeID"] for n in out["nodes"]}
    assert ids == {0, 1, 2, 3, 4, 5, 6}
    assert all(e["fromID"] in ids and e["toID"] in ids for e in out["edges"])
    assert structure(parse_map(json.dumps(out), "again.json")) == structure(first)


def test_string_ids_stay_strings():
    text = json.dumps(
        {
            "nodes": [
                {"nodeID": "1", "text": "A", "type": "I"},
                {"nodeID": "2", "text": "B", "type": "I"},
                {"nodeID": "3", "text": "Default Inference", "type": "RA"},
            ],
            "edges": [{"edgeID": "1", "fromID": "2", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "1"}],
        }
    )
    out = json.loads(dumps(parse_map(text, "strings.json"), "aif"))
    assert [n["nodeID"] for n in out["nodes"]] == ["1", "2", "3"]
    assert [(e["fromID"], e["toID"]) for e in out["edges"]] == [("2", "3"), ("3", "1")]


def test_a_node_with_two_conclusions_is_written_as_one():
    """An overspecified xAIF conflict with two targets is read as two attacks; AIF gets the one CA node back."""
    text = json.dumps(
        {
            "nodes": [
                {"nodeID": "a", "text": "A", "type": "I"},
                {"nodeID": "b", "text": "B", "type": "I"},
                {"nodeID": "c", "text": "C", "type": "I"},
                {"nodeID": "x", "text": "Default Conflict", "type": "CA"},
            ],
            "edges": [
                {"edgeID": "1", "fromID": "c", "toID": "x"},
                {"edgeID": "2", "fromID": "x", "toID": "a"},
                {"edgeID": "3", "fromID": "x", "toID": "b"},
            ],
        }
    )
    first = parse_map(text, "overspecified.json")
    assert sorted((i.premises, i.target) for i in first.inferences.values()) == [(("c",), "a"), (("c",), "b")]
    out = json.loads(dumps(first, "aif"))
    assert sorted(n["nodeID"] for n in out["nodes"]) == ["a", "b", "c", "x"]
    assert sorted((e["edgeID"], e["fromID"], e["toID"]) for e in out["edges"]) == [
        ("1", "c", "x"),
        ("2", "x", "a"),
        ("3", "x", "b"),
    ]
    assert structure(parse_map(json.dumps(out), "again.json")) == structure(first)


def test_suffixes():
    assert writer_for("out.json").name == "aif"
    assert writer_for("out.aif.json").name == "aif"
    assert writer_for("out.argmap.json").name == "json"
