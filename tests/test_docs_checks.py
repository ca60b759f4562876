"""docs/checks.md documents every check, and its examples do what the page says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import Severity, catalogue, parse_map, run_checks
from argmap.cli import app

DOC = Path(__file__).parents[1] / "docs" / "checks.md"
TEXT = DOC.read_text(encoding="utf-8")
SECTION = re.compile(r"^## (AM\d{3}) `([a-z-]+)`\n(.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)
BLOCK = re.compile(r"^```(yaml|text)\n(.*?)^```", re.MULTILINE | re.DOTALL)

SECTIONS = {code: (name, body) for code, name, body in SECTION.findall(TEXT)}
runner = CliRunner()


@pytest.mark.parametrize("check", catalogue(), ids=lambda c: c.code)
def test_every_check_is_documented(check):
    assert check.code in SECTIONS, f"no section '## {check.code} `{check.name}`'"
    name, body = SECTIONS[check.code]
    assert name == check.name
    assert f"**Severity:** {check.severity.value}." in body
    for heading in ("**Finds**", "**Why it matters.**", "**Fix:**"):
        assert heading in body
    row = f"| {check.code} | [`{check.name}`](#{check.code.lower()}-{check.name}) | {check.severity.value} |"
    assert row in TEXT


def test_the_page_explains_silencing_and_the_added_checks():
    assert "## Silencing a finding" in TEXT and "ignore: [" in TEXT and "--ignore" in TEXT
    assert "## Why AM110 and AM111" in TEXT


def examples(code: str) -> tuple[str, str, str]:
    blocks = BLOCK.findall(SECTIONS[code][1])
    assert [kind for kind, _ in blocks] == ["yaml", "text", "yaml"], code
    return blocks[0][1], blocks[1][1], blocks[2][1]


@pytest.mark.parametrize("code", sorted(SECTIONS))
def test_the_failing_example_prints_what_the_page_shows(code, tmp_path, monkeypatch):
    failing, shown, _ = examples(code)
    (tmp_path / "example.yaml").write_text(failing, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "example.yaml"])
    assert result.stdout == shown
    assert any(f" {code} " in line for line in shown.splitlines())


@pytest.mark.parametrize("code", sorted(SECTIONS))
def test_the_fixed_example_is_clean(code):
    _, _, fixed = examples(code)
    findings = run_checks(parse_map(fixed, "fixed.yaml"))
    assert [f for f in findings if f.code == code] == []
    assert [f for f in findings if f.severity is not Severity.INFO] == []
