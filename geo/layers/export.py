"""Layers out to files: GeoJSON (RFC 7946), GeoPackage, CSV and ACLED's CSV layout, atomically.

Also ``to_bytes`` for download buttons. A failed export never leaves a half-written file.
"""

from __future__ import annotations

import datetime as dt
import glob
import io
import os
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from geo.errors import InputError

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "MEDIA_TYPES",
    "acled_frame",
    "acled_geo_precision",
    "acled_time_precision",
    "to_bytes",
    "write_atomically",
    "write_gpkg",
    "write_layer",
]

# "acled" is a CSV of an events (or evacuations) layer in ACLED's column names and codes.
FORMATS = ("geojson", "gpkg", "csv", "acled")
MEDIA_TYPES = {
    "geojson": "application/geo+json",
    "gpkg": "application/geopackage+sqlite3",
    "csv": "text/csv",
    "acled": "text/csv",
}
ACLED_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "fatalities",
    "source",
    "notes",
)
# ACLED's geo_precision: 1 the settlement itself, 2 near it or a district (raion, hromada),
# 3 a larger area (an oblast, a region, a country); see docs/events.md.
_ACLED_GEO = {"settlement": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
_ACLED_NEEDS = (
    "date_start", "date_end", "date_precision", "geo_precision", "acled_event_type",
    "acled_sub_event_type", "admin1", "location", "killed", "quote", "source", "url",
)  # fmt: skip


def _check_fmt(fmt: str) -> str:
    norm = str(fmt).lower().lstrip(".")
    if norm not in FORMATS:
        raise InputError(f"Unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
    return norm


def _wgs84(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if gdf.crs is None:
        raise InputError(
            "The layer has no CRS, so its coordinates cannot be exported as WGS 84; "
            "set one with gdf.set_crs(...)."
        )
    return gdf if gdf.crs.to_epsg() == 4326 else gdf.to_crs(4326)


def _geojson_bytes(gdf: gpd.GeoDataFrame) -> bytes:
    # to_wgs84 reprojects and, being WGS 84, adds no "crs" member (RFC 7946 has none);
    # drop_id leaves the pandas index out of the features.
    text = _wgs84(gdf).to_json(to_wgs84=True, drop_id=True, ensure_ascii=False)
    return text.encode("utf-8")


def _csv_bytes(gdf: gpd.GeoDataFrame) -> bytes:
    import pandas as pd
    import shapely

    gdf = _wgs84(gdf)
    geoms = gdf.geometry.to_numpy()
    table = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    # lat/lon so spreadsheets can plot points; shapely gives NaN (an empty cell) for polygons.
    if "lat" not in table.columns:
        table["lat"] = shapely.get_y(geoms)
    if "lon" not in table.columns:
        table["lon"] = shapely.get_x(geoms)
    table["wkt"] = shapely.to_wkt(geoms, rounding_precision=-1)
    return table.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _gpkg_write(layers: Mapping[str, gpd.GeoDataFrame], target: str | io.BytesIO) -> None:
    import pyogrio

    for i, (name, gdf) in enumerate(layers.items()):
        pyogrio.write_dataframe(
            gdf, target, layer=name, driver="GPKG", append=i > 0 and isinstance(target, str)
        )


def _gpkg_bytes(gdf: gpd.GeoDataFrame, layer: str) -> bytes:
    buf = io.BytesIO()
    try:
        _gpkg_write({layer: gdf}, buf)
    except (RuntimeError, ValueError, TypeError) as exc:
        raise InputError(f"The layer cannot be written as GeoPackage ({exc}).") from exc
    return buf.getvalue()


def acled_geo_precision(geo_precision: str) -> int:
    """ACLED's geo_precision code (1, 2, 3) for one of ours (``GeoPrecision``)."""
    return _ACLED_GEO.get(str(geo_precision), 3)


def acled_time_precision(date_start: str, date_end: str, date_precision: str) -> int:
    """ACLED's time_precision code for an event's date range and precision.

    1 the day is known; 2 a span of up to a week (a week, a weekend, "overnight" across two
    days, a short range); 3 anything longer (a month, a year, "since October 2022").
    """
    if str(date_precision) == "day":
        return 1
    days = (dt.date.fromisoformat(str(date_end)) - dt.date.fromisoformat(str(date_start))).days
    return 1 if days <= 0 else 2 if days <= 6 else 3


def _outlet(url: object) -> str | None:
    if not isinstance(url, str) or not url.strip():
        return None
    host = urlsplit(url.strip()).hostname or ""
    return host.removeprefix("www.") or None


def acled_frame(events: gpd.GeoDataFrame) -> pd.DataFrame:
    """An events (or evacuations) layer in ACLED's layout: ``ACLED_COLUMNS``, one row per event.

    ``event_date`` is ``date_start``; ``fatalities`` is ``killed`` (0 when not stated, as
    ACLED codes unknown fatalities); ``source`` is the article title with its outlet (the
    URL's host) in parentheses; ``notes`` the quoted sentence. Codes as in docs/events.md.

    Raises
    ------
    InputError
        If the layer is not an events layer (``geo.layers.build.EVENT_COLUMNS``) or has no CRS.
    """
    import pandas as pd

    missing = [c for c in _ACLED_NEEDS if c not in events.columns]
    if missing:
        raise InputError(
            "The ACLED layout is for the events and evacuations layers; this layer lacks "
            f"{', '.join(missing)}. Export events or evacuations with --format acled."
        )
    gdf = _wgs84(events)
    sources = []
    for title, url in zip(gdf["source"], gdf["url"], strict=True):
        title = title if isinstance(title, str) and title.strip() else None
        outlet = _outlet(url)
        sources.append(f"{title} ({outlet})" if title and outlet else title or outlet or "")
    return pd.DataFrame(
        {
            "event_date": gdf["date_start"].astype(str).str[:10].to_list(),
            "event_type": gdf["acled_event_type"].fillna("").to_list(),
            "sub_event_type": gdf["acled_sub_event_type"].fillna("").to_list(),
            "admin1": gdf["admin1"].fillna("").to_list(),
            "location": gdf["location"].fillna("").to_list(),
            "latitude": gdf.geometry.y.to_list(),
            "longitude": gdf.geometry.x.to_list(),
            "geo_precision": [acled_geo_precision(g) for g in gdf["geo_precision"]],
            "time_precision": [
                acled_time_precision(s, e, p)
                for s, e, p in zip(
                    gdf["date_start"], gdf["date_end"], gdf["date_precision"], strict=True
                )
            ],
            "fatalities": pd.array(gdf["killed"], dtype="Int64").fillna(0).astype(int),
            "source": sources,
            "notes": gdf["quote"].fillna("").to_list(),
        },
        columns=list(ACLED_COLUMNS),
    )


def to_bytes(gdf: gpd.GeoDataFrame, *, fmt: str, layer: str = "layer") -> bytes:
    """A layer as the bytes of a file, e.g. for ``st.download_button``.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
    fmt : {"geojson", "gpkg", "csv", "acled"}
        ``acled`` is a CSV of an events layer in ACLED's columns (``acled_frame``).
    layer : str
        Layer name inside a GeoPackage.

    Raises
    ------
    InputError
        For an unknown format, a layer without CRS (GeoJSON and CSV need WGS 84), the ACLED
        layout of a layer that is not events, or data GDAL refuses (e.g. a timedelta column
        in a GeoPackage).
    """
    fmt = _check_fmt(fmt)
    if fmt == "geojson":
        return _geojson_bytes(gdf)
    if fmt == "csv":
        return _csv_bytes(gdf)
    if fmt == "acled":
        return acled_frame(gdf).to_csv(index=False, lineterminator="\n").encode("utf-8")
    return _gpkg_bytes(gdf, layer)


def write_atomically(path: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """Run ``write(tmp)`` on a temporary sibling of ``path``, then rename it into place.

    A failed write leaves any existing file as it was and no temporary file behind; bad
    locations (a folder, a missing or read-only folder) raise :class:`InputError`.
    """
    path = Path(path).expanduser()
    parent = path.parent
    if path.is_dir():
        raise InputError(f"Cannot export to {path}: it is a folder; give a file name.")
    if not parent.exists():
        raise InputError(
            f"Cannot export to {path}: the folder {parent} does not exist; create it first."
        )
    if not parent.is_dir():
        raise InputError(f"Cannot export to {path}: {parent} is a file, not a folder.")
    if not os.access(parent, os.W_OK):
        raise InputError(f"Cannot export to {path}: the folder {parent} is not writable.")
    # Same folder, so os.replace is an atomic rename; suffix kept so GDAL knows the format.
    tmp = parent / f".{path.stem}.{secrets.token_hex(4)}.tmp{path.suffix}"
    try:
        write(tmp)
        os.replace(tmp, path)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"Cannot write {path} ({exc}); choose another location.") from exc
    except (RuntimeError, ValueError, TypeError) as exc:
        # GDAL refusing a column type or a layer name: the data, not the location, is at fault.
        raise InputError(
            f"Cannot write {path}: the layer data was refused ({exc}); nothing was written."
        ) from exc
    finally:
        for leftover in parent.glob(
            glob.escape(tmp.name) + "*"
        ):  # the file and any GDAL side files
            leftover.unlink(missing_ok=True)
    return path


def write_layer(
    gdf: gpd.GeoDataFrame,
    path: str | os.PathLike[str],
    *,
    fmt: str,
    layer: str | None = None,
) -> Path:
    """Write one layer to ``path``, replacing any existing file atomically.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
    path : str or path-like
        The file to write; its folder must exist.
    fmt : {"geojson", "gpkg", "csv", "acled"}
        GeoJSON is RFC 7946 (WGS 84 lon/lat, no ``crs`` member). CSV has the attribute
        columns, ``lat``/``lon`` for points and ``wkt`` (GDAL reads it as the geometry), all
        in WGS 84. GPKG keeps the layer's CRS. ACLED is a CSV of an events layer in ACLED's
        columns (``ACLED_COLUMNS``).
    layer : str, optional
        Layer name inside a GeoPackage (default: the file name without suffix).

    Returns
    -------
    Path
        The written file.

    Raises
    ------
    InputError
        For an unknown format, a path that cannot be written or data that cannot be
        encoded; the file at ``path`` is then unchanged (or still absent).
    """
    fmt = _check_fmt(fmt)
    if fmt == "gpkg":
        name = layer or Path(path).stem
        return write_gpkg({name: gdf}, path)
    data = to_bytes(gdf, fmt=fmt)
    return write_atomically(path, lambda tmp: tmp.write_bytes(data))


def write_gpkg(layers: Mapping[str, gpd.GeoDataFrame], path: str | os.PathLike[str]) -> Path:
    """Write several layers into one GeoPackage, replacing any existing file atomically.

    Parameters
    ----------
    layers : mapping of layer name to geopandas.GeoDataFrame
        For example the result of ``geo.layers.columns.build_layers``.
    path : str or path-like

    Raises
    ------
    InputError
        If ``layers`` is empty, the path cannot be written or a layer is refused; the file at
        ``path`` is then unchanged (or still absent).
    """
    if not layers:
        raise InputError("No layers to write; pass at least one name -> GeoDataFrame.")
    return write_atomically(path, lambda tmp: _gpkg_write(layers, str(tmp)))
