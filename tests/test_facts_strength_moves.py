"""A bound or hedge said in another place of the sentence is no change of strength."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(src: str, der: str) -> FactDiff:
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    return diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))


def _changed(d: FactDiff) -> list[str]:
    return [f"{c.source.text} → {c.derived.text}" for c in d.changed]


def test_a_bound_put_after_the_number_is_kept() -> None:
    d = _diff(
        "The footbridge over the canal will shut for up to three days in spring.",
        "The footbridge over the canal will shut for three days at most in spring.",
    )
    assert _changed(d) == []
    d = _diff(
        "Volunteers must be at least 18 years old to help at the orchard.",
        "Volunteers must be 18 years old or more to help at the orchard.",
    )
    assert _changed(d) == []


def test_a_bound_of_another_meaning_is_still_a_change() -> None:
    d = _diff(
        "The footbridge over the canal will shut for up to three days in spring.",
        "The footbridge over the canal will shut for three days at least in spring.",
    )
    assert _changed(d)


def test_a_hedge_paired_with_its_own_sentence_twice_is_no_change() -> None:
    text = "The merger is expected to close in the autumn, subject to the usual closing conditions."
    d = _diff(text, text.replace("in the autumn", "later this year"))
    assert [c for c in d.changed if c.kind == "claim"] == []


def test_an_estimate_moved_to_the_verb_is_kept() -> None:
    d = _diff(
        "Resurfacing the square will cost an estimated €48,000, paid from parking income.",
        "Resurfacing the square is expected to cost about €48,000, paid from parking income.",
    )
    assert [c for c in d.changed if c.kind == "claim"] == []


def test_an_expected_cost_of_a_plain_figure_is_a_hedge_added() -> None:
    d = _diff(
        "Resurfacing the square will cost €48,000, paid from parking income.",
        "Resurfacing the square is expected to cost €48,000, paid from parking income.",
    )
    assert [c for c in d.changed if c.kind == "claim"]


def test_the_verb_of_an_infinitive_is_no_part_of_a_title() -> None:
    d = _diff(
        "Readers may write to Parks Officer Imelda Quarrie by Friday with their views.",
        "Email the council to contact Parks Officer Imelda Quarrie by Friday with views.",
    )
    assert [c for c in d.changed if c.kind == "person"] == []
