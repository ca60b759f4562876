"""Which claims stand: acceptability labels, gradual strengths and what-if comparisons.

Every claim and inference gets one of three labels, ``accepted``, ``rejected`` or
``undecided``, as the least fixed point of the rules written out in
``docs/evaluation.md``: a support works when all its linked co-premises are accepted
and nothing undercuts it; a claim stands when one of its grounds works and every attack
on it has failed; attacks reinstate as in Dung's grounded semantics; whatever the rules
cannot settle (attack cycles, circular support) stays undecided. The fixed point is
computed by propagation with counters, each edge handled at most twice, so the time is
linear in the map's size and the result does not depend on the order of the map.

:func:`strengths` adds DF-QuAD gradual strengths (Rago, Toni, Aurisicchio and Baroni,
KR 2016) for readers who want degrees instead of three labels.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from argmap._fixpoint import NAMES, Index, components, label_all
from argmap._gc import collector_paused
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, Claim, did_you_mean

__all__ = [
    "ACCEPTED",
    "BASE_SCORE",
    "LABELS",
    "REJECTED",
    "SOURCED_BASE_SCORE",
    "UNDECIDED",
    "Change",
    "Evaluation",
    "InputError",
    "base_score",
    "check_inputs",
    "evaluate",
    "fixed_labels",
    "strengths",
    "whatif",
]

ACCEPTED = "accepted"
REJECTED = "rejected"
UNDECIDED = "undecided"
LABELS = (ACCEPTED, REJECTED, UNDECIDED)

BASE_SCORE = 0.5
"""DF-QuAD base score of a claim with no ``weight:`` and no source: no evidence either way."""
SOURCED_BASE_SCORE = 1.0
"""DF-QuAD base score of a claim with a ``source:`` and no ``weight:``: taken as established."""


class InputError(ArgmapError, ValueError):
    """An ``accept``/``reject`` input names no element of the map, or names one twice."""


def check_inputs(amap: ArgumentMap, accept: Iterable[str], reject: Iterable[str]) -> tuple[list[str], list[str]]:
    """The ``accept`` and ``reject`` ids without repeats; :class:`InputError` for unknown or clashing ids."""
    accept, reject = list(dict.fromkeys(accept)), list(dict.fromkeys(reject))
    known = [*amap.claims, *amap.inferences]
    for option, ids in (("accept", accept), ("reject", reject)):
        for eid in ids:
            if eid not in amap:
                raise InputError(
                    f"--{option} '{eid}': the map has no claim or inference with this id{did_you_mean(eid, known)}"
                )
    both = sorted(set(accept) & set(reject))
    if both:
        raise InputError(f"'{both[0]}' is both accepted and rejected: give it to --accept or --reject, not both")
    return accept, reject


def fixed_labels(amap: ArgumentMap, accept: Iterable[str], reject: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Element id -> (label, why) for every label fixed from outside the rules (checked inputs).

    ``accept`` and ``reject`` win over a claim's ``status:`` in the map.
    """
    fixed: dict[str, tuple[str, str]] = {}
    for claim in amap.claims.values():
        if claim.status in (ACCEPTED, REJECTED):
            fixed[claim.id] = (claim.status, f"status: {claim.status} in the map")
    for eid in accept:
        fixed[eid] = (ACCEPTED, "accepted as an input (--accept)")
    for eid in reject:
        fixed[eid] = (REJECTED, "rejected as an input (--reject)")
    return fixed


# -- the public API ---------------------------------------------------------------------


