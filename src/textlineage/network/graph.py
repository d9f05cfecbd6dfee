"""The reuse graph of a corpus: clusters of documents, the site network and the timeline.

The input is a set of verified reuse relations between documents of one corpus (each
relation comes from a full alignment of the pair, so it is evidence on its own). Nothing
here invents a link: clusters are the connected components of exactly those relations.
Inside a cluster, the lineage (:mod:`.lineage`) keeps one parent per member; the site
network and the timeline are built from those links, not from every relation (two copies
of one source are related, but neither copied the other).

Direction of a relation, everywhere in this package:

1. the relation's ``source`` when it names one;
2. otherwise publication dates, when both documents are dated and the dates differ
   (earlier is the source);
3. otherwise none: the pair still joins a cluster, and the lineage orients it away from
   the cluster's origin (a weaker candidate than any directed relation).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import networkx as nx

from ..text.dates import parse_date
from .lineage import Link, cluster_lineage
from .records import DocInfo, Relation
from .strings import plural

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
    "site_network",
    "timeline",
]

CONFIDENT = 0.6
"""A relation's direction counts as evidence for the origin of a cluster from this confidence."""

UNKNOWN_SITE = "(unknown)"
"""Site name used for documents whose site is empty."""


# --------------------------------------------------------------------------- input types


# --------------------------------------------------------------------------- output types


@dataclass(frozen=True)
class Cluster:
    """A connected component of the verified relations, with its lineage."""

    cluster_id: int
    """1-based rank: larger clusters first, then the one holding the smaller doc_id."""
    members: tuple[int, ...]
    """doc_ids in time order: by date, then indexed documents before exact duplicates,
    then doc_id; undated members last."""
    roles: tuple[str, ...]
    """Per member (same order): ``"origin"``, ``"mirror"``, ``"derived"`` (it has a
    parent, and the direction rests on evidence) or ``"related"`` (no direction evidence
    for its link, or no earlier member it derives from was verified)."""
    origin: int
    origin_reason: str
    edges: int
    """Verified relations inside the cluster."""
    sites: tuple[str, ...]
    """Distinct sites, in order of first appearance among the time-ordered members."""
    first_date: str
    last_date: str
    span_days: int | None
    """Days from the first to the last dated member; None when no member is dated."""
    links: tuple[Link, ...] = ()
    """Per member (same order): its place in the lineage (:mod:`.lineage`)."""

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def mirrors(self) -> int:
        """Members that are exact or near-exact copies of another member."""
        return sum(1 for k in self.links if k.kind == "mirror")

    def role(self, doc_id: int) -> str:
        return self.roles[self.members.index(doc_id)]

    def link(self, doc_id: int) -> Link:
        return self.links[self.members.index(doc_id)]


@dataclass(frozen=True)
class SiteEdge:
    """Reuse from one site to another, aggregated over document pairs."""

    source_site: str
    derived_site: str
    documents: int
    """Lineage links: derived documents of ``derived_site`` whose parent is on
    ``source_site``."""
    mirrors: int
    """Of those, exact or near-exact copies."""
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
    """Documents of this site in a cluster (mirrors included)."""
    copied_from: int
    """Lineage links from this site's documents to another site's."""
    copying: int
    """Lineage links from another site's documents to this site's."""
    self_reuse: int
    """Lineage links inside this site (not counted in the two above)."""
    mirroring: int = 0
    """Documents of this site that mirror another site's document."""
    mirrored: int = 0
    """Mirrors on other sites of this site's documents."""

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
    """Links whose direction rests only on the cluster's origin (their relation's
    direction was unknown); they are counted in the edges."""

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


def relation_direction(r: Relation, docs: Mapping[int, DocInfo]) -> tuple[int, int] | None:
    """(source, derived) doc_ids, or None when neither the relation nor the dates tell."""
    if r.source is not None:
        return (r.source, r.b if r.source == r.a else r.a)
    da, db = parse_date(docs[r.a].date), parse_date(docs[r.b].date)
    if da is None or db is None or da == db:
        return None
    return (r.a, r.b) if da < db else (r.b, r.a)


