"""The preview server's application and command, without a browser (a real server in a thread)."""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap.serve
from argmap import load_map
from argmap.cli import app
from argmap.evaluate import evaluate
from argmap.serve import DEFAULT_HOST, Preview, bind, is_loopback, server_for, url_for

FIXTURES = Path(__file__).parent / "fixtures" / "html"
MEALS = FIXTURES / "school-meals.yaml"
BROKEN = "title: Broken\nthesis: a\nclaims:\n  a: A\ninferences:\n  - from: [b]\n    to: a\n"
TIMEOUT = 10.0

runner = CliRunner()


@pytest.fixture
def meals_copy(tmp_path):
    path = tmp_path / "map.yaml"
    shutil.copy(MEALS, path)
    return path


class Client:
    """Plain HTTP requests to a running preview."""

    def __init__(self, url: str) -> None:
        self.url = url

    def request(self, path: str, body: bytes | None = None, headers: dict[str, str] | None = None):
        request = urllib.request.Request(self.url + path.lstrip("/"), data=body, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def get(self, path: str, headers: dict[str, str] | None = None):
        return self.request(path, headers=headers)

    def json(self, path: str):
        status, text = self.get(path)
        assert status == 200, text
        return json.loads(text)

    def post(self, path: str, payload: object = None, raw: bytes | None = None):
        body = raw if raw is not None else json.dumps(payload).encode("utf-8")
        status, text = self.request(path, body, {"Content-Type": "application/json"})
        return status, json.loads(text)


@contextmanager
def serving(path: Path) -> Iterator[Client]:
    """The preview of ``path`` on a free port of 127.0.0.1, in a thread, stopped afterwards."""
    ready = threading.Event()
    server = server_for(path, on_ready=ready.set)
    sock = bind("127.0.0.1", 0)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        assert ready.wait(TIMEOUT), "the preview did not start"
        deadline = time.monotonic() + TIMEOUT
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        yield Client(url_for("127.0.0.1", sock.getsockname()[1]))
    finally:
        server.should_exit = True
        thread.join(TIMEOUT)
        sock.close()
    assert not thread.is_alive(), "the preview did not stop"


def embedded(page: str) -> dict:
    marker = '<script type="application/json" id="am-data">'
    start = page.index(marker) + len(marker)
    return json.loads(page[start : page.index("</script>", start)])


def test_loopback_hosts():
    assert is_loopback("127.0.0.1")
    assert is_loopback("127.3.2.1")
    assert is_loopback("localhost")
    assert is_loopback("::1")
    assert is_loopback("[::1]")
    assert not is_loopback("0.0.0.0")
    assert not is_loopback("::")
    assert not is_loopback("192.168.1.10")
    assert not is_loopback("example.org")


def test_urls():
    assert url_for("127.0.0.1", 8000) == "http://127.0.0.1:8000/"
    assert url_for("::1", 8000) == "http://[::1]:8000/"


def test_bind_defaults_to_loopback_and_can_pick_a_free_port():
    sock = bind(port=0)
    try:
        host, port = sock.getsockname()[:2]
        assert host == DEFAULT_HOST == "127.0.0.1"
        assert port > 0
    finally:
        sock.close()


def test_page_and_view_of_a_good_map(meals_copy):
    amap = load_map(meals_copy)
    with serving(meals_copy) as client:
        status, page = client.get("/")
        assert status == 200
        data = embedded(page)
        assert data["live"] is True
        assert data["version"] == 1
        assert [c["text"] for c in data["claims"]] == [c.text for c in amap.claims.values()]
        assert "connect-src 'self'" in page
        view = client.json("/api/view")
        assert view["version"] == 1
        assert view["svg"].startswith("<svg")
        assert view["data"]["labels"] == evaluate(amap).labels


def test_what_if_is_computed_by_the_library(meals_copy):
    amap = load_map(meals_copy)
    with serving(meals_copy) as client:
        status, body = client.post("/api/evaluate", {"reject": ["stigma"], "accept": ["too-expensive"]})
        assert status == 200
        assert body["labels"] == evaluate(amap, accept=["too-expensive"], reject=["stigma"]).labels
        assert body["reject"] == ["stigma"]
        assert body["accept"] == ["too-expensive"]


def test_what_if_ignores_ids_the_map_no_longer_has(meals_copy):
    amap = load_map(meals_copy)
    with serving(meals_copy) as client:
        _, body = client.post("/api/evaluate", {"reject": ["gone", "stigma", "r1"]})
        assert body["reject"] == ["stigma"]
        assert body["labels"] == evaluate(amap, reject=["stigma"]).labels


@pytest.mark.parametrize(
    "payload",
    ["not json", json.dumps([1, 2]), json.dumps({"reject": "stigma"}), json.dumps({"accept": [1]})],
)
def test_what_if_refuses_bad_requests(meals_copy, payload):
    with serving(meals_copy) as client:
        status, body = client.post("/api/evaluate", raw=payload.encode("utf-8"))
        assert status == 400
        assert body["error"]


def test_a_map_that_does_not_load_shows_its_error_with_the_line(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    with serving(broken) as client:
        status, page = client.get("/")
        assert status == 200
        error = embedded(page)["error"]
        assert error.startswith(f"{broken}:6:")
        assert "'b'" in error
        assert client.json("/api/view")["error"] == error
        assert client.post("/api/evaluate", {})[0] == 409


def test_a_local_server_refuses_other_host_names(meals_copy):
    with serving(meals_copy) as client:
        assert client.get("/")[0] == 200
        assert client.get("/", headers={"Host": "attacker.example"})[0] == 400
        assert client.get("/api/view", headers={"Host": "attacker.example:8000"})[0] == 400
        assert client.get("/api/view", headers={"Host": "localhost:8000"})[0] == 200


def test_reload_bumps_the_version_and_picks_up_edits(meals_copy):
    asyncio.run(_reload_and_edit(meals_copy))


async def _reload_and_edit(meals_copy: Path) -> None:
    preview = Preview(meals_copy)
    await preview.reload()
    assert preview.state()["version"] == 1
    meals_copy.write_text(
        meals_copy.read_text(encoding="utf-8").replace("fund free school meals", "pay for lunches"), encoding="utf-8"
    )
    await preview.reload()
    state = preview.state()
    assert state["version"] == 2
    assert state["data"]["claims"][0]["text"] == "The city should pay for lunches."
    meals_copy.write_text(BROKEN, encoding="utf-8")
    await preview.reload()
    assert preview.state()["error"].startswith(f"{meals_copy}:6:")
    assert preview.amap is not None


def test_waiting_for_a_change_times_out_or_wakes(meals_copy):
    asyncio.run(_wait_for_change(meals_copy))


async def _wait_for_change(meals_copy: Path) -> None:
    preview = Preview(meals_copy)
    await preview.reload()
    assert not await preview.wait_for_change(1, 0.05)
    assert await preview.wait_for_change(0, 0.05)


# -- the command ----------------------------------------------------------------------------


def test_cli_refuses_a_missing_map(tmp_path):
    result = runner.invoke(app, ["serve", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "no such map file" in result.output


def test_cli_refuses_an_unknown_format(tmp_path):
    odd = tmp_path / "map.txt"
    odd.write_text("title: x\n", encoding="utf-8")
    result = runner.invoke(app, ["serve", str(odd)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_cli_reports_a_busy_port(meals_copy):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", str(meals_copy), "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output


def test_cli_warns_before_listening_beyond_localhost(meals_copy, monkeypatch):
    asked = {}

    def fake_bind(host, port):
        asked["host"] = host
        return bind("127.0.0.1", 0)

    monkeypatch.setattr(argmap.serve, "bind", fake_bind)
    monkeypatch.setattr(argmap.serve, "run", lambda path, sock, **kw: sock.close())
    result = runner.invoke(app, ["serve", str(meals_copy), "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert asked["host"] == "0.0.0.0"
    assert "warning: listening on 0.0.0.0" in result.output


def test_cli_listens_on_localhost_by_default_without_warning(meals_copy, monkeypatch):
    asked = {}

    def fake_bind(host, port):
        asked.update(host=host, port=port)
        return bind("127.0.0.1", 0)

    monkeypatch.setattr(argmap.serve, "bind", fake_bind)
    monkeypatch.setattr(argmap.serve, "run", lambda path, sock, **kw: sock.close())
    result = runner.invoke(app, ["serve", str(meals_copy)])
    assert result.exit_code == 0, result.output
    assert asked == {"host": "127.0.0.1", "port": 8000}
    assert "warning" not in result.output
