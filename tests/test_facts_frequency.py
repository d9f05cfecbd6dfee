"""Frequencies (:mod:`textlineage.facts.frequency`): a count per span of time read whole
and compared by its rate. The sentences are made up for these tests."""

from __future__ import annotations

from fractions import Fraction

from textlineage.facts import diff_facts
from textlineage.facts.frequency import find_frequencies
from textlineage.types import FactDiff, Passage


def _diff(a: str, b: str) -> FactDiff:
    ps = (Passage("paraphrase", 0.8, (((0, len(a)),), ((0, len(b)),))),)
    return diff_facts(a, b, source_doc=0, derived_doc=1, passages=ps)


def _rates(text: str) -> list[tuple[str, Fraction]]:
    return [(text[a:b], r * 604800) for (a, b), r in find_frequencies(text)]


def test_frequencies_are_read_as_times_a_week() -> None:
    assert _rates("Buses run twice weekly.") == [("twice weekly", 2)]
    assert _rates("Buses run three times a week.") == [("three times a week", 3)]
    assert _rates("Buses run every 7 days.") == [("every 7 days", 1)]
    assert _rates("Buses run once every two weeks.") == [("once every two weeks", Fraction(1, 2))]
    assert _rates("Buses run every other day.") == [("every other day", Fraction(7, 2))]


def test_a_count_or_a_span_alone_is_no_frequency() -> None:
    assert find_frequencies("He tried three times and waited 3 days.") == []


def test_a_frequency_changed_is_one_change_of_value() -> None:
    d = _diff(
        "The recycling bins are emptied twice weekly in the old market square.",
        "The recycling bins are emptied three times a week in the old market square.",
    )
    assert [(c.source.text, c.derived.text, c.label) for c in d.changed] == [
        ("twice weekly", "three times a week", "value")
    ]
    assert d.added == () and d.dropped == ()


def test_a_span_that_recurs_made_a_count_per_week() -> None:
    d = _diff(
        "Volunteers checked the otter traps every 3 days along the river bank.",
        "Volunteers checked the otter traps once a week along the river bank.",
    )
    assert [(c.source.text, c.derived.text) for c in d.changed] == [("every 3 days", "once a week")]
    assert d.added == () and d.dropped == ()


def test_the_same_rate_written_otherwise_is_kept() -> None:
    d = _diff(
        "The mobile library visits the hamlet every other day in summer.",
        "The mobile library visits the hamlet every two days in summer.",
    )
    assert d.changed == () and d.added == () and d.dropped == ()
    assert [(k.source.text, k.derived.text) for k in d.kept if k.source.value == "frequency"] == [
        ("every other day", "every two days")
    ]


def test_an_adverb_alone_keeps_a_rate_but_changes_none() -> None:
    d = _diff(
        "The book bus keeps to its weekly round of the hill farms.",
        "The book bus still calls at the hill farms every seven days.",
    )
    assert [(k.source.text, k.derived.text) for k in d.kept] == [("weekly", "every seven days")]
    assert not d.added and not d.dropped and not d.changed
    assert _rates("Trams run half-hourly.") == []
    d = _diff(
        "The weekly market opens at the quay every 10 days in summer.",
        "The weekly market opens at the quay every 10 days in summer.",
    )
    assert not d.changed
