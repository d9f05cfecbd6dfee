"""A count of a whole named after it ("all 35 of its gritters") counts the whole's noun:
it is paired with a count of that noun, not left bare."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(src: str, der: str) -> FactDiff:
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    return diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))


def test_a_partitive_count_changed() -> None:
    d = _diff(
        "The district will send out 38 gritters and salt spreaders overnight.",
        "The district says all 35 of its gritters will be out overnight.",
    )
    assert [(c.source.text, c.derived.text, c.label) for c in d.changed if c.kind == "number"] == [
        ("38 gritters", "35 of its gritters", "value")
    ]
    assert not [f for f in d.added if f.kind == "number"]


def test_a_part_and_a_share_are_left_alone() -> None:
    d = _diff(
        "Three of the lifeboats were launched before dawn.",
        "Three lifeboats were launched before dawn.",
    )
    assert not [c for c in d.changed if c.kind == "number"]
    d = _diff(
        "Rents rose in six of the eight districts.",
        "Rents rose in six of the eight districts.",
    )
    assert "six" in [k.derived.text for k in d.kept if k.kind == "number"]
