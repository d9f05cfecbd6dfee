"""Bytes to text: which codec a document's bytes are in, and whether they are text at all.

A UTF-8/16/32 byte-order mark wins; then strict UTF-8; then UTF-8 damaged in a few places
(at least twice as many valid multi-byte sequences as invalid bytes: the invalid ones are
replaced by U+FFFD, with a warning); for HTML, then the charset the page declares; last,
charset-normalizer's guess. Only a leading byte-order mark is removed, so every other
character survives and offsets index the file's own text. Binary data (NUL bytes, or a
text dense with control characters) raises :class:`~textlineage.errors.InputError` naming
the source.
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

# One well-formed UTF-8 sequence of two to four bytes (RFC 3629: no overlong forms, no
# surrogates, nothing above U+10FFFF).
_UTF8_SEQUENCE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_ASCII_BYTES = bytes(range(128))
_UTF8_MAJORITY = 2
"""Valid multi-byte UTF-8 sequences needed per invalid byte to read damaged UTF-8 as UTF-8."""

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

    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, replaced = mostly
        logger.warning(
            "%s: read as UTF-8 with %d invalid byte%s replaced by U+FFFD (the rest is UTF-8)",
            source,
            replaced,
            "" if replaced == 1 else "s",
        )
        _check_not_binary(text, source)
        return text, "utf-8"

    if declared is not None:
        try:
            text = data.decode(declared)
            # A codec may give lone surrogates ("unicode_escape" reads "\\ud800" so): not
            # text that can be stored or shown.
            text.encode("utf-8")
        except UnicodeError:
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


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """``data`` decoded as UTF-8 with its invalid bytes replaced, and how many there were,
    when it is UTF-8 damaged in a few places; None when it looks like another encoding.

    The test: at least :data:`_UTF8_MAJORITY` valid multi-byte UTF-8 sequences for each
    invalid byte. Text in a legacy encoding forms valid UTF-8 sequences only by chance:
    measured on sample text, at most one for three invalid bytes (EUC-JP, Shift_JIS and
    GBK come nearest; Western, Cyrillic, Greek, Hebrew and Arabic code pages form almost
    none), so a majority of valid sequences is UTF-8 with some damage, such as a stray
    byte from a legacy file pasted into it or a copy cut mid-character.
    """
    non_ascii = len(data.translate(None, _ASCII_BYTES))  # the ASCII bytes deleted
    sequences = valid_bytes = 0
    for match in _UTF8_SEQUENCE_RE.finditer(data):
        sequences += 1
        valid_bytes += match.end() - match.start()
    invalid = non_ascii - valid_bytes
    if invalid <= 0 or sequences < _UTF8_MAJORITY * invalid:
        return None
    return data.decode("utf-8", errors="replace"), invalid


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _is_text_codec(name: str) -> bool:
    """Whether ``bytes.decode`` takes the codec: Python also names bytes-to-bytes codecs
    (``base64``, ``hex``, ``zlib``), which a page may declare but which decode no text."""
    return bool(getattr(codecs.lookup(name), "_is_text_encoding", True))


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
    if name is None or not _is_text_codec(name):
        logger.debug("unknown declared charset %r", label)
        return None
    if name in _WINDOWS_1252_ALIASES:
        return "cp1252"
    return name
