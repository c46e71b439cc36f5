"""Names the index lacks, read as near-spellings of the theatre's settlements: weak evidence.

Recognition keeps a capitalised word the index does not hold only where the text frames it as
a place ("in Sinkivka", "the village of Zhelannoe", "Arkhengelske, Donetsk Oblast", "Pokrovsk
and Selidovo"); resolution then looks for a near-spelling (geo.places.near_spellings) in the
article's own oblasts only, and trusts it less than any exact name. A surname or a word
elsewhere is never searched, so fuzzy matching cannot turn people into villages.
"""

from __future__ import annotations

import math
import re

from geo.places.gazetteer import Gazetteer
from geo.places.names import ADMIN1_SUFFIXES
from geo.places.near_spellings import (
    MIN_LENGTH,
    NearMatch,
    near_spellings,
    nominatives,
    respellings,
)
from geo.places.spatial import great_circle_km
from geo.records import Candidate, Place, PlaceKind, ToponymRole
from geo.toponyms.tokens import Mention, Token, best_reading, common_word
from geo.toponyms.words import (
    ADMIN2_WORDS,
    BIG_TOWN,
    COMMUNITY_HEADS,
    FIRST_NAMES,
    MONTHS_WEEKDAYS,
    ORG_HEADS,
    PLACE_HEADS,
    SETTLEMENT_WORDS,
    THEATRE,
    TITLES,
)

__all__ = [
    "NEAR_CEILING",
    "RUSSIAN_ADJECTIVES",
    "near_mention",
    "resolve_near",
    "respelt_in_named_oblasts",
    "weak_unplaced_namesakes",
]

# Kinds and roles compared at every reading and mention, held as module names: an enum's
# ``X.Y`` goes through its metaclass's attribute hook (about 90 ns; see geoparse).
_POPULATED = PlaceKind.POPULATED_PLACE
_ADMIN1 = PlaceKind.ADMIN1
_ADMIN2 = PlaceKind.ADMIN2
_COUNTRY = PlaceKind.COUNTRY
_REGION = PlaceKind.REGION
_LITERAL = ToponymRole.LITERAL
_DEMONYM = ToponymRole.DEMONYM
_ADJECTIVAL = ToponymRole.ADJECTIVAL

# The highest confidence a near-spelling gets: below any reading the article backs by name.
NEAR_CEILING = 0.7
# Words that put a place right after them ("in", "near"); not "of", "to" or "by", which
# introduce people as often ("the words of Kovalenko", "according to Lysenko").
_CUES = frozenset(
    ["in", "near", "outside", "around", "toward", "towards", "into", "at", "from", "captured"]
)
# "the village of X", "the outskirts of X": "of" introduces a place after these, the plural
# of each settlement word too ("the cities of X, Y and Z" opens a list as "the towns of" does).
_OF_HEADS = SETTLEMENT_WORDS | frozenset(
    "villages towns cities settlements hamlets localities outskirts area areas vicinity "
    "direction".split()
)
# Adjectives name districts and directions ("Pokrovsky and Kramatorsk districts"), not
# settlements, whose neuter forms ("Arkhanhelske", "Torskoye") are left alone.
_ADJECTIVE_ENDINGS = ("sky", "skyi", "skiy", "skii", "skyy", "ska", "skaya", "ckiy")
THEATRE_ADJECTIVES = frozenset(["russian", "ukrainian", "ukraine's", "russia's"])
_LIST_GLUE = frozenset([",", "and", ", and", "or", "&"])
_NEAR_KM = 60.0
_OBLIQUE_RATIO = 85.0  # how a case form scores among near-spellings (their floor is 88)
# "a second community, Svesy, was hit": a name set off by commas after a settlement word.
_APPOSITION_HEADS = _OF_HEADS | frozenset(["community", "communities", "hromada"])


