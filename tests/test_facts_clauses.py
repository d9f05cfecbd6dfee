"""Claims dropped or added whole (facts.match_clauses) and the wider hedge rules of
facts.claim_rules and facts.match_claims, on invented sentences inside a reused text."""

from __future__ import annotations

import pytest

from textlineage import Document, compare
from textlineage.facts.match_clauses import _named
from textlineage.types import FactDiff

INTRO = (
    "The harbour authority met on Monday evening to review the winter storm season, "
    "which left several quays closed for days and delayed the ferry timetable."
)
MIDDLE = (
    "Engineers from the authority inspected the breakwater on Tuesday morning and "
    "found cracks along the outer wall near the lighthouse."
)
OUTRO = (
    "Owners of damaged boats can apply for help through the authority's website until "
    "the end of next month, a spokeswoman for the authority added."
)


def _facts(source: str, derived: str) -> FactDiff:
    doc = "{}\n\n{}\n\n{}\n\n{}\n"
    c = compare(Document("a", doc.format(INTRO, MIDDLE, source, OUTRO)),
                Document("b", doc.format(INTRO, MIDDLE, derived, OUTRO)))  # fmt: skip
    assert c.passages
    return c.facts


def _claims(facts: tuple[object, ...]) -> list[str]:
    return [f.text for f in facts if getattr(f, "kind", "") == "claim"]  # type: ignore[attr-defined]


def test_a_clause_the_derived_text_leaves_out_is_a_dropped_claim() -> None:
    fd = _facts(
        "The ferry company said it would resume sailings on Friday, subject to the "
        "harbour master approving its emergency plan.",
        "The ferry company said it would resume sailings on Friday.",
    )
    assert _claims(fd.dropped) == ["subject to the harbour master approving its emergency plan"]
    assert not _claims(fd.added)


def test_a_sentence_the_source_never_states_is_an_added_claim() -> None:
    fd = _facts(
        "The ferry company said it would resume sailings on Friday.",
        "The ferry company said it would resume sailings on Friday. Local fishermen "
        "blame years of neglected maintenance for the cracks.",
    )
    assert _claims(fd.added) == [
        "Local fishermen blame years of neglected maintenance for the cracks"
    ]
    assert not _claims(fd.dropped)


def test_a_reworded_clause_is_neither_dropped_nor_added() -> None:
    fd = _facts(
        "The ferry company said it would resume sailings on Friday, after divers had "
        "checked the moorings of the northern quay.",
        "Sailings will resume on Friday once divers have checked the northern quay's "
        "moorings, the ferry company said.",
    )
    assert not _claims(fd.dropped)
    assert not _claims(fd.added)


def test_a_question_is_no_statement() -> None:
    fd = _facts(
        "The ferry company said it would resume sailings on Friday. Who will pay the "
        "volunteers' overtime bills this month?",
        "The ferry company said it would resume sailings on Friday. Local fishermen "
        "blame years of neglected maintenance for the cracks.",
    )
    assert not _claims(fd.dropped)  # the question states nothing
    assert _claims(fd.added) == [
        "Local fishermen blame years of neglected maintenance for the cracks"
    ]


def test_a_clause_of_capitalised_words_is_a_name_not_a_statement() -> None:
    text = "It thanked the United Nations Children's Fund, which paid for the repairs."
    name = text.index("the United")
    assert _named(text, name, text.index(","))
    assert not _named(text, text.index("which"), len(text) - 1)


def test_a_dropped_clause_holding_a_number_is_the_number() -> None:
    fd = _facts(
        "The ferry company said it would resume sailings on Friday, while insurers "
        "estimated the damage at 4.2 million euros.",
        "The ferry company said it would resume sailings on Friday.",
    )
    assert [f.text for f in fd.dropped if f.kind == "number"] == ["4.2 million euros"]
    assert not _claims(fd.dropped)


@pytest.mark.parametrize(
    ("source", "derived", "hedge"),
    [
        # an intention stated as what will happen
        ("Salvage crews plan to refloat the trawler on Thursday.",
         "Salvage crews will refloat the trawler on Thursday.", "plan to"),
        # "likely to" after a form of "be", the verb kept
        ("The harbour master said repairs were likely to cost more than planned.",
         "The harbour master said repairs would cost more than planned.", "likely"),
        # "considering whether to", the verb of the clause after it stated
        ("The authority was considering whether to seek permission to rebuild the wall.",
         "The authority will rebuild the wall.", "was considering whether to"),
        # what is usual stated as what will happen
        ("The cost is usually shared between the port and the town.",
         "The cost will be shared between the port and the town.", "usually"),
    ],
)  # fmt: skip
def test_hedges_of_intention_and_expectation_dropped(source: str, derived: str, hedge: str) -> None:
    fd = _facts(source, derived)
    claims = [c for c in fd.changed if c.kind == "claim"]
    assert [(c.label, c.detail) for c in claims] == [("strength", "hedge_dropped")]
    assert hedge in claims[0].note


def test_an_infinitive_is_not_a_statement_of_the_hedged_verb() -> None:
    fd = _facts(
        "The owners plan to sell the damaged trawler for scrap.",
        "The owners said they did not want to sell the damaged trawler.",
    )
    assert not [c for c in fd.changed if c.kind == "claim" and c.detail == "hedge_dropped"]


