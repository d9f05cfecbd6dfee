"""Leftover numbers paired by value across the whole text: what the passage and sentence
rules leave dropped and added when a rewrite rebuilds its sentences.

- A conversion in brackets ("86°F (30°C)", "£100 ($130)") states the measure before it
  again in another unit: one fact, so the bracketed one is never reported on its own.
- The same count under another noun ("up to 1,150 jobs" / "hire 1,150 people", "around
  9,000 passengers" / "around 9,000 people"): equal values of at least :data:`MIN_COUNT`,
  each the only one of its value left on its side, are one count: kept, or changed in
  strength when the qualifiers differ.
- One range in other units ("7 to 14 days" / "a week to two weeks"): kept.
- A range given as one value ("between $428 million and $432 million" / "$430
  million"): the only leftover of that currency and dimension inside the range (or
  within :data:`ROUND_GAP` of it) is the range narrowed, a change of value.
- A number given as a range that holds it ("a 52-year-old man" / "a man in his fifties"):
  made less specific, a change of strength.
- A share written another way ("41 per cent" / "nearly half", "18 per cent" / "almost a
  fifth"): two leftover percentages that are each other's nearest, at most
  :data:`SHARE_POINTS` points apart and clearly nearer than the next, are one share, a
  rounding when close and a changed value when not.
- A number rounded in a rebuilt sentence ("1,412 bumblebees" / "more than 1,400 bees",
  "a crowd of 11,386" / "more than 12,000"): a leftover number and a rounder leftover of
  the other side within :data:`ROUND_GAP`, each other's only such partner (repeats of one
  value counted once), are one number: rounded when the qualifier keeps it true, else a
  changed value. Repeats of the paired values ("$640 Million" in a headline) go with them.

Every rule pairs only a value with a value of the same currency and dimension (a share
never with a count, a length never with a time), so that facts truly dropped and added
stay so.
"""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal

import regex

from ..types import FactLink
from .items import Item, Result
from .match_counts import sentence_words
from .units import PERCENT, dimension, in_base

MIN_COUNT = 100
"""The least value of a count that is paired on its value alone under another noun: small
numbers recur with other meanings."""
ROUND_GAP = 0.06
"""How far apart (a share of the larger) a number and its rounding may be."""
SHARE_POINTS = 10.0
"""How many percentage points apart a share and its rewording may be."""
SHARE_CLOSE = 0.15
"""A share reworded within this share of the larger is a rounding, not a new value."""

_BRACKET_RE = regex.compile(r"[ \u00a0]*\(\s*")


def pair_near(
    texts: tuple[str, str], items: tuple[Sequence[Item], Sequence[Item]], res: Result
) -> None:
    """Apply the module's rules to the numbers left dropped and added in ``res``."""
    by_fact = {id(it.fact): it for side in items for it in side}
    _fold_conversions(texts, items, res)
    _month_ends_kept(texts, res)
    _repair_far(texts, res, by_fact)
    _pair(res, by_fact, _same_count, _count_link)
    _pair(res, by_fact, _same_span, _span_link)
    _pair(res, by_fact, _in_range, _range_link)
    _pair(res, by_fact, _range_moved, _range_moved_link)
    _pair(res, by_fact, _in_derived_range, _widened_link)
    _pair(res, by_fact, _tied_shares(texts, _share_gap), _share_link)
    _pair(res, by_fact, _round_gap, _round_link)
    _pair(res, by_fact, _tied_shares(texts, _same_unit), _unit_link)


def _fold_conversions(
    texts: tuple[str, str], items: tuple[Sequence[Item], Sequence[Item]], res: Result
) -> None:
    """Take out of ``res`` the numbers that stand in brackets right after a number of the
    same dimension or of money, in another unit: a conversion of it."""
    drop: set[int] = set()
    for side, text in enumerate(texts):
        nums = sorted((it for it in items[side] if it.cls == "number"), key=lambda i: i.fact.span)
        for a, b in itertools.pairwise(nums):
            m = _BRACKET_RE.match(text, a.fact.span[1])
            if m is None or m.end() != b.fact.span[0] or not _converts(a, b):
                continue
            drop.add(id(b.fact))
    res.added[:] = [f for f in res.added if id(f) not in drop]
    res.dropped[:] = [f for f in res.dropped if id(f) not in drop]


def _converts(a: Item, b: Item) -> bool:
    if a.cur and b.cur:
        return a.cur != b.cur
    dim = dimension(a.unit)
    return bool(dim) and dim == dimension(b.unit) and a.unit != b.unit


def _value(it: Item) -> float | None:
    try:
        return float(it.fact.value) if it.fact.value else None
    except ValueError:
        return None


