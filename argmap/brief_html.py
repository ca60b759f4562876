"""A debate brief as one self-contained HTML page, with the map drawn and the elements it discusses lit.

The page needs no network and no other file: styles are inline and the diagram is
Graphviz's SVG, drawn by :mod:`argmap.dot` (which escapes every label) with the brief's
elements highlighted. All map text goes through :func:`argmap.html.escape_html`; each
id links to its shape in the diagram. A Content-Security-Policy allows no script at all.
"""

from __future__ import annotations

import re

from argmap.brief import ELEMENT, LISTED_MORE, PLAIN, QUOTE, WORDS, Answer, Brief, Question, Text
from argmap.dot import element_dom_id, to_graph
from argmap.html import escape_html
from argmap.model import ArgumentMap
from argmap.render import draw

__all__ = ["brief_svg", "to_html"]

_CSS = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #212121; margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #cfd8dc; padding-bottom: .2rem; }
h3 { font-size: 1.02rem; margin: 1.4rem 0 .4rem; }
blockquote { margin: .5rem 0; padding: .2rem .9rem; border-left: 4px solid #90a4ae; background: #f5f7f8; }
ul { padding-left: 1.3rem; margin: .4rem 0; }
li { margin: .2rem 0; }
code { font: .86em/1 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: #eceff1;
  padding: .05em .3em; border-radius: 3px; }
a.am-ref { color: inherit; text-decoration: none; }
a.am-ref:hover code { background: #ffd54f; }
.am-label { font-weight: 600; }
.am-bottom { font-size: 1.02rem; }
.am-pro .am-none { color: #b71c1c; }
.am-con .am-none { color: #1b5e20; }
figure { margin: 2rem 0 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #546e7a; font-size: .9rem; margin-bottom: .5rem; }
@media print { main { max-width: none; padding: 0; } figure { break-before: page; } }
"""

_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
_WEB = re.compile(r"https?://[^\s<>\"']+")


def brief_svg(amap: ArgumentMap, brief: Brief) -> str:
    """The map drawn by Graphviz as an inline ``<svg>`` element, the brief's elements highlighted."""
    graph = to_graph(amap, highlight=brief.discussed(), legend=False)
    graph.attr("graph", label="")
    svg = draw(graph.source, "svg").decode("utf-8")
    return svg[svg.find("<svg") :].strip()


def _ref(brief: Brief, element_id: str) -> str:
    return (
        f'<a class="am-ref" href="#{escape_html(element_dom_id(element_id))}">'
        f"<code>{escape_html(brief.name(element_id))}</code></a>"
    )


def html_text(brief: Brief, text: Text) -> str:
    """One sentence as HTML: map text escaped and in italics, ids as links to the diagram."""
    out = []
    for kind, value in text.parts:
        if kind == PLAIN:
            out.append(escape_html(value))
        elif kind == QUOTE:
            out.append(f"<em>{escape_html(' '.join(value.split()))}</em>")
        elif kind == ELEMENT:
            out.append(_ref(brief, value))
        else:
            out.append(f"<code>{escape_html(value)}</code>")
    return "".join(out)


def to_html(brief: Brief, svg: str | None = None) -> str:
    """The brief as one HTML page; ``svg`` (see :func:`brief_svg`) is embedded after the sources."""
    words = WORDS[brief.side]

    def t(text: Text) -> str:
        return html_text(brief, text)

    def answer(given: Answer) -> str:
        css = ' class="am-none"' if given.element is None else ""
        return (
            f'<li><span class="am-label">{escape_html(words["answer"])}:</span> <span{css}>{t(given.text)}</span></li>'
        )

    def asked(question: Question) -> str:
        answers = "".join(answer(a) for a in question.answers)
        return (
            f'<li><span class="am-label">{escape_html(words["ask"])}:</span> {t(question.text)}'
            + (f"<ul>{answers}</ul>" if answers else "")
            + "</li>"
        )

    heading = f"{words['heading']}: {brief.title}"
    body = [f"<h1>{escape_html(heading)}</h1>"]
    body.append(f'<p><span class="am-label">{escape_html(words["thesis"])}:</span> {t(brief.thesis_statement)}</p>')
    body.append('<p class="am-bottom">' + " ".join(t(s) for s in brief.bottom_line) + "</p>")
    if brief.side == "con":
        body.append(f'<p><span class="am-label">{escape_html(words["lines"])}:</span> {t(brief.case)}</p>')
    else:
        body.append(f"<h2>{escape_html(words['lines'])}</h2>")
        if not brief.lines:
            body.append(f"<p>{t(brief.case)}</p>")
        for k, line in enumerate(brief.lines, start=1):
            items = [t(p) for p in line.premises]
            items += [f"Evidence: {t(e)}" for e in line.evidence]
            items += [t(x) for x in (line.weak, line.open) if x is not None]
            body.append(f"<h3>{k}. {t(line.title)}</h3>")
            body.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
    body.append(f"<h2>{escape_html(words['points'])}</h2>")
    if not brief.points:
        body.append("<p>None: the analyses find no weakness and the map raises no objection.</p>")
    for k, point in enumerate(brief.points, start=1):
        body.append(f'<section class="am-point am-{escape_html(point.kind)}"><h3>{k}. {t(point.title)}</h3>')
        if point.statement is not None:
            body.append(f"<blockquote>{t(point.statement)}</blockquote>")
        if point.note is not None:
            body.append(f"<p>In the map's words: {t(point.note)}</p>")
        if point.why is not None:
            body.append(f"<p>{t(point.why)}</p>")
        items = [asked(q) for q in point.questions]
        for objection in point.objections:
            items.append(
                f'<li><span class="am-label">Objection</span> {_ref(brief, objection.element)} '
                f"({escape_html(objection.label)} as mapped): {t(objection.statement)}"
                f"<ul>{asked(objection.question)}</ul></li>"
            )
        items += [answer(a) for a in point.answers]
        if point.caution is not None:
            items.append(f'<li><span class="am-label">{escape_html(words["caution"])}:</span> {t(point.caution)}</li>')
        if items:
            body.append("<ul>" + "".join(items) + "</ul>")
        body.append("</section>")
    if brief.more is not None:
        body.append(f'<p><span class="am-label">{escape_html(words["more"])}:</span> {t(brief.more)}</p>')
    body.append("<h2>Sources</h2>")
    if not brief.sources:
        none = "No source bears on the points above." if brief.other_sources else "The map cites no sources."
        body.append(f"<p>{none}</p>")
    else:
        items = []
        for source in brief.sources:
            url = ""
            if source.url:
                shown = escape_html(source.url)
                url = f' <a href="{shown}">{shown}</a>' if _WEB.fullmatch(source.url) else f" ({shown})"
            cited = ", ".join(_ref(brief, c) for c in source.cited_by) if source.cited_by else "no claim"
            items.append(
                f"<li><code>{escape_html(source.id)}</code>: {escape_html(source.citation)}{url} \u2014 cited by {cited}</li>"
            )
        body.append("<ul>" + "".join(items) + "</ul>")
    if brief.other_sources:
        others = brief.other_sources
        listed = ", ".join(f"<code>{escape_html(sid)}</code>" for sid in others[:LISTED_MORE])
        later = f" and {len(others) - LISTED_MORE} more" if len(others) > LISTED_MORE else ""
        body.append(f"<p>Also in the map: {listed}{later}.</p>")
    if svg is not None:
        body.append(
            '<figure role="img" aria-label="The argument map">'
            "<figcaption>The map, with the elements this brief discusses highlighted.</figcaption>"
            f"{svg}</figure>"
        )
    from argmap import __version__

    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
        f'<meta name="generator" content="argmap {escape_html(__version__)}">\n'
        f"<title>{escape_html(heading)}</title>\n<style>{_CSS}</style>\n</head>\n"
        f'<body class="am-{escape_html(brief.side)}">\n<main>\n' + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )
