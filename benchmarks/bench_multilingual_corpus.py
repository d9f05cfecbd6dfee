"""Translated reuse in the corpus (issue 10): ingest with and without multilingual vectors,
search for the original of an English translation, discovery of translated pairs.

Run by hand:
    .venv/bin/python benchmarks/bench_multilingual_corpus.py [--pan N] [--split dev|test|all]
        [--workers J] [--json]

The index holds ``--pan`` English PAN 2013 source documents (read in place from
``../shared/data/pan13-train``) and, from ``tests/data/translation``, the Spanish, French
and Persian passages of the split (the translated ones and the same-event independent
ones). Measured:

- ``index add`` of the PAN documents with and without ``--multilingual``: documents a
  second and CPU seconds (workers included);
- search: each English translation as the query; whether its original is the top hit with
  ``translation`` passages, and the latency (the first search loads the models);
- discovery over the index plus the English translations (dated a day after their
  originals): which translated pairs become relations, with which direction, and the
  relations between texts that are not translations of each other.

The machine may be shared: note its load beside any time you quote.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from textlineage.corpus.index import Corpus
from textlineage.types import Document

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "translation"
PAN = REPO.parent / "shared" / "data" / "pan13-train"


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _passages(split: str) -> tuple[list[dict[str, str]], list[tuple[str, str]]]:
    """Records of the split's non-English passages and English translations, and the
    (original id, translation id) pairs."""
    records: list[dict[str, str]] = []
    pairs: list[tuple[str, str]] = []
    for lang in ("es", "fr", "fa"):
        d = json.loads((DATA / f"{lang}.json").read_text(encoding="utf-8"))
        for t in d["translations"]:
            if split != "all" and t["split"] != split:
                continue
            # The side written first is the original.
            first, second = (lang, "en") if t["source"] == lang else ("en", lang)
            ids = {side: f"{t['id']}-{side}" for side in (lang, "en")}
            for side, date in ((first, "2024-02-01"), (second, "2024-02-02")):
                records.append({"id": ids[side], "text": t[side], "date": date, "site": side})
            pairs.append((ids[first], ids[second]))
        for t in d["independent"]:
            if split == "all" or t["split"] == split:
                records.append({"id": f"{t['id']}-{lang}", "text": t[lang], "site": lang})
    return records, pairs


def _write(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pan", type=int, default=300, help="PAN source documents to index")
    ap.add_argument("--split", choices=["dev", "test", "all"], default="test")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    pan = [str(p) for p in sorted((PAN / "src").iterdir())[: args.pan]]
    records, pairs = _passages(args.split)
    translations = {b for _, b in pairs}
    report: dict[str, Any] = {"pan_documents": len(pan), "translated_pairs": len(pairs)}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for multilingual in (False, True):
            c0, t0 = _cpu(), time.perf_counter()
            with Corpus.open(work / f"m{multilingual}.db") as c:
                s = c.add(pan, multilingual=multilingual, workers=args.workers)
            report[f"ingest_{'multilingual' if multilingual else 'plain'}"] = {
                "documents": s.added,
                "docs_per_second": round(s.added / (time.perf_counter() - t0), 2),
                "cpu_seconds": round(_cpu() - c0, 1),
            }
        db = work / "mTrue.db"
        base = [r for r in records if r["id"] not in translations]
        with Corpus.open(db) as c:
            c.add([str(_write(work / "base.jsonl", base))], workers=args.workers)
            by_id = {r["id"]: r for r in records}
            found, latencies = 0, []
            for original, translation in pairs:
                query = Document(translation, by_id[translation]["text"])
                t = time.perf_counter()
                res = c.search(query)
                latencies.append(time.perf_counter() - t)
                top = res.hits[0] if res.hits else None
                if (
                    top is not None
                    and top.doc.ext_id == original
                    and any(p.kind == "translation" for p in top.comparison.passages)
                ):
                    found += 1
            report["search"] = {
                "original_on_top": found,
                "queries": len(pairs),
                "first_s": round(latencies[0], 2),
                "median_s": round(statistics.median(latencies[1:]), 2),
                "max_s": round(max(latencies[1:]), 2),
            }
            extra = [r for r in records if r["id"] in translations]
            c.add([str(_write(work / "translations.jsonl", extra))], workers=args.workers)
            summary = c.discover(work / "out", workers=args.workers)
        got: dict[tuple[str, str], str | None] = {}
        for line in (work / "out" / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            got[tuple(sorted((r["a"]["id"], r["b"]["id"])))] = r["source"]  # type: ignore[index]
        truth = {tuple(sorted(p)): p[0] for p in pairs}
        report["discover"] = {
            "translated_pairs_found": sum(1 for k in truth if k in got),
            "right_direction": sum(1 for k, src in truth.items() if got.get(k) == src),
            "no_direction": sum(1 for k in truth if k in got and got[k] is None),
            "other_relations": sum(1 for k in got if k not in truth and all(x in by_id for x in k)),
            "multilingual_candidate_pairs": summary["multilingual_candidate_pairs"],
            "seconds": summary["seconds"],
        }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for key, value in report.items():
        print(f"{key:28s} {value}")


if __name__ == "__main__":
    main()
