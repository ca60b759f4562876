"""Property tests on random valid maps full of hostile text (see tests/strategies.py):
every command succeeds on them, every output shows every claim as the literal text, and
the lossless formats give the same map back.

Drawing with Graphviz is the slow part, so the commands that lay a map out run on fewer
examples than the rest.
"""

from __future__ import annotations

import html
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pygraphviz
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from strategies import maps, shape
from typer.testing import CliRunner

from argmap import ArgumentMap, parse_map
from argmap.cli import app
from argmap.dot import element_dom_id
from argmap.writers import dumps, writers

runner = CliRunner()

ROUND_TRIPS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_UNSHRUNK = [Phase.explicit, Phase.reuse, Phase.generate]
"""Running every command is slow enough that shrinking a failure could take minutes: report it as found."""
COMMANDS = settings(ROUND_TRIPS, max_examples=15, phases=_UNSHRUNK)
DRAWINGS = settings(ROUND_TRIPS, max_examples=6, phases=_UNSHRUNK)

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# CommonMark sets no nesting limit; markdown-it's preset stops at 20 levels (about nine
# nested list items) and drops what lies deeper, which generated maps reach.
MARKDOWN = MarkdownIt("commonmark", {"maxNesting": 1000}).enable(["table", "strikethrough"])
SVG = "{http://www.w3.org/2000/svg}"


def one_line(text: str) -> str:
    return " ".join(text.split())


def plain(text: str) -> str:
    """One line without control characters: how the outline, Markdown and the terminal show text."""
    return one_line(CONTROL.sub("", one_line(text)))


def squeezed(text: str) -> str:
    """No whitespace, no control characters: what survives a diagram's wrapping."""
    return "".join(CONTROL.sub("", text).split())


