"""Lineage benchmark: planted parents and mirrors, ``index add`` and ``discover`` through the
CLI, scored by ``textlineage.eval.lineage``.

Run by hand, e.g.::

    .venv/bin/python benchmarks/bench_lineage.py --work /tmp/tl-lineage [--docs 600] [-j 2]

Steps: write a planted-lineage corpus with ``gen_lineage.py`` (``--docs`` documents from
``gen_corpus.py`` plus their mirrors; kept and reused when it already exists), index it
with ``textlineage index add`` (exact mirrors are recorded as duplicates of the first copy
read, and the order is shuffled, so that copy is often a mirror), run ``textlineage
discover``, and score its ``clusters.jsonl`` and ``sites.csv`` against ``lineage.jsonl``.
The CLI is the one beside this Python (``.venv/bin/textlineage``), run on this checkout's
``src``. The last lines compare the figures with issue 11's target: parent accuracy
≥ 0.95, no sibling link, mirrors counted exactly.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's code

from bench_corpus import related_by_provenance
from gen_corpus import pan_links
from gen_lineage import generate  # a script beside this one
from textlineage.eval.lineage import (
    Truth,
    classify_link,
    evaluate_lineage,
    read_lineage_output,
    read_lineage_truth,
)
from textlineage.eval.lineage_report import NO_LINEAGE, format_lineage
from textlineage.eval.lineage_types import LineageEvaluation

SRC = Path(__file__).resolve().parents[1] / "src"
TARGET_ACCURACY = 0.95


def _cli() -> list[str]:
    """The installed console script beside this interpreter, else its entry point."""
    exe = Path(sys.executable).parent / "textlineage"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "import sys; from textlineage.cli import main; sys.exit(main())"]


def _run(args: list[str]) -> tuple[str, float]:
    """Run the CLI on this checkout's code; its stdout and wall seconds (exit on failure)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    t = time.perf_counter()
    r = subprocess.run([*_cli(), *args], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"textlineage {' '.join(args)} failed ({r.returncode}):\n{r.stderr}")
    return r.stdout, time.perf_counter() - t


