"""Downloads: the data of the search, cluster and network pages as CSV and JSON files.

Each file holds what its page shows, from the same record: a cluster's JSON is what
``/api/clusters/{id}`` answers, the network's what ``/api/network`` answers (without the
picture), a search's the ``textlineage.search`` JSON of the result the page shows (kept
by the server under the page's token, not searched again). CSV tables are built by
:mod:`textlineage.report.tables`, every cell defused against formula injection. Files are
sent as attachments (``Content-Disposition``), never shown inline.

These routes come before the pages' own (``/clusters/{id}`` would otherwise take
``/clusters/3.csv`` for a malformed id).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import Response

from ..errors import ApiError
from ..report.tables import (
    CLUSTER_COLUMNS,
    SEARCH_COLUMNS,
    SITE_COLUMNS,
    SITE_STATS_COLUMNS,
    cluster_rows,
    csv_table,
    search_rows,
    site_edge_rows,
    site_rows,
)
from .api import MAX_ID, service_of

router = APIRouter(include_in_schema=False)

_NO_DISCOVERY = "no discovery results in this index: run `textlineage discover INDEX` first"


def download(body: str, filename: str) -> Response:
    """``body`` as a file to save: CSV or JSON by the name's extension."""
    kind = "text/csv; charset=utf-8" if filename.endswith(".csv") else "application/json"
    return Response(
        body.encode("utf-8"),
        media_type=kind,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


async def _cluster(request: Request, cluster_id: int) -> dict[str, Any]:
    found = await service_of(request).corpus.read(lambda c: c.cluster(cluster_id))
    if found is None:
        raise ApiError(404, f"no cluster {cluster_id}")
    return found


@router.get("/clusters/{cluster_id}.csv")
async def cluster_csv(request: Request, cluster_id: int = PathParam(ge=0, le=MAX_ID)) -> Response:
    rec = await _cluster(request, cluster_id)
    return download(csv_table(CLUSTER_COLUMNS, cluster_rows(rec)), f"cluster-{cluster_id}.csv")


@router.get("/clusters/{cluster_id}.json")
async def cluster_json(request: Request, cluster_id: int = PathParam(ge=0, le=MAX_ID)) -> Response:
    rec = await _cluster(request, cluster_id)
    return download(_json(rec), f"cluster-{cluster_id}.json")


async def _network(request: Request) -> dict[str, Any]:
    found = await service_of(request).corpus.read(lambda c: c.network())
    if found is None:
        raise ApiError(404, _NO_DISCOVERY)
    found.pop("svg", None)
    return found


@router.get("/network.csv")
async def network_csv(request: Request) -> Response:
    """The links between sites, as the ``sites.csv`` of a discovery run."""
    net = await _network(request)
    return download(csv_table(SITE_COLUMNS, site_edge_rows(net)), "network-links.csv")


@router.get("/network-sites.csv")
async def network_sites_csv(request: Request) -> Response:
    net = await _network(request)
    return download(csv_table(SITE_STATS_COLUMNS, site_rows(net)), "network-sites.csv")


@router.get("/network.json")
async def network_json(request: Request) -> Response:
    return download(_json(await _network(request)), "network.json")


def _search(request: Request, token: str) -> dict[str, Any]:
    result = service_of(request).searches.get(token)
    if result is None:
        raise ApiError(404, "this search is no longer kept by the server; run it again")
    return result.to_json()


@router.get("/search/{token}.csv")
async def search_csv(request: Request, token: str) -> Response:
    return download(csv_table(SEARCH_COLUMNS, search_rows(_search(request, token))), "search.csv")


@router.get("/search/{token}.json")
async def search_json(request: Request, token: str) -> Response:
    return download(_json(_search(request, token)), "search.json")
