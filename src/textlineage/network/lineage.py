"""Lineage inside a cluster: each member linked to the one member it was most probably made
from.

Verified relations say which documents share text. They over-state who copied whom: two
sites that both copied one source share that text too, and are related to each other as
much as to the source. Lineage keeps one parent per member:

1. **Exact duplicates.** Byte-identical members (a copy the index recorded rather than
   indexed again, :mod:`textlineage.corpus.mirrors`) form a group led by its earliest
   member (the cluster's origin, when it is one of them); the others are its mirrors:
   which of them was copied from which, nothing in the text can tell.
2. **Parents.** Between groups, a relation is a candidate link from the earlier member to
   the later one: by the relation's own direction (:func:`~.graph.relation_direction`)
   when it links the groups' leaders themselves, else by the leaders' dates (a
   duplicate's later date must not reverse a link). A relation with no direction is a
   candidate both ways, weaker than any directed one. Among a member's candidates the one
   that holds the most of its reused text word for word wins (the count of its
   content-term pairs found in the candidate: a copy carries the edits of the text it was
   made from, not those of its siblings, and a credit line it copied with the text);
   counts within :data:`TIE_SHARE` of the best are tied, and ties go to the earlier
   candidate. The cluster's origin has no parent.
3. **A tree.** The choices are a maximum spanning arborescence of those candidates, rooted
   at the origin (Edmonds' algorithm, :mod:`networkx`, on the rare clusters where the
   greedy choice closes a cycle). A member no candidate reaches is ``unplaced``.
4. **Mirrors.** A link whose relation is a near-exact copy (every passage verbatim, at
   least :data:`MIRROR_COVERAGE` of both texts reused and :data:`MIRROR_CONTAINMENT` of
   both held word for word by the other: the same article with another site's page
   furniture or a credit line) is a ``mirror``; other links are ``derived``.

Every link carries a reason a reader can check: the containment of the chosen parent and
of the runner-up, and where the direction came from (dates, the comparison's evidence, or
only the cluster's origin).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
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

MIRROR_COVERAGE = 0.75
"""A mirror relation reuses at least this share of both texts (the rest is each copy's own
page furniture: masthead, footer, a credit line)."""
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


def _held(r: Relation, child: int) -> tuple[float, float]:
    """How much of ``child``'s reused text (one side of ``r``) the other side holds word for
    word: as a share (its containment, else its coverage when not measured), and as a
    count of word pairs (the share when not measured)."""
    side = 0 if child == r.a else 1
    share = r.containment[side] if r.containment != (0.0, 0.0) else r.coverage[side]
    count = r.shared_pairs[side] if r.shared_pairs != (0, 0) else share
    return share, float(count)


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


@dataclass(frozen=True)
class _Candidate:
    parent: int
    child: int
    directed: bool
    held: float
    """Share of the child's reused word pairs found in the parent (for the reasons)."""
    count: float
    """How many (or, not measured, the share) — what the choice compares."""
    relation: Relation
    how: str
    """Where the direction came from."""
    level: float = 0.0


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

    # 1. exact duplicates (byte-identical texts) are one group, led by the earliest: which
    # of them was copied from which, nothing in the text can tell
    rep_of = _groups(
        members, origin, rank, (r for r in relations if _is_exact(r, docs)), lambda d: d
    )
    root = rep_of[origin]
    links: dict[int, Link] = {}
    for d in members:
        if d != rep_of[d]:
            links[d] = _exact_link(d, rep_of[d], docs, dates)

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
            side = r.a if rep_of[r.a] == child else r.b
            held, count = _held(r, side)
            cand = _Candidate(parent, child, directed, held, count, r, how, level=count)
            key = (parent, child)
            if key not in best or _strength(cand, rank) > _strength(best[key], rank):
                best[key] = cand

    by_child: dict[int, list[_Candidate]] = {}
    for cand in best.values():
        by_child.setdefault(cand.child, []).append(cand)
    for child, cands in by_child.items():
        by_child[child] = sorted(_level(cands), key=lambda c: _strength(c, rank), reverse=True)

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
        why = _derived_reason(pick, others[0] if others else None, docs, dates)
        kind = "derived"
        if is_mirror(pick.relation):
            kind = "mirror"
            cover = _pct(min(pick.relation.coverage))
            why = f"a near-identical copy (every passage verbatim, {cover} of both reused): {why}"
        links[rep] = Link(
            rep, pick.parent, kind, why, pick.directed, _reused(pick.relation, rep_of, rep)
        )
    links[origin] = Link(origin, None, "origin", "", True)
    return links


def _is_exact(r: Relation, docs: Mapping[int, DocInfo]) -> bool:
    """A relation between an exact duplicate and the document with its text."""
    return docs[r.a].mirror_of == r.b or docs[r.b].mirror_of == r.a


def _groups(
    members: Sequence[int],
    lead: int,
    rank: Mapping[int, int],
    relations: Iterable[Relation],
    node: Callable[[int], int],
) -> dict[int, int]:
    """Each of ``members``' group representative, groups being the connected components
    of ``relations`` (their ends mapped by ``node``): ``lead`` when it is in the group,
    else the group's earliest member."""
    up = {d: d for d in members}

    def find(d: int) -> int:
        while up[d] != d:
            up[d] = up[up[d]]
            d = up[d]
        return d

    for r in relations:
        ra, rb = find(node(r.a)), find(node(r.b))
        if ra != rb:
            up[max(ra, rb, key=rank.__getitem__)] = min(ra, rb, key=rank.__getitem__)
    grouped: dict[int, list[int]] = {}
    for d in sorted(members, key=rank.__getitem__):
        grouped.setdefault(find(d), []).append(d)
    out: dict[int, int] = {}
    for group in grouped.values():
        rep = lead if lead in group else group[0]
        for d in group:
            out[d] = rep
    return out


TIE_PAIRS = 2
TIE_SHARE = 0.01
"""Candidates whose counts of the child's word pairs are within the larger of
:data:`TIE_PAIRS` and :data:`TIE_SHARE` of the best are tied (the earlier one wins):
passage boundaries move a count by a few pairs."""


def _strength(c: _Candidate, rank: Mapping[int, int]) -> tuple[bool, float, int]:
    """Directed before undirected, then how much of the child the parent holds (ties
    levelled by :func:`_level`), then the earlier parent."""
    return (c.directed, c.level, -rank[c.parent])


def _level(cands: list[_Candidate]) -> list[_Candidate]:
    """The candidates of one child with ``level`` set: their word-pair count, or the best
    count of their kind (directed or not) when within the tie margin of it."""
    out = []
    for directed in (True, False):
        group = [c for c in cands if c.directed == directed]
        if not group:
            continue
        top = max(c.count for c in group)
        margin = max(TIE_PAIRS, TIE_SHARE * top) if top >= 1 else 0.0
        out += [replace(c, level=top if c.count >= top - margin else c.count) for c in group]
    return out


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


def _exact_link(
    d: int, rep: int, docs: Mapping[int, DocInfo], dates: Mapping[int, date | None]
) -> Link:
    """``d`` is byte-identical to ``rep``, its group's earliest member."""
    what = f"identical text to {_name(rep, docs)} (an exact duplicate)"
    reused = docs[d].chars
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
