"""Reading Argdown: every part of the syntax, Argdown's loose semantics, the thesis rule and syntax errors."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import MapError, load_map, parse_map
from argmap.cli import app
from argmap.readers import _argdown_lines
from argmap.readers._argdown_lexer import Lexer

FIXTURES = Path(__file__).parent / "fixtures" / "argdown"
runner = CliRunner()


def ad(text: str):
    return parse_map(text, "t.argdown")


def relations(amap):
    """(premises, target, type) of every inference, in map order."""
    return [(inf.premises, inf.target, inf.type) for inf in amap.inferences.values()]


def error(text: str) -> MapError:
    with pytest.raises(MapError) as caught:
        ad(text)
    return caught.value


# -- statements ----------------------------------------------------------------------------


def test_a_statement_definition_is_a_claim_named_by_its_title():
    amap = ad("[Meals]: The city should fund free meals.")
    claim = amap.claims["Meals"]
    assert claim.text == "The city should fund free meals."
    assert (claim.line, claim.col) == (1, 1)
    assert claim.data["argdown"]["title"] == "Meals"


def test_untitled_statements_are_numbered_in_order():
    amap = ad("First statement.\n\nSecond statement.\n  + Third, supporting the second.")
    assert list(amap.claims) == ["Untitled 1", "Untitled 2", "Untitled 3"]
    assert amap.claims["Untitled 3"].text == "Third, supporting the second."
    assert relations(amap) == [(("Untitled 3",), "Untitled 2", "support")]


def test_a_statement_only_referred_to_is_a_claim_whose_text_is_its_title():
    amap = ad("[A]: Some text.\n  + [B]")
    assert amap.claims["B"].text == "B"
    assert amap.claims["B"].data["argdown"]["defined"] is False


def test_statements_with_the_same_title_are_one_claim_with_the_last_text():
    amap = ad("[A]: First wording.\n\n[B]: Other.\n  + [A]: Second wording.\n\n[A]")
    assert list(amap.claims) == ["A", "B"]
    assert amap.claims["A"].text == "Second wording."
    assert amap.claims["A"].line == 1


def test_is_canonical_picks_the_text():
    amap = ad("[A]: Chosen wording. {isCanonical: true}\n\n[A]: Later wording.")
    assert amap.claims["A"].text == "Chosen wording."


def test_mentions_stay_in_the_text():
    amap = ad("[A]: See @[B] and @<C> here.\n\n[B]: b")
    assert amap.claims["A"].text == "See @[B] and @<C> here."


def test_a_text_can_span_lines():
    assert ad("[A]: One line\nand the next.").claims["A"].text == "One line and the next."


@pytest.mark.parametrize("text", ["[\n]", "<\n>", "[A\nB]: text"])
def test_a_title_may_hold_a_line_break(text):
    assert len(ad(text).claims) == 1


# -- text markup -----------------------------------------------------------------------------


def test_bold_italic_and_links_leave_plain_text():
    amap = ad("[A]: Some **bold**, __strong__, *italic* and _slanted_ words, [a link](https://example.org).")
    claim = amap.claims["A"]
    assert claim.text == "Some bold, strong, italic and slanted words, a link."
    assert claim.data["argdown"]["markup"].startswith("Some **bold**")


def test_tags_are_claim_tags_and_not_text():
    amap = ad("[A]: A claim #policy #(main claim) with tags.")
    claim = amap.claims["A"]
    assert claim.tags == ("policy", "main claim")
    assert claim.text == "A claim with tags."


def test_escapes_and_shortcodes():
    amap = ad("[A]: Stars \\*here\\*, a \\#hash, \\[brackets\\] and .~. not.")
    assert amap.claims["A"].text == "Stars *here*, a #hash, [brackets] and ¬ not."


def test_comments_are_skipped():
    amap = ad(
        "// a line comment\n[A]: Text /* inline */ goes on. <!-- html -->\n  + [B]: b\n"
        "  /* between\n     relations */\n  - [C]: c"
    )
    assert amap.claims["A"].text == "Text goes on."
    assert relations(amap) == [(("B",), "A", "support"), (("C",), "A", "attack")]


# -- relations -------------------------------------------------------------------------------


def test_relations_in_both_directions():
    amap = ad(
        "[T]: t\n  + [a]: a\n  <+ [b]: b\n  - [c]: c\n  <- [d]: d\n  +> [e]: e\n  -> [f]: f",
    )
    assert relations(amap) == [
        (("a",), "T", "support"),
        (("b",), "T", "support"),
        (("c",), "T", "attack"),
        (("d",), "T", "attack"),
        (("T",), "e", "support"),
        (("T",), "f", "attack"),
    ]
    assert [inf.data["argdown"]["relation"] for inf in amap.inferences.values()] == ["support"] * 2 + ["attack"] * 2 + [
        "support",
        "attack",
    ]


def test_relations_nest_at_any_depth():
    amap = ad("[T]: t\n  + [a]: a\n    - [b]: b\n      + [c]: c\n        - [d]: d\n  - [e]: e")
    assert relations(amap) == [
        (("d",), "c", "attack"),
        (("c",), "b", "support"),
        (("b",), "a", "attack"),
        (("a",), "T", "support"),
        (("e",), "T", "attack"),
    ]


def test_a_relation_is_placed_at_its_symbol():
    amap = ad("[T]: t\n\n[T]\n    - [a]: a")
    inference = next(iter(amap.inferences.values()))
    assert (inference.line, inference.col) == (4, 5)


def test_contradiction_is_two_attacks():
    amap = ad("[A]: a\n  >< [B]: b")
    assert relations(amap) == [(("A",), "B", "attack"), (("B",), "A", "attack")]
    assert [inf.data["argdown"].get("mirror", False) for inf in amap.inferences.values()] == [False, True]


def test_strict_mode_reads_entailment_as_support_and_contrariety_as_two_attacks():
    amap = ad("===\nmodel:\n  mode: strict\n===\n\n[A]: a\n  + [B]: b\n  - [C]: c")
    assert relations(amap) == [(("B",), "A", "support"), (("C",), "A", "attack"), (("A",), "C", "attack")]
    assert [inf.data["argdown"]["relation"] for inf in amap.inferences.values()] == [
        "entails",
        "contrary",
        "contrary",
    ]
    assert amap.data["argdown"]["mode"] == "strict"


# -- arguments -------------------------------------------------------------------------------


def test_an_argument_without_structure_is_a_claim_with_its_relations():
    amap = ad("[T]: t\n  + <Reason>: Because of this.\n    - <Doubt>")
    reason = amap.claims["Reason"]
    assert reason.text == "Because of this."
    assert reason.data["argdown"]["argument"] is True
    assert amap.claims["Doubt"].text == "Doubt"
    assert relations(amap) == [(("Doubt",), "Reason", "attack"), (("Reason",), "T", "support")]


def test_an_argument_and_a_statement_may_share_a_title():
    amap = ad("[A]: the statement\n  + <A>: the argument")
    assert amap.claims["A"].text == "the statement"
    assert amap.claims["<A>"].text == "the argument"
    assert relations(amap) == [(("<A>",), "A", "support")]


def test_a_premise_conclusion_structure_is_a_linked_support_inference():
    amap = ad("<Arg>: A description.\n\n(1) [P1]: first\n(2) second\n----\n(3) [C]: conclusion")
    inference = amap.inferences["Arg"]
    assert inference.premises == ("P1", "Untitled 1") and inference.target == "C" and inference.is_support
    assert inference.note == "A description."
    assert (inference.line, inference.col) == (5, 1)
    assert inference.data["argdown"]["pcs"] == [{"title": "P1"}, {"title": "Untitled 1"}, {"title": "C"}]
    assert "Arg" not in amap.claims
    assert [amap.claims[c].data["argdown"]["arguments"] for c in ("P1", "Untitled 1", "C")] == [["Arg"]] * 3


def test_intermediate_conclusions_chain_the_inferences():
    amap = ad("<Chain>\n\n(1) a\n(2) b\n-- Modus ponens, Specification --\n(3) [M]: m\n(4) d\n----\n(5) [C]: c")
    first, last = amap.inferences["Chain - 1"], amap.inferences["Chain"]
    assert (first.premises, first.target) == (("Untitled 1", "Untitled 2"), "M")
    assert first.warrant == "Modus ponens, Specification"
    assert first.data["argdown"]["rules"] == ["Modus ponens", "Specification"]
    assert (last.premises, last.target) == (("M", "Untitled 3"), "C")


def test_uses_data_names_the_premises_of_a_step():
    amap = ad("<U>\n\n(1) [a]: a\n(2) [b]: b\n----\n(3) [m]: m\n-- {uses: [1, 3]} --\n(4) [c]: c")
    assert amap.inferences["U"].premises == ("a", "m")


def test_uses_given_as_text_names_the_premises_too():
    """``{from: ["1","2"]}`` (numbers as text) is how some Argdown producers list a step's premises."""
    amap = ad('<U>\n\n(1) [a]: a\n(2) [b]: b\n(3) [d]: d\n-- {from: ["1", "(3)"]} --\n(4) [c]: c')
    assert amap.inferences["U"].premises == ("a", "d")


