"""The semantic stage's choice of sentences to embed (``align.semantic.plan_embedding``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from textlineage import CompareConfig, SemanticConfig, compare, document_from_text
from textlineage.align.fragments import Vectors
from textlineage.align.semantic import plan_embedding, unit_texts
from textlineage.text.features import features

# The first sentences are reworded from one side to the other; the harbour-master sentence
# is copied; "fishermen complained" shares words only with the copied sentence, and the
# weather sentence hardly any with anything.
A = (
    "The city council approved a budget of 4.2 million euros for school repairs on Monday. "
    "Mayor Anna Berg said the money would fix thirty schools before the winter. "
    "Local fishermen complained about the new harbour fees at a meeting last week. "
    "The harbour master promised to review the fees with the fishermen before the summer season."
)
B = (
    "On Monday the council passed a 4.2 million euro budget to repair schools. "
    "Berg, the mayor, explained that thirty schools will be fixed ahead of winter. "
    "The harbour master promised to review the fees with the fishermen before the summer season. "
    "The weather service expects heavy snow in the mountains over the weekend, and the "
    "fishermen stay home."
)
UNSCREENED = SemanticConfig(screen_similarity=0)


@pytest.fixture(scope="module")
def pair() -> tuple:
    fa, fb = features(A, 3), features(B, 3)
    return fa, fb, Vectors(fa, fb)


def test_a_unit_whose_only_partner_is_a_copy_is_not_embedded(pair: tuple) -> None:
    fa, fb, vec = pair
    cfg = UNSCREENED
    # "fishermen complained" (a2) has a lexical match in the embeddable range, but only with
    # b2, the copy of a3, which seeds lexically and is not embedded.
    assert cfg.embed_min_lexical <= vec.cosine[2].max() < cfg.skip_lexical
    assert int(vec.cosine[2].argmax()) == 2 and vec.cosine[:, 2].max() >= cfg.skip_lexical
    need_a, need_b = plan_embedding(fa, fb, vec, cfg).first()
    assert need_a.tolist() == [1] and need_b.tolist() == [1]  # the reworded mayor sentence


def _one_hot(texts: Sequence[str]) -> np.ndarray:
    return np.eye(len(texts), dtype=np.float32)


def _same(texts: Sequence[str]) -> np.ndarray:
    return np.ones((len(texts), 4), dtype=np.float32) / 2


def test_the_screen_decides_among_the_candidates(pair: tuple) -> None:
    fa, fb, vec = pair
    cfg = SemanticConfig()
    # Nothing alike on the screen: nothing is embedded.
    need_a, need_b = plan_embedding(fa, fb, vec, cfg, _one_hot).first()
    assert need_a.size == 0 and need_b.size == 0
    # Everything alike: every candidate, even one without a structural partner.
    need_a, need_b = plan_embedding(fa, fb, vec, cfg, _same).first()
    assert need_a.tolist() == [1, 2] and need_b.tolist() == [1]
    # Screen off: the structural test alone.
    need_a, need_b = plan_embedding(fa, fb, vec, UNSCREENED, _one_hot).first()
    assert need_a.tolist() == [1] and need_b.tolist() == [1]


def test_the_second_round_takes_gate_pairs_near_strong_seeds(pair: tuple) -> None:
    fa, fb, vec = pair
    plan = plan_embedding(fa, fb, vec, SemanticConfig(), _one_hot)
    assert plan.first()[0].size == 0  # the screen let nothing through
    # The mayor sentences (a1, b1) pass the structural test; a seed at (0, 0) is one unit
    # away on both sides, one at (3, 2) two units away.
    assert [x.tolist() for x in plan.near([(0, 0)], 1)] == [[1], [1]]
    assert [x.tolist() for x in plan.near([(3, 2)], 1)] == [[], []]
    assert [x.tolist() for x in plan.near([(3, 2)], 2)] == [[1], [1]]
    assert [x.tolist() for x in plan.near([(0, 3), (3, 0)], 1)] == [[1], [1]]
    assert [x.tolist() for x in plan.near([], 5)] == [[], []]


class _Recording:
    """A real model that records the texts it is asked to encode."""

    def __init__(self) -> None:
        from textlineage.embed import OnnxMiniLMEmbedder

        self.inner = OnnxMiniLMEmbedder()
        self.name = self.inner.name
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str], *, max_tokens: int | None = None) -> np.ndarray:
        self.seen.extend(texts)
        return self.inner.encode(texts, max_tokens=max_tokens)


def test_compare_embeds_the_same_sentences_in_either_order() -> None:
    from textlineage import embed, embed_static

    if not (embed.onnx_available() and embed_static.static_available()):
        pytest.skip("semantic extra not installed")
    model = _Recording()
    cfg = CompareConfig(embedder=model)
    a, b = document_from_text(A, "a"), document_from_text(B, "b")
    compare(a, b, cfg)
    first = sorted(model.seen)
    model.seen.clear()
    compare(b, a, cfg)
    assert sorted(model.seen) == first
    mayor = [unit_texts(features(t, 3))[1] for t in (A, B)]
    assert first == sorted(mayor)


def test_rounds_bring_back_what_the_screen_missed_near_lexical_seeds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from textlineage import embed, embed_static

    if not (embed.onnx_available() and embed_static.static_available()):
        pytest.skip("semantic extra not installed")
    compare_module = sys.modules["textlineage.compare"]
    model = _Recording()
    a, b = document_from_text(A, "a"), document_from_text(B, "b")
    unscreened = compare(a, b, CompareConfig(embedder=model, semantic=UNSCREENED))
    seen = sorted(model.seen)
    model.seen.clear()
    # A screen that finds nothing alike: the first round embeds nothing, the next one the
    # mayor sentences, near the lexical seed of the first sentences.
    monkeypatch.setattr(compare_module, "_screen", lambda cfg: _one_hot)
    screened = compare(a, b, CompareConfig(embedder=model))
    assert sorted(model.seen) == seen and len(seen) == 2
    without_timings = [
        {k: v for k, v in c.to_json().items() if k != "timings_ms"} for c in (screened, unscreened)
    ]
    assert without_timings[0] == without_timings[1]


# Four sentences reworded one by one: hardly a word sequence survives.
STORM = (
    "The storm closed every road into the valley for three days last March. Farmers could "
    "not bring their milk to the dairy, and much of it was poured away. The regional "
    "government promised compensation but has paid nothing so far. Several families have "
    "now written to the minister asking for an answer."
)
STORM_REWORDED = (
    "For three days in March the valley was cut off, the storm having shut all of its roads. "
    "Unable to get milk to the dairy, farmers had to throw a great deal of it away. "
    "Compensation was pledged by the regional authorities, yet not a cent has arrived. A "
    "number of households have since sent letters to the minister demanding a reply."
)


def test_pan_semantic_detects_a_reworded_passage_the_lexical_stage_misses(
    tmp_path: Path,
) -> None:
    from click.testing import CliRunner

    from textlineage import embed, embed_static
    from textlineage.cli import main
    from textlineage.eval.pan import DETECTION_FEATURE, pair_xml_name, read_cases

    if not (embed.onnx_available() and embed_static.static_available()):
        pytest.skip("semantic extra not installed")
    for sub, name, text in (("susp", "s.txt", STORM_REWORDED), ("src", "r.txt", STORM)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / name).write_text(text, encoding="utf-8")
    (tmp_path / "pairs").write_text("s.txt r.txt\n", encoding="utf-8")
    found = {}
    for flag in ([], ["--semantic"]):
        out = tmp_path / ("out" + "".join(flag))
        args = ["pan", *flag, "-j", "1", *(str(tmp_path / x) for x in ("pairs", "susp", "src"))]
        res = CliRunner().invoke(main, [*args, str(out)])
        assert res.exit_code == 0, res.output
        found[bool(flag)] = read_cases(out / pair_xml_name("s.txt", "r.txt"), DETECTION_FEATURE)
    assert found[False] == []
    assert len(found[True]) == 1
    s0, s1, r0, r1 = found[True][0]
    # It starts at the first sentence on both sides and spans most of both texts.
    assert s0 < 10 and r0 < 10
    assert s1 - s0 > len(STORM_REWORDED) / 2 and r1 - r0 > len(STORM) / 2
