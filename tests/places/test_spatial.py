"""The spatial index answers exactly as a scan of every place does, only faster."""

from __future__ import annotations

import numpy as np
import pytest

from geo.places.offline import OfflineGeocoder
from geo.places.spatial import PointIndex, nearest_brute


def _points(n: int, seed: int) -> list[tuple[float, float]]:
    """Half in and around Ukraine, half anywhere on Earth (poles and date line included)."""
    rng = np.random.default_rng(seed)
    near = np.column_stack([rng.uniform(42, 56, n // 2), rng.uniform(18, 44, n // 2)])
    anywhere = np.column_stack(
        [np.degrees(np.arcsin(rng.uniform(-1, 1, n - n // 2))), rng.uniform(-180, 180, n - n // 2)]
    )
    return [tuple(p) for p in np.vstack([near, anywhere]).tolist()]


@pytest.fixture(scope="module")
def populated(gazetteer):
    frame = gazetteer.populated_places()
    return frame["lat"].to_numpy(dtype=float), frame["lon"].to_numpy(dtype=float)


def test_index_gives_the_brute_force_answer_for_1000_random_points(populated):
    lat, lon = populated
    index = PointIndex(lat, lon)
    rad_lat, rad_lon = np.radians(lat), np.radians(lon)
    for n, (qlat, qlon) in enumerate(_points(1000, seed=11)):
        k = 5 if n % 4 == 0 else 1
        want_i, want_d = nearest_brute(rad_lat, rad_lon, np.radians(qlat), np.radians(qlon), k=k)
        got_i, got_d = index.nearest(qlat, qlon, k=k)
        assert got_i.tolist() == want_i.tolist(), (qlat, qlon)
        assert got_d.tolist() == want_d.tolist(), (qlat, qlon)


def test_index_honours_max_distance_like_the_brute_force(populated):
    lat, lon = populated
    index = PointIndex(lat, lon)
    rad_lat, rad_lon = np.radians(lat), np.radians(lon)
    for qlat, qlon in _points(200, seed=12):
        want_i, want_d = nearest_brute(rad_lat, rad_lon, np.radians(qlat), np.radians(qlon), k=3)
        got_i, got_d = index.nearest(qlat, qlon, k=3, max_km=30.0)
        assert got_i.tolist() == want_i[want_d <= 30.0].tolist()
        assert got_d.tolist() == want_d[want_d <= 30.0].tolist()


def test_equal_distances_come_in_index_order_across_the_date_line_and_poles():
    lat = [10.0, 89.9, 10.0, -89.9, 10.0, 0.0]
    lon = [179.9, 0.0, 179.9, 120.0, -179.9, -180.0]
    index = PointIndex(lat, lon)
    got, dist = index.nearest(10.0, 180.0, k=3)
    assert got.tolist() == [0, 2, 4] and dist[0] == dist[1]
    assert index.nearest(90.0, 45.0, k=1)[0].tolist() == [1]
    assert index.nearest(-90.0, -45.0, k=1)[0].tolist() == [3]
    assert index.nearest(0.0, 180.0, k=1)[0].tolist() == [5]


def test_an_empty_index_finds_nothing():
    got, dist = PointIndex([], []).nearest(50.0, 30.0, k=3)
    assert got.size == 0 and dist.size == 0


def test_reverse_geocoder_answers_with_the_nearest_places_by_the_scan(gazetteer, populated):
    lat, lon = populated
    ids = gazetteer.populated_places()["place_id"].astype(str).to_numpy()
    geocoder = OfflineGeocoder(gazetteer=gazetteer)
    for qlat, qlon in _points(40, seed=13):
        want_i, want_d = nearest_brute(
            np.radians(lat), np.radians(lon), np.radians(qlat), np.radians(qlon), k=3
        )
        found = geocoder.reverse((qlat, qlon), exactly_one=False, limit=3)
        assert [loc.raw["place_id"] for loc in found] == ids[want_i].tolist()
        assert [loc.raw["distance_km"] for loc in found] == [round(d, 3) for d in want_d]


def test_typed_coordinates_get_the_oblast_they_lie_in():
    from geo.places.boundaries import admin1_at, manual_place

    place = manual_place("My checkpoint", 48.30, 37.20)
    assert (place.admin1_code, place.admin1_name, place.country_code) == (
        "UA.05",
        "Donetsk Oblast",
        "UA",
    )
    assert place.place_id == "pt:48.30000,37.20000" and place.source == "manual"
    # At sea far from any coast: no oblast, not a wrong one.
    assert manual_place("Open sea", 43.0, 34.0).admin1_code is None
    assert admin1_at([float("nan")], [0.0]) == [None]
