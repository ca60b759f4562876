"""``argmap serve``: a live preview of a map in the browser."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._app import FromOption, app, fail
from argmap.errors import MapError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# the same as argmap.serve's, written out so that other commands do not import the server


@app.command()
def serve(
    map: Annotated[Path, typer.Argument(help="The map file.")],
    port: Annotated[
        int, typer.Option("--port", "-p", min=0, max=65535, help="Port to listen on (0: any free port).")
    ] = DEFAULT_PORT,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; anything but localhost opens the preview to others.")
    ] = DEFAULT_HOST,
    from_: FromOption = None,
) -> None:
    """Preview a map in the browser, re-rendered each time the file is saved.

    Click a claim to read it; accept or reject it to see what follows. A map that
    does not load shows its error in the page until it is fixed. Ctrl-C stops.
    """
    from argmap.readers import reader_for
    from argmap.serve import bind, is_loopback, run, url_for

    try:
        reader_for(map, from_)
    except MapError as error:
        fail(error)
    if not map.is_file():
        fail(MapError("no such map file" if not map.exists() else "is not a map file", str(map)))
    if not is_loopback(host):
        typer.echo(
            f"argmap: warning: listening on {host}: other machines that can reach it can read this map; "
            f"leave out --host to keep the preview on {DEFAULT_HOST}",
            err=True,
        )
    try:
        sock = bind(host, port)
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}")
    url = url_for(host, sock.getsockname()[1])

    def ready() -> None:
        typer.echo(f"argmap: previewing {map} at {url} (Ctrl-C to stop)", err=True)

    run(map, sock, format=from_, on_ready=ready)
    typer.echo("argmap: stopped", err=True)
