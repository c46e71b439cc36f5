"""City districts: "the Kyivskyi district of Kharkiv" is in Kharkiv, not a namesake elsewhere.

Ukrainian and Russian cities are divided into districts named by adjectives (Kyivskyi,
Saltivskyi, Dniprovskyi, Shevchenkivskyi). GeoNames lists some of them as populated places of
their own, each in one city only, so a bare reading puts Kharkiv's Kyivskyi district in
Poltava or Kherson's Dniprovskyi in Kyiv. Local outlets name the city with the district
("the X district of Y", "Y's X district") or just before it ("Y was shelled ... in the X
district"): that city is the place.
"""

from __future__ import annotations

import re

from geo.places.sections import MIN_CITY_POPULATION, section_radius_km
from geo.places.spatial import great_circle_km
from geo.records import Candidate, Place, PlaceKind, ToponymRole
from geo.toponyms.tokens import Mention, Token
from geo.toponyms.words import THEATRE

__all__ = ["city_districts", "town_parts"]

# The adjective of a district name: "Kyivskyi", "Dniprovskyi", "Kirovsky", "Tsentralnyi".
_ADJECTIVE = re.compile(r"(?:sk|ck|n)(?:yi|yy|iy|ii|y|ij|yj)$|(?:ськ|ск|н)(?:ий|ій|ый)$")
# Or its English translation: a city's "Central" or "Industrial" district (Tsentralnyi,
# Promyslovyi), which GeoNames knows only as other countries' units (Israel's Central and
# Southern districts).
_ENGLISH_ADJECTIVES = frozenset(
    ["central", "northern", "southern", "eastern", "western", "industrial", "soviet"]
)
_DISTRICT_WORDS = frozenset(["district", "raion", "rayon", "район"])
# The score that makes the city the reading: above any reading the article can back.
_CITY_SCORE = 20.0
_NEAR_CHARS = 150  # a city this close before a district name is the district's city
_RAION_NEAR_KM = 100.0  # a raion whose point is this near the city may be the one meant


def _is_district(m: Mention, toks: list[Token]) -> bool:
    return (
        m.j - m.i >= 2
        and toks[m.j - 1].norm in _DISTRICT_WORDS
        and (
            bool(_ADJECTIVE.search(toks[m.j - 2].norm))
            or (m.j - m.i == 2 and toks[m.j - 2].norm in _ENGLISH_ADJECTIVES)
        )
    )


def _city(m: Mention) -> Place | None:
    """The reading of ``m`` as a city of the theatre that can have districts, if it is one."""
    if m.admin1_form or m.role not in (ToponymRole.LITERAL, ToponymRole.METONYMIC):
        return None
    towns = [
        c.place
        for c in m.cands
        if c.place.kind is PlaceKind.POPULATED_PLACE
        and c.place.country_code in THEATRE
        and (c.place.population or 0) >= MIN_CITY_POPULATION
    ]
    return max(towns, key=lambda p: p.population or 0, default=None)


def _raion_of(m: Mention, city: Place) -> bool:
    """Whether ``m`` reads as a raion around the city ("the Beryslav district of Kherson").

    A raion of the city's oblast, or one next to the city: Kyiv is an oblast of its own, and
    its neighbours (Bucha, Vyshhorod raions) lie in Kyiv Oblast.
    """
    return any(
        c.place.kind is PlaceKind.ADMIN2
        and (
            c.place.admin1_code == city.admin1_code
            or great_circle_km(c.place.lat, c.place.lon, city.lat, city.lon) <= _RAION_NEAR_KM
        )
        for c in m.cands
    )


def _named_with(m: Mention, toks: list[Token], by_start: dict[int, Mention]) -> Place | None:
    """The city of "the X district of Y" or "Y's X district", if the text names one so."""
    after = by_start.get(m.j + 1) if m.j < len(toks) and toks[m.j].norm == "of" else None
    before = next((n for n in by_start.values() if n.j == m.i and toks[n.j - 1].possessive), None)
    for other in (after, before):
        city = _city(other) if other is not None else None
        if city is not None and not _raion_of(m, city):
            return city
    return None


