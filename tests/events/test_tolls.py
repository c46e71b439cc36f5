"""Tolls told place by place (geo.events.tolls), on text we wrote."""

from __future__ import annotations

import datetime as dt

from geo.events.extract import extract_events
from geo.records import EventType
from geo.text.articles import article_from_text
from geo.toponyms.geoparse import geoparse


def _injured(text, gazetteer):
    article = article_from_text(text, published=dt.date(2024, 8, 16))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return {e.place.name: e.injured for e in events if e.event_type is EventType.ATTACK}


_LEAD = "Twelve civilians were hurt by Russian shelling across Donetsk Oblast on Thursday. "


def test_a_count_told_once_for_joined_places_is_each_ones_when_the_whole_says_so(gazetteer):
    # 6 + 2 + 2 + 1 + 1 is the region's twelve: "two in B and C" is two each, and the
    # region's lead is the towns' strikes summed, no strike of its own
    text = _LEAD + (
        '"On Thursday, Russians wounded 12 civilians in the Donetsk region: 6 in Kramatorsk, '
        'two in Druzhkivka and Sloviansk, one in Pokrovsk and Selydove," the governor wrote.'
    )
    assert _injured(text, gazetteer) == {
        "Kramatorsk": 6,
        "Druzhkivka": 2,
        "Sloviansk": 2,
        "Pokrovsk": 1,
        "Selydove": 1,
    }


def test_a_count_told_once_for_joined_places_stays_with_the_first_when_the_sum_holds(
    gazetteer,
):
    # 6 + 2 + 1 is the region's nine as it stands: the joined places have no count of their own
    text = (
        '"On Thursday, Russians wounded 9 civilians in the Donetsk region: 6 in Kramatorsk, '
        'two in Druzhkivka and Sloviansk, one in Pokrovsk and Selydove," the governor wrote.'
    )
    got = _injured(text, gazetteer)
    assert got["Druzhkivka"] == 2 and got["Sloviansk"] is None
