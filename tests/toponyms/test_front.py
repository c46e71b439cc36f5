"""Namesake villages at the front: the report's date picks the one where the war was."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.places.gazetteer import Gazetteer
from geo.records import Place, PlaceKind
from geo.toponyms.front import _tells_fighting, front_unit, in_front_area
from geo.toponyms.geoparse import geoparse


def _reading(text: str, name: str, published: dt.date | None, gazetteer: Gazetteer) -> Place:
    return next(
        t.place
        for t in geoparse(text, published=published, gazetteer=gazetteer)
        if t.surface == name
    )


def test_a_fight_at_a_namesake_is_read_at_the_one_on_the_front(gazetteer):
    # Sobolivka: a village of 3,700 in Vinnytsia Oblast, far from the war, and a small one
    # in Kharkiv Oblast's Kupiansk raion, where the fighting was in 2024.
    text = "Ukrainian troops beat back an attack on Sobolivka overnight, the General Staff said."
    place = _reading(text, "Sobolivka", dt.date(2024, 6, 1), gazetteer)
    assert place.admin1_code == "UA.07"
    assert in_front_area(place, dt.date(2024, 6, 1), gazetteer)
    # without a date, the bigger namesake
    assert _reading(text, "Sobolivka", None, gazetteer).admin1_code == "UA.23"


def test_the_oblast_the_report_names_keeps_its_namesake(gazetteer):
    fight = "Ukrainian troops beat back an attack on Sobolivka overnight, the General Staff said."
    day = dt.date(2024, 6, 1)
    assert _reading(fight, "Sobolivka", day, gazetteer).admin1_code == "UA.07"
    text = fight + " Later a drone fell on a barn in Vinnytsia Oblast."
    assert _reading(text, "Sobolivka", day, gazetteer).admin1_code == "UA.23"


def test_a_report_from_before_the_front_came_is_unaffected(gazetteer):
    # Krutoiarivka: one in Odesa Oblast (in GeoNames) and one in Dnipropetrovsk Oblast's
    # Synelnykove raion, which the ground war reached in 2025.
    text = "Russian units stormed Krutoiarivka, the ministry in Moscow claimed."
    assert _reading(text, "Krutoiarivka", dt.date(2025, 8, 1), gazetteer).admin1_code == "UA.04"
    assert _reading(text, "Krutoiarivka", dt.date(2023, 8, 1), gazetteer).admin1_code == "UA.17"


def test_a_sentence_without_fighting_keeps_the_prior(gazetteer):
    day = dt.date(2024, 6, 1)
    fight = "Shelling hit Sobolivka this spring, the Ukrainian health ministry said."
    assert _reading(fight, "Sobolivka", day, gazetteer).admin1_code == "UA.07"
    text = "A new clinic opened in Sobolivka this spring, the Ukrainian health ministry said."
    assert _reading(text, "Sobolivka", day, gazetteer).admin1_code == "UA.23"


def test_namesakes_at_the_front_far_apart_are_left_alone(gazetteer):
    # Several Pervomaiskes lie in Donetsk Oblast's raions, 100 km and more apart: the prior
    # cannot say which, so the reading the scores give stands; Sobolivka's one at the front
    # is alone there, and the same report moves it.
    text = (
        "Russian forces pressed their assault near Pervomaiske, Ukraine's army said. "
        "Ukrainian troops beat back an attack on Sobolivka overnight."
    )
    day = dt.date(2024, 3, 1)
    assert _reading(text, "Sobolivka", day, gazetteer).admin1_code == "UA.07"
    with_date = _reading(text, "Pervomaiske", day, gazetteer)
    assert with_date.place_id == _reading(text, "Pervomaiske", None, gazetteer).place_id
    assert not in_front_area(with_date, day, gazetteer)


def test_a_border_village_of_russia_falls_in_the_district_of_the_nearest_seat(gazetteer):
    village = Place("pt:test", "Test", 51.2, 35.3, PlaceKind.POPULATED_PLACE, "RU", "RU.41")
    assert front_unit(village, gazetteer) == "ru2:RU.41:Sudzhansky"
    assert in_front_area(village, dt.date(2024, 11, 1), gazetteer)
    assert not in_front_area(village, dt.date(2022, 1, 1), gazetteer)


def test_among_namesakes_of_the_oblast_the_report_names_the_one_at_the_front_wins(gazetteer):
    # Three Loknias lie in Sumy Oblast; naming the oblast settles none of them, so the one in
    # the raion where the fighting was in 2025 is read, as it is when no oblast is named.
    day = dt.date(2025, 5, 14)
    text = "Russian forces captured Loknia, the Sumy Oblast administration said."
    place = _reading(text, "Loknia", day, gazetteer)
    assert place.admin1_code == "UA.21" and in_front_area(place, day, gazetteer)


def test_a_publication_time_counts_by_its_day(gazetteer):
    text = "Ukrainian troops beat back an attack on Sobolivka overnight, the General Staff said."
    at = dt.datetime(2024, 6, 1, 9, 30)
    assert _reading(text, "Sobolivka", at, gazetteer).admin1_code == "UA.07"


@pytest.mark.parametrize(
    ("text", "name", "fighting"),
    [
        ("Russian troops attacked Loknia at dawn.", "Loknia", True),
        ("Наступ на Локню триває.", "Локню", True),
        # "next week" shares its stem with "offensive"; a village named after a word of war
        ("Фестиваль у Локні перенесли на наступного тижня.", "Локні", False),
        ("Ярмарок в Ударному відкрили в неділю.", "Ударному", False),
        ("Pupils from Loknia will take part in the frontier games.", "Loknia", False),
        # a fight told far back, beyond the sentence's 400-character window, is not this one's
        ("Troops attacked Pokrovsk. " + "The fair " * 60 + "was held in Loknia.", "Loknia", False),
    ],
)
def test_only_words_of_fighting_in_the_names_sentence_count(text, name, fighting):
    start = text.index(name)
    assert _tells_fighting(text, start, start + len(name)) is fighting
