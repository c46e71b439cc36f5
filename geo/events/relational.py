"""A place the event is told relative to: "south and east of X", "not far from X".

Front reports often place a clash, a push or a withdrawal by bearing or distance from a town
rather than at it: "capturing ground to the north, northwest and west of X", "a new offensive
from north and northeast of X Oblast", "clashes not far from X", "pulled out of a strongpoint
in the south of X". The phrase scanner stops at the list of bearings or at "not far from";
this fallback finds the town such a phrase measures from, in the trigger's own clause, when
the trigger governs no other place. An analyst codes the event at that town (within the
matching radius of any point a report describes this way).
"""

from __future__ import annotations

import re

from geo.records import EventType, PlaceKind, Toponym

# Ground fighting and strikes are told this way; evacuations and talks are not.
RELATIONAL_TYPES = frozenset({EventType.OFFENSIVE, EventType.ADVANCE, EventType.ATTACK})

_BEARING = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
# "to the north, northwest and west of", "from north and northeast of", "in the south of",
# "not far from", "a few kilometres from", "just outside": the words right before the place
_RELATIONAL_BEFORE = re.compile(
    r"(?:"
    r"\b(?:(?:to|in|on|from|at)\s+)?(?:the\s+)?"
    rf"{_BEARING}(?:\s*(?:,|and|or)\s*(?:the\s+)?{_BEARING})*"
    r"(?:\s+(?:part|outskirts|edge|side|flank))?\s+of"
    r"|\bnot\s+far\s+from"
    r"|\b(?:a\s+few|several|\d+(?:\.\d+)?)\s*(?:km|kilometres|kilometers|miles)\s+from"
    r")\s+(?:the\s+)?(?:(?:town|city|village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)
# A new clause, a report or a comparison between the trigger and the place: another event's
# setting, not this one's ("attacks were repelled, the ministry said, south of X" is rare
# enough to give up).
_CLAUSE_BREAK = re.compile(
    r"[.;:!?]|\b(?:but|while|whereas|which|who|whose|said|says|told|according|after|before|"
    r"since|because|unlike|compared|than|if|unless)\b",
    re.IGNORECASE,
)
_REACH = 120  # characters from the trigger's end to the place


def relational_place(
    text: str, trig_type: EventType, trig_end: int, tops: list[Toponym]
) -> list[Toponym]:
    """The place a bearing or distance phrase after the trigger measures from, else nothing.

    Parameters
    ----------
    text
        The article text.
    trig_type
        The trigger's event type; only ground fighting, advances and strikes.
    trig_end
        Where the trigger ends.
    tops
        The sentence's resolved places, in text order.

    Returns
    -------
    list of Toponym
        The first place after the trigger in its clause, when the words before it say
        "(to the) south (and east) of", "not far from" or "N km from"; else an empty list.
    """
    if trig_type not in RELATIONAL_TYPES:
        return []
    for t in tops:
        if t.start < trig_end:
            continue
        if t.start - trig_end > _REACH or _CLAUSE_BREAK.search(text, trig_end, t.start):
            return []
        if t.place.kind is PlaceKind.COUNTRY or text.startswith(("'s", "\u2019s"), t.end):
            return []  # "Ukraine's", "Russia's forces": an owner; a country is no bearing point
        lead = text[max(trig_end, t.start - 80) : t.start]
        return [t] if _RELATIONAL_BEFORE.search(lead) else []
    return []
