"""Synthetic argument maps of any size, as argmap YAML and as Argdown with the same content.

The maps have the shape of real ones: a thesis on top, independent reasons and reasons
with two or three linked co-premises, objections, rebuttals (attacks on an objection's
premise), undercuts (attacks on a reason), sourced claims and assumptions at the leaves,
and a few planted defects of each kind the checks look for (an unsupported premise, a
missing link, a stranded co-premise, a circle, an island, a claim that both supports and
attacks). Claim texts are sentences of stop words around made-up terms, built so that
the term rules hold everywhere except where a defect is planted. The same seed gives the
same map.

    python benchmarks/generate.py 1000 --seed 1 -o benchmarks/data
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

from argmap.model import ATTACK, SUPPORT, ArgumentMap, Claim, Inference, Source
from argmap.text import significant_terms
from argmap.writers import dumps

__all__ = ["PLANTED", "generate", "main", "to_argdown", "write_files"]

PLANTED = (
    "unsupported-premise",
    "missing-link",
    "stranded-premise",
    "circular-support",
    "disconnected",
    "support-and-attack",
)
"""The defects planted on purpose (objections left unanswered occur by themselves)."""

_TEMPLATES = {
    1: ("The {0} is what it is.", "There is no {0} without it."),
    2: (
        "The {0} is what makes the {1} so much more likely.",
        "There is no {0} that could ever be made without some {1}.",
        "Because of the {0}, the {1} should not be without it.",
    ),
    3: (
        "Most of the {0} would be against the {1} if the {2} were not there.",
        "If the {0} is used for the {1}, then the {2} will also be there.",
        "Because of the {0} and the {1}, the {2} can be more than it was.",
    ),
    4: (
        "The {0} and the {1} are often among the things that make the {2} much more likely for the {3}.",
        "If the {0} is used for the {1}, then the {2} will also be there for the {3}.",
    ),
}
_TAILS = (
    "",
    "",
    ", which is why it must be so",
    ", as most of us would have it",
    ", even if not all of them do so",
    ", and there is not much more to it than that",
    ", though some of them would rather it were otherwise",
)
_CONSONANTS = "bdfgklmnprtvz"
_VOWELS = "aeiou"


@dataclass
class _Node:
    id: str
    terms: list[str]
    depth: int
    source: str | None = None
    assumption: bool = False
    extra: list[str] = field(default_factory=list)


class _Builder:
    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(seed)
        self.vocabulary = self._vocabulary(max(400, n // 2))
        self.nodes: dict[str, _Node] = {}
        self.inferences: list[Inference] = []
        self.named = 0
        self.sources = [f"s{i}" for i in range(1, max(3, n // 25) + 1)]

    # -- words ----------------------------------------------------------------------

    def _vocabulary(self, size: int) -> list[str]:
        """Made-up six-letter words that the stemmer leaves alone, so no two share a stem or prefix."""
        words: set[str] = set()
        rng = random.Random(size)
        while len(words) < size:
            c, v = _CONSONANTS, _VOWELS
            word = rng.choice(c) + rng.choice(v) + rng.choice(c) + rng.choice(c) + rng.choice(v) + rng.choice(c)
            if significant_terms(word) == {word}:
                words.add(word)
        return sorted(words)

    def term(self) -> str:
        return self.rng.choice(self.vocabulary)

    # -- elements -------------------------------------------------------------------

    def claim(self, terms: list[str], depth: int) -> _Node:
        node = _Node(f"c{len(self.nodes)}", terms, depth)
        self.nodes[node.id] = node
        return node

    def infer(self, premises: list[str], target: str, type: str = SUPPORT, named: bool = False) -> Inference:
        if named:
            self.named += 1
        inf = Inference(
            id=f"r{self.named}" if named else f"inference-{len(self.inferences) + 1}",
            premises=tuple(premises),
            target=target,
            type=type,  # type: ignore[arg-type]
            explicit_id=named,
        )
        self.inferences.append(inf)
        return inf

    def left(self) -> int:
        return self.n - len(self.nodes)

    # -- growth ---------------------------------------------------------------------

    def reason(self, target: _Node, k: int) -> list[_Node]:
        """A support for ``target`` with ``k`` linked co-premises that obeys both term rules."""
        terms = target.terms[:]
        self.rng.shuffle(terms)
        if k == 1:
            premise_terms = [terms + ([self.term()] if len(terms) < 4 and self.rng.random() < 0.5 else [])]
        else:
            links = [self.term() for _ in range(k - 1)]
            chunks = [terms[i::k] for i in range(k)]
            premise_terms = [
                chunks[i] + ([links[i - 1]] if i > 0 else []) + ([links[i]] if i < k - 1 else []) for i in range(k)
            ]
        premises = [self.claim(t, target.depth + 1) for t in premise_terms]
        self.infer([p.id for p in premises], target.id, named=k > 1)
        return premises

    def objection(self, target: _Node) -> _Node:
        """An attack on ``target`` by a new claim that shares one of its terms."""
        attacker = self.claim([self.rng.choice(target.terms), self.term()], target.depth + 1)
        self.infer([attacker.id], target.id, ATTACK)
        return attacker

    def grow(self, budget: int) -> None:
        thesis = self.claim([self.term(), self.term()], 0)
        queue = [thesis]
        head = 0
        rng = self.rng
        while head < len(queue) and len(self.nodes) < budget:
            node = queue[head]
            head += 1
            if node.depth > 1 and len(queue) - head > 3 and rng.random() < 0.3:
                continue
            for _ in range(rng.choices((1, 2, 3), (60, 30, 10))[0]):
                k = min(rng.choices((1, 2, 3), (45, 40, 15))[0], budget - len(self.nodes))
                if k < 1:
                    break
                queue.extend(self.reason(node, k))
                inf = self.inferences[-1]
                if rng.random() < 0.08 and len(self.nodes) < budget:
                    if not inf.explicit_id:
                        self.named += 1
                        inf.id, inf.explicit_id = f"r{self.named}", True
                    undercutter = self.claim([self.rng.choice(node.terms), self.term()], node.depth + 1)
                    self.infer([undercutter.id], inf.id, ATTACK)
                    queue.append(undercutter)
            if rng.random() < 0.25 and len(self.nodes) < budget:
                objector = self.objection(node)
                queue.append(objector)
                if rng.random() < 0.5 and len(self.nodes) < budget:
                    queue.append(self.objection(objector))
        supported = {inf.target for inf in self.inferences if inf.is_support}
        for node in self.nodes.values():
            if node.id not in supported and node.id != thesis.id:
                if rng.random() < 0.65:
                    node.source = rng.choice(self.sources)
                else:
                    node.assumption = True

    # -- defects --------------------------------------------------------------------

    def plant(self, count: int) -> None:
        """Plant ``count`` defects of each kind in :data:`PLANTED`, on distinct elements."""
        rng = self.rng
        supported = {inf.target for inf in self.inferences if inf.is_support}
        leaves = [n for n in self.nodes.values() if n.id not in supported and n.depth > 0]
        rng.shuffle(leaves)
        linked = [inf for inf in self.inferences if inf.is_support and len(inf.premises) > 1]
        single = [inf for inf in self.inferences if inf.is_support and len(inf.premises) == 1]
        rng.shuffle(linked)
        rng.shuffle(single)
        used: set[str] = set()

        def fresh(ids: tuple[str, ...] | list[str]) -> bool:
            if used.intersection(ids):
                return False
            used.update(ids)
            return True

        for node in leaves[:count]:  # unsupported-premise
            used.add(node.id)
            node.source, node.assumption = None, False
        in_linked = {p for inf in self.inferences if len(inf.premises) > 1 for p in inf.premises}
        planted = 0
        for inf in single:  # missing-link: the conclusion says more than every reason for it
            target = self.nodes[inf.target]
            if (
                planted < count
                and target.depth > 0
                and target.id not in in_linked
                and fresh([target.id, *inf.premises])
            ):
                target.extra.append(self.term())
                planted += 1
        planted = 0
        leaf_ids = {n.id for n in leaves}
        for inf in linked:  # stranded-premise: a co-premise mentions what the reason never uses
            premise = next((p for p in inf.premises if p in leaf_ids), None)
            if planted < count and premise and fresh([premise, inf.target]):
                self.nodes[premise].extra.append(self.term())
                planted += 1
        planted = 0
        for inf in single:  # circular-support: the conclusion is offered back as a reason for the premise
            (premise,) = inf.premises
            node = self.nodes[premise]
            target = self.nodes[inf.target]
            if (
                planted < count
                and premise in leaf_ids
                and set(node.terms) <= set(target.terms)
                and target.depth > 0
                and fresh([premise, target.id])
            ):
                self.infer([target.id], premise)
                planted += 1
        planted = 0
        for inf in single:  # support-and-attack: the same premise also attacks the same conclusion
            if planted < count and fresh([*inf.premises, inf.target]):
                self.infer(list(inf.premises), inf.target, ATTACK)
                planted += 1
        for _ in range(count):  # disconnected: a sourced claim and a reason for it, tied to nothing
            terms = [self.term(), self.term()]
            island = self.claim(terms, 1)
            island.source = rng.choice(self.sources)
            ground = self.claim(terms[::-1], 2)
            ground.source = rng.choice(self.sources)
            self.infer([ground.id], island.id)

    # -- output ---------------------------------------------------------------------

    def text(self, node: _Node, taken: set[str]) -> str:
        """A sentence using the node's terms, different from every text in ``taken``."""
        terms = node.terms + node.extra
        for _ in range(100):
            self.rng.shuffle(terms)
            sentence = self.rng.choice(_TEMPLATES[min(len(terms), 4)]).format(*terms[:4])
            if len(terms) > 4:
                sentence += " " + " and ".join(f"the {t}" for t in terms[4:]).capitalize() + " must be there too."
            sentence = sentence[:-1] + self.rng.choice(_TAILS) + "."
            sentence = sentence[0].upper() + sentence[1:]
            if sentence not in taken:
                taken.add(sentence)
                return sentence
        raise ValueError(f"no unused text for the terms {terms}")

    def build(self, title: str) -> ArgumentMap:
        taken: set[str] = set()
        claims = [
            Claim(node.id, self.text(node, taken), source=node.source, assumption=node.assumption)
            for node in self.nodes.values()
        ]
        cited = sorted({c.source for c in claims if c.source}, key=lambda s: int(s[1:]))
        sources = [
            Source(sid, f"Author {sid[1:]} ({1950 + int(sid[1:]) % 70}). A study of {self.term()}.") for sid in cited
        ]
        return ArgumentMap(title, "c0", claims, self.inferences, sources)


