"""The as-of view: per source, the control-area snapshots that stand for a date.

Also the front line on that date, imported or derived from the held areas (docs/frontline.md).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.errors import InputError
from geo.frontline.classes import ControlClass
from geo.frontline.files import ImportResult, Snapshot, geodesic_length_km
from geo.frontline.store import FrontlineStore, open_frontline_store

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable

    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry

__all__ = [
    "DEFAULT_BORDER_KM",
    "FrontLine",
    "as_of",
    "as_of_layer",
    "derive_front_line",
    "front_line",
    "front_line_layer",
    "front_lines",
    "import_snapshots",
    "parse_date",
    "snapshots_frame",
]

# The front is the edge of the area the opposing side holds or fights over.
FRONT_CLASSES = (ControlClass.OCCUPIED, ControlClass.CONTESTED)
# Boundary parts this close to Ukraine's outline (state border, coast) are not front. The
# shipped outline is simplified (~1 km) and sources trace borders differently, hence 3 km.
DEFAULT_BORDER_KM = 3.0
# Lambert azimuthal equal-area on Ukraine: metric buffers of the outline, scale error < 1 %.
UKRAINE_LAEA = "+proj=laea +lat_0=48.5 +lon_0=31.5 +datum=WGS84 +units=m"


def as_store(store: FrontlineStore | str | os.PathLike[str] | None) -> FrontlineStore:
    """The store itself, or the store at that folder or URL (None: the configured store)."""
    return store if isinstance(store, FrontlineStore) else open_frontline_store(store)


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
    return as_store(store).import_file(path, date=day, source=source, class_=class_)


# --- as-of ---------------------------------------------------------------------------------------


def as_of(
    date: dt.date | str,
    *,
    source: str | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
) -> list[Snapshot]:
    """Per source, every snapshot of its latest date at or before ``date``."""
    st = as_store(store)
    out: list[Snapshot] = []
    for src, day in sorted(st.latest_dates(parse_date(date), source=source).items()):
        out += st.snapshots(source=src, date=day)
    return out


def wgs84_frame(rows: list[tuple], columns: str) -> gpd.GeoDataFrame:
    """Rows as a GeoDataFrame in EPSG:4326; ``columns`` is space-separated, one is geometry."""
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
    return wgs84_frame(
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


def reproject(transformer, geom: BaseGeometry) -> BaseGeometry:
    """``geom`` with every coordinate passed through a pyproj ``transformer``."""
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
    return reproject(inv, reproject(fwd, outline).buffer(km * 1000.0, quad_segs=4))


def _multiline(geom: BaseGeometry) -> BaseGeometry:
    import shapely

    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "LineString" and p.length > 0]
    return shapely.MultiLineString(parts)


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
    st = as_store(store)
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
    return wgs84_frame(rows, "source date derived length_km geometry")
