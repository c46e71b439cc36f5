"""Places given by distance and bearing from a known town pick the namesake lying there."""

from __future__ import annotations

from geo.toponyms.geoparse import geoparse


def _place(text, surface, gazetteer):
    return next(t.place for t in geoparse(text, gazetteer=gazetteer) if t.surface == surface)


def test_distance_and_bearing_pick_the_namesake_there(gazetteer):
    # Donetsk Oblast has Uspenivkas near Kurakhove and near Pokrovsk.
    text = "Troops took Uspenivka, about eight kilometres southwest of Kurakhove, on Friday."
    place = _place(text, "Uspenivka", gazetteer)
    assert (round(place.lat, 1), round(place.lon, 1)) == (47.9, 37.2)


def test_the_same_namesake_lies_away_from_the_other_town(gazetteer):
    # The cue now points near Pokrovsk: the other Uspenivka, about 20 km east of that city.
    text = "Troops took Uspenivka, some 20 km east of Pokrovsk, on Friday."
    place = _place(text, "Uspenivka", gazetteer)
    assert (round(place.lat, 1), round(place.lon, 1)) == (48.2, 37.0)


def test_a_bearing_that_fits_no_reading_changes_nothing(gazetteer):
    plain = _place("Troops took Uspenivka, north of Kurakhove, on Friday.", "Uspenivka", gazetteer)
    text = "Troops took Uspenivka, 50 km north of Kurakhove, on Friday."
    assert _place(text, "Uspenivka", gazetteer).place_id == plain.place_id


def test_a_framed_name_the_index_lacks_is_placed_at_a_near_town_it_is_measured_from(gazetteer):
    text = "Russian troops captured the village of Zorianivka, 6 km north of Kurakhove."
    found = {t.surface: t for t in geoparse(text, gazetteer=gazetteer)}
    assert found["Zorianivka"].place.name == "Kurakhove"
    assert found["Zorianivka"].confidence <= 0.7  # still weak evidence


def test_a_name_the_index_lacks_measured_from_a_far_town_stays_unplaced(gazetteer):
    text = "Russian troops captured the village of Zorianivka, 40 km north of Kurakhove."
    assert "Zorianivka" not in {t.surface for t in geoparse(text, gazetteer=gazetteer)}
