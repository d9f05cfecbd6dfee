"""The files of a discovery run that hold the reuse graph: clusters as JSON lines, site
edges and the monthly timeline as CSV, the site network as GraphML.

All are written deterministically: the same input gives byte-identical files.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .graph import Cluster, DocInfo, SiteNetwork
from .strings import short_number, xml_escape

__all__ = [
    "SITE_COLUMNS",
    "cluster_record",
    "network_record",
    "write_clusters_jsonl",
    "write_graphml",
    "write_sites_csv",
    "write_timeline_csv",
]


def _doc_json(doc: DocInfo) -> dict[str, object]:
    return {
        "doc_id": doc.doc_id,
        "ext_id": doc.ext_id,
        "site": doc.site,
        "date": doc.date,
        "url": doc.url,
        "title": doc.title,
    }


def cluster_record(c: Cluster, docs: Mapping[int, DocInfo]) -> dict[str, Any]:
    """A cluster as JSON: one line of ``clusters.jsonl``."""
    return {
        "id": c.cluster_id,
        "size": c.size,
        "edges": c.edges,
        "origin": _doc_json(docs[c.origin]),
        "origin_reason": c.origin_reason,
        "members": [
            {**_doc_json(docs[d]), "role": role} for d, role in zip(c.members, c.roles, strict=True)
        ],
        "sites": list(c.sites),
        "first_date": c.first_date,
        "last_date": c.last_date,
        "span_days": c.span_days,
    }


def write_clusters_jsonl(
    path: str | Path, clusters: Iterable[Cluster], docs: Mapping[int, DocInfo]
) -> None:
    """One JSON object per cluster, in the given order."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for c in clusters:
            fh.write(json.dumps(cluster_record(c, docs), ensure_ascii=False) + "\n")


def network_record(net: SiteNetwork) -> dict[str, Any]:
    """The site network as JSON: ``sites`` (most involved first) and ``edges``."""
    return {
        "sites": [
            {
                "site": s.site,
                "docs": s.docs,
                "copied_from": s.copied_from,
                "copying": s.copying,
                "self_reuse": s.self_reuse,
            }
            for s in net.sites
        ],
        "edges": [
            {
                "source_site": e.source_site,
                "derived_site": e.derived_site,
                "documents": e.documents,
                "reused_chars": e.reused_chars,
                "median_lag_days": e.median_lag_days,
                "first": e.first,
                "last": e.last,
                "same_site": e.same_site,
            }
            for e in net.edges
        ],
        "undirected": net.undirected,
    }


SITE_COLUMNS = (
    "source_site",
    "derived_site",
    "documents",
    "reused_chars",
    "median_lag_days",
    "first",
    "last",
    "same_site",
)


def write_sites_csv(path: str | Path, net: SiteNetwork) -> None:
    """One row per site edge; ``median_lag_days`` is empty when no pair had both dates."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(SITE_COLUMNS)
        for e in net.edges:
            w.writerow(
                [
                    e.source_site,
                    e.derived_site,
                    e.documents,
                    e.reused_chars,
                    short_number(e.median_lag_days),
                    e.first,
                    e.last,
                    "true" if e.same_site else "false",
                ]
            )


def write_timeline_csv(path: str | Path, events: Sequence[tuple[str, int]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(("month", "reuse_events"))
        for month, n in events:
            w.writerow((month, n))


_GRAPHML_KEYS = (
    # id, for, attr.name, attr.type
    ("site", "node", "site", "string"),
    ("docs", "node", "docs", "int"),
    ("copied_from", "node", "copied_from", "int"),
    ("copying", "node", "copying", "int"),
    ("self_reuse", "node", "self_reuse", "int"),
    ("documents", "edge", "documents", "int"),
    ("reused_chars", "edge", "reused_chars", "long"),
    ("median_lag_days", "edge", "median_lag_days", "double"),
    ("first", "edge", "first", "string"),
    ("last", "edge", "last", "string"),
    ("same_site", "edge", "same_site", "boolean"),
)


def write_graphml(path: str | Path, net: SiteNetwork) -> None:
    """GraphML 1.0, directed; node ids are ``s0, s1, …`` in :attr:`SiteNetwork.sites` order.

    Same-site edges are self-loops with ``same_site`` true. ``median_lag_days`` is
    omitted on edges where it is unknown.
    """
    ids = {s.site: f"s{i}" for i, s in enumerate(net.sites)}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
        ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    for key, scope, name, kind in _GRAPHML_KEYS:
        lines.append(f'  <key id="{key}" for="{scope}" attr.name="{name}" attr.type="{kind}"/>')
    lines.append('  <graph id="sites" edgedefault="directed">')
    for s in net.sites:
        lines.append(f'    <node id="{ids[s.site]}">')
        lines.append(f'      <data key="site">{xml_escape(s.site)}</data>')
        for key, value in (
            ("docs", s.docs),
            ("copied_from", s.copied_from),
            ("copying", s.copying),
            ("self_reuse", s.self_reuse),
        ):
            lines.append(f'      <data key="{key}">{value}</data>')
        lines.append("    </node>")
    for i, e in enumerate(net.edges):
        lines.append(
            f'    <edge id="e{i}" source="{ids[e.source_site]}" target="{ids[e.derived_site]}">'
        )
        lines.append(f'      <data key="documents">{e.documents}</data>')
        lines.append(f'      <data key="reused_chars">{e.reused_chars}</data>')
        if e.median_lag_days is not None:
            lines.append(f'      <data key="median_lag_days">{e.median_lag_days:g}</data>')
        lines.append(f'      <data key="first">{xml_escape(e.first)}</data>')
        lines.append(f'      <data key="last">{xml_escape(e.last)}</data>')
        lines.append(f'      <data key="same_site">{"true" if e.same_site else "false"}</data>')
        lines.append("    </edge>")
    lines.append("  </graph>")
    lines.append("</graphml>")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
