"""Event extraction: type, place, date, figures and provenance, on the seed and small texts."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.articles import article_from_text
from geo.events import extract_events, parse_figures, split_sentences
from geo.geoparse import geoparse
from geo.records import DatePrecision, EventType, GeoPrecision
from tests.conftest import SEED_PUBLISHED


def _events(text, gazetteer, published=dt.date(2024, 9, 5)):
    article = article_from_text(text, published=published)
    return extract_events(article, geoparse(article.text, gazetteer=gazetteer))


@pytest.fixture(scope="module", params=[SEED_PUBLISHED, None], ids=["given-date", "inferred-date"])
def seed_events(request, seed_text, gazetteer):
    article = article_from_text(seed_text, published=request.param)
    assert article.published == SEED_PUBLISHED
    return extract_events(article, geoparse(article.text, gazetteer=gazetteer))


def _one(events, etype, place_name):
    found = [e for e in events if e.event_type is etype and e.place.name == place_name]
    assert found, (
        f"no {etype.value} at {place_name}: {[(e.event_type, e.place.name) for e in events]}"
    )
    return found[0]


def test_seed_kursk_offensive_is_dated_august_6(seed_events):
    ev = _one(seed_events, EventType.OFFENSIVE, "Kursk Oblast")
    assert ev.place.admin1_code == "RU.41" and ev.geo_precision is GeoPrecision.ADMIN1
    assert (ev.date_start, ev.date_end) == (dt.date(2024, 8, 6),) * 2
    assert ev.date_precision is DatePrecision.DAY


def test_seed_pokrovsk_evacuation_has_figures_and_this_week(seed_events, seed_text):
    ev = _one(seed_events, EventType.EVACUATION, "Pokrovsk")
    assert (ev.people, ev.children) == (26000, 1000)
    assert ev.date_precision is DatePrecision.WEEK
    assert dt.date(2024, 9, 2) <= ev.date_start <= ev.date_end <= dt.date(2024, 9, 8)
    assert ev.place.admin1_code == "UA.05"
    assert seed_text[ev.sentence_start : ev.sentence_end] == ev.quote  # provenance is exact


def test_seed_statement_is_at_vladivostok_on_publication_day(seed_events):
    ev = _one(seed_events, EventType.STATEMENT, "Vladivostok")
    assert ev.date_start == ev.date_end == SEED_PUBLISHED
    assert "Eastern Economic Forum" in ev.quote


def test_seed_istanbul_talks_are_march_2022(seed_events):
    ev = _one(seed_events, EventType.NEGOTIATION, "Istanbul")
    assert (ev.date_start, ev.date_end) == (dt.date(2022, 3, 1), dt.date(2022, 3, 31))
    assert ev.date_precision is DatePrecision.MONTH


def test_seed_has_no_event_at_moscow_or_new_york(seed_events):
    assert not [e for e in seed_events if e.place.name in {"Moscow", "New York City", "Niu-York"}]


def test_place_is_where_it_happens_not_every_place_in_the_sentence(gazetteer):
    events = _events(
        "Rescue teams from Poltava were sent to Kharkiv after a missile struck Kharkiv on Monday.",
        gazetteer,
    )
    attacks = [e for e in events if e.event_type is EventType.ATTACK]
    assert attacks and {e.place.name for e in attacks} == {"Kharkiv"}
    assert attacks[0].date_start == dt.date(2024, 9, 2)  # the Monday before publication


def test_government_metonymy_is_not_an_event_place(gazetteer):
    events = _events("Moscow said the talks had failed. Kyiv rejected the plan.", gazetteer)
    assert not [e for e in events if e.place.name in {"Moscow", "Kyiv"}]


def test_direct_speech_does_not_make_events(gazetteer):
    events = _events("“We shelled Kharkiv and took Vovchansk,” the commander claimed.", gazetteer)
    assert events == []


def test_undated_article_keeps_only_absolutely_dated_events(gazetteer):
    article = article_from_text(
        "A missile hit Odesa on Tuesday. Talks were held in Istanbul in March 2022.", published=None
    )
    assert article.published is None
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [(e.event_type, e.place.name) for e in events] == [(EventType.NEGOTIATION, "Istanbul")]


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("More than 26,000 civilians, including 1,000 children, have fled.", (26000, 1000)),
        ("About 300 residents were evacuated.", (300, None)),
        ("Nearly two thousand people left.", (2000, None)),
        ("1.2 million people were displaced.", (1_200_000, None)),
        ("Thousands of people fled.", (None, None)),
    ],
)
def test_figures_become_integers(sentence, figures):
    assert parse_figures(sentence) == figures


def test_sentences_keep_offsets_and_ignore_abbreviations():
    text = "Gen. Syrskyi spoke. The U.S. agreed! Then talks ended."
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Gen. Syrskyi spoke.",
        "The U.S. agreed!",
        "Then talks ended.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sents)
