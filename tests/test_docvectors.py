"""Document vectors at ingest: computed in the workers, the same index whatever the split."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
from pathlib import Path

import numpy as np
import pytest

from conftest import PAN, cli_path
from textlineage.corpus import docvectors
from textlineage.corpus.config import CorpusConfig
from textlineage.corpus.docvectors import document_vector
from textlineage.corpus.index import Corpus
from textlineage.embed import INSTALL_HINT
from textlineage.embed_static import StaticEmbedder, default_document_embedder
from textlineage.errors import MissingDependencyError


@pytest.fixture()
def docs_file(tmp_path: Path) -> tuple[Path, list[str]]:
    """Twenty PAN source documents (read from ../shared, never copied), one of them twice,
    and a short text of punctuation and numbers."""
    if not PAN.exists():
        pytest.skip("../shared/data/pan13-train not present")
    texts = [p.read_text(encoding="utf-8") for p in sorted((PAN / "src").iterdir())[:20]]
    texts += [texts[3], "— 1984 — (2,000) … ?!"]
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    return path, texts


def _index(db: Path, path: Path, workers: int) -> dict[str, list[tuple[object, ...]]]:
    cfg = CorpusConfig(batch_size=3)  # several batches in flight
    with Corpus.open(db, config=cfg) as c:
        s = c.add([str(path)], embeddings=True, workers=workers)
        assert (s.added, s.duplicates, s.embedded) == (21, 1, 21)
        q = c.store.conn.execute
        return {
            "vectors": q(
                "SELECT d.ext_id, e.vec FROM embeddings e JOIN documents d USING (doc_id) ORDER BY 1"
            ).fetchall(),
            "postings": q("SELECT * FROM postings ORDER BY 1, 2").fetchall(),
            "documents": q("SELECT ext_id, text_key FROM documents ORDER BY 1").fetchall(),
        }


def test_workers_store_the_same_vectors_as_one_process(
    tmp_path: Path, docs_file: tuple[Path, list[str]]
) -> None:
    path, texts = docs_file
    one = _index(tmp_path / "one.db", path, workers=1)
    two = _index(tmp_path / "two.db", path, workers=2)
    assert one == two
    # And they are the model's vectors of each text, as search computes a query's.
    model = StaticEmbedder()
    cfg = CorpusConfig()
    stored = dict(one["vectors"])
    for i, t in enumerate(texts[:-2]):
        v = document_vector(model, t, cfg.doc_embedding_tokens)
        assert v is not None
        assert stored[f"d{i}"] == v.astype(np.float16).tobytes()


def test_the_main_process_leaves_the_model_to_the_workers(
    tmp_path: Path, docs_file: tuple[Path, list[str]]
) -> None:
    path, _ = docs_file
    default_document_embedder.cache_clear()
    _index(tmp_path / "two.db", path, workers=2)
    assert default_document_embedder.cache_info().currsize == 0
    _index(tmp_path / "one.db", path, workers=1)
    assert default_document_embedder.cache_info().currsize == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_missing_model_names_the_install_command(
    tmp_path: Path,
    docs_file: tuple[Path, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    workers: int,
) -> None:
    path, _ = docs_file
    monkeypatch.setattr(docvectors, "static_available", lambda: False)
    with Corpus.open(tmp_path / "c.db") as c:
        with pytest.raises(MissingDependencyError, match=r"pip install 'textlineage\[semantic\]'"):
            c.add([str(path)], embeddings=True, workers=workers)
        assert c.store.count("documents") == 0
        # Not asked for: the index is built without vectors.
        s = c.add([str(path)], workers=workers)
        assert s.added == 21 and s.embedded == 0 and c.store.count("embeddings") == 0


def test_missing_dependency_error_crosses_processes() -> None:
    err = pickle.loads(pickle.dumps(MissingDependencyError("document embeddings", INSTALL_HINT)))
    assert isinstance(err, MissingDependencyError)
    assert str(err) == f"document embeddings needs an optional dependency: run `{INSTALL_HINT}`"


def test_token_ids_are_the_tokenizers_word_by_word() -> None:
    """The memoised direct byte-pair path gives the ids of the full tokenizer, word by word,
    special-token text included."""
    from tokenizers import Tokenizer

    from textlineage.embed_static import TOKENIZER, _package_dir

    here = _package_dir()
    assert here is not None
    tok = Tokenizer.from_file(str(here / TOKENIZER))
    if not PAN.exists():
        pytest.skip("../shared/data/pan13-train not present")
    texts = [p.read_text(encoding="utf-8") for p in sorted((PAN / "src").iterdir())[:40]]
    texts.append(
        "<s>x </s> a<unk>b « Zürich » naïve ｆｕｌｌ 🙂 3,000.5% e-mail's — 東京 \u00a0 tab\tsep"
    )
    model = StaticEmbedder()
    for text in texts:
        want = [i for w in text.split() for i in tok.encode(w, add_special_tokens=False).ids]
        assert model.token_ids(text) == want
        assert model.token_ids(text, 50) == want[:50]


def test_the_word_memo_starts_again_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    from textlineage import embed_static

    text = "one two cat sat on the mat"
    want = StaticEmbedder().token_ids(text)
    monkeypatch.setattr(embed_static, "WORD_MEMO", 8)
    model = StaticEmbedder()
    model.token_ids("one two three four five six")
    # Five new words would overfill the memo: it starts again, from this text's words.
    assert model.token_ids(text) == want
    assert len(model._words) == 7


@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_without_the_model_says_how_to_install_it(
    tmp_path: Path, docs_file: tuple[Path, list[str]], workers: str
) -> None:
    """A ``wordllama`` without its weights (as if the extra were missing) ahead on the path."""
    path, _ = docs_file
    stub = tmp_path / "stub" / "wordllama"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text("", encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(stub.parent), env.get("PYTHONPATH", "")) if p
    )
    db = tmp_path / "c.db"
    args = ["index", "add", str(db), str(path), "--embeddings", "--workers", workers]
    out = subprocess.run([cli_path(), *args], capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 2
    # (after the progress bar's label)
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines()[-1] == (
        f"textlineage: error: document embeddings needs an optional dependency: run `{INSTALL_HINT}`"
    )
