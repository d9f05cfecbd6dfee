"""The local engine: discovery over an index file, verification in the project's process
pool (:mod:`textlineage.engines.pool`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..corpus.config import CorpusConfig
from ..corpus.discover import discover
from ..corpus.store import Store


class LocalEngine:
    """Discovery over the index ``store`` (see :func:`textlineage.corpus.discover.discover`)."""

    name = "local"

    def __init__(self, store: Store, config: CorpusConfig | None = None, workers: int = 2) -> None:
        self.store = store
        self.config = config or CorpusConfig()
        self.workers = workers

    def discover(
        self,
        out_dir: Path,
        *,
        semantic: bool = True,
        progress: Callable[[int, int], None] | None = None,
    ) -> dict[str, Any]:
        return discover(
            self.store,
            self.config,
            Path(out_dir),
            semantic=semantic,
            workers=self.workers,
            progress=progress,
        )
