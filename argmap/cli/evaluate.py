"""``argmap evaluate``, ``argmap whatif`` and ``argmap critical``: which claims stand, and why.

All three print reports and exit 0; an unknown ``--accept``/``--reject`` id or an
unreadable map exits 2. :func:`evaluated_labels` and the option types are shared with
``argmap render --evaluate`` and ``argmap show --evaluate``.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from argmap.cli._app import FromOption, app, fail, load
from argmap.cli._progress import step
from argmap.errors import MapError
from argmap.model import ArgumentMap

__all__ = ["AcceptOption", "RejectOption", "bad_input", "evaluated_labels"]

AcceptOption = Annotated[
    list[str] | None,
    typer.Option("--accept", metavar="ID", help="Take this claim or inference as accepted; repeatable."),
]
RejectOption = Annotated[
    list[str] | None,
    typer.Option("--reject", metavar="ID", help="Take this claim or inference as rejected; repeatable."),
]
MapArgument = Annotated[Path, typer.Argument(help="The map file.")]


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


FormatOption = Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")]


def bad_input(amap: ArgumentMap, error: Exception) -> NoReturn:
    """Exit 2 with ``path: message`` for an ``--accept``/``--reject`` id the map does not have."""
    fail(MapError(str(error), amap.path))


def evaluated_labels(amap: ArgumentMap, accept: list[str] | None, reject: list[str] | None) -> dict[str, str]:
    """Every element's label, or exit 2 when an input names no element."""
    from argmap.evaluate import InputError, evaluate

    try:
        return evaluate(amap, accept or (), reject or ()).labels
    except InputError as error:
        bad_input(amap, error)


def _kind(amap: ArgumentMap, element_id: str) -> str:
    if element_id in amap.claims:
        return "thesis" if element_id == amap.thesis else "claim"
    inference = amap.inferences[element_id]
    if inference.is_support:
        return "support"
    return "undercut" if amap.is_undercut(inference) else "attack"


def _name(amap: ArgumentMap, element_id: str) -> str:
    """The id, or for an inference the map did not name, its shape."""
    if element_id in amap.inferences and not amap.inferences[element_id].explicit_id:
        return amap.describe(element_id)
    return element_id


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return [
        "  ".join([*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]]).rstrip() for row in rows
    ]


def _inputs(accept: list[str], reject: list[str]) -> str:
    parts = [f"rejecting {', '.join(reject)}" if reject else "", f"accepting {', '.join(accept)}" if accept else ""]
    given = "; ".join(p for p in parts if p)
    return given or "the map as it is"


@app.command()
def evaluate(
    map: MapArgument,
    accept: AcceptOption = None,
    reject: RejectOption = None,
    strength: Annotated[bool, typer.Option("--strength", help="Add each claim's DF-QuAD strength in [0, 1].")] = False,
    format: FormatOption = ReportFormat.text,
    from_: FromOption = None,
) -> None:
    """Label every claim and inference accepted, rejected or undecided, and say why.

    Basic premises are accepted when sourced or assumptions; --accept/--reject override
    that and any status: in the map. See docs/evaluation.md for the rules.
    """
    from argmap.evaluate import InputError, strengths
    from argmap.evaluate import evaluate as run

    with step(f"reading {map}"):
        amap = load(map, from_)
    try:
        with step(f"evaluating {len(amap.claims):,} claims"):
            result = run(amap, accept or (), reject or ())
            scores = strengths(amap, accept or (), reject or ()) if strength else {}
    except InputError as error:
        bad_input(amap, error)
    order = [amap.thesis, *(c for c in amap.claims if c != amap.thesis), *amap.inferences]
    if format is ReportFormat.json:
        elements: list[dict[str, Any]] = []
        for eid in order:
            row: dict[str, Any] = {
                "id": eid,
                "kind": _kind(amap, eid),
                "label": result.labels[eid],
                "why": result.why(eid),
            }
            if strength and eid in scores:
                row["strength"] = round(scores[eid], 4)
            elements.append(row)
        report = {
            "map": str(map),
            "title": amap.title,
            "thesis": amap.thesis,
            "thesis_label": result.thesis,
            "accept": list(result.accept),
            "reject": list(result.reject),
            "counts": result.counts(),
            "elements": elements,
        }
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    counts = ", ".join(f"{n} {label}" for label, n in result.counts().items())
    typer.echo(f"{amap.title}: the thesis '{amap.thesis}' is {result.thesis} ({_inputs(result.accept, result.reject)})")
    typer.echo(f"{counts}")
    typer.echo("")
    head = ["label", *(["strength"] if strength else []), "kind", "element", "why"]
    rows = [head]
    for eid in order:
        score = [f"{scores[eid]:.2f}" if eid in scores else "-"] if strength else []
        rows.append([result.labels[eid], *score, _kind(amap, eid), _name(amap, eid), result.why(eid)])
    for line in _table(rows):
        typer.echo(line)


