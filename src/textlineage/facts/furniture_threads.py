"""Page furniture of threads, feeds and documents' margins, each told by a line's shape:
a forum thread's starter line and a reply's header ("Re: …") with the short reply below
it, a post's subject line alone, a top comment quoted under a post, a community's handle
alone on a line ("r/…"), a link line (a label and a bare web address), a question to the
reader with a call ("Enjoyed this? …"), an app's promotion, a document's confidentiality
notice, and a helpline sentence addressed to any reader ("If you or someone you know …,
call …").

None of them is a sentence of the story: a reply is another poster's, a top comment a
reader's, a helpline the same on every page of its issuer. :mod:`.furniture` uses them
beside its own rules.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

Span = tuple[int, int]

_HANDLE = r"@?(?:[ru]/)?[\p{L}\p{N}][\p{L}\p{N}_.-]{1,30}"
_THREAD_SEP_RE = regex.compile(r"\s*[»|·•]\s*|\s+[—–]\s+|\s+-\s+")
_SUBJECT_RE = regex.compile(r"(?i:re|fwd?)\s*:\s*\S.{0,100}")
"""A reply's subject: the thread's title after "Re:"."""
_STARTED_RE = regex.compile(
    r"(?i:(?:thread|topic|post|reply|comment|question)\s+)?"
    r"(?i:started|posted|written|replied|submitted|asked|answered)\s+(?i:by)\s+"
    rf"{_HANDLE}(?:\s+(?i:on|at)\s+(?P<stamp>\S.*))?"
)
"""Who started a thread or wrote a reply, perhaps with the stamp after "on"."""
_THREAD_MAX_WORDS = 24
_TOP_COMMENT_RE = regex.compile(
    r"(?i:top|best|most[- ]liked|most[- ]upvoted|highest[- ]rated|featured|pinned|first)\s+"
    rf"(?i:comment|reply|answer|response)(?:\s+(?i:by|from)\s+{_HANDLE})?\s*:\s*\S.*"
)
"""A reader's comment quoted below a post ("Top comment by u/gull: …")."""
_TOP_COMMENT_MAX_WORDS = 40
_COMMUNITY_RE = regex.compile(r"(?:[ru]/|@)[\p{L}\p{N}_]{2,40}")
"""A community's or an account's handle alone on a line ("r/HolmFerries", "@holmwatch")."""
_WEB = r"(?:https?://)?(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?:/\S*)?"
_LINK_LINE_RE = regex.compile(rf"\p{{Lu}}[\p{{L}}'’-]*(?:\s+[\p{{L}}'’-]+){{0,5}}\s*:\s*{_WEB}")
"""A label and a bare web address, nothing else ("Back the show: example.org/give")."""
_APP_RE = regex.compile(
    r"(?i:get|download|install|try)\s+(?i:the|our)\s+(?:(?i:free|new)\s+)?"
    r"(?:[\p{L}\p{N}'’&.-]+\s+){0,4}(?i:app)\b[^.\n]{0,60}"
)
"""An app's promotion ("Get the Ferry Times app! ★★★★★")."""
_APP_MAX_WORDS = 15
_ENJOYED_RE = regex.compile(
    r"(?i:enjoyed|liked|like|love|loved|found)\s+(?i:this|reading\s+this|this\s+[\p{L}-]+)"
    r"(?:\s+(?i:useful|helpful))?\s*\?\s*\S.{0,60}"
)
"""A question to the reader about the page, then a short call ("Enjoyed this? Buy me a
coffee ☕", "Found this useful? Share it")."""
_ENJOYED_MAX_WORDS = 12
_SUBJECT_MAX_WORDS = 12
_MARK_RE = regex.compile(
    r"(?i:(?:strictly\s+|private\s+(?:and|&)\s+)?confidential|(?:for\s+)?internal\s+(?:use|distribution)"
    r"(?:\s+only)?|internal\s+only|do\s+not\s+(?:forward|distribute|share|circulate|copy|reproduce)"
    r"(?:\s+(?:externally|outside\s+the\s+(?:company|organi[sz]ation)))?"
    r"|not\s+for\s+(?:distribution|circulation|external\s+use))[.!]?"
)
"""A document's confidentiality mark ("Confidential.", "Internal use only.")."""
_MARK_SEP_RE = regex.compile(r"\s+[—–-]\s+|\s*[|·•]\s*|(?<=[.!])\s+")
_ORG_RE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}\p{N}'’&-]*(?:,?\s+[\p{Lu}&][\p{L}\p{M}\p{N}'’&.-]*){0,5}\.?"
)
_MARK_MAX_WORDS = 20
_HELPLINE_RE = regex.compile(
    r"(?<![^\s\"“(])(?i:if\s+you\s+or\s+(?:someone|anyone|a\s+(?:friend|loved\s+one|family\s+member))"
    r"\s+you\s+know)\b[^.!?\n]{0,160}?,\s*(?i:please\s+)?(?i:call|text|phone|ring|contact|visit|reach)"
    r"\b[^\n]{0,80}?(?:[.!](?=\s|$)|$)"
)
"""A helpline sentence to any reader ("If you or someone you know needs support, call
…"): the issuer's standing advice, no claim of the story."""


