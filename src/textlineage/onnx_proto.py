"""Just enough of the ONNX file format to read a model's graph and write a new one.

ONNX files are protocol buffers. The int8 sentence-model runtime
(:mod:`textlineage.embed_int8`) reads the packaged model's weights and writes a smaller graph
around them when it loads; importing the ``onnx`` package for that would add about half a
second to every cold start, so this module reads and writes the few messages needed
(model, graph, node, attribute, tensor, value info) with the protobuf wire format directly.
Field numbers are those of ``onnx.proto``. Pure functions on bytes; no dependencies beyond
numpy.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

# TensorProto.DataType values this module reads or writes.
FLOAT, UINT8, INT8, INT32, INT64, BOOL = 1, 2, 3, 6, 7, 9
_DTYPES = {
    FLOAT: np.float32,
    UINT8: np.uint8,
    INT8: np.int8,
    INT32: np.int32,
    INT64: np.int64,
    BOOL: np.bool_,
}
_CODES = {np.dtype(v): k for k, v in _DTYPES.items()}

_VARINT, _I64, _LEN, _I32 = 0, 1, 2, 5


class ProtoError(ValueError):
    """The bytes are not an ONNX model this module can read."""


# --- reading -------------------------------------------------------------------------


def _varint(buf: memoryview, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if pos >= len(buf):
            raise ProtoError("truncated varint")
        b = buf[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, pos
        shift += 7


def _fields(buf: memoryview) -> Iterator[tuple[int, int, int | memoryview]]:
    """(field number, wire type, value) of each field of one message, in file order."""
    pos = 0
    while pos < len(buf):
        key, pos = _varint(buf, pos)
        field, wire = key >> 3, key & 7
        if wire == _VARINT:
            value, pos = _varint(buf, pos)
            yield field, wire, value
        elif wire == _LEN:
            size, pos = _varint(buf, pos)
            if pos + size > len(buf):
                raise ProtoError("truncated field")
            yield field, wire, buf[pos : pos + size]
            pos += size
        elif wire in (_I64, _I32):
            size = 8 if wire == _I64 else 4
            yield field, wire, int.from_bytes(buf[pos : pos + size], "little")
            pos += size
        else:
            raise ProtoError(f"unsupported wire type {wire}")


def _text(v: int | memoryview) -> str:
    if not isinstance(v, memoryview):
        raise ProtoError("expected a string field")
    return bytes(v).decode("utf-8")


@dataclass(frozen=True)
class Node:
    """One operator of a graph: its type and the names of its inputs and outputs."""

    op_type: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]


@dataclass(frozen=True)
class Graph:
    """A model's operators (in file order) and its initialisers (name → array)."""

    nodes: tuple[Node, ...]
    tensors: dict[str, np.ndarray]


def _read_tensor(buf: memoryview) -> tuple[str, np.ndarray]:
    name, dtype, dims, raw = "", 0, [], None
    for field, _, v in _fields(buf):
        if field == 1:  # dims: packed or one varint each
            if isinstance(v, memoryview):
                pos = 0
                while pos < len(v):
                    d, pos = _varint(v, pos)
                    dims.append(d)
            else:
                dims.append(v)
        elif field == 2 and isinstance(v, int):
            dtype = v
        elif field == 8:
            name = _text(v)
        elif field == 9 and isinstance(v, memoryview):
            raw = v
        elif field in (4, 5, 6, 7, 10, 11, 13, 14):  # typed data fields, external data
            raise ProtoError(f"tensor {name or '?'}: only raw_data tensors are read")
    if dtype not in _DTYPES or raw is None:
        raise ProtoError(f"tensor {name or '?'}: unsupported data type {dtype}")
    return name, np.frombuffer(raw, dtype=_DTYPES[dtype]).reshape(dims)


def _read_node(buf: memoryview) -> Node:
    ins, outs, op = [], [], ""
    for field, _, v in _fields(buf):
        if field == 1:
            ins.append(_text(v))
        elif field == 2:
            outs.append(_text(v))
        elif field == 4:
            op = _text(v)
    return Node(op, tuple(ins), tuple(outs))


