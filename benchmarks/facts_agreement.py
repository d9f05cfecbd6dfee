"""How well a second annotator agrees with the first on a fact-diff set, beside how the
fact diff scores against each (:mod:`textlineage.eval.facts_agreement`).

Run by hand:
    .venv/bin/python benchmarks/facts_agreement.py tests/data/facts_holdout15 \\
        tests/data/facts_agreement/holdout15

The first folder is a set (texts and the first annotation); the second holds a second
annotation of the same pairs (``NN_gold.json`` only). Prints, per change type and over
all three, precision / recall / F1 of the second annotation read as a report against the
first, and of the first against the second; then the fact diff's against the first and
against the second.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import Any

from textlineage.eval.facts import aggregate
from textlineage.eval.facts_agreement import agreement
from textlineage.eval.facts_gold import load_facts_gold
from textlineage.eval.facts_run import run_pair


def _line(name: str, scores: Mapping[str, Any]) -> str:
    cells = [
        f"{t} {v['precision'] or 0:.2f}/{v['recall'] or 0:.2f}" for t, v in scores["types"].items()
    ]
    o = scores["overall"]
    return (
        f"{name:34} F1 {o['f1'] or 0:.3f}  P {o['precision'] or 0:.2f} R {o['recall'] or 0:.2f}  "
        + "  ".join(cells)
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first", help="the set: texts and the first annotation")
    ap.add_argument("second", help="the second annotation (NN_gold.json files)")
    args = ap.parse_args()
    agreed = agreement(args.first, args.second)
    print(_line("second annotator vs first", agreed.scores.to_dict()))
    print("  statuses of the second's facts:", agreed.scores.to_dict()["statuses"])
    print(_line("first annotator vs second", agreed.reverse.to_dict()))
    for name, pairs in (
        ("fact diff vs first annotator", load_facts_gold(args.first)),
        ("fact diff vs second annotator", load_facts_gold(args.second, texts=args.first)),
    ):
        print(_line(name, aggregate([run_pair(p, None) for p in pairs]).to_dict()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
