"""Two annotations of one fact-diff set scored against each other
(:mod:`textlineage.eval.facts_agreement`): the second read as a report, the first as gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textlineage.errors import InputError
from textlineage.eval.facts_agreement import agreement, annotation_as_report
from textlineage.eval.facts_gold import load_facts_gold

SOURCE = (
    "Over 310 people were arrested on Tuesday, said Dr. Helen Marsh of the Bar Council. "
    "Police said 120,000 people marched."
)
DERIVED = "On June 18, 310 people were arrested, the Bar Council said. Police said 120,000 marched."


def _set(folder: Path, facts: list[dict[str, object]], texts: bool = True) -> Path:
    folder.mkdir()
    if texts:
        (folder / "01_source.txt").write_text(SOURCE, encoding="utf-8")
        (folder / "01_derived.txt").write_text(DERIVED, encoding="utf-8")
    gold = {"pair": "01", "split": "test", "topic": "arrests", "facts": facts}
    (folder / "01_gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


CHANGED = {
    "type": "changed",
    "kind": "number",
    "label": "strength",
    "source": "Over 310 people",
    "derived": "310 people",
}
DROPPED = {"type": "dropped", "kind": "person", "source": "Dr. Helen Marsh"}
KEPT = {"type": "kept", "kind": "number", "source": "120,000 people", "derived": "120,000"}


def test_an_annotation_agrees_with_itself(tmp_path: Path) -> None:
    facts = [CHANGED, DROPPED, KEPT, {"type": "added", "kind": "date", "derived": "June 18"}]
    first = _set(tmp_path / "a", facts)
    second = _set(tmp_path / "b", facts, texts=False)
    o = agreement(first, second).scores.to_dict()["overall"]
    assert (o["precision"], o["recall"], o["gold"]) == (1.0, 1.0, 3)


def test_facts_one_annotator_leaves_out_or_adds_count_against_the_other(tmp_path: Path) -> None:
    first = _set(
        tmp_path / "a", [CHANGED, DROPPED, {"type": "added", "kind": "date", "derived": "June 18"}]
    )
    other = {"type": "dropped", "kind": "date", "source": "on Tuesday"}
    second = _set(tmp_path / "b", [CHANGED, DROPPED, other], texts=False)
    scores = agreement(first, second).scores.to_dict()
    assert scores["types"]["added"]["recall"] == 0.0  # "June 18" only the first lists
    assert scores["types"]["dropped"]["precision"] == 0.5  # "on Tuesday" only the second
    assert scores["types"]["changed"]["f1"] == 1.0
    assert scores["overall"]["right"] == 2 and scores["overall"]["reported"] == 3


def test_the_report_stands_where_the_annotated_strings_do(tmp_path: Path) -> None:
    pair = load_facts_gold(_set(tmp_path / "a", [CHANGED, DROPPED, KEPT]))[0]
    report = annotation_as_report(pair, SOURCE, DERIVED)
    (changed,) = report["changed"]
    assert SOURCE[slice(*changed["from"]["span"])] == "Over 310 people"
    assert DERIVED[slice(*changed["to"]["span"])] == "310 people"
    assert [SOURCE[slice(*d["span"])] for d in report["dropped"]] == ["Dr. Helen Marsh"]
    assert len(report["kept"]) == 1 and not report["added"]


def test_a_pair_annotated_once_only_is_refused(tmp_path: Path) -> None:
    first = _set(tmp_path / "a", [CHANGED])
    second = tmp_path / "b"
    second.mkdir()
    gold = {"pair": "02", "split": "test", "facts": [CHANGED]}
    (second / "02_gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (first / "02_source.txt").write_text(SOURCE, encoding="utf-8")
    (first / "02_derived.txt").write_text(DERIVED, encoding="utf-8")
    with pytest.raises(InputError, match=r"one folder only: \['01', '02'\]"):
        agreement(first, second)


DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize("held", ["holdout14", "holdout15"])
def test_the_second_annotations_load_and_agree_with_the_first(held: str) -> None:
    scores = agreement(DATA / f"facts_{held}", DATA / "facts_agreement" / held).scores.to_dict()
    assert scores["pairs"] == 12
    assert scores["overall"]["f1"] >= 0.90  # measured 0.918 and 0.947
    assert scores["statuses"]["noise"] == 0  # neither annotator calls a fact the other's furniture


def test_the_first_is_scored_against_the_second_too(tmp_path: Path) -> None:
    first = _set(tmp_path / "a", [CHANGED, DROPPED])
    second = _set(tmp_path / "b", [CHANGED], texts=False)
    agreed = agreement(first, second)
    assert agreed.scores.to_dict()["overall"]["recall"] == 0.5  # the second misses Marsh
    assert agreed.reverse.to_dict()["overall"]["precision"] == 0.5  # the first adds Marsh