@pytest.mark.parametrize("uses", ["[7]", "[2]", "[0]", '["one"]', "[1, x]", "[true]"])
def test_uses_that_names_no_earlier_statement_is_left_as_data(uses):
    """The Argdown tools accept any data, so argmap reads the file too: the step takes its default premises."""
    amap = ad(f"<U>\n\n(1) [a]: a\n-- {{uses: {uses}}} --\n(2) [c]: c")
    assert (amap.inferences["U"].premises, amap.inferences["U"].target) == (("a",), "c")


def test_a_structure_without_an_argument_title_is_an_untitled_argument():
    amap = ad("(1) [a]: a\n----\n(2) [c]: c")
    assert list(amap.inferences) == ["Untitled 1"]


def test_a_relation_from_a_reconstructed_argument_comes_from_its_conclusion():
    amap = ad("[T]: t\n  + <Arg>\n\n<Arg>\n\n(1) [p]: p\n----\n(2) [c]: c")
    assert relations(amap) == [(("p",), "c", "support"), (("c",), "T", "support")]
    assert amap.inferences["r1"].data["argdown"]["from_argument"] == "Arg"


def test_support_and_attack_on_a_reconstructed_argument_target_its_inference():
    amap = ad("<Arg>\n\n(1) [p]: p\n----\n(2) [c]: c\n\n[x]: x\n  +> <Arg>\n  -> <Arg>")
    assert relations(amap)[1:] == [(("x",), "Arg", "support"), (("x",), "Arg", "attack")]
    assert amap.is_undercut(amap.inferences["r2"])


