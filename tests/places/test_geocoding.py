"""geo.places.geocoding: the offline geopy geocoder, the online facade, its cache and fallback.

No test touches the network: online services get canned replies through geopy's adapter
interface, and an autouse fixture makes every socket connection and DNS lookup fail.
"""

from __future__ import annotations

import asyncio
import json
import socket
import warnings
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from geopy.adapters import AdapterHTTPError, BaseAsyncAdapter, BaseSyncAdapter
from geopy.distance import great_circle
from geopy.exc import (
    GeocoderQuotaExceeded,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
)
from geopy.extra import rate_limiter as geopy_rate_limiter
from geopy.extra.rate_limiter import AsyncRateLimiter, RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo.config import Settings, load_settings
from geo.errors import DataError, InputError
from geo.places.geocoding import (
    GeocodeCache,
    GeocoderFallbackWarning,
    OfflineGeocoder,
    PlaceGeocoder,
    RatePolicy,
    make_geocoder,
    normalize_query,
    to_place,
)
from geo.records import Candidate, Place, PlaceKind

# --------------------------------------------------------------------------- guards and fakes


class NetworkBlocked(OSError):
    """Raised by the socket guard: a test tried to reach the network."""


@pytest.fixture(autouse=True)
def no_network(monkeypatch) -> list[tuple]:
    """Every outgoing connection or DNS lookup fails and is recorded."""
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkBlocked(f"network use in a test: {args[1:] or args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def _place(pid, name, lat, lon, cc, a1, a1_name, pop, kind=PlaceKind.POPULATED_PLACE):
    return Place(
        place_id=pid,
        name=name,
        lat=lat,
        lon=lon,
        kind=kind,
        country_code=cc,
        admin1_code=a1,
        admin1_name=a1_name,
        geonameid=int(pid[3:]) if pid.startswith("gn:") else None,
        population=pop,
    )


# Invented ids; coordinates rounded. Just enough to exercise the geocoder, not the ranking.
FAKE_PLACES = {
    "Kyiv": (_place("gn:1", "Kyiv", 50.45, 30.52, "UA", "UA.12", "Kyiv City", 2_800_000), []),
    "Pokrovsk": (
        _place("gn:2", "Pokrovsk", 48.28, 37.18, "UA", "UA.05", "Donetsk Oblast", 60_000),
        [_place("gn:3", "Pokrovsk", 61.48, 129.15, "RU", "RU.63", "Sakha", 9_000)],
    ),
    "Sudzha": (_place("gn:4", "Sudzha", 51.19, 35.27, "RU", "RU.41", "Kursk Oblast", 6_900), []),
}


class FakeGazetteer:
    """The Gazetteer methods the geocoder uses; records search calls."""

    def __init__(self):
        self.places = [p for first, rest in FAKE_PLACES.values() for p in [first, *rest]]
        self.calls: list[dict] = []

    def search(self, query, *, limit=10, country_codes=None):
        self.calls.append({"query": query, "limit": limit, "country_codes": country_codes})
        name, *quals = [p.strip().casefold() for p in query.split(",")]
        hits = [p for p in self.places if p.name.casefold() == name]
        if country_codes:
            hits = [p for p in hits if p.country_code in set(country_codes)]
        scored = [
            Candidate(p, 1.0 + sum(q in (p.admin1_name or "").casefold() for q in quals), "name")
            for p in hits
        ]
        return sorted(scored, key=lambda c: -c.score)[:limit]

    def get(self, place_id):
        return next((p for p in self.places if p.place_id == place_id), None)

    def populated_places(self, *, country_codes=None, min_population=0):
        return pd.DataFrame(
            [
                {"place_id": p.place_id, "name": p.name, "lat": p.lat, "lon": p.lon}
                for p in self.places
            ]
        )


@dataclass
class Canned:
    """Canned service replies behind a geopy adapter; records every request made."""

    reply: object = field(default_factory=list)
    error: BaseException | None = None
    requests: list[dict] = field(default_factory=list)

    def factory(self, *, proxies, ssl_context):
        return CannedAdapter(self, proxies=proxies, ssl_context=ssl_context)

    def urls(self) -> list[str]:
        return [r["url"] for r in self.requests]


class CannedAdapter(BaseSyncAdapter):
    def __init__(self, canned: Canned, *, proxies, ssl_context):
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.canned = canned

    def get_json(self, url, *, timeout, headers):
        self.canned.requests.append({"url": url, "timeout": timeout, "headers": headers})
        if self.canned.error is not None:
            raise self.canned.error
        return self.canned.reply

    def get_text(self, url, *, timeout, headers):
        return json.dumps(self.get_json(url, timeout=timeout, headers=headers))


# Written for these tests in the shape of a Nominatim /search reply; ids are invented.
NOMINATIM_KYIV = [
    {
        "place_id": 900001,
        "osm_type": "relation",
        "osm_id": 1001,
        "lat": "50.4501",
        "lon": "30.5234",
        "class": "boundary",
        "type": "administrative",
        "addresstype": "city",
        "name": "Київ",
        "display_name": "Київ, Україна",
        "address": {"city": "Київ", "state": "Київ", "country": "Україна", "country_code": "ua"},
    }
]
# The shape of a Photon reply (GeoJSON features); ids are invented.
PHOTON_SUDZHA = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [35.27, 51.19]},
            "properties": {
                "osm_type": "N",
                "osm_id": 2002,
                "name": "Sudzha",
                "type": "city",
                "state": "Kursk Oblast",
                "country": "Russia",
                "countrycode": "RU",
            },
        }
    ],
}
QUICK = RatePolicy(min_delay_seconds=0.0, max_retries=1, error_wait_seconds=0.0, cooldown_seconds=0)


