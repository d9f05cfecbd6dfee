"""Lineage inside a cluster: each member linked to the one member it was most probably made
from.

Verified relations say which documents share text. They over-state who copied whom: two
sites that both copied one source share that text too, and are related to each other as
much as to the source. Lineage keeps one parent per member:

1. **Mirrors.** Members whose relation is an exact or near-exact copy (every reused passage
   verbatim, at least :data:`MIRROR_COVERAGE` of both texts reused and
   :data:`MIRROR_CONTAINMENT` of both held word for word by the other) form a mirror
   group. The group's earliest member (the cluster's origin, when it is one of them) is
   its *representative*; every other member is a ``mirror`` of it.
2. **Parents.** Between groups, a relation is a candidate link from the earlier group to
   the later one: by the relation's own direction (:func:`~.graph.relation_direction`)
   when it links the representatives themselves, else by the representatives' dates (a
   mirror's later date must not reverse a link). A relation with no direction is a
   candidate both ways, weaker than any directed one. Among a group's candidates the one
   that holds the most of the child's text word for word (its *containment*) wins: a copy
   carries the edits of the text it was made from, not those of its siblings. Ties go to
   the earlier candidate. The cluster's origin has no parent.
3. **A tree.** The choices are a maximum spanning arborescence of those candidates, rooted
   at the origin (Edmonds' algorithm, :mod:`networkx`, on the rare clusters where the
   greedy choice closes a cycle). A group no candidate reaches is ``unplaced``.

Every link carries a reason a reader can check: the containment of the chosen parent and
of the runner-up, and where the direction came from (dates, the comparison's evidence, or
only the cluster's origin).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import networkx as nx

from .records import DocInfo, Relation

__all__ = [
    "LINK_KINDS",
    "MIRROR_CONTAINMENT",
    "MIRROR_COVERAGE",
    "Link",
    "cluster_lineage",
    "is_mirror",
]

MIRROR_COVERAGE = 0.9
"""A mirror relation reuses at least this share of both texts."""
MIRROR_CONTAINMENT = 0.9
"""…and each text holds at least this share of the other's content-term pairs."""
LINK_KINDS = ("origin", "mirror", "derived", "unplaced")


@dataclass(frozen=True)
class Link:
    """A member's place in its cluster's lineage."""

    child: int
    parent: int | None
    """doc_id of the member it was made from; None for the origin and unplaced members."""
    kind: str
    """``origin``, ``mirror`` (an exact or near-exact copy of its parent), ``derived``
    (made from its parent, with changes) or ``unplaced`` (no earlier member it derives
    from was verified)."""
    reason: str
    directed: bool
    """The direction rests on evidence (dates, the comparison); False when the link is
    oriented only by the cluster's origin (the relation's direction was unknown)."""
    reused_chars: int = 0
    """Characters of the child inside passages reused from its parent."""


def is_mirror(r: Relation) -> bool:
    """Whether a relation is an exact or near-exact copy (see the module's description)."""
    if not r.kinds or set(r.kinds) != {"verbatim"}:
        return False
    if min(r.coverage) < MIRROR_COVERAGE:
        return False
    measured = r.containment != (0.0, 0.0)
    return not measured or min(r.containment) >= MIRROR_CONTAINMENT


def _held(r: Relation, child: int) -> float:
    """How much of ``child``'s text (one side of ``r``) the other side holds word for word:
    its containment, or its coverage when containment was not measured."""
    side = 0 if child == r.a else 1
    if r.containment != (0.0, 0.0):
        return r.containment[side]
    return r.coverage[side]


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


@dataclass(frozen=True)
class _Candidate:
    parent: int
    child: int
    directed: bool
    held: float
    relation: Relation
    how: str
    """Where the direction came from."""


