"""The page of ``argmap html`` in a real headless chromium: offline, clickable, searchable, safe."""

from __future__ import annotations

from pathlib import Path

import pytest
from _browser import TIMEOUT_MS, Watcher, chromium, dom_id, squeeze

from argmap import load_map, run_checks
from argmap.evaluate import evaluate
from argmap.html import to_html
from argmap.output import write_atomic

FIXTURES = Path(__file__).parent / "fixtures" / "html"
MEALS = FIXTURES / "school-meals.yaml"
INJECTION = FIXTURES / "injection.yaml"
ESSAY = Path(__file__).parents[1] / "maps" / "vraem.yaml"


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def meals():
    return load_map(MEALS)


@pytest.fixture(scope="module")
def meals_file(tmp_path_factory, meals):
    path = tmp_path_factory.mktemp("html") / "school-meals.html"
    write_atomic(path, to_html(meals))
    return path


@pytest.fixture(scope="module")
def injection_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "injection.html"
    write_atomic(path, to_html(load_map(INJECTION)))
    return path


@pytest.fixture(scope="module")
def tab(browser):
    """One offline tab for the module; each test loads its page afresh."""
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    watcher = Watcher(page)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    yield page, watcher, requests
    context.close()


@pytest.fixture
def open_page(browser, tab):
    contexts = []

    def open_(path: Path, **options):
        if options:
            context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800}, **options)
            context.set_default_timeout(TIMEOUT_MS)
            contexts.append(context)
            page = context.new_page()
            watcher = Watcher(page)
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
        else:
            page, watcher, requests = tab
            page.emulate_media(media="screen")
            watcher.errors.clear()
            requests.clear()
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready]")
        return page, watcher, requests

    yield open_
    for context in contexts:
        context.close()


def test_page_loads_offline_with_no_console_errors(open_page, meals_file):
    page, watcher, requests = open_page(meals_file)
    assert watcher.errors == []
    assert requests == [meals_file.as_uri()]
    assert page.title() == "School meals \u00b7 argmap"


def test_every_claim_of_the_map_is_in_the_page(open_page, meals_file, meals):
    page, _, _ = open_page(meals_file)
    for claim in meals.claims.values():
        shape = page.locator(dom_id(claim.id))
        assert shape.is_visible(), claim.id
        assert squeeze(claim.text) in squeeze(shape.text_content()), claim.id


def test_every_element_is_coloured_by_its_evaluation(open_page, meals_file, meals):
    page, _, _ = open_page(meals_file)
    for element_id, label in evaluate(meals).labels.items():
        assert f"am-l-{label}" in page.get_attribute(dom_id(element_id), "class"), element_id


def test_clicking_a_claim_shows_its_text_source_findings_and_label(open_page, meals_file, meals):
    page, watcher, _ = open_page(meals_file)
    claim = meals.claims["evidence-hunger"]
    page.click(dom_id(claim.id))
    panel = page.locator("#am-panel")
    assert panel.is_visible()
    assert panel.locator(".am-text").text_content() == claim.text
    assert meals.sources["who2019"].citation in panel.text_content()
    assert claim.quote in panel.text_content()
    for finding in run_checks(meals):
        if finding.target == claim.id:
            assert finding.message in panel.text_content()
    label = evaluate(meals).labels[claim.id]
    assert panel.locator(".am-eval-line .am-chip").first.text_content() == label
    assert "am-selected" in page.get_attribute(dom_id(claim.id), "class")
    assert watcher.errors == []


def test_clicking_an_inference_shows_its_premises_and_links_to_them(open_page, meals_file, meals):
    page, _, _ = open_page(meals_file)
    page.click(dom_id("r1"))
    panel = page.locator("#am-panel")
    for premise in meals.inferences["r1"].premises:
        assert meals.claims[premise].text in panel.text_content()
    panel.get_by_role("button", name=meals.claims["meals-reduce-hunger"].text).click()
    assert page.get_attribute("#am-panel", "data-element") == "meals-reduce-hunger"


def test_search_marks_the_matching_elements(open_page, meals_file, meals):
    page, _, _ = open_page(meals_file)
    page.fill("#am-search", "HUNGER")
    expected = {c.id for c in meals.claims.values() if "hunger" in (c.id + " " + c.text).lower()}
    expected |= {i.id for i in meals.inferences.values() if "hunger" in i.id}
    marked = page.eval_on_selector_all(
        "#am-canvas g.node.am-match", "nodes => nodes.map(n => n.getAttribute('aria-label'))"
    )
    assert len(marked) == len(expected)
    assert page.text_content("#am-search-count") == f"{len(expected)} matches"
    page.press("#am-search", "Enter")
    assert page.get_attribute("#am-panel", "data-element") in expected


