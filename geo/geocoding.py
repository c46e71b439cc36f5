"""Geocoding through geopy: the offline gazetteer as a real geopy geocoder.

Online services sit behind one facade that adds rate limits, a disk cache and offline fallback.
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import json
import re
import sqlite3
import threading
import time
import unicodedata
import warnings
from collections.abc import Iterable, Mapping
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geopy.adapters import AdapterHTTPError, BaseAsyncAdapter, BaseSyncAdapter
from geopy.exc import ConfigurationError, GeocoderNotFound, GeocoderServiceError
from geopy.exc import GeocoderUnavailable as _GeopyUnavailable
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import SERVICE_TO_GEOCODER, get_geocoder_for_service
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from .config import Settings, cache_dir, load_settings, settings_path
from .errors import DataError, InputError
from .records import Candidate, Place, PlaceKind

if TYPE_CHECKING:
    import numpy as np

    from .gazetteer import Gazetteer

__all__ = [
    "CACHE_FILE",
    "RATE_POLICIES",
    "CachedGeocoder",
    "GeocodeCache",
    "GeocoderFallbackWarning",
    "OfflineGeocoder",
    "PlaceGeocoder",
    "RatePolicy",
    "make_geocoder",
    "normalize_query",
    "rate_policy",
    "to_place",
]

CACHE_FILE = "geocode-cache.sqlite"
OFFLINE = "offline"
FALLBACK_SOURCE = "offline-fallback"
EARTH_RADIUS_KM = 6371.0088

Answer = Location | list[Location] | None


class GeocoderFallbackWarning(UserWarning):
    """An online geocoder failed, so the answer came from the offline gazetteer instead."""


# --------------------------------------------------------------------------- offline geocoder


class _NoNetworkAdapter(BaseSyncAdapter):
    """The offline geocoder's default adapter: it refuses every request, by design."""

    def get_json(self, url, *, timeout, headers):
        raise _GeopyUnavailable(f"the offline geocoder makes no HTTP requests (asked for {url})")

    def get_text(self, url, *, timeout, headers):
        raise _GeopyUnavailable(f"the offline geocoder makes no HTTP requests (asked for {url})")


async def _ready(value: Any) -> Any:
    return value


