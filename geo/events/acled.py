"""Our event types mapped onto ACLED's event types and sub-event types, as analysts code them.

One table (docs/events.md, "ACLED labels") read from cues an ``Event`` already carries: its
type, status, place kind and words of its quote. Casualties never change the labels.
"""

from __future__ import annotations

import re

from geo.records import Event, EventStatus, EventType, PlaceKind
from geo.text.casefold import Gated

__all__ = [
    "ACLED_EVENT_TYPES",
    "BATTLES",
    "EXPLOSIONS",
    "STRATEGIC",
    "VIOLENCE_AGAINST_CIVILIANS",
    "acled_labels",
]

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
STRATEGIC = "Strategic developments"

# Every label pair this module gives. ACLED's own, except the last two: ACLED has no
# evacuation or displacement category (it would file them under "Other", if at all); we keep
# them apart under Strategic developments so an analyst can filter them, and say so in docs.
# Protests and Riots are ACLED types we never produce: the extractor has no trigger for them.
ACLED_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EXPLOSIONS: (
        "Shelling/artillery/missile attack",
        "Air/drone strike",
        "Remote explosive/landmine/IED",
    ),
    VIOLENCE_AGAINST_CIVILIANS: ("Attack",),
    STRATEGIC: (
        "Agreement",
        "Non-violent transfer of territory",
        "Headquarters or base established",
        "Other",
        "Evacuation",
        "Displacement",
    ),
}


def _words(*patterns: str) -> Gated:
    # An event's quote is asked by several of these in a row, and most hold none of their
    # words: each asks its lower-case twin first (geo.text.casefold.Gated).
    return Gated(re.compile(r"\b(?:" + "|".join(patterns) + r")", re.IGNORECASE))


# Weapons that come from the air: drones, aircraft and what they drop. Checked before the
# ground weapons, because ACLED files an air-launched missile as an air strike and a combined
# "missiles and drones" attack reads as one.
_AIR = _words(
    r"drones?\b", r"uavs?\b", r"shaheds?\b", r"geran", r"air ?strikes?\b", r"air raids?\b",
    r"aerial", r"aircraft", r"warplanes?\b", r"jets?\b", r"helicopters?\b", r"bombers?\b",
    r"(?:guided|glide|gliding|aerial|cluster) bombs?\b", r"bombed\b", r"bombing",
)  # fmt: skip
_REMOTE_EXPLOSIVE = _words(
    r"(?:land)?mines?\b", r"ieds?\b", r"improvised explosive", r"explosive devices?\b",
    r"car bombs?\b", r"booby", r"roadside bombs?\b", r"tripwire",
)  # fmt: skip
# Direct, not remote, violence on civilians: ACLED's Violence against civilians / Attack.
_ON_CIVILIANS = _words(
    r"executed\b", r"executions?\b", r"shot dead\b", r"shot (?:and killed )?(?:a |two |three )?"
    r"(?:civilians?|residents?|villagers?|men|women|man|woman)\b",
    r"opened fire on (?:civilians|residents|villagers|a car|cars|people|evacuees)\b",
    r"abduct\w*", r"tortur\w*", r"massacre\w*",
)  # fmt: skip
# A ground fight reported with the word "attack": an armed clash, not a strike.
_GROUND = _words(
    r"ground (?:attacks?|assaults?)\b", r"storm(?:ed|ing)\b", r"infantry", r"armou?red "
    r"(?:vehicles|columns?)\b", r"sabotage (?:group|unit)s?\b", r"attack\w* (?:\w+ )?positions",
)  # fmt: skip
_SHELLING = _words(
    r"shell(?:s|ed|ing)\b", r"artillery", r"missiles?\b", r"rockets?\b", r"mortars?\b",
    r"mlrs\b", r"howitzers?\b", r"ballistic",
)  # fmt: skip
# A state force taking back its own ground (ACLED: Government regains territory).
_REGAIN = _words(
    r"recaptur\w*", r"retook\b", r"retaken\b", r"retake\b", r"took back\b", r"taken back\b",
    r"regain\w*", r"liberat\w*", r"pushed (?:\w+ ){0,3}back\b", r"back under (?:\w+ )?control",
)  # fmt: skip
# Ground changing hands (ACLED: Non-state actor overtakes territory, which its codebook also
# uses for a foreign state's forces taking a location).
_TAKE = _words(
    r"captur\w*", r"seiz\w*", r"t(?:ook|aken|akes?|aking) (?:full |complete |effective )?control",
    r"entered\b", r"fell to\b", r"fall of\b", r"withdr[ea]w\w*", r"pulled (?:\w+ ){0,3}out\b",
    r"pulled back\b", r"retreat\w*", r"occup\w+",
)  # fmt: skip
_WITHOUT_FIGHT = _words(
    r"without (?:a )?(?:fight|fighting|resistance|a shot)", r"handed (?:over|back)\b",
    r"transferred control", r"peacefully",
)  # fmt: skip
_BASE = _words(
    r"(?:established|set up|opened|built) (?:a |an |its |their |new )*"
    r"(?:military )?(?:base|headquarters|command post|garrison)\b",
)  # fmt: skip
_AGREEMENT = _words(
    r"agree\w*", r"deal\b", r"signed\b", r"ceasefire", r"truce", r"memorandum", r"accord\b",
    r"(?:prisoner|pow) (?:exchange|swap)", r"exchange of (?:prisoners|bodies)", r"swap\w*",
)  # fmt: skip
# "ended without a ceasefire", "no agreement was reached": talks, not an agreement.
_NO_AGREEMENT = _words(
    r"(?:without|no|not|failed to|fail to|yet to|never) (?:\w+ ){0,3}?"
    r"(?:agree\w*|deal|ceasefire|truce|accord|breakthrough|signed)",
)  # fmt: skip
_AREA_KINDS = frozenset({PlaceKind.ADMIN1, PlaceKind.REGION, PlaceKind.COUNTRY})


