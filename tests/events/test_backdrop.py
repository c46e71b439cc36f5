"""Campaigns and the war's start named as the setting of a sentence's news are no events."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.extract import extract_events
from geo.records import EventType
from geo.text.articles import article_from_text
from geo.toponyms.geoparse import geoparse


def _events(text, gazetteer, published=dt.date(2024, 5, 16)):
    article = article_from_text(text, published=published)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return {(e.event_type, e.place.name) for e in events}


def test_capture_as_part_of_a_running_offensive_gives_only_the_capture(gazetteer):
    text = (
        "Moscow said on Saturday its troops had seized the village of Ocheretyne as part of "
        "its continuing offensive in the Donetsk region."
    )
    assert _events(text, gazetteer) == {(EventType.ADVANCE, "Ocheretyne")}


def test_capture_amid_an_offensive_in_an_oblast_gives_no_oblast_offensive(gazetteer):
    text = (
        "The defence ministry reported the capture of Ocheretyne amid an offensive in "
        "eastern Donetsk Oblast."
    )
    assert _events(text, gazetteer) == {(EventType.ADVANCE, "Ocheretyne")}


def test_fronted_with_fighting_ongoing_is_the_setting_of_a_flight(gazetteer):
    text = (
        "With heavy fighting still ongoing in Donetsk Oblast, more residents are leaving Myrnohrad."
    )
    assert _events(text, gazetteer) == {(EventType.DISPLACEMENT, "Myrnohrad")}


def test_counteroffensive_carried_out_as_a_time_puts_no_fight_at_the_capital(gazetteer):
    text = (
        "Moscow blamed Ukrainian gunners for hits on Belgorod as Kyiv conducts "
        "counter-offensive operations."
    )
    assert _events(text, gazetteer) == {(EventType.ATTACK, "Belgorod")}


def test_villages_retaken_during_a_counteroffensive_in_an_oblast_are_the_news(gazetteer):
    text = (
        "During the counteroffensive in the Kherson region, Ukrainian troops retook "
        "Vysokopillia and two more villages."
    )
    assert _events(text, gazetteer) == {(EventType.ADVANCE, "Vysokopillia")}


def test_an_offensive_on_one_town_named_as_a_time_is_still_that_towns_fight(gazetteer):
    text = "Kyiv said Russia lost hundreds of troops during its offensive on Bakhmut last week."
    assert (EventType.OFFENSIVE, "Bakhmut") in _events(text, gazetteer)


def test_trailing_with_fighting_ongoing_near_a_village_is_the_days_fight(gazetteer):
    text = "Two assaults were repelled, with fighting ongoing near Vovchansk."
    assert (EventType.OFFENSIVE, "Vovchansk") in _events(text, gazetteer)


def test_amid_fighting_at_one_town_is_still_coded(gazetteer):
    # no campaign word and no running word: the fight on the city's edge is the day's news
    text = "Blasts shook Kyiv amid fighting at the northern edge of the capital."
    assert (EventType.OFFENSIVE, "Kyiv") in _events(text, gazetteer)


def test_a_campaign_told_as_the_news_is_kept(gazetteer):
    text = "Ukrainian forces are waging a counteroffensive in the Kharkiv region."
    assert (EventType.OFFENSIVE, "Kharkiv Oblast") in _events(text, gazetteer)


_OPENING = (
    "Russian troops seized large parts of the Kharkiv region in the opening weeks of the war."
)


def test_capture_in_the_opening_weeks_of_the_war_is_history_in_a_later_report(gazetteer):
    text = _OPENING
    assert _events(text, gazetteer) == set()


def test_capture_in_the_opening_weeks_of_the_war_is_news_in_its_first_months(gazetteer):
    text = _OPENING
    got = _events(text, gazetteer, published=dt.date(2022, 4, 10))
    assert (EventType.ADVANCE, "Kharkiv Oblast") in got


def test_strikes_since_the_escalation_of_the_conflict_are_a_trend(gazetteer):
    text = (
        "Drones and shells have struck the Kursk, Belgorod, and Bryansk regions over and over "
        "since the escalation of the war."
    )
    assert _events(text, gazetteer) == set()


def test_war_start_in_a_relative_clause_leaves_the_capture(gazetteer):
    text = (
        "Russian troops captured Ocheretyne on Monday, a village that has been shelled since "
        "the beginning of the war."
    )
    assert (EventType.ADVANCE, "Ocheretyne") in _events(text, gazetteer)


def test_evacuation_from_communities_under_constant_fire_codes_no_strike(gazetteer):
    text = (
        "The regional defence council ordered families with children to be evacuated from "
        "three communities of Kupiansk district in Kharkiv region, which are under constant "
        "enemy fire."
    )
    assert EventType.ATTACK not in {kind for kind, _ in _events(text, gazetteer)}
    # a strike told as a happening while people leave is still the day's strike
    told = (
        "Russian troops shelled Kupiansk on Tuesday while volunteers were evacuating "
        "residents, wounding two of them."
    )
    assert (EventType.ATTACK, "Kupiansk") in _events(told, gazetteer)


def test_evacuation_where_shelling_has_intensified_codes_no_strike(gazetteer):
    text = (
        "Forty children and their parents are being moved out of five villages in "
        "Zaporizhzhia region, where the intensity of artillery shelling has doubled."
    )
    kinds = {kind for kind, _ in _events(text, gazetteer)}
    assert EventType.ATTACK not in kinds
    assert EventType.EVACUATION in kinds


def test_people_displaced_by_fighting_give_the_flight_not_a_battle(gazetteer):
    text = (
        "Since the spring, roughly 25,000 residents were displaced by the fighting around "
        "frontline villages of Zaporizhzhia region, the UN agency said."
    )
    kinds = {kind for kind, _ in _events(text, gazetteer)}
    assert EventType.OFFENSIVE not in kinds
    fled = "Hundreds of residents have fled the fighting around Pokrovsk this week."
    assert EventType.OFFENSIVE not in {kind for kind, _ in _events(fled, gazetteer)}
    # fighting told as a happening beside an evacuation is still the day's fight
    told = (
        "Heavy fighting raged near Pokrovsk on Tuesday, and 300 people were evacuated "
        "from Myrnohrad."
    )
    assert (EventType.OFFENSIVE, "Pokrovsk") in _events(told, gazetteer)


def test_strikes_that_aid_answers_are_still_strikes(gazetteer):
    # A relief bulletin's "after deadly strikes in A and B oblasts" recaps strikes an analyst
    # still codes (on an unseen set they were coded); only their day is the bulletin's.
    text = (
        "Relief agencies kept up their assistance to families leaving the front while "
        "volunteers organised support for residents after deadly strikes in Kharkivska and "
        "Sumska oblasts."
    )
    assert {kind for kind, _ in _events(text, gazetteer)} == {EventType.ATTACK}
    assert len(_events(text, gazetteer)) == 2


def test_strikes_with_a_day_of_their_own_stay_after_aid(gazetteer):
    text = "Volunteers brought aid to residents after the strikes on Kharkiv on 12 May."
    assert _events(text, gazetteer) == {(EventType.ATTACK, "Kharkiv")}


def test_news_not_setting_keeps_what_the_three_tests_keep() -> None:
    from geo.events.backdrop import (
        campaign_frame,
        evacuation_cause,
        news_not_setting,
        war_start_background,
    )
    from geo.events.triggers import find_triggers
    from geo.text.sentences import split_sentences

    text = (
        "Families were evacuated from Vilkhuvatka because of the constant shelling. "
        "Troops took Ivanivka amid the offensive in the Kharkiv region, and shelled Kupiansk. "
        "Since the start of the full-scale invasion, 900 people have fled Borova, where "
        "drones struck a depot on Monday. Residents fled the fighting around Lyptsi."
    )
    for published in (dt.date(2024, 9, 2), dt.date(2022, 3, 20), None):
        for sent in split_sentences(text):
            found = find_triggers(text, sent, [])
            assert news_not_setting(text, sent, found, published) == [
                t
                for t in found
                if not campaign_frame(text, sent, t)
                and not war_start_background(text, sent, t, published)
                and not evacuation_cause(text, sent, t, found)
            ]
    sent = split_sentences(text)[0]
    found = find_triggers(text, sent, [])
    assert [t.type for t in news_not_setting(text, sent, found, dt.date(2024, 9, 2))] == [
        EventType.EVACUATION
    ]


# Wave 2 (w2adv): a campaign named as what strikes answer or follow is their reason.
def test_strikes_in_response_to_an_incursion_code_no_incursion(gazetteer):
    text = (
        "Russia fired dozens of missiles at Lviv on Monday in retaliation for Kyiv's "
        "surprise incursion into the Bryansk region."
    )
    assert not any(t is EventType.OFFENSIVE for t, _ in _events(text, gazetteer))


def test_an_incursion_weeks_before_the_news_is_its_time(gazetteer):
    text = "Two weeks after Ukraine's incursion into the Bryansk region, drones hit Lviv."
    assert not any(t is EventType.OFFENSIVE for t, _ in _events(text, gazetteer))


def test_an_incursion_told_as_news_stays(gazetteer):
    text = "Ukrainian troops pressed their incursion into the Bryansk region on Monday."
    assert (EventType.OFFENSIVE, "Bryansk Oblast") in _events(text, gazetteer)


# Round 13 (type13): a gain that describes a place or a unit, or a liberation remembered.
def test_a_gain_in_a_relative_clause_describing_a_town_is_no_advance(gazetteer):
    text = (
        "The army said it beat back four assaults near Kreminna, a town in the north of "
        "the region where Kyiv has reported gains."
    )
    assert _events(text, gazetteer) == {(EventType.OFFENSIVE, "Kreminna")}


def test_a_unit_named_by_the_town_it_liberated_makes_no_advance(gazetteer):
    text = "Marines who recaptured Kupiansk now hold the riverbank near Izium."
    assert not any(t is EventType.ADVANCE for t, _ in _events(text, gazetteer))


def test_a_gain_in_a_relative_clause_with_its_own_time_stays(gazetteer):
    text = "Kupiansk, which Ukrainian troops recaptured in September 2022, was shelled on Monday."
    assert (EventType.ADVANCE, "Kupiansk") in _events(text, gazetteer)


def test_a_control_told_now_in_a_relative_clause_stays(gazetteer):
    text = (
        "Moscow said its campaign ended with the fall of Izium and of Balakliia, both of "
        "which its troops have now taken over."
    )
    assert (EventType.ADVANCE, "Balakliia") in _events(text, gazetteer)


def test_a_claim_of_control_in_a_relative_clause_stays(gazetteer):
    text = (
        "Heavy fighting went on in the Luhansk region, where the Russian army says it has "
        "full control over the village of Bilohorivka."
    )
    assert (EventType.ADVANCE, "Bilohorivka") in _events(text, gazetteer)


def test_a_report_through_a_relative_clause_stays(gazetteer):
    text = "The ministry, which said its troops captured Kreminna, gave no other details."
    assert (EventType.ADVANCE, "Kreminna") in _events(text, gazetteer)


def test_the_anniversary_of_a_liberation_is_no_advance(gazetteer):
    text = "Residents of Izium marked the third anniversary of the liberation of Izium on Friday."
    assert not any(t is EventType.ADVANCE for t, _ in _events(text, gazetteer))


def test_a_liberation_celebrated_is_no_advance(gazetteer):
    text = "Hundreds of people celebrated the liberation of Balakliia in its central square."
    assert not any(t is EventType.ADVANCE for t, _ in _events(text, gazetteer))


def test_a_liberation_told_as_news_stays(gazetteer):
    text = "Ukraine announced the liberation of Balakliia on Thursday."
    assert (EventType.ADVANCE, "Balakliia") in _events(text, gazetteer)


def test_a_village_counted_into_a_running_total_gives_no_oblast_advance(gazetteer):
    text = (
        "On Friday Moscow claimed the village of Urozhaine, one of about 10 it says it has "
        "seized in the Donetsk region this month."
    )
    assert _events(text, gazetteer) == {(EventType.ADVANCE, "Urozhaine")}


def test_a_gain_in_a_relative_clause_takes_the_season_it_names(gazetteer):
    article = article_from_text(
        "Kupiansk, which Ukrainian troops retook last autumn, was shelled on Monday.",
        published=dt.date(2023, 5, 16),
    )
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    (gain,) = [e for e in events if e.event_type is EventType.ADVANCE]
    assert (gain.date_start, gain.date_end) == (dt.date(2022, 9, 1), dt.date(2022, 11, 30))
    assert {e.event_type for e in events} == {EventType.ADVANCE, EventType.ATTACK}


def test_a_battle_remembered_is_no_offensive(gazetteer):
    for text in (
        "The battle for Kreminna is commemorated in Lysychansk every May.",
        "Veterans gathered on the anniversary of the battle for Kreminna.",
    ):
        assert not any(t is EventType.OFFENSIVE for t, _ in _events(text, gazetteer))


def test_a_day_of_fighting_is_still_the_fight(gazetteer):
    text = "After a day of heavy fighting near Kreminna on Friday, the line held."
    assert (EventType.OFFENSIVE, "Kreminna") in _events(text, gazetteer)


def test_fighting_ranked_along_the_whole_front_is_no_battle(gazetteer):
    # a ranking of the front (and the aim told after it) describes the war, not one day
    text = (
        "Officials say the heaviest fighting along the whole front line is going on in the "
        "Zaporizhzhia region, where Russian units are trying to push out the Ukrainian army."
    )
    assert not {t for t, _ in _events(text, gazetteer)} & {EventType.OFFENSIVE}


def test_fighting_ranked_without_the_whole_front_stays_a_battle(gazetteer):
    text = "The heaviest fighting of Tuesday took place near Robotyne, the army said."
    assert (EventType.OFFENSIVE, "Robotyne") in _events(text, gazetteer)


# --- what a relative clause in the past perfect says a place had been through (dup14) ---


def test_fighting_in_a_pluperfect_relative_clause_is_no_fight_of_the_day(gazetteer):
    # The clause describes the region before the news; its oblasts are no battles.
    text = (
        "Moscow said on Tuesday its troops had taken the village of Ocheretyne, a step into "
        "the Kharkiv region, which until spring had been mostly spared from the fierce fighting "
        "witnessed in Luhansk, Zaporizhzhia and Kherson."
    )
    got = _events(text, gazetteer)
    assert (EventType.ADVANCE, "Ocheretyne") in got
    assert not any(t is EventType.OFFENSIVE for t, _ in got)


def test_a_strike_in_a_pluperfect_relative_clause_is_the_places_past(gazetteer):
    text = (
        "Residents returned to Kupiansk, where Russian artillery had shelled the market "
        "all winter, local officials said on Monday."
    )
    assert (EventType.ATTACK, "Kupiansk") not in _events(text, gazetteer)


def test_a_relative_clause_in_the_simple_past_still_tells_the_strike(gazetteer):
    text = (
        "Officials named the victims in Kupiansk, where Russian artillery shelled the market "
        "on Monday."
    )
    assert (EventType.ATTACK, "Kupiansk") in _events(text, gazetteer)


def test_a_capture_shortly_after_invading_is_history_in_a_later_report(gazetteer):
    text = (
        "Russian troops seized swathes of the Sumy region shortly after invading Ukraine in "
        "February 2022, and left it that spring."
    )
    assert [k for k, _ in _events(text, gazetteer) if k is EventType.ADVANCE] == []
    got = _events(text, gazetteer, published=dt.date(2022, 4, 10))
    assert (EventType.ADVANCE, "Sumy Oblast") in got


def test_a_strike_remembered_on_its_anniversary_is_no_strike_of_the_day(gazetteer):
    article = article_from_text(
        "Residents laid flowers on Sunday, the second anniversary of the rocket strike on Uman.",
        published=dt.date(2025, 4, 28),
    )
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [e for e in events if e.event_type is EventType.ATTACK] == []


def test_a_campaign_named_by_a_past_year_is_history(gazetteer):
    text = "Kyiv's 2023 counteroffensive in the Kherson region cost it dearly in men."
    assert _events(text, gazetteer) == set()
    text = "The counteroffensive of 2022 in the Sumy region is now studied by staff colleges."
    assert _events(text, gazetteer) == set()


def test_a_campaign_named_by_the_reports_year_or_a_year_told_as_a_time_stays(gazetteer):
    text = "Moscow's 2024 spring offensive in the Kharkiv region pressed on near Lyptsi."
    assert (EventType.OFFENSIVE, "Kharkiv Oblast") in _events(text, gazetteer)
    text = "In 2023 Russian strikes killed 31 civilians in Sumy, monitors said."
    assert (EventType.ATTACK, "Sumy") in _events(text, gazetteer)


@pytest.mark.parametrize(
    "text",
    [
        "Taras, a mortar gunner fighting near Kurakhove, said supplies were short.",
        "Medics fighting to save lives near Bilenke say the roads are mined.",
        "Paratroopers fighting in the Hulivka direction say they need more shells.",
        "The 40th brigade, which has been fighting near Bilenke since 2023, named a new commander.",
    ],
)
def test_fighting_that_only_places_a_person_or_a_unit_is_no_battle(gazetteer, text):
    assert EventType.OFFENSIVE not in {k for k, _ in _events(text, gazetteer)}


def test_troops_fighting_at_a_town_are_still_the_fight_and_drone_crews_no_strike(gazetteer):
    text = "Russian troops are fighting near Bilenke, the general staff said."
    assert EventType.OFFENSIVE in {k for k, _ in _events(text, gazetteer)}
    text = "A drone operator near Kurakhove told reporters about his work."
    assert not _events(text, gazetteer)


# --- a gain told in an aside on a place, dated before the report (issue 10, helper spur16) ---


@pytest.mark.parametrize(
    "text",
    [
        # a participle's aside, long or short, with or without its agent
        "In the nearby village of Kivsharivka, situated some ten kilometres south of "
        "Izium and also liberated in 2022, shelling wounded a man, the governor said.",
        "In Balakliia, recaptured in September 2022, drones struck three houses.",
        "Two men were killed in Kupiansk, liberated by Ukrainian troops in 2022.",
        # the aside closing the sentence after its own noun
        "Russian forces shelled Kivsharivka, a village recaptured by Ukraine in November 2023.",
    ],
)
def test_a_gain_in_an_aside_on_a_place_with_a_past_year_is_its_history(gazetteer, text):
    types = {t for t, _ in _events(text, gazetteer, dt.date(2024, 3, 5))}
    assert EventType.ADVANCE not in types
    assert EventType.ATTACK in types


@pytest.mark.parametrize(
    "text",
    [
        # the gain as the sentence's own verb, however old
        "Ukrainian troops liberated Kivsharivka in September 2022, the governor recalled.",
        # a month of its own and no other event told: the dated capture is the news
        "The brigade now holds Balakliia, recaptured by Ukraine in September 2022.",
        # an aside dated in the report's own days is news
        "Russian forces pushed toward Kivsharivka, recaptured by Ukraine on Monday.",
        # a relative clause with a finite verb and its own time is a told capture
        "In Kivsharivka, which Ukraine retook in September 2022, shelling wounded two men.",
    ],
)
def test_a_gain_told_as_the_verb_or_in_the_reports_days_stays(gazetteer, text):
    types = {t for t, _ in _events(text, gazetteer, dt.date(2024, 3, 5))}
    assert EventType.ADVANCE in types


@pytest.mark.parametrize(
    "text",
    [
        # a bulletin's highlights: the setting runs on past ", with" to the agency's clause
        "Against the backdrop of widespread Russian strikes on power plants, with a renewed "
        "ground offensive in Sumska oblast, the agency keeps delivering aid to frontline "
        "communities.",
        "Amid intensified shelling of Nikopol, partners continue to distribute water.",
        "In the context of ongoing hostilities in Donetsk Oblast and drone attacks on "
        "Kramatorsk, aid groups scaled up their response.",
        "Against the background of renewed Russian assaults near Vovchansk, the charity "
        "reinforced its mobile teams.",
        # a list of places inside the phrase
        "Amid strikes on Sumy, Odesa and Kherson, the agency sent more staff.",
    ],
)
def test_a_fronted_setting_without_a_time_of_its_own_gives_no_event(gazetteer, text):
    types = {t for t, _ in _events(text, gazetteer)}
    assert not types & {EventType.ATTACK, EventType.OFFENSIVE, EventType.ADVANCE}


@pytest.mark.parametrize(
    "text",
    [
        # a day of its own: the strike is news
        "Amid the shelling of Nikopol on Monday, partners continue to distribute water.",
        # the strike is the main clause's, after the fronted phrase
        "Amid heavy shelling, a missile hit Kramatorsk overnight.",
        # no main clause after it: the phrase is the whole sentence
        "Amid Russian drone attacks on Odesa.",
    ],
)
def test_a_fronted_setting_with_its_day_or_the_strike_in_the_main_clause_stays(gazetteer, text):
    types = {t for t, _ in _events(text, gazetteer)}
    assert EventType.ATTACK in types


@pytest.mark.parametrize(
    "text",
    [
        "A drone wounded a driver in Avdiivka, which has withstood Russia's fierce offensive "
        "for weeks, the governor said.",
        "Shelling wounded two men in Vuhledar, a town that has endured months of Russian assaults.",
    ],
)
def test_what_a_place_has_withstood_in_a_relative_clause_is_no_fight(gazetteer, text):
    # (issue 10, helper spur17) the fight is the object of the enduring: the place described
    assert _events(text, gazetteer, dt.date(2023, 10, 27)) == {
        (EventType.ATTACK, "Avdiivka" if "Avdiivka" in text else "Vuhledar")
    }


def test_an_assault_withstood_on_a_day_is_still_a_fight(gazetteer):
    text = "Ukrainian defenders withstood a massive assault on Avdiivka on Tuesday."
    assert (EventType.OFFENSIVE, "Avdiivka") in _events(text, gazetteer, dt.date(2023, 10, 27))


# --- "despite" running strikes (issue 10, round 20 accP) ---


@pytest.mark.parametrize("frame", ["despite", "in spite of"])
def test_running_strikes_after_despite_are_the_circumstance_not_a_strike(frame, gazetteer):
    text = (
        "Moscow says its troops took two villages in the Kharkiv region. Kyiv rejects that "
        f"account, {frame} heavy continuing attacks in the region."
    )
    assert [place for kind, place in _events(text, gazetteer) if kind is EventType.ATTACK] == []


def test_the_invasions_first_day_told_by_its_date_is_history_in_a_later_report(gazetteer):
    text = (
        "Let us recall that on 24 February Russia invaded Ukraine and launched missiles at "
        "towns across the country, among them Odesa."
    )
    assert _events(text, gazetteer, published=dt.date(2022, 10, 3)) == set()


def test_the_last_talks_held_in_an_earlier_year_are_their_history(gazetteer):
    text = (
        "The previous face-to-face talks between the two sides were held in Minsk in "
        "February 2023, and ended without a deal."
    )
    assert _events(text, gazetteer, published=dt.date(2025, 4, 2)) == set()


def test_gains_claimed_as_a_habit_are_no_gain_at_their_area(gazetteer):
    text = (
        "Russian troops captured the village of Pishchane in the Kharkiv region. Kyiv has "
        "repeatedly claimed territorial advances in recent weeks, particularly in the "
        "Zaporizhzhia area, where battles near Huliaipole have intensified."
    )
    advances = {name for etype, name in _events(text, gazetteer) if etype is EventType.ADVANCE}
    assert advances == {"Pishchane"}


def test_gains_claimed_once_with_a_day_are_still_a_gain(gazetteer):
    text = (
        "Russian troops captured the village of Pishchane in the Kharkiv region. Kyiv "
        "claimed territorial advances in the Zaporizhzhia region on Monday."
    )
    advances = {name for etype, name in _events(text, gazetteer) if etype is EventType.ADVANCE}
    assert len(advances) == 2


def test_going_back_from_a_past_day_told_before_is_no_event_of_the_report(gazetteer):
    text = (
        "Ukrainian troops entered Lyman on October 1. Before that, the Russian command "
        "announced it was withdrawing its units from Svatove."
    )
    events = _events(text, gazetteer, published=dt.date(2022, 10, 5))
    assert events == {(EventType.ADVANCE, "Lyman")}


def test_going_back_from_the_eve_keeps_the_event(gazetteer):
    text = (
        "Ukrainian troops entered Lyman on Tuesday. Before that, the Russian command "
        "announced it was withdrawing its units from Svatove."
    )
    events = _events(text, gazetteer, published=dt.date(2022, 10, 5))
    assert (EventType.ADVANCE, "Svatove") in events
