"""Page furniture of other kinds of page than a news article: press releases, public
bodies' pages, investor pages, newsletters, reviews, broadcast scripts.

Each rule is about the shape of a whole line or of one part of a line split by ``|``,
``·``, ``›``: a contact line (a label such as "Media enquiries:" with a name, a phone
number or an e-mail address), a breadcrumb ("Home > News > Appeals"), a menu of short
link labels, a line of "Label: value" metadata, a document or issue number, a licence or
affiliate disclosure, a cookie banner, a stock quote, a broadcast script's slug and speaker tags. None of
them is a sentence of a story; :mod:`.furniture` uses them beside its own rules.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from .furniture_lines import header_field

_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_PHONE = (
    r"(?<![\w.,])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}"
    r"(?!\w|\.\d)(?:(?<=\d-\d{3}-\d{4})|(?!,\s*\d))"
)
PHONE_RE = regex.compile(_PHONE)
"""A telephone number: groups of digits split by spaces, dots or hyphens, perhaps after
a country code ("+1 306 555 0178", "0161 496 0732", "503-555-0164"); not one going on
with a comma and a digit ("1 200, 3"), unless its hyphens give it a phone's shape
("503-555-0164, 7 days a week"). Only a candidate: :func:`is_phone` checks its size."""
_EMAIL_RE = regex.compile(_EMAIL)

BY_WORDS = (
    r"written|words|story|text|reporting|reported|filed|posted|published|edited|reviewed"
    r"|compiled|curated|produced|presented|hosted|narrated|read|translated|translation"
    r"|interview|interviews|photos?|photographs?|photography|pictures?|images?|video"
    r"|illustrations?|illustrated|graphics?|design|designed|website|site|animation|data"
    r"|research|analysis|checked|fact-checked|updated|sponsored|powered|supported|funded"
    r"|paid\s+for|brought\s+to\s+you|music|artwork|cover|layout|subbed|sub-edited|contributed"
    r"|prepared|authored|drafted|created|commissioned|issued|distributed|released|maintained"
    r"|managed|run|operated|owned|built|developed|made|hosted|recorded|mixed|filmed|shot"
    r"|edit|copy|approved|signed|verified|moderated|submitted|sent|shared|uploaded"
)
"""The words a byline or a credit line puts before "by": who wrote, reported, edited,
photographed, made or paid for the page ("Reporting by", "Photos by", "Sponsored by").
A line opening with another word before "by" ("Spotted by", "Beaten by") tells an event."""

_CONTACT_LABEL_RE = regex.compile(
    r"(?i:(?:[\p{L}]+\s+){0,2}(?:contacts?|inquiries|enquiries|queries)"
    r"|(?:press|media|investor|news)\s+(?:office|desk|relations|team|line))\s*:\s*\S"
)
"""A contact line's label: "Media contact:", "Press enquiries:", "Investor relations:"."""
_PHONE_LABEL_RE = regex.compile(
    r"(?i:(?:[\p{L}]+\s+){0,3}(?:line|hotline|helpline|phone|telephone|tel|ph|fax|mob|mobile"
    r"|call\s+centre|call\s+center"
    r"|office|reception|switchboard|bookings|reservations))"
    r"\s*:\s*\S"
)
"""A phone line's or an office's label ("Flood helpline:", "Ticket office:"): contact
furniture only with a number after it."""
_FIELD_LABEL_RE = regex.compile(r"\s*\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,3}\s*:\s*")
"""A short label before a colon ("Media accreditation:")."""
_WEB_RE = regex.compile(
    r"(?i:https?://)?(?i:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?:/\S*)?"
)
_SHORT_LINE_RE = regex.compile(
    r"(?i:toll[- ]free|free\s*phone|hotline|helpline|phone|tel|emergency)\s*+(?::\s*+)?\d{2,6}"
)
_CONTACT_MAX_WORDS = 25
_CONTACT_NAME_WORDS = 10
_SOURCE_RE = regex.compile(
    r"(?:SOURCE|CONTACT)\s+\p{Lu}[\p{L}\p{M}\p{N}.,&'’ -]{1,60}"
    r"|(?i:issued\s+by|issued\s+on\s+behalf\s+of|distributed\s+by|published\s+by)"
    r"(?:\s+(?i:the))?\s*:?\s+\p{Lu}[\p{L}\p{M}\p{N}.,&'’ -]{1,60}"
    r"|(?i:from|via)(?:\s+(?i:the))?\s*:\s+\p{Lu}[\p{L}\p{M}\p{N}.,&'’ -]{1,60}"
    r"|(?i:from|via)(?:\s+(?i:the))?\s+\p{Lu}[\p{L}\p{M}.&'’-]*+"
    r"(?:,?[ ]++(?:\p{Lu}[\p{L}\p{M}.&'’-]*+|&|of|and|for|the)){0,8}+\.?"
)
"""A press release's source line ("SOURCE Voltaris Cells Inc.", "From: …", "Distributed
by …"); after "From" or "Via" without a colon the source is a name, capitalised words
only ("From May 28 to 30 the storms raged." is the story's). Only as a whole short line
or one part of a line of furniture."""

