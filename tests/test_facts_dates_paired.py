"""Dates and times a rewrite changes or keeps in other words: a range of days naming
its month once, dates of different shapes moved, the year left unsaid, times on the
24-hour clock, spans whose first time takes the second's half of the day, and times
rounded in words. The sentences are made up for these tests; no passages are given."""

from __future__ import annotations

from textlineage.facts import diff_facts, extract_facts
from textlineage.types import FactDiff


def _diff(a: str, b: str) -> FactDiff:
    return diff_facts(a, b, source_doc=0, derived_doc=1)


def _dates(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.value or "") for f in extract_facts(text, 0) if f.kind == "date"]


def _pairs(links: object) -> set[tuple[str, str]]:
    return {(k.source.text, k.derived.text) for k in links}  # type: ignore[attr-defined]


def test_a_range_of_days_names_its_month_for_both_ends() -> None:
    assert _dates("The bridge is shut 8 to 23 February 2026.") == [
        ("8", "2026-02-08"),
        ("23 February 2026", "2026-02-23"),
    ]
    assert _dates("Open 3–14 March.") == [("3", "03-03"), ("14 March", "03-14")]


def test_a_range_of_days_naming_its_month_first_reads_its_last_day_as_a_date() -> None:
    assert _dates("Ferries sail on April 6 or 7, tides allowing.") == [
        ("April 6", "04-06"),
        ("7", "04-07"),
    ]
    assert _dates("Hold it 2 or 3 May.") == [("2", "05-02"), ("3 May", "05-03")]
    assert _dates("Shut Tuesday 4th to Thursday 6th May.") == [
        ("Tuesday 4", "05-04"),
        ("Thursday 6th May", "05-06"),
    ]
    assert _dates("On June 2 and 4 pupils left.") == [("June 2", "06-02")]
    d = _diff(
        "Bookings for June 11 and June 12 can be moved to any date up to June 20.",
        "If you booked for June 11 or 12, you can move it to any date up to June 21.",
    )
    assert _pairs(d.changed) == {("June 20", "June 21")}


def test_a_date_moved_with_its_year_left_out_is_one_change() -> None:
    d = _diff(
        "Engineers will close the line from Sunday 8 February to Monday 23 February 2026.",
        "Engineers are closing the line from 8 February until 22 February.",
    )
    assert ("Monday 23 February 2026", "22 February") in _pairs(d.changed)
    assert not [f for f in (*d.added, *d.dropped) if f.kind == "date"]


def test_a_month_and_year_against_a_year_moved_is_one_change() -> None:
    d = _diff(
        "The hedgerow scheme opened to farmers in April 2021 after a long consultation.",
        "Since the hedgerow scheme opened to farmers in 2020, little has been planted.",
    )
    assert ("April 2021", "2020") in _pairs(d.changed)


def test_times_on_the_24_hour_clock() -> None:
    assert _dates("Trains run between 07:00 and 09:00 daily.") == [
        ("between 07:00 and 09:00", "time:07:00-09:00")
    ]
    assert _dates("The road was closed until 11:00.") == [("11:00", "time:11:00")]
    assert _dates("She ran it in 2:05:33.") == []  # a duration, not a time of day


def test_a_span_whose_first_time_takes_the_second_half_of_the_day() -> None:
    assert _dates("Avoid the 7 to 9am rush.") == [("7 to 9am", "time:07:00-09:00")]
    assert _dates("Open 11 to 2pm.") == [("11 to 2pm", "time:11:00-14:00")]
    d = _diff("Extra buses run between 07:00 and 09:00.", "Buses run in the 7 to 9am rush.")
    assert ("between 07:00 and 09:00", "7 to 9am") in _pairs(d.kept)


def test_a_time_rounded_in_words_is_kept() -> None:
    d = _diff(
        "At 02:47 on Saturday the fire service received calls about a blaze.",
        "Crews were sent just before three o'clock this morning.",
    )
    assert ("02:47", "three o'clock") in _pairs(d.kept)


def test_a_time_span_made_parts_of_the_day() -> None:
    d = _diff(
        "The heaviest snow is likely between midnight and 9 AM, with rates of two inches "
        "an hour on the roads.",
        "The heaviest snow falls overnight into the morning, two inches an hour on the roads.",
    )
    assert ("between midnight and 9 AM", "overnight into the morning") in _pairs(d.changed)


def test_a_year_moved_among_two_years_is_the_one_said_alike() -> None:
    d = _diff(
        "The plan pays for a new swimming pool, due in 2027. It also funds a bus depot on "
        "the northern ring road, scheduled to open in 2028. Fares stay the same.",
        "Nobody mentions that the northern bus depot has been put off again, until 2029. "
        "Fares stay the same, we are told.",
    )
    assert _pairs(d.changed) == {("2028", "2029")}
    assert [f.text for f in d.dropped if f.kind == "date"] == ["2027"]


def test_a_month_alone_after_starting_or_effective_is_a_date() -> None:
    assert _dates("A stadium upgrade starting January; new fares effective April.") == [
        ("January", "01"),
        ("April", "04"),
    ]
    d = _diff("Work will begin in January 2032.", "A stadium upgrade, starting January.")
    assert {(k.source.text, k.derived.text, k.label) for k in d.changed} == {
        ("January 2032", "January", "specificity")
    }


def test_a_periods_code_is_no_name() -> None:
    facts = extract_facts("Prices rose 2% in Q1 2032 and FY2031 revenue fell; H2 is next.", 0)
    assert [(f.kind, f.text) for f in facts] == [("number", "2%"), ("date", "2032")]


def test_a_part_of_a_month_is_one_date() -> None:
    assert _dates("Repairs end in mid-April, the survey in the middle of June.") == [
        ("mid-April", "part:mid-04"),
        ("the middle of June", "part:mid-06"),
    ]
    assert _dates("Bids close in early March 2027.") == [("early March 2027", "part:early-2027-03")]
    d = _diff(
        "The lift reopens on 16 April, a month late.", "The lift is back in the middle of April."
    )
    assert {(k.source.text, k.derived.text, k.label) for k in d.changed} == {
        ("16 April", "the middle of April", "specificity")
    }
    d = _diff("Entries close on 30 June.", "Entries close at the end of June.")
    assert _pairs(d.kept) == {("30 June", "the end of June")}
    assert not d.changed


def test_a_time_restated_in_another_zone_is_kept() -> None:
    d = _diff(
        "The webinar starts at 5:30 p.m. GMT on Thursday.",
        "Tune in Thursday at 12:30 p.m. Eastern for the webinar.",
    )
    assert _pairs(d.kept) >= {("5:30 p.m. GMT", "12:30 p.m. Eastern")}
    assert not [k for k in d.changed if k.kind == "date"]
    d = _diff(
        "The webinar starts at 5:30 p.m. GMT on Thursday.",
        "Tune in Thursday at 2:30 p.m. Eastern for the webinar.",
    )
    assert ("5:30 p.m. GMT", "2:30 p.m. Eastern") not in _pairs(d.kept)
