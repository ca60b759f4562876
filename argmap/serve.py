"""A live preview of a map: a local web server that re-renders the map whenever it is saved.

Starlette serves the page of :mod:`argmap.html` in its live form, uvicorn runs it and
watchfiles watches the map's folder (editors often save by writing a new file and
renaming it over the old one). The page hears of each reload through Server-Sent
Events and fetches the new drawing; a map that does not load shows its
``path:line:col`` error in the page while the server keeps going. What-if questions
(accept or reject a claim) are answered by :func:`argmap.evaluate.evaluate` on the
server.

By default the server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import signal
import socket
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    import uvicorn
    from starlette.applications import Starlette

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "Preview",
    "bind",
    "create_app",
    "is_loopback",
    "run",
    "server_for",
    "url_for",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
KEEPALIVE_SECONDS = 15.0
POLL_SECONDS = 0.5

log = logging.getLogger("argmap.serve")


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_for(host: str, port: int) -> str:
    """The address to open in a browser."""
    name = host.strip("[]")
    return f"http://[{name}]:{port}/" if ":" in name else f"http://{name}:{port}/"


def bind(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: a free one); ``OSError`` if it cannot be had."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


class Preview:
    """The previewed map: its latest drawing or load error, and a version bumped on every reload.

    ``stopping`` tells long-lived responses (the event stream) when the server is
    shutting down, so that they end and let it stop.
    """

    def __init__(self, path: str | os.PathLike[str], format: str | None = None) -> None:
        self.path = Path(path)
        self.format = format
        self.version = 0
        self.amap: ArgumentMap | None = None
        self.view: dict[str, Any] | None = None
        self.error: str | None = None
        self.stopping: Callable[[], bool] = lambda: False
        self._changed: asyncio.Event | None = None
        self._lock: asyncio.Lock | None = None

    def _build(self) -> tuple[ArgumentMap, dict[str, Any]]:
        from argmap.html import view
        from argmap.readers import load_map

        amap = load_map(self.path, self.format)
        return amap, view(amap)

    async def reload(self) -> None:
        """Read, check, evaluate and draw the map again (in a worker thread), then tell the listeners."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            try:
                self.amap, self.view = await asyncio.to_thread(self._build)
                self.error = None
            except ArgmapError as error:
                self.error = str(error)
            except RecursionError:
                self.error = f"{self.path}: the map is nested too deeply to read"
            except Exception as error:  # the server outlives any one bad save
                log.exception("could not render %s", self.path)
                self.error = f"{self.path}: could not render the map: {error}"
            self.version += 1
            self._notify()

    def _notify(self) -> None:
        if self._changed is not None:
            self._changed.set()
        self._changed = asyncio.Event()

    async def wait_for_change(self, seen: int, timeout: float) -> bool:
        """Wait until the version differs from ``seen`` or ``timeout`` passes; true if it changed."""
        if self._changed is None:
            self._changed = asyncio.Event()
        if self.version != seen:
            return True
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._changed.wait(), timeout)
        return self.version != seen

    def state(self) -> dict[str, Any]:
        """What the page needs: the drawing and data, or the error, with the version."""
        if self.error is not None or self.view is None:
            return {"version": self.version, "error": self.error or "the map has not been loaded yet"}
        return {"version": self.version, "svg": self.view["svg"], "data": self.view["data"]}


async def _watch(preview: Preview, stop: asyncio.Event) -> None:
    from watchfiles import awatch

    folder = preview.path.resolve().parent
    name = preview.path.name
    async for _ in awatch(
        folder,
        watch_filter=lambda _change, changed: Path(changed).name == name,
        stop_event=stop,
        recursive=False,
        debounce=200,
        step=50,
    ):
        await preview.reload()


