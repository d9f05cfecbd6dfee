"""The fact list read as a fact-checker who must say what the outlet changed in two
minutes: every change left out of the short list is counted (and its group named), a
claim turned round comes before the changes of strength and a rounding that keeps a claim
true after them, a change never shows two sides that read alike, a title that changed is
not cut off, and each change stands in its sentence, in the text report (a few words of
a clause too) and in the HTML panel (escaped, bidi controls neutralised)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import REPO
from textlineage import compare, read_document
from textlineage.report import render_html, render_text
from textlineage.types import Comparison, Document, Fact, FactDiff, FactLink

EXAMPLE = REPO / "examples" / "seed"
CHROMIUM = Path("/usr/bin/chromium")


def _at(text: str, sub: str, doc: int, kind: str) -> Fact:
    i = text.index(sub)
    return Fact(kind, sub, (i, i + len(sub)), doc)


def _comparison(a: str, b: str, changed: tuple[FactLink, ...]) -> Comparison:
    return Comparison(
        documents=(Document("a", a), Document("b", b)),
        verdict="derived",
        source=0,
        confidence=0.95,
        reasons=(),
        coverage=(0.5, 0.5),
        passages=(),
        facts=FactDiff(0, 1, changed=changed),
    )


def _many_changes() -> Comparison:
    """14 changed figures, then two dates made less precise and a quotation cut short:
    more changes than the text report lists by default."""
    a = " ".join(f"Item {i} cost {100 + i} dollars." for i in range(14))
    a += " It opens on 3 May 2026 and closes on 9 June 2026. He said “we will rebuild it all”."
    b = " ".join(f"Item {i} cost {200 + i} dollars." for i in range(14))
    b += " It opens in May and closes in June. He said “we will rebuild”."
    changed = [
        FactLink(
            "number",
            _at(a, f"{100 + i} dollars", 0, "number"),
            _at(b, f"{200 + i} dollars", 1, "number"),
            f"value {100 + i} → {200 + i}",
            "value",
            "",
            True,
        )
        for i in range(14)
    ]
    changed += [
        FactLink(
            "date", _at(a, x, 0, "date"), _at(b, y, 1, "date"),
            "date made less specific", "specificity", "less_specific",
        )
        for x, y in (("3 May 2026", "May"), ("9 June 2026", "June"))
    ]  # fmt: skip
    changed.append(
        FactLink(
            "quote",
            _at(a, "“we will rebuild it all”", 0, "quote"),
            _at(b, "“we will rebuild”", 1, "quote"),
            "quote cut short",
            "wording",
            "trimmed",
        )
    )
    return _comparison(a, b, tuple(changed))


def test_every_change_left_out_of_the_short_list_is_counted() -> None:
    """17 changes, a dozen listed: "… and 5 more", the groups left out whole named, not
    "… and 2 more" with the dates and the quotation gone without a word."""
    c = _many_changes()
    out = render_text(c, width=100)
    lines = out.splitlines()
    assert "  kept 0 · changed 17 · added 0 · dropped 0" in lines
    assert sum(x.startswith("      ~ ") for x in lines) == 12
    at = next(i for i, x in enumerate(lines) if x.startswith("    … and"))
    more = " ".join(x.strip() for x in lines[at : at + 2])
    assert "… and 5 more (of them: precision of dates and places 2; wording and nouns 1)" in more
    assert "--all-facts lists every one" in more
    every = render_text(c, width=100, all_facts=True)
    assert sum(x.startswith("      ~ ") for x in every.splitlines()) == 17
    assert "… and" not in every and "--all-facts" not in every


_A = (
    "About 350 students will leave. The budget is $148.6 million. "
    "Reserves stay above the minimum. The fee is 40 dollars."
)
_B = (
    "350 students will leave. The budget is nearly $150 million. "
    "Reserves fall below the minimum. The fee is 45 dollars."
)


def _ordered() -> Comparison:
    changed = (
        FactLink(
            "number", _at(_A, "About 350 students", 0, "number"), _at(_B, "350 students", 1, "number"),
            "qualifier 'about' dropped", "strength", "qualifier_dropped",
        ),
        FactLink(
            "number", _at(_A, "$148.6 million", 0, "number"), _at(_B, "nearly $150 million", 1, "number"),
            "rounded; 'nearly' keeps it true of $148.6 million", "value", "rounded",
        ),
        FactLink(
            "claim", _at(_A, "stay above the", 0, "claim"), _at(_B, "fall below the", 1, "claim"),
            "opposite word ('above' → 'below')", "reversed",
        ),
        FactLink(
            "number", _at(_A, "40 dollars", 0, "number"), _at(_B, "45 dollars", 1, "number"),
            "value 40 → 45", "value", "", True,
        ),
    )  # fmt: skip
    return _comparison(_A, _B, changed)


def test_a_reversed_claim_comes_before_strength_and_a_true_rounding_after() -> None:
    """A changed figure, then a claim said the other way round (it was filed under the
    strength of claims, after "qualifier dropped"), then strength; a figure rounded under
    a qualifier that keeps it true last, no longer among the changed figures."""
    lines = render_text(_ordered(), width=100).splitlines()
    heads = [x.strip() for x in lines if x.startswith("    ") and not x.startswith("     ")]
    assert heads[:4] == [
        "numbers, dates and names",
        "claims reversed or said of another thing",
        "strength of claims",
        "figures rounded, still true",
    ]
    first = lines.index("    numbers, dates and names")
    assert lines[first + 1].startswith("      ~ number: 40 dollars → 45 dollars")
    turned = lines.index("    claims reversed or said of another thing")
    # the group holds two labels: each change says which
    assert "[reversed]" in lines[turned + 1]
    page = render_html(_ordered())
    body = page[page.index('<aside class="facts"') :]
    order = [
        body.index(t)
        for t in (
            "numbers, dates and names (1)",
            "claims reversed or said of another thing (1)",
            "strength of claims (1)",
            "figures rounded, still true (1)",
        )
    ]
    assert order == sorted(order)


def test_two_sides_that_read_alike_show_the_qualifier_that_changed() -> None:
    """ "about [$18 million]" → "$18 million": the qualifier stands outside the source's
    fact; the change line showed "$18 million → $18 million"."""
    a = "The move will cut costs by about $18 million a year."
    b = "The move will save $18 million a year."
    link = FactLink(
        "number",
        _at(a, "$18 million", 0, "number"),
        _at(b, "$18 million", 1, "number"),
        "qualifier 'about' dropped",
        "strength",
        "qualifier_dropped",
    )
    c = _comparison(a, b, (link,))
    lines = render_text(c, width=100).splitlines()
    assert "      ~ number: about $18 million → $18 million  (qualifier 'about' dropped)" in lines
    body = render_html(c)
    body = body[body.index('<aside class="facts"') :]
    item = re.search(r"<li><span class=\"kind\">number</span>(.*?)</li>", body, re.S)
    assert item is not None
    assert item.group(1).startswith('<span class="around">about </span><button')


def test_a_changed_title_is_not_cut_off_nor_its_label_said_twice() -> None:
    """The source side is long, the derived side short: the short side leaves its room,
    and "President" (what changed) shows; the note does not open with the label shown
    beside it."""
    a = "Profits fell, said Ilsabeth Varga-Tenbrookes, Halvorn's President and Chief Executive."
    b = "Profits fell, said CEO Ilsabeth Varga-Tenbrookes."
    link = FactLink(
        "person",
        _at(a, "Ilsabeth Varga-Tenbrookes, Halvorn's President", 0, "person"),
        _at(b, "CEO Ilsabeth Varga-Tenbrookes", 1, "person"),
        "title 'President' → 'CEO'",
        "title",
        "",
        True,
    )
    c = _comparison(a, b, (link,))
    out = render_text(c, width=100)
    assert "Halvorn's President → CEO Ilsabeth Varga-Tenbrookes" in out
    # the label is said once: "[title] 'President' → 'CEO'", not "[title] title …"
    assert "[title] 'President' → 'CEO'" in " ".join(out.split())
    assert "[title] title" not in " ".join(out.split())
    page = html.unescape(render_html(c))
    assert '<span class="label">title</span>' in page
    assert "<span class=\"note\">'President' → 'CEO'</span>" in page


@pytest.fixture(scope="module")
def seed() -> Comparison:
    a = read_document(str(EXAMPLE / "source_report.txt"))
    b = read_document(str(EXAMPLE / "derived_article.txt"))
    return compare(a, b)


def test_a_few_words_of_a_clause_are_shown_in_their_sentences(seed: Comparison) -> None:
    """ "installed slogans" → "installed posters": the word diff, then both sentences
    (it was "A l.25 · B l.37", nothing to read)."""
    lines = render_text(seed, width=100).splitlines()
    at = next(
        i for i, x in enumerate(lines) if x.strip() == "installed [cut: slogans] [added: posters]"
    )
    assert lines[at + 1].startswith("          A l.25: ") and "[installed slogans]" in lines[at + 1]
    assert lines[at + 2].startswith("          B l.37: ") and "[installed posters]" in lines[at + 2]


def test_the_html_panel_shows_each_change_in_its_sentence(seed: Comparison) -> None:
    page = render_html(seed)
    body = page[page.index('<aside class="facts"') : page.index("</aside>")]
    changed = body[: body.index("Kept in another spelling")]
    # every change shows both sides' sentences with their lines
    assert changed.count('<span class="context">') == 6
    assert (
        "for his role in the mass execution of <mark>thousands of political prisoners</mark>"
        " in 1988.</span>"
    ) in changed
    assert '<span class="ctx"><span class="who">B l.39</span> …explaining' in changed
    assert "<mark>installed posters</mark>" in changed
    # the kept facts stay folded without sentences
    assert body[body.index("Kept in another spelling") :].count('class="context"') == 0


def test_a_changes_sentence_in_html_is_escaped_and_bidi_neutralised() -> None:
    a = "<b>Officials</b> \u202esaid\u202c 40 dollars <script>alert(1)</script> was paid."
    b = "Officials said 45 dollars was paid."
    link = FactLink(
        "number",
        _at(a, "40 dollars", 0, "number"),
        _at(b, "45 dollars", 1, "number"),
        "value 40 → 45",
        "value",
        "",
        True,
    )
    page = render_html(_comparison(a, b, (link,)))
    body = page[page.index('<aside class="facts"') : page.index("</aside>")]
    ctx = re.search(r'<span class="context">(.*?)</span></span>', body, re.S)
    assert ctx is not None
    assert "<script>" not in body and "<b>" not in body
    assert "&lt;script&gt;" in ctx.group(1) and "&lt;b&gt;" in ctx.group(1)
    assert "\u202e" not in body and "\ufffdsaid\ufffd" in html.unescape(ctx.group(1))


def test_in_chromium_a_change_reads_in_its_sentence_and_added_words_without_colour(
    seed: Comparison, tmp_path: Path
) -> None:
    """What the browser paints: a change's sentences under it, the fact marked; added
    words of a word diff marked with a "+" (cut ones are struck through), not by colour
    alone; a collapsed list opens from the keyboard."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    report = tmp_path / "report.html"
    report.write_text(render_html(seed), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            tab = browser.new_page(viewport={"width": 1440, "height": 1000})
            errors: list[str] = []
            tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            tab.goto(report.as_uri())
            ctx = tab.locator("aside.facts li .context").first
            sync_api.expect(ctx).to_be_visible()
            sync_api.expect(ctx.locator("mark").first).to_be_visible()
            plus = tab.locator("aside.facts .edits ins").first.evaluate(
                "el => getComputedStyle(el, '::before').content"
            )
            assert plus == '"+"'
            struck = tab.locator("aside.facts .edits del").first.evaluate(
                "el => getComputedStyle(el).textDecorationLine"
            )
            assert "line-through" in struck
            # the listed places, folded, open from the keyboard
            summary = tab.locator("aside.facts details.kind-group summary").first
            summary.focus()
            tab.keyboard.press("Enter")
            sync_api.expect(tab.locator("aside.facts details.kind-group").first).to_have_attribute(
                "open", ""
            )
            assert errors == []
        finally:
            browser.close()


def test_a_statement_of_a_few_words_is_shown_in_its_sentence(seed: Comparison) -> None:
    """ "is punished severely" alone says nothing: the text report brackets it in its
    sentence, the HTML panel puts its sentence around the fact's button."""
    lines = render_text(seed, width=100).splitlines()
    at = next(
        i for i, x in enumerate(lines) if x.endswith("statements dropped (B does not state them)")
    )
    block = lines[at + 1 : at + 8]
    assert (
        "    - A l.27: …supporting the MEK is considered as “enmity against God” and"
        " [is punished severely]."
    ) in block
    # a statement of more words stays as it was
    assert "    - A l.23: These activities were welcomed by the public" in block
    page = render_html(seed)
    body = page[page.index('<aside class="facts"') : page.index("</aside>")]
    m = re.search(
        r'<span class="in-sentence">([^<]*)<button[^>]*>is punished severely</button>', body
    )
    assert m is not None and m.group(1).endswith("“enmity against God” and ")


def test_the_html_panel_lists_the_sentences_new_in_the_derived_text() -> None:
    """The text report ended the facts with the derived text's sentences that have no
    counterpart in the source; the HTML panel did not show them at all."""
    root = REPO / "tests" / "data" / "facts_holdout3"
    c = compare(
        read_document(str(root / "02_source.txt")), read_document(str(root / "02_derived.txt"))
    )
    text = render_text(c, width=100)
    head = next(x for x in text.splitlines() if x.startswith("  new in B"))
    n = int(re.search(r": (\d+) sentences?", head).group(1))  # type: ignore[union-attr]
    page = render_html(c)
    body = page[page.index('<aside class="facts"') : page.index("</aside>")]
    assert f"New in B, no counterpart in A ({n})</h3>" in body
    items = re.search(
        r'<details class="new-sentences"[^>]*>.*?<ul class="statements">(.*?)</ul>', body, re.S
    )
    assert items is not None
    assert (
        '<span class="kind">B l.1</span><span>The Severn is drowning in wet wipes' in items.group(1)
    )
    assert items.group(1).count("<li>") == n


def test_an_added_or_dropped_fact_shows_its_line(seed: Comparison) -> None:
    """Under "5 of 15 numbers dropped" each fact said "number" again; its line (in a
    tooltip only) is what a reader needs to find it."""
    page = render_html(seed)
    body = page[page.index('<aside class="facts"') : page.index("</aside>")]
    dropped = body[body.index("<h3>Dropped") : body.index("<h3>Statements only in A")]
    assert re.search(
        r'<li><span class="kind">A l\.9</span><button[^>]*>27 provinces</button>', dropped
    )
    assert '<span class="kind">number</span>' not in dropped
