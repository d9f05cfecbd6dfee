"""Checks of gen_corpus's provenance.jsonl and bench_corpus's related_by_provenance.

Not collected by the project's test run (testpaths = tests); run by hand:

    .venv/bin/python -m pytest benchmarks/test_provenance.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import load_provenance, related_by_provenance
from gen_corpus import PAN_DIR, generate, load_truth, pan_links

LINKS = {"susp/s.txt": [(1000, 1400, "src/x.txt", 5000, 5600)]}


def piece(f: str, a: int, b: int, **extra: object) -> dict:
    return {"pan_file": f, "start": a, "end": b, **extra}


def test_related_by_provenance() -> None:
    rel = related_by_provenance
    assert rel([piece("src/x.txt", 0, 300)], [piece("src/x.txt", 200, 500)], {})
    assert not rel([piece("src/x.txt", 0, 300)], [piece("src/x.txt", 250, 500)], {})
    assert not rel([piece("src/x.txt", 0, 300)], [piece("src/y.txt", 0, 300)], {})
    # other epochs permute the words
    assert not rel([piece("src/x.txt", 0, 300)], [piece("src/x.txt", 0, 300, epoch=1)], {})
    # the two sides of one case
    a = [piece("src/x.txt", 5000, 5600, case="susp/s.txt#1000")]
    b = [piece("susp/s.txt", 1000, 1400, case="susp/s.txt#1000")]
    assert rel(a, b, {})
    assert not rel(a, [{**b[0], "epoch": 2}], {})
    # an annotated suspicious range and (part of) its source range
    assert rel([piece("susp/s.txt", 1000, 1400)], [piece("src/x.txt", 5400, 5900)], LINKS)
    assert not rel([piece("susp/s.txt", 1000, 1400)], [piece("src/x.txt", 5550, 5900)], LINKS)
    assert not rel([piece("susp/s.txt", 0, 900)], [piece("src/x.txt", 5000, 5600)], LINKS)
    # two obfuscations of one source passage
    links = {**LINKS, "susp/t.txt": [(0, 300, "src/x.txt", 5100, 5500)]}
    assert rel([piece("susp/s.txt", 1000, 1400)], [piece("susp/t.txt", 0, 300)], links)


@pytest.mark.skipif(not (PAN_DIR / "src").is_dir(), reason="PAN data not available")
def test_provenance_matches_text(tmp_path: Path) -> None:
    generate(300, tmp_path, seed=3)
    prov = load_provenance(tmp_path / "provenance.jsonl")
    edited = {r["derived"] for r in load_truth(tmp_path) if r["kind"] in ("light", "chain")}
    texts = {}
    with open(tmp_path / "docs.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            texts[rec["id"]] = " ".join(rec["text"].split())
    assert set(prov) == set(texts)
    files: dict[str, str] = {}
    for doc_id, pieces in prov.items():
        assert pieces
        for p in pieces:
            if p["pan_file"] not in files:
                with open(PAN_DIR / p["pan_file"], encoding="utf-8", newline="") as g:
                    files[p["pan_file"]] = g.read()
            if doc_id not in edited:  # light edits change words, not ranges
                assert (
                    " ".join(files[p["pan_file"]][p["start"] : p["end"]].split()) in texts[doc_id]
                )
    links = pan_links()
    for r in load_truth(tmp_path, kinds=("verbatim", "light", "heavy")):
        assert related_by_provenance(prov[r["source"]], prov[r["derived"]], links)
