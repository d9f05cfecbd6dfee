"""The cross-language set: its data, the pairs built from it, and the scorer's arithmetic.

No model runs here: the scorer is fed constructed results, and the one run through the
real entry point is lexical only.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import PAN, REPO, cli_path
from textlineage.errors import InputError
from textlineage.eval.translation import (
    EDITS,
    LANGUAGES,
    BuiltPair,
    TranslationSet,
    build_pairs,
    load_translation_set,
    pan13_paragraphs,
)
from textlineage.eval.translation_score import (
    PairResult,
    format_translation,
    score_translation,
)
from textlineage.types import Document

DATA = REPO / "tests" / "data" / "translation"
SENTENCE_END = re.compile(r"[.!?؟](?=\s|$)")


@pytest.fixture(scope="module")
def data() -> TranslationSet:
    return load_translation_set(DATA)


@pytest.fixture(scope="module")
def pairs(data: TranslationSet) -> list[BuiltPair]:
    return build_pairs(data)


# ---------------------------------------------------------------------------------------
# The data


def test_each_language_has_the_promised_passages(data: TranslationSet) -> None:
    assert [s.lang for s in data.languages] == list(LANGUAGES)
    for lang in data.languages:
        into_english = [p for p in lang.passages if p.source_lang == lang.lang]
        from_english = [p for p in lang.passages if p.source_lang == "en"]
        assert len(into_english) >= 16, lang.lang
        assert len(from_english) >= 3, lang.lang
        assert len(lang.independent) >= 6, lang.lang
        assert len({p.topic for p in into_english}) >= 12, lang.lang
        for half in ("dev", "test"):
            assert sum(p.split == half for p in into_english) == len(into_english) // 2
            assert sum(p.split == half for p in from_english) == len(from_english) // 2
            assert sum(n.split == half for n in lang.independent) == len(lang.independent) // 2
            edits = {e for p in lang.passages if p.split == half for e in p.edits}
            assert edits == set(EDITS), (lang.lang, half)


def test_passages_are_news_sized_with_numbers(data: TranslationSet) -> None:
    for lang in data.languages:
        for p in lang.passages:
            original = p.foreign if p.source_lang == lang.lang else p.english
            assert 3 <= len(SENTENCE_END.findall(original)) <= 8, p.id
            assert re.search(r"[0-9۰-۹]", p.foreign) and re.search(r"[0-9]", p.english), p.id
            assert p.foreign != p.english
        for n in lang.independent:
            assert lang.passage(n.about).split == n.split
            assert n.foreign not in {p.foreign for p in lang.passages}


def test_persian_keeps_its_zero_width_non_joiner(data: TranslationSet) -> None:
    fa = data.language("fa")
    assert "\u200c" in fa.passages[0].foreign
    assert re.search(r"[۰-۹]", " ".join(p.foreign for p in fa.passages))


def test_filler_is_enough_for_the_longest_documents(data: TranslationSet) -> None:
    for paragraphs in [s.filler for s in data.languages] + [data.english_filler]:
        assert sum(len(p.split()) for p in paragraphs) >= 1400


def test_a_bad_data_file_is_named_with_the_problem(tmp_path: Path) -> None:
    for name in ("es.json", "fr.json", "fa.json", "en.json"):
        shutil.copy(DATA / name, tmp_path / name)
    es = json.loads((tmp_path / "es.json").read_text(encoding="utf-8"))
    es["translations"][0]["split"] = "train"
    (tmp_path / "es.json").write_text(json.dumps(es), encoding="utf-8")
    with pytest.raises(InputError, match=r"es\.json.*split 'train'"):
        load_translation_set(tmp_path)
    es["translations"][0]["split"] = "dev"
    es["independent"][0]["about"] = "es99"
    (tmp_path / "es.json").write_text(json.dumps(es), encoding="utf-8")
    with pytest.raises(InputError, match="'about' must name a passage"):
        load_translation_set(tmp_path)
    (tmp_path / "fr.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match=r"fr\.json.*not valid JSON"):
        load_translation_set(tmp_path, ["fr"])
    (tmp_path / "fa.json").unlink()
    with pytest.raises(InputError, match="no such file"):
        load_translation_set(tmp_path, ["fa"])


# ---------------------------------------------------------------------------------------
# The pairs


def _planted_texts(data: TranslationSet, pair: BuiltPair) -> tuple[str, str]:
    """The texts the pair's two planted passages must be, per document."""
    lang = data.language(pair.lang)
    out = []
    for d, pid in enumerate(pair.passages):
        if d == pair.foreign:
            found = [p.foreign for p in lang.passages if p.id == pid]
            found += [n.foreign for n in lang.independent if n.id == pid]
        else:
            found = [lang.passage(pid).english]
        assert len(found) == 1, pid
        out.append(found[0])
    return out[0], out[1]


