"""Dates written in the text: ISO and numeric dates, month names with a day and/or a year,
decades, and a month name after a cue word ("in May").

Other languages' dates are read too ("18 de junio de 2021", "le 18 juin", "am 18. Juni",
"18 июня 2021 года", "۱۸ ژوئن ۲۰۲۱", "18 يونيو/حزيران 2021"): the patterns of the text's
language, or of every language when it is undetermined (then only month names that cannot
be English words: lower-case French "mars", not "Mars"). Numeric dates are read day first
in languages that write them so ("18.06.2021"). Iranian-calendar dates ("۲۸ خرداد ۱۴۰۰",
"۱۴۰۰/۰۳/۲۸") are converted to the Gregorian calendar; an Iranian month ("اسفند ۱۴۰۱",
"از شهریور") keeps the Gregorian months it overlaps as alternatives.

A year standing alone is told apart from a count by the number extractor
(:mod:`.numbers`), which returns it as a date.
"""

from __future__ import annotations

from functools import cache

import regex

from ..text.dates import (
    MONTH_NAMES,
    SOLAR_HIJRI_MONTHS,
    month_number,
    month_numbers,
    month_pattern,
    solar_hijri_month,
    solar_hijri_to_gregorian,
)
from ..text.language import LANGUAGES
from ..types import Fact
from .forms import digits
from .items import Item, mark, overlaps
from .split_years import find_split_years
from .vocab import ORDINAL_WORDS

_B = r"(?<![\p{L}\p{N}])"
_MON = month_pattern(languages=("en",))
_MONTHS_FULL = month_pattern(abbreviations=False, languages=("en",))
_PART_WORDS = {
    "end": "late", "close": "late", "start": "early", "beginning": "early", "middle": "mid"
}  # fmt: skip
"""Words of "the end of 2023" and the like, as the part of the year they name."""
SEASON_PREFIX = "season:"
"""The value of a season: ``season:spring``, ``season:winter-2024``."""
PART_PREFIX = "part:"
"""The value of a part of a year: ``part:early-2021``, ``part:mid-1990`` (more specific
than the year alone, less than a month of it); of a part of a month: ``part:mid-12``,
``part:late-2027-03`` (more specific than the month, less than a day of it)."""
SEASON_MONTHS = {
    "spring": (3, 4, 5), "summer": (6, 7, 8), "autumn": (9, 10, 11), "winter": (12, 1, 2),
}  # fmt: skip
"""The months of each season, as the northern hemisphere counts them (meteorological)."""
_ORDINAL_WORDS = ORDINAL_WORDS
_ORDINALS = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))


def _century_value(ordinal: str, era: str | None) -> str:
    """ "first", "AD" → "c1"; "3rd", "BC" → "c3 BC" (a century, BC marked)."""
    low = ordinal.lower()
    n = _ORDINAL_WORDS.index(low) + 1 if low in _ORDINAL_WORDS else int(low[:-2])
    return f"c{n}" + (" BC" if era and era.upper() in ("BC", "BCE") else "")


