"""Argdown export: its shape (golden files), what reading it back gives, and its escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap import ArgumentMap, Claim, Inference, Source, load_map, parse_map
from argmap.cli import app
from argmap.readers.argdown import plain_text
from argmap.writers import dumps
from argmap.writers.argdown import escape

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden" / "argdown"
runner = CliRunner()


def again(amap: ArgumentMap) -> ArgumentMap:
    return parse_map(str(dumps(amap, "argdown")), "again.argdown")


def claims(amap: ArgumentMap) -> dict:
    return {
        c.id: (c.text, c.tags, c.source, c.assumption, c.status, c.weight, c.quote, c.page, c.note, c.ignore)
        for c in amap.claims.values()
    }


def inferences(amap: ArgumentMap, named: ArgumentMap | None = None) -> list:
    """Every inference, with its id where ``named`` (default: the map itself) gave one: made-up ids may change."""
    named = named or amap
    rows = [
        (
            inf.id if inf.id in named.inferences and named.inferences[inf.id].explicit_id else None,
            inf.premises,
            inf.target,
            inf.type,
            inf.warrant,
            inf.note,
            inf.ignore,
        )
        for inf in amap.inferences.values()
    ]
    return sorted(rows, key=repr)


def sources(amap: ArgumentMap) -> dict:
    return {s.id: (s.citation, s.url) for s in amap.sources.values()}


def relation_types(amap: ArgumentMap) -> list:
    """The Argdown relation type of each relation, with its premise and target."""
    rows = [(i.premises, i.target, i.data["argdown"].get("relation")) for i in amap.inferences.values()]
    return sorted(rows, key=repr)


# -- golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "golden"),
    [
        (FIXTURES / "argdown" / "features.argdown", "features.argdown"),
        (FIXTURES / "convert" / "meals.yaml", "meals.argdown"),
    ],
)
def test_export_matches_the_golden_file(source, golden):
    assert dumps(load_map(source), "argdown") == (GOLDEN / golden).read_text(encoding="utf-8")


# -- Argdown -> argmap -> Argdown -> argmap ------------------------------------------------------


def test_an_argdown_map_comes_back_the_same():
    first = load_map(FIXTURES / "argdown" / "features.argdown")
    second = again(first)
    assert claims(second) == claims(first)
    assert inferences(second, first) == inferences(first)
    assert (second.title, second.thesis, second.description) == (first.title, first.thesis, first.description)
    assert sources(second) == sources(first)
    assert second.data["argdown"]["sections"] == first.data["argdown"]["sections"]
    groups = {cid: c.data["argdown"].get("group") for cid, c in first.claims.items()}
    assert {cid: c.data["argdown"].get("group") for cid, c in second.claims.items()} == groups
    assert relation_types(second) == relation_types(first)


def test_markup_is_kept_while_it_says_the_same():
    amap = load_map(FIXTURES / "argdown" / "features.argdown")
    assert "[Fund meals]: The city should fund **free** school meals. #policy #(main claim)" in dumps(amap, "argdown")
    amap.claims["Fund meals"].text = "The city should fund lunches."
    text = str(dumps(amap, "argdown"))
    assert "[Fund meals]: The city should fund lunches. #policy #(main claim)" in text


def test_strict_mode_and_the_pcs_survive():
    source = (
        "===\nmodel:\n  mode: strict\n===\n\n[A]: a\n  + [B]: b\n  - [C]: c\n  >< [D]: d\n\n"
        "<Arg>: Because.\n\n(1) [p]: p\n(2) [q]: q\n-- Modus ponens {uses: [2]} --\n(3) [m]: m\n----\n(4) [A]"
    )
    first = parse_map(source, "s.argdown")
    second = again(first)
    assert inferences(second, first) == inferences(first)
    assert relation_types(second) == relation_types(first)
    assert second.data["argdown"]["mode"] == "strict"


# -- maps from elsewhere ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "convert/meals.yaml",
        "render/meals.yaml",
        "evaluate/night-train.yaml",
        "checks/clean/measles-vaccine.yaml",
        "checks/clean/remote-work.yaml",
        "exercises/meals.yaml",
    ],
)
def test_a_yaml_map_comes_back_the_same(path):
    first = load_map(FIXTURES / path)
    second = again(first)
    assert claims(second) == claims(first)
    assert inferences(second, first) == inferences(first)
    assert (second.title, second.thesis) == (first.title, first.thesis)
    assert sources(second) == sources(first)


def test_linked_attacks_undercuts_and_supports_of_inferences_become_arguments_and_come_back():
    amap = ArgumentMap(
        "Shapes",
        "t",
        [Claim(c, f"Claim {c}.") for c in ("t", "a", "b", "c", "d", "e", "f")],
        [
            Inference("r1", ("a", "b"), "t"),
            Inference("o1", ("c", "d"), "t", "attack"),
            Inference("u1", ("e",), "r1", "attack"),
            Inference("s1", ("f", "a"), "r1"),
            Inference("x1", ("c",), "o1", "attack", explicit_id=False),
        ],
    )
    text = str(dumps(amap, "argdown"))
    assert "[o1: conclusion]: Not so: Claim t. {argmap: attack}" in text
    assert "[s1: conclusion]: The step to 't' holds. {argmap: support}" in text
    assert "  <_ <u1>" in text
    second = again(amap)
    assert claims(second) == claims(amap)
    assert inferences(second, amap) == inferences(amap)


def test_claim_fields_travel_as_data():
    amap = ArgumentMap(
        "Fields",
        "t",
        [
            Claim("t", "Thesis."),
            Claim("a", "A.", source="s1", page="4", quote="q", note="n", status="accepted", weight=0.25),
            Claim("b", "B.", assumption=True, tags=("key", "two words"), ignore=frozenset({"missing-link"})),
        ],
        [Inference("r", ("a", "b"), "t", warrant="Modus ponens, Specification", note="Why.")],
        [Source("s1", "A book (2001).", "https://example.org")],
    )
    text = str(dumps(amap, "argdown"))
    assert "[b]: B. #key #(two words) {assumption: true, ignore: [missing-link]}" in text
    assert "-- Modus ponens, Specification --" in text
    second = again(amap)
    assert claims(second) == claims(amap)
    assert inferences(second, amap) == inferences(amap)
    assert sources(second) == sources(amap)


def test_ids_argdown_cannot_write_as_titles_are_adjusted():
    amap = load_map(FIXTURES / "convert" / "hostile.yaml")
    second = again(amap)
    assert len(second.claims) == len(amap.claims)
    assert len(second.inferences) == len(amap.inferences)
    assert "c){d}" in second.claims and "c]{d}" in amap.claims


def test_titles_keep_their_spacing():
    """Argdown tells ``[A  b]``, ``[A b]`` and ``[ C ]`` apart: squeezing the spaces merged two statements."""
    amap = parse_map("[A  b]: two spaces\n\n[A b]: one space\n\n[ C ]: padded\n    +> [A b]\n", "spacing.argdown")
    second = again(amap)
    assert set(second.claims) == {"A  b", "A b", " C "}
    assert inferences(second) == inferences(amap) == [(None, (" C ",), "A b", "support", None, None, frozenset())]


def test_the_authors_own_data_under_argmap_field_names_survives_the_export():
    """``{status: disputed}`` is not argmap's status: it goes back out as it came in."""
    amap = parse_map("[A]: a {status: disputed, weight: high, colour: red}\n  + [B]: b {status: accepted}", "d.argdown")
    second = again(amap)
    assert second.claims["A"].data["argdown"]["data"] == {"status": "disputed", "weight": "high", "colour": "red"}
    assert (second.claims["B"].status, second.claims["A"].status) == ("accepted", None)
    cleared = parse_map("[A]: a {status: accepted, note: n}\n  + [B]: b", "d.argdown")
    cleared.claims["A"].status = None
    assert again(cleared).claims["A"].data["argdown"]["data"] == {"note": "n"}


