"""How records become article-store rows and back: the Place/Candidate JSON codec and row codecs.

Every field is listed, so a change to a record is a visible edit here (and float digits survive).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from geo.errors import InputError, StoreError
from geo.records import (
    Article,
    Candidate,
    Correction,
    DatePrecision,
    Event,
    EventStatus,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
    Toponym,
    ToponymRole,
)

__all__ = [
    "ARTICLE_COLS",
    "CORRECTION_COLS",
    "EVENT_COLS",
    "MENTION_COLS",
    "EncodedArticle",
    "analysis_rows",
    "article_from_row",
    "candidate_from_dict",
    "candidate_to_dict",
    "candidates_json",
    "correction_from_row",
    "correction_row",
    "encode_article",
    "event_from_row",
    "event_row",
    "mention_row",
    "normalize_surface",
    "place_from_dict",
    "place_json",
    "place_to_dict",
    "toponym_from_row",
]


# -- JSON codec for Place and Candidate -------------------------------------------------------


def place_to_dict(place: Place) -> dict:
    """A Place as a JSON-ready dict; ``place_from_dict`` inverts it exactly."""
    return {
        "place_id": place.place_id,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "kind": place.kind.value,
        "country_code": place.country_code,
        "admin1_code": place.admin1_code,
        "admin1_name": place.admin1_name,
        "geonameid": place.geonameid,
        "population": place.population,
        "source": place.source,
        "precision": place.precision.value if place.precision else None,
    }


def place_from_dict(data: dict) -> Place:
    """Rebuild a Place from ``place_to_dict`` output.

    Raises
    ------
    StoreError
        If a required field is missing or the kind is unknown.
    """
    try:
        return Place(
            place_id=data["place_id"],
            name=data["name"],
            lat=float(data["lat"]),
            lon=float(data["lon"]),
            kind=PlaceKind(data["kind"]),
            country_code=data.get("country_code"),
            admin1_code=data.get("admin1_code"),
            admin1_name=data.get("admin1_name"),
            geonameid=data.get("geonameid"),
            population=data.get("population"),
            source=data.get("source", "gazetteer"),
            precision=GeoPrecision(data["precision"]) if data.get("precision") else None,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"Stored place {data!r} is unreadable ({exc}).") from exc


def candidate_to_dict(candidate: Candidate) -> dict:
    """A Candidate as a JSON-ready dict; ``candidate_from_dict`` inverts it exactly."""
    return {
        "place": place_to_dict(candidate.place),
        "score": candidate.score,
        "match": candidate.match,
    }


def candidate_from_dict(data: dict) -> Candidate:
    """Rebuild a Candidate from ``candidate_to_dict`` output."""
    try:
        return Candidate(
            place=place_from_dict(data["place"]),
            score=float(data["score"]),
            match=data["match"],
        )
    except (KeyError, TypeError) as exc:
        raise StoreError(f"Stored candidate {data!r} is unreadable ({exc}).") from exc


def normalize_surface(surface: str) -> str:
    """The key a surface-wide correction is matched on: NFKC, case-folded, single-spaced."""
    return " ".join(unicodedata.normalize("NFKC", surface).casefold().split())


# One encoder for every row: ``json.dumps`` with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_dumps = _ENCODER.encode

# A place's JSON by identity: the gazetteer hands out one Place object per place, and an
# article's candidates name the same few places again and again (most of the encoding time).
# Each entry keeps its Place alive, so an id is never reused while it is cached. Bounded.
_PLACE_JSON: dict[int, tuple[Place, str]] = {}
_PLACE_JSON_SIZE = 65536


def place_json(place: Place) -> str:
    """``_dumps(place_to_dict(place))``, remembered for the same Place object."""
    hit = _PLACE_JSON.get(id(place))
    if hit is not None and hit[0] is place:
        return hit[1]
    if len(_PLACE_JSON) >= _PLACE_JSON_SIZE:
        _PLACE_JSON.clear()
    out = _dumps(place_to_dict(place))
    _PLACE_JSON[id(place)] = (place, out)
    return out


# A list of candidates' JSON by content: an article names the same places again and again,
# each time weighed alike, so one string serves every mention that has that list. Its writer
# then sends it from an ingest worker once per task (pickle keeps one copy of an object),
# about a quarter fewer bytes per article for the parent to read. Keyed by the parts' JSON
# text, never by a Place's id (reused once the place cache lets a Place go). Bounded.
_CANDIDATES_JSON: dict[tuple, str] = {}
_CANDIDATES_JSON_SIZE = 4096


def _score_json(score: object) -> str:
    return repr(score) if type(score) is float and math.isfinite(score) else _dumps(score)


def candidates_json(candidates: Iterable[Candidate]) -> str:
    """``_dumps([candidate_to_dict(c) for c in candidates])``, from each place's cached JSON.

    The same list, part for part, gives the same string object.
    """
    key = tuple((place_json(c.place), _score_json(c.score), c.match) for c in candidates)
    hit = _CANDIDATES_JSON.get(key)
    if hit is not None:
        return hit
    out = (
        "["
        + ",".join(
            '{"place":' + place + ',"score":' + score + ',"match":' + _dumps(match) + "}"
            for place, score, match in key
        )
        + "]"
    )
    # Only str matches are keys: 1 == True would make two different texts one key.
    if all(type(match) is str for _, _, match in key):
        if len(_CANDIDATES_JSON) >= _CANDIDATES_JSON_SIZE:
            _CANDIDATES_JSON.clear()
        _CANDIDATES_JSON[key] = out
    return out


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


# -- rows: each builder writes the table's columns in DDL order (geo.store.schema); each
# decoder reads the column list kept next to it, in that list's order.


def _article_head(article: Article) -> tuple:
    """An ``articles`` row but its last column (``ingested_at``, set by the writer)."""
    return (
        article.article_id,
        article.title,
        article.text,
        article.published.isoformat() if article.published else None,
        int(article.published_inferred),
        article.url,
        article.source_path,
        article.fmt,
    )


ARTICLE_COLS = "article_id, title, text, published, published_inferred, url, source_path, fmt"


def article_from_row(r: tuple) -> Article:
    """An Article from a row of ``ARTICLE_COLS``."""
    return Article(
        article_id=r[0],
        title=r[1],
        text=r[2],
        published=_date(r[3]),
        published_inferred=bool(r[4]),
        url=r[5],
        source_path=r[6],
        fmt=r[7],
    )


def mention_row(article_id: str, seq: int, t: Toponym) -> tuple:
    """A ``mentions`` row: the ``seq``-th toponym of an article."""
    return (
        article_id,
        seq,
        t.start,
        t.end,
        t.surface,
        place_json(t.place) if t.place else None,
        t.place.place_id if t.place else None,
        t.confidence,
        candidates_json(t.candidates),
        int(t.corrected),
        t.role.value,
    )


# article_id first, for listings across articles; toponym_from_row takes the rest.
MENTION_COLS = 'article_id, start, "end", surface, place, confidence, candidates, corrected, role'


def toponym_from_row(r: tuple) -> Toponym:
    """A Toponym from a row of ``MENTION_COLS`` without its leading ``article_id``.

    Raises
    ------
    StoreError
        If the stored role is not a ``ToponymRole``.
    """
    try:
        role = ToponymRole(r[7])
    except ValueError as exc:
        raise StoreError(f"Stored mention role {r[7]!r} is unknown ({exc}).") from exc
    return Toponym(
        start=r[0],
        end=r[1],
        surface=r[2],
        place=place_from_dict(json.loads(r[3])) if r[3] else None,
        confidence=r[4],
        candidates=tuple(candidate_from_dict(c) for c in json.loads(r[5])),
        corrected=bool(r[6]),
        role=role,
    )


def event_row(article_id: str, seq: int, e: Event) -> tuple:
    """An ``events`` row: the place as JSON plus the indexed columns filters use."""
    p = e.place
    return (
        e.event_id,
        article_id,
        seq,
        e.event_type.value,
        place_json(p),
        p.place_id,
        p.lat,
        p.lon,
        p.admin1_code,
        p.country_code,
        e.surface,
        e.date_start.isoformat(),
        e.date_end.isoformat(),
        e.date_precision.value,
        e.geo_precision.value,
        e.quote,
        e.sentence_start,
        e.sentence_end,
        e.people,
        e.children,
        e.date_text,
        e.confidence,
        e.status.value,
        e.claimed_by,
        e.killed,
        e.injured,
        e.figures_text,
        e.acled_event_type,
        e.acled_sub_event_type,
    )


EVENT_COLS = (
    "event_id, article_id, event_type, place, surface, date_start, date_end, date_precision, "
    "geo_precision, quote, sentence_start, sentence_end, people, children, date_text, confidence, "
    "status, claimed_by, killed, injured, figures_text, acled_event_type, acled_sub_event_type"
)


def event_from_row(r: tuple) -> Event:
    """An Event from a row of ``EVENT_COLS``.

    Raises
    ------
    StoreError
        If the stored status is not an ``EventStatus``.
    """
    try:
        status = EventStatus(r[16])
    except ValueError as exc:
        raise StoreError(f"Stored event status {r[16]!r} is unknown ({exc}).") from exc
    return Event(
        event_id=r[0],
        article_id=r[1],
        event_type=EventType(r[2]),
        place=place_from_dict(json.loads(r[3])),
        surface=r[4],
        date_start=dt.date.fromisoformat(r[5]),
        date_end=dt.date.fromisoformat(r[6]),
        date_precision=DatePrecision(r[7]),
        geo_precision=GeoPrecision(r[8]),
        quote=r[9],
        sentence_start=r[10],
        sentence_end=r[11],
        people=r[12],
        children=r[13],
        date_text=r[14],
        confidence=r[15],
        status=status,
        claimed_by=r[17],
        killed=r[18],
        injured=r[19],
        figures_text=r[20],
        acled_event_type=r[21],
        acled_sub_event_type=r[22],
    )


def correction_row(c: Correction) -> tuple:
    """The values for ``CORRECTION_COLS`` plus ``surface_norm`` (the id is SQLite's)."""
    return (
        c.surface,
        _dumps(place_to_dict(c.place)),
        c.article_id,
        c.start,
        c.note,
        c.created.isoformat(),
        normalize_surface(c.surface),
    )


CORRECTION_COLS = "surface, place, article_id, start, note, created"


def correction_from_row(r: tuple) -> Correction:
    """A Correction from a row of ``CORRECTION_COLS``."""
    return Correction(
        surface=r[0],
        place=place_from_dict(json.loads(r[1])),
        article_id=r[2],
        start=r[3],
        note=r[4],
        created=dt.datetime.fromisoformat(r[5]),
    )


# -- an analysed article as rows, made where it was analysed -----------------------------------


@dataclass(frozen=True, slots=True)
class EncodedArticle:
    """An article and its analysis as one backend's rows, ready to insert.

    Made by an ingest worker (``Store.encode``), so the single writer only inserts: the rows
    are plain tuples of str, int, float and None, several times cheaper to send between
    processes than the records. ``article`` lacks ``ingested_at``, which the writer sets.
    The other fields describe the article for the ingest report.
    """

    article_id: str
    title: str | None
    published: dt.date | None
    published_inferred: bool
    article: tuple
    mentions: tuple[tuple, ...]
    events: tuple[tuple, ...]


def encode_article(
    article: Article,
    toponyms: Iterable[Toponym],
    events: Iterable[Event],
    *,
    head: Callable[[Article], tuple] | None = None,
    mention: Callable[[str, int, Toponym], tuple] | None = None,
    event: Callable[[str, int, Event], tuple] | None = None,
) -> EncodedArticle:
    """An article's rows (SQLite's, unless a backend passes its own row builders).

    Raises
    ------
    InputError
        If an event belongs to another article.
    """
    mentions, events_ = analysis_rows(
        article.article_id, toponyms, events, mention=mention, event=event
    )
    return EncodedArticle(
        article_id=article.article_id,
        title=article.title,
        published=article.published,
        published_inferred=article.published_inferred,
        article=(head or _article_head)(article),
        mentions=mentions,
        events=events_,
    )


def analysis_rows(
    article_id: str,
    toponyms: Iterable[Toponym],
    events: Iterable[Event],
    *,
    mention: Callable[[str, int, Toponym], tuple] | None = None,
    event: Callable[[str, int, Event], tuple] | None = None,
) -> tuple[tuple[tuple, ...], tuple[tuple, ...]]:
    """An article's ``mentions`` and ``events`` rows (SQLite's unless builders are given).

    Raises
    ------
    InputError
        If an event belongs to another article.
    """
    mention = mention or mention_row
    event = event or event_row
    rows = []
    for seq, e in enumerate(events):
        if e.article_id != article_id:
            raise InputError(
                f"Event {e.event_id!r} belongs to article {e.article_id!r}, not "
                f"{article_id!r}; store each article's events with that article."
            )
        rows.append(event(article_id, seq, e))
    return tuple(mention(article_id, seq, t) for seq, t in enumerate(toponyms)), tuple(rows)
