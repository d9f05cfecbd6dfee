"""A time of day whose hedge is dropped or added is a change of strength, not kept."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(src: str, der: str) -> FactDiff:
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    return diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))


def _times(d: FactDiff) -> list[tuple[str, str, str]]:
    return [(c.source.text, c.derived.text, c.detail) for c in d.changed if c.kind == "date"]


def test_a_bound_on_a_time_dropped() -> None:
    d = _diff(
        "The lido stays closed till at least 5pm, the keeper said.",
        "The lido stays closed till 5pm, the keeper said.",
    )
    assert _times(d) == [("at least 5pm", "5pm", "qualifier_dropped")]


def test_an_approximate_time_given_exactly_and_a_hedge_after_the_time() -> None:
    d = _diff(
        "The hikers left the hut at about 07:35 and reached the col by noon.",
        "The hikers left the hut at 7.35am and reached the col by noon.",
    )
    assert _times(d) == [("about 07:35", "7.35am", "qualifier_dropped")]
    d = _diff(
        "Ballots must arrive by 9am on Tuesday.",
        "Ballots must arrive by 9am at the latest on Tuesday.",
    )
    assert _times(d) == [("9am", "9am at the latest", "qualifier_added")]


def test_two_hedges_of_one_meaning_keep_the_time() -> None:
    d = _diff(
        "The parade sets off at around 11.40am from the quay.",
        "The parade sets off at about 11.40am from the quay.",
    )
    assert not _times(d)
    assert "11.40am" in [k.derived.text for k in d.kept]


def test_a_hedge_of_habit_before_a_number_dropped() -> None:
    d = _diff(
        "Crossings take generally between 40 and 55 minutes in calm weather.",
        "Crossings take between 40 and 55 minutes in calm weather.",
    )
    changed = [(c.source.text, c.derived.text, c.detail) for c in d.changed]
    assert any(s.startswith("generally between 40") for s, _, _ in changed)


def test_hedges_of_habit_of_one_meaning_keep_the_time() -> None:
    d = _diff(
        "Repairs to the footbridge will take place, usually from 8am, on weekdays.",
        "Repairs to the footbridge will take place, normally from 8am, on weekdays.",
    )
    assert not _times(d)


def test_an_approximate_time_told_as_shortly_before_the_hour_keeps_the_time() -> None:
    d = _diff(
        "The tram left the depot at about 9.50pm and reached the terminus an hour later.",
        "The tram left the depot shortly before 10pm and reached the terminus an hour later.",
    )
    assert not _times(d)
    assert ("9.50pm", "10pm") in [(k.source.text, k.derived.text) for k in d.kept]
