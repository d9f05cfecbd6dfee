"""A figure the derived text says twice, reported once.

A rewrite often gives one figure of its source twice, in two roundings or two wordings: a
headline rounds the source's "£6,240" to "£6,200" and the body says "more than £6,000"; a
summary says "around 30,000 people" and later "the 30,000 displaced"; "57%" is kept and a
later line says "nearly six in ten". The number diff pairs one of the mentions with the
source figure (kept or changed) and, finding no other source figure for the second, calls
it added. A fact-checker counts one figure there: the second mention restates the first.

After matching, a number added to the derived text is folded into a kept or changed
number when it is of the same sort (money in the same currency, a share, or a bare count)
and its value is the derived value of that link, a rounding of the source value (to one
or more significant figures), or within a twentieth of it, that last only when it counts
the same noun (or names none). Small values (under ten) are left alone: small counts
coincide too often to stand for one figure.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import regex

from ..types import Fact
from .items import Result

MIN_VALUE = Decimal(10)
"""Values below this are not read as restatements: small counts coincide by chance."""
NEAR = Decimal("0.05")
"""A value within this share of the source value restates it (a slip of a digit or two,
a rounding that is not to whole significant figures)."""

_SHARE_RE = regex.compile(
    r"%|\bper\s*cent\b|\bpercent\b|\b(?:in|out\s+of)\s+(?:\d+|ten|five|four|three|a\s+hundred)\b",
    regex.I,
)
_MONEY = (
    ("£", r"£|\bpounds?\b|\bGBP\b"),
    ("$", r"\$|\bdollars?\b|\bUSD\b"),
    ("€", r"€|\beuros?\b|\bEUR\b"),
    ("¥", r"¥|\byen\b|\byuan\b"),
)
_MONEY_RES = [(sign, regex.compile(p, regex.I)) for sign, p in _MONEY]


def _sort(text: str) -> str:
    """The sort of a number's phrase: a currency sign, "%" for a share, or "" for a count."""
    for sign, rx in _MONEY_RES:
        if rx.search(text):
            return sign
    return "%" if _SHARE_RE.search(text) else ""


_NOUN_RE = regex.compile(r"\d[\d,.]*\s+(?:[\p{L}-]+\s+){0,2}?(\p{L}{3,})$")


def _noun(text: str) -> str:
    """The noun a count's text ends with ("1,250 parents": "parent"), or ""."""
    m = _NOUN_RE.search(text)
    return m.group(1).lower().removesuffix("s") if m else ""


def _value(f: Fact) -> Decimal | None:
    try:
        v = Decimal(f.value)
    except (InvalidOperation, ValueError):
        return None
    return v if v.is_finite() else None


def _rounds_to(src: Decimal, v: Decimal) -> bool:
    """Is ``v`` ``src`` rounded to one or more significant figures?"""
    if src <= 0 or v <= 0:
        return False
    digits = src.adjusted()
    for keep in range(1, 4):
        q = Decimal(1).scaleb(digits - keep + 1)
        if src.quantize(q, rounding=ROUND_HALF_UP) == v:
            return True
    return False


def _restates(v: Decimal, src: Decimal | None, der: Decimal | None, near: bool) -> bool:
    """Is ``v`` the link's derived value, a rounding of its source value or (when ``near``
    may be read) within :data:`NEAR` of it?"""
    if der is not None and v == der:
        return True
    if src is None or src <= 0:
        return False
    return _rounds_to(src, v) or (near and abs(v - src) <= src * NEAR)


def _same_thing(noun: str, nouns: set[str]) -> bool:
    """Can a figure of ``noun`` that is only near a link's restate it, the link's two sides
    counting ``nouns``? A near count of another noun ("1,250 parents" beside "1,200
    students") is another figure; the same value or a rounding restates whatever the noun
    ("40,000 homeless" after "about 40,000 people")."""
    return not noun or not nouns - {""} or noun in nouns


def fold_restated(res: Result) -> None:
    """Drop each added number of ``res`` that restates a kept or changed number's figure."""
    links = [
        (
            _value(k.source),
            _value(k.derived),
            _sort(k.source.text),
            _sort(k.derived.text),
            {_noun(k.source.text), _noun(k.derived.text)},
        )
        for k in (*res.kept, *res.changed)
        if k.kind == "number"
    ]
    if not links:
        return
    keep: list[Fact] = []
    for f in res.added:
        v = _value(f) if f.kind == "number" else None
        if v is None or v < MIN_VALUE:
            keep.append(f)
            continue
        sort, noun = _sort(f.text), _noun(f.text)
        if any(
            sort in (ss, sd) and _restates(v, src, der, _same_thing(noun, nouns))
            for src, der, ss, sd, nouns in links
        ):
            continue
        keep.append(f)
    res.added[:] = keep
