"""A place tied to the event by a cause or a concession: "remain in X despite shelling".

Reports tell the state of a town and give the event as its cause or as what it withstands:
"some 1,600 people still live in X despite a heavy offensive and daily shelling", "the
flooding of the plain below X was caused by explosions", "because of the danger in five
communities of the X district, officials ordered an evacuation". The trigger then governs no
place, but the cause phrase joins it to the town the clause is about, and an analyst codes the
event there.
"""

from __future__ import annotations

import re

from geo.records import EventType, PlaceKind, Toponym

CAUSAL_TYPES = frozenset(
    {EventType.OFFENSIVE, EventType.ATTACK, EventType.EVACUATION, EventType.DISPLACEMENT}
)
_FINE = (PlaceKind.POPULATED_PLACE, PlaceKind.ADMIN2, PlaceKind.ADMIN1)
# Between the place and the trigger: the state told of the place, then the cause word and at
# most four words of the trigger's own phrase ("despite a large-scale enemy offensive"). Not
# "due to", "as a result of": after a place they give the cause of another event told there
# (an evacuation "due to increased attacks", a toll "as a result of attacks over the past
# day"), which has its own place, or a region's summary.
_CAUSE_AFTER = re.compile(
    r"[^.;:!?]{0,80}?\b(?:despite|amid|amidst|caused by|in the face of)\s+"
    r"(?:[\w'\u2019,-]+\s+){0,4}$",
    re.IGNORECASE,
)
# The cause told first: "Due to the danger in X, officials ordered ...": the trigger is in the
# main clause after the first comma that closes the fronted phrase.
_CAUSE_FIRST = re.compile(
    r"\s*(?:due to|because of|amid|amidst|in view of|given)\b[^.;:!?]{0,160}?,",
    re.IGNORECASE,
)
# A cause of a cause: "without power due to damaged lines caused by strikes" tells an outage,
# and the strikes behind it are the reason's reason, not news told of the place.
_NESTED_CAUSE = re.compile(r"\b(?:due to|because of|as a result of|owing to)\b", re.IGNORECASE)
_OTHER_CLAUSE = re.compile(
    r"\b(?:said|says|told|according|which|who|whose|where|but|while|whereas|than|unlike)\b",
    re.IGNORECASE,
)


def _finest_nested(group: list[Toponym]) -> list[Toponym]:
    """The finest place of a group when the others only hold it ("X, Y region"), else none."""
    cands = [t for t in group if t.place.kind in _FINE]
    if not cands:
        return []
    finest = min(cands, key=lambda t: _FINE.index(t.place.kind))
    for t in cands:
        a, b = t.place, finest.place
        if a.place_id != b.place_id and (
            _FINE.index(a.kind) <= _FINE.index(b.kind) or a.admin1_code != b.admin1_code
        ):
            return []
    return [finest]


def causal_place(
    text: str, trig_type: EventType, trig_start: int, sent_start: int, tops: list[Toponym]
) -> list[Toponym]:
    """The place a cause or concession phrase joins the trigger to, else nothing.

    Parameters
    ----------
    text
        The article text.
    trig_type
        The trigger's type: fighting, strikes, evacuations and flight.
    trig_start
        Where the trigger starts.
    sent_start
        Where its sentence starts.
    tops
        The sentence's resolved places, in text order.

    Returns
    -------
    list of Toponym
        The finest of the places the clause before the trigger names, when a cause word
        ("despite", "amid", "caused by", "due to") stands just before the trigger, or the
        sentence opens with a cause phrase naming them and the trigger follows it; the
        places must nest (a town and its oblast), and no report or new clause may come
        between.
    """
    if trig_type not in CAUSAL_TYPES:
        return []
    before = [
        t
        for t in tops
        if sent_start <= t.start
        and t.end <= trig_start
        and t.place.kind is not PlaceKind.COUNTRY
        and not text.startswith(("'s", "\u2019s"), t.end)
    ]
    if not before:
        return []
    gap = text[before[-1].end : trig_start]
    if (
        _CAUSE_AFTER.fullmatch(gap)
        and not _OTHER_CLAUSE.search(gap)
        and not _NESTED_CAUSE.search(gap)
    ):
        # the places of the clause the cause phrase closes: those from the last comma-free run
        lo = text.rfind(".", sent_start, before[-1].start) + 1
        run = [
            t for t in before if t.start >= lo and not _OTHER_CLAUSE.search(text, t.end, trig_start)
        ]
        return _finest_nested(run)
    first = _CAUSE_FIRST.match(text, sent_start)
    if first is not None and first.end() <= trig_start:
        if _OTHER_CLAUSE.search(text, first.end(), trig_start):
            return []
        return _finest_nested([t for t in before if t.end <= first.end()])
    return []