def test_undercuts_attack_the_inference():
    amap = ad(
        "<Arg>\n\n(1) [p]: p\n----\n  <_ [u1]: under the line\n(2) [m]: m\n----\n(3) [c]: c\n\n"
        "[u2]: from a statement\n  _> <Arg>\n\n<Arg>\n  <_ [u3]: under the argument"
    )
    assert relations(amap)[2:] == [
        (("u1",), "Arg - 1", "attack"),
        (("u2",), "Arg", "attack"),
        (("u3",), "Arg", "attack"),
    ]
    assert all(inf.data["argdown"]["relation"] == "undercut" for inf in list(amap.inferences.values())[2:])


def test_an_undercut_of_an_argument_without_structure_attacks_its_claim():
    amap = ad("<Plain>: plain\n  <_ [u]: u")
    assert relations(amap) == [(("u",), "Plain", "attack")]


def test_argument_tags_and_data_are_kept():
    amap = ad("<Arg>: Because. #pro {weight: 2}\n\n(1) [p]: p\n----\n(2) [c]: c")
    info = amap.inferences["Arg"].data["argdown"]
    assert info["tags"] == ["pro"] and info["argument_data"] == {"weight": 2}


# -- groups, data and front matter ---------------------------------------------------------------


def test_headings_are_groups():
    amap = ad(
        "[A]: before any heading\n\n# Reasons {isGroup: true}\n\n[B]: b\n\n## Details\n\n[C]: c\n\n# Others\n\n[D]: d"
    )
    assert amap.data["argdown"]["sections"] == [
        {"id": "s1", "title": "Reasons", "level": 1, "data": {"isGroup": True}},
        {"id": "s2", "title": "Details", "level": 2, "parent": "s1"},
        {"id": "s3", "title": "Others", "level": 1},
    ]
    groups = {cid: c.data["argdown"].get("group") for cid, c in amap.claims.items()}
    assert groups == {"A": None, "B": "s1", "C": "s2", "D": "s3"}
    assert amap.title == "Reasons"


def test_data_sets_claim_fields_and_is_kept():
    amap = ad(
        "===\nsources:\n  who2019: World Health Organization (2019).\n===\n\n"
        "[A]: a {source: who2019, page: 12, quote: 'exact words', note: checked, status: accepted, weight: 0.5}\n\n"
        "[B]: b {assumption: true, ignore: [unsupported-premise], colour: red}"
    )
    a, b = amap.claims["A"], amap.claims["B"]
    assert (a.source, a.page, a.quote, a.note, a.status, a.weight) == (
        "who2019",
        "12",
        "exact words",
        "checked",
        "accepted",
        0.5,
    )
    assert b.assumption and b.ignore == frozenset({"unsupported-premise"})
    assert b.data["argdown"]["data"] == {"assumption": True, "ignore": ["unsupported-premise"], "colour": "red"}
    assert amap.sources["who2019"].citation == "World Health Organization (2019)."


