"""The corpus's records as CSV tables: a cluster's members, the site network's links and
sites, a search's hits.

Each table is built from the record's JSON form (a ``clusters.jsonl`` line, the stored
network, :meth:`~textlineage.corpus.index.SearchResult.to_json`), so a table holds the
same data as the record it came from. Cells come from documents and their metadata, which
are untrusted: :func:`csv_table` defuses every cell a spreadsheet would read as a formula
(:func:`~textlineage.outputs.csv_cell`). Booleans are ``true``/``false``, missing values
empty.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..network.export import SITE_COLUMNS
from ..network.strings import short_number
from ..outputs import csv_cell

__all__ = [
    "CLUSTER_COLUMNS",
    "SEARCH_COLUMNS",
    "SITE_COLUMNS",
    "SITE_STATS_COLUMNS",
    "cluster_rows",
    "csv_table",
    "search_rows",
    "site_edge_rows",
    "site_rows",
]

CLUSTER_COLUMNS = (
    "cluster_id",
    "doc_id",
    "id",
    "title",
    "site",
    "date",
    "url",
    "language",
    "role",
    "link",
    "parent",
    "parent_reason",
    "direction_known",
    "exact_duplicate_of",
)
"""One row per member, in the cluster's time order."""

SITE_STATS_COLUMNS = (
    "site",
    "docs",
    "copied_from",
    "copying",
    "self_reuse",
    "mirroring",
    "mirrored",
)
"""One row per site of the network, most involved first."""

SEARCH_COLUMNS = (
    "rank",
    "group",
    "earliest",
    "cluster_id",
    "cluster_origin",
    "link",
    "parent",
    "doc_id",
    "id",
    "title",
    "site",
    "date",
    "url",
    "verdict",
    "direction",
    "confidence",
    "coverage_query",
    "coverage_hit",
    "passages",
    "mirrors",
    "mirror_ids",
)
"""One row per hit, in the order listed (by story); ``mirror_ids``: the ids of the copies
folded under the hit, space-separated."""


def _value(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


def csv_table(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A header and rows as CSV text (``\\n`` line ends), every cell defused."""
    buffer = io.StringIO()
    w = csv.writer(buffer, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([csv_cell(_value(v)) for v in row])
    return buffer.getvalue()


def cluster_rows(record: Mapping[str, Any]) -> list[list[Any]]:
    """A cluster record's members as rows of :data:`CLUSTER_COLUMNS`."""
    out = []
    for m in record.get("members") or []:
        row = [record.get("id"), m.get("doc_id"), m.get("ext_id")]
        row += [m.get(k) for k in CLUSTER_COLUMNS[3:]]
        out.append(row)
    return out


def site_edge_rows(network: Mapping[str, Any]) -> list[list[Any]]:
    """The network's links as rows of :data:`SITE_COLUMNS`, as ``sites.csv`` has them."""
    out = []
    for e in network.get("edges") or []:
        row = [e.get(k) for k in SITE_COLUMNS]
        lag = e.get("median_lag_days")
        row[SITE_COLUMNS.index("median_lag_days")] = short_number(lag)
        out.append(row)
    return out


def site_rows(network: Mapping[str, Any]) -> list[list[Any]]:
    """The network's sites as rows of :data:`SITE_STATS_COLUMNS`."""
    return [[s.get(k) for k in SITE_STATS_COLUMNS] for s in network.get("sites") or []]


def search_rows(result: Mapping[str, Any]) -> list[list[Any]]:
    """A search result's hits (its JSON form) as rows of :data:`SEARCH_COLUMNS`."""
    out = []
    for h in result.get("hits") or []:
        doc = h.get("doc") or {}
        story = h.get("story") or {}
        lineage = story.get("lineage") or {}
        mirrors = story.get("mirrors") or []
        cov = h.get("coverage") or {}
        out.append(
            [
                h.get("rank"),
                story.get("group"),
                story.get("earliest"),
                story.get("cluster_id"),
                story.get("cluster_origin"),
                lineage.get("link"),
                lineage.get("parent"),
                doc.get("doc_id"),
                doc.get("id"),
                doc.get("title"),
                doc.get("site"),
                doc.get("date"),
                doc.get("url"),
                h.get("verdict"),
                h.get("direction"),
                h.get("confidence"),
                cov.get("query"),
                cov.get("hit"),
                len((h.get("comparison") or {}).get("passages") or []),
                len(mirrors),
                " ".join(str(m.get("id", "")) for m in mirrors),
            ]
        )
    return out
