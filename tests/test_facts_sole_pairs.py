"""Pairs that are each other's only partner (facts.items.sole_pairs)."""

from __future__ import annotations

from textlineage.facts.items import sole_pairs


def test_only_partners_both_ways_are_paired() -> None:
    def near(a: int, b: int) -> bool:
        return abs(a - b) <= 2

    # 10 has one partner (11) and 11 one (10); 30 has two (29, 31); 50 none
    assert sole_pairs([10, 30, 50], [11, 29, 31], near) == [(10, 11)]
    # 20 and 21 both want 22: neither is paired
    assert sole_pairs([20, 21], [22], near) == []
    assert sole_pairs([], [1], near) == []