@pytest.mark.parametrize(
    ("source", "derived", "detail"),
    [
        ("Inspectors opened an inquiry into possible negligence by the contractor.",
         "Inspectors opened an inquiry into negligence by the contractor.", "hedge_dropped"),
        ("The town voted to close most quays to private boats from March.",
         "The town voted to close quays to private boats from March.", "quantifier"),
        ("It was one of the most damaging storms to hit the coast in decades.",
         "It was the most damaging storm to hit the coast in decades.", "degree"),
    ],
)  # fmt: skip
def test_small_words_that_change_a_claim(source: str, derived: str, detail: str) -> None:
    fd = _facts(source, derived)
    assert [c.detail for c in fd.changed if c.kind == "claim"] == [detail]


def test_a_statement_replaced_in_its_place_is_one_restated_claim() -> None:
    fd = _facts(
        "Investigators have not yet found the cause of the collapse. Traffic on the "
        "coast road was diverted for the rest of the week.",
        "Police believe vandals loosened the stones deliberately. Traffic on the coast "
        "road was diverted for the rest of the week.",
    )
    claims = [(c.source.text, c.derived.text, c.label) for c in fd.changed if c.kind == "claim"]
    assert claims == [
        (
            "Investigators have not yet found the cause of the collapse",
            "Police believe vandals loosened the stones deliberately",
            "restated",
        )
    ]
    assert not _claims(fd.dropped) and not _claims(fd.added)


def test_a_second_verb_group_left_out_is_a_dropped_claim() -> None:
    fd = _facts(
        "The skipper was questioned by police and was refused permission to sail again "
        "before the inquiry ends.",
        "The skipper was questioned by police.",
    )
    assert _claims(fd.dropped) == ["was refused permission to sail again before the inquiry ends"]


def test_examples_listed_after_including_are_no_claim() -> None:
    fd = _facts(
        "The inquiry heard from forty witnesses, including skippers, anglers, divers "
        "and lifeboat volunteers.",
        "The inquiry heard from forty witnesses.",
    )
    assert not _claims(fd.dropped)


def test_a_fronted_phrase_of_place_or_scope_is_no_claim() -> None:
    fd = _facts(
        "In a handful of smaller harbours, including Port Ellen, moorings still need repairs.",
        "In a few small harbours moorings still need repairs.",
    )
    assert "In a handful of smaller harbours" not in _claims(fd.dropped)


def test_a_letters_words_about_itself_are_no_claim() -> None:
    fd = _facts(
        "I'm writing to tell you some difficult news. Volunteers will close the cafe "
        "on the quay for the whole winter.",
        "Volunteers will close the cafe on the quay for the whole winter.",
    )
    assert not _claims(fd.dropped)


def test_a_short_predicate_left_out_is_a_dropped_claim() -> None:
    fd = _facts(
        "A deckhand slipped on the gangway during the storm but was not kept overnight.",
        "A deckhand slipped on the gangway during the storm.",
    )
    assert _claims(fd.dropped) == ["was not kept overnight"]


def test_a_short_added_remark_is_not_read_as_a_claim() -> None:
    fd = _facts(
        "A deckhand slipped on the gangway during the storm.",
        "A deckhand slipped on the gangway during the storm but was soon fine.",
    )
    assert not _claims(fd.added)


def test_the_last_item_of_a_list_left_out_is_a_dropped_claim() -> None:
    fd = _facts(
        "Stallholders on the quay pay a weekly rent and a refundable cleaning deposit.",
        "Stallholders on the quay pay a weekly rent.",
    )
    assert _claims(fd.dropped) == ["a refundable cleaning deposit"]


def test_a_list_item_sharing_its_head_with_the_one_before_is_dropped() -> None:
    fd = _facts(
        "At the office, stallholders on the quay can buy weekly permits and overnight permits.",
        "At the office, stallholders on the quay can buy weekly permits.",
    )
    assert _claims(fd.dropped) == ["overnight permits"]


def test_a_second_verb_group_is_no_list_item() -> None:
    fd = _facts(
        "Stallholders on the quay pay a weekly rent and would welcome longer leases.",
        "Stallholders on the quay pay a weekly rent.",
    )
    assert "would welcome longer leases" in _claims(fd.dropped)
    assert len(_claims(fd.dropped)) == 1


def test_a_narrowing_phrase_after_a_comma_left_out_is_a_dropped_claim() -> None:
    """An adverb that narrows or hedges the claim before it (", mostly") opens a phrase of
    its own: left out of a sentence whose number the derived text keeps, it is dropped."""
    fd = _facts(
        "The harbour gained 3,150 berths last year, mostly for yachts owned by summer "
        "visitors from abroad.",
        "The harbour gained 3,150 berths last year.",
    )
    assert "mostly for yachts owned by summer visitors from abroad" in _claims(fd.dropped)


def test_a_clause_whose_words_the_derived_text_holds_only_far_apart_is_dropped() -> None:
    # "pier" and "cafe" are in the derived text, but three sentences apart: the same
    # topic's words, not the clause said again.
    fd = _facts(
        "The ferry company said it would resume sailings on Friday. The cottage by the pier "
        "will reopen as a cafe.",
        "Crowds gathered at the pier. The ferry company said it would resume sailings on "
        "Friday. Its crews had waited for calmer weather. A cafe opened nearby.",
    )
    assert "The cottage by the pier will reopen as a cafe" in _claims(fd.dropped)


def test_a_clause_split_over_two_neighbouring_sentences_is_not_dropped() -> None:
    fd = _facts(
        "The ferry company said it would resume sailings on Friday. The cottage by the pier "
        "will reopen as a cafe.",
        "The ferry company said it would resume sailings on Friday. The old cottage stands "
        "empty. It will become a cafe.",
    )
    assert not any("cottage" in c for c in _claims(fd.dropped))
    assert not any("cottage" in k.source.text for k in fd.changed)
