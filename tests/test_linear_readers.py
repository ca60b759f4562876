"""The readers' linear-time scanners cut exactly where the patterns they replace cut.

The Argdown lexer follows argdown-core's regular expressions; some of them scanned a line
(or the file) again for every opening mark, or kept regex state per character. The
lexer now skips where a rule must fail and scans those stretches by hand; these tests
lex the same texts with argdown-core's patterns as written and compare every token.
Kialo's line splitting and the sparse line index are compared with the simple versions.
"""

from __future__ import annotations

import bisect
import random
import re
from pathlib import Path

import pytest

from argmap.errors import MapError
from argmap.readers import _argdown_lexer as lx
from argmap.readers._lines import LineIndex
from argmap.readers.kialo import _lines

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "argdown"

# argdown-core's patterns as the lexer had them before it skipped where they must fail.
_COMMENT_BODY = rf"(?:<!--(?:{lx._DOT}|\n|\r)*?-->)|(?:/\*(?:{lx._DOT}|\n|\r)*?\*/)|(?://{lx._DOT}*?(?=\r\n|\n|\r))"
_COMMENT = re.compile(_COMMENT_BODY)
_COMMENT_AFTER_EMPTYLINE = re.compile(rf"(?:{_COMMENT_BODY})(?:[ \t]*\r\n|\n|\r)*")
_COMMENT_AFTER_NEWLINE = re.compile(rf"(?:{_COMMENT_BODY})(?:[ \t]*(?:\r\n|\n|\r)(?!([ \t]*(\r\n|\n|\r))))?")
_DATA = re.compile(rf"{{((?!}}{lx._WS}[^,}}])({lx._DOT}|\n))*}}(?!{lx._WS}*(,|}}))")
_EMPTYLINE = re.compile(r"(?:[ \t]*(?:\r\n|\n)){2,}")
_SPACES = re.compile(r"( |\t)+")


def _plain(pattern):
    def match(lexer, pos):
        m = pattern.match(lexer.text, pos)
        return m.end() - pos if m else 0

    return match


def _comment(lexer, pos):
    last = lexer.tokens[-1].kind if lexer.tokens else None
    pattern = (
        _COMMENT_AFTER_EMPTYLINE if last == lx.EMPTYLINE else _COMMENT_AFTER_NEWLINE if last == lx.NEWLINE else _COMMENT
    )
    return _plain(pattern)(lexer, pos)


def _emptyline(lexer, pos):
    if lexer.tokens and lexer.tokens[-1].kind == lx.EMPTYLINE:
        return 0
    m = _EMPTYLINE.match(lexer.text, pos)
    if not m:
        return 0
    if m.end() < len(lexer.text):
        lexer.dedent_all(pos)
    return m.end() - pos


def _reference(rules):
    replaced = {lx.COMMENT: _comment, lx.DATA: _plain(_DATA), lx.EMPTYLINE: _emptyline, lx.SPACES: _plain(_SPACES)}
    replaced.update({kind: _plain(pattern) for kind, (pattern, _) in lx._SCANNING.items()})
    replaced[lx.TAG] = _plain(lx._PLAIN[lx.TAG])
    return [(kind, chars, replaced.get(kind, fn)) for kind, chars, fn in rules]


REFERENCE = {
    ("default", True): lx._dispatch(_reference(lx._DEFAULT_RULES)),
    ("default", False): lx._dispatch([r for r in _reference(lx._DEFAULT_RULES) if r[0] not in lx._LINE_START_ONLY]),
    ("inference", True): lx._dispatch(_reference(lx._INFERENCE_RULES)),
    ("inference", False): lx._dispatch(_reference(lx._INFERENCE_RULES)),
}


def _tokens(text: str) -> list[tuple[str, int, int]] | str:
    try:
        return [(t.kind, t.start, t.end) for t in lx.tokenize(text).tokens]
    except MapError as error:
        return str(error)


def _reference_tokens(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, int]] | str:
    with monkeypatch.context() as patch:
        patch.setattr(lx, "_MODES", REFERENCE)
        return _tokens(text)


PIECES = [
    *"[]<>(){}@#-+*_.:,;=/\\!\n\r \t ab",
    *("\u2028", "\u2029", "-->", "<!--", "/*", "*/", "//", "===", "]:", ">:", "[a]", "<a>", "\r\n"),
    *("  + ", "(1) ", "----", "\n\n", "{a: 1}", "}, ", "} x", "[a](b)", "#(x y)", "@[a]", "@<a>"),
]


def test_the_lexer_cuts_random_texts_as_argdown_core_patterns_do(monkeypatch):
    rng = random.Random(2026)
    for _ in range(4_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 50)))
        assert _tokens(text) == _reference_tokens(text, monkeypatch), repr(text)


def test_the_lexer_cuts_the_corpus_as_argdown_core_patterns_do(monkeypatch):
    files = sorted(CORPUS.glob("*.argdown"))
    assert len(files) >= 30, f"expected the shared corpus in {CORPUS}"
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert _tokens(text) == _reference_tokens(text, monkeypatch), path.name


def test_kialo_lines_are_those_of_splitlines():
    rng = random.Random(5)
    pieces = ["a", " ", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\x1f"]
    for _ in range(3_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert list(_lines(text)) == text.splitlines(), repr(text)


@pytest.mark.parametrize("universal", [False, True])
def test_the_sparse_line_index_agrees_with_a_list_of_line_starts(universal):
    rng = random.Random(11)
    breaks = re.compile(r"\r\n|\r|\n" if universal else r"\n")
    for _ in range(40):
        text = "".join(rng.choice(["a", "bc", "\n", "\r", "\r\n", "\n\n"]) for _ in range(rng.randint(0, 3_000)))
        starts = [0, *(m.end() for m in breaks.finditer(text))]
        index = LineIndex(text, universal)
        in_order = [*range(0, len(text) + 1, 7), *range(max(0, len(text) - 3), len(text) + 1)]
        for offset in [*in_order, *rng.sample(in_order, len(in_order))]:  # counted on, then looked up afresh
            line = bisect.bisect_right(starts, offset)
            assert index.position(offset) == (line, offset - starts[line - 1] + 1), (offset, universal)
