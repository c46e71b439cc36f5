"""Namesake villages at the front: the one in a district where fighting went on at the time.

Ukrainian and Russian village names repeat dozens of times (Novomykhailivka, Pervomaiske,
Loknia). When a war report tells a capture, a clash or shelling at such a name and nothing in
the article separates its namesakes, the one meant is the namesake where the war was at the
report's date. ``data/front_areas.csv`` lists those districts with their periods: a coarse
prior (a raion is listed whole for the months any part of it saw fighting), not a frontline.

The rule breaks ties and near-ties among settlement namesakes only; it never moves a reading
the article settles (the one namesake of an oblast it names, a town beside the reading, a
stated district); among namesakes within a named oblast it picks the one at the front.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import weakref
from typing import TYPE_CHECKING

from geo.config import data_dir
from geo.places.spatial import great_circle_km
from geo.places.theatre import read_rows
from geo.records import PlaceKind, ToponymRole
from geo.toponyms.tokens import best_reading

if TYPE_CHECKING:
    from geo.places.gazetteer import Gazetteer
    from geo.records import Place
    from geo.toponyms.tokens import Mention

__all__ = ["front_namesakes", "front_unit", "in_front_area", "prepare_front"]

FRONT_FILE = "front_areas.csv"
# How far below the chosen reading a namesake at the front may score and still take over:
# under an oblast the article names (+2.5), about a village of 10,000 against one with no
# population known, or a primary name against an old spelling (1.5).
FRONT_NEAR_TIE = 2.0
FRONT_TIE = 0.01  # breaks a tie, never outweighs evidence
FRONT_VILLAGE_POPULATION = 10_000  # a town this big is no village a namesake stands in for
# A chosen reading this near one of the article's other places is settled by it.
FRONT_ANCHOR_KM = 60.0
# Namesakes at the front this near each other are one guess (the same stretch of front).
FRONT_SAME_KM = 25.0
# The sentence tells fighting, a capture or shelling: the war is where the name is. Whole
# words ("take part", "frontier", "Pushkino" are none); the Cyrillic stems keep off "next"
# (наступного) and villages named after the words (Ударне, Бойове).
_FIGHTING = re.compile(
    r"\b(?:attack\w*|assault\w*|shell(?:s|ed|ing)?|shelling|strikes?|struck|striking|fight\w*"
    r"|fought|clash\w*|battles?|captur\w*|seiz\w*|liberat\w*|retook|recaptur\w*|occup\w*"
    r"|advanc\w*|offensives?|counteroffensives?|repel\w*|repuls\w*|storm(?:ed|ing|s)?"
    r"|bomb(?:s|ed|ing|ings)?|drones?|missiles?|rockets?|artillery|mortars?|front|frontline"
    r"|troops|forces|combat|hostilities|raids?|infiltrat\w*|encircl\w*|defen[cs]\w*"
    r"|withdr[ae]w\w*|retreat\w*)\b"
    r"|\b(?:атак\w*|штурм\w*|обстр\w*|бо(?:ї|ях|ям|ями|и|ев|ёв|й|ю)\b|удар(?!н)\w*"
    r"|наступ(?!н)\w*|звільн\w*|освобо\w*|захоп\w*|зайня\w*|заня\w*|фронт\w*|дрон\w*"
    r"|ракет\w*|артилер\w*|артиллер\w*|окуп\w*|оккуп\w*|відбил\w*|отбил\w*|отраз\w*)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n]")
_CONTEXT_ROLES = frozenset([ToponymRole.LITERAL, ToponymRole.METONYMIC])
_THEATRE = frozenset(["UA", "RU"])


def _rows(name: str) -> list[dict[str, str]]:
    path = data_dir() / name
    return list(read_rows(path)) if path.exists() else []


@functools.cache
def _periods() -> dict[str, tuple[tuple[dt.date, dt.date], ...]]:
    """Front areas by unit (``UA1402`` for a raion, ``ru2:RU.41:Sudzhansky``): their periods."""
    out: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for row in _rows(FRONT_FILE):
        unit = row["unit"]
        key = unit[:6] if unit.startswith("UA") else unit
        start = dt.date.fromisoformat(row["from"])
        end = dt.date.fromisoformat(row["to"]) if row["to"] else dt.date.max
        out.setdefault(key, []).append((start, end))
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def _ua_raion_by_geonameid() -> dict[str, str]:
    """The raion (``UA`` and four digits of its KATOTTG code) of each settlement GeoNames has."""
    return {
        row["geonameid"]: row["katottg"][:6]
        for row in _rows("ua_settlements.csv.gz")
        if row.get("geonameid")
    }


@functools.cache
def _ru_district_ids() -> dict[str, tuple[str, ...]]:
    """The districts (``ru2:`` ids) of each Russian border oblast."""
    out: dict[str, list[str]] = {}
    for row in _rows("ru_border_districts.csv"):
        adjective = row["adjective"].split("|")[0]
        out.setdefault(row["admin1"], []).append(f"ru2:{row['admin1']}:{adjective}")
    return {k: tuple(v) for k, v in out.items()}


# The seats' places, by gazetteer: a weak key, so a gazetteer dropped takes its entry along
# (an id() key could be reused by a new one at the same address).
_SEATS: weakref.WeakKeyDictionary[Gazetteer, dict[str, list[Place]]] = weakref.WeakKeyDictionary()


def _ru_seats(gaz: Gazetteer) -> dict[str, list[Place]]:
    seats = _SEATS.get(gaz)
    if seats is None:
        seats = {}
        for a1, ids in _ru_district_ids().items():
            seats[a1] = [p for p in map(gaz.get, ids) if p is not None]
        _SEATS[gaz] = seats
    return seats


def prepare_front(gaz: Gazetteer) -> None:
    """Load the front areas and the districts' tables now, before ingest forks its workers.

    Parameters
    ----------
    gaz
        The gazetteer geoparsing will use.
    """
    _periods()
    _ua_raion_by_geonameid()
    _ru_seats(gaz)


def front_unit(place: Place, gaz: Gazetteer) -> str | None:
    """The district a theatre settlement lies in, as ``data/front_areas.csv`` keys it.

    A Ukrainian village by its KATOTTG raion; a village of Russia's border oblasts by the
    district whose seat lies nearest in its oblast (no registry package has their outlines).

    Parameters
    ----------
    place
        A place of the gazetteer.
    gaz
        The gazetteer (for the Russian districts' seats).

    Returns
    -------
    str or None
        ``UA`` and the raion's four digits, or a ``ru2:`` district id; None outside the
        theatre's settlement tables.
    """
    pid = place.place_id
    if place.country_code == "UA":
        if pid.startswith("ua:UA"):
            return pid[3:9]
        if pid.startswith("gn:"):
            return _ua_raion_by_geonameid().get(pid[3:])
        return None
    if place.country_code == "RU" and place.admin1_code:
        seats = _ru_seats(gaz).get(place.admin1_code)
        if not seats:
            return None
        nearest = min(seats, key=lambda s: great_circle_km(place.lat, place.lon, s.lat, s.lon))
        return nearest.place_id
    return None


def in_front_area(place: Place, published: dt.date, gaz: Gazetteer) -> bool:
    """Whether ``place`` lies in a district where the war was on ``published``.

    Parameters
    ----------
    place
        A place of the gazetteer.
    published
        The day asked about (a ``datetime`` counts by its date).
    gaz
        The gazetteer.

    Returns
    -------
    bool
        True when a period of its district in ``data/front_areas.csv`` holds the day.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    unit = front_unit(place, gaz)
    if unit is None:
        return False
    return any(a <= published <= b for a, b in _periods().get(unit, ()))


def _km(a: Place, b: Place) -> float:
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)


