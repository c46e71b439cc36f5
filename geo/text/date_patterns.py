"""Date-expression vocabulary and patterns: month, weekday and number words, and the regexes.

The master pattern finds candidate expressions; ``geo.text.dates`` resolves what it finds.
"""

from __future__ import annotations

import calendar
import re

__all__ = [
    "ATOM",
    "ATOM_PARSE",
    "BRNG_PARSE",
    "CYR_MON",
    "CYR_NO",
    "CYR_PARSE",
    "DASH",
    "DAY",
    "DAYN",
    "FUNCTION_WORDS",
    "ISO",
    "MASTER",
    "MAY_CONTEXT",
    "MON",
    "MONTH_CONTEXT",
    "MONTH_NO",
    "MON_FULL",
    "NAME_AFTER",
    "NOUN_AFTER",
    "NUM",
    "NUMBERS",
    "SP",
    "SPO",
    "TRIGGER",
    "UNIT",
    "WDP",
    "WEEKDAY",
    "WEEKDAY_NO",
    "YEAR",
    "YEAR_CONTEXT",
]

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------
_FULL_MONTHS = tuple(calendar.month_name[1:])
MONTH_NO = {name.lower(): i for i, name in enumerate(_FULL_MONTHS, 1)}


def _words(line: str) -> tuple[str, ...]:
    return tuple(line.split())


_ABBREVIATIONS = _words("Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec")
MONTH_NO |= {
    a.lower(): MONTH_NO[f.lower()] for a in _ABBREVIATIONS for f in _FULL_MONTHS if f.startswith(a)
}
_CYRILLIC_MONTHS = (
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
)
CYR_NO = {w: i for line in _CYRILLIC_MONTHS for i, w in enumerate(line.split(), 1)}
_WEEKDAYS = tuple(calendar.day_name)  # Monday first, as date.weekday()
WEEKDAY_NO = {w.lower(): i for i, w in enumerate(_WEEKDAYS)}
_NUMBER_WORDS = _words("a an one two three four five six seven eight nine ten eleven twelve")
NUMBERS = {"a": 1, "an": 1} | {w: i for i, w in enumerate(_NUMBER_WORDS[2:], 1)}

# Month and weekday names must be capitalised (or upper case, as in datelines), which is what
# keeps "march on Kyiv" and "may say" out.
_MONTH_FULL = "|".join(_FULL_MONTHS + tuple(m.upper() for m in _FULL_MONTHS))
_MONTH_ABBR = "|".join(_ABBREVIATIONS + tuple(a.upper() for a in _ABBREVIATIONS))
MON = rf"(?:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})\b\.?)"
MON_FULL = rf"(?:{'|'.join(_FULL_MONTHS)})\b"
WEEKDAY = rf"(?:{'|'.join(_WEEKDAYS + tuple(w.upper() for w in _WEEKDAYS))})\b"
CYR_MON = rf"(?i:{'|'.join(CYR_NO)})\b"
SP = r"[^\S\n]+"  # horizontal white space: an expression never spans a line break
SPO = r"[^\S\n]*"
DASH = r"[-–—]"
DAYN = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9]|[.:,][0-9])"
DAY = r"(?<![\w.,/:-])" + DAYN
YEAR = r"(?:19|20)[0-9]{2}(?![0-9])"
ISO = r"(?<![\w-])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9-])"
WDP = rf"(?:{WEEKDAY},?{SP})?"  # "Thursday, September 5, 2024" is one expression
NUM = rf"(?:[0-9]{{1,3}}|{'|'.join(_NUMBER_WORDS)})"
UNIT = r"(?:hours?|days?|weeks?|months?|years?)"
ATOM = (
    rf"(?:{ISO}|{WDP}{MON}(?:{SP}{DAYN})?(?:,?{SP}{YEAR})?"
    rf"|{WDP}{DAYN}(?:{SP}(?:of{SP})?{MON}(?:,?{SP}{YEAR})?)?|{YEAR})"
)

