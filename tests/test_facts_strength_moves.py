"""A bound or hedge said in another place of the sentence is no change of strength."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.facts.items import Result
from textlineage.facts.zone_swaps import zone_swaps
from textlineage.types import Fact, FactDiff, Passage


def _diff(src: str, der: str) -> FactDiff:
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    return diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))


def _changed(d: FactDiff) -> list[str]:
    return [f"{c.source.text} → {c.derived.text}" for c in d.changed]


def test_a_bound_put_after_the_number_is_kept() -> None:
    d = _diff(
        "The footbridge over the canal will shut for up to three days in spring.",
        "The footbridge over the canal will shut for three days at most in spring.",
    )
    assert _changed(d) == []
    d = _diff(
        "Volunteers must be at least 18 years old to help at the orchard.",
        "Volunteers must be 18 years old or more to help at the orchard.",
    )
    assert _changed(d) == []


def test_a_bound_of_another_meaning_is_still_a_change() -> None:
    d = _diff(
        "The footbridge over the canal will shut for up to three days in spring.",
        "The footbridge over the canal will shut for three days at least in spring.",
    )
    assert _changed(d)


def test_a_hedge_paired_with_its_own_sentence_twice_is_no_change() -> None:
    text = "The merger is expected to close in the autumn, subject to the usual closing conditions."
    d = _diff(text, text.replace("in the autumn", "later this year"))
    assert [c for c in d.changed if c.kind == "claim"] == []


def test_an_estimate_moved_to_the_verb_is_kept() -> None:
    d = _diff(
        "Resurfacing the square will cost an estimated €48,000, paid from parking income.",
        "Resurfacing the square is expected to cost about €48,000, paid from parking income.",
    )
    assert [c for c in d.changed if c.kind == "claim"] == []


def test_an_expected_cost_of_a_plain_figure_is_a_hedge_added() -> None:
    d = _diff(
        "Resurfacing the square will cost €48,000, paid from parking income.",
        "Resurfacing the square is expected to cost €48,000, paid from parking income.",
    )
    assert [c for c in d.changed if c.kind == "claim"]


def test_the_verb_of_an_infinitive_is_no_part_of_a_title() -> None:
    d = _diff(
        "Readers may write to Parks Officer Imelda Quarrie by Friday with their views.",
        "Email the council to contact Parks Officer Imelda Quarrie by Friday with views.",
    )
    assert [c for c in d.changed if c.kind == "person"] == []


_SRC = (
    "The county fair returns to the riverside showground in May 2027, with a larger tent"
    " for the livestock judging and a new car park on the east side of the field.\n"
)


def _fair(byline: str) -> FactDiff:
    der = (
        f"Valley Notes\n{byline}\n\n"
        "The county fair comes back to the riverside showground in May, with a bigger tent"
        " for the livestock judging and a new car park on the east side of the field.\n"
    )
    return _diff(_SRC, der)


def test_a_year_the_derived_texts_own_date_gives_is_kept() -> None:
    d = _fair("Posted by the editor · 4 March 2027")
    assert [c for c in d.changed if c.kind == "date"] == []


def test_a_year_the_derived_texts_own_date_does_not_give_is_a_change() -> None:
    d = _fair("Posted by the editor · 4 March 2026")
    assert [c.source.text for c in d.changed if c.kind == "date"] == ["May 2027"]


def test_one_clock_time_in_another_zone_is_a_change_of_value() -> None:
    res = Result(
        added=[Fact("date", "8:05 p.m. Mountain", (30, 48), 1, "time:03:05Z")],
        dropped=[Fact("date", "8:05 p.m. PST", (52, 65), 0, "time:04:05Z")],
    )
    zone_swaps(res)
    assert not res.added and not res.dropped
    assert [(c.source.text, c.derived.text, c.label) for c in res.changed] == [
        ("8:05 p.m. PST", "8:05 p.m. Mountain", "value")
    ]


def test_another_clock_time_in_another_zone_is_left_alone() -> None:
    res = Result(
        added=[Fact("date", "7:05 p.m. Mountain", (30, 48), 1, "time:02:05Z")],
        dropped=[Fact("date", "8:05 p.m. PST", (52, 65), 0, "time:04:05Z")],
    )
    zone_swaps(res)
    assert len(res.added) == 1 and len(res.dropped) == 1 and not res.changed


def _dated(src: str, der: str) -> tuple[list[str], list[str]]:
    d = _diff(src, der)
    changed = [c.detail for c in d.changed if c.kind == "date"]
    kept = [k.derived.text for k in d.kept if k.kind == "date"]
    return changed, kept


def test_a_bound_on_a_date_dropped_is_a_change() -> None:
    changed, _ = _dated(
        "The ferry terminal will stay shut until at least the end of 2031.",
        "The ferry terminal will stay shut until the end of 2031.",
    )
    assert changed == ["qualifier_dropped"]
    changed, _ = _dated(
        "The pool reopens on 14 July at the earliest, the trust said.",
        "The pool reopens on 14 July, the trust said.",
    )
    assert changed == ["qualifier_dropped"]


def test_a_bound_on_a_date_moved_is_kept() -> None:
    changed, kept = _dated(
        "The ferry terminal will stay shut until at least 2031, the operator said.",
        "The ferry terminal will stay shut until 2031 at least, the operator said.",
    )
    assert changed == [] and kept


def test_a_date_in_a_claim_retold_is_no_bound_dropped() -> None:
    changed, _ = _dated(
        "The new ward will not open until 2031 at the earliest, the trust said.",
        "The new ward will open from 2031, the trust said.",
    )
    assert "qualifier_dropped" not in changed


def test_a_quarter_left_without_its_year_is_a_date_made_less_specific() -> None:
    d = _diff(
        "The refit is due to finish in the second quarter of 2032, after which the ship"
        " returns to the northern route with 14 crew.",
        "The refit is due to finish in the second quarter, after which the ship returns to"
        " the northern route with 14 crew.",
    )
    assert [(c.source.text, c.derived.text) for c in d.changed if c.kind == "date"] == [
        ("second quarter of 2032", "second quarter")
    ]
    assert not [f for f in d.dropped if f.kind == "date"]
