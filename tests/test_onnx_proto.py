"""The ONNX protobuf reader and writer: what it writes, ONNX Runtime (and onnx) read back."""

from __future__ import annotations

import numpy as np
import pytest

from textlineage import onnx_proto as pb


def _model() -> bytes:
    return pb.model(
        [
            pb.node("Add", ["x", "w"], ["s"]),
            pb.node("Transpose", ["s"], ["t"], perm=[1, 0]),
            pb.node("Gather", ["t", "idx"], ["g"], axis=-1),
            pb.node("LayerNormalization", ["g", "gamma", "beta"], ["y"], axis=-1, epsilon=1e-5),
        ],
        [
            pb.tensor("w", np.arange(6, dtype=np.float32).reshape(2, 3)),
            pb.tensor("idx", np.array([1, 0], dtype=np.int64)),
            pb.tensor("gamma", np.array([2.0, 1.0], dtype=np.float32)),
            pb.tensor("beta", np.array([0.0, 0.5], dtype=np.float32)),
        ],
        [pb.value_info("x", pb.FLOAT, ["n", 3])],
        [pb.value_info("y", pb.FLOAT, [3, 2])],
        opsets={"": 17},
    )


def test_onnx_runtime_runs_what_is_written() -> None:
    ort = pytest.importorskip("onnxruntime")
    session = ort.InferenceSession(_model(), providers=["CPUExecutionProvider"])
    x = np.array([[1.0, -2.0, 0.5], [3.0, 3.0, -1.0]], dtype=np.float32)
    (y,) = session.run(None, {"x": x})
    g = (x + np.arange(6, dtype=np.float32).reshape(2, 3)).T[:, [1, 0]]
    norm = (g - g.mean(-1, keepdims=True)) / np.sqrt(g.var(-1, keepdims=True) + 1e-5)
    assert np.allclose(y, norm * [2.0, 1.0] + [0.0, 0.5], atol=1e-5)


def test_the_reader_reads_back_nodes_and_tensors() -> None:
    g = pb.read_graph(_model())
    assert [n.op_type for n in g.nodes] == ["Add", "Transpose", "Gather", "LayerNormalization"]
    assert g.nodes[2] == pb.Node("Gather", ("t", "idx"), ("g",))
    assert np.array_equal(g.tensors["w"], np.arange(6, dtype=np.float32).reshape(2, 3))
    assert g.tensors["idx"].dtype == np.int64 and g.tensors["idx"].tolist() == [1, 0]


def test_onnx_agrees_on_attributes_and_shapes() -> None:
    onnx = pytest.importorskip("onnx")
    m = onnx.load_from_string(_model())
    onnx.checker.check_model(m)
    attrs = {a.name: onnx.helper.get_attribute_value(a) for n in m.graph.node for a in n.attribute}
    assert attrs["perm"] == [1, 0] and attrs["axis"] == -1
    assert attrs["epsilon"] == pytest.approx(1e-5)
    dims = m.graph.input[0].type.tensor_type.shape.dim
    assert dims[0].dim_param == "n" and dims[1].dim_value == 3


def test_bad_bytes_are_refused() -> None:
    with pytest.raises(pb.ProtoError):
        pb.read_graph(b"\x3a\xff")  # a graph field longer than the data
    with pytest.raises(pb.ProtoError, match="no graph"):
        pb.read_graph(b"\x08\x0a")  # ir_version only
    with pytest.raises(pb.ProtoError, match="unsupported dtype"):
        pb.tensor("c", np.zeros(2, dtype=np.complex64))
