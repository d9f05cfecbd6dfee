"""The pages: compare form and report, search, clusters, the site network, documents.

Server-rendered with Jinja2 (autoescaping on: every document string, name, title, URL and
metadata value is escaped). The only script is ``static/app.js``; the Content-Security-
Policy of these pages allows nothing else. The comparison report is the library's own
self-contained page (:func:`textlineage.report.render_html`) with the site's navigation
bar added; it keeps the policy it declares.

Forms post, the result is kept in memory, and the browser is redirected to it (so a
reload shows the result again instead of re-posting the documents).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from .. import __version__
from ..corpus.index import Corpus, SearchResult, stored_to_document
from ..errors import ApiError, InputError, NoCorpus
from ..types import Comparison
from .api import MAX_ID, lookup, service_of
from .inputs import clean_name, pasted_text, read_form, source_from_text, source_from_upload
from .service import Service
from .workers import Source, compare_job, render_job, search_job

router = APIRouter(include_in_schema=False)

HERE = Path(__file__).resolve().parent
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# Only for a report whose own policy cannot be found: safe, if without its script.
_FALLBACK_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')

_REPORT_NAV_CSS = (HERE / "static" / "report-nav.css").read_text(encoding="utf-8")

CLUSTERS_PER_PAGE = 50
TOP_CHOICES = (5, 10, 20, 50)

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

VERDICTS = {
    "derived": "Derived",
    "partially_derived": "Partially derived",
    "independent": "Independent",
}
DIRECTIONS = {
    "hit_is_source": "This document is the source: your text reuses it.",
    "query_is_source": "Your text is the source: this document reuses it.",
    "unknown": "Shared text; which came first is not established.",
}
KINDS = {
    "verbatim": "verbatim",
    "near_verbatim": "near-verbatim",
    "paraphrase": "paraphrase",
    "compression": "compression",
    "translation": "translation",
}
_env.filters["verdict"] = lambda v: VERDICTS.get(str(v), str(v))
_env.filters["kind"] = lambda v: KINDS.get(str(v), str(v))
_env.filters["pct"] = lambda v: f"{float(v or 0):.0%}"
_env.filters["num"] = lambda v: f"{int(v):,}" if isinstance(v, int | float) else str(v)


def _input_problem(exc: InputError | ApiError) -> tuple[int, str]:
    """Status and message for a form whose input cannot be used (server errors re-raised)."""
    status = exc.status if isinstance(exc, ApiError) else 400
    if status >= 500:
        raise exc
    return status, exc.message if isinstance(exc, ApiError) else str(exc)


def _nav(service: Service, path: str) -> list[dict[str, Any]]:
    items = [("/", "Compare")]
    if service.has_corpus:
        items += [("/search", "Search"), ("/clusters", "Clusters"), ("/network", "Network")]
    out = []
    for href, label in items:
        current = (
            path == "/" or path.startswith("/compare") if href == "/" else path.startswith(href)
        )
        out.append({"href": href, "label": label, "current": current})
    return out


def page(
    request: Request,
    template: str,
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """Render one of the site's own pages."""
    service = service_of(request)
    html = _env.get_template(template).render(
        nav=_nav(service, request.url.path),
        version=__version__,
        has_corpus=service.has_corpus,
        semantic_service=service.config.semantic,
        max_document_bytes=service.config.max_document_bytes,
        **context,
    )
    h = {"Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-store"}
    h.update(headers or {})
    return HTMLResponse(html, status_code=status, headers=h)


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


