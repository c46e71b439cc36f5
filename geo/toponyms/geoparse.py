"""Find place names in text and resolve them against the gazetteer, using the whole document.

Recognition (geo.toponyms.recognise) finds the names; resolution scores every candidate by how it
matched, what it is, its population and the document's context (countries, admin-1 units,
nearby places), then applies analyst corrections.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from geo.places.gazetteer import Gazetteer, base_score, load_gazetteer
from geo.places.names import normalize
from geo.places.near_spellings import prepare as prepare_near_spellings
from geo.places.spatial import great_circle_km
from geo.places.theatre import SETTLEMENT_SOURCES, VAST_AREAS
from geo.records import (
    Candidate,
    Correction,
    GeoPrecision,
    Place,
    PlaceKind,
    Toponym,
    ToponymRole,
)
from geo.text.casefold import Gated
from geo.toponyms.districts import city_districts, town_parts
from geo.toponyms.facilities import airport_towns, plant_sites
from geo.toponyms.front import front_namesakes, prepare_front
from geo.toponyms.near import (
    NEAR_CEILING,
    resolve_near,
    respelt_in_named_oblasts,
    weak_unplaced_namesakes,
)
from geo.toponyms.qualified import STATED_SCORE, district_qualified, qualified_lists
from geo.toponyms.recognise import recognise
from geo.toponyms.relative import relative_places, unknown_near_anchor
from geo.toponyms.tokens import Mention, Token, best_reading, english_zipf, tokenize
from geo.toponyms.words import BIG_TOWN, DEMONYMS, SETTLEMENT_WORDS, THEATRE

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Token", "geoparse", "prepare", "tokenize"]

# The kinds compared at every reading of every name, held as module names: ``PlaceKind.X``
# goes through the enum metaclass's attribute hook (about 90 ns, a million times a corpus).
_POPULATED = PlaceKind.POPULATED_PLACE
_ADMIN1 = PlaceKind.ADMIN1
_ADMIN2 = PlaceKind.ADMIN2
_COUNTRY = PlaceKind.COUNTRY
_REGION = PlaceKind.REGION

TOWN_NAMESAKE_PENALTY = 2.5  # as much as being in an oblast the article names
# How ``resolve_near`` marks the readings it gives (see relative_places' second pass).
_SPELLING_MATCHES = frozenset(["near", "respelt"])
MAX_CANDIDATES = 10  # kept on each toponym so an analyst can pick another reading
# Only names used for the place itself say where the article is.
# The radius the geoparser's distance thresholds (60/150/400 km ...) were tuned with.
_RADIUS_KM = 6371.0
_CONTEXT_ROLES = frozenset([ToponymRole.LITERAL, ToponymRole.METONYMIC])
# Demonyms name peoples, whose place is never a local namesake; an embedded name ("Dublin
# Veterans Project") may be local, so nearness to the article's places still weighs for it.
_PEOPLE_ROLES = frozenset([ToponymRole.DEMONYM, ToponymRole.ADJECTIVAL])


def _weighs_context(m: Mention) -> bool:
    """Whether the article's geography decides the reading (a local body's name too)."""
    return m.role in _CONTEXT_ROLES or m.local


# km between two points, by their coordinates: an article asks for the same pairs at every
# mention of a name and every pass (its readings against its anchors), and news names the
# same towns article after article. A pure function of four floats, so a repeat is a dict
# read instead of six trigonometric calls; bounded, cleared when full.
_KM: dict[tuple[float, float, float, float], float] = {}
_KM_SIZE = 200_000


def _dist_km(a: Place, b: Place) -> float:
    pair = (a.lat, a.lon, b.lat, b.lon)
    d = _KM.get(pair)
    if d is None:
        if len(_KM) >= _KM_SIZE:
            _KM.clear()
        d = _KM[pair] = great_circle_km(a.lat, a.lon, b.lat, b.lon, radius_km=_RADIUS_KM)
    return d


def _link_patterns(text: str, toks: list[Token], mentions: list[Mention]) -> None:
    """Find "the X city of Y", "Y, X Oblast", "Y in X Oblast" and "Y (X region)" links."""
    by_start = {m.i: k for k, m in enumerate(mentions)}
    for k, m in enumerate(mentions):
        # the Donetsk city of Pokrovsk / Kursk's town of Sudzha
        a, b = m.j, m.j + 2
        if (
            b < len(toks)
            and toks[a].norm in SETTLEMENT_WORDS
            and toks[a + 1].norm == "of"
            and b in by_start
        ):
            mentions[by_start[b]].settlement_of = k
        # Y, X Oblast | Y in X Oblast | Y (X Oblast) | Y in Ukraine's X region
        # (one word more for a compass adjective: "Y in the southern X oblast")
        gap_end = min(len(toks), m.j + 4)
        for nxt in range(m.j, gap_end):
            if nxt in by_start and nxt != m.i:
                other = mentions[by_start[nxt]]
                between = text[m.end : other.start].strip().lower()
                # The third word between is the compass's alone: "Kharkiv and the region's
                # Chuhuiv" ends in "'s" too, and is a list, not a town and its unit.
                near = nxt < m.j + 3
                if near and between == "," and _listed_city(text, other, by_start, mentions):
                    break  # "Odesa, Kharkiv and Mykolaiv": three cities, no city and state
                if near and (
                    between in {",", "in", "(", "near", "in the", ", in", "of"}
                    or between.endswith("’s")
                    or between.endswith("'s")
                ):
                    m.within = by_start[nxt]
                elif near and between == "of the" and other.admin1_form:
                    m.within = by_start[nxt]  # a bulletin's "Y of the X Region"
                elif _IN_THE_COMPASS.fullmatch(between) and other.admin1_form:
                    m.within = by_start[nxt]  # "Y in the southern X oblast"
                break


# Between a town and the oblast it lies in, told with the oblast's part of the country
_IN_THE_COMPASS = re.compile(r",? ?in the (?:(?:north|south)(?:-?(?:east|west))?|east|west)ern")
# After a name, what goes on to the next name of a list: ", " or "and" / "or".
_LIST_ON = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)")


def _listed_city(text: str, m: Mention, by_start: dict[int, int], mentions: list[Mention]) -> bool:
    """Whether ``m`` names a theatre city as well as its oblast and a list goes on after it.

    An oblast named after its city of 100,000 or more, followed by another listed name, is
    one city of a list ("Odesa, Kharkiv and Mykolaiv"), not the unit of the name before it.
    Elsewhere a state keeps its town ("Buffalo, New York, and Boston").
    """
    if not any(
        c.place.kind is _POPULATED and (c.place.population or 0) >= BIG_TOWN for c in m.cands
    ) or not any(c.place.kind is _ADMIN1 and c.place.country_code in THEATRE for c in m.cands):
        return False  # "Buffalo, New York, and Boston": a state before the list goes on
    after = _LIST_ON.match(text, m.end)
    if after is None:
        return False
    nxt = next((n for n in mentions if n.start >= m.end), None)
    return nxt is not None and nxt.start == after.end() and nxt.i in by_start


# Three Cyrillic words in a row: the article is written in Ukrainian or Russian.
_CYRILLIC_TEXT = re.compile(r"[А-яЁёЇїІіЄєҐґ]+[\s,]+[А-яЁёЇїІіЄєҐґ]+[\s,]+[А-яЁёЇїІіЄєҐґ]+")
# Asked first: a search that opens with a repeat is tried at every position of the text, one
# for a single letter skips ahead, and most texts hold no Cyrillic letter at all.
_CYRILLIC_LETTER = re.compile(r"[А-яЁёЇїІіЄєҐґ]")


def _doc_context(
    mentions: list[Mention], text: str
) -> tuple[Counter, set[str], set[str], set[str], set[str], dict[str, set[str]]]:
    """Countries, units, explicit "X Oblast" units, demonym countries, countries of its states.

    The last are the countries whose states the text names by names that can only be states
    ("Alabama"). Demonyms are weak evidence ("Russian forces" fight in Ukraine), so they are
    kept apart from countries the text names.
    """
    countries: Counter = Counter()
    admin1: set[str] = set()
    explicit: set[str] = set()
    plain: set[str] = set()
    named_by: dict[str, set[str]] = {}  # country -> the names that point to it
    lowered = text.lower()
    demonyms = {cc for word, cc in DEMONYMS.items() if word in lowered}
    if demonyms & THEATRE:
        # "Russian forces", "Ukrainian troops": both point to the war's theatre, not to one
        # side's territory, so they weigh for Ukraine and Russia alike.
        demonyms |= THEATRE
    for m in mentions:
        republic = _republic_unit(m, text)
        if republic is not None:
            # "the Donetsk People's Republic", "the DPR": Russia's name for the oblast names
            # it ("Donetsk" is read there as a name embedded in a longer one)
            admin1.add(republic)
            explicit.add(republic)
            continue
        if m.role not in _CONTEXT_ROLES:
            continue  # "Russian forces", "Kyiv Post": demonyms count above, and only weakly
        kinds = {c.place.kind for c in m.cands}
        if m.admin1_form or m.key.endswith(" область"):  # "Харьковской области" too
            for c in m.cands:
                if c.place.kind is _ADMIN1 and c.place.admin1_code:
                    admin1.add(c.place.admin1_code)
                    explicit.add(c.place.admin1_code)
                    countries[c.place.country_code] += 1
                    named_by.setdefault(c.place.country_code, set()).add(m.key)
        elif _COUNTRY in kinds:
            for c in m.cands:
                if c.place.kind is _COUNTRY:
                    countries[c.place.country_code] += 2
                    named_by.setdefault(c.place.country_code, set()).add(m.key)
        elif kinds == {_REGION}:
            for c in m.cands:
                if c.place.country_code:
                    countries[c.place.country_code] += 1
                    named_by.setdefault(c.place.country_code, set()).add(m.key)
        else:
            unit = _plain_unit(m)
            if unit is not None:
                plain.add(unit)
    if len(plain) == 1:
        # A story that names one state is set in it; one that names several (a sports
        # round-up: Ohio, Mississippi, Connecticut) says nothing of its towns' states.
        admin1 |= plain
    states_of = {code.split(".")[0] for code in plain}
    return countries, admin1, explicit, demonyms, states_of, named_by


_REPUBLIC_AFTER = re.compile(r"\s+People['’]s\s+Republic\b")


def _republic_unit(m: Mention, text: str) -> str | None:
    """The theatre oblast that "Donetsk" of "Donetsk People's Republic" or "DPR" names.

    The full name is read as "Donetsk", whose readings include the oblast; the abbreviation
    is an alias of the oblast and nothing else.
    """
    kinds = (_ADMIN1, _REGION)
    units = {
        c.place.admin1_code
        for c in m.cands
        if c.place.kind in kinds and c.place.country_code in THEATRE
    }
    if len(units) != 1 or None in units:
        return None
    if _REPUBLIC_AFTER.match(text, m.end) or all(
        c.match == "alias" and c.place.kind in kinds for c in m.cands
    ):
        return units.pop()
    return None


def _plain_unit(m: Mention) -> str | None:
    """The admin-1 code of a bare name that can only be that unit ("Illinois", "Texas").

    A unit named after its city (Donetsk, Kursk: no population of its own in the index) or
    sharing its name with a country (Georgia) or a big town is left to resolution.
    """
    units = [c.place for c in m.cands if c.place.kind is _ADMIN1]
    if len(units) != 1 or not units[0].population or not units[0].admin1_code:
        return None
    if any(
        c.place.kind is _COUNTRY
        or (c.place.kind is _POPULATED and (c.place.population or 0) >= BIG_TOWN)
        for c in m.cands
    ):
        return None
    return units[0].admin1_code


def _famous_town(m: Mention) -> Candidate | None:
    """The biggest town of a name that English writes often (Geneva, Odesa, Paris), if any.

    How often a name appears in English text tracks the fame of its best-known bearer, which
    is nearly always the biggest; small namesakes (Geneva, Illinois) need the text to say so.
    """
    towns = [c for c in m.cands if c.place.kind is _POPULATED]
    if len(towns) < 2 or " " in m.key or english_zipf(m.key) < 3.0:
        return None
    return max(towns, key=lambda c: c.place.population or 0)


@dataclass
class _Context:
    """What the article says about where it is, for scoring and for confidence."""

    countries: Counter
    admin1: set[str]
    demonyms: set[str]
    anchors: list[Place] = field(default_factory=list)
    # km from a place (by id) to the nearest other anchor, once per place: a name repeated
    # through an article asks for the same distances at every mention.
    nearest_km: dict[str, float] = field(default_factory=dict)
    cyrillic: bool = False  # written in Ukrainian or Russian
    front: bool = False  # names a front direction after a town of the theatre

    @property
    def in_theatre(self) -> bool:
        """Whether the article is about Ukraine or Russia (named, or their peoples).

        A bulletin in Ukrainian or Russian names neither ("противник", "ЗСУ"): there one
        unambiguous town of the theatre says it ("у Купянска и Синьковки").
        """
        return (
            bool(THEATRE & (set(self.countries) | self.demonyms))
            or any(code[:2] in THEATRE for code in self.admin1)
            or (self.cyrillic and any(p.country_code in THEATRE for p in self.anchors))
            # An English General Staff bulletin names neither either ("In the Kupiansk
            # direction, the enemy attacked near Synkivka"): its front direction says it.
            or self.front
        )


HROMADA_BONUS = 2.5  # as much as the oblast the text names


def _named_hromadas(mentions: list[Mention]) -> set[str]:
    """The KATOTTG prefixes (oblast, raion, hromada) of the hromadas the text names."""
    out = set()
    for m in mentions:
        if m.role not in _CONTEXT_ROLES or not m.cands:
            continue
        ids = {c.place.place_id for c in m.cands}
        if len(ids) == 1:
            pid = next(iter(ids))
            if _hromada_id(pid):
                out.add(pid[4:13])
    return out


_TOWN_APPOSITION = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|port|settlement)\b"
)
# What the text says of a bare name that is both a theatre oblast and its centre ("Sumy",
# "Zaporizhzhia"): "the city of X", "the regional capital, X", "X city", "X residents" name
# the town even where the article names the oblast too. Strikes ("an attack on Odesa") are
# left to the events, which place them at the town themselves.
_CITY_BEFORE = re.compile(
    r"\b(?:city|town|capital|centre|center|cities|towns|capitals|centres|centers)"
    r"(?:\s+(?:of|such\s+as|like))?\s*[,(]?\s*(?:including\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# Not "the Donetsk city of Pokrovsk", where the oblast names a town inside it.
_CITY_AFTER = re.compile(r"\s+(?:(?:city|City)\b(?!\s+of\b)|(?:residents|mayor|Mayor)\b)")
CITY_CUE_BONUS = 2.0


_LIST_GLUE = frozenset([",", "and", ", and", "&"])


def _city_cued_unit(mentions: list[Mention], k: int, text: str) -> str | None:
    """The admin-1 code of a unit whose centre mention ``k`` is framed as a town, else None.

    A list shares its first item's frame: "the cities of Odesa, Kharkiv and Mykolaiv".
    """
    m = mentions[k]
    if m.admin1_form:
        return None
    units = {
        c.place.admin1_code
        for c in m.cands
        if c.place.kind is _ADMIN1 and c.place.country_code in THEATRE
    }
    if not units:
        return None  # most names: no theatre oblast among the readings, so no town of one
    towns = {
        c.place.admin1_code
        for c in m.cands
        if c.place.kind is _POPULATED and c.place.admin1_code in units
    }
    if len(towns) != 1:
        return None
    first = m
    j = k
    while k > 0 and text[mentions[k - 1].end : first.start].strip().lower() in _LIST_GLUE:
        k -= 1
        first = mentions[k]
    before = text[max(0, first.start - 40) : first.start]
    if not (
        _CITY_BEFORE.search(before)
        or _CITY_AFTER.match(text, m.end)
        or _listed_with_a_town(mentions, k, j, text)
    ):
        return None
    return next(iter(towns))


def _listed_with_a_town(mentions: list[Mention], first: int, k: int, text: str) -> bool:
    """Whether mention ``k``'s list (from ``first``) holds a big town that is no oblast.

    "Clashes in Mariupol, Sumy, Kharkiv and Chernihiv": Mariupol is only a town, and the
    names listed with it are towns too, though the article names the Sumy region elsewhere.
    """
    last = k
    while (
        last + 1 < len(mentions)
        and text[mentions[last].end : mentions[last + 1].start].strip().lower() in _LIST_GLUE
    ):
        last += 1
    return any(
        q != k
        and not mentions[q].admin1_form
        and _big_towns(mentions[q])
        and not any(c.place.kind is _ADMIN1 for c in mentions[q].cands)
        for q in range(first, last + 1)
    )


def _cyrillic_text(text: str) -> bool:
    """Whether the text has a run of three Cyrillic words."""
    return _CYRILLIC_LETTER.search(text) is not None and _CYRILLIC_TEXT.search(text) is not None


def _big_towns(m: Mention) -> set[str]:
    """The names of the theatre towns of ``BIG_TOWN`` people or more that bear ``m`` today.

    An old name does not count: Engels, once Pokrovsk, is no rival to today's Pokrovsk.
    """
    return {
        c.place.name
        for c in m.cands
        if c.place.kind is _POPULATED
        and c.match != "alternate"
        and c.place.country_code in THEATRE
        and (c.place.population or 0) >= BIG_TOWN
    }


# "the Pokrovsk direction", "the Kupiansk axis": a front sector named by its town
_SECTOR_AFTER = re.compile(r"(?:-[\w'’]+)?\s+(?:direction|directions|axis|sector)\b", re.I)


def _sector_units(mentions: list[Mention], text: str) -> set[str]:
    """The oblasts of the front sectors the text names ("the Pokrovsk direction").

    A bulletin names its sector and then spells the sector's villages in Russian ("fighting
    near Sokol"): the sector's town (the biggest of the theatre's namesakes) names the oblast
    as surely as "Donetsk Oblast" would, for reading those spellings there.
    """
    units: set[str] = set()
    for m in mentions:
        if m.role not in _CONTEXT_ROLES or not _SECTOR_AFTER.match(text, m.end):
            continue
        towns = [
            c.place
            for c in m.cands
            if c.place.kind is _POPULATED
            and c.place.country_code in THEATRE
            and c.match != "alternate"  # "Pokrovsk" is also Engels' old name
        ]
        if towns:
            town = max(towns, key=lambda p: p.population or 0)
            if town.admin1_code:
                units.add(town.admin1_code)
    return units


def _score_all(mentions: list[Mention], text: str, gaz: Gazetteer) -> _Context:
    countries, admin1, explicit, demonyms, unit_countries, named_by = _doc_context(mentions, text)
    ctx = _Context(countries, admin1, demonyms, cyrillic=_cyrillic_text(text))
    respelt_in_named_oblasts(
        mentions, gaz=gaz, units=explicit | _sector_units(mentions, text), text=text
    )
    hromadas = _named_hromadas(mentions)
    # Lists of villages ("near Zelene, Rivne, Promin and Myrnohrad"): a name there is a
    # village even where a city bears it. A list of cities ("Kharkiv, Sumy and
    # Zaporizhzhia") is not one.
    runs = _list_runs(mentions, text)
    village_lists = {
        q
        for run in runs
        if 2 * sum(bool(_big_towns(mentions[q])) for q in run) < len(run)
        for q in run
    }
    # A name repeated through an article, with the same readings (the index's own candidate
    # objects) and the same framing, scores the same: its readings are weighed once. The key
    # holds every input of the weighing below that is not the article's.
    scored_as: dict[tuple, list[float]] = {}
    for k_m, m in enumerate(mentions):
        m.scores = []
        if not _weighs_context(m):
            # "Kyiv Independent", "New York Times", "Canadians": the name's best-known bearer,
            # whatever the article is about (no Niu-York in Donetsk Oblast for the Times).
            famous = _famous_town(m)
            m.scores = [
                base_score(c)
                + (1.0 if c is famous else 0.0)
                + (1.0 if (c.place.population or 0) >= 1_000_000 else 0.0)
                + (1.0 if gaz.is_capital(c.place.place_id) else 0.0)
                for c in m.cands
            ]
            continue
        # "talks held in Gomel, a city close to the frontier": the apposition picks the reading
        said_town = not m.admin1_form and _TOWN_APPOSITION.match(text, m.end) is not None
        city_of = _city_cued_unit(mentions, k_m, text)
        listed = k_m in village_lists
        # ids of candidates held by live mentions: equal ids are the same candidates
        same = (m.key, m.admin1_form, said_town, city_of, listed, *map(id, m.cands))
        if (done := scored_as.get(same)) is not None:
            m.scores = list(done)
            continue
        held_by_name = any(c.match in ("name", "ascii", "alias") for c in m.cands)
        famous = _famous_town(m)
        # A bare "Zaporizhzhia" or "Mykolaiv" is the city of 700,000, not a village of that
        # name that lies near the article's other places: villages named after a city need
        # the text to say so ("the village of X", "X, Y district"), which outweighs this.
        big_towns = _big_towns(m) if not listed else set()
        for c in m.cands:
            p = c.place
            s = base_score(c)
            if m.admin1_form:
                s += 8.0 if p.kind is _ADMIN1 else -8.0
            if p.country_code in countries and named_by[p.country_code] != {m.key}:
                # Another name must point there: "Georgia" does not vouch for itself.
                # Flat: a country named ten times is no likelier to hold a given town than
                # one named once (a US-heavy story about talks in Geneva, Switzerland).
                s += 1.0 if p.kind is _POPULATED else 1.5
            elif p.country_code in demonyms:
                s += 0.5
            if c.match == "alternate" and held_by_name:
                # An old or foreign spelling loses to the place that bears the name today:
                # "Pokrovsk" is Pokrovsk, not Engels (called Pokrovsk until 1931).
                s -= 1.5
            if c is famous:
                s += 1.0
            if (p.population or 0) >= 1_000_000 or gaz.is_capital(p.place_id):
                # A metropolis or a capital is what a bare name means unless the text says
                # otherwise: Washington is the capital, not Washington in Tyne and Wear.
                s += 1.0
            if p.country_code in THEATRE:  # a small prior for the theatre
                s += 0.3
            if (
                big_towns
                and p.name in big_towns
                and p.kind is _POPULATED
                and (p.population or 0) < BIG_TOWN
            ):
                s -= TOWN_NAMESAKE_PENALTY
            if p.kind in _SMALL_KINDS and p.admin1_code in admin1:
                s += 2.5
            if p.kind is _ADMIN1 and p.country_code in unit_countries:
                # A story that names Alabama and Texas means the state by "Georgia".
                s += STATE_AMONG_STATES_BONUS
            if (
                p.kind is _ADMIN1
                and p.admin1_code in explicit
                and not m.admin1_form
                and p.admin1_code != city_of
            ):
                # "Kursk Oblast ... the invasion of Kursk": the bare name means the region.
                s += 4.0
            if said_town and p.kind is _POPULATED:
                s += 4.0
            if hromadas and p.place_id.startswith("ua:") and p.place_id[3:12] in hromadas:
                # "shelled the Pokrovsk hromada ... two killed in Zelene": the village of that
                # hromada (its KATOTTG code starts with the hromada's), not a namesake
                s += HROMADA_BONUS
            if p.kind is _POPULATED and city_of and p.admin1_code == city_of:
                s += CITY_CUE_BONUS
            m.scores.append(s)
        scored_as[same] = list(m.scores)  # a copy: the links below add to m.scores in place

    # Links between mentions: the settlement lies in the unit named next to it.
    for m in mentions:
        if m.role not in _CONTEXT_ROLES:
            continue
        if m.settlement_of is not None:
            unit = mentions[m.settlement_of]
            for k, c in enumerate(unit.cands):
                if c.place.kind is _ADMIN1:
                    unit.scores[k] += 6.0
            codes = {c.place.admin1_code for c in unit.cands if c.place.kind is _ADMIN1}
            for k, c in enumerate(m.cands):
                if c.place.admin1_code in codes and c.place.kind is _POPULATED:
                    m.scores[k] += 6.0
        if m.within is not None:
            outer = mentions[m.within]
            # "Albany, New York": after a town and a comma comes its state, not a city.
            if text[m.end : outer.start].strip() == ",":
                for k, c in enumerate(outer.cands):
                    if c.place.kind is _ADMIN1:
                        outer.scores[k] += 3.0
            codes = {c.place.admin1_code for c in outer.cands if c.place.kind in (_ADMIN1, _REGION)}
            ccs = {c.place.country_code for c in outer.cands if c.place.kind is _COUNTRY}
            for k, c in enumerate(m.cands):
                if c.place.kind is _POPULATED and c.place.admin1_code in codes:
                    m.scores[k] += 4.0
                elif c.place.country_code in ccs and c.place.kind is not _COUNTRY:
                    m.scores[k] += 2.0

    _co_located(mentions)
    _listed_together(mentions, text)
    _list_support(mentions, runs)  # the same runs: scoring changes no readings

    # Nearness to the confidently placed: two passes let anchors propagate. Each pass
    # recomputes the bonus from the scores without it, so passes do not accumulate. Work is
    # per distinct name, not per mention, so a long document costs little more than a short.
    context = [list(m.scores) for m in mentions]
    placed = None  # the last pass's anchors, by place and name
    for _ in range(2):
        anchors: dict[str, tuple[str, Place]] = {}
        for m in mentions:
            if m.role not in _CONTEXT_ROLES:
                continue  # a demonym or a newspaper's name anchors nothing: no reading asked
            k = _best(m)
            if k is None:
                continue
            p = m.cands[k].place
            if p.kind in (_POPULATED, _ADMIN2, _ADMIN1) and _margin(m) >= 1.5:
                anchors.setdefault(p.place_id, (m.key, p))
        if not anchors:
            break
        now = [(pid, key) for pid, (key, _) in anchors.items()]
        if now == placed:
            break  # the same anchors as the pass before: the same bonuses, the same scores
        placed = now
        ctx.anchors = [p for _, p in anchors.values()]
        weighed = [m for m in mentions if len(m.cands) >= 2 and m.role not in _PEOPLE_ROLES]
        bonus_by_key = _near_bonuses(weighed, list(anchors.values()))
        for m, without in zip(mentions, context, strict=True):
            if len(m.cands) < 2 or m.role in _PEOPLE_ROLES:
                continue
            bonus = bonus_by_key[m.key]
            m.scores = [w + b for w, b in zip(without, bonus, strict=True)]
    return ctx


# Names of one list ("near Petropavlivka, Zahryzove and Nova Kruhliakivka", "у A, B и C"):
# a bulletin lists villages of one stretch of front.
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|и|та|і|й))\s*")
LIST_NEIGHBOUR_KM = 40.0
LIST_NEIGHBOUR_BONUS = 1.0


def _listed_together(mentions: list[Mention], text: str) -> None:
    """Raise a namesake's reading that lies near the only reading of a name listed beside it.

    Of the Petropavlivkas, the one beside the Zahryzove named next to it in a list: the
    namesakes elsewhere are a few points apart in the priors, and a list names one stretch.
    """
    for q, m in enumerate(mentions):
        if len(m.cands) < 2 or m.role not in _CONTEXT_ROLES:
            continue
        fixed = []
        for o in (q - 1, q + 1):
            if not 0 <= o < len(mentions):
                continue
            n = mentions[o]
            a, b = (n, m) if o < q else (m, n)
            if (
                len(n.cands) == 1
                and (n.cands[0].place.kind is _POPULATED or _hromada(n.cands[0].place))
                and _LIST_GAP.fullmatch(text, a.end, b.start)
            ):
                fixed.append(n.cands[0].place)
        if not fixed:
            continue  # most names have no single-reading neighbour: no reading to look at
        for k, c in enumerate(m.cands):
            if c.place.kind is _POPULATED and any(
                f.kind is _POPULATED
                and great_circle_km(c.place.lat, c.place.lon, f.lat, f.lon) <= LIST_NEIGHBOUR_KM
                for f in fixed
            ):
                m.scores[k] += LIST_NEIGHBOUR_BONUS
            elif _hromada(c.place) and any(
                _hromada(f)
                and great_circle_km(c.place.lat, c.place.lon, f.lat, f.lon) <= LIST_HROMADA_KM
                for f in fixed
            ):
                # "the A and B communities": two hromadas told together share a border, which
                # says where A is as much as its oblast named would
                m.scores[k] += LIST_HROMADA_BONUS


LIST_HROMADA_KM = 60.0  # seats of neighbouring hromadas; a hromada spans up to 40 km
LIST_HROMADA_BONUS = 2.5  # as much as the oblast the text names (HROMADA_BONUS)


def _hromada(p: Place) -> bool:
    """Whether the place is a Ukrainian hromada."""
    return _hromada_id(p.place_id)


def _hromada_id(place_id: str) -> bool:
    """Whether a place id is a Ukrainian hromada's.

    "ua2:UA14160210000011148": a hromada has its own digits where a raion's KATOTTG code has
    zeros (every Ukrainian admin-2 id is "ua2:" and the code, geo.places.theatre).
    """
    return place_id.startswith("ua2:") and place_id[10:13] != "000"


# A whole list of settlements names one stretch of front or one community: "regained control
# over A, B, C, D and part of the village of E", "evacuated from the town of M, the villages
# of N, O and P". The gap between two listed names may carry the settlement word.
_LIST_RUN_GAP = re.compile(
    r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|и|та|і|й)\s+)"
    r"(?:(?:part\s+of\s+)?the\s+)?"
    r"(?:(?:villages?|towns?|settlements?|city|cities|hamlets?)\s+of\s+)?",
    re.IGNORECASE,
)
_LIST_RUN_GATE = Gated(_LIST_RUN_GAP)  # asked of the gap after every name, twice an article
LIST_RUN_MIN = 3  # two names are ``_listed_together``'s; three make a stretch
LIST_RUN_KM = 30.0
LIST_RUN_BONUS = 0.5  # per other listed name with a plausible reading that near
LIST_RUN_MAX_BONUS = 2.0
# Closer still: a reading this near other listed names wins a tie with a namesake that is only
# within LIST_RUN_KM (support counts each close name as this share of one listed name).
LIST_RUN_CLOSE_KM = 10.0
LIST_RUN_CLOSE_SHARE = 0.02
# A listed name's readings that count as support: those within this of its best score (a
# namesake in another country, already far behind, says nothing about where the list is).
LIST_RUN_PLAUSIBLE = 3.0


def _list_runs(mentions: list[Mention], text: str) -> list[list[int]]:
    """Runs of three or more settlement names joined only by list punctuation and words."""
    runs: list[list[int]] = []
    run: list[int] = []
    last_end = -1  # where the run's last name, read or not, ends
    for q, m in enumerate(mentions):
        if m.role not in _CONTEXT_ROLES or m.admin1_form:
            if len(run) >= LIST_RUN_MIN:
                runs.append(run)
            run, last_end = [], -1
            continue
        joined = last_end >= 0 and _LIST_RUN_GATE.fullmatch(text, last_end, m.start) is not None
        if not joined:
            if len(run) >= LIST_RUN_MIN:
                runs.append(run)
            run = []
        last_end = m.end
        if not m.cands:
            # A village the index lacks (read later as a near-spelling, or not at all) is
            # still one of the list: the list goes on past it, without it.
            continue
        if any(c.place.kind is _POPULATED for c in m.cands):
            run.append(q)
        else:
            if len(run) >= LIST_RUN_MIN:
                runs.append(run)
            run, last_end = [], -1
    if len(run) >= LIST_RUN_MIN:
        runs.append(run)
    return runs


def _list_support(mentions: list[Mention], runs: list[list[int]]) -> None:
    """Raise each listed namesake's reading that lies near readings of the other listed names.

    Of six villages retaken together (three Oleksandrivkas and four Fedorivkas in one oblast
    alone), the readings meant lie within a few kilometres of each other, and a namesake
    elsewhere has few listed neighbours by chance. Each reading gains ``LIST_RUN_BONUS``
    per other listed name with a plausible reading within ``LIST_RUN_KM``, twice that for a
    name with a single reading (it is where it is; a name with dozens of namesakes has one
    nearby by chance more often), up to ``LIST_RUN_MAX_BONUS``; beyond it, each other listed
    name within ``LIST_RUN_CLOSE_KM`` adds ``LIST_RUN_CLOSE_SHARE``, which settles a tie between
    two villages of one name that both lie within reach. Only the differences between
    a name's readings matter.
    """
    if not runs:
        return
    import numpy as np

    for run in runs:
        members = [mentions[q] for q in run]
        if len({m.key for m in members}) < LIST_RUN_MIN or all(len(m.cands) < 2 for m in members):
            continue
        # Every plausible settlement reading of the run, with the name it reads.
        owner: list[str] = []
        plausible_places: list[Place] = []
        weight: dict[str, float] = {}
        for m in members:
            top = max(m.scores)
            plausible = [
                c.place
                for c, s in zip(m.cands, m.scores, strict=True)
                if c.place.kind is _POPULATED and s >= top - LIST_RUN_PLAUSIBLE
            ]
            weight[m.key] = 2.0 if len(plausible) == 1 and len(m.cands) == 1 else 1.0
            owner += [m.key] * len(plausible)
            plausible_places += plausible
        keys = np.array(owner, dtype=object)
        for m in members:
            if len(m.cands) < 2:
                continue
            km = _km_matrix([c.place for c in m.cands], plausible_places)
            others = keys[None, :] != m.key
            near = (km <= LIST_RUN_KM) & others
            close = (km <= LIST_RUN_CLOSE_KM) & others
            populated = [c.place.kind is _POPULATED for c in m.cands]
            support = [
                sum(weight[k] for k in set(keys[row].tolist())) if ok else 0.0
                for ok, row in zip(populated, near, strict=True)
            ]
            # two namesakes both within reach of the list: the one beside its other items (a
            # hromada's villages told together) wins, by a margin that only settles a tie
            beside = [
                LIST_RUN_CLOSE_SHARE * len(set(keys[row].tolist())) if ok else 0.0
                for ok, row in zip(populated, close, strict=True)
            ]
            if max(support) == min(support) and max(beside) == min(beside):
                continue  # the list tells this name's readings nothing apart
            m.scores = [
                s + min(LIST_RUN_MAX_BONUS, LIST_RUN_BONUS * n) + b
                for s, n, b in zip(m.scores, support, beside, strict=True)
            ]


# Grid cells of about 40 km for finding readings of different names that lie together; a cell
# and its eight neighbours cover some 40-110 km around a point. Coarser cells help in sparse
# country (US counties) but lift wrong namesakes among the theatre's dense villages.
_CELL_DEG = 0.35
CO_LOCATED_BONUS = 0.75  # per other name with a reading nearby, up to three
TOWN_AND_COUNTY_BONUS = 2.5
STATE_AMONG_STATES_BONUS = 2.0
_SMALL_KINDS = frozenset([_POPULATED, _ADMIN2])
# A cell is one number, row * _CELL_ROW + column (columns run -515..515), so that a cell and
# its eight neighbours are nine additions, not nine tuples to build and hash.
_CELL_ROW = 2048
_AROUND = [da * _CELL_ROW + db for da in (-1, 0, 1) for db in (-1, 0, 1)]


def _co_located(mentions: list[Mention]) -> None:
    """Raise readings that lie near a reading of another name of the article.

    "Paris" and "Henry County" together are Paris and Henry County, Tennessee, although
    neither name alone is sure of its state: namesakes of two different names rarely lie
    together by chance. Only towns and admin-2 units take part (a state's centre says
    little), by their current names, and the work is per distinct name over a grid, not
    per pair of readings.
    """
    by_key: dict[str, list[Mention]] = {}
    for m in mentions:
        if _weighs_context(m) and m.cands:
            by_key.setdefault(m.key, []).append(m)
    if len(by_key) < 2:
        return
    cells: dict[int, set[int]] = {}
    # Per cell, the names with a county reading there (True) and those with a town reading
    # there (False); a cell without such readings is not in the map.
    kinds: dict[bool, dict[int, set[int]]] = {True: {}, False: {}}
    anywhere: dict[bool, set[int]] = {True: set(), False: set()}  # the same, in any cell
    keyed = list(by_key.values())
    cell_of: list[list[int | None]] = []  # each reading's cell, once
    for n, group in enumerate(keyed):
        row: list[int | None] = []
        for c in group[0].cands:
            cell = None
            p = c.place
            # An old or foreign name is another name of a place ("Pokrovsk" of Engels): it
            # would find itself next to the place named today and count as support.
            if p.kind in _SMALL_KINDS and c.match != "alternate":
                cell = int(p.lat // _CELL_DEG) * _CELL_ROW + int(p.lon // _CELL_DEG)
                county = p.kind is _ADMIN2
                # get first: setdefault would build the empty set for every reading
                if (names := cells.get(cell)) is None:
                    names = cells[cell] = set()
                names.add(n)
                of_kind = kinds[county]
                if (same := of_kind.get(cell)) is None:
                    same = of_kind[cell] = set()
                same.add(n)
                anywhere[county].add(n)
            row.append(cell)
        cell_of.append(row)
    around: dict[int, set[int]] = {}  # the names in a cell's neighbourhood
    for n, group in enumerate(keyed):
        if len(group[0].cands) < 2:
            continue
        bonus = []
        for c, cell in zip(group[0].cands, cell_of[n], strict=True):
            if cell is None:
                bonus.append(0.0)
                continue
            near = around.get(cell)
            if near is None:
                # the nine cells' names, looked up in C (a cell's set is never empty)
                found = list(filter(None, map(cells.get, map(cell.__add__, _AROUND))))
                # one cell (its own, the common case) is read as it is, never changed
                near = found[0] if len(found) == 1 else set().union(*found)
                around[cell] = near
            extra = 0.0
            if len(near) > 1:
                # A town beside a county the article names ("Paris and Henry County"): the
                # pair is what a local story is about, stronger than two towns together.
                other = c.place.kind is not _ADMIN2
                of_other = kinds[other]
                # Most articles name no county: then no cell needs looking at.
                if len(anywhere[other]) > (n in anywhere[other]) and any(
                    len(names) > (n in names)  # a name other than this one
                    for d in _AROUND
                    if (names := of_other.get(cell + d))
                ):
                    extra = TOWN_AND_COUNTY_BONUS
            bonus.append(CO_LOCATED_BONUS * min(3, len(near) - (n in near)) + extra)
        if not any(bonus):
            continue
        for m in group:
            if len(m.cands) == len(bonus):
                m.scores = [s + x for s, x in zip(m.scores, bonus, strict=True)]


# A front "direction" is named after a town of note; a bulletin's villages told in the same
# sentence lie in that sector ("In the Lyman direction, an attack was repelled near Terny").
_SECTOR_WORDS = frozenset(
    ["direction", "axis", "sector"]
    # "на Курахово направлении", "на Лиманському напрямку" (folded as tokens are: й → и)
    + [normalize(w) for w in ("напрямку", "напрямі", "напрямок", "направлении", "направление")]
)
SECTOR_TOWN_BONUS = 2.0
SECTOR_NEAR_BONUS = 3.0
SECTOR_NEAR_KM = 60.0
SECTOR_TIE = 0.05


def _sectors(text: str, toks: list[Token], mentions: list[Mention]) -> None:
    """Read "the X direction" as the biggest of the theatre's X, and its sentence's places near it.

    Namesake villages abound (Terny, Vodiane, Lyman in two oblasts each): a bulletin that
    otherwise speaks of Kharkiv Oblast still means the Donetsk town by "the Lyman direction",
    and the villages it names in that sentence within ``SECTOR_NEAR_KM`` of it.
    """
    for hub_m in mentions:
        if hub_m.j >= len(toks) or toks[hub_m.j].norm not in _SECTOR_WORDS:
            continue
        if not toks[hub_m.j - 1].joined or hub_m.role not in _CONTEXT_ROLES:
            continue
        towns = [
            n
            for n, c in enumerate(hub_m.cands)
            if c.place.kind is _POPULATED and c.place.country_code in THEATRE
        ]
        if len(towns) >= 2:
            big = max(towns, key=lambda n: hub_m.cands[n].place.population or 0)
            if hub_m.cands[big].place.population:
                hub_m.scores[big] += SECTOR_TOWN_BONUS
        best = _best(hub_m)
        if best is None:
            continue
        hub = hub_m.cands[best].place
        start = max(text.rfind(". ", 0, hub_m.start), text.rfind("\n", 0, hub_m.start))
        ends = [e for e in (text.find(". ", hub_m.end), text.find("\n", hub_m.end)) if e >= 0]
        end = min(ends, default=len(text))
        for m in mentions:
            if m is hub_m or not start < m.start < end or len(m.cands) < 2:
                continue
            if m.role not in _CONTEXT_ROLES:
                continue
            for n, c in enumerate(m.cands):
                if c.place.kind in _SMALL_KINDS and (d := _dist_km(c.place, hub)) <= SECTOR_NEAR_KM:
                    # two namesakes near one front (Dachne 20 and 50 km from Kurakhove): the
                    # nearer one, by a margin that only breaks the tie
                    m.scores[n] += SECTOR_NEAR_BONUS + SECTOR_TIE * (1 - d / SECTOR_NEAR_KM)


# A bulletin names its direction once and lists the villages in the next sentence ("In the
# Kherson direction the enemy shelled the area. Attacks were repelled near A and B"). A reading
# this far from the direction's town lies outside its sector; only a village moves, and only
# to a namesake inside the sector (a blanket vote over the list cost an unseen set matches).
SECTOR_OUT_KM = 120.0
SECTOR_TOWN_POPULATION = 20_000  # a town this big is read by its own name, not its sector


def _sentence_end(text: str, at: int) -> int:
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0]
    return min(ends, default=len(text))


def _sector_namesakes(text: str, toks: list[Token], mentions: list[Mention]) -> None:
    """Move a village read outside the sector its bulletin names to a namesake inside it.

    Runs once the scores are final. For each "X direction" after a town of the theatre, a
    village (under ``SECTOR_TOWN_POPULATION``) named in that sentence or the next whose
    reading lies more than ``SECTOR_OUT_KM`` from the town moves to its reading nearest the
    town within ``SECTOR_NEAR_KM``, if it has one. Without such a reading nothing moves.
    """
    for hub_m in mentions:
        if hub_m.j >= len(toks) or toks[hub_m.j].norm not in _SECTOR_WORDS:
            continue
        if not toks[hub_m.j - 1].joined or hub_m.role not in _CONTEXT_ROLES:
            continue
        best = _best(hub_m)
        if best is None:
            continue
        hub = hub_m.cands[best].place
        if hub.kind is not _POPULATED or hub.country_code not in THEATRE:
            continue
        start = max(text.rfind(". ", 0, hub_m.start), text.rfind("\n", 0, hub_m.start))
        first = _sentence_end(text, hub_m.end)
        end = _sentence_end(text, first + 1) if first < len(text) else first
        for m in mentions:
            if m is hub_m or not start < m.start < end or m.role not in _CONTEXT_ROLES:
                continue
            k = _best(m)
            if k is None:
                continue
            here = m.cands[k].place
            if (
                here.kind is not _POPULATED
                or (here.population or 0) >= SECTOR_TOWN_POPULATION
                or _dist_km(here, hub) <= SECTOR_OUT_KM
            ):
                continue
            inside = [
                (d, n)
                for n, c in enumerate(m.cands)
                if c.place.kind is _POPULATED and (d := _dist_km(c.place, hub)) <= SECTOR_NEAR_KM
            ]
            if inside:
                m.scores[min(inside)[1]] = m.scores[k] + SECTOR_NEAR_BONUS


# "In Kherson region, the enemy fired at A, B and C": the oblast that opens a sentence holds
# the settlements it lists, up to the sentence's end or the next "in <oblast>" (a bare oblast
# inside the list may be a village misread: "Lvov" among Kherson villages).
_IN_BEFORE = re.compile(r"(?:^|\s)(?:[Ii]n|[Oo]n|against)(?:\s+the)?\s+$")
OBLAST_GROUP_BONUS = 3.0


def _oblast_groups(text: str, mentions: list[Mention]) -> None:
    """Move a village read outside the oblast its sentence opens with to a namesake inside it.

    Runs once the scores are final. Only a village (under ``SECTOR_TOWN_POPULATION``) read
    in another oblast moves, and only to a reading in the oblast named ("in Kherson region")
    before it in the same sentence; with no reading there nothing moves.
    """
    for q, ob_m in enumerate(mentions):
        best = _best(ob_m)
        if best is None or ob_m.role not in _CONTEXT_ROLES:
            continue
        oblast = ob_m.cands[best].place
        if oblast.kind is not _ADMIN1 or oblast.country_code not in THEATRE:
            continue
        if not _IN_BEFORE.search(text, max(0, ob_m.start - 12), ob_m.start):
            continue
        end = _next_sentence_end(text, mentions, q)
        for m in mentions[q + 1 :]:
            if m.start >= end:
                break
            k = _best(m)
            if k is None:
                continue
            here = m.cands[k].place
            if here.kind is _ADMIN1 and _IN_BEFORE.search(text, max(0, m.start - 12), m.start):
                break  # "while in Odesa region ..." opens a group of its own
            if (
                m.role not in _CONTEXT_ROLES
                or here.kind is not _POPULATED
                or (here.population or 0) >= SECTOR_TOWN_POPULATION
                or here.admin1_code == oblast.admin1_code
            ):
                continue
            inside = [
                (m.scores[n], n)
                for n, c in enumerate(m.cands)
                if c.place.kind is _POPULATED and c.place.admin1_code == oblast.admin1_code
            ]
            if inside:
                m.scores[max(inside)[1]] = m.scores[k] + OBLAST_GROUP_BONUS


_FRONTED_FRAME = re.compile(r"(?:In|Near|Along|Around|Outside|On\s+the)\s")


def _next_sentence_end(text: str, mentions: list[Mention], q: int) -> int:
    """Where the group the oblast at ``mentions[q]`` opens ends.

    At its sentence's end, or at the next sentence's where that names no unit and opens with
    no place of its own ("In the Lyman direction, ..."): a roundup names the oblast once
    ("attacks on Kherson Oblast killed two, officials said") and tells its villages in the
    sentence after it.
    """
    end = _sentence_end(text, mentions[q].end)
    start = end + 1
    while start < len(text) and text[start].isspace():
        start += 1
    if _FRONTED_FRAME.match(text, start):
        return end  # "In the Lyman direction, ...": the next sentence sets its own frame
    after = _sentence_end(text, start)
    for m in mentions[q + 1 :]:
        if m.start >= after:
            break
        if m.start >= end and any(c.place.kind is _ADMIN1 for c in m.cands):
            return end  # the next sentence names a unit: its places are read by that one
    return after


def _names_front(toks: list[Token], mentions: list[Mention]) -> bool:
    """Whether the text names a front direction after a town of the theatre ("the Lyman axis")."""
    for m in mentions:
        if m.j >= len(toks) or toks[m.j].norm not in _SECTOR_WORDS or not toks[m.j - 1].joined:
            continue
        best = _best(m)
        if best is None or m.role not in _CONTEXT_ROLES:
            continue
        place = m.cands[best].place
        if place.kind is _POPULATED and place.country_code in THEATRE:
            return True
    return False


def _one_reading(mentions: list[Mention]) -> None:
    """Give every bare use of a name in one article the same reading.

    "Gains in Donetsk" in the headline and "the Donetsk city of Pokrovsk" in the body mean the
    same oblast: the evidence of all uses is pooled (scores averaged per candidate), so a
    reading that one use makes clear carries to the others. "X Oblast" forms keep their own.
    """
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.role in _CONTEXT_ROLES and not m.admin1_form and len(m.cands) > 1:
            groups.setdefault(m.key, []).append(m)
    for group in groups.values():
        if len(group) < 2:
            continue
        ids = [c.place.place_id for c in group[0].cands]
        if any([c.place.place_id for c in m.cands] != ids for m in group):
            continue
        pooled = [sum(m.scores[k] for m in group) / len(group) for k in range(len(ids))]
        for m in group:
            m.scores = list(pooled)


# A Ukrainian settlement's or hromada's KATOTTG code up to its hromada: "UA" and the oblast,
# raion and hromada digits (2 + 2 + 3).
_HROMADA_CODE = re.compile(r"^ua2?:(UA\d{7})")
_HROMADA_NAMED = re.compile(r"^ua2:(UA\d{7})")
HROMADA_TIE = 0.01  # breaks a tie, never outweighs evidence


def _same_hromada(mentions: list[Mention]) -> None:
    """Of namesake villages that tie, prefer the one in a hromada the article names.

    "bombarded Pokrovsk hromada ... killed in an attack on the settlement of Zelene": of two
    Zelenes in Pokrovsk raion that score alike, the one of that hromada (as Dachenske, told
    next) is meant. Only exact ties move, and only towards a hromada named in the text.
    """
    told: set[str] = set()
    tied: list[tuple[Mention, list[int]]] = []
    for m in mentions:
        if not m.cands or m.role not in _CONTEXT_ROLES:
            continue
        top = max(m.scores)
        best = [k for k, sc in enumerate(m.scores) if sc == top]
        if len(best) == 1:
            # a hromada the article names; villages that only lie in one are no evidence of
            # the hromada meant (a list of 15 villages spans several)
            code = _HROMADA_NAMED.match(m.cands[best[0]].place.place_id)
            if code:
                told.add(code.group(1))
        else:
            tied.append((m, best))
    for m, best in tied:
        inside = [
            k
            for k in best
            if (code := _HROMADA_CODE.match(m.cands[k].place.place_id)) and code.group(1) in told
        ]
        if len(inside) == 1:
            m.scores[inside[0]] += HROMADA_TIE


def _near_bonuses(
    mentions: list[Mention], anchors: list[tuple[str, Place]]
) -> dict[str, list[float]]:
    """``_near_bonus`` of each name's candidates (its first mention's) against other names' anchors.

    The distances of all candidates to all anchors come from one vectorised haversine per
    pass: the per-pair Python version was a third of the time of an ingest. Only which side
    of 60, 150 or 400 km the nearest anchor lies on matters, and a distance within a hair of
    one of those is recomputed the scalar way, so the bonuses are exactly the scalar ones.
    """
    first: dict[str, Mention] = {}
    for m in mentions:
        first.setdefault(m.key, m)
    if not first:
        return {}
    import numpy as np

    dist = _km_matrix([c.place for m in first.values() for c in m.cands], [p for _, p in anchors])
    # A name's own anchors do not count for it: they are masked out of its rows, all rows at
    # once (names numbered, so the mask is one integer comparison, not one per name).
    number: dict[str, int] = {}
    anchor_number = np.array([number.setdefault(key, len(number)) for key, _ in anchors])
    row_number = np.array([number.get(key, -1) for key, m in first.items() for _ in m.cands])
    own = row_number[:, None] == anchor_number[None, :]
    nearest_all = np.where(own, np.inf, dist).min(axis=1).tolist()
    # Counted once per pass; a name's own anchors are taken off below (cheaper than a count
    # over the other anchors for every name, and the same counts).
    all_a1 = Counter(p.admin1_code for _, p in anchors if p.admin1_code)
    all_cc = Counter(p.country_code for _, p in anchors)
    own_a1: dict[str, Counter] = {}
    own_cc: dict[str, Counter] = {}
    for k, p in anchors:
        if k not in first:
            continue  # a name of one reading: no bonuses asked for it
        # get first: setdefault would build an empty Counter for every anchor
        if (mine := own_cc.get(k)) is None:
            mine = own_cc[k] = Counter()
        mine[p.country_code] += 1
        if p.admin1_code:
            if (mine := own_a1.get(k)) is None:
                mine = own_a1[k] = Counter()
            mine[p.admin1_code] += 1
    no_count: Counter = Counter()
    out: dict[str, list[float]] = {}
    row = 0
    for key, m in first.items():
        n = len(m.cands)
        nearest = nearest_all[row : row + n]
        row += n
        mine_cc = own_cc.get(key, no_count)
        mine_a1 = own_a1.get(key, no_count)
        n_others = len(anchors) - mine_cc.total()
        if not n_others:
            out[key] = [0.0] * n
            continue
        bonuses = []
        for c, d in zip(m.cands, nearest, strict=True):
            p = c.place
            if p.kind is _COUNTRY:
                bonuses.append(0.0)
                continue
            if abs(d - 60) < 1e-6 or abs(d - 150) < 1e-6 or abs(d - 400) < 1e-6:
                # within a hair of a threshold: the scalar distance decides, as it always did
                d = min(_dist_km(p, a) for k, a in anchors if k != key)
            a1 = p.admin1_code
            cc = p.country_code
            # ``get``: a Counter's missing key is 0 either way, but ``[]`` calls its Python
            # ``__missing__`` for every reading outside the anchors' units.
            same_a1 = all_a1.get(a1, 0) - mine_a1.get(a1, 0) if a1 else 0
            same_cc = all_cc.get(cc, 0) - mine_cc.get(cc, 0)
            bonuses.append(_near_bonus(p, n_others, d, same_a1, same_cc))
        out[key] = bonuses
    return out


def _km_matrix(rows: Sequence[Place], cols: Sequence[Place]) -> np.ndarray:
    """Great-circle km from each of ``rows`` to each of ``cols``, one vectorised haversine.

    With the radius the thresholds were tuned with; the same arithmetic for every caller, so
    a distance compared against a threshold is the same number wherever it is asked.
    """
    import numpy as np

    lat = np.radians(np.array([p.lat for p in rows], dtype=float))[:, None]
    lon = np.radians(np.array([p.lon for p in rows], dtype=float))[:, None]
    alat = np.radians(np.array([p.lat for p in cols], dtype=float))[None, :]
    alon = np.radians(np.array([p.lon for p in cols], dtype=float))[None, :]
    h = np.sin((alat - lat) / 2) ** 2 + np.cos(lat) * np.cos(alat) * np.sin((alon - lon) / 2) ** 2
    return 2 * _RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def _near_bonus(place: Place, n_anchors: int, d: float, same_a1: int, same_cc: int) -> float:
    """The bonus for ``place``, ``d`` km from the nearest of the anchors (none: a country).

    ``n_anchors`` counts the anchors (its own name's left out), ``same_a1`` and ``same_cc``
    those in its admin-1 unit and in its country.
    """
    near = 2.0 if d < 60 else 1.5 if d < 150 else 0.75 if d < 400 else 0.0
    # The article's own geography: a unit or country where its confidently placed names are
    # ("Gainesville" in a story about Georgia towns is Gainesville, Georgia).
    majority = n_anchors >= 3 and 2 * same_cc > n_anchors
    if place.kind is _ADMIN1 and place.population:
        # "Georgia" in a story whose towns and counties are in Georgia is the state. A unit
        # named after its city (no population of its own in the index: Donetsk Oblast) is
        # not: there the bare name stays the city's.
        focus = min(3.0, 1.5 * same_a1) + (0.75 if majority else 0.0)
    else:
        focus = min(1.0, 0.5 * same_a1) + (0.75 if majority else 0.0)
    return max(near, focus)


_best = best_reading


def _margin(m: Mention) -> float:
    s = sorted(m.scores, reverse=True)
    return s[0] - s[1] if len(s) > 1 else 10.0


def _confidence(scores: Sequence[float]) -> float:
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    return round(1.0 / sum(weights), 3)


# Ceilings on confidence when nothing in the article backs a reading: a lone candidate is not
# a sure one ("War", West Virginia for "Institute for the Study of War"; Progress, Pennsylvania
# for a Donetsk village). Measured on real text (docs/evaluation.md, reliability table).
UNSUPPORTED_CEILING = 0.55
COUNTRY_ONLY_CEILING = 0.8
NAMESAKE_CEILING = 0.85  # a village whose name others share, with no anchor right beside it
NAMESAKE_NEAR_KM = 15.0
# A continent (or the EU) is right as a name but its point stands for thousands of kilometres:
# it is rarely near what a reader means by "Europe" or "Africa", so it is never a sure location.
VAST_AREA_CEILING = 0.75


def _supported(
    m: Mention, place: Place, ctx: _Context, gaz: Gazetteer, mentions: list[Mention]
) -> float:
    """The highest confidence the article's evidence allows for ``place`` as ``m``'s reading."""
    if m.admin1_form or m.settlement_of is not None or _qualified(m, mentions):
        return 1.0
    if place.place_id.startswith(VAST_AREAS):
        return VAST_AREA_CEILING
    if place.kind in (_COUNTRY, _ADMIN1, _REGION):
        return 1.0
    if (place.population or 0) >= BIG_TOWN or gaz.is_capital(place.place_id):
        return 1.0
    in_unit = bool(place.admin1_code and place.admin1_code in ctx.admin1)
    namesake = _namesake_village(m, place)
    # Distances only where they decide: they are most of this function's cost.
    nearest = math.inf
    if namesake or not in_unit:
        nearest = ctx.nearest_km.get(place.place_id)
        if nearest is None:
            others = [a for a in ctx.anchors if a.place_id != place.place_id]
            nearest = min((_dist_km(place, a) for a in others), default=math.inf)
            ctx.nearest_km[place.place_id] = nearest
    # Villages share names within one oblast, and the index may lack the one meant
    # (Berestky): being in the article's oblast, or 40 km from its town, is not proof.
    ceiling = NAMESAKE_CEILING if namesake and nearest >= NAMESAKE_NEAR_KM else 1.0
    if in_unit or nearest < 150:
        return ceiling
    if not _weighs_context(m):
        return 1.0  # a newspaper's name or a demonym takes the famous bearer by design
    if place.country_code and place.country_code in ctx.countries:
        return min(ceiling, COUNTRY_ONLY_CEILING)
    return UNSUPPORTED_CEILING


def _qualified(m: Mention, mentions: list[Mention]) -> bool:
    """Whether a unit or country qualifies the name ("Y, X Oblast"; not "Y, Z and W")."""
    if m.within is None:
        return False
    outer = mentions[m.within]
    return any(c.place.kind in (_ADMIN1, _REGION, _COUNTRY) for c in outer.cands)


def _namesake_village(m: Mention, place: Place) -> bool:
    """Whether ``place`` is a village whose name other villages bear too."""
    if place.kind is not _POPULATED or (place.population or 0) >= 10_000:
        return False
    towns = sum(1 for c in m.cands if c.place.kind is _POPULATED)
    return towns >= 2


def _local_only(m: Mention) -> bool:
    """Whether every reading is a village known only from the theatre's settlement tables."""
    return all(c.place.place_id.startswith(SETTLEMENT_SOURCES) for c in m.cands)


# How far a street's reading is below its town's: the street is placed at the town's point.
STREET_CONFIDENCE = 0.8


def _with_streets(mentions: list[Mention], toponyms: list[Toponym]) -> list[Toponym]:
    """Place each street name at its town, or leave it out when the article names none.

    The town is the one named right after the street ("Orchard St., Alexandria"), else the
    one the article names most (local news names its own town). A street with no town in
    the article is left out: its point would be a guess.
    """
    if not any(m.street for m in mentions):
        return toponyms
    by_start = {t.start: t for t in toponyms}
    # "Chicago police", "a Gainesville man": an embedded name says where the story is too.
    # Towns the article backs come first: a surname read as a town may be named more often.
    towns = [
        t
        for t in toponyms
        if t.role not in _PEOPLE_ROLES and t.place.kind is _POPULATED and t.confidence >= 0.5
    ]
    counts = Counter(t.place.place_id for t in towns)
    focus = max(
        towns,
        key=lambda t: (t.confidence >= 0.9, counts[t.place.place_id], t.place.population or 0),
        default=None,
    )
    out = list(toponyms)
    for m in mentions:
        if not m.street:
            continue
        town = by_start.get(mentions[m.within].start) if m.within is not None else None
        if town is None or town.place.kind is not _POPULATED:
            town = focus
        if town is None:
            continue
        place = replace(
            town.place,
            place_id=f"st:{m.key}@{town.place.place_id}",
            name=m.surface,
            kind=PlaceKind.POINT,
            geonameid=None,
            population=None,
            precision=GeoPrecision.SETTLEMENT,
        )
        confidence = round(town.confidence * STREET_CONFIDENCE, 3)
        out.append(
            Toponym(
                m.start,
                m.end,
                m.surface,
                place,
                confidence,
                (Candidate(place, 0.0, "street"),),
                role=ToponymRole.LITERAL,
            )
        )
    out.sort(key=lambda t: t.start)
    return out


def _apply_corrections(toponyms: list[Toponym], corrections: Sequence[Correction]) -> list[Toponym]:
    if not corrections:
        return toponyms
    by_start = {c.start: c for c in corrections if c.start is not None}
    by_surface = {normalize(c.surface): c for c in corrections if c.start is None}
    out = []
    for t in toponyms:
        c = by_start.get(t.start) or by_surface.get(normalize(t.surface))
        if c is not None:
            manual = Candidate(c.place, 99.0, "manual")
            t = replace(
                t,
                place=c.place,
                confidence=1.0,
                corrected=True,
                candidates=(
                    manual,
                    *(x for x in t.candidates if x.place.place_id != c.place.place_id),
                ),
            )
        out.append(t)
    return out


def geoparse(
    text: str,
    *,
    published: dt.date | None = None,
    gazetteer: Gazetteer | None = None,
    corrections: Sequence[Correction] = (),
) -> list[Toponym]:
    """Find and resolve the place names of a text.

    Parameters
    ----------
    text
        The document. Offsets in the result index into it unchanged.
    published
        The document's date. Of namesake villages nothing in the article separates, the one
        in a district where the war was at that date is preferred (``geo.toponyms.front``);
        historical names are resolved to today's places.
    gazetteer
        The index to use; the shared offline gazetteer by default.
    corrections
        Analyst corrections: those with ``start`` set fix the mention at that offset (pass
        only this document's), those without fix a surface form everywhere.

    Returns
    -------
    list of Toponym
        In text order. ``text[t.start:t.end] == t.surface``; ``t.place`` is the chosen
        reading and ``t.candidates`` the readings weighed, best first.
    """
    gaz = gazetteer or load_gazetteer()
    toks = tokenize(text)
    mentions = recognise(text, toks, gaz)
    _raion_readings(mentions)
    _link_patterns(text, toks, mentions)
    ctx = _score_all(mentions, text, gaz)
    ctx.front = _names_front(toks, mentions)
    _sectors(text, toks, mentions)
    qualified_lists(text, mentions, gaz)
    _one_reading(mentions)
    _same_hromada(mentions)
    relative_places(text, mentions)
    district_qualified(text, mentions, gaz)
    city_districts(toks, mentions)
    town_parts(toks, mentions)
    airport_towns(toks, mentions)
    plant_sites(text, mentions, gaz)
    _sector_namesakes(text, toks, mentions)
    _oblast_groups(text, mentions)
    if ctx.in_theatre:
        # After scoring: a near-spelling never shapes the context that judges it.
        resolve_near(mentions, gaz=gaz, admin1=ctx.admin1, anchors=ctx.anchors)
        relative_places(text, mentions, matched_by=_SPELLING_MATCHES)
        unknown_near_anchor(text, mentions)
        weak_unplaced_namesakes(mentions, anchors=ctx.anchors)
        _namesake_beside_anchor(mentions, anchors=ctx.anchors, named=ctx.admin1)
        # Namesakes nothing above separates: the one where the war was at the report's date.
        front_namesakes(
            text,
            mentions,
            published,
            gaz=gaz,
            named=ctx.admin1,
            anchors=ctx.anchors,
            stated=STATED_SCORE,
        )
    # Theatre readings only, so an article elsewhere is untouched; but a list of villages
    # needs no named oblast to put the theatre in context ("shelled A, B, C and D").
    runs = _list_runs(mentions, text)
    _list_order_ties(mentions, runs)
    _list_strays(mentions, runs, gaz=gaz)
    out = []
    in_theatre = ctx.in_theatre
    # A name repeated with the same readings (the same candidate objects, alive in the
    # mentions all through this loop) and the same scores ranks them the same: the ranked
    # readings and their score confidence are built once per article.
    ranked_as: dict[tuple, tuple[tuple[Candidate, ...], float]] = {}
    for m in mentions:
        if not m.cands:
            continue
        if not in_theatre and _local_only(m):
            # 30,000 Ukrainian villages share names with words and surnames elsewhere; they are
            # places only where the article is about the war's theatre.
            continue
        same = (tuple(map(id, m.cands)), tuple(m.scores))
        ranked = ranked_as.get(same)
        if ranked is None:
            # Best first, ties in reading order (a stable sort on the negated scores).
            negated = [-x for x in m.scores]
            order = sorted(range(len(m.cands)), key=negated.__getitem__)[:MAX_CANDIDATES]
            ranked = ranked_as[same] = (
                tuple(_scored(m.cands[k], round(m.scores[k], 3)) for k in order),
                _confidence([m.scores[k] for k in order]),
            )
        cands, by_scores = ranked
        confidence = min(
            by_scores,
            _supported(m, cands[0].place, ctx, gaz, mentions),
            # placed at the town it is measured from: right within the stated distance only
            NEAR_CEILING if m.near or cands[0].match == "relative" else 1.0,
        )
        out.append(
            Toponym(
                m.start,
                m.end,
                m.surface,
                cands[0].place,
                confidence,
                cands,
                role=m.role,
            )
        )
    out = _with_streets(mentions, out)
    return _apply_corrections(out, corrections)


# The readings handed out, by place (its id: the candidate holds the place, so the id stays
# its own while the entry lives), score and match: a town named article after article in the
# same context gets the same frozen candidate, not a new one each time. Bounded.
_SCORED: dict[tuple[int, float, str], Candidate] = {}
_SCORED_SIZE = 100_000


def _scored(c: Candidate, score: float) -> Candidate:
    """``Candidate(c.place, score, c.match)``, the one built before where there is one."""
    if score == 0.0:
        return Candidate(c.place, score, c.match)  # 0.0 and -0.0 are one key, two reprs
    key = (id(c.place), score, c.match)
    found = _SCORED.get(key)
    if found is None or found.place is not c.place:
        if len(_SCORED) >= _SCORED_SIZE:
            _SCORED.clear()
        found = _SCORED[key] = Candidate(c.place, score, c.match)
    return found


# A front-line village among its namesakes of one oblast: the one right beside a settlement
# the article is sure of, where the reading the priors chose (the most populous) lies far from
# all of them. Reports name small villages for what happens there, beside the other places
# they tell of ("Neskuchne ... the nearby village of Blahodatne"), not for their size.
NAMESAKE_BESIDE_KM = 15.0
NAMESAKE_FAR_KM = 45.0
NAMESAKE_BESIDE_TIE = 0.01
NAMESAKE_VOTE_KM = 20.0  # with no sure settlement: the one namesake this near the others
NAMESAKE_VILLAGE_POPULATION = 20_000  # a town this big is no village a namesake stands in for


def _namesake_beside_anchor(
    mentions: list[Mention], *, anchors: list[Place], named: set[str] = frozenset()
) -> None:
    """Prefer the namesake village beside one of the article's sure settlements.

    Moves a reading only between namesakes (same name, in the theatre), and only when one
    lies within ``NAMESAKE_BESIDE_KM`` of a sure settlement (not one of the mention's own
    readings) while the chosen one lies ``NAMESAKE_FAR_KM`` or more from all. Failing a sure
    settlement, the article's other settlements as read vote: the one namesake within
    ``NAMESAKE_VOTE_KM`` of them, the chosen one far from all of them. A namesake in another
    oblast may take over from a chosen village (under ``NAMESAKE_VILLAGE_POPULATION``) whose
    oblast the article does not name (``named``), if it lies in one the article names (or
    the article names none).
    """
    sure = [a for a in anchors if a.kind is _POPULATED]
    for m in mentions:
        if len(m.cands) < 2 or m.role not in _CONTEXT_ROLES or not m.scores:
            continue
        k = _best(m)
        assert k is not None  # two readings at least
        best = m.cands[k].place
        if best.kind is not _POPULATED or best.country_code not in THEATRE:
            continue
        namesakes = [
            j
            for j, c in enumerate(m.cands)
            if j != k
            and c.place.kind is _POPULATED
            and c.place.name == best.name
            and c.place.admin1_code == best.admin1_code
        ]
        # A village's namesake across an oblast line is as plausible right beside a sure
        # town ("shelled Avdiivka. In Stepove, ..."): a village of the same name anywhere in
        # the theatre may be the one, while the reading the priors chose lies far away.
        beyond = [
            j
            for j, c in enumerate(m.cands)
            if j != k
            and c.place.kind is _POPULATED
            and c.place.name == best.name
            and c.place.admin1_code != best.admin1_code
            and c.place.country_code in THEATRE
            and (best.population or 0) < NAMESAKE_VILLAGE_POPULATION
            # "X (Kherson region)": the oblast is stated; where the article names oblasts,
            # the namesake lies in one of them
            and best.admin1_code not in named
            and (not named or c.place.admin1_code in named)
        ]
        if not namesakes and not beyond:
            continue
        own = {c.place.place_id for c in m.cands}
        others = [a for a in sure if a.place_id not in own]
        if others and min(_dist_km(best, a) for a in others) < NAMESAKE_FAR_KM:
            continue
        if others:
            near = {
                j: min(_dist_km(m.cands[j].place, a) for a in others) for j in namesakes + beyond
            }
            j = min(near, key=near.__getitem__)
            if near[j] <= NAMESAKE_BESIDE_KM:
                m.scores[j] = m.scores[k] + NAMESAKE_BESIDE_TIE
                continue
        # No sure settlement beside any namesake: the article's other settlements vote, read
        # as they stand though none is sure ("the next village they mean to retake is X").
        if m.scores[k] >= STATED_SCORE:
            continue  # a stated district or community chose it: a vote never overrules that
        villages = _article_villages(mentions, m, own)
        if not villages or min(_dist_km(best, a) for a in villages) < NAMESAKE_FAR_KM:
            continue
        beside = [
            j
            for j in namesakes + beyond
            if min(_dist_km(m.cands[j].place, a) for a in villages) <= NAMESAKE_VOTE_KM
        ]
        if len(beside) == 1:
            m.scores[beside[0]] = m.scores[k] + NAMESAKE_BESIDE_TIE


def _article_villages(mentions: list[Mention], m: Mention, own: set[str]) -> list[Place]:
    """The chosen readings of the article's other names: theatre settlements, not ``m``'s."""
    out = []
    for o in mentions:
        if o.key == m.key or o.role not in _CONTEXT_ROLES or not o.scores:
            continue
        k = _best(o)
        if k is None:
            continue
        p = o.cands[k].place
        if p.kind is _POPULATED and p.country_code in THEATRE and p.place_id not in own:
            out.append(p)
    return out


# A list of three or more settlements names one stretch of front ("repelled attacks near A,
# B, C and D", "shelled A, B and C"): a member read at a namesake far from every other
# member's reading, when another of its readings lies among them, is that one. The scores'
# list support (``_list_support``) is a bonus among others and loses to a town's population
# ("Pyatykhatky" a town of 18,000 two oblasts away from the Zaporizhzhia villages listed
# with it); this pass judges the list's readings together, after every other choice.
LIST_STRAY_KM = 45.0  # a reading this far from all the other members' readings strays
LIST_STRAY_NEAR_KM = 40.0  # ... and the new reading lies this near another member's
LIST_STRAY_TIE = 0.01


LIST_ORDER_MIN = 4  # a list this long is told in an order (along the front, by hromada)
LIST_ORDER_TIE = 0.05  # readings scored this near the best are a tie the order may break
LIST_ORDER_KM = 40.0  # the reading taken lies this near a neighbour's ...
LIST_ORDER_MARGIN_KM = 10.0  # ... and this much nearer than the other tied readings


def _settled_reading(m: Mention) -> Place | None:
    """A listed name's settlement reading, where no namesake ties with it (else None)."""
    k = _best(m)
    if k is None or m.cands[k].place.kind is not _POPULATED:
        return None
    if len(m.scores) == len(m.cands) and any(
        j != k and c.place.kind is _POPULATED and sc >= m.scores[k] - LIST_ORDER_TIE
        for j, (c, sc) in enumerate(zip(m.cands, m.scores, strict=True))
    ):
        return None  # a tie of its own: no evidence for its neighbours
    return m.cands[k].place


def _list_order_ties(mentions: list[Mention], runs: list[list[int]]) -> None:
    """Break a tie between a listed name's namesakes by the names told beside it.

    A bulletin lists the villages shelled along the front in its order ("A, B, C, D, E of
    the X region"), and an administration its hromada's villages together: of two equally
    scored namesakes, the one lying by the names before and after it in the list is meant
    (the list as a whole, ``_list_support``, gives both its full bonus when the list spans
    the front). Only settlement readings within ``LIST_ORDER_TIE`` of the best; the one
    nearest a neighbour's reading (a neighbour with a tie of its own tells nothing) must lie
    within ``LIST_ORDER_KM`` of it and ``LIST_ORDER_MARGIN_KM`` nearer than every other tied
    reading. The list is read in order, so a name settled here places the next one.
    """
    for run in runs:
        if len(run) < LIST_ORDER_MIN:
            continue
        for i, q in enumerate(run):
            m = mentions[q]
            if len(m.cands) < 2 or len(m.scores) != len(m.cands):
                continue
            top = max(m.scores)
            tied = [
                k
                for k, (c, sc) in enumerate(zip(m.cands, m.scores, strict=True))
                if c.place.kind is _POPULATED and sc >= top - LIST_ORDER_TIE
            ]
            if len(tied) < 2:
                continue
            beside = []
            for j in (i - 1, i + 1):
                if 0 <= j < len(run) and mentions[run[j]].key != m.key:
                    place = _settled_reading(mentions[run[j]])
                    if place is not None:
                        beside.append(place)
            if not beside:
                continue
            gaps = sorted((min(_dist_km(m.cands[k].place, p) for p in beside), k) for k in tied)
            (d, k), (d2, _) = gaps[0], gaps[1]
            if d <= LIST_ORDER_KM and d2 - d >= LIST_ORDER_MARGIN_KM:
                m.scores[k] = top + 2 * LIST_ORDER_TIE  # settled: beyond the tie's reach


def _list_strays(mentions: list[Mention], runs: list[list[int]], *, gaz: Gazetteer) -> None:
    """Move a listed settlement's reading that strays from its list to one among the list.

    A member moves only when its chosen reading (a settlement of the theatre smaller than
    a big town) lies ``LIST_STRAY_KM`` or more from every other member's reading (two at
    least), and another of its settlement readings lies within ``LIST_STRAY_NEAR_KM`` of
    one of them (the one near the most members wins, then the better scored, then the one
    nearer those members). A Russian
    spelling read as one village of its Ukrainian form ("Pervomaiskoye" as one Pervomaiske),
    or held as one village's alternate name ("Serhiyivka" for one Serhiivka), also weighs
    the namesakes of that form, old names included, in the others' oblasts.
    """
    for run in runs:
        chosen: dict[int, Place] = {}
        for q in run:
            m = mentions[q]
            k = _best(m)
            if k is not None and m.cands[k].place.kind is _POPULATED:
                chosen[q] = m.cands[k].place
        for q in run:
            m = mentions[q]
            if q not in chosen or m.role not in _CONTEXT_ROLES:
                continue
            best = chosen[q]
            if best.country_code not in THEATRE or (best.population or 0) >= BIG_TOWN:
                continue
            others = [p for o, p in chosen.items() if mentions[o].key != m.key]
            if len(others) < 2 or min(_dist_km(best, p) for p in others) < LIST_STRAY_KM:
                continue
            k = _best(m)
            assert k is not None  # chosen above
            readings = [c.place for c in m.cands]
            # The chosen reading's own name also finds its namesakes: a spelling the index
            # holds as one village's alternate name ("Serhiyivka", "Pervomaiskoye") reaches
            # only that village, while the registry's villages of the official form
            # ("Serhiivka") are found by that form alone.
            seen = {p.place_id for p in readings}
            units = {p.admin1_code for p in others}
            readings += [
                c.place
                for c in gaz.lookup(best.name)
                if c.place.place_id not in seen
                and c.place.kind is _POPULATED
                and c.place.admin1_code in units
            ]
            picks = []
            for j, p in enumerate(readings):
                if j == k or p.kind is not _POPULATED:
                    continue
                near = [d for o in others if (d := _dist_km(p, o)) <= LIST_STRAY_NEAR_KM]
                if near:
                    score = m.scores[j] if j < len(m.cands) else m.scores[k]
                    # Equal counts and scores: the reading nearest the members it is near.
                    picks.append((len(near), score, -sum(near) / len(near), -j, j))
            if not picks:
                continue
            j = max(picks)[-1]
            match = "respelt" if any(c.match == "respelt" for c in m.cands) else "namesake"
            if j >= len(m.cands):
                m.cands = [*m.cands, Candidate(readings[j], 0.0, match)]
                m.scores = [*m.scores, m.scores[k]]
                j = len(m.cands) - 1
            m.scores[j] = m.scores[k] + LIST_STRAY_TIE
            chosen[q] = readings[j]


# "Bohodukhiv district", "Izium raion": a town's name and the unit word; an adjective before
# it ("the Kyivskyi district") is a city's district, left to ``city_districts``.
_RAION_SURFACE = re.compile(r"(?P<stem>.+?)\s+(?:district|raion|rayon)", re.IGNORECASE)
_ADJECTIVE_STEM = re.compile(r"(?:sk|ck|n)(?:yi|yy|iy|ii|y|ij|yj)$", re.IGNORECASE)


def _raion_readings(mentions: list[Mention]) -> None:
    """Keep only the raion readings of "X district" where the index holds one.

    The index maps the adjective form of a name to "X district" (for cities' districts), so
    "Bohodukhiv district" also reads as a village called Bohodukhivskyi in another oblast,
    which the village's small population cannot outweigh beside a raion of no population.
    The unit word says which is meant.
    """
    for m in mentions:
        named = _RAION_SURFACE.fullmatch(m.surface)
        if named is None or _ADJECTIVE_STEM.search(named.group("stem")):
            continue
        if any(c.place.kind is _ADMIN2 for c in m.cands):
            m.cands = [c for c in m.cands if c.place.kind is not _POPULATED]


def prepare(gazetteer: Gazetteer) -> None:
    """Load now what geoparsing loads on first use: frequencies, numpy, spellings, fronts.

    ``geo.pipeline.ingest`` calls it before forking its workers, which then share all of it
    copy-on-write; each of them loaded it for itself before (about 0.8 CPU-seconds).
    """
    english_zipf("the")  # the word-frequency table (geo.toponyms.zipf)
    import numpy  # noqa: F401 - the nearness bonuses' arrays

    prepare_near_spellings(gazetteer)
    prepare_front(gazetteer)  # the front areas and the districts' tables (geo.toponyms.front)
