"""The Spark engine's own outputs: connected components of the verified relations computed
in Spark, and ``pairs.parquet`` / ``clusters.parquet`` (the other files are written by
:mod:`textlineage.corpus.results`, as the local engine writes them).

Each parquet folder is written whole or not at all, like the local engine's files: Spark
writes it into a temporary folder beside the target, renamed over the target when the
job has finished (:func:`textlineage.outputs.atomic_dir`). A write that fails (a full
disk, a read-only file system) leaves the previous output, and is one line naming the
folder and the cause (:class:`~textlineage.errors.OutputError`), not a Java stack.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..corpus.verify import VerifiedPair
from ..errors import OutputError
from ..ingest.paths import printable_path
from ..network import DocInfo
from ..outputs import atomic_dir

__all__ = ["spark_components", "spark_problem", "write_frame", "write_parquet"]


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


def spark_problem(exc: BaseException) -> str:
    """One line for a failed Spark job: the innermost Java cause's message (``No space
    left on device``), else the first line of the Python exception's."""
    java = getattr(exc, "java_exception", None)
    text = ""
    try:
        while java is not None:
            text = str(java.getMessage() or java.toString())
            java = java.getCause()
    except Exception:  # the gateway may be gone: fall back to Python's words
        pass
    if not text:
        text = str(getattr(exc, "getMessage", lambda: "")() or "") or str(exc)
    line = next((x.strip() for x in text.splitlines() if x.strip()), type(exc).__name__)
    return line[:1].lower() + line[1:]


def _spark_errors() -> tuple[type[BaseException], ...]:
    from py4j.protocol import Py4JError  # type: ignore[import-untyped]
    from pyspark.errors import PySparkException

    return (Py4JError, PySparkException)


def write_frame(frame: Any, target: Path) -> None:
    """Write the DataFrame ``frame`` as one parquet file in the folder ``target``, whole
    or not at all (:func:`textlineage.outputs.atomic_dir`)."""
    with atomic_dir(target) as tmp:
        try:
            frame.coalesce(1).write.mode("overwrite").parquet(str(tmp))
        except _spark_errors() as exc:
            raise OutputError(printable_path(target), spark_problem(exc)) from exc


def write_parquet(
    spark: Any,
    out_dir: Path,
    infos: Mapping[int, DocInfo],
    verified: Sequence[VerifiedPair],
    components: Mapping[int, int],
) -> None:
    """``pairs.parquet`` (the verified relations) and ``clusters.parquet`` (each
    document's component) in ``out_dir``, each whole or not at all."""
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
    frame = spark.createDataFrame(
        pairs,
        "a string, b string, verdict string, source string, confidence double, "
        "coverage_a double, coverage_b double, kinds string",
    )
    write_frame(frame, out_dir / "pairs.parquet")
    members = [(infos[d].ext_id, infos[c].ext_id) for d, c in sorted(components.items())]
    write_frame(
        spark.createDataFrame(members, "id string, component string"),
        out_dir / "clusters.parquet",
    )
