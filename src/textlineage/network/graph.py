"""Corpus-wide reuse: clusters of documents, a site-to-site reuse network, and files.

The input is a set of verified reuse relations between documents of one corpus (each
relation comes from a full alignment of the pair, so it is evidence on its own). This
module never invents a link: clusters are the connected components of exactly those
relations, and the site network only aggregates them.

Direction of a relation, everywhere in this module:

1. the relation's ``source`` when it names one;
2. otherwise publication dates, when both documents are dated and the dates differ
   (earlier is the source);
3. otherwise none: the pair still joins a cluster but is left out of the site network
   and the timeline.

Outputs: JSON lines (one cluster a line), CSV (site edges, timeline), GraphML 1.0 and a
self-contained SVG picture of the site network. All are written deterministically: the
same input gives byte-identical files.
"""

from __future__ import annotations

import csv
import json
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import numpy as np

from ..components import components

__all__ = [
    "CONFIDENT",
    "UNKNOWN_SITE",
    "Cluster",
    "DocInfo",
    "Relation",
    "SiteEdge",
    "SiteNetwork",
    "SiteStats",
    "build_clusters",
    "cluster_record",
    "network_record",
    "render_network_svg",
    "site_network",
    "timeline",
    "write_clusters_jsonl",
    "write_graphml",
    "write_network_svg",
    "write_sites_csv",
    "write_timeline_csv",
]

CONFIDENT = 0.6
"""A relation's direction counts as evidence for the origin of a cluster from this confidence."""

UNKNOWN_SITE = "(unknown)"
"""Site name used for documents whose site is empty."""


# --------------------------------------------------------------------------- input types


@dataclass(frozen=True)
class DocInfo:
    """What the network needs to know about one document of the corpus."""

    doc_id: int
    ext_id: str
    site: str
    date: str
    """Publication date, ISO ``yyyy-mm-dd`` (a longer ISO timestamp is cut), or ``""``."""
    url: str = ""
    title: str = ""
    chars: int = 0


@dataclass(frozen=True)
class Relation:
    """One verified reuse pair (``a < b``)."""

    a: int
    b: int
    verdict: str
    """``"derived"`` or ``"partially_derived"``."""
    source: int | None
    """doc_id of the origin (``a`` or ``b``), or None when the direction is unknown."""
    confidence: float
    coverage: tuple[float, float]
    """Share of a's and b's characters inside reused passages."""
    reused_chars: tuple[int, int]
    """Characters of a and b inside reused passages."""
    kinds: tuple[str, ...] = ()


# --------------------------------------------------------------------------- output types


@dataclass(frozen=True)
class Cluster:
    """A connected component of the verified relations."""

    cluster_id: int
    """1-based rank: larger clusters first, then the one holding the smaller doc_id."""
    members: tuple[int, ...]
    """doc_ids in time order: by date, then doc_id; undated members last."""
    roles: tuple[str, ...]
    """Per member (same order): ``"origin"``, ``"derived"`` or ``"related"``."""
    origin: int
    origin_reason: str
    edges: int
    sites: tuple[str, ...]
    """Distinct sites, in order of first appearance among the time-ordered members."""
    first_date: str
    last_date: str
    span_days: int | None
    """Days from the first to the last dated member; None when no member is dated."""

    @property
    def size(self) -> int:
        return len(self.members)

    def role(self, doc_id: int) -> str:
        return self.roles[self.members.index(doc_id)]


@dataclass(frozen=True)
class SiteEdge:
    """Reuse from one site to another, aggregated over document pairs."""

    source_site: str
    derived_site: str
    documents: int
    """Number of document pairs."""
    reused_chars: int
    """Characters of the derived documents inside reused passages, summed."""
    median_lag_days: float | None
    """Median days from the source's date to the derived document's date (pairs with both dates)."""
    first: str
    """Earliest derived-document date (``""`` when none is dated)."""
    last: str
    same_site: bool


