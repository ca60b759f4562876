"""``argmap exercise`` and ``argmap exercises``: worksheets with answer keys, made from a map."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._app import FromOption, app, fail, load
from argmap.errors import MapError, OutputError


class SheetFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


class ImageFormat(str, Enum):
    svg = "svg"
    png = "png"


@app.command()
def exercise(
    map: Annotated[Path, typer.Argument(help="The map file.")],
    kind: Annotated[str, typer.Option("--kind", "-k", help="Kind of exercise (see 'argmap exercises').")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The worksheet file; the key is written beside it as NAME.key.EXT.")
    ],
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same worksheet; another seed, another variant.")] = 0,
    count: Annotated[
        int | None, typer.Option("--count", "-n", min=1, help="How many questions (default: the kind's own).")
    ] = None,
    format: Annotated[
        SheetFormat | None,
        typer.Option("--format", "-f", help="md (with the diagram beside it), html (one printable page) or pdf."),
    ] = None,
    image: Annotated[
        ImageFormat, typer.Option("--image", help="The diagrams' format beside a Markdown worksheet.")
    ] = ImageFormat.svg,
    from_: FromOption = None,
) -> None:
    """Make a worksheet and its answer key from a map.

    Exit 2 when the map is too small for the kind of exercise (or cannot be read).
    """
    from argmap.exercises import ExerciseError, kinds, make_worksheet
    from argmap.output import input_files
    from argmap.worksheet import format_for, write_worksheet

    try:
        format_for(output, format.value if format else None)
    except OutputError as error:
        fail(error)
    amap = load(map, from_)
    try:
        worksheet = make_worksheet(amap, kind, seed=seed, count=count)
    except ExerciseError as error:
        # Placed at the thesis, whose argument is too small for this kind, as every bad-input message is placed.
        fail(MapError(str(error), amap.path, amap.line_of(amap.thesis) or 1))
    try:
        written = write_worksheet(
            worksheet, output, format.value if format else None, image.value, inputs=input_files(amap)
        )
    except OutputError as error:
        fail(error)
    chosen = kinds()[kind]
    if chosen.counted and count is not None and len(worksheet.questions) < count:
        typer.echo(f"note: this map gives {len(worksheet.questions)} question(s) of this kind, not {count}", err=True)
    typer.echo("wrote " + ", ".join(str(p) for p in written), err=True)


@app.command("exercises")
def list_exercises() -> None:
    """List the kinds of exercise 'argmap exercise --kind' can make."""
    from argmap.exercises import kinds

    width = max(len(name) for name in kinds())
    for kind in kinds().values():
        typer.echo(f"{kind.name:<{width}}  {kind.summary}")
