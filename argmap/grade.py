"""Grade a student's map against a model answer (a key map), with feedback in plain words.

First the claims are matched: each pair of a key claim and a student claim gets a text
similarity from RapidFuzz (``token_sort_ratio`` after case folding and stripping
punctuation, 0-100), plus a bonus when both use the same id; pairs at or above
:data:`THRESHOLD` are matched best first, each claim at most once. Then the structure
is compared in the key's terms. The rubric (``docs/exercises.md``):

* ``thesis`` (2 points): the student's thesis is the key's thesis.
* ``claim`` (1 point per key claim besides the thesis): the student's map has it.
* ``link`` (1 point per premise of each key inference): the student's map has an
  inference of the same kind (support or attack) from that premise to the same target;
  for an undercut or a rebuttal, to the student's counterpart of the inference attacked.
* ``together`` (1 point per key inference with two or more co-premises): at least two of
  its premises are linked as above, and all of those sit in one inference, as co-premises.
* ``apart`` (1 point per target with two or more separate reasons of one kind in the key):
  the student linked premises of at least two of them, and never joined premises of two
  different reasons into one inference.

Every point lost is named in one feedback item; what the student added beyond the key
is noted without costing points, since a good map may say more than the model answer.
"""

from __future__ import annotations

import heapq
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from rapidfuzz import fuzz, process, utils

from argmap.model import ArgumentMap, Inference

__all__ = ["ID_BONUS", "POINTS", "THRESHOLD", "Grade", "Item", "Match", "grade", "match_claims"]

THRESHOLD = 60.0
"""Least similarity (0-100) at which a student claim can stand for a key claim."""
ID_BONUS = 25.0
"""Added to the similarity when the student claim has the key claim's id."""
POINTS = {"thesis": 2, "claim": 1, "link": 1, "together": 1, "apart": 1}
CATEGORIES = ("thesis", "claim", "link", "together", "apart")
SHORT = 70
"""Claim texts longer than this are shortened in feedback."""


@dataclass(frozen=True)
class Match:
    """A key claim and the student claim that stands for it, with their texts' similarity (0-100)."""

    key: str
    student: str
    similarity: float


@dataclass(frozen=True)
class Item:
    """One line of the rubric: what it checks, the points it is worth and earned, and feedback when lost."""

    id: str
    category: str
    points: int
    earned: int
    feedback: str = ""

    @property
    def lost(self) -> int:
        return self.points - self.earned


@dataclass(frozen=True)
class Grade:
    """The result of :func:`grade`: every rubric item, the claim matches and notes on additions."""

    items: list[Item]
    matches: list[Match]
    notes: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        return sum(item.earned for item in self.items)

    @property
    def total(self) -> int:
        return sum(item.points for item in self.items)

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.total if self.total else 100.0

    def lost(self) -> list[Item]:
        """The items that lost points, in rubric order."""
        return [item for item in self.items if item.lost]

    def by_category(self) -> dict[str, tuple[int, int]]:
        """Category -> (earned, points), for the categories the key has."""
        sums: dict[str, list[int]] = {}
        for item in self.items:
            earned, points = sums.setdefault(item.category, [0, 0])
            sums[item.category] = [earned + item.earned, points + item.points]
        return {c: (sums[c][0], sums[c][1]) for c in CATEGORIES if c in sums}

    def to_dict(self) -> dict[str, object]:
        return {
            "score": self.score,
            "total": self.total,
            "percent": round(self.percent, 1),
            "categories": {c: {"earned": e, "points": p} for c, (e, p) in self.by_category().items()},
            "items": [{**asdict(item), "lost": item.lost} for item in self.items],
            "matches": [asdict(m) for m in self.matches],
            "notes": list(self.notes),
        }


def similarity(a: str, b: str) -> float:
    """Text similarity 0-100, insensitive to case, punctuation and word order."""
    return fuzz.token_sort_ratio(a, b, processor=utils.default_process)


def _sorted_words(text: str) -> str:
    """What :func:`similarity` compares of a text: its case-folded words, punctuation stripped, sorted."""
    return " ".join(sorted(utils.default_process(text).split()))