def _tells_fighting(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` tells fighting, a capture or shelling."""
    floor = max(0, start - 400)
    before = max((m.end() for m in _SENTENCE_END.finditer(text, floor, start)), default=floor)
    after = _SENTENCE_END.search(text, end)
    # the name's own letters are no word of fighting (a village called Ударне)
    return (
        _FIGHTING.search(text, before, start) is not None
        or _FIGHTING.search(text, end, after.start() if after else len(text)) is not None
    )


def front_namesakes(
    text: str,
    mentions: list[Mention],
    published: dt.date | None,
    *,
    gaz: Gazetteer,
    named: set[str],
    anchors: list[Place],
    stated: float = math.inf,
) -> None:
    """Of namesake villages the article does not separate, prefer the one at the front.

    For a theatre article only (the caller's test), and a sentence that tells fighting, a
    capture or shelling (``_FIGHTING``). A mention moves when its chosen reading is a
    village, not beside one of the article's other places (``anchors``), not stated (scored
    ``stated`` or more), and outside every front area at ``published``; while a namesake
    within ``FRONT_NEAR_TIE`` of it lies in one, and in a named oblast where the article names
    any of the name's oblasts (a named oblast that holds several namesakes settles nothing
    between them). Namesakes at the front far apart, whatever their scores, are no answer:
    the reading stays.

    Parameters
    ----------
    text
        The article.
    mentions
        Its mentions, scored; the winner's score is raised in place.
    published
        The article's date (a ``datetime`` counts by its date); None leaves every reading.
    gaz
        The gazetteer.
    named
        Admin-1 codes of the oblasts the article names.
    anchors
        The article's other places that settle a reading near them.
    stated
        A score at or above which a reading is stated by the text, never moved.
    """
    if published is None:
        return
    if isinstance(published, dt.datetime):
        published = published.date()
    for m in mentions:
        if (
            len(m.cands) < 2
            or len(m.scores) != len(m.cands)
            or m.role not in _CONTEXT_ROLES
            or m.admin1_form
            or m.near
            or m.within is not None
            or m.settlement_of is not None
        ):
            continue
        k = best_reading(m)
        best = m.cands[k].place
        top = m.scores[k]
        if (
            best.kind is not PlaceKind.POPULATED_PLACE
            or (best.population or 0) >= FRONT_VILLAGE_POPULATION
            or top >= stated
            or m.cands[k].match == "relative"
        ):
            continue
        own = {c.place.place_id for c in m.cands}
        others = [a for a in anchors if a.place_id not in own]
        if any(_km(best, a) < FRONT_ANCHOR_KM for a in others):
            continue
        if in_front_area(best, published, gaz):
            continue
        # Where the article names an oblast that holds a namesake, the namesake is there.
        in_named = any(c.place.admin1_code in named for c in m.cands)
        front = [
            j
            for j, c in enumerate(m.cands)
            if j != k
            and c.place.kind is PlaceKind.POPULATED_PLACE
            and c.place.country_code in _THEATRE
            and (c.place.population or 0) < FRONT_VILLAGE_POPULATION
            and c.match in ("name", "ascii", "alias", "alternate")
            and (not in_named or c.place.admin1_code in named)
            and in_front_area(c.place, published, gaz)
        ]
        if not front:
            continue
        # Every namesake at the front, however it scores: two far apart are no answer.
        places = [m.cands[j].place for j in front]
        if any(_km(a, b) > FRONT_SAME_KM for a in places for b in places):
            continue
        j = max(front, key=m.scores.__getitem__)
        # The sentence's words last: a regex scan of its text costs more than every test above
        # together, and few mentions get this far.
        if m.scores[j] >= top - FRONT_NEAR_TIE and _tells_fighting(text, m.start, m.end):
            m.scores[j] = top + FRONT_TIE
