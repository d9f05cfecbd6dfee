"""Tests of the text, JSON and HTML reports, with hand-built comparisons."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import replace
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from textlineage.corpus.index import SearchHit, SearchResult
from textlineage.corpus.schema import StoredDocument
from textlineage.report import render_html, render_json, render_text
from textlineage.report.search import render_search_html
from textlineage.types import (
    PASSAGE_KINDS,
    Comparison,
    Document,
    Fact,
    FactDiff,
    FactLink,
    Passage,
    Span,
)

A_TEXT = (
    "The mayor said on 3 May that 30,000 people attended the parade.\n"
    "Crowds cheered <script>alert(1)</script> loudly in the square.\n"
    "Organisers from Acme Ltd thanked the volunteers.\x1b[31m"
)
B_TEXT = (
    "On 3 May the mayor said that 40,000 people attended the parade. "
    "<img src=x onerror=alert(1)> Crowds cheered loudly in the square.\n"
    "Police closed the road </script><script>alert(9)</script> at noon."
)


def sp(text: str, sub: str, start: int = 0) -> Span:
    i = text.index(sub, start)
    return (i, i + len(sub))


def fact(doc: int, kind: str, sub: str, value: str = "") -> Fact:
    text = A_TEXT if doc == 0 else B_TEXT
    return Fact(kind=kind, text=sub, span=sp(text, sub), doc=doc, value=value)


def make_comparison(
    *,
    ids: tuple[str, str] = ("article.txt", "blog.html"),
    meta: dict[str, str] | None = None,
    reasons: tuple[str, ...] = ("B reuses most of A", "A is earlier"),
    fact_text_extra: str = "",
) -> Comparison:
    a, b = A_TEXT, B_TEXT
    passages = (
        # verbatim, overlapping the paraphrase below on both sides ("people")
        Passage(
            "verbatim",
            0.99,
            ((sp(a, "people attended the parade."),), (sp(b, "people attended the parade."),)),
        ),
        Passage(
            "near_verbatim",
            0.91,
            (
                (sp(a, "Crowds cheered <script>alert(1)</script> loudly in the square."),),
                (sp(b, "Crowds cheered loudly in the square."),),
            ),
        ),
        Passage(
            "paraphrase",
            0.74,
            (
                (sp(a, "The mayor said on 3 May that 30,000 people"),),
                (sp(b, "On 3 May the mayor said that 40,000 people"),),
            ),
        ),
        # multi-range on both sides
        Passage(
            "compression",
            0.66,
            (
                (sp(a, "The mayor said"), sp(a, "Organisers from Acme Ltd")),
                (sp(b, "the mayor said"), sp(b, "Police closed the road </script>")),
            ),
        ),
    )
    changed = FactLink(
        "number",
        fact(0, "number", "30,000", "30000"),
        fact(1, "number", "40,000", "40000"),
        note="value changed" + fact_text_extra,
    )
    kept = FactLink("date", fact(0, "date", "3 May"), fact(1, "date", "3 May"))
    facts = FactDiff(
        source_doc=0,
        derived_doc=1,
        kept=(kept,),
        changed=(changed,),
        added=(fact(1, "date", "noon"),),
        dropped=(fact(0, "organisation", "Acme Ltd"),),
    )
    return Comparison(
        documents=(Document(ids[0], a, meta or {}), Document(ids[1], b, {})),
        verdict="derived",
        source=0,
        confidence=0.83,
        reasons=reasons,
        coverage=(0.4567, 0.8),
        passages=passages,
        facts=facts,
        timings={"align": 0.0123},
    )


# -- HTML parsing helpers -------------------------------------------------------------


class PaneParser(HTMLParser):
    """Collects, per pane, the full text and its highlighted segments."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.panes: dict[int, list[str]] = {}
        # per pane: (offset attr, text, passage ids, fact ids)
        self.segs: dict[int, list[tuple[int, str, tuple[int, ...], tuple[int, ...]]]] = {}
        self.pane: int | None = None
        self.depth = 0
        self.seg: dict[str, str] | None = None
        self.seg_text: list[str] = []
        self.nested_in_seg = False
        self.start_tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.start_tags.append((tag, a))
        if self.pane is not None:
            self.depth += 1
            assert tag == "span", f"unexpected <{tag}> inside a pane"
            assert self.seg is None, "segments must not nest"
            self.seg = {k: v or "" for k, v in a.items()}
            self.seg_text = []
            return
        pid = a.get("id") or ""
        if tag == "div" and pid.startswith("pane-"):
            self.pane = int(pid[5:])
            self.depth = 0
            self.panes[self.pane] = []
            self.segs[self.pane] = []

    def handle_endtag(self, tag: str) -> None:
        if self.pane is None:
            return
        if self.depth == 0:
            assert tag == "div"
            self.pane = None
            return
        self.depth -= 1
        assert self.seg is not None
        s = self.seg

        def ids(key: str) -> tuple[int, ...]:
            return tuple(int(x) for x in s[key].split()) if s.get(key) else ()

        assert "seg" in s["class"].split()
        self.segs[self.pane].append(
            (int(s["data-o"]), "".join(self.seg_text), ids("data-p"), ids("data-f"))
        )
        self.seg = None

    def handle_data(self, data: str) -> None:
        if self.pane is not None:
            self.panes[self.pane].append(data)
            if self.seg is not None:
                self.seg_text.append(data)


