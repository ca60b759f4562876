"""Take the screenshot of the HTML view shown in the docs (docs/html-view.png).

    python docs/html_screenshot.py maps/vraem.yaml -o docs/html-view.png --select ID

Writes the map's page with ``argmap.html.to_html``, opens it in Debian's headless
chromium through Playwright (the browser the tests use), optionally clicks an element so
that the side panel shows it, and saves a PNG.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from argmap import load_map
from argmap.dot import element_dom_id
from argmap.html import to_html
from argmap.output import write_atomic

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", type=Path)
    parser.add_argument("-o", "--output", type=Path, default=Path("docs/html-view.png"))
    parser.add_argument("--select", help="id of the element to open in the side panel")
    parser.add_argument("--search", help="words to type in the search box")
    parser.add_argument("--zoom-in", type=int, default=0, help="times to press the zoom-in button")
    parser.add_argument("--pan", type=int, nargs=2, metavar=("DX", "DY"), help="drag the map by DX, DY pixels")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "map.html"
        write_atomic(page_file, to_html(load_map(args.map)))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height}, device_scale_factor=1)
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-ready]")
            for _ in range(args.zoom_in):
                page.click("#am-zoom-in")
            if args.pan:
                box = page.locator("#am-canvas").bounding_box()
                x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
                page.mouse.move(x, y)
                page.mouse.down()
                page.mouse.move(x + args.pan[0], y + args.pan[1], steps=8)
                page.mouse.up()
            if args.search:
                page.fill("#am-search", args.search)
            if args.select:
                page.click("#" + element_dom_id(args.select))
            page.wait_for_timeout(600)
            page.screenshot(path=str(args.output))
            browser.close()


if __name__ == "__main__":
    main()
