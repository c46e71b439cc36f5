"""Head-counts of evacuations (geo.events.figures): sentences of our own."""

from __future__ import annotations

import pytest

from geo.events.figures import head_counts, parse_figures


@pytest.mark.parametrize(
    "sentence",
    [
        "The new call on residents to leave Kivsharivka, with its population of "
        "about 7,000 people, shows the danger.",
        "The order covers Kivsharivka, home to some 9,000 residents before the war.",
        "Kivsharivka, a town of 12,000 people, is being evacuated.",
    ],
)
def test_who_lived_in_a_place_is_no_count_of_evacuees(sentence):
    assert head_counts(sentence)[0] is None


def test_a_count_of_evacuees_beside_a_population_is_still_read():
    sentence = "A population of about 300 people remains, and 1,200 people were evacuated."
    assert head_counts(sentence)[0] == 1200


def test_who_a_district_has_is_who_lives_there_not_who_left():
    people, _, _ = head_counts(
        "The Rylsky district, which has about 23,000 residents, was being evacuated."
    )
    assert people is None


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Forty-three people were taken out of the town on Monday.", (43, None)),
        ("Seventy two residents, including twenty-one children, left.", (72, 21)),
        ("10-12 people were evacuated.", (12, None)),
    ],
)
def test_a_compound_number_word_is_read_whole(sentence, figures):
    assert parse_figures(sentence) == figures


@pytest.mark.parametrize(
    "sentence",
    [
        "He urged residents to leave after three people were killed, and hundreds of "
        "children were evacuated.",
        "Shelling overnight, killing four people, forced hundreds of families to flee.",
    ],
)
def test_the_dead_or_hurt_a_sentence_counts_are_no_head_count(sentence):
    assert parse_figures(sentence) == (None, None)


def test_who_live_in_the_places_of_an_order_are_no_head_count():
    sentence = "About 2,100 people, including 180 children, live in the villages of the order."
    assert parse_figures(sentence) == (None, None)


def test_children_counted_as_done_are_no_count_of_people():
    assert parse_figures("Since Monday 9 children have been evacuated, 14 more remain.") == (
        None,
        9,
    )


def test_a_count_of_one_person_is_read():
    assert parse_figures("Shelling broke the truce, so only one person was taken out.") == (1, None)
