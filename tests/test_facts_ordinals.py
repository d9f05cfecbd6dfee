"""Ordinals that count a run or a season's tally (:mod:`textlineage.facts.ordinals`): one
put for another is a number changed, though no noun follows them. The sentences are made
up for these tests; no passages are given."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff


def _diff(a: str, b: str) -> FactDiff:
    return diff_facts(a, b, source_doc=0, derived_doc=1)


def _changed(d: FactDiff) -> list[tuple[str, str, str]]:
    return [(k.source.text, k.derived.text, k.label) for k in d.changed]


def test_a_run_told_with_another_ordinal_is_a_value_changed() -> None:
    d = _diff(
        "The victory was the Otters' seventh in a row and lifted them to the top of the table.",
        "Otters make it eighth straight victory, top of the table.",
    )
    assert ("seventh in a row", "eighth straight", "value") in _changed(d)


def test_a_run_said_in_a_headline_and_the_story_is_one_count() -> None:
    d = _diff(
        "Otters Take Seventh Straight\n\nThe victory was the Otters' seventh in a row and"
        " lifted them to the top of the table.",
        "Otters make it eighth straight victory, top of the table.",
    )
    assert _changed(d) == [("seventh in a row", "eighth straight", "value")]


def test_a_seasons_tally_told_without_its_noun_is_a_value_changed() -> None:
    d = _diff(
        "Centre Ilka Rasmussen scored twice for her 11th brace of the season at the Dell.",
        "Ilka Rasmussen scored twice at the Dell, her 12th of the year.",
    )
    assert ("her 11th brace of the season", "her 12th of the year", "value") in _changed(d)


def test_runs_of_different_things_are_no_change() -> None:
    d = _diff(
        "Ferry fares rose for the third year running, and the harbour café closed.",
        "Brenton Rovers lost for the sixth straight week in the village league.",
    )
    assert not d.changed
