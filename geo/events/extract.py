"""Sentence-level event extraction: type, place, date range, figures and the quote.

Rules follow docs/events.md: each trigger word takes the place its phrase attaches to it (not
every place in the sentence), the nearest date expression (else the publication date) and,
for evacuations and displacement, the head-counts; the sentence is kept as provenance.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from geo.events.casualties import Casualties, parse_casualties
from geo.events.places import (
    anaphors,
    as_direction,
    fronted_place,
    is_river,
    places_for,
    tokenize_sentence,
    within,
)
from geo.events.status import not_factual, status_for, tried
from geo.events.triggers import FIGURE_TYPES, TRIGGERS, Trigger, coerce_types, find_triggers
from geo.records import (
    Article,
    DatePrecision,
    DateSpan,
    Event,
    EventStatus,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
    Toponym,
    ToponymRole,
)
from geo.text.dates import find_dates, resolve_date
from geo.text.sentences import Sentence, split_sentences

__all__ = ["TRIGGERS", "extract_events", "parse_figures", "split_sentences"]

_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")

# Figures for evacuations and displacement.
_NUM_WORDS = dict(
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
_PEOPLE_NOUNS = (
    r"people|civilians|residents|inhabitants|persons|evacuees|refugees|villagers|"
    r"ukrainians|russians|individuals|citizens|patients"
)
_CHILD_NOUNS = r"children|minors|kids|orphans"
_FIGURE = re.compile(
    r"(?P<num>\d{1,3}(?:[,\u202f ]\d{3})+|\d+(?:\.\d+)?|"
    + "|".join(sorted(_NUM_WORDS, key=len, reverse=True))
    + r")(?:\s+(?P<scale>thousand|million))?\s+(?:(?:more|other|local|ukrainian|russian|elderly|"
    r"displaced|internally displaced)\s+)?(?P<noun>" + _PEOPLE_NOUNS + "|" + _CHILD_NOUNS + r")\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(r"\b(?:several|a few|few|many|dozens of|hundreds of)\s+$", re.IGNORECASE)
_BATTLE_TYPES = (EventType.OFFENSIVE, EventType.ADVANCE, EventType.ATTACK)
_GLUED = re.compile(r"[a-z\d)][.!?][A-Z]")  # a sentence end that lacks its space
_NO_CASUALTIES = Casualties()
_THE_WAR = re.compile(r"invasion|invaded|full-scale invasion", re.IGNORECASE)
_CASUALTY_TYPES = (EventType.ATTACK, EventType.OFFENSIVE)  # events that carry killed, injured


def _to_int(num: str, scale: str | None) -> int | None:
    num = num.lower().replace(",", "").replace("\u202f", "").replace(" ", "")
    if num in _NUM_WORDS:
        value = float(_NUM_WORDS[num])
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
    ("thousands of people") give None.
    """
    people = children = None
    for m in _FIGURE.finditer(sentence):
        value = _to_int(m.group("num"), m.group("scale"))
        if value is None or _VAGUE.search(sentence, 0, m.start()):
            continue  # "several hundred children" is an amount, not a count
        if re.fullmatch(_CHILD_NOUNS, m.group("noun"), re.IGNORECASE):
            children = children if children is not None else value
        elif people is None:
            people = value
    return people, children


def _geo_precision(place: Place) -> GeoPrecision:
    if place.precision is not None:  # a village known only by its hromada's centre
        return place.precision
    return {
        PlaceKind.POPULATED_PLACE: GeoPrecision.SETTLEMENT,
        PlaceKind.POINT: GeoPrecision.SETTLEMENT,
        PlaceKind.ADMIN2: GeoPrecision.ADMIN2,
        PlaceKind.ADMIN1: GeoPrecision.ADMIN1,
        PlaceKind.REGION: GeoPrecision.REGION,
        PlaceKind.FEATURE: GeoPrecision.REGION,
        PlaceKind.COUNTRY: GeoPrecision.COUNTRY,
    }[place.kind]


def _date_for(
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
        if not _GLUED.search(text, min(d.end_char, trig.end) - 1, max(d.start_char, trig.start) + 1)
    ]
    for d in dates:
        if trig.start > d.end_char and re.match(r",\s+when\b", text[d.end_char : d.end_char + 8]):
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
            and not re.search(r"[,;:(]", text[trig.end : d.start_char])
            and not any(trig.end <= o.start < d.start_char for o in triggers if o is not trig)
        ):
            return d
        if d.start_char >= trig.end:
            break
    best, best_d = None, None
    for d in dates:
        mid = (d.start_char + d.end_char) / 2
        mine = abs(mid - (trig.start + trig.end) / 2)
        if any(
            abs(mid - (o.start + o.end) / 2) < mine
            for o in triggers
            if o.type is not trig.type and o.type is not EventType.STATEMENT
        ):
            continue
        if best_d is None or mine < best_d:
            best, best_d = d, mine
    if best is None and len(dates) == 1:
        return dates[0]
    return best


