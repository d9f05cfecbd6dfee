"""The pairwise engine on the seed pair (against hand-made gold) and on unrelated pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from gold import load_gold, passages_found
from textlineage import compare, document_from_text, read_document
from textlineage.types import PASSAGE_KINDS

GOLD_PASSAGE_FLOOR = 0.9


@pytest.mark.parametrize("order", [0, 1])
def test_seed_pair_verdict_and_source(seed_results: tuple[dict, dict], order: int) -> None:
    r = seed_results[order]
    assert r["verdict"] == "derived"
    assert r["source"] is not None
    assert r["documents"][r["source"]]["id"].endswith("000_5c8013fe7f5c8783.txt")
    assert r["confidence"] >= 0.6
    assert r["reasons"]


@pytest.mark.parametrize("order", [0, 1])
def test_seed_pair_gold_passages(seed_results: tuple[dict, dict], order: int) -> None:
    found = passages_found(seed_results[order], load_gold())
    assert sum(found) / len(found) >= GOLD_PASSAGE_FLOOR, found


@pytest.mark.parametrize("order", [0, 1])
def test_seed_pair_long_quote_is_verbatim(seed_results: tuple[dict, dict], order: int) -> None:
    r = seed_results[order]
    gold = load_gold()
    quote = next(
        g for g in gold["alignments"] if g["kind"] == "verbatim" and len(g["derived"]) > 200
    )
    der = next(i for i, d in enumerate(r["documents"]) if d["id"].endswith(gold["derived"]))
    text = r["documents"][der]["text"]
    start = text.index(quote["derived"])
    end = start + len(quote["derived"])
    covering = [
        p
        for p in r["passages"]
        if sum(max(0, min(e, end) - max(s, start)) for s, e in p["spans"][der])
        >= 0.8 * (end - start)
    ]
    assert any(p["kind"] == "verbatim" for p in covering), covering


def test_argument_order_does_not_change_the_answer(seed_results: tuple[dict, dict]) -> None:
    r1, r2 = seed_results
    assert r1["verdict"] == r2["verdict"]
    assert r1["documents"][r1["source"]]["id"] == r2["documents"][r2["source"]]["id"]
    assert abs(r1["confidence"] - r2["confidence"]) < 1e-6
    assert r1["coverage"] == list(reversed(r2["coverage"]))


def test_spans_slice_the_reported_text(seed_results: tuple[dict, dict]) -> None:
    for r in seed_results:
        texts = [d["text"] for d in r["documents"]]
        assert [d["chars"] for d in r["documents"]] == [len(t) for t in texts]
        for p in r["passages"]:
            assert p["kind"] in PASSAGE_KINDS
            for side, ranges in enumerate(p["spans"]):
                assert ranges
                for s, e in ranges:
                    assert 0 <= s < e <= len(texts[side])
        for key in ("kept", "changed", "added", "dropped"):
            for f in r["facts"][key]:
                s, e = f["span"]
                assert texts[f["doc"]][s:e]


def test_seed_pair_facts(seed_results: tuple[dict, dict]) -> None:
    for r in seed_results:
        # stated by the derived text only: added, or the new value of a change
        facts = r["facts"]
        added = [f["text"] for f in facts["added"]]
        added += [c["to"]["text"] for c in facts["changed"] if c.get("unsupported")]
        dropped = [f["text"] for f in facts["dropped"]]
        assert any("June 18" in t for t in added), added
        assert any("30,000" in t for t in added), added
        assert not any("130,000" in t for t in added), added
        for needle in ("120,000", "1500", "Mehran Gharabaghi"):
            assert any(needle in t for t in dropped), (needle, dropped)


def test_unrelated_pan_pair_is_independent(pan_dir: Path) -> None:
    susp, src = (pan_dir / "01-no-plagiarism" / "pairs").read_text().split("\n")[0].split()
    a = read_document(str(pan_dir / "susp" / susp))
    b = read_document(str(pan_dir / "src" / src))
    r = compare(a, b)
    assert r.verdict == "independent"
    assert r.source is None
    assert r.passages == ()


def test_identical_documents_are_verbatim() -> None:
    text = (
        "The council approved the new budget on Tuesday after a long debate. "
        "Members argued for hours about spending on roads and schools. "
        "In the end the vote was seven to two in favour of the plan."
    )
    r = compare(document_from_text(text, "a"), document_from_text(text, "b"))
    assert r.verdict == "derived"
    assert [p.kind for p in r.passages] == ["verbatim"]
    assert r.coverage[0] > 0.95 and r.coverage[1] > 0.95


def test_unrelated_short_texts_are_independent() -> None:
    a = document_from_text(
        "The orchestra played Mahler's fifth symphony to a full hall. Critics praised the "
        "brass section and the slow movement drew long applause from the audience.",
        "a",
    )
    b = document_from_text(
        "Heavy rain flooded several streets in the harbour district overnight. Firefighters "
        "pumped water from basements and the coastal road stayed closed until noon.",
        "b",
    )
    r = compare(a, b)
    assert r.verdict == "independent"
    assert r.passages == ()


@pytest.mark.parametrize("swap", [False, True])
def test_reported_facts_equal_a_direct_diff(seed_paths: tuple[Path, Path], swap: bool) -> None:
    # compare() may reuse the fact diff it made as direction evidence; it must be the same
    # diff a direct call gives for the final source/derived roles and passages.
    from textlineage import diff_facts

    a, b = (read_document(str(p)) for p in seed_paths)
    if swap:
        a, b = b, a
    r = compare(a, b)
    assert r.source is not None
    direct = diff_facts(
        r.documents[r.source].text,
        r.documents[1 - r.source].text,
        source_doc=r.source,
        derived_doc=1 - r.source,
        passages=r.passages,
    )
    assert r.facts.to_json() == direct.to_json()