def near_mention(
    text: str, toks: list[Token], i: int, mentions: list[Mention], persons: set[str]
) -> Mention | None:
    """A place-like word at token ``i`` that the index does not hold, as a mention to resolve.

    Only a lone capitalised Latin word of ``MIN_LENGTH`` letters or more, not a common word
    or a known name part, framed as a place by a preposition, "the village of", a following
    "X Oblast" qualifier or a list that continues a place already recognised.
    """
    tok = toks[i]
    word = tok.norm
    if (
        len(word) < MIN_LENGTH
        or not tok.text[0].isupper()
        or tok.text.isupper()
        or not word.isascii()
        # "Novo-Mykhailivka": a hyphenated prefix some outlets write apart (normalised to a
        # space); each part must still be letters.
        or not word.replace(" ", "").isalpha()
        or word in persons
        or word in FIRST_NAMES
        or word in TITLES
        or word in MONTHS_WEEKDAYS
        or word in ORG_HEADS
        or word in PLACE_HEADS
        or word.endswith(_ADJECTIVE_ENDINGS)
        or common_word(word)
    ):
        return None
    j = i + 1
    nxt = toks[j] if j < len(toks) else None
    if nxt is not None and tok.joined and nxt.cap:
        if not _two_word_name(toks, i):
            return None  # part of a longer name ("Sinkivka Brigade"), an oblast's, a district's
        j = i + 2  # "Velyka Novoselka", "Sukhy Yar": an adjective and a name
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.joined and prev.cap and not prev.initial:
        return None  # "Colonel Lapin", "Serhiy Lapin"
    if not (_framed(text, toks, i, j) or _listed(text, toks, i, mentions)):
        return None
    last = toks[j - 1]
    key = " ".join(t.norm for t in toks[i:j])
    m = Mention(i, j, tok.start, last.end, text[tok.start : last.end], key, [])
    m.near = True
    return m


# First words of the theatre's two-word settlement names, in the spellings the press uses
# ("Velyka/Velikaya Novosilka", "Nova/Novaya Poltavka", "Sukhyi/Sukhy Yar").
_NAME_ADJECTIVES = frozenset(
    """
    velyka velykyi velyke velikaya velikiy velikoye mala malyi male malaya maly maloye nova
    novyi nove novaya novy novoye novyy stara staryi stare staraya stary staroye sukhyi sukhy
    sukha sukhaya krasnyi krasny krasna krasnaya krasnoye verkhnia verkhnii verkhnyaya
    nyzhnia nyzhnii nizhnyaya nizhniy zolota zolotyi zolotaya bila bilyi belaya chervona
    chervonyi chervonaya
    """.split()
)


# Russian neuter and feminine adjective endings open a two-word name of any adjective
# ("Volnoye Pole", "Bolshaya Novosyolka"); English words never end so.
RUSSIAN_ADJECTIVES = ("oye", "aya")


def _two_word_name(toks: list[Token], i: int) -> bool:
    """Whether tokens ``i, i+1`` read as a two-word settlement name the index lacks."""
    if toks[i].norm not in _NAME_ADJECTIVES and not toks[i].norm.endswith(RUSSIAN_ADJECTIVES):
        return False
    second = toks[i + 1]
    after = toks[i + 2] if i + 2 < len(toks) else None
    return (
        second.norm.isascii()
        and second.norm.isalpha()
        and len(second.norm) >= 3
        and second.norm not in ORG_HEADS
        and second.norm not in PLACE_HEADS
        and not (after is not None and second.joined and after.cap)
    )


