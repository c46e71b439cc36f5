"""Places given by distance and bearing from a known town pick the namesake lying there."""

from __future__ import annotations

from geo.places.spatial import great_circle_km
from geo.records import PlaceKind
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


def test_a_name_whose_readings_all_lie_off_the_cue_is_placed_at_the_near_town(gazetteer):
    # The index's Pobiedas lie 45-75 km from Donetsk; the village meant is not in it.
    text = (
        "Russian forces say they hold Pobeda, some 22 km to the southwest of the city of "
        "Donetsk. Local channels also wrote about Pobeda."
    )
    found = [t for t in geoparse(text, gazetteer=gazetteer) if t.surface == "Pobeda"]
    # put where the text says, 22 km south-west of Donetsk's point (48.02 N, 37.80 E)
    assert [t.place.name for t in found] == ["Pobeda", "Pobeda"]  # the later mention too
    assert found[0].place.place_id == found[1].place.place_id
    assert abs(great_circle_km(found[0].lat, found[0].lon, 48.02, 37.80) - 22) < 1
    assert found[0].lat < 48.02 and found[0].lon < 37.80
    assert all(t.confidence <= 0.7 for t in found)  # right within the distance only


def test_a_name_the_index_lacks_is_put_where_the_distance_and_direction_put_it(gazetteer):
    # The index's Novoiehorivkas lie far from Izium: the one meant is 14 km west of it.
    text = "Troops entered the village of Novoiehorivka, 14 km west of Izium, on Tuesday."
    top = _place(text, "Novoiehorivka", gazetteer)
    izium = _place("Shells hit Izium on Tuesday.", "Izium", gazetteer)
    assert top.name == "Novoiehorivka" and top.kind is PlaceKind.POPULATED_PLACE
    assert abs(great_circle_km(top.lat, top.lon, izium.lat, izium.lon) - 14) < 0.5
    assert abs(top.lat - izium.lat) < 0.01 and top.lon < izium.lon
    # with no direction told, the town's own point
    text = "Troops entered the village of Novoiehorivka, some 14 km from Izium, on Tuesday."
    assert _place(text, "Novoiehorivka", gazetteer).place_id == izium.place_id


def test_a_far_cue_that_fits_no_reading_leaves_the_readings(gazetteer):
    plain = _place("Russian forces took Pobeda.", "Pobeda", gazetteer)
    text = "Russian forces say they hold Pobeda, some 40 km to the southwest of Donetsk."
    assert _place(text, "Pobeda", gazetteer).place_id == plain.place_id


def test_a_near_spelling_is_judged_by_the_cue_like_a_name_the_index_holds(gazetteer):
    text = (
        "Russian troops captured the village of Uspenyvka, "
        "about eight kilometres southwest of Kurakhove."
    )
    found = next(t for t in geoparse(text, gazetteer=gazetteer) if t.surface == "Uspenyvka")
    assert (round(found.place.lat, 1), round(found.place.lon, 1)) == (47.9, 37.2)
    assert found.confidence > 0.7  # the cue, not a guess among near-spellings


def test_a_distance_with_its_conversion_in_brackets_is_still_a_cue(gazetteer):
    # Wire copy gives both units; the Novotroitske meant is the one by Pokrovsk.
    text = (
        "Moscow says it seized Novotroitske, some 12 kilometers (7.5 miles) southwest of Pokrovsk."
    )
    place = _place(text, "Novotroitske", gazetteer)
    assert (round(place.lat, 1), round(place.lon, 1)) == (48.2, 37.1)


def test_a_reading_a_rough_distance_away_is_kept(gazetteer):
    # Lyptsi lies some 28 km from the centre of Kharkiv; reporters measure from its edge.
    text = "Guns hit the village of Lyptsi, some 12 km north of Kharkiv, on Friday."
    assert _place(text, "Lyptsi", gazetteer).name == "Lyptsi"


