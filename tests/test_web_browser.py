"""The pages in a real browser: Chromium (Debian's) driven by Playwright against a real server.

Compares the bundled seed pair through the form, follows a passage to its counterpart,
finds the added fact, opens search hits, clusters and the network, and proves that
document text with markup and script is shown as text and never runs. Every page must load
without a console error (a Content-Security-Policy violation is one). Screenshots go to
``test-artifacts/``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from conftest import REPO
from lineage_corpus import FORMULA_SITE
from test_web_api import _STORIES, DERIVED, SOURCE, XSS, Server, build_corpus

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = build_corpus(tmp_path_factory.mktemp("browser-corpus"))
    log = tmp_path_factory.mktemp("browser-log") / "server.log"
    srv = Server(log, "--db", str(db), "--workers", "1")
    yield srv
    assert srv.stop() in (0, -signal.SIGTERM), srv.output()
    assert "Traceback" not in srv.output()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _has_class(name: str) -> re.Pattern[str]:
    return re.compile(rf"(^|\s){re.escape(name)}(\s|$)")


class Tab:
    """A browser tab that records console errors and uncaught exceptions."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1440, "height": 1000})
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def goto(self, path: str) -> Page:
        self.page.goto(self.base + path)
        return self.page

    def pwned(self) -> bool:
        return bool(self.page.evaluate("typeof window.__pwned !== 'undefined'"))

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture()
def tab(browser: Browser, server: Server) -> Iterator[Tab]:
    t = Tab(browser, server.url)
    yield t
    t.context.close()
    assert t.errors == []


