"""Argdown's tokens, cut exactly where the reference implementation (argdown-core 1.7) cuts them.

Argdown is lexed, not parsed by lines: which token a character starts depends on the
token before it (a relation symbol counts only at the start of a line, an inference
line only right after a line break), and the lexer itself emits the ``Indent`` and
``Dedent`` tokens that nest relations. Reading the same files as the Argdown tools
therefore means cutting tokens the same way, in the same order of preference: this
module follows argdown-core's lexer rule by rule (the first matching rule wins).
Texts are plain Python strings; lines and columns count code points from 1.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from argmap.errors import MapError
from argmap.readers._lines import LineIndex

__all__ = [
    "SHORTCODES",
    "SPECIAL_CHAR_PATTERN",
    "Lexer",
    "Token",
    "tokenize",
]

# Token kinds. Plain strings, so that a token prints readably.
COMMENT = "Comment"
FRONT_MATTER = "FrontMatter"
DATA = "Data"
LIST_DELIMITER = "ListDelimiter"
ESCAPED_CHAR = "EscapedChar"
SPECIAL_CHAR = "SpecialChar"
EMPTYLINE = "Emptyline"
NEWLINE = "Newline"
INDENT = "Indent"
DEDENT = "Dedent"
INFERENCE_START = "InferenceStart"
INFERENCE_END = "InferenceEnd"
INCOMING_SUPPORT = "IncomingSupport"
INCOMING_ATTACK = "IncomingAttack"
OUTGOING_SUPPORT = "OutgoingSupport"
OUTGOING_ATTACK = "OutgoingAttack"
CONTRADICTION = "Contradiction"
INCOMING_UNDERCUT = "IncomingUndercut"
OUTGOING_UNDERCUT = "OutgoingUndercut"
HEADING_START = "HeadingStart"
STATEMENT_NUMBER = "StatementNumber"
ORDERED_LIST_ITEM = "OrderedListItem"
UNORDERED_LIST_ITEM = "UnorderedListItem"
ASTERISK_BOLD_END = "AsteriskBoldEnd"
UNDERSCORE_BOLD_END = "UnderscoreBoldEnd"
ASTERISK_ITALIC_END = "AsteriskItalicEnd"
UNDERSCORE_ITALIC_END = "UnderscoreItalicEnd"
ASTERISK_BOLD_START = "AsteriskBoldStart"
UNDERSCORE_BOLD_START = "UnderscoreBoldStart"
ASTERISK_ITALIC_START = "AsteriskItalicStart"
UNDERSCORE_ITALIC_START = "UnderscoreItalicStart"
LINK = "Link"
TAG = "Tag"
STATEMENT_DEFINITION = "StatementDefinition"
STATEMENT_REFERENCE = "StatementReference"
STATEMENT_MENTION = "StatementMention"
ARGUMENT_DEFINITION = "ArgumentDefinition"
ARGUMENT_REFERENCE = "ArgumentReference"
ARGUMENT_MENTION = "ArgumentMention"
SPACES = "Spaces"
FREESTYLE = "Freestyle"
UNUSED_CONTROL_CHAR = "UnusedControlChar"

RELATIONS = frozenset(
    {
        INCOMING_SUPPORT,
        INCOMING_ATTACK,
        OUTGOING_SUPPORT,
        OUTGOING_ATTACK,
        CONTRADICTION,
        INCOMING_UNDERCUT,
        OUTGOING_UNDERCUT,
    }
)
SKIPPED = frozenset({COMMENT, SPACES})
_LINE_ENDS = frozenset({NEWLINE, EMPTYLINE})

# JavaScript's '.' and '\s', which differ from Python's.
_DOT = r"[^\n\r\u2028\u2029]"
_WS = r"[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
_NOT_WS = r"[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"

# Argdown's patterns, written so that Python's regular expressions keep no state per character:
# a repeated group ("(?:.|\n)*", "( |\t)+") costs some 150 bytes of backtracking stack for each
# character it repeats over (300 MB for a 2 MB comment), a single character class nothing.
_COMMENT = re.compile(r"(?:<!--[^\u2028\u2029]*?-->)|(?:/\*[^\u2028\u2029]*?\*/)|(?://" + _DOT + r"*?(?=\r\n|\n|\r))")
_COMMENT_TAIL_AFTER_EMPTYLINE = re.compile(r"[ \t]*\r\n|\n|\r")
"""After an empty line, a comment takes the line breaks after it, one match of this at a time."""
_COMMENT_TAIL_AFTER_NEWLINE = re.compile(r"[ \t]*(?:\r\n|\n|\r)(?![ \t]*(?:\r\n|\n|\r))")
"""After a line break, a comment takes the line break after it, unless an empty line follows."""
_FRONT_MATTER = re.compile(r"===+[\s\S]*?===+")
_DATA_STOP = re.compile(rf"[\r\u2028\u2029]|}}{_WS}[^,}}]")
"""Where the body of a data block must stop: a line end other than LF, or ``}`` with a space and more after it."""
_DATA_NOT_END = re.compile(rf"{_WS}*[,}}]")
"""After a ``}`` that does not end a data block (a comma or brace follows)."""
_LIST_DELIMITER = re.compile(",")
_INFERENCE_END = re.compile(r"-{2,}")
_ESCAPED_CHAR = re.compile(rf"\\{_DOT}(?: )*")
_SPECIAL_CHAR = re.compile(rf"(?:\.{_NOT_WS}+?\.[ \t]?)|(?::{_NOT_WS}+?:[ \t]?)")
SPECIAL_CHAR_PATTERN = _SPECIAL_CHAR
"""A special character such as ``.~.``: text between two dots or two colons."""
_BLANK_LINE = re.compile(r"[ \t]*(?:\r\n|\n)")
"""One line of an empty-line token, which is two or more of these."""
_TWO_BLANK_LINES = re.compile(r"[ \t]*(?:\r\n|\n)[ \t]*(?:\r\n|\n)")
"""The least an empty-line token needs: tried first, it rules out most line breaks in one step."""
_NEWLINE = re.compile(r"[ \t]*(?:\r\n|\n|\r)")
_INFERENCE_START = re.compile(r"[ \t]*-{2}")
_RELATION_PATTERNS = {
    INCOMING_SUPPORT: re.compile(r"([ \t]*)(\+>)"),
    INCOMING_ATTACK: re.compile(r"([ \t]*)(->)"),
    OUTGOING_SUPPORT: re.compile(r"([ \t]*)(<?\+)"),
    OUTGOING_ATTACK: re.compile(r"([ \t]*)(<?-)"),
    CONTRADICTION: re.compile(r"([ \t]*)(><)"),
    INCOMING_UNDERCUT: re.compile(r"([ \t]*)(_>)"),
    OUTGOING_UNDERCUT: re.compile(rf"([ \t]*)(<_|(?:_(?={_WS})))"),
}
_HEADING_START = re.compile(r"(#+)(?: )")
_STATEMENT_NUMBER = re.compile(r"[ \t]*\(\d+\)")
_ORDERED_LIST_ITEM = re.compile(rf"([ \t]*)\d+\.(?={_WS})")
_UNORDERED_LIST_ITEM = re.compile(rf"([ \t]*)\*(?={_WS})")
_RANGE_END_TAIL = r"(?:[ \t]|(?=\n|\r|\)|\}|_|\.|,|!|\?|;|:|-|\*|\Z))"
_RANGE_ENDS = {
    ASTERISK_BOLD_END: ("AsteriskBold", re.compile(r"\*\*" + _RANGE_END_TAIL)),
    UNDERSCORE_BOLD_END: ("UnderscoreBold", re.compile(r"__" + _RANGE_END_TAIL)),
    ASTERISK_ITALIC_END: ("AsteriskItalic", re.compile(r"\*" + _RANGE_END_TAIL)),
    UNDERSCORE_ITALIC_END: ("UnderscoreItalic", re.compile(r"_" + _RANGE_END_TAIL)),
}
_RANGE_STARTS = {
    ASTERISK_BOLD_START: ("AsteriskBold", re.compile(rf"\*\*(?!{_WS})")),
    UNDERSCORE_BOLD_START: ("UnderscoreBold", re.compile(rf"__(?!{_WS})")),
    ASTERISK_ITALIC_START: ("AsteriskItalic", re.compile(rf"\*(?!{_WS})")),
    UNDERSCORE_ITALIC_START: ("UnderscoreItalic", re.compile(rf"_(?!{_WS})")),
}
_TAG_CHARS = r"a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF"
TAG_PATTERN = re.compile(rf"#(?:\(([^)]+)\)|([{_TAG_CHARS}]+))")
"""A tag's name: group 1 for ``#(several words)``, group 2 for ``#word``."""
_PLAIN = {
    LINK: re.compile(r"\[[^\]]+?\]\([^)]+?\)[ \t]?"),
    TAG: re.compile(rf"#(?:\([^)]+\)|[{_TAG_CHARS}]+)[ \t]?"),
    STATEMENT_DEFINITION: re.compile(rf"\[{_DOT}+?\]:"),
    STATEMENT_REFERENCE: re.compile(rf"\[[^-]{_DOT}*?\]"),
    STATEMENT_MENTION: re.compile(rf"@\[{_DOT}+?\][ \t]?"),
    ARGUMENT_DEFINITION: re.compile(rf"<{_DOT}+?>:"),
    ARGUMENT_REFERENCE: re.compile(rf"<[^-]{_DOT}*?>"),
    ARGUMENT_MENTION: re.compile(rf"@<{_DOT}+?>[ \t]?"),
    SPACES: re.compile(r"[ \t]+"),
    FREESTYLE: re.compile(r"[^\\@#*_\[\],.:;</>\-\r\n(){}]+"),
    UNUSED_CONTROL_CHAR: re.compile(r"[@#*_\[\],.:;</>\-(){}][ \t]?"),
}
_ANY_BUT = "\x00"
_LINE_END = re.compile(r"[\n\r\u2028\u2029]")
"""JavaScript's line ends: what ``.`` does not match."""
_LS_PS = re.compile(r"[\u2028\u2029]")

