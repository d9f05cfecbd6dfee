"""Compare timings: the seed pair and two ~1,000-word documents, cold and warm.

Run by hand:  .venv/bin/python benchmarks/bench_compare.py [--repeat 10]

Also PAN pairs per second of the lexical detector on one core (``textlineage pan`` runs one
worker per core). "Cold" is the first comparison in this process (the model is loaded
before; for a cold start, time ``textlineage compare`` from a new process); "warm" is the
median of the repeats after it, each with an empty sentence-vector cache (the model stays
loaded, the texts are new to it); with the semantic stage, the sentences (and word pieces)
the model encoded in one comparison are shown too, and the cost of language identification
(what translation support adds to a one-language pair). The 1,000-word pair is built from two PAN source documents
(read from ../shared/data, never copied): the first ~1,000 words of one, and a derivative
that copies half of it, rewrites a quarter by dropping words, and adds unrelated text. It
has no rewording the semantic stage could find, so the "reworded pairs" are PAN 2013 pairs
of each obfuscation kind (random, translation, summary) whose two documents are both 800
to 1,300 words long: the first such pair of each sub-corpus, in file order.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from textlineage import CompareConfig, SemanticConfig, compare, detect_reuse, document_from_text
from textlineage.embed import CachedEmbedder, Embedder, default_embedder

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


def _reworded_pairs() -> list[tuple[str, str, str]]:
    """(kind, source, suspicious) of the first PAN pair of each obfuscation kind whose two
    documents hold 800 to 1,300 words."""
    pan = SHARED / "data" / "pan13-train"
    out = []
    for sub in ("03-random-obfuscation", "04-translation-obfuscation", "05-summary-obfuscation"):
        for line in (pan / sub / "pairs").read_text().splitlines():
            susp, src = line.split()
            a = (pan / "src" / src).read_text(encoding="utf-8")
            b = (pan / "susp" / susp).read_text(encoding="utf-8")
            if all(800 <= len(t.split()) <= 1300 for t in (a, b)):
                out.append((sub.split("-")[1], a, b))
                break
    return out


class Counting:
    """The model, counting the texts (and word pieces) it encodes."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name = inner, inner.name
        self.texts = self.pieces = 0

    def encode(self, texts: Sequence[str], *, max_tokens: int | None = None) -> np.ndarray:
        self.texts += len(texts)
        ids = getattr(self.inner, "token_ids", None)
        if ids is not None:
            self.pieces += sum(len(x) for x in ids(texts, max_tokens))
        return self.inner.encode(texts, max_tokens=max_tokens)


def _time(a: str, b: str, cfg: CompareConfig, repeat: int) -> tuple[float, float, Counting | None]:
    """First run and median of the repeats. Each repeat gets a new, uncached copy of the
    embedding model's cache, so "warm" means a loaded model meeting these texts anew."""
    da, db = document_from_text(a, "a"), document_from_text(b, "b")
    model = cfg.embedder.inner if isinstance(cfg.embedder, CachedEmbedder) else cfg.embedder
    counted = None if model is None else Counting(model)

    def fresh() -> CompareConfig:
        return cfg if counted is None else replace(cfg, embedder=CachedEmbedder(counted))

    t = time.perf_counter()
    compare(da, db, fresh())
    cold = time.perf_counter() - t
    warm = []
    for _ in range(repeat):
        c = fresh()
        t = time.perf_counter()
        compare(da, db, c)
        warm.append(time.perf_counter() - t)
    if counted is not None:  # per comparison
        counted.texts //= repeat + 1
        counted.pieces //= repeat + 1
    return cold, statistics.median(warm), counted


def _language_cost(a: str, b: str, repeat: int, *, per_unit: bool) -> float:
    """Median time of the translation stage's part in a one-language comparison."""
    from textlineage.compare import _cross_mask, _languages
    from textlineage.text.features import features

    fa, fb = features(a), features(b)
    runs = []
    for _ in range(repeat + 1):
        t = time.perf_counter()
        found = _cross_mask(_languages(fa, per_unit), _languages(fb, per_unit))
        runs.append(time.perf_counter() - t)
    assert found is None, "not a one-language pair"
    return statistics.median(runs[1:])


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
    pairs_ = [("seed pair", seed), ("1,000-word pair", pair)]
    for kind, a, b in _reworded_pairs():
        print(f"{kind} pair: {len(a.split())} and {len(b.split())} words")
        pairs_.append((f"{kind} pair", (a, b)))
    for label, cfg in (
        ("with semantic stage", CompareConfig(embedder=default_embedder())),
        ("lexical only", CompareConfig(semantic=SemanticConfig(enabled=False))),
    ):
        for name, (a, b) in pairs_:
            cold, warm, counted = _time(a, b, cfg, args.repeat)
            encoded = (
                f"   {counted.texts} sentences ({counted.pieces} word pieces) encoded"
                if counted is not None
                else ""
            )
            print(
                f"{name:16s} {label:20s} cold {cold * 1000:8.1f} ms   warm {warm * 1000:7.1f} ms"
                + encoded
            )
    # What one-language pairs pay for translation support: identifying each sentence's
    # language and finding no pair of sentences in different languages.
    # (Per sentence with the semantic stage, whose translation stage needs it; per document
    # in lexical-only comparisons.)
    for name, (a, b) in pairs_:
        each = _language_cost(a, b, args.repeat, per_unit=True)
        whole = _language_cost(a, b, args.repeat, per_unit=False)
        print(
            f"{name:16s} languages per sentence {each * 1000:5.2f} ms, per document "
            f"{whole * 1000:5.2f} ms"
        )
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
