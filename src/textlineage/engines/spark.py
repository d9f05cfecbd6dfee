"""The Spark engine: ``discover`` over JSONL or Parquet input, on a cluster or ``local[*]``.

It runs the local engine's pipeline with the same kernels, so both give the same answer:

1. **Records** are read in executors with the reader of ``index add``
   (:func:`~textlineage.ingest.records.jsonl_record`) and sketched with the same kernel
   (:func:`~textlineage.text.sketch.sketch_batch`). Records whose id was seen earlier, then
   exact duplicates of an earlier text, are dropped as ``index add`` drops them (first in
   input order wins), and documents are numbered in input order.
2. **Fingerprint candidates**: postings are exploded, a site's boilerplate fingerprints set
   aside by the same rule (:mod:`textlineage.corpus.boilerplate`), pairs made by a join on
   the fingerprint with the same document-frequency limit, and their evidence summed in the
   same fixed point as :mod:`textlineage.corpus.pairscan` (exact in any order).
3. **Window candidates** (unless ``semantic`` is off): the window channel's kernel
   (:func:`textlineage.corpus.discover.window_pairs`) runs on the driver over the
   documents' content terms, about 1 KB a document. With ``multilingual``, the executors
   compute each document's language and lead vector in step 1 (as ``index add
   --multilingual`` does), and the multilingual channel's kernel
   (:func:`textlineage.corpus.multilingual.crosslingual_pairs`) runs on the driver over
   them (768 bytes a document) before verification.
4. **Boilerplate sentences** are counted per site in executors and decided by
   :func:`~textlineage.corpus.boilerplate.is_boilerplate`.
5. **Verification**: candidate pairs are joined with their texts and verified in
   ``mapPartitions`` with the same :func:`~textlineage.corpus.verify.verify_pair`.
6. **Clusters**: connected components of the verified relations by iterated min-label
   propagation in DataFrames (no GraphFrames JAR needed); the output files are written by
   the same code as the local engine's (:mod:`textlineage.corpus.results`), plus
   ``pairs.parquet`` and ``clusters.parquet``.

``pyspark`` is an extra: ``pip install 'textlineage[spark]'`` (and a Java runtime).
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from ..corpus.boilerplate import (
    BOILERPLATE_MIN_DOCS,
    SITE_MIN_DOCS,
    boilerplate_threshold,
    document_sentences,
    is_boilerplate,
    mask_boilerplate,
)
from ..corpus.config import CorpusConfig
from ..corpus.discover import (
    discovery_summary,
    multilingual_candidates,
    plan_candidates,
    verify_config,
)
from ..corpus.mirrors import duplicate_members
from ..corpus.multilingual import languages_and_leads
from ..corpus.pairscan import EVIDENCE_SCALE
from ..corpus.results import write_discovery, write_summary
from ..corpus.schema import decode_vectors
from ..corpus.verify import VerifiedPair, date_meta, verify_pair
from ..embed_multi import INSTALL_HINT as MULTILINGUAL_HINT
from ..embed_multi import available as multilingual_model_available
from ..errors import InputError, MissingDependencyError
from ..ingest.limits import DEFAULT_MAX_BYTES
from ..ingest.records import FieldMap, Record, RecordError, jsonl_record
from ..ingest.sources import expand_inputs, input_kind
from ..network import DocInfo
from ..outputs import ensure_dir
from ..text.language import available as language_available
from ..text.sketch import SketchConfig, sketch_batch
from ..types import Document
from .spark_outputs import spark_components, write_parquet

log = logging.getLogger(__name__)

INSTALL = "pip install 'textlineage[spark]'"

DEFAULT_CONF = {
    # Small local runs drown in 200 shuffle tasks; a cluster sets its own.
    "spark.sql.shuffle.partitions": "16",
    "spark.ui.enabled": "false",
    # In local mode the driver's JVM runs the tasks: Spark's 1 GB ran out of heap joining
    # 10,000 documents' texts to their candidate pairs.
    "spark.driver.memory": "4g",
}


def _spark() -> Any:
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise MissingDependencyError("discover --engine spark", INSTALL) from exc
    from pyspark.sql import SparkSession

    return SparkSession


def session(master: str | None = None, conf: Mapping[str, str] | None = None) -> Any:
    """A Spark session for discovery: ``master`` (default ``local[*]``) and ``conf``
    (``spark.*`` settings, passed through) over :data:`DEFAULT_CONF`. Executors run this
    Python (``spark.pyspark.python``) unless ``conf`` says otherwise."""
    builder = _spark().builder.appName("textlineage-discover").master(master or "local[*]")
    settings = {**DEFAULT_CONF, "spark.pyspark.python": sys.executable, **(conf or {})}
    # Local executors run this interpreter (and so find this package) unless told otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", settings["spark.pyspark.python"])
    for key, value in settings.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


# --------------------------------------------------------------------------- records

_Row = tuple[int, int, str, str, str, str, str, str, str, bytes, list[int], bytes, str, bytes]
"""(file index, line index, ext_id, text, url, site, date, date source, title, text key,
fingerprints, content terms as little-endian uint32 bytes, language, multilingual lead
vector as float16 bytes or empty)."""


def _read_line(
    item: tuple[bytes, int], file_index: int, source: str, fields: FieldMap, max_bytes: int
) -> Record | RecordError | None:
    raw, index = item
    origin = f"{source}:{index + 1}"
    # The limit is the record's text in UTF-8, as the local reader has it: its JSON line
    # may be longer (escapes), and jsonl_record bounds that too.
    if index == 0 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    if not raw.strip():
        return None
    return jsonl_record(raw, origin, source, fields, max_bytes)


def _sketch_records(
    items: Iterator[tuple[int, int, Record]], cfg: SketchConfig, lead_chars: int | None
) -> Iterator[_Row]:
    batch: list[tuple[int, int, Record]] = []

    def flush() -> Iterator[_Row]:
        texts = [r.text for _, _, r in batch]
        sketches = sketch_batch(texts, cfg)
        languages, leads = languages_and_leads(texts, lead_chars)
        for (fi, li, r), sk, lang, lead in zip(batch, sketches, languages, leads, strict=True):
            m = r.meta
            yield (
                fi,
                li,
                r.ext_id,
                r.text,
                m.get("url", ""),
                m.get("site", ""),
                m.get("date", ""),
                m.get("date_source", "") if m.get("date") else "",
                m.get("title", ""),
                bytes(sk.key),
                [int(h) for h in sk.fingerprints],
                np.asarray(sk.terms, dtype="<u4").tobytes(),
                lang,
                b"" if lead is None else np.asarray(lead, dtype=np.float16).tobytes(),
            )
        batch.clear()

    for item in items:
        batch.append(item)
        if len(batch) >= 200:
            yield from flush()
    if batch:
        yield from flush()


def _records(
    spark: Any, inputs: Sequence[str], fields: FieldMap, max_bytes: int
) -> tuple[Any, Any]:
    """(RDD of (file index, line index, Record), RDD of RecordError) over every input."""
    sc = spark.sparkContext
    records = []
    for fi, path in enumerate(expand_inputs(inputs)):
        kind = input_kind(path)
        source = str(path)
        if kind == "jsonl":
            lines = sc.textFile(source, use_unicode=False).zipWithIndex()
            parsed = lines.map(
                lambda item, fi=fi, source=source: (
                    fi,
                    item[1],
                    _read_line(item, fi, source, fields, max_bytes),
                )
            )
        elif path.name.lower().endswith(".parquet") or path.is_dir():
            rows = spark.read.parquet(source).rdd.zipWithIndex()
            parsed = rows.map(
                lambda item, fi=fi, source=source: (
                    fi,
                    item[1],
                    _parquet_record(item[0].asDict(), f"{source}#{item[1]}", source, fields),
                )
            )
        else:
            raise InputError(source, "the Spark engine reads JSONL and Parquet files")
        records.append(parsed)
    allr = sc.union(records) if records else sc.emptyRDD()
    allr = allr.filter(lambda t: t[2] is not None).cache()
    good = allr.filter(lambda t: isinstance(t[2], Record))
    bad = allr.filter(lambda t: isinstance(t[2], RecordError)).map(lambda t: t[2])
    return good, bad


def _parquet_record(
    values: dict[str, Any], origin: str, source: str, fields: FieldMap
) -> Record | RecordError:
    line = json.dumps({k: v for k, v in values.items() if v is not None}, default=str)
    rec = jsonl_record(line.encode("utf-8"), origin, source, fields, DEFAULT_MAX_BYTES)
    if isinstance(rec, Record):
        meta = dict(rec.meta, format="parquet")
        return Record(rec.ext_id, rec.text, meta, rec.origin)
    return rec


# --------------------------------------------------------------------------- the pipeline


class SparkEngine:
    """Discovery over record files (JSONL or Parquet) on Spark: the same answer as the
    local engine over an index built from them."""

    name = "spark"

    def __init__(
        self,
        inputs: Sequence[str],
        config: CorpusConfig | None = None,
        *,
        master: str | None = None,
        conf: Mapping[str, str] | None = None,
        fields: FieldMap | None = None,
        spark: Any = None,
        multilingual: bool = False,
    ) -> None:
        self.inputs = list(inputs)
        self.config = config or CorpusConfig()
        self.master, self.conf, self.fields, self.spark = master, conf, fields, spark
        self.multilingual = multilingual

    def discover(
        self,
        out_dir: Path,
        *,
        semantic: bool = True,
        progress: Callable[[int, int], None] | None = None,
    ) -> dict[str, Any]:
        return discover_spark(
            self.inputs,
            out_dir,
            config=self.config,
            semantic=semantic,
            master=self.master,
            conf=self.conf,
            fields=self.fields,
            spark=self.spark,
            multilingual=self.multilingual,
        )


def discover_spark(
    inputs: Sequence[str],
    out_dir: str | os.PathLike[str],
    *,
    config: CorpusConfig | None = None,
    semantic: bool = True,
    master: str | None = None,
    conf: Mapping[str, str] | None = None,
    fields: FieldMap | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    spark: Any = None,
    multilingual: bool = False,
) -> dict[str, Any]:
    """Discover every verified reuse relation among the documents of ``inputs`` (JSONL or
    Parquet, one record a document, the fields of ``index add``) and write the files of
    ``discover --out`` into ``out_dir``. ``spark``: an existing session to use (else one
    is started with ``master`` and ``conf``, and stopped at the end). ``multilingual``:
    the executors also compute each document's multilingual lead vector, and translated
    documents are candidates as in an index built with ``index add --multilingual``."""
    config = config or CorpusConfig()
    fields = fields or FieldMap()
    out = Path(out_dir)
    if multilingual and not (multilingual_model_available() and language_available()):
        raise MissingDependencyError("multilingual document vectors", MULTILINGUAL_HINT)
    own = spark is None
    spark = spark or session(master, conf)
    try:
        lead = config.multilingual_lead_chars if multilingual and semantic else None
        return _run(spark, list(inputs), out, config, semantic, fields, max_bytes, lead)
    finally:
        if own:
            spark.stop()


def _run(
    spark: Any,
    inputs: list[str],
    out_dir: Path,
    config: CorpusConfig,
    semantic: bool,
    fields: FieldMap,
    max_bytes: int,
    lead_chars: int | None,
) -> dict[str, Any]:
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    t0 = time.perf_counter()
    ensure_dir(out_dir)
    good, bad = _records(spark, inputs, fields, max_bytes)
    sketch_cfg = config.sketch
    rows = good.mapPartitions(lambda it: _sketch_records(iter(it), sketch_cfg, lead_chars))
    schema = T.StructType(
        [
            T.StructField("fi", T.LongType()),
            T.StructField("li", T.LongType()),
            T.StructField("ext_id", T.StringType()),
            T.StructField("text", T.StringType()),
            T.StructField("url", T.StringType()),
            T.StructField("site", T.StringType()),
            T.StructField("date", T.StringType()),
            T.StructField("date_source", T.StringType()),
            T.StructField("title", T.StringType()),
            T.StructField("key", T.BinaryType()),
            T.StructField("fps", T.ArrayType(T.LongType())),
            T.StructField("terms", T.BinaryType()),
            T.StructField("language", T.StringType()),
            T.StructField("mvec", T.BinaryType()),
        ]
    )
    recs = spark.createDataFrame(rows, schema)
    # As `index add`: a record whose id came earlier is skipped, then an exact duplicate of
    # an earlier document's text is recorded as a duplicate; input order decides.
    order = [F.col("fi"), F.col("li")]
    first_id = recs.withColumn(
        "r", F.row_number().over(Window.partitionBy("ext_id").orderBy(*order))
    )
    kept = first_id.where("r = 1").drop("r")
    first_key = kept.withColumn("r", F.row_number().over(Window.partitionBy("key").orderBy(*order)))
    docs_df = first_key.where("r = 1").drop("r")
    dup_df = first_key.where("r > 1").select("fi", "li", "ext_id", "url", "site", "date", "key")
    numbered = (
        docs_df.rdd.sortBy(lambda r: (r["fi"], r["li"]))
        .zipWithIndex()
        .map(lambda t: (t[1] + 1, *t[0]))
    )
    docs = spark.createDataFrame(
        numbered, T.StructType([T.StructField("doc_id", T.LongType()), *schema.fields])
    ).cache()
    skipped = bad.count()

    infos: dict[int, DocInfo] = {}
    for r in docs.select(
        "doc_id", "ext_id", "site", "date", "url", "title", F.length("text"), "language"
    ).collect():
        infos[int(r[0])] = DocInfo(int(r[0]), r[1], r[2], r[3], r[4], r[5], int(r[6]), r[7])
    # Exact duplicates, numbered in input order as the index records them.
    doc_of_key = docs.select("key", F.col("doc_id").alias("dup_of"))
    dup_rows = [
        (n, r["ext_id"], int(r["dup_of"]), r["url"], r["site"], r["date"])
        for n, r in enumerate(dup_df.join(doc_of_key, "key").orderBy("fi", "li").collect(), start=1)
    ]
    site_size: dict[str, int] = {}
    for i in infos.values():
        site_size[i.site] = site_size.get(i.site, 0) + 1

    # --- fingerprint candidates
    t = time.perf_counter()
    lexical, boiler_marks = _pair_evidence(spark, docs, site_size, config, len(infos))
    scan_s = time.perf_counter() - t

    # --- window candidates
    t = time.perf_counter()

    def terms() -> dict[int, np.ndarray]:
        rows = docs.select("doc_id", "terms").toLocalIterator()
        return {int(r[0]): np.frombuffer(r[1], dtype="<u4") for r in rows}

    # --- multilingual candidates: the same kernel on the driver, over the lead vectors
    # the executors computed (float16, as an index stores them)
    t = time.perf_counter()
    cross: dict[tuple[int, int], float] = {}
    if lead_chars is not None:
        found = (
            docs.where(F.length("mvec") > 0)
            .select("doc_id", "mvec", "language")
            .orderBy("doc_id")
            .collect()
        )
        ids, matrix = decode_vectors([(int(r[0]), bytes(r[1])) for r in found])
        cross = multilingual_candidates(ids, [r[2] for r in found], matrix, config)
    multilingual_s = time.perf_counter() - t

    t = time.perf_counter()
    plan = plan_candidates(lexical, terms, config, infos, semantic=semantic, crosslingual=cross)
    window_s = time.perf_counter() - t

    # --- boilerplate sentences
    t = time.perf_counter()
    boiler = _boilerplate(docs, site_size)
    boiler_s = time.perf_counter() - t

    # --- verification
    t = time.perf_counter()
    verified = _verify(spark, docs, plan.candidates, boiler, verify_config(config, plan.semantic))
    verify_s = time.perf_counter() - t

    # --- clusters and outputs
    t = time.perf_counter()
    dup_infos, dup_pairs = duplicate_members(dup_rows, infos)
    members = {**infos, **dup_infos}
    relations = sorted([*verified, *dup_pairs], key=lambda v: (v.a, v.b))
    results = write_discovery(out_dir, members, relations, boiler)
    components = spark_components(spark, [(v.a, v.b) for v in relations])
    write_parquet(spark, out_dir, members, relations, components)
    summary = discovery_summary(
        infos,
        plan,
        verified,
        len(results.clusters),
        boiler,
        boiler_marks,
        {
            "scan": scan_s,
            "windows": window_s,
            "multilingual": multilingual_s,
            "boilerplate": boiler_s,
            "verify": verify_s,
        },
        outputs_s=time.perf_counter() - t,
        total_s=time.perf_counter() - t0,
        exact_duplicates=len(dup_infos),
        mirrors=sum(c.mirrors for c in results.clusters),
        extra={"engine": "spark", "skipped_records": skipped},
    )
    write_summary(out_dir, summary)
    docs.unpersist()
    return summary


def _pair_evidence(
    spark: Any, docs: Any, site_size: Mapping[str, int], config: CorpusConfig, n_docs: int
) -> tuple[dict[tuple[int, int], float], int]:
    """Fingerprint candidates and their evidence, as :func:`~textlineage.corpus.pairscan.
    scan_pairs` finds them; and the (fingerprint, site) boilerplate marks."""
    from pyspark.sql import functions as F

    thresholds = [
        (site, boilerplate_threshold(n))
        for site, n in site_size.items()
        if site and n >= SITE_MIN_DOCS
    ]
    postings = docs.select("doc_id", "site", F.explode("fps").alias("h"))
    per_site = postings.groupBy("h", "site").agg(F.count("*").alias("n"))
    noisy = per_site.join(
        spark.createDataFrame(thresholds or [("", 1 << 62)], "site string, th long"), "site"
    ).where(F.col("n") >= F.greatest(F.col("th"), F.lit(BOILERPLATE_MIN_DOCS)))
    marks = noisy.count()
    kept = postings.join(noisy.select("h", "site"), ["h", "site"], "left_anti")
    max_df = config.max_df(n_docs)
    df = (
        kept.groupBy("h")
        .agg(F.count("*").alias("df"))
        .where((F.col("df") >= 2) & (F.col("df") <= max_df))
    )
    # 2 / df in fixed point, rounded to the nearest: pairscan.fixed_weights.
    weight = F.expr(f"({2 * EVIDENCE_SCALE} + (df div 2)) div df").alias("w")
    k = kept.join(df, "h").select("h", "doc_id", weight)
    a, b = k.alias("a"), k.alias("b")
    pairs = (
        a.join(b, (F.col("a.h") == F.col("b.h")) & (F.col("a.doc_id") < F.col("b.doc_id")))
        .select(F.col("a.doc_id").alias("a"), F.col("b.doc_id").alias("b"), F.col("a.w"))
        .groupBy("a", "b")
        .agg(F.sum("w").alias("w"))
    )
    out: dict[tuple[int, int], float] = {}
    for r in pairs.toLocalIterator():
        evidence = int(r[2]) / EVIDENCE_SCALE
        if evidence >= config.min_evidence:
            out[(int(r[0]), int(r[1]))] = evidence
    return out, marks


def _site_sentences(
    rows: Iterator[Any], sizes: Mapping[str, int]
) -> Iterator[tuple[str, str, bool]]:
    for site, text in rows:
        if not site or sizes.get(site, 0) < 2:
            continue
        for key, at_edge in document_sentences(text).items():
            yield site, key, at_edge


def _boilerplate(docs: Any, site_size: Mapping[str, int]) -> dict[str, set[str]]:
    """Per site, the sentences that recur across its documents as a template (the rule of
    :func:`~textlineage.corpus.boilerplate.boilerplate_sentences`)."""
    sizes = dict(site_size)
    counted = (
        docs.select("site", "text")
        .rdd.mapPartitions(lambda it: _site_sentences(iter(it), sizes))
        .map(lambda t: ((t[0], t[1]), (1, 1 if t[2] else 0)))
        .reduceByKey(lambda x, y: (x[0] + y[0], x[1] + y[1]))
        .filter(lambda kv: kv[1][0] >= 2)
    )
    out: dict[str, set[str]] = {}
    for (site, key), (n, edge) in counted.toLocalIterator():
        if is_boilerplate(n, edge, sizes[site]):
            out.setdefault(site, set()).add(key)
    return out


def _verify_partition(
    rows: Iterator[Any], boiler: Mapping[str, set[str]], lexical: Any, full: Any
) -> Iterator[str]:
    for r in rows:
        docs = []
        for side in ("a", "b"):
            text, _ = mask_boilerplate(r[f"{side}_text"], boiler.get(r[f"{side}_site"], set()))
            meta = date_meta(r[f"{side}_date"], r[f"{side}_date_source"])
            docs.append(Document(r[f"{side}_ext"], text, meta))
        v = verify_pair(r["a"], docs[0], r["b"], docs[1], lexical, full if r["close"] else None)
        if v is not None:
            yield json.dumps(v.to_json())


def _verify(
    spark: Any,
    docs: Any,
    candidates: list[tuple[int, int, bool]],
    boiler: Mapping[str, set[str]],
    cfg: Any,
) -> list[VerifiedPair]:
    from pyspark.sql import functions as F

    if not candidates:
        return []
    lexical = replace(cfg, semantic=replace(cfg.semantic, enabled=False))
    full = cfg if cfg.semantic.enabled else None
    cands = spark.createDataFrame(candidates, "a long, b long, close boolean")
    side = docs.select("doc_id", "ext_id", "text", "site", "date", "date_source")
    da = side.select(*(F.col(c).alias(f"a_{c}") for c in side.columns))
    db = side.select(*(F.col(c).alias(f"b_{c}") for c in side.columns))
    joined = (
        cands.join(da, cands.a == da.a_doc_id)
        .join(db, cands.b == db.b_doc_id)
        .select(
            "a",
            "b",
            "close",
            F.col("a_ext_id").alias("a_ext"),
            "a_text",
            "a_site",
            "a_date",
            "a_date_source",
            F.col("b_ext_id").alias("b_ext"),
            "b_text",
            "b_site",
            "b_date",
            "b_date_source",
        )
        .repartition(max(1, min(len(candidates) // 64, 512)), "a")
        .sortWithinPartitions("a", "b")
    )
    bc = spark.sparkContext.broadcast({k: v for k, v in boiler.items()})
    found = joined.rdd.mapPartitions(
        lambda it: _verify_partition(iter(it), bc.value, lexical, full)
    ).collect()
    verified = [VerifiedPair.from_json(json.loads(s)) for s in found]
    verified.sort(key=lambda v: (v.a, v.b))
    return verified
