"""Sentence-level event extraction: type, place, date range, figures and the quote.

Rules follow docs/events.md: each trigger word takes the place its clause attaches to it (not
every place in the sentence), the nearest date expression (else the publication date) and,
for evacuations and displacement, the head-counts; the sentence is kept as provenance.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .dates import find_dates
from .records import (
    Article,
    DatePrecision,
    DateSpan,
    Event,
    EventType,
    GeoPrecision,
    PlaceKind,
    Toponym,
)

__all__ = ["TRIGGERS", "extract_events", "parse_figures", "split_sentences"]

# Trigger phrases per type, matched case-insensitively on word boundaries. Order matters
# only for reading; overlapping matches are resolved by position and length.
TRIGGERS: dict[EventType, tuple[str, ...]] = {
    EventType.EVACUATION: (
        r"evacuat\w*",
        r"ordered (?:\w+ ){0,3}to (?:leave|evacuate)",
        r"were taken out of",
        r"evacuation (?:train|bus|order)s?",
    ),
    EventType.DISPLACEMENT: (
        r"fled",
        r"flee(?:ing)?",
        r"forced to flee",
        r"displaced",
        r"refugees?",
        r"(?:have |had )?left their homes",
        r"sheltering in",
        r"found shelter in",
    ),
    EventType.NEGOTIATION: (
        r"talks",
        r"negotiat\w+",
        r"round of talks",
        r"peace deal",
        r"ceasefire (?:deal|agreement)",
        r"signed (?:an? )?(?:agreement|deal|memorandum)",
        r"prisoner exchange",
        r"exchange of prisoners",
        r"delegations? met",
        r"summit",
    ),
    EventType.ADVANCE: (
        r"advanc\w*",
        r"(?:territorial )?gains",
        r"captur\w+",
        r"seiz\w+",
        r"took control of",
        r"taken control of",
        r"recaptur\w+",
        r"retook",
        r"retaken",
        r"took back",
        r"liberat\w+",
        r"withdr[ea]w\w*",
        r"pulled out of",
        r"closing in on",
        r"entered",
        r"fell to",
        r"fall of",
        r"encircl\w+",
    ),
    EventType.OFFENSIVE: (
        r"offensive",
        r"counteroffensive",
        r"counter-offensive",
        r"incursion",
        r"invasion",
        r"invaded",
        r"assaults?",
        r"fighting",
        r"clashes",
        r"crossed the border",
        r"launched (?:an? )?(?:attack|operation|push)",
        r"push(?:ed)? toward",
        r"ground operation",
        r"storm(?:ed|ing)",
    ),
    EventType.ATTACK: (
        r"struck",
        r"strikes?",
        r"shell(?:ed|ing)",
        r"missiles?",
        r"drones?",
        r"bomb(?:ed|s|ing)?",
        r"airstrikes?",
        r"air strikes?",
        r"explosions?",
        r"hit",
        r"targeted",
        r"attack(?:ed|s)?",
    ),
    EventType.STATEMENT: (
        r"said",
        r"says",
        r"told (?:reporters|journalists|a news conference)",
        r"announced",
        r"declared",
        r"warned",
        r"stated",
        r"claimed",
        r"(?:video )?address",
        r"speaking at",
        r"speech",
    ),
}
_TRIGGER_RE = re.compile(
    "|".join(
        f"(?P<{t.value}_{i}>\\b(?:{p})\\b)"
        for t, pats in TRIGGERS.items()
        for i, p in enumerate(pats)
    ),
    re.IGNORECASE,
)
# A place is attached to a trigger through one of these words ("invasion of Kursk",
# "fighting near Pokrovsk", "said at ... in Vladivostok").
_LINK_WORDS = r"(?:of|in|into|at|near|on|toward|towards|outside|around|from|to|across|within|by)"
_ACTOR_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:forces|troops|army|military|authorities|officials|government|president|"
    r"leader|said|says|claimed|announced|denied|has|have|is|was|and its|rejected|accused)\b",
    re.IGNORECASE,
)
_LOCATION_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:outskirts|suburbs?|centre|center|districts?|neighbou?rhoods?|"
    r"city cent(?:re|er)|port|airport|railway station|station|industrial zone)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"’)]*|\n|$)")
_ABBREV_END = re.compile(
    r"\b(?:[A-Z]|St|Mt|Gen|Col|Lt|Maj|Sgt|Mr|Mrs|Ms|Dr|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|vs|U\.S|U\.K)\.$"
)

# Figures for evacuations and displacement.
_NUM_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
}
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
_FIGURE_TYPES = (EventType.EVACUATION, EventType.DISPLACEMENT)
_BATTLE_TYPES = (EventType.OFFENSIVE, EventType.ADVANCE, EventType.ATTACK)


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
        if value is None:
            continue
        if re.fullmatch(_CHILD_NOUNS, m.group("noun"), re.IGNORECASE):
            children = children if children is not None else value
        elif people is None:
            people = value
    return people, children


def _geo_precision(kind: PlaceKind) -> GeoPrecision:
    return {
        PlaceKind.POPULATED_PLACE: GeoPrecision.SETTLEMENT,
        PlaceKind.POINT: GeoPrecision.SETTLEMENT,
        PlaceKind.ADMIN1: GeoPrecision.ADMIN1,
        PlaceKind.REGION: GeoPrecision.REGION,
        PlaceKind.COUNTRY: GeoPrecision.COUNTRY,
    }[kind]


@dataclass
class _Trigger:
    type: EventType
    start: int  # absolute offsets
    end: int


def _triggers(sent: Sentence, quoted: list[tuple[int, int]]) -> list[_Trigger]:
    out = []
    for m in _TRIGGER_RE.finditer(sent.text):
        s, e = sent.start + m.start(), sent.start + m.end()
        if any(a <= s < b for a, b in quoted):
            continue  # words inside direct speech are the speaker's, not the reporter's
        etype = EventType(m.lastgroup.rsplit("_", 1)[0])
        out.append(_Trigger(etype, s, e))
    return out


def _is_actor(text: str, top: Toponym, etype: EventType) -> bool:
    """Whether a place stands for its people or government rather than a location.

    "Moscow said", "Russia's forces", "Moscow’s biggest gains" are actors or owners.
    """
    after = text[top.end : top.end + 40]
    if after[:2] in {"’s", "'s"}:
        # "Kharkiv's outskirts" is a location; "Ukraine's Donetsk Oblast" defers to the
        # oblast, and "Moscow's biggest gains" to nothing.
        return not _LOCATION_NOUN.match(after[2:])
    m = _ACTOR_AFTER.match(after)
    if m and etype in _FIGURE_TYPES and m.group(0).strip().lower() in {"authorities", "officials"}:
        return False  # "Pokrovsk authorities ordered civilians to evacuate": local, so here
    return bool(m)


def _place_for(text: str, trig: _Trigger, tops: list[Toponym]) -> Toponym | None:
    """The toponym a trigger attaches to: after it through a link word, else just before it."""
    best, best_gap = None, None
    for t in tops:
        if t.start >= trig.end:
            between = text[trig.end : t.start]
            if len(between) > 70 or re.search(r"[;:]|\bwhile\b|\bbut\b", between):
                continue
            if not re.search(rf"\b{_LINK_WORDS}\b", between, re.IGNORECASE):
                continue
            gap = len(between)
        else:
            between = text[t.end : trig.start]
            if len(between) > 25 or re.search(r"[,;:]", between):
                continue
            gap = len(between) + 30  # a place right before ("Kursk offensive") ranks second
        if _is_actor(text, t, trig.type):
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = t, gap
    return best


def _date_for(
    trig: _Trigger, dates: list[DateSpan], triggers: list[_Trigger], text: str
) -> DateSpan | None:
    """The date expression nearest to this trigger rather than to another trigger."""
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
    return best


def _since_range(
    trig: _Trigger, dates: list[DateSpan], text: str, published: dt.date
) -> DateSpan | None:
    """An open range for "gains in X since Ukraine launched its invasion ... on August 6"."""
    m = re.search(r"\bsince\b", text[trig.end : trig.end + 80], re.IGNORECASE)
    if not m:
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
        The article's resolved toponyms (from :func:`geo.geoparse.geoparse`).

    Returns
    -------
    list of Event
        In text order, at most one per (type, place) unless their dates differ.
    """
    text = article.text
    published = article.published
    resolved = [t for t in toponyms if t.place is not None]
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    events: list[Event] = []
    last_figure_event: int | None = None
    for sent in split_sentences(text):
        if _is_headline(sent.text):
            continue  # a headline restates the body, which has the dates and the details
        tops = [
            t
            for t in resolved
            if sent.start <= t.start < sent.end and not any(a <= t.start < b for a, b in quoted)
        ]
        triggers = _triggers(sent, quoted)
        people, children = parse_figures(sent.text)
        dates = [
            replace(d, start_char=d.start_char + sent.start, end_char=d.end_char + sent.start)
            for d in find_dates(sent.text, published=published)
        ]
        made_here = False
        for trig in triggers:
            if trig.type is EventType.STATEMENT:
                top = _venue(text, trig, tops)
            else:
                top = _place_for(text, trig, tops)
            if top is None:
                continue
            span = _since_range(trig, dates, text, published) if published else None
            span = span or _date_for(trig, dates, triggers, text)
            if span is None:
                if published is None:
                    continue  # no anchor, no date: an undated dot would mislead
                span = DateSpan(published, published, DatePrecision.DAY, "", -1, -1)
            ev = Event(
                event_id=_event_id(article.article_id, trig.type, top.place.place_id, trig.start),
                article_id=article.article_id,
                event_type=trig.type,
                place=top.place,
                surface=top.surface,
                date_start=span.start,
                date_end=span.end,
                date_precision=span.precision,
                geo_precision=_geo_precision(top.place.kind),
                quote=sent.text,
                sentence_start=sent.start,
                sentence_end=sent.end,
                people=people if trig.type in _FIGURE_TYPES else None,
                children=children if trig.type in _FIGURE_TYPES else None,
                date_text=span.text,
                confidence=round(top.confidence * (1.0 if span.start_char >= 0 else 0.8), 3),
            )
            events.append(ev)
            made_here = True
            if trig.type in _FIGURE_TYPES:
                last_figure_event = len(events) - 1
        # "More than 26,000 civilians ... have been forced to flee." names no place: its
        # figures belong to the evacuation just reported.
        if (
            not made_here
            and (people or children)
            and last_figure_event is not None
            and any(t.type in _FIGURE_TYPES for t in triggers)
        ):
            prev = events[last_figure_event]
            events[last_figure_event] = replace(
                prev,
                people=prev.people if prev.people is not None else people,
                children=prev.children if prev.children is not None else children,
                quote=f"{prev.quote} {sent.text}"
                if sent.start - prev.sentence_end < 3
                else prev.quote,
                sentence_end=sent.end if sent.start - prev.sentence_end < 3 else prev.sentence_end,
            )
        elif triggers and not made_here:
            pass
        if not triggers:
            continue
    return _merge(events)


def _is_headline(sentence: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", sentence) if len(w) > 3]
    return (
        len(words) >= 4
        and sum(w[0].isupper() for w in words) / len(words) > 0.8
        and (not sentence.rstrip().endswith("."))
    )


def _venue(text: str, trig: _Trigger, tops: list[Toponym]) -> Toponym | None:
    """Where a statement was made: "said at the forum in Vladivostok", "address from Kyiv"."""
    for t in tops:
        if t.start < trig.end:
            continue
        between = text[trig.end : t.start]
        if len(between) > 60 or re.search(r"[,;:“\"]", between):
            continue
        if re.search(r"\b(?:at|in|from)\b", between, re.IGNORECASE) and re.match(
            r"^\s*(?:at|in|from|during|on a visit to|while visiting)\b", between, re.IGNORECASE
        ):
            return t
    return None


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