def parse(html: str) -> PaneParser:
    p = PaneParser()
    p.feed(html)
    p.close()
    assert set(p.panes) == {0, 1}
    return p


def expected_cover(c: Comparison, d: int) -> list[frozenset[int]]:
    n = len(c.documents[d].text)
    cover: list[set[int]] = [set() for _ in range(n)]
    for pid, p in enumerate(c.passages):
        for s, e in p.spans[d]:
            for i in range(max(0, s), min(e, n)):
                cover[i].add(pid)
    return [frozenset(x) for x in cover]


def check_panes(c: Comparison, html: str) -> PaneParser:
    """Pane text equals the document text; segment offsets and passage sets are exact."""
    parsed = parse(html)
    for d in (0, 1):
        text = c.documents[d].text
        assert "".join(parsed.panes[d]) == text
        cover = expected_cover(c, d)
        actual: list[frozenset[int]] = [frozenset()] * len(text)
        pos_prev = -1
        for offset, seg_text, pids, _fids in parsed.segs[d]:
            assert offset > pos_prev
            pos_prev = offset
            assert text[offset : offset + len(seg_text)] == seg_text
            for i in range(offset, offset + len(seg_text)):
                actual[i] = frozenset(pids)
        assert actual == cover
        # every range's text is exactly the concatenation of its segments
        for pid, p in enumerate(c.passages):
            for s, e in p.spans[d]:
                s, e = max(0, s), min(e, len(text))
                if e <= s:
                    continue
                joined = "".join(
                    t for o, t, pids, _ in parsed.segs[d] if pid in pids and s <= o < e
                )
                assert joined == text[s:e]
    return parsed


# -- text report -----------------------------------------------------------------------


def test_text_report_contents() -> None:
    c = make_comparison()
    out = render_text(c)
    assert "Verdict   derived" in out
    assert "article.txt" in out and "blog.html" in out
    assert "confidence 0.83" in out
    assert "45.7%" in out and "80.0%" in out
    assert "• B reuses most of A" in out
    assert "verbatim 1" in out and "compression 1" in out
    assert "people attended the parade." in out
    assert "30,000 → 40,000" in out
    # facts added and dropped: counted per kind against that side's facts of the kind
    assert "+ 1 date added: noon" in out
    assert "- 1 organisation dropped: Acme Ltd" in out
    assert "kept 1" in out
    listed = render_text(c, all_facts=True)
    assert "+ date: noon" in listed and "- organisation: Acme Ltd" in listed
    # multi-range passage: both ranges listed
    a0, a1 = c.passages[3].spans[0]
    assert f"{a0[0]}–{a0[1]}, {a1[0]}–{a1[1]}" in out
    # no terminal control sequences from the documents
    assert "\x1b" not in out
    assert all(ch == "\n" or ch >= " " for ch in out)


