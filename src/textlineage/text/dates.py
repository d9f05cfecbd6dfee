"""Dates: the table of month names, and the one parser of dates given as metadata.

- :data:`MONTH_NAMES` holds the month names of each language: English, Spanish, French,
  German, Russian, Persian and Arabic (Gregorian months). Everything else that knows month
  names reads it: :data:`MONTH_NUMBERS` and :func:`month_numbers`, :func:`month_pattern`
  (the in-text date patterns of :mod:`textlineage.facts.dates`), the sentence splitter's
  abbreviations and the parser below. A language is added as one more entry.
- :data:`SOLAR_HIJRI_MONTHS` names the months of the Iranian calendar, and
  :func:`solar_hijri_to_gregorian` converts its dates.
- :func:`parse_date` reads a metadata value (a JSONL/CSV field, an HTML ``<meta>``, a
  ``WARC-Date`` or HTTP header) that is a date and nothing else, into a
  :class:`datetime.date`; :func:`normalise_date` writes it as ``yyyy-mm-dd``.
- :func:`find_date` finds the first full date written in a text, such as a dateline, and
  :func:`find_dates` all of them with their offsets.

Where a document's publication date comes from (metadata, the page, its URL, a dateline) is
decided by :mod:`textlineage.text.pubdate`.

A date needs a year, a month and a day: ``2021-06`` or ``June 2021`` is not one, nor is a
lone year such as "Copyright 2021". Day-month order is never guessed: numeric dates are read
year first (``2021-06-18``, ``2021/6/18``, ``20210618``), anything else needs a month name
and a four-digit year. Time and time zone after the date are allowed and ignored: the date is
taken as written, not converted to another zone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any, ClassVar


@dataclass(frozen=True)
class MonthNames:
    """One language's month names, January first: for each month the written-out forms
    (the usual one first; more for languages that decline them) and the abbreviations
    (which may be followed by a full stop). Forms are written as in running text."""

    names: tuple[tuple[str, ...], ...]
    abbreviations: tuple[tuple[str, ...], ...]

    def __post_init__(self) -> None:
        if len(self.names) != 12 or len(self.abbreviations) != 12:
            raise ValueError("twelve months of names and of abbreviations are needed")


MONTH_NAMES: Mapping[str, MonthNames] = {
    "en": MonthNames(
        names=(
            ("January",),
            ("February",),
            ("March",),
            ("April",),
            ("May",),
            ("June",),
            ("July",),
            ("August",),
            ("September",),
            ("October",),
            ("November",),
            ("December",),
        ),
        abbreviations=(
            ("Jan",),
            ("Feb",),
            ("Mar",),
            ("Apr",),
            (),
            ("Jun",),
            ("Jul",),
            ("Aug",),
            ("Sept", "Sep"),
            ("Oct",),
            ("Nov",),
            ("Dec",),
        ),
    ),
    # Abbreviations that are English words ("ago", "set", "may") are left out: the sentence
    # splitter reads every language's abbreviations, and "two years ago." ends a sentence.
    "es": MonthNames(
        names=(
            ("enero",),
            ("febrero",),
            ("marzo",),
            ("abril",),
            ("mayo",),
            ("junio",),
            ("julio",),
            ("agosto",),
            ("septiembre", "setiembre"),
            ("octubre",),
            ("noviembre",),
            ("diciembre",),
        ),
        abbreviations=(
            ("ene",),
            ("feb",),
            ("mar",),
            ("abr",),
            (),
            ("jun",),
            ("jul",),
            (),
            ("sept", "sep"),
            ("oct",),
            ("nov",),
            ("dic",),
        ),
    ),
    "fr": MonthNames(
        names=(
            ("janvier",),
            ("février", "fevrier"),
            ("mars",),
            ("avril",),
            ("mai",),
            ("juin",),
            ("juillet",),
            ("août", "aout"),
            ("septembre",),
            ("octobre",),
            ("novembre",),
            ("décembre", "decembre"),
        ),
        abbreviations=(
            ("janv",),
            ("févr", "fév"),
            (),
            ("avr",),
            (),
            (),
            ("juil",),
            (),
            ("sept",),
            ("oct",),
            ("nov",),
            ("déc",),
        ),
    ),
    "de": MonthNames(
        names=(
            ("Januar", "Jänner"),
            ("Februar", "Feber"),
            ("März", "Maerz"),
            ("April",),
            ("Mai",),
            ("Juni",),
            ("Juli",),
            ("August",),
            ("September",),
            ("Oktober",),
            ("November",),
            ("Dezember",),
        ),
        abbreviations=(
            ("Jan",),
            ("Feb",),
            ("Mär",),
            ("Apr",),
            (),
            ("Jun",),
            ("Jul",),
            ("Aug",),
            ("Sept", "Sep"),
            ("Okt",),
            ("Nov",),
            ("Dez",),
        ),
    ),
    # Russian declines month names: nominative, genitive ("18 июня"), prepositional ("в июне").
    "ru": MonthNames(
        names=(
            ("январь", "января", "январе"),
            ("февраль", "февраля", "феврале"),
            ("март", "марта", "марте"),
            ("апрель", "апреля", "апреле"),
            ("май", "мая", "мае"),
            ("июнь", "июня", "июне"),
            ("июль", "июля", "июле"),
            ("август", "августа", "августе"),
            ("сентябрь", "сентября", "сентябре"),
            ("октябрь", "октября", "октябре"),
            ("ноябрь", "ноября", "ноябре"),
            ("декабрь", "декабря", "декабре"),
        ),
        abbreviations=(
            ("янв",),
            ("февр", "фев"),
            ("мар",),
            ("апр",),
            (),
            ("июн",),
            ("июл",),
            ("авг",),
            ("сент", "сен"),
            ("окт",),
            ("нояб", "ноя"),
            ("дек",),
        ),
    ),
    # Gregorian months as Persian news writes them (Iranian months: SOLAR_HIJRI_MONTHS).
    "fa": MonthNames(
        names=(
            ("ژانویه",),
            ("فوریه",),
            ("مارس",),
            ("آوریل",),
            ("مه", "می"),
            ("ژوئن", "ژوین"),
            ("ژوئیه", "ژوییه", "جولای"),
            ("اوت", "آگوست"),
            ("سپتامبر",),
            ("اکتبر",),
            ("نوامبر",),
            ("دسامبر",),
        ),
        abbreviations=((),) * 12,
    ),
    # Egyptian and Gulf names first, then the Levantine and Iraqi ones.
    "ar": MonthNames(
        names=(
            ("يناير", "كانون الثاني"),
            ("فبراير", "شباط"),
            ("مارس", "آذار", "اذار"),
            ("أبريل", "ابريل", "إبريل", "نيسان"),
            ("مايو", "أيار", "ايار"),
            ("يونيو", "يونيه", "حزيران"),
            ("يوليو", "يوليه", "تموز"),
            ("أغسطس", "اغسطس", "آب"),
            ("سبتمبر", "أيلول", "ايلول"),
            ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"),
            ("نوفمبر", "تشرين الثاني"),
            ("ديسمبر", "كانون الأول", "كانون الاول"),
        ),
        abbreviations=((),) * 12,
    ),
}
"""Month names by language code (ISO 639-1)."""

SOLAR_HIJRI_MONTHS: tuple[tuple[str, ...], ...] = (
    ("فروردین",),
    ("اردیبهشت",),
    ("خرداد",),
    ("تیر",),
    ("مرداد", "امرداد"),
    ("شهریور",),
    ("مهر",),
    ("آبان",),
    ("آذر",),
    ("دی",),
    ("بهمن",),
    ("اسفند",),
)
"""The months of the Iranian (Solar Hijri) calendar, Farvardin first, as written in Persian.
Not in :data:`MONTH_NAMES`: their numbers are not Gregorian months."""


def _forms(
    *, names: bool = True, abbreviations: bool = True, languages: Iterable[str] | None = None
) -> list[tuple[str, int]]:
    """(form, month number) for every form in :data:`MONTH_NAMES` (or in the tables of
    ``languages``), languages in order."""
    out: list[tuple[str, int]] = []
    codes = list(MONTH_NAMES) if languages is None else [c for c in languages if c in MONTH_NAMES]
    for code in codes:
        table = MONTH_NAMES[code]
        for number in range(1, 13):
            if names:
                out.extend((form, number) for form in table.names[number - 1])
            if abbreviations:
                out.extend((form, number) for form in table.abbreviations[number - 1])
    return out


MONTH_NUMBERS: Mapping[str, int] = {form.casefold(): number for form, number in reversed(_forms())}
"""Month number of every name and abbreviation, case-folded (``"sept"`` → 9). When two
languages share a form, the first language listed wins."""


@cache
def month_numbers(languages: tuple[str, ...]) -> Mapping[str, int]:
    """:data:`MONTH_NUMBERS` for the month names of ``languages`` only: what a text in
    those languages may write. ("Mars" is a month in French, a name in English.)"""
    return {form.casefold(): number for form, number in reversed(_forms(languages=languages))}


def month_number(word: str) -> int | None:
    """The month ``word`` names (any case, an abbreviation's full stop allowed), else None."""
    return MONTH_NUMBERS.get(word.casefold().removesuffix("."))


def month_abbreviations() -> frozenset[str]:
    """The case-folded abbreviations of all languages, without full stops."""
    return frozenset(form.casefold() for form, _ in _forms(names=False))


def _longest_first(forms: Iterable[str]) -> list[str]:
    return [re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f))]


