"""A unit of time after "another" and a qualifier ("up to another week") is one such
unit, hedged: a length of time like "up to a week"."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts


def test_up_to_another_week_is_a_length_added() -> None:
    d = diff_facts(
        "The striker hurt his knee in training on Friday.",
        "The striker hurt his knee in training on Friday and could be out for up to another week.",
        source_doc=0,
        derived_doc=1,
    )
    assert [f.text for f in d.added if f.kind == "number"] == ["up to another week"]


def test_another_without_a_qualifier_or_cue_is_no_length() -> None:
    d = diff_facts(
        "The club will review the pitch in spring.",
        "The club will review the pitch in spring, another year of waiting for fans.",
        source_doc=0,
        derived_doc=1,
    )
    assert not [f for f in d.added if f.kind == "number"]
