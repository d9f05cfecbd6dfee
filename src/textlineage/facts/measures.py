"""Measures the number reader does not see whole: a size in two lengths ("52cm by 73cm"),
a time in parts ("2 hours 2 minutes 41
seconds", one time, the same as "2:02:41"; "seven years and six months", 7.5 years), a unit written against the digits ("35km",
"21C"), and one unit with a qualifier and no digit ("almost a minute", "nearly half an
hour").

Each is one number fact whose noun is the unit (:mod:`.units`), so it is matched like any
measure; they are read before the other numbers, which they block.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import regex

from ..types import Fact
from .forms import collapse, digits, fmt, singular
from .items import Item, mark, overlaps
from .numeric import Patterns
from .units import ABBREVIATIONS, DIMENSIONS, canonical_unit, speed_after
from .vocab import SMALL_NUM, TENS_NUM

_PART = r"(?P<{name}>\d{{1,2}}{one})(?:[ \u00a0]+{unit}s?|[ \u00a0]?{short})"
_SEP = r"(?:,?[ \u00a0]+(?:and[ \u00a0]+)?)"
_H, _M, _S = (
    {"unit": "hour", "short": "(?:hrs?|h)", "one": r"|(?i:an|one)(?=[ \u00a0]+hour\b)"},
    {"unit": "minute", "short": "(?:mins?|m)", "one": ""},
    {"unit": "second", "short": "(?:secs?|s)", "one": ""},
)  # "an hour and 40 minutes": 1:40
_HMS_RE = regex.compile(
    r"(?<![\p{L}\p{N}.,:])"
    r"(?:" + _PART.format(name="h", **_H) + _SEP + _PART.format(name="m", **_M)
    + r"(?:" + _SEP + _PART.format(name="s", **_S) + r")?"
    r"|" + _PART.format(name="m2", **_M) + _SEP + _PART.format(name="s2", **_S)
    + r")(?![\p{L}\p{N}])"
)  # fmt: skip
"""A time in parts, its units written out or short ("4hrs 26mins 03secs", "1min 14sec",
"2h 05m")."""
_SPELLED_SMALL = "|".join(sorted((*SMALL_NUM, *TENS_NUM), key=len, reverse=True))
_AND_A_HALF_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.,])(?:(?P<a>\d{{1,3}}|(?i:{_SPELLED_SMALL}))[ \u00a0-]+(?i:and)"
    r"[ \u00a0-]+(?i:a)[ \u00a0-]+(?i:half)[ \u00a0-]+(?P<u>\p{L}+)"
    r"|(?P<one>(?i:an?|one))[ \u00a0]+(?P<u2>\p{L}+)[ \u00a0]+(?i:and)[ \u00a0]+(?i:a)[ \u00a0]+"
    r"(?i:half))(?![\p{L}\p{N}])"
)
"""A measure and a half ("three and a half hours", "an hour and a half": 3.5, 1.5)."""
_TWO_UNITS_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.,])(?P<a>\d{{1,3}}|(?i:{_SPELLED_SMALL}))[ \u00a0]+"
    r"(?P<ua>(?i:years?|weeks?|days?))"
    rf",?[ \u00a0]+(?i:and)[ \u00a0]+(?P<b>\d{{1,2}}|(?i:{_SPELLED_SMALL}))[ \u00a0]+"
    r"(?P<ub>(?i:months?|days?|hours?))(?![\p{L}\p{N}])"
)
"""A time in two units ("seven years and six months": 7.5 years)."""
_A_UNIT_RE = regex.compile(
    r"(?<![\p{L}])(?i:an?)[ \u00a0]+(?P<u>(?i:foot|inch|yard|mile|metre|meter|kilometre|kilometer"
    r"|kilogram|kilo|tonne|ton|litre|liter|gallon))(?![\p{L}\p{N}-])"
)
"""One unit of measure said with "a" after a qualifier ("up to a foot", "nearly a mile",
"more than a tonne"): the number 1. Without a qualifier "a foot" is more often no measure
("a foot injury"); "a foot of floodwater", what is
measured named after it, is one too ("a ton of" is left alone: as often "a lot of")."""
_SCALE_OF_RE = regex.compile(
    r"(?<![\p{L}])(?i:level|category|stage|grade|tier|phase|step)[ \u00a0]+\d{1,2}"
    r"[ \u00a0]+(?P<of>(?i:out[ \u00a0]+of|of)[ \u00a0]+(?P<size>\d{1,2}))(?![\p{L}\p{N}.,])"
)
"""A step on a scale told with the scale's size ("level 2 of 5", "stage 2 out of 5"): the
size is a fact of its own, read with its "of"."""
SCALE_SIZE = "steps on a scale"
"""The noun of a scale's size."""
_PENCE_RE = regex.compile(
    r"(?<![\p{L}\p{N}\p{Sc}.,])(?P<num>\d{1,2}(?:\.\d{1,2})?)p(?![\p{L}\p{N}])"
)
"""An amount in pence written with "p" ("5.4p", "45p"); not three digits or more, as
"1080p" is a picture's lines."""
_PENCE = canonical_unit(singular("pence"))
_A_UNIT_OF_RE = regex.compile(r"(?<!(?i:ton))[ \u00a0]+(?i:of)[ \u00a0]+\p{L}")
_PART_OF_RE = regex.compile(r"(?<![\p{L}])(?i:of|half)[ \u00a0]+$")
"""A fraction's "of" or "half" before "a foot" ("a quarter of a mile"): a part of it."""
_GLUED_RE = regex.compile(
    r"(?<![\p{L}\p{N}.,])(?P<num>-?\d++(?:\.\d++)?+)"
    r"(?:(?P<abbr>km|mm|cm|kg|mg|ha|mph|kph|in|ft|lbs?|ml|oz)|[ \u00a0]?(?P<deg>°[CF])|(?P<temp>[CF])"
    r"|[ \u00a0]?(?P<gram>g)"
    r"|(?<=(?i:within)[ \u00a0]+\d+(?:\.\d+)?)(?P<abbr2>m)"
    r"|(?<=(?<![\p{Sc}\p{N}.,])\d+(?:\.\d+)?)(?P<abbr3>m)(?=[ \u00a0]+(?i:away|long|high|wide|deep|tall"
    r"|below|above|upstream|downstream|offshore)\b)"
    r"|[ \u00a0]?(?P<energy>[kMGT]Wh?)"
    r"|[ \u00a0]+(?i:degrees?)[ \u00a0]+(?P<scale>Fahrenheit|Celsius|centigrade|[CF]))"
    r"(?![\p{L}\p{N}])"
)
"""A number glued to its unit ("35km", "12ft", "6lb", "40°C", "5kWh"; grams also after a
space: "31.1 g", "250g"). A glued "m" is metres only
after "within" or before a word of distance or size ("within 200m of", "40m long",
"30m below"), never after a currency sign ("£200m" is money)."""
_LENGTH_UNIT = (
    r"(?:mm|cm|km|m|ft|(?i:(?:milli|centi|kilo)?(?:metres?|meters?)|feet|foot|inch(?:es)?"
    r"|yards?|miles?))"
)
_SIZE_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.,])(?P<a>\d+(?:\.\d+)?)(?:[ \u00a0]?{_LENGTH_UNIT})?"
    rf"(?:[ \u00a0]*[x×][ \u00a0]*|[ \u00a0]+by[ \u00a0]+)"
    rf"(?P<b>\d+(?:\.\d+)?)[ \u00a0]?(?P<unit>{_LENGTH_UNIT})(?![\p{{L}}\p{{N}}])"
)
"""A size in two lengths ("52cm by 73cm", "3m x 4m", "20 by 30 metres"): one fact."""
_SIZE3_RE = regex.compile(
    r"(?<![\p{L}\p{N}.,])(?P<a>\d+(?:\.\d+)?)[ \u00a0]*[x×][ \u00a0]*(?P<b>\d+(?:\.\d+)?)"
    r"[ \u00a0]*[x×][ \u00a0]*(?P<c>\d+(?:\.\d+)?)[ \u00a0]?"
    rf"(?P<unit>{_LENGTH_UNIT}|in\.?)(?![\p{{L}}\p{{N}}])"
)
"""A size in three lengths ("13.8 x 12.2 x 16.1 in": after three lengths, "in" is
inches): one fact."""
_UNIT_RANGE_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.,])(?P<a>\d{{1,3}}|(?i:an?|{_SPELLED_SMALL}))[ \u00a0]+"
    r"(?P<ua>(?i:second|minute|hour|day|week|month|year))s?[ \u00a0]+(?i:to|or)[ \u00a0]+"
    rf"(?P<b>\d{{1,3}}|(?i:{_SPELLED_SMALL}))[ \u00a0]+(?P<ub>(?i:second|minute|hour|day|week"
    r"|month|year))s?(?![\p{L}\p{N}])"
)
"""A range of times with the unit written twice ("a week to two weeks", "one day or two
days"): one range of that unit."""
_DECADES = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
_AGE_RE = regex.compile(
    r"(?<![\p{L}])(?i:in[ \u00a0]+(?:his|her|their)[ \u00a0]+)"
    r"(?P<part>(?i:early|mid|late)[ \u00a0-]+)?"
    rf"(?P<decade>(?i:{'|'.join(_DECADES)}))(?![\p{{L}}])"
)
"""An age given as a decade of life ("in his fifties", "in her late thirties"): the
range of ages it holds, as a count of years of age ("52-year-old")."""
_DECADE_PART = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_DURATION_CUE_RE = regex.compile(r"(?<![\p{L}])(?i:for|after|within|lasting)[ \u00a0]+$")
"""Words after which "a year", "an hour" is a length of time ("talks broke down after a
year"), not a rate ("twice a year") or a point ("a year ago")."""
_POINT_AFTER_RE = regex.compile(
    r"(?:\G|(?<![ \u00a0]))[ \u00a0]++(?i:earlier|ago|before|later|previously)(?![\p{L}])"
)
_TEMPERATURE_RE = regex.compile(r"-?\d{1,2}(?:\.\d)?")
"""The number before a bare "C" or "F" that reads as a temperature ("43.6C", "-5C"; not
"1500C", a model)."""
_ONE_UNIT_RE = regex.compile(
    r"(?<![\p{L}-])(?P<half>(?i:half|(?:(?P<n>a|one|three)[ \u00a0-]+)?quarters?[ \u00a0]+of)[ \u00a0]+)?"
    r"(?i:an?|another)[ \u00a0]+"
    r"(?P<single>(?i:single)[ \u00a0]+)?(?P<unit>(?i:second|minute|hour|day|week|month|year|decade|century))(?![\p{L}\p{N}'’-])"
)


