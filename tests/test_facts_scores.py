"""A match's score or a vote's tally is one fact (:mod:`textlineage.facts.scores`); a short
weekday before a date is part of it, and a day without its year falls in its text's year
(:mod:`textlineage.facts.weekdays`)."""

from __future__ import annotations

import pytest

from test_facts_clauses import _facts
from textlineage.facts import extract_facts
from textlineage.facts.extract import analysed
from textlineage.facts.match_values import _may_pair, _unit_compat


def _numbers(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.value) for f in extract_facts(text, language="en") if f.kind == "number"]


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("The Hawks held off Millbrook 71-66 on Friday night.", ("71-66", "score:71-66")),
        ("Twice behind, twice level: 3-2 Vale, and the record is gone.", ("3-2", "score:3-2")),
        ("Rovers lost 2–4 at home on Saturday.", ("2–4", "score:2-4")),
        ("It was a 1-3 defeat for the champions.", ("1-3", "score:1-3")),
        ("The motion was carried 5/2 after a long debate.", ("5/2", "score:5-2")),
        ("The committee voted four to one to hold the rate.", ("four to one", "score:4-1")),
    ],
)
def test_a_score_or_a_tally_is_one_fact(text: str, score: tuple[str, str]) -> None:
    assert _numbers(text) == [score]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Prices were 4–6% higher than last year.", ["4-6"]),
        ("The course is for people aged 16-25 in the town.", ["16-25"]),
        ("The shop is open 9–5 on weekdays.", ["9", "5"]),
        ("Odds were 14/1 on the morning of the race.", ["14", "1"]),
    ],
)
def test_ranges_shares_hours_and_odds_are_no_scores(text: str, values: list[str]) -> None:
    assert [v for _, v in _numbers(text)] == values


def test_a_changed_score_is_one_change() -> None:
    fd = _facts(
        "In the grand final on Sunday, Kelana Raptors defeated Manila Tide 4–2 in front of a "
        "sold-out crowd of 6,400.",
        "In the grand final on Sunday, Kelana Raptors beat Manila Tide 4–1 in front of a "
        "sold-out crowd of 6,400.",
    )
    assert [(k.source.text, k.derived.text) for k in fd.changed] == [("4–2", "4–1")]
    assert not [f for f in fd.added if f.kind == "number"]
    assert not [f for f in fd.dropped if f.kind == "number"]


def test_a_score_pairs_with_a_score_only() -> None:
    """A score is no count: a number alone elsewhere ("Teams: 12") is never its old value."""
    text = "Raptors defeated Manila Tide 4–2, then 4–1, with 12 teams in all."
    found = {it.fact.text: it for it in analysed(text, 0, "en")}
    a, b, n = found["4–2"], found["4–1"], found["12 teams"]
    assert _unit_compat(a, b) and _may_pair(a, b, None)
    assert not _unit_compat(n, b) and not _may_pair(n, b, None)


def test_a_short_weekday_before_a_date_is_part_of_it() -> None:
    """ "Mon, 2 Feb 2032": the weekday's short form joins its date, no name "Mon"."""
    got = [
        (f.kind, f.text) for f in extract_facts("Reopens Tue, 3 Feb 2032 at 9am.", language="en")
    ]
    assert ("date", "Tue, 3 Feb 2032") in got and not any(t == "Tue" for _, t in got)
    fd = _facts(
        "The market reopens on Monday, 2 February 2032 after repairs to the roof and drains.",
        "The market reopens on Mon, 2 Feb 2032 after repairs to the roof and drains.",
    )
    assert not fd.changed and not fd.added and not fd.dropped


def test_a_day_without_its_year_given_by_its_weekday() -> None:
    """ "on 28 November" in a text dated "27 November 2031" is a Friday: "on Friday" is
    that day made less specific."""
    fd = _facts(
        "The vessel was detained on 27 November 2031 off the coast. The ambassador was "
        "summoned to the ministry on 28 November, where officials protested.",
        "The vessel was detained on Thursday off the coast. The ambassador was summoned "
        "to the ministry on Friday, where officials protested.",
    )
    changed = [(k.source.text, k.derived.text) for k in fd.changed if k.kind == "date"]
    assert ("28 November", "Friday") in changed
    assert "28 November" not in [f.text for f in fd.dropped]