def acled_labels(event: Event) -> tuple[str, str]:
    """ACLED's ``(event_type, sub_event_type)`` for an event.

    The event's own labels when it has them (``event.acled_event_type``); otherwise read
    from its type, status, place kind and the words of its quote, by the table in
    docs/events.md. Figures (``killed``) do not change the labels: ACLED counts fatalities
    in a column of their own.

    Parameters
    ----------
    event : geo.records.Event

    Returns
    -------
    tuple of (str, str)
        An ``ACLED_EVENT_TYPES`` key and one of its sub-event types.
    """
    if event.acled_event_type:
        return event.acled_event_type, event.acled_sub_event_type
    quote = event.quote
    etype = event.event_type
    if etype is EventType.ATTACK:
        if _ON_CIVILIANS.search(quote):
            return VIOLENCE_AGAINST_CIVILIANS, "Attack"
        remote = [p for p in (_AIR, _REMOTE_EXPLOSIVE, _SHELLING) if p.search(quote)]
        if not remote and _GROUND.search(quote):
            return BATTLES, "Armed clash"  # "a ground attack in the Kursk area"
        if _AIR.search(quote):
            return EXPLOSIONS, "Air/drone strike"
        if _REMOTE_EXPLOSIVE.search(quote):
            return EXPLOSIONS, "Remote explosive/landmine/IED"
        # Shelling, artillery, missiles, rockets, or a strike without its weapon named: in
        # this war most remote violence reported without a weapon is missile and artillery fire.
        return EXPLOSIONS, "Shelling/artillery/missile attack"
    if etype is EventType.OFFENSIVE:
        return BATTLES, "Armed clash"
    if etype is EventType.ADVANCE:
        if _BASE.search(quote):
            return STRATEGIC, "Headquarters or base established"
        # Trying to advance, or gains over a whole oblast: fighting, no located change of hands.
        if event.status is EventStatus.ATTEMPTED or event.place.kind in _AREA_KINDS:
            return BATTLES, "Armed clash"
        if _WITHOUT_FIGHT.search(quote):
            return STRATEGIC, "Non-violent transfer of territory"
        if _REGAIN.search(quote):
            return BATTLES, "Government regains territory"
        if _TAKE.search(quote):
            return BATTLES, "Non-state actor overtakes territory"
        return BATTLES, "Armed clash"  # "advanced", "made gains", "closing in on"
    if etype is EventType.NEGOTIATION:
        if _AGREEMENT.search(quote) and not _NO_AGREEMENT.search(quote):
            return STRATEGIC, "Agreement"
        return STRATEGIC, "Other"  # talks held: ACLED codes agreements, not meetings
    if etype is EventType.EVACUATION:
        return STRATEGIC, "Evacuation"
    if etype is EventType.DISPLACEMENT:
        return STRATEGIC, "Displacement"
    if _BASE.search(quote):
        return STRATEGIC, "Headquarters or base established"
    return STRATEGIC, "Other"  # statements
