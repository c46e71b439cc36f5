"""An airport named after its town is at that town, whatever oblast the text also names."""

from __future__ import annotations

from geo.records import PlaceKind, ToponymRole
from geo.toponyms.geoparse import geoparse


def test_an_airport_name_reads_as_its_town_not_the_oblast_named_beside_it(gazetteer):
    text = "A missile hit Vinnytsia International Airport in western Vinnytsia province today."
    top = next(t for t in geoparse(text, gazetteer=gazetteer) if t.surface == "Vinnytsia")
    assert top.role is ToponymRole.EMBEDDED
    assert top.place.kind is PlaceKind.POPULATED_PLACE and top.place.name == "Vinnytsia"
