"""The local engine against the Spark engine on one generated corpus: wall time, peak
memory, and whether they agree.

    .venv/bin/python benchmarks/bench_spark.py --docs 10000 --work /tmp/tl-spark [--master local[2]]

Steps: generate the corpus (``gen_corpus.py``, kept between runs), then in separate
processes (so that peak memory is each one's own): ``index add`` + ``discover`` with the
local engine (2 workers), and ``discover --engine spark`` on the JSONL. Prints each
engine's wall time and peak resident memory (of the whole process tree: for Spark the
CLI, its JVM and the Python workers), and the relations each found.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (Linux /proc), in MB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(x.split()[1]) for x in f if x.startswith("VmRSS:"))
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo.extend(int(c) for c in f.read().split())
        except (OSError, StopIteration):
            continue
    return total / 1024


def _run(cmd: list[str]) -> tuple[float, float]:
    """Wall time and peak memory of the whole process tree (for Spark: the CLI, its JVM
    and the JVM's Python workers), sampled every 0.2 s."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_mb(proc.pid))
        time.sleep(0.2)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)}: exit status {proc.returncode}")
    return time.perf_counter() - t, peak


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
    print(f"spark ({args.master}): {spark_s:.0f} s, peak {spark_peak:.0f} MB")
    print(f"relations: local {len(a)}, spark {len(b)}, identical sets: {a == b}")


if __name__ == "__main__":
    main()
