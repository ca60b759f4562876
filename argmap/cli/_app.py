"""The typer application and what every command shares: loading maps, reporting errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from argmap.cli import _coercion
from argmap.errors import ArgmapError, MapError

__all__ = ["FromOption", "app", "collect_paths", "fail", "load", "version_callback"]

_coercion.install()

app = typer.Typer(
    name="argmap",
    help="Check, render, evaluate and teach with argument maps.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def version_callback(value: bool) -> None:
    if value:
        from argmap import __version__

        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Check, render, evaluate and teach with argument maps."""


def fail(error: ArgmapError | str, code: int = 2) -> NoReturn:
    """Print an error on stderr and exit (2: bad input or usage)."""
    typer.echo(f"argmap: {error}" if not isinstance(error, MapError) else str(error), err=True)
    raise typer.Exit(code)


def collect_paths(paths: list[Path]) -> Iterator[Path]:
    """Files as given; folders expanded to the map files inside them, sorted.

    Expanding a folder skips hidden files and folders (``.git``, ``.github``) and takes
    only what :func:`~argmap.readers.looks_like_map` accepts, so a ``package.json`` beside
    the maps is not read as one. A file named on the command line is always read.
    """
    from argmap.readers import looks_like_map

    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and looks_like_map(p)
            )
        else:
            yield path


def load(path: Path, format: str | None = None):
    """Load one map or exit 2 with ``path:line:col: message``."""
    from argmap.readers import load_map

    try:
        return load_map(path, format)
    except MapError as error:
        fail(error)
    except RecursionError:
        fail(MapError("the map is nested too deeply to read", str(path)))


FromOption = Annotated[
    str | None, typer.Option("--from", help="Input format (yaml, ...); default: from the file suffix.")
]
