"""Geocoding through geopy: one facade for the offline gazetteer and the online services.

Online services get rate limits, a disk cache and the offline fallback; answers become Places.
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import logging
import math
import time
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geopy.adapters import AdapterHTTPError
from geopy.exc import (
    ConfigurationError,
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderNotFound,
    GeocoderParseError,
    GeocoderQueryError,
    GeocoderQuotaExceeded,
    GeocoderServiceError,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import SERVICE_TO_GEOCODER, get_geocoder_for_service
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo.config import Settings, cache_dir, load_settings, settings_path
from geo.errors import InputError
from geo.places.geocode_cache import CACHE_FILE, Answer, GeocodeCache, normalize_query
from geo.places.http import DeadlineAdapter
from geo.places.offline import OFFLINE, OfflineGeocoder, _query_text
from geo.places.rates import DEFAULT_POLICY as DEFAULT_POLICY
from geo.places.rates import RATE_POLICIES, RatePolicy, rate_policy
from geo.places.spatial import EARTH_RADIUS_KM as EARTH_RADIUS_KM
from geo.records import Place, PlaceKind

if TYPE_CHECKING:
    from geo.places.gazetteer import Gazetteer

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

FALLBACK_SOURCE = "offline-fallback"


class GeocoderFallbackWarning(UserWarning):
    """An online geocoder failed, so the answer came from the offline gazetteer instead."""


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


# --------------------------------------------------------------------------- facade

# What an online call may raise when the service (or the network) lets us down.
_SERVICE_FAILURES = (GeocoderServiceError, AdapterHTTPError, OSError)
# What geopy's parsers raise on a reply of the wrong shape ({"unexpected": true}, a list of
# objects without lat/lon, "lat": "north"): the service failed, not the caller.
_BAD_REPLY = (TypeError, ValueError, KeyError, IndexError, AttributeError)
# Failures that the same request will meet again: retrying only spends the deadline.
_LASTING = (
    GeocoderParseError,
    GeocoderQueryError,
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderQuotaExceeded,
)
MIN_ATTEMPT_SECONDS = 1.0  # a retry needs at least this much of the deadline left
_log = logging.getLogger(__name__)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:199] + "…"


def _checked(answer: object) -> Answer:
    """The answer if it is one (None, a Location, a list of them), else GeocoderParseError."""
    if answer is None:
        return None
    for loc in answer if isinstance(answer, list) else [answer]:
        ok = isinstance(loc, Location)
        try:
            lat, lon = (float(loc.latitude), float(loc.longitude)) if ok else (0.0, 0.0)
        except (TypeError, ValueError):
            ok = False
        if not ok or not (math.isfinite(lat) and math.isfinite(lon)):
            raise GeocoderParseError("the reply is not a valid answer: a place without lat/lon")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise GeocoderParseError(f"the reply is not a valid answer: lat/lon {lat}, {lon}")
    return answer  # type: ignore[return-value]


class _Relay(logging.Handler):
    """Library log records, passed on at DEBUG as one line each, without their traceback."""

    def emit(self, record: logging.LogRecord) -> None:
        exc = record.exc_info[1] if record.exc_info else None
        why = f" ({type(exc).__name__}: {_one_line(exc)})" if exc else ""
        _log.debug("%s: %s%s", record.name, " ".join(record.getMessage().split()), why)


def _route_library_logs() -> None:
    """Keep geopy's and urllib3's retry logs (25-line tracebacks) off the terminal.

    Their records go to this module's logger at DEBUG, one line each; the user sees the one
    ``GeocoderFallbackWarning`` instead.
    """
    for name in ("geopy", "urllib3"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, _Relay) for h in logger.handlers):
            logger.addHandler(_Relay())
        logger.propagate = False


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
            # Spacing only: retries are ours, within the query's deadline (see _ask).
            else RateLimiter(
                geocoder.geocode,
                min_delay_seconds=policy.min_delay_seconds,
                max_retries=0,
                swallow_exceptions=False,
            )
        )
        self._fallback = fallback
        self._down_until = 0.0
        self._down_reason = ""
        timeout = getattr(geocoder, "timeout", None)
        self.deadline_seconds = float(timeout) if isinstance(timeout, int | float) else 10.0
        self._takes_timeout = "timeout" in inspect.signature(geocoder.geocode).parameters
        if policy is not None:
            _route_library_logs()

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
            answer = self._ask(text, exactly_one=exactly_one)
        except _SERVICE_FAILURES as exc:
            reason = f"{type(exc).__name__}: {_one_line(exc)}"
            self._down_until = time.monotonic() + self.policy.cooldown_seconds
            self._down_reason = f"{reason}; retrying it after {self.policy.cooldown_seconds:g} s"
            return self._fall_back(text, exactly_one=exactly_one, reason=reason)
        self.cache.store(self.service, text, exactly_one=exactly_one, answer=answer)
        return answer

    def _ask(self, text: str, *, exactly_one: bool) -> Answer:
        """The service's answer within one deadline for the query, retries included.

        Each attempt gets what is left of ``deadline_seconds`` (connect and read, however
        slowly the server sends); a retry is made only for a passing failure and only when
        the wait and at least ``MIN_ATTEMPT_SECONDS`` still fit.
        """
        assert self.limiter is not None and self.policy is not None
        deadline = time.monotonic() + self.deadline_seconds
        retries = self.policy.max_retries
        first = True
        while True:
            kwargs: dict[str, Any] = {"exactly_one": exactly_one}
            if self._takes_timeout:  # the first attempt may use the whole deadline
                left = self.deadline_seconds if first else deadline - time.monotonic()
                kwargs["timeout"] = max(left, 0.001)
            first = False
            caught: list[warnings.WarningMessage] = []
            try:
                # geopy warns before it fails on some replies (a latitude of 123): the user
                # hears of the failure once, in the fallback warning.
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    return _checked(self._reply(text, kwargs))
            except _SERVICE_FAILURES as exc:
                wait = self.policy.error_wait_seconds
                left = deadline - time.monotonic() - wait
                if retries <= 0 or isinstance(exc, _LASTING) or left < MIN_ATTEMPT_SECONDS:
                    raise
                _log.debug("%s failed (%s); retrying", self.service, _one_line(exc))
                retries -= 1
                time.sleep(wait)
            finally:
                for w in caught:
                    _log.debug("%s: %s", self.service, _one_line(w.message))

    def _reply(self, text: str, kwargs: dict[str, Any]) -> Any:
        """One call to the service; a reply of the wrong shape is a GeocoderParseError."""
        assert self.limiter is not None
        try:
            return self.limiter(text, **kwargs)
        except _SERVICE_FAILURES:
            raise
        except _BAD_REPLY as exc:
            raise GeocoderParseError(
                f"the reply is not a valid answer ({type(exc).__name__}: {_one_line(exc)})"
            ) from None

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
        geopy adapter factory for online services (tests inject canned replies here);
        default :class:`geo.places.http.DeadlineAdapter`, whose timeout is a deadline for
        the whole request. ``settings.geocoder_timeout`` is the deadline of one query,
        retries included.
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
            **options,
            timeout=settings.geocoder_timeout,
            adapter_factory=adapter_factory or DeadlineAdapter,
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
