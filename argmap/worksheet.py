"""A worksheet and its answer key as files: Markdown with the diagram beside it, printable HTML, or PDF.

Everything is built in memory first and then written with :func:`argmap.output.write_files`,
so a failure leaves no half-written set of files. Map text is escaped for each target:
Markdown with :func:`argmap.writers.markdown.escape_markdown`, HTML with :func:`html.escape`
(the diagrams' SVG is Graphviz's, whose labels :mod:`argmap.dot` escapes).
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

from argmap.errors import OutputError
from argmap.exercises import Question, Worksheet
from argmap.output import write_files
from argmap.render import draw
from argmap.worksheet_dot import DPI, key_dot, sheet_dot
from argmap.writers.markdown import escape_markdown

__all__ = [
    "FORMATS",
    "IMAGE_FORMATS",
    "WorksheetFiles",
    "format_for",
    "key_html",
    "key_markdown",
    "key_path",
    "sheet_html",
    "sheet_markdown",
    "worksheet_files",
    "write_worksheet",
]

FORMATS = ("md", "html", "pdf")
IMAGE_FORMATS = ("svg", "png")
_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}
SHORT = 20
"""Options no longer than this are printed on one line."""
BOX, TICKED = "\u2610", "\u2611"


def format_for(path: str | os.PathLike[str], format: str | None = None) -> str:
    """``md``, ``html`` or ``pdf``: ``format`` if given, else from the path's suffix."""
    chosen = format or _SUFFIXES.get(Path(path).suffix.lower())
    if chosen not in FORMATS:
        raise OutputError(f"{path}: cannot tell the worksheet format: use a .md, .html or .pdf name, or --format")
    return chosen


def key_path(path: Path) -> Path:
    """``worksheet.md`` -> ``worksheet.key.md``."""
    return path.with_name(f"{path.stem}.key{path.suffix}")


def _ask(kind: str, seed: int) -> str:
    return f"argmap exercise --kind {kind} --seed {seed}"


# -- Markdown ---------------------------------------------------------------------------


def _md_options(question: Question, key: bool) -> list[str]:
    marks = [("x" if key and k in question.correct else " ") for k in range(len(question.options))]
    if all(len(o) <= SHORT for o in question.options):
        glyphs = [TICKED if m == "x" else BOX for m in marks]
        return [" \u2003".join(f"{g} {escape_markdown(o)}" for g, o in zip(glyphs, question.options, strict=True))]
    return [f"- [{m}] {escape_markdown(o)}" for m, o in zip(marks, question.options, strict=True)]


def _md_question(number: int, question: Question, key: bool) -> list[str]:
    lines = [f"**{number}.** {escape_markdown(question.prompt)}", ""]
    if question.context:
        lines += [f"> {escape_markdown(line)}  " for line in question.context]
        lines[-1] = lines[-1].rstrip()
        lines.append("")
    if question.options:
        lines += [*_md_options(question, key), ""]
    if key:
        lines.append(f"**Answer:** {escape_markdown(question.answer)}")
        if question.why:
            lines += ["", f"*Why:* {escape_markdown(question.why)}"]
        lines.append("")
    elif question.space:
        lines += ["Answer: " + "\\_" * 48, *(["", "\\_" * 56] * (question.space - 1)), ""]
    return lines


def _md_listing(worksheet: Worksheet) -> list[str]:
    if not worksheet.listing:
        return []
    return ["## The sentences", "", *(f"{n}. {escape_markdown(text)}" for n, text in worksheet.listing), ""]


def sheet_markdown(worksheet: Worksheet, image: str | None) -> str:
    """The worksheet in Markdown; ``image`` is the diagram's file name, next to it."""
    lines = [
        f"# {escape_markdown(worksheet.title)}",
        "",
        f"**Argument:** {escape_markdown(worksheet.map_title)}  ",
        "**Name:** \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ **Date:** \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_",
        "",
        escape_markdown(worksheet.instructions),
        "",
    ]
    if image:
        lines += [f"![The argument map]({image})", ""]
    lines += _md_listing(worksheet)
    lines += ["## Questions", ""]
    for k, question in enumerate(worksheet.questions, start=1):
        lines += _md_question(k, question, key=False)
    return "\n".join(lines).rstrip("\n") + "\n"