_DATE_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    (
        # a part of a month: "mid-December", "early March 2027", "the end of May"
        "partm",
        regex.compile(
            r"(?<![\p{L}\p{N}-])(?:(?P<part>(?i:early|late|mid))(?:-|[ \u00a0]+)"
            r"|(?i:the)[ \u00a0]+(?P<part2>(?i:end|close|start|beginning|middle))[ \u00a0]+"
            rf"(?i:of)[ \u00a0]+)(?=[JFMASOND])(?P<mon>(?i:{_MONTHS_FULL}))(?![\p{{L}}])"
            r"(?:,?[ \u00a0]+(?P<y>1[5-9]\d\d|20\d\d)(?![\p{L}\p{N}]|[.,]\p{N}))?"
        ),
    ),
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
    # an early decade only after "the" ("the 260s"), where it cannot be a count
    ("decade", regex.compile(r"(?<=(?i:\bthe)\s+)(?P<y>[1-9]\d0)['’]?s(?![\p{L}\p{N}])")),
    (
        "season",
        regex.compile(
            r"(?<=(?i:\b(?:in|during|by|until|till|since|this|last|next|early|late|the|over|from|for"
            r"|through|throughout|before|after|every|each))\s+)"
            r"(?P<season>(?i:spring|summer|autumn|winter|fall(?!\s+(?i:of|in|on|at|from|to|by|into|is|was|will|would|could|may|might|and|or)\b)))"
            r"(?:\s+(?i:of\s+)?(?P<y>\d{4}))?(?![\p{L}\p{N}])"
        ),
    ),
    (
        "part",
        regex.compile(
            r"(?<![\p{L}\p{N}-])(?P<part>(?i:early|late|mid))(?:-|[ \u00a0]+)"
            r"(?P<y>1[5-9]\d\d|20\d\d)(?![\p{L}\p{N}]|[.,]\p{N})"
        ),
    ),
    (
        # "the end of 2023" is late 2023, "the start of 2024" early, "the middle" mid
        "part",
        regex.compile(
            r"(?<![\p{L}\p{N}-])(?i:the)[ \u00a0]+(?P<part>(?i:end|close|start|beginning"
            r"|middle))[ \u00a0]+(?i:of)[ \u00a0]+(?P<y>1[5-9]\d\d|20\d\d)(?![\p{L}\p{N}]|[.,]\p{N})"
        ),
    ),
    (
        "century",
        regex.compile(
            rf"(?<![\p{{L}}\p{{N}}-])(?P<c>(?i:{_ORDINALS})|\d{{1,2}}(?:st|nd|rd|th))[ \u00a0-]+"
            r"(?i:century)(?:[ \u00a0]+(?P<era>AD|BC|BCE|CE)(?![\p{L}]))?"
        ),
    ),
    (
        "m",
        regex.compile(
            r"(?<=(?i:\b(?:in|during|of|since|until|till|by|from|last|next|this|early|late|mid"
            r"|through|throughout|before|after|between|every|each|around|and|starting|beginning|ending"
            r"|effective)\s+|\bmid-))"
            r"(?=[JFMASOND])"
            rf"(?P<mon>(?i:{_MONTHS_FULL}))(?![\p{{L}}])"
        ),
    ),
)


# -- other languages -------------------------------------------------------------------

_E = r"(?![\p{L}\p{M}\p{N}\u200c])"  # the end of a word (a Persian ZWNJ continues one)
_ARABIC_SCRIPT = frozenset({"fa", "ar"})
PART_CUES = {
    "mi": "mid", "début": "early", "fin": "late", "mediados de": "mid", "finales de": "late",
    "fines de": "late", "principios de": "early", "anfang": "early", "ende": "late",
    "mitte": "mid", "начале": "early", "конце": "late", "середине": "mid", "اوایل": "early",
    "اواخر": "late", "اواسط": "mid", "مطلع": "early", "أواخر": "late", "منتصف": "mid",
}  # fmt: skip
"""Month cues of other languages that name a part of the month ("mi-juin", "Ende Mai"): the
month after them is that part of it, as "mid-June" is in English."""
# Words after which a month name alone is a date ("en junio", "im Juni", "в июне").
_MONTH_CUES = {
    "es": r"(?:en|desde|hasta|durante|para|de|mediados\s+de|finales\s+de|fines\s+de"
    r"|principios\s+de|antes\s+de|después\s+de)",
    "fr": r"(?:en|depuis|jusqu'en|jusqu’en|fin|début|mois\s+de|avant|après|d['’]ici)",
    "de": r"(?:im|seit|bis|ab|vor|nach|Anfang|Ende|Mitte|Monat)",
    "ru": r"(?:в|с|до|к|после|начале|конце|середине)",
    "fa": r"(?:در|ماه|از|تا|اوایل|اواخر|اواسط|قبل\s+از|پیش\s+از|پس\s+از|بعد\s+از)",
    "ar": r"(?:في|منذ|حتى|خلال|شهر|مطلع|أواخر|منتصف|قبل|بعد)",
}
_AMBIGUOUS_CUE_FORMS = frozenset({"مه", "می"})  # Persian "May": also "fog", a verb prefix


def _forms_of(lang: str, undetermined: bool, *, abbreviations: bool = True) -> list[str]:
    """The month forms of ``lang`` as written; for an undetermined text, without those an
    English text may write ("August", "April": German and English alike)."""
    table = MONTH_NAMES[lang]
    english = set(month_numbers(("en",)))
    out = [f for forms in table.names for f in forms]
    if abbreviations:
        out += [f for forms in table.abbreviations for f in forms]
    if undetermined:
        out = [f for f in out if f.casefold() not in english]
    return out