@dataclass(frozen=True)
class SiteStats:
    site: str
    docs: int
    """Documents of this site in at least one relation (directed or not)."""
    copied_from: int
    """Document pairs in which another site reused this site's document."""
    copying: int
    """Document pairs in which this site reused another site's document."""
    self_reuse: int
    """Document pairs inside this site (not counted in the two above)."""

    @property
    def involvement(self) -> int:
        return self.copied_from + self.copying + self.self_reuse


@dataclass(frozen=True)
class SiteNetwork:
    sites: tuple[SiteStats, ...]
    """Most involved first (documents, then pairs), then by name."""
    edges: tuple[SiteEdge, ...]
    """Most documents first, then by source and derived site name."""
    undirected: int
    """Relations left out because their direction is unknown."""

    def site(self, name: str) -> SiteStats:
        for s in self.sites:
            if s.site == name:
                return s
        raise KeyError(name)

    def edge(self, source_site: str, derived_site: str) -> SiteEdge:
        for e in self.edges:
            if e.source_site == source_site and e.derived_site == derived_site:
                return e
        raise KeyError((source_site, derived_site))


# --------------------------------------------------------------------------- helpers


def _parse_date(text: str) -> date | None:
    text = (text or "").strip()[:10]
    if len(text) != 10:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _site(doc: DocInfo) -> str:
    return doc.site.strip() or UNKNOWN_SITE


def _check(docs: Mapping[int, DocInfo], relations: Sequence[Relation]) -> None:
    for r in relations:
        for d in (r.a, r.b):
            if d not in docs:
                raise ValueError(f"relation ({r.a}, {r.b}) names unknown doc_id {d}")
        if r.a == r.b:
            raise ValueError(f"relation ({r.a}, {r.b}) links a document to itself")
        if r.source is not None and r.source not in (r.a, r.b):
            raise ValueError(f"relation ({r.a}, {r.b}) has source {r.source}, not one of the pair")


def _direction(r: Relation, docs: Mapping[int, DocInfo]) -> tuple[int, int] | None:
    """(source, derived) doc_ids, or None when neither the relation nor the dates tell."""
    if r.source is not None:
        return (r.source, r.b if r.source == r.a else r.a)
    da, db = _parse_date(docs[r.a].date), _parse_date(docs[r.b].date)
    if da is None or db is None or da == db:
        return None
    return (r.a, r.b) if da < db else (r.b, r.a)


def _time_key(doc_id: int, dates: Mapping[int, date | None]) -> tuple[int, date, int]:
    d = dates[doc_id]
    return (0, d, doc_id) if d is not None else (1, date.min, doc_id)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# --------------------------------------------------------------------------- clusters


def build_clusters(docs: Mapping[int, DocInfo], relations: Sequence[Relation]) -> list[Cluster]:
    """Connected components of the verified relations, with a probable origin each.

    Origin: the earliest-dated member. When several share the earliest date, or some
    members are undated (any of them could be older), the candidates are those members and
    direction evidence decides: the member that is the source in the most relations with
    confidence ≥ :data:`CONFIDENT` and never the derived side of one; then the fewest
    incoming directions (any confidence); then a dated member over an undated one; then the
    smaller doc_id.
    """
    _check(docs, relations)
    root_of = components((r.a, r.b) for r in relations)
    groups: dict[int, list[int]] = defaultdict(list)
    for d in sorted(root_of):
        groups[root_of[d]].append(d)
    rels_of: dict[int, list[Relation]] = defaultdict(list)
    for r in relations:
        rels_of[root_of[r.a]].append(r)

    dates = {d: _parse_date(docs[d].date) for d in root_of}
    order = sorted(groups, key=lambda root: (-len(groups[root]), root))
    clusters = []
    for rank, root in enumerate(order, start=1):
        clusters.append(_make_cluster(rank, groups[root], rels_of[root], docs, dates))
    return clusters


