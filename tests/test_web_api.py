"""The web service's JSON API, through a real server (``textlineage serve``) over HTTP.

Each server is the installed console script in a subprocess on a free loopback port; the
corpus it serves is built here from the bundled seed pair and a few short stories, with
discovery run once. The helpers at the top are shared with ``test_web_browser.py``.
"""

from __future__ import annotations

import asyncio
import html as html_lib
import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import REPO, cli_path
from lineage_corpus import lineage_records
from textlineage import CompareConfig, SemanticConfig, compare, read_document

SEED = REPO / "examples" / "seed"
SOURCE = SEED / "source_report.txt"
DERIVED = SEED / "derived_article.txt"
XSS = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script>'

_STORIES = (
    "The harbour authority said on Tuesday that the northern quay will close for eight months "
    "while engineers replace timber piles that have rotted since the storm of 1998. Fishing "
    "boats will moor at the old ferry terminal, and the authority promised free parking for "
    "crews during the works. Residents asked why the repairs took so long to begin.\n\n"
    "The contract, worth 3.4 million euros, went to a dredging firm from Rotterdam after two "
    "local bidders withdrew. Its director told the council that divers had found cracks in "
    "the concrete deck as well, and that a second phase may follow in the autumn. Harbour "
    "pilots will guide larger vessels to the southern berths until the quay reopens.",
    "Volunteers counted 412 swifts nesting under the eaves of the public library this spring, "
    "the highest number since records began in 2004. The birds arrive from Africa in early May "
    "and leave in August; the library has agreed to delay repainting its facade until they go. "
    "A local school has built forty nest boxes for the colony.\n\n"
    "The count was organised by the town's bird club, whose members sat outside the library at "
    "dusk on six evenings in June. They say the colony grew because nearby warehouses that "
    "once sheltered the birds were demolished last year. The club now wants the council to "
    "require nest bricks in every new building taller than three storeys.",
    "The regional orchestra will perform all nine Beethoven symphonies over three weekends in "
    "October, its conductor announced, with tickets for students priced at five euros. The "
    "concerts move to the converted tram depot because the concert hall roof is being "
    "replaced, a project the council says is on budget and due to finish next spring.\n\n"
    "Rehearsals start in September with a visiting choir of sixty singers from Leipzig for "
    "the ninth symphony. The depot seats nine hundred people, fewer than the hall, so the "
    "orchestra has added a Sunday matinee for families and will stream the final concert "
    "free of charge on its website for listeners who cannot travel to the city.",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_corpus(work: Path) -> Path:
    """A small index with known reuse, discovery run: the seed pair, stories, reprints."""
    from textlineage.corpus.index import Corpus

    recs: list[dict[str, str]] = [
        {
            "id": f"story{i}",
            "text": t,
            "site": "ledger.example",
            "date": f"2021-03-0{i + 1}",
            "url": f"https://ledger.example/{i}",
            "title": f"Ledger story {i}",
        }
        for i, t in enumerate(_STORIES)
    ]
    recs += [
        {
            "id": "reprint0",
            "text": _STORIES[0] + "\n\nOur own reporter adds that the mayor declined to comment.",
            "site": "mirror.example",
            "date": "2021-03-10",
            "url": "javascript:window.__pwned=1",
            "title": "Reprint " + XSS,
        },
        {
            "id": "xss-doc",
            "text": _STORIES[1] + "\n\n" + XSS + "\n\nMore words of our own come here.",
            "site": "evil.example",
            "date": "2021-03-11",
            "title": XSS,
        },
        {
            "id": "seed-source",
            "text": SOURCE.read_text(encoding="utf-8"),
            "site": "pmoi.example",
            "date": "2021-06-01",
            "title": "MEK Resistance Units report",
        },
        {
            "id": "seed-derived",
            "text": DERIVED.read_text(encoding="utf-8"),
            "site": "news.example",
            "date": "2021-06-03",
            "title": "Derived article",
        },
    ]
    recs += lineage_records(_STORIES[2])
    work.mkdir(parents=True, exist_ok=True)
    records = work / "docs.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    db = work / "corpus.db"
    with Corpus.open(db) as corpus:
        # With embeddings, as by default: discovery gives close pairs the semantic stage.
        corpus.add([str(records)], embeddings=True)
        corpus.discover(work / "discovery", workers=1)
    return db


class Server:
    """``textlineage serve`` in a subprocess; stopped with SIGTERM like a service manager."""

    def __init__(self, log: Path, *args: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                [cli_path(), "serve", "--port", str(self.port), *args],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.output()}")
            try:
                if httpx.get(self.url + "/healthz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"server did not start: {self.output()}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("web-corpus"))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, corpus_db: Path) -> Iterator[Server]:
    """The full service: a corpus, the semantic stage, one worker, a 256 KB document limit."""
    log = tmp_path_factory.mktemp("web-log") / "server.log"
    srv = Server(log, "--db", str(corpus_db), "--workers", "1", "--max-document-mb", "0.25")
    yield srv
    # uvicorn shuts down gracefully on SIGTERM, then exits by the same signal.
    assert srv.stop() in (0, -signal.SIGTERM), srv.output()
    assert "Application shutdown complete" in srv.output()
    assert "Traceback" not in srv.output()


