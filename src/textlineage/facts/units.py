"""Units of measure: what dimension a number's noun measures, and in what base unit.

A count ("37 towns", "214 occasions") has a noun of no dimension; a measure ("48
seconds", "35 kilometres", "3 decades") has one, and two measures of one dimension are
compared in its base unit (three decades are 30 years; 48 seconds are almost a minute).
Abbreviations written against the digits ("35km", "21C") are read as the unit they
abbreviate, so "35km" and "35 kilometres" are one fact.

Measures of different dimensions never name one thing, nor does a measure and a count:
"six months" is no version of "200 times", nor "27.5 per cent" of "190 ships".
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import regex

PERCENT = "%"
"""The unit of a percentage, and of a fraction read as one ("a fifth": 20 %)."""
MULTIPLE = "×"
"""The unit of a multiplier verb ("doubled": × 2)."""

WORK_DAY = frozenset({"business", "working", "work"})
"""Words that make a day a working day ("15 business days"): five of them a week, so one
is 7/5 of a day in the week's reckoning."""

# unit (singular, folded) -> (dimension, size in the dimension's base unit)
_TIME = {
    "second": Decimal(1), "minute": Decimal(60), "hour": Decimal(3600),
    "day": Decimal(86400), "working day": Decimal(120960), "week": Decimal(604800),
    "month": Decimal(2629800), "year": Decimal(31557600),
    "decade": Decimal(315576000), "century": Decimal(3155760000),
}  # fmt: skip
_LENGTH = {
    "millimetre": Decimal("0.001"), "centimetre": Decimal("0.01"), "metre": Decimal(1),
    "kilometre": Decimal(1000), "mile": Decimal("1609.344"), "foot": Decimal("0.3048"),
    "inch": Decimal("0.0254"), "yard": Decimal("0.9144"),
}  # fmt: skip
_MASS = {
    "nanogram": Decimal("1e-12"), "microgram": Decimal("1e-9"),
    "milligram": Decimal("0.000001"), "gram": Decimal("0.001"), "kilogram": Decimal(1),
    "tonne": Decimal(1000), "ton": Decimal(1000), "ounce": Decimal("0.028349523125"),
}  # fmt: skip
# (no "pound": in news it is money more often than weight)
_AREA = {
    "hectare": Decimal(10000), "acre": Decimal("4046.8564224"),
    "square-metre": Decimal(1), "square-kilometre": Decimal(10**6),
    "square-foot": Decimal("0.09290304"), "square-yard": Decimal("0.83612736"),
    "square-mile": Decimal("2589988.110336"),
}  # fmt: skip
_TEMPERATURE = {"°c": Decimal(1), "°f": Decimal(1)}
_CONCENTRATION = {
    "ppt": Decimal("1e-12"), "ppb": Decimal("1e-9"), "ppm": Decimal("1e-6"),
}  # fmt: skip
"""Parts per trillion, billion and million ("15 ppb", "4.2 parts per million")."""
_ENERGY = {
    "kilowatt-hour": Decimal(1), "megawatt-hour": Decimal(1000),
    "gigawatt-hour": Decimal(10**6), "terawatt-hour": Decimal(10**9),
}  # fmt: skip
_POWER = {
    "kilowatt": Decimal(1), "megawatt": Decimal(1000), "gigawatt": Decimal(10**6),
}  # fmt: skip

CLOCK_UNITS = {"h:m:s": Decimal(3600), "h:m": Decimal(3600), "m:s": Decimal(60)}
"""A time in parts ("3 hours 25 minutes", value "3:25"): its value's parts are of the first
unit and sixtieths of it in turn."""

_SPEED = {
    f"{length}/{time}": lv / _TIME[time]
    for length, lv in _LENGTH.items()
    for time in ("second", "hour")
}
"""A length per second or per hour ("60 km/h", "15 metres a second"): one measure, a
speed, never a length."""

DIMENSIONS: dict[str, tuple[str, Decimal]] = {
    **{u: ("time", v) for u, v in _TIME.items()},
    **{u: ("speed", v) for u, v in _SPEED.items()},
    **{u: ("length", v) for u, v in _LENGTH.items()},
    **{u: ("mass", v) for u, v in _MASS.items()},
    **{u: ("area", v) for u, v in _AREA.items()},
    **{u: ("temperature", v) for u, v in _TEMPERATURE.items()},
    **{u: ("concentration", v) for u, v in _CONCENTRATION.items()},
    **{u: ("energy", v) for u, v in _ENERGY.items()},
    **{u: ("power", v) for u, v in _POWER.items()},
    **{u: ("time", v) for u, v in CLOCK_UNITS.items()},
    PERCENT: ("percent", Decimal(1)),
    MULTIPLE: ("multiple", Decimal(1)),
}
"""The dimension of each unit and its size in that dimension's base unit."""

SPELLINGS = {
    "meter": "metre", "kilometer": "kilometre", "centimeter": "centimetre",
    "millimeter": "millimetre", "feet": "foot", "inches": "inch", "secs": "second",
    "sec": "second", "min": "minute", "mins": "minute", "hr": "hour", "hrs": "hour",
    "yr": "year", "yrs": "year", "kilo": "kilogram", "kilos": "kilogram",
    "mph": "mile/hour", "kph": "kilometre/hour", "kmh": "kilometre/hour",
    "sq-ft": "square-foot", "sq-m": "square-metre", "sq-mi": "square-mile",
    "square-feet": "square-foot",
}  # fmt: skip
"""Other spellings and short forms of a unit written as a word."""

