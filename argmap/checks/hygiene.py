"""Checks on the map as a document: repeated claims and sources nobody cites.

Not in the required catalogue, but both catch real mistakes in maps imported from other
tools or edited by several hands: a duplicated claim splits its support in two, and an
unused source usually means a claim lost its ``source:``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from argmap.checks import Flag, check
from argmap.model import ArgumentMap

_NON_WORD = re.compile(r"[\W_]+")
_ASCII_NON_WORD = bytes(b for b in range(128) if not chr(b).isalnum())


@check(
    "AM110",
    "duplicate-claim",
    "warning",
    summary="two claims with the same text",
    hint="keep one claim and use its id wherever the other was used",
)
def duplicate_claim(amap: ArgumentMap) -> Iterator[Flag]:
    """Two ids for one statement split its support and attacks between them.

    Only claims whose letters and digits, case-folded, another claim shares can repeat
    one, so the words (case-folded, one space apart) are compared among those alone. That
    sieve squashes ASCII text, most claims, as bytes without a regular expression, several
    times faster; other text as UTF-8 (lone surrogates kept), so that equal squashes stay equal.
    """
    squashed = [
        text.encode().translate(None, _ASCII_NON_WORD).lower()
        if text.isascii()
        else _NON_WORD.sub("", text.casefold()).encode("utf-8", "surrogatepass")
        for text in [claim.text for claim in amap.claims.values()]
    ]
    if len(set(squashed)) == len(squashed):
        return
    repeated = {text for text, count in Counter(squashed).items() if count > 1}
    first: dict[str, str] = {}
    for claim, sieved in zip(amap.claims.values(), squashed, strict=True):
        if sieved not in repeated:
            continue
        key = _NON_WORD.sub(" ", claim.text.casefold()).strip()
        if key in first:
            yield Flag(claim.id, f"'{claim.id}' repeats the text of '{first[key]}'")
        else:
            first[key] = claim.id


@check(
    "AM111",
    "unused-source",
    "info",
    summary="a source that no claim cites",
    hint="cite it from the claim it grounds (`source: id`), or remove it",
)
def unused_source(amap: ArgumentMap) -> Iterator[Flag]:
    """A listed source that grounds nothing is usually a claim that lost its ``source:``."""
    cited = {claim.source for claim in amap.claims.values()}
    for sid in amap.sources:
        if sid not in cited:
            yield Flag(sid, f"source '{sid}' is cited by no claim")
