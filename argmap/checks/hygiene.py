"""Checks on the map as a document: repeated claims and sources nobody cites.

Not in the required catalogue, but both catch real mistakes in maps imported from other
tools or edited by several hands: a duplicated claim splits its support in two, and an
unused source usually means a claim lost its ``source:``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.checks import Flag, check
from argmap.model import ArgumentMap

_NON_WORD = re.compile(r"[\W_]+")
_ASCII_SPACED = "".join(c if c.isalnum() else " " for c in map(chr, range(128)))
"""A :meth:`str.translate` table turning every ASCII character but a letter or digit into a space."""


def _plain(text: str) -> str:
    """The words of ``text``, case-folded, one space apart: what two claims with the same text share.

    ASCII text, most claims, is translated and split rather than searched with a regular
    expression, which takes three times as long for the same words.
    """
    if text.isascii():
        return " ".join(text.lower().translate(_ASCII_SPACED).split())
    return _NON_WORD.sub(" ", text.casefold()).strip()


@check(
    "AM110",
    "duplicate-claim",
    "warning",
    summary="two claims with the same text",
    hint="keep one claim and use its id wherever the other was used",
)
def duplicate_claim(amap: ArgumentMap) -> Iterator[Flag]:
    """Two ids for one statement split its support and attacks between them."""
    first: dict[str, str] = {}
    for claim in amap.claims.values():
        key = _plain(claim.text)
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
