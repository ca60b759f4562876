"""The check stage's fast paths give what the plain definitions give, finding for finding.

Each check and analysis was rewritten for big maps (one pass instead of a search per
claim, sets compared before words, ASCII split without a regular expression, whole-map
passes shared within a run). Here each is compared, on drawn maps and texts, with the
straightforward definition it replaces, written out again; the term rules' plain
definition reads words with the regular expression only.
"""

from __future__ import annotations

import graphlib
from collections import defaultdict

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import maps

from argmap import ArgumentMap, Claim, Inference, run_checks
from argmap.analysis import circle_suspects, reaching_thesis, support_tree
from argmap.checks import catalogue
from argmap.checks.dialectic import unanswered_objection
from argmap.checks.hygiene import duplicate_claim
from argmap.checks.structure import disconnected, support_and_attack
from argmap.checks.support import unsupported_premise
from argmap.checks.terms import missing_link, stranded_premise
from argmap.text import missing_terms, shares_term, significant_terms, term_words, terms_of

WORDS = (
    "corrupt corruption corrupted economy economic safe safety Britain British poverty poor men man "
    "children hungry hunger organise organize MPs MP NGOs don't Don’t won't it's city's O'Brien o'brien "
    "İstanbul straße STRASSE naïve café 1990s 2nd £2bn 50g twenty l'état rock'n'roll 'tis a''b _under_ x_y "
    "the and of studies show that measures fund funding tax taxes school schools meal meals healthy cost "
    "ﬁnance finance Ⅻ ½ ² ٣ 三 ΣΊΣΥΦΟΣ σίσυφος K Å µ ſ test-driven e-mail well-being"
).split()
SEPARATORS = [" ", " ", " ", ", ", ". ", "; ", " - ", " (", ") ", "' ", " '", "’", "'", "—", "\t", "_", "/", "!", "\n"]

texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=12).map(
    lambda pairs: "".join(w + s for w, s in pairs).strip() or "x"
)
"""Claim-like text from a small vocabulary, so that terms meet: ASCII with and without apostrophes,
curly quotes, non-ASCII letters and digits, case and underscores."""
ascii_texts = st.text(st.characters(max_codepoint=127), max_size=40)


@st.composite
def worded_maps(draw) -> ArgumentMap:
    """Maps whose claims share words: linked and single reasons, warrants, attacks, undercuts, backing, circles."""
    n = draw(st.integers(1, 9))
    claim_ids = [f"c{i}" for i in range(n)]
    pool = draw(st.lists(texts, min_size=1, max_size=4))
    claims = [Claim(cid, draw(st.sampled_from(pool) | texts), line=i + 1) for i, cid in enumerate(claim_ids)]
    inferences: list[Inference] = []
    for j in range(draw(st.integers(0, 12))):
        premises = tuple(draw(st.lists(st.sampled_from(claim_ids), min_size=1, max_size=3, unique=True)))
        target = draw(st.sampled_from(claim_ids + [inf.id for inf in inferences]))
        inferences.append(
            Inference(
                f"i{j}",
                premises,
                target,
                type=draw(st.sampled_from(["support", "support", "attack"])),
                warrant=draw(st.none() | st.none() | texts),
                explicit_id=draw(st.booleans()),
                line=n + j + 1,
            )
        )
    for inf in inferences:
        if any(other.target == inf.id for other in inferences):
            inf.explicit_id = True
    return ArgumentMap("T", draw(st.sampled_from(claim_ids)), claims, inferences)


def _terms(text: str) -> frozenset[str]:
    return frozenset(term_words(text))


def _missing(text: str, others: frozenset[str]) -> list[str]:
    return [word for stem, word in term_words(text).items() if not shares_term(stem, others)]


def _flags(check, amap: ArgumentMap) -> list[tuple[str, str]]:
    return [(flag.target, flag.message) for flag in check(amap)]


# -- text ------------------------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(text=texts | ascii_texts | st.text(max_size=30))
def test_significant_terms_are_the_stems_of_the_words_the_regular_expression_finds(text):
    assert significant_terms(text) == _terms(text)
    assert terms_of([text, text.upper(), text]) == [_terms(text), _terms(text.upper()), _terms(text)]