# Alternatives are tried in this order at each position, so longer forms come first.
_ALTERNATIVES = {
    "rng": rf"\b(?:[Ff]rom|[Bb]etween){SP}(?P<rng_a>{ATOM})"
    rf"(?:{SP}(?:to|until|till|through|and){SP}|{SPO}{DASH}{SPO})(?P<rng_b>{ATOM})",
    # "since Monday": a bare weekday too, the span running from it to the day of writing
    "since": rf"\b[Ss]ince{SP}(?:(?P<since_x>{ATOM})|(?P<since_wd>{WEEKDAY}))",
    "part": rf"\b(?i:early|mid|late)(?:{SP}|{SPO}-{SPO})(?P<part_m>{MON})"
    rf"(?:,?{SP}(?P<part_y>{YEAR}))?",
    # "in fall 2022", "the summer of 2023", "late spring 2024", "winter 2022-23"
    "season": rf"\b(?P<season_p>(?i:early|mid|late)(?:{SP}|{SPO}-{SPO}))?"
    rf"(?P<season_n>(?i:spring|summer|autumn|fall|winter))(?:{SP}of)?{SP}(?P<season_y>{YEAR})"
    rf"(?:{SPO}[-–/]{SPO}(?P<season_y2>[0-9]{{2}}(?![0-9])|{YEAR}))?",
    "brng": rf"{DAY}{SPO}{DASH}{SPO}{DAYN}{SP}(?:of{SP})?{MON}(?:,?{SP}{YEAR})?"
    rf"|\b{MON}{SP}{DAYN}{SPO}{DASH}{SPO}{DAYN}(?:,?{SP}{YEAR})?"
    rf"|\b{MON}{SPO}{DASH}{SPO}{MON},?{SP}{YEAR}",
    "full": rf"{ISO}|\b{WDP}{MON}{SP}{DAY},?{SP}{YEAR}"
    rf"|\b{WDP}{DAY}{SP}(?:of{SP})?{MON},?{SP}{YEAR}",
    "cyr": rf"{DAY}{SP}{CYR_MON}(?:{SP}{YEAR}(?:{SPO}(?:року|р\.|года|г\.)(?!\w))?)?",
    "partial": rf"\b{WDP}{MON}{SP}{DAY}|\b{WDP}{DAY}{SP}(?:of{SP})?{MON}",
    "my": rf"\b{MON},?{SP}{YEAR}",
    # "throughout the day" / "during the day" with no day of its own: a bulletin's recap of
    # the day, often published the next morning (see _h_word); "overnight into Monday" (wire
    # copy): the night that ends on that weekday
    "word": rf"\b(?i:the{SP}day{SP}before{SP}yesterday"
    rf"|(?:(?<=throughout\s)|(?<=during\s))the{SP}day"
    rf"(?!{SP}(?:on|of|and|or|before|after|yesterday|today|tomorrow|when|while|that|itself)\b)"
    rf"|yesterday|today|tonight"
    rf"|overnight(?:{SP}(?:into|to){SP}(?-i:{WEEKDAY}))?"
    rf"|last{SP}night|this{SP}(?:morning|afternoon|evening)|(?:the|this|last|past){SP}weekend)\b",
    "rel": rf"\b(?i:this|last|next|previous){SP}(?i:week|month|year)\b",
    "lastwd": rf"\b(?i:last|next){SP}{WEEKDAY}",
    "lastmon": rf"\b(?i:last|next){SP}{MON_FULL}",
    # "last summer", "this spring", "the previous winter": a season named from the day of writing
    "lastseason": rf"\b(?i:last|this|past|previous){SP}(?i:spring|summer|autumn|fall|winter)\b",
    # "the past week", "the last 24 hours"; not "the last days of the siege"
    "past": rf"\b(?i:past|last|previous){SP}(?P<past_n>(?i:{NUM})){SP}(?P<past_u>(?i:{UNIT}))\b"
    rf"|\b(?i:past){SP}(?P<past_u1>(?i:day|week|month|year))\b",
    "ago": rf"\b(?P<ago_n>(?i:{NUM})){SP}(?P<ago_u>(?i:{UNIT})){SP}(?i:ago)\b",
    "wd": rf"\b{WEEKDAY}",
    "mon": rf"\b{MON_FULL}",
    "year": rf"(?<![\w.,/$€£#-]){YEAR}(?![\w-]|[.,][0-9])",
}
MASTER = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _ALTERNATIVES.items()))


