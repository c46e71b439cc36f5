"""A strike placed by what it did: "as a result of shelling, houses in X were damaged".

Officials and wire copy often name a strike only as a noun and put its place in what it
did: "As a result of the enemy attack, a house was destroyed in X", "Three houses in X were
destroyed in the night attack", "Drones attacked the region overnight, damaging houses in
X", "After the strike, a fire broke out at a depot in Y". The strike's own phrase names no
place, yet the damage, destruction or fire told in the same sentence does, and an analyst
codes the strike there. Tolls told so are read elsewhere (``events.tolls``); this module
reads the damage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geo.events.places import places_for
from geo.events.triggers import Trigger
from geo.records import DateSpan, EventType, PlaceKind, Toponym
from geo.text.casefold import Gated
from geo.text.sentences import Sentence

__all__ = [
    "clause_place",
    "headed_place",
    "members_places",
    "range_places",
    "result_places",
    "speakers_place",
]

_ADVERB = (
    r"(?:(?:also|partially|partly|badly|heavily|severely|slightly|completely|totally|"
    r"seriously|significantly|almost|nearly|reportedly|again)\s+)*"
)
# What a strike did to what it hit, told as a passive ("houses were damaged"), a participle
# after the strike's clause ("..., damaging a school") or a fire it started. Group ``v`` is
# the verb the damaged thing and its place hang on.
_RESULT = re.compile(
    r"\b(?:"
    r"(?:was|were|been|being|be)\s+" + _ADVERB + r"(?P<v>damaged|destroyed|"
    r"burn(?:ed|t)(?:\s+down)?|razed|gutted|shattered|blown\s+out|"
    r"set\s+(?:on\s+fire|ablaze|alight)|engulfed\s+in\s+flames|"
    # "X was rocked by explosions", "X was left without power after a strike": the place
    # the strike's result befell, its subject
    r"rocked|shaken|left\s+without\s+(?:power|electricity|light|water|gas|heating|heat)|"
    # the outage told by its other verbs: "parts of X were plunged into darkness after the
    # strike", "Y was cut off from power", "Z was de-energised"
    r"plunged\s+into\s+(?:darkness|(?:a\s+)?blackout)|de-?energi[sz]ed|"
    r"cut\s+off\s+from\s+(?:power|electricity|water|gas|heating|heat))"
    r"|(?<=,\s)(?P<p>damaging|destroying|setting\s+(?:on\s+fire|ablaze)|"
    r"sparking\s+(?:an?\s+)?fires?|causing\s+(?:an?\s+)?fires?|starting\s+(?:an?\s+)?fires?)"
    r"|(?P<f>(?:an?\s+)?(?:large\s+|massive\s+|big\s+)?fires?\s+(?:broke\s+out|erupted|started))"
    r"|(?P<c>caught\s+fire)"
    # a strike's toll told as a noun at its place: "there were casualties in X after the
    # shelling" (the count, if any, is read in events.casualties)
    r"|(?P<n>casualties|victims)(?=\s+(?:in|at)\b)"
    r")\b",
    re.IGNORECASE,
)
# A damage told as not done: "no houses were damaged", "nothing was destroyed"
_NOT_DONE = re.compile(r"\b(?:no|not|nothing|none|neither|nor|without)\b", re.IGNORECASE)
# What joins a result told first to the strike that caused it: "were destroyed in the night
# attack", "was damaged during shelling", "burned down after a drone strike"
_CAUSED_BY = re.compile(
    # the result's place may come first: "there were casualties in X after the shelling"
    r"\s*(?:(?:in|at|near)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?)?"
    r"(?:in|during|after|following|by|amid|as\s+a\s+result\s+of|due\s+to)\s+"
    r"(?:an?\s+|the\s+|another\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
# A clause of another happening between the strike and its result: a new subject's own verb
# after "while", "but" or a comma's "and" ("A drone attack on a silo injured three, and a fire
# broke out in X" tells no more where the drone hit).
_OTHER_CLAUSE = re.compile(
    r"[;:]|,\s+and\b|\b(?:while|whereas|but|although|though|unlike|than)\b", re.IGNORECASE
)

# A place inside the damaged thing's phrase: "a shop in X", "a power line in the Y district
# of Z", "the roof of a school at X"
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?"
    r"(?:(?:[\w'’-]+\s+){0,3}?(?:district|community|hromada|village|town|city|settlement)"
    r"\s+of\s+(?:the\s+)?)?(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
# Where the damaged things' subject begins when the strike was told first: past the comma
# that closes the fronted phrase ("As a result of enemy shelling overnight, ...")
_SUBJECT_FROM = re.compile(r"[^,;:]*,\s*")


def _item_places(
    text: str, lo: int, hi: int, tops: Sequence[Toponym], words: Sequence[Trigger]
) -> list[Toponym]:
    """The places of the things a phrase lists as damaged or hit, each after its locative.

    "a house and a shop in A, and also a gas main in the B district of C were damaged":
    A and the district of C, every item of the subject, not only the last one. An oblast or a
    district that only situates a settlement named with it is left out; the phrase starts
    past an event word of another kind in it (a report's "said").
    """
    lo = max([lo, *(w.end for w in words if lo <= w.end <= hi and w.type is not EventType.ATTACK)])
    found = [
        t
        for t in tops
        if lo <= t.start
        and t.end <= hi
        and t.place.kind is not PlaceKind.COUNTRY
        and _LOCATIVE.search(text, max(lo, t.start - 60), t.start)
    ]
    out: list[Toponym] = []
    for t in _without_situating_areas(found):
        if all(o.place.place_id != t.place.place_id for o in out):
            out.append(t)
    return out


def _without_situating_areas(tops: list[Toponym]) -> list[Toponym]:
    """``tops`` without an oblast or a district that only situates a settlement among them.

    "from A in the B region to C": B's oblast is where A lies, not a place of its own.
    """
    finer = {t.place.admin1_code for t in tops if t.place.kind is PlaceKind.POPULATED_PLACE}
    return [
        t
        for t in tops
        if t.place.kind is PlaceKind.POPULATED_PLACE or t.place.admin1_code not in finer
    ]


def _start(t: Toponym) -> int:
    return t.start


def _told_as_done(text: str, sent_start: int, m: re.Match[str]) -> bool:
    """Whether the result is told as done: no negation in its clause before it."""
    lo = max(sent_start, text.rfind(",", sent_start, m.start()) + 1)
    return _NOT_DONE.search(text, lo, m.start()) is None


def result_places(
    text: str,
    sent: Sentence,
    trig: Trigger,
    words: Sequence[Trigger],
    toks: list,
    tops: list[Toponym],
    dates: list[DateSpan],
) -> list[Toponym]:
    """The places of what a placeless strike did, told in its sentence.

    Parameters
    ----------
    text
        The article text.
    sent
        The sentence.
    trig
        A strike whose own phrase found no place.
    words
        The sentence's event words: one of another type between the strike and its result
        tells another happening, whose result it would be.
    toks, tops, dates
        The sentence's tokens, resolved places and dates, as ``events.places.places_for``
        takes them: the result's verb is read as a strike word of its own, so the damaged
        thing's place is found as a shelled thing's would be ("houses in X were damaged",
        "damaging a school in X").

    Returns
    -------
    list of Toponym
        The places of the first result, told after the strike or right before it with a
        cause word ("were destroyed in the attack"), with no other happening between; no
        country. Empty when there is none.
    """
    if trig.type is not EventType.ATTACK:
        return []
    for m in _RESULT.finditer(text, sent.start, sent.end):
        if m.start() >= trig.end:
            lo, hi = trig.end, m.start()
        elif m.end() <= trig.start and _CAUSED_BY.fullmatch(text, m.end(), trig.start):
            lo, hi = m.end(), trig.start
        else:
            continue
        if _OTHER_CLAUSE.search(text, lo, hi) or any(
            lo <= w.start < hi and w.type not in (EventType.ATTACK, EventType.STATEMENT)
            for w in words
        ):
            continue
        if not _told_as_done(text, sent.start, m):
            continue
        group = next(g for g in ("v", "p", "f", "c", "n") if m.group(g))
        # the verb as a passive strike word: its subject or its object is the place hit
        verb = Trigger(EventType.ATTACK, m.start(group), m.end(group), "damaged")
        found = [
            t
            for t in places_for(text, verb, toks, tops, dates)
            if t.place.kind is not PlaceKind.COUNTRY
        ]
        if group in ("v", "f", "c"):
            # a passive's or a fire's subject: each damaged thing's own place
            if m.start() >= trig.end:
                head = _SUBJECT_FROM.match(text, trig.end, m.start())
                lo = head.end() if head else trig.end
            else:
                lo = sent.start
            subject = _item_places(text, lo, m.start(), tops, words)
            at = {t.start for t in found}
            found = sorted([*found, *(t for t in subject if t.start not in at)], key=_start)
        if found:
            return found
    return []


# A bulletin's line headed by its place: "Nikopol: a drone hit a private house", "- The X
# community: ...". The place and a colon open the line; the name may carry its unit.
_HEADED = re.compile(
    r"[\s\-–—•*·▪]*(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*){0,2})"
    r"(?:\s+(?:district|community|hromada|region|oblast|raion|municipality))?\s*:\s+"
    r"(?=[a-zA-Z])"
)


def headed_place(text: str, sent: Sentence, tops: list[Toponym]) -> list[Toponym]:
    """The place that heads a bulletin's line, for its events that name no place of their own.

    Regional administrations post the night's strikes place by place: "Nikopol: a drone hit
    a private house, a man was hurt." The place and a colon frame the line as a fronted "In
    Nikopol, ..." does. Not a country (a report's subject line "Ukraine: ..."), not a wire
    dateline ("MOSCOW: ...", or any place opening the article), and only a place the
    gazetteer read at the head of the line.
    """
    # every head holds its colon: a sentence without one is spared the pattern
    m = _HEADED.match(sent.text) if ":" in sent.text else None
    if m is None or m.group("name").isupper() or not text[: sent.start].strip():
        return []  # a wire dateline ("MOSCOW: ...", an article's first words) is no frame
    start, end = sent.start + m.start("name"), sent.start + m.end()
    return [
        t
        for t in tops
        if t.start == start and t.end <= end and t.place.kind is not PlaceKind.COUNTRY
    ][:1]


# A strike told over the whole country, its reach given by its ends: "drones targeted
# regions across the country, from A in the east to B in the south, as well as C". A plural
# of places (or the country) comes first, then the range.
_SWEEP = re.compile(
    r"\b(?:regions|oblasts|provinces|cities|towns|settlements|areas|parts\s+of\s+the\s+country|"
    r"(?:every|each)\s+(?:region|oblast|province|city|town)|"
    r"(?:across|all\s+over|throughout)\s+(?:the\s+country|ukraine))\b[^;:()]{0,60}?"
    r",?\s+(?:stretching\s+|ranging\s+)?from\s+",
    re.IGNORECASE,
)
_SWEEP = Gated(_SWEEP)  # asked after every strike without a place: "from" first
# Where the range and what it adds ("..., as well as the capital, C") end
_RANGE_END = re.compile(
    r"[;:!?(]|\.(?:\s|$)|,\s+(?:[a-z]+ing\b|according\b|(?:the|a|an|his|her|their|its)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:said|says|reported|added|noted|wrote|stated)\b)"
    r"|\b(?:while|whereas|but|when|which|who|where|after|because|since)\b",
    re.IGNORECASE,
)


def range_places(text: str, sent: Sentence, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The places that bound a placeless strike told across the country.

    "Missiles and drones targeted almost all regions, from the eastern regions of A and B to
    the southern port city of C, as well as the capital, D": each place the range names, its
    ends and what it adds, is a place the strike reached (an oblast that only situates a
    town of the range is left out). Only after the strike, in its clause, and only when a
    plural of places or the whole country comes before "from".
    """
    if trig.type is not EventType.ATTACK:
        return []
    m = _SWEEP.search(text, trig.end, sent.end)
    if m is None or _RANGE_END.search(text, trig.end, m.start()):
        return []
    end = _RANGE_END.search(text, m.end(), sent.end)
    hi = end.start() if end else sent.end
    inside = [
        t
        for t in tops
        if m.end() <= t.start and t.end <= hi and t.place.kind is not PlaceKind.COUNTRY
    ]
    return _without_situating_areas(inside)


# A subject that is a plural of the country's places with an aside naming some of them:
# "other parts of Ukraine - notably A and B regions -", "cities across the country,
# including A, B and C,". Group ``open`` is the mark the aside opens with; it closes with
# the same mark (a comma's aside ends at the last comma before the verb).
_MEMBERS = re.compile(
    r"\b(?:(?:other|several|many|some|various|multiple|numerous|\d+|a\s+number\s+of)\s+)?"
    r"(?:(?:major|big|large|frontline|front-line|border)\s+)?"
    r"(?:parts|areas|regions|oblasts|provinces|cities|towns|places|settlements|communities)"
    r"\s+(?:of|across|throughout|all\s+over|around)\s+(?:the\s+country|Ukraine)\s*"
    r"(?P<open>[,—–-])\s*(?:notably|including|especially|particularly|in\s+particular|"
    r"such\s+as|among\s+them)\s+(?:in\s+)?",
    re.IGNORECASE,
)
# Between the aside's close and the strike word: the subject's verb and a few words of what
# it underwent ("also suffered from deadly", "came under", "were hit by"), no new clause
_MEMBERS_VERB = re.compile(
    r"\s*(?:(?:also|again|too|reportedly|all)\s+)*"
    r"(?:(?:has|have|had)\s+(?:also\s+)?)?"
    r"(?:suffered|endured|experienced|sustained|came\s+under|come\s+under|"
    r"(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:hit|struck|targeted|shelled|"
    r"attacked|bombed)(?:\s+by)?)"
    r"(?:\s+(?:from|by))?\s+(?:[\w'’-]+\s+){0,3}$"
    # the strike word is the verb itself: "came under attack", "were shelled"
    r"|\s*(?:(?:also|again|too|reportedly|all)\s+)*"
    r"(?:(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:(?:also|again)\s+)?)?$",
    re.IGNORECASE,
)


_COMMA = re.compile(r",")
_DASH = re.compile(r"[—–]|(?<=\s)-(?=\s)")


def members_places(text: str, sent: Sentence, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The places an aside names in a strike's subject that stands for many of them.

    "Other parts of the country - notably A and B regions and the C area - also suffered
    deadly strikes", "Cities across Ukraine, including A, B and C, came under attack": the
    subject names no one place, but its aside names those the strikes reached, each a place
    of the strike (an oblast that only situates a town named with it is left out). Only when
    the subject's verb and what it underwent lead straight to the strike word.
    """
    if trig.type is not EventType.ATTACK:
        return []
    for m in _MEMBERS.finditer(text, sent.start, trig.start):
        marks = list(
            (_COMMA if m.group("open") == "," else _DASH).finditer(text, m.end(), trig.start)
        )
        if not marks or not _MEMBERS_VERB.fullmatch(text, marks[-1].end(), trig.start):
            continue
        close = marks[-1].start()
        inside = [
            t
            for t in tops
            if m.end() <= t.start and t.end <= close and t.place.kind is not PlaceKind.COUNTRY
        ]
        return _without_situating_areas(inside)
    return []


# Where a later clause of a round-up begins: "...; in B, ...", "..., and in B, ...",
# "..., while in B ..."
_CLAUSE_MARK = re.compile(r";|,\s*(?:and|while|but|whereas)\b|\s(?:while|whereas)\b")
# The place that opens that clause
_CLAUSE_OPENER = re.compile(
    r"\s*(?:also\s+)?(?:in|at|near)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+)?(?:town|city|village|settlement)\s+of\s+)?"
)
# What may stand between that place and the event word: its unit, a comma, the clause's
# subject and verb (no further clause mark)
_OPENED_REST = re.compile(
    r"(?:\s+(?:district|community|hromada|region|oblast|raion))?\s*,?\s+[^,;:]*", re.IGNORECASE
)


def clause_place(text: str, sent: Sentence, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The place that opens a later clause of a round-up, for an event word in that clause.

    "In A, the occupiers damaged a power line, and in B, they destroyed a house", "A drone
    hit a car in A; in B, shelling damaged a school", "..., while in B the enemy shelled a
    farm": each clause of a regional round-up opens with its own place, which frames it
    as a fronted place frames a sentence. Only the clause's first words, and only when no
    other place stands between the place and the event word.
    """
    if trig.type is EventType.STATEMENT:
        return []
    marks = list(_CLAUSE_MARK.finditer(text, sent.start, trig.start))
    if not marks:
        return []
    opener = _CLAUSE_OPENER.match(text, marks[-1].end(), trig.start)
    if opener is None:
        return []
    at = [t for t in tops if t.start == opener.end() and t.place.kind is not PlaceKind.COUNTRY]
    if not at or any(at[0].end <= u.start < trig.start for u in tops):
        return []
    if not _OPENED_REST.fullmatch(text, at[0].end, trig.start):
        return []
    return at


# A quote that tells of the speaker's own place without naming it: "our town was hit",
# "the city came under fire", "here"
_OWN_PLACE = re.compile(
    r"\b(?:(?:our|the|my)\s+(?:town|city|village|settlement|community|hromada|district|"
    r"region|oblast)|here)\b",
    re.IGNORECASE,
)
# The speaker after the quote, by the place they head: "..., the mayor of X said", "...,
# said Y, the head of the X district", "..., X's governor wrote"
_OFFICE_OF = re.compile(
    r"\b(?:mayor|head|governor|chief|administrator|secretary)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_OFFICE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:region|regional|city|district|military)\s+)*"
    r"(?:mayor|governor|head|administration)\b",
    re.IGNORECASE,
)
_QUOTE_CLOSE = re.compile(r"[\"”]")


def speakers_place(text: str, sent: Sentence, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The place of the official who speaks a quote that tells of their own place.

    '"Our town was hit again last night," the mayor of X said': the strike is in the
    speaker's town, named only in the words that say who spoke. Only for an event word
    inside a quote that refers to a place of its own ("our town", "the city", "here") and
    names none, and only the place the speaker heads ("mayor of X", "X's governor").
    """
    if trig.type is EventType.STATEMENT:
        return []
    close = _QUOTE_CLOSE.search(text, trig.end, sent.end)
    opening = max(text.rfind('"', sent.start, trig.start), text.rfind("“", sent.start, trig.start))
    if close is None or opening < 0 or text.count('"', opening + 1, trig.start):
        return []
    if not _OWN_PLACE.search(text, opening, close.start()):
        return []
    if any(opening <= t.start < close.start() for t in tops):
        return []
    for t in tops:
        if t.start < close.end() or t.place.kind is PlaceKind.COUNTRY:
            continue
        if _OFFICE_OF.search(text, max(close.end(), t.start - 40), t.start) or _OFFICE_AFTER.match(
            text, t.end
        ):
            return [t]
    return []