ABBREVIATIONS = {
    "mm": "millimetre", "cm": "centimetre", "m": "metre", "km": "kilometre",
    "mi": "mile", "ft": "foot", "g": "gram", "kg": "kilogram", "t": "tonne", "oz": "ounce",
    "ha": "hectare", "mg": "milligram", "ng": "nanogram", "lb": "pound", "lbs": "pound",
    "ml": "millilitre", "yd": "yard",
    "mcg": "microgram", "µg": "microgram", "c": "°c", "f": "°f", "°c": "°c", "°f": "°f",
    "kwh": "kilowatt-hour", "mwh": "megawatt-hour", "gwh": "gigawatt-hour",
    "twh": "terawatt-hour", "kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt",
    "\u03bcg": "microgram", "sqm": "square-metre", "sqft": "square-foot", "sqkm": "square-kilometre",
}  # fmt: skip
"""Unit symbols written against the digits or after them ("35km", "21C", "2.1 mm"); the
micro sign is also listed as the Greek mu that folding (NFKC) makes of it."""


def canonical_unit(noun: str) -> str:
    """The unit a (singular, folded) noun names, in its listed spelling, or the noun."""
    if len(noun) > 1 and noun in ABBREVIATIONS:
        return ABBREVIATIONS[noun]
    return SPELLINGS.get(noun, noun)


PER_TIME_RE = regex.compile(
    r"(?:[ \u00a0]?/[ \u00a0]?|(?:\G|(?<![ \u00a0]))[ \u00a0]++(?:per|an?)[ \u00a0]+)"
    r"(?P<t>h|hr|hour|s|sec|second)(?![\p{L}\p{N}])",
    regex.IGNORECASE,
)
"""What makes a length a speed: "/h", " per hour", " a second" right after it."""
_PER_TIME = {"h": "hour", "hr": "hour", "hour": "hour", "s": "second", "sec": "second"}


def speed_after(text: str, pos: int, unit: str) -> tuple[str, int] | None:
    """When the length ``unit`` that ends at ``pos`` is followed by a time it is divided
    by ("km/h", "metres per second"), the speed unit and where it ends; else None. A
    length symbol read as a noun ("m") is one before a slash ("8 m/s")."""
    short = ABBREVIATIONS.get(unit, "") if unit not in DIMENSIONS else ""
    if DIMENSIONS.get(short or unit, ("",))[0] != "length":
        return None
    m = PER_TIME_RE.match(text, pos)
    if m is None or (short and not m.group().lstrip(" \u00a0").startswith("/")):
        return None  # a one-letter symbol ("m") is a length only in a symbol ("8 m/s")
    unit = short or unit
    t = m.group("t").lower()
    return f"{unit}/{_PER_TIME.get(t, t)}", m.end()


_PER_PART_RE = regex.compile(
    r"[ \u00a0]+per[ \u00a0]+(million|billion|trillion)\b", regex.IGNORECASE
)


def per_part_after(text: str, pos: int, unit: str) -> tuple[str, int] | None:
    """When the noun ``unit`` ("part") ending at ``pos`` is followed by "per million"
    ("billion", "trillion"), the concentration unit ("ppm") and where it ends."""
    if unit != "part":
        return None
    m = _PER_PART_RE.match(text, pos)
    if m is None:
        return None
    return f"pp{m.group(1)[0].lower()}", m.end()


def dimension(unit: str) -> str:
    """The dimension ``unit`` measures ("time", "length", ...), "" for a count's noun."""
    d = DIMENSIONS.get(unit)
    return d[0] if d else ""


def in_base(value: str, unit: str) -> Decimal | None:
    """``value`` of ``unit`` in its dimension's base unit (None if it has none, or the
    value is no plain number)."""
    d = DIMENSIONS.get(unit)
    if d is None:
        return None
    try:
        if unit in CLOCK_UNITS and ":" in value:
            parts = [Decimal(p) for p in value.split(":")]
            return sum(p / 60**i for i, p in enumerate(parts)) * d[1]
        return Decimal(value) * d[1]
    except ArithmeticError:
        return None


_CUSTOMARY = {
    frozenset({"week", "month"}): (("week", Fraction(4)), ("week", Fraction(52, 12))),
    frozenset({"day", "month"}): (("day", Fraction(30)), ("day", Fraction(365, 12))),
    frozenset({"week", "year"}): (("week", Fraction(52)),),
    frozenset({"day", "year"}): (("day", Fraction(365)),),
}
"""The smaller unit's count in one of the larger, as spans of time are reckoned in
speech: a month is four weeks, or 30 days, or its share of the year's 52 weeks or 365
days where that is a whole (13 weeks are three months; nine weeks are not two months
but a rounding of them); a year is 52 weeks or 365 days."""


def same_span(a: str, unit_a: str, b: str, unit_b: str) -> bool:
    """Are ``a`` of ``unit_a`` and ``b`` of ``unit_b`` one span of time as it is reckoned
    in speech ("12 weeks" and "three months", "30 days" and "a month")?"""
    sizes = _CUSTOMARY.get(frozenset({unit_a, unit_b}))
    if sizes is None or unit_a == unit_b:
        return False
    try:
        x, y = Decimal(a), Decimal(b)
    except ArithmeticError:
        return False
    small, large = (x, y) if unit_a == sizes[0][0] else (y, x)
    return any(Fraction(small) == Fraction(large) * size for _, size in sizes)