# -- escaping --------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60))
def test_escaped_text_reads_back_as_itself(text):
    plain = " ".join(text.split())
    if not plain:
        return
    assert plain_text(escape(plain)) == (plain, ())


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain words, e.g. these.", "plain words, e.g. these."),
        ("a [title] and <arg> #tag", "a \\[title\\] and \\<arg\\> \\#tag"),
        ("*stars* and _under_", "\\*stars\\* and \\_under\\_"),
        ("http://example.org", "http:\\//example.org"),
        ("not .~. a shortcode", "not \\.~. a shortcode"),
        ("{data} === front", "\\{data\\} \\=\\=\\= front"),
    ],
)
def test_escape_marks_only_what_argdown_would_read(text, escaped):
    assert escape(text) == escaped


# -- the CLI ------------------------------------------------------------------------------------


def test_convert_to_and_from_argdown(tmp_path):
    out = tmp_path / "meals.argdown"
    result = runner.invoke(app, ["convert", str(FIXTURES / "convert" / "meals.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    back = tmp_path / "meals.yaml"
    result = runner.invoke(app, ["convert", str(out), "-o", str(back)])
    assert result.exit_code == 0, result.output
    assert claims(load_map(back)) == claims(load_map(FIXTURES / "convert" / "meals.yaml"))


@pytest.mark.parametrize("title", ["===", "===+[\\", "a ==== b == c", "x === @include(y)"])
def test_a_run_of_equals_signs_in_the_front_matter_does_not_end_it(title):
    amap = ArgumentMap(title, "a", [Claim("a", "A text", source="s")], sources=[Source("s", "cited ===")])
    text = dumps(amap, "argdown")
    assert text.count("===") == 2  # the fences only
    back = parse_map(text, format="argdown")
    assert back.title == title
    assert back.sources["s"].citation == "cited ==="
