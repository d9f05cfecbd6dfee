"""A service whose index cannot be used answers clearly (issue 13).

A real lexical server (``textlineage serve --no-semantic``) started on a damaged file (the
documents table's root page overwritten), on a file that is not SQLite, and on an index
that is damaged while it runs (then restored): every corpus route reading it
answers 503 with one line naming the file and the problem (JSON for the API, an escaped
page for browsers), ``/healthz`` says the index is unusable, comparing still works, and
the server logs no traceback.
"""

from __future__ import annotations

import html
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conftest import REPO, cli_path
from test_web_api import Server

SEED = REPO / "examples" / "seed"
PAGE = {"accept": "text/html"}
# A name that must be escaped in a page.
NAME = "in<b>dex&.db"


def _build(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / NAME
    p = subprocess.run(
        [cli_path(), "-q", "index", "add", str(db), *map(str, sorted(SEED.glob("*.txt")))],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert p.returncode == 0, p.stderr
    return db


def _root_page(db: Path, table: str) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type='table' AND name=?", (table,)
        ).fetchone()
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    return (int(row[0]) - 1) * int(size), int(size)


def _damage(db: Path, table: str = "documents") -> None:
    """Overwrite ``table``'s root page in place (the file keeps its inode and header)."""
    offset, size = _root_page(db, table)
    with db.open("r+b") as f:
        f.seek(offset)
        f.write(b"\xa5" * size)


@pytest.fixture
def started(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    db = _build(tmp_path / "idx")
    _damage(db)
    srv = Server(tmp_path / "server.log", "--db", str(db), "--no-semantic", "--workers", "1")
    yield srv, db
    srv.stop()
    assert "Traceback" not in srv.output()


def _says_unusable(r: httpx.Response, db: Path, problem: str) -> None:
    assert r.status_code == 503, r.text
    assert r.headers["retry-after"]
    message = r.json()["error"]
    assert message.startswith(str(db)) and problem in message and "\n" not in message


def _page_says_unusable(r: httpx.Response, db: Path, problem: str) -> None:
    assert r.status_code == 503
    assert r.headers["content-type"].startswith("text/html")
    assert "Index unusable" in r.text
    assert html.escape(str(db), quote=False) in r.text and problem in r.text
    assert "<b>dex" not in r.text  # the file's name is escaped


def test_started_on_a_damaged_index(started: tuple[Server, Path]) -> None:
    srv, db = started
    with httpx.Client(base_url=srv.url, timeout=120) as c:
        health = c.get("/healthz")
        assert health.status_code == 200
        body = health.json()
        assert body["status"] == "degraded" and body["index"] == "unusable"
        assert body["index_problem"].startswith(str(db)) and "damaged" in body["index_problem"]
        # What reads the damaged table fails; the rest of the index still reads.
        _says_unusable(c.get("/api/documents/1"), db, "damaged index")
        query = (SEED / "derived_article.txt").read_text(encoding="utf-8")
        _says_unusable(c.post("/api/search", json={"text": query}), db, "damaged index")
        _page_says_unusable(c.get("/documents/1", headers=PAGE), db, "damaged index")
        assert c.get("/api/clusters").status_code == 200
        a = (SEED / "source_report.txt").read_text(encoding="utf-8")
        b = (SEED / "derived_article.txt").read_text(encoding="utf-8")
        same = c.post("/api/compare", json={"a": {"text": a}, "b": {"text": b}})
        assert same.status_code == 200 and same.json()["passages"]


def test_started_on_a_file_that_is_not_an_index(tmp_path: Path) -> None:
    db = tmp_path / NAME
    db.write_bytes(b"name,text\n" * 500)
    srv = Server(tmp_path / "server.log", "--db", str(db), "--no-semantic", "--workers", "1")
    try:
        with httpx.Client(base_url=srv.url, timeout=120) as c:
            assert c.get("/healthz").json()["index"] == "unusable"
            _says_unusable(c.get("/api/clusters"), db, "not a textlineage index")
            _page_says_unusable(c.get("/clusters", headers=PAGE), db, "not a textlineage index")
    finally:
        srv.stop()
    assert "Traceback" not in srv.output()


def test_index_damaged_while_serving_then_restored(tmp_path: Path) -> None:
    db = _build(tmp_path / "idx")
    good = db.read_bytes()
    srv = Server(tmp_path / "server.log", "--db", str(db), "--no-semantic", "--workers", "1")
    try:
        with httpx.Client(base_url=srv.url, timeout=120) as c:
            assert c.get("/healthz").json()["index"] == "ok"
            with db.open("r+b") as f:  # the same file, garbage from its first byte
                f.write(b"\x00garbage" * (len(good) // 8))
            r = c.get("/api/documents/1")
            assert r.status_code == 503, r.text
            assert r.json()["error"].startswith(str(db))
            assert c.get("/healthz").json()["status"] == "degraded"
            db.write_bytes(good)  # restored: served again without a restart
            assert c.get("/api/documents/1").status_code == 200
            assert c.get("/healthz").json()["index"] == "ok"
    finally:
        srv.stop()
    assert "Traceback" not in srv.output()