class OfflineGeocoder(Geocoder):
    """A geopy geocoder answering from the offline gazetteer; it never touches the network.

    Drop-in wherever geopy is used: ``RateLimiter(OfflineGeocoder().geocode)`` works, and with
    an async adapter (``adapter_factory=AioHTTPAdapter``) the methods return awaitables, as
    every geopy geocoder does in async mode.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        The index to search; loaded with ``load_gazetteer()`` on first use when omitted.
    timeout, proxies, user_agent, ssl_context, adapter_factory
        Accepted for geopy compatibility and ignored, since no request is ever made. The
        default adapter refuses requests.
    """

    service = OFFLINE

    def __init__(
        self,
        *,
        gazetteer: Gazetteer | None = None,
        timeout=DEFAULT_SENTINEL,
        proxies=DEFAULT_SENTINEL,
        user_agent: str | None = None,
        ssl_context=DEFAULT_SENTINEL,
        adapter_factory=None,
    ):
        super().__init__(
            timeout=timeout,
            proxies=proxies,
            user_agent=user_agent,
            ssl_context=ssl_context,
            adapter_factory=adapter_factory or _NoNetworkAdapter,
        )
        self._gazetteer = gazetteer
        self._lock = threading.Lock()
        self._points: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer in use (loaded on first access)."""
        if self._gazetteer is None:
            with self._lock:
                if self._gazetteer is None:
                    from .gazetteer import load_gazetteer

                    self._gazetteer = load_gazetteer()
        return self._gazetteer

    def _result(self, value: Answer):
        return _ready(value) if isinstance(self.adapter, BaseAsyncAdapter) else value

    def geocode(
        self,
        query: str | Mapping[str, str],
        *,
        exactly_one: bool = True,
        timeout=DEFAULT_SENTINEL,
        limit: int | None = None,
        country_codes: str | Iterable[str] | None = None,
    ):
        """Find places by name, e.g. ``"Kyiv"``, ``"Pokrovsk, Donetsk Oblast"``.

        Parameters
        ----------
        query : str or mapping
            Free text; a structured query (``{"city": ..., "state": ..., "country": ...}``)
            is joined into text, most specific part first.
        exactly_one : bool
            Return the best match only, or a list ranked best first.
        timeout
            Ignored (no request is made); accepted for geopy compatibility.
        limit : int, optional
            Maximum number of results when ``exactly_one`` is false (default 10).
        country_codes : str or iterable of str, optional
            ISO 3166-1 alpha-2 codes to restrict the search to, e.g. ``["UA", "RU"]``.

        Returns
        -------
        geopy.location.Location, list of Location, or None
            ``Location.raw`` holds the gazetteer ``Place`` fields plus ``score`` and
            ``match``; ``None`` when nothing matches.
        """
        text = _query_text(query)
        codes = _country_codes(country_codes)
        if limit is not None and (not isinstance(limit, int) or limit < 1):
            raise InputError(f"limit must be a positive whole number, not {limit!r}.")
        found = self.gazetteer.search(
            text, limit=1 if exactly_one else (limit or 10), country_codes=codes
        )
        locations = [_candidate_location(c) for c in found]
        if not locations:
            return self._result(None)
        return self._result(locations[0] if exactly_one else locations)

    def reverse(
        self,
        query,
        *,
        exactly_one: bool = True,
        timeout=DEFAULT_SENTINEL,
        limit: int | None = None,
        max_distance_km: float | None = None,
    ):
        """The nearest populated place(s) to a point.

        Parameters
        ----------
        query : geopy.point.Point, (lat, lon) or "lat, lon"
            The point to look up.
        exactly_one : bool
            Return the nearest place only, or a list nearest first.
        timeout
            Ignored; accepted for geopy compatibility.
        limit : int, optional
            Maximum number of results when ``exactly_one`` is false (default 5).
        max_distance_km : float, optional
            Ignore places farther away than this (no limit by default).

        Returns
        -------
        geopy.location.Location, list of Location, or None
            ``Location.raw`` holds the ``Place`` fields plus ``distance_km``.
        """
        try:
            point = query if isinstance(query, Point) else Point(query)
        except (TypeError, ValueError) as exc:
            raise InputError(
                f"Cannot read {query!r} as a point ({exc}); give (lat, lon) or 'lat, lon'."
            ) from exc
        if limit is not None and (not isinstance(limit, int) or limit < 1):
            raise InputError(f"limit must be a positive whole number, not {limit!r}.")
        import numpy as np

        ids, lat, lon = self._populated_points()
        if ids.size == 0:
            return self._result(None)
        lat0, lon0 = np.radians(point.latitude), np.radians(point.longitude)
        hav = (
            np.sin((lat - lat0) / 2) ** 2
            + np.cos(lat0) * np.cos(lat) * np.sin((lon - lon0) / 2) ** 2
        )
        dist = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(hav, 0.0, 1.0)))
        k = 1 if exactly_one else min(limit or 5, ids.size)
        nearest = np.argpartition(dist, k - 1)[:k] if k < ids.size else np.arange(ids.size)
        nearest = nearest[np.argsort(dist[nearest], kind="stable")]
        locations = []
        for i in nearest:
            if max_distance_km is not None and dist[i] > max_distance_km:
                break
            place = self.gazetteer.get(str(ids[i]))
            if place is not None:
                raw = _place_raw(place) | {"distance_km": round(float(dist[i]), 3)}
                locations.append(Location(_address(place), (place.lat, place.lon), raw))
        if not locations:
            return self._result(None)
        return self._result(locations[0] if exactly_one else locations)

    def _populated_points(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        # Built once per geocoder: a reverse lookup is then one vectorised pass.
        if self._points is None:
            import numpy as np

            frame = self.gazetteer.populated_places()
            with self._lock:
                self._points = (
                    frame["place_id"].astype(str).to_numpy(),
                    np.radians(frame["lat"].to_numpy(dtype=float)),
                    np.radians(frame["lon"].to_numpy(dtype=float)),
                )
        return self._points


def _query_text(query: object) -> str:
    if isinstance(query, Mapping):
        order = ("query", "city", "county", "state", "country")
        parts = [str(query[k]) for k in order if query.get(k)]
        parts += [str(v) for k, v in query.items() if k not in order and v]
        query = ", ".join(parts)
    if not isinstance(query, str):
        raise InputError(f"A place query must be text, not {type(query).__name__}.")
    text = " ".join(query.split())
    if not text:
        raise InputError("The place query is empty; give a name such as 'Kyiv'.")
    return text


def _country_codes(codes: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if codes is None:
        return None
    items = [codes] if isinstance(codes, str) else list(codes)
    out = tuple(str(c).strip().upper() for c in items)
    bad = [c for c in out if not re.fullmatch(r"[A-Z]{2}", c)]
    if bad:
        raise InputError(
            f"Country codes must be two-letter ISO 3166-1 codes such as 'UA'; got {bad}."
        )
    return out or None


def _place_raw(place: Place) -> dict[str, Any]:
    raw = dataclasses.asdict(place)
    raw["kind"] = str(place.kind)  # plain text, so the dict is JSON as it stands
    return raw


def _address(place: Place) -> str:
    parts = [place.name, place.admin1_name, place.country_code]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def _candidate_location(candidate: Candidate) -> Location:
    place = candidate.place
    raw = _place_raw(place) | {"score": candidate.score, "match": candidate.match}
    return Location(_address(place), (place.lat, place.lon), raw)


# --------------------------------------------------------------------------- online answers

_PLACE_FIELDS = tuple(f.name for f in dataclasses.fields(Place))
_OSM_TYPES = {"N": "node", "W": "way", "R": "relation"}
_KINDS = {
    "country": PlaceKind.COUNTRY,
    "state": PlaceKind.ADMIN1,
    "province": PlaceKind.ADMIN1,
    "oblast": PlaceKind.ADMIN1,
    "region": PlaceKind.REGION,
    **dict.fromkeys(
        ("city", "town", "village", "hamlet", "municipality", "locality", "isolated_dwelling"),
        PlaceKind.POPULATED_PLACE,
    ),
}


def to_place(location: Location, *, service: str) -> Place:
    """Turn any geopy ``Location`` into a ``Place``.

    Answers of the offline geocoder (and offline fallbacks) give back their gazetteer place.
    Others get ``place_id`` ``"<service>:<osm_type>/<osm_id>"`` when the service reports an
    OpenStreetMap object (Nominatim, Photon), else ``"<service>:<hash of lat/lon>"``.

    Parameters
    ----------
    location : geopy.location.Location
        A geocoder's answer.
    service : str
        The service that gave it ("nominatim", "photon", ...); becomes ``Place.source``.

    Returns
    -------
    Place
    """
    raw = location.raw if isinstance(location.raw, Mapping) else {}
    if _is_place_raw(raw):
        values = {k: raw[k] for k in _PLACE_FIELDS if k in raw}
        return Place(**(values | {"kind": PlaceKind(raw["kind"])}))
    props = raw.get("properties") if isinstance(raw.get("properties"), Mapping) else {}
    addr = raw.get("address") if isinstance(raw.get("address"), Mapping) else {}
    lat, lon = float(location.latitude), float(location.longitude)
    osm_type = raw.get("osm_type") or props.get("osm_type")
    osm_id = raw.get("osm_id") or props.get("osm_id")
    geonameid = _int(raw.get("geonameId"))
    if osm_type and osm_id:
        ident = f"{_OSM_TYPES.get(str(osm_type).upper(), str(osm_type).lower())}/{osm_id}"
    elif geonameid is not None:
        ident = str(geonameid)
    else:
        ident = hashlib.sha1(f"{lat:.6f},{lon:.6f}".encode()).hexdigest()[:16]
    kind_word = raw.get("addresstype") or props.get("type") or raw.get("type") or ""
    country = addr.get("country_code") or props.get("countrycode") or raw.get("countryCode")
    extratags = raw.get("extratags") if isinstance(raw.get("extratags"), Mapping) else {}
    return Place(
        place_id=f"{service}:{ident}",
        name=str(
            raw.get("name") or props.get("name") or str(location.address).split(",")[0].strip()
        ),
        lat=lat,
        lon=lon,
        kind=_KINDS.get(str(kind_word).lower(), PlaceKind.POINT),
        country_code=str(country).upper() if country else None,
        admin1_name=addr.get("state") or props.get("state") or raw.get("adminName1") or None,
        geonameid=geonameid,
        population=_int(extratags.get("population") or raw.get("population")),
        source=service,
    )


def _is_place_raw(raw: Mapping[str, Any]) -> bool:
    """Whether ``raw`` is one of our own answers (the ``Place`` fields), not a service's JSON."""
    keys = ("place_id", "name", "kind", "lat", "lon")
    return all(k in raw for k in keys) and raw["kind"] in {str(k) for k in PlaceKind}


