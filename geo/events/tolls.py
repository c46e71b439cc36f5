"""Toll attachment: which strike the killed and injured of a sentence belong to, across sentences.

Stage of ``geo.events.extract``'s loop: tolls by place, per strike, carried to the strike told
before, and the strikes that a toll alone tells (another strike there, a town's toll).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from geo.events.build import _event_id, _geo_precision
from geo.events.casualties import (
    Casualties,
    counts_strikes,
    higher_count,
    parse_casualties,
    respective_counts,
    whole_told,
)
from geo.events.dating import _REPORT_REACH, _date_for, _redated
from geo.events.figures import NUM_WORDS, to_int
from geo.events.places import describes_place, fronted_place
from geo.events.triggers import Trigger
from geo.records import (
    DateSpan,
    Event,
    EventStatus,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
    Toponym,
)
from geo.text.casefold import Gated
from geo.text.sentences import Sentence

_NO_CASUALTIES = Casualties()
_UNCOUNTED_TOLL = re.compile(
    r"\b(?:civilians|people|children|residents|women|men|passers-?by)\s+(?:were|have been|had been)"
    r"\s+(?:\w+ly\s+)?(?:killed|injured|wounded|hurt)(?:\s+and\s+(?:killed|injured|wounded))?"
    r"(?=\s+(?:in|near|at|on)\b)",
    re.IGNORECASE,
)
_CASUALTY_TYPES = (EventType.ATTACK, EventType.OFFENSIVE)  # events that carry killed, injured


# A count's words right before its place: "were killed in", "wounded two women in".
_TOLL_AT_PLACE = re.compile(
    # "reported the death of a 70-year-old man in the X region": the dead told as a death
    r"\b(?:killed|injured|wounded|hurt|died|dead|hospitali[sz]ed|deaths?\s+of|"
    r"lost\s+(?:their|his|her)\s+li(?:ves|fe))"
    # "was injured and hospitalised in X": a second verb of the same toll
    r"(?:\s+and\s+(?:hospitali[sz]ed|died|killed|injured|wounded|hurt))?"
    r"(?:\s+(?!(?:in|near|on|at|and)\b)[\w-]+){0,3}?(?=\s+(?:in|near|on|at)\b)"
    # "was killed on the spot and another was hurt in A": how, not where
    r"(?!\s+(?:on|at)\s+the\s+(?:spot|scene)\b)",
    re.IGNORECASE,
)
# its words looked for first (geo.text.casefold.Gated)
_TOLL_AT_PLACE = Gated(_TOLL_AT_PLACE)
# The victims' oblast, or their wound, between their count and their town: "killed two
# residents of the X region - in A", "took a woman to hospital, with burns, in the A district".
_OF_AREA = re.compile(
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*\s+(?:region|oblast|province|district|community|"
    r"hromada)\s*[-–—,:]?"
    # "killed six residents of the X region: 4 - in A, 2 - in B": the list's first count
    r"(?:(?<=:)\s+\d+(?:\s+[-–—])?)?"
    r"|\s+with\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:injury|injuries|wounds?|burns|trauma))"
    r"(?=\s+(?:in|near|at)\b)",
    re.IGNORECASE,
)
# A count without its noun or verb before a listed place: "killed three in A and two in B".
_BARE_COUNT = re.compile(
    # "killed seven in the oblast: 2 in A, 1 in B and another one in C": the colon opens a
    # list of the count's places as a comma goes on with it
    # "... and injured one in B, and another in C": "another" alone is one more
    # "killed four in the region, including two in A and two in B": the part told with its whole
    # "killed seven in A and at least one person in B": a hedge and the counted noun
    r"(?:\band|,|:|\bincluding|\s[-–—])\s+(?:(?P<another>another|a further)\s+)?"
    r"(?:(?:at least|more than|over|about|around|nearly|almost|some)\s+)?(?:(?P<num>\d+|"
    + "|".join(sorted(NUM_WORDS, key=len, reverse=True))
    + r")\s+)?(?:more\s+)?(?:(?:others?|people|persons?|civilians?|residents?|m[ae]n|wom[ae]n|"
    r"child(?:ren)?)\s+)?"
    # "killed five in the region: 3 - in A, 2 - in B": a dash between a count and its place
    r"(?:(?<=\d\s)[-–—]\s+)?(?:in|near|at)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)


def _bare_count(m: re.Match[str] | None) -> int | None:
    """The count of a bare-count match ("two in B" 2, "another in C" 1), None for neither."""
    if m is None or not (m.group("num") or m.group("another")):
        return None
    return to_int(m.group("num"), None) if m.group("num") else 1


def _one_kind(cas: Casualties) -> str | None:
    """The one of "killed" and "injured" a count tells, or None when it tells both or none."""
    if (cas.killed is None) == (cas.injured is None):
        return None
    return "killed" if cas.killed is not None else "injured"


# A toll told at its place after an oblast's: "..., adding that seven were wounded in the A
# district", "three were injured in B": the words between a count and its place.
_TOLL_BEFORE_PLACE = re.compile(
    r"\b(?:killed|injured|wounded|hurt|died|dead|killing|injuring|wounding)\b[^.;:]{0,40}?"
    r"\b(?:in|near|at)\s+(?:the\s+)?(?:(?:city|town|village|settlement|community)\s+of\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_CUT = re.compile(r"[,:;–—]\s")


def _toll_by_place(
    events: list[Event], first: int, text: str, sent: Sentence, tops: list[Toponym]
) -> None:
    """An oblast's toll told place by place: each place's strike with its own toll.

    "Drones attacked the X region, injuring ten, the governor said, adding that seven were
    wounded in the A district and three more were injured in the B district": the strikes are
    A's and B's, each with its count (as an analyst codes a day's summary), not the oblast's
    ten. Only for a strike at an oblast made in this sentence, and at least two places of it
    (districts or towns, none with a strike of this sentence) each with a count of its own.
    """
    k = next(
        (
            i
            for i in range(first, len(events))
            if events[i].event_type is EventType.ATTACK
            and events[i].place.kind is PlaceKind.ADMIN1
            and events[i].sentence_start == sent.start
        ),
        None,
    )
    if k is None:
        return
    oblast = events[k]
    here = {e.place.place_id for e in events[first:]}
    at = next((t.end for t in tops if t.place.place_id == oblast.place.place_id), sent.start)
    parts: list[tuple[Toponym, Casualties]] = []
    kind = None
    for top in tops:
        if (
            top.start < at
            or top.place.kind not in (PlaceKind.ADMIN2, PlaceKind.POPULATED_PLACE)
            or top.place.admin1_code != oblast.place.admin1_code
            or top.place.place_id in here
        ):
            continue
        segment = text[at : top.start]
        # the count of this place's own clause: "injured five on Monday: three were wounded in A"
        cuts = [m.end() for m in _CLAUSE_CUT.finditer(segment)]
        clause = segment[cuts[-1] :] if cuts else segment
        cas = parse_casualties(clause) if _TOLL_BEFORE_PLACE.search(clause) else _NO_CASUALTIES
        m = _BARE_COUNT.search(clause) if not cas and kind is not None else None
        if (value := _bare_count(m)) is not None:  # "... killed three in A and two in B"
            cas = Casualties(
                killed=value if kind == "killed" else None,
                injured=value if kind == "injured" else None,
                text=m.group(0).strip(),
            )
        at = top.end
        if not (cas.killed or cas.injured):
            continue
        both = cas.killed is not None and cas.injured is not None
        kind = None if both else "injured" if cas.killed is None else "killed"
        parts.append((top, cas))
    if len(parts) < 2:
        return
    made = [
        replace(
            oblast,
            event_id=_event_id(oblast.article_id, EventType.ATTACK, top.place.place_id, top.start),
            place=top.place,
            surface=top.surface,
            geo_precision=_geo_precision(top.place),
            killed=cas.killed,
            injured=cas.injured,
            figures_text=cas.text,
        )
        for top, cas in parts
    ]
    # the oblast's readings (one per event word: "a drone attack") give way to its parts; their
    # indices keep the first place, for a toll told next, and merge as one
    for i in range(k, len(events)):
        if events[i].sentence_start == sent.start and events[i].place == oblast.place:
            events[i] = made[0]
    events.extend(made[1:])


# A strike told as what caused deaths counted before: "the deaths occurred when troops shelled
# X", "the victims died when a missile hit Y".
_DEATHS_ANAPHOR = re.compile(
    r"\bthe\s+(?:deaths|killings|fatalities|victims|casualties)\s+(?:(?:had|have)\s+)?"
    r"(?:occurred|happened|came|were\s+caused|died)\b",
    re.IGNORECASE,
)
_DEATHS_ANAPHOR = Gated(_DEATHS_ANAPHOR)  # asked of every sentence with an event: words first


def _deaths_told_before(
    events: list[Event], first: int, sent: Sentence, prior: Sentence, prior_tops: list[Toponym]
) -> bool:
    """The toll of the sentence before for a strike told as what caused those deaths.

    "An official tells of three civilians dead after Russian fire. He said the deaths came
    when troops shelled the town of X": X's strike has the three dead. Only when the
    sentence before names no place of its own (it counted the strike's dead, not another
    place's) and for the first strike of this sentence, where it states no dead itself.
    """
    if not _DEATHS_ANAPHOR.search(sent.text) or any(
        t.place.kind is not PlaceKind.COUNTRY for t in prior_tops
    ):
        return False
    cas = parse_casualties(prior.text)
    if not cas.killed:
        return False
    k = next(
        (
            i
            for i in range(first, len(events))
            if events[i].event_type is EventType.ATTACK and events[i].sentence_start == sent.start
        ),
        None,
    )
    if k is None or events[k].killed is not None:
        return False
    ev = events[k]
    events[k] = replace(
        ev,
        killed=cas.killed,
        injured=ev.injured if ev.injured is not None else cas.injured,
        figures_text="; ".join(t for t in (cas.text, ev.figures_text) if t),
    )
    return True


@dataclass(frozen=True, slots=True)
class LeadToll:
    """A toll told in a sentence that names no place, for the strike the next one places.

    ``start`` is where its sentence starts; ``undo`` the strike told before that took the
    count (its index and itself before), if one did; ``indefinite`` whether the sentence's
    own strike word is a new strike ("killed in a missile strike", "in cross-border
    shelling"), not one told before ("in the attack").
    """

    start: int
    cas: Casualties
    undo: tuple[int, Event] | None
    indefinite: bool


# A wire dateline opening a sentence: "MOSCOW — ", "KYIV, Ukraine - "
_DATELINE_AFTER = re.compile(r"\s*[-–—,(]")


def lead_toll(
    events: list[Event],
    sent: Sentence,
    text: str,
    tops: list[Toponym],
    cas: Casualties,
    carried: tuple[int | None, Event | None],
    indefinite: bool,
) -> LeadToll | None:
    """The toll of a sentence that places nothing, kept for a strike the next sentence tells.

    ``carried`` is the strike the count went to and that strike before it. Only counts of
    someone killed or hurt; a dateline's town ("MOSCOW — A civilian was killed ...") is
    where the copy was filed, no place of the toll.
    """
    if not (cas.killed or cas.injured):
        return None
    for t in tops:
        dateline = (
            t.start - sent.start < 3
            and text[t.start : t.end].isupper()
            and _DATELINE_AFTER.match(text, t.end) is not None
        )
        if t.place.kind is not PlaceKind.COUNTRY and not dateline:
            return None
    k, before = carried
    undo = (k, before) if k is not None and before is not None and events[k] is not before else None
    return LeadToll(sent.start, cas, undo, indefinite)


# A strike told as one already named: "the attack", "the Ukrainian strike", "the missile".
# "the second nighttime drone attack": up to three words between
_DEFINITE_STRIKE = re.compile(r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def _toll_told_before(
    events: list[Event],
    first: int,
    sent: Sentence,
    text: str,
    triggers: list[Trigger],
    lead: LeadToll | None,
) -> bool:
    """The toll of the sentence before for the strike this one places as one told already.

    "A civilian was killed in cross-border shelling, the governor said. The attack hit a
    van in the village of X": the toll's sentence told a new strike with no place, and this
    one names it ("the attack") and where it struck; its first strike, which tells no toll
    of its own, has that toll.
    """
    if lead is None or not lead.indefinite:
        return False
    if not any(
        t.type is EventType.ATTACK
        and _DEFINITE_STRIKE.search(text, max(sent.start, t.start - 45), t.start)
        for t in triggers
    ):
        return False
    k = next(
        (
            i
            for i in range(first, len(events))
            if events[i].event_type is EventType.ATTACK and events[i].sentence_start == sent.start
        ),
        None,
    )
    if k is None:
        return False
    ev = events[k]
    if (lead.cas.killed is not None and ev.killed is not None) or (
        lead.cas.injured is not None and ev.injured is not None
    ):
        return False
    # "Drones struck the capital, killing three. At least 29 were wounded in the attack on
    # X": the lead's dead and this sentence's hurt are two kinds of one toll, each kept
    events[k] = replace(
        ev,
        killed=ev.killed if lead.cas.killed is None else lead.cas.killed,
        injured=ev.injured if lead.cas.injured is None else lead.cas.injured,
        figures_text="; ".join(t for t in (lead.cas.text, ev.figures_text) if t),
    )
    return True


def _take_back(events: list[Event], lead: LeadToll) -> None:
    """Undo what a lead toll gave the strike told before it, now that a later one took it."""
    if lead.undo is None:
        return
    k, before = lead.undo
    events[k] = replace(
        events[k],
        killed=before.killed,
        injured=before.injured,
        figures_text=before.figures_text,
    )


# Where a sentence's clauses part: "In A, one was killed; in B, two were hurt", "Two were
# killed in A, and another was injured in B", "In A two were injured, and in B one died".
# (written to open with the class of its first character, so that the engine skips to those:
# the same matches as "\s*;\s*|,\s+(?:and|while|whereas|but)\s+", tried at every position)
_CLAUSE_PART = re.compile(
    r"[\s;,](?:(?<=;)\s*|(?<=\s)\s*;\s*|(?<=,)\s+(?:and|while|whereas|but)\s+)"
)


def _tolls_by_clause(
    text: str, sent: Sentence, ordered: list[Toponym]
) -> dict[int, Casualties] | None:
    """Each place's toll told in a clause of its own, the place before or after its count.

    Only when every place lies in a clause of its own, each clause naming one place, and at
    least two of those clauses state a count.
    """
    cuts = [sent.start + m.start() for m in _CLAUSE_PART.finditer(sent.text)]
    ends = [sent.start + m.end() for m in _CLAUSE_PART.finditer(sent.text)]
    if not cuts:
        return None
    spans = list(zip([sent.start, *ends], [*cuts, sent.end], strict=True))
    out: dict[int, Casualties] = {}
    for lo, hi in spans:
        inside = [t for t in ordered if lo <= t.start < hi]
        if len({t.place.place_id for t in inside}) > 1:
            return None
        if inside:
            out[inside[0].start] = parse_casualties(text[lo:hi])
    if len(out) != len({t.start for t in ordered}) or sum(1 for c in out.values() if c) < 2:
        return None
    return out


def _listed_casualties(
    text: str, sent: Sentence, places: list[Toponym]
) -> dict[int, Casualties] | None:
    """Each listed place's own toll: "killed three people in A and two in B" -> A 3, B 2.

    Keyed by the place's start, like ``listed_head_counts``: the counts told between the place
    before and this one are this place's; a bare number ("and two in B") counts what the count
    before it counted. None where no place after the first has a count of its own.
    """
    # "Ukraine's rescue service said a man in A died": a country told as the
    # owner of who reports is no place of the list
    places = [
        t
        for t in places
        if t.place.kind is not PlaceKind.COUNTRY or not _POSSESSIVE.match(text, t.end)
    ]
    if len(places) < 2:
        return None
    ordered = sorted(places, key=lambda t: t.start)
    if (by_clause := _tolls_by_clause(text, sent, ordered)) is not None:
        return by_clause
    if (after := _counts_after_places(text, sent, ordered)) is not None:
        return after
    series = respective_counts(sent.text)
    if series is not None and len(series[0]) == len(ordered):
        # "killed three and five people in A and B respectively": the counts in list order
        return {
            t.start: Casualties(k, i, series[1])
            for t, (k, i) in zip(ordered, series[0], strict=True)
        }
    bounds = [sent.start] + [t.end for t in ordered[:-1]]
    out: dict[int, Casualties] = {}
    kind = None
    for lo, top in zip(bounds, ordered, strict=True):
        segment = text[lo : top.start] if lo <= top.start else ""
        cas = parse_casualties(segment)
        m = _BARE_COUNT.search(segment) if not cas and kind is not None else None
        if (
            cas
            and (cas.killed is None) != (cas.injured is None)
            and (part := _BARE_COUNT.search(segment)) is not None
            and part.group("num")
            and (part.group(0).lstrip()[0] in ":-–—" or part.group(0).startswith("including"))
            and 0 <= cas.end <= part.start()
        ):
            # "killed three in the X region: two in A and one in B", "killed 11 across the
            # country, including five in A": A's part of the whole
            kind, m = "injured" if cas.killed is None else "killed", part
        if (value := _bare_count(m)) is not None:
            cas = Casualties(
                killed=value if kind == "killed" else None,
                injured=value if kind == "injured" else None,
                text=m.group(0).strip(),
            )
        if cas:
            # "and two in B" repeats the one kind told before it; after both kinds, neither
            both = cas.killed is not None and cas.injured is not None
            kind = None if both else "injured" if cas.killed is None else "killed"
        out[top.start] = cas
    if not any(list(out.values())[1:]):
        return None
    _share_joined_counts(text, bounds, ordered, out)
    # "shelling in A and B killed seven in A and one in B": the places named again with their
    # counts; the first naming, which the strike's event keeps, takes the count of the later
    first: dict[str, int] = {}
    for top in ordered:
        at = first.setdefault(top.place.place_id, top.start)
        if at != top.start and not out[at] and out[top.start]:
            out[at] = out[top.start]
    return out


# A part's count told after its town with a dash: "in A - 2, in B - 1" (not "A - 2 km")
_COUNT_AFTER = re.compile(r"\s+[-–—]\s+(?P<num>\d+)\b(?=\s*(?:[,;.]|and\b|$))")


def _counts_after_places(
    text: str, sent: Sentence, ordered: list[Toponym]
) -> dict[int, Casualties] | None:
    """The parts of a whole told town first: "killed 3 in the X region: in A - 2, in B - 1".

    The first place holds the whole, of one kind (or the whole is told with no place of the
    list); every other place is followed by a dash and its count, and the counts add up to
    no more than the whole. None otherwise.
    """
    # the whole's place may be left out of the list ("shelling killed three in the X
    # region: ...", where the region only situates its towns)
    parts = ordered[1:] if _COUNT_AFTER.match(text, ordered[0].end, sent.end) is None else ordered
    if len(parts) < 2:
        return None
    counts = [_COUNT_AFTER.match(text, t.end, sent.end) for t in parts]
    if not all(counts):
        return None
    whole = parse_casualties(text[sent.start : parts[0].start])
    if (kind := _one_kind(whole)) is None:
        return None
    values = [int(m.group("num")) for m in counts if m is not None]
    if sum(values) > getattr(whole, kind):
        return None
    out = {ordered[0].start: whole} if parts is not ordered else {}
    for top, m, n in zip(parts, counts, values, strict=True):
        out[top.start] = Casualties(**{kind: n}, text=m.group(0).strip())
    return out


# A place joined to the one before it with no count of its own: "two in A and B", "one in C, D".
_JOINED = re.compile(r"\s*(?:,|,?\s+and)\s+(?:(?:in|the)\s+)?$", re.IGNORECASE)


def _share_joined_counts(
    text: str, bounds: list[int], ordered: list[Toponym], out: dict[int, Casualties]
) -> None:
    """Give each place joined to a counted one that count, when that makes the list's whole.

    "injured 21 in the region: 15 in A, two in B and C, one in D and E": B and C have two
    each, D and E one each, as 15 + 2 + 2 + 1 + 1 make the 21 told first; read as two for B
    alone the parts would fall short of their whole. Only with a whole told at the first
    place, of one kind, and only where the shared reading adds up to it exactly (else "two
    in B and C" may be two in all, and the places keep what they had).
    """
    whole = out.get(ordered[0].start)
    if not whole or (kind := _one_kind(whole)) is None:
        return
    shared: dict[int, Casualties] = {}
    last: Casualties | None = None
    for lo, top in zip(bounds[1:], ordered[1:], strict=True):
        cas = out.get(top.start)
        if cas:
            last = cas if getattr(cas, kind) is not None else None
        elif last is not None and _JOINED.fullmatch(text[lo : top.start]) is not None:
            shared[top.start] = Casualties(**{kind: getattr(last, kind)}, text=last.text)
        else:
            last = None
    counts = [getattr(c, kind) for t in ordered[1:] if (c := out.get(t.start))]
    told = sum(n for n in counts if n is not None)
    extra = sum(getattr(c, kind) for c in shared.values())
    if shared and told < getattr(whole, kind) == told + extra:
        out.update(shared)


_POSSESSIVE = re.compile(r"['’]s?\s")


# "... injured one person in the regional capital, Sumy": the place of a toll, after a
# locative, past a long description of what was hit
_TOLL_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside)\s+(?:[^.;:()]{0,50}?\b(?:city|town|village|capital)(?: of|,))?"
    r"(?:\s*(?:the\s+)?(?:[\w'’-]+\s+){0,2})$",
    re.IGNORECASE,
)


_NEW_CLAUSE = re.compile(
    r"[;:]|,\s+(?:and|but|while|as|when|after|which|who|where)\b"
    r"|\b(?:said|says|adding|added|according|reported|wrote)\b"
)


_GOVERNOR_OF = re.compile(r"\bgovernor\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_GOVERNOR_AFTER = re.compile(r"\s+(?:region['’]s\s+|regional\s+)?governor\b", re.IGNORECASE)
_VICTIMS_OF = re.compile(r"\bvictims\s+of\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


# Between a toll's verb and its place: "killed in A", "hurt near the village of B", "died in
# the urban-type settlement of C"
_COUNTED_LINK = re.compile(
    r"\s+(?:in|near|at)\s+(?:the\s+)?"
    r"(?:(?:urban-type\s+)?(?:village|town|city|settlement|hamlet)\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)


def _counted_places(text: str, sent: Sentence, tops: list[Toponym]) -> list[Toponym]:
    """The places a sentence's counts are told at: "killed in A", "were injured in B"."""
    out = []
    for m in _TOLL_AT_PLACE.finditer(text, sent.start, sent.end):
        # "killed in the village of A": the kind of place is no word of the link
        link = _COUNTED_LINK.match(text, m.end(), min(sent.end, m.end() + 48))
        at = link.end() if link else m.end()
        out += [
            t
            for t in tops
            if t.start == at and t.place.kind is not PlaceKind.COUNTRY and t not in out
        ]
    return out


def _governed_place(
    text: str, trig: Trigger, tops: list[Toponym], words: list[Trigger], sent: Sentence
) -> list[Toponym]:
    """The region of the governor who tells of a strike that names no place of its own.

    "The governor of the Oryol region said four were hurt in drone raids", "Tula region
    governor X reported a drone hitting a farm near the border": a regional head tells of
    strikes on the region. Only one region, and no event word of another kind
    (a report's "said" aside) between it and the strike.
    """
    governed = [
        t
        for t in tops
        if sent.start <= t.start < trig.start
        and t.place.kind is PlaceKind.ADMIN1
        and (
            _GOVERNOR_OF.search(text, max(sent.start, t.start - 40), t.start)
            or _GOVERNOR_AFTER.match(text, t.end)
        )
    ]
    if len({t.place.place_id for t in governed}) != 1 or any(
        governed[0].end <= w.start < trig.start
        for w in words
        if w.type not in (trig.type, EventType.STATEMENT)
    ):
        return []
    return governed[:1]


def _toll_place(
    text: str,
    trig: Trigger,
    tops: list[Toponym],
    words: list[Trigger],
    cas: Casualties,
    sent: Sentence,
) -> list[Toponym]:
    """The one place of a strike's toll when the strike's own phrase names none.

    "a glide bomb on a tower block killed two and hurt nine in the city of X",
    "an attack on Sept. 1 on a rehabilitation centre and orphanage in X injured 18": what was
    hit is told at length, past the reach of the phrase; the one place named after the
    strike, with a locative and no other event word between, is where it struck.
    """
    if not (cas.killed or cas.injured):
        return []
    if sent.start + cas.start < trig.end and not _VICTIMS_OF.search(
        text, sent.start + cas.start, trig.start
    ):
        # a count told before the strike ("Ten were hurt in an attack on the region, ...
        # seven in the X district") is the strike's whole toll, its places are parts of it
        return []
    cands = [
        t
        for t in tops
        if t.start >= trig.end
        and t.place.kind is not PlaceKind.COUNTRY
        and not any(trig.end <= w.start < t.start for w in words if w is not trig)
        and not _NEW_CLAUSE.search(text, trig.end, t.start)
        and _TOLL_LOCATIVE.search(text, max(sent.start, t.start - 80), t.start)
    ]
    fine = [t for t in cands if t.place.kind is not PlaceKind.ADMIN1] or cands
    if len({t.place.place_id for t in fine}) != 1:
        return []
    return fine[:1]


# A bulletin's next sentence telling where the assaults it counted were: "It is near A, B",
# "They took place in the areas of A and B".
_WHERE_THEY_WERE = re.compile(
    r"\s*[“\"‘']?\s*(?:it|they|these|this|all of them)\s+(?:is|was|are|were|took place|happened)"
    r"(?=\s+(?:near|around|outside|in the areas? of|in the vicinity of)\b)",
    re.IGNORECASE,
)


# A bulletin's next sentence naming some of the settlements it counted: "The enemy shelled
# about 20 settlements. Among them are A, B and C", "... 14 villages. In particular, A and B".
_AMONG_THEM = re.compile(
    r"\s*[“\"‘']?\s*(?:among\s+(?:them|these|those)(?:\s+(?:are|were))?|"
    r"(?:these|they|those)\s+(?:include|included)|"
    r"(?:in\s+particular|including|namely|specifically)\b,?)",
    re.IGNORECASE,
)
# The next sentence, its words quoted or not, naming the settlements of an event the one before
# told without naming them ("... had taken control of five more in the X region. 'This
# involves [...] the villages of A, B and C'", "These are the villages of A and B"): the words
# back to it, then the kind of place.
_THESE_ARE_THE_VILLAGES = re.compile(
    r"\s*[“\"‘']?\s*(?:this|it|these|they)\s+(?:involves?|concerns?|includes?|covers?|"
    # (a quote's words left out, "[...]", "<...>", "…", count as one)
    r"refers?\s+to|is|are),?\s+(?:(?:[\w'’-]+,?|[<\[(]?(?:\.{3}|…)[>\])]?)\s+){0,3}?"
    r"(?:the\s+)?"
    r"(?:villages|settlements|towns|localities|hamlets)\b",
    re.IGNORECASE,
)
# How a sentence counts the settlements an event concerns: "about 20 settlements", "12 villages"
_SETTLEMENTS_COUNTED = re.compile(
    rf"\b(?:\d+|{'|'.join(NUM_WORDS)})\s+(?:(?:more|other|further|frontline|front-line)\s+)?"
    r"(?:settlements|villages|towns|localities|communities)\b",
    re.IGNORECASE,
)
# Asked of every sentence with an event word; most name no settlements, villages or towns,
# words that are looked for first (a count may begin anywhere a number word does).
_SETTLEMENTS_COUNTED = Gated(_SETTLEMENTS_COUNTED)


def counts_settlements(sent: Sentence) -> bool:
    """Whether a sentence counts the settlements its event concerned ("fired on 20 villages")."""
    return _SETTLEMENTS_COUNTED.search(sent.text) is not None


def _where_they_were(
    text: str, sent: Sentence, told: tuple[Sentence, Trigger], events: list[Event]
) -> Trigger | None:
    """The places of events the sentence before counted without a place, as a trigger.

    "Ukrainian units repelled four attacks. It is near A, B.": the second sentence has no
    event word; its places are where the counted assaults were. "The enemy shelled about 20
    settlements. Among them are A, B and C.": the places of a count of settlements, whatever
    the event. Only right after that sentence, and only when it placed nothing itself, or
    only its region when the sentence says it names the villages ("These are the villages of").
    """
    before, trig = told
    m = _WHERE_THEY_WERE.match(sent.text) if trig.type is EventType.OFFENSIVE else None
    if m is None and counts_settlements(before):
        m = _AMONG_THEM.match(sent.text)
    named = False  # the sentence says it names the settlements ("These are the villages of")
    if m is None and trig.type is not EventType.STATEMENT:
        m = _THESE_ARE_THE_VILLAGES.match(sent.text)
        named = m is not None
    if (
        m is None
        or text[before.end : sent.start].strip()
        or any(
            e.sentence_start == before.start
            # a gain told of a region, then its villages named: the villages are where it was
            and not (named and e.geo_precision is not GeoPrecision.SETTLEMENT)
            for e in events
        )
    ):
        return None
    return Trigger(trig.type, sent.start + m.start(), sent.start + m.end(), m.group().strip())


def _tolls_per_strike(text: str, found: list, sent: Sentence) -> dict[int, Casualties]:
    """Each strike's own toll where a sentence tells two strikes with theirs.

    "The raid came after Friday's missile attack on Kherson, which left two dead, and
    Thursday's shelling that killed four and hurt 11": the words from each strike to the next
    are its own. Only when two or more strikes have counts there (else the sentence's toll goes to
    one strike, ``_toll_owner``). Keyed by ``id`` of the trigger.
    """
    strikes = sorted(
        {id(t): t for t, _ in found if t.type is EventType.ATTACK}.values(), key=lambda t: t.start
    )
    if len(strikes) < 2:
        return {}
    if (by_clause := _strike_tolls_by_clause(text, strikes, sent)) is not None:
        return by_clause
    tolls = {}
    for t, nxt in zip(strikes, [*strikes[1:], None], strict=True):
        cas = parse_casualties(text[t.end : nxt.start if nxt is not None else sent.end])
        if cas.killed or cas.injured:
            tolls[id(t)] = cas
    return tolls if len(tolls) >= 2 else {}


def _strike_tolls_by_clause(
    text: str, strikes: list[Trigger], sent: Sentence
) -> dict[int, Casualties] | None:
    """Each strike's toll when each lies in a clause of its own with its count.

    "Shelling killed two in A, and another was hurt in B"; None unless two or more clauses
    state a count.
    """
    parts = list(_CLAUSE_PART.finditer(sent.text))
    if not parts:
        return None
    spans = list(
        zip(
            [sent.start] + [sent.start + m.end() for m in parts],
            [sent.start + m.start() for m in parts] + [sent.end],
            strict=True,
        )
    )
    tolls = {}
    uncounted = []  # strikes in a clause of their own that counts no one
    for lo, hi in spans:
        inside = [t for t in strikes if lo <= t.start < hi]
        if len(inside) > 1:
            return None
        cas = parse_casualties(text[lo:hi])
        if inside and (cas.killed or cas.injured):
            tolls[id(inside[0])] = cas
        elif inside and not cas:
            uncounted.append(inside[0])
    if len(tolls) == 1 and uncounted and ";" in sent.text:
        # "attacked 14 settlements of the X region; a man was killed in A": the count is A's
        # strike's (a toll told at its place), the clause before counts no one
        return tolls | {id(t): _NO_CASUALTIES for t in uncounted}
    return tolls if len(tolls) >= 2 else None


def _toll_owner(found: list, cas: Casualties, sent: Sentence) -> Trigger | None:
    """The event word a sentence's toll belongs to: the nearest before the count, else the first.

    "A missile hit Kremenchuk, a year after a strike on a shopping centre there that killed 20": the
    20 are the earlier attack's. "One person was killed after shelling in Kharkiv": the
    count comes first and is the shelling's.
    """
    if not cas:
        return None
    trigs = [t for t, _ in found if t.type in _CASUALTY_TYPES]
    before = [t for t in trigs if t.end <= sent.start + cas.start]
    # the first in the text: a toll's own word is listed last, after the sentence's event words
    return before[-1] if before else min(trigs, key=lambda t: t.start, default=None)


def victims_counted(events: list[Event], places: set[str], cas: Casualties) -> Casualties:
    """A count of victims (``Casualties.victims``) read as the dead, or kept as the injured.

    The dead where a strike at one of ``places`` told before counted only its dead: "Missiles
    killed three in X ... the number of victims in X has risen to five" is five dead.
    """
    if not cas.victims or not any(
        e.event_type is EventType.ATTACK
        and e.place.place_id in places
        and e.killed is not None
        and e.injured is None
        for e in events
    ):
        return cas
    return replace(cas, killed=cas.injured, injured=None)


def _with_casualties(ev: Event, cas: Casualties) -> Event:
    return replace(
        ev,
        killed=ev.killed if ev.killed is not None else cas.killed,
        injured=ev.injured if ev.injured is not None else cas.injured,
        figures_text="; ".join(t for t in (ev.figures_text, cas.text) if t),
    )


def _told_again(
    events: list[Event],
    k: int | None,
    before: Event | None,
    cas: Casualties,
    triggers: list[Trigger],
    sent: Sentence,
) -> None:
    """Mark a strike as told again by a placeless sentence that tells its toll.

    "Drone attack kills three in the X region" (a headline), then "A drone attack on Wednesday
    killed three people, the governor said." (no place read): the strike was last told here,
    so the next sentence's finer place ("a village in the Y district") is next to it.
    """
    if k is None or before is None or not cas:
        return
    ev = events[k]
    same = cas.killed in (None, ev.killed) and cas.injured in (None, ev.injured)
    if not (same or events[k] is not before) or not any(t.type is ev.event_type for t in triggers):
        return
    events[k] = replace(ev, sentence_end=max(ev.sentence_end, sent.end))


def toll_told_on(events: list[Event], k: int | None, prior: list[Event], sent: Sentence) -> None:
    """A strike whose missing figures a placeless toll sentence gave goes on to that sentence.

    "Missiles killed 21 in the X region. At least 39 were injured. The attack hit Y": the
    strike is told through its toll's sentence, so the sentence after the toll is the one
    after the strike's telling (``merge`` reads a town's strike there as the region's told
    again). ``prior`` holds the events as they were before the toll was carried.
    """
    if k is None or k >= len(prior):
        return
    ev, was = events[k], prior[k]
    if ev is was or not (
        (was.killed is None and ev.killed is not None)
        or (was.injured is None and ev.injured is not None)
    ):
        return
    events[k] = replace(ev, sentence_end=max(ev.sentence_end, sent.end))


# A unit named by a name the geoparser did not resolve: "by the river in the Zarichnyi
# district", "in the Marhanets community".
_UNRESOLVED_UNIT = re.compile(
    r"\b(?:in|near|of|at)\s+the\s+(?P<name>[A-Z][\w'’-]+)\s+"
    r"(?:district|community|hromada|raion|village|settlement)\b"
)


_ELSEWHERE = re.compile(r"\W*(?:meanwhile|separately|elsewhere)\b", re.IGNORECASE)
_SETTLEMENT_OF = Gated(  # its words first: most sentences name no settlement so
    re.compile(r"\b(?:village|town|city|settlement|hamlet)\s+of\s+(?P<name>[A-Z][\w'’-]+)")
)


def _named_elsewhere(text: str, sent: Sentence, tops: list[Toponym]) -> bool:
    """Whether a sentence tells of another place, a district or community none resolves.

    Only after "Meanwhile", "Separately", "Elsewhere": "one bomb exploded in the X district"
    alone may be a district of the city struck, told again.
    """
    if _ELSEWHERE.match(sent.text) is not None and any(
        not any(t.start <= sent.start + m.start("name") < t.end for t in tops)
        for m in _UNRESOLVED_UNIT.finditer(sent.text)
    ):
        return True
    # "A woman was killed in the village of X.": a settlement named as one, which no place
    # of the sentence reads, is a place of its own, not the strike told before
    return any(
        not any(t.start <= sent.start + m.start("name") < t.end for t in tops)
        for m in _SETTLEMENT_OF.finditer(sent.text)
    )


def _other_regions(tops: list[Toponym], events: list[Event], last: int | None) -> bool:
    """Whether a sentence without an event word names only other oblasts than the strike's.

    "Drones hit the Kursk region. Officials in the Oryol and Tula regions saw broken
    windows but no casualties.": the none is theirs, not Kursk's.
    """
    if last is None or not tops:
        return False
    place = events[last].place
    return all(
        t.place.kind is PlaceKind.ADMIN1 and t.place.admin1_code != place.admin1_code for t in tops
    )


# A victim told before: "the man", "he", "his wife" (not a part of the toll of its own).
_DEFINITE_VICTIM = re.compile(r"(?:the|he|she|his|her|they|both|all)\b", re.IGNORECASE)


def part_of_whole(whole: Event, part: Event) -> bool:
    """Whether ``part`` is a town's share of the toll that ``whole`` tells for its oblast.

    "killed six in the X region: four in A, two in B": the region's event holds the whole,
    each town's event a part, of the same kind and no larger.
    """
    if whole.place.kind is not PlaceKind.ADMIN1 or part.place.kind is PlaceKind.ADMIN1:
        return False
    if part.place.admin1_code != whole.place.admin1_code:
        return False
    pairs = ((whole.killed, part.killed), (whole.injured, part.injured))
    return any(p is not None for _, p in pairs) and all(
        p is None or (w is not None and p <= w) for w, p in pairs
    )


def shared_out_without_whole(here: list[Event], cas: Casualties) -> bool:
    """Whether a sentence's toll went to its towns in parts, and no event holds the whole.

    "Shelling killed three in the X region: two in A, one in B": the towns' counts add up to
    the sentence's whole, which no event of it holds (the region only situates the towns);
    a toll told next ("Another nine were wounded") is the whole's, not the last town's.
    """
    if (kind := _one_kind(cas)) is None:
        return False
    whole = getattr(cas, kind)
    counts = [getattr(e, kind) for e in here if getattr(e, kind) is not None]
    return len(counts) >= 2 and whole not in counts and sum(counts) == whole


def _carry_casualties(
    events: list[Event],
    last: int | None,
    cas: Casualties,
    triggers: list[Trigger],
    *,
    definite: frozenset[EventType] = frozenset(),
    elsewhere: bool = False,
    other_day: DateSpan | None = None,
    parts: dict[int, list[int]] | None = None,
) -> int | None:
    """Give a placeless casualty sentence's figures to the strike just reported.

    "Five people were injured, the governor said." follows the sentence that named the
    place; only figures the event lacks are filled, so a later running toll changes nothing.
    A count told as an addition ("two more people died in hospital", "another three sought
    medical help") is added to the figure the event has. A sentence whose own event word is
    of another kind ("shelling injured 24" after a ground assault) is not that event's toll.
    """
    if not cas or last is None:
        return last
    if elsewhere and not (cas.more_killed or cas.more_injured):
        # "Meanwhile, a man was killed when a shell hit a house in the X district": a toll of a
        # place of its own (one the gazetteer lacks), not the strike told before
        return last
    ev = events[last]
    if (
        other_day is not None
        and ev.date_text
        and not (cas.update or cas.died_of_injured or cas.more_killed or cas.more_injured)
        and (other_day.end < ev.date_start or other_day.start > ev.date_end)
    ):
        # "Russian troops struck X on the morning of Oct. 9 ... Attacks on the region on
        # Oct. 8 killed one": a toll told with a day of its own, before its count, that
        # is not the strike's day belongs to another strike
        return last
    kinds = {t.type for t in triggers if t.type in _CASUALTY_TYPES}
    if kinds and ev.event_type not in kinds:
        # "... dozens were hurt in the attack" after fighting told in passing: "the
        # attack" is the strike the article told before, not the fighting.
        earlier = next(
            (
                k
                for k in range(last - 1, -1, -1)
                if events[k].event_type in kinds and events[k].event_type in definite
            ),
            None,
        )
        if earlier is None:
            return last
        last, ev = earlier, events[earlier]
    if cas.killed == 0 and cas.injured == 0:
        # "Missiles struck the Lviv, Rivne and Volyn regions. No civilian casualties have
        # been reported.": none is the toll of every strike of the sentence before; and of
        # every strike of the report on the same days where none has a toll told (not even none)
        # ("A and B were attacked in the evening ... C came under fire in the morning ...
        # The governor noted there were no casualties.")
        tolled = any(e.killed is not None or e.injured is not None for e in events)
        for k, other in enumerate(events):
            if (
                (
                    other.sentence_start == ev.sentence_start
                    or (
                        not tolled
                        and other.date_start <= ev.date_end
                        and ev.date_start <= other.date_end
                    )
                )
                and other.event_type is ev.event_type
                and other.killed is None
                and other.injured is None
            ):
                events[k] = replace(other, killed=0, injured=0, figures_text=cas.text)
        return last
    if _toll_told_again(events, last, cas):
        return last
    # "One killed and two others injured ... two other men had been injured": the same two
    same = cas.more_by_other and (cas.killed, cas.injured) in {
        (ev.killed, None),
        (None, ev.injured),
    }
    # "Four were injured. One of the port's workers was wounded ... Three more were injured":
    # the counts told after a toll that reach it exactly are its parts, not more people
    told = parts.setdefault(last, [0, 0]) if parts is not None else [0, 0]
    rest = (
        cas.more_killed and told[0] > 0 and told[0] + (cas.killed or 0) == ev.killed,
        cas.more_injured and told[1] > 0 and told[1] + (cas.injured or 0) == ev.injured,
    )
    killed = _added(ev.killed, cas.killed, more=cas.more_killed and not same and not rest[0])
    # "Five out of 13 victims are in intensive care. Seven more were sent home": the rest
    injured = _added(
        ev.injured,
        cas.injured,
        more=cas.more_injured and not same and not whole_told(ev.figures_text) and not rest[1],
    )
    if not _DEFINITE_VICTIM.match(cas.text):  # "the man was hospitalised": one told before
        for i, (have, count) in enumerate(((ev.killed, cas.killed), (ev.injured, cas.injured))):
            if have and count and told[i] + count <= have:
                told[i] += count
    if cas.update or (
        # "Two children were among the dead ... Five were killed, officials said": who was
        # among a toll is a lower bound that the toll told after it replaces
        not (cas.more_killed or cas.more_injured)
        and _LOWER_BOUND.search(ev.figures_text) is not None
    ):  # "the death toll rose to 40": the higher count is the later one
        killed, injured = higher_count(killed, cas.killed), higher_count(injured, cas.injured)
    if cas.died_of_injured:  # "11 injured ... the woman had died": one killed, ten injured
        killed = (killed or 0) + cas.died_of_injured
        if injured is not None:
            injured = max(0, injured - cas.died_of_injured)
    if (killed, injured) == (ev.killed, ev.injured):
        return last
    events[last] = replace(
        ev,
        killed=killed,
        injured=injured,
        figures_text="; ".join(t for t in (ev.figures_text, cas.text) if t),
    )
    return last


# The words of a count that is a lower bound of its toll: "among the dead", "the injured
# include" (casualties._AMONG_TOLL, _AMONG_THEM).
_LOWER_BOUND = re.compile(r"\bamong\s+(?:the|those)\b|\binclude[ds]?\b", re.IGNORECASE)


def _toll_told_again(events: list[Event], last: int, cas: Casualties) -> bool:
    """Whether a placeless toll repeats, count for count, the toll of a strike told before.

    "Guns pounded the X region 80 times, leaving two dead and six hurt ... Y, its
    centre, took 50 rounds ... 'Two residents died and six more were wounded,' its head
    wrote": the quote is the region's toll again, not the toll of the city told last
    (which states none). Only for a strike told last with no toll, and a whole toll (not one
    more, not a rise) that is another place's to the number.
    """
    ev = events[last]
    if (
        ev.killed is not None
        or ev.injured is not None
        or cas.more_killed
        or cas.more_injured
        or cas.update
        or not (cas.killed or cas.injured)
    ):
        return False
    # the toll of a region or district told again at the town it struck is placed, not
    # repeated; a region's day told as a tally of many strikes holds the town's as one of them
    return any(
        e.event_type is ev.event_type
        and e.place.place_id != ev.place.place_id
        and (e.killed, e.injured) == (cas.killed, cas.injured)
        and (e.place.admin1_code != ev.place.admin1_code or counts_strikes(e.quote))
        for e in events[:last]
    )


def _strike_told(ev: Event, trig: Trigger, sent: Sentence, cas: Casualties) -> Event:
    """A strike at ``ev``'s place as ``sent`` tells it: its own trigger, words and toll."""
    return replace(
        ev,
        event_id=_event_id(ev.article_id, EventType.ATTACK, ev.place.place_id, trig.start),
        event_type=EventType.ATTACK,
        quote=sent.text,
        sentence_start=sent.start,
        sentence_end=sent.end,
        status=EventStatus.HAPPENED,
        claimed_by="",
        killed=cas.killed,
        injured=cas.injured,
        figures_text=cas.text,
    )


def _shelling_of_the_fight(
    events: list[Event],
    last: int | None,
    cas: Casualties,
    triggers: list[Trigger],
    sent: Sentence,
) -> Event | None:
    """A placeless toll of shelling told right after fighting at a town: a strike there.

    "Troops are pushing into the besieged city of X. Two civilians were killed and five
    wounded by shelling.": the shelling is at X, told as its own happening, not as the
    fighting's toll. Only with no strike told before (that would own "the attack", see
    ``_carry_casualties``) and only for the very next sentence.
    """
    if last is None or not (cas.killed or cas.injured):
        return None
    ev = events[last]
    kinds = {t.type for t in triggers}
    if (
        ev.event_type is not EventType.OFFENSIVE
        or kinds != {EventType.ATTACK}
        or sent.start - ev.sentence_end > 3
        or any(e.event_type is EventType.ATTACK for e in events)
    ):
        return None
    trig = next(t for t in triggers if t.type is EventType.ATTACK)
    return _strike_told(ev, trig, sent, cas)


# "A missile strike before dawn on Monday killed two.": a strike told with an indefinite
# article, its own day and its own toll, after the article's strike already has one.
_INDEFINITE_STRIKE = re.compile(
    r"(?:^|[,;:]\s*)(?:an?|another|an earlier|a previous|a separate)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


_IN_INDEFINITE_STRIKE = re.compile(
    r"\s+(?:in|by|during)\s+(?:an?|another|an earlier|a previous|a separate)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _same_toll(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    """Whether two (killed, injured) tolls may count one strike: no stated figure differs."""
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


def _another_strike_there(
    events: list[Event],
    last: int | None,
    cas: Casualties,
    triggers: list[Trigger],
    sent: Sentence,
    text: str,
    dates: list[DateSpan],
    words: list[Trigger],
) -> Event | None:
    """A placeless strike with its own day and toll, told after the one the article is about.

    "It was the city's second attack within a day. A missile strike before dawn on Monday
    killed two people.": an earlier strike on the same place, not the first one's
    toll. Only when the strike told before has a toll already and a figure of this one
    differs from it ("A missile attack killed one and injured four" after a headline's "kills
    one" is the same strike told in full), and the sentence says when.
    """
    if last is None or not (cas.killed or cas.injured) or not dates:
        return None
    ev = told = events[last]
    if ev.place.kind is PlaceKind.ADMIN1:
        # "Strikes on X killed four ... The enemy attacked the X region. Four were killed":
        # the strike told at the region was told at its town too, which is its place
        ev = next(
            (
                e
                for e in reversed(events)
                if e.event_type is EventType.ATTACK
                and e.place.kind is PlaceKind.POPULATED_PLACE
                and e.place.admin1_code == ev.place.admin1_code
                and (e.killed, e.injured) != (None, None)
                and _same_toll((e.killed, e.injured), (ev.killed, ev.injured))
            ),
            ev,
        )
    # the strike's readings so far ("A drone hit Odesa, killing one" ... "the attack on the
    # city"): one of them holds its toll
    tolls = {
        (e.killed, e.injured)
        for e in events
        if e.event_type is EventType.ATTACK
        and e.place.place_id == ev.place.place_id
        and (e.killed is not None or e.injured is not None)
    }
    if (
        ev.event_type is not EventType.ATTACK
        or not tolls
        or any(_same_toll(t, (cas.killed, cas.injured)) for t in tolls)
        or sent.start - told.sentence_end > _REPORT_REACH
    ):
        return None
    trig = next(
        (
            t
            for t in triggers
            if t.type is EventType.ATTACK
            and (
                (
                    _INDEFINITE_STRIKE.search(text[sent.start : t.start])
                    and t.start < sent.start + max(cas.start, 0)
                )
                # "Five civilians died in a drone attack on Friday": the count, then its
                # strike told with an indefinite article
                or (
                    sent.start + cas.end <= t.start
                    and _IN_INDEFINITE_STRIKE.match(text, sent.start + cas.end, t.start)
                )
            )
        ),
        None,
    )
    span = _date_for(trig, dates, words, text) if trig is not None else None
    if span is None:
        return None
    return _redated(_strike_told(ev, trig, sent, cas), span)


def _added(have: int | None, told: int | None, *, more: bool) -> int | None:
    """The event's figure after a later sentence's count: filled, or added to when "more"."""
    if told is None:
        return have
    if have is None:
        return told
    return have + told if more else have


# The counted people's place told by "were in" after them: "The three killed were in A",
# "the two women killed, aged 70 and 74, were in A".
_WERE_IN = re.compile(r"(?:,\s[^.;]{1,40}?,)?\s+(?:were|was)(?=\s+(?:in|near|at)\s)")


def _toll_trigger(
    text: str,
    sent: Sentence,
    tops: list[Toponym],
    triggers: list[Trigger],
    cas: Casualties,
    *,
    told_at: Place | None = None,
) -> Trigger | None:
    """A strike told only by its toll and place: "three people were killed in Kupiansk".

    Where a sentence names people killed or injured and then the place, but no strike word,
    the killing is the event (an attack, as ACLED codes deaths of unknown cause). Counts of
    zero, an event word of the sentence's own and places before the count give nothing,
    except a town's own toll after a strike told elsewhere (``told_at``, see
    ``_town_toll_at``).
    """
    # a fight or strike told in a relative clause on a place after the count ("one man was
    # hurt in X, which has withstood an offensive for weeks") describes the place; the count
    # is still a strike of its own
    if any(
        t.type in _CASUALTY_TYPES
        and not (cas.end >= 0 and sent.start + cas.end < t.start and describes_place(text, t, tops))
        for t in triggers
    ):
        return _later_clause_toll(text, sent, tops, triggers)
    if cas.end >= 0 and (cas.killed or cas.injured):
        at = sent.start + cas.end
        # "Two people were killed in A and three were injured in B": from the first count's place
        if m := _TOLL_AT_PLACE.search(text, sent.start + max(cas.start, 0), at):
            at = m.end()
        elif m := _AND_VERB.match(text, at, sent.end):
            at = m.end()  # "a man was injured and hospitalised in A"
        elif m := _WERE_IN.match(text, at, sent.end):
            at = m.end()  # "the two women killed, aged 70 and 74, were in A"
    elif m := _UNCOUNTED_TOLL.search(text, sent.start, sent.end):
        at = m.end()  # "Children were injured in Liubotyn": a toll without its count
    else:
        return _town_toll_at(text, sent, tops, cas, told_at)
    # "killed two residents of the X region - in A": the victims' oblast, then their town
    where = m.end() if (m := _OF_AREA.match(text, at, sent.end)) else at
    # "killed eight over the last day in the X region": when, then where
    where = m.end() if (m := _TIME_BEFORE_PLACE.match(text, where, sent.end)) else where
    if not any(
        where <= t.start < where + 40 and t.place.kind is not PlaceKind.COUNTRY for t in tops
    ) or not _PLACE_LINK_ON.match(text, where, where + 8):
        return _town_toll_at(text, sent, tops, cas, told_at)
    return _toll_word(text, sent.start, at)


# A time told between a count and its place: "were hurt over the past day in A", "killed two
# overnight in B", "died on Saturday and overnight in C".
_TIME_BEFORE_PLACE = re.compile(
    r"(?:\s+(?:(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:(?:\d+|[a-z]+)\s+)?"
    r"(?:hours?|days?|nights?|weeks?)|overnight|yesterday|last\s+night|"
    r"(?:late\s+|early\s+)?on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
    r"(?:\s+and\s+(?:overnight|yesterday|last\s+night))?,?)(?=\s+(?:in|near|at)\b)",
    re.IGNORECASE,
)
# The locative that ties a count to the place after it ("killed two in A"); a toll's strike
# may also be "on" a town.
_PLACE_LINK = re.compile(r"\s+(?:in|near|at)\b")
_PLACE_LINK_ON = re.compile(r"\s+(?:in|near|on|at)\b")
_LAST_WORD = re.compile(r"[\w-]+$")


def _toll_word(text: str, lo: int, at: int) -> Trigger:
    """The strike a toll stands for, on the toll's last word before ``at`` (``lo`` on)."""
    word = _LAST_WORD.search(text, lo, at).group()
    return Trigger(EventType.ATTACK, at - len(word), at, word.lower())


# A second verb of the same toll before its place: "was injured and hospitalised in A".
_AND_VERB = re.compile(
    r"\s+and\s+(?:was\s+|were\s+|later\s+)?(?:hospitali[sz]ed|died)\b(?=\s+(?:in|near|at)\b)",
    re.IGNORECASE,
)


_REPORT_WORD = re.compile(
    r"\b(?:said|says|told|reported|claimed|claims|announced|stated|according)\b", re.IGNORECASE
)
_TOWN_FRAME = re.compile(
    r"\W*(?:In|At|Near)\s+the\s+(?:village|town|city|settlement)\s+of\s+", re.IGNORECASE
)
# "No casualties were reported in Marhanets": the words between a count of none and its town.
_NONE_IN = re.compile(
    r"(?:\s+(?:were|was|have|has|been|reported|recorded|registered|confirmed)){0,3}"
    r"\s+(?:in|near|at)\s+"
)


def _framing_town(text: str, sent: Sentence, tops: list[Toponym]) -> list[Toponym]:
    """The town a sentence opens with: "In X, ...", "In the village of X, ..."."""
    town = fronted_place(text, sent, tops)[:1]
    if not town and (m := _TOWN_FRAME.match(text, sent.start)):
        town = [t for t in tops if t.start == m.end() and text.startswith(",", t.end)]
    return town


_ADMIN1 = PlaceKind.ADMIN1


def _later_clause_toll(
    text: str, sent: Sentence, tops: list[Toponym], triggers: list[Trigger]
) -> Trigger | None:
    """A toll told at a place of its own in a later clause of a strike's sentence.

    "Shelling killed two in A, and another was injured in B", "Drones killed one in A; three
    others were hurt in B": the clause has no event word, a count, and after it a place the
    sentence has not named before; that count is a strike there.
    """
    parts = list(_CLAUSE_PART.finditer(sent.text))
    for k, m in enumerate(parts):
        lo = sent.start + m.end()
        hi = sent.start + parts[k + 1].start() if k + 1 < len(parts) else sent.end
        if any(lo <= t.start < hi for t in triggers):
            continue
        cas = parse_casualties(text[lo:hi])
        if cas.end < 0 or not (cas.killed or cas.injured):
            continue
        at = lo + cas.end
        if not _PLACE_LINK.match(text, at, at + 8):
            continue
        before = {t.place.place_id for t in tops if t.start < lo}
        # an oblast told before whose towns the clauses go through is _toll_by_place's; not
        # where the oblast's clause counts no one and a clause of its own tells a town's toll
        # ("attacked 14 settlements of the X region; a man was killed in A")
        areas = (
            set()
            if ";" in m.group() and not parse_casualties(text[sent.start : sent.start + m.start()])
            else {t.place.admin1_code for t in tops if t.start < lo and t.place.kind is _ADMIN1}
        )
        if any(
            at <= t.start < at + 40
            and t.place.kind is not PlaceKind.COUNTRY
            and t.place.place_id not in before
            and t.place.admin1_code not in areas
            for t in tops
        ):
            return _toll_word(text, lo, at)
    return None


def _past_victims(text: str, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The place a toll trigger's count is told at past the victims' oblast or wound.

    "hospitalised a pensioner with shrapnel wounds in the A district": the place after the wound.
    """
    m = _OF_AREA.match(text, trig.end)
    if m is None:
        return []
    return [
        t
        for t in tops
        if m.end() <= t.start < m.end() + 40 and t.place.kind is not PlaceKind.COUNTRY
    ][:1]


def _town_toll_at(
    text: str, sent: Sentence, tops: list[Toponym], cas: Casualties, told_at: Place | None
) -> Trigger | None:
    """A town's own toll told after a strike on another place: that town's strike.

    "Russian forces shelled the Nikopol district. In Marhanets, there were no casualties. In
    Pokrovske, one person was injured.": each town's toll (none too) is a strike there, not
    the district's figures. Only a town framing the sentence ("In X, ...") or named right after
    a count of none, and for a count other than none a town other than the place of the strike
    told before. With no strike told before, a town framing a count of its own dead or hurt
    ("In Kharkiv, five people were killed and 20 injured") is a strike there, unless a report
    stands between ("In Moscow, the ministry said 20 soldiers were killed": what was said).
    """
    if not cas or (cas.killed is None and cas.injured is None):
        return None
    if told_at is None and not (cas.killed or cas.injured):
        return None  # a count of none is of a strike told before
    at = sent.start + cas.end if cas.end >= 0 else text.find(cas.text, sent.start, sent.end)
    if at < sent.start:
        return None
    if cas.end < 0:
        at += len(cas.text)  # a count of none keeps no offsets: found by its words
    town = _framing_town(text, sent, tops)
    if not town and cas.killed == 0 and cas.injured == 0 and (m := _NONE_IN.match(text, at)):
        town = [t for t in tops if t.start == m.end()]
    # "Two residents of the village of X were injured": the town is in the counted subject,
    # so no report stands between it and the count
    subject = not town and bool(town := _subject_town(text, sent, tops, cas))
    if (
        not town
        or town[0].start > at + 40
        or (
            town[0].place.kind is not PlaceKind.POPULATED_PLACE
            and not _framed_area_toll(town[0], cas, told_at, framed=not subject)
        )
        # the strike told before takes a count of its own town as ever; none told of one town
        # is that town's alone, not every strike's of the sentence before
        or (
            told_at is not None
            and town[0].place.place_id == told_at.place_id
            and (cas.killed or cas.injured)
        )
        or (told_at is None and not subject and _REPORT_WORD.search(text, town[0].end, at))
    ):
        return None
    return _toll_word(text, sent.start, at)


def _framed_area_toll(
    area: Toponym, cas: Casualties, told_at: Place | None, *, framed: bool
) -> bool:
    """Whether an oblast or district framing a count of its own dead or hurt is a strike there.

    "In the X region, three residents died and six more were hurt", told in a round-up of
    a night's strikes after the strike on another oblast: the region's own strike. Not for a
    count of none, and not when the strike told before lies in that oblast (the area's words
    then sum up that strike's).
    """
    if not framed or not (cas.killed or cas.injured):
        return False
    if area.place.kind not in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
        return False
    return told_at is None or told_at.admin1_code != area.place.admin1_code


_IN_SUBJECT = re.compile(
    r"\b(?:in|from|of)\s+(?:the\s+)?(?:(?:village|town|city|settlement|hamlet)\s+of\s+)?$"
)


def _subject_span(sent: Sentence, cas: Casualties) -> tuple[int, int] | None:
    """Where a count's subject lies in the text, or None when the count has no span."""
    if cas.start < 0 or cas.end < 0:
        return None
    return sent.start + cas.start, sent.start + cas.end


def _subject_town(text: str, sent: Sentence, tops: list[Toponym], cas: Casualties) -> list[Toponym]:
    """The town named inside a count's subject: "three people in the village of X were hurt"."""
    span = _subject_span(sent, cas)
    if span is None:
        return []
    lo, hi = span
    for t in tops:
        if (
            lo <= t.start < hi
            and t.place.kind is PlaceKind.POPULATED_PLACE
            and (
                _IN_SUBJECT.search(text, max(lo, t.start - 40), t.start)
                # "a Bilozerka resident", "two Nikopol residents": the town as a modifier
                or _RESIDENT_AFTER.match(text, t.end)
            )
        ):
            return [t]
    return []


_RESIDENT_AFTER = re.compile(r"\s+(?:residents?|inhabitants?|villagers?)\b", re.IGNORECASE)


# A village the subject names by its kind, then the oblast it lies in: "a farmer in the
# village of X, Y region, was killed" (X unread: the index lacks it, or holds only a namesake
# in another oblast, which events.extract leaves out)
_KIND_OF_VILLAGE_THEN = re.compile(
    r"\b(?:village|town|settlement|hamlet)\s+of\s+(?-i:[A-Z])[\w'’-]+(?:[\s-](?-i:[A-Z])[\w'’-]+)?"
    r",\s+(?:the\s+)?$"
)


def subject_oblast(
    text: str, sent: Sentence, tops: list[Toponym], cas: Casualties
) -> list[Toponym]:
    """The oblast of an unread village named inside a count's subject, or nothing.

    "A 40-year-old man in the village of X, Y region, was killed in shelling": the strike is
    in Y (an area event) when X itself has no reading the sentence keeps.
    """
    span = _subject_span(sent, cas)
    if span is None:
        return []
    lo, hi = span
    for t in tops:
        if (
            lo <= t.start < hi
            and t.place.kind is PlaceKind.ADMIN1
            and (m := _KIND_OF_VILLAGE_THEN.search(text, max(lo, t.start - 60), t.start))
            and not any(m.start() <= u.start < t.start for u in tops)
        ):
            return [t]
    return []


# Asked of most sentences, and most hold no match: it asks its lower-case twin first
# (geo.text.casefold.Gated). Set here, after every definition, so it reads as written above.
_UNCOUNTED_TOLL = Gated(_UNCOUNTED_TOLL)
