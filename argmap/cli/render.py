"""``argmap render``: draw a map with Graphviz."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._app import FromOption, app, fail, load
from argmap.cli.evaluate import AcceptOption, RejectOption, evaluated_labels
from argmap.errors import MapError, OutputError


@app.command()
def render(
    map: Annotated[Path, typer.Argument(help="The map file.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file: .svg, .png, .pdf or .dot.")],
    format: Annotated[str | None, typer.Option("--format", help="svg, png, pdf or dot; default: from -o.")] = None,
    findings: Annotated[bool, typer.Option("--findings/--no-findings", help="Mark check findings.")] = True,
    legend: Annotated[bool, typer.Option("--legend/--no-legend", help="Draw the legend.")] = True,
    evaluate: Annotated[
        bool, typer.Option("--evaluate", help="Colour elements accepted, rejected or undecided (see argmap evaluate).")
    ] = False,
    accept: AcceptOption = None,
    reject: RejectOption = None,
    from_: FromOption = None,
) -> None:
    """Draw a map as SVG, PNG, PDF or DOT, with check findings marked on the elements.

    --accept/--reject imply --evaluate.
    """
    from argmap.checks import run_checks
    from argmap.render import format_for
    from argmap.render import render as draw_map

    try:
        format_for(output, format)
    except OutputError as error:
        fail(error)
    amap = load(map, from_)
    labels = evaluated_labels(amap, accept, reject) if evaluate or accept or reject else None
    try:
        chosen = draw_map(
            amap, output, run_checks(amap) if findings else (), format=format, legend=legend, labels=labels
        )
    except (MapError, OutputError) as error:
        fail(error)
    typer.echo(f"wrote {output} ({chosen})", err=True)