SHORTCODES: dict[str, str] = {
    **{f"{d}{name}{d}": char for d in ".:" for name, char in {
        "A": "∀", "E": "∃", "O": "𝗢", "P": "𝗣", "->": "→", "<->": "↔", "~": "¬", "^": "∧", "v": "∨",
        "v_": "⊻", "<>": "◇", "[]": "◻", "happy": "😀", "smiley": "☺", "laugh": "😆", "lol": "😆",
        "rofl": "🤣", "joy": "😂", "heart": "❤", "?": "❓", "question": "❓", "love": "😍", "wink": "😉",
        "shush": "🤫", "meh": "😐", "eye-roll": "🙄", "sad": "😢", "disappointed": "😞", "scream": "😱",
        "+1": "👍", "up": "👍", "-1": "👎", "down": "👎", "think": "🤔", "star": "⭐", "y": "✔",
        "agree": "✔", "n": "❌", "disagree": "❌",
    }.items()},
    ".smile.": "☺",
    ":smile:": "☺\ufe0f",
}  # fmt: skip
"""Argdown's special characters: ``.~.`` and ``:~:`` stand for ``¬``, and so on."""


@dataclass(slots=True)
class Token:
    """One token: its kind, the text it covers and where (offsets into the text, end exclusive)."""

    kind: str
    image: str
    start: int
    end: int


