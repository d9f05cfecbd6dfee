"""The text report of ``textlineage eval facts``: the measures per group as tables, the
founding pair's targets, then what was missed, the noise reported and the facts counted
twice."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .facts import FactScores
from .facts_gold import SCORED
from .facts_run import TARGETS, FactsEvaluation

__all__ = ["format_facts"]

LIST_LIMIT = 25
"""Lines shown per list; ``--format json`` has them all."""


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def _row(name: str, t: Mapping[str, Any], width: int = 12) -> str:
    cells = [f"{name:<{width}}", f"{t['gold']:>5}", f"{t['found']:>6}", f"{_num(t['recall']):>7}"]
    if "reported" in t:
        cells += [
            f"{t['reported']:>9}",
            f"{t['right']:>6}",
            f"{_num(t['precision']):>10}",
            f"{_num(t['f1']):>5}",
        ]
    return " ".join(cells)


def _header(first: str, width: int = 12, precision: bool = True) -> str:
    head = f"{first:<{width}}  gold  found  recall"
    return head + ("  reported  right  precision    f1" if precision else "")


def _group(name: str, g: FactScores) -> list[str]:
    lines = [f"{name}: {g.pairs} pairs ({g.controls} no-change controls)", "  " + _header("type")]
    lines += ["  " + _row(t, g.types[t]) for t in SCORED]
    lines.append("  " + _row("all three", g.overall))
    lines.append(
        f"  noise reported {len(g.noise)} · counted twice {len(g.twice)} · "
        f"duplicates {g.statuses['duplicate']} · mismatches {g.statuses['mismatch']} · "
        f"unlisted {g.statuses['unlisted']} · reports on controls {g.control_reports}"
    )
    lines.append(
        f"  kept facts reported kept {g.kept['found']}/{g.kept['gold']} · "
        f"kind agreement {_num(g.kind_agreement)} · changes labelled right "
        f"{_num(g.label_agreement)} · pairs with the wrong direction {g.wrong_direction}"
    )
    return lines


def _listing(title: str, items: Sequence[str]) -> list[str]:
    if not items:
        return [f"{title}: none"]
    lines = [f"{title} ({len(items)}):"]
    lines += [f"  {x}" for x in items[:LIST_LIMIT]]
    if len(items) > LIST_LIMIT:
        lines.append(f"  … and {len(items) - LIST_LIMIT} more (--format json lists all)")
    return lines


def format_facts(ev: FactsEvaluation) -> str:
    """The evaluation as a person reads it."""
    lines = [
        f"Fact diff against hand-made gold: split {ev.split}, {len(ev.pairs)} pairs "
        f"({ev.data_dir}), {ev.seconds:.1f} s",
        "",
    ]
    own = [n for n in ev.groups if n != "seed"]
    for name in own:
        lines += _group(name, ev.groups[name])
        lines.append("")
    main = ev.groups.get(ev.main_group) if own else None
    met = ev.targets_met()
    if main is not None:
        lines.append(
            f"by kind ({ev.main_group}; recall by the gold's kind, precision by the reported kind):"
        )
        lines.append("  " + _header("kind"))
        lines += ["  " + _row(k, t) for k, t in main.kinds.items()]
        lines.append(f"changed facts by label ({ev.main_group}):")
        lines.append("  " + _header("label", precision=False) + "  labelled right")
        lines += [
            "  " + _row(k, t) + f"  {t['labelled_right']:>14}" for k, t in main.labels.items()
        ]
        lines.append(
            f"target (changed, added, dropped: precision ≥ {TARGETS['precision']:.2f}, recall ≥ "
            f"{TARGETS['recall']:.2f}, on {ev.main_group}): {'met' if met['gold'] else 'not met'}"
        )
        lines.append("")
    seed = ev.groups.get("seed")
    if seed is not None:
        o = seed.overall
        lines.append(
            f"founding pair ({ev.seed_dir}): gold facts found {o['found']}/{o['gold']} · "
            f"noise reported {len(seed.noise)} · counted twice {len(seed.twice)} · "
            f"duplicates {seed.statuses['duplicate']} · mismatches {seed.statuses['mismatch']} "
            f"· target {'met' if met['seed'] else 'not met'}"
        )
        lines += ["  " + x for x in _listing("missed", seed.missed)]
        lines += ["  " + x for x in _listing("noise reported", seed.noise)]
        lines += ["  " + x for x in _listing("counted twice", seed.twice)]
        lines.append("")
    if main is not None:
        lines += _listing(f"missed ({ev.main_group})", main.missed)
        lines += _listing(f"noise reported ({ev.main_group})", main.noise)
        lines += _listing(f"counted twice ({ev.main_group})", main.twice)
        wrong = [
            f"{p.pair.id}: {r.status} {r.category} {r.kind} {r.text!r}"
            for p in ev.pairs
            for r in p.reports
            if p.counted(r) and r.status not in ("right", "noise")
        ]
        lines += _listing(f"other wrong reports ({ev.main_group})", wrong)
    return "\n".join(lines).rstrip() + "\n"
