"""The fact-diff scorer (``textlineage.eval.facts``), its gold set (``tests/data/facts_gold``)
and ``textlineage eval facts``: the matching rules on hand-made reports, the loaders, and
the real ``compare`` over the gold set and the founding pair with pinned floors."""

from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import SEEDS, cli_path
from textlineage.errors import InputError
from textlineage.eval import (
    FactsEvaluation,
    GoldFact,
    GoldPair,
    aggregate,
    evaluate_facts,
    format_facts,
    load_facts_gold,
    load_seed_gold,
    locate,
    score_pair,
)

DATA = Path(__file__).resolve().parent / "data" / "facts_gold"


# ---------------------------------------------------------------------------------------
# Hand-made reports

SOURCE = (
    "By Ann Lee | 300 x 250\n\n"
    "Over 310 areas joined the protest. Helen Marsh spoke for the group. "
    "Thousands of prisoners were held, and 130,000 tweets followed. "
    'The charge was "enmity against God". Rallies were held in Tehran and Isfahan on Tuesday.'
)
DERIVED = (
    "310 areas joined the protest. Helen March spoke for the group. "
    "30,000 prisoners were held, and 130,000 tweets followed. "
    "Rallies were held in Tehran."
)

GOLD_FACTS = (
    GoldFact("changed", "number", ("Over 310 areas",), ("310 areas",), "qualifier"),
    GoldFact("changed", "person", ("Helen Marsh",), ("Helen March",), "surname"),
    GoldFact(
        "changed",
        "number",
        ("Thousands of prisoners",),
        ("30,000 prisoners",),
        "specificity",
        also=("added",),
    ),
    GoldFact("dropped", "quote", ("enmity against God",)),
    GoldFact("dropped", "place", ("Isfahan",)),
    GoldFact("kept", "place", ("Tehran",), ("Tehran",)),
)


def _pair(exhaustive: bool = True, facts: tuple[GoldFact, ...] = GOLD_FACTS) -> GoldPair:
    return GoldPair(
        id="x",
        split="dev",
        source_path=Path("x_source.txt"),
        derived_path=Path("x_derived.txt"),
        facts=facts,
        noise=("By Ann Lee | 300 x 250",),
        optional=("Tuesday",),
        exhaustive=exhaustive,
    )


def _fact(kind: str, text: str, side: str, nth: int = 0) -> dict[str, Any]:
    whole = SOURCE if side == "source" else DERIVED
    start = -1
    for _ in range(nth + 1):
        start = whole.index(text, start + 1)
    return {
        "doc": 0 if side == "source" else 1,
        "kind": kind,
        "text": text,
        "span": [start, start + len(text)],
    }


def _changed(kind: str, src: str, der: str, **extra: Any) -> dict[str, Any]:
    out = _fact(kind, der, "derived")
    out.update(
        {
            "text": f"{src} → {der}",
            "from": _fact(kind, src, "source"),
            "to": _fact(kind, der, "derived"),
        }
    )
    out.update(extra)
    return out


def _kept(kind: str, src: str, der: str) -> dict[str, Any]:
    out = _fact(kind, der, "derived")
    out["source"] = _fact(kind, src, "source")
    return out


def _facts(**lists: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "source_doc": 0,
        "derived_doc": 1,
        "kept": [],
        "changed": [],
        "added": [],
        "dropped": [],
        **lists,
    }


PERFECT = _facts(
    kept=[_kept("place", "Tehran", "Tehran")],
    changed=[
        _changed("number", "Over 310 areas", "310 areas", label="strength"),
        _changed("person", "Helen Marsh", "Helen March", label="surname"),
        _changed("number", "Thousands of prisoners", "30,000 prisoners", label="specificity"),
    ],
    dropped=[_fact("quote", '"enmity against God"', "source"), _fact("place", "Isfahan", "source")],
)


def test_locate_keeps_to_word_and_number_boundaries() -> None:
    text = "130,000 tweets, 30,000 prisoners, 1,200,000 and 1,200. De Witt and de Wit."
    assert locate(text, "30,000") == [(16, 22)]
    assert locate(text, "1,200") == [(48, 53)]
    assert [text[s:e] for s, e in locate(text, "Wit")] == ["Wit"]
    assert locate(text, "nowhere") == []


