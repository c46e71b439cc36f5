"""Facilities named after a place: an airport at its town, a nuclear plant at its own site."""

from __future__ import annotations

import pytest

from geo.records import PlaceKind, ToponymRole
from geo.toponyms.geoparse import geoparse


def test_an_airport_name_reads_as_its_town_not_the_oblast_named_beside_it(gazetteer):
    text = "A missile hit Vinnytsia International Airport in western Vinnytsia province today."
    top = next(t for t in geoparse(text, gazetteer=gazetteer) if t.surface == "Vinnytsia")
    assert top.role is ToponymRole.EMBEDDED
    assert top.place.kind is PlaceKind.POPULATED_PLACE and top.place.name == "Vinnytsia"


# --- nuclear plants named after another place than their town (helper place12) -------------


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Shelling cut a power line at the Zaporizhzhia nuclear power plant on Friday.",
            "Enerhodar",
        ),
        ("A drone fell near the Kursk NPP's cooling pond overnight.", "Kurchatov"),
    ],
)
def test_a_nuclear_plant_named_after_a_city_is_read_at_its_own_town(gazetteer, text, town):
    (top,) = [t for t in geoparse(text, gazetteer=gazetteer) if t.place is not None]
    assert top.place.name == town


def test_the_city_a_plant_is_named_after_keeps_its_reading_elsewhere(gazetteer):
    text = "Missiles hit Zaporizhzhia on Friday. The Zaporizhzhia nuclear plant was not hit."
    names = [t.place.name for t in geoparse(text, gazetteer=gazetteer) if t.place is not None]
    assert names == ["Zaporizhzhia", "Enerhodar"]
