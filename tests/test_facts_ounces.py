"""A weight in ounces converted to grams is the same weight, kept."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts


def test_ounces_converted_to_grams_are_kept() -> None:
    d = diff_facts(
        "The new kettle weighs 12 ounces and boils in three minutes.",
        "The kettle, at 340 grams, boils in three minutes.",
        source_doc=0,
        derived_doc=1,
    )
    assert ("12 ounces", "340 grams") in [(k.source.text, k.derived.text) for k in d.kept]
    assert not d.added and not d.dropped