@dataclass
class Lexer:
    """Argdown's lexer, with its state (the indentation and the open bold/italic ranges)."""

    text: str
    path: str | None = None
    origin: Callable[[int], tuple[str | None, int, int]] | None = None
    tokens: list[Token] = field(default_factory=list)
    indents: list[int] = field(default_factory=lambda: [0])
    ranges: list[str] = field(default_factory=list)
    _lines: LineIndex | None = None
    failed_until: dict[str, int] = field(default_factory=dict)
    pos: int = 0
    modes: list[str] = field(default_factory=lambda: ["default"])
    done: bool = False

    # -- positions -------------------------------------------------------------------

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        if self._lines is None:
            self._lines = LineIndex(self.text, universal=True)
        return self._lines.position(offset)

    def locate(self, offset: int) -> tuple[str | None, int, int]:
        """The file, line and column an offset was written at (text pulled in by ``@include`` has its own)."""
        if self.origin is not None:
            return self.origin(offset)
        return (self.path, *self.position(offset))

    def error(self, message: str, offset: int) -> MapError:
        return MapError(message, *self.locate(offset))

    # -- the indentation tokens --------------------------------------------------------

    def dedent_all(self, pos: int) -> None:
        end = self.tokens[-1].end if self.tokens else 0
        while len(self.indents) > 1:
            self.tokens.append(Token(DEDENT, "", pos, end))
            self.indents.pop()

    def indent_or_dedent(self, indent: str, pos: int) -> None:
        level = len(indent)
        end = (self.tokens[-1].end if self.tokens else 0) + level
        if level > self.indents[-1]:
            self.indents.append(level)
            self.tokens.append(Token(INDENT, "", pos, end))
        else:
            while len(self.indents) > 1 and level < self.indents[-1]:
                self.indents.pop()
                self.tokens.append(Token(DEDENT, "", pos, end))

    # -- lexing ------------------------------------------------------------------------

    def run(self) -> list[Token]:
        """All tokens, the skipped ones (spaces, comments) left out, as argdown-core's ``tokenize``."""
        self.more(-1)
        return self.tokens

    def more(self, wanted: int) -> None:
        """Lex on until :attr:`tokens` has more than ``wanted`` tokens, or to the end of the text if -1.

        The parser asks for tokens as it needs them and forgets those it has read, so a
        big file is never held as tokens all at once. Lexing stops only after a token that
        is final: an empty line at the very end of the text is dropped when the end is
        reached, so one that may still be the last is never handed out early.
        """
        text, n, pos = self.text, len(self.text), self.pos
        stack = self.modes
        tokens = self.tokens
        if pos < n and 0 <= wanted < len(tokens) and tokens[-1].kind != EMPTYLINE:
            return
        by_char, other = _MODES[stack[-1], not tokens or tokens[-1].kind in _LINE_ENDS]
        while pos < n:
            for candidate in by_char.get(text[pos], other):
                length = candidate[1](self, pos)
                if length:
                    kind = candidate[0]
                    break
            else:
                if text[pos] == "\\":
                    raise self.error("a backslash must escape a character on the same line", pos)
                raise self.error(f"unexpected character {text[pos]!r}", pos)
            end = pos + length
            if kind not in SKIPPED:
                # Matchers may add indentation tokens first; the token matched is always the last.
                tokens.append(Token(kind, text[pos:end], pos, end))
                if kind == INFERENCE_START:
                    stack.append("inference")
                elif kind == INFERENCE_END and len(stack) > 1:
                    stack.pop()
                by_char, other = _MODES[stack[-1], kind in _LINE_ENDS]
                if 0 <= wanted < len(tokens) and kind != EMPTYLINE:
                    pos = end
                    break
            pos = end
        self.pos = pos
        if pos >= n and not self.done:
            self.done = True
            if tokens and tokens[-1].kind == EMPTYLINE:
                tokens.pop()
            self.dedent_all(n)


