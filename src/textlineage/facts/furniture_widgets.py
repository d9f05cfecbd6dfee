"""Page furniture of a page's widgets: a column of line numbers, a button in square
brackets, a promotion box that ends in a link with an arrow, an in-page table of contents
and a counter of readers who found a page useful.

- A pleading paper's or a PDF's column of line numbers, extracted as a run of lines each
  holding only the next number ("1", "2", ... "28"): at least :data:`MIN_NUMBERED`
  lines, counting up by one.
- A button written in square brackets, a call word after its icon ("[ ♡ Save search:
  houses for sale in the inner north ]", "[▶ WATCH: the week's best goals (2:14)]").
- A box that ends in a short link with an arrow ("Featured listing: 14 Albion Street ·
  3 bed · View ›", "BEER OF THE WEEK ▸ Our pick ... Read the review ›"): a story's
  sentence never ends in "›".
- A contents line ("In this report: 1 Overview · 2 Houses · 3 Units"), or one with its
  dot leader ("2. Temperature .......... 1").
- "214 investors found this update useful": a page's counter, not the story's number.
- A call that opens with its icon ("❤ Donate to the team — …", "🎧 Listen on Spotify").
- A row of buttons in brackets ("[Reply]  [Quote]  [👍 Thanks (41)]"), or a line ending
  in one ("Newsletter: … [Sign me up]"); a poll with its votes ("[Poll] … YES 18% · NO
  82% (3,410 votes)"); a comment counter ("Comments (0) — Be the first to comment"); a
  call to scroll ("KEEP SCROLLING FOR MORE ▼"); a link to more of a section ("MORE
  SHOWBIZ › Soap star's wedding"); a forum member's line ("Moderator · Joined Mar 2029 ·
  Posts: 6,118").

Marks a page's software writes into the text (:func:`widget_spans`):

- An encyclopedia's citation marks, written against the word or the stop before them
  ("in 1998.[1]", "hours[4][citation needed]"), the edit link closing a section's heading
  ("Career[edit]": the heading is the page's), the entries of its reference list ("1. ^
  "Practice profile". Malaysian Architects' Register.") and the banner asking readers to
  improve the article.
- A transcript's timecodes opening its lines ("[00:01:15] ACHIENG ODHIAMBO: …"), when at
  least :data:`MIN_TIMECODES` lines open with one (a schedule's "[10:30] Doors open" said
  once is the story's), and an ad read after one ("[00:00:35] [SPONSOR] This episode is
  brought to you by …").
"""

from __future__ import annotations

import regex

from . import furniture_lines as shapes

MIN_NUMBERED = 5
"""Lines of bare numbers counting up by one that make a column of line numbers."""
_WIDGET_MAX_WORDS = 45
"""The longest line read as a box ending in a link: a longer one is a paragraph."""

