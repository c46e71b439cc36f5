"""The day an event is given (geo.events.dating, through extract_events): sentences of our own,
and the days a bulletin's lead gives the strikes it lists."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.extract import extract_events
from geo.records import EventType
from geo.text.articles import article_from_text
from geo.toponyms.geoparse import geoparse


def _events(text, gazetteer, published):
    article = article_from_text(text, published=published)
    return extract_events(article, geoparse(article.text, gazetteer=gazetteer))


def test_a_which_took_place_clause_dates_the_talks_it_describes(gazetteer):
    text = (
        "The meeting in Ankara precedes talks between the Turkish and Russian defence "
        "delegations, which were held in Moscow last month to agree on the sea route."
    )
    talks = [
        e
        for e in _events(text, gazetteer, dt.date(2022, 7, 13))
        if e.event_type is EventType.NEGOTIATION
    ]
    assert {(e.date_start, e.date_end) for e in talks} == {
        (dt.date(2022, 6, 1), dt.date(2022, 6, 30))
    }


def test_a_which_clause_of_another_happening_keeps_its_date_to_itself(gazetteer):
    text = (
        "Delegations held talks in Ankara on Wednesday, which came a month after a strike "
        "hit Odesa in June."
    )
    talks = [
        e
        for e in _events(text, gazetteer, dt.date(2022, 7, 13))
        if e.event_type is EventType.NEGOTIATION
    ]
    assert [e.date_start for e in talks] == [dt.date(2022, 7, 13)]


def test_a_placeless_background_sentence_does_not_give_its_month_to_the_strike(gazetteer):
    text = (
        "In the evening, enemy guns fired four shells at the village of Tetkino, the governor "
        "said. Ever since the war began in February 2022, Kyiv has hit Russian "
        "territory with drones almost daily."
    )
    attacks = [
        e
        for e in _events(text, gazetteer, dt.date(2024, 3, 10))
        if e.event_type is EventType.ATTACK
    ]
    assert [(e.place.name, e.date_end, e.date_text) for e in attacks] == [
        ("Tëtkino", dt.date(2024, 3, 10), "")
    ]


def test_a_placeless_sentence_still_gives_its_day_to_the_strike_told_before(gazetteer):
    text = (
        "A strike on a market in Kramatorsk killed four people. Shortly after noon on Monday, "
        "two missiles hit the square, the police said."
    )
    attacks = [
        e
        for e in _events(text, gazetteer, dt.date(2024, 3, 13))
        if e.event_type is EventType.ATTACK
    ]
    assert [e.date_start for e in attacks] == [dt.date(2024, 3, 11)]


def test_a_fronted_a_day_before_is_the_eve_of_the_day_told_last(gazetteer):
    text = (
        "On Saturday, a drone hit a shop in Shebekino, the governor said. "
        "A day before, a drone wounded two people in the village of Tetkino."
    )
    days = {
        e.place.name: e.date_start
        for e in _events(text, gazetteer, dt.date(2024, 3, 10))
        if e.event_type is EventType.ATTACK
    }
    assert days == {"Shebekino": dt.date(2024, 3, 9), "Tëtkino": dt.date(2024, 3, 8)}


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
    assert days["Sumy"] == (dt.date(2024, 5, 3), dt.date(2024, 5, 4))  # undated: day and eve


def _dated(text, gazetteer, published, etype):
    return [
        (e.place.name, e.date_start, e.date_end)
        for e in _events(text, gazetteer, published)
        if e.event_type is etype
    ]


def test_a_since_clause_of_a_comparison_does_not_date_the_strike(gazetteer):
    text = (
        "The port city of Odesa came under Russian rocket fire, perhaps the heaviest since "
        "the war broke out in February, and two people died, officials said."
    )
    got = _dated(text, gazetteer, dt.date(2022, 8, 2), EventType.ATTACK)
    assert got == [("Odesa", dt.date(2022, 8, 1), dt.date(2022, 8, 2))]


def test_a_relative_clause_year_after_the_place_is_not_the_capture_year(gazetteer):
    text = (
        "The ministry said its units \u201ccaptured the village of Ocheretyne\u201d, some 20 "
        "kilometres south of the town in a region that Moscow says it annexed in 2022."
    )
    got = _dated(text, gazetteer, dt.date(2024, 5, 20), EventType.ADVANCE)
    assert got and all(s.year == 2024 for _, s, _ in got)


def test_a_participle_aside_with_its_own_year_does_not_date_the_shelling(gazetteer):
    text = (
        "\u201cThe occupiers shelled Kharkiv again,\u201d the mayor said of the city, "
        "held by Ukrainian troops since last year but now struck every night."
    )
    got = _dated(text, gazetteer, dt.date(2023, 10, 9), EventType.ATTACK)
    assert got and all(s.year == 2023 for _, s, _ in got)


def test_a_placeless_lead_gives_its_day_to_the_strikes_told_after_it(gazetteer):
    text = (
        "Russian missiles killed at least four people in two attacks across the south of "
        "Ukraine on Friday, local officials said.\n\n"
        "In the Mykolaiv region, governor Vitalii Kim said a rocket hit a farm near the "
        "village of Shevchenkove, killing two workers.\n\n"
        "Drones struck the town of Nikopol, injuring a woman, regional authorities said."
    )
    got = _dated(text, gazetteer, dt.date(2024, 6, 9), EventType.ATTACK)
    assert got and {s for _, s, e in got} == {dt.date(2024, 6, 7)}


def test_a_lead_that_places_its_strike_gives_no_day_to_the_next_ones(gazetteer):
    text = (
        "A missile hit Odesa on Friday, killing two people, officials said.\n\n"
        "Drones struck the town of Nikopol, injuring a woman, regional authorities said."
    )
    got = {n: (s, e) for n, s, e in _dated(text, gazetteer, dt.date(2024, 6, 9), EventType.ATTACK)}
    friday, saturday, sunday = (dt.date(2024, 6, d) for d in (7, 8, 9))
    assert got == {"Odesa": (friday, friday), "Nikopol": (saturday, sunday)}


def test_a_sentence_without_a_date_is_dated_from_the_eve_of_publication_to_its_day(gazetteer):
    (ev,) = _events("A drone hit an apartment block in Sumy.", gazetteer, dt.date(2024, 5, 4))
    assert (ev.date_start, ev.date_end, ev.date_text) == (
        dt.date(2024, 5, 3),
        dt.date(2024, 5, 4),
        "",
    )
    assert ev.date_precision.value == "range"


def test_a_told_day_stays_a_single_day(gazetteer):
    (ev,) = _events("A drone hit Sumy on Friday.", gazetteer, dt.date(2024, 5, 4))
    assert (ev.date_start, ev.date_end) == (dt.date(2024, 5, 3),) * 2


def test_an_undated_city_strike_is_not_joined_to_the_oblasts_strikes_of_the_eve(gazetteer):
    # the range is the uncertainty of one report's day, applied after the merge: the city's
    # strike and the region's strikes of Friday stay two events
    text = (
        "Shelling hit Kherson, killing one man. On Friday, Russian guns shelled a dozen "
        "villages of the Kherson region, wounding four."
    )
    got = {
        e.place.name: (e.date_start, e.date_end)
        for e in _events(text, gazetteer, dt.date(2024, 5, 4))
    }
    friday, saturday = dt.date(2024, 5, 3), dt.date(2024, 5, 4)
    assert got == {"Kherson": (friday, saturday), "Kherson Oblast": (friday, friday)}


def test_a_village_named_after_an_unnamed_capture_takes_the_day_the_capture_was_told(gazetteer):
    # published on a Friday: the village was reported taken on Thursday, by the ministry
    text = (
        "Russia said on Thursday that its troops had taken one more village in the Donetsk "
        "region. A defence ministry statement said the army had seized Ocheretyne."
    )
    events = _events(text, gazetteer, dt.date(2024, 5, 10))
    assert {(e.place.name, e.date_start) for e in events} == {("Ocheretyne", dt.date(2024, 5, 9))}


def test_a_town_russia_claimed_it_had_taken_in_early_february_is_dated_then(gazetteer):
    text = (
        "The army seized Andriivka near Kurakhove, which Russia claimed it had taken in "
        "early February."
    )
    events = _events(text, gazetteer, dt.date(2025, 3, 6))
    kurakhove = [e for e in events if e.place.name == "Kurakhove"]
    assert [(e.event_type, e.date_start, e.date_end) for e in kurakhove] == [
        (EventType.ADVANCE, dt.date(2025, 2, 1), dt.date(2025, 2, 10))
    ]


def test_two_joined_months_of_a_sentence_date_the_strike_across_both(gazetteer):
    # a bulletin sums up a period: "in May and June" is the stretch, not May alone
    text = "Kherson suffered from intense shelling in May and June."
    events = [
        e
        for e in _events(text, gazetteer, dt.date(2024, 7, 10))
        if e.event_type is EventType.ATTACK
    ]
    assert [(e.date_start, e.date_end) for e in events] == [
        (dt.date(2024, 5, 1), dt.date(2024, 6, 30))
    ]


def test_a_running_situation_is_dated_over_the_weeks_up_to_the_report(gazetteer):
    # habitual present in a bulletin: ongoing strikes, neither a plan nor the report's day
    text = "Towns like Nikopol and Marhanets suffer from near-daily shelling and drone strikes."
    published = dt.date(2024, 9, 30)
    spans = {
        (e.date_start, e.date_end)
        for e in _events(text, gazetteer, published)
        if e.event_type is EventType.ATTACK
    }
    assert spans == {(published - dt.timedelta(days=30), published)}


def test_that_day_after_a_dated_strike_is_the_day_told_before(gazetteer):
    text = (
        "On 4 March, explosions were heard across Odesa after a missile strike. "
        "In Mykolaiv, two people were injured by shelling that day."
    )
    days = {
        e.place.name: e.date_start
        for e in _events(text, gazetteer, dt.date(2024, 3, 9))
        if e.event_type is EventType.ATTACK
    }
    assert days.get("Mykolaiv") == dt.date(2024, 3, 4)


def test_a_bulletins_closed_period_dates_the_strikes_after_it_and_a_since_lead_does_not(gazetteer):
    # a periodic snapshot: its lead names the two months just over; the towns named later
    # were struck in that period, not on the day it came out. "Since April" runs on to the
    # report: no period closed, the report's day stays.
    published = dt.date(2024, 6, 3)
    lead = "hostilities and strikes across the country killed and injured civilians."
    later = " Deadly strikes also damaged homes in Kherson City and Nikopol Town."

    def spans(text):
        return {
            (e.place.name, e.date_start, e.date_end)
            for e in _events(text, gazetteer, published)
            if e.event_type is EventType.ATTACK
        }

    period = (dt.date(2024, 4, 1), dt.date(2024, 5, 31))
    assert spans("Between April and May, " + lead + later) == {
        ("Kherson", *period),
        ("Nikopol", *period),
    }
    undated = (published - dt.timedelta(days=1), published)  # the report's day or its eve
    assert spans("Since April, " + lead + later) == {("Kherson", *undated), ("Nikopol", *undated)}


def test_a_which_began_clause_dates_the_incursion_it_follows(gazetteer):
    text = (
        "Tension in the border districts grew with Ukraine's raid-like incursion into Kursk "
        "Oblast, which began on Aug. 6."
    )
    found = [
        e
        for e in _events(text, gazetteer, dt.date(2024, 9, 30))
        if e.event_type is EventType.OFFENSIVE
    ]
    assert {(e.place.name, e.date_start, e.date_end) for e in found} == {
        ("Kursk Oblast", dt.date(2024, 8, 6), dt.date(2024, 8, 6))
    }


def test_half_a_month_after_is_about_fifteen_days_before(gazetteer):
    text = (
        "Power came back to the city half a month after the recapture of Kherson, the "
        "regional head said."
    )
    (event,) = _events(text, gazetteer, dt.date(2022, 11, 27))
    assert event.event_type is EventType.ADVANCE
    assert event.date_start <= dt.date(2022, 11, 12) <= event.date_end
    assert event.date_end < dt.date(2022, 11, 20)


def test_two_round_offsets_to_one_capture_tell_it_once(gazetteer):
    text = (
        "The withdrawal comes two weeks after Russian troops left Kherson. "
        "Water returned half a month after Ukrainian troops liberated Kherson, officials said."
    )
    events = _events(text, gazetteer, dt.date(2022, 11, 27))
    assert [(e.event_type, e.place.name) for e in events] == [(EventType.ADVANCE, "Kherson")]


def test_a_day_after_is_that_day(gazetteer):
    text = "The strike came a day after Russian troops shelled Nikopol, the mayor said."
    events = _events(text, gazetteer, dt.date(2024, 8, 10))
    nikopol = [e for e in events if e.place.name == "Nikopol"]
    assert [(e.date_start, e.date_end) for e in nikopol] == [
        (dt.date(2024, 8, 9), dt.date(2024, 8, 9))
    ]


def test_a_capture_in_a_counteroffensive_takes_the_campaigns_season(gazetteer):
    text = (
        "Ukrainian forces recaptured territory in the Kharkiv region in a rapid "
        "counteroffensive in autumn 2022."
    )
    events = _events(text, gazetteer, dt.date(2024, 8, 1))
    advance = [e for e in events if e.event_type is EventType.ADVANCE]
    assert [(e.date_start, e.date_end) for e in advance] == [
        (dt.date(2022, 9, 1), dt.date(2022, 11, 30))
    ]


def test_the_start_of_a_campaign_in_a_clause_of_its_own_does_not_date_a_capture(gazetteer):
    text = "Russian units took Ocheretyne in an offensive that began in February."
    (event,) = _events(text, gazetteer, dt.date(2024, 8, 1))
    assert event.date_start.month != 2


def test_the_battle_after_a_month_old_campaign_does_not_take_its_month(gazetteer):
    text = (
        "Before moving to the Siversk area, the brigade won fame in the counteroffensive of "
        "September 2022, which freed most of the Kharkiv region. As Russian troops and "
        "mercenaries pressed on with heavy losses in their attempt to surround Siversk, an "
        "allied minister said he was worried about the battle's outcome."
    )
    events = _events(text, gazetteer, dt.date(2023, 3, 10))
    siversk = [e for e in events if e.place.name == "Siversk"]
    assert siversk
    assert all(e.date_start.year == 2023 for e in siversk)


def test_same_reporter_compiles_each_reporter_word_once() -> None:
    from geo.events.dating import _reporter_pattern, _same_reporter

    assert _reporter_pattern("governor") is _reporter_pattern("governor")
    assert _same_reporter("governor", "Two were hurt in Lebedyn, the governor also said.")
    assert _same_reporter("russia", "Its defence ministry said troops took the hamlet.")
    assert not _same_reporter("mayor", "Two were hurt in Lebedyn, the governor said.")
    assert not _same_reporter("", "the governor said")


def test_a_year_in_an_aside_before_the_trigger_is_the_asides_own(gazetteer):
    # ", seized by Moscow in 2014," between a place and the report of a strike: the year
    # dates the annexation, not the downed drones (issue 10, w2miss)
    text = (
        "The Kremlin-backed head of Sevastopol, seized by Moscow in 2014, told "
        "reporters that air defences shot down four drones over the city."
    )
    published = dt.date(2024, 3, 12)
    attacks = [e for e in _events(text, gazetteer, published) if e.event_type is EventType.ATTACK]
    assert attacks
    assert all(e.date_start.year == 2024 for e in attacks)


# --- nights and the day of telling (issue 10, helper prec12) ---


def _attack_days(text, gazetteer, published=dt.date(2024, 3, 13)):  # a Wednesday
    return [
        (e.place.name, e.date_start, e.date_end)
        for e in _events(text, gazetteer, published)
        if e.event_type is EventType.ATTACK
    ]


def test_overnight_on_a_named_day_is_that_night_not_the_publications(gazetteer):
    text = "Shahed drones struck Poltava overnight on Monday, injuring three, the governor said."
    assert _attack_days(text, gazetteer) == [
        ("Poltava", dt.date(2024, 3, 10), dt.date(2024, 3, 11))
    ]


def test_overnight_from_one_day_to_the_next_is_those_two_days(gazetteer):
    text = "Drones attacked Poltava overnight from Monday to Tuesday, damaging a school."
    assert _attack_days(text, gazetteer) == [
        ("Poltava", dt.date(2024, 3, 11), dt.date(2024, 3, 12))
    ]


def test_a_night_told_by_its_evening_and_by_its_small_hours_is_one_strike(gazetteer):
    text = (
        "Missiles struck Poltava on Monday night, wounding four people. Rescuers cleared "
        "rubble until noon. In the early hours of Tuesday, another blast was heard as a "
        "missile hit a depot in Poltava, the regional head wrote."
    )
    assert _attack_days(text, gazetteer) == [
        ("Poltava", dt.date(2024, 3, 11), dt.date(2024, 3, 12))
    ]


def test_the_small_hours_of_a_day_and_the_night_to_it(gazetteer):
    assert _attack_days("A drone hit a depot in Poltava before dawn on Tuesday.", gazetteer) == [
        ("Poltava", dt.date(2024, 3, 12), dt.date(2024, 3, 12))
    ]
    assert _attack_days("A drone hit a depot in Poltava in the night to Tuesday.", gazetteer) == [
        ("Poltava", dt.date(2024, 3, 11), dt.date(2024, 3, 12))
    ]


def test_a_days_own_strike_and_a_plain_day_keep_their_day(gazetteer):
    assert _attack_days("Tuesday's strike on Poltava killed two, officials said.", gazetteer) == [
        ("Poltava", dt.date(2024, 3, 12), dt.date(2024, 3, 12))
    ]
    assert _attack_days("A drone hit Poltava on Monday, officials said.", gazetteer) == [
        ("Poltava", dt.date(2024, 3, 11), dt.date(2024, 3, 11))
    ]


def test_the_reporters_day_given_to_its_own_strike_covers_the_eve(gazetteer):
    # "said Thursday" after a clause of its own: the strike told that day, or the night
    # before, which a ministry's "shortly before midnight on Wednesday" told after it is.
    text = (
        "Fragments of a drone downed above the southern region of Kursk, which lies on the "
        "border, crashed onto a house and killed two people, the governor said Thursday.\n"
        "Early on Thursday, the ministry said a drone raid on the Kursk region had been "
        "stopped shortly before midnight on Wednesday."
    )
    days = _attack_days(text, gazetteer, published=dt.date(2024, 3, 14))
    # "the southern region of Kursk" is the oblast named by its centre (not the city)
    assert days == [("Kursk Oblast", dt.date(2024, 3, 13), dt.date(2024, 3, 14))]


def test_a_strike_told_as_what_befell_a_building_comes_before_the_rescue_day(gazetteer):
    # The day is the rescuers'; the block was struck the day before it.
    text = (
        "Firefighters worked on Wednesday to free people from the ruins of a school hit the "
        "day before by two Russian drones in the central city of Poltava."
    )
    assert _attack_days(text, gazetteer) == [
        ("Poltava", dt.date(2024, 3, 12), dt.date(2024, 3, 12))
    ]


def test_a_building_struck_with_no_day_of_its_own_is_the_rescue_day_or_its_eve(gazetteer):
    # One happening: the oblast's aftermath on Wednesday is the town's strike of Tuesday night.
    text = (
        "Two survivors were freed on Wednesday from the ruins of homes reportedly struck by "
        "Russian drones in the Poltava region.\n"
        "Four people died when the drones crashed into houses on Tuesday evening in the town "
        "of Myrhorod, the governor said."
    )
    assert [name for name, *_ in _attack_days(text, gazetteer)] == ["Myrhorod"]


def test_a_strike_told_by_its_own_verb_keeps_the_day(gazetteer):
    text = "On Wednesday a school in Poltava was struck by a Russian drone."
    assert _attack_days(text, gazetteer) == [
        ("Poltava", dt.date(2024, 3, 13), dt.date(2024, 3, 13))
    ]


def test_a_strike_named_after_after_takes_its_own_day_not_the_searchs(gazetteer):
    text = (
        "Crews ended the search for survivors on Wednesday after a Russian missile attack on "
        "the town of Myrhorod late on Monday, officials said."
    )
    assert _attack_days(text, gazetteer) == [
        ("Myrhorod", dt.date(2024, 3, 11), dt.date(2024, 3, 11))
    ]


def test_a_strike_named_after_after_with_no_day_of_its_own_reaches_the_eve(gazetteer):
    text = "Schools in Myrhorod stayed shut on Wednesday following a drone attack on the town."
    assert _attack_days(text, gazetteer) == [
        ("Myrhorod", dt.date(2024, 3, 12), dt.date(2024, 3, 13))
    ]


def test_a_glued_full_stop_is_found_where_the_pattern_finds_it() -> None:
    from geo.events.dating import _GLUED, _glued

    text = "Shells hit the port on Tuesday.Russia said. Drones flew (at dawn)!Then calm? No"
    for lo in range(-2, len(text) + 2, 3):
        for hi in range(lo, len(text) + 3, 4):
            assert _glued(text, lo, hi) == (_GLUED.search(text, lo, hi) is not None)
    assert _glued(text, 0, len(text)) and not _glued("no stop here at all", 0, 19)


def test_a_victims_year_of_birth_does_not_date_the_strike(gazetteer):
    # regional reports give a victim's age as a year of birth: the strike is the news's
    text = (
        "A drone attack on the outskirts of Kherson killed a man born in 1949 and wounded "
        "two women, the governor said on Monday."
    )
    strikes = [
        e
        for e in _events(text, gazetteer, dt.date(2024, 9, 16))
        if e.event_type is EventType.ATTACK
    ]
    assert [(e.place.name, e.date_start, e.date_end) for e in strikes] == [
        ("Kherson", dt.date(2024, 9, 16), dt.date(2024, 9, 16))
    ]


def test_a_victims_year_of_birth_is_no_date_of_the_strike(gazetteer):
    text = (
        "On Wednesday a drone attack on Kherson killed two men born in 1961 and 1975, "
        "the city administration said."
    )
    assert _attack_days(text, gazetteer) == [
        ("Kherson", dt.date(2024, 3, 13), dt.date(2024, 3, 13))
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a participle opens the aside about the place, and its year is what the place
        # underwent, not when the shell fell (issue 10, strike16)
        "In the nearby village of Ivanivka, situated about eight kilometres north of "
        "Kupiansk and also recaptured in 2022, an elderly man was injured on the road.",
        "Kupiansk, occupied in February 2022 and freed in September, was shelled again.",
        "Vovchansk, lying on the border and briefly taken in May 2024, was hit by glide bombs.",
    ],
)
def test_a_participle_aside_before_the_strike_keeps_its_own_year(gazetteer, text):
    published = dt.date(2025, 3, 12)
    attacks = [e for e in _events(text, gazetteer, published) if e.event_type is EventType.ATTACK]
    assert attacks
    assert all(e.date_start.year == 2025 for e in attacks)


# --- a participle's aside on a place, with a year of its own (issue 10, helper spur16) ---


def test_a_long_participle_aside_on_a_village_keeps_its_year_from_the_wounding(gazetteer):
    # the aside opens far before its year ("located ... and also liberated in 2022"): the
    # year is the village's history, the wounding is the report's day
    text = (
        "In the nearby village of Kivsharivka, situated some ten kilometres south of "
        "Izium and also liberated in 2022, shelling wounded a 60-year-old man, "
        "the governor said."
    )
    published = dt.date(2024, 3, 5)
    attacks = [e for e in _events(text, gazetteer, published) if e.event_type is EventType.ATTACK]
    assert attacks
    assert all(e.date_start.year == 2024 for e in attacks)


def test_a_short_participle_aside_without_by_keeps_its_year(gazetteer):
    text = "In Balakliia, recaptured in September 2022, drones injured three residents."
    published = dt.date(2024, 3, 5)
    attacks = [e for e in _events(text, gazetteer, published) if e.event_type is EventType.ATTACK]
    assert attacks
    assert all(e.date_start.year == 2024 for e in attacks)


def test_an_aside_since_a_year_keeps_its_range_from_the_strike(gazetteer):
    text = "In Horlivka, occupied since 2014, artillery hit a school, the mayor said."
    published = dt.date(2024, 3, 5)
    attacks = [e for e in _events(text, gazetteer, published) if e.event_type is EventType.ATTACK]
    assert attacks
    assert all(e.date_start.year == 2024 for e in attacks)


def test_a_year_that_opens_the_sentence_still_dates_its_strike(gazetteer):
    text = "In March 2023, Russian forces shelled Kivsharivka, injuring three people."
    attacks = [
        e for e in _events(text, gazetteer, dt.date(2024, 3, 5)) if e.event_type is EventType.ATTACK
    ]
    assert attacks
    assert all((e.date_start.year, e.date_start.month) == (2023, 3) for e in attacks)


# --- a report whose title names the days it covers (issue 10, helper spur16) ---


def _by_place(text, gazetteer, published):
    return {e.place.name: (e.date_start, e.date_end) for e in _events(text, gazetteer, published)}


def test_a_title_naming_its_week_dates_what_the_body_tells_without_a_day(gazetteer):
    text = (
        "Ukraine Conflict Overview: 3-9 June 2024\n\n"
        "Ukrainian forces repelled assaults in the Zaporizhzhia region. "
        "On 8 June, drones struck an oil depot in Kherson."
    )
    got = _by_place(text, gazetteer, dt.date(2024, 6, 12))
    assert got["Zaporizhzhia Oblast"] == (dt.date(2024, 6, 3), dt.date(2024, 6, 9))
    assert got["Kherson"] == (dt.date(2024, 6, 8), dt.date(2024, 6, 8))


def test_a_month_long_situation_report_title_dates_its_body(gazetteer):
    text = (
        "Humanitarian Situation Report (1 - 31 March 2024)\n\n"
        "Shelling damaged homes in Kupiansk, local authorities reported."
    )
    got = _by_place(text, gazetteer, dt.date(2024, 4, 4))
    assert got["Kupiansk"] == (dt.date(2024, 3, 1), dt.date(2024, 3, 31))


@pytest.mark.parametrize(
    "title",
    [
        # a title with a single day, or a sentence with a range: the eve of publication
        "Situation Update, 9 June 2024",
        "Between 3-9 June the army said it repelled assaults across the south.",
    ],
)
def test_no_period_in_the_title_leaves_the_eve_of_publication(gazetteer, title):
    text = f"{title}\n\nShelling damaged homes in Kupiansk, local authorities reported."
    got = _by_place(text, gazetteer, dt.date(2024, 6, 12))
    assert got["Kupiansk"] == (dt.date(2024, 6, 11), dt.date(2024, 6, 12))


def test_last_night_runs_into_the_morning_of_publication(gazetteer):
    # a strike "last night" may have come before or after midnight: the two days, as for
    # "overnight", so that the small hours' strike on the publication day is found there
    text = "Last night, a barrage of rockets hit Poltava, the mayor wrote on Telegram."
    assert _attack_days(text, gazetteer) == [
        ("Poltava", dt.date(2024, 3, 12), dt.date(2024, 3, 13))
    ]


# --- round 19, spur19: the start of the war told in the war's own clause ---


@pytest.mark.parametrize(
    "tail",
    [
        "in the war that began in 2022",
        "in the conflict, which started in February 2022",
        "as part of the invasion that broke out in February 2022",
    ],
)
def test_the_wars_start_does_not_date_the_fighting_it_frames(gazetteer, tail):
    text = f"On Monday heavy fighting went on near Kurakhove {tail}."
    fights = [
        e
        for e in _events(text, gazetteer, dt.date(2024, 11, 13))
        if e.event_type is EventType.OFFENSIVE and e.place.name == "Kurakhove"
    ]
    assert [e.date_start for e in fights] == [dt.date(2024, 11, 11)]


def test_a_quotes_this_afternoon_is_the_day_of_the_report_told_before_it(gazetteer):
    # Round 21 (accE): a report filed on Sunday quotes what analysts posted on Saturday
    text = (
        "On Saturday evening, analysts of a mapping group reported that some 80 Russians "
        'had gathered near the village of Hlyboke in the Kharkiv region. "Dozens of soldiers '
        'lined up this afternoon before storming the village," they wrote.'
    )
    got = [
        (e.place.name, e.date_start, e.date_end)
        for e in _events(text, gazetteer, dt.date(2024, 5, 12))
        if e.event_type is EventType.OFFENSIVE
    ]
    assert got == [("Hlyboke", dt.date(2024, 5, 11), dt.date(2024, 5, 11))]
    # without a dated report before it, the quote's "today" stays the publication day
    undated = text.replace("On Saturday evening, analysts", "Analysts")
    got = [
        e.date_end
        for e in _events(undated, gazetteer, dt.date(2024, 5, 12))
        if e.event_type is EventType.OFFENSIVE
    ]
    assert got == [dt.date(2024, 5, 12)]