def test_text_report_summarises_facts_by_kind() -> None:
    """Many dropped facts: one line per kind, numbers, dates, people and quotations
    first, then the largest kind, counted against the source's facts of that kind, naming
    the first few in document order within the width."""
    places = [f"Town{i:02d}" for i in range(40)]
    a = " ".join(places) + " on 3 May and 4 June."
    b = "Town00 on 3 May."

    def at(text: str, sub: str, doc: int, kind: str) -> Fact:
        return Fact(kind, sub, sp(text, sub), doc)

    kept = (
        FactLink("place", at(a, "Town00", 0, "place"), at(b, "Town00", 1, "place")),
        FactLink("date", at(a, "3 May", 0, "date"), at(b, "3 May", 1, "date")),
    )
    dropped = (
        *(at(a, p, 0, "place") for p in places[1:]),
        at(a, "4 June", 0, "date"),
    )
    c = Comparison(
        documents=(Document("a", a), Document("b", b)),
        verdict="derived",
        source=0,
        confidence=0.9,
        reasons=(),
        coverage=(0.1, 1.0),
        passages=(),
        facts=FactDiff(0, 1, kept=kept, dropped=dropped),
    )
    out = render_text(c, width=80)
    lines = out.splitlines()
    summary = [x for x in lines if x.startswith("    - ")]
    assert summary[0] == "    - 1 date dropped: 4 June"
    assert summary[1].startswith("    - 39 of 40 places dropped: Town01; Town02; Town03")
    assert summary[1].endswith("more") and len(summary[1]) <= 80
    shown = summary[1].split(": ", 1)[1].split("; … and ")
    assert len(shown[0].split("; ")) + int(shown[1].split()[0]) == 39
    assert len(summary) == 2
    assert "dropped (from A, by kind)" in out
    # every fact listed, with its position, on request
    listed = render_text(c, width=80, all_facts=True).splitlines()
    assert sum(x.startswith("    - place: Town") for x in listed) == 39
    assert f"    - date: 4 June  (A l.1, {a.index('4 June')}–{a.index('4 June') + 6})" in listed


def test_reports_say_what_their_terms_mean() -> None:
    """The text report defines the passage kinds it shows, coverage and confidence; the
    HTML report defines every kind and verdict as well."""
    from textlineage.report.glossary import KIND_LABELS, KIND_TERMS, TERMS, VERDICT_TERMS

    c = make_comparison()
    shown = {p.kind for p in c.passages}
    assert shown and shown < set(PASSAGE_KINDS)
    text = render_text(c, width=1000)
    terms = text.split("\nTerms\n", 1)[1]
    for kind in PASSAGE_KINDS:
        defined = f"• {KIND_LABELS[kind]}: {KIND_TERMS[kind]}" in terms
        assert defined == (kind in shown), kind
    for term, meaning in TERMS.items():
        assert f"• {term}: {meaning}" in terms
    assert "Terms" not in render_text(c, glossary=False)
    page = render_html(c)
    glossary = page.split('<details class="glossary">', 1)[1].split("</details>", 1)[0]
    for kind in PASSAGE_KINDS:
        assert f"<dd>{escape(KIND_TERMS[kind])}</dd>" in glossary, kind
    for meaning in (*VERDICT_TERMS.values(), *TERMS.values()):
        assert f"<dd>{escape(meaning)}</dd>" in glossary
    assert "<dt>Coverage</dt>" in glossary and "<dt>Confidence</dt>" in glossary


def test_text_report_top_and_width() -> None:
    c = make_comparison(reasons=("word " * 60,))
    out = render_text(c, top=1, width=60)
    assert "… and 3 more" in out
    assert out.count("score ") == 1
    for line in out.splitlines():
        if line.startswith("  •") or line.startswith("    "):
            assert len(line) <= 100
    assert max(len(x) for x in out.splitlines() if x.startswith("  • ")) <= 60


def test_text_report_long_excerpt_is_cut() -> None:
    long = "word " * 100
    doc = Document("x", long)
    c = Comparison(
        documents=(doc, Document("y", long)),
        verdict="independent",
        source=None,
        confidence=0.1,
        reasons=(),
        coverage=(1.0, 1.0),
        passages=(Passage("verbatim", 1.0, (((0, len(long)),), ((0, len(long)),))),),
        facts=FactDiff(0, 1),
    )
    out = render_text(c)
    assert "…" in out
    assert "not established" in out
    assert "Passages  1: verbatim 1" in out


# -- JSON --------------------------------------------------------------------------------


def test_json_round_trip() -> None:
    c = make_comparison()
    data = json.loads(render_json(c))
    assert data == json.loads(json.dumps(c.to_json()))
    assert data["verdict"] == "derived"
    assert data["source"] == 0
    assert data["documents"][0]["text"] == A_TEXT
    assert data["passages"][3]["spans"] == [[list(r) for r in side] for side in c.passages[3].spans]
    assert data["facts"]["changed"][0]["text"] == "30,000 → 40,000"
    compact = render_json(c, indent=None)
    assert "\n" not in compact
    assert "→" in compact  # ensure_ascii=False


