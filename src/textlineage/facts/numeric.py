"""The number patterns of one language, and reading the digits they match.

:func:`patterns` builds, once per language, the regular expression of a number (digits
with that language's separators, scale words, number words, vague quantities, percent
words), the qualifier expression and the words that may start a number. English (and an
undetermined language, read the English way) uses the word lists of :mod:`.vocab`; the
other languages those of :mod:`.locales`.

:func:`parse_digits` turns a matched digit string into a :class:`~decimal.Decimal`: "1.500"
is 1.5 in English and 1500 in German or Spanish; "30 000", "30٬000" and "۳۰,۰۰۰" are 30000
everywhere; "۱/۵" (before a scale word) is 1.5 in Persian.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

import regex

from ..text.dates import month_numbers
from .forms import digits
from .locales import (
    COMMA_DECIMAL,
    COMMA_THOUSANDS_TOO,
    NUMBER_WORDS,
    PERCENT,
    QUALIFIERS,
    SCALES,
    VAGUE,
)
from .vocab import QUAL, QUAL_CLASS, SMALL_NUM, SPELLED_NUMBER, TENS_NUM
from .vocab import VAGUE as EN_VAGUE

ENGLISH_READ = frozenset({"en", "und"})
"""Language codes whose numbers are read the English way."""

_SPACES = "\u00a0\u202f\u2009"  # no-break, narrow no-break and thin spaces group digits
_EN_DIGITS = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # South Asian grouping: "43,64,870", "3,86,450"
    r"|\d{1,3}(?:\.\d{3}){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    rf"|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d+)?"
    r"|\d{1,3}(?:٬\d{3})+(?:٫\d+)?|\d+٫\d+"
    r"|\d+[¼½¾⅓⅔⅛⅜⅝⅞]|\d+(?:\.\d+)?"
)
_VULGAR = {"¼": "0.25", "½": "0.5", "¾": "0.75", "⅓": "0.333", "⅔": "0.667", "⅛": "0.125",
           "⅜": "0.375", "⅝": "0.625", "⅞": "0.875"}  # fmt: skip
"""Fractions written as one sign after the digits ("2¾ inches": 2.75)."""
_COMMA_DECIMAL_DIGITS = (
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    rf"|\d{{1,3}}(?:[ {_SPACES}]\d{{3}})+(?:[.,]\d+)?"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:٬\d{3})+(?:٫\d+)?|\d+٫\d+"
    r"|\d+,\d+|\d+(?:\.\d+)?"
)
_EN_SCALES = ("hundred", "thousand", "million", "billion", "trillion", "lakhs?", "crores?")
_EN_NUM_WORD_TRIGGERS = tuple(
    sorted(
        set(SMALL_NUM)
        | set(TENS_NUM)
        | {"tens", "several", "many", "scores", "dozens", "hundreds", "thousands", "millions"}
        | {"billions", "a hundred", "a thousand", "a million", "a billion", "a dozen", "a few"}
        | {"an hundred"}
    )
)
_GROUP_RE = regex.compile(rf"[ {_SPACES}٬]")
_DOT_THOUSANDS_RE = regex.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_DOT_GROUPS_RE = regex.compile(r"\d{1,3}(?:\.\d{3})+")
_COMMA_GROUPS_RE = regex.compile(r"\d{1,3}(?:,\d{3})+")
_COMMA_GROUPS2_RE = regex.compile(r"\d{1,3}(?:,\d{3}){2,}")
_FOLD_SPACE_RE = regex.compile(r"[\s\u200c]+")


@dataclass(frozen=True)
class Patterns:
    """What :mod:`.numbers` needs to read the numbers of one language."""

    lang: str
    number: regex.Pattern[str]
    qualifier: regex.Pattern[str]
    qual_class: Mapping[str, str]
    """Class of each qualifier, by :func:`phrase_key` (English: as written, lower case)."""
    triggers: tuple[str, ...]
    first_words: frozenset[str]
    scales: Mapping[str, int]
    vague: Mapping[str, int]
    words: Mapping[str, int]
    months: Mapping[str, int]
    comma_decimal: bool
    comma_thousands: bool

    @property
    def english(self) -> bool:
        return self.lang in ENGLISH_READ


SIGNS = "$€£¥₹₦₱₩₪₫₴₵₺₽฿₡₲₭₮₸₼₾"
"""The currency signs read before (or after) an amount: dollar, euro, pound, yen, rupee,
naira, peso, won, shekel, dong, hryvnia, cedi, lira, rouble, baht, colón, guaraní, kip,
tögrög, tenge, manat, lari."""
CURRENCY = (
    rf"(?:(?:US|CA|AU|NZ|HK|SG|NT|TT|EC|BZ|FJ|Bds|Mex|C|A|S|J|G|L|B)\$|[{SIGNS}]|(?:Rs\.?|INR|PKR|LKR|NPR|NGN|RM|KSh|Ksh)[ \u00a0]?"
    r"|(?:UGX|TZS|ZMW|MWK|ZAR|GHS|RWF|ETB)[ \u00a0]?|Sh(?=\d)"
    r"|(?:N|K|R|MK)(?=\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d+(?:\.\d+)?[ \u00a0]?(?:million|billion|trillion|bn|m)\b))"
)
"""A currency sign before an amount, or a currency's letters: the rupee's ("Rs 5 lakh",
"Rs. 8,500", "PKR 2,000"), the naira's ("NGN", and "N" before a grouped amount or one
with a scale word: "N25,000", "N1.42 billion"; not "N95" or "N1"), the ringgit's
("RM25,000") and the Kenyan shilling's ("KSh 300"), the kwacha's and the rand's before a
grouped amount or one with a scale word ("K28,500", "MK1.2 billion", "R25,000"), and
other African currencies' codes ("UGX 40,000"), and a shilling's "Sh" written against
its amount ("Sh1.9bn", read as "KSh"); a dollar of a named country ("C$", "A$", "NZ$", "TT$", "J$") is read as a dollar (the
text shows which), "Rs" and "INR" as the rupee's sign. The signs of other currencies (naira, peso,
won, lira, hryvnia, shekel, dong, baht, rouble, cedi, colón and others) are read as
their own."""


def phrase_key(phrase: str) -> str:
    """The lookup form of a matched phrase: lower case, no spaces or zero-width non-joiners
    (Persian writes "ده‌ها", "دهها" and "ده ها" for one word)."""
    return _FOLD_SPACE_RE.sub("", phrase).lower()


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of ``phrases``, longest first, any spacing between words."""
    out = []
    for p in sorted(set(phrases), key=lambda x: (-len(x), x)):
        parts = [regex.escape(w).replace("\u200c", "[\u200c ]?") for w in p.split()]
        out.append(r"[\s\u200c]+".join(parts))
    return "|".join(out)