def _time_key(doc_id: int, dates: Mapping[int, date | None]) -> tuple[int, date, bool, int]:
    """Time order: by date (undated last), then indexed documents before exact duplicates
    (which were recorded after the text was first indexed), then doc_id."""
    d = dates[doc_id]
    return (0 if d is not None else 1, d or date.min, doc_id < 0, abs(doc_id))


# --------------------------------------------------------------------------- clusters


def build_clusters(docs: Mapping[int, DocInfo], relations: Sequence[Relation]) -> list[Cluster]:
    """Connected components of the verified relations, with a probable origin and a
    lineage each (:mod:`.lineage`).

    Origin: the earliest-dated member. When several share the earliest date, or some
    members are undated (any of them could be older), the candidates are those members and
    direction evidence decides: the member that is the source in the most relations with
    confidence ≥ :data:`CONFIDENT` and never the derived side of one; then the fewest
    incoming directions (any confidence); then a dated member over an undated one; then
    time order (an indexed document before its exact duplicates).
    """
    _check(docs, relations)
    graph = nx.Graph()
    graph.add_edges_from((r.a, r.b) for r in relations)
    # Larger clusters first, then the one holding the smaller doc_id (components are
    # disjoint, so no two share their smallest member).
    groups = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda m: (-len(m), m[0])
    )
    rank_of = {d: rank for rank, members in enumerate(groups) for d in members}
    rels_of: list[list[Relation]] = [[] for _ in groups]
    for r in relations:
        rels_of[rank_of[r.a]].append(r)

    dates = {d: parse_date(docs[d].date) for d in rank_of}
    return [
        _make_cluster(rank + 1, members, rels_of[rank], docs, dates)
        for rank, members in enumerate(groups)
    ]


def _role(link: Link) -> str:
    if link.kind == "unplaced" or (link.kind == "derived" and not link.directed):
        return "related"
    return link.kind


