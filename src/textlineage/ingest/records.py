"""Records for the corpus index: the record types, their metadata, and the JSONL and CSV
readers.

* ``.jsonl``, ``.ndjson``: one JSON object per line. Lines are read as bytes and decoded one
  at a time, so a huge file is streamed and a bad line costs one record, not the file.
* ``.csv``: a header row, then one record per row (UTF-8, quoted fields may hold newlines).
* Both may be gzip-compressed (``.jsonl.gz``, ``.ndjson.gz``, ``.csv.gz``); a truncated or
  damaged one yields its records up to the damage, then one error.

JSONL and CSV records name their fields through a :class:`FieldMap`: ``text`` holds plain
text, kept exactly; ``html`` holds a page whose main text is extracted as for an HTML file
(the text field wins when both are present). The page's own title, date and URL fill in
what the record lacks.

Every problem a user's data can cause is yielded as a :class:`RecordError` (with
``"path:LINE"``, ``"path@OFFSET"`` or ``"path"`` as its origin) so that a caller can skip
and count it.

Metadata keys of a record (:func:`build_meta`): ``url``, ``site``, ``date``, ``title`` when
known, and always ``format`` (``txt``, ``html``, ``jsonl``, ``csv`` or ``warc``) and
``source`` (the input file). WARC records also carry ``crawl_date`` (see :mod:`.warc`).

* ``site`` is the record's own site field when it has one, else the host of the URL,
  lower-cased and without a leading ``www.`` (a site name found in a page, such as
  ``og:site_name``, is not used, so that one site always has one key whatever the input).
* ``date`` is the record's publication date and ``date_source`` where it came from
  (:mod:`textlineage.text.pubdate`): the record's date field (``metadata``), else the date
  the page's markup states (``html-meta``), else a date in the URL's path (``url``), else a
  dateline at the top of the text (``dateline``). A given date is normalised to
  ``yyyy-mm-dd`` when it parses (:func:`~textlineage.text.dates.normalise_date`); one that
  is not a date (``"sometime"``, a year alone) is kept as ``date`` with no ``date_source``
  when nothing else dates the record, and as ``date_given`` when something does.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import BinaryIO, cast

from ..errors import InputError
from ..text.dates import normalise_date
from ..text.pubdate import with_publication_date
from .documents import document_from_bytes, os_error_reason
from .limits import READ_CHUNK, format_size, too_large
from .meta import site_from_url
from .paths import printable_path

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
            if not isinstance(value, str) or not value.strip():
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


def open_problem(exc: OSError) -> str:
    """Why a record file could not be opened, in the words of a :class:`RecordError`."""
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied (cannot read the file)"
    return f"cannot read the file ({os_error_reason(exc)})"


# --------------------------------------------------------------------------- metadata


def _clean(value: str | None) -> str:
    return " ".join(value.split()) if value else ""


def build_meta(
    *,
    fmt: str,
    source: str,
    url: str = "",
    site: str = "",
    date: str = "",
    title: str = "",
    date_source: str = "metadata",
    text: str = "",
) -> dict[str, str]:
    """The metadata of a record (see the module docstring): cleaned, with ``site`` from the
    URL when not given, ``date`` normalised (``date_source`` says where it came from:
    ``metadata`` when empty), and when there is no date, one from the URL or from a
    dateline of ``text``."""
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
        meta["date_source"] = date_source or "metadata"
    title = _clean(title)
    if title:
        meta["title"] = title
    meta["format"] = fmt
    meta["source"] = source
    return with_publication_date(meta, text)


# --------------------------------------------------------------------------- JSONL and CSV


class _FieldProblem(Exception):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def _field(values: Mapping[str, object], name: str, *, text_only: bool = False) -> str | None:
    """The field as a string; None when absent, null or blank. A number (or boolean) is
    taken as Python spells it, except where ``text_only``: a document's text is never a
    number."""
    if name not in values:
        return None
    value = values[name]
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        kind = "an object" if isinstance(value, dict) else "an array"
        raise _FieldProblem(f"field {name!r} holds {kind}, not a value")
    if text_only and not isinstance(value, str):
        raise _FieldProblem(f"field {name!r} holds {_json_kind(value)}, not a string")
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
        text = _field(values, fields.text, text_only=True)
        html = _field(values, fields.html, text_only=True)
        url = _field(values, fields.url) or ""
        site = _field(values, fields.site) or ""
        date = _field(values, fields.date) or ""
        title = _field(values, fields.title) or ""
    except _FieldProblem as exc:
        return RecordError(origin, exc.problem)
    date_source = "metadata"
    if text is None and html is None:
        if fields.text in values or fields.html in values:
            return RecordError(origin, "empty text")
        return RecordError(origin, f"no {fields.text} or {fields.html} field")
    if text is not None:
        size = len(text.encode("utf-8"))
        if size > max_bytes:
            return RecordError(origin, too_large("text", max_bytes, size))
    if text is None:
        assert html is not None
        try:
            doc = document_from_bytes(html.encode("utf-8"), origin, fmt="html", max_bytes=max_bytes)
        except InputError as exc:
            return RecordError(origin, exc.problem)
        text = doc.text
        url = url or doc.meta.get("url", "")
        if not date:
            date = doc.meta.get("date", "")
            date_source = doc.meta.get("date_source", "")
        title = title or doc.meta.get("title", "")
    meta = build_meta(
        fmt=fmt,
        source=source,
        url=url,
        site=site,
        date=date,
        title=title,
        date_source=date_source,
        text=text,
    )
    ext_id = ext_id.strip() if ext_id is not None else ""
    return Record(ext_id=ext_id or url.strip() or origin, text=text, meta=meta, origin=origin)


JSON_ESCAPE = 6
"""Bytes a JSON string may take to spell one byte of text (``\\u0001``; ``"\\u00e9"``
spells the two bytes of "é" in six, as ``json.dumps`` writes by default). A JSONL line may
be this many times the document limit: the limit is that of the text it holds, in UTF-8,
as for a text file."""


def json_line_limit(max_bytes: int) -> int:
    """The longest JSONL line read for documents of at most ``max_bytes``."""
    return max_bytes * JSON_ESCAPE


def _line_too_large(max_bytes: int, size: int) -> str:
    return (
        f"line is {format_size(size)}: no document within the {format_size(max_bytes)} "
        "limit takes so much JSON (split it into parts)"
    )


def read_jsonl(path: Path, fields: FieldMap, max_bytes: int) -> Iterator[Record | RecordError]:
    """Records of a JSONL file, one a line; ``max_bytes`` bounds the text of one record
    (its line, :func:`json_line_limit`)."""
    source = printable_path(path)
    try:
        handle: BinaryIO = open_binary(path)
    except OSError as exc:
        yield RecordError(source, open_problem(exc))
        return
    line_limit = json_line_limit(max_bytes)
    with handle:
        line_no = records = 0
        while True:
            origin = f"{source}:{line_no + 1}"
            try:
                raw = handle.readline(line_limit + 1)
            except READ_ERRORS as exc:
                yield RecordError(origin, _read_problem(exc))
                return
            if not raw:
                if not records:
                    yield RecordError(source, "no records (the file is empty or blank)")
                return
            line_no += 1
            if len(raw) > line_limit and not raw.endswith(b"\n"):
                try:
                    size = len(raw) + _skip_line(handle)
                except READ_ERRORS as exc:
                    yield RecordError(origin, _read_problem(exc))
                    return
                records += 1
                yield RecordError(origin, _line_too_large(max_bytes, size))
                continue
            if line_no == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if not raw.strip():
                continue
            records += 1
            yield jsonl_record(raw, origin, source, fields, max_bytes)


def open_binary(path: Path) -> BinaryIO:
    """The file's bytes; a ``.gz`` file is decompressed as it is read."""
    if path.name.lower().endswith(".gz"):
        return cast("BinaryIO", gzip.open(path, "rb"))
    return open(path, "rb")


