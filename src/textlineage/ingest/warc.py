"""Records from WARC web archives: HTTP responses with status 200 and an HTML or plain-text
body, one record each (needs the ``warc`` extra, ``warcio``).

A damaged or cut-short archive yields its records up to the damage, then one
:class:`~.records.RecordError` whose origin is ``"path@OFFSET"`` (the file offset of the
record, or of the gzip member, where reading stopped). A record carries ``crawl_date``
(the date part of ``WARC-Date``): when the page was fetched, which is never taken as its
publication date. Its ``date`` is the publication date the page states, or its URL, or a
dateline, each with its ``date_source`` (see :func:`~.records.build_meta`).
"""

from __future__ import annotations

import bisect
import contextlib
import io
import logging
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError, MissingDependencyError
from ..text.dates import normalise_date
from .documents import document_from_bytes
from .limits import READ_CHUNK, too_large
from .paths import printable_path
from .records import Record, RecordError, build_meta, open_problem

logger = logging.getLogger(__name__)

_GZIP_MAGIC = b"\x1f\x8b"
_WARC_INSTALL = "pip install 'textlineage[warc]'"

# Content types of WARC responses that are read, and the ingest format they map to.
_WARC_CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
}
_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def archive_iterator_class() -> Any:
    """warcio's ``ArchiveIterator``; raises
    :class:`~textlineage.errors.MissingDependencyError` when warcio is not installed."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise MissingDependencyError("reading WARC files", _WARC_INSTALL) from exc
    return ArchiveIterator


class _CorruptArchive(Exception):
    """Bad or cut-short gzip data; ``offset`` is where the damaged gzip member starts."""

    def __init__(self, offset: int, problem: str) -> None:
        super().__init__(problem)
        self.offset = offset
        self.problem = problem


class _GzipMembers:
    """A read-only stream of the decompressed content of a (multi-member) gzip file.

    warcio is given this instead of the file so that a file cut short, or damaged, raises
    :class:`_CorruptArchive` (warcio ends quietly on truncated gzip data), and so that an
    offset in the decompressed stream can be mapped back to the file offset of the gzip
    member holding it (in a WARC file each record is its own member).
    """

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._raw_eof = False
        self._pending = b""
        self._decompressor: Any = None
        self._consumed = 0  # compressed bytes used by the decompressor
        self._position = 0  # decompressed bytes handed out
        self._member_offset = 0
        self._starts: list[int] = []  # decompressed offset where each member starts
        self._offsets: list[int] = []  # file offset of each member

    def tell(self) -> int:
        return self._position

    def file_offset(self, position: int) -> int:
        """File offset of the gzip member that holds decompressed byte ``position``."""
        index = bisect.bisect_right(self._starts, position) - 1
        return self._offsets[index] if index >= 0 else 0

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            return b"".join(iter(lambda: self.read(READ_CHUNK), b""))
        if size == 0:
            return b""
        while True:
            if not self._pending and not self._raw_eof:
                self._pending = self._raw.read(READ_CHUNK)
                self._raw_eof = not self._pending
            if self._decompressor is None:
                if not self._pending:
                    return b""
                self._decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self._member_offset = self._consumed
                self._starts.append(self._position)
                self._offsets.append(self._consumed)
            data = self._pending
            try:
                out = self._decompressor.decompress(data, size)
            except zlib.error as exc:
                raise _CorruptArchive(self._member_offset, f"bad gzip data: {exc}") from exc
            if self._decompressor.eof:
                rest = self._decompressor.unused_data
                self._decompressor = None
            else:
                rest = self._decompressor.unconsumed_tail
            self._consumed += len(data) - len(rest)
            self._pending = rest
            if out:
                self._position += len(out)
                return bytes(out)
            if self._raw_eof and not self._pending and self._decompressor is not None:
                raise _CorruptArchive(
                    self._member_offset, "gzip data ends in the middle of a record; truncated file?"
                )


def _describe_warc_error(exc: Exception) -> str:
    name = type(exc).__name__
    if name in ("ArchiveLoadFailed", "StatusAndHeadersParserException"):
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        if lines:
            return lines[0][:200]
    return f"cannot parse the record ({name})"


def read_warc(path: Path, max_bytes: int) -> Iterator[Record | RecordError]:
    """Records of the page responses in the WARC file ``path`` (plain or gzip-compressed);
    ``max_bytes`` bounds one response body. An archive read to its end that held no page
    response yields one :class:`RecordError` saying so (an empty file, a file that is not
    an archive, or an archive of other records), so that it is never passed over in
    silence."""
    source = printable_path(path)
    archive_iterator = archive_iterator_class()
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the with below)
    except OSError as exc:
        yield RecordError(source, open_problem(exc))
        return
    with handle:
        try:
            magic = handle.peek(2)[:2]
        except OSError as exc:
            yield RecordError(source, open_problem(exc))
            return
        gzip_stream = _GzipMembers(handle) if magic == _GZIP_MAGIC else None

        def file_offset(position: int) -> int:
            return gzip_stream.file_offset(position) if gzip_stream is not None else position

        iterator = archive_iterator(gzip_stream if gzip_stream is not None else handle)
        seen = pages = 0
        while True:
            try:
                record = _next_record(iterator, source)
            except StopIteration:
                break
            except _CorruptArchive as exc:
                yield RecordError(f"{source}@{exc.offset}", f"corrupt WARC ({exc.problem})")
                return
            except Exception as exc:  # warcio's parser must not turn a bad file into a crash
                logger.debug("%s: warcio failed", source, exc_info=True)
                offset = file_offset(iterator.offset)
                yield RecordError(
                    f"{source}@{offset}", f"corrupt WARC ({_describe_warc_error(exc)})"
                )
                return
            # warcio reads any line of five words as an old-style ARC header: only WARC
            # records show the file to be an archive.
            seen += getattr(record, "format", "warc") == "warc"
            # warcio's offset of the record just returned (get_record_offset() would read the
            # record to its end before its content could be read).
            origin = f"{source}@{file_offset(iterator.offset)}"
            try:
                payload = _warc_payload(record, max_bytes)
            except _CorruptArchive as exc:
                yield RecordError(f"{source}@{exc.offset}", f"corrupt WARC ({exc.problem})")
                return
            except _TruncatedRecord:
                yield RecordError(origin, "corrupt WARC (the record ends early; truncated file?)")
                return
            except Exception as exc:  # as above
                logger.debug("%s: warcio failed", origin, exc_info=True)
                yield RecordError(origin, f"corrupt WARC ({_describe_warc_error(exc)})")
                return
            if payload is not None:
                pages += 1
                yield _warc_record(record, payload, origin, source, max_bytes)
        if not pages and not seen:
            yield RecordError(source, "no WARC records (an empty file, or not a WARC archive)")
        elif not pages:
            yield RecordError(
                source,
                f"no web page in the archive ({seen} WARC record{'s' if seen != 1 else ''}, "
                "none an HTTP 200 response with an HTML or plain-text body)",
            )


def _next_record(iterator: Any, source: str) -> Any:
    """The next record from warcio, whose own warnings (it writes them to stderr, which
    would break the one-line messages of the command line) are logged instead."""
    captured = io.StringIO()
    with contextlib.redirect_stderr(captured):
        record = next(iterator)
    said = captured.getvalue().strip()
    if said:
        first = said.splitlines()[0].strip()
        logger.info("%s: warcio: %s", source, first)
    return record


class _TruncatedRecord(Exception):
    """A WARC record shorter than its Content-Length (the file is cut short)."""


def _warc_payload(record: Any, max_bytes: int) -> tuple[str, bytes | None] | None:
    """(format, body) of a page response, body None when over ``max_bytes``; None when the
    record is not a page. Raises :class:`_TruncatedRecord` for a record cut short."""
    fmt = _warc_page_format(record)
    body: bytes | None = None
    if fmt is not None:
        body = _read_bounded(record.content_stream(), max_bytes)
    # Read what is left so that a record cut short shows (its stream then ends early).
    raw = record.raw_stream
    while raw.read(READ_CHUNK):
        pass
    if getattr(raw, "limit", 0) > 0:
        raise _TruncatedRecord()
    return None if fmt is None else (fmt, body)


def _warc_record(
    record: Any, payload: tuple[str, bytes | None], origin: str, source: str, max_bytes: int
) -> Record | RecordError:
    fmt, body = payload
    if body is None:
        return RecordError(origin, too_large("response body", max_bytes))
    content_type = record.http_headers.get_header("Content-Type") or ""
    try:
        doc = document_from_bytes(
            _to_utf8(body, content_type), origin, fmt=fmt, max_bytes=max_bytes
        )
    except InputError as exc:
        return RecordError(origin, exc.problem)
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    crawl = normalise_date(record.rec_headers.get_header("WARC-Date") or "")
    meta = build_meta(
        fmt="warc",
        source=source,
        url=url,
        date=doc.meta.get("date", ""),
        title=doc.meta.get("title", ""),
        date_source=doc.meta.get("date_source", ""),
        text=doc.text,
    )
    if crawl:
        meta["crawl_date"] = crawl
    return Record(ext_id=url or origin, text=doc.text, meta=meta, origin=origin)


def _warc_page_format(record: Any) -> str | None:
    """``"html"``, ``"txt"`` or ``"auto"`` for a response worth reading; None otherwise."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    if status != "200":
        logger.debug("skipping a WARC response with status %s", status)
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    mime = content_type.split(";", 1)[0].strip().lower()
    if not mime:
        return "auto"
    return _WARC_CONTENT_TYPES.get(mime)


def _read_bounded(stream: Any, max_bytes: int) -> bytes | None:
    """All of ``stream``, or None when it holds more than ``max_bytes``."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(READ_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            return None
        chunks.append(chunk)


def _to_utf8(payload: bytes, content_type: str) -> bytes:
    """Re-encode as UTF-8 a body that is not UTF-8 but whose HTTP charset decodes it."""
    found = _CHARSET_RE.search(content_type)
    if found is None:
        return payload
    try:
        payload.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return payload
    try:
        return payload.decode(found.group(1)).encode("utf-8")
    except (LookupError, UnicodeError):
        # An unknown charset, or one that does not fit the bytes, or gives no text that
        # UTF-8 can hold (a lone surrogate: "unicode_escape" reads "\\ud800" so): the
        # body is decoded as any other (:func:`~.decoding.decode`).
        return payload