def key_markdown(worksheet: Worksheet, image: str) -> str:
    """The answer key in Markdown; ``image`` is the complete map's file name, next to it."""
    lines = [
        f"# Answer key: {escape_markdown(worksheet.title)}",
        "",
        f"**Argument:** {escape_markdown(worksheet.map_title)}  ",
        f"**Made with:** `{_ask(worksheet.kind, worksheet.seed)}` (the same seed gives the same worksheet)",
        "",
        f"![The complete argument map]({image})",
        "",
        "## Answers",
        "",
    ]
    for k, question in enumerate(worksheet.questions, start=1):
        lines += _md_question(k, question, key=True)
    if worksheet.key_notes:
        lines += ["## Every arrow in words", "", *(f"- {escape_markdown(note)}" for note in worksheet.key_notes), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# -- HTML -------------------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 16mm; }
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #212121; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 .5rem; border-bottom: 1px solid #bdbdbd; }
.meta { color: #455a64; margin: 0 0 1rem; }
.blank { display: inline-block; min-width: 12rem; border-bottom: 1px solid #424242; }
figure { margin: 1rem 0; text-align: center; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
ol.sentences li { margin: .15rem 0; }
.question { break-inside: avoid; margin: 0 0 1.1rem; }
.prompt { font-weight: 600; margin: 0 0 .4rem; }
.context { margin: .3rem 0 .5rem 1rem; padding-left: .6rem; border-left: 3px solid #90a4ae; }
.context p { margin: .1rem 0; }
ul.options { list-style: none; padding-left: .5rem; margin: .3rem 0; }
ul.options.inline li { display: inline-block; margin-right: 1.4rem; }
ul.options li { margin: .2rem 0; }
.box { font-size: 1.15em; margin-right: .35rem; }
.line { border-bottom: 1px solid #757575; height: 1.7rem; }
.answer { margin: .4rem 0 0; }
.why { color: #37474f; font-style: italic; margin: .2rem 0 0; }
@media print { body { margin: 0; max-width: none; } }
"""


def _inline_svg(svg: bytes) -> str:
    """Graphviz SVG without its XML prolog and doctype, to sit inside an HTML page."""
    text = svg.decode("utf-8")
    start = text.find("<svg")
    if start < 0:
        raise OutputError("Graphviz returned no SVG for the diagram")
    return text[start:]


def _html_question(number: int, question: Question, key: bool) -> str:
    e = html.escape
    parts = [f'<div class="question"><p class="prompt">{number}. {e(question.prompt)}</p>']
    if question.context:
        parts.append('<div class="context">' + "".join(f"<p>{e(line)}</p>" for line in question.context) + "</div>")
    if question.options:
        inline = " inline" if all(len(o) <= SHORT for o in question.options) else ""
        items = []
        for k, option in enumerate(question.options):
            ticked = key and k in question.correct
            items.append(f'<li><span class="box">{TICKED if ticked else BOX}</span>{e(option)}</li>')
        parts.append(f'<ul class="options{inline}">{"".join(items)}</ul>')
    if key:
        parts.append(f'<p class="answer"><b>Answer:</b> {e(question.answer)}</p>')
        if question.why:
            parts.append(f'<p class="why">Why: {e(question.why)}</p>')
    else:
        parts.extend('<div class="line"></div>' for _ in range(question.space))
    parts.append("</div>")
    return "".join(parts)


def _page(title: str, body: list[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def sheet_html(worksheet: Worksheet, svg: bytes | None) -> str:
    """The worksheet as one printable, self-contained HTML page (the diagram's SVG inline)."""
    e = html.escape
    body = [
        f"<h1>{e(worksheet.title)}</h1>",
        f'<p class="meta">Argument: {e(worksheet.map_title)}<br>'
        'Name: <span class="blank"></span> Date: <span class="blank" style="min-width:6rem"></span></p>',
        f"<p>{e(worksheet.instructions)}</p>",
    ]
    if svg is not None:
        body.append(f'<figure role="img" aria-label="The argument map">{_inline_svg(svg)}</figure>')
    if worksheet.listing:
        items = "".join(f'<li value="{e(n)}">{e(text)}</li>' for n, text in worksheet.listing)
        body += ["<h2>The sentences</h2>", f'<ol class="sentences">{items}</ol>']
    body.append("<h2>Questions</h2>")
    body += [_html_question(k, q, key=False) for k, q in enumerate(worksheet.questions, start=1)]
    return _page(f"{worksheet.title}: {worksheet.map_title}", body)


def key_html(worksheet: Worksheet, svg: bytes) -> str:
    """The answer key as one printable, self-contained HTML page."""
    e = html.escape
    body = [
        f"<h1>Answer key: {e(worksheet.title)}</h1>",
        f'<p class="meta">Argument: {e(worksheet.map_title)}<br>'
        f"Made with: <code>{e(_ask(worksheet.kind, worksheet.seed))}</code></p>",
        f'<figure role="img" aria-label="The complete argument map">{_inline_svg(svg)}</figure>',
        "<h2>Answers</h2>",
        *(_html_question(k, q, key=True) for k, q in enumerate(worksheet.questions, start=1)),
    ]
    if worksheet.key_notes:
        body += [
            "<h2>Every arrow in words</h2>",
            "<ul>" + "".join(f"<li>{e(n)}</li>" for n in worksheet.key_notes) + "</ul>",
        ]
    return _page(f"Answer key: {worksheet.title}: {worksheet.map_title}", body)


# -- files ------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorksheetFiles:
    """Every file of one worksheet, path -> content, in the order they are written."""

    files: dict[Path, str | bytes]

    def paths(self) -> list[Path]:
        return list(self.files)


_SAFE_NAME = re.compile(r"[^\w.\-]+")


def worksheet_files(
    worksheet: Worksheet, path: str | os.PathLike[str], format: str | None = None, image: str = "svg"
) -> WorksheetFiles:
    """The worksheet at ``path``, its key beside it (``name.key.md``) and, for Markdown, the diagrams."""
    target = Path(path)
    chosen = format_for(target, format)
    if image not in IMAGE_FORMATS:
        raise OutputError(f"cannot embed a '{image}' diagram: use one of {', '.join(IMAGE_FORMATS)}")
    files: list[tuple[Path, str | bytes]] = []
    sheet_source = sheet_dot(worksheet, DPI if chosen == "pdf" or image == "png" else None)
    key_source = key_dot(worksheet, DPI if chosen == "pdf" or image == "png" else None)
    if chosen == "md":
        stem = _SAFE_NAME.sub("-", target.stem)
        sheet_image = f"{stem}.{image}" if sheet_source is not None else None
        key_image = f"{stem}.key.{image}"
        files.append((target, sheet_markdown(worksheet, sheet_image)))
        if sheet_source is not None and sheet_image is not None:
            files.append((target.with_name(sheet_image), draw(sheet_source, image)))
        files.append((key_path(target), key_markdown(worksheet, key_image)))
        files.append((target.with_name(key_image), draw(key_source, image)))
    elif chosen == "html":
        sheet_svg = draw(sheet_source, "svg") if sheet_source is not None else None
        files.append((target, sheet_html(worksheet, sheet_svg)))
        files.append((key_path(target), key_html(worksheet, draw(key_source, "svg"))))
    else:
        from argmap.worksheet_pdf import key_pdf, sheet_pdf

        sheet_png = draw(sheet_source, "png") if sheet_source is not None else None
        files.append((target, sheet_pdf(worksheet, sheet_png)))
        files.append((key_path(target), key_pdf(worksheet, draw(key_source, "png"))))
    if len({p.resolve() for p, _ in files}) < len(files):
        raise OutputError(f"{target}: the worksheet's files would overwrite each other: choose another -o name")
    return WorksheetFiles(dict(files))


def write_worksheet(
    worksheet: Worksheet,
    path: str | os.PathLike[str],
    format: str | None = None,
    image: str = "svg",
    inputs: list[str] | None = None,
) -> list[Path]:
    """Build every file of the worksheet, then write them as a set (all or none); returns the paths written."""
    built = worksheet_files(worksheet, path, format, image)
    write_files(built.files, inputs or [])
    return built.paths()
