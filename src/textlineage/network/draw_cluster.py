"""A cluster's timeline as a small SVG: who published when, and who was made from whom.

One row per dated member, in the cluster's time order: its site and title on the left,
a dot at its publication date coloured by its link in the lineage (:mod:`.lineage`),
and an arrow from its parent's dot to its own (dashed for a mirror). Undated members
cannot be placed on a time axis: they are counted in a note, and the page lists them.

The drawing reads a cluster *record* (a line of ``clusters.jsonl``, or what
:meth:`textlineage.corpus.index.Corpus.cluster` returns), so it needs no index. The output
is deterministic and self-contained: no script, no link, no external reference, every
text from the documents escaped and its bidi controls neutralised
(:func:`.strings.svg_text`), presentation attributes instead of inline styles (a page's
Content-Security-Policy may forbid those), so it can be written into a page as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from ..text.dates import parse_date
from .lineage import LINK_KINDS
from .strings import plural, svg_text

__all__ = ["KIND_COLOURS", "date_ticks", "render_cluster_timeline"]

KIND_COLOURS: Mapping[str, str] = {
    "origin": "#d55e00",
    "derived": "#0072b2",
    "mirror": "#009e73",
    "unplaced": "#8a8a8a",
}
"""Fill of a member's dot by its link kind (colour-blind safe, Okabe–Ito)."""

_ROW = 22.0
_TOP = 46.0
_LABEL_WIDTH = 300.0
_LABEL_CHARS = 44


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(limit - 1, 1)].rstrip() + "…"