# -- matchers: each takes the lexer and a position and returns the length it matched, or 0 --

_Matcher = Callable[[Lexer, int], int]


def _plain(pattern: re.Pattern[str]) -> _Matcher:
    def match(lexer: Lexer, pos: int) -> int:
        m = pattern.match(lexer.text, pos)
        return m.end() - pos if m else 0

    return match


def _line_end(text: str, pos: int) -> int:
    found = _LINE_END.search(text, pos)
    return found.start() if found else len(text)


def _reach_definition(lexer: Lexer, pos: int) -> int:
    """``[...]:`` and ``<...>:``: none up to the end of the line (no ``]:`` is left on it)."""
    return _line_end(lexer.text, pos + 1)


def _reach_reference(lexer: Lexer, pos: int) -> int:
    """``[x...]`` and ``<x...>``: none up to the last character of the line (whose ``x`` may be the line break)."""
    if lexer.text.startswith("-", pos + 1) or pos + 1 >= len(lexer.text):
        return pos + 1
    return _line_end(lexer.text, pos + 2) - 1


def _reach_mention(opener: str) -> Callable[[Lexer, int], int]:
    """``@[...]`` and ``@<...>``: as a reference, once the opener is there."""

    def reach(lexer: Lexer, pos: int) -> int:
        if not lexer.text.startswith(opener, pos):
            return pos + 1
        return _line_end(lexer.text, pos + 2) - 1

    return reach


def _reach_link(lexer: Lexer, pos: int) -> int:
    """``[label](url)``: none before the label's ``]``; none at all after a ``](`` never closed by ``)``."""
    text = lexer.text
    close = text.find("]", pos + 1)
    if close < 0:
        return len(text)
    if text.startswith("(", close + 1) and text.find(")", close + 2) < 0:
        return len(text)
    return close


def _reach_front_matter(lexer: Lexer, pos: int) -> int:
    """``===`` with no ``===`` after it: no front matter can start anywhere after."""
    return len(lexer.text) if lexer.text.startswith("===", pos) else pos + 1


