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
        if not _RELATIONAL_BEFORE.search(lead):
            return []
        named = _apposed_names(text, trig_end, t, tops)
        if named is None and beyond_reach(text, t):
            return []  # "took a village 40 km south of X": X is no dot for it
        return [t] if named is None else named
    return []


# A distance told before a reference town: "about 45 kilometres (28 miles) south of", "40 km
# from". The number and its unit, then a bearing or "from" and the town.
_DISTANCE_BEFORE = re.compile(
    r"\b(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>km|kms|kilomet(?:re|er)s?|miles?)\b"
    r"(?:\s*\([^()]{0,25}\))?"
    rf"\s+(?:(?:to\s+the\s+)?{_BEARING}\s+of|(?:away\s+)?from)\s+"
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:town|city|village|settlement|port)\s+of\s+)?$",
    re.IGNORECASE,
)
# Beyond this, a town a place is measured from is too far to stand for it (the reach
# geo.toponyms.relative gives an unknown name's anchor, and the radius an event is matched in).
REACH_KM = 25.0


def beyond_reach(text: str, ref: Toponym) -> bool:
    """Whether a reference town is told more than ``REACH_KM`` from the place it situates.

    "captured two villages some 30 kilometres east of X": X's point would stand 30 km from
    the villages, a wrong dot, so X places nothing (a shorter distance, or "near X", is
    close enough for X's point to stand for the place).
    """
    m = _DISTANCE_BEFORE.search(text, max(0, ref.start - 90), ref.start)
    if m is None:
        return False
    km = float(m.group("n")) * (1.609 if m.group("unit").lower().startswith("mile") else 1.0)
    return km > REACH_KM


# The plural noun of the places the trigger counts ("took two villages some 30 km east of X,
# A and B"): the names apposed after the reference town are those places.
_COUNTED_NOUN = re.compile(r"\b(?:villages|settlements|towns|localities|hamlets)\b", re.IGNORECASE)
_APPOSED_GAP = re.compile(r"\s*(?:,|,?\s+and)\s+")
_APPOSED_END = re.compile(r"\s*(?:[.;:!?,)]|$)")
_NAME_APPOSED = re.compile(r",\s+[A-Z]")


def _apposed_names(
    text: str, trig_end: int, ref: Toponym, tops: list[Toponym]
) -> list[Toponym] | None:
    """The settlements apposed after a reference town, when the trigger counts places.

    "captured two villages some 30 km east of X, A and B": X only measures where the
    villages lie; A and B, set off by a comma after it, name them. The list must end its
    clause (a stop, a comma, a bracket) and hold settlements only. None when no name is
    apposed; an empty list when the names are there but not all resolved (the reference
    town is still not the place).
    """
    if not _COUNTED_NOUN.search(text, trig_end, ref.start) or not _NAME_APPOSED.match(
        text, ref.end
    ):
        return None
    out: list[Toponym] = []
    last = ref
    for t in tops:
        if t.start < ref.end:
            continue
        gap = _APPOSED_GAP.fullmatch(text, last.end, t.start)
        if gap is None or t.place.kind is not PlaceKind.POPULATED_PLACE:
            break
        if last is ref and not text.startswith(",", ref.end):
            break  # "east of X and Y": two reference towns, not the places counted
        out.append(t)
        last = t
    if not out or not _APPOSED_END.match(text, last.end):
        return []
    return out