def _make_cluster(
    cluster_id: int,
    members: list[int],
    rels: list[Relation],
    docs: Mapping[int, DocInfo],
    dates: Mapping[int, date | None],
) -> Cluster:
    ordered = sorted(members, key=lambda d: _time_key(d, dates))
    origin, reason = _origin(ordered, rels, dates)
    lineage = cluster_lineage(
        ordered,
        origin,
        rels,
        docs,
        dates,
        lambda r: relation_direction(r, docs),
        lambda d: _time_key(d, dates),
    )
    links = tuple(lineage[d] for d in ordered)
    sites = tuple(dict.fromkeys(_site(docs[d]) for d in ordered))
    dated = [d for d in (dates[m] for m in ordered) if d is not None]
    first = min(dated) if dated else None
    last = max(dated) if dated else None
    return Cluster(
        cluster_id=cluster_id,
        members=tuple(ordered),
        roles=tuple(_role(k) for k in links),
        origin=origin,
        origin_reason=reason,
        edges=len(rels),
        sites=sites,
        first_date=first.isoformat() if first else "",
        last_date=last.isoformat() if last else "",
        span_days=(last - first).days if first and last else None,
        links=links,
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
        return f"; note: derived in {plural(n, 'confident relation')}"

    if len(earliest) == 1 and not undated:
        d = earliest[0]
        return d, f"earliest publication date ({earliest_date}){against(d)}"

    candidates = earliest + undated

    def key(d: int) -> tuple[bool, int, int, bool, bool, int]:
        strong = conf_out[d] > 0 and conf_in[d] == 0
        return (not strong, -conf_out[d], any_in[d], dates[d] is None, d < 0, abs(d))

    best = min(candidates, key=key)
    if len(earliest) > 1:
        pool = f"{len(earliest)} documents share the earliest date ({earliest_date})"
        if undated:
            pool += f" and {plural(len(undated), 'member')} undated"
    elif earliest:
        pool = f"earliest date {earliest_date}, but {plural(len(undated), 'member')} undated"
    else:
        pool = "no member is dated"
    if conf_out[best] > 0 and conf_in[best] == 0:
        why = (
            f"source in {plural(conf_out[best], 'relation')} with confidence ≥ {CONFIDENT}"
            " and never derived"
        )
    elif min(any_in[d] for d in candidates) < max(any_in[d] for d in candidates):
        why = f"fewest incoming directions ({any_in[best]})"
    elif dates[best] is not None and undated:
        why = f"no direction evidence; the dated member ({dates[best]}) is kept"
    else:
        why = "no date or direction evidence; the first indexed"
    return best, f"{pool}: {why}"


# --------------------------------------------------------------------------- site network


def _links(
    docs: Mapping[int, DocInfo],
    relations: Sequence[Relation],
    clusters: Sequence[Cluster] | None,
) -> list[Link]:
    """Every lineage link with a parent, from ``clusters`` or built from ``relations``."""
    if clusters is None:
        clusters = build_clusters(docs, relations)
    return [k for c in clusters for k in c.links if k.parent is not None]


def site_network(
    docs: Mapping[int, DocInfo],
    relations: Sequence[Relation],
    clusters: Sequence[Cluster] | None = None,
) -> SiteNetwork:
    """Directed site → site reuse along lineage links: from each parent's site to its
    child's, so that two sites that copied one source are not linked to each other.
    ``clusters`` are those of :func:`build_clusters` over the same relations (built here
    when not given)."""
    _check(docs, relations)
    pairs: dict[tuple[str, str], int] = Counter()
    mirrors: dict[tuple[str, str], int] = Counter()
    chars: dict[tuple[str, str], int] = Counter()
    lags: dict[tuple[str, str], list[int]] = defaultdict(list)
    reuse_dates: dict[tuple[str, str], list[date]] = defaultdict(list)
    involved: dict[str, set[int]] = defaultdict(set)
    copied_from: Counter[str] = Counter()
    copying: Counter[str] = Counter()
    self_reuse: Counter[str] = Counter()
    mirror_docs: Counter[str] = Counter()
    mirrored: Counter[str] = Counter()
    undirected = 0

    for r in relations:
        for d in (r.a, r.b):
            involved[_site(docs[d])].add(d)
    for link in _links(docs, relations, clusters):
        src, dst = link.parent, link.child
        assert src is not None
        undirected += not link.directed
        key = (_site(docs[src]), _site(docs[dst]))
        pairs[key] += 1
        chars[key] += link.reused_chars
        ds, dd = parse_date(docs[src].date), parse_date(docs[dst].date)
        if ds is not None and dd is not None:
            lags[key].append((dd - ds).days)
        if dd is not None:
            reuse_dates[key].append(dd)
        if link.kind == "mirror":
            mirrors[key] += 1
        if key[0] == key[1]:
            self_reuse[key[0]] += 1
        else:
            copied_from[key[0]] += 1
            copying[key[1]] += 1
            if link.kind == "mirror":
                mirror_docs[key[1]] += 1
                mirrored[key[0]] += 1

    edges = []
    for key, n in pairs.items():
        ds_ = reuse_dates[key]
        edges.append(
            SiteEdge(
                source_site=key[0],
                derived_site=key[1],
                documents=n,
                mirrors=mirrors[key],
                reused_chars=chars[key],
                median_lag_days=float(statistics.median(lags[key])) if lags[key] else None,
                first=min(ds_).isoformat() if ds_ else "",
                last=max(ds_).isoformat() if ds_ else "",
                same_site=key[0] == key[1],
            )
        )
    edges.sort(key=lambda e: (-e.documents, e.source_site, e.derived_site))
    stats = [
        SiteStats(
            s,
            len(involved[s]),
            copied_from[s],
            copying[s],
            self_reuse[s],
            mirror_docs[s],
            mirrored[s],
        )
        for s in involved
    ]
    stats.sort(key=lambda s: (-s.docs, -s.involvement, s.site))
    return SiteNetwork(sites=tuple(stats), edges=tuple(edges), undirected=undirected)


def timeline(
    docs: Mapping[int, DocInfo],
    relations: Sequence[Relation],
    clusters: Sequence[Cluster] | None = None,
) -> list[tuple[str, int]]:
    """Reuse events per month (``yyyy-mm``, count): lineage links, by the child's date.

    Months without events between the first and the last are included with 0. Links to
    an undated child are not counted.
    """
    _check(docs, relations)
    counts: Counter[tuple[int, int]] = Counter()
    for link in _links(docs, relations, clusters):
        d = parse_date(docs[link.child].date)
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