def _since_range(
    trig: Trigger, dates: list[DateSpan], text: str, published: dt.date
) -> DateSpan | None:
    """An open range for "gains in X since Ukraine launched its invasion ... on August 6"."""
    m = re.search(r"\bsince\b", text[trig.end : trig.end + 80], re.IGNORECASE)
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


def _event_id(article_id: str, etype: EventType, place_id: str, start: int) -> str:
    key = f"{article_id}|{etype.value}|{place_id}|{start}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def extract_events(article: Article, toponyms: Sequence[Toponym]) -> list[Event]:
    """Extract dated events from an article whose toponyms are already resolved.

    Parameters
    ----------
    article
        The article; its ``published`` date anchors relative dates (events of an undated
        article are dated only where the sentence has an absolute date).
    toponyms
        The article's resolved toponyms (from :func:`geo.toponyms.geoparse.geoparse`).

    Returns
    -------
    list of Event
        In text order, at most one per (type, place) unless their dates differ.
    """
    text = article.text
    published = article.published
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    resolved = sorted(
        (
            t
            for t in toponyms
            if t.place is not None
            and t.role is ToponymRole.LITERAL  # not "Russian forces", "Kyiv said", "Kyiv Post"
            and not is_river(text, t)
        ),
        key=lambda t: t.start,
    )
    # Direct speech is used (a general's account of a withdrawal), as the speaker's claim.
    resolved = sorted(resolved + anaphors(text, resolved, []), key=lambda t: t.start)
    starts = [t.start for t in resolved]
    events: list[Event] = []
    last_figure_event: int | None = None
    last_casualty_event: int | None = None
    for sent in split_sentences(text):
        if _is_headline(sent.text):
            continue  # a headline restates the body, which has the dates and the details
        tops = resolved[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        squoted = within(quoted, sent.start, sent.end)
        triggers = _factual(text, sent, find_triggers(text, sent, []))
        # Figures matter only with a trigger here or a strike before to carry them to.
        casualties = (
            parse_casualties(sent.text)
            if triggers or last_casualty_event is not None
            else _NO_CASUALTIES
        )
        if not triggers:
            last_casualty_event = _carry_casualties(events, last_casualty_event, casualties)
            continue
        people, children = parse_figures(sent.text)
        dates = [
            replace(d, start_char=d.start_char + sent.start, end_char=d.end_char + sent.start)
            for d in find_dates(sent.text, published=published)
        ]
        toks = tokenize_sentence(text, sent, tops, dates, [])
        frame = fronted_place(text, sent, tops)
        found = []
        for trig in triggers:
            places = places_for(text, trig, toks, tops, dates)
            if not places and trig.type is not EventType.STATEMENT:
                places = frame  # "In Kherson, artillery shelled the port district"
            if not places and found and found[-1][0].type is trig.type:
                gap = text[found[-1][0].end : trig.start]
                if re.search(r"\b(?:followed by|then|and another)\b", gap):
                    places = found[-1][1]  # "..., followed by 12 assaults on October 8th"
            if places:
                found.append((trig, places))
        found = coerce_types(found, triggers)
        made_here = False
        casualties_used = False
        for trig, places in found:
            span = _since_range(trig, dates, text, published) if published else None
            span = span or _date_for(trig, dates, triggers, text)
            if span is None:
                if published is None:
                    continue  # no anchor, no date: an undated dot would mislead
                span = DateSpan(published, published, DatePrecision.DAY, "", -1, -1)
            elif published is not None and span.start > published:
                continue  # "next week": a plan or a forecast, not something that happened
            status, claimed_by = status_for(text, sent, trig, squoted)
            if trig.type is EventType.OFFENSIVE and trig.text.startswith(
                ("advanc", "seiz", "captur")
            ):
                status = EventStatus.ATTEMPTED  # "trying to advance towards", "a bid to seize"
            for top in places:
                if top.place.kind is PlaceKind.COUNTRY and _THE_WAR.fullmatch(trig.text):
                    continue  # "Russia's invasion of Ukraine": the war itself, background
                top = as_direction(text, top)
                ev = _event(article, trig, top, span, sent, people, children)
                ev = replace(ev, status=status, claimed_by=claimed_by)
                if trig.type in _CASUALTY_TYPES and casualties and not casualties_used:
                    ev = _with_casualties(ev, casualties)
                    casualties_used = trig.type is EventType.ATTACK
                events.append(ev)
                made_here = True
                if trig.type in FIGURE_TYPES:
                    last_figure_event = len(events) - 1
                if trig.type in _CASUALTY_TYPES:
                    last_casualty_event = len(events) - 1
        if not made_here:
            last_casualty_event = _carry_casualties(events, last_casualty_event, casualties)
        # "More than 26,000 civilians ... have been forced to flee." names no place: its
        # figures belong to the evacuation just reported.
        if (
            not made_here
            and (people or children)
            and last_figure_event is not None
            and any(t.type in FIGURE_TYPES for t in triggers)
        ):
            prev = events[last_figure_event]
            adjacent = sent.start - prev.sentence_end < 3
            events[last_figure_event] = replace(
                prev,
                people=prev.people if prev.people is not None else people,
                children=prev.children if prev.children is not None else children,
                quote=f"{prev.quote} {sent.text}" if adjacent else prev.quote,
                sentence_end=sent.end if adjacent else prev.sentence_end,
            )
    return _merge(events)


def _factual(text: str, sent: Sentence, triggers: list[Trigger]) -> list[Trigger]:
    """Drop planned, hoped-for and compared triggers; a tried capture is an offensive."""
    out = []
    for trig in triggers:
        if not_factual(text, sent, trig):
            continue  # "could aid in the capture of", "reminiscent of the battle for"
        if trig.type is EventType.ADVANCE and tried(text, sent, trig):
            trig = replace(trig, type=EventType.OFFENSIVE)  # "in a bid to seize": not taken
        out.append(trig)
    return out


def _with_casualties(ev: Event, cas: Casualties) -> Event:
    return replace(
        ev,
        killed=ev.killed if ev.killed is not None else cas.killed,
        injured=ev.injured if ev.injured is not None else cas.injured,
        figures_text="; ".join(t for t in (ev.figures_text, cas.text) if t),
    )


def _carry_casualties(events: list[Event], last: int | None, cas: Casualties) -> int | None:
    """Give a placeless casualty sentence's figures to the strike just reported.

    "Five people were injured, the governor said." follows the sentence that named the
    place; only figures the event lacks are filled, so a later running toll changes nothing.
    """
    if not cas or last is None:
        return last
    ev = events[last]
    if (cas.killed is None or ev.killed is not None) and (
        cas.injured is None or ev.injured is not None
    ):
        return last
    events[last] = _with_casualties(ev, cas)
    return last


def _event(
    article: Article,
    trig: Trigger,
    top: Toponym,
    span: DateSpan,
    sent: Sentence,
    people: int | None,
    children: int | None,
) -> Event:
    figures = trig.type in FIGURE_TYPES
    return Event(
        event_id=_event_id(article.article_id, trig.type, top.place.place_id, trig.start),
        article_id=article.article_id,
        event_type=trig.type,
        place=top.place,
        surface=top.surface,
        date_start=span.start,
        date_end=span.end,
        date_precision=span.precision,
        geo_precision=_geo_precision(top.place),
        quote=sent.text,
        sentence_start=sent.start,
        sentence_end=sent.end,
        people=people if figures else None,
        children=children if figures else None,
        date_text=span.text,
        confidence=round(top.confidence * (1.0 if span.start_char >= 0 else 0.8), 3),
    )


def _is_headline(sentence: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", sentence) if len(w) > 3]
    return (
        len(words) >= 4
        and sum(w[0].isupper() for w in words) / len(words) > 0.8
        and (not sentence.rstrip().endswith("."))
    )


def _merge(events: list[Event]) -> list[Event]:
    """Merge repeats of one event and drop country-level events a specific one covers.

    One event per (type, place) with overlapping dates; country-level battle events that a
    more specific event of the same type already covers are dropped.
    """
    out: list[Event] = []
    for ev in events:
        # Twins: the same type at the same place with overlapping dates, or where one of them
        # has no date of its own ("the Kursk offensive" after "the invasion of Kursk on
        # August 6" is the same offensive, not a new one on the publication date).
        twin = next(
            (
                k
                for k, o in enumerate(out)
                if o.event_type is ev.event_type
                and o.place.place_id == ev.place.place_id
                and (
                    not o.date_text
                    or not ev.date_text
                    or (o.date_start <= ev.date_end and ev.date_start <= o.date_end)
                )
            ),
            None,
        )
        if twin is None:
            out.append(ev)
            continue
        old = out[twin]
        # Keep the reading whose date came from the text, then the more precise one.
        better = ev if (not old.date_text and ev.date_text) else old
        other = old if better is ev else ev
        out[twin] = replace(
            better,
            people=better.people if better.people is not None else other.people,
            children=better.children if better.children is not None else other.children,
            killed=better.killed if better.killed is not None else other.killed,
            injured=better.injured if better.injured is not None else other.injured,
            figures_text=better.figures_text or other.figures_text,
        )
    specific = [e for e in out if e.geo_precision is not GeoPrecision.COUNTRY]
    return [
        e
        for e in out
        if not (
            e.geo_precision is GeoPrecision.COUNTRY
            and e.event_type in _BATTLE_TYPES
            and any(
                s.event_type is e.event_type
                and s.place.country_code == e.place.country_code
                and (not e.date_text or (s.date_start <= e.date_end and e.date_start <= s.date_end))
                for s in specific
            )
        )
    ]
