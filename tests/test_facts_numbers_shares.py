"""Numbers written as shares, multiples, measures in parts and weekdays (issue 12): what
they read as, and how the diff pairs them. The texts are made up for these tests."""

from __future__ import annotations

import pytest

from textlineage.facts import diff_facts, extract_facts
from textlineage.types import FactDiff, Passage


def _whole(a: str, b: str) -> tuple[Passage, ...]:
    """One passage over both texts: they say the same thing."""
    return (Passage("paraphrase", 0.8, (((0, len(a)),), ((0, len(b)),))),)


def _diff(a: str, b: str, passage: bool = True) -> FactDiff:
    return diff_facts(a, b, source_doc=0, derived_doc=1, passages=_whole(a, b) if passage else ())


def _values(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.value) for f in extract_facts(text, language="en") if f.kind == "number"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Roughly a third of the orchards failed.", [("Roughly a third", "33.33")]),
        ("One in four voters stayed home.", [("One in four", "25")]),
        ("Prices have tripled since spring.", [("tripled", "3")]),
        ("Two-thirds of members agreed.", [("Two-thirds", "66.67")]),
        (
            "She ran it in 3 hours 5 minutes 9 seconds.",
            [("3 hours 5 minutes 9 seconds", "3:05:09")],
        ),
        ("The trail is 12km long and it was 30C.", [("12km", "12"), ("30C", "30")]),
        ("He served four years and six months.", [("four years and six months", "4.5")]),
    ],
)
def test_shares_multiples_and_measures_read_as_one_number(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    "text",
    ["She began a third term in May.", "It happened in the second half.", "A quarter-final."],
)
def test_ordinals_are_no_shares(text: str) -> None:
    assert _values(text) == []


def test_a_share_and_a_percentage_are_one_value() -> None:
    d = _diff("Sales fell by a fifth last year.", "Sales fell by 20 per cent last year.")
    assert [(k.source.text, k.derived.text) for k in d.kept] == [("a fifth", "20 per cent")]
    assert d.changed == () and d.added == () and d.dropped == ()


@pytest.mark.parametrize(
    ("src", "der", "pair"),
    [
        ("Nearly half the roads flooded.", "Half the roads flooded.", ("Nearly half", "Half")),
        (
            "Traffic more than tripled in May.",
            "Traffic tripled in May.",
            ("more than tripled", "tripled"),
        ),
    ],
)
def test_a_qualifier_dropped_from_a_share_or_multiple_is_a_change(
    src: str, der: str, pair: tuple[str, str]
) -> None:
    d = _diff(src, der)
    assert [(c.source.text, c.derived.text, c.label) for c in d.changed] == [(*pair, "strength")]


def test_a_share_changed_in_value() -> None:
    d = _diff("Fares rose by a quarter.", "Fares rose by half.")
    assert [(c.source.text, c.derived.text, c.label) for c in d.changed] == [
        ("a quarter", "half", "value")
    ]


def test_one_count_under_another_noun_is_kept() -> None:
    d = _diff("The storm closed 14 harbours overnight.", "The storm closed 14 ports overnight.")
    assert d.changed == () and d.added == () and d.dropped == ()
    assert [(k.source.text, k.derived.text, k.label) for k in d.kept] == [
        ("14 harbours", "14 ports", "noun")
    ]


def test_one_measure_in_another_unit_is_kept() -> None:
    d = _diff("The debate lasted two days.", "The debate lasted 48 hours.")
    assert d.changed == () and d.added == () and d.dropped == ()


def test_numbers_of_unrelated_nouns_are_not_paired() -> None:
    d = _diff(
        "The firm owns 12 per cent of the port and has 40 cranes.",
        "The firm runs 55 trucks and employs 900 staff.",
    )
    assert d.changed == ()


def test_a_count_changed_in_the_same_place_is_paired() -> None:
    d = _diff(
        "She called the office on 31 occasions in May.", "She called the office 30 times in May."
    )
    assert [(c.source.text, c.derived.text) for c in d.changed] == [("31 occasions", "30 times")]


