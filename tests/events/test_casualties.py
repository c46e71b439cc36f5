"""Casualty counts of one sentence: additions to earlier counts, medical help as injury."""

from __future__ import annotations

import pytest

from geo.events.casualties import parse_casualties


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