_QUAL_OF = r"an?\s+estimated\s+\p{Ll}+\s+of"
"""An estimate of a named quantity ("an estimated cost of €1.6 million", "an estimated
total of 3,000"): the qualifier of the number after "of"."""


_TALLY = "(?:of|for)"
"""The word between the two figures of a tally written as one token ("6-of-11", "2-for-5"):
two numbers, not a number and its noun."""


@cache
def patterns(lang: str) -> Patterns:
    """The number patterns of ``lang`` (an unknown code reads the English way)."""
    if lang not in SCALES:
        return _english(lang if lang in ENGLISH_READ else "und")
    scales = {phrase_key(k): v for k, v in SCALES[lang].items()}
    vague = {phrase_key(k): v for k, v in VAGUE[lang].items()}
    words = {k.lower(): v for k, v in NUMBER_WORDS[lang].items()}
    quals = {phrase_key(k): v for k, v in QUALIFIERS[lang].items()}
    scale_alt = _alternation(SCALES[lang])
    simple_scales = _alternation(k for k in SCALES[lang] if " " not in k)
    digits_alt = _COMMA_DECIMAL_DIGITS if lang in COMMA_DECIMAL else _EN_DIGITS
    if lang in ("fa", "ar"):  # "۱/۵ میلیون": a slash is the decimal mark before a scale word
        digits_alt = rf"\d+/\d+(?=\s*(?:{scale_alt}))|" + digits_alt
    pct_alt = _alternation(PERCENT[lang])
    number = regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}\p{{M}}_\#@{SIGNS}]|\p{{N}}[.,٫٬/]|\p{{L}}-)
        (?P<cur>{CURRENCY})?
        (?:
            (?P<vague>(?i:{_alternation(VAGUE[lang])}))(?![\p{{L}}\u200c])
          | (?P<num>{digits_alt})
            (?:(?:\s+|-)?(?P<scale>(?i:{scale_alt}))(?![\p{{L}}\u200c]))?
          | (?P<word>(?i:{_alternation(NUMBER_WORDS[lang])}))(?![\p{{L}}\u200c])
            (?:[\s-]+(?P<wscale>(?i:{simple_scales}))(?![\p{{L}}\u200c]))?
        )
        (?:[ \u00a0\u202f]?(?P<cur2>[{SIGNS}]))?
        (?P<pct>\s?[%٪]|\s+(?i:{pct_alt})(?![\p{{L}}\u200c]))?
        (?:-(?P<hy>\p{{Ll}}+(?:-\p{{Ll}}+)?))?
        (?![\p{{L}}\p{{N}}\u200c]|[.,٫٬]\p{{N}})
        """,
        regex.VERBOSE,
    )
    clitic = "[وفبل]?" if lang == "ar" else ""  # "بنحو": "about", after "by"
    qualifier = regex.compile(
        rf"(?<![\p{{L}}\u200c]){clitic}(?i:{_alternation(QUALIFIERS[lang])})\s+$"
    )
    triggers = tuple(sorted({p.lower().split()[0] for p in [*VAGUE[lang], *NUMBER_WORDS[lang]]}))
    return Patterns(
        lang=lang,
        number=number,
        qualifier=qualifier,
        qual_class=quals,
        triggers=triggers,
        first_words=frozenset(triggers),
        scales=scales,
        vague=vague,
        words=words,
        months=month_numbers((lang,)),
        comma_decimal=lang in COMMA_DECIMAL,
        comma_thousands=lang in COMMA_THOUSANDS_TOO,
    )


def _english(lang: str) -> Patterns:
    scale_alt = "|".join(_EN_SCALES)
    number = regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}\p{{M}}_\#@{SIGNS}]|\p{{N}}[.,٫٬]|\p{{L}}-(?<!\d-{_TALLY}-))
        (?P<cur>{CURRENCY})?
        (?:
            (?P<vague>(?i:{EN_VAGUE}))
          | (?P<num>{_EN_DIGITS})
            (?:(?:\s+|-)?(?P<scale>(?i:{scale_alt})|bn)(?![\p{{L}}])
              | (?(cur)[ \u00a0]?(?P<scale>[mMkKB]|tn|BN|Bn)(?![\p{{L}}])|(?!)))?
          | (?P<word>(?i:{SPELLED_NUMBER}))(?![\p{{L}}])
        )
        (?P<pct>\s?[%٪]|\s+(?i:per\s?cent|percent)(?![\p{{L}}]))?
        (?:-(?!(?:{_TALLY}|to)-\d)(?P<hy>\p{{Ll}}+(?:-\p{{Ll}}+)?))?
        (?![\p{{L}}\p{{N}}]|[.,٫٬]\p{{N}})
        """,
        regex.VERBOSE,
    )
    return Patterns(
        lang=lang,
        number=number,
        qualifier=regex.compile(rf"(?<![\p{{L}}])(?i:{QUAL}|{_QUAL_OF})\s+$"),
        qual_class=QUAL_CLASS,
        triggers=_EN_NUM_WORD_TRIGGERS,
        first_words=frozenset(w.split()[0] for w in _EN_NUM_WORD_TRIGGERS),
        scales={},
        vague={},
        words={},
        months=month_numbers(("en",)),
        comma_decimal=False,
        comma_thousands=False,
    )


