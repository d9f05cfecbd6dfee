"""Added facts on lines that are no sentence (page furniture of kinds no rule names), on
invented pages: not reported; a headline's own fact and a hand-wrapped text's prose are."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.facts.story_lines import off_story, story_start

SRC = (
    "The Corrin Valley council said on Tuesday that the Millbeck footbridge will close for "
    "repairs. Engineers found cracks in two of its supports during an inspection last "
    "month.\n\n"
    "The council's roads chief, Petra Lindqvist, said the work would take about six weeks.\n"
)


def _added(src: str, der: str) -> list[str]:
    return [f.text for f in diff_facts(src, der, source_doc=0, derived_doc=1).added]


def test_an_added_fact_on_a_short_line_that_is_no_sentence_is_not_reported() -> None:
    der = (
        "Millbeck footbridge shut as cracks found\n\n"
        "The Millbeck footbridge will close for repairs, Corrin Valley council said on "
        "Tuesday, after engineers found cracks in two of its supports.\n\n"
        "Roads chief Petra Lindqvist said the work would take about six weeks and cost "
        "£90,000.\n\n"
        "Tagged: Winsford Park\n"
    )
    assert _added(SRC, der) == ["£90,000"]


def test_a_headline_like_line_inside_the_story_is_no_sentence() -> None:
    der = (
        "The Millbeck footbridge will close for repairs, Corrin Valley council said on "
        "Tuesday, after engineers found cracks in two of its supports.\n\n"
        "Harwick Lane depot reopens for Osterby Transit's electric fleet\n\n"
        "Roads chief Petra Lindqvist said the work would take about six weeks and cost "
        "£90,000.\n"
    )
    assert _added(SRC, der) == ["£90,000"]


def test_the_headline_before_the_story_may_add_a_fact() -> None:
    der = (
        "Millbeck footbridge shut for six weeks, Osterby Transit says\n\n"
        "The Millbeck footbridge will close for repairs, Corrin Valley council said on "
        "Tuesday, after engineers found cracks in two of its supports.\n"
    )
    assert "Osterby Transit" in _added(SRC, der)


def test_a_figure_added_in_a_short_headline_is_reported_where_the_story_tells_it() -> None:
    der = (
        "Footbridge repairs to cost £90,000\n\n"
        "The Millbeck footbridge will close for repairs, Corrin Valley council said on "
        "Tuesday, after engineers found cracks in two of its supports.\n\n"
        "Roads chief Petra Lindqvist said the six-week job would cost £90,000.\n"
    )
    fd = diff_facts(SRC, der, source_doc=0, derived_doc=1)
    [added] = [f for f in fd.added if f.kind == "number"]
    assert added.span[0] > der.index("Roads chief")


def test_a_text_wrapped_by_hand_is_read_by_paragraphs() -> None:
    der = (
        "The Millbeck footbridge will close for repairs, Corrin Valley council\n"
        "said on Tuesday, after Osterby Transit\n"
        "engineers found\n"
        "cracks in two of its supports during an inspection last month.\n\n"
        "Roads chief Petra Lindqvist said the work would take about\n"
        "six weeks.\n"
    )
    assert "Osterby Transit" in _added(SRC, der)


def test_line_shapes() -> None:
    text = "Menu | Home\n\nA story line that is long enough to be prose, and ends.\n\nRead next: one more headline here\n"
    start = story_start(text)
    assert start == text.index("A story")
    assert off_story(text, 0, start)
    assert not off_story(text, text.index("story"), start)
    assert off_story(text, text.index("one more"), start)
    # before the story begins, a line of eight words or more may be the headline
    head = "Eight words make this line a possible headline\n\n" + text[text.index("A story") :]
    assert not off_story(head, 0, story_start(head))


DER_PLAIN = (
    "The Millbeck footbridge will close for repairs, Corrin Valley council said on "
    "Tuesday, after engineers found cracks in two of its supports.\n"
)


def _dropped(src: str, der: str) -> list[str]:
    return [f.text for f in diff_facts(src, der, source_doc=0, derived_doc=1).dropped]


def test_a_dropped_fact_on_a_short_source_line_that_is_no_sentence_is_not_reported() -> None:
    src = "Harbour Row desk, Ferncastle Borough Council\n\n" + SRC
    assert _dropped(src, DER_PLAIN) == ["Petra Lindqvist", "about six weeks"]


def test_a_signature_a_label_and_a_list_item_keep_their_dropped_facts() -> None:
    src = SRC + "\nContractor: Ferncastle Borough Builders\n- Osterby Transit\n\nHalvard Quist\n"
    dropped = _dropped(src, DER_PLAIN)
    assert "Halvard Quist" in dropped
    assert any("Osterby Transit" in d for d in dropped)
    assert any("Ferncastle Borough Builders" in d for d in dropped)
