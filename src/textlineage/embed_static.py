"""Document vectors for candidate search: a static (lookup-table) embedding model.

A document vector only has to bring a reworded copy's source near the top of a search; the
alignment then verifies it. A static model does that better and far cheaper than a
sentence transformer on the document's opening: on the PAN 2013 training corpus
(``benchmarks/candidates_static.md``) WordLlama ``l2_supercat`` whole-document vectors put
the true source in the top 20 for 57 / 61 / 61 / 31 % of verbatim / random / translation /
summary cases, against 46 / 47 / 51 / 12 % for all-MiniLM-L6-v2 of the first 256 word
pieces, at about 3 ms a document instead of about 140 ms.

The weights and the tokenizer ship in the ``wordllama`` wheel (the ``semantic`` extra) and
are read directly, nothing downloaded and the package's own loader not used (it looks for
the tokenizer in a folder the wheel does not have, then downloads it). Both files are
checked against pinned sha256 digests. A vector is the mean of the text's token rows
(each word tokenized on its own), L2-normalised: a function of that text alone.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np

from .embed import INSTALL_HINT, verify_file
from .errors import MissingDependencyError

log = logging.getLogger(__name__)

WEIGHTS = "weights/l2_supercat_256.safetensors"
WEIGHTS_SHA256 = "64b47a2dc493cb8e85944076601189739852d7b64e0e1eedcb1937a251cd9fd5"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
TOKENIZER_SHA256 = "93248f2a9ec36c7b35f700a033d5f36228aae48db61aee31007fa49062cdeb68"
WORD_MEMO = 500_000
"""Distinct words whose token ids are remembered (then the memo starts again)."""


def _package_dir() -> Path | None:
    spec = importlib.util.find_spec("wordllama")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def static_available() -> bool:
    """True when the static model's package is installed (nothing is imported)."""
    here = _package_dir()
    return (
        here is not None
        and (here / WEIGHTS).is_file()
        and importlib.util.find_spec("safetensors") is not None
        and importlib.util.find_spec("tokenizers") is not None
    )


class StaticEmbedder:
    """WordLlama ``l2_supercat`` (256 dimensions): mean of token rows, L2-normalised."""

    name = "wordllama-l2-supercat-256"
    dim = 256

    def __init__(self, *, verify: bool = True) -> None:
        here = _package_dir()
        if here is None or not static_available():
            raise MissingDependencyError("document embeddings", INSTALL_HINT)
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        weights, tokenizer = here / WEIGHTS, here / TOKENIZER
        if verify:
            verify_file(weights, WEIGHTS_SHA256, "wordllama")
            verify_file(tokenizer, TOKENIZER_SHA256, "wordllama")
        table = load_file(str(weights))["embedding.weight"]
        self._table = np.asarray(table, dtype=np.float32)
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()
        self._bpe = self._tokenizer.model
        self._added = [t.content for t in self._tokenizer.get_added_tokens_decoder().values()]
        self._lock = threading.Lock()
        self._words: dict[str, tuple[int, ...]] = {}
        log.info("loaded %s from %s", self.name, weights)

    def token_ids(self, text: str, max_tokens: int | None = None) -> list[int]:
        """The text's token ids, word by word (each whitespace-separated word tokenized on
        its own, as the model's tokenizer splits at spaces anyway), cut at ``max_tokens``."""
        return self._ids(text.split(), max_tokens).tolist()

    def _ids(self, words: list[str], max_tokens: int | None) -> np.ndarray:
        """:meth:`token_ids` of a text's words, as an int64 array.

        Words are memoised: a corpus repeats its vocabulary, and the byte-pair merges are
        most of the cost (about 3 ms for a 3,500-character article)."""
        if max_tokens:
            words = words[:max_tokens]  # a word is at least one token
        with self._lock:
            memo = self._words
            try:
                ids = np.fromiter(chain.from_iterable(map(memo.__getitem__, words)), np.int64)
            except KeyError:
                distinct = set(words)
                missing = [w for w in distinct if w not in memo]
                if len(memo) + len(missing) > WORD_MEMO:
                    memo.clear()  # and start again from this text's words
                    missing = list(distinct)
                memo.update(zip(missing, map(self._word_ids, missing), strict=True))
                ids = np.fromiter(chain.from_iterable(map(memo.__getitem__, words)), np.int64)
        return ids[:max_tokens] if max_tokens else ids

    def _word_ids(self, word: str) -> tuple[int, ...]:
        """One word's token ids, as ``encode(word, add_special_tokens=False)`` gives them.

        The tokenizer's normaliser only puts "▁" in front (and turns spaces, which a word
        has none of, into "▁"), and it has no pre-tokenizer: so its byte-pair model is run
        on "▁" + word directly, without building an encoding (2–3× faster). A word holding
        an added token's text ("<s>") goes through the whole tokenizer, which matches those
        first. ``tests/test_docvectors.py`` checks both against the tokenizer."""
        if any(t in word for t in self._added):
            return tuple(self._tokenizer.encode(word, add_special_tokens=False).ids)
        return tuple(t.id for t in self._bpe.tokenize("▁" + word))

    def encode(self, texts: Sequence[str], *, max_tokens: int | None = None) -> np.ndarray:
        """One L2-normalised row per text: the mean of its first ``max_tokens`` token rows
        (all of them when None); a text with no token gets a zero row."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for k, text in enumerate(texts):
            ids = self._ids(text.split(), max_tokens)
            if not len(ids):
                continue
            v = self._table[ids].mean(axis=0)
            n = float(np.linalg.norm(v))
            if n > 0:
                out[k] = v / n
        return out


@lru_cache(maxsize=1)
def default_document_embedder() -> StaticEmbedder:
    """The process-wide document-vector model, loaded once."""
    return StaticEmbedder()
