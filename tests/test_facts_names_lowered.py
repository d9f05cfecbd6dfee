"""A name of dictionary words that the other text writes in lower case is the same thing
called by its common words (:mod:`textlineage.facts.names_lowered`), neither added nor
dropped; a name the other text leaves out is still dropped. The outlet's own name in
its story, given twice or more by its page's furniture, is no name added."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.facts.items import Result
from textlineage.facts.names_lowered import drop_lowered
from textlineage.types import Fact

SOURCE = (
    "The Boathouse Trust said the Members' Safety Handbook was approved by 64 of its members, "
    "after the Rowing Club asked for it to be finished by the summer."
)


def _dropped(derived: str) -> list[str]:
    d = diff_facts(SOURCE, derived, source_doc=0, derived_doc=1)
    return [f.text for f in d.dropped]


def test_a_defined_name_written_in_lower_case_is_not_dropped() -> None:
    derived = (
        "The trust said 64 of its members approved the safety handbook, after the "
        "Rowing Club asked for it to be finished by the summer."
    )
    assert "Safety Handbook" not in _dropped(derived)


def test_a_name_left_out_is_still_dropped() -> None:
    derived = (
        "The trust said 64 of its members approved the new rules, after the Rowing "
        "Club asked for them to be finished by the summer."
    )
    assert "Safety Handbook" in _dropped(derived)


def test_the_outlets_own_name_in_its_story_is_no_name_added() -> None:
    source = "The boathouse will close for repairs in March, the Boathouse Trust said on Monday."
    derived = (
        "Brackwell Courier\n\nBoathouse to close for repairs\n\nBy Ann Pell, Brackwell Courier\n\n"
        "The boathouse will close for repairs in March, a trust spokesman told the "
        "Brackwell Courier on Monday, and rowers will train at the lake until then.\n\n"
        "© Brackwell Courier 2027\n"
    )
    d = diff_facts(source, derived, source_doc=0, derived_doc=1)
    assert "Brackwell Courier" not in [f.text for f in d.added]


def test_a_name_the_page_gives_once_in_its_furniture_is_still_added() -> None:
    source = "The boathouse will close for repairs in March, the Boathouse Trust said on Monday."
    derived = (
        "Home | Sport | Rowing\n\nThe boathouse will close for repairs in March, and the "
        "Harwick Rowing Club will train at the lake until then, the trust said on Monday.\n\n"
        "Related: Harwick Rowing Club wins regatta\n"
    )
    d = diff_facts(source, derived, source_doc=0, derived_doc=1)
    assert "Harwick Rowing Club" in [f.text for f in d.added]


def test_a_common_word_capitalised_in_a_sentence_is_no_name() -> None:
    """ "Malnutrition is at Serious levels" read "Serious" as a place dropped; the texts
    write "serious" in lower case, so it is a common word."""
    d = diff_facts(
        "Malnutrition is at Serious levels in four of the nine districts. A serious "
        "shortfall of food continues in the south.",
        "Malnutrition is high in four of the nine districts. A serious shortfall of food "
        "continues in the south.",
        source_doc=0,
        derived_doc=1,
    )
    assert "Serious" not in [f.text for f in d.dropped]


def test_a_capitalised_word_never_written_in_lower_case_stays_a_name() -> None:
    d = diff_facts(
        "The fund opens on 1 April. Grants are paid by June.",
        "The fund opens on 1 April. Grants are paid by June, Rowntree said.",
        source_doc=0,
        derived_doc=1,
    )
    assert "Rowntree" in [f.text for f in d.added]


def test_an_untyped_dictionary_word_alone_is_no_name_but_a_place_is() -> None:
    """A name of no type that is one dictionary word ("Highway" from a list's heading) is
    no fact dropped even when no text writes it in lower case; a place of one word stays."""
    source = "Highway\nThe bypass will close at Shropshire for 12 weeks."
    derived = "The bypass will close for 12 weeks."
    res = Result(
        dropped=[
            Fact("entity", "Highway", (0, 7), 0),
            Fact("place", "Shropshire", (38, 48), 0),
            Fact("entity", "Shropshire", (38, 48), 0),
        ]
    )
    drop_lowered(res, (source, derived))
    assert [(f.kind, f.text) for f in res.dropped] == [
        ("place", "Shropshire"),
        ("entity", "Shropshire"),
    ]
