"""A street address made vaguer, and a dashed telephone number before a figure. The
sentences are made up for these tests; no passages are given."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff


def _diff(a: str, b: str) -> FactDiff:
    return diff_facts(a, b, source_doc=0, derived_doc=1)


def test_an_address_told_by_its_street_word_is_made_less_specific() -> None:
    d = _diff(
        "Free flu jabs are offered at the Oakmere Library, 418 W. Thistlewood Rd., all week.",
        "Free flu jabs are offered all week at the Oakmere Library on Thistlewood.",
    )
    found = {(k.source.text, k.derived.text): k.label for k in d.changed}
    assert found.get(("418 W. Thistlewood Rd.", "Thistlewood")) == "specificity"
    assert not d.dropped


def test_a_street_word_inside_a_longer_name_is_no_address() -> None:
    d = _diff(
        "Free flu jabs are offered at the Oakmere Library, 418 W. Thistlewood Rd., all week.",
        "Free flu jabs are offered all week at the Oakmere Library and Thistlewood Park.",
    )
    assert not [k for k in d.changed if k.label == "specificity"]


def test_a_dashed_phone_number_before_a_comma_and_a_figure_is_one_number() -> None:
    d = _diff(
        "For help, ring the helpline at 208-555-0187, 7 days a week.",
        "The helpline, 208-555-0187, is open every day.",
    )
    assert ("208-555-0187", "208-555-0187") in {(k.source.text, k.derived.text) for k in d.kept}
