"""The engine seam: what the local and the Spark engines both do.

An engine runs corpus-wide discovery and writes the files of ``discover --out DIR``
(:mod:`textlineage.corpus.results`); both implement it over the same pure kernels
(sketching, :func:`~textlineage.corpus.verify.verify_pair`, the boilerplate rule, the
window kernel, clusters), so they give the same answer on the same records.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class Engine(Protocol):
    """Runs discovery somewhere: in local processes, or on a Spark cluster."""

    name: str

    def discover(
        self,
        out_dir: Path,
        *,
        semantic: bool = True,
        progress: Callable[[int, int], None] | None = None,
    ) -> dict[str, Any]:
        """Find, verify and write every reuse relation; return the summary."""
        ...
