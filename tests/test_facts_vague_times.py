"""A time given exactly on one side and only relative to the writing on the other
(:mod:`textlineage.facts.match_vague_times`): one time made less (or more) specific, not a
date dropped. The sentences are made up for these tests; no passages are given."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff


def _diff(a: str, b: str) -> FactDiff:
    return diff_facts(a, b, source_doc=0, derived_doc=1)


def _changed(d: FactDiff) -> dict[tuple[str, str], str]:
    return {(k.source.text, k.derived.text): k.label for k in d.changed}


def test_a_month_told_as_the_end_of_the_year_is_less_specific() -> None:
    d = _diff(
        "The council said the new library wing should open to readers by November 2031.",
        "The new library wing should open to readers by the end of the year, the council said.",
    )
    assert _changed(d).get(("November 2031", "by the end of the year")) == "specificity"
    assert not [f for f in d.dropped if f.kind == "date"]


def test_a_span_within_told_as_next_season_is_less_specific() -> None:
    d = _diff(
        "The ferry operator expects the refitted vessel to return within nine months.",
        "The ferry operator expects the refitted vessel to return next summer.",
    )
    assert _changed(d).get(("nine months", "next summer")) == "specificity"
    assert not [f for f in d.dropped if f.kind == "number"]


def test_this_month_is_no_relative_time_of_a_past_date() -> None:
    d = _diff(
        "The bakery was rated 3 at its last inspection in August 2029, the report said.",
        "The bakery was rated 1 at its inspection this month, the report said.",
    )
    assert not [k for k in d.changed if k.derived.text.endswith("this month")]


def test_a_part_of_a_year_told_relative_to_the_writing_is_less_specific() -> None:
    d = _diff(
        "The operator said the new tram depot would be finished by the end of 2031.",
        "The operator said the new tram depot would be finished by the end of next year.",
    )
    assert ("the end of 2031", "by the end of next year") in _changed(d)
    assert not [f for f in d.dropped if f.kind == "date"]


def test_a_full_date_told_as_last_weekend_is_less_specific() -> None:
    d = _diff(
        "The cup tie at Elmfield Park on Sunday 15 November 2026 was abandoned after a floodlight"
        " failure.",
        "Last weekend's cup tie at Elmfield Park was abandoned after a floodlight failure.",
    )
    assert _changed(d).get(("Sunday 15 November 2026", "Last weekend")) == "specificity"
    assert not [f for f in d.dropped if f.kind == "date"]


def test_a_date_told_as_yesterday_on_the_next_days_page_is_kept() -> None:
    d = _diff(
        "Published 9 May 2027\n\nThe jury at Harrowfield Crown Court convicted the forger on"
        " Tuesday 8 May 2027 after a two-week trial.",
        "The jury at Harrowfield Crown Court convicted the forger yesterday after a two-week"
        " trial.",
    )
    assert any(
        (k.source.text, k.derived.text) == ("Tuesday 8 May 2027", "yesterday") for k in d.kept
    )
    assert not [f for f in d.dropped if f.kind == "date"]
    assert not d.changed


def test_a_date_told_as_yesterday_days_off_the_page_is_less_specific() -> None:
    d = _diff(
        "The jury at Harrowfield Crown Court convicted the forger on Tuesday 8 May 2027 after a"
        " two-week trial.",
        "Posted 12 May 2027\n\nThe jury at Harrowfield Crown Court convicted the forger yesterday"
        " after a two-week trial.",
    )
    assert _changed(d).get(("Tuesday 8 May 2027", "yesterday")) == "specificity"


def test_a_day_told_as_last_month_is_less_specific() -> None:
    d = _diff(
        "The parish council approved the new allotment rules by a show of hands on 14 June.",
        "Published 3 July 2030\n\nThe parish council approved the new allotment rules last month.",
    )
    assert _changed(d).get(("14 June", "last month")) == "specificity"
    assert not [f for f in d.dropped if f.kind == "date"]


def test_a_month_told_as_next_month_on_a_page_of_that_month_is_another_month() -> None:
    d = _diff(
        "Open evenings on the new cycle lanes will be held at three village halls in October.",
        "Published 4 October 2030\n\nOpen evenings on the new cycle lanes will be held at"
        " village halls next month.",
    )
    assert _changed(d).get(("October", "next month")) == "value"


def test_a_month_alone_is_no_day_told_as_today() -> None:
    d = _diff(
        "Open evenings on the new cycle lanes will be held at three village halls in October.",
        "Open evenings on the new cycle lanes are being held at village halls today.",
    )
    assert not [k for k in (*d.changed, *d.kept) if k.derived.text == "today"]
