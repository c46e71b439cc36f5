"""Records to map layers: places, events, oblasts and evacuations as EPSG:4326 GeoDataFrames.

Pure functions; the one place where ``lat``/``lon`` become shapely (lon, lat) points.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from geo.errors import InputError
from geo.events.acled import acled_labels
from geo.events.datasets import dataset_label
from geo.records import Article, Event, EventType, Toponym, ToponymRole

if TYPE_CHECKING:
    import geopandas as gpd


__all__ = [
    "EVACUATION_TYPES",
    "EVENT_COLUMNS",
    "OBLAST_COLUMNS",
    "PLACE_COLUMNS",
    "by_dataset",
    "check_range",
    "evacuations_layer",
    "events_layer",
    "layer_frame",
    "oblasts_layer",
    "parse_roles",
    "places_layer",
]

CRS = "EPSG:4326"
# Countries whose oblasts are always drawn, so the choropleth has context with few events.
DEFAULT_COUNTRIES = ("UA", "RU")
EVACUATION_TYPES = frozenset({EventType.EVACUATION.value, EventType.DISPLACEMENT.value})

# Column -> dtype. Dates are ISO "YYYY-MM-DD" strings: they sort correctly, survive GeoJSON
# and CSV unchanged, and need no timezone story. Counts that may be unknown are nullable Int64.
PLACE_COLUMNS: dict[str, str] = {
    "place_id": "str",
    "name": "str",
    "kind": "str",
    "country_code": "str",
    "admin1_code": "str",
    "admin1": "str",
    "geonameid": "Int64",
    "population": "Int64",
    "mentions": "int64",
    "articles": "int64",
    "surface_forms": "str",
    "roles": "str",
    "confidence": "float64",
    "first_seen": "str",
    "last_seen": "str",
}
EVENT_COLUMNS: dict[str, str] = {
    "event_id": "str",
    "article_id": "str",
    "event_type": "str",
    "acled_event_type": "str",
    "acled_sub_event_type": "str",
    "status": "str",
    "claimed_by": "str",
    "place_id": "str",
    "location": "str",
    "admin1": "str",
    "admin1_code": "str",
    "country_code": "str",
    "date_start": "str",
    "date_end": "str",
    "date_precision": "str",
    "geo_precision": "str",
    "people": "Int64",
    "children": "Int64",
    "killed": "Int64",
    "injured": "Int64",
    "figures_text": "str",
    "quote": "str",
    "source": "str",
    "url": "str",
    "confidence": "float64",
    "dataset": "str",  # where the event comes from: "articles", "ACLED", "UCDP GED"
}
OBLAST_COLUMNS: dict[str, str] = {
    "code": "str",
    "name": "str",
    "country_code": "str",
    "country": "str",
    "events": "int64",
}


def check_range(start: dt.date | None, end: dt.date | None) -> None:
    """Refuse a range whose start is after its end, with what to do."""
    if start is not None and end is not None and start > end:
        raise InputError(f"Start date {start} is after end date {end}; swap them.")


def layer_frame(
    columns: dict[str, str], data: dict[str, list], lon: list[float], lat: list[float]
) -> gpd.GeoDataFrame:
    """One GeoDataFrame from column lists, with fixed dtypes even when empty."""
    import geopandas as gpd
    import pandas as pd

    frame = {name: pd.Series(data[name], dtype=dtype) for name, dtype in columns.items()}
    geometry = gpd.points_from_xy(lon, lat, crs=CRS)
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=CRS)


def parse_roles(roles: Iterable[ToponymRole | str]) -> frozenset[ToponymRole]:
    """Toponym roles from their names (``"literal"``) or members; ``"all"`` means every role.

    Raises
    ------
    InputError
        If a name is not a role, or none is given; the message lists the roles.
    """
    valid = ", ".join(r.value for r in ToponymRole)
    names = [str(r).strip().lower() for r in roles]
    if not [n for n in names if n]:
        raise InputError(f"No toponym role given; choose from {valid}, or all.")
    out: set[ToponymRole] = set()
    for name in filter(None, names):
        if name == "all":
            out.update(ToponymRole)
            continue
        try:
            out.add(ToponymRole(name))
        except ValueError:
            raise InputError(
                f"{name!r} is not a toponym role; choose from {valid}, or all."
            ) from None
    return frozenset(out)


def places_layer(
    mentions: Iterable[tuple[Article, Toponym]],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    roles: Iterable[ToponymRole | str] | None = None,
) -> gpd.GeoDataFrame:
    """One point per resolved place, aggregating its mentions.

    Parameters
    ----------
    mentions : iterable of (Article, Toponym)
        Each mention with the article it occurs in. Unresolved toponyms are skipped.
    start, end : datetime.date, optional
        Keep mentions from articles published in ``[start, end]``; undated articles are kept.
    roles : iterable of ToponymRole or str, optional
        The toponym roles that count (names as in ``parse_roles``). Default: the mentions
        that refer to a place as a place (``Toponym.is_place``: literal and metonymic), so
        "Russian forces" puts no dot on Russia and "Kyiv Independent" none on Kyiv.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``PLACE_COLUMNS`` plus ``geometry`` (EPSG:4326). ``mentions`` counts the
        mentions, ``articles`` the distinct articles, ``surface_forms`` the spellings (most
        frequent first, ``"; "``-joined), ``roles`` the roles of the counted mentions (in
        ``ToponymRole`` order, ``"; "``-joined), ``confidence`` is the mean resolution
        confidence, ``first_seen``/``last_seen`` the earliest and latest publication dates
        (ISO; null when every mentioning article is undated).

    Raises
    ------
    InputError
        If ``start`` is after ``end`` or a role is unknown.
    """
    check_range(start, end)
    wanted = parse_roles(roles) if roles is not None else None
    places: dict[str, dict] = {}
    for article, toponym in mentions:
        place = toponym.place
        if place is None:
            continue
        if not (toponym.is_place if wanted is None else toponym.role in wanted):
            continue
        published = article.published
        if published is not None and (
            (start is not None and published < start) or (end is not None and published > end)
        ):
            continue
        agg = places.get(place.place_id)
        if agg is None:
            agg = places[place.place_id] = {
                "place": place,
                "n": 0,
                "articles": set(),
                "surfaces": Counter(),
                "roles": set(),
                "confidence": 0.0,
                "dates": [],
            }
        agg["n"] += 1
        agg["articles"].add(article.article_id)
        agg["surfaces"][toponym.surface] += 1
        agg["roles"].add(toponym.role)
        agg["confidence"] += toponym.confidence
        if published is not None:
            agg["dates"].append(published)

    data: dict[str, list] = {name: [] for name in PLACE_COLUMNS}
    lon: list[float] = []
    lat: list[float] = []
    for place_id, agg in places.items():
        place = agg["place"]
        dates = agg["dates"]
        # Most frequent spelling first; ties alphabetically so output is deterministic.
        surfaces = sorted(agg["surfaces"].items(), key=lambda kv: (-kv[1], kv[0]))
        data["place_id"].append(place_id)
        data["name"].append(place.name)
        data["kind"].append(place.kind.value)
        data["country_code"].append(place.country_code)
        data["admin1_code"].append(place.admin1_code)
        data["admin1"].append(place.admin1_name)
        data["geonameid"].append(place.geonameid)
        data["population"].append(place.population)
        data["mentions"].append(agg["n"])
        data["articles"].append(len(agg["articles"]))
        data["surface_forms"].append("; ".join(s for s, _ in surfaces))
        data["roles"].append("; ".join(r.value for r in ToponymRole if r in agg["roles"]))
        data["confidence"].append(agg["confidence"] / agg["n"])
        data["first_seen"].append(min(dates).isoformat() if dates else None)
        data["last_seen"].append(max(dates).isoformat() if dates else None)
        lon.append(place.lon)
        lat.append(place.lat)
    return layer_frame(PLACE_COLUMNS, data, lon, lat)


def events_layer(
    events: Iterable[Event],
    articles: Mapping[str, Article],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> gpd.GeoDataFrame:
    """One point per event, with its provenance (quote, source title, url).

    Parameters
    ----------
    events : iterable of Event
    articles : mapping of article_id to Article
        Supplies ``source`` (title) and ``url``; events of unknown articles get nulls.
    start, end : datetime.date, optional
        Keep events whose ``[date_start, date_end]`` overlaps ``[start, end]``.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``EVENT_COLUMNS`` plus ``geometry`` (EPSG:4326); dates as ISO strings.
        ``acled_event_type``/``acled_sub_event_type`` are the event's own ACLED labels, or
        ``geo.events.acled.acled_labels`` where it has none; ``claimed_by`` and
        ``figures_text`` are null when empty, ``killed``/``injured`` when not stated.
    """
    check_range(start, end)
    data: dict[str, list] = {name: [] for name in EVENT_COLUMNS}
    lon: list[float] = []
    lat: list[float] = []
    for e in events:
        if (start is not None and e.date_end < start) or (end is not None and e.date_start > end):
            continue
        p = e.place
        article = articles.get(e.article_id)
        data["event_id"].append(e.event_id)
        data["article_id"].append(e.article_id)
        main, sub = acled_labels(e)  # the event's own labels, else read from its cues
        data["event_type"].append(e.event_type.value)
        data["acled_event_type"].append(main)
        data["acled_sub_event_type"].append(sub)
        data["status"].append(e.status.value)
        data["claimed_by"].append(e.claimed_by or None)
        data["place_id"].append(p.place_id)
        data["location"].append(p.name)
        data["admin1"].append(p.admin1_name)
        data["admin1_code"].append(p.admin1_code)
        data["country_code"].append(p.country_code)
        data["date_start"].append(e.date_start.isoformat())
        data["date_end"].append(e.date_end.isoformat())
        data["date_precision"].append(e.date_precision.value)
        data["geo_precision"].append(e.geo_precision.value)
        data["people"].append(e.people)
        data["children"].append(e.children)
        data["killed"].append(e.killed)
        data["injured"].append(e.injured)
        data["figures_text"].append(e.figures_text or None)
        data["quote"].append(e.quote)
        data["source"].append(article.title if article else None)
        data["url"].append(article.url if article else None)
        data["confidence"].append(e.confidence)
        data["dataset"].append(dataset_label(article.fmt if article else None))
        lon.append(p.lon)
        lat.append(p.lat)
    return layer_frame(EVENT_COLUMNS, data, lon, lat)


def oblasts_layer(
    events_gdf: gpd.GeoDataFrame, *, countries: Iterable[str] | None = None
) -> gpd.GeoDataFrame:
    """Admin-1 polygons with the number of events in each, for a choropleth.

    Parameters
    ----------
    events_gdf : geopandas.GeoDataFrame
        An ``events_layer`` (already filtered to the date range of interest).
    countries : iterable of str, optional
        ISO 3166-1 alpha-2 codes whose admin-1 units to draw. Default: the countries in
        ``events_gdf`` plus Ukraine and Russia. Units with no events are kept (count 0).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``OBLAST_COLUMNS`` plus Polygon/MultiPolygon ``geometry`` (EPSG:4326).
    """
    import geopandas as gpd
    import pandas as pd

    from geo.places.boundaries import admin1_frame

    if countries is None:
        wanted = set(DEFAULT_COUNTRIES) | set(events_gdf["country_code"].dropna())
    else:
        wanted = {str(c).upper() for c in countries}
    units = admin1_frame()
    units = units[units["country_code"].isin(wanted)]
    counts = events_gdf["admin1_code"].dropna().value_counts()
    data = {
        "code": units["code"].to_list(),
        "name": units["name"].to_list(),
        "country_code": units["country_code"].to_list(),
        "country": units["country"].to_list(),
        "events": units["code"].map(counts).fillna(0).to_list(),
    }
    frame = {name: pd.Series(data[name], dtype=dtype) for name, dtype in OBLAST_COLUMNS.items()}
    return gpd.GeoDataFrame(
        frame, geometry=gpd.GeoSeries(units.geometry.to_numpy(), crs=CRS), crs=CRS
    )


def evacuations_layer(events_gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The events of type evacuation or displacement, with the ``events_layer`` columns."""
    keep = events_gdf["event_type"].isin(EVACUATION_TYPES)
    return events_gdf[keep].reset_index(drop=True)


def by_dataset(events_gdf: gpd.GeoDataFrame, datasets: Iterable[str]) -> gpd.GeoDataFrame:
    """The events (or evacuations) of some sources: ``"articles"``, ``"ACLED"``, ``"UCDP GED"``."""
    keep = events_gdf["dataset"].isin(list(datasets))
    return events_gdf[keep].reset_index(drop=True)
