"""Reuse, not topic: verdicts on independent same-topic pairs and on reused texts.

Run by hand (a few minutes; the PAN sets dominate):

    .venv/bin/python benchmarks/same_topic.py                  # every set
    .venv/bin/python benchmarks/same_topic.py --sets own mrpc  # some sets
    .venv/bin/python benchmarks/same_topic.py --dump           # plus each wrong answer's passages
    .venv/bin/python benchmarks/same_topic.py --no-semantic    # the lexical stage alone

Sets (the PAN and MRPC ones are built on the fly from ../shared/data with a fixed seed and
never copied):

- ``own-independent`` / ``own-reuse``: ``tests/data/same_topic/labels.tsv``, news texts
  written for this project (see the folder's README.md): independent accounts of each
  event (``_a``; ``_b`` a different angle; ``_s`` a straight report by a second outlet)
  and reworded derivatives of ``_a`` (``_d`` reworded, ``_p`` one paragraph copied and the
  rest reworded, ``_m`` a text of its own that rewords part of ``_a``).
  ``own-independent`` is also shown split into pairs with a different-angle account and
  the rest.
- ``own-same-facts (stress)``: ``same_facts.tsv``, straight reports (``_c``) written from
  ``_a``'s facts in ``_a``'s order; stretches of them follow ``_a`` sentence by sentence,
  so they read like rewrites (a stress set, not a target; see the README).
- ``genre-*`` (only with ``--sets genre``): the fact-diff sets' pairs (``tests/data/facts_*``),
  rewrites of their sources, most into another genre: should be found.
- ``pan-no-plagiarism``: PAN 2013 ``01-no-plagiarism`` pairs (topically related, no reuse).
- ``mrpc-events``: pseudo-documents from MRPC non-paraphrases (two sentences about the same
  news event): the first sentences of ``--mrpc-per-doc`` pairs form document A, their
  second sentences, shuffled, document B. Pairs whose two sentences share much wording
  (word Dice >= 0.6, or a run of 6 or more words in the same order) go to
  ``mrpc-events-overlap`` instead, reported on their own: many are wire copy or a shared
  quote with one detail changed, which is text reuse at the sentence level.
- ``mrpc-paraphrase``: the same from MRPC paraphrases, B in A's order (a reworded text):
  should be found.
- ``pan-random`` / ``pan-summary``: PAN 2013 ``03-random-obfuscation`` and
  ``05-summary-obfuscation`` pairs with at least one case: should be found.

For each set it prints the counts per verdict, the share judged independent, and for the
sets of reuse the share found (not independent), the share with the gold verdict and the
share whose source is the gold one. ``--dump`` lists, for every wrong answer, the verdict's
reasons, coverage and passages (kind, score, the passage's own reasons, the two texts).
Every pair is compared with the semantic stage unless ``--no-semantic`` is given.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import LCSseq

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibrate_semantic import _clean  # MRPC's tokenised punctuation, undone
from textlineage import (
    CompareConfig,
    Comparison,
    SemanticConfig,
    compare,
    document_from_text,
    read_document,
)
from textlineage.types import Document

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
OWN = REPO / "tests" / "data" / "same_topic" / "labels.tsv"
SAME_FACTS = OWN.parent / "same_facts.tsv"
PAN = SHARED / "data" / "pan13-train"
MRPC = SHARED / "data" / "mrpc" / "msr_paraphrase_train.txt"
SEED = 20240611


@dataclass(frozen=True)
class Case:
    name: str
    a: Document
    b: Document
    label: str
    """The gold verdict: independent, partially_derived or derived ("reuse": either)."""
    source: int | None = None


# --- the sets ---------------------------------------------------------------------------


def _read_labels(path: Path) -> list[Case]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            a = read_document(str(path.parent / row["a"]))
            b = read_document(str(path.parent / row["b"]))
            src = {"a": 0, "b": 1}.get(row.get("source") or "")
            out.append(Case(f"{row['a']} | {row['b']}", a, b, row["label"], src))
    return out


def _kinds(case: Case) -> set[str]:
    return {Path(d.id).stem.rsplit("_", 1)[1] for d in (case.a, case.b)}


def own_sets() -> dict[str, list[Case]]:
    cases = _read_labels(OWN)
    indep = [c for c in cases if c.label == "independent"]
    return {
        "own-independent": indep,
        "own-independent/angle": [c for c in indep if "b" in _kinds(c)],
        "own-independent/second-outlet": [c for c in indep if "b" not in _kinds(c)],
        "own-reuse": [c for c in cases if c.label != "independent"],
        "own-same-facts (stress)": _read_labels(SAME_FACTS),
    }


def _dice(a: str, b: str) -> float:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return 2 * len(wa & wb) / max(1, len(wa) + len(wb))


def _longest_shared_run(a: str, b: str) -> int:
    """The longest run of words two sentences share in the same order."""
    ta, tb = a.lower().split(), b.lower().split()
    runs = [o.src_end - o.src_start for o in LCSseq.opcodes(ta, tb) if o.tag == "equal"]
    return max(runs, default=0)


def shares_wording(a: str, b: str) -> bool:
    """Two sentences share much wording: word Dice >= 0.6 or a run of 6 or more words."""
    return _dice(a, b) >= 0.6 or _longest_shared_run(a, b) >= 6


def mrpc_sets(per_doc: int, docs: int) -> dict[str, list[Case]]:
    rows = [
        line.split("\t")
        for line in MRPC.read_text(encoding="utf-8-sig").splitlines()[1:]
        if line.count("\t") == 4
    ]
    rng = random.Random(SEED)
    groups: dict[str, list[tuple[str, str]]] = {
        "mrpc-events": [],
        "mrpc-events-overlap": [],
        "mrpc-paraphrase": [],
    }
    for q, _, _, s1, s2 in rows:
        s1, s2 = _clean(s1), _clean(s2)
        if q == "1":
            groups["mrpc-paraphrase"].append((s1, s2))
        elif shares_wording(s1, s2):
            groups["mrpc-events-overlap"].append((s1, s2))
        else:
            groups["mrpc-events"].append((s1, s2))
    out: dict[str, list[Case]] = {}
    for name, pairs in groups.items():
        rng.shuffle(pairs)
        cases = []
        for k in range(min(docs, len(pairs) // per_doc)):
            chunk = pairs[k * per_doc : (k + 1) * per_doc]
            firsts = [p[0] for p in chunk]
            seconds = [p[1] for p in chunk]
            if name != "mrpc-paraphrase":
                rng.shuffle(seconds)
            a = document_from_text(" ".join(firsts), f"{name}-{k}-a")
            b = document_from_text(" ".join(seconds), f"{name}-{k}-b")
            label = "reuse" if name == "mrpc-paraphrase" else "independent"
            cases.append(Case(f"{name} #{k}", a, b, label, 0 if label == "reuse" else None))
        out[name] = cases
    return out


def genre_sets() -> dict[str, list[Case]]:
    """The fact-diff sets' pairs (``tests/data/facts_*``): every one is a rewrite of its
    source, most into another genre (a release as a brief, an advisory as a ticker, a
    statement as a forum post), so each should be found, with the source first."""
    out: dict[str, list[Case]] = {}
    for folder in sorted((REPO / "tests" / "data").glob("facts_*")):
        cases = []
        for src in sorted(folder.glob("*_source.txt")):
            der = src.with_name(src.name.replace("_source", "_derived"))
            if der.exists():
                a, b = read_document(str(src)), read_document(str(der))
                cases.append(Case(f"{folder.name}/{src.stem}", a, b, "reuse", 0))
        if cases:
            out[f"genre-{folder.name.removeprefix('facts_')}"] = cases
    return out


def _pan_pairs(sub: str, n: int, with_cases: bool) -> list[tuple[str, str]]:
    pairs = [
        tuple(line.split())
        for line in (PAN / sub / "pairs").read_text().splitlines()
        if line.strip()
    ]
    if with_cases:
        pairs = [
            p
            for p in pairs
            if 'name="plagiarism"'
            in (PAN / sub / f"{Path(p[0]).stem}-{Path(p[1]).stem}.xml").read_text()
        ]
    rng = random.Random(SEED)
    rng.shuffle(pairs)
    return [(p[0], p[1]) for p in pairs[:n]]


def pan_sets(n: int) -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for name, sub, label in (
        ("pan-no-plagiarism", "01-no-plagiarism", "independent"),
        ("pan-random", "03-random-obfuscation", "reuse"),
        ("pan-summary", "05-summary-obfuscation", "reuse"),
    ):
        cases = []
        for susp, src in _pan_pairs(sub, n, with_cases=label == "reuse"):
            a = read_document(str(PAN / "susp" / susp))
            b = read_document(str(PAN / "src" / src))
            cases.append(Case(f"{sub} {susp} {src}", a, b, label, 1 if label == "reuse" else None))
        out[name] = cases
    return out


# --- scoring ----------------------------------------------------------------------------


def _wrong(c: Case, r: Comparison) -> bool:
    if c.label == "independent":
        return r.verdict != "independent"
    return r.verdict == "independent"


def _snippet(doc: Document, spans: tuple[tuple[int, int], ...], width: int = 160) -> str:
    text = " … ".join(" ".join(doc.text[s:e].split()) for s, e in spans)
    return text if len(text) <= width else text[: width - 1] + "…"


def dump(c: Case, r: Comparison) -> Iterator[str]:
    yield f"  ✗ {c.name}: gold {c.label}, got {r.verdict} (source {r.source}), " + (
        f"coverage {r.coverage[0]:.2f}/{r.coverage[1]:.2f}"
    )
    for reason in r.reasons:
        yield f"      · {reason}"
    for p in r.passages:
        why = "; ".join(getattr(p, "reasons", ()) or ())
        yield f"    [{p.kind} {p.score:.2f}] {why}"
        yield f"        A: {_snippet(r.documents[0], p.spans[0])}"
        yield f"        B: {_snippet(r.documents[1], p.spans[1])}"


def run_set(
    name: str,
    cases: list[Case],
    show: bool,
    log: Callable[[str], None],
    cache: dict[str, Comparison],
    config: CompareConfig | None = None,
) -> None:
    if not cases:
        log(f"{name}: no pairs")
        return
    t = time.perf_counter()
    verdicts: Counter[str] = Counter()
    found = exact = source_ok = 0
    wrong: list[tuple[Case, Comparison]] = []
    for c in cases:
        r = cache.get(c.name) or compare(c.a, c.b, config)
        cache[c.name] = r
        verdicts[r.verdict] += 1
        if c.label != "independent":
            found += r.verdict != "independent"
            exact += r.verdict == c.label
            source_ok += r.verdict != "independent" and r.source == c.source
        if _wrong(c, r):
            wrong.append((c, r))
    secs = time.perf_counter() - t
    n = len(cases)
    counts = ", ".join(
        f"{k} {verdicts[k]}" for k in ("independent", "partially_derived", "derived")
    )
    line = f"{name:<28} n={n:<4} {counts}  independent {verdicts['independent'] / n:.3f}"
    if any(c.label != "independent" for c in cases):
        line += f"  found {found / n:.3f}  source {source_ok / n:.3f}"
        if any(c.label in ("derived", "partially_derived") for c in cases):
            line += f"  exact {exact / n:.3f}"
    log(f"{line}  ({secs:.0f} s)")
    if show:
        for c, r in wrong:
            for text in dump(c, r):
                log(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--sets", nargs="*", default=["own", "mrpc", "pan"], help="own, genre, mrpc, pan"
    )
    ap.add_argument("--pan", type=int, default=100, help="pairs per PAN set (default 100)")
    ap.add_argument("--mrpc-docs", type=int, default=40, help="documents per MRPC set")
    ap.add_argument("--mrpc-per-doc", type=int, default=10, help="sentence pairs per document")
    ap.add_argument("--only", default="", help="run only sets whose name contains this")
    ap.add_argument("--dump", action="store_true", help="list every wrong answer's passages")
    ap.add_argument("--no-semantic", action="store_true", help="lexical alignment only")
    args = ap.parse_args()
    sets: dict[str, list[Case]] = {}
    if "own" in args.sets:
        sets.update(own_sets())
    if "genre" in args.sets:
        sets.update(genre_sets())
    if "mrpc" in args.sets:
        sets.update(mrpc_sets(args.mrpc_per_doc, args.mrpc_docs))
    if "pan" in args.sets:
        sets.update(pan_sets(args.pan))
    cache: dict[str, Comparison] = {}
    order = sorted(sets, key=lambda s: s == "own-independent")  # the whole after its halves
    for name in order:
        if args.only and args.only not in name:
            continue
        show = args.dump and name != "own-independent"
        config = CompareConfig(semantic=SemanticConfig(enabled=False)) if args.no_semantic else None
        run_set(name, sets[name], show, lambda s: print(s, flush=True), cache, config)


if __name__ == "__main__":
    main()
