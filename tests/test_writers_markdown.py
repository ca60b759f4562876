"""The Markdown outline: its shape (golden file) and its escaping (CommonMark + GFM)."""

from __future__ import annotations

import html
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from argmap import ArgumentMap, Claim, Inference, load_map
from argmap.writers import dumps
from argmap.writers.markdown import escape_markdown

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "convert"
GOLDEN = HERE / "golden" / "convert"

md = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def test_outline_matches_the_golden_file():
    text = dumps(load_map(FIXTURES / "meals.yaml"), "markdown")
    assert text == (GOLDEN / "meals.md").read_text(encoding="utf-8")


def test_outline_nests_reasons_objections_and_undercuts():
    text = dumps(load_map(FIXTURES / "meals.yaml"), "markdown")
    lines = text.splitlines()
    reason = lines.index(
        "- **Reason** (linked: all needed together) \u2014 since What improves learning is worth public money."
    )
    assert lines[reason + 3] == "  - **Undercut**"
    assert "      - The city ran a budget surplus in each of the last three years. *(source: city2022)*" in lines


def _items(tokens):
    """The text of each list item's paragraph, and every inline token type met."""
    texts, kinds = [], set()
    for token in tokens:
        if token.type == "inline":
            kinds.update(child.type for child in token.children or [])
            texts.append("".join(child.content for child in token.children or [] if child.type == "text"))
    return texts, kinds


def test_hostile_text_stays_text():
    amap = load_map(FIXTURES / "hostile.yaml")
    out = dumps(amap, "markdown")
    tokens = md.parse(out)
    assert not [t for t in tokens if t.type.startswith(("html", "fence", "code", "blockquote", "ordered", "table"))]
    headings = [t for t in tokens if t.type == "heading_open"]
    assert [h.tag for h in headings] == ["h1"]
    texts, kinds = _items(tokens)
    assert kinds <= {"text", "strong_open", "strong_close", "em_open", "em_close", "softbreak"}
    for claim in amap.claims.values():
        assert any(" ".join(claim.text.split()) in t for t in texts), claim.id
    rendered = md.render(out)
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered


PIECES = [*"ab1 2.)(][}{#>-+=*_`~|!&<>\\:;/\"'%\n\t", "&amp;", "<b>", "```", "1. ", "- ", "www.x.org", "http://x"]
SAMPLE = st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map("".join).filter(lambda s: s.strip())


@settings(max_examples=300, deadline=None)
@given(SAMPLE)
def test_escaped_text_renders_as_exactly_that_text(text):
    tokens = md.parse(f"- {escape_markdown(text)}\n")
    assert [t.type for t in tokens] == [
        "bullet_list_open",
        "list_item_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "list_item_close",
        "bullet_list_close",
    ]
    children = tokens[3].children or []
    assert {c.type for c in children} == {"text"}
    assert "".join(c.content for c in children) == " ".join(text.split())


def test_heading_title_is_escaped():
    amap = ArgumentMap("# <em>x</em> [y](z)", "t", [Claim("t", "Thesis.")])
    rendered = md.render(dumps(amap, "markdown"))
    assert rendered.startswith(f"<h1>{html.escape('# <em>x</em> [y](z)', quote=False)}</h1>")


def test_only_web_urls_become_links():
    from argmap import Source

    amap = ArgumentMap(
        "T",
        "t",
        [Claim("t", "Thesis.", source="s")],
        sources=[Source("s", "A book.", "javascript:alert(1)")],
    )
    rendered = md.render(dumps(amap, "markdown"))
    assert "<a " not in rendered and "javascript:alert(1)" in rendered


def test_a_chain_of_thousands_of_reasons_is_written_with_bounded_nesting():
    """It was a RecursionError traceback from about 450 levels down."""
    n = 3000
    claims = [Claim(f"c{k}", f"Claim {k}.") for k in range(n)]
    inferences = [Inference(f"i{k}", (f"c{k}",), f"c{k - 1}", "support") for k in range(1, n)]
    lines = dumps(ArgumentMap("Chain", "c0", claims, inferences), "markdown").splitlines()
    assert lines[4:6] == ["- **Reason**", "  - Claim 1."]
    assert lines[-1] == "  " * 60 + "- (5997) Claim 2999."
    assert max(map(len, lines)) < 200
