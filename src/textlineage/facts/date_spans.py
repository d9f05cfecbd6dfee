"""A span between two dates retold as how long it lasted: "between May 2016 and June
2021" → "for five years".

Matching by value leaves the two dates of the range dropped and the duration added, three
facts where a reader sees one: the time was made less specific (its bounds are gone, its
length is kept). A range is two dropped dates of month or year precision joined by "and",
"to", "until" or a dash (after "between" or "from", or not); a duration is an added
number counting years or months (a decade: ten years). They are one fact when the
duration says the range's length: within :data:`LENGTH_SLACK` of it, and on the side its
qualifier says ("over five years" is no less than five, "nearly three years" no more than
three), and their sentences share a content word (:mod:`.near_words`). Each range and each
duration is paired once, and only when it has one such partner.

A date after "since" ("has served the ward since 2011") is a range that runs to the time of
writing (the date of the source's page, else the derived page's): retold as a duration
("for over 20 years") that says its length, the start was made less specific; a duration
of the same unit that says another length (half to twice it) is another time (``value``).
"""

from __future__ import annotations

from itertools import pairwise

import regex

from ..text.pubdate import lead_date
from ..types import Fact, FactLink
from .items import Result
from .near_words import NearWords

LENGTH_SLACK = 0.2
"""How far (a share of the range's length) a duration may lie from the length of the
range it retells: "over five years" for five years and five months."""

_JOIN_RE = regex.compile(r"(?:\G|(?<!\s))\s*+(?:and|to|until|till|through|[-–—])\s*$", regex.I)
_VALUE_RE = regex.compile(r"(\d{4})(?:-(\d{2}))?(?:-\d{2})?$")
_UNIT_RE = regex.compile(r"\b(years?|months?|decades?)\s*$", regex.I)
_MONTHS = {"year": 12, "month": 1, "decade": 120}
_QUAL_RE = regex.compile(
    r"\b(?:(?P<over>over|more than|upwards of|at least)"
    r"|(?P<under>nearly|almost|under|less than|not quite|up to))\s+(?:a|an|\S+)\s+$",
    regex.I,
)
"""A qualifier right before the number word of a duration ("nearly three years")."""


def _month(f: Fact) -> int | None:
    """The date as a count of months (a year alone: its first month)."""
    m = _VALUE_RE.match(f.value or "")
    if m is None:
        return None
    return int(m[1]) * 12 + (int(m[2]) - 1 if m[2] else 0)


def _ranges(text: str, dates: list[Fact]) -> list[tuple[Fact, Fact, int]]:
    """Pairs of dates that make a range in ``text``, with its length in months."""
    dates = sorted(dates, key=lambda f: f.span[0])
    out = []
    for a, b in pairwise(dates):
        if b.span[0] - a.span[1] > 12 or not _JOIN_RE.match(text[a.span[1] : b.span[0]]):
            continue
        x, y = _month(a), _month(b)
        if x is None or y is None or y <= x:
            continue
        if ("-" in (a.value or "")) != ("-" in (b.value or "")):
            continue  # "March to 2024": not one precision
        out.append((a, b, y - x))
    return out


def _duration(f: Fact, text: str) -> tuple[float, str] | None:
    """An added duration's length in months and its qualifier's side ("over", "under",
    "")."""
    m = _UNIT_RE.search(f.text)
    if m is None or f.kind != "number":
        return None
    try:
        n = float(f.value)
    except ValueError:
        return None
    unit = m[1].lower().rstrip("s")
    q = _QUAL_RE.search(text[max(0, f.span[0] - 24) : f.span[0] + m.start()])
    side = "" if q is None else ("over" if q["over"] else "under")
    return n * _MONTHS[unit], side


def _says_length(months: int, duration: tuple[float, str]) -> bool:
    n, side = duration
    if abs(n - months) > LENGTH_SLACK * months:
        return False
    return not (side == "over" and months < n) and not (side == "under" and months > n)


