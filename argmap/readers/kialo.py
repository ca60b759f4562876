"""Kialo's text export: "Discussion Title: ..." then numbered ``Pro:`` / ``Con:`` claims.

The export looks like this::

    Discussion Title: Should the city fund free school meals?

    1. The city should fund free school meals.
    1.1. Pro: Hungry children learn less.
    1.1.1. Con: The studies were run in other countries.
    1.2. Con: The meals cost too much.
    1.3. Pro: -> See 1.1.1.

* ``1.`` is the thesis (``1. Thesis: ...`` is read the same way); a discussion whose
  ``1.`` is a ``Question:`` has several ``Thesis:`` children, and the first is the thesis.
  A ``1.`` without a label whose first child is a ``Thesis:`` is such a question too.
* Each ``Pro:`` is a support inference from that claim to its parent (the number
  without its last part), each ``Con:`` an attack. Kialo's claims stand alone, so there
  are no linked co-premises.
* ``-> See 1.2.3.`` is a link: the claim numbered 1.2.3 is used again, here.
* A line that does not start a new numbered ``Pro:``/``Con:``/``Thesis:`` entry continues
  the text of the one before (multi-line claims).
* A final ``Sources:`` block of ``[n] citation`` lines becomes the map's sources; a claim
  whose text cites ``[n]`` is grounded in the first source it cites.
* Claim texts are Kialo Markdown: links ``[label](url)`` keep their label (the URLs go
  to the claim's note) and backslash escapes are undone; the original text is kept in
  the claim's ``data``.

Claim ids are the numbers without the final dot (``1.2.1``); the inference to a parent
is ``r`` and the child's number (``r1.2.1``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from argmap.errors import MapError
from argmap.limits import MAX_ELEMENTS, check_elements
from argmap.model import ATTACK, SUPPORT, ArgumentMap, Claim, Inference, Source

__all__ = ["NAME", "SUFFIXES", "read"]

NAME = "kialo"
SUFFIXES = (".kialo.txt", ".kialo")

_HEADER = re.compile(r"^\s*Discussion (?:Title|Name)\s*:(.*)$", re.IGNORECASE)
_ENTRY = re.compile(r"^\s*((?:\d+\.)+)\s*(?:(Pro|Con|Thesis|Question)\s*:)?\s?(.*)$", re.IGNORECASE)
_SEE = re.compile(r"^->\s*See\s+((?:\d+\.)+)\s*$", re.IGNORECASE)
_SOURCES = re.compile(r"^\s*Sources\s*:\s*$", re.IGNORECASE)
_FOOTNOTE = re.compile(r"^\s*\[(\d+)\]\s*(.*)$")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(((?:\\.|[^()\\\s]|\((?:\\.|[^()\\])*\))*)\)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CITE = re.compile(r"(?<!\s)\s*\[(\d+)\]")
"""A citation with the space before it. The match can only start where a run of space starts (as
the leftmost match would), so a long run of spaces is scanned once, not once for each of its places."""
_LABEL = re.compile(r"\[(?:\\.|[^\]\\])*")
"""How far the label of a link starting here reaches."""
_LINE = re.compile(r"([^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]*)(?:\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029])?")


@dataclass
class _Entry:
    number: str
    stance: str | None
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.number.rstrip(".")

    @property
    def parent(self) -> str:
        return self.number[: self.number[:-1].rfind(".") + 1]

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip()


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, as ``str.splitlines`` cuts them, one at a time (no list of every line)."""
    for match in _LINE.finditer(text):
        if match.start() == len(text):
            break
        yield match.group(1)


def _plain(markdown: str) -> tuple[str, list[str]]:
    """Kialo Markdown as plain text, and the URLs of its links.

    Links are found as ``_LINK.sub`` would find them, except that where a link fails to
    match, no ``[`` inside its label is tried again: their label ends at the same ``]``
    and they would fail the same way (a line of ``[`` is then read once, not once per ``[``).
    """
    urls: list[str] = []
    parts: list[str] = []
    done = 0
    start = markdown.find("[")
    while start >= 0:
        match = _LINK.match(markdown, start)
        if match:
            urls.append(_ESCAPE.sub(r"\1", match.group(2)))
            parts += [markdown[done:start], match.group(1)]
            done = match.end()
            start = markdown.find("[", done)
        else:
            start = markdown.find("[", max(start + 1, _LABEL.match(markdown, start).end()))  # type: ignore[union-attr]
    parts.append(markdown[done:])
    return _ESCAPE.sub(r"\1", "".join(parts)), urls


