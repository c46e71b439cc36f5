"""Control areas over time: the as-of view, change between dates, the front line, near-front.

Works on the dated snapshots that ``geo.frontline.files`` reads and stores; areas and distances are
measured on the WGS 84 ellipsoid (docs/frontline.md says why and how).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.errors import InputError
from geo.frontline.classes import ControlClass
from geo.frontline.files import ImportResult, Snapshot, geodesic_area_km2, geodesic_length_km
from geo.frontline.store import FrontlineStore

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Sequence

    import geopandas as gpd
    import numpy as np
    import pandas as pd
    from shapely.geometry.base import BaseGeometry

    from geo.records import Event

__all__ = [
    "AreaChange",
    "FrontLine",
    "FrontlineDiff",
    "annotate_distance",
    "area_over_time",
    "as_of",
    "as_of_layer",
    "derive_front_line",
    "diff",
    "distance_to_line_km",
    "front_line",
    "front_line_layer",
    "front_lines",
    "import_snapshots",
    "near_front",
    "parse_date",
    "population_within",
    "snapshots_frame",
]

# The front is the edge of the area the opposing side holds or fights over.
FRONT_CLASSES = (ControlClass.OCCUPIED, ControlClass.CONTESTED)
# Boundary parts this close to Ukraine's outline (state border, coast) are not front. The
# shipped outline is simplified (~1 km) and sources trace borders differently, hence 3 km.
DEFAULT_BORDER_KM = 3.0
SETTLEMENT_COUNTRIES = ("UA", "RU")
# Lambert azimuthal equal-area on Ukraine: metric buffers of the outline, scale error < 1 %.
UKRAINE_LAEA = "+proj=laea +lat_0=48.5 +lon_0=31.5 +datum=WGS84 +units=m"


def _store(store: FrontlineStore | str | os.PathLike[str] | None) -> FrontlineStore:
    return store if isinstance(store, FrontlineStore) else FrontlineStore(store)


def parse_date(value: dt.date | str, what: str = "date") -> dt.date:
    """A date from a ``date``/``datetime`` or an ISO ``YYYY-MM-DD`` string; InputError if not."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"{what} {value!r} is not a date; write it as YYYY-MM-DD.") from None


def import_snapshots(
    path: str | os.PathLike[str],
    *,
    date: dt.date | str | None = None,
    source: str | None = None,
    class_: ControlClass | str | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
) -> ImportResult:
    """Import a snapshot file into the store, all or nothing (see ``FrontlineStore``)."""
    day = parse_date(date) if date is not None else None
    return _store(store).import_file(path, date=day, source=source, class_=class_)


# --- as-of ---------------------------------------------------------------------------------------


def as_of(
    date: dt.date | str,
    *,
    source: str | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
) -> list[Snapshot]:
    """Per source, every snapshot of its latest date at or before ``date``."""
    st = _store(store)
    out: list[Snapshot] = []
    for src, day in sorted(st.latest_dates(parse_date(date), source=source).items()):
        out += st.snapshots(source=src, date=day)
    return out


def _frame(rows: list[tuple], columns: str) -> gpd.GeoDataFrame:
    import geopandas as gpd

    return gpd.GeoDataFrame(rows, columns=columns.split(), geometry="geometry", crs="EPSG:4326")


def snapshots_frame(snapshots: Iterable[Snapshot]) -> gpd.GeoDataFrame:
    """Snapshots as a GeoDataFrame (EPSG:4326) for maps and exports."""
    rows = [
        (
            s.snapshot_id,
            s.source,
            s.date.isoformat(),
            str(s.class_),
            s.kind,
            s.area_km2,
            s.length_km,
            s.features,
            s.filename,
            s.geometry,
        )
        for s in snapshots
    ]
    return _frame(
        rows, "snapshot_id source date class kind area_km2 length_km features filename geometry"
    )


def as_of_layer(
    date: dt.date | str,
    *,
    source: str | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
) -> gpd.GeoDataFrame:
    """The as-of snapshots (areas and imported lines) as one map layer."""
    return snapshots_frame(as_of(date, source=source, store=store))