def test_findings_list_entries_jump_to_their_element(open_page, meals_file, meals):
    page, _, _ = open_page(meals_file)
    findings = run_checks(meals)
    entries = page.locator("#am-findings-list button")
    assert entries.count() == len(findings)
    last = findings[-1]
    entries.nth(len(findings) - 1).click()
    assert page.get_attribute("#am-panel", "data-element") == last.target
    assert "am-selected" in page.get_attribute(dom_id(last.target), "class")


def test_toggles_hide_findings_and_evaluation(open_page, meals_file, meals):
    page, _, _ = open_page(meals_file)
    flagged = run_checks(meals)[0].target
    badge = page.locator(f"{dom_id(flagged)} .am-badge")
    assert badge.is_visible()
    background = f"{dom_id('fund-meals')} > path"
    coloured = page.eval_on_selector(background, "p => getComputedStyle(p).fill")
    page.uncheck("#am-toggle-findings")
    assert not badge.is_visible()
    page.uncheck("#am-toggle-eval")
    plain = page.eval_on_selector(background, "p => getComputedStyle(p).fill")
    assert plain != coloured
    page.check("#am-toggle-eval")
    assert page.eval_on_selector(background, "p => getComputedStyle(p).fill") == coloured


def _view_box(page) -> list[float]:
    return [float(v) for v in page.get_attribute("#am-canvas svg", "viewBox").split()]


def test_pan_and_zoom(open_page, meals_file):
    page, _, _ = open_page(meals_file)
    start = _view_box(page)
    page.click("#am-zoom-in")
    zoomed = _view_box(page)
    assert zoomed[2] < start[2]
    box = page.locator("#am-canvas").bounding_box()
    x, y = box["x"] + 20, box["y"] + 20
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 120, y + 60, steps=5)
    page.mouse.up()
    panned = _view_box(page)
    assert panned[0] < zoomed[0] and panned[1] < zoomed[1]
    assert panned[2] == zoomed[2]
    page.mouse.wheel(0, 400)
    assert _view_box(page)[2] > panned[2]
    page.click("#am-zoom-fit")
    assert _view_box(page) == start


def test_print_stylesheet_shows_the_map_and_findings_only(open_page, meals_file):
    page, _, _ = open_page(meals_file)
    page.click(dom_id("fund-meals"))
    page.emulate_media(media="print")
    assert not page.is_visible(".am-tools")
    assert not page.is_visible("#am-panel")
    assert page.is_visible("#am-findings")
    assert page.is_visible("#am-canvas svg")


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_injected_script_is_not_executed(open_page, injection_file, bypass_csp):
    page, watcher, _ = open_page(injection_file, bypass_csp=bypass_csp)
    amap = load_map(INJECTION)
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, b, #am-canvas script').length") == 0
    assert page.text_content("#am-title") == amap.title
    page.click(dom_id("premise"))
    assert page.text_content("#am-panel .am-text") == amap.claims["premise"].text
    page.click(dom_id("<b>thesis</b>"))
    assert page.text_content("#am-panel .am-text") == amap.claims["<b>thesis</b>"].text
    assert page.evaluate("window.__pwned") is None
    assert watcher.errors == []


def test_sources_are_listed_with_the_claims_citing_them(open_page, meals_file, meals):
    page, _, _ = open_page(meals_file)
    items = page.locator("#am-refs-list > li")
    assert items.count() == len(meals.sources)
    for item, source in zip(items.all(), meals.sources.values(), strict=True):
        assert source.citation in item.text_content()
    page.locator("#am-refs-list .am-cited button", has_text="budget-surplus").click()
    assert page.get_attribute("#am-panel", "data-element") == "budget-surplus"


def test_the_essay_map_loads_with_every_claim_and_no_console_errors(open_page, tmp_path):
    essay = load_map(ESSAY)
    path = tmp_path / "essay.html"
    write_atomic(path, to_html(essay))
    page, watcher, requests = open_page(path)
    assert requests == [path.as_uri()]
    for claim in essay.claims.values():
        assert squeeze(claim.text) in squeeze(page.text_content(dom_id(claim.id))), claim.id
    page.click(dom_id(essay.thesis))
    assert page.text_content("#am-panel .am-text") == essay.claims[essay.thesis].text
    assert page.locator("#am-findings-list button").count() == len(run_checks(essay))
    assert watcher.errors == []
