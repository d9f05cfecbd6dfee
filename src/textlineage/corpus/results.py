"""What discovery writes: from verified pairs to the files of ``discover --out DIR``.

Shared by every engine, so that the local and the Spark engines write the same files from
the same relations: ``pairs.jsonl`` (one verified relation a line, with its passages),
``clusters.jsonl``, ``sites.csv``, ``network.graphml``, ``network.svg``, ``timeline.csv``,
``boilerplate.csv`` and ``summary.json``. Each file is written whole or not at all.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..network import (
    Cluster,
    DocInfo,
    Relation,
    SiteNetwork,
    build_clusters,
    render_network_svg,
    site_network,
    timeline,
    write_clusters_jsonl,
    write_graphml,
    write_sites_csv,
    write_timeline_csv,
)
from ..outputs import atomic_write, csv_cell, ensure_dir, write_text
from .verify import VerifiedPair


@dataclass
class DiscoveryResults:
    relations: list[Relation]
    clusters: list[Cluster]
    network: SiteNetwork
    svg: str


def relation(v: VerifiedPair) -> Relation:
    return Relation(
        a=v.a,
        b=v.b,
        verdict=v.verdict,
        source=v.source,
        confidence=v.confidence,
        coverage=v.coverage,
        reused_chars=v.reused,
        kinds=v.kinds,
        containment=v.containment,
        shared_pairs=v.shared_pairs,
    )


def relation_record(v: VerifiedPair) -> dict[str, Any]:
    """A relation as the store keeps it (without passages)."""
    return {
        "a": v.a,
        "b": v.b,
        "verdict": v.verdict,
        "source": v.source,
        "confidence": round(v.confidence, 4),
        "coverage": [round(x, 4) for x in v.coverage],
        "reused_chars": list(v.reused),
        "kinds": list(v.kinds),
        "containment": list(v.containment),
        "shared_pairs": list(v.shared_pairs),
    }


def _doc_ref(d: DocInfo) -> dict[str, Any]:
    return {
        "doc_id": d.doc_id,
        "id": d.ext_id,
        "site": d.site,
        "date": d.date,
        "url": d.url,
        "language": d.language,
    }


def pair_record(v: VerifiedPair, infos: Mapping[int, DocInfo]) -> dict[str, Any]:
    """A line of ``pairs.jsonl``."""
    return {
        "a": _doc_ref(infos[v.a]),
        "b": _doc_ref(infos[v.b]),
        "verdict": v.verdict,
        "source": None if v.source is None else infos[v.source].ext_id,
        "confidence": round(v.confidence, 4),
        "coverage": [round(x, 4) for x in v.coverage],
        "reused_chars": list(v.reused),
        "containment": list(v.containment),
        "shared_pairs": list(v.shared_pairs),
        "reasons": list(v.reasons),
        "passages": list(v.passages),
    }


def write_discovery(
    out_dir: Path,
    infos: Mapping[int, DocInfo],
    verified: Sequence[VerifiedPair],
    boiler: Mapping[str, set[str]],
) -> DiscoveryResults:
    """Write every file of a discovery but ``summary.json``; return what they were made of."""
    ensure_dir(out_dir)
    with atomic_write(out_dir / "pairs.jsonl") as f:
        for v in verified:
            f.write(json.dumps(pair_record(v, infos), ensure_ascii=False) + "\n")
    relations = [relation(v) for v in verified]
    clusters = build_clusters(infos, relations)
    write_clusters_jsonl(out_dir / "clusters.jsonl", clusters, infos)
    net = site_network(infos, relations, clusters)
    write_sites_csv(out_dir / "sites.csv", net)
    write_graphml(out_dir / "network.graphml", net)
    svg = render_network_svg(net)
    write_text(out_dir / "network.svg", svg)
    write_timeline_csv(out_dir / "timeline.csv", timeline(infos, relations, clusters))
    with atomic_write(out_dir / "boilerplate.csv", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("site", "sentence"))
        for site in sorted(boiler):
            for s in sorted(boiler[site]):
                w.writerow((csv_cell(site), csv_cell(s[:200])))
    return DiscoveryResults(relations, clusters, net, svg)


def write_summary(out_dir: Path, summary: Mapping[str, Any]) -> None:
    write_text(out_dir / "summary.json", json.dumps(summary, indent=2))
