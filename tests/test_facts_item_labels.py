"""A number that names an item of a document ("Motion 3", "Appendix 2") is no quantity
(:mod:`textlineage.facts.item_labels`): a rewrite that leaves the label out has dropped
no number; a longer reference and a law's part stay facts."""

from __future__ import annotations

from facts_lines import values
from textlineage.facts import diff_facts


def test_an_agenda_items_number_is_no_number() -> None:
    text = (
        "Motion 3, to sell the old boathouse, was carried with 84 votes. Appendix 2 lists the bids."
    )
    found = values(text)
    assert "3" not in found and "2" not in found and "Motion" not in found
    assert "84 votes" in found


def test_a_rewrite_leaving_the_items_number_out_drops_nothing() -> None:
    source = "Motion 3, to sell the old boathouse, was carried with 84 votes."
    derived = "Members voted to sell the old boathouse, with 84 votes in favour."
    d = diff_facts(source, derived, source_doc=0, derived_doc=1)
    assert not [f.text for f in d.dropped if f.kind == "number"]


def test_a_longer_reference_and_a_laws_part_stay_facts() -> None:
    found = values("Clause 2(1) was struck out, and the firm filed under Chapter 11.")
    assert any("2" in v for v in found)
    assert any("11" in v for v in found)
