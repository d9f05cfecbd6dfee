"""Metadata helpers for records: dates to ``yyyy-mm-dd`` and the site key of a URL."""

from __future__ import annotations

import email.utils
import re
from datetime import date as Date
from urllib.parse import urlsplit

_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_SLASH_DATE_RE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})$")
_COMPACT_DATE_RE = re.compile(r"(\d{4})(\d{2})(\d{2})$")
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY_MONTH_YEAR_RE = re.compile(
    _WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]+)\.?,?\s+(\d{4})$", re.IGNORECASE
)
_MONTH_DAY_YEAR_RE = re.compile(
    _WEEKDAY + r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$", re.IGNORECASE
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return None


def normalise_date(value: str) -> str:
    """``yyyy-mm-dd`` for a date that parses, else ``value`` (whitespace-trimmed).

    Understood: ISO dates and date-times (``2021-06-01``, ``2021-06-01T10:00:00Z``; the
    date part is taken as written, without converting time zones), ``2021/06/01``,
    ``20210601``, English month names (``June 1, 2021``, ``1 June 2021``, ``Tue, 1 Jun
    2021``) and RFC 2822 dates as sent in HTTP and e-mail headers.
    """
    text = value.strip()
    found = _ISO_DATE_RE.match(text) or _SLASH_DATE_RE.match(text) or _COMPACT_DATE_RE.match(text)
    if found:
        iso = _iso(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        return iso if iso is not None else text
    found = _DAY_MONTH_YEAR_RE.match(text)
    if found and found.group(2).lower() in _MONTHS:
        iso = _iso(int(found.group(3)), _MONTHS[found.group(2).lower()], int(found.group(1)))
        return iso if iso is not None else text
    found = _MONTH_DAY_YEAR_RE.match(text)
    if found and found.group(1).lower() in _MONTHS:
        iso = _iso(int(found.group(3)), _MONTHS[found.group(1).lower()], int(found.group(2)))
        return iso if iso is not None else text
    if re.search(r"\d{1,2}:\d{2}", text):
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return text
        return parsed.date().isoformat()
    return text


_HOST_RE = re.compile(r"[\w-]+(?:\.[\w-]+)*")


def site_from_url(url: str) -> str:
    """The host of ``url``, lower-cased and without a leading ``www.``; ``""`` if none.

    A URL without a scheme (``example.com/page``) is read as ``//example.com/page``.
    """
    url = url.strip()
    if not url:
        return ""
    if "://" not in url and not url.startswith("//"):
        url = "//" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    host = host.rstrip(".")
    if ":" in host:  # IPv6 literal
        return host
    if not _HOST_RE.fullmatch(host):
        return ""
    return host.removeprefix("www.")
