"""A person's age said otherwise: "now 67" → "aged 76".

A bare number is read as a count of nothing, and a derived text that gives an age in
other words ("now 67", "aged 76", "at the age of 76", "76 years old", "Ann Lowe, 76,"
after a name as newspapers write it, "her son, who is 17,") leaves a dropped and an
added number no unit pairs. When each text's leftover numbers hold exactly one age (a whole number of at most three
digits, or of years, with an age's words around it) and the two differ, that is one
number changed in ``value``. An age is never another count changed (:func:`is_age`: "53"
after a name is no version of "two companies").
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .items import Result

_BEFORE_RE = regex.compile(
    r"(?i:\baged|\bage|\bat[ \u00a0]+the[ \u00a0]+age[ \u00a0]+of|,[ \u00a0]*now"
    r"|,[ \u00a0]*who[ \u00a0]+(?:is|was|turned|turns|is[ \u00a0]+now))[ \u00a0]+$"
)
_AFTER_RE = regex.compile(r"(?i:[ \u00a0-]+years?[ \u00a0-]+old\b)")
_OLD_RE = regex.compile(r"(?i:[ \u00a0-]+old\b)")
_NAMED_RE = regex.compile(r"\b\p{Lu}\p{Ll}[\p{L}'’-]*,[ \u00a0]*$")
"""A capitalised word and a comma right before a number: "Ann Lowe, 76, said"."""
_NAMED_AFTER_RE = regex.compile(r"[ \u00a0]*(?:,|\.(?!\d)|$)")


def is_age(f: Fact, text: str) -> bool:
    """Does the number ``f`` give a person's age: a whole number of at most three digits
    (or of years: "76-year-old", "76 years" before "old") after "aged", "now", ", who is" or
    a name and a comma, or before "years old"?"""
    if f.kind != "number":
        return False
    m = regex.fullmatch(r"(\d{1,3})(?:[ \u00a0-]+(years?)([ \u00a0-]+old)?)?", f.text)
    if m is None or not 0 < int(m[1]) < 130:
        return False
    if m[2]:  # "76 years" old, "76-year-old"
        return bool(m[3] or _OLD_RE.match(text, f.span[1]))
    before = text[max(0, f.span[0] - 24) : f.span[0]]
    if _BEFORE_RE.search(before) or _AFTER_RE.match(text, f.span[1]):
        return True
    return bool(_NAMED_RE.search(before) and _NAMED_AFTER_RE.match(text, f.span[1]))


def age_changes(texts: tuple[str, str], res: Result) -> None:
    """Pair the one age left dropped with the one left added (see the module's rules)."""
    s_ages = [f for f in res.dropped if is_age(f, texts[0])]
    d_ages = [f for f in res.added if is_age(f, texts[1])]
    if len(s_ages) != 1 or len(d_ages) != 1:
        return
    sf, df = s_ages[0], d_ages[0]
    a, b = _years(sf), _years(df)
    if a == b:
        return
    res.changed.append(FactLink("number", sf, df, f"age {a} → {b}", "value", "", True))
    res.dropped.remove(sf)
    res.added.remove(df)


def _years(f: Fact) -> int:
    m = regex.match(r"\d+", f.text)
    return int(m[0]) if m is not None else 0
