"""Facts on a line that shares no content word with the other text (page furniture of
kinds no rule names, written as sentences), on invented pages: not reported; a fact told
about the story, a long dropped sentence and a label with its value are."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.facts.items import Result
from textlineage.facts.topic_lines import drop_added_off_topic
from textlineage.types import Fact

SRC = (
    "The Corrin Valley council said on Tuesday that the Millbeck footbridge will close for "
    "repairs. Engineers found cracks in two of its supports during an inspection last "
    "month.\n\n"
    "The council's roads chief, Petra Lindqvist, said the work would take about six weeks.\n"
)
STORY = (
    "The Millbeck footbridge will close for repairs, Corrin Valley council said on "
    "Tuesday, after engineers found cracks in two of its supports.\n\n"
    "Roads chief Petra Lindqvist said the work would take about six weeks.\n\n"
)


def _diff(src: str, der: str) -> tuple[list[str], list[str]]:
    fd = diff_facts(src, der, source_doc=0, derived_doc=1)
    return [f.text for f in fd.added], [f.text for f in fd.dropped]


def test_an_added_fact_on_a_line_about_nothing_the_source_says_is_not_reported() -> None:
    # A parish notice printed beside the story: a sentence, but about something else.
    der = (
        STORY + "Flowers on the lectern are given by Hollowmere Press Ltd in memory of Ada Brisk.\n"
    )
    assert _diff(SRC, der)[0] == []


def test_a_short_line_sharing_one_word_with_the_source_is_furniture_too() -> None:
    der = STORY + "Our roads newsletter is sponsored by Hollowmere Press Ltd.\n"
    assert _diff(SRC, der)[0] == []
    der = STORY + (
        "The roads newsletter, sponsored by Hollowmere Press Ltd, went out to every "
        "household in the valley by post in the second week of the month.\n"
    )
    assert "Hollowmere Press Ltd" in _diff(SRC, der)[0]


def test_an_added_fact_told_about_the_story_is_reported() -> None:
    der = STORY + "The footbridge repairs are paid for by Hollowmere Press Ltd.\n"
    assert "Hollowmere Press Ltd" in _diff(SRC, der)[0]


def test_texts_that_share_few_words_are_not_read_line_by_line() -> None:
    # Most of the derived text's words are not the source's (a translation, say): a line
    # sharing none of them says nothing about its topic.
    src = "Le conseil de Corrin a fermé la passerelle de Millbeck mardi pour des travaux.\n"
    der = "The Corrin council shut the Millbeck footbridge for works.\nBy Hollowmere Ltd.\n"
    at = der.index("Hollowmere Ltd")
    fact = Fact("organisation", "Hollowmere Ltd", (at, at + 14), 1, "hollowmere ltd")
    res = Result(added=[fact])
    drop_added_off_topic(res, src, der)
    assert res.added == [fact]
    drop_added_off_topic(res, "The Corrin council shut the Millbeck footbridge.\n", der)
    assert res.added == []


def test_a_short_source_line_about_nothing_the_derived_text_says_is_not_a_drop() -> None:
    src = SRC + "\nThis bulletin is printed by Hollowmere Press Ltd.\n"
    assert "Hollowmere Press Ltd" not in _diff(src, STORY)[1]


def test_a_long_dropped_sentence_and_a_label_with_its_value_are_drops() -> None:
    src = SRC + (
        "\nA second crossing upstream, built by Hollowmere Press Ltd in the winter, "
        "carried walkers over the weir for nine years before it was taken down.\n"
        "\nContractor: Hollowmere Works Ltd\n"
    )
    dropped = " | ".join(_diff(src, STORY)[1])
    assert "Hollowmere Press Ltd" in dropped
    assert "Hollowmere Works Ltd" in dropped


def test_a_short_header_line_sharing_few_words_is_furniture_a_story_line_is_not() -> None:
    # Above the story, a line sharing two words with the other text is the page's header
    # (a masthead's notice); the same line inside the story is read.
    notice = "Footbridge appeal! Hollowmere Press Ltd matches gifts to the roads fund.\n\n"
    assert _diff(SRC, notice + STORY)[0] == []
    assert "Hollowmere Press Ltd" in _diff(SRC, STORY + notice)[0]
    assert "Hollowmere Press Ltd" not in _diff(notice + SRC, STORY)[1]
