"""The JSON API: compare, search, and the corpus's documents, clusters and site network."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import FormData

from .. import __version__
from ..corpus.index import Corpus
from ..corpus.schema import StoredDocument
from ..errors import ApiError, NoCorpus
from . import models
from .inputs import (
    CompareRequest,
    ErrorBody,
    SearchRequest,
    form_flag,
    form_int,
    inline_schema,
    media_type,
    read_form,
    read_json,
    source_from_field,
    source_from_json,
)
from .service import Service
from .workers import Source, compare_job, search_json_job

router = APIRouter()

MAX_ID = 2**63 - 1
"""The largest id SQLite stores; a bigger number can name no document or cluster."""

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Unreadable input: empty, binary, undecodable."},
    409: {"model": ErrorBody, "description": "The service has no corpus index."},
    413: {"model": ErrorBody, "description": "A document or the request body is too large."},
    415: {"model": ErrorBody, "description": "Neither JSON nor multipart/form-data."},
    422: {"model": ErrorBody, "description": "The request does not match the schema."},
    503: {
        "model": ErrorBody,
        "description": "Busy, or the index cannot be used (damaged, not an index, locked, "
        "unreadable: the error says which): retry after the Retry-After seconds.",
    },
}


def _upload_schema(fields: dict[str, str], extra: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = {
        name: {"type": "string", "format": "binary", "description": desc}
        for name, desc in fields.items()
    }
    props.update(extra)
    return {"type": "object", "required": list(fields), "properties": props}


def _body(model: type[Any], upload: dict[str, Any]) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": inline_schema(model)},
                "multipart/form-data": {"schema": upload},
            },
        }
    }


def lookup(corpus: Corpus, key: str) -> StoredDocument | None:
    """A document by external id or number (a number too large for SQLite finds none)."""
    if key.isdigit() and int(key) > MAX_ID:
        return None
    return corpus.get(key)


def service_of(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def _json(data: bytes) -> Response:
    return Response(content=data, media_type="application/json")


def _semantic(service: Service, wanted: bool | None) -> bool | None:
    if wanted and not service.config.semantic:
        raise ApiError(
            400, "this service runs without the semantic stage (started with --no-semantic)"
        )
    return wanted


async def _form(request: Request, service: Service) -> FormData:
    if media_type(request) != "multipart/form-data":
        raise ApiError(415, "send application/json or multipart/form-data")
    return await read_form(request, service.config.max_document_bytes)


@router.get(
    "/healthz", tags=["service"], summary="Liveness and settings", response_model=models.Health
)
async def healthz(request: Request) -> JSONResponse:
    service = service_of(request)
    cfg = service.config
    problem = await service.corpus.check()
    index = "none" if not service.has_corpus else "unusable" if problem else "ok"
    return JSONResponse(
        {
            "status": "degraded" if problem else "ok",
            "version": __version__,
            "workers": cfg.workers,
            "semantic": cfg.semantic,
            "corpus": service.has_corpus,
            "index": index,
            "index_problem": problem,
            "pending": service.pool.pending,
            "max_pending": cfg.max_pending,
            "max_document_bytes": cfg.max_document_bytes,
        }
    )


@router.post(
    "/api/compare",
    tags=["compare"],
    summary="Compare two documents",
    description=(
        "Two documents as JSON (`text` or `html` each, optional `name`) or as a "
        "multipart upload (files `a` and `b`; `.html` files are read as HTML). Answers the "
        "comparison JSON of docs/schema.md: passages with offsets and kinds, verdict, "
        "source, confidence, coverage and the fact diff."
    ),
    response_model=models.Comparison,
    responses={200: {"description": "The comparison (schema `textlineage.compare`)."}, **_ERRORS},
    openapi_extra=_body(
        CompareRequest,
        _upload_schema(
            {"a": "The first document.", "b": "The second document."},
            {"semantic": {"type": "boolean"}},
        ),
    ),
)
async def api_compare(request: Request) -> Response:
    service = service_of(request)
    limit = service.config.max_document_bytes
    sources: list[Source] = []
    if media_type(request) == "application/json":
        req = await read_json(request, CompareRequest)
        sources = [
            source_from_json(req.a, "text A", limit),
            source_from_json(req.b, "text B", limit),
        ]
        semantic = req.semantic
    else:
        form = await _form(request, service)
        for field, name in (("a", "text A"), ("b", "text B")):
            src = await source_from_field(form, field, name, limit)
            if src is None:
                raise ApiError(422, f"{field}: missing (upload a file or send text)")
            sources.append(src)
        semantic = form_flag(form, "semantic")
    semantic = _semantic(service, semantic)
    data = await service.pool.run(compare_job, sources[0], sources[1], semantic, "json")
    return _json(data)


@router.post(
    "/api/search",
    tags=["corpus"],
    summary="Where did this text come from?",
    description=(
        "Indexed documents the given one reuses or that reuse it, each verified by "
        "alignment, ranked by the amount of reused text. JSON (`text` or `html`, optional "
        "`name`, `top`, `semantic`) or a multipart upload (file `document`)."
    ),
    response_model=models.SearchAnswer,
    responses={200: {"description": "Ranked hits (schema `textlineage.search`)."}, **_ERRORS},
    openapi_extra=_body(
        SearchRequest,
        _upload_schema(
            {"document": "The document to look up."},
            {"top": {"type": "integer"}, "semantic": {"type": "boolean"}},
        ),
    ),
)
async def api_search(request: Request) -> Response:
    service = service_of(request)
    if not service.has_corpus:
        raise NoCorpus()
    limit = service.config.max_document_bytes
    if media_type(request) == "application/json":
        req = await read_json(request, SearchRequest)
        src = source_from_json(req, "query", limit)
        top, semantic = req.top, req.semantic
    else:
        form = await _form(request, service)
        found = await source_from_field(form, "document", "query", limit)
        if found is None:
            raise ApiError(422, "document: missing (upload a file or send text)")
        src = found
        top, semantic = form_int(form, "top", 1, 100), form_flag(form, "semantic")
    semantic = _semantic(service, semantic)
    if not service.config.semantic:
        semantic = False
    data = await service.pool.run(search_json_job, src, top or service.config.top, semantic)
    return _json(data)


def _not_found(what: str) -> ApiError:
    return ApiError(404, what)


_NO_DISCOVERY = (
    "no discovery results in this index: run `textlineage discover INDEX --out DIR` first"
)


@router.get(
    "/api/documents/{key:path}",
    tags=["corpus"],
    summary="One indexed document",
    description=(
        "By its external id or its number; with its text, metadata and duplicates. An id "
        "may contain `/` (a path, a URL): send it as it is or percent-encoded."
    ),
    response_model=models.DocumentDetail,
    responses={404: {"model": ErrorBody}, 409: {"model": ErrorBody}, 503: {"model": ErrorBody}},
)
async def api_document(request: Request, key: str) -> JSONResponse:
    def read(c: Corpus) -> dict[str, Any] | None:
        doc = lookup(c, key)
        if doc is None:
            return None
        out = doc.to_json(include_text=True)
        out["duplicates"] = c.store.duplicates_of(doc.doc_id)
        return out

    found = await service_of(request).corpus.read(read)
    if found is None:
        raise _not_found(f"no document with id {key!r}")
    return JSONResponse(found)


@router.get(
    "/api/clusters",
    tags=["corpus"],
    summary="Reuse clusters, largest first",
    description="Found by `textlineage discover`; paged with `limit` and `offset`.",
    response_model=models.ClusterPage,
    responses={409: {"model": ErrorBody}, 422: {"model": ErrorBody}, 503: {"model": ErrorBody}},
)
async def api_clusters(
    request: Request,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> JSONResponse:
    rows = await service_of(request).corpus.read(
        lambda c: c.clusters(limit=limit + 1, offset=offset)
    )
    more = len(rows) > limit
    return JSONResponse(
        {
            "clusters": rows[:limit],
            "limit": limit,
            "offset": offset,
            "next": f"/api/clusters?limit={limit}&offset={offset + limit}" if more else None,
        }
    )


@router.get(
    "/api/clusters/{cluster_id}",
    tags=["corpus"],
    summary="One cluster with its verified relations",
    response_model=models.ClusterDetail,
    responses={404: {"model": ErrorBody}, 409: {"model": ErrorBody}, 503: {"model": ErrorBody}},
)
async def api_cluster(
    request: Request, cluster_id: int = PathParam(ge=0, le=MAX_ID)
) -> JSONResponse:
    found = await service_of(request).corpus.read(lambda c: c.cluster(cluster_id))
    if found is None:
        raise _not_found(f"no cluster {cluster_id}")
    return JSONResponse(found)


@router.get(
    "/api/network",
    tags=["corpus"],
    summary="Who copies whom: the site network",
    description="Edges between sites, per-site counts, a summary, and the network as SVG.",
    response_model=models.Network,
    responses={404: {"model": ErrorBody}, 409: {"model": ErrorBody}, 503: {"model": ErrorBody}},
)
async def api_network(request: Request) -> JSONResponse:
    found = await service_of(request).corpus.read(lambda c: c.network())
    if found is None:
        raise _not_found(_NO_DISCOVERY)
    return JSONResponse(found)
