"""argmap's own YAML map format (see ``docs/format.md``).

The YAML is composed into a node tree (never constructed into Python objects), so
every value keeps its line and column, duplicate keys are caught instead of silently
keeping the last, and aliases are refused before anything can multiply them. References
between elements are checked here, against the nodes that make them, so that an
unknown id is reported at the line and column where it is written.
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from argmap.errors import MapError
from argmap.limits import check_elements
from argmap.model import ATTACK, SUPPORT, ArgumentMap, Claim, Inference, Source, did_you_mean

NAME = "yaml"
SUFFIXES = (".yaml", ".yml")

TOP_KEYS = ("title", "thesis", "description", "sources", "claims", "inferences")
CLAIM_KEYS = ("text", "source", "assumption", "status", "weight", "quote", "page", "tags", "note", "ignore")
INFERENCE_KEYS = ("from", "to", "type", "id", "warrant", "note", "ignore")
SOURCE_KEYS = ("citation", "url")
STATUSES = ("accepted", "rejected")

_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, telling plain scalars apart only as null or text.

    This reader reads every value as text and asks a node only whether it is null, so
    the full YAML 1.1 tag resolution (a regular expression per scalar, for booleans,
    numbers and dates) is skipped: it was a third of the time spent composing a big map.
    """

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool] | bool) -> str:
        if kind is yaml.ScalarNode:
            return _NULL if implicit[0] and value in _NULLS else _STR  # type: ignore[index]
        return _MAP if kind is yaml.MappingNode else _SEQ

    def descend_resolver(self, current_node: yaml.Node | None, current_index: object) -> None:
        """No path resolvers are registered: skip the two calls per node that look for them."""

    def ascend_resolver(self) -> None:
        """See :meth:`descend_resolver`."""


_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}


