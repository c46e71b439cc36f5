"""Records the store tests write and read: places with awkward floats, articles, events."""

from __future__ import annotations

import datetime as dt

from geo.records import (
    Article,
    Candidate,
    DatePrecision,
    Event,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
    Toponym,
)

SUDZHA = Place(
    place_id="gn:482027",
    name="Sudzha",
    lat=51.19055,
    lon=35.27082,
    kind=PlaceKind.POPULATED_PLACE,
    country_code="RU",
    admin1_code="RU.41",
    admin1_name="Kursk",
    geonameid=482027,
    population=6940,
)
DONETSK_OBLAST = Place(
    place_id="a1:UA.05",
    name="Donetsk Oblast",
    lat=48.0,
    lon=37.8,
    kind=PlaceKind.ADMIN1,
    country_code="UA",
    admin1_code="UA.05",
    admin1_name="Donetsk",
)
HAND_POINT = Place(
    place_id="pt:48.28,37.18",
    name="dacha near the road",
    lat=0.1 + 0.2,  # a float whose repr is long: the codec must not round it
    lon=-1e-7,
    kind=PlaceKind.POINT,
    source="manual",
)


def make_article(n: int, *, published: dt.date | None = dt.date(2024, 9, 5)) -> Article:
    return Article(
        article_id=f"a{n:03d}",
        title=f"Report {n}",
        text=f"Fighting near Sudzha, report {n}. Families left Donetsk Oblast.",
        published=published,
        url=f"https://example.invalid/{n}",
        source_path=f"/tmp/report{n}.txt",
    )


def make_toponyms() -> list[Toponym]:
    return [
        Toponym(
            start=14,
            end=20,
            surface="Sudzha",
            place=SUDZHA,
            confidence=0.9,
            candidates=(Candidate(SUDZHA, 0.9, "name"), Candidate(HAND_POINT, 0.1, "alias")),
        ),
        Toponym(start=50, end=64, surface="Donetsk Oblast", place=DONETSK_OBLAST, confidence=0.7),
        Toponym(start=0, end=3, surface="Xyz", place=None),
    ]


def make_event(
    article_id: str,
    n: int,
    *,
    start: dt.date = dt.date(2024, 8, 6),
    end: dt.date | None = None,
    event_type: EventType = EventType.OFFENSIVE,
    place: Place = SUDZHA,
) -> Event:
    return Event(
        event_id=f"{article_id}-e{n}",
        article_id=article_id,
        event_type=event_type,
        place=place,
        surface=place.name,
        date_start=start,
        date_end=end or start,
        date_precision=DatePrecision.DAY,
        geo_precision=GeoPrecision.SETTLEMENT,
        quote=f"Sentence {n} about {place.name}.",
        sentence_start=0,
        sentence_end=30,
        people=100 + n,
        children=None,
        date_text="on 6 August",
        confidence=0.8,
    )
