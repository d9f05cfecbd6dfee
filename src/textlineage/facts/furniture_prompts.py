"""Page furniture that speaks to the reader or about the publisher, each told by a line's
shape and its grammar, never by a site's words: a prompt (a short question to the reader
answered by a call in the imperative, "Moving house? Book a survey."), a subscriber's or
a member's offer in the publisher's own voice, a note on how the publication is funded, a
rating widget with its stars and count, a notice of equal opportunity or of a trading
name, a broadcaster's underwriting credit, the running head of notes to editors, an end
mark with a name between dashes, a masthead wholly in capitals over the page's header
lines, a column's title with its writer ("ON THE ROAD with …"), a publication's tagline
("The monthly letter on …") and the heading over a company's "About" paragraph.

None of them is a claim of the story: the same words stand on every page of the site.
:mod:`.furniture` uses them beside its own rules.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from . import furniture_kinds as kinds
from . import furniture_posts as posts

Span = tuple[int, int]

_CALL_VERBS = (
    r"(?i:sign|subscribe|join|become|get|check|compare|enter|forward|share|send|email|e-mail"
    r"|call|ring|text|visit|read|watch|listen|download|register|book|donate|give|support"
    r"|follow|try|find|start|claim|request|order|shop|tell|contact|learn|discover|explore"
    r"|browse|see|click|tap|upgrade|renew|unlock|save|vote|rate|leave|write|submit|ask"
    r"|pass|apply|buy|grab|reserve|log|enjoy|cancel|stay|keep|help)"
)
"""Verbs that open a call to action in the imperative: what a page asks its reader to do
with the page or the publisher (sign up, subscribe, share, book), the list a style guide
for web copy gives for buttons and prompts."""
_CALL_RE = regex.compile(rf"{_CALL_VERBS}\b(?:[^.!?:]|\.(?=\S)){{0,80}}[.!]?")
_POINTER_RE = regex.compile(
    r"(?i:for\s+(?:more|further)\s+(?:information|details|help|advice)|to\s+(?:find\s+out|learn)"
    rf"\s+more)\s*,?\s*(?i:please\s+)?{_CALL_VERBS}\b[^.!?:]{{0,80}}[.!]?"
)
"""A pointer to more help ("For more details, ring the helpline or ask at a branch.")."""
_POINTER_MAX_WORDS = 16
_CALL_MAX_WORDS = 12
_QUESTION_RE = regex.compile(r"[^\d.!?]{3,80}\?")
"""A short question to the reader without a figure ("Moving house this summer?")."""
_QUESTION_MAX_WORDS = 9
_MEMBERS_RE = regex.compile(
    r"(?i:(?:paid\s+|premium\s+|paying\s+|all\s+)?(?:subscribers|members|supporters|patrons))"
    r"\s+(?i:can|get|may|will|enjoy|have)\b[^.!?]{0,100}?\b(?i:our|us)\b[^.!?]{0,60}[.!]?"
)
"""An offer to subscribers in the publisher's own voice ("Members can join our live
webinars.")."""
_FUNDED_RE = regex.compile(
    r"[^.!?]{1,60}\s(?i:is|are)\s+(?:(?i:proudly|entirely|fully|100%)\s+)?"
    r"(?i:reader|listener|viewer|member|audience|subscriber)s?[- ]"
    r"(?i:supported|funded|powered|owned)[.!]?"
)
"""A publication's note on how it is funded ("The Gazette is reader-funded.")."""
_OWN_RE = regex.compile(
    r"(?i:cancel\s+(?:any\s*time|at\s+any\s+time)|thanks?(?:\s+you)?\s+(?:so\s+much\s+)?for\s+"
    r"(?:reading|listening|watching|subscribing|your\s+support)"
    r"|(?:if\s+you\s+(?:value|enjoy(?:ed)?|liked?|appreciated?|found)\s+(?:our|this)\b[^.!?]{0,60}?,"
    r"\s*)?(?:please\s+)?consider\s+(?:supporting|donating|subscribing|becoming|making|giving"
    r"|a\s+(?:donation|gift|subscription))\b[^.!?]{0,60}"
    r"|we\s+(?:rely|depend)\s+on\s+(?:readers|listeners|viewers|supporters|members|people)\s+like"
    r"\s+you|support\s+(?:independent|local|quality|public[- ]service|non-?profit)\s+(?:journalism"
    r"|news|reporting|media|radio)|(?:click|tap)\s+here\b[^.!?]{0,60}"
    r"|if\s+you\s+(?:value|enjoy(?:ed)?|liked?|appreciated?|found)\s+(?:our|this|my)\b[^.!?]{0,60}?,"
    rf"\s*(?:please\s+)?{_CALL_VERBS}\b[^.!?]{{0,60}}"
    r"|(?:limited[- ]time|special|introductory|exclusive)\s+offer\b[^.!?]{0,60}|offer\s+ends\s+[^.!?]{1,30}"
    r"|(?:full\s+)?(?:terms\s+(?:and|&)\s+conditions|t\s*&\s*cs?)\s+apply|18\+\s+only"
    r"|(?:sign\s+up|subscribe)\b[^.!?]{0,100}?\b(?:to\s+your\s+inbox|newsletter|mailing\s+list)"
    rf"|(?:(?:premium|paid|paying)\s+)?(?:members|subscribers|supporters)(?:\s+only)?\s*:\s*{_CALL_VERBS}\b[^.!?]{{0,80}}"
    r"|(?:to\s+(?:donate|give)\b[^.!?]{0,30},\s*)?(?:text|sms)\s+[\p{L}\p{N}]{2,15}\s+to\s+\d{4,6}\b[^.!?]{0,60}"
    r"|texts?\s+cost\s+[^.!?]{0,30}\b(?:plus|\+)\s+(?:one\s+|your\s+)?(?:standard|network)\b[^.!?]{0,40}"
    r"|[^.!?]{0,40}\b(?:to|and)\s+(?:continue|keep)\s+reading\b[^.!?]{0,40}"
    r"|[^.!?]{0,40}\bfree\s+to\s+read\b[^.!?]{0,40}"
    r"|(?:all\s+)?(?:letters|comments|submissions|questions|replies|entries|contributions|emails"
    r"|reviews|posts)\s+(?:may|will|can|might)\s+be\s+(?:edited|shortened|moderated|condensed"
    r"|published)\b[^.!?]{0,40}"
    r"|(?:contact|email|e-mail|reach|follow|write\s+to)\b[^!?]{0,60}?(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\s@\w{2,30}))[.!]*"
)
"""The publisher's own voice to the reader: "Cancel anytime.", "Thanks for reading!", an
appeal for support ("Please consider a donation.", "If you liked this post, share it."),
"Click here to …", an offer's terms, a paywall's "to keep reading", a note that readers'
letters may be edited, a contact call with an address or a handle, a call to members
under their label ("Members only: join the webinar"), a newsletter's sign-up,
a call to give by text message to a short code with the note on what the text costs."""
_SENTENCE_RE = regex.compile(r"\S.*?(?:[.!?]+(?=\s|$)|$)")
"""A sentence: up to a stop before a space or the line's end (not the dot of an address)."""
_RATING_RE = regex.compile(
    r"(?:(?i:rate\s+this(?:\s+[\p{L}-]+)?|rated|rating|our\s+rating|average\s+rating)\s*:?\s*)?"
    r"(?:[★☆✩✪✫✬✭✮⭐]{1,5}|\d(?:[.,]\d)?\s*(?:[★⭐]|/\s*(?:5|10)|(?i:out\s+of)\s+(?:5|10))"
    r"(?:\s+(?i:stars?))?)"
    r"(?:\s*\(?\s*(?:\d[\d,.]*\s*[KkMm]?\s+(?i:ratings?|reviews?|votes?)|(?i:from|based\s+on)\s+"
    r"\d[\d,.]*\s*[KkMm]?\s+(?i:ratings?|reviews?|votes?))\s*\)?|\s*\(\d[\d,.]*\s*[KkMm]?\))?"
)
"""A rating widget: an optional label, stars or a score out of five or ten, an optional
count of ratings ("Rate this recipe ★★★☆☆ (48 ratings)", "4.5 out of 5 stars")."""
_BOILERPLATE_RE = regex.compile(
    r"(?i:\bis\s+an\s+equal\s+(?:opportunity|access)\s+(?:provider|employer|institution"
    r"|organi[sz]ation|program(?:me)?)\b"
    r"|\bdoes\s+not\s+discriminate\s+(?:on\s+the\s+basis\s+of|against\s+any)\b"
    r"|\bis\s+(?:a|the)\s+trading\s+(?:name|style)\s+of\b"
    r"|\bwe\s+(?:may\s+|might\s+|sometimes\s+)?(?:earn|receive|get|make|are\s+paid)\s+"
    r"(?:a\s+)?(?:small\s+)?(?:commission|fee|payment|referral\s+fee)s?\s+(?:from|when|if)\b"
    r")|^(?i:support|funding|underwriting)\s+(?i:for)\s+(?:(?i:this)\s+(?i:program(?:me)?|podcast"
    r"|story|coverage|reporting|series|newsletter|station|site)|\p{Lu}[^.!?\d]{0,40}?)\s+"
    r"(?i:comes|is\s+provided)\s+(?i:from|by)\s[^\d]{1,80}$"
    r"|^(?:(?i:the)\s+)?\p{Lu}[^.!?]{0,80}?\s(?i:is\s+a\s+registered\s+charity)\b"
    r"|^(?i:notes?\s+(?:to|for)\s+(?:editors?|news\s+desks?))\s*:\s*\S"
    r"|^(?i:(?:estimated\s+)?(?:reading|read|listening|listen|watch(?:ing)?)\s+time)\s*:?\s*"
    r"(?:(?i:about)\s+|~\s*)?\d{1,3}\s*(?i:min(?:ute)?s?|m)\b\.?$"
    r"|(?i:\byou(?:['’]ve|\s+have)\s+(?:read|viewed|used|opened)\s+(?:\d{1,3}|one|two|three|four|five)"
    r"\s+(?:of|out\s+of)\s+(?:your\s+)?(?:\d{1,3}|three|four|five|ten)\s+(?:free\s+)?\p{L}"
    r"|\byou\s+have\s+(?:\d{1,3}|one|two|three|no)\s+(?:free\s+)?(?:articles?|stories|stor"
    r"(?:y|ies)|reads?|pages?)\s+(?:left|remaining)\b"
    r"|^this\s+(?:article|story|content|post|feature|page)\s+is\s+(?:only\s+)?(?:for|available"
    r"\s+to|exclusive\s+to|reserved\s+for)\s+(?:our\s+)?(?:paid\s+|premium\s+)?(?:subscribers"
    r"|members|supporters)\b"
    r"|^(?:a\s+version\s+of\s+)?this\s+(?:article|story|review|column)\s+(?:first\s+)?appear"
    r"(?:s|ed)\s+in\s+print\b"
    r"|^join\s+(?:more\s+than\s+|over\s+|our\s+)?\d[\d,.]*\s*[km]?\+?\s+(?:other\s+)?(?:readers"
    r"|subscribers|members|supporters|people|others)\s+who\b"
    r"|^this\s+(?:story|article|report|piece|content|series|project|coverage|investigation)\s+"
    r"(?:was|is|has\s+been)\s+(?:produced|published|reported|written|made|funded|paid\s+for"
    r"|sponsored|supported)\s+(?:in\s+(?:partnership|collaboration|association)\s+with|by"
    r"|with\s+(?:support|funding|a\s+grant)\s+from)\s"
    r"|^(?:story|article|text)\s+continues\s+(?:below|after)\b|^advertisement\s*[-–—:]\s*(?:scroll"
    r"|continue|story)\b"
    r"|^(?:all\s+)?prices?\s+(?:were\s+|are\s+)?(?:correct|accurate)\s+(?:at|as\s+of)\s+(?:the\s+)?"
    r"(?:time\s+of\s+(?:publication|publishing|writing|going\s+to\s+press))"
    r"|^(?:sponsored|paid|promoted|partner)\s+(?:content|post|feature|article)\s+(?:from|by)\s"
    r"|^(?:this|today['’]s)\s+(?:issue|edition|newsletter|email|episode|briefing|digest|bulletin"
    r"|podcast|show|video|post)\s+(?:is|was|comes)\s+(?:(?:brought\s+to\s+you|sponsored|presented"
    r"|supported|made\s+possible|powered|paid\s+for)\s+by|in\s+partnership\s+with)\s"
    r"|\b(?:use|enter|apply|with)\s+(?:the\s+)?(?:promo(?:tional)?\s+|discount\s+|coupon\s+|voucher\s+)?"
    r"code\s+[\p{Lu}\p{N}]{3,20}\s+(?:for|to\s+(?:get|save))\s"
    r"|^this\s+is\s+(?:an?\s+)?(?:paid\s+)?(?:advertisement|advertorial|sponsored\s+(?:post|content"
    r"|article))\b"
    r"|^\(?(?:photo(?:graph)?|image|picture|video|illustration|graphic)s?\s+(?:credit\s*:|by\s|courtesy"
    r"\s)[^.!?]{1,80}\)?$"
    r"|^(?:about\s+(?:me|the\s+(?:author|writer|contributor|reporter)s?)|(?:photo\s+|image\s+)?caption)"
    r"\s*:\s*\S"
    r"|^[^\n]{3,200}?[.)]\s+\(?(?:photo(?:graph)?|picture|image|pic|photo\s+credit)\s*:\s*\p{Lu}"
    r"[^.!?:]{0,60}\)?$"
    r"|^[^\n]{3,160}?\s[—–-]\s*(?:all|everyone|everybody|newcomers)\s+(?:(?:are|is)\s+)?"
    r"(?:very\s+)?welcome[.!]*$"
    r"|^rated\s+\d(?:[.,]\d)?\s+stars?\s+by\s+\d[\d,]*\s+(?:readers|users|customers|people"
    r"|reviewers|buyers|guests)\.?$"
    r"|\bviews\s+expressed\s+(?:here\s+|in\s+this\s+[\p{L}-]+\s+)?are\s+(?:those\s+of\s+the"
    r"\s+[\p{L}-]+|the\s+[\p{L}-]+['’]s?\s+own|(?:my|their|his|her)\s+own))"
)
"""Notices a page carries on every page: equal opportunity or non-discrimination, a
trading name, a publisher's fee from the firms it compares, a broadcaster's underwriting
credit, a charity's note on its own status, a run-on note to editors, a reading time, a
paywall's count or notice, a print-edition note, a count of readers to join, a note on who
produced or paid for the story, an ad's "story continues below", a note that prices
were right when written, a note that the views are the writer's own, a sponsor's label,
a sponsor's credit for the issue ("This edition is brought to you by …"), a promo code,
an author's note under its label, a caption under its label or closed by a photo credit,
a photo credit, a rating by a count of readers, a noticeboard's item closed by "— all
welcome!"."""
_BOILERPLATE_MAX_WORDS = 35
_END_MARK_RE = regex.compile(
    r"(?:[-–—#*=~]{2,}\s*)?[\p{L}\p{N}][\p{L}\p{M}\p{N}'’&. -]{0,30}?\s*[-–—#*=~]{2,}"
)
"""A release's end mark with a name between dashes ("-- Harbour FC --"; the dashes
before it may have been read as a bullet's)."""
_GROUP_RE = regex.compile(
    r"[^()\n]{2,60}\(\s*(?i:private|public|closed|secret|visible)\s+(?i:group|community|page)\s*\)"
    r"\s*[·•|]\s*\d+(?:[.,]\d+)?\s*[KkMm]?\s+(?i:members|followers)"
)
"""A social group's header: its name, its privacy and its member count."""
_CAPS_WORD = r"[\p{Lu}][\p{Lu}\p{M}'’&.-]*"
_CAPS_RE = regex.compile(rf"{_CAPS_WORD}(?:\s+(?:{_CAPS_WORD}|&))*")
_COLUMN_RE = regex.compile(
    rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,5}}\s+(?i:with|by)\s+"
    r"\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,3}"
)
"""A column's title in capitals with its writer ("ON THE ROAD with Ann Royle")."""
_CAPS_MAX_WORDS = 5
_TAGLINE_RE = regex.compile(
    r"(?i:the|a|your)\s+(?:(?i:daily|weekly|fortnightly|monthly|quarterly|free|independent)\s+)?"
    r"(?i:newsletter|magazine|bulletin|briefing|digest|letter|podcast|journal|paper|blog|guide)"
    r"\s+(?i:on|about|for|of|from|covering)\s+[^.!?]{2,60}"
)
"""A publication's tagline under its name ("The weekly briefing on rail in the North")."""
_NAME_LINE_RE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}'’.&-]*(?:\s+(?:(?:of|the|and|for|on|&)\s+)*\p{Lu}[\p{L}\p{M}'’.&-]*){0,7}"
)
"""A body's or one of its departments' name in title case, alone on its line."""
_LETTERHEAD_LINES = 2
_STATUS_LINE_RE = regex.compile(r"\([^().!?\n]{3,100}\)")
"""A body's status in parentheses under its name ("(A Borough Council company)")."""
_OFFICE_LINE_RE = regex.compile(
    rf"(?:{_NAME_LINE_RE.pattern})(?:,\s*\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*){{0,2}}"
)
"""An office of the body and its town ("Eastern Division, Colmere")."""
_ABOUT_HEAD_RE = regex.compile(
    r"(?i:about)\s+\p{Lu}[\p{L}\p{M}\p{N}'’.&-]*(?:\s+[\p{L}\p{M}\p{N}'’.&,-]+){0,5}"
)


