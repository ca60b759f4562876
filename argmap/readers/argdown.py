"""Argdown (``.argdown``, ``.ad``): the plain-text argument mapping syntax of the Argdown tools.

The file is read as the Argdown tools read it (``@include`` directives, lexer, grammar
and model follow argdown-core 1.7 in its default, loose mode; see
:mod:`._argdown_model`; a file written one element a line in plain text takes a
shortcut past the lexer and grammar to the same model, :mod:`._argdown_lines`, and the
commonest of those files a shortcut past the model to the same map,
:mod:`._argdown_direct`), and Argdown's model is then mapped onto argmap's:

* a statement (all statements sharing a title, Argdown's equivalence class) is a claim:
  its id is the title (``Untitled 1`` ... for untitled ones), its text that of the last
  definition (or the one marked ``{isCanonical: true}``), as plain text without Markdown
  marks or tags; its tags are the claim's tags;
* a reconstructed argument (one with a premise-conclusion structure) is one support
  inference per conclusion: an intermediate conclusion is the target of one inference and
  a premise of the next. A step's premises are the statements since the previous
  conclusion and that conclusion (or those its ``{uses: [1, 2]}`` or ``{from: ["1", "2"]}``
  data names, when it names statements before the conclusion). The main
  inference has the argument's title as id, earlier steps ``Title - 1``, ``Title - 2``...;
  inference rules (``-- Modus ponens --``) become the warrant, the argument's description
  its note;
* an argument without premise-conclusion structure is a claim whose text is its
  description (``<Title>: description``);
* a relation is a one-premise inference: support (``+``, ``<+``, ``+>``) is support,
  attack (``-``, ``<-``, ``->``) is attack, an undercut (``_>``, ``<_``) attacks the
  inference of the argument it targets, a contradiction (``><``) is two attacks, one each
  way; a relation to a reconstructed argument targets its main inference. In strict mode
  (front matter ``model: {mode: strict}``) entailment is support and contrariety two
  attacks;
* an argument that argmap's Argdown export made for an attack (or a support of an
  inference) concludes a statement marked ``{argmap: attack}`` that only relates to the
  real target: it is read back as that one inference;
* front matter ``title`` is the map's title, ``sources`` its sources (``id: citation``)
  and ``thesis`` the title of its thesis; statement data ``{source: id}`` (an id of the
  front matter's sources; without sources it stays data), ``{assumption: true}``,
  ``{status: accepted}``, ``{weight: 0.5}``, ``{note: ...}``, ``{quote: ...}``,
  ``{page: ...}`` and ``{ignore: [check]}`` set those fields of the claim. Other
  authors use these words their own way: sources in another shape, a ``thesis`` that
  is no statement's title, or a value argmap cannot use (``{status: disputed}``) stay
  the author's data, and the file is read as the Argdown tools read it.

Without a ``thesis`` in the front matter (or one naming a statement), the thesis is the main conclusion: a statement
that something supports and that supports nothing, the one with the largest support
tree (ties: the first in the file); failing that, the first statement that supports
nothing, else the first statement.

Everything Argdown-specific (titles, headings as groups, tags, data, argument
descriptions, the premise-conclusion structures and which arguments each statement
appears in, the original relation types and the front matter) is kept in the ``data["argdown"]`` of the map and its elements, so that the
Argdown writer can give the same file back to the Argdown tools.
"""

from __future__ import annotations

import base64
import bisect
import datetime
import os
import re
import stat
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.errors import MapError
from argmap.limits import MAX_BYTES, MAX_ELEMENTS, check_elements
from argmap.model import ATTACK, SUPPORT, ArgumentMap, Claim, Inference, Source
from argmap.readers import _argdown_lines, decode
from argmap.readers import _argdown_model as ad
from argmap.readers._argdown_lexer import Lexer, tokenize
from argmap.readers._argdown_parser import parse
from argmap.readers._lines import LineIndex
from argmap.readers.yaml_map import STATUSES

__all__ = ["NAME", "SUFFIXES", "claim_field", "plain_text", "read"]

NAME = "argdown"
SUFFIXES = (".argdown", ".ad")

