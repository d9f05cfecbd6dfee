"""Names left unmatched that are no new facts (facts.match_name_changes): the other text
states them too, in a longer name or in lower case (a bracketed alias is the leftover
pairing's); a doubled letter is a spelling; one name cut in two is reported once."""

from __future__ import annotations

from textlineage import Document, compare
from textlineage.types import FactDiff

SHARED = (
    "The inquiry heard evidence from engineers, residents and council officers over "
    "three weeks in the spring, and its report is due to be published in the autumn."
)


def _facts(source: str, derived: str) -> FactDiff:
    c = compare(Document("a", f"{source}\n\n{SHARED}\n"), Document("b", f"{derived}\n\n{SHARED}\n"))
    assert c.passages
    return c.facts


def _left(fd: FactDiff) -> tuple[list[str], list[str]]:
    names = ("person", "place", "organisation", "entity")
    return (
        [f.text for f in fd.added if f.kind in names],
        [f.text for f in fd.dropped if f.kind in names],
    )


def test_a_doubled_letter_is_a_spelling_not_two_people() -> None:
    fd = _facts(
        "The sculptor Anneke de Wolf was born in Leiden. De Wolf studied in Paris.",
        "The sculptor Anneke de Wolff was born in Leiden. De Wolff studied in Paris.",
    )
    assert _left(fd) == ([], [])
    assert ("Anneke de Wolf", "Anneke de Wolff", "spelling") in [
        (k.source.text, k.derived.text, k.label) for k in fd.kept
    ]


def test_a_name_the_other_text_holds_in_a_longer_name_or_in_lower_case() -> None:
    fd = _facts(
        "The plan was approved by a vote in the House of Lords on Monday. Buses on route 12 "
        "will be the first to change.",
        "Lords approve the plan\n\nThe plan was approved by a vote in the House of Lords on "
        "Monday. Route 12 will be the first to change.",
    )
    assert _left(fd) == ([], [])


def test_an_organisation_named_by_its_bracketed_alias_is_neither_added_nor_dropped() -> None:
    fd = _facts(
        "The study was paid for by the International Energy Agency (IEA) and took two years.",
        "The study was paid for by the IEA and took two years.",
    )
    assert _left(fd) == ([], [])


def test_a_name_cut_at_brackets_or_at_and_is_dropped_once() -> None:
    fd = _facts(
        "Under the Clean Rivers (Water Quality) Act, the Northern Coastal Survey and "
        "Research Institute will take samples every week.",
        "Under a new law, samples will be taken every week.",
    )
    _, dropped = _left(fd)
    assert dropped == [
        "Clean Rivers (Water Quality) Act",
        "Northern Coastal Survey and Research Institute",
    ]


def test_said_finds_whole_words_only() -> None:
    from textlineage.facts.org_names import said

    other = "The Harbour Board met; harbourmasters and the BOARD chair spoke."
    assert said("Harbour Board", other)
    assert not said("Harbour", "Harbourmasters met.")  # part of a word
    assert not said("board", other) and said("board", other, ignore_case=True)
    assert said("chair", other) and not said("", other)
    assert said("Café", "Le Café, open daily") and not said("Caf", "Le Café")