def _trie(words: set[str]) -> str:
    """A regex matching any of ``words``, factored by prefix: much faster than a flat list."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "|".join(alts)
        if "" in node:
            return f"(?:{body})?"
        return body if len(alts) == 1 else f"(?:{body})"

    return emit(tree)


# Every expression starts at one of these; scanning for them first and trying the master
# pattern only there is what makes find_dates fast. Very common words ("the", "a") only
# trigger when followed by the word that makes them part of an expression.
_NAMES = (*_FULL_MONTHS, *_ABBREVIATIONS, *_WEEKDAYS)  # only ever capitalised or upper case
_RELATIVE = (
    *_NUMBER_WORDS[2:],
    *_words("from between since early mid late yesterday today tonight overnight"),
    *_words("spring summer autumn fall winter"),
    *_words("last this next previous past"),
)
_TRIGGER_WORDS = {
    *_NAMES,
    *(n.upper() for n in _NAMES),
    *(v for w in _RELATIVE for v in (w, w.title(), w.upper())),
}
TRIGGER = re.compile(
    rf"\b(?:[0-9]|(?i:the)(?={SP}(?i:day|weekend)\b)|(?i:an?)(?={SP}{UNIT}{SP}(?i:ago)\b)"
    rf"|{_trie(_TRIGGER_WORDS)}\b)"
)

ATOM_PARSE = re.compile(
    rf"(?P<iso>{ISO})|{WDP}(?P<m1>{MON})(?:{SP}(?P<d1>{DAYN}))?(?:,?{SP}(?P<y1>{YEAR}))?"
    rf"|{WDP}(?P<d2>{DAYN})(?:{SP}(?:of{SP})?(?P<m2>{MON})(?:,?{SP}(?P<y2>{YEAR}))?)?"
    rf"|(?P<y3>{YEAR})"
)
BRNG_PARSE = (
    re.compile(
        rf"(?P<d1>{DAYN}){SPO}{DASH}{SPO}(?P<d2>{DAYN}){SP}(?:of{SP})?(?P<m2>{MON})"
        rf"(?:,?{SP}(?P<y>{YEAR}))?"
    ),
    re.compile(
        rf"(?P<m2>{MON}){SP}(?P<d1>{DAYN}){SPO}{DASH}{SPO}(?P<d2>{DAYN})(?:,?{SP}(?P<y>{YEAR}))?"
    ),
    re.compile(rf"(?P<m1>{MON}){SPO}{DASH}{SPO}(?P<m2>{MON}),?{SP}(?P<y>{YEAR})"),
)
CYR_PARSE = re.compile(rf"(?P<d>{DAYN}){SP}(?P<m>{CYR_MON})(?:{SP}(?P<y>{YEAR}))?")
# A bare month or year counts only after one of these words (the May rule and "in 2022").
MONTH_CONTEXT = re.compile(
    r"\b(?i:in|since|until|till|by|early|late|mid|of|during|throughout|before|after|from"
    r"|through|to|this|next)[^\S\n]*-?[^\S\n]*$"
)
MAY_CONTEXT = re.compile(
    r"\b(?i:in|since|until|till|by|early|late|mid|of|during|throughout)[^\S\n]*-?[^\S\n]*$"
)
YEAR_CONTEXT = re.compile(r"\b(?i:in|during|throughout)[^\S\n]+$")
# A date of a person or a building, not of the news: police and regional reports give a
# victim's age as "a woman born in 1958" ("born on 3 May 1990", "born 1962", "born in 1949
# and 1951"), and a strike's target as "a school built in 1902".
LIFE_DATE_BEFORE = re.compile(
    r"\b(?i:born|built|founded|established|constructed|erected)[^\S\n]+(?:(?i:in|on)[^\S\n]+)?"
    r"(?:(?:19|20)\d\d[^\S\n]*(?:,|(?i:and))[^\S\n]*(?:(?i:in)[^\S\n]+)?)*$"
)
NAME_AFTER = re.compile(r"[^\S\n]+[A-Z]")  # "June Carter", "August Strindberg"
NOUN_AFTER = re.compile(r"[^\S\n]+([a-z]+)")  # "in 2000 homes": a count, not a year
FUNCTION_WORDS = frozenset(
    _words(
        "a an and after as at before but by for he in it of on or she than that the there they "
        "to until we when which while with alone"
    )
)
