"""Reading documents: files, stdin or bytes in; a :class:`~textlineage.types.Document` out.

Plain text is returned exactly as decoded (only a leading byte-order mark is removed), so
``\\r\\n`` line ends and every other character survive and downstream offsets index the
file's own text.

HTML is reduced to its main text with trafilatura. Trafilatura puts one block (paragraph,
heading, list item, line after ``<br>``) per line; this module strips each line, drops the
empty ones and joins the blocks with a blank line (``"\\n\\n"``), so paragraphs stay
visible to sentence splitting and to a reader of the report. When trafilatura finds
nothing, a plain lxml walk over ``<body>`` (minus scripts, styles, navigation, header and
footer) gives the text in the same shape.

Decoding: a UTF-8/16/32 byte-order mark wins; then strict UTF-8; for HTML, then the
charset the page declares; last, charset-normalizer's guess. Every failure a user can cause
(missing file, directory, binary data, empty text, ...) raises
:class:`~textlineage.errors.InputError` naming the source.
"""

from __future__ import annotations

import codecs
import importlib
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError
from ..types import Document

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Largest document read, in bytes (50 MiB)."""

FORMATS: tuple[str, ...] = ("auto", "txt", "html")

_HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
# Extensions taken as plain text without looking at the content.
_TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown", ".rst"})

_NUL_WINDOW = 8 * 1024
_NUL_MIN = 3
_NUL_SHARE = 0.01
# Share of control characters (other than \t \n \r \f) above which decoded "text" is
# taken to be binary data decoded by accident.
_CONTROL_SHARE_LIMIT = 0.05
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_HTML_START_RE = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_SNIFF_BYTES = 4096
_DECLARED_CHARSET_RE = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_DECLARED_WINDOW = 4096
# Labels browsers read as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_ALIASES = frozenset({"iso8859-1", "ascii"})

# charset-normalizer ranks the Western European code pages below Baltic or Central European
# ones on some French or German text (it does not count every diacritic as an accent).
# When the best guess is a single-byte Latin code page but the language it detects is one
# written in windows-1252, that code page is preferred.
_WESTERN_LANGUAGES = frozenset(
    {
        "Danish",
        "Dutch",
        "English",
        "English—",
        "Finnish",
        "French",
        "German",
        "Indonesian",
        "Italian",
        "Norwegian",
        "Portuguese",
        "Spanish",
        "Swedish",
    }
)
_LATIN_SINGLE_BYTE = frozenset(
    {
        "cp437",
        "cp775",
        "cp850",
        "cp852",
        "cp858",
        "cp860",
        "cp861",
        "cp863",
        "cp865",
        "cp1250",
        "cp1254",
        "cp1257",
        "cp1258",
        "hp-roman8",
        "mac-iceland",
        "mac-latin2",
        "mac-roman",
        "mac-turkish",
        "iso8859-1",
        "iso8859-2",
        "iso8859-3",
        "iso8859-4",
        "iso8859-9",
        "iso8859-10",
        "iso8859-13",
        "iso8859-14",
        "iso8859-15",
        "iso8859-16",
    }
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


# --------------------------------------------------------------------------- public API


def read_document(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fmt: str = "auto",
) -> Document:
    """Read one document from a file, or from standard input when ``path == "-"``.

    The document's id is the path exactly as given (``"-"`` for stdin). ``fmt`` is
    ``"auto"``, ``"txt"`` or ``"html"``; see :func:`document_from_bytes`.
    """
    _check_options(fmt, max_bytes)
    if isinstance(path, str) and path == "-":
        logger.debug("reading stdin")
        data = _read_stdin(max_bytes)
        return _build_document(data, "-", fmt=fmt, extension="", meta={})
    source = os.fspath(path)
    data = _read_file(source, max_bytes)
    extension = os.path.splitext(source)[1].lower()
    return _build_document(
        data, source, fmt=fmt, extension=extension, meta={"path": os.path.abspath(source)}
    )


def document_from_bytes(
    data: bytes,
    source: str,
    *,
    fmt: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Turn raw bytes into a document whose id is ``source``.

    With ``fmt="auto"`` the extension of ``source`` decides (``.html``, ``.htm`` and
    ``.xhtml`` are HTML; ``.txt``, ``.text``, ``.md``, ``.markdown`` and ``.rst`` are
    text); with any other extension, or none, the start of the content is sniffed for an
    HTML doctype or ``<html>``/``<head>``/``<body>`` tag.
    """
    _check_options(fmt, max_bytes)
    if len(data) > max_bytes:
        raise InputError(source, _too_large(len(data), max_bytes))
    extension = "" if source == "-" else os.path.splitext(source)[1].lower()
    return _build_document(data, source, fmt=fmt, extension=extension, meta={})


