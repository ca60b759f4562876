"""Drawing maps: SVG, PNG and PDF from Graphviz, errors, and ``argmap render`` on the command line."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap import Claim, Inference, OutputError, load_map, run_checks
from argmap.cli import app
from argmap.dot import BATCH, dot_chunks, element_dom_id, to_dot
from argmap.model import ArgumentMap
from argmap.render import FORMATS, draw, format_for, render

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "render"
MEALS = FIXTURES / "meals.yaml"
HOSTILE = FIXTURES / "hostile.yaml"
ESSAY = ROOT / "maps" / "vraem.yaml"

SVG = "{http://www.w3.org/2000/svg}"
SIGNATURES = {"svg": b"<?xml", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF", "dot": b"digraph"}
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\\s]")
DROPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff\\s\x85\u2028\u2029]")
"""What may change between a claim and its drawing: whitespace and line breaks (wrapping), and
characters XML cannot hold (dropped)."""
ANY_TEXT = st.text(st.characters(blacklist_categories=()), min_size=1, max_size=40)

runner = CliRunner()


def squeezed(text: str) -> str:
    return UNSAFE.sub("", text)


def svg_texts(svg: bytes) -> dict[str, str]:
    """Per SVG group id, the text it shows (all its ``<text>`` elements joined); fails unless XML."""
    root = ET.fromstring(svg)
    return {
        group.get("id", ""): "".join("".join(t.itertext()) for t in group.iter(f"{SVG}text"))
        for group in root.iter(f"{SVG}g")
    }


def copy(path: Path, folder: Path) -> Path:
    target = folder / path.name
    shutil.copyfile(path, target)
    return target


# -- draw -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_the_essay_map_draws_in_every_format(fmt):
    amap = load_map(ESSAY)
    data = draw(to_dot(amap, run_checks(amap)), fmt)
    assert data.startswith(SIGNATURES[fmt])
    if fmt == "svg":
        texts = svg_texts(data)
        for claim in amap.claims.values():
            assert squeezed(claim.text) in squeezed(texts[element_dom_id(claim.id)]), claim.id


def test_hostile_text_shows_literally_in_the_svg():
    amap = load_map(HOSTILE)
    svg = draw(to_dot(amap, run_checks(amap)), "svg")
    root = ET.fromstring(svg)
    assert {el.tag for el in root.iter()} <= {
        f"{SVG}{t}" for t in ("svg", "g", "title", "text", "path", "polygon", "ellipse", "polyline")
    }
    texts = svg_texts(svg)
    for claim in amap.claims.values():
        shown = squeezed(texts[element_dom_id(claim.id)])
        assert squeezed(claim.text) in shown, claim.id
        assert squeezed(claim.id) in shown, claim.id
    everything = "".join(texts.values())
    assert amap.title in everything
    for source in amap.sources.values():
        assert squeezed(source.citation) in squeezed(everything)
    named = next(i for i in amap.inferences.values() if i.explicit_id)
    assert named.id in texts[element_dom_id(named.id) + "-note"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT, claim_id=ANY_TEXT, title=ANY_TEXT)
def test_any_text_draws_and_shows_literally(text, claim_id, title):
    claim_id = claim_id if claim_id not in ("t", "r") else claim_id + "2"  # the other two ids of the map
    amap = ArgumentMap(title, "t", [Claim("t", "T."), Claim(claim_id, text)], [Inference("r", (claim_id,), "t")])
    texts = svg_texts(draw(to_dot(amap), "svg"))
    shown = DROPPED.sub("", texts[element_dom_id(claim_id)])
    assert DROPPED.sub("", text) in shown
    assert DROPPED.sub("", claim_id) in shown
    assert DROPPED.sub("", title) in DROPPED.sub("", "".join(texts.values()))


@pytest.mark.parametrize("blank", ["\t", "\t\t", "\x0b", "\u3000", "\t\u2028"])
def test_a_title_id_or_text_of_white_space_only_draws(blank):
    # Graphviz drops the content of <B>\t</B> and then refuses the empty element (found by hypothesis)
    amap = ArgumentMap(blank, "t", [Claim("t", blank), Claim(blank, "A claim.")], [Inference("r", (blank,), "t")])
    assert draw(to_dot(amap), "svg").startswith(b"<?xml")


def test_draw_dot_is_the_source_itself():
    assert draw("digraph { a }", "dot") == b"digraph { a }"


@pytest.mark.parametrize(
    ("dot", "says"),
    [
        ("digraph { a -> }", "Graphviz could not read the DOT: syntax error"),
        ("not DOT at all", "Graphviz could not read the DOT"),
        ("digraph { a [label=<<B>x</I>>] }", "Graphviz could not draw the map as svg: mismatched tag"),
    ],
)
def test_graphviz_errors_become_output_errors(dot, says, capfd):
    with pytest.raises(OutputError) as raised:
        draw(dot, "svg")
    assert str(raised.value).startswith(says)
    assert "Error:" not in capfd.readouterr().err  # reported once, in the exception


def test_draw_refuses_an_unknown_format():
    with pytest.raises(OutputError, match="cannot draw 'gif'"):
        draw("digraph { a }", "gif")


def test_graphviz_warnings_are_passed_on_not_raised(capfd):
    assert draw("digraph { a [shape=nosuch] }", "svg").startswith(b"<?xml")
    assert "unknown shape nosuch" in capfd.readouterr().err


# -- format and writing ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fmt", "chosen"),
    [
        ("m.svg", None, "svg"),
        ("m.PNG", None, "png"),
        ("m.pdf", None, "pdf"),
        ("m.gv", None, "dot"),
        ("m.img", "png", "png"),
        ("m.svg", "PDF", "pdf"),
    ],
)
def test_format_comes_from_the_option_or_the_suffix(path, fmt, chosen):
    assert format_for(path, fmt) == chosen


@pytest.mark.parametrize(("path", "fmt"), [("m.xyz", None), ("m", None), ("m.svg", "jpeg")])
def test_unknown_formats_are_refused(path, fmt):
    with pytest.raises(OutputError, match="cannot draw"):
        format_for(path, fmt)


def test_render_writes_the_file_and_returns_the_format(tmp_path):
    amap = load_map(MEALS)
    assert render(amap, tmp_path / "meals.pdf") == "pdf"
    assert (tmp_path / "meals.pdf").read_bytes().startswith(b"%PDF")
    assert render(amap, tmp_path / "meals.out", format="svg", legend=False) == "svg"
    assert ">Key<" not in (tmp_path / "meals.out").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meals.out", "meals.pdf"]  # no temporary files left


def test_render_writes_dot_as_it_is_made_and_the_same_as_to_dot(tmp_path):
    essay = load_map(ESSAY)
    found = run_checks(essay)
    assert render(essay, tmp_path / "essay.dot", found, labels={essay.thesis: "accepted"}) == "dot"
    assert (tmp_path / "essay.dot").read_text(encoding="utf-8") == to_dot(
        essay, found, labels={essay.thesis: "accepted"}
    )
    assert [p.name for p in tmp_path.iterdir()] == ["essay.dot"]


def test_a_failure_half_way_through_the_dot_leaves_no_file(tmp_path):
    """An unknown evaluation label on the last claim fails the DOT after pieces of it were written."""
    claims = [Claim("t", "Thesis."), *(Claim(f"c{i}", f"Claim {i}.") for i in range(2 * BATCH))]
    amap = ArgumentMap("Long", "t", claims, [Inference(f"r{i}", (f"c{i}",), "t") for i in range(2 * BATCH)])
    labels = {f"c{2 * BATCH - 1}": "maybe"}
    pieces = dot_chunks(amap, labels=labels)
    assert [next(pieces) for _ in range(3)]  # the first pieces come
    with pytest.raises(KeyError):
        list(pieces)
    (tmp_path / "kept.dot").write_text("old", encoding="utf-8")
    for name in ("kept.dot", "new.dot"):
        with pytest.raises(KeyError):
            render(amap, tmp_path / name, labels=labels)
    assert [p.name for p in tmp_path.iterdir()] == ["kept.dot"]
    assert (tmp_path / "kept.dot").read_text(encoding="utf-8") == "old"


def test_render_never_writes_over_the_map(tmp_path):
    path = copy(MEALS, tmp_path)
    before = path.read_bytes()
    amap = load_map(path)
    with pytest.raises(OutputError, match="over an input"):
        render(amap, path, format="svg")
    assert path.read_bytes() == before


# -- the command line -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_draws_each_suffix(tmp_path, fmt):
    out = tmp_path / f"meals.{fmt}"
    result = runner.invoke(app, ["render", str(MEALS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(SIGNATURES[fmt])
    assert f"wrote {out} ({fmt})" in result.stderr


def test_cli_says_only_what_it_wrote(tmp_path):
    """No noise from the bundled libraries (Fontconfig complains about newer system configs)."""
    out = tmp_path / "meals.png"
    result = runner.invoke(app, ["render", str(MEALS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {out} (png)\n"


def test_cli_format_option_overrides_the_suffix(tmp_path):
    out = tmp_path / "meals.picture"
    result = runner.invoke(app, ["render", str(MEALS), "-o", str(out), "--format", "png"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(SIGNATURES["png"])


def test_cli_svg_marks_the_findings(tmp_path):
    out = tmp_path / "meals.svg"
    runner.invoke(app, ["render", str(MEALS), "-o", str(out)])
    texts = svg_texts(out.read_bytes())
    assert "AM101 unsupported-premise" in texts[element_dom_id("budget-tight")]
    runner.invoke(app, ["render", str(MEALS), "-o", str(out), "--no-findings"])
    assert "unsupported-premise" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [["-o", "meals.xyz"], ["-o", "meals"], ["-o", "meals.svg", "--format", "gif"]])
def test_cli_unknown_format_exits_2_and_writes_nothing(tmp_path, args):
    args = [a if a.startswith("-") or a == "gif" else str(tmp_path / a) for a in args]
    result = runner.invoke(app, ["render", str(MEALS), *args])
    assert result.exit_code == 2
    assert "cannot draw" in result.stderr
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("spelling", ["same", "dotted", "format"])
def test_cli_never_writes_over_the_input_map(tmp_path, spelling, monkeypatch):
    path = copy(MEALS, tmp_path)
    before = path.read_bytes()
    monkeypatch.chdir(tmp_path)
    out = {"same": str(path), "dotted": "./sub/../meals.yaml", "format": "meals.yaml"}[spelling]
    (tmp_path / "sub").mkdir()
    extra = ["--format", "svg"] if spelling != "dotted" else ["--format", "png"]
    result = runner.invoke(app, ["render", str(path), "-o", out, *extra])
    assert result.exit_code == 2
    assert "over an input" in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meals.yaml", "sub"]


def test_cli_bad_map_exits_2_with_its_line_and_no_output(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "title: T\nthesis: t\nclaims:\n  t: T.\ninferences:\n  - from: [nope]\n    to: t\n", encoding="utf-8"
    )
    out = tmp_path / "broken.svg"
    result = runner.invoke(app, ["render", str(broken), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{broken}:6")
    assert not out.exists()


def test_cli_draws_the_hostile_map(tmp_path):
    out = tmp_path / "hostile.svg"
    result = runner.invoke(app, ["render", str(HOSTILE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    ET.fromstring(out.read_bytes())
