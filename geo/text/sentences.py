"""Split article text into sentence spans with offsets.

A full stop inside a word or after an abbreviation ("U.S.", "Gen. Syrskyi") does not end one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"’)]*|\n|$)")
_ABBREV_END = re.compile(
    r"\b(?:[A-Z]|St|Mt|Gen|Col|Lt|Maj|Sgt|Mr|Mrs|Ms|Dr|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|vs|U\.S|U\.K)\.$"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span of the article text."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences with offsets; abbreviations ("Gen.", "U.S.") do not end one."""
    out: list[Sentence] = []
    pending = None
    for m in _SENTENCE.finditer(text):
        s, e = m.span()
        if pending is not None:
            s = pending
            pending = None
        chunk = text[s:e]
        # "U.S." or "Gen. Syrskyi": a full stop inside a word or after an abbreviation does
        # not end the sentence.
        if (
            e < len(text)
            and chunk.endswith(".")
            and (not text[e].isspace() or (_ABBREV_END.search(chunk) and text[e] == " "))
        ):
            pending = s
            continue
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Sentence(s + lead, s + lead + len(stripped), stripped))
    return out
