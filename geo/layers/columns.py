"""Layers from a store's columns: the path the dashboard and exports take.

The store answers with ``events_frame`` and ``mentions_frame`` (one SQL query each); these
builders turn them into the layers of ``geo.layers.build`` with pandas, without a Python
object per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.events.acled import acled_labels
from geo.events.datasets import dataset_label
from geo.layers.build import (
    CRS,
    EVENT_COLUMNS,
    PLACE_COLUMNS,
    by_dataset,
    check_range,
    evacuations_layer,
    layer_frame,
    oblasts_layer,
    parse_roles,
)
from geo.layers.filters import EventFilter
from geo.records import EventStatus, EventType, PlaceKind, ToponymRole

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

    from geo.store.base import ArticleStore

__all__ = [
    "build_layers",
    "events_layer_from_frame",
    "filter_columns",
    "places_layer_from_frame",
]


def events_layer_from_frame(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    """The ``events_layer`` of a store's ``events_frame(details=True)``, without a row loop.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns of ``geo.store.frames`` (``EVENT_FRAME_COLUMNS`` and ``EVENT_DETAIL_COLUMNS``).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``EVENT_COLUMNS`` plus ``geometry`` (EPSG:4326), as ``events_layer``.
    """
    import geopandas as gpd
    import pandas as pd

    out = {}
    for name, dtype in EVENT_COLUMNS.items():
        if name in ("date_start", "date_end"):
            days = frame["day_" + name.removeprefix("date_")].to_numpy().astype("datetime64[D]")
            out[name] = pd.Series(days.astype(str), dtype=dtype)
        elif name == "dataset":
            labels = {f: dataset_label(f) for f in frame["fmt"].dropna().unique()}
            out[name] = pd.Series(frame["fmt"].map(labels).fillna(dataset_label(None)), dtype=dtype)
        else:
            out[name] = pd.Series(frame[name].to_numpy(), dtype=dtype)
    _fill_acled_labels(out, frame)
    geometry = gpd.points_from_xy(frame["lon"].to_numpy(), frame["lat"].to_numpy(), crs=CRS)
    return gpd.GeoDataFrame(out, geometry=geometry, crs=CRS)


def filter_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns an ``EventFilter`` reads, as the events layer has them, for a whole frame.

    For the browser map's files: the same sub-types (filled for old rows), statuses and
    source labels as the layers, without building the layer.
    """
    import pandas as pd

    out = {
        "acled_event_type": pd.Series(frame["acled_event_type"].to_numpy(), dtype="str"),
        "acled_sub_event_type": pd.Series(frame["acled_sub_event_type"].to_numpy(), dtype="str"),
    }
    _fill_acled_labels(out, frame)
    labels = {f: dataset_label(f) for f in frame["fmt"].dropna().unique()}
    return pd.DataFrame(
        {
            "event_type": frame["event_type"].astype(str).to_numpy(),
            "acled_sub_event_type": out["acled_sub_event_type"].to_numpy(),
            "status": frame["status"].to_numpy(),
            "confidence": frame["confidence"].to_numpy(),
            "dataset": frame["fmt"].map(labels).fillna(dataset_label(None)).to_numpy(),
        }
    )


def _fill_acled_labels(out: dict, frame: pd.DataFrame) -> None:
    """ACLED labels for events stored without them (analysed before the labels existed).

    New events carry their labels from analysis (``geo.pipeline.process``), so this loops over
    old rows only.
    """
    import pandas as pd

    missing = (out["acled_event_type"].fillna("") == "").to_numpy()
    if not missing.any():
        return
    kinds = {
        "settlement": PlaceKind.POPULATED_PLACE,
        "admin2": PlaceKind.ADMIN2,
        "admin1": PlaceKind.ADMIN1,
        "region": PlaceKind.REGION,
        "country": PlaceKind.COUNTRY,
    }
    types, subs = out["acled_event_type"].tolist(), out["acled_sub_event_type"].tolist()
    rows = missing.nonzero()[0]
    # The columns read, as lists of the missing rows: a frame.iloc per row costs ~0.5 ms
    # (every column boxed), 50 s for 100k old events.
    part = frame.iloc[rows]
    killed = part["killed"].astype("Float64").to_numpy(dtype=float, na_value=float("nan"))
    for i, etype, status, quote, precision, k in zip(
        rows.tolist(),
        part["event_type"].astype(str).tolist(),
        _values(part["status"]),
        _values(part["quote"]),
        _values(part["geo_precision"]),
        killed.tolist(),
        strict=True,
    ):
        like = _EventLike(
            event_type=EventType(etype),
            status=EventStatus(status or EventStatus.HAPPENED),
            quote=quote or "",
            place=_PlaceLike(kinds.get(precision, PlaceKind.POPULATED_PLACE)),
            acled_event_type="",
            acled_sub_event_type="",
            killed=None if k != k else int(k),
        )
        types[i], subs[i] = acled_labels(like)
    out["acled_event_type"] = pd.Series(types, dtype="str")
    out["acled_sub_event_type"] = pd.Series(subs, dtype="str")