def match_claims(student: ArgumentMap, key: ArgumentMap, threshold: float = THRESHOLD) -> list[Match]:
    """Key claims paired with student claims, best pairs first, each claim used once, in key order.

    Every key claim is compared with every student claim, in RapidFuzz's own loop: each
    text is prepared once (what :func:`similarity` does again for every pair) and the
    student texts below the threshold are passed over in C. Each key claim's candidates
    are kept as two arrays of numbers, and a heap takes the pairs best first across them,
    in the order of one sorted list of all pairs (score, then key order, then student order).
    """
    student_texts = [_sorted_words(claim.text) for claim in student.claims.values()]
    student_index = {sid: j for j, sid in enumerate(student.claims)}
    student_ids = list(student.claims)
    key_ids = list(key.claims)
    candidates: list[tuple[array[float], array[int]]] = []
    same_text: dict[int, float] = {}
    heap: list[tuple[float, int, int, int]] = []
    for i, (kid, kclaim) in enumerate(key.claims.items()):
        query = _sorted_words(kclaim.text)
        same = student_index.get(kid)
        found = [
            (-score, j)
            for _, score, j in process.extract_iter(
                query, student_texts, scorer=fuzz.ratio, processor=None, score_cutoff=threshold
            )
            if j != same
        ]
        if same is not None:
            text = fuzz.ratio(query, student_texts[same])
            if text + ID_BONUS >= threshold:
                same_text[i] = text
                found.append((-(text + ID_BONUS), same))
        found.sort()
        candidates.append((array("d", [f[0] for f in found]), array("l", [f[1] for f in found])))
        if found:
            heap.append((found[0][0], i, found[0][1], 0))
    heapq.heapify(heap)
    taken_student: set[int] = set()
    found_matches: dict[str, Match] = {}
    while heap:
        negative, i, j, at = heapq.heappop(heap)
        if j in taken_student:
            scores, indices = candidates[i]
            if at + 1 < len(scores):
                heapq.heappush(heap, (scores[at + 1], i, indices[at + 1], at + 1))
            continue
        taken_student.add(j)
        text = same_text[i] if student_index.get(key_ids[i]) == j else -negative
        found_matches[key_ids[i]] = Match(key_ids[i], student_ids[j], round(text, 1))
    return [found_matches[kid] for kid in key.claims if kid in found_matches]


