"""A range of days told as its months: "between 1 March and 31 August 2041" → "March to
August 2041".

The date reader takes "March to August 2041" for its last month only (a month without a
year or day is no date), so the diff pairs "31 August 2041" with "August 2041" and calls
the range less specific, its other end folded in (:mod:`.date_range_parts`). When the
derived month stands right after a month and "to", "through", "until" or a dash, and that
month is the month of the range's first day (or the derived text reads both months), the
derived text gives the range too: the derived side takes the whole range, and the link is
always a range made less specific, since its days are gone, even when they are the first
day of one month and the last of the other.
"""

from __future__ import annotations

import regex

from ..text.dates import month_number
from ..types import Fact, FactLink
from .dates import find_dates
from .items import Result

_MONTH_BEFORE_RE = regex.compile(
    r"(?<![\p{L}])(?P<month>\p{L}{3,9}\.?)[ \u00a0]*"
    r"(?:(?i:to|through|thru|until|till)[ \u00a0]+|[-–—][ \u00a0]*)$"
)
"""A month and the word that joins it to the next: "March to ", "March–"."""


Day = tuple[int | None, int | None, int | None]


def _days(text: str, lang: str) -> list[Day]:
    return [d for d, _ in _dated(text, lang)]


def _dated(text: str, lang: str) -> list[tuple[Day, int]]:
    """The dates of ``text`` (year, month, day) and where each starts, in order."""
    n = len(text)
    found = sorted(
        find_dates(text, 0, bytearray(n), bytearray(n), lang), key=lambda it: it.fact.span
    )
    return [(it.date, it.fact.span[0]) for it in found if it.date]


def month_ranges(res: Result, derived: str, lang: str) -> None:
    """Give each range of days made less specific whose derived month is the end of a range
    of months its whole derived range (see the module). ``derived``: the derived text."""
    for i, k in enumerate(res.changed):
        if k.kind != "date" or k.label not in ("specificity", "value") or k.unsupported:
            continue
        ends = _days(k.source.text, lang)
        if len(ends) != 2:
            continue
        (_, m1, _), (y2, m2, _) = ends
        read = _dated(k.derived.text, lang)
        there = [d for d, _ in read]
        if m1 is None or m2 is None or not there or any(t[2] for t in there):
            continue
        if y2 is not None and there[-1][0] not in (None, y2):
            continue  # another year: a value changed
        if len(there) == 2 and (there[0][1], there[1][1]) == (m1, m2):
            df = k.derived  # both months read: "from March to August 2041"
        elif len(there) == 1 and there[0][1] == m2:
            start = k.derived.span[0] + read[0][1]
            m = _MONTH_BEFORE_RE.search(derived, max(0, start - 20), start)
            if m is None or month_number(m.group("month")) != m1:
                continue
            span = (min(m.start(), k.derived.span[0]), k.derived.span[1])
            df = Fact("date", derived[span[0] : span[1]], span, k.derived.doc, k.derived.value)
        else:
            continue
        note = f"date range made less specific ('{k.source.text}' → '{df.text}')"
        res.changed[i] = FactLink("date", k.source, df, note, "specificity", "less_specific")
