"""Corpus-wide reuse: clusters of documents, a site-to-site reuse network, and their files.

:mod:`.graph` builds clusters, the site network and the timeline from verified relations
(how a relation's direction is decided is described there); :mod:`.export` writes them as
JSON lines, CSV and GraphML; :mod:`.draw` draws the site network as SVG. Every output is
deterministic: the same input gives byte-identical files.
"""

from __future__ import annotations

from .draw import render_network_svg, write_network_svg
from .export import (
    SITE_COLUMNS,
    cluster_record,
    network_record,
    write_clusters_jsonl,
    write_graphml,
    write_sites_csv,
    write_timeline_csv,
)
from .graph import (
    CONFIDENT,
    UNKNOWN_SITE,
    Cluster,
    DocInfo,
    Relation,
    SiteEdge,
    SiteNetwork,
    SiteStats,
    build_clusters,
    site_network,
    timeline,
)

__all__ = [
    "CONFIDENT",
    "SITE_COLUMNS",
    "UNKNOWN_SITE",
    "Cluster",
    "DocInfo",
    "Relation",
    "SiteEdge",
    "SiteNetwork",
    "SiteStats",
    "build_clusters",
    "cluster_record",
    "network_record",
    "render_network_svg",
    "site_network",
    "timeline",
    "write_clusters_jsonl",
    "write_graphml",
    "write_network_svg",
    "write_sites_csv",
    "write_timeline_csv",
]
