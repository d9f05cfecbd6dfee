"""Score the lineage of a ``textlineage discover`` run against planted parents.

The truth (``lineage.jsonl``, see ``docs/eval.md``) gives, for every document that is not an
original, the document it was made from: its *parent*. Mirrors (``kind`` starting with
``mirror``: an exact or near-exact copy on another site) are children of the document they
mirror. The parents make a forest; a *lineage* is one tree of it, its *root* the original.

``discover`` writes, per cluster in ``clusters.jsonl``, each member's reported ``parent``
(an ``ext_id`` or null) and ``link`` (``origin``, ``mirror``, ``derived`` or
``unplaced``), and a ``mirrors`` count; ``sites.csv`` holds the site network with a
``mirrors`` column. :func:`read_lineage_truth` and :func:`read_lineage_output` read the two
sides; :func:`score_lineage`, a pure function, gives a :class:`LineageEvaluation`: parent
accuracy per kind, the precision of reported parent links and what the wrong ones are
(:func:`classify_link`), sibling links and the site edges they alone support, mirror counts
and cluster origins. :func:`evaluate_lineage` does all three; the text report is
:func:`~textlineage.eval.lineage_report.format_lineage`.

An output written before ``discover`` had lineage (no member carries ``parent`` or
``link``) is still read: the parent figures are then undefined and the evaluation says so.
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ._tsv import read_jsonl, read_text_file
from .lineage_types import (
    CATEGORIES,
    SIBLING_CATEGORIES,
    KindAccuracy,
    LineageEvaluation,
    LinkPrecision,
    MirrorCounts,
    OriginScores,
    SiteEdgeScores,
    WrongLink,
)

__all__ = [
    "CATEGORIES",
    "LINKS",
    "SIBLING_CATEGORIES",
    "LineageOutput",
    "Member",
    "ParentLink",
    "ReportedCluster",
    "SiteEdgeRow",
    "Truth",
    "classify_link",
    "evaluate_lineage",
    "read_lineage_output",
    "read_lineage_truth",
    "score_lineage",
]

REPUBLICATIONS = ("verbatim",)
"""Truth kinds that ``eval lineage --republications`` (the default) counts as mirrors too:
in ``gen_corpus``, ``verbatim`` is the whole article republished word for word with the
copier's own page furniture and maybe a credit line, the same shape as a ``mirror-near``,
and what a laundering researcher counts as a mirror. Kinds starting with ``mirror``
(``mirror-exact``, ``mirror-near``) always are."""

LINKS = ("origin", "mirror", "derived", "unplaced")
"""The values of a member's ``link`` in ``clusters.jsonl``."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # cells sites.csv defuses with a "'"


# ---------------------------------------------------------------------------------------
# The two sides


@dataclass(frozen=True)
class ParentLink:
    """One truth line: ``child`` was made from ``parent``."""

    line: int
    child: str
    parent: str
    kind: str
    child_site: str = ""
    parent_site: str = ""
    republication: bool = False
    """Counted as a mirror though its kind does not start with ``mirror``
    (:data:`REPUBLICATIONS`)."""

    @property
    def is_mirror(self) -> bool:
        return self.kind.startswith("mirror") or self.republication


@dataclass(frozen=True)
class Member:
    """One member of a reported cluster; ``link`` and ``parent`` are None in an output
    without lineage (``link`` None, ``parent`` None also for a member with no parent)."""

    ext_id: str
    site: str = ""
    date: str = ""
    role: str = ""
    link: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class ReportedCluster:
    cluster_id: int
    members: tuple[Member, ...]
    mirrors: int | None = None
    """The cluster's ``mirrors`` count, None when the output has none."""


@dataclass(frozen=True)
class SiteEdgeRow:
    """One row of ``sites.csv``."""

    source_site: str
    derived_site: str
    documents: int
    mirrors: int | None = None


@dataclass(frozen=True)
class LineageOutput:
    """What a ``discover`` output directory says about lineage."""

    clusters: tuple[ReportedCluster, ...]
    site_edges: tuple[SiteEdgeRow, ...] | None = None
    """None when the directory has no ``sites.csv``."""

    @property
    def has_lineage(self) -> bool:
        """Whether any member carries a ``link`` (a ``discover`` with lineage wrote it)."""
        return any(m.link is not None for c in self.clusters for m in c.members)