def _make_cluster(
    cluster_id: int,
    members: list[int],
    rels: list[Relation],
    docs: Mapping[int, DocInfo],
    dates: Mapping[int, date | None],
) -> Cluster:
    ordered = sorted(members, key=lambda d: _time_key(d, dates))
    origin, reason = _origin(ordered, rels, dates)

    derived: set[int] = set()
    for r in rels:
        direction = _direction(r, docs)
        if direction is not None:
            derived.add(direction[1])
    roles = tuple(
        "origin" if d == origin else "derived" if d in derived else "related" for d in ordered
    )
    sites = tuple(dict.fromkeys(_site(docs[d]) for d in ordered))
    dated = [d for d in (dates[m] for m in ordered) if d is not None]
    first = min(dated) if dated else None
    last = max(dated) if dated else None
    return Cluster(
        cluster_id=cluster_id,
        members=tuple(ordered),
        roles=roles,
        origin=origin,
        origin_reason=reason,
        edges=len(rels),
        sites=sites,
        first_date=first.isoformat() if first else "",
        last_date=last.isoformat() if last else "",
        span_days=(last - first).days if first and last else None,
    )


def _origin(
    ordered: list[int], rels: list[Relation], dates: Mapping[int, date | None]
) -> tuple[int, str]:
    conf_out: Counter[int] = Counter()
    conf_in: Counter[int] = Counter()
    any_in: Counter[int] = Counter()
    for r in rels:
        if r.source is None:
            continue
        target = r.b if r.source == r.a else r.a
        any_in[target] += 1
        if r.confidence >= CONFIDENT:
            conf_out[r.source] += 1
            conf_in[target] += 1

    dated = [d for d in ordered if dates[d] is not None]
    undated = [d for d in ordered if dates[d] is None]
    earliest_date = dates[dated[0]] if dated else None
    earliest = [d for d in dated if dates[d] == earliest_date]

    def against(d: int) -> str:
        n = conf_in[d]
        if not n:
            return ""
        return f"; note: derived in {_plural(n, 'confident relation')}"

    if len(earliest) == 1 and not undated:
        d = earliest[0]
        return d, f"earliest publication date ({earliest_date}){against(d)}"

    candidates = earliest + undated

    def key(d: int) -> tuple[bool, int, int, bool, int]:
        strong = conf_out[d] > 0 and conf_in[d] == 0
        return (not strong, -conf_out[d], any_in[d], dates[d] is None, d)

    best = min(candidates, key=key)
    if len(earliest) > 1:
        pool = f"{len(earliest)} documents share the earliest date ({earliest_date})"
        if undated:
            pool += f" and {_plural(len(undated), 'member')} undated"
    elif earliest:
        pool = f"earliest date {earliest_date}, but {_plural(len(undated), 'member')} undated"
    else:
        pool = "no member is dated"
    if conf_out[best] > 0 and conf_in[best] == 0:
        why = (
            f"source in {_plural(conf_out[best], 'relation')} with confidence ≥ {CONFIDENT}"
            " and never derived"
        )
    elif min(any_in[d] for d in candidates) < max(any_in[d] for d in candidates):
        why = f"fewest incoming directions ({any_in[best]})"
    elif dates[best] is not None and undated:
        why = f"no direction evidence; the dated member ({dates[best]}) is kept"
    else:
        why = "no date or direction evidence; smallest doc_id"
    return best, f"{pool}: {why}"


# --------------------------------------------------------------------------- site network


