"""The HTML report's two highlight layers stay apart: passages shade, facts underline.

A reused passage is shown by its label (verbatim, near-verbatim, paraphrase, compression,
translation) and a fact by its status (changed, added, dropped, kept); where the two cover
the same words a reader must still tell them apart, on paper and without colour. So the
passage rules may only shade the background and the fact rules may only underline; each
label has its own pattern and each status its own line style once colours are set aside;
the legend names every one; and every highlighted segment's tooltip names its label and
status in words. Checked on the bundled example pair's report, in the style sheet and, when
Chromium is installed, in the browser's computed styles (also under print).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO
from textlineage import compare, read_document
from textlineage.report import render_html
from textlineage.types import PASSAGE_KINDS

EXAMPLE = REPO / "examples" / "seed"
STATUSES = ("changed", "added", "dropped", "kept")
LABELS = {
    "verbatim": "Verbatim",
    "near_verbatim": "Near-verbatim",
    "paraphrase": "Paraphrase",
    "compression": "Compression",
    "translation": "Translation",
}
# What may draw a line under or around text, and what shades behind it.
LINE_PROPS = ("border", "text-decoration", "outline", "box-shadow")
SHADE_PROPS = ("background",)


@pytest.fixture(scope="module")
def page() -> str:
    a = read_document(str(EXAMPLE / "source_report.txt"))
    b = read_document(str(EXAMPLE / "derived_article.txt"))
    return render_html(compare(a, b))


# -- the style sheet --------------------------------------------------------------------

Rule = tuple[tuple[str, ...], str, dict[str, str]]


def css_rules(css: str) -> list[Rule]:
    """(enclosing at-rules, selector list, declarations) of every rule of ``css``."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules: list[Rule] = []
    outer: list[str] = []
    i = 0
    while True:
        opening, closing = css.find("{", i), css.find("}", i)
        if closing != -1 and (opening == -1 or closing < opening):
            outer.pop()
            i = closing + 1
            continue
        if opening == -1:
            return rules
        head = " ".join(css[i:opening].split())
        if head.startswith("@"):
            outer.append(head)
            i = opening + 1
            continue
        end = css.index("}", opening)
        decls = {}
        for decl in css[opening + 1 : end].split(";"):
            if ":" in decl:
                prop, value = decl.split(":", 1)
                decls[prop.strip()] = " ".join(value.split())
        rules.append((tuple(outer), head, decls))
        i = end + 1


def inline_css(html: str) -> str:
    m = re.search(r"<style>(.*?)</style>", html, re.S)
    assert m
    return m.group(1)


def selected(rules: list[Rule], cls: str) -> list[dict[str, str]]:
    """The declarations of the rules (outside keyframes) with a selector naming ``cls``."""
    pattern = re.compile(rf"\.{re.escape(cls)}(?![\w-])")
    return [
        decls
        for outer, head, decls in rules
        if not any("keyframes" in o for o in outer)
        and any(pattern.search(sel) for sel in head.split(","))
    ]


def without_colour(decls: list[dict[str, str]]) -> str:
    """The declarations with every colour (and tint strength) taken out: what is left is
    what a reader who cannot see the colour, or a grey print, still has."""
    out = []
    for d in decls:
        for prop, value in sorted(d.items()):
            if prop in ("--c", "--a") or prop.endswith("color"):
                continue
            value = re.sub(r"var\(--c\)", "C", value)
            value = re.sub(r"rgba?\([^()]*\)|#[0-9a-fA-F]{3,8}\b", "COLOUR", value)
            out.append(f"{prop}:{value}")
    return ";".join(out)


def test_passages_shade_and_facts_underline_each_in_its_own_style(page: str) -> None:
    rules = css_rules(inline_css(page))
    passage_rules = [d for k in (*PASSAGE_KINDS, "other") for d in selected(rules, f"k-{k}")]
    passage_rules += selected(rules, "sw") + selected(rules, "multi")
    passage_rules += [d for _o, head, d in rules if ".seg[data-p]" in head.split(",")]
    fact_rules = [d for s in STATUSES for d in selected(rules, f"f-{s}")]
    fact_rules += [d for _o, head, d in rules if head.split(",") == [".fact"]]
    assert passage_rules and fact_rules
    for decls in passage_rules:
        lines = [p for p in decls if p.startswith(LINE_PROPS) and p != "border-radius"]
        assert not lines, f"a passage style draws a line: {decls}"
    for decls in fact_rules:
        shades = [p for p in decls if p.startswith(SHADE_PROPS)]
        assert not shades, f"a fact style shades: {decls}"
    # The patterns reach the text: the shaded segments paint the label's pattern.
    assert any(d.get("background-image") == "var(--pat)" for d in passage_rules)
    assert any(d.get("text-decoration-line") == "underline" for d in fact_rules)

    kinds = {k: without_colour(selected(rules, f"k-{k}")) for k in (*PASSAGE_KINDS, "other")}
    assert all("--pat:" in sig for sig in kinds.values()), kinds
    assert len(set(kinds.values())) == len(kinds), kinds
    statuses = {s: without_colour(selected(rules, f"f-{s}")) for s in STATUSES}
    assert all("text-decoration-style:" in sig for sig in statuses.values()), statuses
    styles = {x for sig in statuses.values() for x in re.findall(r"decoration-style:(\w+)", sig)}
    assert len(styles) == len(STATUSES), statuses
    # Print keeps the shading (browsers drop backgrounds unless told).
    assert any(d.get("print-color-adjust") == "exact" for d in passage_rules)


