"""Settlements qualified by an oblast: "Novoye and Sladkoye in Zaporozhye Region".

The theatre's village names repeat across oblasts (a dozen Noves, two Solodkes in one
oblast), and a Russian outlet's spelling may be the alternate name of a namesake in another
oblast only (GeoNames knows the Donetsk Solodke as "Sladkoye"). The oblast the text names
decides: every name of the list it qualifies is read among that oblast's settlements, by the
name, by today's name of a namesake, or by its Ukrainian respelling; and the places of one
such list lie together, so readings near another name's reading are preferred.
"""

from __future__ import annotations

import itertools
import re

from geo.places.gazetteer import Gazetteer, base_score
from geo.places.near_spellings import respellings
from geo.places.spatial import great_circle_km
from geo.records import Candidate, Place, PlaceKind, ToponymRole
from geo.toponyms.tokens import Mention
from geo.toponyms.words import THEATRE

__all__ = ["STATED_SCORE", "district_qualified", "qualified_lists"]

# Kinds and roles compared at every reading and mention, held as module names: an enum's
# ``X.Y`` goes through its metaclass's attribute hook (about 90 ns; see geoparse).
_POPULATED = PlaceKind.POPULATED_PLACE
_ADMIN1 = PlaceKind.ADMIN1
_ADMIN2 = PlaceKind.ADMIN2
_REGION = PlaceKind.REGION
_LITERAL = ToponymRole.LITERAL
_METONYMIC = ToponymRole.METONYMIC

_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s*")
# "two villages in the Zaporozhye Region, A and B": the list follows its oblast.
_COUNTED_BEFORE = re.compile(
    r"\b(?:settlements|villages|towns|localities|communities)\s+in\s+(?:the\s+)?$", re.IGNORECASE
)
# "the Donetsk region's A and B": the oblast's possessive before the list it qualifies
_POSSESSIVE_AFTER = re.compile(r"(?:\s+(?:region|oblast|province))?['’]s\s+", re.IGNORECASE)
_REPUBLIC_AFTER = re.compile(r"\s+People['’]s\s+Republic\b")
TOGETHER_KM = 25.0
TOGETHER_BONUS = 3.0  # above the population prior of one namesake over another


def _oblast(text: str, m: Mention) -> str | None:
    """The theatre oblast a mention names, if it names one ("the Zaporozhye Region")."""
    if _REPUBLIC_AFTER.match(text, m.end):
        # "the Donetsk People's Republic": the name inside the occupation's name for the oblast
        units = {
            c.place.admin1_code
            for c in m.cands
            if c.place.kind is _ADMIN1 and c.place.country_code in THEATRE
        }
        return units.pop() if len(units) == 1 else None
    if m.role not in (_LITERAL, _METONYMIC):
        return None
    # The Russian names of the occupied oblasts ("the Donetsk People's Republic") are regions
    # that stand for one oblast.
    kinds = (_ADMIN1, _REGION)
    units = {
        c.place.admin1_code
        for c in m.cands
        if c.place.kind in kinds and c.place.country_code in THEATRE and c.place.admin1_code
    }
    if len(units) != 1 or not (m.admin1_form or all(c.place.kind in kinds for c in m.cands)):
        return None
    return units.pop()


def _lists(text: str, mentions: list[Mention]) -> list[tuple[str, list[Mention], bool]]:
    """Each oblast with the list of names it qualifies, before or right after it.

    The flag tells a possessive qualifier ("the X region's A"), which the scoring does not
    weigh as it weighs "A in the X region": a lone name is narrowed by it too.
    """
    out = []
    inner = {m.within: k for k, m in enumerate(mentions) if m.within is not None}
    for q, outer in enumerate(mentions):
        code = _oblast(text, outer)
        if code is None:
            continue
        group: list[Mention] = []
        k = inner.get(q)
        if k is not None and k < q:
            group = [mentions[k]]
            for prev in reversed(mentions[:k]):
                if not _LIST_GAP.fullmatch(text, prev.end, group[0].start):
                    break
                group.insert(0, prev)
        possessive = None if group else _POSSESSIVE_AFTER.match(text, outer.end)
        if (
            possessive is not None
            and q + 1 < len(mentions)
            and mentions[q + 1].start == possessive.end()
        ):
            group = _list_from(text, mentions, q + 1, [mentions[q + 1]])
        else:
            possessive = None
        if not group and _COUNTED_BEFORE.search(text, max(0, outer.start - 40), outer.start):
            group = _list_from(text, mentions, q + 1, [], outer.end)
        group = [m for m in group if m.role is _LITERAL and _oblast(text, m) is None]
        if group:
            out.append((code, group, possessive is not None))
    return out


