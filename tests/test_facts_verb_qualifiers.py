"""A verb of going beyond a figure ("exceed", "pass", "surpass") bounds the number as "more
than" does: swapped for that qualifier the number is kept."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(src: str, der: str) -> FactDiff:
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    return diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))


def test_exceed_told_as_more_than_keeps_the_sum() -> None:
    d = _diff(
        "Repairs to the pier could exceed £93,500, the trust warned.",
        "Repairs to the pier could cost more than £93,500, the trust warned.",
    )
    assert not [c for c in d.changed if c.kind == "number"]
    assert [(k.source.text, k.derived.text) for k in d.kept if k.kind == "number"] == [
        ("exceed £93,500", "more than £93,500")
    ]


def test_pass_and_surpass_are_one_bound() -> None:
    d = _diff(
        "Membership is expected to pass 4,350 by the spring.",
        "Membership is expected to surpass 4,350 by the spring.",
    )
    assert not [c for c in d.changed if c.kind == "number"]
    assert [k.derived.text for k in d.kept if k.kind == "number"] == ["surpass 4,350"]
