"""The FastAPI application: the JSON API, the pages, and what guards both.

Every response carries ``X-Content-Type-Options: nosniff``, ``Referrer-Policy:
no-referrer`` and a Content-Security-Policy (pages allow only this app's own script and
stylesheet; the comparison report keeps the policy it declares itself, which allows only
its inline script by hash). Errors are ``{"error": "..."}`` for API clients and a page for
browsers; an unexpected exception is logged and answered with 500 ``internal error``,
never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import (
    ApiError,
    IndexFileError,
    InputError,
    NoCorpus,
    Overloaded,
    TextlineageError,
)
from . import api, pages
from .config import ServiceConfig
from .inputs import body_too_large, validation_message
from .service import Service

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent

# API responses and anything else that is not a page: nothing may load or run.
_DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

INDEX_RETRY_SECONDS = 30
"""Retry-After of a 503 for an index that cannot be used (a lock passes; a damaged file
needs restoring, which the next request after it picks up)."""


class _BodyLimit:
    """Refuse request bodies over ``max_bytes`` (413), before any parsing.

    A declared ``Content-Length`` over the limit fails at the first read; a body sent
    without one (chunked) fails as soon as the bytes received pass the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, per_document: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.per_document = per_document

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = None
        for key, value in scope["headers"]:
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = None
        limit = self.max_bytes
        received = 0

        async def limited() -> Message:
            nonlocal received
            if declared is not None and declared > limit:
                raise body_too_large(limit, self.per_document)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise body_too_large(limit, self.per_document)
            return message

        await self.app(scope, limited, send)


class _Guard:
    """Security headers on every response; a logged 500 for any unhandled exception."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                headers.setdefault("Content-Security-Policy", _DEFAULT_CSP)
                headers.setdefault("X-Frame-Options", "DENY")
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception:
            log.exception("internal error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            response = JSONResponse({"error": "internal error"}, status_code=500)
            await response(scope, receive, with_headers)


def _wants_page(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path in ("/healthz", "/openapi.json"):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(
    request: Request,
    status: int,
    message: str,
    headers: dict[str, str] | None = None,
    heading: str | None = None,
) -> Response:
    """The error as a page for a browser (under ``heading``, when given), as
    ``{"error": ...}`` for everyone else."""
    if _wants_page(request):
        return pages.error_page(request, status, message, headers, heading=heading)
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _install_handlers(app: FastAPI) -> None:
    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return error_response(request, exc.status, exc.message, exc.headers)

    async def on_input_error(request: Request, exc: Exception) -> Response:
        return error_response(request, 400, str(exc))

    async def on_no_corpus(request: Request, exc: Exception) -> Response:
        return error_response(request, 409, str(exc))

    async def on_overloaded(request: Request, exc: Exception) -> Response:
        return error_response(request, 503, str(exc), {"Retry-After": "2"})

    async def on_index_error(request: Request, exc: Exception) -> Response:
        # The service only reads its index: the file is damaged, truncated, not an
        # index, locked or unreadable. Not the client's fault; a lock passes, and a
        # restored file is opened again at the next request.
        log.error("%s %s: %s", request.method, request.url.path, exc)
        headers = {"Retry-After": str(INDEX_RETRY_SECONDS)}
        return error_response(request, 503, str(exc), headers, heading="Index unusable")

    async def on_library_error(request: Request, exc: Exception) -> Response:
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return error_response(request, 500, str(exc))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, validation_message(exc))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        headers = dict(exc.headers) if exc.headers else None
        return error_response(request, exc.status_code, str(exc.detail), headers)

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(InputError, on_input_error)
    app.add_exception_handler(NoCorpus, on_no_corpus)
    app.add_exception_handler(Overloaded, on_overloaded)
    app.add_exception_handler(IndexFileError, on_index_error)
    app.add_exception_handler(TextlineageError, on_library_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)


def create_app(config: ServiceConfig) -> FastAPI:
    """The application; its worker processes start (and warm up) with the app's lifespan."""
    service = Service(config)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await service.start()
        try:
            yield
        finally:
            await service.close()

    app = FastAPI(
        title="textlineage",
        version=__version__,
        summary="Tell where a text came from: aligned reuse, direction and fact changes.",
        description=(
            "Compare two documents, or look one up in a corpus index. The comparison JSON "
            "is described in docs/schema.md (schema `textlineage.compare`). Errors are "
            '`{"error": "..."}` with status 400 (unreadable input), 409 (no corpus), '
            "413 (too large), 422 (invalid request), 503 (busy, or the index cannot be "
            "used: retry)."
        ),
        lifespan=lifespan,
        # The interactive docs load scripts from a CDN; the schema is at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    app.add_middleware(
        _BodyLimit,
        max_bytes=config.max_body_bytes,
        per_document=config.max_document_bytes,
    )
    if config.allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(config.allowed_hosts))
    app.add_middleware(_Guard)
    _install_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