@pytest.fixture(scope="module")
def lexical(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """No corpus, no model, and room for one request at a time."""
    log = tmp_path_factory.mktemp("web-log") / "lexical.log"
    srv = Server(log, "--no-semantic", "--workers", "1", "--max-pending", "1")
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=120) as c:
        yield c


def _seed_json() -> dict[str, object]:
    return {
        "a": {"text": SOURCE.read_text(encoding="utf-8"), "name": "report"},
        "b": {"text": DERIVED.read_text(encoding="utf-8"), "name": "article"},
    }


# --------------------------------------------------------------------------- service


def test_healthz_reports_settings_and_sets_security_headers(client: httpx.Client) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"
    assert r.json()["semantic"] is True and r.json()["corpus"] is True
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert "default-src 'none'" in r.headers["content-security-policy"]


def test_openapi_describes_both_request_forms(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/compare", "/api/search", "/api/documents/{key}", "/api/clusters"):
        assert path in spec["paths"], path
    body = spec["paths"]["/api/compare"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "multipart/form-data"}
    assert set(body["application/json"]["schema"]["properties"]) == {"a", "b", "semantic"}
    assert "413" in spec["paths"]["/api/compare"]["post"]["responses"]


# --------------------------------------------------------------------------- compare


def test_compare_json_is_the_library_result(
    client: httpx.Client, seed_results: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    r = client.post("/api/compare", json=_seed_json())
    assert r.status_code == 200, r.text
    got = r.json()
    want = seed_results[0]  # the library's own compare() of the same two files
    assert got["schema"] == "textlineage.compare"
    assert [d["id"] for d in got["documents"]] == ["report", "article"]
    for key in ("verdict", "source", "confidence", "coverage", "passages", "facts"):
        assert got[key] == want[key], key
    assert got["verdict"] == "derived" and got["source"] == 0
    new = [c["to"] for c in got["facts"]["changed"] if c.get("unsupported")]
    assert any(f["text"].startswith("30,000") for f in new)


def test_compare_uploads_read_text_and_html(client: httpx.Client) -> None:
    page = "<!DOCTYPE html><html><head><title>Article</title></head><body><article>{}</article></body></html>"
    paras = "".join(f"<p>{p}</p>" for p in DERIVED.read_text(encoding="utf-8").split("\n\n"))
    files = {
        "a": ("source_report.txt", SOURCE.read_bytes(), "text/plain"),
        "b": ("article.html", page.format(paras).encode("utf-8"), "text/html"),
    }
    r = client.post("/api/compare", files=files)
    assert r.status_code == 200, r.text
    got = r.json()
    assert [d["id"] for d in got["documents"]] == ["source_report.txt", "article.html"]
    assert got["documents"][1]["meta"]["format"] == "html"
    assert "<p>" not in got["documents"][1]["text"]
    assert got["verdict"] == "derived" and got["source"] == 0


def test_compare_lexical_only_on_request(client: httpx.Client) -> None:
    r = client.post("/api/compare", json=_seed_json() | {"semantic": False})
    assert r.status_code == 200
    lexical = CompareConfig(semantic=SemanticConfig(enabled=False))
    want = compare(read_document(str(SOURCE)), read_document(str(DERIVED)), lexical).to_json()
    assert r.json()["passages"] == want["passages"]
    semantic = client.post("/api/compare", json=_seed_json()).json()
    assert semantic["passages"] != want["passages"]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"a": ("empty.txt", b"", "text/plain")}, "empty.txt: empty document"),
        ({"a": ("blank.txt", b" \n\t ", "text/plain")}, "blank.txt: empty document"),
        ({"a": ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 40, "image/jpeg")}, "binary"),
        ({"a": ("u16.txt", b"\xff\xfe" + b"\x00\xd8a\x00", "text/plain")}, "cannot decode"),
        (
            {"a": ("empty.html", b"<html><body><script>x()</script></body></html>", "text/html")},
            "no extractable text",
        ),
    ],
)
def test_compare_unreadable_upload_is_400(
    client: httpx.Client, files: dict[str, tuple[str, bytes, str]], message: str
) -> None:
    files = files | {"b": ("b.txt", b"Some ordinary text to compare with.", "text/plain")}
    r = client.post("/api/compare", files=files)
    assert r.status_code == 400, r.text
    assert r.headers["content-type"] == "application/json"
    assert message in r.json()["error"]
    assert "Traceback" not in r.text


