"""Debate briefs: what they say, how they rank it, and how they escape map text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from argmap import load_map
from argmap.brief import Brief, build_brief, to_markdown
from argmap.brief_html import brief_svg, to_html
from argmap.checks import run_checks
from argmap.cli._app import collect_paths
from argmap.critical import critical_premises
from argmap.dot import HIGHLIGHT, element_dom_id
from argmap.evaluate import evaluate

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "brief"
GOLDEN = ROOT / "tests" / "golden" / "brief"
MAPS = sorted(collect_paths([ROOT / "maps"]))
LIBRARY = FIXTURES / "library.yaml"
HOSTILE = FIXTURES / "hostile.yaml"

md = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def brief(path: Path, side: str, **options: int) -> Brief:
    return build_brief(load_map(path), side, **options)


def every_map() -> list[Path]:
    return [*MAPS, *sorted(FIXTURES.glob("*.yaml"))]


def test_maps_folder_is_not_empty():
    assert MAPS, "maps/ holds no map"


# -- every point comes from the map -------------------------------------------------------


@pytest.mark.parametrize("side", ["pro", "con"])
@pytest.mark.parametrize("path", every_map(), ids=lambda p: p.name)
def test_every_point_names_real_elements(path, side):
    amap = load_map(path)
    made = build_brief(amap, side)
    assert made.points, "a brief with nothing to say"
    for point in made.points:
        assert point.element in amap, point
        named = [eid for text in point.texts() for eid in text.ids()]
        assert point.element in named, f"point {point.title} does not name its element"
        for question in point.questions:
            assert question.element in amap
            assert question.element in list(question.text.ids())
            assert question.answers, "every question says what the map answers, or that it has no answer"
        for answer in (*point.answers, *(a for q in point.questions for a in q.answers)):
            assert answer.element is None or answer.element in amap
    assert made.elements(), "a brief that names no element"
    for eid in made.elements():
        assert eid in amap, eid
    for text in made.texts():
        for sid in text.sources():
            assert sid in amap.sources, sid
    assert set(made.discussed()) <= set(made.elements())
    listed = [s.id for s in made.sources]
    assert listed == [sid for sid in amap.sources if sid in listed]  # in map order
    assert list(made.other_sources) == [sid for sid in amap.sources if sid not in listed]
    for sid in {sid for text in made.texts() for sid in text.sources()}:
        assert sid in listed, f"{sid} is cited in the brief but missing from its sources"


@pytest.mark.parametrize("path", every_map(), ids=lambda p: p.name)
def test_every_id_in_the_markdown_is_an_element_or_a_source(path):
    amap = load_map(path)
    for side in ("pro", "con"):
        made = build_brief(amap, side)
        shown = {made.name(eid) for eid in amap.claims} | {made.name(eid) for eid in amap.inferences}
        spans = [
            child.content
            for token in md.parse(to_markdown(made))
            if token.type == "inline"
            for child in token.children or []
            if child.type == "code_inline"
        ]
        assert spans
        for span in spans:
            assert span in shown or span in amap.sources, span


# -- ranking --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*MAPS, LIBRARY, FIXTURES / "no-objections.yaml"], ids=lambda p: p.name)
def test_attack_points_follow_the_critical_premise_ranking(path):
    amap = load_map(path)
    sets = critical_premises(amap).sets
    made = build_brief(amap, "con", points=len(sets) + 3)
    critical = [p for p in made.points if p.kind == "critical"]
    assert made.points[: len(sets)] == tuple(critical)
    for point, members in zip(critical, sets, strict=True):
        assert point.element == min(members, key=list(amap.claims).index)
        assert set(point.title.ids()) == set(members)


def test_library_ranking_single_premise_first_then_pairs_then_gaps():
    made = brief(LIBRARY, "con")
    assert [(p.kind, p.element) for p in made.points] == [
        ("critical", "volunteers"),
        ("critical", "demand"),
        ("critical", "serve-residents"),
        ("objection", "o-online"),
    ]
    assert list(made.points[1].title.ids()) == ["demand", "local-jobs"]


def test_vraem_con_brief_leads_with_the_weakest_link():
    made = brief(ROOT / "maps" / "vraem.yaml", "con")
    assert critical_premises(load_map(ROOT / "maps" / "vraem.yaml")).weakest == ["cim-definition"]
    first = made.points[0]
    assert (first.kind, first.element) == ("critical", "cim-definition")
    assert "thesis goes from accepted to undecided" in str(first.why)
    # then the essay's three tensions, every one unanswered
    assert [p.element for p in made.points[1:4]] == ["t-economic-interest", "t-economy-untouched", "t-displacement"]
    for point in made.points[1:4]:
        assert point.kind == "objection"
        assert point.questions[0].answers[0].element is None
        assert str(point.questions[0].answers[0].text) == "No answer in the map yet."


def test_pro_lines_are_ranked_by_label_then_strength():
    made = brief(LIBRARY, "pro")
    assert [(line.inference, line.label) for line in made.lines] == [
        ("r-jobs", "accepted"),
        ("r-demand", "accepted"),
        ("r-study", "undecided"),
    ]
    assert made.lines[0].strength >= made.lines[1].strength
    assert "library-quiet" in list(made.lines[2].open.ids())
    guarded = list(made.lines[1].weak.ids())
    assert guarded[:2] == ["demand", "local-jobs"]


def test_pro_lines_list_sourced_evidence_below_their_premises():
    made = brief(ROOT / "maps" / "vraem.yaml", "pro")
    doctrine = next(line for line in made.lines if line.inference == "r-doctrine")
    assert doctrine.label == "accepted"
    evidence = [next(t.ids()) for t in doctrine.evidence]
    assert evidence[0] == "cim-definition"
    assert list(doctrine.evidence[0].sources()) == ["fm3-57"]
    amap = load_map(ROOT / "maps" / "vraem.yaml")
    listed = [c for text in doctrine.evidence for c in text.ids()]
    assert listed and all(amap.claims[c].source or amap.claims[c].assumption for c in listed)
    assert not set(listed) & set(amap.inferences["r-doctrine"].premises)  # premises are shown with the line


def test_con_brief_summarises_the_case_instead_of_detailing_lines():
    made = brief(LIBRARY, "con")
    assert made.lines == ()
    assert list(made.case.ids())[:2] == ["r-jobs", "local-jobs"]


# -- objections and answers -----------------------------------------------------------------


def test_a_map_without_objections_says_so_and_invents_none():
    for side in ("pro", "con"):
        made = brief(FIXTURES / "no-objections.yaml", side)
        assert all(p.kind != "objection" and not p.objections for p in made.points)
        assert any("contains no objections" in str(t) for t in made.bottom_line)
        text = to_markdown(made)
        assert "contains no objections" in text
        assert "Objection" not in text and "objection `" not in text


def test_an_unanswered_objection_is_said_to_have_no_answer():
    made = brief(LIBRARY, "pro")
    point = next(p for p in made.points if p.element == "o-online")
    assert point.kind == "objection"
    answer = point.questions[0].answers[0]
    assert answer.element is None and str(answer.text) == "No answer in the map yet."
    assert "nothing in the map answers it" in str(point.why)
    assert "online" in list(point.caution.ids())  # its own ground is bare


def test_an_answered_objection_gives_the_maps_rebuttal():
    made = brief(LIBRARY, "con")
    first = made.points[0]
    assert first.element == "volunteers"
    assert "the objection 'o-cost' stands again" in str(first.why)
    (objection,) = first.objections
    assert objection.element == "o-cost" and objection.label == "rejected"
    (answer,) = objection.question.answers
    assert answer.element == "a-volunteers"
    assert "accepted as mapped" in str(answer.text)


def test_missing_link_questions_quote_the_unconnected_terms():
    amap = load_map(LIBRARY)
    made = build_brief(amap, "con")
    question = next(q for p in made.points for q in p.questions if q.element == "r-jobs")
    quoted = [value for kind, value in question.text.parts if kind == "quote"]
    assert str(question.text).startswith("What connects ")
    assert quoted == ["create two jobs for local people", "town should keep its library open"]
    (finding,) = [f for f in run_checks(amap, select=["AM107"]) if f.target == "r-jobs"]
    for word in ("town", "keep", "library"):
        assert f"'{word}'" in finding.message and word in quoted[1]
    assert question.answers[0].element is None  # no warrant states the link


def test_a_warrant_is_the_prepared_answer_to_its_missing_link():
    made = brief(ROOT / "maps" / "vraem.yaml", "pro", points=20)
    question = next(q for p in made.points for q in p.questions if q.element == "r-main")
    (answer,) = question.answers
    assert answer.element == "r-main"
    assert str(answer.text).startswith("The warrant of 'r-main' says The U.S. is to act")


def test_sourced_premises_are_answered_with_their_citation_and_quote():
    made = brief(LIBRARY, "pro")
    answers = [a for p in made.points for q in p.questions for a in q.answers if a.element == "demand"]
    assert answers and "which says 41% would come on a Sunday" in str(answers[0].text)
    assert "p. 7" in str(answers[0].text)


def test_a_thesis_that_is_not_accepted_is_attacked_through_its_gaps():
    amap = load_map(ROOT / "tests" / "fixtures" / "html" / "school-meals.yaml")
    assert evaluate(amap).thesis == "undecided"
    made = build_brief(amap, "con")
    assert made.bottom_line[0].parts[0][1].startswith("As mapped, the thesis is undecided")
    assert not any(p.kind == "critical" for p in made.points)
    assert [p.kind for p in made.points][:2] == ["single-point", "single-point"]


def test_points_beyond_the_cap_are_named_not_detailed():
    made = brief(ROOT / "maps" / "vraem.yaml", "con", points=2)
    assert len(made.points) == 2
    assert made.more is not None and " more points, not detailed here: " in str(made.more)
    assert list(made.more.ids())[:2] == ["t-economy-untouched", "t-displacement"]
    assert brief(ROOT / "maps" / "vraem.yaml", "con", points=100).more is None


def test_side_and_points_are_checked():
    amap = load_map(LIBRARY)
    with pytest.raises(ValueError, match="side"):
        build_brief(amap, "neutral")
    with pytest.raises(ValueError, match="points"):
        build_brief(amap, "con", points=0)


# -- Markdown -------------------------------------------------------------------------------


@pytest.mark.parametrize("side", ["pro", "con"])
def test_markdown_matches_the_golden_file(side):
    text = to_markdown(brief(LIBRARY, side))
    assert text == (GOLDEN / f"library-{side}.md").read_text(encoding="utf-8")


def _inline_kinds(tokens) -> set[str]:
    return {child.type for t in tokens if t.type == "inline" for child in t.children or []}


@pytest.mark.parametrize("side", ["pro", "con"])
def test_markdown_keeps_hostile_text_as_text(side):
    amap = load_map(HOSTILE)
    made = build_brief(amap, side)
    out = to_markdown(made)
    tokens = md.parse(out)
    assert not [t for t in tokens if t.type.startswith(("html", "fence", "code_block", "table", "hr"))]
    assert next(t.tag for t in tokens if t.type == "heading_open") == "h1"
    assert sum(t.tag == "h1" for t in tokens if t.type == "heading_open") == 1
    kinds = _inline_kinds(tokens)
    assert "html_inline" not in kinds and "link_open" not in kinds and "image" not in kinds
    rendered = md.render(out)
    for tag in ("<script", "<img", "<iframe", "<style", "<svg", "<a ", "<b>", "<i>"):
        assert tag not in rendered, tag
    words = " ".join(
        child.content for t in tokens if t.type == "inline" for child in t.children or [] if child.type == "text"
    )
    assert "<script>alert(5)</script> Cities *must* do what **works** for `everyone`" in words
    assert "# The <b>city</b> should do `this` & [that](javascript:alert(4))" in words
    code = {
        child.content for t in tokens if t.type == "inline" for child in t.children or [] if child.type == "code_inline"
    }
    assert {"a`b", "t<1>", "s`1"} <= code


# -- HTML -----------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("side", ["pro", "con"])
def test_html_is_self_contained_escaped_and_lights_the_discussed_elements(side):
    amap = load_map(HOSTILE)
    made = build_brief(amap, side)
    page = to_html(made, brief_svg(amap, made))
    parser = _Tags()
    parser.feed(page)
    names = [tag for tag, _ in parser.tags]
    for bad in ("script", "img", "iframe", "link", "object", "embed", "b", "i"):
        assert bad not in names, bad
    assert names.count("style") == 1 and names.count("svg") == 1
    for tag, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        href = attrs.get("href") or attrs.get("xlink:href")
        if href is not None:
            assert href.startswith("#am-"), href
    policy = next(a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in policy and "script-src" not in policy
    text = "".join(parser.text)
    assert "<script>alert(5)</script> Cities *must* do what **works** for `everyone`" in text
    assert html.escape("<script>alert(5)</script>") in page
    # the discussed elements are drawn lit, and each id links to its shape
    assert page.count(f'fill="{HIGHLIGHT}"') >= len([e for e in made.discussed() if e in amap.claims])
    assert f'href="#{element_dom_id("a`b")}"' in page
    assert ("g", element_dom_id("a`b")) in [(t, a.get("id")) for t, a in parser.tags]


def test_html_without_a_diagram_still_reads():
    made = brief(LIBRARY, "con")
    page = to_html(made)
    assert "<svg" not in page and "<figure" not in page
    assert "Reject " in page and "o-online" in page
    assert re.search(r"<h1>Con brief: Sunday opening</h1>", page)
