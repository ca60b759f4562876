"""argmap's JSON export: schema-valid, lossless, and read back to the same map."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from argmap import MapError, load_map, parse_map
from argmap.schemas import MAP_SCHEMA
from argmap.writers import dumps
from argmap.writers.json_map import to_dict

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden" / "convert"
MAPS = [
    FIXTURES / "convert" / "meals.yaml",
    FIXTURES / "convert" / "hostile.yaml",
    *sorted((FIXTURES / "aif").glob("*.json")),
]


def test_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(MAP_SCHEMA)


def test_export_matches_the_golden_file():
    assert dumps(load_map(FIXTURES / "convert" / "meals.yaml"), "json") == (GOLDEN / "meals.argmap.json").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_export_validates_against_the_schema(path):
    Draft202012Validator(MAP_SCHEMA).validate(json.loads(dumps(load_map(path), "json")))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_round_trip_is_lossless(path):
    first = load_map(path)
    again = parse_map(dumps(first, "json"), "again.argmap.json")
    assert to_dict(again) == to_dict(first)
    assert dumps(again, "yaml") == dumps(first, "yaml")
    assert dumps(again, "aif") == dumps(first, "aif")


def test_anonymous_inferences_stay_anonymous():
    amap = load_map(FIXTURES / "convert" / "meals.yaml")
    again = parse_map(dumps(amap, "json"), "m.argmap.json")
    assert [i.explicit_id for i in again.inferences.values()] == [True, True, False, True]
    assert again.describe("inference-3") == "['surplus' attacking 'too-expensive']"


def test_claims_get_their_json_line():
    text = dumps(load_map(FIXTURES / "convert" / "meals.yaml"), "json")
    amap = parse_map(text, "m.argmap.json")
    line = text.splitlines()[amap.claims["surplus"].line - 1]
    assert line.strip() == "{" and '"id": "surplus"' in text.splitlines()[amap.claims["surplus"].line]


def _doc(**changes):
    doc = json.loads(dumps(load_map(FIXTURES / "convert" / "meals.yaml"), "json"))
    for path, value in changes.items():
        target = doc
        *parents, last = path.split("__")
        for step in parents:
            target = target[int(step)] if step.isdigit() else target[step]
        target[int(last) if last.isdigit() else last] = value
    return json.dumps(doc, indent=2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_doc(claims__2__assumptoin=True), "claims[2].assumptoin: unknown key (did you mean 'assumption'?)"),
        (_doc(claims__1__text=5), "claims[1].text: 5 is not of type 'string'"),
        (_doc(inferences__0__type="supports"), "inferences[0].type: 'supports' is not one of"),
        (_doc(inferences__0__from=[]), "inferences[0].from:"),
        (_doc(version=2), "version: 1 was expected"),
        (_doc(inferences__1__to="nowhere"), "inference 'cost' targets unknown id 'nowhere'"),
        (_doc(thesis="fund-meal"), "thesis 'fund-meal' is not a claim id (did you mean 'fund-meals'?)"),
        ('{"format": "argmap", "version": 1, "title": "T", "thesis": "t"}', "'claims' is required here"),
        ('{"format": "argmap",\n "version": 1,,}', "m.argmap.json:2:15: malformed JSON"),
    ],
)
def test_errors_name_the_json_path(text, expected):
    with pytest.raises(MapError) as err:
        parse_map(text, "m.argmap.json")
    assert expected in str(err.value)
    assert str(err.value).startswith("m.argmap.json:")


def test_error_is_reported_at_the_line_of_the_object():
    text = _doc(claims__2__assumptoin=True)
    with pytest.raises(MapError) as err:
        parse_map(text, "m.argmap.json")
    assert '"id": "meals-reduce-hunger"' in text.splitlines()[err.value.line]
