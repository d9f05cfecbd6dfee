"""The last pass of the fact diff: each mention reported once, with the right partner."""

from __future__ import annotations

from textlineage.facts.consolidate import (
    drop_contained,
    drop_name_parts,
    drop_relinked,
    join_dropped_sentences,
    repair_changes,
)
from textlineage.facts.items import Result
from textlineage.types import Fact, FactLink


def _fact(text: str, part: str, kind: str, doc: int = 0, nth: int = 0) -> Fact:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Fact(kind, part, (start, start + len(part)), doc)


def test_a_kept_figure_is_not_changed_too() -> None:
    src = "The count ran from 9 to 11 May across 40 ponds."
    der = "The count ran from 9 to 11 May. Frogs were scarce this spring."
    kept = FactLink("date", _fact(src, "9", "date"), _fact(der, "9", "date", 1))
    wrong = FactLink("date", _fact(src, "9", "date"), _fact(der, "spring", "date", 1))
    res = Result(kept=[kept], changed=[wrong])
    drop_relinked(res)
    assert res.changed == []
    assert res.kept == [kept]


def test_a_kept_name_does_not_stop_a_change_of_the_whole_name() -> None:
    src = "Mayor Olwen Tresize-Park opened the bridge."
    der = "Mayor Olwen Park opened the bridge."
    part = FactLink("person", _fact(src, "Park", "person"), _fact(der, "Park", "person", 1))
    whole = FactLink(
        "person",
        _fact(src, "Olwen Tresize-Park", "person"),
        _fact(der, "Olwen Park", "person", 1),
    )
    res = Result(kept=[part], changed=[whole])
    drop_relinked(res)
    assert res.changed == [whole]


def test_a_fact_inside_a_kept_link_is_not_added_or_dropped() -> None:
    src = "The chain will open three new cafes next year."
    der = "The chain will open its Kelvane and Oakham cafes next year. Kelvane gets a roastery."
    link = FactLink(
        "number",
        _fact(src, "three new cafes", "number"),
        _fact(der, "Kelvane and Oakham cafes", "number", 1),
    )
    inside = _fact(der, "Oakham", "place", 1)
    elsewhere = _fact(der, "Kelvane", "place", 1, nth=1)
    res = Result(kept=[link], added=[inside, elsewhere])
    drop_contained(res)
    assert res.added == [elsewhere]


def test_a_change_moves_to_the_mention_of_its_own_sentence() -> None:
    src = "Work on the marina should finish by autumn 2033, the harbour board said."
    der = (
        "The harbour board said work on the marina will finish in 2033. "
        "Readers can join our walk on May 9."
    )
    s = _fact(src, "autumn 2033", "date")
    far = _fact(der, "May 9", "date", 1)
    own = _fact(der, "2033", "date", 1)
    res = Result(changed=[FactLink("date", s, far, "", "specificity")], added=[own])
    repair_changes(res, (src, der))
    assert [(c.source.text, c.derived.text) for c in res.changed] == [("autumn 2033", "2033")]
    assert res.added == [far]


def test_a_change_stays_when_no_closer_sentence_holds_its_digits() -> None:
    src = "Work on the marina should finish by autumn 2033, the harbour board said."
    der = "The harbour board said work on the marina will finish in 2034. Walk on May 9."
    s = _fact(src, "autumn 2033", "date")
    d = _fact(der, "2034", "date", 1)
    other = _fact(der, "May 9", "date", 1)
    link = FactLink("date", s, d, "", "value")
    res = Result(changed=[link], added=[other])
    repair_changes(res, (src, der))
    assert res.changed == [link]


def test_the_facts_of_a_sentence_dropped_whole_are_one_fact() -> None:
    src = "The choir sang at Wenlow. A new branch, Tide Singers, opens in Ilsby in 2029."
    res = Result(
        dropped=[
            _fact(src, "Tide Singers", "entity"),
            _fact(src, "Ilsby", "place"),
            _fact(src, "2029", "date"),
        ]
    )
    join_dropped_sentences(res, (src, "Nothing here."))
    assert [f.text for f in res.dropped] == ["Tide Singers, opens in Ilsby in 2029"]
    assert res.dropped[0].kind == "date"


