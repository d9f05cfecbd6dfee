"""Claims on sentences of no test corpus: a permission given with "may" on one side and
"can" on the other; a hedged claim and a stated one about subjects of two counts."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff, Passage


def _aligned(source: str, derived: str, pairs: list[tuple[str, str]]) -> FactDiff:
    passages = []
    for a, b in pairs:
        sa, sb = source.index(a), derived.index(b)
        passages.append(
            Passage("paraphrase", 0.5, (((sa, sa + len(a)),), ((sb, sb + len(b)),)), ())
        )
    return diff_facts(source, derived, source_doc=0, derived_doc=1, passages=passages)


def _claims(fd: FactDiff) -> list[tuple[str, str]]:
    return [(c.source.text, c.derived.text) for c in fd.changed if c.kind == "claim"]


def test_a_permission_given_with_can_is_no_change_of_strength() -> None:
    src = (
        "Entry to the boathouse is free, but members may book up to four seats for "
        "relatives by June 2."
    )
    der = (
        "Entry to the boathouse is free, though members can book as many as four seats "
        "for relatives until June 2."
    )
    assert not _claims(_aligned(src, der, [(src, der)]))


def test_a_permission_given_with_can_in_another_sentence_is_no_change() -> None:
    src = (
        "The regatta starts at noon on the lower reach. Crews who wish to withdraw may "
        "cancel their entry up to a week before the start and claim back the fee."
    )
    der = (
        "The regatta starts at noon. Changed your mind? Crews can cancel their entry for "
        "a refund until a week before."
    )
    assert not _claims(_aligned(src, der, [(src[:46], der[:27])]))


def test_a_hedge_on_an_ability_dropped_is_still_a_change() -> None:
    src = "The clinic may be able to see walk-in patients on Saturday mornings."
    der = "The clinic can see walk-in patients on Saturday mornings."
    assert _claims(_aligned(src, der, [(src, der)]))


def test_a_hedged_and_a_stated_claim_about_two_counts_are_two_claims() -> None:
    src = "About 3,150 runners are expected to finish the course along the canal."
    der = "Four runners will finish the course along the canal in fancy dress."
    assert not _claims(_aligned(src, der, [(src, der)]))


def test_a_hedge_dropped_with_the_same_count_is_a_change() -> None:
    src = "About 3,150 runners are expected to finish the course along the canal."
    der = "About 3,150 runners will finish the course along the canal."
    assert _claims(_aligned(src, der, [(src, der)]))


def test_two_hedged_clauses_stated_in_one_derived_clause_are_two_changes() -> None:
    src = (
        "Repairs are expected to last about nine weeks, with the footbridge expected to "
        "reopen to walkers by late autumn."
    )
    der = (
        "The council says repairs will last nine weeks and the footbridge will open to "
        "walkers again in autumn."
    )
    claims = _claims(_aligned(src, der, [(src, der)]))
    assert len(claims) == 2
    assert any("footbridge" in s and "walkers" in d for s, d in claims)


def test_a_hedge_dropped_from_a_verb_put_in_other_words_between_sentences_not_aligned() -> None:
    src = (
        "The ferry service resumed on Friday after the storm. Engineers are expected to "
        "remain on the slipway through Sunday to test the winches."
    )
    der = (
        "Ferries are running again. The storm passed on Friday, but engineers will stay "
        "on the slipway until Monday."
    )
    fd = _aligned(src, der, [(src[:52], der[:26])])
    assert any("remain" in s and "stay" in d for s, d in _claims(fd))


def test_a_prohibition_said_with_no_is_no_reversal() -> None:
    src = "During the works, swimming is prohibited at all beaches of the quarry lake."
    der = "During the works there is no swimming at any beach of the quarry lake."
    assert not _claims(_aligned(src, der, [(src, der)]))


def test_a_passive_notice_denied_with_another_verb_of_telling_is_reversed() -> None:
    src = (
        "The mill will close its north gate from Monday. Delivery drivers have been "
        "informed, and the car park stays open."
    )
    der = "The car park stays open, but delivery drivers have not been told about the gate."
    fd = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert [(c.label, c.derived.text) for c in fd.changed if c.kind == "claim"] == [
        ("reversed", "drivers have not been told")
    ]


def test_a_passive_notice_said_on_both_sides_is_no_change() -> None:
    src = "Delivery drivers have been informed about the north gate."
    der = "Delivery drivers have been told about the north gate."
    fd = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert not [c for c in fd.changed if c.label == "reversed"]


def test_a_place_after_a_preposition_is_no_verb_stated() -> None:
    src = "The barge is still scheduled to return to Kelmouth on Friday morning."
    der = "The barge gets back in Kelmouth around 7am on Friday."
    assert not _claims(_aligned(src, der, [(src, der)]))


def test_a_condition_of_possibility_dropped_makes_the_rule_plain() -> None:
    src = "Walkers on the cliff path should keep dogs on a lead where possible during lambing."
    der = "Walkers on the cliff path should keep dogs on a lead during lambing."
    fd = _aligned(src, der, [(src, der)])
    assert [(c.detail, c.note) for c in fd.changed if c.kind == "claim"] == [
        ("hedge_dropped", "hedge 'where possible' dropped")
    ]


def test_a_possibility_kept_beside_a_condition_is_no_change() -> None:
    src = "Walkers on the cliff path should keep dogs on a lead if practicable during lambing."
    der = "Walkers on the cliff path should keep dogs on a lead where practicable during lambing."
    assert not _claims(_aligned(src, der, [(src, der)]))


def test_a_hedge_of_belief_moved_to_the_sentence_opening_keeps_the_claim() -> None:
    src = "The lorry is thought to have a dent in its tailgate and a torn curtain side."
    der = "Officers believe the lorry has a dent in its tailgate and a torn curtain side."
    fd = _aligned(src, der, [(src, der)])
    assert not _claims(fd)
    src = "The lorry is thought to have a dent in its tailgate and a torn curtain side."
    der = "The lorry has a dent in its tailgate and a torn curtain side."
    fd = _aligned(src, der, [(src, der)])
    assert _claims(fd)
