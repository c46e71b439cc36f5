"""Dated control-area and front-line snapshots: the records, and reading and validating files.

Reads GeoJSON, KML/KMZ, GeoPackage and zipped Shapefile into ``Snapshot`` records measured on
the WGS 84 ellipsoid; ``geo.frontline.store`` keeps them. See docs/frontline.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
import re
import zipfile
import zlib
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import InputError
from geo.frontline.classes import CLASS_FIELDS, NAME_FIELDS, ControlClass, classify
from geo.inputs import read_file, shown

if TYPE_CHECKING:
    import os

    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry


__all__ = [
    "ControlClass",
    "ImportResult",
    "Snapshot",
    "classify",
    "geodesic_area_km2",
    "geodesic_length_km",
    "read_snapshots",
]

VECTOR_SUFFIXES = (".geojson", ".json", ".gpkg", ".kml", ".shp")


@dataclasses.dataclass(frozen=True, slots=True)
class Snapshot:
    """One class of one source on one date: a MultiPolygon (area) or MultiLineString (line).

    ``geometry`` is a shapely geometry in EPSG:4326 (lon, lat). ``area_km2`` is the geodesic
    area of an area snapshot and ``length_km`` the geodesic length of a line snapshot.
    """

    snapshot_id: str
    date: dt.date
    source: str
    class_: ControlClass
    geometry: BaseGeometry
    imported_at: dt.datetime
    file_hash: str
    filename: str
    features: int = 0
    area_km2: float | None = None
    length_km: float | None = None

    @property
    def kind(self) -> str:
        """``"area"`` for polygons, ``"line"`` for front lines."""
        return "line" if self.geometry.geom_type == "MultiLineString" else "area"


@dataclasses.dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import found and did; ``unchanged`` when the same file was already imported."""

    filename: str
    file_hash: str
    source: str
    snapshots: tuple[Snapshot, ...]
    unchanged: bool = False
    replaced: int = 0
    notes: tuple[str, ...] = ()


# --- measuring -----------------------------------------------------------------------------------


def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


# Edges are straight in lon/lat, as maps draw them and as shapely's overlays cut them;
# densifying to ~1 km makes the geodesic measure follow those edges (docs/frontline.md).
DENSIFY_DEG = 0.01


def geodesic_area_km2(geometry: BaseGeometry) -> float:
    """Area in km² on the WGS 84 ellipsoid (Karney's algorithm via ``pyproj.Geod``).

    Edges are densified to ``DENSIFY_DEG``; holes are subtracted whatever the ring orientation;
    lines and points have area 0.
    """
    import shapely

    geod = _geod()
    total = 0.0
    for poly in shapely.get_parts(shapely.segmentize(geometry, DENSIFY_DEG)):
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        outer, _ = geod.polygon_area_perimeter(*poly.exterior.xy)
        holes = sum(abs(geod.polygon_area_perimeter(*ring.xy)[0]) for ring in poly.interiors)
        total += abs(outer) - holes
    return total / 1e6


def geodesic_length_km(geometry: BaseGeometry) -> float:
    """Length in km on the WGS 84 ellipsoid of a (multi)line, densified like areas."""
    import shapely

    if geometry.is_empty:
        return 0.0
    return _geod().geometry_length(shapely.segmentize(geometry, DENSIFY_DEG)) / 1000.0


# --- reading -------------------------------------------------------------------------------------

DATE_FIELDS = ("date", "snapshot_date", "datetime", "timestamp", "when", "begin", "updated")


def _parse_date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp; NaT has no year
        return None if value != value else value.to_pydatetime().date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and value > 1e11:  # ArcGIS dates: epoch milliseconds
        return dt.datetime.fromtimestamp(value / 1000, dt.UTC).date()
    match = re.search(r"(\d{4})-?(\d{2})-?(\d{2})", str(value))
    if match:
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError:
            return None
    return None


