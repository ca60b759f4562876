"""The argument map: claims joined by inferences, held in a ``networkx.DiGraph``.

The graph has two kinds of nodes, as in AIF's I-nodes and RA/CA-nodes: claims and
inferences. Edges run premise -> inference -> target, where the target is a claim or,
for an undercut, another inference. Every element keeps the place it was read from,
so that findings and errors can point at a file and line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from argmap.errors import MapError

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "ATTACK",
    "SUPPORT",
    "ArgumentMap",
    "Claim",
    "Element",
    "Inference",
    "Source",
    "did_you_mean",
]

SUPPORT: Literal["support"] = "support"
ATTACK: Literal["attack"] = "attack"
RelationType = Literal["support", "attack"]


_DESCRIBED_DEPTH = 3
"""Unnamed inferences on unnamed inferences :meth:`ArgumentMap.describe` spells out; deeper ones go by id."""


@dataclass(slots=True)
class Source:
    """A cited work that grounds claims."""

    id: str
    citation: str
    url: str | None = None
    line: int = 0
    col: int = 0


@dataclass(slots=True)
class Claim:
    """A statement that can be a premise, a conclusion, or both."""

    id: str
    text: str
    source: str | None = None
    assumption: bool = False
    status: str | None = None
    weight: float | None = None
    quote: str | None = None
    page: str | None = None
    note: str | None = None
    tags: tuple[str, ...] = ()
    ignore: frozenset[str] = frozenset()
    line: int = 0
    col: int = 0
    data: dict[str, Any] = field(default_factory=dict)

    kind: Literal["claim"] = field(default="claim", init=False, repr=False)


@dataclass(slots=True)
class Inference:
    """A step from linked co-premises to a target claim or (an undercut) an inference.

    ``explicit_id`` is false when the map gave no id and argmap made one up, so that
    messages can name the inference by its premises instead.
    """

    id: str
    premises: tuple[str, ...]
    target: str
    type: RelationType = SUPPORT
    warrant: str | None = None
    note: str | None = None
    ignore: frozenset[str] = frozenset()
    explicit_id: bool = True
    line: int = 0
    col: int = 0
    data: dict[str, Any] = field(default_factory=dict)

    kind: Literal["inference"] = field(default="inference", init=False, repr=False)

    @property
    def is_support(self) -> bool:
        return self.type == SUPPORT

    @property
    def is_attack(self) -> bool:
        return self.type == ATTACK


Element = Claim | Inference


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest candidate, or ``""``.

    A word of thousands of characters is no typo of an id, and comparing it costs time in
    proportion to its length for every candidate: no suggestion then.
    """
    if len(word) > 1000:
        return ""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class ArgumentMap:
    """A validated argument map with its graph.

    Build it from elements (readers do this); construction checks that every id it
    refers to exists and raises :class:`MapError` at the offending element's line.
    """

    def __init__(
        self,
        title: str,
        thesis: str,
        claims: Iterable[Claim],
        inferences: Iterable[Inference] = (),
        sources: Iterable[Source] = (),
        *,
        path: str | None = None,
        description: str | None = None,
        thesis_line: int = 0,
        data: dict[str, Any] | None = None,
    ) -> None:
        self.title = title
        self.thesis = thesis
        self.path = path
        self.description = description
        self.thesis_line = thesis_line
        self.data: dict[str, Any] = dict(data or {})
        self.sources: dict[str, Source] = {}
        self.claims: dict[str, Claim] = {}
        self.inferences: dict[str, Inference] = {}
        for source in sources:
            if source.id in self.sources:
                self._fail(f"duplicate source id '{source.id}'", source.line, source.col)
            self.sources[source.id] = source
        for claim in claims:
            self._add(claim, self.claims)
        for inference in inferences:
            self._add(inference, self.inferences)
        self._validate()
        self._index()

    # -- construction -------------------------------------------------------------

    def _fail(self, message: str, line: int = 0, col: int = 0) -> None:
        raise MapError(message, self.path, line, col)

    def _add(self, element: Element, table: dict[str, Any]) -> None:
        if element.id in self.claims or element.id in self.inferences:
            other = self.element(element.id)
            self._fail(
                f"duplicate id '{element.id}' (already used by the {other.kind} on line {other.line}); "
                "claims and inferences share one namespace",
                element.line,
                element.col,
            )
        table[element.id] = element

    def _validate(self) -> None:
        if self.thesis not in self.claims:
            self._fail(
                f"thesis '{self.thesis}' is not a claim id{did_you_mean(self.thesis, self.claims)}",
                self.thesis_line,
            )
        for claim in self.claims.values():
            if claim.source is not None and claim.source not in self.sources:
                self._fail(
                    f"claim '{claim.id}' cites unknown source '{claim.source}'"
                    f"{did_you_mean(claim.source, self.sources)}",
                    claim.line,
                    claim.col,
                )
        ids = list(self.claims) + list(self.inferences)
        for inf in self.inferences.values():
            if not inf.premises:
                self._fail(
                    f"inference '{inf.id}' has no premises: 'from' must name at least one claim", inf.line, inf.col
                )
            seen: set[str] = set()
            for premise in inf.premises:
                if premise not in self.claims:
                    what = "an inference, not a claim" if premise in self.inferences else "not a claim id"
                    self._fail(
                        f"premise '{premise}' of inference '{inf.id}' is {what}{did_you_mean(premise, self.claims)}",
                        inf.line,
                        inf.col,
                    )
                if premise in seen:
                    self._fail(f"inference '{inf.id}' lists premise '{premise}' twice", inf.line, inf.col)
                seen.add(premise)
            if inf.target == inf.id:
                self._fail(f"inference '{inf.id}' targets itself", inf.line, inf.col)
            if inf.target not in self.claims and inf.target not in self.inferences:
                self._fail(
                    f"inference '{inf.id}' targets unknown id '{inf.target}'{did_you_mean(inf.target, ids)}",
                    inf.line,
                    inf.col,
                )
            if inf.type not in (SUPPORT, ATTACK):
                self._fail(f"inference '{inf.id}' has type '{inf.type}': use 'support' or 'attack'", inf.line, inf.col)

    def _index(self) -> None:
        """Inferences by target (all, and by type) and by premise, in map order: the queries need no graph."""
        self._into: dict[RelationType | None, dict[str, list[Inference]]] = {None: {}, SUPPORT: {}, ATTACK: {}}
        self._out: dict[str, list[Inference]] = {}
        for inf in self.inferences.values():
            self._into[None].setdefault(inf.target, []).append(inf)
            self._into[inf.type].setdefault(inf.target, []).append(inf)
            for premise in inf.premises:
                self._out.setdefault(premise, []).append(inf)

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The map as a ``networkx.DiGraph``: premise -> inference -> target.

        Built on first use, so that reading and checking a map never pays for importing networkx.
        """
        import networkx as nx

        g = nx.DiGraph(title=self.title, thesis=self.thesis)
        g.add_nodes_from((cid, {"kind": "claim", "element": claim}) for cid, claim in self.claims.items())
        g.add_nodes_from(
            (iid, {"kind": "inference", "type": inf.type, "element": inf}) for iid, inf in self.inferences.items()
        )
        for iid, inf in self.inferences.items():
            g.add_edges_from((premise, iid, {"role": "premise"}) for premise in inf.premises)
            g.add_edge(iid, inf.target, role="conclusion", type=inf.type)
        return g

    # -- queries ------------------------------------------------------------------

    def __repr__(self) -> str:
        return (
            f"<ArgumentMap {self.title!r}: {len(self.claims)} claims, "
            f"{len(self.inferences)} inferences, thesis {self.thesis!r}>"
        )

    def __contains__(self, element_id: object) -> bool:
        return element_id in self.claims or element_id in self.inferences

    def element(self, element_id: str) -> Element:
        """The claim or inference with this id (``KeyError`` if there is none)."""
        if element_id in self.claims:
            return self.claims[element_id]
        return self.inferences[element_id]

    def is_claim(self, element_id: str) -> bool:
        return element_id in self.claims

    def is_inference(self, element_id: str) -> bool:
        return element_id in self.inferences

    def is_undercut(self, inference: Inference) -> bool:
        """An attack on an inference rather than on a claim."""
        return inference.is_attack and inference.target in self.inferences

    def number_of_claims(self) -> int:
        return len(self.claims)

    def number_of_inferences(self) -> int:
        return len(self.inferences)

    def inferences_to(self, target: str, type: RelationType | None = None) -> list[Inference]:
        """Inferences whose target is ``target``, in map order, optionally of one type."""
        return list(self._into.get(type, {}).get(target, ()))

    def supports_of(self, target: str) -> list[Inference]:
        return self.inferences_to(target, SUPPORT)

    def attacks_on(self, target: str) -> list[Inference]:
        return self.inferences_to(target, ATTACK)

    def inferences_from(self, claim_id: str) -> list[Inference]:
        """Inferences that use ``claim_id`` as a premise."""
        return list(self._out.get(claim_id, ()))

    def premises(self) -> Iterator[Claim]:
        """Claims used as a premise of at least one inference."""
        return (c for c in self.claims.values() if c.id in self._out)

    def basic_premises(self) -> Iterator[Claim]:
        """Premises with no support inference of their own: the map's starting points."""
        return (c for c in self.premises() if not self.supports_of(c.id))

    def describe(self, element_id: str) -> str:
        """A short human name for an element: ``'id'`` or, for unnamed inferences, their shape.

        Unnamed inferences on unnamed inferences are spelled out three deep, and one met
        again is named by its id: an AIF file can chain or circle them at will, and every
        element of a chain of thousands spelled to its end would be text quadratic in its length.
        """
        opened: list[str] = []
        seen: set[str] = set()
        current = element_id
        element = self.element(current)
        while (
            isinstance(element, Inference)
            and not element.explicit_id
            and current not in seen
            and len(opened) < _DESCRIBED_DEPTH
        ):
            seen.add(current)
            verb = "supporting" if element.is_support else "attacking"
            opened.append("[" + " + ".join(f"'{p}'" for p in element.premises) + f" {verb} ")
            current = element.target
            element = self.element(current)
        return "".join(opened) + f"'{current}'" + "]" * len(opened)

    def line_of(self, element_id: str) -> int:
        """The source line of a claim, inference or source."""
        if element_id in self.sources:
            return self.sources[element_id].line
        return self.element(element_id).line