@pytest.fixture()
def fake_gazetteer() -> FakeGazetteer:
    return FakeGazetteer()


@pytest.fixture()
def canned() -> Canned:
    return Canned(reply=NOMINATIM_KYIV)


@pytest.fixture()
def cache_path(tmp_path):
    return tmp_path / "geocode-cache.sqlite"


@pytest.fixture()
def nominatim(canned, cache_path, fake_gazetteer):
    settings = Settings(geocoder="nominatim", geocoder_options={"user_agent": "geo-tests/1"})

    def build(**kw) -> PlaceGeocoder:
        kw = {"policy": QUICK} | kw
        return make_geocoder(
            settings,
            adapter_factory=canned.factory,
            gazetteer=fake_gazetteer,
            cache_path=cache_path,
            **kw,
        )

    return build


@dataclass
class FakeClock:
    now_s: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def now(self) -> float:
        return self.now_s

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now_s += seconds


@pytest.fixture()
def fake_clock(monkeypatch) -> FakeClock:
    """geopy's RateLimiter sleeps on a fake clock, so its waits are observed, not spent."""
    clock = FakeClock()
    monkeypatch.setattr(geopy_rate_limiter, "default_timer", clock.now)
    monkeypatch.setattr(geopy_rate_limiter, "sleep", clock.sleep)
    return clock


# --------------------------------------------------------------------------- offline geocoder


def test_offline_geocoder_is_a_geopy_geocoder_returning_location_with_place_raw(fake_gazetteer):
    geocoder = OfflineGeocoder(gazetteer=fake_gazetteer)
    location = geocoder.geocode("Kyiv")
    assert isinstance(geocoder, Geocoder)
    assert isinstance(location, Location)
    assert (location.latitude, location.longitude) == (50.45, 30.52)
    assert location.address == "Kyiv, Kyiv City, UA"
    assert location.raw["place_id"] == "gn:1"
    assert location.raw["kind"] == "populated_place"
    assert type(location.raw["kind"]) is str  # not the enum: raw holds plain JSON types
    assert location.raw["admin1_code"] == "UA.12"
    assert location.raw["score"] == 1.0
    assert location.raw["match"] == "name"
    json.dumps(location.raw)  # plain JSON, ready for caches and exports


def test_offline_geocode_exactly_one_false_returns_ranked_list(fake_gazetteer):
    found = OfflineGeocoder(gazetteer=fake_gazetteer).geocode(
        "Pokrovsk, Donetsk Oblast", exactly_one=False
    )
    assert isinstance(found, list)
    assert [loc.raw["place_id"] for loc in found] == ["gn:2", "gn:3"]


def test_offline_geocode_unknown_place_returns_none(fake_gazetteer):
    geocoder = OfflineGeocoder(gazetteer=fake_gazetteer)
    assert geocoder.geocode("Atlantis") is None
    assert geocoder.geocode("Atlantis", exactly_one=False) is None


