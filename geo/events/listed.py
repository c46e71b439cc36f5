"""The settlements an evacuation order lists inside its own sentence.

An order often names the area it covers and then, in the same sentence, the settlements:
after a colon ("families must leave the following villages: A, B, C"), in a labelled
aside ("in some villages of the X community (villages: A, B, C)"), or as the parts of a
town and its neighbours ("the town of X (A and B) and nearby villages C, D and E"). Each
listed settlement is a place the order moves people from. The trigger's own phrase finds
only the area or the first name; this module reads the list that follows.

A list counts only when nothing but names and what joins or situates them stands in it
(``merge.LIST_FILLER``), it ends the sentence (or its bracket, or a quotation followed by
who said it), and it holds two settlements or more, most of them in one oblast.
"""

from __future__ import annotations

import re

from geo.events.figures import NUM_WORDS
from geo.events.merge import LIST_FILLER, names_blanked, names_community
from geo.events.triggers import Trigger
from geo.records import EventType, PlaceKind, Toponym
from geo.text.sentences import Sentence

__all__ = ["community_counts", "inline_order_places"]

# Where a list opens: a colon, or "nearby villages" after the order's first place.
_OPENERS = re.compile(
    r":|\b(?:and\s+)?(?:the\s+)?(?:nearby|neighbou?ring|surrounding|adjacent)\s+"
    r"(?:villages|settlements|towns|communities|hromadas)(?:\s+of)?\b",
    re.IGNORECASE,
)
# What may follow a list's last name: the end of the sentence or of its bracket, or a
# closing quotation mark (then who wrote it).
_LIST_END = re.compile(r"\s*(?:[)\"”’»]|[.;]?\s*$)")
# "the town of X (A and B)": a bracket of names right after a place names its parts
_BRACKET = re.compile(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)")
_NESTED = re.compile(r"\([^()]*\)")
# A colon after a unit's name heads its villages: the order is told at the unit.
_UNIT_HEAD = re.compile(
    r"\b(?:community|hromada|district|raion|region|oblast|громада|район)\s*$", re.IGNORECASE
)
# a name (known to the gazetteer or not) right before the bracket
_NAME_END = re.compile(r"(?-i:[A-ZА-ЯЁІЇЄҐ])[\w'’-]*$")
# "the X settlement (A, B)": the kind of place may stand between the name and its parts
_PLACE_NOUN_END = re.compile(
    r"\s+(?:town|city|village|settlement|community|hromada)$", re.IGNORECASE
)


def _settlements(found: list[Toponym], text: str) -> list[Toponym]:
    return [
        t
        for t in found
        if t.place is not None
        and t.place.kind is PlaceKind.POPULATED_PLACE
        and not names_community(text, t)
    ]


def _names_in(text: str, lo: int, hi: int, tops: list[Toponym]) -> list[Toponym] | None:
    """The places of ``text[lo:hi]`` if it holds only names and list filler, else None."""
    inner = [t for t in tops if lo <= t.start and t.end <= hi]
    if not inner:
        return None
    blanked = names_blanked(text, lo, hi, inner)
    # an aside inside the list ("A (on the left bank of the river), B") situates a name
    blanked = _NESTED.sub(lambda m: " " * len(m.group()), blanked)
    m = LIST_FILLER.match(blanked)
    if m is None or not _LIST_END.match(blanked, m.end()):
        return None
    return [t for t in inner if t.start < lo + m.end()]


