"""Checkable facts of a document and how they differ between a source and a derived text.

Extraction is rule based (no model): numbers with their qualifier and noun, dates, names
(persons, places, organisations, other capitalised entities), hashtags and quotations.
Every :class:`~textlineage.types.Fact` has a ``span`` into the text it came from with
``text[span[0]:span[1]] == fact.text``.

The diff compares *values*, never substrings: ``"30,000"`` is not found inside
``"130,000"``. Names match by folded text, by spelling variant (``"Shahre Kord"`` /
``"Shahrekord"``) or by one being a token run of the other (``"Raisi"`` /
``"Ebrahim Raisi"``). Numbers and dates that moved (a qualifier dropped, a vague quantity
made specific, a date made more precise) are reported as ``changed``; when the new value
has no support in the source it is reported in ``added`` too.
"""

from __future__ import annotations

import bisect
import copy
import logging
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex
from rapidfuzz import fuzz

from ..text.normalise import fold, tokenize
from ..types import Fact, FactDiff, FactLink, Passage

__all__ = ["NAME_KINDS", "diff_facts", "extract_facts"]

log = logging.getLogger(__name__)

NAME_KINDS = frozenset({"person", "place", "organisation", "entity"})
"""Fact kinds that are names; the diff matches names across these kinds."""


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

_MONTH_NUM = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTHS_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MON = rf"(?:{_MONTHS_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")

# Qualifiers in front of a number and what they claim about the true value.
_QUAL_CLASS = {
    "more than": ">", "over": ">", "above": ">", "in excess of": ">", "upwards of": ">",
    "at least": ">", "just over": ">", "well over": ">", "no fewer than": ">",
    "no less than": ">",
    "fewer than": "<", "less than": "<", "under": "<", "below": "<", "at most": "<",
    "up to": "<", "as many as": "<", "just under": "<", "no more than": "<",
    "nearly": "~", "almost": "~", "about": "~", "around": "~", "approximately": "~",
    "approx.": "~", "roughly": "~", "some": "~", "close to": "~", "an estimated": "~",
    "estimated": "~", "circa": "~",
}  # fmt: skip
_QUAL = "|".join(
    regex.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUAL_CLASS, key=len, reverse=True)
)

_SMALL_NUM = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_NUM = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALE_NUM = {
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
    "trillion": 10**12, "dozen": 12, "bn": 10**9,
}  # fmt: skip
_UNIT_DIGITS = "one|two|three|four|five|six|seven|eight|nine"
_SPELLED = (
    rf"(?:{'|'.join(_TENS_NUM)})(?:[-\s](?:{_UNIT_DIGITS}))?"
    rf"|{'|'.join(sorted(_SMALL_NUM, key=len, reverse=True))}"
)
_VAGUE = (
    r"(?:tens|hundreds)\s+of\s+(?:thousands|millions)"
    r"|(?:several|a\s+few|many)\s+(?:dozen|hundred|thousand|million|billion)"
    r"|scores(?=\s+of\b)|dozens|hundreds|thousands|millions|billions"
)
_VAGUE_BASE = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 10**6,
    "billions": 10**9,
}  # fmt: skip

# Words that end the noun phrase after a number.
_UNIT_STOP = _words(
    """of in on at to from by for with and or but nor the a an than per as is are was were
    be been being has have had will would can could should may might must shall do does did
    that which who whom whose this these those it its their his her our my your there here
    when where while since ago each more less after before during until into over under
    about between among against within without also only just not no so if then
    respectively later earlier while whereas"""
)
_NOT_UNITS = _words("died fell rose said went came saw got made took gave ran left won lost fled")
_IRREGULAR_PLURALS = _words(
    "people men women children police staff personnel cattle feet teeth mice geese data "
    "media crew troops"
)

# Capitalised words that are not names when they lead a capitalised run.
_STOP = _words(
    """the a an this that these those in on at by for from to of with without as and but or
    nor so yet if when while where why how what which who whom whose it its he she we they i
    you his her our their my your me us them also since here there then thus therefore
    however meanwhile moreover furthermore although though after before during despite only
    all some many most several every each any no not yes such other another both either
    neither now today yesterday tomorrow later earlier just even still indeed instead over
    under according among between through until upon about above below against within let
    please dear more less few first second third last next finally overall once again
    because unless whether whatever whoever whenever wherever nevertheless nonetheless
    otherwise hence accordingly besides likewise similarly consequently perhaps maybe
    rather quite very too much little is are was were be been do does did has have had will
    would can could should must may might shall down up out off long live no yes oh
    well new old good great big high low top full free read click share see watch follow
    photo video image source sources update editor note notes related comments reporting
    subscribe advertisement home news sign log join get make take give keep help look come
    go stop put tell ask find show try use need want think know feel seem leave call turn
    start move run bring hold stand set learn change lead understand speak write"""
)
_SENTENCE_ABBREVS = _words(
    "mr mrs ms dr prof st gen col sen rep lt sgt capt rev jr sr inc co corp ltd vs etc no "
    "mt ft gov pres sec dept univ"
)
_TITLES = _words(
    """mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister
    chancellor premier governor mayor senator sen rep representative congressman
    congresswoman general gen colonel col captain capt lt lieutenant sergeant sgt admiral
    judge justice chief king queen prince princess emperor sheikh shaikh sheik ayatollah
    imam mullah rabbi pope cardinal bishop archbishop father rev reverend pastor ambassador
    secretary commissioner director chairman chairwoman chairperson chair leader speaker
    spokesman spokeswoman spokesperson"""
)
_ORG_WORDS = _words(
    """organization organisation council ministry party unit union commission agency
    company co corp corporation inc ltd llc plc gmbh university college institute
    foundation association committee department bank group army guard corps court
    parliament assembly congress senate federation front movement network society centre
    center office bureau authority board police force service news times post press
    television tv radio channel school hospital church club team league alliance coalition
    fund trust programme program initiative embassy consulate administration cabinet
    government motors airlines airways industries holdings technologies systems labs
    pharmaceuticals electric energy petroleum media entertainment partners capital
    brigade brigades regiment division command navy airforce"""
)
_PARTICLES = _words(
    "of al el bin ibn bint de da di do dos das del della der den van von le la du zu ul ud"
)  # fmt: skip
_PLACE_ACRONYMS = frozenset({"us", "usa", "uk", "uae", "drc", "prc", "dprk", "rok"})
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ic")

_PLACE_BEFORE_RE = regex.compile(
    r"(?i:\b(?:in|near|across|inside|outside|throughout|(?:city|town|province|capital|village"
    r"|region|county)\s+of|(?:cities|towns|provinces|countries|villages|places|regions)"
    r"\s+(?:such\s+as|like|of|including))\s+(?:the\s+)?)$"
)
_PLACE_PREV = _words("in near across inside outside throughout")
_WEAK_PLACE_PREV = _words("from at to into toward towards")
_PLACE_OF = _words("city town province capital village region county")
_PLACE_LIST_NOUNS = _words("cities towns provinces countries villages places regions")
_PERSON_PREV = _words(
    """leader leaders candidate candidates activist activists spokesman spokeswoman
    spokesperson student students journalist journalists founder author writer poet actor
    actress singer cleric dissident dissidents prisoner prisoners son sons daughter daughters
    wife husband brother brothers sister sisters mother father colleague colleagues lawyer
    lawyers defendant defendants"""
)
_PLACE_AFTER_RE = regex.compile(
    r"^\s+(?i:province|city|county|district|region|state|village|town|governorate"
    r"|prefecture|municipality)\b"
)
_PERSON_AFTER_RE = regex.compile(
    r"^(?:\s*,\s*\(?\d{1,3}\)?\s*,)?\s+(?:said|says|told|wrote|added|stated|explained"
    r"|argued|noted|claimed|announced|tweeted|insisted|recalled|warned)\b"
)
_PLACE_NOUN_RE = regex.compile(
    r"(?i:\b(?:cities|city|towns|town|provinces|province|countries|country|villages"
    r"|regions|states|capitals|places|locations|areas|districts|neighbou?rhoods)\b)"
)

# --------------------------------------------------------------------------------------
# Regular expressions
# --------------------------------------------------------------------------------------

