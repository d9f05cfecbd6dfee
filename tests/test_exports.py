"""The public surface is deliberate: this list changes only on purpose."""

from __future__ import annotations

import textlineage

EXPECTED = {
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
}


def test_exported_members() -> None:
    assert set(textlineage.__all__) == EXPECTED
    for name in EXPECTED:
        assert hasattr(textlineage, name)
