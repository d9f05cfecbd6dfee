"""Reading documents: files, stdin or bytes in; a :class:`~textlineage.types.Document` out.

Plain text is returned exactly as decoded (only a leading byte-order mark is removed, see
:mod:`.decoding`), so ``\\r\\n`` line ends and every other character survive and downstream
offsets index the file's own text. HTML is reduced to its main text (:mod:`.html`).

Every failure a user can cause (missing file, directory, binary data, empty text, ...)
raises :class:`~textlineage.errors.InputError` naming the source.
"""

from __future__ import annotations

import logging
import os
import stat
import sys

from ..errors import InputError
from ..types import Document
from .decoding import BOMS, decode
from .html import html_to_text, starts_like_html
from .limits import DEFAULT_MAX_BYTES, check_max_bytes, too_large
from .paths import not_regular, printable_path

logger = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("auto", "txt", "html")

_HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
# Extensions taken as plain text without looking at the content.
_TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown", ".rst"})

_SNIFF_BYTES = 4096


# --------------------------------------------------------------------------- public API


def read_document(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fmt: str = "auto",
) -> Document:
    """Read one document from a file, or from standard input when ``path == "-"``.

    The document's id is the path as given (``"-"`` for stdin), with any byte of the name
    that is not UTF-8, and any control character, written ``\\xNN``
    (:func:`~.paths.printable_path`). ``fmt`` is ``"auto"``, ``"txt"`` or ``"html"``; see
    :func:`document_from_bytes`. Only regular files are read: a named pipe or a device
    raises :class:`InputError` (a pipe is read as standard input, ``-``).
    """
    _check_options(fmt, max_bytes)
    if isinstance(path, str) and path == "-":
        logger.debug("reading stdin")
        data = _read_stdin(max_bytes)
        return _build_document(data, "-", fmt=fmt, extension="", meta={})
    source = os.fspath(path)
    shown = printable_path(source)
    data = _read_file(source, shown, max_bytes)
    extension = os.path.splitext(shown)[1].lower()
    return _build_document(
        data,
        shown,
        fmt=fmt,
        extension=extension,
        meta={"path": printable_path(os.path.abspath(source))},
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
        raise InputError(source, too_large("document", max_bytes, len(data)))
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
    check_max_bytes(max_bytes)


def _read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("-", "standard input is not available")
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError("-", f"cannot read standard input ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise InputError("-", too_large("document", max_bytes))
    return data


def _read_file(source: str, shown: str, max_bytes: int) -> bytes:
    """The bytes of the file ``source`` (``shown``: its name in messages)."""
    try:
        st = os.stat(source)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise InputError(shown, "no such file") from exc
    except PermissionError as exc:
        raise InputError(shown, "permission denied (cannot access the file)") from exc
    except (OSError, ValueError) as exc:
        raise InputError(shown, f"cannot access the file ({os_error_reason(exc)})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError(shown, "is a directory, not a file")
    kind = not_regular(st.st_mode)
    if kind is not None:
        # open() would wait for a writer (FIFO) or read forever (a device).
        raise InputError(shown, f"{kind}; to read a pipe, give - and redirect it to stdin")
    if st.st_size > max_bytes:
        raise InputError(shown, too_large("document", max_bytes, st.st_size))
    try:
        # O_NONBLOCK (no effect on a regular file): should the file have been replaced by
        # a FIFO since, open() does not wait for a writer.
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise InputError(shown, "is not a regular file")
            # One byte more than allowed tells a file that grew apart.
            data = handle.read(max_bytes + 1)
    except IsADirectoryError as exc:
        raise InputError(shown, "is a directory, not a file") from exc
    except PermissionError as exc:
        raise InputError(shown, "permission denied (cannot read the file)") from exc
    except OSError as exc:
        raise InputError(shown, f"cannot read the file ({os_error_reason(exc)})") from exc
    if len(data) > max_bytes:
        raise InputError(shown, too_large("document", max_bytes))
    logger.debug("read %s: %d bytes", shown, len(data))
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
        text, html_meta = html_to_text(data, source)
        meta.update(html_meta)
    else:
        text, encoding = decode(data, source, declared=None)
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
    for bom, encoding in BOMS:
        if head.startswith(bom):
            start = head.decode(encoding, errors="ignore")
            break
    else:
        # Every ASCII-compatible encoding shows the markup the same way.
        start = head.decode("latin-1")
    return starts_like_html(start)
