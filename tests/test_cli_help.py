"""``argmap --help`` lists every command with a summary that is not cut short."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from argmap.cli import app

COMMANDS = {
    "brief", "check", "checks", "convert", "critical", "evaluate", "exercise", "exercises",
    "grade", "html", "render", "schema", "serve", "show", "whatif",
}  # fmt: skip


def test_help_lists_every_command_with_a_whole_summary():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    listed = dict(re.findall(r"^  ([a-z]+) +(.+)$", result.stdout, re.MULTILINE))
    assert set(listed) >= COMMANDS
    for name in COMMANDS:
        summary = listed[name]
        assert not re.search(r"\b(e\.g|i\.e|etc)\.(\.\.)?$", summary), f"{name}: {summary}"


def test_every_command_has_help():
    for name in sorted(COMMANDS):
        result = CliRunner().invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert result.stdout.startswith(f"Usage: argmap {name} "), name
