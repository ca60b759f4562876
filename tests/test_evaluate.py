"""The labelling rules on the textbook cases, each with its expected labels written out."""

from __future__ import annotations

import pytest

from argmap import parse_map
from argmap.evaluate import (
    ACCEPTED,
    REJECTED,
    UNDECIDED,
    Change,
    InputError,
    base_score,
    evaluate,
    strengths,
    whatif,
)

A, R, U = ACCEPTED, REJECTED, UNDECIDED


def build(body: str, thesis: str = "t"):
    return parse_map(f"title: test\nthesis: {thesis}\nsources:\n  s: A source.\n{body}", path="test.yaml")


def labels_of(amap, accept=(), reject=()):
    return evaluate(amap, accept=accept, reject=reject).labels


# -- basic premises and overrides ---------------------------------------------------------


def test_basic_premises_accepted_when_sourced_or_assumed_else_undecided():
    amap = build(
        """claims:
  t: Thesis.
  sourced: {text: Sourced., source: s}
  assumed: {text: Assumed., assumption: true}
  bare: Bare.
inferences:
  - {from: [sourced], to: t, id: r1}
  - {from: [assumed], to: t, id: r2}
  - {from: [bare], to: t, id: r3}
"""
    )
    assert labels_of(amap) == {
        "t": A,
        "sourced": A,
        "assumed": A,
        "bare": U,
        "r1": A,
        "r2": A,
        "r3": U,
    }


def test_status_in_the_map_overrides_and_cli_inputs_override_status():
    amap = build(
        """claims:
  t: Thesis.
  p: {text: Sourced but rejected by the author., source: s, status: rejected}
  q: {text: Unsourced but accepted by the author., status: accepted}
inferences:
  - {from: [p], to: t, id: r1}
  - {from: [q], to: t, id: r2}
"""
    )
    assert labels_of(amap) == {"t": A, "p": R, "q": A, "r1": R, "r2": A}
    assert labels_of(amap, accept=["p"], reject=["q"]) == {"t": A, "p": A, "q": R, "r1": A, "r2": R}
    assert labels_of(amap, reject=["q"]) == {"t": R, "p": R, "q": R, "r1": R, "r2": R}


def test_an_attacked_bare_premise_is_rejected_but_never_accepted():
    amap = build(
        """claims:
  t: Thesis.
  bare: Bare.
  counter: {text: Counter., source: s}
inferences:
  - {from: [bare], to: t, id: r1}
  - {from: [counter], to: bare, type: attack, id: x}
"""
    )
    assert labels_of(amap) == {"t": R, "bare": R, "counter": A, "r1": R, "x": A}


# -- linked and convergent reasons ---------------------------------------------------------

LINKED = """claims:
  t: Thesis.
  a: {text: A., source: s}
  b: B.
inferences:
  - {from: [a, b], to: t, id: linked}
"""

CONVERGENT = """claims:
  t: Thesis.
  a: {text: A., source: s}
  b: B.
inferences:
  - {from: [a], to: t, id: ra}
  - {from: [b], to: t, id: rb}
"""


def test_linked_reason_needs_every_co_premise():
    amap = build(LINKED)
    # b is unsourced: the linked reason is only as good as its open co-premise.
    assert labels_of(amap) == {"t": U, "a": A, "b": U, "linked": U}
    assert labels_of(amap, accept=["b"]) == {"t": A, "a": A, "b": A, "linked": A}
    # One failing co-premise sinks the whole reason, and with it the only ground for t.
    assert labels_of(amap, reject=["a"]) == {"t": R, "a": R, "b": U, "linked": R}


def test_convergent_reasons_stand_independently():
    amap = build(CONVERGENT)
    assert labels_of(amap) == {"t": A, "a": A, "b": U, "ra": A, "rb": U}
    assert labels_of(amap, reject=["b"]) == {"t": A, "a": A, "b": R, "ra": A, "rb": R}
    assert labels_of(amap, reject=["a"]) == {"t": U, "a": R, "b": U, "ra": R, "rb": U}
    assert labels_of(amap, reject=["a", "b"]) == {"t": R, "a": R, "b": R, "ra": R, "rb": R}


