"""Quality gate: plagdet of the aligner on a fixed PAN 2013 subset, against pinned floors.

The floors sit a little under what the current engine measures on this subset, so a
regression fails the suite; the full-corpus figure comes from `textlineage pan` +
`textlineage eval pan` (see the README).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from textlineage import detect_reuse
from textlineage.eval.pan import pair_xml_name, read_cases, read_pairs, read_text, score

PAIRS_PER_SUBCORPUS = 30
FLOORS = {
    "02-no-obfuscation": 0.92,
    "03-random-obfuscation": 0.85,
    "04-translation-obfuscation": 0.84,
}
OVERALL_FLOOR = 0.87


def _subset(pan_dir: Path, sub: str) -> list[tuple[str, str]]:
    pairs = read_pairs(pan_dir / sub / "pairs")
    step = max(1, len(pairs) // PAIRS_PER_SUBCORPUS)
    return pairs[::step][:PAIRS_PER_SUBCORPUS]


@pytest.mark.slow
def test_plagdet_floors(pan_dir: Path) -> None:
    all_cases, all_dets = {}, {}
    measured = {}
    for sub in FLOORS:
        cases, dets = {}, {}
        for susp, src in _subset(pan_dir, sub):
            cases[(susp, src)] = read_cases(pan_dir / sub / pair_xml_name(susp, src))
            dets[(susp, src)] = detect_reuse(
                read_text(pan_dir / "susp" / susp), read_text(pan_dir / "src" / src)
            )
        measured[sub] = score(cases, dets).plagdet
        all_cases.update(cases)
        all_dets.update(dets)
    overall = score(all_cases, all_dets).plagdet
    for sub, floor in FLOORS.items():
        assert measured[sub] is not None and measured[sub] >= floor, (sub, measured)
    assert overall is not None and overall >= OVERALL_FLOOR, (overall, measured)


def test_no_plagiarism_pairs_yield_few_detections(pan_dir: Path) -> None:
    pairs = _subset(pan_dir, "01-no-plagiarism")
    found = sum(
        len(detect_reuse(read_text(pan_dir / "susp" / a), read_text(pan_dir / "src" / b)))
        for a, b in pairs
    )
    assert found <= 1, found