def read_graph(model: bytes) -> Graph:
    """The main graph of a serialised ONNX model (arrays are read-only views of ``model``)."""
    data = memoryview(model)
    graph = next((v for f, w, v in _fields(data) if f == 7 and w == _LEN), None)
    if not isinstance(graph, memoryview):
        raise ProtoError("no graph in the model")
    nodes, tensors = [], {}
    for field, wire, v in _fields(graph):
        if wire != _LEN or not isinstance(v, memoryview):
            continue
        if field == 1:
            nodes.append(_read_node(v))
        elif field == 5:
            name, array = _read_tensor(v)
            tensors[name] = array
    return Graph(tuple(nodes), tensors)


# --- writing -------------------------------------------------------------------------
# A message under construction is a list of byte chunks, joined once at the end, so the
# weights are copied once (from their arrays into the model's bytes).

Chunks = list[bytes | memoryview]


def _enc_varint(value: int) -> bytes:
    value &= (1 << 64) - 1  # negative int64s take ten bytes, as in protobuf
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _key(field: int, wire: int) -> bytes:
    return _enc_varint(field << 3 | wire)


def _len_field(field: int, payload: Chunks) -> Chunks:
    size = sum(len(c) for c in payload)
    return [_key(field, _LEN) + _enc_varint(size), *payload]


def _int_field(field: int, value: int) -> bytes:
    return _key(field, _VARINT) + _enc_varint(value)


def _str_field(field: int, value: str) -> bytes:
    raw = value.encode("utf-8")
    return _key(field, _LEN) + _enc_varint(len(raw)) + raw


def tensor(name: str, array: np.ndarray) -> Chunks:
    """An initialiser (TensorProto) holding ``array`` as raw little-endian data."""
    a = np.ascontiguousarray(array.astype(array.dtype.newbyteorder("<"), copy=False))
    if a.dtype not in _CODES:
        raise ProtoError(f"tensor {name}: unsupported dtype {a.dtype}")
    head = b"".join(_int_field(1, d) for d in a.shape) + _int_field(2, _CODES[a.dtype])
    return [head + _str_field(8, name), *_len_field(9, [a.data.cast("B")])]


def _attribute(name: str, value: int | float | Sequence[int]) -> bytes:
    out = _str_field(1, name)
    if isinstance(value, int):
        return out + _int_field(3, value) + _int_field(20, 2)  # INT
    if isinstance(value, float):
        return out + _key(2, _I32) + struct.pack("<f", value) + _int_field(20, 1)  # FLOAT
    return out + b"".join(_int_field(8, int(v)) for v in value) + _int_field(20, 7)  # INTS


def node(
    op_type: str,
    inputs: Sequence[str],
    outputs: Sequence[str],
    *,
    domain: str = "",
    **attributes: int | float | Sequence[int],
) -> Chunks:
    """An operator (NodeProto); attributes are ints, floats or lists of ints."""
    out = b"".join(_str_field(1, i) for i in inputs) + b"".join(_str_field(2, o) for o in outputs)
    out += _str_field(4, op_type)
    for k, v in sorted(attributes.items()):
        out += b"".join(_len_field(5, [_attribute(k, v)]))
    return [out + (_str_field(7, domain) if domain else b"")]


def value_info(name: str, elem_type: int, dims: Sequence[int | str]) -> Chunks:
    """A graph input or output (ValueInfoProto) of a tensor type; a str dim is symbolic."""
    shape: Chunks = []
    for d in dims:
        shape += _len_field(1, [_str_field(2, d) if isinstance(d, str) else _int_field(1, d)])
    tensor_type = [_int_field(1, elem_type), *_len_field(2, shape)]
    return [_str_field(1, name), *_len_field(2, _len_field(1, tensor_type))]


def model(
    nodes: Sequence[Chunks],
    initializers: Sequence[Chunks],
    inputs: Sequence[Chunks],
    outputs: Sequence[Chunks],
    *,
    opsets: dict[str, int],
    ir_version: int = 10,
    name: str = "graph",
) -> bytes:
    """A serialised ModelProto of one graph."""
    graph: Chunks = []
    for n in nodes:
        graph += _len_field(1, n)
    graph.append(_str_field(2, name))
    for t in initializers:
        graph += _len_field(5, t)
    for i in inputs:
        graph += _len_field(11, i)
    for o in outputs:
        graph += _len_field(12, o)
    out: Chunks = [_int_field(1, ir_version), _str_field(2, "textlineage"), *_len_field(7, graph)]
    for d, v in sorted(opsets.items()):
        out += _len_field(8, [(_str_field(1, d) if d else b"") + _int_field(2, v)])
    return b"".join(out)