def find_measures(
    text: str, doc: int, num_mask: bytearray, name_mask: bytearray, pats: Patterns
) -> list[Item]:
    """The times in parts, units written against the digits, and qualified single units of
    ``text`` outside ``num_mask``; marks them in both masks."""
    out: list[Item] = []
    for m in _HMS_RE.finditer(text):
        if m.group("h"):
            h = int(m.group("h")) if m.group("h").isdigit() else 1
            mi, s = int(m.group("m")), m.group("s")
            value = f"{h}:{mi:02d}" + (f":{int(s):02d}" if s else "")
            unit = "h:m:s" if s else "h:m"
        else:
            value = f"{int(m.group('m2'))}:{int(m.group('s2')):02d}"
            unit = "m:s"
        _add_qualified(out, text, doc, m.span(), value, unit, num_mask, name_mask, pats)
    for m in _AND_A_HALF_RE.finditer(text):
        unit = canonical_unit(singular((m.group("u") or m.group("u2")).lower()))
        if DIMENSIONS.get(unit, ("",))[0] not in ("time", "length", "mass", "area"):
            continue
        whole = Decimal(1) if m.group("one") else _small_number(m.group("a"))
        if not whole:
            continue
        value = fmt(whole + Decimal("0.5"))
        _add_qualified(out, text, doc, m.span(), value, unit, num_mask, name_mask, pats)
    for m in _A_UNIT_RE.finditer(text) if pats.english else ():  # "up to a foot"
        q = pats.qualifier.search(text, max(0, m.start() - 40), m.start())
        if q is not None and overlaps(num_mask, q.start(), q.end()):
            continue
        if q is None and (
            not _A_UNIT_OF_RE.match(text, m.end())
            or _PART_OF_RE.search(text, max(0, m.start() - 8), m.start())
        ):
            continue
        unit = canonical_unit(singular(m.group("u").lower()))
        _add_qualified(out, text, doc, m.span(), "1", unit, num_mask, name_mask, pats)
    for m in _TWO_UNITS_RE.finditer(text):
        ua, ub = (canonical_unit(singular(m.group(k))) for k in ("ua", "ub"))
        big, small = DIMENSIONS[ua][1], DIMENSIONS[ub][1]
        if small >= big:
            continue
        a, b = (_small_number(m.group(k)) for k in ("a", "b"))
        value = fmt((a + b * small / big).quantize(Decimal("0.01")))
        _add(out, text, doc, m.span(), value, ua, "", num_mask, name_mask)
    for m in _SIZE3_RE.finditer(text):
        size = "x".join(fmt(Decimal(m.group(k))) for k in ("a", "b", "c"))
        raw_unit = m.group("unit").lower().rstrip(".")
        unit = ABBREVIATIONS.get(raw_unit) or canonical_unit(singular(raw_unit))
        unit = "inch" if raw_unit == "in" else unit
        _add(out, text, doc, m.span(), size, unit, "", num_mask, name_mask)
    for m in _unit_ranges(text):
        if m.group("ua").lower() != m.group("ub").lower():
            continue
        low = m.group("a").lower()
        a = Decimal(1) if low in ("a", "an") else _small_number(m.group("a"))
        b = _small_number(m.group("b"))
        if not 0 < a < b:
            continue
        unit = canonical_unit(m.group("ua").lower())
        _add(out, text, doc, m.span(), f"{fmt(a)}-{fmt(b)}", unit, "", num_mask, name_mask)
    for m in _AGE_RE.finditer(text):
        base = _DECADES[m.group("decade").lower()]
        part = (m.group("part") or "").strip(" \u00a0-").lower()
        lo, hi = _DECADE_PART.get(part, (0, 9))
        _add(
            out,
            text,
            doc,
            m.span(),
            f"{base + lo}-{base + hi}",
            "year-old",
            "",
            num_mask,
            name_mask,
        )
    for m in _SIZE_RE.finditer(text):
        size = "x".join(fmt(Decimal(m.group(k))) for k in ("a", "b"))
        raw_unit = m.group("unit").lower()
        unit = ABBREVIATIONS.get(raw_unit) or canonical_unit(singular(raw_unit))
        _add(out, text, doc, m.span(), size, unit, "", num_mask, name_mask)
    _glued_ranges(text, doc, num_mask, name_mask, out)
    for m in _GLUED_RE.finditer(text):
        raw = m.group("abbr") or m.group("deg") or m.group("temp") or m.group("energy")
        raw = raw or m.group("abbr2") or m.group("abbr3") or m.group("gram")  # "within 200m"
        if m.group("scale"):
            raw = "f" if m.group("scale")[0] == "F" else "c"  # "86 degrees Fahrenheit"
        if m.group("temp") and not _TEMPERATURE_RE.fullmatch(m.group("num")):
            continue  # "1500C": a model, not a temperature
        value = fmt(Decimal(digits(m.group("num"))))
        q = pats.qualifier.search(text, max(0, m.start() - 40), m.start())
        if q is not None and overlaps(num_mask, q.start(), q.end()):
            q = None
        s = q.start() if q is not None else m.start()
        qual = collapse(q.group()).lower() if q is not None else ""
        unit = ABBREVIATIONS.get(raw.lower()) or canonical_unit(raw.lower())
        unit = "inch" if raw == "in" else unit  # "12.9in": only against the digits
        end = m.end()
        speed = speed_after(text, end, unit)
        if speed is not None:
            unit, end = speed
        _add(out, text, doc, (s, end), value, unit, qual, num_mask, name_mask, pats)
    for m in _SCALE_OF_RE.finditer(text) if pats.english else ():  # "level 2 of 5"
        _add(out, text, doc, m.span("of"), m.group("size"), SCALE_SIZE, "", num_mask, name_mask)
    for m in _PENCE_RE.finditer(text) if pats.english else ():  # "5.4p a share"
        q = pats.qualifier.search(text, max(0, m.start() - 40), m.start())
        if q is not None and overlaps(num_mask, q.start(), q.end()):
            q = None
        qual = collapse(q.group()).lower() if q is not None else ""
        value = fmt(Decimal(m.group("num")))
        span = (q.start() if q is not None else m.start(), m.end())
        _add(out, text, doc, span, value, _PENCE, qual, num_mask, name_mask, pats)
    for m in _ONE_UNIT_RE.finditer(text):
        q = pats.qualifier.search(text, max(0, m.start() - 40), m.start())
        cue = m.group("unit").lower() != "second" and _DURATION_CUE_RE.search(
            text, max(0, m.start() - 12), m.start()
        )
        if q is None and not m.group("half") and not m.group("single") and not cue:
            continue  # "a minute's silence", "a year ago", "for a second time": no measure
        if _POINT_AFTER_RE.match(text, m.end()):
            continue  # "more than a year earlier": a point in time, not a length
        s = q.start() if q is not None else m.start()
        qual = collapse(q.group()).lower() if q is not None else ""
        half = (m.group("half") or "").lower()
        value = "1" if not half else "0.5" if half.startswith("half") else "0.25"
        value = (
            "0.75" if (m.group("n") or "").lower() == "three" else value
        )  # "three-quarters of an hour"
        unit = canonical_unit(m.group("unit").lower())
        _add(out, text, doc, (s, m.end()), value, unit, qual, num_mask, name_mask, pats)
    return out


