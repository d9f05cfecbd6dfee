"""Self-contained HTML report: both texts side by side with reused passages highlighted.

The page has no external resources: CSS and a small vanilla-JS script are inline, and a
Content-Security-Policy forbids loading anything else and running any script but ours
(allowed by hash). All document content is untrusted: it is written with
:func:`html.escape` (``quote=True``), and the data handed to the script is JSON inside a
``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028 and U+2029
escaped, read with ``JSON.parse`` and only ever put into the page via ``textContent``.

Marked-up text is built by splitting each document at every passage and fact boundary;
each piece is wrapped in one flat ``<span class="seg ...">`` listing the passages
(``data-p``) and facts (``data-f``) that cover it, so overlapping ranges never produce
invalid nesting and the pane text is exactly the document text.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import defaultdict
from html import escape
from typing import Any

from ..types import PASSAGE_KINDS, Comparison, Fact, FactLink

__all__ = ["render_html"]

_LETTERS = ("A", "B")


def _letter(doc: int) -> str:
    return _LETTERS[doc] if doc in (0, 1) else "?"


_KIND_LABELS = {
    "verbatim": "Verbatim",
    "near_verbatim": "Near-verbatim",
    "paraphrase": "Paraphrase",
    "compression": "Compression",
    "translation": "Translation",
    "other": "Other",
}
_KIND_HELP = {
    "verbatim": "copied word for word",
    "near_verbatim": "copied with small edits",
    "paraphrase": "same content, reworded",
    "compression": "condensed from one or more places",
    "translation": "same content in another language",
    "other": "other reuse",
}
# Which colour a segment shows when several passages of different kinds cover it.
_KIND_PRIORITY = {
    k: i
    for i, k in enumerate(
        ("verbatim", "near_verbatim", "compression", "paraphrase", "translation", "other")
    )
}
_VERDICT_LABELS = {
    "derived": "Derived",
    "partially_derived": "Partially derived",
    "independent": "Independent",
}
_FACT_STATUS_PRIORITY = {"changed": 0, "added": 1, "dropped": 2, "kept": 3}
_TITLE_ITEMS = 4

_CSS = """
:root{--bg:#f5f6f8;--panel:#fff;--fg:#1d2330;--muted:#5d6675;--border:#d9dee5;
--soft:#eef1f5;--accent:#2f5bd3;--focus:#1d2330;
--verbatim:213,94,0;--near_verbatim:200,140,0;--paraphrase:0,114,178;
--compression:204,121,167;--translation:0,158,115;--other:120,120,120}
@media (prefers-color-scheme:dark){:root{--bg:#14171c;--panel:#1c2027;--fg:#e6e9ef;
--muted:#9aa3b2;--border:#333a45;--soft:#252a33;--accent:#7aa2ff;--focus:#f4f6fa}}
*{box-sizing:border-box}
html,body{margin:0}
body{background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",
Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
.wrap{max-width:1680px;margin:0 auto;padding:18px 22px 30px}
h1{font-size:18px;margin:0;font-weight:650;overflow-wrap:anywhere}
.tool{color:var(--muted);font-size:12px;letter-spacing:.04em;text-transform:uppercase}
.title-row{display:flex;justify-content:space-between;align-items:baseline;gap:12px;
margin-bottom:12px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(210px,1fr));gap:10px}
.card{background:var(--panel);border:1px solid var(--border);border-radius:8px;
padding:10px 14px;min-width:0}
.card .label{color:var(--muted);font-size:11px;text-transform:uppercase;letter-spacing:.05em}
.card .value{font-size:17px;font-weight:650;overflow-wrap:anywhere}
.card .sub{color:var(--muted);font-size:12.5px;overflow-wrap:anywhere}
.verdict{border-left:5px solid var(--muted)}
.v-derived{border-left-color:#c4321c}
.v-partially_derived{border-left-color:#d99100}
.v-independent{border-left-color:#2e8b57}
.cov{display:grid;grid-template-columns:auto 1fr auto;gap:4px 8px;align-items:center;
font-size:12.5px;margin-top:3px}
.meter{height:8px;border-radius:4px;background:var(--soft);overflow:hidden;min-width:60px}
.meter>span{display:block;height:100%;background:var(--accent)}
.reasons{margin:10px 0 0;padding:10px 14px 10px 30px;background:var(--panel);
border:1px solid var(--border);border-radius:8px}
.reasons li{margin:2px 0;overflow-wrap:anywhere}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;margin:14px 0 8px;
font-size:12.5px}
.legend .item{display:inline-flex;align-items:center;gap:6px;white-space:nowrap}
.legend .sw{padding:0 5px;border-radius:2px;line-height:1.5}
.legend .count{color:var(--muted)}
.legend .sep{width:1px;align-self:stretch;background:var(--border)}
.detail{display:flex;flex-wrap:wrap;gap:6px 8px;align-items:center;min-height:34px;
padding:5px 10px;margin-bottom:10px;background:var(--panel);border:1px solid var(--border);
border-radius:8px;font-size:13px;color:var(--muted)}
.detail strong{color:var(--fg)}
.detail .why{color:var(--muted);font-size:12px}
button{font:inherit;color:inherit;cursor:pointer}
.detail button{border:1px solid var(--border);background:var(--soft);border-radius:5px;
padding:1px 8px;font-size:12.5px}
.detail .close{margin-left:auto}
.grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr) 310px;gap:12px}
@media (max-width:1150px){.grid{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}
.facts{grid-column:1/-1}}
@media (max-width:760px){.grid{grid-template-columns:minmax(0,1fr)}}
.doc,.facts{background:var(--panel);border:1px solid var(--border);border-radius:8px;
min-width:0;display:flex;flex-direction:column}
.doc-head{padding:8px 14px;border-bottom:1px solid var(--border);display:flex;gap:8px;
align-items:baseline;flex-wrap:wrap}
.doc-head .letter{font-weight:700}
.doc-head .id{font-weight:600;overflow-wrap:anywhere;min-width:0}
.doc-head .chars{color:var(--muted);font-size:12.5px}
.role{font-size:11px;text-transform:uppercase;letter-spacing:.05em;border-radius:9px;
padding:0 7px;border:1px solid var(--border);color:var(--muted)}
.role.source{border-color:#c4321c;color:#c4321c}
.meta{font-size:12px;color:var(--muted);width:100%}
.meta dl{display:grid;grid-template-columns:auto 1fr;gap:0 10px;margin:4px 0 0}
.meta dt{font-weight:600}.meta dd{margin:0;overflow-wrap:anywhere}
.pane{position:relative;height:70vh;overflow:auto;padding:14px 18px;white-space:pre-wrap;
overflow-wrap:anywhere;font-size:14.5px;line-height:1.75;tab-size:4}
.pane:focus{outline:none}
.seg[data-p]{cursor:pointer;background:rgba(var(--c),.17);border-bottom:2px solid rgb(var(--c))}
.k-verbatim{--c:var(--verbatim)}
.k-near_verbatim{--c:var(--near_verbatim)}
.k-paraphrase{--c:var(--paraphrase)}
.k-compression{--c:var(--compression)}
.k-translation{--c:var(--translation)}
.k-other{--c:var(--other)}
.seg.k-near_verbatim,.sw.k-near_verbatim{border-bottom-style:double;border-bottom-width:3px}
.seg.k-paraphrase,.sw.k-paraphrase{border-bottom-style:dashed}
.seg.k-compression,.sw.k-compression{border-bottom-style:dotted;border-bottom-width:3px}
.seg.k-translation,.sw.k-translation{background:repeating-linear-gradient(135deg,
rgba(var(--c),.24) 0 4px,rgba(var(--c),.08) 4px 8px)}
.sw{background:rgba(var(--c),.17);border-bottom:2px solid rgb(var(--c))}
.seg.multi{background-color:rgba(var(--c),.3)}
.seg.active{background:rgba(var(--c),.45);outline:2px solid var(--focus);outline-offset:0}
.fact{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:4px}
.f-changed{text-decoration-color:#c4321c;text-decoration-style:wavy}
.f-added{text-decoration-color:#1f8a4c}
.f-dropped{text-decoration-color:#7a4cc2;text-decoration-style:dashed}
.f-kept{text-decoration-color:rgba(120,128,140,.6);text-decoration-style:dotted}
.seg.fact:not([data-p]){cursor:pointer}
@keyframes tl-flash{0%,45%{background-color:#ffd84d;box-shadow:0 0 0 3px #ffd84d}
100%{box-shadow:0 0 0 3px transparent}}
.flash{animation:tl-flash 1.6s ease-out}
.fref.flash{color:#1d2330}
@media (prefers-reduced-motion:reduce){.flash{animation-duration:.01s}}
.facts{max-height:calc(70vh + 44px)}
.facts h2{font-size:14px;margin:0;padding:9px 14px;border-bottom:1px solid var(--border)}
.facts .body{overflow:auto;padding:6px 14px 12px}
.facts h3{font-size:11.5px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);
margin:12px 0 4px;font-weight:650}
.facts h3.inline{display:inline}
.facts ul{list-style:none;margin:0;padding:0}
.facts li{padding:4px 0;border-bottom:1px solid var(--soft);overflow-wrap:anywhere}
.facts .kind{display:inline-block;font-size:11px;color:var(--muted);min-width:62px}
.facts .note{display:block;font-size:12px;color:var(--muted)}
.facts .arrow{color:var(--muted);padding:0 3px}
.fref{background:none;border:0;padding:0 2px;border-radius:3px;text-align:left;
text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px}
.fref:hover,.fref:focus-visible{background:var(--soft)}
.fref:disabled{cursor:default;text-decoration:none}
.summary-counts{font-size:12.5px;color:var(--muted);margin-top:6px}
.empty{color:var(--muted);font-style:italic}
details summary{cursor:pointer}
footer{color:var(--muted);font-size:12px;margin-top:14px}
"""

_JS = r"""
(function () {
  "use strict";
  var LABELS = {verbatim: "Verbatim", near_verbatim: "Near-verbatim", paraphrase: "Paraphrase",
    compression: "Compression", translation: "Translation"};
  var LETTERS = ["A", "B"];
  var data = JSON.parse(document.getElementById("tl-data").textContent);
  var panes = [document.getElementById("pane-0"), document.getElementById("pane-1")];
  var detail = document.getElementById("detail");
  var detailHint = detail.textContent;
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var byPassage = [Object.create(null), Object.create(null)];
  var byFact = Object.create(null);
  var factButtons = Object.create(null);
  var active = null;
  var lit = [];

  function push(map, key, el) { (map[key] || (map[key] = [])).push(el); }

  panes.forEach(function (pane, d) {
    var segs = pane.querySelectorAll(".seg");
    for (var i = 0; i < segs.length; i++) {
      var el = segs[i];
      var p = el.getAttribute("data-p");
      var f = el.getAttribute("data-f");
      if (p) { p.split(" ").forEach(function (k) { push(byPassage[d], k, el); }); }
      if (f) { f.split(" ").forEach(function (k) { push(byFact, k, el); }); }
    }
  });

  function scrollPane(pane, el) {
    var top = el.offsetTop - pane.clientHeight / 3;
    pane.scrollTo({top: Math.max(0, top), behavior: reduce ? "auto" : "smooth"});
  }

  function flash(els) {
    els.forEach(function (el) {
      el.classList.remove("flash");
      void el.offsetWidth;
      el.classList.add("flash");
    });
  }
  document.addEventListener("animationend", function (e) {
    if (e.target && e.target.classList) { e.target.classList.remove("flash"); }
  });

  function clearActive() {
    lit.forEach(function (el) { el.classList.remove("active"); });
    lit = [];
    active = null;
    detail.textContent = detailHint;
  }

  function firstFrom(els, start) {
    for (var i = 0; i < els.length; i++) {
      if (+els[i].getAttribute("data-o") >= start) { return els[i]; }
    }
    return els[0];
  }

  function button(text, cls, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function showPassage(pid) {
    var p = data.passages[+pid];
    detail.textContent = "";
    if (!p) { return; }
    var head = document.createElement("strong");
    head.textContent = "Passage #" + (+pid + 1) + " \u00b7 " + (LABELS[p.kind] || String(p.kind)) +
      " \u00b7 score " + Number(p.score).toFixed(2);
    detail.appendChild(head);
    if (p.reasons && p.reasons.length) {
      var why = document.createElement("span");
      why.className = "why";
      why.textContent = " \u2014 " + p.reasons.join("; ");
      detail.appendChild(why);
    }
    p.spans.forEach(function (side, d) {
      side.forEach(function (r) {
        detail.appendChild(button(LETTERS[d] + " " + r[0] + "\u2013" + r[1], "range", function () {
          var els = byPassage[d][pid];
          if (els && els.length) {
            var el = firstFrom(els, r[0]);
            scrollPane(panes[d], el);
            flash([el]);
          }
        }));
      });
    });
    detail.appendChild(button("Clear \u00d7", "close", clearActive));
  }

  function select(pid, from) {
    lit.forEach(function (el) { el.classList.remove("active"); });
    lit = [];
    active = pid;
    [0, 1].forEach(function (d) {
      (byPassage[d][pid] || []).forEach(function (el) {
        el.classList.add("active");
        lit.push(el);
      });
    });
    var other = 1 - from;
    var els = byPassage[other][pid];
    if (els && els.length) { scrollPane(panes[other], els[0]); }
    showPassage(pid);
  }

  function showFact(fid) {
    var els = byFact[fid];
    var b = factButtons[fid];
    if (!els || !els.length || !b) { return; }
    scrollPane(panes[+b.getAttribute("data-doc")], els[0]);
    flash(els);
  }

  panes.forEach(function (pane, d) {
    pane.addEventListener("click", function (e) {
      var sel = window.getSelection && window.getSelection();
      if (sel && !sel.isCollapsed) { return; }
      var el = e.target && e.target.closest ? e.target.closest(".seg") : null;
      if (!el) { return; }
      var p = el.getAttribute("data-p");
      if (p) {
        var ids = p.split(" ");
        var i = ids.indexOf(active);
        select(ids[i >= 0 ? (i + 1) % ids.length : 0], d);
        return;
      }
      var f = el.getAttribute("data-f");
      if (f) {
        var b = factButtons[f.split(" ")[0]];
        if (b) {
          b.scrollIntoView({block: "nearest", behavior: reduce ? "auto" : "smooth"});
          flash([b]);
        }
      }
    });
  });

  var refs = document.querySelectorAll(".fref");
  for (var i = 0; i < refs.length; i++) {
    (function (b) {
      var fid = b.getAttribute("data-fid");
      if (!(fid in factButtons)) { factButtons[fid] = b; }
      if (!byFact[fid]) { b.disabled = true; return; }
      b.addEventListener("click", function () { showFact(fid); });
    })(refs[i]);
  }

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { clearActive(); }
  });
})();
"""

_CSP_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_JS.encode("utf-8")).digest()).decode("ascii")
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    f"script-src 'sha256-{_CSP_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
)


def _esc(value: object) -> str:
    return escape(str(value), quote=True)


def _script_json(obj: Any) -> str:
    """JSON that is inert inside a ``<script type="application/json">`` element."""
    s = json.dumps(obj, ensure_ascii=False)
    return (
        s.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _kind_css(kind: str) -> str:
    return kind if kind in PASSAGE_KINDS else "other"


def _kind_label(kind: str) -> str:
    return _KIND_LABELS.get(kind, kind)


class _Renderer:
    def __init__(self, c: Comparison, title: str | None) -> None:
        self.c = c
        self.title = title
        # Every fact shown gets an id: (fact, status).
        self.facts: list[tuple[Fact, str]] = []
        self.fact_ids: dict[int, int] = {}  # id(Fact object) -> first fact id
        fd = c.facts
        for link in fd.changed:
            self._add_fact(link.source, "changed")
            self._add_fact(link.derived, "changed")
        for f in fd.added:
            self._add_fact(f, "added")
        for f in fd.dropped:
            self._add_fact(f, "dropped")
        for link in fd.kept:
            self._add_fact(link.source, "kept")
            self._add_fact(link.derived, "kept")
        self._attr_cache: dict[tuple[tuple[int, ...], tuple[int, ...]], str] = {}

    def _add_fact(self, f: Fact, status: str) -> None:
        if id(f) not in self.fact_ids:
            self.fact_ids[id(f)] = len(self.facts)
            self.facts.append((f, status))

    # -- marked-up document text ---------------------------------------------------

    def _seg_attrs(self, pids: tuple[int, ...], fids: tuple[int, ...]) -> str:
        key = (pids, fids)
        cached = self._attr_cache.get(key)
        if cached is not None:
            return cached
        classes = ["seg"]
        titles: list[str] = []
        attrs = ""
        if pids:
            classes.append("k-" + _kind_css(self.c.passages[pids[0]].kind))
            if len(pids) > 1:
                classes.append("multi")
            attrs += f' data-p="{" ".join(map(str, pids))}"'
            for pid in pids[:_TITLE_ITEMS]:
                p = self.c.passages[pid]
                why = f" ({'; '.join(p.reasons)})" if p.reasons else ""
                titles.append(f"#{pid + 1} {_kind_label(p.kind)} · score {p.score:.2f}{why}")
            if len(pids) > _TITLE_ITEMS:
                titles.append(f"+{len(pids) - _TITLE_ITEMS} more passages")
        if fids:
            status = min((self.facts[f][1] for f in fids), key=lambda s: _FACT_STATUS_PRIORITY[s])
            classes += ["fact", "f-" + status]
            attrs += f' data-f="{" ".join(map(str, fids))}"'
            for fid in fids[:_TITLE_ITEMS]:
                fact, st = self.facts[fid]
                titles.append(f"{st} {fact.kind}: {fact.text}")
            if len(fids) > _TITLE_ITEMS:
                titles.append(f"+{len(fids) - _TITLE_ITEMS} more facts")
        out = f'class="{" ".join(classes)}"{attrs} title="{_esc(chr(10).join(titles))}"'
        self._attr_cache[key] = out
        return out

    def _markup(self, d: int) -> str:
        text = self.c.documents[d].text
        n = len(text)
        opens: dict[int, list[tuple[bool, int]]] = defaultdict(list)
        closes: dict[int, list[tuple[bool, int]]] = defaultdict(list)

        def mark(start: int, end: int, is_passage: bool, ident: int) -> None:
            s, e = max(0, min(start, n)), max(0, min(end, n))
            if e > s:
                opens[s].append((is_passage, ident))
                closes[e].append((is_passage, ident))

        sizes: dict[int, int] = {}
        for pid, p in enumerate(self.c.passages):
            for s, e in p.spans[d]:
                mark(s, e, True, pid)
            sizes[pid] = p.chars(d)
        for fid, (f, _status) in enumerate(self.facts):
            if f.doc == d:
                mark(f.span[0], f.span[1], False, fid)

        def pkey(pid: int) -> tuple[int, int, int]:
            kind = _kind_css(self.c.passages[pid].kind)
            return (_KIND_PRIORITY[kind], sizes[pid], pid)

        bounds = sorted({0, n, *opens, *closes})
        active_p: dict[int, int] = {}
        active_f: dict[int, int] = {}
        out: list[str] = []
        for i in range(len(bounds) - 1):
            b = bounds[i]
            for is_p, ident in closes.get(b, ()):
                active = active_p if is_p else active_f
                active[ident] -= 1
                if not active[ident]:
                    del active[ident]
            for is_p, ident in opens.get(b, ()):
                active = active_p if is_p else active_f
                active[ident] = active.get(ident, 0) + 1
            chunk = _esc(text[b : bounds[i + 1]])
            if not active_p and not active_f:
                out.append(chunk)
                continue
            pids = tuple(sorted(active_p, key=pkey))
            fids = tuple(sorted(active_f))
            out.append(f'<span {self._seg_attrs(pids, fids)} data-o="{b}">{chunk}</span>')
        return "".join(out)

    # -- page parts ----------------------------------------------------------------

    def _doc_label(self, d: int) -> str:
        return f"{_LETTERS[d]} · {self.c.documents[d].id}"

    def _summary(self) -> str:
        c = self.c
        verdict_css = c.verdict if c.verdict in _VERDICT_LABELS else "other"
        verdict = _VERDICT_LABELS.get(c.verdict, c.verdict)
        source_value = "Not established"
        if c.source in (0, 1):
            source_value = _esc(self._doc_label(c.source))
        cov_rows = []
        for d in (0, 1):
            frac = min(max(float(c.coverage[d]), 0.0), 1.0) if len(c.coverage) > d else 0.0
            doc_id = c.documents[d].id
            cov_rows.append(
                f'<span title="{_esc(doc_id)}">{_LETTERS[d]}</span>'
                f'<span class="meter" role="img" aria-label="{_esc(doc_id)}: {frac:.1%}">'
                f'<span style="width:{frac * 100:.2f}%"></span></span>'
                f"<span>{frac:.1%}</span>"
            )
        kinds: dict[str, int] = defaultdict(int)
        for p in c.passages:
            kinds[_kind_css(p.kind)] += 1
        kind_summary = ", ".join(
            f"{kinds[k]} {_kind_label(k).lower()}" for k in _KIND_PRIORITY if kinds.get(k)
        )
        parts = [
            '<header class="summary">',
            '<div class="title-row">',
            f"<h1>{_esc(self._title())}</h1>",
            '<span class="tool">textlineage report</span>',
            "</div>",
            '<div class="cards">',
            f'<div class="card verdict v-{_esc(verdict_css)}"><div class="label">Verdict</div>'
            f'<div class="value">{_esc(verdict)}</div></div>',
            '<div class="card"><div class="label">Source</div>'
            f'<div class="value">{source_value}</div>'
            f'<div class="sub">confidence {c.confidence:.2f}</div></div>',
            '<div class="card"><div class="label">Coverage (text inside reused passages)</div>'
            f'<div class="cov">{"".join(cov_rows)}</div></div>',
            '<div class="card"><div class="label">Passages</div>'
            f'<div class="value">{len(c.passages)}</div>'
            f'<div class="sub">{_esc(kind_summary) or "none"}</div></div>',
            "</div>",
        ]
        if c.reasons:
            items = "".join(f"<li>{_esc(r)}</li>" for r in c.reasons)
            parts.append(f'<ul class="reasons" aria-label="Reasons">{items}</ul>')
        parts.append("</header>")
        return "".join(parts)

    def _title(self) -> str:
        if self.title is not None:
            return self.title
        a, b = self.c.documents
        return f"{a.id} ↔ {b.id}"

    def _legend(self) -> str:
        counts: dict[str, int] = defaultdict(int)
        for p in self.c.passages:
            counts[_kind_css(p.kind)] += 1
        kinds = list(PASSAGE_KINDS) + (["other"] if counts.get("other") else [])
        items = []
        for k in kinds:
            items.append(
                f'<span class="item" title="{_esc(_KIND_HELP[k])}">'
                f'<span class="sw k-{k}">{_esc(_KIND_LABELS[k])}</span>'
                f'<span class="count">{counts.get(k, 0)}</span></span>'
            )
        items.append('<span class="sep"></span>')
        for status, label in (
            ("changed", "fact changed"),
            ("added", "fact added"),
            ("dropped", "fact dropped"),
            ("kept", "fact kept"),
        ):
            items.append(f'<span class="item"><span class="fact f-{status}">{label}</span></span>')
        return f'<div class="legend" aria-label="Legend">{"".join(items)}</div>'

    def _doc_pane(self, d: int) -> str:
        c = self.c
        doc = c.documents[d]
        role = ""
        if c.source in (0, 1):
            role = (
                '<span class="role source">source</span>'
                if c.source == d
                else '<span class="role">derived</span>'
            )
        meta = ""
        if doc.meta:
            rows = "".join(f"<dt>{_esc(k)}</dt><dd>{_esc(v)}</dd>" for k, v in doc.meta.items())
            meta = f'<details class="meta"><summary>metadata</summary><dl>{rows}</dl></details>'
        return (
            f'<section class="doc" aria-label="Document {_LETTERS[d]}">'
            f'<div class="doc-head"><span class="letter">{_LETTERS[d]}</span>'
            f'<span class="id">{_esc(doc.id)}</span>'
            f'<span class="chars">{doc.chars:,} chars</span>{role}{meta}</div>'
            f'<div class="pane" id="pane-{d}" tabindex="0" dir="auto">{self._markup(d)}</div>'
            "</section>"
        )

    def _fref(self, f: Fact) -> str:
        fid = self.fact_ids[id(f)]
        doc = f.doc if f.doc in (0, 1) else 0
        status = self.facts[fid][1]
        where = f"{_LETTERS[doc]} {f.span[0]}–{f.span[1]}"
        return (
            f'<button type="button" class="fref fact f-{status}" data-fid="{fid}"'
            f' data-doc="{doc}" title="{_esc(where)}">{_esc(f.text)}</button>'
        )

    def _facts(self) -> str:
        fd = self.c.facts
        kind = '<span class="kind">{}</span>'

        def link_item(link: FactLink, arrow: str) -> str:
            note = f'<span class="note">{_esc(link.note)}</span>' if link.note else ""
            return (
                f"<li>{kind.format(_esc(link.kind))}{self._fref(link.source)}"
                f'<span class="arrow">{arrow}</span>{self._fref(link.derived)}{note}</li>'
            )

        def section(name: str, items: list[str]) -> str:
            if not items:
                return ""
            return f"<h3>{name} ({len(items)})</h3><ul>{''.join(items)}</ul>"

        body = [
            f'<div class="summary-counts">{_letter(fd.source_doc)} → {_letter(fd.derived_doc)}'
            f" · changed {len(fd.changed)} · added {len(fd.added)} · dropped {len(fd.dropped)}"
            f" · kept {len(fd.kept)}</div>",
            section("Changed", [link_item(link, "→") for link in fd.changed]),
            section(
                "Added",
                [f"<li>{kind.format(_esc(f.kind))}{self._fref(f)}</li>" for f in fd.added],
            ),
            section(
                "Dropped",
                [f"<li>{kind.format(_esc(f.kind))}{self._fref(f)}</li>" for f in fd.dropped],
            ),
        ]
        if fd.kept:
            items = "".join(link_item(link, "=") for link in fd.kept)
            body.append(
                f'<details><summary><h3 class="inline">Kept ({len(fd.kept)})</h3>'
                f"</summary><ul>{items}</ul></details>"
            )
        if not (fd.changed or fd.added or fd.dropped or fd.kept):
            body.append('<p class="empty">No facts found.</p>')
        return (
            '<aside class="facts" aria-label="Fact changes"><h2>Fact changes</h2>'
            f'<div class="body">{"".join(body)}</div></aside>'
        )

    def render(self) -> str:
        c = self.c
        data = c.to_json(include_text=False)
        return "".join(
            [
                "<!DOCTYPE html>\n",
                '<html lang="en"><head><meta charset="utf-8">',
                f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                '<meta name="referrer" content="no-referrer">',
                f"<title>{_esc(self._title())}</title>",
                f'<style>{_CSS}</style></head><body><div class="wrap">',
                self._summary(),
                self._legend(),
                '<div class="detail" id="detail" aria-live="polite">'
                "Click a highlighted passage to jump to its counterpart in the other document;"
                " click a fact to find it in its text. Esc clears.</div>",
                '<main class="grid">',
                self._doc_pane(0),
                self._doc_pane(1),
                self._facts(),
                "</main>",
                f"<footer>textlineage · schema {_esc(data.get('schema_version', ''))}</footer>",
                "</div>",
                f'<script type="application/json" id="tl-data">{_script_json(data)}</script>',
                f"<script>{_JS}</script>",
                "</body></html>\n",
            ]
        )


def render_html(c: Comparison, *, title: str | None = None) -> str:
    """Render ``c`` as one self-contained HTML page (no external resources)."""
    return _Renderer(c, title).render()
