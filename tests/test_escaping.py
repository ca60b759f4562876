"""Hostile text stays literal text in every output: DOT, SVG, PNG/PDF, HTML, Markdown,
Mermaid, the terminal outline and every export.

One map carries text that is syntax somewhere (DOT, HTML-like labels, XML, HTML and
script, Markdown, Mermaid, Argdown, shell), very long words, emoji, right-to-left text and
control characters, in claims, ids, the title, a warrant and a source. Each output is
made through the CLI and read back with a parser for its own format, and what that
parser sees is compared with the map's text.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pygraphviz
import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from argmap import ArgumentMap, Claim, Inference, Source, load_map
from argmap.cli import app
from argmap.dot import element_dom_id
from argmap.writers import dumps

runner = CliRunner()

CASES = {
    "dot": 'He said "stop" {now} -> a <b> c >d; node [shape=box] edge',
    "html-label": "<<B>bold</B>> <TABLE><TR><TD>cell</TD></TR></TABLE> <BR/>",
    "backslash": "C:\\new\\table \\l \\n \\N \\G \\E \\T \\H \\L end\\",
    "xml": "AT&T ]]> <!-- comment --> &amp; &lt; &#x41; &#0; <![CDATA[x]]> <?xml?>",
    "script": "<script>alert(1)</script></script><script>alert(2)</script>",
    "img": '<img src=x onerror="alert(3)"> <svg onload=alert(4)> <a href="javascript:alert(5)">x</a>',
    "markdown": "*em* _em_ **strong** ~~del~~ [link](javascript:alert(6)) ![img](x.png) <https://x.org>",
    "table": "| a | b | pipes in a table cell",
    "code": "`tick` ``double`` ```fence```",
    "heading": "# not a heading",
    "quote": "> not a quote",
    "bullet": "- not a bullet",
    "ordered": "1. not an ordered item",
    "shell": "$(rm -rf /) `rm -rf ~` ; && || > /dev/null",
    "long": "x" * 10_000,
    "emoji-rtl": "emoji \U0001f642\U0001f469\u200d\U0001f469\u200d\U0001f467 \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c",
    "controls": "bell\x07 escape\x1b[31m delete\x7f csi\x9b2J vertical\x0btab",
    "breaks": "line\nfeed\r\ncrlf\x85next\u2028line\u2029paragraph\x0cform",
    "mermaid": "%%{init: {'theme': 'dark'}}%% ((round)) [[sub]] -->|edge| ---x #quot; #35;",
    "argdown": "[title]: text #tag @[x] <arg> {data: 1} // comment .~. @include(/etc/passwd)",
}
"""Claim texts, each syntax in some target."""

TITLE = 'Title <script>alert(7)</script> & "quotes" \\G %%{init: {}}%% # [x](javascript:y) bell\x07'
WARRANT = 'because <i>reasons</i> & "quotes" {x} @include(z)'
CITATION = "Author <b>(2024)</b> & [link](javascript:alert(8)) \\N"
URL = "javascript:alert(9)"
NOTE = "{data: x} } // not a comment /* */ <!-- --> @include(notes.txt) \u2029 #tag"

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def claim_id(name: str) -> str:
    """A hostile id: quotes, brackets, an ampersand, a backslash escape and a pipe."""
    return f'{name}<&"\\N|'


def hostile_map(cases: dict[str, str] = CASES) -> ArgumentMap:
    names = list(cases)
    claims = [Claim('thesis<&"\\N|', f"Thesis: {CASES['dot']}", source='src<&"|')]
    claims += [
        Claim(
            claim_id(name),
            text,
            assumption=k % 2 == 0,
            source=None if k % 2 == 0 else 'src<&"|',
            note=NOTE if k % 3 == 0 else None,
            quote=cases["breaks"] if k % 3 == 1 else None,
        )
        for k, (name, text) in enumerate(cases.items())
    ]
    thesis = claims[0].id
    inferences = [Inference('r1<&"\\N|', (claim_id(names[0]), claim_id(names[1])), thesis, warrant=WARRANT)]
    for k, name in enumerate(names[2:-1]):
        kind = "attack" if k % 3 == 2 else "support"
        inferences.append(Inference(f'i{k}<&"|', (claim_id(name),), thesis, type=kind))
    inferences.append(Inference('_u<&"|', (claim_id(names[-1]),), 'r1<&"\\N|', type="attack"))
    inferences.append(Inference('+s<&"|', (claim_id(names[-2]),), '_u<&"|'))
    return ArgumentMap(
        TITLE, thesis, claims, inferences, [Source('src<&"|', CITATION, URL)], description=CASES["markdown"]
    )


def plain(text: str) -> str:
    """Text on one line, as Markdown and the terminal show it: whitespace collapsed, control characters dropped."""
    return " ".join(CONTROL.sub("", " ".join(text.split())).split())


def squeezed(text: str) -> str:
    """Text without whitespace or control characters: what survives wrapping in a diagram."""
    return "".join(CONTROL.sub("", text).split())


@pytest.fixture(scope="module")
def amap() -> ArgumentMap:
    return hostile_map()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, amap: ArgumentMap) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.yaml").write_text(str(dumps(amap, "yaml")), encoding="utf-8")
    return folder


def run(*args: str | Path) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


def made(folder: Path, name: str, *args: str) -> Path:
    """The file ``name`` made by an argmap command on the hostile map (once per module)."""
    path = folder / name
    if not path.exists():
        run(*args, folder / "hostile.yaml", "-o", path)
    return path


def test_the_map_survives_its_own_yaml(amap, folder):
    again = load_map(folder / "hostile.yaml")
    assert {c.id: c.text for c in again.claims.values()} == {c.id: c.text for c in amap.claims.values()}
    assert again.title == TITLE


# -- DOT ---------------------------------------------------------------------------------------


def shown(label: str) -> str:
    """What Graphviz shows of an HTML-like label: tags dropped, entities decoded, ``\\\\`` read as ``\\``."""
    return html.unescape(re.sub(r"<[^>]*>", "", label)).replace("\\\\", "\\")


def test_dot_parses_back_to_the_literal_labels(amap, folder):
    graph = pygraphviz.AGraph(string=made(folder, "map.dot", "render").read_text(encoding="utf-8"))
    by_dom = {n.attr["id"]: n for n in graph.nodes()}
    for claim in amap.claims.values():
        label = shown(by_dom[element_dom_id(claim.id)].attr["label"])
        assert squeezed(claim.text) in squeezed(label), claim.id
        assert squeezed(claim.id) in squeezed(label), claim.id
    header = shown(graph.graph_attr["label"])
    assert plain(TITLE) in plain(header)
    assert squeezed(CITATION) in squeezed(header) and URL in header
    names = {str(n) for n in graph.nodes()}
    assert all(re.fullmatch(r"n\d+(_note)?", name) for name in names), names


def test_dot_keeps_backslash_escapes_literal(folder):
    dot = made(folder, "map.dot", "render").read_text(encoding="utf-8")
    assert "\\\\N" in dot and "\\\\G" in dot and "\\\\l" in dot
    assert not re.search(r"(?<!\\)\\[NGlETHL]", dot.replace("\\\\", ""))


# -- SVG, PNG, PDF ---------------------------------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def svg_tree(path: Path) -> ET.Element:
    return ET.fromstring(path.read_bytes())


def node_texts(root: ET.Element) -> dict[str, str]:
    """The text each element's group in Graphviz SVG shows, by the group's id."""
    return {
        group.get("id", ""): "".join(t.text or "" for t in group.iter(f"{SVG}text"))
        for group in root.iter(f"{SVG}g")
        if group.get("class") == "node"
    }


def assert_inert_svg(root: ET.Element) -> None:
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        assert tag not in ("script", "foreignObject", "iframe", "object", "embed", "use"), tag
        for attribute, value in element.attrib.items():
            name = attribute.rsplit("}", 1)[-1]
            assert not name.lower().startswith("on"), (tag, attribute)
            if name == "href":
                assert not value.lower().startswith("javascript:"), value


def test_svg_text_is_the_literal_text(amap, folder):
    root = svg_tree(made(folder, "map.svg", "render"))
    assert_inert_svg(root)
    texts = node_texts(root)
    for claim in amap.claims.values():
        shown_text = texts[element_dom_id(claim.id)]
        assert squeezed(claim.text) in squeezed(shown_text), claim.id
    everything = "".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert squeezed(TITLE) in squeezed(everything)
    assert squeezed(WARRANT) not in squeezed(everything)  # warrants are not drawn; their id is
    assert squeezed('r1<&"\\N|') in squeezed(everything)


@pytest.mark.parametrize(("suffix", "magic"), [("png", b"\x89PNG\r\n\x1a\n"), ("pdf", b"%PDF-")])
def test_png_and_pdf_render(folder, suffix, magic):
    assert made(folder, f"map.{suffix}", "render").read_bytes().startswith(magic)


# -- HTML ------------------------------------------------------------------------------------


class Page(HTMLParser):
    """Every start tag, the text outside scripts, and each script's attributes and body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is None:
            self.text.append(data)
        else:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)


