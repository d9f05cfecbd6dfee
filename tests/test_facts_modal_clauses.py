"""A sentence that lists several warnings of different modality: each clause is compared
with the clause of the other sentence it restates (facts.claim_modals), so a "could" in
another clause does not hide a "may" made "will"."""

from __future__ import annotations

from textlineage.facts.claim_modals import modal_shapes


def _clauses(words: list[str]) -> list[int]:
    out, n = [], 0
    for w in words:
        out.append(n)
        if w.endswith(","):
            n += 1
    return out


def _shapes(a: str, b: str):
    wa = [w.rstrip(",") for w in a.split()]
    wb = [w.rstrip(",") for w in b.split()]
    ca, cb = _clauses(a.split()), _clauses(b.split())
    return wa, wb, modal_shapes(wa, wb, (ca, cb), ([False] * len(wa), [False] * len(wb)))


def test_a_modal_of_another_clause_does_not_hide_the_change() -> None:
    _, wb, shapes = _shapes(
        "ferry crossings may be suspended overnight",
        "fallen trees could block lanes, ferry crossings will be suspended overnight,",
    )
    assert len(shapes) == 1
    lo, hi = shapes[0].der
    assert "will" in wb[lo:hi] and "could" not in wb[lo:hi]
    assert shapes[0].detail == "hedge_dropped"


def test_the_same_modal_in_the_restating_clause_is_no_change() -> None:
    _, _, shapes = _shapes(
        "ferry crossings may be suspended overnight",
        "fallen trees will block lanes, ferry crossings may be suspended overnight,",
    )
    assert shapes == []
