"""The results of the lineage scorer (:mod:`textlineage.eval.lineage`): dataclasses whose
``to_dict()`` is the JSON of ``textlineage eval lineage --format json``.

A figure that cannot be computed is ``None`` (``null`` in JSON): a ratio over nothing, or
any parent, link or mirror figure of an output without lineage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._tsv import ratio

__all__ = [
    "CATEGORIES",
    "SCHEMA",
    "SCHEMA_VERSION",
    "SIBLING_CATEGORIES",
    "KindAccuracy",
    "LineageEvaluation",
    "LinkPrecision",
    "MirrorCounts",
    "OriginScores",
    "SiteEdgeScores",
    "WrongLink",
]

SCHEMA = "textlineage.eval.lineage"
SCHEMA_VERSION = "1.0"

CATEGORIES = (
    "parent",
    "mirror_of_parent",
    "ancestor",
    "descendant",
    "sibling",
    "collateral",
    "unrelated",
)
"""What a reported parent link is, per the truth (see :func:`~.lineage.classify_link`)."""

SIBLING_CATEGORIES = ("sibling", "collateral")
"""*Sibling links*: between two documents of one lineage, neither descended from the other,
the reported parent being no mirror of the child's parent or ancestors (those are counted
as ``mirror_of_parent`` and ``ancestor``)."""


def _opt(n: int | None, d: int | None) -> float | None:
    return None if n is None or d is None else ratio(n, d)


@dataclass(frozen=True)
class KindAccuracy:
    """Truth parent links of one kind (or ``overall``) and how many were reported right."""

    kind: str
    links: int
    missing: int
    """Children in no reported cluster (counted as wrong)."""
    correct: int | None
    """Children whose reported parent is the true parent; None without lineage."""
    correct_or_mirror: int | None
    """Also counting a mirror of the true parent as right."""

    @property
    def accuracy(self) -> float | None:
        return _opt(self.correct, self.links)

    @property
    def accuracy_or_mirror(self) -> float | None:
        return _opt(self.correct_or_mirror, self.links)

    def to_dict(self) -> dict[str, Any]:
        return {
            "links": self.links,
            "missing": self.missing,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "correct_or_mirror": self.correct_or_mirror,
            "accuracy_or_mirror": self.accuracy_or_mirror,
        }


@dataclass(frozen=True)
class WrongLink:
    """A truth link the output got wrong (the child is in a cluster)."""

    line: int
    child: str
    parent: str
    reported: str | None
    kind: str
    category: str
    """The reported parent's :data:`CATEGORIES` entry, ``none`` when no parent was given."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "child": self.child,
            "parent": self.parent,
            "reported": self.reported,
            "kind": self.kind,
            "category": self.category,
        }


@dataclass(frozen=True)
class LinkPrecision:
    """Every reported non-null parent, by what it is."""

    reported: int | None
    categories: dict[str, int] = field(default_factory=dict)
    parent_of_original: int | None = None
    """Reported links whose child has no truth parent (an original or an unknown document)."""
    sibling_with_mirror: int | None = None
    """Sibling links with a mirror on either side."""
    unplaced: int | None = None
    """Members with link ``unplaced``."""

    @property
    def correct(self) -> int | None:
        return None if self.reported is None else self.categories.get("parent", 0)

    @property
    def precision(self) -> float | None:
        return _opt(self.correct, self.reported)

    @property
    def sibling_links(self) -> int | None:
        if self.reported is None:
            return None
        return sum(self.categories.get(k, 0) for k in SIBLING_CATEGORIES)

    def to_dict(self) -> dict[str, Any]:
        return {
            "reported": self.reported,
            "correct": self.correct,
            "precision": self.precision,
            "categories": self.categories,
            "sibling_links": self.sibling_links,
            "sibling_with_mirror": self.sibling_with_mirror,
            "parent_of_original": self.parent_of_original,
            "unplaced": self.unplaced,
        }


@dataclass(frozen=True)
class SiteEdgeScores:
    """The rows of ``sites.csv`` against the planted site pairs and the reported links."""

    edges: int
    true_edges: int
    """Edges that are a planted (parent site, child site) pair."""
    planted_edges: int
    """Distinct planted (parent site, child site) pairs."""
    sibling_only: int | None
    """Edges whose every supporting reported link is a sibling link."""
    sibling_only_examples: tuple[tuple[str, str], ...]
    unsupported: int | None
    """Edges that no reported parent link supports (a network not built from lineage)."""
    mirrors: int | None
    """Sum of the ``mirrors`` column (None without one)."""

    @property
    def precision(self) -> float | None:
        return ratio(self.true_edges, self.edges)

    @property
    def recall(self) -> float | None:
        return ratio(self.true_edges, self.planted_edges)

    def to_dict(self) -> dict[str, Any]:
        return {
            "edges": self.edges,
            "true_edges": self.true_edges,
            "planted_edges": self.planted_edges,
            "precision": self.precision,
            "recall": self.recall,
            "sibling_only": self.sibling_only,
            "sibling_only_examples": [list(e) for e in self.sibling_only_examples],
            "unsupported": self.unsupported,
            "mirrors": self.mirrors,
        }