_INCLUDE = re.compile(r"@include\(([^)]+)\)")
_CLAIM_FIELDS = frozenset({"source", "assumption", "status", "weight", "note", "quote", "page", "ignore"})
_SUPPORTS = (ad.SUPPORT, ad.ENTAILS)
_SYMMETRIC = (ad.CONTRADICTORY, ad.CONTRARY)


# -- @include ----------------------------------------------------------------------------


@dataclass
class _Piece:
    start: int
    path: str | None
    text: str
    offset: int
    anchor: int


@dataclass
class _Source:
    """The text with its ``@include`` directives replaced, and where each part of it was written."""

    text: str
    pieces: list[_Piece] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _lines: dict[int, LineIndex] = field(default_factory=dict)

    def _piece(self, offset: int) -> _Piece:
        if not self._starts:
            self._starts = [p.start for p in self.pieces]
        return self.pieces[max(0, bisect.bisect_right(self._starts, offset) - 1)]

    def _index(self, text: str) -> LineIndex:
        lines = self._lines.get(id(text))
        if lines is None:
            lines = self._lines[id(text)] = LineIndex(text, universal=True)
        return lines

    def _line_col(self, text: str, offset: int) -> tuple[int, int]:
        return self._index(text).position(offset)

    def origin(self, offset: int) -> tuple[str | None, int, int]:
        """File, line and column where the text at ``offset`` was written."""
        piece = self._piece(offset)
        return (piece.path, *self._line_col(piece.text, piece.offset + offset - piece.start))

    def place(self, offset: int) -> tuple[int, int, str | None]:
        """Line and column in the map's own file (an included part is at its ``@include``), and the origin."""
        piece = self._piece(offset)
        if piece.path == self.pieces[0].path:
            return (*self._line_col(piece.text, piece.offset + offset - piece.start), None)
        where, line, _ = self.origin(offset)
        return (*self._line_col(self.pieces[0].text, piece.anchor), f"{where}:{line}")

    def placer(self) -> Callable[[int], tuple[int, int, str | None]]:
        """:meth:`place` as one function, asked once per element: for a single file, straight to its line index."""
        if len(self.pieces) > 1:
            return self.place
        position = self._index(self.text).position
        return lambda offset: (*position(offset), None)


