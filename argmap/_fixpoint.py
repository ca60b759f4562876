"""The labelling engine behind :mod:`argmap.evaluate` and :mod:`argmap.critical`.

A map compiled to integer adjacency lists, and the counter-based propagation that
computes the least fixed point of the labelling rules in ``docs/evaluation.md``.
Private: the public API is :func:`argmap.evaluate.evaluate`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from argmap.model import ArgumentMap

__all__ = ["CODES", "IN", "NAMES", "OUT", "UNDEC", "UNKNOWN", "Index", "label_all", "solve"]

UNKNOWN, IN, OUT, UNDEC = 0, 1, 2, 3
NAMES = {IN: "accepted", OUT: "rejected", UNDEC: "undecided"}
CODES = {"accepted": IN, "rejected": OUT}


class Index:
    """The map as integer adjacency lists, so that labelling touches each edge at most twice.

    Elements are numbered claims first, then inferences, each group sorted by id, so that
    nothing computed here depends on the order in which the map lists its elements.
    """

    def __init__(self, amap: ArgumentMap) -> None:
        claims = sorted(amap.claims)
        inferences = sorted(amap.inferences)
        self.ids: list[str] = claims + inferences
        self.number: dict[str, int] = {eid: n for n, eid in enumerate(self.ids)}
        self.n_claims = len(claims)
        n = len(self.ids)
        self.given = [False] * n
        for k, cid in enumerate(claims):
            claim = amap.claims[cid]
            self.given[k] = claim.source is not None or claim.assumption
        self.supports: list[list[int]] = [[] for _ in range(n)]
        self.attacks: list[list[int]] = [[] for _ in range(n)]
        self.users: list[list[int]] = [[] for _ in range(n)]
        self.premises: list[list[int]] = [[] for _ in range(n)]
        self.target = [-1] * n
        self.is_attack = [False] * n
        number = self.number
        for k in range(self.n_claims, n):
            inf = amap.inferences[self.ids[k]]
            t = number[inf.target]
            self.target[k] = t
            self.is_attack[k] = inf.is_attack
            (self.attacks if inf.is_attack else self.supports)[t].append(k)
            self.premises[k] = [number[p] for p in inf.premises]
            for p in self.premises[k]:
                self.users[p].append(k)

    def is_claim(self, k: int) -> bool:
        return k < self.n_claims

    def successors(self, k: int) -> list[int]:
        """What ``k``'s label can change: the inferences it is a premise of, or its target."""
        return self.users[k] if k < self.n_claims else [self.target[k]]


def solve(index: Index, labels: list[int], todo: Iterable[int]) -> None:
    """Label the ``todo`` elements (all ``UNKNOWN`` in ``labels``) as the least fixed point.

    Elements outside ``todo`` keep their labels and act as fixed inputs. Counters record,
    per element, how many attacks are not yet rejected, how many supports or premises are
    not yet settled; a label is set once and never revised, so each element enters the
    queue at most once and each edge is looked at a bounded number of times.
    """
    todo = list(todo)
    att_left: dict[int, int] = {}
    pos_left: dict[int, int] = {}  # claims: supports not yet rejected; inferences: premises not yet accepted
    pos_in: dict[int, bool] = {}  # claims: some support accepted
    verdict: dict[int, int] = {}
    for k in todo:
        attacks = index.attacks[k]
        attacked = any(labels[a] == IN for a in attacks)
        att_left[k] = sum(labels[a] != OUT for a in attacks)
        if index.is_claim(k):
            supports = index.supports[k]
            pos_left[k] = sum(labels[s] != OUT for s in supports)
            pos_in[k] = any(labels[s] == IN for s in supports)
            failed = not index.given[k] and bool(supports) and pos_left[k] == 0
            grounded = index.given[k] or pos_in[k]
        else:
            premises = index.premises[k]
            pos_left[k] = sum(labels[p] != IN for p in premises)
            failed = any(labels[p] == OUT for p in premises)
            grounded = pos_left[k] == 0
        if attacked or failed:
            verdict[k] = OUT
        elif grounded and att_left[k] == 0:
            verdict[k] = IN
    queue: list[int] = []
    for k, label in verdict.items():
        labels[k] = label
        queue.append(k)
    given, n_claims, target, is_attack = index.given, index.n_claims, index.target, index.is_attack
    supports_of = index.supports
    while queue:
        k = queue.pop()
        label = labels[k]
        if k < n_claims:
            for i in index.users[k]:
                if labels[i] != UNKNOWN:
                    continue
                if label == OUT:
                    labels[i] = OUT
                    queue.append(i)
                else:
                    pos_left[i] -= 1
                    if pos_left[i] == 0 and att_left[i] == 0:
                        labels[i] = IN
                        queue.append(i)
            continue
        t = target[k]
        if labels[t] != UNKNOWN:
            continue
        if is_attack[k]:
            if label == IN:
                labels[t] = OUT
                queue.append(t)
                continue
            att_left[t] -= 1
            ready = pos_left[t] == 0 if t >= n_claims else given[t] or pos_in[t]
            if att_left[t] == 0 and ready:
                labels[t] = IN
                queue.append(t)
        elif t < n_claims:  # a support of a claim; support of an inference (backing) changes nothing
            if label == IN:
                pos_in[t] = True
                if att_left[t] == 0:
                    labels[t] = IN
                    queue.append(t)
            else:
                pos_left[t] -= 1
                if pos_left[t] == 0 and not given[t] and supports_of[t]:
                    labels[t] = OUT
                    queue.append(t)
    for k in todo:
        if labels[k] == UNKNOWN:
            labels[k] = UNDEC


def label_all(index: Index, fixed: Mapping[str, tuple[str, str]]) -> list[int]:
    """Labels of every element, ``fixed`` (id -> (label, why)) held as given."""
    labels = [UNKNOWN] * len(index.ids)
    for eid, (label, _) in fixed.items():
        labels[index.number[eid]] = CODES[label]
    solve(index, labels, (k for k, label in enumerate(labels) if label == UNKNOWN))
    return labels
