"""A time given exactly on one side and only relative to the writing on the other: "ready by
November 2031" → "ready by the end of the year", "a review within 18 months" → "a
review next autumn".

A relative time ("the end of the year", "next spring", "later this month") names no
date of its own, so the extractor reports none, or a season the diff leaves aside; the
source's date or span of time is then left dropped though the derived text tells it,
loosely. When the leftover date (a month or a day of a year) or span of time after
"within" or "in" stands in a sentence that says the same thing
(:func:`.match_loose.say_the_same`) as one sentence of the other text holding one such
relative time, and that relative time stands in no other fact, the two are one time made
less specific (or, the other way, more specific). English only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import regex

from ..text.pubdate import lead_date
from ..types import Fact, FactLink
from .items import Item, Result
from .match_loose import Sentences, is_free, said_alike, specificity_link, taken_spans
from .numeric import ENGLISH_READ

_SP = r"[ \u00a0]+"
_RELATIVE_RE = regex.compile(
    rf"(?<![\p{{L}}])(?:(?i:by|before|until|till|in|at|from|around|during|for|over|within)"
    rf"{_SP})?(?:(?i:the){_SP})?"
    rf"(?:(?i:end|close|start|beginning|middle|turn|spring|summer|autumn|fall|winter|rest)"
    rf"{_SP}(?i:of){_SP}(?i:the|this|next){_SP}(?i:year|month|decade)"
    rf"|(?i:later|earlier|early|late){_SP}(?i:this|next){_SP}(?i:year|month|spring|summer"
    rf"|autumn|fall|winter)"
    rf"|(?i:next|coming){_SP}(?i:year|month|spring|summer|autumn|fall|winter)"
    rf"|(?i:this){_SP}(?i:spring|summer|autumn|fall|winter)"
    rf"|(?i:last|this|next|coming){_SP}(?i:week|weekend)"
    rf"|(?i:last){_SP}(?i:month)"
    rf"|(?P<day>(?i:yesterday|today|tonight|tomorrow|last{_SP}night)))"
    r"(?![\p{L}\p{N}])"
)
"""A time told only relative to the writing: "by the end of the year", "next spring",
"later this year", "last weekend", "last month", "yesterday" (not "this month" or "this
year" alone, as often the time of something past)."""
_MONTH_RE = regex.compile(r"(?i:month)$")
_MONTH_OFFSET = {"last": -1, "next": 1, "coming": 1}
_DAY_SLACK = 7
"""How many days a day may lie from a page's own date and still be its "yesterday" or
"tomorrow" (a page updated days after it was first written)."""
_WITHIN_BEFORE_RE = regex.compile(rf"(?i:within|in|over{_SP}the{_SP}next){_SP}$")
_TIME_UNITS = frozenset({"day", "week", "month", "year"})


def pair_relative_times(
    texts: tuple[str, str],
    docs: tuple[int, int],
    items: tuple[Sequence[Item], Sequence[Item]],
    langs: tuple[str, str],
    res: Result,
) -> None:
    """Pair each leftover exact time of ``res`` with a relative time of the other text in
    a sentence saying the same thing (see the module). ``texts``, ``docs``, ``items``
    (each text's facts) and ``langs``: source, derived."""
    if not any(f.kind in ("date", "number") for f in (*res.dropped, *res.added)):
        return
    by_fact = {id(it.fact): it for side in items for it in side}
    taken = taken_spans(res)
    sides = (Sentences(texts[0]), Sentences(texts[1]))
    for side, lost in ((0, res.dropped), (1, res.added)):
        other = 1 - side
        if langs[other] not in ENGLISH_READ:
            continue
        rel = list(_RELATIVE_RE.finditer(texts[other]))
        if not rel:
            continue
        for f in [f for f in lost if _exact_time(f, by_fact.get(id(f)), texts[side])]:
            it = by_fact.get(id(f))
            hits = [
                m
                for m in rel
                if _fits(it, m)
                and is_free(m.span(), taken[other])
                and said_alike(sides, side, f.span, m.span())
            ]
            if len(hits) != 1 or _weeks_apart(it, texts[other], hits[0]):
                continue
            m = hits[0]
            span = m.span()
            there = Fact("date", texts[other][span[0] : span[1]], span, docs[other], "")
            lost.remove(f)
            taken[other].append(span)
            if m.group("day") is not None and _the_day(it, (texts[other], texts[side]), m):
                sf, df = (f, there) if side == 0 else (there, f)
                res.kept.append(FactLink("date", sf, df, "the page's own day, told relative"))
                continue
            page = _months_off(it, texts[other], m)
            if page:
                sf, df = (f, there) if side == 0 else (there, f)
                note = f"month changed ('{sf.text}' → '{df.text}', the page dated {page})"
                res.changed.append(FactLink("date", sf, df, note, "value", "", True))
                continue
            res.changed.append(specificity_link("date", "date", f, there, side))


def _fits(it: Item | None, m: regex.Match[str]) -> bool:
    """Can the relative time ``m`` tell the date of ``it``? A day ("yesterday") tells a
    day of a month only; a date naming a month alone ("in February") is told by a month
    ("last month") only."""
    if it is None or it.fact.kind != "date" or it.date is None:
        return it is not None and m.group("day") is None
    day, month = it.date[2] is not None, it.date[1] is not None
    if m.group("day") is not None:
        return day and month
    return day or it.date[0] is not None or _MONTH_RE.search(m.group()) is not None


_DAY_OFFSET = {"yesterday": -1, "tomorrow": 1}


def _the_day(it: Item | None, texts: tuple[str, str], m: regex.Match[str]) -> bool:
    """Is ``it`` the very day the relative day ``m`` ("yesterday", "tonight") tells from
    the date of its page (the first of ``texts``, else the other's)? Then the date is
    kept, told relative to the writing."""
    if it is None or it.date is None or it.date[1] is None or it.date[2] is None:
        return False
    found = lead_date(texts[0]) or lead_date(texts[1])
    if found is None:
        return False
    page = found[0]
    try:
        day = date(it.date[0] if it.date[0] is not None else page.year, it.date[1], it.date[2])
    except ValueError:
        return False
    word = m.group("day").split()[0].lower()
    return (day - page).days == _DAY_OFFSET.get(word, 0)


def _months_off(it: Item | None, text: str, m: regex.Match[str]) -> str:
    """The date of the page (``text``) when the month ``m`` tells ("last month", "next
    month") is one or two months off the month of ``it``: the month was changed. Empty
    when it fits, or when the page gives no date."""
    if it is None or it.date is None or it.date[1] is None or not _MONTH_RE.search(m.group()):
        return ""
    found = lead_date(text)
    if found is None:
        return ""
    page = found[0]
    year = it.date[0] if it.date[0] is not None else page.year
    rel = m.group().split()[-2].lower() if len(m.group().split()) >= 2 else ""
    told = page.year * 12 + page.month - 1 + _MONTH_OFFSET.get(rel, 0)
    off = abs(year * 12 + it.date[1] - 1 - told)
    return page.isoformat() if 1 <= off <= 2 else ""


_WEEK_RE = regex.compile(r"(?i:week|weekend)$")
_WEEK_SLACK = 21
"""How many days a day may lie from a page's own date and still be its "this week" or
"last weekend" (a page dated a little after the week it tells of)."""


def _weeks_apart(it: Item | None, text: str, m: regex.Match[str]) -> bool:
    """Is ``it`` a day of a month that lies weeks from the date of the page (``text``)
    whose "this week", "last weekend" or "next week" (at ``m``) it would be, or days from
    the date of the page whose "yesterday" or "tomorrow" it would be? Then the relative
    time tells of another time."""
    is_day = m.group("day") is not None
    if it is None or it.date is None or not (is_day or _WEEK_RE.search(m.group())):
        return False
    y, mo, d = it.date
    found = lead_date(text)
    if mo is None or d is None or found is None:
        return False
    try:
        day = date(y if y is not None else found[0].year, mo, d)
    except ValueError:
        return False
    return abs((day - found[0]).days) > (_DAY_SLACK if is_day else _WEEK_SLACK)


def _exact_time(f: Fact, it: Item | None, text: str) -> bool:
    """Is ``f`` a date of a month (alone, in a year, or a day of it), a part or season of a year
    ("the end of 2026", "spring 2027"), or a span of days, weeks, months or years after
    "within" or "in" ("within 18 months")?"""
    if it is None:
        return False
    if f.kind == "date":
        d = it.date
        if f.value.startswith(("part:", "season:")) and regex.search(r"\d{4}", f.value):
            return True  # "the end of 2026", "spring 2027": a part of a year
        return d is not None and d[1] is not None
    if f.kind != "number" or it.unit not in _TIME_UNITS or it.qual or it.vague:
        return False
    return _WITHIN_BEFORE_RE.search(text, max(0, f.span[0] - 20), f.span[0]) is not None
