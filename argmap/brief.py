"""Debate briefs: what a debater needs on one page to defend or attack a map's thesis.

A brief says nothing the map and argmap's analyses do not. The evaluation labels and the
DF-QuAD strengths (:mod:`argmap.evaluate`) rank the lines of support; the critical-premise
analysis (:mod:`argmap.critical`) ranks the attack points, whose rejection brings the
thesis down; the checks give the gaps (unsupported premises, missing links, single points
of failure) and, from the terms the rabbit rule finds unconnected, the questions to put in
cross-examination; the map's own attacks are the objections and its rebuttals the
prepared answers. Where the map has no answer the brief says so instead of making one up.

Every sentence of a brief is a :class:`Text` that keeps argmap's own words, quoted map
text and element ids apart, so each renderer escapes map text for its target and every
point names the elements it comes from. :func:`build_brief` only builds the data;
:func:`to_markdown` here and :func:`argmap.brief_html.to_html` write it out.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from argmap.analysis import support_tree
from argmap.checks import run_checks
from argmap.critical import critical_premises
from argmap.evaluate import ACCEPTED, REJECTED, UNDECIDED, Evaluation, evaluate, strengths, whatif
from argmap.model import ArgumentMap, Claim, Inference
from argmap.text import STOP_WORDS, shares_term, significant_terms

__all__ = [
    "DEFAULT_POINTS",
    "ELEMENT",
    "LISTED_MORE",
    "PLAIN",
    "QUOTE",
    "SIDES",
    "SOURCE",
    "WORDS",
    "Answer",
    "Brief",
    "Line",
    "Objection",
    "Point",
    "Question",
    "SourceEntry",
    "Text",
    "build_brief",
    "to_markdown",
]

SIDES = ("pro", "con")
DEFAULT_POINTS = 5
"""Attack points a brief details; the rest are named in one line, so that it stays about a page."""
QUESTIONS = 3
"""Cross-examination questions per point at most."""
EVIDENCE = 4
"""Sourced or assumed claims listed under a line of support at most."""
LISTED = 6
"""Ids listed in one sentence before "and N more"."""
LISTED_MORE = 12
"""Points left out that the last line of the brief still names."""
PHRASE_WORDS = 8
"""Significant words a quoted phrase in a question holds at most."""
SHORT = 20
"""Words a claim may have to be quoted whole inside a question."""
COMPLETE = 3
"""Content words a quoted phrase may take in on each side to finish a name."""

PLAIN, QUOTE, ELEMENT, SOURCE = "plain", "quote", "element", "source"
"""Kinds of :class:`Text` part: argmap's words, map text, a claim or inference id, a source id."""

WORDS = {
    "con": {
        "heading": "Con brief",
        "thesis": "Against",
        "points": "Attack points, strongest first",
        "lines": "Their case",
        "ask": "Ask",
        "answer": "They will answer",
        "caution": "Be ready",
        "more": "Also open",
    },
    "pro": {
        "heading": "Pro brief",
        "thesis": "Thesis",
        "points": "Attacks to expect, and your answers",
        "lines": "Lines of support, strongest first",
        "ask": "They will ask",
        "answer": "Your answer",
        "caution": "Note",
        "more": "Also open",
    },
}
"""The words each side's renderers put before the brief's parts."""

_MD_INLINE = re.compile(r"([\\`*_\[\]<>&|~!])")
_PAGE_NUMBER = re.compile(r"[0-9ivxlcdm]+(?:\s*[-\u2013,]\s*[0-9ivxlcdm]+)*", re.IGNORECASE)
_LABEL_RANK = {ACCEPTED: 0, UNDECIDED: 1, REJECTED: 2}
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_BREAK = re.compile(r"[,;:!?()\[\]{}\"\u201c\u201d]|\.(?:\s|$)|\s[-\u2013\u2014]\s")


# -- the data -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """One sentence of a brief: parts of kind PLAIN, QUOTE (map text), ELEMENT or SOURCE (ids)."""

    parts: tuple[tuple[str, str], ...] = ()

    def ids(self) -> Iterator[str]:
        """The claim and inference ids the sentence names."""
        return (value for kind, value in self.parts if kind == ELEMENT)

    def sources(self) -> Iterator[str]:
        return (value for kind, value in self.parts if kind == SOURCE)

    def __str__(self) -> str:
        return "".join(f"'{value}'" if kind in (ELEMENT, SOURCE) else value for kind, value in self.parts)


def _text(*items: str | tuple[str, str] | Text | None) -> Text:
    """A Text from plain strings, ``(kind, value)`` parts and other Texts (``None`` skipped)."""
    parts: list[tuple[str, str]] = []
    for item in items:
        if item is None:
            continue
        if isinstance(item, Text):
            parts.extend(item.parts)
        elif isinstance(item, str):
            parts.append((PLAIN, item))
        else:
            parts.append(item)
    return Text(tuple(parts))


def _q(text: str) -> tuple[str, str]:
    return (QUOTE, text)


def _e(element_id: str) -> tuple[str, str]:
    return (ELEMENT, element_id)


def _s(source_id: str) -> tuple[str, str]:
    return (SOURCE, source_id)


@dataclass(frozen=True)
class Answer:
    """What the pro side answers, from the map element ``element``; ``None`` when the map has no answer."""

    element: str | None
    text: Text


@dataclass(frozen=True)
class Question:
    """A question to put in cross-examination, the element it was made from, and the map's answer to it."""

    element: str
    text: Text
    answers: tuple[Answer, ...] = ()


@dataclass(frozen=True)
class Objection:
    """One of the map's attacks on the case, with its label; its question holds the map's answers to it."""

    element: str
    target: str
    label: str
    statement: Text
    question: Question
    note: Text | None = None
    weak: Text | None = None