def parsed_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def assert_no_injected_markup(page: Page, scripts: int) -> None:
    assert len(page.scripts) == scripts
    for tag, attrs in page.tags:
        assert tag not in ("img", "iframe", "object", "embed", "form", "base", "link") or (
            tag == "link" and attrs.get("rel") == "icon"
        ), (tag, attrs)
        assert tag != "a" or (attrs.get("href") or "").startswith("#"), attrs
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").lower().startswith("javascript:"), (tag, name, value)


def test_html_page_shows_text_as_text(amap, folder):
    page = parsed_page(made(folder, "map.html", "html"))
    assert_no_injected_markup(page, scripts=2)
    data = json.loads(next(body for attrs, body in page.scripts if attrs.get("type") == "application/json"))
    assert [c["text"] for c in data["claims"]] == [c.text for c in amap.claims.values()]
    assert [c["id"] for c in data["claims"]] == list(amap.claims)
    assert data["title"] == TITLE
    assert data["sources"] == [{"id": 'src<&"|', "citation": CITATION, "url": URL}]
    text = squeezed("".join(page.text))
    for claim in amap.claims.values():
        assert squeezed(claim.text) in text, claim.id
    assert plain(TITLE) in plain("".join(page.text))


def test_brief_and_worksheet_pages_show_text_as_text(amap, folder):
    brief = parsed_page(made(folder, "brief.html", "brief", "--side", "con"))
    assert_no_injected_markup(brief, scripts=0)
    for name in ("sheet.html", "sheet.key.html"):
        made(folder, "sheet.html", "exercise", "--kind", "reconstruct")
        sheet = parsed_page(folder / name)
        assert_no_injected_markup(sheet, scripts=0)
        text = squeezed("".join(sheet.text))
        for claim in amap.claims.values():
            assert squeezed(claim.text) in text, (name, claim.id)