def _named_before(m: Mention, cities: list[tuple[Mention, Place]]) -> Place | None:
    """The city the district belongs to among those the article named before it.

    A city with a namesake section of the district within its reach wins ("Kyivskyi" lies in
    Donetsk); otherwise the city named last.
    """
    before = [(n, p) for n, p in cities if n.end <= m.start]
    if not before:
        return None
    sections = [c.place for c in m.cands]
    for _, city in reversed(before):
        reach = section_radius_km(city.population or 0)
        if any(great_circle_km(s.lat, s.lon, city.lat, city.lon) <= reach for s in sections):
            return city
    return before[-1][1]


def city_districts(toks: list[Token], mentions: list[Mention]) -> None:
    """Read each city-district name as the city it belongs to.

    With the city named beside it ("of Y", "Y's") the city always wins unless the name is a
    raion of the city's oblast. Without, only a name that no raion bears (its readings are
    all sections or villages) takes the city the article named before it.
    """
    districts = [m for m in mentions if m.cands and _is_district(m, toks)]
    if not districts:
        return  # most texts name no city district: no need to look for their cities
    by_start = {m.i: m for m in mentions}
    cities = [(m, p) for m in mentions if (p := _city(m)) is not None]
    decided: dict[str, Place] = {}
    pending = []
    for m in districts:
        city = _named_with(m, toks, by_start)
        if city is not None:
            decided.setdefault(m.key, city)
            _take(m, city)
        else:
            pending.append(m)
    for m in pending:
        city = decided.get(m.key)
        if city is None and all(c.place.kind is PlaceKind.POPULATED_PLACE for c in m.cands):
            city = _named_before(m, cities)
        if city is None:
            # "tragic in Kherson, the enemy shelled ... in Dniprovsky district": a raion of
            # another oblast (Dnipro Raion) is not meant right after a city named beside it
            near = [(n, p) for n, p in cities if 0 <= m.start - n.end <= _NEAR_CHARS]
            if near and not _raion_of(m, near[-1][1]):
                city = near[-1][1]
        if city is not None:
            _take(m, city)


def _take(m: Mention, city: Place) -> None:
    top = max(m.scores, default=0.0)
    m.cands = [Candidate(city, 0.0, "district"), *m.cands]
    m.scores = [max(top, 0.0) + _CITY_SCORE, *m.scores]


# A part of a town named by its own name: "the X neighbourhood of Y", "the X microdistrict of
# the town of Y". Such names are rarely in the index, and a namesake abroad or across the
# front takes the event far from the town it lies in.
_PART_WORDS = frozenset(["neighbourhood", "neighborhood", "microdistrict", "quarter"])
_SETTLEMENT_WORDS = frozenset(["town", "city", "village", "settlement"])
_PART_GAP_WORDS = 4  # "the embattled frontline town of": at most this many words before "of"


def _part_of(m: Mention, toks: list[Token], by_start: dict[int, Mention]) -> Mention | None:
    """The town named after "X neighbourhood of", if the text names one so."""
    k = m.j
    if k + 1 >= len(toks) or toks[k].norm not in _PART_WORDS or toks[k + 1].norm != "of":
        return None
    k += 2
    if k < len(toks) and toks[k].norm == "the":
        k += 1
    if k in by_start:
        return by_start[k]
    for step in range(_PART_GAP_WORDS):
        at = k + step
        if at + 1 >= len(toks) or (step and at in by_start):
            return None
        if toks[at].norm in _SETTLEMENT_WORDS and toks[at + 1].norm == "of":
            return by_start.get(at + 2)
    return None


def town_parts(toks: list[Token], mentions: list[Mention]) -> None:
    """Read a part of a town named as such ("the X neighbourhood of Y") as that town.

    Only a town of the theatre read as a settlement: "the X quarter of Paris" is left to
    the ordinary reading.
    """
    # a list of the words, then one set test: cheaper than a generator over every word
    if _PART_WORDS.isdisjoint([t.norm for t in toks]):
        return  # most texts name no part of a town: no need to index the mentions
    by_start = {m.i: m for m in mentions}
    for m in mentions:
        town = _part_of(m, toks, by_start)
        if town is None or not town.cands or town.admin1_form:
            continue
        best = max(range(len(town.cands)), key=town.scores.__getitem__)
        place = town.cands[best].place
        if place.kind is PlaceKind.POPULATED_PLACE and place.country_code in THEATRE:
            _take(m, place)
