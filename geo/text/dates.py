"""Date expressions in news text: find them and resolve them against a publication date.

Also infers an article's publication date from its own dates when it carries no date line.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import NamedTuple

from geo.errors import InputError
from geo.records import DatePrecision, DateSpan

__all__ = ["find_dates", "infer_published", "resolve_date"]

_DAY, _WEEK, _MONTH = DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH
_YEAR, _RANGE = DatePrecision.YEAR, DatePrecision.RANGE

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------
_FULL_MONTHS = tuple(calendar.month_name[1:])
_MONTH_NO = {name.lower(): i for i, name in enumerate(_FULL_MONTHS, 1)}


def _words(line: str) -> tuple[str, ...]:
    return tuple(line.split())


_ABBREVIATIONS = _words("Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec")
_MONTH_NO |= {
    a.lower(): _MONTH_NO[f.lower()] for a in _ABBREVIATIONS for f in _FULL_MONTHS if f.startswith(a)
}
_CYRILLIC_MONTHS = (
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
)
_CYR_NO = {w: i for line in _CYRILLIC_MONTHS for i, w in enumerate(line.split(), 1)}
_WEEKDAYS = tuple(calendar.day_name)  # Monday first, as date.weekday()
_WEEKDAY_NO = {w.lower(): i for i, w in enumerate(_WEEKDAYS)}
_NUMBER_WORDS = _words("a an one two three four five six seven eight nine ten eleven twelve")
_NUMBERS = {"a": 1, "an": 1} | {w: i for i, w in enumerate(_NUMBER_WORDS[2:], 1)}

# Month and weekday names must be capitalised (or upper case, as in datelines), which is what
# keeps "march on Kyiv" and "may say" out.
_MONTH_FULL = "|".join(_FULL_MONTHS + tuple(m.upper() for m in _FULL_MONTHS))
_MONTH_ABBR = "|".join(_ABBREVIATIONS + tuple(a.upper() for a in _ABBREVIATIONS))
MON = rf"(?:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})\b\.?)"
MON_FULL = rf"(?:{'|'.join(_FULL_MONTHS)})\b"
WEEKDAY = rf"(?:{'|'.join(_WEEKDAYS + tuple(w.upper() for w in _WEEKDAYS))})\b"
CYR_MON = rf"(?i:{'|'.join(_CYR_NO)})\b"
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
    "since": rf"\b[Ss]ince{SP}(?P<since_x>{ATOM})",
    "part": rf"\b(?i:early|mid|late)(?:{SP}|{SPO}-{SPO})(?P<part_m>{MON})"
    rf"(?:,?{SP}(?P<part_y>{YEAR}))?",
    "brng": rf"{DAY}{SPO}{DASH}{SPO}{DAYN}{SP}(?:of{SP})?{MON}(?:,?{SP}{YEAR})?"
    rf"|\b{MON}{SP}{DAYN}{SPO}{DASH}{SPO}{DAYN}(?:,?{SP}{YEAR})?"
    rf"|\b{MON}{SPO}{DASH}{SPO}{MON},?{SP}{YEAR}",
    "full": rf"{ISO}|\b{WDP}{MON}{SP}{DAY},?{SP}{YEAR}"
    rf"|\b{WDP}{DAY}{SP}(?:of{SP})?{MON},?{SP}{YEAR}",
    "cyr": rf"{DAY}{SP}{CYR_MON}(?:{SP}{YEAR}(?:{SPO}(?:року|р\.|года|г\.)(?!\w))?)?",
    "partial": rf"\b{WDP}{MON}{SP}{DAY}|\b{WDP}{DAY}{SP}(?:of{SP})?{MON}",
    "my": rf"\b{MON},?{SP}{YEAR}",
    "word": rf"\b(?i:the{SP}day{SP}before{SP}yesterday|yesterday|today|tonight|overnight"
    rf"|last{SP}night|this{SP}(?:morning|afternoon|evening)|(?:the|this|last|past){SP}weekend)\b",
    "rel": rf"\b(?i:this|last|next|previous){SP}(?i:week|month|year)\b",
    "lastwd": rf"\b(?i:last|next){SP}{WEEKDAY}",
    "lastmon": rf"\b(?i:last|next){SP}{MON_FULL}",
    # "the past week", "the last 24 hours"; not "the last days of the siege"
    "past": rf"\b(?i:past|last|previous){SP}(?P<past_n>(?i:{NUM})){SP}(?P<past_u>(?i:{UNIT}))\b"
    rf"|\b(?i:past){SP}(?P<past_u1>(?i:day|week|month|year))\b",
    "ago": rf"\b(?P<ago_n>(?i:{NUM})){SP}(?P<ago_u>(?i:{UNIT})){SP}(?i:ago)\b",
    "wd": rf"\b{WEEKDAY}",
    "mon": rf"\b{MON_FULL}",
    "year": rf"(?<![\w.,/$€£#-]){YEAR}(?![\w-]|[.,][0-9])",
}
_MASTER = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _ALTERNATIVES.items()))


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
    *_words("last this next previous past"),
)
_TRIGGER_WORDS = {
    *_NAMES,
    *(n.upper() for n in _NAMES),
    *(v for w in _RELATIVE for v in (w, w.title(), w.upper())),
}
_TRIGGER = re.compile(
    rf"\b(?:[0-9]|(?i:the)(?={SP}(?i:day|weekend)\b)|(?i:an?)(?={SP}{UNIT}{SP}(?i:ago)\b)"
    rf"|{_trie(_TRIGGER_WORDS)}\b)"
)

_ATOM_PARSE = re.compile(
    rf"(?P<iso>{ISO})|{WDP}(?P<m1>{MON})(?:{SP}(?P<d1>{DAYN}))?(?:,?{SP}(?P<y1>{YEAR}))?"
    rf"|{WDP}(?P<d2>{DAYN})(?:{SP}(?:of{SP})?(?P<m2>{MON})(?:,?{SP}(?P<y2>{YEAR}))?)?"
    rf"|(?P<y3>{YEAR})"
)
_BRNG_PARSE = (
    re.compile(
        rf"(?P<d1>{DAYN}){SPO}{DASH}{SPO}(?P<d2>{DAYN}){SP}(?:of{SP})?(?P<m2>{MON})"
        rf"(?:,?{SP}(?P<y>{YEAR}))?"
    ),
    re.compile(
        rf"(?P<m2>{MON}){SP}(?P<d1>{DAYN}){SPO}{DASH}{SPO}(?P<d2>{DAYN})(?:,?{SP}(?P<y>{YEAR}))?"
    ),
    re.compile(rf"(?P<m1>{MON}){SPO}{DASH}{SPO}(?P<m2>{MON}),?{SP}(?P<y>{YEAR})"),
)
_CYR_PARSE = re.compile(rf"(?P<d>{DAYN}){SP}(?P<m>{CYR_MON})(?:{SP}(?P<y>{YEAR}))?")
# A bare month or year counts only after one of these words (the May rule and "in 2022").
_MONTH_CONTEXT = re.compile(
    r"\b(?i:in|since|until|till|by|early|late|mid|of|during|throughout|before|after|from"
    r"|through|to|this|next)[^\S\n]*-?[^\S\n]*$"
)
_MAY_CONTEXT = re.compile(
    r"\b(?i:in|since|until|till|by|early|late|mid|of|during|throughout)[^\S\n]*-?[^\S\n]*$"
)
_YEAR_CONTEXT = re.compile(r"\b(?i:in|during|throughout)[^\S\n]+$")
_NAME_AFTER = re.compile(r"[^\S\n]+[A-Z]")  # "June Carter", "August Strindberg"
_NOUN_AFTER = re.compile(r"[^\S\n]+([a-z]+)")  # "in 2000 homes": a count, not a year
_FUNCTION_WORDS = frozenset(
    _words(
        "a an and after as at before but by for he in it of on or she than that the there they "
        "to until we when which while with alone"
    )
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|stated|added|reported|warned|claimed|confirmed|wrote"
    r"|noted|insisted|argued|declared)[^\S\n]+(?:on[^\S\n]+)?$"
)
_DATELINE = re.compile(
    r"^[^\S\n]*[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ.'’ -]{1,40}"
    rf"(?:,{SP}[A-Z][A-Za-z.'’ -]{{1,30}})?,{SP}"
    rf"(?P<date>{MON}{SP}{DAYN}(?:,?{SP}{YEAR})?|{DAYN}{SP}{MON}(?:,?{SP}{YEAR})?)"
    rf"(?:{SPO}\([^()\n]{{1,40}}\))?{SPO}{DASH}",
    re.MULTILINE,
)


class _Partial(NamedTuple):
    """A date with any of its parts missing, as written."""

    year: int | None
    month: int | None
    day: int | None


_Resolved = tuple[dt.date, dt.date, DatePrecision]


class _Context(NamedTuple):
    """What a handler needs besides its match: the whole text (for context checks) and flags."""

    text: str
    published: dt.date | None
    strict: bool  # apply the context rules for bare months and years


_Handler = Callable[[re.Match[str], _Context], _Resolved | None]


# ---------------------------------------------------------------------------------------------
# Calendar arithmetic
# ---------------------------------------------------------------------------------------------
def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # "February 30", "31 June": not a date, so not a match
        return None


def _number(token: str | None) -> int:
    if not token:
        return 1
    token = token.lower()
    return int(token) if token.isdigit() else _NUMBERS[token]


def _day_no(token: str) -> int:
    return int(token.rstrip("stndrh"))


# ---------------------------------------------------------------------------------------------
# Partial dates -> spans
# ---------------------------------------------------------------------------------------------
def _parse_atom(text: str) -> _Partial | None:
    m = _ATOM_PARSE.fullmatch(text)
    if m is None:
        return None
    if m["iso"]:
        y, mo, d = m["iso"].split("-")
        return _Partial(int(y), int(mo), int(d))
    month = m["m1"] or m["m2"]
    day = m["d1"] or m["d2"]
    year = m["y1"] or m["y2"] or m["y3"]
    return _Partial(
        int(year) if year else None,
        _MONTH_NO[month.rstrip(".").lower()] if month else None,
        _day_no(day) if day else None,
    )


def _resolve_partial(p: _Partial, published: dt.date | None) -> _Resolved | None:
    """Resolve a written date; a missing year comes from the publication date."""
    if p.month is None:
        if p.year is None or p.day is not None:
            return None
        return dt.date(p.year, 1, 1), dt.date(p.year, 12, 31), _YEAR
    if p.year is not None:
        if p.day is None:
            return (*_month_bounds(p.year, p.month), _MONTH)
        day = _make(p.year, p.month, p.day)
        return (day, day, _DAY) if day else None
    if published is None:
        return None
    if p.day is None:  # a bare month is the latest one that has begun by publication
        year = published.year if p.month <= published.month else published.year - 1
        return (*_month_bounds(year, p.month), _MONTH)
    # A day a little after publication is still this year (embargoed or time-zone skew);
    # beyond two days it is last year's.
    latest = published + dt.timedelta(days=2)
    for year in (published.year, published.year - 1, published.year - 2):
        day = _make(year, p.month, p.day)
        if day is not None and day <= latest:
            return day, day, _DAY
    return None


def _resolve_range(a: _Partial, b: _Partial, published: dt.date | None) -> _Resolved | None:
    """Resolve "from A to B": A borrows the month and year it leaves out from B."""
    if a.month is None and a.day is None:  # year to year
        if a.year is None or b.year is None or b.month is not None or b.day is not None:
            return None
        return (dt.date(a.year, 1, 1), dt.date(b.year, 12, 31), _RANGE) if a.year < b.year else None
    end = _resolve_partial(b, published)
    if end is None or b.month is None:
        return None
    month = a.month or b.month
    year = a.year if a.year is not None else end[1].year
    start = _resolve_partial(_Partial(year, month, a.day), None)
    if start is not None and start[0] > end[1] and a.year is None:  # "from December to March"
        start = _resolve_partial(_Partial(year - 1, month, a.day), None)
    if start is None or start[0] > end[1]:
        return None
    return start[0], end[1], _RANGE


# ---------------------------------------------------------------------------------------------
# Handlers, one per alternative of the master pattern
# ---------------------------------------------------------------------------------------------
def _h_atom(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    p = _parse_atom(m.group(m.lastgroup or ""))
    return _resolve_partial(p, ctx.published) if p else None


def _rng_parts(m: re.Match[str]) -> tuple[_Partial, _Partial] | None:
    a, b = _parse_atom(m["rng_a"]), _parse_atom(m["rng_b"])
    return (a, b) if a and b else None


def _brng_parts(expr: str) -> tuple[_Partial, _Partial] | None:
    for pattern in _BRNG_PARSE:
        if p := pattern.fullmatch(expr):
            g = p.groupdict()
            year = int(g["y"]) if g["y"] else None
            m2 = _MONTH_NO[g["m2"].rstrip(".").lower()]
            if g.get("m1"):
                m1 = _MONTH_NO[g["m1"].rstrip(".").lower()]
                return _Partial(year, m1, None), _Partial(year, m2, None)
            return _Partial(None, m2, _day_no(g["d1"])), _Partial(year, m2, _day_no(g["d2"]))
    return None


def _h_rng(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    parts = _rng_parts(m)
    return _resolve_range(*parts, ctx.published) if parts else None


def _h_brng(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    parts = _brng_parts(m["brng"])
    return _resolve_range(*parts, ctx.published) if parts else None


def _h_since(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    text, pub, strict = ctx
    p = _parse_atom(m["since_x"])
    if pub is None or p is None:
        return None
    if p.month is None and strict and _counted_noun_follows(text, m.end()):
        return None  # "since 2000 people fled" is not a year
    start = _resolve_partial(p, pub)
    if start is None or start[0] > pub:
        return None
    return start[0], pub, _RANGE


def _h_part(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    month = _MONTH_NO[m["part_m"].rstrip(".").lower()]
    year = int(m["part_y"]) if m["part_y"] else None
    whole = _resolve_partial(_Partial(year, month, None), ctx.published)
    if whole is None:
        return None
    first, last = whole[0], whole[1]
    word = m["part"][:3].lower()
    if word == "ear":
        return first, first.replace(day=10), _RANGE
    if word == "mid":
        return first.replace(day=11), first.replace(day=20), _RANGE
    return first.replace(day=21), last, _RANGE


def _h_cyr(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    p = _CYR_PARSE.match(m["cyr"])
    if p is None:
        return None
    month = _CYR_NO[p["m"].lower()]
    return _resolve_partial(
        _Partial(int(p["y"]) if p["y"] else None, month, _day_no(p["d"])), ctx.published
    )


def _h_word(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    pub = ctx.published
    if pub is None:
        return None
    word = " ".join(m["word"].lower().split())
    day = dt.timedelta(days=1)
    if word.endswith("weekend"):  # the latest Saturday-Sunday that has begun
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        return saturday, min(saturday + day, pub), _RANGE
    if word == "overnight":
        return pub - day, pub, _RANGE
    back = {"yesterday": 1, "last night": 1, "the day before yesterday": 2}.get(word, 0)
    return pub - back * day, pub - back * day, _DAY


def _h_rel(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    pub = ctx.published
    if pub is None:
        return None
    which, unit = m["rel"].lower().split()
    step = {"this": 0, "next": 1}.get(which, -1)
    if unit == "week":
        monday, sunday = _week_of(pub + dt.timedelta(weeks=step))
        return monday, (min(sunday, pub) if step == 0 else sunday), _WEEK
    if unit == "month":
        first, last = _month_bounds(*_shift_month(pub.year, pub.month, step))
        return first, (pub if step == 0 else last), _MONTH
    year = pub.year + step
    return dt.date(year, 1, 1), (pub if step == 0 else dt.date(year, 12, 31)), _YEAR


def _h_lastwd(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    pub = ctx.published
    if pub is None:
        return None
    which, name = m["lastwd"].split()
    target = _WEEKDAY_NO[name.lower()]
    if which.lower() == "last":
        day = pub - dt.timedelta(days=(pub.weekday() - target) % 7 or 7)
    else:
        day = pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7)
    return day, day, _DAY


def _h_lastmon(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    pub = ctx.published
    if pub is None:
        return None
    which, name = m["lastmon"].split()
    month = _MONTH_NO[name.lower()]
    if which.lower() == "last":
        year = pub.year if month < pub.month else pub.year - 1
    else:
        year = pub.year if month > pub.month else pub.year + 1
    return (*_month_bounds(year, month), _MONTH)


def _h_past(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    pub = ctx.published
    if pub is None:
        return None
    n, unit = _number(m["past_n"]), (m["past_u"] or m["past_u1"]).lower().rstrip("s")
    if unit == "hour":
        start = pub - dt.timedelta(days=-(-n // 24))
    elif unit in ("day", "week"):
        start = pub - dt.timedelta(days=n * (7 if unit == "week" else 1))
    else:
        year, month = _shift_month(pub.year, pub.month, -n * (12 if unit == "year" else 1))
        start = dt.date(year, month, min(pub.day, calendar.monthrange(year, month)[1]))
    return start, pub, _RANGE


def _h_ago(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    pub = ctx.published
    if pub is None:
        return None
    n, unit = _number(m["ago_n"]), m["ago_u"].lower().rstrip("s")
    if unit == "hour":
        day = pub - dt.timedelta(days=n // 24)
        return day, day, _DAY
    if unit == "day":
        day = pub - dt.timedelta(days=n)
        return day, day, _DAY
    if unit == "week":
        return (*_week_of(pub - dt.timedelta(weeks=n)), _WEEK)
    if unit == "month":
        return (*_month_bounds(*_shift_month(pub.year, pub.month, -n)), _MONTH)
    return dt.date(pub.year - n, 1, 1), dt.date(pub.year - n, 12, 31), _YEAR


def _h_wd(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    pub = ctx.published
    if pub is None:
        return None
    day = pub - dt.timedelta(days=(pub.weekday() - _WEEKDAY_NO[m["wd"].lower()]) % 7)
    return day, day, _DAY


def _h_mon(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    text, pub, strict = ctx
    name = m["mon"]
    if strict:
        before = text[max(0, m.start() - 24) : m.start()]
        context = _MAY_CONTEXT if name == "May" else _MONTH_CONTEXT
        if not context.search(before) and (name == "May" or _NAME_AFTER.match(text, m.end())):
            return None
    return _resolve_partial(_Partial(None, _MONTH_NO[name.lower()], None), pub)


def _counted_noun_follows(text: str, end: int) -> bool:
    after = _NOUN_AFTER.match(text, end)
    return bool(after) and after.group(1) not in _FUNCTION_WORDS


def _h_year(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    text, _, strict = ctx
    if strict:
        if not _YEAR_CONTEXT.search(text, max(0, m.start() - 16), m.start()):
            return None
        if _counted_noun_follows(text, m.end()):
            return None
    year = int(m["year"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31), _YEAR


_HANDLERS: dict[str, _Handler] = {
    "rng": _h_rng,
    "since": _h_since,
    "part": _h_part,
    "brng": _h_brng,
    "full": _h_atom,
    "cyr": _h_cyr,
    "partial": _h_atom,
    "my": _h_atom,
    "word": _h_word,
    "rel": _h_rel,
    "lastwd": _h_lastwd,
    "lastmon": _h_lastmon,
    "past": _h_past,
    "ago": _h_ago,
    "wd": _h_wd,
    "mon": _h_mon,
    "year": _h_year,
}


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------
def _check_published(published: object) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    raise InputError(
        f"published must be a datetime.date, not {type(published).__name__} ({published!r}); "
        "parse text with geo.text.articles.parse_date_arg (YYYY-MM-DD)."
    )


def _scan(
    text: str, published: dt.date | None, *, strict: bool
) -> Iterator[tuple[str, re.Match[str], DateSpan | None]]:
    """Every candidate expression, left to right, with its resolution (None if it has none)."""
    match = _MASTER.match
    ctx = _Context(text, published, strict)
    done = 0
    for trigger in _TRIGGER.finditer(text):
        at = trigger.start()
        if at < done or (m := match(text, at)) is None:
            continue
        done = m.end()
        kind = m.lastgroup or ""
        resolved = _HANDLERS[kind](m, ctx)
        span = None
        if resolved is not None:
            start, end, precision = resolved
            span = DateSpan(start, end, precision, m.group(), m.start(), m.end())
        yield kind, m, span


def find_dates(text: str, *, published: dt.date | None = None) -> list[DateSpan]:
    """Find and resolve the date expressions in a text.

    Parameters
    ----------
    text : str
        Any text; expressions never cross a line break.
    published : datetime.date, optional
        The publication date relative expressions are resolved against. Without it only
        absolute expressions (with a year, or ISO dates) are returned.

    Returns
    -------
    list of DateSpan
        In text order and non-overlapping; ``text[span.start_char:span.end_char] ==
        span.text``. Prepositions that do not change the meaning ("on", "in") are left out
        of the span; words that do ("since", "early", "last", "from ... to") are kept.

    Notes
    -----
    Recognised, with the precision given:

    - day: ``August 6, 2024``, ``6 August 2024``, ``2024-08-06``, ``6 серпня 2024``,
      ``August 6`` / ``Aug. 6`` / ``6th of August`` (publication year, or the year before
      when that would be more than two days after publication), a weekday (the latest one on
      or before publication), ``today``, ``yesterday``, ``last night``, ``last Thursday``,
      ``two days ago``;
    - week: ``this week`` (Monday to publication), ``last week``, ``next week``,
      ``three weeks ago`` (ISO weeks);
    - month: ``March 2022``, ``in August`` (the latest August begun by publication),
      ``this month`` (to publication), ``last month``, ``last August``, ``two months ago``;
    - year: ``in 2022``, ``this year`` (to publication), ``last year``;
    - range: ``since October 2022`` / ``since August 6`` (to publication), ``from March to
      May 2023``, ``between 1 and 3 June``, ``6-9 August``, ``early/mid/late August``
      (days 1-10, 11-20, 21-end), ``overnight`` (the day before to publication), ``over the
      weekend``, ``the past week`` / ``past 24 hours`` / ``last three weeks``.

    A bare month counts only when it cannot be a name: "May" needs a preceding in, since,
    until, by, early, late, mid, of, during or throughout; other months are refused when a
    capitalised word follows ("June Carter") unless such a word precedes. A bare year needs
    a preceding in, during or throughout, and no counted noun after it ("in 2000 homes").
    Impossible dates ("February 30") are skipped.
    """
    if not isinstance(text, str):
        raise InputError(f"find_dates needs text as a str, not {type(text).__name__}.")
    pub = _check_published(published)
    return [span for _, _, span in _scan(text, pub, strict=True) if span is not None]


_FILLER = re.compile(r"[\s.,;:()\"'“”]*(?:\b(?i:on|in|at|during|over|of|the)\b[\s.,;:()\"'“”]*)*")


def resolve_date(expr: str, *, published: dt.date) -> DateSpan | None:
    """Resolve one date expression such as "last week" or "since October 2022".

    Parameters
    ----------
    expr : str
        A single expression; leading "on", "in", "during" and punctuation are allowed. A bare
        month ("May") or year ("2022") is accepted here, since the caller says it is a date.
    published : datetime.date
        The date relative expressions are resolved against.

    Returns
    -------
    DateSpan or None
        Offsets refer to ``expr``; None when ``expr`` is not exactly one date expression.
    """
    pub = _check_published(published)
    spans = [span for _, _, span in _scan(expr, pub, strict=False) if span is not None]
    if len(spans) != 1:
        return None
    span = spans[0]
    head = _FILLER.fullmatch(expr, 0, span.start_char)
    tail = re.fullmatch(r"[\s.,;:()\"'“”]*", expr[span.end_char :])
    return span if head and tail else None


def infer_published(text: str) -> dt.date | None:
    """Infer a publication date from the dates a text gives for itself.

    The rule, in order:

    1. A dateline with a year ("KYIV, Sept. 5, 2024 (Reuters) -") is the date.
    2. Otherwise take D, the latest explicit full date (day, month and year: ``September 4,
       2024``, ``4 September 2024``, ``2024-09-04``, ``4 вересня 2024``, or the end of a range
       written with them). Without one, return None: month-and-day dates alone cannot fix
       the year.
    3. A dateline without a year ("KYIV, Sept 5 (Reuters) -") is that day in the year that
       puts it closest to D.
    4. If the text uses a weekday on its own ("said Thursday", "on Thursday", "Thursday's"),
       the date is the first such weekday on or after D (D itself if it is that weekday).
       Weekdays after a reporting verb ("said Thursday") win, then the most frequent
       weekday, then the one closest to D.
    5. Otherwise D.

    Parameters
    ----------
    text : str
        The article text.

    Returns
    -------
    datetime.date or None
        None when the text holds nothing usable.
    """
    dateline = _DATELINE.search(text)
    if dateline:
        p = _parse_atom(dateline["date"])
        if p and p.year and p.month and p.day and (day := _make(*p)):
            return day
    full: list[dt.date] = []
    weekdays: list[tuple[int, bool]] = []  # (weekday, after a reporting verb)
    for kind, m, span in _scan(text, None, strict=True):
        if kind in ("full", "cyr") and span is not None and span.precision is _DAY:
            full.append(span.start)
        elif kind in ("rng", "brng") and span is not None:
            parts = _rng_parts(m) if kind == "rng" else _brng_parts(m.group())
            if parts and parts[1].day is not None:
                full.append(span.end)
        elif kind == "wd":
            speech = bool(_SPEECH_BEFORE.search(text, max(0, m.start() - 24), m.start()))
            weekdays.append((_WEEKDAY_NO[m.group().lower()], speech))
    if not full:
        return None
    latest = max(full)
    if dateline:
        p = _parse_atom(dateline["date"])
        if p and p.month and p.day:
            options = [
                d
                for y in (latest.year - 1, latest.year, latest.year + 1)
                if (d := _make(y, p.month, p.day))
            ]
            if options:
                return min(options, key=lambda d: abs((d - latest).days))
    if not weekdays:
        return latest
    pool = [w for w, speech in weekdays if speech] or [w for w, _ in weekdays]
    counts = Counter(pool)

    def candidate(weekday: int) -> dt.date:
        return latest + dt.timedelta(days=(weekday - latest.weekday()) % 7)

    best = max(counts, key=lambda w: (counts[w], -(candidate(w) - latest).days))
    return candidate(best)
