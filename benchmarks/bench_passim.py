"""passim side by side with textlineage's corpus discovery, on one synthetic corpus.

Run by hand, e.g.::

    .venv/bin/python benchmarks/bench_passim.py --docs 1000 --work /tmp/tl-passim \\
        --passim /tmp/passim-src --spark-submit /tmp/passim-venv/bin/spark-submit

passim (David A. Smith, https://github.com/dasmiq/passim) is the reference tool for
corpus-wide text reuse. It is run from a local checkout (``--passim``: the directory
holding ``passim/seriatim.py``) with ``spark-submit`` from a separate virtual environment
that has pyspark and passim's other Python dependencies (``intervaltree``,
``graphframes-py``); nothing is installed into this project and nothing is downloaded
when this script runs. A setup that works with Java 17::

    python3 -m venv /tmp/passim-venv
    /tmp/passim-venv/bin/pip install pyspark==4.0.1 intervaltree graphframes-py==0.9.3

Steps:

1. Generate the seeded corpus with planted reuse (``gen_corpus.generate``) into
   ``WORK/corpus-N-SEED``, or reuse it when present.
2. passim: write its input (JSON lines ``id``, ``series`` = the document's site, ``text``,
   split into ``--passim-parts`` files so that Spark reads it as that many partitions) and run
   ``seriatim.py --all-pairs --pairwise`` with the options of passim's own ``passim``
   wrapper, ``--fields 'xxhash64(series) as gid' --filterpairs 'gid < gid2'``: documents of
   one site are one series and pairs within a series are not aligned. textlineage has no
   such filter; the planted relations of ``truth.jsonl`` all join two sites, but a few
   sibling pairs (two reprints of one original) are on one site, so passim cannot find
   those: recall is also given over the cross-site planted pairs only. The pairwise
   alignments land in ``align.json/part-*``, one record per aligned passage pair with the
   two document ids in ``id`` and ``id2``; the document pairs are the unordered
   ``{id, id2}`` of those records. passim then goes on to cluster the passages, which needs
   the graphframes JAR (fetched from Maven by ``--packages``, so not available offline):
   that step fails, after ``align.json`` is complete. The run counts as finished when
   ``align.json/_SUCCESS`` exists; passim's time is measured to the moment that file was
   written (the process's whole wall time, including JVM start-up and the failed
   clustering, is printed too). A run is stopped after ``--passim-timeout`` seconds.
   passim has no notion of boilerplate beyond its n-gram document-frequency cap
   (``--maxDF``, 100), and the generator's site headers and footers are filled from shared
   templates (as are the notes that introduce or close a republished story), so passim
   aligns footers and such notes of different sites. The column ``passim-body`` keeps only
   the document pairs with at least one alignment that has ``BODY_MIN`` (100) or more
   characters in the body (between header line and footer, ``boilerplate.json``) of both
   documents: a post-filter a passim user could apply, shown for information (its figures
   depend on that threshold).
3. textlineage: a fresh index in ``WORK``, ``Corpus.add`` of ``docs.jsonl`` (timed), then
   ``Corpus.discover(workers=--workers)`` (timed), pairs read from ``pairs.jsonl``.
4. Both tools scored alike against the planted relations (``truth.jsonl`` and
   ``siblings.jsonl``; ``chain_transitive`` left out): recall per planted kind (the
   planted pair found, either orientation), overall recall, and precision by planted
   lineage (found pairs whose two documents lie in one connected component of the planted
   relations), and the speed ratio passim / textlineage.

Timings are wall-clock on whatever else the machine is doing at the time: upper bounds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import generate, load_truth
from textlineage.corpus.index import Corpus

KINDS = (
    "verbatim",
    "light",
    "heavy/random",
    "heavy/translation",
    "heavy/summary",
    "partial",
    "chain",
    "sibling",
)

Pair = frozenset[str]
# Characters of a passim alignment that must lie in both documents' bodies for the
# ``passim-body`` column: twice passim's minimum alignment (50), longer than the generator's
# templated republication notes ("Reporting by X staff; additional editing by Y.").
BODY_MIN = 100


def kind_of(rel: dict) -> str:
    return rel["kind"] + (f"/{rel['obfuscation']}" if rel.get("obfuscation") else "")


def score(found: set[Pair], planted: list[dict], lineage: dict[str, str]) -> dict:
    """Recall per kind and overall, precision by planted lineage."""
    hits: dict[str, list[int]] = defaultdict(list)
    for rel in planted:
        hits[kind_of(rel)].append(frozenset((rel["source"], rel["derived"])) in found)
    related = 0
    for pair in found:
        roots = {lineage.get(x) for x in pair}
        related += len(pair) == 2 and len(roots) == 1 and None not in roots
    cross = [
        frozenset((r["source"], r["derived"])) in found
        for r in planted
        if r["source_site"] != r["derived_site"]
    ]
    every = [h for v in hits.values() for h in v]
    no_sib = [h for k, v in hits.items() if k != "sibling" for h in v]
    return {
        "recall": {k: (sum(v) / len(v), len(v)) for k, v in hits.items()},
        "overall": sum(every) / len(every) if every else float("nan"),
        "overall_no_sibling": sum(no_sib) / len(no_sib) if no_sib else float("nan"),
        "overall_cross_site": sum(cross) / len(cross) if cross else float("nan"),
        "cross_site": len(cross),
        "precision": related / len(found) if found else float("nan"),
        "related": related,
    }


# --- passim -------------------------------------------------------------------------


def write_passim_input(docs: Path, out_dir: Path, parts: int) -> int:
    """docs.jsonl → ``parts`` JSON-lines files with ``id``, ``series`` (the site), ``text``."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    files = [(out_dir / f"part-{i:03d}.json").open("w", encoding="utf-8") for i in range(parts)]
    n = 0
    try:
        with docs.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                rec = json.loads(line)
                row = {"id": rec["id"], "series": rec["site"], "text": rec["text"]}
                files[n % parts].write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
    finally:
        for fh in files:
            fh.close()
    return n


