"""The local engine's worker processes: the one process pool of the project.

Every pooled command (``index add --workers``, ``discover``, ``pan``, ``eval pairs`` and
``serve``) starts its workers through :func:`process_pool`, which adds what a plain
:class:`~concurrent.futures.ProcessPoolExecutor` lacks:

* **Workers die with their parent.** A worker watches its parent process and exits when
  the parent is gone, so ``kill -9`` of the command (which runs no clean-up) leaves no
  orphans holding a model and an index open. (Linux's parent-death signal is tied to the
  *thread* that started the child, and pools start workers from whichever thread submits;
  a watcher thread checking the parent id is both portable and exact.)
* **One inference thread per worker** unless configured (``TEXTLINEAGE_THREADS``): the
  numeric libraries' thread-pool variables are set before the worker imports them, so
  two workers on two cores do not each spawn a thread per core.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from ..embed import inference_threads

PARENT_CHECK_SECONDS = 0.5
"""How often a worker checks that its parent is alive."""

_THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "TOKENIZERS_PARALLELISM",
)


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            # The parent is gone (the child was re-parented): nothing will collect our
            # results; exit at once, without running clean-up that could block.
            os._exit(1)


def _start_worker(
    parent: int,
    threads: int,
    initializer: Callable[..., Any] | None,
    initargs: tuple[Any, ...],
) -> None:
    threading.Thread(
        target=_watch_parent, args=(parent,), name="textlineage-parent-watch", daemon=True
    ).start()
    for name in _THREAD_VARIABLES:
        os.environ[name] = "false" if name == "TOKENIZERS_PARALLELISM" else str(threads)
    os.environ["TEXTLINEAGE_THREADS"] = str(threads)
    if initializer is not None:
        initializer(*initargs)


def process_pool(
    workers: int,
    *,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple[Any, ...] = (),
    start_method: str | None = None,
    threads: int | None = None,
) -> ProcessPoolExecutor:
    """A process pool of ``workers`` whose workers exit with this process and use
    ``threads`` inference threads each (default: :func:`~textlineage.embed.inference_threads`).

    ``start_method``: ``"fork"``, ``"spawn"`` or ``"forkserver"``; default the platform's.
    Use ``"spawn"`` from a process that runs threads or an event loop.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    ctx = multiprocessing.get_context(start_method)
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=ctx,
        initializer=_start_worker,
        initargs=(os.getpid(), inference_threads(threads), initializer, initargs),
    )
