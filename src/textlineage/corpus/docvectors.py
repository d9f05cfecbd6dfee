"""Which document vectors an index holds, and the model that makes them.

``index add --embeddings`` stores one vector per document (:mod:`textlineage.embed_static`)
for search's embedding channel, computed with the sketch in the ingest workers
(:func:`prepare_batch`). The index records the model's name (``meta.embedding_model``):
vectors of different models do not compare, so an index whose vectors an earlier version
made (MiniLM, no name recorded) keeps them aside in search and refuses to add more.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ..embed import INSTALL_HINT, Embedder
from ..embed_static import StaticEmbedder, default_document_embedder, static_available
from ..errors import IndexFileError, MissingDependencyError
from ..text.claims import ClaimKeyConfig, sketch_with_claims
from ..text.sketch import SketchConfig, Sketched
from .multilingual import languages_and_leads
from .store import Store

META_KEY = "embedding_model"


def document_embedder(want: bool | None) -> Embedder | None:
    """The document-vector model when wanted (None: when installed) and installed; asked
    for (``True``) and not installed, :class:`MissingDependencyError`."""
    if want is False or not static_available():
        if want:
            raise MissingDependencyError("document embeddings", INSTALL_HINT)
        return None
    return default_document_embedder()


def vectors_usable(store: Store) -> bool:
    """True when the index holds document vectors made by this version's model."""
    return store.newest("embeddings") > 0 and store.get_meta(META_KEY) == StaticEmbedder.name


def ingest_vectors(store: Store, embeddings: bool | None) -> bool:
    """Whether ingest stores document vectors: asked for, or (None) when the index already
    holds usable ones, so that channel stays complete. Checks that the model is installed
    (asked for and missing: :class:`MissingDependencyError` with the install command) but
    does not load it: the processes that compute the vectors do."""
    if embeddings is None:
        return vectors_usable(store) and static_available()
    if not embeddings:
        return False
    has = store.newest("embeddings") > 0
    if has and not vectors_usable(store):
        raise IndexFileError(
            f"{store.path}: its document embeddings were made by another model "
            f"({store.get_meta(META_KEY) or 'all-MiniLM-L6-v2'}); add without --embeddings, "
            "or build a new index to use them"
        )
    if not static_available():
        raise MissingDependencyError("document embeddings", INSTALL_HINT)
    if not has:
        store.set_meta(META_KEY, StaticEmbedder.name)
    return True


class Prepared(NamedTuple):
    """What indexing computes of a batch of texts."""

    sketches: list[Sketched]
    vectors: list[np.ndarray | None]
    """Document vectors (``--embeddings``), else None each."""
    languages: list[str]
    multilingual: list[np.ndarray | None]
    """Multilingual lead vectors (``--multilingual``), else None each."""
    claims: list[tuple[np.ndarray, np.ndarray]]
    """Sentence keys and their sentences' offsets (:mod:`textlineage.text.claims`)."""


def prepare_batch(
    texts: list[str],
    sketch: SketchConfig,
    vector_tokens: int | None,
    lead_chars: int | None = None,
    claims: ClaimKeyConfig | None = None,
) -> Prepared:
    """Each text's sketch, sentence keys (``claims``: their settings, the default ones when
    None) and language; when ``vector_tokens`` is given, its document
    vector, and when ``lead_chars`` is, the multilingual vector of its lead
    (:mod:`.multilingual`). One task for an ingest worker: each model is loaded once per
    process (its files checked against their pinned hashes) on the first batch that needs
    it, and a vector depends on its text alone, so any split into batches and processes
    gives the same index."""
    both = sketch_with_claims(texts, sketch, claims or ClaimKeyConfig())
    sketches = [b.sketch for b in both]
    keys = [(b.keys, b.starts) for b in both]
    languages, multilingual = languages_and_leads(texts, lead_chars)
    if vector_tokens is None:
        return Prepared(sketches, [None] * len(texts), languages, multilingual, keys)
    model = default_document_embedder()
    vectors = [document_vector(model, t, vector_tokens) for t in texts]
    return Prepared(sketches, vectors, languages, multilingual, keys)


def document_vector(emb: Embedder, text: str, max_tokens: int) -> np.ndarray | None:
    """One unit vector of a document (its first ``max_tokens`` tokens); None for a text
    without words."""
    if isinstance(emb, StaticEmbedder):
        flat = text if text.strip() else ""  # it reads the text word by word anyway
    else:
        flat = " ".join(text.split())
    if not flat:
        return None
    v = emb.encode([flat], max_tokens=max_tokens)[0]
    n = float(np.linalg.norm(v))
    return v / n if n else None