def _add_months(d: date, months: int) -> date:
    n = d.year * 12 + d.month - 1 + months
    return date(n // 12, n % 12 + 1, 1)


def date_ticks(lo: date, hi: date, most: int = 8) -> list[tuple[date, str]]:
    """Round dates between ``lo`` and ``hi`` for an axis, at most ``most`` of them (at
    least one): every day, 2 days or week from ``lo``; else the first of every 1, 2, 3 or
    6 months; else the first of January every 1, 2, 5, … years. Labels say only as much
    as the step needs (``2021-03-05``, ``2021-03``, ``2021``)."""
    days = (hi - lo).days
    for step in (1, 2, 7, 14):
        if days // step + 1 <= most:
            return [
                (d, d.isoformat())
                for d in (lo + timedelta(days=k * step) for k in range(days // step + 1))
            ]
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    for step in (1, 2, 3, 6):
        if months // step + 1 <= most:
            first = _add_months(lo, 0 if lo.day == 1 else 1)
            first = _add_months(first, (-(first.month - 1)) % step)
            out = []
            d = first
            while d <= hi:
                out.append((d, f"{d.year:04d}-{d.month:02d}"))
                d = _add_months(d, step)
            return out or [(lo, lo.isoformat())]
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if (hi.year - lo.year) // step + 1 <= most:
            break
    start = -(-(lo.year if (lo.month, lo.day) == (1, 1) else lo.year + 1) // step) * step
    years = range(max(start, 1), hi.year + 1, step)
    return [(date(y, 1, 1), f"{y:04d}") for y in years] or [(lo, lo.isoformat())]


def _member_name(m: Mapping[str, Any]) -> str:
    return str(m.get("title") or m.get("ext_id") or m.get("doc_id", ""))


def _tip(m: Mapping[str, Any]) -> str:
    where = ", ".join(str(x) for x in (m.get("site"), m.get("date")) if x)
    out = f"{_member_name(m)} ({m.get('ext_id', '')})" + (f" — {where}" if where else "")
    out += f": {m.get('link') or 'member'}"
    if m.get("parent"):
        out += f" of {m['parent']}"
    if m.get("parent_reason"):
        out += f". {m['parent_reason']}"
    return out


def _link_path(p: tuple[float, float], c: tuple[float, float], r: float) -> str:
    """From the parent's dot down (or up) to the child's row, then along it into the
    child's dot; a straight line when the two are nearly above each other."""
    (xp, yp), (xc, yc) = p, c
    vs = 1.0 if yc >= yp else -1.0
    if abs(xc - xp) < 2 * r + 6:
        return f"M{xp:.1f},{yp + vs * r:.1f} L{xc:.1f},{yc - vs * (r + 2):.1f}"
    hs = 1.0 if xc > xp else -1.0
    bend = min(8.0, abs(yc - yp) / 2)
    return (
        f"M{xp:.1f},{yp + vs * r:.1f} L{xp:.1f},{yc - vs * bend:.1f}"
        f" Q{xp:.1f},{yc:.1f} {xp + hs * bend:.1f},{yc:.1f} L{xc - hs * (r + 2):.1f},{yc:.1f}"
    )


def render_cluster_timeline(
    record: Mapping[str, Any], *, width: int = 960, max_rows: int = 200
) -> str:
    """The timeline of one cluster record as an SVG element (see the module's description).

    Each dated member's dot is a ``circle`` of class ``tl-mark`` with its link kind in
    ``data-link``; members past ``max_rows`` are left out with a note.
    """
    members: Sequence[Mapping[str, Any]] = record.get("members") or []
    cid = str(record.get("id")) if isinstance(record.get("id"), int) else "0"
    rows = [(m, d) for m in members if (d := parse_date(str(m.get("date") or ""))) is not None]
    undated = len(members) - len(rows)
    drawn = rows[: max(max_rows, 0)]
    notes = []
    if undated:
        notes.append(f"{plural(undated, 'undated member')} not drawn")
    if len(rows) > len(drawn):
        notes.append(f"{len(rows) - len(drawn)} more dated members not drawn")

    x0, x1 = _LABEL_WIDTH + 20.0, width - 24.0
    if drawn:
        lo, hi = min(d for _, d in drawn), max(d for _, d in drawn)
    else:
        lo = hi = date(2000, 1, 1)
    span = (hi - lo).days
    pad = max(span * 0.04, 1.0) if span else 1.0
    left, right = lo.toordinal() - pad, hi.toordinal() + pad

    def x_of(d: date) -> float:
        return x0 + (d.toordinal() - left) / (right - left) * (x1 - x0)

    legend_y = _TOP + len(drawn) * _ROW + 18
    height = int(legend_y + 30 + (16 if notes else 0))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cluster-timeline" width="{width}"'
        f' height="{height}" viewBox="0 0 {width} {height}" role="img"'
        f' aria-label="Timeline of cluster {cid}: who published when"'
        ' font-family="system-ui, Helvetica, Arial, sans-serif" font-size="12">',
        f"<title>Timeline of cluster {cid}</title>",
        "<defs>",
    ]
    for kind in LINK_KINDS:
        out.append(
            f'<marker id="tl{cid}-arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5"'
            ' markerWidth="7" markerHeight="7" orient="auto">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{KIND_COLOURS[kind]}"/></marker>'
        )
    out.append("</defs>")
    out.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>')

    # Row bands, then the axis with its ticks and grid lines.
    bottom = _TOP + len(drawn) * _ROW
    out.append('<g fill="#f3f5f8">')
    for i in range(0, len(drawn), 2):
        out.append(f'<rect x="0" y="{_TOP + i * _ROW:.1f}" width="{width}" height="{_ROW:.1f}"/>')
    out.append("</g>")
    if drawn:
        out.append('<g class="axis" fill="#444" text-anchor="middle">')
        out.append(f'<path d="M{x0:.1f},{_TOP - 6:.1f} L{x1:.1f},{_TOP - 6:.1f}" stroke="#999"/>')
        for d, label in date_ticks(lo, hi):
            x = x_of(d)
            out.append(
                f'<path d="M{x:.1f},{_TOP - 10:.1f} L{x:.1f},{bottom:.1f}" stroke="#d5dae1"'
                ' stroke-dasharray="2 3"/>'
            )
            out.append(f'<text x="{x:.1f}" y="{_TOP - 16:.1f}">{svg_text(label)}</text>')
        out.append("</g>")

    # Labels: site, then title (or id).
    where: dict[int, tuple[float, float]] = {}
    out.append('<g class="labels" fill="#222">')
    for i, (m, d) in enumerate(drawn):
        y = _TOP + i * _ROW + _ROW / 2
        where[int(m.get("doc_id", 0))] = (x_of(d), y)
        site = _cut(str(m.get("site") or "(no site)"), 22)
        name = _cut(_member_name(m), max(_LABEL_CHARS - len(site) - 2, 8))
        out.append(
            f'<text x="10" y="{y + 4:.1f}"><tspan font-weight="600">{svg_text(site)}</tspan>'
            f'<tspan fill="#666"> {svg_text(name)}</tspan></text>'
        )
    out.append("</g>")

    # Links from parent to child, under the dots.
    out.append('<g class="links" fill="none" stroke-width="1.5">')
    for m, _ in drawn:
        kind = str(m.get("link") or "")
        parent = m.get("parent_doc_id")
        if parent is None or int(parent) not in where or kind not in KIND_COLOURS:
            continue
        dash = ' stroke-dasharray="4 3"' if kind == "mirror" else ""
        out.append(
            f'<path d="{_link_path(where[int(parent)], where[int(m.get("doc_id", 0))], 6.0)}"'
            f' stroke="{KIND_COLOURS[kind]}"{dash} marker-end="url(#tl{cid}-arrow-{kind})"/>'
        )
    out.append("</g>")

    out.append('<g class="marks" stroke="#ffffff" stroke-width="1.5">')
    for m, _ in drawn:
        kind = str(m.get("link") or "")
        x, y = where[int(m.get("doc_id", 0))]
        fill = KIND_COLOURS.get(kind, "#555555")
        r = 7.0 if kind == "origin" else 5.5
        out.append(
            f'<circle class="tl-mark" data-link="{svg_text(kind)}" cx="{x:.1f}" cy="{y:.1f}"'
            f' r="{r}" fill="{fill}"><title>{svg_text(_tip(m))}</title></circle>'
        )
    out.append("</g>")
    out.extend(_legend(legend_y, {str(m.get("link")) for m, _ in drawn}, cid))
    if notes:
        out.append(
            f'<text x="10" y="{legend_y + 30:.1f}" fill="#666">{svg_text("; ".join(notes))}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)


def _legend(y: float, kinds: set[str], cid: str) -> list[str]:
    out = [f'<g class="legend" fill="#333" transform="translate(10,{y:.1f})">']
    x = 0.0
    for kind in LINK_KINDS:
        if kind not in kinds:
            continue
        label = kind
        out.append(f'<circle cx="{x + 6:.1f}" cy="0" r="5.5" fill="{KIND_COLOURS[kind]}"/>')
        out.append(f'<text x="{x + 16:.1f}" y="4">{svg_text(label)}</text>')
        x += 28 + 6.4 * len(label)
    out.append(
        f'<path d="M{x:.1f},0 L{x + 30:.1f},0" stroke="#555" stroke-width="1.5"'
        f' marker-end="url(#tl{cid}-arrow-unplaced)"/>'
    )
    out.append(
        f'<text x="{x + 38:.1f}" y="4">parent → what was made from it (dashed: a mirror)</text>'
    )
    out.append("</g>")
    return out
