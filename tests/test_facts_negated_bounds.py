"""A bound said by its opposite and a negation is the same bound; one bound negated on one
side only is the claim reversed (facts/negated_bounds.py)."""

from __future__ import annotations

import pytest

from textlineage.facts import diff_facts
from textlineage.types import FactDiff


def _diff(src: str, der: str) -> FactDiff:
    return diff_facts(src, der, source_doc=0, derived_doc=1, languages=("en", "en"))


@pytest.mark.parametrize(
    ("src", "der"),
    [
        (
            "The temperature did not fall below 10°C on 17 nights.",
            "It stayed above 10°C on 17 nights.",
        ),
        ("No fewer than 40 staff searched the park.", "More than 40 staff searched the park."),
        ("Wait times were never over 20 minutes.", "Wait times stayed under 20 minutes."),
    ],
)
def test_a_negated_bound_said_by_its_opposite_is_kept(src: str, der: str) -> None:
    d = _diff(src, der)
    assert not d.changed and not d.added and not d.dropped
    bounds = {"above", "More", "under"}
    assert any(k.derived.text.split()[0] in bounds for k in d.kept if k.kind == "number")


def test_opposite_bounds_without_a_negation_are_a_change() -> None:
    d = _diff("Fewer than 40 staff searched the park.", "More than 40 staff searched the park.")
    assert [(c.source.text, c.derived.text) for c in d.changed] == [
        ("Fewer than 40 staff", "More than 40 staff")
    ]


def test_one_bound_negated_on_one_side_is_reversed() -> None:
    d = _diff(
        "Inflation stayed below 2% for a year.", "Inflation did not stay below 2% for a year."
    )
    assert [(c.source.text, c.derived.text, c.label) for c in d.changed] == [
        ("below 2%", "below 2%", "reversed")
    ]
    d = _diff(
        "Inflation did not stay below 2% for a year.", "Inflation never stayed below 2% for a year."
    )
    assert not d.changed  # negated on both sides
