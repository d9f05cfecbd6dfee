"""Pieces of one dropped phrase reported once: an aside in brackets, a figure "of" a named
thing, a postal address."""

from __future__ import annotations

import time

from textlineage.facts.dropped_joins import (
    _ADDRESS_RE,
    join_addresses,
    join_brackets,
    join_dropped,
    join_of,
)
from textlineage.facts.items import Result
from textlineage.types import Fact, FactLink


def _fact(text: str, part: str, kind: str, doc: int = 0) -> Fact:
    start = text.index(part)
    return Fact(kind, part, (start, start + len(part)), doc)


def test_figures_dropped_in_one_pair_of_brackets_are_one_aside() -> None:
    src = "The Larks (21-4, 9-2 away) beat Owlbridge on Tuesday."
    res = Result(
        dropped=[_fact(src, "21", "number"), _fact(src, "4", "number"), _fact(src, "9-2", "number")]
    )
    join_brackets(res, src)
    assert [f.text for f in res.dropped] == ["21-4, 9-2"]


def test_brackets_that_keep_a_figure_are_not_joined() -> None:
    src = "The Larks (21-4, 9-2 away) beat Owlbridge on Tuesday."
    kept = FactLink("number", _fact(src, "21", "number"), Fact("number", "21", (0, 2), 1))
    parts = [_fact(src, "4", "number"), _fact(src, "9-2", "number")]
    res = Result(kept=[kept], dropped=list(parts))
    join_brackets(res, src)
    assert res.dropped == parts


def test_a_figure_of_a_named_thing_is_one_reference() -> None:
    src = "Skippers must follow Rule 14 of the Tarn Harbour Byelaws at all times."
    res = Result(
        dropped=[
            _fact(src, "Rule 14", "number"),
            _fact(src, "Tarn Harbour Byelaws", "organisation"),
        ]
    )
    join_of(res, src)
    assert [f.text for f in res.dropped] == ["Rule 14 of the Tarn Harbour Byelaws"]


def test_a_person_of_a_body_stays_two_facts() -> None:
    src = "Sergeant Ivo Penrose of Tarn Harbour Police said little."
    parts = [
        _fact(src, "Sergeant Ivo Penrose", "person"),
        _fact(src, "Tarn Harbour Police", "organisation"),
    ]
    res = Result(dropped=list(parts))
    join_of(res, src)
    assert res.dropped == parts


def test_an_address_dropped_in_pieces_is_one_place() -> None:
    src = "Gifts may be left at the office, 27 Quillon Lane, Marbury QX4 7LD, until noon."
    res = Result(
        dropped=[
            _fact(src, "27", "number"),
            _fact(src, "Quillon Lane", "place"),
            _fact(src, "Marbury QX4", "organisation"),
        ]
    )
    join_addresses(res, src)
    assert [(f.kind, f.text) for f in res.dropped] == [
        ("place", "27 Quillon Lane, Marbury QX4 7LD")
    ]


def test_an_american_address_with_its_zip_code() -> None:
    src = "Forms go to 410 Dunmore Avenue, Pellston, MI 49769 by Friday."
    m = _ADDRESS_RE.search(src)
    assert m is not None and m.group() == "410 Dunmore Avenue, Pellston, MI 49769"


def test_the_address_pattern_is_quick_on_a_long_run() -> None:
    for run in ("12 " + "Ab " * 7000, "1 " * 10000, "Ab, " * 5000 + "Street"):
        t = time.perf_counter()
        list(_ADDRESS_RE.finditer(run))
        assert time.perf_counter() - t < 1.0


def test_facts_of_a_sentence_dropped_whole_are_joined_where_reported() -> None:
    src = "Polling went well.\n\nThe next vote for Harlow Fen Parish Council is in June 2036."
    res = Result(
        dropped=[
            _fact(src, "Harlow Fen Parish Council", "organisation"),
            _fact(src, "June 2036", "date"),
        ]
    )
    join_dropped(res, (src, "The count went smoothly."))
    assert [f.text for f in res.dropped] == ["Harlow Fen Parish Council is in June 2036"]


def test_an_age_and_the_person_it_describes_are_one_person() -> None:
    src = "The prize went to 12-year-old Enid Marsh of Tolbury, and Ross Penn, 15, came second."
    res = Result(
        dropped=[
            _fact(src, "12-year-old", "number"),
            _fact(src, "Enid Marsh of Tolbury", "person"),
            _fact(src, "Ross Penn", "person"),
            Fact("number", "15", (src.index("15"), src.index("15") + 2), 0, "15"),
        ]
    )
    join_dropped(res, (src, "Prizes were given."))
    assert [(f.kind, f.text) for f in res.dropped] == [
        ("person", "12-year-old Enid Marsh of Tolbury"),
        ("person", "Ross Penn, 15"),
    ]


def test_two_places_between_and_are_one_range() -> None:
    from textlineage.facts.dropped_joins import join_ranges

    src = "The road is shut between Tollard Street and the Penner Lane junction."
    res = Result(
        dropped=[_fact(src, "Tollard Street", "place"), _fact(src, "Penner Lane", "place")]
    )
    join_ranges(res, src)
    assert [f.text for f in res.dropped] == ["Tollard Street and the Penner Lane"]


def test_two_places_listed_with_and_stay_apart() -> None:
    from textlineage.facts.dropped_joins import join_ranges

    src = "Crews worked in Tollard Street and Penner Lane overnight."
    parts = [_fact(src, "Tollard Street", "place"), _fact(src, "Penner Lane", "place")]
    res = Result(dropped=list(parts))
    join_ranges(res, src)
    assert res.dropped == parts


def test_a_name_parted_by_a_possessive_is_one_place() -> None:
    from textlineage.facts.dropped_joins import join_ranges

    src = "The counter at St Orla's Road stays open."
    res = Result(dropped=[_fact(src, "St Orla", "person"), _fact(src, "Road", "organisation")])
    join_ranges(res, src)
    assert [(f.kind, f.text) for f in res.dropped] == [("place", "St Orla's Road")]


def test_two_claims_of_one_sentence_dropped_are_one() -> None:
    from textlineage.facts.dropped_joins import join_claims

    src = "Late callers will still be seen, but may wait longer. Parking is free."
    res = Result(
        dropped=[
            _fact(src, "Late callers will still be seen", "claim"),
            _fact(src, "may wait longer", "claim"),
            _fact(src, "Parking is free", "claim"),
        ]
    )
    join_claims(res, src)
    assert [f.text for f in res.dropped] == [
        "Late callers will still be seen, but may wait longer",
        "Parking is free",
    ]


def test_an_address_with_a_direction_is_one() -> None:
    src = "Clinic, 2210 E. Marlow St., Tarnby: Monday."
    m = _ADDRESS_RE.search(src)
    assert m is not None and m.group() == "2210 E. Marlow St."


def test_a_day_after_an_address_is_no_town() -> None:
    src = "Pay at 48 Fenn Road, Tuesday to Friday."
    m = _ADDRESS_RE.search(src)
    assert m is not None and m.group() == "48 Fenn Road"