def _alt(forms: list[str], dot: bool = False) -> str:
    escaped = [regex.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f))]
    return "(?:" + "|".join(escaped) + (r")\.?" if dot else ")")


@cache
def _language_patterns(lang: str, undetermined: bool) -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """The date patterns of ``lang`` (group names as in :data:`_DATE_PATTERNS`; ``shm`` is
    an Iranian month)."""
    full_forms = _forms_of(lang, undetermined, abbreviations=False)
    short = sorted(set(_forms_of(lang, undetermined)) - set(full_forms))
    mon = f"(?:{_alt(full_forms)}|{_alt(short, dot=True)})" if short else _alt(full_forms)
    cue_forms = [f for f in full_forms if f not in _AMBIGUOUS_CUE_FORMS]
    y = r"(?P<y>\d{4})(?!\p{N})"
    out: list[tuple[str, str]] = []
    if lang == "fa":
        shm = _alt([f for forms in SOLAR_HIJRI_MONTHS for f in forms])
        shm_long = _alt([f for forms in SOLAR_HIJRI_MONTHS for f in forms if len(f) > 3])
        out += [
            ("shnum", rf"{_B}(?P<y>\d{{4}})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})(?!\p{{N}})"),
            ("sh", rf"{_B}(?P<d>\d{{1,2}})\s+(?P<shm>{shm})(?:\s+ماه)?(?:\s+(?:سال\s+)?{y}|{_E})"),
            ("shmy", rf"{_B}(?P<shm>{shm})(?:\s+ماه)?\s+(?:سال\s+)?{y}"),
            # a month alone after a cue ("از شهریور"); "تیر", "مهر", "دی" are common words
            # too (arrow, seal, ...), so they need "ماه" (month) after them
            (
                "shm",
                rf"(?<=(?:{_MONTH_CUES['fa']})\s+)(?:(?P<shm>{shm_long})(?:\s+ماه)?"
                rf"|(?P<shm2>{shm})\s+ماه){_E}",
            ),
        ]
    if lang == "es":
        out += [
            ("dmy", rf"{_B}(?P<d>\d{{1,2}})(?:º|°)?\s+de\s+(?P<mon>{mon})(?:\s+del?\s+{y}|{_E})"),
            ("my", rf"{_B}(?P<mon>{mon})\s+del?\s+{y}"),
        ]
    elif lang == "fr":
        out += [("dmy", rf"{_B}(?P<d>\d{{1,2}}|1er)\s+(?P<mon>{mon})(?:\s+{y}|{_E})")]
    elif lang == "de":
        out += [("dmy", rf"{_B}(?P<d>\d{{1,2}})\.\s*(?P<mon>{mon})(?:\s+{y}|{_E})")]
    elif lang == "ru":
        year = rf"{y}(?:\s*(?:года|г\.))?"
        out += [
            ("dmy", rf"{_B}(?P<d>\d{{1,2}})\s+(?P<mon>{mon})(?:\s+{year}|{_E})"),
            ("my", rf"{_B}(?P<mon>{mon})\s+{year}"),
        ]
    elif lang == "fa":
        out += [("dmy", rf"{_B}(?P<d>\d{{1,2}})\s+(?P<mon>{mon})(?:\s+(?:سال\s+)?{y}|{_E})")]
    elif lang == "ar":
        slash = rf"(?:\s*/\s*{mon})?"
        year = rf"\s*[،,]?\s*(?:(?:عام|سنة)\s+)?{y}"
        out += [
            ("dmy", rf"{_B}(?P<d>\d{{1,2}})\s+(?:من\s+)?(?P<mon>{mon}){slash}(?:{year}|{_E})"),
            ("my", rf"{_B}(?P<mon>{mon}){slash}{year}"),
        ]
    if lang in ("fr", "de", "fa"):
        out.append(("my", rf"{_B}(?P<mon>{mon})\s+{y}"))
    if not undetermined:
        out.append(
            (
                "dmy_num",
                r"(?<![\p{N}/.,])(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>(?:1[89]|20)\d\d)(?!\p{N}|[/.]\p{N})",
            )
        )
    if cue_forms:
        cue = _MONTH_CUES[lang]
        word = "" if lang in _ARABIC_SCRIPT else r"\b"
        hyphen = "|(?P<cue2>(?i:mi))-" if lang == "fr" else ""  # "mi-juin"
        out.append(
            ("m", rf"(?<={word}(?P<cue>(?i:{cue}))\s+{hyphen})(?P<mon>{_alt(cue_forms)}){_E}")
        )
    return tuple((name, regex.compile(pat)) for name, pat in out)


