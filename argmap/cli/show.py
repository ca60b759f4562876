"""``argmap show``: the argument as an outline in the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._app import FromOption, app, fail, load
from argmap.cli.evaluate import AcceptOption, RejectOption, evaluated_labels
from argmap.errors import MapError


@app.command()
def show(
    map: Annotated[Path, typer.Argument(help="The map file.")],
    findings: Annotated[bool, typer.Option("--findings/--no-findings", help="Mark check findings.")] = True,
    evaluate: Annotated[
        bool, typer.Option("--evaluate", help="Mark each element accepted, rejected or undecided.")
    ] = False,
    accept: AcceptOption = None,
    reject: RejectOption = None,
    from_: FromOption = None,
) -> None:
    """Print the argument as an indented outline: thesis, reasons, co-premises, objections.

    --accept/--reject imply --evaluate.
    """
    from argmap.checks import run_checks
    from argmap.outline import outline

    amap = load(map, from_)
    try:
        found = run_checks(amap) if findings else []
    except MapError as error:
        fail(error)
    labels = evaluated_labels(amap, accept, reject) if evaluate or accept or reject else None
    typer.echo(outline(amap, found, labels=labels), nl=False)