def _call(sentence: str) -> bool:
    """A call to action in the imperative, or two joined by a colon ("Find a branch: enter
    your town")."""
    return len(sentence.split()) <= _CALL_MAX_WORDS and _CALL_RE.fullmatch(sentence) is not None


def _widget(sentence: str) -> bool:
    head, colon, tail = sentence.partition(":")
    return bool(colon) and _call(head.strip()) and _call(tail.strip())


def _pointer(sentence: str) -> bool:
    return (
        len(sentence.split()) <= _POINTER_MAX_WORDS and _POINTER_RE.fullmatch(sentence) is not None
    )


def _own(sentence: str) -> bool:
    """A sentence in the publisher's voice: an offer to members, a funding note, a thanks,
    a form's label, a pointer to more help."""
    return bool(
        _MEMBERS_RE.fullmatch(sentence)
        or _FUNDED_RE.fullmatch(sentence)
        or _OWN_RE.fullmatch(sentence)
        or _widget(sentence)
        or _pointer(sentence)
    )


def prompt_line(line: str, words: int) -> bool:
    """A line that speaks to the reader for the page: a question to the reader answered
    by a call ("Selling this spring? Get a free valuation."), a call joined to another
    by a colon, an offer to subscribers or members, a note on reader funding (with calls
    beside it), a pointer to more help. A call alone is not enough: advice in a story is in the imperative too."""
    if words > 2 * _CALL_MAX_WORDS:
        return False
    sentences = [m.group().strip() for m in _SENTENCE_RE.finditer(line.strip())]
    sentences = [s for s in sentences if s]
    if not sentences:
        return False
    kinds = []
    for s in sentences:
        if _own(s):
            kinds.append("own")
        elif (
            s.endswith("?") and len(s.split()) <= _QUESTION_MAX_WORDS and _QUESTION_RE.fullmatch(s)
        ):
            kinds.append("ask")
        elif _call(s):
            kinds.append("call")
        else:
            return False
    if "own" in kinds:
        return True
    return kinds[0] == "ask" and "call" in kinds


