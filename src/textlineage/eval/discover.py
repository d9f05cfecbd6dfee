"""Score a ``textlineage discover`` run against planted (known) reuse relations.

The truth is a TSV file (see ``docs/eval.md``) with columns ``source``, ``derived`` (document
ids as indexed: the ``id`` that ``discover`` writes in ``pairs.jsonl``) and ``kind`` (free
text: verbatim, light, summary …). A *lineage group* is a connected component of the truth
graph: a source, what was derived from it, what was derived from that, and so on.

:func:`read_truth` and :func:`read_discovery` read the two sides; :func:`score_discovery`,
a pure function, gives a :class:`DiscoverEvaluation`: recall per kind and overall,
precision (strict, and counting pairs inside one lineage group as correct), direction
accuracy, and the agreement of discover's clusters with the lineage groups as the adjusted
Rand index (:func:`adjusted_rand_index`) and B-cubed precision/recall/F1 (:func:`bcubed`).
:func:`evaluate_discover` does all three.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import InputError
from ._tsv import f1, fmt, ratio, read_jsonl, read_tsv, table

__all__ = [
    "BCubed",
    "ClusterAgreement",
    "DiscoverEvaluation",
    "Discovery",
    "KindRecall",
    "ReportedPair",
    "TruthRelation",
    "adjusted_rand_index",
    "bcubed",
    "evaluate_discover",
    "format_discover",
    "lineage_groups",
    "read_discovery",
    "read_truth",
    "score_discovery",
]

SCHEMA = "textlineage.eval.discover"
SCHEMA_VERSION = "1.0"
UNSPECIFIED_KIND = "unspecified"


@dataclass(frozen=True)
class TruthRelation:
    """One planted relation: ``derived`` took from ``source``."""

    line: int
    source: str
    derived: str
    kind: str


@dataclass(frozen=True)
class ReportedPair:
    """One relation ``discover`` reported; ``source`` is one of ``a``/``b`` or None."""

    a: str
    b: str
    source: str | None = None


@dataclass(frozen=True)
class Discovery:
    """What a ``discover`` output directory says: its pairs and its clusters (member ids)."""

    pairs: tuple[ReportedPair, ...]
    clusters: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class KindRecall:
    """Truth relations of one kind (or ``overall``) and how many were found."""

    kind: str
    relations: int
    found: int

    @property
    def recall(self) -> float | None:
        return ratio(self.found, self.relations)

    def to_dict(self) -> dict[str, Any]:
        return {"relations": self.relations, "found": self.found, "recall": self.recall}


@dataclass(frozen=True)
class BCubed:
    """B-cubed precision, recall and F1 of a clustering against a reference."""

    precision: float | None
    recall: float | None

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class ClusterAgreement:
    """Discover's clusters against the truth's lineage groups, over ``documents`` ids."""

    documents: int
    truth_groups: int
    clusters: int
    ari: float | None
    bcubed: BCubed

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "truth_groups": self.truth_groups,
            "clusters": self.clusters,
            "ari": self.ari,
            "bcubed": self.bcubed.to_dict(),
        }


@dataclass(frozen=True)
class DiscoverEvaluation:
    """Every measure of :func:`score_discovery`; :meth:`to_dict` is the documented JSON."""

    by_kind: tuple[KindRecall, ...]
    overall: KindRecall
    reported_pairs: int
    true_pairs: int
    """Reported pairs that are truth relations (either orientation)."""
    lineage_pairs: int
    """Reported pairs whose two documents are in one lineage group."""
    direction_evaluated: int
    """Found relations for which discover named a source."""
    direction_correct: int
    found_without_source: int
    clusters: ClusterAgreement
    missed: tuple[TruthRelation, ...]
    truth_file: str = ""
    out_dir: str = ""

    @property
    def precision(self) -> float | None:
        return ratio(self.true_pairs, self.reported_pairs)

    @property
    def lineage_precision(self) -> float | None:
        return ratio(self.lineage_pairs, self.reported_pairs)

    @property
    def direction_accuracy(self) -> float | None:
        return ratio(self.direction_correct, self.direction_evaluated)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "truth_file": self.truth_file,
            "out_dir": self.out_dir,
            "recall": {
                "overall": self.overall.to_dict(),
                "by_kind": {k.kind: k.to_dict() for k in self.by_kind},
            },
            "precision": {
                "reported_pairs": self.reported_pairs,
                "true_pairs": self.true_pairs,
                "precision": self.precision,
                "lineage_pairs": self.lineage_pairs,
                "lineage_precision": self.lineage_precision,
            },
            "direction": {
                "evaluated": self.direction_evaluated,
                "correct": self.direction_correct,
                "accuracy": self.direction_accuracy,
                "found_without_source": self.found_without_source,
            },
            "clusters": self.clusters.to_dict(),
            "missed": [
                {"line": r.line, "source": r.source, "derived": r.derived, "kind": r.kind}
                for r in self.missed
            ],
        }


# ---------------------------------------------------------------------------------------
# Reading


def read_truth(path: str | os.PathLike[str]) -> list[TruthRelation]:
    """Read and check a truth TSV (``source``, ``derived``, ``kind``; header required).

    An empty ``kind`` reads as ``unspecified``. A relation from a document to itself, the
    same two documents listed twice (in either orientation) or a file with no relations
    raises :class:`InputError` naming the file and line.
    """
    p = Path(path)
    rows = read_tsv(p, ("source", "derived", "kind"), may_be_empty=("kind",), what="a truth TSV")
    out: list[TruthRelation] = []
    seen: dict[frozenset[str], int] = {}
    for row in rows:
        src, der = row.fields["source"], row.fields["derived"]
        if src == der:
            raise InputError(str(p), f"line {row.line}: {src!r} is its own source")
        key = frozenset((src, der))
        if key in seen:
            raise InputError(
                str(p), f"line {row.line}: {src} and {der} already related on line {seen[key]}"
            )
        seen[key] = row.line
        out.append(TruthRelation(row.line, src, der, row.fields["kind"] or UNSPECIFIED_KIND))
    if not out:
        raise InputError(str(p), "no relations below the header")
    return out


def _jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    return read_jsonl(path, f"{path.name} written by `textlineage discover`")


def _doc_id(path: Path, lineno: int, ref: Any, field: str, key: str) -> str:
    if not isinstance(ref, dict) or not isinstance(ref.get(key), str):
        raise InputError(str(path), f"line {lineno}: no {field}.{key}")
    value: str = ref[key]
    return value


def read_discovery(out_dir: str | os.PathLike[str]) -> Discovery:
    """Read ``pairs.jsonl`` and ``clusters.jsonl`` from a ``discover`` output directory."""
    d = Path(out_dir)
    if not d.is_dir():
        problem = "is a file, not" if d.exists() else "no such directory: expected"
        raise InputError(str(d), f"{problem} the output directory of `textlineage discover`")
    pairs_path, clusters_path = d / "pairs.jsonl", d / "clusters.jsonl"
    pairs = []
    for lineno, rec in _jsonl(pairs_path):
        a = _doc_id(pairs_path, lineno, rec.get("a"), "a", "id")
        b = _doc_id(pairs_path, lineno, rec.get("b"), "b", "id")
        source = rec.get("source")
        if source is not None and source not in (a, b):
            raise InputError(
                str(pairs_path), f"line {lineno}: source {source!r} is neither a nor b"
            )
        pairs.append(ReportedPair(a, b, source))
    clusters = []
    where: dict[str, int] = {}
    for lineno, rec in _jsonl(clusters_path):
        members = rec.get("members")
        if not isinstance(members, list):
            raise InputError(str(clusters_path), f"line {lineno}: no members list")
        ids = tuple(_doc_id(clusters_path, lineno, m, "members[]", "ext_id") for m in members)
        for x in ids:
            if x in where:
                raise InputError(
                    str(clusters_path),
                    f"line {lineno}: document {x!r} already in the cluster on line {where[x]}",
                )
            where[x] = lineno
        clusters.append(ids)
    return Discovery(tuple(pairs), tuple(clusters))


# ---------------------------------------------------------------------------------------
# Cluster agreement (pure)


def _pairs2(n: int) -> int:
    return n * (n - 1) // 2


def _contingency(
    truth: Sequence[Hashable], predicted: Sequence[Hashable]
) -> tuple[Counter[tuple[Hashable, Hashable]], Counter[Hashable], Counter[Hashable]]:
    if len(truth) != len(predicted):
        raise ValueError(f"{len(truth)} true labels but {len(predicted)} predicted labels")
    cells = Counter(zip(truth, predicted, strict=True))
    return cells, Counter(truth), Counter(predicted)


def adjusted_rand_index(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> float | None:
    """Adjusted Rand index (Hubert and Arabie 1985) of two labellings of the same items.

    ``truth[i]`` and ``predicted[i]`` are item i's group in each partition. From the
    contingency table n_ij with row sums a_i and column sums b_j, over n items:
    ``(Σ C(n_ij,2) − E) / (½(Σ C(a_i,2) + Σ C(b_j,2)) − E)`` with
    ``E = Σ C(a_i,2) · Σ C(b_j,2) / C(n,2)``. 1 for identical partitions, about 0 for
    chance agreement, negative below chance. The denominator is 0 only for identical
    partitions (all singletons, or one group), which score 1; no items gives ``None``.
    """
    cells, rows, cols = _contingency(truth, predicted)
    n = len(truth)
    if n == 0:
        return None
    index = sum(_pairs2(v) for v in cells.values())
    sum_a = sum(_pairs2(v) for v in rows.values())
    sum_b = sum(_pairs2(v) for v in cols.values())
    total = _pairs2(n)
    expected = sum_a * sum_b / total if total else 0.0
    maximum = (sum_a + sum_b) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def bcubed(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> BCubed:
    """B-cubed precision and recall (Bagga and Baldwin 1998) of two labellings.

    For item e with predicted cluster C(e) and true group L(e): precision(e) =
    |C(e) ∩ L(e)| / |C(e)|, recall(e) = |C(e) ∩ L(e)| / |L(e)|; both averaged over the
    items (``None`` when there are none).
    """
    cells, rows, cols = _contingency(truth, predicted)
    n = len(truth)
    if n == 0:
        return BCubed(None, None)
    # The items of one cell share C(e) ∩ L(e): the cell itself.
    precision = sum(v * v / cols[p] for (_t, p), v in cells.items()) / n
    recall = sum(v * v / rows[t] for (t, _p), v in cells.items()) / n
    return BCubed(precision, recall)


def lineage_groups(truth: Sequence[TruthRelation]) -> dict[str, int]:
    """Each document of the truth → the number of its lineage group (connected component)."""
    graph = nx.Graph()
    graph.add_edges_from((r.source, r.derived) for r in truth)
    # Groups numbered in the order of their smallest document, documents listed sorted.
    groups = sorted(sorted(c) for c in nx.connected_components(graph))
    number = {x: n for n, members in enumerate(groups) for x in members}
    return {x: number[x] for x in sorted(number)}


# ---------------------------------------------------------------------------------------
# Scoring (pure)


def score_discovery(
    truth: Sequence[TruthRelation],
    discovery: Discovery,
    *,
    truth_file: str = "",
    out_dir: str = "",
) -> DiscoverEvaluation:
    """Score reported pairs and clusters against the truth relations.

    * A truth relation is *found* when a pair between its two documents was reported, in
      either orientation; recall per kind and overall.
    * precision: reported pairs that are truth relations / reported pairs; lineage
      precision counts a pair as correct also when its documents share a lineage group.
    * direction: over found relations where discover named a source, the share naming the
      truth's source.
    * clusters: over every document in the truth or in a cluster, discover's clusters
      (a document in none is its own singleton) against the lineage groups (a document in
      no truth relation is its own singleton): ARI and B-cubed.
    """
    reported: dict[frozenset[str], ReportedPair] = {}
    for p in discovery.pairs:
        if p.a != p.b:
            reported.setdefault(frozenset((p.a, p.b)), p)
    truth_keys = {frozenset((r.source, r.derived)) for r in truth}
    groups = lineage_groups(truth)

    found_by_kind: Counter[str] = Counter()
    total_by_kind: Counter[str] = Counter()
    missed = []
    evaluated = correct = unnamed = 0
    for r in truth:
        total_by_kind[r.kind] += 1
        hit = reported.get(frozenset((r.source, r.derived)))
        if hit is None:
            missed.append(r)
            continue
        found_by_kind[r.kind] += 1
        if hit.source is None:
            unnamed += 1
        else:
            evaluated += 1
            correct += hit.source == r.source
    true_pairs = sum(1 for key in reported if key in truth_keys)
    lineage_pairs = 0
    for key in reported:
        x, y = sorted(key)
        lineage_pairs += x in groups and y in groups and groups[x] == groups[y]

    cluster_of = {doc: k for k, members in enumerate(discovery.clusters) for doc in members}
    docs = sorted(set(groups) | set(cluster_of))
    labels_true = [("t", groups[d]) if d in groups else ("doc", d) for d in docs]
    labels_pred = [("c", cluster_of[d]) if d in cluster_of else ("doc", d) for d in docs]
    agreement = ClusterAgreement(
        documents=len(docs),
        truth_groups=len(set(groups.values())),
        clusters=len(discovery.clusters),
        ari=adjusted_rand_index(labels_true, labels_pred),
        bcubed=bcubed(labels_true, labels_pred),
    )
    return DiscoverEvaluation(
        by_kind=tuple(
            KindRecall(k, total_by_kind[k], found_by_kind[k]) for k in sorted(total_by_kind)
        ),
        overall=KindRecall("overall", len(truth), sum(found_by_kind.values())),
        reported_pairs=len(reported),
        true_pairs=true_pairs,
        lineage_pairs=lineage_pairs,
        direction_evaluated=evaluated,
        direction_correct=correct,
        found_without_source=unnamed,
        clusters=agreement,
        missed=tuple(missed),
        truth_file=truth_file,
        out_dir=out_dir,
    )


def evaluate_discover(
    truth_path: str | os.PathLike[str], out_dir: str | os.PathLike[str]
) -> DiscoverEvaluation:
    """Read the truth TSV and a ``discover`` output directory, and score the run."""
    truth = read_truth(truth_path)
    discovery = read_discovery(out_dir)
    return score_discovery(truth, discovery, truth_file=str(truth_path), out_dir=str(out_dir))


# ---------------------------------------------------------------------------------------
# Text report

MISSED_SHOWN = 20


def format_discover(ev: DiscoverEvaluation) -> str:
    """A plain-text report of a :class:`DiscoverEvaluation` (``n/a``: undefined)."""
    out = table(
        ["kind", "relations", "found", "recall"],
        [
            [k.kind, str(k.relations), str(k.found), fmt(k.recall)]
            for k in [*ev.by_kind, ev.overall]
        ],
    )
    c = ev.clusters
    out += [
        "",
        f"reported pairs {ev.reported_pairs}: precision {fmt(ev.precision)} "
        f"({ev.true_pairs} are truth relations); lineage precision {fmt(ev.lineage_precision)} "
        f"({ev.lineage_pairs} join two documents of one lineage group)",
        f"direction: {ev.direction_correct} of {ev.direction_evaluated} correct "
        f"({fmt(ev.direction_accuracy)}) over found relations with a reported source; "
        f"{ev.found_without_source} found without a source",
        f"clusters vs lineage groups over {c.documents} documents "
        f"({c.clusters} clusters, {c.truth_groups} groups): ARI {fmt(c.ari)}, "
        f"B-cubed precision {fmt(c.bcubed.precision)}, recall {fmt(c.bcubed.recall)}, "
        f"F1 {fmt(c.bcubed.f1)}",
    ]
    if ev.missed:
        out += ["", "missed (line: source -> derived, kind):"]
        out += [
            f"  line {r.line}: {r.source} -> {r.derived}, {r.kind}"
            for r in ev.missed[:MISSED_SHOWN]
        ]
        if len(ev.missed) > MISSED_SHOWN:
            out.append(f"  … and {len(ev.missed) - MISSED_SHOWN} more (see --format json)")
    return "\n".join(out)
