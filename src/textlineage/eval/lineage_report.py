"""The plain-text report of ``textlineage eval lineage`` (``n/a``: undefined)."""

from __future__ import annotations

from ._tsv import fmt, table
from .lineage_types import CATEGORIES, LineageEvaluation

__all__ = ["NO_LINEAGE", "format_lineage"]

NO_LINEAGE = (
    "no lineage in this output: the members of clusters.jsonl carry no `link` or `parent` "
    "(a `discover` from before lineage); parent, link and mirror figures are n/a"
)

WRONG_SHOWN = 20


def _n(value: int | None) -> str:
    return "n/a" if value is None else str(value)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {n}" for k, n in counts.items()) or "none"


def format_lineage(ev: LineageEvaluation) -> str:
    """A plain-text report of a :class:`~.lineage_types.LineageEvaluation`."""
    out = [] if ev.lineage else [NO_LINEAGE, ""]
    out += table(
        ["kind", "links", "missing", "correct", "accuracy", "or mirror"],
        [
            [
                k.kind,
                str(k.links),
                str(k.missing),
                _n(k.correct),
                fmt(k.accuracy),
                fmt(k.accuracy_or_mirror),
            ]
            for k in [*ev.by_kind, ev.overall]
        ],
    )
    out.append("")
    lk = ev.links
    if ev.lineage:
        cats = ", ".join(f"{c} {lk.categories.get(c, 0)}" for c in CATEGORIES)
        out += [
            f"reported parent links {lk.reported}: precision {fmt(lk.precision)} ({cats}); "
            f"parents given to originals {lk.parent_of_original}; unplaced members "
            f"{lk.unplaced}",
            f"sibling links (sibling + collateral): {lk.sibling_links} "
            f"({lk.sibling_with_mirror} with a mirror on one side)",
        ]
    s = ev.site_edges
    if s is None:
        out.append("site edges: no sites.csv")
    else:
        line = (
            f"site edges (sites.csv) {s.edges}: {s.true_edges} are planted site pairs "
            f"(precision {fmt(s.precision)}, recall {fmt(s.recall)} of {s.planted_edges})"
        )
        if ev.lineage:
            line += (
                f"; {s.sibling_only} supported only by sibling links, {s.unsupported} by no "
                "reported link"
            )
        line += f"; mirrors column {_n(s.mirrors)}"
        out.append(line)
        if s.sibling_only_examples:
            shown = ", ".join(f"{a} -> {b}" for a, b in s.sibling_only_examples)
            out.append(f"  sibling-only edges: {shown}")
    m = ev.mirrors
    line = f"mirrors: planted {m.planted} (of {m.mirrored_documents} documents)"
    if ev.lineage:
        line += (
            f", reported {m.reported} ({m.true_mirrors} planted: precision "
            f"{fmt(m.precision)}, recall {fmt(m.recall)}); count exact for "
            f"{m.exact_documents} of {m.mirrored_documents} mirrored documents "
            f"({fmt(m.exact_rate)}), {m.spurious_documents} documents given mirrors they do "
            f"not have; per cluster {m.exact_clusters} of {m.clusters} "
            f"({fmt(m.exact_cluster_rate)})"
        )
    out.append(line)
    if ev.lineage and (m.reported_kinds or m.planted_links):
        out.append(
            f"  reported mirrors by truth kind: {_counts(m.reported_kinds)}; planted mirrors "
            f"by reported link: {_counts(m.planted_links)}"
        )
    o = ev.origins
    source = "" if o.from_links else " (from the members' `role`)"
    out.append(
        f"origins{source}: {o.correct} of {o.clusters} clusters ({fmt(o.accuracy)}) have "
        f"their lineage's root as origin; the root is not a member of {o.root_absent} "
        f"({fmt(o.accuracy_root_present)} where it is); {o.several_origins} with several "
        "origins"
    )
    if ev.wrong:
        out += ["", "wrong parents (line: child <- reported; true parent, kind, category):"]
        out += [
            f"  line {w.line}: {w.child} <- {w.reported or '(none)'}; {w.parent}, {w.kind}, "
            f"{w.category}"
            for w in ev.wrong[:WRONG_SHOWN]
        ]
        if len(ev.wrong) > WRONG_SHOWN:
            out.append(f"  … and {len(ev.wrong) - WRONG_SHOWN} more (see --format json)")
    return "\n".join(out)
