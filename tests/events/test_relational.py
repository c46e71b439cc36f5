"""Events told by bearing or distance from a town are placed at that town."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.extract import extract_events
from geo.events.relational import relational_place
from geo.records import EventType
from geo.text.articles import article_from_text
from geo.toponyms.geoparse import geoparse

PUBLISHED = dt.date(2024, 11, 5)


def _events(text, gazetteer):
    article = article_from_text(text, published=PUBLISHED)
    return extract_events(article, geoparse(article.text, gazetteer=gazetteer))


@pytest.mark.parametrize(
    ("text", "etype", "place"),
    [
        (
            "Moscow's troops have been capturing small patches of land to the north, northwest and "
            "west of Kurakhove, a military blogger wrote.",
            EventType.ADVANCE,
            "Kurakhove",
        ),
        (
            "The Russian army opened a fresh offensive on land from north and northwest of "
            "Sumy Oblast on Friday morning.",
            EventType.OFFENSIVE,
            "Sumy Oblast",
        ),
        (
            "A brigade spokesman said on television that fierce battles had been taking place not "
            "far from Vovchansk.",
            EventType.OFFENSIVE,
            "Vovchansk",
        ),
        (
            "Ukrainian units had moved away from Almaz, a fortified strongpoint in the west "
            "of Toretsk, to save lives, the commander said.",
            EventType.ADVANCE,
            "Toretsk",
        ),
    ],
)
def test_an_event_told_by_bearing_or_distance_from_a_town_is_at_that_town(
    gazetteer, text, etype, place
):
    found = {e.place.name for e in _events(text, gazetteer) if e.event_type is etype}
    assert found == {place}


def test_a_bearing_past_a_new_clause_is_not_the_events_place(gazetteer):
    # the first fighting has no place of its own: the town after "said" is in another clause
    text = (
        "Fighting went on through the night, the governor said, north of Kupiansk. A "
        "spokesman said that fierce battles had been taking place not far from Vovchansk."
    )
    found = [e.place.name for e in _events(text, gazetteer) if e.event_type is EventType.OFFENSIVE]
    assert found == ["Vovchansk"]


def test_a_town_after_the_trigger_without_a_bearing_is_not_taken(gazetteer):
    article = article_from_text("Heavy fighting, reporters in Kramatorsk heard.", published=None)
    tops = [t for t in geoparse(article.text, gazetteer=gazetteer) if t.place is not None]
    assert tops  # the town is read; only the phrase before it decides
    trig_end = article.text.index("fighting") + len("fighting")
    assert relational_place(article.text, EventType.OFFENSIVE, trig_end, tops) == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Moscow said on Friday its troops had captured two villages some 15 kilometres (9 "
            "miles) south of Kostiantynivka, Ivanopillia and Shcherbynivka.",
            {"Ivanopillia", "Shcherbynivka"},
        ),
        # the names apposed are not in the index: the reference town is still not the place
        (
            "Moscow said on Friday its troops had captured two villages some 15 kilometres (9 "
            "miles) north of Kupiansk, Zhelannovka and Ozeryanovka.",
            set(),
        ),
    ],
)
def test_villages_counted_then_named_after_their_reference_town_are_the_places(
    gazetteer, text, places
):
    found = {e.place.name for e in _events(text, gazetteer) if e.event_type is EventType.ADVANCE}
    assert found == places


@pytest.mark.parametrize(
    "text",
    [
        "Moscow said on Friday it had captured the village of Zhelannovka, 40 km west of "
        "Donetsk city.",
        "Moscow said on Friday it had captured Zhelannovka, some 35 kilometres (22 miles) "
        "northwest of Avdiivka.",
        "Ukrainian forces shelled a village 50 km from Belgorod on Friday, wounding two.",
    ],
)
def test_a_town_told_beyond_the_reach_of_the_place_it_measures_places_nothing(gazetteer, text):
    assert [e for e in _events(text, gazetteer) if e.event_type is not EventType.STATEMENT] == []


def test_a_town_told_within_reach_still_stands_for_an_unknown_village(gazetteer):
    text = "Moscow said on Friday it had captured Zhelannovka, 12 km northwest of Avdiivka."
    places = [e.place.name for e in _events(text, gazetteer) if e.event_type is EventType.ADVANCE]
    assert places == ["Avdiivka"]