class _Reader:
    def __init__(self, path: str | None) -> None:
        self.path = path

    def fail(self, message: str, line: int, col: int = 0) -> MapError:
        return MapError(message, self.path, line, col)

    def read(self, text: str) -> ArgumentMap:
        title: str | None = None
        preamble: list[str] = []
        entries: dict[str, _Entry] = {}
        footnotes: dict[str, tuple[list[str], int]] = {}
        current: _Entry | None = None
        note: list[str] | None = None
        in_sources = False
        limit = MAX_ELEMENTS.value(self.path)
        for number, line in enumerate(_lines(text), 1):
            if not line.strip():
                continue
            if title is None and not entries and not preamble and (header := _HEADER.match(line)):
                title = header.group(1).strip()
                continue
            if entries and _SOURCES.match(line):
                in_sources = True
                continue
            if in_sources:
                if footnote := _FOOTNOTE.match(line):
                    note = [footnote.group(2).strip()]
                    footnotes[footnote.group(1)] = (note, number)
                elif note is not None:
                    note.append(line.strip())
                else:
                    raise self.fail("expected a '[1] citation' line under 'Sources:'", number, 1)
                continue
            entry = self.entry(line, number, entries)
            if entry is not None:
                entries[entry.number] = current = entry
                if len(entries) > limit:  # each entry is a claim or an inference: stop before building them
                    check_elements(len(entries), self.path, number, 1, so_far=True)
            elif current is not None:
                current.lines.append(line.rstrip())
            else:
                preamble.append(line.strip())
        if not entries:
            raise self.fail("no '1.' line: a Kialo export numbers its claims 1., 1.1., 1.1.1. ...", 1, 1)
        return self.build(title, preamble, entries, footnotes)

    def entry(self, line: str, number: int, entries: dict[str, _Entry]) -> _Entry | None:
        """A new numbered entry, or ``None`` when the line continues the text before it."""
        match = _ENTRY.match(line)
        if not match:
            return None
        num, stance, rest = match.group(1), match.group(2), match.group(3)
        if stance is None and not (num == "1." and "1." not in entries):
            return None
        stance = stance.capitalize() if stance else None
        col = match.start(1) + 1
        if num in entries:
            raise self.fail(f"claim {num} appears twice (first on line {entries[num].line})", number, col)
        entry = _Entry(num, stance, number, [rest])
        if num == "1.":
            if stance in ("Pro", "Con"):
                raise self.fail("1. is the thesis or the question: it cannot be a Pro or a Con", number, col)
            return entry
        if not num.startswith("1."):
            raise self.fail(f"{num} does not belong to discussion 1.: numbers start with '1.'", number, col)
        if entry.parent not in entries:
            raise self.fail(f"{num} has no parent: {entry.parent} must come before it", number, col)
        parent = entries[entry.parent]
        if (
            stance == "Thesis"
            and parent.stance is None
            and parent.number == "1."
            and not any(e.parent == "1." for e in entries.values())
        ):
            parent.stance = "Question"  # the first answer marks an unlabelled 1. as the question
        if (stance == "Thesis") != (parent.number == "1." and parent.stance == "Question"):
            if stance == "Thesis":
                raise self.fail(f"{num} is a Thesis but {parent.number} is not a Question", number, col)
            raise self.fail(f"{num} answers the question {parent.number}: mark it 'Thesis:'", number, col)
        return entry

    def build(
        self,
        title: str | None,
        preamble: list[str],
        entries: dict[str, _Entry],
        footnotes: dict[str, tuple[list[str], int]],
    ) -> ArgumentMap:
        links: dict[str, str] = {}
        for entry in entries.values():
            see = _SEE.match(entry.text)
            if see:
                if see.group(1) not in entries:
                    raise self.fail(f"{entry.number} links to {see.group(1)}, which is not in the export", entry.line)
                links[entry.number] = see.group(1)

        root = entries["1."]
        question = root.stance == "Question"
        count = 0
        for entry in entries.values():
            count += (entry.number not in links and not (question and entry is root)) + (entry.stance in ("Pro", "Con"))
            if count > MAX_ELEMENTS.value(self.path):
                check_elements(count, self.path, entry.line, 1, so_far=True)
        resolved: dict[str, str] = {}

        def resolve(number: str) -> str:
            """The claim a chain of links ends at; each link is followed once for the whole map."""
            chain: dict[str, None] = {}
            while number in links and number not in resolved:
                if number in chain:
                    raise self.fail(f"{number} is part of a circle of '-> See' links", entries[number].line)
                chain[number] = None
                number = links[number]
            claim = resolved.get(number) or entries[number].id
            resolved.update(dict.fromkeys(chain, claim))
            return claim

        sources = [Source(f"ref{n}", " ".join(lines), line=line) for n, (lines, line) in footnotes.items()]
        claims, inferences = [], []
        for entry in entries.values():
            if entry.number in links or (question and entry is root):
                continue
            claims.append(self.claim(entry, footnotes))
        for entry in entries.values():
            if entry.stance not in ("Pro", "Con"):
                continue
            inferences.append(
                Inference(
                    f"r{entry.id}",
                    (resolve(entry.number),),
                    resolve(entry.parent),
                    SUPPORT if entry.stance == "Pro" else ATTACK,
                    explicit_id=False,
                    line=entry.line,
                    data={"kialo": {"number": entry.number}},
                )
            )
        theses = [e for e in entries.values() if e.stance == "Thesis" and e.parent == "1."] if question else [root]
        if not theses:
            raise self.fail("the question 1. has no 'Thesis:' answer (1.1. Thesis: ...)", root.line)
        thesis = theses[0]
        description_lines = [*preamble, *([_plain(root.text)[0]] if question else [])]
        return ArgumentMap(
            title or " ".join(_plain(thesis.text)[0].split()) or "Kialo discussion",
            thesis.id,
            claims,
            inferences,
            sources,
            path=self.path,
            description="\n".join(description_lines) or None,
            thesis_line=thesis.line,
            data={"kialo": {"title": title, "question": question}},
        )

    def claim(self, entry: _Entry, footnotes: dict[str, tuple[list[str], int]]) -> Claim:
        raw = entry.text
        cited = [n for n in _CITE.findall(raw) if n in footnotes]
        body = _CITE.sub(lambda m: "" if m.group(1) in footnotes else m.group(), raw)
        text, urls = _plain(body)
        if not text.strip():
            raise self.fail(f"claim {entry.number} has no text", entry.line)
        data: dict[str, object] = {"number": entry.number, "stance": entry.stance}
        if text != raw:
            data["text"] = raw
        return Claim(
            entry.id,
            text,
            source=f"ref{cited[0]}" if cited else None,
            note=("Links: " + " ".join(urls)) if urls else None,
            line=entry.line,
            data={"kialo": data},
        )


def read(text: str, path: str | None = None) -> ArgumentMap:
    """Read a Kialo text export into an :class:`ArgumentMap`."""
    return _Reader(path).read(text)
