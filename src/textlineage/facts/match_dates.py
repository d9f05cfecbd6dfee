"""Matching dates and hashtags by value.

A date made more or less specific ("March 2024" / "2024") is a change of ``specificity``;
a less specific date outside any passage the two texts share is kept (the derived text
mentions it loosely, elsewhere), and so is a year written in another calendar (Iranian
1400 for 2021). Hashtags match exactly.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable

import regex

from ..types import Fact, FactLink
from .clock import TIME_PREFIX, is_time
from .clock_zones import SEASON_OPEN, ZONE_OPEN, ZONE_SUMMER
from .dates import PART_PREFIX, SEASON_MONTHS, SEASON_PREFIX, SHORT_YEAR_PREFIX
from .dates_twice import relink, retold_as_other
from .items import Group, Item, Result, pair, shares
from .near_words import NearWords
from .weekdays import WEEKDAY_PREFIX, weekday_in, weekday_of, weekday_written


def _date_within(general: Item, specific: Item) -> bool:
    """True when every known part of ``general`` is known and equal in ``specific``."""
    a, b = general.date, specific.date
    if a is None or b is None:
        return False
    known = 0
    for x, y in zip(a, b, strict=True):
        if x is None:
            continue
        if y is None or x != y:
            return False
        known += 1
    return known > 0 and sum(v is not None for v in b) > known


def _in_decade(general: Item, specific: Item) -> bool:
    """Is ``general`` a decade ("the 1930s") and ``specific`` a date within it ("1936",
    "May 1938")?"""
    value = general.fact.value
    if not (len(value) == 5 and value.endswith("0s") and value[:4].isdigit()):
        return False
    y = specific.date[0] if specific.date is not None else None
    return y is not None and int(value[:3]) == y // 10


def _less_specific(general: Item, specific: Item) -> bool:
    """Does ``general`` say less of the time ``specific`` names ("2024" of "May 2024",
    "the 1930s" of "1936", "the 20th century" of "the 1930s")?"""
    return (
        _date_within(general, specific)
        or _in_decade(general, specific)
        or _in_century(general, specific)
        or _in_season(general, specific)
        or _in_part(general, specific)
    )


def _in_part(general: Item, specific: Item) -> bool:
    """Is ``specific`` a part of the year or month ``general`` names ("early 2021" of
    "2021", "mid-May" of "May"), or ``general`` a part of a month holding the day
    ``specific`` names ("mid-May" of "14 May")?"""
    value, d = specific.fact.value, general.date
    part = _month_part(value)
    if part is not None and d is not None and d[1] is not None and d[2] is None:
        return part[2] == d[1] and (d[0] is None or part[1] in (None, d[0]))
    part, day = _month_part(general.fact.value), specific.date
    if part is not None and day is not None and day[2] is not None:
        lo, hi = _PART_DAYS[part[0]]
        return part[2] == day[1] and (part[1] is None or part[1] == day[0]) and lo <= day[2] <= hi
    if _year_part_holds(general, specific):
        return True
    if not value.startswith(PART_PREFIX) or d is None or d[0] is None or d[1] is not None:
        return False
    return value.endswith(f"-{d[0]:04d}")


_YEAR_PART_MONTHS = {"early": range(1, 5), "mid": range(5, 9), "late": range(9, 13)}
"""The months each third of a year holds ("early 2030": January to April)."""


def _year_part_holds(general: Item, specific: Item) -> bool:
    """Is ``general`` a part of a year ("late 2030", "the end of 2030") and ``specific`` a
    month or day of that year within it ("November 2030")?"""
    bits = general.fact.value.removeprefix(PART_PREFIX).split("-")
    d = specific.date
    if not general.fact.value.startswith(PART_PREFIX) or len(bits) != 2 or d is None:
        return False
    months = _YEAR_PART_MONTHS.get(bits[0])
    return months is not None and bits[1].isdigit() and d[0] == int(bits[1]) and d[1] in months


_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
"""The days of a month each of its parts holds."""


def _month_edge(general: Item, specific: Item) -> bool:
    """Is ``general`` the start or end of a month ("the end of September") and
    ``specific`` its first or last day ("30 September")? The same day, told as the
    month's edge."""
    part, day = _month_part(general.fact.value), specific.date
    if part is None or day is None or day[2] is None or not _in_part(general, specific):
        return False
    last = calendar.monthrange(day[0] or 2001, part[2])[1]  # (no year: not a leap one)
    return (part[0] == "early" and day[2] == 1) or (part[0] == "late" and day[2] == last)


