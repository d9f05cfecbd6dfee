"""The pages: compare form and report, and search; the router of every page.

The corpus pages are in :mod:`.corpus_pages`, the downloads in :mod:`.exports`, what all
pages share (templates, filters, security headers) in :mod:`.render`.

Forms post, the result is kept in memory, and the browser is redirected to it (so a
reload shows the result again instead of re-posting the documents).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from ..corpus.index import SearchResult, stored_to_document
from ..errors import ApiError, InputError, NoCorpus
from . import corpus_pages, exports
from .api import lookup, service_of
from .inputs import clean_name, pasted_text, read_form, source_from_text, source_from_upload
from .render import DIRECTIONS, error_page, input_problem, page, report_page
from .service import Service
from .views import hit_groups
from .workers import Source, compare_job, render_job, search_job

__all__ = ["error_page", "router"]

router = APIRouter(include_in_schema=False)
# The downloads first: their paths (``/search/{token}.csv``) would match the pages'.
router.include_router(exports.router)

TOP_CHOICES = (5, 10, 20, 50)


def _search_page(request: Request, service: Service, *, result: Any) -> HTMLResponse:
    """The search page with an empty form, showing ``result`` (or none)."""
    return page(
        request,
        "search.html",
        form=_form_values(None),
        semantic=True,
        top=service.config.top,
        top_choices=TOP_CHOICES,
        error=None,
        result=result,
    )


# --------------------------------------------------------------------------- compare


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _upload(form: FormData, name: str) -> UploadFile | None:
    value = form.get(name)
    if isinstance(value, UploadFile) and (value.filename or value.size):
        return value
    return None


async def _side(form: FormData, prefix: str, label: str, limit: int) -> Source:
    """A document from a page form: an uploaded file or pasted text.

    The fields are ``{prefix}text``, ``{prefix}file`` and ``{prefix}name``; pasted HTML
    pages (with a doctype or ``<html>`` tag) are read as HTML. Pasted text has the CR LF
    line ends of a form submission turned back into LF (:func:`.inputs.pasted_text`); an
    uploaded file is read byte for byte.
    """
    text = _field(form, f"{prefix}text")
    upload = _upload(form, f"{prefix}file")
    name = clean_name(_field(form, f"{prefix}name"), label)
    if upload is not None and text.strip():
        raise InputError(label, "both a file and pasted text were given; keep one of them")
    if upload is not None:
        return await source_from_upload(upload, label, limit)
    if not text.strip():
        raise InputError(label, "empty document (paste text or choose a file)")
    return source_from_text(pasted_text(text), name, limit, fmt="auto")


def _form_values(form: FormData | None) -> dict[str, str]:
    keys = ("a_text", "a_name", "b_text", "b_name", "text", "name")
    return {k: _field(form, k) if form is not None else "" for k in keys}


def _semantic_choice(service: Service, form: FormData) -> bool:
    return service.config.semantic and bool(_field(form, "semantic"))


@router.get("/", response_class=HTMLResponse)
async def index(request: Request) -> HTMLResponse:
    return page(request, "index.html", form=_form_values(None), semantic=True, error=None)


@router.post("/compare")
async def compare_form(request: Request) -> Response:
    service = service_of(request)
    limit = service.config.max_document_bytes
    form = await read_form(request, limit)
    semantic = _semantic_choice(service, form)
    try:
        a = await _side(form, "a_", "Text A", limit)
        b = await _side(form, "b_", "Text B", limit)
        report = await service.pool.run(compare_job, a, b, semantic, "html", None)
    except (InputError, ApiError) as exc:
        status, message = input_problem(exc)
        return page(
            request,
            "index.html",
            status=status,
            form=_form_values(form),
            semantic=semantic,
            error=message,
        )
    token = service.reports.put(report, len(report))
    return RedirectResponse(f"/compare/{token}", status_code=303)


@router.get("/compare/{token}", response_class=HTMLResponse)
async def compare_result(request: Request, token: str) -> HTMLResponse:
    report = service_of(request).reports.get(token)
    if report is None:
        raise ApiError(404, "this comparison is no longer kept by the server; run it again")
    return report_page(request, report)


@router.get("/view/compare", response_class=HTMLResponse)
async def compare_stored(
    request: Request, a: str = Query(..., max_length=500), b: str = Query(..., max_length=500)
) -> HTMLResponse:
    """Two indexed documents side by side."""
    service = service_of(request)
    docs = await service.corpus.read(lambda c: (lookup(c, a), lookup(c, b)))
    for key, doc in zip((a, b), docs, strict=True):
        if doc is None:
            raise ApiError(404, f"no document with id {key!r} in the index")
    da, db = (stored_to_document(d) for d in docs if d is not None)
    report = await service.pool.run(compare_job, da, db, None, "html", None)
    return report_page(request, report)


# --------------------------------------------------------------------------- search


@router.get("/search", response_class=HTMLResponse)
async def search_form(request: Request) -> HTMLResponse:
    service = service_of(request)
    if not service.has_corpus:
        raise NoCorpus()
    return _search_page(request, service, result=None)


@router.post("/search")
async def search_post(request: Request) -> Response:
    service = service_of(request)
    if not service.has_corpus:
        raise NoCorpus()
    limit = service.config.max_document_bytes
    form = await read_form(request, limit)
    semantic = _semantic_choice(service, form)
    try:
        top = int(_field(form, "top") or service.config.top)
    except ValueError:
        top = service.config.top
    top = min(max(top, 1), 100)
    try:
        query = await _side(form, "", "Your text", limit)
        result = await service.pool.run(search_job, query, top, semantic)
    except (InputError, ApiError) as exc:
        status, message = input_problem(exc)
        return page(
            request,
            "search.html",
            status=status,
            form=_form_values(form),
            semantic=semantic,
            top=top,
            top_choices=TOP_CHOICES,
            error=message,
            result=None,
        )
    size = result.query.chars + sum(len(h.doc.text) for h in result.hits)
    token = service.searches.put(result, size)
    return RedirectResponse(f"/search/{token}", status_code=303)


def _cached_search(service: Service, token: str) -> SearchResult:
    result = service.searches.get(token)
    if result is None:
        raise ApiError(404, "this search is no longer kept by the server; run it again")
    return result


@router.get("/search/{token}", response_class=HTMLResponse)
async def search_result(request: Request, token: str) -> HTMLResponse:
    service = service_of(request)
    result = _cached_search(service, token)
    return _search_page(
        request,
        service,
        result={
            "token": token,
            "query": result.query,
            "candidates": result.candidates,
            "ms": round(result.timings.get("total", 0.0) * 1000),
            "groups": hit_groups(result, DIRECTIONS),
            "count": len(result.hits),
        },
    )


@router.get("/search/{token}/{rank}", response_class=HTMLResponse)
async def search_hit(request: Request, token: str, rank: int) -> HTMLResponse:
    service = service_of(request)
    result = _cached_search(service, token)
    if not 1 <= rank <= len(result.hits):
        raise ApiError(404, f"no hit number {rank} in this search")
    hit = result.hits[rank - 1]
    title = f"{result.query.id} ↔ {hit.doc.title or hit.doc.ext_id}"
    report = await service.pool.run(render_job, hit.comparison, title)
    return report_page(request, report)


# The corpus pages (documents, clusters, network) after the routes above.
router.include_router(corpus_pages.router)