def _int(value: object) -> int | None:
    try:
        return int(str(value).replace(",", "").strip()) if value not in (None, "") else None
    except ValueError:
        return None


# --------------------------------------------------------------------------- cache


def normalize_query(query: str) -> str:
    """The cache form of a query: NFKC, case-folded, single spaces, ``", "`` separators."""
    text = unicodedata.normalize("NFKC", query).casefold()
    text = re.sub(r"\s*,\s*", ", ", " ".join(text.split()))
    return text.strip(" ,")


class GeocodeCache:
    """Answers of online geocoders in SQLite, keyed by (service, normalised query, exactly_one).

    Answers (including "nothing found") are kept until the file is deleted; each operation
    opens its own connection, so one cache can be shared across threads and processes.

    Parameters
    ----------
    path : path-like
        The SQLite file; created with its folder on first write.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = sqlite3.connect(self.path, timeout=30)
            con.execute(
                "CREATE TABLE IF NOT EXISTS answers (service TEXT NOT NULL, query TEXT NOT NULL,"
                " exactly_one INTEGER NOT NULL, answer TEXT NOT NULL, created REAL NOT NULL,"
                " PRIMARY KEY (service, query, exactly_one))"
            )
        except sqlite3.DatabaseError as exc:
            raise DataError(
                f"Geocoder cache {self.path} is unreadable ({exc}); delete the file, it is"
                " rebuilt from the services on demand."
            ) from exc
        return con

    def lookup(self, service: str, query: str, *, exactly_one: bool) -> tuple[bool, Answer]:
        """``(True, answer)`` when cached (the answer may be ``None``), else ``(False, None)``."""
        with closing(self._connect()) as con:
            row = con.execute(
                "SELECT answer FROM answers WHERE service=? AND query=? AND exactly_one=?",
                (service, normalize_query(query), int(exactly_one)),
            ).fetchone()
        if row is None:
            return False, None
        data = json.loads(row[0])
        if data is None:
            return True, None
        if isinstance(data, list):
            return True, [_decode(d) for d in data]
        return True, _decode(data)

    def store(self, service: str, query: str, *, exactly_one: bool, answer: Answer) -> None:
        """Remember a service's answer to a query."""
        if answer is None:
            data: object = None
        elif isinstance(answer, list):
            data = [_encode(a) for a in answer]
        else:
            data = _encode(answer)
        with closing(self._connect()) as con, con:
            con.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                (
                    service,
                    normalize_query(query),
                    int(exactly_one),
                    json.dumps(data, ensure_ascii=False, default=str),
                    time.time(),
                ),
            )

    def __len__(self) -> int:
        if not self.path.exists():
            return 0
        with closing(self._connect()) as con:
            return con.execute("SELECT count(*) FROM answers").fetchone()[0]


