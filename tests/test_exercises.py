"""Every exercise is answerable from its map and its key is right, checked against the map itself.

The keys are re-derived here from first principles (the map's inferences, ``argmap check``,
``evaluate`` with a premise rejected), not read back from the exercise code. Runs over the
maps in ``maps/`` (new maps are picked up), this folder's fixtures, the check fixtures'
clean maps, and generated maps.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from argmap import load_map
from argmap.analysis import necessary_premises, reaching_thesis
from argmap.checks import run_checks
from argmap.evaluate import ACCEPTED, evaluate
from argmap.exercises import ExerciseError, kinds, make_worksheet
from argmap.model import ArgumentMap
from argmap.readers import readers
from argmap.worksheet import key_markdown, sheet_markdown
from argmap.worksheet_dot import key_dot, sheet_dot

HERE = Path(__file__).parent
ROOT = HERE.parent
FIXTURES = HERE / "fixtures" / "exercises"
SUFFIXES = tuple(s for r in readers().values() for s in r.suffixes)
ESSAY_MAPS = sorted(p for p in (ROOT / "maps").glob("*") if p.name.endswith(SUFFIXES))
FIXTURE_MAPS = [
    FIXTURES / "meals.yaml",
    FIXTURES / "hostile.yaml",
    *sorted((HERE / "fixtures/checks/clean").glob("*.yaml")),
]
KINDS = list(kinds())


def _generator():
    spec = importlib.util.spec_from_file_location("argmap_bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.generate


GENERATED = [(40, 1), (80, 7)]


def _maps():
    for path in [*ESSAY_MAPS, *FIXTURE_MAPS]:
        yield pytest.param(path, id=path.name)
    for size, seed in GENERATED:
        yield pytest.param((size, seed), id=f"generated-{size}-{seed}")


def _load(source) -> ArgumentMap:
    if isinstance(source, Path):
        return load_map(source)
    return _generator()(*source)


def _normal(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _relation(amap: ArgumentMap, inference_id: str) -> str:
    inf = amap.inferences[inference_id]
    if inf.type == "support":
        return "support"
    if inf.target in amap.claims:
        return "objection"
    return "rebuttal" if amap.inferences[inf.target].type == "attack" else "undercut"


# -- the key is right ------------------------------------------------------------------------


def check_missing_premise(amap: ArgumentMap, ws) -> None:
    blanks = [q.facts["blank"] for q in ws.questions]
    assert len(set(blanks)) == len(blanks)
    for q in ws.questions:
        inf = amap.inferences[q.facts["inference"]]
        blank = q.facts["blank"]
        assert blank in inf.premises and len(inf.premises) >= 2, "the blank is a real co-premise"
        assert [b for b in blanks if b in inf.premises] == [blank], "one blank per reason"
        options = q.facts["options"]
        assert len(q.correct) == 1 and options[q.correct[0]] == blank
        assert q.options[q.correct[0]] == amap.claims[blank].text
        for k, other in enumerate(options):
            if k == q.correct[0]:
                continue
            assert other not in blanks, "a distractor is never the answer to a blank"
            assert all(_normal(amap.claims[other].text) != _normal(amap.claims[b].text) for b in blanks)
        assert len({_normal(o) for o in q.options}) == len(q.options)
        label = q.facts["label"]
        assert ws.sheet_map.claims[label].text.startswith("?"), "the diagram shows the blank as ?"
        assert any(line.startswith(f"{label}: ") for line in q.context), "the text shows the blank"
        assert all(amap.claims[blank].text not in line for line in q.context)
    assert not set(ws.numbers[b] for b in blanks) & set(ws.sheet_map.claims), "the blank's number is not drawn"


def check_find_conclusion(amap: ArgumentMap, ws) -> None:
    graph = amap.graph
    connected = reaching_thesis(amap)
    middle = {
        c
        for c in amap.claims
        if c != amap.thesis
        and c in connected
        and any(graph.nodes[i]["type"] == "support" for i in graph.predecessors(c))
        and graph.out_degree(c) > 0
    }
    thesis_q, middle_q = ws.questions[:2]
    assert thesis_q.facts["thesis"] == amap.thesis
    assert thesis_q.answer.startswith(ws.numbers[amap.thesis] + " ")
    assert set(middle_q.facts["intermediate"]) == middle
    listed = {text for _, text in ws.listing}
    assert {amap.claims[c].text for c in connected if c in amap.claims} == listed
    numbers = {n: text for n, text in ws.listing}
    assert numbers[ws.numbers[amap.thesis]] == amap.claims[amap.thesis].text
    assert ws.sheet_map is None, "no diagram that would show the answers"


def check_label_relations(amap: ArgumentMap, ws) -> None:
    asked = [q.facts["inference"] for q in ws.questions]
    assert len(set(asked)) == len(asked)
    for q in ws.questions:
        right = _relation(amap, q.facts["inference"])
        assert q.options[q.correct[0]] == right and len(q.correct) == 1
        assert f"Arrow {ws.numbers[q.facts['inference']]} " in q.prompt
    present = {_relation(amap, i) for i in amap.inferences}
    if len(ws.questions) >= len(present):
        assert {q.answer for q in ws.questions} == present, "every kind of arrow the map has is asked"
    dot = sheet_dot(ws)
    assert (
        ws.neutral
        and "#2e7d32" not in dot
        and "#c62828" not in dot
        and "arrowhead=tee" not in dot
        and "dashed" not in dot
    )


def check_spot_the_flaw(amap: ArgumentMap, ws) -> None:
    findings = run_checks(amap)
    for q in ws.questions:
        if q.facts["shape"] == "which":
            check, target = q.facts["check"], q.facts["target"]
            assert any(f.name == check and f.target == target for f in findings)
            named = {f.target for f in findings if f.name == check}
            named |= {i for f in findings if f.name == check for i in re.findall(r"'([^']+)'", f.message)}
            for k, option in enumerate(q.facts["options"]):
                assert (option == target) == (k in q.correct)
                if option != target:
                    assert option not in named, "a distractor is never flagged or named by the same check"
            quoted = [f for f in findings if f.name == check and f.target == target]
            assert any(f.message in q.why for f in quoted), "the key quotes the finding"
        else:
            target = q.facts["target"]
            for k, check in enumerate(q.facts["checks"]):
                flags = any(f.name == check and f.target == target for f in findings)
                assert flags == (k in q.correct)
            assert all(f.message in q.why for f in findings if f.target == target)
    for finding in ws.key_findings:
        assert finding.target in ws.key_map or finding.target in ws.key_map.sources


def check_weakest_link(amap: ArgumentMap, ws) -> None:
    first = ws.questions[0]
    method = first.facts["method"]
    if method == "evaluation":
        assert evaluate(amap).thesis == ACCEPTED

        def falls(premise: str) -> bool:
            return evaluate(amap, reject=[premise]).thesis != ACCEPTED
    else:
        needed = necessary_premises(amap)

        def falls(premise: str) -> bool:
            return premise in needed

    shown = first.facts["options"]
    for k, premise in enumerate(shown):
        assert falls(premise) == (k in first.correct), premise
    assert (len(shown) in first.correct) == (not any(falls(p) for p in shown)), "'none of them' is right exactly then"
    for q in ws.questions[1:]:
        if "falls" in q.facts:
            assert q.facts["falls"] == falls(q.facts["premise"])
            assert q.options[q.correct[0]].startswith("No" if q.facts["falls"] else "Yes")


def check_reconstruct(amap: ArgumentMap, ws) -> None:
    assert sorted(text for _, text in ws.listing) == sorted(c.text for c in amap.claims.values())
    assert len(ws.key_notes) == len(amap.inferences)
    key = ws.key_map
    for inf in amap.inferences.values():
        twin = key.inferences[ws.numbers[inf.id]]
        assert twin.premises == tuple(ws.numbers[p] for p in inf.premises)
        assert twin.target == ws.numbers[inf.target] and twin.type == inf.type
    assert ws.questions[0].facts["thesis"] == amap.thesis and ws.sheet_map is None


CHECKERS = {
    "missing-premise": check_missing_premise,
    "find-conclusion": check_find_conclusion,
    "label-relations": check_label_relations,
    "spot-the-flaw": check_spot_the_flaw,
    "weakest-link": check_weakest_link,
    "reconstruct": check_reconstruct,
}


def test_every_kind_has_a_checker():
    assert set(CHECKERS) == set(KINDS)


@pytest.mark.parametrize("source", list(_maps()))
@pytest.mark.parametrize("kind", KINDS)
def test_every_key_is_right(source, kind):
    amap = _load(source)
    made = 0
    for seed in range(3):
        try:
            ws = make_worksheet(amap, kind, seed=seed)
        except ExerciseError:
            continue
        made += 1
        assert ws.questions and ws.kind == kind and ws.seed == seed
        CHECKERS[kind](amap, ws)
        for drawn in (ws.sheet_map, ws.key_map):
            if drawn is not None:
                assert set(drawn.claims) <= {*ws.numbers.values(), *(f"?{k}" for k in range(1, 20))}
                assert not set(drawn.claims) & set(amap.claims) - set(ws.numbers.values()), "no map id is shown"
        assert key_dot(ws)
    if kind == "spot-the-flaw" and not run_checks(amap):
        assert made == 0, "a map argmap check finds clean has no flaw to spot"
    elif source in ESSAY_MAPS or source == FIXTURES / "meals.yaml":
        assert made == 3, "the maps in maps/ and the meals map give every kind of exercise"


@pytest.mark.parametrize("source", [FIXTURES / "meals.yaml", *ESSAY_MAPS, (40, 1)], ids=str)
@pytest.mark.parametrize("kind", KINDS)
def test_same_seed_same_worksheet_other_seeds_other_variants(source, kind):
    amap = _load(source)
    if kind == "spot-the-flaw" and not run_checks(amap):
        with pytest.raises(ExerciseError, match="nothing wrong"):
            make_worksheet(amap, kind, seed=5)
        return

    def text(seed: int) -> str:
        ws = make_worksheet(amap, kind, seed=seed)
        return sheet_markdown(ws, "x.svg") + key_markdown(ws, "x.key.svg") + (sheet_dot(ws) or "")

    assert text(5) == text(5)
    assert len({text(seed) for seed in range(4)}) > 1


def test_count_sets_how_many_questions():
    amap = load_map(FIXTURES / "meals.yaml")
    assert len(make_worksheet(amap, "label-relations", count=3).questions) == 3
    assert len(make_worksheet(amap, "label-relations", count=50).questions) == len(amap.inferences)
    assert len(make_worksheet(amap, "spot-the-flaw", count=2).questions) == 2


def test_label_relations_asks_every_kind_first():
    amap = load_map(FIXTURES / "meals.yaml")
    for seed in range(5):
        ws = make_worksheet(amap, "label-relations", seed=seed, count=4)
        assert {q.answer for q in ws.questions} == {"support", "objection", "undercut", "rebuttal"}


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("missing-premise", "no reason with two or more premises"),
        ("find-conclusion", "needs at least 3"),
        ("weakest-link", "needs at least 2"),
        ("reconstruct", "needs at least 3 claims and 2 arrows"),
    ],
)
def test_a_map_too_small_says_so(kind, message):
    with pytest.raises(ExerciseError, match=message):
        make_worksheet(load_map(FIXTURES / "tiny.yaml"), kind)


def test_a_clean_map_has_no_flaw_to_spot():
    with pytest.raises(ExerciseError, match="finds nothing wrong"):
        make_worksheet(load_map(HERE / "fixtures/checks/clean/smartphone-ban.yaml"), "spot-the-flaw")


def test_unknown_kind_and_bad_count():
    amap = load_map(FIXTURES / "meals.yaml")
    with pytest.raises(ExerciseError, match="did you mean 'missing-premise'"):
        make_worksheet(amap, "missing-premis")
    with pytest.raises(ExerciseError, match="at least 1"):
        make_worksheet(amap, "reconstruct", count=0)


def test_weakest_link_counts_revived_objections():
    """Rejecting the answer to an objection brings the thesis down: evaluation sees it, structure alone would not."""
    amap = load_map(HERE / "fixtures/checks/clean/smartphone-ban.yaml")
    ws = make_worksheet(amap, "weakest-link", seed=0)
    assert ws.questions[0].facts["method"] == "evaluation"
    assert ws.questions[0].facts["weakest"] == ["office-phone"]
    assert "office-phone" not in necessary_premises(amap)


def test_weakest_link_falls_back_to_the_support_structure():
    amap = load_map(HERE / "fixtures/checks/unanswered-objection-fail.yaml")
    assert evaluate(amap).thesis != ACCEPTED
    ws = make_worksheet(amap, "weakest-link", seed=0)
    assert ws.questions[0].facts["method"] == "structure"
    assert ws.questions[0].facts["weakest"] == sorted(c for c in necessary_premises(amap) if not amap.supports_of(c))