class Truth:
    """The planted parents as a forest: parents, roots, ancestors, mirrors."""

    def __init__(self, links: Iterable[ParentLink]) -> None:
        self.links = tuple(links)
        self.parent = {x.child: x.parent for x in self.links}
        self.kind = {x.child: x.kind for x in self.links}
        self.mirror = {x.child for x in self.links if x.is_mirror}
        self.documents = set(self.parent) | set(self.parent.values())
        self.site: dict[str, str] = {}
        for x in self.links:
            if x.child_site:
                self.site[x.child] = x.child_site
            if x.parent_site:
                self.site[x.parent] = x.parent_site

    def ancestors(self, doc: str) -> list[str]:
        """The parent, its parent, ... up to the root (empty for a root)."""
        out = []
        while doc in self.parent:
            doc = self.parent[doc]
            out.append(doc)
        return out

    def root(self, doc: str) -> str:
        """The original at the top of ``doc``'s lineage (``doc`` itself for a root or a
        document the truth does not know)."""
        up = self.ancestors(doc)
        return up[-1] if up else doc


# ---------------------------------------------------------------------------------------
# Reading


def _text(path: Path, lineno: int, rec: dict[str, Any], key: str, required: bool) -> str:
    value = rec.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value):
        raise InputError(str(path), f"line {lineno}: {key!r} must be a non-empty string")
    return value


def read_lineage_truth(
    path: str | os.PathLike[str], republications: Collection[str] = ()
) -> list[ParentLink]:
    """Read and check a truth of parents: a ``lineage.jsonl`` file, or a directory holding
    one (what ``benchmarks/gen_lineage.py`` writes). Links of a kind in ``republications``
    count as mirrors (see :data:`REPUBLICATIONS`).

    Each line is a JSON object with ``child``, ``parent`` and ``kind`` (strings) and
    optionally ``child_site`` and ``parent_site``. A document that is its own parent, a
    child given two parents, parents that go in a circle or a file with no lines raise
    :class:`InputError` naming the file and line.
    """
    p = Path(path)
    if p.is_dir():
        p = p / "lineage.jsonl"
    out: list[ParentLink] = []
    seen: dict[str, int] = {}
    for lineno, rec in read_jsonl(p, "a lineage.jsonl of planted parents"):
        child, parent = _text(p, lineno, rec, "child", True), _text(p, lineno, rec, "parent", True)
        kind = _text(p, lineno, rec, "kind", True)
        if child == parent:
            raise InputError(str(p), f"line {lineno}: {child!r} is its own parent")
        if child in seen:
            raise InputError(
                str(p), f"line {lineno}: {child!r} already has a parent on line {seen[child]}"
            )
        seen[child] = lineno
        child_site, parent_site = (
            _text(p, lineno, rec, k, False) for k in ("child_site", "parent_site")
        )
        out.append(
            ParentLink(
                lineno,
                child,
                parent,
                kind,
                child_site,
                parent_site,
                republication=kind in republications,
            )
        )
    if not out:
        raise InputError(str(p), "no parents in the file")
    parent_of = {x.child: x.parent for x in out}
    for x in out:
        doc, steps = x.child, 0
        while doc in parent_of:
            doc, steps = parent_of[doc], steps + 1
            if steps > len(parent_of):
                raise InputError(
                    str(p), f"line {x.line}: the parents of {x.child!r} go in a circle"
                )
    return out


def _member(path: Path, lineno: int, raw: Any) -> Member:
    if not isinstance(raw, dict) or not isinstance(raw.get("ext_id"), str):
        raise InputError(str(path), f"line {lineno}: a member without an ext_id")
    link, parent = raw.get("link"), raw.get("parent")
    if link is not None and link not in LINKS:
        raise InputError(
            str(path),
            f"line {lineno}: member {raw['ext_id']!r} has link {link!r} "
            f"(expected one of {', '.join(LINKS)})",
        )
    if parent is not None and not isinstance(parent, str):
        raise InputError(str(path), f"line {lineno}: member {raw['ext_id']!r}: parent not a string")
    if "parent" in raw and link is None:
        link = "unplaced" if parent is None else "derived"
    return Member(
        ext_id=raw["ext_id"],
        site=str(raw.get("site") or ""),
        date=str(raw.get("date") or ""),
        role=str(raw.get("role") or ""),
        link=link,
        parent=parent,
    )


