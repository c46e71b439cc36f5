"""Places given by distance and bearing: "X, eight kilometres southwest of Y".

A village name repeats across an oblast (three Uspenivkas in Donetsk Oblast alone), and the
reports that name a small village often say where it lies from a town the reader knows:
"the village of X, 8 km southwest of Y", "X, located some 10 km from Y". The reading of X
that lies at about that distance (and in that direction) from Y's reading is the one meant.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re

from geo.places.spatial import great_circle_km
from geo.records import Candidate, Place, PlaceKind
from geo.text.casefold import Gated
from geo.toponyms.tokens import Mention, best_reading

__all__ = ["relative_places", "unknown_near_anchor"]

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split(),
        1,
    )
}
_BEARINGS = {
    "north": 0.0,
    "northeast": 45.0,
    "east": 90.0,
    "southeast": 135.0,
    "south": 180.0,
    "southwest": 225.0,
    "west": 270.0,
    "northwest": 315.0,
}
# "X, a village ...", "X, a small settlement ...": an apposition that says what X is, then
# where it lies.
_APPOSED = r"(?:an?\s+(?:[\w-]+\s+){0,2}?(?:village|town|settlement|hamlet|city)\s+)?"
# "which lies", "that sits", "is located": the verb of a relative clause or an apposition.
_LIES_WORDS = "which|that|is|lies|lie|sits|located|situated|lying|just"
# From the end of X to the start of Y: "X, located 9 km to the south of the key town of Y",
# "X (some 12 km north-east of Y)", "X, about 10 miles from Y", "X, which lies 10 km from Y".
_CUE = re.compile(
    r"\s*[,(]?\s*" + _APPOSED + r"(?:(?:" + _LIES_WORDS + r"|some|about|around|roughly|nearly|"
    r"almost|approximately|only)\s+){0,4}"
    r"(?P<n>\d{1,3}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")[\s-]*"
    r"(?P<unit>km|kilometers|kilometres|kilometer|kilometre|miles|mile)\s+"
    # wire copy gives the other unit in brackets: "20 kilometers (12 miles) east of"
    r"(?:\(\s*(?:about\s+)?\d{1,3}(?:\.\d)?\s*(?:km|kilometers|kilometres|miles|mi)\s*\)\s+)?"
    r"(?:(?:to\s+the\s+)?(?P<dir>(?:north|south)?-?(?:east|west)|north|south)(?:ward)?\s+)?"
    r"(?:of|from)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}"
    r"(?:(?:city|town|village|settlement)\s+of\s+)?",
    re.IGNORECASE,
)
# Without a distance: "X, just west of Y", "X — west of the logistics hub of Y", "X near Y",
# "X, outside Y". A village told so lies within a few tens of kilometres of the town.
_BEARING_CUE = re.compile(
    r"\s*(?:[,(]|[-–—]\s)?\s*" + _APPOSED + r"(?:(?:" + _LIES_WORDS + r"|immediately|directly|"
    r"slightly)\s+){0,4}"
    r"(?:to\s+the\s+)?(?P<dir>(?:north|south)?-?(?:east|west)|north|south)(?:ward)?\s+of\s+"
    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}(?:of\s+)?",
    re.IGNORECASE,
)
_NEAR_CUE = re.compile(
    r"\s*(?:[,(]|[-–—]\s)?\s*" + _APPOSED + r"(?:(?:" + _LIES_WORDS + r")\s+){0,3}"
    r"(?:near|outside|close\s+to|next\s+to|not\s+far\s+from|on\s+the\s+outskirts\s+of|"
    r"in\s+the\s+vicinity\s+of)\s+"
    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}(?:of\s+)?",
    re.IGNORECASE,
)
# The cues are asked of the gap between every two names of an article, and fail at its first
# words nearly always: their case-sensitive twins on the article's lower case say so first,
# faster (geo.text.casefold), and only then is the cue itself matched.
_CUE_GATE = Gated(_CUE)
_BEARING_GATE = Gated(_BEARING_CUE)
_NEAR_GATE = Gated(_NEAR_CUE)


_BEARING_KM = 40.0  # "west of Y" without a distance: within this of Y
_NEAR_KM = 30.0  # "near Y", "outside Y"
_MAX_KM = 60.0  # beyond this a stated distance no longer tells namesakes apart
_BEARING_SLACK = 60.0  # degrees either side of the stated direction
# The score that makes the reading at the stated spot the reading: above the priors and the
# article's context bonuses, as a qualifier the text states outright.
_CUE_SCORE = 20.0


def _km(m: re.Match[str]) -> float | None:
    raw = m.group("n").lower()
    n = float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(raw)
    if m.group("unit").lower().startswith("mile"):
        n *= 1.609
    return n if 0 < n <= _MAX_KM else None


def _bearing(a: Place, b: Place) -> float:
    """Initial bearing in degrees from ``a`` to ``b``."""
    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    dlon = math.radians(b.lon - a.lon)
    x = math.sin(dlon) * math.cos(la2)
    y = math.cos(la1) * math.sin(la2) - math.sin(la1) * math.cos(la2) * math.cos(dlon)
    return math.degrees(math.atan2(x, y)) % 360.0


def _fits(place: Place, anchor: Place, km: float, direction: str | None) -> float | None:
    """How far the reading is from where the cue puts it (km), or None if it does not fit."""
    d = great_circle_km(anchor.lat, anchor.lon, place.lat, place.lon)
    if abs(d - km) > max(3.0, 0.35 * km) or not _on_side(place, anchor, d, direction):
        return None
    return abs(d - km)


def _on_side(place: Place, anchor: Place, d: float, direction: str | None) -> bool:
    """Whether ``place``, ``d`` km from ``anchor``, lies in the stated direction from it.

    No direction stated, or a place at the anchor itself, fits any.
    """
    if direction is None or d <= 1.0:
        return True
    want = _bearing_of(direction)
    return abs((_bearing(anchor, place) - want + 180.0) % 360.0 - 180.0) <= _BEARING_SLACK


def _best(m: Mention) -> Place | None:
    if not m.cands:
        return None
    if len(m.scores) == len(m.cands):
        k = best_reading(m)
    else:  # readings not yet all scored: the missing ones count as 0
        k = max(range(len(m.cands)), key=lambda i: m.scores[i] if i < len(m.scores) else 0.0)
    assert k is not None  # readings checked above
    return m.cands[k].place


def relative_places(
    text: str, mentions: list[Mention], *, matched_by: frozenset[str] | None = None
) -> None:
    """Prefer the reading of each name that lies where a distance-and-bearing cue puts it.

    The anchor is the next name's current reading. A name none of whose readings fits is
    placed at the anchor when the stated distance is within ``_ANCHOR_KM`` (as
    ``unknown_near_anchor`` places a name the index lacks), else keeps its scores. ``matched_by``
    limits the pass to names whose readings came that way: the near-spellings ("Pobeda, 20
    km south-west of Donetsk") get theirs after the first pass and are judged in a second.
    """
    placed: dict[str, Place] = {}
    for a, b in itertools.pairwise(mentions):
        if not a.cands or not b.cands:
            continue
        if matched_by is not None and a.cands[0].match not in matched_by:
            continue
        m = _CUE_GATE.fullmatch(text, a.end, b.start)
        if m is None:
            _beside(text, a, b)
            _past_bearing(text, a, b)
            continue
        if (km := _km(m)) is None:
            continue
        anchor = _best(b)
        if anchor is None or anchor.kind is not PlaceKind.POPULATED_PLACE:
            continue
        fits = [
            (off, k)
            for k, c in enumerate(a.cands)
            if c.place.kind is PlaceKind.POPULATED_PLACE
            and (off := _fits(c.place, anchor, km, m.group("dir"))) is not None
        ]
        if fits:
            if len(a.cands) > 1:
                k = min(fits)[1]
                a.scores[k] = max(a.scores) + _CUE_SCORE
        elif (
            km <= _ANCHOR_KM
            and a.cands[0].match != "relative"
            and all(
                great_circle_km(anchor.lat, anchor.lon, c.place.lat, c.place.lon)
                > km + max(_ROUGH_KM, km)
                for c in a.cands
            )
        ):
            # Every reading lies far from where the text puts it, whatever the bearing: the
            # one meant is missing from the index (a namesake 45-75 km away is not "20 km
            # south-west of Donetsk"), and the town it is measured from places it better than
            # any of them. A reading nearer than that may be the one meant, measured roughly.
            place = _measured(anchor, km, m.group("dir"), a.surface)
            a.cands = [Candidate(place, 0.0, "relative")]
            a.scores = [0.0]
            placed[a.key] = place
    if matched_by is None:
        _measured_next_sentence(text, mentions)
    # One sense per article: "the advance on Pobeda" two sentences on is the same village.
    for m in mentions:
        if m.key in placed and m.cands and m.cands[0].match != "relative":
            m.cands = [Candidate(placed[m.key], 0.0, "relative")]
            m.scores = [0.0]


# "... took the village of X. This village lies 19 km west of Y.": a sentence that opens on
# the kind of place just named and measures it from a town.
_THIS_ONE = re.compile(
    r"[.!?][\"”’']?\s+(?:This|That|The)\s+(?P<noun>village|town|settlement|hamlet)\s+",
)
_THIS_ONE_REACH = 160  # characters from the sentence's opening to the town it measures from
_REFERENT_REACH = 300  # ... and back from there to the name the opening refers to


def _measured_next_sentence(text: str, mentions: list[Mention]) -> None:
    """Prefer the reading of X that "... the village of X. This village lies N km west of Y" puts.

    The new sentence's subject is the kind of place the sentence before named ("the village
    of X"); the last name told so there is the one measured, whatever names follow it ("X,
    formerly called Z"). Only namesakes that fit the distance (and side) move.
    """
    for q, b in enumerate(mentions):
        if q == 0 or not b.cands:
            continue
        lo = max(0, b.start - _THIS_ONE_REACH)
        opener = None
        for o in _THIS_ONE.finditer(text, lo, b.start):
            opener = o
        if opener is None:
            continue
        cue = _CUE.fullmatch(text, opener.end(), b.start)
        if cue is None or (km := _km(cue)) is None:
            continue
        anchor = _best(b)
        if anchor is None or anchor.kind is not PlaceKind.POPULATED_PLACE:
            continue
        framed = re.compile(rf"\b{opener.group('noun')}\s+of\s+$", re.IGNORECASE)
        told = [
            a
            for a in mentions[:q]
            if opener.start() - _REFERENT_REACH <= a.start < opener.start()
            and framed.search(text, max(0, a.start - 20), a.start)
        ]
        if not told or len(told[-1].cands) < 2:
            continue
        a = told[-1]
        fits = [
            (off, k)
            for k, c in enumerate(a.cands)
            if c.place.kind is PlaceKind.POPULATED_PLACE
            and (off := _fits(c.place, anchor, km, cue.group("dir"))) is not None
        ]
        if not fits:
            continue
        meant = a.cands[min(fits)[1]].place.place_id
        # one sense per article: the name told again later is the same village
        for m in mentions:
            if m.key != a.key or len(m.scores) != len(m.cands):
                continue
            for k, c in enumerate(m.cands):
                if c.place.place_id == meant:
                    m.scores[k] = max(m.scores) + _CUE_SCORE


def _beside(text: str, a: Mention, b: Mention) -> None:
    """Prefer the reading of ``a`` that lies where "a, west of b" or "a near b" puts it.

    No distance is told, so only namesakes within ``_BEARING_KM`` (in the stated direction)
    or ``_NEAR_KM`` of ``b``'s reading fit; the nearest fitting one is taken. A name none of
    whose readings fits keeps its scores: the town may be a far one's landmark.
    """
    if len(a.cands) < 2:
        return
    if (m := _BEARING_GATE.fullmatch(text, a.end, b.start)) is not None:
        within, direction = _BEARING_KM, m.group("dir")
    elif _NEAR_GATE.fullmatch(text, a.end, b.start) is not None:
        within, direction = _NEAR_KM, None
    else:
        return
    if not _prefer_on_side(a, b, within, direction):
        _far_village_at_anchor(a, b, within)


def _prefer_on_side(a: Mention, b: Mention, within: float, direction: str | None) -> bool:
    """Raise the nearest reading of ``a`` within ``within`` km of ``b``'s, on that side.

    Only settlements, never ``b``'s own place; a name none of whose readings fits keeps its
    scores.
    """
    anchor = _best(b)
    if anchor is None or anchor.kind is not PlaceKind.POPULATED_PLACE:
        return True  # no town to measure from: nothing to judge
    fits = []
    for k, c in enumerate(a.cands):
        if c.place.kind is not PlaceKind.POPULATED_PLACE or c.place.place_id == anchor.place_id:
            continue
        d = great_circle_km(anchor.lat, anchor.lon, c.place.lat, c.place.lon)
        if d <= within and _on_side(c.place, anchor, d, direction):
            fits.append((d, k))
    if fits:
        k = min(fits)[1]
        a.scores[k] = max(a.scores) + _CUE_SCORE
    return bool(fits)


_FAR_KM = 150.0  # a village read this far from the town it is said to lie beside is misread
_VILLAGE_PEOPLE = 20_000  # at most this many people: a town the reader is not expected to know


def _far_village_at_anchor(a: Mention, b: Mention, within: float) -> None:
    """Move ``a`` beside ``b`` when "a, a village near b" reads ``a`` far from ``b``.

    The index keeps a few of a dozen namesakes, or lacks the one meant; the reading chosen
    by size may then lie hundreds of kilometres from the town the text puts it beside. For
    a village (at most ``_VILLAGE_PEOPLE``) read beyond ``_FAR_KM`` of the town, its nearest
    reading within twice the cue's reach is taken, or else the town itself, as a stated
    short distance is placed (``relative_places``). A city ("Odesa, west of Mykolaiv") or
    a reading already within reach keeps its scores.
    """
    anchor = _best(b)
    best = _best(a)
    if (
        anchor is None
        or best is None
        or anchor.kind is not PlaceKind.POPULATED_PLACE
        or best.kind is not PlaceKind.POPULATED_PLACE
        or (best.population or 0) > _VILLAGE_PEOPLE
        or a.cands[0].match == "relative"
        or great_circle_km(anchor.lat, anchor.lon, best.lat, best.lon) <= _FAR_KM
    ):
        return
    near = [
        (d, k)
        for k, c in enumerate(a.cands)
        if c.place.kind is PlaceKind.POPULATED_PLACE
        and c.place.place_id != anchor.place_id
        and (d := great_circle_km(anchor.lat, anchor.lon, c.place.lat, c.place.lon)) <= 2 * within
    ]
    if near:
        a.scores[min(near)[1]] = max(a.scores) + _CUE_SCORE
        return
    a.cands = [Candidate(anchor, 0.0, "relative")]
    a.scores = [0.0]


# The bearing told before the town an item is measured from, and the link from that town to
# the village the item stands at: "southeast of Y near X", "north of Y in the direction of X".
_BEARING_BEFORE = re.compile(
    r"\b(?:to\s+the\s+)?(?P<dir>(?:north|south)?-?(?:east|west)|north|south)\s+of\s+"
    r"(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)
_ITEM_LINK = re.compile(
    r"\s+(?:near|in\s+the\s+direction\s+of|towards?)\s+"
    r"(?:the\s+)?(?:(?:village|town|settlement)\s+of\s+)?",
    re.IGNORECASE,
)


def _past_bearing(text: str, b: Mention, a: Mention) -> None:
    """Prefer the reading of ``a`` that lies where "(southeast) of b near a" puts it.

    Assessments place the village an item of fighting stands at by a bearing from a town
    named first: "southeast of Y near X", "north of Y in the direction of X". The namesake of
    X within ``_BEARING_KM`` of Y, on that side, is the one meant; the nearest fitting one is
    taken, and a name none of whose readings fits keeps its scores.
    """
    if len(a.cands) < 2 or _ITEM_LINK.fullmatch(text, b.end, a.start) is None:
        return
    m = _BEARING_BEFORE.search(text, max(0, b.start - 40), b.start)
    if m is not None:
        _prefer_on_side(a, b, _BEARING_KM, m.group("dir"))


_ANCHOR_KM = 25.0  # a place this near its anchor is placed right at the anchor's scale
# How far beyond the stated distance a reading may lie and still be the place meant: reporters
# round and measure from a town's edge ("12 km north of Kharkiv" for a village 28 km out).
_ROUGH_KM = 20.0


def unknown_near_anchor(text: str, mentions: list[Mention]) -> None:
    """Place a framed name the index lacks at the town it is measured from, if that is near.

    "the village of X, 8 km southwest of Y" with X in no table: X lies within ``_ANCHOR_KM`` of Y,
    so Y's point places it as well as an analyst would without a map. Only for a near-spelling
    mention (framed as a place) left without readings; it stays capped as weak evidence. Where
    the direction is told too, X is put that far that way from Y (``_measured``): "20 km
    south-west of Y" is 20 km from Y's point, which names a city's centre.
    """
    for a, b in itertools.pairwise(mentions):
        if not a.near or a.cands or not b.cands:
            continue
        m = _CUE_GATE.fullmatch(text, a.end, b.start)
        if m is None or (km := _km(m)) is None or km > _ANCHOR_KM:
            continue
        anchor = _best(b)
        if anchor is not None and anchor.kind is PlaceKind.POPULATED_PLACE:
            place = _measured(anchor, km, m.group("dir"), a.surface)
            a.cands = [Candidate(place, 0.0, "relative")]
            a.scores = [0.0]


_TOLD_POINT_KM = 10.0  # nearer than this, the anchor's own point is as good
_EARTH_KM = 6371.0  # the mean radius geo.toponyms.geoparse measures with


def _measured(anchor: Place, km: float, direction: str | None, name: str) -> Place:
    """Where a place the index lacks stands, told by distance (and direction) from ``anchor``.

    Without a direction, or this near, the anchor's point; else ``km`` that way from it,
    named as the text names it. Its id is the anchor's with the offset after it, so that it
    is no index place's own.
    """
    if direction is None or km < _TOLD_POINT_KM:
        return anchor
    bearing = _bearing_of(direction)
    la1, lo1 = math.radians(anchor.lat), math.radians(anchor.lon)
    t, d = math.radians(bearing), km / _EARTH_KM
    la2 = math.asin(math.sin(la1) * math.cos(d) + math.cos(la1) * math.sin(d) * math.cos(t))
    lo2 = lo1 + math.atan2(
        math.sin(t) * math.sin(d) * math.cos(la1), math.cos(d) - math.sin(la1) * math.sin(la2)
    )
    return dataclasses.replace(
        anchor,
        place_id=f"{anchor.place_id}+{km:g}km{bearing:g}",
        name=name,
        lat=round(math.degrees(la2), 5),
        lon=round(math.degrees(lo2), 5),
        geonameid=None,
        population=None,
    )


def _bearing_of(direction: str) -> float:
    """The compass bearing of a direction word ("north-east", "Northeast" -> 45)."""
    return _BEARINGS[direction.lower().replace("-", "")]
