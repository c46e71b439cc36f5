"""Page furniture the sentence loop skips: page ends, stamped and attributed teasers, old pictures.

Stage of ``geo.events.extract``'s loop: before a sentence is read for events, whether it is
furniture of the page (a link line, a dated teaser, a caption of an older picture, a headline).
"""

from __future__ import annotations

import datetime as dt
import re

from geo.records import DatePrecision
from geo.text.casefold import Gated
from geo.text.dates import find_dates
from geo.text.sentences import Sentence

# A link to another story left in pasted or scraped text: "Read also: ...", "ALSO READ: ...".
_LINK_LINE = re.compile(
    r"\W*(?:read (?:also|more)|also read|see also|related(?: articles?| stories| news)?|"
    r"more on (?:this|the topic)|recommended)\s*[:|]",
    re.IGNORECASE,
)
# A page's furniture on a line of its own: the article ended above it. What follows is other
# stories' teasers and links; a headline-led block right before it is a teaser too.
_FURNITURE_LINE = re.compile(
    r"^[ \t]*(?:read more|show more|load more|avatar|article image|related(?: articles?| "
    r"stories| news)?|more (?:stories|news)|more about(?: this| the topic)?|most read|"
    r"you may also like|recommended)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]?[ \t]*$")


def _page_end(text: str) -> int:
    """Where the article's own text ends: the teaser block before page furniture, or its end.

    A headline without a full stop right above "Read more" or an author's avatar ("General
    recalls months in captivity"), or a headline and its lead ("Town mourns after strike" /
    "Izium - a rocket hit a shop ..."), are other stories; a paragraph that ends a sentence
    right above it is the article's last.
    """
    m = _FURNITURE_LINE.search(text)
    if m is None:
        return len(text)
    blocks = [
        b for b in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text[: m.start()]) if b.group().strip()
    ]
    if not blocks:
        return m.start()
    last = blocks[-1]
    first_line = last.group().split("\n", 1)[0]
    if _SENTENCE_END.search(first_line) is None and len(blocks) > 1:
        return last.start()  # a teaser's headline (and its lead)
    return m.start()


# A photo caption marked as such: "(...) on the evening of May 2, 2023. Illustrative purposes
# only." shows an older scene, not the news.
_ILLUSTRATIVE_NEXT = re.compile(
    r"\s*\(?(?:illustrative|for illustrative purposes|illustration)\b", re.IGNORECASE
)


# A line that holds only a time stamp: "11:03, 08.03.2025", "17:09", "08.03.2025 11:03".
_STAMP_LINE = re.compile(
    r"[ \t]*(?:\d{1,2}:\d{2}(?:,?[ \t]+\d{1,2}[./]\d{1,2}[./]\d{2,4})?|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,?[ \t]+\d{1,2}:\d{2})?)[ \t]*(?:\n|$)"
)


def _stamped_teaser(text: str, sent: Sentence) -> bool:
    """Whether a sentence is another story's headline in a list of links with their times.

    "Troops shell the town: one killed today" above a line "17:09, 27.02.2025": a teaser of
    another report, listed with its time, not this report's news. Only a line without a full
    stop that the stamp line follows at once.
    """
    nl = text.find("\n", sent.end)
    if nl < 0 or text[sent.end : nl].strip() or _SENTENCE_END.search(text, sent.start, nl):
        return False
    line_start = text.rfind("\n", 0, sent.start) + 1
    if text[line_start : sent.start].strip():
        return False
    return _STAMP_LINE.match(text, nl + 1) is not None


# A headline's closing attribution: "... strike on the city – officials", "... - governor".
_HEADLINE_SOURCE = re.compile(
    r"\s[–—-]\s+(?:[\w'’.]+\s+){0,2}[\w'’.]+[ \t]*(?:\n|$)", re.IGNORECASE
)


def _attributed_teaser(text: str, sent: Sentence) -> bool:
    """Whether a sentence is a headline line with its source set inside the report's body.

    "Several hurt in strike on the town – officials" on a line of its own, after paragraphs
    of the report, is another story's headline linked from the page (its own headline comes
    before the first full sentence). Only a whole line without a full stop.
    """
    line_start = text.rfind("\n", 0, sent.start) + 1
    nl = text.find("\n", sent.end)
    line_end = len(text) if nl < 0 else nl
    line = text[line_start:line_end]
    if (
        text[line_start : sent.start].strip()
        or text[sent.end : line_end].strip()
        or _SENTENCE_END.search(line)
        or not _HEADLINE_SOURCE.search(text, sent.start, line_end + 1 if nl >= 0 else line_end)
    ):
        return False
    # the body has begun: a full sentence ends on a line before this one
    return any(_SENTENCE_END.search(b) for b in text[:line_start].split("\n"))


# A caption whose picture is older than this is a file picture, not the news's own scene.
_PICTURE_AGE = dt.timedelta(days=30)


def _older_picture(text: str, captions: list, sent: Sentence, published: dt.date | None) -> bool:
    """Whether a sentence sits in a caption that dates its picture well before publication.

    "This photograph posted on May 2, 2022 shows the mayor at a depot burnt out in a
    drone attack" in a report of April 2024: the picture recalls an older strike.
    """
    if published is None:
        return False
    for c in captions:
        if c.start <= sent.start < c.end:
            days = find_dates(text[c.start : c.end], published=published)
            return any(
                d.precision is DatePrecision.DAY and d.end < published - _PICTURE_AGE for d in days
            )
    return False


_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _is_headline(sentence: str) -> bool:
    if sentence.rstrip().endswith("."):
        return False  # the cheap test first: most sentences end so
    words = [w for w in _WORD.findall(sentence) if len(w) > 3]
    if not (len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.8):
        return False
    # "Movement of residents will be organized: A, B, C" without a full stop: a sentence in
    # lower case before a colon, then the names it lists (capitalised as names are)
    lead, colon, _ = sentence.partition(":")
    lead_words = [w for w in _WORD.findall(lead) if len(w) > 3]
    return not (
        colon
        and len(lead_words) >= 4
        and sum(w[0].isupper() for w in lead_words) * 2 <= len(lead_words)
    )


# Asked of most sentences, and most hold no match: it asks its lower-case twin first
# (geo.text.casefold.Gated). Set here, after every definition, so it reads as written above.
_LINK_LINE = Gated(_LINK_LINE)
