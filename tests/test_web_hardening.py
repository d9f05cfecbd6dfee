"""Hostile but well-formed input to the service and the reports (issue 13, items 7, 8, 11).

A real lexical server (``textlineage serve --no-semantic``) over a small index whose
documents have ids with ``/`` (a URL, a relative and an absolute path) and a text, title,
id and site with a right-to-left override (U+202E), discovery run; the compare reports
through the CLI.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from conftest import REPO, cli_path
from test_web_api import Server

SEED = REPO / "examples" / "seed"
SOURCE = SEED / "source_report.txt"
DERIVED = SEED / "derived_article.txt"
RLO = "\u202e"
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
TRICK = f"invoice{RLO}gnp.exe"  # shows as "invoiceexe.png" when the override applies
URL_ID = "https://a.example/x/y"
PATH_ID = "dir/file.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [cli_path(), *args], capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The index (``c.db``) and the files it was made of."""
    work = tmp_path_factory.mktemp("hardening")
    source = SOURCE.read_text(encoding="utf-8")
    tricked = f"{source}\n\nDownload the {TRICK} attachment today."
    (work / "tricked.txt").write_text(tricked, encoding="utf-8")
    (work / "orchestra.txt").write_text(
        "The regional orchestra will perform all nine Beethoven symphonies over three "
        "weekends in October, with tickets for students priced at five euros.",
        encoding="utf-8",
    )
    records = [
        {
            "id": f"doc-{TRICK}",
            "text": tricked,
            "site": f"ev{RLO}il.example",
            "title": f"Report {TRICK}",
            "date": "2021-06-01",
        },
        {"id": URL_ID, "text": DERIVED.read_text(encoding="utf-8"), "site": "b.example"},
        {
            "id": PATH_ID,
            "text": "Volunteers counted 412 swifts nesting under the eaves of the library this "
            "spring, the highest number since records began. The birds leave in August.",
            "site": "c.example",
        },
    ]
    jsonl = work / "docs.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = work / "c.db"
    for args in (
        ("index", "add", str(db), str(jsonl), "--no-semantic", "-q"),
        # Ids that are absolute paths, as `index add DIR` gives them.
        ("index", "add", str(db), str((work / "orchestra.txt").resolve()), "--no-semantic", "-q"),
        ("discover", str(db), "--out", str(work / "discovery"), "--no-semantic", "-q"),
    ):
        p = run(*args)
        assert p.returncode == 0, p.stderr
    return work


@pytest.fixture(scope="module")
def server(work: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("hardening-log") / "server.log"
    srv = Server(log, "--db", str(work / "c.db"), "--no-semantic", "--workers", "1")
    yield srv
    assert srv.stop() in (0, -signal.SIGTERM), srv.output()
    assert "Traceback" not in srv.output()


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=120) as c:
        yield c


def _error(r: httpx.Response, status: int) -> str:
    assert r.status_code == status, (r.status_code, r.text[:300])
    body = r.json()
    assert list(body) == ["error"] and isinstance(body["error"], str)
    return str(body["error"])


# --------------------------------------------------------------------------- item 11


@pytest.mark.parametrize("key", [URL_ID, PATH_ID, "absolute"])
def test_documents_with_slashes_in_their_ids(client: httpx.Client, work: Path, key: str) -> None:
    if key == "absolute":
        key = str((work / "orchestra.txt").resolve())
    for path in (quote(key, safe=""), quote(key, safe="/:")):
        r = client.get(f"/api/documents/{path}")
        assert r.status_code == 200, (path, r.text)
        assert r.json()["id"] == key
        page = client.get(f"/documents/{path}")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "no document" in _error(client.get("/api/documents/dir/nothing.txt"), 404)


# --------------------------------------------------------------------------- item 7


@pytest.mark.parametrize("depth", [2_000, 100_000])
def test_deeply_nested_json_is_a_clear_400(client: httpx.Client, depth: int) -> None:
    for body in (
        '{"a":' + "[" * depth + "]" * depth + ',"b":{"text":"x"}}',
        '{"text":"x","name":' + '{"k":' * depth + "1" + "}" * depth + "}",
    ):
        for route in ("/api/compare", "/api/search"):
            r = client.post(route, content=body, headers={"content-type": "application/json"})
            assert r.status_code // 100 == 4, (route, r.status_code, r.text[:200])
            assert _error(r, r.status_code)
    r = client.post(
        "/api/compare",
        content='{"a":' + "[" * depth + "]" * depth + ',"b":{"text":"x"}}',
        headers={"content-type": "application/json"},
    )
    assert "nested too deeply" in _error(r, 400)


@pytest.mark.parametrize("depth", [300, 3_000, 100_000])
def test_deeply_nested_html_keeps_its_text(client: httpx.Client, depth: int) -> None:
    derived = DERIVED.read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in derived.split("\n\n"))
    html = (
        "<html><head><title>Deep</title></head><body>"
        + "<div><span>" * depth
        + paragraphs
        + "</span></div>" * depth
        + "</body></html>"
    )
    r = client.post(
        "/api/compare",
        json={"a": {"text": SOURCE.read_text(encoding="utf-8")}, "b": {"html": html}},
    )
    assert r.status_code == 200, r.text[:300]
    got = r.json()
    text = got["documents"][1]["text"]
    first = derived.split("\n\n")[0].strip()
    assert first[:60] in text and "Deep" not in text
    assert got["verdict"] != "independent" and got["passages"]


