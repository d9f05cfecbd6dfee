"""One unit of measure said with "a" and what it measures ("a foot of floodwater") is the
number 1 in that unit; "a foot injury", "a ton of fun" and "a quarter of a mile" are
not."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(src: str, der: str) -> FactDiff:
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    return diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))


def test_a_range_told_as_a_foot_of_floodwater() -> None:
    d = _diff(
        "Forecasters expect 9 to 15 inches of floodwater in the cellars by Friday.",
        "Forecasters expect a foot of floodwater in the cellars by Friday.",
    )
    assert [(c.source.text, c.derived.text) for c in d.changed if c.kind == "number"] == [
        ("9 to 15 inches", "a foot")
    ]
    assert not [f for f in d.dropped if f.kind == "number"]


def test_no_measure_without_what_is_measured() -> None:
    d = _diff(
        "The winger has a foot injury and had a ton of treatment this week.",
        "The winger, out with a foot injury, walked a quarter of a mile on Monday.",
    )
    numbers = [f.text for f in (*d.added, *d.dropped) if f.kind == "number"]
    assert "a foot" not in numbers and "a ton" not in numbers and "a mile" not in numbers
