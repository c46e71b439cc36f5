"""Sentence-level event extraction: type, place, date range, figures and the quote.

Rules follow docs/events.md: each trigger word takes the place its phrase attaches to it (not
every place in the sentence), the nearest date expression (else the publication date) and,
for evacuations and displacement, the head-counts; the sentence is kept as provenance.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .dates import find_dates, resolve_date
from .records import (
    Article,
    DatePrecision,
    DateSpan,
    Event,
    EventType,
    GeoPrecision,
    PlaceKind,
    Toponym,
)

__all__ = ["TRIGGERS", "extract_events", "parse_figures", "split_sentences"]

# Trigger phrases per type, matched case-insensitively on word boundaries. Where two phrases
# start at the same word the first listed wins, so longer phrases come first.
TRIGGERS: dict[EventType, tuple[str, ...]] = {
    EventType.EVACUATION: (
        r"evacuation (?:trains?|bus(?:es)?|orders?|convoys?)",
        r"evacuat\w*",
        r"(?:ordered|urged|told) (?:[\w'’-]+ ){0,6}?to (?:leave|evacuate)",
        r"were taken out of",
    ),
    EventType.DISPLACEMENT: (
        r"fled",
        r"flee(?:ing)?",
        r"forced to flee",
        r"displaced",
        r"refugees?",
        r"(?:have |had )?left their homes",
        # "40,000 people have left Bakhmut": only with a people subject and a named object
        r"ha(?:ve|s|d) (?:already |since )?left",
        r"sheltering in",
        r"found shelter in",
    ),
    EventType.NEGOTIATION: (
        r"round of talks",
        r"talks",
        r"negotiat\w+",
        r"peace deal",
        r"ceasefire (?:deal|agreement)",
        r"signed (?:an? )?(?:agreement|deal|memorandum)",
        r"prisoner exchange",
        r"exchange of prisoners",
        r"delegations? met",
        r"met",  # only with a diplomatic subject or talks in the sentence
        r"summit",
    ),
    EventType.ADVANCE: (
        r"advanc\w*",
        r"(?:territorial )?gains",
        r"captur\w+",
        r"seiz\w+",
        r"t(?:ook|aken|akes?|aking) (?:full |complete |effective )?control (?:of|over)",
        r"recaptur\w+",
        r"retook",
        r"retaken",
        r"took back",
        r"regain\w*",
        r"pushed (?:\w+ ){0,3}back",
        r"liberat\w+",
        r"withdr[ea]w\w*",
        r"pulled (?:\w+ ){0,3}out of",
        r"pulled back from",
        r"closing in on",
        r"entered",
        r"fell to",
        r"fall of",
        r"encircl\w+",
    ),
    EventType.OFFENSIVE: (
        r"counteroffensive",
        r"counter-offensive",
        r"counter-?attacks?",
        r"offensive",
        r"incursion",
        r"invasion",
        r"invaded",
        r"stepped up (?:\w+ )?(?:assaults|attacks)",
        r"assaults?",
        r"fighting",
        r"battles?",
        r"clashes",
        r"crossed (?:the border )?into",
        r"crossed the border",
        r"launched (?:an? )?(?:attack|operation|push)",
        r"push(?:ed)? toward",
        r"ground operation",
        r"storm(?:ed|ing)",
    ),
    EventType.ATTACK: (
        r"struck",
        r"strikes?",
        r"shell(?:ed|ing)",
        r"missiles?",
        r"drones?",
        r"bomb(?:ed|s|ing)?",
        r"airstrikes?",
        r"air strikes?",
        r"explosions?",
        r"hit(?:ting)?",
        r"striking",
        r"targeted",
        r"attack(?:ed|s)?",
        r"under (?:heavy |intense |renewed |artillery |rocket |drone |missile )*"
        r"(?:fire|attack|shelling|bombardment)",
    ),
    EventType.STATEMENT: (
        r"said",
        r"says",
        r"told (?:reporters|journalists|a news conference)",
        r"announced",
        r"declared",
        r"warned",
        r"stated",
        r"claimed",
        r"(?:video )?address",
        r"speaking(?: to (?:reporters|journalists))?",
        r"speech",
    ),
}
# One word boundary and a letter up front let the engine skip most positions at once: this
# runs on every sentence.
_TRIGGER_RE = re.compile(
    r"\b(?=[a-z])(?:"
    + "|".join(
        f"(?P<{t.value}_{i}>{p})" for t, pats in TRIGGERS.items() for i, p in enumerate(pats)
    )
    + r")\b",
    re.IGNORECASE,
)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- words that steer attachment -----------------------------------------------------------
# A place joins a trigger through one of these prepositions ("invasion of Kursk", "fighting
# near Pokrovsk"). "from" names the source of a strike or an assault, so it links only where
# it names the place people or troops leave.
_LINKS = _wordset(
    "of in into at near on toward towards outside around across within inside along over "
    "through throughout beyond behind past"
)
_LINKS_FROM = _LINKS | {"from", "to"}
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
    "although though since until unless if so according said says say told added with without"
)
_AUX = _wordset(
    "is are was were be been being has have had will would could can may might must should "
    "shall did does do"
)
_PARENTHESIS = frozenset({"including", "among", "mostly", "mainly", "notably"})
# A verb between a subject trigger and its object ("Evacuation buses left Myrnohrad").
_VERB_FORM = re.compile(r"\w+ed|left|hit|struck|took|shook|swept|reached|tore", re.IGNORECASE)
_VERBAL_TRIGGER = re.compile(
    r"(?:\w+ed|struck|hit|fled|took|retook|retaken|taken|withdrew|withdrawn|fell|left|met|"
    r"seized|ha(?:ve|s|d))\b",
    re.IGNORECASE,
)
_FUNCTION = _BREAKS | _AUX | _LINKS | {"the", "a", "an", "its", "their", "his", "her", "from"}
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
_NON_FACTUAL = re.compile(
    r"\b(?:not|no|never|n['’]t|could|would|may|might|will|shall|should|cannot|"
    r"plans? to|planned to|threaten\w* to|ready to|prepared to|expected to|set to|"
    r"intends? to|called for|calls? for|urged|demand\w*)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "Talks could resume in Geneva", "the offensive did not reach Sumy": the verb after a noun.
_NON_FACTUAL_AFTER = re.compile(
    r"\s+(?:(?!(?:and|but|or|as|while|after)\b)[\w'’-]+\s+){0,3}?"
    r"(?:could|would|may|might|will|shall|should|"
    r"(?:is|are) (?:expected|set|due|scheduled|planned|likely) to|"
    r"(?:did|does|do|has|have|had|was|were) not|never)\b",
    re.IGNORECASE,
)
_DIPLOMATIC = re.compile(
    r"\b(?:talks|negotiat\w*|delegations?|ministers?|officials|envoys?|negotiators?|leaders|"
    r"counterparts?|mediat\w*|summit|ceasefire|peace)\b",
    re.IGNORECASE,
)
_PEOPLE_SUBJECT = re.compile(
    r"\b(?:people|civilians|residents|inhabitants|families|villagers|refugees|children|"
    r"evacuees|thousands|hundreds)\b",
    re.IGNORECASE,
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
_FRONTED = re.compile(r"(?:In|At|Near|Outside|Around)\s+(?:the\s+(?=\w+\s+region))?")
_ANAPHOR_REACH = 400  # characters back to look for the antecedent
# "the Dnipro river", "across the Dnipro.": a river that shares a city's name.
_RIVER_AFTER = re.compile(r"^\s+(?:river|reservoir|delta|estuary|basin)\b", re.IGNORECASE)
_BARE_AFTER = re.compile(r"^(?:\s*[,.;:)]|\s+(?:on|in|at|and|from|to|near|river)\b|\s*$)")
_WORD = re.compile(r"['’]s\b|\d[\d,.\u202f]*\d|\w[\w'’-]*|[^\w\s]")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"’)]*|\n|$)")
_ABBREV_END = re.compile(
    r"\b(?:[A-Z]|St|Mt|Gen|Col|Lt|Maj|Sgt|Mr|Mrs|Ms|Dr|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|vs|U\.S|U\.K)\.$"
)
_MAX_PRE = 6  # words between a trigger and its first preposition ("had destroyed a warehouse")
_MAX_NP = 5  # words in the noun phrase of a preposition ("the border areas")

# Figures for evacuations and displacement.
_NUM_WORDS = dict(
    zip(
        re.findall(
            r"[a-z ]+",
            "one,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,"
            "fifteen,twenty,thirty,forty,fifty,hundred,a hundred",
        ),
        (*range(1, 13), 15, 20, 30, 40, 50, 100, 100),
        strict=True,
    )
)
_SCALE = {"thousand": 1_000, "million": 1_000_000}
_PEOPLE_NOUNS = (
    r"people|civilians|residents|inhabitants|persons|evacuees|refugees|villagers|"
    r"ukrainians|russians|individuals|citizens|patients"
)
_CHILD_NOUNS = r"children|minors|kids|orphans"
_FIGURE = re.compile(
    r"(?P<num>\d{1,3}(?:[,\u202f ]\d{3})+|\d+(?:\.\d+)?|"
    + "|".join(sorted(_NUM_WORDS, key=len, reverse=True))
    + r")(?:\s+(?P<scale>thousand|million))?\s+(?:(?:more|other|local|ukrainian|russian|elderly|"
    r"displaced|internally displaced)\s+)?(?P<noun>" + _PEOPLE_NOUNS + "|" + _CHILD_NOUNS + r")\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(r"\b(?:several|a few|few|many|dozens of|hundreds of)\s+$", re.IGNORECASE)
_FIGURE_TYPES = (EventType.EVACUATION, EventType.DISPLACEMENT)
_BATTLE_TYPES = (EventType.OFFENSIVE, EventType.ADVANCE, EventType.ATTACK)
_LEVEL = {
    PlaceKind.POPULATED_PLACE: 0,
    PlaceKind.POINT: 0,
    PlaceKind.ADMIN1: 1,
    PlaceKind.REGION: 2,
    PlaceKind.COUNTRY: 3,
}


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span of the article text."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences with offsets; abbreviations ("Gen.", "U.S.") do not end one."""
    out: list[Sentence] = []
    pending = None
    for m in _SENTENCE.finditer(text):
        s, e = m.span()
        if pending is not None:
            s = pending
            pending = None
        chunk = text[s:e]
        # "U.S." or "Gen. Syrskyi": a full stop inside a word or after an abbreviation does
        # not end the sentence.
        if (
            e < len(text)
            and chunk.endswith(".")
            and (not text[e].isspace() or (_ABBREV_END.search(chunk) and text[e] == " "))
        ):
            pending = s
            continue
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Sentence(s + lead, s + lead + len(stripped), stripped))
    return out


