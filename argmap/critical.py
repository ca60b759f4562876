"""Critical premises: the smallest sets of basic premises whose rejection brings the thesis down.

A set is *critical* when rejecting its premises leaves the thesis not accepted and
rejecting any proper subset does not. Over pure support these are the minimal hitting
sets of the thesis's lines of support; with attacks in play, rejecting a premise can
also revive an objection or kill a rebuttal, so every candidate set is tried against
the real labelling (:mod:`argmap.evaluate`) instead of being read off the support tree.

The search goes level by level, smallest sets first, as Apriori does for frequent item
sets: a set of size k+1 is tried only when all its subsets of size k were tried and
left the thesis standing, since otherwise it cannot be minimal. Each trial relabels
only the elements downstream of the rejected premises that can reach the thesis. The
whole search stops after ``limit`` units of work (an element relabelled or an edge read
to relabel it, summed over all trials; the default is about five seconds of work), so
it never hangs on a large map; the result then says it is bounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

from argmap._fixpoint import IN, NAMES, OUT, UNKNOWN, Index, label_all, solve
from argmap.evaluate import ACCEPTED, check_inputs, fixed_labels
from argmap.model import ArgumentMap

__all__ = ["DEFAULT_LIMIT", "CriticalPremises", "critical_premises"]

DEFAULT_LIMIT = 1_000_000
"""Default work bound: elements relabelled plus the edges read to relabel them, over all trials."""


@dataclass(frozen=True)
class CriticalPremises:
    """The result of :func:`critical_premises`.

    ``sets`` are minimal sets of basic premises whose rejection leaves the thesis not
    accepted, smallest first, then in order of their sorted ids; ``weakest`` lists the
    premises that bring the thesis down alone. ``exact`` is true when every minimal set
    was found; ``method`` says how the search ran and, when it is not exact, why.
    ``thesis_label`` is the thesis's label before anything is rejected: when it is not
    ``accepted`` there is nothing to bring down and ``sets`` is empty.
    """

    sets: list[frozenset[str]]
    weakest: list[str]
    exact: bool
    method: str
    thesis_label: str
    candidates: tuple[str, ...] = ()
    trials: int = 0


class _Trials:
    """Does rejecting a set of premises bring the thesis down? Answered by partial relabelling."""

    def __init__(self, index: Index, baseline: list[int], thesis: int, limit: int) -> None:
        self.index = index
        self.limit = limit
        self.cut = False
        self.labels = baseline
        self.thesis = thesis
        self.relevant = self._ancestors(thesis)
        self.cost = [
            1 + index.att_off[k + 1] - index.att_off[k] + index.pos_off[k + 1] - index.pos_off[k]
            for k in range(len(index.ids))
        ]
        self.work = 0
        self.count = 0

    def _ancestors(self, start: int) -> list[bool]:
        """Which elements can change ``start``'s label: its attacks and inputs, and theirs, and so on."""
        index = self.index
        seen = [False] * len(index.ids)
        seen[start] = True
        stack = [start]
        while stack:
            k = stack.pop()
            for p in (*index.attacks(k), *index.inputs(k)):
                if not seen[p]:
                    seen[p] = True
                    stack.append(p)
        return seen

    def downstream(self, rejected: Iterable[int], fixed: set[int]) -> list[int]:
        """Elements whose label may change, restricted to those that can reach the thesis."""
        seen = set(rejected)
        stack = list(seen)
        cone: list[int] = []
        while stack:
            for s in self.index.successors(stack.pop()):
                if s not in seen and self.relevant[s]:
                    seen.add(s)
                    stack.append(s)
                    if s not in fixed:
                        cone.append(s)
        return cone

    def defeats(self, rejected: tuple[int, ...], fixed: set[int]) -> bool:
        labels = self.labels
        cone = self.downstream(rejected, fixed)
        saved = [(k, labels[k]) for k in (*rejected, *cone)]
        for k in rejected:
            labels[k] = OUT
        for k in cone:
            labels[k] = UNKNOWN
        solve(self.index, labels, cone)
        result = labels[self.thesis] != IN
        for k, label in saved:
            labels[k] = label
        self.work += len(rejected) + sum(self.cost[k] for k in cone)
        self.count += 1
        return result


