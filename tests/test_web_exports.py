"""The pages' downloads and lineage views over HTTP, through a real server.

The corpus is ``test_web_api.build_corpus``: among others one story with two exact copies
(one on a site whose name is a spreadsheet formula), a rewrite, a rewrite of the rewrite
and an undated rewrite. Each download must hold the data of its page, as an attachment,
with every CSV cell that could start a formula defused.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from lineage_corpus import FORMULA_SITE
from test_web_api import _STORIES, Server, build_corpus
from textlineage.report.tables import CLUSTER_COLUMNS, SEARCH_COLUMNS, SITE_STATS_COLUMNS


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("exports-corpus")
    build_corpus(work)
    return work


@pytest.fixture(scope="module")
def client(work: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    log = tmp_path_factory.mktemp("exports-log") / "server.log"
    srv = Server(log, "--db", str(work / "corpus.db"), "--workers", "1")
    try:
        with httpx.Client(base_url=srv.url, timeout=120) as c:
            yield c
    finally:
        srv.stop()
    assert "Traceback" not in srv.output()


def _rows(r: httpx.Response) -> list[dict[str, str]]:
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"].startswith("attachment; filename=")
    return list(csv.DictReader(io.StringIO(r.text)))


def _lineage_cluster(client: httpx.Client) -> dict[str, Any]:
    clusters = client.get("/api/clusters").json()["clusters"]
    found: dict[str, Any] = next(c for c in clusters if c["origin"]["ext_id"] == "story2")
    return found


def test_cluster_downloads_hold_the_members(client: httpx.Client) -> None:
    cid = _lineage_cluster(client)["id"]
    rows = _rows(client.get(f"/clusters/{cid}.csv"))
    assert list(rows[0]) == list(CLUSTER_COLUMNS)
    by_id = {r["id"]: r for r in rows}
    assert set(by_id) == {
        "story2",
        "orch-dup-a",
        "orch-dup-b",
        "orch-rewrite",
        "orch-rewrite2",
        "orch-undated",
    }
    assert by_id["orch-rewrite2"]["parent"] == "orch-rewrite"
    assert by_id["orch-dup-b"]["link"] == "mirror" and int(by_id["orch-dup-b"]["doc_id"]) < 0
    # A site name that a spreadsheet would run as a formula starts with a quote.
    assert by_id["orch-dup-a"]["site"] == "'" + FORMULA_SITE
    r = client.get(f"/clusters/{cid}.json")
    assert r.headers["content-disposition"] == f'attachment; filename="cluster-{cid}.json"'
    assert r.json() == client.get(f"/api/clusters/{cid}").json()
    assert client.get("/clusters/99999.csv").status_code == 404
    assert client.get("/clusters/abc.csv").status_code == 422


def test_network_downloads_are_the_discovery_files(client: httpx.Client, work: Path) -> None:
    r = client.get("/network.csv")
    _rows(r)
    # The same table as the discovery run's sites.csv, byte for byte.
    assert r.text == (work / "discovery" / "sites.csv").read_text(encoding="utf-8")
    assert "'" + FORMULA_SITE.replace('"', '""') in r.text
    sites = _rows(client.get("/network-sites.csv"))
    assert list(sites[0]) == list(SITE_STATS_COLUMNS)
    ledger = next(s for s in sites if s["site"] == "ledger.example")
    # two exact copies of story2, and republications of story0 and story1
    assert int(ledger["mirrored"]) == 4
    net = client.get("/network.json").json()
    api = client.get("/api/network").json()
    assert "svg" not in net and net["edges"] == api["edges"] and net["sites"] == api["sites"]


def test_network_picture_and_page_count_mirrors(client: httpx.Client) -> None:
    svg = client.get("/api/network").json()["svg"]
    assert "1 (1 mirror)" in svg  # ledger.example → copycat.example: one copy, a mirror
    page = client.get("/network").text
    assert 'href="/network.csv"' in page and 'href="/network.json"' in page


def _search(client: httpx.Client, text: str) -> str:
    """The search page's token for ``text`` (searched through the page's form)."""
    r = client.post("/search", files={"text": (None, text)}, data={"top": "10"})
    assert r.status_code == 303, r.text
    token = r.headers["location"].rsplit("/", 1)[1]
    return token


def test_search_downloads_are_the_page_result(client: httpx.Client) -> None:
    token = _search(client, _STORIES[2])
    rows = _rows(client.get(f"/search/{token}.csv"))
    assert list(rows[0]) == list(SEARCH_COLUMNS)
    data = client.get(f"/search/{token}.json").json()
    assert data["schema"] == "textlineage.search"
    assert [r["id"] for r in rows] == [h["doc"]["id"] for h in data["hits"]]
    first = rows[0]
    assert first["id"] == "story2" and first["earliest"] == "true"
    assert first["cluster_origin"] == "true" and first["link"] == "origin"
    assert first["mirror_ids"].split() == ["orch-dup-a", "orch-dup-b"]
    rewrite2 = next(r for r in rows if r["id"] == "orch-rewrite2")
    assert rewrite2["parent"] == "orch-rewrite" and rewrite2["group"] == first["group"]
    # The page lists the same hits, grouped as the downloads say.
    page = client.get(f"/search/{token}").text
    assert page.count('<article class="hit') == len(rows)
    assert f'href="/search/{token}.csv"' in page
    assert client.get("/search/no-such-token.csv").status_code == 404


def test_cluster_page_draws_lineage_and_timeline_inline(client: httpx.Client) -> None:
    cid = _lineage_cluster(client)["id"]
    r = client.get(f"/clusters/{cid}")
    assert r.status_code == 200
    page = r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    # Inline SVG, no inline script or style attribute the policy would block.
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "<script" not in svg and " style=" not in svg
    assert svg.count('class="tl-mark"') == 5  # six members, one undated
    # Exact copies (negative numbers) link to their own id.
    assert 'href="/documents/orch-dup-a"' in page
    assert "/documents/-" not in page
    assert re.search(r"<summary>2 mirrors</summary>", page)


def test_document_page_of_a_copy_names_its_cluster_and_parent(client: httpx.Client) -> None:
    cid = _lineage_cluster(client)["id"]
    page = client.get("/documents/" + quote("orch-dup-a", safe="")).text
    assert "is an exact copy of this document" in page
    assert f'href="/clusters/{cid}"' in page and "A copy of" in page
    page = client.get("/documents/orch-rewrite2").text
    assert "Made from" in page and ">orch-rewrite<" in page.replace("<bdi>", "").replace(
        "</bdi>", ""
    )
    page = client.get("/documents/story2").text
    assert "The earliest known publication" in page and "2 mirrors" in page


def test_downloads_need_discovery_results(tmp_path: Path) -> None:
    from textlineage.corpus.index import Corpus

    records = tmp_path / "docs.jsonl"
    records.write_text(json.dumps({"id": "a", "text": _STORIES[0]}) + "\n", encoding="utf-8")
    with Corpus.open(tmp_path / "bare.db") as c:
        c.add([str(records)], embeddings=False)
    srv = Server(tmp_path / "log", "--db", str(tmp_path / "bare.db"), "--workers", "1")
    try:
        for path in ("/network.csv", "/network.json", "/clusters/1.csv"):
            r = httpx.get(srv.url + path, timeout=60)
            assert r.status_code == 404 and "error" in r.json(), path
    finally:
        srv.stop()
