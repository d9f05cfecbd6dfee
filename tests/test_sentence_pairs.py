"""Sentence pairs outside the passages of reuse (compare's ``sentence_pairs``): a rewrite
in another genre shares single sentences, too little to count as reuse, and the fact diff
reads them side by side as it reads passages."""

from __future__ import annotations

from dataclasses import replace

from textlineage import compare, document_from_text
from textlineage.compare import with_facts

SOURCE = (
    "The county council met on Tuesday to discuss the new budget for the coming year. "
    "Officials said the bridge over the river Wenning could close for repairs for several "
    "weeks from March. The council also approved a plan to plant trees along the main road. "
    "Residents raised concerns about parking in the town centre during the market days. "
    "A new library is planned for the north of the town, with work starting next year."
)
DERIVED = (
    "Drivers face months of disruption. The Wenning river bridge will close for repairs "
    "for several weeks from March, council officials said. Local shops fear a drop in "
    "trade while the detour is in place. The diversion adds twenty minutes to journeys "
    "between the two villages."
)


def _strength(c: object) -> list[tuple[str, str]]:
    return [
        (k.source.text, k.derived.text)
        for k in c.facts.changed  # type: ignore[attr-defined]
        if k.kind == "claim"
    ]


def test_a_matched_sentence_is_read_by_the_fact_diff_without_being_reuse() -> None:
    a, b = document_from_text(SOURCE, "a"), document_from_text(DERIVED, "b")
    c = compare(a, b)
    assert c.verdict == "independent" and not c.passages  # one sentence is no reuse
    (pair,) = c.sentence_pairs
    assert "could close" in SOURCE[slice(*pair[0])]
    assert "will close" in DERIVED[slice(*pair[1])]
    assert _strength(c) == [("could close", "will close")]
    assert "sentence_pairs" not in c.to_json()


def test_the_pairs_follow_the_documents_in_either_order() -> None:
    a, b = document_from_text(SOURCE, "a"), document_from_text(DERIVED, "b")
    ab, ba = compare(a, b), compare(b, a)
    assert ba.sentence_pairs == tuple(sorted((y, x) for x, y in ab.sentence_pairs))
    # the fact diff recomputed (as a search does) reads the same pairs
    again = with_facts(replace(ab, facts=ab.facts))
    assert _strength(again) == _strength(ab)


def test_without_pairs_the_claim_is_not_read() -> None:
    a, b = document_from_text(SOURCE, "a"), document_from_text(DERIVED, "b")
    c = compare(a, b)
    assert _strength(with_facts(replace(c, sentence_pairs=()))) == []


def test_a_long_text_has_no_pairs_its_facts_read_around_passages() -> None:
    from textlineage.facts.scope import WHOLE_TEXT_CHARS

    filler = " ".join(
        f"Meeting {n} of the parish council heard reports on drains, hedges and lamps."
        for n in range(WHOLE_TEXT_CHARS // 70)
    )
    long_source = SOURCE + " " + filler
    assert len(long_source) > WHOLE_TEXT_CHARS
    c = compare(document_from_text(long_source, "a"), document_from_text(DERIVED, "b"))
    assert c.sentence_pairs == ()
