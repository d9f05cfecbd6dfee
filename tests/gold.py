"""Scoring of a comparison against ../shared/seeds/gold.json (hand-made gold).

A gold alignment counts as found when one reported passage covers at least half of the
gold derived passage and touches one of its source passages.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"


def load_gold() -> dict[str, Any]:
    return json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))


def _find(text: str, needle: str) -> tuple[int, int]:
    i = text.find(needle)
    assert i >= 0, f"gold string not in text: {needle[:40]!r}"
    return i, i + len(needle)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def passages_found(result: dict[str, Any], gold: dict[str, Any]) -> list[bool]:
    """For each gold alignment, whether a reported passage finds it."""
    docs = result["documents"]
    der = next(i for i, d in enumerate(docs) if d["id"].endswith(gold["derived"]))
    src = 1 - der
    der_text, src_text = docs[der]["text"], docs[src]["text"]
    found = []
    for g in gold["alignments"]:
        gd = _find(der_text, g["derived"])
        gs = [_find(src_text, s) for s in g["source"]]
        ok = False
        for p in result["passages"]:
            covered = sum(_overlap(gd, tuple(r)) for r in p["spans"][der])
            touches = any(_overlap(s, tuple(r)) > 0 for s in gs for r in p["spans"][src])
            if covered * 2 >= gd[1] - gd[0] and touches:
                ok = True
                break
        found.append(ok)
    return found
