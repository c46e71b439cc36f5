"""The basemap's names: selection by population and zoom, the collision rule, candidates."""

from __future__ import annotations

import dataclasses
import itertools
import random

import pytest

from geo.errors import InputError
from geo.maps import mapnames
from geo.maps.mapnames import STYLES, Label, label_box, place_labels


def _box_at(label: Label, z: int) -> tuple[float, float, float, float]:
    x, y = mapnames.merc(label.lat, label.lon)
    s = 256 * 2**z
    b = label_box(label)
    return (x * s + b[0], y * s + b[1], x * s + b[2], y * s + b[3])


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# ------------------------------------------------------------------------------ selection


@pytest.mark.parametrize(
    ("population", "zoom"),
    [(3_000_000, 3), (60_000, 6), (15_000, 7), (2_000, 9), (500, 10), (0, 11)],
)
def test_the_first_zoom_a_place_may_show_falls_with_its_population(population, zoom):
    assert mapnames.min_zoom_for(population) == zoom


def test_a_place_never_shows_before_its_population_allows_even_alone():
    alone = [Label("Lonely", 48.0, 37.0, "village", 500.0, mapnames.min_zoom_for(500))]
    assert [p.zoom for p in place_labels(alone)] == [10]


def test_of_two_names_on_one_spot_the_bigger_shows_first_and_the_other_once_apart():
    big = Label("Kramatorsk", 48.72, 37.56, "city2", 150_000, 5)
    small = Label("Bilenke", 48.76, 37.62, "village", 150_000 / 100, 5)
    first = [p and p.zoom for p in place_labels([small, big])]
    assert first[1] == 5  # the big one as soon as allowed
    assert first[0] is not None and first[0] > 5  # the small one only when they stand apart
    z = first[0]
    assert not _overlap(_box_at(big, z), _box_at(small, z))
    assert _overlap(_box_at(big, z - 1), _box_at(small, z - 1))


def test_shown_names_never_overlap_at_any_zoom_and_never_disappear():
    rng = random.Random(7)
    cands = [
        Label(
            f"Place {i} {'x' * rng.randrange(0, 12)}",
            47.0 + rng.random() * 2,
            36.0 + rng.random() * 3,
            rng.choice(["city2", "town", "village", "admin1"]),
            rng.random() * 1e5,
            rng.randrange(4, 11),
        )
        for i in range(600)
    ]
    placed = place_labels(cands)
    assert sum(f is not None for f in placed) > 300
    for z in range(mapnames.MAX_ZOOM + 1):
        shown = [
            dataclasses.replace(c, lat=p.lat, lon=p.lon)
            for c, p in zip(cands, placed, strict=True)
            if p is not None and p.zoom <= z <= STYLES[c.style].max_zoom
        ]
        boxes = [_box_at(c, z) for c in shown]
        for a, b in itertools.combinations(boxes, 2):
            assert not _overlap(a, b), z


def test_oblast_names_give_way_to_places_past_their_last_zoom():
    oblast = Label("Donetsk Oblast", 48.1, 37.8, "admin1", 2e5, 5)
    village = Label("Nearby", 48.1, 37.81, "village", 100, 10)
    town = Label("Town", 48.1, 37.8, "town", 2e4, 5)
    first = [p.zoom for p in place_labels([oblast, village])]
    assert first == [5, 10]  # at 10 the oblast name (last shown at 9) is gone
    # Against a place name, which stays, the village still finds no room at 10.
    assert place_labels([town, village])[1].zoom > 10


def test_a_name_with_no_room_at_its_point_takes_its_first_free_alternate():
    city = Label("Donetsk", 48.0, 37.8, "city1", 9e5, 5)
    oblast = Label("Donetsk Oblast", 48.0, 37.8, "admin1", 2e5, 5, ((48.0, 37.81), (49.0, 37.8)))
    placed = place_labels([city, oblast])
    assert placed[0] == mapnames.Placement(5, 48.0, 37.8)
    assert placed[1] == mapnames.Placement(5, 49.0, 37.8)  # the first alternate is too close


def test_an_unknown_script_is_an_input_error():
    with pytest.raises(InputError, match="script"):
        mapnames.check_script("klingon")


# --------------------------------------------------------------------- real candidates


@pytest.fixture(scope="module")
def latin(gazetteer):
    return mapnames.label_candidates(gazetteer)


def _named(cands, name):
    return [c for c in cands if c.name == name]


def test_candidates_hold_capitals_towns_villages_oblasts_and_waters(latin):
    (kyiv,) = [c for c in _named(latin, "Kyiv") if c.style == "capital"]
    assert kyiv.min_zoom <= 3
    pokrovsk = [c for c in _named(latin, "Pokrovsk") if abs(c.lon - 37.18) < 0.1]
    assert pokrovsk and pokrovsk[0].min_zoom == 6  # 60,127 people
    assert _named(latin, "Donetsk Oblast")[0].style == "admin1"
    assert _named(latin, "Sea of Azov")[0].style == "water"
    assert _named(latin, "Ukraine")[0].style == "country"
    # Ukrainian villages GeoNames lacks come from the codifier table, with their own point.
    import pandas as pd

    from geo.config import data_dir

    ua = pd.read_csv(data_dir() / "ua_settlements.csv.gz", comment="#", dtype=str).fillna("")
    own = ua[(ua["geonameid"] == "") & (ua["precision"] == "settlement")].iloc[0]
    near = [c for c in _named(latin, own["name_latin"]) if abs(c.lat - float(own["lat"])) < 1e-3]
    assert near and near[0].style == "village"
    hromada = ua[(ua["geonameid"] == "") & (ua["precision"] != "settlement")].iloc[0]
    assert not [
        c for c in _named(latin, hromada["name_latin"]) if abs(c.lat - float(hromada["lat"])) < 1e-3
    ]


def test_cyrillic_names_ukrainian_places_in_ukrainian_and_russian_ones_in_russian(gazetteer):
    cyr = mapnames.label_candidates(gazetteer, script="cyrillic")
    names = {c.name for c in cyr}
    assert {"Київ", "Покровськ", "Донецька область", "Суджа"} <= names
    assert "Kyiv" not in names
