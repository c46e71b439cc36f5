"""The event record a kept trigger becomes: its id, its place's precision and the ``Event``.

Last stage of ``geo.events.extract``'s loop, shared by the toll stage's events made across
sentences.
"""

from __future__ import annotations

import dataclasses
import hashlib
import operator

from geo.events.triggers import (
    FIGURE_TYPES,
    Trigger,
)
from geo.records import (
    Article,
    DateSpan,
    Event,
    EventStatus,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
    Toponym,
)
from geo.text.sentences import Sentence

# Built once, not per event.
_PRECISION_OF_KIND = {
    PlaceKind.POPULATED_PLACE: GeoPrecision.SETTLEMENT,
    PlaceKind.POINT: GeoPrecision.SETTLEMENT,
    PlaceKind.ADMIN2: GeoPrecision.ADMIN2,
    PlaceKind.ADMIN1: GeoPrecision.ADMIN1,
    PlaceKind.REGION: GeoPrecision.REGION,
    PlaceKind.FEATURE: GeoPrecision.REGION,
    PlaceKind.COUNTRY: GeoPrecision.COUNTRY,
}
_TYPE_VALUE = {t: t.value for t in EventType}  # an enum's .value is a property lookup


# Every field of an Event, in the order its constructor takes them (all are init fields,
# none keyword-only: checked here, so a new field of another kind cannot slip by).
_EVENT_FIELDS = tuple(f.name for f in dataclasses.fields(Event))
if not all(f.init and not f.kw_only for f in dataclasses.fields(Event)):  # pragma: no cover
    raise AssertionError("event_with builds an Event from its fields in order: all positional")
_EVENT_VALUES = operator.attrgetter(*_EVENT_FIELDS)
_FIELD_AT = {name: k for k, name in enumerate(_EVENT_FIELDS)}


def event_with(event: Event, **changes: object) -> Event:
    """``dataclasses.replace(event, **changes)``, at about half its cost.

    ``replace`` reads the fields' descriptions and builds keyword arguments for each call;
    here the values are read by one ``attrgetter`` and passed in order. Runs for every event
    of every article (its ACLED labels, the merge of readings, the undated ones' range).
    """
    values = list(_EVENT_VALUES(event))
    for name, value in changes.items():
        values[_FIELD_AT[name]] = value
    return Event(*values)


def _geo_precision(place: Place) -> GeoPrecision:
    if place.precision is not None:  # a village known only by its hromada's centre
        return place.precision
    return _PRECISION_OF_KIND[place.kind]


def _event_id(article_id: str, etype: EventType, place_id: str, start: int) -> str:
    key = f"{article_id}|{_TYPE_VALUE[etype]}|{place_id}|{start}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def _event(
    article: Article,
    trig: Trigger,
    top: Toponym,
    span: DateSpan,
    sent: Sentence,
    people: int | None,
    children: int | None,
    status: EventStatus = EventStatus.HAPPENED,
    claimed_by: str = "",
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
        status=status,
        claimed_by=claimed_by,
    )