def _bounds(it: Item) -> tuple[float, float] | None:
    """A range's two ends ("428000000-432000000")."""
    parts = (it.fact.value or "").split("-")
    if len(parts) != 2:
        return None
    try:
        lo, hi = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    return (lo, hi) if lo < hi else None


def _alike(a: Item, b: Item) -> bool:
    """Of one currency, percent or not, and of one dimension; neither vague."""
    if a.vague or b.vague or a.cur != b.cur or (a.unit == PERCENT) != (b.unit == PERCENT):
        return False
    return dimension(a.unit) == dimension(b.unit)


def _same_count(s: Item, d: Item) -> float | None:
    x, y = _value(s), _value(d)
    if x is None or x != y or x < MIN_COUNT or not _alike(s, d) or s.unit == PERCENT:
        return None
    return 0.0


def _count_link(s: Item, d: Item) -> FactLink:
    sf, df = s.fact, d.fact
    note = f"noun '{s.unit}' → '{d.unit}'"
    if s.qcls == d.qcls:
        return FactLink("number", sf, df, note, "noun")
    detail = (
        "qualifier_dropped"
        if not d.qual
        else "qualifier_added"
        if not s.qual
        else "qualifier_changed"
    )
    return FactLink(
        "number", sf, df, f"qualifier '{s.qual}' → '{d.qual}'; {note}", "strength", detail
    )


def _same_span(s: Item, d: Item) -> float | None:
    """Two ranges of one dimension in other units, equal once converted ("7 to 14 days" /
    "a week to two weeks")."""
    rs, rd = _bounds(s), _bounds(d)
    if rs is None or rd is None or s.unit == d.unit or not _alike(s, d) or s.qcls != d.qcls:
        return None
    ends = [(in_base(str(x), s.unit), in_base(str(y), d.unit)) for x, y in zip(rs, rd, strict=True)]
    for x, y in ends:
        if x is None or y is None or abs(x - y) > Decimal("0.05") * max(x, y):
            return None
    return 0.0


def _span_link(s: Item, d: Item) -> FactLink:
    return FactLink("number", s.fact, d.fact, f"unit '{s.unit}' → '{d.unit}'", "")


def _in_range(s: Item, d: Item) -> float | None:
    r, y = _bounds(s), _value(d)
    if r is None or y is None or not _alike(s, d):
        return None
    lo, hi = r
    if (d.qcls == ">" and y >= hi) or (d.qcls == "<" and y <= lo):
        return None  # "more than half" is none of "24-49%"
    if lo <= y <= hi:
        return 0.0
    gap = min(abs(y - lo), abs(y - hi)) / max(abs(y), hi, 1e-9)
    return gap if gap <= ROUND_GAP else None


def _range_link(s: Item, d: Item) -> FactLink:
    note = f"range {s.fact.text} given as {d.fact.text}"
    return FactLink("number", s.fact, d.fact, note, "value", "range", True)


def _range_moved(s: Item, d: Item) -> float | None:
    """Two ranges of one unit that share an end or overlap ("10 to 16 inches" / "10 to
    20 inches"): one range moved, how far its ends moved (a share of the larger)."""
    rs, rd = _bounds(s), _bounds(d)
    if rs is None or rd is None or rs == rd or not _alike(s, d) or s.unit != d.unit:
        return None
    if rs[0] > rd[1] or rd[0] > rs[1]:
        return None
    return sum(abs(a - b) for a, b in zip(rs, rd, strict=True)) / max(rs[1], rd[1])


def _range_moved_link(s: Item, d: Item) -> FactLink:
    note = f"range {s.fact.text} → {d.fact.text}"
    return FactLink("number", s.fact, d.fact, note, "value", "range", True)


def _in_derived_range(s: Item, d: Item) -> float | None:
    """A number given as a range of the same measure that holds it ("a 52-year-old" / "in
    his fifties")."""
    r, x = _bounds(d), _value(s)
    if r is None or x is None or not _alike(s, d) or s.unit != d.unit:
        return None
    return 0.0 if r[0] <= x <= r[1] else None


def _widened_link(s: Item, d: Item) -> FactLink:
    note = f"{s.fact.text} given as the range {d.fact.text}"
    return FactLink("number", s.fact, d.fact, note, "strength", "specific_to_vague")


def _share_gap(s: Item, d: Item) -> float | None:
    x, y = _value(s), _value(d)
    if x is None or y is None or s.unit != PERCENT or d.unit != PERCENT or not _alike(s, d):
        return None
    if x == y or abs(x - y) > SHARE_POINTS:
        return None
    return abs(x - y)


