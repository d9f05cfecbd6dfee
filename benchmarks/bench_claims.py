"""Claim benchmark: claim-length queries (40-280 characters) copied, verbatim or lightly
edited, into indexed documents; are the documents found, and how fast?

Run by hand, e.g.:

    .venv/bin/python benchmarks/bench_claims.py --docs 10000 --work /tmp/tl-claims
    .venv/bin/python benchmarks/bench_claims.py --docs 100000 --work /tmp/tl-claims \\
        --corpus /tmp/tl-bench/corpus-100000-1

Steps:

1. The corpus: ``docs.jsonl`` of ``gen_corpus.py`` (``--corpus DIR``, or generated into
   ``--work``; prose from ../shared/data/pan13-train, read from there).
2. Claims: one or two consecutive sentences of 40-280 characters from the body of a
   document that takes part in no planted relation (its text is found nowhere else), a
   third each of 40-80, 80-160 and 160-280 characters.
3. Each claim is planted into one to four other documents chosen at random, as a
   paragraph of its own or after a sentence of a paragraph that ends with a full stop,
   question or exclamation mark, in one of these forms:
   verbatim (3 in 9), one word replaced by a word of the corpus (2 in 9), one word
   dropped, one word added, case and punctuation changed, or quoted after a lead-in ("As
   one post put it: "...""), 1 in 9 each. The planted corpus is indexed with
   ``Corpus.add`` (one process).
4. Each original claim is the query (``Corpus.search``, top 10, default settings, warm
   process; the first five queries warm it up and are not timed). Recall: the planted
   documents among the hits, over all planted documents (overall and per form); the
   document the claim was taken from must be among the hits too. Latency: p50 and p95.
5. Negatives: as many sentences of other relation-free documents, planted nowhere: any hit
   is a false positive (such a sentence appears nowhere else).
6. Cost: the ``claims`` table's bytes (SQLite's ``dbstat``) and rows per document, and the
   extra ingest CPU of the sentence keys (``sketch_with_claims`` against ``sketch_batch``
   on the first 5,000 documents, one process).

Deterministic for a given ``--seed`` (the same claims, targets and edits).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import generate, load_truth
from textlineage import document_from_text
from textlineage.corpus.index import Corpus
from textlineage.text.claims import ClaimKeyConfig, sketch_with_claims
from textlineage.text.segment import split_sentences
from textlineage.text.sketch import SketchConfig, sketch_batch

FORMS = ("verbatim",) * 3 + ("replace",) * 2 + ("drop", "add", "case", "lead_in")
LENGTHS = ((40, 80), (80, 160), (160, 280))
_WORD_RE = re.compile(r"[A-Za-z]{4,}")
_ENDS_RE = re.compile(r"[a-z0-9][.!?][\"')\u201d\u2019]*$")


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def _related(corpus: Path) -> set[str]:
    """Documents that take part in a planted relation (their text is shared)."""
    out: set[str] = set()
    for name in ("truth.jsonl", "siblings.jsonl"):
        path = corpus / name
        if path.exists():
            for r in load_truth(path):
                out.update((r["source"], r["derived"]))
                if r.get("via"):
                    out.add(r["via"])
    return out


def _body_claims(text: str, lo: int, hi: int) -> list[str]:
    """Runs of one or two sentences of ``lo``-``hi`` characters inside one body paragraph
    (not the site's header line or footer paragraph)."""
    paras = text.split("\n\n")
    if len(paras) < 3:
        return []
    out = []
    for para in paras[1:-1]:
        sents = split_sentences(para)
        for k in range(len(sents)):
            for m in (1, 2):
                if k + m <= len(sents):
                    piece = para[sents[k].start : sents[k + m - 1].end]
                    if lo <= len(piece) <= hi and "\n" not in piece:
                        out.append(piece)
    return out


def _edit(claim: str, form: str, rng: random.Random, vocab: list[str]) -> str:
    words = claim.split(" ")
    if form == "replace":
        words[rng.randrange(len(words))] = rng.choice(vocab)
    elif form == "drop" and len(words) > 1:
        del words[rng.randrange(len(words))]
    elif form == "add":
        words.insert(rng.randrange(len(words) + 1), rng.choice(vocab).lower())
    elif form == "case":
        return claim.lower().replace(",", "").rstrip(".!?") + "!"
    elif form == "lead_in":
        return f'As one post put it: "{claim}"'
    return " ".join(words)


def _plant(text: str, piece: str, rng: random.Random) -> str:
    """``piece`` as a paragraph of its own, or between two sentences of a body paragraph."""
    paras = text.split("\n\n")
    k = rng.randrange(1, max(2, len(paras) - 1))
    # Inside a paragraph, after a sentence that ends as prose does (a heading or a list
    # line would take the claim in); else as a paragraph of its own.
    ends = []
    if k < len(paras):
        ends = [s.end for s in split_sentences(paras[k]) if _ENDS_RE.search(paras[k], 0, s.end)]
    if rng.random() < 0.5 or not ends:
        paras.insert(k, piece)
    else:
        cut = ends[rng.randrange(len(ends))]
        paras[k] = paras[k][:cut] + " " + piece + paras[k][cut:]
    return "\n\n".join(paras)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, help="a gen_corpus.py directory (docs.jsonl)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--reuse-index", action="store_true", help="keep an existing index")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    corpus = args.corpus or args.work / f"corpus-{args.docs}-{args.seed}"
    if not (corpus / "docs.jsonl").exists():
        t = time.perf_counter()
        generate(args.docs, corpus, seed=args.seed)
        print(f"generated {args.docs} docs in {time.perf_counter() - t:.1f} s -> {corpus}")
    rng = random.Random(args.seed)
    related = _related(corpus)
    docs: list[dict] = []
    with (corpus / "docs.jsonl").open(encoding="utf-8") as f:
        for line in f:
            docs.append(json.loads(line))
            if len(docs) >= args.docs:
                break
    ids = [d["id"] for d in docs]
    free = [k for k, d in enumerate(docs) if d["id"] not in related]
    rng.shuffle(free)
    vocab = sorted({w for d in docs[:200] for w in _WORD_RE.findall(d["text"])})

    # Claims and negatives from relation-free documents, one each.
    donors: dict[int, str] = {}
    negatives: list[str] = []
    want = args.queries
    for k in free:
        lo, hi = LENGTHS[(len(donors) + len(negatives)) % 3]
        pieces = _body_claims(docs[k]["text"], lo, hi)
        if not pieces:
            continue
        piece = rng.choice(pieces)
        if len(donors) < want:
            donors[k] = piece
        elif len(negatives) < want:
            negatives.append(piece)
        else:
            break
    taken = set(donors)
    plans: list[tuple[int, str, list[tuple[int, str]]]] = []
    for k, claim in donors.items():
        targets: list[tuple[int, str]] = []
        n = rng.randint(1, 4)
        while len(targets) < n:
            t = rng.randrange(len(docs))
            if t not in taken:
                taken.add(t)
                targets.append((t, rng.choice(FORMS)))
        plans.append((k, claim, targets))
    for _, claim, targets in plans:
        for t, form in targets:
            docs[t]["text"] = _plant(docs[t]["text"], _edit(claim, form, rng, vocab), rng)
    planted = args.work / f"planted-{args.docs}-{args.seed}.jsonl"
    db = args.work / f"claims-{args.docs}-{args.seed}.db"
    reuse = args.reuse_index and db.exists()
    if not reuse:
        with planted.open("w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    n_planted = sum(len(t) for _, _, t in plans)
    print(
        f"{len(docs)} documents, {len(plans)} claims planted into {n_planted} documents, "
        f"{len(negatives)} negative queries"
    )

    with Corpus.open(db) as c:
        if not reuse:
            s = c.add([str(planted)], workers=1)
            print(
                f"ingest: {s.added} added, {s.duplicates} duplicates in {s.seconds:.1f} s = "
                f"{s.docs_per_second:.0f} docs/s (one process)"
            )
        st = c.stats()
        con = c.store.conn
        claim_bytes = con.execute("SELECT SUM(pgsize) FROM dbstat WHERE name='claims'").fetchone()
        post_bytes = con.execute("SELECT SUM(pgsize) FROM dbstat WHERE name='postings'").fetchone()
        rows = c.store.count("claims")
        n = st["documents"]
        print(
            f"index: {st['file_bytes'] / 1e6:.1f} MB file, {st['index_bytes_per_document']:.0f} "
            f"bytes/document beyond the text; claims table {claim_bytes[0] / 1e6:.1f} MB = "
            f"{claim_bytes[0] / n:.0f} bytes/document ({rows / n:.1f} rows/document), "
            f"fingerprint postings {post_bytes[0] / 1e6:.1f} MB = {post_bytes[0] / n:.0f} "
            "bytes/document"
        )

        gc.collect()
        gc.freeze()
        for _, claim, _ in plans[:5]:  # warm-up
            c.search(document_from_text(claim, "q"), top=10)
        lat: list[float] = []
        got: Counter[str] = Counter()
        tot: Counter[str] = Counter()
        by_len: Counter[str] = Counter()
        by_len_tot: Counter[str] = Counter()
        donor_found = extra = 0
        stages: Counter[str] = Counter()
        missed: list[tuple[str, str, str]] = []
        for k, claim, targets in plans:
            t0 = time.perf_counter()
            r = c.search(document_from_text(claim, "q"), top=10)
            lat.append(time.perf_counter() - t0)
            stages.update({k: v * 1000 for k, v in r.timings.items()})
            hit_ids = {h.doc.ext_id for h in r.hits}
            donor_found += ids[k] in hit_ids
            expected = {ids[k]} | {ids[t] for t, _ in targets}
            extra += len(hit_ids - expected)
            band = next(f"{lo}-{hi}" for lo, hi in LENGTHS if len(claim) <= hi)
            for t, form in targets:
                ok = ids[t] in hit_ids
                got[form] += ok
                tot[form] += 1
                by_len[band] += ok
                by_len_tot[band] += 1
                if not ok:
                    missed.append((ids[t], form, claim))
        neg_lat: list[float] = []
        false_hits = 0
        false_shown: list[tuple[str, str, str]] = []
        for q in negatives:
            t0 = time.perf_counter()
            r = c.search(document_from_text(q, "q"), top=10)
            neg_lat.append(time.perf_counter() - t0)
            # The donor of a negative is indexed: it is the one right answer.
            for h in r.hits:
                if q not in h.doc.text:
                    false_hits += 1
                    p = max(h.comparison.passages, key=lambda p: p.chars(1))
                    s, e = p.spans[1][0]
                    false_shown.append((q, h.doc.ext_id, h.doc.text[s:e]))

    recall = sum(got.values()) / max(1, sum(tot.values()))
    print(
        f"recall of planted documents: {recall:.3f} ({sum(got.values())}/{sum(tot.values())}); "
        + ", ".join(f"{f} {got[f] / tot[f]:.3f} (n={tot[f]})" for f in sorted(tot))
    )
    print(
        "by claim length: "
        + ", ".join(f"{b} {by_len[b] / by_len_tot[b]:.3f}" for b in sorted(by_len_tot))
    )
    print(f"claim's own document among the hits: {donor_found}/{len(plans)}")
    print(f"other hits (not planted, not the donor): {extra} over {len(plans)} queries")
    print(
        f"latency over {len(lat)} claim queries: p50 {_pct(lat, 0.5) * 1000:.0f} ms, "
        f"p95 {_pct(lat, 0.95) * 1000:.0f} ms, mean {statistics.mean(lat) * 1000:.0f} ms"
    )
    print(
        "mean ms per stage: "
        + ", ".join(f"{k} {v / len(lat):.1f}" for k, v in stages.items() if k != "total")
    )
    if neg_lat:
        print(
            f"negatives: {len(negatives)} unplanted sentences, {false_hits} hits in other "
            f"documents; p50 {_pct(neg_lat, 0.5) * 1000:.0f} ms"
        )
    for q, doc_id, text in false_shown[:10]:
        print(f"  negative {q[:90]!r} matched in {doc_id}: {text[:90]!r}")
    for doc_id, form, claim in missed[:10]:
        print(f"  missed {doc_id} ({form}): {claim[:100]!r}")

    # Extra ingest CPU of the sentence keys, one process, warm vocabulary.
    texts = [d["text"] for d in docs[:5000]]
    sketch_batch(texts, SketchConfig())
    t0 = time.process_time()
    sketch_batch(texts, SketchConfig())
    plain = time.process_time() - t0
    t0 = time.process_time()
    sketch_with_claims(texts, SketchConfig(), ClaimKeyConfig())
    both = time.process_time() - t0
    print(
        f"ingest CPU (lexical stage of {len(texts)} documents): sketch {plain / len(texts) * 1000:.2f} "
        f"ms/doc, with sentence keys {both / len(texts) * 1000:.2f} ms/doc"
    )


if __name__ == "__main__":
    main()
