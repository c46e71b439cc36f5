"""Head-counts of evacuations and displacement: how many people, how many children.

"More than 26,000 civilians, including 1,000 children, have been evacuated": the people and
children a sentence counts, a plan told apart from what is done ("plans to evacuate 45,000;
21,000 so far"), and counts that a list gives each place ("101 from A and 58 from B").
Tolls of the dead and hurt are ``geo.events.casualties``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geo.text.casefold import Gated, caseless_lower, lower_twin, may_hold
from geo.text.literals import required_literals

if TYPE_CHECKING:
    from geo.records import Toponym
    from geo.text.sentences import Sentence

__all__ = ["NUM_WORDS", "head_counts", "listed_head_counts", "parse_figures", "to_int"]

# Figures for evacuations and displacement.
NUM_WORDS = dict(
    zip(
        re.findall(
            r"[a-z ]+",
            "one,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,"
            "fifteen,twenty,thirty,forty,fifty,hundred,a hundred",
        ),
        (*range(1, 13), 15, 20, 30, 40, 50, 100, 100),
        strict=True,
    )
)

_SCALE = {"thousand": 1_000, "million": 1_000_000}

# "Twenty-four people", "thirty five residents": a compound number word, tens then units
_TENS = dict(
    zip(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(),
        range(20, 100, 10),
        strict=True,
    )
)
_UNITS = dict(
    zip("one two three four five six seven eight nine".split(), range(1, 10), strict=True)
)
_COMPOUND = re.compile(rf"({'|'.join(_TENS)})[-\s]?({'|'.join(_UNITS)})")

_PEOPLE_NOUNS = (
    r"people|civilians|residents|inhabitants|persons|evacuees|refugees|villagers|"
    r"ukrainians|russians|individuals|citizens|patients|"
    # "only one person was taken out": a count of one
    r"person|resident|civilian"
)

_CHILD_NOUNS = r"children|minors|kids|orphans|child"

_FIGURE = re.compile(
    # The look-ahead on a figure's first character spares the engine the number words at
    # every position of every sentence (same matches, in about 60% of the time).
    rf"(?=[\d{''.join(sorted({w[0] for w in NUM_WORDS}))}])"
    # not "four" of "twenty-four", which is read whole
    r"(?<![^\W\d_])(?<![^\W\d_]-)"
    r"(?P<num>\d{1,3}(?:[,\u202f ]\d{3})+|\d+(?:\.\d+)?|"
    rf"(?:{'|'.join(_TENS)})[-\s](?:{'|'.join(_UNITS)})|"
    + "|".join(sorted(NUM_WORDS, key=len, reverse=True))
    + r")(?:\s+(?P<scale>thousand|million))?\s+(?:(?:more|other|local|ukrainian|russian|elderly|"
    r"displaced|internally displaced)\s+)?(?P<noun>" + _PEOPLE_NOUNS + "|" + _CHILD_NOUNS + r")\b",
    re.IGNORECASE,
)

_FIGURE_LOW = lower_twin(_FIGURE)  # for ASCII sentences, in lower case (geo.text.casefold)
# its nouns, one of which every match holds
_FIGURE_WORDS = tuple(sorted(required_literals(_FIGURE_LOW, max_words=40) or ()))

# Who lived in a place, not who left it: "its population of some 8,000 before the war", "home
# to some 9,000 residents", "a town of 12,000 people", "a district which has 9,000 residents".
_POPULATION_BEFORE = re.compile(
    r"\b(?:population\s+of|home\s+to|(?:town|city|village|settlement)\s+of|"
    r"(?:which|that)\s+(?:has|had|have)(?:\s+had)?)\s+"  # "..., which has 9,000 residents,"
    r"(?:(?:about|around|some|roughly|nearly|almost|over|more\s+than|an\s+estimated|"
    r"approximately|just\s+over|just\s+under)\s+){0,2}$",
    re.IGNORECASE,
)
# The dead or hurt a count names, no one moved: "two people were killed", "killing two people"
_TOLL_AFTER = re.compile(
    r"\s+(?:(?:were|was|have|has|had|been|reportedly|also)\s+){0,3}"
    r"(?:killed|injured|wounded|hurt|died|dead)\b",
    re.IGNORECASE,
)
_TOLL_BEFORE = re.compile(
    r"\b(?:killing|injuring|wounding|killed|injured|wounded|hurt)\s+"
    r"(?:(?:at\s+least|more\s+than|about|some|another)\s+)?$",
    re.IGNORECASE,
)
# Who live or stay in a place: "3,000 people, including 200 children, live in the villages"
_LIVING_AFTER = re.compile(
    r"(?:\s*,\s*including\s+[^,;.]{1,40},)?\s*,?\s+(?:still\s+)?"
    r"(?:live|lived|living|reside|resided|remain|remained|stay|stayed)\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(r"\b(?:several|a few|few|many|dozens of|hundreds of)\s+$", re.IGNORECASE)


def to_int(num: str, scale: str | None) -> int | None:
    """A count written in digits ("26,000", "1.5") or words ("twelve"), times its scale."""
    num = num.lower().replace(",", "").replace("\u202f", "").replace(" ", "")
    if num in NUM_WORDS:
        value = float(NUM_WORDS[num])
    elif m := _COMPOUND.fullmatch(num):
        value = float(_TENS[m.group(1)] + _UNITS[m.group(2)])
    else:
        try:
            value = float(num)
        except ValueError:
            return None
    if scale:
        value *= _SCALE[scale.lower()]
    return round(value)


def parse_figures(sentence: str) -> tuple[int | None, int | None]:
    """The head-count of people and of children in a sentence, as integers.

    "More than 26,000 civilians, including 1,000 children" gives (26000, 1000). Vague amounts
    ("thousands of people") give None. Of a plan and what is done ("plans to evacuate 45,000
    people; 21,000 have been evacuated thus far") the done count is the one given.
    """
    people, children, _ = head_counts(sentence)
    return people, children


_CHILD_NOUN = re.compile(_CHILD_NOUNS, re.IGNORECASE)


def head_counts(sentence: str) -> tuple[int | None, int | None, bool]:
    """:func:`parse_figures` and whether the people counted are only the ones planned for."""
    people = children = None
    planned = False
    low = caseless_lower(sentence)
    if low is not None:
        # the twin, where the sentence holds a people noun (most hold none)
        found = _FIGURE_LOW.finditer(low) if may_hold(_FIGURE_WORDS, low) else ()
    else:
        found = _FIGURE.finditer(sentence)
    for m in found:
        value = to_int(m.group("num"), m.group("scale"))
        if value is None or _VAGUE.search(sentence, 0, m.start()):
            continue  # "several hundred children" is an amount, not a count
        if _POPULATION_BEFORE.search(sentence, max(0, m.start() - 60), m.start()):
            continue  # "a pre-war population of about 5,000 people": who lived there
        if _TOLL_AFTER.match(sentence, m.end()) or _TOLL_BEFORE.search(
            sentence, max(0, m.start() - 30), m.start()
        ):
            continue  # "after two people were killed", "killing two people": a toll
        if _LIVING_AFTER.match(sentence, m.end()):
            continue  # "3,000 people, including 200 children, live in the villages": who stays
        if _CHILD_NOUN.fullmatch(m.group("noun")):
            children = children if children is not None else value
        elif people is None:
            people, planned = value, _is_planned(sentence, m.start(), m.end())
    if people is None or planned:
        # "21,000 have been evacuated thus far": a count done, told without its noun
        for m in _DONE_COUNT.finditer(sentence):
            if m.group("num") and _CHILD_NOUN.search(m.group()):
                continue  # "6 children have been evacuated": children, counted above
            value = to_int(m.group("num") or m.group("num2"), None)
            if value is not None and not _is_planned(sentence, m.start(), m.end()):
                return value, children, False
    return people, children, planned


# A figure of people an evacuation is planned for, not people moved: "plans to evacuate
# 45,000 people", "ordered the evacuation of", "45,000 people are to be evacuated".
_PLAN_BEFORE = re.compile(
    r"\b(?:plan(?:s|ned|ning)?|aim(?:s|ed|ing)?|intend(?:s|ed)?|want(?:s|ed)?|expect(?:s|ed)?|"
    r"need(?:s|ed)?|ha(?:s|ve) to|order(?:s|ed)?|mandatory|compulsory|will|would|seek(?:s|ing)?|"
    r"hope(?:s|d)?|to be)\b[^.;:,]{0,50}$",
    re.IGNORECASE,
)

_PLAN_AFTER = re.compile(
    r"\A[^.;:,]{0,20}?\b(?:(?:are|were|is)\s+(?:still\s+|yet\s+)?to be|will be|need to be|"
    r"must be|have to be|should be)\s+(?:evacuated|relocated|moved)\b"
    # "45,000 residents ordered to leave", "people who were told to evacuate"
    r"|\A[^.;:,]{0,25}?\b(?:ordered|told|urged|asked|required|obliged)\s+to\s+"
    r"(?:leave|evacuate|move)\b",
    re.IGNORECASE,
)

# A count of people moved already: "21,000 have been evacuated thus far", "so far, 4,000 have
# left".
_DONE_COUNT = re.compile(
    r"(?P<num>\d{1,3}(?:[,\u202f ]\d{3})+|\d+)\s+(?:\w+\s+)?(?:have|has|had)\s+(?:already\s+)?"
    r"(?:been\s+)?(?:evacuated|left|relocated|moved out|gone|departed)\b"
    # "... and has already evacuated 21,000"
    r"|\b(?:have|has|had)\s+(?:already\s+|so far\s+)?(?:evacuated|relocated|moved)\s+"
    r"(?:(?:more than|over|about|around|some|nearly|almost)\s+)?"
    r"(?P<num2>\d{1,3}(?:[,\u202f ]\d{3})+|\d+)\b",
    re.IGNORECASE,
)
# Tried at every number of a sentence otherwise: first asked whether "has", "have" or "had"
# is there at all (geo.text.casefold.Gated).
_DONE_COUNT = Gated(_DONE_COUNT)


def _is_planned(sentence: str, start: int, end: int) -> bool:
    return bool(
        _PLAN_BEFORE.search(sentence, max(0, start - 60), start)
        or _PLAN_AFTER.match(sentence[end : end + 60])
    )


# A bare count that a list gives a place of its own: "... and 58 from Mangush".
_LISTED_COUNT = re.compile(
    r"\b(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+"
    r"(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"  # "on 14 October in"
    r"(?:[a-z]+\s+){0,2}?(?:from|in)\s",
    re.IGNORECASE,
)


def listed_head_counts(
    text: str, sent: Sentence, places: list[Toponym]
) -> dict[int, tuple[int | None, int | None]] | None:
    """Each listed place's own head-count: "101 people from A and 58 from B" -> A 101, B 58.

    Keyed by the place's start. A count told between two places of the list belongs to the
    later one; the first place takes the count before it. None where no place after the first
    has a count of its own (one count for the whole list, or for the sentence).
    """
    if len(places) < 2:
        return None
    ordered = sorted(places, key=lambda t: t.start)
    bounds = [sent.start] + [t.end for t in ordered[:-1]]
    out: dict[int, tuple[int | None, int | None]] = {}
    for lo, top in zip(bounds, ordered, strict=True):
        segment = text[lo : top.start] if lo <= top.start else ""
        people, children = parse_figures(segment)
        if people is None and children is None and (m := _LISTED_COUNT.search(segment)):
            people = to_int(m.group("num"), None)
        out[top.start] = (people, children)
    if all(v == (None, None) for v in list(out.values())[1:]):
        return None
    return out