# The longest integer Python reads from text (0: no limit; 4,300 by default).
_MAX_DIGITS = getattr(sys, "get_int_max_str_digits", lambda: 0)() or 4300

READ_ERRORS = (OSError, EOFError, zlib.error)
"""What reading a record file (maybe gzip-compressed) raises for a damaged or unreadable
file: gzip's damaged-data error is zlib's own, not an OSError."""


def _read_problem(exc: Exception) -> str:
    if isinstance(exc, EOFError):
        return "truncated compressed file (it ends before its end-of-stream marker)"
    if isinstance(exc, (gzip.BadGzipFile, zlib.error)):
        return f"not a valid gzip file ({exc})"
    return f"cannot read the file ({os_error_reason(exc)})"


def _skip_line(handle: BinaryIO) -> int:
    """Read up to and including the next newline; returns the bytes skipped."""
    skipped = 0
    while True:
        chunk = handle.readline(READ_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def jsonl_record(
    raw: bytes, origin: str, source: str, fields: FieldMap, max_bytes: int
) -> Record | RecordError:
    """The record of one JSON object (a JSONL line, or a row another reader turned into
    one); ``max_bytes`` bounds its text, in UTF-8 (its JSON: :func:`json_line_limit`)."""
    size = len(raw.rstrip(b"\r\n"))
    if size > json_line_limit(max_bytes):
        return RecordError(origin, _line_too_large(max_bytes, size))
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
    except ValueError:
        # Python reads no integer longer than sys.get_int_max_str_digits() (a guard
        # against quadratic-time conversion); json raises the bare ValueError.
        return RecordError(origin, f"invalid JSON (a number of more than {_MAX_DIGITS:,} digits)")
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


class _RowTooLarge(Exception):
    """A CSV line longer than a document may be (raised through the csv reader)."""


class _CsvLines:
    """The lines of a CSV file, as the csv reader reads them, knowing where rows end.

    The csv reader, once it gives up on a row (a field over its limit, a NUL), starts
    afresh on the next line: were that line inside a quoted field, each further line of
    the field would be read as a row of its own. An odd number of quote characters since
    a row began means a quoted field is still open (an escaped quote is two), so
    :meth:`skip_rest_of_row` reads on to the row's end. Lines are read at most
    ``max_chars + 1`` characters at a time: a longer one is skipped to its end and raises
    :class:`_RowTooLarge`, so one huge line is never held whole. ``lines`` counts the
    lines read, for the origins of the rows.
    """

    def __init__(self, handle: io.TextIOWrapper, max_chars: int) -> None:
        self._handle = handle
        self._limit = max_chars + 1
        self._open = False
        self.lines = 0

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        line = self._handle.readline(self._limit)
        if not line:
            raise StopIteration
        self._count(line)
        if len(line) >= self._limit and not line.endswith(("\n", "\r")):
            self._skip_line()
            self.skip_rest_of_row()
            raise _RowTooLarge()
        return line

    def _count(self, chunk: str) -> None:
        if chunk.endswith(("\n", "\r")):
            self.lines += 1
        if chunk.count('"') % 2:
            self._open = not self._open

    def _skip_line(self) -> None:
        while True:
            chunk = self._handle.readline(READ_CHUNK)
            if not chunk:
                self.lines += 1  # the last line, without a line end
                return
            self._count(chunk)
            if chunk.endswith(("\n", "\r")):
                return

    def row_ended(self) -> None:
        """The csv reader read a whole row: no field is open, whatever the quotes said (it
        takes a stray quote inside an unquoted field as a character)."""
        self._open = False

    def skip_rest_of_row(self) -> None:
        """Read on to the end of the row the csv reader gave up on."""
        while self._open:
            chunk = self._handle.readline(READ_CHUNK)
            if not chunk:
                return
            self._count(chunk)


def read_csv(path: Path, fields: FieldMap, max_bytes: int) -> Iterator[Record | RecordError]:
    """Records of a CSV file with a header row, one a row; ``max_bytes`` bounds one row."""
    source = printable_path(path)
    _raise_csv_field_limit(max_bytes)
    try:
        # Invalid UTF-8 becomes lone surrogates, caught per row below.
        handle = io.TextIOWrapper(
            open_binary(path), encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
    except OSError as exc:
        yield RecordError(source, open_problem(exc))
        return
    with handle:
        lines = _CsvLines(handle, max_bytes)
        reader = csv.reader(lines)
        try:
            header = next(reader, None)
        except (csv.Error, _RowTooLarge) as exc:
            yield RecordError(f"{source}:1", f"malformed CSV header ({exc or 'too long'})")
            return
        except READ_ERRORS as exc:
            yield RecordError(f"{source}:1", _read_problem(exc))
            return
        if header is None:
            yield RecordError(source, "empty file (a CSV file needs a header row)")
            return
        lines.row_ended()
        names = [name.strip() for name in header]
        if fields.text not in names and fields.html not in names:
            yield RecordError(
                f"{source}:1", f"no {fields.text} or {fields.html} column in the header row"
            )
            return
        rows = 0
        while True:
            origin = f"{source}:{lines.lines + 1}"
            try:
                row = next(reader)
            except StopIteration:
                if not rows:
                    yield RecordError(source, "no records (a header row and no rows)")
                return
            except _RowTooLarge:
                rows += 1
                yield RecordError(origin, too_large("row", max_bytes))
                continue
            except csv.Error as exc:
                rows += 1
                try:
                    lines.skip_rest_of_row()
                except READ_ERRORS as read_exc:
                    yield RecordError(origin, _read_problem(read_exc))
                    return
                # The csv module's only word for a field over its limit (set to max_bytes).
                if "field larger than field limit" in str(exc):
                    yield RecordError(origin, too_large("field", max_bytes))
                else:
                    yield RecordError(origin, f"malformed CSV ({exc})")
                continue
            except READ_ERRORS as exc:
                yield RecordError(origin, _read_problem(exc))
                return
            lines.row_ended()
            if not row:
                continue
            rows += 1
            if len(row) != len(names):
                yield RecordError(
                    origin, f"row has {len(row)} fields, the header row has {len(names)}"
                )
                continue
            joined = "".join(row)
            if len(joined) > max_bytes:
                yield RecordError(origin, too_large("row", max_bytes))
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
