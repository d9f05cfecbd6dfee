"""A name put for another in the same frame of a retold sentence is one change
(:mod:`textlineage.facts.swaps`). The sentences are made up for these tests."""

from __future__ import annotations

from textlineage.facts.items import Result
from textlineage.facts.swaps import pair_swaps
from textlineage.types import Fact


def _fact(text: str, part: str, kind: str, doc: int = 0) -> Fact:
    start = text.index(part)
    return Fact(kind, part, (start, start + len(part)), doc)


def test_the_last_item_of_a_list_swapped_is_one_change() -> None:
    src = "Wardens counted 40 seals on the rocks, most of them at Harwick and Tollmere."
    der = "Wardens counted 40 seals on the rocks, mostly at Harwick and Brenlow."
    res = Result(
        dropped=[_fact(src, "Tollmere", "person")],
        added=[_fact(der, "Brenlow", "organisation", 1)],
    )
    pair_swaps(res, (src, der))
    assert [(c.source.text, c.derived.text) for c in res.changed] == [("Tollmere", "Brenlow")]
    assert res.dropped == [] and res.added == []


def test_a_birthplace_before_born_swapped_is_one_change() -> None:
    src = "The new ballet is set to music by the Ashby-born pianist Rae Quill, the festival said."
    der = "The festival said the new ballet is set to music by Dunmere-born pianist Rae Quill."
    res = Result(dropped=[_fact(src, "Ashby", "place")], added=[_fact(der, "Dunmere", "place", 1)])
    pair_swaps(res, (src, der))
    assert [(c.kind, c.source.text, c.derived.text) for c in res.changed] == [
        ("place", "Ashby", "Dunmere")
    ]


def test_names_in_other_frames_stay_apart() -> None:
    src = "Wardens counted 40 seals on the rocks near Tollmere last week."
    der = "Wardens counted 40 seals on the rocks last week, Brenlow rangers said."
    res = Result(
        dropped=[_fact(src, "Tollmere", "place")], added=[_fact(der, "Brenlow", "place", 1)]
    )
    pair_swaps(res, (src, der))
    assert res.changed == [] and len(res.dropped) == 1 and len(res.added) == 1


def test_a_name_written_in_both_texts_is_not_swapped() -> None:
    src = "Wardens counted 40 seals on the rocks at Harwick and Tollmere."
    der = "Wardens counted 40 seals on the rocks at Harwick and Brenlow. Tollmere was shut."
    res = Result(
        dropped=[_fact(src, "Tollmere", "place")], added=[_fact(der, "Brenlow", "place", 1)]
    )
    pair_swaps(res, (src, der))
    assert res.changed == []


def test_sentences_that_share_too_little_are_not_paired() -> None:
    src = "Ferries left from Harwick and Tollmere."
    der = "Buses stopped at Harwick and Brenlow."
    res = Result(
        dropped=[_fact(src, "Tollmere", "place")], added=[_fact(der, "Brenlow", "place", 1)]
    )
    pair_swaps(res, (src, der))
    assert res.changed == []


def test_a_change_paired_elsewhere_is_paired_anew_in_its_frame() -> None:
    from textlineage.types import FactLink

    src = (
        "A solo recital by the Norwegian cellist Ivo Hart follows. "
        "The opera is by the Ashby-born writer Rae Quill, the festival said."
    )
    der = "The festival said the opera is by Dunmere-born writer Rae Quill."
    wrong = FactLink("place", _fact(src, "Norwegian", "entity"), _fact(der, "Dunmere", "place", 1))
    res = Result(changed=[wrong], dropped=[_fact(src, "Ashby", "place")])
    pair_swaps(res, (src, der))
    assert [(c.source.text, c.derived.text) for c in res.changed] == [("Ashby", "Dunmere")]
    assert [f.text for f in res.dropped] == ["Norwegian"]


def test_two_names_left_over_in_one_sentence_are_not_paired() -> None:
    src = "Wardens counted 40 seals on the rocks, most of them at Harwick and Tollmere."
    der = "Wardens counted 40 seals on the rocks, mostly at Fenby and Brenlow."
    res = Result(
        dropped=[_fact(src, "Harwick", "place"), _fact(src, "Tollmere", "place")],
        added=[_fact(der, "Fenby", "place", 1), _fact(der, "Brenlow", "place", 1)],
    )
    pair_swaps(res, (src, der))
    assert res.changed == []


def test_names_sharing_a_word_are_left_to_the_name_rules() -> None:
    src = "The ferry plan was backed by Harwick Anglers at the meeting on Friday."
    der = "The ferry plan was backed by Harwick Boat Club at the meeting on Friday."
    res = Result(
        dropped=[_fact(src, "Harwick Anglers", "entity")],
        added=[_fact(der, "Harwick Boat Club", "entity", 1)],
    )
    pair_swaps(res, (src, der))
    assert res.changed == []