def _grouped_comparison(name: str = "Marsh") -> Comparison:
    """A diff with a change of strength early in the text, a surname change later, a
    name kept in another spelling and a listed kind of dropped facts."""
    cities = ["Arak", "Ilam", "Sari", "Amol", "Fasa", "Yazd", "Rasht"]
    a = (
        f"Over 300 homes. Dr. Helen {name} spoke. Rallies in Shustar. "
        f"Cities such as {', '.join(cities)} and Qom joined."
    )
    b = "300 homes. Dr. Helen March spoke. Rallies in Shushtar. Qom joined."

    def at(text: str, sub: str, doc: int, kind: str) -> Fact:
        return Fact(kind, sub, sp(text, sub), doc)

    changed = (
        FactLink(
            "number", at(a, "Over 300 homes", 0, "number"), at(b, "300 homes", 1, "number"),
            "qualifier 'over' dropped", "strength", "qualifier_dropped",
        ),
        FactLink(
            "person", at(a, f"Helen {name}", 0, "person"), at(b, "Helen March", 1, "person"),
            f"surname '{name}' → 'March'", "surname", "", True,
        ),
    )  # fmt: skip
    kept = (
        FactLink(
            "place", at(a, "Shustar", 0, "place"), at(b, "Shushtar", 1, "place"),
            "spelling variant of 'Shustar'", "spelling",
        ),
        FactLink("place", at(a, "Qom", 0, "place"), at(b, "Qom", 1, "place")),
    )  # fmt: skip
    dropped = tuple(at(a, x, 0, "place") for x in cities)
    return Comparison(
        documents=(Document("a", a), Document("b", b)),
        verdict="derived",
        source=0,
        confidence=0.9,
        reasons=(),
        coverage=(0.5, 1.0),
        passages=(),
        facts=FactDiff(0, 1, kept=kept, changed=changed, dropped=dropped),
    )


def test_text_report_groups_changes_by_significance() -> None:
    """A changed name comes before a change of strength that stands earlier in the text;
    each change shows its label; names kept in another spelling are listed; a kind whose
    dropped facts all stand in a list says so."""
    out = render_text(_grouped_comparison(), width=100)
    lines = out.splitlines()
    names = lines.index("    numbers, dates and names")
    strength = lines.index("    strength of claims")
    assert names < strength
    assert lines[names + 1] == (
        "      ~ person: Helen Marsh → Helen March (not in the source)  [surname] 'Marsh' → 'March'"
    )
    # a change whose new value the source states nowhere says so; one it does, not
    assert "(not in the source)" not in lines[strength + 1]
    # the group's title says "strength": the line says what changed, not the label again
    assert lines[strength + 1].endswith("  (qualifier 'over' dropped)")
    # each change shows where it stands, with its sentence, the fact in brackets
    assert lines[names + 2] == "          A l.1: Dr. [Helen Marsh] spoke."
    assert lines[names + 3] == "          B l.1: Dr. [Helen March] spoke."
    assert "  kept in another spelling (1): Shustar → Shushtar" in lines
    # 7 of the 8 places in the list dropped (Shustar stands outside it)
    assert any(x.startswith("    - 7 of 8 listed places dropped: Arak; Ilam") for x in lines)


def test_html_report_groups_and_collapses_lists() -> None:
    c = _grouped_comparison()
    html = render_html(c)
    body = html[html.index('<aside class="facts"') :]
    assert body.index("numbers, dates and names (1)") < body.index("strength of claims (1)")
    assert '<span class="label">surname</span>' in body
    assert body.count('<span class="label unsupported">not in the source</span>') == 1
    assert "Kept in another spelling (1)" in body
    m = re.search(
        r'<details class="kind-group"><summary>([^<]*)</summary><ul>(.*?)</ul>', body, re.S
    )
    assert m is not None and m.group(1) == "7 of 8 listed places dropped"
    assert m.group(2).count('class="fref fact f-dropped"') == 7
    check_panes(c, html)


