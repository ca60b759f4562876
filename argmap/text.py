"""Significant terms of a claim, for the term rules (rabbit and holding hands).

A term is a word that carries meaning: case-folded, not a stop word, at least three
letters, reduced to its Snowball stem so that "corrupt", "corruption" and "corrupted"
count as one term. Two stems also match when one extends the other by a suffix the
stemmer leaves alone ("econom" / "economi"), which keeps the rules from flagging a
premise over a word form.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

__all__ = ["STOP_WORDS", "missing_terms", "shares_term", "significant_terms", "term_words"]

STOP_WORDS = frozenset(
    """
    a about above after again against all almost also although always am among an and another any anyone
    anything are aren around as at be became because become becomes been before being below between both
    but by can cannot could couldn did didn do does doesn doing don done down during each either else
    enough especially even ever every few for from further get gets got had hadn has hasn have haven
    having he her here hers herself him himself his how however i if in into is isn it its itself just
    least less let like likely made make makes many may maybe me might mine more most mostly much must
    my myself neither never no nor not now of off often on once one only onto or other others otherwise
    ought our ours ourselves out over own per perhaps quite rather really same several shall she should
    shouldn since so some something still such than that the their theirs them themselves then there
    therefore these they thing things this those though through thus to too toward towards under until
    up upon us use used very via was wasn we were weren what whatever when where whether which while who
    whom whose why will with within without won would wouldn yet you your yours yourself yourselves
    already able across along given yes
    """.split()
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_stemmer = snowballstemmer.stemmer("english")
MIN_LENGTH = 3
PREFIX_MATCH = 5


def term_words(text: str) -> dict[str, str]:
    """Significant words of ``text``: stem -> the first word form that produced it."""
    return dict(_term_pairs(text))


@lru_cache(maxsize=1 << 17)
def _term_pairs(text: str) -> tuple[tuple[str, str], ...]:
    """:func:`term_words` as immutable pairs, cached: each claim's text is read once per run, not once per use."""
    words: dict[str, str] = {}
    for form in _WORD.findall(text):
        word = form.casefold()
        if "'" in word or "’" in word:
            word = word.replace("’", "'").split("'")[0]
        if len(word) < MIN_LENGTH or word in STOP_WORDS or word.isdigit():
            continue
        words.setdefault(_stem(word), form)
    return tuple(words.items())


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer.stemWord(word)


@lru_cache(maxsize=1 << 17)
def significant_terms(text: str) -> frozenset[str]:
    """The stems of the significant words of ``text``."""
    return frozenset(stem for stem, _ in _term_pairs(text))


def shares_term(stem: str, stems: frozenset[str]) -> bool:
    """Whether ``stem`` is among ``stems``, allowing one to extend the other (length >= 5)."""
    if stem in stems:
        return True
    if len(stem) < PREFIX_MATCH:
        return False
    return any(len(other) >= PREFIX_MATCH and (other.startswith(stem) or stem.startswith(other)) for other in stems)


def missing_terms(text: str, others: frozenset[str]) -> list[str]:
    """Word forms of ``text``'s significant terms found in none of ``others``, in text order."""
    return [word for stem, word in _term_pairs(text) if not shares_term(stem, others)]
