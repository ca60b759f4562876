"""``argmap schema``: print a published JSON Schema."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from argmap.cli._app import app


class SchemaKind(str, Enum):
    json = "json"
    yaml = "yaml"


@app.command()
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(help="json: the argmap JSON export (*.argmap.json); yaml: the YAML map format, for editors."),
    ] = SchemaKind.json,
) -> None:
    """Print the JSON Schema of argmap's JSON export, or of its YAML map format."""
    from argmap.schemas import dumps_schema

    typer.echo(dumps_schema(kind.value), nl=False)
