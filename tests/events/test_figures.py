"""Head-counts of evacuations (geo.events.figures): sentences of our own."""

from __future__ import annotations

import pytest

from geo.events.figures import head_counts


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
