"""Folding repeated readings of one happening (geo.events.merge), on text we wrote."""

from __future__ import annotations

import datetime as dt

from geo.events.extract import extract_events
from geo.records import EventStatus, EventType
from geo.text.articles import article_from_text
from geo.toponyms.geoparse import geoparse


def test_a_raion_strike_folds_into_the_strike_on_its_namesake_centre_that_day(gazetteer):
    # A bulletin tells the shelling of a district with its toll, then the hit on the
    # district's centre: one strike, at the town, with the toll.
    text = (
        "Russian gunners shelled Nikopol district through the day, injuring a 61-year-old "
        "woman. The enemy fired artillery shells at Nikopol itself as well, an official said."
    )
    article = article_from_text(text, published=dt.date(2024, 9, 10))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    strikes = [e for e in events if e.event_type is EventType.ATTACK]
    assert [e.place.name for e in strikes] == ["Nikopol"]
    assert strikes[0].injured == 1


def test_the_folded_strike_keeps_the_reporters_status_over_a_quoted_claim(gazetteer):
    text = (
        "Russian gunners shelled Nikopol district through the day, injuring a 61-year-old "
        'woman. "The enemy fired artillery shells at Nikopol itself as well," an official said.'
    )
    article = article_from_text(text, published=dt.date(2024, 9, 10))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    (strike,) = [e for e in events if e.event_type is EventType.ATTACK]
    assert strike.place.name == "Nikopol"
    assert strike.status is EventStatus.HAPPENED