def _patterns_for(lang: str) -> list[tuple[str, regex.Pattern[str], bool]]:
    """(name, pattern, English?) in the order they claim text: another language's own
    patterns first (German "18. August 2021" before English "August 2021")."""
    out: list[tuple[str, regex.Pattern[str], bool]] = []
    if lang in ("en",):
        pass
    elif lang in LANGUAGES:
        out += [(n, p, False) for n, p in _language_patterns(lang, False)]
    else:  # undetermined: every language's patterns with a day or a year
        for code in LANGUAGES:
            if code != "en":
                out += [
                    (n, p, False)
                    for n, p in _language_patterns(code, True)
                    if n not in ("m", "shnum", "shmy", "shm")
                ]
    out += [(n, p, True) for n, p in _DATE_PATTERNS]
    return out


def _date_item(
    text: str, doc: int, s: int, e: int, y: int | None, m: int | None, d: int | None
) -> Item | None:
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
    return Item(fact, "date", (value,), date=(y, m, d))


def find_dates(
    text: str, doc: int, num_mask: bytearray, name_mask: bytearray, lang: str = "und"
) -> list[Item]:
    """The dates of ``text`` outside ``num_mask`` (written as ``lang`` writes them; any
    language when it is undetermined); marks them in both masks."""
    out: list[Item] = find_split_years(text, doc, num_mask, name_mask)
    sh_year: int | None = None
    for name, pat, english in _patterns_for(lang):
        for mt in pat.finditer(text):
            s, e = mt.span()
            if overlaps(num_mask, s, e):
                continue
            gd = mt.groupdict()
            mon = gd.get("mon")
            if english and mon is not None and not mon[:1].isupper():
                continue
            item: Item | None
            if name == "numeric":
                raw = digits(mt.group())
                item = Item(Fact("date", mt.group(), (s, e), doc, raw), "date", (raw,))
            elif name == "decade":
                value = digits(gd["y"]).zfill(4) + "s"
                item = Item(Fact("date", mt.group(), (s, e), doc, value), "date", (value,))
            elif name == "season":
                season = gd["season"].lower()
                season = "autumn" if season == "fall" else season  # the American name
                value = SEASON_PREFIX + season + (f"-{gd['y']}" if gd.get("y") else "")
                item = Item(Fact("date", mt.group(), (s, e), doc, value), "date", (value,))
            elif name == "part":
                part = _PART_WORDS.get(gd["part"].lower(), gd["part"].lower())
                value = f"{PART_PREFIX}{part}-{gd['y']}"
                item = Item(Fact("date", mt.group(), (s, e), doc, value), "date", (value,))
            elif name == "partm":
                raw_part = (gd["part"] or gd["part2"]).lower()
                part = _PART_WORDS.get(raw_part, raw_part)
                year = f"{gd['y']}-" if gd.get("y") else ""
                value = f"{PART_PREFIX}{part}-{year}{month_number(mon or ''):02d}"
                item = Item(Fact("date", mt.group(), (s, e), doc, value), "date", (value,))
            elif name == "century":
                value = _century_value(gd["c"], gd.get("era"))
                item = Item(Fact("date", mt.group(), (s, e), doc, value), "date", (value,))
            elif name in ("shmy", "shm"):
                if sh_year is None:
                    sh_year = _solar_hijri_year(text)
                item = _solar_hijri_month_item(text, doc, s, e, gd, sh_year)
            elif name in ("sh", "shnum"):
                if sh_year is None:
                    sh_year = _solar_hijri_year(text)
                item = _solar_hijri_item(text, doc, s, e, gd, sh_year)
            else:
                y = int(digits(gd["y"])) if gd.get("y") else None
                d_raw = gd.get("d")
                d = 1 if d_raw == "1er" else int(digits(d_raw)) if d_raw else None
                mnum = month_number(mon) if mon is not None else int(digits(gd["m"]))
                item = _date_item(text, doc, s, e, y, mnum, d)
                cue = " ".join((gd.get("cue") or gd.get("cue2") or "").lower().split())
                if item is not None and name == "m" and cue in PART_CUES:
                    value = f"{PART_PREFIX}{PART_CUES[cue]}-{mnum:02d}"  # "mi-avril", "Mitte Mai"
                    item = Item(Fact("date", mt.group(), (s, e), doc, value), "date", (value,))
                if item is not None and english and d and mnum and name.startswith("d"):
                    first = _range_start(text, doc, s, y, mnum, d, num_mask)
                    if first is not None:
                        out.append(first)
                if item is not None and english and d and mnum and name == "md":
                    last = _range_end(text, doc, (s, e), mnum, d, num_mask)
                    if last is not None:
                        out.append(last)
            if item is None:
                continue
            out.append(item)
            mark(num_mask, s, e)
            mark(name_mask, s, e)
    for mt in _SHORT_YEAR_RE.finditer(text):
        s, e = mt.span()
        if not overlaps(num_mask, s, e):
            yy = mt.group("yy")
            value = f"{SHORT_YEAR_PREFIX}{yy}"
            out.append(
                Item(
                    Fact("date", mt.group(), (s, e), doc, value),
                    "date",
                    (value,),
                    alts=(f"19{yy}", f"20{yy}"),
                )
            )
            mark(num_mask, s, e)
    return out


