"""Bytes to text: which codec a document's bytes are in, and whether they are text at all.

A UTF-8/16/32 byte-order mark wins; then strict UTF-8; for HTML, then the charset the page
declares; last, charset-normalizer's guess. Only a leading byte-order mark is removed, so
every other character survives and offsets index the file's own text. Binary data (NUL
bytes, or a text dense with control characters) raises
:class:`~textlineage.errors.InputError` naming the source.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterable
from typing import Any

from ..errors import InputError

logger = logging.getLogger(__name__)

_NUL_WINDOW = 8 * 1024
_NUL_MIN = 3
_NUL_SHARE = 0.01
# Share of control characters (other than \t \n \r \f) above which decoded "text" is
# taken to be binary data decoded by accident.
_CONTROL_SHARE_LIMIT = 0.05
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Byte-order marks and the codec each one starts."""

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


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, source: str, *, declared: str | None) -> tuple[str, str]:
    """Decode ``data``; returns the text and the codec used.

    ``declared`` is the charset an HTML page names, tried after UTF-8. Raises
    :class:`~textlineage.errors.InputError` for binary data and for bytes no codec fits.
    """
    for bom, encoding in BOMS:
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


def declared_charset(data: bytes) -> str | None:
    """The codec an HTML page declares (``<meta charset>`` or an XML declaration), or None
    when it names none Python knows; labels browsers read as windows-1252 give ``cp1252``."""
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
