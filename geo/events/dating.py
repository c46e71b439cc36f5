"""Dating of events: the date a trigger anchors to, redating, and days told earlier or later.

Stage of ``geo.events.extract``'s loop: the nearest date expression a trigger takes, rising-toll
days, dates carried to the next sentence and days told before ("the day before", "N days
later", an oblast's lead day).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import replace

from geo.events.casualties import Casualties
from geo.events.places import LATER_AFTER
from geo.events.triggers import Trigger
from geo.records import (
    DatePrecision,
    DateSpan,
    Event,
    EventType,
    GeoPrecision,
    Toponym,
)
from geo.text.casefold import Gated
from geo.text.dates import find_dates, resolve_date
from geo.text.sentences import Sentence, split_sentences

_GLUED = re.compile(r"[a-z\d)][.!?][A-Z]")  # a sentence end that lacks its space


def _glued(text: str, pos: int, endpos: int) -> bool:
    """``_GLUED.search(text, pos, endpos)``; every match holds its stop, looked for first."""
    pos = max(pos, 0)
    if all(text.find(stop, pos, endpos) < 0 for stop in ".?!"):
        return False
    return _GLUED.search(text, pos, endpos) is not None


# A clause after an event that brings its own time: ", as Russian troops try to retake ground
# they lost last year", ", which it captured in July 2022".
_LATER_CLAUSE = re.compile(
    r",\s+(?:as|while|which|where|who|whose|after|before|since|because|although|though)\b",
    re.IGNORECASE,
)
# ", which took place in X last month": a clause that dates its noun's own happening; its
# start does too (", which began on Aug. 6" after an incursion)
_OWN_CLAUSE = re.compile(
    r",\s+which\s+(?:(?:had|has)\s+)?(?:took place|taken place|was held|were held|been held|"
    r"happened|occurred|began|begun|started|(?:was|were|been) launched)\b",
    re.IGNORECASE,
)
# "Tuesday's attack", "Monday’s deadly strike": a day that owns the event word after it.
_POSSESSIVE_DAY = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")
# "The talks in Geneva follow an invitation sent on Sunday": Sunday is the invitation's.
_FOLLOWS = re.compile(r"\b(?:follow(?:s|ed|ing)?|came after|comes after)\b", re.IGNORECASE)
_FOLLOWS = Gated(_FOLLOWS)  # asked between most triggers and dates: "follow" ... first
_AFTER_WHAT = re.compile(r"\b(?:after|since|before|following)\s+(?:\S+\s+){0,3}$", re.I)
# ", possibly the heaviest since the war began in February", ", a region that Moscow says it
# annexed in 2022", ", abandoned by its troops late last year": an aside after the event with
# a verb of its own, whose month or year is that verb's, never the event's day.
_ASIDE_CLAUSE = re.compile(
    r",[^,;:.]*?\b(?:since|that|which|who|when)\b|"
    r",\s+(?:[\w-]+\s+)?(?:\w+ed|\w+en|held|lost|won)\s+by\b",
    re.IGNORECASE,
)
# An aside opened by a participle: ", located 40 km from the border and liberated in",
# ", also occupied in", ", retaken by Ukraine in": what the place underwent, with its own date
_PARTICIPLE_ASIDE = re.compile(
    r",\s+(?:(?:also|once|later|first|then|previously|briefly)\s+)?"
    r"(?!(?:then|when|even|often|indeed|instead|between)\b)"
    r"(?:located|situated|lying|\w+ed|\w+en)\b[^,;:.]*$",
    re.IGNORECASE,
)
_DAYS = {"a": 1, "one": 1, "two": 2, "three": 3}
# "half a month after": half the unit, told in the next smaller one
_HALF = {"day": (0, "day"), "week": (3, "day"), "month": (15, "day"), "year": (6, "month")}
# How loosely "N weeks (months) after" is meant: days either side of the day counted; "a
# year after" is an anniversary, that day.
_SLACK = {"day": 0, "week": 2, "month": 3, "year": 0}
_DAYS_AFTER = re.compile(
    r"\b(half a|a|one|two|three) (day|week|month|year)s? after\b(?![^,;]*\bafter\b)", re.I
)
# "The shelling comes only days after the two delegations met in Istanbul": the meeting is
# background, some days (or weeks) before the news, not on its day.
_SOME_DAYS_AFTER = re.compile(
    r"\b(?:just |only |mere |barely |a few |several )*(?P<unit>days|weeks) after\b"
    r"(?![^,;]*\bafter\b)",
    re.IGNORECASE,
)
_SOME = {"days": (7, 1), "weeks": (31, 7)}  # how many days back it starts and ends
_CONTEXT_CHARS = 600
# "the press service announced on June 20" dates a report; "The unit also said the town
# remained under fire" is part of it, as of that day.
_REPORTED_ON = re.compile(
    r"\b(?:announced|said|reported|stated|wrote|posted|told \w+)\b[^,.;]{0,25}$", re.IGNORECASE
)
_ALSO_REPORTED = re.compile(
    r"\balso (?:reported|said|stated|noted|added|announced|wrote)\b", re.IGNORECASE
)
# Who made a dated report: the noun right before its verb ("the defence ministry said Sunday").
_REPORTER = re.compile(
    r"\b(?P<who>ministry|governor|mayor|administration|army|military|staff|command|"
    r"russia|ukraine|moscow|kyiv|"
    r"spokes(?:man|woman|person)|police|service|office|prosecutors?|brigade|group|"
    r"authorities|officials)['’]?s?\s+(?:\w+\s+)?"
    r"(?:announced|said|reported|stated|wrote|posted|claimed)\b[^,.;]{0,25}$",
    re.IGNORECASE,
)


_STATES = frozenset({"russia", "ukraine", "moscow", "kyiv"})


# Two months joined into one stretch: "in June and July", "in January-February", "in March
# or April". A bulletin that sums up a period names its months so; a trigger takes the stretch.
_MONTHS_JOINED = re.compile(r"\s*(?:and|or|to|[-–—/])\s*")


def joined_months(sentence: str, dates: list[DateSpan]) -> list[DateSpan]:
    """Merge month spans a sentence joins ("in June and July") into one range.

    ``dates`` are the sentence's own spans, in text order, offsets into ``sentence``; the
    later month ends the range (its year, as resolved, stays; a range that would run
    backwards is left as two months).
    """
    out: list[DateSpan] = []
    for d in dates:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.precision is DatePrecision.MONTH
            and d.precision is DatePrecision.MONTH
            and prev.end < d.start
            and _MONTHS_JOINED.fullmatch(sentence, prev.end_char, d.start_char)
        ):
            out[-1] = DateSpan(
                prev.start,
                d.end,
                DatePrecision.RANGE,
                sentence[prev.start_char : d.end_char],
                prev.start_char,
                d.end_char,
            )
            continue
        out.append(d)
    return out


# A strike told as a running situation: "cities such as A and B suffer from daily shelling",
# "drone attacks have hit civilians on a near-daily basis". With no date of its own, it is the
# weeks up to the report, not the report's day.
_HABITUAL = re.compile(
    r"\b(?:(?:near-?|almost\s+)?daily|nightly|every\s+(?:day|night)|day\s+and\s+night|"
    r"on\s+an?\s+(?:near-?|almost\s+)?(?:daily|regular|nightly)\s+basis|regularly|"
    r"constantly|constant|continuously|relentless(?:ly)?)\b",
    re.IGNORECASE,
)
_PAST_TENSE = re.compile(r"\b(?:was|were|had)\b", re.IGNORECASE)
HABITUAL_DAYS = 30  # how far back a running situation reaches from the report


def habitual_span(sentence: str, published: dt.date) -> DateSpan | None:
    """The weeks up to publication for a sentence that tells strikes as a running situation.

    Only a sentence with no date of its own asks (the caller's), and one told in the past
    ("was shelled daily") is history, not the situation now.
    """
    if _HABITUAL.search(sentence) is None or _PAST_TENSE.search(sentence):
        return None
    start = published - dt.timedelta(days=HABITUAL_DAYS)
    return DateSpan(start, published, DatePrecision.RANGE, "", -1, -1)


# A periodic bulletin's lead names the period it covers, just closed by its publication:
# "Between June and July, attacks across the country killed civilians" (published 1 August).
_PERIOD_DAYS = 28  # at least about a month
_PERIOD_CLOSED_DAYS = 10  # ended so many days before publication at most ("since" runs on)


def reporting_period(span: DateSpan, published: dt.date) -> bool:
    """Whether a lead's date is the period a periodic report covers (a month or more, just over)."""
    return (
        span.precision in (DatePrecision.MONTH, DatePrecision.RANGE)
        and (span.end - span.start).days + 1 >= _PERIOD_DAYS
        and published - dt.timedelta(days=_PERIOD_CLOSED_DAYS) <= span.end < published
    )


def _same_reporter(who: str, sentence: str) -> bool:
    """Whether a sentence is attributed to the reporter named by ``who``.

    "..., the ministry said", "according to the ministry", "a ministry statement said".
    """
    if not who:
        return False
    return _reporter_pattern(who).search(sentence) is not None


@functools.lru_cache(maxsize=256)
def _reporter_pattern(who: str) -> re.Pattern[str]:
    # Compiled once per reporter word: ``re``'s own cache is shared with every pattern built
    # from a name, and loses these between articles.
    if who in _STATES:
        # "Russia said on Thursday its army took a village. A defence ministry report said ...":
        # the state's word is given by its ministry or military
        who = r"(?:ministry|military|army|staff|command)"
    return re.compile(
        rf"\b(?:the|its)\s+(?:[\w-]+\s+)?{who}\s+(?:also\s+)?"
        rf"(?:said|added|reported|stated|announced|wrote|claimed)\b"
        rf"|\baccording to the\s+(?:[\w-]+\s+)?{who}\b"
        # "A ministry statement said ...", "the ministry's daily briefing said"
        rf"|\b(?:a|the|its)\s+(?:[\w-]+\s+)?{who}(?:['’]s)?\s+(?:[\w-]+\s+)?"
        rf"(?:statement|report|briefing|bulletin|update)\s+(?:also\s+)?"
        rf"(?:said|added|reported|stated|announced|claimed)\b",
        re.IGNORECASE,
    )


# "X, the capture of which was reported earlier": background told before, with no day of its
# own (with one, "the day before", it keeps that day).
_TOLD_EARLIER = re.compile(
    r"\s+of\s+which\s+(?:was|were|had been|has been)\s+(?:\w+ly\s+)?"
    r"(?:reported|announced|claimed|confirmed)\b[^,;.]{0,60}?\b(?:earlier|previously|before)\b",
    re.IGNORECASE,
)
# "As reported, the Russians hit a district of Kharkiv": an earlier happening the outlet told
# before, recalled as background: its own event, not a reading of today's strike there.
_AS_REPORTED = re.compile(
    r"\W*as (?:was |previously |earlier |already )?(?:\w+ )?reported(?: earlier| before|"
    r" previously)?\s*,",
    re.IGNORECASE,
)
_REPORT_REACH = 1200
_AND_DAYS = re.compile(
    r"\band\s+\w+['’]s\s+(?:[\w-]+\s+)?$"
)  # characters: a report's sentences follow it within a paragraph or two
# "had been shelled the night before", "on the previous day": a day before the day told last;
# "the next day": the day after it.
_DAY_BEFORE_TOLD = re.compile(
    r"\bthe (?:night|day|evening|morning|afternoon) before\b|\bthe previous (?:day|night|evening)\b"
    r"|\b(?:a|one) day earlier\b"  # not "a day before the talks": what it is before
    r"|\b(?:a|one) day before(?=\s*,)"  # "A day before, a drone hit X": the day told last's eve
    r"|\b(?P<next>the (?:next|following) (?:day|night|morning|evening))\b"
    # "Later the same day, troops shelled a village": the day told last, again
    r"|\b(?P<same>(?:later|earlier) (?:that|the same) (?:day|evening|night)|"
    r"(?:on )?(?:that|the) same day"
    # "... and 130 people injured that day": the day told last ("since that day" is a start)
    r"|(?<!since )(?<!until )(?<!after )(?<!before )(?<!from )(?:on )?that day)\b"
    r"(?! (?:a|last|the previous) (?:year|month|week))",
    re.IGNORECASE,
)  # how far back an undated "also" or "second" event looks for its day


# "The death toll ... rose to 11 on Saturday", "has risen to 44, the mayor said on Tuesday":
# the day after a rising toll is the day the count rose, not the strike's (told elsewhere:
# "Thursday's strike", "the barrage on Saturday").
_TOLL_RISE = re.compile(
    r"\b(?:death toll|toll|number of (?:people )?(?:dead|killed|deaths|injured|wounded))\b"
    r"[^.;]{0,160}?\b(?:rose|risen|rises|climbed|climbs|increased|jumped|grew)\s+to\s+"
    r"(?:at least\s+|more than\s+)?[\w,]+",
    re.IGNORECASE,
)
# its words looked for first (geo.text.casefold.Gated)
_TOLL_RISE = Gated(_TOLL_RISE)
# a strike word between the count and the day: "rose to 16 after the attack on Sunday"
_STRIKE_WORD = re.compile(
    r"\b(?:attacks?|strikes?|struck|shelling|barrage|bombardment|raids?|explosions?|blasts?|"
    r"hit)\b",
    re.IGNORECASE,
)


# "a barrage on Saturday", "the strike early on Thursday": a strike word that owns the day after it
_STRIKE_BEFORE_DAY = re.compile(
    r"\b(?:attacks?|strikes?|shelling|barrage|bombardment|raids?)\s+(?:(?:early|late)\s+)?"
    r"(?:on|last)\s+$",
    re.IGNORECASE,
)

# "Thursday's early-morning strike": the day owns the strike word after it
_DAY_OWNS_STRIKE = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|shelling|barrage|bombardment|raids?)\b",
    re.IGNORECASE,
)


