"""The site key of a record's URL (dates are read by :mod:`textlineage.text.dates`)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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
