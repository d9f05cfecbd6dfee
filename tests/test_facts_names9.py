"""Names, claims and quotations, on sentences of no test corpus: short given names,
surnames cut short, titles by their initials, shouted common words, persons named twice;
superlatives' ranks, beliefs, advice made orders, things not ruled out or said not to be
mentioned, hedges across sentences not aligned; attributions and quotations retold."""

from __future__ import annotations

from textlineage.facts import NAME_KINDS, diff_facts, extract_facts
from textlineage.types import FactDiff, Passage


def _aligned(source: str, derived: str, pairs: list[tuple[str, str]]) -> FactDiff:
    """The fact diff with each (source sentence, derived sentence) of ``pairs`` given as
    an aligned passage."""
    passages = []
    for a, b in pairs:
        sa, sb = source.index(a), derived.index(b)
        passages.append(
            Passage("paraphrase", 0.5, (((sa, sa + len(a)),), ((sb, sb + len(b)),)), ())
        )
    return diff_facts(source, derived, source_doc=0, derived_doc=1, passages=passages)


def test_a_short_given_name_beside_a_surname_alone_is_a_first_name_change() -> None:
    src = (
        "The hearing into the collapse that killed Benjamin Tollemarsh-Hawbrook closed on Monday.\n\n"
        "Mr Tollemarsh-Hawbrook, a bricklayer, was crushed when the wall gave way."
    )
    der = "Ben Tollemarsh-Hawbrook, a bricklayer, was crushed when the wall gave way."
    fd = _aligned(src, der, [(src.split("\n\n")[1], der)])
    changed = [(c.source.text, c.derived.text) for c in fd.changed if c.kind == "person"]
    assert changed == [("Benjamin Tollemarsh-Hawbrook", "Ben Tollemarsh-Hawbrook")]
    assert not [k for k in fd.kept if k.kind == "person"]


def _claims(fd: FactDiff) -> list[tuple[str, str]]:
    return [(c.source.text, c.derived.text) for c in fd.changed if c.kind == "claim"]


def test_a_ranked_superlative_said_as_first_with_a_synonym_is_a_change() -> None:
    src = "The storm was the third-largest on record for the valley, the agency said."
    der = "The storm was the biggest on record for the valley, the agency said."
    fd = _aligned(src, der, [(src, der)])
    assert [(s.split()[:2], d.split()[:2]) for s, d in _claims(fd)] == [
        (["the", "third-largest"], ["the", "biggest"])
    ]


def test_an_owners_superlative_keeps_its_rank() -> None:
    src = "The orchard picked 80 tonnes, the second-largest yield in the estate's history."
    der = "The orchard picked 80 tonnes, its largest yield ever."
    fd = _aligned(src, der, [(src, der)])
    assert [s for s, d in _claims(fd)] == ["the second-largest yield"]
    assert not [f for f in fd.dropped if "second" in f.text]


def test_a_belief_stated_as_fact_is_a_hedge_dropped() -> None:
    src = "Curators think the bowl was made in a workshop near the river."
    der = "The bowl was made in a workshop near the river."
    fd = _aligned(src, der, [(src, der)])
    changed = [c for c in fd.changed if c.kind == "claim"]
    assert [(c.label, c.detail) for c in changed] == [("strength", "hedge_dropped")]
    assert changed[0].source.text.startswith("Curators think")


def test_an_attribution_of_saying_is_no_belief() -> None:
    src = "Staff said the bowl was made in a workshop near the river."
    der = "The bowl was made in a workshop near the river."
    fd = _aligned(src, der, [(src, der)])
    assert not [c for c in fd.changed if c.kind == "claim"]


def test_a_person_dropped_is_one_fact_however_often_named() -> None:
    src = (
        "The club met on Tuesday. Treasurer Olu Bakare presented the accounts. "
        "Mr Bakare said the hall would need a new roof."
    )
    der = "The club met on Tuesday. The hall will need a new roof."
    fd = diff_facts(src, der, source_doc=0, derived_doc=1)
    people = [f.text for f in fd.dropped if f.kind == "person"]
    assert len(people) == 1 and "Olu Bakare" in people[0]


def test_common_words_shouted_in_a_headline_are_no_name() -> None:
    text = (
        "LORRY DRIVER'S $2 MILLION WIN!\n\n"
        "A retired lorry driver from Leeds won on Sunday, NHS staff said."
    )
    names = [f.text for f in extract_facts(text) if f.kind in NAME_KINDS]
    assert not [n for n in names if "DRIVER" in n]
    assert "NHS" in names and "Leeds" in names


