"""Near the front: distance to the front line, settlements and population within a distance.

Also each event's distance to the front on its date; measured on WGS 84 (docs/frontline.md).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from geo.errors import InputError
from geo.frontline.asof import DEFAULT_BORDER_KM, FrontLine, as_store, front_line, reproject

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Sequence

    import geopandas as gpd
    import numpy as np
    import pandas as pd
    from shapely.geometry.base import BaseGeometry

    from geo.frontline.store import FrontlineStore
    from geo.records import Event

__all__ = [
    "annotate_distance",
    "distance_to_line_km",
    "near_front",
    "population_within",
    "settlements_frame",
]

SETTLEMENT_COUNTRIES = ("UA", "RU")


def distance_to_line_km(
    lats: Sequence[float] | np.ndarray,
    lons: Sequence[float] | np.ndarray,
    line: BaseGeometry,
    *,
    max_km: float | None = None,
) -> np.ndarray:
    """Geodesic distance in km from each point to the nearest point of ``line``.

    The nearest point is found in an azimuthal equidistant projection centred on the line;
    the distance to it is then measured exactly on the ellipsoid with ``pyproj.Geod.inv``.
    With ``max_km``, points clearly farther (by bounding box) get ``inf`` without that work.
    """
    import numpy as np
    import shapely
    from pyproj import Geod, Transformer

    lat = np.asarray(lats, dtype=float)
    lon = np.asarray(lons, dtype=float)
    out = np.full(lat.shape, np.inf)
    if line.is_empty or not lat.size:
        return out
    x0, y0, x1, y1 = line.bounds
    todo = np.isfinite(lat) & np.isfinite(lon)
    if max_km is not None:
        dlat = max_km / 110.0 + 0.01  # a degree of latitude is at least 110.5 km
        dlon = dlat / max(math.cos(math.radians(max(abs(y0), abs(y1)) + dlat)), 0.01)
        todo &= (lat >= y0 - dlat) & (lat <= y1 + dlat) & (lon >= x0 - dlon) & (lon <= x1 + dlon)
    if not todo.any():
        return out
    centre = f"+proj=aeqd +lat_0={(y0 + y1) / 2} +lon_0={(x0 + x1) / 2} +datum=WGS84 +units=m"
    fwd = Transformer.from_crs("EPSG:4326", centre, always_xy=True)
    inv = Transformer.from_crs(centre, "EPSG:4326", always_xy=True)
    px, py = fwd.transform(lon[todo], lat[todo])
    links = shapely.shortest_line(shapely.points(px, py), reproject(fwd, line))
    foot = shapely.get_coordinates(links)[1::2]  # second vertex of each link lies on the line
    flon, flat = inv.transform(foot[:, 0], foot[:, 1])
    _, _, metres = Geod(ellps="WGS84").inv(lon[todo], lat[todo], flon, flat)
    out[todo] = np.asarray(metres) / 1000.0
    return out


def settlements_frame(settlements: pd.DataFrame | None) -> pd.DataFrame:
    """Settlements to measure, checked: name, lat, lon (population optional), valid lat/lon.

    Parameters
    ----------
    settlements : pandas.DataFrame or None
        A table of one's own; None takes the gazetteer's populated places in Ukraine and
        Russia, without the districts of cities (a city's people are counted once).

    Raises
    ------
    InputError
        A column is missing, or a row's lat/lon is empty, not a number, infinite or out of
        range.
    """
    import pandas as pd

    if settlements is None:
        from geo.places.gazetteer import load_gazetteer

        settlements = load_gazetteer().populated_places(
            country_codes=SETTLEMENT_COUNTRIES, sections=False
        )
    missing = {"name", "lat", "lon"} - set(settlements.columns)
    if missing:
        raise InputError(
            f"Settlements need columns name, lat, lon (population optional); missing "
            f"{', '.join(sorted(missing))}."
        )
    lat = pd.to_numeric(settlements["lat"], errors="coerce")
    lon = pd.to_numeric(settlements["lon"], errors="coerce")
    bad = ~(lat.between(-90, 90) & lon.between(-180, 180))  # NaN and infinities fail too
    if bad.any():
        raise InputError(
            f"{int(bad.sum())} settlement(s) have no valid lat/lon (empty, not a number, "
            "infinite or out of range); fix or remove those rows."
        )
    return settlements.assign(lat=lat, lon=lon)


def near_front(
    date: dt.date | str,
    km: float,
    *,
    source: str | None = None,
    settlements: pd.DataFrame | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
    border_km: float = DEFAULT_BORDER_KM,
) -> gpd.GeoDataFrame | None:
    """Settlements within ``km`` of the front on ``date``, nearest first.

    Parameters
    ----------
    date, km
        The day (latest snapshot at or before it) and the distance in km.
    source
        Whose front; default: the source with the newest snapshot (see :func:`front_line`).
    settlements
        DataFrame with name, lat, lon and optionally place_id, country_code, admin1_code,
        population; default: the gazetteer's populated places in Ukraine and Russia.

    Returns
    -------
    geopandas.GeoDataFrame or None
        The settlements' columns plus ``distance_km``, ``in_area`` (inside the occupied or
        contested area; ``None`` without polygons), ``source``, ``snapshot_date`` and a point
        ``geometry``. ``None`` when there is no front line on or before ``date``.
    """
    import geopandas as gpd

    if not (isinstance(km, int | float) and math.isfinite(km) and km > 0):
        raise InputError(f"Distance {km!r} km must be a positive number.")
    front = front_line(date, source=source, store=store, border_km=border_km)
    if front is None:
        return None
    places = settlements_frame(settlements)
    dist = distance_to_line_km(places["lat"], places["lon"], front.geometry, max_km=km)
    near = places.loc[dist <= km].copy()
    near["distance_km"] = dist[dist <= km]
    if "population" not in near:
        near["population"] = None
    if front.areas is not None:
        import shapely

        near["in_area"] = shapely.contains_xy(front.areas, near["lon"], near["lat"])
    else:
        near["in_area"] = None
    near["source"] = front.source
    near["snapshot_date"] = front.date.isoformat()
    near = near.sort_values("distance_km").reset_index(drop=True)
    points = gpd.points_from_xy(near["lon"], near["lat"])
    out = gpd.GeoDataFrame(near, geometry=points, crs="EPSG:4326")
    out.attrs.update(source=front.source, snapshot_date=front.date.isoformat(), km=km)
    return out


def population_within(
    date: dt.date | str,
    kms: Sequence[float] = (10, 25, 50),
    *,
    source: str | None = None,
    settlements: pd.DataFrame | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
    border_km: float = DEFAULT_BORDER_KM,
) -> dict[float, int] | None:
    """Total population of settlements within each distance of the front (``None``: no front)."""
    if not kms:
        raise InputError("Give at least one distance in km.")
    widest = near_front(
        date, max(kms), source=source, settlements=settlements, store=store, border_km=border_km
    )
    if widest is None:
        return None
    pop = widest["population"].fillna(0).astype(float)
    return {k: int(pop[widest["distance_km"] <= k].sum()) for k in kms}


def annotate_distance(
    events: Iterable[Event],
    *,
    source: str | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
    border_km: float = DEFAULT_BORDER_KM,
) -> list[tuple[Event, float | None]]:
    """Each event with its distance in km to the front on its ``date_start`` (None: no front)."""
    st = as_store(store)
    events = list(events)
    # Many event dates share one snapshot date: build each front once.
    by_snapshot: dict[tuple, FrontLine | None] = {}
    fronts: dict[dt.date, FrontLine | None] = {}
    for day in {e.date_start for e in events}:
        key = tuple(sorted(st.latest_dates(day, source=source).items()))
        if key not in by_snapshot:
            by_snapshot[key] = front_line(day, source=source, store=st, border_km=border_km)
        fronts[day] = by_snapshot[key]
    out: list[tuple[Event, float | None]] = []
    for event in events:
        front = fronts[event.date_start]
        km = (
            distance_to_line_km([event.place.lat], [event.place.lon], front.geometry)[0]
            if front is not None
            else math.inf
        )
        out.append((event, float(km) if math.isfinite(km) else None))
    return out
