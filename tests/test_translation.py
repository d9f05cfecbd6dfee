"""Translated reuse: language identification, the multilingual model and cross-language
compare (issue 10), on texts written for these tests (tests/data/crosslingual)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from textlineage import compare
from textlineage.align.crosslingual import Bead, CrossConfig, translation_beads
from textlineage.embed_multi import MultilingualE5Embedder, available
from textlineage.errors import ModelIntegrityError
from textlineage.text import language
from textlineage.types import Document

DATA = Path(__file__).parent / "data" / "crosslingual"

pytestmark = pytest.mark.skipif(
    not (available() and language.available()), reason="semantic extra not installed"
)

SENTENCES = {
    "en": "The ministry said on Tuesday that thirty thousand people had been evacuated.",
    "es": "El ministerio informó el martes que treinta mil personas habían sido evacuadas.",
    "fr": "Le ministère a indiqué mardi que trente mille personnes avaient été évacuées.",
    "de": "Das Ministerium teilte am Dienstag mit, dass dreißigtausend Menschen evakuiert wurden.",
    "fa": "وزارتخانه روز سه‌شنبه اعلام کرد که سی هزار نفر از شهرهای ساحلی تخلیه شده‌اند.",
    "ar": "وقالت الوزارة يوم الثلاثاء إن ثلاثين ألف شخص تم إجلاؤهم من المدن الساحلية.",
    "ru": "Министерство сообщило во вторник, что были эвакуированы тридцать тысяч человек.",
}


def doc(name: str) -> Document:
    return Document(name, (DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def model() -> MultilingualE5Embedder:
    return MultilingualE5Embedder()


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_language_of_a_sentence(code: str) -> None:
    assert language.detect(SENTENCES[code]) == code


def test_too_little_text_has_no_language() -> None:
    assert language.detect("Raisi, 130,000") == language.UNKNOWN
    assert language.detect("") == language.UNKNOWN


def test_sentences_of_a_mixed_document_keep_their_language() -> None:
    es, en = SENTENCES["es"], SENTENCES["en"]
    text = f"{es} {en} {es} Sí."
    starts = [0, len(es) + 1, len(es) + len(en) + 2, len(text) - 3]
    spans = [(s, s + n) for s, n in zip(starts, [len(es), len(en), len(es), 3], strict=True)]
    langs = language.unit_languages(text, spans)
    assert langs.document == "es"
    # The short last sentence takes the document's language.
    assert langs.units == ("es", "en", "es", "es")
    assert langs.mixed


def test_vectors_depend_on_the_text_alone(model: MultilingualE5Embedder) -> None:
    texts = list(SENTENCES.values())
    together = model.encode(texts)
    alone = np.stack([model.encode([t])[0] for t in texts])
    reversed_ = model.encode(texts[::-1])[::-1]
    assert np.array_equal(together, alone)
    assert np.array_equal(together, reversed_)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-4)


def test_a_translation_is_closer_than_another_sentence(model: MultilingualE5Embedder) -> None:
    other = "Local residents said the new bridge would cut their commute by half an hour."
    v = model.encode([SENTENCES["en"], other, *(SENTENCES[c] for c in ("es", "fa", "ru"))])
    for k in (2, 3, 4):
        assert v[0] @ v[k] > v[1] @ v[k] + 0.05


def test_tampered_weights_are_refused(tmp_path: Path) -> None:
    from textlineage.embed_multi import _check

    fake = tmp_path / "e5-small-q4.bin"
    fake.write_bytes(b"not the model")
    with pytest.raises(ModelIntegrityError, match="does not match the pinned"):
        _check(fake, hashlib.sha256(b"the model").hexdigest())


def test_translated_passages_are_found_with_offsets_on_both_sides() -> None:
    es, en = doc("measles_es.txt"), doc("measles_en.txt")
    c = compare(es, en)
    assert c.languages == ("es", "en")
    assert c.verdict != "independent"
    kinds = {p.kind for p in c.passages}
    assert kinds == {"translation"}
    # The English side is the translated paragraph, and nothing of the unrelated ones.
    para = en.text.index("Mexico's health ministry")
    para_end = en.text.index("Meanwhile")
    covered = sorted(s for p in c.passages for s in p.spans[1])
    assert covered[0][0] == para
    assert all(para <= s and e <= para_end for s, e in covered)
    got = sum(e - s for s, e in covered)
    assert got >= 0.9 * len(en.text[para:para_end].strip())
    # The English first sentence merges two Spanish ones: one passage, two sentences.
    first = min(c.passages, key=lambda p: p.spans[1][0][0])
    src = es.text[first.spans[0][0][0] : first.spans[0][0][1]]
    assert src.startswith("El Ministerio de Salud") and "Según el comunicado" in src
    assert all(p.languages == ("es", "en") for p in c.passages)
    j = c.to_json()
    assert [d["language"] for d in j["documents"]] == ["es", "en"]
    assert j["passages"][0]["languages"] == ["es", "en"]
    assert any("translated between Spanish and English" in r for r in c.reasons)


def test_argument_order_only_mirrors_the_result() -> None:
    es, en = doc("measles_es.txt"), doc("measles_en.txt")
    ab, ba = compare(es, en), compare(en, es)
    assert ba.languages == ab.languages[::-1]
    assert [(p.kind, p.spans) for p in ab.passages] == [
        (p.kind, (p.spans[1], p.spans[0])) for p in ba.passages
    ]
    assert ab.verdict == ba.verdict


def test_independent_texts_across_languages_are_independent() -> None:
    c = compare(doc("vaccines_es_independent.txt"), doc("measles_en.txt"))
    assert c.verdict == "independent"
    assert c.passages == ()
    assert c.languages == ("es", "en")


def test_one_language_pairs_have_no_translation() -> None:
    en = doc("measles_en.txt")
    edited = Document("b", en.text.replace("Tuesday", "Monday"))
    c = compare(en, edited)
    assert c.languages == ("en", "en")
    assert c.passages and all(p.kind != "translation" for p in c.passages)


def test_kernel_runs_need_order_and_closeness() -> None:
    cfg = CrossConfig()
    # Three translated sentences in order, one lone close pair far away, noise at 0.78.
    sim = np.full((8, 8), 0.78, dtype=np.float32)
    for i, j in ((1, 1), (2, 2), (3, 3)):
        sim[i, j] = 0.9
    sim[6, 0] = 0.88  # close, but alone and below `lone`
    chars = ([200] * 8, [200] * 8)
    texts = ([f"a{i}" for i in range(8)], [f"b{j}" for j in range(8)])
    runs = translation_beads(sim, texts, chars, cfg)
    assert runs == [[Bead((k,), (k,), pytest.approx(0.9)) for k in (1, 2, 3)]]
    sim[6, 0] = 0.95  # alone but very close: kept
    assert len(translation_beads(sim, texts, chars, cfg)) == 2


def test_report_shows_languages_and_translations_side_by_side() -> None:
    from textlineage.report.html import render_html

    page = render_html(compare(doc("measles_es.txt"), doc("measles_en.txt")))
    assert 'id="pane-0" tabindex="0" dir="auto" lang="es"' in page
    assert 'id="pane-1" tabindex="0" dir="auto" lang="en"' in page
    assert ">Spanish<" in page and ">English<" in page
    assert page.count('class="seg k-translation') >= 8  # four passages, two sides


def test_mixed_language_document() -> None:
    # An English page that quotes the Spanish paragraph, against the English translation:
    # both documents are English, the quoted run is Spanish and aligns as a translation.
    es, en = doc("measles_es.txt"), doc("measles_en.txt")
    start = es.text.index("El Ministerio de Salud")
    end = es.text.index("En otras noticias")
    quoted = (
        "Readers sent us the original statement, which we print below as it was issued. "
        "It was published by the ministry in the morning and shared widely online. "
        "Our newsroom has covered the vaccination drive since it began in March, and "
        "several readers asked whether the figures in the statement had been checked. "
        "We asked the ministry's press office for the data behind them and are waiting "
        "for an answer. Doctors we spoke to welcomed the campaign but warned that rural "
        "clinics still lack refrigerators to store the vaccine safely in summer.\n\n"
        + es.text[start:end]
        + "We will report on the campaign again when the ministry publishes new figures."
    )
    c = compare(Document("page", quoted), en)
    assert c.languages == ("en", "en")
    tr = [p for p in c.passages if p.kind == "translation"]
    assert len(tr) >= 3 and all(p.languages == ("es", "en") for p in tr)
    offset = quoted.index("El Ministerio")
    assert all(s >= offset for p in tr for s, _ in p.spans[0])


def test_a_lone_sentence_in_another_language_does_not_start_the_translation_stage() -> None:
    en = doc("measles_en.txt")
    other = Document(
        "b",
        en.text.replace(
            "Meanwhile,",
            "Mientras tanto, el ayuntamiento de la ciudad informó que el puente nuevo ya está abierto al tráfico. Meanwhile,",
        ),
    )
    c = compare(en, other)
    assert "translation" not in c.timings


def test_languages_per_document_only() -> None:
    es, en = SENTENCES["es"], SENTENCES["en"]
    text = f"{es} {en} {es}"
    spans = [(0, len(es)), (len(es) + 1, len(es) + len(en) + 1), (len(es) + len(en) + 2, len(text))]
    assert language.unit_languages(text, spans).units == ("es", "en", "es")
    flat = language.unit_languages(text, spans, per_unit=False)
    assert len(set(flat.units)) == 1 and not flat.mixed


def test_fact_diff_across_languages() -> None:
    es, en = doc("measles_es.txt"), doc("measles_en.txt")
    c = compare(es, en)
    kept = {
        link.derived.text if link.derived.doc == 1 else link.source.text for link in c.facts.kept
    }
    assert {"June 18", "Jorge Alcocer", "92 percent"} <= kept
    # A number changed in translation is a change, not a match ("30,000" is in "130,000").
    edited = Document("edited", en.text.replace("130,000", "30,000"))
    c2 = compare(es, edited)
    changed = [(x.source.text, x.derived.text) for x in c2.facts.changed]
    assert any("130.000" in s + d and "30,000" in s + d for s, d in changed), changed
