"""An oblast that qualifies a list of settlements decides between their namesakes."""

from __future__ import annotations

from geo.records import PlaceKind
from geo.toponyms.geoparse import geoparse


def _places(text, gazetteer):
    return {t.surface: t.place for t in geoparse(text, gazetteer=gazetteer) if t.place}


def test_a_list_before_its_oblast_is_read_in_that_oblast_and_together(gazetteer):
    text = (
        "Moscow says its troops have taken the villages of Novoye and Sladkoye "
        "in Zaporozhye Region after days of fighting."
    )
    found = _places(text, gazetteer)
    sladke, nove = found["Sladkoye"], found["Novoye"]
    assert (sladke.name, sladke.admin1_code) == ("Solodke", "UA.26")
    assert (nove.name, nove.admin1_code) == ("Nove", "UA.26")
    # Of the oblast's several Noves, the one beside its Solodke.
    assert abs(sladke.lat - nove.lat) < 0.2 and abs(sladke.lon - nove.lon) < 0.2


def test_a_list_right_after_counted_settlements_in_an_oblast_takes_that_oblast(gazetteer):
    text = (
        "The ministry said its units had seized two villages in the Zaporozhye Region, "
        "Novoye and Sladkoye, on Sunday."
    )
    found = _places(text, gazetteer)
    assert found["Sladkoye"].admin1_code == "UA.26"
    assert found["Novoye"].admin1_code == "UA.26"


def test_a_list_of_an_oblast_and_cities_is_not_narrowed(gazetteer):
    text = "Missiles hit Kharkiv Oblast, Odesa and Kyiv overnight, officials said."
    found = _places(text, gazetteer)
    assert found["Odesa"].admin1_code != "UA.07"
    assert found["Kyiv"].admin1_code != "UA.07"


def test_a_peoples_republic_qualifies_like_its_oblast(gazetteer):
    text = (
        "Russian units say they have freed the villages of Progress and Yevgenovka in "
        "Donetsk People's Republic during offensive operations."
    )
    found = _places(text, gazetteer)
    progress, yevhenivka = found["Progress"], found["Yevgenovka"]
    assert (progress.name, progress.admin1_code) == ("Prohres", "UA.05")
    assert (yevhenivka.name, yevhenivka.admin1_code) == ("Yevhenivka", "UA.05")
    # the oblast's Yevhenivka a few kilometres from Prohres, not the one by Mariupol
    assert abs(progress.lat - yevhenivka.lat) < 0.1


def test_a_name_the_index_lacks_stays_a_weak_near_spelling_in_a_qualified_list(gazetteer):
    text = (
        "Russian forces hit brigades near Torskoye, Ternov and Krasny Liman in the DPR, "
        "the ministry said."
    )
    top = next(t for t in geoparse(text, gazetteer=gazetteer) if t.surface == "Ternov")
    assert top.candidates[0].match == "near"
    assert top.confidence <= 0.7


def test_a_village_qualified_by_its_raion_is_the_namesake_in_that_raion(gazetteer):
    # Kharkiv Oblast has Veseles in several raions; the one of Kupiansk Raion lies north-west
    # of Kupiansk, near Velykyi Burluk.
    text = "Artillery hit the village of Vesele, Kupiansk district, on Sunday night."
    place = _places(text, gazetteer)["Vesele"]
    assert (place.admin1_code, round(place.lat, 1), round(place.lon, 1)) == ("UA.07", 50.0, 37.4)


def test_a_village_the_index_lacks_in_its_district_is_read_as_the_district(gazetteer):
    # The index knows Krasnoyes near Belgorod and further east, none in Shebekino's okrug.
    text = "A drone fell on Krasnoye, Shebekinsky urban district, on Monday."
    place = _places(text, gazetteer)["Krasnoye"]
    assert (place.name, place.kind) == ("Shebekinsky District", PlaceKind.ADMIN2)


def test_a_district_in_a_list_after_a_town_does_not_qualify_it(gazetteer):
    text = "Shells hit Kupiansk, Chuhuiv district and Izium over the weekend."
    assert _places(text, gazetteer)["Kupiansk"].name == "Kupiansk"


def test_a_community_placed_in_its_raion_is_that_raions_hromada_seat(gazetteer):
    # The 2020 raions are large: the seat of the hromada lies far from the raion's town, and
    # a nearer namesake of the same oblast is a small village, not a hromada's centre.
    text = (
        "Shelling was reported in Mykolaiv and Snihurivka. In the Novopavlivka community, "
        "lying in the Synelnykove district, a glide bomb damaged eight homes."
    )
    place = _places(text, gazetteer)["Novopavlivka"]
    assert place.admin1_name == "Dnipropetrovsk Oblast"
    assert (round(place.lat, 1), round(place.lon, 1)) == (48.1, 36.8)


# --- a district holds its own oblast's villages, by their codes (helper place12) -----------


def test_a_village_in_a_border_raion_is_not_its_namesake_over_the_oblast_line(gazetteer):
    # Pokrovsk Raion borders Dnipropetrovsk Oblast: a Stepove there lies as near the raion's
    # point as the one inside it, whose KATOTTG code begins with the raion's.
    text = "Shelling hit the village of Stepove in the Pokrovsk district on Monday."
    place = _places(text, gazetteer)["Stepove"]
    assert place.admin1_name == "Donetsk Oblast"
    assert place.place_id.startswith("ua:UA1416")


def test_a_district_in_brackets_after_a_village_situates_it(gazetteer):
    text = "Shelling hit the village of Stepove (Pokrovsk district) on Monday."
    place = _places(text, gazetteer)["Stepove"]
    assert place.place_id.startswith("ua:UA1416")


def test_an_oblasts_possessive_picks_its_own_namesake_of_a_lone_name(gazetteer):
    found = _places("Fighting went on near the Kharkiv region's Oleksandrivka.", gazetteer)
    assert found["Oleksandrivka"].admin1_code == "UA.07"


def test_an_oblasts_possessive_narrows_the_list_after_it(gazetteer):
    found = _places("Troops shelled the Kharkiv region's Oleksandrivka and Fedorivka.", gazetteer)
    assert found["Oleksandrivka"].admin1_code == "UA.07"
    assert found["Fedorivka"].admin1_code == "UA.07"