_CRUMB_SEP_RE = regex.compile(r"(?:\G|(?<!\s))\s++(?:>|›|»|/)\s+|(?:\G|(?<!\s))\s*+[›»]\s*")
_CRUMB_PART_RE = regex.compile(
    r"[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’&.,-]*(?:\s+[\p{L}\p{M}\p{N}'’&.,-]+){0,5}"
)
"""A breadcrumb's step: a capitalised phrase of at most six words ("Science &
Research", "Banks of Plastic 2025")."""
_HERE_RE = regex.compile(r"^\s*(?i:you\s+are\s+here)\s*:?\s*")
"""A breadcrumb trail's label ("You are here: Home > News")."""
_DOMAIN_RE = regex.compile(r"(?i:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})")
"""A site's address as a breadcrumb's first step ("weather.gov")."""

_PLATFORM = (
    r"(?i:facebook|x|twitter|instagram|linkedin|youtube|tiktok|whatsapp|telegram|reddit"
    r"|pinterest|threads|bluesky|mastodon|snapchat|flipboard|messenger|e-?mail|sms|rss|print)"
)
PLATFORM_RE = regex.compile(_PLATFORM)
"""A social platform's or a sharing button's name standing alone in a line of them."""
_PLATFORMS_RE = regex.compile(rf"{_PLATFORM}(?:\s*(?:,|and|&|or)\s*{_PLATFORM})*")

_META_PART_RE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}'’-]*(?:\s+[\p{L}\p{M}'’-]+){0,2}\s*:\s*[^:|]{1,80}"
)
"""One "Label: value" part of a metadata line ("Decision date: 18 November 2025")."""
_NUMBER_LINE_RE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}'’-]*(?:\s+[\p{L}\p{M}'’-]+){0,3}\s+(?i:no\.?|number|ref\.?|reference)"
    r"\s*:?\s*(?:(?:[\[(]?[\p{N}\p{Lu}][\p{N}\p{L}/.\-\[\]()]*\s+){1,3}[\[(]?\p{N}[\p{N}\p{Lu}/.\-\[\]()]*"
    r"|[\[(]?[\p{N}\p{Lu}][\p{N}\p{Lu}/.\-\[\]()]*)"
    r"|(?i:doi)\s*:?\s*10\.\d{4,9}/\S+"
    r"|(?i:ref(?:erence)?(?:\s+no)?\.?|our\s+ref\.?)\s*:\s*(?=[\p{Lu}/.-]*\d)[\p{N}\p{Lu}][\p{N}\p{Lu}/.-]*"
    r"|(?i:no|ref)\.\s*(?=[\p{Lu}/.-]*+\p{N})[\p{Lu}\p{N}]++(?:[/.-][\p{Lu}\p{N}]++){2,}"
    r"|\p{Lu}{2,6}\s*:\s*(?=\p{Lu}*+\p{N})(?=\p{N}*+\p{Lu})[\p{Lu}\p{N}]{10,40}"
    r"|(?i:issue|vol(?:ume)?\.?|edition|page|no\.)\s*#?\d{1,4}(?:\s+(?i:of)\s+\d{1,4})?"
    r"(?:,?\s*(?i:issue|no\.?)\s*\d{1,4})?"
    r"|(?i:registered\s+(?:charity|company|in\s+\p{Lu}[\p{L} ]{1,30})(?:\s+(?:no\.?|number))?"
    r"|(?:charity|company|vat)\s+(?:no\.?|number|registration))\s*:?\s*[\p{N}\p{Lu}\s-]{0,20}"
)
"""A document's, an issue's or a page's number ("Advisory No. 2026-014", "No.
AB/PR/2030/41", "Issue 118", "Page 3", "Issue #12"), or a registration number
("Registered charity no. 1187342"; an identifier of ten letters and digits or more under
an abbreviation: "VAT: GB9876543210")."""

