"""Numbers written in the text, with the qualifier before them and the noun after them.

Digits (``30,000``, ``1.5 million``, Persian and Arabic-Indic digits too), spelled-out
numbers (``twenty-five``), vague quantities (``hundreds of thousands``), percentages,
currencies, dimensions (``3 x 4``) and clock times, as the text's language writes them
(:mod:`.numeric`: "30.000 personas", "۳۰ هزار نفر"). A four-digit number that counts
nothing is a year and comes back as a date (in Persian text, 1300-1499 is a year of the
Iranian calendar).
"""

from __future__ import annotations

import math
from dataclasses import replace
from decimal import Decimal

import regex

from ..types import Fact
from .dates import SOLAR_HIJRI_YEARS
from .forms import collapse, digits, fmt, is_plural, singular
from .item_labels import item_label_spans
from .items import Item, mark, overlaps
from .numeric import CURRENCY, Patterns, parse_digits, patterns, phrase_key
from .units import ABBREVIATIONS, WORK_DAY, canonical_unit, dimension, per_part_after, speed_after
from .vocab import (
    NOT_UNITS,
    SCALE_NUM,
    SMALL_NUM,
    SPELLED_NUMBER,
    TENS_NUM,
    UNIT_STOP,
    VAGUE_BASE,
    WEEKDAYS,
)

_DIMENSION_RE = regex.compile(
    r"(?<![\p{L}\p{N}.,])\d+\s*[x×]\s*\d+(?:\s*[x×]\s*\d+)?(?![\p{L}\p{N}])"
)
_TIME_RE = regex.compile(r"(?<![\p{L}\p{N}:/.,])\d{1,2}:\d{2}(?::\d{2})?(?![\p{N}:])")

_RANGE_GAP_RE = regex.compile(
    r"-[ \u00a0]+(?:to|and)[ \u00a0]+|-to-(?=\d)|(?:\G|(?<![ \u00a0]))(?:[ \u00a0]*+[–—-][ \u00a0]*|[ \u00a0]++(?:to|and)[ \u00a0]+)"
)
"""Between a range's two numbers: a dash, "to", "and" (after "between"), or a hyphen left
hanging before "to" when both ends qualify one noun ("16- to 24-year-olds", "16-to-25-year-olds")."""
_BETWEEN_RE = regex.compile(r"(?i:between(?:\s+the\s+\p{L}+\s+of)?)\s+$")
_NAME_BEFORE_RE = regex.compile(r"(?<![.!?:;\n]\s*)\p{Lu}[\p{L}\p{M}]+[ \u00a0]$")
_YEAR_QUAL_RE = regex.compile(r"(?i:\b(?:until|till|by|before|after|since|from|in))\s+$")
_ONE_WAY_WORDS = frozenset({"way", "off", "time", "stop", "sided", "liner", "size"})
"""Words that make "one-" an adjective of kind, not a count: "one-way", "one-off",
"one-time", "one-stop", "one-sided", "one-liner", "one-size"."""


def _starts_one(text: str) -> bool:
    """Does a hyphenated number start with "one" ("one-way"; not "1-way", "two-way")?"""
    return text.lower().lstrip().startswith("one-")


