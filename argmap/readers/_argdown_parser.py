"""Argdown's grammar: the tokens of :mod:`._argdown_lexer` as a tree, as argdown-core builds it.

The rules, their order of alternatives and which tokens each keeps as children follow
argdown-core's parser, so that what the Argdown tools accept is accepted here and what
they reject is rejected at the same token. The first syntax error stops the reading
with ``path:line:col`` and a message that says what to write instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NoReturn

from argmap.errors import MapError
from argmap.limits import MAX_DEPTH
from argmap.readers import _argdown_lexer as lx
from argmap.readers._argdown_lexer import Lexer, Token

__all__ = ["Node", "parse"]

# Rule names, as argdown-core's.
ARGDOWN = "argdown"
HEADING = "heading"
STATEMENT = "statement"
STATEMENT_DEFINITION = "statementDefinition"
STATEMENT_CONTENT = "statementContent"
FREESTYLE_TEXT = "freestyleText"
ARGUMENT = "argument"
PCS = "pcs"
PCS_TAIL = "pcsTail"
PCS_STATEMENT = "pcsStatement"
INFERENCE = "inference"
INFERENCE_RULES = "inferenceRules"
RELATIONS = "relations"
ORDERED_LIST = "orderedList"
UNORDERED_LIST = "unorderedList"
ORDERED_LIST_ITEM = "orderedListItem"
UNORDERED_LIST_ITEM = "unorderedListItem"
BOLD = "bold"
ITALIC = "italic"
RELATION_RULES = {
    lx.INCOMING_SUPPORT: "incomingSupport",
    lx.INCOMING_ATTACK: "incomingAttack",
    lx.OUTGOING_SUPPORT: "outgoingSupport",
    lx.OUTGOING_ATTACK: "outgoingAttack",
    lx.CONTRADICTION: "contradiction",
    lx.INCOMING_UNDERCUT: "incomingUndercut",
    lx.OUTGOING_UNDERCUT: "outgoingUndercut",
}

_FREESTYLE = frozenset({lx.FREESTYLE, lx.UNUSED_CONTROL_CHAR, lx.ESCAPED_CHAR, lx.SPECIAL_CHAR})
_BOLD_STARTS = {lx.UNDERSCORE_BOLD_START: lx.UNDERSCORE_BOLD_END, lx.ASTERISK_BOLD_START: lx.ASTERISK_BOLD_END}
_ITALIC_STARTS = {
    lx.UNDERSCORE_ITALIC_START: lx.UNDERSCORE_ITALIC_END,
    lx.ASTERISK_ITALIC_START: lx.ASTERISK_ITALIC_END,
}
_CONTENT = _FREESTYLE | {
    lx.LINK,
    *_BOLD_STARTS,
    *_ITALIC_STARTS,
    lx.TAG,
    lx.ARGUMENT_MENTION,
    lx.STATEMENT_MENTION,
    lx.NEWLINE,
}
_STATEMENT = _CONTENT | {lx.STATEMENT_REFERENCE, lx.STATEMENT_DEFINITION}
_ARGUMENT = frozenset({lx.ARGUMENT_DEFINITION, lx.ARGUMENT_REFERENCE})
_EOF = "EOF"
_BATCH = 4096
"""Tokens lexed ahead at a time, and read tokens the parser gathers before it forgets them."""
_INDENTED = frozenset({lx.STATEMENT_NUMBER, lx.INFERENCE_START, lx.ORDERED_LIST_ITEM, lx.UNORDERED_LIST_ITEM})

_DESCRIPTIONS = {
    _EOF: "the end of the file",
    lx.EMPTYLINE: "an empty line",
    lx.NEWLINE: "a line break",
    lx.INDENT: "an indented line",
    lx.DEDENT: "a line with less indentation",
    lx.INCOMING_SUPPORT: "a support relation '+>'",
    lx.INCOMING_ATTACK: "an attack relation '->'",
    lx.OUTGOING_SUPPORT: "a support relation '+' or '<+'",
    lx.OUTGOING_ATTACK: "an attack relation '-' or '<-'",
    lx.CONTRADICTION: "a contradiction '><'",
    lx.INCOMING_UNDERCUT: "an undercut '_>'",
    lx.OUTGOING_UNDERCUT: "an undercut '<_'",
    lx.INFERENCE_START: "an inference line '--'",
    lx.INFERENCE_END: "the end of an inference line '--'",
    lx.STATEMENT_NUMBER: "a numbered statement",
    lx.STATEMENT_DEFINITION: "a statement definition",
    lx.STATEMENT_REFERENCE: "a statement reference",
    lx.ARGUMENT_DEFINITION: "an argument definition",
    lx.ARGUMENT_REFERENCE: "an argument reference",
    lx.HEADING_START: "a heading",
    lx.DATA: "a data block '{...}'",
    lx.FRONT_MATTER: "front matter '===...==='",
    lx.ORDERED_LIST_ITEM: "a list item",
    lx.UNORDERED_LIST_ITEM: "a list item",
    lx.TAG: "a tag",
}


class Node:
    """A rule of the grammar with its children (nodes and tokens).

    The model builder hangs what it learns on the nodes (``statement``, ``data``, ...),
    as argdown-core's plugins do.
    """

    __slots__ = ("argument", "children", "data", "inference", "name", "relation", "statement", "text")

    def __init__(self, name: str, children: list[Node | Token]) -> None:
        self.name = name
        self.children = children
        self.data: Any = None
        self.text = ""
        self.statement: Any = None
        self.argument: Any = None
        self.inference: Any = None
        self.relation: Any = None

    @property
    def start(self) -> int:
        return self.children[0].start if self.children else 0

    @property
    def end(self) -> int:
        return self.children[-1].end if self.children else 0

    def __repr__(self) -> str:
        return f"<{self.name} {len(self.children)} children>"


class _Parser:
    def __init__(self, lexer: Lexer) -> None:
        self.lexer = lexer
        self.tokens = lexer.tokens
        self.i = 0
        self.depth = 0
        self.max_depth = MAX_DEPTH.value(lexer.path)

    def deeper(self, what: str) -> None:
        """One more level of nesting: the parser and the model recurse once per level, so it is bounded."""
        self.depth += 1
        if self.depth > self.max_depth:
            offset = self.tokens[self.i].start if self.i < len(self.tokens) else len(self.lexer.text)
            path, line, col = self.lexer.locate(offset)
            raise MAX_DEPTH.error(f"{what} nest deeper here", path, line, col)

    # -- tokens ----------------------------------------------------------------------

    def la(self, k: int = 1) -> str:
        j = self.i + k - 1
        if j < len(self.tokens):
            return self.tokens[j].kind
        self.lexer.more(j + _BATCH)
        return self.tokens[j].kind if j < len(self.tokens) else _EOF

    def forget(self) -> None:
        """Drop the tokens read so far (all but the last, which the lexer still looks back at)."""
        drop = min(self.i, len(self.tokens) - 1)
        if drop >= _BATCH:
            del self.tokens[:drop]
            self.i -= drop

    def consume(self, kind: str, expected: str | None = None) -> Token:
        if self.la() != kind:
            raise self.error(expected or _DESCRIPTIONS.get(kind, kind))
        token = self.tokens[self.i]
        self.i += 1
        return token

    def error(self, expected: str, hint: str = "") -> MapError:
        if self.i < len(self.tokens):
            token = self.tokens[self.i]
            found = _DESCRIPTIONS.get(token.kind) or f"'{token.image.strip() or token.image}'"
            offset = token.start
            if token.kind in RELATION_RULES or token.kind in _INDENTED:
                offset += len(token.image) - len(token.image.lstrip(" \t"))
        else:
            found = _DESCRIPTIONS[_EOF]
            offset = len(self.lexer.text)
        return self.lexer.error(f"expected {expected}, found {found}{hint}", offset)

    # -- rules -----------------------------------------------------------------------

    def argdown(self) -> Iterator[Node | Token]:
        """The document's parts in order (the front matter, then each block), each once it is parsed.

        Tokens are read from the lexer as needed and forgotten after each block, so the
        caller that uses each part and lets it go keeps little of a big file at a time.
        """
        if self.la() == lx.NEWLINE:
            self.i += 1
        if self.la() == lx.EMPTYLINE:
            self.i += 1
        if self.la() == lx.FRONT_MATTER:
            front = self.consume(lx.FRONT_MATTER)
            if self.la() == lx.NEWLINE:
                self.i += 1
            yield front
            yield self.consume(lx.EMPTYLINE, "an empty line after the front matter")
        yield self.block()
        self.forget()
        while self.la() == lx.EMPTYLINE:
            self.i += 1
            yield self.block()
            self.forget()
        if self.la() != _EOF:
            raise self.unexpected_in_block()

    def unexpected_in_block(self) -> MapError:
        kind = self.la()
        if kind in (lx.STATEMENT_REFERENCE, lx.ARGUMENT_REFERENCE, lx.STATEMENT_DEFINITION, lx.ARGUMENT_DEFINITION):
            return self.error(
                "an empty line",
                ": a title in brackets starts a new element, so it cannot follow other text on its line "
                "(to name an element inside a text, mention it as @[Title] or @<Title>)",
            )
        if kind in _FREESTYLE or kind in _CONTENT:
            return self.error("an empty line", ": text cannot follow a reference to a statement or argument")
        if kind == lx.STATEMENT_NUMBER:
            return self.error(
                "an empty line", ": a premise-conclusion structure starts at the beginning of a paragraph"
            )
        if kind == lx.INFERENCE_START:
            return self.error("an empty line", ": an inference line belongs between numbered statements '(1) ...'")
        if kind == lx.INDENT:
            return self.error("an empty line", ": indented lines must start with a relation such as '+' or '-'")
        return self.error("an empty line between paragraphs")

    def block(self) -> Node:
        kind = self.la()
        if kind == lx.HEADING_START:
            return self.heading()
        if kind in _STATEMENT:
            return self.statement()
        if kind == lx.STATEMENT_NUMBER:
            return self.pcs()
        if kind in _ARGUMENT:
            return self.argument()
        if kind == lx.INDENT and self.la(2) == lx.ORDERED_LIST_ITEM:
            return self.list_block(ORDERED_LIST, ORDERED_LIST_ITEM, lx.ORDERED_LIST_ITEM)
        if kind == lx.INDENT and self.la(2) == lx.UNORDERED_LIST_ITEM:
            return self.list_block(UNORDERED_LIST, UNORDERED_LIST_ITEM, lx.UNORDERED_LIST_ITEM)
        if kind == lx.INDENT and self.la(2) in RELATION_RULES:
            self.i += 1
            return self.paragraph_error(
                ": a relation cannot start a paragraph (remove the empty line above it to attach it "
                "to the element before)"
            )
        if kind == lx.INFERENCE_START or kind in RELATION_RULES:
            return self.paragraph_error(
                ": a relation cannot start a paragraph (remove the empty line above it to attach it "
                "to the element before)"
            )
        return self.paragraph_error()

    def paragraph_error(self, hint: str = "") -> NoReturn:
        raise self.error("a statement, an argument, a heading or a numbered premise", hint)

    def heading(self) -> Node:
        children: list[Node | Token] = [self.consume(lx.HEADING_START)]
        if self.la() not in _CONTENT:
            raise self.error("the text of the heading")
        while self.la() in _CONTENT:
            children.append(self.statement_content())
        if self.la() == lx.DATA or (self.la() == lx.NEWLINE and self.la(2) == lx.DATA):
            if self.la() == lx.NEWLINE:
                children.append(self.consume(lx.NEWLINE))
            children.append(self.consume(lx.DATA))
            if self.la() == lx.NEWLINE:
                children.append(self.consume(lx.NEWLINE))
        return Node(HEADING, children)

    def statement_content(self) -> Node:
        children: list[Node | Token] = []
        while True:
            kind = self.la()
            if kind in _FREESTYLE:
                children.append(self.freestyle_text())
            elif kind in _BOLD_STARTS:
                children.append(self.range(BOLD, _BOLD_STARTS))
            elif kind in _ITALIC_STARTS:
                children.append(self.range(ITALIC, _ITALIC_STARTS))
            elif kind in _CONTENT:
                children.append(self.tokens[self.i])
                self.i += 1
            else:
                break
        return Node(STATEMENT_CONTENT, children)

    def freestyle_text(self) -> Node:
        start = self.i
        while self.la() in _FREESTYLE:
            self.i += 1
        return Node(FREESTYLE_TEXT, list(self.tokens[start : self.i]))

    def range(self, name: str, pairs: dict[str, str]) -> Node:
        self.deeper("relations and bold or italic text")
        opener = self.tokens[self.i]
        self.i += 1
        children: list[Node | Token] = [opener]
        if self.la() in _CONTENT:
            children.append(self.statement_content())
        closer = pairs[opener.kind]
        if self.la() != closer:
            what = "bold" if name == BOLD else "italic"
            mark = opener.image.strip()
            raise self.error(
                f"'{mark}' to close the {what} text",
                f" (to write the character itself, escape it: '\\{mark[0]}')",
            )
        children.append(self.consume(closer))
        self.depth -= 1
        return Node(name, children)

    def statement(self) -> Node:
        children: list[Node | Token] = []
        kind = self.la()
        if kind in _CONTENT:
            children.append(self.statement_content())
        elif kind == lx.STATEMENT_REFERENCE:
            children.append(self.consume(kind))
            while self.la() == lx.TAG:
                children.append(self.consume(lx.TAG))
            if self.la() == lx.NEWLINE:
                children.append(self.consume(lx.NEWLINE))
        elif kind == lx.STATEMENT_DEFINITION:
            definition = self.consume(kind)
            if self.la() not in _CONTENT:
                raise self.error(
                    f"the text of {definition.image.strip()}",
                    " (write the text on the same line, or refer to the statement without the colon)",
                )
            children.append(Node(STATEMENT_DEFINITION, [definition, self.statement_content()]))
        else:
            raise self.error("a statement")
        self.data_and_relations(children)
        return Node(STATEMENT, children)

    def data_and_relations(self, children: list[Node | Token]) -> None:
        if self.la() == lx.DATA:
            children.append(self.consume(lx.DATA))
            if self.la() == lx.NEWLINE:
                children.append(self.consume(lx.NEWLINE))
        if self.la() == lx.INDENT:
            children.append(self.relations())

    def argument(self) -> Node:
        children: list[Node | Token] = []
        if self.la() == lx.ARGUMENT_DEFINITION:
            definition = self.consume(lx.ARGUMENT_DEFINITION)
            if self.la() not in _CONTENT:
                raise self.error(
                    f"the text of {definition.image.strip()}",
                    " (write the text on the same line, or refer to the argument without the colon)",
                )
            children.extend([definition, self.statement_content()])
        else:
            children.append(self.consume(lx.ARGUMENT_REFERENCE, "an argument"))
            while self.la() == lx.TAG:
                children.append(self.consume(lx.TAG))
            if self.la() == lx.NEWLINE:
                children.append(self.consume(lx.NEWLINE))
        self.data_and_relations(children)
        return Node(ARGUMENT, children)

    def relations(self, only: str | None = None) -> Node:
        self.deeper("relations and bold or italic text")
        children: list[Node | Token] = [self.consume(lx.INDENT)]
        allowed = {only: RELATION_RULES[only]} if only else RELATION_RULES
        if self.la() not in allowed:
            if only:
                raise self.error("an undercut '<_' (the only relation an inference can have)")
            raise self.error(
                "a relation such as '+', '-', '+>' or '->'",
                ": an indented line attaches an element to the one above it by a relation",
            )
        while self.la() in allowed:
            children.append(self.relation())
        self.consume(lx.DEDENT, "the end of the indented relations")
        self.depth -= 1
        return Node(RELATIONS, children)

    def relation(self) -> Node:
        token = self.tokens[self.i]
        self.i += 1
        children: list[Node | Token] = [token]
        kind = self.la()
        if kind in _STATEMENT:
            children.append(self.statement())
        elif kind in _ARGUMENT and token.kind != lx.CONTRADICTION:
            children.append(self.argument())
        elif token.kind == lx.CONTRADICTION:
            raise self.error("a statement after '><' (only statements contradict each other)")
        else:
            raise self.error(f"a statement or an argument after '{token.image.strip()}'")
        return Node(RELATION_RULES[token.kind], children)

    def pcs(self) -> Node:
        children: list[Node | Token] = [self.pcs_statement()]
        if self.la() not in (lx.STATEMENT_NUMBER, lx.INFERENCE_START):
            raise self.error(
                "an inference line '----' and a conclusion",
                ": a premise-conclusion structure needs numbered premises, '----' and a numbered conclusion, "
                "with no empty line between them",
            )
        while self.la() in (lx.STATEMENT_NUMBER, lx.INFERENCE_START):
            children.append(self.pcs_tail())
        return Node(PCS, children)

    def pcs_tail(self) -> Node:
        children: list[Node | Token] = []
        while self.la() == lx.STATEMENT_NUMBER:
            children.append(self.pcs_statement())
        if self.la() != lx.INFERENCE_START:
            raise self.error(
                "an inference line '----'",
                ": the last numbered statement of a premise-conclusion structure is its conclusion, "
                "after an inference line",
            )
        children.append(self.inference())
        if self.la() != lx.STATEMENT_NUMBER:
            raise self.error("a numbered conclusion '(n) ...' right after the inference line")
        children.append(self.pcs_statement())
        return Node(PCS_TAIL, children)

    def pcs_statement(self) -> Node:
        number = self.consume(lx.STATEMENT_NUMBER)
        if self.la() in _ARGUMENT:
            raise self.error(
                "a statement",
                ": premises and conclusions are statements ([Title] or text), not arguments (<Title>)",
            )
        return Node(PCS_STATEMENT, [number, self.statement()])

    def inference(self) -> Node:
        children: list[Node | Token] = [self.consume(lx.INFERENCE_START)]
        if self.la() in _FREESTYLE or (self.la() == lx.NEWLINE and self.la(2) in _FREESTYLE):
            if self.la() == lx.NEWLINE:
                children.append(self.consume(lx.NEWLINE))
            children.append(self.inference_rules())
        if self.la() == lx.NEWLINE:
            children.append(self.consume(lx.NEWLINE))
        if self.la() == lx.DATA:
            children.append(self.consume(lx.DATA))
            if self.la() == lx.NEWLINE:
                children.append(self.consume(lx.NEWLINE))
        children.append(self.consume(lx.INFERENCE_END, "'--' to end the inference line (as in '----' or '-- rule --')"))
        children.append(self.consume(lx.NEWLINE, "the conclusion on the next line"))
        if self.la() == lx.INDENT:
            children.append(self.relations(only=lx.OUTGOING_UNDERCUT))
        return Node(INFERENCE, children)

    def inference_rules(self) -> Node:
        children: list[Node | Token] = [self.freestyle_text()]
        while self.la() == lx.LIST_DELIMITER:
            self.i += 1
            if self.la() not in _FREESTYLE:
                raise self.error("the name of an inference rule after ','")
            children.append(self.freestyle_text())
        return Node(INFERENCE_RULES, children)

    def list_block(self, name: str, item_name: str, item_kind: str) -> Node:
        children: list[Node | Token] = [self.consume(lx.INDENT)]
        while self.la() == item_kind:
            item = self.consume(item_kind)
            kind = self.la()
            if kind in _STATEMENT:
                content = self.statement()
            elif kind in _ARGUMENT:
                content = self.argument()
            else:
                raise self.error("a statement or an argument in the list item")
            children.append(Node(item_name, [item, content]))
        self.consume(lx.DEDENT, "the end of the list")
        return Node(name, children)


def parse(lexer: Lexer) -> Iterator[Node | Token]:
    """The parts of the document's syntax tree, one by one; the first syntax error raises :class:`MapError`.

    The lexer may be fresh (it is run as tokens are needed) or already run.
    """
    return _Parser(lexer).argdown()