def _framed(text: str, toks: list[Token], i: int, j: int) -> bool:
    """Whether the text frames tokens ``i:j`` as a place: "in X", "village of X", "X, Y Oblast"."""
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.joined and prev.norm in _CUES:
        return True
    if (
        prev is not None
        and prev.norm in _APPOSITION_HEADS
        and text[prev.end : toks[i].start].strip() == ","
        and text[toks[j - 1].end : toks[j - 1].end + 1] in {",", "."}
    ):
        return True
    if (
        prev is not None
        and i >= 2
        and prev.norm == "of"
        and prev.joined
        and toks[i - 2].joined
        and toks[i - 2].norm in _OF_HEADS
    ):
        return True
    if j + 1 < len(toks):
        gap = text[toks[j - 1].end : toks[j].start].strip()
        unit = toks[j + 1]
        if gap in {",", "("} and toks[j].cap and toks[j].joined:
            return unit.norm in ADMIN1_SUFFIXES or unit.norm in ADMIN2_WORDS
    if (
        prev is not None
        and prev.norm == "the"
        and prev.joined
        and toks[j - 1].joined
        and j < len(toks)
        and toks[j].norm in COMMUNITY_HEADS
    ):
        return True  # "a drone hit the Krasnopilia community": a hromada by its seat's name
    return _in_unit_after(toks, j)


def _in_unit_after(toks: list[Token], j: int) -> bool:
    """Whether "in the [Russian] X Region" follows: "Novosyolovskoye in the Lugansk Region".

    The unit's name is one or two capitalised words, then an admin-1 word ("Region",
    "Oblast", "People's Republic").
    """
    if not (j < len(toks) and toks[j].norm == "in" and toks[j - 1].joined):
        return False
    k = j + 1
    if k < len(toks) and toks[k].norm == "the":
        k += 1
    if k < len(toks) and toks[k].norm in THEATRE_ADJECTIVES:
        k += 1
    names = 0
    while k < len(toks) and toks[k].cap and toks[k].norm not in ADMIN1_SUFFIXES and names < 3:
        k += 1
        names += 1
    return names > 0 and k < len(toks) and toks[k].norm in ADMIN1_SUFFIXES


def _listed(text: str, toks: list[Token], i: int, mentions: list[Mention]) -> bool:
    """Whether the word continues a list of places ("Pokrovsk, Myrnohrad and Selidovo")."""
    if not mentions:
        return False
    last = mentions[-1]
    if last.j > i or i - last.j > 1 or last.street:
        return False
    if last.role is not _LITERAL or not (last.near or last.cands):
        return False  # "Russians and Petrenko": a people, not a place, before the word
    return text[last.end : toks[i].start].strip().lower() in _LIST_GLUE


def resolve_near(
    mentions: list[Mention],
    *,
    gaz: Gazetteer,
    admin1: set[str],
    anchors: list[Place],
) -> None:
    """Give each near mention its readings: near-spellings in the article's oblasts.

    The oblasts are the one a qualifier names ("X, Donetsk Oblast"), else those the article
    names or places its confident readings in (``admin1``, ``anchors``). Readings are scored
    by closeness of spelling and nearness to an anchor; the caller caps their confidence at
    ``NEAR_CEILING``. Mentions without a reading keep none and are dropped by the caller.
    """
    if not any(m.near for m in mentions):
        return
    doc_units = {a for a in admin1 if a[:2] in THEATRE} | {
        a.admin1_code for a in anchors if a.admin1_code and a.country_code in THEATRE
    }
    for m in mentions:
        if not m.near:
            continue
        units = _qualifier_units(m, mentions) or doc_units
        respelt = [gaz.place(k) for k in respellings(gaz, m.key, admin1=units)]
        if respelt:
            # A Russian spelling of a name the article's oblasts hold ("Sinkovka"): as sure
            # as an alternate name, so no longer a near-spelling.
            m.near = False
            m.cands = [Candidate(p, 0.0, "respelt") for p in respelt]
            m.scores = [_respelt_score(_nearest_km(p, anchors)) for p in respelt]
            continue
        found = near_spellings(gaz, m.key, admin1=units)
        if not found:
            # "Svesy" (of Svesa): a case ending no fold reaches; as weak as a near-spelling.
            found = [NearMatch(k, _OBLIQUE_RATIO) for k in nominatives(gaz, m.key, admin1=units)]
        if not found:
            continue
        places = [gaz.place(x.index) for x in found]
        m.cands = [Candidate(p, 0.0, "near") for p in places]
        m.scores = [
            x.ratio / 10.0 + (1.0 if _nearest_km(p, anchors) < _NEAR_KM else 0.0)
            for x, p in zip(found, places, strict=True)
        ]


