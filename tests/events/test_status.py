"""Factual status of events: what a bulletin says was tried is attempted, not done; planned
evacuations told in Ukrainian and Russian are no events."""

from __future__ import annotations

import datetime as dt

import pytest

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


def _evacuations(text, gazetteer):
    article = article_from_text(text, published=dt.date(2024, 10, 7))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [e for e in events if e.event_type is EventType.EVACUATION]


@pytest.mark.parametrize(
    "text",
    [
        "Обласна влада планує евакуацію родин із Куп'янська наступного тижня.",
        "Із Куп'янська будуть евакуйовані ще сто дітей.",
        "Родини з дітьми з Куп'янська евакуюватимуть автобусами.",
        "Власти намерены провести эвакуацию жителей Купянска.",
        "Из Купянска планируется эвакуация сотни детей.",
    ],
)
def test_a_planned_or_future_evacuation_in_cyrillic_is_no_event(text, gazetteer):
    assert _evacuations(text, gazetteer) == []


@pytest.mark.parametrize(
    "text",
    [
        "З Куп'янська евакуювали ще сто дітей.",
        "Обласна влада оголосила обов'язкову евакуацію з Куп'янська.",
        "Из Купянска эвакуировали сотню детей.",
    ],
)
def test_an_evacuation_done_or_ordered_in_cyrillic_stays_an_event(text, gazetteer):
    assert [e.place.name for e in _evacuations(text, gazetteer)] == ["Kupiansk"]


def test_a_plan_to_step_up_an_evacuation_under_way_is_still_an_evacuation(gazetteer):
    text = "У Куп'янську планують посилити евакуацію родин з дітьми."
    assert [e.place.name for e in _evacuations(text, gazetteer)] == ["Kupiansk"]


@pytest.mark.parametrize(
    "text",
    [
        "The shelling deepened fears that Russian troops were positioning to advance deeper into "
        "Zaporizhzhia Oblast.",
        "Officials warned that Russian units were poised to capture Kupiansk.",
        "Moscow is gearing up for a new assault on Kharkiv, analysts said.",
    ],
)
def test_forces_readied_for_a_move_tell_no_event(text, gazetteer):
    article = article_from_text(text, published=dt.date(2023, 4, 15))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [e for e in events if e.event_type in (EventType.ADVANCE, EventType.OFFENSIVE)] == []


def test_troops_moved_into_position_before_a_gain_keep_the_gain(gazetteer):
    text = "Russian troops took positions near Kupiansk and captured the village of Synkivka."
    article = article_from_text(text, published=dt.date(2023, 4, 15))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert "Synkivka" in {e.place.name for e in events if e.event_type is EventType.ADVANCE}
