"""Planted lineage with mirrors: a ``gen_corpus`` corpus, mirrors of its documents on other
sites, and the true parent of every document that is not an original.

Run by hand::

    .venv/bin/python benchmarks/gen_lineage.py --docs 600 --out /tmp/lineage [--seed 1]

First a ``gen_corpus`` corpus of ``--docs`` documents is written (verbatim, light, heavy and
partial copies, chains A→B→C, siblings; see ``gen_corpus.py``). Then a share of its
documents, originals and derived ones alike (the share is drawn per sort of document:
originals that were copied, originals that were not, each kind of copy, the B and the C of
chains), get 1–4 mirrors each on other sites, each mirror dated 1–5 days after the document
it mirrors (never the same day). Two sorts:

* ``mirror-exact``: a scraper's copy. The text is byte for byte the mirrored document's,
  its site's header and footer included; only ``site``, ``url`` and ``date`` are the
  mirror's. ``textlineage index add`` records it as a duplicate of whichever copy it reads
  first and does not index it twice.
* ``mirror-near``: the same body between the mirror site's own header and footer; ``edit``
  says what else changed: ``none``, ``source-line`` (a last paragraph
  ``Source: <mirrored site>``) or ``origin-line`` (a first paragraph
  ``Originally published at <mirrored URL>``).

Mirror sites come mostly from a small pool of sites (a tenth of them), as scrapers and
aggregators do in the wild, otherwise from any other site. A mirror of a late chain
document may be dated in early 2025.

Every document then gets a new id (a seeded permutation of all ids, so an id tells nothing
of how its document was made; URLs end in the new number) and ``docs.jsonl`` is written in
a seeded random order: derived documents and mirrors often come before what they were
made from, exact mirrors before their original among them, so an index's first-added copy
is not always the original.

Writes into ``--out`` ``gen_corpus``'s files, with the new ids: ``docs.jsonl``,
``truth.jsonl``, ``siblings.jsonl``, ``provenance.jsonl`` (a mirror has its mirrored
document's pieces), ``boilerplate.json`` and ``stats.json`` (with a ``lineage`` section);
and two more:

* ``mirrors.jsonl``: one mirror a line in ``truth.jsonl``'s relation format (``source``
  is the mirrored document, ``derived`` the mirror), ``kind`` ``mirror-exact`` or
  ``mirror-near``, ``chars`` the body's length, and ``edit``.
* ``lineage.jsonl``: the truth of parents, one line per document that is not an original,
  sorted by ``child``: ``child``, ``parent`` (the document it was made from: for a chain's
  B its A, for a C its B, for a copy its original, for a heavy derivative the heavy
  source, for a mirror the document it mirrors), ``kind`` (``verbatim``, ``light``,
  ``heavy``, ``partial``, ``chain``, ``mirror-exact``, ``mirror-near``), ``child_site``,
  ``parent_site``, ``child_date``, ``parent_date`` and ``root`` (the original at the top of
  the child's lineage). Siblings are children of one parent; ``chain_transitive`` relations
  are not parents.

Deterministic: the same arguments give byte-identical files. All documents are held in
memory while the files are rewritten (fine up to tens of thousands of documents).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from random import Random
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_corpus  # a script beside this one, not a package

MIRROR_KINDS = ("mirror-exact", "mirror-near")
NEAR_EDITS = ("none", "source-line", "origin-line")
_NEAR_EDIT_WEIGHTS = (4, 4, 2)
MIRROR_LAG = (1, 5)  # days after the mirrored document
MIRROR_POOL_SHARE = 0.1  # share of the sites that do most of the mirroring
MIRROR_POOL_DRAW = 0.8  # chance that a mirror's site comes from that pool
_URL_NUMBER = re.compile(r"-\d+$")

DEFAULT_P_MIRRORED = 0.15
DEFAULT_MAX_MIRRORS = 4
DEFAULT_P_EXACT = 0.5


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _day(date: str) -> int:
    return dt.date.fromisoformat(date).toordinal()


def _strata(
    docs: list[dict[str, Any]], parents: dict[str, tuple[str, str]]
) -> dict[str, list[str]]:
    """Document ids by sort: ``original-copied``, ``original-alone``, each copy kind, and
    ``chain-b``/``chain-c`` (a chain document whose parent is an original, or is not)."""
    copied = {p for p, _ in parents.values()}
    out: dict[str, list[str]] = {}
    for d in docs:
        i = d["id"]
        if i not in parents:
            key = "original-copied" if i in copied else "original-alone"
        else:
            parent, kind = parents[i]
            key = kind if kind != "chain" else "chain-c" if parent in parents else "chain-b"
        out.setdefault(key, []).append(i)
    return out


def _choose_mirrored(strata: dict[str, list[str]], share: float, rng: Random) -> set[str]:
    """About ``share`` of each sort of document, at least one of every sort (when > 0)."""
    chosen: set[str] = set()
    if share <= 0:
        return chosen
    for key in sorted(strata):
        ids = sorted(strata[key])
        chosen.update(rng.sample(ids, min(len(ids), math.ceil(share * len(ids)))))
    return chosen


def _body(doc: dict[str, Any], bp: dict[str, str]) -> str:
    """The text between the site's header and footer (gen_corpus joins them with blank
    lines)."""
    text: str = doc["text"]
    head, foot = bp["header"] + "\n\n", "\n\n" + bp["footer"]
    if not (text.startswith(head) and text.endswith(foot)):
        raise ValueError(f"{doc['id']}: the text does not carry its site's header and footer")
    return text[len(head) : len(text) - len(foot)]


class _Mirrors:
    """Makes the mirror documents (provisional ids ``m<n>``).

    A body is mirrored only to sites that do not carry it yet: a near mirror of a verbatim
    copy's source on the copy's own site would be the copy itself, word for word."""

    def __init__(
        self,
        docs: list[dict[str, Any]],
        boilerplate: dict[str, dict[str, str]],
        seed: int,
        p_exact: float,
    ):
        self.bp = boilerplate
        self.sites_of: dict[str, set[str]] = {}  # body → sites that carry it
        for d in docs:
            self.sites_of.setdefault(_body(d, boilerplate[d["site"]]), set()).add(d["site"])
        self.hosts = sorted(boilerplate)
        self.rng = Random(f"{seed}:mirrors")
        size = min(len(self.hosts), max(3, round(MIRROR_POOL_SHARE * len(self.hosts))))
        self.pool = sorted(self.rng.sample(self.hosts, size))
        self.p_exact = p_exact
        self.count = 0

    def _site(self, taken: set[str]) -> str | None:
        rng = self.rng
        pool = [h for h in self.pool if h not in taken]
        if pool and rng.random() < MIRROR_POOL_DRAW:
            return rng.choice(pool)
        rest = [h for h in self.hosts if h not in taken]
        return rng.choice(rest) if rest else None

    def of(self, doc: dict[str, Any], n: int) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """Up to ``n`` mirrors of ``doc`` (fewer when the sites run out): per mirror its
        document record and its relation record (as in ``mirrors.jsonl``)."""
        rng = self.rng
        body = _body(doc, self.bp[doc["site"]])
        taken = self.sites_of[body]
        out = []
        for _ in range(n):
            site = self._site(taken)
            if site is None:
                break
            taken.add(site)
            date = dt.date.fromordinal(_day(doc["date"]) + rng.randint(*MIRROR_LAG))
            mirror_id = f"m{self.count}"
            self.count += 1
            if rng.random() < self.p_exact:
                kind, edit, text = "mirror-exact", None, doc["text"]
            else:
                kind = "mirror-near"
                edit = rng.choices(NEAR_EDITS, weights=_NEAR_EDIT_WEIGHTS)[0]
                paras = [body]
                if edit == "source-line":
                    paras.append(f"Source: {self.bp[doc['site']]['name']}")
                elif edit == "origin-line":
                    paras.insert(0, f"Originally published at {doc['url']}")
                own = self.bp[site]
                text = "\n\n".join([own["header"], *paras, own["footer"]])
            record = {
                "id": mirror_id,
                "site": site,
                "date": date.isoformat(),
                # the number is replaced with the final id's when ids are renumbered
                "url": f"https://{site}/{date.year:04d}/{date.month:02d}/"
                f"{gen_corpus._slug(doc['title'])}-0",
                "title": doc["title"],
                "text": text,
            }
            relation = {
                "source": doc["id"],
                "derived": mirror_id,
                "kind": kind,
                "source_site": doc["site"],
                "derived_site": site,
                "source_date": doc["date"],
                "derived_date": record["date"],
                "chars": len(body),
                **({"edit": edit} if edit else {}),
            }
            out.append((record, relation))
        return out


def _renumber(ids: list[str], seed: int) -> dict[str, str]:
    """Old id → new id ``d<number>``: a seeded permutation of 0..len(ids)-1."""
    numbers = list(range(len(ids)))
    Random(f"{seed}:lineage-ids").shuffle(numbers)
    width = max(6, len(str(len(ids) - 1)))
    return {old: f"d{num:0{width}d}" for old, num in zip(ids, numbers, strict=True)}


def _root(child: str, parents: dict[str, str]) -> str:
    while child in parents:
        child = parents[child]
    return child


def generate(
    n_docs: int,
    out_dir: str | Path,
    seed: int = 1,
    sites: int = 200,
    *,
    p_mirrored: float = DEFAULT_P_MIRRORED,
    max_mirrors: int = DEFAULT_MAX_MIRRORS,
    p_exact: float = DEFAULT_P_EXACT,
    **corpus_options: Any,
) -> dict[str, Any]:
    """Write the corpus with mirrors and its lineage truth into ``out_dir``; return its
    statistics (also in stats.json).

    ``n_docs`` documents come from ``gen_corpus.generate`` (``corpus_options`` are its
    keyword options: proportions, ``max_fanout``, ``pan_dir``, ...; ``one_copy_per_site``
    is on unless told otherwise); the mirrors come on
    top. ``p_mirrored``: share of the documents of each sort that get mirrors;
    ``max_mirrors``: at most this many mirrors a document (1 is likeliest);
    ``p_exact``: chance that a mirror is an exact copy."""
    if not 0 <= p_mirrored <= 1 or not 0 <= p_exact <= 1:
        raise ValueError("p_mirrored and p_exact are shares between 0 and 1")
    if max_mirrors < 1:
        raise ValueError("max_mirrors must be at least 1")
    out = Path(out_dir)
    # Two copies of one original by one site can be the same text, word for word: an
    # index keeps one of them, and neither is the other's parent.
    corpus_options.setdefault("one_copy_per_site", True)
    stats = gen_corpus.generate(n_docs, out, seed=seed, sites=sites, **corpus_options)
    docs = _read_jsonl(out / "docs.jsonl")
    truth = _read_jsonl(out / "truth.jsonl")
    siblings = _read_jsonl(out / "siblings.jsonl")
    provenance = {p["id"]: p["pieces"] for p in _read_jsonl(out / "provenance.jsonl")}
    boilerplate = json.loads((out / "boilerplate.json").read_text(encoding="utf-8"))

    links = {
        r["derived"]: (r["source"], r["kind"]) for r in truth if r["kind"] != "chain_transitive"
    }
    strata = _strata(docs, links)
    stratum_of = {i: key for key, ids in strata.items() for i in ids}
    chosen = _choose_mirrored(strata, p_mirrored, Random(f"{seed}:mirrored"))
    maker = _Mirrors(docs, boilerplate, seed, p_exact)
    weights = [max_mirrors + 1 - k for k in range(1, max_mirrors + 1)]
    mirror_docs: list[dict[str, Any]] = []
    mirror_rels: list[dict[str, Any]] = []
    mirrored_by: Counter[str] = Counter()
    for doc in docs:
        if doc["id"] not in chosen:
            continue
        n = maker.rng.choices(range(1, max_mirrors + 1), weights=weights)[0]
        made = maker.of(doc, n)
        mirrored_by[stratum_of[doc["id"]]] += 1
        for record, relation in made:
            mirror_docs.append(record)
            mirror_rels.append(relation)
            links[record["id"]] = (doc["id"], relation["kind"])
            provenance[record["id"]] = provenance[doc["id"]]

    every = docs + mirror_docs
    new = _renumber([d["id"] for d in every], seed)
    old_url = {d["id"]: d["url"] for d in docs}
    for d in every:
        d["id"] = new[d["id"]]
        d["url"] = _URL_NUMBER.sub(f"-{int(d['id'][1:])}", d["url"])
    new_url = {d["id"]: d["url"] for d in every}
    for r, d in zip(mirror_rels, mirror_docs, strict=True):
        if r.get("edit") == "origin-line":  # it quotes the mirrored document's URL
            src = r["source"]
            d["text"] = d["text"].replace(old_url[src], new_url[new[src]], 1)
    Random(f"{seed}:order").shuffle(every)
    by_id = {d["id"]: d for d in every}

    def renamed(rec: dict[str, Any]) -> dict[str, Any]:
        out = dict(rec)
        for key in ("source", "derived", "via"):
            if key in out:
                out[key] = new[out[key]]
        return out

    _write_jsonl(out / "docs.jsonl", every)
    _write_jsonl(out / "truth.jsonl", map(renamed, truth))
    _write_jsonl(out / "siblings.jsonl", map(renamed, siblings))
    _write_jsonl(out / "mirrors.jsonl", map(renamed, mirror_rels))
    old_of = {v: k for k, v in new.items()}
    _write_jsonl(
        out / "provenance.jsonl",
        ({"id": d["id"], "pieces": provenance[old_of[d["id"]]]} for d in every),
    )

    parent_of = {new[c]: new[p] for c, (p, _) in links.items()}
    lineage = []
    for child in sorted(parent_of):
        parent = parent_of[child]
        c, p = by_id[child], by_id[parent]
        lineage.append(
            {
                "child": child,
                "parent": parent,
                "kind": links[old_of[child]][1],
                "child_site": c["site"],
                "parent_site": p["site"],
                "child_date": c["date"],
                "parent_date": p["date"],
                "root": _root(child, parent_of),
            }
        )
    _write_jsonl(out / "lineage.jsonl", lineage)

    position = {d["id"]: k for k, d in enumerate(every)}
    groups: dict[str, list[str]] = {}  # mirrored document → its exact mirrors
    for r in mirror_rels:
        if r["kind"] == "mirror-exact":
            groups.setdefault(new[r["source"]], []).append(new[r["derived"]])
    stats["lineage"] = {
        "docs_total": len(every),
        "mirrored_documents": sum(mirrored_by.values()),
        "mirrored_by_sort": dict(sorted(mirrored_by.items())),
        "mirrors": {k: sum(r["kind"] == k for r in mirror_rels) for k in MIRROR_KINDS},
        "near_edits": {e: sum(r.get("edit") == e for r in mirror_rels) for e in NEAR_EDITS},
        "exact_mirror_first": sum(
            min(position[m] for m in ms) < position[src] for src, ms in groups.items()
        ),
        "exact_mirrored_documents": len(groups),
        "links": dict(sorted(Counter(rec["kind"] for rec in lineage).items())),
        "mirror_pool": maker.pool,
    }
    with open(out / "stats.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(stats, f, indent=1)
        f.write("\n")
    return stats


def load_lineage(path: str | Path) -> list[dict[str, Any]]:
    """The records of a lineage.jsonl (a directory: its lineage.jsonl)."""
    p = Path(path)
    return _read_jsonl(p / "lineage.jsonl" if p.is_dir() else p)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--docs", type=int, required=True, help="documents before the mirrors")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sites", type=int, default=200)
    ap.add_argument(
        "--p-mirrored",
        type=float,
        default=DEFAULT_P_MIRRORED,
        help="share of the documents (of each sort) that get mirrors",
    )
    ap.add_argument("--max-mirrors", type=int, default=DEFAULT_MAX_MIRRORS)
    ap.add_argument(
        "--p-exact", type=float, default=DEFAULT_P_EXACT, help="chance a mirror is exact"
    )
    for k, v in gen_corpus.DEFAULT_PROPORTIONS.items():
        ap.add_argument(f"--p-{k}", type=float, default=v, help=f"fraction of {k} documents")
    ap.add_argument("--max-fanout", type=int, default=3, help="documents copying one original")
    ap.add_argument("--pan-dir", default=str(gen_corpus.PAN_DIR))
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    stats = generate(
        args.docs,
        args.out,
        seed=args.seed,
        sites=args.sites,
        p_mirrored=args.p_mirrored,
        max_mirrors=args.max_mirrors,
        p_exact=args.p_exact,
        max_fanout=args.max_fanout,
        pan_dir=args.pan_dir,
        **{f"p_{k}": getattr(args, f"p_{k}") for k in gen_corpus.DEFAULT_PROPORTIONS},
    )
    lin = stats["lineage"]
    print(json.dumps(lin["links"]), file=sys.stderr)
    print(
        f"{lin['docs_total']} documents ({args.docs} + {sum(lin['mirrors'].values())} "
        f"mirrors of {lin['mirrored_documents']}) in {time.perf_counter() - t0:.1f} s "
        f"-> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
