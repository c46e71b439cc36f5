"""Issue 10: the phrasing of real reports, in sentences written for this project.

Each test reproduces a way real wire copy, local outlets and ministry bulletins put things:
status, trigger families, Ukrainian and Russian forms, places by reference and direction,
casualty figures and dates.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.casualties import parse_casualties
from geo.events.extract import extract_events
from geo.records import EventStatus, EventType, GeoPrecision
from geo.text.articles import article_from_text
from geo.toponyms.geoparse import geoparse

PUBLISHED = dt.date(2024, 10, 16)  # a Wednesday


def _events(text, gazetteer, published=PUBLISHED):
    article = article_from_text(text, published=published)
    return extract_events(article, geoparse(article.text, gazetteer=gazetteer))


def _kinds(events):
    return {(e.event_type, e.place.name) for e in events}


# --- status -------------------------------------------------------------------------------


def test_a_ministry_account_of_a_capture_is_claimed_by_it(gazetteer):
    events = _events(
        "According to the General Staff, Russian troops captured Novohrodivka.", gazetteer
    )
    ev = next(e for e in events if e.event_type is EventType.ADVANCE)
    assert ev.status is EventStatus.CLAIMED and ev.claimed_by == "General Staff"


def test_a_quoted_account_is_used_and_claimed_by_the_speaker(gazetteer):
    text = "“Our units withdrew from Vuhledar to save lives,” the brigade spokesman said."
    ev = next(e for e in _events(text, gazetteer) if e.event_type is EventType.ADVANCE)
    assert ev.place.name == "Vuhledar" and ev.status is EventStatus.CLAIMED
    assert ev.claimed_by == "the brigade spokesman"


def test_a_strike_reported_as_fact_has_happened(gazetteer):
    ev = _events("Russian missiles struck Odesa on Monday.", gazetteer)[0]
    assert ev.status is EventStatus.HAPPENED and ev.claimed_by == ""


def test_evacuation_under_way_is_attempted(gazetteer):
    ev = _events("Evacuations are underway from Pokrovsk.", gazetteer)[0]
    assert ev.event_type is EventType.EVACUATION and ev.status is EventStatus.ATTEMPTED


def test_trying_to_advance_is_an_attempted_offensive_not_an_advance(gazetteer):
    events = _events("Russian forces are trying to advance towards Pokrovsk.", gazetteer)
    assert _kinds(events) == {(EventType.OFFENSIVE, "Pokrovsk")}
    assert events[0].status is EventStatus.ATTEMPTED


def test_a_bid_to_seize_is_not_a_capture(gazetteer):
    events = _events("Russian troops stormed Toretsk in a bid to seize the town.", gazetteer)
    assert EventType.ADVANCE not in {e.event_type for e in events}


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts said the new bridge could aid in the capture of Pokrovsk.",
        "Ukrainian units may be forced to withdraw from Kurakhove.",
        "The fighting is reminiscent of the battle for Bakhmut.",
        "The campaign aimed to seize Kharkiv within days.",
    ],
    ids=["could-aid", "may-be-forced", "reminiscent", "aimed-to"],
)
def test_hypotheticals_intentions_and_comparisons_are_not_events(sentence, gazetteer):
    assert _events(sentence, gazetteer) == []


def test_the_war_itself_is_not_an_offensive_at_the_country(gazetteer):
    text = "Russia's invasion of Ukraine has dragged on for more than two years."
    assert _events(text, gazetteer) == []


# --- trigger families from real phrasing -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ukrainian forces repelled assaults in the areas of Kupiansk and Borova.",
            {(EventType.OFFENSIVE, "Kupiansk"), (EventType.OFFENSIVE, "Borova")},
        ),
        (
            "Russian forces broke through to the outskirts of Toretsk.",
            {(EventType.ADVANCE, "Toretsk")},
        ),
        (
            "Ukrainian troops are pulling back from a position near Avdiivka.",
            {(EventType.ADVANCE, "Avdiivka")},
        ),
        ("Russian artillery kept bombarding Kharkiv.", {(EventType.ATTACK, "Kharkiv")}),
        (
            "Ukrainian troops claimed control over the gas hub in Sudzha.",
            {(EventType.ADVANCE, "Sudzha")},
        ),
        (
            "Russian troops carried out 26 attacks near Kupiansk.",
            {(EventType.OFFENSIVE, "Kupiansk")},
        ),
    ],
    ids=["repelled", "broke-through", "pulling-back", "bombarding", "control-over", "ground"],
)
def test_real_trigger_phrasing(sentence, expected, gazetteer):
    assert _kinds(_events(sentence, gazetteer)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Росіяни обстріляли Херсон.", (EventType.ATTACK, "Kherson")),
        ("Триває евакуація з Покровська.", (EventType.EVACUATION, "Pokrovsk")),
        ("Армія РФ завдала удару по Харкову.", (EventType.ATTACK, "Kharkiv")),
        ("Российские войска обстреляли Херсон.", (EventType.ATTACK, "Kherson")),
    ],
    ids=["uk-shelled", "uk-evacuation", "uk-strike", "ru-shelled"],
)
def test_ukrainian_and_russian_forms(sentence, expected, gazetteer):
    assert expected in _kinds(_events(sentence, gazetteer))


# --- places by reference and by direction ----------------------------------------------------


def test_there_refers_to_the_settlement_just_named(gazetteer):
    text = "Russian forces entered Toretsk last week. Heavy fighting continues there."
    assert (EventType.OFFENSIVE, "Toretsk") in _kinds(_events(text, gazetteer))


def test_the_province_refers_to_the_oblast_just_named(gazetteer):
    text = "Ukrainian forces crossed into Kursk Oblast. Fighting in the province went on Monday."
    fights = [e for e in _events(text, gazetteer) if e.event_type is EventType.OFFENSIVE]
    assert {e.place.name for e in fights} == {"Kursk Oblast"}


def test_a_direction_is_an_area_event_not_the_city(gazetteer):
    events = _events("Russian forces launched 26 assaults on the Kupiansk axis.", gazetteer)
    ev = events[0]
    assert ev.place.name == "Kupiansk direction"
    assert ev.geo_precision is GeoPrecision.REGION
    assert ev.place.admin1_name.startswith("Kharkiv")


def test_an_oblast_in_apposition_makes_no_second_event(gazetteer):
    text = "A Russian missile hit a residential building in Uman, Cherkasy Oblast."
    assert _kinds(_events(text, gazetteer)) == {(EventType.ATTACK, "Uman")}


# --- casualty figures -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("One person was killed and two civilians were injured in the strike.", 1, 2),
        ("The drone hit a house, killing a 70-year-old man and wounding five.", 1, 5),
        ("At least six people were killed and 16 others injured by the shelling.", 6, 16),
        ("The governor gave a toll of four dead and another four injured.", 4, 4),
        ("At least 61 people, including a baby, were injured in the attack.", None, 61),
        ("Shelling kills one person, wounds 14, the governor says.", 1, 14),
        ("No casualties were reported.", 0, 0),
        ("Внаслідок обстрілу загинули 3 людини, ще п'ятеро поранені.", 3, 5),
    ],
)
def test_casualties_in_words_and_digits(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_a_running_toll_is_not_one_event_s_casualties():
    assert not parse_casualties("Civilian casualties have climbed to 1,761, including 636 killed.")


def test_casualties_fill_the_strike_and_carry_from_the_next_sentence(gazetteer):
    text = (
        "A Russian missile struck Uman on Friday, killing seven people. "
        "Eighteen people were injured, the police said."
    )
    ev = next(e for e in _events(text, gazetteer) if e.event_type is EventType.ATTACK)
    assert (ev.killed, ev.injured) == (7, 18)
    assert "killing seven people" in ev.figures_text


# --- dates ---------------------------------------------------------------------------------


def test_each_assault_takes_its_own_date(gazetteer):
    text = (
        "Russian forces launched 10 attacks near Toretsk on October 7th, "
        "followed by 12 assaults on October 8th."
    )
    days = sorted(e.date_start for e in _events(text, gazetteer))
    assert days == [dt.date(2024, 10, 7), dt.date(2024, 10, 8)]


def test_a_weekday_does_not_cross_a_glued_full_stop(gazetteer):
    text = "Officials met on Monday.Russian missiles struck Kharkiv."
    ev = next(e for e in _events(text, gazetteer) if e.event_type is EventType.ATTACK)
    assert ev.date_start == PUBLISHED  # Monday belongs to the meeting's sentence
