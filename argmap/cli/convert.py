"""``argmap convert``: read a map in one format and write it in another."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._app import FromOption, app, fail, load
from argmap.errors import OutputError


@app.command()
def convert(
    map: Annotated[Path, typer.Argument(help="The map to convert (any input format).")],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Output file, its format from the suffix; '-' for standard output.")
    ],
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Output format: yaml, json (argmap JSON), aif, argdown, graphml, mermaid, markdown or dot; "
            "default: from the -o suffix.",
        ),
    ] = None,
    from_: FromOption = None,
) -> None:
    """Convert a map between formats: AIF to YAML, YAML to Argdown or Mermaid, and so on.

    Suffixes: .yaml/.yml, .argmap.json (argmap JSON), .json/.aif.json (AIF),
    .argdown/.ad, .graphml, .mmd/.mermaid, .md, .dot/.gv; inputs also .kialo.txt.
    The output is written whole or not at all, and never over the input.
    """
    from argmap.writers import write_map, writer_for

    if output == "-" and to is None:
        fail("writing to standard output needs --to FORMAT")
    try:
        writer = writer_for(None if output == "-" else output, to)
    except OutputError as error:
        fail(error)
    amap = load(map, from_)
    if output == "-":
        data = writer.write(amap)
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            typer.echo(data, nl=False)
        return
    try:
        write_map(amap, output, writer.name)
    except OutputError as error:
        fail(error)
    typer.echo(f"wrote {output} ({writer.name})", err=True)
