"""The fact diff against hand-annotated pairs (issue 12): precision and recall per change
type and kind, noise reported, facts counted twice, on the project's gold set and the
founding pair.

Run by hand:
    .venv/bin/python benchmarks/bench_facts_gold.py [--split dev|test|all] [--no-seed]
        [--no-semantic] [--json]

Tune on ``dev``, report ``test``. The pairs are ``tests/data/facts_gold`` (see its README
and ``docs/eval.md``); the founding pair is read in place from ``../shared/seeds`` (left
out, with a note, when it is not there). The rules of the scorer are in
:mod:`textlineage.eval.facts`. The machine may be shared: note its load beside any time
you quote.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from textlineage import CompareConfig, SemanticConfig
from textlineage.eval import evaluate_facts, format_facts

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "facts_gold"
SEEDS = REPO.parent / "shared" / "seeds"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    ap.add_argument("--data", type=Path, default=DATA, help="the gold folder")
    ap.add_argument("--seeds", type=Path, default=SEEDS, help="the founding pair's folder")
    ap.add_argument("--no-seed", action="store_true", help="leave the founding pair out")
    ap.add_argument("--no-semantic", action="store_true", help="lexical stage only")
    ap.add_argument("--json", action="store_true", help="print the JSON result")
    args = ap.parse_args()

    seed = not args.no_seed and (args.seeds / "gold.json").is_file()
    if not args.no_seed and not seed:
        print(f"(founding pair not scored: no {args.seeds / 'gold.json'})")
    cfg = CompareConfig(semantic=SemanticConfig(enabled=not args.no_semantic))
    load = os.getloadavg()[0]
    t = time.perf_counter()
    ev = evaluate_facts(
        args.data,
        split=None if args.split == "all" else args.split,
        seed=seed,
        seed_dir=args.seeds,
        config=cfg,
    )
    wall = time.perf_counter() - t
    if args.json:
        print(json.dumps(ev.to_dict(), indent=2, ensure_ascii=False))
        return
    print(format_facts(ev), end="")
    n = len(ev.pairs) + (ev.seed is not None)
    print(f"\nwall {wall:.1f} s for {n} comparisons (load average {load:.2f} at the start)")


if __name__ == "__main__":
    main()