def test_a_bearing_without_a_distance_picks_the_namesake_on_that_side(gazetteer):
    # Donetsk Oblast has eight Andriivkas; one lies 17 km west of Kurakhove.
    for text in (
        "Russia says it took Andriivka, just west of Kurakhove, on Tuesday.",
        "Moscow claimed Andriivka - west of the mining town of Kurakhove - on Tuesday.",
        "Shelling hit Andriivka near Kurakhove on Tuesday.",
    ):
        place = _place(text, "Andriivka", gazetteer)
        assert (round(place.lat, 1), round(place.lon, 1)) == (48.0, 37.1), text


def test_a_bearing_takes_no_namesake_on_the_other_side(gazetteer):
    # the Andriivka 17 km west of Kurakhove is not "north of" it
    text = "Shelling hit Andriivka, north of Kurakhove, on Tuesday."
    place = _place(text, "Andriivka", gazetteer)
    assert (round(place.lat, 1), round(place.lon, 1)) != (48.0, 37.1)


def test_a_bearing_from_a_town_then_the_village_picks_the_namesake_on_that_side(gazetteer):
    # Donetsk Oblast has an Andriivka beside Klishchiivka, southeast of Chasiv Yar, and
    # another some 40 km to the west; an assessment's item names the town first.
    text = "Assault groups pushed southeast of Chasiv Yar toward Andriivka on Monday."
    place = _place(text, "Andriivka", gazetteer)
    assert (round(place.lat, 1), round(place.lon, 1)) == (48.5, 38.0)


# --- relative clauses and appositions that say where a village lies (helper place12) --------


def test_a_relative_clause_with_a_distance_picks_the_namesake_there(gazetteer):
    # Stepove is a name of a dozen villages; the one meant lies about 10 km from Avdiivka.
    text = "Guns fired on the village of Stepove, which lies 10 km from Avdiivka, at dawn."
    assert _place(text, "Stepove", gazetteer).admin1_name == "Donetsk Oblast"


def test_an_apposition_naming_the_village_and_a_nearby_town_picks_the_namesake_there(gazetteer):
    for where in (
        "a village outside",
        "a small village not far from",
        "a village on the outskirts of",
    ):
        text = f"Guns fired on Stepove, {where} Avdiivka, at dawn."
        assert _place(text, "Stepove", gazetteer).admin1_name == "Donetsk Oblast", where


def test_a_village_read_far_from_the_town_it_lies_near_takes_a_namesake_beside_it(gazetteer):
    from geo.places.spatial import great_circle_km

    town = _place("Shelling hit Pokrovsk on Friday.", "Pokrovsk", gazetteer)
    for cue in ("a village northwest of", "near"):
        text = f"Troops seized Novoselivka, {cue} Pokrovsk, on Friday."
        place = _place(text, "Novoselivka", gazetteer)
        assert great_circle_km(town.lat, town.lon, place.lat, place.lon) < 80, cue


def test_a_city_told_beside_a_far_city_keeps_its_reading(gazetteer):
    assert _place("A drone hit Odesa, west of Mykolaiv, on Friday.", "Odesa", gazetteer).name == (
        "Odesa"
    )


def test_the_next_sentence_measuring_this_village_picks_the_namesake_there(gazetteer):
    # "This village lies ..." measures the village the sentence before named, past the
    # other name told after it.
    text = (
        "Troops entered the village of Uspenivka, which older maps still call Chervone. "
        "This village lies about eight kilometres (5 miles) southwest of Kurakhove."
    )
    place = _place(text, "Uspenivka", gazetteer)
    assert (round(place.lat, 1), round(place.lon, 1)) == (47.9, 37.2)


def test_the_village_measured_in_the_next_sentence_keeps_its_reading_later(gazetteer):
    text = (
        "Troops entered the village of Uspenivka on Friday. The village is located some "
        "eight kilometres southwest of Kurakhove. Fighting went on near Uspenivka on Sunday."
    )
    places = [t.place for t in geoparse(text, gazetteer=gazetteer) if t.surface == "Uspenivka"]
    assert {(round(p.lat, 1), round(p.lon, 1)) for p in places} == {(47.9, 37.2)}