def _toll_rise_day(sentence: str, d: DateSpan) -> bool:
    """Whether a date of the sentence tells when a strike's toll rose, not when it struck.

    Only a date after the risen count with no strike word between them; "Saturday's strike"
    and "after the attack on Sunday" keep their day.
    """
    for m in _TOLL_RISE.finditer(sentence, 0, d.start_char):
        gap = sentence[m.end() : d.start_char]
        if (
            len(gap) < 90
            and not _STRIKE_WORD.search(gap)
            and not _POSSESSIVE_DAY.match(sentence, d.end_char)
        ):
            return True
    return False


def _redated(ev: Event, span: DateSpan) -> Event:
    """``ev`` dated by a date expression of the text: its days, precision and words."""
    return replace(
        ev,
        date_start=span.start,
        date_end=span.end,
        date_precision=span.precision,
        date_text=span.text,
    )


# "took back ground ... in a swift counteroffensive in autumn 2022": the campaign the
# happening was part of, named after it; the campaign's time is the happening's too.
_WITHIN_BEFORE = re.compile(
    r"\b(?:in|during|as\s+part\s+of)\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_OWN_TIME_GAP = re.compile(r"\s+(?:(?:in|of|during|on)\s+)?(?:the\s+)?", re.IGNORECASE)
_CAMPAIGN_WORD = re.compile(r"(?:counter-?)?offensives?\b|campaign\b|operations?\b", re.I)


def _held_within(text: str, trig: Trigger, other: Trigger, date: DateSpan) -> bool:
    """Whether ``other`` is the campaign, named after ``trig``, that ``trig`` happened in.

    Only when ``date`` is the campaign's own time right after it ("in a counteroffensive in
    fall 2022"); a clause of its own ("an offensive that began in February") dates only the
    campaign's start.
    """
    return (
        other.start >= trig.end
        and date.start_char >= other.end
        and _OWN_TIME_GAP.fullmatch(text, other.end, date.start_char) is not None
        and other.type is EventType.OFFENSIVE
        and _CAMPAIGN_WORD.match(other.text) is not None
        and _WITHIN_BEFORE.search(text, trig.end, other.start) is not None
    )


# Compiled once (re's own cache is shared with patterns built from names, and loses these).
_CLAUSE_OR_ASIDE = re.compile(r"[;:(]")
_MARK_OR_ASIDE = re.compile(r"[,;:(]")
_WHEN_AFTER = re.compile(r",\s+when\b")


def _date_for(
    trig: Trigger, dates: list[DateSpan], triggers: list[Trigger], text: str
) -> DateSpan | None:
    """The date a trigger takes (``_nearest_date``), read for nights and earlier strikes.

    A night named by a day runs over two days ("Monday night", "overnight on Tuesday"); a
    strike told as what befell a thing, or named in an "after" phrase, came before the main
    verb's day. A day a report verb gives ("..., officials said on Tuesday") stays that day:
    widening it to the eve joined two strikes a coder kept apart (docs/events.md, round 12).
    """
    d = _nearest_date(trig, dates, triggers, text)
    if d is None:
        return None
    night = _night_named(text, d, dates)
    if night is not None:
        return night
    before = _struck_before(text, trig, d) or _after_the_day(text, trig, d, dates)
    if before is not None:
        return before
    return d


# A night is told by the day it ends ("the night to Tuesday", "overnight on Tuesday") or the
# day it begins ("Monday night", "overnight from Monday to Tuesday"): either way it runs over
# two days. "The early hours of Tuesday" and "before dawn on Tuesday" are Tuesday's own.
_NIGHT_ENDING = re.compile(
    r"(?:\bnight\s+(?:to|into)|\bovernight(?:\s+(?:on|to|into))?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NIGHT_AFTER = re.compile(r"\s+night\b", re.IGNORECASE)
_OVERNIGHT = re.compile(r"(?:overnight|last night)\s+(?:(?:on|to|into|from)\s+)?", re.I)
_TO_DAY = re.compile(r"\s*(?:to|into|-|–)\s*", re.IGNORECASE)


def _night_named(text: str, d: DateSpan, dates: list[DateSpan]) -> DateSpan | None:
    """The two days of a night a sentence names by a day, or ``None``.

    "overnight on Monday" names the night, and its day is Monday's, not the publication's
    night that a bare "overnight" means; "Monday night" runs into Tuesday, so that "the early
    hours of Tuesday" told of it later is one strike with it, not a second on the next day.
    """
    if d.start_char < 0:
        return None
    if d.precision is not DatePrecision.DAY and d.text.lower() in ("overnight", "last night"):
        # "overnight on Monday", "overnight from Monday to Tuesday": the day named after it
        m = _OVERNIGHT.match(text, d.start_char)
        day = next(
            (
                o
                for o in dates
                if m is not None
                and o.start_char == m.end()
                and o.precision is DatePrecision.DAY
                and o.start == o.end
            ),
            None,
        )
        if day is None:
            return None
        if m is not None and m.group(0).lower().rstrip().endswith("from"):
            to = next(
                (
                    o
                    for o in dates
                    if o.precision is DatePrecision.DAY
                    and _TO_DAY.fullmatch(text, day.end_char, o.start_char)
                ),
                None,
            )
            end = to.end if to is not None else day.start + dt.timedelta(days=1)
            return _two_days(day, day.start, end)
        return _two_days(day, day.start - dt.timedelta(days=1), day.start)
    if d.precision is not DatePrecision.DAY or d.start != d.end:
        return None
    if _NIGHT_ENDING.search(text, max(0, d.start_char - 30), d.start_char):
        return _two_days(d, d.start - dt.timedelta(days=1), d.start)
    if _NIGHT_AFTER.match(text, d.end_char):
        return _two_days(d, d.start, d.start + dt.timedelta(days=1))
    return None


def _two_days(d: DateSpan, start: dt.date, end: dt.date) -> DateSpan:
    return DateSpan(start, end, DatePrecision.RANGE, d.text, d.start_char, d.end_char)


_TOLD_TYPES = frozenset({EventType.ATTACK, EventType.OFFENSIVE})

# A strike told as what befell a thing another clause is about: "survivors were pulled on
# Sunday from the rubble of a block hit by a missile", "buildings destroyed a day earlier by
# shelling": a noun, a participle with no auxiliary before it, and its agent after "by".
_STRUCK_BY = re.compile(
    r"\b(?P<head>[a-z]+)\s+(?:[a-z]+ly\s+)?(?:hit|struck|destroyed|damaged|shelled|bombed|"
    r"targeted|flattened)\s+(?P<gap>a\s+day\s+earlier\s+|the\s+(?:day|night)\s+before\s+|"
    r"(?:earlier|overnight|previously)\s+)?by\b",
    re.IGNORECASE,
)
_AUXILIARY = frozenset(
    {"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "get", "got"}
)


# "Rescuers ended their search on Tuesday after a missile attack on the city": the day is the
# search's, and the strike named after "after" / "following" came before it.
_AFTER_PHRASE = re.compile(
    r"\s+(?:(?:just|shortly|soon|hours|days|a\s+day|two\s+days)\s+)?(?:after|following)\s+"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)


def _after_the_day(text: str, trig: Trigger, d: DateSpan, dates: list[DateSpan]) -> DateSpan | None:
    """The days of a strike named in an "after" phrase that follows another verb's day.

    "... completed the search on Tuesday after a missile attack on the town late on Monday":
    the strike takes the day told after it (Monday), else it came on or before the main
    verb's day (that day or its eve), not on it alone.
    """
    if (
        trig.type not in _TOLD_TYPES
        or not 0 <= d.end_char <= trig.start
        or d.precision is not DatePrecision.DAY
        or _AFTER_PHRASE.match(text, d.end_char, trig.start) is None
    ):
        return None
    own = next(
        (
            o
            for o in sorted(dates, key=lambda o: o.start_char)
            if o.start_char >= trig.end
            and o.precision is DatePrecision.DAY
            and o.end <= d.start
            and not _CLAUSE_OR_ASIDE.search(text, trig.end, o.start_char)
        ),
        None,
    )
    if own is not None:
        return _night_named(text, own, dates) or own
    return DateSpan(
        d.start - dt.timedelta(days=1), d.end, DatePrecision.RANGE, d.text, d.start_char, d.end_char
    )


def _struck_before(text: str, trig: Trigger, d: DateSpan) -> DateSpan | None:
    """The days of a strike told as what befell a thing, before the day of the clause's verb.

    "Rescuers pulled survivors on Sunday from a block hit a day earlier by a missile": the day
    is the rescue's, and the strike came before it, on Saturday; "buildings purportedly hit
    by missiles" with no day of its own came that day or the one before. Read so, the
    aftermath told on the next day is the strike told again, not a second one on that day.
    """
    if (
        trig.type is not EventType.ATTACK
        or d.precision is not DatePrecision.DAY
        or d.start != d.end
        or not 0 <= d.end_char <= trig.start
    ):
        return None
    m = _STRUCK_BY.search(text, d.end_char, min(len(text), trig.end + 40))
    if m is None or m.start() > trig.end or m.group("head").lower() in _AUXILIARY:
        return None
    eve = d.start - dt.timedelta(days=1)
    gap = (m.group("gap") or "").lower()
    if gap.startswith(("a day", "the day", "the night")):
        return DateSpan(eve, eve, DatePrecision.DAY, d.text, d.start_char, d.end_char)
    return DateSpan(eve, d.end, DatePrecision.RANGE, d.text, d.start_char, d.end_char)


def _reported_day(span: DateSpan, etype: EventType, *, own: bool) -> DateSpan:
    """The day of a report given to the sentence that tells it, as ``_date_for`` reads it.

    "Debris of a drone downed over X, which borders Ukraine, killed three, the governor said
    Thursday": a strike or a fight told that day happened on it or the night before. What a
    later sentence says the report "also" told ("the town is under constant attack") is as
    of the report's day (``own`` false), and keeps it.
    """
    if not own or etype not in _TOLD_TYPES or span.precision is not DatePrecision.DAY:
        return span
    return replace(span, start=span.end - dt.timedelta(days=1), precision=DatePrecision.RANGE)


def _nearest_date(
    trig: Trigger, dates: list[DateSpan], triggers: list[Trigger], text: str
) -> DateSpan | None:
    """The date expression nearest to this trigger rather than to another trigger.

    A sentence with a single date expression dates all its events ("ordered ... on Monday,
    as Russian forces advanced"), and "since October 2022, when ... began their assault"
    gives the assault October 2022. Dates across a glued full stop ("on Tuesday.Russia") are
    another sentence's.
    """
    dates = [
        d
        for d in dates
        if not _glued(text, min(d.end_char, trig.end) - 1, max(d.start_char, trig.start) + 1)
        and not _in_speakers_clause(text, d, trig)
        and not _in_aside(text, trig, d)
        and not _in_aside_before(text, trig, d)
    ]
    for d in dates:
        if d.end_char <= trig.start and _POSSESSIVE_DAY.fullmatch(text, d.end_char, trig.start):
            return d  # "Tuesday's attack on Odesa": the day is the attack's own
    # ... and not an earlier one's: "the attack that killed three and Monday's attack"
    dates = [
        d
        for d in dates
        if not (
            d.start_char >= trig.end
            and any(
                d.end_char <= o.start and _POSSESSIVE_DAY.fullmatch(text, d.end_char, o.start)
                for o in triggers
                if o is not trig
            )
        )
    ]
    for d in dates:
        if (
            d.start_char >= trig.end
            and (own := _OWN_CLAUSE.search(text, trig.end, d.start_char))
            and not _CLAUSE_OR_ASIDE.search(text[trig.end : d.start_char])
            and not any(trig.end <= o.start < d.start_char for o in triggers if o is not trig)
            and not _LATER_CLAUSE.search(text, own.end(), d.start_char)
        ):
            return d  # "talks between the delegations, which took place in X last month"
    for d in dates:
        if trig.start > d.end_char and _WHEN_AFTER.match(text[d.end_char : d.end_char + 8]):
            if d.text.lower().startswith("since "):
                again = resolve_date(d.text[6:], published=d.end)
                if again is not None:
                    return replace(again, start_char=d.start_char, end_char=d.end_char)
            return d
    # "10 attacks on October 7th, followed by 12 assaults on October 8th": a date that follows
    # a trigger before any other trigger is that trigger's own.
    for d in sorted(dates, key=lambda d: d.start_char):
        if (
            d.start_char >= trig.end
            and not _MARK_OR_ASIDE.search(text[trig.end : d.start_char])
            and not any(trig.end <= o.start < d.start_char for o in triggers if o is not trig)
            and not _FOLLOWS.search(text, trig.end, d.start_char)
        ):
            return d
        if d.start_char >= trig.end:
            break
    best, best_d = None, None
    lone = dates[0] if len(dates) == 1 else None
    for d in dates:
        if d.start_char >= trig.end and (
            _LATER_CLAUSE.search(text, trig.end, d.start_char)
            or _FOLLOWS.search(text, trig.end, d.start_char)
        ):
            continue  # the time of a later clause's own happening
        mid = (d.start_char + d.end_char) / 2
        mine = abs(mid - (trig.start + trig.end) / 2)
        if any(
            abs(mid - (o.start + o.end) / 2) < mine
            for o in triggers
            if o.type is not trig.type
            and o.type is not EventType.STATEMENT
            and not _held_within(text, trig, o, d)
        ):
            continue
        if best_d is None or mine < best_d:
            best, best_d = d, mine
    if best is None and lone is not None:
        # One date dates every event of the sentence ("ordered ... on Monday, as Russian
        # forces advanced"), unless another event stands between them: "evacuation ...
        # after a missile strike on Friday", "Izium, a town it retook last year".
        if lone.start_char >= trig.end:
            theirs = (
                _LATER_CLAUSE.search(text, trig.end, lone.start_char)
                or _FOLLOWS.search(text, trig.end, lone.start_char)
            ) or any(
                trig.end <= o.start < lone.start_char and not _held_within(text, trig, o, lone)
                for o in triggers
                if o is not trig
            )
        else:  # "after the spring offensive ..., are now focusing on capturing"
            theirs = _AFTER_WHAT.search(
                text, max(0, lone.start_char - 30), lone.start_char
            ) and any(lone.end_char <= o.start < trig.start for o in triggers if o is not trig)
        if not theirs:
            return lone
    return best


# "X, who was the minister in 2014 and ..., announced that troops had left Y": the year is
# the speaker's own clause's, not the news the verb of saying reports.
_WHO_BEFORE = re.compile(r",\s+(?:who|which)\b[^.;]*$")
_SAYING_AFTER = re.compile(
    r"[^.;]*?,\s+(?:\w+\s+){0,2}?(?:announced|said|says|reported|claimed|stated|told|wrote)\b"
)
# its words looked for first (geo.text.casefold.Gated)
_SAYING_AFTER = Gated(_SAYING_AFTER)


# "fighting goes on in the war that began in 2022", "..., part of the conflict, which erupted
# in February 2022": the start of the war the event is part of, told by a clause of the war's
# own (the war word itself as the trigger keeps its start)
_WAR_STARTED = re.compile(
    r"\b(?:war|conflict|invasion|aggression|hostilities)\s*,?\s+(?:that|which)\s+"
    r"(?:(?:first|originally|has|had)\s+)?(?:began|begun|started|erupted|broke\s+out)\b",
    re.IGNORECASE,
)


def _in_aside(text: str, trig: Trigger, d: DateSpan) -> bool:
    """Whether a month or a year after a trigger belongs to an aside's own verb."""
    if d.start_char < trig.end or (d.end - d.start).days <= 7:
        return False
    if _WAR_STARTED.search(text, trig.end, d.start_char):
        return True
    return (
        d.precision is not DatePrecision.RANGE
        and _ASIDE_CLAUSE.search(text, trig.end, d.start_char) is not None
        and _OWN_CLAUSE.search(text, trig.end, d.start_char) is None
    )


def _in_aside_before(text: str, trig: Trigger, d: DateSpan) -> bool:
    """Whether a month or a year before a trigger lies in a closed aside with its own verb.

    "The head of X, seized by Moscow in 2014, told of drones downed": the year is
    the annexation's; the aside opens at a comma and closes at another before the trigger.
    """
    if d.end_char > trig.start or (d.end - d.start).days <= 7:
        return False
    if "," not in text[d.end_char : trig.start]:
        return False
    opened = text.rfind(",", max(0, d.start_char - 100), d.start_char)
    if opened < 0:
        return False
    if _PARTICIPLE_ASIDE.match(text, opened, d.start_char):
        # "In the village of X, located 6 km from Y and liberated in 2022, a woman was
        # wounded", "In X, occupied since 2014, a school was hit": the participle that
        # opens the aside owns its year or its span, not the strike
        return True
    if d.precision is DatePrecision.RANGE:
        return False
    near = opened >= d.start_char - 60
    return near and _ASIDE_CLAUSE.match(text, opened, d.start_char) is not None


def _in_speakers_clause(text: str, d: DateSpan, trig: Trigger) -> bool:
    """Whether a date before a trigger sits in a relative clause about who reports it."""
    return (
        d.end_char <= trig.start
        and _WHO_BEFORE.search(text, max(0, d.start_char - 200), d.start_char) is not None
        and _SAYING_AFTER.match(text, d.end_char, trig.start) is not None
    )


_SINCE_WORD = Gated(re.compile(r"\bsince\b", re.IGNORECASE))  # asked after every trigger


def _since_range(
    trig: Trigger, dates: list[DateSpan], text: str, published: dt.date
) -> DateSpan | None:
    """An open range for "gains in X since Ukraine launched its invasion ... on August 6"."""
    m = _SINCE_WORD.search(text[trig.end : trig.end + 80])
    if not m or "," in text[trig.end : trig.end + m.start()]:
        # "retaken Sudzha, held since its incursion in August 2024": after a comma the
        # "since" belongs to an aside about something else, not to this event's range.
        return None
    after = trig.end + m.end()
    later = [d for d in dates if d.start_char >= after and d.end <= published]
    if not later:
        return None
    d = min(later, key=lambda d: d.start_char)
    return DateSpan(
        d.start, published, DatePrecision.RANGE, f"since … {d.text}", d.start_char, d.end_char
    )


def _earlier(day: dt.date, n: int, unit: str) -> dt.date:
    """``n`` days, weeks, months or years before ``day`` (the month's last day if shorter)."""
    if unit in ("day", "week"):
        return day - dt.timedelta(days=n * (7 if unit == "week" else 1))
    months = day.year * 12 + day.month - 1 - n * (12 if unit == "year" else 1)
    year, month = divmod(months, 12)
    for d in range(day.day, 0, -1):
        try:
            return dt.date(year, month + 1, d)
        except ValueError:
            continue
    return day


def _next_to_told(
    events: list[Event], rel: re.Match[str], published: dt.date | None, before: int
) -> DateSpan | None:
    """The day before (or after) the last day the text told, for "the night before".

    "Later the same day" is that day again. With no day told, "the night before" is the eve
    of publication; "the next day" and "the same day" are none. Only days told before the
    sentence at ``before`` count: a second event word of the sentence ("launched a missile
    strike") is the same day, not the day before the first's.
    """
    told = next(
        (
            e
            for e in reversed(events)
            if e.date_text and e.date_start == e.date_end and e.sentence_start < before
        ),
        None,
    )
    base = told.date_start if told is not None else published
    if base is None or (told is None and (rel.group("next") or rel.group("same"))):
        return None
    day = base + dt.timedelta(days=1 if rel.group("next") else 0 if rel.group("same") else -1)
    if published is not None and day > published:
        return None
    return DateSpan(day, day, DatePrecision.DAY, rel.group(0), -1, -1)


_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def _later_for(text: str, top: Toponym, span: DateSpan) -> DateSpan:
    """The day or month of a place told "N months later" than the sentence's date.

    "captured A in December 2023 and B two months later": B's capture is in February 2024.
    Only a span the text gave (a day or a month) is moved; the place's event keeps its
    precision.
    """
    m = LATER_AFTER.match(text, top.end)
    if m is None or not span.text or span.precision not in (DatePrecision.DAY, DatePrecision.MONTH):
        return span
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    unit = m.group("unit").lower()
    if unit in ("day", "week"):
        step = dt.timedelta(days=n * (7 if unit == "week" else 1))
        return replace(span, start=span.start + step, end=span.end + step, text=m.group(0).strip())
    months = n * (12 if unit == "year" else 1)
    index = span.start.year * 12 + span.start.month - 1 + months
    first = dt.date(index // 12, index % 12 + 1, 1)
    if span.precision is DatePrecision.DAY:
        day = min(span.start.day, calendar.monthrange(first.year, first.month)[1])
        first = first.replace(day=day)
        return replace(span, start=first, end=first, text=m.group(0).strip())
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return replace(span, start=first, end=last, text=m.group(0).strip())


def _oblast_lead_day(events: list[Event], places: list[Toponym], at: int) -> DateSpan | None:
    """The day of an oblast's strikes told just before, for an undated strike in that oblast.

    "Russian attacks on Kherson Oblast on Dec. 19 killed two. ... Residential areas of Kherson
    came under fire.": the city's strike is one the lead summed up, on the lead's day. Only
    the last strike told within two sentences or so, and only when it was the oblast's.
    """
    codes = [t.place.admin1_code for t in places]
    if not codes or None in codes:
        return None
    # a list's namesake read in another oblast does not undo the list's day
    home = max(set(codes), key=codes.count)
    if 2 * codes.count(home) <= len(codes) and len(set(codes)) > 1:
        return None
    for ev in reversed(events):
        if at - ev.sentence_end > _CONTEXT_CHARS:
            return None
        if ev.event_type is not EventType.ATTACK:
            continue
        if (
            ev.date_text
            and ev.geo_precision is GeoPrecision.ADMIN1
            and ev.place.admin1_code == home
        ):
            return DateSpan(ev.date_start, ev.date_end, ev.date_precision, ev.date_text, -1, -1)
        inherited = bool(ev.date_text) and ev.date_text.lower() not in ev.quote.lower()
        if ev.place.admin1_code != home and not inherited:
            return None
        if ev.date_text and not inherited:
            return None  # a strike of the oblast with a day of its own
        # an undated retelling of the oblast's strikes ("attacked the region 42 times"), or
        # a town that took the lead's day already: a bulletin's list of the day's strikes
        # goes on over several sentences, so the reach counts from the last one
        at = ev.sentence_start
    return None


def _day_before(events: list[Event], etype: EventType, at: int) -> DateSpan | None:
    """The text-given day of the last event of a type told just before ``at``, if any."""
    for ev in reversed(events):
        if at - ev.sentence_end > _CONTEXT_CHARS:
            return None
        if ev.event_type is etype and ev.date_text:
            return DateSpan(ev.date_start, ev.date_end, ev.date_precision, ev.date_text, -1, -1)
    return None


def _carry_date(
    events: list[Event],
    triggers: list[Trigger],
    dates: list[DateSpan],
    words: list[Trigger],
    text: str,
) -> None:
    """Give a placeless sentence's day to the strike just reported without one.

    "The strike on a cafe in Kramatorsk ..." then "Shortly before noon on Monday, two
    missiles hit the square, killing nine people.": the sentence without a place tells when
    the strike the article is about happened, as it tells its toll.
    """
    ev = events[-1]
    if ev.date_text or ev.event_type is not EventType.ATTACK:
        return
    for trig in triggers:
        if trig.type is not ev.event_type:
            continue
        span = _date_for(trig, dates, words, text)
        if (
            span is not None
            and span.start <= ev.date_start
            # "Since the war began in February 2022, X has shelled Y almost daily": a month,
            # a year or a long span is the war's background, not the day of one strike
            and (span.end - span.start).days <= 2
        ):
            events[-1] = _redated(ev, span)
            return


def _carry_toll_day(
    events: list[Event], text: str, sent: Sentence, published: dt.date | None
) -> None:
    """Give a rising toll's strike the day a placeless sentence after it tells.

    "The death toll from the strike on X has risen to 29." then "Crews worked through the
    night at the building, the worst-hit place in Saturday's barrage.": the toll is told
    on the day it rose; the strike's own day comes in the next sentences. Only for the last
    event, a strike without a day of its own told with its rising toll, within two sentences.
    """
    if not events:
        return
    ev = events[-1]
    if (
        ev.date_text
        or ev.event_type is not EventType.ATTACK
        or not _TOLL_RISE.search(ev.quote)
        or len(split_sentences(text[ev.sentence_end : sent.start])) > 1
    ):
        return
    for found in find_dates(sent.text, published=published):
        d = replace(
            found, start_char=found.start_char + sent.start, end_char=found.end_char + sent.start
        )
        before = text[max(sent.start, d.start_char - 40) : d.start_char]
        if not (_STRIKE_BEFORE_DAY.search(before) or _DAY_OWNS_STRIKE.match(text, d.end_char)):
            continue
        if d.end <= ev.date_start:
            events[-1] = _redated(ev, d)
        return


def _day_before_count(
    sent: Sentence, cas: Casualties, published: dt.date | None
) -> DateSpan | None:
    """The day a sentence tells before its count, not as the day of a report.

    "Attacks on the region on Oct. 8 killed one" tells its strike's day; in "Five were
    injured, the governor said on Tuesday" the day comes after the count and is the report's.
    """
    if not cas or cas.start < 0:
        return None
    for d in find_dates(sent.text[: cas.start], published=published):
        if (
            d.precision is DatePrecision.DAY
            and not _REPORTED_ON.search(sent.text, max(0, d.start_char - 40), d.start_char)
            and not _COUNT_STANDS.search(sent.text, max(0, d.start_char - 30), d.start_char)
        ):
            return d
    return None


# "As of October 6, there are seven dead", "By Tuesday morning the toll stood at nine": the
# day the count stands at, told after its strike, not a day of another strike.
_COUNT_STANDS = re.compile(r"\b(?:as (?:of|at)|by)\s+(?:[\w:.]+\s+){0,3}$", re.IGNORECASE)


# Asked of most sentences, and most hold no match: each asks its lower-case twin first
# (geo.text.casefold.Gated). Set here, after every definition, so each reads as written above.
_REPORTED_ON, _DAYS_AFTER, _SOME_DAYS_AFTER, _DAY_BEFORE_TOLD = map(
    Gated, (_REPORTED_ON, _DAYS_AFTER, _SOME_DAYS_AFTER, _DAY_BEFORE_TOLD)
)
