"""Reports of a corpus search: terminal text, JSON, and an HTML page of ranked hits."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .html import environment
from .segments import neutralise
from .text import clean, cut, excerpt

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
    if d.language:
        parts.append(d.language)
    return " · ".join(clean(p) for p in parts)


def render_search_text(r: SearchResult, *, width: int = 100) -> str:
    lines = [
        f"query  {clean(r.query.id)}  {r.query.chars:,} chars"
        + (f", {clean(r.language)}" if r.language else ""),
        f"{len(r.hits)} related document(s) among {r.candidates} candidate(s), "
        f"{r.timings.get('total', 0) * 1000:.0f} ms",
        "",
    ]
    for rank, h in enumerate(r.hits, 1):
        c = h.comparison
        lines.append(f"{rank}. {cut(_label(h), width - 4)}")
        if h.doc.title:
            lines.append(f"   {cut(clean(h.doc.title), width - 3)}")
        lines.append(
            f"   {c.verdict}, {_DIRECTION[h.direction]}"
            + (f" (confidence {c.confidence:.2f})" if c.source is not None else "")
        )
        lines.append(
            f"   reused: {c.coverage[0]:.0%} of the query, {c.coverage[1]:.0%} of the hit; "
            f"{len(c.passages)} passage(s)"
        )
        for p in sorted(c.passages, key=lambda p: -p.chars(0))[:2]:
            lines.append(f"   [{p.kind}] {excerpt(c.documents[0].text, p.spans[0], width - 20)}")
        lines.append("")
    if not r.hits:
        lines.append("no indexed document shares reused text with the query")
    return "\n".join(lines).rstrip() + "\n"


def render_search_html(r: SearchResult) -> str:
    """A self-contained page of ranked hits, rendered from ``templates/search.html``.

    Autoescaped like the comparison report, and every string from the documents has its
    bidi controls replaced (:func:`.segments.neutralise`), so that no hit can inject
    markup or reorder what the page shows.
    """
    hits = []
    for rank, h in enumerate(r.hits, 1):
        c = h.comparison
        d = h.doc
        top = sorted(c.passages, key=lambda p: -p.chars(0))[:3]
        hits.append(
            {
                "rank": rank,
                "id": neutralise(d.ext_id),
                "url": neutralise(d.url) if d.url.startswith(("http://", "https://")) else "",
                "site": neutralise(d.site),
                "date": neutralise(d.date),
                "language": neutralise(d.language),
                "title": neutralise(d.title),
                "verdict": neutralise(c.verdict),
                "direction": _DIRECTION[h.direction],
                "query_coverage": f"{c.coverage[0]:.0%}",
                "hit_coverage": f"{c.coverage[1]:.0%}",
                "passages": [
                    {
                        "kind": neutralise(p.kind),
                        "excerpt": neutralise(excerpt(c.documents[0].text, p.spans[0], 160)),
                    }
                    for p in top
                ],
            }
        )
    page = environment().get_template("search.html")
    return page.render(query=neutralise(r.query.id), hits=hits, candidates=r.candidates)
