"""The HTML view: escaping, the embedded JSON, a self-contained page, and ``argmap html``."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap import ArgumentMap, Claim, load_map, run_checks
from argmap.cli import app
from argmap.dot import element_dom_id
from argmap.evaluate import evaluate
from argmap.html import embed_json, error_html, escape_html, map_data, to_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"
GOLDEN = Path(__file__).parent / "golden" / "html"
MEALS = FIXTURES / "school-meals.yaml"
INJECTION = FIXTURES / "injection.yaml"


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


def parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def embedded_data(page: str) -> dict:
    scripts = [text for attrs, text in parse(page).scripts if attrs.get("type") == "application/json"]
    assert len(scripts) == 1
    return json.loads(scripts[0])


# -- escaping ----------------------------------------------------------------------------


def test_escape_html_turns_markup_into_text():
    assert escape_html("<script>alert('x')</script> & \"q\"") == (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;q&quot;"
    )


def test_escape_html_drops_control_characters():
    assert escape_html("a\x00b\x1bc\td\ne") == "abc\td\ne"


def test_embed_json_escapes_what_could_end_the_script_block():
    text = embed_json({"t": "</script><!-- & \u2028\u2029 >"})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text) == {"t": "</script><!-- & \u2028\u2029 >"}


@given(
    st.recursive(
        st.text() | st.integers() | st.booleans() | st.none(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    )
)
def test_embed_json_round_trips_and_never_contains_unsafe_characters(value):
    text = embed_json(value)
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == value


def test_embed_json_is_ascii_even_for_lone_surrogates():
    text = embed_json({"t": "caf\u00e9 \ud800 \u2028"})
    assert text.isascii()
    assert json.loads(text) == {"t": "caf\u00e9 \ud800 \u2028"}


def test_a_page_with_lone_surrogates_still_encodes():
    amap = ArgumentMap("Title \ud800", "t", [Claim("t", "Text \udfff here")])
    page = to_html(amap, [], labels={})
    page.encode("utf-8")
    assert embedded_data(page)["claims"][0]["text"] == "Text \udfff here"


def test_embed_json_refuses_nan():
    with pytest.raises(ValueError):
        embed_json(float("nan"))


# -- the page ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def meals():
    return load_map(MEALS)


@pytest.fixture(scope="module")
def meals_page(meals):
    return to_html(meals)


@pytest.fixture(scope="module")
def injection_page():
    return to_html(load_map(INJECTION))


def test_page_is_self_contained(meals_page):
    tags = parse(meals_page).tags
    assert not [t for t, a in tags if t in ("iframe", "img", "object", "embed")]
    assert not [a for t, a in tags if "src" in a]
    external = [a["href"] for t, a in tags if t != "a" and a.get("href") and not a["href"].startswith("data:")]
    assert external == []
    assert "@import" not in meals_page
    assert "url(" not in meals_page


def test_page_holds_the_svg_inline_with_element_ids(meals, meals_page):
    ids = {a.get("id") for _, a in parse(meals_page).tags}
    assert "am-canvas" in ids
    for element_id in [*meals.claims, *meals.inferences]:
        assert element_dom_id(element_id) in ids


def test_page_data_is_the_map_data(meals, meals_page):
    data = embedded_data(meals_page)
    assert data.pop("live") is False
    assert data == map_data(meals, run_checks(meals), evaluate(meals).labels)


def test_page_data_matches_the_golden_file(meals):
    data = map_data(meals, [], {"fund-meals": "accepted", "stigma": "rejected", "r1": "undecided", "cost": "bogus"})
    data["path"] = "school-meals.yaml"
    golden = GOLDEN / "school-meals.json"
    assert data == json.loads(golden.read_text(encoding="utf-8"))


def test_page_data_carries_each_finding(meals):
    findings = run_checks(meals)
    data = map_data(meals, findings)
    keys = ("code", "name", "severity", "message", "target", "line", "hint")
    assert data["findings"] == [{k: f.to_dict()[k] for k in keys} for f in findings]


def test_labels_cover_every_claim_and_inference(meals, meals_page):
    labels = embedded_data(meals_page)["labels"]
    assert set(labels) == set(meals.claims) | set(meals.inferences)
    assert set(labels.values()) <= {"accepted", "rejected", "undecided"}


def test_explicit_labels_and_findings_are_used(meals):
    data = embedded_data(to_html(meals, [], labels={}))
    assert data["labels"] == {}
    assert data["findings"] == []


def test_content_security_policy_allows_only_the_page_script(meals_page):
    scripts = parse(meals_page).scripts
    code = [text for attrs, text in scripts if "type" not in attrs]
    assert len(code) == 1
    digest = base64.b64encode(hashlib.sha256(code[0].encode("utf-8")).digest()).decode()
    policy = next(a["content"] for t, a in parse(meals_page).tags if a.get("http-equiv") == "Content-Security-Policy")
    assert f"script-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy
    assert "connect-src 'none'" in policy


def test_injected_markup_stays_text(injection_page):
    parsed = parse(injection_page)
    assert len(parsed.scripts) == 2
    assert not [t for t, _ in parsed.tags if t in ("img", "b")]
    assert not [(t, a) for t, a in parsed.tags if any(name.startswith("on") for name in a)]
    assert "&lt;script&gt;" in injection_page


def test_injected_text_survives_in_the_data(injection_page):
    amap = load_map(INJECTION)
    data = embedded_data(injection_page)
    assert data["title"] == amap.title
    assert [c["text"] for c in data["claims"]] == [c.text for c in amap.claims.values()]
    assert data["sources"][0]["citation"].startswith("Citation </script>")


def test_title_is_escaped_in_the_head(injection_page):
    head_title = re.search(r"<title>(.*?)</title>", injection_page, re.DOTALL)
    assert head_title is not None
    assert "&lt;/script&gt;&lt;script&gt;" in head_title.group(1)


def test_error_page_shows_the_message_as_text():
    page = error_html("m.yaml:3:1: bad <key>", live=True)
    data = embedded_data(page)
    assert data == {"error": "m.yaml:3:1: bad <key>", "live": True}
    assert "bad <key>" not in page


def test_live_page_may_connect_to_its_server(meals):
    page = to_html(meals, live=True)
    assert "connect-src 'self'" in page
    assert embedded_data(page)["live"] is True


# -- the command line ---------------------------------------------------------------------

runner = CliRunner()


def test_cli_writes_the_page(tmp_path, meals):
    out = tmp_path / "map.html"
    result = runner.invoke(app, ["html", str(MEALS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = embedded_data(out.read_text(encoding="utf-8"))
    assert [c["id"] for c in data["claims"]] == list(meals.claims)
    assert len(data["findings"]) == len(run_checks(meals))


def test_cli_can_leave_out_findings_and_evaluation(tmp_path):
    out = tmp_path / "map.html"
    result = runner.invoke(app, ["html", str(MEALS), "-o", str(out), "--no-findings", "--no-evaluation"])
    assert result.exit_code == 0, result.output
    data = embedded_data(out.read_text(encoding="utf-8"))
    assert data["findings"] == []
    assert data["labels"] == {}


def test_cli_bad_map_exits_2_with_location_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nthesis: a\nclaims:\n  a: A\n  a: again\n", encoding="utf-8")
    out = tmp_path / "map.html"
    result = runner.invoke(app, ["html", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert f"{bad}:5:" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_cli_refuses_to_write_over_the_map(tmp_path):
    copy = tmp_path / "m.yaml"
    copy.write_text(MEALS.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["html", str(copy), "-o", str(copy)])
    assert result.exit_code == 2
    assert copy.read_text(encoding="utf-8") == MEALS.read_text(encoding="utf-8")


def test_cli_missing_output_folder_exits_2(tmp_path):
    result = runner.invoke(app, ["html", str(MEALS), "-o", str(tmp_path / "nope" / "map.html")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
