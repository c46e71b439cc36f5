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

from geo.events.merge import LIST_FILLER, names_blanked, names_community
from geo.records import PlaceKind, Toponym
from geo.text.sentences import Sentence

__all__ = ["inline_order_places"]

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