_GLUED_GAP_RE = regex.compile(
    r"(?:\G|(?<![ \u00a0]))(?:[ \u00a0]*+[–—-][ \u00a0]*|[ \u00a0]++(?i:and)[ \u00a0]+)"
)
_GLUED_BETWEEN_RE = regex.compile(r"(?i:between)[ \u00a0]+$")


def _glued_ranges(
    text: str, doc: int, num_mask: bytearray, name_mask: bytearray, out: list[Item]
) -> None:
    """Two lengths or masses of one unit written against the digits, as a range ("40mm-60mm",
    "between 40mm and 60mm": one range, 40-60 millimetres)."""
    found = [m for m in _GLUED_RE.finditer(text) if m.group("abbr")]
    for m1, m2 in pairwise(found):
        gap = _GLUED_GAP_RE.fullmatch(text, m1.end(), m2.start())
        if gap is None or m1.group("abbr") != m2.group("abbr") or m1.group("abbr") == "in":
            continue
        lo, hi = Decimal(digits(m1.group("num"))), Decimal(digits(m2.group("num")))
        before = _GLUED_BETWEEN_RE.search(text, max(0, m1.start() - 9), m1.start())
        if not lo < hi or (gap.group().strip().lower() == "and" and before is None):
            continue
        s = before.start() if before is not None else m1.start()
        unit = ABBREVIATIONS.get(m1.group("abbr").lower(), m1.group("abbr").lower())
        _add(out, text, doc, (s, m2.end()), f"{fmt(lo)}-{fmt(hi)}", unit, "", num_mask, name_mask)