def _list_from(
    text: str, mentions: list[Mention], i: int, group: list[Mention], end: int | None = None
) -> list[Mention]:
    """``group`` with the names that go on from it as a list, from mention ``i`` on."""
    last = group[-1].end if group else end
    for m in mentions[i + len(group) :]:
        if not _LIST_GAP.fullmatch(text, last, m.start):
            break
        group.append(m)
        last = m.end
    return group


def _in_oblast(m: Mention, code: str, gaz: Gazetteer) -> list[Candidate]:
    """The mention's readings among the oblast's settlements, found three ways."""
    found: dict[str, Candidate] = {}
    for c in m.cands:
        if c.place.kind is _POPULATED and c.place.admin1_code == code:
            found.setdefault(c.place.place_id, c)
    for c in list(m.cands):
        if c.place.kind is _POPULATED and c.place.country_code in THEATRE:
            for other in gaz.lookup(c.place.name):
                p = other.place
                if p.kind is _POPULATED and p.admin1_code == code:
                    found.setdefault(p.place_id, Candidate(p, 0.0, "alternate"))
    # A name the index holds elsewhere ("Progress") may be a plain transliteration of the
    # oblast's settlement (Prohres); one it lacks stays a near-spelling, weak evidence.
    for k in respellings(gaz, m.key, admin1={code}, same=not m.near):
        p = gaz.place(k)
        found.setdefault(p.place_id, Candidate(p, 0.0, "respelt"))
    return list(found.values())


def _near_any(p: Place, others: list[Place]) -> bool:
    return any(great_circle_km(p.lat, p.lon, o.lat, o.lon) <= TOGETHER_KM for o in others)


