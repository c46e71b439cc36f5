"""Sections of a settlement: city districts that GeoNames lists as populated places of their own.

GeoNames gives Donetsk (901,645) and also its districts (Kyivskyi 139,177, Rutchenkivskyi
168,029, ...), each with its own population; summing both counts the city twice.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SECTION_NAME", "is_section", "section_radius_km"]

# How a district of a Ukrainian or Russian city is named: an adjective ("Kyivskyi",
# "Tsentralno-Miskyi", "Livoberezhnyi" raion, in Latin or Cyrillic), or a neighbourhood word
# ("Pravyi Bereh", "Sotsmisto", "Tekstylnyk"). Real towns with such names (Pervomaiskyi,
# 29,000 people) lie far from a bigger town, so the name alone never drops a place.
SECTION_NAME = re.compile(
    r"(?:(?:yi|yy|iy|ij|yj|ii|oi|oy|ий|ій|ый|ой)$)"
    r"|\b(?:raion|rayon|район|mikro\w*|мікро\w*|микро\w*|bereh|sotsmisto|tekstylnyk)\b",
    re.IGNORECASE,
)
# A settlement of at least this many people can have sections (a village has none).
MIN_CITY_POPULATION = 50_000


def section_radius_km(population: float) -> float:
    """How far from a city's point its districts lie: 15 km for Donetsk, 10 km for Mariupol.

    Grows with the square root of the population (a city's extent with its area), from 5 km
    to 15 km: wider would take in Moscow's satellite towns (Dolgoprudny, 20 km out).
    """
    return min(15.0, max(5.0, 0.02 * float(population) ** 0.5))


def is_section(places: pd.DataFrame) -> pd.Series:
    """Which rows are sections of a bigger settlement, not settlements of their own.

    A row is a section when its name reads as a district (``SECTION_NAME``) and it lies within
    ``section_radius_km`` of a city (``MIN_CITY_POPULATION`` or more) whose own name does not.
    So Donetsk's Kyivskyi is dropped and Donetsk kept; Makiyivka, 10 km from Donetsk, is a
    town and stays. A town with a district-like name right next to a city (Zarechny by
    Penza) is taken for a section: rare, and the price of having no feature codes.

    Parameters
    ----------
    places : pandas.DataFrame
        Columns name, lat, lon, population (missing populations count as 0).

    Returns
    -------
    pandas.Series of bool
        Aligned with ``places``.
    """
    import numpy as np
    import pandas as pd

    from geo.places.spatial import haversine_km

    names = places["name"].astype(str)
    district = names.str.contains(SECTION_NAME).to_numpy(dtype=bool)
    out = np.zeros(len(places), dtype=bool)
    if not district.any():
        return pd.Series(out, index=places.index)
    pop = pd.to_numeric(places["population"], errors="coerce").fillna(0).to_numpy(dtype=float)
    lat = np.radians(places["lat"].to_numpy(dtype=float))
    lon = np.radians(places["lon"].to_numpy(dtype=float))
    cities = np.flatnonzero(~district & (pop >= MIN_CITY_POPULATION))
    todo = np.flatnonzero(district)
    for c in cities:
        radius = section_radius_km(pop[c])
        # A cheap box first: a degree of latitude is more than 110 km.
        near = todo[np.abs(lat[todo] - lat[c]) < np.radians(radius / 110.0)]
        if near.size:
            dist = haversine_km(lat[near], lon[near], lat[c], lon[c])
            out[near[dist <= radius]] = True
    return pd.Series(out, index=places.index)
