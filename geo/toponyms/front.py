"""Namesake villages at the front: the one in a district where fighting went on at the time.

Ukrainian and Russian village names repeat dozens of times (Novomykhailivka, Pervomaiske,
Loknia). When a war report tells a capture, a clash or shelling at such a name and nothing in
the article separates its namesakes, the one meant is the namesake where the war was at the
report's date. ``data/front_areas.csv`` lists those districts with their periods: a coarse
prior (a raion is listed whole for the months any part of it saw fighting), not a frontline.

The rule breaks ties and near-ties among settlement namesakes only; it never moves a reading
the article settles (an oblast it names, a town beside the reading, a stated district).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import gzip
import io
import math
import re
from typing import TYPE_CHECKING

from geo.config import data_dir
from geo.places.spatial import great_circle_km
from geo.records import PlaceKind, ToponymRole

if TYPE_CHECKING:
    from geo.places.gazetteer import Gazetteer
    from geo.records import Place
    from geo.toponyms.tokens import Mention

__all__ = ["front_namesakes", "front_unit", "in_front_area"]

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
# The sentence tells fighting, a capture or shelling: the war is where the name is.
_FIGHTING = re.compile(
    r"\b(?:attack|assault|shell|strik|struck|fight|fought|clash|battl|captur|seiz|took|tak(?:e|en|ing)|"
    r"liberat|retook|recaptur|occup|advanc|offensive|counteroffensive|repel|repuls|push|storm|"
    r"bomb|drone|missile|rocket|artillery|mortar|front|troops|forces|combat|hostilit|raid|"
    r"infiltrat|encircl|defen[cs]|withdr[ae]w|retreat)"
    r"|(?:атак|штурм|обстр|бо[їий]|удар|наступ|звільн|освобо|захоп|зайня|заня|фронт|дрон|"
    r"ракет|артилер|артиллер|окуп|оккуп|відбил|отбил|отраз)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n]")
_CONTEXT_ROLES = frozenset([ToponymRole.LITERAL, ToponymRole.METONYMIC])
_THEATRE = frozenset(["UA", "RU"])


def _rows(name: str) -> list[dict[str, str]]:
    path = data_dir() / name
    if not path.exists():
        return []
    data = path.read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    lines = [line for line in data.decode("utf-8").splitlines(True) if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("".join(lines))))


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


_SEATS: dict[int, dict[str, list[Place]]] = {}


def _ru_seats(gaz: Gazetteer) -> dict[str, list[Place]]:
    seats = _SEATS.get(id(gaz))
    if seats is None:
        seats = {}
        for a1, ids in _ru_district_ids().items():
            seats[a1] = [p for p in map(gaz.get, ids) if p is not None]
        _SEATS.clear()  # one gazetteer per process in practice
        _SEATS[id(gaz)] = seats
    return seats


def front_unit(place: Place, gaz: Gazetteer) -> str | None:
    """The district a theatre settlement lies in, as ``data/front_areas.csv`` keys it.

    A Ukrainian village by its KATOTTG raion; a village of Russia's border oblasts by the
    district whose seat lies nearest in its oblast (no registry package has their outlines).
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
    """Whether ``place`` lies in a district where the war was on ``published``."""
    unit = front_unit(place, gaz)
    if unit is None:
        return False
    return any(a <= published <= b for a, b in _periods().get(unit, ()))


def _km(a: Place, b: Place) -> float:
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)


def _tells_fighting(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` tells fighting, a capture or shelling."""
    before = max(
        (m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)), default=0
    )
    after = _SENTENCE_END.search(text, end)
    return _FIGHTING.search(text, before, after.start() if after else len(text)) is not None


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
    capture or shelling (``_FIGHTING``). A mention moves when its chosen reading is
    a village, in no oblast the article names (``named``), not beside one of its other places
    (``anchors``), not stated (scored ``stated`` or more), and outside every front area at
    ``published``; while a namesake within ``FRONT_NEAR_TIE`` of it lies in one (and in a named
    oblast where the article names any of the name's oblasts). Namesakes at the front far
    apart, whatever their scores, are no answer: the reading stays.
    """
    if published is None:
        return
    for m in mentions:
        if (
            len(m.cands) < 2
            or len(m.scores) != len(m.cands)
            or m.role not in _CONTEXT_ROLES
            or m.admin1_form
            or m.near
            or m.within is not None
            or m.settlement_of is not None
            or not _tells_fighting(text, m.start, m.end)
        ):
            continue
        k = m.scores.index(max(m.scores))
        best = m.cands[k].place
        top = m.scores[k]
        if (
            best.kind is not PlaceKind.POPULATED_PLACE
            or (best.population or 0) >= FRONT_VILLAGE_POPULATION
            or top >= stated
            or best.admin1_code in named
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
        if m.scores[j] >= top - FRONT_NEAR_TIE:
            m.scores[j] = top + FRONT_TIE
