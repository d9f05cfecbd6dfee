"""A document's publication date, and where it came from.

A date is only as good as its origin: a date a user gives is what they assert; a date a page
states in its markup is what its publisher's system recorded; a date in a URL is how the
site filed the page; a date at the top of the text is usually a dateline but may be the day
of an event. So each publication date carries its **source** (:data:`DATE_SOURCES`, in
order of precedence: the first source that gives a date is the document's date):

1. ``metadata``: given with the document by the user: a record's date field (JSONL/CSV
   column, ``index add --date-field``), or ``meta["date"]`` of a
   :class:`~textlineage.types.Document` built through the API.
2. ``html-meta``: stated by the page's own markup: ``<meta>`` tags such as
   ``article:published_time``, JSON-LD ``datePublished``, microdata, ``<time datetime>`` in
   the article (read by :mod:`textlineage.ingest.html_dates`).
3. ``url``: a date in the URL's path (``/2021/06/18/story``, ``/2021-06-18-story``,
   ``/20210618/``; ``/2021/06/story`` gives a month).
4. ``dateline``: a date at the head of a line near the top of the text (``PARIS, 18 June
   2021 —``, ``Posted on June 18, 2021 by ...``).
5. ``text``: any other full date near the top of the text (often the day of the event, so
   the weakest).

Metadata comes before the page because the user can correct what the page says; the page's
markup before its URL because it is more precise (the day, where URLs often hold a month)
and a page moved to a new address keeps its markup; the URL before the dateline because a
path is made by the publishing system, while a date near the top of the text may be a
quoted or event date.

What is never a publication date: a year alone ("2021", "Copyright 2021", "© 2019–2023 Foo
Inc", "All rights reserved"): a copyright notice names the years a work is protected, not
the day it appeared, and a bare year cannot order two reports of one event; a date after a
copyright notice, or on a short line holding one; a date labelled as a modification
("Updated June 20, 2021", "Last modified: Friday, ..."); a crawl date (``crawl_date`` of a
WARC record: when the page was fetched, not published).

**Precision.** A date is a day (``2021-06-18``) or, from structured sources only (metadata
and page markup written ``2021-06``, a URL ``/2021/06/story``), a month (``2021-06``): the
ISO 8601 form of reduced precision says which. Two dates are ordered only when the coarser
of the two tells them apart (``2021-05`` is before ``2021-06-18``; ``2021-06`` and
``2021-06-18`` are not ordered). A month written in words ("June 2021") is not read: in
running text it rarely dates the document.

A stored record keeps its date's source as ``meta["date_source"]`` beside ``meta["date"]``;
a date without one is taken as ``metadata`` (it was given).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from .dates import find_dates, parse_date

DATE_SOURCES: tuple[str, ...] = ("metadata", "html-meta", "url", "dateline", "text")
"""Where a publication date may come from, in order of precedence."""

STORED_SOURCES: tuple[str, ...] = ("metadata", "html-meta", "url", "dateline")
"""The sources whose dates a record keeps (and a corpus index stores): a ``text`` date is
too weak to order documents by, so it is only read when two documents are compared."""

LEAD_CHARS = 300
"""Dates in text are looked for in this many first characters (datelines sit at the top;
dates further down are about events)."""

DAY = "day"
MONTH = "month"


@dataclass(frozen=True)
class PublicationDate:
    """A publication date, how precise it is, and where it came from."""

    value: date
    """The day; for a month, its first day."""
    precision: str
    """``"day"`` or ``"month"``."""
    source: str
    """One of :data:`DATE_SOURCES`."""

    def isoformat(self) -> str:
        """``yyyy-mm-dd``, or ``yyyy-mm`` for a month."""
        iso = self.value.isoformat()
        return iso if self.precision == DAY else iso[:7]

    def order(self, other: PublicationDate) -> int:
        """-1 if this date is earlier than ``other``, 1 if later, 0 if they cannot be told
        apart (the same day, or the same month when either is a month)."""
        if self.precision == DAY and other.precision == DAY:
            a, b = self.value, other.value
        else:
            a, b = self.value.replace(day=1), other.value.replace(day=1)
        return (a > b) - (a < b)


# -- reading one value -------------------------------------------------------------------

_ISO_MONTH_RE = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)")


def read_date_value(value: str) -> tuple[date, str] | None:
    """The date and precision of a structured value (a metadata field, a markup attribute):
    a full date as :func:`~textlineage.text.dates.parse_date` reads it, or an ISO month
    ``yyyy-mm``; None for anything else, a year alone included."""
    text = (value or "").strip()
    if not text:
        return None
    full = parse_date(text)
    if full is not None:
        return full, DAY
    m = _ISO_MONTH_RE.fullmatch(text)
    if m and 1 <= int(m.group("m")) <= 12:
        return date(int(m.group("y")), int(m.group("m")), 1), MONTH
    return None


# -- URLs ----------------------------------------------------------------------------------

_YEAR = r"(?P<y>(?:19|20)\d\d)"
_URL_DAY_RE = re.compile(
    rf"/{_YEAR}(?P<sep>[/_-])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?=[/_.-]|$)"
    rf"|/(?P<y2>(?:19|20)\d\d)(?P<m2>\d\d)(?P<d2>\d\d)(?=[/_.-]|$)"
)
# A year and month followed by a segment that is not a number (/2021/06/story): an archive
# page (/2021/06/) or a day are something else.
_URL_MONTH_RE = re.compile(rf"/{_YEAR}/(?P<m>\d{{1,2}})/(?=[^\d/])")


def url_date(url: str) -> tuple[date, str] | None:
    """The date in ``url``'s path, with its precision: ``/2021/06/18/``, ``/2021-06-18-``,
    ``/2021_06_18``, ``/20210618/`` (a day) or ``/2021/06/story`` (a month), years
    1900-2099; the first one that is a valid date. None when the path holds none."""
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    for m in _URL_DAY_RE.finditer(path):
        y, mo, d = m.group("y", "m", "d") if m.group("y") else m.group("y2", "m2", "d2")
        try:
            return date(int(y), int(mo), int(d)), DAY
        except ValueError:
            continue
    for m in _URL_MONTH_RE.finditer(path):
        if 1 <= int(m.group("m")) <= 12:
            return date(int(m.group("y")), int(m.group("m")), 1), MONTH
    return None


# -- text ----------------------------------------------------------------------------------

_COPYRIGHT_RE = re.compile(
    r"©|\(c\)|\bcopyright\b|\ball rights reserved\b|\bdroits réservés\b|"
    r"\bderechos reservados\b|\balle rechte vorbehalten\b",
    re.IGNORECASE,
)
# A label right before the date that makes it a modification date.
_MODIFIED_RE = re.compile(
    r"\b(?:updated|modified|revised|edited|last\s+changed|actualizado|modifié|mis\s+à\s+jour|"
    r"aktualisiert|обновлено)\b\W*(?:(?:on|at|el|le|am)\s+)?(?:\w+day,?\s+)?$",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"(?<![\w.])(?P<word>[\w.]*)(?P<mark>[.!?;])\s")
_MAX_ABBREVIATION = 4
# Lower-case words that may follow a dateline's date: a time or a byline.
_AFTER_DATELINE_RE = re.compile(r"(?:at|by|um|von|à|par|a|por|alle|в)\b", re.IGNORECASE)
# A sentence that opens with its date ("On July 17, 1990, the President signed ...").
_SENTENCE_OPENERS = frozenset({"on", "in", "since", "until", "from", "by", "before", "after"})
_BYLINE_RE = re.compile(r"(?:by|posted|published|filed)\b")
_NOTICE_CHARS = 120
_MAX_PREFIX_CHARS = 50
_MAX_PREFIX_WORDS = 7


def _ends_a_sentence(text: str) -> bool:
    """Whether ``text`` holds the end of a sentence: ``!``, ``?``, ``;`` or a full stop
    after a word longer than an abbreviation ("Mass.", "Mo.", "a.m.", "St." end none)."""
    for m in _SENTENCE_END_RE.finditer(text):
        if m.group("mark") != "." or len(m.group("word").replace(".", "")) > _MAX_ABBREVIATION:
            return True
    return False


def _dateline_shaped(prefix: str, suffix: str) -> bool:
    """Whether a date with this text before it and after it on its line opens the line
    as a dateline does: after at most a place, a label or a byline (a few words, no end of
    sentence, not starting in lower case unless with "by", "posted" ...) and not followed by
    more of a sentence."""
    head = prefix.strip()
    if len(head) > _MAX_PREFIX_CHARS or len(head.split()) > _MAX_PREFIX_WORDS:
        return False
    if _ends_a_sentence(prefix) or head.casefold() in _SENTENCE_OPENERS:
        return False
    if head and head[0].islower() and not _BYLINE_RE.match(head):
        return False  # the middle of a sentence wrapped onto a new line
    tail = suffix.lstrip()
    tail = tail[1:].lstrip() if tail.startswith(",") else tail
    return not (tail and tail[0].islower() and not _AFTER_DATELINE_RE.match(tail))


def lead_date(text: str) -> tuple[date, str] | None:
    """The date written near the top of ``text`` (its first :data:`LEAD_CHARS`
    characters) and its source: the first ``dateline`` (see :func:`_dateline_shaped`), else
    the first other full date (``text``). Dates after a copyright notice or on a short line
    holding one, and dates labelled as modifications, are skipped."""
    lead = text[:LEAD_CHARS]
    first_other: date | None = None
    for found, start, end in find_dates(lead):
        line_start = lead.rfind("\n", 0, start) + 1
        line_end = lead.find("\n", end)
        line_end = len(lead) if line_end < 0 else line_end
        prefix = lead[line_start:start]
        if _COPYRIGHT_RE.search(prefix) or _MODIFIED_RE.search(prefix):
            continue
        if line_end - line_start <= _NOTICE_CHARS and _COPYRIGHT_RE.search(
            lead, line_start, line_end
        ):
            continue  # a short line with a copyright notice after the date
        if _dateline_shaped(prefix, lead[end:line_end]):
            return found, "dateline"
        if first_other is None:
            first_other = found
    return (first_other, "text") if first_other is not None else None


# -- a document's date -------------------------------------------------------------------


def publication_date(
    meta: Mapping[str, str], text: str, *, sources: Collection[str] = DATE_SOURCES
) -> PublicationDate | None:
    """The publication date of a document with metadata ``meta`` and text ``text``, from the
    first of ``sources`` (in the order of :data:`DATE_SOURCES`) that gives one; None when
    none does.

    ``meta["date"]`` is read with its ``meta["date_source"]`` (``metadata`` when absent or
    unknown); a value that is not a date (``"2021"``, ``"sometime"``) is passed over and the
    next sources are tried. ``meta["url"]`` is read for a URL date.
    """
    given = meta.get("date", "")
    if given:
        source = meta.get("date_source", "") or "metadata"
        if source not in DATE_SOURCES:
            source = "metadata"
        read = read_date_value(given) if source in sources else None
        if read is not None:
            return PublicationDate(read[0], read[1], source)
    if "url" in sources:
        read = url_date(meta.get("url", ""))
        if read is not None:
            return PublicationDate(read[0], read[1], "url")
    if "dateline" in sources or "text" in sources:
        found = lead_date(text)
        if found is not None and found[1] in sources:
            return PublicationDate(found[0], DAY, found[1])
    return None


def with_publication_date(meta: Mapping[str, str], text: str) -> dict[str, str]:
    """``meta`` with ``date`` and ``date_source`` set to the document's publication date
    from the :data:`STORED_SOURCES` (for records to index). A given date that is not one is
    kept as ``date_given`` when another source dates the document, and stays ``date``
    (with no ``date_source``) when none does."""
    out = dict(meta)
    found = publication_date(meta, text, sources=STORED_SOURCES)
    if found is None:
        out.pop("date_source", None)
        return out
    given = out.get("date", "")
    value = found.isoformat()
    if given and given != value and read_date_value(given) is None:
        out["date_given"] = given
    out["date"] = value
    out["date_source"] = found.source
    return out