_HASHTAG_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}_&/\#])\#(?=[\p{N}_\u200c\u200d]*[\p{L}])[\p{L}\p{M}\p{N}_\u200c\u200d]+"
)

_B = r"(?<![\p{L}\p{N}])"
_DATE_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    (
        "iso",
        regex.compile(rf"{_B}(?P<y>\d{{4}})[-/](?P<m>\d{{1,2}})[-/](?P<d>\d{{1,2}})(?!\p{{N}})"),
    ),
    (
        "mdy",
        regex.compile(
            rf"{_B}(?=[JFMASOND])(?P<mon>(?i:{_MON}))(?![\p{{L}}])\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:,\s*|\s+)(?P<y>\d{{4}})(?![\p{{N}}])"
        ),
    ),
    (
        "dmy",
        regex.compile(
            rf"{_B}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>(?i:{_MON}))"
            rf"(?![\p{{L}}]),?\s+(?P<y>\d{{4}})(?![\p{{N}}])"
        ),
    ),
    ("numeric", regex.compile(r"(?<![\p{N}/.,])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\p{N}/])")),
    (
        "my",
        regex.compile(
            rf"{_B}(?=[JFMASOND])(?P<mon>(?i:{_MON}))(?![\p{{L}}]),?\s+(?P<y>\d{{4}})(?![\p{{N}}]|[.,]\p{{N}})"
        ),
    ),
    (
        "md",
        regex.compile(
            rf"{_B}(?=[JFMASOND])(?P<mon>(?i:{_MON}))(?![\p{{L}}])\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            r"(?![\p{N}\p{L}%]|[.,]\p{N}|\s*%)"
        ),
    ),
    (
        "dm",
        regex.compile(
            rf"(?<![\p{{L}}\p{{N}}.,])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>(?i:{_MON}))(?![\p{{L}}])"
        ),
    ),
    ("decade", regex.compile(r"(?<![\p{L}\p{N}'’])(?P<y>(?:1[5-9]|20)\d0)['’]?s(?![\p{L}])")),
    (
        "m",
        regex.compile(
            r"(?<=(?i:\b(?:in|during|of|since|until|till|by|from|last|next|this|early|late|mid"
            r"|through|throughout|before|after|between|every|each|around|and)\s+|\bmid-))"
            r"(?=[JFMASOND])"
            rf"(?P<mon>(?i:{_MONTHS_FULL}))(?![\p{{L}}])"
        ),
    ),
)

_DIMENSION_RE = regex.compile(
    r"(?<![\p{L}\p{N}.,])\d+\s*[x×]\s*\d+(?:\s*[x×]\s*\d+)?(?![\p{L}\p{N}])"
)
_TIME_RE = regex.compile(r"(?<![\p{L}\p{N}:/.,])\d{1,2}:\d{2}(?::\d{2})?(?![\p{N}:])")

