"""The window channel: reworded passages found by their vocabulary, all pairs at once."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from textlineage.corpus.windows import (
    WindowConfig,
    build_windows,
    candidate_scores,
    pair_scores,
    select_pairs,
    window_starts,
)
from textlineage.text.sketch import content_terms


def test_window_starts_cover_the_sequence_without_a_short_tail() -> None:
    assert window_starts(10, 30, 15) == [0]
    assert window_starts(30, 30, 15) == [0]
    assert window_starts(70, 30, 15) == [0, 15, 30, 40]
    for n in (31, 44, 45, 46, 100, 301):
        starts = window_starts(n, 30, 15)
        assert starts[0] == 0 and starts[-1] + 30 == n
        assert all(b - a <= 15 for a, b in itertools.pairwise(starts))


def test_config_rejects_a_stride_longer_than_the_window() -> None:
    with pytest.raises(ValueError, match="stride"):
        WindowConfig(size=10, stride=11)


def _vocabulary(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    letters = "bcdfghjklmnprstvz"
    vowels = "aeiou"
    words = set()
    while len(words) < n:
        k = rng.randint(2, 4)
        words.add("".join(rng.choice(letters) + rng.choice(vowels) for _ in range(k)))
    return sorted(words)


def _corpus() -> tuple[list[str], int, int]:
    """Unrelated documents, a passage of one reworded into another (a third of its words
    replaced, the rest shuffled within sentences), and where they are."""
    vocab = _vocabulary(1, 6000)
    rng = random.Random(2)
    docs = []
    for _ in range(40):
        sents = [" ".join(rng.choice(vocab) for _ in range(12)) + "." for _ in range(25)]
        docs.append(" ".join(sents))
    source = docs[7].split(". ")
    passage = source[5:13]
    reworded = []
    for sent in passage:
        words = sent.rstrip(".").split()
        words = [rng.choice(vocab) if rng.random() < 0.33 else w for w in words]
        rng.shuffle(words)
        reworded.append(" ".join(words) + ".")
    host = docs[23].split(". ")
    docs[23] = ". ".join(host[:10]) + ". " + " ".join(reworded) + " " + ". ".join(host[10:])
    return docs, 7, 23


def test_a_reworded_passage_is_each_documents_best_partner() -> None:
    docs, src, der = _corpus()
    seqs = [content_terms(t) for t in docs]
    cfg = WindowConfig()
    wm = build_windows(seqs, cfg)
    scores = pair_scores(wm, None, cfg)
    n = len(docs)
    key = src * n + der
    assert key in scores and scores[key] >= 0.4
    others = [v for k, v in scores.items() if k != key]
    assert not others or max(others) < scores[key] / 2
    chosen = select_pairs(scores, n, cfg)
    assert (src, der) in chosen


def test_documents_of_one_site_are_not_paired() -> None:
    docs, src, der = _corpus()
    seqs = [content_terms(t) for t in docs]
    cfg = WindowConfig()
    wm = build_windows(seqs, cfg)
    sites = [f"s{i}" for i in range(len(docs))]
    assert pair_scores(wm, sites, cfg)
    sites[der] = sites[src]
    assert src * len(docs) + der not in pair_scores(wm, sites, cfg)
    sites = [""] * len(docs)  # unknown site: every document its own
    assert src * len(docs) + der in pair_scores(wm, sites, cfg)


def test_scores_do_not_depend_on_document_order_or_block_size() -> None:
    docs, _, _ = _corpus()
    seqs = [content_terms(t) for t in docs]
    cfg = WindowConfig(min_score=0.05)
    base = pair_scores(build_windows(seqs, cfg), None, cfg)
    n = len(docs)
    as_pairs = {(k // n, k % n): v for k, v in base.items()}
    perm = list(range(n))
    random.Random(5).shuffle(perm)  # new position i holds old document perm[i]
    shuffled = [seqs[p] for p in perm]
    small = WindowConfig(min_score=0.05, block=7)
    got = pair_scores(build_windows(shuffled, small), None, small)
    back = {
        (min(perm[k // n], perm[k % n]), max(perm[k // n], perm[k % n])): v for k, v in got.items()
    }
    assert back.keys() == as_pairs.keys()
    for k, v in as_pairs.items():
        assert back[k] == pytest.approx(v, abs=1e-5)


def test_select_keeps_top_partners_and_high_scores() -> None:
    n = 5
    scores = {0 * n + 1: 0.9, 0 * n + 2: 0.3, 0 * n + 3: 0.2, 1 * n + 2: 0.25, 3 * n + 4: 0.16}
    top1 = select_pairs(scores, n, WindowConfig(top_k=1, partner_min=0.0))
    # 0's best is 1; 1's best is 0; 2's best is 0; 3's best is 0; 4's only partner is 3.
    assert set(top1) == {(0, 1), (0, 2), (0, 3), (3, 4)}
    with_keep = select_pairs(scores, n, WindowConfig(top_k=1, keep_score=0.24, partner_min=0.0))
    assert set(with_keep) == {(0, 1), (0, 2), (0, 3), (3, 4), (1, 2)}
    # A best partner that scores low is no candidate.
    strict = select_pairs(scores, n, WindowConfig(top_k=1, partner_min=0.25))
    assert set(strict) == {(0, 1), (0, 2)}
    assert select_pairs({}, n, WindowConfig()) == {}


def test_empty_documents_have_no_windows() -> None:
    cfg = WindowConfig()
    wm = build_windows([np.zeros(0, np.uint32), content_terms("Alpha beta gamma.")], cfg)
    assert wm.matrix.shape[0] == 1 and wm.n_docs == 2
    assert pair_scores(wm, None, cfg) == {}


def test_candidate_scores_keep_what_selection_needs_in_bounded_memory() -> None:
    # A small vocabulary: many pairs of documents score something.
    vocab = _vocabulary(3, 300)
    rng = random.Random(4)
    docs = [" ".join(rng.choice(vocab) for _ in range(rng.randint(40, 160))) for _ in range(60)]
    seqs = [content_terms(t) for t in docs]
    cfg = WindowConfig(min_score=0.05, partner_min=0.1, top_k=2, block=7)
    wm = build_windows(seqs, cfg)
    sites = [f"s{i % 9}" for i in range(len(docs))]
    full = pair_scores(wm, sites, cfg)
    assert len(full) > 500
    wanted = [*rng.sample(sorted(full), 40), 0 * 60 + 9, 5 * 60 + 14]  # same-site pairs
    got = candidate_scores(wm, sites, cfg, np.array(wanted), compact_at=50)
    assert len(got) < len(full) / 2
    assert select_pairs(got, len(docs), cfg) == select_pairs(full, len(docs), cfg)
    for k in wanted:
        assert got.get(k) == full.get(k)
    with_keep = WindowConfig(min_score=0.05, partner_min=0.1, top_k=1, keep_score=0.2, block=5)
    got = candidate_scores(wm, sites, with_keep, None, compact_at=10)
    assert select_pairs(got, len(docs), with_keep) == select_pairs(full, len(docs), with_keep)
    assert candidate_scores(build_windows([], cfg), None, cfg) == {}
