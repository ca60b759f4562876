"""The pre-commit hook manifest: well-formed, and aimed at map files only."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml
from typer.testing import CliRunner

from argmap.cli import app

MANIFEST = Path(__file__).parents[1] / ".pre-commit-hooks.yaml"


def hook() -> dict:
    (entry,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return entry


def test_manifest_has_what_pre_commit_requires():
    entry = hook()
    assert {"id", "name", "entry", "language"} <= set(entry)
    assert entry["id"] == "argmap-check" and entry["language"] == "python"


def test_entry_runs_argmap_check_on_the_files_it_is_given():
    program, *args = shlex.split(hook()["entry"])
    assert program == "argmap"
    fixture = Path(__file__).parent / "fixtures" / "convert" / "meals.yaml"
    result = CliRunner().invoke(app, [*args, str(fixture)])
    assert result.exit_code == 0, result.output


def test_files_pattern_takes_maps_and_leaves_other_files():
    pattern = re.compile(hook()["files"])
    for name in ("maps/essay.yaml", "docs/maps/a.yml", "maps/a.argdown", "maps/x.argmap.json", "maps/d.kialo.txt"):
        assert pattern.search(name), name
    for name in (".github/workflows/ci.yml", "config.yaml", "maps/notes.md", "package.json"):
        assert not pattern.search(name), name
