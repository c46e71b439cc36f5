"""Phrase attachment: which places an event trigger takes in its sentence.

Syntax-light rules (docs/events.md): the object and prepositional phrases a trigger governs,
passive subjects, venues of statements, fronted locatives, anaphora ("the town") and rivers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from geo.events.triggers import FIGURE_TYPES, Trigger
from geo.records import DateSpan, EventType, GeoPrecision, PlaceKind, Toponym
from geo.text.sentences import Sentence

__all__ = [
    "anaphors",
    "as_direction",
    "fronted_place",
    "is_river",
    "places_for",
    "tokenize_sentence",
    "within",
]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- words that steer attachment -----------------------------------------------------------
# A place joins a trigger through one of these prepositions ("invasion of Kursk", "fighting
# near Pokrovsk"). "from" names the source of a strike or an assault, so it links only where
# it names the place people or troops leave.
_LINKS = _wordset(
    "of in into at near on toward towards outside around across within inside along over "
    "through throughout beyond behind past "
    "в у на біля поблизу під до по околицях районі напрямку около возле под у районе"
)
_LINKS_FROM = _LINKS | {"from", "to", "з", "із", "зі", "из", "от"}
_VENUE_LINKS = frozenset({"at", "in", "from", "during"})
_LINKS_BY_TYPE = {
    EventType.EVACUATION: _LINKS_FROM,
    EventType.DISPLACEMENT: _LINKS_FROM,
    EventType.ADVANCE: _LINKS_FROM,
    EventType.OFFENSIVE: _LINKS | {"for"},  # "the battle for Bakhmut"
    EventType.STATEMENT: _LINKS | _VENUE_LINKS,
}
# Words that end the phrase a trigger governs: a new clause, a report, a comparison.
_BREAKS = _wordset(
    "and but while when whereas where which who whom whose that after before because as "
    "although though since until unless if so according said says say told added with without "
    "reminiscent similar compared unlike like followed"
)
_AUX = _wordset(
    "is are was were be been being has have had will would could can may might must should "
    "shall did does do"
)
_PARENTHESIS = frozenset({"including", "among", "mostly", "mainly", "notably"})
_SECTOR_WORDS = frozenset({"direction", "axis", "sector", "front", "area"})
_COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest northeastern "
    "northwestern southeastern southwestern northern southern eastern western".split()
)
# A verb between a subject trigger and its object ("Evacuation buses left Myrnohrad").
_VERB_FORM = re.compile(r"\w+ed|left|hit|struck|took|shook|swept|reached|tore", re.IGNORECASE)
_VERBAL_TRIGGER = re.compile(
    r"(?:\w+ed|struck|hit|fled|took|retook|retaken|taken|withdrew|withdrawn|fell|left|met|"
    r"seized|ha(?:ve|s|d))\b",
    re.IGNORECASE,
)
_FUNCTION = _BREAKS | _AUX | _LINKS | {
    "the", "a", "an", "its", "their", "his", "her", "from", "by", "to", "for",
}  # fmt: skip
_UNIT_WORDS = frozenset({"district", "raion", "hromada", "community", "municipality"})
# "X was shelled", "X came under fire", "X has been liberated", "X's outskirts were hit".
_PASSIVE_GAP = re.compile(
    r"^\s*(?:(?:['’]s\s+)?(?:\w+\s+)?(?:outskirts|suburbs?|centre|center|districts?|"
    r"neighbou?rhoods?|port|airport|station|edge)\s+)?"
    r"(?:,[^,;:]{1,60},\s*)?"
    r"(?:(?:has|have|had)\s+(?:now\s+|also\s+)?been|(?:is|was|were|are)(?:\s+being)?|"
    r"came|come|comes|(?:has|have|had)\s+come|remains?|remained)\s+"
    r"(?:(?:again|also|reportedly|heavily|repeatedly|once again|twice|briefly|fully|"
    r"completely|partially|partly|first|finally|officially)\s+)*$",
    re.IGNORECASE,
)
# A participle after its place, with the when or the by whom: "Lysychansk, captured in July
# 2022", "Donetsk city, which was captured in 2014", "Vuhledar, which Moscow said it had
# captured in early October".
_PARTICIPLE = re.compile(
    r"captured|seized|liberated|retaken|taken|occupied|recaptured|destroyed|shelled|struck|hit",
    re.IGNORECASE,
)
_POSTPOSED_GAP = re.compile(
    r"(?:\s+(?:city|town|village))?\s*,\s*"
    r"(?:(?:which|that)\s+(?:(?:was|were|had been|has been)\s+(?:(?:\w+ly|also|first)\s+)?"
    r"|(?:[\w'’-]+\s+){1,3}?(?:(?:claimed|claims|said|says) to have\s+|had\s+|has\s+)?))?",
    re.IGNORECASE,
)
_PARTICIPLE_PHRASE = re.compile(
    r"\s+(?:in|on|by|at|during|last|earlier|early|back|since|after|before)\b", re.IGNORECASE
)
_STRONG_STATEMENT = frozenset({"announced", "declared", "warned", "stated"})
_VISIT = re.compile(
    r"\b(?:visit(?:ed|ing)?(?:\s+to)?|on a visit to|during a visit to)\s+$", re.IGNORECASE
)
# "talks between Moscow and Kyiv": the two sides are parties, not the venue.
_BETWEEN = re.compile(r"\bbetween\s+(?:[\w'’-]+\s+){0,4}?and\s+[\w'’-]+", re.IGNORECASE)
_ACTOR_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:forces|troops|army|military|authorities|officials|government|president|"
    r"leader|and its)\b",
    re.IGNORECASE,
)
# A place followed by a verb is a subject: "Moscow said", "Kyiv rejected", "Moscow had".
_SUBJECT_AFTER = re.compile(
    r"^\s+(?:said|says|claimed|announced|denied|declared|rejected|accused|warned|insisted|"
    r"has|have|had|is|was)\b",
    re.IGNORECASE,
)
_LOCATION_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:outskirts|suburbs?|centre|center|districts?|neighbou?rhoods?|"
    r"city cent(?:re|er)|port|airport|railway station|station|industrial zone|edge)\b",
    re.IGNORECASE,
)
# "the town", "its eastern edge": the settlement last named before it.
_ANAPHOR = re.compile(
    r"\b(?:[Tt]he\s+(?:(?:besieged|embattled|front-?line|small|industrial|mining|hilltop|"
    r"border|port|coastal|eastern|southern|northern|western)\s+)?(?:town|city|village)"
    r"(?!\s+(?:of|council|hall)\b|['’]s)"
    r"|its\s+(?:(?:eastern|western|northern|southern|south-?eastern|south-?western|"
    r"north-?eastern|north-?western)\s+)?(?:edge|outskirts|centre|center|suburbs))\b"
)
# "fighting there", "the province": the settlement or the oblast last named.
_THERE = re.compile(
    r"\b(?<![Ss]o )there\b(?!\s+(?:is|are|was|were|has|have|had|will|would|could|may|might|"
    r"seems?|appears?|remains?|must|should)\b)"
)
_REGION_ANAPHOR = re.compile(r"\b[Tt]he\s+(?:province|region|oblast)\b(?!\s+of\b|['’]s)")
_FRONTED = re.compile(r"(?:In|At|Near|Outside|Around)\s+(?:the\s+(?=\w+\s+region))?")
_FRONTED_CHAIN = re.compile(
    r"(?:\s+of\s+(?:\w+\s+)?[\w'’-]+)?,\s+(?:in|near|at)\s+(?:the\s+(?:city|town|village)\s+of\s+)?"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?=,)"
)
_ANAPHOR_REACH = 400  # characters back to look for the antecedent
# An article's region stays its topic for longer: "the region" after a paragraph on its towns.
_REGION_REACH = 1200
# "the Dnipro river", "across the Dnipro.": a river that shares a city's name.
_RIVER_AFTER = re.compile(r"^\s+(?:river|reservoir|delta|estuary|basin)\b", re.IGNORECASE)
_BARE_AFTER = re.compile(r"^(?:\s*[,.;:)]|\s+(?:on|in|at|and|from|to|near|river)\b|\s*$)")
_WORD = re.compile(r"['’]s\b|\d[\d,.\u202f]*\d|\w[\w'’-]*|[^\w\s]")
_MAX_PRE = 6  # words between a trigger and its first preposition ("had destroyed a warehouse")
_MAX_NP = 5  # words in the noun phrase of a preposition ("the border areas")
_LEVEL = {
    PlaceKind.POPULATED_PLACE: 0,
    PlaceKind.POINT: 0,
    PlaceKind.ADMIN2: 1,
    PlaceKind.ADMIN1: 1,
    PlaceKind.REGION: 2,
    PlaceKind.FEATURE: 2,
    PlaceKind.COUNTRY: 3,
}


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "w" word, "p" punctuation, "top" place, "date", "skip"
    text: str  # lower-cased
    start: int
    end: int
    top: Toponym | None = None


def tokenize_sentence(
    text: str, sent: Sentence, tops: list[Toponym], dates: list[DateSpan], quoted
) -> list[_Tok]:
    """Words of a sentence with each place and each date expression as one token."""
    marks: list[tuple[int, int, str, Toponym | None]] = [
        (t.start, t.end, "top", t) for t in tops
    ] + [(d.start_char, d.end_char, "date", None) for d in dates]
    marks += [(a, b, "skip", None) for a, b in quoted if a < sent.end and b > sent.start]
    marks += [
        (sent.start + m.start(), sent.start + m.end(), "skip", None)
        for m in _BETWEEN.finditer(sent.text)
    ]
    marks.sort(key=lambda m: (m[0], -m[1]))
    out: list[_Tok] = []
    pos = sent.start
    for s, e, kind, top in marks:
        if s < pos:
            continue  # overlaps a mark already taken
        out += _words(text, pos, s)
        out.append(_Tok(kind, text[s:e].lower(), s, e, top))
        pos = e
    out += _words(text, pos, sent.end)
    return out


def _words(text: str, start: int, end: int) -> list[_Tok]:
    return [
        _Tok("w" if w[0].isalnum() else "p", w.lower(), s, e)
        for m in _WORD.finditer(text, start, end)
        for w, (s, e) in ((m.group(), m.span()),)
    ]


def _is_actor(text: str, top: Toponym, etype: EventType, *, subject: bool = False) -> bool:
    """Whether a place stands for its people or government rather than a location.

    "Russia's forces", "Moscow’s biggest gains" are actors or owners; with ``subject`` (the
    place is not the object of a preposition) so are "Moscow said" and "Kyiv rejected".
    """
    after = text[top.end : top.end + 40]
    if after[:2] in {"’s", "'s"}:
        # "Kharkiv's outskirts" is a location; "Ukraine's Donetsk Oblast" defers to the
        # oblast, and "Moscow's biggest gains" to nothing.
        return not _LOCATION_NOUN.match(after[2:])
    if subject and _SUBJECT_AFTER.match(after):
        return True
    m = _ACTOR_AFTER.match(after)
    if m and etype in FIGURE_TYPES and m.group(0).strip().lower() in {"authorities", "officials"}:
        return False  # "Pokrovsk authorities ordered civilians to evacuate": local, so here
    return bool(m)


def _list_from(toks: list[_Tok], i: int) -> tuple[list[Toponym], int]:
    """The places of a list starting at token i ("Kharkiv, Sumy and Odesa"); next index."""
    found = [toks[i].top]
    i += 1
    while i < len(toks):
        j = i
        if toks[j].text == ",":
            j += 1
        if j < len(toks) and toks[j].text in {"and", "or"}:
            j += 1
        if j == i or j >= len(toks) or toks[j].kind != "top":
            break
        nxt = toks[j].top
        if (
            j == i + 1
            and nxt.place.kind is PlaceKind.ADMIN1
            and nxt.place.admin1_code == found[-1].place.admin1_code
            and found[-1].place.kind is not PlaceKind.ADMIN1
        ):
            i = j + 1  # "Uman, Cherkasy Oblast": the oblast says where Uman is
            continue
        if (
            j == i + 1
            and j + 1 < len(toks)
            and toks[j + 1].text in _UNIT_WORDS
            and nxt.place.admin1_code == found[-1].place.admin1_code
        ):
            i = j + 2  # "Shevchenkove, Kupiansk district": the district says where
            continue
        if (
            j == i + 1
            and nxt.place.kind is PlaceKind.ADMIN2
            and found[-1].place.kind is PlaceKind.POPULATED_PLACE
            and nxt.place.admin1_code == found[-1].place.admin1_code
        ):
            # The same, when the geoparser read the district as one name ("Kupiansk
            # district" -> Kupiansk Raion): it situates the town, it is not a second place.
            i = j + 1
            continue
        found.append(nxt)
        i = j + 1
    return found, i


def _after(
    text: str, toks: list[_Tok], i: int, etype: EventType, *, max_pre: int
) -> list[list[Toponym]]:
    """Places in the phrase a trigger governs, scanning forward from token i.

    The trigger may take a direct object ("recaptured Izium"), then a chain of prepositional
    phrases ("from 37 settlements around Kupiansk", "on the outskirts of Sudzha"). A new
    clause, a report ("..., officials said") or a verb inside a noun phrase ends the chain.
    """
    links = _LINKS_BY_TYPE.get(etype, _LINKS)
    found: list[list[Toponym]] = []  # one group per phrase; a list of places is one group
    # Groups that only situate the others: a front sector ("in the Lyman direction") or a
    # reference point ("southwest of Pokrovsk near Udachne"). Kept only if nothing else is.
    weak: list[bool] = []
    pre = 0  # words before the first preposition
    np = -1  # words in the current prepositional phrase; -1 before the first one
    while i < len(toks):
        tok = toks[i]
        if tok.kind in {"date", "skip"}:
            i += 1
            continue
        if tok.kind == "top":
            if _is_actor(text, tok.top, etype):
                i += 1  # "into Russia's Kursk Oblast": the owner, not the place
                if i < len(toks) and toks[i].text in {"'s", "’s"}:
                    i += 1
                continue
            there = tok.top.surface.lower() == "there"  # an adverb: "fighting continues there"
            if (
                np < 0
                and not there
                and not (pre == 0 or (pre == 1 and _VERB_FORM.fullmatch(toks[i - 1].text)))
                and toks[i - 1].text not in _PLACE_NOUNS  # "captured Ukraine's town Vuhledar"
            ):
                break  # a place that is not an object: the subject of a new clause
            reference = i >= 2 and toks[i - 1].text == "of" and toks[i - 2].text.lower() in _COMPASS
            bordering = i >= 1 and toks[i - 1].text in _BORDERING
            more, i = _list_from(toks, i)
            if bordering:
                np = max(np, 0) + 1
                continue  # "villages bordering Kharkiv Oblast": never in it
            weak.extend([False] * (len(found) - len(weak)))  # groups added by a parenthesis
            found.append(more)
            weak.append(reference)
            np = max(np, 0) + 1
            continue
        word = tok.text
        if found and toks[i - 1].kind == "top" and word.lower() in _SECTOR_WORDS:
            weak.extend([False] * (len(found) - len(weak)))
            weak[-1] = True  # "the Pokrovsk direction": a sector, named after a town
            i += 1
            continue
        if tok.kind == "p":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if word == "," and nxt is not None and nxt.text in links and found == []:
                i += 1  # ", in the Gomel region": the same location, narrowed down
                continue
            if word in {",", "("} and nxt is not None and nxt.text in _PARENTHESIS:
                i = _skip_parenthesis(toks, i + 1, found)
                continue
            if word in {"-", "–", '"', "“", "”"}:  # 'had "all but encircled" Toretsk'
                i += 1
                continue
            break
        if word in links:
            if i + 1 < len(toks) and toks[i + 1].kind == "date":
                i += 2  # "on August 6", "in March 2022": a date, not a place phrase
                continue
            np = 0
            i += 1
            continue
        if word == "for":
            break  # "gains for Moscow": whom the gains serve, not where they are
        if word in {"that", "which"} and np < 0 and i + 1 < len(toks) and toks[i + 1].text in _AUX:
            i += 1  # "talks that were held in Istanbul": the trigger's own relative clause
            continue
        if word in _BREAKS or (i > 0 and toks[i - 1].kind == "top" and found):
            break  # "hit Nikopol almost every day": the phrase ended with the place
        if np >= 0:
            if word in _AUX:
                break
            np += 1
            if np > _MAX_NP:
                break
        else:
            pre += 1
            if pre > max_pre:
                break
        i += 1
    weak.extend([False] * (len(found) - len(weak)))
    if not all(weak):
        found = [g for g, w in zip(found, weak, strict=True) if not w]
    return found


def _skip_parenthesis(toks: list[_Tok], i: int, found: list[list[Toponym]]) -> int:
    """Skip ", including 600 children,"; places listed there ("including Vasylivka") count."""
    words = 0
    while i < len(toks) and toks[i].text != ",":
        if toks[i].kind == "top":
            more, i = _list_from(toks, i)
            found.append(more)
            continue
        if toks[i].kind == "p" or words > 8:
            return len(toks)
        words += 1
        i += 1
    return i + 1


def _before(text: str, trig: Trigger, tops: list[Toponym], dates: list[DateSpan]) -> list:
    """Places before a trigger: "X was shelled", "X came under fire", "the Kursk offensive"."""
    cands = [t for t in tops if t.end <= trig.start]
    if not cands:
        return []
    found = _before_from(text, trig, cands, dates)
    if (
        not found
        and len(cands) > 1
        and text[cands[-2].end : cands[-1].start].startswith(",")
        and text[cands[-1].end : cands[-1].end + 2] in {"'s", "’s"}
    ):
        # "Odesa, Ukraine's biggest port, was shelled": past the apposition
        found = _before_from(text, trig, cands[:-1], dates)
    return found


def _before_from(
    text: str, trig: Trigger, cands: list[Toponym], dates: list[DateSpan]
) -> list[Toponym]:
    top = cands[-1]
    between = text[top.end : trig.start]
    for d in dates:  # "Pokrovsk on Monday ordered": the date is not part of the grammar
        if top.end <= d.start_char and d.end_char <= trig.start:
            between = between.replace(text[d.start_char : d.end_char], " ")
    between = re.sub(r"\b(?:on|in)\s+(?=\s)", "", between)
    verbal = bool(_VERBAL_TRIGGER.match(trig.text)) or trig.text.startswith("under")
    if verbal and _PASSIVE_GAP.match(between):
        pass  # the subject of a passive or of "came under fire" is the place hit
    elif trig.text in {"fell to", "fell"} and not between.strip():
        pass
    elif (
        _PARTICIPLE.fullmatch(trig.text)
        and _POSTPOSED_GAP.fullmatch(between)
        and _PARTICIPLE_PHRASE.match(text, trig.end)
    ):
        pass  # "Lysychansk, captured in July 2022", "Donetsk, which was seized in 2014"
    elif (
        not verbal
        and re.fullmatch(r"\s*(?:[a-z][\w-]*\s+){0,2}", between)
        and not set(between.split()) & _FUNCTION
        and not _is_actor(text, top, trig.type, subject=True)
    ):
        pass  # a place as modifier: "the Kursk offensive", "Kharkiv residents evacuated"
    else:
        return []
    found = [top]
    # "Kharkiv and Sumy were shelled"
    for t in reversed(cands[:-1]):
        gap = text[t.end : found[-1].start]
        if re.fullmatch(r"\s*(?:,|,?\s+and|\s+or)\s*", gap):
            found.append(t)
        else:
            break
    return found[::-1]


def _most_specific(groups: list[list[Toponym]]) -> list[Toponym]:
    """The places of the finest phrase: "in Kursk Oblast near Korenevo" is Korenevo.

    Each group is one phrase; the places of a list ("Kharkiv, Sumy Oblast and Odesa") stay
    together whatever their level, since a list names several places, not one more precisely.
    """
    groups = [g for g in groups if g]
    if not groups:
        return []
    best = min(min(_LEVEL[t.place.kind] for t in g) for g in groups)
    out, seen = [], set()
    for g in groups:
        if min(_LEVEL[t.place.kind] for t in g) != best:
            continue
        for t in g:
            if t.place.place_id not in seen:
                seen.add(t.place.place_id)
                out.append(t)
    return out


def _venue(
    text: str, toks: list[_Tok], i: int, trig: Trigger, tops: list[Toponym]
) -> list[list[Toponym]]:
    """Where a statement was made: "said at the forum in Vladivostok", "address from Kyiv".

    Also the place of a visit in the same sentence ("visited Bucha ... and told reporters")
    and the speaker's place with a declaration verb ("Prosecutors in Kyiv announced").
    """
    j = i
    while j < len(toks) and toks[j].kind == "date":
        j += 1
    if j < len(toks) and toks[j].text in _VENUE_LINKS:
        found = _after(text, toks, j, trig.type, max_pre=0)
        if found:
            return found
    sent_start = toks[0].start if toks else trig.start
    for t in tops:
        if t.end <= trig.start and _VISIT.search(text, max(sent_start, t.start - 30), t.start):
            return [[t]]
    if trig.text in _STRONG_STATEMENT:
        before = [t for t in tops if t.end <= trig.start]
        if before:
            t = before[-1]
            gap = text[t.end : trig.start]
            lead = text[max(sent_start, t.start - 4) : t.start]
            if re.fullmatch(r"\s*(?:on \w+\s*)?", gap) and re.search(r"\b(?:in|at)\s+$", lead):
                return [[t]]
    return []


def is_river(text: str, t: Toponym) -> bool:
    """Whether a city's name stands for its river: "the Dnipro river", "across the Dnipro,"."""
    if t.place.kind not in (PlaceKind.POPULATED_PLACE, PlaceKind.POINT):
        return False
    after = text[t.end : t.end + 20]
    if _RIVER_AFTER.match(after):
        return True
    # English does not put an article before a city's bare name.
    return bool(re.search(r"\bthe\s+$", text[max(0, t.start - 5) : t.start])) and bool(
        _BARE_AFTER.match(after)
    )