def qualified_lists(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Narrow each name of an oblast-qualified list to that oblast's settlements.

    A name with no reading there keeps its readings. Within a list, a reading that lies
    within ``TOGETHER_KM`` of a reading of another name of the list gains ``TOGETHER_BONUS``.
    A lone name that already has readings in the oblast is left to the scoring, which
    weighs the qualifier and the article's other places ("Kramatorsk in Donetsk Oblast").
    """
    for code, group, possessive in _lists(text, mentions):
        narrowed = []
        for m in group:
            if (
                len(group) == 1
                and not possessive
                and any(c.place.kind is _POPULATED and c.place.admin1_code == code for c in m.cands)
            ):
                continue
            cands = _in_oblast(m, code, gaz)
            if cands:
                m.cands = cands
                m.scores = [base_score(c) for c in cands]
                m.near = False
                narrowed.append(m)
        for m in narrowed:
            others = [c.place for n in narrowed if n is not m for c in n.cands]
            m.scores = [
                s + (TOGETHER_BONUS if _near_any(c.place, others) else 0.0)
                for s, c in zip(m.scores, m.cands, strict=True)
            ]


# "the village of X, Y district", "X in the Y district", "X of the Y okrug", "X (Y district)": a
# district named right after a settlement situates it.
# "the X community, located in the Y district": the hromada's word and an apposition too.
_DISTRICT_GAP = re.compile(
    r"(?:\s+(?:community|hromada|village|town))?"
    r"(?:\s*,\s*|\s*\(\s*(?:the\s+)?|\s+(?:in|of)\s+(?:the\s+)?"
    r"|\s*,\s*(?:located|situated|lying)\s+in\s+(?:the\s+)?)"
)
# How far a district's settlements lie from its point (the seat): a Russian border district
# (now mostly an okrug) spans about 60 km, a Ukrainian raion (2020) up to about 140, a
# hromada about 30.
_DISTRICT_REACH_KM = {"ru2": 35.0, "raion": 70.0, "hromada": 20.0}
_HROMADA_WORD = re.compile(r"\s+(?:community|hromada)\b")
STATED_SCORE = 20.0  # as a stated qualifier: above the priors and the context bonuses
_DISTRICT_SCORE = STATED_SCORE
_VILLAGE_POPULATION = 10_000  # a namesake this big is a town the text would not qualify so


def _district(m: Mention) -> Place | None:
    """The theatre district a mention names, if all its readings are that one district."""
    units = {
        c.place.place_id: c.place
        for c in m.cands
        if c.place.kind is _ADMIN2 and c.place.country_code in THEATRE
    }
    if len(units) != 1 or len(units) != len({c.place.place_id for c in m.cands}):
        return None
    return next(iter(units.values()))


# A gazetteer's district points by oblast and level, gathered in one pass over its places the
# first time a district is asked about (a pass per oblast and level cost about 30 ms each).
_SEATS: dict[int, dict[tuple[str | None, str], list[tuple[float, float]]]] = {}
_SEAT_SLACK_KM = 3.0  # a village about as near another seat may still be this district's


def _level(place_id: str) -> str:
    """A district's level by its id: a Russian district, a Ukrainian raion or a hromada.

    KATOTTG codes are hierarchical: a raion's code has zeros where a hromada's is numbered.
    """
    prefix = place_id.split(":", 1)[0]
    if prefix == "ua2":
        return "raion" if place_id[10:13] == "000" else "hromada"
    return prefix


def _district_seats(gaz: Gazetteer) -> dict[tuple[str | None, str], list[tuple[float, float]]]:
    """The points of the gazetteer's districts by oblast and level, in the index's order."""
    found = _SEATS.get(id(gaz))
    if found is None:
        kinds, ids = gaz.column("kind"), gaz.column("place_id")
        a1s, lats, lons = gaz.column("admin1_code"), gaz.column("lat"), gaz.column("lon")
        admin2 = _ADMIN2.value  # an enum's value is a property: asked once, not per place
        found = {}
        for k in [k for k, kind in enumerate(kinds) if kind == admin2]:
            found.setdefault((a1s[k], _level(ids[k])), []).append((lats[k], lons[k]))
        _SEATS[id(gaz)] = found
    return found


def _other_seats(gaz: Gazetteer, unit: Place) -> list[tuple[float, float]]:
    """The points of the other districts of the unit's oblast and level."""
    seats = _district_seats(gaz).get((unit.admin1_code, _level(unit.place_id)), ())
    return [(la, lo) for la, lo in seats if (la, lo) != (unit.lat, unit.lon)]


def _katottg(place_id: str, level: str) -> str | None:
    """The KATOTTG code of the raion or hromada a Ukrainian unit or settlement lies in."""
    code = place_id.split(":", 1)[1] if place_id.startswith(("ua:", "ua2:")) else ""
    if not code.startswith("UA") or len(code) < 9:
        return None
    return code[:6] if level == "raion" else code[:9]


def _in_district(p: Place, unit: Place, reach: float, seats: list[tuple[float, float]]) -> bool:
    """Whether a settlement may lie in the district: within reach, nearest to its seat.

    A district holds only settlements of its own oblast: a raion on an oblast's border has
    namesakes just across it as near as its own ("X in the Pokrovsk district" is not the X
    over the Dnipropetrovsk line). A Ukrainian village whose KATOTTG code is known lies in the
    raion or hromada its code begins with, wherever the unit's point is.
    """
    if p.admin1_code and unit.admin1_code and p.admin1_code != unit.admin1_code:
        return False
    level = _level(unit.place_id)
    if level in ("raion", "hromada"):
        own, theirs = _katottg(p.place_id, level), _katottg(unit.place_id, level)
        if own is not None and theirs is not None:
            return own == theirs
    d = great_circle_km(p.lat, p.lon, unit.lat, unit.lon)
    return d <= reach and all(
        great_circle_km(p.lat, p.lon, la, lo) + _SEAT_SLACK_KM >= d for la, lo in seats
    )


def district_qualified(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Read a settlement qualified by its district among the district's settlements.

    The reading nearest the district's point within its reach wins. A village none of whose
    readings lies there (the index lacks it: "Krasnoye, Shebekinsky urban district" while it
    knows only other Krasnoyes) is read as the district itself, a coarser but right place.
    """
    for q, (a, b) in enumerate(itertools.pairwise(mentions)):
        if not a.cands or a.role is not _LITERAL or a.admin1_form:
            continue
        gap = _DISTRICT_GAP.fullmatch(text, a.end, b.start)
        if gap is None or (unit := _district(b)) is None:
            continue
        after = mentions[q + 2] if q + 2 < len(mentions) else None
        if (
            "," in gap.group(0)
            and after is not None
            and _LIST_GAP.fullmatch(text, b.end, after.start)
        ):
            continue  # "X, Y district and Z" lists places
        reach = _DISTRICT_REACH_KM.get(_level(unit.place_id), 35.0)
        near = [
            (great_circle_km(c.place.lat, c.place.lon, unit.lat, unit.lon), k)
            for k, c in enumerate(a.cands)
            if c.place.kind is _POPULATED
        ]
        seats = _other_seats(gaz, unit)
        inside = [(d, k) for d, k in near if _in_district(a.cands[k].place, unit, reach, seats)]
        if not inside and _HROMADA_WORD.match(gap.group(0)):
            # "the X community, located in the Y district": a raion of the 2020 reform spans
            # up to 140 km and its town may lie at one end; the hromada's seat is the biggest
            # namesake of the district's oblast within twice the reach
            inside = sorted(
                (-(a.cands[k].place.population or 0), d, k)
                for d, k in near
                if d <= 2 * reach and a.cands[k].place.admin1_code == unit.admin1_code
            )
            inside = [(d, k) for _, d, k in inside[:1]]
        top = max(a.scores, default=0.0)
        if inside:
            a.scores[min(inside)[1]] = top + _DISTRICT_SCORE
        elif near and all(
            (c.place.population or 0) < _VILLAGE_POPULATION
            for c in a.cands
            if c.place.kind is _POPULATED
        ):
            a.cands = [Candidate(unit, 0.0, "district"), *a.cands]
            a.scores = [top + _DISTRICT_SCORE, *a.scores]
