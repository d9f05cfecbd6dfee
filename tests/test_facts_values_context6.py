"""Numbers, times and measures paired by what is said around them when both are left
over (one dropped, one added). The sentences are made up for these tests."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff


def _diff(a: str, b: str) -> FactDiff:
    return diff_facts(a, b, source_doc=0, derived_doc=1)


def _pairs(links: object) -> set[tuple[str, str]]:
    return {(k.source.text, k.derived.text) for k in links}  # type: ignore[attr-defined]


def test_a_measure_in_other_units_in_a_sentence_saying_the_same_is_changed() -> None:
    d = _diff(
        "The museum opened a new wing in spring. "
        "Repairs to the organ will be finished within 10 days of the concert.",
        "A new wing opened this spring. Organ repairs will be finished within two weeks.",
    )
    assert ("10 days", "two weeks") in _pairs(d.changed)
    assert not {f.text for f in (*d.added, *d.dropped)} & {"10 days", "two weeks"}


def test_a_measure_in_a_sentence_about_something_else_stays_apart() -> None:
    d = _diff(
        "Repairs to the organ will be finished within 10 days of the concert.",
        "Repairs to the organ are done. The choir rehearsed for two weeks in a barn.",
    )
    assert ("10 days", "two weeks") not in _pairs(d.changed)


def test_small_masses_written_short_or_in_full_are_one_measure() -> None:
    d = _diff(
        "Each can of the drink holds 32 mg of caffeine, the label says.",
        "The label says each can holds 23 milligrams of caffeine.",
    )
    assert ("32 mg", "23 milligrams") in _pairs(d.changed)
    same = _diff(
        "Each can of the drink holds 32 mg of caffeine, the label says.",
        "The label says each can holds 32 milligrams of caffeine.",
    )
    assert not same.changed and not same.added and not same.dropped


def test_the_end_of_a_span_of_time_moved_beside_its_kept_start() -> None:
    d = _diff(
        "Market hours: open from 08:00 on Sunday until 16:00 on Sunday.",
        "Traders say stalls are up from 8am on Sunday until 5pm, rain or shine.",
    )
    assert ("16:00", "5pm") in _pairs(d.changed)


def test_a_time_far_from_the_one_left_over_stays_apart() -> None:
    d = _diff(
        "Market hours: open from 08:00 on Sunday until 16:00 on Sunday.",
        "Traders say stalls are up from 8am on Sunday until 11pm, rain or shine.",
    )
    assert ("16:00", "11pm") not in _pairs(d.changed)


def test_a_range_with_its_unit_at_both_ends_is_one_range() -> None:
    d = _diff(
        "Between 15 and 25 cm of snow settled on the pass overnight.",
        "Between 15cm and 25cm of snow settled on the pass overnight.",
    )
    assert not d.changed and not d.added and not d.dropped
    d = _diff(
        "Between 15 and 25 km of the coast path was closed.",
        "Between 15 km and 25 km of the coast path was closed.",
    )
    assert not d.changed and not d.added and not d.dropped


def test_a_range_of_percentages_narrowed_to_one_end_is_one_change() -> None:
    d = _diff(
        "Ticket prices will rise by between 4% and 9% next spring.",
        "Ticket prices will rise by 9% next spring.",
    )
    assert ("between 4% and 9%", "9%") in _pairs(d.changed)
    assert not d.dropped


def test_as_long_as_before_a_length_of_time_bounds_it_as_up_to_does() -> None:
    d = _diff(
        "The kettle stays warm for up to six hours after boiling.",
        "The kettle stays warm for as long as 6 hours after boiling.",
    )
    assert not d.changed and not d.added and not d.dropped
    d = _diff(
        "The club admits guests as long as two members sign them in.",
        "The club admits guests if two members sign them in.",
    )
    assert not d.changed and not d.added and not d.dropped


def test_a_sum_in_cents_is_the_same_sum_in_dollars() -> None:
    d = _diff(
        "Each member pays a fee of $0.75 per visit. The gym opened last year.",
        "The gym opened last year. Members are charged 75 cents whenever they come in.",
    )
    assert ("$0.75", "75 cents") in _pairs(d.kept)
    assert not d.changed and not d.added and not d.dropped


def test_a_number_kept_by_value_from_another_statement_is_the_change_of_its_own() -> None:
    src = (
        "Ferry timetable for the strike day:\n"
        "- Oban to Mull: three sailings per day (normally six)\n"
        "- Oban to Lismore Island harbour: two sailings per day\n"
    )
    der = "Ferry times on the strike day:\n- Oban to Lismore Island harbour: three sailings a day\n"
    d = _diff(src, der)
    assert ("two sailings", "three sailings") in _pairs(d.changed)
    assert "three sailings" not in {k.source.text for k in d.kept}