def test_html_grouped_facts_stay_inert() -> None:
    """Document text in a grouped, collapsed list and in change notes is escaped, and a
    bidi override in it replaced."""
    evil = "<b>x</b>\u202e"
    c = _grouped_comparison(name=evil)
    html = render_html(c)
    body = html[html.index('<aside class="facts"') :]
    assert "<b>x</b>" not in body and "\u202e" not in body
    assert "Helen &lt;b&gt;x&lt;/b&gt;\ufffd" in body
    assert "surname &#39;&lt;b&gt;x&lt;/b&gt;\ufffd&#39; → &#39;March&#39;" in body
    check_panes(c, html)


# -- HTML ------------------------------------------------------------------------------


def evil_comparison() -> Comparison:
    return make_comparison(
        ids=("a<script>alert(1)</script>.txt", 'b"><img src=x onerror=alert(1)>'),
        meta={"<script>alert(3)</script>": "\"'><img src=x onerror=alert(4)>"},
        reasons=("because <script>alert(2)</script> & </script>",),
        fact_text_extra=" </script><script>alert(5)</script> \u2028\u2029",
    )


def test_html_escapes_everything() -> None:
    c = evil_comparison()
    html = render_html(c, title="<script>alert(6)</script>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<img" not in html
    # only our two script elements
    assert html.count("<script") == 2
    assert html.count("</script") == 2
    check_panes(c, html)


HOSTILE = "<script>alert(1)</script> {{ 7*7 }} {% if true %}yes{% endif %} \u202eexe.pdf"


def test_html_hostile_text_stays_inert_text() -> None:
    """Markup and template syntax from a document are shown as text, never run or
    evaluated; a bidi override cannot reorder what is shown (replaced in labels, a
    segment of its own, isolated by the style, in the panes)."""
    a = "Intro. " + HOSTILE + "\nEnd."
    b = "Other " + HOSTILE
    c = Comparison(
        documents=(Document("a " + HOSTILE, a, {"k " + HOSTILE: "v " + HOSTILE}), Document("b", b)),
        verdict="derived",
        source=0,
        confidence=0.5,
        reasons=("reason " + HOSTILE,),
        coverage=(0.5, 0.5),
        passages=(
            Passage("verbatim", 0.9, ((sp(a, HOSTILE),), (sp(b, HOSTILE),)), ("why " + HOSTILE,)),
        ),
        facts=FactDiff(0, 1, added=(Fact("quote", HOSTILE, sp(b, HOSTILE), 1),)),
    )
    html = render_html(c, title="title " + HOSTILE)
    assert "<script>alert" not in html and html.count("<script") == 2
    # labels: escaped, template syntax literal, the override replaced by U+FFFD
    label = (
        "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} {% if true %}yes{% endif %} \ufffdexe.pdf"
    )
    assert f"<title>title {label}</title>" in html
    assert f"<h1>title {label}</h1>" in html
    assert f'<span class="id">a {label}</span>' in html
    assert f"<dt>k {label}</dt><dd>v {label}</dd>" in html
    assert f"<li>reason {label}</li>" in html
    assert f">{label}</button>" in html
    # panes: the document text exactly, each override in an isolated segment of its own
    parsed = check_panes(c, html)
    isolated = re.findall(r'<span class="([^"]*)"[^>]*data-bidi="U\+202E"[^>]*>\u202e</span>', html)
    assert len(isolated) == html.count("\u202e") == 2
    assert all({"seg", "bidi", "k-verbatim"} <= set(cls.split()) for cls in isolated)
    assert ".seg.bidi{unicode-bidi:isolate}" in html
    for d in (0, 1):
        assert any(t == "\u202e" and pids == (0,) for _o, t, pids, _f in parsed.segs[d])


def test_html_embedded_json_cannot_break_out() -> None:
    c = evil_comparison()
    html = render_html(c)
    m = re.search(r'<script type="application/json" id="tl-data">(.*?)</script>', html, re.S)
    assert m is not None
    raw = m.group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert "\u2028" not in raw and "\u2029" not in raw
    assert json.loads(raw) == json.loads(json.dumps(c.to_json(include_text=False)))
    assert "\\u003c/script\\u003e" in raw


def test_html_csp_hash_matches_inline_script() -> None:
    html = render_html(make_comparison())
    m = re.search(r"<script>(.*?)</script>", html, re.S)
    assert m is not None
    digest = base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html
    assert "default-src 'none'" in html


def test_html_segments_reconstruct_documents() -> None:
    c = make_comparison()
    parsed = check_panes(c, render_html(c))
    # the fact 30,000 overlaps the paraphrase passage: same segment carries both
    s = c.facts.changed[0].source.span[0]
    hits = [x for x in parsed.segs[0] if x[0] <= s < x[0] + len(x[1])]
    assert hits and hits[0][2] and hits[0][3]
    assert 2 in hits[0][2]
    # segments covered by two passages list both
    assert any(len(x[2]) >= 2 for x in parsed.segs[0])
    # every fact span is marked in its document
    marked = {f for d in (0, 1) for x in parsed.segs[d] for f in x[3]}
    assert len(marked) == 6


def test_html_structure() -> None:
    c = make_comparison()
    html = render_html(c, title="My report")
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>My report</title>" in html
    for kind in PASSAGE_KINDS:
        assert f'class="sw k-{kind}"' in html
    for label in ("Verbatim", "Near-verbatim", "Paraphrase", "Compression", "Translation"):
        assert label in html
    assert "Derived" in html and "45.7%" in html and "80.0%" in html
    assert "B reuses most of A" in html
    assert "confidence 0.83" in html
    assert "white-space:pre-wrap" in html
    assert "Changed (1)" in html and "Added (1)" in html and "Dropped (1)" in html
    assert "Kept (1)" in html
    assert 'class="arrow">→<' in html
    assert "http://" not in html and "https://" not in html
    parsed = parse(html)
    for _tag, attrs in parsed.start_tags:
        assert not {"src", "href", "action", "srcset"} & set(attrs)
    # clickable fact buttons point at facts that are marked in the text
    fids = {
        int(a["data-fid"] or -1) for t, a in parsed.start_tags if t == "button" and "data-fid" in a
    }
    marked = {f for d in (0, 1) for x in parsed.segs[d] for f in x[3]}
    assert fids == marked


def test_html_handles_bad_ranges_and_unknown_kind() -> None:
    text = "short text"
    c = Comparison(
        documents=(Document("a", text), Document("b", "")),
        verdict="weird<verdict>",
        source=None,
        confidence=0.0,
        reasons=(),
        coverage=(0.0, 0.0),
        passages=(
            Passage("mystery<kind>", 0.5, (((-5, 3), (8, 99), (4, 4)), ((0, 10),))),
            Passage("verbatim", 0.5, (((3, 1),), ())),
        ),
        facts=FactDiff(0, 1, added=(Fact("number", "x", (50, 60), 1),)),
    )
    html = render_html(c)
    check_panes(c, html)
    assert "weird&lt;verdict&gt;" in html
    assert 'class="sw k-other"' in html
    assert "<kind>" not in html


def test_html_large_document_is_fast() -> None:
    words = [f"w{i % 997}" for i in range(24_000)]
    text = " ".join(words) + "\n"
    n = len(text)
    assert n > 100_000
    passages = []
    for i in range(400):
        s = (i * 263) % (n - 600)
        passages.append(
            Passage(
                PASSAGE_KINDS[i % len(PASSAGE_KINDS)],
                0.5 + (i % 50) / 100,
                (((s, s + 120 + i % 300),), ((s + 50, s + 170), (n - 500 + i, n - 400 + i))),
            )
        )
    facts = tuple(Fact("number", text[i : i + 4], (i, i + 4), 1) for i in range(0, n - 10, 997))
    c = Comparison(
        documents=(Document("a", text), Document("b", text)),
        verdict="derived",
        source=1,
        confidence=0.9,
        reasons=("many passages",),
        coverage=(0.7, 0.7),
        passages=tuple(passages),
        facts=FactDiff(1, 0, added=facts),
    )
    html = render_html(c)
    parsed = parse(html)
    assert "".join(parsed.panes[0]) == text and "".join(parsed.panes[1]) == text


@st.composite
def random_comparison(draw: st.DrawFn) -> Comparison:
    alphabet = st.one_of(
        st.characters(), st.sampled_from(list("<>&\"'\r\n\x00 /\u2028\u202e\u2066{}%"))
    )
    texts = (draw(st.text(alphabet, max_size=120)), draw(st.text(alphabet, max_size=120)))

    def ranges(n: int) -> tuple[Span, ...]:
        pairs = draw(
            st.lists(
                st.tuples(st.integers(-3, n + 3), st.integers(-3, n + 3)), min_size=0, max_size=3
            )
        )
        return tuple((min(a, b), max(a, b)) for a, b in pairs)

    passages = tuple(
        Passage(
            draw(st.sampled_from((*PASSAGE_KINDS, "x"))),
            draw(st.floats(0, 1)),
            (ranges(len(texts[0])), ranges(len(texts[1]))),
        )
        for _ in range(draw(st.integers(0, 6)))
    )
    added = tuple(
        Fact("number", draw(st.text(max_size=5)), r, d)
        for d in (0, 1)
        for r in ranges(len(texts[d]))
    )
    return Comparison(
        documents=(Document(draw(st.text(max_size=10)), texts[0]), Document("b", texts[1])),
        verdict="partially_derived",
        source=draw(st.sampled_from((None, 0, 1))),
        confidence=0.5,
        reasons=(draw(st.text(max_size=20)),),
        coverage=(0.1, 0.2),
        passages=passages,
        facts=FactDiff(0, 1, added=added),
    )


@settings(max_examples=150, deadline=None)
@given(random_comparison())
def test_html_panes_reconstruct_random_texts(c: Comparison) -> None:
    html = render_html(c)
    check_panes(c, html)
    render_text(c)
    json.loads(render_json(c))


# -- search report ---------------------------------------------------------------------


def hostile_search(hostile: str) -> SearchResult:
    """A search with two hits whose strings (and the query's) all carry ``hostile``."""
    q_text = "Intro. " + hostile + "\nEnd."
    hits = []
    for rank, url in enumerate(("https://example.org/?q=" + hostile, "javascript:alert(1)")):
        h_text = f"Other {rank} " + hostile
        doc = StoredDocument(
            doc_id=rank + 1,
            ext_id=f"hit{rank} " + hostile,
            text=h_text,
            url=url,
            site="site " + hostile,
            date="2024-01-02",
            title="title " + hostile,
            origin="",
            meta={},
        )
        c = Comparison(
            documents=(Document("query " + hostile, q_text), Document(doc.ext_id, h_text)),
            verdict="derived",
            source=0,
            confidence=0.5,
            reasons=(),
            coverage=(0.5, 0.9),
            passages=(Passage("verbatim", 0.9, ((sp(q_text, hostile),), (sp(h_text, hostile),))),),
            facts=FactDiff(0, 1),
        )
        hits.append(SearchHit(doc, c, 3, None))
    return SearchResult(
        query=hits[0].comparison.documents[0], hits=tuple(hits), candidates=4, timings={}
    )


class TagParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_search_html_hostile_hit_stays_inert_text() -> None:
    """A hit's id, title, site and text (and the query's) are escaped, their template
    syntax is shown literally and their bidi controls are replaced, as in the comparison
    report; only http(s) URLs become links."""
    html = render_search_html(hostile_search(HOSTILE))
    label = (
        "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} {% if true %}yes{% endif %} \ufffdexe.pdf"
    )
    assert "<script" not in html and "49" not in html and "\u202e" not in html
    assert f"<title>textlineage search: query {label}</title>" in html
    assert f"<h1>Where did “query {label}” come from?</h1>" in html
    assert (
        f'<a href="https://example.org/?q={label}" rel="noopener noreferrer">hit0 {label}</a>'
        in html
    )
    assert f"<h2>2. hit1 {label}</h2>" in html  # javascript: is not linked
    assert html.count(f'<p class="meta">site {label} 2024-01-02 title {label}</p>') == 2
    assert html.count(f"<li><b>verbatim</b> {label}</li>") == 2
    assert "<p>2 related document(s) among 4 candidate(s).</p>" in html
    parser = TagParser()
    parser.feed(html)
    tags = {tag for tag, _attrs in parser.tags}
    assert tags <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "p",
        "section",
        "a",
        "b",
        "ul",
        "li",
    }
    assert [a["href"] for t, a in parser.tags if t == "a"] == [
        "https://example.org/?q=" + HOSTILE.replace("\u202e", "\ufffd")
    ]


