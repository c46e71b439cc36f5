"""Photo captions and image credits left inside pasted or scraped article text.

A caption describes a picture, often an older or a stock one ("A suitcase on a platform.
Stock photo"), and restates or predates the news; its sentences report no event of their own.
Web pages lose their ``<figcaption>`` markup (geo.text.webpage drops it); pasted text keeps the
caption as a short line of its own, which this module finds by its credit or its label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.text.casefold import ascii_lower, lower_twin

__all__ = ["Caption", "caption_spans"]

_MAX_CAPTION = 400  # characters: a caption is a line or two, never a paragraph of news
# A credit: "Photo: ...", "Stock photo: ...", "(Photo by ...)", "Getty Images", "AFP via ...",
# "REUTERS/Name", "Name/AFP", "Illustrative image". "Photo by" only opens a line, a bracket or
# a sentence: "satellite photos by a firm show ..." in a short paragraph is news.
_CREDIT = re.compile(
    r"(?:^|[(.|]\s*)(?:stock\s+)?(?:photo|photograph|image|picture)s?\s*(?::|by\b|credit\b)"
    # an agency's file or archive picture, named at the head of its line or sentence: "File
    # image of rescuers at a house in X", "Archive photo: ..." (an older picture, not this news)
    r"|(?:^|[(.|]\s*)(?:file|archive|archival)\s+(?:photo|photograph|image|picture)s?\b"
    r"|\bgetty\s+images|afp\s+via\b|(?:reuters|afp|ap\s+photo|anadolu)/|/(?:afp|reuters|ap)\b"
    r"|illustrative\s+(?:photo|image|picture|purposes)"
    # a wire picture's line closed by its full date and the agency in brackets: "... in the
    # city of X on October 2, 2024. [AFP]", "... June 9, 2022. (Reuters Photo)"
    r"|\b(?:19|20)\d\d\.?\s*[\[(](?:afp|reuters|ap|anadolu)(?:\s+photo)?[\])]\s*$",
    re.IGNORECASE,
)
_CREDIT_LOW = lower_twin(_CREDIT)  # for ASCII text in lower case: the same spans, faster
# A word or mark every credit above holds (keep the two together): a line of lower-case text
# without one holds no credit, and this says so faster than the credit pattern, which can
# start anywhere (a line start, a bracket, a full stop).
# ("ap" as a word: its boundary before is looked at after the letters, so that every
# alternative opens with a letter and the engine skips to those)
_CREDIT_HINT = re.compile(
    r"photo|image|picture|getty|afp|/|illustrative|reuters|ap(?<!\wap)\b|anadolu"
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")
# A picture that is not of the news at all: a stock or an illustrative one.
_STOCK = re.compile(
    r"\b(?:stock\s+(?:photo|image|picture)|illustrat\w*|representation(?:al)?\s+purposes?|"
    r"for\s+representation|(?:file|archive|archival)\s+(?:photo|image|picture))\b",
    re.IGNORECASE,
)
# A wire caption led by a label in capitals and closed by the picture's full date:
# "FLOODED STREETS. Residents wade through water in Kherson, Ukraine on June 7, 2023."
_LABELLED = re.compile(r"[A-Z][A-Z0-9'’ -]{2,40}\.\s+[A-Z][^\n]*\b(?:19|20)\d\d\.?\s*$")
# A wire caption that opens by naming its picture: "This photograph taken on May 3 shows ...",
# "A handout picture released by the press service ...", "This image posted on Telegram ...".
_PICTURE_OPENER = re.compile(
    r"(?:this|the|a|an)\s+(?:(?:handout|file|undated|satellite)\s+)?"
    r"(?:photo(?:graph)?|image|picture|video\s+grab|screen\s*grab|still)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:taken|posted|released|provided|obtained|published|distributed|"
    r"shared|made\s+available)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Caption:
    """A caption line: its offsets in the text, and whether its picture is a stock one."""

    start: int
    end: int
    stock: bool  # "Stock photo", "Illustrative image", "File photo": not of this news at all


def caption_spans(text: str) -> list[Caption]:
    """The lines of ``text`` that are photo captions or credits.

    Parameters
    ----------
    text : str
        An article's text, lines separated by newlines.

    Returns
    -------
    list of Caption
        In text order; a line is a caption when it is short and carries an image credit
        ("Photo: ...", "(Photo by ...)", "Getty Images", "AFP via", "REUTERS/...",
        "Illustrative image"), leads with a label in capitals and ends with a full date, or
        opens by naming its picture ("This photograph taken on ... shows").
    """
    spans = []
    start = 0
    low = ascii_lower(text)
    lows = low.split("\n") if low is not None else None
    for n, line in enumerate(text.split("\n")):
        end = start + len(line)
        body = line.strip()
        if len(body) > _MAX_CAPTION:
            credits = []
        elif lows is None:
            credits = list(_CREDIT.finditer(line))
        elif _CREDIT_HINT.search(lows[n]):  # case-insensitive matching is slower: the twin
            credits = list(_CREDIT_LOW.finditer(lows[n]))
        else:
            credits = []
        if credits:
            # the caption ends with the sentence of its last credit: "... Illustrative
            # purposes only. Russian drones hit Kherson overnight." goes on with news
            stop = _SENTENCE_END.search(line, credits[-1].end())
            cut = start + stop.start() + 1 if stop else end
            stock = bool(_STOCK.search(line, 0, cut - start))
            spans.append(Caption(start, cut, stock=stock))
        elif (
            body
            and len(body) <= _MAX_CAPTION
            and (_LABELLED.match(body) or _PICTURE_OPENER.match(body))
        ):
            spans.append(Caption(start, end, stock=bool(_STOCK.search(body))))
        start = end + 1
    return spans
