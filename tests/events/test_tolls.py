"""Tolls told place by place, and the strikes a toll alone tells (geo.events.tolls)."""

from __future__ import annotations

import datetime as dt

import pytest

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


def _strikes(text, gazetteer, published=dt.date(2024, 3, 12)):
    article = article_from_text(text, published=published)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [e for e in events if e.event_type is EventType.ATTACK]


# --- a time adverbial between a toll and its place (issue 10, round 13) ---


@pytest.mark.parametrize(
    "toll",
    [
        "Three residents have died and 14 were hurt over the past day in the southern region "
        "of Zaporizhzhia, the regional administration reported.",
        "Nine civilians were wounded in the last 24 hours in Zaporizhzhia Oblast.",
        "Two men were injured on Sunday in the Zaporizhzhia region, officials said.",
    ],
)
def test_a_toll_with_its_time_before_its_place_is_a_strike_there(gazetteer, toll):
    text = "A drone damaged a power line near Odesa on Saturday. " + toll
    strikes = _strikes(text, gazetteer)
    there = [e for e in strikes if e.place.admin1_name == "Zaporizhzhia Oblast"]
    assert len(there) == 1
    assert there[0].killed is not None or there[0].injured is not None


def test_a_toll_told_with_its_time_is_not_the_strike_told_before(gazetteer):
    text = (
        "A Russian missile hit a warehouse in Odesa on Monday, injuring two workers. "
        "Four people were killed and 11 wounded over the last 24 hours in the Kharkiv "
        "region, the president's office reported."
    )
    strikes = {e.place.admin1_name: e for e in _strikes(text, gazetteer)}
    assert (strikes["Odesa Oblast"].killed, strikes["Odesa Oblast"].injured) == (None, 2)
    assert (strikes["Kharkiv Oblast"].killed, strikes["Kharkiv Oblast"].injured) == (4, 11)


def test_a_time_adverbial_with_no_place_after_it_adds_no_strike(gazetteer):
    text = (
        "Russian shelling hit Nikopol on Tuesday. Two more people were injured in the past "
        "day, the mayor said."
    )
    strikes = _strikes(text, gazetteer)
    assert [e.place.name for e in strikes] == ["Nikopol"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Two aid workers died and four more were hurt in the village of Kurakhivka as a "
        "result of Russian mortar shelling.",
        "A farmer was killed in the town of Kurakhivka in artillery shelling on Friday.",
    ],
)
def test_a_toll_at_a_named_kind_of_place_before_its_strike_is_a_strike_there(gazetteer, sentence):
    # the kind of place ("the village of") stands between the toll's verb and its place;
    # the strike told after the toll names no place of its own
    strikes = _strikes(sentence, gazetteer)
    assert [e.place.name for e in strikes] == ["Kurakhivka"]
    assert strikes[0].killed in (1, 2)


@pytest.mark.parametrize(
    "aside",
    [
        "which has held out against a Russian offensive for months",
        "which has been under Russian assault for weeks",
    ],
)
def test_a_toll_at_a_town_described_by_its_fighting_is_a_strike_there(gazetteer, aside):
    # the relative clause tells what the town has been through; the count before it is a
    # strike of its own, at the town, with the count (issue 10, helper strike17)
    text = (
        f"On Tuesday, two civilians were wounded in Donetsk Oblast's Vuhledar, {aside}, "
        "the governor said."
    )
    assert _injured(text, gazetteer) == {"Vuhledar": 2}


# --- round 19, spur19: a town named only to say where a listed toll's village lies ---


@pytest.mark.parametrize(
    "where",
    [
        "the village of Mykolaivka, east of Sloviansk",
        "the village of Mykolaivka located to the east of Sloviansk",
        "Mykolaivka, some 12 kilometres east of Sloviansk",
        "Mykolaivka near Sloviansk",
    ],
)
def test_a_town_that_situates_a_listed_tolls_village_has_no_strike(gazetteer, where):
    text = _LEAD + f"Besides, two people were hurt in Siversk and one more in {where}."
    injured = _injured(text, gazetteer)
    assert "Sloviansk" not in injured
    assert "Siversk" in injured


def test_a_listed_toll_told_by_bearing_alone_keeps_its_town(gazetteer):
    # no village before the bearing: the town is where the toll is told
    text = _LEAD + "Two people were hurt in Siversk, and three more in Sloviansk."
    assert {"Siversk", "Sloviansk"} <= set(_injured(text, gazetteer))


