"""Dated control-area and front-line snapshots: reading files, classifying, storing.

Reads GeoJSON, KML/KMZ, GeoPackage and zipped Shapefile; keeps snapshots in one SQLite file,
``<store>/frontlines.sqlite``, written in one transaction per import. See docs/frontline.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import math
import re
import sqlite3
import tempfile
import zipfile
from collections import defaultdict
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import store_dir
from .errors import InputError, StoreError

if TYPE_CHECKING:
    import os

    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry

__all__ = [
    "ControlClass",
    "FrontlineStore",
    "ImportResult",
    "Snapshot",
    "classify",
    "geodesic_area_km2",
    "geodesic_length_km",
    "read_snapshots",
]

DB_FILENAME = "frontlines.sqlite"
SCHEMA_VERSION = 1
VECTOR_SUFFIXES = (".geojson", ".json", ".gpkg", ".kml", ".shp")


class ControlClass(StrEnum):
    """Who holds an area, in our own vocabulary (docs/frontline.md maps the sources in)."""

    OCCUPIED = "occupied"
    CONTESTED = "contested"
    LIBERATED = "liberated"
    CLAIMED = "claimed"
    UNKNOWN = "unknown"


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


# --- classes -------------------------------------------------------------------------------------

# DeepStateMap names read "Ukrainian /// English /// geoJSON.<key>"; the key is the stable part.
DEEPSTATE_KEYS: dict[str, ControlClass | None] = {
    "geojson.status.occupied": ControlClass.OCCUPIED,
    "geojson.territories.crimea": ControlClass.OCCUPIED,
    "geojson.territories.ordlo": ControlClass.OCCUPIED,
    "geojson.territories.tuzla": ControlClass.OCCUPIED,
    "geojson.status.unknown": ControlClass.CONTESTED,
    "geojson.status.dismissed": ControlClass.LIBERATED,
    "geojson.status.dismissed_at": ControlClass.LIBERATED,
    "geojson.zmiinyi_island": ControlClass.LIBERATED,
}
# Checked in order: the first phrase found in a text decides. Specific ISW layer titles come
# before the single words they contain ("Claimed Ukrainian Counteroffensives" is not "claimed").
CLASS_PHRASES: tuple[tuple[str, ControlClass], ...] = (
    ("ukrainian counteroffensive", ControlClass.LIBERATED),
    ("counteroffensive", ControlClass.LIBERATED),
    ("counter offensive", ControlClass.LIBERATED),
    ("russian advance", ControlClass.CONTESTED),
    ("claimed russian", ControlClass.CLAIMED),
    ("russian claim", ControlClass.CLAIMED),
    ("russian controlled", ControlClass.OCCUPIED),
    ("liberat", ControlClass.LIBERATED),
    ("deoccup", ControlClass.LIBERATED),
    ("de occup", ControlClass.LIBERATED),
    ("звільн", ControlClass.LIBERATED),
    ("освобожд", ControlClass.LIBERATED),
    ("contested", ControlClass.CONTESTED),
    ("disputed", ControlClass.CONTESTED),
    ("grey zone", ControlClass.CONTESTED),
    ("gray zone", ControlClass.CONTESTED),
    ("сіра зона", ControlClass.CONTESTED),
    ("серая зона", ControlClass.CONTESTED),
    ("advance", ControlClass.CONTESTED),
    ("occupied", ControlClass.OCCUPIED),
    ("occupation", ControlClass.OCCUPIED),
    ("окуп", ControlClass.OCCUPIED),
    ("оккуп", ControlClass.OCCUPIED),
    ("claimed", ControlClass.CLAIMED),
    ("annex", ControlClass.CLAIMED),
)
CLASS_FIELDS = ("class", "status", "control", "category", "type", "layer")
NAME_FIELDS = ("name", "description", "label", "title")
DATE_FIELDS = ("date", "snapshot_date", "datetime", "timestamp", "when", "begin", "updated")
_CLASS_VALUES = frozenset(c.value for c in ControlClass)


def _deepstate_key(text: str) -> str | None:
    tail = text.split("///")[-1].strip().lower()
    if not tail.startswith("geojson."):
        return None
    return re.sub(r"\s*\{\{.*$", "", tail).split()[0]  # "dismissed_at {{at:27.03}}" -> key


def classify(*texts: object) -> ControlClass | None:
    """Map free-text labels (class field, layer name, feature name ...) to a class.

    Texts are tried in order and the first that maps decides. DeepStateMap keys are exact;
    other texts are matched by phrase (see ``CLASS_PHRASES``). Returns ``None`` for features the
    mapping drops on purpose (DeepStateMap territories outside Ukraine), and
    ``ControlClass.UNKNOWN`` when nothing matches.
    """
    for raw in texts:
        if not isinstance(raw, str) or not raw.strip():
            continue
        key = _deepstate_key(raw.lower())
        if key is not None:
            if key in DEEPSTATE_KEYS:
                return DEEPSTATE_KEYS[key]
            return None if key.startswith("geojson.territories.") else ControlClass.UNKNOWN
        # "RussianControlled_Territory", "russian-controlled" -> "russian controlled territory"
        text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw)
        text = " ".join(re.sub(r"[_\-\xa0]+", " ", text).split()).lower()
        if text in _CLASS_VALUES:
            return ControlClass(text)
        for phrase, klass in CLASS_PHRASES:
            if phrase in text:
                return klass
    return ControlClass.UNKNOWN


# --- reading -------------------------------------------------------------------------------------


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


def _kml_driver_available() -> bool:
    import pyogrio

    return bool({"KML", "LIBKML"} & set(pyogrio.list_drivers()))


def _read_kml_stdlib(data: bytes) -> list[tuple[str, gpd.GeoDataFrame]]:
    """Placemark polygons and lines of a KML document, one frame per Folder (no GDAL needed)."""
    import xml.etree.ElementTree as ET

    import geopandas as gpd
    from shapely.geometry import LineString, Polygon

    def local(el):
        return el.tag.rsplit("}", 1)[-1]

    def child_text(el, name):
        for c in el:
            if local(c) == name:
                return (c.text or "").strip()
        return None

    def coords(el):
        pts = [p.split(",") for p in (el.text or "").split()]
        return [(float(p[0]), float(p[1])) for p in pts if len(p) >= 2]

    def geoms(el):
        for node in el.iter():
            tag = local(node)
            if tag == "Polygon":
                rings = [
                    [coords(c) for c in b.iter() if local(c) == "coordinates"]
                    for b in node
                    if local(b) in {"outerBoundaryIs", "innerBoundaryIs"}
                ]
                flat = [r[0] for r in rings if r]
                if flat and len(flat[0]) >= 3:
                    yield Polygon(flat[0], [r for r in flat[1:] if len(r) >= 3])
            elif tag == "LineString":
                line = [coords(c) for c in node if local(c) == "coordinates"]
                if line and len(line[0]) >= 2:
                    yield LineString(line[0])

    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"The KML is not well-formed XML ({exc}); re-export it.") from exc
    layers: dict[str, list[dict]] = defaultdict(list)

    def walk(el, folder):
        for c in el:
            tag = local(c)
            if tag in {"Folder", "Document"}:
                walk(c, child_text(c, "name") or folder)
            elif tag == "Placemark":
                props = {"Name": child_text(c, "name"), "description": child_text(c, "description")}
                for node in c.iter():
                    if local(node) == "when":
                        props["timestamp"] = (node.text or "").strip()
                    elif local(node) in {"Data", "SimpleData"} and node.get("name"):
                        val = child_text(node, "value") if local(node) == "Data" else node.text
                        props[node.get("name")] = (val or "").strip()
                for g in geoms(c):
                    layers[folder].append({**props, "geometry": g})

    walk(root, "kml")
    return [(name, gpd.GeoDataFrame(rows, crs="EPSG:4326")) for name, rows in layers.items()]


def _read_layers(path: Path) -> list[tuple[str, gpd.GeoDataFrame]]:
    import pyogrio

    suffix = path.suffix.lower()
    sources: list[str] = [str(path)]
    if suffix in {".zip", ".kmz"}:
        if not zipfile.is_zipfile(path):
            raise InputError(f"{path.name} is not a readable zip archive; re-create the archive.")
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if not n.startswith("__MACOSX/")]
            shp = [n for n in names if n.lower().endswith(".shp")]
            other = [n for n in names if n.lower().endswith(VECTOR_SUFFIXES)]
            members = shp or other
            if not members:
                what = "a .kml document" if suffix == ".kmz" else "a .shp (or GeoJSON/GPKG/KML)"
                raise InputError(
                    f"{path.name} contains no {what}; zip the .shp together with its .shx, "
                    ".dbf and .prj, or import the file directly."
                )
            if not _kml_driver_available() and all(m.lower().endswith(".kml") for m in members):
                return [pair for m in members for pair in _read_kml_stdlib(zf.read(m))]
        sources = [f"/vsizip/{path}/{m}" for m in members]
    elif suffix == ".kml" and not _kml_driver_available():
        return _read_kml_stdlib(path.read_bytes())

    frames = []
    for src in sources:
        try:
            for name, geom_type in pyogrio.list_layers(src):
                if geom_type is not None:  # attribute-only tables (GeoPackage) have none
                    frames.append((str(name), pyogrio.read_dataframe(src, layer=name)))
        except (RuntimeError, OSError, ValueError) as exc:
            raise InputError(
                f"Cannot read {path.name} as a vector file ({exc}). Expected GeoJSON, KML/KMZ, "
                "GeoPackage or a zipped Shapefile."
            ) from exc
    return frames


def _to_wgs84(frame: gpd.GeoDataFrame, name: str, notes: list[str]) -> gpd.GeoDataFrame:
    frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    if frame.empty:
        return frame
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
    if not path.is_file():
        raise InputError(f"No such file: {path}. Check the path.")
    data = path.read_bytes()
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
    file_date = _parse_date(path.stem)
    notes: list[str] = []
    groups: dict[tuple[dt.date, ControlClass, str], list] = defaultdict(list)
    counts: dict[tuple[dt.date, ControlClass, str], int] = defaultdict(int)
    ignored = undated = repaired = 0

    for layer, frame in _read_layers(path):
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


# --- storing -------------------------------------------------------------------------------------

_COLUMNS = (
    "snapshot_id, date, source, class, kind, geometry, area_km2, length_km, features, "
    "imported_at, file_hash, filename"
)
_DDL = (
    """CREATE TABLE IF NOT EXISTS frontline_snapshots (
        snapshot_id TEXT PRIMARY KEY, date TEXT NOT NULL, source TEXT NOT NULL,
        class TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('area', 'line')),
        geometry BLOB NOT NULL, area_km2 REAL, length_km REAL, features INTEGER NOT NULL,
        imported_at TEXT NOT NULL, file_hash TEXT NOT NULL, filename TEXT NOT NULL,
        UNIQUE (date, source, class, kind))""",
    "CREATE INDEX IF NOT EXISTS frontline_by_source_date ON frontline_snapshots (source, date)",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)


class FrontlineStore:
    """The snapshot table in ``<store>/frontlines.sqlite`` (geometry as WKB, EPSG:4326).

    Parameters
    ----------
    root
        Store folder; ``geo.config.store_dir(root)`` decides the default.
    """

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = store_dir(root).absolute()
        self.path = self.root / DB_FILENAME

    def __repr__(self) -> str:
        return f"FrontlineStore({str(self.root)!r})"

    def _connect(self, *, write: bool = False) -> sqlite3.Connection:
        try:
            if write:
                con = sqlite3.connect(self.path, isolation_level=None)
            else:  # read-only: looking never changes a byte of the file
                con = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True)
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return con
        except sqlite3.Error as exc:
            raise StoreError(
                f"Cannot open {self.path} ({exc}); move the damaged file aside and re-import."
            ) from exc

    def import_file(
        self,
        path: str | os.PathLike[str],
        *,
        date: dt.date | None = None,
        source: str | None = None,
        class_: ControlClass | str | None = None,
        label: str | None = None,
    ) -> ImportResult:
        """Validate a whole file, then store its snapshots in one transaction.

        Arguments as for :func:`read_snapshots`. Re-importing the same file with the same date
        and source changes nothing (``unchanged=True``). A different file for an existing
        (date, source, class, kind) replaces that snapshot.
        """
        result = read_snapshots(path, date=date, source=source, class_=class_, label=label)
        added, replaced = self.add(result.snapshots)
        return dataclasses.replace(result, unchanged=not added, replaced=replaced)

    def import_bytes(
        self,
        data: bytes,
        *,
        suffix: str,
        label: str,
        date: dt.date | None = None,
        source: str | None = None,
    ) -> ImportResult:
        """Import file contents held in memory (what the fetchers download)."""
        with tempfile.TemporaryDirectory() as tmp:
            name = re.sub(r"[^\w.\-]+", "_", label)[-80:] or "download"
            file = Path(tmp) / f"{name}{suffix}"
            file.write_bytes(data)
            return self.import_file(file, date=date, source=source, label=label)

    def add(self, snapshots: tuple[Snapshot, ...] | list[Snapshot]) -> tuple[int, int]:
        """Write snapshots in one transaction; return (added, replaced). All or nothing."""
        import shapely

        ids = [s.snapshot_id for s in snapshots]
        if not ids:
            return 0, 0
        marks = ",".join("?" * len(ids))
        sql = f"SELECT count(*) FROM frontline_snapshots WHERE snapshot_id IN ({marks})"
        rows = self._query(sql, tuple(ids))
        if rows and rows[0][0] == len(set(ids)):
            return 0, 0  # all there already: the file is not even opened for writing
        created = not self.path.exists()
        self.root.mkdir(parents=True, exist_ok=True)
        con = self._connect(write=True)
        replaced = 0
        try:
            con.execute("BEGIN IMMEDIATE")
            for stmt in _DDL:
                con.execute(stmt)
            for s in snapshots:
                key = (s.date.isoformat(), s.source, str(s.class_), s.kind)
                replaced += con.execute(
                    "DELETE FROM frontline_snapshots "
                    "WHERE date = ? AND source = ? AND class = ? AND kind = ?",
                    key,
                ).rowcount
                con.execute(
                    f"INSERT INTO frontline_snapshots ({_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        s.snapshot_id,
                        *key[:3],
                        s.kind,
                        shapely.to_wkb(s.geometry),
                        s.area_km2,
                        s.length_km,
                        s.features,
                        s.imported_at.isoformat(),
                        s.file_hash,
                        s.filename,
                    ),
                )
            con.execute("COMMIT")
        except sqlite3.Error as exc:
            if con.in_transaction:
                con.execute("ROLLBACK")
            con.close()
            if created:
                self.path.unlink(missing_ok=True)
            raise StoreError(f"Could not write {self.path} ({exc}); nothing was stored.") from exc
        con.close()
        return len(snapshots), replaced

    @staticmethod
    def _has_table(con: sqlite3.Connection) -> bool:
        row = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'frontline_snapshots'"
        ).fetchone()
        return row is not None

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        if not self.path.exists():
            return []
        con = self._connect()
        try:
            return con.execute(sql, params).fetchall() if self._has_table(con) else []
        finally:
            con.close()

    def snapshots(
        self,
        *,
        source: str | None = None,
        date: dt.date | None = None,
        geometry: bool = True,
    ) -> list[Snapshot]:
        """Stored snapshots, optionally of one source and/or one date, oldest first.

        With ``geometry=False`` the geometry is an empty placeholder (fast listings).
        """
        import shapely

        where, params = [], []
        if source is not None:
            where.append("source = ?")
            params.append(source)
        if date is not None:
            where.append("date = ?")
            params.append(date.isoformat())
        cols = _COLUMNS if geometry else _COLUMNS.replace("geometry", "kind AS g")
        sql = f"SELECT {cols} FROM frontline_snapshots"
        sql += f" WHERE {' AND '.join(where)}" if where else ""
        out = []
        for row in self._query(sql + " ORDER BY date, source, class, kind", tuple(params)):
            sid, day, src, klass, kind, blob, area, length, feats, at, fhash, fname = row
            if geometry:
                geom = shapely.from_wkb(blob)
            else:
                geom = shapely.MultiLineString() if kind == "line" else shapely.MultiPolygon()
            out.append(
                Snapshot(
                    sid,
                    dt.date.fromisoformat(day),
                    src,
                    ControlClass(klass),
                    geom,
                    dt.datetime.fromisoformat(at),
                    fhash,
                    fname,
                    feats,
                    area,
                    length,
                )
            )
        return out

    def latest_dates(
        self, on_or_before: dt.date, *, source: str | None = None
    ) -> dict[str, dt.date]:
        """Per source, the newest snapshot date at or before ``on_or_before``."""
        sql = "SELECT source, max(date) FROM frontline_snapshots WHERE date <= ?"
        params: tuple = (on_or_before.isoformat(),)
        if source is not None:
            sql += " AND source = ?"
            params += (source,)
        rows = self._query(sql + " GROUP BY source", params)
        return {src: dt.date.fromisoformat(day) for src, day in rows if day}

    def sources(self) -> list[str]:
        """Names of the sources that have snapshots."""
        return [r[0] for r in self._query("SELECT DISTINCT source FROM frontline_snapshots")]

    def revision(self) -> str:
        """A token that changes whenever the table changes (a cache key)."""
        rows = self._query(
            "SELECT count(*), max(imported_at), group_concat(snapshot_id) FROM frontline_snapshots"
        )
        return hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]


# --- optional online fetchers (off unless online=True) -------------------------------------------

DEEPSTATE_API = "https://deepstatemap.live/api/history"


def _http_get(url: str, *, timeout: float = 30.0) -> bytes:
    import urllib.error
    import urllib.request

    from .errors import ServiceError, ServiceTimeout

    request = urllib.request.Request(url, headers={"User-Agent": "geo-dashboard frontline"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return reply.read()
    except TimeoutError as exc:
        raise ServiceTimeout(f"{url} did not answer in {timeout:.0f} s; try again later.") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise ServiceError(f"Could not fetch {url} ({exc}); import a saved file instead.") from exc


def _json(get, url: str) -> Any:
    from .errors import ServiceError

    try:
        return json.loads(get(url))
    except ValueError as exc:
        raise ServiceError(f"{url} did not return JSON ({exc}); the API may have changed.") from exc


def _require_online(online: bool, what: str) -> None:
    if not online:
        raise InputError(
            f"Fetching {what} needs the network and is off by default; pass online=True "
            "(CLI: `frontline fetch ...`), or download the file and import it."
        )


def fetch_deepstate(
    *,
    date: dt.date | None = None,
    online: bool = False,
    get: Any = None,
    base_url: str = DEEPSTATE_API,
) -> tuple[dt.date, bytes]:
    """Download the DeepStateMap map current at ``date`` (the latest when ``None``).

    Uses the site's unofficial history API: ``<base_url>/public`` lists updates
    (``id``, ``createdAt``), ``<base_url>/<id>/geojson`` returns one map. ``get(url) -> bytes``
    can be injected (tests pass canned replies). Returns the update's date (UTC) and the map as
    GeoJSON bytes, ready for :meth:`FrontlineStore.import_bytes`.
    """
    from .errors import ServiceError

    _require_online(online, "DeepStateMap")
    get = get or _http_get
    history = _json(get, f"{base_url}/public")
    entries = []
    for entry in history if isinstance(history, list) else []:
        day = _parse_date(entry.get("createdAt") or entry.get("datetime"))
        if day and "id" in entry and (date is None or day <= date):
            entries.append((str(entry.get("createdAt")), day, entry["id"]))
    if not entries:
        when = f"at or before {date}" if date else "at all"
        raise ServiceError(f"DeepStateMap lists no update {when}; pick a later date.")
    _, day, update_id = max(entries)
    payload = _json(get, f"{base_url}/{update_id}/geojson")
    collection = payload.get("map", payload) if isinstance(payload, dict) else None
    if not isinstance(collection, dict) or not isinstance(collection.get("features"), list):
        raise ServiceError(f"DeepStateMap update {update_id} has no feature collection.")
    return day, json.dumps(collection, ensure_ascii=False).encode("utf-8")


def fetch_arcgis_layer(
    url: str, *, online: bool = False, get: Any = None, page_size: int = 1000
) -> tuple[str, bytes]:
    """Download every feature of one ArcGIS FeatureServer/MapServer layer as GeoJSON.

    ``url`` ends in the layer number (``.../FeatureServer/3``), as ISW/CTP publish their
    control layers. The layer's title is copied into each feature's ``layer`` property, where
    :func:`classify` reads it. Returns (layer title, GeoJSON bytes).
    """
    from urllib.parse import urlencode

    from .errors import ServiceError

    _require_online(online, "an ArcGIS layer")
    if not re.match(r"https?://.+/(FeatureServer|MapServer)/\d+/?$", url):
        raise InputError(f"{url} is not an ArcGIS layer URL (…/FeatureServer/<number>).")
    get = get or _http_get
    url = url.rstrip("/")
    title = str(_json(get, f"{url}?f=json").get("name") or url.rsplit("/", 2)[-2])
    features: list[dict] = []
    while True:
        query = urlencode(
            {
                "where": "1=1",
                "outFields": "*",
                "outSR": 4326,
                "f": "geojson",
                "resultOffset": len(features),
                "resultRecordCount": page_size,
            }
        )
        page = _json(get, f"{url}/query?{query}")
        batch = page.get("features") if isinstance(page, dict) else None
        if not isinstance(batch, list):
            raise ServiceError(f"{url} answered without features: {str(page)[:200]}")
        features += batch
        more = page.get("exceededTransferLimit") or page.get("properties", {}).get(
            "exceededTransferLimit"
        )
        if not batch or not more:
            break
    for feature in features:
        feature["properties"] = {**(feature.get("properties") or {}), "layer": title}
    collection = {"type": "FeatureCollection", "features": features}
    return title, json.dumps(collection, ensure_ascii=False).encode("utf-8")
