"""Fact extraction speed on 5,000 words (the seed pair's words repeated).

    .venv/bin/python benchmarks/bench_facts.py [--words 5000] [--repeat 5]

Prints the best of ``--repeat`` runs and, in the same run, the time for a quarter of the
words: the ratio stays near 4 while extraction is linear in the text.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from textlineage.facts import extract_facts

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seed"


def _text(words: int) -> str:
    pool = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))).split()
    return " ".join((pool * (words // len(pool) + 1))[:words])


def _best(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        extract_facts(text)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    full = _best(_text(args.words), args.repeat)
    quarter = _best(_text(args.words // 4), args.repeat)
    print(
        f"extract_facts: {full * 1000:.0f} ms for {args.words:,} words, "
        f"{quarter * 1000:.0f} ms for a quarter (ratio {full / quarter:.1f}; target 150 ms)"
    )


if __name__ == "__main__":
    main()
