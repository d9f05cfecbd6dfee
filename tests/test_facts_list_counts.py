"""A list of names a rewrite sums up as a count is one fact changed."""

from __future__ import annotations

from textlineage.facts.items import Result
from textlineage.facts.list_counts import sum_lists
from textlineage.types import Fact, FactLink


def _fact(text: str, part: str, kind: str, doc: int = 0) -> Fact:
    start = text.index(part)
    return Fact(kind, part, (start, start + len(part)), doc)


SRC = "The choir drew 140 singers from Dunmere, Calloway, Port Esk and the Vale of Tarn."
DER = "Some 140 singers came from four towns, the choir said."


def _res(der: str) -> Result:
    kept = FactLink(
        "number", _fact(SRC, "140 singers", "number"), _fact(der, "140 singers", "number", 1)
    )
    return Result(
        kept=[kept],
        dropped=[
            _fact(SRC, "Dunmere", "place"),
            _fact(SRC, "Calloway", "place"),
            _fact(SRC, "Esk", "place"),
            _fact(SRC, "Vale of Tarn", "place"),
        ],
        added=[_fact(der, "four towns", "number", 1)],
    )


def test_a_list_summed_up_as_a_count_is_one_change() -> None:
    res = _res(DER)
    sum_lists(res, (SRC, DER))
    assert res.dropped == [] and res.added == []
    [link] = [k for k in res.changed]
    assert link.source.text == "Dunmere, Calloway, Port Esk and the Vale of Tarn"
    assert link.derived.text == "four towns"
    assert link.label == "specificity"


def test_a_count_in_a_sentence_that_retells_another_stays_added() -> None:
    der = "Some 140 singers came. The hall seats four towns' worth of people."
    res = _res(der)
    res.added = [_fact(der, "four towns", "number", 1)]
    sum_lists(res, (SRC, der))
    assert len(res.dropped) == 4 and len(res.added) == 1 and not res.changed
