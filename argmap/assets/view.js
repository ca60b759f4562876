/* argmap's interactive map view: pan and zoom, search, details, findings, evaluation.
 * Map text only ever reaches the page through textContent and attributes, never as markup.
 * In a live page (argmap serve) it follows the server's updates and asks it for what-if
 * evaluations; it never evaluates anything itself. */
(function () {
  "use strict";

  var SEVERITIES = ["error", "warning", "info"];
  var LABELS = ["accepted", "rejected", "undecided"];
  var byId = function (id) { return document.getElementById(id); };

  var data = JSON.parse(byId("am-data").textContent);
  var live = !!data.live;
  var canvas = byId("am-canvas");
  var svg = null;
  var full = null;
  var view = null;
  var fitted = true;

  var state = {
    elements: new Map(),
    domToId: new Map(),
    findings: new Map(),
    labels: {},
    selected: null,
    accept: new Set(),
    reject: new Set(),
    matches: [],
    matchIndex: -1,
    version: data.version,
    evalSeq: 0,
  };

  /* -- small DOM helpers ------------------------------------------------------ */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svgEl(tag) {
    return document.createElementNS("http://www.w3.org/2000/svg", tag);
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function safeUrl(url) {
    try {
      var parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  /* -- the map's data ------------------------------------------------------------ */

  function index() {
    state.elements = new Map();
    state.domToId = new Map();
    state.findings = new Map();
    (data.claims || []).forEach(function (c) {
      state.elements.set(c.id, Object.assign({ kind: "claim" }, c));
    });
    (data.inferences || []).forEach(function (i) {
      state.elements.set(i.id, Object.assign({ kind: "inference" }, i));
    });
    state.elements.forEach(function (e, id) { state.domToId.set(e.dom, id); });
    (data.findings || []).forEach(function (f) {
      if (!state.findings.has(f.target)) state.findings.set(f.target, []);
      state.findings.get(f.target).push(f);
    });
    state.labels = Object.assign({}, data.labels || {});
    var sources = new Map();
    (data.sources || []).forEach(function (s) { sources.set(s.id, s); });
    state.sources = sources;
    state.accept.forEach(function (id) { if (!isClaim(id)) state.accept.delete(id); });
    state.reject.forEach(function (id) { if (!isClaim(id)) state.reject.delete(id); });
  }

  function isClaim(id) {
    var e = state.elements.get(id);
    return !!e && e.kind === "claim";
  }

  function inferencesWhere(test) {
    return (data.inferences || []).filter(test);
  }

  function kindOf(e) {
    if (e.kind === "claim") {
      if (e.id === data.thesis) return "Thesis";
      return e.assumption ? "Assumption" : "Claim";
    }
    if (e.type === "support") return "Reason";
    var target = state.elements.get(e.target);
    if (target && target.kind === "inference") return target.type === "attack" ? "Rebuttal" : "Undercut";
    return "Objection";
  }

  function shortText(e) {
    if (e.kind === "claim") return e.text;
    var target = state.elements.get(e.target);
    var name = e.named ? e.id + ": " : "";
    return name + kindOf(e).toLowerCase() + (e.type === "support" ? " for " : " against ") + (target ? shortText(target) : e.target);
  }

  function worstSeverity(findings) {
    for (var i = 0; i < SEVERITIES.length; i++) {
      for (var j = 0; j < findings.length; j++) if (findings[j].severity === SEVERITIES[i]) return SEVERITIES[i];
    }
    return null;
  }

  /* -- the drawing ------------------------------------------------------------------ */

  function nodeOf(id) {
    var e = state.elements.get(id);
    if (!e || !svg) return null;
    var node = document.getElementById(e.dom);
    return node && svg.contains(node) ? node : null;
  }

  function setupSvg(keepView) {
    svg = canvas.querySelector("svg");
    if (!svg) { full = view = null; return; }
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    svg.querySelectorAll("title").forEach(function (t) { t.parentNode.removeChild(t); });
    var box = svg.viewBox.baseVal;
    var pad = Math.max(box.width, box.height) * 0.02;
    var newFull = { x: box.x - pad, y: box.y - pad, w: box.width + 2 * pad, h: box.height + 2 * pad };
    full = newFull;
    if (keepView && view && !fitted) setView(view); else fit();
    var boxes = new Map();
    state.findings.forEach(function (found, id) {
      var node = nodeOf(id);
      var shape = node && node.querySelector("path, ellipse, polygon");
      if (shape) boxes.set(id, shape.getBBox());
    });
    state.elements.forEach(function (e, id) {
      var node = document.getElementById(e.dom);
      if (!node || !svg.contains(node)) return;
      node.classList.add(e.kind === "claim" ? "am-claim" : "am-inference");
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", kindOf(e) + ": " + shortText(e));
      var tip = svgEl("title");
      tip.textContent = shortText(e);
      node.insertBefore(tip, node.firstChild);
      var found = state.findings.get(id) || [];
      var worst = worstSeverity(found);
      if (worst) node.classList.add("am-f-" + worst);
      if (worst && boxes.has(id)) addBadge(node, found, worst, boxes.get(id));
    });
    applyLabels();
    if (state.selected && nodeOf(state.selected)) nodeOf(state.selected).classList.add("am-selected");
    runSearch(false);
  }

  function addBadge(node, found, worst, box) {
    var round = !!node.querySelector("ellipse");
    var badge = svgEl("g");
    badge.setAttribute("class", "am-badge am-sev-" + worst);
    var x = round ? box.x + box.width : box.x + box.width - 2;
    var y = round ? box.y : box.y + 2;
    badge.setAttribute("transform", "translate(" + x + " " + y + ")");
    var circle = svgEl("circle");
    circle.setAttribute("r", "8");
    var count = svgEl("text");
    count.textContent = found.length > 9 ? "9+" : String(found.length);
    var tip = svgEl("title");
    tip.textContent = found.map(function (f) { return f.code + " " + f.name; }).join("\n");
    badge.appendChild(tip);
    badge.appendChild(circle);
    badge.appendChild(count);
    node.appendChild(badge);
  }

  function applyLabels() {
    state.elements.forEach(function (e, id) {
      var node = nodeOf(id);
      if (!node) return;
      LABELS.forEach(function (l) { node.classList.remove("am-l-" + l); });
      var label = state.labels[id];
      if (LABELS.indexOf(label) >= 0) node.classList.add("am-l-" + label);
    });
    var toggle = byId("am-toggle-eval");
    toggle.disabled = Object.keys(state.labels).length === 0;
    renderVerdict();
  }

  /* -- pan and zoom ------------------------------------------------------------------ */

  function setView(v) {
    view = { x: v.x, y: v.y, w: v.w, h: v.h };
    if (svg) svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
  }

  function fit() {
    if (!full) return;
    fitted = true;
    setView(full);
  }

  function toSvgPoint(clientX, clientY) {
    var ctm = svg.getScreenCTM();
    var p = svg.createSVGPoint();
    p.x = clientX;
    p.y = clientY;
    return ctm ? p.matrixTransform(ctm.inverse()) : { x: view.x + view.w / 2, y: view.y + view.h / 2 };
  }

  function zoomAt(factor, clientX, clientY) {
    if (!svg || !view) return;
    var minW = full.w / 40;
    var maxW = full.w * 3;
    var w = Math.min(maxW, Math.max(minW, view.w / factor));
    factor = view.w / w;
    var p = toSvgPoint(clientX, clientY);
    fitted = false;
    setView({ x: p.x - (p.x - view.x) / factor, y: p.y - (p.y - view.y) / factor, w: w, h: view.h / factor });
  }

  function zoomCenter(factor) {
    var r = canvas.getBoundingClientRect();
    zoomAt(factor, r.left + r.width / 2, r.top + r.height / 2);
  }

  function panBy(dxClient, dyClient) {
    if (!svg || !view) return;
    var ctm = svg.getScreenCTM();
    var scale = ctm ? ctm.a : 1;
    fitted = false;
    setView({ x: view.x - dxClient / scale, y: view.y - dyClient / scale, w: view.w, h: view.h });
  }

  function animateTo(target) {
    var start = { x: view.x, y: view.y, w: view.w, h: view.h };
    var t0 = null;
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (reduce) { setView(target); return; }
    function step(t) {
      if (t0 === null) t0 = t;
      var k = Math.min(1, (t - t0) / 280);
      var e = k < 0.5 ? 2 * k * k : 1 - Math.pow(-2 * k + 2, 2) / 2;
      setView({
        x: start.x + (target.x - start.x) * e,
        y: start.y + (target.y - start.y) * e,
        w: start.w + (target.w - start.w) * e,
        h: start.h + (target.h - start.h) * e,
      });
      if (k < 1) window.requestAnimationFrame(step);
    }
    window.requestAnimationFrame(step);
  }

  function centerOn(node) {
    if (!svg || !view) return;
    var r = node.getBoundingClientRect();
    var a = toSvgPoint(r.left, r.top);
    var b = toSvgPoint(r.right, r.bottom);
    var cx = (a.x + b.x) / 2;
    var cy = (a.y + b.y) / 2;
    var rect = canvas.getBoundingClientRect();
    var aspect = rect.height > 0 ? rect.width / rect.height : 1;
    var w = view.w;
    var h = view.h;
    var needW = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y) * aspect) * 2.5;
    if (needW < w * 0.3 || needW > w) {
      w = Math.min(full.w, Math.max(needW, full.w / 40));
      h = w / aspect;
    }
    fitted = false;
    animateTo({ x: cx - w / 2, y: cy - h / 2, w: w, h: h });
  }

  var drag = null;
  var dragged = false;

  canvas.addEventListener("pointerdown", function (ev) {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, id: ev.pointerId, moving: false };
    dragged = false;
  });

  canvas.addEventListener("pointermove", function (ev) {
    if (!drag || ev.pointerId !== drag.id) return;
    var dx = ev.clientX - drag.x;
    var dy = ev.clientY - drag.y;
    if (!drag.moving && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moving) {
      drag.moving = true;
      dragged = true;
      canvas.setPointerCapture(ev.pointerId);
      canvas.classList.add("am-dragging");
    }
    panBy(dx, dy);
    drag.x = ev.clientX;
    drag.y = ev.clientY;
  });

  function endDrag(ev) {
    if (!drag || ev.pointerId !== drag.id) return;
    if (drag.moving && canvas.hasPointerCapture(ev.pointerId)) canvas.releasePointerCapture(ev.pointerId);
    canvas.classList.remove("am-dragging");
    drag = null;
  }

  canvas.addEventListener("pointerup", endDrag);
  canvas.addEventListener("pointercancel", endDrag);

  canvas.addEventListener("wheel", function (ev) {
    if (!svg) return;
    ev.preventDefault();
    var delta = ev.deltaMode === 1 ? ev.deltaY * 16 : ev.deltaY;
    zoomAt(Math.exp(-delta * 0.0015), ev.clientX, ev.clientY);
  }, { passive: false });

  canvas.addEventListener("click", function (ev) {
    if (dragged) { dragged = false; return; }
    var node = ev.target.closest ? ev.target.closest("g.node") : null;
    var id = node ? state.domToId.get(node.id) : undefined;
    if (id !== undefined) select(id, { center: false });
  });

  canvas.addEventListener("keydown", function (ev) {
    var node = ev.target.closest ? ev.target.closest("g.node") : null;
    var id = node ? state.domToId.get(node.id) : undefined;
    if ((ev.key === "Enter" || ev.key === " ") && id !== undefined) {
      ev.preventDefault();
      select(id, { center: true });
      return;
    }
    var step = 60;
    var keys = {
      "+": function () { zoomCenter(1.25); },
      "=": function () { zoomCenter(1.25); },
      "-": function () { zoomCenter(0.8); },
      "0": fit,
      ArrowLeft: function () { panBy(step, 0); },
      ArrowRight: function () { panBy(-step, 0); },
      ArrowUp: function () { panBy(0, step); },
      ArrowDown: function () { panBy(0, -step); },
    };
    if (keys[ev.key]) {
      ev.preventDefault();
      keys[ev.key]();
    }
  });

  byId("am-zoom-in").addEventListener("click", function () { zoomCenter(1.25); });
  byId("am-zoom-out").addEventListener("click", function () { zoomCenter(0.8); });
  byId("am-zoom-fit").addEventListener("click", fit);

  /* -- selection and the side panel ---------------------------------------------------- */

  function select(id, options) {
    if (!state.elements.has(id)) return;
    if (state.selected && nodeOf(state.selected)) nodeOf(state.selected).classList.remove("am-selected");
    state.selected = id;
    var node = nodeOf(id);
    if (node) {
      node.classList.add("am-selected");
      if (options && options.center) centerOn(node);
      if (options && options.flash) {
        node.classList.remove("am-flash");
        void node.getBBox();
        node.classList.add("am-flash");
      }
    }
    renderPanel();
  }

  function deselect() {
    if (state.selected && nodeOf(state.selected)) nodeOf(state.selected).classList.remove("am-selected");
    state.selected = null;
    renderPanel();
  }

  function linkTo(id, text) {
    var button = el("button", "am-link", text);
    button.type = "button";
    button.addEventListener("click", function () { select(id, { center: true, flash: true }); });
    return button;
  }

  function field(label, content) {
    var wrap = el("div", "am-field");
    wrap.appendChild(el("span", "am-label", label));
    if (typeof content === "string") wrap.appendChild(el("div", null, content));
    else wrap.appendChild(content);
    return wrap;
  }

  function listOf(items) {
    var ul = el("ul");
    items.forEach(function (item) {
      var li = el("li");
      li.appendChild(item);
      ul.appendChild(li);
    });
    return ul;
  }

  function chip(label) {
    return el("span", "am-chip am-l-" + label, label);
  }

  function renderPanel() {
    var panel = byId("am-panel");
    clear(panel);
    var id = state.selected;
    var e = id === null ? null : state.elements.get(id);
    if (!e) { panel.hidden = true; return; }
    panel.hidden = false;
    panel.dataset.element = id;

    var head = el("div", "am-panel-head");
    var kind = kindOf(e);
    head.appendChild(el("span", "am-kind" + (e.kind === "inference" ? " am-k-" + e.type : ""), kind));
    head.appendChild(el("span", "am-id", id));
    var close = el("button", "am-close", "\u00d7");
    close.type = "button";
    close.title = "Close";
    close.setAttribute("aria-label", "Close the details");
    close.addEventListener("click", deselect);
    head.appendChild(close);
    panel.appendChild(head);

    if (e.kind === "claim") panel.appendChild(el("p", "am-text", e.text));
    else panel.appendChild(el("p", "am-text", shortText(e)));

    var label = state.labels[id];
    var labelLine = el("div", "am-field am-eval-line");
    labelLine.appendChild(el("span", "am-label", "Evaluation"));
    var labelBox = el("div");
    if (label) labelBox.appendChild(chip(label));
    else labelBox.appendChild(el("span", "am-none", "not evaluated"));
    if (state.accept.has(id)) labelBox.appendChild(el("span", "am-chip am-whatif-chip", "what-if: accepted"));
    if (state.reject.has(id)) labelBox.appendChild(el("span", "am-chip am-whatif-chip", "what-if: rejected"));
    labelLine.appendChild(labelBox);
    panel.appendChild(labelLine);

    if (live && e.kind === "claim") panel.appendChild(whatIfButtons(id));

    if (e.kind === "claim") claimFields(panel, e);
    else inferenceFields(panel, e);

    var found = state.findings.get(id) || [];
    if (found.length) {
      var items = found.map(function (f) {
        var box = el("div");
        box.appendChild(el("span", "am-dot am-sev-" + f.severity));
        box.appendChild(el("span", "am-finding-code", f.code));
        box.appendChild(el("span", "am-finding-name", f.name));
        box.appendChild(el("span", "am-finding-message", f.message));
        if (f.hint) box.appendChild(el("span", "am-finding-hint", "Fix: " + f.hint));
        return box;
      });
      panel.appendChild(field("Findings", listOf(items)));
    }
    if (e.line) panel.appendChild(field("Defined at", (data.path || "map") + ":" + e.line));
  }

  function claimFields(panel, e) {
    if (e.source) {
      var source = state.sources.get(e.source);
      var box = el("div");
      box.appendChild(el("span", "am-source-citation", source ? source.citation : e.source));
      box.appendChild(el("span", "am-id", " [" + e.source + "]"));
      if (e.page) box.appendChild(el("div", null, "page " + e.page));
      var url = source && source.url ? safeUrl(source.url) : null;
      if (url) {
        var a = el("a", null, url);
        a.href = url;
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        box.appendChild(el("div")).appendChild(a);
      }
      if (e.quote) box.appendChild(el("blockquote", null, e.quote));
      panel.appendChild(field("Source", box));
    } else if (e.quote) {
      panel.appendChild(field("Quote", el("blockquote", null, e.quote)));
    }
    if (e.assumption) panel.appendChild(field("Assumption", "Accepted on purpose without support."));
    if (e.status) panel.appendChild(field("Status in the map", e.status));
    if (e.note) panel.appendChild(field("Note", el("div", "am-note", e.note)));
    if (e.tags && e.tags.length) panel.appendChild(field("Tags", e.tags.join(", ")));
    var reasons = inferencesWhere(function (i) { return i.target === e.id && i.type === "support"; });
    var objections = inferencesWhere(function (i) { return i.target === e.id && i.type === "attack"; });
    var uses = inferencesWhere(function (i) { return i.premises.indexOf(e.id) >= 0; });
    if (reasons.length) panel.appendChild(field("Reasons for it", inferenceLinks(reasons, false)));
    if (objections.length) panel.appendChild(field("Objections", inferenceLinks(objections, false)));
    if (uses.length) panel.appendChild(field("Used in", inferenceLinks(uses, true)));
  }

  function inferenceLink(i, showTarget) {
    var text = kindOf(state.elements.get(i.id)) + (i.named ? " " + i.id : "") + ": " + i.premises.join(" + ");
    if (showTarget) text += (i.type === "support" ? " \u2192 " : " \u22a3 ") + i.target;
    return linkTo(i.id, text);
  }

  function inferenceLinks(list, showTarget) {
    return listOf(list.map(function (i) { return inferenceLink(i, showTarget); }));
  }

  function inferenceFields(panel, e) {
    var premises = e.premises.map(function (p) {
      var c = state.elements.get(p);
      return linkTo(p, c ? c.text : p);
    });
    panel.appendChild(field(e.premises.length > 1 ? "Linked premises (all needed together)" : "Premise", listOf(premises)));
    var target = state.elements.get(e.target);
    panel.appendChild(field(e.type === "support" ? "Supports" : "Attacks", linkTo(e.target, target ? shortText(target) : e.target)));
    if (e.warrant) panel.appendChild(field("Warrant", e.warrant));
    if (e.note) panel.appendChild(field("Note", el("div", "am-note", e.note)));
    var attacks = inferencesWhere(function (i) { return i.target === e.id; });
    if (attacks.length) panel.appendChild(field("Attacked by", inferenceLinks(attacks, false)));
  }

  /* -- findings list --------------------------------------------------------------------- */

  function renderFindings() {
    var list = byId("am-findings-list");
    clear(list);
    var findings = data.findings || [];
    byId("am-findings-count").textContent = String(findings.length);
    if (!findings.length) {
      var none = el("li");
      none.appendChild(el("p", "am-none", data.claims ? "No findings: the checks pass." : "No map loaded."));
      list.appendChild(none);
      return;
    }
    findings.forEach(function (f) {
      var li = el("li");
      var button = el("button");
      button.type = "button";
      button.dataset.target = f.target;
      button.appendChild(el("span", "am-dot am-sev-" + f.severity));
      button.appendChild(el("span", "am-finding-code", f.code));
      button.appendChild(el("span", "am-finding-name", f.name));
      button.appendChild(el("span", "am-finding-message", f.message));
      button.title = "Line " + f.line + ": show " + f.target;
      button.addEventListener("click", function () { select(f.target, { center: true, flash: true }); });
      li.appendChild(button);
      list.appendChild(li);
    });
  }

  function renderSources() {
    var list = byId("am-refs-list");
    clear(list);
    var sources = data.sources || [];
    byId("am-refs").hidden = !sources.length;
    sources.forEach(function (source) {
      var li = el("li");
      li.appendChild(el("span", "am-id", "[" + source.id + "] "));
      li.appendChild(el("span", null, source.citation));
      var url = source.url ? safeUrl(source.url) : null;
      if (url) {
        var a = el("a", null, url);
        a.href = url;
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        li.appendChild(el("div")).appendChild(a);
      }
      var citing = (data.claims || []).filter(function (c) { return c.source === source.id; });
      if (citing.length) {
        var by = el("div", "am-cited");
        by.appendChild(el("span", null, "cited by "));
        citing.forEach(function (c, n) {
          if (n) by.appendChild(document.createTextNode(", "));
          by.appendChild(linkTo(c.id, c.id));
        });
        li.appendChild(by);
      }
      list.appendChild(li);
    });
  }

  /* -- search ----------------------------------------------------------------------------- */

  var search = byId("am-search");

  function runSearch(jump) {
    var q = search.value.trim().toLowerCase();
    state.elements.forEach(function (e, id) {
      var node = nodeOf(id);
      if (node) node.classList.remove("am-match");
    });
    state.matches = [];
    state.matchIndex = -1;
    var count = byId("am-search-count");
    if (!q) {
      if (svg) svg.classList.remove("am-searching");
      count.textContent = "";
      return;
    }
    state.elements.forEach(function (e, id) {
      var hay = [id, e.text, e.warrant, e.note, e.quote].filter(Boolean).join(" ").toLowerCase();
      if (hay.indexOf(q) >= 0) state.matches.push(id);
    });
    state.matches.forEach(function (id) {
      var node = nodeOf(id);
      if (node) node.classList.add("am-match");
    });
    if (svg) svg.classList.add("am-searching");
    count.textContent = state.matches.length === 1 ? "1 match" : state.matches.length + " matches";
    if (jump && state.matches.length) nextMatch(1);
  }

  function nextMatch(direction) {
    if (!state.matches.length) return;
    var n = state.matches.length;
    state.matchIndex = (state.matchIndex + direction + n) % n;
    select(state.matches[state.matchIndex], { center: true });
    byId("am-search-count").textContent = state.matchIndex + 1 + " of " + n;
  }

  search.addEventListener("input", function () { runSearch(false); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      ev.preventDefault();
      if (state.matchIndex < 0 && !state.matches.length) runSearch(false);
      nextMatch(ev.shiftKey ? -1 : 1);
    } else if (ev.key === "Escape") {
      search.value = "";
      runSearch(false);
    }
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== search) {
      ev.preventDefault();
      search.focus();
    } else if (ev.key === "Escape" && document.activeElement !== search) {
      deselect();
    }
  });

  /* -- toggles ---------------------------------------------------------------------------- */

  function bindToggle(id, bodyClass) {
    var box = byId(id);
    var apply = function () { document.body.classList.toggle(bodyClass, box.checked); };
    box.addEventListener("change", apply);
    apply();
  }

  bindToggle("am-toggle-findings", "am-show-findings");
  bindToggle("am-toggle-eval", "am-show-eval");

  function renderVerdict() {
    var bar = document.querySelector(".am-bar");
    var verdict = byId("am-verdict");
    if (!verdict) {
      verdict = el("span");
      verdict.id = "am-verdict";
      bar.insertBefore(verdict, bar.children[1]);
    }
    clear(verdict);
    var label = data.thesis !== undefined ? state.labels[data.thesis] : undefined;
    verdict.hidden = !label;
    if (label) {
      verdict.appendChild(el("span", "am-label", "thesis"));
      verdict.appendChild(chip(label));
    }
  }

  /* -- what-if (live pages only) ------------------------------------------------------------- */

  function whatIfButtons(id) {
    var box = el("div", "am-actions");
    [["Accept", state.accept], ["Reject", state.reject]].forEach(function (pair) {
      var button = el("button", "am-whatif-" + pair[0].toLowerCase(), pair[0]);
      button.type = "button";
      button.setAttribute("aria-pressed", pair[1].has(id) ? "true" : "false");
      button.title = pair[0] + " this claim and see what follows";
      button.addEventListener("click", function () {
        var on = !pair[1].has(id);
        state.accept.delete(id);
        state.reject.delete(id);
        if (on) pair[1].add(id);
        evaluateWhatIf();
      });
      box.appendChild(button);
    });
    if (state.accept.has(id) || state.reject.has(id)) {
      var reset = el("button", "am-whatif-clear", "As in the map");
      reset.type = "button";
      reset.addEventListener("click", function () {
        state.accept.delete(id);
        state.reject.delete(id);
        evaluateWhatIf();
      });
      box.appendChild(reset);
    }
    return field("What if", box);
  }

  function renderWhatIfBar() {
    var bar = byId("am-whatif");
    clear(bar);
    if (!state.accept.size && !state.reject.size) { bar.hidden = true; return; }
    bar.hidden = false;
    var row = el("div", "am-whatif-bar");
    row.appendChild(el("strong", null, "What if"));
    [["accepting", state.accept], ["rejecting", state.reject]].forEach(function (pair) {
      if (!pair[1].size) return;
      row.appendChild(el("span", null, pair[0] + ":"));
      pair[1].forEach(function (id) { row.appendChild(linkTo(id, id)); });
    });
    var reset = el("button", null, "Back to the map as written");
    reset.type = "button";
    reset.addEventListener("click", function () {
      state.accept.clear();
      state.reject.clear();
      evaluateWhatIf();
    });
    row.appendChild(reset);
    bar.appendChild(row);
  }

  function postJson(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) throw new Error(json.error || response.statusText);
        return json;
      });
    });
  }

  function evaluateWhatIf() {
    var seq = ++state.evalSeq;
    renderWhatIfBar();
    return postJson("api/evaluate", { accept: Array.from(state.accept), reject: Array.from(state.reject) })
      .then(function (result) {
        if (seq !== state.evalSeq) return;
        state.labels = result.labels;
        applyLabels();
        renderPanel();
        document.body.dataset.evaluated = String(seq);
      })
      .catch(function (error) { showStatus(String(error.message || error), true); });
  }

  function showStatus(message, isError) {
    var status = byId("am-status");
    status.textContent = message || "";
    status.hidden = !message;
    status.classList.toggle("am-ok", !isError);
    document.body.classList.toggle("am-stale", !!message && isError);
  }

  /* -- live updates ----------------------------------------------------------------------- */

  function install(next, keepView) {
    data = Object.assign({}, next.data, { live: live });
    index();
    if (state.selected !== null && !state.elements.has(state.selected)) state.selected = null;
    if (next.svg !== undefined) canvas.innerHTML = next.svg;
    setupSvg(keepView);
    renderFindings();
    renderSources();
    renderPanel();
    renderWhatIfBar();
    byId("am-title").textContent = data.title || "argmap";
    document.title = (data.title || "argmap") + " \u00b7 argmap";
  }

  function refresh() {
    return fetch("api/view", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (next) {
        state.version = next.version;
        if (next.error) {
          showStatus(next.error, true);
          document.body.dataset.version = String(next.version);
          return;
        }
        showStatus("", false);
        install(next, true);
        if (state.accept.size || state.reject.size) evaluateWhatIf();
        document.body.dataset.version = String(next.version);
      })
      .catch(function () { showStatus("Lost contact with argmap serve; retrying\u2026", true); });
  }

  function connect() {
    var events = new EventSource("events");
    events.addEventListener("change", function (ev) {
      var version = Number(ev.data);
      if (version !== state.version) refresh();
    });
    events.addEventListener("open", function () {
      var status = byId("am-status");
      if (status.dataset.lost) {
        delete status.dataset.lost;
        showStatus("", false);
        refresh();
      }
    });
    events.addEventListener("error", function () {
      if (events.readyState === EventSource.CONNECTING || events.readyState === EventSource.CLOSED) {
        var status = byId("am-status");
        if (status.hidden) {
          status.dataset.lost = "1";
          showStatus("Lost contact with argmap serve; retrying\u2026", true);
        }
      }
    });
  }

  /* -- print: the whole map ------------------------------------------------------------------ */

  var beforePrint = null;
  window.addEventListener("beforeprint", function () {
    beforePrint = view ? { view: view, fitted: fitted } : null;
    if (full) setView(full);
  });
  window.addEventListener("afterprint", function () {
    if (beforePrint) { setView(beforePrint.view); fitted = beforePrint.fitted; }
  });

  /* -- start ---------------------------------------------------------------------------------- */

  index();
  setupSvg(false);
  renderFindings();
  renderSources();
  renderPanel();
  if (data.error) showStatus(data.error, true);
  if (live) {
    document.body.dataset.version = String(state.version);
    connect();
  }
  window.addEventListener("resize", function () { if (fitted) fit(); });
  document.body.dataset.ready = "1";
})();