LINE_LABEL_RE = regex.compile(
    r"(?i:most\s+(?:read|popular|shared|viewed|commented)(?:\s+(?:in|on)\s+[\p{L}'’ &]{1,30})?"
    r"|related(?:\s+stories)?|read\s+more|see\s+also|more\s+on\s+this"
    r"|(?:also\s+)?trending(?:\s+now)?(?:\s+(?:on|at|in)\s+[\p{L}\p{N}'’&. ]{1,30})?|popular|recommended|tags?|tagged(?:\s+(?:with|in|as))?|topics?|threads?|keywords?|filed\s+under|categor(?:y|ies)"
    r"|(?:you\s+)?(?:might|may|could|will)\s+also\s+(?:like|enjoy|want)|also\s+read|don['’]?t\s+miss"
    r"|read\s+next|more\s+like\s+this|recommended\s+reading)\s*:.*"
    r"|(?i:related(?:\s+[\p{L}'’-]+){1,2})\s*:(?:\s*[\p{Lu}\p{N}\p{So}\"“‘'].*)?"
    r"|(?i:recommended(?:\s+for\s+you)?|most\s+(?:read|popular|shared))\W*"
    r"|(?i:originally\s+published|republished|reprinted)\b.*"
    r"|(?i:an\s+official\s+(?:web)?site\s+of\s+(?:the\s+)?)\p{Lu}.{0,80}"
    r"|(?i:for\s+(?:immediate\s+)?release|(?:press|news|media)\s+release|embargoed\b)\W*"
    r"|(?i:(?:press|news|media)\s+release)\s*:\s*\p{Lu}[\p{L}\p{M}'’.&-]*"
    r"(?:\s+(?:(?:of|the|and|for|&)\s+)*\p{Lu}[\p{L}\p{M}'’.&-]*){0,5}"
    r"|(?i:(?:related|more|latest|other|further)\s+(?:[\p{L}'’]+\s+){0,3}?(?:stories|story|news"
    r"|releases?|coverage|articles?|interviews?|reading|posts?|videos?|podcasts?|reports?"
    r"|features?|obituaries|appeals?|alerts?)|more\s+(?:on|from|about|in)\s+[\p{L}'’ ]{1,30})\s*:.*"
)
"""A line of links to other stories ("Related incidents: Barn fire, Elmsworth (14
Mar)": "Related" and any one or two words before the colon when a title follows), a
republication notice, a government site's banner ("An official website of …"), or a
release's label with its issuer's name in title case ("Press
release: Ashdale Rowing Club")."""
_FILE_RE = regex.compile(
    r".{0,60}\(\s*(?:\p{Lu}{2,5},?\s*)?\d+(?:[.,]\d+)?\s*(?i:[KMG]B|bytes)\s*\)"
    r"|.{0,60}\(\s*(?i:pdf|docx?|xlsx?|csv|pptx?|odt|rtf|zip)(?:\s*,\s*\d{1,4}\s*(?i:pages?|pp))?\s*\)"
    r"|(?i:download)(?:\s+(?:the|our|this|a|full|free))*\s+(?:\p{Lu}{2,5}|app|images?|photos?|report|pdf)"
)
"""A download link: a label with the file's size ("Download the full report (PDF, 8.2
MB)") or its type ("Fixtures list (PDF)"), or a download of a file type ("Download
PDF")."""
_PAGE_CALL_RE = regex.compile(
    r"(?i:(?:print|share|e-?mail|save|gift|translate|bookmark|cite|rate|listen\s+to|report\s+a\s+problem"
    r"\s+with|was|is|did\s+you\s+find)\s+this\s+(?:page|article|story|release|obituary|interview"
    r"|post|report|episode)(?:\s+(?:useful|helpful))?\??(?:\s*/?\s*(?:yes|no|[👍👎]\uFE0F?)){0,2}"
    r"|(?:open|read|view)\s+(?:it\s+|this\s+)?in\s+(?:the\s+)?app|tap\s+(?:to|for)\s+(?:expand|read\s+more|see\s+more|more)"
    r"|continue\s+to\s+(?:page\s+\d{1,3}|(?:the\s+)?next\s+page)\W*"
    r"|\(?continued(?:\s+(?:on\s+(?:the\s+)?next\s+page|overleaf|(?:on|from)\s+page\s+\d{1,3}))?\)?\W*"
    r"|[–—-]?\s*\d{1,3}\s*[–—-]"
    r"|get\s+(?:the\s+)?[\p{L}\p{N}+]{2,30}(?:\s+app)?\s+on\s+(?:ios|android|the\s+app\s+store|google\s+play)"
    r"(?:\s+(?:and|or|&)\s+(?:ios|android|google\s+play))?"
    r"|(?:was|is)\s+this\s+(?:useful|helpful)\??(?:\s*/?\s*(?:yes|no)){0,2}"
    r"|(?:(?:was|is)\s+this\s+page\s+(?:useful|helpful)\??(?:\s*/?\s*(?:yes|no)){0,2}\s+)?report\s+a"
    r"\s+problem(?:\s+with\s+this\s+page)?"
    r"|check\s+against\s+delivery|as\s+prepared\s+for\s+delivery"
    r"|text\s+size(?:\s+a)*|skip\s+to\s+(?:main\s+)?(?:content|navigation)|back\s+to\s+top"
    r"|(?:older|newer|previous|next|earlier|later)\s+(?:posts?|entries|articles?|stories|pages?)\W*"
    r"|reading\s+(?:age|level)\s*:?\s*\d{1,2}\s*(?:\+|[-–]\s*\d{1,2})?(?:\s+(?:and\s+(?:up|over)|years?))?"
    r"|(?:check|compare|see|view)\s+(?:the\s+)?(?:latest\s+)?(?:price|prices|deal|deals)\s+(?:at|on)"
    r"\s+\S.{0,30}|(?:buy|shop|book)(?:\s+now)?\s+(?:at|on|from)\s+\p{Lu}\S*(?:\s+\p{Lu}\S*){0,2}"
    r")"
)
"""A page's own buttons ("Print this page", "Was this page useful? Yes", "Check price at
…", "Text size A A A", "Skip to main content", "Older posts →", "Open in app", "Continue
to page 2", "Continued overleaf", a page number between dashes), an app's store links,
a children's page's reading age ("Reading age 7+")."""
_BUTTON_RE = regex.compile(
    r"(?i:(?:save|gift|follow|reuse|share|send|print)\s+(?:this\s+)?(?:article|story|author|content|topics?"
    r"|post|page)|send\s+(?:any\s+)?(?:a\s+)?friend\s+(?:a|this)\s+(?:story|article)"
    r"|(?:click|tap)\s+to\s+(?:enlarge|zoom|play)|view\s+(?:image|photo)\s+in\s+full\s?screen"
    r"|enlarge\s+this\s+(?:image|photo)|(?:hide|show|toggle)\s+caption|show\s+(?:more|less)"
    r"|play\s+(?:video|audio)|link\s+copied|skip\s+(?:advertisement|ad)|log\s+in\s+to\s+continue"
    r"|unlock\s+this\s+(?:article|story)|(?:subscribers?|members?)[- ]only|story\s+highlights"
    r"|(?:about|contact)\s+the\s+author|most\s+viewed|newsletter\s+sign[- ]?up|terms\s+apply"
    r"|your\s+email\s+address\s+will\s+not\s+be\s+published\.?(?:\s+required\s+fields\s+are\s+marked)?"
    r"|this\s+(?:article|story|post|page)\s+is\s+(?:more|over)\s+than\s+\d{1,2}\s+(?:years?|months?)\s+old)"
    r"[\s.!*]*"
)
"""A news page's own buttons and notes ("Save article", "Click to enlarge", "Show more",
"Subscriber only", "This article is more than 2 years old"): fixed words of the site's,
never the story's."""
_ANSWER_RE = regex.compile(r"(?i:yes|no)")
_OFFER_RE = regex.compile(
    r"(?:\d{1,2}\s*%|\p{Sc}\s*\d{1,4}(?:\.\d{2})?)\s+(?i:off)\b(?:\s+[\p{L}'’-]+){0,5}[.!]?"
    r"|(?i:free\s+(?:delivery|shipping|trial|returns))(?:\s+[\p{L}'’-]+){0,4}[.!]?"
)
"""A shop's offer beside its call or its name ("20% off this weekend", "free delivery")."""
_COUNTED_LINK_RE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}'’ -]{0,30}\s*\(\d[\d,.]*\s*[KkMm]?(?:\s+\p{Ll}+)?\)"
)
"""A link with a count in parentheses ("Guestbook (56 entries)", "Comments (42)")."""
_TICKER_RE = regex.compile(
    r"\p{Lu}{2,10}(?:\s\p{Lu}{2,10})?\s*:\s*\p{Lu}{1,5}(?:\.\p{Lu}{1,2})?"
    r"(?:\s+\p{Sc}?\s*\d[\d,]*(?:\.\d+)?)?(?:\s*[▲▼↑↓+−-]\s*\d[\d,]*(?:\.\d+)?)?"
    r"(?:\s*\(\s*[+−-]?\d[\d,]*(?:\.\d+)?\s*%\s*\))?"
    r"|(?i:delayed|real-?time)(?:\s+(?:by|quote))?\s*(?:\d+\s*min(?:ute)?s?)?"
)
"""A stock quote ("NASDAQ: CRVN $84.12 ▲ 0.38 (0.45%)") and its delay note."""
_QUOTE_VALUE = r"(?:[▲▼↑↓+−-]\s*+)?\p{Sc}?\d[\d,]*(?:\.\d+)?(?:%|p|bn|m|k)?"
_QUOTE_PART_RE = regex.compile(
    rf"(?:\p{{L}}[\p{{L}}\p{{N}}.&/-]*(?:\s+[\p{{L}}\p{{N}}.&/-]+){{0,2}}\s+)?{_QUOTE_VALUE}(?:\s+{_QUOTE_VALUE})?"
    r"|\p{Lu}{2,6}(?:\.\p{Lu}{1,2})?"
)
"""One quote in a market strip: a label and a price, perhaps with its change ("Index
5,120.4 ▲0.4%", "Mkt cap £1.7bn"), or a ticker symbol alone."""
_ARROW_RE = regex.compile(r"[▲▼↑↓]\s*\d")
_LEAD_LABEL_RE = regex.compile(r"^\p{Lu}[\p{L} ]{0,30}:\s*")
_DISCLOSURE_RE = regex.compile(
    r"(?i:^(?:this\s+is\s+)?not\s+a\s+(?:verbatim\s+)?transcript\b|\bfor\s+guidance\s+only\b"
    r"|\bdo(?:es)?\s+not\s+(?:form|constitute)\s+(?:part\s+of\s+)?(?:an?|any)\s+(?:contract|offer)\b"
    r"|\b(?:(?:summary|note|notes|headnote)\s+is\s+not|does\s+not\s+form)\s+(?:a\s+)?part\s+of\s+the"
    r"\s+(?:reasons\s+for\s+the\s+)?(?:decision|judg(?:e)?ment|ruling|determination|reasons)\b"
    r"|\b(?:is\s+not|does\s+not\s+constitute)\s+(?:regulated\s+)?(?:financial|legal|investment|medical)\s+advice\b"
    r"|^disclaimers?\s*:|\bdo(?:es)?\s+not\s+(?:necessarily\s+)?reflect\s+the\s+(?:views?|opinions?)\s+of\b"
    r"|^this\s+(?:announcement|(?:press\s+)?release|document|communication)\s+(?:contains|constitutes|is\s+(?:being\s+)?made)"
    r"\b[^.]{0,80}?\b(?:for\s+the\s+purposes\s+of|within\s+the\s+meaning\s+of|pursuant\s+to|as\s+defined\s+in"
    r"|in\s+accordance\s+with)\s"
    r"|^(?:this\s+is\s+)?not\s+(?:financial|legal|investment|medical|tax)\s+advice\b)|"
    r"(?i:\b(?:earn|receive|get|make)s?\s+(?:a\s+)?(?:small\s+)?(?:commission|fee|share\s+of"
    r"\s+(?:the\s+)?(?:sale|revenue))s?\b.{0,80}\b(?:through|via|from|using)\s+(?:\w+\s+){0,2}links?\b"
    r"|\bqualifying\s+purchases\b|\baffiliate\s+(?:disclosure|links?|commission)"
    r"|\bunsubscribe\b|\byou(?:'re|’re|\s+are)\s+(?:receiving|getting)\s+(?:[^.\n]{1,40}?\s)?because\b"
    r"|\bmay\s+earn\s+(?:a\s+)?(?:small\s+)?(?:commission|fee)\b"
    r"|\b(?:is|are)\s+(?:a\s+)?(?:registered\s+)?trade\s*marks?\s+of\b"
    r"|\byou\s+received\s+this\s+(?:\w+\s+)?because\b|\bour\s+mailing\s+address\s+is\b"
    r"|^this\s+entry\s+was\s+posted\s+in\b|\bbookmark\s+the\s+permalink\b"
    r"|^this\s+page\s+was\s+last\s+(?:edited|modified|updated)\b|^retrieved\s+from\s+\S"
    r"|^\[?(?:unofficial\s+|official\s+|machine\s+)?translation\s+(?:from|of)\s+the\s+\p{L}+\s+(?:original|text)\b"
    r"|\bin\s+case\s+of\s+(?:any\s+)?(?:discrepancy|inconsistency|conflict)\b[^.]{0,60}\bprevails?\b"
    r"|\bis\s+not\s+responsible\s+for\s+the\s+content\s+of\s+external\b"
    r"|^(?:a\s+)?paid\s+partnership\b|^in\s+(?:paid\s+)?partnership\s+with\s+\p{Lu}[^.]{0,50}$"
    r"|\b(?:available|published|licen[cs]ed|released|reproduced|republished)\s+under\s+(?:\S+\s+){0,6}"
    r"(?:licen[cs]e|cc[- ]by\S*)\b"
    r"|^(?:this|the)\s+(?:information|announcement|release|content|article|story|report|notice)"
    r"\s+(?:is|was|has\s+been)\s+(?:provided|distributed|supplied|issued|syndicated)\s+by\b"
    r"|^(?:this|the)\s+(?:[\p{L}-]+\s+){0,2}(?:may|can|must\s+not|may\s+not|cannot)\s+be"
    r"\s+(?:freely\s+)?(?:reproduced|republished|copied|redistributed|reused)\b)"
)
"""An affiliate disclosure ("we may earn a commission when you buy through links on our
site", "we earn from qualifying purchases"), a mailing's note of why it was sent ("You
are receiving FAMILY MATTERS because ..."), a trademark notice, a line under a "Disclaimer:" label, a note
that comments do not reflect the site's views, a document's note that it is issued for
the purposes of a regulation, a summary's note that it is no part of the
decision, a licence notice ("available under the Open Government Licence"), or a wire's
notice opening a line ("This information is provided by …"), or a notice on reusing the
document ("This leaflet may be freely copied.")."""
_DISCLOSURE_MAX_WORDS = 35
_SLUG_PART_RE = regex.compile(r"[\p{Lu}\p{N}][\p{Lu}\p{N} .:'’&/-]*")
_SLUG_SEP_RE = regex.compile(r"(?:\G|(?<!\s))\s++[—–-]\s+|(?:\G|(?<!\s))\s*+[|/]\s*")
_SPEAKER_RE = regex.compile(r"\[\s*\p{Lu}[\p{Lu} .'’-]{1,30}\]\s*:?")
"""A broadcast script's speaker tag opening a line ("[ANCHOR]:", "REPORTER:")."""
_SIGNOFF_RE = regex.compile(
    r"(?<=(?:^|\n|[.!?\"”])\s*)(?:(?:For|From|Reporting\s+for)\s+\p{Lu}[\p{L}\p{M}\p{N}&'’. -]{1,40},\s+(?:I'm|I’m|I\s+am|this\s+is)"
    r"\s+\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){0,2}"
    r"|(?:I'm|I’m|This\s+is)\s+\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){0,2},"
    r"\s+\p{Lu}[\p{L}\p{M}\p{N}&'’ -]{1,30}\s+(?i:news|radio|tv|reporting)"
    r"|(?:Stay|Keep\s+it)\s+(?:with|tuned\s+to|on)\s+\p{Lu}[\p{L}\p{M}\p{N}&'’. -]{1,40}\s+for\s+"
    r"(?:(?:more|further|the\s+latest|live)\s+)?(?:updates|news|coverage|details|more))[.!]?\s*$"
)
"""A broadcaster's sign-off closing a paragraph ("For KBRV News, I'm Carla Dent.", "Stay
with WKRT News 4 for updates")."""
_ENUMERATOR_RE = regex.compile(r"(?:[IVX]{1,4}|\d{1,2})(?:\.\d{1,2}){0,3}[.)](?=\s+[\p{L}\"“‘'])")
"""A section or paragraph number opening a line ("1. Key findings", "2. “Low Tide”",
"II.1.4) Short description"): a label, no quantity."""
_COLUMNS_RE = regex.compile(r"[ \t]{3,}")
"""The gap between two columns of a line laid out in a page's columns."""
_SERIAL_RE = regex.compile(
    r"(?i:episode|ep\.|issue|vol\.|volume|season|chapter|part|no\.|query|question|item|step|appendix|annex)"
    r"[ \u00a0]*+\d{1,4}[ \u00a0]*+[:|—–]"
)
"""A serial's number labelling a title that follows it ("Episode 212: …", "Issue 45 —
…"): which instalment, no quantity."""
_MENU_PART_WORDS = 5
_CONTACT_SEP_RE = regex.compile(r"(?:\G|(?<!\s))\s*+[|,;·]\s*")
"""What splits a contact line's parts (a run of spaces read once)."""
_MENU_SEP_RE = regex.compile(r"(?:\G|(?<!\s))\s*+[|·•]\s*")
_GAP_RE = regex.compile(r"\s{2,}")
"""Runs of spaces between a menu's labels where the page's layout lost its bars
("Products  Support  Developers")."""
_SENTENCE_RE = regex.compile(r"(?<!\S)\S++(?:\s++\S++){2,40}\s++\S+[.!]")
"""A sentence among a line's parts: four words or more and a full stop."""
_CAPITAL_AFTER_PREFIX_RE = regex.compile(r"\p{Ll}{1,2}-?\p{Lu}")
"""A label whose capital follows a small prefix ("e-Paper", "iPlayer")."""


