"""The Spark engine's own outputs: connected components of the verified relations computed
in Spark, and ``pairs.parquet`` / ``clusters.parquet`` (the other files are written by
:mod:`textlineage.corpus.results`, as the local engine writes them)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..corpus.verify import VerifiedPair
from ..network import DocInfo

__all__ = ["spark_components", "write_parquet"]


def spark_components(spark: Any, edges: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Connected components of ``edges`` by iterated min-label propagation in DataFrames:
    each document's component is the smallest doc id it is connected to."""
    from pyspark.sql import functions as F

    if not edges:
        return {}
    e = spark.createDataFrame(list(edges), "src long, dst long")
    both = e.union(e.select(F.col("dst").alias("src"), F.col("src").alias("dst"))).cache()
    labels = both.select(F.col("src").alias("v")).distinct().withColumn("label", F.col("v"))
    while True:
        spread = (
            both.join(labels, both.src == labels.v)
            .select(F.col("dst").alias("v"), F.col("label"))
            .union(labels)
            .groupBy("v")
            .agg(F.min("label").alias("label"))
            .localCheckpoint()
        )
        changed = (
            spread.alias("n")
            .join(labels.alias("o"), "v")
            .where(F.col("n.label") != F.col("o.label"))
            .count()
        )
        labels = spread
        if changed == 0:
            break
    out = {int(r[0]): int(r[1]) for r in labels.collect()}
    both.unpersist()
    return out


def write_parquet(
    spark: Any,
    out_dir: Path,
    infos: Mapping[int, DocInfo],
    verified: Sequence[VerifiedPair],
    components: Mapping[int, int],
) -> None:
    pairs = [
        (
            infos[v.a].ext_id,
            infos[v.b].ext_id,
            v.verdict,
            None if v.source is None else infos[v.source].ext_id,
            float(v.confidence),
            float(v.coverage[0]),
            float(v.coverage[1]),
            ",".join(v.kinds),
        )
        for v in verified
    ]
    spark.createDataFrame(
        pairs,
        "a string, b string, verdict string, source string, confidence double, "
        "coverage_a double, coverage_b double, kinds string",
    ).coalesce(1).write.mode("overwrite").parquet(str(out_dir / "pairs.parquet"))
    members = [(infos[d].ext_id, infos[c].ext_id) for d, c in sorted(components.items())]
    spark.createDataFrame(members, "id string, component string").coalesce(1).write.mode(
        "overwrite"
    ).parquet(str(out_dir / "clusters.parquet"))