# -- Markdown ----------------------------------------------------------------------------------

MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def markdown_text(source: str, images: set[str] = frozenset()) -> str:
    """The text a CommonMark/GFM renderer shows, after checking it made no HTML, link or unexpected image."""
    assert not CONTROL.search(source)
    shown: list[str] = []
    for block in MARKDOWN.parse(source):
        assert block.type not in ("html_block", "code_block", "fence", "table_open"), (block.type, block.content)
        for token in block.children or []:
            assert token.type not in ("html_inline", "link_open", "s_open"), (token.type, token.content)
            if token.type == "image":
                assert token.attrs["src"] in images, token.attrs
            elif token.type in ("text", "code_inline"):
                shown.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                shown.append(" ")
        shown.append("\n")
    return "".join(shown)


def test_markdown_outline_shows_the_literal_text(amap, folder):
    text = markdown_text(made(folder, "map.md", "convert").read_text(encoding="utf-8"))
    lines = {plain(line) for line in text.splitlines()}
    for claim in amap.claims.values():
        assert any(plain(claim.text) in line for line in lines), claim.id
    assert plain(TITLE) in lines
    assert any(plain(CITATION) in line for line in lines)


def test_markdown_worksheets_and_brief_show_the_literal_text(amap, folder):
    sheet = made(folder, "sheet.md", "exercise", "--kind", "reconstruct")
    text = markdown_text(sheet.read_text(encoding="utf-8"), images=set())
    for claim in amap.claims.values():
        assert plain(claim.text) in plain(text), claim.id
    key = folder / "sheet.key.md"
    markdown_text(key.read_text(encoding="utf-8"), images={"sheet.key.svg"})
    assert_inert_svg(svg_tree(folder / "sheet.key.svg"))
    for side in ("pro", "con"):
        brief = markdown_text(run("brief", folder / "hostile.yaml", "--side", side))
        assert plain(amap.claims[amap.thesis].text) in plain(brief)


@pytest.mark.parametrize("kind", ["label-relations", "missing-premise", "spot-the-flaw", "weakest-link"])
def test_every_worksheet_kind_renders_without_injection(folder, kind):
    sheet = made(folder, f"{kind}.md", "exercise", "--kind", kind)
    images = {p.name for p in folder.glob(f"{kind}*.svg")}
    markdown_text(sheet.read_text(encoding="utf-8"), images)
    markdown_text((folder / f"{kind}.key.md").read_text(encoding="utf-8"), images)
    for image in images:
        root = svg_tree(folder / image)
        assert_inert_svg(root)
        assert squeezed(TITLE) in squeezed("".join(t.text or "" for t in root.iter(f"{SVG}text"))), image