def boilerplate_line(line: str, words: int) -> bool:
    """A notice of at most 35 words that the issuer prints on every page
    (:data:`_BOILERPLATE_RE`), a rating widget, an end mark between dashes, or a social
    group's header."""
    stripped = line.strip()
    if words <= _BOILERPLATE_MAX_WORDS and _BOILERPLATE_RE.search(stripped):
        return True
    if _RATING_RE.fullmatch(stripped) and any(c in stripped for c in "★☆✩✪✫✬✭✮⭐()/"):
        return True
    if words <= 3 + 2 and _END_MARK_RE.fullmatch(stripped):
        return True
    return _GROUP_RE.fullmatch(stripped) is not None


def owner_notice(owner: str, reuse: Callable[[str], bool]) -> bool:
    """Is ``owner``, the text before a copyright sign on its line, a name (no sentence in
    it), a notice on reuse (``reuse``) or one the issuer prints on every page?"""
    return bool(
        not regex.search(r"[.!?]\s", owner)
        or reuse(owner)
        or boilerplate_line(owner, len(owner.split()))
    )


def header_spans(
    text: str, lines: list[tuple[int, int, bool]], story: int | None, found: list[Span]
) -> list[Span]:
    """Lines of the page's header (above the story's first paragraph) next to others that
    are furniture: a masthead wholly in capitals as the first line, a column's title in
    capitals with its writer's name, a publication's tagline; and the heading "About …"
    over a paragraph that is furniture."""
    starts = {s for s, _ in found}
    out: list[Span] = _letterhead(text, lines, starts)
    starts.update(s for s, _ in out)
    for i, (s, e, item) in enumerate(lines):
        if item or s in starts:
            continue
        line = text[s:e].strip()
        after = i + 1 < len(lines) and lines[i + 1][0] in starts
        before = i > 0 and lines[i - 1][0] in starts
        if story is not None and i < story:
            if _TAGLINE_RE.fullmatch(line) and (before or i <= 1):
                out.append((s, e))
                starts.add(s)
                continue
            caps = (
                len(line.split()) <= _CAPS_MAX_WORDS
                and not any(c.isdigit() for c in line)
                and _CAPS_RE.fullmatch(line) is not None
            )
            column = _COLUMN_RE.fullmatch(line) is not None
            # A masthead stands over the headline: a line of the header below it that is
            # no furniture; a title in capitals with only furniture below it is the headline.
            below = text[lines[i + 1][0] : lines[i + 1][1]] if i + 1 < len(lines) else ""
            headline = any(lines[j][0] not in starts for j in range(i + 2, story)) or (
                after and posts.registration_line(below, len(below.split()))
            )  # or an issuer's name over its office's address
            under = _under_masthead(text, lines, starts) if caps and i == 0 and headline else []
            if (caps and i == 0 and headline and _next_is_furniture(text, lines, i, starts)) or (
                column and (before or after)
            ):
                out.append((s, e))
                starts.add(s)
                continue
            if under:  # the body's status or its office, then the page's furniture
                out.extend([(s, e), *under])
                starts.update([s, *(a for a, _ in under)])
                continue
        if _ABOUT_HEAD_RE.fullmatch(line) and after and not line.endswith("."):
            out.append((s, e))
    return out