def test_a_title_written_by_its_initials_keeps_the_person() -> None:
    src = "The final was refereed by Senior Marshal Ines Okwuosa, who flagged the start."
    der = "SM Ines Okwuosa flagged the start of the final."
    fd = diff_facts(src, der, source_doc=0, derived_doc=1)
    kept = [(k.source.text, k.derived.text) for k in fd.kept if k.kind in NAME_KINDS]
    assert any("Okwuosa" in s and d == "SM Ines Okwuosa" for s, d in kept)
    assert not [f for f in (*fd.added, *fd.dropped) if "Okwuosa" in f.text]


def test_advice_said_to_be_an_order_is_a_stronger_claim() -> None:
    src = "The inspector recommends that the owners repair the boundary fence this winter."
    der = "The inspector has ordered the owners to repair the boundary fence this winter."
    fd = _aligned(src, der, [(src, der)])
    changed = [c for c in fd.changed if c.kind == "claim"]
    assert [(c.label, c.detail) for c in changed] == [("strength", "stage_up")]


def test_a_quotations_attribution_is_no_claim_of_its_own() -> None:
    src = (
        'The moss was found in March. Mara Quist, who led the count, said: "It is spreading '
        'along the north wall and nobody planted it." The count ended in May.'
    )
    der = (
        'The moss was found in March. Botanist Mara Quist told us: "It is spreading along '
        'the north wall and nobody planted it." The count ended in May.'
    )
    same = ["The moss was found in March.", "The count ended in May."]
    fd = _aligned(src, der, [(x, x) for x in same])
    assert not [f.text for f in fd.dropped if f.kind == "claim"]


def test_a_thing_not_ruled_out_where_the_source_said_never_is_reversed() -> None:
    src = "The council owns the depot, and it will not sell the depot site to developers."
    der = "The council owns the depot, though it has not ruled out a sale of the depot site."
    fd = _aligned(src, der, [(src, der)])
    changed = [c for c in fd.changed if c.kind == "claim"]
    assert [c.label for c in changed] == ["reversed"]
    assert "ruled out" in changed[0].derived.text


def test_a_thing_not_ruled_out_where_the_source_states_it_is_a_hedge_added() -> None:
    src = "The council owns the depot, and it will sell the depot site next spring."
    der = "The council owns the depot, and it has not ruled out a sale of the depot site."
    fd = _aligned(src, der, [(src, der)])
    changed = [c for c in fd.changed if c.kind == "claim"]
    assert [(c.label, c.detail) for c in changed] == [("strength", "hedge_added")]


def test_a_quotation_retold_whole_is_one_change() -> None:
    src = (
        'The storm hit on Friday.\n\nRanger Tomas Blek said: "The path washed away in the '
        "night and the old bridge went with it. We would ask walkers to use the valley road "
        'until 30 April."'
    )
    der = (
        "The storm hit on Friday.\n\nRanger Tomas Blek said the path washed away in the night "
        "and the old bridge went with it. He asked walkers to use the valley road until 30 "
        "April."
    )
    fd = diff_facts(src, der, source_doc=0, derived_doc=1)
    quotes = [c for c in fd.changed if c.kind == "quote"]
    assert len(quotes) == 1 and quotes[0].source.text.startswith("The path washed away")
    assert quotes[0].derived.text.startswith("the path washed away")
    assert not [f for f in fd.dropped if f.kind == "quote"]


def test_a_street_word_written_short_keeps_the_place() -> None:
    src = "Crews closed East Marlow Street on Monday while the main was fixed."
    der = "Crews closed East Marlow St on Monday while the main was fixed."
    fd = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert not [c for c in fd.changed if c.kind in NAME_KINDS]
    kept = [(k.source.text, k.derived.text) for k in fd.kept if k.kind in NAME_KINDS]
    assert ("East Marlow Street", "East Marlow St") in kept


def test_a_verb_opening_a_list_item_is_no_name() -> None:
    src = (
        "What we are changing\n\n"
        "- Adding new alarms to the harbour cranes (complete)\n"
        "- Moving spare parts to the north depot (by June)\n"
    )
    der = "The firm says it has added new alarms to the harbour cranes."
    fd = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert "Adding" not in [f.text for f in fd.dropped]


