"""Numbers read whole that were read in parts, and numbers that are none: a score written
with a slash ("4.5/5"), spans of time reckoned as in speech, reference marks, model
numbers and twins; a measure never kept against a bare number of another sentence, and
values a thousand times apart never one change. The sentences are made up for these
tests."""

from __future__ import annotations

from textlineage.facts import diff_facts, extract_facts
from textlineage.types import FactDiff, Passage


def _diff(a: str, b: str) -> FactDiff:
    ps = (Passage("paraphrase", 0.8, (((0, len(a)),), ((0, len(b)),))),)
    return diff_facts(a, b, source_doc=0, derived_doc=1, passages=ps)


def test_a_score_with_a_slash_is_a_share() -> None:
    facts = extract_facts("The critics gave the play 3.5/5 on opening night.", 0)
    assert [(f.text, f.value) for f in facts if f.kind == "number"] == [("3.5/5", "70")]
    assert [f.text for f in extract_facts("The shop is open 24/7.", 0)] == ["24", "7"]


def test_a_score_changed_is_one_change() -> None:
    d = _diff(
        "Verdict for the cordless drill: 3 out of 5 stars from our workshop.",
        "Verdict for the cordless drill: 4/5 from our workshop.",
    )
    assert [(c.source.text, c.derived.text) for c in d.changed] == [("3 out of 5", "4/5")]
    assert d.added == () and d.dropped == ()


def test_a_measure_is_not_kept_against_a_bare_number_elsewhere() -> None:
    d = diff_facts(
        "The Vantor 2 is a compact drill. We used it for six weeks on a building site.",
        "We used the drill over two months on a building site.",
        source_doc=0,
        derived_doc=1,
    )
    assert not any(k.derived.text == "two months" for k in d.kept)


def test_weeks_and_months_as_reckoned_in_speech() -> None:
    from textlineage.facts.units import same_span

    assert same_span("12", "week", "3", "month") and same_span("3", "month", "13", "week")
    assert same_span("30", "day", "1", "month") and same_span("2", "year", "104", "week")
    assert not same_span("14", "week", "3", "month")
    assert not same_span("6", "week", "2", "month")
    assert not same_span("9", "week", "2", "month")


def test_a_span_said_in_months_for_its_weeks_is_kept() -> None:
    d = _diff(
        "The 12-week course trained nurses at forty hospitals.",
        "The course trained nurses at forty hospitals over three months.",
    )
    assert d.changed == () and d.dropped == () and d.added == ()


def test_values_a_billion_times_apart_are_no_change_even_together() -> None:
    from textlineage.facts.extract import _analyse
    from textlineage.facts.match_values import _of_a_size

    share, revenue, slip = _analyse("between $0.40 and $0.42, about $2.2 billion, $4.3bn", 0, "en")
    assert not _of_a_size(share, revenue, True) and not _of_a_size(revenue, share, True)
    four_m = _analyse("$4.3m", 0, "en")[0]
    assert _of_a_size(four_m, slip, True) and not _of_a_size(four_m, slip, False)


def test_reference_marks_cited_and_given_are_no_numbers() -> None:
    text = (
        "Ada Lind (1), Bo Krantz (2)\n(1) Northfield College\n(2) Ostmark Institute\n"
        "The survey counted 12 sites. Comments (41)"
    )
    assert [f.text for f in extract_facts(text, 0) if f.kind == "number"] == ["12 sites", "41"]


def test_a_model_number_is_part_of_its_name() -> None:
    facts = extract_facts("The Vantor Pro 2 weighs 1.3 pounds and starts a Phase 3 trial.", 0)
    assert [f.text for f in facts if f.kind == "number"] == ["1.3 pounds"]


def test_a_count_said_of_a_name_is_kept() -> None:
    text = "The Harbour Party won 13 of the 36 seats, the Greens 3."
    assert [f.text for f in extract_facts(text, 0) if f.kind == "number"] == ["13", "36 seats", "3"]


def test_twins_are_two() -> None:
    d = _diff(
        "The twin pumps of the old station were replaced last week.",
        "The two pumps of the old station were replaced last week.",
    )
    assert d.changed == () and d.added == () and d.dropped == ()


def test_a_number_and_a_half_of_a_scale_and_a_pair() -> None:
    facts = extract_facts("About two and a half million visitors came for a pair of concerts.", 0)
    assert [(f.text, f.value) for f in facts if f.kind == "number"] == [
        ("About two and a half million visitors", "2500000"),
        ("a pair of concerts", "2"),
    ]


def test_one_of_a_kind_adjectives_count_nothing() -> None:
    facts = extract_facts("One-way fares and a one-off fee; a one-room office.", 0)
    assert [f.text for f in facts if f.kind == "number"] == ["one-room"]
