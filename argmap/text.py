"""Significant terms of a claim, for the term rules (rabbit and holding hands).

A term is a word that carries meaning: case-folded, not a stop word, at least three
letters, reduced to its Snowball stem so that "corrupt", "corruption" and "corrupted"
count as one term. Two stems also match when one extends the other by a suffix the
stemmer leaves alone ("econom" / "economi", "safe" / "safeti"), which keeps the rules
from flagging a premise over a word form.

Careful authors vary their wording in ways a stemmer alone does not see, so before
stemming: irregular forms become their base word ("men" -> "man", "struck" ->
"strike", "hungry" -> "hunger", "poverty" -> "poor", "decision" -> "decide", "British"
-> "Britain"), British "-ise" spellings meet American "-ize", possessives and
contractions lose their endings, and numbers (in digits, also with their unit, or in
words) are not terms. The stop words include, besides the usual function
words, hedges ("probably"), connectives ("unless"), the placeholders of general
premises ("measures that ..."), and the words that report evidence rather than state
it ("studies show that ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import repeat

import snowballstemmer

__all__ = [
    "IRREGULAR",
    "STOP_WORDS",
    "missing_terms",
    "shares_term",
    "significant_terms",
    "stem",
    "term_words",
    "terms_of",
]

STOP_WORDS = (
    frozenset(
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
    whom whose why will with within without would wouldn yet you your yours yourself yourselves
    already able across along given yes mrs prof
    """.split()
    )
    | frozenset(
        # connectives, hedges and degree words: how a claim is put, not what it says
        """
    accordingly actually anyhow anyway anyways approximately arguably barely besides certainly clearly
    consequently definitely entirely essentially etc evidently fairly fully furthermore generally hardly
    hence indeed instead largely mainly merely meanwhile moreover namely nearly nevertheless nonetheless
    non obviously partly plainly possibly presumably probably roughly seemingly simply slightly somewhat
    surely typically unless unlikely usually whenever wherever whereas whereby whichever whoever wholly
    everybody everyone everything everywhere nobody none nothing nowhere somebody someone somewhere
    anybody anywhere kind kinds sort sorts bit lot lots whole entire various fewer
    go goes going went gone seem seems seemed seeming
    today nowadays currently recently ago
    despite beyond except including regarding concerning unlike amid amongst throughout alongside beside
    """.split()
    )
    | frozenset(
        # placeholders of a general premise ("the city should fund measures that ..."): they stand
        # for whatever the other premises name
        """
    measure measures policy policies action actions step steps option options ways fact facts
    """.split()
    )
    | frozenset(
        # words that report the evidence for a claim rather than its content
        """
    according evidence research researchers study studies studied survey surveys data
    show shows showed shown suggest suggests suggested indicate indicates indicated
    find finds found report reports reported say says said
    """.split()
    )
    | frozenset(
        # numbers written as words, like numbers in digits, are quantities, not terms
        """
    zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
    thousand thousands million millions billion billions trillion trillions dozen dozens half halves
    twice thrice percent cent first second third fourth fifth sixth seventh eighth ninth tenth
    """.split()
    )
)