@dataclass(frozen=True)
class Point:
    """One attack point: what to go after, why, what to ask, and what the other side answers.

    ``kind`` is ``critical`` (a minimal set of premises whose rejection brings the thesis
    down), ``single-point`` (a claim every line of support runs through), ``objection``
    (one of the map's attacks) or ``gap`` (an unsupported premise or a missing link).
    ``element`` is the id the point is about.
    """

    kind: str
    element: str
    title: Text
    statement: Text | None = None
    why: Text | None = None
    note: Text | None = None
    questions: tuple[Question, ...] = ()
    objections: tuple[Objection, ...] = ()
    answers: tuple[Answer, ...] = ()
    caution: Text | None = None

    def texts(self) -> Iterator[Text]:
        yield self.title
        yield from (t for t in (self.statement, self.why, self.note, self.caution) if t is not None)
        for question in self.questions:
            yield question.text
            yield from (a.text for a in question.answers)
        yield from (a.text for a in self.answers)
        for objection in self.objections:
            yield from _objection_texts(objection)


def _objection_texts(objection: Objection) -> Iterator[Text]:
    yield objection.statement
    yield objection.question.text
    yield from (a.text for a in objection.question.answers)
    yield from (t for t in (objection.note, objection.weak) if t is not None)


@dataclass(frozen=True)
class Line:
    """A line of support: one inference to the thesis, with its premises, label, strength and evidence.

    ``strength`` is the DF-QuAD strength of its weakest co-premise (an inference's base
    score in DF-QuAD); ``weak`` names the premises under it that a critical set contains.
    """

    inference: str
    premise_ids: tuple[str, ...]
    label: str
    strength: float
    title: Text
    premises: tuple[Text, ...]
    evidence: tuple[Text, ...] = ()
    weak: Text | None = None
    open: Text | None = None

    def texts(self) -> Iterator[Text]:
        yield self.title
        yield from self.premises
        yield from self.evidence
        yield from (t for t in (self.weak, self.open) if t is not None)


@dataclass(frozen=True)
class SourceEntry:
    """A source of the map and the claims that cite it."""

    id: str
    citation: str
    url: str | None
    cited_by: tuple[str, ...]


@dataclass(frozen=True)
class Brief:
    """A debate brief for one side of a map's thesis (see :func:`build_brief`).

    ``sources`` are those the brief cites or that ground a claim it discusses;
    ``other_sources`` the ids of the map's other sources. ``lines`` are the pro side's (the con side gets their summary, ``case``, alone);
    ``names`` gives the name to show for each element id the brief mentions: the id, or
    for an inference the map did not name, its shape (as ``argmap evaluate`` prints it).
    """

    side: str
    title: str
    thesis: str
    thesis_label: str
    thesis_statement: Text
    bottom_line: tuple[Text, ...]
    case: Text
    lines: tuple[Line, ...]
    points: tuple[Point, ...]
    more: Text | None
    sources: tuple[SourceEntry, ...]
    names: dict[str, str] = field(repr=False)
    search: str = ""
    other_sources: tuple[str, ...] = ()

    def texts(self) -> Iterator[Text]:
        """Every sentence of the brief."""
        yield self.thesis_statement
        yield from self.bottom_line
        yield self.case
        for line in self.lines:
            yield from line.texts()
        for point in self.points:
            yield from point.texts()
        if self.more is not None:
            yield self.more

    def elements(self) -> list[str]:
        """Every claim and inference id the brief names, in order of first mention."""
        return list(dict.fromkeys(eid for text in self.texts() for eid in text.ids()))

    def discussed(self) -> list[str]:
        """The ids the thesis, the lines of support and the points discuss: what a diagram should light up.

        Leaves out the ids only named in passing (the summary of the case, the points not detailed).
        """
        texts = [self.thesis_statement]
        for line in self.lines:
            texts += line.texts()
        for point in self.points:
            texts += point.texts()
        return list(dict.fromkeys(eid for text in texts for eid in text.ids()))

    def name(self, element_id: str) -> str:
        return self.names.get(element_id, element_id)


# -- wording helpers ----------------------------------------------------------------------


def _flat(text: str) -> str:
    """Text on one line, without a final full stop (it goes inside a sentence of the brief)."""
    return " ".join(text.split()).rstrip(" .")


def _clause(text: str) -> str:
    """A claim's text as a clause inside a sentence: no final full stop, a leading function word lower-cased."""
    flat = _flat(text)
    first = flat.split(" ", 1)[0]
    if first.casefold() in STOP_WORDS and first[1:].islower():
        flat = flat[0].lower() + flat[1:]
    return flat


def _phrase(text: str, others: frozenset[str], limit: int = PHRASE_WORDS) -> str:
    """The part of ``text`` that says most of what ``others`` does not.

    ``text`` is split into clauses at punctuation; in each, the span runs from the first
    to the last significant word not in ``others`` (at most ``limit`` of them), and the
    span with the most such words wins, the first of equals. The span then takes in the
    content words right beside it (up to :data:`COMPLETE` on each side), so that it does
    not stop in the middle of a name such as "civil information campaign". Empty when
    every word of ``text`` is in ``others``.
    """
    tokens = list(_TOKEN.finditer(text))
    clause: list[int] = []
    previous = number = 0
    for match in tokens:
        number += bool(_BREAK.search(text[previous : match.start()]))
        clause.append(number)
        previous = match.end()
    stems = [significant_terms(match.group()) for match in tokens]
    new = [bool(s) and not shares_term(next(iter(s)), others) for s in stems]
    best: tuple[int, int, int] = (0, 0, 0)
    for group in sorted(set(clause)):
        found = [k for k in range(len(tokens)) if clause[k] == group and new[k]][:limit]
        if len(found) > best[0]:
            best = (len(found), found[0], found[-1])
    count, first, last = best
    if not count:
        return ""
    for _ in range(COMPLETE):
        if first > 0 and clause[first - 1] == clause[first] and stems[first - 1]:
            first -= 1
        if last + 1 < len(tokens) and clause[last + 1] == clause[last] and stems[last + 1]:
            last += 1
    return " ".join(text[tokens[first].start() : tokens[last].end()].split())


