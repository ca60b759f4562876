"""The line reader (:mod:`argmap.readers._argdown_lines`) against the general Argdown reader.

The line reader is only a shortcut: on every file it either declines or gives the very
document the lexer, parser and model give. These tests hold it to that on every Argdown
file the project has (the corpus, the fixtures, argmap's own Argdown export, the
benchmark generator's files) and on thousands of generated ones, written in the shapes
it reads and in shapes close to them that it must not misread.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from typing import Any

import pytest

from argmap import MapError, load_map
from argmap.readers import _argdown_lines, _argdown_model, parse_map
from argmap.readers._argdown_lexer import Lexer
from argmap.readers._argdown_parser import parse
from argmap.writers import dumps

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "argdown"
FILES = sorted({*CORPUS.rglob("*.argdown"), *ROOT.glob("tests/**/*.argdown"), *ROOT.glob("maps/**/*.argdown")})
MAPS = sorted({*ROOT.glob("maps/*.yaml"), *ROOT.glob("tests/fixtures/*.yaml")})


def _dump(doc: _argdown_model.Document) -> dict[str, Any]:
    """Everything a document holds, with members named by kind and title so that two documents compare."""

    def ref(member: Any) -> Any:
        if member is None:
            return None
        if isinstance(member, _argdown_model.EquivalenceClass):
            return ("statement", member.title)
        if isinstance(member, _argdown_model.Argument):
            return ("argument", member.title)
        return ("inference", member.start)

    def relation(r: _argdown_model.Relation) -> tuple[Any, ...]:
        return (r.type, ref(r.source), ref(r.target), list(r.starts), ref(r.written_source))

    def inference(i: _argdown_model.Inference | None) -> Any:
        return None if i is None else (i.start, i.rules, i.data, [relation(r) for r in i.relations])

    def statement(s: _argdown_model.Statement) -> tuple[Any, ...]:
        section = s.section.id if s.section else None
        return (s.title, s.text, s.plain, s.role, s.is_reference, s.tags, s.data, section, s.start, s.markup,
                inference(s.inference))  # fmt: skip

    def section(s: _argdown_model.Section) -> tuple[Any, ...]:
        parent = s.parent.id if s.parent else None
        return (s.id, s.level, s.title, s.start, parent, [section(c) for c in s.children], s.tags, s.data)

    return {
        "statements": [
            (key, ec.title, [statement(m) for m in ec.members], [relation(r) for r in ec.relations], ec.tags,
             ec.data, ec.section.id if ec.section else None)
            for key, ec in doc.statements.items()
        ],
        "arguments": [
            (key, a.title, [statement(m) for m in a.members], [statement(m) for m in a.pcs],
             [relation(r) for r in a.relations], a.tags, a.data, a.section.id if a.section else None, a.start)
            for key, a in doc.arguments.items()
        ],
        "relations": [relation(r) for r in doc.relations],
        "sections": [section(s) for s in doc.sections],
        "front matter": (doc.front_matter, doc.front_matter_start, doc.mode),
    }  # fmt: skip


def _compare(text: str) -> str:
    """``"declined"``, or ``"same"`` after asserting that the line reader's document is the general reader's."""
    fast = _argdown_lines.build(text, Lexer(text))
    if fast is None:
        return "declined"
    lexer = Lexer(text)
    try:
        general = _argdown_model.build(lexer, parse(lexer))
    except MapError as error:
        pytest.fail(f"the line reader read a file the general reader refuses ({error}):\n{text}")
    assert _dump(fast) == _dump(general), text
    return "same"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_argdown_file_is_declined_or_read_the_same(path):
    _compare(path.read_text(encoding="utf-8"))


def test_the_line_reader_reads_some_real_files():
    outcomes = [_compare(path.read_text(encoding="utf-8")) for path in FILES]
    assert outcomes.count("same") >= 5, outcomes


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_argmaps_own_argdown_export_is_read_the_same(path):
    try:
        amap = load_map(path)
    except MapError:
        pytest.skip("a fixture of an error")
    _compare(str(dumps(amap, "argdown")))


def benchmark_generator() -> Any:
    """``benchmarks/generate.py`` as a module."""
    spec = importlib.util.spec_from_file_location("argmap_lines_generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generate  # its dataclasses look their module up
    spec.loader.exec_module(generate)
    return generate


def test_the_benchmark_files_are_read_by_the_line_reader():
    generate = benchmark_generator()
    for seed in range(3):
        assert _compare(generate.to_argdown(generate.generate(300, seed))) == "same"


# -- generated files -------------------------------------------------------------------------

_PLAIN = ["alpha", "Beta", "gamma", "délta", "x1", "a-b", "a - b", "a + b", "1.", "(2)", "3 apples", "Note:", "a/b",
          "it's", '"q"', "why?", "yes!", "50%", "a&b", "c;", "d,", "end.", "(see)", "x=y", "~", "^", "|", "$5", "`c`",
          "+", "-", "=", "日本", "ü", "(", ")", "a:", "b.", "2)", "(3", "'", '"', "Étude", "A.", "x = y", "naïve", "—",
          "“q”", "a: b", "1,5", "$", "%", "&&", "||", "^_^", "a!", "?!"]  # fmt: skip
_CLOSE = ["e.g.", "1.5", "x:y", "a//b", "end..", "...", "x==y", "a--b", ".A.", ":smile:", "a.b.", "#tag", "*em*",
          "_u_", "[r]", "<a>", "@[m]", "{d}", "\\x", "  ", "\t", "\u00a0", "a\u2028b", "\x0b", "[x](y)"]  # fmt: skip
_TITLES = ["a", "b", "T 1", "x y", "d#", "e:f", "g<h", "p@q", "Ü", "q.r", "w(x)"]
_CLOSE_TITLES = ["-k", " s ", "m]n", "!x", "a>b", "a\u00a0b"]
_DATA = ["{source: s1}", "{assumption: true}", "{a: 1, b: [x, y]}", "{isInGroup: false}", "{isCanonical: true}",
         "{}", "{isInGroup: true}", '{note: "a, b"}', "{note: 'x: y'}", "{n: 1 # c}", "{tags: [a, b]}",
         "{ignore: [AM101]}", "{weight: 0.5}", "{status: accepted}", "{a: 2001-02-03}", "{a: =}"]  # fmt: skip
_CLOSE_DATA = ["{bad: [}", "{x: {y: 1}}", "{a: *b}"]
_RELATIONS = ["+", "-", "+>", "->", "<+", "<-", "><", "_>", "<_"]
_CLOSE_RELATIONS = ["_", "*", "1.", "<", "+-"]


class _Writer:
    """A random Argdown file in the line shapes, with a share ``odd`` of near misses."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.odd = self.rng.choice([0.0, 0.0, 0.0, 0.02, 0.1])
        self.statements: list[str] = []
        self.arguments: list[str] = []

    def pick(self, usual: list[str], close: list[str]) -> str:
        return self.rng.choice(close if self.rng.random() < self.odd else usual)

    def text(self) -> str:
        words = " ".join(self.pick(_PLAIN, _CLOSE) for _ in range(self.rng.randint(1, 6)))
        return words if words[0].isalpha() and self.rng.random() < 0.9 else "Word " + words

    def title(self, pool: list[str]) -> str:
        if pool and self.rng.random() < 0.5:
            return self.rng.choice(pool)
        pool.append(self.pick(_TITLES, _CLOSE_TITLES) + str(self.rng.randint(0, 4)))
        return pool[-1]

    def data(self, share: float) -> str:
        return " " + self.pick(_DATA, _CLOSE_DATA) if self.rng.random() < share else ""

    def element(self, arguments: bool = True) -> str:
        k = self.rng.random()
        if arguments and k < 0.2:
            title = self.title(self.arguments)
            return f"<{title}>" if k < 0.1 else f"<{title}>: {self.text()}{self.data(0.3)}"
        if k < 0.5:
            return f"[{self.title(self.statements)}]{self.data(self.odd)}"
        if k < 0.8:
            return f"[{self.title(self.statements)}]: {self.text()}{self.data(0.3)}"
        return self.text() + self.data(0.2)

    def relations(self, indent: int, depth: int, lines: list[str]) -> None:
        for _ in range(self.rng.randint(1, 3)):
            shift = self.rng.choice([-1, 1]) if self.rng.random() < self.odd else 0
            lines.append(" " * (indent + shift) + self.pick(_RELATIONS, _CLOSE_RELATIONS) + " " + self.element())
            if depth < 4 and self.rng.random() < 0.3:
                self.relations(indent + self.rng.choice([1, 2, 2, 4]), depth + 1, lines)

    def block(self) -> list[str]:
        k, lines = self.rng.random(), []
        if k < 0.1:
            lines.append("#" * self.rng.randint(1, 3) + " " + self.text())
        elif k < 0.35:
            number = 1
            for step in range(self.rng.randint(1, 3)):
                for _ in range(self.rng.randint(1 if step == 0 else 0, 2)):
                    lines.append(f"({number}) {self.element(arguments=self.rng.random() < self.odd)}")
                    number += 1
                lines.append(self.pick(["----", "-----", "--------"], ["--", "---", "-- rule --"]))
                lines.append(f"({number}) {self.element(arguments=False)}")
                number += 1
            if self.rng.random() < self.odd:
                self.relations(2, 0, lines)
        else:
            lines.append(self.element())
            if self.rng.random() < 0.6:
                self.relations(self.rng.choice([1, 2, 2, 4]), 0, lines)
            if self.rng.random() < self.odd:
                lines.append(self.text())
        return lines

    def file(self) -> str:
        blocks = []
        if self.rng.random() < 0.3:
            blocks.append(
                self.rng.choice(["===\ntitle: T\nsources:\n  s1: Someone\n===", "===\nmodel:\n  mode: strict\n===",
                                 "===\n===", "===\nmodel: {removeTagsFromText: true}\n===", "===\ntitle: a===b\n==="])
            )  # fmt: skip
        for _ in range(self.rng.randint(1, 8)):
            lines = self.block()
            if lines[0].startswith("(") and self.rng.random() < 0.6:  # the argument the structure belongs to
                described = [
                    f"<{self.title(self.arguments)}>" + (f": {self.text()}" if self.rng.random() < 0.5 else "")
                ]
                if self.rng.random() < 0.3:
                    self.relations(2, 0, described)
                blocks.append("\n".join(described))
            blocks.append("\n".join(lines))
        text = blocks[0]
        for block in blocks[1:]:
            text += ("\n" if self.rng.random() < self.odd else "\n" * self.rng.choice([2, 2, 2, 3, 4])) + block
        return text + self.rng.choice(["", "\n", "\n\n", "\n\n\n", " "])