def month_pattern(*, abbreviations: bool = True, languages: Iterable[str] | None = None) -> str:
    """A regex group matching a month name as written in the table (wrap it in ``(?i:...)``
    to ignore case); with ``abbreviations`` also the abbreviations, each with an optional
    full stop. Longer forms are tried first. All languages, or those of ``languages``."""
    langs = None if languages is None else tuple(languages)
    names = _longest_first(f for f, _ in _forms(abbreviations=False, languages=langs))
    short = _longest_first(f for f, _ in _forms(names=False, languages=langs))
    if not abbreviations or not short:
        return "(?:" + "|".join(names) + ")"
    return "(?:" + "|".join(names) + "|(?:" + "|".join(short) + r")\.?)"


# -- metadata dates ------------------------------------------------------------------

# Year first, numeric (2021-06-18, 2021/6/18, 2021.6.18, 20210618), alone or before a time.
_NUMERIC_DATE_RE = re.compile(
    r"(?P<y>\d{4})(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})|(?P<m2>\d\d)(?P<d2>\d\d))"
    r"(?=$|[T ]\d)"
)
_MONTH_NAME_RE = re.compile(rf"(?<!\w){month_pattern()}(?!\w)", re.IGNORECASE)
_YEAR_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")
_NON_ASCII_DIGIT_RE = re.compile(r"[^\x00-\x7f]")