@dataclass(frozen=True)
class Evaluation:
    """The labels of one map under given inputs, with the reason for each.

    ``labels`` maps every claim and inference id to ``accepted``, ``rejected`` or
    ``undecided``, claims first, each in map order.
    """

    amap: ArgumentMap = field(repr=False)
    labels: dict[str, str]
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    fixed: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)

    def label(self, element_id: str) -> str:
        """The label of a claim or inference (``KeyError`` with a hint for an unknown id)."""
        try:
            return self.labels[element_id]
        except KeyError:
            raise KeyError(f"no claim or inference '{element_id}'{did_you_mean(element_id, self.labels)}") from None

    def accepted(self, element_id: str) -> bool:
        return self.label(element_id) == ACCEPTED

    @property
    def thesis(self) -> str:
        """The thesis's label."""
        return self.labels[self.amap.thesis]

    def counts(self) -> dict[str, int]:
        """How many elements carry each label."""
        counts = dict.fromkeys(LABELS, 0)
        for label in self.labels.values():
            counts[label] += 1
        return counts

    def why(self, element_id: str) -> str:
        """One line saying which rule gave the element its label."""
        label = self.label(element_id)
        if element_id in self.fixed:
            return self.fixed[element_id][1]
        amap, labels = self.amap, self.labels
        name = amap.describe

        def having(ids: Iterable[str], wanted: str) -> list[str]:
            return sorted(i for i in ids if labels[i] == wanted)

        attacks = [inf.id for inf in amap.attacks_on(element_id)]
        if element_id in amap.claims:
            claim = amap.claims[element_id]
            supports = [inf.id for inf in amap.supports_of(element_id)]
            ground = _ground(claim)
            if label == ACCEPTED:
                reasons = having(supports, ACCEPTED)
                stand = f"reason {name(reasons[0])} works" if reasons else ground
                return stand + ("; every attack on it fails" if attacks else "")
            if label == REJECTED:
                winners = having(attacks, ACCEPTED)
                if winners:
                    return f"attack {name(winners[0])} stands"
                return "every reason for it fails" if len(supports) > 1 else f"its reason {name(supports[0])} fails"
            open_attacks = having(attacks, UNDECIDED)
            if (ground or having(supports, ACCEPTED)) and open_attacks:
                return f"attack {name(open_attacks[0])} is undecided"
            if supports:
                return f"no reason works yet: {name(having(supports, UNDECIDED)[0])} is undecided"
            return "a basic claim with no source, not an assumption: nothing grounds it"
        inference = amap.inferences[element_id]
        premises = list(inference.premises)
        if label == ACCEPTED:
            return "all premises accepted" + ("; every undercut fails" if attacks else "")
        if label == REJECTED:
            winners = having(attacks, ACCEPTED)
            if winners:
                return f"undercut {name(winners[0])} stands"
            return f"premise {name(having(premises, REJECTED)[0])} is rejected"
        waiting = having(premises, UNDECIDED)
        if waiting:
            return f"premise {name(waiting[0])} is undecided"
        return f"undercut {name(having(attacks, UNDECIDED)[0])} is undecided"


def _ground(claim: Claim) -> str:
    if claim.source is not None:
        return f"sourced ({claim.source})"
    return "an assumption" if claim.assumption else ""


def evaluate(amap: ArgumentMap, accept: Iterable[str] = (), reject: Iterable[str] = ()) -> Evaluation:
    """Label every claim and inference of ``amap`` (see ``docs/evaluation.md``).

    ``accept`` and ``reject`` fix the labels of the elements they name, above any
    ``status:`` in the map; an unknown id, or one given to both, raises :class:`InputError`.
    Runs in time linear in the size of the map.
    """
    accept_ids, reject_ids = check_inputs(amap, accept, reject)
    with collector_paused():  # the index and the labels are many small containers, none in a cycle
        fixed = fixed_labels(amap, accept_ids, reject_ids)
        index = Index(amap)
        codes = label_all(index, fixed)
        labels = dict(zip(index.ids, map(NAMES.__getitem__, codes), strict=True))
    return Evaluation(amap, labels, tuple(accept_ids), tuple(reject_ids), fixed)


@dataclass(frozen=True)
class Change:
    """One element whose label differs between two evaluations."""

    id: str
    before: str
    after: str


