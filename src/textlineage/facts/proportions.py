"""Shares and multiples written in words: fractions ("half", "a third", "two-thirds"; of
one unit, "a quarter of a percentage point", "a half-point cut": 0.25 and 0.5 point),
ratios ("one in five", "1 in 10"), scores ("4.5/5"), a number and a half of a scale
("two and a half million"), a pair ("a pair of ports": 2) and multiplier verbs ("doubled", "halved").

A share is read as the percentage it is, so "a fifth", "one in five" and "20 per cent" are
one value and "nearly half" → "half" is a qualifier dropped from one number, as "nearly
50 per cent" → "50 per cent" is. A multiplier verb is a number whose unit is
:data:`~.units.MULTIPLE` ("more than doubled" → "doubled": a qualifier dropped).

A fraction word is also an ordinal ("a third term", "the second half"): it is read as a
share only where a share stands, before "of", a verb or a preposition, at the end of a
clause, or after "by", "than" or a qualifier.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import regex

from ..types import Fact
from .forms import collapse, fmt, singular
from .items import Item, mark, overlaps
from .numeric import Patterns
from .units import DIMENSIONS, MULTIPLE, PERCENT, canonical_unit
from .vocab import SMALL_NUM, TENS_NUM


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
_NUMERATORS = {"a": 1, "an": 1, "one": 1, **{k: v for k, v in SMALL_NUM.items() if v < 10}}
_MULTIPLIERS: dict[str, str] = {
    "doubled": "2", "doubling": "2", "tripled": "3", "trebled": "3", "tripling": "3",
    "quadrupled": "4", "quadrupling": "4", "halved": "0.5", "halving": "0.5",
}  # fmt: skip
_COUNT = rf"\d{{1,3}}|{'|'.join(sorted({*SMALL_NUM, *TENS_NUM}, key=len, reverse=True))}|an?"

_FRACTION_RE = regex.compile(
    r"(?<![\p{L}\p{N}-])"
    r"(?:(?P<num>(?i:an?|one|two|three|four|five|six|seven|eight|nine))[ \u00a0-]+)?"
    rf"(?P<den>(?i:{'|'.join(sorted(_DENOMINATORS, key=len, reverse=True))}))"
    r"(?![\p{L}\p{N}-])"
)
_RATIO_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.,-])(?P<n>(?i:{_COUNT}))[ \u00a0]+(?i:in|out[ \u00a0]+of)"
    rf"[ \u00a0]+(?:(?i:every)[ \u00a0]+)?(?P<d>(?i:{_COUNT}))(?![\p{{L}}\p{{N}}-])"
)
_SCORE_RE = regex.compile(
    r"(?<![\p{N}.,/])(?P<n>\d{1,3}(?:\.\d{1,2})?)/(?P<d>5|10|20|100)(?![\p{N}/.,]\p{N}|[\p{N}/])"
)
"""A score out of a round total written with a slash ("4.5/5", "8/10"): a share, as "4
out of 5" is (a date's day and month are never both followed by one of these totals
and nothing more)."""
_HALF_SCALE_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.,-])(?P<n>(?i:{_COUNT}))[ \u00a0]+(?i:and)[ \u00a0]+(?i:a)[ \u00a0]+"
    r"(?i:half)(?:[ \u00a0]+(?P<scale>(?i:hundred|thousand|million|billion)))?"
    r"(?:[ \u00a0]+(?:(?i:percentage)[ \u00a0]+)?(?P<noun>\p{Ll}{3,}s))?(?![\p{L}\p{N}])"
)
"""A number and a half of a scale or of what it counts: "two and a half million people"
(2,500,000), "two and a half percentage points" (2.5 points, as "2.5 percentage
points" is read)."""
_PAIR_RE = regex.compile(
    r"(?<![\p{L}\p{N}-])(?i:a)[ \u00a0]+(?i:pair)[ \u00a0]+(?i:of)[ \u00a0]+"
    r"(?:[\p{L}\p{N}-]+[ \u00a0]+){0,2}?(?P<noun>\p{Ll}{3,}s)(?![\p{L}\p{N}])"
)
"""Two things said as a pair: "a pair of USB-C ports" (as "two USB-C ports")."""
_SCALES = {"one": 1, "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_MULTIPLIER_RE = regex.compile(
    rf"(?<![\p{{L}}-])(?P<verb>(?i:{'|'.join(_MULTIPLIERS)}))(?![\p{{L}}-])"
)
_PART_OF_UNIT_RE = regex.compile(
    r"(?<![\p{L}\p{N}-])(?:(?P<num>(?i:an?|one|two|three))[ \u00a0-]+)?"
    r"(?P<den>(?i:half|quarters?|thirds?))[ \u00a0]+(?:(?:(?i:of)[ \u00a0]+)?(?i:an?)[ \u00a0]+)?"
    r"(?:(?i:percentage)[ \u00a0]+)?(?P<unit>\p{L}+)(?![\p{L}])"
)
"""A fraction of one unit: "a quarter of a percentage point" (0.25 point), "half a mile",
"a quarter of a meter", "a quarter mile", "a quarter point" (any unit of measure but
time, :mod:`.units`)."""
_PART_POINT_RE = regex.compile(
    r"(?<![\p{L}\p{N}-])(?P<den>(?i:half|quarter))-(?:(?i:percentage)-)?(?i:point)(?![\p{L}-])"
)
"""A fraction of a percentage point as a compound adjective: "a half-point cut"."""
_NEXT_WORD_RE = regex.compile(r"[ \u00a0]*(?P<w>[\p{L}']+|[^\p{L}\p{N}\s]|$)")
_PREV_WORD_RE = regex.compile(r"(?:\G|(?<!\p{L}))(?P<w>\p{L}++)[ \u00a0]+$")
_SHARE_BEFORE = frozenset({"by", "than", "to", "down", "up", "cut", "fell", "rose", "nearly"})
_SHARE_AFTER = _words(
    """of the its their his her our your these those all had have has were was are is
    will would could may might said say says on in at since after before from to and or
    but than for with while as less more fewer lower higher lighter heavier cheaper dearer
    faster slower quicker smaller larger bigger longer shorter thinner thicker wider
    narrower stronger weaker greater"""
)
"""Words that may follow a share (not the noun an ordinal stands before)."""
_SCALE_AFTER_HALF = regex.compile(
    r"[ \u00a0]+(?i:an?)[ \u00a0]+(?i:dozen|hundred|thousand|million|billion)(?![\p{L}])"
)
_OF_SCALE = regex.compile(r"[ \u00a0]+(?i:of)" + _SCALE_AFTER_HALF.pattern)
"""What follows "a quarter" that makes it part of a number ("a quarter of a million")."""
_ORDINAL_BEFORE = frozenset({"first", "second", "third", "fourth", "last", "final", "the"})
_WORD_VALUES = {"a": 1, "an": 1, **SMALL_NUM, **TENS_NUM}


def _percent(n: int, d: int) -> str:
    return fmt((Decimal(100) * n / d).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _count(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return _WORD_VALUES.get(w)


def find_proportions(
    text: str, doc: int, num_mask: bytearray, name_mask: bytearray, pats: Patterns
) -> list[Item]:
    """The shares and multiples of English ``text`` outside ``num_mask``, as numbers of
    unit ``%`` or ``×``; marks them in both masks."""
    out: list[Item] = []
    for m in _RATIO_RE.finditer(text):
        n, d = _count(m.group("n")), _count(m.group("d"))
        whole = "out" in m.group().lower()  # "7 out of 7": a full score, as "7/7" is
        if n is None or d is None or not (0 < n < d or (whole and 0 < n == d)):
            continue
        _add(out, text, doc, m.span(), _percent(n, d), PERCENT, num_mask, name_mask, pats)
    for m in _HALF_SCALE_RE.finditer(text):
        n = _count(m.group("n"))
        if n is None:
            continue
        noun, scale = m.group("noun"), m.group("scale")
        if noun is None and scale is None:
            continue  # "two and a half" alone: no count told
        value = fmt((Decimal(n) + Decimal("0.5")) * _SCALES[scale.lower() if scale else "one"])
        unit = canonical_unit(singular(noun.lower())) if noun else ""
        _add(out, text, doc, m.span(), value, unit, num_mask, name_mask, pats)
    for m in _PAIR_RE.finditer(text):
        unit = canonical_unit(singular(m.group("noun").lower()))
        _add(out, text, doc, m.span(), "2", unit, num_mask, name_mask, pats)
    for m in _SCORE_RE.finditer(text):
        score, total = Decimal(m.group("n")), int(m.group("d"))
        if score <= total:
            value = fmt((100 * score / total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
            _add(out, text, doc, m.span(), value, PERCENT, num_mask, name_mask, pats)
    for m in _PART_OF_UNIT_RE.finditer(text):
        den = _DENOMINATORS[m.group("den").lower()]
        num = 1 if den == 2 else _NUMERATORS.get((m.group("num") or "a").lower(), 0)
        if num and num < den:
            value = fmt((Decimal(num) / den).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
            unit = canonical_unit(singular(m.group("unit").lower()))
            if unit != "point" and DIMENSIONS.get(unit, ("time",))[0] == "time":
                continue  # "half a dozen"; times ("half an hour") are the measures
            _add(out, text, doc, m.span(), value, unit, num_mask, name_mask, pats)
    for m in _PART_POINT_RE.finditer(text):
        value = fmt(Decimal(1) / _DENOMINATORS[m.group("den").lower()])
        _add(out, text, doc, m.span(), value, "point", num_mask, name_mask, pats)
    for m in _FRACTION_RE.finditer(text):
        den = _DENOMINATORS[m.group("den").lower()]
        plural = m.group("den").lower().endswith("s") and den != 2
        num = _NUMERATORS.get((m.group("num") or "").lower(), 0)
        if den == 2:  # "half", "a half", "one half"
            num = 1
            if m.group("num") and m.group("num").lower() not in ("a", "one"):
                continue
            if text[max(0, m.start() - 4) : m.start()].lower() == "and ":
                continue  # "two and a half": part of a number
            if _SCALE_AFTER_HALF.match(text, m.end()):
                continue  # "half a million": a number, read by the number reader
        elif not num or (plural and num < 2) or (not plural and num > 1):
            continue  # "the third", "a thirds": an ordinal, or no share
        elif den == 4 and _OF_SCALE.match(text, m.end()):
            continue  # "a quarter of a million": a number, read by the number reader
        if not _stands_as_share(text, m.start(), m.end(), pats):
            continue
        _add(out, text, doc, m.span(), _percent(num, den), PERCENT, num_mask, name_mask, pats)
    for m in _MULTIPLIER_RE.finditer(text):
        value = _MULTIPLIERS[m.group("verb").lower()]
        _add(out, text, doc, m.span(), value, MULTIPLE, num_mask, name_mask, pats)
    return out


def _stands_as_share(text: str, start: int, end: int, pats: Patterns) -> bool:
    """Is the fraction word at ``start:end`` a share, not an ordinal before a noun?"""
    prev = _PREV_WORD_RE.search(text, max(0, start - 20), start)
    prev_word = prev.group("w").lower() if prev else ""
    if prev_word in _ORDINAL_BEFORE:
        return False  # "the second half", "the first quarter"
    nxt = _NEXT_WORD_RE.match(text, end)
    next_word = nxt.group("w").lower() if nxt else ""
    if not next_word or not next_word[:1].isalpha() or next_word in _SHARE_AFTER:
        return True
    if len(next_word) > 4 and next_word.endswith("ed") and prev_word != "the":
        return True  # "a fifth lived alone", "one third voted": the share does something
    return prev_word in _SHARE_BEFORE or (
        pats.qualifier.search(text, max(0, start - 40), start) is not None
    )


def _add(
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
    s, e = span
    if overlaps(num_mask, s, e):
        return
    qual = ""
    q = pats.qualifier.search(text, max(0, s - 40), s)
    if q is not None and not overlaps(num_mask, q.start(), s):
        qual = collapse(q.group()).lower()
        s = q.start()
    qcls = pats.qual_class.get(qual, "")
    fact = Fact("number", text[s:e], (s, e), doc, value)
    core = text[span[0] : e]
    out.append(
        Item(fact, "number", (value, unit, "", qcls), qual=qual, qcls=qcls, unit=unit, core=core)
    )
    mark(num_mask, s, e)
    mark(name_mask, span[0], e)