@dataclass(frozen=True)
class MirrorCounts:
    """Planted mirrors against the members reported with link ``mirror``."""

    planted: int
    mirrored_documents: int
    """Documents with at least one planted mirror."""
    reported: int | None
    true_mirrors: int | None
    """Reported mirrors that are planted mirrors."""
    exact_documents: int | None
    """Mirrored documents whose reported mirror count (members with link ``mirror`` and
    this parent) is the planted count."""
    spurious_documents: int | None
    """Documents given reported mirrors that have none planted."""
    clusters: int | None
    """Clusters with a planted or a reported mirror."""
    exact_clusters: int | None
    """Of those, clusters whose ``mirrors`` count is the number of planted mirrors among
    their members."""
    reported_kinds: dict[str, int] = field(default_factory=dict)
    """Members reported as mirrors, by their truth kind (``original``: no truth parent)."""
    planted_links: dict[str, int] = field(default_factory=dict)
    """Planted mirrors by the link reported for them (``missing``: in no cluster;
    ``none``: an output without lineage)."""

    @property
    def exact_rate(self) -> float | None:
        return _opt(self.exact_documents, self.mirrored_documents)

    @property
    def exact_cluster_rate(self) -> float | None:
        return _opt(self.exact_clusters, self.clusters)

    @property
    def precision(self) -> float | None:
        return _opt(self.true_mirrors, self.reported)

    @property
    def recall(self) -> float | None:
        return _opt(self.true_mirrors, self.planted)

    def to_dict(self) -> dict[str, Any]:
        return {
            "planted": self.planted,
            "reported": self.reported,
            "true_mirrors": self.true_mirrors,
            "precision": self.precision,
            "recall": self.recall,
            "mirrored_documents": self.mirrored_documents,
            "exact_documents": self.exact_documents,
            "exact_rate": self.exact_rate,
            "spurious_documents": self.spurious_documents,
            "clusters": self.clusters,
            "exact_clusters": self.exact_clusters,
            "exact_cluster_rate": self.exact_cluster_rate,
            "reported_kinds": self.reported_kinds,
            "planted_links": self.planted_links,
        }


@dataclass(frozen=True)
class OriginScores:
    """Clusters holding truth documents, and whether their origin is the truth root."""

    clusters: int
    correct: int
    root_absent: int
    """Clusters whose main lineage's root is not a member (their origin cannot be right)."""
    several_origins: int
    from_links: bool
    """True: origins read from ``link``; False: from the older ``role`` field."""

    @property
    def accuracy(self) -> float | None:
        return ratio(self.correct, self.clusters)

    @property
    def accuracy_root_present(self) -> float | None:
        return ratio(self.correct, self.clusters - self.root_absent)

    def to_dict(self) -> dict[str, Any]:
        return {
            "clusters": self.clusters,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "root_absent": self.root_absent,
            "accuracy_root_present": self.accuracy_root_present,
            "several_origins": self.several_origins,
            "from": "link" if self.from_links else "role",
        }


@dataclass(frozen=True)
class LineageEvaluation:
    """Every figure of :func:`~.lineage.score_lineage`."""

    lineage: bool
    """Whether the output carries lineage (members with ``link``/``parent``)."""
    clusters: int
    overall: KindAccuracy
    by_kind: tuple[KindAccuracy, ...]
    links: LinkPrecision
    site_edges: SiteEdgeScores | None
    mirrors: MirrorCounts
    origins: OriginScores
    wrong: tuple[WrongLink, ...]
    truth_file: str = ""
    out_dir: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "truth_file": self.truth_file,
            "out_dir": self.out_dir,
            "lineage": self.lineage,
            "clusters": self.clusters,
            "parents": {
                "overall": self.overall.to_dict(),
                "by_kind": {k.kind: k.to_dict() for k in self.by_kind},
            },
            "links": self.links.to_dict(),
            "site_edges": None if self.site_edges is None else self.site_edges.to_dict(),
            "mirrors": self.mirrors.to_dict(),
            "origins": self.origins.to_dict(),
            "wrong": [w.to_dict() for w in self.wrong],
        }
