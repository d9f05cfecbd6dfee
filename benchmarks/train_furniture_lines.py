"""Train the model of page-furniture lines (:mod:`textlineage.facts.line_model`).

Run by hand:  .venv/bin/python benchmarks/train_furniture_lines.py [--check]

Reads the hand-annotated pairs this model may learn from (own gold and held-out sets 1-15;
never a set still blind), labels each line of each text (a line holding an annotated
changed, added or dropped fact: not furniture; else a line holding an annotated noise
string: furniture; other lines are left out), measures it with
:func:`~textlineage.facts.line_model.line_features`, fits scikit-learn's gradient
boosting (fixed seed) and writes its trees to ``src/textlineage/data/furniture_lines.json``
(read there without scikit-learn). Prints, for each set left out in turn, the lines of
furniture the model finds and the lines holding a fact it takes. ``--check`` trains and
compares with the file instead of writing it.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

from textlineage.eval.facts_gold import load_facts_gold, locate
from textlineage.facts.line_model import (
    FEATURES,
    MODEL_FILE,
    THRESHOLD,
    content_terms,
    line_features,
    story_bounds,
    text_lines,
)
from textlineage.facts.trees import trees_digest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SETS = ("facts_gold", *(f"facts_holdout{n}" for n in ("", *range(2, 16))))
"""The sets learned from: own gold and held-out sets 1-15 (16 and later are blind)."""
OUT = ROOT / "src" / "textlineage" / "data" / MODEL_FILE
PARAMS = {"n_estimators": 120, "max_depth": 3, "learning_rate": 0.1, "random_state": 0}


def rows() -> tuple[list[list[float]], list[int], list[str]]:
    xs: list[list[float]] = []
    ys: list[int] = []
    groups: list[str] = []
    for name in SETS:
        for pair in load_facts_gold(DATA / name, split=None):
            texts = {
                "source": pair.source_path.read_text(encoding="utf-8"),
                "derived": pair.derived_path.read_text(encoding="utf-8"),
            }
            for side, other in (("source", "derived"), ("derived", "source")):
                text = texts[side]
                facts = [
                    sp
                    for f in pair.facts
                    if f.type in ("changed", "added", "dropped")
                    for s in getattr(f, side)
                    for sp in locate(text, s)
                ]
                noise = [sp for n in pair.noise for sp in locate(text, n)]
                lines = text_lines(text)
                story = story_bounds(text, lines)
                terms = content_terms(texts[other])
                for i, (a, b) in enumerate(lines):
                    if any(x < b and a < y for x, y in facts):
                        label = 0
                    elif any(x < b and a < y for x, y in noise):
                        label = 1
                    else:
                        continue
                    f = line_features(text, lines, i, terms, story)
                    xs.append([f[k] for k in FEATURES])
                    ys.append(label)
                    groups.append(name)
    return xs, ys, groups


def export(gb: GradientBoostingClassifier, x: np.ndarray) -> dict[str, object]:
    trees = []
    for est in gb.estimators_[:, 0]:
        t = est.tree_
        trees.append(
            {
                "feature": [int(v) for v in t.feature],
                "threshold": [float(v) for v in t.threshold],
                "left": [int(v) for v in t.children_left],
                "right": [int(v) for v in t.children_right],
                "value": [float(v) for v in t.value[:, 0, 0]],
            }
        )
    rate = float(gb.learning_rate)
    first = x[:1]
    init = float(gb.decision_function(first)[0]) - rate * sum(
        float(e.predict(first)[0]) for e in gb.estimators_[:, 0]
    )
    digest = trees_digest(trees)
    return {
        "what": "page-furniture lines (textlineage.facts.line_model)",
        "made_by": "benchmarks/train_furniture_lines.py",
        "sets": list(SETS),
        "params": PARAMS,
        "features": list(FEATURES),
        "init": init,
        "learning_rate": rate,
        "trees": trees,
        "trees_sha256": digest,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the file, write nothing")
    args = ap.parse_args()
    xs, ys, groups = rows()
    x, y, g = np.array(xs), np.array(ys), np.array(groups)
    print(f"{len(y)} lines: {int(y.sum())} furniture, {int((1 - y).sum())} holding a fact")
    for name in SETS:
        held = g == name
        gb = GradientBoostingClassifier(**PARAMS).fit(x[~held], y[~held])
        p = gb.predict_proba(x[held])[:, 1] >= THRESHOLD
        yt = y[held]
        print(
            f"  {name:16} left out: furniture found {int((p & (yt == 1)).sum())}/"
            f"{int(yt.sum())}, fact lines taken {int((p & (yt == 0)).sum())}/{int((yt == 0).sum())}"
        )
    gb = GradientBoostingClassifier(**PARAMS).fit(x, y)
    model = export(gb, x)
    # the exported trees must give scikit-learn's probabilities
    mine = []
    for row in x:
        score = model["init"] + sum(  # type: ignore[operator]
            model["learning_rate"] * _leaf(t, row)  # type: ignore[operator]
            for t in model["trees"]  # type: ignore[attr-defined]
        )
        mine.append(1 / (1 + math.exp(-score)))
    gap = float(np.max(np.abs(np.array(mine) - gb.predict_proba(x)[:, 1])))
    print(f"exported trees vs scikit-learn: largest difference {gap:.2e}")
    if gap > 1e-9:
        return 1
    text = json.dumps(model, sort_keys=True, indent=0) + "\n"
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        print("the file matches" if same else "the file differs")
        return 0 if same else 1
    tmp = OUT.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(OUT)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


def _leaf(tree: dict[str, list[float]], row: np.ndarray) -> float:
    node = 0
    while tree["left"][node] >= 0:
        feature = int(tree["feature"][node])
        node = int(
            tree["left"][node] if row[feature] <= tree["threshold"][node] else tree["right"][node]
        )
    return float(tree["value"][node])


if __name__ == "__main__":
    sys.exit(main())
