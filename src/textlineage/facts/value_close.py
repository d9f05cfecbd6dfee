"""How near two numbers' values are: one a rounding of the other, within a range, or
in the range of a vague quantity; and how their qualifiers differ (used by
:mod:`.match_values`)."""

from __future__ import annotations

from decimal import Decimal

from .items import Item
from .units import CLOCK_UNITS, MULTIPLE, PERCENT, dimension, in_base

ROUNDING_SLACK = 0.2
"""How far an "about", "nearly" or "almost" value may lie from the source's exact one
(a fifth of it) and still describe it."""


def close(s: Item, d: Item) -> bool:
    """Are the values one rounded ("7.57 million", "7.5 million": within a tenth) or one
    vague quantity made specific ("thousands", "20,000": within its range)?"""
    a, b = plain(s.fact.value), plain(d.fact.value)
    if CLOCK_UNITS.keys() & {s.unit, d.unit} and not (s.vague or d.vague):
        a, b = _clock_base(s, d)  # "3 hours 25 minutes" ("3:25") against hours
    if s.vague and b is not None and not d.vague:
        return in_vague(s.fact.value, b)
    if d.vague and a is not None and not s.vague:
        return in_vague(d.fact.value, a)
    if (a is None or b is None) and not (s.vague or d.vague):
        x, y = s.fact.value, d.fact.value
        if s.unit != d.unit and (dimension(s.unit) or dimension(d.unit)):
            x, y = span_in_base(x, s.unit), span_in_base(y, d.unit)  # "2 hours", "1-2 weeks"
        return range_holds(x, y) or range_holds(y, x)
    if a is None or b is None or not a or not b:
        return False
    if s.unit != d.unit and dimension(s.unit) and dimension(s.unit) == dimension(d.unit):
        # one measure converted ("14 weeks", "three months"; "1.2 miles", "2km"), and
        # rounded as far as an "about" allows ("around 30 weeks", "about six months")
        a, b = in_base(s.fact.value, s.unit) or a, in_base(d.fact.value, d.unit) or b
        if "~" in (s.qcls, d.qcls):
            return abs(a - b) <= max(abs(a), abs(b)) * Decimal(str(ROUNDING_SLACK))
    return abs(a - b) <= max(abs(a), abs(b)) / 10


def _clock_base(s: Item, d: Item) -> tuple[Decimal | None, Decimal | None]:
    """Two times of which one is written in parts ("3:25" of hours and minutes), both in
    their dimension's base unit when they are of one dimension; else no values."""
    if dimension(s.unit) != dimension(d.unit):
        return None, None
    return in_base(s.fact.value, s.unit), in_base(d.fact.value, d.unit)


def gap(s: Item, d: Item) -> float:
    """How far apart two values are, as a share of the larger (1.0 when they are no
    plain numbers)."""
    a, b = plain(s.fact.value), plain(d.fact.value)
    if a is None or b is None or max(abs(a), abs(b)) == 0:
        return 1.0
    return float(abs(a - b) / max(abs(a), abs(b)))


def range_holds(span: str, value: str) -> bool:
    """Is ``value`` within the range ``span`` ("35-40" holds 40, "10-15" holds 12), or one
    range overlapping the other?"""
    lo, _, hi = span.partition("-")
    a, b = plain(lo), plain(hi)
    if a is None or b is None:
        return False
    vlo, _, vhi = value.partition("-")
    x, y = plain(vlo), plain(vhi or vlo)
    return x is not None and y is not None and x <= b and a <= y


def span_in_base(value: str, unit: str) -> str:
    """A value or a range ("1-2") in its dimension's base unit; "" when it has none."""
    ends = [in_base(v, unit) for v in value.split("-")]
    return "-".join(str(e) for e in ends) if all(e is not None for e in ends) else ""


def plain(value: str) -> Decimal | None:
    try:
        return Decimal(value)
    except ArithmeticError:
        return None


def in_vague(vague: str, x: Decimal) -> bool:
    """Is ``x`` in the range of a vague value ("~1000s": thousands, 2,000 to 999,999)?"""
    base = plain(vague.strip("~s"))
    return base is not None and 2 * base <= x < 1000 * base