def _to_int(num: str, scale: str | None) -> int | None:
    num = num.lower().replace(",", "").replace("\u202f", "").replace(" ", "")
    if num in _NUM_WORDS:
        value = float(_NUM_WORDS[num])
    else:
        try:
            value = float(num)
        except ValueError:
            return None
    if scale:
        value *= _SCALE[scale.lower()]
    return round(value)


def parse_figures(sentence: str) -> tuple[int | None, int | None]:
    """The head-count of people and of children in a sentence, as integers.

    "More than 26,000 civilians, including 1,000 children" gives (26000, 1000). Vague amounts
    ("thousands of people") give None.
    """
    people = children = None
    for m in _FIGURE.finditer(sentence):
        value = _to_int(m.group("num"), m.group("scale"))
        if value is None or _VAGUE.search(sentence, 0, m.start()):
            continue  # "several hundred children" is an amount, not a count
        if re.fullmatch(_CHILD_NOUNS, m.group("noun"), re.IGNORECASE):
            children = children if children is not None else value
        elif people is None:
            people = value
    return people, children


def _geo_precision(kind: PlaceKind) -> GeoPrecision:
    return {
        PlaceKind.POPULATED_PLACE: GeoPrecision.SETTLEMENT,
        PlaceKind.POINT: GeoPrecision.SETTLEMENT,
        PlaceKind.ADMIN1: GeoPrecision.ADMIN1,
        PlaceKind.REGION: GeoPrecision.REGION,
        PlaceKind.COUNTRY: GeoPrecision.COUNTRY,
    }[kind]


