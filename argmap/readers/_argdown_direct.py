"""Argdown written one element a line, mapped straight onto argmap's claims and inferences.

The line reader (:mod:`._argdown_lines`) reads the common line shapes into Argdown's
model, a handful of objects for every occurrence of a statement, which the mapper of
:mod:`.argdown` then turns into argmap's elements. This module reads the same lines and
keeps only what the map needs of each statement and argument (its first and its
canonical definition, its merged data, its group, the relations it takes part in) and
makes the claims and inferences from that: about half the work for a big file.

It takes the model builder's steps in the builder's order (which occurrence counts as
the first, when an untitled statement gets its number, which relations are kept, where
an undercut of a reconstructed argument ends up) and declines, with ``None``, every file
in which a rarer rule of Argdown's would apply: front matter that sets ``model`` or
``group`` options, data with ``isInGroup``, ``isCanonical`` or ``argmap``, a relation
written twice, a contradiction, a relation from a reconstructed argument, an attack on an
argument made redundant by one on its premise. Such a file is read through the model as
before. The tests compare the two maps on every file they have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import MapError
from argmap.model import ATTACK, SUPPORT, ArgumentMap, Claim, Inference
from argmap.readers import _argdown_model as ad
from argmap.readers._argdown_lexer import Lexer
from argmap.readers._argdown_lines import (
    _ARGUMENT_LINE,
    _INFERENCE_LINE,
    _MAX_NESTING,
    _PCS_LINE,
    _STATEMENT_LINE,
    _Decline,
    _is_plain,
    _Reader,
    readable,
)
from argmap.readers.argdown import _jsonable, _Mapper, _Source

__all__ = ["read"]

_INCOMING = {"incomingSupport": ad.SUPPORT, "incomingAttack": ad.ATTACK, "incomingUndercut": ad.UNDERCUT}
_OUTGOING = {"outgoingSupport": ad.SUPPORT, "outgoingAttack": ad.ATTACK, "outgoingUndercut": ad.UNDERCUT}
_SPECIAL_DATA = frozenset({"isInGroup", "isCanonical", "argmap"})
"""Data keys with a meaning to Argdown's model or to argmap's own export that this module leaves to the model."""
_SPECIAL_FRONT_MATTER = ("model", "group")


@dataclass(eq=False, slots=True)
class _Step:
    """The inference line (``----``) before a conclusion."""

    at: tuple[int, int]
    id: str = ""
    relations: list[_Relation] = field(default_factory=list)
    data: Any = None
    """Always none: an inference line in the line shapes is ``----`` alone (the model's inferences have data)."""


@dataclass(eq=False, slots=True)
class _PcsStatement:
    """A numbered statement of a premise-conclusion structure, with what the model's mapper reads of it."""

    title: str
    role: str
    data: Any
    inference: _Step | None


@dataclass(eq=False, slots=True)
class _Member:
    """A statement (all occurrences sharing a title) or an argument, as far as the map needs it."""

    title: str
    created: tuple[int, int]
    """Where an argument was first named (its place when it has no description)."""
    argument: bool = False
    first: tuple[int, int] | None = None
    """Line and column of the first occurrence (the first closed, as the model counts)."""
    first_section: ad.Section | None = None
    defined: tuple[int, int] | None = None
    """Line and column of the first definition (``None``: only references)."""
    text: str = ""
    """The last definition's text: the canonical one."""
    data: Any = None
    section: ad.Section | None = None
    relations: list[_Relation] = field(default_factory=list)
    pcs: list[_PcsStatement] = field(default_factory=list)
    """An argument's premise-conclusion structure."""


@dataclass(eq=False, slots=True)
class _Relation:
    type: str
    source: _Member
    target: _Member | _Step
    at: tuple[int, int]


class _DirectReader(_Reader):
    """The line reader's walk over the blocks, keeping members and relations instead of Argdown's model."""

    def __init__(self, text: str, lexer: Lexer) -> None:
        super().__init__(text, lexer)
        self.statements: dict[str, _Member] = {}
        self.arguments: dict[str, _Member] = {}
        self.relation_list: list[_Relation] = []
        self.last_step: _Step | None = None
        self.data_cache: dict[str, Any] = {}

    # -- occurrences ---------------------------------------------------------------------

    def data(self, data: str | None, offset: int) -> Any:
        """The value of a data block, read once for all blocks written alike (as the model's builder does)."""
        if data is None:
            return None
        value = self.data_cache.get(data)
        if value is None:
            value = self.data_cache[data] = ad.load_yaml(data, self.lexer, offset)
            if isinstance(value, dict) and not _SPECIAL_DATA.isdisjoint(value):
                raise _Decline
        return value

    def occurrence(self, match: re.Match[str], offset: int) -> tuple[str | None, str | None, Any]:
        """Title, text (``None`` for a reference) and data of the statement ``match`` found at ``offset``."""
        title, text, untitled, data = match.group("title", "text", "untitled", "data")
        if title is None:
            if not _is_plain(untitled):
                raise _Decline
            return None, untitled, self.data(data, offset + len(untitled) + 1)  # type: ignore[arg-type]
        if text is None:
            if data is not None:
                raise _Decline
            return title, None, None
        if not _is_plain(text):
            raise _Decline
        return title, text, self.data(data, offset + len(title) + 4 + len(text) + 1)

    def statement_named(self, title: str | None, at: tuple[int, int]) -> _Member:
        """The statement of this title, made on its first occurrence; an untitled one gets the next number."""
        if title is None:
            title = self.builder.new_title()
        member = self.statements.get(title)
        if member is None:
            member = self.statements[title] = _Member(title, at)
        return member

    def argument_named(self, title: str | None, at: tuple[int, int]) -> _Member:
        if title is None:
            title = self.builder.new_title()
        member = self.arguments.get(title)
        if member is None:
            member = self.arguments[title] = _Member(title, at, argument=True)
        return member

    def close(self, member: _Member, at: tuple[int, int], text: str | None, data: Any) -> None:
        """An occurrence read to its end (its relations included), as the model's builder closes it."""
        section = self.builder.section
        if member.first is None:
            member.first, member.first_section = at, section
        if data is not None:
            member.data = ad._merge(member.data, data)
        if text is not None:
            member.text = text
            if member.defined is None or at < member.defined:
                member.defined = at
            if member.section is None:
                member.section = section

    # -- blocks --------------------------------------------------------------------------

    def element(self, line: str, is_argument: bool) -> _Member | None:  # type: ignore[override]
        i = self.i
        offset = self.starts[i]
        at = (self.first_line + i, 1)
        if is_argument:
            match = _ARGUMENT_LINE.match(line)
            if match is None:
                raise _Decline
            member, text, data = self.argument_line(match, offset, at)
        else:
            match = _STATEMENT_LINE.match(line)
            if match is None:
                raise _Decline
            title, text, data = self.occurrence(match, offset)
            member = self.statement_named(title, at)
        deeper = self.indent_after(i)
        if deeper:
            self.relations(member, deeper, 1)
        if not self.ends_block(self.i):
            raise _Decline
        self.close(member, at, text, data)
        return member if member.argument else None

    def argument_line(self, match: re.Match[str], offset: int, at: tuple[int, int]) -> tuple[_Member, str | None, Any]:
        title, text, data = match.group("argument", "atext", "adata")
        member = self.argument_named(title, at)
        if text is None:
            return member, None, None
        if not _is_plain(text):
            raise _Decline
        return member, text, self.data(data, offset + len(title) + 4 + len(text) + 1)

    def relations(self, parent: _Member, level: int, depth: int) -> None:  # type: ignore[override]
        if depth > _MAX_NESTING:
            raise _Decline
        starts = self.starts
        for i, match, symbol, name in self.relation_lines(level):
            if name == "contradiction":
                raise _Decline
            line = self.first_line + i
            start = starts[i] + level + len(symbol) + 1
            at = (line, level + len(symbol) + 2)
            if match.group("argument") is None:
                title, text, data = self.occurrence(match, start)
                member = self.statement_named(title, at)
            else:
                member, text, data = self.argument_line(match, start, at)
            deeper = self.indent_after(i)
            if deeper > level:
                self.relations(member, deeper, depth + 1)
            self.close(member, at, text, data)
            written = (line, level + 1)
            if name in _INCOMING:
                self.relate(_INCOMING[name], parent, member, written)
            elif name == "outgoingUndercut" and not parent.argument and self.last_step is not None:
                self.relate(ad.UNDERCUT, member, self.last_step, written)  # argdown-core's last inference
            else:
                self.relate(_OUTGOING[name], member, parent, written)

    def relate(self, kind: str, source: _Member, target: _Member | _Step, at: tuple[int, int]) -> None:
        for existing in source.relations:
            if existing.target is target and existing.type == kind:
                raise _Decline  # written twice: the model merges the two
        relation = _Relation(kind, source, target, at)
        self.relation_list.append(relation)
        source.relations.append(relation)
        target.relations.append(relation)

    def pcs(self, previous: _Member | None) -> None:  # type: ignore[override]
        lines, starts = self.lines, self.starts
        i = self.i
        at = (self.first_line + i, 1)
        argument = previous if previous is not None else self.argument_named(None, at)
        if self.builder.section is not None:
            argument.section = self.builder.section
        if argument.pcs:
            raise _Decline
        argument.created = at
        pcs = argument.pcs
        step = None
        while True:
            line = lines[i]
            if line.startswith("("):
                match = _PCS_LINE.match(line)
                if match is None:
                    raise _Decline
                col = line.index(")") + 2
                at = (self.first_line + i, col + 1)
                title, text, data = self.occurrence(match, starts[i] + col)
                member = self.statement_named(title, at)
                self.close(member, at, text, data)
                role = ad.PREMISE if step is None else ad.INTERMEDIARY_CONCLUSION
                pcs.append(_PcsStatement(member.title, role, data, step))
                step = None
            elif step is None and pcs and _INFERENCE_LINE.match(line):
                step = self.last_step = _Step((self.first_line + i, 1))
            else:
                raise _Decline
            if self.ends_block(i):
                break
            i += 1
        if step is not None or pcs[-1].inference is None:
            raise _Decline
        pcs[-1].role = ad.MAIN_CONCLUSION
        self.i = i

    # -- after the walk ----------------------------------------------------------------

    def finish(self) -> None:
        """The model's last steps: groups from the first occurrence, undercuts of reconstructed arguments."""
        for member in (*self.statements.values(), *self.arguments.values()):
            if member.section is None and member.first is not None:
                member.section = member.first_section
        for relation in self.relation_list:
            source, target = relation.source, relation.target
            if source.argument and source.pcs:
                raise _Decline  # a relation from a reconstructed argument: from its conclusion
            if isinstance(target, _Step) or not target.argument or not target.pcs:
                continue
            if relation.type == ad.UNDERCUT:
                step = target.pcs[-1].inference
                assert step is not None
                relation.target = step
                ad._remove(step.relations, relation)  # type: ignore[arg-type]
                if any(r.source is source and r.type == relation.type for r in step.relations):
                    raise _Decline
                step.relations.append(relation)
            elif relation.type == ad.ATTACK and not source.argument and self.redundant(source, target):
                raise _Decline

    def release(self) -> None:
        """Unlink members and relations, which point at each other, so that reference counting frees them at once."""
        for member in (*self.statements.values(), *self.arguments.values()):
            member.relations = []
            for statement in member.pcs:
                if statement.inference is not None:
                    statement.inference.relations = []

    def redundant(self, source: _Member, target: _Member) -> bool:
        """Whether the model drops an attack on an argument because ``source`` also attacks one of its premises."""
        premises = {statement.title for statement in target.pcs if statement.role == ad.PREMISE}
        return any(
            r.type == ad.ATTACK and r.source is source and not r.target.argument and r.target.title in premises
            for r in source.relations
            if isinstance(r.target, _Member)
        )


class _DirectMapper(_Mapper):
    """The map-level part of :class:`._Mapper` (sources, thesis, title), with the elements from a :class:`_DirectReader`."""

    def __init__(self, reader: _DirectReader, source: _Source, path: str | None) -> None:
        super().__init__(reader.builder.doc, source, path)
        self.reader = reader

    def info(self, member: _Member) -> tuple[dict[str, Any], int, int, str]:
        """The ``argdown`` data of a member, its line and column, and its text."""
        line, col = member.defined or member.first or member.created
        info: dict[str, Any] = {"title": member.title}
        if member.section is not None:
            info["group"] = member.section.id
        if member.data is not None:
            info["data"] = _jsonable(member.data)
        return info, line, col, member.text

    def claim(self, member: _Member, claim_id: str, used_in: list[str] | None) -> Claim:
        info, line, col, text = self.info(member)
        if member.argument:
            info["argument"] = True
        elif used_in is not None:
            info["arguments"] = used_in
        if member.defined is None:
            info["defined"] = False
        fields = self.claim_fields(member.data) if member.data is not None else {}
        return Claim(claim_id, text or member.title, line=line, col=col, data={"argdown": info}, **fields)

    def elements(self) -> None:
        reader = self.reader
        statements, arguments = reader.statements, reader.arguments
        self.used.update(statements)
        used_in: dict[str, list[str]] = {}
        for argument in arguments.values():
            for statement in argument.pcs:
                names = used_in.setdefault(statement.title, [])
                if argument.title not in names:
                    names.append(argument.title)
        claims = self.claims
        for member in statements.values():
            claims.append(self.claim(member, member.title, used_in.get(member.title)))
        for argument in arguments.values():
            self.argument_ids[argument.title] = self.unique(argument.title, f"<{argument.title}>")
            if not argument.pcs:
                claims.append(self.claim(argument, self.argument_ids[argument.title], None))
        reconstructed = [argument for argument in arguments.values() if argument.pcs]
        for argument in reconstructed:
            steps = [statement.inference for statement in argument.pcs if statement.inference is not None]
            for k, step in enumerate(steps, 1):
                step.id = (
                    self.argument_ids[argument.title]
                    if k == len(steps)
                    else self.unique(f"{argument.title} - {k}", f"<{argument.title}> - {k}")
                )
        for argument in reconstructed:
            self.inferences.extend(self.direct_steps(argument))
        counter = 0
        for relation in reader.relation_list:
            counter += 1
            while f"r{counter}" in self.used:
                counter += 1
            self.inferences.append(self.direct_relation(relation, self.unique(f"r{counter}")))

    def direct_steps(self, argument: _Member) -> list[Inference]:
        pcs = argument.pcs
        conclusions = [index for index, statement in enumerate(pcs) if statement.inference is not None]
        out = []
        for k, index in enumerate(conclusions, 1):
            conclusion = pcs[index]
            step = conclusion.inference
            assert step is not None
            info: dict[str, Any] = {
                "argument": argument.title,
                "step": k,
                "steps": len(conclusions),
                "conclusion": index,
            }
            note = ""
            if k == len(conclusions):
                common, _, _, note = self.info(argument)
                if "data" in common:
                    common["argument_data"] = common.pop("data")
                info.update({key: value for key, value in common.items() if key != "title"})
                info["pcs"] = [
                    {"title": s.title, **({"data": _jsonable(s.data)} if s.data is not None else {})} for s in pcs
                ]
            line, col = step.at
            out.append(
                Inference(
                    step.id,
                    tuple(dict.fromkeys(self.premises(argument, index))),  # type: ignore[arg-type]
                    conclusion.title,
                    SUPPORT,
                    note=note or None,
                    line=line,
                    col=col,
                    data={"argdown": info},
                )
            )
        return out

    def member_id(self, member: _Member | _Step) -> str:
        if isinstance(member, _Step):
            return member.id
        if not member.argument:
            return member.title
        if member.pcs:
            return member.pcs[-1].inference.id  # type: ignore[union-attr]
        return self.argument_ids[member.title]

    def direct_relation(self, relation: _Relation, relation_id: str) -> Inference:
        line, col = relation.at
        kind = SUPPORT if relation.type == ad.SUPPORT else ATTACK
        return Inference(
            relation_id,
            (self.member_id(relation.source),),
            self.member_id(relation.target),
            kind,
            explicit_id=False,
            line=line,
            col=col,
            data={"argdown": {"relation": relation.type}},
        )


def read(source: _Source, lexer: Lexer, path: str | None) -> ArgumentMap | None:
    """The map of a single file written in the line shapes, or ``None`` to read it through Argdown's model."""
    text = source.text
    if not readable(text):
        return None
    reader = _DirectReader(text, lexer)
    try:
        reader.blocks()
        front = reader.builder.doc.front_matter
        if isinstance(front, dict) and any(key in front for key in _SPECIAL_FRONT_MATTER):
            return None
        reader.finish()
        mapper = _DirectMapper(reader, source, path)
        if not reader.statements and not reader.arguments:
            return None
        return mapper.map()
    except (_Decline, MapError):  # the model's reading gives the same error, or reads what is declined here
        return None
    finally:
        reader.release()