SHORT_YEAR_PREFIX = "yy:"
"""The start of the value of a year written by its last two digits ("'77")."""
_SHORT_YEAR_RE = regex.compile(r"(?<![\p{L}\p{N}'’])['’](?P<yy>\d{2})(?![\p{L}\p{N}'’]|[.,]\p{N})")
"""A year written by its last two digits after an apostrophe ("Class of '77", "Ines
Pardo ’05"): its :attr:`~.items.Item.alts` are the two years it may be, so that it keeps a
year written whole."""


_RANGE_START_RE = regex.compile(
    r"(?<![\p{L}\p{N}.,:/-])(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:[ \u00a0]*[-–—][ \u00a0]*|[ \u00a0]+(?i:to|until|till|and|or|through)[ \u00a0]+)"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[ \u00a0]+)?$"
)
"""The first day of a range of days that names its month once, after the last day ("8 to
23 February 2026", "8–23 February", "4 or 5 March", "13th to Friday 17th September")."""
_RANGE_END_RE = regex.compile(
    r"(?:\G|(?<![ \u00a0]))(?:[ \u00a0]*+[-–—][ \u00a0]*+(?P<dash>\d{1,2})(?:st|nd|rd|th)?"
    r"(?![\p{L}\p{N}%]|[.,:]\p{N}|[ \u00a0]*(?:%|(?i:per[ \u00a0]?cent(?:age)?|pc)\b))"
    r"|[ \u00a0]++(?i:to|until|till|and|or|through)[ \u00a0]+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    r"(?![\p{L}\p{N}%]|[.,:]\p{N}|[ \u00a0]*(?:%|[\p{L}\p{N}]*\p{L}s?\b(?<!(?i:and|or|to|at|in|on|for|you|we|the|a|is|are|will|only)))))"
)
"""The last day of a range of days that names its month once, before the first day
("March 4 or 5", "June 8–12"), not followed by a noun it counts ("May 4 and 5 people");
after a dash, a noun may follow ("the May 28–30 hailstorms")."""


_NOUN_AFTER_RE = regex.compile(
    r"[ \u00a0]+(?!(?i:in|on|at|to|and|or|for|from|with|by|of|the|a|an|is|are|was|were|will"
    r"|until|till|through|this|that|but|as)(?![\p{L}]))\p{L}"
)
_DETERMINER_BEFORE_RE = regex.compile(
    r"(?<![\p{L}])(?i:the|this|that|its|their|his|her|our|last|next|a)[ \u00a0]+$"
)


def _range_start(
    text: str, doc: int, s: int, y: int | None, m: int, d: int, num_mask: bytearray
) -> Item | None:
    """The first day of a range of days ending in the date that starts at ``s``: a date of
    its own, in the same month and year ("8" of "8 to 23 February 2026": 8 February
    2026), marked read; None when there is none."""
    r = _RANGE_START_RE.search(text, max(0, s - 30), s)
    if r is None or overlaps(num_mask, r.start(), s) or not 1 <= int(r.group("d")) < d:
        return None
    item = _date_item(text, doc, r.start(), r.end("d"), y, m, int(r.group("d")))
    if item is not None:
        mark(num_mask, r.start(), r.end("d"))
    return item


