"""Split article text into sentence spans with offsets.

Scraped pages glue sentences ("2022.The"); headlines and bullet summaries have no full stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

# A bullet anywhere ("• Strike on Kharkiv • Evacuation in Pokrovsk") ends a sentence; a
# line-start "-" or "*" marker (Markdown-style summaries) is not part of the next one.
_BULLETS = "•◦▪‣●"
_SENTENCE = re.compile(rf"[^.!?\n{_BULLETS}]+(?:[.!?]+[”\"’)\]]*|\n|(?=[{_BULLETS}])|$)")
_LINE_MARKER = re.compile(r"[-*–—][ \t]+")
# "с. A, смт. B": the Ukrainian and Russian village and town abbreviations of order lists
_ABBREV_END = re.compile(
    r"\b(?:[A-Z]|St|Mt|Gen|Col|Lt|Maj|Sgt|Mr|Mrs|Ms|Dr|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|No|vs|U\.S|U\.K"
    r"|с|смт|м|пос|сел)\.$"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span of the article text."""

    start: int
    end: int
    text: str


_ABBREV_LONGEST = 5  # "Sept."


def _abbreviation_end(chunk: str) -> bool:
    # Searched from a few characters before the end, not along the whole sentence: a match
    # ends at the end and is at most five characters long (the word boundary before it still
    # sees the character before the start).
    return _ABBREV_END.search(chunk, max(0, len(chunk) - _ABBREV_LONGEST - 1)) is not None


_WORD_BREAK = re.compile(r"[\s.]")


def _glued_start(text: str, end: int, chunk: str) -> bool:
    """Whether a full stop with no space after it still ends a sentence ("2022.The").

    Only when a capitalised word follows ("The", "Russia", "A ") and the full stop closes a
    word of two or more characters that is no abbreviation: "2.5", "U.S.", "a.m.",
    "Gen.Syrskyi" and "kyivindependent.com" stay whole.
    """
    nxt = text[end : end + 2]
    if not nxt[:1].isupper():
        return False
    if not (nxt[1:2].islower() or (nxt[:1] in "AIА" and nxt[1:2] in (" ", ""))):
        return False
    last = _WORD_BREAK.split(chunk[:-1])[-1]  # the word the full stop closes
    return len(last) >= 2 and not _abbreviation_end(chunk)


# "As of 2 p.m. on May 3, nine were dead": a clock time's "a.m."/"p.m." before a lower-case
# word ends no sentence ("at 9 a.m. The strike ..." still does).
_CLOCK_END = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_LOWER_NEXT = re.compile(r" +[a-z]")


def _clock_inside(text: str, end: int, chunk: str) -> bool:
    return _CLOCK_END.search(chunk, max(0, len(chunk) - 6)) is not None and bool(
        _LOWER_NEXT.match(text, end)
    )


def _at_line_start(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences with offsets.

    A sentence ends at ``.``, ``!`` or ``?`` (with closing quotes), at a line break (a
    headline or a bullet without a full stop is a sentence of its own) and before a bullet
    (``•``). A full stop inside a word or number ("2.5", "kyivindependent.com") or after an
    abbreviation followed by a space ("Gen. Syrskyi", "U.S. forces", "St. Petersburg") does
    not end one; a full stop glued to the next sentence ("2022.The", "Tuesday.Russia") does.
    A line-start ``-`` or ``*`` bullet marker is left out of the sentence span.
    """
    out: list[Sentence] = []
    pending = None
    for m in _SENTENCE.finditer(text):
        s, e = m.span()
        if pending is not None:
            s = pending
            pending = None
        chunk = text[s:e]
        if e < len(text) and chunk.endswith("."):
            glued = not text[e].isspace()
            if (glued and not _glued_start(text, e, chunk)) or (
                not glued
                and text[e] == " "
                and (_abbreviation_end(chunk) or _clock_inside(text, e, chunk))
            ):
                pending = s
                continue
        stripped = chunk.strip()
        start = s + len(chunk) - len(chunk.lstrip())
        marker = _LINE_MARKER.match(stripped)
        if marker and _at_line_start(text, start):
            start += marker.end()
            stripped = stripped[marker.end() :]
        if stripped:
            out.append(Sentence(start, start + len(stripped), stripped))
    return out