# --- front line ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FrontLine:
    """One source's front on its snapshot ``date``; ``derived`` when drawn from area edges.

    ``areas`` is the union of the occupied and contested polygons (``None`` if there are none).
    """

    source: str
    date: dt.date
    geometry: BaseGeometry  # MultiLineString, EPSG:4326
    derived: bool
    length_km: float
    areas: BaseGeometry | None = None


def _laea():
    from pyproj import Transformer

    fwd = Transformer.from_crs("EPSG:4326", UKRAINE_LAEA, always_xy=True)
    inv = Transformer.from_crs(UKRAINE_LAEA, "EPSG:4326", always_xy=True)
    return fwd, inv


def _apply(transformer, geom: BaseGeometry) -> BaseGeometry:
    import numpy as np
    import shapely

    return shapely.transform(geom, lambda xy: np.column_stack(transformer.transform(*xy.T)))


@functools.cache
def _border_zone(km: float) -> BaseGeometry:
    """Ukraine's outline (state border and coast) widened by ``km`` on both sides."""
    import shapely

    from geo.places.boundaries import admin1_frame

    units = admin1_frame()
    merged = shapely.union_all(units[units.country_code == "UA"].geometry.values)
    # Holes in the union are slivers between simplified units, not borders: keep exteriors.
    outline = shapely.MultiLineString([p.exterior for p in shapely.get_parts(merged)])
    fwd, inv = _laea()
    return _apply(inv, _apply(fwd, outline).buffer(km * 1000.0, quad_segs=4))


def _multiline(geom: BaseGeometry) -> BaseGeometry:
    import shapely

    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "LineString" and p.length > 0]
    return shapely.MultiLineString(parts)


def _polygons(geom: BaseGeometry) -> BaseGeometry:
    import shapely

    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    return shapely.MultiPolygon(parts)


def derive_front_line(areas: BaseGeometry, *, border_km: float = DEFAULT_BORDER_KM) -> BaseGeometry:
    """The front drawn as the boundary of control polygons.

    Parts of the boundary within ``border_km`` of Ukraine's outline (its state border and coast,
    from ``geo.places.boundaries``) are removed, since there the polygons end at a border or the
    sea, not at the front. ``border_km=0`` keeps the whole boundary.
    """
    line = areas.boundary
    if border_km > 0:
        zone = _border_zone(float(border_km))
        if zone.intersects(line):
            line = line.difference(zone)
    return _multiline(line)


def _front_of(
    source: str, day: dt.date, snaps: list[Snapshot], border_km: float
) -> FrontLine | None:
    import shapely

    areas = [s.geometry for s in snaps if s.kind == "area" and s.class_ in FRONT_CLASSES]
    held = shapely.union_all(areas) if areas else None
    lines = [s.geometry for s in snaps if s.kind == "line"]
    if lines:
        geom, derived = _multiline(shapely.union_all(lines)), False
    elif held is not None:
        geom, derived = derive_front_line(held, border_km=border_km), True
    else:
        return None
    return FrontLine(source, day, geom, derived, geodesic_length_km(geom), held)


def front_lines(
    date: dt.date | str,
    *,
    source: str | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
    border_km: float = DEFAULT_BORDER_KM,
) -> list[FrontLine]:
    """Per source, the front on its latest snapshot at or before ``date``.

    Imported lines are used as they are; where a snapshot has only polygons, the line is
    derived from the occupied and contested areas (:func:`derive_front_line`).
    """
    by_source: dict[str, list[Snapshot]] = defaultdict(list)
    for snap in as_of(date, source=source, store=store):
        by_source[snap.source].append(snap)
    fronts = [_front_of(src, snaps[0].date, snaps, border_km) for src, snaps in by_source.items()]
    return [f for f in fronts if f is not None and not f.geometry.is_empty]