def site_network(docs: Mapping[int, DocInfo], relations: Sequence[Relation]) -> SiteNetwork:
    """Directed site → site reuse, from the source document's site to the derived one's."""
    _check(docs, relations)
    pairs: dict[tuple[str, str], int] = Counter()
    chars: dict[tuple[str, str], int] = Counter()
    lags: dict[tuple[str, str], list[int]] = defaultdict(list)
    reuse_dates: dict[tuple[str, str], list[date]] = defaultdict(list)
    involved: dict[str, set[int]] = defaultdict(set)
    copied_from: Counter[str] = Counter()
    copying: Counter[str] = Counter()
    self_reuse: Counter[str] = Counter()
    undirected = 0

    for r in relations:
        for d in (r.a, r.b):
            involved[_site(docs[d])].add(d)
        direction = _direction(r, docs)
        if direction is None:
            undirected += 1
            continue
        src, dst = direction
        key = (_site(docs[src]), _site(docs[dst]))
        pairs[key] += 1
        chars[key] += r.reused_chars[0] if dst == r.a else r.reused_chars[1]
        ds, dd = _parse_date(docs[src].date), _parse_date(docs[dst].date)
        if ds is not None and dd is not None:
            lags[key].append((dd - ds).days)
        if dd is not None:
            reuse_dates[key].append(dd)
        if key[0] == key[1]:
            self_reuse[key[0]] += 1
        else:
            copied_from[key[0]] += 1
            copying[key[1]] += 1

    edges = []
    for key, n in pairs.items():
        ds_ = reuse_dates[key]
        edges.append(
            SiteEdge(
                source_site=key[0],
                derived_site=key[1],
                documents=n,
                reused_chars=chars[key],
                median_lag_days=float(statistics.median(lags[key])) if lags[key] else None,
                first=min(ds_).isoformat() if ds_ else "",
                last=max(ds_).isoformat() if ds_ else "",
                same_site=key[0] == key[1],
            )
        )
    edges.sort(key=lambda e: (-e.documents, e.source_site, e.derived_site))
    stats = [
        SiteStats(s, len(involved[s]), copied_from[s], copying[s], self_reuse[s]) for s in involved
    ]
    stats.sort(key=lambda s: (-s.docs, -s.involvement, s.site))
    return SiteNetwork(sites=tuple(stats), edges=tuple(edges), undirected=undirected)


def timeline(docs: Mapping[int, DocInfo], relations: Sequence[Relation]) -> list[tuple[str, int]]:
    """Reuse events per month (``yyyy-mm``, count), by the derived document's date.

    Months without events between the first and the last are included with 0. Relations
    without a direction or with an undated derived document are not counted.
    """
    _check(docs, relations)
    counts: Counter[tuple[int, int]] = Counter()
    for r in relations:
        direction = _direction(r, docs)
        if direction is None:
            continue
        d = _parse_date(docs[direction[1]].date)
        if d is not None:
            counts[(d.year, d.month)] += 1
    if not counts:
        return []
    (y, m), end = min(counts), max(counts)
    out = []
    while (y, m) <= end:
        out.append((f"{y:04d}-{m:02d}", counts[(y, m)]))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# --------------------------------------------------------------------------- writers

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _esc(text: object) -> str:
    """Text safe inside XML content and double- or single-quoted attributes."""
    clean = _XML_INVALID.sub("\ufffd", str(text))
    return escape(clean, {'"': "&quot;", "'": "&apos;"})


def _doc_json(doc: DocInfo) -> dict[str, object]:
    return {
        "doc_id": doc.doc_id,
        "ext_id": doc.ext_id,
        "site": doc.site,
        "date": doc.date,
        "url": doc.url,
        "title": doc.title,
    }


def cluster_record(c: Cluster, docs: Mapping[int, DocInfo]) -> dict[str, Any]:
    """A cluster as JSON: one line of ``clusters.jsonl``."""
    return {
        "id": c.cluster_id,
        "size": c.size,
        "edges": c.edges,
        "origin": _doc_json(docs[c.origin]),
        "origin_reason": c.origin_reason,
        "members": [
            {**_doc_json(docs[d]), "role": role} for d, role in zip(c.members, c.roles, strict=True)
        ],
        "sites": list(c.sites),
        "first_date": c.first_date,
        "last_date": c.last_date,
        "span_days": c.span_days,
    }


