"""Argdown written one element a line, read without the general lexer and parser.

Most Argdown is written in a few line shapes: a statement or an argument with its
indented relations, numbered premise-conclusion structures with ``----`` lines, headings
and front matter, all in plain text. Lexing such a file token by token and building its
syntax tree costs four fifths of reading it. For a file in which every line has one of
these shapes, :func:`build` reads the lines directly and drives the model builder of
:mod:`._argdown_model` through the same steps, in the same order, as its walk over the
syntax tree would, so the document is the same as the general reader's (the tests
compare the two on every file they have). A file with any other line (markup, tags,
links, comments, lists, escapes, tabs, a multi-line text...) is not read here: ``None``
tells the caller to use the general reader, which also gives any syntax error.

A text is read here only if the lexer would cut it into plain words and punctuation
that stand for themselves: it starts with a letter, has single spaces, and none of the
characters that start markup or a special character (``.x.``, ``:x:``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.errors import MapError
from argmap.readers import _argdown_lexer as lx
from argmap.readers import _argdown_parser as ps
from argmap.readers._argdown_lexer import Lexer, Token
from argmap.readers._argdown_model import Argument, Document, Statement, _Builder, load_yaml

__all__ = ["build", "readable"]

_RUN = r"[^\\@#*_\[\]{}<>.:]*(?:[.:](?= |$)[^\\@#*_\[\]{}<>.:]*)*"
"""A text's characters, as far as a pattern tells them apart cheaply: see :func:`_is_plain` for the rest."""
_STATEMENT_BODY = (
    rf"(?:\[(?P<title>[^\[\]\-][^\[\]]*)\](?:: (?P<text>{_RUN}))?|(?P<untitled>{_RUN}))(?: (?P<data>\{{[^{{}}]*\}}))?$"
)
_ARGUMENT_BODY = rf"<(?P<argument>[^<>\-!][^<>]*)>(?:: (?P<atext>{_RUN})(?: (?P<adata>\{{[^{{}}]*\}}))?)?$"
_STATEMENT_LINE = re.compile(_STATEMENT_BODY)
_ARGUMENT_LINE = re.compile(_ARGUMENT_BODY)
_HEADING_LINE = re.compile(rf"(#+) ({_RUN})$")
_PCS_LINE = re.compile(rf"\(\d+\) {_STATEMENT_BODY}")
_INFERENCE_LINE = re.compile(r"-{4,}$")
_RELATION_LINE = re.compile(rf"( +)(\+>|->|<\+|<-|><|_>|<_|\+|-) (?:{_STATEMENT_BODY}|{_ARGUMENT_BODY})")
_RELATION_NAMES = {
    symbol: ps.RELATION_RULES[kind]
    for symbol, kind in (
        ("+>", lx.INCOMING_SUPPORT),
        ("->", lx.INCOMING_ATTACK),
        ("<+", lx.OUTGOING_SUPPORT),
        ("+", lx.OUTGOING_SUPPORT),
        ("<-", lx.OUTGOING_ATTACK),
        ("-", lx.OUTGOING_ATTACK),
        ("><", lx.CONTRADICTION),
        ("_>", lx.INCOMING_UNDERCUT),
        ("<_", lx.OUTGOING_UNDERCUT),
    )
}
"""The grammar's rule for each relation symbol."""
_CONTRADICTION = ps.RELATION_RULES[lx.CONTRADICTION]
_NEWLINES = re.compile(r"\n*")
_MAX_NESTING = 16
"""Relations nested deeper are left to the general reader, which knows the limit."""


def _is_plain(text: str | None) -> bool:
    """Whether the lexer reads ``text`` (a text the patterns let through) as plain words standing for themselves.

    It starts with a letter or a quote and has single spaces, no ``--``, ``==`` (front
    matter), ``//`` or ``/*`` (comments); no text read here has control or other space
    characters (:func:`build` reads no file with any).
    """
    if not text or not (text[0].isalpha() or text[0] in "\"'") or text[-1] == " ":
        return False
    return "  " not in text and "--" not in text and "==" not in text and "//" not in text and "/*" not in text


class _Decline(Exception):
    """The file has a line this module does not read."""