def test_offline_geocode_passes_limit_and_upper_cased_country_codes(fake_gazetteer):
    geocoder = OfflineGeocoder(gazetteer=fake_gazetteer)
    found = geocoder.geocode("Pokrovsk", exactly_one=False, limit=5, country_codes=["ru"])
    assert [loc.raw["place_id"] for loc in found] == ["gn:3"]
    assert fake_gazetteer.calls[-1] == {"query": "Pokrovsk", "limit": 5, "country_codes": ("RU",)}
    geocoder.geocode("Pokrovsk")
    assert fake_gazetteer.calls[-1]["limit"] == 1


def test_offline_geocode_joins_structured_query_most_specific_first(fake_gazetteer):
    geocoder = OfflineGeocoder(gazetteer=fake_gazetteer)
    location = geocoder.geocode({"country": "Ukraine", "city": "Pokrovsk"})
    assert fake_gazetteer.calls[-1]["query"] == "Pokrovsk, Ukraine"
    assert location.raw["place_id"] == "gn:2"


@pytest.mark.parametrize(
    ("query", "kwargs", "needle"),
    [
        ("   ", {}, "empty"),
        (42, {}, "text"),
        ("Kyiv", {"country_codes": ["Ukraine"]}, "ISO 3166-1"),
        ("Kyiv", {"limit": 0, "exactly_one": False}, "limit"),
    ],
)
def test_offline_geocode_bad_input_raises_input_error(fake_gazetteer, query, kwargs, needle):
    with pytest.raises(InputError, match=needle):
        OfflineGeocoder(gazetteer=fake_gazetteer).geocode(query, **kwargs)


def test_offline_geocoder_adapter_refuses_requests(fake_gazetteer, no_network):
    geocoder = OfflineGeocoder(gazetteer=fake_gazetteer)
    with pytest.raises(GeocoderUnavailable, match="no HTTP requests"):
        geocoder.adapter.get_json("https://example.invalid/", timeout=1, headers={})
    assert geocoder.geocode("Kyiv") is not None
    assert no_network == []


def test_rate_limiter_wraps_offline_geocode(fake_gazetteer):
    geocoder = OfflineGeocoder(gazetteer=fake_gazetteer)
    geocode = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    assert geocode("Sudzha") == geocoder.geocode("Sudzha")
    assert geocode("Sudzha").raw["place_id"] == "gn:4"
    assert geocode("Pokrovsk", exactly_one=False, limit=1)[0].raw["place_id"] == "gn:2"


class NeverCalledAsyncAdapter(BaseAsyncAdapter):
    async def get_json(self, url, *, timeout, headers):
        raise AssertionError("the offline geocoder must not request anything")

    async def get_text(self, url, *, timeout, headers):
        raise AssertionError("the offline geocoder must not request anything")


def test_offline_geocoder_with_async_adapter_works_with_async_rate_limiter(fake_gazetteer):
    geocoder = OfflineGeocoder(gazetteer=fake_gazetteer, adapter_factory=NeverCalledAsyncAdapter)

    async def run():
        geocode = AsyncRateLimiter(geocoder.geocode, min_delay_seconds=0)
        return await geocode("Kyiv"), await geocoder.reverse((51.2, 35.3))

    location, nearest = asyncio.run(run())
    assert location.raw["place_id"] == "gn:1"
    assert nearest.raw["place_id"] == "gn:4"


def test_reverse_returns_nearest_populated_place_with_distance(fake_gazetteer):
    geocoder = OfflineGeocoder(gazetteer=fake_gazetteer)
    point = (48.3, 37.0)  # a little west of the fake Pokrovsk
    location = geocoder.reverse(point)
    assert location.raw["place_id"] == "gn:2"
    expected = great_circle(point, (48.28, 37.18)).km
    assert location.raw["distance_km"] == pytest.approx(expected, abs=0.01)


def test_reverse_list_is_sorted_by_distance_and_limited(fake_gazetteer):
    geocoder = OfflineGeocoder(gazetteer=fake_gazetteer)
    found = geocoder.reverse("50.0, 33.0", exactly_one=False, limit=3)
    distances = [loc.raw["distance_km"] for loc in found]
    assert len(found) == 3
    assert distances == sorted(distances)
    assert {loc.raw["place_id"] for loc in found} == {"gn:1", "gn:2", "gn:4"}
    assert len(geocoder.reverse("50.0, 33.0", exactly_one=False, limit=10)) == 4


