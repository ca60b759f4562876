"""Command-line values converted without pydantic come out as typer's own conversion makes them.

The same small typer app, with every kind of parameter argmap's commands use, is run in
two fresh processes, one with :func:`argmap.cli._coercion.install` and one without, on
good and bad values; the converted values, messages and exit codes must be the same.
"""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from argmap.cli import app

APP = """
import json, sys
from enum import Enum
from pathlib import Path
from typing import Annotated
import typer
from typer.testing import CliRunner
if sys.argv[1] == "plain":
    from argmap.cli import _coercion
    _coercion.install()

class Kind(str, Enum):
    text = "text"
    json = "json"

app = typer.Typer()

@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument()],
    kind: Annotated[Kind, typer.Option("--kind")] = Kind.text,
    name: Annotated[str | None, typer.Option("--name")] = None,
    tags: Annotated[list[str] | None, typer.Option("--tag")] = None,
    depth: Annotated[int | None, typer.Option("--depth", min=1)] = None,
    port: Annotated[int, typer.Option("--port", min=0, max=65535)] = 8000,
    out: Annotated[Path | None, typer.Option("-o")] = None,
    flag: Annotated[bool, typer.Option("--flag")] = False,
) -> None:
    typer.echo(repr((paths, kind, name, tags, depth, port, out, flag)))

results = []
for args in json.loads(sys.argv[2]):
    r = CliRunner().invoke(app, args)
    results.append([r.exit_code, r.output])
print(json.dumps(results))
"""

CASES = [
    ["a.yaml"],
    ["a.yaml", "dir/b.yaml", "--kind", "json", "--name", "x", "--tag", "p", "--tag", "q", "-o", "out.svg"],
    ["a.yaml", "--depth", "3", "--port", "0", "--flag"],
    ["a.yaml", "--depth", "007", "--port", "65535"],
    ["a.yaml", "--kind", "JSON"],
    ["a.yaml", "--kind", "bogus"],
    ["a.yaml", "--depth", "0"],
    ["a.yaml", "--depth", "-2"],
    ["a.yaml", "--depth", "x"],
    ["a.yaml", "--depth", "1.5"],
    ["a.yaml", "--port", "70000"],
    ["a.yaml", "--name", ""],
    [""],
    [],
]


def _run(mode: str) -> list[list]:
    out = subprocess.run(
        [sys.executable, "-c", APP, mode, json.dumps(CASES)], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out)


def test_plain_conversion_matches_typers_own_on_good_and_bad_values():
    plain, full = _run("plain"), _run("full")
    assert plain == full
    assert [code for code, _ in full] == [0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 0, 0, 2]
    assert "PosixPath('dir/b.yaml')" in full[1][1] and "['p', 'q']" in full[1][1]


def test_bad_values_still_get_typers_messages_through_argmap(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["check", "maps/vraem.yaml", "--format", "bogus"])
    assert result.exit_code == 2
    assert "'bogus' is not one of 'text', 'json', 'sarif'" in result.output
    result = runner.invoke(app, ["render", "maps/vraem.yaml", "-o", str(tmp_path / "x.dot"), "--depth", "0"])
    assert result.exit_code == 2
    assert "greater than or equal to 1" in result.output
    assert not (tmp_path / "x.dot").exists()
