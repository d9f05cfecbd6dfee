"""Amounts and spans said casually or in working days: "bucks" are dollars, ten business
days are two weeks. The sentences are made up for these tests; no passages are given."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff


def _diff(a: str, b: str) -> FactDiff:
    return diff_facts(a, b, source_doc=0, derived_doc=1)


def _kept(d: FactDiff) -> set[tuple[str, str]]:
    return {(k.source.text, k.derived.text) for k in d.kept}


def test_bucks_are_dollars() -> None:
    d = _diff(
        "A season ticket to the aquarium now costs $65 for adults.",
        "Adults now pay sixty-five bucks for an aquarium season ticket.",
    )
    assert ("$65", "sixty-five bucks") in _kept(d)
    assert not d.changed


def test_fifteen_business_days_are_three_weeks() -> None:
    d = _diff(
        "Applicants will hear back within 15 business days of the interview.",
        "Applicants hear back within three weeks of the interview.",
    )
    assert ("15 business days", "three weeks") in _kept(d)
    assert not d.changed


def test_ten_working_days_are_not_ten_days() -> None:
    d = _diff(
        "The permit is issued within 10 working days of the request.",
        "The permit is issued within 10 days of the request.",
    )
    assert [(k.source.text, k.derived.text) for k in d.changed] == [("10 working days", "10 days")]


def test_a_full_score_out_of_its_total_is_the_score_with_a_slash() -> None:
    d = _diff(
        "The junior quiz team scored 10 out of 10 in the final round.",
        "In the final round the junior quiz team scored 10/10.",
    )
    assert ("10 out of 10", "10/10") in _kept(d)


def test_over_before_rounds_is_across_them_not_more_than() -> None:
    d = _diff(
        "The rally, run over three stages, was won by the Lindqvist crew.",
        "The Lindqvist crew won the rally, which had three stages.",
    )
    assert ("three stages", "three stages") in _kept(d)
    assert not d.changed


def test_one_additional_month_counts_months_and_is_a_month() -> None:
    d = _diff(
        "Volunteers get one additional month of leave for every five years of service.",
        "Volunteers get a month of leave for every five years of service.",
    )
    assert ("one additional month", "a month") in _kept(d)
    assert not d.dropped


def test_a_hedge_before_an_era_and_its_year_is_the_years() -> None:
    d = _diff(
        "Pottery on the site dates from about AD 420, the excavators said.",
        "The excavators date the site's pottery to roughly 420 AD.",
    )
    assert not d.changed