@contextmanager
def saved(amap: ArgumentMap) -> Iterator[Path]:
    """The map as a YAML file in a fresh folder (hypothesis examples cannot share pytest's tmp_path)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.yaml"
        path.write_text(str(dumps(amap, "yaml")), encoding="utf-8")
        yield path


def run(*args: str | Path, codes: tuple[int, ...] = (0,)) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in codes, (args, result.output)
    return result.stdout


# -- export -> import ----------------------------------------------------------------------------


@pytest.mark.parametrize(("format", "suffix"), [("yaml", ".yaml"), ("json", ".argmap.json"), ("aif", ".aif.json")])
@ROUND_TRIPS
@given(amap=maps())
def test_lossless_formats_give_the_same_map_back(format, suffix, amap):
    back = parse_map(str(dumps(amap, format)), "map" + suffix)
    assert shape(back) == shape(amap)


@ROUND_TRIPS
@given(amap=maps(argdown=True))
def test_argdown_gives_the_same_map_back_up_to_spacing(amap):
    """Argdown collapses whitespace and names every argument: made-up names come back as names."""
    back = parse_map(str(dumps(amap, "argdown")), "map.argdown")
    assert shape(back, one_line, named=amap) == shape(amap, one_line)


# -- every command ---------------------------------------------------------------------------------


def shown_label(label: str) -> str:
    """What Graphviz shows of an HTML-like label: tags dropped, entities decoded, ``\\\\`` read as ``\\``."""
    return html.unescape(re.sub(r"<[^>]*>", "", label)).replace("\\\\", "\\")


def markdown_lines(source: str) -> list[str]:
    """The lines of text a Markdown renderer shows, after checking it made no HTML and no link."""
    lines: list[str] = []
    for block in MARKDOWN.parse(source):
        assert block.type not in ("html_block", "code_block", "fence"), block.content
        for token in block.children or []:
            assert token.type not in ("html_inline", "link_open", "image"), token.content
        if block.type == "inline":
            lines.append(plain("".join(t.content for t in block.children or [] if t.type in ("text", "code_inline"))))
    return lines


@COMMANDS
@given(amap=maps(), data=st.data())
def test_every_text_command_succeeds(amap, data):
    some = data.draw(st.sampled_from([*amap.claims, *amap.inferences]))
    with saved(amap) as path:
        run("check", path, codes=(0, 1))
        run("check", path, "--format", "sarif", codes=(0, 1))
        run("evaluate", path, "--strength")
        report = json.loads(run("evaluate", path, "--format", "json"))
        assert {e["id"] for e in report["elements"]} == set(amap.claims) | set(amap.inferences)
        run("whatif", path, f"--reject={some}")
        run("critical", path)
        run("grade", path, f"--key={path}")
        for side in ("pro", "con"):
            markdown_lines(run("brief", path, "--side", side))
        outline = run("show", path, "--evaluate").splitlines()
        for claim in amap.claims.values():
            assert f"{plain(claim.id)}: {plain(claim.text)}" in "\n".join(outline), claim.id
        for name in writers():
            run("convert", path, "-o", "-", "--to", name)


@COMMANDS
@given(amap=maps())
def test_dot_mermaid_and_markdown_show_every_claim(amap):
    with saved(amap) as path:
        dot = run("convert", path, "-o", "-", "--to", "dot")
        graph = pygraphviz.AGraph(string=dot)
        labels = {n.attr["id"]: shown_label(n.attr["label"]) for n in graph.nodes()}
        for claim in amap.claims.values():
            assert squeezed(claim.text) in squeezed(labels[element_dom_id(claim.id)]), claim.id

        mermaid = run("convert", path, "-o", "-", "--to", "mermaid")
        assert "%%{" not in mermaid
        found = re.findall(r'^    n\d+\["([^"]*)"\]$', mermaid, re.MULTILINE)
        decoded = [
            re.sub(r"#(\w+);", lambda m: {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}.get(m[1]) or chr(int(m[1])), f)
            for f in found
        ]
        assert decoded == [re.sub("[\x00-\x1f\x7f]", " ", one_line(c.text)) for c in amap.claims.values()]

        outline = markdown_lines(run("convert", path, "-o", "-", "--to", "markdown"))
        for claim in amap.claims.values():
            assert any(plain(claim.text) in line for line in outline), claim.id


def svg_texts(svg: bytes) -> dict[str, str]:
    """The text of each node group of a Graphviz SVG, by the group's id; no script anywhere."""
    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("script", "foreignObject")]
    return {
        g.get("id", ""): "".join(t.text or "" for t in g.iter(f"{SVG}text"))
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "node"
    }


@DRAWINGS
@given(amap=maps(max_claims=5, max_inferences=5))
def test_drawings_pages_and_worksheets_show_every_claim(amap):
    with saved(amap) as path:
        folder = path.parent
        run("render", path, "-o", folder / "map.svg")
        texts = svg_texts((folder / "map.svg").read_bytes())
        for claim in amap.claims.values():
            assert squeezed(claim.text) in squeezed(texts[element_dom_id(claim.id)]), claim.id

        run("html", path, "-o", folder / "map.html")
        page = (folder / "map.html").read_text(encoding="utf-8")
        data = re.search(r'<script type="application/json" id="am-data">(.*?)</script>', page, re.DOTALL)
        assert data is not None
        assert [c["text"] for c in json.loads(data[1])["claims"]] == [c.text for c in amap.claims.values()]
        assert page.count("<script") == 2

        run("brief", path, "--side", "con", "-o", folder / "brief.html")
        run("render", path, "-o", folder / "map.png")
        assert (folder / "map.png").read_bytes().startswith(b"\x89PNG")

        result = runner.invoke(app, ["exercise", str(path), "--kind", "reconstruct", "-o", str(folder / "sheet.md")])
        if result.exit_code == 2:  # too small a map for the exercise: a clear error, nothing written
            assert result.stderr.startswith(f"{path}:") and "Traceback" not in result.output
            assert not (folder / "sheet.md").exists()
            return
        assert result.exit_code == 0, result.output
        sheet = markdown_lines((folder / "sheet.md").read_text(encoding="utf-8"))
        for claim in amap.claims.values():
            assert any(plain(claim.text) in line for line in sheet), claim.id
