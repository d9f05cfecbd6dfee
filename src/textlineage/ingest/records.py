"""Turning what users have into a stream of records for the corpus index.

Inputs are files, directories and glob patterns (:func:`expand_inputs`); each file is read
according to its extension:

* ``.txt``, ``.text``, ``.html``, ``.htm``, ``.xhtml`` (and any file named explicitly with
  another extension): one record, read with :func:`textlineage.ingest.read_document`.
* ``.jsonl``, ``.ndjson``: one JSON object per line. Lines are read as bytes and decoded one
  at a time, so a huge file is streamed and a bad line costs one record, not the file.
* ``.csv``: a header row, then one record per row (UTF-8, quoted fields may hold newlines).
* ``.warc``, ``.warc.gz``: HTTP responses with status 200 and an HTML or plain-text body
  (needs the ``warc`` extra, ``warcio``).
* JSONL and CSV files may be gzip-compressed (``.jsonl.gz``, ``.ndjson.gz``, ``.csv.gz``);
  a truncated or damaged one yields its records up to the damage, then one error.

JSONL and CSV records name their fields through a :class:`FieldMap`: ``text`` holds plain
text, kept exactly; ``html`` holds a page whose main text is extracted as for an HTML file
(the text field wins when both are present). The page's own title, date and URL fill in
what the record lacks.

Every problem a user's data can cause is yielded as a :class:`RecordError` (with
``"path:LINE"``, ``"path@OFFSET"`` or ``"path"`` as its origin) so that a caller can skip
and count it; only a missing input path (:class:`~textlineage.errors.InputError`) and a
missing ``warcio`` (:class:`~textlineage.errors.MissingDependencyError`) are raised, and
both are raised by :func:`iter_records` itself, before any record is read.

Metadata keys of a record: ``url``, ``site``, ``date``, ``title`` when known, and always
``format`` (``txt``, ``html``, ``jsonl``, ``csv`` or ``warc``) and ``source`` (the input
file). WARC records also carry ``crawl_date`` (the date part of ``WARC-Date``).

* ``site`` is the record's own site field when it has one, else the host of the URL,
  lower-cased and without a leading ``www.`` (a site name found in a page, such as
  ``og:site_name``, is not used, so that one site always has one key whatever the input).
* ``date`` is normalised to ``yyyy-mm-dd`` when it parses (:func:`normalise_date`) and
  kept as given otherwise. For WARC records the page's own publication date, when the HTML
  extractor finds one, is preferred to the crawl date.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import email.utils
import glob
import gzip
import importlib
import io
import json
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import date as Date
from pathlib import Path
from typing import Any, BinaryIO, cast
from urllib.parse import urlsplit

from ..errors import InputError, MissingDependencyError
from .documents import (
    DEFAULT_MAX_BYTES,
    document_from_bytes,
    os_error_reason,
    read_document,
)

logger = logging.getLogger(__name__)

__all__ = [
    "KNOWN_EXTENSIONS",
    "FieldMap",
    "Record",
    "RecordError",
    "expand_inputs",
    "iter_records",
    "normalise_date",
    "site_from_url",
]

KNOWN_EXTENSIONS: tuple[str, ...] = (
    ".txt",
    ".text",
    ".html",
    ".htm",
    ".xhtml",
    ".jsonl",
    ".ndjson",
    ".csv",
    ".jsonl.gz",
    ".ndjson.gz",
    ".csv.gz",
    ".warc",
    ".warc.gz",
)
"""Extensions taken from directories and glob matches (a file named explicitly is read
whatever its extension)."""

_JSONL_EXTENSIONS = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_CSV_EXTENSIONS = (".csv", ".csv.gz")
_WARC_EXTENSIONS = (".warc", ".warc.gz")

_CHUNK = 64 * 1024
_GLOB_MAGIC_RE = re.compile(r"[*?[]")
_GZIP_MAGIC = b"\x1f\x8b"
_WARC_INSTALL = "pip install 'textlineage[warc]'"

# Content types of WARC responses that are read, and the ingest format they map to.
_WARC_CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
}
_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


# --------------------------------------------------------------------------- public types


@dataclass(frozen=True)
class FieldMap:
    """Names of the JSONL/CSV fields holding each part of a record."""

    id: str = "id"
    text: str = "text"
    html: str = "html"
    url: str = "url"
    site: str = "site"
    date: str = "date"
    title: str = "title"

    def __post_init__(self) -> None:
        for item in dataclass_fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, str) or not value:
                raise ValueError(f"field name for {item.name!r} must be a non-empty string")

    @classmethod
    def from_specs(cls, specs: Iterable[str]) -> FieldMap:
        """Build a map from ``"part=field"`` strings, e.g. ``["text=body", "url=link"]``."""
        known = {item.name for item in dataclass_fields(cls)}
        values: dict[str, str] = {}
        for spec in specs:
            part, sep, name = spec.partition("=")
            part, name = part.strip(), name.strip()
            if not sep or not name:
                raise ValueError(f"field mapping must look like part=field, not {spec!r}")
            if part not in known:
                raise ValueError(
                    f"unknown record part {part!r} (expected one of {', '.join(sorted(known))})"
                )
            values[part] = name
        return cls(**values)


@dataclass(frozen=True)
class Record:
    """One document to index."""

    ext_id: str
    """The record's id: the ``id`` field of a JSONL/CSV record, else its URL, else the
    origin (``"path"``, ``"path:LINE"`` or ``"path@OFFSET"``)."""
    text: str
    meta: dict[str, str]
    origin: str
    """Where the record came from, for messages: ``"path"``, ``"path:LINE"``,
    ``"path@OFFSET"``."""


@dataclass(frozen=True)
class RecordError:
    """A record (or the rest of a file) that could not be read, and why."""

    origin: str
    problem: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.problem}"


# --------------------------------------------------------------------------- inputs


def expand_inputs(inputs: Sequence[str]) -> list[Path]:
    """The files named by ``inputs``, in a deterministic order.

    Each input is a file (taken whatever its extension), a directory (searched
    recursively, skipping hidden files and directories, for files with one of
    :data:`KNOWN_EXTENSIONS`, in sorted order) or a glob pattern (``**`` matches any
    depth; matched files with a known extension and matched directories are taken, in
    sorted order). Inputs keep the order given; a file reached twice is listed once.

    Raises :class:`InputError` for an input that names nothing.
    """
    out: list[Path] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            out.append(path)

    for raw in inputs:
        if os.path.isdir(raw):
            found = _walk(Path(raw))
            if not found:
                logger.warning("%s: no files with a known extension in the directory", raw)
            for path in found:
                add(path)
        elif os.path.lexists(raw):
            add(Path(raw))
        elif _GLOB_MAGIC_RE.search(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise InputError(raw, "no such file or directory")
            walked: list[Path] = []
            taken = 0
            for match in matches:
                path = Path(match)
                if os.path.isdir(match):
                    if any(path.is_relative_to(root) for root in walked):
                        continue
                    walked.append(path)
                    for found_path in _walk(path):
                        add(found_path)
                        taken += 1
                elif _has_known_extension(path):
                    add(path)
                    taken += 1
            if not taken:
                logger.warning("%s: the pattern matches no file with a known extension", raw)
        else:
            raise InputError(raw, "no such file or directory")
    return out


def _has_known_extension(path: Path) -> bool:
    return path.name.lower().endswith(KNOWN_EXTENSIONS)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []

    def on_error(exc: OSError) -> None:
        logger.warning("%s: cannot list the directory (%s)", exc.filename, exc.strerror or exc)

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and name.lower().endswith(KNOWN_EXTENSIONS):
                found.append(Path(dirpath) / name)
    return sorted(found)


# --------------------------------------------------------------------------- records


def iter_records(
    inputs: Sequence[str],
    *,
    fields: FieldMap = FieldMap(),  # frozen, so one shared default is safe
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Record | RecordError]:
    """Records of every file named by ``inputs`` (see :func:`expand_inputs`), in order.

    ``max_bytes`` bounds one document: a text or HTML file, a JSONL line, a CSV field, a
    WARC response body. Input paths are checked, and ``warcio`` is looked for when a WARC
    file is among them, when this function is called; problems in the data are yielded as
    :class:`RecordError`.
    """
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    paths = expand_inputs(inputs)
    if any(_kind(path) == "warc" for path in paths):
        _archive_iterator_class()
    return _generate(paths, fields, max_bytes)


def _generate(
    paths: list[Path], fields: FieldMap, max_bytes: int
) -> Iterator[Record | RecordError]:
    for path in paths:
        kind = _kind(path)
        logger.debug("reading %s as %s", path, kind)
        if kind == "jsonl":
            yield from _read_jsonl(path, fields, max_bytes)
        elif kind == "csv":
            yield from _read_csv(path, fields, max_bytes)
        elif kind == "warc":
            yield from _read_warc(path, max_bytes)
        else:
            yield _read_single(path, max_bytes)


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(_JSONL_EXTENSIONS):
        return "jsonl"
    if name.endswith(_CSV_EXTENSIONS):
        return "csv"
    if name.endswith(_WARC_EXTENSIONS):
        return "warc"
    return "document"


def _open_problem(exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied (cannot read the file)"
    return f"cannot read the file ({os_error_reason(exc)})"


def _size(n: int) -> str:
    mib = 1024 * 1024
    if n >= mib:
        return f"{n / mib:.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{n} bytes"


# --------------------------------------------------------------------------- metadata


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


def _clean(value: str | None) -> str:
    return " ".join(value.split()) if value else ""


def _build_meta(
    *,
    fmt: str,
    source: str,
    url: str = "",
    site: str = "",
    date: str = "",
    title: str = "",
) -> dict[str, str]:
    meta: dict[str, str] = {}
    url = url.strip()
    if url:
        meta["url"] = url
    site = _clean(site) or site_from_url(url)
    if site:
        meta["site"] = site
    date = _clean(date)
    if date:
        meta["date"] = normalise_date(date)
    title = _clean(title)
    if title:
        meta["title"] = title
    meta["format"] = fmt
    meta["source"] = source
    return meta


# --------------------------------------------------------------------------- single files


def _read_single(path: Path, max_bytes: int) -> Record | RecordError:
    origin = str(path)
    try:
        doc = read_document(path, max_bytes=max_bytes)
    except InputError as exc:
        return RecordError(origin, exc.problem)
    url = doc.meta.get("url", "")
    meta = _build_meta(
        fmt=doc.meta.get("format", "txt"),
        source=origin,
        url=url,
        date=doc.meta.get("date", ""),
        title=doc.meta.get("title", ""),
    )
    return Record(ext_id=url or origin, text=doc.text, meta=meta, origin=origin)


# --------------------------------------------------------------------------- JSONL and CSV


class _FieldProblem(Exception):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def _field(values: Mapping[str, object], name: str) -> str | None:
    """The field as a string; None when absent, null or blank."""
    if name not in values:
        return None
    value = values[name]
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        kind = "an object" if isinstance(value, dict) else "an array"
        raise _FieldProblem(f"field {name!r} holds {kind}, not a value")
    text = value if isinstance(value, str) else str(value)
    if not text.strip():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _FieldProblem(f"field {name!r} is not valid Unicode (lone surrogate)") from exc
    return text


def _record_from_fields(
    values: Mapping[str, object],
    *,
    origin: str,
    source: str,
    fmt: str,
    fields: FieldMap,
    max_bytes: int,
) -> Record | RecordError:
    try:
        ext_id = _field(values, fields.id)
        text = _field(values, fields.text)
        html = _field(values, fields.html)
        url = _field(values, fields.url) or ""
        site = _field(values, fields.site) or ""
        date = _field(values, fields.date) or ""
        title = _field(values, fields.title) or ""
    except _FieldProblem as exc:
        return RecordError(origin, exc.problem)
    if text is None and html is None:
        if fields.text in values or fields.html in values:
            return RecordError(origin, "empty text")
        return RecordError(origin, f"no {fields.text} or {fields.html} field")
    if text is None:
        assert html is not None
        try:
            doc = document_from_bytes(html.encode("utf-8"), origin, fmt="html", max_bytes=max_bytes)
        except InputError as exc:
            return RecordError(origin, exc.problem)
        text = doc.text
        url = url or doc.meta.get("url", "")
        date = date or doc.meta.get("date", "")
        title = title or doc.meta.get("title", "")
    meta = _build_meta(fmt=fmt, source=source, url=url, site=site, date=date, title=title)
    ext_id = ext_id.strip() if ext_id is not None else ""
    return Record(ext_id=ext_id or url.strip() or origin, text=text, meta=meta, origin=origin)


def _read_jsonl(path: Path, fields: FieldMap, max_bytes: int) -> Iterator[Record | RecordError]:
    source = str(path)
    try:
        handle: BinaryIO = _open_binary(path)
    except OSError as exc:
        yield RecordError(source, _open_problem(exc))
        return
    with handle:
        line_no = 0
        while True:
            origin = f"{source}:{line_no + 1}"
            try:
                raw = handle.readline(max_bytes + 1)
            except (OSError, EOFError) as exc:
                yield RecordError(origin, _read_problem(exc))
                return
            if not raw:
                return
            line_no += 1
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                size = len(raw) + _skip_line(handle)
                yield RecordError(
                    origin,
                    f"line is {_size(size)}, over the {_size(max_bytes)} limit "
                    "(raise max_bytes to read it)",
                )
                continue
            if line_no == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if not raw.strip():
                continue
            yield _jsonl_record(raw, origin, source, fields, max_bytes)


def _open_binary(path: Path) -> BinaryIO:
    """The file's bytes; a ``.gz`` file is decompressed as it is read."""
    if path.name.lower().endswith(".gz"):
        return cast("BinaryIO", gzip.open(path, "rb"))
    return open(path, "rb")


