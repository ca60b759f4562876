"""``argmap check`` and ``argmap checks``: the linter and its catalogue."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._app import FromOption, app, collect_paths, fail
from argmap.cli._progress import step
from argmap.errors import MapError


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Map files or folders of maps.")],
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format (sarif: SARIF 2.1.0 for code scanning).")
    ] = ReportFormat.text,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these checks (code, code prefix or name); repeatable.")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these checks; repeatable.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")] = False,
    hints: Annotated[bool, typer.Option("--hints", help="Print a fix hint under each finding.")] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings (bad input still exits 2).")
    ] = False,
    from_: FromOption = None,
) -> None:
    """Find reasoning defects in maps, like a linter.

    Exit 0 when there is no error-level finding (no warning either with --strict),
    1 when there is, 2 when a map cannot be read.
    """
    from argmap.checks import run_checks, select_checks
    from argmap.readers import load_map

    try:
        select_checks(select, ignore)
    except ValueError as exc:
        fail(str(exc))
    files = list(collect_paths(paths))
    if not files:
        fail("no map files found in " + ", ".join(str(p) for p in paths))
    findings = []
    errors: list[MapError] = []
    for path in files:
        try:
            with step(f"reading {path}"):
                amap = load_map(path, from_)
            with step(f"checking {len(amap.claims):,} claims"):
                findings.extend(run_checks(amap, select, ignore))
        except MapError as error:
            errors.append(error)
    for error in errors:
        typer.echo(str(error), err=True)
    if format is ReportFormat.sarif:
        from argmap.sarif import to_sarif

        typer.echo(json.dumps(to_sarif(findings, errors), indent=2, ensure_ascii=False))
    elif format is ReportFormat.json:
        typer.echo(json.dumps({"findings": [f.to_dict() for f in findings]}, indent=2, ensure_ascii=False))
    else:
        for f in findings:
            typer.echo(f"{f.path}:{f.line}: {f.code} {f.name} {f.message}")
            if hints:
                typer.echo(f"    hint: {f.hint}")
        counts = {s: sum(f.severity.value == s for f in findings) for s in ("error", "warning", "info")}
        summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
        checked = len(files) - len(errors)
        unread = f"; {len(errors)} could not be read" if errors else ""
        typer.echo(f"{checked} map{'s' if checked != 1 else ''} checked: {summary}{unread}", err=True)
    if errors:
        raise typer.Exit(2)
    failing = {"error", "warning"} if strict else {"error"}
    raise typer.Exit(1 if not exit_zero and any(f.severity.value in failing for f in findings) else 0)


@app.command("checks")
def list_checks(
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
) -> None:
    """List every check: code, name, severity and what it finds."""
    from argmap.checks import catalogue

    if format is CheckFormat.json:
        rows = [
            {"code": c.code, "name": c.name, "severity": c.severity.value, "summary": c.summary, "hint": c.hint}
            for c in catalogue()
        ]
        typer.echo(json.dumps({"checks": rows}, indent=2))
        return
    width = max(len(c.name) for c in catalogue())
    for c in catalogue():
        typer.echo(f"{c.code}  {c.name:<{width}}  {c.severity.value:<7}  {c.summary}")
