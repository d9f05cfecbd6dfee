"""The fingerprint scan: pair evidence from postings, with a site's boilerplate set aside,
the same whether it fits in memory or spills to disk."""

from __future__ import annotations

import itertools
import random
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from textlineage.corpus.pairscan import ScanConfig, scan_pairs


def _naive(postings: list[tuple[int, int]], site_of: dict[int, str], cfg: ScanConfig):
    """The definition, written plainly: per fingerprint, drop the documents of sites for
    which it is boilerplate, then every remaining pair gains 2 / (documents left)."""
    size = Counter(site_of.values())
    groups: dict[int, list[int]] = defaultdict(list)
    for h, d in postings:
        groups[h].append(d)
    pairs: dict[tuple[int, int], float] = defaultdict(float)
    marks = 0
    for docs in groups.values():
        if len(docs) < 2:
            continue
        per_site = Counter(site_of[d] for d in docs)
        noisy = {
            s
            for s, n in per_site.items()
            if s and size[s] >= cfg.site_min_docs and n >= cfg.boiler_threshold(size[s])
        }
        marks += len(noisy)
        keep = sorted(d for d in docs if site_of[d] not in noisy)
        if 2 <= len(keep) <= cfg.max_df:
            for a, b in itertools.combinations(keep, 2):
                pairs[(a, b)] += 2.0 / len(keep)
    return {k: v for k, v in pairs.items() if v >= cfg.min_evidence}, marks


def _corpus(seed: int) -> tuple[list[tuple[int, int]], dict[int, str]]:
    rng = random.Random(seed)
    n_docs = 60
    site_of = {d: rng.choice(["", "a.com", "b.org", "c.net", "tiny.io"]) for d in range(n_docs)}
    site_of.update({d: "tiny.io" for d in range(3)})  # a site below site_min_docs
    postings = set()
    for h in range(400):
        df = rng.choice([1, 2, 2, 2, 3, 4, 7, 12, 30])
        for d in rng.sample(range(n_docs), df):
            postings.add((h * 7919 % 100_003 - 50_000, d))  # negative hashes too
    # A template: one fingerprint on most of a.com's pages.
    a_pages = [d for d, s in site_of.items() if s == "a.com"]
    postings.update((123_456, d) for d in a_pages)
    return sorted(postings), site_of


def _chunks(postings: list[tuple[int, int]], size: int):
    for i in range(0, len(postings), size):
        arr = np.array(postings[i : i + size], dtype=np.int64)
        yield arr[:, 0], arr[:, 1]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_scan_matches_the_definition_in_memory_and_spilled(seed: int, tmp_path: Path) -> None:
    postings, site_of = _corpus(seed)
    base = ScanConfig(max_df=20, min_evidence=0.3)
    want, want_marks = _naive(postings, site_of, base)
    assert want_marks >= 1 and len(want) > 50  # the case is not trivial

    in_memory = scan_pairs(_chunks(postings, 10_000), site_of, base)
    assert not in_memory.spilled
    spilled = scan_pairs(
        _chunks(postings, 37),  # groups cut across chunks
        site_of,
        ScanConfig(max_df=20, min_evidence=0.3, buffer=50, shards=7),
        workdir=tmp_path,
    )
    assert spilled.spilled
    assert list(tmp_path.iterdir()) == []  # the shards are removed
    for got in (in_memory, spilled):
        assert got.boiler_marks == want_marks
        assert got.pairs.keys() == want.keys()
        for k, v in want.items():
            assert got.pairs[k] == pytest.approx(v, abs=1e-9)  # fixed point
    # Exactly equal sums, whatever the chunks and buffers.
    assert in_memory.pairs == spilled.pairs


def test_unpacked_keys_give_the_same_sums(tmp_path: Path) -> None:
    # A df limit this large leaves no room to pack a pair key with a df in one integer:
    # the scan sorts keys with an index instead, and must find the same sums as the
    # packed scan with a limit above every df of the corpus (60 documents).
    postings, site_of = _corpus(4)
    unpacked = ScanConfig(max_df=1 << 60, min_evidence=0.3, buffer=50, shards=5)
    want, _ = _naive(postings, site_of, unpacked)
    got = scan_pairs(_chunks(postings, 37), site_of, unpacked, workdir=tmp_path)
    assert got.spilled and got.pairs.keys() == want.keys()
    assert all(got.pairs[k] == pytest.approx(v, abs=1e-9) for k, v in want.items())
    packed = scan_pairs(_chunks(postings, 50), site_of, replace(unpacked, max_df=1000))
    assert packed.pairs == got.pairs


def test_boilerplate_and_df_limit() -> None:
    site_of = {d: "s.com" for d in range(10)} | {10: "x.org", 11: "y.org", 12: ""}
    # Fingerprint 1 is on 5 of s.com's 10 pages (at least 30 %: boilerplate there) and on
    # pages 10 and 11; fingerprint 3 on pages 0 and 10; fingerprint 4 on 10, 11 and 12.
    postings = [(1, d) for d in (0, 1, 2, 3, 4, 10, 11)] + [(3, 0), (3, 10)]
    postings += [(4, 10), (4, 11), (4, 12)]
    arr = np.array(postings, dtype=np.int64)
    res = scan_pairs([(arr[:, 0], arr[:, 1])], site_of, ScanConfig(max_df=5))
    assert res.boiler_marks == 1
    # s.com's pages are set aside on fingerprint 1: only (10, 11) share it, at weight 1.
    third = 2.0 / 3
    assert res.pairs == pytest.approx(
        {(10, 11): 1.0 + third, (0, 10): 1.0, (10, 12): third, (11, 12): third}
    )
    # Above max_df a fingerprint makes no pairs.
    res = scan_pairs([(arr[:, 0], arr[:, 1])], site_of, ScanConfig(max_df=2))
    assert res.pairs == {(10, 11): 1.0, (0, 10): 1.0}


def test_unknown_document_is_an_error() -> None:
    h = np.array([5, 5], dtype=np.int64)
    d = np.array([0, 9], dtype=np.int64)
    with pytest.raises(ValueError, match="not in the corpus"):
        scan_pairs([(h, d)], {0: "", 1: ""}, ScanConfig())


def test_evidence_does_not_depend_on_the_order_of_postings() -> None:
    postings, site_of = _corpus(5)
    cfg = ScanConfig(max_df=30, min_evidence=0.0)
    rng = random.Random(7)
    want = scan_pairs(_chunks(postings, 1000), site_of, cfg).pairs
    # The same postings, documents of each hash in another order, hashes renumbered so that
    # they come in another order too: pairs sum the same fingerprints in another order.
    remap = {h: rng.getrandbits(40) for h, _ in postings}
    shuffled = sorted((remap[h], d) for h, d in postings)
    got = scan_pairs(_chunks(shuffled, 333), site_of, cfg).pairs
    assert got == want  # exactly equal: evidence is summed in fixed point
