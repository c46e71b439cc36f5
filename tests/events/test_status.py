"""Factual status of an event: what a bulletin says was tried is attempted, not done."""

from __future__ import annotations

import datetime as dt

from geo.events.extract import extract_events
from geo.records import EventStatus, EventType
from geo.text.articles import article_from_text
from geo.toponyms.geoparse import geoparse


def _statuses(text, gazetteer):
    article = article_from_text(text, published=dt.date(2023, 4, 15))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return {(e.place.name, e.status) for e in events if e.event_type is EventType.OFFENSIVE}


def test_repelled_attempts_to_advance_near_villages_are_attempted_assaults(gazetteer):
    text = (
        "On the Bakhmut axis, Ukrainian units repelled the occupiers' attempts to advance "
        "towards Bohdanivka and Ivanivske."
    )
    assert _statuses(text, gazetteer) == {
        ("Bohdanivka", EventStatus.ATTEMPTED),
        ("Ivanivske", EventStatus.ATTEMPTED),
    }


def test_repelled_attacks_without_an_attempt_word_stay_happened(gazetteer):
    text = "On the Bakhmut axis, Ukrainian units repelled nine attacks near Bohdanivka."
    assert _statuses(text, gazetteer) == {("Bohdanivka", EventStatus.HAPPENED)}
