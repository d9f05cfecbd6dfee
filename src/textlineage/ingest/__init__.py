"""Reading what users have: documents (:mod:`.documents`) and records for the corpus index
(:mod:`.records`)."""

from __future__ import annotations

from .documents import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    document_from_bytes,
    document_from_text,
    os_error_reason,
    read_document,
)
from .records import (
    KNOWN_EXTENSIONS,
    FieldMap,
    Record,
    RecordError,
    expand_inputs,
    iter_records,
    normalise_date,
    site_from_url,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "KNOWN_EXTENSIONS",
    "FieldMap",
    "Record",
    "RecordError",
    "document_from_bytes",
    "document_from_text",
    "expand_inputs",
    "iter_records",
    "normalise_date",
    "os_error_reason",
    "read_document",
    "site_from_url",
]