# --- sentence analysis -----------------------------------------------------------------------


@dataclass
class _Trigger:
    type: EventType
    start: int  # absolute offsets
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "w" word, "p" punctuation, "top" place, "date", "skip"
    text: str  # lower-cased
    start: int
    end: int
    top: Toponym | None = None


def _triggers(text: str, sent: Sentence, quoted: list[tuple[int, int]]) -> list[_Trigger]:
    """The factual event words of a sentence, outside direct speech."""
    out = []
    for m in _TRIGGER_RE.finditer(sent.text):
        s, e = sent.start + m.start(), sent.start + m.end()
        if any(a <= s < b for a, b in quoted):
            continue  # words inside direct speech are the speaker's, not the reporter's
        etype = EventType(m.lastgroup.rsplit("_", 1)[0])
        word = m.group().lower()
        if word == "met" and not _DIPLOMATIC.search(sent.text):
            continue  # "met" is a negotiation only between delegations, ministers, envoys
        if (
            etype is EventType.DISPLACEMENT
            and word.endswith(" left")
            and not _PEOPLE_SUBJECT.search(text, sent.start, s)
        ):
            continue  # "troops had left the town" is a withdrawal, not people fleeing
        clause = re.split(r"[,;:]", text[max(sent.start, s - 50) : s])[-1]
        if _NON_FACTUAL.search(clause) or (
            etype is not EventType.STATEMENT and _NON_FACTUAL_AFTER.match(text, e, sent.end)
        ):
            continue  # negated, planned or hoped-for: context, not an event
        out.append(_Trigger(etype, s, e, word))
    return out


