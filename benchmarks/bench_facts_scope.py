"""What reading a long text's facts only around its reused passages saves.

    .venv/bin/python benchmarks/bench_facts_scope.py [--mb 5] [--repeat 2]

Builds a long source from PAN source texts (read from ../shared/data, never copied) and a
short article that copies two pieces of it, then compares them with the fact diff reading
the long text around the passages (the default) and whole, alternating in one process.
Prints the best time of each, the facts dropped and the characters read.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from textlineage import CompareConfig, compare, document_from_text
from textlineage.facts import scope

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _texts(mb: float) -> tuple[str, str]:
    parts, size = [], 0
    for p in sorted((SHARED / "data" / "pan13-train" / "src").iterdir()):
        t = p.read_text(encoding="utf-8", errors="replace")
        parts.append(t)
        size += len(t)
        if size > mb * 1_000_000:
            break
    big = "\n\n".join(parts)
    third = len(big) // 3
    return big, big[third : third + 6000] + "\n\n" + big[2 * third : 2 * third + 4000]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    big, small = _texts(args.mb)
    cfg = CompareConfig()
    cfg = replace(cfg, semantic=replace(cfg.semantic, enabled=False))
    a = document_from_text(big, id="long")
    b = document_from_text(small, id="article")
    compare(a, b, cfg)  # warm the caches of the alignment's features
    limit = scope.WHOLE_TEXT_CHARS
    best = {"around passages": float("inf"), "whole": float("inf")}
    dropped: dict[str, int] = {}
    read: dict[str, int] = {}
    for _ in range(args.repeat):
        for mode in best:
            scope.WHOLE_TEXT_CHARS = limit if mode == "around passages" else 10**12
            t = time.perf_counter()
            c = compare(a, b, cfg)
            best[mode] = min(best[mode], time.perf_counter() - t)
            dropped[mode] = len(c.facts.dropped)
            spans = c.facts.read[0]
            read[mode] = len(big) if spans is None else sum(e - s for s, e in spans)
    scope.WHOLE_TEXT_CHARS = limit
    print(f"long text {len(big):,} characters, article {len(small):,}")
    for mode, secs in best.items():
        print(
            f"  facts read {mode:15}  compare {secs:6.2f} s  dropped {dropped[mode]:6,}"
            f"  characters read {read[mode]:,}"
        )
    print(f"  ratio whole / around passages: {best['whole'] / best['around passages']:.1f}")


if __name__ == "__main__":
    main()
