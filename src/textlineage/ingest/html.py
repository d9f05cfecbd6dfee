"""HTML to text: the main text of a page and the metadata it names.

Trafilatura finds the main text and puts one block (paragraph, heading, list item, line
after ``<br>``) per line; each line is stripped, empty ones are dropped and the blocks are
joined with a blank line (``"\\n\\n"``), so paragraphs stay visible to sentence splitting
and to a reader of the report. When trafilatura finds nothing, a plain lxml walk over
``<body>`` (minus scripts, styles, navigation, header and footer) gives the text in the
same shape. A page the tree parsers give up on part-way (libxml2 stops at 256 levels of
nesting) is read as a stream of tags instead (:class:`_FlatText`), with no depth limit.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError
from .decoding import declared_charset, decode
from .html_dates import page_date

logger = logging.getLogger(__name__)

_HTML_START_RE = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)

# Elements whose text is never content, for the fallback HTML extraction.
_HTML_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
)
_HTML_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)


def starts_like_html(text: str) -> bool:
    """Whether ``text`` opens with an HTML doctype or an ``<html>``, ``<head>`` or
    ``<body>`` tag (after an optional XML declaration, comments and byte-order mark)."""
    return _HTML_START_RE.match(text.lstrip("\ufeff")) is not None


def html_to_text(data: bytes, source: str) -> tuple[str, dict[str, str]]:
    """The main text of an HTML page and its metadata (``encoding``; ``title``, ``date``,
    ``author``, ``url`` and ``site`` when the page names them).

    ``date`` is the publication date the page's markup states (:mod:`.html_dates`), as
    ``yyyy-mm-dd`` (or ``yyyy-mm``), with ``date_source`` ``html-meta``.

    Raises :class:`~textlineage.errors.InputError` when the page has no text.
    """
    html, encoding = decode(data, source, declared=declared_charset(data))
    if not html.strip():
        raise InputError(source, "empty document")
    meta: dict[str, str] = {"encoding": encoding}
    text = ""
    page = html
    if not starts_like_html(html):
        # trafilatura rejects a bare fragment (it logs an error and returns nothing).
        page = f"<html><body>{html}</body></html>"
    extracted = _trafilatura_extract(page, source)
    if extracted is not None:
        text = _join_blocks(_clean_text(getattr(extracted, "text", None)).split("\n"))
        for key, attr in (("title", "title"), ("author", "author")):
            value = _clean_meta(getattr(extracted, attr, None))
            if value:
                meta[key] = value
        url = _clean_meta(getattr(extracted, "url", None))
        if url:
            meta["url"] = url
        site = _clean_meta(getattr(extracted, "sitename", None))
        if not site and url:
            site = urlsplit(url).hostname or ""
        if site:
            meta["site"] = site
    root, cut = _parse_html(html)
    if cut:
        # trafilatura's parser stopped at the same point: its text is only a beginning.
        logger.info("%s: HTML nested too deeply for a tree; its text read tag by tag", source)
        text = _flat_text(html)
    stated = page_date(root) if root is not None else None
    if stated is not None:
        meta["date"] = stated.isoformat()
        meta["date_source"] = stated.source
    if not text:
        logger.info("%s: trafilatura found no main text; using plain HTML text", source)
        text = _fallback_html_text(root) if root is not None else ""
    if not text:
        raise InputError(source, "HTML with no extractable text")
    logger.debug("%s: %d characters of text from HTML", source, len(text))
    return text, meta


def _trafilatura_extract(html: str, source: str) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            # Tables come out as "| cell | cell" rows: noise for reuse detection, and
            # layout tables are rare in the article pages this reads.
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            # Its date is not read (see .html_dates): the cheap search is enough.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # a third-party parser must not turn bad HTML into a crash
        logger.warning("%s: trafilatura failed (%s); using plain HTML text", source, exc)
        return None


def _clean_text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _clean_meta(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return " ".join(value.split())


def _join_blocks(lines: Iterable[str]) -> str:
    return "\n\n".join(block for block in (" ".join(line.split()) for line in lines) if block)


def _parse_html(html: str) -> tuple[Any, bool]:
    """The page parsed by lxml (None when lxml cannot parse it), and whether the parser
    stopped part-way at one of its resource limits (nesting depth, above all)."""
    from lxml import etree as lxml_etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser()
    try:
        try:
            root = lxml_html.document_fromstring(html, parser=parser)
        except ValueError:
            # lxml refuses str input with an XML encoding declaration.
            parser = lxml_html.HTMLParser(encoding="utf-8")
            root = lxml_html.document_fromstring(
                html.encode("utf-8", "surrogatepass"), parser=parser
            )
    except (lxml_etree.LxmlError, ValueError) as exc:
        logger.info("lxml could not parse the HTML (%s)", exc)
        return None, False
    cut = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return root, cut


class _FlatText(HTMLParser):
    """The text of a page read as a stream of tags, with no tree and so no depth limit:
    the same blocks and the same elements left out as :func:`_fallback_html_text` (and the
    ``<head>``)."""

    _SKIP = frozenset({*_HTML_DROP_TAGS, "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._skipping = 0  # a <head> left open ends here
        elif tag in self._SKIP:
            self._skipping += 1
        elif tag in _HTML_BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HTML_BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(self._skipping - 1, 0)
        elif tag in _HTML_BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _flat_text(html: str) -> str:
    reader = _FlatText()
    reader.feed(html)
    reader.close()
    return _join_blocks("".join(reader.parts).split("\n"))


def _fallback_html_text(root: Any) -> str:
    """Text of ``<body>`` without scripts, styles, navigation, header and footer (the tree
    ``root`` is changed)."""
    body = root.find("body")
    if body is None:
        body = root
    for element in list(body.iter(*_HTML_DROP_TAGS)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    parts: list[str] = []
    _collect_text(body, parts)
    return _join_blocks("".join(parts).split("\n"))


def _collect_text(element: Any, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag.lower() in _HTML_BLOCK_TAGS
    if block:
        parts.append("\n")
    if tag and element.text:
        parts.append(element.text)
    for child in element:
        _collect_text(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n")