def test_a_perfect_report_scores_one_everywhere() -> None:
    ps = score_pair(_pair(), SOURCE, DERIVED, PERFECT)
    assert all(f.found for f in ps.facts)
    assert [r.status for r in ps.reports] == ["right"] * 5
    assert ps.twice == ()
    g = aggregate([ps])
    for t in ("changed", "dropped"):
        assert g.types[t]["recall"] == 1.0 and g.types[t]["precision"] == 1.0
    assert g.types["added"]["gold"] == 0 and g.types["added"]["precision"] is None
    assert g.kept == {"gold": 1, "found": 1, "recall": 1.0}
    assert g.kind_agreement == 1.0 and g.noise == () and g.twice == ()
    assert g.labels["surname"] == {"gold": 1, "found": 1, "recall": 1.0, "labelled_right": 1}
    assert g.label_agreement == 1.0


def test_a_surname_change_reported_as_kept_is_missed_and_says_how_it_was_seen() -> None:
    facts = _facts(
        kept=[_kept("person", "Helen", "Helen")],
        changed=[_changed("number", "Over 310 areas", "310 areas")],
    )
    ps = score_pair(_pair(), SOURCE, DERIVED, facts)
    surname = ps.facts[1]
    assert not surname.found and surname.seen_as == ("kept: Helen",)
    g = aggregate([ps])
    assert g.types["changed"]["found"] == 1 and g.types["changed"]["gold"] == 3
    assert g.labels["surname"]["recall"] == 0.0
    assert any("seen as kept: Helen" in m for m in g.missed)


def test_furniture_reported_is_noise_and_costs_precision() -> None:
    facts = _facts(
        dropped=[
            _fact("person", "Ann Lee", "source"),
            _fact("number", "300 x 250", "source"),
            _fact("place", "Isfahan", "source"),
        ]
    )
    g = aggregate([score_pair(_pair(), SOURCE, DERIVED, facts)])
    assert len(g.noise) == 2 and g.statuses["noise"] == 2
    assert g.types["dropped"]["precision"] == pytest.approx(1 / 3)
    assert g.types["dropped"]["recall"] == pytest.approx(1 / 2)


def test_a_fact_changed_and_added_is_counted_twice_and_the_second_is_a_duplicate() -> None:
    # The added report fits the gold's span better, but a report in the fact's own type
    # is preferred: the change is found as a change.
    facts = _facts(
        changed=[_changed("number", "Thousands", "30,000")],
        added=[_fact("number", "30,000 prisoners", "derived")],
    )
    ps = score_pair(_pair(), SOURCE, DERIVED, facts)
    assert [r.status for r in ps.reports] == ["right", "duplicate"]
    assert ps.facts[2].reported_as == "changed"
    assert len(ps.twice) == 1 and ps.twice[0][0].startswith("changed:")
    g = aggregate([ps])
    assert g.types["added"]["precision"] == 0.0 and len(g.twice) == 1


def test_also_accepts_another_category_and_the_own_type_is_preferred() -> None:
    # Reported as added only: the gold accepts it (also added) and finds the change.
    added_only = _facts(added=[_fact("number", "30,000 prisoners", "derived")])
    ps = score_pair(_pair(), SOURCE, DERIVED, added_only)
    assert ps.facts[2].found and ps.facts[2].reported_as == "added"
    assert ps.reports[0].status == "right"
    # Without `also`, the same report is a mismatch and the change is missed.
    strict = tuple(GoldFact(f.type, f.kind, f.source, f.derived, f.label) for f in GOLD_FACTS)
    ps = score_pair(_pair(facts=strict), SOURCE, DERIVED, added_only)
    assert not ps.facts[2].found and ps.reports[0].status == "mismatch"


def test_thirty_thousand_inside_130000_is_not_the_added_fact() -> None:
    gold = (GoldFact("added", "number", derived=("30,000",)),)
    inside = _facts(added=[_fact("number", "30,000", "derived", nth=1)])  # in "130,000"
    ps = score_pair(_pair(facts=gold), SOURCE, DERIVED, inside)
    assert not ps.facts[0].found and ps.reports[0].status == "unlisted"
    right = _facts(added=[_fact("number", "30,000", "derived", nth=0)])
    assert score_pair(_pair(facts=gold), SOURCE, DERIVED, right).facts[0].found


