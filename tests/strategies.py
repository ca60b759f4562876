"""Hypothesis strategies for valid argument maps full of hostile text, and ways to compare maps.

A map drawn here is one a reader could have produced: ids and texts are non-empty and
have no surrounding whitespace (readers strip them), references resolve, an inference
that another one targets has an id of its own (a file can only target it by id). Within
that, anything goes: claim texts, titles, citations, warrants and ids mix markup of every
target (DOT, XML, HTML, Markdown, Mermaid, Argdown, YAML, shell) with arbitrary Unicode,
control characters, emoji and right-to-left text.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, Inference, Source

__all__ = ["HOSTILE", "HOSTILE_IDS", "ids", "maps", "shape", "texts"]

HOSTILE = (
    'He said "no" {and} left -> <b>bold</b> <<B>x</B>> <TABLE>',
    "back\\slash \\l \\n \\N \\G \\E \\T \\H \\L end\\",
    "AT&T ]]> <!-- comment --> &amp; &lt; &#x41; &#0; <![CDATA[x]]>",
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    '<img src=x onerror="alert(3)"> <svg onload=alert(4)>',
    "*star* _under_ **bold** ~~strike~~ [x](javascript:alert(5)) ![i](x.png)",
    "| a | b |\n|---|---|",
    "`tick` ``double`` ```fence```",
    "# not a heading",
    "> not a quote",
    "- not a bullet",
    "1. not ordered",
    "+ plus = equals",
    "$(rm -rf /) `rm -rf ~` ; && || > /dev/null",
    "%%{init: {'theme': 'dark'}}%% ((round)) [[sub]] -->|edge| ---x",
    "#quot; #35; #lt; &quot;",
    "[title]: text #tag @[x] <arg> {data: 1} // comment /* c */ .~. :-)",
    "key: value\n- item\n? complex\n--- \n...",
    "emoji \U0001f642\U0001f469\u200d\U0001f469\u200d\U0001f467 and flags \U0001f1fa\U0001f1f3",
    "RTL \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c \u200fmark",
    "controls \x01\x07\x08\x0b\x0c\x1b[31m\x7f end",
    "w" * 3000,
    "line one\nline two\r\nline three\ttab",
    "\u2028separator\u2029paragraph\x85next",
    "zero\u200bwidth\ufeffbom",
)
"""Fragments of claim text that some output target reads as syntax."""

HOSTILE_IDS = ('t"1', "a<b>", "c]{d}", "e|f", "1. g", "-h", "<script>", "x&amp;y", "\\N", "\u05e9\u05dc", "\U0001f642")
"""Ids that are syntax somewhere; Argdown cannot write ``]`` in a title (its writer adjusts such ids)."""

_CHARS = st.characters(exclude_categories=("Cs",))
"""Any character a file can hold (lone surrogates cannot be UTF-8)."""


def _reader_shaped(text: str) -> bool:
    return bool(text) and text == text.strip()


@cache
def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Claim-like text: hostile fragments, arbitrary Unicode, or a mix, as a reader returns it (stripped)."""
    fragment = st.sampled_from(HOSTILE) | st.text(_CHARS, min_size=1, max_size=max_size)
    mixed = st.lists(fragment, min_size=1, max_size=3).map(" ".join)
    return (st.sampled_from(HOSTILE) | mixed | fragment).map(str.strip).filter(bool)


@cache
def ids(argdown: bool = False) -> st.SearchStrategy[str]:
    """Element ids: plain slugs, hostile ids, or any one-line text.

    ``argdown`` keeps to ids Argdown can write as titles (its writer adjusts others): no
    ``]`` or ``>``, no leading ``-``, ``+`` or ``_``, single spaces only.
    """
    slug = st.from_regex(r"[a-z][a-z0-9\-]{0,8}", fullmatch=True)
    hostile = st.sampled_from(HOSTILE_IDS)
    any_text = st.text(_CHARS, min_size=1, max_size=12).filter(lambda t: len(t.splitlines()) == 1)
    drawn = (slug | hostile | any_text).filter(_reader_shaped).filter(lambda t: not t.startswith("inference-"))
    if argdown:
        drawn = drawn.filter(lambda t: not set(t) & set("]>") and t[0] not in "-+_" and t == " ".join(t.split()))
    return drawn


