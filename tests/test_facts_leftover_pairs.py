"""A dropped and an added fact of one kind in a sentence pair the fact diff reads side by
side (compare's ``sentence_pairs``) are one fact changed, though the two sentences share
too few words for the leftovers' own sentence match."""

from __future__ import annotations

from textlineage.facts.diff import READING_PAIR, diff_facts
from textlineage.types import FactDiff, Passage


def _diff(src: str, der: str, read_as_pair: bool = True) -> FactDiff:
    spans = (((0, len(src)),), ((0, len(der)),))
    passages = (Passage("paraphrase", 0.0, spans, (READING_PAIR,)),) if read_as_pair else ()
    return diff_facts(src, der, source_doc=0, derived_doc=1, passages=passages)


def _changed(d: FactDiff) -> list[tuple[str, str]]:
    return [(c.source.text, c.derived.text) for c in d.changed]


SRC_YEAR = "The leisure centre on Mill Lane is scheduled to reopen in 2028."
DER_YEAR = "Swimmers will have to wait until 2029 now."
SRC_COUNT = "About 400 volunteers turned out for the beach clean on Sunday."
DER_COUNT = "Some 350 people helped pick up litter."


def test_a_year_and_a_count_in_a_pair_read_side_by_side_are_changed() -> None:
    assert _changed(_diff(SRC_YEAR, DER_YEAR)) == [("2028", "2029")]
    assert _changed(_diff(SRC_COUNT, DER_COUNT)) == [("About 400 volunteers", "Some 350 people")]


def test_without_the_pair_they_stay_dropped_and_added() -> None:
    d = _diff(SRC_YEAR, DER_YEAR, read_as_pair=False)
    assert not d.changed and "2028" in [f.text for f in d.dropped]
    assert [f.text for f in d.added] == ["2029"]
    d = _diff(SRC_COUNT, DER_COUNT, read_as_pair=False)
    assert not d.changed


def test_a_pair_does_not_tie_facts_of_different_kinds() -> None:
    d = _diff("The shelter opened in 2019 on Quay Street.", "It now houses 40 dogs.")
    assert not d.changed
