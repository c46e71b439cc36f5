"""Date expressions in news text: find them and resolve them against a publication date.

Each alternative of the master pattern (``geo.text.date_patterns``) has one resolving handler.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from geo.errors import InputError
from geo.records import DatePrecision, DateSpan
from geo.text.date_patterns import (
    ATOM_PARSE,
    BRNG_PARSE,
    CYR_NO,
    CYR_PARSE,
    FUNCTION_WORDS,
    LIFE_DATE_BEFORE,
    MASTER,
    MAY_CONTEXT,
    MONTH_CONTEXT,
    MONTH_NO,
    NAME_AFTER,
    NOUN_AFTER,
    NUMBERS,
    TRIGGER,
    WEEKDAY_NO,
    YEAR_CONTEXT,
)

__all__ = ["find_dates", "resolve_date"]

_DAY, _WEEK, _MONTH = DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH
_YEAR, _RANGE = DatePrecision.YEAR, DatePrecision.RANGE


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


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the parts name no real day."""
    try:
        return dt.date(year, month, day)
    except ValueError:  # "February 30", "31 June": not a date, so not a match
        return None


def _number(token: str | None) -> int:
    if not token:
        return 1
    token = token.lower()
    return int(token) if token.isdigit() else NUMBERS[token]


def _day_no(token: str) -> int:
    return int(token.rstrip("stndrh"))


# ---------------------------------------------------------------------------------------------
# Partial dates -> spans
# ---------------------------------------------------------------------------------------------
def parse_atom(text: str) -> _Partial | None:
    """The parts of one written date (an ATOM), or None if ``text`` is not one."""
    m = ATOM_PARSE.fullmatch(text)
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
        MONTH_NO[month.rstrip(".").lower()] if month else None,
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
        day = make_date(p.year, p.month, p.day)
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
        day = make_date(year, p.month, p.day)
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
    p = parse_atom(m.group(m.lastgroup or ""))
    return _resolve_partial(p, ctx.published) if p else None


def range_parts(m: re.Match[str]) -> tuple[_Partial, _Partial] | None:
    """Both ends of a "from A to B" match, as written."""
    a, b = parse_atom(m["rng_a"]), parse_atom(m["rng_b"])
    return (a, b) if a and b else None


def compact_range_parts(expr: str) -> tuple[_Partial, _Partial] | None:
    """Both ends of "6-9 August", "Aug 6-9" or "March-May 2023", as written."""
    for pattern in BRNG_PARSE:
        if p := pattern.fullmatch(expr):
            g = p.groupdict()
            year = int(g["y"]) if g["y"] else None
            m2 = MONTH_NO[g["m2"].rstrip(".").lower()]
            if g.get("m1"):
                m1 = MONTH_NO[g["m1"].rstrip(".").lower()]
                return _Partial(year, m1, None), _Partial(year, m2, None)
            return _Partial(None, m2, _day_no(g["d1"])), _Partial(year, m2, _day_no(g["d2"]))
    return None