def test_reverse_beyond_max_distance_returns_none(fake_gazetteer):
    geocoder = OfflineGeocoder(gazetteer=fake_gazetteer)
    assert geocoder.reverse((0.0, -30.0), max_distance_km=100) is None
    assert geocoder.reverse((0.0, -30.0)) is not None


def test_reverse_unreadable_point_raises_input_error(fake_gazetteer):
    with pytest.raises(InputError, match="point"):
        OfflineGeocoder(gazetteer=fake_gazetteer).reverse("somewhere near Kyiv")


def test_to_place_round_trips_an_offline_answer(fake_gazetteer):
    location = OfflineGeocoder(gazetteer=fake_gazetteer).geocode("Sudzha")
    assert to_place(location, service="offline") == fake_gazetteer.get("gn:4")


# --------------------------------------------------------------------------- real gazetteer


def test_real_gazetteer_kyiv_spellings_resolve_to_one_ukrainian_place(gazetteer):
    geocoder = OfflineGeocoder(gazetteer=gazetteer)
    answers = [geocoder.geocode(q) for q in ("Kyiv", "Kiev", "Київ")]
    assert all(a is not None for a in answers)
    assert len({a.raw["place_id"] for a in answers}) == 1
    assert answers[0].raw["country_code"] == "UA"
    assert answers[0].latitude == pytest.approx(50.45, abs=0.1)
    assert answers[0].longitude == pytest.approx(30.52, abs=0.1)


def test_real_gazetteer_pokrovsk_with_donetsk_oblast_is_the_ukrainian_one(gazetteer):
    geocoder = OfflineGeocoder(gazetteer=gazetteer)
    location = geocoder.geocode("Pokrovsk, Donetsk Oblast")
    assert location.raw["country_code"] == "UA"
    assert location.raw["admin1_code"] == "UA.05"
    assert geocoder.geocode("Pokrovsk, Ukraine").raw["country_code"] == "UA"


def test_real_gazetteer_exactly_one_false_lists_several_pokrovsks(gazetteer):
    found = OfflineGeocoder(gazetteer=gazetteer).geocode("Pokrovsk", exactly_one=False, limit=5)
    assert isinstance(found, list)
    assert 1 < len(found) <= 5
    scores = [loc.raw["score"] for loc in found]
    assert scores == sorted(scores, reverse=True)
    assert {loc.raw["country_code"] for loc in found} >= {"UA", "RU"}


def test_real_gazetteer_finds_an_oblast_as_admin1(gazetteer):
    location = OfflineGeocoder(gazetteer=gazetteer).geocode("Kursk Oblast")
    assert location.raw["kind"] == "admin1"
    assert location.raw["admin1_code"] == "RU.41"


def test_real_gazetteer_answers_when_the_online_service_fails(canned, cache_path, gazetteer):
    canned.error = GeocoderTimedOut("Service timed out")
    geocoder = make_geocoder(
        Settings(geocoder="nominatim", geocoder_options={"user_agent": "geo-tests/1"}),
        adapter_factory=canned.factory,
        gazetteer=gazetteer,
        cache_path=cache_path,
        policy=QUICK,
    )
    with pytest.warns(GeocoderFallbackWarning, match="GeocoderTimedOut"):
        place = geocoder.geocode_place("Pokrovsk, Donetsk Oblast")
    assert (place.country_code, place.admin1_code) == ("UA", "UA.05")
    assert place.source == "offline-fallback"


def test_real_gazetteer_unknown_place_returns_none(gazetteer):
    assert OfflineGeocoder(gazetteer=gazetteer).geocode("Qwxzyville Nowhere") is None


def test_real_gazetteer_reverse_at_a_place_returns_that_place(gazetteer):
    geocoder = OfflineGeocoder(gazetteer=gazetteer)
    sudzha = geocoder.geocode("Sudzha", country_codes=["RU"])
    nearest = geocoder.reverse((sudzha.latitude, sudzha.longitude))
    assert nearest.raw["place_id"] == sudzha.raw["place_id"]
    assert nearest.raw["distance_km"] == pytest.approx(0.0, abs=0.01)


