"""Calibrate the semantic stage's thresholds on MRPC (train split).

Run by hand:  .venv/bin/python benchmarks/calibrate_semantic.py [--limit N]

Reads ../shared/data/mrpc/msr_paraphrase_train.txt (never copied). Three populations of
sentence pairs are embedded with the packaged model: MRPC paraphrases (label 1), MRPC
non-paraphrases (label 0: mostly two sentences about the same news event — the confusion
the structural rules exist for), and unrelated pairs (each first sentence with the second
sentence of another, random pair). For each threshold it prints the share of each
population at or above it, and the paraphrase-vs-same-event precision and recall.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np

from textlineage import SemanticConfig
from textlineage.embed import default_embedder

MRPC = Path(__file__).resolve().parents[2] / "shared" / "data" / "mrpc" / "msr_paraphrase_train.txt"


def _clean(s: str) -> str:
    s = s.replace("<QUOTE>", '"')
    for a, b in (
        (" ,", ","),
        (" .", "."),
        (" 's", "'s"),
        (" n't", "n't"),
        (" ;", ";"),
        (" :", ":"),
    ):
        s = s.replace(a, b)
    return s


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="use the first N pairs only")
    args = ap.parse_args()
    rows = [
        line.rstrip("\n").split("\t")
        for line in MRPC.read_text(encoding="utf-8-sig").splitlines()[1:]
    ]
    rows = [r for r in rows if len(r) == 5]
    if args.limit:
        rows = rows[: args.limit]
    labels = np.array([int(r[0]) for r in rows])
    s1 = [_clean(r[3]) for r in rows]
    s2 = [_clean(r[4]) for r in rows]
    emb = default_embedder()
    t = time.perf_counter()
    e1, e2 = emb.encode(s1), emb.encode(s2)
    secs = time.perf_counter() - t
    sim = (e1 * e2).sum(axis=1)
    perm = list(range(len(rows)))
    random.Random(7).shuffle(perm)
    unrelated = (e1 * e2[perm]).sum(axis=1)
    para, same = sim[labels == 1], sim[labels == 0]
    print(
        f"{len(rows)} MRPC pairs ({len(para)} paraphrases, {len(same)} same-event non-paraphrases)"
    )
    print(f"embedded {2 * len(rows)} sentences in {secs:.1f} s ({2 * len(rows) / secs:.0f}/s)")
    print(
        f"mean cosine: paraphrase {para.mean():.3f}  same-event {same.mean():.3f}  unrelated {unrelated.mean():.3f}"
    )
    cfg = SemanticConfig()
    marks = {
        cfg.weak_mutual: "weak (needs structure)",
        cfg.strong_mutual: "strong if mutual best",
        cfg.strong: "strong alone",
    }
    print(f"{'threshold':>9}  {'para>=':>7}  {'same>=':>7}  {'unrel>=':>8}  {'precision':>9}  note")
    for th in sorted({0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, *marks}):
        p, s, u = (para >= th).mean(), (same >= th).mean(), (unrelated >= th).mean()
        tp, fp = (para >= th).sum(), (same >= th).sum()
        prec = tp / (tp + fp) if tp + fp else float("nan")
        print(f"{th:9.2f}  {p:7.3f}  {s:7.3f}  {u:8.4f}  {prec:9.3f}  {marks.get(th, '')}")


if __name__ == "__main__":
    main()