_DEADLINE_RE = regex.compile(r"(?<![\p{L}])(?i:by|until|till|before)[ \u00a0]+$")


def _deadline(text: str, f: Fact, general: Item, specific: Item) -> bool:
    """Is ``f`` (of ``general``) a deadline told as its month's end ("by the end of June",
    "until the end of June") where the source gives the day with its year ("by 30 June
    2041")? The day loosened and the year left out, the deadline is less specific: "by
    the end of June" reads as late June of some year, not the 30th of that one."""
    part, day = _month_part(general.fact.value), specific.date
    if part is None or part[1] is not None or day is None or day[0] is None:
        return False
    return _DEADLINE_RE.search(text, max(0, f.span[0] - 12), f.span[0]) is not None


def _month_part(value: str) -> tuple[str, int | None, int] | None:
    """A part of a month's value ("part:mid-12", "part:late-2027-03") as its part, year
    (None when unsaid) and month; None for any other value."""
    bits = value.removeprefix(PART_PREFIX).split("-")
    if not value.startswith(PART_PREFIX) or bits[0] not in _PART_DAYS or len(bits[-1]) != 2:
        return None
    year = int(bits[1]) if len(bits) == 3 else None
    return bits[0], year, int(bits[-1])


def _in_season(general: Item, specific: Item) -> bool:
    """Is ``general`` a season ("in the spring", "summer 2024") and ``specific`` a date in
    one of its months (and its year, when both name one)?"""
    value = general.fact.value
    if not value.startswith(SEASON_PREFIX) or specific.date is None:
        return False
    name, _, year = value[len(SEASON_PREFIX) :].partition("-")
    y, m, _d = specific.date
    if m is None or m not in SEASON_MONTHS.get(name, ()):
        return False
    return not year or y is None or int(year) == y


def _in_century(general: Item, specific: Item) -> bool:
    """Is ``general`` a century of our era ("c20": the 20th century) and ``specific`` a
    date or decade within it ("1936", "the 1930s")?"""
    value = general.fact.value
    if not (value.startswith("c") and value[1:].isdigit()):
        return False
    y = specific.date[0] if specific.date is not None else None
    dec = specific.fact.value
    if y is None and len(dec) == 5 and dec.endswith("0s") and dec[:4].isdigit():
        y = int(dec[:4]) + 1  # a decade: its years are of one century but for the first
    return y is not None and y > 0 and (y - 1) // 100 + 1 == int(value[1:])


def _same_shape(a: Item, b: Item) -> bool:
    if is_time(a.fact.value) and is_time(b.fact.value):
        return ("-" in a.fact.value) == ("-" in b.fact.value)  # two times, or two spans
    if a.date is None or b.date is None:
        return False
    return all((x is None) == (y is None) for x, y in zip(a.date, b.date, strict=True))


def _date_near(a: Item, b: Item) -> bool:
    """Same shape and same parts but the finest one ("May 5" / "May 6")."""
    if a.date is None or b.date is None or not _same_shape(a, b):
        return False
    known = [(x, y) for x, y in zip(a.date, b.date, strict=True) if x is not None]
    # (year, month, day): the finest known part is the last one, except for a year alone
    return len(known) >= 2 and all(x == y for x, y in known[:-1]) and known[-1][0] != known[-1][1]


