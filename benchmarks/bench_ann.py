"""Nearest-neighbour search over document embeddings at scale: graph (usearch) vs exact scan.

Run by hand, e.g.:

    .venv/bin/python benchmarks/bench_ann.py --docs 1000000 --work /tmp/tl-ann

Semantic ingest embeds about 35 documents/s on this machine, so a million real embeddings
are out of reach here; the vectors are synthetic but shaped like document embeddings:
topics (cluster centres) with documents scattered around them, 384 dimensions, and for each
query a planted near-duplicate (a reworded copy: cosine about 0.9 to its source). Prints the
graph build time, the side file's size, search latency p50/p99 and recall@10 of the planted
source, against an exact scan over the same vectors.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

from textlineage.corpus.ann import SUFFIX, VectorIndex
from textlineage.corpus.schema import NewDocument
from textlineage.corpus.store import Store


def _vectors(rng: np.random.Generator, n: int, dim: int, topics: int) -> np.ndarray:
    centres = rng.standard_normal((topics, dim)).astype(np.float32)
    x = centres[rng.integers(0, topics, n)] + 1.2 * rng.standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200_000)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--dim", type=int, default=384)
    ap.add_argument("--reuse", action="store_true", help="keep the stored vectors and graph")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / f"ann-{args.docs}.db"
    reuse = args.reuse and db.exists()
    for suffix in ("", "-wal", "-shm", SUFFIX):
        if not reuse:
            Path(str(db) + suffix).unlink(missing_ok=True)
    rng = np.random.default_rng(1)
    store = Store(db)
    t = time.perf_counter()
    step = 20_000
    for start in range(0, 0 if reuse else args.docs, step):
        vecs = _vectors(rng, min(step, args.docs - start), args.dim, topics=500)
        store.add_batch(
            [
                NewDocument(
                    ext_id=str(start + i),
                    text="",
                    text_key=(start + i).to_bytes(16, "little"),
                    sketch=np.zeros(0, dtype=np.int64),
                    embedding=v,
                )
                for i, v in enumerate(vecs)
            ]
        )
    if not reuse:
        print(f"stored {args.docs} embeddings in {time.perf_counter() - t:.0f} s")
    rng = np.random.default_rng(2)

    ids, _ = store.embeddings_page(after=0, limit=1)
    picked = np.sort(rng.choice(args.docs, args.queries, replace=False)) + int(ids[0])
    _, src = store.embeddings(picked.tolist())
    queries = src + 0.35 * _vectors(rng, args.queries, args.dim, topics=500)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    cos = np.sum(queries * src, axis=1)
    print(f"queries: {args.queries} reworded copies, cosine to source {np.median(cos):.2f}")

    for name, index in (
        ("graph", VectorIndex(store, exact_below=0)),
        ("exact", VectorIndex(store, exact_below=10**12)),
    ):
        t = time.perf_counter()
        index.refresh()
        build = time.perf_counter() - t
        lat, hit = [], 0
        for q, want in zip(queries, picked, strict=True):
            t = time.perf_counter()
            res = index.search(q, 10)
            lat.append(time.perf_counter() - t)
            hit += any(d == want for d, _ in res)
        side = Path(str(db) + SUFFIX)
        size = f", side file {side.stat().st_size / 1e6:.0f} MB" if name == "graph" else ""
        print(
            f"{name}: ready in {build:.0f} s{size}; search p50 {np.percentile(lat, 50) * 1e3:.1f} ms,"
            f" p99 {np.percentile(lat, 99) * 1e3:.1f} ms; recall@10 {hit / len(lat):.3f}"
            f" ({os.cpu_count()} cores)"
        )
    store.close()


if __name__ == "__main__":
    main()
