"""Lineage inside a cluster: one parent per member, mirrors, and the network built on it."""

from __future__ import annotations

import itertools
import random

from textlineage.network import Cluster, DocInfo, Relation, build_clusters, site_network
from textlineage.network.lineage import is_mirror


def doc(doc_id: int, site: str, day: str = "", mirror_of: int | None = None) -> DocInfo:
    return DocInfo(doc_id, f"d{doc_id}", site, day, mirror_of=mirror_of)


def rel(
    a: int,
    b: int,
    source: int | None,
    held: tuple[float, float],
    coverage: tuple[float, float] = (0.6, 0.8),
    kinds: tuple[str, ...] = ("verbatim", "near-verbatim"),
    pairs: tuple[int, int] = (0, 0),
) -> Relation:
    """A relation where ``held`` is how much of a's and of b's text the other holds (and
    ``pairs`` how many word pairs, when given)."""
    return Relation(a, b, "derived", source, 0.9, coverage, (500, 400), kinds, held, pairs)


def exact(a: int, b: int, source: int | None) -> Relation:
    return Relation(a, b, "derived", source, 1.0, (1.0, 1.0), (900, 900), ("verbatim",), (1, 1))


def parents(c: Cluster) -> dict[int, int | None]:
    return {k.child: k.parent for k in c.links}


def test_chain_child_takes_the_parent_whose_edits_it_carries() -> None:
    # A(1) → B(2) → C(3); C shares text with A too, but carries B's edits.
    docs = {1: doc(1, "a.com", "2021-01-01"), 2: doc(2, "b.com", "2021-01-03")}
    docs[3] = doc(3, "c.com", "2021-01-06")
    relations = [
        rel(1, 2, 1, (0.9, 0.92)),
        rel(2, 3, 2, (0.95, 0.97)),
        rel(1, 3, 1, (0.85, 0.88)),
    ]
    (cluster,) = build_clusters(docs, relations)
    assert parents(cluster) == {1: None, 2: 1, 3: 2}
    link = cluster.link(3)
    assert link.kind == "derived" and link.directed
    assert "97% of its text is found word for word in d2" in link.reason
    assert "more than in the earlier d1 (88%)" in link.reason
    assert cluster.roles == ("origin", "derived", "derived")


def test_siblings_are_not_linked_to_each_other() -> None:
    # A(1) → B(2) and A(1) → C(3): B and C share A's text, C is later than B.
    docs = {
        1: doc(1, "a.com", "2021-01-01"),
        2: doc(2, "b.com", "2021-01-03"),
        3: doc(3, "c.com", "2021-01-06"),
    }
    relations = [
        rel(1, 2, 1, (0.8, 0.93)),
        rel(1, 3, 1, (0.85, 0.96)),
        rel(2, 3, 2, (0.82, 0.84)),  # the sibling relation, directed by dates
    ]
    (cluster,) = build_clusters(docs, relations)
    assert parents(cluster) == {1: None, 2: 1, 3: 1}
    net = site_network(docs, relations, [cluster])
    assert {(e.source_site, e.derived_site) for e in net.edges} == {
        ("a.com", "b.com"),
        ("a.com", "c.com"),
    }
    assert net.site("b.com").copied_from == 0


def test_ties_go_to_the_earlier_candidate() -> None:
    docs = {
        1: doc(1, "a.com", "2021-01-01"),
        2: doc(2, "b.com", "2021-01-03"),
        3: doc(3, "c.com", "2021-01-06"),
    }
    relations = [rel(1, 2, 1, (0.9, 1.0)), rel(2, 3, 2, (1.0, 1.0)), rel(1, 3, 1, (0.9, 1.0))]
    (cluster,) = build_clusters(docs, relations)
    assert cluster.link(3).parent == 1


