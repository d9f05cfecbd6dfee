"""The fact list as a fact-checker reads it: a note says no more than its line shows,
an independent pair's caveat comes before its counts and names no source, a clause cut
to a few words is shown in its sentence, long lists wrap."""

from __future__ import annotations

import html
from dataclasses import replace

from textlineage.report import render_html, render_text
from textlineage.report.factgroups import shown_note
from textlineage.types import Comparison, Document, Fact, FactDiff, FactLink


def _link(src: str, der: str, note: str, label: str = "value", kind: str = "number") -> FactLink:
    return FactLink(
        kind, Fact(kind, src, (0, len(src)), 0), Fact(kind, der, (0, len(der)), 1), note, label
    )


def test_a_note_leaves_out_what_the_change_line_shows() -> None:
    assert shown_note(_link("June", "June 18", "date made more specific ('June' → 'June 18')")) == (
        "date made more specific"
    )
    assert shown_note(_link("10 to 16 inches", "10 to 20 inches", "value 10-16 → 10-20")) == ""
    assert shown_note(_link("£287,400", "about £287,000", "value 287400 → 287000")) == ""
    assert (
        shown_note(
            _link(
                "1 to 2 inches per hour",
                "up to 2 inches an hour",
                "value 1-2 → 2; qualifier 'up to' added",
            )
        )
        == "qualifier 'up to' added"
    )
    place = "'South St. Louis' → 'St. Louis': a part of the place made the whole or the reverse"
    assert shown_note(_link("South St. Louis", "St. Louis", place, "specificity", "place")) == (
        "a part of the place made the whole or the reverse"
    )
    # what the line does not show stays: the word changed inside a name, a modal's scale,
    # a figure written in words
    assert shown_note(
        _link("Helen Marsh", "Helen March", "surname 'Marsh' → 'March'", "surname")
    ) == ("surname 'Marsh' → 'March'")
    modal = "'could' → 'will': possible made certain"
    assert (
        shown_note(
            _link(
                "could impact the commute",
                "the commute will be affected",
                modal,
                "strength",
                "claim",
            )
        )
        == modal
    )
    assert shown_note(_link("six seconds", "44 seconds", "value 6 → 44")) == "value 6 → 44"
    assert shown_note(_link("a", "b", "anything", "restated", "claim")) == ""


_A = "Snow totals of 10 to 16 inches are expected. Heavy, wet snow is possible along the North Shore ridgeline tonight."
_B = "Forecasters call for 10 to 20 inches of snow, more on the North Shore, with gusts."


def _at(text: str, sub: str, doc: int, kind: str) -> Fact:
    i = text.index(sub)
    return Fact(kind, sub, (i, i + len(sub)), doc)


def _independent() -> Comparison:
    changed = (
        FactLink(
            "number", _at(_A, "10 to 16 inches", 0, "number"), _at(_B, "10 to 20 inches", 1, "number"),
            "value 10-16 → 10-20", "value", "", True,
        ),
        FactLink(
            "claim", _at(_A, "possible along the", 0, "claim"), _at(_B, "of snow, more on the", 1, "claim"),
            "hedge 'possible' dropped", "strength",
        ),
    )  # fmt: skip
    orgs = ["National Weather Service Duluth MN", "Minnesota Department of Transportation"]
    text_a = _A + " " + " and ".join(orgs) + "."
    dropped = tuple(_at(text_a, o, 0, "organisation") for o in orgs)
    return Comparison(
        documents=(Document("a", text_a), Document("b", _B)),
        verdict="independent",
        source=None,
        confidence=1.0,
        reasons=("no reused passage of 120 characters or more was found",),
        coverage=(0.0, 0.0),
        passages=(),
        facts=FactDiff(0, 1, changed=changed, dropped=dropped),
    )