def _year_left_unsaid(general: Item, specific: Item) -> bool:
    """Is ``general`` the day and month of ``specific`` without its year ("9 September" of
    "9 September 2025")? A day named without a year is read in the year the text is
    about, so the date is the same: writers leave the year out of a date that is near."""
    a, b = general.date, specific.date
    if a is None or b is None:
        return False
    return a[0] is None and b[0] is not None and a[1:] == b[1:] and None not in a[1:]


TIME_ROUNDING = 15
"""How many minutes apart two times of day may be and be one time, rounded."""
ROUNDED_NOTE = "the same time, rounded"


def _minutes(value: str) -> int | None:
    """The minute of the day of a single time ("time:02:47": 167); None for a span."""
    if not is_time(value) or "-" in value:
        return None
    h, _, m = value.removeprefix(TIME_PREFIX).partition(":")
    return int(h) * 60 + int(m) if h.isdigit() and m.isdigit() else None


def _time_rounded(a: Item, b: Item) -> bool:
    """Are two times of day (either half of the day of a time in words) at most
    :data:`TIME_ROUNDING` minutes apart, and not the same?"""
    x = _minutes(a.fact.value)
    if x is None:
        return False
    for value in (b.fact.value, *b.alts):
        y = _minutes(value)
        if y is not None and 0 < min(abs(x - y), 1440 - abs(x - y)) <= TIME_ROUNDING:
            return True
    return False


_NEAR_RE = regex.compile(
    r"\b(?:just|shortly|soon|a\s+little|a\s+few\s+minutes|minutes)\s+(?:before|after|past)\s+$"
    r"|\b(?:just\s+gone|not\s+long\s+(?:before|after))\s+$",
    regex.I,
)


def _said_near(text: str, f: Fact) -> bool:
    """Is a time said to lie just before or after the one it names ("just before three
    o'clock", "shortly after 9pm")? Such a time, a few minutes off, is the same time told
    roundly; a time without those words ("at 15:40", "about 7pm") that is off is another
    time, rounded."""
    return bool(_NEAR_RE.search(text[max(0, f.span[0] - 30) : f.span[0]]))


def _other_calendar(a: Item, b: Item) -> bool:
    """Is one a year or month of another calendar and the other a Gregorian year or
    month it overlaps (Iranian 1400 is 2021 or 2022), or are both one moment in summer
    (:data:`.clock_zones.SEASON_OPEN`)?"""
    if b.fact.value in a.alts or a.fact.value in b.alts:
        return True
    return any(x.endswith(SEASON_OPEN) and x in b.alts for x in a.alts)  # "CDT" / "Eastern"


def _seasons_clash(a: Item, b: Item) -> bool:
    """Is one a time in a zone left open and the other in a summer zone (their moments
    compare in summer only: :data:`.clock_zones.ZONE_OPEN`)?"""
    return (ZONE_OPEN in a.alts and ZONE_SUMMER in b.alts) or (
        ZONE_SUMMER in a.alts and ZONE_OPEN in b.alts
    )


SAID_ALIKE = 2
"""Content words the sentences of a source date and a less specific derived one must
share for the derived date to be that date made vaguer, outside any shared passage
("released on bail until 5 June" / "released on bail until June")."""