def test_search_html_without_hits() -> None:
    r = SearchResult(query=Document("q", "text"), hits=(), candidates=0, timings={})
    html = render_search_html(r)
    assert "<p>No indexed document shares reused text with the query.</p>" in html
    assert "<section>" not in html


def test_word_diff_and_sentence_context() -> None:
    from textlineage.report.context import in_sentence, line_of, word_diff

    assert (
        word_diff(
            "the wind was too strong in the last 10 kilometres", "the wind was too strong", 200
        )
        == "the wind was too strong [cut: in the last 10 kilometres]"
    )
    assert word_diff("may have been stolen", "were stolen", 200) == (
        "[cut: may have been] [added: were] stolen"
    )
    long_a = "one two three four five six seven eight nine ten eleven twelve thirteen old"
    long_b = "one two three four five six seven eight nine ten eleven twelve thirteen new"
    assert (
        word_diff(long_a, long_b, 200)
        == "one two three … ten eleven twelve thirteen [cut: old] [added: new]"
    )
    text = "Title\n\nThe mayor, Dr. Ann Lee, said 40 homes flooded. Rain continues."
    at = text.index("40 homes")
    assert line_of(text, at) == 3
    assert (
        in_sentence(text, (at, at + 8), 200) == "The mayor, Dr. Ann Lee, said [40 homes] flooded."
    )
    cut_short = in_sentence(text, (at, at + 8), 30)
    assert "[40 homes]" in cut_short and cut_short.startswith("…") and len(cut_short) <= 34