def _encode(location: Location) -> dict[str, Any]:
    return {
        "address": location.address,
        "lat": location.latitude,
        "lon": location.longitude,
        "alt": location.altitude,
        "raw": location.raw,
    }


def _decode(data: Mapping[str, Any]) -> Location:
    return Location(data["address"], (data["lat"], data["lon"], data["alt"]), data["raw"])


# --------------------------------------------------------------------------- rate policies


@dataclasses.dataclass(frozen=True, slots=True)
class RatePolicy:
    """How politely to call one online service.

    ``min_delay_seconds`` spaces requests (1 / requests-per-second); ``max_retries`` and
    ``error_wait_seconds`` go to geopy's ``RateLimiter``; after a failure the service is
    skipped (answers come from the offline gazetteer) for ``cooldown_seconds``, so an
    offline machine does not wait for a timeout on every query.
    """

    min_delay_seconds: float
    max_retries: int = 1
    error_wait_seconds: float = 2.0
    cooldown_seconds: float = 60.0


# Keep in step with the table in docs/geocoding.md.
RATE_POLICIES: dict[str, RatePolicy] = {
    "nominatim": RatePolicy(1.0),  # OSMF usage policy: at most one request per second
    "openmapquest": RatePolicy(1.0),
    "pickpoint": RatePolicy(1.0),
    "photon": RatePolicy(1.0),
    "opencage": RatePolicy(1.0),
    "geonames": RatePolicy(3.6),  # free accounts: 1,000 credits an hour
    "arcgis": RatePolicy(0.5),
}
DEFAULT_POLICY = RatePolicy(0.2)