def document_from_text(text: str, id: str, meta: dict[str, str] | None = None) -> Document:
    """Wrap text a caller already holds; it is kept exactly as given.

    Raises :class:`InputError` when the text is empty or only whitespace.
    """
    if not text.strip():
        raise InputError(id, "empty document")
    return Document(id=id, text=text, meta=dict(meta or {}))


# --------------------------------------------------------------------------- reading


def _check_options(fmt: str, max_bytes: int) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")


def _size(n: int) -> str:
    mib = 1024 * 1024
    if n >= mib:
        return f"{n / mib:.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{n} bytes"


def _too_large(size: int | None, max_bytes: int) -> str:
    what = f"document is {_size(size)}," if size is not None else "document is"
    return f"{what} over the {_size(max_bytes)} limit (raise max_bytes to read it)"


def _read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("-", "standard input is not available")
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError("-", f"cannot read standard input ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise InputError("-", _too_large(None, max_bytes))
    return data


def _read_file(source: str, max_bytes: int) -> bytes:
    try:
        st = os.stat(source)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise InputError(source, "no such file") from exc
    except PermissionError as exc:
        raise InputError(source, "permission denied (cannot access the file)") from exc
    except (OSError, ValueError) as exc:
        raise InputError(source, f"cannot access the file ({os_error_reason(exc)})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError(source, "is a directory, not a file")
    if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise InputError(source, _too_large(st.st_size, max_bytes))
    try:
        with open(source, "rb") as handle:
            # One byte more than allowed tells a file that grew (or a pipe) apart.
            data = handle.read(max_bytes + 1)
    except IsADirectoryError as exc:
        raise InputError(source, "is a directory, not a file") from exc
    except PermissionError as exc:
        raise InputError(source, "permission denied (cannot read the file)") from exc
    except OSError as exc:
        raise InputError(source, f"cannot read the file ({os_error_reason(exc)})") from exc
    if len(data) > max_bytes:
        raise InputError(source, _too_large(None, max_bytes))
    logger.debug("read %s: %d bytes", source, len(data))
    return data


def os_error_reason(exc: Exception) -> str:
    """The operating system's words for why a file could not be read."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


# --------------------------------------------------------------------------- format


def _build_document(
    data: bytes, source: str, *, fmt: str, extension: str, meta: dict[str, str]
) -> Document:
    if not data.strip():
        raise InputError(source, "empty document")
    if fmt == "auto":
        fmt = _guess_format(data, extension)
        logger.debug("%s: format %s (auto)", source, fmt)
    if fmt == "html":
        text, html_meta = _html_to_text(data, source)
        meta.update(html_meta)
    else:
        text, encoding = _decode(data, source, declared=None)
        if not text.strip():
            raise InputError(source, "empty document")
        meta["encoding"] = encoding
    meta["format"] = fmt
    return Document(id=source, text=text, meta=meta)


def _guess_format(data: bytes, extension: str) -> str:
    if extension in _HTML_EXTENSIONS:
        return "html"
    if extension in _TEXT_EXTENSIONS:
        return "txt"
    return "html" if _looks_like_html(data) else "txt"


def _looks_like_html(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    start = ""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            start = head.decode(encoding, errors="ignore")
            break
    else:
        # Every ASCII-compatible encoding shows the markup the same way.
        start = head.decode("latin-1")
    return _HTML_START_RE.match(start.lstrip("\ufeff")) is not None


# --------------------------------------------------------------------------- decoding


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode(data: bytes, source: str, *, declared: str | None) -> tuple[str, str]:
    """Decode ``data``; returns the text and the codec used.

    ``declared`` is the charset an HTML page names, tried after UTF-8.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    source, f"cannot decode the bytes as text (invalid {encoding} data)"
                ) from exc
            name = "utf-8" if encoding == "utf-8-sig" else encoding
            if name != "utf-8":
                logger.info("decoded %s as %s (byte-order mark)", source, name)
            _check_not_binary(text, source)
            return text, name

    window = data[:_NUL_WINDOW]
    nuls = window.count(0)
    # Binary formats and BOM-less UTF-16 are dense with NULs; real text files sometimes
    # carry a few stray ones (seen in scraped corpora) and stay text.
    if nuls and ((nuls >= _NUL_MIN and nuls > _NUL_SHARE * len(window)) or not _is_utf8(data)):
        raise InputError(
            source,
            "binary data, not text (NUL bytes found; UTF-16 text needs a byte-order mark)",
        )

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_not_binary(text, source)
        return text, "utf-8"

    if declared is not None:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            logger.info("%s: declared charset %s does not fit the bytes", source, declared)
        else:
            logger.info("decoded %s as %s (declared by the page)", source, declared)
            _check_not_binary(text, source)
            return text, declared

    guessed = _detect(data)
    if guessed is None:
        raise InputError(
            source, "cannot decode the bytes as text (not UTF-8 and no other encoding detected)"
        )
    text, encoding = guessed
    logger.info("decoded %s as %s (charset-normalizer)", source, encoding)
    _check_not_binary(text, source)
    return text, encoding


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best strict decoding of ``data``, or None."""
    import charset_normalizer

    matches: Iterable[Any] = charset_normalizer.from_bytes(data)
    for match in matches:
        name = _codec_name(match.encoding)
        if name is None:
            continue
        if name in _LATIN_SINGLE_BYTE and match.language in _WESTERN_LANGUAGES:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                pass
            else:
                if name != "cp1252":
                    logger.debug(
                        "charset-normalizer proposed %s for %s text; using cp1252",
                        name,
                        match.language,
                    )
                return text, "cp1252"
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            # charset-normalizer samples the data; the rest may not fit this guess.
            continue
    return None


def _check_not_binary(text: str, source: str) -> None:
    if not text:
        return
    controls = sum(1 for _ in _CONTROL_RE.finditer(text))
    if controls / len(text) > _CONTROL_SHARE_LIMIT:
        raise InputError(
            source,
            f"binary data, not text ({controls} control characters in {len(text)} characters)",
        )


def _declared_charset(data: bytes) -> str | None:
    found = _DECLARED_CHARSET_RE.search(data[:_DECLARED_WINDOW])
    if found is None:
        return None
    label = (found.group(1) or found.group(2)).decode("ascii")
    name = _codec_name(label)
    if name is None:
        logger.debug("unknown declared charset %r", label)
        return None
    if name in _WINDOWS_1252_ALIASES:
        return "cp1252"
    return name


# --------------------------------------------------------------------------- HTML


def _html_to_text(data: bytes, source: str) -> tuple[str, dict[str, str]]:
    html, encoding = _decode(data, source, declared=_declared_charset(data))
    if not html.strip():
        raise InputError(source, "empty document")
    meta: dict[str, str] = {"encoding": encoding}
    text = ""
    page = html
    if _HTML_START_RE.match(html.lstrip("\ufeff")) is None:
        # trafilatura rejects a bare fragment (it logs an error and returns nothing).
        page = f"<html><body>{html}</body></html>"
    extracted = _trafilatura_extract(page, source)
    if extracted is not None:
        text = _join_blocks(_clean_text(getattr(extracted, "text", None)).split("\n"))
        for key, attr in (("title", "title"), ("date", "date"), ("author", "author")):
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
    if not text:
        logger.info("%s: trafilatura found no main text; using plain HTML text", source)
        text = _fallback_html_text(html)
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


def _fallback_html_text(html: str) -> str:
    """Text of ``<body>`` without scripts, styles, navigation, header and footer."""
    # lxml ships no type information; importing it as a module object keeps it untyped
    # whether or not the mypy configuration knows about that.
    lxml_etree: Any = importlib.import_module("lxml.etree")
    lxml_html: Any = importlib.import_module("lxml.html")

    try:
        try:
            root = lxml_html.document_fromstring(html)
        except ValueError:
            # lxml refuses str input with an XML encoding declaration.
            root = lxml_html.document_fromstring(
                html.encode("utf-8", "surrogatepass"),
                parser=lxml_html.HTMLParser(encoding="utf-8"),
            )
    except (lxml_etree.LxmlError, ValueError) as exc:
        logger.info("lxml could not parse the HTML (%s)", exc)
        return ""
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