def front_line(
    date: dt.date | str,
    *,
    source: str | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
    border_km: float = DEFAULT_BORDER_KM,
) -> FrontLine | None:
    """One front for ``date``: of ``source``, else of the source with the newest snapshot.

    Ties go to the alphabetically first source. ``None`` when there is no snapshot.
    """
    st = _store(store)
    latest = st.latest_dates(parse_date(date), source=source)
    for src in sorted(latest, key=lambda s: (-latest[s].toordinal(), s)):
        found = front_lines(date, source=src, store=st, border_km=border_km)
        if found:
            return found[0]
    return None


def front_line_layer(
    date: dt.date | str,
    *,
    source: str | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
    border_km: float = DEFAULT_BORDER_KM,
) -> gpd.GeoDataFrame:
    """Front lines of every source for ``date`` as a map layer (EPSG:4326)."""
    fronts = front_lines(date, source=source, store=store, border_km=border_km)
    rows = [(f.source, f.date.isoformat(), f.derived, f.length_km, f.geometry) for f in fronts]
    return _frame(rows, "source date derived length_km geometry")


# --- change between dates ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AreaChange:
    """Area of one class that one source gained and lost between two snapshot dates.

    With ``by="oblast"`` there is one record per admin-1 unit touched; ``admin1_code`` is
    ``None`` for change outside every unit (sea, gaps of the simplified boundaries).
    """

    source: str
    class_: ControlClass
    from_date: dt.date
    to_date: dt.date
    gained_km2: float
    lost_km2: float
    admin1_code: str | None = None
    admin1_name: str | None = None

    @property
    def net_km2(self) -> float:
        """Gained minus lost."""
        return self.gained_km2 - self.lost_km2


@dataclass(frozen=True, eq=False)
class FrontlineDiff:
    """The result of :func:`diff`: typed records plus the change polygons.

    ``polygons`` has columns source, class, change (``gained``/``lost``), admin1_code,
    admin1_name, area_km2, geometry. ``skipped`` names sources without a snapshot at or before
    ``from_date``.
    """

    from_date: dt.date
    to_date: dt.date
    changes: tuple[AreaChange, ...]
    polygons: gpd.GeoDataFrame
    skipped: tuple[str, ...] = ()

    def frame(self) -> pd.DataFrame:
        """The records as a DataFrame (class as text, dates as ISO strings, plus net_km2)."""
        import pandas as pd

        columns = "source class from_date to_date admin1_code admin1_name gained_km2 lost_km2"
        rows = [
            (
                c.source,
                str(c.class_),
                c.from_date.isoformat(),
                c.to_date.isoformat(),
                c.admin1_code,
                c.admin1_name,
                c.gained_km2,
                c.lost_km2,
                c.net_km2,
            )
            for c in self.changes
        ]
        return pd.DataFrame(rows, columns=[*columns.split(), "net_km2"])


@functools.cache
def _admin1_units():
    import shapely

    from geo.places.boundaries import admin1_frame

    units = admin1_frame()
    units = units[units.geometry.notna()].reset_index(drop=True)
    return units, shapely.STRtree(units.geometry.values)


def _split_by_unit(geom: BaseGeometry) -> list[tuple[str | None, str | None, BaseGeometry]]:
    """Cut ``geom`` by admin-1 unit; each bit goes to one unit only, so the pieces add up."""
    units, tree = _admin1_units()
    pieces = []
    rest = geom
    # Simplified neighbours overlap slightly: what one unit took is removed before the next.
    for i in tree.query(geom, predicate="intersects"):
        unit = units.geometry.iat[i]
        piece = _polygons(rest.intersection(unit))
        if not piece.is_empty:
            pieces.append((units.code.iat[i], units.name.iat[i], piece))
            rest = _polygons(rest.difference(unit))
    if not rest.is_empty:
        pieces.append((None, None, rest))
    return pieces