def _ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of another script written as 0-9."""
    if text.isascii():
        return text
    return _NON_ASCII_DIGIT_RE.sub(
        lambda m: str(d) if (d := unicodedata.decimal(m.group(), -1)) >= 0 else m.group(), text
    )


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_DATE_JOINERS = ("de", "del", "le", "am", "года", "г", "سال", "عام")


@cache
def _dateutil_parser() -> Any:
    """python-dateutil's parser, knowing the month names of :data:`MONTH_NAMES`.

    Imported on first use: it is only needed for dates written with month names, and
    ``textlineage --help`` should not pay for it."""
    from dateutil import parser

    months: list[list[str]] = [[] for _ in range(12)]
    for form, number in _forms():
        months[number - 1].append(form)

    class _Info(parser.parserinfo):
        MONTHS: ClassVar[list[tuple[str, ...]]] = [tuple(forms) for forms in months]
        # The words other languages put between day, month and year ("18 de junio de
        # 2021", "18 июня 2021 года").
        JUMP: ClassVar[list[str]] = [*parser.parserinfo.JUMP, *_DATE_JOINERS]

    return parser.parser(_Info())


# Two defaults that differ in year, month and day: a field that comes out different in the
# two parses was not in the text.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))


@lru_cache(maxsize=4096)  # records of one source often share a date; a parse takes ~0.2 ms
def _parse_with_month_name(text: str) -> date | None:
    if not _MONTH_NAME_RE.search(text):
        return None
    if not _YEAR_RE.search(text):
        return None  # a two-digit year is not guessed
    p = _dateutil_parser()
    try:  # dateutil's ParserError is a ValueError
        a, b = (p.parse(text, default=d, ignoretz=True) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None  # year, month or day missing
    if f"{a.year:04d}" not in _YEAR_RE.findall(text):
        return None  # the year was not one of the four-digit numbers
    return date(a.year, a.month, a.day)


def parse_date(value: str) -> date | None:
    """The date that ``value`` is, or None when it is not a full, valid date.

    Read: ISO dates and date-times (``2021-06-18``, ``2021-06-18T10:00:00+02:00``), also
    with ``/`` or ``.`` and one-digit months and days (``2021/6/18``) or none
    (``20210618``), the time not checked; a month name with a day and a four-digit
    year in any order, with an optional weekday, ordinal and time (``June 18, 2021``, ``18
    June 2021``, ``Fri, 18 Jun 2021 10:00:00 GMT`` as in HTTP, e-mail and WARC headers).
    Digits of other scripts count as digits.
    """
    text = _ascii_digits((value or "").strip())
    if not text:
        return None
    found = _NUMERIC_DATE_RE.match(text)
    if found:
        month = found.group("m") or found.group("m2")
        day = found.group("d") or found.group("d2")
        return _make_date(int(found.group("y")), int(month), int(day))
    return _parse_with_month_name(text)


def normalise_date(value: str) -> str:
    """``yyyy-mm-dd`` for a value :func:`parse_date` reads, else ``value`` whitespace-trimmed
    (so ``2021-06``, ``Spring 2021`` or an impossible ``2021-02-30`` are kept as given)."""
    parsed = parse_date(value)
    return parsed.isoformat() if parsed is not None else value.strip()


# -- dates in text ---------------------------------------------------------------------

_ORDINAL = r"(?:st|nd|rd|th)?"
_TEXT_YEAR = r"(?:19|20)\d\d"
_TEXT_DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{month_pattern()})\s+(?P<d1>\d{{1,2}}){_ORDINAL},?\s+(?P<y1>{_TEXT_YEAR})"
    rf"|(?P<d2>\d{{1,2}})(?:{_ORDINAL}|\.)\s+(?:de\s+)?(?P<m2>{month_pattern()})\s+(?:de\s+)?"
    rf"(?P<y2>{_TEXT_YEAR})"
    rf"|(?P<y3>{_TEXT_YEAR})-(?P<m3>\d\d)-(?P<d3>\d\d))(?!\d)"
)


def find_dates(text: str) -> Iterator[tuple[date, int, int]]:
    """Every valid full date written in ``text``, in order, with its ``(start, end)``
    offsets: the forms :func:`find_date` reads."""
    for m in _TEXT_DATE_RE.finditer(_ascii_digits(text)):
        if m.group("y3"):
            found = _make_date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        else:
            month = month_number(m.group("m1") or m.group("m2"))
            day = int(m.group("d1") or m.group("d2"))
            year = int(m.group("y1") or m.group("y2"))
            found = _make_date(year, month, day) if month else None
        if found is not None:
            yield found, m.start(), m.end()


def find_date(text: str) -> date | None:
    """The first valid full date written in ``text``: ``June 18, 2021``, ``18 June 2021``
    (month names as written in :data:`MONTH_NAMES`: English ones capitalised; ``18 de junio
    de 2021``, ``18. Juni 2021``, ``18 июня 2021``) or ``2021-06-18``, years 1900-2099.
    A year alone ("Copyright 2021") or a month and year are not dates."""
    return next((found for found, _, _ in find_dates(text)), None)


# -- the Iranian calendar ----------------------------------------------------------------


def solar_hijri_month(word: str) -> int | None:
    """The number of the Iranian month ``word`` names (``"خرداد"`` → 3), else None."""
    return _SOLAR_HIJRI_NUMBERS.get(word)


_SOLAR_HIJRI_NUMBERS: Mapping[str, int] = {
    form: number for number, forms in enumerate(SOLAR_HIJRI_MONTHS, 1) for form in forms
}


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Solar Hijri (Iranian calendar) date, None when it is not a
    valid one (``1400, 3, 28`` → 2021-06-18). jdatetime does the arithmetic; it is imported
    on first use."""
    import jdatetime

    try:
        converted: date = jdatetime.date(year, month, day).togregorian()
    except (ValueError, OverflowError):
        return None
    return converted
