"""Typed records that cross module borders: places, toponyms, dates, articles, events.

Coordinates are always named ``lat``/``lon`` (WGS 84). Conversion to shapely/GeoJSON order
(lon, lat) and folium order [lat, lon] happens at the layer and map borders only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Article",
    "Candidate",
    "Correction",
    "DatePrecision",
    "DateSpan",
    "Event",
    "EventStatus",
    "EventType",
    "GeoPrecision",
    "Place",
    "PlaceKind",
    "Toponym",
    "ToponymRole",
]


class PlaceKind(StrEnum):
    """What sort of thing a place is; drives ranking, map symbols and geo precision."""

    COUNTRY = "country"
    ADMIN1 = "admin1"  # oblast, province, state, krai, republic ...
    REGION = "region"  # named area that is neither: Donbas, Crimea (as a region), Siberia
    ADMIN2 = "admin2"  # raion, hromada, Russian district, US county
    POPULATED_PLACE = "populated_place"
    FEATURE = "feature"  # river, reservoir, sea, spit, island
    POINT = "point"  # coordinates entered by hand


class GeoPrecision(StrEnum):
    """How precisely an event's location is known (ACLED's geo_precision, in words)."""

    SETTLEMENT = "settlement"
    ADMIN2 = "admin2"  # a raion or hromada, or a village placed at its hromada's centre
    ADMIN1 = "admin1"
    REGION = "region"
    COUNTRY = "country"


class DatePrecision(StrEnum):
    """How precisely a date expression pins down time."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"  # an explicit or open range, e.g. "since October 2022"


class EventType(StrEnum):
    """The event vocabulary; see docs/events.md for definitions and trigger words."""

    OFFENSIVE = "offensive"
    ADVANCE = "advance"
    EVACUATION = "evacuation"
    DISPLACEMENT = "displacement"
    ATTACK = "attack"
    STATEMENT = "statement"
    NEGOTIATION = "negotiation"


class EventStatus(StrEnum):
    """How the report presents an event (analysts weigh a claim differently from a fact).

    Hypotheticals, intentions, comparisons and forecasts are not events at all and are not
    extracted; background already reported is an event dated at its own time.
    """

    HAPPENED = "happened"  # reported as fact
    CLAIMED = "claimed"  # attributed: "according to", a quote, "X said"; see ``claimed_by``
    ATTEMPTED = "attempted"  # tried or under way, not (yet) achieved: "trying to advance"


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location: a gazetteer entry, an online geocoder's answer or a manual point.

    ``place_id`` is stable across runs and sources: ``gn:<geonameid>`` for GeoNames places,
    ``a1:<CC.code>`` for admin-1 units, ``cc:<ISO2>`` for countries, ``rg:<slug>`` for
    regions, ``ct:<code>`` for continents, ``ua:<KATOTTG code>`` and ``ua2:<code>`` for
    Ukrainian settlements and raions/hromadas missing from GeoNames, ``ru:...`` for villages of
    Russia's border oblasts, ``ru2:<admin1>:<adjective>`` for their districts, ``us2:<FIPS>``
    for US counties, ``ft:<slug>`` for natural features, ``pt:<lat>,<lon>`` for
    hand-entered points, ``<service>:<id>`` for online answers. ``precision`` is set when the
    point is coarser than the place (a village known only by its hromada).
    """

    place_id: str
    name: str
    lat: float
    lon: float
    kind: PlaceKind
    country_code: str | None = None  # ISO 3166-1 alpha-2
    admin1_code: str | None = None  # GeoNames style "UA.05"; joins to the admin-1 polygons
    admin1_name: str | None = None
    geonameid: int | None = None
    population: int | None = None
    source: str = "gazetteer"
    precision: GeoPrecision | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a toponym that the resolver weighed, with its score and why."""

    place: Place
    score: float
    match: str  # "name" | "ascii" | "alternate" | "alias" | "manual"


class ToponymRole(StrEnum):
    """How a text uses a place name (the categories of the GeoWebNews annotation guidelines).

    The map and events use literal names (and metonymic ones where a government acts on its
    own ground); every role is kept and exported so an analyst can filter.
    """

    LITERAL = "literal"  # the place itself: "shelling in Kharkiv"
    METONYMIC = "metonymic"  # the place for its people or government: "Kyiv said"
    DEMONYM = "demonym"  # people named after the place: "Canadians", "Muscovites"
    ADJECTIVAL = "adjectival"  # an adjective or modifier: "Russian forces", "French wine"
    EMBEDDED = "embedded"  # inside a longer name: "Luhansk Operational Tactical Group"


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in a text: ``text[start:end] == surface``, plus its resolution."""

    start: int
    end: int
    surface: str
    place: Place | None
    confidence: float = 0.0
    candidates: tuple[Candidate, ...] = ()
    corrected: bool = False  # True when an analyst's correction decided the resolution
    role: ToponymRole = ToponymRole.LITERAL

    @property
    def is_place(self) -> bool:
        """Whether the name refers to the place as a place (a literal or metonymic use)."""
        return self.role in (ToponymRole.LITERAL, ToponymRole.METONYMIC)

    @property
    def name(self) -> str | None:
        """Resolved place name, or None."""
        return self.place.name if self.place else None

    @property
    def lat(self) -> float | None:
        """Latitude of the resolution, or None."""
        return self.place.lat if self.place else None

    @property
    def lon(self) -> float | None:
        """Longitude of the resolution, or None."""
        return self.place.lon if self.place else None

    @property
    def kind(self) -> PlaceKind | None:
        """Kind of the resolved place, or None."""
        return self.place.kind if self.place else None


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A resolved date expression: inclusive ``[start, end]`` with a precision.

    ``start_char``/``end_char`` locate the expression in its text (-1 when it was implied,
    e.g. an event dated by its article's publication date).
    """

    start: dt.date
    end: dt.date
    precision: DatePrecision
    text: str = ""
    start_char: int = -1
    end_char: int = -1


@dataclass(frozen=True, slots=True)
class Article:
    """An ingested document. ``article_id`` is the SHA-256 of its normalised text."""

    article_id: str
    title: str
    text: str
    published: dt.date | None = None
    published_inferred: bool = False
    url: str | None = None
    source_path: str | None = None
    fmt: str = "txt"  # "txt" | "md" | "html"


@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening at a place, with the sentence it came from (its provenance)."""

    event_id: str
    article_id: str
    event_type: EventType
    place: Place
    surface: str  # how the article named the place
    date_start: dt.date
    date_end: dt.date
    date_precision: DatePrecision
    geo_precision: GeoPrecision
    quote: str  # the sentence, verbatim
    sentence_start: int = 0
    sentence_end: int = 0
    people: int | None = None
    children: int | None = None
    date_text: str = ""
    confidence: float = 0.0
    status: EventStatus = EventStatus.HAPPENED
    claimed_by: str = ""  # who says so, for CLAIMED events ("Ukraine's General Staff")
    killed: int | None = None
    injured: int | None = None
    figures_text: str = ""  # the words the figures came from ("one person was killed")
    acled_event_type: str = ""  # ACLED's event type ("Explosions/Remote violence")
    acled_sub_event_type: str = ""  # ACLED's sub-event type ("Shelling/artillery/missile attack")


@dataclass(frozen=True, slots=True)
class Correction:
    """An analyst's fix of a place resolution.

    With ``article_id`` and ``start`` set it applies to that one mention; with both ``None``
    it applies to the surface form everywhere (matched case-insensitively).
    """

    surface: str
    place: Place
    article_id: str | None = None
    start: int | None = None
    note: str = ""
    created: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
