"""Reports of a corpus search: terminal text, JSON, and an HTML page of ranked hits."""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING

from .text import _clean, _cut, _excerpt

if TYPE_CHECKING:
    from ..corpus.index import SearchHit, SearchResult

_DIRECTION = {
    "hit_is_source": "the hit is the source (the query reuses it)",
    "query_is_source": "the query is the source (the hit reuses it)",
    "unknown": "direction unknown",
}


def render_search_json(r: SearchResult, *, indent: int | None = 2) -> str:
    return json.dumps(r.to_json(), ensure_ascii=False, indent=indent)


def _label(h: SearchHit) -> str:
    d = h.doc
    parts = [d.ext_id]
    if d.site:
        parts.append(d.site)
    if d.date:
        parts.append(d.date)
    return " · ".join(_clean(p) for p in parts)


def render_search_text(r: SearchResult, *, width: int = 100) -> str:
    lines = [
        f"query  {_clean(r.query.id)}  {r.query.chars:,} chars",
        f"{len(r.hits)} related document(s) among {r.candidates} candidate(s), "
        f"{r.timings.get('total', 0) * 1000:.0f} ms",
        "",
    ]
    for rank, h in enumerate(r.hits, 1):
        c = h.comparison
        lines.append(f"{rank}. {_cut(_label(h), width - 4)}")
        if h.doc.title:
            lines.append(f"   {_cut(_clean(h.doc.title), width - 3)}")
        lines.append(
            f"   {c.verdict}, {_DIRECTION[h.direction]}"
            + (f" (confidence {c.confidence:.2f})" if c.source is not None else "")
        )
        lines.append(
            f"   reused: {c.coverage[0]:.0%} of the query, {c.coverage[1]:.0%} of the hit; "
            f"{len(c.passages)} passage(s)"
        )
        for p in sorted(c.passages, key=lambda p: -p.chars(0))[:2]:
            lines.append(f"   [{p.kind}] {_excerpt(c.documents[0].text, p.spans[0], width - 20)}")
        lines.append("")
    if not r.hits:
        lines.append("no indexed document shares reused text with the query")
    return "\n".join(lines).rstrip() + "\n"


def render_search_html(r: SearchResult) -> str:
    """A self-contained page of ranked hits; every document string is escaped."""
    esc = html.escape
    rows = []
    for rank, h in enumerate(r.hits, 1):
        c = h.comparison
        d = h.doc
        url = esc(d.url, quote=True)
        link = (
            f'<a href="{url}" rel="noopener noreferrer">{esc(d.ext_id)}</a>'
            if d.url.startswith(("http://", "https://"))
            else esc(d.ext_id)
        )
        passages = "".join(
            f"<li><b>{esc(p.kind)}</b> {esc(_excerpt(c.documents[0].text, p.spans[0], 160))}</li>"
            for p in sorted(c.passages, key=lambda p: -p.chars(0))[:3]
        )
        rows.append(
            f"<section><h2>{rank}. {link}</h2>"
            f"<p class=meta>{esc(d.site)} {esc(d.date)} {esc(d.title)}</p>"
            f"<p><b>{esc(c.verdict)}</b> — {esc(_DIRECTION[h.direction])}; reused "
            f"{c.coverage[0]:.0%} of the query, {c.coverage[1]:.0%} of the hit</p>"
            f"<ul>{passages}</ul></section>"
        )
    body = "".join(rows) or "<p>No indexed document shares reused text with the query.</p>"
    return (
        "<!doctype html><html><head><meta charset=utf-8>"
        "<meta http-equiv=Content-Security-Policy content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>textlineage search: {esc(r.query.id)}</title><style>"
        "body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#222}"
        "section{border-top:1px solid #ddd;padding:.5rem 0}.meta{color:#666;margin:0}"
        "h2{font-size:1.05rem;margin:.3rem 0}</style></head><body>"
        f"<h1>Where did “{esc(r.query.id)}” come from?</h1>"
        f"<p>{len(r.hits)} related document(s) among {r.candidates} candidate(s).</p>"
        f"{body}</body></html>"
    )