MAX_FILE_BYTES = 100_000_000  # a national control-area history is a few MB
MAX_UNZIPPED_BYTES = 250_000_000  # all members of a KMZ or zip, as their headers declare
MAX_RATIO = 100  # deflate rarely beats 20:1 on real layers; a zip bomb reaches 1000:1
_RATIO_FROM_BYTES = 1_000_000  # tiny members may compress well without being a bomb


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _zip_members(path: Path, zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The members to unpack (vector files, shapefile sidecars), their sizes checked first."""
    infos = [i for i in zf.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")]
    shp = [i for i in infos if i.filename.lower().endswith(".shp")]
    if shp:  # a shapefile is read with its .shx, .dbf, .prj and .cpg beside it
        stems = {i.filename.rsplit(".", 1)[0].lower() for i in shp}
        members = [i for i in infos if i.filename.rsplit(".", 1)[0].lower() in stems]
    else:
        members = [i for i in infos if i.filename.lower().endswith(VECTOR_SUFFIXES)]
    if not members:
        kmz = path.suffix.lower() == ".kmz"
        what = "a .kml document" if kmz else "a .shp (or GeoJSON/GPKG/KML)"
        raise InputError(
            f"{path.name} contains no {what}; zip the .shp together with its .shx, "
            ".dbf and .prj, or import the file directly."
        )
    total = sum(i.file_size for i in members)
    if total > MAX_UNZIPPED_BYTES:
        raise InputError(
            f"{path.name} would unpack to {total / 1e6:,.0f} MB; archives over "
            f"{MAX_UNZIPPED_BYTES / 1e6:,.0f} MB unpacked are refused. Import a smaller export."
        )
    for i in members:
        ratio = i.file_size / max(i.compress_size, 1)
        if i.file_size > _RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise InputError(
                f"{path.name}: {shown(i.filename)} would expand {ratio:,.0f} times (over "
                f"{MAX_RATIO}:1), which real layers never do; it looks like a zip bomb. "
                "Re-create the archive from the original files."
            )
    return members


def _unpack(path: Path, folder: Path) -> list[Path]:
    """Unpack a KMZ or zip's vector members into ``folder``; their sizes checked before."""
    from pathlib import PurePosixPath

    if not zipfile.is_zipfile(path):
        raise InputError(f"{path.name} is not a readable zip archive; re-create the archive.")
    try:
        with zipfile.ZipFile(path) as zf:
            members = _zip_members(path, zf)
            dirs: dict[str, int] = {}
            files = []
            for info in members:
                member = PurePosixPath(info.filename)
                if member.name in ("", ".", ".."):
                    continue
                # Each folder of the archive gets a numbered folder: no name can climb out.
                sub = folder / str(dirs.setdefault(str(member.parent), len(dirs)))
                sub.mkdir(exist_ok=True)
                target = sub / member.name
                # zipfile stops at each member's declared size, which was checked above.
                with zf.open(info) as src, target.open("wb") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                files.append(target)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise InputError(
            f"{path.name} is a damaged or unsupported archive ({_one_line(exc)}); re-create it."
        ) from None
    suffixes = (".shp",) if any(f.suffix.lower() == ".shp" for f in files) else VECTOR_SUFFIXES
    return [f for f in files if f.suffix.lower() in suffixes]


def _read_layers(path: Path, notes: list[str]) -> list[tuple[str, gpd.GeoDataFrame]]:
    """Every geometry layer of a vector file; GDAL's warnings become import notes."""
    import tempfile
    import warnings

    import pyogrio

    with tempfile.TemporaryDirectory(prefix="geo-unzip-") as tmp:
        sources = _unpack(path, Path(tmp)) if path.suffix.lower() in {".zip", ".kmz"} else [path]
        frames = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for src in sources:
                try:
                    for name, geom_type in pyogrio.list_layers(src):
                        if geom_type is not None:  # attribute-only tables (GeoPackage) have none
                            frames.append((str(name), pyogrio.read_dataframe(src, layer=name)))
                except (RuntimeError, OSError, ValueError) as exc:
                    raise InputError(
                        f"Cannot read {path.name} as a vector file ({_one_line(exc)}). Expected "
                        "GeoJSON, KML/KMZ, GeoPackage or a zipped Shapefile."
                    ) from None
        notes.extend(f"GDAL: {_one_line(w.message)}" for w in caught)
    return frames


def _to_wgs84(frame: gpd.GeoDataFrame, name: str, notes: list[str]) -> gpd.GeoDataFrame:
    import numpy as np
    import shapely

    frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    if frame.empty:
        return frame
    if not np.isfinite(shapely.get_coordinates(frame.geometry.values)).all():
        raise InputError(
            f"Layer {name!r} has NaN or infinite coordinates; fix or remove those features "
            "and export it again."
        )
    if frame.crs is None:
        notes.append(f"layer {name!r} has no CRS; assumed EPSG:4326")
        frame = frame.set_crs("EPSG:4326")
    elif not frame.crs.equals("EPSG:4326"):
        notes.append(f"layer {name!r} reprojected from {frame.crs.to_string()} to EPSG:4326")
        frame = frame.to_crs("EPSG:4326")
    x0, y0, x1, y1 = frame.total_bounds
    if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
        raise InputError(
            f"Layer {name!r} has coordinates outside longitude/latitude range ({x0:.0f}, {y0:.0f}"
            f", {x1:.0f}, {y1:.0f}): it is probably projected without saying so. Add the .prj "
            "file or re-export it in EPSG:4326."
        )
    return frame


def _split(geom: BaseGeometry) -> tuple[list, list]:
    """Polygonal and linear parts of any geometry, 2-D, with points dropped."""
    import shapely

    polys, lines = [], []
    for part in shapely.get_parts(shapely.force_2d(geom)):
        kind = part.geom_type
        if kind == "Polygon":
            polys.append(part)
        elif kind in {"LineString", "LinearRing"}:
            lines.append(shapely.LineString(part.coords))
        elif kind != "Point":  # nested collections
            p, q = _split(part)
            polys += p
            lines += q
    return polys, lines


def _props_texts(props: dict, layer: str) -> list[Any]:
    lower = {str(k).lower(): v for k, v in props.items()}
    return [lower.get(k) for k in CLASS_FIELDS] + [layer] + [lower.get(k) for k in NAME_FIELDS]


def _props_date(props: dict) -> dt.date | None:
    lower = {str(k).lower(): v for k, v in props.items()}
    for key in DATE_FIELDS:
        found = _parse_date(lower.get(key))
        if found:
            return found
    return None


def read_snapshots(
    path: str | os.PathLike[str],
    *,
    date: dt.date | None = None,
    source: str | None = None,
    class_: ControlClass | str | None = None,
    label: str | None = None,
) -> ImportResult:
    """Read and validate a snapshot file without touching any store.

    Parameters
    ----------
    path
        GeoJSON, KML, KMZ, GeoPackage, zipped Shapefile (``.zip``) or ``.shp``.
    date
        Snapshot date for every feature. Without it, each feature's ``date``-like property is
        used, else a date in the file name (``..._20240708.geojson``).
    source
        Who drew the map (``deepstate``, ``isw`` ...); default ``"local"``.
    class_
        Force one class for every feature instead of mapping it from the properties.
    label
        Name recorded as the snapshot's filename (e.g. the URL a fetcher used).

    Returns
    -------
    ImportResult
        One snapshot per (date, class, kind) found; polygons repaired and unioned.

    Raises
    ------
    InputError
        Unreadable or empty file, no polygon or line geometry, no date, bad coordinates.
    """
    import shapely

    path = Path(path)
    data = read_file(path, max_bytes=MAX_FILE_BYTES)
    if not data.strip():
        raise InputError(f"{path.name} is empty; export the layer again.")
    source = (source or "local").strip()
    if not re.fullmatch(r"[\w.\-]+", source):
        raise InputError(f"Source name {source!r} must be letters, digits, '.', '-' or '_'.")
    forced = None
    if class_ is not None:
        try:
            forced = ControlClass(str(class_).strip().lower())
        except ValueError:
            raise InputError(
                f"Unknown class {class_!r}; use one of {', '.join(ControlClass)}."
            ) from None
    file_hash = hashlib.sha256(data).hexdigest()
    del data  # GDAL reads the file itself
    try:
        return _snapshots(path, file_hash, source=source, forced=forced, date=date, label=label)
    except shapely.errors.GEOSException as exc:  # e.g. coordinates GDAL let through
        raise InputError(
            f"{path.name} holds geometry that cannot be measured ({_one_line(exc)}); "
            "repair it in a GIS and export it again."
        ) from None


def _snapshots(
    path: Path,
    file_hash: str,
    *,
    source: str,
    forced: ControlClass | None,
    date: dt.date | None,
    label: str | None,
) -> ImportResult:
    """The snapshots of a checked file: features classified, dated, repaired and measured."""
    import shapely

    file_date = _parse_date(path.stem)
    notes: list[str] = []
    groups: dict[tuple[dt.date, ControlClass, str], list] = defaultdict(list)
    counts: dict[tuple[dt.date, ControlClass, str], int] = defaultdict(int)
    ignored = undated = repaired = 0

    for layer, frame in _read_layers(path, notes):
        frame = _to_wgs84(frame, layer, notes)
        props = frame.drop(columns=frame.geometry.name).to_dict("records")
        for geom, prop in zip(frame.geometry.values, props, strict=True):
            polys, lines = _split(geom)
            if not polys and not lines:
                ignored += 1
                continue
            klass = forced or classify(*_props_texts(prop, layer))
            if klass is None:
                ignored += 1
                continue
            day = date or _props_date(prop) or file_date
            if day is None:
                undated += 1
                continue
            for poly in polys:
                if not poly.is_valid:
                    repaired += 1
                    poly = shapely.make_valid(poly)
                groups[(day, klass, "area")].append(poly)
            if lines:
                groups[(day, klass, "line")].extend(lines)
            for kind, parts in (("area", polys), ("line", lines)):
                counts[(day, klass, kind)] += bool(parts)

    if undated:
        raise InputError(
            f"{undated} feature(s) in {path.name} have no date: pass --date YYYY-MM-DD, add a "
            "'date' property, or put the date in the file name."
        )
    if repaired:
        notes.append(f"{repaired} invalid polygon(s) repaired with make_valid")
    if ignored:
        notes.append(f"{ignored} feature(s) ignored (points, empty, or outside the mapping)")
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    snapshots = []
    for (day, klass, kind), parts in sorted(groups.items()):
        if kind == "area":
            merged = shapely.union_all(
                [p for g in parts for p in _split(g)[0]]
            )  # make_valid may return collections
            geom = shapely.MultiPolygon([p for p in shapely.get_parts(merged) if not p.is_empty])
        else:
            geom = shapely.MultiLineString(parts)
        if geom.is_empty:
            continue
        key = f"{source}|{day}|{klass}|{kind}|{file_hash}"
        snapshots.append(
            Snapshot(
                snapshot_id=hashlib.sha256(key.encode()).hexdigest()[:16],
                date=day,
                source=source,
                class_=klass,
                geometry=geom,
                imported_at=now,
                file_hash=file_hash,
                filename=label or path.name,
                features=counts[(day, klass, kind)],
                area_km2=geodesic_area_km2(geom) if kind == "area" else None,
                length_km=geodesic_length_km(geom) if kind == "line" else None,
            )
        )
    if not snapshots:
        raise InputError(
            f"{path.name} has no usable polygon or line geometry ({ignored} feature(s) "
            "ignored). Export the control areas as polygons or the front as lines."
        )
    return ImportResult(label or path.name, file_hash, source, tuple(snapshots), notes=tuple(notes))