# --------------------------------------------------------------------------- make_geocoder


def test_make_geocoder_offline_wraps_the_offline_geocoder(fake_gazetteer):
    geocoder = make_geocoder(Settings(geocoder="offline"), gazetteer=fake_gazetteer)
    assert geocoder.service == "offline"
    assert isinstance(geocoder.geocoder, OfflineGeocoder)
    assert geocoder.geocode("Kyiv").raw["place_id"] == "gn:1"
    assert geocoder("Kyiv") == geocoder.geocode("Kyiv")  # callable, e.g. for Series.map
    assert geocoder.geocode_place("Sudzha") == fake_gazetteer.get("gn:4")


def test_nominatim_canned_reply_becomes_location(nominatim, canned):
    location = nominatim().geocode("Kyiv")
    assert location.address == "Київ, Україна"
    assert (location.latitude, location.longitude) == (50.4501, 30.5234)
    assert location.raw == NOMINATIM_KYIV[0]
    [request] = canned.requests
    url = urlsplit(request["url"])
    assert url.netloc == "nominatim.openstreetmap.org"
    assert parse_qs(url.query)["q"] == ["Kyiv"]
    assert request["headers"]["User-Agent"] == "geo-tests/1"


def test_settings_timeout_reaches_the_adapter(canned, cache_path, fake_gazetteer):
    settings = Settings(
        geocoder="nominatim", geocoder_options={"user_agent": "geo-tests/1"}, geocoder_timeout=3.5
    )
    make_geocoder(
        settings, adapter_factory=canned.factory, gazetteer=fake_gazetteer, cache_path=cache_path
    ).geocode("Kyiv")
    assert canned.requests[0]["timeout"] == 3.5


def test_nominatim_answer_is_cached_even_for_a_new_geocoder(nominatim, canned, cache_path):
    first = nominatim().geocode("Kyiv")
    again = nominatim().geocode("Kyiv")
    assert len(canned.requests) == 1
    assert again == first
    assert len(GeocodeCache(cache_path)) == 1


def test_cache_ignores_case_and_spacing_of_the_query(nominatim, canned):
    geocoder = nominatim()
    geocoder.geocode("Pokrovsk,Donetsk   Oblast")
    geocoder.geocode("  pokrovsk , DONETSK oblast ")
    assert len(canned.requests) == 1
    assert normalize_query("Pokrovsk,Donetsk   Oblast") == "pokrovsk, donetsk oblast"


def test_cache_remembers_that_nothing_was_found(nominatim, canned):
    canned.reply = []
    geocoder = nominatim()
    assert geocoder.geocode("Atlantis") is None
    assert geocoder.geocode("Atlantis") is None
    assert len(canned.requests) == 1


def test_cache_key_includes_exactly_one(nominatim, canned):
    geocoder = nominatim()
    one = geocoder.geocode("Kyiv")
    many = geocoder.geocode("Kyiv", exactly_one=False)
    assert len(canned.requests) == 2
    assert many == [one]


def test_cache_key_includes_the_service(canned, cache_path, fake_gazetteer):
    nominatim = make_geocoder(
        Settings(geocoder="nominatim", geocoder_options={"user_agent": "geo-tests/1"}),
        adapter_factory=canned.factory,
        cache_path=cache_path,
        gazetteer=fake_gazetteer,
        policy=QUICK,
    )
    photon = make_geocoder(
        Settings(geocoder="photon"),
        adapter_factory=canned.factory,
        cache_path=cache_path,
        gazetteer=fake_gazetteer,
        policy=QUICK,
    )
    from_nominatim = nominatim.geocode("Sudzha")
    canned.reply = PHOTON_SUDZHA
    from_photon = photon.geocode("Sudzha")
    assert len(canned.requests) == 2
    assert "photon.komoot.io" in canned.urls()[1]
    assert from_nominatim.address != from_photon.address
    assert nominatim.geocode("Sudzha") == from_nominatim
    assert photon.geocode("Sudzha") == from_photon
    assert len(canned.requests) == 2
    assert len(GeocodeCache(cache_path)) == 2