_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter", "season"})
"""Spans of time of no fixed length: "over two summers" is during them, as "over five
years" is."""
_STAGES = frozenset({"round", "stage", "session", "leg", "heat", "lap", "phase", "instalment"})
"""Parts an event runs through: "played over seven rounds" is across them, as "over seven
years" is during them."""
_OVER_AS_MORE_RE = regex.compile(
    r"(?i:\b(?:for|of|lasting|lasted|last|took|take|takes|spent|aged|after|than|is|was"
    r"|were|are|be|been))\s+$"
)
"""Words after which "over" before a duration means "more than" ("for over five years");
elsewhere it is the preposition "during" ("over three decades, ...")."""
_AGE_AFTER_RE = regex.compile(r"[ \u00a0]+(?i:old)(?![\p{L}])")
"""After a duration that is an age ("over six months old"): "over" is "more than"."""
YEAR_BEFORE = frozenset({"in", "since", "until", "till", "during", "before", "after", "by"})
"""Words after which a four-digit number is a year even with a noun after it."""
_SQUARE_RE = regex.compile(
    r"[ \u00a0]*+(?i:sq\.?|square)[ \u00a0-]+"
    r"((?i:km|kilomet(?:re|er)s?|m|met(?:re|er)s?|mi|miles?|ft|feet|foot|yards?|yd))(?![\p{L}\p{N}])"
)
_BASIS_RE = regex.compile(
    r"[ \u00a0]?(?:نقاط|نقطة)[ \u00a0]أساس|[ \u00a0](?i:points?[ \u00a0]de[ \u00a0]base|puntos?[ \u00a0]básicos?"
    r"|basispunkte?n?|базисн\p{L}*[ \u00a0]пункт\p{L}*)(?![\p{L}])"
)
"""Basis points in other languages than English (Arabic, French, Spanish, German,
Russian): hundredths of a percentage point."""
_SCALED_TONNES_RE = regex.compile(r"[ \u00a0]?(LMT|MMT)(?![\p{L}\p{N}])")
"""Lakh and million metric tonnes, as Indian and trade reports write them ("38.9 LMT")."""
_CURRENCY_SIGN_OF = {"Rs": "₹", "INR": "₹", "N": "₦", "NGN": "₦", "Ksh": "KSh", "Sh": "KSh"}
"""A currency's letters read as its sign, so that "N600 million" and "₦600m" are one amount."""
_DIGIT_RUN_RE = regex.compile(rf"{CURRENCY}?\d+")
_WORDLIKE_RE = regex.compile(r"(?<![\p{L}\p{N}\p{M}_])[\p{L}]+")
_UNIT_WORD_RE = regex.compile(
    r"(?:\G|(?<![ \u00a0]))[ \u00a0](?![ \u00a0]{2})[ \u00a0]?+([\p{L}][\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*)"
)
"""A word of a number's noun: after one or two spaces (three or more part the columns of
a flattened table or form: "Unique reference number: 148823    Inspection dates")."""
_OF_RE = regex.compile(r"[ \u00a0]+of(?=[ \u00a0])")
_DIM_SPLIT_RE = regex.compile(r"(?:\G|(?<!\s))\s*+[x×]\s*")
_WORD_SPLIT_RE = regex.compile(r"[-\s,]+")


_ERA_BEFORE_RE = regex.compile(r"(?<![\p{L}])(?:AD|CE)[ \u00a0]+$")
"""An era written before a year ("AD 230"), between the year and its hedge."""
_MOVED_UP_TO_RE = regex.compile(
    r"(?<![\p{L}])(?i:go|goes|going|gone|went|rise|rises|rising|rose|risen|climb(?:s|ed|ing)?"
    r"|jump(?:s|ed|ing)?)[ \u00a0]+(?i:up[ \u00a0]+to)[ \u00a0]+$"
)
"""A verb of moving before "up to" ("go up to", "rose up to"): "up to" is then where a
value moves, not a qualifier that bounds it."""


_MORE_OF = frozenset({"additional", "extra", "further", "more", "full", "whole", "entire"})
"""Words before the noun a number counts that say "of the same again" ("one additional
week", "two extra days"): the noun is the next word."""


_PARTITIVE_RE = regex.compile(
    r"[ \u00a0]+of[ \u00a0]+(?i:its|their|the|our|his|her|these|those)(?=[ \u00a0]+\p{L})"
)
"""A count of a whole named after it ("all 45 of its trucks"): what the number counts is
the whole's noun."""
_ALL_BEFORE_RE = regex.compile(r"(?<![\p{L}])(?i:all)[ \u00a0]+[\p{L}\p{N},.]+$")
""""All" before the number: the count is of every one of the whole ("all 45 of its
trucks"); "three of the boats" is a part, left as a number alone."""
_NUMBER_WORD_RE = regex.compile(rf"(?i:{SPELLED_NUMBER}|one|dozens?|hundreds?|thousands?)$")
"""A number in words, which the whole's noun may not open ("of the nine regions": the
whole is counted, the part is a share of it)."""


