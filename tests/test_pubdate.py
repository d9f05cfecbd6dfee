"""Publication dates with provenance (textlineage.text.pubdate, ingest.html_dates): where a
document's date comes from, what is never a date, and how compare weighs and names it."""

from __future__ import annotations

import html
import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from conftest import cli_path
from textlineage import (
    CompareConfig,
    SemanticConfig,
    compare,
    document_from_bytes,
    document_from_text,
)
from textlineage.text.pubdate import PublicationDate
from textlineage.verdict import direction_evidence, document_date


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli_path(), *args], capture_output=True, text=True, timeout=300)


def page(text: str, *, head: str = "", footer: str = "", article_top: str = "") -> str:
    """An article page holding ``text`` (one paragraph per blank-line block)."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>Report</title>"
        f"{head}</head><body>\n<article>{article_top}\n{body}</article>\n"
        f"<footer><p>{footer}</p></footer>\n</body></html>\n"
    )


def compare_json(*paths: Path | str) -> dict:
    """``textlineage compare --format json`` (the seed pair needs the semantic stage)."""
    p = run("compare", *map(str, paths), "--format", "json")
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


# -- the reported problem: a copyright footer became a publication date ------------------


@pytest.fixture(scope="module")
def plain_seed_result(seed_paths: tuple[Path, Path]) -> dict:
    return compare_json(*seed_paths)


@pytest.mark.parametrize(
    "footer",
    [
        "Copyright 2021 Foo Media. All rights reserved.",
        "\u00a9 2019\u20132023 Foo Inc",
        "(c) 2021 Foo Media",
        "All rights reserved 2021",
    ],
)
def test_copyright_footer_is_not_a_date_in_compare(
    seed_paths: tuple[Path, Path], plain_seed_result: dict, tmp_path: Path, footer: str
) -> None:
    source, derived = seed_paths
    copy = tmp_path / "derived.html"
    copy.write_text(page(derived.read_text(encoding="utf-8"), footer=footer), encoding="utf-8")
    plain = plain_seed_result
    r = compare_json(source, copy)
    assert r["verdict"] == plain["verdict"] == "derived"
    assert r["source"] == plain["source"] == 0
    assert "date" not in r["documents"][1]["meta"], r["documents"][1]["meta"]
    assert r["documents"][1]["date"] == ""
    assert r["documents"][1]["date_source"] == ""
    assert not any("dated earlier" in reason for reason in r["reasons"]), r["reasons"]
    assert r["confidence"] >= 0.95


# -- what the page's markup states (html-meta) -------------------------------------------

STORY = (
    "The regional council approved a new budget for the harbour district on Friday, after "
    "three months of debate about the cost of repairing the old sea wall and the ferry "
    "terminal.\n\nCouncillors voted eleven to four for the plan, which sets aside forty "
    "million for the sea wall and twelve million for the terminal, to be spent over five "
    "years.\n\nThe harbour master said the work would begin in the spring and that the ferry "
    "timetable would not change while the terminal was rebuilt in two stages."
)
JUNE_18 = date(2021, 6, 18)


@pytest.mark.parametrize(
    ("head", "article_top"),
    [
        ('<meta property="article:published_time" content="2021-06-18T09:00:00+02:00">', ""),
        ('<meta name="citation_publication_date" content="2021/06/18">', ""),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
            '"NewsArticle", "dateModified": "2021-06-25", "datePublished": '
            '"2021-06-18T08:00:00Z"}</script>',
            "",
        ),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "X"}, '
            '{"@type": "Article", "datePublished": "2021-06-18"}]}</script>',
            "",
        ),
        ("", '<span itemprop="datePublished" content="2021-06-18">18 June</span>'),
        ("", '<p class="byline">By Ann Lee <time datetime="2021-06-18T10:00">Friday</time></p>'),
        ("", "<time pubdate>June 18, 2021</time>"),
    ],
)
def test_html_meta_date(head: str, article_top: str) -> None:
    doc = document_from_bytes(
        page(STORY, head=head, article_top=article_top).encode(), "story.html"
    )
    assert (doc.meta["date"], doc.meta["date_source"]) == ("2021-06-18", "html-meta")
    assert document_date(doc) == PublicationDate(JUNE_18, "day", "html-meta")


@pytest.mark.parametrize(
    ("head", "article_top", "footer"),
    [
        ('<meta itemprop="copyrightYear" content="2021">', "", "\u00a9 2021 Foo Media"),
        ('<meta property="article:modified_time" content="2021-06-18T09:00:00Z">', "", ""),
        ('<meta name="date" content="2021">', "", "Copyright 2021"),
        ('<script type="application/ld+json">{"dateModified": "2021-06-18"}</script>', "", ""),
        ("", '<aside>Related: <time datetime="2021-06-18">a story</time></aside>', ""),
        ("", '<p>Updated <time class="updated" datetime="2021-06-18">today</time></p>', ""),
        ("", "", 'Last update <time datetime="2021-06-18">18 June 2021</time>'),
    ],
)
def test_html_markup_that_is_not_a_publication_date(
    head: str, article_top: str, footer: str
) -> None:
    doc = document_from_bytes(
        page(STORY, head=head, article_top=article_top, footer=footer).encode(), "story.html"
    )
    assert "date" not in doc.meta and "date_source" not in doc.meta
    assert document_date(doc) is None


def test_a_date_bar_outside_the_article_is_not_its_date() -> None:
    # Many sites show today's date in their header: not the article's.
    html_page = page(STORY).replace(
        "<body>", '<body><header><time datetime="2024-01-02">Tuesday</time></header>'
    )
    assert document_date(document_from_bytes(html_page.encode(), "story.html")) is None


# -- years alone, URLs, datelines ------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["2021", "Copyright 2021", "\u00a9 2019\u20132023 Foo Inc", "All rights reserved", ""]
)
def test_a_year_alone_is_not_a_date(value: str) -> None:
    doc = document_from_text(STORY, "a", {"date": value})
    assert document_date(doc) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.org/2021/06/18/harbour-budget", ("2021-06-18", "day")),
        ("https://news.example.org/politics/2021-06-18-harbour-budget.html", ("2021-06-18", "day")),
        ("https://news.example.org/20210618/harbour", ("2021-06-18", "day")),
        ("https://news.example.org/2021/6/18/harbour", ("2021-06-18", "day")),
        ("https://news.example.org/2021/06/harbour-budget/", ("2021-06", "month")),
        ("https://news.example.org/2021/harbour-budget", None),  # a year alone
        ("https://news.example.org/2021/06/", None),  # an archive page
        ("https://news.example.org/2021/13/40/x", None),  # not a date
        ("https://news.example.org/story?id=20210618", None),  # not in the path
        ("https://news.example.org/item/1202106189/x", None),
    ],
)
def test_url_date(url: str, expected: tuple[str, str] | None) -> None:
    found = document_date(document_from_text(STORY, "a", {"url": url}))
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found.isoformat(), found.precision, found.source) == (*expected, "url")


@pytest.mark.parametrize(
    ("top", "source"),
    [
        ("PARIS, 18 June 2021 \u2014 ", "dateline"),
        ("LONDON (Reuters), June 18, 2021: ", "dateline"),
        ("Posted on June 18, 2021 by Ann Lee\n\n", "dateline"),
        ("Friday, June 18, 2021\n\n", "dateline"),
        ("2021-06-18\n\n", "dateline"),
        ("Harbour budget\n\nPublished 18 June 2021 at 10:00\n\n", "dateline"),
        ("The council met on June 18, 2021, the day after the storm. ", "text"),
        ("On June 18, 2021, the council met. ", "text"),
        ("On June 18, 2021, President Lee signed the bill. ", "text"),
        ("Springfield, Mass. - June 18, 2021 - The company said", "dateline"),
        ("by Ann Lee June 18, 2021 3:42 PM\n\n", "dateline"),
        (
            "PARIS, June 18, 2021 \u2014 A court ruled on Friday that the copyright of the "
            "harbour's old maps belongs to the city, not to the family that drew them. ",
            "dateline",
        ),
        ("Updated June 20, 2021\n\nPARIS, 18 June 2021 \u2014 ", "dateline"),
    ],
)
def test_dates_at_the_top_of_the_text(top: str, source: str) -> None:
    found = document_date(document_from_text(top + STORY, "a"))
    assert found == PublicationDate(JUNE_18, "day", source)


@pytest.mark.parametrize(
    "top",
    [
        "Copyright June 18, 2021 Foo Media\n\n",
        "\u00a9 Foo Media, 18 June 2021. All rights reserved.\n\n",
        "Updated on June 18, 2021\n\n",
        "Last modified: Friday, June 18, 2021\n\n",
        "In June 2021 the council met. ",
        "x" * 300 + " PARIS, 18 June 2021 \u2014 ",  # beyond the top of the text
    ],
)
def test_dates_at_the_top_that_are_not_publication_dates(top: str) -> None:
    assert document_date(document_from_text(top + STORY, "a")) is None


def test_precedence_metadata_page_url_dateline() -> None:
    text = "PARIS, 15 June 2021 \u2014 " + STORY
    url = "https://news.example.org/2021/06/16/harbour"

    def dated(meta: dict[str, str]) -> PublicationDate | None:
        return document_date(document_from_text(text, "a", meta))

    given = PublicationDate(JUNE_18, "day", "metadata")
    assert dated({"date": "2021-06-18", "url": url}) == given
    stated = PublicationDate(JUNE_18, "day", "html-meta")
    assert dated({"date": "2021-06-18", "date_source": "html-meta", "url": url}) == stated
    assert dated({"date": "sometime", "url": url}) == PublicationDate(
        date(2021, 6, 16), "day", "url"
    )
    assert dated({}) == PublicationDate(date(2021, 6, 15), "day", "dateline")


def test_month_dates_are_ordered_only_when_the_months_differ() -> None:
    june = PublicationDate(date(2021, 6, 1), "month", "url")
    assert june.order(PublicationDate(JUNE_18, "day", "metadata")) == 0
    assert june.order(PublicationDate(date(2021, 5, 31), "day", "metadata")) == 1
    assert PublicationDate(date(2021, 5, 1), "month", "url").order(june) == -1
    assert (
        PublicationDate(JUNE_18, "day", "url").order(
            PublicationDate(date(2021, 6, 19), "day", "url")
        )
        == -1
    )


# -- how compare weighs and names them ---------------------------------------------------------

LEXICAL = CompareConfig(semantic=SemanticConfig(enabled=False))
REPORT = "A report on the harbour.\n\n" + STORY + "\n\nMore on this later."


def test_reasons_name_each_dates_source() -> None:
    stated = document_from_bytes(
        page(
            STORY,
            head='<meta property="article:published_time" content="2021-06-18T09:00:00Z">',
        ).encode(),
        "original.html",
    )
    reprint = document_from_text(
        REPORT, "reprint", {"url": "https://copies.example.com/2021/06/20/harbour"}
    )
    for a, b in ((stated, reprint), (reprint, stated)):
        r = compare(a, b, LEXICAL).to_json(include_text=False)
        first = [d["id"] for d in r["documents"]].index("original.html")
        assert r["source"] == first
        assert (
            "original.html is dated earlier (2021-06-18 by html-meta vs 2021-06-20 by url)"
            in r["reasons"]
        ), r["reasons"]
        by_id = {d["id"]: (d["date"], d["date_source"]) for d in r["documents"]}
        assert by_id == {
            "original.html": ("2021-06-18", "html-meta"),
            "reprint": ("2021-06-20", "url"),
        }


def _date_weight(meta: dict[str, str], top: str = "") -> float:
    """The direction evidence of a document dated by ``meta`` (or ``top``) against one
    given a later date (``metadata``, the strongest)."""
    early = document_from_text(top + STORY, "early", meta)
    late = document_from_text(STORY, "late", {"date": "2021-07-01"})
    ev = direction_evidence((early, late), ([], []), (0, 0), (0.0, 0.0), (0, 0))
    (only,) = ev
    assert "early is dated earlier" in only.reason
    swapped = direction_evidence((late, early), ([], []), (0, 0), (0.0, 0.0), (0, 0))
    assert swapped[0].weight == -only.weight
    return only.weight


def test_weight_depends_on_the_source() -> None:
    weights = [
        _date_weight({"date": "2021-06-18"}),
        _date_weight({"date": "2021-06-18", "date_source": "html-meta"}),
        _date_weight({"url": "https://x.example/2021/06/18/story"}),
        _date_weight({}, "PARIS, 18 June 2021 \u2014 "),
        _date_weight({}, "The council met on June 18, 2021, the day after the storm. "),
    ]
    assert weights == sorted(weights, reverse=True) and len(set(weights)) == 5, weights
    assert weights[-1] < 1.0  # a date in running text barely counts


def test_a_month_and_a_day_in_it_are_not_ordered() -> None:
    month = document_from_text(REPORT, "m", {"url": "https://x.example/2021/06/harbour"})
    day = document_from_text(STORY, "d", {"date": "2021-06-18"})
    r = compare(month, day, LEXICAL).to_json(include_text=False)
    assert [d["date"] for d in r["documents"]] == ["2021-06", "2021-06-18"]
    assert not any("dated" in reason for reason in r["reasons"]), r["reasons"]
    earlier = document_from_text(REPORT, "m", {"url": "https://x.example/2021/05/harbour"})
    r = compare(earlier, day, LEXICAL).to_json(include_text=False)
    assert "m is dated earlier (2021-05 by url vs 2021-06-18 by metadata)" in r["reasons"]


def test_seed_pair_verdict_and_source_unchanged(plain_seed_result: dict) -> None:
    # The source's dateline is its only date: read as one, weighed as one.
    r = plain_seed_result
    assert (r["verdict"], r["source"]) == ("derived", 0)
    assert [(d["date"], d["date_source"]) for d in r["documents"]] == [
        ("2021-06-01", "dateline"),
        ("", ""),
    ]
    assert any("(2021-06-01 by dateline)" in reason for reason in r["reasons"])
    assert r["confidence"] >= 0.95


# -- the corpus index stores each date's source ----------------------------------------------


def _story(k: int) -> str:
    return f"Report number {k} on the harbour, from our desk number {k}.\n\n{STORY}"


CORPUS_RECORDS: list[dict[str, str]] = [
    {"id": "given", "text": _story(1), "date": "June 18, 2021"},
    {"id": "by-url", "text": _story(2), "url": "https://news.example.org/2021/06/19/harbour"},
    {"id": "by-dateline", "text": "PARIS, 20 June 2021 \u2014 " + _story(3)},
    {
        "id": "by-page",
        "html": page(
            _story(4),
            head='<meta property="article:published_time" content="2021-06-21T08:00:00Z">',
        ),
    },
    {"id": "footer", "html": page(_story(5), footer="Copyright 2021 Foo Media")},
    {"id": "year", "text": _story(6), "date": "2021"},
    {"id": "in-text", "text": "The council met on June 18, 2021, the day after. " + _story(7)},
]
STORED_DATES = {
    "given": ("2021-06-18", "metadata"),
    "by-url": ("2021-06-19", "url"),
    "by-dateline": ("2021-06-20", "dateline"),
    "by-page": ("2021-06-21", "html-meta"),
    "footer": ("", ""),
    "year": ("2021", ""),  # kept as given, but not a date
    "in-text": ("", ""),  # a date in running text is not stored
}


@pytest.fixture(scope="module")
def dated_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dated")
    records = root / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in CORPUS_RECORDS), encoding="utf-8")
    db = root / "c.db"
    p = run("index", "add", str(db), str(records), "--no-semantic")
    assert p.returncode == 0, p.stderr
    return db


@pytest.mark.parametrize("ext_id", list(STORED_DATES))
def test_show_json_gives_the_date_and_its_source(dated_index: Path, ext_id: str) -> None:
    p = run("show", str(dated_index), ext_id, "--format", "json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert (doc["date"], doc["date_source"]) == STORED_DATES[ext_id]
    assert doc["meta"].get("date_source", "") == STORED_DATES[ext_id][1]


def test_show_text_gives_the_dates_source(dated_index: Path) -> None:
    p = run("show", str(dated_index), "by-url")
    assert p.returncode == 0, p.stderr
    assert "date    2021-06-19 (url)" in p.stdout.splitlines()


def test_search_hits_carry_the_stored_source(dated_index: Path) -> None:
    from textlineage import Corpus

    query = document_from_text(REPORT, "query", {"date": "2021-07-01"})
    with Corpus.open(dated_index, create=False) as corpus:
        result = corpus.search(query, semantic=False).to_json()
    hits = {h["doc"]["id"]: h for h in result["hits"]}
    assert {"given", "by-url", "by-dateline", "by-page"} <= set(hits)
    for ext_id, hit in hits.items():
        assert (hit["doc"]["date"], hit["doc"]["date_source"]) == STORED_DATES[ext_id]
        compared = hit["comparison"]["documents"][1]
        if STORED_DATES[ext_id][1]:
            # compare reads the stored date with its stored source
            assert (compared["date"], compared["date_source"]) == STORED_DATES[ext_id]
    reasons = hits["by-dateline"]["comparison"]["reasons"]
    assert any("(2021-06-20 by dateline vs 2021-07-01 by metadata)" in r for r in reasons), reasons
