"""A self-contained SVG picture of the site network: a deterministic force-directed layout,
labels nudged apart, every text escaped.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..outputs import write_text
from .graph import SiteNetwork
from .strings import plural, short_number, svg_text

__all__ = ["edge_label", "render_network_svg", "write_network_svg"]

_SOURCE_RGB = (0x2B, 0x6C, 0xB0)  # mostly copied from
_COPIER_RGB = (0xE0, 0x7B, 0x1F)  # mostly copying


def _layout(
    n: int,
    edges: Sequence[tuple[int, int, float]],
    mass: Sequence[float] | None = None,
    seed: int = 7,
) -> np.ndarray:
    """Deterministic force-directed positions in the unit square (Fruchterman–Reingold).

    Starts from a circle ordered as given (most involved first) with a small seeded jitter,
    pulls linked sites together (more with more documents), pushes heavy sites (``mass``,
    1 to 3) further apart so that hubs do not pile up, and keeps a weak pull to the centre so
    that unconnected groups stay on the canvas. (networkx's ``spring_layout`` has neither
    masses nor, in its default method, gravity: there the small unconnected groups that
    site networks are full of collapse into lines.)
    """
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.array([[0.5, 0.5]])
    rng = np.random.default_rng(seed)
    angle = 2 * np.pi * np.arange(n) / n
    pos = np.column_stack([np.cos(angle), np.sin(angle)]) * 0.5
    pos += rng.normal(scale=0.02, size=pos.shape)
    weight = np.zeros((n, n))
    for i, j, w in edges:
        if i != j:
            weight[i, j] += w
            weight[j, i] += w
    if weight.max() > 0:
        weight = np.sqrt(weight / weight.max())
    m = np.ones(n) if mass is None else np.asarray(mass, dtype=float)
    heavy = np.outer(m, m)
    k = 1.0 / math.sqrt(n)
    temperature = 0.1
    iterations = 300
    for step in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta**2).sum(-1)) + 1e-9
        np.fill_diagonal(dist, 1.0)
        repulse = (heavy * k * k / dist**2)[:, :, None] * delta
        attract = -(weight * dist / k)[:, :, None] * delta
        force = (repulse + attract).sum(1)
        force -= 0.08 * pos / k  # gravity
        length = np.sqrt((force**2).sum(-1, keepdims=True)) + 1e-9
        pos += force / length * np.minimum(length, temperature)
        temperature = 0.1 * (1 - step / iterations) + 0.002
    pos -= pos.min(0)
    span = pos.max(0)
    flat = span < 1e-6
    pos = pos / np.where(flat, 1.0, span)
    pos[:, flat] = 0.5
    return pos


def _boxes(
    xy: np.ndarray, radius: Sequence[float], labels: Sequence[str], right: Sequence[bool]
) -> np.ndarray:
    """Bounding boxes (x0, y0, x1, y1) of each node with its label (12 px sans-serif)."""
    boxes = np.zeros((len(labels), 4))
    for i, (label, r, on_right) in enumerate(zip(labels, radius, right, strict=True)):
        x, y = xy[i]
        text = 4.0 + 6.8 * len(label)
        half = max(r, 8.0)
        x0, x1 = (x - r, x + r + text) if on_right else (x - r - text, x + r)
        boxes[i] = (x0, y - half, x1, y + half)
    return boxes


def _separate(
    xy: np.ndarray,
    radius: Sequence[float],
    labels: Sequence[str],
    right: Sequence[bool],
    bounds: tuple[float, float, float, float],
    iterations: int = 200,
) -> np.ndarray:
    """Nudge nodes until no two node-plus-label boxes overlap (or give up), inside bounds.

    Each overlapping pair moves apart along the axis where the overlap is smaller, so a
    label is more often cleared by a small vertical step than by a long horizontal one.
    """
    xy = xy.astype(float).copy()
    n = len(labels)
    gap = 3.0
    for _ in range(iterations):
        boxes = _boxes(xy, radius, labels, right)
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                ox = min(boxes[i, 2], boxes[j, 2]) - max(boxes[i, 0], boxes[j, 0]) + gap
                oy = min(boxes[i, 3], boxes[j, 3]) - max(boxes[i, 1], boxes[j, 1]) + gap
                if ox <= 0 or oy <= 0:
                    continue
                moved = True
                if oy <= ox:
                    sign = 1.0 if xy[j, 1] >= xy[i, 1] else -1.0
                    step = np.array([0.0, sign * oy / 2])
                else:
                    ci, cj = (boxes[i, 0] + boxes[i, 2]) / 2, (boxes[j, 0] + boxes[j, 2]) / 2
                    sign = 1.0 if cj >= ci else -1.0
                    step = np.array([sign * ox / 2, 0.0])
                xy[i] -= step
                xy[j] += step
                boxes[i] = _boxes(xy[i : i + 1], [radius[i]], [labels[i]], [right[i]])[0]
                boxes[j] = _boxes(xy[j : j + 1], [radius[j]], [labels[j]], [right[j]])[0]
        # Keep every box on the canvas.
        boxes = _boxes(xy, radius, labels, right)
        x0, y0, x1, y1 = bounds
        xy[:, 0] += np.maximum(0.0, x0 - boxes[:, 0]) - np.maximum(0.0, boxes[:, 2] - x1)
        xy[:, 1] += np.maximum(0.0, y0 - boxes[:, 1]) - np.maximum(0.0, boxes[:, 3] - y1)
        if not moved:
            break
    return xy


def _truncate(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mix(t: float) -> str:
    rgb = [round(a + (b - a) * t) for a, b in zip(_SOURCE_RGB, _COPIER_RGB, strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def write_network_svg(path: str | Path, net: SiteNetwork, **options: Any) -> None:
    """Write :func:`render_network_svg` to ``path``."""
    write_text(path, render_network_svg(net, **options))


def render_network_svg(
    net: SiteNetwork,
    *,
    max_nodes: int = 60,
    max_edges: int = 250,
    include_same_site: bool = False,
    width: int = 1200,
    height: int = 900,
    title: str = "Site reuse network",
) -> str:
    """Draw the most involved sites and the reuse between them as a self-contained SVG.

    Nodes: sites, area by documents involved, colour from blue (mostly copied from) to
    orange (mostly copying). Arrows: source site → site that reused it, width by document
    pairs, labelled with the documents and the mirrors among them (:func:`edge_label`); the
    ``max_edges`` heaviest links among the drawn sites are shown. Same-site reuse
    is left out unless ``include_same_site``.
    """
    drawable = [e for e in net.edges if include_same_site or not e.same_site]
    linked = {e.source_site for e in drawable} | {e.derived_site for e in drawable}
    candidates = [s for s in net.sites if s.site in linked]
    shown = candidates[: max(0, max_nodes)]
    index = {s.site: i for i, s in enumerate(shown)}
    among = [e for e in drawable if e.source_site in index and e.derived_site in index]
    edges = among[: max(0, max_edges)]  # already heaviest first

    max_docs = max((s.docs for s in shown), default=1)
    pos = _layout(
        len(shown),
        [(index[e.source_site], index[e.derived_site], float(e.documents)) for e in edges],
        [1.0 + 2.0 * s.docs / max_docs for s in shown],
    )
    top, bottom, side = 90.0, 120.0, 170.0
    xy = np.column_stack(
        [side + pos[:, 0] * (width - 2 * side), top + pos[:, 1] * (height - top - bottom)]
    )
    radius = [5.0 + 17.0 * math.sqrt(s.docs / max_docs) for s in shown]
    labels = [_truncate(s.site) for s in shown]
    right = [bool(x >= width / 2) for x in xy[:, 0]]
    xy = _separate(
        xy, radius, labels, right, (24.0, top - 20.0, width - 24.0, height - bottom + 10.0)
    )
    max_w = max((e.documents for e in edges), default=1)

    def stroke(n: int) -> float:
        # Square-root scale up to 8 px; a network of single pairs keeps thin lines.
        return 1.0 + 7.0 * math.sqrt(n / max(max_w, 8))

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" role="img" aria-label="{svg_text(title)}"'
        ' font-family="Helvetica, Arial, sans-serif">',
        f"<title>{svg_text(title)}</title>",
        "<defs>",
        '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11"'
        ' markerHeight="11" markerUnits="userSpaceOnUse" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker>',
        "</defs>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="24" y="38" font-size="22" font-weight="bold" fill="#222">{svg_text(title)}</text>',
    ]
    hidden_sites = len(candidates) - len(shown)
    subtitle = f"{plural(len(shown), 'site')}, {plural(len(edges), 'link')}"
    notes = []
    if hidden_sites:
        notes.append(f"{hidden_sites} less involved sites not shown")
    if len(among) > len(edges):
        notes.append(f"{len(among) - len(edges)} weaker links not shown")
    if not include_same_site and any(e.same_site for e in net.edges):
        notes.append("reuse within a site not shown")
    if notes:
        subtitle += " (" + "; ".join(notes) + ")"
    out.append(f'<text x="24" y="62" font-size="13" fill="#555">{svg_text(subtitle)}</text>')

    # Edges, lightest first so heavy links sit on top; their weights are drawn later,
    # above the nodes, so that no circle hides a number.
    weights: list[tuple[tuple[float, float], str, str]] = []
    out.append('<g fill="none" stroke="#555" stroke-opacity="0.55">')
    for e in reversed(edges):
        i, j = index[e.source_site], index[e.derived_site]
        lag = (
            ""
            if e.median_lag_days is None
            else f", median lag {short_number(e.median_lag_days)} days"
        )
        tip = (
            f"{e.source_site} → {e.derived_site}: {plural(e.documents, 'document')},"
            f" {e.reused_chars} reused characters{lag}"
        )
        w = stroke(e.documents)
        if i == j:
            # A loop standing on top of the node, clear of its label on the side.
            x, y, r = xy[i, 0], xy[i, 1], radius[i]
            h = 2.2 * max(r, 10.0)
            d = (
                f"M{x - r * 0.5:.1f},{y - r * 0.87:.1f}"
                f" C{x - h:.1f},{y - r - h:.1f} {x + h:.1f},{y - r - h:.1f}"
                f" {x + r * 0.5:.1f},{y - r * 0.87 - 1.5:.1f}"
            )
            at = (x, y - r - 0.75 * h - 4)
        else:
            d, at = _curve(xy[i], xy[j], radius[i], radius[j])
        out.append(
            f'<path d="{d}" stroke-width="{w:.1f}" marker-end="url(#arrow)">'
            f"<title>{svg_text(tip)}</title></path>"
        )
        weights.append((at, edge_label(e.documents, e.mirrors), tip))
    out.append("</g>")

    # Nodes and labels.
    out.append('<g stroke="#ffffff" stroke-width="1.5">')
    for s, (x, y), r in zip(shown, xy, radius, strict=True):
        total = s.copied_from + s.copying
        share = s.copying / total if total else 0.5
        tip = (
            f"{s.site}: {plural(s.docs, 'document')} involved, copied from"
            f" {s.copied_from}×, copying {s.copying}×, within the site {s.self_reuse}×"
        )
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{_mix(share)}">'
            f"<title>{svg_text(tip)}</title></circle>"
        )
    out.append("</g>")
    out.append(
        '<g font-size="12" fill="#111" stroke="#ffffff" stroke-width="3"'
        ' stroke-linejoin="round" paint-order="stroke">'
    )
    for label, (x, y), r, on_right in zip(labels, xy, radius, right, strict=True):
        tx = x + r + 4 if on_right else x - r - 4
        anchor = "start" if on_right else "end"
        out.append(
            f'<text x="{tx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{svg_text(label)}</text>'
        )
    out.append("</g>")
    out.append(
        '<g class="weights" font-size="11" fill="#333" text-anchor="middle" stroke="#ffffff"'
        ' stroke-width="3" stroke-linejoin="round" paint-order="stroke">'
    )
    for (x, y), label, tip in weights:
        out.append(
            f'<text x="{x:.1f}" y="{y + 4:.1f}">{svg_text(label)}'
            f"<title>{svg_text(tip)}</title></text>"
        )
    out.append("</g>")
    out.extend(_legend(height, stroke, max_w))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def edge_label(documents: int, mirrors: int) -> str:
    """An arrow's weight as drawn on it: ``12`` documents, or ``12 (5 mirrors)`` when some
    of them are exact or near-exact copies."""
    if not mirrors:
        return str(documents)
    return f"{documents} ({plural(mirrors, 'mirror')})"


def _curve(p: np.ndarray, q: np.ndarray, rp: float, rq: float) -> tuple[str, tuple[float, float]]:
    """A gently bent path from circle p to circle q (bent to its right, so that the two
    directions between a pair of sites do not overlap), ending on q's rim; and the curve's
    middle point, where its weight is written."""
    v = q - p
    length = float(np.hypot(*v)) or 1.0
    normal = np.array([v[1], -v[0]]) / length
    ctrl = (p + q) / 2 + normal * min(0.15 * length, 60.0)
    a = ctrl - p
    b = ctrl - q
    start = p + a / (float(np.hypot(*a)) or 1.0) * rp
    end = q + b / (float(np.hypot(*b)) or 1.0) * (rq + 1.5)
    mid = 0.25 * start + 0.5 * ctrl + 0.25 * end
    path = f"M{start[0]:.1f},{start[1]:.1f} Q{ctrl[0]:.1f},{ctrl[1]:.1f} {end[0]:.1f},{end[1]:.1f}"
    return path, (float(mid[0]), float(mid[1]))


def _legend(height: int, stroke: Callable[[int], float], max_w: int) -> list[str]:
    y0 = height - 82
    if max_w > 1:
        widths = (
            f'<path d="M0,24 L20,24" stroke="#555" stroke-opacity="0.7" stroke-width="{stroke(1):.1f}"/>'
            f'<path d="M26,24 L46,24" stroke="#555" stroke-opacity="0.7" stroke-width="{stroke(max_w):.1f}"/>'
        )
        what = f"width: documents (1 to {max_w} pairs)"
    else:
        widths = f'<path d="M0,24 L46,24" stroke="#555" stroke-opacity="0.7" stroke-width="{stroke(1):.1f}"/>'
        what = "width: documents (1 pair each)"
    out = [
        f'<g font-size="12" fill="#333" transform="translate(24,{y0})">',
        '<rect x="-10" y="-18" width="600" height="88" rx="6" fill="#fafafa" stroke="#ddd"/>',
        '<path d="M0,0 L46,0" stroke="#555" stroke-opacity="0.7" stroke-width="2"'
        ' marker-end="url(#arrow)" fill="none"/>',
        f'<text x="58" y="4">{svg_text("arrow: source site → site that reused it")}</text>',
        widths,
        f'<text x="58" y="28">{svg_text(what + "; number: documents (mirrors among them)")}</text>',
        f'<circle cx="8" cy="50" r="7" fill="{_mix(0.0)}"/>',
        f'<circle cx="28" cy="50" r="7" fill="{_mix(0.5)}"/>',
        f'<circle cx="48" cy="50" r="7" fill="{_mix(1.0)}"/>',
        f'<text x="64" y="54">{svg_text("circle: site, area by documents; blue: mostly copied from, orange: mostly copying")}</text>',
        "</g>",
    ]
    return out
