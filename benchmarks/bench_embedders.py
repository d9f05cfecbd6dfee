"""The embedding runtimes side by side: start-up, speed, fidelity and MRPC separation.

Run by hand:  .venv/bin/python benchmarks/bench_embedders.py [--sentences 600]

For each runtime of all-MiniLM-L6-v2 (``onnx-int8``: ONNX Runtime on the graph rebuilt with
integer products, one sentence a run, the default; ``onnx``: ONNX Runtime on the packaged
graph, float32, batches of 8; ``onnx-b1``: the same, one sentence a pass; ``torch``: torch
int8 dynamic quantisation, one sentence a pass; ``torch-fp32``: torch without quantisation,
the reference), and for the static model that screens sentences for it (``static``:
WordLlama, 256-d, a different scale), it prints:

- start-up: a fresh process importing the runtime and loading the model (wall seconds);
- speed: sentences per second on one thread (CPU time of this process, which a busy
  machine disturbs less than wall time), over MRPC sentences (read from ../shared/data/mrpc,
  never copied), runtimes interleaved over three rounds (best round kept), and the ratio to
  ``onnx``;
- fidelity: the lowest and mean cosine of each vector with ``onnx``'s and with the float32
  reference's (not for the static model, another space);
- separation on MRPC: ROC AUC of paraphrases (label 1) against same-event non-paraphrases
  (label 0), and the share of unrelated pairs (sentence 1 of one pair with sentence 2 of
  another) at or above 0.5.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from textlineage import embed, embed_static

MRPC = Path(__file__).resolve().parents[2] / "shared" / "data" / "mrpc" / "msr_paraphrase_train.txt"

RUNTIMES = {
    "onnx-int8": "from textlineage.embed import OnnxInt8MiniLMEmbedder as E; m = E()",
    "onnx": "from textlineage.embed import OnnxMiniLMEmbedder as E; m = E()",
    "onnx-b1": "from textlineage.embed import OnnxMiniLMEmbedder as E; m = E(batch_size=1)",
    "torch": "from textlineage.embed import MiniLMEmbedder as E; m = E()",
    "torch-fp32": "from textlineage.embed import MiniLMEmbedder as E; m = E(quantize=False)",
    "static": "from textlineage.embed_static import StaticEmbedder as E; m = E()",
}


def _startup(code: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code + "; m.encode(['warm up'])"], check=True)
    return time.perf_counter() - t


def _auc(pos: np.ndarray, neg: np.ndarray) -> float:
    ranks = np.argsort(np.argsort(np.concatenate([pos, neg]))) + 1
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=600, help="MRPC pairs to use")
    args = ap.parse_args()
    rows = [r.split("\t") for r in MRPC.read_text(encoding="utf-8-sig").splitlines()[1:]]
    rows = [r for r in rows if len(r) == 5][: args.sentences]
    labels = np.array([int(r[0]) for r in rows])
    s1 = [r[3].replace("<QUOTE>", '"') for r in rows]
    s2 = [r[4].replace("<QUOTE>", '"') for r in rows]
    shuffled = s2[:]
    random.Random(1).shuffle(shuffled)
    runtimes = {
        k: v
        for k, v in RUNTIMES.items()
        if k.startswith("onnx")
        or (k == "static" and embed_static.static_available())
        or (k.startswith("torch") and embed.torch_available())
    }
    models: dict[str, embed.Embedder] = {}
    for name, code in runtimes.items():
        scope: dict[str, object] = {}
        exec(code, scope)
        models[name] = scope["m"]  # type: ignore[assignment]
        models[name].encode(["warm up"])
    best = {name: float("inf") for name in models}
    vecs: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for _ in range(3):
        for name, m in models.items():
            t = time.process_time()
            e1, e2 = m.encode(s1), m.encode(s2)
            best[name] = min(best[name], time.process_time() - t)
            vecs[name] = (e1, e2, m.encode(shuffled))
    ref = vecs.get("torch-fp32", vecs["onnx"])
    ref_name = "torch-fp32" if "torch-fp32" in vecs else "onnx"
    print(f"{len(rows)} MRPC pairs ({2 * len(rows)} sentences), one inference thread\n")
    print(
        f"{'runtime':11s} {'start-up':>9s} {'sent/s':>8s} {'x onnx':>7s} "
        f"{'cos onnx min/mean':>18s} {'cos ' + ref_name + ' min/mean':>23s} "
        f"{'AUC':>6s} {'unrel>=.5':>10s}"
    )

    def fidelity(e1: np.ndarray, e2: np.ndarray, to: tuple[np.ndarray, ...], width: int) -> str:
        if e1.shape != to[0].shape:
            return f"{'-':>{width}s}"
        c = np.concatenate([(e1 * to[0]).sum(1), (e2 * to[1]).sum(1)])
        return f"{f'{c.min():.4f} / {c.mean():.4f}':>{width}s}"

    for name in models:
        e1, e2, e3 = vecs[name]
        sim = (e1 * e2).sum(1)
        unrelated = (e1 * e3).sum(1)
        print(
            f"{name:11s} {_startup(runtimes[name]):8.2f}s {2 * len(rows) / best[name]:8.1f} "
            f"{best['onnx'] / best[name]:7.2f} "
            f"{fidelity(e1, e2, vecs['onnx'], 18)} {fidelity(e1, e2, ref, 23)} "
            f"{_auc(sim[labels == 1], sim[labels == 0]):6.3f} {(unrelated >= 0.5).mean():10.4f}"
        )


if __name__ == "__main__":
    main()