def _data(lexer: Lexer, pos: int) -> int:
    """A ``{...}`` data block, as argdown-core's pattern ``{((?!}\\s[^,}])(.|\\n))*}(?!\\s*(,|}))`` takes it.

    The body runs up to the first place it must stop (``_DATA_STOP``) and the block ends
    at the last ``}`` up to there that no comma or brace follows. Where there is none,
    no ``{`` before that place can start a block either: the same ``}`` are its only
    candidates, so those are not tried.
    """
    if pos < lexer.failed_until.get(DATA, 0):
        return 0
    text = lexer.text
    stop = _DATA_STOP.search(text, pos + 1)
    reach = stop.start() if stop else len(text)
    close = text.rfind("}", pos + 1, reach + 1)
    while close >= 0:
        if not _DATA_NOT_END.match(text, close + 1):
            return close + 1 - pos
        close = text.rfind("}", pos + 1, close)
    lexer.failed_until[DATA] = reach
    return 0


def _comment(lexer: Lexer, pos: int) -> int:
    """A comment; like a :func:`_scanning` rule, with a failure remembered for each kind of opener.

    An unclosed ``<!--`` or ``/*`` (or a ``//`` on the last line) fails up to the next
    U+2028/U+2029, which a comment cannot span, so later openers up to there are not tried.
    """
    text = lexer.text
    if text.startswith("<!--", pos):
        opener = "<!--"
    elif text.startswith("/*", pos) or text.startswith("//", pos):
        opener = text[pos : pos + 2]
    else:
        return 0
    if pos < lexer.failed_until.get(opener, 0):
        return 0
    m = _COMMENT.match(text, pos)
    if m:
        end = m.end()
        last = lexer.tokens[-1].kind if lexer.tokens else None
        if last == EMPTYLINE:
            while tail := _COMMENT_TAIL_AFTER_EMPTYLINE.match(text, end):
                end = tail.end()
        elif last == NEWLINE and (tail := _COMMENT_TAIL_AFTER_NEWLINE.match(text, end)):
            end = tail.end()
        return end - pos
    stop = _LS_PS.search(text, pos + len(opener))
    lexer.failed_until[opener] = stop.start() if stop else len(text)
    return 0


def _tag(lexer: Lexer, pos: int) -> int:
    """A tag; ``#(`` with no ``)`` anywhere after it fails at once (``#word`` tags are still tried)."""
    text = lexer.text
    paren = text.startswith("(", pos + 1)
    if paren and pos < lexer.failed_until.get("#(", 0):
        return 0
    m = _PLAIN[TAG].match(text, pos)
    if m:
        return m.end() - pos
    if paren and text.find(")", pos + 2) < 0:
        lexer.failed_until["#("] = len(text)
    return 0


def _emptyline(lexer: Lexer, pos: int) -> int:
    if (lexer.tokens and lexer.tokens[-1].kind == EMPTYLINE) or not _TWO_BLANK_LINES.match(lexer.text, pos):
        return 0
    end, lines = pos, 0
    while blank := _BLANK_LINE.match(lexer.text, end):
        end, lines = blank.end(), lines + 1
    if lines < 2:
        return 0
    if end < len(lexer.text):
        lexer.dedent_all(pos)
    return end - pos


def _inference_start(lexer: Lexer, pos: int) -> int:
    if lexer.tokens and lexer.tokens[-1].kind != NEWLINE:
        return 0
    m = _INFERENCE_START.match(lexer.text, pos)
    if not m:
        return 0
    lexer.dedent_all(pos)
    return m.end() - pos


def _line_start(pattern: re.Pattern[str], indent: str | None = None, dedent: bool = False) -> _Matcher:
    """A token that counts only at the start of a line (after a line break or an empty line).

    ``indent`` is added to the matched indentation before Argdown measures it (a relation
    measures its own, a list item one more); ``dedent`` closes all indentation levels.
    """

    def match(lexer: Lexer, pos: int) -> int:
        tokens = lexer.tokens
        if tokens and tokens[-1].kind not in (NEWLINE, EMPTYLINE):
            return 0
        m = pattern.match(lexer.text, pos)
        if not m:
            return 0
        if indent is not None:
            lexer.indent_or_dedent(m.group(1) + indent, pos)
        if dedent:
            lexer.dedent_all(pos)
        return m.end() - pos

    return match


def _range_end(kind: str) -> _Matcher:
    name, pattern = _RANGE_ENDS[kind]

    def match(lexer: Lexer, pos: int) -> int:
        if not lexer.ranges or lexer.ranges[-1] != name or not lexer.tokens:
            return 0
        m = pattern.match(lexer.text, pos)
        if not m:
            return 0
        lexer.ranges.pop()
        return m.end() - pos

    return match


