"""Size limits of the readers and the wording of sizes in messages.

One formatter for byte counts serves every message that names a size (documents, JSONL
lines, CSV rows, WARC bodies, and the web service's request limits), so the same size
always reads the same way.
"""

from __future__ import annotations

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Largest document read, in bytes (50 MiB)."""

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
    over = f"over the {format_size(max_bytes)} limit (raise max_bytes to read it)"
    if size is None:
        return f"{what} is {over}"
    return f"{what} is {format_size(size)}, {over}"


def check_max_bytes(max_bytes: int) -> None:
    """Raise ``ValueError`` for a limit that is not positive (a programming error)."""
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