def test_a_role_read_as_a_name_goes_with_the_title_change() -> None:
    src = '"We are sorry," said Ana Pereira, Head of Fleet Safety. "It will not happen again."'
    der = '"We are sorry," said Ana Pereira, the company\'s chief engineer.'
    fd = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert [c.label for c in fd.changed if c.kind == "person"] == ["title"]
    assert not [f for f in fd.dropped if "Fleet" in f.text]


def test_an_intent_stated_as_certain_in_a_sentence_not_aligned() -> None:
    first = "The depot closed on Friday after the flood."
    src = f"{first} Engineers expect to reopen the northern gate within a fortnight."
    der = f"{first} Crews will reopen the northern gate once the water drops, the council says."
    fd = _aligned(src, der, [(first, first)])
    changed = [c for c in fd.changed if c.kind == "claim"]
    assert [(c.label, c.detail) for c in changed] == [("strength", "hedge_dropped")]
    assert "expect to reopen" in changed[0].source.text


def test_a_step_of_modality_between_sentences_not_aligned_needs_the_same_verb() -> None:
    first = "The depot closed on Friday after the flood."
    src = f"{first} Engineers expect the northern gate to stay shut for a fortnight."
    der = f"{first} The council will open a northern gate for crews once the water drops."
    fd = _aligned(src, der, [(first, first)])
    assert not [c for c in fd.changed if c.kind == "claim"]


def test_a_suspected_thing_stated_in_a_sentence_not_aligned_is_a_hedge_dropped() -> None:
    first = "The climbers were lifted off the ridge on Sunday."
    src = f"{first} One of them was carried down with a suspected wrist fracture after a slip."
    der = f"{first} Medics later confirmed she had broken her wrist in the slip."
    fd = _aligned(src, der, [(first, first)])
    changed = [c for c in fd.changed if c.kind == "claim"]
    assert [(c.label, c.detail) for c in changed] == [("strength", "hedge_dropped")]


def test_a_surname_cut_short_where_the_full_name_heads_a_memo() -> None:
    src = (
        "From: Mirela Sandu-Kovac, Managing Director\n"
        "To: All staff\n\n"
        "Team,\n\nWe are closing the Leith office in March. Nobody will lose their job.\n\n"
        "Mirela\n"
    )
    der = "Managing director Mirela Sandu told staff the Leith office will close in March."
    fd = diff_facts(src, der, source_doc=0, derived_doc=1)
    changed = [(c.source.text, c.derived.text, c.label) for c in fd.changed if c.kind == "person"]
    assert ("Mirela Sandu-Kovac", "Mirela Sandu", "surname") in changed


def test_a_letter_saying_what_it_is_for_states_no_claim() -> None:
    first = "The Leith office will close in March."
    last = "Nobody will lose their job."
    src = f"{first} We are writing to explain a painful choice to every colleague. {last}"
    der = f"{first} {last}"
    fd = _aligned(src, der, [(first, first), (last, last)])
    assert not [f for f in fd.dropped if f.kind == "claim"]


def test_a_source_said_to_be_silent_on_what_it_states_is_reversed() -> None:
    first = "The Leith office will close in March."
    src = f"{first} Staff keep their pass to the riverside campus gym until June."
    der = f"{first} The letter did not mention campuses."
    fd = _aligned(src, der, [(first, first)])
    changed = [c for c in fd.changed if c.kind == "claim"]
    assert [(c.source.text, c.label) for c in changed] == [("campus gym until", "reversed")]


def test_a_decisions_margin_dropped_is_a_change_of_strength() -> None:
    src = "The council unanimously backed the new cycle lane on Mill Road last night."
    der = "The council also backed a cycle lane for Mill Road last night."
    fd = _aligned(src, der, [(src, der)])
    changed = [c for c in fd.changed if c.kind == "claim"]
    assert [(c.label, c.detail) for c in changed] == [("strength", "quantifier")]
    assert changed[0].source.text.startswith("unanimously")


def test_a_margin_the_source_never_gives_needs_a_vote_to_be_read_against() -> None:
    src = "The council backed the new cycle lane on Mill Road last night."
    der = "The council unanimously backed a cycle lane for Mill Road last night."
    fd = _aligned(src, der, [(src, der)])
    assert not [c for c in fd.changed if c.detail == "quantifier"]