def _range_end(
    text: str, doc: int, span: tuple[int, int], m: int, d: int, num_mask: bytearray
) -> Item | None:
    """The last day of a range of days starting with the month and day at ``span``: a
    date of its own in the same month ("5" of "March 4 or 5": March 5), marked read; None
    when there is none. A dashed range before a noun is one only after a determiner ("the
    May 28–30 hailstorms", not "In May 20-30 people were hurt")."""
    s, e = span
    r = _RANGE_END_RE.match(text, e)
    if r is None:
        return None
    g = "dash" if r.group("dash") else "d"
    if (
        g == "dash"
        and _NOUN_AFTER_RE.match(text, r.end()) is not None
        and _DETERMINER_BEFORE_RE.search(text, max(0, s - 12), s) is None
    ):
        return None
    if overlaps(num_mask, e, r.end()) or not d < int(r.group(g)) <= 31:
        return None
    item = _date_item(text, doc, r.start(g), r.end(g), None, m, int(r.group(g)))
    if item is not None:
        mark(num_mask, r.start(g), r.end(g))
    return item


_SH_YEAR_RE = regex.compile(r"(?<!\p{N})\d{4}(?!\p{N})")
SOLAR_HIJRI_YEARS = (1300, 1499)
"""Four-digit years a Persian text writes in the Iranian calendar (1921-2121)."""


def _solar_hijri_year(text: str) -> int:
    """The Iranian year a text's dates without a year are read in: the first one it
    writes, else 1400 (a month and day fall on the same Gregorian day, give or take one,
    in any year)."""
    for m in _SH_YEAR_RE.finditer(text):
        y = int(digits(m.group()))
        if SOLAR_HIJRI_YEARS[0] <= y <= SOLAR_HIJRI_YEARS[1]:
            return y
    return 1400


def _solar_hijri_month_item(
    text: str, doc: int, s: int, e: int, gd: dict[str, str | None], default_year: int
) -> Item | None:
    """An Iranian month, of a year or alone: the Gregorian months it overlaps are its
    ``alts`` (with the year, ``"2023-02"``; without, ``"02"``)."""
    month = solar_hijri_month(gd.get("shm") or gd.get("shm2") or "")
    year = int(digits(gd.get("y") or "")) if gd.get("y") else None
    if month is None or (
        year is not None and not SOLAR_HIJRI_YEARS[0] <= year <= SOLAR_HIJRI_YEARS[1]
    ):
        return None
    first = solar_hijri_to_gregorian(year or default_year, month, 1)
    last = solar_hijri_to_gregorian(year or default_year, month, 29)
    if first is None or last is None:
        return None
    if year is None:
        value = f"{month:02d} SH"
        alts = tuple(dict.fromkeys(f"{d.month:02d}" for d in (first, last)))
    else:
        value = f"{year:04d}-{month:02d} SH"
        alts = tuple(dict.fromkeys(f"{d.year:04d}-{d.month:02d}" for d in (first, last)))
    return Item(Fact("date", text[s:e], (s, e), doc, value), "date", (value,), alts=alts)


def _solar_hijri_item(
    text: str, doc: int, s: int, e: int, gd: dict[str, str | None], default_year: int
) -> Item | None:
    """An Iranian-calendar date, converted: with its year a full Gregorian date, without
    one a month and day."""
    month = solar_hijri_month(gd.get("shm") or "") if gd.get("shm") else int(digits(gd["m"] or ""))
    if month is None:
        return None
    year = int(digits(gd.get("y") or "")) if gd.get("y") else None
    if year is not None and not SOLAR_HIJRI_YEARS[0] <= year <= SOLAR_HIJRI_YEARS[1]:
        return None  # a Gregorian year: the other patterns read it
    day = int(digits(gd["d"] or ""))
    g = solar_hijri_to_gregorian(year or default_year, month, day)
    if g is None:
        return None
    return _date_item(text, doc, s, e, g.year if year else None, g.month, g.day)