def generate(n: int, seed: int = 0) -> ArgumentMap:
    """A synthetic map of exactly ``n`` claims (``n`` >= 20), the same for the same seed."""
    if n < 20:
        raise ValueError("a synthetic map needs at least 20 claims")
    count = max(1, n // 5000)
    builder = _Builder(n, seed)
    builder.grow(n - 2 * count)
    builder.plant(count)
    while builder.left() > 0:  # the budget a short growth left over: more sourced reasons for the thesis
        premise = builder.claim(builder.nodes["c0"].terms[::-1], 1)
        premise.source = builder.rng.choice(builder.sources)
        builder.infer([premise.id], "c0")
    return builder.build(f"Synthetic map of {n} claims (seed {seed})")


def _argdown_text(text: str) -> str:
    """Claim text as an Argdown statement; the generator's texts never need escaping, and this says so."""
    if set(text) & set("[]<>{}#*_@\\\n"):
        raise ValueError(f"text needs Argdown escaping: {text!r}")
    return text


def to_argdown(amap: ArgumentMap) -> str:
    """The same map in Argdown: statements, then arguments for named inferences, relations for the rest.

    A named inference becomes an argument ``<id>`` whose premise-conclusion structure
    lists its linked co-premises and concludes its target; a one-premise support or
    attack becomes a relation between statements (``+>``, ``->``); an undercut is
    ``_>`` from its premise to the argument it attacks. Sources and assumptions travel
    as statement data (``{source: s1}``, ``{assumption: true}``).
    """
    out = ["===", f"title: {amap.title}", "sources:"]
    out.extend(f'  {s.id}: "{s.citation}"' for s in amap.sources.values())
    out.extend(["===", ""])
    for claim in amap.claims.values():
        data = f" {{source: {claim.source}}}" if claim.source else " {assumption: true}" if claim.assumption else ""
        out.extend([f"[{claim.id}]: {_argdown_text(claim.text)}{data}", ""])
    for inf in amap.inferences.values():
        if inf.explicit_id and inf.is_support:
            out.extend([f"<{inf.id}>", ""])
            out.extend(f"({i}) [{p}]" for i, p in enumerate(inf.premises, 1))
            out.extend(["----", f"({len(inf.premises) + 1}) [{inf.target}]", ""])
            continue
        if len(inf.premises) != 1 or inf.explicit_id:
            raise ValueError(f"no Argdown form for inference {inf.id}")
        target = f"<{inf.target}>" if inf.target in amap.inferences else f"[{inf.target}]"
        arrow = "+>" if inf.is_support else "_>" if inf.target in amap.inferences else "->"
        out.extend([f"[{inf.premises[0]}]", f"  {arrow} {target}", ""])
    return "\n".join(out)


def write_files(n: int, seed: int, folder: Path) -> tuple[Path, Path]:
    """Write ``synthetic-N.yaml`` and ``synthetic-N.argdown`` into ``folder`` (if not there already)."""
    folder.mkdir(parents=True, exist_ok=True)
    yaml_path = folder / f"synthetic-{n}-s{seed}.yaml"
    argdown_path = yaml_path.with_suffix(".argdown")
    if not (yaml_path.exists() and argdown_path.exists()):
        amap = generate(n, seed)
        argdown_path.write_text(to_argdown(amap), encoding="utf-8")
        yaml_path.write_text(str(dumps(amap, "yaml")), encoding="utf-8")
    return yaml_path, argdown_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="+", type=int, help="numbers of claims")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, default=Path(__file__).parent / "data", help="output folder")
    args = parser.parse_args(argv)
    for n in args.sizes:
        for path in write_files(n, args.seed, args.output):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