def diff_dates(
    S: list[Group],
    D: list[Group],
    res: Result,
    aligned: bool = False,
    texts: tuple[str, str] | None = None,
) -> None:
    """Match dates by value, then by one being more specific or nearly equal.

    A derived date less specific than a source date is a change when the two fall in one
    passage or in sentences that say the same (:data:`SAID_ALIKE`), or when no passages
    were given (``aligned`` False); a derived date that only mentions loosely what the
    source dates precisely elsewhere is kept. Among several source dates a derived one
    may stand for, the one of its passage is taken, then the one whose sentence shares
    most words with its own (``texts``, source first: :mod:`.near_words`)."""
    near = NearWords(texts) if texts is not None else None

    def alike(gs: Group, gd: Group) -> int:
        if near is None:
            return 0
        return max(near.shared(s.fact, d.fact) for s in gs.items[:4] for d in gd.items[:4])

    by_value = {g.first.fact.value: g for g in S}
    used: set[int] = set()
    changed_src: set[int] = set()
    pending: list[Group] = []
    kept_pairs: list[tuple[Group, Group, int]] = []
    for gd in D:
        d = gd.first
        gs = by_value.get(d.fact.value)
        if gs is not None and _weak(d) and _retells_other(S, gs, gd, alike):
            gs = None
        if gs is not None and _seasons_clash(gs.first, d):
            gs = None  # "6:30 a.m. Eastern" / "6:30 a.m. CDT": read in summer, below
        if gs is not None and not _dated_weekday_in_passage(S, gd):
            used.add(id(gs))
            sf, df = pair(gs, gd)
            kept_pairs.append((gs, gd, len(res.kept)))
            res.kept.append(FactLink("date", sf, df))
            continue
        pending.append(gd)
    for gd in pending:
        d = gd.first
        if d.fact.value.startswith(WEEKDAY_PREFIX):
            _weekday_alone(S, gd, res, used, aligned)
            continue
        same_year = [g for g in S if id(g) not in used and _other_calendar(g.first, d)]
        if same_year:
            gs = min(same_year, key=lambda g: (not shares(g, gd), g.first.fact.span[0]))
            used.add(id(gs))
            sf, df = pair(gs, gd)
            what = "time of day" if is_time(d.fact.value) else "year in another calendar"
            if d.fact.value.startswith(SHORT_YEAR_PREFIX):
                what = "year, by its last two digits"
            note = f"the same {what} ('{sf.text}' → '{df.text}')"
            res.kept.append(FactLink("date", sf, df, note))
            continue
        rounded = [g for g in S if id(g) not in used and _time_rounded(g.first, d)]
        if len(rounded) == 1:  # "at 02:47" / "just before three o'clock"
            used.add(id(rounded[0]))
            sf, df = pair(rounded[0], gd)
            if near is None or _said_near(near.texts[1], df):
                res.kept.append(FactLink("date", sf, df, f"{ROUNDED_NOTE} ('{sf.text}')"))
            else:
                note = f"time rounded ('{sf.text}' → '{df.text}')"
                res.changed.append(FactLink("date", sf, df, note, "value", "rounded"))
                changed_src.add(id(rounded[0]))
            continue
        wider = [g for g in S if _less_specific(d, g.first)]
        if wider:
            # A source date that is a change's is reported there: a derived date less
            # specific than it is a repeat of that change, not reported again.
            wider = [g for g in wider if id(g) not in changed_src]
            if not wider:
                continue
            gs = min(wider, key=lambda g: (not shares(g, gd), -alike(g, gd), g.first.fact.span[0]))
            sf, df = pair(gs, gd)
            if _year_left_unsaid(d, gs.first):
                res.kept.append(FactLink("date", sf, df, f"the year of '{sf.text}' left unsaid"))
            elif _month_edge(d, gs.first) and not (
                near is not None and _deadline(near.texts[1], df, d, gs.first)
            ):
                res.kept.append(FactLink("date", sf, df, f"'{sf.text}' told as its month's edge"))
            elif near is not None and _year_said_after(near.texts[1], df, d, gs.first):
                res.kept.append(FactLink("date", sf, df, f"the year of '{sf.text}' said in words"))
            elif id(gs) not in used and (
                shares(gs, gd) or not aligned or alike(gs, gd) >= SAID_ALIKE
            ):
                note = f"date made less specific ('{sf.text}' → '{df.text}')"
                res.changed.append(FactLink("date", sf, df, note, "specificity", "less_specific"))
                changed_src.add(id(gs))
            elif id(gs) in used:
                # the date told in full elsewhere: this is a loose mention of it again
                note = f"'{gs.first.fact.text}' said again, less specifically"
                res.kept.append(FactLink("date", sf, df, note))
            else:
                note = f"less specific than '{gs.first.fact.text}'"
                res.kept.append(FactLink("date", sf, df, note))
            used.add(id(gs))
            continue
        # (a source date already kept is not also the source of a change)
        narrower = [g for g in S if id(g) not in used and _less_specific(g.first, d)]
        if narrower:
            gs = min(
                narrower,
                key=lambda g: (
                    not shares(g, gd),
                    -alike(g, gd),
                    -sum(v is not None for v in (g.first.date or ())),
                    g.first.fact.span[0],
                ),
            )
            used.add(id(gs))
            sf, df = pair(gs, gd)
            note = f"date made more specific ('{sf.text}' → '{df.text}')"
            res.changed.append(FactLink("date", sf, df, note, "specificity", "more_specific", True))
            changed_src.add(id(gs))
            continue
        same = [
            g
            for g in S
            if id(g) not in used
            and (shares(g, gd) or _date_near(g.first, d))
            and _same_shape(g.first, d)
        ]
        if same:
            gs = min(same, key=lambda g: (not shares(g, gd), -alike(g, gd), g.first.fact.span[0]))
            used.add(id(gs))
            sf, df = pair(gs, gd)
            note = f"date changed ('{sf.text}' → '{df.text}')"
            res.changed.append(FactLink("date", sf, df, note, "value", "", True))
            changed_src.add(id(gs))
            continue
        if not _weak(d):
            res.added.append(d.fact)
    kept = [g.first for g in S if id(g) in used and id(g) not in changed_src]
    taken: set[int] = set()
    for g in S:
        value = g.first.fact.value
        if id(g) not in used and not value.startswith(WEEKDAY_PREFIX) and not _weak(g.first):
            if any(_year_left_unsaid(k, g.first) or _year_left_unsaid(g.first, k) for k in kept):
                continue  # the source names a kept date again, with or without its year
            if near is not None and _retold(g, kept_pairs, near, res, taken):
                continue
            res.dropped.append(g.first.fact)


