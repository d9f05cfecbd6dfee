"""Sentence segmentation: news conventions, spans, other scripts, never a crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textlineage.text import segment
from textlineage.text.segment import blank_sentences, split_sentences


def texts(t: str) -> list[str]:
    return [t[s.start : s.end] for s in split_sentences(t)]


def test_abbreviations_and_initials_do_not_split() -> None:
    t = "Mr. Smith met Dr. J. Doe in the U.S. on Monday. They talked."
    assert texts(t) == ["Mr. Smith met Dr. J. Doe in the U.S. on Monday.", "They talked."]


def test_quotes_stay_with_their_sentence() -> None:
    t = 'He said: "We will win." Then he left. “Never again!” she cried.'
    assert texts(t) == ['He said: "We will win."', "Then he left.", "“Never again!” she cried."]


def test_a_semicolon_after_the_full_stop_ends_the_sentence() -> None:
    # Some corpora join a list of sentences with ".;"; a plain semicolon does not split.
    t = 'Pines were dry.; "It is the worst," he said.; Fires spread; crews wait. Rain came.'
    assert texts(t) == [
        "Pines were dry.;",
        '"It is the worst," he said.;',
        "Fires spread; crews wait.",
        "Rain came.",
    ]


def test_bullets_and_headings_split_by_line() -> None:
    t = "Cities that took part:\n\n  • Tehran\n  • Shiraz\n\nElection results 2021\nBody text follows."
    assert texts(t) == [
        "Cities that took part:",
        "• Tehran",
        "• Shiraz",
        "Election results 2021",
        "Body text follows.",
    ]


def test_wrapped_lines_do_not_split() -> None:
    t = "you will enter your\nindividual classrooms from the\nhomepage. Then more."
    assert len(texts(t)) == 2


def test_dateline_stays_with_sentence() -> None:
    t = "Paris, June 1, 2021—The strike went on. Trains stopped."
    assert texts(t)[0].startswith("Paris, June 1, 2021—The strike")


def test_decimal_numbers_do_not_split() -> None:
    assert len(texts("Prices rose 3.5 percent in May. Rents rose too.")) == 2


def test_other_scripts() -> None:
    t = "هشتگ #رئیسی_جلاد۶۷ ترند شد. 这是第一句。这是第二句。"
    assert texts(t)


@given(st.text(max_size=400))
def test_spans_are_ordered_trimmed_and_valid(t: str) -> None:
    prev = 0
    for s in split_sentences(t):
        assert prev <= s.start < s.end <= len(t)
        assert not t[s.start].isspace() and not t[s.end - 1].isspace()
        prev = s.end


_PIECES = [
    "The",
    "minister",
    "said",
    "Mr.",
    "U.S.",
    "J.",
    "3.5",
    "1.",
    "2)",
    "- ",
    "• ",
    ". ",
    "! ",
    '?" ',
    "…",
    "e.g.",
    ":",
    ",",
    "x",
    "日本",
    "。",
    "\u0301",
    "HEADLINE",
    "Subscribe now to our paper",
    "Share this",
]
_GLUE = ["", " ", "\n", "\n\n", "\n \n"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GLUE)), max_size=80),
    st.integers(0, 3),
)
def test_blanked_text_keeps_its_sentences(pieces: list[tuple[str, str]], pick: int) -> None:
    # blank_sentences works out the blanked text's sentences from the original's (a
    # paragraph left whole keeps them): they must be what splitting it finds.
    text = "".join(p + g for p, g in pieces)
    found = split_sentences(text)
    blank = found[pick::2]
    blanked = blank_sentences(text, found, blank)
    remembered = split_sentences(blanked)
    segment._KNOWN.clear()
    assert remembered == split_sentences(blanked)
    assert len(blanked) == len(text)
    for s in blank:
        assert not blanked[s.start : s.end].strip()


def test_a_paragraph_blanking_moves_is_split_again() -> None:
    # Blanking the "1." that opens the second paragraph moves its start to "The", which
    # is no longer a list item: "The\nthe" becomes one sentence. The paragraph holds no
    # blanked character but is not the original's, so it is split again.
    text = "1.\n\n1. The\nthe"
    found = split_sentences(text)
    blanked = blank_sentences(text, found, [found[1]])
    remembered = split_sentences(blanked)
    segment._KNOWN.clear()
    assert remembered == split_sentences(blanked)