def test_compare_bad_json_text_is_400(client: httpx.Client) -> None:
    r = client.post("/api/compare", json={"a": {"text": "   "}, "b": {"text": "x"}})
    assert (r.status_code, r.json()) == (400, {"error": "text A: empty document"})
    raw = b'{"a": {"text": "\\ud800 lone surrogate"}, "b": {"text": "x"}}'
    r = client.post("/api/compare", content=raw, headers={"content-type": "application/json"})
    assert r.status_code == 400 and "not valid Unicode" in r.json()["error"]
    r = client.post("/api/compare", content=b'{"a": ', headers={"content-type": "application/json"})
    assert r.status_code == 400 and "not valid JSON" in r.json()["error"]
    r = client.post("/api/compare", content=b"a=b", headers={"content-type": "text/plain"})
    assert r.status_code == 415


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"a": {"text": "x"}}, "b: Field required"),
        ({"a": {"text": "x", "html": "<p>y</p>"}, "b": {"text": "x"}}, "exactly one"),
        ({"a": {"text": 3}, "b": {"text": "x"}}, "a.text"),
        ({"a": {"text": "x"}, "b": {"text": "x"}, "colour": "red"}, "colour"),
        ({"a": {"text": "x", "name": "n" * 201}, "b": {"text": "x"}}, "a.name"),
    ],
)
def test_compare_invalid_request_is_422(
    client: httpx.Client, body: dict[str, object], message: str
) -> None:
    r = client.post("/api/compare", json=body)
    assert r.status_code == 422
    assert message in r.json()["error"]


