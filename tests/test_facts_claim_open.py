"""An open question settled (facts.claim_open): "does not show whether the scheme saved
money" → "the scheme saved money"; and questions left open, or settled by the source too."""

from __future__ import annotations

import time

import pytest

from textlineage import Document, compare
from textlineage.facts.claim_open import open_questions, settled_questions
from textlineage.facts.items import Result
from textlineage.facts.match_claims import _side
from textlineage.text.normalise import tokenize
from textlineage.types import FactDiff

INTRO = (
    "The orchard trust published its yearly review on Tuesday morning after a long "
    "meeting with the growers, the cider makers and the volunteers who run the shop."
)
OUTRO = (
    "Copies of the review can be read at the trust office and in the public library "
    "until the end of the month, the trust said in a short statement."
)


def _settled(source: str, derived: str) -> list[tuple[str, str]]:
    res = Result()
    settled_questions((source, derived), (0, 1), ([], []), res)
    return [(c.source.text, c.derived.text) for c in res.changed if c.label == "reversed"]


def _reported(source: str, derived: str) -> FactDiff:
    doc = "{}\n\n{}\n\n{}\n"
    c = compare(Document("a", doc.format(INTRO, source, OUTRO)),
                Document("b", doc.format(INTRO, derived, OUTRO)))  # fmt: skip
    return c.facts


@pytest.mark.parametrize(
    ("source", "derived", "src_word", "der_word"),
    [
        (
            "The trial plots grew well this year, but the review does not show whether "
            "the new pruning method improves the harvest.",
            "The trial plots grew well this year, and the new pruning method improves "
            "the harvest, the review found.",
            "whether",
            "improves",
        ),
        (
            "The growers met in the barn. It is unclear whether the late frost damaged "
            "the blossom in the upper orchard.",
            "The growers met in the barn. The late frost damaged the blossom in the upper orchard.",
            "unclear",
            "damaged",
        ),
        (
            "The panel did not decide whether the cellar repairs were necessary at all.",
            "The panel found that the cellar repairs were unnecessary.",
            "decide",
            "unnecessary",
        ),
    ],
)
def test_open_question_settled(source: str, derived: str, src_word: str, der_word: str) -> None:
    found = _settled(source, derived)
    assert len(found) == 1
    assert src_word in found[0][0].lower()
    assert der_word in found[0][1].lower()


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (  # still open in the derived text
            "The review does not show whether the new pruning method improves the harvest.",
            "It is not yet known if the new pruning method improves the harvest.",
        ),
        (  # still hedged
            "The review does not show whether the new pruning method improves the harvest.",
            "The new pruning method may improve the harvest, the review says.",
        ),
        (  # a decision to take, not a fact left open
            "The board has not decided whether to replant the lower orchard next spring.",
            "The board will replant the lower orchard next spring.",
        ),
        (  # the source settles it too, further on
            "Inspectors could not say at first whether the late frost damaged the blossom. "
            "Later checks showed the late frost damaged the blossom on every tree.",
            "The late frost damaged the blossom on every tree.",
        ),
    ],
)
def test_no_open_question_settled(source: str, derived: str) -> None:
    assert _settled(source, derived) == []


def test_question_stops_at_or() -> None:
    text = "It is unknown whether the cider sold well or badly in the autumn."
    side = _side(text, 0, tokenize(text, 0, len(text)), [])
    ((start, at, end),) = open_questions(side)
    assert side.words[start] == "unknown"
    assert side.words[at] == "whether"
    assert side.words[end] == "or"


def test_many_questions_are_settled_quickly() -> None:
    """Each open question used to tokenize and read again every sentence of both texts
    naming two of its words: 300 questions, each with a word of its own, took over 10 s."""

    def word(i: int) -> str:
        return "".join("bdfgklmnprstvz"[i // 14**k % 14] + "a" for k in range(3))

    n = 300
    source = " ".join(
        f"It is unclear whether the quarry plan {word(i)} harmed the river." for i in range(n)
    )
    derived = " ".join(f"The quarry plan {word(i)} harmed the river." for i in range(n))
    started = time.perf_counter()
    found = _settled(source, derived)
    assert time.perf_counter() - started < 2.0
    # (no story asks so many: the first hundred are read)
    assert len(found) == 100
    assert all(word(i) in found[i][0] and word(i) in found[i][1] for i in range(100))


def test_long_run_is_quick() -> None:
    text = "not whether " + "plum " * 5000
    started = time.perf_counter()
    side = _side(text, 0, tokenize(text, 0, len(text)), [])
    ((start, at, end),) = open_questions(side)
    assert time.perf_counter() - started < 2.0
    assert (side.words[start], side.words[at]) == ("not", "whether")
    assert at < end <= at + 11  # the question is read for ten words, not the whole run


def test_settled_in_a_sentence_of_its_own_is_reported() -> None:
    source = (
        "Volunteers counted the hives on Saturday. The beekeepers said they do not yet "
        "know whether the cold spring weakened the colonies."
    )
    derived = (
        "Volunteers counted the hives on Saturday. Nobody doubts it now: the cold spring "
        "has weakened the colonies."
    )
    fd = _reported(source, derived)
    found = [c for c in fd.changed if c.kind == "claim" and c.label == "reversed"]
    assert len(found) == 1
    assert "whether" in found[0].source.text
    assert "weakened" in found[0].derived.text
