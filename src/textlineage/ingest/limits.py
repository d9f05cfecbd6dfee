"""The document size limit, and the wording of sizes in messages.

:data:`DEFAULT_MAX_BYTES` is the one limit on the size of a document everywhere: a file
or standard input read by ``compare``, ``search`` and ``index add``, the text of a JSONL
or CSV record (in UTF-8: not its JSON escapes), a WARC response body, a record given to
:meth:`Corpus.add <textlineage.corpus.index.Corpus.add>`, a document sent to the web service (its default
``--max-document-mb``) and a line read by the Spark engine. The README's "Limits" section
states it with the others. One formatter for byte counts serves every message that names
a size, so the same size always reads the same way.
"""

from __future__ import annotations

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""Largest document, in bytes (5 MiB: some 800,000 words of English).

Chosen from measurements on the 2-core machine: comparing a 1 MB text with a news article
took 3.8 s and 160 MB of memory, a 2 MB one 12 s and 250 MB, a 5 MB one 33 s and 520 MB
(most of it in the fact diff), a 50 MB one 170 s and 4.5 GB; a search verifies each
candidate with such a comparison (one whose hit is a 5 MB document: 16 s and 370 MB). Larger texts (books, archives of many articles) are
better indexed as their parts: chapters, articles.
"""

READ_CHUNK = 64 * 1024
"""Bytes read at a time from a stream whose end is not known in advance."""

_KIB = 1024
_MIB = 1024 * 1024


def format_size(n: int) -> str:
    """``n`` bytes for a reader: ``"3 MB"``, ``"1.5 KB"``, ``"200 bytes"`` (binary units)."""
    if n >= _MIB:
        return f"{n / _MIB:.1f}".removesuffix(".0") + " MB"
    if n >= _KIB:
        return f"{n / _KIB:.1f}".removesuffix(".0") + " KB"
    return f"{n} bytes"


def too_large(what: str, max_bytes: int, size: int | None = None) -> str:
    """The problem of ``what`` (``"document"``, ``"line"``, ...) being over ``max_bytes``;
    ``size`` is named when known (it is not for a stream cut off at the limit)."""
    over = f"over the {format_size(max_bytes)} limit of one document (split it into parts)"
    if size is None:
        return f"{what} is {over}"
    return f"{what} is {format_size(size)}, {over}"


def check_max_bytes(max_bytes: int) -> None:
    """Raise ``ValueError`` for a limit that is not positive (a programming error)."""
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