# Round 19 (claim19): the next sentence names the places of a gain told without them.
def _gains(text, gazetteer):
    article = article_from_text(text, published=dt.date(2024, 3, 4))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return {e.place.name for e in events if e.event_type is EventType.ADVANCE}


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces have taken four more over the weekend, Moscow said. “This concerns, in "
        "particular, the villages of Synkivka, Petropavlivka and Kyslivka.”",
        "Russian forces have taken several positions, Moscow said. These are the villages of "
        "Synkivka, Petropavlivka and Kyslivka.",
        'Russian troops seized more ground, the ministry said. "They include the villages of '
        'Synkivka, Petropavlivka and Kyslivka."',
        "Russian forces have taken four more, Moscow said. “This involves […] the villages of "
        "Synkivka, Petropavlivka and Kyslivka.”",
        "Russian forces have taken four more in the Kharkiv region, Moscow said. “These are "
        "[…] the villages of Synkivka, Petropavlivka and Kyslivka.”",
    ],
)
def test_the_villages_named_after_a_placeless_gain_share_it(gazetteer, text):
    assert {"Synkivka", "Petropavlivka", "Kyslivka"} <= _gains(text, gazetteer)


def test_villages_named_after_no_event_word_are_no_gain(gazetteer):
    text = (
        "The governor spoke to farmers on Monday. These are the villages of Synkivka and "
        "Kyslivka, where harvests were poor."
    )
    assert not _gains(text, gazetteer)


def _tolls(text, gazetteer, published=dt.date(2023, 10, 12)):
    article = article_from_text(text, published=published)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return {e.place.name: (e.killed, e.injured) for e in events if e.event_type is EventType.ATTACK}


def test_a_dash_between_a_count_and_its_town_still_shares_the_whole(gazetteer):
    # the roundup's parts written "3 - in A": each town its own part of the region's six
    text = (
        "On October 11, Russian shelling killed 6 people in the Donetsk region: 3 - in "
        "Kramatorsk, 2 - in Druzhkivka, 1 - in Pokrovsk."
    )
    tolls = _tolls(text, gazetteer)
    assert tolls["Kramatorsk"] == (3, None)
    assert tolls["Druzhkivka"] == (2, None)
    assert tolls["Pokrovsk"] == (1, None)


def test_the_victims_told_as_residents_of_their_region_before_a_list_of_towns(gazetteer):
    # "civilians of the X region:" names whose dead they were; the towns follow the colon
    text = (
        "On October 11, the occupiers killed 5 civilians of Donetsk region: 3 - in Kurakhove, "
        "2 - in Siversk."
    )
    tolls = _tolls(text, gazetteer)
    assert tolls["Kurakhove"] == (3, None)
    assert tolls["Siversk"] == (2, None)


def test_a_placeless_count_after_a_shared_out_whole_is_the_regions(gazetteer):
    # the wounded told after the list are the region's whole, not the last town's
    text = (
        "Russian fire left 5 dead in the Donetsk region on 11 October: 3 in "
        "Kurakhove, 2 in Siversk. A further 14 people were wounded, the governor wrote."
    )
    tolls = _tolls(text, gazetteer)
    assert tolls["Siversk"] == (2, None)
    assert tolls["Donetsk Oblast"] == (5, 14)


def test_a_part_told_town_first_with_a_dash_and_its_count(gazetteer):
    # "in A - 3, in B - 2": each town's share of the region's five, told after the town
    text = (
        "On October 11, the occupiers killed 5 civilians of Donetsk region: in Kurakhove - 3, "
        "in Siversk - 2."
    )
    tolls = _tolls(text, gazetteer)
    assert tolls["Kurakhove"] == (3, None)
    assert tolls["Siversk"] == (2, None)
    # and so with a strike word, where the region only situates its towns
    text = (
        "On October 11, Russian shelling killed 5 people in the Donetsk region: in Kurakhove "
        "- 3, in Siversk - 2."
    )
    tolls = _tolls(text, gazetteer)
    assert (tolls["Kurakhove"], tolls["Siversk"]) == ((3, None), (2, None))


def test_a_count_after_towns_sharing_a_whole_no_event_holds_is_no_towns(gazetteer):
    # the towns' two and one make the three told first; the wounded told next are the
    # region's, and the region has no strike of its own here: the last town gets none
    text = (
        "On October 11, Russian shelling killed 3 people in the Donetsk region: 2 in "
        "Kurakhove, 1 in Siversk. Another 11 people were wounded."
    )
    tolls = _tolls(text, gazetteer)
    assert tolls["Siversk"] == (1, None)
    assert tolls["Kurakhove"] == (2, None)


# --- Round 21 (accD) ---


def test_a_victims_village_read_only_across_the_oblast_line_leaves_the_oblast_its_strike(
    gazetteer,
):
    # The index holds this village's name only in other oblasts: the reading is left out,
    # and the oblast that the subject names after it is where the strike was.
    text = (
        "A 63-year-old woman in the village of Sobolivka, Kherson oblast, was wounded on "
        "Sunday in a drone strike."
    )
    article = article_from_text(text, published=dt.date(2024, 5, 13))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [(e.event_type, e.place.name, e.injured) for e in events] == [
        (EventType.ATTACK, "Kherson Oblast", 1)
    ]
