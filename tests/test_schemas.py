"""The published JSON Schemas agree with the readers: what argmap loads, the schema accepts."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from fastjsonschema import JsonSchemaException
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from argmap import MapError, load_map
from argmap.readers._json import _compiled
from argmap.readers.aif import _META_SCHEMA as AIF_META_SCHEMA
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


# -- the compiled validator that reading runs first --------------------------------------

VALID_MAP = {
    "format": "argmap",
    "version": 1,
    "title": "Meals",
    "thesis": "a",
    "sources": [{"id": "s", "citation": "A study", "url": "https://example.org"}],
    "claims": [
        {"id": "a", "text": "Schools should serve meals.", "tags": ["x"]},
        {"id": "b", "text": "Hungry children learn less.", "source": "s", "weight": 0.5, "assumption": True},
    ],
    "inferences": [{"id": "i", "from": ["b"], "to": "a", "type": "support", "ignore": ["missing-link"]}],
}
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.sampled_from([0.5, 1.0, 2.5, -1.0])
    | st.text(max_size=3)
    | st.sampled_from(["support", "attack", "argmap", "a", "b", "s"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "text", "x"]), inner, max_size=2)
    ),
    max_leaves=6,
)


def _places(value, trail=()):
    yield trail
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*trail, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*trail, index))


@st.composite
def mutated(draw, document):
    """``document`` with a few values replaced, keys dropped or added at drawn places."""
    doc = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        trail = draw(st.sampled_from(list(_places(doc))))
        if not trail:
            continue
        *path, last = trail
        parent = doc
        for step in path:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        if action == "replace":
            parent[last] = draw(json_values)
        elif action == "drop" and isinstance(parent, dict):
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "note", "url", "anonymous", "data", "page"]))] = draw(json_values)
    return doc


@pytest.mark.parametrize("schema", [MAP_SCHEMA, AIF_META_SCHEMA], ids=["map", "aif-meta"])
@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_the_compiled_validator_accepts_exactly_what_jsonschema_accepts(schema, data):
    document = VALID_MAP if schema is MAP_SCHEMA else {"thesis": "a", "title": "T", "sources": {"s": "A study"}}
    instance = data.draw(mutated(document) | json_values)
    try:
        _compiled(schema)(instance)
        fast = True
    except JsonSchemaException:
        fast = False
    assert fast == Draft202012Validator(schema).is_valid(instance)


def test_a_valid_json_map_is_read_without_importing_jsonschema(tmp_path):
    path = tmp_path / "m.argmap.json"
    path.write_text(json.dumps(VALID_MAP), encoding="utf-8")
    code = f"import sys\nfrom argmap import load_map\nload_map({str(path)!r})\nprint('jsonschema' in sys.modules)\n"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
    broken = dict(VALID_MAP, claims=[{"id": "a", "text": "A claim.", "tgas": ["x"]}])
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(MapError, match=r"claims\[0\]\.tgas: unknown key \(did you mean 'tags'\?\)"):
        load_map(path)
