"""``argmap check --format sarif``: SARIF 2.1.0 for code-scanning annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import catalogue, load_map, run_checks
from argmap.cli import app
from argmap.errors import MapError
from argmap.sarif import artifact_uri, to_sarif

HERE = Path(__file__).parent
MEALS = HERE / "fixtures" / "convert" / "meals.yaml"
runner = CliRunner()


def sarif(*args: str):
    result = runner.invoke(app, ["check", "--format", "sarif", *map(str, args)])
    return result, json.loads(result.stdout)


def test_log_shape_and_rules():
    _, log = sarif(MEALS)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "argmap"
    assert [r["id"] for r in driver["rules"]] == [c.code for c in catalogue()]
    assert [r["name"] for r in driver["rules"]] == [c.name for c in catalogue()]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert {
        c.code: {"error": "error", "warning": "warning", "info": "note"}[c.severity.value] for c in catalogue()
    } == levels
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in driver["rules"])
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]


def test_results_match_the_findings_and_point_at_lines():
    _, log = sarif(MEALS)
    findings = run_checks(load_map(MEALS))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    results = log["runs"][0]["results"]
    assert len(results) == len(findings) > 0
    for res, finding in zip(results, findings, strict=True):
        assert res["ruleId"] == finding.code == rules[res["ruleIndex"]]["id"]
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding.severity.value]
        (location,) = res["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == artifact_uri(str(MEALS))
        assert physical["region"]["startLine"] == finding.line >= 1
        assert location["logicalLocations"] == [{"name": finding.target, "kind": "element"}]
        assert finding.message in res["message"]["text"]
    fingerprints = [r["partialFingerprints"]["argmapElement/v1"] for r in results]
    assert len(set(zip(fingerprints, (r["ruleId"] for r in results), strict=True))) == len(results)


def test_exit_codes_follow_the_text_mode(tmp_path):
    failing = tmp_path / "f.yaml"
    failing.write_text("title: T\nthesis: a\nclaims:\n  a: A\n  b: B\ninferences:\n  - from: b\n    to: a\n")
    result, log = sarif(failing)
    assert result.exit_code == 1
    assert {r["ruleId"] for r in log["runs"][0]["results"] if r["level"] == "error"} == {"AM101"}
    result, _ = sarif(MEALS)
    assert result.exit_code == 0  # warnings only
    result = runner.invoke(app, ["check", "--format", "sarif", "--strict", str(MEALS)])
    assert result.exit_code == 1


def test_unreadable_maps_are_notifications(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\nthesis: a\nclaims:\n  a: A\ninferences:\n  - from: [zz]\n    to: a\n")
    result, log = sarif(bad, MEALS)
    assert result.exit_code == 2
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "premise 'zz'" in note["message"]["text"]
    region = note["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 6 and region["startColumn"] >= 1
    assert log["runs"][0]["results"]  # the readable map is still reported


def test_uris():
    assert artifact_uri("maps/my map.yaml") == "maps/my%20map.yaml"
    assert artifact_uri("/tmp/a b.yaml") == "file:///tmp/a%20b.yaml"


def test_library_function_without_files():
    log = to_sarif([], [MapError("broken", "x.yaml", 0, 0)], version="9")
    (note,) = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert "region" not in note["locations"][0]["physicalLocation"]
    assert log["runs"][0]["tool"]["driver"]["version"] == "9"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_every_format_is_accepted(fmt):
    result = runner.invoke(app, ["check", "--format", fmt, str(MEALS)])
    assert result.exit_code == 0
