"""Casualty counts of one sentence (additions, ages, injury wording) and the strike they go to."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.casualties import parse_casualties
from geo.events.extract import extract_events
from geo.records import EventType
from geo.text.articles import article_from_text
from geo.toponyms.geoparse import geoparse


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Two more residents died in hospital overnight.", 2, None),
        ("Another three people were wounded, the mayor added.", None, 3),
        ("A further four civilians were injured.", None, 4),
    ],
)
def test_a_count_told_as_an_addition_is_marked_as_one(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)
    assert (cas.more_killed, cas.more_injured) == (killed is not None, injured is not None)


def test_more_than_is_a_hedge_not_an_addition():
    cas = parse_casualties("More than 20 people were killed in the strike.")
    assert cas.killed == 20 and not cas.more_killed


def test_another_after_the_dead_of_the_same_sentence_is_no_addition():
    cas = parse_casualties("Officials counted three dead and another six injured.")
    assert (cas.killed, cas.injured) == (3, 6) and not cas.more_injured


def test_people_who_sought_medical_help_are_injured():
    cas = parse_casualties("Later, five more people sought medical help after the blast.")
    assert cas.injured == 5 and cas.more_injured


def test_the_end_of_the_last_count_is_kept_for_the_place_after_it():
    sentence = "Two people were killed in Nikopol."
    cas = parse_casualties(sentence)
    assert sentence[: cas.end].endswith("killed")


def test_an_injured_man_counts_one_hurt():
    cas = parse_casualties("Surgeons saved an injured woman overnight.")
    assert cas.injured == 1


def test_people_helped_on_the_spot_after_an_aside_between_dashes_are_injured():
    sentence = (
        "Four other people - a 40-year-old woman and men aged 51, 63 and 70 - received "
        "assistance on the spot."
    )
    cas = parse_casualties(sentence)
    assert cas.injured == 4 and cas.more_injured


def test_humanitarian_assistance_is_no_injury():
    assert not parse_casualties("More than 500 residents received humanitarian assistance.")


@pytest.mark.parametrize(
    "sentence",
    [
        "TWO PEOPLE WERE KILLED IN THE ATTACK.",  # ASCII, read through its lower case
        "Two people were Killed in the city’s centre.",  # not ASCII: the full pattern
        "Дві людини загинули, two people were killed.",
    ],
)
def test_casualty_words_are_found_whatever_the_case_and_script(sentence):
    assert parse_casualties(sentence).killed == 2


def test_a_toll_told_as_lives_claimed_counts_the_dead():
    cas = parse_casualties("The Saturday strike on the block has claimed at least 12 lives.")
    assert cas.killed == 12


def test_a_search_for_victims_is_no_count_of_none():
    cas = parse_casualties("Rescuers are checking flats to make sure no victims remain inside.")
    assert not cas


def test_no_casualties_reported_is_still_none_of_either():
    cas = parse_casualties("No casualties were reported.")
    assert (cas.killed, cas.injured) == (0, 0)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Two staff were also injured.", None, 2),
        ("The strike killed three staff of an aid group.", 3, None),
        ("Four members of one family were killed.", 4, None),
    ],
)
def test_staff_and_members_of_a_family_are_counted(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("The death toll from the missile strike on the block rose to 40.", 40, None),
        ("The number of injured has increased to 30, the mayor said.", None, 30),
        ("The number of people killed in the attack has risen to 12.", 12, None),
    ],
)
def test_a_rising_toll_is_a_count_that_updates(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured, cas.update) == (killed, injured, True)


def test_the_toll_of_the_whole_war_is_no_events_count():
    assert not parse_casualties("The civilian death toll in the war has climbed to 10,000.")


@pytest.mark.parametrize(
    ("sentence", "injured"),
    [
        ("Two people lost their lives and 8 sustained injuries.", 8),
        ("Three residents suffered injuries in the attack.", 3),
        ("A 65-year-old man sustained shrapnel wounds.", 1),
        ("Five people received burns.", 5),
        ("Eleven people sustained mine and blast injuries.", 11),
    ],
)
def test_injuries_sustained_or_suffered_are_injured(sentence, injured):
    assert parse_casualties(sentence).injured == injured


@pytest.mark.parametrize(
    "sentence",
    [
        "Thus far, no civilian casualties were recorded.",
        "Drones struck two districts overnight; so far no civilian casualties are confirmed.",
        "There were no human casualties, the regional head said.",
    ],
)
def test_no_civilian_casualties_is_a_zero_toll(sentence):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (0, 0)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Monitors verified that at least 9 civilians (4 women and 5 men) were killed.", 9, None),
        ("Two residents (aged 40 and 52) were killed and 6 wounded.", 2, 6),
    ],
)
def test_a_breakdown_in_brackets_keeps_the_count_with_its_verb(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "moved"),
    [
        ("Some hours on, the governor wrote that the woman had died.", 1),
        ("One of them later died in hospital, doctors said.", 1),
        ("Two of the wounded subsequently died.", 2),
        ("She later died in hospital.", 1),
    ],
)
def test_one_of_the_injured_who_died_is_moved_not_added(sentence, moved):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured, cas.died_of_injured) == (None, None, moved)


def test_injured_and_one_of_them_dying_in_one_sentence_is_counted_there():
    cas = parse_casualties("Four people were wounded; one of them later died in hospital.")
    assert (cas.killed, cas.injured, cas.died_of_injured) == (1, 3, 0)


def test_a_death_at_the_scene_or_a_new_victim_is_no_injured_who_died():
    assert parse_casualties("The driver died at the scene.").died_of_injured == 0
    cas = parse_casualties("Later the official said that a man died after the strike.")
    assert (cas.killed, cas.died_of_injured) == (1, 0)


@pytest.mark.parametrize(
    "sentence",
    [
        "The UN says at least 1,500 civilians have been killed since 24 February.",
        "Between 24 February and 3 May there have been 5,100 civilian casualties, 2,300 killed.",
        "As of 9 March, monitors recorded 1,400 civilian casualties, including 500 killed.",
        "Some 800 people have died since the outbreak of the war, the agency said.",
    ],
)
def test_a_running_total_of_the_war_is_no_one_events_toll(sentence):
    assert not parse_casualties(sentence)


def test_a_toll_rising_past_a_months_abbreviation_is_read():
    cas = parse_casualties("The death toll from the Sept. 24 strike rises to 6.")
    assert cas.killed == 6 and cas.update


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Medics treated a wounded 58-year-old villager after the blast.", None, 1),
        ("The drone wounded 61-year-old farmer Petro near his barn.", None, 1),
        ("A 73-year-old pensioner was hurt when the shell landed.", None, 1),
        ("Shelling killed a 66-year-old man overnight.", 1, None),
        ("Three women aged 35, 41 and 57 were injured by debris.", None, 3),
        ("A man aged 48 was wounded at the bus stop.", None, 1),
        ("A woman (81) was hurt in her kitchen.", None, 1),
        ("A 5-month-old baby was hurt by flying glass.", None, 1),
        ("Shelling wounded an 8-month-old girl.", None, 1),
        ("The 4-year-old was also injured.", None, 1),
        ("Two brothers aged 19 and 23 were killed and a neighbour aged 44 was wounded.", 2, 1),
    ],
)
def test_an_age_is_never_read_as_a_count(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_the_words_quoted_back_keep_the_ages():
    cas = parse_casualties("Two boys aged 9 and 12 were hurt.")
    assert cas.text == "Two boys aged 9 and 12 were hurt"


@pytest.mark.parametrize(
    "sentence",
    [
        "A 39-year-old driver was rushed to hospital with shrapnel cuts.",
        "The woman was hospitalized with wounds to her legs.",
        "A teenager received a leg injury in the yard.",
        "One rescuer sustained injuries while clearing rubble.",
        "A local man suffered a concussion from the blast wave.",
        "An elderly resident was taken to hospital.",
        "He was brought to the hospital in a serious condition.",
        "She sustained a fracture when the windows blew in.",
        "The strike injured the driver of a minibus.",
        "The blast left a 62-year-old man receiving a shrapnel cut on his leg.",
        "A 50-year-old was taken to hospital.",
        "A courier was treated for shrapnel wounds to the arm.",
        "The cashier was treated on the spot.",
        "A neighbour was left injured by the falling debris.",
        "A pensioner suffered cuts and bruises from the glass.",
    ],
)
def test_injury_told_as_hospital_or_a_wound_counts_one_hurt(sentence):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (None, 1)


def test_a_named_victim_after_a_count_keeps_the_count():
    cas = parse_casualties("Four people were wounded, the woman was taken to hospital.")
    assert cas.injured == 4


def test_a_possessive_is_no_victim():
    assert not parse_casualties("The man's garage was taken over by the hospital.")


def test_losses_suffered_by_an_army_are_no_injury():
    assert not parse_casualties("The brigade has also sustained heavy losses.")


# --- the toll given to a strike (geo.events.tolls, through extract_events) -----------------

PUBLISHED = dt.date(2024, 10, 16)


def _attacks(text, gazetteer):
    article = article_from_text(text, published=PUBLISHED)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [(e.place.name, e.killed, e.injured) for e in events if e.event_type is EventType.ATTACK]


@pytest.mark.parametrize(
    "second",
    [
        "A 47-year-old man was rushed to hospital with cuts, the mayor said.",
        "“A pensioner was taken to hospital with shrapnel wounds,” the governor wrote.",
        "“The 47-year-old driver received a head injury,” the regional head said.",
    ],
)
def test_an_injury_told_in_the_next_sentence_is_the_strikes(gazetteer, second):
    text = f"Russian drones struck Kupiansk on Tuesday evening. {second}"
    assert _attacks(text, gazetteer) == [("Kupiansk", None, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Russian shelling hit Kupiansk on Tuesday. Two men were injured. "
        "A 38-year-old and a 71-year-old were taken to hospital.",
        "Russian shelling hit Kupiansk on Tuesday, injuring two men. "
        "A 38-year-old man was hospitalised. A 71-year-old man received shrapnel wounds.",
        "Two men were injured in a Russian strike on Kupiansk on Tuesday. "
        "A 38-year-old and a 71-year-old were taken to hospital in Kupiansk.",
    ],
)
def test_victims_named_by_age_after_their_count_restate_it(gazetteer, text):
    assert _attacks(text, gazetteer) == [("Kupiansk", None, 2)]


@pytest.mark.parametrize(
    "second",
    [
        "The shelling hit the village of Bilozerka, the governor said.",
        "The village of Bilozerka came under artillery fire.",
        "The night-time drone attack targeted Bilozerka.",
        "Russian artillery shelled the village of Bilozerka for an hour.",
    ],
)
def test_a_lead_toll_at_the_oblast_goes_to_the_village_told_next(gazetteer, second):
    text = f"A man was killed in a Russian attack on Kherson Oblast on Sunday. {second}"
    assert _attacks(text, gazetteer) == [("Bilozerka", 1, None)]


@pytest.mark.parametrize(
    "second",
    [
        "Russian troops also shelled the village of Bilozerka.",  # one more strike
        "Later, a shell hit a shop in Kupiansk.",  # a village of another oblast
        "Russian forces shelled Bilozerka and Kizomys.",  # two places: whose toll is unknown
    ],
)
def test_another_strike_told_next_keeps_the_lead_at_the_oblast(gazetteer, second):
    text = f"A man was killed in a Russian attack on Kherson Oblast on Sunday. {second}"
    assert ("Kherson Oblast", 1, None) in _attacks(text, gazetteer)


def test_no_one_hurt_is_no_count_of_one():
    cas = parse_casualties("No one was hurt, officials said.")
    assert (cas.killed, cas.injured) == (0, 0)
    cas = parse_casualties("No one was hurt in the first blast, but a guard was injured later.")
    assert cas.injured == 1 and cas.text == "a guard was injured"


@pytest.mark.parametrize(
    ("second", "town"),
    [
        ("In Marhanets, there were no casualties.", ("Marhanets", 0, 0)),
        ("No casualties were reported in Marhanets.", ("Marhanets", 0, 0)),
        ("In Marhanets, two residents were hurt.", ("Marhanets", None, 2)),
    ],
)
def test_each_towns_toll_after_a_district_strike_stays_with_its_town(gazetteer, second, town):
    text = (
        "Russian artillery shelled the Nikopol district on Sunday. "
        f"{second} In Chervonohryhorivka, a woman was injured."
    )
    article = article_from_text(text, published=PUBLISHED)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    tolls = {(e.place.name, e.killed, e.injured) for e in events}
    assert {town, ("Chervonohryhorivka", None, 1)} <= tolls
    assert ("Nikopol Raion", None, None) in tolls  # the district keeps no town's figures
    assert {e.date_start for e in events} == {dt.date(2024, 10, 13)}  # that Sunday's strike


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        (
            "Shelling of Kherson on Monday killed two people, while a drone attack on Nikopol "
            "injured five.",
            [("Kherson", 2, None), ("Nikopol", None, 5)],
        ),
        (
            "The strike on Odesa came after a Sunday attack on Kherson that killed four and a "
            "Monday attack on Mykolaiv that killed six people and injured 19.",
            [("Odesa", None, None), ("Kherson", 4, None), ("Mykolaiv", 6, 19)],
        ),
    ],
)
def test_two_strikes_of_one_sentence_keep_their_own_tolls(gazetteer, text, tolls):
    assert sorted(_attacks(text, gazetteer)) == sorted(tolls)


@pytest.mark.parametrize(
    ("sentence", "injured"),
    [
        ("Госпіталізовано 4 людей після удару.", 4),
        ("Трое жителей госпитализированы.", 3),
    ],
)
def test_hospitalised_in_ukrainian_and_russian_counts_the_injured(sentence, injured):
    assert parse_casualties(sentence).injured == injured


def test_a_headline_of_the_oblast_strike_goes_with_the_lead_to_the_village(gazetteer):
    text = (
        "Russian strike on Kherson Oblast kills one, injures three\n\n"
        "A woman was killed and three people were injured in a Russian attack on Kherson "
        "Oblast on Sunday, the governor said. The shelling hit the village of Bilozerka."
    )
    assert _attacks(text, gazetteer) == [("Bilozerka", 1, 3)]


def test_a_town_framed_as_the_village_of_keeps_its_own_toll(gazetteer):
    text = (
        "Russian artillery shelled the Nikopol district on Sunday. In the town of Marhanets, "
        "no one was injured. In the village of Chervonohryhorivka, a farmer was wounded."
    )
    assert sorted(_attacks(text, gazetteer)) == [
        ("Chervonohryhorivka", None, 1),
        ("Marhanets", 0, 0),
        ("Nikopol Raion", None, None),
    ]


def test_none_told_of_one_town_of_two_struck_is_that_towns_alone(gazetteer):
    text = "Russian drones struck Marhanets and Nikopol on Sunday. In Marhanets, nobody was hurt."
    assert sorted(_attacks(text, gazetteer)) == [("Marhanets", 0, 0), ("Nikopol", None, None)]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Three other firefighters and one passer-by were wounded in the blast.", None, 4),
        ("An elderly man and a woman were killed when the shell landed.", 2, None),
        ("Two soldiers, three medics and a driver were injured on the road.", None, 6),
    ],
    ids=["other-and-one", "a-man-and-a-woman", "three-conjuncts"],
)
def test_a_coordinated_subject_counts_every_conjunct(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)
    assert sentence.startswith(cas.text)  # the words cover the whole subject


def test_the_object_of_a_killing_verb_is_no_conjunct_of_the_next_count():
    cas = parse_casualties("The drone killed two people and three civilians were wounded.")
    assert (cas.killed, cas.injured) == (2, 3)


def test_a_total_killed_is_a_count_that_replaces_a_lower_one():
    cas = parse_casualties("The shelling killed a total of six people and injured 21.")
    assert (cas.killed, cas.injured) == (6, 21) and cas.update


def test_a_toll_told_in_the_present_tense_as_rising_is_an_update():
    cas = parse_casualties("Toll from the Tuesday strike on Sumy: death toll rises to 7")
    assert cas.killed == 7 and cas.update


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Overnight shelling killed an elderly man and a woman in the village.", 2, None),
        ("The blast wounded two firefighters and a medic on duty.", None, 3),
        ("The bomb killed three soldiers and a man was hurt nearby.", 3, 1),
    ],
    ids=["killed-and", "wounded-and", "new-subject"],
)
def test_coordinated_objects_of_a_killing_verb_are_all_counted(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of people killed by the missile has reached 14.",
        "The toll now stands at 14, the regional governor wrote.",
    ],
    ids=["reached", "stands-at"],
)
def test_a_toll_that_reached_a_count_is_an_update(sentence):
    cas = parse_casualties(sentence)
    assert cas.killed == 14 and cas.update


def test_a_casualty_toll_counts_the_dead_and_the_hurt_so_is_no_death_count():
    assert parse_casualties("The casualty toll rose to 30 by the evening.").killed is None


def test_counts_told_respectively_are_not_summed():
    cas = parse_casualties("Strikes killed two and four people in the two towns respectively.")
    assert cas.killed == 2


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Вследствие удара погиб мужчина, ранены двое.", 1, 2),
        ("Після обстрілу загинула жінка, ще троє людей поранені.", 1, 3),
        ("Загинув 62-річний чоловік.", 1, None),  # the age is no count
        ("Поранено 47-річного чоловіка.", None, 1),
        ("Ранена пожилая женщина, её госпитализировали.", None, 1),
        ("Мужчина погиб на месте, четверо ранены.", 1, 4),
        ("Повреждены три дома, пострадавших нет.", 0, 0),
        ("Обійшлося без постраждалих.", 0, 0),
    ],
)
def test_a_cyrillic_toll_of_one_named_victim_and_of_none(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_a_death_of_one_and_injuries_of_others_are_not_one_subject():
    cas = parse_casualties("The drone strike led to the death of one man and five injuries.")
    assert (cas.killed, cas.injured) == (1, 5)


def test_where_the_victim_stood_before_the_verb_keeps_the_count():
    cas = parse_casualties("A 40-year-old woman nearby got a leg injury and went to hospital.")
    assert cas.injured == 1


def test_other_marks_an_addition_that_can_be_a_restatement():
    cas = parse_casualties("Three other women were hurt by a drone, the mayor added.")
    assert cas.injured == 3 and cas.more_injured and cas.more_by_other
    cas = parse_casualties("Another three women were hurt by a drone.")
    assert cas.more_injured and not cas.more_by_other


def test_the_same_injured_told_again_as_other_men_are_not_added(gazetteer):
    text = (
        "Russian shelling hit Kupiansk on Tuesday: one man was killed and two others were hurt. "
        "The governor said that two other men had been wounded by a drone."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", 1, 2)]


def test_other_people_beyond_the_injured_told_before_are_added(gazetteer):
    text = (
        "Russian shelling hit Kupiansk on Tuesday. One woman was wounded. "
        "Two other people were hurt by debris, the governor said."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", None, 3)]


def test_a_lead_toll_at_the_oblast_following_an_attack_goes_to_the_village(gazetteer):
    text = (
        "A 50-year-old woman was killed in Ukraine’s Kharkiv region following a Russian "
        "drone attack, the governor reported on Monday. "
        "He said that glide bombs had struck homes in the village of Kupiansk. "
        "One wounded woman was taken to hospital."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", 1, 1)]


@pytest.mark.parametrize(
    ("sentence", "injured"),
    [
        ("The officer said the victim was driven home from the district hospital.", None),
        ("Their son is being transported to a central city hospital.", 1),
        ("Three women were brought to the Kupiansk district hospital.", 3),
    ],
)
def test_a_hospital_named_by_its_kind_or_town_still_counts_the_hurt(sentence, injured):
    assert parse_casualties(sentence).injured == injured


def test_an_oblast_toll_told_district_by_district_goes_to_each_district(gazetteer):
    text = (
        "Eleven people were hurt in a drone attack on the Kharkiv region, the governor wrote, "
        "adding that eight people were wounded in Kupiansk, and three more were injured in Izium."
    )
    assert sorted(_attacks(text, gazetteer)) == [("Izium", None, 3), ("Kupiansk", None, 8)]


def test_an_oblast_toll_with_one_town_named_stays_at_the_oblast(gazetteer):
    text = (
        "Eleven people were hurt in a drone attack on the Kharkiv region on Monday, the governor "
        "wrote, adding that most of them were in Kupiansk."
    )
    assert ("Kharkiv Oblast", None, 11) in _attacks(text, gazetteer)


def test_a_toll_told_meanwhile_in_an_unknown_district_is_not_the_strike_before(gazetteer):
    text = (
        "Russian troops shelled Kupiansk on Sunday. "
        "Meanwhile, a 60-year-old woman was killed by a shell in the Zarichnyi district."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", None, None)]


def test_a_toll_in_a_district_of_the_city_struck_is_still_its_toll(gazetteer):
    text = (
        "Russian troops shelled Kupiansk on Sunday. "
        "One shell hit a yard in the Zarichnyi district, killing a man."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", 1, None)]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Police said a 38-year-old medical worker from Kupiansk was wounded on Monday.", None, 1),
        ("Officials said a 61-year-old local farmer was killed by the blast.", 1, None),
        (
            "A 39-year-old municipal driver in the village of Lisne, Sumy region, was killed.",
            1,
            None,
        ),
    ],
)
def test_a_victim_with_age_adjective_and_home_village_is_counted(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


# --- casualty2 round: forms of the dead and hurt seen across outlets ------------------------


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Shelling of the market claimed the life of an elderly man, 81, officials said.", 1),
        ("The drone took the lives of two farmers near the road.", 2),
        ("A pensioner lost her life when the roof fell in.", 1),
        ("Both drivers lost their lives in the blast.", None),  # no count named
    ],
)
def test_a_life_claimed_or_lost_counts_the_dead(sentence, killed):
    assert parse_casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "injured"),
    [
        ("Three out of 14 victims of the bombing remain in intensive care.", 14),
        ("Two of the nine wounded are in a serious condition, doctors said.", 9),
        ("Six out of 20 victims were taken to hospital in the city.", 20),
    ],
)
def test_a_part_told_with_its_whole_counts_the_whole(sentence, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (None, injured)


def test_victims_without_a_word_of_their_hurt_are_not_read_as_injured():
    assert parse_casualties("Four of the 12 victims were named by the police.").injured is None


@pytest.mark.parametrize(
    ("sentence", "injured"),
    [
        ("Трое местных жителей получили ранения.", 3),
        ("Травмированы двое, сообщил губернатор.", 2),
        ("Двоє цивільних мешканців отримали поранення.", 2),
    ],
)
def test_russian_and_ukrainian_hurt_with_words_between_count_and_verb(sentence, injured):
    assert parse_casualties(sentence).injured == injured


def test_attacks_against_an_oblast_are_a_strike_there_with_their_toll(gazetteer):
    text = (
        "Russian drones struck Kupiansk on the evening of Oct. 15, wounding a shop guard. "
        "Russian attacks against Kharkiv Oblast on Oct. 14 killed two residents and injured "
        "nine more, the governor said."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", None, 1), ("Kharkiv Oblast", 2, 9)]


@pytest.mark.parametrize(
    "second",
    [
        "On Oct. 14, a man was killed by a falling shell.",
        "Shelling on Oct. 14 killed a man, the governor wrote.",
    ],
)
def test_a_toll_told_with_another_day_first_is_not_the_strike_before(gazetteer, second):
    text = f"Russian troops shelled Kupiansk on Oct. 15. {second}"
    assert _attacks(text, gazetteer) == [("Kupiansk", None, None)]


@pytest.mark.parametrize(
    "second",
    [
        "A man was killed, the governor said on Oct. 16.",  # the day of the report
        "On Oct. 15, a man was killed by a falling shell.",  # the strike's own day
        "Two more people died in hospital on Oct. 16.",  # an addition, told later
    ],
)
def test_a_toll_with_the_strikes_day_or_a_report_day_is_still_the_strikes(gazetteer, second):
    text = f"Russian troops shelled Kupiansk on Oct. 15. {second}"
    [(_, killed, _)] = _attacks(text, gazetteer)
    assert killed in (1, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Russian glide bomb on a five-storey apartment block killed two residents and "
            "injured seven in the eastern city of Kupiansk on Oct. 15.",
            [("Kupiansk", 2, 7)],
        ),
        (
            "On Oct. 14, a drone attack on a sports school and a library in the regional "
            "capital, Sumy, injured four people.",
            [("Sumy", None, 4)],
        ),
    ],
)
def test_a_strike_told_at_length_takes_the_one_place_of_its_toll(gazetteer, text, expected):
    assert _attacks(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the place is in a clause of its own
        "A drone attack on a grain silo injured three, and a fire broke out in Kupiansk.",
        # the count comes before the strike: the places after it are parts of a whole
        "Nine people were hurt in an attack by Russian drones on the region, the governor "
        "wrote, adding that five were hurt in the Kupiansk district.",
    ],
)
def test_no_place_is_borrowed_across_a_clause_or_for_a_whole_toll(gazetteer, text):
    assert not [
        a
        for a in _attacks(text, gazetteer)
        if a[0].startswith("Kupiansk") and a[1:] in {(None, 3), (None, 9)}
    ]


def test_counts_after_a_part_and_its_whole_are_the_rest_of_the_whole(gazetteer):
    text = (
        "Four out of 11 victims of the shelling of Kupiansk remain in intensive care, the "
        "governor said on Oct. 16. Seven more people were treated and sent home."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", None, 11)]


def test_an_abbreviation_in_brackets_does_not_cut_a_strike_from_its_region(gazetteer):
    text = (
        "Eight people were hurt in a strike by Ukrainian long-range drones (UAV) on Russia's "
        "Belgorod Region on Oct. 15, the governor wrote."
    )
    assert _attacks(text, gazetteer) == [("Belgorod Oblast", None, 8)]


def test_the_previous_day_is_one_day_for_every_event_word_of_its_sentence(gazetteer):
    text = (
        "Shelling hit Kupiansk on Oct. 15, the governor said. The previous day, Russian "
        "troops launched a rocket strike on Kupiansk, killing a man."
    )
    article = article_from_text(text, published=PUBLISHED)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    days = {e.date_start for e in events if e.killed == 1}
    assert days == {dt.date(2024, 10, 14)}
    assert all(e.date_start >= dt.date(2024, 10, 14) for e in events)


def test_a_district_toll_told_again_at_its_namesake_town_is_one_strike(gazetteer):
    text = (
        "Drones struck the Kharkiv region on Oct. 15, the governor wrote, adding that four "
        "people were wounded in the Kupiansk district and two in the Izium district. "
        '"In Kupiansk, a drone hit a shop; four people were injured," he wrote.'
    )
    attacks = _attacks(text, gazetteer)
    assert ("Kupiansk", None, 4) in attacks
    assert not [a for a in attacks if a[0].startswith("Kupiansk") and a[0] != "Kupiansk"]


def test_the_namesake_town_takes_the_districts_day_with_its_toll(gazetteer):
    text = (
        "Drones struck the Kharkiv region on Oct. 15, the governor wrote, adding that four "
        "people were wounded in the Kupiansk district and two in the Izium district. "
        '"In Kupiansk, a drone hit a shop; four people were injured," he wrote.'
    )
    article = article_from_text(text, published=PUBLISHED)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    [town] = [e for e in events if e.place.name == "Kupiansk"]
    assert town.date_start == dt.date(2024, 10, 15)


@pytest.mark.parametrize(
    "second",
    [
        "The governor of the nearby Bryansk region said two people were hurt in night-time "
        "drone attacks.",
        "Bryansk region governor Ivan Petrov said two people were hurt in drone attacks.",
    ],
)
def test_a_regional_governors_toll_of_placeless_strikes_is_at_the_region(gazetteer, second):
    text = f"A drone hit a warehouse in the Russian city of Kursk on Oct. 15. {second}"
    assert ("Bryansk Oblast", None, 2) in _attacks(text, gazetteer)


def test_no_casualties_told_of_other_regions_is_not_the_strikes_toll(gazetteer):
    text = (
        "The governor of the nearby Bryansk region said two people were hurt in night-time "
        "drone attacks. The heads of the Oryol and Tula regions reported broken windows but "
        "no casualties."
    )
    assert ("Bryansk Oblast", None, 2) in _attacks(text, gazetteer)
    assert ("Bryansk Oblast", 0, 2) not in _attacks(text, gazetteer)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Between 12 and 20 people were hurt, doctors said.", None, 12),
        ("The blast killed from four to six workers.", 4, None),
        ("Officials said 30-40 people were injured.", None, 30),
    ],
)
def test_a_range_counts_its_lower_bound(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_times_of_day_between_two_hours_are_no_range_of_people():
    cas = parse_casualties("Drones attacked between 3 and 5 a.m., killing two residents.")
    assert (cas.killed, cas.injured) == (2, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian shelling on Oct. 15 killed two and four people in Kupiansk and Izium "
            "respectively.",
            [("Kupiansk", 2, None), ("Izium", 4, None)],
        ),
        (
            "On Oct. 15 Russian drones hit Kupiansk and Izium, wounding one and three civilians, "
            "respectively.",
            [("Kupiansk", None, 1), ("Izium", None, 3)],
        ),
    ],
)
def test_counts_told_respectively_go_to_the_listed_places_in_order(gazetteer, text, expected):
    assert _attacks(text, gazetteer) == expected


def test_a_hromada_lead_whose_toll_its_villages_add_up_to_is_dropped(gazetteer):
    text = (
        "Russian artillery shelled Pokrovsk hromada, leaving three people dead. "
        "Two farmers were killed when a shell hit a barn in the settlement of Zelene. A "
        "pensioner lost her life when a drone hit her house in Dachenske."
    )
    assert _attacks(text, gazetteer) == [("Zelene", 2, None), ("Dachenske", 1, None)]


def test_a_hromada_lead_with_more_dead_than_its_villages_told_stays(gazetteer):
    text = (
        "Russian artillery shelled Pokrovsk hromada, leaving five people dead. "
        "Two farmers were killed when a shell hit a barn in the settlement of Zelene. A "
        "pensioner lost her life when a drone hit her house in Dachenske."
    )
    assert ("Pokrovsk hromada", 5, None) in _attacks(text, gazetteer)


def test_a_governors_strike_on_an_unnamed_village_is_at_the_region_with_a_later_none(gazetteer):
    text = (
        "The governor of the Bryansk region said on Oct. 15 that two drones had hit a farm "
        "near the border. No one was hurt."
    )
    assert _attacks(text, gazetteer) == [("Bryansk Oblast", 0, 0)]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The missile killed a teacher and her two daughters.", 3),
        ("A shell hit the yard, killing a farmer and his wife.", 2),
        ("The drone killed a driver, her manager said.", 1),  # the speaker is no victim
    ],
)
def test_kin_told_after_the_victim_are_counted_with_it(sentence, killed):
    assert parse_casualties(sentence).killed == killed


def test_ukrainian_none_dead_is_a_zero_toll():
    assert (
        parse_casualties("Загиблих немає.").killed,
        parse_casualties("Загиблих немає.").injured,
    ) == (0, 0)


def test_a_strike_later_the_same_day_takes_the_day_told_before(gazetteer):
    text = (
        "Russian troops shelled Kupiansk on Monday, wounding a pensioner. Later that day, a "
        "drone hit Izium, killing a man."
    )
    article = article_from_text(text, published=PUBLISHED)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    days = {e.place.name: e.date_start for e in events}
    assert days == {"Kupiansk": dt.date(2024, 10, 14), "Izium": dt.date(2024, 10, 14)}


def test_an_oblast_summary_keeps_its_toll_when_the_towns_are_listed_after_it(gazetteer):
    text = (
        "Russian forces shelled Kharkiv Oblast 40 times over the past day, killing two "
        "civilians and wounding seven. Kharkiv, Kupiansk and Izium came under fire."
    )
    attacks = _attacks(text, gazetteer)
    assert ("Kharkiv Oblast", 2, 7) in attacks
    assert ("Kharkiv", None, None) in attacks


def test_a_town_framing_its_own_toll_is_a_strike_there_without_one_told_before(gazetteer):
    text = (
        "Russia fired dozens of missiles at Ukraine overnight. In Izium, four people were "
        "killed and 11 hurt, the mayor said."
    )
    assert _attacks(text, gazetteer) == [("Izium", 4, 11)]


def test_a_report_framed_by_a_capital_is_no_strike_there(gazetteer):
    text = "In Moscow, the defence ministry said 30 Ukrainian soldiers were killed near the border."
    assert not [a for a in _attacks(text, gazetteer) if a[0] == "Moscow"]


def test_a_strike_a_day_earlier_keeps_its_own_day_and_toll(gazetteer):
    text = (
        "A glide bomb struck Kupiansk on Sunday, killing three. A day earlier, shelling of "
        "the town wounded six people."
    )
    article = article_from_text(text, published=PUBLISHED)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    got = sorted((e.date_start, e.killed, e.injured) for e in events)
    assert got == [(dt.date(2024, 10, 12), None, 6), (dt.date(2024, 10, 13), 3, None)]


def test_tolls_told_at_towns_as_a_country_was_shelled_go_to_the_towns(gazetteer):
    text = (
        "Three residents were killed in Kupiansk and two were wounded in Izium on Oct. 15 as "
        "Russian troops shelled eastern Ukraine."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", 3, None), ("Izium", None, 2)]


def test_a_sentence_with_typographic_quotes_gives_the_same_toll_on_the_fast_path(monkeypatch):
    # Curly quotes and dashes have no case: the lower-case twins read the sentence, and the
    # case-insensitive patterns (forced here) must give the same counts and words.
    from geo.events import casualties

    sentence = "“Two People were KILLED and five others wounded” in Kupiansk’s centre – police."
    fast = parse_casualties(sentence)
    monkeypatch.setattr(casualties, "caseless_lower", lambda s: None)
    assert (fast.killed, fast.injured) == (2, 5)
    assert parse_casualties(sentence) == fast


def test_a_rising_toll_told_after_a_long_description_of_the_strike_is_read():
    sentence = (
        "The death toll from a Russian guided bomb attack on a crowded hardware store in the "
        "north-eastern Ukrainian city of Kharkiv has risen to 19, the regional governor said."
    )
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured, cas.update) == (19, None, True)


def test_a_placeless_toll_sentence_listing_two_places_gives_each_its_own_count(gazetteer):
    text = (
        "Russian missiles struck the Odesa and Mykolaiv regions on Tuesday morning. "
        "Four women were wounded in Odesa, and one in Mykolaiv."
    )
    got = {(p, k, i) for p, k, i in _attacks(text, gazetteer) if i is not None}
    assert got == {("Odesa", None, 4), ("Mykolaiv", None, 1)}


def test_a_headline_toll_retold_without_a_place_goes_to_the_district_told_next(gazetteer):
    # the lead names no place of its own (only who governs), so the toll came to the
    # headline's oblast; the district told right after the lead is where the strike was
    text = (
        "Russian drone attack kills two people in Ukraine's Sumy region\n\nAFP\n\n"
        "A Russian drone attack on Monday killed two people, including a child, said the "
        "governor of the Sumy border region.\n\n"
        "The Russian drone dropped a bomb on a car in a village in the Shostka district, the "
        "governor said on Telegram.\n"
    )
    assert _attacks(text, gazetteer) == [("Shostka Raion", 2, None)]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # an age told as "of N" after the person is no count
        ("The mayor said a woman of 52 died of her wounds.", 1, None),
        ("He added that a man of 64 was injured by debris.", None, 1),
        # a word an editor put in square brackets stands between the person and the verb
        ("“One resident died and another [elderly] man was hurt,” he wrote.", 1, 1),
        ("“A [local] woman was wounded by shrapnel,” the mayor said.", None, 1),
        # a death counted as a singular noun
        ("So far one civilian death is confirmed, the head of the district said.", 1, None),
        ("There were two deaths in the town.", 2, None),
        # "none of the residents were hurt": a count of none
        ("None of the villagers were hurt, the governor added.", 0, 0),
        ("None of the people inside was injured.", 0, 0),
        # one person named by his post, hurt
        ("The school's caretaker sustained injuries.", None, 1),
        ("The depot chief suffered shrapnel wounds.", None, 1),
        # hurt told by where they are treated
        ("Four members of the family are being treated in hospital.", None, 4),
    ],
)
def test_ages_brackets_singular_deaths_none_of_and_one_named_by_post(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    "sentence",
    [
        "The death toll of the war is unknown.",
        "The court upheld the death sentence.",
        "The residents sustained injuries.",
    ],
)
def test_no_single_count_is_read_from_a_toll_a_sentence_or_a_plural(sentence):
    cas = parse_casualties(sentence)
    assert cas.killed != 1 and cas.injured != 1


def test_a_toll_whose_subject_names_the_village_is_a_strike_there(gazetteer):
    text = (
        "The governor said enemy guns had pounded nine villages along the frontier all day. "
        "Three residents of the village of Tetkino were reported to have been wounded."
    )
    assert _attacks(text, gazetteer) == [("Tëtkino", None, 3)]


def test_a_village_told_with_more_victims_refines_the_oblast_strike_of_the_lead(gazetteer):
    text = (
        "At least 12 people died when a Russian rocket hit the Kharkiv region on Thursday, "
        "officials said. Another four people in the village of Kivsharivka near Kupiansk were "
        "injured, the minister added."
    )
    assert _attacks(text, gazetteer) == [("Kivsharivka", 12, 4)]


def test_a_village_toll_without_more_keeps_the_oblast_strike_apart(gazetteer):
    text = (
        "Guns shelled the Kharkiv region throughout Thursday, officials said. "
        "Two residents of the village of Kivsharivka were hurt."
    )
    assert ("Kivsharivka", None, 2) in _attacks(text, gazetteer)


def test_a_loosely_spelled_village_near_a_town_it_lies_by_takes_the_strike(gazetteer):
    lead = "Guns struck the Kharkiv region on Thursday, killing two, officials said. "
    near = "Another three people in the village of Synkivke near the town of Kupiansk were hurt."
    assert _attacks(lead + near, gazetteer) == [("Synkivka", 2, 3)]
    # told without the town it lies near, the loose spelling stays too weak for a dot
    alone = "Another three people in the village of Synkivke were hurt."
    assert _attacks(lead + alone, gazetteer) == [("Kharkiv Oblast", 2, 3)]


@pytest.mark.parametrize(
    "sentence",
    ["No civilians were injured.", "Officials said no residents were hurt in the blast."],
)
def test_no_civilians_hurt_counts_none_killed_and_none_injured(sentence):
    found = parse_casualties(sentence)
    assert (found.killed, found.injured) == (0, 0)


def test_no_people_were_evacuated_is_no_casualty_count():
    found = parse_casualties("No people were evacuated from the village yet.")
    assert (found.killed, found.injured) == (None, None)


@pytest.mark.parametrize(
    ("text", "place", "killed", "injured"),
    [
        ("An 81-year-old resident of Orikhiv was hurt in an FPV drone attack.", "Orikhiv", None, 1),
        ("Overnight a Bilozerka resident was wounded by Russian shelling.", "Bilozerka", None, 1),
        ("Two elderly residents of Nikopol were killed by artillery fire.", "Nikopol", 2, None),
    ],
)
def test_a_strike_that_names_no_place_is_at_the_town_of_its_victims(
    gazetteer, text, place, killed, injured
):
    assert _attacks(text, gazetteer) == [(place, killed, injured)]


def test_a_victims_town_does_not_replace_the_place_the_strike_names(gazetteer):
    text = "A resident of Nikopol was injured in a drone strike on Marhanets."
    assert [a[0] for a in _attacks(text, gazetteer)] == ["Marhanets"]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Later a pensioner born in 1941 was hurt by shrapnel.", None, 1),
        ("Two farmers born in 1958 and 1967 were wounded in the field.", None, 2),
    ],
)
def test_a_birth_year_is_no_count(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_killed_on_the_spot_is_how_not_where_the_place_follows(gazetteer):
    text = (
        "Police said a 61-year-old man died on the spot and a 45-year-old woman "
        "suffered shrapnel wounds in the town of Pokrovsk."
    )
    article = article_from_text(text, published=dt.date(2023, 11, 2))
    (ev,) = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert (ev.event_type, ev.place.name, ev.killed, ev.injured) == (
        EventType.ATTACK,
        "Pokrovsk",
        1,
        1,
    )


def test_a_citizen_hurt_is_counted_and_makes_the_strike_at_the_village(gazetteer):
    # a Russian border governor's words: the victim as a citizen, the cause falling debris
    text = "One more citizen was wounded in the village of Tyotkino by falling debris."
    assert parse_casualties(text).injured == 1
    article = article_from_text(text, published=dt.date(2024, 8, 24))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [(e.event_type, e.injured) for e in events] == [(EventType.ATTACK, 1)]


# Counts told by number words and death nouns the readers missed: a dozen, a fatality, a body
# found, injuries "incompatible with life", a victim's death after a relative clause.
@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Glide bombs hit the town at dawn and killed about a dozen residents.", 12, None),
        ("A dozen people were hurt when the drone hit the depot.", None, 12),
        ("Two dozen passengers were injured, officials said.", None, 24),
        ("Dozens of people were hurt in the blast.", None, None),
        ("Police counted one fatality and six injured people after the raid.", 1, 6),
        ("The night raid caused a fatality and nine injuries.", 1, 9),
        ("A 63-year-old woman sustained injuries incompatible with life.", 1, None),
        ("A driver who was parked by the depot at the time later died of his wounds.", 1, None),
        ("Four workers who had stayed at the plant overnight were killed.", 4, None),
        ("The body of an elderly man was found under the debris.", 1, None),
        ("Two more bodies were pulled from the ruins on Sunday.", 2, None),
        ("Rescuers say the bodies of three women have been recovered.", 3, None),
        ("A man who was hurt in the blast was taken to hospital.", None, 1),
        # a death told as a wound is no one hurt
        ("Two pensioners who were queuing for bread suffered fatal injuries.", 2, None),
        ("A 58-year-old woman sustained mortal shrapnel wounds.", 1, None),
        ("The farmer received lethal wounds.", None, None),
    ],
)
def test_number_words_and_death_nouns_are_counted(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_a_body_found_is_the_strikes_dead_beside_its_hurt(gazetteer):
    text = (
        "Russian rockets struck Kupiansk on Tuesday evening. The body of a 60-year-old man was "
        "pulled from a ruined house, and two women were taken to hospital, the governor said."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", 1, 2)]


def test_a_death_after_a_relative_clause_completes_the_toll(gazetteer):
    text = (
        "Russian drones struck Kupiansk on Tuesday night. A woman who was asleep on the upper "
        "floor when the drone hit died of her injuries in hospital. A neighbour was injured."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", 1, 1)]


# Running totals told apart from one strike's toll: a comparison after the toll, a month's
# period, the war's own count.
@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        (
            "A ballistic missile hit a hospital in the capital, killing 14 people, the deadliest "
            "strike on the city since the beginning of the invasion.",
            14,
            None,
        ),
        (
            "The drone raid on the port killed three and wounded 20, one of a string of night "
            "attacks on the region since the start of the year.",
            3,
            20,
        ),
        (
            "Shelling killed seven in the town on Monday - the worst toll in the area of the war.",
            7,
            None,
        ),
        (
            "Nine civilians have been killed and 31 injured in the district since the beginning "
            "of March, the prosecutor said.",
            9,
            31,
        ),
        ("At least 1,200 children have been killed since the start of the war.", None, None),
        (
            "Since the beginning of October the brigade has eliminated 240 enemy soldiers and "
            "wounded 90 more, its commander said.",
            None,
            None,
        ),
        ("Since the beginning of the invasion, 6,000 civilians were killed.", None, None),
        (
            "The war has so far killed more than 9,000 civilians and wounded 16,000, the UN says.",
            None,
            None,
        ),
    ],
)
def test_running_totals_are_told_apart_from_a_strikes_toll(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_the_wars_total_is_not_carried_to_the_strike_before(gazetteer):
    text = (
        "Russian missiles hit a school in Kupiansk on Tuesday. Three years on, the conflict "
        "has already killed over 10,000 civilians, and about 20,000 others were wounded, "
        "UN monitors say."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", None, None)]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("A drone hit a farm in the village overnight, killing one animal.", None, None),
        ("Shelling on Monday killed two cows and injured a dog.", None, None),
        ("The strike killed 40 head of cattle.", None, None),
        # people stay counted beside their animals
        ("A drone hit a house, killing a woman and her dog.", 1, None),
        ("Shelling on Monday killed two elderly residents.", 2, None),
    ],
)
def test_livestock_killed_in_a_strike_is_no_casualty(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


# The dead told as none beside a count of the hurt, or in a sentence of its own: killed is 0,
# the hurt is left to its count (a none of the dead says nothing of the hurt).
@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Shelling of the port injured six dockers, but no one was killed.", 0, 6),
        ("Nobody died, though three passers-by were wounded.", 0, 3),
        ("Nobody, thank God, died in the blast.", 0, None),
        ("Luckily no civilians were killed.", 0, None),
        ("There were no fatalities among the crew.", 0, None),
        # both told none: still none of either
        ("No one was killed or hurt in the strike.", 0, 0),
        ("Nobody was wounded, the governor wrote.", 0, 0),
    ],
)
def test_none_of_the_dead_beside_the_hurt_is_killed_zero(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_none_of_the_dead_told_after_the_hurt_completes_the_toll(gazetteer):
    text = (
        "A Russian missile struck Odesa overnight, wounding eleven people. Luckily, "
        "nobody died, the regional governor said."
    )
    assert _attacks(text, gazetteer) == [("Odesa", 0, 11)]


# A person told as hurt who then died is one killed, not one hurt.
@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        (
            "A badly wounded man who was caught by the shelling at the bus stop died in hospital.",
            1,
            None,
        ),
        (
            "The 40-year-old driver from Kupiansk, who was injured when the drone hit his van, "
            "later died in hospital.",
            1,
            None,
        ),
        # a hurt person who lived stays hurt
        ("A badly wounded man who was caught by the shelling is in hospital.", None, 1),
    ],
)
def test_a_hurt_person_who_died_is_killed(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_a_hurt_person_who_died_makes_the_strikes_toll(gazetteer):
    text = (
        "A gravely injured woman who had been caught by a Russian shell in Kherson early "
        "on Tuesday has died in hospital, the regional governor said."
    )
    assert _attacks(text, gazetteer) == [("Kherson", 1, None)]


# A later death told with the toll it brings: the toll is the count, the death one of it.
@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("One more man died in an ambulance, raising the death toll to five.", 5),
        ("A girl died in hospital overnight, bringing the toll of the strike on the city to 7.", 7),
    ],
)
def test_a_death_that_brings_the_toll_gives_the_toll(sentence, killed):
    cas = parse_casualties(sentence)
    assert cas.killed == killed and cas.update and not cas.more_killed


def test_a_death_that_brings_the_toll_is_not_added_to_the_strike(gazetteer):
    text = (
        "Russian missiles hit Kryvyi Rih on Friday, killing at least two people. In the "
        "evening another man died in an ambulance, raising the death toll to four, the mayor said."
    )
    assert _attacks(text, gazetteer) == [("Kryvyi Rih", 4, None)]


# A count's places listed after it with bare numbers: after a colon ("killed five in the
# oblast: 2 in A, 2 in B and 1 in C"), after commas, and as "another N in B".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Russians killed five civilians in Donetsk Oblast on Monday: 2 in "
            "Kostiantynivka, 2 in Toretsk and 1 in Siversk, the governor wrote.",
            [
                ("Donetsk Oblast", 5, None),
                ("Kostiantynivka", 2, None),
                ("Toretsk", 2, None),
                ("Siversk", 1, None),
            ],
        ),
        (
            "Glide bombs killed four people in Kharkiv, another three in Chuhuiv and one in "
            "Zolochiv on Sunday, the governor said.",
            [("Kharkiv", 4, None), ("Chuhuiv", 3, None), ("Zolochiv", 1, None)],
        ),
    ],
)
def test_bare_counts_after_a_colon_or_comma_are_each_places_toll(text, expected, gazetteer):
    assert sorted(_attacks(text, gazetteer)) == sorted(expected)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nineteen people died, including 8 children, 41 were wounded.",
        "The strike killed 19 people, including 8 children, and 41 were wounded.",
        "19 residents died, among them 8 children, and 41 others were injured.",
    ],
)
def test_the_part_an_including_names_is_not_a_conjunct_of_the_next_count(sentence):
    # the eight children are among the dead; they are not added to the wounded
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (19, 41)


# A relative clause on the place before its toll may compare the strike with the war's
# others; the count after it is the strike's own.
@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        (
            "In Poltava, which came under one of the largest drone raids of the war, three "
            "residents were hurt, the mayor wrote.",
            None,
            3,
        ),
        (
            "In Nikopol, which has endured some of the heaviest shelling since the invasion "
            "began, a 61-year-old man was killed.",
            1,
            None,
        ),
    ],
)
def test_a_comparison_in_a_relative_clause_keeps_the_toll_after_it(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_a_relative_clause_without_a_comparison_keeps_a_running_total_out():
    sentence = "In Sumy, which lies near the border, 300 civilians have died since the invasion."
    assert parse_casualties(sentence).killed is None


# The victim's town told inside the subject, with where it lies or whose it is.
@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        (
            "An 80-year-old resident of the village of Prydniprovske in Kherson Oblast was "
            "killed by shelling on Sunday.",
            1,
            None,
        ),
        (
            "Three residents of the Sumy region were wounded when a drone hit a minibus.",
            None,
            3,
        ),
        (
            "A woman from the settlement of Shyroke in the Zaporizhzhia district was injured.",
            None,
            1,
        ),
        (
            "Two civilians of the Luhansk People's Republic's (LPR) city of Alchevsk have been "
            "killed and five injured in rocket fire, the local head said.",
            2,
            5,
        ),
    ],
)
def test_the_victims_town_with_its_area_or_owner_keeps_the_count(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_a_town_of_a_possessive_owner_is_the_strike_place(gazetteer):
    text = (
        "Two miners of the Luhansk People's Republic's (LPR) town of Sievierodonetsk have been "
        "killed and four injured as a result of artillery fire, the local head said."
    )
    assert _attacks(text, gazetteer) == [("Sievierodonetsk", 2, 4)]


def test_the_victims_oblast_between_the_count_and_their_town_is_passed_over(gazetteer):
    text = "On Sunday, the occupiers killed three residents of the Kharkiv region - in Kupiansk."
    assert _attacks(text, gazetteer) == [("Kupiansk", 3, None)]


def test_a_toll_in_a_village_no_place_reads_is_not_the_strike_before(gazetteer):
    text = (
        "Russian drones struck Kupiansk overnight, injuring two residents. A man was killed "
        "in the village of Verkhnia Zorianka, the governor added."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", None, 2)]


def test_a_count_told_in_one_oblast_as_a_result_of_shelling_is_a_strike_there(gazetteer):
    text = "Three people were hurt in the Zaporizhzhia region as a result of enemy shelling."
    assert _attacks(text, gazetteer) == [("Zaporizhzhia Oblast", None, 3)]


def test_a_count_told_over_two_oblasts_goes_to_neither_alone(gazetteer):
    text = "Three people were hurt in the Sumy and Kharkiv regions as a result of enemy shelling."
    assert not [a for a in _attacks(text, gazetteer) if a[1:] == (None, 3)]


# Victims told as kin and couples: the possessive counts one, a couple two.
@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("A 71-year-old man and his wife were killed when the shell hit.", 2, None),
        ("Her 9-year-old daughter was wounded by the blast.", None, 1),
        ("The drone strike killed a retired couple in their garden.", 2, None),
        ("An elderly couple was injured in the shelling.", None, 2),
        ("A man was killed and his three grandchildren were injured.", 1, 3),
    ],
)
def test_kin_and_couples_are_counted(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    "sentence",
    [
        "A couple of houses were damaged, but nobody was hurt, the mayor said.",
        "The man was killed in the strike, his son told reporters.",
    ],
)
def test_an_amount_or_a_speaker_is_no_victim(sentence):
    cas = parse_casualties(sentence)
    assert cas.killed in (None, 0) and cas.injured in (None, 0)


def test_a_couple_killed_in_a_strike_is_that_strikes_toll(gazetteer):
    text = "Russian forces shelled Huliaipole on Sunday, killing an elderly couple."
    assert _attacks(text, gazetteer) == [("Huliaipole", 2, None)]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("A shell hit a minibus, wounding nine adults and three children.", None, 12),
        ("The strike on the depot killed no one, but four workers were hurt.", 0, 4),
        ("Overnight, one more victim died in intensive care.", 1, None),
    ],
)
def test_adults_a_single_victim_and_a_strike_that_killed_no_one(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_a_person_hospitalised_with_a_wound_in_a_district_is_a_strike_there(gazetteer):
    text = (
        "Paramedics hospitalised a 52-year-old woman with shrapnel wounds in the Izium "
        "district, the governor reported."
    )
    events = _attacks(text, gazetteer)
    assert len(events) == 1 and events[0][1:] == (None, 1)
    assert "Izium" in events[0][0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In Marhanets, a woman was killed; in Myrove, two men were hurt.",
            [("Marhanets", 1, None), ("Myrove", None, 2)],
        ),
        (
            "In Lyman three people were wounded, and in Siversk a man died.",
            [("Lyman", None, 3), ("Siversk", 1, None)],
        ),
    ],
)
def test_each_place_keeps_the_toll_of_its_own_clause(text, expected, gazetteer):
    assert sorted(_attacks(text, gazetteer)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Three residents were killed in Russian shelling of Siversk, and another was "
            "injured in Lyman.",
            [("Siversk", 3, None), ("Lyman", None, 1)],
        ),
        (
            "Enemy drones killed two people in Nikopol; four others were injured in Marhanets.",
            [("Nikopol", 2, None), ("Marhanets", None, 4)],
        ),
    ],
)
def test_a_later_clause_toll_at_a_new_place_is_a_strike_there(text, expected, gazetteer):
    assert sorted(_attacks(text, gazetteer)) == sorted(expected)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Dead: 4 people.", 4, None),
        ("Figures so far: killed - 1, wounded - 6.", 1, 6),
        ("The 51-year-old tractor driver died on the spot, the police said.", 1, None),
        ("The shell wounded the girl's grandfather.", None, 1),
    ],
)
def test_labelled_figures_a_death_on_the_spot_and_kin_of_a_victim(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_one_of_the_hurt_told_by_an_aside_who_died_moves_to_the_dead(gazetteer):
    text = (
        "A glide bomb hit Kupiansk, injuring six people. One of them, an 80-year-old woman, "
        "died in hospital."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", 1, 5)]


def test_another_after_a_listed_toll_is_one_more_of_the_same_kind(gazetteer):
    text = (
        "Russian shelling killed one person in Siversk and wounded one in Kramatorsk, and "
        "another in Sloviansk, officials said on Tuesday."
    )
    assert sorted(_attacks(text, gazetteer)) == [
        ("Kramatorsk", None, 1),
        ("Siversk", 1, None),
        ("Sloviansk", None, 1),
    ]


def test_an_oblast_framing_its_own_count_in_a_round_up_is_a_strike_there(gazetteer):
    text = (
        "Russian missiles struck Lviv overnight, killing one man, officials said on Tuesday. "
        "In the Poltava region, three people died and six others were injured."
    )
    assert sorted(_attacks(text, gazetteer)) == [("Lviv", 1, None), ("Poltava Oblast", 3, 6)]


def test_an_oblast_framing_a_count_after_its_own_town_adds_no_strike(gazetteer):
    text = (
        "Russian missiles struck Poltava overnight, officials said on Tuesday. "
        "In the Poltava region, three people died and six others were injured."
    )
    assert [a[0] for a in _attacks(text, gazetteer)] == ["Poltava"]


def test_a_death_told_as_a_noun_at_its_place_is_a_strike_there(gazetteer):
    text = (
        "Rescuers on Tuesday reported the death of a 68-year-old woman in the Sumy region, "
        "where four more people were also wounded."
    )
    assert _attacks(text, gazetteer) == [("Sumy Oblast", 1, 4)]


def test_one_hurt_and_hospitalised_at_a_town_is_that_towns_toll(gazetteer):
    text = (
        "On Monday the enemy shelled the Izium and Kupiansk districts, the governor said. "
        "A 61-year-old woman was wounded and hospitalised in Kupiansk."
    )
    assert ("Kupiansk", None, 1) in _attacks(text, gazetteer)


@pytest.mark.parametrize(
    ("second", "killed"),
    [
        ("Her little son died of his wounds in hospital.", 2),
        ("His wife later died.", 2),
        ("The man was buried on Friday.", 1),
    ],
)
def test_kin_of_a_victim_told_dead_in_a_sentence_of_its_own_add_one(gazetteer, second, killed):
    text = f"A Russian drone hit a car in Kupiansk on Tuesday, killing a man. {second}"
    assert _attacks(text, gazetteer) == [("Kupiansk", killed, None)]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("A drone struck a van near the bridge, killing its driver.", 1, None),
        ("The missile hit a lorry, killing the driver and wounding two passengers.", 1, 2),
        ("The shell killed the driver's mother.", None, None),
        ("Her young daughter died of her injuries.", 1, None),
    ],
)
def test_the_one_driver_of_a_vehicle_and_kin_without_an_auxiliary(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_a_country_owning_the_reporter_is_no_place_of_a_toll_list(gazetteer):
    text = (
        "Ukraine's national police reported the death of a 68-year-old woman in the Sumy "
        "region, where four more people were also hurt, including a boy."
    )
    assert _attacks(text, gazetteer) == [("Sumy Oblast", 1, 4)]


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("Officials report the death of two civilians in overnight shelling.", 2),
        # the lead names a place of its own: its dead are that place's, not the strike's
        ("Officials report the death of two civilians in Sumy.", None),
    ],
)
def test_deaths_counted_before_the_strike_that_caused_them(gazetteer, lead, expected):
    text = (
        f"{lead} The regional head said the deaths occurred when Russian artillery hit the "
        "town of Kupiansk on Monday."
    )
    assert ("Kupiansk", expected, None) in _attacks(text, gazetteer)


@pytest.mark.parametrize(
    "later",
    [
        "By evening the number of people hurt in the strike on the city had grown to 26.",
        "The number of those wounded has since gone up to 26, the mayor said.",
    ],
)
def test_a_count_of_the_hurt_that_has_grown_updates_the_strike(gazetteer, later):
    text = f"A Russian missile hit Kupiansk on Monday, injuring 19 people. {later}"
    assert _attacks(text, gazetteer) == [("Kupiansk", None, 26)]


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        # 9 + 3 + 3 + 2 + 2 = 19: each joined place has the count told before the pair
        (
            "9 in Kramatorsk, three in Druzhkivka and Sloviansk, two in Lyman and Siversk",
            {"Druzhkivka": 3, "Sloviansk": 3, "Lyman": 2, "Siversk": 2},
        ),
        # 9 + 3 + 2 = 14 only when "three" is read once: the pair shares it, not each
        (
            "9 in Kramatorsk, three in Druzhkivka and Sloviansk, two in Lyman",
            {"Druzhkivka": 3, "Sloviansk": None, "Lyman": 2},
        ),
    ],
)
def test_a_count_before_two_joined_places_is_each_ones_when_it_makes_the_whole(
    gazetteer, tail, expected
):
    whole = 19 if "Siversk" in tail else 14
    text = f"On Tuesday the occupiers wounded {whole} civilians in the Donetsk region: {tail}."
    got = {name: injured for name, _, injured in _attacks(text, gazetteer)}
    assert {name: got.get(name) for name in expected} == expected


def test_no_casualties_at_the_end_of_a_report_with_no_toll_is_every_strikes(gazetteer):
    text = (
        "In the evening the enemy shelled Kupiansk and Balakliia with artillery. Two houses "
        "and a shop were damaged.\n\nIzium came under fire at dawn. A garage burned down.\n\n"
        "The regional head added that there were no casualties."
    )
    assert sorted(_attacks(text, gazetteer)) == [
        ("Balakliia", 0, 0),
        ("Izium", 0, 0),
        ("Kupiansk", 0, 0),
    ]


def test_no_casualties_after_a_toll_told_elsewhere_stays_the_last_strikes(gazetteer):
    text = (
        "Shelling of Kupiansk on Monday wounded three residents. Later that day drones "
        "struck Izium. No casualties were reported."
    )
    assert sorted(_attacks(text, gazetteer)) == [("Izium", 0, 0), ("Kupiansk", None, 3)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Six people died and 11 were hurt over the past day in the Kharkiv region, the "
        "governor said.",
        "Six people died and 11 were hurt in the last 24 hours in the southern region of Kharkiv.",
    ],
)
def test_a_regions_toll_told_with_its_time_before_the_region(gazetteer, sentence):
    assert _attacks(sentence, gazetteer) == [("Kharkiv Oblast", 6, 11)]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("One of the guards of the grain terminal got a shrapnel wound.", None, 1),
        ("One of the firm's drivers was killed.", 1, None),
        # a part of a count, or of the hurt, is no one picked out of a group
        ("One of the six wounded is in a grave condition.", None, 6),
        ("One of the injured later died.", None, None),
    ],
)
def test_one_picked_out_of_a_group_is_one(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("middle", "injured"),
    [
        # 1 + 2 = 3: the two "more" are the rest of the three told first
        ("One of the dockers got shrapnel wounds. The man is in hospital.", 3),
        # no part told before: "two more" are people hurt besides the three
        ("The port's warehouse burned down.", 5),
    ],
)
def test_more_counts_that_reach_the_toll_with_its_parts_are_the_rest(gazetteer, middle, injured):
    text = (
        "Overnight the occupiers struck Izmail with drones. Three people were injured, the "
        f"regional head said. {middle} Two more people were injured, both workers of a depot."
    )
    assert _attacks(text, gazetteer) == [("Izmail", None, injured)]


@pytest.mark.parametrize(
    "middle",
    [
        "",
        # the strike told again at its region: the town is still the place of the other one
        '"The enemy attacked the Kherson region with missiles. Two were killed," the governor '
        "wrote. ",
    ],
)
def test_a_count_then_an_indefinite_strike_with_its_own_day_is_another_strike(gazetteer, middle):
    text = (
        "A missile struck Kherson overnight, killing two people and injuring five, the "
        f"governor said. {middle}Russia has pounded the south for months. Six civilians died "
        "in a drone attack on Monday this week, officials said."
    )
    article = article_from_text(text, published=PUBLISHED)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    got = sorted(
        (e.place.name, e.date_start, e.killed, e.injured)
        for e in events
        if e.event_type is EventType.ATTACK and e.place.name == "Kherson"
    )
    assert got == [
        ("Kherson", dt.date(2024, 10, 14), 6, None),
        ("Kherson", dt.date(2024, 10, 15), 2, 5),
    ]


def test_parts_of_a_regions_toll_told_after_including(gazetteer):
    text = (
        "Five civilians were wounded in the Kharkiv region on Sunday, including three in "
        "Kupiansk and two in Izium."
    )
    got = {name: injured for name, _, injured in _attacks(text, gazetteer)}
    assert (got["Kupiansk"], got["Izium"]) == (3, 2)


def test_lives_lost_at_a_town_before_the_strike_clause(gazetteer):
    text = "Two men lost their lives in Balakliia on Sunday when shells fell on a market."
    assert _attacks(text, gazetteer) == [("Balakliia", 2, None)]


def test_a_towns_toll_in_a_clause_of_its_own_after_an_oblasts_strike(gazetteer):
    text = (
        "In the past day the enemy shelled 11 settlements of the Kharkiv region; a woman was "
        "injured in Kupiansk."
    )
    assert sorted(_attacks(text, gazetteer)) == [
        ("Kharkiv Oblast", None, None),
        ("Kupiansk", None, 1),
    ]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("One hundred and four people were hurt in the blast.", None, 104),
        ("The raid killed three hundred soldiers.", 300, None),
        ("A hundred and thirty-one civilians were wounded.", None, 131),
        # an amount, not a count
        ("Hundreds of residents were injured.", None, None),
    ],
)
def test_hundreds_told_in_words_are_counted(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    "sentence",
    [
        "Enemy strikes killed four civilians in the Kharkiv region: three in Kupiansk and one "
        "in Izium.",
        "Enemy strikes killed four civilians in the Kharkiv region - three in Kupiansk and one "
        "in Izium.",
        "In the Kharkiv region, enemy strikes killed four civilians: three in Kupiansk and one "
        "in Izium.",
    ],
)
def test_a_strikes_toll_set_out_by_town_after_a_colon_or_dash(gazetteer, sentence):
    got = {name: killed for name, killed, _ in _attacks(sentence, gazetteer)}
    assert (got.get("Kupiansk"), got.get("Izium")) == (3, 1)


def test_a_town_under_mortar_fire_with_its_toll(gazetteer):
    text = "Balakliia came under mortar fire on Sunday; a 48-year-old man was wounded."
    assert _attacks(text, gazetteer) == [("Balakliia", None, 1)]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        (
            "The number of wounded has grown to 27, among them five children, and the death toll "
            "to six.",
            6,
            27,
        ),
        ("The death toll climbed to nine and the number of injured to 31.", 9, 31),
    ],
)
def test_a_second_toll_rising_with_the_first_without_its_verb(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured, cas.update) == (killed, injured, True)


def test_a_countrys_toll_set_out_after_including_gives_the_first_town_its_part(gazetteer):
    text = (
        "Russian strikes killed at least nine civilians across Ukraine on Tuesday, including "
        "six in Kupiansk and three in Izium."
    )
    got = {name: killed for name, killed, _ in _attacks(text, gazetteer)}
    assert (got.get("Kupiansk"), got.get("Izium")) == (6, 3)


# --- counted people whose relative clause tells their toll (issue 10, dup14) ---


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("The dead are three farmers who were killed in the Izium district.", 3, None),
        ("Medics treated four women who were wounded by the blast.", None, 4),
    ],
)
def test_a_count_whose_relative_clause_tells_the_toll_is_read(sentence, killed, injured):
    got = parse_casualties(sentence)
    assert (got.killed, got.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("The dead were three farmers who were killed in the Izium district.", 3, None),
        ("Among the victims are two women that were wounded near the market.", None, 2),
    ],
)
def test_a_count_told_by_a_relative_clause_is_counted(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


def test_a_toll_told_by_a_relative_clause_is_a_strike_at_its_place(gazetteer):
    text = (
        "Russian troops shelled Kharkiv Oblast on Friday, the governor said. "
        "The dead were three farmers who were killed in the Izium district of the region."
    )
    article = article_from_text(text, published=dt.date(2024, 6, 8))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    tolls = {e.place.name: e.killed for e in events if e.event_type is EventType.ATTACK}
    assert tolls.get("Izium Raion") == 3


@pytest.mark.parametrize(
    "text",
    [
        "Two medics were killed and four others hurt in the village of Kurylivka as a result of "
        "Russian shelling.",
        "A farmer died in the town of Balakliia as a result of enemy artillery shelling.",
    ],
)
def test_a_toll_at_a_named_kind_of_settlement_before_its_strike_word(gazetteer, text):
    got = _attacks(text, gazetteer)
    assert [name for name, _, _ in got] == [text.split(" of ")[1].split()[0]]


def test_a_count_in_a_relative_clause_is_read():
    cas = parse_casualties("The dead were two farmers who were killed near the A district.")
    assert (cas.killed, cas.injured) == (2, None)


@pytest.mark.parametrize(
    "second",
    [
        "Three women were killed in the Izium district of the region.",
        "The victims were three women who were killed in the Izium district.",
    ],
)
def test_an_oblasts_strike_told_again_at_its_one_district_takes_its_toll_there(gazetteer, second):
    text = (
        "At least three people were killed and four were hurt in a drone raid on the "
        f"Kharkiv region, the governor said. {second} Nine houses were damaged."
    )
    assert _attacks(text, gazetteer) == [("Izium Raion", 3, 4)]


def test_an_oblasts_toll_stays_when_its_town_holds_only_part_of_it(gazetteer):
    text = (
        "Russian shelling of the Kharkiv region killed five people and injured four, the "
        "governor said. Two were killed in the Izium district."
    )
    got = {name: (k, i) for name, k, i in _attacks(text, gazetteer)}
    assert got == {"Kharkiv Oblast": (5, 4), "Izium Raion": (2, None)}


def test_a_towns_own_count_told_after_one_of_the_town_and_its_suburbs(gazetteer):
    text = (
        "Seven civilians were injured on Monday in a drone attack on the city of Kursk and its "
        'suburbs, the governor said. "Six people were injured in Kursk, among them a child," he '
        "wrote. A woman was hurt in a village near the city."
    )
    assert _attacks(text, gazetteer) == [("Kursk", None, 6)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the toll's strike has no place; the next sentence names it and where it struck
        (
            "A pensioner died in cross-border shelling, the regional head wrote. He added "
            "that the attack damaged a barn in the village of Kozinka.",
            [("Kozinka", 1, None)],
        ),
        # a new strike ("a missile strike") told after another town's: not that town's toll
        (
            "Drones struck Sumy overnight. Three people were killed in a missile strike, "
            "officials said. The missile hit a block of flats in Kramatorsk.",
            [("Sumy", None, None), ("Kramatorsk", 3, None)],
        ),
        # "the deaths occurred when ...": the toll leaves the strike told before it
        (
            "Drones struck Sumy overnight. An official reports the deaths of four civilians "
            "in an enemy attack. He said the deaths occurred when troops shelled the city "
            "of Kramatorsk on Tuesday.",
            [("Sumy", None, None), ("Kramatorsk", 4, None)],
        ),
        # "in the attack": the strike told before, whose toll it is
        (
            "Drones struck Sumy overnight. Three people were killed in the attack, officials "
            "said. The attack also hit a school in Sumy.",
            [("Sumy", 3, None)],
        ),
    ],
)
def test_a_toll_told_before_the_sentence_that_places_its_strike(gazetteer, text, expected):
    assert _attacks(text, gazetteer) == expected


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Among the wounded is a 71-year-old woman, who was cut by glass.", None, 1),
        ("Among the dead are a teacher and her son, the mayor said.", 2, None),
        ("Among those injured were three rescuers.", None, 3),
    ],
)
def test_who_is_among_a_toll_counts_as_a_lower_bound(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured, cas.update) == (killed, injured, True)


@pytest.mark.parametrize(
    ("second", "injured"),
    [
        # the man told first, then the others: added
        ("In the same town, four other people were injured, two of them teenagers.", 5),
        # the toll told after the one among it: the toll
        ("In all, six people were injured in Balakliia.", 6),
    ],
)
def test_one_among_the_injured_then_the_rest_of_the_toll(gazetteer, second, injured):
    text = (
        "Shelling hit Balakliia on Sunday. Among the injured is a 64-year-old man, who was "
        f"hurt by debris. {second}"
    )
    assert _attacks(text, gazetteer) == [("Balakliia", None, injured)]


def test_one_among_a_toll_told_before_is_no_more(gazetteer):
    text = (
        "Shelling hit Balakliia on Sunday, injuring four people. Among the injured is a "
        "64-year-old man, the mayor said."
    )
    assert _attacks(text, gazetteer) == [("Balakliia", None, 4)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The brigade says the enemy lost 312 troops killed and wounded near the village.",
        "Nine civilians were killed or injured in the town last week.",
        "The raid killed and injured 15 people, the agency said.",
    ],
)
def test_one_count_of_the_dead_and_the_hurt_together_tells_neither(sentence):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (None, None)


def test_the_dead_and_the_hurt_counted_apart_are_still_read():
    cas = parse_casualties("The strike left four dead and seven wounded, the mayor said.")
    assert (cas.killed, cas.injured) == (4, 7)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Three teenagers were among the wounded, the police said.", None, 3),
        ("A medic and a firefighter were among those killed.", 2, None),
    ],
)
def test_people_told_among_a_toll_count_as_its_lower_bound(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured, cas.update) == (killed, injured, True)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Four residents were killed, and two more died later in hospital.", 6),
        ("A guard was killed at the gate and another worker was killed in the yard.", 2),
        # the toll that rose with one more death counts it already
        ("The death toll climbed to seven overnight with another fatality in hospital.", 7),
    ],
)
def test_more_dead_told_after_the_dead_of_one_sentence_are_added(sentence, killed):
    assert parse_casualties(sentence).killed == killed


@pytest.mark.parametrize(
    "sentence",
    [
        "Rescuers pulled a man from the rubble; he was taken to hospital in Lozova.",
        "Shelling cut the power line near Hrushivka on Tuesday.",
        "The governor said the toll had not changed since the morning.",
        "A MISSILE HIT A FARM NEAR SNIHURIVKA, INJURING A DRIVER.",
        "Officials counted the number of homes damaged in the village.",
        "The market reopened on Friday after repairs to its roof.",
        "Volunteers brought water and bread to the “collective centre” — all 200 beds.",
        "Троє людей поранені внаслідок обстрілу Берислава.",
        "A Café owner in Ternivka was hurt when a drone struck the street.",
        "",
    ],
)
def test_the_casualty_word_gate_agrees_with_its_pattern(sentence):
    # The gate tests plain words on the lower case where the pattern would search it: the
    # two must agree on any sentence, cased letters beyond ASCII included.
    from geo.events.casualties import _ANY, _any_casualty_word
    from geo.text.casefold import caseless_lower

    low = caseless_lower(sentence)
    assert _any_casualty_word(sentence, low) is (_ANY.search(sentence) is not None)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # kin told by a possessive beside a count: each conjunct is one more person
        ("A glide bomb killed three boys and their father in Pisky.", 4, None),
        ("An old man and his three grandsons were wounded by the shell.", None, 4),
        ("Two sisters and their grandmother were killed overnight.", 3, None),
        ("The raid killed a farmer and their neighbour on Monday.", 2, None),
        # "their" before kin in the plural tells no count
        ("Volunteers and their children were hurt.", None, None),
        ("Half a dozen miners were hurt at the pit.", None, 6),
        # the tens in words run to ninety ("ninety-one" was read as one)
        ("Ninety-one passengers were hurt when the station was hit.", None, 91),
    ],
)
def test_kin_by_a_possessive_half_a_dozen_and_the_nineties_are_counted(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "injured"),
    [
        ("Seven more people, including two 15-year-old boys and a 9-year-old girl, were hurt.", 7),
        ("Eleven residents, among them three pensioners and a 4-year-old child, were wounded.", 11),
    ],
)
def test_a_long_aside_of_who_is_included_stands_between_a_count_and_its_verb(sentence, injured):
    assert parse_casualties(sentence).injured == injured


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # who is included follows the bare count itself, with no noun between
        ("Two were killed and another 9, including a baby, were wounded, the mayor said.", 2, 9),
        ("Four died, another 14, among them three schoolboys, were hurt.", 4, 14),
        ("Six, including two teenagers, were injured in the blast.", None, 6),
    ],
)
def test_who_is_included_may_follow_a_bare_count(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hedge and the counted noun before a listed place
        (
            "Artillery fire killed four people in Kupiansk and at least one person in Izium.",
            [("Kupiansk", 4, None), ("Izium", 1, None)],
        ),
        # the strike's places named first, their counts with the second naming of each
        (
            "Officials said Russia's shelling in Sumy and Poltava has reportedly killed four"
            " people in Sumy and two in Poltava.",
            [("Sumy", 4, None), ("Poltava", 2, None)],
        ),
    ],
)
def test_listed_places_keep_their_counts_told_with_a_hedge_or_a_second_naming(
    text, expected, gazetteer
):
    assert sorted(_attacks(text, gazetteer)) == sorted(expected)


@pytest.mark.parametrize(
    "between",
    ["", " Vitalii Kim, the head of the regional administration, said this on Telegram."],
)
def test_a_quoted_toll_repeating_a_counted_days_toll_is_not_the_city_told_last(between, gazetteer):
    # a region's day told as a tally of strikes, its city shelled as one of them, then the
    # governor's quote repeating the region's toll count for count
    text = (
        "Russian guns pounded the Mykolaiv region 64 times on Tuesday, leaving two dead and"
        f" eight wounded.{between} Artillery fired 40 shells at the city"
        " of Mykolaiv, the regional head reported. “As a result, two residents died, another"
        " eight, including a schoolgirl, were wounded,” he wrote."
    )
    assert sorted(_attacks(text, gazetteer)) == [
        ("Mykolaiv", None, None),
        ("Mykolaiv Oblast", 2, 8),
    ]


def test_a_risen_toll_and_the_recalled_first_report_of_its_strike_are_one_strike(gazetteer):
    text = (
        "The number of people hurt in the Russian drone attack on Dnipro has grown to 12, the"
        " regional governor said. Rescuers are still at work in the city. As reported earlier,"
        " today, April 30, a 71-year-old man was killed in Dnipro in a Russian attack, and a boy"
        " was injured."
    )
    assert _attacks(text, gazetteer) == [("Dnipro", 1, 12)]


def test_a_regions_risen_toll_is_the_later_count_of_its_citys_strike(gazetteer):
    text = (
        "The death toll from the rocket attack on a bus stop in the Mykolaiv region has risen"
        " to five, officials said on Tuesday. Rescuers said on Monday that rockets struck a bus"
        " stop in Mykolaiv, leaving three people dead and nine others injured."
    )
    assert _attacks(text, gazetteer) == [("Mykolaiv", 5, 9)]


@pytest.mark.parametrize(
    "second",
    [
        "The three men killed, aged 41, 58 and 63, were in Balakliia.",
        "The three killed were in Balakliia, police said.",
    ],
)
def test_the_dead_of_a_regions_toll_placed_by_were_in(second, gazetteer):
    text = (
        "Russian shelling killed three people and wounded five in Kharkiv Oblast over the past"
        f" day, the governor said. {second}"
    )
    assert ("Balakliia", 3, None) in _attacks(text, gazetteer)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # a count told as risen later in the same sentence replaces the first count of its kind
        ("Five people were hurt in Izium; the number of injured later rose to 9.", None, 9),
        ("Two were killed and 14 hurt, and the death toll later climbed to four.", 4, 14),
        # a toll revised upwards is the later count
        ("The death toll was later revised up to 11.", 11, None),
    ],
)
def test_a_toll_told_as_risen_or_revised_is_the_later_count(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # one of kin after a possessive's kin, the possessive shared: one more each
        ("A mortar round killed a farmer and wounded his wife and daughter.", 1, 2),
        ("The drone injured an old man and his son, nephew and niece.", None, 4),
        ("Shrapnel wounded her husband and grandson in the yard.", None, 2),
        # not the subject of a clause of its own
        ("The strike wounded his mother, and sister said they would leave.", None, 1),
    ],
)
def test_kin_after_a_possessive_share_it(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


# -- round 17 (tolls17): tolls split by town, victims counted as risen, a toll's own sentence --


@pytest.mark.parametrize(
    ("sentence", "killed", "moved"),
    [
        # the dead of a toll told before, each part at its town: killed, not injured who died
        ("Three of them died in the town of Izium, and two in Balakliia, she added.", 3, 0),
        ("Two of those died in Lyman.", 2, 0),
        # the injured who died later, or in a hospital, stay the injured who died
        ("Two of them later died in Izium.", None, 2),
        ("One of them died in Kharkiv City Hospital.", None, 1),
        ("One of them died in hospital on Friday.", None, 1),
    ],
)
def test_the_dead_of_a_toll_told_by_town_are_killed(sentence, killed, moved):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.died_of_injured) == (killed, moved)


def test_a_regions_dead_told_by_town_give_each_town_its_part(gazetteer):
    text = (
        "Russian shelling killed seven civilians in the Kharkiv region on Friday, the governor"
        " said. Five of them died in Izium and two in the town of Balakliia, according"
        " to police."
    )
    attacks = _attacks(text, gazetteer)
    assert ("Izium", 5, None) in attacks
    assert ("Balakliia", 2, None) in attacks


@pytest.mark.parametrize(
    ("sentence", "injured"),
    [
        ("By evening the number of victims had increased to 3, the governor wrote.", 3),
        ("The number of casualties from the shelling of the market has grown to eleven.", 11),
        ("The number of casualties has risen to 6.", 6),
    ],
)
def test_a_count_of_victims_told_as_risen_is_the_injured(sentence, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured, cas.update, cas.victims) == (None, injured, True, True)


@pytest.mark.parametrize(
    "sentence",
    [
        # the war's running tally, and a count whose kinds are told, are no such count
        "The total number of victims has grown to 40.",
        "Civilian casualties have risen to 9,000.",
    ],
)
def test_a_running_count_of_victims_is_no_strikes_count(sentence):
    assert not parse_casualties(sentence).victims


def test_the_kinds_told_beside_a_count_of_victims_are_read_instead():
    cas = parse_casualties("The number of victims rose to 12: four killed and eight injured.")
    assert (cas.killed, cas.injured) == (4, 8)


def test_a_strikes_victims_risen_replace_its_injured(gazetteer):
    text = (
        "A guided bomb struck Kupiansk on Sunday. One man was wounded, the governor said."
        " Later he wrote that the number of victims had increased to four."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", None, 4)]


def test_victims_risen_after_a_strike_that_counted_only_its_dead_are_the_dead(gazetteer):
    text = (
        "A missile hit a railway station in Lozova on Monday, killing three people. The number"
        " of victims of the strike on Lozova has since risen to six, officials said."
    )
    assert _attacks(text, gazetteer) == [("Lozova", 6, None)]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("The strike hit the port, also injuring two dozen.", None, 24),
        ("Two shells killed three dozen soldiers.", 36, None),
        # dozens told as a rough amount are left empty, as "dozens" is
        ("The strike hit the port, also injuring almost two dozen.", None, None),
        ("About three dozen people were hurt.", None, None),
        # one dozen, hedged, stays twelve
        ("The blast injured about a dozen people.", None, 12),
    ],
)
def test_a_word_before_dozen_counts_the_dozens(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    "after",
    [
        "",
        # who was among the dead, told after, is a part of the region's toll
        " Three teenagers were among the dead.",
    ],
)
def test_a_regions_toll_told_over_two_sentences_goes_to_the_town_it_struck(after, gazetteer):
    text = (
        "At least 14 people were killed in Russian missile strikes in the Mykolaiv region,"
        " rescuers said. More than 30 others were hurt. The target of the night attack on"
        f" the Pervomaisk community was a block of flats.{after}"
    )
    assert _attacks(text, gazetteer) == [("Pervomaisk", 14, 30)]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # where the counted people were, told by "at" and a noun of two words
        ("Shells set off a chlorine leak, with one worker at the storage site injured.", None, 1),
        ("Two guards at the fuel depot were hurt, the operator said.", None, 2),
        ("Four people in the covered market were killed.", 4, None),
        # a conjunction after the place ends the subject: the next count is a verb's own
        ("Drones killed two people in the centre and wounded six in the suburbs.", 2, 6),
    ],
)
def test_counted_people_placed_by_a_phrase_before_their_verb(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # who a toll includes is a lower bound of it, as who is among it
        ("The dead include three teenagers, the mayor said.", 3, None),
        ("Those wounded included an 81-year-old man and his wife.", None, 2),
        ("The injured include four firefighters.", None, 4),
    ],
)
def test_who_a_toll_includes_is_a_lower_bound(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured, cas.update) == (killed, injured, True)


@pytest.mark.parametrize(
    "bound",
    [
        "Three teenagers were among the dead, the mayor said.",
        "The dead include three teenagers, the mayor said.",
    ],
)
def test_a_toll_told_after_who_was_among_it_replaces_the_lower_bound(bound, gazetteer):
    text = (
        "A Russian glide bomb struck a school in Zolochiv on Thursday. "
        f"{bound} Later, the police said seven people had been killed."
    )
    assert _attacks(text, gazetteer) == [("Zolochiv", 7, None)]


def _attack_days(text, gazetteer, published):
    article = article_from_text(text, published=published)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return {e.place.name: e.date_start for e in events if e.event_type is EventType.ATTACK}


@pytest.mark.parametrize(
    ("quote", "day"),
    [
        # the quote tells the lead's toll again: its "today" is the day the lead gives
        ("Today, four people were killed by shelling in the Kharkiv region", dt.date(2024, 6, 8)),
        # another count: the quote's own day
        ("Today, two more people were killed by shelling in the Kharkiv region", None),
    ],
)
def test_a_quotes_today_retelling_the_leads_toll_is_the_leads_day(quote, day, gazetteer):
    text = (
        "Russian shelling killed four civilians in two towns of the east on Saturday, the"
        f' governor said. "{quote}," he wrote on Telegram. Three of them died in Izium and one'
        " in Balakliia, he added."
    )
    days = _attack_days(text, gazetteer, dt.date(2024, 6, 9))
    if day is None:
        assert dt.date(2024, 6, 8) not in days.values()
    else:
        assert days.get("Izium") == day


# --- round 19 (cas19): hedges, people safe, bodies people serve, a count's standing day ----


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # hedges of a lower or rough bound are dropped as "at least" is
        ("A drone hit a depot, killing one guard and injuring no fewer than 11 more.", 1, 11),
        ("Not less than nine residents were wounded, the mayor said.", None, 9),
        ("As many as 25 civilians were killed in the raid.", 25, None),
        ("Approximately 14 people were hurt.", None, 14),
        # "no one" told in other tenses, "harmed", and the people there said to be safe
        ("A garage burned down, but luckily the residents are safe.", 0, 0),
        ("No one has been harmed, the police reported.", 0, 0),
        ("The shelling passed without victims.", 0, 0),
        ("Nobody was hurt in the blast.", 0, 0),
        # who the counted serve, named at length before the verb
        ("A paramedic with the district's mobile first aid team was killed.", 1, None),
        ("Three workers of the regional water utility were injured.", None, 3),
        ("An employee of the city gas company was wounded.", None, 1),
    ],
)
def test_hedges_safety_and_bodies_served_r19(sentence, killed, injured):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (killed, injured)


@pytest.mark.parametrize(
    "standing",
    [
        "As of October 15, there are six dead.",
        "By the morning of October 15, six people had been killed.",
    ],
)
def test_a_count_told_as_of_a_later_day_is_the_strikes_r19(standing, gazetteer):
    text = f"On October 13 Russian drones struck a hostel in Kupiansk. {standing}"
    assert _attacks(text, gazetteer) == [("Kupiansk", 6, None)]


def test_a_toll_told_with_a_day_of_its_own_still_belongs_elsewhere_r19(gazetteer):
    text = (
        "On October 14 Russian drones struck a hostel in Kupiansk. Attacks on the region on"
        " October 12 killed six people."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", None, None)]


@pytest.mark.parametrize(
    "summary",
    [
        # the town's day summed over its strikes
        "In the last 24 hours the enemy fired 45 shells at Kupiansk. They hit a clinic and"
        " a depot, killing six people and injuring eleven others.",
        # the town with the region around it
        "Russian forces attacked Kupiansk, a town on the Oskil river, and the"
        " surrounding district, killing six people and injuring eleven, the governor said.",
    ],
)
def test_a_towns_own_strike_keeps_its_toll_beside_a_wider_sum_r19(summary, gazetteer):
    own = (
        "The Russians shelled the centre of Kupiansk overnight. A 66-year-old man and his wife"
        " died when a shell hit their house, and a 30-year-old woman was wounded."
    )
    assert _attacks(f"{own} {summary}", gazetteer) == [("Kupiansk", 2, 1)]
    if "district" in summary:  # the wider toll told first gives way as well
        assert _attacks(f"{summary} {own}", gazetteer) == [("Kupiansk", 2, 1)]


@pytest.mark.parametrize(
    "lead",
    [
        "Russia struck Ukraine's north with glide bombs, killing four people in their homes,"
        " officials said early Monday.",
        "Russian drones hit the region overnight, killing four people, officials said.",
    ],
)
def test_a_leads_dead_and_the_next_sentences_hurt_are_one_toll_r19(lead, gazetteer):
    text = (
        f"{lead} At least 31 people were wounded, five of them children, in the third"
        " consecutive nighttime attack on Kupiansk."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", 4, 31)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents were not hurt, the head of the community said.",
        "Civilians have not been injured.",
        "There were no dead or wounded in the village.",
        "No one was reported injured after the raid.",
        "Casualties were avoided, the mayor wrote.",
        "The blast did not cause any casualties.",
    ],
)
def test_none_told_in_more_ways_r19(sentence):
    cas = parse_casualties(sentence)
    assert (cas.killed, cas.injured) == (0, 0)


def test_people_hurt_also_are_more_of_the_toll_r19(gazetteer):
    text = (
        "Russian troops shelled Kupiansk on Tuesday. A 47-year-old man was wounded. A"
        " 71-year-old woman and a 19-year-old man were also injured."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", None, 3)]
    cas = parse_casualties("Both of them were also injured.")
    assert not cas.more_injured


@pytest.mark.parametrize(
    "span",
    [
        "Over the past week, Russian shelling of Kupiansk killed seven people and injured 25.",
        "Since the beginning of October, Russian attacks on Kupiansk have killed 19 people.",
    ],
)
def test_days_told_in_sum_leave_a_strikes_own_toll_whole_r19(span, gazetteer):
    text = f"On Tuesday, a Russian drone hit a minibus in Kupiansk, injuring three people. {span}"
    assert _attacks(text, gazetteer) == [("Kupiansk", None, 3)]


@pytest.mark.parametrize(
    "later",
    [
        "According to updated information, seven people were injured.",
        "Later, the mayor said seven people had been injured.",
        "As of the evening, seven people were injured.",
        "The regional administration later reported that seven people were wounded.",
    ],
)
def test_a_count_told_as_it_stands_later_replaces_a_lower_one_r19(later, gazetteer):
    text = f"Russian drones hit Kupiansk on Tuesday, injuring four people. {later}"
    assert _attacks(text, gazetteer) == [("Kupiansk", None, 7)]


def test_an_areas_tally_told_later_does_not_raise_a_strikes_count_r19(gazetteer):
    text = (
        "Russian drones hit Kupiansk on Tuesday, injuring four people. Later, the governor"
        " said 15 people had been injured across the region."
    )
    assert _attacks(text, gazetteer) == [("Kupiansk", None, 4)]


def test_verified_civilian_casualties_are_the_wars_tally_r19():
    cas = parse_casualties(
        "More than 9,300 civilian casualties, including over 4,000 killed, have been"
        " verified as of 3 June."
    )
    assert (cas.killed, cas.injured) == (None, None)
