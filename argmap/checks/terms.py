"""The term rules of argument-mapping pedagogy (rabbit rule, holding-hands rule).

Both compare significant terms (see :mod:`argmap.text`): a term in a conclusion must
come from somewhere, and a term in a co-premise must go somewhere. An inference's
``warrant`` is the general premise that links the others, stated as such, so its terms
count as the premises' terms do.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import reduce
from operator import xor

from argmap.checks import Flag, check, shared
from argmap.model import SUPPORT, ArgumentMap, Inference
from argmap.text import missing_terms, significant_terms, terms_of


@shared
def _linked_supports(amap: ArgumentMap) -> list[Inference]:
    claims = amap.claims
    return [inf for inf in amap.inferences.values() if inf.type == SUPPORT and inf.target in claims]


@shared
def _claim_terms(amap: ArgumentMap) -> dict[str, frozenset[str]]:
    """The significant terms of every claim, by id: most claims are in some reason."""
    return dict(zip(amap.claims, terms_of(claim.text for claim in amap.claims.values()), strict=True))


def _warrant_terms(inf: Inference) -> frozenset[str]:
    return significant_terms(inf.warrant) if inf.warrant else frozenset()


def _quoted(words: list[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)


@check(
    "AM107",
    "missing-link",
    "warning",
    summary="rabbit rule: a term of a support's conclusion appears in none of its premises",
    hint="add the unstated premise that connects these terms to the premises (or reword to use the same terms)",
)
def missing_link(amap: ArgumentMap) -> Iterator[Flag]:
    """A term that appears in the conclusion but in no premise was pulled out of a hat.

    Usually a premise is unstated: the gap between what the premises say and what the
    conclusion claims. The finding names the inference's id when given, else the conclusion.
    """
    terms = _claim_terms(amap)
    for inf in _linked_supports(amap):
        premise_terms = _warrant_terms(inf).union(*[terms[p] for p in inf.premises])
        if terms[inf.target] <= premise_terms:
            continue
        missing = missing_terms(amap.claims[inf.target].text, premise_terms)
        if missing:
            anchor = inf.id if inf.explicit_id else inf.target
            premises = " + ".join(f"'{p}'" for p in inf.premises)
            yield Flag(
                anchor,
                f"conclusion '{inf.target}' uses {_quoted(missing)}, found in none of its premises {premises}",
            )


@check(
    "AM108",
    "stranded-premise",
    "warning",
    summary="holding-hands rule: a co-premise's term appears neither in the conclusion nor in another co-premise",
    hint="link the term to the rest of the reason (a co-premise that uses it), or drop it from the premise",
)
def stranded_premise(amap: ArgumentMap) -> Iterator[Flag]:
    """In a linked reason every term of a co-premise should hold hands with another part.

    A term nothing else in the reason mentions does no work: either a co-premise that
    connects it is missing, or the premise says more than the reason needs.
    """
    terms = _claim_terms(amap)
    for inf in _linked_supports(amap):
        if len(inf.premises) < 2:
            continue
        around = _warrant_terms(inf) | terms[inf.target]
        each = [terms[p] for p in inf.premises]
        # A term of one co-premise alone is in an odd number of them: if all such terms are in the
        # conclusion or the warrant, every term holds hands as it is (the usual case)
        if reduce(xor, each) <= around:
            continue
        for i, premise in enumerate(inf.premises):
            stranded = missing_terms(amap.claims[premise].text, around.union(*each[:i], *each[i + 1 :]))
            if stranded:
                yield Flag(
                    premise,
                    f"in the reason for '{inf.target}', co-premise '{premise}' uses {_quoted(stranded)}, "
                    "found neither in the conclusion nor in another co-premise",
                )
