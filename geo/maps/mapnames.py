"""The basemap's names: which places, oblasts, countries and waters, and from which zoom.

Candidates come from the gazetteer and the settlement tables in ``data/``; a collision rule
places them zoom by zoom (:func:`place_labels`). :mod:`geo.maps.labels` writes the result.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.config import data_dir
from geo.errors import InputError
from geo.maps.basemap import ADMIN1_COUNTRIES, DETAIL_BOUNDS, SHARP_BOUNDS

if TYPE_CHECKING:
    from geo.places.gazetteer import Gazetteer

__all__ = [
    "MAX_ZOOM",
    "MIN_POPULATION",
    "SCRIPTS",
    "STYLES",
    "Label",
    "Placement",
    "check_script",
    "label_box",
    "label_candidates",
    "merc",
    "min_zoom_for",
    "place_labels",
]

SCRIPTS = ("latin", "cyrillic")
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
PAD = 3  # pixels kept clear around every label
CELL = 64  # collision grid cell, pixels


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


def check_script(script: str) -> None:
    """Refuse a script the names are not written in (an InputError that lists them)."""
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
    check_script(script)
    cyr = script == "cyrillic"
    out: list[Label] = []

    countries = {}
    for cc in _country_codes():
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


def _country_codes() -> list[str]:
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


def merc(lat: float, lon: float) -> tuple[float, float]:
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
    spots = [[merc(lb.lat, lb.lon), *(merc(a, o) for a, o in lb.alternates)] for lb in labels]
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