def parse_digits(core: str, pats: Patterns) -> Decimal | None:
    """The value of a digit string matched by ``pats.number`` (ASCII or any script's digits),
    None when it is not a number."""
    raw = digits(core)
    if raw[-1:] in _VULGAR:
        whole = parse_digits(raw[:-1], pats)
        return None if whole is None else whole + Decimal(_VULGAR[raw[-1]])
    grouped = bool(_GROUP_RE.search(raw))
    raw = _GROUP_RE.sub("", raw).replace("٫", ".").replace("/", ".")
    if grouped:  # digits grouped by spaces or "٬": what mark remains is the decimal one
        raw = raw.replace(",", ".")
    elif pats.comma_decimal:
        if "," in raw and "." in raw:  # the last mark is the decimal one
            if raw.rfind(",") > raw.rfind("."):
                raw = raw.replace(".", "").replace(",", ".")
            else:
                raw = raw.replace(",", "")
        elif "." in raw:
            if _DOT_GROUPS_RE.fullmatch(raw):
                raw = raw.replace(".", "")
        elif "," in raw:
            if _COMMA_GROUPS2_RE.fullmatch(raw) or (
                pats.comma_thousands and _COMMA_GROUPS_RE.fullmatch(raw)
            ):
                raw = raw.replace(",", "")
            else:
                raw = raw.replace(",", ".")
    else:
        if _DOT_THOUSANDS_RE.fullmatch(raw):
            raw = raw.replace(".", "")
        raw = raw.replace(",", "")
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None
