"""The published JSON Schemas agree with the readers: what argmap loads, the schema accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from argmap import MapError, load_map
from argmap.schemas import MAP_SCHEMA, YAML_SCHEMA

ROOT = Path(__file__).parents[1]
YAML_FILES = sorted(
    p
    for pattern in ("maps/**/*.yaml", "maps/**/*.yml", "tests/fixtures/**/*.yaml", "tests/fixtures/**/*.yml")
    for p in ROOT.glob(pattern)
)
validator = Draft202012Validator(YAML_SCHEMA)


def loads(path: Path) -> bool:
    try:
        load_map(path)
    except MapError:
        return False
    return True


VALID_MAPS = [p for p in YAML_FILES if loads(p)]


@pytest.mark.parametrize("schema", [MAP_SCHEMA, YAML_SCHEMA], ids=["json", "yaml"])
def test_schemas_are_valid(schema):
    Draft202012Validator.check_schema(schema)


def test_there_are_maps_to_validate():
    assert len(VALID_MAPS) >= 3


@pytest.mark.parametrize("path", VALID_MAPS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_map_argmap_loads_is_valid(path):
    errors = sorted(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))), key=str)
    assert not errors, f"{path}: {errors[0].json_path}: {errors[0].message}"


def _meals() -> dict:
    return yaml.safe_load((ROOT / "tests" / "fixtures" / "convert" / "meals.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda m: m.update(thesiss=m.pop("thesis")), "$"),
        (lambda m: m["claims"]["surplus"].update(sorce="city2022"), "$.claims.surplus"),
        (lambda m: m["inferences"][0].update(form=m["inferences"][0].pop("from")), "$.inferences[0]"),
        (lambda m: m["inferences"][1].update(type="attacks"), "$.inferences[1].type"),
        (lambda m: m["claims"]["surplus"].update(weight=2), "$.claims.surplus"),
        (lambda m: m["sources"].update(who2019={"citaton": "x"}), "$.sources.who2019"),
    ],
)
def test_typos_and_wrong_values_fail(change, where):
    doc = _meals()
    change(doc)
    errors = list(validator.iter_errors(doc))
    assert errors
    assert any(e.json_path.startswith(where) for e in errors)


def test_short_and_long_forms_both_validate():
    doc = {
        "title": "T",
        "thesis": "a",
        "claims": {"a": "A", "b": {"text": "B", "tags": "one", "ignore": ["AM101"]}},
        "inferences": [{"from": "b", "to": "a"}, {"from": ["b"], "to": "a", "type": "attack", "id": "x"}],
    }
    assert not list(validator.iter_errors(doc))