def write_clusters_jsonl(
    path: str | Path, clusters: Iterable[Cluster], docs: Mapping[int, DocInfo]
) -> None:
    """One JSON object per cluster, in the given order."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for c in clusters:
            fh.write(json.dumps(cluster_record(c, docs), ensure_ascii=False) + "\n")


def network_record(net: SiteNetwork) -> dict[str, Any]:
    """The site network as JSON: ``sites`` (most involved first) and ``edges``."""
    return {
        "sites": [
            {
                "site": s.site,
                "docs": s.docs,
                "copied_from": s.copied_from,
                "copying": s.copying,
                "self_reuse": s.self_reuse,
            }
            for s in net.sites
        ],
        "edges": [
            {
                "source_site": e.source_site,
                "derived_site": e.derived_site,
                "documents": e.documents,
                "reused_chars": e.reused_chars,
                "median_lag_days": e.median_lag_days,
                "first": e.first,
                "last": e.last,
                "same_site": e.same_site,
            }
            for e in net.edges
        ],
        "undirected": net.undirected,
    }


def _num(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


SITE_COLUMNS = (
    "source_site",
    "derived_site",
    "documents",
    "reused_chars",
    "median_lag_days",
    "first",
    "last",
    "same_site",
)


def write_sites_csv(path: str | Path, net: SiteNetwork) -> None:
    """One row per site edge; ``median_lag_days`` is empty when no pair had both dates."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(SITE_COLUMNS)
        for e in net.edges:
            w.writerow(
                [
                    e.source_site,
                    e.derived_site,
                    e.documents,
                    e.reused_chars,
                    _num(e.median_lag_days),
                    e.first,
                    e.last,
                    "true" if e.same_site else "false",
                ]
            )