def test_a_measure_rounded_into_another_unit_is_a_change() -> None:
    d = _diff("The ferry was 55 seconds late.", "The ferry was almost a minute late.")
    assert [(c.source.text, c.derived.text) for c in d.changed] == [
        ("55 seconds", "almost a minute")
    ]


def test_a_change_told_twice_is_reported_once() -> None:
    src = "Club sold for £8.3 million\n\nThe club was sold for £8.3 million pounds to fans."
    der = "Club sold for £8 million\n\nThe club was sold for £8 million pounds to fans."
    d = _diff(src, der)
    assert len([c for c in d.changed if c.kind == "number"]) == 1


def test_over_a_duration_may_mean_during() -> None:
    d = _diff(
        "Over six years, the team will map the coast.", "The six-year project will map the coast."
    )
    assert d.changed == () and d.added == () and d.dropped == ()


def test_a_date_reduced_to_its_weekday_is_less_specific() -> None:
    d = _diff(
        "Ferries stop on Tuesday 4 March after talks failed.",
        "Ferries stop on Tuesday after talks failed.",
    )
    assert [(c.source.text, c.derived.text, c.label) for c in d.changed] == [
        ("Tuesday 4 March", "Tuesday", "specificity")
    ]


def test_a_weekday_alone_is_neither_added_nor_dropped() -> None:
    d = _diff("Talks resumed on Monday.", "Talks resumed.")
    assert d.dropped == ()


def test_a_vague_quantity_made_specific_outside_passages() -> None:
    d = _diff(
        "Rain fell all week, and hundreds lost power across the valley.",
        "Officials said 400 homes lost power.",
        passage=False,
    )
    assert [(c.source.text, c.derived.text, c.detail) for c in d.changed] == [
        ("hundreds", "400 homes", "vague_to_specific")
    ]


def test_counts_of_other_nouns_are_not_paired_outside_passages() -> None:
    d = _diff(
        "In May, 120 homes lost power.", "Officials said 400 homes lost power.", passage=False
    )
    assert [(c.source.text, c.derived.text) for c in d.changed] == [("120 homes", "400 homes")]
    d = _diff("In May, 120 beds were free.", "Officials said 400 homes lost power.", passage=False)
    assert d.changed == ()


def test_runner_up_is_second_place() -> None:
    d = _diff("Okafor finished second in Lagos.", "Okafor was runner-up in Lagos.")
    assert d.changed == () and d.added == () and d.dropped == ()


def test_a_rank_made_one_of_many_is_a_change_of_strength() -> None:
    d = _diff(
        "She posted the second-highest score in history.",
        "She posted one of the highest scores in history.",
    )
    assert [(c.source.text, c.label, c.detail) for c in d.changed] == [
        ("second-highest score", "strength", "degree")
    ]


def test_one_of_many_alone_is_no_fact() -> None:
    d = _diff("It is one of the oldest bridges in Wales.", "It is a bridge in Wales.")
    assert d.dropped == ()


def test_percentage_points_told_as_per_cent_are_a_change() -> None:
    src = "Turnout was 61.3 per cent, 4.1 percentage points higher than in 2027."
    der = "Turnout reached 61.3 per cent, up 4.1 per cent on 2027."
    d = _diff(src, der)
    assert [(c.source.text, c.derived.text, c.label) for c in d.changed] == [
        ("4.1 percentage points", "4.1 per cent", "value")
    ]
    assert not d.added and not d.dropped


def test_points_told_as_per_cent_beside_a_closer_share_are_paired_first() -> None:
    src = (
        "Annual growth was 4.9%, 1.1 percentage points higher than in March, when it stood "
        "at 1.8%. Lenders approved 61,200 mortgages."
    )
    der = "Growth surged by 1.1 per cent to 4.9%. Lenders approved 61,200 mortgages."
    d = _diff(src, der)
    assert ("1.1 percentage points", "1.1 per cent", "value") in [
        (c.source.text, c.derived.text, c.label) for c in d.changed
    ]
    assert "1.8%" in [f.text for f in d.dropped]
