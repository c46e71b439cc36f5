"""The map's place search: a compact names index from the gazetteer, searched in the browser.

Written once next to the map's static files (``names.<key>.json``); ``controls.js`` fetches it
the first time the search box is used and ranks names as :func:`search_names` does here.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import InputError
from geo.maps.assets import atomic_write
from geo.places.names import normalize
from geo.records import PlaceKind

if TYPE_CHECKING:
    from geo.places.gazetteer import Gazetteer

__all__ = [
    "FOLD",
    "NameHit",
    "build_names_index",
    "ensure_names_index",
    "fold",
    "names_index_url",
    "search_names",
]

INDEX_VERSION = 1
# Ukraine, and the Russian regions on its border (and the Kerch strait): every settlement the
# gazetteer has there. Elsewhere only larger places, so the file stays small.
FOCUS_COUNTRIES = frozenset({"UA"})
FOCUS_ADMIN1 = frozenset(
    {"RU.10", "RU.41", "RU.09", "RU.86", "RU.61", "RU.38"}  # Bryansk Kursk Belgorod Voronezh
)  # Rostov Krasnodar
WORLD_MIN_POPULATION = 50_000
FOCUS_BOOST = 20  # a focus-area place outranks a namesake abroad up to 20 times its size
LIMIT = 8

# One folding for Cyrillic and Latin spellings, shared with the browser (sent in the index):
# Cyrillic is romanised, and letters that Ukrainian and Russian romanisations write apart
# meet (г h/g, и y/i), so "Горловка", "Горлівка", "Gorlovka" and "Horlivka" all fold alike.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "ё": "e", "ў": "u",
}  # fmt: skip
FOLD: dict[str, str] = {**_CYRILLIC, "y": "i", "g": "h", "ß": "ss", ",": " ", "(": "", ")": ""}
_FOLD_TABLE = str.maketrans(FOLD)


def fold(text: str) -> str:
    """A name or a query as the search compares it: normalised, romanised, loosely spelt.

    ``"Покровськ"``, ``"Pokrovs'k"`` and ``"POKROVSK"`` all give ``"pokrovsk"``.
    """
    return " ".join(normalize(text).translate(_FOLD_TABLE).split())


@dataclasses.dataclass(frozen=True, slots=True)
class NameHit:
    """One search result: a place with its oblast (admin-1) and country, as the box shows it."""

    name: str
    region: str
    country: str
    lat: float
    lon: float
    kind: str

    @property
    def label(self) -> str:
        """``"Pokrovsk — Donetsk Oblast, Ukraine"``; a region or country says so."""
        where = ", ".join(p for p in (self.region, self.country) if p and p != self.name)
        what = "" if self.kind == "place" else f" ({self.kind})"
        return f"{self.name}{what} — {where}" if where else f"{self.name}{what}"


_KINDS = {
    PlaceKind.COUNTRY.value: "country",
    PlaceKind.ADMIN1.value: "region",
    PlaceKind.ADMIN2.value: "district",
    PlaceKind.POPULATED_PLACE.value: "place",
}


def _wanted(kind: str, cc: str, a1: str, pop: int, capital: bool) -> bool:
    if kind in (PlaceKind.COUNTRY.value, PlaceKind.ADMIN1.value):
        return True
    if kind == PlaceKind.ADMIN2.value:
        return cc in FOCUS_COUNTRIES
    if kind != PlaceKind.POPULATED_PLACE.value:
        return False
    return cc in FOCUS_COUNTRIES or a1 in FOCUS_ADMIN1 or pop >= WORLD_MIN_POPULATION or capital


def _weight(kind: str, cc: str, a1: str, pop: int) -> float:
    focus = cc in FOCUS_COUNTRIES or a1 in FOCUS_ADMIN1
    # Countries and regions first among equal names (their population is their whole area's).
    bonus = {PlaceKind.COUNTRY.value: 3.0, PlaceKind.ADMIN1.value: 1.0}.get(kind, 0.0)
    return bonus + math.log10(max(pop, 0) * (FOCUS_BOOST if focus else 1) + 1)


def build_names_index(gazetteer: Gazetteer) -> dict[str, Any]:
    """The browser's names index: places in rank order, their folded names, regions, countries.

    Parameters
    ----------
    gazetteer : Gazetteer
        The loaded offline gazetteer.

    Returns
    -------
    dict
        JSON-ready: ``fold`` (the folding table), ``regions`` and ``countries`` (names),
        per place ``name``, ``lat``/``lon`` (×10³, integers: ~100 m), ``region``/``country``
        (indexes, -1 none), ``kind``, best first; and ``keys`` with ``place``: the other
        spellings, folded, in place order, so a scan meets better places first.
    """
    # Whole columns as lists once: the index's string columns decode on each read.
    c = {
        k: list(gazetteer.column(k))
        for k in ("name", "lat", "lon", "kind", "country_code", "admin1_code", "admin1_name")
    }
    pops, capital = gazetteer.column("population"), gazetteer.column("capital")
    keep = []
    rows = zip(c["kind"], c["country_code"], c["admin1_code"], strict=True)
    for i, (kind, cc, a1) in enumerate(rows):
        pop = pops[i] or 0
        if c["name"][i] and _wanted(kind, cc or "", a1 or "", pop, bool(capital[i])):
            keep.append((-_weight(kind, cc or "", a1 or "", pop), i))
    keep.sort()
    order = [i for _, i in keep]
    slot = {i: k for k, i in enumerate(order)}
    regions: dict[str, int] = {}
    countries: dict[str, int] = {}
    country_names = {
        c["country_code"][i]: c["name"][i]
        for i, kind in enumerate(c["kind"])
        if kind == PlaceKind.COUNTRY.value
    }
    places: dict[str, list] = {k: [] for k in ("name", "lat", "lon", "region", "country", "kind")}
    for i in order:
        kind = c["kind"][i]
        region = c["admin1_name"][i] if kind not in ("country", "admin1") else ""
        cc = c["country_code"][i] or ""
        country = country_names.get(cc, cc) if kind != "country" else ""
        places["name"].append(c["name"][i])
        places["lat"].append(round(c["lat"][i] * 1e3))
        places["lon"].append(round(c["lon"][i] * 1e3))
        places["region"].append(regions.setdefault(region, len(regions)) if region else -1)
        places["country"].append(countries.setdefault(country, len(countries)) if country else -1)
        places["kind"].append(_KINDS.get(kind, "place"))
    focus = {i for i in order if c["country_code"][i] in FOCUS_COUNTRIES}
    # Primary names are folded where they are searched (here and in the browser), so only
    # the other spellings travel as keys.
    seen = {(i, fold(c["name"][i])) for i in order}
    entries: list[tuple[int, str]] = []
    for key, i, match in gazetteer.names():
        if i not in slot:
            continue
        # Beyond the focus area a big city has dozens of spellings; its name, its ASCII form
        # and our aliases are enough there (Russian ones keep theirs: Cyrillic queries).
        if match == "alternate" and i not in focus and c["country_code"][i] != "RU":
            continue
        folded = " ".join(key.translate(_FOLD_TABLE).split())
        if folded and (i, folded) not in seen:
            seen.add((i, folded))
            entries.append((slot[i], folded))
    entries.sort()
    return {
        "version": INDEX_VERSION,
        "fold": FOLD,
        "regions": list(regions),
        "countries": list(countries),
        "places": places,
        "keys": [e[1] for e in entries],
        "place": [e[0] for e in entries],
    }


def _classify(key: str, q: str, main: int) -> int:
    """0 exact primary name, 1 exact other name, 2/3 the same as prefixes, 4 a word prefix."""
    if key == q:
        return 0 if main else 1
    if key.startswith(q):
        return 2 if main else 3
    if f" {q}" in key:
        return 4
    return 5


def search_names(index: dict[str, Any], query: str, *, limit: int = LIMIT) -> list[NameHit]:
    """Places matching ``query`` as the map's search box ranks them (``controls.js``).

    Exact names before prefixes, primary names before other spellings, then the index's
    order (focus area and population).

    Parameters
    ----------
    index : dict
        From :func:`build_names_index`.
    query : str
        What the user typed, in any script or case.
    limit : int
        At most this many hits.
    """
    q = fold(query)
    if not q:
        return []
    best: dict[int, int] = {}
    names = [(fold(n), p, 1) for p, n in enumerate(index["places"]["name"])]
    others = zip(index["keys"], index["place"], [0] * len(index["keys"]), strict=True)
    for key, p, main in (*names, *others):
        cls = _classify(key, q, main)
        if cls < 5 and cls < best.get(p, 5):
            best[p] = cls
    ranked = sorted(best, key=lambda p: (best[p], p))[:limit]
    pl, regions, countries = index["places"], index["regions"], index["countries"]
    return [
        NameHit(
            name=pl["name"][p],
            region=regions[pl["region"][p]] if pl["region"][p] >= 0 else "",
            country=countries[pl["country"][p]] if pl["country"][p] >= 0 else "",
            lat=pl["lat"][p] / 1e3,
            lon=pl["lon"][p] / 1e3,
            kind=pl["kind"][p],
        )
        for p in ranked
    ]


_URL: list[str | None] = [None]


def names_index_url() -> str | None:
    """The URL of the index written by :func:`ensure_names_index` in this process, or None."""
    return _URL[0]


def ensure_names_index(
    static_dir: str | os.PathLike[str],
    gazetteer: Gazetteer,
    *,
    base_url: str = "/app/static/lib",
) -> Path:
    """Write the names index into ``static_dir/lib`` unless a current one is there.

    The file is named by a hash of the gazetteer's content key and this module's rules, so a new
    gazetteer or ranking gets a new file and browsers never keep a stale copy.

    Returns
    -------
    pathlib.Path
        The file; its URL is then :func:`names_index_url`.
    """
    static = Path(static_dir)
    if static.exists() and not static.is_dir():
        raise InputError(f"{static} is a file; give the app's static folder.")
    lib = static / "lib"
    lib.mkdir(parents=True, exist_ok=True)
    from geo.places.gazetteer_build import sources
    from geo.places.gazetteer_cache import index_key

    rules = Path(__file__).read_bytes()
    tag = hashlib.sha256(rules + f"|{INDEX_VERSION}|{index_key(sources())}".encode())
    target = lib / f"names.{tag.hexdigest()[:10]}.json"
    if not target.is_file():
        data = json.dumps(build_names_index(gazetteer), ensure_ascii=False, separators=(",", ":"))
        atomic_write(target, data.encode("utf-8"))
        for old in lib.glob("names.*.json"):
            if old != target:
                old.unlink(missing_ok=True)
    _URL[0] = f"{base_url.rstrip('/')}/{target.name}"
    return target