# --------------------------------------------------------------------------- item 8


def _no_raw_bidi(html: str, where: str) -> None:
    found = [html[max(m.start() - 40, 0) : m.end() + 10] for m in BIDI.finditer(html)]
    assert not found, (where, found)


def test_pages_show_bidi_controls_without_applying_them(client: httpx.Client) -> None:
    key = quote(f"doc-{TRICK}", safe="")
    page = client.get(f"/documents/{key}").text
    _no_raw_bidi(page, "document page")
    # The text shows a marker where the control was, the labels U+FFFD, and a notice says so.
    assert 'invoice<span class="bidi"' in page and ">[U+202E]</span>gnp.exe" in page
    assert "Report invoice\ufffdgnp.exe" in page and "ev\ufffdil.example" in page
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in page
    # The API keeps the text as stored: it is data, not a display.
    assert TRICK in client.get(f"/api/documents/{key}").json()["text"]
    clusters = client.get("/clusters").text
    cluster = re.search(r'href="/clusters/(\d+)"', clusters)
    assert cluster is not None
    for path in ("/clusters", f"/clusters/{cluster.group(1)}", "/network", "/search"):
        r = client.get(path)
        assert r.status_code == 200, path
        _no_raw_bidi(r.text, path)
    # A search through the form: the hit list names the tricked document.
    r = client.post(
        "/search",
        files={"file": ("q.txt", DERIVED.read_bytes(), "text/plain")},
        data={"top": "5"},
        follow_redirects=True,
    )
    assert r.status_code == 200 and "ev\ufffdil.example" in r.text
    _no_raw_bidi(r.text, "search results")
    # An error page naming the id.
    r = client.get(f"/documents/{quote('nothing' + RLO, safe='')}", headers={"accept": "text/html"})
    assert r.status_code == 404
    _no_raw_bidi(r.text, "error page")


def test_a_form_gives_back_what_was_typed(client: httpx.Client) -> None:
    """The compare form, sent with one side empty, comes back with the other side's text
    unchanged (control and all), so that sending it again compares what was typed."""
    r = client.post("/compare", files={"a_text": (None, TRICK), "b_text": (None, "")})
    assert r.status_code == 400
    assert f">{TRICK}</textarea>" in r.text


def test_text_and_html_reports_neutralise_bidi(work: Path) -> None:
    args = ("compare", str(work / "tricked.txt"), str(DERIVED), "--no-semantic")
    text = run(*args)
    assert text.returncode == 0, text.stderr
    _no_raw_bidi(text.stdout, "text report")
    out = work / "report.html"
    html = run(*args, "--format", "html", "--output", str(out))
    assert html.returncode == 0, html.stderr
    page = out.read_text(encoding="utf-8")
    # Each control in the text is alone in an isolating segment that names it.
    isolated = re.compile(
        r'<span class="seg bidi" data-bidi="U\+202E" title="U\+202E RIGHT-TO-LEFT OVERRIDE: '
        r'[^"<>]*" data-o="\d+">\u202e</span>'
    )
    assert len(isolated.findall(page)) == 1
    _no_raw_bidi(isolated.sub("", page), "HTML report")
    assert ".seg.bidi{unicode-bidi:isolate}" in page


def test_show_marks_bidi_controls(work: Path) -> None:
    p = run("show", str(work / "c.db"), f"doc-{TRICK}")
    assert p.returncode == 0, p.stderr
    _no_raw_bidi(p.stdout, "show")
    assert "invoice[U+202E]gnp.exe" in p.stdout and "ev\ufffdil.example" in p.stdout


def test_the_document_page_reads_in_stored_order_in_a_browser(server: Server) -> None:
    """In Chromium, "gnp" stays left of "exe" in the tricked text (with the override
    applied it would be drawn right of it), and the title reads as stored."""
    playwright = pytest.importorskip("playwright.sync_api")
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("/usr/bin/chromium not installed")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(chromium), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            page.goto(f"{server.url}/documents/{quote(f'doc-{TRICK}', safe='')}")
            xs = page.evaluate(
                """() => {
                const art = document.querySelector("article.doc-text");
                const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
                let node;
                while ((node = walker.nextNode())) {
                  const i = node.data.indexOf("gnp.exe");
                  if (i < 0) continue;
                  const at = (a, b) => {
                    const r = document.createRange();
                    r.setStart(node, a); r.setEnd(node, b);
                    return r.getBoundingClientRect().left;
                  };
                  return [at(i, i + 3), at(i + 4, i + 7)];
                }
                return null;
              }"""
            )
            assert xs is not None and xs[0] < xs[1], xs
            assert page.locator("h1").inner_text() == "Report invoice\ufffdgnp.exe"
            assert "[U+202E]" in page.locator("article.doc-text").inner_text()
        finally:
            browser.close()