def test_a_sentence_with_a_kept_fact_or_two_counts_or_two_clauses_stays_apart() -> None:
    src = (
        "The mill at Drumlee employs 80 people. "
        "It holds 12 looms and 30 spindles. "
        "Wool went to Quarnby on 4 June and buyers are due within 10 days."
    )
    der = "The mill at Drumlee is busy."
    kept = FactLink("place", _fact(src, "Drumlee", "place"), _fact(der, "Drumlee", "place", 1))
    dropped = [
        _fact(src, "80 people", "number"),
        _fact(src, "12 looms", "number"),
        _fact(src, "30 spindles", "number"),
        _fact(src, "Quarnby", "place"),
        _fact(src, "4 June", "date"),
        _fact(src, "10 days", "number"),
    ]
    res = Result(kept=[kept], dropped=list(dropped))
    join_dropped_sentences(res, (src, "Nothing here."))
    assert sorted(f.text for f in res.dropped) == sorted(
        ["80 people", "12 looms", "30 spindles", "Quarnby on 4 June", "10 days"]
    )


def test_a_sentence_naming_a_person_is_read_item_by_item() -> None:
    src = "The vicar, Ada Tolgarth, came to Quarnby in 1990."
    res = Result(
        dropped=[
            _fact(src, "Ada Tolgarth", "person"),
            _fact(src, "Quarnby", "place"),
            _fact(src, "1990", "date"),
        ]
    )
    join_dropped_sentences(res, (src, "Nothing here."))
    assert sorted(f.text for f in res.dropped) == ["1990", "Ada Tolgarth", "Quarnby"]


def test_an_opening_date_stays_apart_from_its_clause() -> None:
    src = "The mill shut. In 1998, 70 weavers left Ilsby."
    res = Result(
        dropped=[
            _fact(src, "1998", "date"),
            _fact(src, "70 weavers", "number"),
            _fact(src, "Ilsby", "place"),
        ]
    )
    join_dropped_sentences(res, (src, "Nothing here."))
    assert sorted(f.text for f in res.dropped) == ["1998", "70 weavers left Ilsby"]


def test_a_person_named_again_by_surname_is_not_dropped_again() -> None:
    src = "Chair Wilma Ostrey-Pask opened the fair. Ostrey-Pask thanked the helpers."
    der = "Chair Wilma Ostrey opened the fair."
    link = FactLink(
        "person",
        _fact(src, "Wilma Ostrey-Pask", "person"),
        _fact(der, "Wilma Ostrey", "person", 1),
        label="surname",
    )
    res = Result(changed=[link], dropped=[_fact(src, "Ostrey-Pask", "person", nth=1)])
    drop_name_parts(res)
    assert res.dropped == []


def test_a_sentence_retold_with_other_names_is_not_joined() -> None:
    src = "Growers from Ostrey and Dunmere brought apples to the autumn show."
    der = "Growers from Marrick and Ravensby brought apples to the autumn show."
    res = Result(dropped=[_fact(src, "Ostrey", "place"), _fact(src, "Dunmere", "place")])
    join_dropped_sentences(res, (src, der))
    assert sorted(f.text for f in res.dropped) == ["Dunmere", "Ostrey"]
    join_dropped_sentences(res, (src, "The show was busy."))
    assert [f.text for f in res.dropped] == ["Ostrey and Dunmere"]


def test_a_rank_stays_apart_from_a_date_beside_it() -> None:
    src = "The hall first opened in June 2006."
    first = Fact("number", "first", (9, 14), 0, "1st")
    res = Result(dropped=[first, _fact(src, "June 2006", "date")])
    join_dropped_sentences(res, (src, "Nothing here."))
    assert sorted(f.text for f in res.dropped) == ["June 2006", "first"]


def test_figures_split_inside_one_written_token_are_one_fact() -> None:
    from textlineage.facts.consolidate import join_split_tokens

    src = "Ticket sales fell by 4% in 2017/18, the trust said."
    res = Result(dropped=[_fact(src, "2017", "date"), _fact(src, "18", "number")])
    join_split_tokens(res, (src, "The trust said sales fell."))
    assert [(f.kind, f.text) for f in res.dropped] == [("date", "2017/18")]


def test_figures_apart_are_not_joined() -> None:
    from textlineage.facts.consolidate import join_split_tokens

    src = "Ticket sales fell in 2017 / 18 venues shut."
    res = Result(dropped=[_fact(src, "2017", "date"), _fact(src, "18", "number")])
    join_split_tokens(res, (src, "Sales fell."))
    assert len(res.dropped) == 2
