"""The corpus pages: a stored document, the clusters, one cluster's lineage, the network.

A cluster page shows its lineage as a tree (each member under the one it was made from,
mirrors folded under their original) and as a timeline drawn on the server
(:func:`textlineage.network.draw_cluster.render_cluster_timeline`, written into the page
as inline SVG: no script, and nothing the page's Content-Security-Policy forbids).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from ..corpus.index import Corpus
from ..errors import ApiError
from ..network.draw_cluster import render_cluster_timeline
from ..text.bidi import bidi_controls
from ..text.dates import parse_date
from .api import MAX_ID, lookup, service_of
from .render import SVG_CSP, page
from .views import cluster_view, document_lineage, lineage_tree

router = APIRouter(include_in_schema=False)

HERE = Path(__file__).resolve().parent
CLUSTERS_PER_PAGE = 50


@router.get("/documents/{key:path}", response_class=HTMLResponse)
async def document_page(request: Request, key: str) -> HTMLResponse:
    """A stored document; ``key`` is its number or external id (which may contain ``/``),
    or the id of an exact duplicate (the page then shows the text it repeats, and says
    so)."""

    def read(c: Corpus) -> dict[str, Any] | None:
        doc = lookup(c, key)
        if doc is None:
            return None
        dups = c.store.duplicates_of(doc.doc_id)
        copy = None
        if key not in (doc.ext_id, str(doc.doc_id)):
            copy = next((d for d in dups if d["id"] == key), None)
        cid = c.store.cluster_of(doc.doc_id)
        record = c.store.cluster(cid) if cid is not None else None
        lineage = None
        if record is not None:
            lineage = document_lineage(
                cluster_view(record), doc.doc_id, copy["id"] if copy else doc.ext_id
            )
        bidi = bidi_controls(doc.text, doc.title, doc.ext_id, doc.site, doc.url, key)
        return {"doc": doc, "duplicates": dups, "copy": copy, "lineage": lineage, "bidi": bidi}

    found = await service_of(request).corpus.read(read)
    if found is None:
        raise ApiError(404, f"no document with id {key!r} in the index")
    return page(request, "document.html", **found)


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


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
async def cluster_page(
    request: Request, cluster_id: int = PathParam(ge=0, le=MAX_ID)
) -> HTMLResponse:
    record = await service_of(request).corpus.read(lambda c: c.cluster(cluster_id))
    if record is None:
        raise ApiError(404, f"no cluster {cluster_id}")
    found = cluster_view(record)
    members = found["members"]  # in time order, undated last
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
    undated = [m for m in members if parse_date(str(m.get("date") or "")) is None]
    timeline = None
    if len(undated) < len(members):
        # Escaped and bidi-neutralised by the drawing itself: it is markup, not text.
        timeline = Markup(render_cluster_timeline(found))
    return page(
        request,
        "cluster.html",
        cluster=found,
        members=members,
        relations=relations,
        tree=lineage_tree(members),
        timeline=timeline,
        undated=undated,
    )


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
        headers={"Content-Security-Policy": SVG_CSP, "Cache-Control": "no-store"},
    )
