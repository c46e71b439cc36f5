"""Folding repeated readings of one happening (geo.events.merge), on text we wrote."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.extract import extract_events
from geo.records import EventStatus, EventType
from geo.text.articles import article_from_text
from geo.toponyms.geoparse import geoparse


def test_a_raion_strike_folds_into_the_strike_on_its_namesake_centre_that_day(gazetteer):
    # A bulletin tells the shelling of a district with its toll, then the hit on the
    # district's centre: one strike, at the town, with the toll.
    text = (
        "Russian gunners shelled Nikopol district through the day, injuring a 61-year-old "
        "woman. The enemy fired artillery shells at Nikopol itself as well, an official said."
    )
    article = article_from_text(text, published=dt.date(2024, 9, 10))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    strikes = [e for e in events if e.event_type is EventType.ATTACK]
    assert [e.place.name for e in strikes] == ["Nikopol"]
    assert strikes[0].injured == 1


def test_the_folded_strike_keeps_the_reporters_status_over_a_quoted_claim(gazetteer):
    text = (
        "Russian gunners shelled Nikopol district through the day, injuring a 61-year-old "
        'woman. "The enemy fired artillery shells at Nikopol itself as well," an official said.'
    )
    article = article_from_text(text, published=dt.date(2024, 9, 10))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    (strike,) = [e for e in events if e.event_type is EventType.ATTACK]
    assert strike.place.name == "Nikopol"
    assert strike.status is EventStatus.HAPPENED


# --- evacuation orders that count settlements, then name them (issue 10, helper evaclists) ---


def _evacuations(text, gazetteer):
    article = article_from_text(text, published=dt.date(2024, 10, 7))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [e for e in events if e.event_type is EventType.EVACUATION]


def test_an_order_counting_villages_in_words_then_naming_them_is_one_event_per_village(
    gazetteer,
):
    text = (
        "Regional officials have ordered the evacuation of families with children from four "
        "villages in Kharkiv Oblast. The villages concerned are Borova, Bohuslavka, Iziumske "
        "and Kurylivka."
    )
    evacuations = _evacuations(text, gazetteer)
    assert sorted(e.place.name for e in evacuations) == [
        "Bohuslavka",
        "Borova",
        "Iziumske",
        "Kurylivka",
    ]
    # the named villages replace the oblast the first sentence counted them in
    assert all(e.place.kind.value != "admin1" for e in evacuations)
    assert {e.date_end for e in evacuations} == {dt.date(2024, 10, 7)}


def test_a_widened_order_naming_its_villages_after_a_colon_gives_each_its_event(gazetteer):
    text = (
        "A compulsory evacuation now covers three more settlements of Kharkiv Oblast. "
        "Specifically, it is about three villages: Borova, Bohuslavka and Kurylivka."
    )
    names = sorted(e.place.name for e in _evacuations(text, gazetteer))
    assert names == ["Bohuslavka", "Borova", "Kurylivka"]


def test_the_list_covers_names_the_places_of_an_evacuation_order(gazetteer):
    text = (
        "The defence council ordered the evacuation of 3 villages of Kharkiv Oblast. "
        "The list covers Borova, Bohuslavka and Kurylivka."
    )
    names = sorted(e.place.name for e in _evacuations(text, gazetteer))
    assert names == ["Bohuslavka", "Borova", "Kurylivka"]


def test_a_villages_concerned_sentence_without_a_counted_order_before_is_no_evacuation(
    gazetteer,
):
    # No evacuation counted the villages before: naming them sets off nothing.
    text = (
        "Shelling damaged power lines in Kharkiv Oblast. The villages concerned are Borova "
        "and Kurylivka."
    )
    assert _evacuations(text, gazetteer) == []


def test_an_order_set_out_one_village_a_line_gives_each_line_its_evacuation(gazetteer):
    text = (
        "Compulsory evacuation of children with their parents starts from these villages:\n"
        "- the village of Borova;\n"
        "- the village of Bohuslavka;\n"
        "- the village of Kurylivka.\n"
        "Some 40 children still live there, officials said."
    )
    names = sorted(e.place.name for e in _evacuations(text, gazetteer))
    assert names == ["Bohuslavka", "Borova", "Kurylivka"]


def test_an_orders_lines_grouped_under_hromada_headings_all_count(gazetteer):
    text = (
        "Officials ordered an evacuation of the following settlements of Kharkiv Oblast:\n"
        "Borova hromada:\n"
        "- Borova;\n"
        "- Bohuslavka.\n"
        "Kurylivka hromada:\n"
        "- Kurylivka."
    )
    evacuations = _evacuations(text, gazetteer)
    assert sorted(e.place.name for e in evacuations) == ["Bohuslavka", "Borova", "Kurylivka"]


def test_the_lines_under_an_order_in_ukrainian_and_russian_are_evacuations(gazetteer):
    uk = "Примусову евакуацію сімей з дітьми почали з таких сіл:\n- села Борова;\n- села Курилівка."
    ru = "Обязательную эвакуацию семей ввели в следующих селах:\n- Борова,\n- Курилівка."
    for text in (uk, ru):
        names = sorted(e.place.name for e in _evacuations(text, gazetteer))
        assert names == ["Borova", "Kurylivka"], text


def test_a_planned_evacuation_does_not_turn_its_lines_into_events(gazetteer):
    text = "Officials may evacuate families from these villages:\n- Borova;\n- Kurylivka."
    assert _evacuations(text, gazetteer) == []


def test_a_line_that_tells_something_else_ends_the_orders_list(gazetteer):
    text = (
        "Evacuation of families is under way from these villages:\n"
        "- Borova;\n"
        "Artillery shelled Kurylivka overnight.\n"
        "- Bohuslavka."
    )
    evacuations = _evacuations(text, gazetteer)
    assert sorted(e.place.name for e in evacuations) == ["Borova"]


# --- an oblast's or district's strike that its towns' strikes tell again (issue 10, umbrella) ---


def _strikes(text, gazetteer):
    article = article_from_text(text, published=dt.date(2024, 9, 10))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [(e.place.name, e.killed, e.injured) for e in events]


def test_a_headline_strike_on_an_oblast_with_its_towns_toll_is_the_towns_strike(gazetteer):
    # One town struck: the headline's oblast adds a dot where nothing else happened.
    text = (
        "Russian shelling of Kherson region kills a man\n\n"
        "A man died when shells hit his yard in Beryslav, the regional governor said."
    )
    assert _strikes(text, gazetteer) == [("Beryslav", 1, None)]


def test_an_oblast_strike_without_a_toll_is_dropped_beside_its_struck_town(gazetteer):
    text = (
        "Enemy drones targeted Sumy region in the morning, the regional governor wrote on "
        "Telegram. A drone hit a garage in Bilopillia, he added."
    )
    assert [name for name, *_ in _strikes(text, gazetteer)] == ["Bilopillia"]


def test_an_oblast_strike_with_no_struck_town_of_its_own_stands(gazetteer):
    text = "Enemy drones struck Sumy region overnight, the regional governor wrote on Telegram."
    assert [name for name, *_ in _strikes(text, gazetteer)] == ["Sumy Oblast"]


def test_an_oblast_toll_the_towns_do_not_account_for_is_kept(gazetteer):
    text = (
        "Russian attacks on Kharkiv region killed four people on Monday, the governor said. "
        "In Kupiansk, a shell killed one man on Monday."
    )
    assert _strikes(text, gazetteer) == [("Kharkiv Oblast", 4, None), ("Kupiansk", 1, None)]


def test_a_later_oblast_strike_wounding_more_than_its_towns_is_kept(gazetteer):
    text = (
        "A man died when shells hit his yard in Beryslav, the governor said. Drones also "
        "struck Kherson Oblast in the evening, wounding three people."
    )
    assert ("Kherson Oblast", None, 3) in _strikes(text, gazetteer)


def test_an_undated_headline_on_an_oblast_folds_into_its_town_struck_the_day_before(gazetteer):
    # A morning bulletin: the headline has only the publication's day, the body dates the
    # strike to the day before; one strike, told at the town.
    text = (
        "Two wounded in Russian drone attack on Kherson region\n\n"
        "Yesterday evening the enemy hit a shop in Beryslav with a drone, wounding two "
        "people, the regional governor wrote."
    )
    assert _strikes(text, gazetteer) == [("Beryslav", None, 2)]


def test_an_oblast_named_beside_another_oblast_folds_into_its_town_the_other_stands(gazetteer):
    # "Kherson and Zaporizhzhia oblasts": Kherson's part of the day is the town told after
    # (merge.oblast_summaries_dropped); Zaporizhzhia has no town of its own and stands.
    text = (
        "Russian forces shelled Kherson and Zaporizhzhia oblasts, officials said. A shell hit "
        "a house in Beryslav."
    )
    names = [name for name, *_ in _strikes(text, gazetteer)]
    assert "Kherson Oblast" not in names
    assert "Beryslav" in names and "Zaporizhzhia Oblast" in names


def test_a_standfirst_naming_two_oblasts_folds_into_the_town_struck_in_one(gazetteer):
    # A line without a full stop above the body sums the strikes the body tells town by town.
    text = (
        "Shells hit border villages – governors\n\n"
        "Shelling was reported in the Kherson and Zaporizhzhia regions\n\n"
        "A shell hit a house in Beryslav, the governor said."
    )
    names = [name for name, *_ in _strikes(text, gazetteer)]
    assert "Beryslav" in names and "Kherson Oblast" not in names
    assert "Zaporizhzhia Oblast" in names  # no town of its own told: it stands


def test_an_oblast_strike_told_again_at_a_named_district_is_the_districts(gazetteer):
    # The district is where an analyst codes the strike; the oblast is where it lies.
    text = (
        "Several of the drones were aimed at the Lviv region, the air force said on Saturday. "
        "Two other drones hit a warehouse in the Yavoriv district, the governor added."
    )
    assert [name for name, *_ in _strikes(text, gazetteer)] == ["Yavoriv Raion"]


def test_an_oblast_strike_told_again_at_its_communities_is_theirs(gazetteer):
    text = (
        "Explosions were heard across the Sumy region throughout the day, officials said. "
        "The Bilopilska, Krasnopilska and Yunakivska communities came under shelling."
    )
    names = [name for name, *_ in _strikes(text, gazetteer)]
    assert "Sumy Oblast" not in names
    assert "Bilopillia hromada" in names and "Yunakivka hromada" in names


def test_an_oblast_toll_a_district_does_not_account_for_is_kept(gazetteer):
    text = (
        "Shelling killed three people in Kharkiv region on Monday, the governor said. "
        "In the Chuhuiv district, a shell wounded one man on Monday."
    )
    names = [name for name, *_ in _strikes(text, gazetteer)]
    assert "Kharkiv Oblast" in names


def test_fighting_in_an_oblast_is_kept_beside_a_strike_on_one_of_its_towns(gazetteer):
    # Another type: the town's strike is no reading of the oblast's fighting.
    text = (
        "Fierce fighting goes on in Donetsk Oblast, the army said. A drone struck a shop in "
        "Kostiantynivka."
    )
    article = article_from_text(text, published=dt.date(2024, 9, 10))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert (EventType.OFFENSIVE, "Donetsk Oblast") in [(e.event_type, e.place.name) for e in events]


# --- an order told before, its settlements named in a sentence of their own (issue 10) ---


def test_a_headline_order_then_a_sentence_naming_its_villages_gives_one_each(gazetteer):
    text = (
        "Forced Evacuation Of Families With Children Ordered In Three Villages Of Kharkiv "
        "Region\n\n"
        "The regional governor announced this on Telegram.\n\n"
        "The order applies to the villages of Borova, Bohuslavka and Kurylivka of the Borova "
        "community."
    )
    evacuations = _evacuations(text, gazetteer)
    # the community only situates the list: it is no village of the order
    assert sorted(e.place.name for e in evacuations) == ["Bohuslavka", "Borova", "Kurylivka"]
    assert len(evacuations) == 3
    assert {e.date_end for e in evacuations} == {dt.date(2024, 10, 7)}


def test_a_list_after_an_order_told_without_a_count_takes_the_orders_day(gazetteer):
    text = (
        "On Friday the council ordered the mandatory evacuation of children from the "
        "frontline villages of Kharkiv Oblast. They include Borova, Bohuslavka and Kurylivka."
    )
    evacuations = _evacuations(text, gazetteer)
    villages = [e for e in evacuations if e.place.name in {"Bohuslavka", "Borova", "Kurylivka"}]
    assert len(villages) == 3
    assert {e.date_start for e in villages} == {dt.date(2024, 10, 4)}


def test_a_list_after_a_strike_is_no_evacuation(gazetteer):
    text = "Russian drones struck Kharkiv Oblast overnight. The list includes Borova and Kurylivka."
    assert _evacuations(text, gazetteer) == []


def test_an_orders_list_must_lie_in_the_orders_oblast(gazetteer):
    text = (
        "Officials declared a compulsory evacuation of children for two settlements "
        "of Zaporizhzhia Oblast. The order applies to Borova and Kurylivka."
    )
    assert {e.place.name for e in _evacuations(text, gazetteer)} & {"Borova", "Kurylivka"} == set()


def test_a_sentence_with_news_of_its_own_ends_the_orders_list(gazetteer):
    text = (
        "The mandatory evacuation of children was announced in three settlements of Kharkiv "
        "Oblast. Russian drones hit Kupiansk overnight. The order applies to Borova and "
        "Kurylivka."
    )
    assert {e.place.name for e in _evacuations(text, gazetteer)} & {"Borova", "Kurylivka"} == set()


def test_an_orders_list_three_sentences_on_is_no_longer_its_list(gazetteer):
    text = (
        "The mandatory evacuation of children was announced in two settlements of Kharkiv "
        "Oblast. The governor spoke about it on Telegram. Families get free housing there. "
        "Buses leave every morning from the centre. The order applies to Borova and Kurylivka."
    )
    assert {e.place.name for e in _evacuations(text, gazetteer)} & {"Borova", "Kurylivka"} == set()


def test_a_ukrainian_order_then_its_villages_gives_one_each(gazetteer):
    text = (
        "На Харківщині оголосили примусову евакуацію дітей з трьох сіл Харківської області. "
        "Йдеться про села Борова, Богуславка та Курилівка."
    )
    names = {e.place.name for e in _evacuations(text, gazetteer)}
    assert {"Borova", "Bohuslavka", "Kurylivka"} <= names


# --- an order's list with a clause that describes its places (issue 10, round 13) ---


@pytest.mark.parametrize(
    "tail",
    [
        ", all part of the Borova community - a unit that joins a few villages and their land.",
        ", which lie along the Oskil river.",
        ", both within the Borova community.",
    ],
)
def test_an_orders_list_ending_in_a_clause_on_its_places_gives_one_each(gazetteer, tail):
    text = (
        "Regional officials ordered the forced evacuation of children from several locations "
        "in Kharkiv Oblast, pointing to heavier shelling. The measure covers the village of "
        "Bohuslavka and the village of Kurylivka" + tail
    )
    evacuations = _evacuations(text, gazetteer)
    # the oblast only counted the places the list names: no dot of its own
    assert sorted(e.place.name for e in evacuations) == ["Bohuslavka", "Kurylivka"]


def test_a_clause_after_the_list_that_holds_a_figure_is_no_description(gazetteer):
    text = (
        "Regional officials ordered the forced evacuation of children in Kharkiv Oblast. "
        "The measure covers Bohuslavka and Kurylivka, which 40 families still call home."
    )
    names = {e.place.name for e in _evacuations(text, gazetteer)}
    assert names & {"Bohuslavka", "Kurylivka"} == set()


# --- what is left at a whole country is no event (issue 10) ---


def test_an_event_left_at_the_country_is_dropped_and_the_rest_kept(gazetteer):
    # The trains came "from eastern Ukraine": the country is where people came from, not a
    # place an evacuation happened; its dot in mid-Ukraine would say nothing on the map.
    text = (
        "The governor said 200 people came to Dnipro on evacuation trains from eastern "
        "Ukraine on Monday. Russian artillery shelled Nikopol on Monday, injuring two men."
    )
    article = article_from_text(text, published=dt.date(2024, 5, 8))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [e.place.kind for e in events if e.place.name == "Ukraine"] == []
    assert [(e.event_type, e.place.name) for e in events] == [(EventType.ATTACK, "Nikopol")]


def test_an_orders_lines_of_communities_with_their_counts_are_each_an_evacuation(gazetteer):
    text = (
        "A forced evacuation of children from the Kupiansk district was announced.\n\n"
        "212 children from 24 villages of the district fall under the forced evacuation:\n\n"
        "The Kupiansk territorial community — 9 settlements, 120 children;\n\n"
        "The Dvorichna territorial community — 8 settlements, 52 children;\n\n"
        "The Shevchenkove territorial community — 7 settlements, 40 children.\n\n"
        "Eight families have left so far.\n"
    )
    places = {e.place.name for e in _evacuations(text, gazetteer)}
    assert {"Dvorichna", "Shevchenkove"} <= places


def test_a_line_that_tells_news_after_a_community_is_no_item_of_the_order(gazetteer):
    text = (
        "Evacuation of families with children was declared for these communities:\n\n"
        "The Dvorichna territorial community — 8 settlements, 52 children;\n\n"
        "The Shevchenkove territorial community came under fire on Monday.\n"
    )
    places = {e.place.name for e in _evacuations(text, gazetteer)}
    assert "Dvorichna" in places and "Shevchenkove" not in places


def test_talks_at_a_venue_abroad_named_only_by_its_country_stay(gazetteer):
    # Unlike the warring countries, a foreign country named as the venue is where the talks
    # were held: the event is kept at it.
    text = "Delegations of Ukraine and the United States held talks in Saudi Arabia on Tuesday."
    article = article_from_text(text, published=dt.date(2025, 3, 12))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [(e.event_type, e.place.country_code) for e in events] == [(EventType.NEGOTIATION, "SA")]


def test_settlements_set_out_one_a_line_after_a_liberation_are_advances(gazetteer):
    text = (
        "The southern command said its units freed and raised the national flag over five "
        "villages of the Beryslav district:\n- Liubymivka\n- Vysokopillia\n- Arkhanhelske\n"
        "- Davydiv Brid\nElsewhere the troops pushed forward 15 km."
    )
    article = article_from_text(text, published=dt.date(2022, 10, 4))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    advanced = {e.place.name for e in events if e.event_type is EventType.ADVANCE}
    assert {"Liubymivka", "Vysokopillia", "Arkhanhelske", "Davydiv Brid"} <= advanced
    assert not [e for e in events if e.event_type is EventType.EVACUATION]


# --- an oblast's tally of struck settlements beside its towns (issue 10, helper split) ---


def _struck_places(text: str, gazetteer) -> list[str]:
    article = article_from_text(text, published=dt.date(2025, 5, 16))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return sorted(e.place.name for e in events if e.event_type is EventType.ATTACK)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the tally names the oblast whose namesake city is struck too
        (
            "Russian artillery hit 21 settlements in the Kherson region during the day. "
            "A shell hit a school in Kherson in the morning.",
            ["Kherson", "Kherson Oblast"],
        ),
        # the tally, then one of its towns told on its own
        (
            "Russian troops fired at more than 12 settlements of the Kharkiv region over the "
            "past day. Around noon, the enemy fired mortars at Kupiansk, damaging a house.",
            ["Kharkiv Oblast", "Kupiansk"],
        ),
        (
            "The enemy struck approximately 10 localities across the Zaporizhzhia region "
            "overnight. A drone hit a garage in Orikhiv, the regional governor said.",
            ["Orikhiv", "Zaporizhzhia Oblast"],
        ),
    ],
)
def test_an_oblasts_tally_of_struck_settlements_stands_beside_its_towns(gazetteer, text, expected):
    # A regional bulletin counts the settlements hit across the oblast that day, then tells
    # some of them: an analyst codes the oblast's day and each town, not one for both.
    assert _struck_places(text, gazetteer) == expected


def test_an_oblast_struck_without_a_tally_still_folds_into_its_town(gazetteer):
    # No count of settlements: the oblast is only where the town lies, one strike.
    for text in (
        "Russian forces shelled the Kharkiv region on Monday. A shell hit a house in "
        "Kupiansk, wounding a woman.",
        "Russian forces fired on five border communities of the Sumy region on Monday. A "
        "mortar round hit a house in Bilopillia, wounding a man.",
    ):
        assert len(_struck_places(text, gazetteer)) == 1


def test_a_periods_evacuation_count_stays_beside_the_order_day_within_it(gazetteer):
    # An order day, then a tally for the past weeks: two happenings, as coders keep them.
    text = (
        "Officials of Myrnohrad called on families to leave the town on Sept. 2. "
        "About 9,000 residents still live in Myrnohrad, the mayor said. "
        "Over the past two weeks, 4,300 people have been evacuated, he added."
    )
    article = article_from_text(text, published=dt.date(2024, 9, 12))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    evacuations = sorted(
        ((e.date_start, e.date_end), e.people)
        for e in events
        if e.event_type is EventType.EVACUATION
    )
    assert [dates for dates, _ in evacuations] == [
        (dt.date(2024, 8, 29), dt.date(2024, 9, 12)),
        (dt.date(2024, 9, 2), dt.date(2024, 9, 2)),
    ]
    assert evacuations[0][1] == 4300


def test_two_readings_of_one_days_evacuation_still_fold_beside_a_period_tally(gazetteer):
    text = (
        "On Sept. 2, 120 people were evacuated from Myrnohrad. "
        "The evacuation from Myrnohrad on Sept. 2 took place under shelling, police said. "
        "Over the past two weeks, 4,300 people have been evacuated from Myrnohrad."
    )
    article = article_from_text(text, published=dt.date(2024, 9, 12))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    people = sorted(e.people for e in events if e.event_type is EventType.EVACUATION)
    assert people == [120, 4300]


def test_a_street_named_after_its_town_adds_no_second_fight(gazetteer):
    text = (
        "In late August, Russian sources said their units were engaged in fighting in Bakhmut, "
        "namely at its eastern edge, Patrice Lumumba Street."
    )
    article = article_from_text(text, published=dt.date(2023, 2, 20))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [e.place.name for e in events] == ["Bakhmut"]


def _strike_places(text, gazetteer, published=dt.date(2024, 8, 20)):
    article = article_from_text(text, published=published)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return sorted(e.place.name for e in events if e.event_type is EventType.ATTACK)


def test_a_count_of_an_oblasts_villages_that_the_article_names_is_no_strike_of_its_own(
    gazetteer,
):
    text = (
        "Ukrainian drones struck two villages in the Kursk region on Monday, the governor "
        "said. A drone hit a house in Rylsk on Monday. In Glushkovo, a power line was hit "
        "on Monday."
    )
    assert _strike_places(text, gazetteer) == ["Glushkovo", "Ryl’sk"]


def test_a_count_above_the_villages_named_stays_the_days_tally(gazetteer):
    text = (
        "Ukrainian drones struck nine villages in the Kursk region on Monday, the governor "
        "said. A drone hit a house in Rylsk on Monday. In Glushkovo, a power line was hit "
        "on Monday."
    )
    assert "Kursk Oblast" in _strike_places(text, gazetteer)


def test_counts_places_asks_the_count_before_the_name() -> None:
    import dataclasses

    from geo.events.merge import _counts_places, _struck_its_settlements

    text = "Russian shelling hit 14 villages of the Sumy region on Monday, the governor said."
    events = extract_events(article_from_text(text, published=dt.date(2024, 9, 2)), geoparse(text))
    area = next(e for e in events if e.surface.startswith("Sumy"))
    assert _counts_places(area)
    assert _struck_its_settlements(area, [area])
    plain = dataclasses.replace(area, quote="Russian shelling hit the Sumy region on Monday.")
    assert not _counts_places(plain)
    assert not _struck_its_settlements(plain, [plain])


# --- fighting told at an oblast, then placed at its villages (issue 10) ---


def _fighting(text, gazetteer):
    article = article_from_text(text, published=dt.date(2024, 9, 10))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [e.place.name for e in events if e.event_type is EventType.OFFENSIVE]


def test_fighting_in_an_oblast_where_a_village_is_fought_over_is_the_villages(gazetteer):
    text = (
        "Heavy fighting raged in the Luhansk region on Monday, where Russian forces launched "
        "assaults near Bilohorivka, the army said."
    )
    assert _fighting(text, gazetteer) == ["Bilohorivka"]


def test_a_bulletins_oblast_among_its_clashes_gives_way_to_the_village_told_after(gazetteer):
    text = (
        "Since dawn, 31 clashes have taken place along the front, including in the "
        "Zaporizhzhia region, the General Staff reported. Russian units attacked near "
        "Robotyne twice."
    )
    assert _fighting(text, gazetteer) == ["Robotyne"]


def test_an_incursion_into_an_oblast_is_kept_beside_its_village(gazetteer):
    text = (
        "Ukraine's incursion into Russia's Kursk region went on, and fighting continued near "
        "Sudzha, the army said."
    )
    assert _fighting(text, gazetteer) == ["Kursk Oblast", "Sudzha"]


def test_fighting_in_an_oblast_with_no_village_of_its_own_stands(gazetteer):
    text = (
        "Heavy fighting raged in the Luhansk region on Monday, the army said. Russian units "
        "attacked near Robotyne twice."
    )
    assert _fighting(text, gazetteer) == ["Luhansk Oblast", "Robotyne"]


# --- an oblast's strike beside strikes told at its districts or hromadas (helper place12) ---


def test_an_oblast_strike_is_dropped_beside_a_strike_told_at_one_of_its_districts(gazetteer):
    # The body tells the strike at a raion of the oblast: the oblast's line is where it lies.
    text = (
        "Several drones were aimed at the northern Chernihiv region on Tuesday. Two of them "
        "hit a barn in the Koriukivka district on Tuesday, the governor wrote."
    )
    assert [name for name, *_ in _strikes(text, gazetteer)] == ["Koriukivka Raion"]


def test_a_headline_oblast_strike_folds_into_the_hromadas_the_body_names(gazetteer):
    text = (
        "Shelling reported across Chernihiv region\n\n"
        "Semenivska, Snovska and Koriukivska communities were shelled by the enemy overnight, "
        "the regional administration said."
    )
    names = [name for name, *_ in _strikes(text, gazetteer)]
    assert names == ["Semenivka hromada", "Snovsk hromada", "Koriukivka hromada"]


def test_an_oblast_toll_beyond_its_districts_stands_beside_them(gazetteer):
    text = (
        "Russian strikes on the Chernihiv region killed three people on Tuesday. A shell hit a "
        "house in the Koriukivka district on Tuesday, injuring a man."
    )
    names = [name for name, *_ in _strikes(text, gazetteer)]
    assert "Chernihiv Oblast" in names and "Koriukivka Raion" in names


def _evacuated_at(text, gazetteer):
    article = article_from_text(text, published=dt.date(2024, 9, 10))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return {e.place.name for e in events if e.event_type is EventType.EVACUATION}


@pytest.mark.parametrize(
    "rest",
    [
        # the order's count set out by community in a sentence
        "The list includes 14 villages of the Trostianetska community and nine of the "
        "Boromlianska community.",
        # one line per community
        "In all, 270 children in 23 villages of the district must be evacuated:\n\n"
        "The Trostianetska territorial community — 14 villages, 180 children;\n\n"
        "The Boromlianska territorial community — 9 villages, 90 children.",
    ],
)
def test_a_districts_order_told_again_at_its_communities_is_coded_there(gazetteer, rest):
    text = (
        "The governor ordered the compulsory evacuation of children from Okhtyrka district of "
        "Sumy region on Tuesday.\n\n" + rest
    )
    places = _evacuated_at(text, gazetteer)
    assert "Okhtyrka Raion" not in places
    assert len(places) >= 2


def test_a_districts_order_beside_one_town_of_its_own_stays(gazetteer):
    text = (
        "The governor ordered the compulsory evacuation of children from Okhtyrka district of "
        "Sumy region on Tuesday. Families were also evacuated from Trostianets."
    )
    assert "Okhtyrka Raion" in _evacuated_at(text, gazetteer)


def _advances(text: str, published: dt.date, gazetteer) -> list[str]:
    article = article_from_text(text, published=published)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return sorted(e.place.name for e in events if e.event_type is EventType.ADVANCE)


def test_gains_counted_around_a_town_are_the_villages_named_later(gazetteer):
    # The count of villages is the same gains the next sentence names: no capture at the
    # town they are told around.
    text = (
        "Ukrainian troops have pushed forward around Vuhledar in recent days, announcing "
        "the recapture of two villages at the weekend. On Saturday the army said its "
        "soldiers had retaken Pavlivka and Prechystivka, west of Vuhledar."
    )
    got = _advances(text, dt.date(2023, 6, 12), gazetteer)
    assert "Vuhledar" not in got
    assert {"Pavlivka", "Prechystivka"} <= set(got)


def test_gains_that_describe_a_town_are_not_a_capture_of_it(gazetteer):
    text = (
        "Moscow said on Tuesday that its units had repelled four attacks near Orikhiv, a town "
        "in the Zaporizhzhia region where Ukraine has claimed gains. Ukraine said on Monday "
        "that its forces had captured Robotyne, south of Orikhiv."
    )
    got = _advances(text, dt.date(2023, 8, 29), gazetteer)
    assert got == ["Robotyne"]


def test_a_counted_gain_with_no_named_capture_near_it_is_kept(gazetteer):
    text = (
        "Russian forces have advanced around Vuhledar, announcing the capture of two "
        "villages on Sunday. Separately, Ukraine said on Sunday that its troops had retaken "
        "Klishchiivka, south of Bakhmut."
    )
    got = _advances(text, dt.date(2023, 6, 12), gazetteer)
    assert "Vuhledar" in got and "Klishchiivka" in got


def test_a_headline_naming_the_oblast_by_its_city_is_the_body_strike_told_again(gazetteer):
    # The headline shortens "the Belgorod region" to "Belgorod"; the body sets the toll out
    # by the region's districts, and never names the city.
    text = (
        "Six hurt in drone raid on Russia's Belgorod\n\n"
        "Six people were hurt when Ukrainian drones attacked Russia's Belgorod region "
        "overnight, the governor wrote on Telegram, adding that four were wounded in the "
        "Shebekino district and two in the Valuyki district.\n\n"
        "In the town of Shebekino, a drone struck a block of flats and set a car on fire."
    )
    got = _strike_places(text, gazetteer, published=dt.date(2024, 5, 12))
    assert "Belgorod" not in got
    assert "Shebekino" in got


def test_a_headline_city_the_body_also_tells_is_kept(gazetteer):
    text = (
        "Five hurt in drone strike on Russia's Belgorod\n\n"
        "In Belgorod, a drone hit a block of flats overnight, wounding three residents, the "
        "governor wrote on Telegram. In Shebekino, a drone damaged a shop and hurt two people."
    )
    got = _strike_places(text, gazetteer, published=dt.date(2024, 5, 12))
    assert "Belgorod" in got and "Shebekino" in got


def test_an_order_counted_by_locations_is_told_by_the_measure_that_covers_its_places(
    gazetteer,
):
    # "several locations in X" counts the places the next sentence names: the order is
    # coded at each of them, not at the oblast.
    text = (
        "Regional authorities ordered the compulsory evacuation of families from several "
        "locations in Kharkiv Oblast on Monday. The measure covers the town of "
        "Kupiansk and the villages of Kivsharivka and Petropavlivka."
    )
    assert _evacuated_at(text, gazetteer) == {"Kivsharivka", "Kupiansk", "Petropavlivka"}


_POKROVSK_LEAD = (
    "A Russian missile struck an apartment block in Pokrovsk on Tuesday morning, killing "
    "two people and injuring five, the regional governor said. "
)


@pytest.mark.parametrize(
    "rest",
    [
        "The attack also damaged a depot in Myrnohrad.",
        "That strike left a crater outside a school in Myrnohrad.",
        "The overnight attack set a warehouse on fire in Myrnohrad.",
    ],
)
def test_a_strike_retold_as_the_subject_with_a_nearby_place_is_the_first_strike(gazetteer, rest):
    published = dt.date(2024, 8, 20)
    article = article_from_text(_POKROVSK_LEAD + rest, published=published)
    strikes = [
        e
        for e in extract_events(article, geoparse(article.text, gazetteer=gazetteer))
        if e.event_type is EventType.ATTACK
    ]
    assert [(e.place.name, e.killed, e.injured) for e in strikes] == [("Pokrovsk", 2, 5)]


@pytest.mark.parametrize(
    "rest",
    [
        "Russian artillery also shelled Myrnohrad, wounding a woman.",
        "The second strike hit Myrnohrad an hour later.",
        "The new attack on Myrnohrad came at noon.",
    ],
)
def test_a_strike_told_as_one_more_beside_the_first_is_kept(gazetteer, rest):
    got = _strike_places(_POKROVSK_LEAD + rest, gazetteer, published=dt.date(2024, 8, 20))
    assert got == ["Myrnohrad", "Pokrovsk"]


def test_a_retold_strike_far_from_the_first_is_kept(gazetteer):
    text = _POKROVSK_LEAD + "The attack also damaged a depot in Kramatorsk."
    got = _strike_places(text, gazetteer, published=dt.date(2024, 8, 20))
    assert got == ["Kramatorsk", "Pokrovsk"]


_BILOPILLIA_LEAD = "A guided bomb hit a house in Bilopillia on Monday, injuring two people. "


@pytest.mark.parametrize(
    "rest",
    [
        "During the shelling, debris damaged a school in Vorozhba.",
        "In the attack, windows were blown out in Vorozhba.",
        # the area that holds the first place: the town is the better placed reading
        "The attack also cut power across the Sumy district.",
    ],
)
def test_a_strike_framed_by_the_one_told_before_or_retold_at_its_area_is_one(gazetteer, rest):
    got = _strike_places(_BILOPILLIA_LEAD + rest, gazetteer, published=dt.date(2024, 8, 20))
    assert got == ["Bilopillia"]


def test_a_strike_after_the_one_told_before_by_an_actor_is_kept(gazetteer):
    text = _BILOPILLIA_LEAD + "After the attack, Russian troops also shelled Vorozhba."
    got = _strike_places(text, gazetteer, published=dt.date(2024, 8, 20))
    assert got == ["Bilopillia", "Vorozhba"]


_MYRNOHRAD_LEAD = (
    "Russian forces dropped a guided bomb on Myrnohrad in Donetsk Oblast, killing a man.\n\n"
    "Source: the regional prosecutor's office\n\n"
)


def test_a_sources_quote_placing_the_lead_strike_beside_it_is_the_same_strike(gazetteer):
    text = (
        _MYRNOHRAD_LEAD + 'Quote from the prosecutors: "The occupiers hit Pokrovsk with an '
        'aerial bomb at around 09:40."'
    )
    got = _strike_places(text, gazetteer, published=dt.date(2024, 8, 20))
    assert got == ["Myrnohrad"]


@pytest.mark.parametrize(
    "quote",
    [
        'Quote: "The occupiers also hit Pokrovsk with another aerial bomb."',
        'Quote: "The occupiers hit Kramatorsk with an aerial bomb at around 09:40."',
    ],
)
def test_a_sources_quote_telling_one_more_strike_or_one_far_away_is_kept(gazetteer, quote):
    got = _strike_places(_MYRNOHRAD_LEAD + quote, gazetteer, published=dt.date(2024, 8, 20))
    assert len(got) == 2 and "Myrnohrad" in got


# --- an oblast's day in sum beside its namesake city's own toll (issue 10, join13) ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the oblast's toll counts more than the city's: the region's day, kept beside it
        (
            "Shortly after noon, Mykolaiv came under Russian fire again. A shell hit a shop, "
            "killing a 70-year-old man. Four people were wounded and one was killed in the "
            "Mykolaiv region by Russian shelling during the past day.",
            ["Mykolaiv", "Mykolaiv Oblast"],
        ),
        # the oblast's toll is the city's: one strike, told twice
        (
            "A Russian drone hit a shop in Mykolaiv, wounding two people. Two people were "
            "wounded in the Mykolaiv region by that drone attack.",
            ["Mykolaiv"],
        ),
    ],
)
def test_an_oblasts_larger_toll_stands_beside_its_namesake_city(gazetteer, text, expected):
    # A bulletin tells the city's strike with its toll, then the oblast's day in sum: a toll
    # above the city's counts the oblast's other towns, an event of its own.
    assert _struck_places(text, gazetteer) == expected


def test_an_oblasts_later_count_over_its_citys_night_is_the_citys_strike(gazetteer):
    # Both tell the night's strikes; the oblast's count is one higher, a later tally of them.
    text = (
        "Overnight Russian strikes on Mykolaiv killed three people, officials said. Russian "
        "strikes overnight on the Mykolaiv region killed four people, the governor said."
    )
    assert _struck_places(text, gazetteer) == ["Mykolaiv"]


# --- an oblast's event that sums up its settlements' events (lead, round 14) ---


def _typed(text: str, gazetteer) -> list[tuple[str, str]]:
    article = article_from_text(text, published=dt.date(2024, 9, 5))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [(e.event_type.value, e.place.name) for e in events]


@pytest.mark.parametrize(
    ("text", "village"),
    [
        (
            "Russian forces advanced in the Zaporizhzhia region over the past week, the "
            "ministry said. Its troops captured Mala Tokmachka on Friday.",
            "Mala Tokmachka",
        ),
        (
            "Ukrainian troops have gained ground in the Kharkiv region since Monday, the "
            "commander said. They recaptured the village of Kozacha Lopan on Wednesday.",
            "Kozacha Lopan",
        ),
    ],
)
def test_gains_in_an_oblast_above_a_village_taken_then_are_the_villages(gazetteer, text, village):
    # The oblast's "gains" are the village's capture told as a summary: one advance, where
    # ground changed hands, not a second dot at the oblast's centre.
    assert _typed(text, gazetteer) == [("advance", village)]


def test_an_oblast_sharing_its_sentences_toll_stands_beside_a_town_of_its_own(gazetteer):
    # The toll went to the first oblast of the pair; it is the second's too, so the second
    # is the analyst's record of that oblast's day and not a summary of Kupiansk's strike.
    text = (
        "Six civilians were killed in Russian attacks in the Donetsk and Kharkiv regions on "
        "Monday. In Kupiansk, a drone hit a shop on Monday."
    )
    assert ("attack", "Kharkiv Oblast") in _typed(text, gazetteer)
    assert ("attack", "Kupiansk") in _typed(text, gazetteer)


def test_oblast_summaries_dropped_keeps_an_oblast_with_no_event_below_it() -> None:
    from geo.events.merge import oblast_summaries_dropped

    text = "Russian forces advanced in the Zaporizhzhia region, the ministry said."
    article = article_from_text(text, published=dt.date(2024, 9, 5))
    events = extract_events(article, geoparse(article.text))
    assert [e.place.name for e in events] == ["Zaporizhzhia Oblast"]
    assert oblast_summaries_dropped(events) == events


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, Russian units tried to storm Ukrainian positions in the areas of seven "
        "settlements in the Kharkiv and Luhansk regions.",
        "Heavy fighting continued in the Donetsk and Zaporizhzhia regions on Sunday, the army "
        "said.",
        "Russian forces made gains in the Luhansk and Kharkiv regions last week, analysts said.",
    ],
)
def test_fighting_or_gains_told_of_several_oblasts_at_once_is_no_oblast_event(gazetteer, text):
    # One sentence spreading a fight or a gain over two oblasts tells the front as a whole.
    assert _typed(text, gazetteer) == []


def test_fighting_told_of_one_oblast_and_strikes_on_two_stand(gazetteer):
    one = "Heavy fighting continued in the Donetsk region on Sunday, the army said."
    assert _typed(one, gazetteer) == [("offensive", "Donetsk Oblast")]
    two = "Drones attacked the Sumy and Kharkiv regions on Sunday, the air force said."
    assert _typed(two, gazetteer) == [("attack", "Sumy Oblast"), ("attack", "Kharkiv Oblast")]


# --- a count of places over several areas, then the places one by one (issue 10, dup14) ---


def _typed_places(text, gazetteer, published=dt.date(2023, 3, 12)):
    article = article_from_text(text, published=published)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [(e.event_type, e.place.name) for e in events]


def test_fights_counted_over_two_oblasts_then_named_leave_no_oblast_event(gazetteer):
    # The count ("six towns and villages in the A and B regions") sums the fights the next
    # sentences name: neither oblast is a fight of its own.
    text = (
        "On Friday, March 10, Russian units unsuccessfully attacked the positions of Ukrainian "
        "troops in the areas of 6 towns and villages in the Kharkiv and Donetsk regions.\n\n"
        "Russian assaults were beaten off near Synkivka, Bilohorivka, Vuhledar, Marinka and "
        "Nevelske in the Donetsk region.\n\n"
        "In the Kharkiv region, the defenders repelled an assault near the village of "
        "Hryanykivka."
    )
    got = _typed_places(text, gazetteer, published=dt.date(2023, 3, 11))
    assert ("offensive", "Kharkiv Oblast") not in got
    assert ("offensive", "Donetsk Oblast") not in got
    assert ("offensive", "Vuhledar") in got


def test_a_strike_count_over_two_oblasts_beside_one_named_town_is_each_oblasts_tally(gazetteer):
    # Forty communities with one town named: the day's tally, coded at each oblast.
    text = (
        "Russian troops shelled 40 communities in the Sumy and Kharkiv regions on Saturday, "
        "the army said. A shell hit a school in Vovchansk on Saturday."
    )
    got = _typed_places(text, gazetteer)
    assert ("attack", "Sumy Oblast") in got
    assert ("attack", "Kharkiv Oblast") in got


# --- the lead's victims told again with the place they were hit at (issue 10, dup14) ---

_VICTIMS_TOLD_AGAIN = (
    "Three people were killed and four were wounded in a Russian attack on the Kharkiv "
    "region, the regional governor said.\n\n"
    "The dead were three farmers who were killed in the Izium district of the region.\n\n"
    "Russian missiles struck across the country overnight. Regional officials counted nine "
    "victims by morning - six people were killed in the Odesa region and three in the "
    "Kharkiv region."
)


def test_the_leads_victims_told_with_their_district_place_the_leads_strike(gazetteer):
    # The oblast's strike is the district's, with the lead's whole toll; the round-up's
    # three in the oblast are those three again, while Odesa's six are news of their own.
    got = _strikes(_VICTIMS_TOLD_AGAIN, gazetteer)
    assert ("Izium Raion", 3, 4) in got
    assert not any(name == "Kharkiv Oblast" for name, *_ in got)
    assert any(name == "Odesa Oblast" for name, *_ in got)


def test_a_round_ups_larger_count_for_the_leads_oblast_stays(gazetteer):
    # Five in the oblast are more than the district's three: the oblast's day, kept.
    text = _VICTIMS_TOLD_AGAIN.replace("and three in the", "and five in the")
    got = _strikes(text, gazetteer)
    assert ("Izium Raion", 3, 4) in got
    assert any(name == "Kharkiv Oblast" for name, *_ in got)


# --- a follow-up that names the strike told before by what it left (issue 10, dup14) ---


def _dated_strikes(text, gazetteer):
    article = article_from_text(text, published=dt.date(2024, 9, 10))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [(e.place.name, e.date_start.isoformat(), e.killed) for e in events]


@pytest.mark.parametrize(
    "follow_up",
    [
        "Rescuers were still clearing the site of the strike in Poltava on Tuesday.",
        "Emergency crews dealt with the aftermath of the attack in Poltava on Tuesday.",
    ],
)
def test_a_follow_up_naming_the_strike_by_its_aftermath_is_no_new_strike(gazetteer, follow_up):
    text = "A Russian missile hit a college in Poltava on Monday, killing four people. " + follow_up
    got = _dated_strikes(text, gazetteer)
    assert [(name, day) for name, day, _ in got] == [("Poltava", "2024-09-09")]


def test_a_second_strike_the_day_after_stays_beside_the_first(gazetteer):
    text = (
        "A Russian missile hit a college in Poltava on Monday, killing four people. A second "
        "strike hit a depot in Poltava on Tuesday."
    )
    got = _dated_strikes(text, gazetteer)
    assert [(name, day) for name, day, _ in got] == [
        ("Poltava", "2024-09-09"),
        ("Poltava", "2024-09-10"),
    ]


def test_a_strike_in_another_war_is_no_event_of_this_one(gazetteer):
    text = (
        "Air strikes on Rafah killed 14 people on Sunday, a week after Russian missiles "
        "hit Odesa on Sunday."
    )
    article = article_from_text(text, published=dt.date(2024, 3, 12))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert {e.place.country_code for e in events} == {"UA"}


def test_a_drone_that_fell_abroad_is_no_event_but_talks_abroad_stay(gazetteer):
    text = (
        "A drone fell near Galati in Romania on Tuesday. Delegations met for talks in "
        "Istanbul on Tuesday."
    )
    article = article_from_text(text, published=dt.date(2024, 3, 12))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [(e.event_type, e.place.country_code) for e in events] == [(EventType.NEGOTIATION, "TR")]


def test_oblasts_that_hold_the_counted_villages_give_way_to_the_villages(gazetteer):
    # the sentence counts the places in two oblasts; the next names them one by one
    text = (
        "On Monday, enemy units attacked in the areas of 4 towns and villages in the Zaporizhzhia "
        "and Kharkiv regions without success. Attacks were repelled near Robotyne on Monday."
    )
    assert _fighting(text, gazetteer) == ["Kharkiv Oblast", "Robotyne"]


def test_a_town_strike_told_with_its_own_toll_keeps_the_regions_day_beside_it(gazetteer):
    # The region's day in sum, then one strike there told with its own count: the strike word
    # ("attack") carries no count beside "killed", but the sentence tells a toll of its own,
    # so the town's strike is not the region's retold and the region's tally stays.
    text = (
        "Strikes by Russia killed three people and injured eleven in the Mykolaiv region over "
        "the past day, the regional head wrote. A drone attack on Snihurivka killed a "
        "48-year-old farmer."
    )
    article = article_from_text(text, published=dt.date(2024, 9, 10))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    tolls = {
        e.place.name: (e.killed, e.injured) for e in events if e.event_type is EventType.ATTACK
    }
    assert tolls == {"Mykolaiv Oblast": (3, 11), "Snihurivka": (1, None)}


def test_a_count_of_gains_reported_a_day_after_the_named_capture_folds_into_it(gazetteer):
    text = (
        "Russian troops have seized several villages near the towns of Vuhledar and Marinka, "
        "Kyiv's army said on Wednesday.\n\n"
        "According to the army, Russian units took Novomykhailivka on Tuesday after days of "
        "assaults."
    )
    article = article_from_text(text, published=dt.date(2024, 3, 13))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    gains = {e.place.name for e in events if e.event_type is EventType.ADVANCE}
    assert gains == {"Novomykhailivka"}


def test_a_capture_told_on_its_report_day_and_then_with_its_own_day_is_one(gazetteer):
    text = (
        "Kyiv on Thursday said it has recaptured Robotyne, a village south of Orikhiv.\n\n"
        '"Our soldiers entered Robotyne yesterday after two weeks of assaults," a brigade '
        "officer said."
    )
    article = article_from_text(text, published=dt.date(2024, 3, 14))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    gains = [(e.place.name, e.date_start) for e in events if e.event_type is EventType.ADVANCE]
    assert gains == [("Robotyne", dt.date(2024, 3, 13))]


def test_an_orders_list_may_count_whom_it_moves_before_its_settlements(gazetteer):
    text = (
        "Officials declared a compulsory evacuation of children from three settlements of "
        "Donetsk Oblast. The measure will concern 31 children and 40 accompanying parents "
        "from Rodynske, Hnativka and Lysivka."
    )
    places = {e.place.name for e in _evacuations(text, gazetteer)}
    assert {"Rodynske", "Hnativka", "Lysivka"} <= places


def test_a_measure_with_no_evacuation_order_before_it_is_no_evacuation(gazetteer):
    text = (
        "On Monday parliament passed a new tax on imports. The measure will concern "
        "31 traders from Rodynske and Lysivka."
    )
    assert _evacuations(text, gazetteer) == []


def test_an_orders_list_led_by_whom_it_moves_counted_gives_one_each_without_the_total(gazetteer):
    text = (
        "On Monday the regional council announced a mandatory evacuation of minors and their "
        "carers from three villages of Kharkiv Oblast. The decision will cover 31 "
        "children and 40 adults from Borova, Bohuslavka and Kurylivka."
    )
    evacuations = _evacuations(text, gazetteer)
    villages = [e for e in evacuations if e.place.name in {"Bohuslavka", "Borova", "Kurylivka"}]
    assert len(villages) == 3
    # the counts are the order's total, not each village's
    assert {(e.people, e.children) for e in villages} == {(None, None)}


def test_a_lead_with_a_figure_that_counts_no_one_moved_is_no_orders_list(gazetteer):
    text = (
        "On Monday the regional council announced a mandatory evacuation of minors and their "
        "carers from three villages of Kharkiv Oblast. About 300 people still live in "
        "Borova, Bohuslavka and Kurylivka."
    )
    names = {e.place.name for e in _evacuations(text, gazetteer)}
    assert names & {"Bohuslavka", "Borova", "Kurylivka"} == set()


def _typed_on(text, gazetteer, published):
    article = article_from_text(text, published=published)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return {(e.event_type, e.place.name) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Since October, the army's mobile groups have downed some 700 drones over the "
        "Kharkiv region, the spokesman said.",
        "Russia has launched more than 300 guided bombs at Nikopol since August, officials said.",
    ],
)
def test_strikes_counted_since_a_start_months_back_are_a_running_total(gazetteer, text):
    types = {t for t, _ in _typed_on(text, gazetteer, dt.date(2025, 2, 3))}
    assert EventType.ATTACK not in types


@pytest.mark.parametrize(
    "text",
    [
        # a few weeks back: still the strikes of the report's days
        "Since January 20, Russian drones have struck Kharkiv every night.",
        # a fight over months stays (a siege counted from its start)
        "Since October, Russian troops have been storming Vovchansk.",
    ],
)
def test_a_recent_start_or_a_fight_counted_since_months_back_stays(gazetteer, text):
    assert _typed_on(text, gazetteer, dt.date(2025, 2, 3))


def _gains17(text, gazetteer, published=dt.date(2024, 5, 12)):
    article = article_from_text(text, published=published)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [e for e in events if e.event_type is EventType.ADVANCE]


def test_a_headlines_unnamed_village_near_a_town_is_the_village_the_lead_names(gazetteer):
    text = (
        "Army says village near Bakhmut retaken\n\n"
        "The general staff said on Friday that the village of Klishchiivka near the embattled "
        "eastern city of Bakhmut was retaken."
    )
    assert {e.place.name for e in _gains17(text, gazetteer)} == {"Klishchiivka"}


def test_the_whole_region_retaken_stays_beside_the_towns_retaken_in_it(gazetteer):
    text = (
        "Ukraine regained control of the whole Kharkiv region on Sunday, the ministry said. "
        "Vovchansk and Kupiansk had been retaken by Ukrainian troops on Sunday."
    )
    assert "Kharkiv Oblast" in {e.place.name for e in _gains17(text, gazetteer)}


def test_a_capture_dated_by_the_dateline_is_the_one_the_body_dates_the_day_before(gazetteer):
    text = (
        "KYIV (Agency - 12th May, 2024) Ukrainian troops left their positions close to the "
        "village of Robotyne, an official told reporters on Sunday.\n\n"
        "On Saturday, the official said Russian forces had pushed the Ukrainian troops out of "
        "the village."
    )
    assert len(_gains17(text, gazetteer)) == 1


# --- a strike at a place told again in another sentence (helper twice18) ---------------------


def _strikes_at(text, gazetteer, name):
    article = article_from_text(text, published=dt.date(2024, 3, 12))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [e for e in events if e.event_type is EventType.ATTACK and e.place.name == name]


@pytest.mark.parametrize(
    "text",
    [
        # a lead and its body both tell the strike as one more of many
        "Russia again shelled Sumy on Monday, killing a man. "
        "Russian gunners again fired on Sumy on Monday, the mayor said, and one man died.",
        # the same toll told twice, at two parts of the day (the night's strike, the
        # morning's report)
        "A drone hit Sumy overnight, killing one man. "
        "In the morning the mayor said the strike on Sumy killed one man.",
        # no part of the day and no "again": the body tells the lead's strike
        "Shelling hit Sumy on Monday, killing a man. "
        "Russian artillery struck a street in Sumy, wounding two women as well.",
    ],
)
def test_a_strike_retold_in_the_body_stays_one_strike(gazetteer, text):
    assert len(_strikes_at(text, gazetteer, "Sumy")) == 1


def _fights_at(text, gazetteer, name):
    article = article_from_text(text, published=dt.date(2023, 12, 8))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [e for e in events if e.event_type is EventType.OFFENSIVE and e.place.name == name]


def test_a_siege_since_a_date_weeks_back_stays_beside_the_days_fighting(gazetteer):
    text = (
        "On Friday Russian units kept trying to encircle Marinka, the General Staff said. "
        "Moscow has lost hundreds of tanks in the assaults it has mounted on Marinka "
        "since Sept. 2."
    )
    fights = _fights_at(text, gazetteer, "Marinka")
    assert sorted((e.date_start, e.date_end) for e in fights) == [
        (dt.date(2023, 9, 2), dt.date(2023, 12, 8)),
        (dt.date(2023, 12, 8), dt.date(2023, 12, 8)),
    ]


def test_fighting_since_a_few_days_back_is_the_days_fighting_told_again(gazetteer):
    text = (
        "On Friday Russian units kept trying to encircle Marinka, the General Staff said. "
        "The assaults on Marinka have gone on since Wednesday."
    )
    assert len(_fights_at(text, gazetteer, "Marinka")) == 1


def test_an_oblasts_evacuation_with_no_count_still_sums_its_towns(gazetteer):
    text = (
        "The evacuation from the Kharkiv region's frontline areas goes on, the governor said. "
        "The evacuation of families from Kupiansk goes on."
    )
    article = article_from_text(text, published=dt.date(2025, 6, 2))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    moved = {e.place.name for e in events if e.event_type is EventType.EVACUATION}
    assert "Kharkiv Oblast" not in moved


# --- round 19, spur19: an area's strike whose participle tells the place it hit ---


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian troops shelled the Mykolaiv region, hitting a barn in the Bashtanka district.",
        "Enemy drones attacked Sumy Oblast on Sunday, hitting a farm in the Shostka district, "
        "where a guard was hurt.",
        "Russian forces shelled the Zaporizhzhia region overnight, striking a house in the "
        "Polohy district.",
    ],
)
def test_an_areas_strike_is_the_district_its_participle_hit(gazetteer, sentence):
    names = [name for name, *_ in _strikes(sentence, gazetteer)]
    assert len(names) == 1 and names[0].endswith("Raion")


def test_an_area_and_a_district_joined_by_and_stay_two_strikes(gazetteer):
    text = "Russian troops shelled the Mykolaiv region and the Beryslav district of Kherson Oblast."
    assert len(_strikes(text, gazetteer)) == 2


def test_an_event_placed_at_a_river_is_dropped(gazetteer, monkeypatch):
    text = "The brigade withdrew to the east bank of the Dnipro River on Tuesday."
    article = article_from_text(text, published=dt.date(2024, 9, 5))
    tops = geoparse(article.text, gazetteer=gazetteer)
    assert extract_events(article, tops) == []
    # The withdrawal is read, and placed at the river: only the river rule drops it.
    monkeypatch.setattr("geo.events.merge.river_ids", frozenset)
    assert [e.place.name for e in extract_events(article, tops)] == ["Dnipro River"]


def test_a_push_under_way_is_not_folded_into_a_capture_recalled_weeks_before(gazetteer):
    text = (
        "Ukrainian brigades continue to advance near Verbove while Russian units try to win "
        "back lost ground.\n\nOn 3 August, a Ukrainian brigade entered Verbove after heavy "
        "fighting."
    )
    article = article_from_text(text, published=dt.date(2023, 9, 20))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    advances = sorted(
        e.date_start
        for e in events
        if e.event_type is EventType.ADVANCE and e.place.name == "Verbove"
    )
    assert advances == [dt.date(2023, 8, 3), dt.date(2023, 9, 19)]


# --- an undated title over the body's events (issue 10, round 20 accP) ---


def test_a_subheading_naming_the_oblast_of_the_gains_below_it_is_no_gain_of_its_own(gazetteer):
    text = (
        "Russian gains in Zaporizhzhia Oblast\n\n"
        "The defence ministry said on Monday that Russian troops had captured the village of "
        "Robotyne. Heavy fighting went on near Orikhiv."
    )
    got = _typed_places(text, gazetteer, published=dt.date(2024, 6, 12))
    assert [place for kind, place in got if kind == "advance"] == ["Robotyne"]


def test_a_headline_evacuation_near_a_city_is_the_bodys_evacuations_around_it(gazetteer):
    text = (
        "1,500 evacuated from frontline areas near Kharkiv, 3,000 more waiting\n\n"
        "Buses took some 1,500 people out of Derhachi and Ruska Lozova on Tuesday, the "
        "regional governor said."
    )
    got = _typed_places(text, gazetteer, published=dt.date(2024, 6, 12))
    assert sorted(place for kind, place in got if kind == "evacuation") == [
        "Derhachi",
        "Ruska Lozova",
    ]


# --- fighting in a clause that describes the region (issue 10, round 20 accP) ---


@pytest.mark.parametrize(
    "clause", ["where heavy fighting continues", "where battles have been raging for months"]
)
def test_fighting_in_a_where_clause_after_the_oblast_is_its_setting(clause, gazetteer):
    text = (
        "On Thursday, Moscow said its troops had taken one more village in Ukraine's southern "
        f"Zaporizhzhia region, {clause}."
    )
    got = _typed_places(text, gazetteer, published=dt.date(2025, 10, 24))
    assert ("offensive", "Zaporizhzhia Oblast") not in got


# --- a fight at an oblast whose "where" clause names the town (issue 10, round 20 accP) ---


def test_fighting_in_an_oblast_where_a_town_is_claimed_is_the_towns_fight(gazetteer):
    text = (
        "Heavy battles went on in the southern Zaporizhzhia province, where Moscow says its "
        "troops have taken the village of Robotyne but Kyiv says its soldiers still hold out."
    )
    got = _typed_places(text, gazetteer, published=dt.date(2023, 8, 30))
    assert ("offensive", "Robotyne") in got
    assert ("offensive", "Zaporizhzhia Oblast") not in got


@pytest.mark.parametrize(
    "flight",
    [
        # Round 20 (accR): "have fled X" in its own sentence is no count of the evacuation
        "Since the spring, thousands have fled Kupiansk, though some still live in the town.",
        # people who had to risk their lives to get out were no convoy's
        "Dozens of households had to risk their lives to flee Kupiansk for Balakliia on foot.",
    ],
)
def test_a_flight_beside_an_evacuation_of_the_town_stays_a_flight(gazetteer, flight):
    text = f"Volunteers evacuated residents from Kupiansk on Monday. {flight}"
    article = article_from_text(text, published=dt.date(2024, 9, 10))
    kinds = {
        e.event_type
        for e in extract_events(article, geoparse(article.text, gazetteer=gazetteer))
        if e.place.name == "Kupiansk"
    }
    assert kinds == {EventType.EVACUATION, EventType.DISPLACEMENT}


# --- a title's gains at an oblast's namesake centre (issue 10, round 21 accE) ---


def test_a_title_telling_gains_in_a_regions_namesake_city_is_the_regions_gains(gazetteer):
    # "advances in Kharkiv" over gains at villages of the Kharkiv region: the region, told
    # by its bare name, not a capture of the city
    text = (
        "Mapping group sees Russian gains in Kharkiv\n\n"
        "Analysts said on Friday that Russian troops had captured the village of Pylna and "
        "the village of Strilecha in the Kharkiv region."
    )
    got = _typed_places(text, gazetteer, published=dt.date(2024, 5, 12))
    assert sorted(place for kind, place in got if kind == "advance") == ["Pylna", "Strilecha"]


# --- Round 21 (accD) ---


def test_an_undated_hit_stays_apart_from_the_strike_counted_back_a_year_from_it(gazetteer):
    # The hit has no day of its own (the report's), the market strike is counted back from
    # it: the two must not fold into one dated a year ago.
    text = (
        "Another rocket also struck a depot in Uman, nearly a year after a missile strike on "
        "a bakery there that killed nine. Nobody was hurt this time, the mayor said."
    )
    article = article_from_text(text, published=dt.date(2024, 5, 20))
    strikes = sorted(
        (
            e
            for e in extract_events(article, geoparse(article.text, gazetteer=gazetteer))
            if e.event_type is EventType.ATTACK
        ),
        key=lambda e: e.date_start,
    )
    assert [(e.place.name, e.date_end.year, e.killed) for e in strikes] == [
        ("Uman", 2023, 9),
        ("Uman", 2024, 0),
    ]


def test_an_oblasts_evacuee_count_stands_beside_its_districts_evacuations(gazetteer):
    # The districts are told without figures; the region's count is its own record.
    text = (
        "Some 6,500 residents have been evacuated from the Sumy region since the assault "
        "began, the governor wrote on Sunday. People from Shostka and Okhtyrka districts "
        "are being evacuated."
    )
    article = article_from_text(text, published=dt.date(2024, 9, 8))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    oblast = [e for e in events if e.place.name == "Sumy Oblast"]
    assert [(e.event_type, e.people) for e in oblast] == [(EventType.EVACUATION, 6500)]
    assert {e.place.name for e in events} >= {"Shostka Raion", "Okhtyrka Raion"}
