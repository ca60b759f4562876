"""``argmap grade``: score a student's map, or a folder of them, against a key map."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._app import FromOption, app, collect_paths, fail, load
from argmap.errors import MapError


class GradeFormat(str, Enum):
    text = "text"
    json = "json"


def _report(name: str, key: str, result) -> list[str]:
    lines = [f"{name}: {result.score}/{result.total} ({result.percent:.0f}%) against {key}"]
    lines += [f"  {category:<9} {earned}/{points}" for category, (earned, points) in result.by_category().items()]
    lost = result.lost()
    if lost:
        lines += ["", "What to look at again:"]
        lines += [f"  -{item.lost} {item.category}: {item.feedback}" for item in lost]
    if result.notes:
        lines += ["", "Notes:"]
        lines += [f"  {note}" for note in result.notes]
    return lines


def _table(rows: list[dict[str, object]]) -> list[str]:
    columns = ["student", "score", "percent", "thesis", "claim", "link", "together", "apart"]
    columns = [c for c in columns if any(c in row for row in rows)]
    cells = [[str(row.get(c, "")) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[k]) for r in cells)) for k, c in enumerate(columns)]
    out = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    out += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return out


@app.command()
def grade(
    student: Annotated[Path, typer.Argument(help="A student's map, or a folder of them (a class set).")],
    key: Annotated[Path, typer.Option("--key", help="The model answer: the key map.")],
    format: Annotated[GradeFormat, typer.Option("--format", "-f", help="Output format.")] = GradeFormat.text,
    from_: FromOption = None,
) -> None:
    """Score a student's map against a key, with feedback for every point lost.

    Claims are matched by text similarity and ids, then the structure is compared: the
    thesis, which claims support or attack which, linked versus independent reasons.
    A folder prints one row per student. Exit 2 when a map cannot be read.
    """
    from argmap.grade import class_rows
    from argmap.grade import grade as grade_map
    from argmap.readers import load_map

    key_map = load(key, from_)
    if not student.is_dir():
        result = grade_map(load(student, from_), key_map)
        if format is GradeFormat.json:
            typer.echo(
                json.dumps({"student": str(student), "key": str(key), **result.to_dict()}, indent=2, ensure_ascii=False)
            )
        else:
            typer.echo("\n".join(_report(str(student), str(key), result)))
        return
    files = [p for p in collect_paths([student]) if not (key.exists() and p.resolve() == key.resolve())]
    if not files:
        fail(f"no map files found in {student}")
    graded = []
    errors: list[MapError] = []
    for path in files:
        try:
            graded.append((str(path.relative_to(student)), grade_map(load_map(path, from_), key_map)))
        except MapError as error:
            errors.append(error)
    for error in errors:
        typer.echo(str(error), err=True)
    if format is GradeFormat.json:
        payload = {"key": str(key), "students": [{"student": n, **g.to_dict()} for n, g in graded]}
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    elif graded:
        typer.echo("\n".join(_table(class_rows(graded))))
    if errors:
        raise typer.Exit(2)