def is_phone(candidate: str) -> bool:
    """Is this :data:`PHONE_RE` match a telephone number: 9 to 15 digits, in three groups
    or more or behind a country code, and no group of three digits after a group of
    one to three (a number with spaces between its thousands: "1 200 000")."""
    digits = sum(ch.isdigit() for ch in candidate)
    if not 9 <= digits <= 15:
        return False
    groups = regex.findall(r"\d+", candidate)
    if len(groups) < 3 and not candidate.startswith("+"):
        return False
    thousands = len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    years = all(len(g) == 4 and g.startswith(("1", "2")) for g in groups)  # "2019 2020 2021"
    return not years and (not thousands or candidate.startswith(("+", "0", "(")))


def has_phone(text: str) -> bool:
    return any(is_phone(m.group()) for m in PHONE_RE.finditer(text))


def contact_line(line: str, words: int) -> bool:
    """A contact line: a contact label with anything after it, or a line of parts that
    are each an e-mail address, a phone number (a short one under its label: "Toll-free:
    122"), a web address or a short name."""
    if words > _CONTACT_MAX_WORDS:
        return False
    if _CONTACT_LABEL_RE.match(line):  # a name and an office, or a way to reach them
        return words <= _CONTACT_NAME_WORDS or _EMAIL_RE.search(line) is not None or has_phone(line)
    if _PHONE_LABEL_RE.match(line) and has_phone(regex.sub(r",(?=\s)", " ", line)):
        return True
    label = _FIELD_LABEL_RE.match(line)
    if label is not None and _EMAIL_RE.fullmatch(line[label.end() :].strip(" .")):
        return True  # an address under a label of its own ("Bookings: desk@hall.example")
    if ". " in line.rstrip():
        return False  # sentences
    parts = [p.strip(" .;") for p in _CONTACT_SEP_RE.split(line) if p.strip(" .;")]
    reached = False
    for p in parts:
        if (
            _EMAIL_RE.fullmatch(p)
            or (PHONE_RE.fullmatch(p) and is_phone(p))
            or _WEB_RE.fullmatch(p)
            or _SHORT_LINE_RE.fullmatch(p)
        ):
            reached = True
        elif not (len(p.split()) <= 3 and p[:1].isupper() and not any(c.isdigit() for c in p)):
            return False
    return reached


