"""Critical premises: minimal sets of basic premises whose rejection brings the thesis down."""

from __future__ import annotations

import time

import pytest

from argmap import ArgumentMap, Claim, Inference, parse_map
from argmap.critical import critical_premises
from argmap.evaluate import ACCEPTED, InputError, evaluate


def build(body: str):
    return parse_map(f"title: test\nthesis: t\nsources:\n  s: A source.\n{body}", path="test.yaml")


def defeats(amap, premises) -> bool:
    return not evaluate(amap, reject=premises).accepted(amap.thesis)


def test_linked_and_convergent_reasons_give_hitting_sets():
    amap = build(
        """claims:
  t: Thesis.
  a: {text: A., source: s}
  b: {text: B., source: s}
  c: {text: C., source: s}
inferences:
  - {from: [a, b], to: t, id: linked}
  - {from: [c], to: t, id: alone}
"""
    )
    # Lines of support: {a, b} and {c}; each minimal hitting set takes one from each line.
    result = critical_premises(amap)
    assert result.sets == [frozenset({"a", "c"}), frozenset({"b", "c"})]
    assert result.weakest == []
    assert result.exact and result.method.startswith("exact")
    assert result.thesis_label == ACCEPTED


def test_a_chain_has_every_link_as_a_weakest_premise():
    amap = build(
        """claims:
  t: Thesis.
  m: Middle.
  a: {text: A., source: s}
  b: {text: B., assumption: true}
inferences:
  - {from: [m], to: t}
  - {from: [a, b], to: m}
"""
    )
    result = critical_premises(amap)
    assert result.sets == [frozenset({"a"}), frozenset({"b"})]
    assert result.weakest == ["a", "b"]


def test_rejecting_a_rebuttal_premise_can_be_critical():
    amap = build(
        """claims:
  t: {text: Thesis., source: s}
  o: {text: Objection., source: s}
  w: {text: Rebuttal., source: s}
inferences:
  - {from: [o], to: t, type: attack, id: objection}
  - {from: [w], to: objection, type: attack, id: rebuttal}
"""
    )
    # Knocking out w revives the objection; knocking out o only helps t.
    result = critical_premises(amap)
    assert result.sets == [frozenset({"w"})]
    assert result.candidates == ("o", "w")


def test_a_premise_rejected_now_can_belong_to_a_critical_set():
    amap = build(
        """claims:
  t: Thesis.
  u: {text: U., source: s}
  o: {text: O., source: s}
inferences:
  - {from: [u], to: t, id: ru}
  - {from: [o], to: t, id: ro}
  - {from: [o], to: u, type: attack, id: o-u}
"""
    )
    # o knocks u out, so t stands on o alone; rejecting o revives u, which then carries t.
    # Only rejecting both brings t down, although u is rejected before anything is.
    assert evaluate(amap).label("u") == "rejected"
    result = critical_premises(amap)
    assert result.sets == [frozenset({"o", "u"})]
    assert result.exact


def test_nothing_to_bring_down_when_the_thesis_is_not_accepted():
    amap = build(
        """claims:
  t: Thesis.
  a: A.
inferences:
  - {from: [a], to: t}
"""
    )
    result = critical_premises(amap)
    assert result.sets == [] and result.exact
    assert result.thesis_label == "undecided"
    assert "nothing to bring down" in result.method


def test_inputs_are_held_fixed_and_not_candidates():
    amap = build(
        """claims:
  t: Thesis.
  a: {text: A., source: s}
  b: B.
inferences:
  - {from: [a, b], to: t}
"""
    )
    result = critical_premises(amap, accept=["b"])
    assert result.sets == [frozenset({"a"})]
    with pytest.raises(InputError):
        critical_premises(amap, reject=["nope"])


def _fan(n: int) -> ArgumentMap:
    """A thesis with ``n`` independent sourced reasons: only all ``n`` together bring it down."""
    claims = [Claim("t", "Thesis.")] + [Claim(f"p{i:02d}", f"Premise {i}.", assumption=True) for i in range(n)]
    inferences = [Inference(f"r{i:02d}", (f"p{i:02d}",), "t") for i in range(n)]
    return ArgumentMap("fan", "t", claims, inferences)


def test_exact_when_the_search_space_is_small():
    result = critical_premises(_fan(6))
    assert result.sets == [frozenset(f"p{i:02d}" for i in range(6))]
    assert result.exact
    assert result.trials == 2**6 - 1


def test_max_size_bounds_the_search_and_says_so():
    result = critical_premises(_fan(6), max_size=3)
    assert result.sets == []
    assert not result.exact
    assert "at most 3" in result.method


def test_max_size_is_still_exact_when_nothing_larger_can_be_minimal():
    amap = build(
        """claims:
  t: Thesis.
  a: {text: A., source: s}
  b: {text: B., source: s}
inferences:
  - {from: [a], to: t}
  - {from: [b], to: t}
"""
    )
    result = critical_premises(amap, max_size=2)
    assert result.sets == [frozenset({"a", "b"})]
    assert result.exact


def test_the_work_limit_stops_a_combinatorial_search_quickly():
    start = time.perf_counter()
    result = critical_premises(_fan(40), limit=20_000)
    assert time.perf_counter() - start < 5
    assert not result.exact
    assert "work limit" in result.method
    for members in result.sets:  # whatever was found is still genuinely critical
        assert defeats(_fan(40), members)


def test_default_limit_never_hangs_on_a_robust_thesis():
    start = time.perf_counter()
    result = critical_premises(_fan(30))
    assert time.perf_counter() - start < 30
    assert not result.exact
