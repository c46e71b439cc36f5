"""Events from the datasets analysts already have: an ACLED-layout CSV and a UCDP GED CSV.

A downloaded file becomes one ``Article`` (its name the title, its layout the ``fmt``) and an
``Event`` per row, so it is stored, shown, filtered and deleted as a source of its own.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from geo.errors import InputError
from geo.places.boundaries import admin1_at
from geo.records import (
    Article,
    DatePrecision,
    Event,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
)

__all__ = [
    "ACLED_REQUIRED",
    "GED_REQUIRED",
    "MAX_DATASET_BYTES",
    "Dataset",
    "DatasetFormat",
    "dataset_label",
    "is_dataset",
    "read_dataset",
]

MAX_DATASET_BYTES = 1_000_000_000  # a whole ACLED download for Europe is a few hundred MB


class DatasetFormat(StrEnum):
    """The layouts read; also the ``Article.fmt`` of an imported file."""

    ACLED = "acled"
    GED = "ged"


_LABELS = {DatasetFormat.ACLED: "ACLED", DatasetFormat.GED: "UCDP GED"}
_A = {DatasetFormat.ACLED: "an", DatasetFormat.GED: "a"}
TEXT_LABEL = "articles"  # events read from text


def is_dataset(fmt: str | None) -> bool:
    """Whether an article's ``fmt`` marks an imported dataset (no text to analyse)."""
    return fmt in DatasetFormat._value2member_map_


def dataset_label(fmt: str | None) -> str:
    """The source an event is shown under: ``ACLED``, ``UCDP GED`` or ``articles``."""
    return _LABELS[DatasetFormat(fmt)] if is_dataset(fmt) else TEXT_LABEL


ACLED_REQUIRED = (
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "location",
    "latitude",
    "longitude",
)
GED_REQUIRED = ("id", "date_start", "date_end", "type_of_violence", "latitude", "longitude")

# ACLED's sub-event types (and event types, for rows without one) in our vocabulary.
_ACLED_SUB = {
    "armed clash": EventType.OFFENSIVE,
    "government regains territory": EventType.ADVANCE,
    "non-state actor overtakes territory": EventType.ADVANCE,
    "non-violent transfer of territory": EventType.ADVANCE,
    "headquarters or base established": EventType.ADVANCE,
    "agreement": EventType.NEGOTIATION,
    "evacuation": EventType.EVACUATION,
    "displacement": EventType.DISPLACEMENT,
}
_ACLED_TYPE = {
    "battles": EventType.OFFENSIVE,
    "explosions/remote violence": EventType.ATTACK,
    "violence against civilians": EventType.ATTACK,
}
# ACLED geo_precision: 1 the place itself, 2 near it or its district, 3 a larger area.
_ACLED_GEO = {"1": GeoPrecision.SETTLEMENT, "2": GeoPrecision.ADMIN2, "3": GeoPrecision.ADMIN1}
_ACLED_TIME = {"1": DatePrecision.DAY, "2": DatePrecision.WEEK, "3": DatePrecision.MONTH}
# GED where_prec: 1 exact, 2 within 25 km, 3 second-order unit, 4 first-order unit,
# 5 a part of a country, 6 the country, 7 international waters or airspace.
_GED_GEO = {
    "1": GeoPrecision.SETTLEMENT,
    "2": GeoPrecision.ADMIN2,
    "3": GeoPrecision.ADMIN2,
    "4": GeoPrecision.ADMIN1,
    "5": GeoPrecision.REGION,
    "6": GeoPrecision.COUNTRY,
    "7": GeoPrecision.COUNTRY,
}
# GED date_prec: 1 the day, 2 within 2-6 days, 3 the week, 4 the month, 5 longer.
_GED_TIME = {
    "1": DatePrecision.DAY,
    "2": DatePrecision.RANGE,
    "3": DatePrecision.WEEK,
    "4": DatePrecision.MONTH,
    "5": DatePrecision.RANGE,
}
_KIND = {
    GeoPrecision.SETTLEMENT: PlaceKind.POPULATED_PLACE,
    GeoPrecision.ADMIN2: PlaceKind.POPULATED_PLACE,
    GeoPrecision.ADMIN1: PlaceKind.ADMIN1,
    GeoPrecision.REGION: PlaceKind.REGION,
    GeoPrecision.COUNTRY: PlaceKind.COUNTRY,
}


