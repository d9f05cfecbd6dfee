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
    "EvidenceConfig",
    "Document",
    "Embedder",
    "Fact",
    "FactDiff",
    "FactLink",
    "InputError",
    "MiniLMEmbedder",
    "OnnxMiniLMEmbedder",
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


def test_every_lazy_export_is_listed() -> None:
    assert set(textlineage._EXPORTS) | {"__version__"} == set(textlineage.__all__)


def test_cli_help_imports_no_heavy_module() -> None:
    """`textlineage --help` must start in milliseconds: no stage, model or array library."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from textlineage.cli import main\n"
        "r = CliRunner().invoke(main, ['--help'])\n"
        "assert r.exit_code == 0, r.output\n"
        "heavy = {'numpy', 'scipy', 'torch', 'onnxruntime', 'tokenizers', 'trafilatura',"
        " 'textlineage.compare', 'textlineage.corpus.index'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_compare_stays_the_function_after_its_module_is_imported() -> None:
    import textlineage.compare
    from textlineage import compare
    from textlineage.compare import CompareConfig

    assert callable(compare) and compare.__name__ == "compare"
    assert textlineage.compare is compare
    assert CompareConfig is textlineage.CompareConfig