def test_reject_on_a_shared_co_premise_takes_down_every_reason_that_links_it():
    amap = build(
        """claims:
  t: Thesis.
  shared: {text: Shared., source: s}
  x: {text: X., source: s}
  y: {text: Y., source: s}
inferences:
  - {from: [shared, x], to: t, id: r1}
  - {from: [shared, y], to: t, id: r2}
"""
    )
    assert labels_of(amap) == {"t": A, "shared": A, "x": A, "y": A, "r1": A, "r2": A}
    assert labels_of(amap, reject=["x"]) == {"t": A, "shared": A, "x": R, "y": A, "r1": R, "r2": A}
    assert labels_of(amap, reject=["shared"]) == {"t": R, "shared": R, "x": A, "y": A, "r1": R, "r2": R}


def test_a_sourced_claim_keeps_its_source_when_its_reasons_fail():
    amap = build(
        """claims:
  t: {text: Thesis with its own source., source: s}
  a: {text: A., source: s}
inferences:
  - {from: [a], to: t, id: r1}
"""
    )
    assert labels_of(amap, reject=["a"]) == {"t": A, "a": R, "r1": R}


# -- undercuts ----------------------------------------------------------------------------------

UNDERCUT = """claims:
  t: Thesis.
  a: {text: A., source: s}
  b: {text: B., source: s}
  u: {text: The link from a and b to t does not hold., source: s}
  v: V.
inferences:
  - {from: [a, b], to: t, id: linked}
  - {from: [u], to: linked, type: attack, id: undercut}
  - {from: [v], to: undercut, type: attack, id: rebuttal}
"""


def test_undercut_on_a_linked_reason_defeats_the_reason_not_its_premises():
    amap = build(UNDERCUT)
    # v is unsourced, so the rebuttal is undecided and cannot defeat the undercut;
    # the undercut is then undecided too, and the reason cannot work.
    assert labels_of(amap) == {
        "t": U,
        "a": A,
        "b": A,
        "u": A,
        "v": U,
        "linked": U,
        "undercut": U,
        "rebuttal": U,
    }
    assert labels_of(amap, reject=["v"]) == {
        "t": R,
        "a": A,
        "b": A,
        "u": A,
        "v": R,
        "linked": R,
        "undercut": A,
        "rebuttal": R,
    }
    # A standing rebuttal defeats the undercut and reinstates the reason.
    assert labels_of(amap, accept=["v"]) == {
        "t": A,
        "a": A,
        "b": A,
        "u": A,
        "v": A,
        "linked": A,
        "undercut": R,
        "rebuttal": A,
    }


def test_rejecting_an_inference_directly():
    amap = build(UNDERCUT)
    assert labels_of(amap, reject=["undercut"])["t"] == A
    assert labels_of(amap, reject=["linked"])["t"] == R


def test_support_aimed_at_an_inference_does_not_change_its_label():
    amap = build(
        """claims:
  t: Thesis.
  a: {text: A., source: s}
  backing: {text: Backing., source: s}
inferences:
  - {from: [a], to: t, id: r1}
  - {from: [backing], to: r1, id: back}
"""
    )
    assert labels_of(amap) == {"t": A, "a": A, "backing": A, "r1": A, "back": A}
    assert labels_of(amap, reject=["a"]) == {"t": R, "a": R, "backing": A, "r1": R, "back": A}


# -- attacks: reinstatement and cycles ------------------------------------------------------


def test_reinstatement_along_a_chain_of_attacks():
    amap = build(
        """claims:
  t: {text: T., source: s}
  b: {text: B., source: s}
  c: {text: C., source: s}
inferences:
  - {from: [b], to: t, type: attack, id: b-t}
  - {from: [c], to: b, type: attack, id: c-b}
"""
    )
    # t attacked by b attacked by c: c stands, b falls, t is reinstated.
    assert labels_of(amap) == {"t": A, "b": R, "c": A, "b-t": R, "c-b": A}


def test_reinstatement_chain_of_four_alternates():
    amap = build(
        """claims:
  t: {text: T., source: s}
  b: {text: B., source: s}
  c: {text: C., source: s}
  d: {text: D., source: s}
inferences:
  - {from: [b], to: t, type: attack, id: b-t}
  - {from: [c], to: b, type: attack, id: c-b}
  - {from: [d], to: c, type: attack, id: d-c}
"""
    )
    assert labels_of(amap) == {"t": R, "b": A, "c": R, "d": A, "b-t": A, "c-b": R, "d-c": A}


def test_rebuttal_on_an_attack_reinstates_the_target():
    amap = build(
        """claims:
  t: {text: T., source: s}
  o: {text: Objection., source: s}
  w: {text: The objection misses the point., source: s}
inferences:
  - {from: [o], to: t, type: attack, id: objection}
  - {from: [w], to: objection, type: attack, id: rebuttal}
"""
    )
    # The rebuttal defeats the attack, not the objection's premise.
    assert labels_of(amap) == {"t": A, "o": A, "w": A, "objection": R, "rebuttal": A}