_DIGITS = r"\d{1,3}(?:\.\d{3}){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM_RE = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}\p{{M}}_\#@$€£¥₹]|\p{{N}}[.,]|\p{{L}}-)
    (?P<cur>US\$|[$€£¥₹])?
    (?:
        (?P<vague>(?i:{_VAGUE}))
      | (?P<num>{_DIGITS})
        (?:(?:\s+|-)?(?P<scale>(?i:hundred|thousand|million|billion|trillion)|bn)(?![\p{{L}}]))?
      | (?P<word>(?i:{_SPELLED}))(?:[\s-]+(?P<wscale>(?i:hundred|thousand|million|billion|dozen)))?
      | (?i:an?)\s+(?P<ascale>(?i:hundred|thousand|million|billion|dozen))
    )
    (?P<pct>\s?%|\s+(?i:per\s?cent|percent)(?![\p{{L}}]))?
    (?:-(?P<hy>\p{{Ll}}+(?:-\p{{Ll}}+)?))?
    (?![\p{{L}}\p{{N}}]|[.,]\p{{N}})
    """,
    regex.VERBOSE,
)
_QUAL_BEFORE_RE = regex.compile(rf"(?<![\p{{L}}])(?i:{_QUAL})\s+$")
_DIGIT_RUN_RE = regex.compile(r"(?:US\$|[$€£¥₹])?\d+")
_WORDLIKE_RE = regex.compile(r"(?<![\p{L}\p{N}\p{M}_])[A-Za-z]+")
_NUM_WORD_TRIGGERS = tuple(
    sorted(
        set(_SMALL_NUM)
        | set(_TENS_NUM)
        | {"tens", "several", "many", "scores", "dozens", "hundreds", "thousands", "millions"}
        | {"billions", "a hundred", "a thousand", "a million", "a billion", "a dozen", "a few"}
        | {"an hundred"}
    )
)
_NUM_WORD_FIRST = frozenset(w.split()[0] for w in _NUM_WORD_TRIGGERS)
_UNIT_WORD_RE = regex.compile(r"[ \u00a0]+([\p{L}][\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*)")
_OF_RE = regex.compile(r"[ \u00a0]+of(?=[ \u00a0])")

_CAP_TOKEN_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’-])"
    r"(?:\p{Lu}{2,}(?:/\p{Lu}{2,})+"
    r"|(?:[\p{Lu}\p{Lt}]|(?=[aeibAEIB])(?:al|el|ad|ar|as|at|an|ash|az|bin|ibn|abu)-(?=\p{Lu}))"
    r"[\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*)"
)
_LOWER_WORD_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’-])\p{Ll}[\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*"
)
_PARTICLE_GAP_RE = regex.compile(
    r"[ \u00a0](?:of[ \u00a0]the|of|al|el|bin|ibn|bint|de|da|di|do|dos|das|del|della|der|den"
    r"|van|von|le|la|du|zu|ul|ud)[ \u00a0]"
)
_BULLETS = frozenset("•·▪◦‣●○■□►➢-–—*+")
_LIST_GAP_RE = regex.compile(
    r"^[ \u00a0]*(?:[,;(][ \u00a0]*|\)[ \u00a0]*[,;]?[ \u00a0]*)*(?:(?:and|or|&)[ \u00a0]+)?(?:\([ \u00a0]*)?$"
)
_SPACE_RUN_RE = regex.compile(r"\s+")
_NAME_SPLIT_RE = regex.compile(r"[\s/\-]+")
_DIM_SPLIT_RE = regex.compile(r"\s*[x×]\s*")
_DOT_THOUSANDS_RE = regex.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_WORD_SPLIT_RE = regex.compile(r"[-\s]+")
_INNER_SPLIT_RE = regex.compile(r"[-'’]")
_APOS_RE = regex.compile(r"['’]")
_ACRONYM_AFTER_RE = regex.compile(r"\s*\(\s*\p{Lu}{2,}(?:/\p{Lu}{2,})*\s*\)")

_CURLY_RE = regex.compile(r"“([^“”]{1,4000})”")
_GUILLEMET_RE = regex.compile(r"«([^«»]{1,4000})»")
_BLANK_LINE_RE = regex.compile(r"\n[ \t\u00a0]*\n")
_QUOTE_MIN_TOKENS = 3
_QUOTE_MAX_CHARS = 4000
_QUOTE_KEPT = 95.0  # similarity (0-100) for "the same quote"
_QUOTE_CHANGED = 60.0  # ... and for "this quote, altered"

_OPENERS = "([{—–-/"
_CLOSE_FOLLOW = ".,;:!?)]}—–-…"


# --------------------------------------------------------------------------------------
# Internal records
# --------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    """A fact with what matching needs to know about it."""

    fact: Fact
    cls: str
    key: tuple[object, ...]
    qual: str = ""
    qcls: str = ""
    unit: str = ""
    cur: str = ""
    vague: str = ""
    core: str = ""
    date: tuple[int | None, int | None, int | None] | None = None
    letters: str = ""
    toks: tuple[str, ...] = ()
    pas: frozenset[int] = frozenset()


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    core: str
    lower: str
    cap: bool
    allcaps: bool
    poss: bool


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    toks: list[_Tok]
    org: bool = False
    orgv: int = 0
    acronym: bool = False
    person: int = 0
    place: int = 0
    default_person: bool = False
    bullet: bool = False
    kind: str = "entity"


@dataclass(slots=True)
class _Group:
    items: list[_Item] = field(default_factory=list)
    pas: set[int] = field(default_factory=set)

    @property
    def first(self) -> _Item:
        return self.items[0]


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------


def _overlaps(mask: bytearray, start: int, end: int) -> bool:
    return mask.find(1, start, end) != -1


def _mark(mask: bytearray, start: int, end: int) -> None:
    mask[start:end] = b"\x01" * (end - start)


def _digits(s: str) -> str:
    """ASCII digits for any decimal digits (Persian, Arabic-Indic ...)."""
    if s.isascii():
        return s
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in s)


def _fmt(d: Decimal) -> str:
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def _strip_marks(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _base(word: str) -> str:
    """ "we've" -> "we"."""
    return _APOS_RE.split(word, maxsplit=1)[0]


@lru_cache(maxsize=100_000)
def _letters(s: str) -> str:
    return "".join(c for c in _strip_marks(fold(s)) if c.isalnum())


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return True
    if len(w) <= 3 or not w.endswith("s"):
        return False
    return not w.endswith(("ss", "us", "is", "'s", "’s"))


def _singular(word: str) -> str:
    w = fold(word)
    if w in _IRREGULAR_PLURALS:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _collapse(s: str) -> str:
    return _SPACE_RUN_RE.sub(" ", s).strip()


@lru_cache(maxsize=100_000)
def _skeleton(letters: str) -> str:
    """A transliteration-tolerant consonant skeleton of a letters-only folded string."""
    s = letters.replace("ph", "f").translate(str.maketrans("wqcy", "vkki"))
    vowels = "aeiou"
    out: list[str] = []
    for i, ch in enumerate(s):
        if ch == "h" and i > 0 and s[i - 1] not in vowels:
            continue
        out.append(ch)
    s = "".join(out)
    if not s:
        return s
    s = s[0] + "".join(c for c in s[1:] if c not in vowels)
    res = [s[0]]
    for ch in s[1:]:
        if ch != res[-1]:
            res.append(ch)
    return "".join(res)


@lru_cache(maxsize=100_000)
def _name_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in (_letters(p) for p in _NAME_SPLIT_RE.split(text)) if t)


# --------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------


def extract_facts(text: str, doc: int = 0) -> list[Fact]:
    """The facts of ``text``, ordered by span; spans index ``text``."""
    return [it.fact for it in _analyse(text, doc)]


@lru_cache(maxsize=8)
def _analysed(text: str, doc: int) -> tuple[_Item, ...]:
    return tuple(_analyse(text, doc))


def _analyse(text: str, doc: int) -> list[_Item]:
    n = len(text)
    num_mask = bytearray(n)  # blocks further numbers and dates
    name_mask = bytearray(n)  # blocks names (hashtags, dates, number cores)
    items: list[_Item] = []
    items.extend(_hashtags(text, doc, num_mask, name_mask))
    items.extend(_dates(text, doc, num_mask, name_mask))
    items.extend(_numbers(text, doc, num_mask, name_mask))
    items.extend(_quotes(text, doc))
    items.extend(_names(text, doc, name_mask))
    items.sort(key=lambda it: (it.fact.span[0], it.fact.span[1], it.fact.kind))
    return items


def _hashtags(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[_Item]:
    out = []
    for m in _HASHTAG_RE.finditer(text):
        s, e = m.span()
        value = fold(m.group())
        out.append(_Item(Fact("hashtag", m.group(), (s, e), doc, value), "hashtag", (value,)))
        _mark(num_mask, s, e)
        _mark(name_mask, s, e)
    return out


def _date_item(
    text: str, doc: int, s: int, e: int, y: int | None, m: int | None, d: int | None
) -> _Item | None:
    if m is not None and not 1 <= m <= 12:
        return None
    if d is not None and not 1 <= d <= 31:
        return None
    if y is not None and m is not None and d is not None:
        value = f"{y:04d}-{m:02d}-{d:02d}"
    elif y is not None and m is not None:
        value = f"{y:04d}-{m:02d}"
    elif m is not None and d is not None:
        value = f"{m:02d}-{d:02d}"
    elif m is not None:
        value = f"{m:02d}"
    elif y is not None:
        value = f"{y:04d}"
    else:
        return None
    fact = Fact("date", text[s:e], (s, e), doc, value)
    return _Item(fact, "date", (value,), date=(y, m, d))


def _dates(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[_Item]:
    out: list[_Item] = []
    for name, pat in _DATE_PATTERNS:
        for mt in pat.finditer(text):
            s, e = mt.span()
            if _overlaps(num_mask, s, e):
                continue
            gd = mt.groupdict()
            mon = gd.get("mon")
            if mon is not None and not mon[:1].isupper():
                continue
            item: _Item | None
            if name == "numeric":
                raw = _digits(mt.group())
                item = _Item(Fact("date", mt.group(), (s, e), doc, raw), "date", (raw,))
            elif name == "decade":
                value = _digits(gd["y"]) + "s"
                item = _Item(Fact("date", mt.group(), (s, e), doc, value), "date", (value,))
            else:
                y = int(_digits(gd["y"])) if gd.get("y") else None
                d = int(_digits(gd["d"])) if gd.get("d") else None
                if mon is not None:
                    key = mon.lower().rstrip(".")
                    mnum: int | None = _MONTH_NUM.get(key) or _MONTH_NUM.get(key[:3])
                else:
                    mnum = int(_digits(gd["m"]))
                item = _date_item(text, doc, s, e, y, mnum, d)
            if item is None:
                continue
            out.append(item)
            _mark(num_mask, s, e)
            _mark(name_mask, s, e)
    return out


def _unit_after(text: str, pos: int, vague: bool) -> tuple[int, list[str]]:
    """The noun phrase after a number: (end offset, words)."""
    if vague:
        m = _OF_RE.match(text, pos)
        if m is not None:
            pos = m.end()
    words: list[tuple[str, int]] = []
    cur = pos
    for _ in range(3):
        m = _UNIT_WORD_RE.match(text, cur)
        if m is None:
            break
        w = m.group(1)
        lw = w.lower()
        if lw in _UNIT_STOP or lw in _MONTH_NUM or lw in _WEEKDAYS:
            break
        words.append((w, m.end()))
        cur = m.end()
    if not words:
        return pos, []
    for i, (w, _end) in enumerate(words):
        if _is_plural(w):
            return words[i][1], [x for x, _ in words[: i + 1]]
    first = words[0][0]
    if vague or not first[:1].islower() or first.lower() in _NOT_UNITS:
        return pos, []
    if len(first) > 4 and first.lower().endswith(("ed", "ing", "ly")):
        return pos, []  # a verb or adverb ("5,000 died"), not what is counted
    return words[0][1], [first]


def _numbers(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[_Item]:
    out: list[_Item] = []
    for m in _DIMENSION_RE.finditer(text):
        s, e = m.span()
        if _overlaps(num_mask, s, e):
            continue
        value = "x".join(_digits(p) for p in _DIM_SPLIT_RE.split(m.group()))
        out.append(_Item(Fact("number", m.group(), (s, e), doc, value), "number", (value, "", "")))
        _mark(num_mask, s, e)
        _mark(name_mask, s, e)
    for m in _TIME_RE.finditer(text):
        s, e = m.span()
        if _overlaps(num_mask, s, e):
            continue
        value = _digits(m.group())
        out.append(_Item(Fact("number", m.group(), (s, e), doc, value), "number", (value, "", "")))
        _mark(num_mask, s, e)
        _mark(name_mask, s, e)
    # Anchored matches at plausible starts only: far faster than scanning every offset.
    resume = 0
    for start in _number_starts(text):
        if start < resume:
            continue
        m = _NUM_RE.match(text, start)
        if m is None:
            continue
        q = _QUAL_BEFORE_RE.search(text, max(resume, start - 40), start)
        item = _number_item(text, doc, m, q, num_mask)
        if item is None:
            continue
        resume = item.fact.span[1]
        out.append(item)
        s, e = item.fact.span
        _mark(num_mask, s, e)
        core_end = m.end()
        if item.fact.kind == "number":
            _mark(name_mask, s, core_end)
        else:
            _mark(name_mask, s, e)
    return out


def _number_starts(text: str) -> list[int]:
    """Offsets where a number may start: digit runs, currency signs, number words."""
    starts = [m.start() for m in _DIGIT_RUN_RE.finditer(text)]
    lowered = text.lower()
    if len(lowered) == len(text):
        for w in _NUM_WORD_TRIGGERS:
            i = lowered.find(w)
            while i != -1:
                if i == 0 or not lowered[i - 1].isalnum():
                    starts.append(i)
                i = lowered.find(w, i + 1)
    else:  # lower() changed the length: fall back to a word scan
        starts.extend(
            m.start() for m in _WORDLIKE_RE.finditer(text) if m.group().lower() in _NUM_WORD_FIRST
        )
    return sorted(set(starts))


def _number_item(
    text: str,
    doc: int,
    m: regex.Match[str],
    q: regex.Match[str] | None,
    num_mask: bytearray,
) -> _Item | None:
    s, core_end = m.span()
    if _overlaps(num_mask, s, core_end):
        return None
    qual = ""
    if q is not None and not _overlaps(num_mask, q.start(), s):
        qual = _collapse(q.group()).lower()
        s = q.start()
    cur = m.group("cur") or ""
    cur = "$" if cur == "US$" else cur
    vague_raw = m.group("vague")
    pct = bool(m.group("pct"))
    hy = m.group("hy") or ""
    value: str
    vague = ""
    if vague_raw:
        vague = _collapse(vague_raw).lower()
        words = vague.split()
        if words[0] in ("several", "a", "many"):
            base = _SCALE_NUM[words[-1]]
        elif len(words) == 3:  # tens/hundreds of thousands/millions
            base = (10 if words[0] == "tens" else 100) * _VAGUE_BASE[words[2]]
        else:
            base = _VAGUE_BASE[words[0]]
        value = f"~{base}s"
        core = vague_raw
    elif m.group("num"):
        core = m.group("num")
        raw = _digits(core)
        if _DOT_THOUSANDS_RE.fullmatch(raw):
            raw = raw.replace(".", "")
        raw = raw.replace(",", "")
        try:
            dec = Decimal(raw)
        except InvalidOperation:
            return None
        scale = (m.group("scale") or "").lower()
        if scale:
            dec *= _SCALE_NUM[scale]
        value = _fmt(dec)
    elif m.group("word"):
        core = m.group("word")
        parts = _WORD_SPLIT_RE.split(core.lower())
        total = sum(_SMALL_NUM.get(p, 0) + _TENS_NUM.get(p, 0) for p in parts)
        wscale = (m.group("wscale") or "").lower()
        if wscale:
            total *= _SCALE_NUM[wscale]
        value = str(total)
    else:
        core = m.group()
        value = str(_SCALE_NUM[(m.group("ascale") or "").lower()])

    # The noun after the number.
    unit_words: list[str] = []
    if pct:
        unit_end, unit = core_end, "%"
    elif hy:
        unit_end, unit = core_end, hy.lower()
    else:
        unit_end, unit_words = _unit_after(text, core_end, bool(vague))
        unit = _singular(unit_words[-1]) if unit_words else ""

    # A bare "one" is a pronoun more often than a count.
    if m.group("word") and core.lower() == "one" and not m.group("wscale"):
        before = text[max(0, s - 12) : s].lower().split()
        if not unit or (
            before
            and before[-1]
            in {"no", "any", "every", "each", "the", "this", "that", "which", "some", "someone"}
        ):
            return None

    # A four-digit number alone is a year unless it counts something.
    num = m.group("num") or ""
    if (
        num
        and not (qual or cur or m.group("scale") or pct or hy)
        and len(num) == 4
        and num.isdigit()
        and 1000 <= int(_digits(num)) <= 2199
    ):
        y = int(_digits(num))
        before_words = text[max(0, s - 5) : s].lower().split()
        counts = bool(unit_words) and unit_words[0][:1].islower() and _is_plural(unit_words[-1])
        if counts and before_words and before_words[-1] == "the" and 1900 <= y <= 2100:
            counts = False
        if not counts:
            fact = Fact("date", text[s:core_end], (s, core_end), doc, f"{y:04d}")
            return _Item(fact, "date", (f"{y:04d}",), date=(y, None, None))

    if _overlaps(num_mask, s, unit_end):
        unit_end, unit = core_end, ""
    fact = Fact("number", text[s:unit_end], (s, unit_end), doc, value)
    qcls = _QUAL_CLASS.get(qual, "")
    return _Item(
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


# -- quotes --------------------------------------------------------------------------


def _quote_value(inner: str) -> str:
    return " ".join(t.norm for t in tokenize(inner))


def _quote_item(text: str, doc: int, s: int, e: int) -> _Item | None:
    inner = text[s + 1 : e - 1]
    if len(inner) > _QUOTE_MAX_CHARS or _BLANK_LINE_RE.search(inner):
        return None
    value = _quote_value(inner)
    if value.count(" ") + 1 < _QUOTE_MIN_TOKENS:
        return None
    return _Item(Fact("quote", text[s:e], (s, e), doc, value), "quote", (value,))


def _pair_marks(text: str, open_ch: str, close_ch: str) -> list[tuple[int, int]]:
    """Pair ambiguous quote marks by their position against words."""
    n = len(text)
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    pos = -1
    while True:
        a = text.find(open_ch, pos + 1)
        b = text.find(close_ch, pos + 1) if close_ch != open_ch else a
        cands = [x for x in (a, b) if x != -1]
        if not cands:
            break
        pos = min(cands)
        prev = text[pos - 1] if pos > 0 else " "
        nxt = text[pos + 1] if pos + 1 < n else " "
        ch = text[pos]
        can_open = ch == open_ch and (prev.isspace() or prev in _OPENERS) and not nxt.isspace()
        can_close = (
            ch == close_ch
            and not prev.isspace()
            and (nxt.isspace() or nxt in _CLOSE_FOLLOW or (close_ch != "’" and nxt in "\"'"))
        )
        if close_ch == "’" and (nxt.isalnum()):
            can_close = False
        if opened is not None and can_close:
            if pos - opened <= _QUOTE_MAX_CHARS + 1:
                pairs.append((opened, pos + 1))
            opened = None
        elif can_open:
            opened = pos
    return pairs


def _quotes(text: str, doc: int) -> list[_Item]:
    spans: list[tuple[int, int]] = []
    for pat in (_CURLY_RE, _GUILLEMET_RE):
        spans.extend(m.span() for m in pat.finditer(text))
    if '"' in text:
        spans.extend(_pair_marks(text, '"', '"'))
    if "‘" in text:
        spans.extend(_pair_marks(text, "‘", "’"))
    out = []
    for s, e in sorted(set(spans)):
        item = _quote_item(text, doc, s, e)
        if item is not None:
            out.append(item)
    return out


# -- names ---------------------------------------------------------------------------


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0:
        ch = text[i]
        if ch in "“«‘„":
            return True
        if ch == '"' and (i == 0 or text[i - 1].isspace()):
            return True
        if ch in " \t\u00a0\"'”»’([{•·▪◦‣●○■□►➢*-–—+":
            i -= 1
            continue
        break
    if i < 0:
        return True
    ch = text[i]
    if ch in "\n\r!?…":
        return True
    if ch == ".":
        j = i - 1
        while j >= 0 and text[j].isalpha():
            j -= 1
        word = text[j + 1 : i]
        if len(word) == 1 and word.isupper():
            return False
        return word.lower() not in _SENTENCE_ABBREVS
    return False


def _tokens(text: str, name_mask: bytearray) -> tuple[list[_Tok], set[str]]:
    """Capitalised tokens (name material) and the set of words seen in lower case."""
    lower_vocab = {w.lower() for w in _LOWER_WORD_RE.findall(text)}
    toks: list[_Tok] = []
    for m in _CAP_TOKEN_RE.finditer(text):
        raw = m.group()
        s, e = m.span()
        if _overlaps(name_mask, s, e):
            continue
        core = raw
        poss = False
        if len(raw) > 2 and raw[-2] in "'’" and raw[-1] in "sS":
            core = raw[:-2]
            poss = True
        cap = True
        if "-" in core or "'" in core or "’" in core:
            parts = _INNER_SPLIT_RE.split(core)
            # "English-language", "President-elect": adjectives, not names
            if any(p[:1].islower() and len(p) >= 3 for p in parts[1:]):
                cap = False
        lower = core.lower()
        allcaps = core.isupper() and sum(c.isalpha() for c in core) >= 2
        if lower.rstrip(".") in _MONTH_NUM or lower in _WEEKDAYS:
            cap = False  # month and weekday names break runs and are never names
        toks.append(_Tok(s, s + len(core), core, lower, cap, allcaps, poss))
    return toks, lower_vocab


def _joinable(text: str, a: _Tok, b_start: int) -> bool:
    """May the capitalised token ``a`` continue into the one at ``b_start``?"""
    if a.poss:
        return False
    gap = text[a.end : b_start]
    if gap in (" ", "\u00a0"):
        return True
    if gap in (". ", ".\u00a0"):
        return (
            a.lower in _TITLES
            or a.lower in _SENTENCE_ABBREVS
            or (len(a.core) == 1 and a.core.isupper())
        )
    return len(gap) <= 8 and _PARTICLE_GAP_RE.fullmatch(gap) is not None


def _is_org_word(tok: _Tok) -> bool:
    w = tok.lower.rstrip(".")
    return w in _ORG_WORDS or (w.endswith("s") and w[:-1] in _ORG_WORDS)


def _names(text: str, doc: int, name_mask: bytearray) -> list[_Item]:
    toks, lower_vocab = _tokens(text, name_mask)
    if not toks:
        return []
    bullets = _bullet_spans(text)
    cands = _runs(text, toks, lower_vocab, bullets)
    cands = _classify(text, cands, lower_vocab, bullets)
    out = []
    for c in cands:
        t = text[c.start : c.end]
        value = _collapse(fold(t))
        letters = _letters(t)
        if not letters:
            continue
        fact = Fact(c.kind, t, (c.start, c.end), doc, value)
        out.append(
            _Item(
                fact,
                "name",
                (letters,),
                letters=letters,
                toks=_name_tokens(t),
            )
        )
    return out


def _bullet_spans(text: str) -> dict[int, tuple[int, int, int]]:
    """Bullet lines: content start -> (content end, line number, line start)."""
    out: dict[int, tuple[int, int, int]] = {}
    pos = 0
    for line_no, line in enumerate(text.split("\n")):
        start = pos
        pos += len(line) + 1
        body = line.lstrip(" \t\u00a0")
        if len(body) < 3 or body[0] not in _BULLETS or body[1] not in " \t\u00a0":
            continue
        content = body[1:].strip(" \t\u00a0")
        content = content.rstrip(",;.").rstrip(" \t\u00a0")
        if not content:
            continue
        cs = start + line.index(content, len(line) - len(body) + 1)
        out[cs] = (cs + len(content), line_no, start)
    return out


def _prev_words(text: str, pos: int) -> list[str]:
    """Up to four lower-cased words right before ``pos`` on the same line."""
    chunk = text[max(0, pos - 40) : pos]
    if not chunk or not chunk[-1].isspace():
        return []
    nl = chunk.rfind("\n")
    if nl >= 0:
        chunk = chunk[nl + 1 :]
    words = chunk.lower().split()[-4:]
    if words and words[-1] == "the":
        words.pop()
    return words


def _place_cue(w: list[str]) -> bool:
    if not w:
        return False
    if w[-1] in _PLACE_PREV:
        return True
    if len(w) >= 2 and w[-1] == "of" and w[-2] in _PLACE_OF:
        return True
    if len(w) >= 2 and w[-1] in ("like", "including", "of") and w[-2] in _PLACE_LIST_NOUNS:
        return True
    return len(w) >= 3 and w[-2:] == ["such", "as"] and w[-3] in _PLACE_LIST_NOUNS


def _fails_initial(
    tok: _Tok, text: str, lower_vocab: set[str], cap_pos: dict[str, list[int]]
) -> bool:
    """Is a capitalised sentence opener a common word rather than a name?"""
    base = _base(tok.lower)
    if base in _STOP:
        return True
    if tok.allcaps:
        return False
    # capitalised inside a sentence elsewhere: a name
    if any(p != tok.start and not _sentence_initial(text, p) for p in cap_pos[tok.lower][:20]):
        return False
    if len(base) > 4 and base.endswith(("ly", "ing", "ed")):
        return True
    return tok.lower in lower_vocab


def _runs(
    text: str, toks: list[_Tok], lower_vocab: set[str], bullets: dict[int, tuple[int, int, int]]
) -> list[_Cand]:
    n = len(toks)
    out: list[_Cand] = []
    cap_pos: dict[str, list[int]] = defaultdict(list)
    for t in toks:
        cap_pos[t.lower].append(t.start)
    i = 0
    while i < n:
        if not toks[i].cap:
            i += 1
            continue
        run = [toks[i]]
        j = i
        while j + 1 < n:
            cur, nxt = toks[j], toks[j + 1]
            if cur.poss:
                # "People's Mojahedin Organization": a possessive inside an organisation name
                ahead: list[_Tok] = []
                k = j + 1
                prev_end = cur.end + 2
                while k < n and toks[k].cap and text[prev_end : toks[k].start] in (" ", "\u00a0"):
                    ahead.append(toks[k])
                    if toks[k].poss:
                        break
                    prev_end = toks[k].end
                    k += 1
                if ahead and any(_is_org_word(t) for t in ahead):
                    cur.poss = False
                    run.extend(ahead)
                    j += len(ahead)
                    continue
                break
            if nxt.cap and _joinable(text, cur, nxt.start):
                run.append(nxt)
                j += 1
                continue
            break
        i = j + 1
        out.extend(_trim_run(text, run, lower_vocab, bullets, cap_pos))
    return out


def _trim_run(
    text: str,
    run: list[_Tok],
    lower_vocab: set[str],
    bullets: dict[int, tuple[int, int, int]],
    cap_pos: dict[str, list[int]],
) -> list[_Cand]:
    bullet = bullets.get(run[0].start)
    is_bullet = bullet is not None
    initial = _sentence_initial(text, run[0].start)
    while run:
        t = run[0]
        base = _base(t.lower)
        if (base in _STOP and not t.allcaps) or not t.cap:
            run = run[1:]
            initial = False
            continue
        if initial and not is_bullet and _fails_initial(t, text, lower_vocab, cap_pos):
            run = run[1:]
            initial = False
            continue
        break
    while run and not run[-1].cap:
        run = run[:-1]
    if (
        initial
        and len(run) > 1
        and not is_bullet
        and not run[0].allcaps
        and not _is_org_word(run[0])
        and run[0].lower.rstrip(".") not in _TITLES
        and _PARTICLE_GAP_RE.fullmatch(text[run[0].end : run[1].start]) is not None
    ):
        run = run[1:]  # "Members of the X Union": a common noun opens the sentence
        initial = False
    if not run:
        return []
    if len(run) == 1:
        t = run[0]
        w = t.lower.rstrip(".")
        if w in _TITLES or len(t.core) < 2:
            return []
        if initial and not t.allcaps and _is_org_word(t):
            return []  # "Police said ..." names no particular organisation
    # Title prefix: "Supreme Leader Ali Khamenei" -> person "Ali Khamenei".
    if not any(_is_org_word(t) for t in run):
        k = -1
        for idx, t in enumerate(run[:-1]):
            if t.lower.rstrip(".") in _TITLES:
                k = idx
        if k >= 0 and _PARTICLE_GAP_RE.fullmatch(text[run[k].end : run[k + 1].start]) is None:
            out = []
            prefix, name = run[: k + 1], run[k + 1 :]
            if len(prefix) >= 2:
                out.append(_Cand(prefix[0].start, prefix[-1].end, prefix))
            c = _Cand(name[0].start, name[-1].end, name, person=2)
            out.append(c)
            return out
    c = _Cand(run[0].start, run[-1].end, run)
    if bullet is not None:
        # the whole bullet line (bar "The" or trailing punctuation) is this name
        c.bullet = text[run[-1].end : bullet[0]].strip(" .,;") == ""
        if c.bullet and c.start not in bullets:
            bullets[c.start] = bullet
    return [c]


def _classify(
    text: str, cands: list[_Cand], lower_vocab: set[str], bullets: dict[int, tuple[int, int, int]]
) -> list[_Cand]:
    """Give every candidate a kind (one per name in the document); drop weak candidates."""
    for c in cands:
        if any(_is_org_word(t) for t in c.toks):
            c.org = True
        if len(c.toks) == 1 and c.toks[0].allcaps:
            c.acronym = True
        after = text[c.end : c.end + 40]
        if _ACRONYM_AFTER_RE.match(after):
            c.orgv += 2
        prev = _prev_words(text, c.start)
        if _place_cue(prev) or (len(c.toks) == 1 and prev and prev[-1] in _WEAK_PLACE_PREV):
            c.place += 1
        if prev and prev[-1] in _PERSON_PREV:
            c.person += 1
        if _PLACE_AFTER_RE.match(after):
            c.place += 2
        if _PERSON_AFTER_RE.match(after):
            c.person += 1
        words = [t for t in c.toks if t.lower not in _PARTICLES]
        if 2 <= len(c.toks) <= 3 and not c.org and words:
            first = words[0].lower
            demonym = len(first) >= 6 and first.endswith(_DEMONYM_ENDINGS)
            c.default_person = (
                len(words) >= 2
                and not demonym
                and not any(
                    t.allcaps or t.lower in lower_vocab or t.lower.rstrip(".") in _TITLES
                    for t in words
                )
            )
    _list_cues(text, cands, bullets)

    # One kind per name in the document.
    votes: dict[str, list[_Cand]] = defaultdict(list)
    for c in cands:
        votes[_letters(text[c.start : c.end])].append(c)
    kinds: dict[str, str] = {}
    for key, cs in votes.items():
        person = sum(c.person for c in cs)
        place = sum(c.place for c in cs)
        orgv = sum(c.orgv for c in cs)
        if any(c.org for c in cs):
            kind = "organisation"
        elif any(c.acronym for c in cs):
            kind = "place" if key in _PLACE_ACRONYMS else "organisation"
        elif orgv > max(person, place):
            kind = "organisation"
        elif person > place:
            kind = "person"
        elif place > 0:
            kind = "place"
        elif any(c.default_person for c in cs):
            kind = "person"
        else:
            kind = "entity"
        kinds[key] = kind
    # A single name equal to a part of a person's name is that person.
    person_parts: set[str] = set()
    for c in cands:
        if len(c.toks) >= 2 and kinds[_letters(text[c.start : c.end])] == "person":
            person_parts.add(_letters(c.toks[-1].core))
            person_parts.add(_letters(c.toks[0].core))
    out: list[_Cand] = []
    for key, cs in votes.items():
        kind = kinds[key]
        single = len(cs[0].toks) == 1
        if kind == "entity" and single and key in person_parts:
            kind = "person"
        # A lone capitalised common word ("the Presidential election"), not a name.
        if kind == "entity" and single and cs[0].toks[0].lower in lower_vocab:
            continue
        for c in cs:
            c.kind = kind
            out.append(c)
    out.sort(key=lambda c: c.start)
    return out


def _list_cues(text: str, cands: list[_Cand], bullets: dict[int, tuple[int, int, int]]) -> None:
    """Names listed together (comma lists, bullet lists) are mostly places."""
    chains: list[list[_Cand]] = []
    chain: list[_Cand] = []
    for c in cands:
        if chain:
            gap = text[chain[-1].end : c.start]
            if "\n" not in gap and gap.strip() and _LIST_GAP_RE.match(gap):
                chain.append(c)
                continue
            chains.append(chain)
        chain = [c]
    if chain:
        chains.append(chain)
    for ch in chains:
        if len(ch) < 3:
            continue
        before = text[max(0, ch[0].start - 60) : ch[0].start]
        for stop in ".!?\n":
            if stop in before:
                before = before[before.rfind(stop) + 1 :]
        _vote_list(ch, before)

    # Bullet lists: consecutive bullet lines holding just a name.
    bullet_cands = [c for c in cands if c.bullet]
    lines: dict[int, tuple[_Cand, int]] = {}
    for c in bullet_cands:
        _end, line_no, line_start = bullets[c.start]
        lines[line_no] = (c, line_start)
    groups: list[list[tuple[_Cand, int]]] = []
    for line_no in sorted(lines):
        if groups and line_no - 1 in lines and groups[-1][-1] is lines[line_no - 1]:
            groups[-1].append(lines[line_no])
        else:
            groups.append([lines[line_no]])
    for g in groups:
        if len(g) < 2:
            continue
        first_line_start = g[0][1]
        prev_nl = text.rfind("\n", 0, max(0, first_line_start - 1))
        context = text[max(0, prev_nl - 200) : first_line_start]
        _vote_list([c for c, _ in g], context)


def _vote_list(items: list[_Cand], context: str) -> None:
    cue = bool(_PLACE_NOUN_RE.search(context)) or bool(_PLACE_BEFORE_RE.search(context))
    plain = [c for c in items if not c.org and not c.acronym]
    singles = sum(1 for c in plain if len(c.toks) == 1)
    if cue or (plain and singles / len(items) >= 0.6):
        for c in plain:
            if c.person < 2:
                c.place += 2


# --------------------------------------------------------------------------------------
# Diff
# --------------------------------------------------------------------------------------


@dataclass
class _Result:
    kept: list[FactLink] = field(default_factory=list)
    changed: list[FactLink] = field(default_factory=list)
    added: list[Fact] = field(default_factory=list)
    dropped: list[Fact] = field(default_factory=list)


def _groups(items: Iterable[_Item], cls: str) -> list[_Group]:
    by_key: dict[tuple[object, ...], _Group] = {}
    order: list[_Group] = []
    for it in items:
        if it.cls != cls:
            continue
        g = by_key.get(it.key)
        if g is None:
            g = by_key[it.key] = _Group()
            order.append(g)
        g.items.append(it)
        g.pas.update(it.pas)
    return order


def _assign_passages(items: list[_Item], passages: Sequence[Passage], doc: int) -> None:
    if not items or not passages:
        return
    order = sorted(range(len(items)), key=lambda i: items[i].fact.span[0])
    starts = [items[i].fact.span[0] for i in order]
    maxlen = max(it.fact.span[1] - it.fact.span[0] for it in items)
    found: dict[int, set[int]] = defaultdict(set)
    for pi, p in enumerate(passages):
        if not 0 <= doc < len(p.spans):
            continue
        for rs, re_ in p.spans[doc]:
            lo = bisect.bisect_left(starts, rs - maxlen)
            hi = bisect.bisect_left(starts, re_)
            for k in range(lo, hi):
                i = order[k]
                s, e = items[i].fact.span
                if s < re_ and e > rs:
                    found[i].add(pi)
    for i, pis in found.items():
        items[i].pas = frozenset(pis)


def _pair(gs: _Group, gd: _Group) -> tuple[Fact, Fact]:
    """Representative occurrences, preferring two inside one passage."""
    if gs.pas & gd.pas:
        for d in gd.items:
            for s in gs.items:
                if s.pas & d.pas:
                    return s.fact, d.fact
    return gs.first.fact, gd.first.fact


def _shares(gs: _Group, gd: _Group) -> bool:
    return bool(gs.pas & gd.pas)


def diff_facts(
    source_text: str,
    derived_text: str,
    *,
    source_doc: int,
    derived_doc: int,
    passages: Sequence[Passage] = (),
) -> FactDiff:
    """Compare the facts of a source and a derived text.

    ``passages`` (aligned reuse) make facts inside one passage pair up preferentially.
    """
    # Copies: matching marks items. A search diffs one query against many hits, so the
    # query's analysis is remembered.
    src = [copy.copy(it) for it in _analysed(source_text, source_doc)]
    der = [copy.copy(it) for it in _analysed(derived_text, derived_doc)]
    _assign_passages(src, passages, source_doc)
    _assign_passages(der, passages, derived_doc)
    res = _Result()
    _diff_numbers(_groups(src, "number"), _groups(der, "number"), res)
    _diff_dates(_groups(src, "date"), _groups(der, "date"), res)
    _diff_names(_groups(src, "name"), _groups(der, "name"), res)
    _diff_exact(_groups(src, "hashtag"), _groups(der, "hashtag"), res)
    _diff_quotes(
        _groups(src, "quote"), _groups(der, "quote"), source_text, derived_text, res,
        source_doc, derived_doc,
    )  # fmt: skip

    def span_key(f: Fact) -> tuple[int, int, str]:
        return f.span[0], f.span[1], f.kind

    log.debug(
        "facts: %d source, %d derived; kept %d changed %d added %d dropped %d",
        len(src), len(der), len(res.kept), len(res.changed), len(res.added), len(res.dropped),
    )  # fmt: skip
    return FactDiff(
        source_doc=source_doc,
        derived_doc=derived_doc,
        kept=tuple(sorted(res.kept, key=lambda k: span_key(k.derived))),
        changed=tuple(sorted(res.changed, key=lambda k: span_key(k.derived))),
        added=tuple(sorted(res.added, key=span_key)),
        dropped=tuple(sorted(res.dropped, key=span_key)),
    )


# -- numbers -------------------------------------------------------------------------


def _unit_compat(a: _Item, b: _Item) -> bool:
    if a.cur and b.cur and a.cur != b.cur:
        return False
    return not a.unit or not b.unit or a.unit == b.unit


def _qual_note(s: _Item, d: _Item) -> str:
    if s.qual and not d.qual:
        return f"qualifier '{s.qual}' dropped"
    if d.qual and not s.qual:
        return f"qualifier '{d.qual}' added"
    if s.qual != d.qual:
        return f"qualifier '{s.qual}' → '{d.qual}'"
    return ""


def _diff_numbers(S: list[_Group], D: list[_Group], res: _Result) -> None:
    by_value: dict[str, list[_Group]] = defaultdict(list)
    for g in S:
        by_value[g.first.fact.value].append(g)
    used: set[int] = set()
    exact_used: set[int] = set()
    unmatched: list[_Group] = []
    for gd in D:
        d = gd.first
        cands = [g for g in by_value.get(d.fact.value, ()) if _unit_compat(g.first, d)]
        if not cands:
            unmatched.append(gd)
            continue
        gs = min(
            cands,
            key=lambda g: (
                not _shares(g, gd),
                g.first.qcls != d.qcls,
                g.first.unit != d.unit,
                g.first.fact.span[0],
            ),
        )
        used.add(id(gs))
        exact_used.add(id(gs))
        s = gs.first
        sf, df = _pair(gs, gd)
        if s.qcls == d.qcls:
            note = ""
            if s.qual != d.qual:
                note = f"qualifier '{s.qual}' → '{d.qual}' (same meaning)"
            res.kept.append(FactLink(d.fact.kind, sf, df, note))
        else:
            res.changed.append(FactLink(d.fact.kind, sf, df, _qual_note(s, d)))

    by_unit: dict[str, list[_Group]] = defaultdict(list)
    for g in S:
        if g.first.unit and id(g) not in exact_used:
            by_unit[g.first.unit].append(g)
    for gd in unmatched:
        d = gd.first
        options: dict[int, _Group] = {}
        if d.unit:
            for g in by_unit.get(d.unit, ()):
                if _unit_compat(g.first, d):
                    options[id(g)] = g
        if gd.pas:
            for g in S:
                if id(g) in exact_used or id(g) in used or not _shares(g, gd):
                    continue
                if _unit_compat(g.first, d) or (g.first.unit and d.unit):
                    options[id(g)] = g
        if not options:
            res.added.append(d.fact)
            continue
        gs = min(
            options.values(),
            key=lambda g: (
                not _shares(g, gd),
                g.first.unit != d.unit,
                id(g) in used,
                not g.first.vague,
                g.first.fact.span[0],
            ),
        )
        used.add(id(gs))
        s = gs.first
        sf, df = _pair(gs, gd)
        notes = []
        if s.vague and not d.vague:
            notes.append(f"vague '{s.vague}' made specific")
        elif d.vague and not s.vague:
            notes.append(f"specific '{s.core}' made vague ('{d.vague}')")
        else:
            notes.append(f"value {s.fact.value} → {d.fact.value}")
        if s.unit and d.unit and s.unit != d.unit:
            notes.append(f"noun '{s.unit}' → '{d.unit}'")
        if s.qcls != d.qcls:
            notes.append(_qual_note(s, d))
        res.changed.append(FactLink(d.fact.kind, sf, df, "; ".join(notes)))
        # A vague derived quantity claims less than the source; anything else is new.
        if not (d.vague and not s.vague):
            res.added.append(d.fact)
    for g in S:
        if id(g) not in used:
            res.dropped.append(g.first.fact)


# -- dates ---------------------------------------------------------------------------


def _date_within(general: _Item, specific: _Item) -> bool:
    """True when every known part of ``general`` is known and equal in ``specific``."""
    a, b = general.date, specific.date
    if a is None or b is None:
        return False
    known = 0
    for x, y in zip(a, b, strict=True):
        if x is None:
            continue
        if y is None or x != y:
            return False
        known += 1
    return known > 0 and sum(v is not None for v in b) > known


def _same_shape(a: _Item, b: _Item) -> bool:
    if a.date is None or b.date is None:
        return False
    return all((x is None) == (y is None) for x, y in zip(a.date, b.date, strict=True))


def _date_near(a: _Item, b: _Item) -> bool:
    """Same shape and same parts but the finest one ("May 5" / "May 6")."""
    if a.date is None or b.date is None or not _same_shape(a, b):
        return False
    known = [(x, y) for x, y in zip(a.date, b.date, strict=True) if x is not None]
    # (year, month, day): the finest known part is the last one, except for a year alone
    return len(known) >= 2 and all(x == y for x, y in known[:-1]) and known[-1][0] != known[-1][1]


def _diff_dates(S: list[_Group], D: list[_Group], res: _Result) -> None:
    by_value = {g.first.fact.value: g for g in S}
    used: set[int] = set()
    pending: list[_Group] = []
    for gd in D:
        d = gd.first
        gs = by_value.get(d.fact.value)
        if gs is not None:
            used.add(id(gs))
            sf, df = _pair(gs, gd)
            res.kept.append(FactLink("date", sf, df))
            continue
        pending.append(gd)
    for gd in pending:
        d = gd.first
        wider = [g for g in S if _date_within(d, g.first)]
        if wider:
            gs = min(wider, key=lambda g: (not _shares(g, gd), g.first.fact.span[0]))
            used.add(id(gs))
            sf, df = _pair(gs, gd)
            res.kept.append(FactLink("date", sf, df, f"less specific than '{gs.first.fact.text}'"))
            continue
        narrower = [g for g in S if _date_within(g.first, d)]
        if narrower:
            gs = min(
                narrower,
                key=lambda g: (
                    not _shares(g, gd),
                    -sum(v is not None for v in (g.first.date or ())),
                    g.first.fact.span[0],
                ),
            )
            used.add(id(gs))
            sf, df = _pair(gs, gd)
            note = f"date made more specific ('{sf.text}' → '{df.text}')"
            res.changed.append(FactLink("date", sf, df, note))
            res.added.append(d.fact)
            continue
        same = [
            g
            for g in S
            if id(g) not in used
            and (_shares(g, gd) or _date_near(g.first, d))
            and _same_shape(g.first, d)
        ]
        if same:
            gs = min(same, key=lambda g: (not _shares(g, gd), g.first.fact.span[0]))
            used.add(id(gs))
            sf, df = _pair(gs, gd)
            res.changed.append(
                FactLink("date", sf, df, f"date changed ('{sf.text}' → '{df.text}')")
            )
        res.added.append(d.fact)
    for g in S:
        if id(g) not in used:
            res.dropped.append(g.first.fact)


# -- names ---------------------------------------------------------------------------


def _token_variant(a: str, b: str) -> bool:
    if a == b or _singular(a) == _singular(b):
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    r = fuzz.ratio(a, b) / 100.0
    if r >= 0.9:
        return True
    return r >= 0.8 and _skeleton(a) == _skeleton(b)


def _name_variant(s: _Item, d: _Item) -> bool:
    """Spelling variants of one name (never a mere prefix: "Kerman" / "Kermanshah")."""
    if s.letters == d.letters:
        return True
    if s.letters.isdigit() or d.letters.isdigit():
        return False
    if len(s.toks) == len(d.toks) and len(s.toks) > 1:
        return all(_token_variant(a, b) for a, b in zip(s.toks, d.toks, strict=True))
    return _token_variant(s.letters, d.letters)


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """``short`` opens or closes ``long`` ("Raisi" in "Ebrahim Raisi"), not after "of"."""
    if not short or len(short) >= len(long):
        return False
    if len(short) == 1 and (len(short[0]) < 3 or short[0] in _PARTICLES):
        return False
    n = len(short)
    if long[:n] == short and long[n] not in _PARTICLES:
        return True
    return long[-n:] == short and long[-n - 1] not in _PARTICLES


def _diff_names(S: list[_Group], D: list[_Group], res: _Result) -> None:
    by_letters = {g.first.letters: g for g in S}
    by_first: dict[str, list[_Group]] = defaultdict(list)
    by_token: dict[str, list[_Group]] = defaultdict(list)
    for g in S:
        by_first[g.first.letters[:1]].append(g)
        for t in set(g.first.toks):
            by_token[t].append(g)
    used: set[int] = set()
    for gd in D:
        d = gd.first
        gs = by_letters.get(d.letters)
        note = ""
        if gs is not None:
            if gs.first.fact.value != d.fact.value and _collapse(gs.first.fact.value) != _collapse(
                d.fact.value
            ).replace("’", "'"):
                note = f"spelling variant of '{gs.first.fact.text}'"
        else:
            best: tuple[float, _Group] | None = None
            for g in by_first.get(d.letters[:1], ()):
                s = g.first
                if abs(len(s.letters) - len(d.letters)) > 4 or not _name_variant(s, d):
                    continue
                r = fuzz.ratio(s.letters, d.letters)
                if best is None or r > best[0]:
                    best = (r, g)
            if best is not None:
                gs = best[1]
                note = f"spelling variant of '{gs.first.fact.text}'"
            else:
                cands: list[_Group] = []
                seen: set[int] = set()
                for t in d.toks:
                    for g in by_token.get(t, ()):
                        if id(g) in seen:
                            continue
                        seen.add(id(g))
                        if _contains(g.first.toks, d.toks) or _contains(d.toks, g.first.toks):
                            cands.append(g)
                if cands:
                    gs = min(
                        cands,
                        key=lambda g: (
                            not _shares(g, gd),
                            g.first.fact.kind != d.fact.kind,
                            g.first.fact.span[0],
                        ),
                    )
                    note = f"partial name ('{gs.first.fact.text}')"
                    for g in cands:
                        used.add(id(g))
        if gs is None:
            res.added.append(d.fact)
            continue
        used.add(id(gs))
        sf, df = _pair(gs, gd)
        res.kept.append(FactLink(d.fact.kind, sf, df, note))
    # A source name wholly contained in a derived name is not dropped either.
    by_dtoken: dict[str, list[_Group]] = defaultdict(list)
    for g in D:
        for t in set(g.first.toks):
            by_dtoken[t].append(g)
    for g in S:
        if id(g) in used:
            continue
        toks = g.first.toks
        if any(
            _contains(h.first.toks, toks) or _contains(toks, h.first.toks)
            for t in set(toks)
            for h in by_dtoken.get(t, ())
        ):
            continue
        res.dropped.append(g.first.fact)


# -- hashtags ------------------------------------------------------------------------


def _diff_exact(S: list[_Group], D: list[_Group], res: _Result) -> None:
    by_value = {g.first.fact.value: g for g in S}
    used: set[int] = set()
    for gd in D:
        gs = by_value.get(gd.first.fact.value)
        if gs is None:
            res.added.append(gd.first.fact)
            continue
        used.add(id(gs))
        sf, df = _pair(gs, gd)
        res.kept.append(FactLink(gd.first.fact.kind, sf, df))
    for g in S:
        if id(g) not in used:
            res.dropped.append(g.first.fact)


# -- quotes --------------------------------------------------------------------------


@dataclass
class _TokenText:
    """The folded tokens of a text joined by spaces, to find a quote's words anywhere."""

    text: str
    spans: list[tuple[int, int]]
    joined: str
    offsets: list[int]

    @classmethod
    def of(cls, text: str) -> _TokenText:
        toks = tokenize(text)
        offsets: list[int] = []
        pos = 1
        for t in toks:
            offsets.append(pos)
            pos += len(t.norm) + 1
        joined = " " + " ".join(t.norm for t in toks) + " "
        return cls(text, [(t.start, t.end) for t in toks], joined, offsets)

    def find(self, value: str) -> tuple[int, int] | None:
        if not value:
            return None
        at = self.joined.find(" " + value + " ")
        if at < 0:
            return None
        first = bisect.bisect_left(self.offsets, at + 1)
        last = first + value.count(" ")
        if last >= len(self.spans):
            return None
        return self.spans[first][0], self.spans[last][1]


