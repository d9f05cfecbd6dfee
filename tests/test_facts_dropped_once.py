"""One dropped (added) fact reported once: the pieces of one phrase joined, a piece inside
another left out."""

from __future__ import annotations

from textlineage.facts.dropped_once import drop_nested, join_ties, report_once
from textlineage.facts.items import Result
from textlineage.types import Fact


def _fact(text: str, part: str, kind: str, doc: int = 0) -> Fact:
    start = text.index(part)
    return Fact(kind, part, (start, start + len(part)), doc)


def test_a_piece_inside_a_dropped_fact_is_not_dropped_again() -> None:
    src = "Forty clubs entered: twelve amateur sides and eight Provincial teams."
    whole = _fact(src, "eight Provincial teams", "number")
    piece = _fact(src, "Provincial", "organisation")
    left = [piece, whole]
    drop_nested(left)
    assert left == [whole]


def test_facts_side_by_side_both_stay() -> None:
    src = "Forty clubs entered: twelve amateur sides and eight Provincial teams."
    left = [_fact(src, "twelve amateur sides", "number"), _fact(src, "Provincial", "entity")]
    drop_nested(left)
    assert len(left) == 2


def test_a_route_dropped_is_one_fact() -> None:
    src = "Leg two, from Marrowby Cross to Tennet Quay, climbs the old pass."
    left = [_fact(src, "Marrowby Cross", "person"), _fact(src, "Tennet Quay", "place")]
    join_ties(left, src)
    assert [(f.kind, f.text) for f in left] == [("person", "Marrowby Cross to Tennet Quay")]


def test_a_clock_time_on_its_date_is_one_fact() -> None:
    src = "The flare was logged at 17:40:05 GMT on March 3, 2031 by two stations."
    left = [_fact(src, "March 3, 2031", "date"), _fact(src, "17:40:05", "number")]
    join_ties(left, src)
    assert [(f.kind, f.text) for f in left] == [("number", "17:40:05 GMT on March 3, 2031")]


def test_a_firm_named_by_two_partners_is_one_fact() -> None:
    src = "Quill & Barrowman LLP advised the seller."
    left = [_fact(src, "Quill", "organisation"), _fact(src, "Barrowman LLP", "organisation")]
    join_ties(left, src)
    assert [f.text for f in left] == ["Quill & Barrowman LLP"]


def test_two_counts_two_people_a_list_and_a_place_stay_apart() -> None:
    src = "It swapped six vans to four cars. Ida Moss to Rob Penn. Oslo and Lyon. 9 shops in Tarn."
    left = [
        _fact(src, "six vans", "number"),
        _fact(src, "four cars", "number"),
        _fact(src, "Ida Moss", "person"),
        _fact(src, "Rob Penn", "person"),
        _fact(src, "Oslo", "place"),
        _fact(src, "Lyon", "place"),
        _fact(src, "9 shops", "number"),
        _fact(src, "Tarn", "place"),
    ]
    join_ties(left, src)
    assert len(left) == 8


def test_the_pass_runs_on_both_sides() -> None:
    src = "The fair opens on 2 May at Brackley Hall."
    der = "The fair, from Ketley to Brackley, opens in May."
    res = Result(
        dropped=[_fact(src, "2 May", "date"), _fact(src, "Brackley Hall", "place")],
        added=[_fact(der, "Ketley", "place", 1), _fact(der, "Brackley", "place", 1)],
    )
    report_once(res, (src, der))
    assert [f.text for f in res.dropped] == ["2 May at Brackley Hall"]
    assert [f.text for f in res.added] == ["Ketley to Brackley"]
