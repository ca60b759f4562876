"""``argmap render``: draw a map with Graphviz."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._app import FromOption, app, fail, load
from argmap.cli._progress import step
from argmap.cli.evaluate import AcceptOption, RejectOption, evaluated_labels
from argmap.errors import MapError, OutputError
from argmap.model import ArgumentMap, did_you_mean

MAX_CLAIMS = 6000
"""Largest map drawn whole as SVG, PNG or PDF by default: Graphviz takes about a minute for it on two cores."""


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
    focus: Annotated[
        str | None, typer.Option("--focus", help="Draw only the claims around this one (and its line to the thesis).")
    ] = None,
    depth: Annotated[
        int | None, typer.Option("--depth", min=1, help="Steps (inferences) around --focus or the thesis; default 2.")
    ] = None,
    max_claims: Annotated[
        int,
        typer.Option(
            "--max-claims",
            min=0,
            help="Draw a bigger map only to the depth that fits this many claims (SVG, PNG, PDF); 0: no limit.",
        ),
    ] = MAX_CLAIMS,
    from_: FromOption = None,
) -> None:
    """Draw a map as SVG, PNG, PDF or DOT, with check findings marked on the elements.

    --accept/--reject imply --evaluate. A map too big to lay out in reasonable time is
    drawn from the thesis down to the depth that fits --max-claims, and argmap says so;
    --focus draws the neighbourhood of one claim instead.
    """
    from argmap.checks import run_checks
    from argmap.render import format_for
    from argmap.render import render as draw_map

    try:
        chosen = format_for(output, format)
    except OutputError as error:
        fail(error)
    with step(f"reading {map}"):
        amap = load(map, from_)
    with step(f"checking {len(amap.claims):,} claims"):
        labels = evaluated_labels(amap, accept, reject) if evaluate or accept or reject else None
        try:
            found = run_checks(amap) if findings else []
        except MapError as error:
            fail(error)
    part = _part(amap, focus, depth, max_claims if chosen != "dot" else 0)
    try:
        elements = f"{len(part.claims) + len(part.inferences):,} elements"
        doing = f"writing the DOT of {elements}" if chosen == "dot" else f"drawing {elements} with Graphviz"
        with step(doing):
            draw_map(
                part, output, found, format=format, legend=legend, labels=labels, highlight=[focus] if focus else []
            )
    except (MapError, OutputError) as error:
        fail(error)
    typer.echo(f"wrote {output} ({chosen})", err=True)


def _part(amap: ArgumentMap, focus: str | None, depth: int | None, max_claims: int) -> ArgumentMap:
    """The map, or the part of it to draw (saying on stderr what was left out and how to see it)."""
    from argmap.focus import depth_within, hidden_below, neighbourhood

    if focus is not None and focus not in amap.claims:
        what = "an inference: focus on a claim" if focus in amap.inferences else "not a claim id"
        fail(MapError(f"--focus '{focus}' is {what}{did_you_mean(focus, amap.claims)}", amap.path))
    if focus is None and depth is None:
        if not max_claims or len(amap.claims) <= max_claims:
            return amap
        depth = depth_within(amap, max_claims)
    part = neighbourhood(amap, focus, 2 if depth is None else depth)
    hidden = hidden_below(amap, part)
    where = f"around '{focus}'" if focus else "from the thesis"
    note = f"drew {len(part.claims):,} of {len(amap.claims):,} claims, {where} to depth {depth or 2}"
    if hidden:
        names = ", ".join(c.id for c in hidden[:3]) + (", ..." if len(hidden) > 3 else "")
        note += (
            f"; {len(hidden):,} drawn claims have reasons or objections not drawn ({names}): see them with --focus ID"
        )
    if focus is None:
        note += "; --max-claims 0 draws the whole map"
    typer.echo(f"argmap: {note}", err=True)
    return part
