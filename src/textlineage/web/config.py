"""Settings of the web service (``textlineage serve``)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest.limits import DEFAULT_MAX_BYTES

MB = 1024 * 1024


def _cpus() -> int:
    return os.cpu_count() or 1


@dataclass(frozen=True)
class ServiceConfig:
    """What the service serves and how much work it takes on at once."""

    db: Path | None = None
    """A corpus index to search and browse; without one only comparison is offered."""
    workers: int = field(default_factory=_cpus)
    """Worker processes doing the alignment (each loads the embedding model once)."""
    semantic: bool = True
    """Use the sentence-embedding stage (False: a lexical-only service)."""
    max_document_bytes: int = DEFAULT_MAX_BYTES
    """Largest document accepted, in bytes (UTF-8 for pasted text); by default the limit
    of every command (:data:`~textlineage.ingest.limits.DEFAULT_MAX_BYTES`)."""
    max_pending: int = 64
    """Compare/search requests admitted at once (running or queued); beyond it, 503."""
    top: int = 10
    """Search hits returned when a request does not say."""
    allowed_hosts: tuple[str, ...] = ()
    """Host header values accepted (empty: any). Serving on a loopback address allows only
    ``localhost`` and ``127.0.0.1``, so a web page cannot reach the service through a
    domain name it re-points at 127.0.0.1 (DNS rebinding) and read the corpus."""

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, not {self.workers}")
        if self.max_document_bytes < 1:
            raise ValueError(f"max_document_bytes must be positive, not {self.max_document_bytes}")
        if self.max_pending < 1:
            raise ValueError(f"max_pending must be at least 1, not {self.max_pending}")
        if not 1 <= self.top <= 100:
            raise ValueError(f"top must be between 1 and 100, not {self.top}")

    @property
    def max_body_bytes(self) -> int:
        """Largest request body: two documents plus room for the JSON or form around them."""
        return 2 * self.max_document_bytes + 64 * 1024

    @property
    def inference_threads(self) -> int:
        """Inference threads per worker: ``TEXTLINEAGE_THREADS``, else one; parallelism comes
        from the worker processes.

        On the 2-core machine, a single worker with torch's default of two threads ran the
        seed pair in about 12 s instead of 0.3 s while another process used a core (the
        threads wait on each other), and two workers with two threads each ran 15x slower
        than with one each.
        """
        from ..embed import inference_threads

        return inference_threads()