@pytest.mark.parametrize("first", range(0, 3000, 500))
def test_generated_files_are_declined_or_read_the_same(first):
    outcomes = [_compare(_Writer(seed).file()) for seed in range(first, first + 500)]
    assert outcomes.count("same") >= 50, outcomes.count("same")  # the shapes are read, not all declined


# -- what the shortcut must keep -------------------------------------------------------------


def test_a_declined_file_keeps_the_general_readers_error():
    text = "[a]: A statement.\n\n[b]: Another one\n  + [a]\n[c]: no empty line before this\n"
    with pytest.raises(MapError) as error:
        parse_map(text, "bad.argdown")
    assert (error.value.line, error.value.col) == (5, 1)
    assert _argdown_lines.build(text, Lexer(text)) is None


def test_bad_yaml_data_is_reported_by_the_general_reader():
    text = "[a]: A statement. {source: [}\n"
    with pytest.raises(MapError, match="invalid YAML data") as error:
        parse_map(text, "bad.argdown")
    assert error.value.line == 1


def test_a_map_read_by_the_line_reader_is_the_map_of_the_general_one():
    text = (
        "===\ntitle: Lines\nsources:\n  s1: Someone (2001)\n===\n\n# Part one\n\n"
        "[T]: The thesis holds.\n  + [P]: A premise, with a comma. {source: s1}\n  - An objection\n"
        "    <_ <Undercut>: It does not follow\n\n<Arg>\n\n(1) [P]\n(2) A second premise\n----\n(3) [T]\n"
    )
    assert _argdown_lines.build(text, Lexer(text)) is not None
    amap = parse_map(text, "lines.argdown")
    assert amap.title == "Lines" and amap.thesis == "T"
    assert amap.claims["P"].source == "s1" and amap.claims["P"].line == 10
    assert amap.inferences["Arg"].premises == ("P", "Untitled 2")
    assert [c.id for c in amap.claims.values()][:3] == ["T", "P", "Untitled 1"]