def test_a_change_is_labelled_right_when_the_report_says_the_same_kind_of_change() -> None:
    facts = _facts(
        changed=[
            _changed("number", "Over 310 areas", "310 areas", label="strength"),
            _changed("person", "Helen Marsh", "Helen March", label="title"),
            _changed("number", "Thousands of prisoners", "30,000 prisoners"),
        ]
    )
    ps = score_pair(_pair(), SOURCE, DERIVED, facts)
    assert [f.labelled_right for f in ps.facts[:3]] == [True, False, False]
    g = aggregate([ps])
    assert g.label_agreement == pytest.approx(1 / 3)
    assert g.labels["qualifier"]["labelled_right"] == 1 and g.labels["surname"]["found"] == 1


def test_a_change_needs_both_sides() -> None:
    wrong_pair = _facts(changed=[_changed("number", "Over 310 areas", "130,000 tweets")])
    ps = score_pair(_pair(), SOURCE, DERIVED, wrong_pair)
    assert not ps.facts[0].found and ps.reports[0].status == "mismatch"


def test_an_entity_inside_a_dropped_quote_is_a_duplicate() -> None:
    facts = _facts(
        dropped=[_fact("quote", '"enmity against God"', "source"), _fact("entity", "God", "source")]
    )
    ps = score_pair(_pair(), SOURCE, DERIVED, facts)
    assert [r.status for r in ps.reports] == ["right", "duplicate"]
    assert ps.facts[3].reported_kind == "quote"


def test_optional_text_counts_neither_way() -> None:
    facts = _facts(
        dropped=[_fact("date", "Tuesday", "source"), _fact("place", "Isfahan", "source")]
    )
    g = aggregate([score_pair(_pair(), SOURCE, DERIVED, facts)])
    assert g.statuses["optional"] == 1
    assert g.types["dropped"]["reported"] == 1 and g.types["dropped"]["precision"] == 1.0


def test_a_kept_fact_reported_as_dropped_is_a_mismatch_and_kept_and_dropped_count_twice() -> None:
    facts = _facts(
        kept=[_kept("place", "Tehran", "Tehran")], dropped=[_fact("place", "Tehran", "source")]
    )
    ps = score_pair(_pair(), SOURCE, DERIVED, facts)
    assert ps.reports[0].status == "duplicate"  # the kept report matched the kept fact
    assert len(ps.twice) == 1
    lone = score_pair(
        _pair(), SOURCE, DERIVED, _facts(dropped=[_fact("place", "Tehran", "source")])
    )
    assert lone.reports[0].status == "mismatch"


def test_without_exhaustive_gold_precision_is_not_measured_but_noise_is() -> None:
    facts = _facts(
        dropped=[
            _fact("place", "Isfahan", "source"),
            _fact("person", "Ann Lee", "source"),
            _fact("date", "Rallies", "source"),
        ]
    )
    g = aggregate([score_pair(_pair(exhaustive=False), SOURCE, DERIVED, facts)])
    assert g.types["dropped"]["precision"] is None and g.types["dropped"]["reported"] == 0
    assert len(g.noise) == 1 and g.statuses["unlisted"] == 1
    assert g.types["dropped"]["found"] == 1


def test_controls_count_their_reports() -> None:
    control = _pair(facts=(GoldFact("kept", "place", ("Tehran",), ("Tehran",)),))
    assert control.control
    g = aggregate(
        [score_pair(control, SOURCE, DERIVED, _facts(added=[_fact("place", "Tehran", "derived")]))]
    )
    assert g.controls == 1 and g.control_reports == 1
    assert g.types["added"]["precision"] == 0.0


def test_grouped_and_labelled_reports_are_read_from_the_four_lists() -> None:
    facts = dict(PERFECT)
    facts["groups"] = [{"title": "1 of 2 listed places dropped", "items": [0]}]
    ps = score_pair(_pair(), SOURCE, DERIVED, facts)
    assert all(f.found for f in ps.facts)
    assert ps.facts[1].reported_label == "surname"


# ---------------------------------------------------------------------------------------
# The loaders


def _write_pair(
    root: Path, gold: dict[str, Any], source: str = SOURCE, derived: str = DERIVED
) -> None:
    (root / "01_source.txt").write_text(source, encoding="utf-8")
    (root / "01_derived.txt").write_text(derived, encoding="utf-8")
    (root / "01_gold.json").write_text(json.dumps(gold), encoding="utf-8")


