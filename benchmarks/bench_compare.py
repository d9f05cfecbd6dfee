"""Compare timings: the seed pair and two ~1,000-word documents, cold and warm.

Run by hand:  .venv/bin/python benchmarks/bench_compare.py [--repeat 10]

Also PAN pairs per second of the lexical detector on one core (``textlineage pan`` runs one
worker per core). "Cold" is the first comparison in this process (the model is loaded
before; for a cold start, time ``textlineage compare`` from a new process); "warm" is the
median of the repeats after it, each with an empty sentence-vector cache (the model stays
loaded, the texts are new to it). The 1,000-word pair is built from two PAN source documents
(read from ../shared/data, never copied): the first ~1,000 words of one, and a derivative
that copies half of it, rewrites a quarter by dropping words, and adds unrelated text.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from textlineage import CompareConfig, SemanticConfig, compare, detect_reuse, document_from_text
from textlineage.embed import CachedEmbedder, default_embedder

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _words(path: Path, n: int) -> str:
    words = path.read_text(encoding="utf-8").split()
    return " ".join(words[:n])


def _thousand_word_pair() -> tuple[str, str]:
    src_dir = SHARED / "data" / "pan13-train" / "src"
    files = sorted(p for p in src_dir.iterdir() if p.stat().st_size > 12_000)
    a = _words(files[0], 1000)
    other = _words(files[1], 400)
    sentences = a.split(". ")
    half = len(sentences) // 2
    rewritten = [
        " ".join(w for k, w in enumerate(s.split()) if k % 4 != 3)
        for s in sentences[half : half + half // 2]
    ]
    b = ". ".join(sentences[:half] + rewritten) + ". " + other
    return a, b


def _time(a: str, b: str, cfg: CompareConfig, repeat: int) -> tuple[float, float]:
    """First run and median of the repeats. Each repeat gets a new, uncached copy of the
    embedding model's cache, so "warm" means a loaded model meeting these texts anew."""
    da, db = document_from_text(a, "a"), document_from_text(b, "b")
    model = cfg.embedder.inner if isinstance(cfg.embedder, CachedEmbedder) else cfg.embedder

    def fresh() -> CompareConfig:
        return cfg if model is None else replace(cfg, embedder=CachedEmbedder(model))

    t = time.perf_counter()
    compare(da, db, fresh())
    cold = time.perf_counter() - t
    warm = []
    for _ in range(repeat):
        c = fresh()
        t = time.perf_counter()
        compare(da, db, c)
        warm.append(time.perf_counter() - t)
    return cold, statistics.median(warm)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--pan-pairs", type=int, default=300)
    args = ap.parse_args()
    seeds = SHARED / "seeds"
    seed = (
        (seeds / "000_5c8013fe7f5c8783.txt").read_text(encoding="utf-8"),
        (seeds / "001_6b4ef528436f3c35.txt").read_text(encoding="utf-8"),
    )
    pair = _thousand_word_pair()
    print(f"1,000-word pair: {len(pair[0].split())} and {len(pair[1].split())} words")
    for label, cfg in (
        ("with semantic stage", CompareConfig(embedder=default_embedder())),
        ("lexical only", CompareConfig(semantic=SemanticConfig(enabled=False))),
    ):
        for name, (a, b) in (("seed pair", seed), ("1,000-word pair", pair)):
            cold, warm = _time(a, b, cfg, args.repeat)
            print(f"{name:16s} {label:20s} cold {cold * 1000:8.1f} ms   warm {warm * 1000:7.1f} ms")
    pan = SHARED / "data" / "pan13-train"
    pairs = [line.split() for line in (pan / "pairs").read_text().splitlines()[: args.pan_pairs]]
    t = time.perf_counter()
    for susp, src in pairs:
        detect_reuse(
            (pan / "susp" / susp).read_text(encoding="utf-8"),
            (pan / "src" / src).read_text(encoding="utf-8"),
        )
    secs = time.perf_counter() - t
    print(
        f"PAN detection: {len(pairs)} pairs in {secs:.1f} s = {len(pairs) / secs:.1f} pairs/s on one core"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