def breadcrumb(line: str, header: bool = False) -> bool:
    """A breadcrumb trail, perhaps under its label: three steps or more split by ``>``,
    ``›``, ``»`` or a spaced slash, each a capitalised phrase of at most six words (the
    first perhaps the site's address; from "Home", the last may be the page's longer
    title), or two steps split by ``›`` (or by ``>`` above the story, ``header``)."""
    parts = [p.strip() for p in _CRUMB_SEP_RE.split(_HERE_RE.sub("", line, count=1))]
    first = parts[0]
    if len(parts) < 2 or not (_DOMAIN_RE.fullmatch(first) or _CRUMB_PART_RE.fullmatch(first)):
        return False
    if not all(_CRUMB_PART_RE.fullmatch(p) for p in parts[1:-1]):
        return False
    if not _CRUMB_PART_RE.fullmatch(parts[-1]) and not _page_title(parts, line):
        return False
    return len(parts) >= 3 or "›" in line or "»" in line or (header and " > " in line)


def _page_title(parts: list[str], line: str) -> bool:
    """A trail from "Home" through two steps or more, to the page's title: a capitalised
    phrase of at most :data:`_TITLE_STEP_WORDS` words, no sentence."""
    last = parts[-1]
    return (
        len(parts) >= 3
        and parts[0].casefold() == "home"
        and len(last.split()) <= _TITLE_STEP_WORDS
        and last[:1].isupper()
        and _SENTENCE_END_RE.search(last) is None
    )