def _expand(text: str, path: str | None) -> _Source:
    """Replace ``@include(file)`` as the Argdown tools do: each file at most once, relative to its includer.

    Unlike the Argdown tools, only regular files in the map's own folder or below it can
    be included (after following links), and all of them count towards the file size
    limit: a map from elsewhere cannot pull ``/etc/passwd`` or a device into its text.
    """
    if "@include(" not in text:
        return _Source(text, [_Piece(0, path, text, 0, 0)])
    out: list[str] = []
    pieces: list[_Piece] = []
    included: list[str] = []
    size = 0
    total = len(text.encode("utf-8", "surrogatepass"))
    folder = os.path.dirname(os.path.realpath(path)) if path is not None else ""

    def emit(part: str, where: str | None, source: str, offset: int, anchor: int) -> None:
        nonlocal size
        if part or not pieces:
            pieces.append(_Piece(size, where, source, offset, anchor))
            out.append(part)
            size += len(part)

    def walk(source: str, where: str | None, anchor: int | None) -> None:
        nonlocal total
        pos = 0
        for match in _INCLUDE.finditer(source):
            here = match.start() if anchor is None else anchor
            emit(source[pos : match.start()], where, source, pos, pos if anchor is None else anchor)
            pos = match.end()
            if where is None:
                raise MapError("@include needs the map to be read from a file", None, *_line_col(source, match.start()))
            target = os.path.abspath(os.path.join(os.path.dirname(where), match.group(1)))
            if target in included:
                note = f"<!-- Include failed: File '{target}' already included. -->"
                emit(note, where, source, match.start(), here)
                continue
            included.append(target)
            line, col = _line_col(source, match.start())
            try:
                real = os.path.realpath(target)
                if os.path.commonpath([folder, real]) != folder:
                    raise MapError(
                        f"cannot include '{match.group(1)}': only files in the map's folder or below it can be included",
                        where,
                        line,
                        col,
                    )
                info = os.stat(real)
                if not stat.S_ISREG(info.st_mode):
                    raise MapError(f"cannot include '{match.group(1)}': it is not a regular file", where, line, col)
                total += info.st_size
                if total > MAX_BYTES.value(where):
                    raise MAX_BYTES.error(
                        f"with '{match.group(1)}' the included files come to {total} bytes", where, line, col
                    )
                data = Path(real).read_bytes()
            except (OSError, ValueError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                raise MapError(f"cannot include '{match.group(1)}': {reason}", where, line, col) from None
            walk(decode(data, target), target, here)
        emit(source[pos:], where, source, pos, pos if anchor is None else anchor)

    walk(text, path, None)
    return _Source("".join(out), pieces)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    return LineIndex(text, universal=True).position(offset)


# -- data --------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    """YAML data as JSON data: dates become ISO strings, keys strings; sets (``!!set``) are
    mappings to null and pairs (``!!pairs``, ``!!omap``) lists, as JavaScript's YAML has them;
    ``!!binary`` stays base64 text."""
    if isinstance(value, dict):
        if _STR.issuperset(map(type, value)) and _SCALARS.issuperset(map(type, value.values())):
            return dict(value)  # flat, as most data is: a copy, without a call per value
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return {str(k): None for k in value}
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


_SCALARS = frozenset({str, int, float, bool, type(None)})
"""Values that YAML data and JSON data write alike."""
_STR = frozenset({str})


def _plain(text: str) -> str:
    """``text`` with its runs of white space as single spaces, and none at either end."""
    text = text.strip()
    if text.isprintable() and "  " not in text:
        return text  # as most texts are: splitting and joining would give them back
    return " ".join(text.split())


# -- the mapping ---------------------------------------------------------------------------


class _Mapper:
    def __init__(self, doc: ad.Document, source: _Source, path: str | None) -> None:
        self.doc = doc
        self.source = source
        self.path = path
        self.used: set[str] = set()
        self.claims: list[Claim] = []
        self.inferences: list[Inference] = []
        self.argument_ids: dict[str, str] = {}
        self.step_ids: dict[int, str] = {}
        self.source_ids: set[str] = set()
        self.collapsed: dict[str, ad.Relation] = {}
        self.used_in: dict[str, list[str]] = {}
        self.where = source.placer()

    def fail(self, message: str, offset: int) -> MapError:
        return MapError(message, *self.source.origin(offset))

    def unique(self, *candidates: str) -> str:
        for candidate in candidates:
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate
        base, n = candidates[-1], 2
        while f"{base} {n}" in self.used:
            n += 1
        self.used.add(f"{base} {n}")
        return f"{base} {n}"

    # -- elements ------------------------------------------------------------------------

    def map(self) -> ArgumentMap:
        doc = self.doc
        front = doc.front_matter if isinstance(doc.front_matter, dict) else {}
        sources = self.sources(front.get("sources"))
        self.source_ids = {s.id for s in sources}
        sections = self.sections()
        self.elements()
        if not self.claims:
            raise MapError("no statements or arguments: there is nothing to map", self.path, 1, 1)
        elements = len(self.claims) + len(self.inferences)
        if elements > MAX_ELEMENTS.value(self.path):  # before the thesis rule and the map, which cost more
            beyond = [*self.claims, *self.inferences][MAX_ELEMENTS.value(self.path)]
            check_elements(elements, self.path, beyond.line or 1, beyond.col or 1)
        thesis, thesis_line = self.thesis(front.get("thesis"))
        data: dict[str, Any] = {"mode": doc.mode}
        if sections:
            data["sections"] = sections
        if doc.front_matter is not None:
            data["front_matter"] = _jsonable(doc.front_matter)
        title = front.get("title")
        if not isinstance(title, str) or not title.strip():
            title = self.first_heading() or (Path(self.path).stem if self.path else "Argdown map")
        description = front.get("description", front.get("subTitle"))
        return ArgumentMap(
            _plain(title),
            thesis,
            self.claims,
            self.inferences,
            sources,
            path=self.path,
            description=_plain(description) if isinstance(description, str) else None,
            thesis_line=thesis_line,
            data={"argdown": data},
        )

    def elements(self) -> None:
        """The claims and inferences of Argdown's statements, arguments and relations, in that order."""
        doc = self.doc
        self.used.update(doc.statements)
        self.collapsed = self.collapsible()
        hidden = {argument.pcs[-1].title for argument in doc.arguments.values() if argument.title in self.collapsed}
        consumed = {id(relation) for relation in self.collapsed.values()}
        for argument in doc.arguments.values():
            for statement in argument.pcs:
                used_in = self.used_in.setdefault(statement.title, [])  # type: ignore[arg-type]
                if argument.title not in used_in:
                    used_in.append(argument.title)
        for ec in doc.statements.values():
            if ec.title not in hidden:
                self.claims.append(self.statement_claim(ec))
        for argument in doc.arguments.values():
            self.argument_ids[argument.title] = self.unique(argument.title, f"<{argument.title}>")
            if not argument.reconstructed:
                self.claims.append(self.argument_claim(argument))
        for argument in doc.arguments.values():
            if argument.reconstructed:
                self.name_steps(argument)
        for argument in doc.arguments.values():
            if argument.reconstructed:
                self.inferences.extend(self.steps(argument))
        counter = 0
        for relation in doc.relations:
            if id(relation) in consumed:
                continue
            for inference in self.relation(relation):
                counter += 1
                while f"r{counter}" in self.used:
                    counter += 1
                inference.id = self.unique(f"r{counter}")
                self.inferences.append(inference)

    def sections(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []

        def visit(section: ad.Section) -> None:
            entry: dict[str, Any] = {"id": section.id, "title": section.title, "level": section.level}
            if section.parent is not None:
                entry["parent"] = section.parent.id
            if section.data is not None:
                entry["data"] = _jsonable(section.data)
            out.append(entry)
            for child in section.children:
                visit(child)

        for section in self.doc.sections:
            visit(section)
        return out

    def first_heading(self) -> str | None:
        return self.doc.sections[0].title if self.doc.sections else None

    def common(
        self, member: ad.EquivalenceClass | ad.Argument, canonical: ad.Statement | None
    ) -> tuple[dict[str, Any], int, int, str]:
        """The ``argdown`` data shared by statements and arguments, the element's line and column, and its text."""
        start = None
        for m in member.members:
            if not m.is_reference and (start is None or m.start < start):
                start = m.start
        if start is None:
            start = member.members[0].start if member.members else getattr(member, "start", 0)
        info: dict[str, Any] = {"title": member.title}
        text = ""
        if canonical is not None:
            text = _plain(canonical.plain)
            if canonical.markup is not None and canonical.markup.strip() != text:
                markup = _plain(canonical.markup)
                if markup != text:
                    info["markup"] = markup
        if member.section is not None:
            info["group"] = member.section.id
        if member.data is not None:
            info["data"] = _jsonable(member.data)
        line, col, origin = self.where(start)
        if origin:
            info["origin"] = origin
        return info, line, col, text

    def claim_fields(self, data: Any) -> dict[str, Any]:
        """argmap's claim fields given in a statement's data (``{source: who2019}``): see :func:`claim_field`."""
        fields: dict[str, Any] = {}
        if isinstance(data, dict):
            for key, value in data.items():
                if key in _CLAIM_FIELDS:
                    value = claim_field(key, value, self.source_ids)
                    if value is not None:
                        fields[key] = value
        return fields

    def statement_claim(self, ec: ad.EquivalenceClass) -> Claim:
        canonical = ec.canonical()
        info, line, col, text = self.common(ec, canonical)
        if ec.title in self.used_in:
            info["arguments"] = self.used_in[ec.title]
        if canonical is None:
            info["defined"] = False
        return Claim(
            ec.title,
            text or ec.title,
            tags=tuple(ec.tags),
            line=line,
            col=col,
            data={"argdown": info},
            **self.claim_fields(ec.data),
        )

    def argument_claim(self, argument: ad.Argument) -> Claim:
        canonical = argument.canonical()
        info, line, col, text = self.common(argument, canonical)
        info["argument"] = True
        if canonical is None:
            info["defined"] = False
        return Claim(
            self.argument_ids[argument.title],
            text or argument.title,
            tags=tuple(argument.tags),
            line=line,
            col=col,
            data={"argdown": info},
            **self.claim_fields(argument.data),
        )

    # -- premise-conclusion structures -----------------------------------------------------

    def collapsible(self) -> dict[str, ad.Relation]:
        """Arguments argmap's Argdown export made for an attack or a support of an inference, by title.

        Such an argument concludes a statement of its own marked ``{argmap: attack}`` (or
        ``support``) that does nothing but relate to the real target; it is read back as one
        inference from the argument's premises to that target.
        """
        outgoing: dict[int, list[ad.Relation]] = {}
        incoming: dict[int, int] = {}
        for relation in self.doc.relations:
            outgoing.setdefault(id(relation.source), []).append(relation)
            incoming[id(relation.target)] = incoming.get(id(relation.target), 0) + 1
        found = {}
        for argument in self.doc.arguments.values():
            if not argument.reconstructed:
                continue
            ec = self.doc.statements[argument.pcs[-1].title]  # type: ignore[index]
            kind = ec.data.get("argmap") if isinstance(ec.data, dict) else None
            relations = outgoing.get(id(ec), [])
            roles = [m.role for m in ec.members]
            if (
                kind not in (SUPPORT, ATTACK)
                or len(relations) != 1
                or incoming.get(id(ec))
                or roles.count(ad.MAIN_CONCLUSION) != 1
                or any(role not in (ad.MAIN_CONCLUSION, ad.TOP_LEVEL_STATEMENT) for role in roles)
                or (relations[0].type in _SUPPORTS) != (kind == SUPPORT)
                or (kind == SUPPORT and isinstance(relations[0].target, ad.EquivalenceClass))
            ):
                continue
            found[argument.title] = relations[0]
        return found

    def name_steps(self, argument: ad.Argument) -> None:
        """Ids for the argument's inferences: its title for the last, ``Title - 1``... for earlier ones."""
        conclusions = [s for s in argument.pcs if s.role in (ad.INTERMEDIARY_CONCLUSION, ad.MAIN_CONCLUSION)]
        for k, conclusion in enumerate(conclusions, 1):
            last = k == len(conclusions)
            sid = (
                self.argument_ids[argument.title]
                if last
                else self.unique(f"{argument.title} - {k}", f"<{argument.title}> - {k}")
            )
            self.step_ids[id(conclusion.inference)] = sid

    def steps(self, argument: ad.Argument) -> list[Inference]:
        pcs = argument.pcs
        conclusions = [i for i, s in enumerate(pcs) if s.role in (ad.INTERMEDIARY_CONCLUSION, ad.MAIN_CONCLUSION)]
        out = []
        for k, index in enumerate(conclusions, 1):
            conclusion = pcs[index]
            step = conclusion.inference
            assert step is not None
            premises = self.premises(argument, index)
            last = k == len(conclusions)
            sid = self.step_ids[id(step)]
            kind, target = SUPPORT, conclusion.title
            if last and argument.title in self.collapsed:
                relation = self.collapsed[argument.title]
                kind = SUPPORT if relation.type in _SUPPORTS else ATTACK
                target = self.target_id(relation.target)  # type: ignore[arg-type]
            info: dict[str, Any] = {
                "argument": argument.title,
                "step": k,
                "steps": len(conclusions),
                "conclusion": index,
            }
            if step.rules:
                info["rules"] = step.rules
            if step.data is not None:
                info["data"] = _jsonable(step.data)
            if last:
                canonical = argument.canonical()
                common, _, _, note = self.common(argument, canonical)
                if "data" in common:
                    common["argument_data"] = common.pop("data")
                info.update({key: value for key, value in common.items() if key != "title"})
                info["pcs"] = [
                    {"title": s.title, **({"data": _jsonable(s.data)} if s.data is not None else {})} for s in pcs
                ]
                if argument.tags:
                    info["tags"] = list(argument.tags)
            else:
                note = ""
            line, col, _ = self.where(step.start)
            ignore = step.data.get("ignore") if isinstance(step.data, dict) else None
            out.append(
                Inference(
                    sid,
                    tuple(dict.fromkeys(premises)),
                    target,  # type: ignore[arg-type]
                    kind,
                    warrant=", ".join(step.rules) or None,
                    note=note or None,
                    ignore=frozenset(_names(ignore)),
                    line=line,
                    col=col,
                    data={"argdown": info},
                )
            )
        return out

    def premises(self, argument: ad.Argument, index: int) -> list[str]:
        """The premises of the step to ``pcs[index]``: its ``uses`` data, else back to the last conclusion.

        ``uses`` (or ``from``) lists statement numbers, as numbers or as text (``["1", "(2)"]``).
        Data means nothing to the Argdown tools, which accept any, so a list that does not
        name statements before the conclusion is left as data and the default applies.
        """
        pcs = argument.pcs
        conclusion = pcs[index]
        step = conclusion.inference
        for holder, key in ((step.data, "uses"), (conclusion.data, "uses"), (step.data, "from")):  # type: ignore[union-attr]
            if isinstance(holder, dict) and isinstance(holder.get(key), list):
                numbers = [_statement_number(n) for n in holder[key]]
                if numbers and all(n is not None and 1 <= n <= index for n in numbers):
                    return [pcs[n - 1].title for n in dict.fromkeys(numbers)]  # type: ignore[operator, misc]
                break
        titles = []
        for statement in reversed(pcs[:index]):
            titles.append(statement.title)
            if statement.role == ad.INTERMEDIARY_CONCLUSION:
                break
        return list(reversed(titles))  # type: ignore[arg-type]

    # -- relations -----------------------------------------------------------------------

    def target_id(self, member: ad.EquivalenceClass | ad.Argument | ad.Inference) -> str:
        if isinstance(member, ad.EquivalenceClass):
            return member.title
        if isinstance(member, ad.Argument):
            if member.reconstructed:
                return self.step_ids[id(member.pcs[-1].inference)]
            return self.argument_ids[member.title]
        return self.step_ids[id(member)]

    def source_id(self, member: ad.EquivalenceClass | ad.Argument | ad.Inference) -> str:
        if isinstance(member, ad.Argument) and member.reconstructed:
            return member.pcs[-1].title  # type: ignore[return-value]
        return self.target_id(member)

    def relation(self, relation: ad.Relation) -> list[Inference]:
        assert relation.source is not None and relation.target is not None
        source, target = self.source_id(relation.source), self.target_id(relation.target)
        line, col, origin = self.where(relation.starts[0])
        info: dict[str, Any] = {"relation": relation.type}
        written = relation.written_source
        if isinstance(written, ad.Argument) and written.reconstructed:
            info["from_argument"] = written.title
        if origin:
            info["origin"] = origin
        kind = SUPPORT if relation.type in _SUPPORTS else ATTACK
        out = [Inference("", (source,), target, kind, explicit_id=False, line=line, col=col, data={"argdown": info})]
        if relation.type in _SYMMETRIC and source != target:
            mirror = {"argdown": dict(info, mirror=True)}
            out.append(Inference("", (target,), source, ATTACK, explicit_id=False, line=line, col=col, data=mirror))
        return out

    # -- map-level -----------------------------------------------------------------------

    def sources(self, raw: Any) -> list[Source]:
        """The front matter's ``sources`` as argmap's (``id: citation`` or ``id: {citation, url}``).

        Other shapes (a list of references, say) are the author's own front matter data:
        the map then has no sources, and the front matter keeps them for the export.
        """
        line, _, _ = self.where(self.doc.front_matter_start)
        items: list[tuple[Any, Any]] = []
        if isinstance(raw, dict):
            items = list(raw.items())
        elif isinstance(raw, list) and all(isinstance(s, dict) and "id" in s for s in raw):
            items = [(s["id"], s) for s in raw]
        out = []
        for sid, value in items:
            if isinstance(value, str):
                out.append(Source(str(sid), value, line=line))
            elif isinstance(value, dict) and isinstance(value.get("citation"), str):
                url = value.get("url")
                out.append(Source(str(sid), value["citation"], url if isinstance(url, str) else None, line=line))
            else:
                return []
        return out

    def thesis(self, given: Any) -> tuple[str, int]:
        if given is not None:
            start = self.doc.front_matter_start
            line, _, _ = self.where(start)
            ids = [c.id for c in self.claims]
            title = str(given)
            if title not in ids:  # titles keep their spaces: ' C' names [ C], not [C]
                title = title.strip()
            if title.startswith("[") and title.endswith("]"):
                title = title[1:-1]
            elif title.startswith("<") and title.endswith(">"):
                title = self.argument_ids.get(title[1:-1], title)
            if title in ids:
                return title, line
        return _main_conclusion(self.claims, self.inferences), 0


def claim_field(key: str, value: Any, source_ids: Collection[str]) -> Any:
    """The value of argmap's claim field ``key`` that Argdown data gives, or ``None`` if it gives none.

    The keys are common words that other Argdown authors use in their own ways
    (``{status: disputed}``, ``{weight: high}``), and the Argdown tools accept any data: a
    value argmap cannot use as its field stays data, and the file is read.
    """
    if key == "assumption":
        return value if isinstance(value, bool) else None
    if key == "status":
        return value if isinstance(value, str) and value in STATUSES else None
    if key == "weight":
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if key == "ignore":
        return frozenset(_names(value)) or None
    if key == "source":
        return value if isinstance(value, str) and value in source_ids else None
    return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None


def _names(value: Any) -> list[str]:
    """Check names (``[a, b]``, or one name) as ``ignore`` data gives them; nothing if it gives something else."""
    names = value if isinstance(value, list) else [value]
    return names if names and all(isinstance(n, str) for n in names) else []


_NUMBER = re.compile(r"\s*\(?\s*([0-9]+)\s*\)?\s*")


def _statement_number(value: Any) -> int | None:
    """A premise-conclusion structure's statement number as ``uses`` data gives it: ``2``, ``"2"`` or ``"(2)"``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    match = _NUMBER.fullmatch(value) if isinstance(value, str) else None
    return int(match.group(1)) if match else None


def _main_conclusion(claims: list[Claim], inferences: list[Inference]) -> str:
    """The thesis rule (see the module docstring); statements come before arguments without structure."""
    premises: set[str] = set()
    supports: dict[str, list[Inference]] = {}
    for inf in inferences:
        if inf.type == SUPPORT:
            premises.update(inf.premises)
            supports.setdefault(inf.target, []).append(inf)
    statements = [c.id for c in claims if "argument" not in c.data["argdown"]] or [c.id for c in claims]
    tops = [cid for cid in statements if cid not in premises and cid in supports]
    if not tops:
        loose = [cid for cid in statements if cid not in premises]
        return loose[0] if loose else statements[0]
    if len(tops) == 1:
        return tops[0]

    def tree_size(top: str) -> int:
        seen, queue = {top}, [top]
        while queue:
            for inf in supports.get(queue.pop(), ()):
                if inf.id not in seen:
                    seen.add(inf.id)
                    fresh = [p for p in inf.premises if p not in seen]
                    seen.update(fresh)
                    queue.extend(fresh)
        return len(seen)

    return tops[max(range(len(tops)), key=lambda k: (tree_size(tops[k]), -k))]


def read(text: str, path: str | None = None) -> ArgumentMap:
    """Read Argdown into an :class:`ArgumentMap`; a syntax error raises :class:`MapError` at its place."""
    source = _expand(text, path)
    lexer = Lexer(source.text, path, source.origin if len(source.pieces) > 1 else None)
    doc = None
    if len(source.pieces) == 1:
        from argmap.readers import _argdown_direct  # it builds on this module

        amap = _argdown_direct.read(source, lexer, path)
        if amap is not None:
            return amap
        doc = _argdown_lines.build(source.text, lexer)
    if doc is None:  # not written one element a line: lexed, parsed and modelled a block at a time
        doc = ad.build(lexer, parse(lexer))
    amap = _Mapper(doc, source, path).map()
    doc.release()
    return amap


def plain_text(markup: str) -> tuple[str, tuple[str, ...]] | None:
    """The plain text and tags that Argdown reads from a statement's text, or ``None`` if it is no single text."""
    try:
        lexer = tokenize(f"[x]: {markup}")
        doc = ad.build(lexer, parse(lexer))
    except MapError:
        return None
    ec = doc.statements.get("x")
    if len(doc.statements) != 1 or ec is None or len(ec.members) != 1 or doc.relations or doc.arguments:
        return None
    return _plain(ec.members[0].plain), tuple(ec.tags)
