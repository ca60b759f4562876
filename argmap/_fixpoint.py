"""The labelling engine behind :mod:`argmap.evaluate` and :mod:`argmap.critical`.

A map compiled to integer adjacency lists, and the counter-based propagation that
computes the least fixed point of the labelling rules in ``docs/evaluation.md``.
Private: the public API is :func:`argmap.evaluate.evaluate`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from argmap.model import ArgumentMap

__all__ = ["CODES", "IN", "NAMES", "OUT", "UNDEC", "UNKNOWN", "Index", "components", "label_all", "solve"]

UNKNOWN, IN, OUT, UNDEC = 0, 1, 2, 3
NAMES = {IN: "accepted", OUT: "rejected", UNDEC: "undecided"}
CODES = {"accepted": IN, "rejected": OUT}


def _csr(n: int, keys: list[int], values: list[int]) -> tuple[list[int], list[int]]:
    """Group ``values`` by ``keys`` (0 <= key < n) as offsets and one flat list, in input order."""
    offsets = [0] * (n + 1)
    for key in keys:
        offsets[key + 1] += 1
    for k in range(n):
        offsets[k + 1] += offsets[k]
    fill = offsets[:-1]
    flat = [0] * len(values)
    for key, value in zip(keys, values, strict=True):
        flat[fill[key]] = value
        fill[key] += 1
    return offsets, flat


class Index:
    """The map as integer adjacency arrays, so that labelling touches each edge at most twice.

    Elements are numbered claims first, then inferences, each in map order. The labels
    do not depend on that order (the least fixed point is unique); what reads the index
    and could (float sums, listings) sorts by id itself. The adjacency is stored flat (offsets into one list per relation) rather than as a list
    per element: a large map then costs a handful of objects, not hundreds of thousands.

    Per element ``k``: ``att[att_off[k]:att_off[k + 1]]`` are the attacks on it;
    ``pos[pos_off[k]:pos_off[k + 1]]`` its positive inputs (a claim's supports, an
    inference's premises); ``out[out_off[k]:out_off[k + 1]]`` what its label feeds (a
    claim's inferences, an inference's target).
    """

    def __init__(self, amap: ArgumentMap) -> None:
        claims = list(amap.claims)
        inferences = list(amap.inferences)
        self.ids: list[str] = claims + inferences
        self.number: dict[str, int] = {eid: n for n, eid in enumerate(self.ids)}
        self.n_claims = len(claims)
        n = len(self.ids)
        table = amap.claims
        self.given = [table[c].source is not None or table[c].assumption for c in claims] + [False] * len(inferences)
        self.target = [-1] * self.n_claims
        self.is_attack = [False] * self.n_claims
        number = self.number
        att_keys: list[int] = []
        att_values: list[int] = []
        pos_keys: list[int] = []
        pos_values: list[int] = []
        out_keys: list[int] = []
        out_values: list[int] = []
        for k, iid in enumerate(inferences, self.n_claims):
            inf = amap.inferences[iid]
            t = number[inf.target]
            self.target.append(t)
            self.is_attack.append(inf.is_attack)
            if inf.is_attack:
                att_keys.append(t)
                att_values.append(k)
            elif t < self.n_claims:  # a support of an inference (backing) is no input to it
                pos_keys.append(t)
                pos_values.append(k)
            out_keys.append(k)
            out_values.append(t)
            for premise in inf.premises:
                p = number[premise]
                pos_keys.append(k)
                pos_values.append(p)
                out_keys.append(p)
                out_values.append(k)
        self.att_off, self.att = _csr(n, att_keys, att_values)
        self.pos_off, self.pos = _csr(n, pos_keys, pos_values)
        self.out_off, self.out = _csr(n, out_keys, out_values)
        # Scratch counters for solve(): only entries of the elements being solved are read.
        self.att_left = [0] * n
        self.pos_left = [0] * n
        self.pos_in = [False] * n

    def is_claim(self, k: int) -> bool:
        return k < self.n_claims

    def attacks(self, k: int) -> list[int]:
        """The attack inferences aimed at ``k``."""
        return self.att[self.att_off[k] : self.att_off[k + 1]]

    def inputs(self, k: int) -> list[int]:
        """A claim's support inferences, or an inference's premises."""
        return self.pos[self.pos_off[k] : self.pos_off[k + 1]]

    def successors(self, k: int) -> list[int]:
        """What ``k``'s label can change: the inferences it is a premise of, or its target."""
        return self.out[self.out_off[k] : self.out_off[k + 1]]