def _values(series: pd.Series) -> list:
    """A column as a list with None for every missing value (NA, NaN or None)."""
    return series.astype(object).where(series.notna(), None).tolist()


@dataclass(frozen=True, slots=True)
class _PlaceLike:
    kind: PlaceKind


@dataclass(frozen=True, slots=True)
class _EventLike:
    """What ``acled_labels`` reads of an event, from a frame row."""

    event_type: EventType
    status: EventStatus
    quote: str
    place: _PlaceLike
    acled_event_type: str
    acled_sub_event_type: str
    killed: int | None


def places_layer_from_frame(
    mentions: pd.DataFrame,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    roles: Iterable[ToponymRole | str] | None = None,
) -> gpd.GeoDataFrame:
    """The ``places_layer`` of a store's ``mentions_frame``: the same rows, by group-by.

    Parameters and returned columns are those of :func:`places_layer`; places come in the
    order of their first counted mention.
    """
    import pandas as pd

    from geo.store.frames import day_number

    check_range(start, end)
    wanted = parse_roles(roles) if roles is not None else None
    counted = {ToponymRole.LITERAL, ToponymRole.METONYMIC} if wanted is None else wanted
    m = mentions[mentions["place_id"].notna()]
    keep = m["role"].isin([r.value for r in counted]).to_numpy(dtype=bool, copy=True)
    day = m["published_day"]
    if start is not None:
        keep = keep & (day.isna() | (day >= day_number(start))).to_numpy(dtype=bool)
    if end is not None:
        keep = keep & (day.isna() | (day <= day_number(end))).to_numpy(dtype=bool)
    m = m[keep]
    if m.empty:
        return layer_frame(PLACE_COLUMNS, {c: [] for c in PLACE_COLUMNS}, [], [])
    groups = m.groupby("place_id", sort=False)
    first = groups.first()
    stats = groups.agg(
        mentions=("article_id", "size"),
        articles=("article_id", "nunique"),
        confidence=("confidence", "mean"),
        first_day=("published_day", "min"),
        last_day=("published_day", "max"),
    )
    # Most frequent spelling first; ties alphabetically, as places_layer does.
    forms = m.groupby(["place_id", "surface"], sort=False).size().rename("n").reset_index()
    forms = forms.sort_values(["place_id", "n", "surface"], ascending=[True, False, True])
    surface_forms = forms.groupby("place_id", sort=False)["surface"].agg("; ".join)
    order = {r.value: i for i, r in enumerate(ToponymRole)}
    role_sets = m.groupby("place_id", sort=False)["role"].agg(
        lambda rs: "; ".join(sorted(set(rs), key=order.__getitem__))
    )
    ids = first.index

    def iso(days: pd.Series) -> list:
        return [
            None if pd.isna(d) else (dt.date(1970, 1, 1) + dt.timedelta(days=int(d))).isoformat()
            for d in days.tolist()
        ]

    data = {
        "place_id": list(ids),
        "name": first["name"].tolist(),
        "kind": first["kind"].tolist(),
        "country_code": first["country_code"].tolist(),
        "admin1_code": first["admin1_code"].tolist(),
        "admin1": first["admin1"].tolist(),
        "geonameid": first["geonameid"].tolist(),
        "population": first["population"].tolist(),
        "mentions": stats["mentions"].tolist(),
        "articles": stats["articles"].tolist(),
        "surface_forms": surface_forms.reindex(ids).tolist(),
        "roles": role_sets.reindex(ids).tolist(),
        "confidence": stats["confidence"].tolist(),
        "first_seen": iso(stats["first_day"]),
        "last_seen": iso(stats["last_day"]),
    }
    return layer_frame(PLACE_COLUMNS, data, first["lon"].tolist(), first["lat"].tolist())


def build_layers(
    store: ArticleStore,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    datasets: Iterable[str] | None = None,
    where: EventFilter | None = None,
) -> dict[str, gpd.GeoDataFrame]:
    """Every map layer for a date range, read from a store as columns.

    Events come from ``store.events_frame`` (filtered by date in SQL) and places from
    ``store.mentions_frame`` (grouped with pandas): no record object per row.

    ``datasets`` keeps the events of those sources only (``by_dataset``); the oblast counts
    follow. Places are the articles' mentions whatever it says. ``where`` keeps the events
    it matches (type, sub-type, status, confidence, source); evacuations and oblast counts
    follow it too.

    Returns
    -------
    dict of str to geopandas.GeoDataFrame
        Keys ``places``, ``events``, ``oblasts`` and ``evacuations``.
    """
    check_range(start, end)
    events = events_layer_from_frame(store.events_frame(start=start, end=end, details=True))
    if datasets is not None:
        events = by_dataset(events, datasets)
    if where is not None:
        events = where.apply(events)
    places = places_layer_from_frame(store.mentions_frame(), start=start, end=end)
    return {
        "places": places,
        "events": events,
        "oblasts": oblasts_layer(events),
        "evacuations": evacuations_layer(events),
    }
