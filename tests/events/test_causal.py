"""Events joined to a place by a cause or a concession ("remain in X despite an offensive")."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.extract import extract_events
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
            "About 2,000 residents still live in Myrnohrad, Donetsk Oblast, despite a heavy "
            "Russian offensive.",
            EventType.OFFENSIVE,
            "Myrnohrad",
        ),
        (
            "Because of the growing danger in four villages of the Izium district of the "
            "Kharkiv region, local officials ordered a mandatory evacuation of families.",
            EventType.EVACUATION,
            "Izium Raion",
        ),
        (
            "The flooding of the lowlands below Nova Kakhovka in the Kherson region was "
            "caused by explosions at night.",
            EventType.ATTACK,
            "Nova Kakhovka",
        ),
    ],
)
def test_an_event_given_as_cause_or_concession_is_at_the_place_of_its_clause(
    gazetteer, text, etype, place
):
    found = {e.place.name for e in _events(text, gazetteer) if e.event_type is etype}
    assert found == {place}


def test_a_strike_behind_another_cause_is_not_placed_by_it(gazetteer):
    # the outage's cause is broken lines; the strikes are the reason's reason
    text = (
        "Some 30,000 homes in Sumy Oblast lost power due to broken lines caused by missile "
        "strikes. About 2,000 residents still live in Myrnohrad, Donetsk Oblast, despite a "
        "heavy Russian offensive."
    )
    found = [(e.event_type, e.place.name) for e in _events(text, gazetteer)]
    assert found == [(EventType.OFFENSIVE, "Myrnohrad")]
