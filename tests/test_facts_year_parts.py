"""A year said with its half or quarter on one side and alone on the other
(:mod:`textlineage.facts.year_parts`), and a whole share said in a word
(:mod:`textlineage.facts.whole_words`), with seasons and times read as dates. The
sentences are made up for these tests."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(a: str, b: str) -> FactDiff:
    ps = (Passage("paraphrase", 0.8, (((0, len(a)),), ((0, len(b)),))),)
    return diff_facts(a, b, source_doc=0, derived_doc=1, passages=ps)


def _dates(d: FactDiff) -> list[tuple[str, str, str, str]]:
    return [
        (c.source.text, c.derived.text, c.label, c.detail) for c in d.changed if c.kind == "date"
    ]


def test_a_half_year_made_the_year() -> None:
    d = _diff(
        "The ferry operator will open a second route in the second half of 2027.",
        "The ferry operator will open a second route in 2027.",
    )
    assert _dates(d) == [("second half of 2027", "2027", "specificity", "less_specific")]


def test_a_year_made_a_quarter_and_its_code_is_no_name() -> None:
    d = _diff("Output at the mill fell in 2023.", "Output at the mill fell in Q3 2023.")
    assert _dates(d) == [("2023", "Q3 2023", "specificity", "more_specific")]
    assert d.added == ()


def test_a_quarter_said_both_ways_is_kept() -> None:
    d = _diff(
        "Exports in the third quarter of 2025 rose at the port.",
        "Exports in the July–September quarter of 2025 rose at the port.",
    )
    assert _dates(d) == []


def test_a_whole_share_said_in_a_word_is_kept() -> None:
    d = _diff(
        "The new depot runs on 100 percent renewable power, the operator said.",
        "The depot runs on entirely renewable power.",
    )
    assert [(k.source.text, k.derived.text) for k in d.kept if k.kind == "number"] == [
        ("100 percent", "entirely")
    ]
    assert not any(f.kind == "number" for f in d.dropped)


def test_fall_is_autumn_where_it_is_a_season() -> None:
    from textlineage.facts import extract_facts

    assert [f.value for f in extract_facts("The firm moved its office last fall.", 0)] == [
        "season:autumn"
    ]
    assert extract_facts("Prices will fall next year.", 0) == []
    d = _diff(
        "The bakery opened a second shop on the quay in October 2025.",
        "The bakery opened a second shop on the quay last fall.",
    )
    assert _dates(d) == [("October 2025", "fall", "specificity", "less_specific")]


def test_a_label_naming_a_time_makes_a_clock_time() -> None:
    from textlineage.facts import extract_facts

    assert [f.value for f in extract_facts("Time of arrival: 06:15", 0)] == ["time:06:15"]
    assert [f.kind for f in extract_facts("Finish times: 2:47 for her.", 0)][-1] == "number"


def test_over_before_seasons_is_during_them() -> None:
    from textlineage.facts import extract_facts

    facts = extract_facts("Over three winters, volunteers counted the geese.", 0)
    assert [f.text for f in facts if f.kind == "number"] == ["three winters"]