def whatif(amap: ArgumentMap, accept: Iterable[str] = (), reject: Iterable[str] = ()) -> list[Change]:
    """The elements whose label changes when ``accept``/``reject`` are added to the map as it is.

    The thesis comes first, then claims and inferences in map order.
    """
    before = evaluate(amap)
    after = evaluate(amap, accept, reject)
    order = [amap.thesis, *(c for c in amap.claims if c != amap.thesis), *amap.inferences]
    return [
        Change(eid, before.labels[eid], after.labels[eid]) for eid in order if before.labels[eid] != after.labels[eid]
    ]


# -- gradual strength (DF-QuAD) -----------------------------------------------------------


def base_score(claim: Claim) -> float:
    """A claim's DF-QuAD base score: its ``weight:``, else 1.0 when sourced, else 0.5."""
    if claim.weight is not None:
        return claim.weight
    return SOURCED_BASE_SCORE if claim.source is not None else BASE_SCORE


def _aggregate(values: Iterable[float]) -> float:
    """DF-QuAD's strength of a set of attackers or supporters: ``1 - prod(1 - v)``; 0 for none.

    Multiplied in sorted order, so that the last bits do not depend on the map's order.
    """
    rest = 1.0
    for value in sorted(values):
        rest *= 1.0 - value
    return 1.0 - rest


def _combine(base: float, attack: float, support: float) -> float:
    """DF-QuAD's combination: move the base score towards 0 or 1 by the difference."""
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def strengths(
    amap: ArgumentMap,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    *,
    rounds: int = 1000,
    tolerance: float = 1e-7,
) -> dict[str, float]:
    """Every claim's DF-QuAD strength in [0, 1] (Rago, Toni, Aurisicchio, Baroni, KR 2016).

    A claim's strength combines its base score (:func:`base_score`) with the aggregated
    strengths of the inferences attacking and supporting it. An inference is an argument
    too: its base score is its weakest co-premise's strength (a linked reason is as
    strong as its weakest link), lowered by its undercuts. Elements fixed by ``status:``,
    ``accept`` or ``reject`` have strength 1 or 0. The map is processed component by
    component in dependency order; within a cycle, where DF-QuAD itself is undefined,
    the damped update ``x <- (x + f(x)) / 2`` runs until no value moves more than
    ``tolerance`` or for ``rounds`` rounds.
    """
    accept_ids, reject_ids = check_inputs(amap, accept, reject)
    pinned = {
        eid: 1.0 if label == ACCEPTED else 0.0 for eid, (label, _) in fixed_labels(amap, accept_ids, reject_ids).items()
    }
    index = Index(amap)
    n = len(index.ids)
    value = [0.0] * n
    base = [base_score(amap.claims[index.ids[k]]) if index.is_claim(k) else 0.0 for k in range(n)]
    fixed = [index.number[eid] for eid in pinned]
    for k in fixed:
        value[k] = pinned[index.ids[k]]
    is_fixed = [False] * n
    for k in fixed:
        is_fixed[k] = True

    def update(k: int) -> float:
        attack = _aggregate(value[a] for a in index.attacks(k))
        if index.is_claim(k):
            return _combine(base[k], attack, _aggregate(value[s] for s in index.inputs(k)))
        weakest = min(value[p] for p in index.inputs(k))
        return _combine(weakest, attack, 0.0)

    for component in components(index):
        members = sorted(k for k in component if not is_fixed[k])
        if not members:
            continue
        if len(component) == 1:  # no element feeds itself directly, so a single one is acyclic
            value[members[0]] = update(members[0])
            continue
        for k in members:
            value[k] = base[k] if index.is_claim(k) else 0.0
        for _ in range(rounds):
            new = [(value[k] + update(k)) / 2 for k in members]
            moved = max(abs(v - value[k]) for v, k in zip(new, members, strict=True))
            for v, k in zip(new, members, strict=True):
                value[k] = v
            if moved <= tolerance:
                break
    return {cid: value[index.number[cid]] for cid in amap.claims}
