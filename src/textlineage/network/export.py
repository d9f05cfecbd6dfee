"""The files of a discovery run that hold the reuse graph: clusters as JSON lines, site
edges and the monthly timeline as CSV, the site network as GraphML (written by networkx).

All are written deterministically: the same input gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from networkx.readwrite.graphml import GraphMLWriter

from ..outputs import atomic_write, csv_cell
from .graph import Cluster, DocInfo, SiteNetwork
from .lineage import Link
from .strings import short_number, xml_clean

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
        "language": doc.language,
    }


def _member_json(
    doc: DocInfo, role: str, link: Link, docs: Mapping[int, DocInfo]
) -> dict[str, Any]:
    parent = None if link.parent is None else docs[link.parent]
    return {
        **_doc_json(doc),
        "role": role,
        "link": link.kind,
        "parent": None if parent is None else parent.ext_id,
        "parent_doc_id": None if parent is None else parent.doc_id,
        "parent_reason": link.reason,
        "direction_known": link.directed,
        "exact_duplicate_of": None if doc.mirror_of is None else docs[doc.mirror_of].ext_id,
    }


def cluster_record(c: Cluster, docs: Mapping[int, DocInfo]) -> dict[str, Any]:
    """A cluster as JSON: one line of ``clusters.jsonl`` (documented in ``docs/schema.md``)."""
    return {
        "id": c.cluster_id,
        "size": c.size,
        "edges": c.edges,
        "mirrors": c.mirrors,
        "origin": _doc_json(docs[c.origin]),
        "origin_reason": c.origin_reason,
        "members": [
            _member_json(docs[d], role, link, docs)
            for d, role, link in zip(c.members, c.roles, c.links, strict=True)
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
    with atomic_write(path, newline="\n") as fh:
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
                "mirroring": s.mirroring,
                "mirrored": s.mirrored,
            }
            for s in net.sites
        ],
        "edges": [
            {
                "source_site": e.source_site,
                "derived_site": e.derived_site,
                "documents": e.documents,
                "mirrors": e.mirrors,
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
    "mirrors",
    "reused_chars",
    "median_lag_days",
    "first",
    "last",
    "same_site",
)


def write_sites_csv(path: str | Path, net: SiteNetwork) -> None:
    """One row per site edge; ``median_lag_days`` is empty when no pair had both dates.
    Site names come from documents' metadata: cells that would start a formula are
    defused."""
    with atomic_write(path, newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(SITE_COLUMNS)
        for e in net.edges:
            w.writerow(
                [
                    csv_cell(e.source_site),
                    csv_cell(e.derived_site),
                    e.documents,
                    e.mirrors,
                    e.reused_chars,
                    short_number(e.median_lag_days),
                    e.first,
                    e.last,
                    "true" if e.same_site else "false",
                ]
            )


def write_timeline_csv(path: str | Path, events: Sequence[tuple[str, int]]) -> None:
    with atomic_write(path, newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(("month", "reuse_events"))
        for month, n in events:
            w.writerow((month, n))


class _GraphMLWriter(GraphMLWriter):
    """networkx's (standard-library) GraphML writer, with booleans spelled as XML Schema
    has them: ``true`` and ``false`` (networkx writes Python's ``True``, which networkx
    reads back but stricter GraphML readers refuse)."""

    def add_data(
        self, name: str, element_type: type, value: Any, scope: str = "all", default: Any = None
    ) -> Any:
        data = super().add_data(name, element_type, value, scope, default)
        if element_type is bool:
            data.text = data.text.lower()
        return data


def _site_graph(net: SiteNetwork) -> nx.DiGraph:
    """The site network as a networkx graph, attributes ready for GraphML.

    Text is cleaned of characters XML does not allow (the standard-library writer would
    copy them into the file as they are). networkx declares a Python ``int`` as GraphML
    ``long`` and a numpy integer as ``int``: counts of documents and pairs are given as
    numpy integers so that they are declared ``int``, characters stay ``long``.
    """
    graph = nx.DiGraph(id="sites")
    ids = {s.site: f"s{i}" for i, s in enumerate(net.sites)}
    for s in net.sites:
        graph.add_node(
            ids[s.site],
            site=xml_clean(s.site),
            docs=np.int64(s.docs),
            copied_from=np.int64(s.copied_from),
            copying=np.int64(s.copying),
            self_reuse=np.int64(s.self_reuse),
            mirroring=np.int64(s.mirroring),
            mirrored=np.int64(s.mirrored),
        )
    for e in net.edges:
        attrs: dict[str, Any] = {
            "documents": np.int64(e.documents),
            "mirrors": np.int64(e.mirrors),
            "reused_chars": int(e.reused_chars),
        }
        if e.median_lag_days is not None:
            attrs["median_lag_days"] = float(e.median_lag_days)
        attrs["first"] = xml_clean(e.first)
        attrs["last"] = xml_clean(e.last)
        attrs["same_site"] = bool(e.same_site)
        graph.add_edge(ids[e.source_site], ids[e.derived_site], **attrs)
    return graph


def write_graphml(path: str | Path, net: SiteNetwork) -> None:
    """GraphML 1.0 through networkx, directed; node ids are ``s0, s1, …`` in
    :attr:`SiteNetwork.sites` order, key ids are the attribute names.

    Same-site edges are self-loops with ``same_site`` true. ``median_lag_days`` is
    omitted on edges where it is unknown; a key is declared only when some node or edge
    has it. The file is written whole or not at all.
    """
    writer = _GraphMLWriter(named_key_ids=True)
    writer.add_graph_element(_site_graph(net))
    buffer = io.BytesIO()
    writer.dump(buffer)
    with atomic_write(path, newline="") as fh:
        fh.write((buffer.getvalue() + b"\n").decode("utf-8"))