IRREGULAR = {
    word: base
    for base, forms in {
        # nouns
        "man": "men",
        "woman": "women",
        "child": "children",
        "foot": "feet",
        "tooth": "teeth",
        "goose": "geese",
        "mouse": "mice",
        "life": "lives",
        "wife": "wives",
        "knife": "knives",
        "wolf": "wolves",
        "self": "selves",
        "shelf": "shelves",
        "thief": "thieves",
        "crisis": "crises",
        "thesis": "theses",
        "hypothesis": "hypotheses",
        "criterion": "criteria",
        "phenomenon": "phenomena",
        "bacterium": "bacteria",
        "fungus": "fungi",
        "nucleus": "nuclei",
        "stimulus": "stimuli",
        "index": "indices",
        # verbs: past tense and past participle
        "arise": "arose arisen",
        "eat": "ate eaten",
        "begin": "began begun",
        "bend": "bent",
        "bite": "bitten",
        "bleed": "bled",
        "blow": "blew blown",
        "break": "broke broken",
        "breed": "bred",
        "bring": "brought",
        "build": "built",
        "burn": "burnt",
        "buy": "bought",
        "catch": "caught",
        "choose": "chose chosen choice choices",
        "come": "came",
        "deal": "dealt",
        "dig": "dug",
        "draw": "drew drawn",
        "drink": "drank drunk",
        "drive": "drove driven",
        "fall": "fell fallen",
        "feed": "fed",
        "feel": "felt",
        "fight": "fought",
        "flee": "fled",
        "fly": "flew flown flight flights",
        "forbid": "forbade forbidden",
        "forget": "forgot forgotten",
        "forgive": "forgave forgiven",
        "freeze": "froze frozen",
        "grow": "grew grown",
        "hang": "hung",
        "hear": "heard",
        "hide": "hid hidden",
        "hold": "held",
        "keep": "kept",
        "know": "knew known",
        "lay": "laid",
        "lead": "led",
        "learn": "learnt",
        "leave": "left",
        "lend": "lent",
        "lose": "lost loss losses",
        "mean": "meant",
        "meet": "met",
        "pay": "paid",
        "prove": "proven proof proofs",
        "ride": "rode ridden",
        "ring": "rang rung",
        "rise": "rose risen",
        "run": "ran",
        "say": "said",
        "see": "saw seen",
        "seek": "sought",
        "sell": "sold sale sales",
        "send": "sent",
        "shake": "shook shaken",
        "shine": "shone",
        "shoot": "shot",
        "shrink": "shrank shrunk",
        "sing": "sang sung",
        "sink": "sank sunk",
        "sit": "sat",
        "sleep": "slept",
        "speak": "spoke spoken speech speeches",
        "spend": "spent",
        "spring": "sprang sprung",
        "stand": "stood",
        "steal": "stole stolen",
        "stick": "stuck",
        "strike": "struck stricken",
        "strive": "strove striven",
        "swear": "swore sworn",
        "sweep": "swept",
        "swim": "swam swum",
        "swing": "swung",
        "take": "took taken",
        "teach": "taught",
        "tear": "tore torn",
        "tell": "told",
        "think": "thought",
        "throw": "threw thrown",
        "understand": "understood",
        "wake": "woke woken",
        "wear": "wore worn",
        "win": "won",
        "withdraw": "withdrew withdrawn",
        "write": "wrote written",
        # adjectives and their nouns, where the stems differ
        "hunger": "hungry",
        "anger": "angry",
        "poor": "poverty",
        "strong": "strength",
        "long": "length",
        "wide": "width",
        "deep": "depth",
        "high": "height",
        "true": "truth",
        "young": "youth",
        "wise": "wisdom",
        "proud": "pride",
        "dead": "death deaths die dies died dying",
        # verbs and their nouns, where the stems differ (more with the past forms above)
        "decide": "decision decisions",
        "success": "succeed succeeds succeeded succeeding",
        "believe": "belief beliefs",
        "birth": "born",
        "emit": "emission emissions",
        "admit": "admission admissions",
        "permit": "permission permissions",
        "submit": "submission submissions",
        "transmit": "transmission transmissions",
        "describe": "description descriptions",
        "prescribe": "prescription prescriptions",
        "analyse": "analysis",
        "paralyse": "paralysis",
        "democracy": "democratic democratically",
        "bureaucracy": "bureaucratic",
        # countries and their adjectives, where the stems differ ("Peru" already meets "Peruvian")
        "britain": "british briton britons",
        "england": "english",
        "scotland": "scottish scots",
        "wales": "welsh",
        "ireland": "irish",
        "france": "french",
        "spain": "spanish spaniard spaniards",
        "netherlands": "dutch",
        "switzerland": "swiss",
        "denmark": "danish",
        "sweden": "swedish",
        "finland": "finnish",
        "norway": "norwegian norwegians",
        "greece": "greek greeks",
        "china": "chinese",
        # comparison
        "good": "better best",
        "bad": "worse worst",
        "far": "farther farthest",
    }.items()
    for word in forms.split()
}
"""Irregular plurals and past forms, comparatives, and the words of one family whose stems differ, by base word."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ASCII_SPACED = bytes(b if chr(b).isalnum() else 32 for b in range(256))
"""A :meth:`bytes.translate` table turning every ASCII character but a letter or digit into a space."""
_stemmer = snowballstemmer.stemmer("english")
if hasattr(_stemmer, "maxCacheSize"):
    # PyStemmer, Snowball in C: stem() keeps a cache already, and PyStemmer's own costs more than stemming
    _stemmer.maxCacheSize = 0
_NUMBER = re.compile(
    r"\d+(?:st|nd|rd|th|s|k|m|bn|tn|g|kg|mg|ml|km|cm|mm|mph|kw|mw|gw|kwh|mwh|gwh|twh|pm|am|h|hrs?|mins?)?"
)
"""A number in digits, with an ordinal or plural ending or the unit it is counted in ("2nd", "1990s", "£2bn", "50g")."""
_ACRONYM_PLURAL = re.compile(r"[A-Z][A-Z0-9]+s")
_BRITISH = re.compile(r"([iy])s(e|es|ed|ing|er|ers|ation|ations)$")
_ALWAYS_ISE = frozenset(
    """
    advertise advise apprise appraise arise braise bruise chastise circumcise comprise compromise concise
    cruise demise despise devise disguise enfranchise enterprise excise exercise expertise franchise
    improvise incise merchandise noise poise praise precise premise promise raise reprise revise rise
    supervise surmise surprise televise treatise wise
    """.split()
)
"""Words spelt "-ise" in American English too: not British spellings of "-ize", so their forms are left alone
("precise" must still meet "precisely" and "precision", "revise" meet "revision")."""
MIN_LENGTH = 3
PREFIX_MATCH = 4


def term_words(text: str) -> dict[str, str]:
    """Significant words of ``text``: stem -> the first word form that produced it."""
    return dict(_term_pairs(text))


@lru_cache(maxsize=1 << 17)
def _term_pairs(text: str) -> tuple[tuple[str, str], ...]:
    """:func:`term_words` as immutable pairs, cached: each claim's text is read once per run, not once per use."""
    forms = _WORD.findall(text)
    words: dict[str, str] = {}
    for form, stem in zip(forms, _stems(forms), strict=True):
        if stem is not None:
            words.setdefault(stem, form)
    return tuple(words.items())