def inline_order_places(
    text: str, sent: Sentence, trig_start: int, tops: list[Toponym]
) -> list[Toponym]:
    """The settlements an evacuation order lists in its own sentence, after its trigger.

    Parameters
    ----------
    text : str
        The article's text.
    sent : Sentence
        The sentence of the order.
    trig_start : int
        Where the order's trigger starts; the list comes after it.
    tops : list[Toponym]
        The sentence's resolved names.

    Returns
    -------
    list[Toponym]
        The listed settlements in the order's oblast, in text order (empty when the sentence
        lists none).
    """
    found: list[Toponym] = []
    for m in _OPENERS.finditer(text, trig_start, sent.end):
        if m.group() == ":" and _UNIT_HEAD.search(text, sent.start, m.start()):
            continue  # "X hromada: A, B, C" groups villages under a unit the order names
        # a colon's list runs to the sentence end, or to the bracket the colon opened in
        hi = sent.end
        opened = text.rfind("(", sent.start, m.start())
        if opened > text.rfind(")", sent.start, m.start()):
            close = text.find(")", m.end(), sent.end)
            hi = close if close >= 0 else sent.end
        names = _names_in(text, m.end(), hi, tops)
        if names:
            found.extend(names)
    for m in _BRACKET.finditer(text, trig_start, sent.end):
        # "the town of X (A and B)": only right after a name, and not a colon's label
        before = _PLACE_NOUN_END.sub("", text[sent.start : m.start()].rstrip())
        if ":" in m.group(1) or not _NAME_END.search(before):
            continue
        names = _names_in(text, m.start() + 1, m.end() - 1, tops)
        if names:
            found.extend(names)
    towns = _settlements(found, text)
    if len(towns) < 2:
        return []
    # most of the list must lie in one oblast; a namesake elsewhere is not the order's
    counts: dict[str | None, int] = {}
    for t in towns:
        counts[t.place.admin1_code] = counts.get(t.place.admin1_code, 0) + 1
    home, n = max(counts.items(), key=lambda kv: kv[1])
    if n < 2 or 2 * n <= len(towns):
        return []
    seen: set[int] = set()
    out = []
    for t in sorted(towns, key=lambda t: t.start):
        if t.place.admin1_code == home and t.start not in seen:
            seen.add(t.start)
            out.append(t)
    return out


# One part of an order's count set out by community: "12 settlements of the X community",
# "four in the Y hromada" (the noun said once, at the first count), "four more villages in
# the Z community" (a count added to the last). The name follows.
_COUNT_OF_UNIT = re.compile(
    rf"\b(?:\d+|{'|'.join(NUM_WORDS)})\s+(?:(?:more|other|further|additional)\s+)?"
    r"(?:(?:settlements|villages|localities|towns)\s+)?"
    r"(?:of|in|from)\s+the\s+$",
    re.IGNORECASE,
)
_COUNTED_NOUN = re.compile(r"\b(?:settlements|villages|localities)\b", re.IGNORECASE)
_UNIT_AFTER = re.compile(
    r"\s+(?:(?:territorial|urban|rural|settlement|village)\s+)*(?:community|hromada)\b",
    re.IGNORECASE,
)
_UNIT_END = re.compile(r"\s(?:community|hromada)$", re.IGNORECASE)  # in the name: "X hromada"


def community_counts(
    text: str, sent: Sentence, tops: list[Toponym]
) -> tuple[Trigger, list[Toponym]] | None:
    """An evacuation trigger for a sentence that sets an order's count out by community.

    "The order was extended to 40 settlements of the district." then "It covers 25
    settlements of the A community, nine of the B community and six of the C community":
    the second sentence has no event word; each community it counts settlements of is a
    place the order moves people from. The caller makes sure an order was told just before
    and this sentence has no trigger of its own. Two communities at least, each named right
    after a count ("N [settlements] of the", "in the", "from the"), and no other place in the
    sentence but the oblast or district that holds them. The trigger spans the words before
    the first count, so the communities follow it; the communities are returned with it.
    """
    units = [
        t
        for t in tops
        if t.place is not None
        # "the A community" read as A, the hromada's seat, names the hromada all the same
        and (
            t.place.kind is PlaceKind.ADMIN2
            or (t.place.kind is PlaceKind.POPULATED_PLACE and _UNIT_AFTER.match(text, t.end))
        )
        and (_UNIT_AFTER.match(text, t.end) or _UNIT_END.search(text, t.start, t.end))
        and _COUNT_OF_UNIT.search(text, max(sent.start, t.start - 40), t.start)
    ]
    if len(units) < 2 or _COUNTED_NOUN.search(text, sent.start, units[0].start) is None:
        return None
    # a name left unresolved is another place the sentence may be about: no breakdown
    if any(
        t not in units and (t.place is None or t.place.kind is not PlaceKind.ADMIN1) for t in tops
    ):
        return None
    lead = _COUNT_OF_UNIT.search(text, max(sent.start, units[0].start - 40), units[0].start)
    end = lead.start()
    if end <= sent.start:
        return None
    trig = Trigger(EventType.EVACUATION, sent.start, end, text[sent.start : end].lower().rstrip())
    return trig, units