def rate_policy(service: str, options: Mapping[str, object] | None = None) -> RatePolicy:
    """The policy for a service, with ``min_delay_seconds`` from the settings if given."""
    policy = RATE_POLICIES.get(service, DEFAULT_POLICY)
    options = options or {}
    if "min_delay_seconds" not in options:
        return policy
    raw = options["min_delay_seconds"]
    try:
        delay = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise InputError(f"min_delay_seconds {raw!r} is not a number of seconds.") from exc
    if delay < 0:
        raise InputError(f"min_delay_seconds must not be negative, got {delay}.")
    if service == "nominatim" and "domain" not in options and delay < 1.0:
        raise InputError(
            "The public Nominatim server allows at most one request per second: set"
            " min_delay_seconds to 1 or more, or point `domain` at your own Nominatim server."
        )
    return dataclasses.replace(
        policy, min_delay_seconds=delay, error_wait_seconds=max(policy.error_wait_seconds, delay)
    )


# --------------------------------------------------------------------------- facade

# What an online call may raise when the service (or the network) lets us down.
_SERVICE_FAILURES = (GeocoderServiceError, AdapterHTTPError, OSError)


class PlaceGeocoder:
    """One geocoder for the app: ``geocode(query, *, exactly_one=True)``, or call it directly.

    Online services are rate-limited, cached on disk and fall back to the offline gazetteer
    (with a ``GeocoderFallbackWarning``) when they fail. Build it with ``make_geocoder``.

    Attributes
    ----------
    service : str
        "offline" or the geopy service name.
    geocoder : geopy.geocoders.base.Geocoder
        The underlying geopy geocoder.
    limiter : RateLimiter or None
        Wraps ``geocoder.geocode`` for online services.
    cache : GeocodeCache or None
        Online services only.
    """

    def __init__(
        self,
        service: str,
        geocoder: Geocoder,
        *,
        policy: RatePolicy | None = None,
        cache: GeocodeCache | None = None,
        fallback: OfflineGeocoder | None = None,
    ):
        self.service = service
        self.geocoder = geocoder
        self.policy = policy
        self.cache = cache
        self.limiter = (
            None
            if policy is None
            else RateLimiter(
                geocoder.geocode,
                min_delay_seconds=policy.min_delay_seconds,
                max_retries=policy.max_retries,
                error_wait_seconds=max(policy.error_wait_seconds, policy.min_delay_seconds),
                swallow_exceptions=False,
            )
        )
        self._fallback = fallback
        self._down_until = 0.0
        self._down_reason = ""

    def __repr__(self) -> str:
        return f"PlaceGeocoder(service={self.service!r})"

    def __call__(self, query: str, *, exactly_one: bool = True) -> Answer:
        """Same as ``geocode``, so the facade can be mapped over a column of names."""
        return self.geocode(query, exactly_one=exactly_one)

    def geocode(self, query: str, *, exactly_one: bool = True) -> Answer:
        """Find a place by name.

        Parameters
        ----------
        query : str
            Free text such as ``"Pokrovsk, Donetsk Oblast"``.
        exactly_one : bool
            Return the best match only, or a list ranked best first.

        Returns
        -------
        geopy.location.Location, list of Location, or None
            ``None`` when nothing matches. Fallback answers carry
            ``raw["source"] == "offline-fallback"`` and ``raw["fallback_for"]``.
        """
        text = _query_text(query)
        if self.limiter is None:
            return self.geocoder.geocode(text, exactly_one=exactly_one)
        assert self.cache is not None and self.policy is not None
        hit, answer = self.cache.lookup(self.service, text, exactly_one=exactly_one)
        if hit:
            return answer
        if time.monotonic() < self._down_until:
            return self._fall_back(text, exactly_one=exactly_one, reason=self._down_reason)
        try:
            answer = self.limiter(text, exactly_one=exactly_one)
        except _SERVICE_FAILURES as exc:
            reason = f"{type(exc).__name__}: {exc}"
            self._down_until = time.monotonic() + self.policy.cooldown_seconds
            self._down_reason = f"{reason}; retrying it after {self.policy.cooldown_seconds:g} s"
            return self._fall_back(text, exactly_one=exactly_one, reason=reason)
        self.cache.store(self.service, text, exactly_one=exactly_one, answer=answer)
        return answer

    def geocode_place(self, query: str) -> Place | None:
        """The best match as a ``Place`` (see ``to_place``), or ``None``."""
        location = self.geocode(query, exactly_one=True)
        return None if location is None else to_place(location, service=self.service)

    def _fall_back(self, text: str, *, exactly_one: bool, reason: str) -> Answer:
        warnings.warn(
            GeocoderFallbackWarning(
                f"The {self.service} geocoder failed ({reason}); answered {text!r} from the"
                " offline gazetteer instead."
            ),
            stacklevel=3,
        )
        if self._fallback is None:
            self._fallback = OfflineGeocoder()
        answer = self._fallback.geocode(text, exactly_one=exactly_one)
        if answer is None:
            return None
        marked = [
            Location(
                loc.address,
                loc.point,
                loc.raw | {"source": FALLBACK_SOURCE, "fallback_for": self.service},
            )
            for loc in (answer if isinstance(answer, list) else [answer])
        ]
        return marked if isinstance(answer, list) else marked[0]


