"""Argdown export: the map as an Argdown document the Argdown tools read back to the same argument.

What the Argdown reader kept in ``data["argdown"]`` comes back as it was: statement and
argument titles, texts with their Markdown, tags, data, headings, the premise-conclusion
structures with their inference rules, and the relation types (undercut, contradiction,
strict mode's entailment and contrariety). A map from elsewhere is written plainly:

* each claim is a statement ``[id]: text #tags {data}`` (``source``, ``assumption``,
  ``status``, ``weight``, ``quote``, ``page``, ``note`` and ``ignore`` go in the data);
* an inference with several (linked) premises, an id of its own, a warrant, a note or an
  ``ignore`` list, or one that another inference targets, is an argument ``<id>`` whose
  premise-conclusion structure lists the premises and concludes the target; any other
  inference is a relation from its premise (``+>`` support, ``->`` attack);
* an attack that must be an argument (or a support of an inference) concludes a statement
  of its own, ``[id: conclusion] ... {argmap: attack}``, that attacks the target (Argdown's
  arguments conclude statements); the Argdown reader turns such an argument back into
  the one inference;
* an attack on an inference is an undercut ``<_`` written under the inference's line.

Texts are escaped where Argdown would read a character as markup. Titles cannot hold
``]`` (``>`` for arguments), line breaks or a leading ``-`` (nor, for arguments, a leading
``+`` or ``_``): such ids are adjusted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.model import ArgumentMap, Claim, Inference
from argmap.readers._argdown_lexer import SHORTCODES
from argmap.readers._argdown_lexer import SPECIAL_CHAR_PATTERN as _SPECIAL_CHAR
from argmap.readers.argdown import claim_field, plain_text
from argmap.writers.yaml_map import Dumper

__all__ = ["NAME", "SUFFIXES", "escape", "write"]

NAME = "argdown"
SUFFIXES = (".argdown", ".ad")

_ALWAYS = set("\\[]<>{}#*_@=")
_INCLUDE = "@include("
"""Argdown reads ``@include(file)`` anywhere in the text, before anything else, and puts
the file there: every ``@include(`` a map's text holds is written broken up."""
_FENCE = re.compile("={3,}")
"""A run of ``=`` that would end the front matter: only in double-quoted scalars there (see :class:`_FrontMatter`)."""
_TAG_WORD = re.compile(r"[a-zA-Z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+")
_RELATION_SYMBOLS = {
    "support": "+>",
    "entails": "+>",
    "attack": "->",
    "contrary": "->",
    "undercut": "_>",
    "contradictory": "><",
}
_CLAIM_FIELDS = ("source", "status", "weight", "quote", "page", "note")


def escape(text: str, extra: str = "") -> str:
    """Text as Argdown reads it back (modulo spacing): markup characters get a backslash.

    ``extra`` names further characters to escape (an inference rule also escapes ``-`` and ``,``);
    the ``(`` of ``@include(`` is escaped so that Argdown does not include a file there.
    A ``.`` or ``:`` is escaped where Argdown would read a special character from it: a
    shortcode such as ``.~.``, or a run that would swallow a backslash.
    """
    text = " ".join(text.split())
    out: list[str] = []
    for i, c in enumerate(text):
        if (
            c in _ALWAYS
            or c in extra
            or (c == "/" and text[i + 1 : i + 2] in ("/", "*"))
            or (c == "(" and text.endswith(_INCLUDE[:-1], 0, i))
        ):
            out.append("\\" + c)
        else:
            out.append(c)
    escaped = "".join(out)
    done: list[str] = []
    i = 0
    while i < len(escaped):
        c = escaped[i]
        if c == "\\":
            done.append(escaped[i : i + 2])
            i += 2
            continue
        special = _SPECIAL_CHAR.match(escaped, i) if c in ".:" else None
        if special is None:
            done.append(c)
            i += 1
        elif "\\" in special.group() or special.group().strip() in SHORTCODES:
            done.append("\\" + c)
            i += 1
        else:
            done.append(special.group())
            i = special.end()
    return "".join(done)


_ARGUMENT_LEADS = {"+": "\uff0b", "_": "\uff3f"}
"""Look-alikes for the first character of an argument title that Argdown would read as ``<+``
or ``<_`` (an incoming relation); a leading ``-`` becomes an en dash in any title."""


_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")
"""What ends a title in Argdown (a JavaScript ``.``): any other spacing is part of the title,
so ``[A  b]``, ``[A b]`` and ``[ A b ]`` are three statements."""


def _title(title: str, closing: str) -> str:
    """A title Argdown can write in brackets: no closing bracket, no line break, no leading '-' (or '+', '_').

    Spaces are kept as they are: Argdown tells titles apart by them.
    """
    title = (
        _LINE_BREAK.sub(" ", title).replace(closing, ")" if closing == "]" else "›").replace(_INCLUDE, "@include\uff08")
    )
    if not title.strip():
        return "Untitled"
    if title.startswith("-"):
        title = "–" + title[1:]
    if closing == ">" and title[:1] in _ARGUMENT_LEADS:
        title = _ARGUMENT_LEADS[title[0]] + title[1:]
    if closing == ">" and title.startswith("!--"):
        title = "!" + title[3:]
    return title or "Untitled"


def _rules(warrant: str) -> list[str]:
    """A warrant as inference rules: split at commas when the reader's ``", "`` join gives it back, else one rule."""
    rules = [r.strip() for r in warrant.split(",")]
    return rules if all(rules) and ", ".join(rules) == warrant else [warrant]


def _tag(tag: str) -> str:
    if _TAG_WORD.fullmatch(tag):
        return f"#{tag}"
    return "#(" + " ".join(tag.replace(")", "]").split()) + ")"


_DATA_UNSAFE = re.compile("[{}\n\r\x85\u2028\u2029\x00-\x1f\x7f-\x9f\ufffe\uffff]")
"""Characters a string in ``{...}`` data cannot hold as they are: a brace can end the block
early (Argdown's lexer ends it at a ``}`` that whitespace and another character follow),
line breaks end the statement, and YAML refuses control characters in a file."""


def _flow(data: dict[str, Any]) -> str:
    """YAML data as one ``{...}`` line; strings holding what Argdown or YAML would misread are escaped."""
    if not _has_unsafe_text(data):
        return yaml.safe_dump(data, default_flow_style=True, allow_unicode=True, width=10**9, sort_keys=False).strip()
    return _escaped_flow(data)


def _has_unsafe_text(value: Any) -> bool:
    if isinstance(value, str):
        return _DATA_UNSAFE.search(value) is not None or _INCLUDE in value
    if isinstance(value, dict):
        return any(_has_unsafe_text(k) or _has_unsafe_text(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_has_unsafe_text(v) for v in value)
    return False


def _escaped_flow(value: Any) -> str:
    """Flow YAML with every string double-quoted and the unsafe characters in it as ``\\uXXXX`` escapes."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_escaped_flow(k)}: {_escaped_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_escaped_flow(v) for v in value) + "]"
    if isinstance(value, str):
        quoted = _DATA_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))
        return quoted.replace(_INCLUDE, "@include\\u0028")
    return yaml.safe_dump([value], default_flow_style=True, width=10**9).strip()[1:-1]


class _FrontMatter(Dumper):
    """YAML for the front matter: text holding ``@include(`` or ``===`` double-quoted, where escapes can stand for
    the ``(`` and all but the last ``=`` (``\\x28``, ``\\x3D``): the first ``===`` would end the front matter."""


def _front_text(dumper: Dumper, value: str) -> yaml.ScalarNode:
    if _INCLUDE in value or "===" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return Dumper.yaml_representers[str](dumper, value)


_FrontMatter.add_representer(str, _front_text)


def _info(element: Claim | Inference) -> dict[str, Any]:
    info = element.data.get("argdown")
    return info if isinstance(info, dict) else {}


@dataclass
class _Argument:
    """An argument to write with a premise-conclusion structure."""

    title: str
    steps: list[Inference]
    group: str | None = None
    undercuts: dict[int, list[str]] = field(default_factory=dict)


class _Writer:
    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.info = amap.data.get("argdown") if isinstance(amap.data.get("argdown"), dict) else {}
        self.refs: dict[str, str] = {}
        self.argument_titles: set[str] = set()
        self.statement_titles: set[str] = set()
        self.arguments: list[_Argument] = []
        self.step_of: dict[str, tuple[_Argument, int]] = {}
        self.written_arguments: set[str] = set()
        self.extra_claims: list[tuple[str, str, str | None]] = []
        self.statement_ids: dict[str, str] = {}

    # -- names -------------------------------------------------------------------------

    def unique(self, title: str, taken: set[str]) -> str:
        candidate, n = title, 2
        while candidate in taken:
            candidate = f"{title} {n}"
            n += 1
        taken.add(candidate)
        return candidate

    def name_claims(self) -> None:
        for claim in self.amap.claims.values():
            info = _info(claim)
            title = str(info.get("title", claim.id))
            if info.get("argument"):
                self.refs[claim.id] = f"<{self.unique(_title(title, '>'), self.argument_titles)}>"
            else:
                self.refs[claim.id] = f"[{self.unique(_title(title, ']'), self.statement_titles)}]"
                self.statement_ids[title] = claim.id

    def plan_arguments(self) -> set[str]:
        """Group the inferences that are written as arguments; return their ids."""
        amap = self.amap
        targeted = {inf.target for inf in amap.inferences.values() if inf.target in amap.inferences}
        by_title: dict[str, list[Inference]] = {}
        relations: set[tuple[tuple[str, ...], str, bool]] = set()
        for inf in amap.inferences.values():
            info = _info(inf)
            relation = (inf.premises, inf.target, inf.is_support)
            if "argument" in info:
                by_title.setdefault(str(info["argument"]), []).append(inf)
            elif (
                len(inf.premises) > 1
                or inf.id in targeted
                or inf.warrant
                or inf.note
                or inf.ignore
                or inf.explicit_id
                or relation in relations  # Argdown reads a repeated relation as the same one
            ):
                by_title.setdefault(f"\0{inf.id}", []).append(inf)
            else:
                relations.add(relation)
        for key, steps in by_title.items():
            steps.sort(key=lambda s: _info(s).get("step", 0))
            title = steps[-1].id if key.startswith("\0") else key
            argument = _Argument(self.unique(_title(title, ">"), self.argument_titles), steps)
            argument.group = _info(steps[-1]).get("group")
            self.arguments.append(argument)
            for k, step in enumerate(steps):
                self.step_of[step.id] = (argument, k)
        return {inf.id for a in self.arguments for inf in a.steps}

    # -- texts -------------------------------------------------------------------------

    def text(self, element: Claim | Inference, text: str, tags: Iterable[str]) -> str:
        """The element's Argdown text: its original markup if it still says the same, else the escaped text."""
        tags = list(dict.fromkeys(tags))
        markup = _info(element).get("markup")
        if isinstance(markup, str):
            read = plain_text(markup)
            if read is not None and read[0] == " ".join(text.split()) and set(read[1]) <= set(tags):
                missing = [t for t in tags if t not in read[1]]
                return " ".join([markup, *map(_tag, missing)])
        return " ".join([escape(text), *map(_tag, tags)]).strip()

    def claim_data(self, claim: Claim) -> dict[str, Any]:
        """The statement's data: what it had, with the claim's fields as they are now.

        A field the claim no longer has is taken out of the data, unless the data's value
        was never that field (``{status: disputed}`` is the author's own data).
        """
        info = _info(claim)
        data = dict(info["data"]) if isinstance(info.get("data"), dict) else {}
        fields: dict[str, Any] = {key: getattr(claim, key) for key in _CLAIM_FIELDS}
        fields["assumption"] = claim.assumption or None
        fields["ignore"] = sorted(claim.ignore) or None
        for key, value in fields.items():
            if value is not None:
                data[key] = value
            elif claim_field(key, data.get(key), self.amap.sources) is not None:
                del data[key]
        return data

    # -- the parts ---------------------------------------------------------------------

    def front_matter(self) -> str:
        amap = self.amap
        front = dict(self.info.get("front_matter") or {})
        front["title"] = amap.title
        thesis = self.refs[amap.thesis]
        front["thesis"] = thesis[1:-1] if thesis.startswith("[") else thesis
        if amap.description and "subTitle" not in front:
            front["description"] = amap.description
        if amap.sources:
            front["sources"] = {
                s.id: ({"citation": s.citation, "url": s.url} if s.url else s.citation) for s in amap.sources.values()
            }
        if self.info.get("mode") == "strict":
            model = front.get("model") if isinstance(front.get("model"), dict) else {}
            front["model"] = {**model, "mode": "strict"}
        dumped = yaml.dump(front, Dumper=_FrontMatter, sort_keys=False, allow_unicode=True, width=100)
        dumped = dumped.replace(_INCLUDE, "@include\\x28")  # only in double-quoted scalars: see _FrontMatter
        dumped = _FENCE.sub(lambda run: "\\x3D" * (len(run.group()) - 1) + "=", dumped)
        return f"===\n{dumped}==="

    def claim_block(self, claim: Claim) -> str:
        ref = self.refs[claim.id]
        info = _info(claim)
        data = self.claim_data(claim)
        text = self.text(claim, claim.text, claim.tags)
        if (info.get("defined") is False and claim.text == info.get("title", claim.id)) or not text.strip():
            line = ref + "".join(f" {_tag(t)}" for t in claim.tags)
        else:
            line = f"{ref}: {text}"
        return f"{line} {_flow(data)}" if data else line

    def argument_block(self, argument: _Argument) -> str:
        main = argument.steps[-1]
        info = _info(main)
        head = f"<{argument.title}>"
        tags = list(info.get("tags") or [])
        description = self.text(main, main.note, tags) if main.note and main.note.strip() else ""
        if description:
            head += ": " + description
        elif tags:
            head += "".join(f" {_tag(t)}" for t in tags)
        if isinstance(info.get("argument_data"), dict) and info["argument_data"]:
            head += " " + _flow(info["argument_data"])
        lines = [head, ""]
        lines.extend(self.pcs(argument))
        return "\n".join(lines)

    def pcs(self, argument: _Argument) -> list[str]:
        """The premise-conclusion structure: numbered statements, with an inference line before each conclusion."""
        steps = argument.steps
        order = self.stored_order(argument) or self.derived_order(steps)
        statements, conclusions = order
        lines = []
        for index, (title, data) in enumerate(statements):
            step_index = conclusions.get(index)
            if step_index is not None:
                lines.extend(self.inference_lines(argument, step_index, statements, conclusions))
            line = f"({index + 1}) {title}"
            lines.append(f"{line} {_flow(data)}" if data else line)
        return lines

    def stored_order(
        self, argument: _Argument
    ) -> tuple[list[tuple[str, dict[str, Any] | None]], dict[int, int]] | None:
        """The structure the Argdown reader kept, if it still fits the inferences."""
        stored = _info(argument.steps[-1]).get("pcs")
        if not isinstance(stored, list) or not all(isinstance(s, dict) for s in stored):
            return None
        ids = [self.statement_ids.get(s.get("title")) for s in stored]  # type: ignore[arg-type]
        conclusions: dict[int, int] = {}
        for k, step in enumerate(argument.steps):
            index = _info(step).get("conclusion")
            if not isinstance(index, int) or not 0 < index < len(ids) or ids[index] != step.target:
                return None
            conclusions[index] = k
        if (
            None in ids
            or max(conclusions) != len(ids) - 1
            or sorted(conclusions.values()) != list(conclusions.values())
        ):
            return None
        return [(self.refs[i], s.get("data")) for i, s in zip(ids, stored, strict=True)], conclusions  # type: ignore[index]

    def derived_order(self, steps: list[Inference]) -> tuple[list[tuple[str, dict[str, Any] | None]], dict[int, int]]:
        statements: list[tuple[str, dict[str, Any] | None]] = []
        conclusions: dict[int, int] = {}
        previous: str | None = None
        for k, step in enumerate(steps):
            for premise in step.premises:
                if premise != previous and premise in self.refs and not self.listed(statements, premise, conclusions):
                    statements.append((self.refs[premise], None))
            conclusions[len(statements)] = k
            statements.append((self.conclusion_ref(step), None))
            previous = step.target
        return statements, conclusions

    def listed(self, statements: list[tuple[str, Any]], premise: str, conclusions: dict[int, int]) -> bool:
        """Whether a premise is already a statement of the current step (since the last conclusion)."""
        start = max((i + 1 for i in conclusions), default=0)
        return any(ref == self.refs[premise] for ref, _ in statements[start:])

    def conclusion_ref(self, step: Inference) -> str:
        """What a step concludes: its target, or for an attack or a step on an inference a statement of its own."""
        if step.is_support and step.target in self.refs:
            return self.refs[step.target]
        title = self.unique(_title(f"{step.id}: conclusion", "]"), self.statement_titles)
        target = self.amap.element(step.target)
        if isinstance(target, Claim):
            text = f"Not so: {target.text}"
        else:
            holds = "holds" if step.is_support else "does not hold"
            text = f"The step to '{target.target}' {holds}."
        argument, _ = self.step_of[step.id]
        self.extra_claims.append((title, f"{escape(text)} {_flow({'argmap': step.type})}", argument.group))
        return f"[{title}]"

    def inference_lines(
        self,
        argument: _Argument,
        k: int,
        statements: list[tuple[str, Any]],
        conclusions: dict[int, int],
    ) -> list[str]:
        step = argument.steps[k]
        info = _info(step)
        rules = info.get("rules")
        if not isinstance(rules, list):
            rules = _rules(step.warrant) if step.warrant else []
        data = dict(info["data"]) if isinstance(info.get("data"), dict) else {}
        if step.ignore:
            data["ignore"] = sorted(step.ignore)
        index = next(i for i, j in conclusions.items() if j == k)
        wanted = {self.refs[p] for p in step.premises if p in self.refs}
        stored = data.get("uses", data.get("from"))
        if isinstance(stored, list) and all(isinstance(n, int) and 0 < n <= len(statements) for n in stored):
            keep = {statements[n - 1][0] for n in stored} == wanted
        else:
            keep = stored is None and self.default_premises(statements, conclusions, index, step)
        if not keep:
            data.pop("from", None)
            data["uses"] = [
                next(i + 1 for i, (ref, _) in enumerate(statements) if ref == self.refs[p])
                for p in step.premises
                if p in self.refs
            ]
        middle = ", ".join(escape(str(r), "-,") for r in rules if str(r).strip())
        if data:
            middle = f"{middle} {_flow(data)}".strip()
        lines = [f"-- {middle} --" if middle else "----"]
        lines.extend(f"  <_ {premise}" for premise in argument.undercuts.get(k, []))
        return lines

    def default_premises(
        self, statements: list[tuple[str, Any]], conclusions: dict[int, int], index: int, step: Inference
    ) -> bool:
        """Whether Argdown's default (the statements back to the last conclusion) gives the step's premises."""
        found = []
        for i in range(index - 1, -1, -1):
            found.append(statements[i][0])
            if i in conclusions:
                break
        wanted = [self.refs[p] for p in step.premises if p in self.refs]
        return set(found) == set(wanted) and len(wanted) == len(step.premises)

    def relation_line(self, inf: Inference) -> tuple[str, str, str] | None:
        """The source and the relation line of a one-premise inference (``None`` if written under an inference)."""
        info = _info(inf)
        source = self.refs[inf.premises[0]]
        from_argument = info.get("from_argument")
        if from_argument in self.written_arguments:
            source = f"<{from_argument}>"
        kind = info.get("relation")
        if kind not in _RELATION_SYMBOLS or (kind in ("support", "entails")) != inf.is_support:
            kind = "support" if inf.is_support else "attack"
        if inf.target in self.refs:
            target = self.refs[inf.target]
            return source, target, f"{_RELATION_SYMBOLS[kind]} {target}"
        argument, k = self.step_of[inf.target]
        if inf.is_attack and not (info.get("relation") == "attack" and k == len(argument.steps) - 1):
            argument.undercuts.setdefault(k, []).append(source)
            return None
        return source, f"<{argument.title}>", f"{_RELATION_SYMBOLS[kind]} <{argument.title}>"

    @staticmethod
    def relation_blocks(relations: dict[str, list[tuple[str, str]]]) -> list[str]:
        """One block per source, relations of an element to itself first.

        Argdown drops a relation from an element to itself when a relation of the same
        type into that element came before it, so those go first.
        """
        own = [(source, line) for source, lines in relations.items() for target, line in lines if target == source]
        blocks = ["\n".join([source, f"  {line}"]) for source, line in own]
        for source, lines in relations.items():
            rest = [line for target, line in lines if target != source]
            if rest:
                blocks.append("\n".join([source, *(f"  {line}" for line in rest)]))
        return blocks

    def write(self) -> str:
        amap = self.amap
        self.name_claims()
        in_arguments = self.plan_arguments()
        self.written_arguments = {a.title for a in self.arguments}
        relations: dict[str, list[tuple[str, str]]] = {}
        for inf in amap.inferences.values():
            info = _info(inf)
            if inf.id in in_arguments:
                continue
            if info.get("mirror") and any(
                other.premises == (inf.target,) and other.target == inf.premises[0] and not _info(other).get("mirror")
                for other in amap.inferences_from(inf.target)
            ):
                continue
            placed = self.relation_line(inf)
            if placed is not None:
                relations.setdefault(placed[0], []).append(placed[1:])
        for argument in self.arguments:
            main = argument.steps[-1]
            if main.is_attack and main.target in self.refs:
                target = self.refs[main.target]
                relations.setdefault(f"<{argument.title}>", []).append((target, f"-> {target}"))
            elif main.is_attack:
                target, k = self.step_of[main.target]
                target.undercuts.setdefault(k, []).append(f"<{argument.title}>")
            elif main.target not in self.refs:
                target, _ = self.step_of[main.target]
                line = f"+> <{target.title}>"
                relations.setdefault(f"<{argument.title}>", []).append((f"<{target.title}>", line))
        groups: dict[str | None, list[str]] = {}
        known = {s["id"] for s in self.info.get("sections", []) if isinstance(s, dict) and "id" in s}

        def group_of(element: Claim | Inference) -> str | None:
            group = _info(element).get("group")
            return group if group in known else None

        for claim in amap.claims.values():
            groups.setdefault(group_of(claim), []).append(self.claim_block(claim))
        for argument in self.arguments:
            group = argument.group if argument.group in known else None
            groups.setdefault(group, []).append(self.argument_block(argument))
        for title, text, group in self.extra_claims:
            groups.setdefault(group if group in known else None, []).append(f"[{title}]: {text}")
        blocks = [self.front_matter()]
        blocks.extend(groups.get(None, []))
        for section in self.info.get("sections", []):
            if not isinstance(section, dict) or "id" not in section:
                continue
            heading = "#" * max(1, int(section.get("level", 1))) + " " + (escape(str(section.get("title", ""))) or "-")
            if isinstance(section.get("data"), dict) and section["data"]:
                heading += " " + _flow(section["data"])
            blocks.append(heading)
            blocks.extend(groups.get(section["id"], []))
        blocks.extend(self.relation_blocks(relations))
        return "\n\n".join(blocks) + "\n"


def write(amap: ArgumentMap) -> str:
    """The map as an Argdown document."""
    return _Writer(amap).write()
