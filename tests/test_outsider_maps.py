"""argmap check on maps written the way people outside the project write them.

tests/fixtures/outsider/ holds maps on everyday and academic topics in YAML, Argdown and
AIF, in several authoring styles. About half are correct and must get no error or
warning; each of the others has one planted defect, which must be reported by name on
the element at fault, and nothing else at error or warning level.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from argmap.text import missing_terms, significant_terms

OUTSIDER = Path(__file__).parent / "fixtures" / "outsider"
runner = CliRunner()

PLANTED: dict[str, set[tuple[str, str, str]]] = {
    # correct maps
    "sugar-tax.yaml": set(),
    "mangroves.yaml": set(),
    "jury-unanimity.yaml": set(),
    "four-day-week.yaml": set(),
    "cosmetics-animal-testing.yaml": set(),
    "var-football.argdown": set(),
    "printing-press.json": set(),
    # one planted defect each
    "screen-time.yaml": {("AM101", "unsupported-premise", "blue_light")},
    "bike-lanes.yaml": {("AM102", "unsupported-thesis", "build-protected-lanes")},
    "homeopathy.yaml": {
        ("AM103", "circular-support", "homeopathy-works"),
        ("AM103", "circular-support", "patients-improve"),
    },
    "voter-id.json": {("AM104", "disconnected", "8")},  # names no thesis: the AIF reader finds it, sources and all
    "school-uniforms.argdown": {("AM105", "unanswered-objection", "Self-expression")},
    "remote-exams.yaml": {("AM106", "support-and-attack", "students_prefer_online")},
    "daylight-saving.yaml": {("AM107", "missing-link", "health-reason")},
    "roman-roads.yaml": {("AM108", "stranded-premise", "p2")},
    "nuclear-phase-out.yaml": set(),  # its defect is information: see test_the_planted_single_point_of_failure
}
"""Each map's findings at error and warning level, as (code, name, target)."""


def _findings(path: Path) -> tuple[int, list[dict[str, str]]]:
    result = runner.invoke(app, ["check", "--format", "json", str(path)])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_every_outsider_map_has_its_expectation():
    assert sorted(p.name for p in OUTSIDER.iterdir()) == sorted(PLANTED)


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_outsider_map_gets_exactly_its_planted_findings(name):
    code, findings = _findings(OUTSIDER / name)
    flagged = {(f["code"], f["name"], f["target"]) for f in findings if f["severity"] in ("error", "warning")}
    assert flagged == PLANTED[name]
    errors = any(f["severity"] == "error" for f in findings)
    assert code == (1 if errors else 0)


def test_the_planted_single_point_of_failure():
    _, findings = _findings(OUTSIDER / "nuclear-phase-out.yaml")
    spof = {(f["code"], f["severity"], f["target"]) for f in findings if f["name"] == "single-point-of-failure"}
    assert spof == {("AM109", "info", "plants-were-safe")}


def test_findings_point_at_the_line_of_the_element_at_fault():
    _, findings = _findings(OUTSIDER / "screen-time.yaml")
    (finding,) = [f for f in findings if f["severity"] == "error"]
    lines = (OUTSIDER / "screen-time.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[finding["line"] - 1].strip() == "blue_light:"


@pytest.mark.parametrize(
    ("written", "also_written"),
    [
        ("Most firms, 92 per cent, kept it.", "Most firms kept it."),  # four-day-week.yaml
        ("The levy has raised £334m for sport.", "The levy has raised £334 for sport."),  # sugar-tax.yaml
        ("Trials ran 10km and 500mg doses at 4pm.", "Trials ran doses."),
        ("Many residents say they would visit.", "Many residents would visit."),
        ("MPs and GPs backed it.", "MP and GP backed it."),
        ("NGOs and SMEs backed it.", "NGO and SME backed it."),
        ("Mrs Thatcher's government sold it.", "Thatcher's government sold it."),
    ],
)
def test_quantities_and_reporting_words_are_not_terms(written, also_written):
    assert significant_terms(written) == significant_terms(also_written)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("precise", "precisely"),  # cosmetics-animal-testing.yaml
        ("precise", "precision"),
        ("revise", "revision"),
        ("surprise", "surprisingly"),
        ("wise", "wisely"),
        ("advise", "advisory"),
        ("organise", "organization"),
        ("criticised", "criticism"),
        ("decision", "decide"),  # jury-unanimity.yaml
        ("emissions", "emits"),  # nuclear-phase-out.yaml
        ("Britain's", "British"),  # four-day-week.yaml
        ("France", "French"),
        ("deaths", "died"),
        ("choice", "chose"),
        ("losses", "lost"),
        ("analysis", "analyses"),
    ],
)
def test_word_forms_meet(one, other):
    assert missing_terms(one, significant_terms(other)) == []
    assert missing_terms(other, significant_terms(one)) == []


def test_codes_stay_terms():
    assert significant_terms("CO2 and H1N1 and B12") == {"co2", "h1n1", "b12"}