def _read_problem(exc: OSError | EOFError) -> str:
    if isinstance(exc, EOFError):
        return "truncated compressed file (it ends before its end-of-stream marker)"
    if isinstance(exc, gzip.BadGzipFile):
        return f"not a valid gzip file ({exc})"
    return f"cannot read the file ({os_error_reason(exc)})"


def _skip_line(handle: BinaryIO) -> int:
    """Read up to and including the next newline; returns the bytes skipped."""
    skipped = 0
    while True:
        chunk = handle.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _jsonl_record(
    raw: bytes, origin: str, source: str, fields: FieldMap, max_bytes: int
) -> Record | RecordError:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return RecordError(
            origin, f"invalid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
        )
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return RecordError(origin, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return RecordError(origin, "invalid JSON (nested too deeply)")
    if not isinstance(value, dict):
        return RecordError(origin, f"not a JSON object (found {_json_kind(value)})")
    return _record_from_fields(
        value, origin=origin, source=source, fmt="jsonl", fields=fields, max_bytes=max_bytes
    )


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "null"


def _raise_csv_field_limit(max_bytes: int) -> None:
    # The limit is process-wide; it is only ever raised, never lowered.
    limit = min(max_bytes, sys.maxsize)
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def _read_csv(path: Path, fields: FieldMap, max_bytes: int) -> Iterator[Record | RecordError]:
    source = str(path)
    _raise_csv_field_limit(max_bytes)
    try:
        # Invalid UTF-8 becomes lone surrogates, caught per row below.
        handle = io.TextIOWrapper(
            _open_binary(path), encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
    except OSError as exc:
        yield RecordError(source, _open_problem(exc))
        return
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            yield RecordError(f"{source}:1", f"malformed CSV header ({exc})")
            return
        except (OSError, EOFError) as exc:
            yield RecordError(f"{source}:1", _read_problem(exc))
            return
        if header is None:
            yield RecordError(source, "empty file (a CSV file needs a header row)")
            return
        names = [name.strip() for name in header]
        if fields.text not in names and fields.html not in names:
            yield RecordError(
                f"{source}:1", f"no {fields.text} or {fields.html} column in the header row"
            )
            return
        last_line = reader.line_num
        while True:
            origin = f"{source}:{last_line + 1}"
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                last_line = reader.line_num
                yield RecordError(origin, f"malformed CSV ({exc})")
                continue
            except (OSError, EOFError) as exc:
                yield RecordError(origin, _read_problem(exc))
                return
            last_line = reader.line_num
            if not row:
                continue
            if len(row) != len(names):
                yield RecordError(
                    origin, f"row has {len(row)} fields, the header row has {len(names)}"
                )
                continue
            joined = "".join(row)
            if len(joined) > max_bytes:
                yield RecordError(
                    origin,
                    f"row is over the {_size(max_bytes)} limit (raise max_bytes to read it)",
                )
                continue
            try:
                joined.encode("utf-8")
            except UnicodeEncodeError:
                yield RecordError(origin, "invalid UTF-8 (CSV files must be UTF-8)")
                continue
            yield _record_from_fields(
                dict(zip(names, row, strict=True)),
                origin=origin,
                source=source,
                fmt="csv",
                fields=fields,
                max_bytes=max_bytes,
            )


# --------------------------------------------------------------------------- WARC


def _archive_iterator_class() -> Any:
    try:
        module = importlib.import_module("warcio.archiveiterator")
    except ImportError as exc:
        raise MissingDependencyError("reading WARC files", _WARC_INSTALL) from exc
    return module.ArchiveIterator


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
            return b"".join(iter(lambda: self.read(_CHUNK), b""))
        if size == 0:
            return b""
        while True:
            if not self._pending and not self._raw_eof:
                self._pending = self._raw.read(_CHUNK)
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


def _read_warc(path: Path, max_bytes: int) -> Iterator[Record | RecordError]:
    source = str(path)
    archive_iterator = _archive_iterator_class()
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the with below)
    except OSError as exc:
        yield RecordError(source, _open_problem(exc))
        return
    with handle:
        try:
            magic = handle.peek(2)[:2]
        except OSError as exc:
            yield RecordError(source, _open_problem(exc))
            return
        gzip_stream = _GzipMembers(handle) if magic == _GZIP_MAGIC else None

        def file_offset(position: int) -> int:
            return gzip_stream.file_offset(position) if gzip_stream is not None else position

        iterator = archive_iterator(gzip_stream if gzip_stream is not None else handle)
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                return
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
                yield _warc_record(record, payload, origin, source, max_bytes)


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
    while raw.read(_CHUNK):
        pass
    if getattr(raw, "limit", 0) > 0:
        raise _TruncatedRecord()
    return None if fmt is None else (fmt, body)


def _warc_record(
    record: Any, payload: tuple[str, bytes | None], origin: str, source: str, max_bytes: int
) -> Record | RecordError:
    fmt, body = payload
    if body is None:
        return RecordError(
            origin,
            f"response body is over the {_size(max_bytes)} limit (raise max_bytes to read it)",
        )
    content_type = record.http_headers.get_header("Content-Type") or ""
    try:
        doc = document_from_bytes(
            _to_utf8(body, content_type), origin, fmt=fmt, max_bytes=max_bytes
        )
    except InputError as exc:
        return RecordError(origin, exc.problem)
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    crawl = normalise_date(record.rec_headers.get_header("WARC-Date") or "")
    meta = _build_meta(
        fmt="warc",
        source=source,
        url=url,
        date=doc.meta.get("date", "") or crawl,
        title=doc.meta.get("title", ""),
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
        chunk = stream.read(_CHUNK)
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
    except (LookupError, UnicodeDecodeError):
        return payload
