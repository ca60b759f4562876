"""Property tests on random maps: the labelling is the least fixed point of the written rules,
whatever the map's order, and the critical premise sets are exactly the minimal defeating sets."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, Inference, Source
from argmap.critical import critical_premises
from argmap.evaluate import ACCEPTED, REJECTED, UNDECIDED, evaluate, strengths, whatif

SETTINGS = settings(max_examples=150, deadline=None)


@st.composite
def maps(draw, max_claims: int = 7, max_inferences: int = 9, attacks_only: bool = False, bare: int = 2, focus: int = 4):
    """A random map: any mix of sourced, assumed, bare and status-marked claims; linked
    and single reasons; attacks on claims and on inferences; cycles of every kind.

    ``bare`` weighs how often a claim is neither sourced nor assumed (out of ``bare + 2``);
    one inference in ``focus`` aims at the thesis.
    """
    n = draw(st.integers(1, max_claims))
    claims = []
    for k in range(n):
        kinds = ["source", "assumption"] + ["bare"] * (bare if k else 6)  # the thesis is mostly argued for
        ground = "assumption" if attacks_only else draw(st.sampled_from(kinds))
        status = None if attacks_only or not k else draw(st.sampled_from([None] * 6 + ["accepted", "rejected"]))
        claims.append(
            Claim(
                f"c{k}",
                f"Claim {k}.",
                source="s" if ground == "source" else None,
                assumption=ground == "assumption",
                status=status,
            )
        )
    inferences: list[Inference] = []
    for j in range(draw(st.integers(0, max_inferences))):
        if attacks_only:
            premises = (f"c{draw(st.integers(0, n - 1))}",)
            target = f"c{draw(st.integers(0, n - 1))}"
            kind = "attack"
        else:
            chosen = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3, unique=True))
            premises = tuple(f"c{k}" for k in chosen)
            targets = [f"c{k}" for k in range(n)] + [inf.id for inf in inferences]
            target = "c0" if draw(st.integers(1, focus)) == 1 else draw(st.sampled_from(targets))
            kind = draw(st.sampled_from(["support", "support", "attack"]))
        inferences.append(Inference(f"i{j}", premises, target, type=kind))
    return ArgumentMap("random", "c0", claims, inferences, [Source("s", "A source.")])


def rebuilt(amap: ArgumentMap, claim_order: list[int], inference_order: list[int]) -> ArgumentMap:
    claims = list(amap.claims.values())
    inferences = list(amap.inferences.values())
    return ArgumentMap(
        amap.title,
        amap.thesis,
        [claims[k] for k in claim_order],
        [inferences[k] for k in inference_order],
        amap.sources.values(),
    )


def reference_labels(amap: ArgumentMap, accept=(), reject=()) -> dict[str, str]:
    """The rules of docs/evaluation.md applied naively, round after round, until nothing changes."""
    label: dict[str, str | None] = {eid: None for eid in [*amap.claims, *amap.inferences]}
    for claim in amap.claims.values():
        if claim.status:
            label[claim.id] = claim.status
    for eid in accept:
        label[eid] = ACCEPTED
    for eid in reject:
        label[eid] = REJECTED
    fixed = {eid for eid, value in label.items() if value is not None}
    changed = True
    while changed:
        changed = False
        for eid in label:
            if eid in fixed or label[eid] is not None:
                continue
            attacks = [label[a.id] for a in amap.attacks_on(eid)]
            if eid in amap.claims:
                claim = amap.claims[eid]
                grounded = claim.source is not None or claim.assumption
                supports = [label[s.id] for s in amap.supports_of(eid)]
                if ACCEPTED in attacks or (not grounded and supports and all(s == REJECTED for s in supports)):
                    new = REJECTED
                elif (grounded or ACCEPTED in supports) and all(a == REJECTED for a in attacks):
                    new = ACCEPTED
                else:
                    continue
            else:
                premises = [label[p] for p in amap.inferences[eid].premises]
                if ACCEPTED in attacks or REJECTED in premises:
                    new = REJECTED
                elif all(p == ACCEPTED for p in premises) and all(a == REJECTED for a in attacks):
                    new = ACCEPTED
                else:
                    continue
            label[eid] = new
            changed = True
    return {eid: value or UNDECIDED for eid, value in label.items()}


def grounded_extension(amap: ArgumentMap) -> set[str]:
    """Dung's grounded extension of a map whose inferences are all single-premise attacks on claims."""
    attackers = {c: {inf.premises[0] for inf in amap.attacks_on(c)} for c in amap.claims}
    extension: set[str] = set()
    while True:
        defeated = {c for c in amap.claims if attackers[c] & extension}
        new = {c for c in amap.claims if attackers[c] <= defeated}
        if new == extension:
            return extension
        extension = new


@SETTINGS
@given(maps())
def test_labels_are_total_and_deterministic(amap):
    first = evaluate(amap).labels
    assert set(first) == set(amap.claims) | set(amap.inferences)
    assert set(first.values()) <= {ACCEPTED, REJECTED, UNDECIDED}
    assert evaluate(amap).labels == first


