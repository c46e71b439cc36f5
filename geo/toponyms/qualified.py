"""Settlements qualified by an oblast: "Novoye and Sladkoye in Zaporozhye Region".

The theatre's village names repeat across oblasts (a dozen Noves, two Solodkes in one
oblast), and a Russian outlet's spelling may be the alternate name of a namesake in another
oblast only (GeoNames knows the Donetsk Solodke as "Sladkoye"). The oblast the text names
decides: every name of the list it qualifies is read among that oblast's settlements, by the
name, by today's name of a namesake, or by its Ukrainian respelling; and the places of one
such list lie together, so readings near another name's reading are preferred.
"""

from __future__ import annotations

import re

from geo.places.gazetteer import Gazetteer, base_score
from geo.places.near_spellings import respellings
from geo.places.spatial import great_circle_km
from geo.records import Candidate, Place, PlaceKind, ToponymRole
from geo.toponyms.tokens import Mention
from geo.toponyms.words import THEATRE

__all__ = ["qualified_lists"]

_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s*")
# "two villages in the Zaporozhye Region, A and B": the list follows its oblast.
_COUNTED_BEFORE = re.compile(
    r"\b(?:settlements|villages|towns|localities|communities)\s+in\s+(?:the\s+)?$", re.IGNORECASE
)
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
            if c.place.kind is PlaceKind.ADMIN1 and c.place.country_code in THEATRE
        }
        return units.pop() if len(units) == 1 else None
    if m.role not in (ToponymRole.LITERAL, ToponymRole.METONYMIC):
        return None
    # The Russian names of the occupied oblasts ("the Donetsk People's Republic") are regions
    # that stand for one oblast.
    kinds = (PlaceKind.ADMIN1, PlaceKind.REGION)
    units = {
        c.place.admin1_code
        for c in m.cands
        if c.place.kind in kinds and c.place.country_code in THEATRE and c.place.admin1_code
    }
    if len(units) != 1 or not (m.admin1_form or all(c.place.kind in kinds for c in m.cands)):
        return None
    return units.pop()


def _lists(text: str, mentions: list[Mention]) -> list[tuple[str, list[Mention]]]:
    """Each oblast with the list of names it qualifies, before or right after it."""
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
        if not group and _COUNTED_BEFORE.search(text, max(0, outer.start - 40), outer.start):
            last = outer
            for m in mentions[q + 1 :]:
                if not _LIST_GAP.fullmatch(text, last.end, m.start):
                    break
                group.append(m)
                last = m
        group = [m for m in group if m.role is ToponymRole.LITERAL and _oblast(text, m) is None]
        if group:
            out.append((code, group))
    return out


def _in_oblast(m: Mention, code: str, gaz: Gazetteer) -> list[Candidate]:
    """The mention's readings among the oblast's settlements, found three ways."""
    found: dict[str, Candidate] = {}
    for c in m.cands:
        if c.place.kind is PlaceKind.POPULATED_PLACE and c.place.admin1_code == code:
            found.setdefault(c.place.place_id, c)
    for c in list(m.cands):
        if c.place.kind is PlaceKind.POPULATED_PLACE and c.place.country_code in THEATRE:
            for other in gaz.lookup(c.place.name):
                p = other.place
                if p.kind is PlaceKind.POPULATED_PLACE and p.admin1_code == code:
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
    for code, group in _lists(text, mentions):
        narrowed = []
        for m in group:
            if len(group) == 1 and any(
                c.place.kind is PlaceKind.POPULATED_PLACE and c.place.admin1_code == code
                for c in m.cands
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