def cluster_lineage(
    members: Sequence[int],
    origin: int,
    relations: Sequence[Relation],
    docs: Mapping[int, DocInfo],
    dates: Mapping[int, date | None],
    direction: Callable[[Relation], tuple[int, int] | None],
    order: Callable[[int], tuple[object, ...]],
) -> dict[int, Link]:
    """Each member's :class:`Link` (see the module's description).

    ``direction`` gives a relation's ``(source, derived)`` or None; ``order`` is the
    members' time-order key (earliest first), used for representatives and ties.
    """
    rank = {d: i for i, d in enumerate(sorted(members, key=order))}

    # 1. mirror groups (union-find), each led by its earliest member or the origin
    up = {d: d for d in members}

    def find(d: int) -> int:
        while up[d] != d:
            up[d] = up[up[d]]
            d = up[d]
        return d

    mirror_rel: dict[tuple[int, int], Relation] = {}
    for r in relations:
        if is_mirror(r):
            mirror_rel[(r.a, r.b)] = r
            ra, rb = find(r.a), find(r.b)
            if ra != rb:
                up[max(ra, rb, key=rank.__getitem__)] = min(ra, rb, key=rank.__getitem__)
    groups: dict[int, list[int]] = {}
    for d in sorted(members, key=rank.__getitem__):
        groups.setdefault(find(d), []).append(d)
    rep_of: dict[int, int] = {}
    for group in groups.values():
        rep = origin if origin in group else group[0]
        for d in group:
            rep_of[d] = rep
    root = rep_of[origin]

    links: dict[int, Link] = {}
    for d in members:
        rep = rep_of[d]
        if d != rep:
            links[d] = _mirror_link(d, rep, mirror_rel, docs, dates)

    # 2. candidate parents between groups, best relation per (parent, child)
    best: dict[tuple[int, int], _Candidate] = {}
    for r in relations:
        ga, gb = rep_of[r.a], rep_of[r.b]
        if ga == gb:
            continue
        da, db = dates[ga], dates[gb]
        options: list[tuple[int, int, bool, str]]
        if r.source is not None and (r.a, r.b) == (ga, gb):
            # between the groups' own representatives, the comparison's direction stands
            src = r.source
            options = [(src, gb if src == ga else ga, True, "evidence")]
        elif da is not None and db is not None and da != db:
            # a relation through a mirror: the groups' earliest dates decide
            first = ga if da < db else gb
            options = [(first, gb if first == ga else ga, True, "dates")]
        elif (found := direction(r)) is not None:
            src = rep_of[found[0]]
            options = [(src, gb if src == ga else ga, True, "evidence")]
        else:
            options = [(ga, gb, False, ""), (gb, ga, False, "")]
        for parent, child, directed, how in options:
            if child == root:
                continue
            held = _held(r, r.a if rep_of[r.a] == child else r.b)
            cand = _Candidate(parent, child, directed, held, r, how)
            key = (parent, child)
            if key not in best or _strength(cand, rank) > _strength(best[key], rank):
                best[key] = cand

    by_child: dict[int, list[_Candidate]] = {}
    for cand in best.values():
        by_child.setdefault(cand.child, []).append(cand)
    for cands in by_child.values():
        cands.sort(key=lambda c: _strength(c, rank), reverse=True)

    # 3. the tree: greedy best parent, Edmonds when that closes a cycle
    chosen = {child: cands[0] for child, cands in by_child.items()}
    if _has_cycle({c: k.parent for c, k in chosen.items()}):
        chosen = _arborescence(root, by_child, rank)

    for rep in dict.fromkeys(rep_of.values()):
        if rep == root:
            continue
        pick = chosen.get(rep)
        if pick is None:
            links[rep] = Link(
                rep, None, "unplaced", "no earlier member it derives from was verified", False
            )
            continue
        others = [c for c in by_child[rep] if c.parent != pick.parent]
        links[rep] = Link(
            rep,
            pick.parent,
            "derived",
            _derived_reason(pick, others[0] if others else None, docs, dates),
            pick.directed,
            _reused(pick.relation, rep_of, rep),
        )
    links[origin] = Link(origin, None, "origin", "", True)
    return links


def _strength(c: _Candidate, rank: Mapping[int, int]) -> tuple[bool, float, int]:
    """Directed before undirected, then containment, then the earlier parent."""
    return (c.directed, round(c.held, 4), -rank[c.parent])


def _reused(r: Relation, rep_of: Mapping[int, int], child: int) -> int:
    side = 0 if rep_of[r.a] == child else 1
    return r.reused_chars[side]