def test_pdf_worksheet_renders(tmp_path):
    # Without the 10,000-character word: a diagram that tall takes ReportLab seconds to embed.
    short = hostile_map({name: text for name, text in CASES.items() if name != "long"})
    (tmp_path / "short.yaml").write_text(str(dumps(short, "yaml")), encoding="utf-8")
    run("exercise", tmp_path / "short.yaml", "--kind", "find-conclusion", "-o", tmp_path / "sheet.pdf")
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "sheet.key.pdf").read_bytes().startswith(b"%PDF-")


# -- Mermaid -----------------------------------------------------------------------------------

_NAMED = {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}
_LINE = re.compile(
    r'%% [^\n]*|flowchart BT|    n\d+\["[^"]*"\]|    n\d+\(\("(\+|#8722;)"\)\)|    n\d+ (---|-->|-\.-|-\.-x) n\d+'
    r"|    classDef \w+ [\w:#,\- ]+|    class [n\d,]+ \w+|    linkStyle [\d,]+ [\w:#,\-]+"
)


def mermaid_decoded(label: str) -> str:
    return re.sub(r"#(\w+);", lambda m: _NAMED.get(m.group(1)) or chr(int(m.group(1))), label)


def test_mermaid_flowchart_has_only_quoted_labels_and_no_directive(amap, folder):
    text = made(folder, "map.mmd", "convert").read_text(encoding="utf-8")
    for line in text.splitlines():
        assert _LINE.fullmatch(line), line
    assert "%%{" not in text
    labels = re.findall(r'^    n\d+\["([^"]*)"\]$', text, re.MULTILINE)
    one_line = [re.sub("[\x00-\x1f\x7f]", " ", " ".join(c.text.split())) for c in amap.claims.values()]
    assert [mermaid_decoded(label) for label in labels] == one_line
    for label in labels:
        assert not re.search(r"[<>`\[\]{}()|\\]", label), label


# -- exports read back -------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["yaml", "argmap.json", "aif.json"])
def test_lossless_exports_give_back_the_exact_text(amap, folder, suffix):
    again = load_map(made(folder, f"map.{suffix}", "convert"))
    fields = [(c.id, c.text, c.note, c.quote) for c in amap.claims.values()]
    assert [(c.id, c.text, c.note, c.quote) for c in again.claims.values()] == fields
    assert again.title == TITLE and again.description == amap.description
    assert again.inferences['r1<&"\\N|'].warrant == WARRANT
    assert {s.id: (s.citation, s.url) for s in again.sources.values()} == {'src<&"|': (CITATION, URL)}


def test_argdown_export_gives_back_the_text_and_includes_nothing(amap, folder):
    path = made(folder, "map.argdown", "convert")
    assert "@include(" not in path.read_text(encoding="utf-8")
    again = load_map(path)
    assert [plain(c.text) for c in again.claims.values()] == [plain(c.text) for c in amap.claims.values()]
    assert [(c.note, c.quote) for c in again.claims.values()] == [(c.note, c.quote) for c in amap.claims.values()]
    assert len(again.inferences) == len(amap.inferences)
    assert again.title == TITLE
    (warrant,) = [i.warrant for i in again.inferences.values() if i.warrant]
    assert warrant == WARRANT
    assert [s.citation for s in again.sources.values()] == [CITATION]


def test_graphml_gives_back_the_text_less_what_xml_cannot_hold(amap, folder):
    graph = nx.read_graphml(made(folder, "map.graphml", "convert"))

    def xml(text: str) -> str:
        return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)

    texts = {node: data["text"] for node, data in graph.nodes(data=True) if data.get("kind") == "claim"}
    assert texts == {c.id: xml(c.text) for c in amap.claims.values()}
    assert graph.graph["title"] == xml(TITLE)


# -- the terminal ------------------------------------------------------------------------------


def test_show_prints_no_control_characters(amap, folder):
    out = run("show", folder / "hostile.yaml")
    assert not CONTROL.search(out.replace("\n", ""))
    lines = out.splitlines()
    assert lines[0] == plain(TITLE)
    for claim in amap.claims.values():
        assert any(f"{plain(claim.id)}: {plain(claim.text)}" in line for line in lines), claim.id