ODD_CYCLE = """claims:
  t: {text: T., source: s}
  a: {text: A., assumption: true}
  b: {text: B., assumption: true}
  c: {text: C., assumption: true}
inferences:
  - {from: [a], to: b, type: attack, id: a-b}
  - {from: [b], to: c, type: attack, id: b-c}
  - {from: [c], to: a, type: attack, id: c-a}
  - {from: [a], to: t, type: attack, id: a-t}
"""


def test_odd_attack_cycle_is_undecided_and_so_is_what_it_attacks():
    amap = build(ODD_CYCLE)
    assert labels_of(amap) == {
        "t": U,
        "a": U,
        "b": U,
        "c": U,
        "a-b": U,
        "b-c": U,
        "c-a": U,
        "a-t": U,
    }


def test_odd_attack_cycle_broken_from_outside():
    amap = build(ODD_CYCLE)
    # Rejecting c settles the cycle: a stands, so b falls, and a's attack on t stands.
    assert labels_of(amap, reject=["c"]) == {
        "t": R,
        "a": A,
        "b": R,
        "c": R,
        "a-b": A,
        "b-c": R,
        "c-a": R,
        "a-t": A,
    }


EVEN_CYCLE = """claims:
  t: {text: T., source: s}
  a: {text: A., assumption: true}
  b: {text: B., assumption: true}
  e: E.
inferences:
  - {from: [a], to: b, type: attack, id: a-b}
  - {from: [b], to: a, type: attack, id: b-a}
  - {from: [b], to: t, type: attack, id: b-t}
  - {from: [e], to: a, type: attack, id: e-a}
"""


def test_even_attack_cycle_is_undecided_in_grounded_semantics():
    amap = build(EVEN_CYCLE)
    # e is unsourced, so its attack is undecided and cannot break the cycle.
    assert labels_of(amap) == {
        "t": U,
        "a": U,
        "b": U,
        "e": U,
        "a-b": U,
        "b-a": U,
        "b-t": U,
        "e-a": U,
    }


def test_even_attack_cycle_settled_by_an_outside_attack():
    amap = build(EVEN_CYCLE)
    assert labels_of(amap, accept=["e"]) == {
        "t": R,
        "a": R,
        "b": A,
        "e": A,
        "a-b": R,
        "b-a": A,
        "b-t": A,
        "e-a": A,
    }


def test_self_attack_is_undecided():
    amap = build(
        """claims:
  t: {text: T., source: s}
  liar: {text: This claim is false., assumption: true}
inferences:
  - {from: [liar], to: liar, type: attack, id: self}
  - {from: [liar], to: t, type: attack, id: liar-t}
"""
    )
    assert labels_of(amap) == {"t": U, "liar": U, "self": U, "liar-t": U}


# -- circular support -----------------------------------------------------------------------

CIRCLE = """claims:
  t: Thesis.
  a: A.
  b: B.
  c: {text: C., source: s}
inferences:
  - {from: [a], to: b, id: a-b}
  - {from: [b], to: a, id: b-a}
  - {from: [a], to: t, id: a-t}
  - {from: [c], to: a, id: c-a}
"""


def test_circular_support_alone_grounds_nothing():
    amap = build(CIRCLE)
    # Without c, a and b only lean on each other: the least fixed point leaves them undecided.
    assert labels_of(amap, reject=["c"]) == {
        "t": U,
        "a": U,
        "b": U,
        "c": R,
        "a-b": U,
        "b-a": U,
        "a-t": U,
        "c-a": R,
    }


def test_circular_support_with_an_outside_ground_is_accepted():
    amap = build(CIRCLE)
    assert labels_of(amap) == {
        "t": A,
        "a": A,
        "b": A,
        "c": A,
        "a-b": A,
        "b-a": A,
        "a-t": A,
        "c-a": A,
    }


# -- the Evaluation object and inputs -------------------------------------------------------


def test_evaluation_covers_every_element_and_explains_each_label():
    amap = build(UNDERCUT)
    result = evaluate(amap, reject=["v"])
    assert set(result.labels) == set(amap.claims) | set(amap.inferences)
    assert result.label("t") == R
    assert result.accepted("a") and not result.accepted("t")
    assert result.thesis == R
    assert result.counts() == {A: 4, R: 4, U: 0}
    assert result.why("t") == "its reason 'linked' fails"
    assert result.why("linked") == "undercut 'undercut' stands"
    assert result.why("v") == "rejected as an input (--reject)"
    assert result.why("a") == "sourced (s)"
    with pytest.raises(KeyError, match="did you mean 'linked'"):
        result.label("linkd")


