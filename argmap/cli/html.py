"""``argmap html``: the map as one interactive, self-contained HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._app import FromOption, app, fail, load
from argmap.errors import ArgmapError


@app.command()
def html(
    map: Annotated[Path, typer.Argument(help="The map file.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    findings: Annotated[bool, typer.Option("--findings/--no-findings", help="Include check findings.")] = True,
    evaluation: Annotated[
        bool, typer.Option("--evaluation/--no-evaluation", help="Include the evaluation labels.")
    ] = True,
    from_: FromOption = None,
) -> None:
    """Write the map as an interactive page that works offline.

    Pan and zoom, search, click an element for its text, source, findings and
    evaluation; the page needs no network and no other file.
    """
    from argmap.checks import run_checks
    from argmap.html import to_html
    from argmap.output import input_files, write_atomic

    amap = load(map, from_)
    try:
        page = to_html(amap, run_checks(amap) if findings else [], labels=None if evaluation else {})
        write_atomic(output, page, inputs=input_files(amap))
    except ArgmapError as error:
        fail(error)
    typer.echo(f"wrote {output}", err=True)
