"""Reading Kialo's text export: thesis, pros and cons, links, multi-line texts, sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import MapError, load_map, parse_map
from argmap.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "kialo"
runner = CliRunner()


def kialo(text: str):
    return parse_map(text, "d.kialo.txt")


@pytest.fixture(scope="module")
def meals():
    return load_map(FIXTURES / "school-meals.kialo.txt")


def test_title_and_thesis(meals):
    assert meals.title == "Should the city fund free school meals?"
    assert meals.thesis == "1"
    assert meals.claims["1"].text == "The city should fund free school meals."
    assert meals.thesis_line == 3


def test_pros_support_and_cons_attack_their_parent(meals):
    assert [(i.premises, i.is_support) for i in meals.inferences_to("1")] == [
        (("1.1",), True),
        (("1.2",), False),
        (("1.3",), True),
        (("1.1.1.1",), True),
    ]
    assert [i.premises for i in meals.attacks_on("1.1.1")] == [("1.1.1.1",)]
    assert meals.inferences["r1.2.1"].line == 9


def test_see_links_reuse_the_claim(meals):
    assert "1.2.2" not in meals.claims and "1.4" not in meals.claims
    assert meals.inferences["r1.2.2"].premises == ("1.3.1",) and meals.inferences["r1.2.2"].target == "1.2"
    assert meals.inferences["r1.4"].premises == ("1.1.1.1",) and meals.inferences["r1.4"].is_support


def test_multi_line_text(meals):
    assert meals.claims["1.2"].text == (
        "Free meals for every pupil cost more than the city\ncan afford, once kitchens and staff are counted."
    )
    assert meals.claims["1.2.1"].line == 9


def test_markdown_links_and_escapes(meals):
    claim = meals.claims["1.1.1"]
    assert claim.text == "The reading studies were run in other countries."
    assert claim.note == "Links: https://example.org/studies?id=(4)"
    assert claim.data["kialo"]["text"].startswith("The [reading studies](")
    assert "as the [WHO] review shows." in meals.claims["1.1.1.1"].text


def test_sources_and_footnotes(meals):
    assert {s.id: s.citation for s in meals.sources.values()} == {
        "ref1": "World Health Organization (2019). Nutrition in schools.",
        "ref2": "Smith, J. (2020). Nutrition across borders. Journal of School Health 12(3).",
    }
    assert meals.claims["1.1"].source == "ref1" and meals.claims["1.1"].text.endswith("tests.")
    assert meals.claims["1.1.1.1"].source == "ref2"
    assert meals.claims["1.3"].source is None


def test_question_discussions_take_the_first_thesis():
    amap = load_map(FIXTURES / "question.kialo.txt")
    assert amap.title == "What should the city do about school lunches?"
    assert amap.thesis == "1.1" and "1" not in amap.claims
    assert amap.description == "What should the city do about school lunches?"
    assert amap.inferences["r1.2.1"].premises == ("1.1.2",) and amap.inferences["r1.2.1"].target == "1.2"


def test_an_unlabelled_question_is_known_by_its_thesis_answers():
    """``1.`` need not say ``Question:``: a first child ``Thesis:`` makes it the question."""
    amap = kialo("Discussion Title: Q?\n\n1. Which is best?\n1.1. Thesis: A.\n1.1.1. Pro: Cheap.\n1.2. Thesis: B.\n")
    assert amap.thesis == "1.1" and "1" not in amap.claims and amap.description == "Which is best?"
    assert [(i.premises, i.target) for i in amap.inferences.values()] == [(("1.1.1",), "1.1")]


def test_thesis_prefix_and_no_title():
    amap = kialo("1. Thesis: Cats are better than dogs.\n1.1. Con: Dogs are loyal.\n")
    assert amap.thesis == "1" and amap.claims["1"].text == "Cats are better than dogs."
    assert amap.title == "Cats are better than dogs."
    assert amap.attacks_on("1")[0].premises == ("1.1",)


def test_numbered_lines_inside_a_claim_stay_text():
    amap = kialo("1. Thesis.\n1.1. Pro: Three steps:\n1. plan\n2. cook\n1.1. serve\n1.2. Con: Too long.\n")
    assert amap.claims["1.1"].text == "Three steps:\n1. plan\n2. cook\n1.1. serve"
    assert set(amap.claims) == {"1", "1.1", "1.2"}


def test_stances_are_case_insensitive_and_blank_lines_ignored():
    amap = kialo("Discussion Title: T\n\n\n1. A.\n\n1.1. pro: B.\n\n1.2. CON: C.\n")
    assert [i.type for i in amap.inferences.values()] == ["support", "attack"]


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("Discussion Title: T\n", "d.kialo.txt:1:1", "no '1.' line"),
        ("1. A.\n1.1. Pro: B.\n1.1. Con: C.\n", "d.kialo.txt:3:1", "claim 1.1. appears twice (first on line 2)"),
        ("1. A.\n1.2.1. Pro: B.\n", "d.kialo.txt:2:1", "1.2.1. has no parent: 1.2. must come before it"),
        ("1. Pro: A.\n", "d.kialo.txt:1:1", "1. is the thesis or the question"),
        ("1. A.\n2. Pro: B.\n", "d.kialo.txt:2:1", "does not belong to discussion 1."),
        ("1. A.\n1.1. Pro: B.\n1.2. Thesis: C.\n", "d.kialo.txt:3:1", "1.2. is a Thesis but 1. is not a Question"),
        ("1. Question: Q?\n1.1. Pro: B.\n", "d.kialo.txt:2:1", "answers the question 1.: mark it 'Thesis:'"),
        ("1. Question: Q?\n", "d.kialo.txt:1", "the question 1. has no 'Thesis:' answer"),
        ("1. A.\n1.1. Pro: -> See 1.9.\n", "d.kialo.txt:2", "1.1. links to 1.9., which is not in the export"),
        ("1. A.\n1.1. Pro: B.\nSources:\noops\n", "d.kialo.txt:4:1", "expected a '[1] citation' line"),
        ("1. A.\n1.1. Pro:\n", "d.kialo.txt:2", "claim 1.1. has no text"),
        (
            "1. A.\n1.1. Pro: -> See 1.2.\n1.2. Con: -> See 1.1.\n",
            "d.kialo.txt:",
            "is part of a circle of '-> See' links",
        ),
    ],
)
def test_errors_give_path_and_line(text, where, message):
    with pytest.raises(MapError) as err:
        kialo(text)
    assert str(err.value).startswith(where)
    assert message in str(err.value)


def test_cli_reads_kialo_and_reports_errors_with_exit_2(tmp_path):
    result = runner.invoke(app, ["check", str(FIXTURES / "school-meals.kialo.txt")])
    assert result.exit_code in (0, 1) and "unsupported-premise" in result.stdout
    bad = tmp_path / "bad.txt"
    bad.write_text("1. A.\n1.3.1. Pro: B.\n", encoding="utf-8")
    result = runner.invoke(app, ["show", "--from", "kialo", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:2:1: 1.3.1. has no parent")
    assert "Traceback" not in result.output


def test_plain_txt_needs_from(tmp_path):
    path = tmp_path / "discussion.txt"
    path.write_text("1. A.\n1.1. Pro: B.\n", encoding="utf-8")
    with pytest.raises(MapError, match="--from"):
        load_map(path)
    assert load_map(path, "kialo").thesis == "1"


def test_kialos_own_txt_export_is_recognised_by_its_first_line(tmp_path):
    """Kialo saves its export as ``<discussion>-<id>.txt``: that file is read as it comes, in a folder too."""
    export = tmp_path / "should-x-be-y-1234.txt"
    export.write_text(
        "\ufeffDiscussion Title: Should X be Y?\n\n1. X should be Y.\n1.1. Con: Y costs.\n", encoding="utf-8"
    )
    (tmp_path / "notes.txt").write_text("1. A.\n1.1. Pro: B.\n", encoding="utf-8")
    assert load_map(export).title == "Should X be Y?"
    result = runner.invoke(app, ["check", str(export)])
    assert result.exit_code == 1 and "unanswered-objection objection '1.1'" in result.stdout, result.output
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.stderr.startswith("1 map checked: ") and "could not be read" not in result.stderr, result.output


def test_render_accepts_kialo(tmp_path):
    out = tmp_path / "d.svg"
    result = runner.invoke(app, ["render", str(FIXTURES / "school-meals.kialo.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "<svg" in out.read_text(encoding="utf-8")
