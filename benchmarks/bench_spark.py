"""The local engine against the Spark engine on one generated corpus: wall time, peak
memory, and whether they agree.

    .venv/bin/python benchmarks/bench_spark.py --docs 10000 --work /tmp/tl-spark [--master local[2]]

Steps: generate the corpus (``gen_corpus.py``, kept between runs), then in separate
processes (so that peak memory is each one's own): ``index add`` + ``discover`` with the
local engine (2 workers), and ``discover --engine spark`` on the JSONL. Prints each
engine's wall time and peak resident memory (the driver's, and for Spark the largest
child process: executors' Python workers and the JVM), and the relations each found.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _run(cmd: list[str]) -> tuple[float, float]:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    # Peak RSS of the largest child waited for so far (the JVM counts among them).
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, peak


def _relations(out: Path) -> set[tuple[str, str, str | None, str]]:
    rel = set()
    with open(out / "pairs.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rel.add((r["a"]["id"], r["b"]["id"], r["source"], r["verdict"]))
    return rel


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--master", default="local[2]")
    args = ap.parse_args()
    from gen_corpus import generate

    corpus = args.work / f"corpus-{args.docs}-{args.seed}"
    if not (corpus / "docs.jsonl").exists():
        generate(args.docs, corpus, seed=args.seed)
    records = str(corpus / "docs.jsonl")
    cli = str(Path(sys.executable).with_name("textlineage"))
    db = args.work / f"index-{args.docs}-{args.seed}.db"
    db.unlink(missing_ok=True)
    local, spark = args.work / "local", args.work / "spark"

    ingest_s, _ = _run([cli, "index", "add", str(db), records])
    local_s, local_peak = _run([cli, "discover", str(db), "--out", str(local), "-j", "2"])
    spark_s, spark_peak = _run(
        [
            cli,
            "discover",
            "--engine",
            "spark",
            "--input",
            records,
            "--out",
            str(spark),
            "--master",
            args.master,
        ]
    )
    a, b = _relations(local), _relations(spark)
    print(f"{args.docs:,} documents")
    print(
        f"local: index add {ingest_s:.0f} s + discover {local_s:.0f} s "
        f"= {ingest_s + local_s:.0f} s, peak {local_peak:.0f} MB"
    )
    print(f"spark ({args.master}): {spark_s:.0f} s, peak {spark_peak:.0f} MB (largest process)")
    print(f"relations: local {len(a)}, spark {len(b)}, identical sets: {a == b}")


if __name__ == "__main__":
    main()
