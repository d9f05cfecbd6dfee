"""How well two annotators of one fact-diff set agree, measured as the fact diff is.

The fact diff is scored against one annotator's gold (:mod:`.facts`). Two careful people
annotating the same pair do not list the same facts either: one counts a reworded
sentence's figure as the fact, another the whole claim; one calls a shortened name a
change, another a spelling of the same name. How far apart they are bounds what any fact
diff can score against either of them.

:func:`annotation_as_report` writes a second annotation as if it were a fact diff
(``compare``'s JSON ``facts``: each annotated fact a report on the first place its
strings stand; its noise and optional text left out), and :func:`agreement` scores it
against the first annotation with the fact diff's own scorer, pair by pair, and the first
against the second. The two directions differ a little more than by precision and
recall exchanged: the gold's accepted alternatives (``also``), noise and optional text
count on the gold's side only. ``benchmarks/facts_agreement.py`` prints both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..types import Span
from .facts import FactScores, PairScore, aggregate, score_pair
from .facts_gold import GoldFact, GoldPair, load_facts_gold, locate

__all__ = ["Agreement", "agreement", "annotation_as_report"]


def _first(text: str, strings: Sequence[str]) -> Span | None:
    for s in strings:
        found = locate(text, s)
        if found:
            return found[0]
    return None


def _item(f: GoldFact, span: Span) -> dict[str, Any]:
    return {"kind": f.kind, "text": "", "span": [span[0], span[1]]}


def annotation_as_report(pair: GoldPair, source_text: str, derived_text: str) -> dict[str, Any]:
    """The annotation of ``pair`` as a fact diff's JSON ``facts`` (kept, changed, added,
    dropped): each fact once, on the first occurrence of its first string found on each
    side it names."""
    out: dict[str, list[dict[str, Any]]] = {"kept": [], "changed": [], "added": [], "dropped": []}
    for f in pair.facts:
        src = _first(source_text, f.source)
        der = _first(derived_text, f.derived)
        text = " → ".join(s for s in (f.source[:1] + f.derived[:1]))
        if f.type in ("changed", "kept") and src is not None and der is not None:
            item = _item(f, der)
            item.update(text=text, label=f.label)
            if f.type == "changed":
                item["from"] = _item(f, src)
                item["to"] = _item(f, der)
            else:
                item["source"] = _item(f, src)
            out[f.type].append(item)
        elif f.type in ("changed", "added") and der is not None and src is None:
            out["added"].append(dict(_item(f, der), text=text))
        elif f.type in ("changed", "dropped") and src is not None and der is None:
            out["dropped"].append(dict(_item(f, src), text=text))
    return out


@dataclass(frozen=True)
class Agreement:
    """The second annotation scored against the first (``scores``: precision is the share
    of the second's facts the first lists, recall the share of the first's facts the
    second lists), with each pair's score, and the first scored against the second
    (``reverse``)."""

    pairs: tuple[PairScore, ...]
    scores: FactScores
    reverse: FactScores


def agreement(first: str | Path, second: str | Path) -> Agreement:
    """Score the annotation in the folder ``second`` (``NN_gold.json`` files only) against
    the set in ``first`` (its texts and gold). Every pair of the first must be annotated
    in the second."""
    a = {p.id: p for p in load_facts_gold(first)}
    b = {p.id: p for p in load_facts_gold(second, texts=first)}
    if set(a) != set(b):
        missing = sorted(set(a) ^ set(b))
        raise InputError(str(second), f"pairs annotated in one folder only: {missing}")
    scores = []
    reverse = []
    for pid in sorted(a):
        src = a[pid].source_path.read_text(encoding="utf-8")
        der = a[pid].derived_path.read_text(encoding="utf-8")
        scores.append(score_pair(a[pid], src, der, annotation_as_report(b[pid], src, der)))
        reverse.append(score_pair(b[pid], src, der, annotation_as_report(a[pid], src, der)))
    return Agreement(tuple(scores), aggregate(scores), aggregate(reverse))