def test_text_report_puts_facts_before_passages_and_letters_in_reasons() -> None:
    c = make_comparison()
    c = Comparison(
        documents=c.documents,
        verdict=c.verdict,
        source=c.source,
        confidence=0.7,
        reasons=(f"{c.documents[0].id} is dated earlier", "reused text is longer in x"),
        coverage=c.coverage,
        passages=c.passages,
        facts=c.facts,
    )
    out = render_text(c)
    assert out.index("Facts (") < out.index("Passages  ")
    assert "• A is dated earlier" in out
    assert "Direction uncertain (confidence 0.70): A is read as the source" in out
    assert "Direction uncertain (confidence 0.70)" in render_html(c)
    sure = render_text(replace(c, confidence=0.95))
    assert "Direction uncertain" not in sure


def test_change_lines_fit_the_width() -> None:
    """A change whose texts and note run past the width wraps, its continuation indented
    under the change; each side's sentence is cut to fit."""
    for width in (70, 100):
        lines = render_text(_grouped_comparison(), width=width).splitlines()
        facts = lines[lines.index("    numbers, dates and names") :]
        changes = [ln for ln in facts if ln.startswith("      ~ ") or ln.startswith("          ")]
        assert changes
        assert all(len(ln) <= width for ln in changes), [ln for ln in changes if len(ln) > width]
    narrow = render_text(_grouped_comparison(), width=70).splitlines()
    at = next(i for i, ln in enumerate(narrow) if ln.startswith("      ~ person: Helen Marsh"))
    assert narrow[at + 1].startswith("          ") and "'Marsh' → 'March'" in narrow[at + 1]