_TIME_WORDS = tuple(
    f"{u}{s}"
    for u in ("second", "minute", "hour", "day", "week", "month", "year")
    for s in ("", "s")
)


def _unit_ranges(text: str) -> list[regex.Match[str]]:
    """The matches of :data:`_UNIT_RANGE_RE`, looked for only around " to " or " or "
    after a unit of time (plain string search: the pattern is costly to try everywhere)."""
    low = text.lower()
    out: dict[tuple[int, int], regex.Match[str]] = {}
    for word in (" to ", " or "):
        i = low.find(word)
        while i != -1:
            if low.endswith(_TIME_WORDS, max(0, i - 8), i):
                for m in _UNIT_RANGE_RE.finditer(text, max(0, i - 30), min(len(text), i + 40)):
                    if m.start() <= i < m.end():
                        out[m.span()] = m
            i = low.find(word, i + 1)
    return [out[k] for k in sorted(out)]


def _add_qualified(
    out: list[Item],
    text: str,
    doc: int,
    span: tuple[int, int],
    value: str,
    unit: str,
    num_mask: bytearray,
    name_mask: bytearray,
    pats: Patterns,
) -> None:
    """:func:`_add` with the qualifier right before ``span`` ("around 3 hours 25
    minutes")."""
    q = pats.qualifier.search(text, max(0, span[0] - 40), span[0])
    if q is not None and overlaps(num_mask, q.start(), q.end()):
        q = None
    s = q.start() if q is not None else span[0]
    qual = collapse(q.group()).lower() if q is not None else ""
    _add(out, text, doc, (s, span[1]), value, unit, qual, num_mask, name_mask, pats)


def _small_number(word: str) -> Decimal:
    w = word.lower()
    return Decimal(w) if w.isdigit() else Decimal(SMALL_NUM.get(w, 0) + TENS_NUM.get(w, 0))


def _add(
    out: list[Item],
    text: str,
    doc: int,
    span: tuple[int, int],
    value: str,
    unit: str,
    qual: str,
    num_mask: bytearray,
    name_mask: bytearray,
    pats: Patterns | None = None,
) -> None:
    s, e = span
    if overlaps(num_mask, s, e):
        return
    qcls = pats.qual_class.get(qual, "") if pats is not None else ""
    fact = Fact("number", text[s:e], (s, e), doc, value)
    out.append(
        Item(fact, "number", (value, unit, "", qcls), qual=qual, qcls=qcls, unit=unit, core=value)
    )
    mark(num_mask, s, e)
    mark(name_mask, s, e)
