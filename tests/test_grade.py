"""Grading: the key against itself scores 100%; each kind of mistake loses exactly the items its feedback names."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap import ArgumentMap, Claim, Inference, load_map, parse_map
from argmap.cli import app
from argmap.grade import ID_BONUS, POINTS, THRESHOLD, Match, grade, match_claims, similarity
from argmap.readers import readers

HERE = Path(__file__).parent
ROOT = HERE.parent
MEALS = HERE / "fixtures" / "exercises" / "meals.yaml"
SUFFIXES = tuple(s for r in readers().values() for s in r.suffixes)
ESSAY_MAPS = sorted(p for p in (ROOT / "maps").glob("*") if p.name.endswith(SUFFIXES))
OTHER_MAPS = [MEALS, *sorted((HERE / "fixtures" / "checks" / "clean").glob("*.yaml"))]

runner = CliRunner()


def _generate(size: int, seed: int) -> ArgumentMap:
    spec = importlib.util.spec_from_file_location("argmap_bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.generate(size, seed)


def _edited(change) -> ArgumentMap:
    """The meals map with its YAML changed by ``change(doc)``."""
    doc = yaml.safe_load(MEALS.read_text(encoding="utf-8"))
    change(doc)
    return parse_map(yaml.safe_dump(doc, sort_keys=False), "student.yaml")


def _inference(doc, inference_id):
    return next(i for i in doc["inferences"] if i.get("id") == inference_id)


def _lost(student: ArgumentMap) -> dict[str, str]:
    result = grade(student, load_map(MEALS))
    lost = {item.id: item.feedback for item in result.lost()}
    assert result.score == result.total - sum(item.lost for item in result.lost())
    assert all(lost.values()), "every point lost is named"
    return lost


@pytest.mark.parametrize(
    "source",
    [*ESSAY_MAPS, *OTHER_MAPS, (40, 1), (120, 3)],
    ids=lambda s: s.name if isinstance(s, Path) else f"generated-{s[0]}-{s[1]}",
)
def test_the_key_against_itself_scores_100(source):
    key = load_map(source) if isinstance(source, Path) else _generate(*source)
    result = grade(key, key)
    assert result.score == result.total > 0
    assert result.percent == 100.0
    assert not result.lost() and not result.notes
    assert len(result.matches) == len(key.claims)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_random_maps_score_100_against_themselves(data):
    n = data.draw(st.integers(2, 8))
    words = data.draw(
        st.lists(st.sampled_from("apple river stone cloud music paper tiger lamp".split()), min_size=n, max_size=n)
    )
    claims = [Claim(f"c{k}", f"Claim {k} is about the {w} number {k}.") for k, w in enumerate(words)]
    inferences = []
    for j in range(data.draw(st.integers(1, 8))):
        premises = data.draw(st.lists(st.integers(1, n - 1), min_size=1, max_size=3, unique=True))
        target = data.draw(st.sampled_from([f"c{k}" for k in range(n)] + [i.id for i in inferences]))
        kind = data.draw(st.sampled_from(["support", "attack"]))
        inferences.append(Inference(f"i{j}", tuple(f"c{p}" for p in premises), target, type=kind))
    key = ArgumentMap("random", "c0", claims, inferences)
    assert grade(key, key).percent == 100.0


def test_a_premise_removed_loses_the_claim_and_its_link():
    def change(doc):
        del doc["claims"]["attendance"]
        doc["inferences"].remove(_inference(doc, "attend"))

    lost = _lost(_edited(change))
    assert set(lost) == {"claim:attendance", "link:attend:attendance"}
    assert "Schools with free meals for every pupil see higher attendance." in lost["claim:attendance"]


def test_a_support_flipped_to_an_attack_loses_that_link():
    lost = _lost(_edited(lambda doc: _inference(doc, "local").update(type="attack")))
    assert set(lost) == {"link:local:farms"}
    assert lost["link:local:farms"].startswith("You made \u201cBuying food for school meals")
    assert (
        "an objection to" in lost["link:local:farms"] and "in the key it is a reason for it" in lost["link:local:farms"]
    )


def test_linked_premises_split_into_independent_reasons_lose_the_together_point():
    def change(doc):
        learn = _inference(doc, "learn")
        first, *rest = learn["from"]
        learn["from"] = [first]
        doc["inferences"] += [{"from": [p], "to": "fund-meals"} for p in rest]

    lost = _lost(_edited(change))
    assert set(lost) == {"together:learn"}
    assert "you treated" in lost["together:learn"].lower()
    assert "as independent reasons; in the key they work together" in lost["together:learn"]


def test_independent_reasons_joined_lose_the_apart_point():
    def change(doc):
        _inference(doc, "attend")["from"] = ["attendance", "farms"]
        doc["inferences"].remove(_inference(doc, "local"))

    lost = _lost(_edited(change))
    assert set(lost) == {"apart:fund-meals:support"}
    assert "you joined" in lost["apart:fund-meals:support"]


def test_an_undercut_aimed_at_the_claim_loses_it_and_the_rebuttal_of_it():
    lost = _lost(_edited(lambda doc: _inference(doc, "uneaten").update(to="fund-meals")))
    assert set(lost) == {"link:uneaten:picky", "link:eaten:menus"}
    assert lost["link:uneaten:picky"].startswith("You aimed \u201cMany pupils leave the free meals uneaten.\u201d at")


def test_a_wrong_thesis_loses_the_thesis_points():
    result = grade(_edited(lambda doc: doc.update(thesis="meals-feed")), load_map(MEALS))
    assert [(item.id, item.lost) for item in result.lost()] == [("thesis", POINTS["thesis"])]
    assert (
        "your main conclusion is \u201cFree school meals reduce hunger among pupils.\u201d" in result.lost()[0].feedback
    )


def test_reworded_claims_with_other_ids_still_match():
    def change(doc):
        renamed = {cid: f"s{k}" for k, cid in enumerate(doc["claims"])}
        claims = {}
        for cid, claim in doc["claims"].items():
            text = claim if isinstance(claim, str) else claim["text"]
            claims[renamed[cid]] = text.replace("pupils", "students").replace("The city", "Our city").rstrip(".")
        doc["claims"] = claims
        doc.pop("sources")
        doc["thesis"] = renamed[doc["thesis"]]
        for inf in doc["inferences"]:
            inf["from"] = [renamed[p] for p in inf["from"]]
            inf["to"] = renamed.get(inf["to"], inf["to"])

    student = _edited(change)
    result = grade(student, load_map(MEALS))
    assert result.percent == 100.0, [i.feedback for i in result.lost()]
    assert all(m.student == f"s{k}" for k, m in enumerate(result.matches))
    assert all(m.similarity >= 60 for m in result.matches)
    assert sum(m.similarity < 100 for m in result.matches) >= 5, "the wording really differs"


def test_extra_claims_and_links_are_noted_without_cost():
    def change(doc):
        doc["claims"]["extra"] = "Meals at school teach children to share."
        doc["inferences"].append({"from": ["extra"], "to": "fund-meals"})

    result = grade(_edited(change), load_map(MEALS))
    assert result.percent == 100.0
    assert result.notes == [
        "Your map has a claim the key does not: \u201cMeals at school teach children to share.\u201d (no points lost)."
    ]


def test_an_empty_map_scores_nothing_but_its_thesis():
    key = load_map(MEALS)
    student = ArgumentMap("empty", "t", [Claim("t", key.claims[key.thesis].text)])
    result = grade(student, key)
    assert result.score == POINTS["thesis"]
    assert {item.category for item in result.lost()} == {"claim", "link", "together", "apart"}


def test_claims_are_matched_best_first_and_once():
    key = ArgumentMap(
        "k",
        "a",
        [Claim("a", "Socrates is mortal."), Claim("b", "Socrates is a man."), Claim("c", "All men are mortal.")],
    )
    student = ArgumentMap("s", "x", [Claim("x", "Socrates is a man"), Claim("y", "Socrates is mortal")])
    pairs = {(m.key, m.student) for m in match_claims(student, key)}
    assert pairs == {("a", "y"), ("b", "x")}


# -- the command line ----------------------------------------------------------------------


def _matched_plainly(student: ArgumentMap, key: ArgumentMap, threshold: float = THRESHOLD) -> list[Match]:
    """The matching as the rubric defines it: every pair scored, one list sorted best first, taken greedily."""
    pairs = []
    for i, (kid, kclaim) in enumerate(key.claims.items()):
        for j, (sid, sclaim) in enumerate(student.claims.items()):
            text = similarity(kclaim.text, sclaim.text)
            score = text + ID_BONUS if kid == sid else text
            if score >= threshold:
                pairs.append((-score, i, j, kid, sid, text))
    pairs.sort()
    taken_key, taken_student, found = set(), set(), {}
    for _, _, _, kid, sid, text in pairs:
        if kid not in taken_key and sid not in taken_student:
            taken_key.add(kid)
            taken_student.add(sid)
            found[kid] = Match(kid, sid, round(text, 1))
    return [found[kid] for kid in key.claims if kid in found]


WORDS = "the a school schools meal meals child children hungry learn less more tax fund, Fund! ?".split()
claim_lists = st.lists(
    st.tuples(st.sampled_from(["a", "b", "c", "d", "e", "f", "g"]), st.lists(st.sampled_from(WORDS), max_size=5)),
    min_size=1,
    max_size=12,
    unique_by=lambda pair: pair[0],
)


def _claims_map(pairs) -> ArgumentMap:
    claims = [Claim(cid, " ".join(words) or "?") for cid, words in pairs]
    return ArgumentMap("m", claims[0].id, claims)


@settings(max_examples=300, deadline=None)
@given(key=claim_lists, student=claim_lists, threshold=st.sampled_from([THRESHOLD, 35.0, 80.0, 0.0]))
def test_matching_takes_the_pairs_of_the_plain_definition_in_its_order(key, student, threshold):
    key_map, student_map = _claims_map(key), _claims_map(student)
    assert match_claims(student_map, key_map, threshold) == _matched_plainly(student_map, key_map, threshold)


def test_grade_prints_score_and_feedback(tmp_path):
    student = tmp_path / "ana.yaml"
    doc = yaml.safe_load(MEALS.read_text(encoding="utf-8"))
    _inference(doc, "local")["type"] = "attack"
    student.write_text(yaml.safe_dump(doc), encoding="utf-8")
    result = runner.invoke(app, ["grade", str(student), "--key", str(MEALS)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    total = grade(load_map(MEALS), load_map(MEALS)).total
    assert lines[0] == f"{student}: {total - 1}/{total} ({100 * (total - 1) / total:.0f}%) against {MEALS}"
    assert any(line.startswith("  -1 link: You made") for line in lines)


def test_grade_json(tmp_path):
    result = runner.invoke(app, ["grade", str(MEALS), "--key", str(MEALS), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["score"] == data["total"] and data["percent"] == 100.0
    assert {item["category"] for item in data["items"]} == {"thesis", "claim", "link", "together", "apart"}
    assert all(item["lost"] == 0 for item in data["items"])


def test_class_set_table_skips_the_key_and_reports_unreadable_files(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "key.yaml").write_text(MEALS.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "ben.yaml").write_text(MEALS.read_text(encoding="utf-8"), encoding="utf-8")
    doc = yaml.safe_load(MEALS.read_text(encoding="utf-8"))
    doc["thesis"] = "meals-feed"
    (folder / "ana.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    (folder / "zoe.yaml").write_text("title: [\n", encoding="utf-8")
    result = runner.invoke(app, ["grade", str(folder), "--key", str(folder / "key.yaml")])
    assert result.exit_code == 2
    rows = [line.split() for line in result.stdout.splitlines()]
    assert rows[0][:3] == ["student", "score", "percent"]
    assert [row[0] for row in rows[1:]] == ["ana.yaml", "ben.yaml"]
    assert rows[1][rows[0].index("thesis")] == "0/2" and rows[2][2] == "100.0"
    assert "zoe.yaml:" in result.stderr


def test_unreadable_key_exits_2(tmp_path):
    bad = tmp_path / "key.yaml"
    bad.write_text("claims: 3\n", encoding="utf-8")
    result = runner.invoke(app, ["grade", str(MEALS), "--key", str(bad)])
    assert result.exit_code == 2 and "key.yaml:" in result.output and "Traceback" not in result.output
