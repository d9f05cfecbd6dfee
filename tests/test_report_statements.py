"""How the reports show whole statements: claims dropped or added (a clause the other text
does not state) listed in full with their lines and apart from the facts, and a statement
replaced by another shown as "A said … / B says …" rather than as a word diff."""

from __future__ import annotations

from dataclasses import replace

import pytest

from test_facts_clauses import INTRO, MIDDLE, OUTRO  # the same reused text around
from textlineage import Comparison, Document, compare
from textlineage.report.context import in_sentence
from textlineage.report.factgroups import reads_apart, respelled, statements
from textlineage.report.html import render_html
from textlineage.report.text import render_text
from textlineage.types import Fact, FactLink


def _compare(source: str, derived: str) -> Comparison:
    def doc(middle: str) -> str:
        return "\n\n".join([INTRO, MIDDLE, middle, OUTRO]) + "\n"

    return compare(Document("a", doc(source)), Document("b", doc(derived)))


@pytest.fixture(scope="module")
def dropped() -> Comparison:
    return _compare(
        "The ferry company said it would resume sailings on Friday, subject to the "
        "harbour master approving its <b>emergency</b> plan.",
        "The ferry company said it would resume sailings on Friday.",
    )


@pytest.fixture(scope="module")
def added() -> Comparison:
    return _compare(
        "The ferry company said it would resume sailings on Friday.",
        "The ferry company said it would resume sailings on Friday. Local fishermen "
        "blame years of neglected maintenance for the cracks.",
    )


@pytest.fixture(scope="module")
def restated() -> Comparison:
    return _compare(
        "Investigators have not yet found the cause of the collapse. Traffic on the "
        "coast road was diverted for the rest of the week.",
        "Police believe vandals loosened the stones deliberately. Traffic on the coast "
        "road was diverted for the rest of the week.",
    )


def test_a_dropped_statement_is_listed_whole_with_its_line_apart_from_the_facts(
    dropped: Comparison,
) -> None:
    claims = [f for f in dropped.facts.dropped if f.kind == "claim"]
    assert len(claims) == 1
    out = render_text(dropped, glossary=False)
    lines = out.splitlines()
    at = lines.index("  1 statement dropped (B does not state it)")
    assert lines[at + 1] == (
        "    - A l.5: subject to the harbour master approving its <b>emergency</b> plan"
    )
    # Not a fact of a kind: no "claim dropped" line, no "(from A, by kind)" head without facts.
    assert "claim dropped" not in out and "dropped (from A, by kind)" not in out
    n = len(dropped.facts.dropped)
    assert f"· dropped {n} (1 statement)" in out


def test_an_added_statement_is_not_listed_again_as_a_new_sentence(added: Comparison) -> None:
    out = render_text(added, glossary=False)
    lines = out.splitlines()
    said = "    + B l.5: Local fishermen blame years of neglected maintenance for the cracks"
    assert said in lines
    assert "  1 statement added (A does not state it)" in lines
    assert "new in B (no counterpart in A): 1 sentence, holding a statement listed above" in out
    assert sum("Local fishermen" in line for line in lines) == 1


def test_a_replaced_statement_reads_as_said_and_says(restated: Comparison) -> None:
    out = render_text(restated, glossary=False)
    lines = out.splitlines()
    at = lines.index("    statements replaced")
    assert lines[at + 2 : at + 4] == [
        "          A l.5 said: Investigators have not yet found the cause of the collapse",
        "          B l.5 says: Police believe vandals loosened the stones deliberately",
    ]
    assert "[cut:" not in out
    # The group's title says what the change is; its note is not repeated.
    assert "replaced by another in its place" not in out


def test_the_html_panel_lists_statements_apart_and_counts_them(dropped: Comparison) -> None:
    html = render_html(dropped)
    facts = dropped.facts.dropped
    plain, _ = statements(facts)
    assert "<h3>Statements only in A (1)</h3>" in html
    assert f"dropped {len(facts)} (1 statement)" in html
    if plain:
        assert f"<h3>Dropped ({len(plain)})</h3>" in html
    # The line where the kind stands elsewhere, and the document's markup kept inert.
    assert '<span class="kind">A l.5</span>' in html
    assert "approving its &lt;b&gt;emergency&lt;/b&gt; plan" in html
    assert "<b>emergency</b>" not in html


def test_the_html_panel_shows_a_replaced_statement_one_side_under_the_other(
    restated: Comparison,
) -> None:
    html = render_html(restated)
    assert 'class="apart"' in html
    assert '<span class="who">A l.5 said</span>' in html
    assert '<span class="who">B l.5 says</span>' in html
    assert "<h4>statements replaced (1)</h4>" in html


def _link(old: str, new: str, label: str = "wording") -> FactLink:
    return FactLink(
        "quote", Fact("quote", old, (0, len(old)), 0), Fact("quote", new, (0, len(new)), 1),
        "", label,
    )  # fmt: skip


def test_a_quotation_read_apart_only_when_its_sides_share_few_words() -> None:
    trimmed = _link('"Our customers have been asking for the Arctic for years,"', '"for years"')
    assert not reads_apart(trimmed)
    hedged = _link('"The leak appears to be under control"', '"The leak is under control"')
    assert not reads_apart(hedged)
    other = _link('"We expect a full recovery"', '"The season is over for him, sadly"')
    assert reads_apart(other)
    assert reads_apart(_link("the cause is unknown", "the cause is arson", "restated"))


def test_a_respelled_person_comes_first_and_shows_open() -> None:
    body = (
        "Cargo ship leaves port\n\nThe ship left the harbour on Monday night with a crew "
        "of nineteen, and its captain, {}, said the voyage to Helsinki should take two "
        "days if the weather holds.\n"
    )
    c = compare(
        Document("a", body.format("Farah Quddus")), Document("b", body.format("Farah Qudus"))
    )
    person = next(k for k in c.facts.kept if k.label == "spelling")
    assert person.kind == "person"
    assert '<details open><summary><h3 class="inline">Kept in another spelling' in render_html(c)
    place = FactLink(
        "place", Fact("place", "Gdańsk", (0, 6), 0), Fact("place", "Gdansk", (0, 6), 1),
        "", "spelling",
    )  # fmt: skip
    assert respelled([place, person]) == [person, place]
    html = render_html(replace(c, facts=replace(c.facts, kept=(place,))))
    assert '<details><summary><h3 class="inline">Kept in another spelling' in html


def test_the_html_panel_shows_a_reworded_claim_word_by_word() -> None:
    c = _compare(
        "Investigators said the stones were reportedly loosened by <i>vandals</i> overnight.",
        "Investigators said the stones were loosened by <i>vandals</i> overnight.",
    )
    claims = [k for k in c.facts.changed if k.kind == "claim"]
    assert claims and not reads_apart(claims[0])
    html = render_html(c)
    assert '<span class="edits">' in html and "<del>reportedly</del>" in html
    assert "<i>vandals</i>" not in html


def test_a_fact_after_a_closing_quotation_mark_keeps_its_space() -> None:
    text = '"The leak is under control," coastguard officer Lars Wahl said. (Or [so] it seems.)'
    at = text.index("coastguard")
    assert in_sentence(text, (at, at + 28), 200).startswith(
        '"The leak is under control," [coastguard officer Lars Wahl] said.'
    )
    at = text.index("Or")
    assert in_sentence(text, (at, at + 2), 200) == "([Or] [so] it seems."
