"""Page furniture of threads, feeds and documents' margins, each told by a line's shape:
a forum thread's starter line and a reply's header ("Re: …") with the short reply below
it, a post's subject line alone, a top comment quoted under a post, a community's handle
alone on a line ("r/…"), a link line (a label and a bare web address), a question to the
reader with a call ("Enjoyed this? …"), an app's promotion, a document's confidentiality
notice, a helpline sentence addressed to any reader ("If you or someone you know …,
call …"), a transcript's time stamp on a speaker's label ("Ms HOLT (South Coast)
(14:07): …"), and a broadcast transcript's speaker labels ("ANCHOR (DANA PRUITT): …").

None of them is a sentence of the story: a reply is another poster's, a top comment a
reader's, a helpline the same on every page of its issuer. :mod:`.furniture` uses them
beside its own rules.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

import regex

Span = tuple[int, int]

_HANDLE = r"@?(?:[ru]/)?[\p{L}\p{N}][\p{L}\p{N}_.-]{1,30}"
_THREAD_SEP_RE = regex.compile(
    r"(?:\G|(?<!\s))\s*+[»|·•]\s*|(?:\G|(?<!\s))\s++[—–]\s+|(?:\G|(?<!\s))\s++-\s+"
)
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
    r"(?i:top|best|most[- ]liked|most[- ]upvoted|highest[- ]rated|featured|pinned)\s+"
    rf"(?i:comment|reply|answer|response)(?:\s+(?i:by|from)\s+{_HANDLE})?\s*:\s*\S.*"
)
"""A reader's comment quoted below a post ("Top comment by u/gull: …"), or another
poster's reply under the post ("Reply from gull77: …")."""
_REPLY_FROM_RE = regex.compile(rf"(?i:reply|response|answer)\s+(?i:from|by)\s+{_HANDLE}\s*:\s*\S.*")
_TOP_COMMENT_MAX_WORDS = 40
_COMMUNITY_RE = regex.compile(r"(?:[ru]/|@)[\p{L}\p{N}_]{2,40}")
"""A community's or an account's handle alone on a line ("r/HolmFerries", "@holmwatch")."""
_WEB = r"(?:https?://)?(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?:/\S*)?"
_LINK_LINE_RE = regex.compile(rf"\p{{Lu}}[\p{{L}}'’-]*(?:\s+[\p{{L}}'’-]+){{0,5}}\s*:\s*{_WEB}")
"""A label and a bare web address, nothing else ("Back the show: example.org/give")."""
_APP_RE = regex.compile(
    r"(?:[^.:!?\n]{1,60}[:—–]\s*)?(?i:get|download|install|try)\s+(?i:the|our)\s+(?:(?i:free|new)\s+)?"
    r"(?:[\p{L}\p{N}'’&.-]+\s+){0,4}(?i:app)\b[^.\n]{0,60}"
)
"""An app's promotion ("Get the Ferry Times app! ★★★★★"), perhaps after what it offers
("Tide alerts on your phone: download our app")."""
_APP_MAX_WORDS = 15
_ENJOYED_RE = regex.compile(
    r"(?:(?i:enjoyed|liked|like|love|loved|found)\s+(?i:this|reading\s+this|this\s+[\p{L}-]+)"
    r"(?:\s+(?i:useful|helpful))?|(?i:want|like)\s+(?i:more)\s+(?:[\p{L}-]+\s+){0,2}(?i:like\s+this))"
    r"\s*\?\s*\S.{0,60}"
)
"""A question to the reader about the page, then a short call ("Liked this? Buy us a
tea ☕", "Found this useful? Share it", "Want more stories like this? Follow us")."""
_ENJOYED_MAX_WORDS = 12
_SUBJECT_MAX_WORDS = 12
_EPISODE_RE = regex.compile(
    r"(?:(?i:season|series)\s+\d{1,3},?\s+)?(?i:episode|ep\.?)\s*\d{1,4}\s*[:—–-]\s*\S[^.!?]{0,80}"
)
"""A podcast's or a series' episode line ("Episode 42: The last ferry")."""
_PODCAST_CALL_RE = regex.compile(
    r"(?i:listen|subscribe|follow|download)\b.{0,80}\b(?i:wherever|anywhere)\s+you\s+"
    r"(?i:get|find|listen\s+to|hear)\s+(?i:your\s+)?(?i:podcasts?|audio|shows?)\.?"
)
"""A call to listen "wherever you get your podcasts"."""
_AD_ALONE_RE = regex.compile(
    r"[\[(—–-]?\s*(?i:advertisement|advert|ad|sponsored(?:\s+content)?|promoted|paid\s+content"
    r"|partner\s+content|(?:presented|sponsored|brought\s+to\s+you|powered)\s+by"
    r"|(?:a\s+(?:word|message)\s+)?from\s+our\s+(?:sponsors?|partners?))\s*[\])—–-]?"
)
"""An ad's label alone on its line ("ADVERTISEMENT", "[Sponsored]", "— PRESENTED BY —",
"A word from our sponsor")."""
_AD_BLOCK_MAX_LINES = 4
_AD_BLOCK_MAX_WORDS = 15
_EMBED_RE = regex.compile(
    r"(?:[—–-]\s*)?\p{Lu}[^()\n]{0,60}\(@[\p{L}\p{N}_]{1,30}\)\s*(?P<when>\S.{0,40})"
    r"|(?:https?://)?pic\.twitter\.com/\S+"
)
"""A social post's embed line: a dash (perhaps taken off as an icon), the poster's name,
the handle in parentheses and the post's date ("— Holm Ferries (@holmferries) May 3,
2027"), or its picture link."""
_EMBED_MAX_WORDS = 14
_LINK_ALONE_RE = regex.compile(
    r"(?:https?://|www\.)\S+|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/\S*"
)
"""A web address alone on its line, with its scheme, "www." or a path."""
_DOC_NUMBER_RE = regex.compile(
    r"\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,2}\s+(?:(?i:no\.?)\s*)?"
    r"(?:\p{Lu}{0,4}\d{1,4}/(?:19|20)\d{2}|\d{1,4}\s+(?i:of)\s+(?:19|20)\d{2})"
)
"""A document's label and its number for the year, alone on a line ("Bulletin 3/2027",
"Notice No. 27 of 2027")."""
_DOC_NUMBER_MAX_WORDS = 6
_CLASSIFIED_RE = regex.compile(
    r"(?i:(?:security\s+)?classification|protective\s+marking|handling)\s*:\s*"
    r"\p{Lu}[\p{Lu}-]+(?:\s+\p{Lu}[\p{Lu}-]+){0,3}"
)
"""A document's protective marking ("Classification: OFFICIAL-SENSITIVE")."""
_MARK_RE = regex.compile(
    r"(?i:(?:strictly\s+|private\s+(?:and|&)\s+)?confidential|(?:for\s+)?internal\s+(?:use|distribution)"
    r"(?:\s+only)?|internal\s+only|do\s+not\s+(?:forward|distribute|share|circulate|copy|reproduce)"
    r"(?:\s+(?:externally|outside\s+the\s+(?:company|organi[sz]ation)))?"
    r"|not\s+for\s+(?:distribution|circulation|external\s+use))[.!]?"
)
"""A document's confidentiality mark ("Confidential.", "Internal use only.")."""
_MARK_SEP_RE = regex.compile(r"(?:\G|(?<!\s))\s++[—–-]\s+|(?:\G|(?<!\s))\s*+[|·•]\s*|(?<=[.!])\s+")
_ORG_RE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}\p{N}'’&-]*(?:,?\s+[\p{Lu}&][\p{L}\p{M}\p{N}'’&.-]*){0,5}\.?"
)
_MARK_MAX_WORDS = 20
_HELPLINE_RE = regex.compile(
    r"(?<![^\s\"“(])(?i:if\s+you\s+or\s+(?:someone|anyone|a\s+(?:friend|loved\s+one|family\s+member))"
    r"\s+you\s+know|if\s+you(?:['’]ve|\s+have)\s+been\s+affected\s+by)\b[^.!?\n]{0,160}?,\s*(?i:please\s+)?(?i:call|text|phone|ring|contact|visit|reach)"
    r"\b[^\n]{0,80}?(?:[.!](?=\s|$)|$)"
)
"""A helpline sentence to any reader ("If you or someone you know needs support, call
…", "If you have been affected by the issues in this story, call …"): the issuer's
standing advice, no claim of the story."""
_SPEECH_STAMP_RE = regex.compile(
    r"(?P<label>[\p{Lu}](?:[^\n:!?.]|\.(?!\s)){0,100}?)[ \t]*+"
    r"(?P<stamp>\([ \t]*+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[ \t]*+\))[ \t]*+:"
)
_SPEAKER_RE = regex.compile(r"(?<![\p{L}])\p{Lu}[\p{Lu}'’-]*\p{Lu}(?![\p{L}])")
"""A transcript's speaker label with the time the speech began ("Mr KYLE (Ballarat
East—Minister for Health) (14:08): …"): the record's clock, no fact of what was said.
The label names its speaker in capitals (:data:`_SPEAKER_RE`: "Ms TREMAYNE-HOLT", "The
SPEAKER"), unlike a sentence of prose ("Doors open at the usual time (10:30): bring …")."""