def _h_rng(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    parts = range_parts(m)
    return _resolve_range(*parts, ctx.published) if parts else None


def _h_brng(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    parts = compact_range_parts(m["brng"])
    return _resolve_range(*parts, ctx.published) if parts else None


def _h_since(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    text, pub, strict = ctx
    if m["since_wd"] is not None:
        if pub is None:
            return None
        # the latest such weekday, as a bare weekday is read (_h_wd), up to the day of writing
        return _latest(pub, m["since_wd"]), pub, _RANGE
    p = parse_atom(m["since_x"])
    if pub is None or p is None:
        return None
    if p.month is None and strict and _counted_noun_follows(text, m.end()):
        return None  # "since 2000 people fled" is not a year
    start = _resolve_partial(p, pub)
    if start is None or start[0] > pub:
        return None
    return start[0], pub, _RANGE


def _h_part(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    month = MONTH_NO[m["part_m"].rstrip(".").lower()]
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


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _h_season(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    """A season of a year: three months (winter from the December before the year named).

    "winter 2022-23" is December 2022 to February 2023; a bare "winter 2023" is the winter
    that ends in 2023. "early", "mid" and "late" take the season's first, middle or last month.
    """
    year = int(m["season_y"])
    first = _SEASON_START[m["season_n"].lower()]
    if first == 12 and not m["season_y2"]:
        year -= 1
    if m["season_p"]:
        first += {"ear": 0, "mid": 1, "lat": 2}[m["season_p"][:3].lower()]
    months = 1 if m["season_p"] else 3
    start_year, start_month = _shift_month(year, first, 0)  # month 13 or 14: the next year
    end_year, end_month = _shift_month(start_year, start_month, months - 1)
    start = _month_bounds(start_year, start_month)[0]
    end = _month_bounds(end_year, end_month)[1]
    if ctx.published is not None:
        if start > ctx.published:
            return None  # "next summer", written as a year still to come
        end = min(end, ctx.published)
    return start, end, _RANGE


def _h_lastseason(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    """A season named from the day of writing: "last summer", "this spring".

    "last" (or "past", "previous") is the latest such season over before publication; "this"
    the one of the publication's year (a winter: the one begun by then), which may still be
    to come ("this summer", written in March: a plan, ahead of the publication).
    """
    pub = ctx.published
    if pub is None:
        return None
    which, name = m["lastseason"].lower().split()
    first = _SEASON_START[name]

    def bounds(year: int) -> tuple[dt.date, dt.date]:
        end_year, end_month = _shift_month(year, first, 2)
        return _month_bounds(year, first)[0], _month_bounds(end_year, end_month)[1]

    year = pub.year - (1 if first == 12 and pub.month < 12 else 0)
    start, end = bounds(year)
    if which == "this":
        return start, min(end, pub) if start <= pub else end, _RANGE
    while end >= pub:
        year -= 1
        start, end = bounds(year)
    return start, end, _RANGE


def _h_cyr(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    p = CYR_PARSE.match(m["cyr"])
    if p is None:
        return None
    month = CYR_NO[p["m"].lower()]
    return _resolve_partial(
        _Partial(int(p["y"]) if p["y"] else None, month, _day_no(p["d"])), ctx.published
    )


def _h_word(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    pub = ctx.published
    if pub is None:
        return None
    word = " ".join(m["word"].lower().split())
    day = dt.timedelta(days=1)
    if word == "this weekend" and 1 <= pub.weekday() <= 4:
        # written Tuesday to Friday, "this weekend" is the one to come ("are meeting in X this
        # weekend"); on a Monday it is the one just gone, at the weekend the current one
        saturday = pub + dt.timedelta(days=5 - pub.weekday())
        return saturday, saturday + day, _RANGE
    if word.endswith("weekend"):  # the latest Saturday-Sunday that has begun
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        return saturday, min(saturday + day, pub), _RANGE
    if word in ("overnight", "last night", "the day"):
        # "the day" comes only after "throughout"/"during": a bulletin's "attacks throughout
        # the day" is often published the next morning, so the day before is as likely; a
        # night runs over two days, and "last night" ends on the morning of publication
        return pub - day, pub, _RANGE
    if word.startswith("overnight"):  # "overnight into Monday": the latest such Monday
        end = _latest(pub, word.split()[-1])
        return end - day, end, _RANGE
    back = {"yesterday": 1, "the day before yesterday": 2}.get(word, 0)
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
    target = WEEKDAY_NO[name.lower()]
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
    month = MONTH_NO[name.lower()]
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


def _latest(pub: dt.date, weekday: str) -> dt.date:
    """The latest day named ``weekday`` ("Monday", any case) on or before ``pub``."""
    return pub - dt.timedelta(days=(pub.weekday() - WEEKDAY_NO[weekday.lower()]) % 7)


def _h_wd(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    pub = ctx.published
    if pub is None:
        return None
    day = _latest(pub, m["wd"])
    return day, day, _DAY


def _h_mon(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    text, pub, strict = ctx
    name = m["mon"]
    if strict:
        before = text[max(0, m.start() - 24) : m.start()]
        context = MAY_CONTEXT if name == "May" else MONTH_CONTEXT
        if not context.search(before) and (name == "May" or NAME_AFTER.match(text, m.end())):
            return None
    return _resolve_partial(_Partial(None, MONTH_NO[name.lower()], None), pub)


def _counted_noun_follows(text: str, end: int) -> bool:
    after = NOUN_AFTER.match(text, end)
    return bool(after) and after.group(1) not in FUNCTION_WORDS


def _h_year(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    text, _, strict = ctx
    if strict:
        if not YEAR_CONTEXT.search(text, max(0, m.start() - 16), m.start()):
            return None
        if _counted_noun_follows(text, m.end()):
            return None
    year = int(m["year"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31), _YEAR


_HANDLERS: dict[str, _Handler] = {
    "rng": _h_rng,
    "since": _h_since,
    "part": _h_part,
    "season": _h_season,
    "brng": _h_brng,
    "full": _h_atom,
    "cyr": _h_cyr,
    "partial": _h_atom,
    "my": _h_atom,
    "word": _h_word,
    "rel": _h_rel,
    "lastwd": _h_lastwd,
    "lastmon": _h_lastmon,
    "lastseason": _h_lastseason,
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


def scan(
    text: str, published: dt.date | None, *, strict: bool
) -> Iterator[tuple[str, re.Match[str], DateSpan | None]]:
    """Every candidate expression, left to right, with its resolution (None if it has none)."""
    match = MASTER.match
    ctx = _Context(text, published, strict)
    done = 0
    for trigger in TRIGGER.finditer(text):
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
      (days 1-10, 11-20, 21-end), ``overnight`` and ``throughout/during the day`` (the day
      before to publication: a recap of the day is often read the next morning), ``over the
      weekend``, ``the past week`` / ``past 24 hours`` / ``last three weeks``.

    A bare month counts only when it cannot be a name: "May" needs a preceding in, since,
    until, by, early, late, mid, of, during or throughout; other months are refused when a
    capitalised word follows ("June Carter") unless such a word precedes. A bare year needs
    a preceding in, during or throughout, and no counted noun after it ("in 2000 homes"). A
    date of birth or building ("born in 1958", "born on 3 May 1990", "built in 1902") dates
    no news.
    Impossible dates ("February 30") are skipped.
    """
    if not isinstance(text, str):
        raise InputError(f"find_dates needs text as a str, not {type(text).__name__}.")
    pub = _check_published(published)
    return [
        span
        for _, _, span in scan(text, pub, strict=True)
        if span is not None
        and not LIFE_DATE_BEFORE.search(text, max(0, span.start_char - 60), span.start_char)
    ]


_FILLER = re.compile(r"[\s.,;:()\"'“”]*(?:\b(?i:on|in|at|during|over|of|the)\b[\s.,;:()\"'“”]*)*")
_TRAILER = re.compile(r"[\s.,;:()\"'“”]*")


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
    spans = [span for _, _, span in scan(expr, pub, strict=False) if span is not None]
    if len(spans) != 1:
        return None
    span = spans[0]
    head = _FILLER.fullmatch(expr, 0, span.start_char)
    tail = _TRAILER.fullmatch(expr, span.end_char)
    return span if head and tail else None
