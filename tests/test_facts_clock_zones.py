"""A time of day told in another time zone is the same fact; a time moved, in one zone or
two, is a change."""

from __future__ import annotations

from textlineage.facts.clock_zones import in_universal, zone_after
from textlineage.facts.diff import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(src: str, der: str) -> FactDiff:
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    return diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))


def _times(src_time: str, der_time: str) -> tuple[list[str], list[str]]:
    d = _diff(
        f"The council's budget hearing opens at {src_time} on Friday.",
        f"The council's budget hearing opens at {der_time} on Friday.",
    )
    kept = [k.derived.text for k in d.kept if k.kind == "date" and k.derived.text != "Friday"]
    changed = [f"{c.source.text} → {c.derived.text}" for c in d.changed]
    assert not d.added and not d.dropped
    return kept, changed


def test_one_moment_in_two_zones_is_kept() -> None:
    assert _times("6:42 a.m. PST", "9:42 a.m. Eastern") == (["9:42 a.m. Eastern"], [])
    assert _times("3pm GMT", "10am ET") == (["10am ET"], [])
    assert _times("11:15 (CET)", "10:15 GMT") == (["10:15 GMT"], [])
    # the zone left out: the clock time as written
    assert _times("9:00 a.m. ET", "9:00 a.m.") == (["9:00 a.m."], [])


def test_a_span_of_hours_in_two_zones_is_kept() -> None:
    assert _times("from 9am to 6pm ET", "from 6am to 3pm Pacific") == (
        ["from 6am to 3pm Pacific"],
        [],
    )
    assert _times("from 9am to 6pm ET", "from 9am to 6pm PT") == (
        [],
        ["from 9am to 6pm ET → from 9am to 6pm PT"],
    )


def test_another_moment_is_a_change() -> None:
    assert _times("9:00 a.m. ET", "8:00 a.m. ET") == ([], ["9:00 a.m. ET → 8:00 a.m. ET"])
    assert _times("9am ET", "9am PT") == ([], ["9am ET → 9am PT"])


def test_zones_read_after_a_time_only() -> None:
    text = "Doors open at 7pm Central Time and at 8pm EDT; the CEO spoke at 9am."
    at = text.index("7pm") + 3
    assert zone_after(text, at) == ((-6.0, -5.0), text.index(" and"))
    assert zone_after(text, text.index("8pm") + 3) == ((-4.0,), text.index(";"))
    assert zone_after(text, text.index("9am") + 3) is None
    assert zone_after("at 5pm IST today", 6) is None  # India's or Ireland's: left alone
    assert in_universal("23:30", (-5.0,)) == "04:30Z"
    assert in_universal("00:30", (1.0,)) == "23:30Z"


def _read(text: str) -> list[tuple[str, str]]:
    from textlineage.facts.extract import extract_facts

    return [(f.text, f.value) for f in extract_facts(text, language="en") if f.kind == "date"]


def test_four_digits_before_the_universal_zone_are_a_time_not_a_year() -> None:
    read = _read("The zone is closed from 1800 UTC August 13 to 0300 UTC August 16, 2032.")
    assert ("1800 UTC", "time:18:00Z") in read and ("0300 UTC", "time:03:00Z") in read
    assert ("1999", "1999") in _read("In 1999 the town grew.")
    assert ("2023", "2023") in _read("In 2023 GMT was the default zone.")


def test_a_24_hour_time_with_its_zone_needs_no_word_before_it() -> None:
    read = _read("The window runs (12:00 MDT Friday, August 13 to 21:00 MDT Sunday, August 15).")
    assert ("12:00 MDT", "time:18:00Z") in read and ("21:00 MDT", "time:03:00Z") in read
    assert not _read("The score was 12:00 at half time.")


def test_a_time_after_a_dates_day_is_read_alone() -> None:
    assert ("9 p.m.", "time:21:00") in _read("It runs from Friday, August 13 until 9 p.m. daily.")
    assert _diff(
        "The zone is closed from August 13 until 9 p.m. on Sunday.",
        "The zone is closed from August 13 until 10 p.m. on Sunday.",
    ).changed


def test_a_zone_left_open_agrees_with_a_summer_zone() -> None:
    # "Eastern" in summer is Eastern Daylight Time: 5:30 CDT is 6:30 Eastern
    assert _times("5:30 a.m. CDT", "6:30 a.m. Eastern") == (["6:30 a.m. Eastern"], [])
    assert _times("6:30 a.m. Eastern", "5:30 a.m. CDT") == (["5:30 a.m. CDT"], [])
    # never by the open zone's standard moment against a summer zone
    assert _times("6:30 a.m. CDT", "6:30 a.m. Eastern") == (
        [],
        ["6:30 a.m. CDT → 6:30 a.m. Eastern"],
    )
    # ... and still with a winter zone at the standard offset
    assert _times("5:30 a.m. CST", "6:30 a.m. Eastern") == (["6:30 a.m. Eastern"], [])
    # two summer zones, or two zones left open, are read in one season
    assert _times("5:30 a.m. CDT", "5:30 a.m. EDT") == ([], ["5:30 a.m. CDT → 5:30 a.m. EDT"])
    assert _times("5:30 a.m. Central", "5:30 a.m. Eastern") == (
        [],
        ["5:30 a.m. Central → 5:30 a.m. Eastern"],
    )


def test_a_time_to_the_second_is_the_same_minute() -> None:
    assert _times("03:47:12 AM", "3:47 AM") == (["3:47 AM"], [])
    assert _times("10:15:30 p.m.", "10:20 p.m.") == ([], ["10:15:30 p.m. → 10:20 p.m."])