_FORM_STEMS: dict[str, str | None] = {}
"""Word form as written -> its stem, or None for a form that is not a term: the cache of
:func:`_term_stem`. A plain dict rather than a cached function, since the words of every
claim are looked up here one by one and that look-up is most of the term rules' time."""
_MAX_FORMS = 1 << 17
_UNKNOWN = object()
"""What :data:`_FORM_STEMS` gives for a form not met yet."""


def _stems(forms: list[str]) -> list[str | None]:
    """The stem of each form, keeping in :data:`_FORM_STEMS` those not met before (emptied first when too big)."""
    if len(_FORM_STEMS) > _MAX_FORMS:
        _FORM_STEMS.clear()
    stems = []
    for form in forms:
        stem = _FORM_STEMS.get(form, _UNKNOWN)
        if stem is _UNKNOWN:
            stem = _FORM_STEMS[form] = _term_stem(form)
        stems.append(stem)
    return stems  # type: ignore[return-value]


def _term_stem(form: str) -> str | None:
    """The stem of a word as written, or None for a word that is not a term."""
    # "MPs", "NGOs": the plural is the acronym's term, as for "MP", "NGO" (the regular
    # expressions are asked only about words that can match them)
    if form[-1] == "s" and "A" <= form[0] <= "Z" and _ACRONYM_PLURAL.fullmatch(form):
        form = form[:-1]
    word = form.casefold()
    if "'" in word or "’" in word:
        word, _, ending = word.replace("’", "'").partition("'")
        if ending == "t":  # n't: a negated auxiliary (don't, won't, can't)
            return None
    if len(word) < MIN_LENGTH or word in STOP_WORDS or (word[0].isdigit() and _NUMBER.fullmatch(word)):
        return None
    return stem(word)


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The stem argmap compares a lower-case word by: irregular forms and British spellings first, then Snowball."""
    word = IRREGULAR.get(word, word)
    british = _BRITISH.search(word)
    if british and word[: british.start(2)] + "e" not in _ALWAYS_ISE:
        word = word[: british.start()] + british.group(1) + "z" + british.group(2)
    return _stemmer.stemWord(word)


@lru_cache(maxsize=1 << 17)
def significant_terms(text: str) -> frozenset[str]:
    """The stems of the significant words of ``text``."""
    return terms_of((text,))[0]


def terms_of(texts: Iterable[str]) -> list[frozenset[str]]:
    """:func:`significant_terms` of each text, uncached, in one loop: for every claim of a map at once.

    Computed without the word form of each stem that :func:`term_words` keeps (only a
    message about a missing term needs those), and ASCII text without an apostrophe,
    most claims, is split as bytes at everything but letters and digits: the words
    :data:`_WORD` finds, in a third of the time. A call per text would add a third again.
    """
    look_up = _FORM_STEMS.get
    unknown = repeat(_UNKNOWN)
    found: list[frozenset[str]] = []
    for text in texts:
        if text.isascii() and "'" not in text:
            forms = text.encode().translate(_ASCII_SPACED).decode().split()
        else:
            forms = _WORD.findall(text)
        terms: set[object] = set(map(look_up, forms, unknown))
        if _UNKNOWN in terms:  # a form not met before
            terms = set(_stems(forms))
        terms.discard(None)
        found.append(frozenset(terms))  # type: ignore[arg-type]
    return found


def shares_term(stem: str, stems: frozenset[str]) -> bool:
    """Whether ``stem`` is among ``stems``, allowing one to extend the other (length >= 4)."""
    if stem in stems:
        return True
    if len(stem) < PREFIX_MATCH:
        return False
    return any(len(other) >= PREFIX_MATCH and (other.startswith(stem) or stem.startswith(other)) for other in stems)


def missing_terms(text: str, others: frozenset[str]) -> list[str]:
    """Word forms of ``text``'s significant terms found in none of ``others``, in text order.

    Most terms are found as they are: the sets are compared first, and the words of
    ``text`` are looked at only when a term is missing from them.
    """
    terms = significant_terms(text)
    if terms <= others:
        return []
    missing = {stem for stem in terms - others if not shares_term(stem, others)}
    if not missing:
        return []
    return [word for stem, word in _term_pairs(text) if stem in missing]