def _read_sites(path: Path) -> tuple[SiteEdgeRow, ...] | None:
    if not path.exists():
        return None
    rows = csv.DictReader(io.StringIO(read_text_file(path, "sites.csv written by discover")))
    missing = {"source_site", "derived_site", "documents"} - set(rows.fieldnames or ())
    if missing:
        raise InputError(str(path), f"line 1: no column {', '.join(sorted(missing))}")
    out = []
    for lineno, row in enumerate(rows, 2):
        try:
            documents = int(row["documents"])
            mirrors = int(row["mirrors"]) if row.get("mirrors") not in (None, "") else None
        except ValueError as exc:
            raise InputError(str(path), f"line {lineno}: not a count ({exc})") from exc
        out.append(
            SiteEdgeRow(_site(row["source_site"]), _site(row["derived_site"]), documents, mirrors)
        )
    return tuple(out)


def _site(cell: str) -> str:
    """A site as written in sites.csv, without the apostrophe that defuses formulas."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell


def read_lineage_output(out_dir: str | os.PathLike[str]) -> LineageOutput:
    """Read ``clusters.jsonl`` (and ``sites.csv`` when present) of a ``discover`` output.

    A member with a ``parent`` but no ``link`` counts as ``derived`` (``unplaced`` when the
    parent is null); a document in two clusters, a member without an ``ext_id`` or an
    unknown ``link`` raise :class:`InputError`.
    """
    d = Path(out_dir)
    if not d.is_dir():
        problem = "is a file, not" if d.exists() else "no such directory: expected"
        raise InputError(str(d), f"{problem} the output directory of `textlineage discover`")
    path = d / "clusters.jsonl"
    clusters = []
    where: dict[str, int] = {}
    for lineno, rec in read_jsonl(path, "clusters.jsonl written by `textlineage discover`"):
        raw = rec.get("members")
        if not isinstance(raw, list):
            raise InputError(str(path), f"line {lineno}: no members list")
        members = tuple(_member(path, lineno, m) for m in raw)
        for m in members:
            if m.ext_id in where:
                raise InputError(
                    str(path),
                    f"line {lineno}: document {m.ext_id!r} already in the cluster on line "
                    f"{where[m.ext_id]}",
                )
            where[m.ext_id] = lineno
        cid = rec.get("id")
        mirrors = rec.get("mirrors")
        clusters.append(
            ReportedCluster(
                cluster_id=cid if isinstance(cid, int) else lineno,
                members=members,
                mirrors=mirrors if isinstance(mirrors, int) else None,
            )
        )
    return LineageOutput(tuple(clusters), _read_sites(d / "sites.csv"))


# ---------------------------------------------------------------------------------------
# Scoring (pure)


def classify_link(child: str, parent: str, truth: Truth) -> str:
    """What a reported link ``child`` ← ``parent`` is, per the truth (first that holds):

    ``parent``: the true parent. ``mirror_of_parent``: a mirror of the true parent (or, for
    a mirror, another mirror of the same document). ``ancestor``: an earlier ancestor, or a
    mirror of one (the link skips a generation). ``descendant``: the child is an ancestor
    of the reported parent (the link is reversed). ``sibling``: another child of the true
    parent. ``collateral``: elsewhere in the same lineage (a cousin, a sibling's mirror,
    a copy of an ancestor). ``unrelated``: another lineage, or a document the truth does
    not know.
    """
    true = truth.parent.get(child)
    if parent == true:
        return "parent"
    up_parent = truth.parent.get(parent)
    if true is not None and up_parent == true and parent in truth.mirror:
        return "mirror_of_parent"
    ancestors = truth.ancestors(child)
    if parent in ancestors or (parent in truth.mirror and up_parent in ancestors):
        return "ancestor"
    if child in truth.ancestors(parent):
        return "descendant"
    if true is not None and up_parent == true:
        return "sibling"
    known = child in truth.documents and parent in truth.documents
    if known and truth.root(child) == truth.root(parent):
        return "collateral"
    return "unrelated"


def _parent_accuracy(
    truth: Truth, member_of: dict[str, Member], lineage: bool
) -> tuple[KindAccuracy, tuple[KindAccuracy, ...], list[WrongLink]]:
    total: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    lenient: Counter[str] = Counter()
    missing: Counter[str] = Counter()
    wrong: list[WrongLink] = []
    for x in truth.links:
        total[x.kind] += 1
        m = member_of.get(x.child)
        if m is None:
            missing[x.kind] += 1
            continue
        if not lineage:
            continue
        if m.parent == x.parent:
            correct[x.kind] += 1
            lenient[x.kind] += 1
            continue
        category = "none" if m.parent is None else classify_link(x.child, m.parent, truth)
        lenient[x.kind] += category == "mirror_of_parent"
        wrong.append(WrongLink(x.line, x.child, x.parent, m.parent, x.kind, category))

    def acc(kind: str, keys: Iterable[str]) -> KindAccuracy:
        ks = list(keys)
        return KindAccuracy(
            kind,
            links=sum(total[k] for k in ks),
            missing=sum(missing[k] for k in ks),
            correct=sum(correct[k] for k in ks) if lineage else None,
            correct_or_mirror=sum(lenient[k] for k in ks) if lineage else None,
        )

    kinds = sorted(total)
    return acc("overall", kinds), tuple(acc(k, [k]) for k in kinds), wrong


def _mirror_counts(
    truth: Truth, clusters: Sequence[ReportedCluster], member_of: dict[str, Member], lineage: bool
) -> MirrorCounts:
    planted: Counter[str] = Counter(x.parent for x in truth.links if x.is_mirror)
    reported: Counter[str] = Counter()
    true_mirrors = 0
    reported_kinds: Counter[str] = Counter()  # truth kind of the members reported as mirrors
    for m in member_of.values():
        if m.link == "mirror":
            true_mirrors += m.ext_id in truth.mirror
            reported_kinds[truth.kind.get(m.ext_id, "original")] += 1
            if m.parent is not None:
                reported[m.parent] += 1
    planted_links: Counter[str] = Counter(  # link reported for each planted mirror
        (member_of[d].link or "none") if d in member_of else "missing" for d in truth.mirror
    )
    cluster_rows = []
    for c in clusters:
        plant = sum(m.ext_id in truth.mirror for m in c.members)
        said = c.mirrors if c.mirrors is not None else sum(m.link == "mirror" for m in c.members)
        if plant or said:
            cluster_rows.append(plant == said)
    return MirrorCounts(
        planted=sum(planted.values()),
        mirrored_documents=len(planted),
        reported=sum(m.link == "mirror" for m in member_of.values()) if lineage else None,
        true_mirrors=true_mirrors if lineage else None,
        exact_documents=sum(reported[d] == n for d, n in planted.items()) if lineage else None,
        spurious_documents=sum(1 for d in reported if d not in planted) if lineage else None,
        clusters=len(cluster_rows) if lineage else None,
        exact_clusters=sum(cluster_rows) if lineage else None,
        reported_kinds=dict(sorted(reported_kinds.items())),
        planted_links=dict(sorted(planted_links.items())),
    )


def _origins(truth: Truth, clusters: Sequence[ReportedCluster], lineage: bool) -> OriginScores:
    scored = correct = absent = several = 0
    for c in clusters:
        roots = Counter(truth.root(m.ext_id) for m in c.members if m.ext_id in truth.documents)
        if not roots:
            continue
        scored += 1
        # the lineage with the most members here; ties: the smaller root id
        root = min(roots, key=lambda r: (-roots[r], r))
        ids = {m.ext_id for m in c.members}
        absent += root not in ids
        key = "link" if lineage else "role"
        origins = [m.ext_id for m in c.members if getattr(m, key) == "origin"]
        several += len(origins) > 1
        correct += origins == [root]
    return OriginScores(scored, correct, absent, several, from_links=lineage)


def _site_edges(
    truth: Truth, output: LineageOutput, member_of: dict[str, Member], lineage: bool
) -> SiteEdgeScores | None:
    rows = output.site_edges
    if rows is None:
        return None
    true_edges = {
        (truth.site[x.parent], truth.site[x.child])
        for x in truth.links
        if x.parent in truth.site and x.child in truth.site
    }
    support: dict[tuple[str, str], Counter[str]] = {}
    for m in member_of.values():
        if m.parent is None or m.parent not in member_of:
            continue
        key = (member_of[m.parent].site, m.site)
        support.setdefault(key, Counter())[classify_link(m.ext_id, m.parent, truth)] += 1
    reported = {(r.source_site, r.derived_site) for r in rows}
    sibling_only = [
        r
        for r in rows
        if (s := support.get((r.source_site, r.derived_site))) and set(s) <= set(SIBLING_CATEGORIES)
    ]
    mirror_cells = [r.mirrors for r in rows if r.mirrors is not None]
    return SiteEdgeScores(
        edges=len(rows),
        true_edges=len(reported & true_edges),
        planted_edges=len(true_edges),
        sibling_only=len(sibling_only) if lineage else None,
        sibling_only_examples=tuple((r.source_site, r.derived_site) for r in sibling_only[:10])
        if lineage
        else (),
        unsupported=sum(1 for k in reported if k not in support) if lineage else None,
        mirrors=sum(mirror_cells) if mirror_cells else None,
    )


def score_lineage(
    truth_links: Sequence[ParentLink],
    output: LineageOutput,
    *,
    truth_file: str = "",
    out_dir: str = "",
) -> LineageEvaluation:
    """Score reported lineage against the planted parents (see ``docs/eval.md``).

    * parent accuracy: truth links whose child's reported parent is the true parent, per
      kind and overall (a child in no cluster counts as wrong, and as missing);
    * link precision: reported non-null parents that are the true parent (a parent reported
      for an original is wrong), with every reported link put in a :func:`classify_link`
      category; *sibling links* are those in :data:`SIBLING_CATEGORIES`;
    * site edges: ``sites.csv`` edges that are planted site pairs, supported only by
      sibling links, or by no reported link at all;
    * mirrors: per mirrored document and per cluster, reported against planted counts;
    * origins: clusters whose ``origin`` member is the root of their main lineage.
    """
    truth = Truth(truth_links)
    member_of = {m.ext_id: m for c in output.clusters for m in c.members}
    lineage = output.has_lineage
    overall, by_kind, wrong = _parent_accuracy(truth, member_of, lineage)
    categories: Counter[str] = Counter()
    to_original = with_mirror = 0
    for m in member_of.values():
        if m.parent is None:
            continue
        cat = classify_link(m.ext_id, m.parent, truth)
        categories[cat] += 1
        to_original += m.ext_id not in truth.parent
        if cat in SIBLING_CATEGORIES:
            with_mirror += m.ext_id in truth.mirror or m.parent in truth.mirror
    links = LinkPrecision(
        reported=sum(categories.values()) if lineage else None,
        categories={k: categories[k] for k in CATEGORIES} if lineage else {},
        parent_of_original=to_original if lineage else None,
        sibling_with_mirror=with_mirror if lineage else None,
        unplaced=sum(m.link == "unplaced" for m in member_of.values()) if lineage else None,
    )
    return LineageEvaluation(
        lineage=lineage,
        clusters=len(output.clusters),
        overall=overall,
        by_kind=by_kind,
        links=links,
        site_edges=_site_edges(truth, output, member_of, lineage),
        mirrors=_mirror_counts(truth, output.clusters, member_of, lineage),
        origins=_origins(truth, output.clusters, lineage),
        wrong=tuple(wrong),
        truth_file=truth_file,
        out_dir=out_dir,
    )


def evaluate_lineage(
    truth_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    republications: Collection[str] = (),
) -> LineageEvaluation:
    """Read the truth of parents and a ``discover`` output directory, and score the run
    (``republications``: as :func:`read_lineage_truth`)."""
    truth = read_lineage_truth(truth_path, republications)
    output = read_lineage_output(out_dir)
    return score_lineage(truth, output, truth_file=str(truth_path), out_dir=str(out_dir))
