"""The README's map example says what ``argmap check`` really prints for it, and its fix works."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## A map") : README.index("## The checks")]
BLOCKS = re.findall(r"^```(yaml|console)\n(.*?)^```", SECTION, re.MULTILINE | re.DOTALL)

runner = CliRunner()


@pytest.fixture
def meals(tmp_path, monkeypatch) -> Path:
    """The example map, written where the README's command finds it."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "meals.yaml"
    path.write_text(BLOCKS[0][1], encoding="utf-8")
    return path


def test_the_section_has_the_map_its_check_and_the_fix():
    assert [kind for kind, _ in BLOCKS] == ["yaml", "console", "yaml"]


def test_check_prints_what_the_readme_shows(meals):
    command, *shown = BLOCKS[1][1].splitlines()
    assert command == "$ argmap check meals.yaml"
    result = runner.invoke(app, ["check", "meals.yaml"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() + result.stderr.splitlines() == shown


def test_the_stated_premise_leaves_only_the_single_points_of_failure(meals):
    text = meals.read_text(encoding="utf-8")
    claim = BLOCKS[2][1]
    text = text.replace("inferences:\n", claim + "inferences:\n").replace(
        "[evidence-hunger, subsidies-work]", "[evidence-hunger, subsidies-work, city-role]"
    )
    meals.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", "meals.yaml", "--format", "json"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["findings"]
    assert {(f["name"], f["target"]) for f in findings} == {
        ("single-point-of-failure", "evidence-hunger"),
        ("single-point-of-failure", "subsidies-work"),
        ("single-point-of-failure", "city-role"),
    }


ESSAY = README[README.index("### What `argmap check` finds in the essay") : README.index("## Evaluation")]


def test_the_essay_counts_are_what_check_finds(monkeypatch):
    monkeypatch.chdir(Path(__file__).parents[1])
    result = runner.invoke(app, ["check", "maps/vraem.yaml", "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    errors = sum(f["severity"] == "error" for f in findings)
    warnings = sum(f["severity"] == "warning" for f in findings)
    assert f"reports **{errors} errors and {warnings} warnings**" in ESSAY
    stated = re.findall(r"^- \*\*(\d+) [a-z ]+ \((AM\d{3})\)\.\*\*", ESSAY, re.MULTILINE)
    assert len(stated) == 4
    for count, code in stated:
        assert sum(f["code"] == code for f in findings) == int(count), code


@pytest.mark.parametrize("block", re.findall(r"^```console\n(.*?)^```", ESSAY, re.MULTILINE | re.DOTALL))
def test_the_essay_commands_print_what_the_readme_shows(block, monkeypatch):
    monkeypatch.chdir(Path(__file__).parents[1])
    for command in re.split(r"\n\n(?=\$ )", block.strip("\n")):
        line, *shown = command.splitlines()
        args = line.removeprefix("$ argmap ").split(" | ")[0].split()
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1), result.output
        printed = result.stdout.splitlines()
        assert printed[: len(shown)] == shown
