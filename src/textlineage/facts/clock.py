"""Times of day written with "am" or "pm" ("10pm", "11.47pm", "6:30 a.m."), alone or as a
span ("between 2pm and 7pm", "from 11pm to 7am", "noon to 5pm"), read as date facts.

A time is the hour of something said ("shelters stay open until 10pm"): a fact like a
date, and a span is one fact, so "between 11pm and 6am" and "from 11pm to 7am" are one
time span changed, not two times dropped and two added. Values are on the 24-hour clock,
``time:22:00`` and ``time:23:00-07:00``; "noon", "midday" and "midnight" count only as
the end of a span ("between noon and 5pm"), where they cannot be read otherwise.
"""

from __future__ import annotations

import regex

from ..types import Fact
from .items import Item, mark, overlaps

TIME_PREFIX = "time:"
"""The start of the value of a time of day (:func:`is_time`)."""

_CLOCK = r"\d{1,2}(?:[:.]\d{2})?[ \u00a0]?(?i:am|pm|a\.m\.|p\.m\.)"
_NAMED = r"(?i:noon|midday|midnight)"
_END = rf"(?:{_CLOCK}|{_NAMED})"
_TIME_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.:])"
    rf"(?:(?P<lead>(?i:between|from)[ \u00a0]+)?(?P<a>{_END})"
    rf"[ \u00a0]*(?:(?i:and|to|until|till)[ \u00a0]+|[-–][ \u00a0]*)(?P<b>{_END})"
    rf"|(?P<one>{_CLOCK}))"
    r"(?![\p{L}\p{N}])"
)
_PARTS_RE = regex.compile(r"(\d{1,2})(?:[:.](\d{2}))?[ \u00a0]?([ap])", regex.IGNORECASE)


def is_time(value: str) -> bool:
    """Is ``value`` a time of day or a span of two?"""
    return value.startswith(TIME_PREFIX)


def _clock(raw: str) -> str | None:
    """ "10pm" → "22:00", "noon" → "12:00"; None for no time ("13pm")."""
    low = raw.lower()
    if low in ("noon", "midday"):
        return "12:00"
    if low == "midnight":
        return "00:00"
    m = _PARTS_RE.match(raw)
    if m is None:
        return None
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    if not 1 <= h <= 12 or mi > 59:
        return None
    h = h % 12 + (12 if m.group(3).lower() == "p" else 0)
    return f"{h:02d}:{mi:02d}"


def find_times(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[Item]:
    """The times of day and spans of ``text`` outside ``num_mask``; marks them in both
    masks."""
    out: list[Item] = []
    for m in _TIME_RE.finditer(text):
        s, e = m.span()
        if overlaps(num_mask, s, e):
            continue
        if m.group("one"):
            t = _clock(m.group("one"))
            value = None if t is None else TIME_PREFIX + t
        else:
            a, b = _clock(m.group("a")), _clock(m.group("b"))
            value = None if a is None or b is None else f"{TIME_PREFIX}{a}-{b}"
            if value is None and a is not None and m.group("a")[:1].isdigit():
                s, e = m.start("a"), m.end("a")  # no span: the first time alone
                value = TIME_PREFIX + a
        if value is None:
            continue
        out.append(Item(Fact("date", text[s:e], (s, e), doc, value), "date", (value,)))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    return out
