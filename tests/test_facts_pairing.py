"""Facts left over on both sides of a fact diff, a dropped and an added one of one kind in
sentences that say the same thing, are one fact changed (or a name kept in another
spelling or as its acronym); facts truly dropped and added stay so."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff


def diff(src: str, der: str) -> FactDiff:
    return diff_facts(src, der, source_doc=0, derived_doc=1, languages=("en", "en"))


def changed(d: FactDiff) -> list[tuple[str, str, str, str]]:
    return [(k.source.text, k.derived.text, k.label, k.detail) for k in d.changed]


def kept(d: FactDiff, label: str) -> list[tuple[str, str]]:
    return [(k.source.text, k.derived.text) for k in d.kept if k.label == label]


def texts(facts: object) -> list[str]:
    return [f.text for f in facts]  # type: ignore[attr-defined]


INTRO = "The harvest festival drew large crowds to the old market square this weekend. "


def test_a_place_put_for_another_in_one_sentence_is_a_change() -> None:
    d = diff(
        INTRO + "The brewery bought a farm in Finland last spring to grow its own barley.",
        INTRO + "The brewery bought a farm in Norway last spring to grow barley.",
    )
    assert changed(d) == [("Finland", "Norway", "value", "")]
    assert d.changed[0].unsupported
    assert not d.added and not d.dropped


def test_a_place_respelled_is_kept_as_a_spelling_variant() -> None:
    d = diff(
        INTRO + "Volunteers from Kyiv handed out bread and soup to the visitors.",
        INTRO + "Volunteers from Kiev handed out bread and soup to visitors.",
    )
    assert kept(d, "spelling") == [("Kyiv", "Kiev")]
    assert not d.added and not d.dropped and not d.changed


def test_an_organisation_and_its_acronym_are_one() -> None:
    d = diff(
        INTRO + "The International Energy Agency (IEA) expects demand for coal to fall.",
        INTRO + "The IEA expects demand for coal to fall sharply.",
    )
    assert kept(d, "abbreviation") == [("International Energy Agency", "IEA")]
    d = diff(
        INTRO + "The World Meteorological Organization warned of a hot and dry summer.",
        INTRO + "The WMO warned of a hot and dry summer ahead.",
    )
    assert kept(d, "abbreviation") == [("World Meteorological Organization", "WMO")]


def test_a_vague_quantity_made_specific_in_its_sentence() -> None:
    d = diff(
        INTRO + "When the river burst its banks, hundreds fled their homes in the valley.",
        INTRO + "When the river burst its banks, some 900 people fled their homes in the valley.",
    )
    assert [c[2:] for c in changed(d)] == [("strength", "vague_to_specific")]
    assert not d.added and not d.dropped


def test_a_number_changed_in_its_sentence() -> None:
    d = diff(
        INTRO + "Sales of the cider reached 3.46 million bottles in the year to March, they said.",
        INTRO + "Sales of the cider reached 3.4 million in the year to March, they said.",
    )
    assert changed(d) == [("3.46 million bottles", "3.4 million", "value", "")]
    assert not d.added and not d.dropped


def test_a_quote_reworded_in_its_sentence_is_a_change() -> None:
    d = diff(
        INTRO + "The manager told the meeting: "
        '"We are slowly starting to win the trust of our customers again, but it will take years."',
        INTRO + 'The manager told the meeting: "We have won back the trust of our customers."',
    )
    assert [(c[2], c[3]) for c in changed(d)] == [("wording", "")]
    assert not d.added and not d.dropped


def test_a_surname_changed_and_mentioned_again_is_one_change() -> None:
    d = diff(
        "Marta van Lind won the regional chess title on Sunday after six rounds. "
        "Van Lind, who is 14, beat the defending champion in the final round.",
        "Marta van Linde won the regional chess title on Sunday after six rounds. "
        "Van Linde, 14, beat the defending champion in the final round.",
    )
    assert [c[2] for c in changed(d)] == ["surname"]  # once: the short mention is folded
    assert not d.added and not d.dropped


# -- controls: what must stay dropped and added -----------------------------------------


def test_facts_of_unrelated_sentences_are_not_paired() -> None:
    d = diff(
        INTRO + "The brewery bought a farm in Finland last spring to grow its own barley.",
        INTRO + "Next year the organisers hope to invite stallholders from Norway.",
    )
    assert texts(d.dropped) == ["Finland"] and texts(d.added) == ["Norway"]
    assert not d.changed


def test_two_candidates_in_one_sentence_are_not_paired() -> None:
    d = diff(
        INTRO + "Buyers came from Finland and Estonia to taste the cheeses on offer.",
        INTRO + "Buyers came from Norway and Latvia to taste the cheeses on offer.",
    )
    assert sorted(texts(d.dropped)) == ["Estonia", "Finland"]
    assert sorted(texts(d.added)) == ["Latvia", "Norway"]


def test_a_name_in_another_part_of_the_sentence_is_not_paired() -> None:
    d = diff(
        INTRO + "Finland sent a choir that sang at noon beside the fountain.",
        INTRO + "A choir sang at noon beside the fountain, with a band from Norway.",
    )
    assert texts(d.dropped) == ["Finland"] and texts(d.added) == ["Norway"]


def test_facts_of_different_kinds_are_not_paired() -> None:
    d = diff(
        INTRO + "The brewery bought a farm in Finland last spring to grow its own barley.",
        INTRO + "The brewery bought a farm for 40 crowns last spring to grow its own barley.",
    )
    assert not d.changed
    assert texts(d.dropped) == ["Finland"] and len(d.added) == 1


def test_names_of_other_letters_are_a_spelling_change_or_another_name() -> None:
    story = INTRO + "The night train from {} was late again on Friday, the operator said."
    d = diff(story.format("Lisbon"), story.format("Lisboa"))
    assert changed(d) == [("Lisbon", "Lisboa", "spelling", "")]
    # one consonant apart is another place
    d = diff(story.format("Iran"), story.format("Iraq"))
    assert changed(d) == [("Iran", "Iraq", "value", "")]


def test_a_date_changed_in_its_sentence_and_place() -> None:
    d = diff(
        INTRO + "The bakery on the corner, opened in 1962 by two brothers, sold out by noon.",
        INTRO + "The bakery on the corner, opened in 1968 by two brothers, sold out by noon.",
    )
    assert changed(d) == [("1962", "1968", "value", "")]
    # another date in another part of the sentence is not the same date
    d = diff(
        INTRO + "Since 1962 the bakery on the corner has sold out by noon, its owners say.",
        INTRO + "The bakery on the corner has sold out by noon, its owners said in 2019.",
    )
    assert not d.changed


def test_numbers_of_other_sizes_in_other_places_are_not_paired() -> None:
    d = diff(
        INTRO + "Three of the riders, Anna Berg and Lukas Vogel among them, finished the climb.",
        INTRO + "Anna Berg, 41, and Lukas Vogel, a teacher, finished the climb among the riders.",
    )
    assert not [k for k in d.changed if k.kind == "number"]


def test_a_name_and_a_form_of_it_are_not_two_names() -> None:
    d = diff(
        INTRO + "Most of the apples on sale came from growers in Europe, the organisers said.",
        INTRO + "Most of the apples on sale came from European growers, the organisers said.",
    )
    assert not d.changed
