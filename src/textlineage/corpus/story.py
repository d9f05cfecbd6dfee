"""Search hits told as stories: grouped by the story they belong to, the earliest marked,
each with its place in the lineage and its mirrors folded in.

A flat list ranked by reused text puts a late, complete copy above the original it copied
and scatters one story's copies among other stories. Here:

* **Groups.** Hits in one discovery cluster are one story. Hits outside any cluster
  (discovery never ran, or they are newer) join a group when they reuse the same part of
  the query: what both reuse is at least :data:`SAME_PART` of the larger one's
  query-side text (a hit reusing the whole query does not pull in every other).
* **Order.** Groups keep the rank of their best hit; inside a group, the earliest-dated
  hit comes first (undated ones last, in rank order), and is marked ``earliest``.
* **Lineage.** From the latest discovery: whether the hit is its cluster's origin, its
  link kind and parent.
* **Mirrors.** The exact duplicates the index recorded of the hit's text, and the members
  discovery found to mirror it, each with its own id, site, URL and date: collapsed under
  the hit, not ranked as hits of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..text.dates import parse_date
from .hits import HitStory, SearchHit
from .store import Store

__all__ = ["SAME_PART", "tell_stories"]

SAME_PART = 0.5
"""Two hits outside clusters are one story when this share of the larger one's
query-side reused text is reused by both."""


def _query_part(hit: SearchHit) -> list[tuple[int, int]]:
    """The query-side character ranges the hit reuses, merged."""
    spans = sorted(s for p in hit.comparison.passages for s in p.spans[0])
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> float:
    total_a, total_b = sum(e - s for s, e in a), sum(e - s for s, e in b)
    if not total_a or not total_b:
        return 0.0
    i = j = shared = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        shared += max(0, hi - lo)
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return shared / max(total_a, total_b)


def tell_stories(hits: Sequence[SearchHit], store: Store) -> list[SearchHit]:
    """The hits regrouped and reordered as stories, each with its :class:`HitStory`."""
    if not hits:
        return []
    n = len(hits)
    cluster_of = [store.cluster_of(h.doc.doc_id) for h in hits]
    records = {c: store.cluster(c) for c in dict.fromkeys(x for x in cluster_of if x is not None)}

    up = list(range(n))

    def find(i: int) -> int:
        while up[i] != i:
            up[i] = up[up[i]]
            i = up[i]
        return i

    parts = [_query_part(h) for h in hits]
    for i in range(n):
        for j in range(i + 1, n):
            same_cluster = cluster_of[i] is not None and cluster_of[i] == cluster_of[j]
            loose = cluster_of[i] is None and cluster_of[j] is None
            if same_cluster or (loose and _overlap(parts[i], parts[j]) >= SAME_PART):
                up[find(j)] = find(i)

    groups: dict[int, list[int]] = {}
    for i in range(n):  # hits come ranked: a group's first index is its best rank
        groups.setdefault(find(i), []).append(i)

    days = [parse_date(h.doc.date) for h in hits]

    def when(i: int) -> tuple[int, int, int]:
        d = days[i]
        return (0, d.toordinal(), i) if d is not None else (1, 0, i)

    out: list[SearchHit] = []
    for number, members in enumerate(groups.values(), start=1):
        ordered = sorted(members, key=when)
        first_dated = next((i for i in ordered if days[i] is not None), None)
        for i in ordered:
            out.append(
                replace(
                    hits[i],
                    story=_story(hits[i], number, i == first_dated, cluster_of[i], records, store),
                )
            )
    return out


def _story(
    hit: SearchHit,
    group: int,
    earliest: bool,
    cluster_id: int | None,
    records: dict[int, dict[str, Any] | None],
    store: Store,
) -> HitStory:
    mirrors: dict[str, dict[str, str]] = {}
    for dup in store.duplicates_of(hit.doc.doc_id):
        mirrors[dup["id"]] = {
            "id": dup["id"],
            "site": dup["site"],
            "url": dup["url"],
            "date": dup["date"],
            "kind": "exact",
        }
    rec = records.get(cluster_id) if cluster_id is not None else None
    link = parent = None
    origin = False
    if rec is not None:
        origin = rec.get("origin", {}).get("doc_id") == hit.doc.doc_id
        for m in rec.get("members", []):
            if m.get("doc_id") == hit.doc.doc_id:
                link, parent = m.get("link"), m.get("parent")
            elif m.get("link") == "mirror" and m.get("parent") == hit.doc.ext_id:
                mirrors.setdefault(
                    m["ext_id"],
                    {
                        "id": m["ext_id"],
                        "site": m.get("site", ""),
                        "url": m.get("url", ""),
                        "date": m.get("date", ""),
                        "kind": "exact" if m.get("exact_duplicate_of") else "near",
                    },
                )
    listed = sorted(mirrors.values(), key=lambda m: (m["date"] or "\uffff", m["id"]))
    return HitStory(group, earliest, cluster_id, origin, link, parent, tuple(listed))