def _range_start(kind: str) -> _Matcher:
    name, pattern = _RANGE_STARTS[kind]

    def match(lexer: Lexer, pos: int) -> int:
        m = pattern.match(lexer.text, pos)
        if not m:
            return 0
        lexer.ranges.append(name)
        return m.end() - pos

    return match


def _mark(kind: str) -> str:
    return "*" if kind.startswith("Asterisk") else "_"


_SCANNING: dict[str, tuple[re.Pattern[str], Callable[[Lexer, int], int]]] = {
    FRONT_MATTER: (_FRONT_MATTER, _reach_front_matter),
    LINK: (_PLAIN[LINK], _reach_link),
    STATEMENT_DEFINITION: (_PLAIN[STATEMENT_DEFINITION], _reach_definition),
    STATEMENT_REFERENCE: (_PLAIN[STATEMENT_REFERENCE], _reach_reference),
    STATEMENT_MENTION: (_PLAIN[STATEMENT_MENTION], _reach_mention("@[")),
    ARGUMENT_DEFINITION: (_PLAIN[ARGUMENT_DEFINITION], _reach_definition),
    ARGUMENT_REFERENCE: (_PLAIN[ARGUMENT_REFERENCE], _reach_reference),
    ARGUMENT_MENTION: (_PLAIN[ARGUMENT_MENTION], _reach_mention("@<")),
}
"""The rules whose pattern scans ahead for a closing mark, and how far a failure of each holds."""


def _scanning(kind: str) -> _Matcher:
    """The matcher of a rule whose pattern scans ahead for a closing mark, giving up at once where it must fail.

    When the pattern fails at ``pos``, the rule's reach says how far the same failure
    holds: no opening mark of this rule before that point can match either (its closing
    mark would have to lie in the stretch just scanned). Those are not tried, so a long
    line of ``[`` or ``<`` is read in linear time, not scanned again for each mark.
    """
    pattern, reach = _SCANNING[kind]

    def match(lexer: Lexer, pos: int) -> int:
        if pos < lexer.failed_until.get(kind, 0):
            return 0
        m = pattern.match(lexer.text, pos)
        if m:
            return m.end() - pos
        lexer.failed_until[kind] = reach(lexer, pos)
        return 0

    return match


_SPACE = " \t"
_TEXT = _ANY_BUT + "\\@#*_[],.:;</>-\r\n(){}"
_CONTROL = "@#*_[],.:;</>-(){}"
_DEFAULT_RULES: list[tuple[str, str, _Matcher]] = [
    (COMMENT, "/<", _comment),
    (FRONT_MATTER, "=", _scanning(FRONT_MATTER)),
    (DATA, "{", _data),
    (ESCAPED_CHAR, "\\", _plain(_ESCAPED_CHAR)),
    (SPECIAL_CHAR, ".:", _plain(_SPECIAL_CHAR)),
    (EMPTYLINE, _SPACE + "\r\n", _emptyline),
    (NEWLINE, _SPACE + "\r\n", _plain(_NEWLINE)),
    (INFERENCE_START, _SPACE + "-", _inference_start),
    (INCOMING_SUPPORT, _SPACE + "+", _line_start(_RELATION_PATTERNS[INCOMING_SUPPORT], "")),
    (INCOMING_ATTACK, _SPACE + "-", _line_start(_RELATION_PATTERNS[INCOMING_ATTACK], "")),
    (OUTGOING_SUPPORT, _SPACE + "<+", _line_start(_RELATION_PATTERNS[OUTGOING_SUPPORT], "")),
    (OUTGOING_ATTACK, _SPACE + "<-", _line_start(_RELATION_PATTERNS[OUTGOING_ATTACK], "")),
    (CONTRADICTION, _SPACE + ">", _line_start(_RELATION_PATTERNS[CONTRADICTION], "")),
    (INCOMING_UNDERCUT, _SPACE + "_", _line_start(_RELATION_PATTERNS[INCOMING_UNDERCUT], "")),
    (OUTGOING_UNDERCUT, _SPACE + "<_", _line_start(_RELATION_PATTERNS[OUTGOING_UNDERCUT], "")),
    (HEADING_START, "#", _line_start(_HEADING_START)),
    (STATEMENT_NUMBER, _SPACE + "(", _line_start(_STATEMENT_NUMBER, dedent=True)),
    (ORDERED_LIST_ITEM, _SPACE + "0123456789", _line_start(_ORDERED_LIST_ITEM, " ")),
    (UNORDERED_LIST_ITEM, _SPACE + "*", _line_start(_UNORDERED_LIST_ITEM, " ")),
    *((kind, _mark(kind), _range_end(kind)) for kind in _RANGE_ENDS),
    *((kind, _mark(kind), _range_start(kind)) for kind in _RANGE_STARTS),
    (LINK, "[", _scanning(LINK)),
    (TAG, "#", _tag),
    (STATEMENT_DEFINITION, "[", _scanning(STATEMENT_DEFINITION)),
    (STATEMENT_REFERENCE, "[", _scanning(STATEMENT_REFERENCE)),
    (STATEMENT_MENTION, "@", _scanning(STATEMENT_MENTION)),
    (ARGUMENT_DEFINITION, "<", _scanning(ARGUMENT_DEFINITION)),
    (ARGUMENT_REFERENCE, "<", _scanning(ARGUMENT_REFERENCE)),
    (ARGUMENT_MENTION, "@", _scanning(ARGUMENT_MENTION)),
    (SPACES, _SPACE, _plain(_PLAIN[SPACES])),
    (FREESTYLE, _TEXT, _plain(_PLAIN[FREESTYLE])),
    (UNUSED_CONTROL_CHAR, _CONTROL, _plain(_PLAIN[UNUSED_CONTROL_CHAR])),
]
"""argdown-core's default mode: its rules in order, each with the characters it can start with.

A leading ``_ANY_BUT`` marks a rule that can start with any character but the ones listed after it.
"""

