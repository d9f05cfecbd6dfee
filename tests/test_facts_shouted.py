"""A line shouted in capitals is no name added."""

from __future__ import annotations

from textlineage.facts.items import Result
from textlineage.facts.shouted import drop_shouted
from textlineage.types import Fact


def _name(kind: str, text: str, at: int) -> Fact:
    return Fact(kind, text, (at, at + len(text)), 1)


def test_a_phrase_in_capitals_is_dropped_and_a_name_in_capitals_stays() -> None:
    res = Result()
    res.added.extend(
        [
            _name("entity", "FERRY FARES RISE IN MAY", 0),
            _name("entity", "HOW TO ENTER", 40),
            _name("organisation", "BANK OF ENGLAND", 80),
            _name("person", "Marta Is", 120),
        ]
    )
    drop_shouted(res)
    assert [f.text for f in res.added] == ["BANK OF ENGLAND", "Marta Is"]
