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
