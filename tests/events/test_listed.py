"""An evacuation order's settlements listed in its own sentence (geo.events.listed)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.extract import extract_events
from geo.records import EventType
from geo.text.articles import article_from_text
from geo.toponyms.geoparse import geoparse


def _events(text, gazetteer, published=dt.date(2024, 6, 12)):
    article = article_from_text(text, published=published)
    return extract_events(article, geoparse(article.text, gazetteer=gazetteer))


def _places(events, etype=EventType.EVACUATION):
    return {e.place.name for e in events if e.event_type is etype}


@pytest.mark.parametrize(
    "text",
    [
        # a colon after the order's words, the list to the sentence end
        "The regional council ordered a forced evacuation of children from three hromadas of "
        "Okhtyrka district. Specifically, children with their parents from the following "
        "villages are subject to evacuation: Chupakhivka, Kyrykivka, Oleksandrivka, Boromlia.",
        # the same inside a quotation, the writer named after it
        '"The council resolved to order the evacuation of children from Okhtyrka and '
        "Trostianets communities. In particular, families from these villages are subject to "
        'evacuation: Chupakhivka, Kyrykivka, Oleksandrivka, Boromlia," the governor wrote.',
    ],
)
def test_a_list_after_the_orders_colon_gives_one_evacuation_per_village(gazetteer, text):
    places = _places(_events(text, gazetteer))
    assert {"Chupakhivka", "Kyrykivka", "Boromlia"} <= places


def test_a_labelled_bracket_of_villages_replaces_the_oblast(gazetteer):
    text = (
        "Compulsory evacuation of families was ordered in some villages of the "
        "Velykopysarivka community of Sumy region (villages: Kyrykivka, Boromlia, Trostianets)."
    )
    places = _places(_events(text, gazetteer))
    assert places == {"Kyrykivka", "Boromlia", "Trostianets"}


def test_a_towns_parts_in_brackets_and_nearby_villages_are_each_an_evacuation(gazetteer):
    text = (
        "The evacuation order applied to the town of Okhtyrka (Kyrykivka and Chupakhivka) "
        "and nearby villages Boromlia, Trostianets and Lebedyn."
    )
    places = _places(_events(text, gazetteer))
    assert {"Okhtyrka", "Kyrykivka", "Chupakhivka", "Boromlia", "Trostianets", "Lebedyn"} <= (
        places
    )


def test_a_colon_before_a_list_of_people_adds_no_place(gazetteer):
    text = (
        "The evacuation from Okhtyrka covers: the elderly, the disabled and families with children."
    )
    assert _places(_events(text, gazetteer)) <= {"Okhtyrka"}


def test_a_colon_before_a_clause_with_news_of_its_own_is_no_list(gazetteer):
    text = (
        "Families were evacuated from Okhtyrka on Monday: shelling hit Kyrykivka and Boromlia "
        "overnight."
    )
    assert _places(_events(text, gazetteer)) == {"Okhtyrka"}


def test_a_strikes_list_after_a_colon_is_not_made_an_evacuation(gazetteer):
    text = "Shelling was reported in the region: Russians hit Kyrykivka, Boromlia and Trostianets."
    events = _events(text, gazetteer)
    assert _places(events) == set()
    assert {"Kyrykivka", "Boromlia"} <= _places(events, EventType.ATTACK)


def test_villages_grouped_under_a_hromada_heading_stay_with_the_hromada(gazetteer):
    text = (
        "The oblast administration decided to evacuate families with children from two "
        "hromadas. Forced evacuation was announced for these villages:\n\n"
        "  • Boromlia hromada: Kyrykivka, Chupakhivka, Oleksandrivka and Lebedyn;\n"
    )
    places = _places(_events(text, gazetteer))
    assert not {"Kyrykivka", "Chupakhivka", "Lebedyn"} & places


@pytest.mark.parametrize(
    "text",
    [
        # an occupation official's wording, no full stop after the list (a line of its own)
        "Temporary movement of residents of these settlements will be organized: Tokmak, "
        "Vasylivka, Polohy, Molochansk, Enerhodar\n\nThe acting governor said so on Friday.",
        "A temporary resettlement of the local population is being arranged from the "
        "following towns: Tokmak, Vasylivka, Polohy, Molochansk and Enerhodar.",
    ],
)
def test_a_temporary_movement_of_residents_is_an_evacuation_of_each_listed_town(gazetteer, text):
    places = _places(_events(text, gazetteer, published=dt.date(2023, 5, 6)))
    assert {"Tokmak", "Vasylivka", "Polohy", "Molochansk", "Enerhodar"} <= places


def test_an_order_list_keeps_no_namesake_from_another_country(gazetteer):
    text = (
        "Temporary movement of residents of these settlements will be organized: Tokmak, "
        "Vasylivka, Mikhailovka, Kamenka-Dneprovskaya, Polohy, Molochansk."
    )
    events = [
        e
        for e in _events(text, gazetteer, published=dt.date(2023, 5, 6))
        if e.event_type is EventType.EVACUATION
    ]
    assert {"Tokmak", "Polohy"} <= {e.place.name for e in events}
    assert {e.place.country_code for e in events} == {"UA"}


@pytest.mark.parametrize(
    "breakdown",
    [
        # the noun at the first count only, "of the X community"
        "The list includes 14 villages of the Trostianetska community, nine of the "
        "Boromlianska community and eight of the Velykopysarivska community.",
        # "in the X hromada", the unit's word read with the name
        "They are 14 villages in the Trostianetska hromada, nine in the Boromlianska hromada "
        "and eight in the Velykopysarivska hromada.",
    ],
)
def test_an_orders_count_set_out_by_community_places_it_at_each_community(gazetteer, breakdown):
    text = (
        "The governor extended the compulsory evacuation of children in Okhtyrka district of "
        "Sumy region to 31 more villages. He announced it on his channel on Tuesday.\n\n"
        + breakdown
    )
    places = _places(_events(text, gazetteer))
    assert {"Trostianets hromada", "Boromlia hromada", "Velyka Pysarivka hromada"} <= places


def test_communities_counted_without_an_order_before_are_no_evacuation(gazetteer):
    text = (
        "Artillery hit a warehouse in Okhtyrka district of Sumy region on Tuesday.\n\n"
        "The list includes 14 villages of the Trostianetska community and nine of the "
        "Boromlianska community."
    )
    assert not _places(_events(text, gazetteer)) & {"Trostianets hromada", "Boromlia hromada"}


def test_an_orders_next_sentence_with_news_of_its_own_is_no_breakdown(gazetteer):
    text = (
        "The governor extended the compulsory evacuation of children in Okhtyrka district of "
        "Sumy region to 31 more villages.\n\n"
        "Shelling hit 14 villages of the Trostianetska community and nine of the Boromlianska "
        "community."
    )
    assert "Boromlia hromada" not in _places(_events(text, gazetteer))


def test_a_breakdown_beside_a_name_left_unresolved_is_none(gazetteer):
    # a name the geoparser could not place may be another place the sentence is about
    from geo.events.listed import community_counts
    from geo.records import Toponym
    from geo.text.sentences import split_sentences

    text = (
        "The list includes 14 villages of the Trostianetska community and nine of the "
        "Boromlianska community, and Zzyxville."
    )
    (sent,) = split_sentences(text)
    tops = geoparse(text, gazetteer=gazetteer)
    assert community_counts(text, sent, tops) is not None
    start = text.index("Zzyxville")
    unresolved = Toponym(start, start + len("Zzyxville"), "Zzyxville", None)
    assert community_counts(text, sent, [*tops, unresolved]) is None


def test_a_count_added_to_the_last_and_a_community_read_at_its_seat_are_counted(gazetteer):
    # "two more villages in the X community": a count that adds to the one before; the first
    # community is named by its seat's own name, which the index reads as the town
    from geo.events.listed import community_counts
    from geo.text.sentences import split_sentences

    text = (
        "It concerns five villages in the Trostianets community and two more villages in "
        "the Boromlianska community."
    )
    (sent,) = split_sentences(text)
    found = community_counts(text, sent, geoparse(text, gazetteer=gazetteer))
    assert found is not None
    names = {t.surface for t in found[1]}
    assert names == {"Trostianets", "Boromlianska"}