def _unit_after(text: str, pos: int, vague: bool, pats: Patterns) -> tuple[int, list[str]]:
    """The noun phrase after a number: (end offset, words)."""
    if vague:
        m = _OF_RE.match(text, pos)
        if m is not None:
            pos = m.end()
    elif pats.english and _ALL_BEFORE_RE.search(text, max(0, pos - 30), pos):
        m = _PARTITIVE_RE.match(text, pos)
        if m is not None:
            whole_end, whole = _unit_after(text, m.end(), False, pats)
            if whole and is_plural(whole[-1]) and not _NUMBER_WORD_RE.match(whole[0]):
                return whole_end, whole
    words: list[tuple[str, int]] = []
    cur = pos
    limit = 3
    while len(words) < limit:
        m = _UNIT_WORD_RE.match(text, cur)
        if m is None:
            break
        w = m.group(1)
        lw = w.lower()
        if lw in ("and", "or") and words and limit == 3 and _plural_soon(text, m.end(), pats):
            limit = len(words) + 3  # "silver and bronze coins": words joined before the noun
        elif lw in UNIT_STOP or lw in pats.months or lw in WEEKDAYS:
            break
        words.append((w, m.end()))
        cur = m.end()
    if not words:
        return pos, []
    if words[0][0].lower() == "troy" and len(words) > 1:
        words = words[1:]  # "one troy ounce": an ounce
    for i, (w, _end) in enumerate(words):
        if is_plural(w):
            return words[i][1], [x for x, _ in words[: i + 1]]
    first = words[0][0]
    if first.lower() == "percentage" and words[1:2] and words[1][0] == "point":
        return words[1][1], [first, "point"]  # "0.25 percentage point": a point
    if first.lower() in _MORE_OF and len(words) > 1 and words[1][0][:1].islower():
        return words[1][1], [first, words[1][0]]  # "one additional month": a month
    if vague or not first[:1].islower() or first.lower() in NOT_UNITS:
        return pos, []
    if len(first) > 4 and first.lower().endswith(("ed", "ing", "ly")):
        return pos, []  # a verb or adverb ("5,000 died"), not what is counted
    return words[0][1], [first]


def _plural_soon(text: str, pos: int, pats: Patterns) -> bool:
    """Is one of the next two words after ``pos`` a plural noun, with no stop word before
    it (so "and" joins two words before what is counted)?"""
    cur = pos
    for _ in range(2):
        m = _UNIT_WORD_RE.match(text, cur)
        if m is None:
            return False
        w = m.group(1)
        if w.lower() in UNIT_STOP or w.lower() in pats.months:
            return False
        if is_plural(w) and w[:1].islower():
            return True
        cur = m.end()
    return False