def _tokenize(
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
        _Tok("w" if m.group()[0].isalnum() else "p", m.group().lower(), m.start(), m.end())
        for m in _WORD.finditer(text, start, end)
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
    if m and etype in _FIGURE_TYPES and m.group(0).strip().lower() in {"authorities", "officials"}:
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
        found.append(toks[j].top)
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
            if np < 0 and not (pre == 0 or (pre == 1 and _VERB_FORM.fullmatch(toks[i - 1].text))):
                break  # a place that is not an object: the subject of a new clause
            more, i = _list_from(toks, i)
            found.append(more)
            np = max(np, 0) + 1
            continue
        word = tok.text
        if tok.kind == "p":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if word == "," and nxt is not None and nxt.text in links and found == []:
                i += 1  # ", in the Gomel region": the same location, narrowed down
                continue
            if word == "," and nxt is not None and nxt.text in _PARENTHESIS:
                i = _skip_parenthesis(toks, i + 1, found)
                continue
            if word in {"-", "–"}:
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


def _before(text: str, trig: _Trigger, tops: list[Toponym], dates: list[DateSpan]) -> list:
    """Places before a trigger: "X was shelled", "X came under fire", "the Kursk offensive"."""
    cands = [t for t in tops if t.end <= trig.start]
    if not cands:
        return []
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
    text: str, toks: list[_Tok], i: int, trig: _Trigger, tops: list[Toponym]
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


def _is_river(text: str, t: Toponym) -> bool:
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


def _within(spans: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans (sorted, disjoint) that overlap ``[lo, hi)``."""
    k = max(bisect_right(spans, (lo, float("inf"))) - 1, 0)
    out = []
    while k < len(spans) and spans[k][0] < hi:
        if spans[k][1] > lo:
            out.append(spans[k])
        k += 1
    return out


def _anaphors(text: str, resolved: list[Toponym], quoted) -> list[Toponym]:
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
    for m in _ANAPHOR.finditer(text):
        if _within(quoted, m.start(), m.start() + 1):
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


def _date_for(
    trig: _Trigger, dates: list[DateSpan], triggers: list[_Trigger], text: str
) -> DateSpan | None:
    """The date expression nearest to this trigger rather than to another trigger.

    A sentence with a single date expression dates all its events ("ordered ... on Monday,
    as Russian forces advanced"), and "since October 2022, when ... began their assault"
    gives the assault October 2022.
    """
    for d in dates:
        if trig.start > d.end_char and re.match(r",\s+when\b", text[d.end_char : d.end_char + 8]):
            if d.text.lower().startswith("since "):
                again = resolve_date(d.text[6:], published=d.end)
                if again is not None:
                    return replace(again, start_char=d.start_char, end_char=d.end_char)
            return d
    best, best_d = None, None
    for d in dates:
        mid = (d.start_char + d.end_char) / 2
        mine = abs(mid - (trig.start + trig.end) / 2)
        if any(
            abs(mid - (o.start + o.end) / 2) < mine
            for o in triggers
            if o.type is not trig.type and o.type is not EventType.STATEMENT
        ):
            continue
        if best_d is None or mine < best_d:
            best, best_d = d, mine
    if best is None and len(dates) == 1:
        return dates[0]
    return best


def _since_range(
    trig: _Trigger, dates: list[DateSpan], text: str, published: dt.date
) -> DateSpan | None:
    """An open range for "gains in X since Ukraine launched its invasion ... on August 6"."""
    m = re.search(r"\bsince\b", text[trig.end : trig.end + 80], re.IGNORECASE)
    if not m:
        return None
    after = trig.end + m.end()
    later = [d for d in dates if d.start_char >= after and d.end <= published]
    if not later:
        return None
    d = min(later, key=lambda d: d.start_char)
    return DateSpan(
        d.start, published, DatePrecision.RANGE, f"since … {d.text}", d.start_char, d.end_char
    )


def _event_id(article_id: str, etype: EventType, place_id: str, start: int) -> str:
    key = f"{article_id}|{etype.value}|{place_id}|{start}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def extract_events(article: Article, toponyms: Sequence[Toponym]) -> list[Event]:
    """Extract dated events from an article whose toponyms are already resolved.

    Parameters
    ----------
    article
        The article; its ``published`` date anchors relative dates (events of an undated
        article are dated only where the sentence has an absolute date).
    toponyms
        The article's resolved toponyms (from :func:`geo.geoparse.geoparse`).

    Returns
    -------
    list of Event
        In text order, at most one per (type, place) unless their dates differ.
    """
    text = article.text
    published = article.published
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    resolved = sorted(
        (
            t
            for t in toponyms
            if t.place is not None
            and not _within(quoted, t.start, t.start + 1)
            and not _is_river(text, t)
        ),
        key=lambda t: t.start,
    )
    resolved = sorted(resolved + _anaphors(text, resolved, quoted), key=lambda t: t.start)
    starts = [t.start for t in resolved]
    events: list[Event] = []
    last_figure_event: int | None = None
    for sent in split_sentences(text):
        if _is_headline(sent.text):
            continue  # a headline restates the body, which has the dates and the details
        tops = resolved[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        squoted = _within(quoted, sent.start, sent.end)
        triggers = _triggers(text, sent, squoted)
        if not triggers:
            continue
        people, children = parse_figures(sent.text)
        dates = [
            replace(d, start_char=d.start_char + sent.start, end_char=d.end_char + sent.start)
            for d in find_dates(sent.text, published=published)
        ]
        toks = _tokenize(text, sent, tops, dates, squoted)
        frame = _frame(text, sent, tops)
        found = []
        for trig in triggers:
            places = _places_for(text, trig, toks, tops, dates)
            if not places and trig.type is not EventType.STATEMENT:
                places = frame  # "In Kherson, artillery shelled the port district"
            if places:
                found.append((trig, places))
        found = _coerce_types(found, triggers)
        made_here = False
        for trig, places in found:
            span = _since_range(trig, dates, text, published) if published else None
            span = span or _date_for(trig, dates, triggers, text)
            if span is None:
                if published is None:
                    continue  # no anchor, no date: an undated dot would mislead
                span = DateSpan(published, published, DatePrecision.DAY, "", -1, -1)
            elif published is not None and span.start > published:
                continue  # "next week": a plan or a forecast, not something that happened
            for top in places:
                events.append(_event(article, trig, top, span, sent, people, children))
                made_here = True
                if trig.type in _FIGURE_TYPES:
                    last_figure_event = len(events) - 1
        # "More than 26,000 civilians ... have been forced to flee." names no place: its
        # figures belong to the evacuation just reported.
        if (
            not made_here
            and (people or children)
            and last_figure_event is not None
            and any(t.type in _FIGURE_TYPES for t in triggers)
        ):
            prev = events[last_figure_event]
            adjacent = sent.start - prev.sentence_end < 3
            events[last_figure_event] = replace(
                prev,
                people=prev.people if prev.people is not None else people,
                children=prev.children if prev.children is not None else children,
                quote=f"{prev.quote} {sent.text}" if adjacent else prev.quote,
                sentence_end=sent.end if adjacent else prev.sentence_end,
            )
    return _merge(events)


def _places_for(
    text: str, trig: _Trigger, toks: list[_Tok], tops: list[Toponym], dates: list[DateSpan]
) -> list[Toponym]:
    """The places a trigger attaches to (one event each), most specific level only."""
    i = next((k for k, t in enumerate(toks) if t.start >= trig.end), len(toks))
    if trig.type is EventType.STATEMENT:
        return _most_specific(_venue(text, toks, i, trig, tops))
    if trig.type is EventType.DISPLACEMENT and trig.text.endswith(" left"):
        # "have left" takes its object only: "have left Bakhmut", "have left the town"
        while i < len(toks) and toks[i].kind == "date":
            i += 1
        if i < len(toks) and toks[i].kind == "top":
            return _most_specific([_list_from(toks, i)[0]])
        return []
    if trig.type is EventType.EVACUATION and re.match(r"(?:ordered|urged|told) ", trig.text):
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
        return _most_specific(after)
    return _most_specific([_before(text, trig, tops, dates)])  # "the Kursk offensive"


def _frame(text: str, sent: Sentence, tops: list[Toponym]) -> list[Toponym]:
    """The place of a fronted locative ("In Kherson, ...") that frames the whole sentence."""
    m = _FRONTED.match(sent.text)
    if not m:
        return []
    start = sent.start + m.end()
    first = [t for t in tops if t.start == start]
    if not first or not re.match(r"\s*,", text[first[0].end : first[0].end + 3]):
        return []
    return [first[0]]


def _coerce_types(found: list, triggers: list[_Trigger]) -> list:
    """Let evacuation win over displacement within one sentence.

    In "had left Pokrovsk on evacuation trains" the transport makes the leaving an evacuation.
    """
    evac = any(t.type is EventType.EVACUATION for t in triggers)
    if not evac:
        return found
    evac_places = {
        p.place.place_id for t, ps in found if t.type is EventType.EVACUATION for p in ps
    }
    out = []
    for trig, places in found:
        if trig.type is EventType.DISPLACEMENT:
            places = [p for p in places if p.place.place_id not in evac_places]
            if not places:
                continue
            if not evac_places:
                trig = replace(trig, type=EventType.EVACUATION)
        out.append((trig, places))
    return out


def _event(
    article: Article,
    trig: _Trigger,
    top: Toponym,
    span: DateSpan,
    sent: Sentence,
    people: int | None,
    children: int | None,
) -> Event:
    figures = trig.type in _FIGURE_TYPES
    return Event(
        event_id=_event_id(article.article_id, trig.type, top.place.place_id, trig.start),
        article_id=article.article_id,
        event_type=trig.type,
        place=top.place,
        surface=top.surface,
        date_start=span.start,
        date_end=span.end,
        date_precision=span.precision,
        geo_precision=_geo_precision(top.place.kind),
        quote=sent.text,
        sentence_start=sent.start,
        sentence_end=sent.end,
        people=people if figures else None,
        children=children if figures else None,
        date_text=span.text,
        confidence=round(top.confidence * (1.0 if span.start_char >= 0 else 0.8), 3),
    )


def _is_headline(sentence: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", sentence) if len(w) > 3]
    return (
        len(words) >= 4
        and sum(w[0].isupper() for w in words) / len(words) > 0.8
        and (not sentence.rstrip().endswith("."))
    )


def _merge(events: list[Event]) -> list[Event]:
    """Merge repeats of one event and drop country-level events a specific one covers.

    One event per (type, place) with overlapping dates; country-level battle events that a
    more specific event of the same type already covers are dropped.
    """
    out: list[Event] = []
    for ev in events:
        # Twins: the same type at the same place with overlapping dates, or where one of them
        # has no date of its own ("the Kursk offensive" after "the invasion of Kursk on
        # August 6" is the same offensive, not a new one on the publication date).
        twin = next(
            (
                k
                for k, o in enumerate(out)
                if o.event_type is ev.event_type
                and o.place.place_id == ev.place.place_id
                and (
                    not o.date_text
                    or not ev.date_text
                    or (o.date_start <= ev.date_end and ev.date_start <= o.date_end)
                )
            ),
            None,
        )
        if twin is None:
            out.append(ev)
            continue
        old = out[twin]
        # Keep the reading whose date came from the text, then the more precise one.
        better = ev if (not old.date_text and ev.date_text) else old
        other = old if better is ev else ev
        out[twin] = replace(
            better,
            people=better.people if better.people is not None else other.people,
            children=better.children if better.children is not None else other.children,
        )
    specific = [e for e in out if e.geo_precision is not GeoPrecision.COUNTRY]
    return [
        e
        for e in out
        if not (
            e.geo_precision is GeoPrecision.COUNTRY
            and e.event_type in _BATTLE_TYPES
            and any(
                s.event_type is e.event_type
                and s.place.country_code == e.place.country_code
                and (not e.date_text or (s.date_start <= e.date_end and e.date_start <= s.date_end))
                for s in specific
            )
        )
    ]
