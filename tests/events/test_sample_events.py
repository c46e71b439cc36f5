"""The events two shipped samples (data/samples) give, once reported wrong (issue 10, item 8).

Every new user sees the samples first, so these check what an analyst would code in them.
"""

from __future__ import annotations

import datetime as dt

from geo.config import data_dir
from geo.events.extract import extract_events
from geo.records import Article, EventType
from geo.text.articles import read_article
from geo.toponyms.geoparse import geoparse

SAMPLES = data_dir() / "samples"


def _events(article: Article, gazetteer) -> list:
    tops = geoparse(article.text, published=article.published, gazetteer=gazetteer)
    return extract_events(article, tops)


def _sample(name: str, gazetteer) -> list:
    return _events(read_article(SAMPLES / name), gazetteer)


def test_the_gomel_talks_are_a_negotiation_in_the_gomel_region_not_an_offensive(gazetteer):
    events = _sample("2022-03-01-first-talks-gomel.md", gazetteer)
    gomel = [e for e in events if e.place.name.startswith(("Gomel", "Homyel"))]
    assert [(e.event_type, e.date_start) for e in gomel] == [
        (EventType.NEGOTIATION, dt.date(2022, 2, 28))
    ]
    assert EventType.OFFENSIVE not in {e.event_type for e in events}


def test_the_retaking_of_sudzha_is_dated_march_2025(gazetteer):
    events = _sample("2025-03-14-sudzha-retaken.md", gazetteer)
    (sudzha,) = [e for e in events if e.event_type is EventType.ADVANCE]
    assert sudzha.place.name == "Sudzha"
    assert (sudzha.date_start, sudzha.date_end) == (dt.date(2025, 3, 13), dt.date(2025, 3, 13))


def test_talks_with_a_since_clause_before_their_venue_are_a_negotiation_there(gazetteer):
    # The Gomel sample's first wording, which real reports use too.
    text = (
        "Ukrainian and Russian delegations met on Monday for their first talks since the "
        "invasion began, at a venue in the Gomel region of Belarus close to the Ukrainian "
        "border."
    )
    article = Article("gomel-v1", "Talks", text, published=dt.date(2022, 3, 1))
    events = _events(article, gazetteer)
    assert [(e.event_type, e.date_start) for e in events] == [
        (EventType.NEGOTIATION, dt.date(2022, 2, 28))
    ]
