"""A contraction opening a sentence is no name (:mod:`textlineage.facts.contractions`)."""

from __future__ import annotations

import pytest

from textlineage.facts.contractions import drop_contractions
from textlineage.facts.items import Result
from textlineage.types import Fact


def _name(text: str, kind: str = "entity") -> Fact:
    return Fact(kind, text, (0, len(text)), 1, text.casefold())


@pytest.mark.parametrize("word", ["Don't", "Can't", "Won't", "We're", "I'm", "Let's", "It’s"])
def test_a_contraction_added_or_dropped_as_a_name_is_forgotten(word: str) -> None:
    res = Result(added=[_name(word)], dropped=[_name(word, "organisation")])
    drop_contractions(res)
    assert res.added == [] and res.dropped == []


@pytest.mark.parametrize("word", ["O'Neill", "D'Arcy", "Dana's", "Brannoc's"])
def test_a_name_with_an_apostrophe_stays(word: str) -> None:
    res = Result(added=[_name(word, "person")])
    drop_contractions(res)
    assert res.added == [_name(word, "person")]


def test_a_quotation_of_one_contracted_word_stays() -> None:
    quote = Fact("quote", "Don't", (0, 5), 1)
    res = Result(added=[quote])
    drop_contractions(res)
    assert res.added == [quote]
