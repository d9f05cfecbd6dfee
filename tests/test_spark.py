"""The Spark engine gives the local engine's answer: a real SparkSession in local mode on a
generated corpus of 2,000 documents with planted reuse, default settings on both sides."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from textlineage.cli import main
from textlineage.corpus.index import Corpus

N = 2000


@pytest.fixture(scope="module")
def spark() -> Any:
    from textlineage.engines.spark import session

    s = session("local[2]")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def runs(
    spark: Any, gen_corpus: Any, pan_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    from textlineage.engines.spark import discover_spark

    work = tmp_path_factory.mktemp("spark")
    gen_corpus.generate(N, work / "corpus", seed=3, pan_dir=pan_dir)
    records = str(work / "corpus" / "docs.jsonl")
    with Corpus.open(work / "index.db") as c:
        c.add([records])
        c.discover(work / "local", workers=2)
    discover_spark([records], work / "spark", spark=spark)
    return work


def _relations(out: Path) -> set[tuple[str, str, str | None, str]]:
    rel = set()
    with open(out / "pairs.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rel.add((r["a"]["id"], r["b"]["id"], r["source"], r["verdict"]))
    return rel


def _clusters(out: Path) -> list[list[str]]:
    with open(out / "clusters.jsonl", encoding="utf-8") as f:
        return [sorted(m["ext_id"] for m in json.loads(line)["members"]) for line in f]


def test_same_relations_and_clusters(runs: Path) -> None:
    local, spark = runs / "local", runs / "spark"
    relations = _relations(local)
    assert len(relations) > 300  # planted reuse was found: the comparison is not empty
    assert _relations(spark) == relations
    assert _clusters(spark) == _clusters(local)
    summary = {k: json.loads((runs / k / "summary.json").read_text()) for k in ("local", "spark")}
    # The generator plants a few exact duplicates: both engines drop them alike.
    assert summary["spark"]["documents"] == summary["local"]["documents"] > 0.99 * N
    for key in ("candidate_pairs", "window_candidate_pairs", "verified_relations", "clusters"):
        assert summary["spark"][key] == summary["local"][key], key
    # The files are the same files, byte for byte (doc ids follow input order in both).
    for name in ("pairs.jsonl", "clusters.jsonl", "sites.csv", "timeline.csv", "boilerplate.csv"):
        assert (spark / name).read_bytes() == (local / name).read_bytes(), name


def test_spark_components_match_the_clusters(runs: Path, spark: Any) -> None:
    """clusters.parquet (components by label propagation in Spark) holds the clusters'
    membership; networkx on the same relations agrees."""
    rows = spark.read.parquet(str(runs / "spark" / "clusters.parquet")).collect()
    by_label: dict[str, set[str]] = {}
    for r in rows:
        by_label.setdefault(r["component"], set()).add(r["id"])
    graph = nx.Graph()
    graph.add_edges_from((a, b) for a, b, _, _ in _relations(runs / "local"))
    want = sorted(sorted(c) for c in nx.connected_components(graph))
    assert sorted(sorted(c) for c in by_label.values()) == want
    pairs = spark.read.parquet(str(runs / "spark" / "pairs.parquet"))
    assert pairs.count() == len(_relations(runs / "local"))


def test_cli_needs_inputs_for_spark_and_a_db_for_local(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(main, ["discover", "--engine", "spark", "--out", str(tmp_path)])
    assert r.exit_code == 2 and "--input" in r.output
    r = runner.invoke(main, ["discover", "--out", str(tmp_path)])
    assert r.exit_code == 2 and "index DB" in r.output
    r = runner.invoke(
        main,
        ["discover", "--engine", "spark", "--input", "x.jsonl", "--conf", "novalue", "--out", "o"],
    )
    assert r.exit_code == 2 and "KEY=VALUE" in r.output


def test_spark_engine_refuses_formats_it_does_not_read(tmp_path: Path, spark: Any) -> None:
    from textlineage.engines.spark import discover_spark
    from textlineage.errors import InputError

    page = tmp_path / "page.html"
    page.write_text("<p>Hello</p>", encoding="utf-8")
    with pytest.raises(InputError, match="JSONL and Parquet"):
        discover_spark([str(page)], tmp_path / "out", spark=spark)
