"""Matching quotations: the same words, an excerpt of a longer quote, or nearly the same
words; a quote whose words stand in the other text without quote marks is kept too."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..text.normalise import tokenize
from ..types import Fact, FactLink
from .items import Group, Result, pair, shares

_QUOTE_KEPT = 95.0  # similarity (0-100) for "the same quote"
_QUOTE_CHANGED = 60.0  # ... and for "this quote, altered"


@dataclass
class _TokenText:
    """The folded tokens of a text joined by spaces, to find a quote's words anywhere."""

    text: str
    spans: list[tuple[int, int]]
    joined: str
    offsets: list[int]

    @classmethod
    def of(cls, text: str) -> _TokenText:
        toks = tokenize(text)
        offsets: list[int] = []
        pos = 1
        for t in toks:
            offsets.append(pos)
            pos += len(t.norm) + 1
        joined = " " + " ".join(t.norm for t in toks) + " "
        return cls(text, [(t.start, t.end) for t in toks], joined, offsets)

    def find(self, value: str) -> tuple[int, int] | None:
        if not value:
            return None
        at = self.joined.find(" " + value + " ")
        if at < 0:
            return None
        first = bisect.bisect_left(self.offsets, at + 1)
        last = first + value.count(" ")
        if last >= len(self.spans):
            return None
        return self.spans[first][0], self.spans[last][1]


def _token_ratio(a: str, b: str) -> float:
    """Similarity (0-100) of two folded quotes, word by word (0 when clearly below use)."""
    wa, wb = a.split(), b.split()
    if 200 * min(len(wa), len(wb)) < _QUOTE_CHANGED * (len(wa) + len(wb)):
        return 0.0  # the lengths alone rule out a useful score
    return float(fuzz.ratio(wa, wb, score_cutoff=_QUOTE_CHANGED))


def diff_quotes(
    S: list[Group],
    D: list[Group],
    source_text: str,
    derived_text: str,
    res: Result,
    source_doc: int,
    derived_doc: int,
) -> None:
    """Match quotes by value, excerpt or similarity, then against the other's plain text."""
    by_value = {g.first.fact.value: g for g in S}
    used: set[int] = set()
    src_tokens: _TokenText | None = None
    for gd in D:
        d = gd.first
        value = d.fact.value
        gs = by_value.get(value)
        if gs is not None:
            used.add(id(gs))
            sf, df = pair(gs, gd)
            res.kept.append(FactLink("quote", sf, df))
            continue
        # An excerpt of a longer quote, or nearly the same words.
        best: tuple[float, Group] | None = None
        for g in S:
            sv = g.first.fact.value
            score = 101.0 if f" {value} " in f" {sv} " else _token_ratio(sv, value)
            if shares(g, gd):
                score += 0.5
            if best is None or score > best[0]:
                best = (score, g)
        if best is not None and best[0] >= _QUOTE_KEPT:
            gs = best[1]
            used.add(id(gs))
            sf, df = pair(gs, gd)
            note = "excerpt of a longer quote" if best[0] > 100 else "minor wording differences"
            res.kept.append(FactLink("quote", sf, df, note))
            continue
        if src_tokens is None:
            src_tokens = _TokenText.of(source_text)
        where = src_tokens.find(value)
        if where is not None:
            s, e = where
            sf = Fact("quote", source_text[s:e], (s, e), source_doc, value)
            res.kept.append(FactLink("quote", sf, d.fact, "quoted from the source's own text"))
            continue
        if best is not None and best[0] >= _QUOTE_CHANGED:
            gs = best[1]
            used.add(id(gs))
            sf, df = pair(gs, gd)
            note = f"quote wording changed (similarity {min(best[0], 100) / 100:.2f})"
            res.changed.append(FactLink("quote", sf, df, note))
        res.added.append(d.fact)
    der_tokens: _TokenText | None = None
    for g in S:
        if id(g) in used:
            continue
        if der_tokens is None:
            der_tokens = _TokenText.of(derived_text)
        where = der_tokens.find(g.first.fact.value)
        if where is not None:
            s, e = where
            df = Fact("quote", derived_text[s:e], (s, e), derived_doc, g.first.fact.value)
            res.kept.append(FactLink("quote", g.first.fact, df, "quote marks removed"))
            continue
        res.dropped.append(g.first.fact)
