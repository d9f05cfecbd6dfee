"""Weekdays: the day a date falls on, and a date given by its weekday alone.

"Friday 16 June" is one date whose weekday is written too: the weekday joins its span. A
weekday alone ("on Friday") is a date too, but a weak one: it is matched against the
dates whose weekday is written ("Friday 16 June" → "Friday": a date made less
specific), and is otherwise neither added nor dropped, since a story's days ("on
Thursday morning") come and go in any rewrite without changing what it states.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

import regex

from ..types import Fact
from .items import Item, mark, overlaps
from .vocab import WEEKDAYS

WEEKDAY_PREFIX = "weekday:"
"""The value of a weekday alone: ``"weekday:friday"``."""

_NAMES = "|".join(sorted(WEEKDAYS))
_SHORT = {
    "mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "thu": "thursday",
    "thur": "thursday", "thurs": "thursday", "fri": "friday", "sat": "saturday", "sun": "sunday",
}  # fmt: skip
"""Weekdays' short forms, read only before a date ("Mon, 2 Feb 2032")."""
_SHORT_NAMES = "|".join(sorted((w.capitalize() for w in _SHORT), key=len, reverse=True))
_BEFORE_DATE_RE = regex.compile(
    rf"(?<![\p{{L}}])(?:(?i:{_NAMES})|(?:{_SHORT_NAMES})\.?),?[ \u00a0]+$"
)
_ALONE_RE = regex.compile(rf"(?<![\p{{L}}])(?P<day>(?i:{_NAMES}))(?![\p{{L}}])")


def with_weekdays(
    text: str, doc: int, dates: list[Item], num_mask: bytearray, name_mask: bytearray
) -> list[Item]:
    """``dates`` with the weekday written before a day of the month joined to them, and
    the weekdays standing alone as weak dates; marks them in both masks."""
    out: list[Item] = []
    for it in dates:
        s, e = it.fact.span
        b = _BEFORE_DATE_RE.search(text, max(0, s - 12), s) if it.date and it.date[2] else None
        if b is not None and not overlaps(num_mask, b.start(), s):
            fact = replace(it.fact, text=text[b.start() : e], span=(b.start(), e))
            it = Item(fact, it.cls, it.key, date=it.date, alts=it.alts, core=b.group())
            mark(num_mask, b.start(), e)
            mark(name_mask, b.start(), e)
        out.append(it)
    for m in _ALONE_RE.finditer(text):
        s, e = m.span()
        if overlaps(num_mask, s, e):
            continue
        value = WEEKDAY_PREFIX + m.group("day").lower()
        fact = Fact("date", m.group(), (s, e), doc, value)
        out.append(Item(fact, "date", (value,), weak=True))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    return out


def weekday_of(it: Item) -> str:
    """The weekday written with a date ("friday" for "Friday 16 June"), or the one a date
    of year, month and day falls on ("thursday" for "27 November 2031"), or ""."""
    if it.fact.value.startswith(WEEKDAY_PREFIX):
        return it.fact.value[len(WEEKDAY_PREFIX) :]
    first = _day(it.core)
    if first in WEEKDAYS:
        return first
    if it.date is not None and None not in it.date:
        try:
            return _DAY_NAMES[datetime.date(*it.date).weekday()]  # type: ignore[arg-type]
        except ValueError:
            return ""
    return ""


def weekday_in(it: Item, year: int | None) -> str:
    """The weekday a day of the month given without its year (``it``) falls on in
    ``year``, or ""."""
    if year is None or it.date is None or it.date[0] is not None or None in it.date[1:]:
        return ""
    try:
        return _DAY_NAMES[datetime.date(year, *it.date[1:]).weekday()]  # type: ignore[arg-type]
    except ValueError:
        return ""


def weekday_written(it: Item) -> bool:
    """Is the weekday of the date ``it`` written with it ("Friday 16 June")?"""
    return _day(it.core) in WEEKDAYS


def _day(core: str) -> str:
    """The weekday a date's written opening names, in full ("mon" → "monday")."""
    first = core.split(",")[0].strip().rstrip(".").lower()
    return _SHORT.get(first, first)


_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
