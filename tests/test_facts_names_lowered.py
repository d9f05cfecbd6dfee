"""A name of dictionary words that the other text writes in lower case is the same thing
called by its common words (:mod:`textlineage.facts.names_lowered`), neither added nor
dropped; a name the other text leaves out is still dropped."""

from __future__ import annotations

from textlineage.facts import diff_facts

SOURCE = (
    "The Boathouse Trust said the Members' Safety Handbook was approved with 71 per cent "
    "of votes, after the Rowing Club asked for it to be finished by the summer."
)


def _dropped(derived: str) -> list[str]:
    d = diff_facts(SOURCE, derived, source_doc=0, derived_doc=1)
    return [f.text for f in d.dropped]


def test_a_defined_name_written_in_lower_case_is_not_dropped() -> None:
    derived = (
        "The trust said 71 per cent of votes approved the safety handbook, after the "
        "Rowing Club asked for it to be finished by the summer."
    )
    assert "Safety Handbook" not in _dropped(derived)


def test_a_name_left_out_is_still_dropped() -> None:
    derived = (
        "The trust said 71 per cent of votes approved the new rules, after the Rowing "
        "Club asked for them to be finished by the summer."
    )
    assert "Safety Handbook" in _dropped(derived)
