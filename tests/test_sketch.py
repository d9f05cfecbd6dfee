"""Lexical sketches: the fast chunk-vocabulary path equals a plain token-by-token reference."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

import textlineage.sketch as sk
from textlineage.fingerprint import STOPWORDS, stem
from textlineage.normalise import TOKEN_RE, fold_token

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
    key = hashlib.blake2b(np.array(norms, dtype="<u8").tobytes(), digest_size=16).digest()
    return np.unique(shingles).view(np.int64), key


@pytest.mark.parametrize("cfg", [sk.SketchConfig(), sk.SketchConfig(k=1, sample=1)])
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
