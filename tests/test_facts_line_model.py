"""The learned model of page-furniture lines (:mod:`textlineage.facts.line_model`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib.resources import files
from typing import Any

import pytest

from textlineage.facts import line_model, trees
from textlineage.facts.items import Result
from textlineage.types import Fact

SOURCE = (
    "Harbour Lane Library will close for six weeks from 3 March while its roof is "
    "replaced, the borough council said on Tuesday.\n\n"
    "The work will cost about 480,000 pounds and the mobile library will stop at the "
    "harbour car park every Thursday while the branch is shut.\n\n"
    "Readers can return books at the town hall, where a drop box will be emptied each "
    "morning by the library's own staff.\n"
)
DERIVED = (
    "Harbour Lane Library is to shut for six weeks from 3 March so that its roof can be "
    "replaced, the council announced on Tuesday.\n\n"
    "SHARE  |  TWEET  |  EMAIL  |  1.2K READS  |  PRINT\n\n"
    "The repairs will cost around 480,000 pounds, and a mobile library will call at the "
    "harbour car park each Thursday, with 3,000 books on board.\n\n"
    "Books can also be returned at the town hall, where library staff will empty a drop "
    "box every morning.\n"
)


def _fact(text: str, word: str, doc: int) -> Fact:
    start = text.index(word)
    return Fact("number", word, (start, start + len(word)), doc, word)


def _probability(text: str, other: str, needle: str) -> float:
    lines = line_model.text_lines(text)
    i = next(j for j, (a, b) in enumerate(lines) if needle in text[a:b])
    story = line_model.story_bounds(text, lines)
    terms = line_model.content_terms(other)
    return line_model.furniture_probability(line_model.line_features(text, lines, i, terms, story))


def test_the_model_was_made_from_open_sets_only() -> None:
    raw = files("textlineage").joinpath("data", line_model.MODEL_FILE).read_text(encoding="utf-8")
    model = json.loads(raw)
    assert "facts_holdout15" in model["sets"] and "facts_gold" in model["sets"]
    blind = {f"facts_holdout{n}" for n in range(17, 21)}
    assert not blind & set(model["sets"])  # still blind
    assert tuple(model["features"]) == line_model.FEATURES


def test_a_bar_of_buttons_is_furniture_and_a_sentence_of_the_story_is_not() -> None:
    assert _probability(DERIVED, SOURCE, "TWEET") >= line_model.THRESHOLD
    assert _probability(DERIVED, SOURCE, "3,000 books") < 0.5


def test_facts_on_furniture_lines_are_forgotten_and_others_kept() -> None:
    res = Result(added=[_fact(DERIVED, "1.2K", 1), _fact(DERIVED, "3,000", 1)])
    line_model.drop_model_furniture(res, (SOURCE, DERIVED), ("en", "en"))
    assert [f.text for f in res.added] == ["3,000"]


def test_a_text_of_a_sentence_or_two_is_left_to_the_rules() -> None:
    short = DERIVED.split("\n\n")
    text = "\n\n".join(short[:2]) + "\n"
    res = Result(added=[_fact(text, "1.2K", 1)])
    line_model.drop_model_furniture(res, (SOURCE, text), ("en", "en"))
    assert [f.text for f in res.added] == ["1.2K"]


def test_the_pass_reads_english_only() -> None:
    res = Result(added=[_fact(DERIVED, "1.2K", 1)])
    line_model.drop_model_furniture(res, (SOURCE, DERIVED), ("en", "de"))
    assert [f.text for f in res.added] == ["1.2K"]


def test_a_source_label_line_is_furniture_only_when_the_model_is_sure() -> None:
    stamp = "Report ref: SR/31/4417 · Filed 18:52 BST · Status: FINAL"
    row = "Cost of the roof: 480,000 pounds"
    paras = SOURCE.split("\n\n")
    source = "\n\n".join([stamp, *paras[:2], row, *paras[2:]])
    assert _probability(source, DERIVED, stamp) >= line_model.SURE
    assert _probability(source, DERIVED, row) < line_model.THRESHOLD
    start = source.index(row) + row.index("480,000")
    res = Result(
        dropped=[_fact(source, "4417", 0), Fact("number", "480,000 pounds", (start, start + 14), 0)]
    )
    line_model.drop_model_furniture(res, (source, DERIVED), ("en", "en"))
    assert [f.text for f in res.dropped] == ["480,000 pounds"]


def test_a_person_on_a_source_line_is_dropped_only_when_the_model_is_sure() -> None:
    contact = "Media contact: Anna Roy, Press Officer, +44 20 7946 0000 | press@example.org"
    row = "Cost of the roof: 480,000 pounds, said Anna Roy"
    paras = SOURCE.split("\n\n")
    for line, kept in ((contact, []), (row, ["Anna Roy"])):
        source = "\n\n".join([*paras, line]) + "\n"
        p = _probability(source, DERIVED, line)
        assert (p >= line_model.SURE) == (not kept) and p >= line_model.THRESHOLD
        start = source.index(line) + line.index("Anna Roy")
        res = Result(dropped=[Fact("person", "Anna Roy", (start, start + 8), 0, "anna roy")])
        line_model.drop_model_furniture(res, (source, DERIVED), ("en", "en"))
        assert [f.text for f in res.dropped] == kept


def _measures_reordered(model: dict[str, Any]) -> dict[str, Any]:
    return dict(model, features=list(reversed(model["features"])))


def _first_tree_edited(model: dict[str, Any]) -> dict[str, Any]:
    first = dict(model["trees"][0], value=[v + 1.0 for v in model["trees"][0]["value"]])
    return dict(model, trees=[first, *model["trees"][1:]])


@pytest.mark.parametrize("spoil", [_measures_reordered, _first_tree_edited])
def test_a_model_file_that_does_not_match_is_refused(
    monkeypatch: pytest.MonkeyPatch, spoil: Callable[[dict[str, Any]], dict[str, Any]]
) -> None:
    broken = spoil(trees.load_trees(line_model.MODEL_FILE, line_model.FEATURES))
    trees.load_trees.cache_clear()
    monkeypatch.setattr(trees.json, "loads", lambda _raw: broken)
    try:
        with pytest.raises(ValueError, match="does not match"):
            trees.load_trees(line_model.MODEL_FILE, line_model.FEATURES)
    finally:
        monkeypatch.undo()
        trees.load_trees.cache_clear()
