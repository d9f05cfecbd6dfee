"""A bare year the derived text still writes is not a dropped fact."""

from __future__ import annotations

from textlineage.facts import diff_facts


def _diff(source: str, derived: str):  # type: ignore[no-untyped-def]
    return diff_facts(source, derived, source_doc=0, derived_doc=1)


def test_a_repeated_year_retold_once_is_not_dropped() -> None:
    d = _diff(
        "The council adopted the plan in March 2030. In 2030 it also closed two libraries.",
        "The council adopted the plan in March 2030 and closed two libraries.",
    )
    assert [f.text for f in d.dropped if f.kind == "date"] == []


def test_a_year_the_derived_text_never_writes_is_still_dropped() -> None:
    d = _diff(
        "The bridge opened in 1957. It carries 40,000 cars a day.",
        "The bridge carries 40,000 cars a day.",
    )
    assert [f.text for f in d.dropped if f.kind == "date"] == ["1957"]


def test_a_year_inside_a_longer_number_does_not_count() -> None:
    d = _diff(
        "The bridge opened in 1957. It carries 40,000 cars a day.",
        "The bridge carries 40,000 cars a day, 11957 on Sundays.",
    )
    assert [f.text for f in d.dropped if f.kind == "date"] == ["1957"]