def test_an_independent_pair_reads_as_no_diff() -> None:
    c = _independent()
    lines = render_text(c, width=100).splitlines()
    head = lines.index("Facts (reference A → B)")
    # the caveat first, then the counts
    assert lines[head + 1].startswith("  No reuse found:")
    counts = next(i for i, x in enumerate(lines) if x.startswith("  kept 0 · changed 2"))
    assert counts > head + 1
    # no text is the source: a value the other text lacks is "not in A"
    change = next(x for x in lines if x.startswith("      ~ number: 10 to 16 inches"))
    assert change == "      ~ number: 10 to 16 inches → 10 to 20 inches (not in A)  (value)"
    assert "not in the source" not in "\n".join(lines)
    page = html.unescape(render_html(c))
    body = page[page.index('<aside class="facts"') :]
    assert body.index("No reuse found") < body.index("changed 2")
    assert '<span class="label unsupported">not in A</span>' in body
    assert '<span class="note">value 10-16' not in body
    # with reuse, the source is named as such
    derived = replace(c, verdict="derived", source=0, confidence=0.95)
    assert "(not in the source)" in render_text(derived)


def test_a_clause_of_a_few_words_is_shown_in_its_sentence() -> None:
    lines = render_text(_independent(), width=100).splitlines()
    at = next(i for i, x in enumerate(lines) if x.startswith("      ~ claim"))
    assert lines[at + 1] == (
        "          A l.1 said: Heavy, wet snow is [possible along the] North Shore ridgeline tonight."
    )
    assert lines[at + 2].startswith(
        "          B l.1 says: …call for 10 to 20 inches [of snow, more on the]"
    )


def test_a_kind_line_wraps_to_the_width() -> None:
    lines = render_text(_independent(), width=80).splitlines()
    at = next(i for i, x in enumerate(lines) if "organisations dropped" in x)
    assert all(len(x) <= 80 for x in lines[at : at + 2])
    assert lines[at + 1].startswith("        ") and "Transportation" in lines[at + 1]


def test_no_direction_caveat_when_nothing_changed() -> None:
    """ "Read each change backwards" of a pair whose facts are all kept says nothing."""
    kept = (
        FactLink(
            "number",
            _at(_A, "10 to 16 inches", 0, "number"),
            _at(_A, "10 to 16 inches", 1, "number"),
        ),
    )
    c = replace(
        _independent(),
        documents=(Document("a", _A), Document("b", _A)),
        verdict="derived",
        source=0,
        confidence=0.6,
        facts=FactDiff(0, 1, kept=kept),
    )
    assert "Direction uncertain" not in render_text(c)
    with_change = replace(c, facts=replace(_independent().facts, kept=kept))
    assert "Direction uncertain (confidence 0.60)" in render_text(with_change)


def test_a_name_written_two_ways_is_listed_once() -> None:
    a = "Hollis R. Vantongeren led the study."
    b = "Hollis Van Tongeren led it. Van Tongeren said so."
    kept = tuple(
        FactLink(
            "person",
            _at(a, "Hollis R. Vantongeren", 0, "person"),
            _at(b, w, 1, "person"),
            "",
            "spelling",
        )
        for w in ("Hollis Van Tongeren", "Van Tongeren said")
    )
    c = replace(
        _independent(),
        documents=(Document("a", a), Document("b", b)),
        facts=FactDiff(0, 1, kept=kept),
    )
    lines = render_text(c).splitlines()
    assert (
        "  kept in another spelling (1): Hollis R. Vantongeren → Hollis Van Tongeren, Van Tongeren said"
        in lines
    )


def test_an_independent_pair_sharing_many_figures_says_so() -> None:
    from dataclasses import replace

    from textlineage.report.context import direction_note

    c = _independent()
    assert "repeats" not in direction_note(c)
    words = ["North Shore", "10", "snow", "inches"]
    kinds = ["place", "number", "number", "number"]
    kept = tuple(
        FactLink(k, _at(_A, w, 0, k), _at(_B, w, 1, k)) for w, k in zip(words, kinds, strict=True)
    )
    three = replace(c, facts=replace(c.facts, kept=kept))  # a place is no figure: three
    assert "repeats" not in direction_note(three)
    four = replace(three, facts=replace(c.facts, kept=(*kept, kept[1])))
    note = direction_note(four)
    assert note.startswith("No reuse found") and "B repeats 4 of A's figures" in note
