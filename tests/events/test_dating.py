"""Dating of events (geo.events.dating): days a bulletin's lead gives the strikes it lists."""

from __future__ import annotations

import datetime as dt

from geo.events.extract import extract_events
from geo.records import EventType
from geo.text.articles import article_from_text
from geo.toponyms.geoparse import geoparse

_BULLETIN = (
    "Over the past day, May 3, Russian forces shelled 12 settlements in the Kherson region.\n"
    "The head of the regional administration wrote this on Telegram.\n"
    '"Artillery hit Bilozerka, Antonivka and Stanislav," he said.\n'
    "It is noted that Russian troops launched 9 drone attacks on Darivka, Tiahynka and "
    "Beryslav. They also shelled Zmiivka and Dudchany with rocket launchers.\n"
)


def _attacks(text, gazetteer, published):
    article = article_from_text(text, published=published)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return {
        e.place.name: (e.date_start, e.date_end) for e in events if e.event_type is EventType.ATTACK
    }


def test_a_bulletins_day_goes_to_every_sentence_of_its_list_of_strikes(gazetteer):
    days = _attacks(_BULLETIN, gazetteer, dt.date(2024, 5, 4))
    may3 = (dt.date(2024, 5, 3),) * 2
    listed = ["Bilozerka", "Antonivka", "Darivka", "Tiahynka", "Beryslav", "Zmiivka", "Dudchany"]
    assert {name: days.get(name) for name in listed} == dict.fromkeys(listed, may3)


def test_a_strike_in_another_oblast_after_the_list_keeps_the_reports_day(gazetteer):
    text = _BULLETIN + "Separately, a drone hit Sumy, the city council said.\n"
    days = _attacks(text, gazetteer, dt.date(2024, 5, 4))
    assert days["Sumy"] == (dt.date(2024, 5, 4),) * 2
