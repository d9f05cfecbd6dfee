"""Cross-language reuse (issue 10): pair classification, English-side character recall and
precision, and warm time per comparison, on the project's translated passages.

Run by hand:
    .venv/bin/python benchmarks/bench_translation.py [--split dev|test|all] [--lang es ...]
        [--no-semantic] [--pan13 [DIR]] [--json]

Tune on ``dev``, report ``test``. The pairs are built from ``tests/data/translation`` (see
its README) by :func:`textlineage.eval.build_pairs`; the measures are defined in
:mod:`textlineage.eval.translation_score`. ``--pan13`` takes the English filler from a PAN
2013 corpus's source documents (default ``../shared/data/pan13-train``, read in place)
instead of the set's own. Comparisons run one after another in this process; each is timed
warm (models loaded by an untimed first comparison, an empty sentence-vector cache each
time). The machine may be shared: note its load beside any time you quote.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from textlineage import CompareConfig, SemanticConfig
from textlineage.eval import evaluate_translation, format_translation

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "translation"
PAN = REPO.parent / "shared" / "data" / "pan13-train"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--lang", action="append", choices=["es", "fr", "fa"], dest="langs")
    ap.add_argument("--data", type=Path, default=DATA, help="the data folder")
    ap.add_argument("--no-semantic", action="store_true", help="lexical stage only")
    ap.add_argument(
        "--pan13",
        nargs="?",
        const=PAN,
        type=Path,
        help=f"English filler from a PAN corpus (default {PAN})",
    )
    ap.add_argument("--json", action="store_true", help="print the JSON result")
    args = ap.parse_args()

    cfg = CompareConfig(semantic=SemanticConfig(enabled=not args.no_semantic))
    load = os.getloadavg()[0]
    t = time.perf_counter()
    ev = evaluate_translation(
        args.data,
        split=None if args.split == "all" else args.split,
        langs=args.langs,
        config=cfg,
        pan13_dir=args.pan13,
    )
    wall = time.perf_counter() - t
    if args.json:
        print(json.dumps(ev.to_dict(), indent=2))
        return
    print(format_translation(ev))
    print(
        f"\n{len(ev.outcomes)} pairs in {wall:.1f} s wall; load average "
        f"{load:.1f} before, {os.getloadavg()[0]:.1f} after"
    )


if __name__ == "__main__":
    main()
