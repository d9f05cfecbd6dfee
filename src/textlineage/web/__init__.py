"""The web service and page: ``textlineage serve``.

A FastAPI application over the library (it has no reuse-detection logic of its own): a
JSON API to compare two documents or search a corpus index, and pages for people, with
both texts side by side. Needs the ``web`` extra (``pip install 'textlineage[web]'``);
nothing here imports it until :func:`create_app` or :func:`serve` is called.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import IndexFileError, MissingDependencyError
from .config import ServiceConfig

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["INSTALL_HINT", "ServiceConfig", "create_app", "serve"]

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'textlineage[web]'"
_REQUIRED = ("fastapi", "uvicorn", "jinja2")
LOOPBACK = frozenset({"127.0.0.1", "localhost"})


def require_web() -> None:
    """Raise :class:`MissingDependencyError` naming the install command if a part is missing."""
    try:
        for module in _REQUIRED:
            importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError("the web service", INSTALL_HINT) from exc
    # python-multipart (form uploads) is imported by Starlette when a form arrives; its
    # module was renamed, and importing the old name warns.
    if not any(importlib.util.find_spec(m) for m in ("python_multipart", "multipart")):
        raise MissingDependencyError("the web service", INSTALL_HINT)


def create_app(config: ServiceConfig | None = None) -> FastAPI:
    """The ASGI application (for uvicorn or any ASGI server)."""
    require_web()
    from .app import create_app as make

    return make(config or ServiceConfig())


def serve(
    config: ServiceConfig,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    log_level: str = "info",
) -> None:
    """Run the service until interrupted (Ctrl-C stops it cleanly). ``log_level``:
    uvicorn's (``"info"`` logs each request, ``"warning"`` only problems)."""
    require_web()
    import uvicorn

    from ..corpus.index import Corpus
    from ..embed import INSTALL_HINT as SEMANTIC_HINT
    from ..embed import semantic_available

    if config.semantic and not semantic_available():
        raise MissingDependencyError(
            "the semantic stage (or serve with --no-semantic)", SEMANTIC_HINT
        )
    if config.db is not None:
        # A missing index is a mistyped path: a clear error now. One that is there but
        # cannot be used (damaged, not an index, locked, unreadable) is served all the
        # same: comparing needs no index, the corpus routes answer 503 naming the problem,
        # /healthz says "degraded", and a restored file is read at the next request.
        if not config.db.exists():
            raise IndexFileError(f"{config.db}: no such index")
        try:
            Corpus.open(config.db, create=False).close()
        except IndexFileError as exc:
            log.error("serving without a usable index: %s", exc)
    if host in LOOPBACK and not config.allowed_hosts:
        config = replace(config, allowed_hosts=("localhost", "127.0.0.1"))
    uvicorn.run(
        create_app(config),
        host=host,
        port=port,
        log_level=log_level,
        server_header=False,
        timeout_graceful_shutdown=10,
    )