def _retold(
    g: Group,
    kept_pairs: list[tuple[Group, Group, int]],
    near: NearWords,
    res: Result,
    taken: set[int],
) -> bool:
    """Report the left-out source date ``g`` as changed when the derived text retells it
    with the value of a date it says more often than the source (:mod:`.dates_twice`):
    another date of its shape, or one less specific ("began in March 2030" / "opened in
    2030", where the derived text keeps the source's "2030" elsewhere)."""
    pairs = [(a, b) for a, b, _ in kept_pairs]
    vaguer = False
    found = retold_as_other(g, pairs, near, _same_shape, SAID_ALIKE, taken)
    if found is None:
        vaguer = True
        found = retold_as_other(g, pairs, near, _vaguer_of, SAID_ALIKE, taken)
    if found is None:
        return False
    i, d = found
    gs, gd, at = kept_pairs[i]
    res.kept[at] = relink(res.kept[at], gs, gd, d, near)
    taken.add(id(d))
    sf = g.first.fact
    if vaguer:
        note = f"date made less specific ('{sf.text}' → '{d.fact.text}')"
        link = FactLink("date", sf, d.fact, note, "specificity", "less_specific")
    else:
        note = f"date changed ('{sf.text}' → '{d.fact.text}')"
        link = FactLink("date", sf, d.fact, note, "value", "", True)
    res.changed.append(link)
    return True


def _vaguer_of(specific: Item, general: Item) -> bool:
    return _less_specific(general, specific)


_RELATIVE_YEAR_RE = regex.compile(r"[ \u00a0,]+(?i:last|this|next)[ \u00a0]+(?i:year)\b")


def _year_said_after(text: str, df: Fact, general: Item, specific: Item) -> bool:
    """Is ``df`` a month whose year follows in words ("March last year") where the source
    names that month with its year ("March 2025")? The year is said, relatively: the date
    is no less specific."""
    a, b = general.date, specific.date
    if a is None or b is None or a[0] is not None or a[1] is None or a[2] is not None:
        return False
    return b[0] is not None and a[1] == b[1] and bool(_RELATIVE_YEAR_RE.match(text, df.span[1]))