@dataclass(frozen=True, slots=True)
class Dataset:
    """An imported file: the article that stands for it and its events, in file order."""

    article: Article
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class _Row:
    """One row read into our terms, before its oblast is looked up."""

    ref: str
    event_type: EventType
    lat: float
    lon: float
    location: str
    admin1: str
    start: dt.date
    end: dt.date
    date_precision: DatePrecision
    geo_precision: GeoPrecision
    quote: str
    killed: int | None
    acled_event_type: str = ""
    acled_sub_event_type: str = ""


def _date(value: str, column: str) -> dt.date:
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    for pattern in ("%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%m/%d/%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise InputError(f"{column} {value!r} is not a date (use YYYY-MM-DD)")


def _coord(value: str, column: str, limit: float) -> float:
    try:
        number = float(value)
    except ValueError:
        raise InputError(f"{column} {value!r} is not a number") from None
    if not -limit <= number <= limit:  # NaN fails too
        raise InputError(f"{column} {value!r} is out of range")
    return number


def _count(value: str, column: str) -> int | None:
    text = value.strip()
    if not text:
        return None
    try:
        number = int(float(text))
    except ValueError:
        raise InputError(f"{column} {value!r} is not a whole number") from None
    if number < 0:
        raise InputError(f"{column} {value!r} is negative")
    return number


def _acled_row(r: Mapping[str, str]) -> _Row:
    sub, etype = r["sub_event_type"].strip(), r["event_type"].strip()
    kind = _ACLED_SUB.get(sub.lower()) or _ACLED_TYPE.get(etype.lower())
    if kind is None:
        if not etype:
            raise InputError("event_type is empty")
        kind = EventType.STATEMENT  # protests, riots, other strategic developments
    day = _date(r["event_date"], "event_date")
    ref = r["event_id_cnty"].strip()
    if not ref:
        raise InputError("event_id_cnty is empty")
    return _Row(
        ref=ref,
        event_type=kind,
        lat=_coord(r["latitude"], "latitude", 90),
        lon=_coord(r["longitude"], "longitude", 180),
        location=r["location"].strip(),
        admin1=(r.get("admin1") or "").strip(),
        start=day,
        end=day,
        date_precision=_ACLED_TIME.get((r.get("time_precision") or "1").strip(), DatePrecision.DAY),
        geo_precision=_ACLED_GEO.get(
            (r.get("geo_precision") or "1").strip(), GeoPrecision.SETTLEMENT
        ),
        quote=(r.get("notes") or "").strip(),
        killed=_count(r.get("fatalities") or "", "fatalities"),
        acled_event_type=etype,
        acled_sub_event_type=sub,
    )


def _ged_row(r: Mapping[str, str]) -> _Row:
    start = _date(r["date_start"], "date_start")
    end = _date(r["date_end"], "date_end")
    if end < start:
        raise InputError(f"date_end {end} is before date_start {start}")
    if r["type_of_violence"].strip() not in ("1", "2", "3"):
        raise InputError(f"type_of_violence {r['type_of_violence']!r} is not 1, 2 or 3")
    ref = r["id"].strip()
    if not ref:
        raise InputError("id is empty")
    sides = " v ".join(filter(None, ((r.get(k) or "").strip() for k in ("side_a", "side_b"))))
    headline = (r.get("source_headline") or r.get("source_article") or "").strip()
    where = (r.get("where_coordinates") or r.get("where_description") or "").strip()
    return _Row(
        ref=ref,
        # GED codes deadly organised violence; which kind (state-based, non-state,
        # one-sided) is not whether it was a strike or a ground fight: all are attacks.
        event_type=EventType.ATTACK,
        lat=_coord(r["latitude"], "latitude", 90),
        lon=_coord(r["longitude"], "longitude", 180),
        location=where.split(",")[0].strip() or where,
        admin1=(r.get("adm_1") or "").strip(),
        start=start,
        end=end,
        date_precision=_GED_TIME.get((r.get("date_prec") or "1").strip(), DatePrecision.RANGE),
        geo_precision=_GED_GEO.get((r.get("where_prec") or "1").strip(), GeoPrecision.REGION),
        quote=": ".join(x for x in (sides, headline) if x),
        killed=_count(r.get("best") or "", "best"),
    )


_READERS: dict[DatasetFormat, tuple[tuple[str, ...], Callable[[Mapping[str, str]], _Row]]] = {
    DatasetFormat.ACLED: (ACLED_REQUIRED, _acled_row),
    DatasetFormat.GED: (GED_REQUIRED, _ged_row),
}


def read_dataset(data: bytes, *, fmt: DatasetFormat | str, name: str) -> Dataset:
    """Every row of an ACLED-layout or UCDP GED CSV as an event; the whole file or nothing.

    Parameters
    ----------
    data : bytes
        The file (UTF-8, with or without a byte-order mark; comma-separated, as both
        projects publish it).
    fmt : {"acled", "ged"}
    name : str
        The file's name: the title of the article that stands for it.

    Returns
    -------
    Dataset
        The article (``article_id`` the SHA-256 of the bytes, so importing the same file
        twice is noticed) and one event per row, located at the row's coordinates with the
        oblast of the admin-1 polygon they lie in.

    Raises
    ------
    InputError
        Unknown format, not text, a required column missing, no rows, or a row that cannot
        be read (the message names the first one and why).
    """
    try:
        layout = DatasetFormat(str(fmt).lower())
    except ValueError:
        raise InputError(f"Unknown dataset format {fmt!r}; use acled or ged.") from None
    label = _LABELS[layout]
    required, read_row = _READERS[layout]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name} is not a UTF-8 text file; give the {label} CSV.") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip() for c in reader.fieldnames or ()]
    missing = [c for c in required if c not in columns]
    if missing:
        raise InputError(
            f"{name} is not {_A[layout]} {label} CSV: it lacks the column(s) {', '.join(missing)}; "
            f"check --format (acled or ged) and that the file is comma-separated."
        )
    reader.fieldnames = columns
    rows: list[_Row] = []
    try:
        for raw in reader:
            if None in raw:
                raise InputError("it has more fields than the header")
            rows.append(read_row({k: v or "" for k, v in raw.items()}))
    except InputError as exc:
        where = f"{name}, line {reader.line_num}"
        raise InputError(f"{where}: {exc}; fix or remove that row.") from None
    except csv.Error as exc:
        raise InputError(f"{name} is not a readable CSV ({exc}).") from None
    if not rows:
        raise InputError(f"{name} has a header but no rows; nothing to import.")
    refs = [r.ref for r in rows]
    if len(set(refs)) != len(refs):
        seen: set[str] = set()
        twice = next(x for x in refs if x in seen or seen.add(x))  # type: ignore[func-returns-value]
        raise InputError(f"{name} lists event {twice!r} twice; give each row its own id.")
    article_id = hashlib.sha256(data).hexdigest()
    article = Article(
        article_id=article_id, title=name, text="", fmt=layout.value, source_path=None
    )
    units = admin1_at([r.lat for r in rows], [r.lon for r in rows])
    events = tuple(
        _event(r, unit, layout=layout, article_id=article_id)
        for r, unit in zip(rows, units, strict=True)
    )
    return Dataset(article=article, events=events)


def _event(row: _Row, unit, *, layout: DatasetFormat, article_id: str) -> Event:
    place = Place(
        place_id=f"{layout.value}:{row.lat:.5f},{row.lon:.5f}",
        name=row.location or f"{row.lat:.4f}, {row.lon:.4f}",
        lat=row.lat,
        lon=row.lon,
        kind=_KIND[row.geo_precision],
        country_code=unit.country_code if unit else None,
        admin1_code=unit.code if unit else None,
        # Our oblast name when the point is in one, so tables read alike whatever the source.
        admin1_name=unit.name if unit else (row.admin1 or None),
        source=layout.value,
        precision=row.geo_precision,
    )
    return Event(
        # The file's own id, kept readable; the file's hash keeps two downloads apart.
        event_id=f"{layout.value}:{row.ref}@{article_id[:12]}",
        article_id=article_id,
        event_type=row.event_type,
        place=place,
        surface=row.location,
        date_start=row.start,
        date_end=row.end,
        date_precision=row.date_precision,
        geo_precision=row.geo_precision,
        quote=row.quote,
        confidence=1.0,
        killed=row.killed,
        acled_event_type=row.acled_event_type,
        acled_sub_event_type=row.acled_sub_event_type,
    )
