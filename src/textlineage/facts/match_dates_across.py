"""Leftover dates of different shapes that are one date moved: "23 February 2026" /
"22 February" (the year left out, the day moved), "April 2021" / "2020" (the month left
out, the year moved).

Two dates are compared in the parts both give: all equal but the finest, which is at most
:data:`STEP` apart. A dropped and an added date that are each other's only such date,
in sentences that share enough content words (the caller's measure), are one date
changed (``value``). Dates of one shape are paired by :mod:`.match_leftovers`.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..types import Fact, FactLink
from .items import Result

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
    for sf in dropped:
        mine = [df for df in added if near_across(sf.value, df.value)]
        if len(mine) != 1 or [x for x in dropped if near_across(x.value, mine[0].value)] != [sf]:
            continue
        df = mine[0]
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
