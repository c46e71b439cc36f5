"""Airports named after their towns: "Vinnytsia International Airport" is at Vinnytsia.

A name inside an airport's name is embedded in a longer proper name, but the airport serves
the town it is named after and lies at it, so the town, not a namesake oblast the article
also names ("in central Vinnytsia province"), is the reading.
"""

from __future__ import annotations

from geo.records import PlaceKind, ToponymRole
from geo.toponyms.tokens import Mention, Token

__all__ = ["AIRPORT_AFTER", "airport_towns"]

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