def test_exact_duplicates_are_mirrors_with_their_own_site_and_date() -> None:
    # 1 is indexed; -1 and -2 are exact duplicates recorded later (on other sites), -3 a
    # duplicate dated before the indexed copy: it is the group's earliest, so the origin.
    docs = {
        1: doc(1, "outlet.com", "2021-05-02"),
        2: doc(2, "blog.net", "2021-05-09"),
        -1: doc(-1, "mirror1.net", "2021-05-04", mirror_of=1),
        -2: doc(-2, "mirror2.net", "2021-05-05", mirror_of=1),
        -3: doc(-3, "first.org", "2021-05-01", mirror_of=1),
    }
    relations = [
        exact(-1, 1, 1),
        exact(-2, 1, 1),
        exact(-3, 1, -3),
        rel(1, 2, 1, (0.7, 0.9)),
    ]
    (cluster,) = build_clusters(docs, relations)
    assert cluster.origin == -3
    assert parents(cluster) == {-3: None, 1: -3, -1: -3, -2: -3, 2: -3}
    assert cluster.mirrors == 3
    assert {k.child for k in cluster.links if k.kind == "mirror"} == {1, -1, -2}
    assert "exact duplicate" in cluster.link(-1).reason
    assert "3 days later" in cluster.link(-1).reason
    net = site_network(docs, relations, [cluster])
    assert net.edge("first.org", "mirror1.net").mirrors == 1
    assert net.edge("first.org", "blog.net").mirrors == 0
    assert net.site("first.org").mirrored == 3
    assert net.site("mirror2.net").mirroring == 1
    assert sum(e.mirrors for e in net.edges) == 3


def test_same_day_duplicate_follows_the_indexed_copy() -> None:
    docs = {1: doc(1, "a.com", "2021-05-02"), -1: doc(-1, "b.com", "2021-05-02", mirror_of=1)}
    (cluster,) = build_clusters(docs, [exact(-1, 1, None)])
    assert cluster.origin == 1
    link = cluster.link(-1)
    assert (link.parent, link.kind, link.directed) == (1, "mirror", False)
    assert "same day" in link.reason


def test_near_exact_copy_is_a_mirror_and_an_edited_one_is_not() -> None:
    near = rel(1, 2, 1, (0.97, 0.98), coverage=(0.95, 0.97), kinds=("verbatim",))
    edited = rel(1, 3, 1, (0.8, 0.85), coverage=(0.95, 0.97), kinds=("near-verbatim",))
    assert is_mirror(near) and not is_mirror(edited)
    partial = rel(1, 4, 1, (0.5, 0.99), coverage=(0.5, 0.99), kinds=("verbatim",))
    assert not is_mirror(partial)
    docs = {d: doc(d, f"s{d}.com", f"2021-01-0{d}") for d in (1, 2, 3, 4)}
    (cluster,) = build_clusters(docs, [near, edited, partial])
    assert [k.kind for k in cluster.links] == ["origin", "mirror", "derived", "derived"]


def test_mirror_of_a_derived_document_hangs_below_it() -> None:
    # A(1) → B(2), and B is mirrored by M(3); M shares A's text too.
    docs = {
        1: doc(1, "a.com", "2021-01-01"),
        2: doc(2, "b.com", "2021-01-03"),
        3: doc(3, "m.com", "2021-01-04"),
    }
    relations = [
        rel(1, 2, 1, (0.9, 0.92)),
        rel(2, 3, 2, (0.99, 0.99), coverage=(0.98, 0.98), kinds=("verbatim",)),
        rel(1, 3, 1, (0.9, 0.92)),
    ]
    (cluster,) = build_clusters(docs, relations)
    assert parents(cluster) == {1: None, 2: 1, 3: 2}
    assert cluster.link(3).kind == "mirror"


def test_undirected_relation_is_a_weaker_candidate_than_a_directed_one() -> None:
    # 3 is undated: its relation with 2 has no direction, the one with 1 has (source 1).
    docs = {1: doc(1, "a.com", "2021-01-01"), 2: doc(2, "b.com", "2021-01-03"), 3: doc(3, "c")}
    relations = [rel(1, 2, 1, (0.9, 0.9)), rel(2, 3, None, (0.99, 0.99)), rel(1, 3, 1, (0.5, 0.5))]
    (cluster,) = build_clusters(docs, relations)
    assert cluster.link(3).parent == 1 and cluster.link(3).directed


