"""A year said with its half or quarter on one side and alone on the other: "plan to
begin a Phase 3 program in the second half of 2026" → "in 2026", "in Q2 2026" → "in
2026". The date readers read the year alone ("the second half of" is words) and keep it;
said whole it is a date made less specific (or, the other way round, more specific).

A half or quarter written on both sides, in any form ("the third quarter of 2025", "the
July–September quarter of 2025"), is no change here.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .items import Result

_PART_BEFORE_RE = regex.compile(
    r"(?:(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))(?:-|[ \u00a0]+))?"
    r"(?:\p{L}+[–-]\p{L}+[ \u00a0]+)?"
    r"(?i:half|quarter)(?:[ \u00a0]+(?i:of))?[ \u00a0]+(?:(?i:fiscal|FY)[ \u00a0]*)?$"
    r"|(?<![\p{L}\p{N}])[QH][1-4][ \u00a0]+(?:(?i:fiscal|FY)[ \u00a0]*)?$"
)
"""A half or quarter said right before a year: "second half of", "Q2 ", "the July–September
quarter of", "third quarter of fiscal "."""
_YEAR_RE = regex.compile(r"\d{4}")


def _part_start(text: str, span: tuple[int, int]) -> int | None:
    m = _PART_BEFORE_RE.search(text, max(0, span[0] - 40), span[0])
    return None if m is None else m.start()


def part_years(texts: tuple[str, str], res: Result) -> None:
    """Turn each kept year that one side gives with its half or quarter into a change of
    specificity (see the module)."""
    for k in [k for k in res.kept if k.kind == "date"]:
        if not (_YEAR_RE.fullmatch(k.source.value) and k.source.value == k.derived.value):
            continue
        a = _part_start(texts[0], k.source.span)
        b = _part_start(texts[1], k.derived.span)
        if (a is None) == (b is None):
            continue
        sf, df = k.source, k.derived
        if a is not None:
            sf = _widen(texts[0], sf, a)
        if b is not None:
            df = _widen(texts[1], df, b)
        less = a is not None
        detail = "less_specific" if less else "more_specific"
        note = f"date made {'less' if less else 'more'} specific ('{sf.text}' → '{df.text}')"
        res.kept.remove(k)
        res.changed.append(FactLink("date", sf, df, note, "specificity", detail, not less))
        for lost, span in ((res.dropped, sf.span), (res.added, df.span)):
            # "H1" read as a name is the date's
            lost[:] = [f for f in lost if not (span[0] <= f.span[0] and f.span[1] <= span[1])]


def _widen(text: str, f: Fact, start: int) -> Fact:
    return Fact("date", text[start : f.span[1]], (start, f.span[1]), f.doc, f.value)
