"""textlineage: tell where a text came from.

Compare two documents and get the reused passages (aligned, with character offsets and a
kind), a verdict, which document is the source and how sure, and a fact diff.

>>> from textlineage import compare, read_document
>>> result = compare(read_document("a.txt"), read_document("b.txt"))  # doctest: +SKIP
>>> result.verdict, result.source  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from .align import AlignConfig
from .compare import CompareConfig, compare, detect_reuse
from .corpus import Corpus, CorpusConfig
from .embed import Embedder, MiniLMEmbedder
from .errors import InputError, MissingDependencyError, ModelIntegrityError, TextlineageError
from .facts import diff_facts, extract_facts
from .ingest import document_from_bytes, document_from_text, read_document
from .semantic import SemanticConfig
from .types import (
    SCHEMA_VERSION,
    Comparison,
    Document,
    Fact,
    FactDiff,
    FactLink,
    Passage,
)
from .verdict import VerdictConfig

__all__ = [
    "SCHEMA_VERSION",
    "AlignConfig",
    "CompareConfig",
    "Comparison",
    "Corpus",
    "CorpusConfig",
    "Document",
    "Embedder",
    "Fact",
    "FactDiff",
    "FactLink",
    "InputError",
    "MiniLMEmbedder",
    "MissingDependencyError",
    "ModelIntegrityError",
    "Passage",
    "SemanticConfig",
    "TextlineageError",
    "VerdictConfig",
    "__version__",
    "compare",
    "detect_reuse",
    "diff_facts",
    "document_from_bytes",
    "document_from_text",
    "extract_facts",
    "read_document",
]