_INFERENCE_RULES: list[tuple[str, str, _Matcher]] = [
    (COMMENT, "/<", _comment),
    (NEWLINE, _SPACE + "\r\n", _plain(_NEWLINE)),
    (ESCAPED_CHAR, "\\", _plain(_ESCAPED_CHAR)),
    (SPECIAL_CHAR, ".:", _plain(_SPECIAL_CHAR)),
    (INFERENCE_END, "-", _plain(_INFERENCE_END)),
    (DATA, "{", _data),
    (LIST_DELIMITER, ",", _plain(_LIST_DELIMITER)),
    (SPACES, _SPACE, _plain(_PLAIN[SPACES])),
    (FREESTYLE, _TEXT, _plain(_PLAIN[FREESTYLE])),
    (UNUSED_CONTROL_CHAR, _CONTROL, _plain(_PLAIN[UNUSED_CONTROL_CHAR])),
]
"""The mode between the ``--`` and the ``--`` of an inference line."""


_LINE_START_ONLY = frozenset(
    {*RELATIONS, HEADING_START, STATEMENT_NUMBER, ORDERED_LIST_ITEM, UNORDERED_LIST_ITEM, INFERENCE_START}
)
"""Rules that match only at the start of a line: not worth trying in the middle of one."""


def _dispatch(
    rules: list[tuple[str, str, _Matcher]],
) -> tuple[dict[str, list[tuple[str, _Matcher]]], list[tuple[str, _Matcher]]]:
    """The rules worth trying for each first character, in order, and those for any other character."""
    special = {c for _, chars, _ in rules if not chars.startswith(_ANY_BUT) for c in chars}
    by_char = {
        c: [
            (kind, fn)
            for kind, chars, fn in rules
            if (c not in chars[1:] if chars.startswith(_ANY_BUT) else c in chars)
        ]
        for c in special
    }
    return by_char, [(kind, fn) for kind, chars, fn in rules if chars.startswith(_ANY_BUT)]


_MODES = {
    ("default", True): _dispatch(_DEFAULT_RULES),
    ("default", False): _dispatch([rule for rule in _DEFAULT_RULES if rule[0] not in _LINE_START_ONLY]),
    ("inference", True): _dispatch(_INFERENCE_RULES),
    ("inference", False): _dispatch(_INFERENCE_RULES),
}
"""The rules to try, by mode and by whether the last token ended a line."""


def tokenize(
    text: str, path: str | None = None, origin: Callable[[int], tuple[str | None, int, int]] | None = None
) -> Lexer:
    """Lex Argdown text; the returned lexer holds the tokens and turns offsets into places."""
    lexer = Lexer(text, path, origin)
    lexer.run()
    return lexer
