"""``argmap serve`` end to end: a real server process and a real headless chromium."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import sys
from pathlib import Path

import pytest
from _browser import TIMEOUT_MS, Server, Watcher, chromium, dom_id, squeeze

from argmap import load_map
from argmap.evaluate import evaluate

FIXTURES = Path(__file__).parent / "fixtures" / "html"
MEALS = FIXTURES / "school-meals.yaml"
INJECTION = FIXTURES / "injection.yaml"
UPDATE_MS = 10_000


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def meals_copy(tmp_path):
    path = tmp_path / "map.yaml"
    shutil.copy(MEALS, path)
    return path


@pytest.fixture
def serve():
    servers: list[Server] = []

    def start(path: Path, *extra: str) -> Server:
        server = Server(path, *extra)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def open_page(browser):
    contexts = []

    def open_(url: str):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        watcher = Watcher(page)
        page.goto(url)
        page.wait_for_selector("body[data-ready]")
        return page, watcher

    yield open_
    for context in contexts:
        context.close()


def labels_on_page(page, element_ids) -> dict[str, str]:
    found = {}
    for element_id in element_ids:
        classes = page.get_attribute(dom_id(element_id), "class").split()
        found[element_id] = next(c.removeprefix("am-l-") for c in classes if c.startswith("am-l-"))
    return found


def test_served_page_shows_every_claim_with_no_console_errors(serve, open_page, meals_copy):
    server = serve(meals_copy)
    page, watcher = open_page(server.url)
    amap = load_map(meals_copy)
    for claim in amap.claims.values():
        assert squeeze(claim.text) in squeeze(page.text_content(dom_id(claim.id))), claim.id
    page.click(dom_id("stigma"))
    assert page.text_content("#am-panel .am-text") == amap.claims["stigma"].text
    assert watcher.errors == []


def test_what_if_click_changes_labels_as_the_library_computes(serve, open_page, meals_copy):
    server = serve(meals_copy)
    page, watcher = open_page(server.url)
    amap = load_map(meals_copy)
    ids = [*amap.claims, *amap.inferences]
    before = labels_on_page(page, ids)
    assert before == evaluate(amap).labels
    page.click(dom_id("stigma"))
    page.click("#am-panel .am-whatif-reject")
    page.wait_for_selector("body[data-evaluated]")
    after = labels_on_page(page, ids)
    assert after == evaluate(amap, reject=["stigma"]).labels
    assert after != before
    assert page.is_visible("#am-whatif")
    page.click("#am-whatif button:has-text('Back to the map as written')")
    page.wait_for_selector("#am-whatif", state="hidden")
    page.wait_for_selector('body[data-evaluated="2"]')
    assert labels_on_page(page, ids) == before
    assert watcher.errors == []


def test_saving_the_file_updates_the_page_without_a_reload(serve, open_page, meals_copy):
    server = serve(meals_copy)
    page, watcher = open_page(server.url)
    page.evaluate("window.__samePage = true")
    text = meals_copy.read_text(encoding="utf-8")
    # saved the way many editors do: a new file renamed over the old one
    saved = meals_copy.with_name(".map.yaml.swp")
    saved.write_text(text.replace("fund free school meals", "pay for every school lunch"), encoding="utf-8")
    os.replace(saved, meals_copy)
    page.wait_for_selector('body[data-version="2"]', timeout=UPDATE_MS)
    assert squeeze("The city should pay for every school lunch.") in squeeze(page.text_content(dom_id("fund-meals")))
    assert page.evaluate("window.__samePage") is True
    assert watcher.errors == []


def test_a_load_error_shows_in_the_page_and_the_server_keeps_running(serve, open_page, meals_copy):
    server = serve(meals_copy)
    page, _ = open_page(server.url)
    good = meals_copy.read_text(encoding="utf-8")
    meals_copy.write_text(good.replace("  stigma:\n", "  stigma:\n    txet: oops\n", 1), encoding="utf-8")
    page.wait_for_selector('body[data-version="2"]', timeout=UPDATE_MS)
    status = page.locator("#am-status")
    assert status.is_visible()
    line = good.splitlines().index("  stigma:") + 2
    assert f"{meals_copy}:{line}:" in status.text_content()
    assert "txet" in status.text_content()
    meals_copy.write_text(good, encoding="utf-8")
    page.wait_for_selector('body[data-version="3"]', timeout=UPDATE_MS)
    assert not status.is_visible()
    assert server.process.poll() is None


def test_a_map_broken_from_the_start_is_shown_once_fixed(serve, open_page, tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text("title: [unclosed\n", encoding="utf-8")
    server = serve(path)
    page, _ = open_page(server.url)
    assert f"{path}:" in page.text_content("#am-status")
    shutil.copy(MEALS, path)
    page.wait_for_selector('body[data-version="2"]', timeout=UPDATE_MS)
    assert page.is_visible(dom_id("fund-meals"))
    assert not page.is_visible("#am-status")


def test_injected_script_is_not_executed_in_the_served_page(serve, open_page, tmp_path):
    path = tmp_path / "injection.yaml"
    shutil.copy(INJECTION, path)
    server = serve(path)
    page, watcher = open_page(server.url)
    amap = load_map(path)
    page.click(dom_id("premise"))
    assert page.text_content("#am-panel .am-text") == amap.claims["premise"].text
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, b').length") == 0
    assert watcher.errors == []


def test_events_stream_announces_each_save(serve, meals_copy):
    server = serve(meals_copy)
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=UPDATE_MS / 1000)
    try:
        connection.request("GET", "/events")
        response = connection.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Type").startswith("text/event-stream")

        def next_event() -> list[str]:
            lines: list[str] = []
            while True:
                raw = response.readline()
                assert raw, "the event stream ended"
                line = raw.decode("utf-8").rstrip("\r\n")
                if line:
                    lines.append(line)
                elif lines:
                    return lines

        assert next_event() == ["retry: 1000", "event: change", "data: 1"]
        meals_copy.write_text(meals_copy.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert next_event() == ["event: change", "data: 2"]
    finally:
        connection.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_server_shuts_down_cleanly_with_a_page_open(serve, open_page, meals_copy, sig):
    server = serve(meals_copy)
    open_page(server.url)
    assert server.stop(sig) == 0
    output = server.output()
    assert "argmap: stopped" in output
    assert "Traceback" not in output
    assert "ERROR" not in output
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", server.port), timeout=2):
        pass


def _listening(table: Path, port: int) -> list[str]:
    """Local addresses (hex, as the kernel writes them) listening on ``port``."""
    found = []
    for row in table.read_text().splitlines()[1:]:
        fields = row.split()
        address, port_hex = fields[1].rsplit(":", 1)
        if int(port_hex, 16) == port and fields[3] == "0A":
            found.append(address)
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the Linux socket table in /proc")
def test_server_listens_only_on_127_0_0_1_by_default(serve, meals_copy):
    server = serve(meals_copy)
    assert server.url.startswith("http://127.0.0.1:")
    assert _listening(Path("/proc/net/tcp"), server.port) == ["0100007F"]
    tcp6 = Path("/proc/net/tcp6")
    if tcp6.exists():
        assert _listening(tcp6, server.port) == []
