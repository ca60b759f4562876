"""``argmap convert`` and ``argmap schema`` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import load_map
from argmap.cli import app
from argmap.schemas import dumps_schema
from argmap.writers import dumps

HERE = Path(__file__).parent
MEALS = HERE / "fixtures" / "convert" / "meals.yaml"
AIF = HERE / "fixtures" / "aif" / "school-meals.json"
KIALO = HERE / "fixtures" / "kialo" / "school-meals.kialo.txt"
DOCS = HERE.parent / "docs" / "schema"

runner = CliRunner()


def convert(*args: str):
    return runner.invoke(app, ["convert", *map(str, args)])


@pytest.mark.parametrize(
    ("suffix", "format"),
    [
        (".yaml", "yaml"),
        (".yml", "yaml"),
        (".argmap.json", "json"),
        (".json", "aif"),
        (".aif.json", "aif"),
        (".graphml", "graphml"),
        (".mmd", "mermaid"),
        (".mermaid", "mermaid"),
        (".md", "markdown"),
        (".dot", "dot"),
        (".gv", "dot"),
    ],
)
def test_format_from_the_suffix(tmp_path, suffix, format):
    out = tmp_path / f"map{suffix}"
    result = convert(MEALS, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"wrote {out} ({format})"
    assert out.read_text(encoding="utf-8") == dumps(load_map(MEALS), format)


@pytest.mark.parametrize("suffix", [".yaml", ".argmap.json", ".json"])
def test_readable_outputs_read_back_to_the_same_map(tmp_path, suffix):
    out = tmp_path / f"map{suffix}"
    assert convert(MEALS, "-o", out).exit_code == 0
    assert dumps(load_map(out), "yaml") == dumps(load_map(MEALS), "yaml")


@pytest.mark.parametrize(("source", "extra"), [(AIF, []), (KIALO, []), (KIALO, ["--from", "kialo"])])
def test_other_inputs_convert_to_yaml_that_loads(tmp_path, source, extra):
    out = tmp_path / "map.yaml"
    result = convert(source, "-o", out, *extra)
    assert result.exit_code == 0, result.output
    assert load_map(out).thesis == load_map(source).thesis


def test_to_overrides_the_suffix(tmp_path):
    out = tmp_path / "diagram.txt"
    assert convert(MEALS, "-o", out, "--to", "mermaid").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("%% Free school meals\nflowchart BT\n")


def test_from_reads_argmap_json_named_json(tmp_path):
    out = tmp_path / "plain.json"
    assert convert(MEALS, "-o", out, "--to", "json").exit_code == 0
    again = tmp_path / "again.yaml"
    result = convert(out, "-o", again)
    assert result.exit_code == 2 and "--from json" in result.stderr
    assert not again.exists()
    assert convert(out, "-o", again, "--from", "json").exit_code == 0


def test_standard_output(tmp_path):
    result = convert(MEALS, "-o", "-", "--to", "markdown")
    assert result.exit_code == 0
    assert result.stdout == dumps(load_map(MEALS), "markdown")
    result = convert(MEALS, "-o", "-")
    assert result.exit_code == 2 and "needs --to" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{tmp}/map.xyz"], "cannot tell the output format"),
        (["-o", "{tmp}/map.yaml", "--to", "pdf"], "unknown output format 'pdf'"),
        (["-o", "{tmp}/map.yaml", "--from", "nope"], "unknown input format 'nope'"),
        (["-o", "{tmp}/missing/map.yaml"], "does not exist"),
    ],
)
def test_usage_errors_exit_2_without_output(tmp_path, args, message):
    args = [a.format(tmp=tmp_path) for a in args]
    result = convert(MEALS, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not list(tmp_path.rglob("map.*"))


def test_bad_input_exits_2_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\nthesis: a\nclaims:\n  a: A\ninferences:\n  - from: [zz]\n    to: a\n", encoding="utf-8")
    out = tmp_path / "out.json"
    result = convert(bad, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:6:") and "premise 'zz'" in result.stderr
    assert not out.exists()


def test_refuses_to_write_over_the_input(tmp_path):
    source = tmp_path / "map.yaml"
    source.write_text(MEALS.read_text(encoding="utf-8"), encoding="utf-8")
    before = source.read_bytes()
    result = convert(source, "-o", source)
    assert result.exit_code == 2 and "refusing to write the output over an input" in result.stderr
    assert source.read_bytes() == before
    result = convert(source, "-o", tmp_path / "." / "map.yaml", "--to", "yaml")
    assert result.exit_code == 2 and source.read_bytes() == before


def test_overwrites_an_older_output(tmp_path):
    out = tmp_path / "map.md"
    out.write_text("old", encoding="utf-8")
    assert convert(MEALS, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Free school meals")
    assert [p.name for p in tmp_path.iterdir()] == ["map.md"]  # no temporary file left


@pytest.mark.parametrize(("kind", "name"), [("json", "argmap-map.schema.json"), ("yaml", "argmap-yaml.schema.json")])
def test_schema_command_prints_the_published_schema(kind, name):
    result = runner.invoke(app, ["schema", kind])
    assert result.exit_code == 0
    assert result.stdout == dumps_schema(kind)
    assert (DOCS / name).read_text(encoding="utf-8") == result.stdout
    assert json.loads(result.stdout)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_defaults_to_the_json_export():
    assert runner.invoke(app, ["schema"]).stdout == dumps_schema("json")