def rounded_true(s: Item, d: Item, any_noun: bool = False) -> bool:
    """Is the derived number a rounding of the source's exact number that its qualifier
    keeps true: "more than 47,000" for 47,912, "under 50" for 48, "about 3" for 3.2 (same
    noun, unless ``any_noun``, and currency, the source unqualified), the bound within
    :data:`ROUNDED_BOUND` times the number?"""
    if s.qual or not d.qual or s.cur != d.cur or s.vague or d.vague:
        return False
    if s.unit != d.unit and not any_noun:
        return False
    try:
        sv, dv = float(s.fact.value), float(d.fact.value)
    except ValueError:
        return False
    if d.qcls == ">":
        return dv < sv <= ROUNDED_BOUND * dv
    if d.qcls == "<":
        return dv / ROUNDED_BOUND <= sv < dv
    if d.qcls == "~":
        return abs(sv - dv) <= ROUNDING_SLACK * abs(sv)
    return False


ROUNDED_BOUND = 2
"""How far a bound may lie from the exact number it rounds: "more than 500" rounds no
more than 1,000 ("over $500" said of $640,000 is true, but says another figure)."""


def qual_note(s: Item, d: Item) -> str:
    if s.qual and not d.qual:
        return f"qualifier '{s.qual}' dropped"
    if d.qual and not s.qual:
        return f"qualifier '{d.qual}' added"
    if s.qual != d.qual:
        return f"qualifier '{s.qual}' → '{d.qual}'"
    return ""


def qual_detail(s: Item, d: Item) -> str:
    """The ``strength`` detail of two qualifiers of different meaning: ``degree`` for a
    rank's superlative ("second-most" → "second", :mod:`.ranks`)."""
    if "sup" in (s.qcls, d.qcls):
        return "degree"
    if s.qual and not d.qual:
        return "qualifier_dropped"
    if d.qual and not s.qual:
        return "qualifier_added"
    return "qualifier_changed"


def measure_and_bare(s: Item, d: Item, together: bool) -> bool:
    """Is one a measure ("two months", "3 km") and the other a bare number (no unit, no
    currency: the "2" of "Model 2"), not ``together`` in a passage? Such a pair has the
    same value by chance: it is not one fact kept."""
    if bool(dimension(s.unit)) == bool(dimension(d.unit)) or together:
        return False
    bare = d if dimension(s.unit) else s
    return not bare.unit and not bare.cur


def low_end(value: str) -> str:
    """A range's lower end ("0.6-0.62": "0.6"), or the value."""
    return value[:1] + value[1:].partition("-")[0]


def shown(it: Item) -> str:
    """A number's value as a note shows it: "20%" for a share, "×2" for a multiple."""
    value = grouped(it.fact.value)
    if it.unit == PERCENT:
        return f"{value}%"
    if it.unit == MULTIPLE:
        return f"×{value}"
    return value


def grouped(value: str) -> str:
    """A plain decimal value with its thousands grouped ("4200000" → "4,200,000"); any
    other value as it is."""
    whole, dot, frac = value.partition(".")
    if not whole.isdigit() or (dot and not frac.isdigit()):
        return value
    return f"{int(whole):,}" + (dot + frac if dot else "")


MONEY_WORDS = frozenset({
    "dollar", "pound", "euro", "cent", "penny", "pence", "yen", "yuan", "rupee", "franc",
    "krona", "krone", "peso", "rand", "mark", "shekel", "won", "lira", "real", "ruble",
    "rouble", "dinar", "dirham", "riyal", "buck", "quid",
})  # fmt: skip
"""Nouns that name money: "40 dollars" is an amount like "$40", and so, said casually, is
"40 bucks" ("quid" for pounds)."""


def money_and_count(a: Item, b: Item) -> bool:
    """Is one an amount of money ("$40") and the other a count of things ("40 vacant
    posts") or a measure ("40 weeks", "40 km"), which no rewording makes one fact?"""
    if bool(a.cur) == bool(b.cur):
        return False
    count = b if a.cur else a
    return bool(count.unit) and count.unit not in MONEY_WORDS


CONVERTED_SLACK = 0.01
"""How far apart (a share of the larger) one measure in two units may be, once both are in
the base unit, and be one measure converted ("830 km" is 515.7 miles: "515 miles")."""


def converted_alike(s: Item, d: Item) -> bool:
    """Is ``d`` the measure ``s`` in another unit of its dimension, converted and rounded
    no further than :data:`CONVERTED_SLACK` ("about 830 kilometres" / "about 515 miles")?"""
    if s.unit == d.unit or not dimension(s.unit) or dimension(s.unit) != dimension(d.unit):
        return False
    a, b = in_base(s.fact.value, s.unit), in_base(d.fact.value, d.unit)
    if a is None or b is None or a <= 0 or b <= 0:
        return False
    return abs(a - b) <= max(a, b) * Decimal(str(CONVERTED_SLACK))
