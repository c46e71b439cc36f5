"""Admin-1 units read from the shipped polygons (geo.places.boundaries)."""

from __future__ import annotations

import pytest

from geo.places.boundaries import has_land_border


@pytest.mark.parametrize(
    ("code", "border"),
    [
        ("UA.21", True),  # Sumy Oblast: Russia
        ("UA.13", True),  # Kyiv Oblast: Belarus
        ("RU.41", True),  # Kursk Oblast: Ukraine
        ("UA.18", False),  # Poltava Oblast: inland
        ("RU.47", False),  # Moscow Oblast: inland
        ("UA.26", False),  # Zaporizhzhia Oblast: a sea coast is no land border
    ],
)
def test_a_unit_has_a_land_border_when_another_countrys_unit_touches_it(code, border):
    assert has_land_border(code) is border


def test_a_code_the_file_lacks_is_not_taken_for_inland():
    assert has_land_border("XX.99") is True
