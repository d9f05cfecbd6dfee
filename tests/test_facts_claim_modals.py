"""A claim's modality changed with its verb (facts.claim_modals): "could be difficult" →
"will make … impossible", "are possible" → "expected"; and what is no change of modality."""

from __future__ import annotations

import pytest

from textlineage import Document, compare
from textlineage.facts.claim_modals import modal_shapes
from textlineage.types import FactDiff

INTRO = (
    "The county emergency office issued its update on Wednesday afternoon after a long "
    "meeting with road crews, utility companies and the school districts of the valley."
)
OUTRO = (
    "Residents can follow the updates on the county website and on local radio stations "
    "throughout the weekend, the emergency office said in its statement."
)


def _w(text: str) -> list[str]:
    return text.split()


def _facts(source: str, derived: str) -> FactDiff:
    doc = "{}\n\n{}\n\n{}\n"
    c = compare(Document("a", doc.format(INTRO, source, OUTRO)),
                Document("b", doc.format(INTRO, derived, OUTRO)))  # fmt: skip
    assert c.passages
    return c.facts


def _modal(fd: FactDiff) -> list[tuple[str, str, str]]:
    return [(c.source.text, c.derived.text, c.detail) for c in fd.changed if c.kind == "claim"]


@pytest.mark.parametrize(
    ("source", "derived", "words", "detail"),
    [
        (
            "Crews warned that the icy conditions on the mountain pass could close the "
            "northern road for several hours.",
            "Crews warned that the icy conditions on the mountain pass will close the northern "
            "road for several hours.",
            ("could close", "will close"),
            "hedge_dropped",
        ),
        (
            "The utility companies said power cuts in the upper valley are possible where "
            "branches fall on the lines.",
            "The utility companies said widespread power cuts in the upper valley are expected "
            "where branches fall on the lines.",
            ("possible", "expected"),
            "hedge_dropped",
        ),
        (
            "The school districts said the storm will disrupt bus routes in the upper valley "
            "on Friday morning.",
            "The school districts said the storm might disrupt bus routes in the upper valley "
            "on Friday morning.",
            ("will disrupt", "might disrupt"),
            "hedge_added",
        ),
    ],
)
def test_a_modality_changed_is_a_change_of_strength(
    source: str, derived: str, words: tuple[str, str], detail: str
) -> None:
    found = _modal(_facts(source, derived))
    assert len(found) == 1, found
    src, der, got = found[0]
    assert words[0] in src and words[1] in der
    assert got == detail


def test_the_modal_next_to_the_shared_words_is_the_one_paired() -> None:
    # the derived sentence says "will" twice; the clause about the commute is the one
    # that restates "could affect the commute"
    a = _w("the icy conditions could affect the morning commute")
    b = _w("snow will make the roads dangerous and the morning commute will be slower")
    shapes = modal_shapes(a, b, ([0] * len(a), [0] * len(b)), ([False] * len(a), [False] * len(b)))
    assert len(shapes) == 1
    lo, hi = shapes[0].der
    assert "will" in b[lo:hi] and "commute" in b[lo:hi] and "roads" not in b[lo:hi]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same modality on both sides, in other words
        (
            "the storm could close the northern road",
            "the northern road could be closed by the storm",
        ),
        # "as soon as possible", "than expected": no modality
        (
            "crews will clear the northern road as soon as possible",
            "the northern road will be cleared by crews soon",
        ),
        ("the northern road reopened sooner than expected", "the northern road will reopen soon"),
        # one shared word is not the same clause
        ("the storm could bring snow to the valley", "crews will clear the valley roads"),
    ],
)
def test_no_change_of_modality(a: str, b: str) -> None:
    wa, wb = a.split(), b.split()
    shapes = modal_shapes(
        wa, wb, ([0] * len(wa), [0] * len(wb)), ([False] * len(wa), [False] * len(wb))
    )
    assert shapes == []


def test_a_number_in_the_clause_stays_out_of_the_claim() -> None:
    a = _w("officials said 40 roads could close")
    b = _w("officials said 40 roads will close")
    blocked = ([w == "40" for w in a], [w == "40" for w in b])
    shapes = modal_shapes(a, b, ([0] * len(a), [0] * len(b)), blocked)
    assert len(shapes) == 1
    lo, hi = shapes[0].src
    assert "40" not in a[lo:hi] and "could" in a[lo:hi]
