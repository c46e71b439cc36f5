"""Facilities named after a place: airports at their towns, nuclear plants at their sites.

A name inside an airport's name is embedded in a longer proper name, but the airport serves
the town it is named after and lies at it, so the town, not a namesake oblast the article
also names ("in central Vinnytsia province"), is the reading. A nuclear power plant is named
after its oblast or the region's city and stands at a town of its own, tens of kilometres
away ("the Zaporizhzhia nuclear power plant" is at Enerhodar): a strike on it is there.
"""

from __future__ import annotations

import re

from geo.places.gazetteer import Gazetteer
from geo.records import Candidate, PlaceKind, ToponymRole
from geo.toponyms.tokens import Mention, Token

__all__ = ["AIRPORT_AFTER", "airport_towns", "plant_sites"]

# Kinds and roles compared at every reading and mention, held as module names: an enum's
# ``X.Y`` goes through its metaclass's attribute hook (about 90 ns; see geoparse).
_POPULATED = PlaceKind.POPULATED_PLACE
_EMBEDDED = ToponymRole.EMBEDDED

# What may stand between the town and "Airport" in the name.
_BETWEEN = frozenset(["international", "regional", "civil", "city"])
AIRPORT_AFTER = r"^(?:\s+(?:International|Regional|Civil|City))?\s+[Aa]irport\b"
_TOWN_SCORE = 20.0  # above any reading the article can back


def _names_airport(m: Mention, toks: list[Token]) -> bool:
    k = m.j
    while k < len(toks) and toks[k - 1].joined and toks[k].norm in _BETWEEN:
        k += 1
    return k < len(toks) and toks[k - 1].joined and toks[k].norm == "airport"


def airport_towns(toks: list[Token], mentions: list[Mention]) -> None:
    """Read each name that an airport's name begins with as its biggest namesake town."""
    for m in mentions:
        if m.role is not _EMBEDDED or not _names_airport(m, toks):
            continue
        towns = [k for k, c in enumerate(m.cands) if c.place.kind is _POPULATED]
        if towns:
            best = max(towns, key=lambda k: m.scores[k])
            m.scores[best] = max(m.scores) + _TOWN_SCORE


# The plants of the theatre and its neighbours named after another place than their site's
# town, by the name's lower case: the town, and the oblast it lies in (GeoNames' admin-1).
_PLANT_SITES = {
    "zaporizhzhia": ("Enerhodar", "Zaporizhzhia Oblast"),
    "zaporizhzhya": ("Enerhodar", "Zaporizhzhia Oblast"),
    "zaporozhye": ("Enerhodar", "Zaporizhzhia Oblast"),
    "kursk": ("Kurchatov", "Kursk Oblast"),
    "khmelnytskyi": ("Netishyn", "Khmelnytskyi Oblast"),
    "khmelnytsky": ("Netishyn", "Khmelnytskyi Oblast"),
    "rivne": ("Varash", "Rivne Oblast"),
    "smolensk": ("Desnogorsk", "Smolensk"),
}
_PLANT_AFTER = re.compile(
    r"\s*-?\s*(?:nuclear\s+power\s+(?:plant|station)|nuclear\s+plant|atomic\s+power\s+"
    r"(?:plant|station)|NPP|NPS|ZNPP)\b",
    re.IGNORECASE,
)


def plant_sites(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Read a name that a nuclear plant's name begins with as the plant's own town.

    Parameters
    ----------
    text
        The article text the mentions were read from.
    mentions
        The article's mentions; each one that opens a known plant's name ("Kursk nuclear
        power plant") has its readings replaced, in place, by the plant's town alone.
    gaz
        The gazetteer the town is looked up in, by its name and its oblast; a mention whose
        town it lacks keeps its readings.
    """
    for m in mentions:
        site = _PLANT_SITES.get(m.surface.lower())
        if site is None or not _PLANT_AFTER.match(text, m.end):
            continue
        town = next(
            (
                c.place
                for c in gaz.lookup(site[0])
                if c.place.kind is _POPULATED and c.place.admin1_name == site[1]
            ),
            None,
        )
        if town is not None:
            m.cands = [Candidate(town, 0.0, "facility")]
            m.scores = [0.0]
