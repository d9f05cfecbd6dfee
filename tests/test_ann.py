"""The nearest-neighbour index beside the SQLite file: real usearch, kept in step with it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from textlineage.corpus.ann import SUFFIX, VectorIndex
from textlineage.corpus.schema import NewDocument
from textlineage.corpus.store import Store

# Not importorskip: that would import usearch here, before the library loads ONNX Runtime
# in the order that is safe (see ann._import_usearch).
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("usearch") is None, reason="usearch not installed"
)


def _add(store: Store, vecs: np.ndarray, start: int) -> None:
    store.add_batch(
        [
            NewDocument(
                ext_id=f"d{start + i}",
                text=f"document {start + i}",
                text_key=(start + i).to_bytes(16, "little"),
                sketch=np.zeros(0, dtype=np.int64),
                embedding=v,
            )
            for i, v in enumerate(vecs)
        ]
    )


def _unit(rng: np.random.Generator, n: int) -> np.ndarray:
    x = rng.standard_normal((n, 32)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_graph_matches_exact_scan_and_follows_additions(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    store = Store(tmp_path / "v.db")
    first = _unit(rng, 300)
    _add(store, first, 0)
    graph = VectorIndex(store, exact_below=0)
    exact = VectorIndex(store, exact_below=10**9)
    for i in (0, 17, 299):
        g = graph.search(first[i], 3)
        e = exact.search(first[i], 3)
        assert g[0][0] == e[0][0] == i + 1  # doc_ids start at 1
        assert g[0][1] == pytest.approx(1.0, abs=0.03)
        assert [d for d, _ in e] == sorted(
            (d for d, _ in e), key=lambda d: -first[d - 1] @ first[i]
        )
    side = Path(str(store.path) + SUFFIX)
    assert side.exists()

    # Documents added later are found without rebuilding from scratch.
    more = _unit(rng, 50)
    _add(store, more, 300)
    assert graph.search(more[10], 1)[0][0] == 311
    reopened = VectorIndex(store, exact_below=0)
    assert reopened.search(more[49], 1)[0][0] == 350
    batch = reopened.search_many(more[:5], 2)
    assert [hits[0][0] for hits in batch] == [301, 302, 303, 304, 305]

    # A damaged side file is derived data: rebuilt from the SQLite file.
    side.write_bytes(b"not a graph")
    rebuilt = VectorIndex(store, exact_below=0)
    assert rebuilt.search(first[5], 1)[0][0] == 6
    store.close()


def test_empty_store_finds_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "e.db")
    assert VectorIndex(store, exact_below=0).search(np.ones(8, dtype=np.float32), 5) == []
    assert VectorIndex(store).search(np.ones(8, dtype=np.float32), 5) == []
    store.close()


def test_the_model_loads_after_the_ann_module_in_one_process(tmp_path: Path) -> None:
    """usearch imported first, then ONNX Runtime, used to crash the interpreter."""
    import subprocess
    import sys

    code = (
        "from textlineage.corpus.ann import ann_available\n"
        "from textlineage.embed import OnnxMiniLMEmbedder, onnx_available\n"
        "assert ann_available()\n"
        "if onnx_available():\n"
        "    print(OnnxMiniLMEmbedder(verify=False).encode(['a sentence']).shape)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