def test_yaml_that_js_yaml_reads_is_read():
    """The Argdown tools read ``=`` as text and accept a date that does not exist; so does argmap."""
    amap = ad("===\ndate: 2001-02-30\n===\n\n[A]: a {k: =, d: 2001-02-30, t: 2001-02-03}")
    assert amap.data["argdown"]["front_matter"]["date"] == "2001-02-30"
    assert amap.claims["A"].data["argdown"]["data"] == {"k": "=", "d": "2001-02-30", "t": "2001-02-03"}


def test_yaml_aliases_are_read_unless_they_stand_for_too_much():
    """js-yaml reads aliases; argmap does too, counting what they stand for before building anything."""
    amap = ad("===\nauthor: &who Ann\nreviewer: *who\n===\n\n[A]: a {tags: &t [x, y], again: *t}")
    assert amap.data["argdown"]["front_matter"]["reviewer"] == "Ann"
    assert amap.claims["A"].data["argdown"]["data"] == {"tags": ["x", "y"], "again": ["x", "y"]}
    rows = "\n".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 6))
    err = error(f"===\nl0: &l0 [a]\n{rows}\n===\n\n[A]: a")
    assert "stands for more than 10000 values" in err.message and (err.line, err.col) == (1, 1)


def test_multi_line_data_blocks():
    amap = ad("[A]: a {\n  colour: red\n  size: 3\n}")
    assert amap.claims["A"].data["argdown"]["data"] == {"colour": "red", "size": 3}


def test_a_source_is_only_a_citation_when_the_front_matter_lists_sources():
    assert ad("[A]: a {source: Smith 2020}").claims["A"].source is None
    amap = ad("===\nsources:\n  who: WHO.\n===\n\n[A]: a {source: wha}\n\n[B]: b {source: who}")
    assert (amap.claims["A"].source, amap.claims["B"].source) == (None, "who")
    assert amap.claims["A"].data["argdown"]["data"] == {"source": "wha"}


def test_data_argmap_cannot_use_as_its_fields_stays_data():
    """Other authors use these words their own way, and the Argdown tools accept any data: the file is read."""
    amap = ad(
        "[A]: a {status: disputed, weight: high, assumption: 'yes', note: [x, y], page: {from: 1}, ignore: 42,"
        " source: [s]}\n  + [B]: b {status: [open], quote: {text: q}}"
    )
    a, b = amap.claims["A"], amap.claims["B"]
    assert (a.status, a.weight, a.assumption, a.note, a.page, a.ignore, a.source) == (
        None,
        None,
        False,
        None,
        None,
        frozenset(),
        None,
    )
    assert (b.status, b.quote) == (None, None)
    assert a.data["argdown"]["data"]["status"] == "disputed" and b.data["argdown"]["data"]["quote"] == {"text": "q"}


def test_front_matter_sources_in_another_shape_are_the_authors_data():
    amap = ad("===\nsources:\n  - Smith (2001). A book.\n===\n\n[A]: a {source: Smith}")
    assert not amap.sources and amap.claims["A"].source is None
    assert amap.data["argdown"]["front_matter"]["sources"] == ["Smith (2001). A book."]


def test_front_matter_gives_title_description_and_thesis():
    amap = ad(
        "===\ntitle: Free meals\nsubTitle: A short debate\nthesis: '[B]'\nauthor: Someone\n===\n\n[A]: a\n  + [B]: b"
    )
    assert (amap.title, amap.description, amap.thesis) == ("Free meals", "A short debate", "B")
    assert amap.data["argdown"]["front_matter"]["author"] == "Someone"


def test_a_front_matter_thesis_that_names_no_statement_leaves_the_thesis_to_the_rule():
    """``thesis:`` may be the author's own words, not a title: the file is read, the thesis rule applies."""
    amap = ad("\n===\nthesis: The text argues that meals matter.\n===\n\n[Meal]: m\n  + [Why]: w")
    assert amap.thesis == "Meal"
    assert amap.data["argdown"]["front_matter"]["thesis"] == "The text argues that meals matter."


