"""Sentence-level event extraction: type, place, date range, figures and the quote.

Rules follow docs/events.md: each trigger word takes the place its phrase attaches to it (not
every place in the sentence), the nearest date expression (else the publication date) and,
for evacuations and displacement, the head-counts; the sentence is kept as provenance.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from geo.events.casualties import (
    Casualties,
    higher_count,
    parse_casualties,
    respective_counts,
    whole_told,
)
from geo.events.figures import NUM_WORDS, head_counts, listed_head_counts, parse_figures, to_int
from geo.events.merge import (
    consolidate,
    names_community,
    opens_order_list,
    order_item,
    order_line,
    order_list,
    order_subheading,
    umbrella_list,
)
from geo.events.places import (
    LATER_AFTER,
    anaphors,
    as_direction,
    fronted_place,
    is_river,
    names_airport,
    namesake_city,
    places_for,
    tokenize_sentence,
    within,
)
from geo.events.status import not_factual, status_for, tried
from geo.events.triggers import (
    FIGURE_TYPES,
    ORDER_MARK,
    TRIGGERS,
    Trigger,
    coerce_types,
    find_triggers,
    names_weapon,
)
from geo.records import (
    Article,
    DatePrecision,
    DateSpan,
    Event,
    EventStatus,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
    Toponym,
    ToponymRole,
)
from geo.text.captions import caption_spans
from geo.text.casefold import Gated, ascii_lower, caseless_lower, lower_twin
from geo.text.dates import find_dates, resolve_date
from geo.text.sentences import Sentence, split_sentences

__all__ = ["TRIGGERS", "extract_events", "parse_figures", "split_sentences"]

_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


_GLUED = re.compile(r"[a-z\d)][.!?][A-Z]")  # a sentence end that lacks its space
_NO_CASUALTIES = Casualties()
_THE_WAR = re.compile(r"invasion|invaded|full-scale invasion", re.IGNORECASE)
_WAR_COUNTRIES = frozenset({"UA", "RU"})
_ATTRIBUTION = frozenset({"said", "says", "stated", "speaking"})
_LISTED_OBLASTS_AFTER = re.compile(
    r"(?:\s*(?:,|,?\s+and)\s+[A-Z][\w'’-]*)*\s+(?:[Oo]blasts|[Rr]egions|[Pp]rovinces)\b"
)
_INDEFINITE_PLACE = re.compile(
    r"\s+(?:a|another|one more|two|three|four|several|a few|more)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:villages?|settlements?|hamlets?|towns?)\b",
    re.IGNORECASE,
)
_UNCOUNTED_TOLL = re.compile(
    r"\b(?:civilians|people|children|residents|women|men|passers-?by)\s+(?:were|have been|had been)"
    r"\s+(?:\w+ly\s+)?(?:killed|injured|wounded|hurt)(?:\s+and\s+(?:killed|injured|wounded))?"
    r"(?=\s+(?:in|near|at|on)\b)",
    re.IGNORECASE,
)
# A link to another story left in pasted or scraped text: "Read also: ...", "ALSO READ: ...".
_LINK_LINE = re.compile(
    r"\W*(?:read (?:also|more)|also read|see also|related(?: articles?| stories| news)?|"
    r"more on (?:this|the topic)|recommended)\s*[:|]",
    re.IGNORECASE,
)
# A page's furniture on a line of its own: the article ended above it. What follows is other
# stories' teasers and links; a headline-led block right before it is a teaser too.
_FURNITURE_LINE = re.compile(
    r"^[ \t]*(?:read more|show more|load more|avatar|article image|related(?: articles?| "
    r"stories| news)?|more (?:stories|news)|more about(?: this| the topic)?|most read|"
    r"you may also like|recommended)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]?[ \t]*$")


def _page_end(text: str) -> int:
    """Where the article's own text ends: the teaser block before page furniture, or its end.

    A headline without a full stop right above "Read more" or an author's avatar ("General
    recalls months in captivity"), or a headline and its lead ("Town mourns after strike" /
    "Izium - a rocket hit a shop ..."), are other stories; a paragraph that ends a sentence
    right above it is the article's last.
    """
    m = _FURNITURE_LINE.search(text)
    if m is None:
        return len(text)
    blocks = [
        b for b in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text[: m.start()]) if b.group().strip()
    ]
    if not blocks:
        return m.start()
    last = blocks[-1]
    first_line = last.group().split("\n", 1)[0]
    if _SENTENCE_END.search(first_line) is None and len(blocks) > 1:
        return last.start()  # a teaser's headline (and its lead)
    return m.start()


# A photo caption marked as such: "(...) on the evening of May 2, 2023. Illustrative purposes
# only." shows an older scene, not the news.
_ILLUSTRATIVE_NEXT = re.compile(
    r"\s*\(?(?:illustrative|for illustrative purposes|illustration)\b", re.IGNORECASE
)
# "refugees who left Ukraine now number over 2 million": a country's running total,
# not one flight from a place.
_RUNNING_TOTAL = re.compile(
    r"\b(?:number of|total(?:led)?|exceed(?:ed|s)|surpass(?:ed|es)|so far|to date)\b", re.I
)
# "the enemy has lately intensified its attacks on Kharkiv Oblast": a trend, no one strike.
_TREND_BEFORE = re.compile(
    r"\b(?:intensified|ramped up|increased|escalated)\s+(?:its\s+|their\s+|the\s+)?$", re.I
)
# "..., the Kharkiv Oblast Military Administration said": who reports, not a place hit.
# A sea, a gulf or a strait named as where a strike was: drones shot down over water.
_WATER = re.compile(r"\b(?:Sea|Gulf|Strait|Bay)\b")
_AUTHORITY_NAME = re.compile(
    r"\s+(?:(?:Oblast|Regional|Region|City|District|Raion|Municipal)\s+)?"
    r"(?:(?:Military|Civil|Civil-Military|State)\s+)+Administration\b"
)
# "a depot burned in Sevastopol after an apparent drone strike": the strike ends the clause, told
# as news (an indefinite one; "after the explosions" refers back to a strike told already).
_AFTER_STRIKE = re.compile(
    # "killed in the X region following a Russian attack"
    r"\b(?:after|following)\s+an?\s+(?:(?:suspected|apparent|reported|alleged|massive|"
    r"overnight|russian|ukrainian)\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# "in Ukraine's Kherson region": a possessive country before the place
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|on|over|outside)\s+(?:[\w'’-]+\s+){0,2}$", re.I)
# "Shelling and strikes in two oblasts have led to growing needs",
# "Attacks have left 28,000 people without power": a bulletin's summary of many strikes,
# a bare plural subject with an outcome verb, tells no one strike.
_SUMMARY_OF_STRIKES = re.compile(
    r"\W*(?:(?:deadly|heavy|intense|daily|frequent|regular|continued|ongoing|russian)\s+)*"
    r"(?:attacks|strikes|shelling|airstrikes|air strikes|hostilities|bombardments)"
    r"(?:\s+and\s+(?:shelling|strikes|attacks|airstrikes))?\b[^.;:]{0,80}?"
    r"\b(?:(?:have|has)\s+(?:resulted in|left|caused|led to|continued to)|resulted in|"
    r"caused (?:dozens|scores|hundreds|many|numerous)|continued? to)\b",
    re.IGNORECASE,
)
_MILITARY_BEFORE = re.compile(
    r"\b(?:military|full-scale|all-out|special military)\s+$", re.IGNORECASE
)
# A clause after an event that brings its own time: ", as Russian troops try to retake ground
# they lost last year", ", which it captured in July 2022".
_LATER_CLAUSE = re.compile(
    r",\s+(?:as|while|which|where|who|whose|after|before|since|because|although|though)\b",
    re.IGNORECASE,
)
# "Tuesday's attack", "Monday’s deadly strike": a day that owns the event word after it.
_POSSESSIVE_DAY = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")
# "The talks in Geneva follow an invitation sent on Sunday": Sunday is the invitation's.
_FOLLOWS = re.compile(r"\b(?:follow(?:s|ed|ing)?|came after|comes after)\b", re.IGNORECASE)
_AFTER_WHAT = re.compile(r"\b(?:after|since|before|following)\s+(?:\S+\s+){0,3}$", re.I)
_AREAS = re.compile(
    # "regions" too: "targeted nine regions - Sumy, Kharkiv, ..." lists oblasts, not cities
    r"\b(?:areas|settlements|villages|towns|communities|districts|localities|regions|oblasts|"
    r"provinces)\b",
    re.IGNORECASE,
)
_DEFINITE = re.compile(r"\b[Tt]he\s+(?:\w+\s+)?$")
_CITIES = re.compile(r"\b(?:city|cities|towns?)\b", re.IGNORECASE)
_DAYS = {"a": 1, "one": 1, "two": 2, "three": 3}
_DAYS_AFTER = re.compile(
    r"\b(a|one|two|three) (day|week|month|year)s? after\b(?![^,;]*\bafter\b)", re.I
)
# "The shelling comes only days after the two delegations met in Istanbul": the meeting is
# background, some days (or weeks) before the news, not on its day.
_SOME_DAYS_AFTER = re.compile(
    r"\b(?:just |only |mere |barely |a few |several )*(?P<unit>days|weeks) after\b"
    r"(?![^,;]*\bafter\b)",
    re.IGNORECASE,
)
_SOME = {"days": (7, 1), "weeks": (31, 7)}  # how many days back it starts and ends
_UNNAMED = re.compile(r"\b(?:villages?|towns?|settlements?|cit(?:y|ies)|hamlets?)\b", re.I)
# settlements not named, counted in the country: "15 settlements in eastern Ukraine"
_UNNAMED_IN = re.compile(
    r"\b(?:villages|towns|settlements|cities|hamlets|localities|communities)\s+"
    r"(?:in|of|across|throughout)\s+(?:(?:the\s+)?(?:[\w-]+ern|central)\s+)?$",
    re.IGNORECASE,
)
_CASUALTY_TYPES = (EventType.ATTACK, EventType.OFFENSIVE)  # events that carry killed, injured
# "The second missile hit a village near Kramatorsk", "another strike hit the port", "a
# separate attack": a happening told as one more, not the one just reported again.
_ANOTHER = re.compile(
    r"^\s*(?:(?:the|a|an)\s+)?(?:second|third|fourth|fifth|another|separate|further)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "A missile also hit Kremenchuk": told in the frame of the event before it.
_ALSO = re.compile(r"\balso\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# A declaration that is itself the news: a state of emergency, martial law or a curfew
# declared, a disaster declared; an evacuation service stopped (trains cancelled, a station
# closed for evacuations), which is the authorities' notice, not people leaving.
_NOTICE = re.compile(
    r"\b(?:declar(?:ed|es|ing)|introduc(?:ed|es|ing)|impos(?:ed|es|ing)|extend(?:ed|s|ing)|"
    r"(?:implementation|introduction|imposition|declaration) of)\s+(?:an?\s+|the\s+)?"
    r"(?:(?:regional|federal|local|nationwide|national)\s+)?"
    r"(?:state of (?:emergency|siege)|emergency (?:situation|regime)|martial law|curfew)"
    r"|\bdeclared\s+(?:[\w'’-]+\s+){0,8}?(?:an?\s+)?['\"“‘]?"
    r"(?:(?:environmental|ecological|humanitarian|national)\s+)?(?:disaster|catastrophe)\b"
    r"|\bevacuations?(?: (?:trains?|buses|flights))?\b[^.;:]{0,60}?"
    r"\b(?:cancell?ed|suspended|halted|stopped)\b"
    r"|\b(?:cancell?ed|suspended|halted|stopped)\s+(?:the\s+)?(?:boarding|departure)s?\s+of\b"
    r"|\bclosed for (?:civilian\s+)?evacuations?\b",
    re.IGNORECASE,
)
_NOTICE_LOW = lower_twin(_NOTICE)
_CLAUSE_MARK = re.compile(r"[,;:]")
_ALSO_LOW = lower_twin(_ALSO)
_CONTEXT_CHARS = 600
_FOR_LIFE = re.compile(r"\s+for\s+(?:the|his|her|their|its)\s+li(?:fe|ves)\b", re.IGNORECASE)
# "the press service announced on June 20" dates a report; "The unit also said the town
# remained under fire" is part of it, as of that day.
_REPORTED_ON = re.compile(
    r"\b(?:announced|said|reported|stated|wrote|posted|told \w+)\b[^,.;]{0,25}$", re.IGNORECASE
)
_ALSO_REPORTED = re.compile(
    r"\balso (?:reported|said|stated|noted|added|announced|wrote)\b", re.IGNORECASE
)
# Who made a dated report: the noun right before its verb ("the defence ministry said Sunday").
_REPORTER = re.compile(
    r"\b(?P<who>ministry|governor|mayor|administration|army|military|staff|command|"
    r"spokes(?:man|woman|person)|police|service|office|prosecutors?|brigade|group|"
    r"authorities|officials)['’]?s?\s+(?:\w+\s+)?"
    r"(?:announced|said|reported|stated|wrote|posted|claimed)\b[^,.;]{0,25}$",
    re.IGNORECASE,
)


def _same_reporter(who: str, sentence: str) -> bool:
    """Whether a sentence is attributed to the reporter named by ``who``.

    "..., the ministry said", "according to the ministry".
    """
    if not who:
        return False
    return (
        re.search(
            rf"\b(?:the|its)\s+(?:[\w-]+\s+)?{who}\s+(?:also\s+)?"
            rf"(?:said|added|reported|stated|announced|wrote|claimed)\b"
            rf"|\baccording to the\s+(?:[\w-]+\s+)?{who}\b",
            sentence,
            re.IGNORECASE,
        )
        is not None
    )


# "X, the capture of which was reported earlier": background told before, with no day of its
# own (with one, "the day before", it keeps that day).
_TOLD_EARLIER = re.compile(
    r"\s+of\s+which\s+(?:was|were|had been|has been)\s+(?:\w+ly\s+)?"
    r"(?:reported|announced|claimed|confirmed)\b[^,;.]{0,60}?\b(?:earlier|previously|before)\b",
    re.IGNORECASE,
)
# "As reported, the Russians hit a district of Kharkiv": an earlier happening the outlet told
# before, recalled as background: its own event, not a reading of today's strike there.
_AS_REPORTED = re.compile(
    r"\W*as (?:was |previously |earlier |already )?(?:\w+ )?reported(?: earlier| before|"
    r" previously)?\s*,",
    re.IGNORECASE,
)
_REPORT_REACH = 1200
_AND_DAYS = re.compile(
    r"\band\s+\w+['’]s\s+(?:[\w-]+\s+)?$"
)  # characters: a report's sentences follow it within a paragraph or two
# "had been shelled the night before", "on the previous day": a day before the day told last;
# "the next day": the day after it.
_DAY_BEFORE_TOLD = re.compile(
    r"\bthe (?:night|day|evening|morning|afternoon) before\b|\bthe previous (?:day|night|evening)\b"
    r"|\b(?:a|one) day earlier\b"  # not "a day before the talks": what it is before
    r"|\b(?P<next>the (?:next|following) (?:day|night|morning|evening))\b"
    # "Later the same day, troops shelled a village": the day told last, again
    r"|\b(?P<same>(?:later|earlier) (?:that|the same) (?:day|evening|night)|"
    r"(?:on )?(?:that|the) same day)\b(?! (?:a|last|the previous) (?:year|month|week))",
    re.IGNORECASE,
)  # how far back an undated "also" or "second" event looks for its day


# A count's words right before its place: "were killed in", "wounded two women in".
_TOLL_AT_PLACE = re.compile(
    r"\b(?:killed|injured|wounded|hurt|died|dead)"
    r"(?:\s+(?!(?:in|near|on|at|and)\b)[\w-]+){0,3}?(?=\s+(?:in|near|on|at)\b)",
    re.IGNORECASE,
)
# A count without its noun or verb before a listed place: "killed three in A and two in B".
_BARE_COUNT = re.compile(
    r"\b(?:and|,)\s+(?P<num>\d+|"
    + "|".join(sorted(NUM_WORDS, key=len, reverse=True))
    + r")\s+(?:(?:more|others?|people|civilians|residents)\s+)?(?:in|near|at)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)


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
        if not cas and kind is not None and (m := _BARE_COUNT.search(clause)):
            value = to_int(m.group("num"), None)  # "... killed three in A and two in B"
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


def _listed_casualties(
    text: str, sent: Sentence, places: list[Toponym]
) -> dict[int, Casualties] | None:
    """Each listed place's own toll: "killed three people in A and two in B" -> A 3, B 2.

    Keyed by the place's start, like ``listed_head_counts``: the counts told between the place
    before and this one are this place's; a bare number ("and two in B") counts what the count
    before it counted. None where no place after the first has a count of its own.
    """
    if len(places) < 2:
        return None
    ordered = sorted(places, key=lambda t: t.start)
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
        if not cas and kind is not None and (m := _BARE_COUNT.search(segment)):
            value = to_int(m.group("num"), None)
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
    return out


def _geo_precision(place: Place) -> GeoPrecision:
    if place.precision is not None:  # a village known only by its hromada's centre
        return place.precision
    return {
        PlaceKind.POPULATED_PLACE: GeoPrecision.SETTLEMENT,
        PlaceKind.POINT: GeoPrecision.SETTLEMENT,
        PlaceKind.ADMIN2: GeoPrecision.ADMIN2,
        PlaceKind.ADMIN1: GeoPrecision.ADMIN1,
        PlaceKind.REGION: GeoPrecision.REGION,
        PlaceKind.FEATURE: GeoPrecision.REGION,
        PlaceKind.COUNTRY: GeoPrecision.COUNTRY,
    }[place.kind]


# "The death toll ... rose to 11 on Saturday", "has risen to 44, the mayor said on Tuesday":
# the day after a rising toll is the day the count rose, not the strike's (told elsewhere:
# "Thursday's strike", "the barrage on Saturday").
_TOLL_RISE = re.compile(
    r"\b(?:death toll|toll|number of (?:people )?(?:dead|killed|deaths|injured|wounded))\b"
    r"[^.;]{0,160}?\b(?:rose|risen|rises|climbed|climbs|increased|jumped|grew)\s+to\s+"
    r"(?:at least\s+|more than\s+)?[\w,]+",
    re.IGNORECASE,
)
# a strike word between the count and the day: "rose to 16 after the attack on Sunday"
_STRIKE_WORD = re.compile(
    r"\b(?:attacks?|strikes?|struck|shelling|barrage|bombardment|raids?|explosions?|blasts?|"
    r"hit)\b",
    re.IGNORECASE,
)


# "a barrage on Saturday", "the strike early on Thursday": a strike word that owns the day after it
_STRIKE_BEFORE_DAY = re.compile(
    r"\b(?:attacks?|strikes?|shelling|barrage|bombardment|raids?)\s+(?:(?:early|late)\s+)?"
    r"(?:on|last)\s+$",
    re.IGNORECASE,
)

# "Thursday's early-morning strike": the day owns the strike word after it
_DAY_OWNS_STRIKE = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|shelling|barrage|bombardment|raids?)\b",
    re.IGNORECASE,
)


def _toll_rise_day(sentence: str, d: DateSpan) -> bool:
    """Whether a date of the sentence tells when a strike's toll rose, not when it struck.

    Only a date after the risen count with no strike word between them; "Saturday's strike"
    and "after the attack on Sunday" keep their day.
    """
    for m in _TOLL_RISE.finditer(sentence, 0, d.start_char):
        gap = sentence[m.end() : d.start_char]
        if (
            len(gap) < 90
            and not _STRIKE_WORD.search(gap)
            and not _POSSESSIVE_DAY.match(sentence, d.end_char)
        ):
            return True
    return False


# A line that holds only a time stamp: "11:03, 08.03.2025", "17:09", "08.03.2025 11:03".
_STAMP_LINE = re.compile(
    r"[ \t]*(?:\d{1,2}:\d{2}(?:,?[ \t]+\d{1,2}[./]\d{1,2}[./]\d{2,4})?|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,?[ \t]+\d{1,2}:\d{2})?)[ \t]*(?:\n|$)"
)


def _stamped_teaser(text: str, sent: Sentence) -> bool:
    """Whether a sentence is another story's headline in a list of links with their times.

    "Troops shell the town: one killed today" above a line "17:09, 27.02.2025": a teaser of
    another report, listed with its time, not this report's news. Only a line without a full
    stop that the stamp line follows at once.
    """
    nl = text.find("\n", sent.end)
    if nl < 0 or text[sent.end : nl].strip() or _SENTENCE_END.search(text, sent.start, nl):
        return False
    line_start = text.rfind("\n", 0, sent.start) + 1
    if text[line_start : sent.start].strip():
        return False
    return _STAMP_LINE.match(text, nl + 1) is not None


# A headline's closing attribution: "... strike on the city – officials", "... - governor".
_HEADLINE_SOURCE = re.compile(
    r"\s[–—-]\s+(?:[\w'’.]+\s+){0,2}[\w'’.]+[ \t]*(?:\n|$)", re.IGNORECASE
)


def _attributed_teaser(text: str, sent: Sentence) -> bool:
    """Whether a sentence is a headline line with its source set inside the report's body.

    "Several hurt in strike on the town – officials" on a line of its own, after paragraphs
    of the report, is another story's headline linked from the page (its own headline comes
    before the first full sentence). Only a whole line without a full stop.
    """
    line_start = text.rfind("\n", 0, sent.start) + 1
    nl = text.find("\n", sent.end)
    line_end = len(text) if nl < 0 else nl
    line = text[line_start:line_end]
    if (
        text[line_start : sent.start].strip()
        or text[sent.end : line_end].strip()
        or _SENTENCE_END.search(line)
        or not _HEADLINE_SOURCE.search(text, sent.start, line_end + 1 if nl >= 0 else line_end)
    ):
        return False
    # the body has begun: a full sentence ends on a line before this one
    return any(_SENTENCE_END.search(b) for b in text[:line_start].split("\n"))


# A caption whose picture is older than this is a file picture, not the news's own scene.
_PICTURE_AGE = dt.timedelta(days=30)


def _older_picture(text: str, captions: list, sent: Sentence, published: dt.date | None) -> bool:
    """Whether a sentence sits in a caption that dates its picture well before publication.

    "This photograph posted on May 2, 2022 shows the mayor at a depot burnt out in a
    drone attack" in a report of April 2024: the picture recalls an older strike.
    """
    if published is None:
        return False
    for c in captions:
        if c.start <= sent.start < c.end:
            days = find_dates(text[c.start : c.end], published=published)
            return any(
                d.precision is DatePrecision.DAY and d.end < published - _PICTURE_AGE for d in days
            )
    return False


def _redated(ev: Event, span: DateSpan) -> Event:
    """``ev`` dated by a date expression of the text: its days, precision and words."""
    return replace(
        ev,
        date_start=span.start,
        date_end=span.end,
        date_precision=span.precision,
        date_text=span.text,
    )


def _date_for(
    trig: Trigger, dates: list[DateSpan], triggers: list[Trigger], text: str
) -> DateSpan | None:
    """The date expression nearest to this trigger rather than to another trigger.

    A sentence with a single date expression dates all its events ("ordered ... on Monday,
    as Russian forces advanced"), and "since October 2022, when ... began their assault"
    gives the assault October 2022. Dates across a glued full stop ("on Tuesday.Russia") are
    another sentence's.
    """
    dates = [
        d
        for d in dates
        if not _GLUED.search(text, min(d.end_char, trig.end) - 1, max(d.start_char, trig.start) + 1)
        and not _in_speakers_clause(text, d, trig)
    ]
    for d in dates:
        if d.end_char <= trig.start and _POSSESSIVE_DAY.fullmatch(text, d.end_char, trig.start):
            return d  # "Tuesday's attack on Odesa": the day is the attack's own
    # ... and not an earlier one's: "the attack that killed three and Monday's attack"
    dates = [
        d
        for d in dates
        if not (
            d.start_char >= trig.end
            and any(
                d.end_char <= o.start and _POSSESSIVE_DAY.fullmatch(text, d.end_char, o.start)
                for o in triggers
                if o is not trig
            )
        )
    ]
    for d in dates:
        if trig.start > d.end_char and re.match(r",\s+when\b", text[d.end_char : d.end_char + 8]):
            if d.text.lower().startswith("since "):
                again = resolve_date(d.text[6:], published=d.end)
                if again is not None:
                    return replace(again, start_char=d.start_char, end_char=d.end_char)
            return d
    # "10 attacks on October 7th, followed by 12 assaults on October 8th": a date that follows
    # a trigger before any other trigger is that trigger's own.
    for d in sorted(dates, key=lambda d: d.start_char):
        if (
            d.start_char >= trig.end
            and not re.search(r"[,;:(]", text[trig.end : d.start_char])
            and not any(trig.end <= o.start < d.start_char for o in triggers if o is not trig)
            and not _FOLLOWS.search(text, trig.end, d.start_char)
        ):
            return d
        if d.start_char >= trig.end:
            break
    best, best_d = None, None
    lone = dates[0] if len(dates) == 1 else None
    for d in dates:
        if d.start_char >= trig.end and (
            _LATER_CLAUSE.search(text, trig.end, d.start_char)
            or _FOLLOWS.search(text, trig.end, d.start_char)
        ):
            continue  # the time of a later clause's own happening
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
    if best is None and lone is not None:
        # One date dates every event of the sentence ("ordered ... on Monday, as Russian
        # forces advanced"), unless another event stands between them: "evacuation ...
        # after a missile strike on Friday", "Izium, a town it retook last year".
        if lone.start_char >= trig.end:
            theirs = (
                _LATER_CLAUSE.search(text, trig.end, lone.start_char)
                or _FOLLOWS.search(text, trig.end, lone.start_char)
            ) or any(trig.end <= o.start < lone.start_char for o in triggers if o is not trig)
        else:  # "after the spring offensive ..., are now focusing on capturing"
            theirs = _AFTER_WHAT.search(
                text, max(0, lone.start_char - 30), lone.start_char
            ) and any(lone.end_char <= o.start < trig.start for o in triggers if o is not trig)
        if not theirs:
            return lone
    return best


# "X, who was the minister in 2014 and ..., announced that troops had left Y": the year is
# the speaker's own clause's, not the news the verb of saying reports.
_WHO_BEFORE = re.compile(r",\s+(?:who|which)\b[^.;]*$")
_SAYING_AFTER = re.compile(
    r"[^.;]*?,\s+(?:\w+\s+){0,2}?(?:announced|said|says|reported|claimed|stated|told|wrote)\b"
)


def _in_speakers_clause(text: str, d: DateSpan, trig: Trigger) -> bool:
    """Whether a date before a trigger sits in a relative clause about who reports it."""
    return (
        d.end_char <= trig.start
        and _WHO_BEFORE.search(text, max(0, d.start_char - 200), d.start_char) is not None
        and _SAYING_AFTER.match(text, d.end_char, trig.start) is not None
    )


def _since_range(
    trig: Trigger, dates: list[DateSpan], text: str, published: dt.date
) -> DateSpan | None:
    """An open range for "gains in X since Ukraine launched its invasion ... on August 6"."""
    m = re.search(r"\bsince\b", text[trig.end : trig.end + 80], re.IGNORECASE)
    if not m or "," in text[trig.end : trig.end + m.start()]:
        # "retaken Sudzha, held since its incursion in August 2024": after a comma the
        # "since" belongs to an aside about something else, not to this event's range.
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


def _near_spelling_only(t: Toponym) -> bool:
    """True when the place was read only as a near-spelling (geo.toponyms.near).

    Such a reading is weak evidence: kept among the article's places with its low confidence,
    but it does not make an event on its own (on our real development bulletins, the events
    near-spelled villages made were at a namesake about 100 km away, or not coded at all).
    A town of ``NEAR_TOWN_POPULATION`` or more is different: a misspelt "Lysycahnsk" has
    no namesake town to be confused with, and reports name such towns for what happens there.
    """
    return (t.place.population or 0) < NEAR_TOWN_POPULATION and any(
        c.match == "near" and c.place == t.place for c in t.candidates
    )


NEAR_TOWN_POPULATION = 20_000
_OBLAST_AFTER_GAP = re.compile(r",\s*(?:the\s+)?|\s+(?:in|of)\s+(?:the\s+)?")


def _oblast_confirms(text: str, t: Toponym, toponyms: Sequence[Toponym]) -> bool:
    """Whether the oblast told right after a near-spelled village is the one it lies in.

    A bulletin's "Ternov, Kharkiv region; ..." spells the village Ternova loosely but says
    where it is: a near reading in that oblast is no namesake guess.
    """
    m = _OBLAST_AFTER_GAP.match(text, t.end)
    if m is None:
        return False
    return any(
        o.start == m.end()
        and o.place is not None
        and o.place.kind is PlaceKind.ADMIN1
        and o.place.admin1_code == t.place.admin1_code
        for o in toponyms
    )


# "local residents were forced to evacuate": the people of the place just told
_LOCAL_PEOPLE = re.compile(r"\b(?:local|locals|місцев\w*|местн\w*)\b", re.IGNORECASE)


def _sole_place(tops: Sequence[Toponym]) -> list[Toponym]:
    """The one town or district the sentence before named, if it named only one.

    "Some 9,000 still live in X. Over two weeks 3,500 were taken out": a count of evacuees
    (or of people who fled), or of local people, that names no place follows the town just
    told. Not when that sentence named two places, nor a region or a country; not the
    evacuation of wounded soldiers (no count of people).
    """
    places = {t.place.place_id for t in tops}
    if len(places) == 1 and tops[-1].place.kind in (PlaceKind.POPULATED_PLACE, PlaceKind.ADMIN2):
        return [tops[-1]]
    return []


# What stands between the lines of a list: line breaks and the bullets the splitter leaves out.
_BULLET_GAP = re.compile(r"[\s\-–—•*·▪]*")


def extract_events(article: Article, toponyms: Sequence[Toponym]) -> list[Event]:
    """Extract dated events from an article whose toponyms are already resolved.

    Parameters
    ----------
    article
        The article; its ``published`` date anchors relative dates (events of an undated
        article are dated only where the sentence has an absolute date).
    toponyms
        The article's resolved toponyms (from :func:`geo.toponyms.geoparse.geoparse`).

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
            # not "Russian forces", "Kyiv said", "Kyiv Post"; but "Vinnytsia Airport" is there
            and (t.role is ToponymRole.LITERAL or names_airport(text, t))
            and not is_river(text, t)
            and not (_near_spelling_only(t) and not _oblast_confirms(text, t, toponyms))
        ),
        key=lambda t: t.start,
    )
    # Direct speech is used (a general's account of a withdrawal), as the speaker's claim.
    resolved = sorted(resolved + anaphors(text, resolved, []), key=lambda t: t.start)
    starts = [t.start for t in resolved]
    events: list[Event] = []
    apart: set[int] = set()  # events told as one more happening: never merged with earlier ones
    last_figure_event: int | None = None
    planned: set[int] = set()  # evacuations whose people are those planned for, not yet moved
    last_casualty_event: int | None = None
    prev_dated = None  # the last sentence's triggers and dates, for "the strike" after it
    # a dated report, where it ends and who made it ("ministry")
    last_report: tuple[DateSpan, int, str] | None = None
    captions = caption_spans(text)
    this_tops: list[Toponym] = []  # the places of the sentence before, for a placeless flight
    page_end = _page_end(text)
    # the last sentence's count of assaults that named no place ("repelled 4 attacks.")
    counted: tuple[Sentence, Trigger] | None = None
    # An evacuation order whose settlements follow one a line: where its last line ended, and
    # where the order's own sentence starts (its event gives the lines their day).
    order_lead: tuple[int, int] | None = None
    # An evacuation order reported so far ("decided to forcibly evacuate children from ..."):
    # later sentences that tell it in the future ("will be evacuated from A") give its places.
    order_told = False
    # An evacuation order just told, in a headline too: where its sentence starts, its
    # oblasts, and how many sentences have come since. One of the next two sentences that
    # only names settlements is the order's list (see ``order_list``).
    order_ctx: tuple[int, set[str], int] | None = None
    for sent in split_sentences(text):
        told_before, counted = counted, None
        prev_tops = this_tops
        this_tops = resolved[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        in_order = order_lead is not None and bool(
            _BULLET_GAP.fullmatch(text, order_lead[0], sent.start)
        )
        lead_at, order_lead = (order_lead[1] if in_order else -1), None
        if (
            sent.start >= page_end
            or (_is_headline(sent.text) and not in_order)  # "Shtanivka, Voronivka (X community);"
            or any(c.start <= sent.start < c.end and c.stock for c in captions)
            or _older_picture(text, captions, sent, published)
            or _stamped_teaser(text, sent)
            or _attributed_teaser(text, sent)
            or _LINK_LINE.match(sent.text)
            or _ILLUSTRATIVE_NEXT.match(text, sent.end, sent.end + 40)
        ):
            if _is_headline(sent.text) and not in_order:
                # "Mandatory Evacuation Of Families Begins In 19 Settlements Of X Region",
                # then the body names them: the headline is the list's order
                heads = _factual(text, sent, find_triggers(text, sent, []), order_told=order_told)
                if _orders(sent, heads):
                    order_ctx = (sent.start, _admin1s(this_tops), 0)
            # a headline restates the body, which has the dates and the details; "Read
            # also: ..." is a link to another story pasted with the text; a caption
            # ("... Photo: Getty Images", or followed by "Illustrative purposes only.")
            # describes a picture, often an older or a stock one
            continue
        # A credited picture of the news shows a strike's aftermath; the people in it
        # (evacuees at a shelter) are no evacuation or flight of their own.
        in_caption = any(c.start <= sent.start < c.end for c in captions)
        tops = resolved[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        squoted = within(quoted, sent.start, sent.end)
        found_words = find_triggers(text, sent, [], order_told=order_told)
        triggers = _factual(text, sent, found_words, order_told=order_told)
        order_told = order_told or _tells_order(sent, triggers)
        if in_caption:
            triggers = [t for t in triggers if t.type is EventType.ATTACK]
        if triggers and _SUMMARY_OF_STRIKES.match(sent.text):
            triggers = [t for t in triggers if t.type is not EventType.ATTACK]
        # Figures matter only with a trigger here, a strike before to carry them to, or a
        # place to tell them at.
        casualties = (
            parse_casualties(sent.text)
            # a caption's "a wounded woman" is who the picture shows, not the strike's toll
            if (triggers or last_casualty_event is not None or tops) and not in_caption
            else _NO_CASUALTIES
        )
        toll = (
            _toll_trigger(
                text,
                sent,
                tops,
                triggers,
                casualties,
                told_at=None if last_casualty_event is None else events[last_casualty_event].place,
            )
            if tops
            else None
        )
        if toll is not None:
            triggers = [*triggers, toll]
            found_words = [*found_words, toll]
        notice = _notice(text, sent, tops) if tops else None
        if notice is not None:
            triggers = [*triggers, notice[0]]
            found_words = [*found_words, notice[0]]
        listing = (
            umbrella_list(text, sent, events)
            if tops and all(t.type is EventType.STATEMENT for t in triggers)
            else None
        )
        if in_order and not triggers:
            # "- the village of A;" under "... evacuation starts from these villages:"
            # "Bilozerska hromada:" groups the next lines; it is no village of the list
            item = None if order_subheading(sent) else order_item(text, sent, tops)
            if item is not None:
                triggers, found_words = [item], [item, *found_words]
                lead = next(
                    (
                        e
                        for e in reversed(events)
                        if e.sentence_start == lead_at and e.event_type is EventType.EVACUATION
                    ),
                    None,
                )
                listing = None if lead is None else (item, lead)
                # the list goes on, past a full stop too: "- village A.\nX hromada:\n- village B;"
                order_lead = (sent.end, lead_at)
            elif order_subheading(sent) or order_line(text, sent, tops):
                order_lead = (sent.end, lead_at)  # a heading, or a village the gazetteer lacks
        if order_ctx is not None and _WORDY.search(sent.text):
            order_ctx = (order_ctx[0], order_ctx[1], order_ctx[2] + 1)  # a date line is none
        listed = None
        if (
            order_ctx is not None
            and order_ctx[2] <= 2
            and not in_order
            and listing is None
            and tops
            and all(t.type is EventType.STATEMENT for t in triggers)
        ):
            # "... ordered in 19 settlements of X region. The order applies to A, B and C."
            listed = order_list(text, sent, tops, order_ctx[1])
        if listed is not None:
            lead_ev = next(
                (
                    e
                    for e in reversed(events)
                    if e.sentence_start == order_ctx[0] and e.event_type is EventType.EVACUATION
                ),
                None,
            )
            if lead_ev is None:
                triggers, found_words = [listed, *triggers], [listed, *found_words]
            else:
                listing = (listed, lead_ev)
        elif any(t.type is not EventType.STATEMENT for t in triggers):
            # a sentence with news of its own ends the order's list, or tells a new order
            order_ctx = (sent.start, _admin1s(tops), 0) if _orders(sent, triggers) else None
        if opens_order_list(sent, triggers):
            order_lead = (sent.end, sent.start)
        if listing is not None:
            # "... near several villages. These include A and B, analysts said."
            triggers = [listing[0], *triggers]
            found_words = [listing[0], *found_words]
        elif (
            told_before is not None
            and tops
            and all(t.type is EventType.STATEMENT for t in triggers)
            and (where := _where_they_were(text, sent, told_before, events)) is not None
        ):
            # "Our units repelled four attacks. They were near A and B."
            triggers = [where, *triggers]
            found_words = [where, *found_words]
        counted = next(((sent, t) for t in triggers if t.type is EventType.OFFENSIVE), None)
        if not triggers:
            last_casualty_event = _carry_casualties(
                events,
                last_casualty_event,
                casualties,
                [],
                elsewhere=_named_elsewhere(text, sent, tops)
                or _other_regions(tops, events, last_casualty_event),
                other_day=_day_before_count(sent, casualties, published)
                if last_casualty_event is not None
                else None,
            )
            _carry_toll_day(events, text, sent, published)
            prev_dated = None
            continue
        # Head-counts go only to evacuations and displacements (here or carried back to one).
        people, children, plan = (
            head_counts(sent.text)
            if any(t.type in FIGURE_TYPES for t in triggers)
            else (None, None, False)
        )
        dates = [
            replace(d, start_char=d.start_char + sent.start, end_char=d.end_char + sent.start)
            for d in find_dates(sent.text, published=published)
            if not _toll_rise_day(sent.text, d)
        ]
        # "... a massive strike on Monday. The strike hit substations in Sumy": a definite
        # "the strike" is the one just told, and keeps its day. The last sentence's dates
        # are worked out only when this one asks for them.
        carried: dict[EventType, DateSpan] = {}
        if not dates and prev_dated is not None:
            for o in triggers:
                if o.type not in carried and _DEFINITE.search(text, sent.start, o.start):
                    p_trigs, p_dates, p_words, _ = prev_dated
                    for t in p_trigs:
                        if t.type is o.type and (d := _date_for(t, p_dates, p_words, text)):
                            carried[o.type] = d
                            break
        # the last sentence's events of a type: a definite "the capture of the village of X"
        # after captures of A and B is not one of them, and does not take their day
        told_before = (
            {
                (e.event_type, e.place.place_id)
                for e in events[prev_dated[3] :]
                if e.sentence_start < sent.start
            }
            if carried and prev_dated is not None
            else set()
        )
        prev_dated = (triggers, dates, found_words, len(events)) if dates else None
        for d in dates:
            if d.start == d.end and _REPORTED_ON.search(
                text, max(sent.start, d.start_char - 40), d.start_char
            ):
                who = _REPORTER.search(text, max(sent.start, d.start_char - 60), d.start_char)
                last_report = (
                    replace(d, start_char=-1, end_char=-1),
                    sent.end,
                    who.group("who").lower() if who else "",
                )
        toks = tokenize_sentence(text, sent, tops, dates, [])
        frame = fronted_place(text, sent, tops)
        found = []
        for trig in triggers:
            places = places_for(text, trig, toks, tops, dates)
            if (
                trig is toll
                and len(places) < len(tops)
                and _listed_casualties(text, sent, tops) is not None
            ):
                places = list(tops)  # "Three were injured in A, and two in B": each its toll
            elif trig is toll and _listed_casualties(text, sent, places) is None:
                places = places[:1]  # "in the Polohy district of Zaporizhzhia": the district
                places = places or _framing_town(text, sent, tops)  # "In the town of X, ..."
            elif notice is not None and trig is notice[0]:
                places = [notice[1]]
            if trig is listed and order_ctx is not None:
                # "A, B and C of the X community": X situates the list, it is not in it; a
                # namesake in another oblast is not the order's
                home = order_ctx[1] or {
                    next(
                        t for t in tops if t.place.kind is PlaceKind.POPULATED_PLACE
                    ).place.admin1_code
                }
                places = [
                    p
                    for p in places
                    if not names_community(text, p) and p.place.admin1_code in home
                ]
            if not places and trig.type is not EventType.STATEMENT:
                places = frame  # "In Kherson, artillery shelled the port district"
            if (
                not places
                and not tops
                and trig.type in FIGURE_TYPES
                and (people or children or _LOCAL_PEOPLE.search(sent.text))
            ):
                places = _sole_place(prev_tops)  # "... remain in X. 20,000 were evacuated."
            if not places and trig.type is EventType.ATTACK:
                places = _struck_before(text, sent, trig, tops)
            if not places and trig.type is EventType.ATTACK:
                places = _governed_place(text, trig, tops, found_words, sent)
            if not places and trig.type is EventType.ATTACK and casualties:
                places = _toll_place(text, trig, tops, found_words, casualties, sent)
            if (
                trig.type is EventType.ATTACK
                and casualties
                and all(p.place.kind is PlaceKind.COUNTRY for p in places)
            ):
                # "Two were killed in Kherson and three hurt in Mykolaiv as Russian forces
                # shelled southern Ukraine": the toll's own towns, not the country (an
                # oblast's toll of the day is a summary its towns' strikes may tell again)
                places = [
                    t
                    for t in _counted_places(text, sent, tops)
                    if t.place.kind is PlaceKind.POPULATED_PLACE
                ] or places
            if not places and found and found[-1][0].type is trig.type:
                gap = text[found[-1][0].end : trig.start]
                if re.search(r"\b(?:followed by|then|and another)\b", gap) or (
                    _AND_DAYS.search(gap)  # "Tuesday's attack on Odesa ... and Monday's attack"
                ):
                    places = found[-1][1]  # "..., followed by 12 assaults on October 8th"
            if places:
                found.append((trig, places))
        found = coerce_types(found, triggers)
        if any(t.type is not EventType.STATEMENT for t, _ in found):
            # "... evacuated from Kharkiv Oblast, the governor said during a briefing in
            # Kharkiv": the saying attributes the sentence's news, it is not news of its own
            found = [
                (t, ps)
                for t, ps in found
                if not (t.type is EventType.STATEMENT and t.text in _ATTRIBUTION)
            ]
        made_here = False
        background = False  # a running total or a trend told here: its figures are no one's
        casualties_used = False
        casualty_here: int | None = None
        first_here: int | None = None  # the sentence's first event, the main clause's
        owner = _toll_owner(found, casualties, sent)
        own_tolls = _tolls_per_strike(text, found, sent) if casualties else {}
        # "The second missile hit ...", "Another drone struck ...": every event of that type
        # in this sentence is a further happening.
        framed = {
            t.type for t in triggers if _also(_CLAUSE_MARK.split(text[sent.start : t.start])[-1])
        }
        further = {
            t.type
            for t in triggers
            if _ANOTHER.search(_CLAUSE_MARK.split(text[sent.start : t.start])[-1])
        }
        recalled = _AS_REPORTED.match(sent.text) is not None
        for trig, places in found:
            span = _since_range(trig, dates, text, published) if published else None
            span = span or _date_for(trig, dates, found_words, text)
            if span is None and trig.type in carried:
                there = {pid for et, pid in told_before if et is trig.type}
                if not there or any(t.place.place_id in there for t in places):
                    span = carried[trig.type]
            if span is None and (trig.type in further or trig.type in framed):
                span = _day_before(events, trig.type, sent.start)
            if span is None and listing is not None and trig is listing[0]:
                u = listing[1]  # the places the sentence before counted: its day
                span = DateSpan(u.date_start, u.date_end, u.date_precision, u.date_text, -1, -1)
            if span is None and trig is toll and last_casualty_event is not None:
                # "... shelled the district on Sunday. In X, a man was injured.": the toll of
                # a town told next is of that day's shelling
                span = _day_before(events[: last_casualty_event + 1], EventType.ATTACK, sent.start)
            if (
                span is None
                and last_report is not None
                and sent.start - last_report[1] < _REPORT_REACH
                and (
                    _ALSO_REPORTED.search(text, sent.start, sent.end)
                    or _same_reporter(last_report[2], sent.text)
                )
            ):
                # "The brigade also reported that ...", "the defence ministry said Sunday its
                # troops took a village. ... liberated X, the ministry said.": that report's day
                span = last_report[0]
            if span is None and (rel := _DAY_BEFORE_TOLD.search(text, sent.start, sent.end)):
                span = _next_to_told(events, rel, published, sent.start)
            if span is None and _TOLD_EARLIER.match(text, trig.end, sent.end):
                continue  # "the capture of which was reported earlier": old news, no day
            if span is None and trig.type is EventType.ATTACK:
                span = _oblast_lead_day(events, places, sent.start)
            if span is None and recalled and published is not None:
                # told before this report: that day or the one before, not known which
                eve = published - dt.timedelta(days=1)
                span = DateSpan(eve, published, DatePrecision.RANGE, "", -1, -1)
            if span is None:
                if published is None:
                    continue  # no anchor, no date: an undated dot would mislead
                span = DateSpan(published, published, DatePrecision.DAY, "", -1, -1)
            earlier = bool(
                (m := _DAYS_AFTER.search(text, sent.start, trig.start))
                and not (m.end() <= span.start_char < sent.end)
            )
            if earlier:
                # "The strike on the port came a day after two people were killed in an
                # attack on Orikhiv": the attack is a day before the strike's day; "a missile
                # hit Kremenchuk ... a year after an attack there" counts from the hit's day
                base = events[first_here].date_start if first_here is not None else span.start
                day = _earlier(base, int(_DAYS[m.group(1).lower()]), m.group(2).lower())
                span = DateSpan(day, day, DatePrecision.DAY, m.group(0), -1, -1)
            elif (
                m := _SOME_DAYS_AFTER.search(text, sent.start, trig.start)
            ) and not m.end() <= span.start_char < sent.end:
                base = events[first_here].date_start if first_here is not None else span.start
                back, near = _SOME[m.group("unit").lower()]
                span = DateSpan(
                    base - dt.timedelta(days=back),
                    base - dt.timedelta(days=near),
                    DatePrecision.RANGE,
                    m.group(0),
                    -1,
                    -1,
                )
            elif published is not None and span.start > published:
                continue  # "next week": a plan or a forecast, not something that happened
            status, claimed_by = status_for(text, sent, trig, squoted)
            if trig.type is EventType.OFFENSIVE and trig.text.startswith(
                ("advanc", "seiz", "captur")
            ):
                status = EventStatus.ATTEMPTED  # "trying to advance towards", "a bid to seize"
            listed = listed_head_counts(text, sent, places) if trig.type in FIGURE_TYPES else None
            tolls = (
                _listed_casualties(text, sent, places)
                if trig is owner and not casualties_used
                else None
            )
            for top in places:
                if top.place.kind is PlaceKind.COUNTRY and (
                    _THE_WAR.fullmatch(trig.text)
                    or _UNNAMED.search(text, trig.end, top.start)
                    # "attacks in the area of 15 settlements in eastern Ukraine were repelled"
                    or _UNNAMED_IN.search(text, max(sent.start, top.start - 50), top.start)
                    or 0 <= span.start_char < sent.start
                    or _war_country(text, sent, trig, top)
                ):
                    # "Russia's invasion of Ukraine": the war itself, background; "captured
                    # another village in eastern Ukraine": a place not named, no dot; "the
                    # strike was a reminder of life in Ukraine": the strike told before
                    continue
                if trig.type is EventType.ATTACK and _WATER.search(top.place.name):
                    continue  # "drones downed over the Sea of Azov": no ground was struck
                if trig.type is not EventType.EVACUATION and _AUTHORITY_NAME.match(text, top.end):
                    continue  # the authority that reports, not the ground it reports on
                if (
                    top.place.kind is PlaceKind.COUNTRY
                    and trig.type is EventType.DISPLACEMENT
                    and _RUNNING_TOTAL.search(sent.text)
                ) or (
                    top.place.kind in (PlaceKind.ADMIN1, PlaceKind.COUNTRY)
                    and trig.type in _CASUALTY_TYPES
                    and _TREND_BEFORE.search(text, max(sent.start, trig.start - 30), trig.start)
                ):
                    background = True
                    continue  # a running total, a trend over a region: background, no event
                if (
                    trig.type is EventType.ADVANCE
                    and top.place.kind is PlaceKind.ADMIN1
                    and _INDEFINITE_PLACE.match(text, trig.end, top.start)
                ):
                    # "seized a village lying in the Kharkiv region": the lead told
                    # before the village is named; the oblast is not the ground taken
                    continue
                top = as_direction(text, top)
                phrase = (trig.end, max(trig.end, top.start))
                if (
                    trig.type is EventType.ATTACK
                    or _CITIES.search(text, max(sent.start, trig.start - 30), phrase[1])
                ) and not (
                    _AREAS.search(text, *phrase)
                    or _LISTED_OBLASTS_AFTER.match(text, top.end, top.end + 80)
                ):
                    # "struck eight settlements in Zaporizhzhia" is the oblast, and so is each
                    # of "in Bryansk, Kursk and Belgorod oblasts"; a strike
                    # on "Zaporizhzhia", "cities under siege (Kharkiv, ...)" are the cities
                    top = namesake_city(top)
                own = listed.get(top.start) if listed is not None else None
                # "101 people from A and 58 from B": each place its own count, never B's on A
                ev = _event(
                    article,
                    _ground(trig, top, events, sent),
                    top,
                    _later_for(text, top, span),
                    sent,
                    *(own or (people, children)),
                    status,
                    claimed_by,
                )
                # "Other regions hit, including Kursk, Bryansk and Rostov, also reported no
                # casualties": none is every strike's of the sentence, not only the first's
                took_toll = (trig is owner and not casualties_used) or (
                    casualties_used
                    and trig.type is EventType.ATTACK
                    and casualties.killed == 0
                    and casualties.injured == 0
                )
                if id(trig) in own_tolls:
                    ev = _with_casualties(ev, own_tolls[id(trig)])
                elif tolls is not None:
                    # "killed three in A and two in B": each place its own toll, never B's on A
                    ev = _with_casualties(ev, tolls.get(top.start, _NO_CASUALTIES))
                elif took_toll:
                    ev = _with_casualties(ev, casualties)
                    casualties_used = trig.type is EventType.ATTACK
                if trig.type in further or recalled:
                    apart.add(len(events))
                first_here = len(events) if first_here is None else first_here
                events.append(ev)
                made_here = True
                if trig.type in FIGURE_TYPES:
                    last_figure_event = len(events) - 1
                    if plan and ev.people is not None:
                        planned.add(last_figure_event)
                    elif ev.people is not None:
                        _done_for_plan(events, planned, last_figure_event)
                # A toll told next is that of the strike that took this sentence's toll, else
                # of its first ("shelling hit Sumy" makes two readings of one strike), and
                # the city's, not the country's, in "shelling in Kharkiv, Ukraine"; never of
                # an earlier attack told for comparison ("a year after an attack there").
                finer = casualty_here is not None and (
                    events[casualty_here].geo_precision is GeoPrecision.COUNTRY
                    and ev.geo_precision is not GeoPrecision.COUNTRY
                )
                if (
                    trig.type in _CASUALTY_TYPES
                    and not earlier
                    and (casualty_here is None or took_toll or finer)
                ):
                    last_casualty_event = casualty_here = len(events) - 1
        if first_here is not None and casualties:
            _toll_by_place(events, first_here, text, sent, tops)
        shelled = (
            None
            if made_here
            else _shelling_of_the_fight(events, last_casualty_event, casualties, triggers, sent)
            or _another_strike_there(
                events, last_casualty_event, casualties, triggers, sent, text, dates, found_words
            )
        )
        if shelled is not None and shelled.event_type is EventType.ATTACK and shelled.date_text:
            apart.add(len(events))  # "A missile strike before dawn on Monday ...": its own
        if shelled is not None:
            events.append(shelled)
            last_casualty_event = len(events) - 1
        elif not made_here:
            before = None if last_casualty_event is None else events[last_casualty_event]
            last_casualty_event = _carry_casualties(
                events,
                last_casualty_event,
                casualties,
                triggers,
                definite=frozenset(
                    t.type for t in triggers if _DEFINITE.search(text, sent.start, t.start)
                ),
                elsewhere=_named_elsewhere(text, sent, tops),
                other_day=_day_before_count(sent, casualties, published),
            )
            _told_again(events, last_casualty_event, before, casualties, triggers, sent)
            if last_casualty_event == len(events) - 1 and dates:
                _carry_date(events, triggers, dates, found_words, text)
            _carry_toll_day(events, text, sent, published)
        # "More than 26,000 civilians ... have been forced to flee." names no place: its
        # figures belong to the evacuation just reported.
        if (
            not made_here
            and not background
            and (people or children)
            and last_figure_event is not None
            and any(t.type in FIGURE_TYPES for t in triggers)
        ):
            prev = events[last_figure_event]
            adjacent = sent.start - prev.sentence_end < 3
            # "... plan to evacuate 45,000. So far, 21,000 have left.": the count moved
            done = last_figure_event in planned and people is not None and not plan
            if done:
                planned.discard(last_figure_event)
            events[last_figure_event] = replace(
                prev,
                people=people if done or prev.people is None else prev.people,
                children=prev.children if prev.children is not None else children,
                quote=f"{prev.quote} {sent.text}" if adjacent else prev.quote,
                sentence_end=sent.end if adjacent else prev.sentence_end,
            )
    return consolidate(events, apart)


def _struck_before(text: str, sent: Sentence, trig: Trigger, tops: list[Toponym]) -> list:
    """The place of a clause that a closing "after a drone attack" explains.

    "a depot burned in Sevastopol after an apparent drone strike": the strike named only in
    the "after" clause hit the place where the fire broke out.
    """
    clause = _CLAUSE_MARK.split(text[sent.start : trig.start])[-1]
    if not _AFTER_STRIKE.search(clause):
        return []
    start = trig.start - len(clause)
    before = [t for t in tops if start <= t.start < trig.start][-1:]
    # a locative ("in Moscow-annexed Crimea"), not a modifier ("Kherson residents flee")
    return [t for t in before if _LOCATIVE_BEFORE.search(text, max(start, t.start - 40), t.start)]


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


def _counted_places(text: str, sent: Sentence, tops: list[Toponym]) -> list[Toponym]:
    """The places a sentence's counts are told at: "killed in A", "were injured in B"."""
    out = []
    for m in _TOLL_AT_PLACE.finditer(text, sent.start, sent.end):
        link = re.match(r"\s+(?:in|near|at)\s+(?:the\s+)?", text[m.end() : m.end() + 14])
        at = m.end() + (link.end() if link else 0)
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
    r"\s*(?:it|they|these|this|all of them)\s+(?:is|was|are|were|took place|happened)"
    r"(?=\s+(?:near|around|outside|in the areas? of|in the vicinity of)\b)",
    re.IGNORECASE,
)


def _where_they_were(
    text: str, sent: Sentence, told: tuple[Sentence, Trigger], events: list[Event]
) -> Trigger | None:
    """The places of assaults the sentence before counted without a place, as a trigger.

    "Ukrainian units repelled four attacks. It is near A, B.": the second sentence has no
    event word; its places are where the counted assaults were. Only right after that
    sentence, and only when it placed nothing itself.
    """
    before, trig = told
    m = _WHERE_THEY_WERE.match(sent.text)
    if (
        m is None
        or text[before.end : sent.start].strip()
        or any(e.sentence_start == before.start for e in events)
    ):
        return None
    return Trigger(trig.type, sent.start + m.start(), sent.start + m.end(), m.group().strip())


def _ground(trig: Trigger, top: Toponym, events: list[Event], sent: Sentence) -> Trigger:
    """A bare "attacks on Pokrovsk" at a place already told as ground fighting is that fighting.

    "fierce battles go on near Toretsk ... a spokesman called the attacks on Toretsk a
    torrent": without a missile, drone or shell named, the attacks are the assaults.
    """
    if (
        trig.type is EventType.ATTACK
        and trig.text.startswith("attack")
        and any(
            e.event_type in (EventType.OFFENSIVE, EventType.ADVANCE)
            and e.place.place_id == top.place.place_id
            for e in events
        )
        and not names_weapon(sent.text)
        and not parse_casualties(sent.text)
    ):
        return replace(trig, type=EventType.OFFENSIVE)
    return trig


def _notice(text: str, sent: Sentence, tops: list[Toponym]) -> tuple[Trigger, Toponym] | None:
    """A declaration or service notice and the place it applies to (docs/events.md).

    The place is the one named inside the phrase ("boarding for evacuation trains at the
    Kramatorsk station was halted"), else the first after it in the same clause ("a
    state of emergency in Belgorod Oblast"), else the last before it in the clause
    ("Pokrovsk's station has been closed for evacuations"). Country-level places are not
    where a regional notice applies, and no place gives no event.
    """
    low = ascii_lower(text)
    if low is not None:
        m = _NOTICE_LOW.search(low, sent.start, sent.end)
    else:
        m = _NOTICE.search(text, sent.start, sent.end)
    if m is None:
        return None
    s, e = m.span()
    local = [t for t in tops if t.place.kind is not PlaceKind.COUNTRY]
    inside = [t for t in local if s <= t.start and t.end <= e]
    after = [t for t in local if t.start >= e and not re.search(r"[,;:]", text[e : t.start])]
    before = [t for t in local if t.end <= s and not re.search(r"[,;:]", text[t.end : s])]
    place = (inside or after or before[-1:] or [None])[0]
    if place is None:
        return None
    return Trigger(EventType.STATEMENT, s, e, m.group().lower()), place


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
    tolls = {}
    for t, nxt in zip(strikes, [*strikes[1:], None], strict=True):
        cas = parse_casualties(text[t.end : nxt.start if nxt is not None else sent.end])
        if cas.killed or cas.injured:
            tolls[id(t)] = cas
    return tolls if len(tolls) >= 2 else {}


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
    return before[-1] if before else (trigs[0] if trigs else None)


def _done_for_plan(events: list[Event], planned: set[int], n: int) -> None:
    """Give an evacuation counted by its plan the count moved that a later event tells there.

    "Authorities plan to evacuate 45,000 people from Pokrovsk. So far 21,000 people have been
    evacuated from Pokrovsk.": one evacuation, of 21,000 so far.
    """
    ev = events[n]
    for k in sorted(planned):
        e = events[k]
        if e.event_type is ev.event_type and e.place.place_id == ev.place.place_id:
            events[k] = replace(e, people=ev.people)
            planned.discard(k)


def _earlier(day: dt.date, n: int, unit: str) -> dt.date:
    """``n`` days, weeks, months or years before ``day`` (the month's last day if shorter)."""
    if unit in ("day", "week"):
        return day - dt.timedelta(days=n * (7 if unit == "week" else 1))
    months = day.year * 12 + day.month - 1 - n * (12 if unit == "year" else 1)
    year, month = divmod(months, 12)
    for d in range(day.day, 0, -1):
        try:
            return dt.date(year, month + 1, d)
        except ValueError:
            continue
    return day


def _next_to_told(
    events: list[Event], rel: re.Match[str], published: dt.date | None, before: int
) -> DateSpan | None:
    """The day before (or after) the last day the text told, for "the night before".

    "Later the same day" is that day again. With no day told, "the night before" is the eve
    of publication; "the next day" and "the same day" are none. Only days told before the
    sentence at ``before`` count: a second event word of the sentence ("launched a missile
    strike") is the same day, not the day before the first's.
    """
    told = next(
        (
            e
            for e in reversed(events)
            if e.date_text and e.date_start == e.date_end and e.sentence_start < before
        ),
        None,
    )
    base = told.date_start if told is not None else published
    if base is None or (told is None and (rel.group("next") or rel.group("same"))):
        return None
    day = base + dt.timedelta(days=1 if rel.group("next") else 0 if rel.group("same") else -1)
    if published is not None and day > published:
        return None
    return DateSpan(day, day, DatePrecision.DAY, rel.group(0), -1, -1)


_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def _later_for(text: str, top: Toponym, span: DateSpan) -> DateSpan:
    """The day or month of a place told "N months later" than the sentence's date.

    "captured A in December 2023 and B two months later": B's capture is in February 2024.
    Only a span the text gave (a day or a month) is moved; the place's event keeps its
    precision.
    """
    m = LATER_AFTER.match(text, top.end)
    if m is None or not span.text or span.precision not in (DatePrecision.DAY, DatePrecision.MONTH):
        return span
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    unit = m.group("unit").lower()
    if unit in ("day", "week"):
        step = dt.timedelta(days=n * (7 if unit == "week" else 1))
        return replace(span, start=span.start + step, end=span.end + step, text=m.group(0).strip())
    months = n * (12 if unit == "year" else 1)
    index = span.start.year * 12 + span.start.month - 1 + months
    first = dt.date(index // 12, index % 12 + 1, 1)
    if span.precision is DatePrecision.DAY:
        day = min(span.start.day, calendar.monthrange(first.year, first.month)[1])
        first = first.replace(day=day)
        return replace(span, start=first, end=first, text=m.group(0).strip())
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return replace(span, start=first, end=last, text=m.group(0).strip())


def _oblast_lead_day(events: list[Event], places: list[Toponym], at: int) -> DateSpan | None:
    """The day of an oblast's strikes told just before, for an undated strike in that oblast.

    "Russian attacks on Kherson Oblast on Dec. 19 killed two. ... Residential areas of Kherson
    came under fire.": the city's strike is one the lead summed up, on the lead's day. Only
    the last strike told within two sentences or so, and only when it was the oblast's.
    """
    codes = {t.place.admin1_code for t in places}
    if not codes or None in codes:
        return None
    for ev in reversed(events):
        if at - ev.sentence_end > _CONTEXT_CHARS:
            return None
        if ev.event_type is not EventType.ATTACK:
            continue
        if (
            ev.date_text
            and ev.geo_precision is GeoPrecision.ADMIN1
            and codes == {ev.place.admin1_code}
        ):
            return DateSpan(ev.date_start, ev.date_end, ev.date_precision, ev.date_text, -1, -1)
        if ev.date_text or codes != {ev.place.admin1_code}:
            return None
        # an undated retelling of the oblast's strikes ("attacked the region 42 times")
    return None


def _day_before(events: list[Event], etype: EventType, at: int) -> DateSpan | None:
    """The text-given day of the last event of a type told just before ``at``, if any."""
    for ev in reversed(events):
        if at - ev.sentence_end > _CONTEXT_CHARS:
            return None
        if ev.event_type is etype and ev.date_text:
            return DateSpan(ev.date_start, ev.date_end, ev.date_precision, ev.date_text, -1, -1)
    return None


def _factual(
    text: str, sent: Sentence, triggers: list[Trigger], *, order_told: bool = False
) -> list[Trigger]:
    """Drop planned, hoped-for and compared triggers; a tried capture is an offensive."""
    out = []
    for trig in triggers:
        if trig.type is EventType.OFFENSIVE and _FOR_LIFE.match(text, trig.end):
            continue  # "doctors fought for the lives of two wounded soldiers"
        if not_factual(text, sent, trig, order_told=order_told):
            continue  # "could aid in the capture of", "reminiscent of the battle for"
        if trig.type is EventType.ADVANCE and tried(text, sent, trig):
            trig = replace(trig, type=EventType.OFFENSIVE)  # "in a bid to seize": not taken
        out.append(trig)
    return out


# Words that make a reported evacuation an order given: "decided to forcibly evacuate",
# "the decision on the mandatory evacuation was adopted", "announced an evacuation".
_ORDER_GIVEN = re.compile(
    r"\b(?:decided|decision|ordered|orders?|announced|declared|introduced)\b", re.IGNORECASE
)


def _tells_order(sent: Sentence, triggers: list[Trigger]) -> bool:
    """Whether the sentence reports an evacuation order as given (not planned)."""
    return any(t.type is EventType.EVACUATION for t in triggers) and bool(
        _ORDER_GIVEN.search(sent.text) or ORDER_MARK.search(sent.text)
    )


# An order counted by its settlements: "in 19 more settlements", "з 12 населених пунктів".
_COUNTED_SETTLEMENTS = re.compile(
    rf"\b(?:\d+|{'|'.join(NUM_WORDS)})\s+(?:(?:more|other|further|ще)\s+)?"
    r"(?:settlements|villages|towns|localities|communities|hromadas|населених\s+пунктів|"
    r"населенных\s+пунктов|сіл|сел|громад)\b",
    re.IGNORECASE,
)
# "оголосили примусову евакуацію", "объявлена обязательная эвакуация": an order given.
_ORDER_GIVEN_CYR = re.compile(
    r"(?:оголош|оголоси|запровадж|ухвал|примусов|обов['’ʼ]?язков|объяв|принудительн|"
    r"обязательн|введен)",
    re.IGNORECASE,
)
_WORDY = re.compile(r"[^\W\d_]{4,}")


def _orders(sent: Sentence, triggers: list[Trigger]) -> bool:
    """Whether a sentence tells an evacuation order: given, or counted by settlements."""
    return _tells_order(sent, triggers) or (
        any(t.type is EventType.EVACUATION for t in triggers)
        and (
            _COUNTED_SETTLEMENTS.search(sent.text) is not None
            or _ORDER_GIVEN_CYR.search(sent.text) is not None
        )
    )


def _admin1s(tops: list[Toponym]) -> set[str]:
    """The oblasts of a sentence's places (an order's, which its list must lie in)."""
    return {t.place.admin1_code for t in tops if t.place.admin1_code}


def _with_casualties(ev: Event, cas: Casualties) -> Event:
    return replace(
        ev,
        killed=ev.killed if ev.killed is not None else cas.killed,
        injured=ev.injured if ev.injured is not None else cas.injured,
        figures_text="; ".join(t for t in (ev.figures_text, cas.text) if t),
    )


def _carry_date(
    events: list[Event],
    triggers: list[Trigger],
    dates: list[DateSpan],
    words: list[Trigger],
    text: str,
) -> None:
    """Give a placeless sentence's day to the strike just reported without one.

    "The strike on a cafe in Kramatorsk ..." then "Shortly before noon on Monday, two
    missiles hit the square, killing nine people.": the sentence without a place tells when
    the strike the article is about happened, as it tells its toll.
    """
    ev = events[-1]
    if ev.date_text or ev.event_type is not EventType.ATTACK:
        return
    for trig in triggers:
        if trig.type is not ev.event_type:
            continue
        span = _date_for(trig, dates, words, text)
        if span is not None and span.start <= ev.date_start:
            events[-1] = _redated(ev, span)
            return


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


def _carry_toll_day(
    events: list[Event], text: str, sent: Sentence, published: dt.date | None
) -> None:
    """Give a rising toll's strike the day a placeless sentence after it tells.

    "The death toll from the strike on X has risen to 29." then "Crews worked through the
    night at the building, the worst-hit place in Saturday's barrage.": the toll is told
    on the day it rose; the strike's own day comes in the next sentences. Only for the last
    event, a strike without a day of its own told with its rising toll, within two sentences.
    """
    if not events:
        return
    ev = events[-1]
    if (
        ev.date_text
        or ev.event_type is not EventType.ATTACK
        or not _TOLL_RISE.search(ev.quote)
        or len(split_sentences(text[ev.sentence_end : sent.start])) > 1
    ):
        return
    for found in find_dates(sent.text, published=published):
        d = replace(
            found, start_char=found.start_char + sent.start, end_char=found.end_char + sent.start
        )
        before = text[max(sent.start, d.start_char - 40) : d.start_char]
        if not (_STRIKE_BEFORE_DAY.search(before) or _DAY_OWNS_STRIKE.match(text, d.end_char)):
            continue
        if d.end <= ev.date_start:
            events[-1] = _redated(ev, d)
        return


# A unit named by a name the geoparser did not resolve: "by the river in the Zarichnyi
# district", "in the Marhanets community".
_UNRESOLVED_UNIT = re.compile(
    r"\b(?:in|near|of|at)\s+the\s+(?P<name>[A-Z][\w'’-]+)\s+"
    r"(?:district|community|hromada|raion|village|settlement)\b"
)


_ELSEWHERE = re.compile(r"\W*(?:meanwhile|separately|elsewhere)\b", re.IGNORECASE)


def _named_elsewhere(text: str, sent: Sentence, tops: list[Toponym]) -> bool:
    """Whether a sentence tells of another place, a district or community none resolves.

    Only after "Meanwhile", "Separately", "Elsewhere": "one bomb exploded in the X district"
    alone may be a district of the city struck, told again.
    """
    return _ELSEWHERE.match(sent.text) is not None and any(
        not any(t.start <= sent.start + m.start("name") < t.end for t in tops)
        for m in _UNRESOLVED_UNIT.finditer(sent.text)
    )


def _day_before_count(
    sent: Sentence, cas: Casualties, published: dt.date | None
) -> DateSpan | None:
    """The day a sentence tells before its count, not as the day of a report.

    "Attacks on the region on Oct. 8 killed one" tells its strike's day; in "Five were
    injured, the governor said on Tuesday" the day comes after the count and is the report's.
    """
    if not cas or cas.start < 0:
        return None
    for d in find_dates(sent.text[: cas.start], published=published):
        if d.precision is DatePrecision.DAY and not _REPORTED_ON.search(
            sent.text, max(0, d.start_char - 40), d.start_char
        ):
            return d
    return None


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


def _carry_casualties(
    events: list[Event],
    last: int | None,
    cas: Casualties,
    triggers: list[Trigger],
    *,
    definite: frozenset[EventType] = frozenset(),
    elsewhere: bool = False,
    other_day: DateSpan | None = None,
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
        # been reported.": none is the toll of every strike of the sentence before
        for k, other in enumerate(events):
            if (
                other.sentence_start == ev.sentence_start
                and other.event_type is ev.event_type
                and other.killed is None
                and other.injured is None
            ):
                events[k] = replace(other, killed=0, injured=0, figures_text=cas.text)
        return last
    # "One killed and two others injured ... two other men had been injured": the same two
    same = cas.more_by_other and (cas.killed, cas.injured) in {
        (ev.killed, None),
        (None, ev.injured),
    }
    killed = _added(ev.killed, cas.killed, more=cas.more_killed and not same)
    # "Five out of 13 victims are in intensive care. Seven more were sent home": the rest
    injured = _added(
        ev.injured,
        cas.injured,
        more=cas.more_injured and not same and not whole_told(ev.figures_text),
    )
    if cas.update:  # "the death toll rose to 40": the higher count is the later one
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


# "A missile strike before dawn on Monday killed two.": a strike told with an indefinite
# article, its own day and its own toll, after the article's strike already has one.
_INDEFINITE_STRIKE = re.compile(
    r"(?:^|[,;:]\s*)(?:an?|another|an earlier|a previous|a separate)\s+(?:[\w-]+\s+){0,2}$",
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
    ev = events[last]
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
        or sent.start - ev.sentence_end > _REPORT_REACH
    ):
        return None
    trig = next(
        (
            t
            for t in triggers
            if t.type is EventType.ATTACK
            and _INDEFINITE_STRIKE.search(text[sent.start : t.start])
            and t.start < sent.start + max(cas.start, 0)
        ),
        None,
    )
    span = _date_for(trig, dates, words, text) if trig is not None else None
    if span is None:
        return None
    return replace(
        ev,
        event_id=_event_id(ev.article_id, EventType.ATTACK, ev.place.place_id, trig.start),
        date_start=span.start,
        date_end=span.end,
        date_precision=span.precision,
        date_text=span.text,
        quote=sent.text,
        sentence_start=sent.start,
        sentence_end=sent.end,
        status=EventStatus.HAPPENED,
        claimed_by="",
        killed=cas.killed,
        injured=cas.injured,
        figures_text=cas.text,
    )


def _added(have: int | None, told: int | None, *, more: bool) -> int | None:
    """The event's figure after a later sentence's count: filled, or added to when "more"."""
    if told is None:
        return have
    if have is None:
        return told
    return have + told if more else have


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
    if any(t.type in _CASUALTY_TYPES for t in triggers):
        return None
    if cas.end >= 0 and (cas.killed or cas.injured):
        at = sent.start + cas.end
        # "Two people were killed in A and three were injured in B": from the first count's place
        if m := _TOLL_AT_PLACE.search(text, sent.start + max(cas.start, 0), at):
            at = m.end()
    elif m := _UNCOUNTED_TOLL.search(text, sent.start, sent.end):
        at = m.end()  # "Children were injured in Liubotyn": a toll without its count
    else:
        return _town_toll_at(text, sent, tops, cas, told_at)
    if not any(
        at <= t.start < at + 40 and t.place.kind is not PlaceKind.COUNTRY for t in tops
    ) or not re.match(r"\s+(?:in|near|on|at)\b", text[at : at + 8]):
        return _town_toll_at(text, sent, tops, cas, told_at)
    word = re.search(r"[\w-]+$", text[sent.start : at]).group()
    return Trigger(EventType.ATTACK, at - len(word), at, word.lower())


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
    if (
        not town
        or town[0].start > at + 40
        or town[0].place.kind is not PlaceKind.POPULATED_PLACE
        # the strike told before takes a count of its own town as ever; none told of one town
        # is that town's alone, not every strike's of the sentence before
        or (
            told_at is not None
            and town[0].place.place_id == told_at.place_id
            and (cas.killed or cas.injured)
        )
        or (told_at is None and _REPORT_WORD.search(text, town[0].end, at))
    ):
        return None
    word = re.search(r"[\w-]+$", text[sent.start : at]).group()
    return Trigger(EventType.ATTACK, at - len(word), at, word.lower())


def _event(
    article: Article,
    trig: Trigger,
    top: Toponym,
    span: DateSpan,
    sent: Sentence,
    people: int | None,
    children: int | None,
    status: EventStatus = EventStatus.HAPPENED,
    claimed_by: str = "",
) -> Event:
    figures = trig.type in FIGURE_TYPES
    return Event(
        event_id=_event_id(article.article_id, trig.type, top.place.place_id, trig.start),
        article_id=article.article_id,
        event_type=trig.type,
        place=top.place,
        surface=top.surface,
        date_start=span.start,
        date_end=span.end,
        date_precision=span.precision,
        geo_precision=_geo_precision(top.place),
        quote=sent.text,
        sentence_start=sent.start,
        sentence_end=sent.end,
        people=people if figures else None,
        children=children if figures else None,
        date_text=span.text,
        confidence=round(top.confidence * (1.0 if span.start_char >= 0 else 0.8), 3),
        status=status,
        claimed_by=claimed_by,
    )


def _also(clause: str) -> bool:
    low = caseless_lower(clause)
    if low is not None:
        return _ALSO_LOW.search(low) is not None
    return _ALSO.search(clause) is not None


def _is_headline(sentence: str) -> bool:
    if sentence.rstrip().endswith("."):
        return False  # the cheap test first: most sentences end so
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", sentence) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.8


def _war_country(text: str, sent: Sentence, trig: Trigger, top: Toponym) -> bool:
    """Whether an event at Ukraine or Russia as a whole is the war, not a happening.

    "the overnight strikes on Ukraine on 3 May" name no place a strike hit (the places come
    in other sentences, or not at all); "until Russia began its full-scale offensive against
    Ukraine" is the war itself; in "Russia advances in the south" the country is the army.
    """
    if top.place.country_code not in _WAR_COUNTRIES:
        return False
    if trig.type is EventType.ATTACK:
        return True
    if trig.type is EventType.ADVANCE and top.end <= trig.start:
        return True  # "Russia advances in the south": the army's country, not the ground won
    return trig.type is EventType.OFFENSIVE and bool(
        _MILITARY_BEFORE.search(text, max(sent.start, trig.start - 30), trig.start)
    )


# Asked of most sentences, and most hold no match: each asks its lower-case twin first
# (geo.text.casefold.Gated). Set here, after every definition, so each reads as written above.
_LINK_LINE, _SUMMARY_OF_STRIKES, _REPORTED_ON, _DAYS_AFTER, _SOME_DAYS_AFTER = map(
    Gated, (_LINK_LINE, _SUMMARY_OF_STRIKES, _REPORTED_ON, _DAYS_AFTER, _SOME_DAYS_AFTER)
)
_UNCOUNTED_TOLL = Gated(_UNCOUNTED_TOLL)
