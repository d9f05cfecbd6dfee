"""Claim-length texts (a sentence, a tweet, a headline): compare and search find them when
copied, whole or lightly edited, and only then."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PAN, cli_path
from textlineage import compare, document_from_text
from textlineage.corpus.index import Corpus
from textlineage.text.claims import ClaimKeyConfig, claim_units, sketch_with_claims
from textlineage.text.sketch import SketchConfig, sketch_batch
from textlineage.types import Document

CLAIM = (
    "The city council voted 7 to 2 on Tuesday to ban all gas-powered leaf blowers starting "
    "next spring."
)
SHORT_CLAIM = "Vaccines cause autism, a new study says."
TARGETS = (3, 7, 12, 18)
"""Documents of the test index that quote ``CLAIM``."""


def _prose(n: int) -> list[str]:
    """``n`` long texts of PAN source documents (read from ../shared, never copied)."""
    if not PAN.exists():
        pytest.skip("../shared/data/pan13-train not present")
    out = []
    for f in sorted((PAN / "src").iterdir())[40 : 40 + n]:
        paras = [p.strip() for p in f.read_text(encoding="utf-8").split("\n") if len(p) > 150]
        out.append("\n\n".join(paras[:6]))
    return out


def _insert(text: str, piece: str, at: int = 2) -> str:
    paras = text.split("\n\n")
    paras.insert(min(at, len(paras)), piece)
    return "\n\n".join(paras)


# --- compare ---------------------------------------------------------------------------


def test_identical_short_texts_are_reuse() -> None:
    text = "The mayor said the new bridge will open to traffic in early March 2025."
    assert len(text) == 71
    c = compare(Document("a", text), Document("b", text))
    assert c.verdict != "independent"
    assert [p.kind for p in c.passages] == ["verbatim"]
    assert c.passages[0].spans == (((0, 71),), ((0, 71),))
    assert c.coverage == (1.0, 1.0)


@pytest.mark.parametrize(
    ("variant", "kind"),
    [
        (CLAIM, "verbatim"),
        (CLAIM.upper().replace(",", ""), "verbatim"),
        (CLAIM.replace("Tuesday", "Monday"), "near_verbatim"),
        (CLAIM.replace("gas-powered ", ""), "near_verbatim"),
        (CLAIM.replace("leaf blowers", "noisy leaf blowers"), "near_verbatim"),
    ],
)
def test_claim_in_a_long_document(variant: str, kind: str) -> None:
    doc = _insert(_prose(1)[0], f'One post put it this way: "{variant}"')
    c = compare(Document("claim", CLAIM), Document("doc", doc))
    assert c.verdict != "independent", c.reasons
    (p,) = c.passages
    assert p.kind == kind
    ((s, e),) = p.spans[1]
    assert doc[s:e].lower().startswith(variant.lower()[:20])
    assert c.coverage[0] == 1.0


def test_forty_character_claim() -> None:
    assert len(SHORT_CLAIM) == 40
    doc = _insert(_prose(1)[0], SHORT_CLAIM)
    c = compare(Document("claim", SHORT_CLAIM), Document("doc", doc))
    assert c.verdict != "independent"
    assert [p.kind for p in c.passages] == ["verbatim"]
    too_short = "Vaccines cause autism."
    c = compare(Document("claim", too_short), Document("doc", _insert(doc, too_short)))
    assert c.verdict == "independent"
    assert any("too short" in r for r in c.reasons)


def test_same_subject_in_other_words_is_independent() -> None:
    doc = _insert(_prose(1)[0], CLAIM)
    for claim in (
        "Leaf blowers powered by gas will be banned next spring after a council vote.",
        "On Tuesday the council debated a ban on leaf blowers but no vote was held.",
    ):
        c = compare(Document("claim", claim), Document("doc", doc))
        assert c.verdict == "independent", (claim, c.passages)


def test_long_documents_keep_their_threshold() -> None:
    """A sentence two long documents share is not a passage on its own: between long
    texts it is as often a stock phrase as a copy."""
    a, b = _prose(2)
    shared = "The committee will publish its full report on the matter next month."
    c = compare(Document("a", _insert(a, shared)), Document("b", _insert(b, shared, 1)))
    assert c.verdict == "independent"
    assert not c.passages


# --- search ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, str]]]:
    texts = _prose(24)
    recs = []
    for i, t in enumerate(texts):
        if i in TARGETS:
            t = _insert(t, CLAIM, 1 + i % 3)
        if i == 20:
            t = _insert(t, SHORT_CLAIM)
        recs.append({"id": f"doc{i:02d}", "text": t})
    path = tmp_path_factory.mktemp("claims") / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    db = path.with_name("index.db")
    with Corpus.open(db) as c:
        assert c.add([str(path)]).added == len(recs)
    return db, recs


def _found(db: Path, query: str) -> dict[str, dict]:
    with Corpus.open(db, create=False) as c:
        r = c.search(document_from_text(query, "q"))
    return {h["doc"]["id"]: h for h in r.to_json()["hits"]}


def test_claim_copied_into_four_documents_is_found_in_all(
    index: tuple[Path, list[dict[str, str]]],
) -> None:
    db, recs = index
    assert len(CLAIM) == 98
    hits = _found(db, CLAIM)
    assert set(hits) == {f"doc{i:02d}" for i in TARGETS}
    for doc_id, h in hits.items():
        text = next(r["text"] for r in recs if r["id"] == doc_id)
        (m,) = h["claim_matches"]
        assert m["query"] == [0, len(CLAIM)] and m["words_in_order"] == 1.0
        s, e = m["hit"]
        assert text[s:e] == CLAIM[:-1]  # the words, from the first to the last
        assert h["comparison"]["passages"][0]["kind"] == "verbatim"


def test_claim_search_on_the_command_line(index: tuple[Path, list[dict[str, str]]]) -> None:
    db, _ = index
    query = db.with_name("claim.txt")
    query.write_text(CLAIM, encoding="utf-8")
    out = subprocess.run(
        [cli_path(), "search", str(db), str(query), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    r = json.loads(out.stdout)
    assert r["schema_version"] == "1.1" and r["notes"] == []
    assert {h["doc"]["id"] for h in r["hits"]} == {f"doc{i:02d}" for i in TARGETS}


def test_edited_and_short_claims_are_found(index: tuple[Path, list[dict[str, str]]]) -> None:
    db, _ = index
    edited = _found(db, CLAIM.replace("Tuesday", "Monday"))
    assert set(edited) == {f"doc{i:02d}" for i in TARGETS}
    assert all(h["comparison"]["passages"][0]["kind"] == "near_verbatim" for h in edited.values())
    assert set(_found(db, "vaccines cause autism, a new study says!")) == {"doc20"}


def test_same_subject_query_finds_nothing(index: tuple[Path, list[dict[str, str]]]) -> None:
    db, _ = index
    assert _found(db, "Leaf blowers powered by gas will be banned next spring, council says.") == {}


def test_index_made_before_sentence_keys(
    index: tuple[Path, list[dict[str, str]]], tmp_path: Path
) -> None:
    """An index without the claims table gets it when opened; its documents are searched
    by fingerprints (the result says so) until `index add-claims` keys them."""
    db, _ = index
    old = tmp_path / "old.db"
    with sqlite3.connect(db) as src, sqlite3.connect(old) as dst:
        src.backup(dst)
    with sqlite3.connect(old) as con:
        con.execute("DROP TABLE claims")
        con.execute("DELETE FROM meta WHERE key IN ('claims', 'claims_from')")
    with Corpus.open(old, create=False) as c:
        assert c.store.has_claims and c.store.unkeyed_documents() == 24
        r = c.search(document_from_text(CLAIM, "q"))
        assert r.notes and "add-claims" in r.notes[0]
        assert all(not h.claims for h in r.hits)
        assert (
            c.search(document_from_text("vaccines cause autism, a new study says!", "q")).hits == ()
        )
    out = subprocess.run(
        [cli_path(), "index", "add-claims", str(old)], capture_output=True, text=True, check=True
    )
    assert "24 document(s)" in out.stdout
    with Corpus.open(old, create=False) as c:
        assert c.store.unkeyed_documents() == 0
        assert set(_found(old, CLAIM)) == {f"doc{i:02d}" for i in TARGETS}
        assert set(_found(old, "vaccines cause autism, a new study says!")) == {"doc20"}


def test_read_only_index_without_sentence_keys(
    index: tuple[Path, list[dict[str, str]]], tmp_path: Path
) -> None:
    """Opened read-only, an index without the claims table is searched as before."""
    db, _ = index
    old = tmp_path / "ro.db"
    with sqlite3.connect(db) as src, sqlite3.connect(old) as dst:
        src.backup(dst)
    with sqlite3.connect(old) as con:
        con.execute("DROP TABLE claims")
        con.execute("DELETE FROM meta WHERE key IN ('claims', 'claims_from')")
    old.chmod(stat.S_IRUSR)
    if os.access(old, os.W_OK):
        pytest.skip("root writes read-only files: that part cannot be checked here")
    with Corpus.open(old, create=False) as c:
        assert not c.store.has_claims
        r = c.search(document_from_text(CLAIM, "q"))
        assert {h.doc.ext_id for h in r.hits} <= {f"doc{i:02d}" for i in TARGETS}


# --- sentence keys ---------------------------------------------------------------------

_WORDS = ["council", "Budget", "river", "the", "of", "said", "2025", "é", "“quoted”", '"']
_GAPS = [". ", "! ", "? ", ", ", ": ", ': "', "\n", "\n\n", " ", "  ", "v. ", "...", "—"]
_PIECES = st.sampled_from([*_WORDS, *_GAPS])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_keys_leave_the_sketch_as_it_was(text: str) -> None:
    """Ingest computes the sketch and the sentence keys in one pass: the sketch (and so
    every index built before) is the same as without keys, and every unit's range slices
    the text."""
    (plain,) = sketch_batch([text], SketchConfig())
    (both,) = sketch_with_claims([text], SketchConfig(), ClaimKeyConfig())
    assert both.sketch.key == plain.key
    assert np.array_equal(both.sketch.fingerprints, plain.fingerprints)
    assert np.array_equal(both.sketch.terms, plain.terms)
    units = claim_units(text)
    assert len(both.keys) == len(both.starts) <= 3 * len(units)
    for s, e in zip(units.starts.tolist(), units.ends.tolist(), strict=True):
        assert 0 <= s < e <= len(text) and text[s:e].strip() == text[s:e]
    assert set(both.starts.tolist()) <= set(units.starts.tolist())