_TITLE_STEP_WORDS = 14
_SENTENCE_END_RE = regex.compile(r"[.!?]\s+\p{Lu}|[.!?]$")


def _parts(line: str) -> list[str]:
    return [p.strip(" ,:") for p in _MENU_SEP_RE.split(line) if p.strip(" ,:")]


def piped(line: str) -> bool:
    """Is ``line`` split by ``|``, ``·`` or ``•`` (not only by dashes)?"""
    return _MENU_SEP_RE.search(line) is not None


def menu_line(line: str) -> bool:
    """A menu of link labels split by ``|``, ``·`` or ``•`` and runs of spaces (by spaces
    alone: three labels or more, none closed by a full stop): parts of at most
    :data:`_MENU_PART_WORDS` words, none a sentence, at most one with a digit (none in a
    line of two parts: "Our rating: 4.5/5 | $1,299" is data), each capitalised."""
    piped = _parts(line)
    parts = [q.strip(" ,:") for p in piped for q in _GAP_RE.split(p) if q.strip(" ,:")]
    if len(piped) < 2 and (len(parts) < 3 or any(p[-1] in ".!?;" for p in parts)):
        return False  # spaces alone split a menu of three labels or more
    return (len(piped) >= 2 and _menu_parts(piped)) or _menu_parts(parts)