def test_the_recorded_spans_hold_the_passages(data: TranslationSet, pairs: list[BuiltPair]) -> None:
    assert len(pairs) == 138
    for pair in pairs:
        expected = _planted_texts(data, pair)
        for d in (0, 1):
            text = pair.documents[d].text
            s, e = pair.planted[d]
            assert text[s:e] == expected[d], (pair.id, d)
            assert s > 0 and e < len(text), pair.id  # filler on both sides
            assert text[s - 2 : s] == "\n\n" and text[e : e + 2] == "\n\n"
        assert pair.documents[pair.foreign].id == f"{pair.id}:{pair.lang}"
        assert not pair.documents[0].meta and not pair.documents[1].meta
        if pair.reuse:
            assert pair.truth == pair.planted
            assert pair.passages[0] == pair.passages[1]


def test_kinds_sources_and_partners(data: TranslationSet, pairs: list[BuiltPair]) -> None:
    kinds = Counter((p.lang, p.kind) for p in pairs)
    for lang in LANGUAGES:
        assert kinds[lang, "from_foreign"] == 16 and kinds[lang, "from_english"] == 4
        assert kinds[lang, "unrelated"] == 20 and kinds[lang, "same_topic"] == 6
    for pair in pairs:
        lang = data.language(pair.lang)
        if pair.kind == "from_foreign":
            assert pair.source == pair.foreign
        elif pair.kind == "from_english":
            assert pair.source == pair.english
        else:
            assert pair.source is None and pair.truth is None
        if pair.kind == "unrelated":
            a, b = (lang.passage(i) for i in pair.passages)
            assert a.topic != b.topic and a.split == b.split == pair.split
        if pair.kind == "same_topic":
            n = next(x for x in lang.independent if x.id == pair.passages[pair.foreign])
            assert pair.passages[pair.english] == n.about
    assert {p.foreign for p in pairs} == {0, 1}


def test_sizes_and_the_thousand_word_pairs(pairs: list[BuiltPair]) -> None:
    for pair in pairs:
        assert all(600 <= w <= 1200 for w in pair.words), (pair.id, pair.words)
    for half in ("dev", "test"):
        thousand = [p for p in pairs if p.split == half and all(900 <= w <= 1100 for w in p.words)]
        assert len(thousand) >= 8
        assert {p.kind for p in thousand} >= {"from_foreign", "unrelated"}


def test_split_and_language_filters(data: TranslationSet, pairs: list[BuiltPair]) -> None:
    dev = build_pairs(data, split="dev")
    assert [p.id for p in dev] == [p.id for p in pairs if p.split == "dev"]
    assert [p.documents for p in dev] == [p.documents for p in pairs if p.split == "dev"]
    fa = build_pairs(data, split="test", langs=["fa"])
    assert {p.lang for p in fa} == {"fa"} and len(fa) == 23
    with pytest.raises(ValueError, match="split"):
        build_pairs(data, split="train")


_DIGEST = """
import hashlib, sys
from textlineage.eval.translation import build_pairs, load_translation_set
h = hashlib.sha256()
for p in build_pairs(load_translation_set(sys.argv[1])):
    h.update(repr((p.id, p.foreign, p.planted, [d.text for d in p.documents])).encode())
print(h.hexdigest())
"""


