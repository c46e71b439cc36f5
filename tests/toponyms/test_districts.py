"""City districts read as their city, never as a namesake section or village elsewhere."""

from __future__ import annotations

from geo.toponyms.geoparse import geoparse


def _at(text, surface, gazetteer, nth=0):
    """The ``nth`` toponym whose surface is ``surface``."""
    found = [t for t in geoparse(text, gazetteer=gazetteer) if t.surface == surface]
    return found[nth] if len(found) > nth else None


def test_a_district_of_a_named_city_is_that_city(gazetteer):
    text = "Russian guns fired on the Dniprovskyi district of Kherson overnight, officials said."
    top = _at(text, "Dniprovskyi district", gazetteer)
    assert top is not None
    assert (top.place.name, top.place.admin1_code) == ("Kherson", "UA.08")


def test_a_possessive_city_owns_its_district(gazetteer):
    text = "A glide bomb hit an apartment block in Kharkiv's Kyivskyi district on Tuesday."
    top = _at(text, "Kyivskyi district", gazetteer)
    assert top is not None
    assert (top.place.name, top.place.admin1_code) == ("Kharkiv", "UA.07")


def test_a_bare_district_after_the_city_is_that_city_not_kyiv_or_poltava(gazetteer):
    text = (
        "Russian aircraft dropped bombs on Kharkiv on Tuesday evening. The mayor said one "
        "bomb landed in the Kyivskyi district and damaged a school."
    )
    top = _at(text, "Kyivskyi district", gazetteer)
    assert top is not None
    assert top.place.name == "Kharkiv"


def test_a_raion_of_the_named_oblast_stays_a_raion(gazetteer):
    # "the Pokrovskyi district of Donetsk" is a raion of the oblast, not a city district.
    text = "Evacuations went on in the Pokrovskyi district of Donetsk region on Friday."
    top = _at(text, "Pokrovskyi district", gazetteer)
    assert top is not None
    assert top.place.name == "Pokrovsk Raion"


def test_a_district_right_after_a_city_is_not_a_raion_of_another_oblast(gazetteer):
    text = "Last night was hard in Kherson: shells hit private houses in Dniprovsky district."
    top = _at(text, "Dniprovsky district", gazetteer)
    assert top is not None
    assert top.place.name == "Kherson"


def test_a_raion_next_to_a_city_that_is_an_oblast_of_its_own_stays_a_raion(gazetteer):
    text = "Drones flew over Kyiv overnight, and debris fell in the Vyshhorodskyi district."
    top = _at(text, "Vyshhorodskyi district", gazetteer)
    assert top is not None
    assert top.place.name == "Vyshhorod Raion"


def test_a_district_the_index_lacks_is_its_city_the_article_places_it_in(gazetteer):
    # Kherson and Mykolaiv both have a Korabelnyi district; the oblast named first decides.
    text = (
        "Two villages of Kherson region were shelled on Friday. Later a man died when a shell "
        "landed in the Korabelny district."
    )
    top = _at(text, "Korabelny district", gazetteer)
    assert top is not None
    assert (top.place.name, top.place.admin1_code) == ("Kherson", "UA.08")


def test_the_same_district_name_in_a_mykolaiv_report_is_mykolaiv(gazetteer):
    text = "Mykolaiv came under missile fire at night; a depot burned in the Korabelnyi district."
    top = _at(text, "Korabelnyi district", gazetteer)
    assert top is not None
    assert (top.place.name, top.place.admin1_code) == ("Mykolaiv", "UA.16")


def test_a_city_district_told_in_english_is_its_city_not_a_foreign_unit(gazetteer):
    # Israel's Central and Southern districts are the index's only readings of these names
    text = "In Kherson, a shell struck a pharmacy in the Central district on Monday."
    assert _at(text, "Central district", gazetteer).place.name == "Kherson"
    text = "Debris of a drone fell on a garage in Belgorod's Southern District at night."
    assert _at(text, "Southern District", gazetteer).place.name == "Belgorod"


def test_a_foreign_unit_without_a_theatre_city_beside_it_stays_itself(gazetteer):
    text = "Sirens sounded across the Southern District, Israel's army said on Monday."
    assert _at(text, "Southern District", gazetteer).place.country_code == "IL"


# --- a part of a town named by its own name (issue 10, dup14) ---


def test_a_named_microdistrict_of_a_town_is_that_town_not_a_namesake_abroad(gazetteer):
    # "Kanal" alone reads as a village in Slovenia; "of the ... city of Toretsk" places it.
    text = (
        "Ukrainian troops pulled out of the Kanal microdistrict of the battered city of "
        "Toretsk on Friday."
    )
    top = _at(text, "Kanal", gazetteer)
    assert top is not None
    assert (top.place.name, top.place.country_code) == ("Toretsk", "UA")


def test_a_named_quarter_followed_by_the_town_itself_is_that_town(gazetteer):
    top = _at("Fighting went on in the Kanal quarter of Kostiantynivka.", "Kanal", gazetteer)
    assert top is not None
    assert top.place.name == "Kostiantynivka"