def _range(
    text: str, doc: int, m: regex.Match[str], first: Item, num_mask: bytearray, pats: Patterns
) -> Item | None:
    """``first`` and the number after it as one range, when they make one: "10–15 people",
    "between 5% and 7%" (a unit at both ends only after "between"),
    "between 10 and 15", "10 to 15 percent" (not "from 10 to 15": a change of value, two
    facts), the first value below the second, and not two years ("2019–2020")."""
    if first.fact.kind != "number" or (not first.unit and first.fact.span[1] != m.end()):
        return None
    gap = _RANGE_GAP_RE.match(text, first.fact.span[1])
    if gap is None:
        return None
    word = gap.group().split()[-1].lower() if gap.group().split() else "-"
    start = first.fact.span[0]
    between = _BETWEEN_RE.search(text, max(0, start - 30), start)
    before = text[max(0, start - 9) : start].lower().split()
    if between is None and (word == "and" or first.unit):
        return None  # (both ends with their unit: only "between 40mm and 60mm")
    if word == "to" and before[-1:] == ["from"]:
        return None
    # "16-to-25-year-olds": the second number read as if spaced from the "to"
    read = text if gap.group() != "-to-" else f"{text[: gap.end() - 1]} {text[gap.end() :]}"
    m2 = pats.number.match(read, gap.end())
    if m2 is None or bool(m2.group("num")) != bool(m.group("num")) or m2.group("vague"):
        return None
    second = _number_item(read, doc, m2, None, num_mask, pats)
    if second is None or second.fact.kind != "number" or second.qual:
        return None
    if first.unit and (first.unit, first.cur) != (second.unit, second.cur):
        return None
    lo, hi = Decimal(first.fact.value), Decimal(second.fact.value)
    if m2.groupdict().get("scale") and not m.groupdict().get("scale"):
        lo *= (
            pats.scales.get(phrase_key(m2.group("scale")), 0)
            if pats.scales
            else SCALE_NUM.get(m2.group("scale").lower(), 1)
        )
    if not lo < hi or (len(first.core) == 4 and len(second.core) == 4 and first.core.isdigit()):
        return None
    s = between.start() if word == "and" and between is not None else start
    e = second.fact.span[1]
    value = f"{fmt(lo)}-{fmt(hi)}"
    cur = first.cur or second.cur
    return Item(
        Fact("number", text[s:e], (s, e), doc, value),
        "number",
        (value, second.unit, cur, first.qcls),
        qual=first.qual,
        qcls=first.qcls,
        unit=second.unit,
        cur=cur,
        core=text[m.start() : m2.end()],
    )


def spelled_value(words: str) -> int:
    """The value of an English number in words ("two hundred and fifty": 250; "three
    hundred thousand": 300000; "a dozen": 12)."""
    total = current = 0
    for w in _WORD_SPLIT_RE.split(words.lower()):
        if w in SMALL_NUM or w in TENS_NUM:
            current += SMALL_NUM.get(w, 0) + TENS_NUM.get(w, 0)
        elif w in ("a", "an"):
            current += 1
        elif w in ("hundred", "dozen"):
            current = (current or 1) * SCALE_NUM[w]
        elif w in SCALE_NUM:
            total += (current or 1) * SCALE_NUM[w]
            current = 0
    return total + current


_PART_BEFORE_RE = regex.compile(
    r"(?<![\p{L}])(?:(?P<half>(?i:half))|(?i:a)[ \u00a0]+(?i:quarter)[ \u00a0]+(?i:of))[ \u00a0]+$"
)
"""A part before a number in words opening with "a": "half", "a quarter of" ("a quarter
of a million" is 250,000)."""


def _halved(text: str, item: Item) -> Item:
    """ "half a dozen" is six: a number in words opening with "a" (a dozen, a hundred) after
    "half" is half of it, after "a quarter of" a quarter of it ("a quarter of a million":
    250,000); the span takes the part in."""
    f = item.fact
    if f.text[:2].lower() not in ("a ", "a\u00a0") or item.qual or item.vague:
        return item
    h = _PART_BEFORE_RE.search(text, max(0, f.span[0] - 24), f.span[0])
    if h is None:
        return item
    part = Decimal(2 if h.group("half") else 4)
    try:
        value = Decimal(f.value) / part
    except ArithmeticError:
        return item
    span = (h.start(), f.span[1])
    half = Fact(f.kind, text[span[0] : span[1]], span, f.doc, fmt(value))
    key = (half.value, *item.key[1:])
    return replace(item, fact=half, key=key)


