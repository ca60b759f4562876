"""The check catalogue against fixture maps: each check finds its planted defect and nothing
on clean maps; single-point-of-failure agrees with a brute-force oracle."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import MapError, Severity, catalogue, load_map, parse_map, run_checks
from argmap.analysis import derivable_claims, necessary_premises
from argmap.model import ArgumentMap, Claim, Inference

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
CLEAN = sorted((FIXTURES / "clean").glob("*.yaml"))

# The defect planted in each <name>-fail.yaml: the findings it must give, as (target, line).
PLANTED = {
    "unsupported-premise": {("crash-any-ride", 10)},
    "unsupported-thesis": {("four-day-week", 7)},
    "circular-support": {("word-of-god", 6), ("bible-true", 10)},
    "disconnected": {("paper-heavier", 13)},
    "unanswered-objection": {("cost-objection", 21)},
    "support-and-attack": {("fees-push-buses", 8)},
    "missing-link": {("debt-reason", 14)},
    "stranded-premise": {("nurses-cut-falls", 7)},
    "single-point-of-failure": {("arrives-in-time", 9)},
    "duplicate-claim": {("sunday-need", 14)},
    "unused-source": {("aiken2014", 5)},
}

NAMES = [c.name for c in catalogue()]


def loud(findings):
    """Errors and warnings: what a correct map must not have."""
    return [f for f in findings if f.severity is not Severity.INFO]


def test_every_check_has_a_planted_defect():
    assert sorted(PLANTED) == sorted(NAMES)
    for name in NAMES:
        assert (FIXTURES / f"{name}-fail.yaml").is_file()
        assert (FIXTURES / f"{name}-pass.yaml").is_file()


@pytest.mark.parametrize("name", NAMES)
def test_failing_map_reports_exactly_the_planted_defect(name):
    path = FIXTURES / f"{name}-fail.yaml"
    findings = run_checks(load_map(path))
    reported = {(f.target, f.line) for f in findings if f.name == name}
    assert reported == PLANTED[name]
    others = [f for f in loud(findings) if f.name != name]
    assert others == []
    for f in findings:
        assert f.path == str(path)
        assert f.code.startswith("AM1")
        assert f.message and f.hint


@pytest.mark.parametrize("name", NAMES)
def test_passing_map_has_no_error_or_warning(name):
    findings = run_checks(load_map(FIXTURES / f"{name}-pass.yaml"))
    assert loud(findings) == []
    assert [f for f in findings if f.name == name] == []


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_realistic_correct_maps_have_no_error_or_warning(path):
    assert loud(run_checks(load_map(path))) == []


def test_there_are_several_realistic_maps_with_every_kind_of_element():
    assert len(CLEAN) >= 6
    maps = [load_map(p) for p in CLEAN]
    infs = [i for m in maps for i in m.inferences.values()]
    assert any(len(i.premises) >= 2 for i in infs), "linked reasons"
    assert any(len(m.supports_of(m.thesis)) >= 2 for m in maps), "convergent reasons"
    attacks_on_inferences = [(m, i) for m in maps for i in m.inferences.values() if m.is_undercut(i)]
    assert any(m.inferences[i.target].is_support for m, i in attacks_on_inferences), "undercuts"
    assert any(m.inferences[i.target].is_attack for m, i in attacks_on_inferences), "rebuttals"
    assert any(i.is_attack and i.target in m.claims and m.attacks_on(i.premises[0]) for m in maps for i in infs)
    assert any(c.source for m in maps for c in m.claims.values())
    assert any(c.assumption for m in maps for c in m.claims.values())


def test_the_rules_still_fire_on_each_clean_map_when_a_term_is_planted():
    """The clean maps pass because their wording holds together, not because the rules are blind."""
    for path in CLEAN:
        text = path.read_text(encoding="utf-8")
        amap = load_map(path)
        thesis = amap.claims[amap.thesis].text
        planted = text.replace(thesis, thesis.rstrip(".") + " despite zebras.", 1)
        names = {f.name for f in run_checks(parse_map(planted, str(path)))}
        assert "missing-link" in names, path.name


# -- details of individual checks ---------------------------------------------------------


def _map(claims: str, inferences: str = "", extra: str = "") -> ArgumentMap:
    return parse_map(f"title: T\nthesis: t\n{extra}claims:\n{claims}inferences:\n{inferences}", "m.yaml")


def test_unanswered_objection_without_id_names_the_objecting_claim():
    amap = _map(
        "  t: Towns should plant trees.\n  p: {text: Trees cool towns plant by plant., assumption: true}\n"
        "  o: {text: Trees cost money., assumption: true}\n",
        "  - {from: [p], to: t}\n  - {from: [o], to: t, type: attack}\n",
    )
    (finding,) = [f for f in run_checks(amap) if f.name == "unanswered-objection"]
    assert (finding.target, finding.line) == ("o", 6)
    assert "'o'" in finding.message and "'t'" in finding.message


def test_an_attack_on_the_objections_premise_answers_it():
    amap = _map(
        "  t: Towns should plant trees.\n  p: {text: Trees cool towns plant by plant., assumption: true}\n"
        "  o: {text: Trees cost money., assumption: true}\n  r: {text: Trees save more than they cost., assumption: true}\n",
        "  - {from: [p], to: t}\n  - {from: [o], to: t, type: attack}\n  - {from: [r], to: o, type: attack}\n",
    )
    assert [f for f in run_checks(amap) if f.name == "unanswered-objection"] == []


def test_missing_link_without_id_names_the_conclusion():
    amap = _map(
        "  t: Towns should plant oaks.\n  p: {text: Towns should plant trees., assumption: true}\n",
        "  - {from: [p], to: t}\n",
    )
    (finding,) = [f for f in run_checks(amap) if f.name == "missing-link"]
    assert finding.target == "t" and "'oaks'" in finding.message


def test_a_warrant_links_terms_like_a_premise():
    claims = "  t: Towns should plant oaks.\n  p: {text: Oaks shade streets., assumption: true}\n"
    assert "missing-link" in {f.name for f in run_checks(_map(claims, "  - {from: [p], to: t}\n"))}
    warranted = _map(claims, "  - {from: [p], to: t, warrant: Towns should plant what shades streets.}\n")
    assert "missing-link" not in {f.name for f in run_checks(warranted)}


def test_a_warrant_holds_hands_with_co_premises():
    claims = (
        "  t: Towns should plant oaks.\n  p: {text: Oaks shade streets in summer., assumption: true}\n"
        "  q: {text: Towns should plant oaks if oaks shade streets., assumption: true}\n"
    )
    plain = run_checks(_map(claims, "  - {from: [p, q], to: t}\n"))
    assert [(f.name, f.target) for f in plain if f.name == "stranded-premise"] == [("stranded-premise", "p")]
    warrant = "  - {from: [p, q], to: t, warrant: Shade matters most in summer.}\n"
    assert "stranded-premise" not in {f.name for f in run_checks(_map(claims, warrant))}


def test_ignore_on_an_element_silences_that_check_only_there():
    text = (FIXTURES / "stranded-premise-fail.yaml").read_text(encoding="utf-8")
    silenced = text.replace("    source: rcn2021\n", "    source: rcn2021\n    ignore: [stranded-premise]\n", 1)
    names = {f.name for f in run_checks(parse_map(silenced, "m.yaml"))}
    assert "stranded-premise" not in names
    by_code = text.replace("    source: rcn2021\n", "    source: rcn2021\n    ignore: AM108\n", 1)
    assert "stranded-premise" not in {f.name for f in run_checks(parse_map(by_code, "m.yaml"))}


def test_ignore_on_another_element_does_not_silence():
    text = (FIXTURES / "stranded-premise-fail.yaml").read_text(encoding="utf-8")
    elsewhere = text.replace("    assumption: true\n", "    assumption: true\n    ignore: [stranded-premise]\n", 1)
    assert "stranded-premise" in {f.name for f in run_checks(parse_map(elsewhere, "m.yaml"))}


def test_ignore_on_an_inference_silences_its_finding():
    text = (FIXTURES / "missing-link-fail.yaml").read_text(encoding="utf-8")
    silenced = text.replace("    id: debt-reason\n", "    id: debt-reason\n    ignore: [missing-link]\n")
    assert "missing-link" not in {f.name for f in run_checks(parse_map(silenced, "m.yaml"))}


def test_ignoring_an_unknown_check_is_a_map_error_at_the_element():
    text = (FIXTURES / "stranded-premise-fail.yaml").read_text(encoding="utf-8")
    typo = text.replace("    source: rcn2021\n", "    source: rcn2021\n    ignore: [stranded-premis]\n", 1)
    with pytest.raises(MapError) as info:
        run_checks(parse_map(typo, "m.yaml"))
    assert str(info.value).startswith("m.yaml:7:")
    assert "did you mean 'stranded-premise'" in str(info.value)


def test_select_and_ignore_choose_checks():
    amap = load_map(FIXTURES / "unsupported-premise-fail.yaml")
    assert {f.code for f in run_checks(amap, select=["AM101"])} == {"AM101"}
    assert {f.name for f in run_checks(amap, select=["single-point-of-failure"])} == {"single-point-of-failure"}
    assert "AM101" not in {f.code for f in run_checks(amap, ignore=["unsupported-premise"])}
    assert run_checks(amap, select=["AM10"], ignore=["AM1"]) == []
    with pytest.raises(ValueError, match="did you mean"):
        run_checks(amap, select=["unsuported-premise"])


def test_findings_are_sorted_by_line():
    findings = run_checks(load_map(FIXTURES / "unsupported-premise-fail.yaml"))
    assert [f.line for f in findings] == sorted(f.line for f in findings)


def test_catalogue_codes_and_names_are_stable_and_unique():
    codes = [c.code for c in catalogue()]
    assert codes == sorted(set(codes))
    assert len({c.name for c in catalogue()}) == len(codes)
    required = {
        "unsupported-premise": "error",
        "unsupported-thesis": "error",
        "circular-support": "error",
        "disconnected": "warning",
        "unanswered-objection": "warning",
        "support-and-attack": "warning",
        "missing-link": "warning",
        "stranded-premise": "warning",
        "single-point-of-failure": "info",
    }
    severities = {c.name: c.severity.value for c in catalogue()}
    for name, severity in required.items():
        assert severities[name] == severity


# -- single-point-of-failure against a brute-force oracle -------------------------------


def _derivable(claims: list[str], supports: list[tuple[tuple[str, ...], str]], removed: str | None) -> set[str]:
    """Claims derivable when ``removed`` is knocked out: the plain fixed point, recomputed from scratch."""
    supported = {target for _, target in supports}
    derived = {c for c in claims if c not in supported and c != removed}
    changed = True
    while changed:
        changed = False
        for premises, target in supports:
            if target != removed and target not in derived and all(p in derived for p in premises):
                derived.add(target)
                changed = True
    return derived


@st.composite
def small_maps(draw):
    """Random small maps: mostly layered (premises below their target), sometimes with circles."""
    n = draw(st.integers(min_value=2, max_value=7))
    claims = [f"c{i}" for i in range(n)]
    circles = draw(st.booleans())
    supports = []
    for _ in range(draw(st.integers(min_value=1, max_value=9))):
        target = draw(st.integers(min_value=0, max_value=n - 2))
        pool = claims if circles else claims[target + 1 :]
        premises = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
        supports.append((tuple(premises), claims[target]))
    attacks = draw(st.lists(st.tuples(st.sampled_from(claims), st.sampled_from(claims)), max_size=3))
    return claims, supports, attacks


def _build(claims, supports, attacks) -> ArgumentMap:
    inferences = [Inference(f"s{i}", premises, target) for i, (premises, target) in enumerate(supports)]
    inferences += [Inference(f"a{i}", (p,), t, type="attack") for i, (p, t) in enumerate(attacks)]
    return ArgumentMap("T", "c0", [Claim(c, f"claim {c}") for c in claims], inferences)


@settings(max_examples=300, deadline=None)
@given(small_maps())
def test_necessary_premises_match_knocking_out_each_claim(case):
    claims, supports, attacks = case
    amap = _build(claims, supports, attacks)
    assert set(derivable_claims(amap)) == _derivable(claims, supports, None)
    if "c0" in _derivable(claims, supports, None):
        expected = {c for c in claims if c != "c0" and "c0" not in _derivable(claims, supports, c)}
    else:
        expected = set()
    assert necessary_premises(amap) == expected
    flagged = {f.target for f in run_checks(amap, select=["single-point-of-failure"])}
    assert flagged == expected


TIED_CIRCLES = """\
title: Tie
thesis: t
claims:
  t: The town should build the bridge.
  p: The bridge will pay for itself.
  q1: Tolls will cover the cost of the bridge.
  q2: Trade across the bridge will cover the cost of the bridge.
inferences:
  - {id: b, from: [t], to: p}
  - {id: c, from: [p], to: q1}
  - {id: d, from: [p], to: q2}
  - {id: e, from: [q1], to: t}
  - {id: f, from: [q2], to: t}
"""


def test_circular_support_names_the_same_circle_in_every_run(tmp_path):
    """Two circles of one length: the one through the claim first in the map, whatever the hash seed."""
    import os
    import subprocess
    import sys

    path = tmp_path / "tie.yaml"
    path.write_text(TIED_CIRCLES)
    outputs = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "check", str(path), "--select", "circular-support"],
            capture_output=True,
            text=True,
            env=env,
        )
        outputs.add(done.stdout.splitlines()[0])
    assert outputs == {f"{path}:4: AM103 circular-support 't' supports itself: t -> p -> q1 -> t"}