def _menu_parts(parts: list[str]) -> bool:
    if any(len(p.split()) > _MENU_PART_WORDS for p in parts):
        return False
    digits = sum(any(c.isdigit() for c in p) for p in parts)
    if digits > (1 if len(parts) >= 3 else 0) or any(_SENTENCE_RE.fullmatch(p) for p in parts):
        return False
    return all(
        p[:1].isupper() or p[:1].isdigit() or _CAPITAL_AFTER_PREFIX_RE.match(p) for p in parts
    )


_MARKET_PART_RE = regex.compile(
    r"\p{Sc}|\d[\d,]*(?:\.\d+)?p\b|^\p{Lu}{2,5}(?:\.\p{Lu}{1,2})?\b|^\p{Lu}{3}/\p{Lu}{3}\b"
    r"|^(?i:index|gold|silver|oil|brent|crude|yield|mkt\s+cap|market\s+cap|last|close|bitcoin"
    r"|gilts?|bonds?|dow|nasdaq|ftse|nikkei|dax|s&p)\b"
)
"""A quote of a market's, not a table's row: a price in a currency or in pence, a ticker
symbol or a pair of currencies ("CRT.L", "EUR/GBP"), or a market's name ("Index",
"Gold", "Yield")."""


def metadata_line(line: str, dated: Callable[[str], bool]) -> bool:
    """A line of two "Label: value" parts or more ("Decision date: 18 November 2025 |
    Country: England and Wales"), whose only digits are in dates (``dated``): "Area: 20
    km² | Population: 5,000" is data. Or a market strip: three quotes or more split by
    bars, each a symbol or a label with its price or change, one change with its arrow,
    most of them a market's (:data:`_MARKET_PART_RE`) ("Gold $2,310 ▲0.8% | Oil $77.10 |
    Index 5,120.4"): no claim of the story. A results table ("Labour 1,412 ▲212 | Green 903
    ▼40 | Turnout 41%") is."""
    parts = _parts(line)
    quotes = [_LEAD_LABEL_RE.sub("", parts[0]), *parts[1:]] if parts else []
    if (
        len(parts) >= 3
        and _ARROW_RE.search(line)
        and all(_QUOTE_PART_RE.fullmatch(p) for p in quotes)
        and 2 * sum(_MARKET_PART_RE.search(p) is not None for p in quotes) > len(quotes)
    ):
        return True
    return (
        len(parts) >= 2
        and all(_META_PART_RE.fullmatch(p) for p in parts)
        and all(dated(p.split(":", 1)[1].strip()) for p in parts if any(c.isdigit() for c in p))
    )


