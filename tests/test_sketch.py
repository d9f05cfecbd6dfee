"""Lexical sketches: the fast chunk-vocabulary path equals a plain token-by-token reference."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

import textlineage.text.sketch as sk
from textlineage.text.features import STOPWORDS, stem
from textlineage.text.normalise import TOKEN_RE, fold_token

TEXTS = [
    "",
    "   \n\t ",
    "x",
    "The council voted 7-2 on Tuesday; the mayor's office said 1,500 jobs were at stake.",
    "THE COUNCIL voted 7-2 on Tuesday — the mayor’s office said 1,500 jobs were at stake!",
    "Ünïcode “quoted” — dash’s U.S. e\u0301te\u0301 中文字符 well-known 3.5 21st (parenthesised)",
    " ".join(f"word{i % 37} token{i % 11}, said.{i}" for i in range(400)),
]


def reference(text: str, cfg: sk.SketchConfig) -> tuple[np.ndarray, bytes]:
    norms, terms = [], []
    for raw in TOKEN_RE.findall(text):
        norm = fold_token(raw)
        norms.append(sk._hash(norm))
        if (norm not in STOPWORDS and len(norm) > 1) or norm[:1].isdigit():
            terms.append(sk._hash(stem(norm)))
    shingles = sk.shingle_hashes(np.array(terms, dtype=np.uint64), cfg.k)
    shingles = shingles[shingles % np.uint64(cfg.sample) == 0]
    # Order-free pairs of terms at most window - 1 apart, in plain 64-bit integer arithmetic.
    mult, tag, mask = int(sk._MULT), int(sk._PAIR_TAG), (1 << 64) - 1
    pairs = set()
    for i, a in enumerate(terms):
        for b in terms[i + 1 : i + max(cfg.window, 1)]:
            if a != b:
                h = ((((min(a, b) * mult + max(a, b)) & mask) * mult) & mask) ^ tag
                if h % cfg.pair_sample == 0:
                    pairs.add(h)
    both = np.concatenate([shingles, np.array(sorted(pairs), dtype=np.uint64)])
    key = hashlib.blake2b(np.array(norms, dtype="<u8").tobytes(), digest_size=16).digest()
    return np.unique(both).view(np.int64), key


@pytest.mark.parametrize(
    "cfg",
    [
        sk.SketchConfig(),
        sk.SketchConfig(k=1, sample=1, window=0),
        sk.SketchConfig(k=2, sample=3, window=6, pair_sample=1),
    ],
)
def test_sketch_equals_token_reference(cfg: sk.SketchConfig) -> None:
    for text in TEXTS * 2:  # the second round runs on a warm vocabulary
        got, key = sk.sketch_and_key(text, cfg)
        want, want_key = reference(text, cfg)
        assert np.array_equal(got, want), text[:60]
        assert key == want_key


def test_full_vocabulary_starts_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sk, "_CACHE_LIMIT", 40)
    vocab = sk._Vocabulary()
    monkeypatch.setattr(sk, "_VOCAB", vocab)
    cfg = sk.SketchConfig(k=2, sample=1)
    for text in TEXTS[3:] * 3:
        got, key = sk.sketch_and_key(text, cfg)
        want, want_key = reference(text, cfg)
        assert np.array_equal(got, want) and key == want_key
        assert len(vocab.ids) <= 40


def test_duplicate_key_ignores_case_quotes_and_punctuation() -> None:
    assert sk.text_key(TEXTS[3]) == sk.text_key(TEXTS[4])
    assert sk.text_key(TEXTS[3]) != sk.text_key(TEXTS[3].replace("7-2", "6-3"))


def test_pair_fingerprints_survive_shuffled_and_replaced_words() -> None:
    text = (
        "The regional court sentenced the protesters to long prison terms after a closed "
        "trial, lawyers for the defendants said on Monday."
    )
    reworded = (
        "Lawyers for the defendants said on Monday that after a closed trial the protesters "
        "were given long prison terms by the regional court."
    )
    every = sk.SketchConfig(sample=1, pair_sample=1)
    only_shingles = sk.SketchConfig(sample=1, window=0)
    shared = len(np.intersect1d(sk.sketch(text, every), sk.sketch(reworded, every)))
    shared_shingles = len(
        np.intersect1d(sk.sketch(text, only_shingles), sk.sketch(reworded, only_shingles))
    )
    assert shared >= shared_shingles + 5


def test_sketch_settings_round_trip_and_old_indexes_have_no_pairs() -> None:
    cfg = sk.SketchConfig(k=2, sample=4, window=5, pair_sample=16)
    assert sk.SketchConfig.from_spec(cfg.spec()) == cfg
    assert sk.SketchConfig.from_spec("k=3,sample=8").window == 0
    with pytest.raises(ValueError, match="pair_sample"):
        sk.SketchConfig(pair_sample=0)