@settings(max_examples=500, deadline=None)
@given(text=texts | ascii_texts, other=texts | ascii_texts)
def test_missing_terms_match_the_word_by_word_definition(text, other):
    others = _terms(other)
    assert missing_terms(text, others) == _missing(text, others)


# -- analyses --------------------------------------------------------------------------


def _suspects_before(amap: ArgumentMap) -> set[str]:
    """What graphlib's topological sort cannot order: circles and what rests on them."""
    premises: dict[str, list[str]] = {}
    for inf in amap.inferences.values():
        if inf.is_support and inf.target in amap.claims:
            premises.setdefault(inf.target, []).extend(inf.premises)
    sorter = graphlib.TopologicalSorter(premises)
    try:
        sorter.prepare()
    except graphlib.CycleError:
        pass
    else:
        return set()
    ordered: set[str] = set()
    while sorter.is_active():
        ready = sorter.get_ready()
        ordered.update(ready)
        sorter.done(*ready)
    return set(premises).union(*premises.values()) - ordered


@settings(max_examples=400, deadline=None)
@given(amap=worded_maps() | maps())
def test_analyses_match_graph_searches(amap):
    assert reaching_thesis(amap) == nx.ancestors(amap.graph, amap.thesis) | {amap.thesis}
    assert circle_suspects(amap) == _suspects_before(amap)


# -- checks ----------------------------------------------------------------------------


def _missing_link_before(amap: ArgumentMap) -> list[tuple[str, str]]:
    flags = []
    for inf in amap.inferences.values():
        if not (inf.is_support and inf.target in amap.claims):
            continue
        warrant = _terms(inf.warrant) if inf.warrant else frozenset()
        missing = _missing(
            amap.claims[inf.target].text, warrant.union(*(_terms(amap.claims[p].text) for p in inf.premises))
        )
        if missing:
            words = ", ".join(f"'{w}'" for w in missing)
            premises = " + ".join(f"'{p}'" for p in inf.premises)
            anchor = inf.id if inf.explicit_id else inf.target
            flags.append((anchor, f"conclusion '{inf.target}' uses {words}, found in none of its premises {premises}"))
    return flags


def _stranded_premise_before(amap: ArgumentMap) -> list[tuple[str, str]]:
    flags = []
    for inf in amap.inferences.values():
        if not (inf.is_support and inf.target in amap.claims) or len(inf.premises) < 2:
            continue
        warrant = _terms(inf.warrant) if inf.warrant else frozenset()
        for premise in inf.premises:
            others = [inf.target, *(p for p in inf.premises if p != premise)]
            stranded = _missing(
                amap.claims[premise].text, warrant.union(*(_terms(amap.claims[o].text) for o in others))
            )
            if stranded:
                words = ", ".join(f"'{w}'" for w in stranded)
                flags.append(
                    (
                        premise,
                        f"in the reason for '{inf.target}', co-premise '{premise}' uses {words}, "
                        "found neither in the conclusion nor in another co-premise",
                    )
                )
    return flags


def _support_and_attack_before(amap: ArgumentMap) -> list[tuple[str, str]]:
    flags = []
    for claim in amap.claims.values():
        kinds: dict[str, set[str]] = defaultdict(set)
        for inf in amap.inferences_from(claim.id):
            kinds[inf.target].add(inf.type)
        for target, types in kinds.items():
            if len(types) == 2:
                flags.append((claim.id, f"'{claim.id}' both supports and attacks {amap.describe(target)}"))
    return flags


def _unanswered_before(amap: ArgumentMap) -> list[tuple[str, str]]:
    tree = support_tree(amap)
    flags = []
    for inf in amap.inferences.values():
        if not inf.is_attack or inf.target not in tree:
            continue
        if amap.attacks_on(inf.id) or any(amap.attacks_on(p) for p in inf.premises):
            continue
        anchor = inf.id if inf.explicit_id else inf.premises[0]
        objection = " + ".join(f"'{p}'" for p in inf.premises)
        flags.append((anchor, f"objection {objection} against {amap.describe(inf.target)} is unanswered"))
    return flags