@pytest.mark.parametrize(
    ("fact", "problem"),
    [
        ({"type": "moved", "kind": "number", "source": "310"}, "unknown type 'moved'"),
        (
            {
                "type": "changed",
                "kind": "number",
                "source": "Over 310 areas",
                "derived": "310 areas",
            },
            "needs a 'label'",
        ),
        ({"type": "dropped", "kind": "place", "derived": "Tehran"}, "needs 'source'"),
        ({"type": "dropped", "kind": "place", "source": "Isfahn"}, "'Isfahn' is not in the source"),
        (
            {"type": "added", "kind": "number", "derived": "30,000", "also": ["moved"]},
            "unknown category in 'also'",
        ),
    ],
)
def test_a_bad_gold_file_names_the_fact_and_the_problem(
    tmp_path: Path, fact: dict[str, Any], problem: str
) -> None:
    _write_pair(tmp_path, {"pair": "01", "split": "dev", "facts": [fact]})
    with pytest.raises(InputError) as info:
        load_facts_gold(tmp_path)
    assert problem in str(info.value) and "01_gold.json" in str(info.value)


def test_noise_may_not_overlap_a_fact(tmp_path: Path) -> None:
    gold = {
        "pair": "01",
        "split": "test",
        "facts": [{"type": "dropped", "kind": "person", "source": "Ann Lee"}],
        "noise": ["By Ann Lee"],
    }
    _write_pair(tmp_path, gold)
    with pytest.raises(InputError, match="overlaps an annotated fact"):
        load_facts_gold(tmp_path)


def test_the_split_filter(tmp_path: Path) -> None:
    _write_pair(tmp_path, {"pair": "01", "split": "test", "facts": []})
    assert [p.id for p in load_facts_gold(tmp_path, "test")] == ["01"]
    assert load_facts_gold(tmp_path, "dev") == ()


