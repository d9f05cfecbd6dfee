"""An approximate none made none ("little or no rain" → "no rain") or the reverse is a
changed claim of strength (facts.claim_near_none); the same wording on both sides, or a
"no" before another noun, is not."""

from __future__ import annotations

import time

from textlineage.facts.claim_near_none import near_none
from textlineage.facts.items import Result

SOURCE = "The new orchard beds need little or no watering once the hedges have grown in."


def _run(src: str, der: str) -> Result:
    res = Result()
    near_none(res, (src, der), (0, 1))
    return res


def test_an_approximate_none_made_none() -> None:
    res = _run(SOURCE, "Once the hedges have grown in, the orchard beds need no watering.")
    assert [(c.source.text, c.derived.text, c.detail) for c in res.changed] == [
        ("little or no watering", "no watering", "hedge_dropped")
    ]


def test_none_made_an_approximate_none() -> None:
    src = "The ferry pier had no visitors during the storm week in the harbour."
    der = "During the storm week the harbour ferry pier had almost no visitors."
    res = _run(src, der)
    assert [c.detail for c in res.changed] == ["hedge_added"]


def test_same_wording_or_another_noun_is_no_change() -> None:
    assert not _run(
        SOURCE, "The orchard beds need little or no watering once hedges grow in."
    ).changed
    assert not _run(
        SOURCE, "The orchard beds need no fertiliser once the hedges have grown in."
    ).changed


def test_many_bare_nones_are_read_quickly() -> None:
    text = "no rain " * 3000 + "fell on the orchard beds."
    started = time.perf_counter()
    _run(text, "little or no rain fell on the orchard beds.")
    assert time.perf_counter() - started < 5.0
