"""Normal forms the extractors and the matching share: ASCII digits, decimals written
without trailing zeros, singular nouns and collapsed whitespace."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import regex

from ..text.normalise import fold
from .vocab import IRREGULAR_PLURALS

_SPACE_RUN_RE = regex.compile(r"\s+")


def digits(s: str) -> str:
    """ASCII digits for any decimal digits (Persian, Arabic-Indic ...)."""
    if s.isascii():
        return s
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in s)


def fmt(d: Decimal) -> str:
    """``Decimal("30000.0")`` -> ``"30000"``, ``Decimal("1.50")`` -> ``"1.5"``."""
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def is_plural(word: str) -> bool:
    """Does ``word`` look like a plural noun (what a number counts)?"""
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return True
    if len(w) <= 3 or not w.endswith("s"):
        return False
    return not w.endswith(("ss", "us", "is", "'s", "’s"))


def singular(word: str) -> str:
    """The folded singular of a noun, so "3 soldiers" and "one soldier" share a unit."""
    w = fold(word)
    if w in IRREGULAR_PLURALS:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def collapse(s: str) -> str:
    """Whitespace runs as single spaces, ends stripped."""
    return _SPACE_RUN_RE.sub(" ", s).strip()


def might_hold(text: str, word: str) -> bool:
    """Could a case-blind pattern for ``word`` match somewhere in ``text``? False only
    when it surely cannot: both are ASCII and the lowered word is not in the lowered
    text (outside ASCII, case-blind matching folds letters ``str.lower`` leaves apart).
    A cheap test before compiling a pattern per word."""
    if not (text.isascii() and word.isascii()):
        return True
    return word.lower() in text.lower()