_STREET_HEADS = (
    r"(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|boulevard|blvd|place|pl|square|sq"
    r"|court|ct|crescent|close|terrace|parade|row|walk|gardens|highway|hwy|pike|quay)"
)
_STREET_RE = regex.compile(
    r"(?:\p{Lu}[\p{L}\p{M}'’.&-]*(?:\s+[\p{Lu}&][\p{L}\p{M}'’.&-]*){0,4},\s*)?"
    r"\d{1,5}[A-Za-z]?(?:[-–]\d{1,5})?\s+(?:[NSEW]\.?\s+)?(?:\p{Lu}[\p{L}\p{M}'’.-]*\s+){1,3}"
    rf"(?i:{_STREET_HEADS})\.?(?:,\s*(?i:suite|ste\.?|floor|unit|room|building)\s*[\p{{L}}\p{{N}}-]+)?"
    r"|(?i:p\.?\s*o\.?\s*box)\s+\d{1,6}"
)
"""A street address's line: a house number, perhaps a direction, the street's name and
its head ("14 High Street", "200 N. Main St., Suite 4"), or a post office box."""
_TOWN_RE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}'’. -]{1,30},\s*(?:\p{Lu}{2}|\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)?)"
    r"\s+\d{5}(?:-\d{4})?"
    r"|(?:\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,2},?\s+){0,2}"
    r"\p{Lu}{1,2}\d[\p{Lu}\d]?\s*\d\p{Lu}{2}"
)
"""A town's line with a ZIP code ("Fairbrook, OR 97401") or a British postcode ("Marlow,
Bucks SL7 1AB")."""
_BLOCK_LINE_MAX_WORDS = 8
_BLOCK_MAX_LINES = 8
_LETTERHEAD_RE = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.,&()-]*(?:\s+[\p{L}\p{M}'’.,&()-]+){0,7}")
_CONTACT_RE = regex.compile(
    r"(?i:tel|telephone|phone|fax|email|e-mail|web|website|www)\b.{1,60}"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+"
)
"""Another line of a letterhead's block: a name or an office (no figure: a date or a time
in a block makes it a notice's, a fact), a phone, an e-mail or a web address."""


def _address(line: str) -> bool:
    """A street's or a town's line, or a line of a name and an address split by dots or
    bars ("Holm Ferries Ltd · 2 Quay Road · Brackwick BW4 2QT")."""
    line = line.strip().rstrip(".")
    if _STREET_RE.fullmatch(line) is not None or _TOWN_RE.fullmatch(line) is not None:
        return True
    parts = [p.strip().rstrip(".") for p in _PARTS_RE.split(line) if p.strip()]
    return (
        len(parts) > 1
        and any(_STREET_RE.fullmatch(p) or _TOWN_RE.fullmatch(p) for p in parts)
        and all(_STREET_RE.fullmatch(p) or _TOWN_RE.fullmatch(p) or _block_line(p) for p in parts)
    )


_PARTS_RE = regex.compile(r"(?:\G|(?<!\s))\s*+[|·•]\s*")


def letterhead_spans(
    text: str,
    lines: list[tuple[int, int, bool]],
    story: int | None,
    last: int | None,
    found: list[Span],
) -> list[Span]:
    """An organisation's letterhead or address block above the story's first paragraph
    (line ``story``) or below its last (line ``last``): lines in a row with no blank line
    between them, each short and without a sentence, at least one a street's or a town's
    line with its postcode (:data:`_STREET_RE`, :data:`_TOWN_RE`), the others names,
    offices or ways to reach them. An address inside the story is a place it names."""
    if story is None or last is None:
        return []
    out: list[Span] = []
    taken = -1
    for i, (s, e, _) in enumerate(lines):
        if i <= taken or story <= i <= last or not _address(text[s:e]):
            continue
        lo = hi = i
        while lo > 0 and lo - 1 not in range(story, last + 1) and _joined(text, lines, lo - 1):
            lo -= 1
        while (
            hi + 1 < len(lines)
            and hi + 1 not in range(story, last + 1)
            and _joined(text, lines, hi)
        ):
            hi += 1
        block = lines[lo : hi + 1]
        if len(block) > _BLOCK_MAX_LINES or not all(
            _address(text[a:b]) or _block_line(text[a:b]) for a, b, _ in block
        ):
            continue
        starts = {a for a, _ in found}
        out.extend((a, b) for a, b, _ in block if a not in starts)
        taken = hi
    return out


def _joined(text: str, lines: list[tuple[int, int, bool]], i: int) -> bool:
    """Are lines ``i`` and ``i + 1`` next to each other, no blank line between, both short?"""
    gap = text[lines[i][1] : lines[i + 1][0]]
    return gap.count("\n") == 1 and all(
        len(text[a:b].split()) <= _BLOCK_LINE_MAX_WORDS for a, b, _ in (lines[i], lines[i + 1])
    )


def _block_line(line: str) -> bool:
    line = line.strip()
    return (
        len(line.split()) <= _BLOCK_LINE_MAX_WORDS
        and (_LETTERHEAD_RE.fullmatch(line) is not None or _CONTACT_RE.fullmatch(line) is not None)
        and not _SENTENCE_RE.search(line + " ")
    )


_SENTENCE_RE = regex.compile(r"\p{Ll}[.!?]\s")


def document_head(
    text: str,
    lines: list[tuple[int, int, bool]],
    starts: set[int],
    byline: Callable[[str, int, int], bool],
) -> bool:
    """Are the page's second and third lines furniture (their starts in ``starts``), no
    byline or date line (``byline``), the second in parts split by a spaced dash, not by
    bars or dots ("Committee — Annual Meeting Minutes (Draft)"): a document's title and
    its dated line under its issuer's name on the first, not a headline over a byline?"""
    if len(lines) < 3 or lines[1][0] not in starts or lines[2][0] not in starts:
        return False
    (s1, e1, _), (s2, e2, _) = lines[1], lines[2]
    return not (
        byline(text, s1, e1)
        or byline(text, s2, e2)
        or _PARTS_RE.search(text[s1:e1]) is not None
        or regex.search(r"\s[—–]\s", text[s1:e1]) is None
    )


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
    ("Re: …") alone, a top comment, a community's handle, a link line or a web address
    alone, a social post's embed line, a question to the reader with a call, an app's
    promotion, a confidentiality notice or a protective marking, or a document's number
    alone?"""
    text = text.strip()
    return bool(
        thread_header(text, dated)
        or (words <= _SUBJECT_MAX_WORDS and _SUBJECT_RE.fullmatch(text))
        or (words <= _ENJOYED_MAX_WORDS and _ENJOYED_RE.fullmatch(text))
        or (words <= _TOP_COMMENT_MAX_WORDS and _TOP_COMMENT_RE.fullmatch(text))
        or (words <= _TOP_COMMENT_MAX_WORDS and _REPLY_FROM_RE.fullmatch(text))
        or (words <= _SUBJECT_MAX_WORDS and _EPISODE_RE.fullmatch(text))
        or (words <= _TOP_COMMENT_MAX_WORDS and _PODCAST_CALL_RE.fullmatch(text))
        or _COMMUNITY_RE.fullmatch(text)
        or _LINK_ALONE_RE.fullmatch(text)
        or (words <= _EMBED_MAX_WORDS and _embed(text, dated))
        or _LINK_LINE_RE.fullmatch(text)
        or (words <= _APP_MAX_WORDS and _APP_RE.fullmatch(text))
        or (words <= _MARK_MAX_WORDS and _confidential(text))
        or (words <= _DOC_NUMBER_MAX_WORDS and _DOC_NUMBER_RE.fullmatch(text))
        or _CLASSIFIED_RE.fullmatch(text)
    )


def _embed(text: str, dated: Callable[[str], bool]) -> bool:
    """A social post's embed line (:data:`_EMBED_RE`) closed by the post's date, or its
    picture link; not a sentence naming a handle ("Jo Flett (@joflett) said …")."""
    m = _EMBED_RE.fullmatch(text)
    return m is not None and (m.group("when") is None or dated(m.group("when")))


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


def ad_block_spans(text: str, lines: list[tuple[int, int, bool]], found: list[Span]) -> list[Span]:
    """The lines right below an ad's label alone on its line, no blank line between, up to
    :data:`_AD_BLOCK_MAX_LINES` short ones: the ad's text ("ADVERTISEMENT" over "Kelp
    Kayaks — hire from $20 a day"), up to the next line found as furniture (``found``)."""
    out: list[Span] = []
    starts = {a for a, _ in found}
    for i, (s, e, _) in enumerate(lines):
        if not _AD_ALONE_RE.fullmatch(text[s:e].strip()):
            continue
        for j in range(i + 1, min(len(lines), i + 1 + _AD_BLOCK_MAX_LINES)):
            a, b, _ = lines[j]
            if text[lines[j - 1][1] : a].count("\n") != 1:
                break
            if len(text[a:b].split()) > _AD_BLOCK_MAX_WORDS or a in starts:
                break  # a long line, or the page's next furniture: the ad has ended
            out.append((a, b))
    return out


_ROLE_LABEL_RE = regex.compile(
    r"^\p{Lu}[\p{Lu}'’.-]+(?:[ \t]\p{Lu}[\p{Lu}'’.-]+){0,2}"
    r"(?:[ \t]*+\([ \t]*+\p{Lu}[\p{Lu}'’. -]{1,40}\))?[ \t]*+:(?=[ \t]+\S)",
    regex.M,
)
"""A broadcast transcript's speaker label opening a line, a role or name in capitals with
the speaker's name in brackets ("ANCHOR (DANA PRUITT): …", "REPORTER: …")."""


@lru_cache(maxsize=8)
def _role_labels(text: str) -> tuple[tuple[int, ...], tuple[Span, ...]]:
    """The speaker labels of a transcript (:data:`_ROLE_LABEL_RE`), by their starts: only
    where one label opens at least two lines, as a transcript's do (a lone "WARNING: …" is
    the story's); there, a label that opens two lines or names its speaker in brackets
    (a "WASHINGTON: …" beside two "UPDATE: …" lines is still the story's)."""
    found = [(m.span(), m.group()) for m in _ROLE_LABEL_RE.finditer(text)]
    counts = Counter(label for _, label in found)
    if not counts or max(counts.values()) < 2:
        return (), ()
    spans = tuple(span for span, label in found if counts[label] >= 2 or "(" in label)
    return tuple(a for a, _ in spans), spans


def inline_spans(text: str, s: int, e: int) -> list[Span]:
    """Helpline sentences inside the line ``s:e`` (:data:`_HELPLINE_RE`), the time stamp of
    a speaker's label at its head (:data:`_SPEECH_STAMP_RE`) and a broadcast transcript's
    speaker label (:data:`_ROLE_LABEL_RE`): who speaks on the programme, no fact of the
    story."""
    out = [m.span() for m in _HELPLINE_RE.finditer(text, s, e)]
    m = _SPEECH_STAMP_RE.match(text, s, e)
    if m is not None and _SPEAKER_RE.search(m.group("label")) is not None:
        out.append(m.span("stamp"))  # a speaker named in capitals ("Mr KYLE", "The SPEAKER")
    starts, labels = _role_labels(text)
    i = bisect.bisect_left(starts, s)  # a lookup per line: a long transcript stays linear
    out.extend(labels[i : bisect.bisect_left(starts, e)])
    return out