def test_reports_say_the_facts_of_an_independent_pair_are_no_diff_of_reuse() -> None:
    import html

    from textlineage import compare, document_from_text

    a = document_from_text(
        "The council approved a budget of 4 million pounds on Monday, said mayor John Smith.",
        "a",
    )
    b = document_from_text(
        "Heavy rain flooded 300 homes in Leeds on Friday, according to the Environment Agency.",
        "b",
    )
    c = compare(a, b)
    assert c.verdict == "independent" and c.facts.added and c.facts.dropped
    note = "No reuse found: the facts below are each text's own"
    assert note in " ".join(render_text(c).split())
    assert note in html.unescape(render_html(c))
    # reuse found: no such note
    derived = compare(a, document_from_text(a.text + " It was the third budget.", "c"))
    assert derived.verdict != "independent"
    assert "No reuse found" not in render_text(derived)


def test_text_report_lists_sentences_new_in_the_derived_text(tmp_path) -> None:
    from textlineage import compare, document_from_text

    source = (
        "The regional council approved a new cycle lane along the river on Tuesday. "
        "Work will begin in the spring and last about four months, officials said. "
        "The project will cost 2.1 million euros and is funded by a national grant."
    )
    derived = (
        "The regional council approved a new cycle lane along the river on Tuesday. "
        "Work will begin in the spring and last about four months, officials said. "
        "Local shopkeepers have collected 900 signatures against the plan since June."
    )
    c = compare(document_from_text(source, id="a"), document_from_text(derived, id="b"))
    out = render_text(c)
    at = out.index("new in B (no counterpart in A): 1 sentence")
    assert "B l.1: Local shopkeepers have collected 900 signatures" in out[at:]
    assert "regional council approved" not in out[at:].split("\n\n")[0]