def passim_command(args: argparse.Namespace, input_dir: Path, out_dir: Path) -> list[str]:
    return [
        str(args.spark_submit),
        "--master",
        f"local[{args.cores}]",
        "--driver-memory",
        args.driver_memory,
        str(args.passim / "passim" / "seriatim.py"),
        "--all-pairs",
        "--pairwise",
        "--fields",
        "xxhash64(series) as gid",
        "--filterpairs",
        "gid < gid2",
        str(input_dir),
        str(out_dir),
    ]


def run_passim(args: argparse.Namespace, corpus_dir: Path) -> dict | None:
    """Run passim; its document pairs and timings, or None when it did not finish."""
    input_dir = args.work / f"passim-input-{args.docs}-{args.seed}"
    out_dir = args.work / f"passim-out-{args.docs}-{args.seed}"
    log = args.work / f"passim-{args.docs}-{args.seed}.log"
    n = write_passim_input(corpus_dir / "docs.jsonl", input_dir, args.passim_parts)
    # passim skips every stage whose intermediate output exists: always start afresh.
    if out_dir.exists():
        shutil.rmtree(out_dir)
    cmd = passim_command(args, input_dir, out_dir)
    env = dict(os.environ)
    # Spark's Python workers: the interpreter of passim's venv (pyspark, intervaltree).
    env["PYSPARK_PYTHON"] = str(args.spark_submit.parent / "python")
    env["PYSPARK_DRIVER_PYTHON"] = env["PYSPARK_PYTHON"]
    conf = args.passim / "conf"
    if conf.is_dir():
        env["SPARK_CONF_DIR"] = str(conf)  # passim's own log4j settings
    print(f"passim: {n} documents in {args.passim_parts} input files; running")
    print("  " + " ".join(f"'{c}'" if " " in c or "<" in c else c for c in cmd))
    print(f"  log -> {log}", flush=True)
    start_epoch = time.time()
    t = time.perf_counter()
    with log.open("w", encoding="utf-8") as lf:
        proc = subprocess.Popen(
            cmd, stdout=lf, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
        try:
            rc = proc.wait(timeout=args.passim_timeout)
        except subprocess.TimeoutExpired:
            print(f"passim: did not finish within {args.passim_timeout:.0f} s (stopped; see {log})")
            return None
        finally:
            if proc.poll() is None:  # timed out or interrupted: stop Spark's JVM and workers
                _stop(proc)
    total = time.perf_counter() - t
    done = out_dir / "align.json" / "_SUCCESS"
    if not done.exists():
        print(f"passim: exit code {rc} after {total:.1f} s without align.json; see {log}")
        return None
    to_align = done.stat().st_mtime - start_epoch
    pairs, in_body, records = read_passim_pairs(out_dir / "align.json", body_spans(corpus_dir))
    note = "" if rc == 0 else f" (exit code {rc}: the clustering step, see the log)"
    print(
        f"passim: {records} aligned passage pairs, {len(pairs)} document pairs "
        f"({len(in_body)} with an alignment in both bodies); align.json written after "
        f"{to_align:.1f} s, process ended after {total:.1f} s{note}"
    )
    return {
        "pairs": pairs,
        "body_pairs": in_body,
        "seconds": to_align,
        "process_seconds": total,
        "records": records,
    }


def _stop(proc: subprocess.Popen) -> None:
    """Stop the process group of ``proc`` (spark-submit, its JVM and Python workers)."""
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def read_passim_pairs(
    align_dir: Path, body: dict[str, tuple[int, int]]
) -> tuple[set[Pair], set[Pair], int]:
    """The unordered document-id pairs of passim's pairwise alignments (``id``, ``id2``);
    those of them with an alignment in the documents' bodies (``body``: id → [start, end)
    of the text between the site's header and footer), and the number of alignments.

    An alignment counts as boilerplate when on either side less than ``BODY_MIN``
    characters of it lie in the body."""
    pairs: set[Pair] = set()
    in_body: set[Pair] = set()
    records = 0
    for part in sorted(align_dir.glob("part-*")):
        with part.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                rec = json.loads(line)
                pair = frozenset((rec["id"], rec["id2"]))
                pairs.add(pair)
                records += 1
                if all(
                    _overlap((rec[b], rec[e]), body[rec[i]]) >= BODY_MIN
                    for i, b, e in (("id", "begin", "end"), ("id2", "begin2", "end2"))
                ):
                    in_body.add(pair)
    return pairs, in_body, records


def _overlap(x: tuple[int, int], y: tuple[int, int]) -> int:
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def body_spans(corpus_dir: Path) -> dict[str, tuple[int, int]]:
    """Each document's body: [start, end) of its text between its site's header line and
    footer paragraph (``boilerplate.json``)."""
    plate = json.loads((corpus_dir / "boilerplate.json").read_text(encoding="utf-8"))
    out = {}
    with (corpus_dir / "docs.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            text, site = rec["text"], plate.get(rec["site"], {})
            head, foot = site.get("header", ""), site.get("footer", "")
            start = len(head) if head and text.startswith(head) else 0
            end = len(text) - len(foot) if foot and text.endswith(foot) else len(text)
            out[rec["id"]] = (start, end)
    return out


# --- textlineage ---------------------------------------------------------------------


def run_textlineage(args: argparse.Namespace, corpus_dir: Path) -> dict:
    db = args.work / f"tl-index-{args.docs}-{args.seed}.db"
    out = args.work / f"tl-discover-{args.docs}-{args.seed}"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    if out.exists():
        shutil.rmtree(out)
    with Corpus.open(db) as c:
        t = time.perf_counter()
        s = c.add([str(corpus_dir / "docs.jsonl")])
        ingest = time.perf_counter() - t
        print(
            f"textlineage: ingest {s.added} added, {s.duplicates} duplicates, "
            f"{len(s.skipped)} skipped in {ingest:.1f} s",
            flush=True,
        )
        t = time.perf_counter()
        summary = c.discover(out, workers=args.workers)
        disc = time.perf_counter() - t
    pairs = {
        frozenset((p["a"]["id"], p["b"]["id"]))
        for p in map(json.loads, (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines())
    }
    print(
        f"textlineage: discover {summary.get('candidate_pairs')} candidates, "
        f"{summary.get('verified_relations')} verified, {len(pairs)} document pairs "
        f"in {disc:.1f} s (stages, s: {summary.get('seconds')})"
    )
    return {"pairs": pairs, "ingest": ingest, "seconds": disc}


# --- report --------------------------------------------------------------------------


def table(results: dict[str, dict], planted: list[dict], lineage: dict[str, str]) -> None:
    names = list(results)
    scores = {k: score(v["pairs"], planted, lineage) for k, v in results.items()}
    w = 34
    print()
    print(f"{'':{w}}" + "".join(f"{n:>14}" for n in names))

    def row(label: str, cells: Iterable[str]) -> None:
        print(f"{label:{w}}" + "".join(f"{c:>14}" for c in cells))

    if "textlineage" in results:
        r = results["textlineage"]
        row("ingest s", (f"{r['ingest']:.1f}" if n == "textlineage" else "-" for n in names))
    row("discovery s", (f"{results[n]['seconds']:.1f}" for n in names))
    row(
        "total s",
        (f"{results[n]['seconds'] + results[n].get('ingest', 0.0):.1f}" for n in names),
    )
    row("pairs found", (str(len(results[n]["pairs"])) for n in names))
    counts = {k: n for k, (_, n) in next(iter(scores.values()))["recall"].items()}
    for kind in KINDS:
        if kind in counts:
            row(
                f"recall {kind} (n={counts[kind]})",
                (f"{scores[n]['recall'][kind][0]:.3f}" for n in names),
            )
    row("recall overall", (f"{scores[n]['overall']:.3f}" for n in names))
    row("  without siblings", (f"{scores[n]['overall_no_sibling']:.3f}" for n in names))
    n_cross = next(iter(scores.values()))["cross_site"]
    row(
        f"  cross-site only (n={n_cross})",
        (f"{scores[n]['overall_cross_site']:.3f}" for n in names),
    )
    row("precision (lineage)", (f"{scores[n]['precision']:.3f}" for n in names))
    if "passim" in results and "textlineage" in results:
        p, t = results["passim"], results["textlineage"]
        print(
            f"\nspeed ratio passim / textlineage: discovery {p['seconds'] / t['seconds']:.2f}x, "
            f"ingest + discovery {p['seconds'] / (t['ingest'] + t['seconds']):.2f}x "
            f"(passim process wall time {p['process_seconds']:.1f} s: "
            f"{p['process_seconds'] / (t['ingest'] + t['seconds']):.2f}x)"
        )
        both = p["pairs"] & t["pairs"]
        print(
            f"pairs found by both {len(both)}, only passim {len(p['pairs'] - t['pairs'])}, "
            f"only textlineage {len(t['pairs'] - p['pairs'])}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--passim", type=Path, help="passim checkout (holds passim/seriatim.py)")
    ap.add_argument(
        "--spark-submit", type=Path, help="spark-submit of the venv that has pyspark for passim"
    )
    ap.add_argument("--skip-textlineage", action="store_true")
    ap.add_argument("--skip-passim", action="store_true")
    ap.add_argument("--workers", type=int, default=2, help="textlineage discovery processes")
    ap.add_argument("--cores", type=int, default=2, help="Spark local[N] for passim")
    ap.add_argument("--driver-memory", default="8g")
    ap.add_argument("--passim-parts", type=int, default=4, help="passim input files")
    ap.add_argument("--passim-timeout", type=float, default=45 * 60, help="seconds")
    args = ap.parse_args()
    if not args.skip_passim:
        if args.passim is None or args.spark_submit is None:
            ap.error("--passim and --spark-submit are needed unless --skip-passim")
        if not (args.passim / "passim" / "seriatim.py").exists():
            ap.error(f"no passim/seriatim.py under {args.passim}")
        args.passim = args.passim.resolve()
        args.spark_submit = args.spark_submit.absolute()
    args.work = args.work.resolve()
    args.work.mkdir(parents=True, exist_ok=True)

    corpus_dir = args.work / f"corpus-{args.docs}-{args.seed}"
    if not (corpus_dir / "docs.jsonl").exists():
        t = time.perf_counter()
        generate(args.docs, corpus_dir, seed=args.seed)
        print(f"generated {args.docs} docs in {time.perf_counter() - t:.1f} s -> {corpus_dir}")
    else:
        print(f"reusing {corpus_dir}")
    truth = load_truth(corpus_dir / "truth.jsonl")
    sib_path = corpus_dir / "siblings.jsonl"
    siblings = load_truth(sib_path) if sib_path.exists() else []
    planted_graph = nx.Graph()
    planted_graph.add_edges_from((r["source"], r["derived"]) for r in truth + siblings)
    # Each document of the planted relations → the smallest document of its component.
    lineage = {d: min(c) for c in nx.connected_components(planted_graph) for d in c}
    planted = [r for r in truth if r["kind"] != "chain_transitive"] + siblings

    results: dict[str, dict] = {}
    if not args.skip_passim:
        p = run_passim(args, corpus_dir)
        if p is not None:
            results["passim"] = p
            results["passim-body"] = dict(p, pairs=p["body_pairs"])
    if not args.skip_textlineage:
        results["textlineage"] = run_textlineage(args, corpus_dir)
    if results:
        table(results, planted, lineage)


if __name__ == "__main__":
    main()