def _has_cycle(parent: Mapping[int, int]) -> bool:
    state: dict[int, int] = {}
    for start in parent:
        path = []
        d: int | None = start
        while d is not None and d in parent and d not in state:
            state[d] = 1
            path.append(d)
            d = parent[d]
        if d is not None and state.get(d) == 1:
            return True
        for p in path:
            state[p] = 2
    return False


def _arborescence(
    root: int, by_child: Mapping[int, list[_Candidate]], rank: Mapping[int, int]
) -> dict[int, _Candidate]:
    """The maximum spanning arborescence of the candidates rooted at ``root``; weights are
    the candidates' ranks in strength order, so they are distinct and the result does not
    depend on the order of the input."""
    every = sorted(
        (c for cands in by_child.values() for c in cands),
        key=lambda c: (_strength(c, rank), -rank[c.child]),
    )
    graph = nx.DiGraph()
    virtual = min(rank.values(), default=0) - 1
    while virtual in rank:
        virtual -= 1
    nodes = {root} | set(by_child) | {c.parent for c in every}
    graph.add_edge(virtual, root, weight=0)
    for d in sorted(nodes - {root}, key=rank.__getitem__):
        graph.add_edge(virtual, d, weight=-(len(every) + 1))
    for w, c in enumerate(every, start=1):
        graph.add_edge(c.parent, c.child, weight=w, cand=c)
    tree = nx.maximum_spanning_arborescence(graph, attr="weight", preserve_attrs=True)
    return {v: data["cand"] for u, v, data in tree.edges(data=True) if u != virtual}


def _name(d: int, docs: Mapping[int, DocInfo]) -> str:
    return docs[d].ext_id


def _lag(child: int, parent: int, dates: Mapping[int, date | None]) -> str:
    dc, dp = dates[child], dates[parent]
    if dc is None or dp is None:
        return "undated" if dc is None else f"dated {dc.isoformat()}, its parent undated"
    days = (dc - dp).days
    if days == 0:
        return "published the same day"
    if days > 0:
        return f"published {days} day{'s' if days != 1 else ''} later"
    return f"dated {-days} day{'s' if days != -1 else ''} earlier"


def _mirror_link(
    d: int,
    rep: int,
    mirror_rel: Mapping[tuple[int, int], Relation],
    docs: Mapping[int, DocInfo],
    dates: Mapping[int, date | None],
) -> Link:
    r = mirror_rel.get((min(d, rep), max(d, rep)))
    exact = docs[d].mirror_of is not None or docs[rep].mirror_of is not None
    if r is not None and not exact:
        what = (
            f"near-identical text to {_name(rep, docs)} (reused {_pct(min(r.coverage))} both ways)"
        )
    elif exact:
        what = f"identical text to {_name(rep, docs)} (an exact duplicate)"
    else:
        what = f"near-identical text to {_name(rep, docs)} (through other copies)"
    reused = docs[d].chars if r is None else r.reused_chars[0 if d == r.a else 1]
    dc, dr = dates[d], dates[rep]
    directed = dc is not None and dr is not None and dc != dr
    return Link(d, rep, "mirror", f"{what}, {_lag(d, rep, dates)}", directed, reused)


def _derived_reason(
    cand: _Candidate,
    runner_up: _Candidate | None,
    docs: Mapping[int, DocInfo],
    dates: Mapping[int, date | None],
) -> str:
    parent = _name(cand.parent, docs)
    out = f"{_pct(cand.held)} of its text is found word for word in {parent}"
    if runner_up is not None:
        other = _name(runner_up.parent, docs)
        earlier = (
            dates[runner_up.parent] is not None
            and dates[cand.parent] is not None
            and dates[runner_up.parent] < dates[cand.parent]  # type: ignore[operator]
        )
        if earlier and cand.held > runner_up.held:
            out += (
                f", more than in the earlier {other} ({_pct(runner_up.held)}):"
                f" it carries {parent}'s changes"
            )
        else:
            out += f" (next: {other}, {_pct(runner_up.held)})"
    if cand.how == "dates":
        out += f"; {parent} is dated earlier, {_lag(cand.child, cand.parent, dates)}"
    elif cand.how == "evidence":
        out += f"; the comparison names {parent} the source"
    else:
        out += "; direction unknown (no dates or evidence tell which came first)"
    return out
