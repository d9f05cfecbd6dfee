"""A count whose number the derived text leaves out, keeping the things counted
(:mod:`textlineage.facts.match_bare_nouns`). The sentences are made up for these tests."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(a: str, b: str) -> FactDiff:
    ps = (Passage("paraphrase", 0.8, (((0, len(a)),), ((0, len(b)),))),)
    return diff_facts(a, b, source_doc=0, derived_doc=1, passages=ps)


def test_a_count_made_its_things_unnumbered_is_one_change() -> None:
    d = _diff(
        "Three new rangers will patrol the northern moorland paths this winter.",
        "New rangers will patrol the northern moorland paths this winter.",
    )
    assert [(c.source.text, c.derived.text, c.label) for c in d.changed] == [
        ("Three new rangers", "New rangers", "specificity")
    ]
    assert d.dropped == ()


def test_a_noun_alone_is_left_a_number_dropped() -> None:
    d = _diff(
        "Police said two cars were damaged outside the old cinema.",
        "Police said cars were damaged outside the old cinema.",
    )
    assert d.changed == ()
    assert [f.text for f in d.dropped] == ["two cars"]


def test_a_noun_counted_otherwise_is_not_left_bare() -> None:
    d = _diff(
        "Three new rangers will patrol the northern moorland paths this winter.",
        "Some new rangers will patrol the northern moorland paths this winter.",
    )
    assert not any(c.label == "specificity" and c.derived.text == "new rangers" for c in d.changed)