def test_the_thesis_title_keeps_its_spaces():
    """Argdown keeps ``[ C]`` and ``[C]`` apart, so ``thesis: ' C'`` names the first; a padded name still finds ``[C]``."""
    assert ad("===\nthesis: ' C'\n===\n\n[ C]: padded\n\n[C]: plain\n  + [ C]").thesis == " C"
    assert ad("===\nthesis: ' C '\n===\n\n[C]: plain\n  + [D]: d").thesis == "C"


def test_the_title_falls_back_to_the_file_name():
    assert parse_map("[A]: a", "debates/meals.argdown").title == "meals"


# -- the thesis rule -----------------------------------------------------------------------------


def test_the_thesis_is_the_main_conclusion_with_the_largest_support_tree():
    amap = ad("[Small]: s\n  + [x]: x\n\n[Big]: b\n  + [y]: y\n    + [z]: z\n  - [w]: w")
    assert amap.thesis == "Big"


def test_an_attacking_main_conclusion_can_be_the_thesis():
    amap = ad("[T]: t\n  + [a]: a\n  -> [Other]: o")
    assert amap.thesis == "T"


def test_ties_go_to_the_first_and_statements_come_before_arguments():
    assert ad("[A]: a\n  + [x]: x\n\n[B]: b\n  + [y]: y").thesis == "A"
    assert ad("<Arg>: a\n  + [x]: x\n\n[S]: s").thesis == "S"


def test_without_a_main_conclusion_the_thesis_is_the_first_statement_that_supports_nothing():
    assert ad("[A]: a\n  -> [B]: b\n\n[C]: c\n  +> [D]: d\n\n[D]\n  +> [C]").thesis == "A"
    assert ad("[A]: a\n  + [B]: b\n\n[B]\n  + [A]").thesis == "A"


# -- includes ----------------------------------------------------------------------------------


def test_include_reads_other_files_once(tmp_path):
    main = load_map(FIXTURES / "include-main.argdown")
    assert list(main.claims) == ["Main", "Part", "Again"]
    part = main.claims["Part"]
    assert part.line == 3 and part.data["argdown"]["origin"].endswith("_include-part.argdown:1")


def test_a_missing_include_is_an_error(tmp_path):
    path = tmp_path / "m.argdown"
    path.write_text("[A]: a\n\n@include(nowhere.argdown)\n")
    with pytest.raises(MapError) as caught:
        load_map(path)
    assert (caught.value.path, caught.value.line, caught.value.col) == (str(path), 3, 1)


def test_an_error_in_an_included_file_names_that_file(tmp_path):
    (tmp_path / "part.argdown").write_text("[B]: b\n\n  + [C]: c\n")
    path = tmp_path / "m.argdown"
    path.write_text("[A]: a\n\n@include(part.argdown)\n")
    with pytest.raises(MapError) as caught:
        load_map(path)
    assert caught.value.path.endswith("part.argdown") and caught.value.line == 3


# -- syntax errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("[A]: a\n\n  + [B]: b", 3, 3, "a relation cannot start a paragraph"),
        ("[A]:\n\nmore", 1, 5, "the text of [A]:"),
        ("<A>: [B]", 1, 6, "the text of <A>:"),
        ("[A] and text", 1, 5, "text cannot follow a reference"),
        ("(1) a\n(2) b", 2, 6, "an inference line '----'"),
        ("(1) a\n----\n\n(2) b", 2, 5, "the conclusion on the next line"),
        ("(1) <A>\n----\n(2) b", 1, 5, "not arguments"),
        ("[A]: an _open italic", 1, 21, "'_' to close the italic text"),
        ("[A]: a\n  >< <B>", 2, 6, "only statements contradict each other"),
        ("[A]: a\n  * item", 2, 3, "a relation such as"),
        ("[A]: line ends in \\\n", 1, 19, "a backslash must escape a character"),
        ("[A]: a {b: [1}", 1, 14, "invalid YAML data"),
        ("<A>\n\n(1) a\n----\n(2) b\n\n<A>\n\n(1) c\n----\n(2) d", 9, 1, "already has a premise-conclusion structure"),
        ("# Only a heading", 1, 1, "nothing to map"),
        ("[A]: a {x: *y}", 1, 8, "YAML alias *y names no complete value before it"),
        ("[A]: a {\nx: &r [1, *r]\n}", 1, 8, "YAML alias *r names no complete value"),
    ],
)
def test_syntax_errors_say_where(text, line, col, words):
    err = error(text)
    assert (err.path, err.line, err.col) == ("t.argdown", line, col), err
    assert words in err.message
    assert str(err).startswith(f"t.argdown:{line}:{col}: ")