def test_nominatim_is_limited_to_one_request_per_second(nominatim, canned, fake_clock):
    geocoder = nominatim(policy=None)  # the service's own policy
    assert geocoder.limiter.min_delay_seconds == 1.0
    geocoder.geocode("Kyiv")
    geocoder.geocode("Kiev")
    assert len(canned.requests) == 2
    assert sum(fake_clock.sleeps) == pytest.approx(1.0)


def test_cache_hits_do_not_wait_for_the_rate_limiter(nominatim, canned, fake_clock):
    geocoder = nominatim(policy=None)
    geocoder.geocode("Kyiv")
    for _ in range(5):
        geocoder.geocode("Kyiv")
    assert fake_clock.sleeps == []
    assert len(canned.requests) == 1


@pytest.mark.parametrize(
    "error",
    [
        GeocoderUnavailable("host unreachable"),
        GeocoderTimedOut("Service timed out"),
        GeocoderQuotaExceeded("daily limit"),
        AdapterHTTPError("bad gateway", status_code=502, headers={}, text=""),
        ConnectionResetError("connection reset by peer"),
        TimeoutError("socket read timed out"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_service_failure_falls_back_to_offline_with_warning(nominatim, canned, cache_path, error):
    canned.error = error
    geocoder = nominatim()
    with pytest.warns(GeocoderFallbackWarning, match="nominatim") as caught:
        location = geocoder.geocode("Pokrovsk, Donetsk Oblast")
    message = str(caught[0].message)
    assert message.startswith("The nominatim geocoder failed")
    assert str(error) in message
    assert location.raw["place_id"] == "gn:2"
    assert location.raw["source"] == "offline-fallback"
    assert location.raw["fallback_for"] == "nominatim"
    assert len(GeocodeCache(cache_path)) == 0  # a fallback answer is not the service's


def test_service_errors_are_retried_before_falling_back(nominatim, canned):
    canned.error = GeocoderServiceError("internal error")
    with pytest.warns(GeocoderFallbackWarning):
        nominatim(policy=RatePolicy(0.0, max_retries=2, error_wait_seconds=0.0)).geocode("Kyiv")
    assert len(canned.requests) == 3


def test_failed_service_is_skipped_during_cooldown(nominatim, canned):
    canned.error = GeocoderUnavailable("host unreachable")
    geocoder = nominatim(policy=RatePolicy(0.0, max_retries=0, cooldown_seconds=600))
    with pytest.warns(GeocoderFallbackWarning):
        geocoder.geocode("Kyiv")
    canned.error = None
    with pytest.warns(GeocoderFallbackWarning, match="retrying it after 600 s"):
        location = geocoder.geocode("Sudzha")
    assert len(canned.requests) == 1
    assert location.raw["source"] == "offline-fallback"


def test_fallback_with_nothing_offline_returns_none(nominatim, canned):
    canned.error = GeocoderTimedOut("Service timed out")
    with pytest.warns(GeocoderFallbackWarning):
        assert nominatim().geocode("Atlantis") is None


def test_default_http_adapter_is_blocked_and_falls_back(cache_path, fake_gazetteer, no_network):
    geocoder = make_geocoder(
        Settings(geocoder="nominatim", geocoder_options={"user_agent": "geo-tests/1"}),
        gazetteer=fake_gazetteer,
        cache_path=cache_path,
        policy=QUICK,
    )
    with pytest.warns(GeocoderFallbackWarning):
        location = geocoder.geocode("Kyiv")
    assert no_network, "the real adapter should have tried (and failed) to connect"
    assert location.raw["source"] == "offline-fallback"


def test_nominatim_without_user_agent_raises_input_error(cache_path):
    with pytest.raises(InputError, match="GEO_GEOCODER_USER_AGENT"):
        make_geocoder(Settings(geocoder="nominatim"), cache_path=cache_path)


def test_nominatim_with_a_sample_user_agent_raises_input_error(cache_path):
    settings = Settings(geocoder="nominatim", geocoder_options={"user_agent": "my-application"})
    with pytest.raises(InputError, match="user_agent"):
        make_geocoder(settings, cache_path=cache_path)


def test_unknown_service_raises_input_error_listing_valid_names(cache_path):
    with pytest.raises(InputError, match="Unknown geocoder 'nominatimm'") as caught:
        make_geocoder(Settings(geocoder="nominatimm"), cache_path=cache_path)
    for name in ("offline", "nominatim", "photon", "arcgis"):
        assert name in str(caught.value)


def test_service_needing_an_api_key_raises_input_error(cache_path):
    with pytest.raises(InputError, match=r"api_key.*GEO_GEOCODER_API_KEY"):
        make_geocoder(Settings(geocoder="bing"), cache_path=cache_path)


def test_unsupported_option_raises_input_error(cache_path):
    settings = Settings(geocoder="photon", geocoder_options={"colour": "blue"})
    with pytest.raises(InputError, match="colour"):
        make_geocoder(settings, cache_path=cache_path)


def test_public_nominatim_cannot_go_faster_than_one_per_second(cache_path):
    options = {"user_agent": "geo-tests/1", "min_delay_seconds": 0.5}
    with pytest.raises(InputError, match="one request per second"):
        make_geocoder(Settings(geocoder="nominatim", geocoder_options=options))
    own = make_geocoder(
        Settings(geocoder="nominatim", geocoder_options=options | {"domain": "osm.example"}),
        cache_path=cache_path,
    )
    assert own.limiter.min_delay_seconds == 0.5


def test_settings_file_and_environment_configure_the_service(
    tmp_path, monkeypatch, canned, cache_path, fake_gazetteer
):
    for var in ("GEO_GEOCODER", "GEO_GEOCODER_USER_AGENT", "GEO_GEOCODER_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("GEO_GEOCODER_TIMEOUT", "4")
    path = tmp_path / "settings.toml"
    path.write_text(
        '[geocoder]\nservice = "Nominatim"\nuser_agent = "geo-tests/2"\nmin_delay_seconds = 2\n',
        encoding="utf-8",
    )
    geocoder = make_geocoder(
        load_settings(path),
        adapter_factory=canned.factory,
        gazetteer=fake_gazetteer,
        cache_path=cache_path,
    )
    assert geocoder.service == "nominatim"
    assert geocoder.limiter.min_delay_seconds == 2.0
    geocoder.geocode("Kyiv")
    assert canned.requests[0]["headers"]["User-Agent"] == "geo-tests/2"
    assert canned.requests[0]["timeout"] == 4.0


def test_corrupt_cache_file_raises_data_error(nominatim, cache_path):
    cache_path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DataError, match="delete the file"):
        nominatim().geocode("Kyiv")


# --------------------------------------------------------------------------- to_place


def test_to_place_of_a_nominatim_answer(nominatim):
    place = to_place(nominatim().geocode("Kyiv"), service="nominatim")
    assert place.place_id == "nominatim:relation/1001"
    assert place.name == "Київ"
    assert (place.lat, place.lon) == (50.4501, 30.5234)
    assert place.kind is PlaceKind.POPULATED_PLACE
    assert place.country_code == "UA"
    assert place.source == "nominatim"


def test_to_place_of_a_photon_answer(canned, cache_path):
    canned.reply = PHOTON_SUDZHA
    photon = make_geocoder(
        Settings(geocoder="photon"),
        adapter_factory=canned.factory,
        cache_path=cache_path,
        policy=QUICK,
    )
    place = photon.geocode_place("Sudzha")
    assert place.place_id == "photon:node/2002"
    assert place.kind is PlaceKind.POPULATED_PLACE
    assert (place.country_code, place.admin1_name) == ("RU", "Kursk Oblast")


def test_to_place_without_osm_ids_hashes_the_coordinates():
    raw = {"address": "Somewhere", "location": {"x": 30.5, "y": 50.4}}
    a = to_place(Location("Somewhere, UA", (50.4, 30.5), raw), service="arcgis")
    b = to_place(Location("Elsewhere", (50.4, 30.5), {}), service="arcgis")
    c = to_place(Location("Somewhere, UA", (50.5, 30.5), raw), service="arcgis")
    assert a.place_id.startswith("arcgis:")
    assert a.place_id == b.place_id != c.place_id
    assert a.name == "Somewhere"
    assert a.kind is PlaceKind.POINT


def test_fallback_answer_converts_to_its_gazetteer_place(nominatim, canned, fake_gazetteer):
    canned.error = GeocoderUnavailable("down")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeocoderFallbackWarning)
        place = nominatim().geocode_place("Sudzha")
    expected = fake_gazetteer.get("gn:4")
    assert place.place_id == expected.place_id
    assert place.source == "offline-fallback"