def test_oversized_documents_and_bodies_are_413(client: httpx.Client) -> None:
    limit = int(0.25 * 1024 * 1024)
    big = "word " * (limit // 5 + 10)
    r = client.post("/api/compare", json={"a": {"text": big}, "b": {"text": "x"}})
    assert r.status_code == 413 and "text A: document is" in r.json()["error"]
    r = client.post("/api/compare", files={"a": ("a.txt", big.encode()), "b": ("b.txt", b"x")})
    assert r.status_code == 413 and "a.txt" in r.json()["error"]
    # The raw body is refused before parsing: declared too long, or streamed past the limit.
    huge = b"x" * (3 * limit)
    r = client.post("/api/compare", content=huge, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "request body is over" in r.json()["error"]

    def chunks() -> Iterator[bytes]:
        for _ in range(12):
            yield b"y" * 65536

    r = client.post("/api/compare", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and "request body is over" in r.json()["error"]


def test_event_loop_stays_responsive_during_compares(server: Server) -> None:
    """Alignment runs in worker processes: a health check is answered while they work."""
    seed = _seed_json()
    # Distinct, longer texts: workers remember sentence vectors, so a repeated pair is quick.
    bodies = [
        {
            side: {"text": "\n\n".join([doc["text"]] * 3) + f"\n\nEdition {k} of {side}."}  # type: ignore[index]
            for side, doc in seed.items()
        }
        for k in range(6)
    ]

    async def run() -> list[int]:
        async with httpx.AsyncClient(base_url=server.url, timeout=120) as c:
            jobs = [asyncio.create_task(c.post("/api/compare", json=b)) for b in bodies]
            await asyncio.sleep(0.3)
            health = await c.get("/healthz")
            # Answered while the compares are still in progress, not after them.
            assert health.json()["pending"] >= 1
            return [r.status_code for r in await asyncio.gather(*jobs)]

    codes = asyncio.run(run())
    assert codes == [200] * 6


def test_overload_gives_a_quick_503(lexical: Server) -> None:
    text = SOURCE.read_text(encoding="utf-8") * 4
    body = {"a": {"text": text}, "b": {"text": DERIVED.read_text(encoding="utf-8") * 4}}

    async def run() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=lexical.url, timeout=120) as c:
            return await asyncio.gather(*(c.post("/api/compare", json=body) for _ in range(6)))

    responses = asyncio.run(run())
    codes = sorted(r.status_code for r in responses)
    assert codes[0] == 200 and codes[-1] == 503, codes
    busy = next(r for r in responses if r.status_code == 503)
    assert "busy" in busy.json()["error"] and busy.headers["retry-after"]


def test_lexical_service_refuses_semantic_and_corpus_requests(lexical: Server) -> None:
    with httpx.Client(base_url=lexical.url, timeout=60) as c:
        r = c.post("/api/compare", json=_seed_json() | {"semantic": True})
        assert r.status_code == 400 and "--no-semantic" in r.json()["error"]
        r = c.post("/api/compare", json=_seed_json())
        assert r.status_code == 200 and r.json()["verdict"] != "independent"
        for method, path in (
            ("POST", "/api/search"),
            ("GET", "/api/clusters"),
            ("GET", "/api/network"),
            ("GET", "/api/documents/1"),
        ):
            r = c.request(method, path, json={"text": "x"} if method == "POST" else None)
            assert r.status_code == 409, path
            assert "--db" in r.json()["error"]


def test_only_local_host_names_on_a_loopback_address(client: httpx.Client) -> None:
    """A page on another site cannot reach the service by re-pointing its own domain."""
    r = client.get("/api/documents/story0", headers={"host": "evil.example"})
    assert r.status_code == 400
    assert client.get("/healthz", headers={"host": "localhost"}).status_code == 200


def test_unknown_route_and_method(client: httpx.Client) -> None:
    r = client.get("/api/nothing")
    assert (r.status_code, r.json()) == (404, {"error": "Not Found"})
    r = client.get("/api/compare")
    assert r.status_code == 405 and "error" in r.json()


# --------------------------------------------------------------------------- corpus


def test_search_finds_the_source(client: httpx.Client) -> None:
    r = client.post("/api/search", json={"text": DERIVED.read_text(encoding="utf-8"), "top": 3})
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["schema"] == "textlineage.search"
    ids = [h["doc"]["id"] for h in got["hits"]]
    assert "seed-source" in ids and len(ids) <= 3
    hit = got["hits"][ids.index("seed-source")]
    assert hit["direction"] == "hit_is_source"
    files = {"document": ("story.txt", _STORIES[1].encode(), "text/plain")}
    r = client.post("/api/search", files=files, data={"top": "5", "semantic": "false"})
    assert r.status_code == 200, r.text
    assert {"story1", "xss-doc"} <= {h["doc"]["id"] for h in r.json()["hits"]}
    r = client.post("/api/search", files={"other": ("x.txt", b"x")})
    assert r.status_code == 422 and "document" in r.json()["error"]


def test_documents_by_id_and_number(client: httpx.Client) -> None:
    r = client.get("/api/documents/xss-doc")
    assert r.status_code == 200
    doc = r.json()
    assert doc["title"] == XSS and XSS in doc["text"]
    assert client.get(f"/api/documents/{doc['doc_id']}").json()["id"] == "xss-doc"
    for missing in ("nope", "99999", "9" * 30):
        r = client.get(f"/api/documents/{missing}")
        assert r.status_code == 404 and "no document" in r.json()["error"]


def test_clusters_are_paged_and_carry_relations(client: httpx.Client) -> None:
    everything = client.get("/api/clusters", params={"limit": 100}).json()
    assert everything["next"] is None
    clusters = everything["clusters"]
    assert len(clusters) >= 3
    first = client.get("/api/clusters", params={"limit": 1}).json()
    assert first["clusters"] == clusters[:1] and first["next"] == "/api/clusters?limit=1&offset=1"
    second = client.get("/api/clusters", params={"limit": 1, "offset": 1}).json()
    assert second["clusters"] == clusters[1:2]
    assert client.get("/api/clusters", params={"offset": 1000}).json()["clusters"] == []
    seed = next(c for c in clusters if c["origin"]["ext_id"] == "seed-source")
    detail = client.get(f"/api/clusters/{seed['id']}").json()
    assert {m["ext_id"] for m in detail["members"]} == {"seed-source", "seed-derived"}
    assert detail["relations"] and detail["relations"][0]["verdict"] == "derived"
    assert client.get("/api/clusters/99999").status_code == 404
    assert client.get("/api/clusters", params={"limit": 0}).status_code == 422
    r = client.get("/api/clusters/abc")
    assert r.status_code == 422 and "cluster_id" in r.json()["error"]


def test_network_has_edges_and_a_picture(client: httpx.Client) -> None:
    net = client.get("/api/network").json()
    pairs = {(e["source_site"], e["derived_site"]) for e in net["edges"]}
    assert ("pmoi.example", "news.example") in pairs
    assert ("ledger.example", "mirror.example") in pairs
    assert net["svg"].lstrip().startswith(("<svg", "<?xml"))
    svg = httpx.get(client.base_url.join("/network.svg"))
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert "sandbox" in svg.headers["content-security-policy"]


# --------------------------------------------------------------------------- pages


def test_pages_allow_only_their_own_script(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert script_src.split() == ["script-src", "'self'"]
    assert '<script src="/static/app.js"' in page.text and "<script>" not in page.text
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    # The report keeps the policy it declares: its own inline script, by hash, nothing else.
    files = {"a_text": (None, SOURCE.read_text(encoding="utf-8")), "b_text": (None, "x " * 50)}
    r = client.post("/compare", files=files, data={"semantic": "1"})
    assert r.status_code == 303
    report = client.get(r.headers["location"])
    assert report.status_code == 200
    policy = report.headers["content-security-policy"]
    assert "'sha256-" in policy and "unsafe-inline'" not in policy.split("script-src")[1]
    declared = policy.removesuffix("; frame-ancestors 'none'")
    assert f'http-equiv="Content-Security-Policy" content="{declared}"' in report.text


def _pane_texts(report: str) -> list[str]:
    """The text of each document pane of a report page (its segments joined)."""
    panes = re.findall(r'<div class="pane" id="pane-\d"[^>]*>(.*?)</div>', report, re.S)
    return [html_lib.unescape(re.sub(r"<[^>]+>", "", p)) for p in panes]


def test_pasted_text_is_compared_without_crlf_inflation(client: httpx.Client) -> None:
    """A browser sends a text area's lines joined by CR LF: the page compares the text with
    LF line ends, so the counts and offsets are those of the text the user pasted; an
    uploaded file keeps its bytes."""
    a = SOURCE.read_text(encoding="utf-8")
    b = DERIVED.read_text(encoding="utf-8")
    assert "\r" not in a and a.count("\n") > 10
    sent = {"a_text": (None, a.replace("\n", "\r\n")), "b_text": (None, b.replace("\n", "\r\n"))}
    r = client.post("/compare", files=sent)
    assert r.status_code == 303, r.text
    page = client.get(r.headers["location"]).text
    assert f'<span class="chars">{len(a):,} chars</span>' in page
    assert f'<span class="chars">{len(b):,} chars</span>' in page
    assert _pane_texts(page) == [a, b]
    # The highlighted segments' offsets are offsets into the LF text.
    segments = re.findall(r'data-o="(\d+)">([^<]*)<', page)
    assert len(segments) > 10
    for off, seg in segments:
        assert any(t.startswith(html_lib.unescape(seg), int(off)) for t in (a, b)), off
    # An uploaded file is read as it is: its CR LF line ends count.
    crlf = a.replace("\n", "\r\n").encode("utf-8")
    r = client.post("/compare", files={"a_file": ("a.txt", crlf), "b_text": (None, b)})
    page = client.get(r.headers["location"]).text
    assert f'<span class="chars">{len(crlf.decode()):,} chars</span>' in page


def test_errors_are_pages_for_browsers_and_json_for_clients(client: httpx.Client) -> None:
    html = {"accept": "text/html,application/xhtml+xml"}
    r = client.get("/documents/nope", headers=html)
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no document with id &#39;nope&#39;" in r.text
    assert client.get("/view/compare", params={"a": "story0", "b": "nope"}).status_code == 404
    r = client.get("/compare/unknown-token", headers=html)
    assert r.status_code == 404 and "run it again" in r.text
    r = client.get("/api/documents/nope", headers=html)
    assert r.headers["content-type"] == "application/json"


def test_page_without_corpus_offers_compare_only(lexical: Server) -> None:
    r = httpx.get(lexical.url + "/")
    assert r.status_code == 200 and 'href="/search"' not in r.text
    assert 'name="semantic"' not in r.text
    r = httpx.get(lexical.url + "/clusters", headers={"accept": "text/html"})
    assert r.status_code == 409 and "--db" in r.text


# --------------------------------------------------------------------------- errors


def test_unhandled_exception_is_a_logged_json_500(caplog: pytest.LogCaptureFixture) -> None:
    """Any bug becomes ``internal error`` for the client; the traceback goes to the log."""
    import uvicorn

    from textlineage.web import ServiceConfig, create_app

    app = create_app(ServiceConfig(workers=1, semantic=False))

    async def boom() -> None:
        raise RuntimeError("secret detail")

    app.add_api_route("/api/boom", boom)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_level="error")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not srv.started and time.monotonic() < deadline:
            time.sleep(0.05)
        r = httpx.get(f"http://127.0.0.1:{port}/api/boom", timeout=10)
    finally:
        srv.should_exit = True
        thread.join(timeout=20)
    assert (r.status_code, r.json()) == (500, {"error": "internal error"})
    assert "secret" not in r.text and "Traceback" not in r.text
    assert r.headers["x-content-type-options"] == "nosniff"
    assert any("secret detail" in (rec.exc_text or str(rec.exc_info)) for rec in caplog.records)


def test_serve_without_web_extra_names_the_install_command(tmp_path: Path) -> None:
    """A missing dependency is one clear line naming `pip install 'textlineage[web]'`."""
    blocker = tmp_path / "fastapi"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('blocked for the test')\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    p = subprocess.run(
        [cli_path(), "serve", "--port", str(free_port())],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert p.returncode == 2
    assert "pip install 'textlineage[web]'" in p.stderr
    assert "Traceback" not in p.stderr
