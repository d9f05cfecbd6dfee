"""Corpus benchmark: ingest, index size, search latency, discovery, planted-reuse accuracy.

Run by hand, e.g.:

    .venv/bin/python benchmarks/bench_corpus.py --docs 10000 --work /tmp/tl-bench
    .venv/bin/python benchmarks/bench_corpus.py --docs 10000 --work /tmp/tl-bench --no-semantic

Steps: generate a seeded synthetic corpus with planted reuse (``gen_corpus.py``, prose from
../shared/data/pan13-train/src, read from there), ingest it with ``Corpus.add``, time
``Corpus.search`` on derived and original documents, run ``Corpus.discover``, and score the
discovered pairs against the planted relations:

- recall per kind: planted (source, derived) pairs found as a verified relation;
- precision: found pairs whose two documents belong to one planted lineage (a source, its
  derivatives and theirs — sibling reprints share text, so they count as related);
- direction: among found planted pairs, the share whose reported source is the planted one.

The generator's prose supply leaves real, unrecorded reuse between documents (one PAN source
passage obfuscated in several PAN cases, a PAN passage used as prose in one document and its
obfuscation in another). Precision is therefore also reported counting as related the pairs
that share at least three exact 6-word runs, and then the pairs related by the PAN
provenance the generator records (``provenance.jsonl``, see ``related_by_provenance``);
the pairs left unexplained are written to ``<discovery output>/unexplained.jsonl``.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import resource
import statistics
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import PAN_DIR, generate, load_truth, pan_links
from textlineage import document_from_text
from textlineage.corpus.config import CorpusConfig
from textlineage.corpus.index import Corpus
from textlineage.text.sketch import SketchConfig, sketch_batch


def _components(truth: list[dict]) -> dict[str, str]:
    """Each document of the planted relations → its lineage (component) root: the smallest document of the component."""
    graph = nx.Graph()
    graph.add_edges_from((r["source"], r["derived"]) for r in truth)
    return {d: min(c) for c in nx.connected_components(graph) for d in c}


def _cpu_seconds() -> float:
    """User and system CPU time of this process and of its finished workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--no-semantic",
        dest="semantic",
        action="store_false",
        help="lexical candidates and alignment only (no window channel, no semantic stage)",
    )
    ap.add_argument(
        "--embeddings", action="store_true", help="also store document vectors (the static model)"
    )
    ap.add_argument(
        "--lexical-verify",
        action="store_true",
        help="window candidates, but verified by the lexical alignment only",
    )
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-discover", action="store_true")
    ap.add_argument(
        "--ingest-workers", type=int, default=1, help="processes computing sketches and vectors"
    )
    ap.add_argument("--reuse-index", action="store_true", help="keep an existing index")
    ap.add_argument(
        "--ingest-only",
        action="store_true",
        help="time the ingest alone (no lexical-stage run, no search, no discovery)",
    )
    args = ap.parse_args()
    work = args.work
    corpus_dir = work / f"corpus-{args.docs}-{args.seed}"
    if not (corpus_dir / "docs.jsonl").exists():
        t = time.perf_counter()
        generate(args.docs, corpus_dir, seed=args.seed)
        print(f"generated {args.docs} docs in {time.perf_counter() - t:.1f} s -> {corpus_dir}")
    truth = [r for r in load_truth(corpus_dir / "truth.jsonl") if r["kind"] != "chain_transitive"]
    db = work / f"index-{args.docs}-{args.seed}{'-emb' if args.embeddings else ''}.db"
    reuse = args.reuse_index and db.exists()
    if not reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)

    if not reuse and not args.ingest_only:
        # The lexical stage alone, in a fresh process (cold caches), on one core.
        with ProcessPoolExecutor(1) as ex:
            n, secs = ex.submit(_lexical_stage, corpus_dir / "docs.jsonl", 20_000).result()
        print(
            f"lexical stage alone (tokenise, fold, stem, fingerprint): {n / secs:.0f} docs/s "
            f"on one core ({n} documents, cold caches)"
        )
    config = CorpusConfig()
    if args.lexical_verify:
        cmp = config.compare
        config = replace(
            config, compare=replace(cmp, semantic=replace(cmp.semantic, enabled=False))
        )
    with Corpus.open(db, config=config) as c:
        cpu, cpu_all = time.process_time(), _cpu_seconds()
        s = c.add(
            [] if reuse else [str(corpus_dir / "docs.jsonl")],
            embeddings=args.embeddings,
            workers=args.ingest_workers,
        )
        cpu, cpu_all = time.process_time() - cpu, _cpu_seconds() - cpu_all
        st = c.stats()
        if reuse:
            print(f"reusing {db} ({st['documents']} documents)")
        print(
            f"ingest: {s.added} added, {s.duplicates} duplicates, {len(s.skipped)} skipped in "
            f"{s.seconds:.1f} s = {s.docs_per_second:.0f} docs/s "
            f"({'with' if args.embeddings else 'without'} embeddings, {args.ingest_workers} "
            f"ingest process(es)); CPU: main process {cpu:.1f} s, with the workers "
            f"{cpu_all:.1f} s = {cpu_all / max(1, s.added + s.duplicates) * 1000:.2f} ms/doc"
        )
        print(
            f"index: {st['file_bytes'] / 1e6:.1f} MB file, {st['index_bytes_per_document']:.0f} "
            f"bytes/document beyond the text, {st['fingerprints']} fingerprints"
        )
        if args.ingest_only:
            return

        texts: dict[str, str] = {}
        wanted = {r["derived"] for r in truth[: args.queries]}
        with (corpus_dir / "docs.jsonl").open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec["id"] in wanted:
                    texts[rec["id"]] = rec["text"]
        lat, found = [], 0
        sources = {r["derived"]: r["source"] for r in truth}
        # The harness's own data (truth records, query texts) is long-lived: keep it out of
        # the garbage collector's passes, as a server does with what it loads at start-up.
        gc.collect()
        gc.freeze()
        for did, text in list(texts.items())[: args.queries]:
            t = time.perf_counter()
            r = c.search(
                document_from_text(text, "q"), top=10, semantic=None if args.semantic else False
            )
            lat.append(time.perf_counter() - t)
            found += any(h.doc.ext_id == sources[did] for h in r.hits)
        if lat:
            print(
                f"search: {len(lat)} queries (derived documents), p50 {_pct(lat, 0.5) * 1000:.0f} ms, "
                f"p99 {_pct(lat, 0.99) * 1000:.0f} ms; planted source among hits: "
                f"{found / len(lat):.3f}"
            )

        if args.skip_discover:
            return
        out = work / f"discover-{args.docs}-{args.seed}"
        t = time.perf_counter()
        cpu0 = _cpu_seconds()
        summary = c.discover(out, semantic=args.semantic, workers=args.workers)
        wall = time.perf_counter() - t
        cpu = _cpu_seconds() - cpu0
        peak = max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        )
        print(
            f"discover: {summary['candidate_pairs']} candidates, {summary['verified_relations']} "
            f"verified, {summary['clusters']} clusters in {wall:.1f} s; peak RSS {peak / 1024:.0f} MB "
            f"(stages {summary['seconds']}); CPU {cpu:.0f} s in this process and its workers "
            f"({cpu / max(wall, 1e-9):.2f} cores busy on average: below the workers' count, "
            "the machine was shared or a stage ran alone)"
        )

    lineage = load_truth(corpus_dir / "truth.jsonl")
    siblings = corpus_dir / "siblings.jsonl"
    if siblings.exists():
        lineage += load_truth(siblings)
    comp = _components(lineage)
    pairs = [json.loads(x) for x in (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    found_pairs = {frozenset((p["a"]["id"], p["b"]["id"])): p for p in pairs}
    by_kind: dict[str, list[int]] = defaultdict(list)
    direction = []
    for r in truth:
        p = found_pairs.get(frozenset((r["source"], r["derived"])))
        kind = r["kind"] + (f"/{r['obfuscation']}" if r.get("obfuscation") else "")
        by_kind[kind].append(1 if p else 0)
        if p and p["source"] is not None:
            direction.append(1 if p["source"] == r["source"] else 0)
    related = sum(
        1
        for key in found_pairs
        if len({comp.get(x, -1 - i) for i, x in enumerate(sorted(key))}) == 1
    )
    # The generator's prose supply can leave real, unrecorded overlap between documents
    # (PAN reuses one source passage in several cases): count a pair as related too when
    # its texts share at least three exact 6-word runs.
    unexplained = [
        p
        for key, p in found_pairs.items()
        if len({comp.get(x, -1 - i) for i, x in enumerate(sorted(key))}) != 1
    ]
    wanted_ids = {p[side]["id"] for p in unexplained for side in ("a", "b")}
    bodies: dict[str, str] = {}
    with (corpus_dir / "docs.jsonl").open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in wanted_ids:
                bodies[rec["id"]] = rec["text"]
    verbatim_overlap = [
        len(_six_grams(bodies[p["a"]["id"]]) & _six_grams(bodies[p["b"]["id"]])) >= 3
        for p in unexplained
    ]
    overlapping = sum(verbatim_overlap)
    print(
        "recall by kind: "
        + ", ".join(
            f"{k} {statistics.mean(v):.3f} (n={len(v)})" for k, v in sorted(by_kind.items())
        )
    )
    vl = by_kind.get("verbatim", []) + by_kind.get("light", [])
    print(
        f"recall verbatim+light {statistics.mean(vl) if vl else float('nan'):.3f}; "
        f"precision (same planted lineage) {related / len(found_pairs) if found_pairs else float('nan'):.3f} "
        f"of {len(found_pairs)} pairs; direction correct {statistics.mean(direction) if direction else float('nan'):.3f} "
        f"of {len(direction)} directed planted pairs"
    )
    clusters = [
        json.loads(x) for x in (out / "clusters.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    if clusters:
        # Purity: the share of a cluster's members in its most common planted lineage
        # (documents outside every lineage count as their own).
        main_share, mixed = 0, 0
        for k in clusters:
            groups = Counter(comp.get(m["ext_id"], m["ext_id"]) for m in k["members"])
            main_share += groups.most_common(1)[0][1]
            mixed += len(groups) > 1
        members = sum(k["size"] for k in clusters)
        print(
            f"clusters: {len(clusters)}, largest {max(k['size'] for k in clusters)} members; "
            f"purity {main_share / members:.3f} (members in their cluster's main lineage); "
            f"{mixed} clusters join several lineages"
        )
    if found_pairs:
        print(
            "precision counting verifiable unrecorded overlap (>= 3 shared exact 6-word runs) "
            f"as related: {(related + overlapping) / len(found_pairs):.3f} "
            f"({overlapping} of {len(unexplained)} unexplained pairs overlap verbatim)"
        )
    prov_path = corpus_dir / "provenance.jsonl"
    if found_pairs and prov_path.exists():
        prov = load_provenance(prov_path)
        links = pan_links(PAN_DIR)
        rest = [p for p, v in zip(unexplained, verbatim_overlap, strict=True) if not v]
        shared, left = [], []
        for p in rest:
            a, b = p["a"]["id"], p["b"]["id"]
            ok = related_by_provenance(prov.get(a, []), prov.get(b, []), links)
            (shared if ok else left).append(p)
        print(
            "precision counting shared PAN provenance as related: "
            f"{(related + overlapping + len(shared)) / len(found_pairs):.3f} "
            f"({len(shared)} of {len(rest)} unexplained pairs share provenance)"
        )
        with (out / "unexplained.jsonl").open("w", encoding="utf-8") as f:
            for p in left:
                rec = {"a": p["a"]["id"], "b": p["b"]["id"], "pair": p}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(
            f"unexplained pairs (no planted lineage, no verbatim overlap, no shared PAN "
            f"provenance): {len(left)} -> {out / 'unexplained.jsonl'}"
        )


def _lexical_stage(path: Path, limit: int) -> tuple[int, float]:
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    t = time.process_time()
    sketch_batch(texts, SketchConfig())
    return len(texts), time.process_time() - t


def load_provenance(path: Path) -> dict[str, list[dict]]:
    """provenance.jsonl: document id → its PAN pieces."""
    out: dict[str, list[dict]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                out[rec["id"]] = rec["pieces"]
    return out


def related_by_provenance(
    a: list[dict],
    b: list[dict],
    links: dict[str, list[tuple[int, int, str, int, int]]],
    min_overlap: int = 100,
) -> bool:
    """Whether two documents' PAN pieces (``provenance.jsonl``) make them related: they
    hold overlapping ranges (>= ``min_overlap`` characters) of one PAN file, or the two
    sides of one PAN case, or one holds a suspicious range that the PAN annotations
    (``links``, from ``gen_corpus.pan_links``) derive from a source range overlapping one
    the other holds — or that another suspicious range of the other document derives from
    (two obfuscations of one source passage). Only pieces of the same epoch count (other
    epochs permute the words)."""

    def cases(pieces: list[dict]) -> dict[tuple[str, int], set[str]]:
        out: dict[tuple[str, int], set[str]] = defaultdict(set)
        for p in pieces:
            if p.get("case"):
                out[p["case"], p.get("epoch", 0)].add(p["pan_file"].split("/", 1)[0])
        return out

    ca, cb = cases(a), cases(b)
    for key in ca.keys() & cb.keys():
        if len(ca[key] | cb[key]) > 1:  # the source side in one, the suspicious in the other
            return True

    def ranges(pieces: list[dict]) -> tuple[list[tuple], list[tuple]]:
        """(file, epoch, start, end) of the pieces, and of the source ranges that their
        suspicious ranges are annotated as derived from."""
        own, derived = [], []
        for p in pieces:
            f, s, e, ep = p["pan_file"], p["start"], p["end"], p.get("epoch", 0)
            own.append((f, ep, s, e))
            for ls, le, src, ss, se in links.get(f, ()):
                if min(e, le) - max(s, ls) >= min(min_overlap, le - ls):
                    derived.append((src, ep, ss, se))
        return own, derived

    def overlap(xs: list[tuple], ys: list[tuple]) -> bool:
        return any(
            fx == fy and ex == ey and min(bx, by) - max(ax, ay) >= min_overlap
            for fx, ex, ax, bx in xs
            for fy, ey, ay, by in ys
        )

    oa, da = ranges(a)
    ob, db = ranges(b)
    return overlap(oa, ob) or overlap(da, ob) or overlap(oa, db) or overlap(da, db)


def _six_grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


if __name__ == "__main__":
    main()
