"""Checks on grounding: is each claim the argument rests on supported, sourced or assumed?"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis import necessary_premises
from argmap.checks import Flag, check
from argmap.model import ArgumentMap


@check(
    "AM101",
    "unsupported-premise",
    "error",
    summary="a premise with no support, no source, and not marked as an assumption",
    hint="give it a reason (an inference to it), cite a source (`source: id`), or mark it `assumption: true`",
)
def unsupported_premise(amap: ArgumentMap) -> Iterator[Flag]:
    """A premise nobody has grounded is where a sceptical reader stops following.

    Every claim used as a premise must be supported by an inference, grounded in a
    cited source, or accepted on purpose as an assumption. The thesis is left to
    ``unsupported-thesis``.
    """
    for claim in amap.claims.values():  # what a claim says of itself first: asking the map costs more
        if claim.source or claim.assumption or claim.id == amap.thesis:
            continue
        if not amap.inferences_from(claim.id) or amap.supports_of(claim.id):  # not a premise, or supported
            continue
        yield Flag(claim.id, f"premise '{claim.id}' has no support, no source, and is not marked as an assumption")


@check(
    "AM102",
    "unsupported-thesis",
    "error",
    summary="the thesis has no supporting inference",
    hint="add an inference whose `to` is the thesis, or choose as thesis the claim the reasons lead to",
)
def unsupported_thesis(amap: ArgumentMap) -> Iterator[Flag]:
    """A map whose main conclusion has no reason is an assertion, not an argument."""
    if not amap.supports_of(amap.thesis):
        yield Flag(amap.thesis, f"thesis '{amap.thesis}' has no supporting inference")


@check(
    "AM109",
    "single-point-of-failure",
    "info",
    summary="a premise that lies on every line of support for the thesis",
    hint="shore it up (a second reason, a source) or add an independent line of support that avoids it",
)
def single_point_of_failure(amap: ArgumentMap) -> Iterator[Flag]:
    """Knock this premise out and the thesis loses all its support: the place an opponent will aim.

    Computed over the thesis's support tree: a claim is flagged when every way of
    deriving the thesis from basic premises uses it.
    """
    for cid in sorted(necessary_premises(amap), key=lambda c: (amap.line_of(c), c)):
        yield Flag(cid, f"every line of support for the thesis '{amap.thesis}' depends on '{cid}'")
