"""Claims moved along a scale of stages: arrested → charged, shortlisted → won, stable →
critical, in line with → beat expectations."""

from __future__ import annotations

from textlineage.facts.claim_stages import stage_shapes
from textlineage.facts.diff import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(src: str, der: str) -> FactDiff:
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    return diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))


def _claims(d: FactDiff) -> list[tuple[str, str, str]]:
    return [(c.source.text, c.derived.text, c.detail) for c in d.changed if c.kind == "claim"]


def test_an_arrest_reported_as_a_charge_is_a_stronger_claim() -> None:
    d = _diff(
        "A woman was arrested on suspicion of arson at the depot.",
        "A woman has been charged with arson at the depot.",
    )
    (change,) = _claims(d)
    assert "arrested" in change[0] and "charged" in change[1]
    assert change[2] == "stage_up"
    link = next(c for c in d.changed if c.kind == "claim")
    assert link.unsupported and "charged" in link.note


def test_a_prize_won_that_was_only_shortlisted_and_back() -> None:
    (up,) = _claims(
        _diff(
            "The novel was shortlisted for the Harwood Prize.", "The novel won the Harwood Prize."
        )
    )
    assert up[2] == "stage_up" and "Harwood" not in up[0]  # the name is a fact of its own
    (down,) = _claims(
        _diff("The novel won the Harwood Prize.", "The novel was longlisted for the Harwood Prize.")
    )
    assert down[2] == "stage_down"


def test_a_patient_made_critical_and_results_made_a_beat() -> None:
    (harm,) = _claims(
        _diff(
            "The driver is in a stable condition in hospital.",
            "The driver is fighting for his life with life-threatening injuries.",
        )
    )
    assert harm[2] == "stage_up" and "life-threatening" in harm[1]
    (results,) = _claims(
        _diff(
            "Profit for the year was in line with analyst expectations.",
            "Profit for the year will beat analyst forecasts.",
        )
    )
    assert results[2] == "stage_up"


def test_stages_about_different_things_or_at_one_step_are_no_change() -> None:
    # the same step in other words
    assert _claims(_diff("He was arrested last night.", "He was detained last night.")) == []
    # a stage of another thing: the charge is not the arrest's (no shared word)
    assert (
        _claims(
            _diff(
                "Police arrested two men after the match.",
                "Prosecutors charged a councillor with fraud.",
            )
        )
        == []
    )
    # "minor" with no condition or injury is not a harm
    assert _claims(_diff("It was a minor setback.", "It was a critical setback.")) == []


def test_stage_shapes_read_words_and_clauses() -> None:
    a = ["she", "was", "arrested", "for", "theft"]
    b = ["she", "was", "convicted", "of", "theft"]
    shapes = stage_shapes(a, b, ([0] * 5, [0] * 5), ([False] * 5, [False] * 5))
    assert [(s.detail, s.note) for s in shapes] == [
        ("stage_up", "'arrested' → 'convicted': suspected or arrested made convicted")
    ]
    # "theft" blocked (a fact of its own): the claim stops before it, but the clauses are
    # still about it
    blocked = [False, False, False, False, True]
    (shape,) = stage_shapes(a, b, ([0] * 5, [0] * 5), (blocked, blocked))
    assert shape.src == (0, 4) and shape.der == (0, 4)


def test_a_suspicion_stated_as_a_fact_is_a_hedge_dropped() -> None:
    (change,) = _claims(
        _diff(
            "A driver was arrested on suspicion of causing harm by careless driving.",
            "Police arrested a driver for careless driving.",
        )
    )
    assert change[0].startswith("on suspicion of") and change[1] == "for careless driving"
    assert change[2] == "hedge_dropped"
    (added,) = _claims(
        _diff(
            "The treasurer took funds from the club account.",
            "The treasurer is suspected of taking funds from the club account.",
        )
    )
    assert added[2] == "hedge_added" and "suspected" in added[1]


def test_what_is_suspected_ends_before_a_linking_word() -> None:
    # "accused of" here ends at once ("what she was accused of before the hearing"): the
    # hearing both sentences name is not what she was accused of
    assert (
        _claims(
            _diff(
                "She was told nothing before the disciplinary hearing.",
                "Nobody said what she was accused of before the disciplinary hearing.",
            )
        )
        == []
    )


def test_a_stage_changed_is_told_before_the_suspicion_dropped() -> None:
    (change,) = _claims(
        _diff(
            "A clerk was arrested on suspicion of careless driving near the depot.",
            "A clerk has been charged with careless driving near the depot.",
        )
    )
    assert change[2] == "stage_up"