def create_app(
    preview: Preview, *, on_ready: Callable[[], None] | None = None, hosts: list[str] | None = None
) -> Starlette:
    """The preview's web application; ``hosts`` limits the accepted ``Host`` headers."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
    from starlette.routing import Route

    from argmap.html import evaluation_labels, page

    async def index(request: Request) -> Response:
        state = preview.state()
        if "error" in state:
            title = preview.amap.title if preview.amap else preview.path.name
            body = page(title, "", {"error": state["error"], "version": state["version"]}, live=True)
        else:
            body = page(state["data"]["title"], state["svg"], dict(state["data"], version=state["version"]), live=True)
        return HTMLResponse(body, headers={"Cache-Control": "no-store"})

    async def api_view(request: Request) -> Response:
        return JSONResponse(preview.state(), headers={"Cache-Control": "no-store"})

    async def api_evaluate(request: Request) -> Response:
        try:
            body = await request.json()
        except ValueError:
            return JSONResponse({"error": "the request body must be JSON"}, status_code=400)
        if not isinstance(body, dict):
            return JSONResponse({"error": 'send {"accept": [...], "reject": [...]}'}, status_code=400)
        chosen: dict[str, list[str]] = {}
        for key in ("accept", "reject"):
            ids = body.get(key, [])
            if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
                return JSONResponse({"error": f"'{key}' must be a list of claim ids"}, status_code=400)
            chosen[key] = ids
        amap = preview.amap
        if amap is None or preview.error is not None:
            return JSONResponse(
                {"error": preview.error or "no map loaded", "version": preview.version}, status_code=409
            )
        accept = [i for i in chosen["accept"] if i in amap.claims]
        reject = [i for i in chosen["reject"] if i in amap.claims]
        try:
            labels = await asyncio.to_thread(evaluation_labels, amap, accept, reject)
        except (ArgmapError, ValueError) as error:
            return JSONResponse({"error": str(error), "version": preview.version}, status_code=422)
        return JSONResponse({"version": preview.version, "accept": accept, "reject": reject, "labels": labels})

    async def events(request: Request) -> Response:
        async def stream() -> AsyncIterator[str]:
            seen = preview.version
            yield f"retry: 1000\nevent: change\ndata: {seen}\n\n"
            quiet = 0.0
            while not preview.stopping():
                if await preview.wait_for_change(seen, POLL_SECONDS):
                    seen = preview.version
                    quiet = 0.0
                    yield f"event: change\ndata: {seen}\n\n"
                else:
                    quiet += POLL_SECONDS
                    if quiet >= KEEPALIVE_SECONDS:
                        quiet = 0.0
                        yield ": keep-alive\n\n"

        return StreamingResponse(
            stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop = asyncio.Event()
        watcher = asyncio.create_task(_watch(preview, stop))
        await preview.reload()
        if on_ready is not None:
            on_ready()
        try:
            yield
        finally:
            stop.set()
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(watcher, 5)

    routes = [
        Route("/", index),
        Route("/api/view", api_view),
        Route("/api/evaluate", api_evaluate, methods=["POST"]),
        Route("/events", events),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=hosts)] if hosts else []
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def server_for(
    path: str | os.PathLike[str],
    host: str = DEFAULT_HOST,
    *,
    format: str | None = None,
    on_ready: Callable[[], None] | None = None,
) -> uvicorn.Server:
    """A uvicorn server for the preview of ``path``; it accepts only local ``Host`` names when ``host`` is local."""
    import uvicorn

    hosts = ["127.0.0.1", "localhost", "[::1]", "::1", host] if is_loopback(host) else None
    preview = Preview(path, format)
    app = create_app(preview, on_ready=on_ready, hosts=hosts)
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, lifespan="on", timeout_graceful_shutdown=3, server_header=False
    )
    server = uvicorn.Server(config)
    preview.stopping = lambda: server.should_exit
    return server


def run(
    path: str | os.PathLike[str],
    sock: socket.socket,
    *,
    format: str | None = None,
    on_ready: Callable[[], None] | None = None,
) -> None:
    """Serve the preview of ``path`` on a bound socket (see :func:`bind`) until SIGINT or SIGTERM.

    Returns normally after a clean shutdown: open pages are let go, the watcher stops.
    """
    server = server_for(path, sock.getsockname()[0], format=format, on_ready=on_ready)
    # uvicorn hands the signal back once it has shut down: let that end here, quietly.
    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {}
    if threading.current_thread() is threading.main_thread():
        previous = {sig: signal.signal(sig, lambda *_: None) for sig in handled}
    try:
        server.run(sockets=[sock])
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        sock.close()
