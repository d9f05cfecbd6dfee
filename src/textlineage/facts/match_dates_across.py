"""Leftover dates of different shapes that are one date moved: "23 February 2026" /
"22 February" (the year left out, the day moved), "April 2021" / "2020" (the month left
out, the year moved).

Two dates are compared in the parts both give: all equal but the finest, which is at most
:data:`STEP` apart. A dropped and an added date that are each other's only such date,
in sentences that share enough content words (the caller's measure), are one date
changed (``value``). Dates of one shape are paired first (:func:`pair_lone_dates`): a
dropped and an added date near each other, in sentences that share enough words, each the
other's only such date.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..types import Fact, FactLink
from .items import Result, sole_pairs

STEP = 2
"""How far apart two dates may be in the finest part both give."""

_PLAIN_DATE_RE = regex.compile(r"(?:\d{4}(?:-\d\d){0,2}|\d\d-\d\d)")


def _parts(value: str | None) -> tuple[int | None, int | None, int | None] | None:
    """A plain date value's year, month and day, each None when it is not given ("02-23":
    no year); None for any other value (a time, a season, a decade, a month alone)."""
    if not value or _PLAIN_DATE_RE.fullmatch(value) is None:
        return None
    raw = value.split("-")
    nums = [int(x) for x in raw]
    if len(raw[0]) == 2:  # "MM-DD"
        return None, nums[0], nums[1]
    day = nums[2] if len(nums) > 2 else None
    return nums[0], nums[1] if len(nums) > 1 else None, day


def near_across(a: str | None, b: str | None) -> bool:
    """Are two dates of different shapes a date moved, once read only in the parts both
    give? All parts both give are equal but the finest, at most :data:`STEP` apart."""
    pa, pb = _parts(a), _parts(b)
    if pa is None or pb is None or [x is None for x in pa] == [x is None for x in pb]:
        return False
    both = [(x, y) for x, y in zip(pa, pb, strict=True) if x is not None and y is not None]
    if not both or any(x != y for x, y in both[:-1]):
        return False
    x, y = both[-1]
    return x != y and abs(x - y) <= STEP


def pair_dates_across(res: Result, shared: Callable[[Fact, Fact], int], min_shared: int) -> None:
    """Pair the dropped and added dates of ``res`` that are each other's only near date of
    another shape (:func:`near_across`) and whose sentences share at least
    ``min_shared`` content words (``shared`` counts them): one date changed."""
    dropped = [f for f in res.dropped if f.kind == "date"]
    added = [f for f in res.added if f.kind == "date"]
    for sf, df in sole_pairs(dropped, added, lambda a, b: near_across(a.value, b.value)):
        if shared(sf, df) < min_shared:
            continue
        note = f"date {sf.value} → {df.value}"
        res.changed.append(FactLink("date", sf, df, note, "value", "", True))
        res.dropped.remove(sf)
        res.added.remove(df)
        added.remove(df)


def told_together(
    sf: Fact, df: Fact, sentence: tuple[Callable[[int], int], Callable[[int], int]], res: Result
) -> bool:
    """Do the sentences of a dropped ``sf`` and an added ``df`` (``sentence``: the index
    of the sentence at a position, source first) hold one date the diff matched already
    (the start of a span of time kept, its end moved: "from 08:00 until 17:00" / "from
    8am until 6pm")?"""
    at, to = sentence[0](sf.span[0]), sentence[1](df.span[0])
    return any(
        k.kind == "date"
        and sentence[0](k.source.span[0]) == at
        and sentence[1](k.derived.span[0]) == to
        for k in (*res.kept, *res.changed)
    )


_TIME_RE = regex.compile(r"time:(\d\d):(\d\d)")


def times_near(a: str | None, b: str | None, hours: int) -> bool:
    """Are ``a`` and ``b`` two times of day ("time:21:00") apart by at most ``hours``
    (a time moved, not another time)?"""
    ma, mb = _TIME_RE.fullmatch(a or ""), _TIME_RE.fullmatch(b or "")
    if ma is None or mb is None:
        return False
    ta, tb = int(ma[1]) * 60 + int(ma[2]), int(mb[1]) * 60 + int(mb[2])
    return 0 < abs(ta - tb) <= hours * 60


def _date_shape(value: str | None) -> str:
    """A date value's shape: its digits as "9", the rest as written ("03": "99";
    "2024-03": "9999-99"; "time:22:00": "time:99:99")."""
    return regex.sub(r"\d", "9", value or "")


def pair_lone_dates(
    res: Result,
    shared: Callable[[Fact, Fact], int],
    sentence: tuple[Callable[[int], int], Callable[[int], int]],
) -> None:
    """A dropped and an added date of one shape (two months, two years), near each other
    (:func:`_dates_near`), whose sentences share :data:`LONE_SHARED` content words
    (``shared`` counts them) or hold a date matched already (:func:`told_together`), and
    each the other's only such date, are one date changed ("a final vote is expected in
    February" / "the council will hold a final vote in March"; "the pool opens in 2027,
    the depot in 2028" / "the depot is delayed until 2029"), though the sentences were
    rebuilt too much to correspond. Then the dates of other shapes
    (:func:`pair_dates_across`)."""
    for shape in {_date_shape(f.value) for f in res.dropped if f.kind == "date"}:
        if not shape or shape.startswith("weekday"):
            continue
        ds = [f for f in res.dropped if f.kind == "date" and _date_shape(f.value) == shape]
        ad = [f for f in res.added if f.kind == "date" and _date_shape(f.value) == shape]

        def alike(sf: Fact, df: Fact) -> bool:
            if not _dates_near(sf.value, df.value):
                return False
            return shared(sf, df) >= LONE_SHARED or told_together(sf, df, sentence, res)

        ok = [(sf, df) for sf in ds for df in ad if alike(sf, df)]
        for sf, df in ok:
            if [x for x in ok if x[0] is sf or x[1] is df] != [(sf, df)]:
                continue
            note = f"date {sf.value} → {df.value}"
            res.changed.append(FactLink("date", sf, df, note, "value", "", True))
            res.dropped.remove(sf)
            res.added.remove(df)
    pair_dates_across(res, shared, LONE_SHARED)


def _dates_near(a: str | None, b: str | None) -> bool:
    """Are two months ("02", "03"), years, or months of one year at most
    :data:`LONE_STEP` apart, or two times of day at most :data:`LONE_STEP` hours (a date
    moved, not another date)?"""
    if times_near(a, b, LONE_STEP):
        return True
    pa, pb = (a or "").split("-"), (b or "").split("-")
    if len(pa) != len(pb) or not all(x.isdigit() for x in pa + pb) or len(pa) > 2:
        return False
    if pa[:-1] != pb[:-1]:
        return False
    return abs(int(pa[-1]) - int(pb[-1])) <= LONE_STEP


LONE_STEP = 2
"""How far apart two lone leftover dates may be in their finest part."""
LONE_SHARED = 2
"""Content words the sentences of two lone leftover dates must share."""