def error_page(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> HTMLResponse:
    return page(
        request, "error.html", status=status, headers=headers, status_code=status, message=message
    )


def _report(request: Request, report: bytes) -> HTMLResponse:
    """The library's comparison report with the site's navigation added."""
    html = report.decode("utf-8")
    found = _META_CSP.search(html, 0, 4096)
    csp = found.group(1) if found else _FALLBACK_REPORT_CSP
    nav = _env.get_template("report_nav.html").render(
        nav=_nav(service_of(request), request.url.path)
    )
    # The anchor precedes any document text, and the report's policy allows inline styles.
    head, sep, rest = html.partition("</head><body>")
    if sep:
        html = f"{head}<style>{_REPORT_NAV_CSS}</style></head><body>{nav}{rest}"
    headers = {
        "Content-Security-Policy": csp + "; frame-ancestors 'none'",
        "Cache-Control": "no-store",
    }
    return HTMLResponse(html, headers=headers)


def _safe_url(url: str) -> str | None:
    """The URL when it is an http(s) link a page may show, else None."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


_env.filters["safe_url"] = _safe_url


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
        status, message = _input_problem(exc)
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
    return _report(request, report)


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
    return _report(request, report)


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
        status, message = _input_problem(exc)
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


def _excerpt(c: Comparison, doc: int, limit: int = 260) -> str:
    if not c.passages:
        return ""
    p = max(c.passages, key=lambda p: p.chars(doc))
    text = c.documents[doc].text
    pieces = [" ".join(text[s:e].split()) for s, e in p.spans[doc]]
    out = " … ".join(x for x in pieces if x)
    return out if len(out) <= limit else out[: limit - 1].rstrip() + "…"


def _hit_views(result: SearchResult) -> list[dict[str, Any]]:
    out = []
    for rank, h in enumerate(result.hits, 1):
        c = h.comparison
        kinds: dict[str, int] = {}
        for p in c.passages:
            kinds[p.kind] = kinds.get(p.kind, 0) + 1
        out.append(
            {
                "rank": rank,
                "doc": h.doc,
                "verdict": c.verdict,
                "direction": DIRECTIONS.get(h.direction, h.direction),
                "direction_key": h.direction,
                "confidence": c.confidence,
                "coverage_query": c.coverage[0],
                "coverage_hit": c.coverage[1],
                "kinds": sorted(kinds.items(), key=lambda kv: -kv[1]),
                "passages": len(c.passages),
                "excerpt": _excerpt(c, 1),
                "semantic_similarity": h.semantic_similarity,
            }
        )
    return out


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
            "hits": _hit_views(result),
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
    return _report(request, report)


# --------------------------------------------------------------------------- corpus


@router.get("/documents/{key}", response_class=HTMLResponse)
async def document_page(request: Request, key: str) -> HTMLResponse:
    def read(c: Corpus) -> tuple[Any, list[dict[str, str]]] | None:
        doc = lookup(c, key)
        if doc is None:
            return None
        return doc, c.store.duplicates_of(doc.doc_id)

    found = await service_of(request).corpus.read(read)
    if found is None:
        raise ApiError(404, f"no document with id {key!r} in the index")
    doc, dups = found
    return page(request, "document.html", doc=doc, duplicates=dups)


@router.get("/clusters", response_class=HTMLResponse)
async def clusters_page(
    request: Request, page_no: int = Query(1, ge=1, alias="page")
) -> HTMLResponse:
    offset = (page_no - 1) * CLUSTERS_PER_PAGE
    rows = await service_of(request).corpus.read(
        lambda c: c.clusters(limit=CLUSTERS_PER_PAGE + 1, offset=offset)
    )
    return page(
        request,
        "clusters.html",
        clusters=rows[:CLUSTERS_PER_PAGE],
        page_no=page_no,
        offset=offset,
        more=len(rows) > CLUSTERS_PER_PAGE,
    )


def _by_time(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(
        members, key=lambda m: (not m.get("date"), m.get("date") or "", m.get("doc_id", 0))
    )


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
async def cluster_page(
    request: Request, cluster_id: int = PathParam(ge=0, le=MAX_ID)
) -> HTMLResponse:
    found = await service_of(request).corpus.read(lambda c: c.cluster(cluster_id))
    if found is None:
        raise ApiError(404, f"no cluster {cluster_id}")
    members = _by_time(list(found.get("members", [])))
    names = {m["doc_id"]: m for m in members}
    relations = []
    for r in found.get("relations", []):
        a, b = r["a"], r["b"]
        if r.get("source") == b:
            a, b = b, a  # the source on the left
        relations.append(
            {
                **r,
                "left": names.get(a, {"doc_id": a}),
                "right": names.get(b, {"doc_id": b}),
                "left_id": a,
                "right_id": b,
            }
        )
    return page(request, "cluster.html", cluster=found, members=members, relations=relations)


@router.get("/network", response_class=HTMLResponse)
async def network_page(request: Request) -> HTMLResponse:
    found = await service_of(request).corpus.read(lambda c: c.network())
    stats: list[tuple[str, int]] = []
    if found is not None:
        summary = found.get("summary") or {}
        for key, label in (
            ("documents", "Documents"),
            ("verified_relations", "Verified relations"),
            ("clusters", "Clusters"),
        ):
            if isinstance(summary.get(key), int):
                stats.append((label, summary[key]))
        stats.append(("Sites", len(found.get("sites") or [])))
        stats.append(("Links between sites", len(found.get("edges") or [])))
    return page(request, "network.html", network=found, stats=stats)


@router.get("/favicon.ico")
async def favicon() -> Response:
    svg = (HERE / "static" / "favicon.svg").read_bytes()
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})


@router.get("/network.svg")
async def network_svg(request: Request) -> Response:
    found = await service_of(request).corpus.read(lambda c: c.network())
    if found is None or not found.get("svg"):
        raise ApiError(404, "no discovery results in this index")
    return Response(
        found["svg"],
        media_type="image/svg+xml",
        headers={"Content-Security-Policy": _SVG_CSP, "Cache-Control": "no-store"},
    )
