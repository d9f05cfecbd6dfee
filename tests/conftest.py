"""Shared fixtures: the seed pair, the PAN corpus location, the CLI entry point."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
PAN = SHARED / "data" / "pan13-train"
SOURCE = SEEDS / "000_5c8013fe7f5c8783.txt"
DERIVED = SEEDS / "001_6b4ef528436f3c35.txt"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def cli_path() -> str:
    """The installed console script (the real entry point)."""
    exe = Path(sys.executable).parent / "textlineage"
    if exe.exists():
        return str(exe)
    found = shutil.which("textlineage")
    if not found:
        pytest.skip("textlineage console script not installed")
    return found


@pytest.fixture(scope="session")
def seed_paths() -> tuple[Path, Path]:
    if not SOURCE.exists():
        pytest.skip("../shared/seeds not present")
    return SOURCE, DERIVED


@pytest.fixture(scope="session")
def seed_results(seed_paths: tuple[Path, Path]) -> tuple[dict, dict]:
    """The seed pair compared in both argument orders (JSON form)."""
    from textlineage import compare, read_document

    a, b = (read_document(str(p)) for p in seed_paths)
    return compare(a, b).to_json(), compare(b, a).to_json()


@pytest.fixture(scope="session")
def pan_dir() -> Path:
    if not PAN.exists():
        pytest.skip("../shared/data/pan13-train not present")
    return PAN


@pytest.fixture(scope="session")
def gen_corpus() -> ModuleType:
    """``benchmarks/gen_corpus.py`` (the synthetic corpus generator) as a module."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "gen_corpus.py"
    spec = importlib.util.spec_from_file_location("gen_corpus", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_corpus", mod)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def gen_lineage(gen_corpus: ModuleType) -> ModuleType:
    """``benchmarks/gen_lineage.py`` (planted lineage with mirrors) as a module; it imports
    the ``gen_corpus`` module loaded above."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "gen_lineage.py"
    spec = importlib.util.spec_from_file_location("gen_lineage", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_lineage", mod)
    spec.loader.exec_module(mod)
    return mod