Gap = Callable[[Item, Item], float | None]


def _tied_shares(texts: tuple[str, str], gap_of: Gap) -> Gap:
    """``gap_of``, for two shares in digits too far apart to be one rounded ("rose 3%" /
    "closed 4.2% higher") only when their sentences share a content word (a share put in
    words, "nearly half", rewords one)."""

    def gap(s: Item, d: Item) -> float | None:
        g = gap_of(s, d)
        x, y = _value(s) or 0.0, _value(d) or 0.0
        if g is None or s.unit != PERCENT or abs(x - y) <= SHARE_CLOSE * max(x, y):
            return g
        if not (_in_digits(s) and _in_digits(d)):
            return g
        return g if sentence_words(texts[0], s.fact) & sentence_words(texts[1], d.fact) else None

    return gap


def _in_digits(it: Item) -> bool:
    return any(c.isdigit() for c in it.fact.text)


def _share_link(s: Item, d: Item) -> FactLink:
    x, y = _value(s) or 0.0, _value(d) or 0.0
    close = abs(x - y) <= SHARE_CLOSE * max(x, y)
    note = f"share {s.fact.text} → {d.fact.text}"
    return FactLink("number", s.fact, d.fact, note, "value", "rounded" if close else "", not close)


def _sig(value: float) -> int:
    """How many significant digits an integer-valued ``value`` has (1,412: 4; 1,400: 2)."""
    digits = f"{value:.0f}".rstrip("0")
    return len(digits) if value == int(value) else 99


def _round_gap(s: Item, d: Item) -> float | None:
    x, y = _value(s), _value(d)
    if x is None or y is None or x == y or min(x, y) < 10 or not _alike(s, d):
        return None
    if s.unit == PERCENT:
        return None
    if _sig(x) == _sig(y) and not (s.qual or d.qual):
        return None  # neither rounder nor hedged: two numbers, not one rounded
    gap = abs(x - y) / max(x, y)
    return gap if gap <= ROUND_GAP else None


def _round_link(s: Item, d: Item) -> FactLink:
    x, y = _value(s) or 0.0, _value(d) or 0.0
    true = (
        (d.qcls == ">" and x > y)
        or (d.qcls == "<" and x < y)
        or (d.qcls == "~" and abs(x - y) <= 0.02 * max(x, y))
        or (not d.qual and _sig(y) < _sig(x) and abs(x - y) <= 0.02 * max(x, y))
    )
    note = f"value {s.fact.text} → {d.fact.text}" + ("; rounded" if true else "")
    return FactLink("number", s.fact, d.fact, note, "value", "rounded" if true else "", not true)


def _pair(res: Result, by_fact: dict[int, Item], gap_of, link_of) -> None:  # type: ignore[no-untyped-def]
    """Pair the leftover numbers whose ``gap_of`` (None: no pair) makes them each other's
    nearest, clearly nearer than the next; each value's repeats are taken as one."""
    dropped = _by_value(
        [by_fact[id(f)] for f in res.dropped if id(f) in by_fact and f.kind == "number"]
    )
    added = _by_value(
        [by_fact[id(f)] for f in res.added if id(f) in by_fact and f.kind == "number"]
    )
    if not dropped or not added:
        return

    def best(g: list[Item], others: list[list[Item]], src: bool) -> list[Item] | None:
        gaps = []
        for o in others:
            gap = gap_of(_rep(g), _rep(o)) if src else gap_of(_rep(o), _rep(g))
            if gap is not None:
                gaps.append((gap, o))
        if not gaps:
            return None
        gaps.sort(key=lambda t: t[0])
        if len(gaps) > 1 and gaps[1][0] <= 2 * gaps[0][0]:
            return None
        return gaps[0][1]

    for gs in list(dropped):
        gd = best(gs, added, True)
        if gd is None or best(gd, dropped, False) is not gs:
            continue
        link = link_of(_rep(gs), _rep(gd))
        (res.kept if link.label in ("noun", "") else res.changed).append(link)
        gone = {id(i.fact) for i in gs + gd}
        res.dropped[:] = [f for f in res.dropped if id(f) not in gone]
        res.added[:] = [f for f in res.added if id(f) not in gone]
        added.remove(gd)
        dropped.remove(gs)


def _rep(group: list[Item]) -> Item:
    """The mention of a value that says most: qualified, then the longest."""
    return max(group, key=lambda i: (bool(i.qual), len(i.fact.text)))


