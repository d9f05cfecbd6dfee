"""The second held-out fact-diff set (``tests/data/facts_holdout2``): twelve pairs written
and annotated blind by a third annotator, never tuned on. The set must load with the
scorer's loader (every annotated string in its text), keep its shape (news-sized texts
with page furniture, two controls, every kind of fact), and the real ``compare`` over it
must stay above a floor pinned a little under the figure first measured, so that a change
that only fits the gold set and costs on unseen text is caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from textlineage.eval import FactsEvaluation, evaluate_facts, load_facts_gold

HOLDOUT2 = Path(__file__).resolve().parent / "data" / "facts_holdout2"

# Measured with `textlineage eval facts --data tests/data/facts_holdout2 --split all`
# (1 December 2026, blind, two annotation slips fixed afterwards, see the set's README):
# changed, added and dropped together P 0.54 R 0.60 F1 0.57; with the claim rules merged
# after, 0.59 (still blind); with page furniture found on it, 0.63. The floor is 0.03
# below; raise it as the diff improves, never tune on this set beyond page furniture.
OVERALL_F1_FLOOR = 0.60


def test_the_second_holdout_set_loads_and_is_news_sized() -> None:
    pairs = load_facts_gold(HOLDOUT2)
    assert [p.id for p in pairs] == [f"{n:02d}" for n in range(1, 13)]
    assert {p.split for p in pairs} == {"test"}  # held out: nothing here is for tuning
    assert all(p.exhaustive for p in pairs)
    assert [p.id for p in pairs if p.control] == ["06", "11"]
    assert len({p.topic for p in pairs}) == 12
    for p in pairs:
        words = len(p.source_path.read_text(encoding="utf-8").split())
        assert 250 <= words <= 550, (p.id, words)
        assert p.noise, p.id  # every source carries page furniture
    facts = [f for p in pairs for f in p.facts if f.type != "kept"]
    assert {f.type for f in facts} == {"changed", "added", "dropped"}
    assert {"number", "date", "person", "place", "organisation", "quote", "claim"} <= {
        f.kind for f in facts
    }


@pytest.fixture(scope="module")
def evaluation() -> FactsEvaluation:
    return evaluate_facts(HOLDOUT2, split="all")


def test_the_fact_diff_generalises_to_the_second_holdout_set(
    evaluation: FactsEvaluation,
) -> None:
    g = evaluation.groups["all"]
    assert g.pairs == 12 and g.controls == 2
    assert g.overall["gold"] == sum(g.types[t]["gold"] for t in ("changed", "added", "dropped"))
    assert g.overall["f1"] >= OVERALL_F1_FLOOR, g.overall