class _Reader:
    """The text a block (a paragraph: lines up to an empty line) at a time.

    Only the lines of the block being read are held, so that many empty lines or many
    blocks cost no memory per line.
    """

    def __init__(self, text: str, lexer: Lexer) -> None:
        self.text = text
        self.builder = _Builder(lexer)
        self.lexer = lexer
        self.lines: list[str] = []
        self.starts: list[int] = []
        self.newline_at_end = False
        self.i = 0
        self.first_line = 1
        """The line number of the block's first line."""

    # -- lines ---------------------------------------------------------------------------

    def newline_after(self, i: int) -> bool:
        """Whether the lexer makes a line-break token of line ``i``'s end (not the start of an empty line)."""
        return i + 1 < len(self.lines) or self.newline_at_end

    def ends_block(self, i: int) -> bool:
        """Whether line ``i`` is the last of its block (an empty line or the end of the text follows)."""
        return i + 1 >= len(self.lines)

    def indent_after(self, i: int) -> int:
        """The indentation of line ``i + 1`` (0 if there is none)."""
        if i + 1 >= len(self.lines):
            return 0
        line = self.lines[i + 1]
        return len(line) - len(line.lstrip(" ")) if line.startswith(" ") else 0

    # -- elements ------------------------------------------------------------------------

    def content(self, statement: Statement, i: int, start: int, text: str | None, data: str | None) -> object:
        """A new statement's or description's ``text`` from ``start`` on line ``i``, and its data."""
        if not _is_plain(text):
            raise _Decline
        assert text is not None
        if data is None:
            statement.text = statement.plain = text
            statement.markup = text + "\n" if self.newline_after(i) else text
            return None
        statement.text = statement.plain = statement.markup = text + " "
        cache = self.builder.data_cache
        if data not in cache:
            cache[data] = load_yaml(data, self.lexer, start + len(text) + 1)
        return cache[data]

    def statement(self, match: re.Match[str], i: int, offset: int, top_level: bool) -> tuple[Statement, object]:
        """The statement that ``match`` (of a statement body) found at ``offset``, and its data."""
        title, text, untitled, data = match.group("title", "text", "untitled", "data")
        statement = self.builder.open_statement(offset, top_level, None)
        if title is None:
            return statement, self.content(statement, i, offset, untitled, data)
        statement.title = title
        if text is None:
            if data is not None:
                raise _Decline
            statement.is_reference = True
            return statement, None
        return statement, self.content(statement, i, offset + len(title) + 4, text, data)

    def argument(self, match: re.Match[str], i: int, offset: int) -> tuple[Statement, object]:
        """The argument description that ``match`` (of an argument body) found at ``offset``, and its data."""
        title, text, data = match.group("argument", "atext", "adata")
        description = self.builder.open_argument(offset, None)
        description.title = title
        if text is None:
            description.is_reference = True
            return description, None
        return description, self.content(description, i, offset + len(title) + 4, text, data)

    def relations(self, element: Statement, level: int, depth: int) -> None:
        """The relations indented by ``level`` under the element on line ``self.i``."""
        if depth > _MAX_NESTING:
            raise _Decline
        if element.is_reference:  # the line break before the relations is part of the element
            element.text += " "
            element.plain += " "
        b = self.builder
        starts = self.starts
        b.enter_relations()
        for i, match, symbol, name in self.relation_lines(level):
            offset = starts[i] + level
            relation = b.open_relation(name, offset)
            start = offset + len(symbol) + 1
            if match.group("argument") is None:
                content, data = self.statement(match, i, start, False)
                deeper = self.indent_after(i)
                if deeper > level:
                    self.relations(content, deeper, depth + 1)
                b.close_statement(content, data)
                b.close_relation(relation, content)
            elif name == _CONTRADICTION:
                raise _Decline  # only statements contradict each other
            else:
                content, data = self.argument(match, i, start)
                deeper = self.indent_after(i)
                if deeper > level:
                    self.relations(content, deeper, depth + 1)
                b.close_relation(relation, b.close_argument(content, data, start))
        b.exit_relations()

    def relation_lines(self, level: int) -> Iterator[tuple[int, re.Match[str], str, str]]:
        """Each relation line indented by ``level`` from line ``self.i + 1`` on (those nested under it read by the
        caller between two): its number, match, symbol and the grammar's rule for it."""
        lines = self.lines
        while True:
            i = self.i = self.i + 1
            match = _RELATION_LINE.match(lines[i])
            if match is None or len(match.group(1)) != level:
                raise _Decline
            symbol = match.group(2)
            yield i, match, symbol, _RELATION_NAMES[symbol]
            following = self.indent_after(self.i)
            if following != level:
                if following > level:
                    raise _Decline  # between two levels: the lexer's indentation is not this nesting
                return

    # -- blocks --------------------------------------------------------------------------

    def block(self, previous: Argument | None) -> Argument | None:
        """The block starting on line ``self.i``; returns the argument it describes, for a structure after it."""
        line = self.lines[self.i]
        first = line[:1]
        if first == "(":
            self.pcs(previous)
            return None
        if first == "#":
            self.heading(line, self.starts[self.i])
            return None
        return self.element(line, first == "<")

    def element(self, line: str, is_argument: bool) -> Argument | None:
        """A statement or an argument with its relations, the whole block."""
        b = self.builder
        i = self.i
        offset = self.starts[i]
        argument = None
        if is_argument:
            match = _ARGUMENT_LINE.match(line)
            if match is None:
                raise _Decline
            element, data = self.argument(match, i, offset)
        else:
            match = _STATEMENT_LINE.match(line)
            if match is None:
                raise _Decline
            element, data = self.statement(match, i, offset, True)
        deeper = self.indent_after(i)
        if deeper:
            self.relations(element, deeper, 1)
        if not self.ends_block(self.i):
            raise _Decline  # a text that goes on on the next line, or a line that cannot follow
        if is_argument:
            argument = b.close_argument(element, data, offset)
        else:
            b.close_statement(element, data)
        return argument

    def heading(self, line: str, offset: int) -> None:
        match = _HEADING_LINE.match(line)
        if match is None or not _is_plain(match.group(2)) or not self.ends_block(self.i):
            raise _Decline
        b = self.builder
        b.open_heading(offset)
        assert b.heading is not None
        b.heading.text = b.heading.plain = match.group(2)
        b.close_heading(len(match.group(1)), None, offset)

    def pcs(self, previous: Argument | None) -> None:
        b = self.builder
        lines, starts = self.lines, self.starts
        argument = b.open_pcs(previous, starts[self.i])
        inference = None
        i = self.i
        while True:
            line = lines[i]
            if line.startswith("("):
                match = _PCS_LINE.match(line)
                if match is None:
                    raise _Decline
                statement, data = self.statement(match, i, starts[i] + line.index(")") + 2, False)
                b.close_statement(statement, data)
                b.add_pcs_statement(statement, inference)
                inference = None
            elif inference is None and argument.pcs and _INFERENCE_LINE.match(line):
                inference = b.open_inference(starts[i])
            else:
                raise _Decline
            if self.ends_block(i):
                break
            i += 1
        if inference is not None or argument.pcs[-1].inference is None:
            raise _Decline  # the structure must end on a conclusion after an inference line
        self.i = i
        b.close_pcs(argument)

    def read(self) -> Document:
        self.blocks()
        return self.builder.finish()

    def blocks(self) -> None:
        """Read the front matter into the builder, then each block."""
        text = self.text
        pos = 0
        if text.startswith("==="):
            match = lx._FRONT_MATTER.match(text)
            if match is None or not text.startswith("\n\n", match.end()):
                raise _Decline
            self.builder.token(Token(lx.FRONT_MATTER, match.group(), 0, match.end()), None, 0)
            pos = match.end()
        previous: Argument | None = None
        blocks = 0
        number = 1 + text.count("\n", 0, pos)  # the line number of the character at pos
        while True:
            skipped = _NEWLINES.match(text, pos).end()  # type: ignore[union-attr]
            number += skipped - pos
            pos = skipped
            if pos >= len(text):
                break
            self.first_line = number
            end = text.find("\n\n", pos)
            block = text[pos:] if end < 0 else text[pos:end]
            self.lines = block.split("\n")
            self.newline_at_end = end < 0 and self.lines[-1] == ""  # the text ends with one line break
            if self.newline_at_end:
                self.lines.pop()
            self.starts = starts = [pos]
            for line in self.lines[:-1]:  # most blocks are one line: no generator to set up
                pos += len(line) + 1
                starts.append(pos)
            self.i = 0
            previous = self.block(previous)
            blocks += 1
            number += len(self.lines) - 1
            pos = len(text) if end < 0 else end
        if not blocks:
            raise _Decline


def readable(text: str) -> bool:
    """Whether the text may be in the line shapes at all: no trailing spaces, tabs, other line ends or control characters."""
    if not text or text[0] in "\n " or text.endswith(" ") or " \n" in text:
        return False
    return text.replace("\n", "").isprintable()


def build(text: str, lexer: Lexer) -> Document | None:
    """Argdown's model of ``text`` if every line of it has one of the common shapes, else ``None``."""
    if not readable(text):
        return None
    try:
        return _Reader(text, lexer).read()
    except (_Decline, MapError):
        return None
