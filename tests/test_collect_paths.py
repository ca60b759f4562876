"""Which files ``argmap check FOLDER`` (and every command taking folders) reads as maps."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from argmap.cli import app
from argmap.cli._app import collect_paths

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def test_a_folder_gives_its_maps_and_not_other_json_or_hidden_files(tmp_path):
    shutil.copy(FIXTURES / "convert" / "meals.yaml", tmp_path / "meals.yaml")
    shutil.copy(FIXTURES / "aif" / "xaif-rebuttal.json", tmp_path / "ova-export.json")
    shutil.copy(FIXTURES / "kialo" / "question.kialo.txt", tmp_path / "question.kialo.txt")
    (tmp_path / "package.json").write_text(json.dumps({"name": "site", "dependencies": {}}), encoding="utf-8")
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {"strict": true}}', encoding="utf-8")
    (tmp_path / "notes.aif.json").write_text("{}", encoding="utf-8")  # a map suffix: read, and refused
    hidden = tmp_path / ".github" / "workflows"
    hidden.mkdir(parents=True)
    (hidden / "ci.yaml").write_text("on: push\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    found = [p.name for p in collect_paths([tmp_path])]
    assert found == ["meals.yaml", "notes.aif.json", "ova-export.json", "question.kialo.txt"]


def test_a_json_file_named_on_the_command_line_is_always_read(tmp_path):
    path = tmp_path / "package.json"
    path.write_text('{"name": "site"}', encoding="utf-8")
    assert list(collect_paths([path])) == [path]
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:1:1: ")


def test_checking_a_folder_with_a_package_json_reads_only_the_map(tmp_path):
    shutil.copy(
        FIXTURES / "checks" / "clean" / sorted(p.name for p in (FIXTURES / "checks" / "clean").glob("*.yaml"))[0],
        tmp_path / "map.yaml",
    )
    (tmp_path / "package.json").write_text('{"name": "site"}', encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("1 map checked: 0 errors")