@app.command()
def whatif(
    map: MapArgument,
    reject: RejectOption = None,
    accept: AcceptOption = None,
    format: FormatOption = ReportFormat.text,
    from_: FromOption = None,
) -> None:
    """Show which labels change when claims or inferences are rejected (or accepted), thesis first."""
    from argmap.evaluate import InputError, evaluate
    from argmap.evaluate import whatif as compare

    if not reject and not accept:
        fail("whatif needs at least one --reject ID or --accept ID")
    amap = load(map, from_)
    try:
        changes = compare(amap, accept or (), reject or ())
    except InputError as error:
        bad_input(amap, error)
    thesis = evaluate(amap, accept or (), reject or ()).thesis
    if format is ReportFormat.json:
        report = {
            "map": str(map),
            "thesis": amap.thesis,
            "thesis_label": thesis,
            "accept": list(dict.fromkeys(accept or ())),
            "reject": list(dict.fromkeys(reject or ())),
            "changes": [{"id": c.id, "kind": _kind(amap, c.id), "before": c.before, "after": c.after} for c in changes],
        }
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    typer.echo(f"What if: {_inputs(list(dict.fromkeys(accept or ())), list(dict.fromkeys(reject or ())))}")
    if not changes:
        typer.echo(f"no label changes; the thesis '{amap.thesis}' stays {thesis}")
        return
    rows = [[_kind(amap, c.id), _name(amap, c.id), f"{c.before} -> {c.after}"] for c in changes]
    for line in _table(rows):
        typer.echo("  " + line)
    if changes[0].id != amap.thesis:
        typer.echo(f"the thesis '{amap.thesis}' stays {thesis}")


@app.command()
def critical(
    map: MapArgument,
    accept: AcceptOption = None,
    reject: RejectOption = None,
    max_size: Annotated[
        int | None, typer.Option("--max-size", min=1, help="Try sets of at most this many premises.")
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", min=1, help="Work bound: elements relabelled and edges read over all trials (default 1,000,000)."
        ),
    ] = None,
    format: FormatOption = ReportFormat.text,
    from_: FromOption = None,
) -> None:
    """List the smallest sets of basic premises whose rejection leaves the thesis not accepted.

    Smallest sets first; premises that bring the thesis down alone are its weakest links.
    Exact on essay-sized maps; on large ones the search stops at --limit and says so.
    """
    from argmap.critical import DEFAULT_LIMIT, critical_premises
    from argmap.evaluate import InputError

    amap = load(map, from_)
    try:
        result = critical_premises(
            amap, accept or (), reject or (), max_size=max_size, limit=DEFAULT_LIMIT if limit is None else limit
        )
    except InputError as error:
        bad_input(amap, error)
    if format is ReportFormat.json:
        report = {
            "map": str(map),
            "thesis": amap.thesis,
            "thesis_label": result.thesis_label,
            "sets": [sorted(s) for s in result.sets],
            "weakest": result.weakest,
            "exact": result.exact,
            "method": result.method,
            "candidates": list(result.candidates),
        }
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    typer.echo(
        f"{amap.title}: the thesis '{amap.thesis}' is {result.thesis_label} ({_inputs(accept or [], reject or [])})"
    )
    if result.thesis_label == "accepted":
        if result.sets:
            typer.echo("Critical premises (reject all of a set and the thesis is no longer accepted), smallest first:")
            shown = ["{" + ", ".join(sorted(members)) + "}" for members in result.sets]
            width = max(len(text) for text in shown)
            for text, members in zip(shown, result.sets, strict=True):
                mark = "  <- weakest link: brings the thesis down alone" if len(members) == 1 else ""
                typer.echo(f"  {text.ljust(width)}{mark}".rstrip())
        else:
            typer.echo("No set of basic premises brings the thesis down.")
    typer.echo(f"Search: {result.method}")
