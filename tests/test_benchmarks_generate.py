"""The benchmark maps: exact size, deterministic, every planted defect found, the same content in Argdown."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from argmap import parse_map, run_checks
from argmap.writers import dumps

ROOT = Path(__file__).resolve().parents[1]


def _module():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module
    spec.loader.exec_module(module)
    return module


gen = _module()


@pytest.fixture(scope="module")
def amap():
    return gen.generate(600, 9)


def test_exact_size_and_the_same_map_for_the_same_seed(amap):
    assert len(amap.claims) == 600
    assert dumps(gen.generate(600, 9), "yaml") == dumps(amap, "yaml")
    assert dumps(gen.generate(600, 10), "yaml") != dumps(amap, "yaml")


def test_the_shape_of_a_real_map(amap):
    shapes = Counter(
        ("linked" if len(i.premises) > 1 else "single", i.type, "undercut" if i.target in amap.inferences else "")
        for i in amap.inferences.values()
    )
    assert shapes[("linked", "support", "")] > 20
    assert shapes[("single", "support", "")] > 20
    assert shapes[("single", "attack", "")] > 10
    assert shapes[("single", "attack", "undercut")] > 3
    rebutted = {i.target for i in amap.inferences.values() if i.is_attack} & {
        p for i in amap.inferences.values() if i.is_attack for p in i.premises
    }
    assert rebutted
    assert any(c.source for c in amap.claims.values()) and any(c.assumption for c in amap.claims.values())


def test_each_planted_defect_is_found_and_nothing_else_but_open_objections(amap):
    text = str(dumps(amap, "yaml"))
    found = Counter(f.name for f in run_checks(parse_map(text, path="synthetic.yaml")))
    for name in gen.PLANTED:
        assert found[name] >= 1, name
    assert set(found) <= {*gen.PLANTED, "unanswered-objection", "single-point-of-failure"}


def test_the_argdown_text_states_every_claim_and_every_inference(amap):
    text = gen.to_argdown(amap)
    statements = dict(re.findall(r"^\[([^\]]+)\]: (.*?)(?: \{.*\})?$", text, re.M))
    assert statements == {c.id: c.text for c in amap.claims.values()}
    arguments = re.findall(r"^<([^>]+)>$", text, re.M)
    relations = re.findall(r"^\[([^\]]+)\]\n  (\+>|->|_>) [\[<]([^\]>]+)[\]>]$", text, re.M)
    assert len(arguments) + len(relations) == len(amap.inferences)
    for premise, arrow, target in relations:
        kind = {"+>": "support", "->": "attack", "_>": "attack"}[arrow]
        assert any(i.premises == (premise,) and i.target == target and i.type == kind for i in amap.inferences.values())
    for name in arguments:
        inf = amap.inferences[name]
        block = text.split(f"<{name}>\n\n", 1)[1].split("\n\n", 1)[0]
        assert re.findall(r"^\(\d+\) \[([^\]]+)\]$", block, re.M) == [*inf.premises, inf.target]