_CALLS = (
    r"save|watch|listen|play|subscribe|sign\s+(?:up|in|me\s+up)|download|view|share|follow"
    r"|get|book|register|read|shop|buy|donate|join|add|see|report|print|email|e-mail"
)
_BUTTON_RE = regex.compile(
    rf"\[[^\p{{L}}\p{{N}}\]]*+(?i:{_CALLS})\b[^\[\]\n]{{0,100}}\]",
)
"""A button in brackets: icons, then a call word (the whole line)."""
_ARROW_LINK_RE = regex.compile(
    r"(?:^|[.!?:·|•]\s+|\s{2,})(?:[\p{L}\p{N}'’&-]+\s+){0,3}[\p{L}\p{N}'’&-]+(?:\s*\(\d+\))?"
    r"\s*[›»→▸]$"
)
"""A short link with its arrow ending the line, after a sentence's end, a separator or
a gap."""
_CONTENTS_RE = regex.compile(
    r"(?i:in\s+this\s+(?:report|issue|article|guide|edition|document|section|update"
    r"|newsletter|briefing|bulletin)|(?:table\s+of\s+)?contents|on\s+this\s+page)\s*:\s*\S"
)
"""A contents line opening with its label."""
_USEFUL_RE = regex.compile(
    r"(?<![\p{L}\p{N}])\d[\d,.]*[KkMm]?\s+(?:[\p{L}-]+\s+){0,2}(?i:found\s+this)"
    r"\s+(?:[\p{L}-]+\s+)?(?i:useful|helpful)"
)
"""A counter of readers who found the page useful ("214 investors found this update
useful", "38 people found this helpful")."""
_BUTTONS_RE = regex.compile(r"(?:\[[^\[\]\n]{1,30}\]\s*+){2,}")
"""A row of two buttons or more in brackets."""
_END_BUTTON_RE = regex.compile(rf"\[\s*(?i:{_CALLS})\b[^\[\]\n]{{0,20}}\]$")
"""A button in brackets ending a line ("[Sign me up]")."""
_OTHER_RE = regex.compile(
    r"\[(?i:poll|survey|quiz)\][^\n]{0,200}\(\s*[\d,.]+[KkMm]?\s+(?i:votes?|responses?)\s*\)"
    r"|(?i:comments?)\s*\(\d+\)\s*(?:[—–|·-]\s*)?(?:(?i:be\s+the\s+first\s+to\s+comment)\.?)?"
    r"|(?i:keep\s+scrolling|scroll\s+(?:down\s+)?(?:for|to\s+(?:see|read))\s+more)\b[^\n]{0,30}"
    r"|(?:MORE|(?i:more\s+(?:from|in|on)))\s+[\p{L}&' ]{1,30}\s*[›»][^\n]{0,120}"
)
"""A poll with its votes, a comment counter, a call to scroll, a link to more of a section
(the whole line)."""
_MEMBER_RE = regex.compile(
    r"(?i:joined)\s+(?:\p{L}{3,9}\.?\s+)?(?:\d{1,2}\s+)?\d{4}\b.{0,80}?(?i:posts|messages)\s*:?\s*[\d,]+"
)
"""A forum member's line: when they joined and how many posts they wrote."""
_ICON_CALL_RE = regex.compile(rf"[\p{{So}}\p{{Sk}}\uFE0F\u200d ]+(?i:{_CALLS})\b\s+\D*")
"""A call that opens with its icon ("❤ Donate to the team — every call-out is run by
unpaid volunteers", "🎧 Listen on Spotify"): a button, however long its tail, when it
gives no figure ("■ Share prices fell 5%" is a bulleted fact)."""
_LEADER_RE = regex.compile(r"[^\n]{1,80}?[ \t]*(?:\.[ \t]?){4,}[ \t]*\d{1,4}")
"""A contents line with its dot leader and page ("2. Temperature .......... 1")."""
_CITATION_RE = regex.compile(
    r"(?<=[\p{L}\p{N}.,;:!?\"'”’)\]])\[(?:\d{1,3}|[a-z]|(?i:citation|clarification|verification"
    r"|page|year|date|source)\s+needed|(?i:(?:according\s+to\s+|by\s+)?whom|who|when|which|where"
    r"|dubious|discuss|why|how)\??|(?i:note|nb|n)\s*\d{1,3})\]"
)
"""A citation mark or a note's, written against what it marks ("1998.[1]", "[citation
needed]", "[a]", "[note 3]")."""
_EDIT_LINK_RE = regex.compile(r"\[(?i:edit(?:\s+source)?)\]$")
"""A section heading's edit link."""
_REFERENCE_RE = regex.compile(r"(?:\d{1,3}[.)]?\s*)?[\^↑](?:\s+[a-z](?=\s))*\s+\S.*")
"""An entry of a reference list: its number, then the caret (or arrow) back to its mark
and the letters of its marks ("1. ^ "Building cool".", "^ a b Lim, Wen Hui.")."""
_BANNER_RE = regex.compile(
    r"(?i:this\s+(?:article|section|biography|page|list|entry)\b.{0,300}?(?:please\s+(?:help\s+)?"
    r"improve\s+(?:this|it)\b|learn\s+how\s+and\s+when\s+to\s+remove\s+this))"
)
"""An encyclopedia's maintenance banner ("This article relies too much on references to
primary sources. Please improve this by adding secondary or tertiary sources.")."""
_BANNER_MAX_WORDS = 60
MIN_TIMECODES = 3
"""Lines opening with a timecode that make a transcript."""
_TIMECODE_RE = regex.compile(
    r"[\[(]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]\s*|\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?(?!\S)\s*"
)
"""A timecode opening a transcript's line, in brackets ("[00:01:15]", "(4:05)") or of
hours, minutes and seconds ("00:01:15")."""
_NUMBER_RE = regex.compile(r"\d{1,4}")
_ARROWS = ("›", "»", "→", "▸")
_TAIL_CHARS = 80


def widget_line(line: str, words: int) -> bool:
    """Is ``line`` (the whole line, ``words`` words) a button in brackets, a box ending in
    a link with an arrow, a contents line or a usefulness counter?"""
    line = line.strip()
    if _BUTTON_RE.fullmatch(line) or _CONTENTS_RE.match(line) or _BUTTONS_RE.fullmatch(line):
        return True
    if _LEADER_RE.fullmatch(line):
        return True
    if words <= _WIDGET_MAX_WORDS and (
        _OTHER_RE.fullmatch(line) or _END_BUTTON_RE.search(line) or _MEMBER_RE.search(line)
    ):
        return True
    if words <= _WIDGET_MAX_WORDS and (_USEFUL_RE.search(line) or _ICON_CALL_RE.fullmatch(line)):
        return True
    if words > _WIDGET_MAX_WORDS or not line.endswith(_ARROWS):
        return False
    start = max(0, len(line) - _TAIL_CHARS)  # the link is short: read the line's end only
    return _ARROW_LINK_RE.search(line, start) is not None


def line_number_spans(text: str, lines: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """The runs of at least :data:`MIN_NUMBERED` consecutive lines (of ``lines``: content
    spans, blank lines left out) each holding only a number one more than the line
    before: a column of line numbers. One span per run."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    last = -1
    for s, e, _ in lines:
        value = int(text[s:e]) if _NUMBER_RE.fullmatch(text, s, e) else None
        if value is not None and run and value == last + 1:
            run.append((s, e))
        else:
            if len(run) >= MIN_NUMBERED:
                out.append((run[0][0], run[-1][1]))
            run = [(s, e)] if value is not None else []
        last = value if value is not None else -1
    if len(run) >= MIN_NUMBERED:
        out.append((run[0][0], run[-1][1]))
    return out


def widget_spans(text: str, lines: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """The page's marks on its lines (see the module's rules) and its columns of line
    numbers (:func:`line_number_spans`)."""
    out = line_number_spans(text, lines)
    coded = [(s, e, m) for s, e, _ in lines if (m := _TIMECODE_RE.match(text, s, e))]
    if len(coded) >= MIN_TIMECODES:
        for s, e, m in coded:
            rest = text[m.end() : e]
            out.append((s, e) if shapes.ad_line(rest, len(rest.split())) else m.span())
    for s, e, _ in lines:
        line = text[s:e]
        banner = len(line.split()) <= _BANNER_MAX_WORDS and _BANNER_RE.match(line)
        if _EDIT_LINK_RE.search(line) or _REFERENCE_RE.fullmatch(line) or banner:
            out.append((s, e))
        else:
            out.extend(m.span() for m in _CITATION_RE.finditer(text, s, e))
    return out