def test_check_exits_2_with_the_place_and_no_traceback(tmp_path):
    path = tmp_path / "bad.argdown"
    path.write_text("[A]: a\n\n  + [B]: b\n")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert f"{path}:3:3: expected a statement" in result.output
    assert "Traceback" not in result.output


def test_render_refuses_bad_argdown_and_writes_nothing(tmp_path):
    path = tmp_path / "bad.ad"
    path.write_text("(1) a\n(2) b\n")
    out = tmp_path / "out.svg"
    result = runner.invoke(app, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()


# -- the fixture that uses everything, through the CLI ---------------------------------------------


@pytest.fixture(scope="module")
def features():
    return load_map(FIXTURES / "features.argdown")


def test_features_map(features):
    assert features.title == "School meals in Argdown"
    assert features.thesis == "Fund meals"
    assert len(features.claims) == 17 and len(features.inferences) == 13
    assert features.claims["Hunger hurts"].source == "who2019"
    assert features.claims["Meals cut hunger"].assumption
    assert features.claims["Fund meals"].tags == ("policy", "main claim")
    waste = next(i for i in features.inferences.values() if i.premises == ("Waste",))
    assert waste.target == "Hunger argument" and waste.is_attack


def test_check_show_and_render_read_argdown(tmp_path):
    path = str(FIXTURES / "features.argdown")
    checked = runner.invoke(app, ["check", path])
    assert checked.exit_code in (0, 1), checked.output
    assert "features.argdown:" in checked.output
    shown = runner.invoke(app, ["show", path])
    assert shown.exit_code == 0 and "Fund meals" in shown.output
    out = tmp_path / "features.svg"
    rendered = runner.invoke(app, ["render", path, "-o", str(out)])
    assert rendered.exit_code == 0, rendered.output
    assert out.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))


def test_list_items_are_statements_and_arguments():
    amap = ad("Intro.\n\n* [A]: first\n* [B]: second\n  + [C]: support\n\n1. [D]: numbered\n2. <E>: an argument")
    assert list(amap.claims) == ["Untitled 1", "A", "B", "C", "D", "E"]
    assert relations(amap) == [(("C",), "B", "support")]
    assert amap.claims["E"].data["argdown"]["argument"] is True


# -- big files -------------------------------------------------------------------------------


def test_a_big_file_is_read_a_block_at_a_time_never_holding_all_its_tokens():
    """Tokens and syntax tree are let go block by block: reading peaks well under twice the map it makes
    (all the tokens and the whole tree at once came to 2.6 times)."""
    import tracemalloc

    n = 5000
    text = "".join(
        f"[s{i}]: Statement {i} says that the _words_ here, and more, matter. {{note: n{i}}}\n  + [s{i + 1}]\n\n"
        for i in range(n)
    )  # italics: not for the line reader
    text += f"[s{n}]: The end.\n"
    assert _argdown_lines.build(text, Lexer(text)) is None
    tracemalloc.start()
    try:
        amap = ad(text)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(amap.claims) == n + 1 and len(amap.inferences) == n
    assert peak < 2 * kept


def test_a_syntax_error_far_into_a_big_file_is_placed_on_its_line():
    blocks = [f"[s{i}]: Statement {i}.\n  + [s{i + 1}]" for i in range(3000)]
    text = "\n\n".join(blocks) + "\n\n  + [s1]\n"
    found = error(text)
    assert found.line == 3 * 3000 + 1
    assert "a relation cannot start a paragraph" in str(found)


@pytest.mark.parametrize("markup", ["", "_"], ids=["line reader", "general reader"])
def test_reading_leaves_no_garbage_for_the_cyclic_collector(markup):
    """The document's members and relations point at each other; once read, they are unlinked and freed at once."""
    text = "".join(f"[s{i}]: Statement {markup}{i}{markup}.\n  + [s{i + 1}]\n  - <A{i}>: No.\n\n" for i in range(2000))
    text += "# Part\n\n<B>\n\n(1) [s1]\n(2) [s2]\n----\n(3) [s3]\n"
    assert (_argdown_lines.build(text, Lexer(text)) is None) == bool(markup)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        amap = ad(text)
        left = gc.collect()
    finally:
        if was_enabled:
            gc.enable()
    assert len(amap.claims) == 2001 + 2000  # statements and arguments without structure
    assert left < 50  # a closure or two, not the 2,000 statements' document (some 30,000 objects)