def test_contradicting_directions_still_give_a_tree() -> None:
    # The comparisons state a cycle 2 → 3 → 4 → 2 below the origin 1 (all undated).
    docs = {d: doc(d, f"s{d}.com") for d in (1, 2, 3, 4)}
    docs[1] = doc(1, "s1.com", "2020-01-01")
    relations = [
        rel(1, 2, 1, (0.3, 0.3)),
        rel(2, 3, 2, (0.9, 0.9)),
        rel(3, 4, 3, (0.9, 0.9)),
        rel(2, 4, 4, (0.9, 0.9)),
    ]
    (cluster,) = build_clusters(docs, relations)
    p = parents(cluster)
    assert p[1] is None
    for start in (2, 3, 4):  # every member reaches the origin: no cycle
        seen, d = set(), start
        while p[d] is not None:
            assert d not in seen
            seen.add(d)
            d = p[d]  # type: ignore[assignment]
        assert d == 1


def test_lineage_does_not_depend_on_input_order() -> None:
    rng = random.Random(7)
    docs = {d: doc(d, f"s{d % 4}.com", f"2021-0{1 + d % 3}-1{d % 7}") for d in range(1, 13)}
    docs[13] = doc(13, "x.com")
    relations = []
    for a, b in itertools.combinations(range(1, 14), 2):
        if rng.random() < 0.4:
            src = rng.choice([a, b, None])
            relations.append(rel(a, b, src, (round(rng.random(), 2), round(rng.random(), 2))))
    want = [(c.members, c.links) for c in build_clusters(docs, relations)]
    for _ in range(5):
        rng.shuffle(relations)
        shuffled = dict(rng.sample(sorted(docs.items()), len(docs)))
        assert [(c.members, c.links) for c in build_clusters(shuffled, relations)] == want


def republished(a: int, b: int, pairs: tuple[int, int]) -> Relation:
    return rel(a, b, a, (0.99, 0.99), coverage=(0.9, 0.9), kinds=("verbatim",), pairs=pairs)


def test_a_mirror_goes_to_the_copy_whose_credit_line_it_carries() -> None:
    # A(1) is republished by B(2) with a credit line; M(3) mirrors B, credit line included:
    # B holds 110 of M's word pairs, A only the 100 of the article.
    docs = {
        1: doc(1, "a.com", "2021-01-01"),
        2: doc(2, "b.com", "2021-01-03"),
        3: doc(3, "m.com", "2021-01-04"),
    }
    relations = [republished(1, 2, (100, 100)), republished(2, 3, (110, 110))]
    relations.append(republished(1, 3, (100, 100)))
    (cluster,) = build_clusters(docs, relations)
    assert parents(cluster) == {1: None, 2: 1, 3: 2}
    assert [k.kind for k in cluster.links] == ["origin", "mirror", "mirror"]
    assert "near-identical copy" in cluster.link(3).reason
    # Without the credit line the three are the same article: the earliest is the parent
    # (one pair more or less is a passage boundary, not evidence).
    relations = [republished(1, 2, (100, 100)), republished(2, 3, (101, 101))]
    relations.append(republished(1, 3, (100, 100)))
    (cluster,) = build_clusters(docs, relations)
    assert parents(cluster) == {1: None, 2: 1, 3: 1}


def test_an_exact_duplicate_of_a_copy_mirrors_that_copy_not_the_original() -> None:
    # B(2) republished A(1); -1 is B's byte-identical twin (recorded, not indexed), and
    # dated earlier than B: it leads B's group, and B mirrors it.
    docs = {
        1: doc(1, "a.com", "2021-01-01"),
        2: doc(2, "b.com", "2021-01-06"),
        -1: doc(-1, "c.com", "2021-01-04", mirror_of=2),
    }
    relations = [republished(1, 2, (100, 100)), exact(-1, 2, -1)]
    (cluster,) = build_clusters(docs, relations)
    assert parents(cluster) == {1: None, -1: 1, 2: -1}
    assert cluster.link(2).kind == "mirror" and "exact duplicate" in cluster.link(2).reason
    assert cluster.mirrors == 2