def _premises(count: int) -> str:
    return f"{count} premise" if count == 1 else f"{count} premises"


def _next_level(level: list[tuple[int, ...]], trials: _Trials) -> Iterator[tuple[int, ...]]:
    """Apriori candidates, in order: unions of two sets equal but for their last member, every k-subset standing.

    Each union looked at counts as one unit of work, so that building a level is bounded too.
    """
    standing = set(level)
    for i, first in enumerate(level):
        for j in range(i + 1, len(level)):
            second = level[j]
            if first[:-1] != second[:-1]:
                break
            if trials.work >= trials.limit:
                trials.cut = True
                return
            trials.work += 1
            union = (*first, second[-1])
            if all(sub in standing for sub in combinations(union, len(first))):
                yield union


def critical_premises(
    amap: ArgumentMap,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    *,
    max_size: int | None = None,
    limit: int = DEFAULT_LIMIT,
) -> CriticalPremises:
    """The minimal sets of basic premises whose rejection leaves the thesis not accepted.

    Candidates are the basic premises (premises with no support of their own) that can
    reach the thesis, are not named in ``accept``/``reject``, and could be accepted under
    some rejections: sourced, assumed or ``status: accepted``. A bare premise can never
    be accepted, so rejecting it only settles an undecided label, which never unseats an
    accepted one; it cannot be part of a minimal set. A premise rejected now may still
    be: an objection to it can fall with another premise (see ``docs/evaluation.md``).
    ``max_size`` caps the size of the sets tried; ``limit`` caps the work, counted in
    elements relabelled and edges read over all trials. The sets found are always genuinely
    minimal and defeating; ``exact`` says whether they are all of them.
    """
    accept_ids, reject_ids = check_inputs(amap, accept, reject)
    fixed = fixed_labels(amap, accept_ids, reject_ids)
    index = Index(amap)
    baseline = label_all(index, fixed)
    thesis = index.number[amap.thesis]
    thesis_label = NAMES[baseline[thesis]]
    if thesis_label != ACCEPTED:
        return CriticalPremises(
            [],
            [],
            True,
            f"nothing to bring down: the thesis is {thesis_label} before any premise is rejected",
            thesis_label,
        )
    trials = _Trials(index, baseline, thesis, limit)
    chosen = set(accept_ids) | set(reject_ids)
    candidates = sorted(
        c.id
        for c in amap.basic_premises()
        if c.id != amap.thesis
        and c.id not in chosen
        and trials.relevant[index.number[c.id]]
        and (c.status == ACCEPTED or (c.status is None and (c.source is not None or c.assumption)))
    )
    as_index = [index.number[cid] for cid in candidates]
    pinned = {index.number[eid] for eid in fixed}
    found: list[tuple[int, ...]] = []
    level: Iterator[tuple[int, ...]] = iter([(k,) for k in range(len(candidates))])
    size = 1
    stopped = ""
    while True:
        if max_size is not None and size > max_size:
            if next(level, None) is not None:
                stopped = f"bounded: sets of at most {_premises(max_size)} were tried (max_size); larger minimal sets may exist"
            break
        standing: list[tuple[int, ...]] = []
        for members in level:
            if trials.work >= limit:
                trials.cut = True
                break
            if trials.defeats(tuple(as_index[k] for k in members), pinned):
                found.append(members)
            else:
                standing.append(members)
        if trials.cut:
            stopped = (
                f"bounded: stopped at the work limit of {limit:,} units while trying sets of "
                f"{_premises(size)}; the sets listed are minimal, but sets of {size} or more may be missing"
            )
            break
        if not standing:
            break
        level = _next_level(standing, trials)
        size += 1
    sets = [frozenset(candidates[k] for k in members) for members in found]
    sets.sort(key=lambda s: (len(s), sorted(s)))
    weakest = sorted(next(iter(s)) for s in sets if len(s) == 1)
    method = stopped or (
        f"exact: every set of the {len(candidates)} candidate premises that could be minimal was tried "
        f"({trials.count:,} trials, {trials.work:,} units of work)"
    )
    return CriticalPremises(sets, weakest, not stopped, method, thesis_label, tuple(candidates), trials.count)
