"""The interactive HTML view of a map: one self-contained page that works offline.

The page holds the Graphviz SVG inline, the map's data as JSON in a
``<script type="application/json">`` block, and its own script and styles (no CDN, no
fetches). The script adds pan and zoom, search, a side panel for the clicked element,
the findings list, finding markers and evaluation colours; all map text it shows goes
in as text, never as markup. The same page, with ``live=True``, is what ``argmap serve``
serves: it then asks the server for updates and for what-if evaluations.

A Content-Security-Policy with the hash of the page's own script means that even a
script that got into the markup would not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.resources import files
from typing import Any

from argmap.checks import Finding
from argmap.dot import element_dom_id, to_graph
from argmap.model import ArgumentMap
from argmap.render import draw

__all__ = [
    "LABELS",
    "embed_json",
    "error_html",
    "escape_html",
    "evaluation_labels",
    "map_data",
    "map_svg",
    "page",
    "to_html",
    "view",
]

LABELS = ("accepted", "rejected", "undecided")
"""The evaluation labels the page knows how to colour."""

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
_JSON_UNSAFE = re.compile("[<>&]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SVG_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_ICON = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
    "%3Cpath d='M8 3v7M4 13l4-3 4 3' stroke='%232e7d32' stroke-width='2' fill='none'/%3E"
    "%3Ccircle cx='8' cy='3' r='2.5' fill='%230d47a1'/%3E%3C/svg%3E"
)
"""The page's icon, inline so that the browser does not ask the network for one."""


def escape_html(text: str) -> str:
    """Text made safe as HTML content or a quoted attribute value (control characters and lone surrogates dropped)."""
    return html.escape(_CONTROL.sub("", text), quote=True)


def embed_json(data: Any) -> str:
    """JSON safe to place inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c``... so no ``</script>`` or ``<!--`` can
    end or change the block. The result is ASCII: every other character, U+2028/U+2029
    and lone surrogates included, is a ``\\u`` escape, so the page always encodes.
    ``JSON.parse`` reads the result back unchanged.
    """
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def evaluation_labels(amap: ArgumentMap, accept: Iterable[str] = (), reject: Iterable[str] = ()) -> dict[str, str]:
    """Every claim's and inference's label from :func:`argmap.evaluate.evaluate`."""
    from argmap.evaluate import evaluate

    return dict(evaluate(amap, accept=tuple(accept), reject=tuple(reject)).labels)


def map_svg(amap: ArgumentMap) -> str:
    """The map drawn by Graphviz as an inline ``<svg>`` element (no XML prologue).

    Findings and evaluation are left out of the drawing: the page overlays them, so
    that turning them on and off does not move anything.
    """
    graph = to_graph(amap, legend=False)
    graph.attr("graph", label="")  # the page shows the title, the findings and the legend itself
    svg = draw(graph.source, "svg").decode("utf-8")
    return _SVG_PROLOGUE.sub("", svg, count=1).strip()


