"""A dropped and an added place that fill one slot of rebuilt sentences are one place
changed: the place locating a name kept on both sides, or two places of one level after
the same word; and a surname written with its particle alone ("van der Berg") is the
person of the full name."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff


def diff(src: str, der: str) -> FactDiff:
    return diff_facts(src, der, source_doc=0, derived_doc=1, languages=("en", "en"))


def changed(d: FactDiff) -> list[tuple[str, str, str]]:
    return [(k.source.text, k.derived.text, k.kind) for k in d.changed]


def test_the_place_locating_a_kept_name_changed() -> None:
    d = diff(
        "Free flu jabs are offered at two sites this week.\n"
        "• Elmbrook Community Hall, Harwick: Tuesday, 9am to noon\n",
        "Free flu jabs are offered this week, among other places at Elmbrook Community "
        "Hall in Dunsby on Tuesday morning.",
    )
    assert ("Harwick", "Dunsby", "place") in changed(d)


def test_two_states_after_the_same_word_in_rebuilt_sentences() -> None:
    d = diff(
        "Pellworth, which was founded in 2011 by two former teachers from Leeds, now runs "
        "one warehouse, in Oregon, with 85 workers. It raised $40 million from two banks "
        "in June.",
        "Pellworth runs a warehouse in Idaho with 85 staff and raised $40 million from two "
        "banks in June, its third round since opening.",
    )
    assert ("Oregon", "Idaho", "place") in changed(d)


def test_places_in_unrelated_slots_stay_dropped_and_added() -> None:
    d = diff(
        "Pellworth, which was founded in 2011, now runs one warehouse, in Oregon, with 85 workers.",
        "The chief executive grew up in Idaho and studied law before joining the board.",
    )
    assert not [k for k in d.changed if k.kind == "place"]


def test_an_institution_named_by_its_noun_and_a_place() -> None:
    d = diff(
        "The injured walker was flown to the Sandmoor General Hospital, where she is in a "
        "stable condition. Police closed the road for four hours.",
        "Police closed the road for four hours. The walker, who is in her sixties, was "
        "airlifted to hospital in Kettleby.",
    )
    assert ("Sandmoor General Hospital", "Kettleby", "place") in changed(d)


def test_a_surname_with_its_particle_is_the_person_kept() -> None:
    d = diff(
        "Their lock Joost van der Berg was sent to the sin bin on 64 minutes for a high tackle.",
        "Everyone saw van der Berg go to the sin bin for a high tackle on 64 minutes.",
    )
    kept = [(k.source.text, k.derived.text) for k in d.kept if k.kind == "person"]
    assert kept == [("Joost van der Berg", "van der Berg")]
    assert not [f for f in d.dropped + d.added if f.kind == "person"]


def test_listed_places_are_not_put_for_each_other() -> None:
    d = diff(
        "Its depots lie in towns such as Dorfield, Oregon, Ashby and Kelso, the company "
        "said in its annual report on Monday.",
        "Its depots lie in Kelso, Idaho and two other towns, the company said in its "
        "annual report on Monday.",
    )
    assert not [k for k in d.changed if k.kind == "place"]
