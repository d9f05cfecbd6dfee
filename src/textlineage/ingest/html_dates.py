"""The publication date an HTML page states in its markup: the ``html-meta`` source of
:mod:`textlineage.text.pubdate`.

Only markup made to carry a publication date is read, in this order (the first value that
is a date wins):

1. ``<meta>`` tags naming a publication date (``article:published_time``,
   ``datePublished``, ``citation_publication_date``, Dublin Core ``dc.date.issued`` ...;
   see :data:`META_KEYS`, in order of preference);
2. JSON-LD (``<script type="application/ld+json">``): ``datePublished``, the least nested
   one first;
3. microdata: an element with ``itemprop="datePublished"``;
4. ``<time>``: one marked as the publication time (a ``pubdate`` attribute, a class such as
   ``published`` or ``entry-date``), else the first ``<time>`` of the ``<article>`` outside
   its asides, navigation, footers, comments and related links.

Never read: modification dates (``article:modified_time``, ``dateModified``), copyright
years (``itemprop="copyrightYear"``, footers), the text around the article, and a
``<time>`` outside an article (a site's header often shows today's date). Values are read
by :func:`~textlineage.text.pubdate.read_date_value`: a full date, or an ISO month.

Trafilatura's own date (htmldate) is not used: when the markup has none it falls back on
dates in the text and on the copyright year ("Copyright 2021" became 2021-01-01).
"""

from __future__ import annotations

import json
import logging
from collections import deque
from collections.abc import Iterator
from typing import Any

from ..text.pubdate import PublicationDate, read_date_value

logger = logging.getLogger(__name__)

META_KEYS: tuple[str, ...] = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "published_date",
    "publication_date",
    "pubdate",
    "citation_publication_date",
    "citation_online_date",
    "citation_date",
    "prism.publicationdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "original-publish-date",
    "date",
)
"""Names (``name``, ``property`` or ``itemprop``, lower-cased) of ``<meta>`` tags holding
the publication date, most trusted first."""

_TIME_CLASSES = ("published", "pubdate", "entry-date", "post-date", "posted-on", "dateline")
_SKIP_TAGS = frozenset({"aside", "nav", "footer"})
_SKIP_MARKS = ("comment", "related", "updated", "modified")
_MAX_JSON_NODES = 5000


def page_date(root: Any) -> PublicationDate | None:
    """The publication date the page's markup states (source ``html-meta``), or None.
    ``root`` is the page parsed by lxml (``lxml.html.document_fromstring``)."""
    for how, value in _candidates(root):
        read = read_date_value(value)
        if read is not None:
            logger.debug("page date %s from %s", value, how)
            return PublicationDate(read[0], read[1], "html-meta")
    return None


def _candidates(root: Any) -> Iterator[tuple[str, str]]:
    yield from _meta_values(root)
    yield from _json_ld_values(root)
    for el in root.xpath("//*[@itemprop]"):
        if "datepublished" in str(el.get("itemprop", "")).lower().split():
            yield "microdata", _time_value(el)
    yield from _time_values(root)


def _meta_values(root: Any) -> Iterator[tuple[str, str]]:
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        content = el.get("content")
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = str(el.get(attr, "")).strip().lower()
            if key in META_KEYS:
                found.setdefault(key, content)
    for key in META_KEYS:
        if key in found:
            yield f"<meta {key}>", found[key]


def _json_ld_values(root: Any) -> Iterator[tuple[str, str]]:
    for script in root.iter("script"):
        if "ld+json" not in str(script.get("type", "")).lower():
            continue
        raw = (script.text or "").strip()
        if raw.startswith("<!--"):
            raw = raw.removeprefix("<!--").removesuffix("-->").strip()
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            logger.debug("unreadable JSON-LD skipped")
            continue
        value = _date_published(data)
        if value:
            yield "JSON-LD datePublished", value


def _date_published(data: object) -> str:
    """The least nested string ``datePublished`` in a JSON-LD value, breadth first."""
    queue: deque[object] = deque([data])
    seen = 0
    while queue and seen < _MAX_JSON_NODES:
        node = queue.popleft()
        seen += 1
        if isinstance(node, dict):
            for key, value in node.items():
                if str(key).lower() == "datepublished" and isinstance(value, str):
                    return value
            queue.extend(node.values())
        elif isinstance(node, list):
            queue.extend(node)
    return ""


def _time_value(el: Any) -> str:
    return str(el.get("datetime") or el.get("content") or el.text_content() or "")


def _time_values(root: Any) -> Iterator[tuple[str, str]]:
    times = list(root.iter("time"))
    for el in times:
        classes = str(el.get("class", "")).lower()
        if el.get("pubdate") is not None or any(c in classes for c in _TIME_CLASSES):
            yield "<time> marked published", _time_value(el)
    for article in root.iter("article"):
        for el in article.iter("time"):
            if not _skipped(el, article):
                yield "<time> in the article", _time_value(el)
                return


def _skipped(el: Any, article: Any) -> bool:
    """Whether ``el`` sits in an aside, navigation, footer, comment or related-links block
    of ``article``, or is marked as a modification time."""
    node = el
    while node is not None and node is not article:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag.lower() in _SKIP_TAGS:
            return True
        marks = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if any(m in marks for m in _SKIP_MARKS):
            return True
        node = node.getparent()
    return False