def _unrelated(corpus: Path, found: Path) -> dict[str, int]:
    """Reported links the truth calls ``unrelated``: how many, how many join two documents
    of one site (site boilerplate, header and footer, taken for reuse), and how many join
    documents that hold the same PAN text (``provenance.jsonl``: reuse the generator's prose
    supply left and the truth does not record; see bench_corpus.py)."""
    truth = Truth(read_lineage_truth(corpus))
    members = {m.ext_id: m for c in read_lineage_output(found).clusters for m in c.members}
    links = [
        (m, members[m.parent])
        for m in members.values()
        if m.parent in members and classify_link(m.ext_id, m.parent, truth) == "unrelated"
    ]
    out = {"links": len(links), "same_site": sum(a.site == b.site for a, b in links)}
    wanted = {m.ext_id for link in links for m in link}
    pieces: dict[str, list[dict[str, Any]]] = {}
    with open(corpus / "provenance.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in wanted:
                pieces[rec["id"]] = rec["pieces"]
    pan = pan_links() if links else {}
    out["shared_pan_text"] = sum(
        related_by_provenance(pieces.get(a.ext_id, []), pieces.get(b.ext_id, []), pan)
        for a, b in links
    )
    return out


def _verdicts(ev: LineageEvaluation) -> list[str]:
    """The target of issue 11, figure by figure."""
    if not ev.lineage:
        return [f"target: {NO_LINEAGE.split(':')[0]}; nothing to compare"]
    acc = ev.overall.accuracy
    m = ev.mirrors
    exact = m.exact_documents == m.mirrored_documents and m.reported == m.planted
    s = ev.site_edges
    return [
        f"target parent accuracy >= {TARGET_ACCURACY}: "
        f"{'met' if acc is not None and acc >= TARGET_ACCURACY else 'NOT met'} ({acc:.4f})"
        if acc is not None
        else "target parent accuracy: n/a",
        f"target no sibling link: {'met' if ev.links.sibling_links == 0 else 'NOT met'} "
        f"({ev.links.sibling_links} sibling links"
        + (f", {s.sibling_only} site edges supported only by them)" if s else ")"),
        f"target mirrors counted exactly: {'met' if exact else 'NOT met'} "
        f"({m.exact_documents} of {m.mirrored_documents} documents; {m.reported} reported, "
        f"{m.planted} planted)",
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=600, help="documents before the mirrors")
    ap.add_argument("--work", type=Path, required=True, help="directory for all files")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sites", type=int, default=200)
    ap.add_argument("--p-mirrored", type=float, default=0.15)
    ap.add_argument("-j", "--workers", type=int, default=2)
    ap.add_argument("--no-semantic", action="store_true", help="discover --no-semantic")
    ap.add_argument("--format", choices=["text", "json"], default="text")
    ap.add_argument(
        "--rescore",
        action="store_true",
        help="score the discover output of an earlier run again (no index add, no discover)",
    )
    args = ap.parse_args(argv)
    work: Path = args.work
    tag = f"{args.docs}-{args.seed}-{args.p_mirrored}"
    corpus = work / f"lineage-{tag}"
    if not (corpus / "lineage.jsonl").exists():
        t = time.perf_counter()
        stats = generate(
            args.docs, corpus, seed=args.seed, sites=args.sites, p_mirrored=args.p_mirrored
        )
        print(f"generated in {time.perf_counter() - t:.1f} s -> {corpus}", file=sys.stderr)
    else:
        stats = json.loads((corpus / "stats.json").read_text(encoding="utf-8"))
    lin: dict[str, Any] = stats["lineage"]

    db = work / f"index-{tag}.db"
    found = work / f"discover-{tag}"
    if args.rescore:
        if not (found / "summary.json").exists():
            sys.exit(f"--rescore: no earlier discover output in {found}")
        added: dict[str, Any] = {}
        summary = json.loads((found / "summary.json").read_text(encoding="utf-8"))
        add_s = disc_s = 0.0
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        docs = str(corpus / "docs.jsonl")
        out, add_s = _run(
            ["index", "add", str(db), docs, "-j", str(args.workers), "--format", "json"]
        )
        added = json.loads(out)
        disc = ["discover", str(db), "--out", str(found), "-j", str(args.workers)]
        out, disc_s = _run(disc + (["--no-semantic"] if args.no_semantic else []))
        summary = json.loads(out)
    ev = evaluate_lineage(corpus, found)
    unrelated = _unrelated(corpus, found)

    if args.format == "json":
        extra = {"unrelated_links": unrelated}
        print(
            json.dumps(
                {"corpus": lin, "index_add": added, "discover": summary, **extra, **ev.to_dict()}
            )
        )
        return 0
    mirrors = lin["mirrors"]
    print(
        f"corpus: {lin['docs_total']} documents ({args.docs} + {sum(mirrors.values())} mirrors: "
        f"{mirrors['mirror-exact']} exact, {mirrors['mirror-near']} near, of "
        f"{lin['mirrored_documents']} documents); an exact mirror comes first for "
        f"{lin['exact_mirror_first']} of {lin['exact_mirrored_documents']} documents"
    )
    if args.rescore:
        print(f"index add and discover: the earlier run's ({summary['clusters']} clusters)")
    else:
        print(
            f"index add: {added['added']} added, {added['duplicates']} duplicates in "
            f"{add_s:.1f} s; discover: {summary['verified_relations']} relations, "
            f"{summary['clusters']} clusters in {disc_s:.1f} s"
        )
    print()
    print(format_lineage(ev))
    print()
    if unrelated["links"]:
        print(
            f"of the {unrelated['links']} unrelated links, {unrelated['same_site']} join two "
            f"documents of one site and {unrelated['shared_pan_text']} documents that hold "
            "the same PAN text (provenance.jsonl)"
        )
    print("\n".join(_verdicts(ev)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
