"""Argdown's own model of a document: equivalence classes, arguments and relations.

This is what the Argdown tools see in a file (argdown-core's ModelPlugin and
DataPlugin, default settings): statements with the same title form one equivalence
class; an argument may carry a premise-conclusion structure whose conclusions each
follow an inference; relations join statements, arguments and inferences. Titles of
untitled elements (``Untitled 1`` ...), which relations are kept and where relations
of reconstructed arguments end up follow the reference implementation step by step,
so that argmap and ``argdown json`` agree on the titles and relations of a file.

The loose/strict distinction is Argdown's: by default (loose) a relation between two
statements is support or attack; front matter ``model: {mode: strict}`` reads them as
entailment and contrariety. A relation *from* a reconstructed argument is a relation
from its main conclusion; an undercut of a reconstructed argument targets its last
inference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.errors import MapError
from argmap.limits import MAX_DEPTH
from argmap.readers import _argdown_lexer as lx
from argmap.readers import _argdown_parser as ps
from argmap.readers._argdown_lexer import SHORTCODES, TAG_PATTERN, Lexer, Token
from argmap.readers._argdown_parser import Node

__all__ = [
    "Argument",
    "Document",
    "EquivalenceClass",
    "Inference",
    "Relation",
    "Section",
    "Statement",
    "build",
]

# Statement roles and relation types, named as in Argdown.
PREMISE = "premise"
INTERMEDIARY_CONCLUSION = "intermediary-conclusion"
MAIN_CONCLUSION = "main-conclusion"
ARGUMENT_DESCRIPTION = "argument-description"
TOP_LEVEL_STATEMENT = "top-level-statement"
RELATION_STATEMENT = "relation-statement"

SUPPORT = "support"
ATTACK = "attack"
UNDERCUT = "undercut"
CONTRADICTORY = "contradictory"
ENTAILS = "entails"
CONTRARY = "contrary"

_INCOMING = {
    "incomingSupport": SUPPORT,
    "incomingAttack": ATTACK,
    "contradiction": CONTRADICTORY,
    "incomingUndercut": UNDERCUT,
}
_OUTGOING = {"outgoingSupport": SUPPORT, "outgoingAttack": ATTACK, "outgoingUndercut": UNDERCUT}
_RELATION_NAMES = frozenset(ps.RELATION_RULES.values())
_FRONT_MATTER_START = re.compile(r"^\s*={3,}")
_FRONT_MATTER_END = re.compile(r"={3,}\s*$")
_BLOCK_START = re.compile(r"^{[ \t]*(\n\r|\n)")
_BLOCK_END = re.compile(r"}\s*\Z")
_STATEMENT_TITLE = re.compile(r"\[(.+)\]", re.S)
_ARGUMENT_TITLE = re.compile(r"<(.+)>", re.S)
_LINK_LABEL = re.compile(r"\[(.+)\]\((.+)\)", re.S)
_TOKEN_KINDS = frozenset(
    {
        lx.DATA,
        lx.FRONT_MATTER,
        lx.STATEMENT_DEFINITION,
        lx.STATEMENT_REFERENCE,
        lx.ARGUMENT_DEFINITION,
        lx.ARGUMENT_REFERENCE,
        lx.STATEMENT_MENTION,
        lx.ARGUMENT_MENTION,
        lx.LINK,
        lx.TAG,
        lx.NEWLINE,
    }
)
"""The tokens the model reads on their own; the others count only as parts of the nodes around them."""


@dataclass(eq=False, slots=True)
class Section:
    """A heading and what follows it, up to the next heading of the same or a higher level."""

    id: str
    level: int
    title: str
    start: int
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: Any = None


@dataclass(eq=False, slots=True)
class Statement:
    """One occurrence of a statement (or an argument's description) in the text."""

    title: str | None = None
    text: str = ""
    plain: str = ""
    role: str | None = None
    is_reference: bool = False
    tags: list[str] = field(default_factory=list)
    data: Any = None
    section: Section | None = None
    start: int = 0
    markup: str | None = None
    inference: Inference | None = None


@dataclass(eq=False, slots=True)
class EquivalenceClass:
    """All statements that share a title: one claim."""

    title: str
    members: list[Statement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: Any = None
    section: Section | None = None

    def canonical(self) -> Statement | None:
        """The member whose text stands for the class: marked ``isCanonical``, else the last definition."""
        return _canonical(self.members)


@dataclass(eq=False, slots=True)
class Inference:
    """The step to a conclusion in a premise-conclusion structure."""

    start: int
    rules: list[str] = field(default_factory=list)
    data: Any = None
    relations: list[Relation] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Argument:
    """An argument: its descriptions and, if reconstructed, its premise-conclusion structure."""

    title: str
    members: list[Statement] = field(default_factory=list)
    pcs: list[Statement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: Any = None
    section: Section | None = None
    start: int = 0

    @property
    def reconstructed(self) -> bool:
        return bool(self.pcs)

    def canonical(self) -> Statement | None:
        return _canonical(self.members)


Member = EquivalenceClass | Argument | Inference


@dataclass(eq=False, slots=True)
class Relation:
    """A relation of ``type`` from one member to another, and where it was written."""

    type: str
    source: Member | None = None
    target: Member | None = None
    starts: list[int] = field(default_factory=list)
    written_source: Member | None = None


@dataclass
class Document:
    """What an Argdown file says, in Argdown's terms."""

    statements: dict[str, EquivalenceClass] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    front_matter: Any = None
    front_matter_start: int = 0
    mode: str = "loose"

    def release(self) -> None:
        """Unlink the members from their relations and the sections from their parents, once read.

        Members and relations point at each other: unlinked, the document is freed by
        reference counting as soon as it is dropped, not at the cyclic collector's next
        full pass over everything the reading made.
        """
        for member in (*self.statements.values(), *self.arguments.values()):
            member.relations = []
            if isinstance(member, Argument):
                for statement in member.pcs:
                    if statement.inference is not None:
                        statement.inference.relations = []
        sections = list(self.sections)
        while sections:
            section = sections.pop()
            sections.extend(section.children)
            section.parent = None


def _append(target: Statement, text: str) -> None:
    """Add text to a statement: to Argdown's text and to the plain text without tags."""
    target.text += text
    target.plain += text


def _setting(data: Any, *keys: str) -> Any:
    """A nested setting of the front matter, or ``None``."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _canonical(members: list[Statement]) -> Statement | None:
    fallback = None
    for member in reversed(members):
        if not member.is_reference:
            if isinstance(member.data, dict) and member.data.get("isCanonical"):
                return member
            fallback = fallback or member
    return fallback


def _remove(items: list[Relation], relation: Relation) -> None:
    """Remove a relation from a list as argdown-core does (``splice(indexOf(r), 1)``, so a miss drops the last)."""
    if relation in items:
        items.remove(relation)
    elif items:
        items.pop()


def _merge(old: Any, new: Any) -> Any:
    """lodash's ``merge`` of plain data: objects merged key by key, anything else replaced."""
    if isinstance(old, dict) and isinstance(new, dict):
        merged = dict(old)
        for key, value in new.items():
            merged[key] = _merge(merged.get(key), value)
        return merged
    return old if new is None else new


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML as the Argdown tools' js-yaml reads it where PyYAML would refuse the file.

    js-yaml reads ``=`` as text (PyYAML's "value" tag has no constructor) and accepts a
    date that does not exist (``2001-02-30``), which stays text here.
    """


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node))


_MAX_EXPANDED = 10_000
"""How many values a YAML block may stand for once its aliases are written out."""


def _check_aliases(source: str, lexer: Lexer, offset: int) -> None:
    """Refuse an alias to no anchor (or to the collection it is in) and data whose aliases expand too far.

    The values are counted from the parser's events, each alias as the size of what it
    names, so a few lines that stand for billions of values are refused before anything is built.
    """
    sizes: dict[str, int] = {}
    open_: list[tuple[str | None, int]] = []
    total = 0
    for event in yaml.parse(source, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in sizes:
                raise lexer.error(f"YAML alias *{event.anchor} names no complete value before it", offset)
            total += sizes[event.anchor]
        elif isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            total += 1
            if isinstance(event, yaml.CollectionStartEvent):
                open_.append((event.anchor, total))
            elif event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, start = open_.pop()
            if anchor:
                sizes[anchor] = total - start + 1
        if total > _MAX_EXPANDED:
            raise lexer.error(
                f"this YAML data stands for more than {_MAX_EXPANDED} values once its aliases are written out", offset
            )


def load_yaml(source: str, lexer: Lexer, offset: int) -> Any:
    """YAML data of a ``{...}`` block or the front matter; a bad block is reported where it starts.

    Aliases are read, as the Argdown tools read them, once :func:`_check_aliases` has
    found that they stand for little data (no alias bombs); data nested deeper than
    :data:`~argmap.limits.MAX_DEPTH` is refused before anything walks it.
    """
    try:
        if "*" in source:
            _check_aliases(source, lexer, offset)
        data = yaml.load(source, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        where = offset
        if mark is not None:
            where = offset + _line_start(source, mark.line) + mark.column
        raise lexer.error(f"invalid YAML data: {problem}", where) from None
    except (ValueError, KeyError, AttributeError) as exc:  # a value its tag cannot make: !!int abc, 2001-02-30
        raise lexer.error(f"invalid YAML data: a value of the wrong form ({exc})", offset) from None
    limit = MAX_DEPTH.value(lexer.path)
    if _deeper_than(data, limit):
        path, line, col = lexer.locate(offset)
        raise MAX_DEPTH.error("this block's YAML data nests deeper", path, line, col)
    return data


def _line_start(source: str, line: int) -> int:
    """Offset of the start of a 0-based line (the last line's if there are fewer)."""
    start = 0
    for count, match in enumerate(re.finditer(r"\r\n|\r|\n", source), 1):
        if count > line:
            break
        start = match.end()
    return start


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether lists and mappings in ``data`` nest more than ``limit`` levels (walked without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, (list, tuple)):
            if depth > limit:
                return True
            stack.extend((item, depth + 1) for item in value)
    return False


class _Builder:
    """The walk over the syntax tree, with the state argdown-core's ModelPlugin keeps."""

    def __init__(self, lexer: Lexer) -> None:
        self.lexer = lexer
        self.doc = Document()
        self.untitled = 0
        self.statement: Statement | None = None
        self.heading: Statement | None = None
        self.relation_parent: Statement | Argument | Inference | None = None
        self.argument: Argument | None = None
        self.pcs: Argument | None = None
        self.inference: Inference | None = None
        self.relation: Relation | None = None
        self.parents: list[Member] = []
        self.section: Section | None = None
        self.sections = 0
        self.remove_tags = False
        self.transform_arguments = True
        self.data_cache: dict[str, Any] = {}

    def fail(self, message: str, offset: int) -> MapError:
        return self.lexer.error(message, offset)

    # -- titles and members ----------------------------------------------------------

    def new_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def equivalence_class(self, title: str) -> EquivalenceClass:
        ec = self.doc.statements.get(title)
        if ec is None:
            ec = self.doc.statements[title] = EquivalenceClass(title)
        return ec

    def get_argument(self, title: str | None = None, start: int = 0) -> Argument:
        argument = self.doc.arguments.get(title) if title else None
        if argument is None:
            argument = Argument(title or self.new_title(), start=start)
            self.doc.arguments[argument.title] = argument
        self.argument = argument
        self.relation_parent = argument
        return argument

    def relation_member(self, parent: Statement | Argument | Inference) -> Member:
        if isinstance(parent, Statement):
            if not parent.title:
                parent.title = self.new_title()
            if parent.role == ARGUMENT_DESCRIPTION:
                return self.get_argument(parent.title, parent.start)
            return self.equivalence_class(parent.title)
        return parent

    def target(self) -> Statement | None:
        return self.heading or self.statement

    # -- the walk --------------------------------------------------------------------

    def walk(self, node: Node, parent: Node | None, index: int) -> None:
        name = node.name
        if name in _RELATION_NAMES:
            self.enter_relation(node)
        elif name in _ENTER:
            _ENTER[name](self, node, parent, index)
        for i, child in enumerate(node.children):
            if type(child) is Token:
                if child.kind in _TOKEN_KINDS:
                    self.token(child, node, i)
            else:
                self.walk(child, node, i)  # type: ignore[arg-type]
        if name in _RELATION_NAMES:
            self.exit_relation(node)
        elif name in _EXIT:
            _EXIT[name](self, node, parent, index)

    def token(self, token: Token, parent: Node | None, index: int) -> None:
        kind = token.kind
        if kind == lx.DATA:
            source = token.image
            block = _BLOCK_START.match(source)
            if block:
                source = _BLOCK_END.sub("", source[block.end() :])
            if parent is not None:
                if source not in self.data_cache:
                    self.data_cache[source] = load_yaml(source, self.lexer, token.start)
                parent.data = self.data_cache[source]
        elif kind == lx.FRONT_MATTER:
            source = _FRONT_MATTER_END.sub("", _FRONT_MATTER_START.sub("", token.image))
            data = load_yaml(source, self.lexer, token.start)
            self.doc.front_matter, self.doc.front_matter_start = data, token.start
            model = _setting(data, "model")
            if isinstance(model, dict):
                self.doc.mode = str(model.get("mode", self.doc.mode))
                self.remove_tags = bool(model.get("removeTagsFromText", False))
                self.transform_arguments = bool(model.get("transformArgumentRelations", True))
        elif kind in (lx.STATEMENT_DEFINITION, lx.STATEMENT_REFERENCE):
            if self.statement is not None:
                self.statement.title = _STATEMENT_TITLE.match(token.image).group(1)  # type: ignore[union-attr]
                self.statement.is_reference = kind == lx.STATEMENT_REFERENCE
                if parent is not None:
                    parent.statement = self.statement
        elif kind in (lx.ARGUMENT_DEFINITION, lx.ARGUMENT_REFERENCE):
            if self.statement is not None:
                self.statement.title = _ARGUMENT_TITLE.match(token.image).group(1)  # type: ignore[union-attr]
                self.statement.is_reference = self.statement.is_reference or kind == lx.ARGUMENT_REFERENCE
        elif kind in (lx.STATEMENT_MENTION, lx.ARGUMENT_MENTION):
            target = self.target()
            if target is not None:
                _append(target, token.image)
        elif kind == lx.LINK:
            target = self.target()
            if target is not None:
                _append(target, _LINK_LABEL.match(token.image).group(1))  # type: ignore[union-attr]
                if token.image.endswith(" "):
                    _append(target, " ")
        elif kind == lx.TAG:
            target = self.target()
            if target is not None:
                match = TAG_PATTERN.match(token.image)
                tag = match.group(1) or match.group(2)  # type: ignore[union-attr]
                if not self.remove_tags:
                    target.text += token.image
                if token.image.endswith((" ", "\t")):
                    target.plain += " "
                if tag not in target.tags:
                    target.tags.append(tag)
        elif kind == lx.NEWLINE:
            target = self.target()
            if target is not None and parent is not None and index != len(parent.children) - 1:
                if not target.text.endswith(" "):
                    target.text += " "
                if not target.plain.endswith(" "):
                    target.plain += " "

    # headings

    def enter_heading(self, node: Node, parent: Node | None, index: int) -> None:
        self.open_heading(node.start)

    def exit_heading(self, node: Node, parent: Node | None, index: int) -> None:
        self.close_heading(len(node.children[0].image) - 1, node.data, node.start)  # type: ignore[union-attr]

    def open_heading(self, start: int) -> None:
        self.heading = Statement(start=start)

    def close_heading(self, level: int, data: Any, start: int) -> None:
        heading = self.heading
        assert heading is not None
        self.sections += 1
        section = Section(f"s{self.sections}", level, heading.text.strip(), start, tags=heading.tags)
        section.data = data
        previous = self.section
        while previous is not None and previous.level >= section.level:
            previous = previous.parent
        if previous is not None:
            previous.children.append(section)
            section.parent = previous
        else:
            self.doc.sections.append(section)
        self.section = section
        self.heading = None

    # statements

    def enter_statement(self, node: Node, parent: Node | None, index: int) -> None:
        content = next((c for c in node.children if isinstance(c, Node)), None)
        if content is not None and content.name == ps.STATEMENT_DEFINITION:
            content = content.children[1]  # type: ignore[assignment]
        markup = None
        if content is not None and content.name == ps.STATEMENT_CONTENT:
            markup = self.lexer.text[content.start : content.end]
        node.statement = self.open_statement(node.start, parent is not None and parent.name == ps.ARGDOWN, markup)

    def exit_statement(self, node: Node, parent: Node | None, index: int) -> None:
        self.close_statement(node.statement, node.data)

    def open_statement(self, start: int, top_level: bool, markup: str | None) -> Statement:
        statement = Statement(start=start, markup=markup)
        if top_level:
            statement.role = TOP_LEVEL_STATEMENT
        elif self.relation is not None:
            statement.role = RELATION_STATEMENT
        self.statement = self.relation_parent = statement
        return statement

    def close_statement(self, statement: Statement, data: Any) -> None:
        statement.data = data
        title = statement.title
        if not title:
            title = statement.title = self.new_title()
        ec = self.doc.statements.get(title)
        if ec is None:
            ec = self.doc.statements[title] = EquivalenceClass(title)
        if statement.tags:
            ec.tags.extend(t for t in statement.tags if t not in ec.tags)
        in_group = None
        if data is not None:
            ec.data = _merge(ec.data, data)
            if isinstance(data, dict):
                in_group = data.get("isInGroup")
        if self.section is not None:
            statement.section = self.section
        ec.members.append(statement)
        if in_group is True or (in_group is None and ec.section is None and not statement.is_reference):
            ec.section = statement.section
        self.statement = None

    # arguments

    def enter_argument(self, node: Node, parent: Node | None, index: int) -> None:
        content = next((c for c in node.children if isinstance(c, Node) and c.name == ps.STATEMENT_CONTENT), None)
        markup = None if content is None else self.lexer.text[content.start : content.end]
        node.statement = self.open_argument(node.start, markup)

    def exit_argument(self, node: Node, parent: Node | None, index: int) -> None:
        node.argument = self.close_argument(node.statement, node.data, node.start)

    def open_argument(self, start: int, markup: str | None) -> Statement:
        description = Statement(role=ARGUMENT_DESCRIPTION, start=start, section=self.section, markup=markup)
        self.statement = self.relation_parent = description
        return description

    def close_argument(self, description: Statement, data: Any, start: int) -> Argument:
        description.data = data
        if not description.title:
            description.title = self.new_title()
        argument = self.get_argument(description.title, start)
        argument.tags.extend(t for t in description.tags if t not in argument.tags)
        if data is not None:
            argument.data = _merge(argument.data, data)
        if self.section is not None:
            description.section = self.section
        argument.members.append(description)
        in_group = data.get("isInGroup") if isinstance(data, dict) else None
        if in_group is True or (not description.is_reference and in_group is None and argument.section is None):
            argument.section = description.section
        self.statement = None
        self.argument = None
        return argument

    # premise-conclusion structures

    def enter_pcs(self, node: Node, parent: Node | None, index: int) -> None:
        argument = None
        if parent is not None and index > 0:
            before = parent.children[index - 1]
            if isinstance(before, Token) and before.kind == lx.EMPTYLINE and index > 1:
                before = parent.children[index - 2]
            if isinstance(before, Node) and before.name == ps.ARGUMENT:
                argument = before.argument
        node.argument = self.open_pcs(argument, node.start)

    def exit_pcs(self, node: Node, parent: Node | None, index: int) -> None:
        self.close_pcs(node.argument)

    def exit_pcs_statement(self, node: Node, parent: Node | None, index: int) -> None:
        inference = None
        if parent is not None and index > 0:
            before = parent.children[index - 1]
            if isinstance(before, Node) and before.name == ps.INFERENCE:
                inference = before.inference
        self.add_pcs_statement(node.children[1].statement, inference)  # type: ignore[union-attr]

    def open_pcs(self, argument: Argument | None, start: int) -> Argument:
        """A premise-conclusion structure: of ``argument`` (the one just above it), else of a new one."""
        if argument is None:
            argument = self.get_argument(start=start)
        if self.section is not None:
            argument.section = self.section
        if argument.pcs:
            raise self.fail(
                f"<{argument.title}> already has a premise-conclusion structure: an argument can have only one",
                start,
            )
        argument.start = start
        self.pcs = argument
        return argument

    def close_pcs(self, argument: Argument) -> None:
        last = argument.pcs[-1]
        if last.role == INTERMEDIARY_CONCLUSION:
            last.role = MAIN_CONCLUSION
        self.statement = None
        self.argument = None
        self.pcs = None

    def add_pcs_statement(self, statement: Statement, inference: Inference | None) -> None:
        """A numbered statement: a premise, or the conclusion of the ``inference`` line just above it."""
        assert self.pcs is not None
        statement.role = PREMISE
        if inference is not None:
            statement.role = INTERMEDIARY_CONCLUSION
            statement.inference = inference
        self.pcs.pcs.append(statement)

    def enter_inference(self, node: Node, parent: Node | None, index: int) -> None:
        node.inference = self.open_inference(node.start)

    def open_inference(self, start: int) -> Inference:
        inference = Inference(start)
        self.inference = self.relation_parent = inference
        self.parents.append(inference)
        return inference

    def exit_inference(self, node: Node, parent: Node | None, index: int) -> None:
        if self.inference is not None:
            self.inference.data = node.data

    def exit_inference_rules(self, node: Node, parent: Node | None, index: int) -> None:
        if self.inference is not None:
            self.inference.rules.extend(child.text.strip() for child in node.children)  # type: ignore[union-attr]

    # relations

    def enter_relations(self, node: Node | None = None, parent: Node | None = None, index: int = 0) -> None:
        if self.relation_parent is None:
            raise self.fail("a relation needs a statement or an argument above it", node.start if node else 0)
        self.parents.append(self.relation_member(self.relation_parent))

    def exit_relations(self, node: Node | None = None, parent: Node | None = None, index: int = 0) -> None:
        self.relation = None
        self.parents.pop()

    def enter_relation(self, node: Node) -> None:
        symbol = node.children[0]
        start = symbol.start + len(symbol.image) - len(symbol.image.lstrip(" \t"))  # type: ignore[union-attr]
        node.relation = self.open_relation(node.name, start)

    def exit_relation(self, node: Node) -> None:
        content = node.children[1]
        self.close_relation(node.relation, getattr(content, "argument", None) or content.statement)  # type: ignore[union-attr]

    def open_relation(self, name: str, start: int) -> Relation:
        """A relation (``name`` as the grammar's rule, ``incomingSupport``...) from or to the element above it."""
        parent = self.parents[-1]
        if name in _INCOMING:
            relation = Relation(_INCOMING[name], source=parent, starts=[start])
        else:
            relation = Relation(_OUTGOING[name], starts=[start])
            if name == "outgoingUndercut" and isinstance(parent, EquivalenceClass) and self.inference:
                relation.target = self.inference
            else:
                relation.target = parent
        self.relation = relation
        return relation

    def close_relation(self, relation: Relation, member: Statement | Argument) -> None:
        """The relation, once the element it relates to (``member``) is read; a repeated one only adds its place."""
        other = self.relation_member(member)
        if relation.source is not None:
            relation.target = other
        else:
            relation.source = other
        source, target = relation.source, relation.target
        assert source is not None and target is not None
        relation.written_source = source
        for existing in source.relations:
            same = existing.target is target and existing.type == relation.type
            mirrored = (
                relation.type == CONTRADICTORY == existing.type
                and existing.target is source
                and existing.source is target
            )
            if same or mirrored:
                existing.starts.extend(relation.starts)
                return
        self.doc.relations.append(relation)
        source.relations.append(relation)
        target.relations.append(relation)

    # text

    def enter_freestyle_text(self, node: Node, parent: Node | None, index: int) -> None:
        parts = []
        for token in node.children:
            image = token.image  # type: ignore[union-attr]
            if token.kind == lx.ESCAPED_CHAR:  # type: ignore[union-attr]
                parts.append(image[1:])
            elif token.kind == lx.SPECIAL_CHAR:  # type: ignore[union-attr]
                char = SHORTCODES.get(image.strip())
                parts.append(image if char is None else char + (" " if image.endswith(" ") else ""))
            else:
                parts.append(image)
        node.text = "".join(parts)
        target = self.target()
        if target is not None:
            _append(target, node.text)

    def exit_range(self, node: Node, parent: Node | None, index: int) -> None:
        target = self.target()
        if target is not None and node.children[-1].image.endswith(" "):  # type: ignore[union-attr]
            _append(target, " ")

    # -- after the walk ----------------------------------------------------------------

    def finish(self) -> Document:
        doc = self.doc
        for member in (*doc.statements.values(), *doc.arguments.values()):
            if member.section is None and member.members:
                member.section = member.members[0].section
        regroup = _setting(doc.front_matter, "group", "regroup")
        if isinstance(regroup, list) and regroup:
            self.regroup(regroup)
        if self.transform_arguments:
            self.transform_argument_relations()
        if doc.mode == "strict":
            self.transform_statement_relations()
        self.remove_redundant_attacks_on_arguments()
        return doc

    def regroup(self, config: list[Any]) -> None:
        """Front matter ``group: {regroup: [...]}`` replaces the headings' groups by the ones it lists."""
        doc = self.doc
        doc.sections = []
        for member in (*doc.statements.values(), *doc.arguments.values()):
            member.section = None

        def section(spec: dict[str, Any], level: int, counter: int, parent: Section | None) -> Section:
            new = Section(f"s{counter}", level, str(spec.get("title", "")), 0, parent=parent)
            new.tags = list(spec.get("tags") or [])
            for title in spec.get("statements") or ():
                if title in doc.statements:
                    doc.statements[title].section = new
            for title in spec.get("arguments") or ():
                if title in doc.arguments:
                    doc.arguments[title].section = new
            for i, child in enumerate(spec.get("children") or ()):
                if isinstance(child, dict):
                    new.children.append(section(child, level + 1, counter + 1 + i, new))
            return new

        for i, spec in enumerate(config):
            if isinstance(spec, dict):
                doc.sections.append(section(spec, 1, i, None))

    def transform_argument_relations(self) -> None:
        kept = []
        for relation in self.doc.relations:
            add = True
            source, target = relation.source, relation.target
            if isinstance(source, Argument) and source.reconstructed:
                _remove(source.relations, relation)
                ec = self.doc.statements[source.pcs[-1].title]  # type: ignore[index]
                relation.source = ec
                existing = next((r for r in ec.relations if r.target is target and r.type == relation.type), None)
                if existing is None:
                    ec.relations.append(relation)
                else:
                    existing.starts.extend(relation.starts)
                    _remove(relation.target.relations, relation)  # type: ignore[union-attr]
                    add = False
            if isinstance(target, Argument) and target.reconstructed and relation.type == UNDERCUT:
                inference = target.pcs[-1].inference
                assert inference is not None
                relation.target = inference
                _remove(inference.relations, relation)
                existing = next(
                    (r for r in inference.relations if r.source is relation.source and r.type == relation.type), None
                )
                if existing is None:
                    inference.relations.append(relation)
                else:
                    existing.starts.extend(relation.starts)
                    _remove(relation.source.relations, relation)  # type: ignore[union-attr]
                    add = False
            if add:
                kept.append(relation)
        self.doc.relations = kept

    def transform_statement_relations(self) -> None:
        kept = []
        for relation in self.doc.relations:
            source, target = relation.source, relation.target
            if isinstance(source, EquivalenceClass) and isinstance(target, EquivalenceClass):
                if relation.type == SUPPORT:
                    relation.type = ENTAILS
                elif relation.type == ATTACK:
                    if any(
                        r.type == CONTRARY
                        and ((r.source is source and r.target is target) or (r.source is target and r.target is source))
                        for r in source.relations
                    ):
                        _remove(source.relations, relation)
                        _remove(target.relations, relation)
                        continue
                    relation.type = CONTRARY
            kept.append(relation)
        self.doc.relations = kept

    def remove_redundant_attacks_on_arguments(self) -> None:
        kept = []
        for relation in self.doc.relations:
            source, target = relation.source, relation.target
            if (
                not isinstance(source, EquivalenceClass)
                or relation.type != ATTACK
                or not isinstance(target, Argument)
                or not target.pcs
            ):
                kept.append(relation)
                continue
            premises = {s.title for s in target.pcs if s.role == PREMISE}

            def other(r: Relation, ec: EquivalenceClass = source) -> Member | None:
                return r.target if r.source is ec else r.source

            redundant = next(
                (
                    r
                    for r in source.relations
                    if isinstance(other(r), EquivalenceClass)
                    and ((r.type == ATTACK and r.source is source) or r.type in (CONTRADICTORY, CONTRARY))
                    and other(r).title in premises  # type: ignore[union-attr]
                ),
                None,
            )
            if redundant is None:
                kept.append(relation)
                continue
            _remove(source.relations, relation)
            _remove(target.relations, relation)
            redundant.starts.extend(relation.starts)
        self.doc.relations = kept


_ENTER = {
    ps.HEADING: _Builder.enter_heading,
    ps.STATEMENT: _Builder.enter_statement,
    ps.ARGUMENT: _Builder.enter_argument,
    ps.PCS: _Builder.enter_pcs,
    ps.INFERENCE: _Builder.enter_inference,
    ps.RELATIONS: _Builder.enter_relations,
    ps.FREESTYLE_TEXT: _Builder.enter_freestyle_text,
}
_EXIT = {
    ps.HEADING: _Builder.exit_heading,
    ps.STATEMENT: _Builder.exit_statement,
    ps.ARGUMENT: _Builder.exit_argument,
    ps.PCS: _Builder.exit_pcs,
    ps.PCS_STATEMENT: _Builder.exit_pcs_statement,
    ps.INFERENCE: _Builder.exit_inference,
    ps.INFERENCE_RULES: _Builder.exit_inference_rules,
    ps.RELATIONS: _Builder.exit_relations,
    ps.BOLD: _Builder.exit_range,
    ps.ITALIC: _Builder.exit_range,
}
"""What the walk does on entering and leaving each rule's node (a table of the class's functions, so a
builder holds no references to itself and is freed as soon as it is done with)."""


def build(lexer: Lexer, parts: Iterable[Node | Token]) -> Document:
    """Argdown's model of a document from the parts of its syntax tree (see :func:`._argdown_parser.parse`).

    Each part is walked as it comes and then let go, except the one before it (a
    premise-conclusion structure belongs to the argument just above it): a big file's
    syntax tree is never held whole.
    """
    builder = _Builder(lexer)
    root = Node(ps.ARGDOWN, [])
    children: list[Node | Token | None] = root.children  # type: ignore[assignment]
    for index, part in enumerate(parts):
        children.append(part)
        if type(part) is Token:
            if part.kind in _TOKEN_KINDS:
                builder.token(part, root, index)
        else:
            builder.walk(part, root, index)  # type: ignore[arg-type]
        if index >= 2:
            children[index - 2] = None
    return builder.finish()
