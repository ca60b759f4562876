"""``argmap evaluate``, ``whatif``, ``critical`` and the ``--evaluate`` options of ``render`` and ``show``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from argmap.dot import LABEL_COLORS

ROOT = Path(__file__).parents[1]
MAP = Path("tests") / "fixtures" / "evaluate" / "night-train.yaml"
GOLDEN = ROOT / "tests" / "golden" / "evaluate"

runner = CliRunner()


@pytest.fixture(autouse=True)
def in_repo(monkeypatch):
    """Run from the repository root so that paths in the output are relative and stable."""
    monkeypatch.chdir(ROOT)


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


def golden(name: str, text: str) -> None:
    assert text == (GOLDEN / name).read_text(encoding="utf-8")


# -- evaluate -------------------------------------------------------------------------------


def test_evaluate_text_table():
    result = run("evaluate", MAP)
    assert result.exit_code == 0, result.output
    golden("evaluate.txt", result.stdout)


def test_evaluate_json_lists_every_element_with_label_and_reason():
    result = run("evaluate", MAP, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["thesis"] == "fund-night-train"
    assert report["thesis_label"] == "accepted"
    assert report["counts"] == {"accepted": 11, "rejected": 2, "undecided": 4}
    labels = {row["id"]: row["label"] for row in report["elements"]}
    assert len(labels) == 17
    assert labels["demand"] == "undecided"  # an unsourced objection still stands against it
    assert labels["r-demand"] == "undecided"
    assert labels["cost"] == "rejected" and labels["temporary"] == "accepted"
    assert labels["dated"] == "rejected" and labels["rebound"] == "accepted"
    assert all(row["why"] for row in report["elements"])
    assert "strength" not in report["elements"][0]


def test_evaluate_with_inputs_and_strength():
    result = run("evaluate", MAP, "--reject", "breaks-even", "--accept", "trains-are-slow", "--strength", "-f", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["reject"] == ["breaks-even"] and report["accept"] == ["trains-are-slow"]
    rows = {row["id"]: row for row in report["elements"]}
    assert rows["fund-night-train"]["label"] == "rejected"
    assert rows["demand"]["label"] == "rejected"
    assert rows["breaks-even"]["why"] == "rejected as an input (--reject)"
    assert rows["breaks-even"]["strength"] == 0.0
    assert all(0.0 <= row["strength"] <= 1.0 for row in rows.values() if row["kind"] in ("claim", "thesis"))
    assert all("strength" not in row for row in rows.values() if row["kind"] not in ("claim", "thesis"))


def test_evaluate_strength_column_in_text():
    result = run("evaluate", MAP, "--strength")
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[3]
    assert header.split() == ["label", "strength", "kind", "element", "why"]
    assert "accepted   1.00      thesis    fund-night-train" in result.stdout


@pytest.mark.parametrize("command", ["evaluate", "whatif", "critical"])
def test_unknown_id_exits_2_with_a_hint_and_no_output(command):
    result = run(command, MAP, "--reject", "breaks-evn")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"{MAP}: --reject 'breaks-evn'")
    assert "did you mean 'breaks-even'?" in result.stderr
    assert "Traceback" not in result.output


def test_the_same_id_accepted_and_rejected_is_bad_input():
    result = run("evaluate", MAP, "--accept", "subsidy", "--reject", "subsidy")
    assert result.exit_code == 2
    assert "both accepted and rejected" in result.stderr


def test_unreadable_map_exits_2(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: x\nthesis: nope\nclaims:\n  a: A.\n", encoding="utf-8")
    result = run("evaluate", broken)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{broken}:2")


# -- whatif ---------------------------------------------------------------------------------


def test_whatif_text_thesis_first():
    result = run("whatif", MAP, "--reject", "breaks-even")
    assert result.exit_code == 0, result.output
    golden("whatif.txt", result.stdout)


def test_whatif_json():
    result = run("whatif", MAP, "--reject", "bookings", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    # Without the rebound the undercut stands, but the demand reason was only undecided anyway:
    # the thesis keeps standing on the climate reason.
    assert report["thesis_label"] == "accepted"
    assert report["changes"] == [
        {"id": "bookings", "kind": "claim", "before": "accepted", "after": "rejected"},
        {"id": "r-demand", "kind": "support", "before": "undecided", "after": "rejected"},
        {"id": "dated", "kind": "undercut", "before": "rejected", "after": "accepted"},
        {"id": "rebound", "kind": "undercut", "before": "accepted", "after": "rejected"},
    ]


def test_whatif_without_change_says_so():
    result = run("whatif", MAP, "--accept", "subsidy")
    assert result.exit_code == 0, result.output
    assert "no label changes; the thesis 'fund-night-train' stays accepted" in result.stdout


def test_whatif_needs_an_input():
    result = run("whatif", MAP)
    assert result.exit_code == 2
    assert "--reject" in result.stderr


# -- critical -------------------------------------------------------------------------------


def test_critical_text():
    result = run("critical", MAP)
    assert result.exit_code == 0, result.output
    golden("critical.txt", result.stdout)


def test_critical_json_and_the_demand_line_once_its_objection_falls():
    result = run("critical", MAP, "--reject", "trains-are-slow", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["exact"] is True
    assert report["weakest"] == ["breaks-even"]
    # Two independent linked reasons: one premise from each line.
    assert report["sets"] == [
        ["breaks-even"],
        ["bookings", "climate-goal"],
        ["bookings", "emissions"],
        ["cheaper", "climate-goal"],
        ["cheaper", "emissions"],
        ["climate-goal", "demand"],
        ["demand", "emissions"],
    ]


def test_critical_bounds_are_reported():
    sized = run("critical", MAP, "--reject", "trains-are-slow", "--max-size", "1", "-f", "json")
    report = json.loads(sized.stdout)
    assert report["sets"] == [["breaks-even"]]
    assert report["exact"] is False and "at most 1 premise " in report["method"]
    limited = run("critical", MAP, "--limit", "1", "-f", "json")
    report = json.loads(limited.stdout)
    assert report["exact"] is False and "work limit" in report["method"]


def test_critical_when_the_thesis_does_not_stand():
    result = run("critical", MAP, "--reject", "climate-goal")
    assert result.exit_code == 0, result.output
    assert "the thesis 'fund-night-train' is undecided" in result.stdout
    assert "nothing to bring down" in result.stdout


# -- render --evaluate and show --evaluate --------------------------------------------------


def test_render_evaluate_colours_by_label_with_a_legend(tmp_path):
    out = tmp_path / "map.dot"
    result = run("render", MAP, "-o", out, "--evaluate")
    assert result.exit_code == 0, result.output
    dot = out.read_text(encoding="utf-8")
    # No claim of this map is rejected (only inferences are), so two claim fills appear;
    # "rejected" can then only come from the legend.
    assert LABEL_COLORS["accepted"] in dot and LABEL_COLORS["undecided"] in dot
    assert all(label in dot for label in LABEL_COLORS)
    assert "fund-night-train \u00b7 accepted" in dot
    plain = tmp_path / "plain.dot"
    assert run("render", MAP, "-o", plain).exit_code == 0
    plain_dot = plain.read_text(encoding="utf-8")
    assert LABEL_COLORS["accepted"] not in plain_dot
    assert "undecided" not in plain_dot and "rejected" not in plain_dot


def test_render_reject_implies_evaluate(tmp_path):
    out = tmp_path / "map.dot"
    result = run("render", MAP, "-o", out, "--reject", "breaks-even")
    assert result.exit_code == 0, result.output
    assert "fund-night-train \u00b7 rejected" in out.read_text(encoding="utf-8")


def test_render_with_a_bad_id_writes_nothing(tmp_path):
    out = tmp_path / "map.svg"
    result = run("render", MAP, "-o", out, "--evaluate", "--reject", "nope")
    assert result.exit_code == 2
    assert not out.exists()


def test_show_evaluate_marks_the_outline():
    result = run("show", MAP, "--evaluate", "--no-findings", "--reject", "breaks-even")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[2].startswith("THESIS fund-night-train:") and lines[2].endswith("[rejected]")
    assert any("breaks-even:" in line and line.endswith("[rejected]") for line in lines)
    assert "[" not in run("show", MAP, "--no-findings").stdout.splitlines()[2]