CachedGeocoder = PlaceGeocoder  # the name docs/ARCHITECTURE.md uses


def make_geocoder(
    settings: Settings | None = None,
    *,
    adapter_factory=None,
    gazetteer: Gazetteer | None = None,
    cache_path: str | Path | None = None,
    policy: RatePolicy | None = None,
) -> PlaceGeocoder:
    """The geocoder the settings ask for.

    Parameters
    ----------
    settings : Settings, optional
        Defaults to ``load_settings()``. ``settings.geocoder`` is "offline" or a geopy
        service name; ``geocoder_options`` go to its constructor (``min_delay_seconds``
        is taken out and overrides the rate policy).
    adapter_factory : callable, optional
        geopy adapter factory for online services (tests inject canned replies here).
    gazetteer : Gazetteer, optional
        For the offline geocoder and the fallback; loaded on first use when omitted.
    cache_path : path-like, optional
        The SQLite cache file; default ``cache_dir() / "geocode-cache.sqlite"``.
    policy : RatePolicy, optional
        Overrides the service's rate policy.

    Returns
    -------
    PlaceGeocoder

    Raises
    ------
    InputError
        Unknown service, or options the service cannot be built with (e.g. Nominatim
        without a user agent, or a missing API key).
    """
    settings = settings or load_settings()
    service = settings.geocoder.strip().lower()
    offline = OfflineGeocoder(gazetteer=gazetteer)
    if service == OFFLINE:
        return PlaceGeocoder(OFFLINE, offline)
    try:
        cls = get_geocoder_for_service(service)
    except GeocoderNotFound:
        names = ", ".join([OFFLINE, *sorted(SERVICE_TO_GEOCODER)])
        raise InputError(
            f"Unknown geocoder {settings.geocoder!r}; set GEO_GEOCODER or [geocoder] service"
            f" to one of: {names}."
        ) from None
    options = dict(settings.geocoder_options)
    chosen = policy or rate_policy(service, options)
    options.pop("min_delay_seconds", None)
    if service == "nominatim" and not options.get("user_agent"):
        raise InputError(
            "Nominatim's usage policy requires a user agent naming your application: set"
            " GEO_GEOCODER_USER_AGENT, or user_agent under [geocoder] in"
            f" {settings_path()}."
        )
    _check_required(cls, service, options)
    try:
        geocoder = cls(
            **options, timeout=settings.geocoder_timeout, adapter_factory=adapter_factory
        )
    except (TypeError, ConfigurationError) as exc:
        raise InputError(
            f"Cannot set up the {service} geocoder with options {sorted(options)} ({exc});"
            f" fix the [geocoder] keys in {settings_path()}."
        ) from exc
    cache = GeocodeCache(cache_path if cache_path is not None else cache_dir() / CACHE_FILE)
    return PlaceGeocoder(service, geocoder, policy=chosen, cache=cache, fallback=offline)


def _check_required(cls: type, service: str, options: Mapping[str, object]) -> None:
    params = inspect.signature(cls.__init__).parameters.values()
    missing = [
        p.name
        for p in params
        if p.name != "self"
        and p.default is inspect.Parameter.empty
        and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        and p.name not in options
    ]
    if missing:
        hint = " (GEO_GEOCODER_API_KEY)" if "api_key" in missing else ""
        raise InputError(
            f"The {service} geocoder needs {', '.join(missing)}{hint}: set it under"
            f" [geocoder] in {settings_path()}."
        )