class _Marks(HTMLParser):
    """The legend's swatches and the panes' highlighted segments."""

    def __init__(self) -> None:
        super().__init__()
        self.legend: list[tuple[str, str, str]] = []  # (layer, classes, text)
        self.segs: list[dict[str, str]] = []
        self._open: tuple[str, str] | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "data-legend" in a:
            self._open = (a["data-legend"], a.get("class", ""))
            self._text = ""
        elif tag == "span" and "seg" in a.get("class", "").split():
            self.segs.append(a)

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == "span":
            self.legend.append((*self._open, self._text))
            self._open = None


def test_the_legend_names_every_style_and_each_mark_says_what_it_is(page: str) -> None:
    marks = _Marks()
    marks.feed(page)
    legend = {(layer, cls): text for layer, cls, text in marks.legend}
    for kind in PASSAGE_KINDS:
        assert legend[("passage", f"sw k-{kind}")] == LABELS[kind]
    for status in STATUSES:
        assert legend[("fact", f"fact f-{status}")] == f"fact {status}"
    assert "2+ passages" in next(t for (layer, _c), t in legend.items() if layer == "overlap")
    assert '<span class="group">Reused passages (shading):</span>' in page
    assert '<span class="group">Facts (underline):</span>' in page

    # Every class the panes use is in the legend, and every highlighted segment's
    # tooltip names its passages' labels and its facts' statuses in words.
    shown = {c for _l, cls, _t in marks.legend for c in cls.split()}
    used: set[str] = set()
    both = 0
    for seg in marks.segs:
        classes = seg["class"].split()
        used |= {c for c in classes if c.startswith(("k-", "f-")) or c == "multi"}
        title = seg["title"]
        for c in classes:
            if c.startswith("k-"):
                assert f"· {LABELS[c[2:]]} ·" in title.split("\n")[0], title
            if c.startswith("f-"):
                assert f"Fact {c[2:]} ·" in title, title
        both += any(c.startswith("k-") for c in classes) and "fact" in classes
    assert used <= shown, used - shown
    assert {"k-verbatim", "k-paraphrase", "k-compression"} <= used
    assert {f"f-{s}" for s in STATUSES} <= used
    assert both > 50  # the example pair has many facts inside passages: the case at stake


# -- in the browser ---------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
_STYLE = """el => { const s = getComputedStyle(el); return {
  bgImage: s.backgroundImage, bgColor: s.backgroundColor,
  line: s.textDecorationLine, lineStyle: s.textDecorationStyle,
  lineColor: s.textDecorationColor, border: s.borderBottomWidth + s.borderTopWidth
    + s.borderLeftWidth + s.borderRightWidth, outline: s.outlineStyle,
  shadow: s.boxShadow, print: s.printColorAdjust, overflow: s.overflowY,
  cls: el.className}; }"""


def _no_colour(value: str) -> str:
    return re.sub(r"rgba?\([^()]*\)", "COLOUR", value)


def test_computed_styles_in_chromium(page: str, tmp_path: Path) -> None:
    """What the browser actually paints: the legend's swatches differ without colour, the
    segments in the panes paint exactly their swatch's style, and print keeps it."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            tab = browser.new_page(viewport={"width": 1440, "height": 1000})
            errors: list[str] = []
            tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            tab.goto(report.as_uri())
            swatch = {
                cls: tab.locator(f'.legend [data-legend][class="{cls}"]').evaluate(_STYLE)
                for cls in [f"sw k-{k}" for k in PASSAGE_KINDS] + [f"fact f-{s}" for s in STATUSES]
            }
            passages = {c: s for c, s in swatch.items() if c.startswith("sw")}
            facts = {c: s for c, s in swatch.items() if c.startswith("fact")}
            for s in passages.values():
                assert s["line"] == "none" and s["border"] == "0px0px0px0px", s
                assert s["outline"] == "none" and s["shadow"] == "none", s
            for s in facts.values():
                assert s["bgImage"] == "none" and s["bgColor"] == "rgba(0, 0, 0, 0)", s
                assert s["line"] == "underline" and s["border"] == "0px0px0px0px", s
            # Told apart without colour: a pattern per label, a line style per status.
            assert len({_no_colour(s["bgImage"]) for s in passages.values()}) == len(passages)
            assert len({s["lineStyle"] for s in facts.values()}) == len(facts)

            # Segments in the panes paint their swatch's pattern and line.
            for kind in ("verbatim", "paraphrase", "compression"):
                seg = tab.locator(f".pane .seg.k-{kind}:not(.multi)").first.evaluate(_STYLE)
                assert seg["bgImage"] == swatch[f"sw k-{kind}"]["bgImage"], kind
                assert seg["bgColor"] == swatch[f"sw k-{kind}"]["bgColor"], kind
            for status in STATUSES:
                seg = tab.locator(f".pane .seg[data-p].f-{status}").first.evaluate(_STYLE)
                want = swatch[f"fact f-{status}"]
                assert (seg["lineStyle"], seg["lineColor"]) == (
                    want["lineStyle"],
                    want["lineColor"],
                ), status
                # inside a passage, the fact keeps the passage's shading (verbatim: a tint)
                assert seg["bgImage"] != "none" or "k-verbatim" in seg["cls"], seg
            (REPO / "test-artifacts").mkdir(exist_ok=True)
            tab.locator(".legend").screenshot(path=str(REPO / "test-artifacts/report-legend.png"))
            tab.locator("#pane-1").screenshot(path=str(REPO / "test-artifacts/report-pane-b.png"))

            # On paper: the shading is kept and the panes are printed whole.
            tab.emulate_media(media="print")
            seg = tab.locator(".pane .seg.k-paraphrase").first.evaluate(_STYLE)
            assert seg["print"] == "exact" and seg["bgImage"] != "none"
            assert tab.locator("#pane-0").evaluate(_STYLE)["overflow"] == "visible"
            assert errors == []
        finally:
            browser.close()
