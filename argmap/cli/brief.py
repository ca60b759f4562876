"""``argmap brief``: a debate brief for either side of a map's thesis, in Markdown or HTML."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from argmap.brief import DEFAULT_POINTS
from argmap.cli._app import FromOption, app, fail, load
from argmap.errors import ArgmapError, OutputError

_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


class Side(str, Enum):
    pro = "pro"
    con = "con"


class BriefFormat(str, Enum):
    md = "md"
    html = "html"


def _format(output: Path | None, chosen: BriefFormat | None) -> str:
    """md or html: ``--format`` if given, else from the ``-o`` suffix, else md (on stdout)."""
    if chosen is not None:
        return chosen.value
    if output is None:
        return "md"
    found = _SUFFIXES.get(output.suffix.lower())
    if found is None:
        raise OutputError(f"{output}: cannot tell the brief's format: use a .md or .html name, or --format")
    return found


@app.command()
def brief(
    map: Annotated[Path, typer.Argument(help="The map file.")],
    side: Annotated[Side, typer.Option("--side", "-s", help="pro: defend the thesis; con: attack it.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The file to write (.md or .html); default: Markdown on stdout."),
    ] = None,
    format: Annotated[
        BriefFormat | None, typer.Option("--format", "-f", help="md or html; default: from the -o suffix, else md.")
    ] = None,
    points: Annotated[
        int, typer.Option("--points", "-n", min=1, help="Attack points to detail; the rest are named in one line.")
    ] = DEFAULT_POINTS,
    from_: FromOption = None,
) -> None:
    """Write a debate brief: lines of argument, weak points, what to ask, what to answer.

    pro: the thesis, its lines of support strongest first with their evidence, and the
    attacks to expect with the map's answers. con: the attack points, strongest first,
    each with cross-examination questions and what the other side will answer. Every
    point names the map element it comes from; HTML embeds the diagram with them lit.
    """
    from argmap.brief import build_brief, to_markdown
    from argmap.output import input_files, write_atomic

    try:
        chosen = _format(output, format)
    except OutputError as error:
        fail(error)
    amap = load(map, from_)
    try:
        made = build_brief(amap, side.value, points=points)
        if chosen == "html":
            from argmap.brief_html import brief_svg, to_html

            text = to_html(made, brief_svg(amap, made))
        else:
            text = to_markdown(made)
        if output is not None:
            write_atomic(output, text, inputs=input_files(amap))
    except ArgmapError as error:
        fail(error)
    if output is None:
        typer.echo(text, nl=False)
    else:
        typer.echo(f"wrote {output}", err=True)
