"""A person's title spelled out on one side and given by its initials on the other is
one person kept."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts


def _diff(src: str, der: str) -> list[tuple[str, str]]:
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert not [f for f in (*d.added, *d.dropped) if f.kind != "number"]
    return [(k.source.text, k.derived.text) for k in d.kept]


def test_a_title_by_its_initials_is_the_same_person() -> None:
    kept = _diff(
        "The rapid section was won by International Master Ana Ruiz (Madrid) with 6 points.",
        "IM Ana Ruiz from Madrid won the rapid section on 6 points.",
    )
    assert ("International Master Ana Ruiz", "IM Ana Ruiz") in kept