def write_timeline_csv(path: str | Path, events: Sequence[tuple[str, int]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(("month", "reuse_events"))
        for month, n in events:
            w.writerow((month, n))


_GRAPHML_KEYS = (
    # id, for, attr.name, attr.type
    ("site", "node", "site", "string"),
    ("docs", "node", "docs", "int"),
    ("copied_from", "node", "copied_from", "int"),
    ("copying", "node", "copying", "int"),
    ("self_reuse", "node", "self_reuse", "int"),
    ("documents", "edge", "documents", "int"),
    ("reused_chars", "edge", "reused_chars", "long"),
    ("median_lag_days", "edge", "median_lag_days", "double"),
    ("first", "edge", "first", "string"),
    ("last", "edge", "last", "string"),
    ("same_site", "edge", "same_site", "boolean"),
)


def write_graphml(path: str | Path, net: SiteNetwork) -> None:
    """GraphML 1.0, directed; node ids are ``s0, s1, …`` in :attr:`SiteNetwork.sites` order.

    Same-site edges are self-loops with ``same_site`` true. ``median_lag_days`` is
    omitted on edges where it is unknown.
    """
    ids = {s.site: f"s{i}" for i, s in enumerate(net.sites)}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
        ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    for key, scope, name, kind in _GRAPHML_KEYS:
        lines.append(f'  <key id="{key}" for="{scope}" attr.name="{name}" attr.type="{kind}"/>')
    lines.append('  <graph id="sites" edgedefault="directed">')
    for s in net.sites:
        lines.append(f'    <node id="{ids[s.site]}">')
        lines.append(f'      <data key="site">{_esc(s.site)}</data>')
        for key, value in (
            ("docs", s.docs),
            ("copied_from", s.copied_from),
            ("copying", s.copying),
            ("self_reuse", s.self_reuse),
        ):
            lines.append(f'      <data key="{key}">{value}</data>')
        lines.append("    </node>")
    for i, e in enumerate(net.edges):
        lines.append(
            f'    <edge id="e{i}" source="{ids[e.source_site]}" target="{ids[e.derived_site]}">'
        )
        lines.append(f'      <data key="documents">{e.documents}</data>')
        lines.append(f'      <data key="reused_chars">{e.reused_chars}</data>')
        if e.median_lag_days is not None:
            lines.append(f'      <data key="median_lag_days">{e.median_lag_days:g}</data>')
        lines.append(f'      <data key="first">{_esc(e.first)}</data>')
        lines.append(f'      <data key="last">{_esc(e.last)}</data>')
        lines.append(f'      <data key="same_site">{"true" if e.same_site else "false"}</data>')
        lines.append("    </edge>")
    lines.append("  </graph>")
    lines.append("</graphml>")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- SVG picture

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
    that unconnected groups stay on the canvas.
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
    Path(path).write_text(render_network_svg(net, **options), encoding="utf-8")


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
    pairs; the ``max_edges`` heaviest links among the drawn sites are shown. Same-site reuse
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
        f' viewBox="0 0 {width} {height}" role="img" aria-label="{_esc(title)}"'
        ' font-family="Helvetica, Arial, sans-serif">',
        f"<title>{_esc(title)}</title>",
        "<defs>",
        '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11"'
        ' markerHeight="11" markerUnits="userSpaceOnUse" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker>',
        "</defs>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="24" y="38" font-size="22" font-weight="bold" fill="#222">{_esc(title)}</text>',
    ]
    hidden_sites = len(candidates) - len(shown)
    subtitle = f"{_plural(len(shown), 'site')}, {_plural(len(edges), 'link')}"
    notes = []
    if hidden_sites:
        notes.append(f"{hidden_sites} less involved sites not shown")
    if len(among) > len(edges):
        notes.append(f"{len(among) - len(edges)} weaker links not shown")
    if not include_same_site and any(e.same_site for e in net.edges):
        notes.append("reuse within a site not shown")
    if notes:
        subtitle += " (" + "; ".join(notes) + ")"
    out.append(f'<text x="24" y="62" font-size="13" fill="#555">{_esc(subtitle)}</text>')

    # Edges, lightest first so heavy links sit on top.
    out.append('<g fill="none" stroke="#555" stroke-opacity="0.55">')
    for e in reversed(edges):
        i, j = index[e.source_site], index[e.derived_site]
        lag = "" if e.median_lag_days is None else f", median lag {_num(e.median_lag_days)} days"
        tip = (
            f"{e.source_site} → {e.derived_site}: {_plural(e.documents, 'document')},"
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
        else:
            d = _curve(xy[i], xy[j], radius[i], radius[j])
        out.append(
            f'<path d="{d}" stroke-width="{w:.1f}" marker-end="url(#arrow)">'
            f"<title>{_esc(tip)}</title></path>"
        )
    out.append("</g>")

    # Nodes and labels.
    out.append('<g stroke="#ffffff" stroke-width="1.5">')
    for s, (x, y), r in zip(shown, xy, radius, strict=True):
        total = s.copied_from + s.copying
        share = s.copying / total if total else 0.5
        tip = (
            f"{s.site}: {_plural(s.docs, 'document')} involved, copied from"
            f" {s.copied_from}×, copying {s.copying}×, within the site {s.self_reuse}×"
        )
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{_mix(share)}">'
            f"<title>{_esc(tip)}</title></circle>"
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
            f'<text x="{tx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{_esc(label)}</text>'
        )
    out.append("</g>")
    out.extend(_legend(height, stroke, max_w))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _curve(p: np.ndarray, q: np.ndarray, rp: float, rq: float) -> str:
    """A gently bent path from circle p to circle q (bent to its right, so that the two
    directions between a pair of sites do not overlap), ending on q's rim."""
    v = q - p
    length = float(np.hypot(*v)) or 1.0
    normal = np.array([v[1], -v[0]]) / length
    ctrl = (p + q) / 2 + normal * min(0.15 * length, 60.0)
    a = ctrl - p
    b = ctrl - q
    start = p + a / (float(np.hypot(*a)) or 1.0) * rp
    end = q + b / (float(np.hypot(*b)) or 1.0) * (rq + 1.5)
    return f"M{start[0]:.1f},{start[1]:.1f} Q{ctrl[0]:.1f},{ctrl[1]:.1f} {end[0]:.1f},{end[1]:.1f}"


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
        f'<text x="58" y="4">{_esc("arrow: source site → site that reused it")}</text>',
        widths,
        f'<text x="58" y="28">{_esc(what)}</text>',
        f'<circle cx="8" cy="50" r="7" fill="{_mix(0.0)}"/>',
        f'<circle cx="28" cy="50" r="7" fill="{_mix(0.5)}"/>',
        f'<circle cx="48" cy="50" r="7" fill="{_mix(1.0)}"/>',
        f'<text x="64" y="54">{_esc("circle: site, area by documents; blue: mostly copied from, orange: mostly copying")}</text>',
        "</g>",
    ]
    return out