def test_pairs_do_not_depend_on_the_process() -> None:
    digests = set()
    for seed in ("0", "12345"):
        env = {"PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO / "src")}
        out = subprocess.run(
            [sys.executable, "-c", _DIGEST, str(DATA)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_pan13_filler_builds_the_same_pairs_with_other_english(data: TranslationSet) -> None:
    if not (PAN / "src").is_dir():
        pytest.skip("../shared/data/pan13-train not present")
    paragraphs = pan13_paragraphs(PAN, limit=120)
    assert len(paragraphs) == 120
    assert all(40 <= len(p.split()) <= 150 for p in paragraphs)
    built = build_pairs(data, split="dev", langs=["es"], english_filler=paragraphs)
    own = build_pairs(data, split="dev", langs=["es"])
    for a, b in zip(built, own, strict=True):
        assert a.documents[a.foreign] == b.documents[b.foreign]
        s, e = a.planted[a.english]
        assert (
            a.documents[a.english].text[s:e]
            == b.documents[b.english].text[slice(*b.planted[b.english])]
        )
        rest = a.documents[a.english].text[:s] + a.documents[a.english].text[e:]
        assert all(p in paragraphs for p in rest.split("\n\n") if p)


# ---------------------------------------------------------------------------------------
# The scorer, on constructed cases


def _pair(
    pid: str,
    kind: str,
    *,
    lang: str = "es",
    foreign: int = 0,
    truth: tuple[tuple[int, int], tuple[int, int]] | None = None,
    words: int = 300,
) -> BuiltPair:
    text = "w " * words
    docs = (Document(f"{pid}:0", text), Document(f"{pid}:1", text))
    source = None if truth is None else (foreign if kind == "from_foreign" else 1 - foreign)
    planted = truth or ((0, 10), (0, 10))
    return BuiltPair(pid, lang, "dev", kind, docs, foreign, planted, truth, source, ("x", "x"))


def _res(
    verdict: str, *passages: tuple[tuple[int, int], tuple[int, int]], source: int | None = None
) -> PairResult:
    return PairResult(verdict, source, tuple(((a,), (b,)) for a, b in passages))


def test_character_measures_follow_their_definitions() -> None:
    # Positive pair 1: foreign doc 0, true spans F = (10, 30), T = (100, 200).
    p1 = _pair("p1", "from_foreign", truth=((10, 30), (100, 200)))
    r1 = _res(
        "partially_derived",
        ((12, 25), (120, 220)),  # touches F: English 100 chars, 80 inside T
        ((20, 28), (130, 170)),  # touching too, English side inside the first: counted once
        ((500, 600), (300, 350)),  # elsewhere: only in the plain precision
        ((0, 10), (100, 110)),  # ends where F starts: half-open, does not touch
        source=0,
    )
    # Positive pair 2: foreign doc 1, nothing found; T is 50 characters.
    p2 = _pair("p2", "from_english", foreign=1, truth=((40, 90), (5, 25)))
    r2 = _res("independent")
    # A negative pair with a false passage of 40 English characters (English doc is 1).
    n1 = _pair("n1", "unrelated")
    r_n1 = _res("partially_derived", ((0, 30), (200, 240)))
    n2 = _pair("n2", "same_topic", lang="fr")
    r_n2 = _res("independent")

    ev = score_translation([p1, p2, n1, n2], [r1, r2, r_n1, r_n2])
    c = ev.group("all").chars
    assert (c.true_chars, c.found_chars, c.reported_chars) == (150, 80, 100)
    assert c.recall == pytest.approx(80 / 150)
    assert c.precision == pytest.approx(0.8)
    assert c.recall_macro == pytest.approx((0.8 + 0.0) / 2)
    assert c.precision_macro == pytest.approx(0.8)
    # Plain precision: A = [100, 110) + [120, 220) + [300, 350): 160 chars, 90 inside T.
    assert (c.all_reported_chars, c.all_found_chars) == (160, 90)
    assert c.precision_all_passages == pytest.approx(90 / 160)
    assert c.precision_all_pairs == pytest.approx(90 / (160 + 40))
    assert (c.located, c.positives, c.granularity) == (1, 2, 2.0)
    o1 = ev.outcomes[0]
    assert o1.touching == 2 and o1.recall == pytest.approx(0.8)

    cls = ev.group("all").classification
    assert (cls.tp, cls.fn, cls.fp, cls.tn) == (1, 1, 1, 1)
    assert cls.accuracy == pytest.approx(0.5)
    assert ev.group("all").by_kind == (
        ("from_foreign", 1, 1),
        ("from_english", 1, 0),
        ("unrelated", 1, 0),
        ("same_topic", 1, 1),
    )
    assert ev.group("all").direction.correct == 1 and ev.group("all").direction.evaluated == 1
    assert [g.name for g in ev.groups] == ["all", "es", "fr"]
    fr = ev.group("fr")
    assert fr.pairs == 1 and fr.chars.recall is None and fr.classification.accuracy == 1.0


def test_the_english_side_decides_precision_not_the_anchor() -> None:
    # Anchored on the true foreign span, English side wholly in filler: precision 0.
    p = _pair("p", "from_foreign", foreign=1, truth=((400, 500), (20, 60)))
    ev = score_translation([p], [_res("derived", ((600, 700), (30, 50)), source=0)])
    c = ev.group("all").chars
    assert c.located == 1 and c.precision == 0.0 and c.recall == 0.0
    assert ev.outcomes[0].source_right is False


def test_direction_without_a_source_counts_as_wrong() -> None:
    p = _pair("p", "from_foreign", truth=((10, 30), (100, 200)))
    ev = score_translation([p], [_res("derived", ((10, 30), (100, 200)))])
    d = ev.group("all").direction
    assert (d.evaluated, d.correct) == (1, 0)
    assert ev.group("all").chars.recall == 1.0 and ev.group("all").chars.precision == 1.0


def test_timing_and_targets() -> None:
    small = _pair("s", "unrelated", words=700)
    big = [_pair(f"b{k}", "unrelated", words=1000) for k in range(3)]
    results = [PairResult("independent", None, (), seconds=s) for s in (0.1, 0.5, 0.9, 1.7)]
    ev = score_translation([small, *big], results)
    t = ev.group("all").timing
    assert (t.n, t.n_1000) == (4, 3)
    assert t.median_ms == pytest.approx(700.0) and t.max_ms == pytest.approx(1700.0)
    assert t.median_ms_1000 == pytest.approx(900.0) and t.max_ms_1000 == pytest.approx(1700.0)
    met = ev.group("all").targets()
    assert met == {
        "accuracy": True,
        "recall": None,
        "precision": None,
        "median_ms_1000_words": True,
    }
    out = ev.to_dict()
    assert out["schema"] == "textlineage.eval.translation" and out["targets_met"] == met
    json.dumps(out)
    with pytest.raises(ValueError, match="4 pairs but 3 results"):
        score_translation([small, *big], results[:3])


def test_text_report_lists_misclassified_pairs() -> None:
    p = _pair("es07", "from_foreign", truth=((10, 30), (100, 200)))
    n = _pair("es07~es09", "unrelated")
    ev = score_translation([p, n], [_res("independent"), _res("independent")])
    text = format_translation(ev)
    assert "es07 from_foreign: independent" in text
    assert "es07~es09" not in text
    assert "accuracy >= 0.9: missed" in text


# ---------------------------------------------------------------------------------------
# The command


def test_cli_runs_one_language_lexically() -> None:
    p = subprocess.run(
        [cli_path(), "eval", "translation", str(DATA), "--lang", "fa", "--split", "test",
         "--no-semantic", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["split"] == "test" and list(out["groups"]) == ["all", "fa"]
    assert len(out["pairs"]) == 23 and out["groups"]["fa"]["chars"]["positive_pairs"] == 10


def test_cli_bad_data_gives_one_line(tmp_path: Path) -> None:
    p = subprocess.run(
        [cli_path(), "eval", "translation", str(tmp_path), "--lang", "es"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 2
    assert p.stderr.strip().count("\n") == 0 and "no such file" in p.stderr
