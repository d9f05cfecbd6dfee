"""Modality changed between sentences the alignment did not pair (facts.match_modals_far)."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.facts.diff import READING_PAIR
from textlineage.types import Passage


def _claims(src: str, der: str) -> list[tuple[str, str, str]]:
    # the first sentences of the two texts aligned, the rest not
    sa, sb = (0, src.index(".") + 1), (0, der.index(" ", 8))
    pairs = (Passage("paraphrase", 0.0, ((sa,), (sb,)), (READING_PAIR,)),)
    d = diff_facts(src, der, source_doc=0, derived_doc=1, passages=pairs, languages=("en", "en"))
    return [(c.source.text, c.derived.text, c.label) for c in d.changed if c.kind == "claim"]


def test_possible_stated_as_certain_in_another_sentence_is_a_strength_change() -> None:
    src = "Forecasters issued a warning on Monday. Flooding could close the coast road."
    der = "Warning issued ... Heavy flooding will close the coast road ... Stay tuned"
    assert [c[2] for c in _claims(src, der)] == ["strength"]


def test_nothing_is_read_without_a_passage() -> None:
    src = "Forecasters issued a warning on Monday. Flooding could close the coast road."
    der = "Heavy flooding will close the coast road."
    d = diff_facts(src, der, source_doc=0, derived_doc=1, languages=("en", "en"))
    assert not [c for c in d.changed if c.kind == "claim"]


def test_one_step_of_modality_between_unpaired_sentences_is_left_alone() -> None:
    src = "The council met on Monday. A final vote on the road is expected next spring."
    der = "The council will hold a final vote on the road next spring."
    assert not _claims(src, der)


def test_a_sentence_pair_sharing_two_words_is_read_for_modality() -> None:
    src = "The bulletin was issued at noon. Road closures are possible where drifts form."
    der = "Bulletin out at noon ... Widespread road closures expected ..."
    sa = (src.index("Road"), len(src))
    sb = (der.index("Widespread"), len(der))
    pairs = (Passage("paraphrase", 0.0, ((sa,), (sb,)), (READING_PAIR,)),)
    d = diff_facts(src, der, source_doc=0, derived_doc=1, passages=pairs, languages=("en", "en"))
    changed = [(c.source.text, c.label) for c in d.changed if c.kind == "claim"]
    assert changed == [("Road closures are possible", "strength")]