@st.composite
def maps(
    draw: Callable[[st.SearchStrategy[Any]], Any],
    max_claims: int = 6,
    max_inferences: int = 7,
    argdown: bool = False,
) -> ArgumentMap:
    """A valid map: sourced, assumed and bare claims with optional fields; linked and single
    reasons; attacks on claims and undercuts of inferences; named and anonymous inferences."""
    n = draw(st.integers(1, max_claims))
    element_ids = draw(st.lists(ids(argdown), min_size=n + max_inferences + 2, unique=True))
    claim_ids, spare = element_ids[:n], element_ids[n:]
    sources = [
        Source(sid, draw(texts()), draw(st.none() | st.sampled_from(["https://example.org/a?b=1&c=<2>", "x y"])))
        for sid in draw(st.lists(ids(argdown), max_size=2, unique=True))
    ]
    optional = st.none() | texts(20)
    claims = []
    for cid in claim_ids:
        claims.append(
            Claim(
                cid,
                draw(texts()),
                source=draw(st.none() | st.sampled_from([s.id for s in sources])) if sources else None,
                assumption=draw(st.booleans()),
                status=draw(st.sampled_from([None, None, None, "accepted", "rejected"])),
                weight=draw(st.none() | st.sampled_from([0.0, 0.25, 1.0])),
                quote=draw(optional),
                page=draw(st.none() | st.sampled_from(["4", "12-14", "iv", "n/a"])),
                note=draw(optional),
                tags=tuple(draw(st.lists(st.sampled_from(["key", "two words", "t&c"]), max_size=2, unique=True))),
            )
        )
    inferences: list[Inference] = []
    for j in range(draw(st.integers(0, max_inferences))):
        premises = tuple(draw(st.lists(st.sampled_from(claim_ids), min_size=1, max_size=3, unique=True)))
        target = draw(st.sampled_from(claim_ids + [inf.id for inf in inferences]))
        named = draw(st.booleans())
        inferences.append(
            Inference(
                spare[j] if named else f"inference-{j + 1}",
                premises,
                target,
                type=draw(st.sampled_from(["support", "support", "attack"])),
                warrant=draw(optional),
                note=draw(optional),
                explicit_id=named,
            )
        )
    for inf in inferences:
        if any(other.target == inf.id for other in inferences):
            inf.explicit_id = True
    description = draw(st.none() | texts())
    return ArgumentMap(draw(texts()), claim_ids[0], claims, inferences, sources, description=description)


def shape(
    amap: ArgumentMap, text: Callable[[str], str] = lambda t: t, named: ArgumentMap | None = None
) -> dict[str, Any]:
    """What a lossless format must keep, with made-up inference ids replaced by what the inference is.

    ``text`` normalises every text first (formats that collapse whitespace compare through it);
    an inference counts as named when it is named in ``named`` (default: the map itself), for
    formats where every inference needs a name and a made-up one comes back as given.
    """
    names = (named or amap).inferences

    def name(eid: str) -> Any:
        if eid in amap.claims:
            return eid
        inf = amap.inferences[eid]
        explicit = eid in names and names[eid].explicit_id
        return inf.id if explicit else ("anonymous", inf.premises, inf.type, name(inf.target))

    def opt(value: str | None) -> str | None:
        return None if value is None else text(value)

    return {
        "title": text(amap.title),
        "thesis": amap.thesis,
        "description": opt(amap.description),
        "claims": {
            c.id: (
                text(c.text),
                c.source,
                c.assumption,
                c.status,
                c.weight,
                opt(c.quote),
                c.page,
                opt(c.note),
                tuple(c.tags),
            )
            for c in amap.claims.values()
        },
        "inferences": sorted(
            (
                (repr(name(i.id)), i.premises, repr(name(i.target)), i.type, opt(i.warrant), opt(i.note))
                for i in amap.inferences.values()
            ),
            key=repr,
        ),
        "sources": {s.id: (text(s.citation), s.url) for s in amap.sources.values()},
    }