def slug_line(line: str) -> bool:
    """A broadcast or wire slug in capitals, three parts or more ("KBRV NEWS - 5 PM -
    READER - MEASLES")."""
    parts = [p for p in _SLUG_SEP_RE.split(line) if p.strip()]
    return (
        len(parts) >= 3
        and any(ch.isalpha() for ch in line)
        and all(_SLUG_PART_RE.fullmatch(p.strip()) for p in parts)
    )


_CONSENT_RE = regex.compile(
    r"(?i:\bcookies?\b.{0,80}\b(?:accept|agree|consent|settings|preferences|policy|learn\s+more"
    r"|manage|essential|ok)\b|\b(?:we|(?:this|our)\s+(?:web)?site)\s+(?:uses?|sets?)"
    r"\s+(?:\w+\s+){0,3}cookies\b|\buse\s+of\s+cookies\b|\bvalue\s+your\s+privacy\b)"
)
"""A cookie or privacy banner: cookies named with what the reader is asked to do, or a
site saying it uses them."""
_CONSENT_MAX_WORDS = 30


def consent_line(line: str, words: int) -> bool:
    """A cookie or privacy banner of at most 30 words (:data:`_CONSENT_RE`)."""
    return words <= _CONSENT_MAX_WORDS and _CONSENT_RE.search(line) is not None


def disclosure_line(line: str, words: int) -> bool:
    """An affiliate disclosure or a licence notice of at most 35 words."""
    return words <= _DISCLOSURE_MAX_WORDS and _DISCLOSURE_RE.search(line) is not None


def _follow(part: str) -> bool:
    """A follow or share call naming platforms ("Follow NSU News on Facebook, Instagram
    and LinkedIn")."""
    m = regex.match(r"(?i:follow|share|find|like|join)\b.{0,50}?\s(?i:on|via)\s+", part)
    return m is not None and _PLATFORMS_RE.fullmatch(part, m.end()) is not None


def number_line(line: str) -> bool:
    """A document's, an issue's or a registration number alone (:data:`_NUMBER_LINE_RE`)."""
    return _NUMBER_LINE_RE.fullmatch(line.strip()) is not None


def page_line(line: str) -> bool:
    """A short line alone that is the page's (:func:`page_part`) or a list of platforms."""
    return page_part(line, alone=True) or (
        _PLATFORMS_RE.fullmatch(line) is not None and PLATFORM_RE.fullmatch(line) is None
    )


def page_part(part: str, alone: bool) -> bool:
    """One part of a line that is the page's: a source line, a document number, a
    download, a button, a link with a count, a stock quote, platforms; beside other
    parts (not ``alone``) an answer button ("Yes") or one platform ("X") too."""
    if not alone and (
        _ANSWER_RE.fullmatch(part) or _PLATFORMS_RE.fullmatch(part) or _OFFER_RE.fullmatch(part)
    ):
        return True
    return bool(
        _SOURCE_RE.fullmatch(part)
        or _NUMBER_LINE_RE.fullmatch(part)
        or _FILE_RE.fullmatch(part)
        or _PAGE_CALL_RE.fullmatch(part)
        or _BUTTON_RE.fullmatch(part)
        or _COUNTED_LINK_RE.fullmatch(part)
        or _TICKER_RE.fullmatch(part)
        or _follow(part)
    )


_PLACEHOLDER_RE = regex.compile(
    r"\[[ \t]*+(?i:image[ \t]+description|image|photo|picture|figure|fig\.|chart|graph|map"
    r"|qr[ \t]+code|video|audio|alt(?:[ \t]+text)?|illustration|graphic|infographic|embed"
    r"|gallery|slideshow)(?:[ \t]+\d{1,3}[a-z]?)?[ \t]*+[:—–-][^\]\n]{1,400}\]"
)
"""A placeholder in square brackets for what the text version leaves out or describes
("[Image description: A narrow staircase …]", "[Figure 1: Daily maximum temperature …
chart not reproduced]", "[QR code: scan for the dashboard]")."""


def line_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Furniture inside a story line ``s:e``: a speaker tag opening it, a sign-off
    closing it, a paragraph or serial number opening it, a header's field in a column
    of it (:func:`~.furniture_lines.header_field`), a placeholder in brackets for an image, a
    figure or a code (:data:`_PLACEHOLDER_RE`)."""
    out = [m.span() for m in _PLACEHOLDER_RE.finditer(text, s, e)]
    m = (
        _SPEAKER_RE.match(text, s, e)
        or _ENUMERATOR_RE.match(text, s, e)
        or _SERIAL_RE.match(text, s, e)
    )
    if m is not None:
        out.append(m.span())
    m = _SIGNOFF_RE.search(text, s, e)
    if m is not None:
        out.append((m.start(), e))
    if _COLUMNS_RE.search(text, s, e):  # "Unique reference number: 148823    Inspection dates: …"
        at = s
        for gap in (*_COLUMNS_RE.finditer(text, s, e), None):
            end = gap.start() if gap is not None else e
            if text[at:end].strip() and header_field(text[at:end]):
                out.append((at, end))
            at = gap.end() if gap is not None else e
    return out
