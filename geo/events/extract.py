"""Sentence-level event extraction: type, place, date range, figures and the quote.

Rules follow docs/events.md: each trigger word takes the place its phrase attaches to it (not
every place in the sentence), the nearest date expression (else the publication date) and,
for evacuations and displacement, the head-counts; the sentence is kept as provenance.

This module is the sentence loop; its stages live beside it: ``geo.events.furniture`` (page
furniture skipped), ``geo.events.dating`` (a trigger's date, days told before or after),
``geo.events.tolls`` (killed and injured given to a strike, across sentences) and
``geo.events.build`` (the ``Event`` a kept trigger becomes).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from geo.events.backdrop import news_not_setting
from geo.events.build import _event, event_with
from geo.events.casualties import Casualties, parse_casualties
from geo.events.dating import (
    _ALSO_REPORTED,
    _AND_DAYS,
    _AS_REPORTED,
    _DAY_BEFORE_TOLD,
    _DAYS,
    _DAYS_AFTER,
    _HALF,
    _REPORT_REACH,
    _REPORTED_ON,
    _REPORTER,
    _SLACK,
    _SOME,
    _SOME_DAYS_AFTER,
    _TOLD_EARLIER,
    _carry_date,
    _carry_toll_day,
    _date_for,
    _day_before,
    _day_before_count,
    _earlier,
    _later_for,
    _next_to_told,
    _oblast_lead_day,
    _reported_day,
    _same_reporter,
    _since_range,
    _toll_rise_day,
    habitual_span,
    joined_months,
    reporting_period,
)
from geo.events.figures import NUM_WORDS, head_counts, listed_head_counts, parse_figures, to_int
from geo.events.furniture import (
    _ILLUSTRATIVE_NEXT,
    _LINK_LINE,
    _attributed_teaser,
    _is_headline,
    _older_picture,
    _page_end,
    _stamped_teaser,
)
from geo.events.listed import community_counts, inline_order_places
from geo.events.merge import (
    consolidate,
    names_community,
    oblast_summaries_dropped,
    opens_order_list,
    order_item,
    order_line,
    order_list,
    order_subheading,
    umbrella_list,
)
from geo.events.places import (
    anaphors,
    as_direction,
    describes_place,
    front_anchors,
    fronted_place,
    hyphened_modifier,
    is_oblast_centre_namesake,
    is_river,
    names_airport,
    namesake_city,
    oblast_index,
    off_the_front,
    places_for,
    route_named_origin,
    route_origin,
    situates_frame,
    situates_unknown_settlement,
    situating_points,
    tokenize_sentence,
    unstrayed,
    victims_home,
    within,
)
from geo.events.results import (
    clause_place,
    headed_place,
    members_places,
    range_places,
    result_places,
    speakers_place,
)
from geo.events.status import not_factual, status_for, tried
from geo.events.tolls import (
    _CASUALTY_TYPES,
    _NO_CASUALTIES,
    _another_strike_there,
    _carry_casualties,
    _counted_places,
    _deaths_told_before,
    _framing_town,
    _governed_place,
    _listed_casualties,
    _named_elsewhere,
    _other_regions,
    _past_victims,
    _shelling_of_the_fight,
    _subject_town,
    _take_back,
    _told_again,
    _toll_by_place,
    _toll_owner,
    _toll_place,
    _toll_told_before,
    _toll_trigger,
    _tolls_per_strike,
    _where_they_were,
    _with_casualties,
    lead_toll,
    part_of_whole,
    shared_out_without_whole,
    subject_oblast,
    toll_told_on,
    victims_counted,
)
from geo.events.triggers import (
    FIGURE_TYPES,
    GROUND_TYPES,
    ORDER_MARK,
    OWN_MEANS_AFTER,
    PUSHED_INTO,
    TRIGGERS,
    Trigger,
    captives_after,
    clause_tail,
    coerce_types,
    find_triggers,
    names_weapon,
)
from geo.places.boundaries import has_land_border
from geo.places.spatial import great_circle_km
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
from geo.text.date_patterns import MON_FULL
from geo.text.dates import find_dates
from geo.text.literals import absent, required_literals
from geo.text.sentences import Sentence, split_sentences

__all__ = ["TRIGGERS", "extract_events", "parse_figures", "split_sentences"]

_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_THE_WAR = re.compile(r"invasion|invaded|full-scale invasion", re.IGNORECASE)
_WAR_COUNTRIES = frozenset({"UA", "RU"})
# A paragraph labelled as the story's background ("Background: On the night of 4 May, ..."):
# a happening told before, dated by its own words, is another one than the day's news.
_BACKGROUND_LABEL = re.compile(r"\W*(?:background|context)\s*:", re.IGNORECASE)
_ATTRIBUTION = frozenset({"said", "says", "stated", "speaking"})
_LISTED_OBLASTS_AFTER = re.compile(
    r"(?:\s*(?:,|,?\s+and)\s+[A-Z][\w'’-]*)*\s+(?:[Oo]blasts|[Rr]egions|[Pp]rovinces)\b"
)
# "seized a 'key' settlement in ...", a headline's "capture of another settlement in ...":
# a quoted word describes the place too, and a noun trigger takes it after "of".
_INDEFINITE_PLACE = re.compile(
    r"\s+(?:of\s+)?(?P<count>a|another|one more|two|three|four|several|a few|more|"
    r"a number of|a series of|dozens of|many|numerous)\s+"
    r"(?:[\w\"'“”‘’-]+\s+){0,2}?(?:villages?|settlements?|hamlets?|towns?)\b",
    re.IGNORECASE,
)
_ONE_MORE_WORDS = frozenset({"a", "another", "one more"})
# Ground told by its surface: "182 square kilometres (70 square miles) of", "300 sq km in".
_SURFACE_OBJECT = re.compile(
    r"\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|up\s+to|another|a\s+further|"
    r"at\s+least|roughly|approximately)\s+)*(?:[\d.,]+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|a\s+few|several|hundreds\s+of|thousands\s+of)\s+(?:thousand\s+)?"
    r"(?:square\s+(?:kilomet(?:er|re)s?|miles?|km)|sq\.?\s*(?:km|mi(?:les)?)|km2|km²|hectares?)\b",
    re.IGNORECASE,
)
_WIDE_KINDS = (PlaceKind.ADMIN1, PlaceKind.REGION, PlaceKind.COUNTRY)
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
_AREAS = re.compile(
    # "regions" too: "targeted nine regions - Sumy, Kharkiv, ..." lists oblasts, not cities
    r"\b(?:areas|settlements|villages|towns|communities|districts|localities|regions|oblasts|"
    r"provinces)\b",
    re.IGNORECASE,
)
# "the strike", "the second strike", "the order for evacuation": one already told
_CARRY_DAYS = 7  # the longest span a definite "the strike" takes from the sentence before
_DEFINITE = re.compile(r"\b[Tt]he\s+(?:\w+\s+(?:(?:for|of|on)\s+)?)?$")
_CITIES = re.compile(r"\b(?:city|cities|towns?)\b", re.IGNORECASE)
# The next item of a strike's listed objects: ", an administrative building", ", and a school"
_NEXT_OBJECT = re.compile(r",\s+(?:and\s+)?(?:an?|another)\s")
# A place's share of a total, told in its aside: "9,500 people, including 6,500 in the X
# region" (not the children of the total: "including 100 children from X")
_SHARE_BEFORE = re.compile(
    r",\s*including\s+(?:(?:more|fewer|less)\s+than\s+|over\s+|about\s+|around\s+|"
    r"almost\s+|nearly\s+|some\s+)?(?P<num>\d[\d,]*)\s+"
    r"(?:(?!children\b|minors\b|kids\b)[a-z]+\s+)?(?:in|from)\s+(?:the\s+)?$"
)
# "in the northeastern region of Kharkiv": the oblast named by its centre, told as a region
_REGION_OF = re.compile(r"\b(?:region|province|oblast)\s+of\s+$", re.IGNORECASE)
# An evacuation decided as an order: its start may still be ahead, the order is news now.
_ORDER_WORDS = re.compile(
    r"\b(?:mandatory|compulsory|forced|forcibl[ey]|obligatory|ordered|decided|decision)\b",
    re.IGNORECASE,
)
_ORDER_LEAD_DAYS = 14


def _ordered_start(trig, sentence: str, span: DateSpan, published: dt.date) -> bool:
    """Whether a future day is when an evacuation already ordered begins.

    "The mandatory evacuation of families from X will begin on Monday": the order is given
    (it is what the news tells), only its start lies ahead; a plan ("will evacuate next
    month") has no order word. Only a start within two weeks of publication counts.
    """
    return (
        trig.type is EventType.EVACUATION
        and (span.start - published).days <= _ORDER_LEAD_DAYS
        and _ORDER_WORDS.search(sentence) is not None
    )


_UNNAMED = re.compile(r"\b(?:villages?|towns?|settlements?|cit(?:y|ies)|hamlets?)\b", re.I)
# settlements not named, counted in the country: "15 settlements in eastern Ukraine"
_UNNAMED_IN = re.compile(
    r"\b(?:villages|towns|settlements|cities|hamlets|localities|communities)\s+"
    r"(?:in|of|across|throughout)\s+(?:(?:the\s+)?(?:[\w-]+ern|central)\s+)?$",
    re.IGNORECASE,
)
# "The second missile hit a village near Kramatorsk", "another strike hit the port", "a
# separate attack": a happening told as one more, not the one just reported again.
_ANOTHER = re.compile(
    r"^\s*(?:(?:the|a|an)\s+)?(?:second|third|fourth|fifth|another|separate|further)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "The second round of talks ended in X": the ordinal numbers the round, the talks' name, not
# one more meeting than the headline's "talks in X" (the same talks told again).
_ROUND_OF = re.compile(r"\bround\s+of\s+$", re.IGNORECASE)
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
# Words one of which every match holds (geo.text.literals): asked of each sentence with a
# place, and most have none of them, which ``in`` tells faster than the pattern.
_NOTICE_WORDS = tuple(sorted(required_literals(_NOTICE_LOW) or ()))
_ALSO_LOW = lower_twin(_ALSO)
_FOR_LIFE = re.compile(r"\s+for\s+(?:the|his|her|their|its)\s+li(?:fe|ves)\b", re.IGNORECASE)


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
_NEAR_TOWN_AFTER = re.compile(r",?\s+near\s+(?:the\s+(?:city|town|village)\s+of\s+)?")
_NEAR_TOWN_KM = 40


_OBLAST_AFTER_GAP = re.compile(r",\s*(?:the\s+)?|\s+(?:in|of)\s+(?:the\s+)?")


def _oblast_confirms(text: str, t: Toponym, toponyms: Sequence[Toponym]) -> bool:
    """Whether the oblast told right after a near-spelled village is the one it lies in.

    A bulletin's "Ternov, Kharkiv region; ..." spells the village Ternova loosely but says
    where it is: a near reading in that oblast is no namesake guess.
    """
    if near := _NEAR_TOWN_AFTER.match(text, t.end):
        # "the hamlet of Synkivke near Kupiansk": a reading within reach of the
        # town it is told to lie near is no namesake guess either
        return any(
            o.start == near.end()
            and o.place is not None
            and o.place.kind is PlaceKind.POPULATED_PLACE
            and o.place.place_id != t.place.place_id
            and great_circle_km(o.place.lat, o.place.lon, t.place.lat, t.place.lon) <= _NEAR_TOWN_KM
            for o in toponyms
        )
    m = _OBLAST_AFTER_GAP.match(text, t.end)
    return (
        m is not None
        and any(o.admin1_code == t.place.admin1_code for o in _oblasts_at(toponyms, m.end()))
    ) or _listed_in_told_oblast(text, t, toponyms)


_SENTENCE_GAP = re.compile(r"[.;!?]\s")


def _listed_in_told_oblast(text: str, t: Toponym, toponyms: Sequence[Toponym]) -> bool:
    """Whether a near-spelled village is one of a list that its sentence's one oblast holds.

    "shelled towns of the X region, including the cities of A, B and the village of C": the
    oblast told before the list says where all its items lie, as "C, X region" does for one.
    Only where the sentence names that oblast alone among oblasts, and another item of the
    list is a sure reading in it.
    """
    lo = max(0, t.start - 300)
    cut = [m.end() for m in _SENTENCE_GAP.finditer(text, lo, t.start)]
    lo = cut[-1] if cut else lo
    hi = m.start() if (m := _SENTENCE_GAP.search(text, t.end)) else len(text)
    inside = [o for o in toponyms if lo <= o.start < hi and o.place is not None]
    oblasts = {o.place.admin1_code for o in inside if o.place.kind is PlaceKind.ADMIN1}
    told_at = [o.end for o in inside if o.place.kind is PlaceKind.ADMIN1]
    if oblasts != {t.place.admin1_code} or min(told_at) > t.start:
        return False
    return any(
        o is not t
        and o.place.kind is PlaceKind.POPULATED_PLACE
        and o.place.admin1_code == t.place.admin1_code
        and not _near_spelling_only(o)
        and 0 < t.start - o.end <= 80
        and o.start > min(told_at)
        for o in inside
    )


# "the border towns of A and B", "the border village of C": the kind says the place lies on
# a country's land border (the items of a list before the name count too)
_BORDER_KIND_BEFORE = re.compile(
    r"\bborder\s+(?:towns?|villages?|settlements?|city|cities|communities|hamlets?)\s+"
    r"(?:of\s+)?(?:(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?(?:,\s*|,?\s+and\s+))*$",
    re.IGNORECASE,
)


def _border_town_inland(text: str, t: Toponym) -> bool:
    """Whether a place called a border town is read in a unit with no land border.

    "Evacuated children from the border towns of A and B" with A read as a city of an inland
    oblast hundreds of kilometres from any frontier: the kind contradicts the reading, and no
    dot is better than that one (the article's other places stand).
    """
    if t.place.country_code not in ("RU", "UA", "BY") or not t.place.admin1_code:
        return False
    if not _BORDER_KIND_BEFORE.search(text, max(0, t.start - 120), t.start):
        return False
    return not has_land_border(t.place.admin1_code)


_SECTOR_WORD_AFTER = re.compile(r"(?:-[\w'’]+)?\s+(?:direction|axis|sector)\b", re.IGNORECASE)
_SECTOR_REACH = 200  # characters from the sector's name to the village, in one sentence


def _sector_confirms(text: str, t: Toponym, toponyms: Sequence[Toponym]) -> bool:
    """Whether a front sector named before a near-spelled village, in its sentence, holds it.

    A bulletin's "In the X direction, an attack near Y was repelled" spells the village
    loosely but puts it in the sector of X: a near reading within reach of X's town is no
    namesake guess, as with "Y near X".
    """
    for o in toponyms:
        if o.end > t.start or t.start - o.end > _SECTOR_REACH or o.place is None:
            continue
        if o.place.kind is not PlaceKind.POPULATED_PLACE or not _SECTOR_WORD_AFTER.match(
            text, o.end
        ):
            continue
        if re.search(r"[.;!?]\s", text[o.end : t.start]):
            continue  # another sentence
        km = great_circle_km(o.place.lat, o.place.lon, t.place.lat, t.place.lon)
        if km <= _NEAR_TOWN_KM:
            return True
    return False


def _list_confirms(text: str, t: Toponym, toponyms: Sequence[Toponym]) -> bool:
    """Whether a near-spelled village is an item of a list whose other items vouch for it.

    "Attacks were repelled near A, B and C", "retook the villages of A and B": the items of
    one list lie together, so a near reading within reach of another item read by its own
    spelling (not a near-spelling itself) is no namesake guess, as with "Y near X". The list
    runs over list joints only ("A, B", "A and B", "A, and B"), past other loosely spelled
    items; a settlement joined by anything else ("A near B", "A in the X region") is none.
    """
    listed = sorted(
        (o for o in toponyms if o.place is not None and o.place.kind is PlaceKind.POPULATED_PLACE),
        key=lambda o: o.start,
    )
    at = next((k for k, o in enumerate(listed) if o.start == t.start), None)
    if at is None:
        return False
    for step in (-1, 1):
        k = at
        while 0 <= k + step < len(listed):
            a, b = (listed[k + step], listed[k]) if step < 0 else (listed[k], listed[k + step])
            if b.start < a.end or not _LIST_JOINT.fullmatch(text, a.end, b.start):
                break
            k += step
            o = listed[k]
            if o.place.place_id == t.place.place_id or _near_spelling_only(o):
                continue
            km = great_circle_km(o.place.lat, o.place.lon, t.place.lat, t.place.lon)
            if km <= _NEAR_TOWN_KM:
                return True
    return False


def _oblasts_at(toponyms: Sequence[Toponym], start: int) -> list[Place]:
    """The oblasts that the name starting at ``start`` names.

    An oblast's own reading, or "the DPR" / "the LPR" (a region read in its oblast), as
    Russian reports name the oblast. "the Donetsk People's Republic" spelt out is not taken
    through its first word's oblast reading: measured on never-opened reports, that vouched
    for a wrong namesake, and the spelt-out name already reads as the oblast elsewhere.
    """
    out: list[Place] = []
    for o in toponyms:
        if o.start != start or o.place is None:
            continue
        kind = o.place.kind
        if kind is PlaceKind.ADMIN1 or (kind is PlaceKind.REGION and o.place.admin1_code):
            out.append(o.place)  # an oblast, or "the DPR", "the LPR" read in its oblast
    return out


_IN_OBLAST_AFTER = re.compile(r"(?:\s+in|,)\s+(?:the\s+)?")
# The rest of a list of names and the oblast told after it: "A, B and C in Russia's western
# X region" (names the index does not know count as items too)
_LIST_IN_OBLAST_AFTER = re.compile(
    r"(?:(?:,|,?\s+and)\s+(?-i:[A-Z])[\w'’-]+(?:[\s-](?-i:[A-Z])[\w'’-]+)?){1,8}"
    r"\s+in\s+(?:the\s+)?(?:(?-i:[A-Z])\w+['’]s\s+)?(?:(?:[\w-]+ern|central)\s+)?"
)


def _oblast_contradicts(text: str, t: Toponym, toponyms: Sequence[Toponym]) -> bool:
    """Whether a village is told to lie in an oblast its reading does not lie in.

    "the village of X in Belgorod Region" read as a namesake in Kursk Oblast (the index lacks
    the Belgorod one) is a wrong dot: the oblast told is where it happened, so the reading is
    left out and the oblast stands. Towns of ``NEAR_TOWN_POPULATION`` or more keep theirs.
    """
    if (
        t.place.kind is not PlaceKind.POPULATED_PLACE
        or (t.place.population or 0) >= NEAR_TOWN_POPULATION
        or not t.place.admin1_code
    ):
        return False
    m = _IN_OBLAST_AFTER.match(text, t.end)
    if m is not None and any(
        o.country_code == t.place.country_code and o.admin1_code != t.place.admin1_code
        for o in _oblasts_at(toponyms, m.end())
    ):
        return True
    # "the villages of A, B and C in the X region": the oblast told after the list holds
    # every item of it, the first ones too (in either country: a list told in a Russian
    # region read in Crimea is as wrong as one read in another Russian region)
    m = _LIST_IN_OBLAST_AFTER.match(text, t.end)
    return m is not None and any(
        o.admin1_code != t.place.admin1_code for o in _oblasts_at(toponyms, m.end())
    )


# Damage told without a strike word: "houses were damaged in X", "in X, damage to the port
# was recorded", "a school in X sustained damage", "in X, a fire broke out".
_DAMAGE_TOLD = re.compile(
    r"\b(?:(?:was|were|been)\s+(?:(?:also|partially|badly|heavily|severely|slightly)\s+)?"
    r"(?P<w>damaged)\b"
    r"|(?P<n>damage)\s+(?:to\s+[^.;:]{1,80}?\s+)?(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:recorded|reported|registered|inflicted|caused)\b"
    r"|sustained\s+(?P<s>damage)\b"
    # "In X, a fire broke out on 2 hectares": what the shelling told before set alight
    r"|(?P<f>fires?)\s+(?:also\s+)?broke\s+out\b)",
    re.IGNORECASE,
)
_DAMAGE_REACH = 300  # characters from the end of the strike's sentence


def _damage_after_strike(
    text: str, sent: Sentence, events: list[Event], last: int | None
) -> Trigger | None:
    """A damage report right after a strike: a strike at the place it names.

    Oblast and city reports tell a strike, then what it damaged where, town by town ("The
    enemy attacked the region with drones overnight. In the X district, nine houses were
    damaged."), with no strike word in the damage sentence. Only right after a strike told
    (within ``_DAMAGE_REACH`` characters), and only for a sentence with no event word.
    """
    if last is None or events[last].event_type is not EventType.ATTACK:
        return None
    if not 0 <= sent.start - events[last].sentence_end <= _DAMAGE_REACH:
        return None
    m = _DAMAGE_TOLD.search(sent.text)
    if m is None:
        return None
    group = next(g for g in ("w", "n", "s", "f") if m.group(g))
    word = m.group(group).lower()
    return Trigger(EventType.ATTACK, sent.start + m.start(group), sent.start + m.end(group), word)


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


# "Moscow's troops", "Kyiv's forces": a government's army, no place
_ARMED_POSSESSIVE = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:troops|forces|army|military|soldiers|units)\b", re.IGNORECASE
)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|these|those)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_STOPS = (".", "!", "?", '"', "”", "’", "'", ")")
# Events whose people are their place: "families from X were evacuated", "troops pushed
# soldiers from X back"; a person's home is left to them.
_PEOPLE_PLACED = frozenset(
    {EventType.EVACUATION, EventType.DISPLACEMENT, EventType.ADVANCE, EventType.OFFENSIVE}
)
_TOLD_REACH = 3  # sentences back a placeless count of evacuees looks for its place


def _place_told(tops: Sequence[Toponym]) -> list[Toponym]:
    """The one place a sentence named, with the oblast and country it lies in.

    "1,600 people remain in X, Y region" and "... into the Y region, clearing the town of
    X" name one place (X) with its oblast; "the dam in the X region" names the oblast alone.
    Two towns, two oblasts, or a town in another oblast than the one named are no one place.
    """
    named = [t for t in tops if t.place.kind is not PlaceKind.COUNTRY]
    local = {t.place.place_id: t for t in named if t.place.kind is not PlaceKind.ADMIN1}
    oblasts = {t.place.admin1_code for t in named if t.place.kind is PlaceKind.ADMIN1}
    if len(local) > 1 or len(oblasts) > 1:
        return []
    if local:
        (top,) = local.values()
        if top.place.kind not in (PlaceKind.POPULATED_PLACE, PlaceKind.ADMIN2):
            return []
        if oblasts and top.place.admin1_code not in oblasts:
            return []
        return [top]
    return [t for t in named if t.place.kind is PlaceKind.ADMIN1][-1:]


# What stands between the lines of a list: line breaks and the bullets the splitter leaves out.
_BULLET_GAP = re.compile(r"[\s\-–—•*·▪]*")


# Unnamed places people leave: "from (the) front-line/border communities", "leaving the
# front-line communities".
_UNNAMED_FROM = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:from\s+)?(?:the\s+)?(?:[\w-]+\s+(?:and\s+[\w-]+\s+)?)?"
    r"(?:communities|hromadas|settlements|villages|towns|areas)\b",
    re.IGNORECASE,
)


_FROM_WORD = re.compile(r"\bfrom\b", re.IGNORECASE)


def _one_oblast(told_at: list[Toponym], tops: list[Toponym]) -> list[Toponym]:
    """The oblast a count is told at when it is the one place the sentence names, else none."""
    named = {t.place.place_id for t in tops if t.place.kind is not PlaceKind.COUNTRY}
    if len(named) != 1 or not told_at or told_at[0].place.kind is not PlaceKind.ADMIN1:
        return []
    return told_at[:1] if told_at[0].place.place_id in named else []


# The transport a route's clause runs: "(From A to B) there are 7 buses", ", buses run".
_ROUTE_TRANSPORT = re.compile(
    r"[^.;:]{0,40}?\b(?P<ride>buses|minibuses|coaches|convoys?|trains)\b",
    re.IGNORECASE,
)


# A flight or an evacuation told as what the main clause brought about: "the incursion caused
# chaos in X, causing the evacuation of 120,000", "shelling of X has led to the evacuation of".
_RESULT_BEFORE = re.compile(
    r"\b(?:caus(?:ing|ed)|le(?:ading|d)\s+to|prompt(?:ing|ed)|forc(?:ing|ed)|"
    r"trigger(?:ing|ed)|result(?:ing|ed)\s+in|spark(?:ing|ed))\s+"
    r"(?:(?:the|an?|a\s+mass|mass|large-scale|wider)\s+)?$",
    re.IGNORECASE,
)


def _result_place(text: str, sent: Sentence, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The one place of the clause an evacuation or a flight is the result of, else none.

    "The offensive caused chaos in the X region, leading to the evacuation of 120,000": the
    people left the place the cause was told at. Only the places before the result verb, and
    only one of them (a town with its oblast, or the oblast alone).
    """
    m = _RESULT_BEFORE.search(text, max(sent.start, trig.start - 40), trig.start)
    if m is None:
        return []
    return _place_told([t for t in tops if t.end <= m.start()])


def _sole_oblast(text: str, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The oblast of a flight from unnamed communities, if the sentence names only that oblast."""
    m = _UNNAMED_FROM.match(text, trig.end)
    if m is None or (trig.type is EventType.EVACUATION and not _FROM_WORD.search(m.group())):
        return []  # an evacuation "for two settlements of X" counts an order's places
    named = [t for t in tops if t.place is not None and t.place.kind is not PlaceKind.COUNTRY]
    if len(named) != 1 or named[0].place.kind is not PlaceKind.ADMIN1:
        return []
    return named


# The joint between two items of one list: "A, B", "A and B", "A, and B", "A or B".
_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?")


def _coordinated(text: str, places: list[Toponym]) -> list[Toponym]:
    """The places of a toll's one list, all of one kind ("killed in A, B and C regions").

    A toll told over a list is a strike at each listed place; the toll itself is not split
    (the first place keeps it, as the sentence gives no share). Places joined by anything but
    a list's joints ("in the village of X near Y") are not one list: empty then.
    """
    if len(places) < 2 or len({p.place.kind for p in places}) > 1:
        return []
    for a, b in itertools.pairwise(places):
        if b.start < a.end or not _LIST_JOINT.fullmatch(text, a.end, b.start):
            return []
    return list(places)


# A counted-back phrase fronted: at the sentence's start or after its opening date's comma
# ("One week after ..., ", "On 17 October, a week after ..., ")
_FRONTED_AFTER = re.compile(r"(?:\W*|[^,]{0,40},\s*)(?:only |just |exactly |almost |nearly )*")


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
    # read once: the filter below drops them, and a sentence that named one keeps its
    # head-counts from borrowing earlier places
    # (only where the kind's word is in the text: most articles have none, and the pattern
    # is then not tried before each place)
    inland_border = (
        [t for t in toponyms if t.place is not None and _border_town_inland(text, t)]
        if (low := ascii_lower(text)) is None or "border" in low
        else []
    )
    resolved = sorted(
        (
            t
            for t in toponyms
            if t.place is not None
            # not "Russian forces", "Kyiv said", "Kyiv Post"; but "Vinnytsia Airport" is there
            and (t.role is ToponymRole.LITERAL or names_airport(text, t))
            and not is_river(text, t)
            and not (
                _near_spelling_only(t)
                and not _oblast_confirms(text, t, toponyms)
                and not _sector_confirms(text, t, toponyms)
                and not _list_confirms(text, t, toponyms)
            )
            and not _oblast_contradicts(text, t, toponyms)
            and t not in inland_border
        ),
        key=lambda t: t.start,
    )
    # a village read as a namesake far from the article's places: its reading there, or none
    by_oblast = oblast_index(toponyms)
    resolved = [u for t in resolved if (u := unstrayed(t, toponyms, by_oblast, text)) is not None]
    # Direct speech is used (a general's account of a withdrawal), as the speaker's claim.
    resolved = sorted(resolved + anaphors(text, resolved, []), key=lambda t: t.start)
    starts = [t.start for t in resolved]
    anchors = front_anchors(resolved)  # what a ground event's stray town is judged by
    events: list[Event] = []
    apart: set[int] = set()  # events told as one more happening: never merged with earlier ones
    last_figure_event: int | None = None
    planned: set[int] = set()  # evacuations whose people are those planned for, not yet moved
    last_casualty_event: int | None = None
    # counts told of a strike after its toll, each a part of it ("one of the workers was hurt")
    toll_parts: dict[int, list[int]] = {}
    prev_dated = None  # the last sentence's triggers and dates, for "the strike" after it
    # a dated report, where it ends and who made it ("ministry")
    last_report: tuple[DateSpan, int, str] | None = None
    captions = caption_spans(text)
    this_tops: list[Toponym] = []  # the places of the sentence before, for a placeless flight
    # the places of the last sentence that named any, and how many sentences ago it was
    told_tops: list[Toponym] = []
    told_ago = 0
    # whether the sentence before, and the one that last named places, was a bare line (a
    # headline, a link box's title)
    this_line = told_line = False
    this_start = told_start = -1  # where those two sentences start
    page_end = _page_end(text)
    # the last sentence's count of assaults that named no place ("repelled 4 attacks.")
    counted: tuple[Sentence, Trigger] | None = None
    # An evacuation order whose settlements follow one a line: where its last line ended, and
    # where the order's own sentence starts (its event gives the lines their day).
    order_lead: tuple[int, int] | None = None
    # the type of what the list's lead sentence told: an order's evacuation, or liberated,
    # shelled or stormed settlements set out one a line
    list_type = EventType.EVACUATION
    # An evacuation order reported so far ("decided to forcibly evacuate children from ..."):
    # later sentences that tell it in the future ("will be evacuated from A") give its places.
    order_told = False
    # An evacuation order just told, in a headline too: where its sentence starts, its
    # oblasts, and how many sentences have come since. One of the next two sentences that
    # only names settlements is the order's list (see ``order_list``).
    order_ctx: tuple[int, set[str], int] | None = None
    # A wire lead that sums up the day's strikes without a place ("Shelling killed five people
    # in three regions on Saturday"): where it starts and its day, for the strikes told after.
    lead: tuple[int, DateSpan] | None = None
    lead_toll_of: tuple[int | None, int | None] = (None, None)  # the lead's killed, injured
    lead_open = True
    last_sent: Sentence | None = None
    # A toll told without a place, for the strike the next sentence places (tolls.LeadToll)
    pending_toll = None
    for sent in split_sentences(text):
        told_before, counted = counted, None
        prior_sent, last_sent = last_sent, sent
        prior_toll, pending_toll = pending_toll, None
        prev_tops = this_tops
        if prev_tops:
            told_tops, told_ago, told_line, told_start = prev_tops, 1, this_line, this_start
        else:
            told_ago += 1
        # a headline, or a line without a full stop: a link box's title between paragraphs
        headline = _is_headline(sent.text)  # asked once: three questions below need it
        this_line = headline or not sent.text.rstrip().endswith(_STOPS)
        this_start = sent.start
        this_tops = resolved[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        in_order = order_lead is not None and bool(
            _BULLET_GAP.fullmatch(text, order_lead[0], sent.start)
        )
        lead_at, order_lead = (order_lead[1] if in_order else -1), None
        if (
            sent.start >= page_end
            or (headline and not in_order)  # "Shtanivka, Voronivka (X community);"
            or (captions and any(c.start <= sent.start < c.end and c.stock for c in captions))
            or _older_picture(text, captions, sent, published)
            or _stamped_teaser(text, sent)
            or _attributed_teaser(text, sent)
            or _LINK_LINE.match(sent.text)
            or _ILLUSTRATIVE_NEXT.match(text, sent.end, sent.end + 40)
        ):
            if headline and not in_order:
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
        in_caption = bool(captions) and any(c.start <= sent.start < c.end for c in captions)
        tops = resolved[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        # "the X settlement in the Y region", X unknown to the index: Y places nothing
        tops = [t for t in tops if not situates_unknown_settlement(text, t, toponyms)]
        squoted = within(quoted, sent.start, sent.end)
        found_words = find_triggers(text, sent, [], order_told=order_told)
        triggers = _factual(text, sent, found_words, order_told=order_told)
        # a campaign, the war's start or the shelling that drove people out named as the
        # setting of the news (geo.events.backdrop)
        triggers = news_not_setting(text, sent, triggers, published)
        if triggers and _HABITUAL_SERVICE.search(sent.text):
            # "an evacuation train runs daily on the A-B route": a standing service, no
            # evacuation that happened
            triggers = [
                t
                for t in triggers
                if not (
                    t.type is EventType.EVACUATION
                    and (
                        _SERVICE_VEHICLE.search(t.text)  # "evacuation train", one trigger
                        or _SERVICE_VEHICLE.match(text, t.end, min(sent.end, t.end + 30))
                    )
                )
            ]
        if triggers:
            # "the evacuation train timetable to X until May 31": a notice of a service, no
            # evacuation that happened (and its "until" no day of one); so too the payments
            triggers = [
                t
                for t in triggers
                if t.type is not EventType.EVACUATION
                or not _TIMETABLE.match(text, t.end, min(sent.end, t.end + 40))
            ]
        if tops and not any(t.type in _PEOPLE_PLACED for t in found_words):
            # "wounding two volunteers from X": X is their home, not where the strike was
            told = (
                events[last_casualty_event].place
                if last_casualty_event is not None
                and not any(t.type is EventType.ATTACK for t in found_words)
                else None
            )
            tops = [t for t in tops if not victims_home(text, sent, t, tops, told=told)]
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
        if casualties.victims:
            # "the number of victims rose to five": the dead where the strike counted only those
            casualties = victims_counted(
                events,
                {t.place.place_id for t in tops}
                or {events[k].place.place_id for k in (last_casualty_event,) if k is not None},
                casualties,
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
        if (
            toll is None
            and all(t.type is EventType.STATEMENT for t in found_words)
            and tops
            and not in_caption
            and (damage := _damage_after_strike(text, sent, events, last_casualty_event))
            # "..., the governor said": a report after the damage only attributes it
            and all(t.start >= damage.end for t in found_words)
        ):
            toll = damage  # "A drone attack hit the region overnight. In X, houses were damaged."
        if toll is not None:
            triggers = [*triggers, toll]
            found_words = [*found_words, toll]
        if (
            tops
            and not any(t.type in FIGURE_TYPES for t in triggers)
            and any(e.event_type is EventType.EVACUATION for e in events)
            and (route := route_origin(text, sent, tops)) is not None
            and (ride := _ROUTE_TRANSPORT.match(text, route[1], sent.end)) is not None
        ):
            # "... evacuation corridors today. From A to B, six buses run with the Red
            # Cross": in a report of evacuations, transport on a route moves people out of A
            ride_trig = Trigger(
                EventType.EVACUATION,
                ride.start("ride"),
                ride.end("ride"),
                ride.group("ride").lower(),
            )
            triggers, found_words = [*triggers, ride_trig], [*found_words, ride_trig]
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
            item = None if order_subheading(sent) else order_item(text, sent, tops, list_type)
            if item is not None:
                triggers, found_words = [item], [item, *found_words]
                lead = next(
                    (
                        e
                        for e in reversed(events)
                        if e.sentence_start == lead_at and e.event_type is list_type
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
        units: list[Toponym] = []  # the communities an order's count is set out by
        if (
            order_ctx is not None
            and order_ctx[2] <= 2
            and not in_order
            and listing is None
            and tops
            and all(t.type is EventType.STATEMENT for t in triggers)
        ):
            # "... ordered in 19 settlements of X region. The order applies to A, B and C."
            # "It covers 12 settlements of the A community and five of the B community."
            listed = order_list(text, sent, tops, order_ctx[1])
            if listed is None and (counted := community_counts(text, sent, tops)) is not None:
                listed, units = counted
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
        if (opened := opens_order_list(sent, triggers)) is not None:
            order_lead, list_type = (sent.end, sent.start), opened
        named_from = None  # a trigger naming the places of the sentence before, and its event
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
            named_from = (where, told_before)
        counted = next(((sent, t) for t in triggers if t.type is EventType.OFFENSIVE), None)
        if counted is None:
            # "The enemy fired on about 20 settlements.", "... took five more in the X region.":
            # the next sentence may name them (tolls._where_they_were reads how)
            counted = next(((sent, t) for t in triggers if t.type is not EventType.STATEMENT), None)
        if not triggers:
            before = None if last_casualty_event is None else events[last_casualty_event]
            prior = events[:] if casualties else []
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
                parts=toll_parts,
            )
            toll_told_on(events, last_casualty_event, prior, sent)
            pending_toll = lead_toll(
                events, sent, text, tops, casualties, (last_casualty_event, before), False
            )
            _carry_toll_day(events, text, sent, published)
            _arrivals_counted(events, last_figure_event, sent)
            prev_dated = None
            continue
        # Head-counts go only to evacuations and displacements (here or carried back to one);
        # whom an order's list counts ("54 children from A, B and C") is the order's total,
        # no place's own
        people, children, plan = (
            head_counts(sent.text)
            if any(t.type in FIGURE_TYPES and t is not listed for t in triggers)
            else (None, None, False)
        )
        # built directly, not by dataclasses.replace: this runs for every date of every
        # sentence with an event word, and replace() costs several times a plain constructor
        dates = [
            DateSpan(
                d.start,
                d.end,
                d.precision,
                d.text,
                d.start_char + sent.start,
                d.end_char + sent.start,
            )
            for d in joined_months(
                sent.text,
                [
                    d
                    for d in find_dates(sent.text, published=published)
                    if not _toll_rise_day(sent.text, d)
                ],
            )
        ]
        if lead is not None and dates and squoted and casualties:
            dates = _quoted_today(dates, squoted, lead, lead_toll_of, casualties, published)
        if dates and prior_sent is not None and all(t.type in GROUND_TYPES for t in triggers):
            # (a toll's quoted "today" is read by _quoted_today above)
            dates = _quote_of_a_dated_report(sent, prior_sent, dates, published)
        if lead_open and dates and any(t.type is EventType.ATTACK for t in triggers):
            lead_open = False
            # a lead that sums up the day counts its dead or hurt; "a massive strike on Monday"
            # with no toll is one happening, and the next strike may be another day's
            first = next(t for t in triggers if t.type is EventType.ATTACK)
            day = _date_for(first, dates, found_words, text)
            if (
                day is not None
                and (
                    (
                        day.precision is DatePrecision.DAY
                        and bool(casualties.killed or casualties.injured)
                    )
                    # a bulletin's period just closed: "Between June and July, attacks
                    # across the country killed civilians" (published 1 August)
                    or (published is not None and reporting_period(day, published))
                )
                and not any(e.event_type is EventType.ATTACK for e in events)
            ):
                lead = (sent.start, day)
                lead_toll_of = (casualties.killed, casualties.injured)
        # "... a massive strike on Monday. The strike hit substations in Sumy": a definite
        # "the strike" is the one just told, and keeps its day. The last sentence's dates
        # are worked out only when this one asks for them.
        carried: dict[EventType, DateSpan] = {}
        if not dates and prev_dated is not None:
            for o in triggers:
                if o.type not in carried and _DEFINITE.search(text, sent.start, o.start):
                    p_trigs, p_dates, p_words, _ = prev_dated
                    for t in p_trigs:
                        if (
                            t.type is o.type
                            and (d := _date_for(t, p_dates, p_words, text))
                            # a day or a few: "the counteroffensive of September 2022" then
                            # "the battle's outcome" is another fight, not that month's
                            and (d.end - d.start).days <= _CARRY_DAYS
                        ):
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
        # "In Kherson, ...", or a bulletin's line headed "Kherson: ..."
        frame = fronted_place(text, sent, tops) or headed_place(text, sent, tops)
        found = []
        inline_done = False  # an order's list in its own sentence goes to one trigger
        for trig in triggers:
            places = places_for(text, trig, toks, tops, dates)
            # a ground event's town read a continent away from the article's places
            places = [p for p in places if not off_the_front(trig.type, p, anchors)]
            # "the Moscow-installed head of X": an adjective, no place of the event
            places = [p for p in places if not hyphened_modifier(text, p)]
            if trig is toll and any(
                t.type in _CASUALTY_TYPES and not describes_place(text, t, tops)
                for t in triggers
                if t is not toll
            ):
                # "Shelling killed two in A, and another was hurt in B": the later clause's
                # toll is at its own place alone
                places = [
                    t
                    for t in tops
                    if trig.end <= t.start < trig.end + 40 and t.place.kind is not PlaceKind.COUNTRY
                ][:1]
            elif (
                trig is toll
                and len(places) < len(tops)
                and (listed := _listed_casualties(text, sent, tops)) is not None
                # two counts at least: "The X regional prosecutor's office said a woman was
                # killed in B" names who reports before the one count, no list of tolls
                and sum(1 for c in listed.values() if c) >= 2
            ):
                # "Three were injured in A, and two in B": each its toll ("another in C,
                # east of D": D only says where C lies)
                points = situating_points(toks)
                places = [t for t in tops if t.start not in points]
            elif trig is toll and _listed_casualties(text, sent, places) is None:
                # "two residents of the village of X near Y were hurt": X, in the subject
                places = (
                    _subject_town(text, sent, tops, casualties)
                    or _coordinated(text, places)
                    or places[:1]
                )
                places = places or _framing_town(text, sent, tops)  # "In the town of X, ..."
                places = places or _past_victims(text, trig, tops)
            elif notice is not None and trig is notice[0]:
                places = [notice[1]]
            if trig is listed and units:
                places = units  # "12 settlements of the A community, five of the B community"
            elif trig is listed and order_ctx is not None:
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
            if not places:
                # "..., and in B, they destroyed a house": the place that opens its clause
                places = clause_place(text, sent, trig, tops)
            if not places:
                # '"Our town was hit," the mayor of X said': the speaker's own place
                places = speakers_place(text, sent, trig, tops)
            if not places and trig.type is not EventType.STATEMENT:
                places = frame  # "In Kherson, artillery shelled the port district"
            if (
                not places
                and not tops
                and trig.type in FIGURE_TYPES
                and (people or children or _LOCAL_PEOPLE.search(sent.text))
                # "from the border towns of A and B" with A and B read where no border is:
                # the sentence told its places, which are not the report's earlier ones
                and not any(sent.start <= t.start < sent.end for t in inland_border)
            ):
                places = _sole_place(prev_tops)  # "... remain in X. 20,000 were evacuated."
                if not places and told_ago <= _TOLD_REACH:
                    # "... remain in X, Y region. 'There was no report yet. Yesterday we took
                    # out two people'": the place the report last named, a few sentences back
                    places = _place_told(told_tops)
                if (
                    places
                    and trig.type is EventType.DISPLACEMENT
                    and last_figure_event is not None
                    and (prev := events[last_figure_event]).event_type is EventType.EVACUATION
                    and sent.start - prev.sentence_end < 3
                    and prev.people is None
                    and any(p.place.place_id == prev.place.place_id for p in places)
                ):
                    # '"The evacuation from X goes on. This week, 57 residents have left."':
                    # who left are the evacuation's people, told just before; no flight
                    places = []
            if not places and trig.type in FIGURE_TYPES:
                # "Strikes in X Oblast ..., triggering displacement from front-line
                # communities", "X Oblast has been shelled for weeks, and families were moved
                # out of a dozen frontier villages": people leave unnamed places of the one
                # oblast the sentence names
                places = _sole_oblast(text, trig, tops)
            if not places and trig.type in FIGURE_TYPES:
                places = _result_place(text, sent, trig, tops)
            if (
                not places
                and trig.type in FIGURE_TYPES
                and (route := route_origin(text, sent, tops)) is not None
                and route[1] <= trig.start
            ):
                places = [route[0]]  # "From A to B, evacuation goes on in private cars"
            if (
                trig.type is EventType.EVACUATION
                and (origin := route_named_origin(text, trig.start, tops)) is not None
                and all(
                    p.place.kind is not PlaceKind.POPULATED_PLACE
                    or origin.start <= p.start < trig.start
                    for p in places
                )
            ):
                # "the A-B-C evacuation train takes people from the X region": it leaves A, a
                # town where the region says only the area; never a stop of the route
                places = [origin]
            if not places and trig.type is EventType.ATTACK:
                places = _struck_before(text, sent, trig, tops)
            if not places and trig.type is EventType.ATTACK:
                # "As a result of shelling, houses in X were damaged": what the strike did
                places = result_places(text, sent, trig, found_words, toks, tops, dates)
            if trig.type is EventType.ATTACK and all(
                p.place.kind is PlaceKind.COUNTRY for p in places
            ):
                # "... targeted cities across Ukraine, from A to B": the range's places
                places = (
                    range_places(text, sent, trig, tops)
                    # "other parts of Ukraine - notably A and B - suffered strikes"
                    or members_places(text, sent, trig, tops)
                    or places
                )
            if not places and trig.type is EventType.ATTACK:
                places = _governed_place(text, trig, tops, found_words, sent)
            if not places and trig.type is EventType.ATTACK and casualties:
                places = _toll_place(text, trig, tops, found_words, casualties, sent)
            if (
                not places
                and trig.type is EventType.ATTACK
                and (casualties.killed or casualties.injured)
                and casualties.end >= 0
                and sent.start + casualties.end <= trig.start
            ):
                # "a resident of X was injured in a drone attack", "an X resident died after
                # shelling": the strike names no place, the count's subject says whose town
                places = _subject_town(text, sent, tops, casualties) or subject_oblast(
                    text, sent, tops, casualties
                )
            if (
                not places
                and not tops
                and trig.type is EventType.ATTACK
                and (casualties.killed or casualties.injured)
                and told_ago <= _TOLD_REACH
                and not told_line
                # "X was shelled on the 15th. Shelling on the 14th killed a man.": a town named
                # as a strike's is no setting for another one
                and not any(
                    e.event_type is EventType.ATTACK and e.sentence_start == told_start
                    for e in events
                )
                # "were killed in the attack": the strike already told, whose toll this is
                and not _DEFINITE_BEFORE.search(text, max(0, trig.start - 30), trig.start)
            ):
                # "Shells hit X, Y region, at dawn. ... 'Two civilians were killed in the
                # strike,' he said.": a strike with its toll but no place is in the town the
                # report last named (not an oblast's round-up, nor "Moscow's troops")
                places = [
                    t
                    for t in _place_told(told_tops)
                    if t.place.kind is not PlaceKind.ADMIN1
                    and not _ARMED_POSSESSIVE.match(text, t.end)
                ]
            if (
                trig.type is EventType.ATTACK
                and casualties
                and all(p.place.kind is PlaceKind.COUNTRY for p in places)
            ):
                # "Two were killed in Kherson and three hurt in Mykolaiv as Russian forces
                # shelled southern Ukraine": the toll's own towns, not the country (an
                # oblast's toll of the day is a summary its towns' strikes may tell again)
                told_at = _counted_places(text, sent, tops)
                places = (
                    [t for t in told_at if t.place.kind is PlaceKind.POPULATED_PLACE]
                    # "Two people were injured in the X region as a result of shelling": with
                    # no place of the strike's own and no town, the count's one oblast
                    or (_one_oblast(told_at, tops) if not places else [])
                    or places
                )
            if not places and found and found[-1][0].type is trig.type:
                gap = text[found[-1][0].end : trig.start]
                if _FOLLOWED_BY.search(gap) or (
                    _AND_DAYS.search(gap)  # "Tuesday's attack on Odesa ... and Monday's attack"
                ):
                    places = found[-1][1]  # "..., followed by 12 assaults on October 8th"
            if trig.type is EventType.EVACUATION and not inline_done and len(tops) > 1:
                # "... must leave the following villages: A, B and C": the order's own list
                inline_done = bool(listed_here := inline_order_places(text, sent, trig.start, tops))
                if listed_here:
                    # a namesake in another oblast read into the list is no place of the order
                    home = listed_here[0].place.admin1_code
                    places = [
                        p
                        for p in places
                        if p.start < listed_here[0].start or p.place.admin1_code == home
                    ]
                at = {p.start for p in places}
                places = [*places, *(p for p in listed_here if p.start not in at)]
            if places:
                found.append((trig, places))
        found = _fight_and_gain(text, triggers, found)
        found = _joined_happenings(text, triggers, found)
        found = coerce_types(found, triggers, text)
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
        # (each trigger's clause cut out once, for both questions)
        clauses = [(t.type, clause_tail(text, sent.start, t.start)) for t in triggers]
        framed = {etype for etype, clause in clauses if _also(clause)}
        further = {
            etype
            for t, (etype, clause) in zip(triggers, clauses, strict=True)
            if _ANOTHER.search(clause)
            and not (_ROUND_OF.search(clause) or t.text.lower().startswith("round"))
        }
        recalled = _AS_REPORTED.match(sent.text)
        labelled = _BACKGROUND_LABEL.match(sent.text)  # "Background: ..."
        for trig, places in found:
            span = _since_range(trig, dates, text, published) if published else None
            span = span or _date_for(trig, dates, found_words, text)
            recall_undated = span is None and recalled is not None and published is not None
            if recall_undated:
                # told before this report: that day or the one before, not known which (not
                # the day the report told last); the words "as reported" are what date it,
                # so it meets only a strike the report tells on those days
                eve = published - dt.timedelta(days=1)
                told = recalled.group(0).strip(" ,\n")
                span = DateSpan(eve, published, DatePrecision.RANGE, told, -1, -1)
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
                    # "X said on June 3. She added that ...": the same speaker, that day
                    or (
                        sent.start - last_report[1] < 3
                        and _HE_REPORTED.match(text, sent.start) is not None
                    )
                )
            ):
                # "The brigade also reported that ...", "the defence ministry said Sunday its
                # troops took a village. ... liberated X, the ministry said.": that report's day
                span = _reported_day(last_report[0], trig.type, own=last_report[1] == sent.end)
            if span is None and (rel := _DAY_BEFORE_TOLD.search(text, sent.start, sent.end)):
                span = _next_to_told(events, rel, published, sent.start)
            if span is None and _TOLD_EARLIER.match(text, trig.end, sent.end):
                continue  # "the capture of which was reported earlier": old news, no day
            if span is None and trig.type is EventType.ATTACK:
                span = _oblast_lead_day(events, places, sent.start)
            if (
                span is None
                and trig.type is EventType.ATTACK
                and trig.type not in further
                and lead is not None
                and not any(
                    e.sentence_start == lead[0] and e.event_type is EventType.ATTACK for e in events
                )
            ):
                span = lead[1]  # a strike the placeless lead summed up: the lead's day
            if (
                span is None
                and not dates
                and published is not None
                and trig.type in (EventType.ATTACK, EventType.OFFENSIVE)
            ):
                span = habitual_span(sent.text, published)  # "suffer from daily shelling"
            if span is None:
                if published is None:
                    continue  # no anchor, no date: an undated dot would mislead
                span = DateSpan(published, published, DatePrecision.DAY, "", -1, -1)
            earlier = bool(
                (m := _DAYS_AFTER.search(text, sent.start, trig.start))
                and not (m.end() <= span.start_char < sent.end)
                # "On 9 May, a week after a strike on X, drones hit Y": the clause after the
                # fronted phrase's comma is the sentence's own, on its own day
                and not (
                    _FRONTED_AFTER.fullmatch(text, sent.start, m.start())
                    and "," in text[m.end() : trig.start]
                )
            )
            if earlier:
                # "The strike on the port came a day after two people were killed in an
                # attack on Orikhiv": the attack is a day before the strike's day; "a missile
                # hit Kremenchuk ... a year after an attack there" counts from the hit's day
                base = (
                    events[first_here].date_start
                    # "one week after the missile attack in X": the strike's second word
                    # counts from the sentence's own day, not from its first word's past one
                    if first_here is not None
                    and not events[first_here].date_text.lower().endswith(" after")
                    else span.start
                )
                count, told = m.group(1).lower(), m.group(2).lower()
                n, unit = _HALF[told] if count == "half a" else (_DAYS[count], told)
                day = _earlier(base, n, unit)
                # "two weeks after", "a month after": a round figure, so a few days either
                # way; "a day after" is that day
                slack = dt.timedelta(days=_SLACK[told])
                span = DateSpan(
                    day - slack,
                    min(day + slack, base),
                    DatePrecision.RANGE if slack else DatePrecision.DAY,
                    m.group(0),
                    -1,
                    -1,
                )
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
                if not _ordered_start(trig, sent.text, span, published):
                    continue  # "next week": a plan or a forecast, not something that happened
                # "the mandatory evacuation of X will begin on Monday": the order is given
                span = DateSpan(published, span.end, DatePrecision.RANGE, span.text, -1, -1)
            if named_from is not None and trig is named_from[0]:
                # "Moscow said its troops took four more. 'These are the villages of A and B'":
                # the claim, and who makes it, are the sentence before's
                before, told = named_from[1]
                status, claimed_by = status_for(
                    text, before, told, within(quoted, before.start, before.end)
                )
            else:
                status, claimed_by = status_for(text, sent, trig, squoted)
            if (
                trig.type is EventType.OFFENSIVE
                and trig.text.startswith(("advanc", "seiz", "captur"))
                # "captured a group of enemy soldiers near X": the clash happened
                and not captives_after(text, trig.end, sent.end)
            ):
                status = EventStatus.ATTEMPTED  # "trying to advance towards", "a bid to seize"
            listed = listed_head_counts(text, sent, places) if trig.type in FIGURE_TYPES else None
            tolls = (
                _listed_casualties(text, sent, _named_again(places, tops))
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
                if situates_frame(text, frame, top):
                    continue  # "In A, X region, drones hit a school": X situates the town A
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
                    and (m := _INDEFINITE_PLACE.match(text, trig.end, top.start))
                    and (
                        # (and a wider area: "a number of settlements in the Donbas region")
                        top.place.kind in (PlaceKind.ADMIN1, PlaceKind.REGION)
                        # one village "in Ukraine's Donetsk" is in the region; a count of
                        # villages "in the Izium direction" keeps its front
                        or (
                            m.group("count").lower() in _ONE_MORE_WORDS
                            and is_oblast_centre_namesake(top.place)
                        )
                    )
                ):
                    # "seized a village lying in the Kharkiv region": the lead told
                    # before the village is named; the oblast is not the ground taken
                    # ("another settlement in Ukraine's Donetsk" is the region too)
                    continue
                if (
                    trig.type is EventType.ADVANCE
                    and status is EventStatus.ATTEMPTED
                    and top.place.kind is PlaceKind.ADMIN1
                ):
                    # "across the X region, the enemy kept making slow gains while pushing
                    # toward A and B": gains under way over a whole region are how the front
                    # stands, no one place's change of hands
                    continue
                if (
                    trig.type is EventType.ADVANCE
                    and top.place.kind in _WIDE_KINDS
                    and _SURFACE_OBJECT.match(text, trig.end, top.start)
                ):
                    # "liberated 182 square kilometres of the region's land": a tally of
                    # ground measured over a region, no ground at one place ("recaptured
                    # three square kilometres south of X" stays at X)
                    continue
                top = as_direction(text, top)
                # (only an oblast has a namesake city to read: the words are asked for no
                # other place)
                if top.place.kind is PlaceKind.ADMIN1:
                    phrase = (trig.end, max(trig.end, top.start))
                    # "shelled residential areas, an office block in X": the place is the last
                    # item's, and only that item's words tell what kind of place it is
                    items = [m.end() for m in _NEXT_OBJECT.finditer(text, *phrase)]
                    if items:
                        phrase = (items[-1], phrase[1])
                    # "troops entered Kherson": a bare name troops enter is the town
                    entered = (
                        trig.text.lower() == "entered" and not text[trig.end : top.start].strip()
                    )
                    if (
                        trig.type is EventType.ATTACK
                        or entered
                        or _CITIES.search(text, max(sent.start, trig.start - 30), phrase[1])
                    ) and not (
                        _AREAS.search(text, *phrase)
                        or _LISTED_OBLASTS_AFTER.match(text, top.end, top.end + 80)
                        or _REGION_OF.search(text, max(sent.start, top.start - 30), top.start)
                    ):
                        # "struck eight settlements in Zaporizhzhia" is the oblast, and so is
                        # each of "in Bryansk, Kursk and Belgorod oblasts"; a strike on
                        # "Zaporizhzhia", "cities under siege (Kharkiv, ...)" are the cities
                        top = namesake_city(top)
                own = listed.get(top.start) if listed is not None else None
                if (
                    own is None
                    and trig.type in FIGURE_TYPES
                    and (
                        share := _SHARE_BEFORE.search(
                            text, max(sent.start, top.start - 60), top.start
                        )
                    )
                ):
                    # "received 9,500 people, including 6,500 in the X region": X's share
                    own = (to_int(share.group("num"), None), None)
                if trig.type is EventType.DISPLACEMENT and OWN_MEANS_AFTER.match(text, trig.end):
                    # "200 were evacuated, and several thousand more left by car": the count
                    # of the leaving's own clause, not the evacuation's
                    lo = max(
                        text.rfind(",", sent.start, trig.start),
                        text.rfind(";", sent.start, trig.start),
                        sent.start,
                    )
                    own = parse_figures(text[lo : trig.end])
                # "101 people from A and 58 from B": each place its own count, never B's on A
                ev = _event(
                    article,
                    _tally_of_strikes(
                        text, sent, _into_area(_ground(trig, top, events, sent), top), top
                    ),
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
                if trig.type in further or (
                    # a dated strike in a "Background:" paragraph is history told apart; a
                    # recall with no day of its own may be this report's strike told earlier
                    # ("As reported, explosions were heard in X"): it merges with one told on
                    # the days it may be of
                    ((labelled and ev.date_text) or (recalled and not recall_undated))
                    and not _told_today(ev, published)
                ):
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
                    # "killed six in the X region: four in A, two in B. Nine were hurt": the
                    # toll told next is the region's, not the last town's
                    and not (
                        tolls is not None
                        and casualty_here is not None
                        and part_of_whole(events[casualty_here], ev)
                    )
                ):
                    last_casualty_event = casualty_here = len(events) - 1
        if first_here is not None and casualties:
            _toll_by_place(events, first_here, text, sent, tops)
            if shared_out_without_whole(events[first_here:], casualties):
                last_casualty_event = None  # "... two in A, one in B. Nine were hurt": no town's
        # a strike word of the sentence that tells a new strike ("in a missile strike")
        new_strike = any(
            t.type in _CASUALTY_TYPES and not _DEFINITE.search(text, sent.start, t.start)
            for t in triggers
        )
        if first_here is not None and prior_sent is not None:
            # "... tells of three civilians dead. He said the deaths came when troops
            # shelled X": the toll told before its strike; "A man was killed in shelling.
            # The attack hit a van in X": so too for the strike named as one told before
            took = _deaths_told_before(
                events, first_here, sent, prior_sent, prev_tops
            ) or _toll_told_before(events, first_here, sent, text, triggers, prior_toll)
            if took and prior_toll is not None and prior_toll.start == prior_sent.start:
                _take_back(events, prior_toll)  # not the toll of the strike told before
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
                parts=toll_parts,
            )
            pending_toll = lead_toll(
                events, sent, text, tops, casualties, (last_casualty_event, before), new_strike
            )
            _told_again(events, last_casualty_event, before, casualties, triggers, sent)
            if last_casualty_event == len(events) - 1 and dates:
                _carry_date(events, triggers, dates, found_words, text)
            _carry_toll_day(events, text, sent, published)
        elif first_here is not None and all(
            e.place.kind is PlaceKind.COUNTRY for e in events[first_here:]
        ):
            # "A civilian was killed in cross-border shelling from Ukraine": a strike placed
            # only at a country, which the next sentence may place
            pending_toll = lead_toll(events, sent, text, tops, casualties, (None, None), new_strike)
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
    period = _title_period(text, published) if published is not None else None
    return oblast_summaries_dropped(_undated(consolidate(events, apart), published, period))


# People counted as arriving: "another 40 residents, including 12 children, arrived in X"
_ARRIVED_COUNT = re.compile(r"\barrived\b", re.IGNORECASE)  # "have arrived" holds it too
_ARRIVAL_REACH = 400  # characters: the count follows its evacuation within a paragraph


def _arrivals_counted(events: list[Event], last: int | None, sent: Sentence) -> None:
    """Give an evacuation without its figures the head-count of a sentence of arrivals.

    "An evacuation train came to X from the Y region. Another 40 residents of the Y region,
    including 12 children, arrived in X.": no event word, but whom the train brought; only
    for an evacuation told just before that has no count of its own.
    """
    if last is None or not _ARRIVED_COUNT.search(sent.text):
        return
    ev = events[last]
    if (
        ev.event_type is not EventType.EVACUATION
        or ev.people is not None
        or sent.start - ev.sentence_end > _ARRIVAL_REACH
    ):
        return
    people, children, plan = head_counts(sent.text)
    if people is None or plan:
        return
    events[last] = replace(ev, people=people, children=children)


def _told_today(ev: Event, published: dt.date | None) -> bool:
    """Whether an event recalled "as reported" is dated, by its own words, the report's day.

    "As the agency reported, today, April 22, a woman was killed in X": the outlet's earlier
    telling of the day's strike, whose toll the report updates, and no happening apart.
    """
    return bool(ev.date_text) and ev.date_start == ev.date_end == published


# A vehicle an evacuation word describes ("evacuation railcar", "evacuation trains"), and a
# service told as habitual ("operates weekly", "runs every day"): a standing service
_SERVICE_VEHICLE = re.compile(
    r"\s+(?:trains?|railcars?|(?:rail\s*)?carriages?|wagons?|bus(?:es)?|coaches|flights?|"
    r"shuttles?)\b",
    re.IGNORECASE,
)
_TIMETABLE = re.compile(
    r"(?:\s+(?:trains?|bus(?:es)?|flights?|routes?))?\s+(?:schedules?|timetables?|"
    # "IDPs got evacuation payments in X": money named for the evacuation, not one
    r"payments?|payouts?|allowances?|benefits?|subsid(?:y|ies))\b",
    re.IGNORECASE,
)
_HABITUAL_SERVICE = re.compile(
    r"\b(?:operates?|runs?|departs?|leaves?|goes|travels?|is\s+available|are\s+available)\s+"
    r"(?:\w+\s+)?(?:weekly|daily|every\s+(?:day|week|morning|evening|other\s+day|\w+day)|"
    r"(?:twice|once|three\s+times)\s+a\s+(?:day|week)|on\s+\w+days)\b",
    re.IGNORECASE,
)


def _undated(
    events: list[Event], published: dt.date | None, period: DateSpan | None = None
) -> list[Event]:
    """Date the events no sentence dated from the eve of publication to its day.

    News reports what happened the day it is published or the night and day before
    ("Kharkiv came under attack" in a morning report), and nothing says which: a two-day
    range says so, as an analyst codes it. Done after consolidation, which joins events
    whose days overlap: the range is uncertainty about one day, not two days of news.
    A report whose title names the days it covers (``period``, see _title_period) tells
    those days instead.
    """
    if published is None:
        return events
    start, end = (
        (period.start, period.end) if period else (published - dt.timedelta(days=1), published)
    )
    return [
        event_with(e, date_start=start, date_end=end, date_precision=DatePrecision.RANGE)
        if not e.date_text and e.date_start == e.date_end == published
        else e
        for e in events
    ]


# A title that names the days a report covers: "Ukraine Crisis: 10-16 September 2022",
# "Situation Report, 3 - 9 June 2023", "Humanitarian update (1 - 31 March)". Weekly and
# monthly overviews and situation reports are written after the period they sum up, so
# what their body tells without a day of its own happened in it, not on the eve of their
# publication. Only two numbered days joined by a dash, in a first line of at most a dozen
# words without a full stop (a title, not a sentence), ending before publication.
_PERIOD_TEXT = re.compile(r"\d{1,2}\s*[-–—]\s*\d{1,2}\b|\b\d{1,2}\s*[-–—]\s*[A-Z]")
_TITLE_PERIOD_DAYS = 31


def _title_period(text: str, published: dt.date) -> DateSpan | None:
    """The days a report's title says it covers, if it names them (see _PERIOD_TEXT)."""
    line = text.lstrip().split("\n", 1)[0].strip()
    if not line or line.endswith(".") or len(line.split()) > 12:
        return None
    for d in find_dates(line, published=published):
        if (
            d.precision is DatePrecision.RANGE
            and _PERIOD_TEXT.search(d.text)
            and 0 < (d.end - d.start).days <= _TITLE_PERIOD_DAYS
            and d.end <= published
        ):
            return d
    return None


def _quoted_today(
    dates: list[DateSpan],
    quotes: list[tuple[int, int]],
    lead: tuple[int, DateSpan],
    lead_toll: tuple[int | None, int | None],
    cas: Casualties,
    published: dt.date | None,
) -> list[DateSpan]:
    """A quote's "today" that tells the placeless lead's toll again is the lead's day.

    "Shelling killed five civilians on Saturday, the governor said. 'Today, five people were
    killed in the region,' he posted.": in a report filed the day after, the quote's "today"
    is the day the governor wrote, the lead's Saturday, not the day of publication. Only
    for a count of the same kind equal to the lead's, and a lead's day before publication.
    """
    day = lead[1]
    if published is None or day.end >= published:
        return dates
    told = (cas.killed, cas.injured)
    if not any(a is not None and a == b for a, b in zip(told, lead_toll, strict=True)):
        return dates
    return [
        replace(day, start_char=d.start_char, end_char=d.end_char, text=d.text)
        if d.text.lower() == "today" and any(a <= d.start_char < b for a, b in quotes)
        else d
        for d in dates
    ]


# A quotation's "today": the day of the report it is quoted from
_QUOTE_TODAY = re.compile(r"today|this\s+(?:morning|afternoon|evening)|tonight", re.IGNORECASE)
_OPENS_QUOTE = re.compile(r"\s*[\"“]")
_REPORT_VERB = re.compile(
    r"\b(?:reported|said|wrote|posted|announced|stated|noted|warned)\b", re.IGNORECASE
)


def _quote_of_a_dated_report(
    sent: Sentence, prior: Sentence, dates: list[DateSpan], published: dt.date | None
) -> list[DateSpan]:
    """A quotation's "today" is the day of the report told in the sentence before it.

    "On Saturday, analysts reported that troops massed near X. 'This afternoon they stormed
    the village,' they wrote.": in a report filed the next day, the quote's afternoon is
    Saturday's. Only for a sentence that opens with the quotation, after a sentence that
    tells one report (a reporting verb) on one day before publication.
    """
    if published is None or not _OPENS_QUOTE.match(sent.text):
        return dates
    if not any(_QUOTE_TODAY.fullmatch(d.text) for d in dates):
        return dates
    if not _REPORT_VERB.search(prior.text):
        return dates
    told = find_dates(prior.text, published=published)
    if len(told) != 1 or told[0].start != told[0].end or told[0].end >= published:
        return dates
    day = told[0]
    return [
        DateSpan(day.start, day.end, day.precision, d.text, d.start_char, d.end_char)
        if _QUOTE_TODAY.fullmatch(d.text)
        else d
        for d in dates
    ]


_FOLLOWED_BY = re.compile(r"\b(?:followed by|then|and another)\b")
_CLAUSE_MARK = re.compile(r"[,;:]")


def _struck_before(text: str, sent: Sentence, trig: Trigger, tops: list[Toponym]) -> list:
    """The place of a clause that a closing "after a drone attack" explains.

    "a depot burned in Sevastopol after an apparent drone strike": the strike named only in
    the "after" clause hit the place where the fire broke out.
    """
    clause = clause_tail(text, sent.start, trig.start)
    if not _AFTER_STRIKE.search(clause):
        return []
    start = trig.start - len(clause)
    before = [t for t in tops if start <= t.start < trig.start][-1:]
    # a locative ("in Moscow-annexed Crimea"), not a modifier ("Kherson residents flee")
    return [t for t in before if _LOCATIVE_BEFORE.search(text, max(start, t.start - 40), t.start)]


def _ground(trig: Trigger, top: Toponym, events: list[Event], sent: Sentence) -> Trigger:
    """A bare "attacks on Pokrovsk" at a place already told as ground fighting is that fighting.

    "fierce battles go on near Toretsk ... a spokesman called the attacks on Toretsk a
    torrent": without a missile, drone or shell named, the attacks are the assaults.
    """
    if (
        trig.type is EventType.ATTACK
        and trig.text.startswith("attack")
        and any(
            e.event_type in GROUND_TYPES and e.place.place_id == top.place.place_id for e in events
        )
        and not names_weapon(sent.text)
        and not parse_casualties(sent.text)
    ):
        return replace(trig, type=EventType.OFFENSIVE)
    return trig


# The two halves of one ground action told in one sentence: the fighting and the ground it won.
_GROUND_PAIR = {EventType.OFFENSIVE: EventType.ADVANCE, EventType.ADVANCE: EventType.OFFENSIVE}
# A turn between the two words makes them two actions ("captured X, but fighting goes on
# elsewhere", "; meanwhile ..."), and the war itself is no fight of the sentence.
# A relative clause after the gain describes its place ("retook X, where the army has waged a
# counteroffensive for months"): the setting, not the sentence's fight. So does a clause of
# time set off by a comma ("pulled out of X, as the counteroffensive wins back more land"):
# the wider campaign the gain falls in, not a fight at X ("as part of", "as a result" join).
_ANOTHER_ACTION = re.compile(
    r";|,\s*(?:where|which|who)\b|,\s*as\s+(?!part\b|a\s+result\b|well\b)|"
    r"\b(?:but|while|whereas|although|though|meanwhile|elsewhere|however|yet)\b",
    re.IGNORECASE,
)
_THE_WAR_WORDS = ("invasion", "invaded", "war")
# A sentence that opens with the last speaker's pronoun and a verb of saying: "He stated
# that ...", "She added that ...", "They also said ...".
_HE_REPORTED = re.compile(
    r"\s*(?:He|She|They)\s+(?:also\s+|further\s+)?(?:said|stated|added|noted|reported|"
    r"announced|wrote|stressed|emphasi[sz]ed|explained)\b"
)
# Fighting as a length of time: "over the last week of fighting", "after months of battles".
_SPAN_OF = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+of\s+(?:\w+\s+)?$", re.IGNORECASE)
# A campaign with a clause of its own ("in an offensive that began in February") is a wider
# operation told with its own time, not the fight at the place taken.
_OWN_CLAUSE_AFTER = re.compile(r"\s*,?\s+(?:that|which)\b", re.IGNORECASE)
# A gain that is the means or the aim of an attempt ("trying to encircle X by capturing
# nearby villages") has not happened.
_TRYING = ("attempt", "tried", "try", "tries", "trying", "sought", "seeking")
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
# A time told right after a ground word, or after its place ("the counteroffensive last
# summer", "the capture of the city of X in May 2023"). A fight and a gain that each carry
# their own, different time are two happenings the sentence compares, not one action.
_OWN_TIME_AFTER = re.compile(
    r"\s+(?:(?:(?:of|in|on|at|near|for|around)\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,4}?)?"
    r"(?P<time>last\s+(?:summer|spring|autumn|fall|winter|year|month|week)|"
    r"(?:early|late)\s+last\s+\w+|"
    r"in\s+(?:(?:early|mid|late)[-\s]+)?(?:" + MON_FULL + r"(?:\s+\d{4})?|\d{4})|"
    r"(?:\w+\s+)?(?:years?|months?|weeks?)\s+ago)\b",
    re.IGNORECASE,
)


def _own_time(text: str, end: int) -> str | None:
    """The time phrase a ground word carries after it (and its place), lower-cased."""
    m = _OWN_TIME_AFTER.match(text, end)
    return None if m is None else " ".join(m["time"].lower().split())


def _fight_and_gain(text: str, triggers: list[Trigger], found: list) -> list:
    """Give a fighting word with no place of its own the place of the gain its sentence tells.

    "Troops advanced in X after fierce fighting", "carried out an offensive operation,
    liberating X", "retook territory in the X region in a counteroffensive": one sentence tells
    the fighting and the ground it won, an offensive and an advance (docs/events.md), at the
    place the sentence names once. The reverse too: "stepped up assaults in the X direction,
    making several gains" is a gain there. Only when nothing turns to another action between
    the two words.
    """
    placed = {id(t) for t, _ in found}
    added = []
    for trig in triggers:
        other = _GROUND_PAIR.get(trig.type)
        if (
            other is None
            or id(trig) in placed
            or trig.text.lower().startswith(_THE_WAR_WORDS)
            or _SPAN_OF.search(text, max(0, trig.start - 30), trig.start)
            or _OWN_CLAUSE_AFTER.match(text, trig.end)
            or _BY_BEFORE.search(text, max(0, trig.start - 5), trig.start)
        ):
            continue
        partners = [
            (t, ps)
            for t, ps in found
            if t.type is other
            and not t.text.lower().startswith(_TRYING)
            and not _ANOTHER_ACTION.search(text, min(t.end, trig.end), max(t.start, trig.start))
            and not _times_apart(text, t, trig)
        ]
        if partners:
            near = min(partners, key=lambda f: abs(f[0].start - trig.start))
            added.append((trig, near[1]))
    if not added:
        return found
    return sorted([*found, *added], key=lambda f: f[0].start)


# Two happenings named by their nouns and joined, one verb and one place after them: "heavy
# fighting and shelling continued in X", "clashes and air strikes were reported near Y". The
# first has no place of its own; the place the pair governs is its place too.
_HAPPENING_NOUN = re.compile(
    r"(?:fighting|battles?|clashes|assaults?|attacks?|shelling|strikes?|airstrikes?|"
    r"air strikes?|bombardments?|explosions?|counter-?attacks?|skirmishes)$",
    re.IGNORECASE,
)
_JOINED = re.compile(r"\s*(?:,\s*|\s+and\s+|\s+or\s+)(?:[\w-]+\s+)?$", re.IGNORECASE)


def _joined_happenings(text: str, triggers: list[Trigger], found: list) -> list:
    """Give a happening noun with no place the place of the happening noun joined after it."""
    placed = {id(t): ps for t, ps in found}
    added = []
    for trig in triggers:
        if id(trig) in placed or not _HAPPENING_NOUN.match(trig.text):
            continue
        nxt = next((t for t in triggers if t.start >= trig.end), None)
        if (
            nxt is None
            or id(nxt) not in placed
            or nxt.type is trig.type
            or not _HAPPENING_NOUN.match(nxt.text)
            or not _JOINED.fullmatch(text, trig.end, nxt.start)
        ):
            continue
        added.append((trig, placed[id(nxt)]))
    if not added:
        return found
    return sorted([*found, *added], key=lambda f: f[0].start)


def _times_apart(text: str, a: Trigger, b: Trigger) -> bool:
    """Whether two ground words each carry a time of their own, and the times differ.

    "Its largest gain since the counteroffensive last summer and the capture of X in May
    2023": two happenings set side by side, each dated by its own phrase.
    """
    ta, tb = _own_time(text, a.end), _own_time(text, b.end)
    return ta is not None and tb is not None and ta != tb


_PUSHED_INTO = re.compile(PUSHED_INTO, re.IGNORECASE)


# An oblast, a raion or a hromada as what was attacked: "attacked the X district 12 times",
# "carried out 30 attacks on the territory of the X region". A governor's tally of the day's
# shelling and drones; troops storm villages and lines, not a region.
_ON_AREA_BEFORE = re.compile(
    r"\b(?:attack(?:ed|s)?|on|against)\s+(?:the\s+)?(?:territory\s+of\s+(?:the\s+)?)?"
    # "launched 250 attacks on 12 settlements of the X region": the places counted, in it
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens\s+of)"
    r"\s+(?:[\w-]+\s+)?(?:settlements|towns|villages|localities|communities|hromadas|"
    r"populated\s+(?:areas|localities))\s+(?:of|in|across)\s+(?:the\s+)?)?"
    r"(?:[\w'’-]+\s+){0,2}"
    # the list's later areas too: "two attacks in the X and Y regions", "on A, B and C"
    r"(?:(?-i:[A-Z])[\w'’-]+(?:\s+[\w'’-]+)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?){0,4}$",
    re.IGNORECASE,
)
_GROUND_CUE = re.compile(
    r"\b(?:repel\w*|repuls\w*|assault\w*|infantry|armou?red|storm\w*|fighting|clash\w*|"
    r"battles?|direction|front|positions|tried|trying|attempt\w*|troops\s+(?:in|near))\b",
    re.IGNORECASE,
)


def _tally_of_strikes(text: str, sent: Sentence, trig: Trigger, top: Toponym) -> Trigger:
    """Counted attacks on an oblast, a raion or a hromada are strikes, not ground fighting.

    "The enemy attacked the X district 12 times", "launched 25 attacks on the X region": the
    count made the attacks an assault (``triggers``), but an area named as their target is
    the shelling a governor tallies. A sentence that tells ground fighting keeps the assault.
    """
    if (
        trig.type is EventType.OFFENSIVE
        and trig.text.lower().startswith("attack")
        and (
            top.place.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2)
            # "attacked the X community 7 times": a hromada, named by its seat
            or names_community(text, top)
        )
        and top.start > trig.end
        and _ON_AREA_BEFORE.search(text, max(trig.start, top.start - 60), top.start)
        and not _GROUND_CUE.search(sent.text)
    ):
        return replace(trig, type=EventType.ATTACK)
    return trig


def _into_area(trig: Trigger, top: Toponym) -> Trigger:
    """Troops that pushed into an oblast or a country made an incursion, not a gain.

    "Pushed into the village of X" is ground entered (an advance); "pushed into the X region"
    or "deeper into Russia" is the operation across a border, an offensive, as "crossed into".
    """
    if (
        trig.type is EventType.ADVANCE
        and top.place.kind is not PlaceKind.POPULATED_PLACE
        and _PUSHED_INTO.fullmatch(trig.text)
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
        m = (
            None
            if _NOTICE_WORDS and absent(_NOTICE_WORDS, low, sent.start, sent.end)
            else _NOTICE_LOW.search(low, sent.start, sent.end)
        )
    else:
        m = _NOTICE.search(text, sent.start, sent.end)
    if m is None:
        return None
    s, e = m.span()
    local = [t for t in tops if t.place.kind is not PlaceKind.COUNTRY]
    inside = [t for t in local if s <= t.start and t.end <= e]
    after = [t for t in local if t.start >= e and not _CLAUSE_MARK.search(text, e, t.start)]
    before = [t for t in local if t.end <= s and not _CLAUSE_MARK.search(text, t.end, s)]
    place = (inside or after or before[-1:] or [None])[0]
    if place is None:
        return None
    return Trigger(EventType.STATEMENT, s, e, m.group().lower()), place


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


# Asked of the clause before each trigger of a sentence by two stages: the answer depends on
# the text alone.
@functools.lru_cache(maxsize=4096)
def _also(clause: str) -> bool:
    if "also" not in clause.casefold():
        return False  # every match holds the word, in some case: most clauses are spared
    low = caseless_lower(clause)
    if low is not None:
        return _ALSO_LOW.search(low) is not None
    return _ALSO.search(clause) is not None


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
    if trig.type is EventType.EVACUATION and top.end <= trig.start:
        return True  # "Ukraine orders evacuation from eastern towns": who orders, not where
    return trig.type is EventType.OFFENSIVE and bool(
        _MILITARY_BEFORE.search(text, max(sent.start, trig.start - 30), trig.start)
    )


# Asked of most sentences, and most hold no match: it asks its lower-case twin first
# (geo.text.casefold.Gated). Set here, after every definition, so it reads as written above.
_SUMMARY_OF_STRIKES = Gated(_SUMMARY_OF_STRIKES)
# Asked of every sentence with an evacuation word; its Cyrillic stems are looked for first,
# so an English sentence is answered without the engine trying every position.
_ORDER_GIVEN_CYR = Gated(_ORDER_GIVEN_CYR)
# Asked of every sentence with an event word, and held by almost none: a timetable's words
# ("daily", "every", "weekly") are looked for first.
_HABITUAL_SERVICE = Gated(_HABITUAL_SERVICE)


def _named_again(places: list[Toponym], tops: list[Toponym]) -> list[Toponym]:
    """The strike's places with their namings again after the last of them.

    "Shelling in A and B killed seven people in A and one in B": the counts come with the
    second naming of each place, which the strike's own places do not hold.
    """
    if len(places) < 2:
        return places
    ids = {t.place.place_id for t in places}
    last = max(t.start for t in places)
    again = [t for t in tops if t.start > last and t.place.place_id in ids]
    return [*places, *again] if again else places