def spans_as_durations(texts: tuple[str, str], res: Result) -> None:
    """Turn a dropped range of dates and an added duration that says its length into one
    date made less specific (see the module's rules)."""
    dates = [f for f in res.dropped if f.kind == "date"]
    if len(dates) < 2:
        return
    lengths = {
        id(f): d
        for f in res.added
        if f.kind == "number" and (d := _duration(f, texts[1])) is not None
    }
    if not lengths:
        return
    near = NearWords(texts)
    durations = [f for f in res.added if id(f) in lengths]
    links = []
    for a, b, months in _ranges(texts[0], dates):
        mine = [f for f in durations if _says_length(months, lengths[id(f)])]
        mine = [f for f in mine if near.shared(a, f) or near.shared(b, f)]
        if len(mine) == 1:
            links.append((a, b, mine[0]))
    seen = [df for _a, _b, df in links]
    for a, b, df in links:
        if seen.count(df) != 1:
            continue
        span = (a.span[0], b.span[1])
        whole = Fact("date", texts[0][span[0] : span[1]], span, a.doc, f"{a.value}/{b.value}")
        note = f"the range '{whole.text}' given as its length ('{df.text}')"
        res.changed.append(FactLink("date", whole, df, note, "specificity", "less_specific"))
        res.dropped.remove(a)
        res.dropped.remove(b)
        res.added.remove(df)


_SINCE_RE = regex.compile(r"(?<![\p{L}])(?i:ever[ \u00a0]+since|since)[ \u00a0]+$")


def since_as_durations(texts: tuple[str, str], res: Result) -> None:
    """Turn a dropped date after "since" and an added duration that retells how long ago
    it was into one date changed (see the module's rules)."""
    starts = [
        f
        for f in res.dropped
        if f.kind == "date"
        and _month(f) is not None
        and _SINCE_RE.search(texts[0], max(0, f.span[0] - 12), f.span[0])
    ]
    if not starts:
        return
    lengths = {
        id(f): d
        for f in res.added
        if f.kind == "number" and (d := _duration(f, texts[1])) is not None
    }
    page = lead_date(texts[0]) or lead_date(texts[1])
    if not lengths or page is None:
        return
    now = page[0].year * 12 + page[0].month - 1
    near = NearWords(texts)
    durations = [f for f in res.added if id(f) in lengths]
    for f in starts:
        start = _month(f)
        months = now - start if start is not None else 0
        if months <= 0:
            continue
        mine = [d for d in durations if near.shared(f, d)]
        if len(mine) != 1 or not 0.5 * months <= lengths[id(mine[0])][0] <= 2 * months:
            continue
        df = mine[0]
        if _says_length(months, lengths[id(df)]):
            note = f"the time since '{f.text}' given as its length ('{df.text}')"
            link = FactLink("date", f, df, note, "specificity", "less_specific")
        else:
            note = f"the time since '{f.text}' given as another length ('{df.text}')"
            link = FactLink("date", f, df, note, "value", "", True)
        res.changed.append(link)
        res.dropped.remove(f)
        res.added.remove(df)
        durations.remove(df)


def merge_range_changes(texts: tuple[str, str], res: Result) -> None:
    """Two date changes whose dates make a range on both sides ("between 3 May 2024 and
    9 June 2025" → "from May 2024 to June 2025") are one range changed, reported once
    with both ends."""
    links = sorted(
        (k for k in res.changed if k.kind == "date" and k.source.kind == "date"),
        key=lambda k: k.source.span[0],
    )
    for a, b in pairwise(links):
        if not (_joined(texts[0], a.source, b.source) and _joined(texts[1], a.derived, b.derived)):
            continue
        if a not in res.changed or b not in res.changed:
            continue
        sf, df = _both(texts[0], a.source, b.source), _both(texts[1], a.derived, b.derived)
        note = f"date range changed ('{sf.text}' → '{df.text}')"
        label = a.label if a.label == b.label else "value"
        detail = a.detail if a.detail == b.detail else ""
        merged = FactLink("date", sf, df, note, label, detail, a.unsupported or b.unsupported)
        res.changed[res.changed.index(a)] = merged
        res.changed.remove(b)


def _joined(text: str, a: Fact, b: Fact) -> bool:
    """Do two dates stand as the two ends of one range ("3 May and 9 June")?"""
    return 0 <= b.span[0] - a.span[1] <= 12 and bool(_JOIN_RE.match(text[a.span[1] : b.span[0]]))


def _both(text: str, a: Fact, b: Fact) -> Fact:
    span = (a.span[0], b.span[1])
    return Fact("date", text[span[0] : span[1]], span, a.doc, f"{a.value}/{b.value}")