# Readings that say the index holds the name itself (not only as another place's old or
# Russian name). Crimea's and Sevastopol's settlements are indexed under their Russian names,
# so "Mirnoye" held there is no Ukrainian name of the mainland's Myrne.
_HELD_MATCHES = frozenset(["name", "ascii", "alias", "manual"])
_RUSSIAN_NAMED_UNITS = frozenset(["UA.11", "UA.20"])
_KNOWN_KINDS = frozenset([_COUNTRY, _ADMIN1, _REGION, _ADMIN2])


# "the village of X", "in the settlement X": what follows is no city.
_VILLAGE_BEFORE = re.compile(r"\b(?:village|settlement|hamlet)s?(?:\s+of)?\s*$", re.IGNORECASE)


def _village_framed(text: str, m: Mention) -> bool:
    """Whether the text calls the name a village just before it."""
    return bool(_VILLAGE_BEFORE.search(text, max(0, m.start - 30), m.start))


def _held_in_theatre(m: Mention, text: str) -> bool:
    """Whether the index holds the name itself for a theatre place or anything well known.

    A big town does not count where the text calls the name a village: "the village of
    Oktyabrsky" beside a named border oblast is not a city of a hundred thousand elsewhere.
    (The text is read for that only where a big town is among the readings.)
    """
    if any(
        c.place.kind in _KNOWN_KINDS
        or (
            c.match in _HELD_MATCHES
            and c.place.country_code == "UA"
            and c.place.admin1_code not in _RUSSIAN_NAMED_UNITS
        )
        for c in m.cands
    ):
        return True
    if any((c.place.population or 0) >= BIG_TOWN for c in m.cands):
        return not _village_framed(text, m)
    return False


def respelt_in_named_oblasts(
    mentions: list[Mention], *, gaz: Gazetteer, units: set[str], text: str = ""
) -> None:
    """Read Russian spellings among the settlements of the oblasts the text names.

    Before scoring, so that the readings found weigh in the article's context like any
    other: a Russian report names the oblast ("in the Donetsk People's Republic", "in
    Zaporozhye Region") and spells its villages in Russian ("Galitsynovka", "Volnoye Pole").
    A name the index lacks is read as the oblast's settlements of its Ukrainian form
    (``respellings``); a name the index holds only as other places' Russian or old names
    ("Grigorovka" for Hryhorivka in three other oblasts) also gains the namesakes in the
    named oblasts, under today's name or the Ukrainian form. A name the index holds itself
    for a place of Ukraine, or for a unit or a big town anywhere, is left alone, as is one
    with a reading in a named oblast already.
    """
    named = {u for u in units if u[:2] in THEATRE}
    if not named:
        return
    for m in mentions:
        if m.role is not _LITERAL or m.admin1_form or m.street:
            continue
        # "X in Donetsk Oblast" is read in that oblast, not in every oblast the text names
        units = _qualifier_units(m, mentions) & named or named
        if m.near:
            respelt = respellings(gaz, m.key, admin1=units)
            if respelt:
                m.near = False
                m.cands = [Candidate(gaz.place(k), 0.0, "respelt") for k in respelt]
            continue
        if not m.cands or _held_in_theatre(m, text):
            continue
        if any(c.place.kind is _POPULATED and c.place.admin1_code in units for c in m.cands):
            continue
        seen = {c.place.place_id for c in m.cands}
        added: list[Candidate] = []
        # Today's name of a Ukrainian village the spelling is an old name of; a Russian
        # village's alternate may be another name altogether ("Novopokrovskoe" of a Siberian
        # Novopokrovka)
        today = {c.place.name for c in m.cands if c.place.country_code == "UA"}
        for name in sorted(today):
            for other in gaz.lookup(name):
                p = other.place
                if p.kind is _POPULATED and p.admin1_code in units and p.place_id not in seen:
                    seen.add(p.place_id)
                    added.append(Candidate(p, 0.0, "respelt"))
        for k in respellings(gaz, m.key, admin1=units, same=True):
            p = gaz.place(k)
            if p.place_id not in seen:
                seen.add(p.place_id)
                added.append(Candidate(p, 0.0, "respelt"))
        m.cands = m.cands + added