def _next_is_furniture(
    text: str, lines: list[tuple[int, int, bool]], i: int, starts: set[int]
) -> bool:
    """Is the line after line ``i`` furniture, or a tagline with furniture below it?"""
    if i + 1 >= len(lines):
        return False
    ns, ne, _ = lines[i + 1]
    if ns in starts:
        return True
    return (
        _TAGLINE_RE.fullmatch(text[ns:ne].strip()) is not None
        and i + 2 < len(lines)
        and lines[i + 2][0] in starts
    )


def _under_masthead(text: str, lines: list[tuple[int, int, bool]], starts: set[int]) -> list[Span]:
    """The lines under a masthead in capitals that say what the body is or which of its
    offices writes ("(A joint venture of the two county councils)", "Eastern Division,
    Colmere"), at most :data:`_LETTERHEAD_LINES`, when the page's furniture follows them;
    empty otherwise."""
    out: list[Span] = []
    for s, e, item in lines[1 : _LETTERHEAD_LINES + 2]:
        if s in starts:
            return out
        line = text[s:e].strip()
        if (
            item
            or len(out) == _LETTERHEAD_LINES
            or not (_STATUS_LINE_RE.fullmatch(line) or _OFFICE_LINE_RE.fullmatch(line))
        ):
            return []
        out.append((s, e))
    return []


def _letterhead(text: str, lines: list[tuple[int, int, bool]], starts: set[int]) -> list[Span]:
    """A body's name and its department's, one line each at the top of the page, over the
    site's menu ("Harbour Board" / "Ferry Services" / "Timetables | Fares | Contact")."""
    n = _LETTERHEAD_LINES
    if len(lines) <= n:
        return []
    ms, me, _ = lines[n]
    if ms not in starts or not kinds.menu_line(text[ms:me]):
        return []
    top = lines[:n]
    if any(item or _NAME_LINE_RE.fullmatch(text[s:e].strip()) is None for s, e, item in top):
        return []
    return [(s, e) for s, e, _ in top if s not in starts]
