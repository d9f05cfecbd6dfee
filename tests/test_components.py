"""The package's one union-find."""

from __future__ import annotations

import random

from textlineage.components import components


def test_components_by_hand_and_whatever_the_order() -> None:
    pairs = [(5, 3), (3, 9), (1, 2), (7, 7), (2, 8)]
    want = {5: 3, 3: 3, 9: 3, 1: 1, 2: 1, 8: 1, 7: 7}
    assert components(pairs) == want
    rng = random.Random(0)
    for _ in range(20):
        shuffled = [(b, a) if rng.random() < 0.5 else (a, b) for a, b in pairs]
        rng.shuffle(shuffled)
        assert components(shuffled) == want
    assert components([]) == {}
    assert components([("b", "a"), ("c", "d")]) == {"a": "a", "b": "a", "c": "c", "d": "c"}
