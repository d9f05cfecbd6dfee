"""Verification cost per candidate pair: what one discovery worker does for each pair
(fetch, mask the site's boilerplate, align lexically), timed in one process.

Run by hand on an index (e.g. one ``bench_corpus.py`` built):

    PYTHONPATH=src .venv/bin/python benchmarks/bench_verify.py INDEX.db --pairs 4000 \\
        --plan /tmp/plan.pkl

The candidate plan (fingerprint and window candidates, boilerplate) is computed once and
kept in ``--plan``, so that two versions of the code can be timed on the same pairs: run
the same command with ``PYTHONPATH`` pointing at each version's ``src``, alternating, and
compare the ms/pair (the machine is shared: take ratios within one run). The printed digest
of the verified relations must be the same for both.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import time
from collections import Counter
from pathlib import Path

from textlineage.corpus import discover
from textlineage.corpus.boilerplate import boilerplate_sentences
from textlineage.corpus.config import CorpusConfig
from textlineage.corpus.store import Store
from textlineage.network import DocInfo


def _plan(store: Store, config: CorpusConfig) -> tuple[discover.CandidatePlan, dict]:
    infos: dict[int, DocInfo] = {}
    for doc_id, ext_id, site, date, url, title, chars in store.iter_documents(
        "doc_id, ext_id, site, date, url, title, chars"
    ):
        infos[int(doc_id)] = DocInfo(int(doc_id), ext_id, site, date, url, title, int(chars))
    site_of = {d: i.site for d, i in infos.items()}
    lexical, _ = discover._scan_postings(
        store, site_of, config.max_df(len(infos)), config.min_evidence
    )
    plan = discover.plan_candidates(
        lexical, lambda: discover._stored_terms(store, infos), config, infos, semantic=True
    )
    boiler = boilerplate_sentences(
        ((site, text) for _, site, text in store.iter_documents("doc_id, site, text")),
        Counter(site_of.values()),
    )
    return plan, boiler


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("index", type=Path)
    ap.add_argument("--pairs", type=int, default=4000, help="candidates to verify")
    ap.add_argument("--start", type=int, default=0, help="first candidate")
    ap.add_argument("--plan", type=Path, help="where the candidate plan is kept")
    args = ap.parse_args()
    store = Store(args.index, create=False)
    config = CorpusConfig()
    if args.plan and args.plan.exists():
        plan, boiler = pickle.loads(args.plan.read_bytes())
    else:
        t = time.perf_counter()
        plan, boiler = _plan(store, config)
        print(f"plan: {len(plan.candidates):,} candidates in {time.perf_counter() - t:.1f} s")
        if args.plan:
            args.plan.write_bytes(pickle.dumps((plan, boiler)))
    pairs = plan.candidates[args.start : args.start + args.pairs]
    # The lexical stage only: the semantic stage's cost is the embedder's.
    discover._init_worker(str(args.index), boiler, discover.verify_config(config, False))
    t, cpu = time.perf_counter(), time.process_time()
    verified = []
    for at in range(0, len(pairs), discover.PAIR_CHUNK):
        verified.extend(discover._verify_chunk(pairs[at : at + discover.PAIR_CHUNK]))
    wall, cpu = time.perf_counter() - t, time.process_time() - cpu
    digest = hashlib.sha1(
        json.dumps([v.to_json() for v in verified], sort_keys=True).encode()
    ).hexdigest()[:12]
    print(
        f"{len(pairs):,} pairs, {len(verified):,} verified: {1000 * wall / len(pairs):.2f} ms/pair "
        f"({1000 * cpu / len(pairs):.2f} ms CPU), digest {digest}"
    )


if __name__ == "__main__":
    main()