class _Reader:
    def __init__(self, path: str | None) -> None:
        self.path = path
        self.source_nodes: dict[str, yaml.Node] = {}
        self.inference_nodes: list[tuple[dict[str, yaml.Node], list[tuple[str, yaml.Node]]]] = []

    def fail(self, message: str, node: yaml.Node | None = None) -> MapError:
        if node is None:
            return MapError(message, self.path)
        mark = node.start_mark
        return MapError(message, self.path, mark.line + 1, mark.column + 1)

    # -- typed access ----------------------------------------------------------------

    def mapping(self, node: yaml.Node, what: str) -> Iterator[tuple[yaml.ScalarNode, yaml.Node]]:
        """Pairs of a mapping, refusing non-scalar and duplicate keys."""
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(f"{what} must be a mapping (key: value lines)", node)
        seen: dict[str, int] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag == _NULL:
                raise self.fail(f"keys in {what} must be plain names", key)
            if key.value in seen:
                raise self.fail(f"duplicate key '{key.value}' in {what} (first on line {seen[key.value]})", key)
            seen[key.value] = key.start_mark.line + 1
            yield key, value

    def text(self, node: yaml.Node, what: str) -> str:
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
            raise self.fail(f"{what} must not be empty", node)
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(f"{what} must be text", node)
        return node.value

    def nonempty(self, node: yaml.Node, what: str) -> str:
        value = self.text(node, what).strip()
        if not value:
            raise self.fail(f"{what} must not be empty", node)
        return value

    def boolean(self, node: yaml.Node, what: str) -> bool:
        value = self.text(node, what).lower()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise self.fail(f"{what} must be true or false, not '{node.value}'", node)

    def number(self, node: yaml.Node, what: str) -> float:
        try:
            value = float(self.text(node, what))
        except ValueError:
            raise self.fail(f"{what} must be a number between 0 and 1", node) from None
        if not 0.0 <= value <= 1.0:
            raise self.fail(f"{what} must be between 0 and 1, not {value:g}", node)
        return value

    def names(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
        """A list of names; a single name is accepted as a list of one."""
        if isinstance(node, yaml.ScalarNode):
            return [(self.nonempty(node, what), node)]
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(f"{what} must be a list of names", node)
        return [(self.nonempty(item, f"each entry of {what}"), item) for item in node.value]

    def check_keys(self, key: yaml.ScalarNode, allowed: tuple[str, ...], what: str) -> None:
        if key.value not in allowed:
            raise self.fail(
                f"unknown key '{key.value}' in {what}{did_you_mean(key.value, allowed)}; allowed: {', '.join(allowed)}",
                key,
            )

    # -- the format ------------------------------------------------------------------

    def read(self, text: str) -> ArgumentMap:
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            message = " ".join(str(p) for p in (exc.context, exc.problem) if p) or "malformed YAML"
            line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            raise MapError(f"malformed YAML: {message}", self.path, line, col) from None
        except yaml.YAMLError as exc:
            raise MapError(f"malformed YAML: {exc}", self.path, 1, 1) from None
        if root is None:
            raise MapError("the file is empty: a map needs title, thesis and claims", self.path, 1, 1)
        if "*" in text:  # an alias needs a '*': without one, no node can appear twice
            self.refuse_aliases(text)
        top: dict[str, tuple[yaml.ScalarNode, yaml.Node]] = {}
        for key, value in self.mapping(root, "the map"):
            self.check_keys(key, TOP_KEYS, "the map")
            top[key.value] = (key, value)
        for required in ("title", "thesis", "claims"):
            if required not in top:
                raise MapError(f"the map has no '{required}': add '{required}:' at the top level", self.path, 1, 1)
        title = self.nonempty(top["title"][1], "title")
        thesis_node = top["thesis"][1]
        thesis = self.nonempty(thesis_node, "thesis")
        description = self.text(top["description"][1], "description") if "description" in top else None
        sources = list(self.sources(top["sources"][1])) if "sources" in top else []
        collections = [top[k][1] for k in ("claims", "inferences") if k in top]
        count = sum(len(node.value) for node in collections if isinstance(node, yaml.CollectionNode))
        mark = top["claims"][0].start_mark
        check_elements(count, self.path, mark.line + 1, mark.column + 1)
        claims = list(self.claims(top["claims"][1]))
        if not claims:
            raise self.fail("claims must list at least the thesis", top["claims"][1])
        inferences = list(self.inferences(top["inferences"][1])) if "inferences" in top else []
        self.name_inferences(inferences, {c.id for c in claims})
        self.check_references(thesis, thesis_node, sources, claims, inferences)
        return ArgumentMap(
            title,
            thesis,
            claims,
            inferences,
            sources,
            path=self.path,
            description=description,
            thesis_line=thesis_node.start_mark.line + 1,
        )

    def refuse_aliases(self, text: str) -> None:
        """An alias makes one node appear twice: refuse it where it is written (no alias bombs).

        Scans the parser's events, which never expand an alias, so a bomb costs nothing.
        """
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                raise MapError(
                    f"YAML aliases (*{event.anchor}) are not allowed in maps: write the value out",
                    self.path,
                    mark.line + 1,
                    mark.column + 1,
                )

    def check_references(
        self,
        thesis: str,
        thesis_node: yaml.Node,
        sources: list[Source],
        claims: list[Claim],
        inferences: list[Inference],
    ) -> None:
        """Every id a map refers to must exist; report the first that does not where it is written."""
        claim_ids = {c.id for c in claims}
        source_ids = {s.id for s in sources}
        if thesis not in claim_ids:
            raise self.fail(f"thesis '{thesis}' is not a claim id{did_you_mean(thesis, claim_ids)}", thesis_node)
        for claim in claims:
            if claim.source is not None and claim.source not in source_ids:
                raise self.fail(
                    f"claim '{claim.id}' cites unknown source '{claim.source}'{did_you_mean(claim.source, source_ids)}",
                    self.source_nodes[claim.id],
                )
        lines: dict[str, int] = {c.id: c.line for c in claims}
        for inf, (fields, _) in zip(inferences, self.inference_nodes, strict=True):
            if inf.id in lines:
                kind = "claim" if inf.id in claim_ids else "inference"
                raise self.fail(
                    f"duplicate id '{inf.id}' (already used by the {kind} on line {lines[inf.id]}); "
                    "claims and inferences share one namespace",
                    fields["id"],
                )
            lines[inf.id] = inf.line
        ids = set(lines)
        for number, (inf, (fields, premises)) in enumerate(zip(inferences, self.inference_nodes, strict=True), 1):
            name = f"inference '{inf.id}'" if inf.explicit_id else f"inference {number}"
            seen: set[str] = set()
            for premise, node in premises:
                if premise not in claim_ids:
                    what = "an inference, not a claim" if premise in ids else "not a claim id"
                    raise self.fail(f"premise '{premise}' of {name} is {what}{did_you_mean(premise, claim_ids)}", node)
                if premise in seen:
                    raise self.fail(f"{name} lists premise '{premise}' twice", node)
                seen.add(premise)
            if inf.target == inf.id:
                raise self.fail(f"{name} targets itself", fields["to"])
            if inf.target not in ids:
                raise self.fail(
                    f"{name} targets unknown id '{inf.target}'{did_you_mean(inf.target, ids)}", fields["to"]
                )

    def sources(self, node: yaml.Node) -> Iterator[Source]:
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
            return
        for key, value in self.mapping(node, "sources"):
            line, col = key.start_mark.line + 1, key.start_mark.column + 1
            if isinstance(value, yaml.MappingNode):
                fields: dict[str, str] = {}
                for k, v in self.mapping(value, f"source '{key.value}'"):
                    self.check_keys(k, SOURCE_KEYS, f"source '{key.value}'")
                    fields[k.value] = self.nonempty(v, f"{k.value} of source '{key.value}'")
                if "citation" not in fields:
                    raise self.fail(f"source '{key.value}' needs a 'citation'", value)
                yield Source(key.value, fields["citation"], fields.get("url"), line, col)
            else:
                yield Source(key.value, self.nonempty(value, f"source '{key.value}'"), None, line, col)

    def claims(self, node: yaml.Node) -> Iterator[Claim]:
        for key, value in self.mapping(node, "claims"):
            cid = key.value
            line, col = key.start_mark.line + 1, key.start_mark.column + 1
            if not isinstance(value, yaml.MappingNode):
                yield Claim(cid, self.nonempty(value, f"the text of claim '{cid}'"), line=line, col=col)
                continue
            fields: dict[str, object] = {}
            for k, v in self.mapping(value, f"claim '{cid}'"):
                self.check_keys(k, CLAIM_KEYS, f"claim '{cid}'")
                fields[k.value] = self.claim_field(k.value, v, cid)
                if k.value == "source":
                    self.source_nodes[cid] = v
            if "text" not in fields:
                raise self.fail(f"claim '{cid}' needs a 'text'", value)
            yield Claim(cid, line=line, col=col, **fields)  # type: ignore[arg-type]

    def claim_field(self, key: str, node: yaml.Node, cid: str) -> object:
        what = f"'{key}' of claim '{cid}'"
        if key == "assumption":
            return self.boolean(node, what)
        if key == "weight":
            return self.number(node, what)
        if key == "status":
            status = self.nonempty(node, what)
            if status not in STATUSES:
                raise self.fail(f"{what} must be accepted or rejected, not '{status}'", node)
            return status
        if key == "tags":
            return tuple(name for name, _ in self.names(node, what))
        if key == "ignore":
            return frozenset(name for name, _ in self.names(node, what))
        return self.nonempty(node, what)

    def inferences(self, node: yaml.Node) -> Iterator[Inference]:
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
            return
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail("inferences must be a list ('- from: ...' items)", node)
        for number, item in enumerate(node.value, 1):
            what = f"inference {number}"
            fields: dict[str, yaml.Node] = {}
            for k, v in self.mapping(item, what):
                self.check_keys(k, INFERENCE_KEYS, what)
                fields[k.value] = v
            line, col = item.start_mark.line + 1, item.start_mark.column + 1
            for required in ("from", "to"):
                if required not in fields:
                    raise self.fail(f"{what} needs '{required}'", item)
            empty = isinstance(fields["from"], yaml.ScalarNode) and fields["from"].tag == _NULL
            premises = [] if empty else self.names(fields["from"], f"'from' of {what}")
            if not premises:
                raise self.fail(f"'from' of {what} is empty: name at least one premise", fields["from"])
            kind = self.nonempty(fields["type"], f"'type' of {what}") if "type" in fields else SUPPORT
            if kind not in (SUPPORT, ATTACK):
                raise self.fail(
                    f"'type' of {what} must be support or attack, not '{kind}'{did_you_mean(kind, (SUPPORT, ATTACK))}",
                    fields["type"],
                )
            given_id = self.nonempty(fields["id"], f"'id' of {what}") if "id" in fields else None
            self.inference_nodes.append((fields, premises))
            yield Inference(
                id=given_id or f"#{number}",
                premises=tuple(name for name, _ in premises),
                target=self.nonempty(fields["to"], f"'to' of {what}"),
                type=kind,  # type: ignore[arg-type]
                warrant=self.nonempty(fields["warrant"], f"'warrant' of {what}") if "warrant" in fields else None,
                note=self.nonempty(fields["note"], f"'note' of {what}") if "note" in fields else None,
                ignore=frozenset(n for n, _ in self.names(fields["ignore"], f"'ignore' of {what}"))
                if "ignore" in fields
                else frozenset(),
                explicit_id=given_id is not None,
                line=line,
                col=col,
            )

    @staticmethod
    def name_inferences(inferences: list[Inference], claim_ids: set[str]) -> None:
        """Give unnamed inferences ids that no claim or named inference uses."""
        taken = claim_ids | {inf.id for inf in inferences if inf.explicit_id}
        for number, inf in enumerate(inferences, 1):
            if inf.explicit_id:
                continue
            candidate, n = f"inference-{number}", 1
            while candidate in taken:
                n += 1
                candidate = f"inference-{number}-{n}"
            taken.add(candidate)
            inf.id = candidate


def read(text: str, path: str | None = None) -> ArgumentMap:
    """Read argmap YAML into an :class:`ArgumentMap`."""
    return _Reader(path).read(text)