def map_data(
    amap: ArgumentMap,
    findings: Iterable[Finding] = (),
    labels: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """What the page's script needs, as plain JSON-ready data (lists keep the map's order)."""
    claims = [
        {
            "id": c.id,
            "dom": element_dom_id(c.id),
            "text": c.text,
            "source": c.source,
            "assumption": c.assumption,
            "status": c.status,
            "quote": c.quote,
            "page": c.page,
            "note": c.note,
            "tags": list(c.tags),
            "line": c.line,
        }
        for c in amap.claims.values()
    ]
    inferences = [
        {
            "id": i.id,
            "dom": element_dom_id(i.id),
            "named": i.explicit_id,
            "type": i.type,
            "premises": list(i.premises),
            "target": i.target,
            "warrant": i.warrant,
            "note": i.note,
            "line": i.line,
        }
        for i in amap.inferences.values()
    ]
    sources = [{"id": s.id, "citation": s.citation, "url": s.url} for s in amap.sources.values()]
    return {
        "title": amap.title,
        "description": amap.description,
        "path": amap.path,
        "thesis": amap.thesis,
        "claims": claims,
        "inferences": inferences,
        "sources": sources,
        "findings": [
            {
                k: v
                for k, v in f.to_dict().items()
                if k in ("code", "name", "severity", "message", "target", "line", "hint")
            }
            for f in findings
        ],
        "labels": {k: v for k, v in (labels or {}).items() if v in LABELS},
    }


def view(
    amap: ArgumentMap,
    findings: Iterable[Finding] | None = None,
    labels: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The drawing and the data of a map: ``{"svg": ..., "data": ...}``.

    ``findings`` default to :func:`argmap.run_checks`, ``labels`` to the map's evaluation.
    """
    from argmap.checks import run_checks

    found = run_checks(amap) if findings is None else list(findings)
    chosen = evaluation_labels(amap) if labels is None else labels
    return {"svg": map_svg(amap), "data": map_data(amap, found, chosen)}


@cache
def _asset(name: str) -> str:
    text = (files("argmap") / "assets" / name).read_text(encoding="utf-8")
    closing = "</script" if name.endswith(".js") else "</style"
    if closing in text.lower():
        raise AssertionError(f"{name} may not contain '{closing}'")
    return text


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def page(title: str, svg: str, data: Mapping[str, Any], *, live: bool = False) -> str:
    """The page around a drawing and its data (see :func:`view`); ``to_html`` in two steps."""
    from argmap import __version__

    script = _asset("view.js")
    connect = "'self'" if live else "'none'"
    policy = (
        f"default-src 'none'; script-src {_csp_hash(script)}; style-src 'unsafe-inline'; "
        f"img-src data:; connect-src {connect}; base-uri 'none'; form-action 'none'"
    )
    body_class = "am-live" if live else "am-static"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="generator" content="argmap {escape_html(__version__)}">
<title>{escape_html(title)} \u00b7 argmap</title>
<link rel="icon" href="{_ICON}">
<style>
{_asset("view.css")}
</style>
</head>
<body class="{body_class} am-show-findings am-show-eval">
<header class="am-bar">
  <h1 id="am-title">{escape_html(title)}</h1>
  <div class="am-tools" role="toolbar" aria-label="View">
    <div class="am-search-box">
      <input type="search" id="am-search" placeholder="Search claims\u2026" aria-label="Search claims and inferences" autocomplete="off">
      <span id="am-search-count" aria-live="polite"></span>
    </div>
    <label class="am-toggle"><input type="checkbox" id="am-toggle-findings" checked> Findings</label>
    <label class="am-toggle"><input type="checkbox" id="am-toggle-eval" checked> Evaluation</label>
    <div class="am-zoom">
      <button type="button" id="am-zoom-out" title="Zoom out (-)" aria-label="Zoom out">\u2212</button>
      <button type="button" id="am-zoom-fit" title="Fit the map (0)">Fit</button>
      <button type="button" id="am-zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
    </div>
  </div>
</header>
<div id="am-status" role="alert" hidden></div>
<div id="am-whatif" hidden></div>
<main class="am-main">
  <div id="am-canvas" tabindex="0" aria-label="Argument map: drag to pan, scroll to zoom">{svg}</div>
  <aside id="am-side">
    <section id="am-panel" aria-live="polite" hidden></section>
    <section id="am-findings">
      <h2>Findings <span id="am-findings-count" class="am-count"></span></h2>
      <ol id="am-findings-list"></ol>
    </section>
    <section id="am-refs" hidden>
      <h2>Sources</h2>
      <ol id="am-refs-list"></ol>
    </section>
    <section id="am-legend">
      <h2>Legend</h2>
      <ul>
        <li><span class="am-key am-key-support">\u25cf\u2192</span> reason; lines meeting at a dot are linked co-premises</li>
        <li><span class="am-key am-key-attack">\u25cf\u22a3</span> objection; aimed at a dot, an undercut</li>
        <li><span class="am-key am-key-thesis">THESIS</span> the main conclusion</li>
        <li><span class="am-key am-key-source">source</span> grounded in a cited source; dashed box: assumption</li>
        <li class="am-eval-key"><span class="am-chip am-l-accepted">accepted</span><span class="am-chip am-l-rejected">rejected</span><span class="am-chip am-l-undecided">undecided</span> evaluation</li>
        <li class="am-finding-key"><span class="am-dot am-sev-error"></span>error <span class="am-dot am-sev-warning"></span>warning <span class="am-dot am-sev-info"></span>info: findings of argmap check</li>
      </ul>
    </section>
    <footer class="am-foot">argmap {escape_html(__version__)}</footer>
  </aside>
</main>
<script type="application/json" id="am-data">{embed_json(dict(data, live=live))}</script>
<script>{script}</script>
</body>
</html>
"""


def to_html(
    amap: ArgumentMap,
    findings: Iterable[Finding] | None = None,
    *,
    labels: Mapping[str, str] | None = None,
    live: bool = False,
) -> str:
    """The map as one self-contained interactive HTML page.

    ``findings`` default to :func:`argmap.run_checks`, ``labels`` (element id ->
    accepted, rejected or undecided) to the map's evaluation. ``live`` makes the page
    follow ``argmap serve`` (updates and what-if evaluation).
    """
    shown = view(amap, findings, labels)
    return page(amap.title, shown["svg"], shown["data"], live=live)


def error_html(message: str, title: str = "argmap", *, live: bool = True) -> str:
    """A page with no map that shows why the map could not be loaded (the live page waits for a fix)."""
    return page(title, "", {"error": message}, live=live)