def _page(page: str) -> str:
    """``12`` -> ``p. 12``; a page given in words ("para. 1") stays as it is."""
    return f"p. {page}" if _PAGE_NUMBER.fullmatch(page.strip()) else page


def _gist(text: str, others: frozenset[str]) -> str:
    """A claim as a clause when it is short, else its part that says most of what ``others`` does not."""
    phrase = _phrase(text, others)
    if len(text.split()) <= SHORT or len(phrase.split()) < COMPLETE:
        return _clause(text)
    return phrase


def _listed(ids: list[str], limit: int = LISTED) -> list[str | tuple[str, str]]:
    """Ids as Text items joined by commas, the rest counted."""
    items: list[str | tuple[str, str]] = []
    for k, eid in enumerate(ids[:limit]):
        items += [", " if k else "", _e(eid)]
    if len(ids) > limit:
        items.append(f" and {len(ids) - limit} more")
    return items


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


# -- building -----------------------------------------------------------------------------


class _Builder:
    """The analyses of one map, run once, and the points built from them."""

    def __init__(self, amap: ArgumentMap, side: str) -> None:
        self.amap = amap
        self.side = side
        self.evaluation: Evaluation = evaluate(amap)
        self.labels = self.evaluation.labels
        self.strength = strengths(amap)
        self.critical = critical_premises(amap)
        self.critical_members: set[str] = set().union(*self.critical.sets)
        self.tree = support_tree(amap)
        self.depth = self._depths()
        self.order = {eid: k for k, eid in enumerate([*amap.claims, *amap.inferences])}
        findings = run_checks(amap, select=["AM101", "AM107", "AM109"])
        self.unsupported = {f.target for f in findings if f.code == "AM101" and f.target in self.tree}
        self.spof = [f.target for f in findings if f.code == "AM109"]
        anchors = {f.target for f in findings if f.code == "AM107"}
        self.links: dict[str, tuple[list[str], str]] = {}
        for inf in amap.inferences.values():
            if inf.is_support and inf.target in amap.claims and inf.id in self.tree:
                anchor = inf.id if inf.explicit_id else inf.target
                if anchor in anchors:
                    question = self._link_phrases(inf)
                    if question is not None:
                        self.links[inf.id] = question
        self.objections = [
            inf
            for inf in amap.inferences.values()
            if inf.is_attack and inf.target in self.tree and inf.id not in self.tree
        ]
        self.line_ids = self._rank_lines()
        self.line_of = self._line_ranks()
        self.shown: set[tuple[str, str]] = set()

    # -- structure --

    def _depths(self) -> dict[str, int]:
        """Steps of support from each element of the support tree up to the thesis."""
        amap = self.amap
        depth = {amap.thesis: 0}
        queue = deque([amap.thesis])
        while queue:
            claim = queue.popleft()
            for inf in amap.supports_of(claim):
                if inf.id in depth:
                    continue
                depth[inf.id] = depth[claim] + 1
                for premise in inf.premises:
                    if premise not in depth:
                        depth[premise] = depth[inf.id]
                        queue.append(premise)
        return depth

    def _line_strength(self, inf: Inference) -> float:
        return min(self.strength[p] for p in inf.premises)

    def _weak(self, ids: Iterable[str]) -> list[str]:
        """The ids that belong to a critical set."""
        return [eid for eid in ids if eid in self.critical_members]

    def _rank_lines(self) -> list[str]:
        """The thesis's support inferences: accepted first, then by strength, then fewest critical premises."""
        lines = self.amap.supports_of(self.amap.thesis)
        return [
            inf.id
            for inf in sorted(
                lines,
                key=lambda inf: (
                    _LABEL_RANK[self.labels[inf.id]],
                    -round(self._line_strength(inf), 6),
                    len(self._weak(self._subtree(inf))),
                    self.order[inf.id],
                ),
            )
        ]

    def _subtree(self, inf: Inference) -> list[str]:
        ids = {inf.id}
        for premise in inf.premises:
            ids |= support_tree(self.amap, premise)
        return sorted(ids, key=lambda e: (self.depth.get(e, 0), self.order[e]))

    def _line_ranks(self) -> dict[str, int]:
        """Element -> the rank of the best line of support it is part of (one pass per line, linear overall)."""
        rank: dict[str, int] = {}
        for k, line in enumerate(self.line_ids):
            stack = [line]
            while stack:
                eid = stack.pop()
                if eid in rank:
                    continue
                rank[eid] = k
                if eid in self.amap.inferences:
                    stack.extend(self.amap.inferences[eid].premises)
                else:
                    stack.extend(inf.id for inf in self.amap.supports_of(eid))
        return rank

    def _place(self, eid: str) -> tuple[int, int, int]:
        """Sort key: the best line the element is on, then nearest the thesis, then map order."""
        return (self.line_of.get(eid, -1), self.depth.get(eid, 0), self.order[eid])

    # -- sentences --

    def claim_statement(self, cid: str) -> Text:
        claim = self.amap.claims[cid]
        return _text(_q(" ".join(claim.text.split())), self._ground(claim))

    def _ground(self, claim: Claim) -> Text | None:
        if claim.source is not None:
            page = f", {_page(claim.page)}" if claim.page else ""
            return _text(" (source: ", _s(claim.source), f"{page})")
        if claim.assumption:
            return _text(" (assumption)")
        return None

    def _link_phrases(self, inf: Inference) -> tuple[list[str], str] | None:
        """The two ends of a missing link: what the premises say, and the conclusion's unconnected words."""
        claims = self.amap.claims
        premise_terms = frozenset().union(*(significant_terms(claims[p].text) for p in inf.premises))
        if inf.warrant:
            premise_terms |= significant_terms(inf.warrant)
        conclusion = claims[inf.target].text
        missing = _phrase(conclusion, premise_terms)
        if not missing:
            return None
        conclusion_terms = significant_terms(conclusion)
        each = max(COMPLETE, PHRASE_WORDS // len(inf.premises))
        said = [_phrase(claims[p].text, conclusion_terms, each) for p in inf.premises]
        start = [x for x in said if x] or [
            _phrase(claims[inf.premises[0]].text, frozenset()) or _clause(claims[inf.premises[0]].text)
        ]
        return start, missing

    def link_question(self, iid: str) -> Question:
        start, missing = self.links[iid]
        said = _joined([_q(x) for x in start], " and ")
        ask = _text("What connects ", *said, " to ", _q(missing), "? (", _e(iid), ")")
        return Question(iid, ask, (self._link_answer(iid),))

    def evidence_question(self, cid: str) -> Question:
        ask = _text("What is the evidence that ", _q(_clause(self.amap.claims[cid].text)), "? (", _e(cid), ")")
        return Question(cid, ask, (self.ground_answer(cid),))

    def ground_question(self, cid: str) -> Question:
        claim = self.amap.claims[cid]
        said = _q(_clause(claim.text))
        if claim.source is not None:
            ask = _text("Does ", _s(claim.source), " really show that ", said, "? (", _e(cid), ")")
        elif claim.assumption:
            ask = _text("Why should we take it for granted that ", said, "? (", _e(cid), ")")
        else:
            ask = _text("Why should we accept that ", said, "? (", _e(cid), ")")
        return Question(cid, ask, (self.ground_answer(cid),))

    def ground_answer(self, cid: str) -> Answer:
        claim = self.amap.claims[cid]
        if claim.source is not None:
            source = self.amap.sources[claim.source]
            quote = _text(", which says ", _q(claim.quote)) if claim.quote else None
            page = f" ({_page(claim.page)})" if claim.page else ""
            return Answer(
                cid, _text(_e(cid), " is sourced: ", _q(source.citation), page, quote, " (", _s(source.id), ").")
            )
        if claim.assumption:
            return Answer(cid, _text(_e(cid), " is an assumption: the map takes it for granted and gives no reason."))
        if claim.status == ACCEPTED:
            return Answer(
                cid, _text(_e(cid), " is marked accepted in the map (status: accepted), with no reason given.")
            )
        return self.no_answer("it has no source, no reason, and is not marked as an assumption")

    @staticmethod
    def no_answer(why: str = "") -> Answer:
        return Answer(None, _text("No answer in the map yet" + (f": {why}." if why else ".")))

    def _conclusion_of(self, eid: str) -> str:
        """The claim an element argues for: a claim itself, or an inference's (eventual) target claim."""
        while eid in self.amap.inferences:
            eid = self.amap.inferences[eid].target
        return eid

    def objection(self, inf: Inference) -> Objection:
        amap = self.amap
        statement = _text(*_joined([_q(" ".join(amap.claims[p].text.split())) for p in inf.premises], " + "))
        conclusion_id = self._conclusion_of(inf.target)
        conclusion = _q(_clause(amap.claims[conclusion_id].text))
        said = significant_terms(amap.claims[conclusion_id].text)
        premises = _joined([_q(_gist(amap.claims[p].text, said)) for p in inf.premises], " and ")
        if amap.is_undercut(inf):
            ask = _text(
                "If ", *premises, ", how does ", _e(inf.target), " show that ", conclusion, "? (", _e(inf.id), ")"
            )
        else:
            ask = _text("If ", *premises, ", why should we accept that ", conclusion, "? (", _e(inf.id), ")")
        rebuttals = list(
            {
                a.id: a for a in [*amap.attacks_on(inf.id), *(a for p in inf.premises for a in amap.attacks_on(p))]
            }.values()
        )
        answers = tuple(
            Answer(
                r.id,
                _text(
                    *_joined([_q(" ".join(amap.claims[p].text.split())) for p in r.premises], " + "),
                    " (",
                    _e(r.id),
                    f", {self.labels[r.id]} as mapped).",
                ),
            )
            for r in rebuttals
        )
        below = set().union(*(support_tree(amap, p) for p in inf.premises))
        bare = [c for c in sorted(below, key=self.order.__getitem__) if c in amap.claims and _bare(amap, c)]
        weak = None
        if bare:
            then = "have your evidence ready" if self.side == "con" else "ask for their evidence"
            weak = _text(
                "the objection rests on ", *_listed(bare), f", which the map gives no source or reason: {then}."
            )
        return Objection(
            element=inf.id,
            target=inf.target,
            label=self.labels[inf.id],
            statement=statement,
            question=Question(inf.id, ask, answers or (self.no_answer(),)),
            note=_text(_q(" ".join(inf.note.split()))) if inf.note else None,
            weak=weak,
        )

    # -- points --

    def _scope_issues(self, scope: set[str], limit: int = QUESTIONS) -> list[Question]:
        """Up to ``limit`` questions, with answers, from the gaps inside ``scope`` not shown yet.

        Deepest first, so that they climb from the premises towards the thesis.
        """
        questions: list[Question] = []
        for eid in sorted(scope, key=lambda e: (-self.depth.get(e, 0), self.order[e])):
            if len(questions) >= limit:
                break
            if eid in self.links and ("link", eid) not in self.shown:
                self.shown.add(("link", eid))
                questions.append(self.link_question(eid))
            elif eid in self.unsupported and ("unsupported", eid) not in self.shown:
                self.shown.add(("unsupported", eid))
                questions.append(self.evidence_question(eid))
        return questions

    def _link_answer(self, iid: str) -> Answer:
        warrant = self.amap.inferences[iid].warrant
        if warrant:
            return Answer(iid, _text("The warrant of ", _e(iid), " says ", _q(_flat(warrant)), "."))
        return self.no_answer("no premise or warrant states the link")

    def _scope_objections(self, scope: set[str], extra: Iterable[str] = ()) -> list[Objection]:
        found = []
        for inf in self.objections:
            if (inf.target in scope or inf.id in extra) and ("objection", inf.id) not in self.shown:
                self.shown.add(("objection", inf.id))
                found.append(self.objection(inf))
        return found

    def critical_point(self, ids: tuple[str, ...]) -> Point:
        amap, members = self.amap, set(ids)
        changes = whatif(amap, reject=ids)
        after = {c.id: c.after for c in changes}
        # What held the thesis up and falls: the chain to put questions to.
        held = {c.id for c in changes if c.before == ACCEPTED and c.id in self.tree} | set(ids)
        revived = [
            c.id
            for c in changes
            if c.id in amap.inferences
            and amap.inferences[c.id].is_attack
            and _LABEL_RANK[c.after] < _LABEL_RANK[c.before]
        ]
        for eid in held:
            self.shown.add(("spof", eid))
        alone = len(ids) == 1
        who = _text(*_joined([_text(_e(i)) for i in ids], " and "))
        if self.side == "con":
            title = _text(
                "Reject ", who, ": the thesis falls with it" if alone else ": together they bring the thesis down"
            )
        else:
            them = "it" if alone else "them together"
            title = _text("They will go after ", who, f": rejecting {them} brings the thesis down")
        fallen = [
            c.id
            for c in changes
            if c.id in amap.claims and c.id not in members and c.id != amap.thesis and c.id in held
        ]
        fresh = [i for i in ids if ("ground", i) not in self.shown]  # a premise of an earlier set is not asked again
        it = "it" if alone else "them"
        if self.side == "con":
            start = _text(f"Reject {it}", _text(" and ", *_listed(fallen), f" fall with {it}") if fallen else None, ":")
        else:
            rejected = "If it is rejected" if alone else "If they are rejected"
            start = _text(rejected, _text(", ", *_listed(fallen), f" fall with {it}:") if fallen else ",")
        why = _text(
            start,
            f" the thesis goes from {self.evaluation.thesis} to {after.get(amap.thesis, self.evaluation.thesis)}",
            _text(", because the objection ", *_listed(revived), " stands again") if revived else None,
            ".",
            None if fresh else " Each of these premises is put to the test in an earlier point.",
        )
        questions = self._scope_issues(held, QUESTIONS)
        asked = fresh[: max(0, QUESTIONS - len(questions))]
        self.shown.update(("ground", i) for i in asked)
        questions += [self.ground_question(i) for i in asked]
        answers = [self.ground_answer(i) for i in fresh if i not in asked]
        if not revived:  # against a revived objection the answer is its rebuttal, not another line
            answers += self._fallbacks([c.id for c in changes if c.id in held and c.id in amap.claims], set(after))
        return Point(
            "critical",
            ids[0],
            title,
            statement=_text(*_joined([self.claim_statement(i) for i in ids], " + ")),
            why=why,
            questions=tuple(questions),
            objections=tuple(self._scope_objections(held, revived)),
            answers=tuple(answers),
        )

    def _fallbacks(self, claims: list[str], changed: set[str]) -> list[Answer]:
        """For the thesis and the claim nearest it that falls, the other reasons the pro side can fall back on."""
        answers = []
        nearest = sorted(claims, key=lambda c: (c != self.amap.thesis, self.depth.get(c, 0), self.order[c]))
        for cid in nearest[:2]:
            others = [inf.id for inf in self.amap.supports_of(cid) if inf.id not in changed]
            if not others:
                continue
            labels = " or ".join(sorted({self.labels[i] for i in others}, key=_LABEL_RANK.__getitem__))
            if cid == self.amap.thesis:
                head = _text(f"The thesis has other lines of support, {labels} as mapped: ")
            else:
                head = _text(_e(cid), f" has other reasons, {labels} as mapped: ")
            answers.append(Answer(others[0], _text(head, *_listed(others), ".")))
        return answers

    def single_point(self, cid: str) -> Point:
        self.shown.add(("spof", cid))
        scope = {cid, *(inf.id for inf in self.amap.supports_of(cid))}
        questions = self._scope_issues(scope)
        if not questions:
            claim = self.amap.claims[cid]
            answer = self.ground_answer(cid) if _grounded(claim) else self.no_answer()
            ask = _text("If ", _q(_clause(claim.text)), " were false, what would be left of the case? (", _e(cid), ")")
            questions = [Question(cid, ask, (answer,))]
        if self.side == "con":
            title = _text("Every line of support runs through ", _e(cid))
        else:
            title = _text("They will go after ", _e(cid), ": every line of support runs through it")
        return Point(
            "single-point",
            cid,
            title,
            statement=self.claim_statement(cid),
            why=_text("Knock it out and the thesis has no line of support left."),
            questions=tuple(questions),
            objections=tuple(self._scope_objections(scope)),
        )

    def _line_note(self, eid: str) -> Text:
        """Where an element sits: the thesis, or the best line of support it is part of."""
        if eid == self.amap.thesis:
            return _text(f"the thesis itself, {self.evaluation.thesis} as mapped")
        rank = self.line_of.get(eid)
        if rank is None:
            return _text("outside the thesis's lines of support")
        line = self.line_ids[rank]
        return _text("the line ", _e(line), f" ({self.labels[line]} as mapped)")

    def objection_point(self, inf: Inference) -> Point:
        self.shown.add(("objection", inf.id))
        objection = self.objection(inf)
        target = self.amap.element(inf.target)
        scope = {inf.target, *(target.premises if isinstance(target, Inference) else ())}
        questions = [objection.question, *self._scope_issues(scope, QUESTIONS - 1)]
        if self.side == "con":
            title = _text("Press the objection ", _e(inf.id), " against ", _e(inf.target))
        else:
            title = _text("They will object with ", _e(inf.id), " against ", _e(inf.target))
        if objection.question.answers[0].element is None:
            state = "The map's own objection; nothing in the map answers it"
        else:
            state = f"The map's own objection; the map answers it, and it is {objection.label} as mapped"
        return Point(
            "objection",
            inf.id,
            title,
            statement=objection.statement,
            why=_text(state, ". It hits ", self._line_note(inf.target), "."),
            note=objection.note,
            questions=tuple(questions),
            caution=objection.weak,
        )

    def gap_point(self, cid: str) -> Point:
        links = [
            inf.id for inf in self.amap.supports_of(cid) if inf.id in self.links and ("link", inf.id) not in self.shown
        ]
        questions = self._scope_issues({cid, *links})
        if links:
            what = "does not follow from its reasons as they are stated"
        else:
            what = "has no source, no reason, and is not an assumption"
        title = _text(_e(cid), " " + what) if self.side == "con" else _text("They will say ", _e(cid), " " + what)
        return Point(
            "gap",
            cid,
            title,
            statement=self.claim_statement(cid),
            why=_text("It is ", None if cid == self.amap.thesis else "on ", self._line_note(cid), "."),
            questions=tuple(questions),
            objections=tuple(self._scope_objections({cid, *links})),
        )

    def points(self, limit: int) -> tuple[list[Point], list[tuple[str, ...]]]:
        """The attack points in order of impact, up to ``limit``; the ids of the ones left out, grouped."""
        amap = self.amap
        candidates: list[tuple[str, tuple[str, ...]]] = [
            ("critical", tuple(sorted(s, key=self.order.__getitem__))) for s in self.critical.sets
        ]
        candidates += [("single-point", (c,)) for c in sorted(self.spof, key=self._place)]

        def objection_key(inf: Inference) -> tuple[int, bool, tuple[int, int, int]]:
            rebutted = bool(amap.attacks_on(inf.id)) or any(amap.attacks_on(p) for p in inf.premises)
            return (_LABEL_RANK[self.labels[inf.id]], rebutted, self._place(inf.target))

        objections = sorted(self.objections, key=objection_key)
        candidates += [("objection", (o.id,)) for o in objections if self.labels[o.id] != REJECTED]
        gaps = set(self.unsupported) | {amap.inferences[i].target for i in self.links}
        candidates += [("gap", (c,)) for c in sorted(gaps, key=self._place)]
        candidates += [("objection", (o.id,)) for o in objections if self.labels[o.id] == REJECTED]
        built: list[Point] = []
        rest: list[tuple[str, ...]] = []
        for kind, ids in candidates:
            if not self._open(kind, ids[0]):
                continue
            if len(built) >= limit:
                rest.append(ids)
            elif kind == "critical":
                built.append(self.critical_point(ids))
            elif kind == "single-point":
                built.append(self.single_point(ids[0]))
            elif kind == "objection":
                built.append(self.objection_point(amap.inferences[ids[0]]))
            else:
                built.append(self.gap_point(ids[0]))
        return built, rest

    def _open(self, kind: str, eid: str) -> bool:
        """Whether a candidate point still has something no earlier point has said."""
        if kind == "single-point":
            return ("spof", eid) not in self.shown
        if kind == "objection":
            return ("objection", eid) not in self.shown
        if kind == "gap":
            links = [
                i.id for i in self.amap.supports_of(eid) if i.id in self.links and ("link", i.id) not in self.shown
            ]
            return bool(links) or (eid in self.unsupported and ("unsupported", eid) not in self.shown)
        return True

    # -- lines of support --

    def lines(self) -> list[Line]:
        amap, lines = self.amap, []
        members = [set(s) for s in self.critical.sets]
        for iid in self.line_ids:
            inf = amap.inferences[iid]
            subtree = self._subtree(inf)
            grounded = [
                c
                for c in subtree
                if c in amap.claims and c not in inf.premises and not amap.supports_of(c) and _grounded(amap.claims[c])
            ]
            evidence = [self._evidence(c) for c in grounded[:EVIDENCE]]
            if len(grounded) > EVIDENCE:
                evidence.append(
                    _text(
                        "and ",
                        _count(len(grounded) - EVIDENCE, "more grounded claim"),
                        ": ",
                        *_listed(grounded[EVIDENCE:]),
                    )
                )
            weak = []
            for cid in self._weak(subtree):
                sets = [s for s in members if cid in s]
                if any(len(s) == 1 for s in sets):
                    weak.append(_text(_e(cid), " (rejected alone, it brings the thesis down)"))
                else:
                    partners = [sorted(s - {cid}, key=self.order.__getitem__) for s in sets]
                    ways = _joined([_text(*_joined([_e(p) for p in group], " + ")) for group in partners], " or with ")
                    weak.append(_text(_e(cid), " (rejected with ", *ways, ", it brings the thesis down)"))
            bare = [c for c in subtree if c in self.unsupported]
            label = self.labels[iid]
            strength = self._line_strength(inf)
            title = _text(_e(iid), f": {label}, strength {strength:.2f}")
            if label != ACCEPTED:
                title = _text(title, " (", self.evaluation.why(iid), ")")
            lines.append(
                Line(
                    iid,
                    inf.premises,
                    label,
                    strength,
                    title,
                    premises=tuple(self._premise(p) for p in inf.premises),
                    evidence=tuple(evidence),
                    weak=_text("Guard ", *_joined(weak, "; "), ".") if weak else None,
                    open=_text("Not grounded yet: ", *_listed(bare), ".") if bare else None,
                )
            )
        return lines

    def _premise(self, cid: str) -> Text:
        quote = self.amap.claims[cid].quote
        return _text(self.claim_statement(cid), " (", _e(cid), ")", _text(", quoting ", _q(quote)) if quote else None)

    def _evidence(self, cid: str) -> Text:
        claim = self.amap.claims[cid]
        said = claim.quote or claim.text
        if claim.source is not None:
            page = f", {_page(claim.page)}" if claim.page else ""
            return _text(_e(cid), ": ", _q(" ".join(said.split())), " (", _s(claim.source), f"{page})")
        return _text(_e(cid), ": ", _q(" ".join(said.split())), " (assumption)")

    # -- the whole --

    def bottom_line(self) -> list[Text]:
        amap, label = self.amap, self.evaluation.thesis
        working = [i for i in self.line_ids if self.labels[i] == ACCEPTED]
        if label == ACCEPTED and working:
            status = _text(
                "As mapped, the thesis is accepted: it stands on ",
                *_listed(working),
                f" ({len(working)} of {_count(len(self.line_ids), 'line')} of support).",
            )
        else:
            status = _text(f"As mapped, the thesis is {label}: {self.evaluation.why(amap.thesis)}.")
        said = [status]
        weakest = self.critical.weakest
        if weakest:
            if self.side == "con":
                each = ": each brings it down alone" if len(weakest) > 1 else ""
                said.append(
                    _text("Reject ", *_joined([_text(_e(w)) for w in weakest], " or "), f" and it falls{each}.")
                )
            else:
                said.append(
                    _text(
                        "Its weakest link" + ("s" if len(weakest) > 1 else "") + ": ",
                        *_listed(weakest),
                        ". Guard " + ("them" if len(weakest) > 1 else "it") + " first.",
                    )
                )
        elif self.critical.sets:
            size = min(len(s) for s in self.critical.sets)
            said.append(_text(f"No single premise brings it down; the smallest sets that do have {size} premises."))
        elif label == ACCEPTED:
            said.append(_text("No set of basic premises brings it down: the points below are its gaps and objections."))
        if not self.critical.exact:
            said.append(_text(f"The critical-premise search was {self.critical.method}."))
        if self.objections:
            open_ = sum(
                1
                for o in self.objections
                if not amap.attacks_on(o.id) and not any(amap.attacks_on(p) for p in o.premises)
            )
            said.append(
                _text(
                    f"The map raises {_count(len(self.objections), 'objection')} to the case"
                    + (
                        ", none of them answered."
                        if open_ == len(self.objections)
                        else f", {open_} of them unanswered."
                        if open_
                        else ", each with an answer in the map."
                    )
                )
            )
        else:
            what = "attack point" if self.side == "con" else "attack to expect"
            said.append(
                _text(
                    "The map contains no objections: every " + what + " below is a weakness argmap's analyses find, "
                    "not an objection anyone has made."
                )
            )
        return said

    def sources(self, cited: set[str]) -> list[SourceEntry]:
        """The sources in ``cited``, in map order, each with every claim that cites it."""
        return [
            SourceEntry(
                s.id,
                s.citation,
                s.url,
                tuple(c.id for c in self.amap.claims.values() if c.source == s.id),
            )
            for s in self.amap.sources.values()
            if s.id in cited
        ]


def _joined(items: list, separator: str) -> list:
    out: list = []
    for k, item in enumerate(items):
        if k:
            out.append(separator)
        out.append(item)
    return out


def _grounded(claim: Claim) -> bool:
    return claim.source is not None or claim.assumption or claim.status == ACCEPTED


def _bare(amap: ArgumentMap, cid: str) -> bool:
    claim = amap.claims[cid]
    return not amap.supports_of(cid) and not _grounded(claim) and claim.status is None


def build_brief(amap: ArgumentMap, side: str, *, points: int = DEFAULT_POINTS) -> Brief:
    """The debate brief for ``side`` (``"pro"`` or ``"con"``) of ``amap``'s thesis.

    Lines of support are ranked by label, then by DF-QuAD strength, then by how few
    critical premises they hold; attack points by impact: the critical-premise sets in
    the order :func:`argmap.critical.critical_premises` gives them, then claims every
    line runs through, then the map's standing objections, then unsupported premises and
    missing links (on the strongest line first, nearest the thesis first), then the
    objections the map already defeats. ``points`` caps the points detailed; the rest
    are named in :attr:`Brief.more`. Raises ``ValueError`` for another ``side``.
    """
    if side not in SIDES:
        raise ValueError(f"side must be 'pro' or 'con', not {side!r}")
    if points < 1:
        raise ValueError("points must be at least 1")
    builder = _Builder(amap, side)
    found, rest = builder.points(points)
    more = None
    if rest:
        groups = [_text(*_joined([_e(eid) for eid in ids], " + ")) for ids in rest[:LISTED_MORE]]
        later = f" and {len(rest) - LISTED_MORE} more" if len(rest) > LISTED_MORE else ""
        more = _text(_count(len(rest), "more point") + ", not detailed here: ", *_joined(groups, ", "), later, ".")
    brief_lines = builder.lines()
    partial = Brief(
        side=side,
        title=amap.title,
        thesis=amap.thesis,
        thesis_label=builder.evaluation.thesis,
        thesis_statement=_text(builder.claim_statement(amap.thesis), " (", _e(amap.thesis), ")"),
        bottom_line=tuple(builder.bottom_line()),
        case=_case(brief_lines),
        lines=tuple(brief_lines) if side == "pro" else (),
        points=tuple(found),
        more=more,
        sources=(),
        names={},
        search=builder.critical.method,
    )
    discussed = partial.discussed()
    cited = {sid for text in partial.texts() for sid in text.sources()}
    cited |= {amap.claims[c].source for c in discussed if c in amap.claims and amap.claims[c].source is not None}
    return replace(
        partial,
        sources=tuple(builder.sources(cited)),
        other_sources=tuple(sid for sid in amap.sources if sid not in cited),
        names={eid: _display(amap, eid) for eid in partial.elements()},
    )


def _case(lines: list[Line]) -> Text:
    """The lines of support in one sentence: each with its label and premises."""
    if not lines:
        return _text("no inference supports the thesis.")
    items: list = []
    for k, line in enumerate(lines):
        items += ["; " if k else "", _e(line.inference), f" ({line.label}, from "]
        items += _joined([_e(p) for p in line.premise_ids], " + ")
        items.append(")")
    return _text(*items, ".")


def _display(amap: ArgumentMap, eid: str) -> str:
    if eid in amap.inferences and not amap.inferences[eid].explicit_id:
        return amap.describe(eid)
    return eid


# -- Markdown -----------------------------------------------------------------------------


def _code(text: str) -> str:
    """A CommonMark code span holding ``text`` literally, whatever backticks it contains."""
    flat = " ".join(text.split())
    runs = [len(r) for r in re.findall(r"`+", flat)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat.strip() else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def md_text(brief: Brief, text: Text) -> str:
    """One sentence as Markdown: map text escaped and in italics, ids as code spans."""
    from argmap.writers.markdown import escape_markdown

    out = []
    for kind, value in text.parts:
        if kind == PLAIN:
            out.append(_md_plain(value))
        elif kind == QUOTE:
            flat = escape_markdown(value)
            out.append(f"*{flat}*" if flat else "")
        elif kind == ELEMENT:
            out.append(_code(brief.name(value)))
        else:
            out.append(_code(value))
    return "".join(out)


def _md_plain(value: str) -> str:
    """argmap's own words (which may repeat ids, as in a reason from the evaluation), escaped, end spaces kept."""
    return _MD_INLINE.sub(r"\\\1", " ".join(value.split(" ")).replace("\n", " "))


def to_markdown(brief: Brief) -> str:
    """The brief as one Markdown page."""
    from argmap.writers.markdown import escape_markdown

    words = WORDS[brief.side]

    def t(text: Text) -> str:
        return md_text(brief, text)

    def asked(question: Question, pad: str = "") -> list[str]:
        said = [f"{pad}- **{words['ask']}:** {t(question.text)}"]
        said += [f"{pad}  - **{words['answer']}:** {t(a.text)}" for a in question.answers]
        return said

    out = [f"# {words['heading']}: {escape_markdown(brief.title)}", ""]
    out += [f"**{words['thesis']}:** {t(brief.thesis_statement)}", ""]
    out += [" ".join(t(s) for s in brief.bottom_line), ""]
    if brief.side == "con":
        out += [f"**{words['lines']}:** {t(brief.case)}", ""]
    else:
        out += [f"## {words['lines']}", ""]
        if not brief.lines:
            out += [t(brief.case), ""]
        for k, line in enumerate(brief.lines, start=1):
            out += [f"### {k}. {t(line.title)}", ""]
            out += [f"- {t(p)}" for p in line.premises]
            out += [f"- Evidence: {t(e)}" for e in line.evidence]
            out += [f"- {t(x)}" for x in (line.weak, line.open) if x is not None]
            out.append("")
    out += [f"## {words['points']}", ""]
    if not brief.points:
        out += ["None: the analyses find no weakness and the map raises no objection.", ""]
    for k, point in enumerate(brief.points, start=1):
        out += [f"### {k}. {t(point.title)}", ""]
        if point.statement is not None:
            out += [f"> {t(point.statement)}", ""]
        if point.note is not None:
            out += [f"In the map's words: {t(point.note)}", ""]
        if point.why is not None:
            out += [t(point.why), ""]
        for question in point.questions:
            out += asked(question)
        for objection in point.objections:
            out.append(
                f"- **Objection** {_code(brief.name(objection.element))} ({objection.label} as mapped): "
                f"{t(objection.statement)}"
            )
            out += asked(objection.question, "  ")
        out += [f"- **{words['answer']}:** {t(a.text)}" for a in point.answers]
        if point.caution is not None:
            out.append(f"- **{words['caution']}:** {t(point.caution)}")
        if out[-1]:
            out.append("")
    if brief.more is not None:
        out += [f"**{words['more']}:** {t(brief.more)}", ""]
    out += ["## Sources", ""]
    if not brief.sources:
        out += ["No source bears on the points above." if brief.other_sources else "The map cites no sources.", ""]
    for source in brief.sources:
        url = ""
        if source.url:
            web = re.fullmatch(r"https?://[^\s<>]+", source.url)
            url = f" <{source.url}>" if web else f" ({escape_markdown(source.url)})"
        cited = ", ".join(_code(c) for c in source.cited_by) if source.cited_by else "no claim"
        out.append(f"- {_code(source.id)}: {escape_markdown(source.citation)}{url} \u2014 cited by {cited}")
    if brief.other_sources:
        others = brief.other_sources
        listed = ", ".join(_code(sid) for sid in others[:LISTED_MORE])
        later = f" and {len(others) - LISTED_MORE} more" if len(others) > LISTED_MORE else ""
        if brief.sources:
            out.append("")
        out.append(f"Also in the map: {listed}{later}.")
    return "\n".join(out).rstrip("\n") + "\n"
