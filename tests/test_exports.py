"""The public surface is deliberate: this list changes only on purpose."""

from __future__ import annotations

import importlib
import pkgutil

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
    "OnnxInt8MiniLMEmbedder",
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


def _is_private(name: str) -> bool:
    """A leading underscore, except dunder names such as ``__version__``."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def test_nothing_private_is_exported() -> None:
    assert [n for n in textlineage.__all__ if _is_private(n)] == []


def test_every_export_resolves_to_its_module() -> None:
    """Each name of ``__all__`` resolves, to the very object its module defines."""
    assert textlineage.__version__
    for name, module in textlineage._EXPORTS.items():
        value = getattr(textlineage, name)
        assert value is not None, name
        assert value is getattr(importlib.import_module(f"textlineage.{module}"), name), name


def test_every_module_all_resolves_and_is_public() -> None:
    """The ``__all__`` of every module of the package names public objects it has, once."""
    checked = 0
    for info in pkgutil.walk_packages(textlineage.__path__, "textlineage."):
        module = importlib.import_module(info.name)
        names = getattr(module, "__all__", None)
        if names is None:
            continue
        checked += 1
        assert len(set(names)) == len(names), info.name
        assert [n for n in names if _is_private(n)] == [], info.name
        assert [n for n in names if not hasattr(module, n)] == [], info.name
    assert checked >= 10


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