def diff(
    from_date: dt.date | str,
    to_date: dt.date | str,
    *,
    source: str | None = None,
    by: str | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
) -> FrontlineDiff:
    """Area gained and lost per source and class between the as-of views of two dates.

    Gained is what the ``to`` snapshot has and the ``from`` snapshot lacks; lost the reverse.
    Areas are geodesic (km² on WGS 84). ``by="oblast"`` splits them by admin-1 unit.

    Raises
    ------
    InputError
        Bad dates or ``by``, or no source with a snapshot at or before both dates.
    """
    import shapely

    start, end = parse_date(from_date, "--from"), parse_date(to_date, "--to")
    if by not in (None, "oblast"):
        raise InputError(f"Cannot split change by {by!r}; use by='oblast' or nothing.")
    if start > end:
        raise InputError(f"--from {start} is after --to {end}; swap them.")
    st = _store(store)
    first, last = st.latest_dates(start, source=source), st.latest_dates(end, source=source)
    usable = sorted(s for s in last if s in first)
    if not usable:
        which = f"source {source!r}" if source else "any source"
        raise InputError(
            f"No snapshot of {which} at or before {start}; import an earlier snapshot or "
            "choose a later --from date (`frontline list` shows what is stored)."
        )
    changes: list[AreaChange] = []
    rows: list[tuple] = []
    for src in usable:
        before, after = (
            {s.class_: s.geometry for s in st.snapshots(source=src, date=day) if s.kind == "area"}
            for day in (first[src], last[src])
        )
        for klass in sorted(set(before) | set(after)):
            old = before.get(klass, shapely.MultiPolygon())
            new = after.get(klass, shapely.MultiPolygon())
            areas: dict[tuple, dict[str, float]] = defaultdict(lambda: {"gained": 0.0, "lost": 0.0})
            for change, geom in (("gained", new.difference(old)), ("lost", old.difference(new))):
                geom = _polygons(geom)
                pieces = _split_by_unit(geom) if by and not geom.is_empty else [(None, None, geom)]
                for code, name, piece in pieces:
                    km2 = geodesic_area_km2(piece)
                    areas[(code, name)][change] += km2
                    if not piece.is_empty:
                        rows.append((src, str(klass), change, code, name, km2, piece))
            for (code, name), got in sorted(areas.items(), key=lambda kv: str(kv[0])):
                gained, lost = got["gained"], got["lost"]
                changes.append(
                    AreaChange(src, klass, first[src], last[src], gained, lost, code, name)
                )
    polygons = _frame(rows, "source class change admin1_code admin1_name area_km2 geometry")
    skipped = tuple(sorted(s for s in last if s not in first))
    return FrontlineDiff(start, end, tuple(changes), polygons, skipped)


def area_over_time(
    *,
    source: str | None = None,
    class_: ControlClass | str | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Area per snapshot for a chart: columns date, source, class, area_km2 (oldest first)."""
    import pandas as pd

    want = str(class_).lower() if class_ is not None else None
    rows = [
        {"date": s.date, "source": s.source, "class": str(s.class_), "area_km2": s.area_km2}
        for s in _store(store).snapshots(source=source, geometry=False)
        if s.kind == "area" and (want is None or str(s.class_) == want)
    ]
    return pd.DataFrame(rows, columns=["date", "source", "class", "area_km2"])


# --- distance to the front -----------------------------------------------------------------------


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
    links = shapely.shortest_line(shapely.points(px, py), _apply(fwd, line))
    foot = shapely.get_coordinates(links)[1::2]  # second vertex of each link lies on the line
    flon, flat = inv.transform(foot[:, 0], foot[:, 1])
    _, _, metres = Geod(ellps="WGS84").inv(lon[todo], lat[todo], flon, flat)
    out[todo] = np.asarray(metres) / 1000.0
    return out


def _settlements(settlements: pd.DataFrame | None) -> pd.DataFrame:
    if settlements is None:
        from geo.places.gazetteer import load_gazetteer

        settlements = load_gazetteer().populated_places(country_codes=SETTLEMENT_COUNTRIES)
    missing = {"name", "lat", "lon"} - set(settlements.columns)
    if missing:
        raise InputError(
            f"Settlements need columns name, lat, lon (population optional); missing "
            f"{', '.join(sorted(missing))}."
        )
    return settlements


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
    places = _settlements(settlements)
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
    st = _store(store)
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
