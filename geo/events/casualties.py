"""Casualty figures in a sentence: how many were killed and injured, and the words they came from.

Reads the phrasings of wire copy and official bulletins in English, Ukrainian and Russian:
"one person was killed", "killing a 70-year-old man", "two civilians were injured",
"wounding five", "four dead and another four injured", "загинули 3 людини".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Casualties", "parse_casualties"]

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_WORD_NUM = {w: i for i, w in enumerate(_UNITS)} | {"no": 0, "a": 1, "an": 1}
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_WORD_NUM |= _TENS | {"twenty": 20}
_WORD_RE = "|".join(
    sorted((w for w in _WORD_NUM if w not in {"a", "an", "no"}), key=len, reverse=True)
)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_WORD_RE})(?:[- ](?:{_ONES}))?)"
# Who the figure counts: a noun, possibly with an age or an adjective before it.
_WHO = (
    r"(?:[\w-]+[- ]year[- ]old\s+|elderly\s+|local\s+|other\s+|more\s+|civilian\s+|young\s+)?"
    r"(?:people|persons?|civilians?|residents?|men|man|women|woman|children|child|kids?|"
    r"boys?|girls?|teenagers?|others|more|victims|passers-?by|workers?|employees|"
    r"pensioners?|individuals|(?:police )?officers?|rescuers?|medics?)"
)
_HEDGE = r"(?:(?:at least|another|more than|over|nearly|almost|some|about|around|up to)\s+)?"
_KILL = r"killed|dead|died|perished|lost their lives|fatalities|deaths|fatally (?:injured|wounded)"
_HURT = r"injured|wounded|hurt|injuries|hospitali[sz]ed|casualties"
# "two people were killed", "23 civilians were killed", "Four killed", "the 18 wounded",
# "a man was killed", "an elderly woman died", "24 injuries".
_BEFORE = re.compile(
    rf"\b{_HEDGE}(?P<num>{_NUM}|(?:a|an)(?=\s+{_WHO}))\s+"
    rf"(?:{_WHO}(?:,\s[^,]{{1,40}},)?\s+)?"  # "61 people, including a baby, were injured"
    r"(?:(?:were|was|are|is|have|has|had|been|being|be|reportedly|reported|confirmed|"
    r"known|to|later|also|seriously|critically|severely|slightly|others?)\s+){0,5}"
    rf"(?:(?P<kill>{_KILL})|(?P<hurt>{_HURT}))\b",
    re.IGNORECASE,
)
# "killing seven people", "kills one person, wounds 14", "injuring three", "left one dead".
_AFTER = re.compile(
    r"\b(?:(?P<kill>killing|kill(?:s|ed)?|claim(?:ed|ing)? the lives of|left)"
    r"|(?P<hurt>injuring|injur(?:es|ed)|wounding|wound(?:s|ed)?))\s+"
    rf"{_HEDGE}(?P<num>{_NUM}|(?:a|an)(?=\s+{_WHO}))\b(?:\s+{_WHO})?"
    r"(?P<dead>\s+dead)?",
    re.IGNORECASE,
)
_FATAL = re.compile(rf"\bfatal injuries to\s+{_HEDGE}(?P<num>{_NUM})\b", re.IGNORECASE)
_NONE = re.compile(
    r"\bno (?:casualties|victims|injuries|one was (?:killed|injured|hurt))\b"
    r"|\bwithout casualties\b",
    re.IGNORECASE,
)
# Ukrainian and Russian: "загинули 3 людини", "3 людини загинули", "поранено п'ятеро",
# "погиб один человек", "ранены 5 человек".
_CYR_KILL = r"загину\w*|загиб\w*|вбит\w*|убит\w*|погиб\w*|помер\w*|умер\w*"
_CYR_HURT = r"поранен\w*|поранил\w*|травмован\w*|ранен\w*|ранил\w*|пострада\w*|постражда\w*"
_CYR_NUM = {
    "один": 1, "одна": 1, "одну": 1, "двоє": 2, "двое": 2, "дві": 2, "два": 2, "две": 2,
    "троє": 3, "трое": 3, "три": 3, "четверо": 4, "чотири": 4, "четыре": 4, "п'ятеро": 5,
    "пʼятеро": 5, "пятеро": 5, "п'ять": 5, "пять": 5,
}  # fmt: skip
_CYR_N = r"\d+|" + "|".join(sorted(_CYR_NUM, key=len, reverse=True))
_CYR = re.compile(
    rf"(?:(?P<kill>{_CYR_KILL})|(?P<hurt>{_CYR_HURT}))\s+(?:\w+\s+)?(?P<num>{_CYR_N})\b"
    rf"|\b(?P<num2>{_CYR_N})\s+(?:\w+\s+){{0,2}}?(?:(?P<kill2>{_CYR_KILL})|(?P<hurt2>{_CYR_HURT}))",
    re.IGNORECASE,
)
# Counts that are not of one event: running tolls and military losses.
_NOT_EVENT_TOLL = re.compile(
    r"\b(?:since (?:the start|the beginning|february)|in total|so far this year|"
    r"total number|casualties (?:have|has) (?:climbed|risen|reached)|"
    r"death toll (?:has|had) (?:risen|increased|climbed))\b",
    re.IGNORECASE,
)


# Most sentences name no casualty: one cheap search spares them the patterns above.
_ANY = re.compile(
    r"kill|dead|died|death|perish|lost their|fatal|injur|wound|hurt|hospitali|casualt|victim|"
    r"загин|вбит|убит|погиб|помер|умер|поранен|ранен|ранил|травм|постраж|пострад",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Casualties:
    """Killed and injured counts of one sentence (None where it states none)."""

    killed: int | None = None
    injured: int | None = None
    text: str = ""

    def __bool__(self) -> bool:
        return self.killed is not None or self.injured is not None


def _value(raw: str) -> int | None:
    raw = raw.lower().replace(",", "")
    if raw.isdigit():
        return int(raw)
    if raw in _CYR_NUM:
        return _CYR_NUM[raw]
    parts = re.split(r"[- ]", raw)
    if all(p in _WORD_NUM for p in parts):
        return sum(_WORD_NUM[p] for p in parts)
    return None


def parse_casualties(sentence: str) -> Casualties:
    """The first killed and the first injured count a sentence states.

    "At least six people were killed and 16 others injured" gives (6, 16); "killing a
    70-year-old man" gives one killed; "No casualties were reported" gives (0, 0). Running
    totals ("since the start of the war") give nothing.
    """
    if not _ANY.search(sentence) or _NOT_EVENT_TOLL.search(sentence):
        return Casualties()
    found: list[tuple[int, str, int, str]] = []  # (position, kind, value, words)
    for m in _BEFORE.finditer(sentence):
        found.append((m.start(), "kill" if m.group("kill") else "hurt", m.group("num"), m))
    for m in _AFTER.finditer(sentence):
        if m.group("kill") and m.group("kill").lower() == "left" and not m.group("dead"):
            continue  # "left one dead" only
        found.append((m.start(), "kill" if m.group("kill") else "hurt", m.group("num"), m))
    for m in _FATAL.finditer(sentence):
        found.append((m.start(), "kill", m.group("num"), m))
    for m in _CYR.finditer(sentence):
        kind = "kill" if (m.group("kill") or m.group("kill2")) else "hurt"
        found.append((m.start(), kind, m.group("num") or m.group("num2"), m))
    killed = injured = None
    words = []
    for _, kind, raw, m in sorted(found, key=lambda f: f[0]):
        value = _value(raw)
        if value is None:
            continue
        if kind == "kill" and killed is None:
            killed = value
        elif kind == "hurt" and injured is None:
            if m.group(0).lower().rstrip().endswith("casualties"):
                continue  # "17 casualties" counts the dead and the hurt together
            injured = value
        else:
            continue
        words.append(m.group(0).strip())
    if killed is None and injured is None and (m := _NONE.search(sentence)):
        return Casualties(0, 0, m.group(0))
    return Casualties(killed, injured, "; ".join(words))