def _by_value(items: list[Item]) -> list[list[Item]]:
    """The items grouped by value, currency, percent and dimension, in text order."""
    groups: dict[tuple[str, str, bool, str], list[Item]] = {}
    for it in sorted(items, key=lambda i: i.fact.span):
        key = (it.fact.value or "", it.cur, it.unit == PERCENT, dimension(it.unit))
        groups.setdefault(key, []).append(it)
    return list(groups.values())


_END_OF_RE = regex.compile(r"(?i:\bend[ \u00a0]+of[ \u00a0]+)$")


def _month_ends_kept(texts: tuple[str, str], res: Result) -> None:
    """A day made "the end of" its month ("by 30 September" / "by the end of September")
    when the day is that month's last: the same date, kept."""
    for link in list(res.changed):
        if link.kind != "date" or link.label != "specificity":
            continue
        sv, dv = link.source.value or "", link.derived.value or ""
        parts, dparts = sv.split("-"), dv.split("-")
        shape = [len(p) for p in parts]
        if not all(p.isdigit() for p in parts + dparts) or shape not in ([2, 2], [4, 2, 2]):
            continue  # a day of a month ("09-30", "2025-10-31"), nothing else
        year = int(parts[0]) if len(parts) == 3 else 2001  # (no year: not a leap one)
        month, day = int(parts[-2]), int(parts[-1])
        if not 1 <= month <= 12:
            continue
        if int(dparts[-1]) != month or (
            len(dparts) == 2 and len(parts) == 3 and dparts[0] != parts[0]
        ):
            continue
        if day < calendar.monthrange(year, month)[1]:
            continue
        before = texts[1][max(0, link.derived.span[0] - 20) : link.derived.span[0]]
        if _END_OF_RE.search(before.rstrip() + " ") is None:
            continue
        res.changed.remove(link)
        res.kept.append(FactLink("date", link.source, link.derived, "the end of the month"))


def _next_word(text: str, end: int) -> str:
    m = regex.match(r"[ \u00a0]*(\p{L}+)", text[end : end + 30])
    return m.group(1).lower() if m else ""


def _repair_far(texts: tuple[str, str], res: Result, by_fact: dict[int, Item]) -> None:
    """A number changed to a far value (more than twice or half it) when a leftover number
    of the source is the derived one's rounding or reworded share, counting the same
    thing (the same noun, or for a share the same word after it: "22 percent lighter" /
    "roughly a quarter lighter"): the change is that leftover's, and the first source
    number is dropped."""
    for link in list(res.changed):
        if link.kind != "number" or link.label != "value":
            continue
        s0, d = by_fact.get(id(link.source)), by_fact.get(id(link.derived))
        if s0 is None or d is None:
            continue
        x0, y = _value(s0), _value(d)
        if x0 is None or y is None:
            continue
        mine = []
        for f in res.dropped:
            s = by_fact.get(id(f))
            x = _value(s) if s is not None and f.kind == "number" else None
            if s is None or x is None:
                continue
            gap = _share_gap(s, d) if d.unit == PERCENT else _round_gap(s, d)
            if gap is None or abs(x - y) * 2 > abs(x0 - y):
                continue
            if d.unit == PERCENT:
                same = _next_word(texts[0], f.span[1]) == _next_word(texts[1], d.fact.span[1])
            else:
                same = bool(d.unit) and s.unit == d.unit
            if same:
                mine.append(s)
        if len(mine) != 1:
            continue
        s = mine[0]
        res.changed.remove(link)
        res.dropped.remove(s.fact)
        res.dropped.append(link.source)
        res.changed.append(_share_link(s, d) if d.unit == PERCENT else _round_link(s, d))


def _same_unit(s: Item, d: Item) -> float | None:
    """A measure of one unit on both sides, at most twice the other (of one qualifier),
    or within :data:`QUALIFIED_GAP` of it when a qualifier was added, dropped or changed
    ("gusting as high as 45 mph" / "gusts up to 50 mph"): how far apart they are."""
    x, y = _value(s), _value(d)
    if x is None or y is None or x == y or not _alike(s, d) or s.unit != d.unit:
        return None
    if not dimension(s.unit) or min(x, y) <= 0 or max(x, y) > 2 * min(x, y):
        return None
    gap = abs(x - y) / max(x, y)
    if s.qcls == d.qcls or (gap <= QUALIFIED_GAP and s.unit != PERCENT):
        return gap
    return None


QUALIFIED_GAP = 0.25
"""How far apart (a share of the larger) two leftover measures of one unit and different
qualifiers may be to be read as one measure changed (not shares: those are paired by
their points apart)."""


def _unit_link(s: Item, d: Item) -> FactLink:
    return FactLink(
        "number", s.fact, d.fact, f"value {s.fact.text} → {d.fact.text}", "value", "", True
    )