def _retells_other(
    S: list[Group], gs: Group, gd: Group, alike: Callable[[Group, Group], int]
) -> bool:
    """Does the season alone ``gd`` ("every summer") retell a source month of that season
    ("every August") whose sentence shares more words with its own than that of the
    source's same season (``gs``, "sardines in summer") does?"""
    here = alike(gs, gd)
    return any(_less_specific(gd.first, g.first) and alike(g, gd) > here for g in S if g is not gs)


def _weak(it: Item) -> bool:
    """A season without its year ("last spring", "in summer"): like a weekday alone, a
    story's seasons come and go in a rewrite; one only counts against a month it
    holds."""
    v = it.fact.value
    return v.startswith(SEASON_PREFIX) and "-" not in v


def _dated_weekday_in_passage(S: list[Group], gd: Group) -> bool:
    """Is ``gd`` a weekday alone that a source date with that weekday shares a passage
    with? ("on Friday 16 June" / "on Friday": that date, not another "Friday".)"""
    d = gd.first
    if not d.fact.value.startswith(WEEKDAY_PREFIX):
        return False
    day = weekday_of(d)
    return any(
        shares(g, gd)
        and not g.first.fact.value.startswith(WEEKDAY_PREFIX)
        and weekday_of(g.first) == day
        for g in S
    )


def _weekday_alone(S: list[Group], gd: Group, res: Result, used: set[int], aligned: bool) -> None:
    """A derived weekday alone: a change of specificity from a source date written with
    that weekday ("Friday 16 June" → "Friday") in its passage; kept when that date is
    elsewhere; nothing when no source date has that weekday (a weekday is weak)."""
    d = gd.first
    day = weekday_of(d)
    cands = [
        g
        for g in S
        if id(g) not in used
        and not g.first.fact.value.startswith(WEEKDAY_PREFIX)
        and (weekday_of(g.first) or weekday_in(g.first, _year_near(S, g))) == day
    ]
    if not cands:
        return
    gs = min(cands, key=lambda g: (not shares(g, gd), g.first.fact.span[0]))
    if aligned and not shares(gs, gd) and not weekday_written(gs.first):
        return  # a weekday only reckoned from the date: one elsewhere may be another day
    used.add(id(gs))
    sf, df = pair(gs, gd)
    if shares(gs, gd) or not aligned:
        note = f"date made less specific ('{sf.text}' → '{df.text}')"
        res.changed.append(FactLink("date", sf, df, note, "specificity", "less_specific"))
    else:
        res.kept.append(FactLink("date", sf, df, f"less specific than '{sf.text}'"))


def _year_near(S: list[Group], g: Group) -> int | None:
    """The year of the source's dated month nearest before ``g`` (else after it): the
    year of a day given without it ("on 28 November" after "on 27 November 2031"; a year
    alone, "since 2023", is history, not the text's calendar)."""
    at = g.first.fact.span[0]
    dated = [
        (x.first.fact.span[0] > at, abs(x.first.fact.span[0] - at), x.first.date[0])
        for x in S
        if x.first.date is not None and x.first.date[0] and x.first.date[1]
    ]
    return min(dated)[2] if dated else None


def diff_exact(S: list[Group], D: list[Group], res: Result) -> None:
    """Match hashtags by value only."""
    by_value = {g.first.fact.value: g for g in S}
    used: set[int] = set()
    for gd in D:
        gs = by_value.get(gd.first.fact.value)
        if gs is None:
            res.added.append(gd.first.fact)
            continue
        used.add(id(gs))
        sf, df = pair(gs, gd)
        res.kept.append(FactLink(gd.first.fact.kind, sf, df))
    for g in S:
        if id(g) not in used:
            res.dropped.append(g.first.fact)