def thread_header(line: str, dated: Callable[[str], bool]) -> bool:
    """A forum thread's starter line or a reply's header: perhaps a reply's subject
    ("Re: …"), who started or wrote the post and its date or time stamp (``dated``),
    split by ``»``, bars, dots or spaced dashes ("Thread started by gull_wing » Sat 3
    May 2027 08:12")."""
    line = line.strip()
    if len(line.split()) > _THREAD_MAX_WORDS:
        return False
    parts = [p.strip(" ,") for p in _THREAD_SEP_RE.split(line) if p.strip(" ,")]
    by = stamp = False
    for i, p in enumerate(parts):
        m = _STARTED_RE.fullmatch(p)
        if m is not None:
            by = True
            stamp = stamp or (m.group("stamp") is not None and dated(m.group("stamp")))
        elif dated(p):
            stamp = True
        elif not (i == 0 and _SUBJECT_RE.fullmatch(p)):
            return False
    return by and stamp


def reply_header(line: str, dated: Callable[[str], bool]) -> bool:
    """A reply's header: :func:`thread_header` with a subject opening it ("Re: …")."""
    return _SUBJECT_RE.match(line.strip()) is not None and thread_header(line, dated)


def line(text: str, words: int, dated: Callable[[str], bool]) -> bool:
    """Is ``text`` (one line of ``words`` words) a thread's header or a post's subject
    ("Re: …") alone, a top comment, a community's handle, a link line, a question to the
    reader with a call, an app's promotion or a confidentiality notice?"""
    text = text.strip()
    return bool(
        thread_header(text, dated)
        or (words <= _SUBJECT_MAX_WORDS and _SUBJECT_RE.fullmatch(text))
        or (words <= _ENJOYED_MAX_WORDS and _ENJOYED_RE.fullmatch(text))
        or (words <= _TOP_COMMENT_MAX_WORDS and _TOP_COMMENT_RE.fullmatch(text))
        or _COMMUNITY_RE.fullmatch(text)
        or _LINK_LINE_RE.fullmatch(text)
        or (words <= _APP_MAX_WORDS and _APP_RE.fullmatch(text))
        or (words <= _MARK_MAX_WORDS and _confidential(text))
    )


def _confidential(text: str) -> bool:
    """A confidentiality notice: marks (:data:`_MARK_RE`), perhaps after the issuer's
    name ("Fenwick Mills Ltd — Confidential. Do not forward.")."""
    parts = [p.strip() for p in _MARK_SEP_RE.split(text) if p.strip()]
    marks = [_MARK_RE.fullmatch(p) is not None for p in parts]
    return any(marks) and all(
        mark or (i == 0 and _ORG_RE.fullmatch(p))
        for i, (mark, p) in enumerate(zip(marks, parts, strict=True))
    )


def reply_spans(
    text: str,
    lines: list[tuple[int, int, bool]],
    short: int,
    dated: Callable[[str], bool],
) -> list[Span]:
    """The lines below a reply's header (:func:`reply_header`) to the end of the text, when
    each is shorter than ``short`` words: another poster's reply, not the story."""
    for i, (s, e, _) in enumerate(lines):
        if i > 0 and reply_header(text[s:e], dated):
            rest = lines[i + 1 :]
            if all(len(text[a:b].split()) < short for a, b, _ in rest):
                return [(a, b) for a, b, _ in rest]
            return []
    return []


def inline_spans(text: str, s: int, e: int) -> list[Span]:
    """Helpline sentences inside the line ``s:e`` (:data:`_HELPLINE_RE`)."""
    return [m.span() for m in _HELPLINE_RE.finditer(text, s, e)]