class _Grader:
    def __init__(self, student: ArgumentMap, key: ArgumentMap, threshold: float) -> None:
        self.student = student
        self.key = key
        self.matches = match_claims(student, key, threshold)
        self.to_student = {m.key: m.student for m in self.matches}
        self.to_key = {m.student: m.key for m in self.matches}
        self.items: list[Item] = []
        self._counterparts: dict[str, set[str]] = {}

    def say(self, key_claim: str) -> str:
        text = " ".join(self.key.claims[key_claim].text.split())
        if len(text) > SHORT:
            text = text[: SHORT - 1].rstrip() + "\u2026"
        return f"\u201c{text}\u201d"

    def say_student(self, student_claim: str) -> str:
        if student_claim in self.to_key:
            return self.say(self.to_key[student_claim])
        text = " ".join(self.student.claims[student_claim].text.split())
        return f"\u201c{text[: SHORT - 1].rstrip()}\u2026\u201d" if len(text) > SHORT else f"\u201c{text}\u201d"

    def target_words(self, target: str) -> str:
        """A key target in words: a claim's text, or the step an inference makes."""
        if target in self.key.claims:
            return self.say(target)
        inf = self.key.inferences[target]
        premises = " + ".join(self.say(p) for p in inf.premises)
        kind = "reason" if inf.is_support else "objection"
        if inf.target in self.key.claims:
            return f"the {kind} from {premises} to {self.say(inf.target)}"
        return f"the {kind} from {premises}"

    def add(self, item_id: str, category: str, ok: bool, feedback: str = "") -> None:
        points = POINTS[category]
        self.items.append(Item(item_id, category, points, points if ok else 0, "" if ok else feedback))

    # -- inferences in the key's terms ----------------------------------------------------

    def counterparts(self, key_element: str, visiting: frozenset[str] = frozenset()) -> set[str]:
        """Student elements that stand for a key claim (its match) or a key inference."""
        if key_element in self.key.claims:
            return {self.to_student[key_element]} if key_element in self.to_student else set()
        if key_element in self._counterparts:
            return self._counterparts[key_element]
        if key_element in visiting:
            return set()
        inf = self.key.inferences[key_element]
        targets = self.counterparts(inf.target, visiting | {key_element})
        premises = {self.to_student[p] for p in inf.premises if p in self.to_student}
        found = {
            s.id
            for s in self.student.inferences.values()
            if s.type == inf.type and s.target in targets and premises.intersection(s.premises)
        }
        if not visiting:
            self._counterparts[key_element] = found
        return found

    def linking(self, premise: str, inf: Inference) -> list[Inference]:
        """Student inferences of the key inference's kind from ``premise``'s match to its target's counterpart."""
        if premise not in self.to_student:
            return []
        targets = self.counterparts(inf.target)
        return [
            s
            for s in self.student.inferences_from(self.to_student[premise])
            if s.type == inf.type and s.target in targets
        ]

    # -- the rubric ---------------------------------------------------------------------

    def thesis(self) -> None:
        ok = self.to_student.get(self.key.thesis) == self.student.thesis
        if self.key.thesis not in self.to_student:
            why = f"the key's main conclusion, {self.say(self.key.thesis)}, is missing from your map"
        else:
            why = (
                f"your main conclusion is {self.say_student(self.student.thesis)}; "
                f"in the key it is {self.say(self.key.thesis)}"
            )
        self.add("thesis", "thesis", ok, f"The main conclusion: {why}.")

    def claims(self) -> None:
        for cid in self.key.claims:
            if cid != self.key.thesis:
                self.add(
                    f"claim:{cid}",
                    "claim",
                    cid in self.to_student,
                    f"The key has the claim {self.say(cid)}; your map does not (no claim in it is close enough).",
                )

    def link_feedback(self, premise: str, inf: Inference) -> str:
        kind = "a reason for" if inf.is_support else "an objection to"
        other = "an objection to" if inf.is_support else "a reason for"
        target = self.target_words(inf.target)
        head = f"In the key, {self.say(premise)} is {kind} {target}"
        if premise not in self.to_student:
            return f"{head}; your map does not have {self.say(premise)}."
        if inf.target in self.key.claims and inf.target not in self.to_student:
            return f"{head}; your map does not have {self.say(inf.target)}."
        mine = self.student.inferences_from(self.to_student[premise])
        targets = self.counterparts(inf.target)
        if any(s.target in targets and s.type != inf.type for s in mine):
            return f"You made {self.say(premise)} {other} {target}; in the key it is {kind} it."
        if inf.target in self.key.inferences:
            attacked = self.key.inferences[inf.target]
            aimed = self.counterparts(attacked.target)
            if any(s.target in aimed and s.type == inf.type for s in mine):
                return (
                    f"You aimed {self.say(premise)} at {self.target_words(attacked.target)} itself; in the key it "
                    f"attacks {target}, the step and not the claim."
                )
        elsewhere = [s for s in mine if s.type == inf.type and s.target in self.student.claims]
        if elsewhere:
            return f"{head}; in your map it points to {self.say_student(elsewhere[0].target)} instead."
        return f"{head}; your map does not connect them."

    def links(self) -> None:
        for inf in self.key.inferences.values():
            for premise in inf.premises:
                self.add(
                    f"link:{inf.id}:{premise}",
                    "link",
                    bool(self.linking(premise, inf)),
                    self.link_feedback(premise, inf),
                )

    def together(self) -> None:
        for inf in self.key.inferences.values():
            if len(inf.premises) < 2:
                continue
            carriers = {p: {s.id for s in self.linking(p, inf)} for p in inf.premises}
            linked = [p for p in inf.premises if carriers[p]]
            shared = set.intersection(*(carriers[p] for p in linked)) if linked else set()
            ok = len(linked) >= 2 and bool(shared)
            names = " and ".join(self.say(p) for p in inf.premises)
            if len(linked) >= 2:
                why = (
                    f"You treated {names} as independent reasons; in the key they work together "
                    "(each is needed with the others)."
                )
            else:
                missing = ", ".join(self.say(p) for p in inf.premises if not carriers[p])
                why = (
                    f"In the key, {names} work together as one reason for {self.target_words(inf.target)}; "
                    f"your map does not link {missing} to it, so they cannot work together."
                )
            self.add(f"together:{inf.id}", "together", ok, why)

    def joins(self, student_inference: str, first: Inference, second: Inference) -> bool:
        """Whether the student inference holds a premise only ``first`` has and one only ``second`` has."""
        held = set(self.student.inferences[student_inference].premises)

        def only(a: Inference, b: Inference) -> set[str]:
            return {self.to_student[p] for p in a.premises if p not in b.premises and p in self.to_student}

        return bool(held & only(first, second)) and bool(held & only(second, first))

    def apart(self) -> None:
        groups: dict[tuple[str, str], list[Inference]] = defaultdict(list)
        for inf in self.key.inferences.values():
            groups[(inf.target, inf.type)].append(inf)
        for (target, kind), reasons in groups.items():
            if len(reasons) < 2:
                continue
            owner: dict[str, set[int]] = defaultdict(set)  # student inference -> key reasons it carries
            for k, inf in enumerate(reasons):
                for premise in inf.premises:
                    for s in self.linking(premise, inf):
                        owner[s.id].add(k)
            shown = set().union(*owner.values()) if owner else set()
            matched = [{self.to_student[p] for p in inf.premises if p in self.to_student} for inf in reasons]
            everything = set().union(*matched)
            mirrors = {  # student inferences that are exactly one of the key's reasons
                sid for sid in owner if set(self.student.inferences[sid].premises) & everything in matched
            }
            joined = [
                (sid, k1, k2)
                for sid, ks in owner.items()
                if sid not in mirrors
                for k1 in sorted(ks)
                for k2 in sorted(ks)
                if k1 < k2 and self.joins(sid, reasons[k1], reasons[k2])
            ]
            noun = "reasons for" if kind == "support" else "objections to"
            head = f"The key has {len(reasons)} separate {noun} {self.target_words(target)}"
            if joined:
                _, k1, k2 = joined[0]
                words = " and ".join(" + ".join(self.say(p) for p in reasons[k].premises) for k in (k1, k2))
                why = f"{head}: you joined {words} into one; in the key each stands on its own."
            else:
                why = f"{head}: your map links {len(shown)} of them, so it cannot keep them apart."
            self.add(f"apart:{target}:{kind}", "apart", len(shown) >= 2 and not joined, why)

    def notes(self) -> list[str]:
        notes = [
            f"Your map has a claim the key does not: {self.say_student(sid)} (no points lost)."
            for sid in self.student.claims
            if sid not in self.to_key
        ]
        explained = set()  # student premises whose links the feedback already discusses
        for item in self.items:
            if item.category == "link" and item.lost:
                premise = item.id.rsplit(":", 1)[1]
                explained.add(self.to_student.get(premise))
        for inf in self.key.inferences.values():
            for premise in inf.premises:
                for s in self.linking(premise, inf):
                    explained.add((s.id, self.to_student[premise]))
        for s in self.student.inferences.values():
            for premise in s.premises:
                if premise in explained or (s.id, premise) in explained or premise not in self.to_key:
                    continue
                if s.target in self.student.claims and s.target in self.to_key:
                    key_pairs = [
                        k for k in self.key.inferences_from(self.to_key[premise]) if k.target == self.to_key[s.target]
                    ]
                    if key_pairs:
                        continue
                    kind = "a reason for" if s.is_support else "an objection to"
                    notes.append(
                        f"Your map makes {self.say_student(premise)} {kind} {self.say_student(s.target)}; "
                        "the key does not (no points lost)."
                    )
        return notes


def grade(student: ArgumentMap, key: ArgumentMap, *, threshold: float = THRESHOLD) -> Grade:
    """Score ``student`` against ``key`` with the rubric above; the key against itself scores 100%."""
    grader = _Grader(student, key, threshold)
    grader.thesis()
    grader.claims()
    grader.links()
    grader.together()
    grader.apart()
    return Grade(grader.items, grader.matches, grader.notes())


def class_rows(grades: Iterable[tuple[str, Grade]]) -> list[dict[str, object]]:
    """One row per student: name, score, total, percent and each category's earned/points."""
    rows = []
    for name, result in grades:
        row: dict[str, object] = {
            "student": name,
            "score": result.score,
            "total": result.total,
            "percent": round(result.percent, 1),
        }
        row.update({c: f"{e}/{p}" for c, (e, p) in result.by_category().items()})
        rows.append(row)
    return rows
