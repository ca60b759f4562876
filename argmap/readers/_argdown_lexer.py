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

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from argmap.errors import MapError

__all__ = [
    "SHORTCODES",
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

# JavaScript's '.' and '\s', which differ from Python's.
_DOT = r"[^\n\r\u2028\u2029]"
_WS = r"[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
_NOT_WS = r"[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"

_COMMENT_BODY = rf"(?:<!--(?:{_DOT}|\n|\r)*?-->)|(?:/\*(?:{_DOT}|\n|\r)*?\*/)|(?://{_DOT}*?(?=\r\n|\n|\r))"
_COMMENT = re.compile(_COMMENT_BODY)
_COMMENT_AFTER_EMPTYLINE = re.compile(rf"(?:{_COMMENT_BODY})(?:[ \t]*\r\n|\n|\r)*")
_COMMENT_AFTER_NEWLINE = re.compile(rf"(?:{_COMMENT_BODY})(?:[ \t]*(?:\r\n|\n|\r)(?!([ \t]*(\r\n|\n|\r))))?")
_FRONT_MATTER = re.compile(r"===+[\s\S]*?===+")
_DATA = re.compile(rf"{{((?!}}{_WS}[^,}}])({_DOT}|\n))*}}(?!{_WS}*(,|}}))")
_LIST_DELIMITER = re.compile(",")
_INFERENCE_END = re.compile(r"-{2,}")
_ESCAPED_CHAR = re.compile(rf"\\{_DOT}(?: )*")
_SPECIAL_CHAR = re.compile(rf"(?:\.{_NOT_WS}+?\.[ \t]?)|(?::{_NOT_WS}+?:[ \t]?)")
_EMPTYLINE = re.compile(r"(?:[ \t]*(?:\r\n|\n)){2,}")
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
    SPACES: re.compile(r"( |\t)+"),
    FREESTYLE: re.compile(r"[^\\@#*_\[\],.:;</>\-\r\n(){}]+"),
    UNUSED_CONTROL_CHAR: re.compile(r"[@#*_\[\],.:;</>\-(){}][ \t]?"),
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ANY_BUT = "\x00"

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
    _lines: list[int] | None = None

    # -- positions -------------------------------------------------------------------

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        if self._lines is None:
            self._lines = [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]
        line = bisect.bisect_right(self._lines, offset)
        return line, offset - self._lines[line - 1] + 1

    def locate(self, offset: int) -> tuple[str | None, int, int]:
        """The file, line and column an offset was written at (text pulled in by ``@include`` has its own)."""
        if self.origin is not None:
            return self.origin(offset)
        return (self.path, *self.position(offset))

    def error(self, message: str, offset: int) -> MapError:
        return MapError(message, *self.locate(offset))

    # -- the indentation tokens --------------------------------------------------------

    def _last_end(self) -> int:
        return self.tokens[-1].end if self.tokens else 0

    def _dedent_all(self, pos: int) -> None:
        end = self._last_end()
        while len(self.indents) > 1:
            self.tokens.append(Token(DEDENT, "", pos, end))
            self.indents.pop()

    def _indent_or_dedent(self, indent: str, pos: int) -> None:
        level, last = len(indent), self.indents[-1]
        end = self._last_end() + len(indent)
        if level > last:
            self.indents.append(level)
            self.tokens.append(Token(INDENT, "", pos, end))
        else:
            while len(self.indents) > 1 and level < self.indents[-1]:
                self.indents.pop()
                self.tokens.append(Token(DEDENT, "", pos, end))

    def _at_line_start(self) -> bool:
        return not self.tokens or self.tokens[-1].kind in (NEWLINE, EMPTYLINE)

    # -- matchers: each returns the length it matched, or 0 ----------------------------

    def _comment(self, pos: int) -> int:
        last = self.tokens[-1].kind if self.tokens else None
        pattern = (
            _COMMENT_AFTER_EMPTYLINE if last == EMPTYLINE else _COMMENT_AFTER_NEWLINE if last == NEWLINE else _COMMENT
        )
        m = pattern.match(self.text, pos)
        return m.end() - pos if m else 0

    def _emptyline(self, pos: int) -> int:
        if self.tokens and self.tokens[-1].kind == EMPTYLINE:
            return 0
        m = _EMPTYLINE.match(self.text, pos)
        if not m:
            return 0
        if m.end() < len(self.text):
            self._dedent_all(pos)
        return m.end() - pos

    def _inference_start(self, pos: int) -> int:
        if self.tokens and self.tokens[-1].kind != NEWLINE:
            return 0
        m = _INFERENCE_START.match(self.text, pos)
        if not m:
            return 0
        self._dedent_all(pos)
        return m.end() - pos

    def _relation(self, kind: str) -> Callable[[int], int]:
        pattern = _RELATION_PATTERNS[kind]

        def match(pos: int) -> int:
            if not self._at_line_start():
                return 0
            m = pattern.match(self.text, pos)
            if not m:
                return 0
            self._indent_or_dedent(m.group(1), pos)
            return m.end() - pos

        return match

    def _heading_start(self, pos: int) -> int:
        if not self._at_line_start():
            return 0
        m = _HEADING_START.match(self.text, pos)
        return m.end() - pos if m else 0

    def _statement_number(self, pos: int) -> int:
        if not self._at_line_start():
            return 0
        m = _STATEMENT_NUMBER.match(self.text, pos)
        if not m:
            return 0
        self._dedent_all(pos)
        return m.end() - pos

    def _list_item(self, pattern: re.Pattern[str]) -> Callable[[int], int]:
        def match(pos: int) -> int:
            if not self._at_line_start():
                return 0
            m = pattern.match(self.text, pos)
            if not m:
                return 0
            self._indent_or_dedent(m.group(1) + " ", pos)
            return m.end() - pos

        return match

    def _range_end(self, kind: str) -> Callable[[int], int]:
        name, pattern = _RANGE_ENDS[kind]

        def match(pos: int) -> int:
            if not self.ranges or self.ranges[-1] != name or not self.tokens:
                return 0
            m = pattern.match(self.text, pos)
            if not m:
                return 0
            self.ranges.pop()
            return m.end() - pos

        return match

    def _range_start(self, kind: str) -> Callable[[int], int]:
        name, pattern = _RANGE_STARTS[kind]

        def match(pos: int) -> int:
            m = pattern.match(self.text, pos)
            if not m:
                return 0
            self.ranges.append(name)
            return m.end() - pos

        return match

    def _plain(self, pattern: re.Pattern[str]) -> Callable[[int], int]:
        def match(pos: int) -> int:
            m = pattern.match(self.text, pos)
            return m.end() - pos if m else 0

        return match

    # -- the modes -------------------------------------------------------------------

    def _modes(self) -> dict[str, list[tuple[str, str, Callable[[int], int]]]]:
        """Each mode's rules in argdown-core's order, with the characters each can start with.

        A leading ``_ANY_BUT`` marks a rule that can start with any character but the ones listed after it.
        """
        space = " \t"
        default = [
            (COMMENT, "/<", self._comment),
            (FRONT_MATTER, "=", self._plain(_FRONT_MATTER)),
            (DATA, "{", self._plain(_DATA)),
            (ESCAPED_CHAR, "\\", self._plain(_ESCAPED_CHAR)),
            (SPECIAL_CHAR, ".:", self._plain(_SPECIAL_CHAR)),
            (EMPTYLINE, space + "\r\n", self._emptyline),
            (NEWLINE, space + "\r\n", self._plain(_NEWLINE)),
            (INFERENCE_START, space + "-", self._inference_start),
            (INCOMING_SUPPORT, space + "+", self._relation(INCOMING_SUPPORT)),
            (INCOMING_ATTACK, space + "-", self._relation(INCOMING_ATTACK)),
            (OUTGOING_SUPPORT, space + "<+", self._relation(OUTGOING_SUPPORT)),
            (OUTGOING_ATTACK, space + "<-", self._relation(OUTGOING_ATTACK)),
            (CONTRADICTION, space + ">", self._relation(CONTRADICTION)),
            (INCOMING_UNDERCUT, space + "_", self._relation(INCOMING_UNDERCUT)),
            (OUTGOING_UNDERCUT, space + "<_", self._relation(OUTGOING_UNDERCUT)),
            (HEADING_START, "#", self._heading_start),
            (STATEMENT_NUMBER, space + "(", self._statement_number),
            (ORDERED_LIST_ITEM, space + "0123456789", self._list_item(_ORDERED_LIST_ITEM)),
            (UNORDERED_LIST_ITEM, space + "*", self._list_item(_UNORDERED_LIST_ITEM)),
            *((kind, "*" if kind.startswith("Asterisk") else "_", self._range_end(kind)) for kind in _RANGE_ENDS),
            *((kind, "*" if kind.startswith("Asterisk") else "_", self._range_start(kind)) for kind in _RANGE_STARTS),
            (LINK, "[", self._plain(_PLAIN[LINK])),
            (TAG, "#", self._plain(_PLAIN[TAG])),
            (STATEMENT_DEFINITION, "[", self._plain(_PLAIN[STATEMENT_DEFINITION])),
            (STATEMENT_REFERENCE, "[", self._plain(_PLAIN[STATEMENT_REFERENCE])),
            (STATEMENT_MENTION, "@", self._plain(_PLAIN[STATEMENT_MENTION])),
            (ARGUMENT_DEFINITION, "<", self._plain(_PLAIN[ARGUMENT_DEFINITION])),
            (ARGUMENT_REFERENCE, "<", self._plain(_PLAIN[ARGUMENT_REFERENCE])),
            (ARGUMENT_MENTION, "@", self._plain(_PLAIN[ARGUMENT_MENTION])),
            (SPACES, space, self._plain(_PLAIN[SPACES])),
            (FREESTYLE, _ANY_BUT + "\\@#*_[],.:;</>-\r\n(){}", self._plain(_PLAIN[FREESTYLE])),
            (UNUSED_CONTROL_CHAR, "@#*_[],.:;</>-(){}", self._plain(_PLAIN[UNUSED_CONTROL_CHAR])),
        ]
        inference = [
            (COMMENT, "/<", self._comment),
            (NEWLINE, space + "\r\n", self._plain(_NEWLINE)),
            (ESCAPED_CHAR, "\\", self._plain(_ESCAPED_CHAR)),
            (SPECIAL_CHAR, ".:", self._plain(_SPECIAL_CHAR)),
            (INFERENCE_END, "-", self._plain(_INFERENCE_END)),
            (DATA, "{", self._plain(_DATA)),
            (LIST_DELIMITER, ",", self._plain(_LIST_DELIMITER)),
            (SPACES, space, self._plain(_PLAIN[SPACES])),
            (FREESTYLE, _ANY_BUT + "\\@#*_[],.:;</>-\r\n(){}", self._plain(_PLAIN[FREESTYLE])),
            (UNUSED_CONTROL_CHAR, "@#*_[],.:;</>-(){}", self._plain(_PLAIN[UNUSED_CONTROL_CHAR])),
        ]
        return {"default": default, "inference": inference}

    @staticmethod
    def _dispatch(
        rules: list[tuple[str, str, Callable[[int], int]]],
    ) -> tuple[dict[str, list[tuple[str, Callable[[int], int]]]], list[tuple[str, Callable[[int], int]]]]:
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
        other = [(kind, fn) for kind, chars, fn in rules if chars.startswith(_ANY_BUT)]
        return by_char, other

    def run(self) -> list[Token]:
        """All tokens, the skipped ones (spaces, comments) left out, as argdown-core's ``tokenize``."""
        text, n, pos = self.text, len(self.text), 0
        modes = {name: self._dispatch(rules) for name, rules in self._modes().items()}
        stack = ["default"]
        by_char, other = modes["default"]
        tokens = self.tokens
        while pos < n:
            for candidate in by_char.get(text[pos], other):
                length = candidate[1](pos)
                if length:
                    kind = candidate[0]
                    break
            else:
                if text[pos] == "\\":
                    raise self.error("a backslash must escape a character on the same line", pos)
                raise self.error(f"unexpected character {text[pos]!r}", pos)
            end = pos + length
            if kind not in SKIPPED:
                tokens.append(Token(kind, text[pos:end], pos, end))
                if kind == INFERENCE_START:
                    stack.append("inference")
                    by_char, other = modes["inference"]
                elif kind == INFERENCE_END and len(stack) > 1:
                    stack.pop()
                    by_char, other = modes[stack[-1]]
            pos = end
        if tokens and tokens[-1].kind == EMPTYLINE:
            tokens.pop()
        self._dedent_all(n)
        return tokens


def tokenize(
    text: str, path: str | None = None, origin: Callable[[int], tuple[str | None, int, int]] | None = None
) -> Lexer:
    """Lex Argdown text; the returned lexer holds the tokens and turns offsets into places."""
    lexer = Lexer(text, path, origin)
    lexer.run()
    return lexer
