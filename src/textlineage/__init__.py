"""textlineage: tell where a text came from.

Compare two documents and get the reused passages (aligned, with character offsets and a
kind), a verdict, which document is the source and how sure, and a fact diff.

>>> from textlineage import compare, read_document
>>> result = compare(read_document("a.txt"), read_document("b.txt"))  # doctest: +SKIP
>>> result.verdict, result.source  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

import sys
from types import ModuleType as _ModuleType
from typing import TYPE_CHECKING, Any

# Public names and the module each comes from. They are imported on first use, so that
# `import textlineage` (and `textlineage --help`) costs milliseconds, not the import of
# every stage and its dependencies.
_EXPORTS = {
    "AlignConfig": "align.fragments",
    "CompareConfig": "compare",
    "compare": "compare",
    "detect_reuse": "compare",
    "Corpus": "corpus.index",
    "CorpusConfig": "corpus.config",
    "Embedder": "embed",
    "MiniLMEmbedder": "embed",
    "OnnxInt8MiniLMEmbedder": "embed",
    "OnnxMiniLMEmbedder": "embed",
    "InputError": "errors",
    "MissingDependencyError": "errors",
    "ModelIntegrityError": "errors",
    "TextlineageError": "errors",
    "EvidenceConfig": "align.evidence",
    "diff_facts": "facts",
    "extract_facts": "facts",
    "document_from_bytes": "ingest.documents",
    "document_from_text": "ingest.documents",
    "read_document": "ingest.documents",
    "SemanticConfig": "align.semantic",
    "SCHEMA_VERSION": "types",
    "Comparison": "types",
    "Document": "types",
    "Fact": "types",
    "FactDiff": "types",
    "FactLink": "types",
    "Passage": "types",
    "VerdictConfig": "verdict",
}

if TYPE_CHECKING:
    from .align.evidence import EvidenceConfig
    from .align.fragments import AlignConfig
    from .align.semantic import SemanticConfig
    from .compare import CompareConfig, compare, detect_reuse
    from .corpus.config import CorpusConfig
    from .corpus.index import Corpus
    from .embed import Embedder, MiniLMEmbedder, OnnxInt8MiniLMEmbedder, OnnxMiniLMEmbedder
    from .errors import InputError, MissingDependencyError, ModelIntegrityError, TextlineageError
    from .facts import diff_facts, extract_facts
    from .ingest.documents import document_from_bytes, document_from_text, read_document
    from .types import SCHEMA_VERSION, Comparison, Document, Fact, FactDiff, FactLink, Passage
    from .verdict import VerdictConfig


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'textlineage' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


class _Package(_ModuleType):
    """The package, keeping ``textlineage.compare`` the function: importing a submodule
    records it on its package under its name, which here is also the function's."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, _ModuleType) and _EXPORTS.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "SCHEMA_VERSION",
    "AlignConfig",
    "CompareConfig",
    "Comparison",
    "Corpus",
    "CorpusConfig",
    "Document",
    "Embedder",
    "EvidenceConfig",
    "Fact",
    "FactDiff",
    "FactLink",
    "InputError",
    "MiniLMEmbedder",
    "MissingDependencyError",
    "ModelIntegrityError",
    "OnnxInt8MiniLMEmbedder",
    "OnnxMiniLMEmbedder",
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
