"""The offline gazetteer as a real geopy geocoder: forward and reverse, never on the network.

Answers are geopy ``Location`` objects whose ``raw`` holds the gazetteer ``Place`` fields.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import weakref
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from geopy.adapters import BaseAsyncAdapter, BaseSyncAdapter
from geopy.exc import GeocoderUnavailable as _GeopyUnavailable
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.errors import InputError
from geo.places.spatial import PointIndex
from geo.records import Candidate, Place

if TYPE_CHECKING:
    import numpy as np

    from geo.places.gazetteer import Gazetteer
    from geo.places.geocode_cache import Answer

__all__ = ["OFFLINE", "OfflineGeocoder"]

OFFLINE = "offline"

# One spatial index of populated places per gazetteer, shared by every geocoder over it and
# dropped with the gazetteer.
_INDEXES: weakref.WeakKeyDictionary[Any, tuple[np.ndarray, PointIndex]] = (
    weakref.WeakKeyDictionary()
)
_INDEX_LOCK = threading.Lock()


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

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer in use (loaded on first access)."""
        if self._gazetteer is None:
            with self._lock:
                if self._gazetteer is None:
                    from geo.places.gazetteer import load_gazetteer

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
        ids, index = self._populated_index()
        k = 1 if exactly_one else (limit or 5)
        nearest, dist = index.nearest(point.latitude, point.longitude, k=k, max_km=max_distance_km)
        locations = []
        for i, d in zip(nearest.tolist(), dist.tolist(), strict=True):
            place = self.gazetteer.get(str(ids[i]))
            if place is not None:
                raw = _place_raw(place) | {"distance_km": round(d, 3)}
                locations.append(Location(_address(place), (place.lat, place.lon), raw))
        if not locations:
            return self._result(None)
        return self._result(locations[0] if exactly_one else locations)

    def _populated_index(self) -> tuple[np.ndarray, PointIndex]:
        # Built once per gazetteer (about a second for 235k places); a query then reads the
        # few grid cells around its point instead of measuring the distance to every place.
        gaz = self.gazetteer
        with _INDEX_LOCK:
            found = _INDEXES.get(gaz)
            if found is None:
                frame = gaz.populated_places()
                found = (
                    frame["place_id"].astype(str).to_numpy(),
                    PointIndex(
                        frame["lat"].to_numpy(dtype=float), frame["lon"].to_numpy(dtype=float)
                    ),
                )
                _INDEXES[gaz] = found
        return found


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


_PLACE_FIELDS = tuple(f.name for f in dataclasses.fields(Place))


def _place_raw(place: Place) -> dict[str, Any]:
    # Fields one by one: a Place holds only scalars, and asdict's deep copy would cost more
    # than the reverse lookup itself.
    raw = {name: getattr(place, name) for name in _PLACE_FIELDS}
    raw["kind"] = str(place.kind)  # plain text, so the dict is JSON as it stands
    return raw


def _address(place: Place) -> str:
    parts = [place.name, place.admin1_name, place.country_code]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def _candidate_location(candidate: Candidate) -> Location:
    place = candidate.place
    raw = _place_raw(place) | {"score": candidate.score, "match": candidate.match}
    return Location(_address(place), (place.lat, place.lon), raw)
