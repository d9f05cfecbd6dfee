"""Dates written in the text: ISO and numeric dates, month names with a day and/or a year,
decades, and a month name after a cue word ("in May").

A year standing alone is told apart from a count by the number extractor
(:mod:`.numbers`), which returns it as a date.
"""

from __future__ import annotations

import regex

from ..text.dates import month_number, month_pattern
from ..types import Fact
from .forms import digits
from .items import Item, mark, overlaps

_B = r"(?<![\p{L}\p{N}])"
_MON = month_pattern()
_MONTHS_FULL = month_pattern(abbreviations=False)
_DATE_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    (
        "iso",
        regex.compile(rf"{_B}(?P<y>\d{{4}})[-/](?P<m>\d{{1,2}})[-/](?P<d>\d{{1,2}})(?!\p{{N}})"),
    ),
    (
        "mdy",
        regex.compile(
            rf"{_B}(?=[JFMASOND])(?P<mon>(?i:{_MON}))(?![\p{{L}}])\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:,\s*|\s+)(?P<y>\d{{4}})(?![\p{{N}}])"
        ),
    ),
    (
        "dmy",
        regex.compile(
            rf"{_B}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>(?i:{_MON}))"
            rf"(?![\p{{L}}]),?\s+(?P<y>\d{{4}})(?![\p{{N}}])"
        ),
    ),
    ("numeric", regex.compile(r"(?<![\p{N}/.,])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\p{N}/])")),
    (
        "my",
        regex.compile(
            rf"{_B}(?=[JFMASOND])(?P<mon>(?i:{_MON}))(?![\p{{L}}]),?\s+(?P<y>\d{{4}})(?![\p{{N}}]|[.,]\p{{N}})"
        ),
    ),
    (
        "md",
        regex.compile(
            rf"{_B}(?=[JFMASOND])(?P<mon>(?i:{_MON}))(?![\p{{L}}])\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            r"(?![\p{N}\p{L}%]|[.,]\p{N}|\s*%)"
        ),
    ),
    (
        "dm",
        regex.compile(
            rf"(?<![\p{{L}}\p{{N}}.,])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>(?i:{_MON}))(?![\p{{L}}])"
        ),
    ),
    ("decade", regex.compile(r"(?<![\p{L}\p{N}'’])(?P<y>(?:1[5-9]|20)\d0)['’]?s(?![\p{L}])")),
    (
        "m",
        regex.compile(
            r"(?<=(?i:\b(?:in|during|of|since|until|till|by|from|last|next|this|early|late|mid"
            r"|through|throughout|before|after|between|every|each|around|and)\s+|\bmid-))"
            r"(?=[JFMASOND])"
            rf"(?P<mon>(?i:{_MONTHS_FULL}))(?![\p{{L}}])"
        ),
    ),
)


def _date_item(
    text: str, doc: int, s: int, e: int, y: int | None, m: int | None, d: int | None
) -> Item | None:
    if m is not None and not 1 <= m <= 12:
        return None
    if d is not None and not 1 <= d <= 31:
        return None
    if y is not None and m is not None and d is not None:
        value = f"{y:04d}-{m:02d}-{d:02d}"
    elif y is not None and m is not None:
        value = f"{y:04d}-{m:02d}"
    elif m is not None and d is not None:
        value = f"{m:02d}-{d:02d}"
    elif m is not None:
        value = f"{m:02d}"
    elif y is not None:
        value = f"{y:04d}"
    else:
        return None
    fact = Fact("date", text[s:e], (s, e), doc, value)
    return Item(fact, "date", (value,), date=(y, m, d))


def find_dates(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[Item]:
    """The dates of ``text`` outside ``num_mask``; marks them in both masks."""
    out: list[Item] = []
    for name, pat in _DATE_PATTERNS:
        for mt in pat.finditer(text):
            s, e = mt.span()
            if overlaps(num_mask, s, e):
                continue
            gd = mt.groupdict()
            mon = gd.get("mon")
            if mon is not None and not mon[:1].isupper():
                continue
            item: Item | None
            if name == "numeric":
                raw = digits(mt.group())
                item = Item(Fact("date", mt.group(), (s, e), doc, raw), "date", (raw,))
            elif name == "decade":
                value = digits(gd["y"]) + "s"
                item = Item(Fact("date", mt.group(), (s, e), doc, value), "date", (value,))
            else:
                y = int(digits(gd["y"])) if gd.get("y") else None
                d = int(digits(gd["d"])) if gd.get("d") else None
                mnum = month_number(mon) if mon is not None else int(digits(gd["m"]))
                item = _date_item(text, doc, s, e, y, mnum, d)
            if item is None:
                continue
            out.append(item)
            mark(num_mask, s, e)
            mark(name_mask, s, e)
    return out
