"""Which files the inputs name, and which reader reads each: :func:`iter_records`.

Inputs are files, directories and glob patterns (:func:`expand_inputs`); each file is read
according to its extension:

* ``.txt``, ``.text``, ``.html``, ``.htm``, ``.xhtml`` (and any file named explicitly with
  another extension): one record, read with :func:`~.documents.read_document`.
* ``.jsonl``, ``.ndjson``, ``.csv`` (also gzip-compressed, ``.jsonl.gz``, ...): one record
  per line or row (:mod:`.records`).
* ``.warc``, ``.warc.gz``: one record per page response (:mod:`.warc`).

Every problem a user's data can cause is yielded as a :class:`~.records.RecordError` so
that a caller can skip and count it; only a missing input path
(:class:`~textlineage.errors.InputError`) and a missing ``warcio``
(:class:`~textlineage.errors.MissingDependencyError`) are raised, and both are raised by
:func:`iter_records` itself, before any record is read.
"""

from __future__ import annotations

import glob
import logging
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import InputError
from .documents import read_document
from .limits import DEFAULT_MAX_BYTES, check_max_bytes
from .paths import not_regular, printable_path
from .records import (
    READ_ERRORS,
    FieldMap,
    Record,
    RecordError,
    build_meta,
    open_binary,
    read_csv,
    read_jsonl,
)
from .warc import archive_iterator_class, read_warc

logger = logging.getLogger(__name__)

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
_GLOB_MAGIC_RE = re.compile(r"[*?[]")
_DEFAULT_FIELDS = FieldMap()  # frozen, so one shared default is safe


# --------------------------------------------------------------------------- inputs


def expand_inputs(inputs: Sequence[str]) -> list[Path]:
    """The files named by ``inputs``, in a deterministic order.

    Each input is a file (taken whatever its extension), a directory (searched
    recursively, skipping hidden files and directories, for files with one of
    :data:`KNOWN_EXTENSIONS`, in sorted order) or a glob pattern (``**`` matches any
    depth; matched files with a known extension and matched directories are taken, in
    sorted order). Inputs keep the order given; a file reached twice is listed once.
    A directory or pattern that gives no file is logged as a warning.

    Raises :class:`InputError` for an input that names nothing.
    """
    out: list[Path] = []
    for item in _expand(inputs):
        if isinstance(item, RecordError):
            logger.warning("%s", item)
        else:
            out.append(item)
    return out


def _expand(inputs: Sequence[str]) -> list[Path | RecordError]:
    """:func:`expand_inputs`, with a :class:`RecordError` in place of each directory or
    pattern that gives no file to read."""
    out: list[Path | RecordError] = []
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
                out.append(
                    RecordError(printable_path(raw), "no files with a known extension in it")
                )
            for path in found:
                add(path)
        elif os.path.lexists(raw):
            add(Path(raw))
        elif _GLOB_MAGIC_RE.search(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise InputError(printable_path(raw), "no such file or directory")
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
                out.append(
                    RecordError(
                        printable_path(raw), "the pattern matches no file with a known extension"
                    )
                )
        else:
            raise InputError(printable_path(raw), "no such file or directory")
    return out


def _has_known_extension(path: Path) -> bool:
    return path.name.lower().endswith(KNOWN_EXTENSIONS)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []

    def on_error(exc: OSError) -> None:
        name = printable_path(exc.filename) if exc.filename is not None else printable_path(root)
        logger.warning("%s: cannot list the directory (%s)", name, exc.strerror or exc)

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and name.lower().endswith(KNOWN_EXTENSIONS):
                found.append(Path(dirpath) / name)
    return sorted(found)


# --------------------------------------------------------------------------- reading


def iter_records(
    inputs: Sequence[str],
    *,
    fields: FieldMap = _DEFAULT_FIELDS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Record | RecordError]:
    """Records of every file named by ``inputs`` (see :func:`expand_inputs`), in order.

    ``max_bytes`` bounds one document: a text or HTML file, the text of a JSONL or CSV
    record, a WARC response body. Input paths are checked, and ``warcio`` is looked for when a WARC
    file is among them, when this function is called; problems in the data are yielded as
    :class:`RecordError`: so is a directory or pattern with no file to read, a file that
    is not a regular one (a named pipe, a device: never opened), and a WARC archive with
    no page to read.
    """
    check_max_bytes(max_bytes)
    items = _expand(inputs)
    if any(not isinstance(p, RecordError) and input_kind(p) == "warc" for p in items):
        archive_iterator_class()
    return _generate(items, fields, max_bytes)


def _generate(
    items: list[Path | RecordError], fields: FieldMap, max_bytes: int
) -> Iterator[Record | RecordError]:
    for path in items:
        if isinstance(path, RecordError):
            yield path
            continue
        problem = _unreadable_kind(path)
        if problem is not None:
            yield RecordError(printable_path(path), problem)
            continue
        kind = input_kind(path)
        logger.debug("reading %s as %s", printable_path(path), kind)
        if kind == "jsonl":
            yield from read_jsonl(path, fields, max_bytes)
        elif kind == "csv":
            yield from read_csv(path, fields, max_bytes)
        elif kind == "warc":
            yield from read_warc(path, max_bytes)
        else:
            yield _read_single(path, max_bytes)


def _unreadable_kind(path: Path) -> str | None:
    """Why ``path`` is not read (a named pipe, a device: opening one may wait forever), or
    None; a path that cannot be examined is left to its reader to report."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return not_regular(mode)


def input_kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(_JSONL_EXTENSIONS):
        return "jsonl"
    if name.endswith(_CSV_EXTENSIONS):
        return "csv"
    if name.endswith(_WARC_EXTENSIONS):
        return "warc"
    return "document"


def _read_single(path: Path, max_bytes: int) -> Record | RecordError:
    """A text or HTML file as one record."""
    origin = printable_path(path)
    try:
        doc = read_document(path, max_bytes=max_bytes)
    except InputError as exc:
        return RecordError(origin, exc.problem)
    url = doc.meta.get("url", "")
    meta = build_meta(
        fmt=doc.meta.get("format", "txt"),
        source=origin,
        url=url,
        date=doc.meta.get("date", ""),
        title=doc.meta.get("title", ""),
        date_source=doc.meta.get("date_source", ""),
        text=doc.text,
    )
    return Record(ext_id=url or origin, text=doc.text, meta=meta, origin=origin)


def count_records(inputs: Sequence[str]) -> int | None:
    """How many records :func:`iter_records` will yield for ``inputs``, or None when that
    is not known without parsing.

    Text and HTML files count one each; a JSONL file (also gzip-compressed) counts its
    non-blank lines, read without parsing (about a second a gigabyte). A CSV file (a row
    may span lines) or a WARC archive makes the count unknown. A progress bar uses it as
    its total; a malformed record is still counted, so the count may exceed the records
    indexed. Raises :class:`InputError` like :func:`iter_records` for an input that names
    nothing.
    """
    total = 0
    for path in _expand(inputs):
        if isinstance(path, RecordError) or _unreadable_kind(path) is not None:
            continue
        kind = input_kind(path)
        if kind == "document":
            total += 1
        elif kind == "jsonl":
            try:
                with open_binary(path) as handle:
                    total += sum(1 for line in handle if line.strip())
            except READ_ERRORS:
                continue  # iter_records reports it as a record error
        else:
            return None
    return total
