"""A strike placed by what it did: damage, destruction or a fire told in its sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.extract import extract_events
from geo.records import EventType
from geo.text.articles import article_from_text
from geo.toponyms.geoparse import geoparse

PUBLISHED = dt.date(2024, 11, 5)


def _strikes(text, gazetteer):
    article = article_from_text(text, published=PUBLISHED)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return sorted(e.place.name for e in events if e.event_type is EventType.ATTACK)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            # the strike told first, in a fronted phrase with its doer
            "As a result of the invaders' artillery shelling overnight, two private homes "
            "in Marhanets were damaged.",
            ["Marhanets"],
        ),
        (
            # each damaged thing of a listed subject has its own place
            "Owing to the enemy's shelling on Tuesday, an apartment block and a kiosk in "
            "Nikopol, as well as a gas pipe in Marhanets were damaged.",
            ["Marhanets", "Nikopol"],
        ),
        (
            # the result told first, the strike after it
            "Four garages in Kupiansk were destroyed in the morning drone attack.",
            ["Kupiansk"],
        ),
        (
            # a participle after a strike on a region that is not named
            "Russian forces shelled the district again, damaging a clinic in Balakliia and a "
            "bridge in Kupiansk.",
            ["Balakliia", "Kupiansk"],
        ),
        (
            # a fire the strike started
            "After a missile strike, a large fire broke out at a grain terminal in Izmail.",
            ["Izmail"],
        ),
        (
            "Due to the night shelling, a timber warehouse in Nikopol caught fire.",
            ["Nikopol"],
        ),
    ],
)
def test_a_placeless_strike_is_where_its_damage_is_told(gazetteer, text, places):
    assert _strikes(text, gazetteer) == places


@pytest.mark.parametrize(
    "text",
    [
        # damage told as not done
        "As a result of the shelling, no buildings were damaged in Nikopol.",
        # damage of no strike
        "After the storm, several roofs in Nikopol were damaged.",
        # the damage is another clause's, past a clause of its own
        "The shelling went on all night, while a barn in Nikopol was destroyed by a flood.",
    ],
)
def test_damage_not_done_or_not_the_strikes_places_nothing(gazetteer, text):
    assert _strikes(text, gazetteer) == []


def test_a_strike_with_its_own_place_keeps_it(gazetteer):
    # the strike's own object is its place; the damage told after adds no other strike
    text = "Drones struck Kupiansk overnight; windows in Balakliia were shattered by the blast."
    assert "Kupiansk" in _strikes(text, gazetteer)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a regional bulletin's line headed by its place
        (
            "The night was restless.\nMarhanets: a drone hit a garage, a woman was hurt.",
            ["Marhanets"],
        ),
        (
            "Shelling went on across the district.\n- Kupiansk community: the enemy dropped "
            "two KABs, a house was damaged.",
            ["Kupiansk"],
        ),
        # a place the strike's result befell
        ("Officials said Nikopol was rocked by explosions overnight.", ["Nikopol"]),
        ("Marhanets was left without power after a Russian missile strike.", ["Marhanets"]),
        # the outage told by its other verbs
        ("Parts of Marhanets were plunged into darkness after the night's strikes.", ["Marhanets"]),
        ("Two districts of Marhanets were de-energised after a drone attack.", ["Marhanets"]),
        ("Marhanets was cut off from power following Russian shelling.", ["Marhanets"]),
    ],
)
def test_a_headed_line_or_a_place_a_result_befell_is_the_strikes_place(gazetteer, text, places):
    assert _strikes(text, gazetteer) == places


@pytest.mark.parametrize(
    "text",
    [
        # a wire dateline, the article's opening words
        "KHERSON: Russian drones hit a market overnight, officials said.",
        "Kherson: Russian drones hit a market overnight, officials said.",
        # a country heading a report's line
        "Fresh reports came in.\nUkraine: drones hit a market overnight, officials said.",
    ],
)
def test_a_dateline_or_a_country_heading_a_line_frames_nothing(gazetteer, text):
    assert _strikes(text, gazetteer) == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "The air force said drones struck nearly every region, from the northern regions "
            "of Sumy and Chernihiv to the port city of Izmail and the capital, Kyiv.",
            ["Chernihiv Oblast", "Izmail", "Kyiv", "Sumy Oblast"],
        ),
        (
            "Moscow fired cruise missiles at towns across Ukraine, from Uzhhorod in the west "
            "to Kupiansk in the east.",
            ["Kupiansk", "Uzhhorod"],
        ),
    ],
)
def test_a_strike_across_the_country_reaches_the_places_of_its_range(gazetteer, text, places):
    assert _strikes(text, gazetteer) == places


def test_a_range_of_anything_but_places_hit_is_no_strike(gazetteer):
    text = "Queues at the border stretched from Uzhhorod to Mukachevo, officials said."
    assert _strikes(text, gazetteer) == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a toll told as a noun at its place, the strike after it
        ("There were casualties in Balakliia after the night shelling.", ["Balakliia"]),
        # a place and its unnamed neighbours, the subject of a passive
        ("Vovchansk and surrounding villages were shelled again on Sunday.", ["Vovchansk"]),
        # hits in an official's translated word
        ("On Monday arrivals were recorded in Bilozerka, the head said.", ["Bilozerka"]),
    ],
)
def test_casualties_neighbours_and_arrivals_place_a_strike(gazetteer, text, places):
    assert _strikes(text, gazetteer) == places


def test_arrivals_of_people_are_no_strike(gazetteer):
    assert _strikes("The arrivals of families in Bilozerka were recorded.", gazetteer) == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "In Vovchansk, the occupiers damaged a power line, and in Kupiansk, they "
            "destroyed a shop.",
            ["Kupiansk", "Vovchansk"],
        ),
        (
            "A drone struck a van in Nikopol; in Marhanets, shelling damaged a bakery.",
            ["Marhanets", "Nikopol"],
        ),
    ],
)
def test_a_round_ups_later_clause_is_framed_by_the_place_that_opens_it(gazetteer, text, places):
    assert _strikes(text, gazetteer) == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            '"Our city was struck twice before dawn," the mayor of Izmail told reporters.',
            ["Izmail"],
        ),
        (
            '"The town came under shelling again," Marhanets\'s mayor wrote on Monday.',
            ["Marhanets"],
        ),
    ],
)
def test_a_quote_about_the_speakers_own_place_is_placed_where_they_govern(gazetteer, text, places):
    assert _strikes(text, gazetteer) == places


def test_a_quote_of_someone_who_governs_no_named_place_is_not_placed(gazetteer):
    text = '"Our town was struck twice before dawn," a shop owner from Izmail said.'
    assert _strikes(text, gazetteer) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside between dashes, oblasts and towns in it, the strike as what they suffered
        (
            "Aid groups said that other parts of the country - notably the Kharkiv and Odesa "
            "regions and the Lviv and Poltava areas - also endured heavy strikes over the "
            "weekend.",
            {"Kharkiv Oblast", "Odesa Oblast", "Lviv", "Poltava"},
        ),
        # an aside between commas, the strike word the passive verb itself
        (
            "Towns across Ukraine, including Sumy and Mykolaiv, were shelled on Saturday.",
            {"Sumy", "Mykolaiv"},
        ),
    ],
)
def test_a_subject_standing_for_many_places_is_struck_at_those_its_aside_names(
    gazetteer, text, expected
):
    assert set(_strikes(text, gazetteer)) == expected


def test_an_aside_in_a_subject_that_did_something_else_is_no_strike(gazetteer):
    text = (
        "Towns across Ukraine, including Sumy and Mykolaiv, held vigils on Saturday for the "
        "victims of the strikes."
    )
    assert not set(_strikes(text, gazetteer)) & {"Sumy", "Mykolaiv"}


def test_an_outage_with_no_strike_in_its_sentence_is_no_strike(gazetteer):
    assert _strikes("Marhanets was plunged into darkness as the old grid failed.", gazetteer) == []