def weak_unplaced_namesakes(mentions: list[Mention], *, anchors: list[Place]) -> None:
    """Trust a respelt name no more than a near-spelling where the text cannot tell namesakes.

    A Russian spelling's Ukrainian form may name several villages of the oblast (two
    Sviato-Pokrovskes in Donetsk Oblast): where the one read lies ``_NEAR_KM`` or more from
    every other place the article is sure of and from every settlement it reads, only the
    population prior chose it, and a report names a front-line village for what happens
    there, not for its size.
    """
    # The names read as one of two or more respelt namesakes, found first: most articles have
    # none, and then the article's places need not be gathered. Each is judged against the
    # places as they stand before any of them is changed below.
    weak: list[tuple[Mention, Place]] = []
    for m in mentions:
        if m.near or not m.cands or not m.scores:
            continue
        k = best_reading(m)
        assert k is not None  # readings checked above
        best = m.cands[k].place
        if m.cands[k].match != "respelt":
            continue
        namesakes = [
            c
            for c in m.cands
            if c.match == "respelt"
            and c.place.name == best.name
            and c.place.admin1_code == best.admin1_code
        ]
        if len(namesakes) >= 2:
            weak.append((m, best))
    if not weak:
        return
    # Settlements only: an oblast's centroid says nothing of which village in it is meant.
    places = [a for a in anchors if a.kind is _POPULATED]
    for m in mentions:
        if m.cands and m.scores and not m.near and m.role is _LITERAL:
            k = best_reading(m)
            assert k is not None  # readings checked above
            p = m.cands[k].place
            if p.kind is _POPULATED:
                places.append(p)
    for m, best in weak:
        if _nearest_km(best, places) < _NEAR_KM:
            continue
        m.near = True
        m.cands = [
            Candidate(c.place, c.score, "near" if c.match == "respelt" else c.match)
            for c in m.cands
        ]


# Among respellings near an anchor, the nearer one goes first ("Novo-Serhiyivka" beside
# Udachne is the Novoserhiivka of Udachne's hromada, not the namesake 40 km north); a tie
# breaker only, so that confidence stays what an unordered pair would give.
_RESPELT_TIE = 0.05


def _respelt_score(km: float) -> float:
    return 1.0 + _RESPELT_TIE * (1.0 - km / _NEAR_KM) if km < _NEAR_KM else 0.0


def _qualifier_units(m: Mention, mentions: list[Mention]) -> set[str]:
    """The theatre oblast of "X, Y Oblast" or "the Y town of X", if the text names one."""
    outer = m.within if m.within is not None else m.settlement_of
    if outer is None:
        return set()
    people = (_DEMONYM, _ADJECTIVAL)
    if (
        mentions[outer].role in people
        and outer + 1 < len(mentions)
        and mentions[outer + 1].start - mentions[outer].end <= 2
    ):
        outer += 1  # "in the Russian Lugansk People's Republic": the unit after the adjective
    return {
        c.place.admin1_code
        for c in mentions[outer].cands
        if c.place.kind is _ADMIN1 and c.place.admin1_code and c.place.country_code in THEATRE
    }


def _nearest_km(p: Place, anchors: list[Place]) -> float:
    return min(
        (great_circle_km(p.lat, p.lon, a.lat, a.lon) for a in anchors if a.place_id != p.place_id),
        default=math.inf,
    )