def _token_ratio(a: str, b: str) -> float:
    """Similarity (0-100) of two folded quotes, word by word (0 when clearly below use)."""
    wa, wb = a.split(), b.split()
    if 200 * min(len(wa), len(wb)) < _QUOTE_CHANGED * (len(wa) + len(wb)):
        return 0.0  # the lengths alone rule out a useful score
    return float(fuzz.ratio(wa, wb, score_cutoff=_QUOTE_CHANGED))


def _diff_quotes(
    S: list[_Group],
    D: list[_Group],
    source_text: str,
    derived_text: str,
    res: _Result,
    source_doc: int,
    derived_doc: int,
) -> None:
    by_value = {g.first.fact.value: g for g in S}
    used: set[int] = set()
    src_tokens: _TokenText | None = None
    for gd in D:
        d = gd.first
        value = d.fact.value
        gs = by_value.get(value)
        if gs is not None:
            used.add(id(gs))
            sf, df = _pair(gs, gd)
            res.kept.append(FactLink("quote", sf, df))
            continue
        # An excerpt of a longer quote, or nearly the same words.
        best: tuple[float, _Group] | None = None
        for g in S:
            sv = g.first.fact.value
            score = 101.0 if f" {value} " in f" {sv} " else _token_ratio(sv, value)
            if _shares(g, gd):
                score += 0.5
            if best is None or score > best[0]:
                best = (score, g)
        if best is not None and best[0] >= _QUOTE_KEPT:
            gs = best[1]
            used.add(id(gs))
            sf, df = _pair(gs, gd)
            note = "excerpt of a longer quote" if best[0] > 100 else "minor wording differences"
            res.kept.append(FactLink("quote", sf, df, note))
            continue
        if src_tokens is None:
            src_tokens = _TokenText.of(source_text)
        where = src_tokens.find(value)
        if where is not None:
            s, e = where
            sf = Fact("quote", source_text[s:e], (s, e), source_doc, value)
            res.kept.append(FactLink("quote", sf, d.fact, "quoted from the source's own text"))
            continue
        if best is not None and best[0] >= _QUOTE_CHANGED:
            gs = best[1]
            used.add(id(gs))
            sf, df = _pair(gs, gd)
            note = f"quote wording changed (similarity {min(best[0], 100) / 100:.2f})"
            res.changed.append(FactLink("quote", sf, df, note))
        res.added.append(d.fact)
    der_tokens: _TokenText | None = None
    for g in S:
        if id(g) in used:
            continue
        if der_tokens is None:
            der_tokens = _TokenText.of(derived_text)
        where = der_tokens.find(g.first.fact.value)
        if where is not None:
            s, e = where
            df = Fact("quote", derived_text[s:e], (s, e), derived_doc, g.first.fact.value)
            res.kept.append(FactLink("quote", g.first.fact, df, "quote marks removed"))
            continue
        res.dropped.append(g.first.fact)
