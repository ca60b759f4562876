"""A worksheet and its answer key as PDF, with ReportLab (pure Python, no system tools).

The text is set in Bitstream Vera, which ReportLab ships, so the PDF looks the same
on every machine; a character the font lacks is printed as "?" rather than as an empty
box. The diagram is embedded as a PNG drawn at print resolution. Map text is escaped
for ReportLab's paragraph markup, so a claim cannot add formatting or break the page.
"""

from __future__ import annotations

import io
import os
from functools import cache
from xml.sax.saxutils import escape

from argmap.exercises import Question, Worksheet
from argmap.worksheet_dot import DPI

__all__ = ["key_pdf", "sheet_pdf"]

_FONTS = {"Vera": "Vera.ttf", "Vera-Bold": "VeraBd.ttf", "Vera-Italic": "VeraIt.ttf", "Vera-BoldItalic": "VeraBI.ttf"}


@cache
def _glyphs() -> frozenset[int]:
    """Register the Vera fonts once; the code points they can print."""
    import reportlab
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    for name, filename in _FONTS.items():
        pdfmetrics.registerFont(TTFont(name, os.path.join(folder, filename)))
    addMapping("Vera", 0, 0, "Vera")
    addMapping("Vera", 1, 0, "Vera-Bold")
    addMapping("Vera", 0, 1, "Vera-Italic")
    addMapping("Vera", 1, 1, "Vera-BoldItalic")
    return frozenset(pdfmetrics.getFont("Vera").face.charToGlyph)


def _text(text: str) -> str:
    """Plain text as paragraph markup: printable in Vera, with ``&``, ``<`` and ``>`` escaped."""
    glyphs = _glyphs()
    printable = "".join(c if ord(c) in glyphs or c in "\n\t" else "?" for c in " ".join(text.split()))
    return escape(printable)


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName="Vera", fontSize=10.5, leading=14.5, spaceAfter=4)
    return {
        "body": base,
        "title": ParagraphStyle("title", base, fontName="Vera-Bold", fontSize=17, leading=21, spaceAfter=6),
        "h2": ParagraphStyle("h2", base, fontName="Vera-Bold", fontSize=12.5, leading=16, spaceBefore=8),
        "meta": ParagraphStyle("meta", base, textColor="#455a64"),
        "prompt": ParagraphStyle("prompt", base, fontName="Vera-Bold", spaceBefore=6),
        "context": ParagraphStyle("context", base, leftIndent=18, textColor="#37474f"),
        "option": ParagraphStyle("option", base, leftIndent=30, firstLineIndent=-18, spaceAfter=2),
        "why": ParagraphStyle("why", base, fontName="Vera-Italic", textColor="#37474f"),
    }


def _diagram(png: bytes, width: float, height: float) -> list:
    """The diagram fitted to the frame; turned a quarter and on a page of its own when that prints it larger."""
    from PIL import Image as Picture
    from reportlab.platypus import Image, PageBreak

    picture = Picture.open(io.BytesIO(png))
    w, h = picture.size
    natural = 72 / int(DPI)
    upright = min(width / w, height * 0.8 / h, natural)
    turned = min(width / h, height * 0.95 / w, natural)
    if turned <= upright * 1.2:
        return [Image(io.BytesIO(png), width=w * upright, height=h * upright)]
    buffer = io.BytesIO()
    picture.rotate(90, expand=True).save(buffer, format="PNG")
    return [PageBreak(), Image(io.BytesIO(buffer.getvalue()), width=h * turned, height=w * turned), PageBreak()]


def _question(number: int, question: Question, key: bool, styles) -> list:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    parts = [Paragraph(f"{number}. {_text(question.prompt)}", styles["prompt"])]
    parts += [Paragraph(_text(line), styles["context"]) for line in question.context]
    for k, option in enumerate(question.options):
        mark = "[x]" if key and k in question.correct else "[&#160;&#160;]"
        parts.append(Paragraph(f"{mark}&#160;{_text(option)}", styles["option"]))
    if key:
        parts.append(Paragraph(f"<b>Answer:</b> {_text(question.answer)}", styles["body"]))
        if question.why:
            parts.append(Paragraph(f"Why: {_text(question.why)}", styles["why"]))
    else:
        parts += [Paragraph("_" * 80, styles["body"]) for _ in range(question.space)]
    parts.append(Spacer(1, 4))
    return [KeepTogether(parts)]


def _document(worksheet: Worksheet, png: bytes | None, key: bool) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    _glyphs()
    styles = _styles()
    out = io.BytesIO()
    title = ("Answer key: " if key else "") + worksheet.title
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=f"{title}: {' '.join(worksheet.map_title.split())}",
        author="argmap",
        invariant=1,
    )
    story = [Paragraph(_text(title), styles["title"])]
    if key:
        story.append(
            Paragraph(
                f"Argument: {_text(worksheet.map_title)}<br/>Made with: argmap exercise --kind "
                f"{_text(worksheet.kind)} --seed {worksheet.seed}",
                styles["meta"],
            )
        )
    else:
        story.append(
            Paragraph(
                f"Argument: {_text(worksheet.map_title)}<br/>Name: {'_' * 30}&#160;&#160;Date: {'_' * 14}",
                styles["meta"],
            )
        )
        story.append(Paragraph(_text(worksheet.instructions), styles["body"]))
    if png is not None:
        story += _diagram(png, doc.width, doc.height)
    if worksheet.listing and not key:
        story.append(Paragraph("The sentences", styles["h2"]))
        story += [Paragraph(f"<b>{_text(n)}.</b> {_text(text)}", styles["option"]) for n, text in worksheet.listing]
    story.append(Paragraph("Answers" if key else "Questions", styles["h2"]))
    for k, question in enumerate(worksheet.questions, start=1):
        story += _question(k, question, key, styles)
    if key and worksheet.key_notes:
        story.append(Paragraph("Every arrow in words", styles["h2"]))
        story += [Paragraph(f"&#8226; {_text(note)}", styles["option"]) for note in worksheet.key_notes]
    doc.build(story)
    return out.getvalue()


def sheet_pdf(worksheet: Worksheet, png: bytes | None) -> bytes:
    """The worksheet as PDF; ``png`` is the sheet's diagram, if it has one."""
    return _document(worksheet, png, key=False)


def key_pdf(worksheet: Worksheet, png: bytes) -> bytes:
    """The answer key as PDF, with the complete map."""
    return _document(worksheet, png, key=True)