def within(spans: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans (sorted, disjoint) that overlap ``[lo, hi)``."""
    k = max(bisect_right(spans, (lo, float("inf"))) - 1, 0)
    out = []
    while k < len(spans) and spans[k][0] < hi:
        if spans[k][1] > lo:
            out.append(spans[k])
        k += 1
    return out


def anaphors(text: str, resolved: list[Toponym], quoted) -> list[Toponym]:
    """Read "the town", "the city", "its eastern edge" as the settlement named just before."""
    out = []
    settlements = [
        t
        for t in resolved
        if t.place.kind in (PlaceKind.POPULATED_PLACE, PlaceKind.POINT)
        and not _ACTOR_AFTER.match(text[t.end : t.end + 40])
        and not _SUBJECT_AFTER.match(text[t.end : t.end + 40])
    ]
    ends = [t.end for t in settlements]
    regions = [t for t in resolved if t.place.kind is PlaceKind.ADMIN1]
    region_ends = [t.end for t in regions]
    for m in _REGION_ANAPHOR.finditer(text):
        k = bisect_right(region_ends, m.start()) - 1
        if k >= 0 and m.start() - region_ends[k] < _REGION_REACH:
            out.append(_refer(regions[k], m))
    for m in _THERE.finditer(text):
        k = bisect_right(ends, m.start()) - 1
        if k >= 0 and m.start() - ends[k] < _ANAPHOR_REACH // 2:
            out.append(_refer(settlements[k], m))
    for m in _ANAPHOR.finditer(text):
        if within(quoted, m.start(), m.start() + 1):
            continue
        k = bisect_right(ends, m.start()) - 1
        if k >= 0 and m.start() - ends[k] < _ANAPHOR_REACH:
            ante = settlements[k]
            out.append(
                replace(
                    ante,
                    start=m.start(),
                    end=m.end(),
                    surface=m.group(),
                    confidence=round(ante.confidence * 0.9, 3),
                )
            )
    return out


_PLACE_NOUNS = frozenset({"town", "city", "village", "settlement", "hamlet"})
_BORDERING = frozenset({"bordering", "adjoining", "neighbouring", "neighboring"})
_CLAUSE_END = frozenset({";", ".", "but", "while", "whereas"})
_AREA_LIST_WORDS = frozenset({",", "and", "the", "region", "oblast", "(", ")"})
_AUTHORITY = r"(?:authorities|officials|administration|council|governor|mayor)"
_AUTHORITY_AFTER = re.compile(
    rf"(?:['’]s)?\s+(?:(?:city|town|village|local|regional|military|civil|district)\s+)*"
    rf"{_AUTHORITY}\b",
    re.IGNORECASE,
)
_REGIONAL = re.compile(r"\s+(?:regional|oblast|region['’]s)\b", re.IGNORECASE)
_AUTHORITY_BEFORE = re.compile(
    rf"\b{_AUTHORITY}\s+(?:in|of)\s+(?:the\s+)?(?:[^\W\d][\w'’ -]{{0,40}}?\s+)?$",
    re.IGNORECASE,
)
_DIRECTION_AFTER = re.compile(r"^[\s-]+(?:direction|axis|sector|front)\b", re.IGNORECASE)
_DIRECTION_BEFORE = re.compile(r"\b(?:напрямку|направлении|напрямі)\s+$", re.IGNORECASE)


def as_direction(text: str, top: Toponym) -> Toponym:
    """A front sector named after a town ("the Kharkiv direction") as an area, not the town.

    The point stays at the town (the sector's anchor) but the place is a region, so the
    event's geo precision is coarse and the map does not claim fighting in the city.
    """
    place = top.place
    if place is None or place.kind not in (PlaceKind.POPULATED_PLACE, PlaceKind.POINT):
        return top
    after = text[top.end : top.end + 20]
    if not (
        _DIRECTION_AFTER.match(after)
        or _DIRECTION_BEFORE.search(text, max(0, top.start - 20), top.start)
    ):
        return top
    sector = replace(
        place,
        place_id=f"dir:{place.place_id}",
        name=f"{place.name} direction",
        kind=PlaceKind.REGION,
        population=None,
        precision=GeoPrecision.REGION,
    )
    return replace(top, place=sector)


def _refer(ante: Toponym, m: re.Match[str]) -> Toponym:
    return replace(
        ante,
        start=m.start(),
        end=m.end(),
        surface=m.group(),
        confidence=round(ante.confidence * 0.9, 3),
    )


def places_for(
    text: str, trig: Trigger, toks: list[_Tok], tops: list[Toponym], dates: list[DateSpan]
) -> list[Toponym]:
    """The places a trigger attaches to (one event each), most specific level only."""
    i = next((k for k, t in enumerate(toks) if t.start >= trig.end), len(toks))
    if trig.type is EventType.STATEMENT:
        return _most_specific(_venue(text, toks, i, trig, tops))
    if trig.type is EventType.DISPLACEMENT and trig.text.endswith("left"):
        # "have left" takes its object only: "have left Bakhmut", "have left the town"
        while i < len(toks) and toks[i].kind == "date":
            i += 1
        if i < len(toks) and toks[i].kind == "top":
            return _most_specific([_list_from(toks, i)[0]])
        return []
    if trig.type is EventType.EVACUATION and re.match(
        r"(?:ordered|urged|told|asked|advised|called on) ", trig.text
    ):
        # "ordered residents of Vovchansk to leave": the place is inside the order's object
        inner = [t for t in tops if trig.start < t.start and t.end <= trig.end]
        inner = [t for t in inner if not _is_actor(text, t, trig.type)]
        if inner:
            return _most_specific([inner])
    verbal = bool(_VERBAL_TRIGGER.match(trig.text)) or trig.text.startswith("under")
    if verbal and (before := _before(text, trig, tops, dates)):
        return _most_specific([before])  # passive: the subject is the place hit
    after = _after(text, toks, i, trig.type, max_pre=_MAX_PRE)
    if after or verbal:
        found = _most_specific(after)
    else:
        found = _most_specific([_before(text, trig, tops, dates)])  # "the Kursk offensive"
    if not found and trig.type is EventType.NEGOTIATION:
        found = _most_specific(_venue_aside(text, toks, i))
    if not found and trig.type is EventType.OFFENSIVE:
        found = _most_specific([_areas_of(text, toks, i)])
    if not found and trig.type is EventType.EVACUATION:
        found = _most_specific([[t] for t in _authority_place(text, trig, tops)])
    return found


def _venue_aside(text: str, toks: list[_Tok], i: int) -> list[list[Toponym]]:
    """Talks whose venue comes after an aside: "met for talks since ..., at a venue in X"."""
    for k in range(i, len(toks) - 1):
        if toks[k].text == "," and toks[k + 1].text in {"at", "in"}:
            return _after(text, toks, k + 1, EventType.NEGOTIATION, max_pre=0)
        if toks[k].text in {";", "."}:
            break
    return []


def _areas_of(text: str, toks: list[_Tok], i: int) -> list[Toponym]:
    """The places of "in the areas of A in the X region, B, C and D" later in the clause.

    Bulletins put the losses or the repelled attacks first and the places last: "inflicted
    losses on the manpower and hardware of two brigades in the areas of A, B and C". An oblast or
    republic that only says where the last place lies is left out.
    """
    k = i
    while k + 1 < len(toks) and toks[k].text not in _CLAUSE_END:
        if toks[k].text in {"area", "areas", "vicinity"} and toks[k + 1].text == "of":
            break
        k += 1
    else:
        return []
    found: list[Toponym] = []
    qualifier = False
    for tok in toks[k + 2 :]:
        if tok.kind == "top":
            if not (qualifier and tok.top.place.kind is not PlaceKind.POPULATED_PLACE):
                found.append(tok.top)
            qualifier = False
        elif tok.text == "in":
            qualifier = True
        elif tok.text not in _AREA_LIST_WORDS and not text[tok.start].isupper():
            break  # a name the gazetteer lacks does not end the list
    return found


def _authority_place(text: str, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The place of the authority that orders an evacuation, where the order names none.

    "Myrnohrad officials asked residents to evacuate on Monday", "The authorities in
    Myrnohrad began the forced evacuation of children": a local authority orders the
    evacuation of its own ground.
    """
    found = []
    for t in tops:
        if t.end > trig.start:
            break
        if _REGIONAL.match(text, t.end):
            continue  # a regional military administration orders for its towns
        if _AUTHORITY_AFTER.match(text, t.end) or _AUTHORITY_BEFORE.search(
            text, max(0, t.start - 60), t.start
        ):
            found.append(t)
    return found


def fronted_place(text: str, sent: Sentence, tops: list[Toponym]) -> list[Toponym]:
    """The place of a fronted locative ("In Kherson, ...") that frames the whole sentence."""
    m = _FRONTED.match(sent.text)
    if not m:
        return []
    start = sent.start + m.end()
    first = [t for t in tops if t.start == start]
    if not first:
        return []
    if re.match(r"\s*,", text[first[0].end : first[0].end + 3]):
        return [first[0]]
    # "In the Kharkiv region of northeastern Ukraine, in the town of Vovchansk, ...": a chain of
    # locatives, each narrowing the last; the finest one frames the sentence.
    chain = _FRONTED_CHAIN.match(text, first[0].end, sent.end)
    if not chain:
        return []
    inner = [t for t in tops if first[0].start <= t.start and t.end <= chain.end()]
    return _most_specific([[t] for t in inner])
