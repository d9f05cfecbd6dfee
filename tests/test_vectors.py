"""Tf-idf vectors of a pair of documents: the same float32 values, bit for bit, as the
scipy sparse products they were first computed with."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from scipy import sparse

from conftest import DERIVED, SOURCE
from test_features import SETTINGS, texts
from textlineage.align.fragments import Vectors
from textlineage.text.features import Features, features


def _reference_vectors(fa: Features, fb: Features) -> tuple[np.ndarray, np.ndarray]:
    """Cosine and Dice matrices as first built, with scipy's sparse products."""
    na, nb = len(fa.units), len(fb.units)
    vocab: dict[str, int] = {}
    indptr, indices = [0], []
    for f in (fa, fb):
        for u in f.units:
            indices.extend(vocab.setdefault(t, len(vocab)) for t in u.terms)
            indptr.append(len(indices))
    n, v = na + nb, max(1, len(vocab))
    tf = sparse.csr_matrix((np.ones(len(indices), np.float32), indices, indptr), shape=(n, v))
    tf.sum_duplicates()
    idx, ptr = tf.indices, tf.indptr
    df = np.bincount(idx, minlength=v)
    idf = np.log((n + 1) / (df + 0.5)).astype(np.float32)
    weight = tf.data * idf[idx]
    rows = np.repeat(np.arange(n), np.diff(ptr))
    norms = np.sqrt(np.bincount(rows, weights=weight * weight, minlength=n)).astype(np.float32)
    norms[norms == 0] = 1.0
    unit = weight / norms[rows]
    ua = sparse.csr_matrix((unit[: ptr[na]], idx[: ptr[na]], ptr[: na + 1]), (na, v))
    ub = sparse.csr_matrix((unit[ptr[na] :], idx[ptr[na] :], ptr[na:] - ptr[na]), (nb, v))
    cosine = np.asarray((ua @ ub.T).toarray(), dtype=np.float32)
    ones = np.ones(len(idx), dtype=np.float32)
    pa = sparse.csr_matrix((ones[: ptr[na]], idx[: ptr[na]], ptr[: na + 1]), (na, v))
    pb = sparse.csr_matrix((ones[ptr[na] :], idx[ptr[na] :], ptr[na:] - ptr[na]), (nb, v))
    inter = (pa @ pb.T).toarray()
    sizes = np.diff(ptr[: na + 1])[:, None] + np.diff(ptr[na:])[None, :]
    sizes[sizes == 0] = 1
    return cosine, (2.0 * inter / sizes).astype(np.float32)


def _same_vectors(ta: str, tb: str) -> None:
    fa, fb = features(ta), features(tb)
    vec = Vectors(fa, fb)
    cosine, dice = _reference_vectors(fa, fb)
    assert vec.cosine.dtype == np.float32 and vec.cosine.shape == cosine.shape
    assert vec.cosine.tobytes() == cosine.tobytes()
    assert vec.dice.tobytes() == dice.tobytes()


@SETTINGS
@given(texts, texts)
def test_vectors_are_the_sparse_products(ta: str, tb: str) -> None:
    _same_vectors(ta, tb)
    _same_vectors(tb, ta + " " + tb)


def test_vectors_of_the_seed_pair_are_the_sparse_products() -> None:
    if not SOURCE.exists():
        return
    a, b = SOURCE.read_text(encoding="utf-8"), DERIVED.read_text(encoding="utf-8")
    _same_vectors(a, b)
    _same_vectors(b, a)
    _same_vectors(a, a)


def test_products_in_blocks_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from textlineage.align import fragments

    if not SOURCE.exists():
        return
    a, b = SOURCE.read_text(encoding="utf-8"), DERIVED.read_text(encoding="utf-8")
    whole = Vectors(features(a), features(b))
    monkeypatch.setattr(fragments, "_PRODUCTS_BLOCK", 7)
    blocks = Vectors(features(a), features(b))
    assert whole.cosine.tobytes() == blocks.cosine.tobytes()
    assert whole.dice.tobytes() == blocks.dice.tobytes()
