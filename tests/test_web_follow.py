"""A running service follows its index: documents added and a discovery run by the CLI in
another process show in the API and the pages without a restart.

The service reads the index per request (each read sees the latest committed state of the
SQLite file) and its workers bring their nearest-neighbour search up to date before each
search; this test holds it to that.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conftest import cli_path
from test_web_api import _STORIES, DERIVED, SOURCE, Server


def _records(path: Path, recs: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return path


@pytest.fixture
def index(tmp_path: Path) -> Path:
    """Stories and the seed pair's source, with document vectors; no discovery yet."""
    from textlineage.corpus.index import Corpus

    recs = [
        {"id": f"story{i}", "text": t, "site": "ledger.example", "date": f"2021-03-0{i + 1}"}
        for i, t in enumerate(_STORIES)
    ]
    recs.append(
        {
            "id": "seed-source",
            "text": SOURCE.read_text(encoding="utf-8"),
            "site": "pmoi.example",
            "date": "2021-06-01",
            "title": "MEK Resistance Units report",
        }
    )
    db = tmp_path / "corpus.db"
    with Corpus.open(db) as corpus:
        corpus.add([str(_records(tmp_path / "first.jsonl", recs))], embeddings=True)
    return db


@pytest.fixture
def client(tmp_path: Path, index: Path) -> Iterator[httpx.Client]:
    srv = Server(tmp_path / "server.log", "--db", str(index), "--workers", "1")
    with httpx.Client(base_url=srv.url, timeout=120) as c:
        yield c
    srv.stop()
    assert "Traceback" not in srv.output()


def _cli(*args: str) -> str:
    p = subprocess.run(
        [cli_path(), "-q", *args], capture_output=True, text=True, timeout=600, check=False
    )
    assert p.returncode == 0, p.stderr
    return p.stdout


def test_service_shows_what_another_process_adds(
    client: httpx.Client, index: Path, tmp_path: Path
) -> None:
    derived = DERIVED.read_text(encoding="utf-8")
    assert client.get("/api/clusters").json()["clusters"] == []
    assert client.get("/api/network").status_code == 404
    assert client.get("/api/documents/seed-derived").status_code == 404
    before = client.post("/api/search", json={"text": derived}).json()
    assert "seed-derived" not in {h["doc"]["id"] for h in before["hits"]}
    page = client.get("/clusters", headers={"accept": "text/html"}).text
    assert "MEK Resistance Units report" not in page

    more = [
        {
            "id": "seed-derived",
            "text": derived,
            "site": "news.example",
            "date": "2021-06-03",
            "title": "Derived article",
        },
        {
            "id": "reprint0",
            "text": _STORIES[0] + "\n\nOur own reporter adds that the mayor declined to comment.",
            "site": "mirror.example",
            "date": "2021-03-10",
        },
    ]
    added = _cli("index", "add", str(index), str(_records(tmp_path / "more.jsonl", more)))
    assert added.startswith("added 2,")
    # new documents: by id, and found by search (lexical and embedding channels)
    doc = client.get("/api/documents/seed-derived")
    assert doc.status_code == 200 and doc.json()["title"] == "Derived article"
    after = client.post("/api/search", json={"text": derived}).json()
    hit = {h["doc"]["id"]: h for h in after["hits"]}["seed-derived"]
    assert hit["semantic_similarity"] is not None

    summary = json.loads(_cli("discover", str(index), "--out", str(tmp_path / "out"), "-j", "1"))
    assert summary["clusters"] >= 2
    clusters = client.get("/api/clusters").json()["clusters"]
    assert len(clusters) == summary["clusters"]
    members = [{m["ext_id"] for m in c["members"]} for c in clusters]
    assert {"seed-source", "seed-derived"} in members
    assert {"story0", "reprint0"} in members
    edges = {
        (e["source_site"], e["derived_site"]) for e in client.get("/api/network").json()["edges"]
    }
    assert ("pmoi.example", "news.example") in edges
    page = client.get("/clusters", headers={"accept": "text/html"}).text
    assert "MEK Resistance Units report" in page
