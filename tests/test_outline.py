"""``argmap show``: the argument as an indented outline (golden files in tests/golden/show/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import load_map, run_checks
from argmap.cli import app
from argmap.outline import outline

ROOT = Path(__file__).parents[1]
BIKES = Path("tests") / "fixtures" / "show" / "bikes.yaml"
GOLDEN = ROOT / "tests" / "golden" / "show"

runner = CliRunner()


@pytest.fixture(autouse=True)
def in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize(("options", "golden"), [([], "bikes.txt"), (["--evaluate"], "bikes-evaluate.txt")])
def test_show_matches_the_golden_outline(options, golden):
    result = runner.invoke(app, ["show", str(BIKES), *options])
    assert result.exit_code == 0, result.output
    assert result.stdout == (GOLDEN / golden).read_text(encoding="utf-8")


def test_the_outline_names_each_kind_of_relation_where_it_belongs():
    lines = outline(load_map(BIKES)).splitlines()
    assert lines[0] == "Bike lanes on Main Street"
    assert lines[2].startswith("THESIS build-lanes: The city should build")
    assert "    + reason r-safety (linked: all needed together)" in lines
    assert "        \u2212 undercut" in lines
    assert "    \u2212 objection o-parking" in lines
    assert "        \u2212 rebuttal" in lines
    assert "                many-cyclists: (see above)" in lines
    assert lines[-2:] == ["Not connected to the thesis:", "weather: It rains often in the city."]


def test_findings_are_marked_on_their_element_and_repeats_are_counted():
    amap = load_map(BIKES)
    findings = run_checks(amap)
    marked = outline(amap, findings)
    assert "(source: city2023)  \u26a0 AM108 stranded-premise  \u26a0 AM109 single-point-of-failure" in marked
    doubled = findings + [f for f in findings if f.code == "AM104"]
    assert "weather: It rains often in the city.  \u26a0 AM104 disconnected \u00d72" in outline(amap, doubled)


def _chain_yaml(n: int) -> str:
    """A chain of ``n`` claims, each the only reason for the one before (a small file, a deep argument)."""
    claims = "".join(f"  c{k}: Claim {k}.\n" for k in range(n))
    inferences = "".join(f"  - {{from: c{k}, to: c{k - 1}}}\n" for k in range(1, n))
    return f"title: Chain\nthesis: c0\nclaims:\n{claims}inferences:\n{inferences}"


def test_a_chain_of_thousands_of_reasons_is_shown_with_bounded_indentation(tmp_path):
    """It was a RecursionError traceback from about 450 levels down."""
    path = tmp_path / "chain.yaml"
    path.write_text(_chain_yaml(3000), encoding="utf-8")
    result = runner.invoke(app, ["show", "--no-findings", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[2] == "THESIS c0: Claim 0."
    assert lines[3] == "    + reason"
    assert lines[4] == "        c1: Claim 1."
    assert lines[-1] == " " * 240 + "(5998) c2999: Claim 2999."
    assert max(map(len, lines)) < 300