def _unsupported_before(amap: ArgumentMap) -> list[str]:
    return [
        c.id for c in amap.premises() if not (c.id == amap.thesis or c.source or c.assumption or amap.supports_of(c.id))
    ]


def _disconnected_before(amap: ArgumentMap) -> list[tuple[str, str]]:
    reached = nx.ancestors(amap.graph, amap.thesis) | {amap.thesis}
    return [
        (e.id, f"{e.kind} {amap.describe(e.id)} does not lead to the thesis '{amap.thesis}'")
        for e in [*amap.claims.values(), *amap.inferences.values()]
        if e.id not in reached
    ]


@settings(max_examples=400, deadline=None)
@given(amap=worded_maps())
def test_checks_match_their_plain_definitions(amap):
    assert _flags(missing_link, amap) == _missing_link_before(amap)
    assert _flags(stranded_premise, amap) == _stranded_premise_before(amap)
    assert _flags(support_and_attack, amap) == _support_and_attack_before(amap)
    assert _flags(unanswered_objection, amap) == _unanswered_before(amap)
    assert [f.target for f in unsupported_premise(amap)] == _unsupported_before(amap)
    assert _flags(disconnected, amap) == _disconnected_before(amap)


@settings(max_examples=300, deadline=None)
@given(amap=worded_maps() | maps())
def test_findings_are_the_same_in_a_run_and_check_by_check(amap):
    """Within run_checks whole-map passes are shared; each check called alone computes its own."""
    alone = sorted(
        (
            (amap.line_of(flag.target), chk.code, flag.target, flag.message)
            for chk in catalogue()
            for flag in chk.function(amap)
        ),
        key=lambda finding: finding[:3],
    )
    assert [(f.line, f.code, f.target, f.message) for f in run_checks(amap)] == alone


_AB = st.sampled_from(["ab c", "a bc", "A-B c", "a—b c", "ab_c", "Straße", "STRASSE", "strasse!", "K", "k", "ab c\n"])


@settings(max_examples=400, deadline=None)
@given(texts_=st.lists(_AB | ascii_texts.filter(bool) | texts, min_size=1, max_size=8))
def test_duplicate_claims_are_those_with_the_same_words(texts_):
    import re

    amap = ArgumentMap("T", "c0", [Claim(f"c{i}", t) for i, t in enumerate(texts_)])
    first: dict[str, str] = {}
    expected = []
    for i, text in enumerate(texts_):
        key = re.sub(r"[\W_]+", " ", text.casefold()).strip()
        if key in first:
            expected.append((f"c{i}", f"'c{i}' repeats the text of '{first[key]}'"))
        else:
            first[key] = f"c{i}"
    assert _flags(duplicate_claim, amap) == expected


def test_duplicates_that_differ_only_where_words_break_are_not_duplicates():
    amap = ArgumentMap("T", "a", [Claim("a", "Fund the school meal."), Claim("b", "Fund these hool meal.")])
    assert _flags(duplicate_claim, amap) == []
    amap = ArgumentMap("T", "a", [Claim("a", "Fund the school-meal."), Claim("b", "fund the school — MEAL")])
    assert _flags(duplicate_claim, amap) == [("b", "'b' repeats the text of 'a'")]


def test_the_claims_terms_are_read_once_per_run_and_afresh_by_a_check_alone(monkeypatch):
    import argmap.checks.terms as term_rules

    calls = []

    def counted(texts_):
        calls.append(1)
        return terms_of(texts_)

    monkeypatch.setattr(term_rules, "terms_of", counted)
    claims = [Claim("t", "Fund the meals."), Claim("a", "Meals help."), Claim("b", "Help the city.")]
    amap = ArgumentMap("T", "t", claims, [Inference("i", ("a", "b"), "t")])
    run_checks(amap)
    assert len(calls) == 1
    assert _flags(missing_link, amap) == [("i", "conclusion 't' uses 'Fund', found in none of its premises 'a' + 'b'")]
    assert [target for target, _ in _flags(stranded_premise, amap)] == ["b"]  # 'city'
    assert len(calls) == 3