@SETTINGS
@given(maps(), st.data())
def test_labels_match_the_written_rules(amap, data):
    ids = sorted([*amap.claims, *amap.inferences])
    chosen = data.draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))
    split = data.draw(st.integers(0, len(chosen)))
    accept, reject = chosen[:split], chosen[split:]
    assert evaluate(amap, accept, reject).labels == reference_labels(amap, accept, reject)


@SETTINGS
@given(maps(), st.randoms(use_true_random=False))
def test_labels_do_not_depend_on_the_order_of_the_map(amap, rng):
    claim_order = list(range(len(amap.claims)))
    inference_order = list(range(len(amap.inferences)))
    rng.shuffle(claim_order)
    rng.shuffle(inference_order)
    shuffled = rebuilt(amap, claim_order, inference_order)
    assert evaluate(shuffled).labels == evaluate(amap).labels
    assert strengths(shuffled) == strengths(amap)
    assert sorted(critical_premises(shuffled).sets, key=sorted) == sorted(critical_premises(amap).sets, key=sorted)


@SETTINGS
@given(maps())
def test_strengths_lie_in_the_unit_interval(amap):
    scores = strengths(amap)
    assert set(scores) == set(amap.claims)
    assert all(0.0 <= value <= 1.0 for value in scores.values())


@SETTINGS
@given(maps(attacks_only=True))
def test_pure_attack_maps_follow_dungs_grounded_semantics(amap):
    labels = evaluate(amap).labels
    extension = grounded_extension(amap)
    assert {c for c in amap.claims if labels[c] == ACCEPTED} == extension
    defeated = {c for c in amap.claims if any(inf.premises[0] in extension for inf in amap.attacks_on(c))}
    assert {c for c in amap.claims if labels[c] == REJECTED} == defeated


def derivable_without(amap: ArgumentMap, premise: str) -> set[str]:
    """Claims with a line of support that avoids ``premise``: grounded, unsupported or status-accepted claims,
    closed under support."""
    found = {
        c.id
        for c in amap.claims.values()
        if c.id != premise
        and (c.source is not None or c.assumption or c.status == ACCEPTED or not amap.supports_of(c.id))
    }
    changed = True
    while changed:
        changed = False
        for inf in amap.inferences.values():
            fresh = inf.target in amap.claims and inf.target not in found and inf.target != premise
            if inf.is_support and fresh and all(p in found for p in inf.premises):
                found.add(inf.target)
                changed = True
    return found


@SETTINGS
@given(maps(), st.data())
def test_rejecting_a_premise_never_accepts_a_claim_that_depended_only_on_it(amap, data):
    basics = sorted(c.id for c in amap.basic_premises())
    if not basics:
        return
    premise = data.draw(st.sampled_from(basics))
    after = evaluate(amap, reject=[premise]).labels
    for claim in set(amap.claims) - derivable_without(amap, premise):
        assert after[claim] != ACCEPTED, claim


@SETTINGS
@given(maps(), st.data())
def test_whatif_reports_exactly_the_differences(amap, data):
    ids = sorted([*amap.claims, *amap.inferences])
    reject = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
    before, after = evaluate(amap).labels, evaluate(amap, reject=reject).labels
    changes = whatif(amap, reject=reject)
    assert {c.id: (c.before, c.after) for c in changes} == {
        eid: (before[eid], after[eid]) for eid in ids if before[eid] != after[eid]
    }
    if amap.thesis in {c.id for c in changes}:
        assert changes[0].id == amap.thesis


def defeats(amap: ArgumentMap, premises) -> bool:
    return not evaluate(amap, reject=premises).accepted(amap.thesis)


@SETTINGS
@given(maps(max_claims=8, max_inferences=10, bare=1, focus=2))
def test_critical_sets_defeat_the_thesis_and_are_minimal(amap):
    result = critical_premises(amap)
    assert result.exact
    for members in result.sets:
        assert defeats(amap, members)
        for size in range(len(members)):
            for subset in combinations(sorted(members), size):
                assert not defeats(amap, subset), (members, subset)
    assert result.sets == sorted(result.sets, key=lambda s: (len(s), sorted(s)))
    assert result.weakest == sorted(next(iter(s)) for s in result.sets if len(s) == 1)


@settings(max_examples=300, deadline=None)
@given(maps(max_claims=5, max_inferences=7, bare=0, focus=2))
def test_critical_sets_are_all_the_minimal_defeating_sets(amap):
    result = critical_premises(amap)
    if result.thesis_label != ACCEPTED:
        assert result.sets == []
        return
    # Brute force over every subset of every basic premise (not only the accepted ones).
    basics = sorted(c.id for c in amap.basic_premises() if c.id != amap.thesis)
    defeating = [
        frozenset(subset)
        for size in range(1, len(basics) + 1)
        for subset in combinations(basics, size)
        if defeats(amap, subset)
    ]
    minimal = [s for s in defeating if not any(other < s for other in defeating)]
    assert sorted(result.sets, key=sorted) == sorted(minimal, key=sorted)
