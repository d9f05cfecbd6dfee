"""A list of bare small numbers is one fact (facts.sequences): dropped once, kept whole."""

from __future__ import annotations

from facts_lines import values
from textlineage import Document, compare

DRAW = (
    "A nurse from Brackwick who chose 3, 14, 19, 27, 33 and 48 on her ticket has won the "
    "weekly draw, the island lottery said on Tuesday, and will collect her prize today."
)
PLAIN = (
    "A nurse from Brackwick has won the weekly draw, the island lottery said on Tuesday, "
    "and will collect her prize today."
)


def test_a_list_of_drawn_numbers_is_one_fact() -> None:
    found = values(DRAW)
    assert "3, 14, 19, 27, 33 and 48" in found
    assert "14" not in found and "48" not in found


def test_numbers_with_a_unit_after_them_stay_counts() -> None:
    found = values("The pupils scored 5, 12, 26, 31 and 44 points in the five rounds.")
    assert "5" in found and "44 points" in found


def test_a_dropped_list_is_one_dropped_fact_and_a_kept_one_is_kept() -> None:
    dropped = compare(Document("a", DRAW), Document("b", PLAIN)).facts.dropped
    assert [f.text for f in dropped if f.kind == "number"] == ["3, 14, 19, 27, 33 and 48"]
    kept = compare(Document("a", DRAW), Document("b", DRAW)).facts
    assert not [f for f in (*kept.dropped, *kept.added) if f.kind == "number"]