def test_unknown_or_clashing_inputs_raise_with_a_hint():
    amap = build(LINKED)
    with pytest.raises(InputError, match=r"--reject 'linkd'.*did you mean 'linked'"):
        evaluate(amap, reject=["linkd"])
    with pytest.raises(ValueError, match="both accepted and rejected"):
        evaluate(amap, accept=["a"], reject=["a"])


# -- what-if --------------------------------------------------------------------------------


def test_whatif_lists_changes_thesis_first():
    amap = build(CONVERGENT)
    changes = whatif(amap, reject=["a"])
    assert changes == [Change("t", A, U), Change("a", A, R), Change("ra", A, R)]
    assert whatif(amap, reject=["b"]) == [Change("b", U, R), Change("rb", U, R)]


def test_whatif_with_no_change_is_empty():
    amap = build(CONVERGENT)
    assert whatif(amap, accept=["a"]) == []


# -- DF-QuAD strengths ----------------------------------------------------------------------


def test_base_scores_default_to_half_sourced_to_one_weight_wins():
    amap = build(
        """claims:
  t: Thesis.
  sourced: {text: S., source: s}
  weighted: {text: W., source: s, weight: 0.3}
"""
    )
    assert [base_score(amap.claims[c]) for c in ("t", "sourced", "weighted")] == [0.5, 1.0, 0.3]


def test_dfquad_strengths_by_hand():
    amap = build(
        """claims:
  t: Thesis.
  a: {text: A., source: s}
  b: B.
  c: {text: C., weight: 0.2}
inferences:
  - {from: [a], to: t, id: ra}
  - {from: [b], to: t, type: attack, id: rb}
  - {from: [c], to: b, type: attack, id: rc}
"""
    )
    scores = strengths(amap)
    # b: base 0.5, attacked by 0.2  -> 0.5 - 0.5 * 0.2 = 0.4
    # t: base 0.5, support 1.0, attack 0.4 -> 0.5 + 0.5 * (1.0 - 0.4) = 0.8
    assert scores["c"] == pytest.approx(0.2)
    assert scores["b"] == pytest.approx(0.4)
    assert scores["t"] == pytest.approx(0.8)
    assert scores["a"] == pytest.approx(1.0)


def test_dfquad_linked_reason_is_as_strong_as_its_weakest_co_premise_and_undercuts_weaken_it():
    amap = build(
        """claims:
  t: {text: Thesis., weight: 0.4}
  a: {text: A., source: s}
  b: {text: B., weight: 0.6}
  u: {text: U., weight: 0.5}
inferences:
  - {from: [a, b], to: t, id: linked}
  - {from: [u], to: linked, type: attack, id: undercut}
"""
    )
    # linked: min(1.0, 0.6) = 0.6, undercut by 0.5 -> 0.3; t: 0.4 + 0.6 * 0.3 = 0.58
    assert strengths(amap)["t"] == pytest.approx(0.58)


def test_dfquad_aggregates_convergent_supporters_as_a_probabilistic_sum():
    amap = build(CONVERGENT)
    # supporters 1.0 and 0.5 -> 1 - 0 * 0.5 = 1.0; t: 0.5 + 0.5 * 1.0 = 1.0
    assert strengths(amap)["t"] == pytest.approx(1.0)
    # rejecting a pins it to 0: supporters 0 and 0.5 -> 0.5; t: 0.5 + 0.5 * 0.5 = 0.75
    assert strengths(amap, reject=["a"])["t"] == pytest.approx(0.75)


def test_dfquad_attack_cycle_settles_symmetrically():
    amap = build(
        """claims:
  t: Thesis.
  a: {text: A., source: s}
  b: {text: B., source: s}
inferences:
  - {from: [a], to: b, type: attack}
  - {from: [b], to: a, type: attack}
"""
    )
    scores = strengths(amap)
    # a = 1 - b and b = 1 - a: the damped iteration from (1, 1) meets at the symmetric point.
    assert scores["a"] == pytest.approx(0.5, abs=1e-6)
    assert scores["b"] == pytest.approx(0.5, abs=1e-6)
    assert all(0.0 <= v <= 1.0 for v in scores.values())