def _submit(page: Page, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def test_compare_seed_pair_and_follow_a_passage(tab: Tab) -> None:
    page = tab.goto("/")
    tab.shot("web-form")
    page.set_input_files("#a_file", str(SOURCE))
    page.set_input_files("#b_file", str(DERIVED))
    # A chosen file replaces the text box: it is greyed out and its name is shown.
    assert page.locator("#a_text").is_disabled()
    assert "source_report.txt" in page.locator("[data-file-note]").first.inner_text()
    _submit(page, "Compare")
    assert "/compare/" in page.url
    expect(page.locator(".card.verdict .value")).to_have_text("Derived")
    expect(page.locator(".tl-topbar")).to_be_visible()

    # Click a passage near the end of A: its counterpart in B lights up and scrolls into view.
    pane_a, pane_b = page.locator("#pane-0"), page.locator("#pane-1")
    seg = pane_a.locator(".seg[data-p]:not([data-f])").last
    seg.scroll_into_view_if_needed()
    seg.click()
    pid = (seg.get_attribute("data-p") or "").split(" ")[0]
    other = pane_b.locator(f'.seg[data-p~="{pid}"]').first
    expect(other).to_have_class(_has_class("active"))
    page.wait_for_timeout(800)  # smooth scrolling
    box, pane = other.bounding_box(), pane_b.bounding_box()
    assert box is not None and pane is not None
    assert pane["y"] <= box["y"] and box["y"] + box["height"] <= pane["y"] + pane["height"]
    expect(page.locator("#detail")).to_contain_text(f"Passage #{int(pid) + 1}")

    # "thousands" made "30,000" is a change of strength, listed once, under Changed
    strength = page.locator("aside.facts h4", has_text="strength of claims").locator(
        "xpath=following-sibling::ul[1]"
    )
    expect(strength).to_contain_text("30,000")
    added = page.locator("aside.facts h3", has_text="Added").locator(
        "xpath=following-sibling::ul[1]"
    )
    expect(added).not_to_contain_text("30,000")
    tab.shot("web-compare")

    # A change's button finds both sides: the detail bar says what changed, from where to
    # where, and the source's "thousands" lights up in A as B's "30,000" does.
    strength.locator("button.fref", has_text="30,000").click()
    expect(page.locator("#detail")).to_contain_text("thousands of political prisoners")
    expect(page.locator("#detail")).to_contain_text("not in the source")
    expect(page.locator("#detail")).to_contain_text("B line")
    expect(pane_a.locator(".seg.active", has_text="thousands")).to_have_count(1)
    expect(pane_b.locator(".seg.active", has_text="30,000")).to_have_count(1)
    # Clicking a fact in the text goes to the fact first, then to its passage.
    fact_seg = pane_b.locator(".seg[data-p][data-f]", has_text="30,000").first
    fact_seg.click()
    expect(page.locator("#detail")).to_contain_text("thousands of political prisoners")
    fact_seg.click()
    expect(page.locator("#detail")).to_contain_text("Passage #")


def test_pasted_lines_count_as_typed(tab: Tab) -> None:
    """The browser submits the text areas with CR LF line ends; the report counts and shows
    the text as pasted (LF), so its offsets match what the user sees."""
    a = SOURCE.read_text(encoding="utf-8")
    b = DERIVED.read_text(encoding="utf-8")
    page = tab.goto("/")
    page.fill("#a_text", a)
    page.fill("#b_text", b)
    _submit(page, "Compare")
    expect(page.locator(".doc-head .chars").nth(0)).to_have_text(f"{len(a):,} chars")
    expect(page.locator(".doc-head .chars").nth(1)).to_have_text(f"{len(b):,} chars")
    assert page.locator("#pane-0").evaluate("e => e.textContent") == a


def test_document_markup_is_shown_as_text_and_never_runs(tab: Tab) -> None:
    hostile = f"Breaking: {XSS} the minister resigned on Friday after a vote of no confidence."
    page = tab.goto("/")
    page.fill("#a_name", XSS)
    page.fill("#a_text", hostile + "\n\nShe had led the ministry for four years.")
    page.fill("#b_text", hostile + "\n\nThe opposition welcomed the news.")
    _submit(page, "Compare")
    expect(page.locator("#pane-0")).to_contain_text(XSS)
    expect(page.locator(".doc-head .id").first).to_have_text(XSS)
    assert page.locator("#pane-0 img, #pane-0 script").count() == 0
    assert not tab.pwned()
    tab.shot("web-xss-compare")

    # Stored documents with markup in their text, title and URL: document, cluster, search.
    page = tab.goto("/documents/xss-doc")
    expect(page.locator("h1")).to_have_text(XSS)
    expect(page.locator(".doc-text")).to_contain_text(XSS)
    assert not tab.pwned()
    page = tab.goto("/clusters")
    page.get_by_role("link", name="Ledger story 0").first.click()
    expect(page.locator("table.data").first).to_contain_text("Reprint " + XSS)
    # A javascript: URL is never made a link.
    assert page.locator("a[href^='javascript']").count() == 0
    assert not tab.pwned()
    page = tab.goto("/search")
    page.fill("#name", XSS)
    page.fill("#text", _STORIES[1])
    _submit(page, "Search")
    expect(page.locator(".results-head")).to_contain_text(XSS)
    expect(page.locator("article.hit h3", has_text=XSS)).to_have_count(1)
    assert not tab.pwned()
    tab.shot("web-xss-search")


def test_search_then_open_a_hit_side_by_side(tab: Tab) -> None:
    page = tab.goto("/search")
    page.fill("#text", DERIVED.read_text(encoding="utf-8"))
    _submit(page, "Search")
    hit = page.locator("article.hit", has_text="MEK Resistance Units report")
    expect(hit).to_contain_text("This document is the source")
    tab.shot("web-search")
    with page.expect_navigation():
        hit.get_by_role("link", name="Side by side").click()
    expect(page.locator(".card.verdict .value")).to_have_text("Derived")
    expect(page.locator("h1")).to_contain_text("MEK Resistance Units report")
    page.go_back()
    expect(page.locator("article.hit").first).to_be_visible()


def test_a_claim_of_tweet_length_finds_the_documents_that_carry_it(tab: Tab) -> None:
    # One sentence of a story, lightly edited (a word dropped), as a reader would paste
    # a claim seen on social media: the story and its reprint are found.
    claim = "Volunteers counted 412 swifts nesting under the eaves of the library this spring"
    assert claim.replace("the library", "the public library") in _STORIES[1]
    page = tab.goto("/search")
    expect(page.locator("body")).to_contain_text("40 characters")
    page.fill("#text", claim)
    _submit(page, "Search")
    hits = page.locator("article.hit")
    expect(hits.first).to_be_visible()
    expect(page.locator("article.hit", has_text="Ledger story 1")).to_have_count(1)
    expect(hits.first).to_contain_text("412 swifts")


def test_clusters_lead_to_pairs_and_the_network_shows(tab: Tab) -> None:
    page = tab.goto("/clusters")
    page.get_by_role("link", name="MEK Resistance Units report").click()
    rows = page.locator("table.data").first.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("origin")
    expect(rows.first).to_contain_text("2021-06-01")
    tab.shot("web-cluster")
    with page.expect_navigation():
        page.get_by_role("link", name="Side by side").first.click()
    expect(page.locator(".doc-head .role.source")).to_be_visible()
    expect(page.locator("#pane-0")).to_contain_text("MEK Resistance Units")

    page = tab.goto("/network")
    img = page.locator("figure img")
    expect(img).to_be_visible()
    assert page.evaluate("document.querySelector('figure img').naturalWidth") > 0
    expect(page.locator("table.data").first).to_contain_text("pmoi.example")
    tab.shot("web-network")


def _download(page: Page, name: str) -> str:
    """Click the download button ``name``; the text of the file saved."""
    with page.expect_download() as info:
        page.get_by_role("link", name=name, exact=True).click()
    path = info.value.path()
    assert path is not None
    return Path(path).read_text(encoding="utf-8")


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_cluster_lineage_tree_timeline_and_downloads(tab: Tab) -> None:
    page = tab.goto("/clusters")
    page.get_by_role("link", name="Ledger story 2").first.click()
    tree = page.locator(".lineage-panel")
    # The two exact copies are folded under the original, then shown on request.
    mirrors = tree.locator("details.ln-mirrors").first
    copy = mirrors.locator('li.ln[data-id="orch-dup-a"]')
    expect(mirrors.locator("summary")).to_have_text("2 mirrors")
    expect(copy).to_be_hidden()
    mirrors.locator("summary").click()
    expect(copy).to_be_visible()
    expect(copy).to_contain_text("an exact duplicate")
    # The rewrite of the rewrite is shown under the rewrite it was made from.
    nested = tree.locator('li.ln[data-id="orch-rewrite"] li.ln[data-id="orch-rewrite2"]')
    expect(nested).to_have_count(1)
    expect(nested).to_contain_text("it carries orch-rewrite's changes")
    # The timeline: one mark per dated member (five of six); the undated one listed apart.
    expect(page.locator("svg.cluster-timeline circle.tl-mark")).to_have_count(5)
    expect(page.locator(".undated")).to_contain_text("Orchestra lends instruments")
    tab.shot("web-cluster-lineage")

    rows = _csv(_download(page, "CSV"))
    assert len(rows) == 6 and rows[0]["id"] == "story2" and rows[0]["link"] == "origin"
    assert {r["site"] for r in rows if r["id"] == "orch-dup-a"} == {"'" + FORMULA_SITE}
    data = json.loads(_download(page, "JSON"))
    assert [m["ext_id"] for m in data["members"]] == [r["id"] for r in rows]

    # An exact copy's page (it has no number of its own) says where it stands.
    copy.get_by_role("link").first.click()
    expect(page.locator(".copy-notice")).to_contain_text("orch-dup-a")
    expect(page.locator(".doc-lineage")).to_contain_text("A copy of")


def test_network_counts_mirrors_and_downloads_links(tab: Tab) -> None:
    page = tab.goto("/network")
    expect(page.locator("table.sites")).to_contain_text(FORMULA_SITE)
    rows = _csv(_download(page, "Links (CSV)"))
    copies = [r for r in rows if r["derived_site"] == "copycat.example"]
    assert len(copies) == 1 and copies[0]["mirrors"] == "1"
    assert any(r["derived_site"] == "'" + FORMULA_SITE for r in rows)
    net = json.loads(_download(page, "JSON"))
    assert len(net["edges"]) == len(rows)


def test_search_groups_stories_earliest_first(tab: Tab) -> None:
    page = tab.goto("/search")
    page.fill("#text", _STORIES[2] + "\n\n" + _STORIES[0])
    _submit(page, "Search")
    stories = page.locator("section.story")
    expect(stories).to_have_count(2)
    orchestra = stories.filter(has_text="Beethoven in the tram depot")
    first = orchestra.locator("article.hit").first
    expect(first.locator("h3")).to_contain_text("Ledger story 2")
    expect(first.locator(".badge.earliest")).to_be_visible()
    expect(first.locator(".badge.origin")).to_be_visible()
    expect(orchestra.locator(".badge.earliest")).to_have_count(1)
    later = orchestra.locator("article.hit", has_text="Digest: Beethoven")
    expect(later.locator(".lineage-line")).to_contain_text("Derived from orch-rewrite")
    # The exact copies are folded under the hit they repeat, not ranked as hits.
    folded = first.locator("details.hit-mirrors")
    expect(folded.locator("summary")).to_have_text("Also published word for word by 2 sites")
    expect(folded.get_by_role("link", name="orch-dup-b")).to_be_hidden()
    folded.locator("summary").click()
    expect(folded.get_by_role("link", name="orch-dup-b")).to_be_visible()
    expect(page.locator("article.hit", has_text="orch-dup-b")).to_have_count(1)
    # A near-exact copy that is a hit of its own too is folded in and points to that hit.
    harbour = stories.filter(has_text="Ledger story 0").locator("article.hit").first
    harbour.locator("details.hit-mirrors summary").click()
    link = harbour.get_by_role("link", name=re.compile(r"^hit \d+$"))
    expect(link).to_have_count(1)
    target = link.get_attribute("href") or ""
    expect(page.locator(f"article{target}")).to_contain_text("reprint0")
    tab.shot("web-search-stories")
    rows = _csv(_download(page, "CSV"))
    assert len(rows) == page.locator("article.hit").count()
    assert rows[0]["earliest"] == "true"


def test_form_problems_are_explained(tab: Tab, tmp_path: Path) -> None:
    page = tab.goto("/")
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("[data-form-error]")).to_contain_text("First text")
    assert page.url.endswith("/")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 50)
    page.set_input_files("#a_file", str(binary))
    page.fill("#b_text", "The text I pasted stays in the box.")
    _submit(page, "Compare")
    expect(page.locator(".alert").first).to_contain_text("photo.jpg: binary data")
    expect(page.locator("#b_text")).to_have_value("The text I pasted stays in the box.")
    # The browser reports the page's 400 status on the console; that one is expected.
    tab.errors = [e for e in tab.errors if "status of 400" not in e]
