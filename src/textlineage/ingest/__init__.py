"""Reading what users have: one document from a file, stdin or bytes (:mod:`.documents`,
with :mod:`.decoding` and :mod:`.html`), and streams of records for the corpus index from
files, directories and globs (:mod:`.sources`) holding text, HTML, JSONL, CSV
(:mod:`.records`) or WARC archives (:mod:`.warc`). Size limits are in :mod:`.limits`,
record metadata helpers in :mod:`.meta`.
"""

from __future__ import annotations

from ..text.dates import normalise_date
from .documents import (
    FORMATS,
    document_from_bytes,
    document_from_text,
    os_error_reason,
    read_document,
)
from .limits import DEFAULT_MAX_BYTES, format_size
from .meta import site_from_url
from .records import FieldMap, Record, RecordError
from .sources import KNOWN_EXTENSIONS, count_records, expand_inputs, iter_records

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "KNOWN_EXTENSIONS",
    "FieldMap",
    "Record",
    "RecordError",
    "count_records",
    "document_from_bytes",
    "document_from_text",
    "expand_inputs",
    "format_size",
    "iter_records",
    "normalise_date",
    "os_error_reason",
    "read_document",
    "site_from_url",
]
