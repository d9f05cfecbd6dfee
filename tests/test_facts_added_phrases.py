"""A name of no person, body or place that an added figure's phrase goes on to ("in a
Series B round") is reported with the figure, as one added fact."""

from __future__ import annotations

from textlineage.facts.added_phrases import fold_names_after
from textlineage.facts.items import Result
from textlineage.types import Fact

_TEXT = "Brightloom raised $90 million in a Series B round, and its Lumen Pro sells well."


def _fact(kind: str, part: str) -> Fact:
    s = _TEXT.index(part)
    return Fact(kind, part, (s, s + len(part)), 1)


def test_an_entity_after_an_added_figure_joins_it() -> None:
    res = Result()
    res.added.extend([_fact("number", "$90 million"), _fact("entity", "Series B")])
    fold_names_after(res, _TEXT)
    assert [f.text for f in res.added] == ["$90 million in a Series B"]
    assert res.added[0].kind == "number"


def test_a_name_far_from_the_figure_or_a_place_stays_apart() -> None:
    res = Result()
    res.added.extend(
        [
            _fact("number", "$90 million"),
            _fact("place", "Series B"),
            _fact("entity", "Lumen Pro"),
        ]
    )
    fold_names_after(res, _TEXT)
    assert [f.text for f in res.added] == ["$90 million", "Series B", "Lumen Pro"]


def test_a_date_in_the_possessive_after_an_added_count_joins_it() -> None:
    text = "The airline cut 120 flights in last March's storm and 40 more since May."
    res = Result()
    for kind, part in (
        ("number", "120 flights"),
        ("date", "March"),
        ("number", "40"),
        ("date", "May"),
    ):
        at = text.index(part)
        res.added.append(Fact(kind, part, (at, at + len(part)), 1))
    fold_names_after(res, text)
    assert [f.text for f in res.added] == ["120 flights in last March", "40", "May"]