def find_numbers(
    text: str, doc: int, num_mask: bytearray, name_mask: bytearray, lang: str = "und"
) -> list[Item]:
    """The numbers (and bare years) of ``text`` outside ``num_mask``, read the way ``lang``
    writes them; marks them in the masks (for names, only the number itself, not its
    noun)."""
    pats = patterns(lang)
    out: list[Item] = []
    for s, e in item_label_spans(text):  # "Motion 7": which item, no quantity
        if not overlaps(num_mask, s, e):
            mark(num_mask, s, e)
            mark(name_mask, s, e)
    for m in _DIMENSION_RE.finditer(text):
        s, e = m.span()
        if overlaps(num_mask, s, e):
            continue
        value = "x".join(digits(p) for p in _DIM_SPLIT_RE.split(m.group()))
        out.append(Item(Fact("number", m.group(), (s, e), doc, value), "number", (value, "", "")))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    for m in _TIME_RE.finditer(text):
        s, e = m.span()
        if overlaps(num_mask, s, e):
            continue
        value = digits(m.group())
        out.append(Item(Fact("number", m.group(), (s, e), doc, value), "number", (value, "", "")))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    # Anchored matches at plausible starts only: far faster than scanning every offset.
    resume = 0
    for start in _number_starts(text, pats):
        if start < resume:
            continue
        m = pats.number.match(text, start)
        if m is None:
            continue
        q = pats.qualifier.search(text, max(resume, start - 40), start)
        era = None if q is not None else _ERA_BEFORE_RE.search(text, max(resume, start - 6), start)
        if era is not None:  # "about AD 230": the hedge is the year's
            q = pats.qualifier.search(text, max(resume, era.start() - 40), era.start())
        if q is not None and _MOVED_UP_TO_RE.search(text, max(0, q.start() - 12), q.end()):
            q = None  # "prices go up to £129": where a value moves to, not a bound
        if q is not None and _compares_before(text, resume, q):
            q = None  # "17,500 fewer than three months earlier": the first number's
        item = _number_item(text, doc, m, q, num_mask, pats)
        if item is None:
            continue
        item = _range(text, doc, m, item, num_mask, pats) or item
        item = _halved(text, item)
        resume = item.fact.span[1]
        out.append(item)
        s, e = item.fact.span
        mark(num_mask, s, e)
        last = _LAST_DIGIT_RE.search(text, s, e)  # a range's second number ("K28,500 to K34,000")
        core_end = max(m.end(), last.end() if last is not None else 0)
        if item.fact.kind == "number":
            mark(name_mask, s, core_end)
        else:
            mark(name_mask, s, e)
    return out


_LAST_DIGIT_RE = regex.compile(r"\d(?!.*\d)", regex.S)


def _compares_before(text: str, resume: int, q: regex.Match[str]) -> bool:
    """Is the qualifier ``q`` a comparison ("fewer than", "more than") that follows the
    number read just before it (ending at ``resume``), so that it tells that number's
    difference, not a bound of the next one?"""
    return (
        resume > 0
        and not text[resume : q.start()].strip()
        and q.group().rstrip().lower().endswith("than")
    )


def _number_starts(text: str, pats: Patterns) -> list[int]:
    """Offsets where a number may start: digit runs, currency signs, number words."""
    starts = [m.start() for m in _DIGIT_RUN_RE.finditer(text)]
    lowered = text.lower()
    if len(lowered) == len(text):
        for w in pats.triggers:
            i = lowered.find(w)
            while i != -1:
                if i == 0 or not lowered[i - 1].isalnum():
                    starts.append(i)
                i = lowered.find(w, i + 1)
    else:  # lower() changed the length: fall back to a word scan
        starts.extend(
            m.start() for m in _WORDLIKE_RE.finditer(text) if m.group().lower() in pats.first_words
        )
    return sorted(set(starts))