def solve(index: Index, labels: list[int], todo: Iterable[int]) -> None:
    """Label the ``todo`` elements (all ``UNKNOWN`` in ``labels``) as the least fixed point.

    Elements outside ``todo`` keep their labels and act as fixed inputs. The index's
    scratch counters are reset for the ``todo`` elements, so one index serves one solve
    at a time. Counters record,
    per element, how many attacks are not yet rejected and how many positive inputs are
    not yet settled (a claim's supports not yet rejected, an inference's premises not yet
    accepted); a label is set once and never revised, so each element enters the queue
    at most once and each edge is looked at a bounded number of times.
    """
    todo = list(todo)
    n_claims, given, target, is_attack = index.n_claims, index.given, index.target, index.is_attack
    att_off, att, pos_off, pos, out_off, out = (
        index.att_off,
        index.att,
        index.pos_off,
        index.pos,
        index.out_off,
        index.out,
    )
    att_left, pos_left, pos_in = index.att_left, index.pos_left, index.pos_in
    queue: list[int] = []
    verdicts: list[tuple[int, int]] = []
    for k in todo:
        attacked = False
        left = 0
        for a in att[att_off[k] : att_off[k + 1]]:
            label = labels[a]
            if label == IN:
                attacked = True
            if label != OUT:
                left += 1
        att_left[k] = left
        inputs = pos[pos_off[k] : pos_off[k + 1]]
        if k < n_claims:
            open_, accepted = 0, False
            for s in inputs:
                label = labels[s]
                if label == IN:
                    accepted = True
                if label != OUT:
                    open_ += 1
            pos_left[k], pos_in[k] = open_, accepted
            failed = not given[k] and bool(inputs) and open_ == 0
            grounded = given[k] or accepted
        else:
            open_, failed = 0, False
            for p in inputs:
                label = labels[p]
                if label == OUT:
                    failed = True
                if label != IN:
                    open_ += 1
            pos_left[k] = open_
            grounded = open_ == 0
        if attacked or failed:
            verdicts.append((k, OUT))
        elif grounded and left == 0:
            verdicts.append((k, IN))
    for k, label in verdicts:
        labels[k] = label
        queue.append(k)
    while queue:
        k = queue.pop()
        label = labels[k]
        if k < n_claims:
            for i in out[out_off[k] : out_off[k + 1]]:
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
        elif t < n_claims:  # a support of a claim; a support of an inference (backing) changes nothing
            if label == IN:
                pos_in[t] = True
                if att_left[t] == 0:
                    labels[t] = IN
                    queue.append(t)
            else:
                pos_left[t] -= 1
                if pos_left[t] == 0 and not given[t]:
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


def components(index: Index) -> list[list[int]]:
    """Strongly connected components of the dependency graph, inputs before what they feed.

    Tarjan's algorithm, iterative, over each element's attacks and inputs; it emits a
    component only after every component it depends on. Written here rather than
    borrowed from networkx because building a networkx graph of a 100k-claim map costs
    more than the whole evaluation.
    """
    n = len(index.ids)
    number = [0] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0

    def before(k: int) -> list[int]:
        return index.attacks(k) + index.inputs(k)

    for root in range(n):
        if number[root]:
            continue
        counter += 1
        number[root] = low[root] = counter
        stack.append(root)
        on_stack[root] = True
        work = [(root, iter(before(root)))]
        while work:
            v, children = work[-1]
            for w in children:
                if not number[w]:
                    counter += 1
                    number[w] = low[w] = counter
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, iter(before(w))))
                    break
                if on_stack[w] and number[w] < low[v]:
                    low[v] = number[w]
            else:
                work.pop()
                if work and low[v] < low[work[-1][0]]:
                    low[work[-1][0]] = low[v]
                if low[v] == number[v]:
                    component = []
                    while True:
                        w = stack.pop()
                        on_stack[w] = False
                        component.append(w)
                        if w == v:
                            break
                    found.append(component)
    return found