def test_the_seed_format_folds_a_fact_into_the_change_that_holds_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DERIVED, encoding="utf-8")
    gold = {
        "source": "a.txt",
        "derived": "b.txt",
        "noise_in_source": ["300 x 250"],
        "facts": {
            "added_in_derived": [{"fact": "30,000"}],
            "dropped_from_source": [{"fact": "Isfahan"}, {"fact": "enmity against God"}],
            "changed": [{"source": "Thousands of prisoners", "derived": "30,000 prisoners"}],
            "entity_variants": [{"source": "Helen Marsh", "derived": "Helen March"}],
            "cities_listed_in_derived": ["Tehran"],
        },
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    seed = load_seed_gold(tmp_path)
    assert not seed.exhaustive and seed.noise == ("300 x 250",)
    by_type = {
        t: [f for f in seed.facts if f.type == t] for t in ("changed", "added", "dropped", "kept")
    }
    assert by_type["added"] == []  # folded into thousands → 30,000
    assert [f.kind for f in by_type["dropped"]] == ["entity", "quote"]
    assert by_type["changed"][0].kind == "number"
    assert by_type["changed"][1].label == "spelling" and "kept" in by_type["changed"][1].also
    assert all("changed" in f.also for f in by_type["dropped"])


# ---------------------------------------------------------------------------------------
# The gold set


def test_the_gold_set_is_large_balanced_and_news_sized() -> None:
    pairs = load_facts_gold(DATA)
    assert len(pairs) >= 24
    assert {p.split for p in pairs} == {"dev", "test"}
    assert sum(p.split == "dev" for p in pairs) == sum(p.split == "test" for p in pairs)
    assert len({p.topic for p in pairs}) >= 8
    for p in pairs:
        for path in (p.source_path, p.derived_path):
            words = len(path.read_text(encoding="utf-8").split())
            assert 150 <= words <= 600, (path.name, words)
        assert p.noise, p.id  # every source carries furniture
    controls = [p for p in pairs if p.control]
    assert len(controls) >= 4 and {p.split for p in controls} == {"dev", "test"}


def test_the_gold_set_covers_what_issue_12_asks_for() -> None:
    facts = [f for p in load_facts_gold(DATA) for f in p.facts]
    types = {f.type for f in facts}
    kinds = {f.kind for f in facts if f.type != "kept"}
    labels = {f.label for f in facts if f.type == "changed"}
    assert types == {"changed", "added", "dropped", "kept"}
    assert {"number", "date", "person", "place", "organisation", "quote", "claim"} <= kinds
    assert {
        "rounding",
        "qualifier",
        "specificity",
        "value",
        "surname",
        "title",
        "spelling",
        "strength",
        "wording",
    } <= labels
    for t in ("added", "dropped"):
        assert {"number", "date", "quote"} <= {f.kind for f in facts if f.type == t}, t
    assert any(f.type == "changed" and f.kind == "date" and f.label == "specificity" for f in facts)


# ---------------------------------------------------------------------------------------
# The real compare over the gold set, with floors

# Measured on the gold set (all, dev, test), each floor 0.02 below. Raise them as the
# fact diff improves; a fall below one is a regression.
FLOORS: dict[str, dict[str, tuple[float, float]]] = {
    # group: {type: (precision floor, recall floor)}
    "all": {"changed": (0.98, 0.96), "added": (0.98, 0.98), "dropped": (0.92, 0.98)},
    "dev": {"changed": (0.98, 0.96), "added": (0.98, 0.98), "dropped": (0.95, 0.98)},
    "test": {"changed": (0.98, 0.96), "added": (0.98, 0.98), "dropped": (0.89, 0.98)},
}
# Ceilings on what must go down: noise reported, facts counted twice (all pairs).
CEILINGS = {"noise": 2, "twice": 3}
# The founding pair: gold facts found (at least), noise and facts counted twice (at most).
SEED_FLOORS = {"found": 14, "noise": 0, "twice": 0}


@pytest.fixture(scope="module")
def evaluation() -> FactsEvaluation:
    return evaluate_facts(DATA, seed=(SEEDS / "gold.json").is_file(), seed_dir=SEEDS)


def test_the_fact_diff_stays_above_its_floors(evaluation: FactsEvaluation) -> None:
    for group, floors in FLOORS.items():
        g = evaluation.groups[group]
        for t, (p_floor, r_floor) in floors.items():
            got = g.types[t]
            assert got["precision"] >= p_floor, (group, t, got)
            assert got["recall"] >= r_floor, (group, t, got)
    g = evaluation.groups["all"]
    assert len(g.noise) <= CEILINGS["noise"] and len(g.twice) <= CEILINGS["twice"]
    assert g.pairs == 26 and evaluation.groups["dev"].pairs == 13


def test_the_founding_pair(evaluation: FactsEvaluation) -> None:
    if evaluation.seed is None:
        pytest.skip("../shared/seeds not present")
    s = evaluation.groups["seed"]
    assert s.overall["found"] >= SEED_FLOORS["found"], s.missed
    assert len(s.noise) <= SEED_FLOORS["noise"], s.noise
    assert len(s.twice) <= SEED_FLOORS["twice"], s.twice
    assert s.types["dropped"]["precision"] is None  # not exhaustive


def test_the_report_and_the_json_agree(evaluation: FactsEvaluation) -> None:
    d = evaluation.to_dict()
    assert d["schema"] == "textlineage.eval.facts" and d["split"] == "all"
    assert set(d["groups"]) >= {"all", "dev", "test"}
    assert len(d["pairs"]) == 26
    changed = d["groups"]["all"]["types"]["changed"]
    assert math.isclose(changed["recall"], changed["found"] / changed["gold"])
    text = format_facts(evaluation)
    row = rf"\n  changed\s+{changed['gold']}\s+{changed['found']}\s+{changed['recall']:.2f}\s"
    assert re.search(row, text), text[:400]
    assert "missed (all)" in text and "target (changed, added, dropped" in text
    assert json.loads(json.dumps(d)) == d


# ---------------------------------------------------------------------------------------
# The command


def test_cli_scores_a_gold_folder(tmp_path: Path) -> None:
    for name in ("01_source.txt", "01_derived.txt", "01_gold.json"):
        shutil.copy(DATA / name, tmp_path / name)
    out = subprocess.run(
        [cli_path(), "eval", "facts", "--data", str(tmp_path), "--format", "json", "--no-semantic"],
        capture_output=True,
        text=True,
        check=True,
    )
    d = json.loads(out.stdout)
    assert d["split"] == "dev" and [p["pair"] for p in d["pairs"]] == ["01"]
    assert d["groups"]["dev"]["types"]["changed"]["gold"] == 6
    assert d["seed"] is None


def test_cli_bad_gold_gives_one_line(tmp_path: Path) -> None:
    _write_pair(tmp_path, {"pair": "01", "split": "dev", "facts": [{"type": "added", "kind": "x"}]})
    out = subprocess.run(
        [cli_path(), "eval", "facts", "--data", str(tmp_path)], capture_output=True, text=True
    )
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "needs 'derived'" in out.stderr
