"""A quote of several sentences of which the other text quotes one and reports another,
or quotes in fragments of different sentences."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff


def diff(src: str, der: str) -> FactDiff:
    return diff_facts(src, der, source_doc=0, derived_doc=1, languages=("en", "en"))


def quote_reports(d: FactDiff) -> dict[str, list[tuple[str, ...]]]:
    return {
        "kept": [(k.source.text, k.derived.text) for k in d.kept if k.kind == "quote"],
        "changed": [
            (k.source.text, k.derived.text, k.detail) for k in d.changed if k.kind == "quote"
        ],
        "dropped": [(f.text,) for f in d.dropped if f.kind == "quote"],
    }


def test_one_sentence_quoted_and_the_other_reported_are_two_facts() -> None:
    src = (
        'The head teacher said: "Our pupils planted the orchard themselves. '
        'I want to thank the volunteers and gardeners who helped them."'
    )
    der = (
        "The head teacher thanked volunteers and gardeners and said: "
        '"Our pupils planted the orchard themselves."'
    )
    q = quote_reports(diff(src, der))
    assert q["kept"] == [
        (
            "Our pupils planted the orchard themselves.",
            '"Our pupils planted the orchard themselves."',
        )
    ]
    assert q["dropped"] == [("I want to thank the volunteers and gardeners who helped them.",)]
    assert not q["changed"]


def test_a_sentence_left_out_and_said_nowhere_keeps_one_trimmed_quote() -> None:
    src = (
        'The head teacher said: "Our pupils planted the orchard themselves. '
        'We are so proud of them."'
    )
    der = 'The head teacher said: "Our pupils planted the orchard themselves."'
    q = quote_reports(diff(src, der))
    assert [c[2] for c in q["changed"]] == ["trimmed"]
    assert not q["dropped"]


def test_a_long_sentence_left_out_and_said_nowhere_is_dropped() -> None:
    src = (
        'The head teacher said: "Our pupils planted the orchard themselves. '
        'I want to thank the volunteers and gardeners who helped them."'
    )
    der = 'The head teacher said: "Our pupils planted the orchard themselves."'
    q = quote_reports(diff(src, der))
    assert [k[0] for k in q["kept"]] == ["Our pupils planted the orchard themselves."]
    assert q["dropped"] == [("I want to thank the volunteers and gardeners who helped them.",)]
    assert not q["changed"]


def test_an_opening_of_function_words_cut_from_the_sentence_quoted_is_kept() -> None:
    src = (
        'The captain said: "This was a long and very hard season. '
        'I want to thank the supporters who travelled to every away match."'
    )
    der = 'The captain called it "a long and very hard season" and thanked travelling supporters.'
    q = quote_reports(diff(src, der))
    assert [k[0] for k in q["kept"]] == ["This was a long and very hard season."]
    assert len(q["dropped"]) == 1 and not q["changed"]


def test_a_hedging_opening_cut_from_the_sentence_quoted_is_a_change() -> None:
    src = (
        'The captain said: "I think this was our hardest season yet. '
        'I want to thank the supporters who travelled to every away match."'
    )
    der = 'The captain called it "our hardest season yet" and thanked travelling supporters.'
    q = quote_reports(diff(src, der))
    assert [c[0] for c in q["changed"]] == ["I think this was our hardest season yet."]
    assert not q["kept"]


def test_a_dropped_quote_with_a_sentence_reported_drops_each_sentence() -> None:
    src = (
        'The operator said: "We regret the delays. '
        'Closing the bridge for one month means we avoid closing it every weekend all year."'
    )
    der = "The operator said closing the bridge for a month avoids weekend closures."
    q = quote_reports(diff(src, der))
    assert q["dropped"] == [
        ("We regret the delays.",),
        ("Closing the bridge for one month means we avoid closing it every weekend all year.",),
    ]


def test_a_dropped_quote_said_nowhere_stays_one_fact() -> None:
    src = 'The operator said: "We regret the delays. We will publish a timetable soon."'
    der = "The bridge will close in March."
    assert len(quote_reports(diff(src, der))["dropped"]) == 1


def test_two_quotes_run_together_with_words_added_are_read_by_sentence() -> None:
    src = (
        '"I wanted to write about the harbour," the author said. '
        '"Later I saw it was about the people who left."'
    )
    der = (
        'The author said: "I wanted to write about the harbour. '
        'Later I saw it was about the people who left, and why."'
    )
    q = quote_reports(diff(src, der))
    assert [k[0] for k in q["kept"]] == ['"I wanted to write about the harbour,"']
    assert [(c[0], c[2]) for c in q["changed"]] == [
        ('"Later I saw it was about the people who left."', "extended")
    ]
    assert not q["dropped"]


def test_a_quote_cut_to_a_phrase_takes_in_the_rest_reported_beside_it() -> None:
    src = '"Our members have been asking for a night service for decades," the union said.'
    der = 'The union said members had been asking for a night service "for decades".'
    q = quote_reports(diff(src, der))
    assert q["changed"] == [
        (
            '"Our members have been asking for a night service for decades,"',
            'members had been asking for a night service "for decades"',
            "trimmed",
        )
    ]


def test_a_quote_cut_short_with_nothing_reported_keeps_its_own_span() -> None:
    src = '"Our members have been asking for a night service for decades," the union said.'
    der = 'The union said the wait had gone on "for decades".'
    q = quote_reports(diff(src, der))
    assert [c[1] for c in q["changed"]] == ['"for decades"']


def test_a_quote_cut_to_its_content_words_is_a_trimmed_change() -> None:
    src = '"The valley has the rail links, the colleges and the land we need," she said.'
    der = 'She praised the valley\'s "rail links, colleges and land".'
    q = quote_reports(diff(src, der))
    assert [c[2] for c in q["changed"]] == ["trimmed"]
    assert not q["dropped"]


def test_sentences_quoted_in_two_fragments_are_read_one_by_one() -> None:
    src = (
        'The warden said: "The marsh harrier count is the highest we have recorded. '
        "Its chicks are thriving on the new reedbeds. "
        'Visitor numbers have fallen, and the cafe may have to close in winter."'
    )
    der = (
        'The warden said the marsh harrier count was "the highest we have recorded" and '
        'that its chicks were "thriving on the new reedbeds".'
    )
    q = quote_reports(diff(src, der))
    assert [s for s, _ in q["kept"]] == [
        "The marsh harrier count is the highest we have recorded.",
        "Its chicks are thriving on the new reedbeds.",
    ]
    assert q["dropped"] == [
        ("Visitor numbers have fallen, and the cafe may have to close in winter.",)
    ]
    assert not q["changed"]


def test_a_quote_reworded_in_two_sentences_is_two_changes() -> None:
    src = (
        'The coach said: "Mira trains harder than anyone. She is quick, she reads the game '
        'well and she never gives up. We think she could win the regional title."'
    )
    der = (
        'The coach said: "Mira trains harder than anyone. She is quick and she never gives '
        'up. She will win the regional title."'
    )
    q = quote_reports(diff(src, der))
    assert [s for s, _, _ in q["changed"]] == [
        "She is quick, she reads the game well and she never gives up.",
        "We think she could win the regional title.",
    ]
    assert not q["dropped"]