def _number_item(
    text: str,
    doc: int,
    m: regex.Match[str],
    q: regex.Match[str] | None,
    num_mask: bytearray,
    pats: Patterns,
) -> Item | None:
    s, core_end = m.span()
    if overlaps(num_mask, s, core_end):
        return None
    qual = ""
    if q is not None and not overlaps(num_mask, q.start(), s):
        qual = collapse(q.group()).lower()
        s = q.start()
    cur = m.group("cur") or m.groupdict().get("cur2") or ""
    cur = "$" if cur.endswith("$") else cur
    cur = cur.rstrip(" .\u00a0")
    cur = _CURRENCY_SIGN_OF.get(cur, cur)
    vague_raw = m.group("vague")
    pct = bool(m.group("pct"))
    hy = m.group("hy") or ""
    if hy.lower() in _ONE_WAY_WORDS and _starts_one(m.group()):
        return None  # "one-way fares", "a one-off payment": a kind, no count
    value: str
    vague = ""
    if vague_raw and not pats.english:
        vague = collapse(vague_raw).lower()
        value = f"~{pats.vague[phrase_key(vague_raw)]}s"
        core = vague_raw
    elif vague_raw:
        vague = collapse(vague_raw).lower()
        words = vague.split()
        if words[0] in ("several", "a", "many"):  # "several hundred thousand": 100,000
            base = math.prod(SCALE_NUM[w] for w in words if w in SCALE_NUM)
        elif len(words) == 3:  # tens/hundreds of thousands/millions
            base = (10 if words[0] == "tens" else 100) * VAGUE_BASE[words[2]]
        else:
            base = VAGUE_BASE[words[0]]
        value = f"~{base}s"
        core = vague_raw
    elif m.group("num"):
        core = m.group("num")
        dec = parse_digits(core, pats)
        if dec is None:
            return None
        scale = m.group("scale") or ""
        if scale:
            dec *= pats.scales[phrase_key(scale)] if pats.scales else SCALE_NUM[scale.lower()]
        value = fmt(dec)
    else:
        core = m.group("word")
        if pats.english:
            total = spelled_value(core)
        else:
            total = pats.words[core.lower()]
            wscale = m.group("wscale") or ""
            if wscale:
                total *= pats.scales[phrase_key(wscale)]
        value = str(total)

    # The noun after the number.
    unit_words: list[str] = []
    if pct:
        unit_end, unit = core_end, "%"
    elif hy:
        unit_end, unit = core_end, canonical_unit(hy.lower())
        if unit == "basis-point":  # "a 25-basis-point cut": a quarter of a point
            value, unit = fmt(Decimal(value) / 100), "point"
    else:
        unit_end, unit_words = _unit_after(text, core_end, bool(vague), pats)
        unit = canonical_unit(singular(unit_words[-1])) if unit_words else ""
        if unit == "day" and len(unit_words) >= 2 and unit_words[-2].lower() in WORK_DAY:
            unit = "working day"  # "15 business days": three weeks
        if unit_words == ["m"]:
            unit = "metre"  # "86 m": a spaced small "m" after a number is metres
        if unit == "point" and unit_words[0].lower() == "basis":  # "120 basis points": 1.2 points
            value = fmt(Decimal(value) / 100)
        speed = speed_after(text, unit_end, unit) or per_part_after(text, unit_end, unit)
        if speed is not None:
            unit, unit_end = speed
        mt = _SCALED_TONNES_RE.match(text, core_end) if m.group("num") else None
        if mt is not None and not m.group("scale"):  # "210 LMT": 210 lakh tonnes
            value = fmt(Decimal(value) * (10**5 if mt.group(1) == "LMT" else 10**6))
            unit_end, unit = mt.end(), "tonne"
        sq = _SQUARE_RE.match(text, core_end)
        if sq is not None:  # "50 sq km", "99 square metres": an area
            w = singular(sq.group(1).lower())
            unit_end, unit = sq.end(), "square-" + ABBREVIATIONS.get(w, canonical_unit(w))

    b = _BASIS_RE.match(text, core_end) if unit in ("", "point") else None
    if b is not None:  # "600 نقطة أساس", "50 points de base": basis points
        value, unit, unit_end = fmt(Decimal(value) / 100), "point", b.end()
    if unit == "thing":
        return None  # "Two things stand out": a count of what the writer will say
    if unit == "plus":
        unit, qual = "", qual or "more than"  # "Sixty-plus onlookers": more than sixty
    # A capitalised number word after a capitalised word is part of a name ("Formula One").
    if m.group("word") and core[:1].isupper() and _NAME_BEFORE_RE.search(text, max(0, s - 30), s):
        return None

    # A bare "one" is a pronoun more often than a count ("one of the founders" too).
    if pats.english and m.group("word") and core.lower() == "one":
        before = text[max(0, s - 12) : s].lower().split()
        if (
            not unit
            or _PARTITIVE_RE.match(text, core_end)
            or (
                before
                and before[-1]
                in {"no", "any", "every", "each", "the", "this", "that", "which", "some", "someone"}
            )
        ):
            return None

    # A four-digit number alone is a year unless it counts something ("until at least
    # 2025": a year, its qualifier left aside).
    num = m.group("num") or ""
    year_qual = (
        bool(qual) and not unit_words and _YEAR_QUAL_RE.search(text, max(0, s - 8), s) is not None
    )
    if year_qual:
        s = m.start()
    if (
        num
        and (not qual or year_qual)
        and not (cur or m.group("scale") or pct or hy)
        and len(num) == 4
        and num.isdigit()
        and 1000 <= int(digits(num)) <= 2199
    ):
        y = int(digits(num))
        before_words = text[max(0, s - 8) : s].lower().split()
        counts = bool(unit_words) and unit_words[0][:1].islower() and is_plural(unit_words[-1])
        if counts and before_words and before_words[-1] == "the" and 1900 <= y <= 2100:
            counts = False
        if counts and before_words and before_words[-1] in YEAR_BEFORE and 1800 <= y <= 2100:
            counts = False  # "In 2019 sales rose": a year, then the sentence's subject
        if not counts and pats.lang == "fa" and SOLAR_HIJRI_YEARS[0] <= y <= SOLAR_HIJRI_YEARS[1]:
            # A year of the Iranian calendar: it overlaps two Gregorian years.
            value = f"{y} SH"
            fact = Fact("date", text[s:core_end], (s, core_end), doc, value)
            return Item(fact, "date", (value,), alts=(f"{y + 621}", f"{y + 622}"))
        if not counts:
            fact = Fact("date", text[s:core_end], (s, core_end), doc, f"{y:04d}")
            return Item(fact, "date", (f"{y:04d}",), date=(y, None, None))

    if (
        qual == "over"
        and (dimension(unit) == "time" or unit in _SEASONS or unit in _STAGES)
        and not _OVER_AS_MORE_RE.search(text, max(0, s - 12), s)
        and not _AGE_AFTER_RE.match(text, unit_end)
    ):
        qual, s = "", m.start()  # "Over five years, ...": during, not more than
    if qual == "as long as" and dimension(unit) != "time":
        qual, s = "", m.start()  # "as long as two members agree": a condition, no bound
    if overlaps(num_mask, s, unit_end):
        unit_end, unit = core_end, ""
    fact = Fact("number", text[s:unit_end], (s, unit_end), doc, value)
    key = qual if pats.english else phrase_key(qual)
    qcls = pats.qual_class.get(key) or pats.qual_class.get(key[1:], "")  # "بنحو": by about
    if not qcls and key.endswith(" of"):
        qcls = pats.qual_class.get(" ".join(key.split()[:2]), "")  # "an estimated cost of"
    return Item(
        fact,
        "number",
        (value, unit, cur, qcls),
        qual=qual,
        qcls=qcls,
        unit=unit,
        cur=cur,
        vague=vague,
        core=core,
    )
