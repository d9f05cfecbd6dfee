"""What the corpus pages show, shaped from the library's records: a cluster's lineage as a
tree, a document's place in its cluster, and search hits grouped by story.

Plain data for the templates (which escape every value); nothing here renders HTML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..corpus.index import SearchResult
from ..types import Comparison

__all__ = [
    "Node",
    "cluster_view",
    "document_lineage",
    "hit_groups",
    "lineage_tree",
]

_MEMBER_DEFAULTS: Mapping[str, Any] = {
    "parent": None,
    "parent_doc_id": None,
    "parent_reason": "",
    "direction_known": False,
    "exact_duplicate_of": None,
    "title": "",
    "site": "",
    "date": "",
    "url": "",
}


def cluster_view(record: Mapping[str, Any]) -> dict[str, Any]:
    """A cluster record with every field the pages read: an index discovered before
    lineage was recorded has members without links (their role stands in)."""
    members = []
    for m in record.get("members") or []:
        full = {**_MEMBER_DEFAULTS, **m}
        if "link" not in m:
            role = str(m.get("role") or "")
            full["link"] = role if role in ("origin", "mirror", "derived") else "unplaced"
        members.append(full)
    out = {**record, "members": members}
    out.setdefault("mirrors", sum(1 for m in members if m["link"] == "mirror"))
    return out


@dataclass
class Node:
    """A member of a cluster with what was made from it: ``children`` (rewrites, and
    members placed under it for want of a better parent) and ``mirrors`` (copies)."""

    member: Mapping[str, Any]
    children: list[Node] = field(default_factory=list)
    mirrors: list[Node] = field(default_factory=list)


def lineage_tree(members: Sequence[Mapping[str, Any]]) -> list[Node]:
    """The members of a cluster record as a forest: each under its ``parent_doc_id``,
    in the record's (time) order; the origin, then members without a parent in the
    cluster (``unplaced``) as roots. A parent link that would close a loop is cut there
    (the lineage never makes one; a hand-edited record might)."""
    nodes = {m.get("doc_id"): Node(m) for m in members}
    up: dict[Any, Any] = {}
    for m in members:
        parent = m.get("parent_doc_id")
        if parent is not None and parent in nodes and parent != m.get("doc_id"):
            up[m.get("doc_id")] = parent

    def on_loop(start: Any) -> bool:
        seen, d = {start}, start
        while d in up:
            d = up[d]
            if d == start:
                return True
            if d in seen:
                return False
            seen.add(d)
        return False

    for m in members:  # cut each loop at its first member in time order
        if on_loop(m.get("doc_id")):
            del up[m.get("doc_id")]
    roots: list[Node] = []
    for m in members:
        node = nodes[m.get("doc_id")]
        parent = up.get(m.get("doc_id"))
        if parent is None:
            roots.append(node)
        elif m.get("link") == "mirror":
            nodes[parent].mirrors.append(node)
        else:
            nodes[parent].children.append(node)
    roots.sort(key=lambda n: n.member.get("link") != "origin")
    return roots


def document_lineage(record: Mapping[str, Any], doc_id: int, ext_id: str) -> dict[str, Any] | None:
    """A document's place in its cluster: its member record, its parent's, and the members
    made from it (``children``, ``mirrors``). ``ext_id`` picks an exact duplicate (which
    shares the number of the document with its text); None when it is not a member."""
    members: Sequence[Mapping[str, Any]] = record.get("members") or []
    me = next((m for m in members if m.get("ext_id") == ext_id), None)
    if me is None:
        me = next((m for m in members if m.get("doc_id") == doc_id), None)
    if me is None:
        return None
    own = me.get("doc_id")
    parent = next((m for m in members if m.get("doc_id") == me.get("parent_doc_id")), None)
    made = [m for m in members if m.get("parent_doc_id") == own and m.get("doc_id") != own]
    return {
        "cluster": record,
        "member": me,
        "parent": parent,
        "children": [m for m in made if m.get("link") != "mirror"],
        "mirrors": [m for m in made if m.get("link") == "mirror"],
    }


def _excerpt(c: Comparison, doc: int, limit: int = 260) -> str:
    if not c.passages:
        return ""
    p = max(c.passages, key=lambda p: p.chars(doc))
    text = c.documents[doc].text
    pieces = [" ".join(text[s:e].split()) for s, e in p.spans[doc]]
    out = " … ".join(x for x in pieces if x)
    return out if len(out) <= limit else out[: limit - 1].rstrip() + "…"


def _sites(mirrors: Sequence[Mapping[str, str]]) -> int:
    """Sites among copies; a copy without a site counts as one of its own."""
    named = {m.get("site") for m in mirrors if m.get("site")}
    return len(named) + sum(1 for m in mirrors if not m.get("site"))


def _hit_view(rank: int, h: Any, directions: Mapping[str, str]) -> dict[str, Any]:
    c = h.comparison
    kinds: dict[str, int] = {}
    for p in c.passages:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    story = h.story
    mirrors = list(story.mirrors) if story is not None else []
    return {
        "rank": rank,
        "doc": h.doc,
        "verdict": c.verdict,
        "direction": directions.get(h.direction, h.direction),
        "direction_key": h.direction,
        "confidence": c.confidence,
        "coverage_query": c.coverage[0],
        "coverage_hit": c.coverage[1],
        "kinds": sorted(kinds.items(), key=lambda kv: -kv[1]),
        "passages": len(c.passages),
        "excerpt": _excerpt(c, 1),
        "semantic_similarity": h.semantic_similarity,
        "earliest": bool(story and story.earliest),
        "cluster_id": story.cluster_id if story else None,
        "cluster_origin": bool(story and story.cluster_origin),
        "link": story.link if story else None,
        "parent": story.parent if story else None,
        "mirrors": mirrors,
        "mirror_sites": _sites(mirrors),
        "all_exact": all(m.get("kind") == "exact" for m in mirrors),
    }


def hit_groups(result: SearchResult, directions: Mapping[str, str]) -> list[dict[str, Any]]:
    """The hits as the search listed them (by story), cut into their groups: each with its
    number, its cluster (when one holds its hits) and its hits' views (a copy folded under
    a hit that is also a hit has that hit's rank in ``hit``)."""
    groups: list[dict[str, Any]] = []
    rank_of = {h.doc.ext_id: rank for rank, h in enumerate(result.hits, 1)}
    for rank, h in enumerate(result.hits, 1):
        view = _hit_view(rank, h, directions)
        # A near-exact copy may be a hit of its own too: say which.
        view["mirrors"] = [{**m, "hit": rank_of.get(m.get("id", ""))} for m in view["mirrors"]]
        number = h.story.group if h.story is not None else None
        if not groups or number is None or groups[-1]["number"] != number:
            groups.append({"number": number, "cluster_id": None, "hits": []})
        group = groups[-1]
        group["hits"].append(view)
        if view["cluster_id"] is not None and group["cluster_id"] is None:
            group["cluster_id"] = view["cluster_id"]
    return groups
