"""Consolidating a document's events: one event per happening, told once.

The sentence loop of ``geo.events.extract`` reads each mention of a happening as an event of
its own: a headline and a lead, an oblast and its namesake city, a list's umbrella ("14
settlements in X") and each listed settlement, a raion and its village, a toll told at an
oblast and then at the district "the attacks" hit. These steps fold such readings into one
event, keeping the most specific place and the higher toll.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace

from geo.events.build import _event_id, event_with
from geo.events.casualties import counts_strikes, higher_count, parse_casualties, tells_rise
from geo.events.places import ADMIN_WORD, is_oblast_centre_namesake, rest_of_area
from geo.events.triggers import FIGURE_TYPES, GROUND_TYPES, OWN_MEANS_AFTER, Trigger
from geo.places.spatial import great_circle_km
from geo.places.theatre import river_ids
from geo.records import (
    DatePrecision,
    Event,
    EventStatus,
    EventType,
    GeoPrecision,
    PlaceKind,
    Toponym,
)
from geo.text.casefold import Gated
from geo.text.sentences import Sentence

__all__ = [
    "consolidate",
    "names_community",
    "oblast_summaries_dropped",
    "order_list",
    "umbrella_list",
]


def _same_days(a: Event, b: Event) -> bool:
    """Whether two events' date ranges overlap (share a day)."""
    return a.date_start <= b.date_end and b.date_start <= a.date_end


def consolidate(events: list[Event], apart: set[int]) -> list[Event]:
    """The document's events with repeated readings of one happening folded together.

    ``apart`` holds the indexes of events told as a further happening ("the second missile
    hit ..."), which merge only with readings of their own sentence.
    """
    events, apart = _refined_place(events, apart)
    events, apart = _whole_beside_its_rest(events, apart)
    events = _street_in_its_town(events)
    return _below_country(_merge(_leaving_under_evacuation(events), apart))


# Strikes counted from a start months back up to the report's day ("since September, air
# defences have shot down about 1,000 drones over the X region", "since October Russia has
# launched 400 drones at Y"): a running total of a campaign, not a strike. A strike is a
# day's or a night's; the coded sets date a strike over a month at most ("attacks in May"),
# and a fight over months stays (a siege "since Oct. 10" is coded).
_TALLY_DAYS = 60
_SINCE_START = re.compile(r"since\b", re.IGNORECASE)


def _running_tally(e: Event) -> bool:
    """Whether a strike is a count run "since" a start more than two months back."""
    return (
        e.event_type is EventType.ATTACK
        and (e.date_end - e.date_start).days > _TALLY_DAYS
        and _SINCE_START.match(e.date_text) is not None
    )


def oblast_summaries_dropped(events: list[Event]) -> list[Event]:
    """Drop an oblast's event that sums up the same article's events at its settlements.

    "Russia attacked the Kharkiv region overnight" above "a drone hit a house in Chuhuiv"
    and "shelling damaged a school in Kupiansk" tells those strikes again as a summary:
    an analyst codes each settlement (ACLED codes the most precise location) and not the
    region a second time. An oblast-level event goes when the article has an event of the
    same type, on a shared day, at a settlement, hromada or raion of that oblast told in
    another sentence. Three kinds stay, each its own record: one told with a toll (its own,
    or one it shares with the other oblasts of its sentence: "seven wounded in the region
    over the past day" is the region's casualties, which the settlements' events do not
    sum); one told as a count of its places ("fire on 24 settlements of the region"); and
    one named in the same sentence as the settlement ("Sumy and other villages of the
    oblast", "an incursion into the region, and fighting near Sudzha"), where the oblast
    stands for its other places.
    Runs last, on the final dates, so "the night before" and "the day" both count as shared.
    Fighting and gains one sentence puts in several oblasts at once go first
    (``_front_wide_dropped``).
    """
    events = _front_wide_dropped(events)
    events = _titles_over_their_body(events)
    events = _fight_as_a_regions_setting(events)
    events = _fight_at_the_town_of_its_where(events)
    below = [e for e in events if e.geo_precision in _BELOW_OBLAST and e.place.admin1_code]
    if not below:
        return events
    # "six killed in attacks in the Donetsk and Kherson oblasts": the toll went to one of
    # the pair, and it is the other's too
    tolled = {e.sentence_start for e in events if e.killed is not None or e.injured is not None}
    return [
        e
        for e in events
        if not (
            e.geo_precision is GeoPrecision.ADMIN1
            and e.sentence_start not in tolled
            and e.place.admin1_code
            and any(
                b.event_type is e.event_type
                and b.place.admin1_code == e.place.admin1_code
                and b.sentence_start != e.sentence_start
                and _same_days(b, e)
                for b in below
            )
            and not _counts_places(e)
            and not _struck_its_settlements(e, events)
            # "regained control of the whole X region": the region taken as a whole is news
            # of its own, beside the towns retaken in it
            and not (e.event_type is EventType.ADVANCE and _WHOLE_AREA.search(e.quote))
            # "some 4,000 residents were evacuated out of the X region": the region's own count,
            # which its districts' evacuations told without figures do not sum
            and not _counted_over_uncounted(e, below)
        )
    ]


def _counted_over_uncounted(e: Event, below: list[Event]) -> bool:
    """Whether an oblast's evacuation or flight holds a head-count its places' events lack."""
    return e.people is not None and not any(
        b.event_type is e.event_type
        and b.place.admin1_code == e.place.admin1_code
        and b.people is not None
        for b in below
    )


# An oblast told whole: "the whole X region", "the entire region", "all of the X oblast"
_WHOLE_AREA = re.compile(
    r"\b(?:the\s+(?:whole|entire)|all\s+of\s+the)\s+(?:(?-i:[A-Z])[\w'’-]+\s+)?"
    r"(?:region|oblast|province)\b",
    re.IGNORECASE,
)


_BELOW_OBLAST = frozenset({GeoPrecision.SETTLEMENT, GeoPrecision.ADMIN2})


def _front_wide_dropped(events: list[Event]) -> list[Event]:
    """Drop fighting or gains told of several oblasts at once in one sentence.

    "Enemy units tried to storm our lines near seven villages of the Kharkiv and Luhansk
    regions", "the fierce battles across Donetsk, Kherson and Zaporizhzhia": a sentence
    that puts one fight or one gain in two or more oblasts tells the front as a whole, and
    an analyst codes the settlements where it happened (or nothing), not a dot at each
    oblast's centre. Strikes are not dropped: "drones attacked the Sumy and Kharkiv
    regions" is a strike on each.
    """
    per_sentence: dict[tuple[EventType, int], int] = {}
    for e in events:
        if e.event_type in GROUND_TYPES and e.geo_precision is GeoPrecision.ADMIN1:
            key = (e.event_type, e.sentence_start)
            per_sentence[key] = per_sentence.get(key, 0) + 1
    if not any(n > 1 for n in per_sentence.values()):
        return events
    return [
        e
        for e in events
        if not (
            e.event_type in GROUND_TYPES
            and e.geo_precision is GeoPrecision.ADMIN1
            and per_sentence[(e.event_type, e.sentence_start)] > 1
        )
    ]


_TITLE_REACH_KM = 50.0  # "near X" in a title: the body's places around X


def _titles_over_their_body(events: list[Event]) -> list[Event]:
    """Drop an undated headline's or subheading's event that titles what the body tells.

    "Russian advance in the X region" over a section telling gains at its towns, "2,000
    evacuated from areas near Y" over a body telling evacuations from the towns around Y:
    the line names the area the body's events lie in, and its day is only the publication's
    (it has none of its own). Dropped when another sentence, not a title, tells an event of
    the same type at a settlement or district of that oblast (for a title at an oblast) or
    within 50 km of the town the title says "near" (on any day: the body dates them). A
    title with a toll stays (its figures are the body's to sum; ``_drop_headline_shorthand``).
    """
    body = [e for e in events if not _headline_line(e)]
    out = []
    for e in events:
        if (
            _headline_line(e)
            and not e.date_text
            and e.killed is None
            and e.injured is None
            and any(_titled(e, f) for f in body)
        ):
            continue
        out.append(e)
    return out


def _titled(title: Event, f: Event) -> bool:
    """Whether ``f`` is one of the body's events a title over it names the area of."""
    if f.event_type is not title.event_type or f.sentence_start == title.sentence_start:
        return False
    if f.geo_precision not in _BELOW_OBLAST or f.place.place_id == title.place.place_id:
        return False
    if title.geo_precision is GeoPrecision.ADMIN1:
        return bool(title.place.admin1_code) and f.place.admin1_code == title.place.admin1_code
    if title.event_type is EventType.ADVANCE and is_oblast_centre_namesake(title.place):
        # "Russian advances in Kharkiv" over gains at villages of the Kharkiv region: the
        # title's bare name is the region the body's gains lie in, not its centre
        return f.place.admin1_code == title.place.admin1_code
    near = re.search(r"\bnear\s+" + re.escape(title.surface) + r"\b", title.quote)
    return (
        near is not None
        and great_circle_km(title.place.lat, title.place.lon, f.place.lat, f.place.lon)
        <= _TITLE_REACH_KM
    )


# "..., in Ukraine's eastern X region, where fierce fighting persists": the fight in a clause
# that describes the region the sentence's news lies in.
_WHERE_FIGHTING = re.compile(
    r"\s*(?:region|oblast|province|area)?\s*,\s+where\s+(?:[\w-]+\s+){0,3}?"
    r"(?:fighting|battles|combat|clashes|hostilities)\s+(?:\w+\s+)?"
    r"(?:persists?|continues?|rages?|raging|goes\s+on|is\s+ongoing|are\s+ongoing|"
    r"ha(?:s|ve)\s+(?:been\s+)?(?:raging|continued|persisted|intensified|escalated))\b",
    re.IGNORECASE,
)
_FIGHT_WORD = re.compile(
    r"\b(?:fight\w*|battl\w*|clash\w*|combat|assault\w*|offensive|storm\w*|attack\w*)\b",
    re.IGNORECASE,
)


def _fight_as_a_regions_setting(events: list[Event]) -> list[Event]:
    """Drop an oblast's fight told only in a "where" clause describing the oblast.

    "Russia said it had taken another village in the eastern X region, where fierce fighting
    persists": the clause says what the region is like, as wire copy reminds its readers;
    the news is the village (an analyst codes that, or nothing where it is not named). Only
    an oblast or a region (a town "where fighting continues" may be the day's fight there),
    and only when no fight word comes before the clause in the sentence.
    """
    out = []
    for e in events:
        if (
            e.event_type is EventType.OFFENSIVE
            and e.geo_precision in (GeoPrecision.ADMIN1, GeoPrecision.REGION)
            and e.surface
            and (at := e.quote.find(e.surface)) >= 0
            and _WHERE_FIGHTING.match(e.quote, at + len(e.surface)) is not None
            and _FIGHT_WORD.search(e.quote, 0, at) is None
        ):
            continue
        out.append(e)
    return out


_WHERE_AFTER = re.compile(r"\s*(?:region|oblast|province|area)?\s*,\s+where\b[^;.]*", re.IGNORECASE)


def _fight_at_the_town_of_its_where(events: list[Event]) -> list[Event]:
    """Place a fight told at an oblast at the town its "where" clause names.

    "Heavy battles went on in the X province, where the army says it holds the town of Y":
    the oblast is where the fight's sentence starts, and the clause names the town it
    is about, the most precise place an analyst codes. Only a town of that oblast with an
    event of the same sentence told inside the clause, and only when the fight is not there
    already.
    """
    out = []
    for e in events:
        if (
            e.event_type is EventType.OFFENSIVE
            and e.geo_precision is GeoPrecision.ADMIN1
            and e.place.admin1_code
            and e.surface
            and (at := e.quote.find(e.surface)) >= 0
            and (clause := _WHERE_AFTER.match(e.quote, at + len(e.surface))) is not None
        ):
            inside = e.quote[clause.start() : clause.end()]
            town = next(
                (
                    f
                    for f in events
                    if f.sentence_start == e.sentence_start
                    and f.geo_precision is GeoPrecision.SETTLEMENT
                    and f.place.admin1_code == e.place.admin1_code
                    and f.surface
                    and re.search(rf"\b{re.escape(f.surface)}\b", inside)
                ),
                None,
            )
            if town is not None and not any(
                g.event_type is EventType.OFFENSIVE
                and g.place.place_id == town.place.place_id
                and _same_days(g, e)
                for g in events
            ):
                e = event_with(
                    e,
                    # a start no trigger has: no other event of the article takes this id
                    event_id=_event_id(
                        e.article_id, e.event_type, town.place.place_id, -1 - e.sentence_start
                    ),
                    place=town.place,
                    surface=town.surface,
                    geo_precision=town.geo_precision,
                )
        out.append(e)
    return out


def _whole_beside_its_rest(events: list[Event], apart: set[int]) -> tuple[list[Event], set[int]]:
    """Drop an oblast's reading where its sentence tells the rest of that oblast apart.

    "In X Oblast, one person was killed in A, and five were hurt in other regional
    settlements": the oblast frames A and the rest; its happenings are A's and the rest's,
    and the oblast read whole would tell the rest's toll a second time. ``apart`` (indexes
    into ``events``) is given back for the events kept.
    """
    rests = {(e.event_type, e.sentence_start, e.place.place_id) for e in events if rest_of_area(e)}
    if not rests:
        return events, apart
    kept = [
        n
        for n, e in enumerate(events)
        if rest_of_area(e) or (e.event_type, e.sentence_start, e.place.place_id) not in rests
    ]
    new_index = {n: k for k, n in enumerate(kept)}
    return [events[n] for n in kept], {new_index[n] for n in apart if n in new_index}


def _street_in_its_town(events: list[Event]) -> list[Event]:
    """Drop a street's event where its sentence told the same happening in the street's town.

    "fighting in X, namely on its eastern edge, Y Street": the geoparser places the street at
    its town (``st:<street>@<town>``); the fight is one, at the town, not a second at its street.
    """
    told = {
        (e.event_type, e.sentence_start, e.place.place_id)
        for e in events
        if not e.place.place_id.startswith("st:")
    }
    return [
        e
        for e in events
        if not (
            e.place.place_id.startswith("st:")
            and (e.event_type, e.sentence_start, e.place.place_id.rpartition("@")[2]) in told
        )
    ]


_WARRING = frozenset({"UA", "RU"})  # their names in a text about the war are its topic


def _below_country(events: list[Event]) -> list[Event]:
    """The events placed at least at an oblast: a whole country is no place for one.

    What is left at a country after the merge ("evacuation to safer regions of Ukraine",
    "took control of the village, Russia's ministry said", "talks on a Ukraine ceasefire")
    names the country as a destination, a speaker or a topic, not as where it happened, and
    its dot in the middle of the country says nothing; ACLED, too, codes every event to a
    first-level region at least. On the real reports coded so far, none of the twelve such
    events was an event the coder had. Talks at a venue abroad named only by its country
    ("talks in Turkey") stay: there the country is where they were held.
    """
    return [
        e
        for e in events
        if (
            e.geo_precision is not GeoPrecision.COUNTRY
            # "talks in Saudi Arabia": a venue abroad is where the talks were, the country
            # all the text tells of it (the warring countries themselves are a topic there)
            or (e.event_type is EventType.NEGOTIATION and e.place.country_code not in _WARRING)
        )
        and _of_this_war(e)
        and not _running_tally(e)
        # "fell back across the Dnipro River", "crossed the Oskil": a river
        # runs for hundreds of kilometres, and its one dot is no place an event happened at
        and e.place.place_id not in river_ids()
    ]


def _of_this_war(event: Event) -> bool:
    """Whether an event lies where this war is coded: in the warring countries, or is said.

    A report on the war names other wars and other countries' news as comparison or aside
    ("strikes on a town in Gaza killed 20", "a drone crashed in a field in Romania", people
    "displaced from" a city abroad); the war's coders code the fighting, strikes and flight
    in Ukraine and Russia, and talks (and declarations) wherever they were held. A place
    without a country (the sea, a front sector) stays.
    """
    code = event.place.country_code
    return event.event_type in _SAID_ANYWHERE or not code or code in _WARRING


_SAID_ANYWHERE = frozenset({EventType.NEGOTIATION, EventType.STATEMENT})


def _on_day_of(event: Event, told: Event) -> Event:
    """``event`` on the day ``told`` was told: a reading that told no day of its own."""
    return replace(
        event,
        date_start=told.date_start,
        date_end=told.date_end,
        date_precision=told.date_precision,
        date_text=told.date_text,
    )


_BATTLE_TYPES = (EventType.OFFENSIVE, EventType.ADVANCE, EventType.ATTACK)


# "The overnight strikes went on for hours and hit the X district": the strike of the
# sentence before, told again with its place.
_DEFINITE_STRIKE = re.compile(
    r"(?:The|These|Those)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|shelling|bombardment|raids?)\b"
)


# "The dead were two men killed in the X district": the toll of the sentence before, its
# victims told again with the place they were hit at.
_DEFINITE_VICTIMS = re.compile(
    r"(?:The|Those|These|All)\s+(?:deceased|dead|victims|killed|injured|wounded|casualties)\b"
)


def _refined_place(events: list[Event], apart: set[int]) -> tuple[list[Event], set[int]]:
    """A strike told at an oblast, then as "the attacks" on a district or town of it: one strike.

    "Two people were injured when missiles struck a farm in the Mykolaiv region on Sunday.
    The strikes went on for two hours and hit the Bashtanka district.": the toll is the
    district's, and the oblast's reading (with a headline's reading of the oblast's namesake
    city, same toll and day) is the same strike, not a second one. Only for adjacent sentences
    whose sentence states no toll of its own and retells the strike: a definite "the attacks",
    or one place struck ("Russian artillery shelled the village of X"), not one more ("also",
    "a second strike"); one strike in the lead; the same day, or none told (the lead's, then).
    """
    dropped: set[int] = set()
    # read once: the loop below replaces readings with their counts and days, never with
    # another type, place or sentence
    struck = _struck_by_sentence(events)
    for j, fine in enumerate(events):
        if (
            fine.event_type is not EventType.ATTACK
            or fine.place.kind in (PlaceKind.ADMIN1, PlaceKind.COUNTRY)
            or not fine.place.admin1_code
        ):
            continue  # asked first: the sentence's words below are read for a finer strike only
        # "... a rocket hit the X region. Another four residents of the village of Y were
        # wounded": the village's toll adds to the lead's, and the village is where it struck
        added = (fine.killed is not None or fine.injured is not None) and bool(
            _ADDED_TOLL.match(fine.quote)
        )
        victims = bool(_DEFINITE_VICTIMS.match(fine.quote))
        # "... the attack on X hit a block of flats. Two children were among the dead.": a
        # count told only after the strike's sentence, within the lead's toll, is a part of it
        later = (
            (fine.killed is not None or fine.injured is not None)
            and not (added or victims)
            and not parse_casualties(fine.quote)
        )
        if (
            # "A drone strike on X killed a man": a sentence that tells a toll in its own words
            # tells a strike of its own, though one of its event words ("strike" beside
            # "killed") carries no count
            (
                (
                    fine.killed is not None
                    or fine.injured is not None
                    or parse_casualties(fine.quote)
                )
                and not (added or victims or later)
            )
            or not (
                added
                or victims
                or _DEFINITE_STRIKE.match(fine.quote)
                or _only_strike_there(struck, fine)
            )
            or (_ONE_MORE.search(fine.quote) and not added)
        ):
            continue
        coarse = next(
            (
                i
                for i in range(j - 1, -1, -1)
                if events[i].event_type is EventType.ATTACK
                and 0 <= fine.sentence_start - events[i].sentence_end < 3
                and (events[i].killed is not None or events[i].injured is not None)
            ),
            None,
        )
        if coarse is None:
            continue
        old = events[coarse]
        if (
            old.place.kind is not PlaceKind.ADMIN1
            or (
                later
                and not all(
                    part is None or (whole is not None and part <= whole)
                    for part, whole in ((fine.killed, old.killed), (fine.injured, old.injured))
                )
            )
            or old.place.admin1_code != fine.place.admin1_code
            # "shelled the X region 80 times ... guns hit Y with 50 rounds": one of the day's many
            or (not (added or victims) and counts_strikes(old.quote))
            or (fine.date_text and not _same_days_as_dated(old, fine))
            # one strike in the lead ("attacks on Kherson and Zaporizhzhia oblasts" are two)
            or not _only_strike_there(struck, old)
        ):
            continue
        events[j] = replace(
            fine,
            killed=_sum(old.killed, fine.killed) if added else old.killed,
            injured=_sum(old.injured, fine.injured) if added else old.injured,
            figures_text="; ".join(t for t in (old.figures_text, fine.figures_text) if t)
            if added
            else old.figures_text,
        )
        if not fine.date_text:  # "The village of X came under fire.": the lead's day
            fine = events[j] = replace(
                events[j],
                date_start=old.date_start,
                date_end=old.date_end,
                date_precision=old.date_precision,
                date_text=old.date_text,
            )
        stem = ADMIN_WORD.sub("", old.place.name).strip()

        def same_ground(e: Event, old: Event = old, stem: str = stem) -> bool:
            return e.event_type is EventType.ATTACK and (
                e.place.place_id == old.place.place_id
                or (
                    e.place.admin1_code == old.place.admin1_code
                    and e.place.kind is PlaceKind.POPULATED_PLACE
                    and e.place.name == stem
                )
            )

        # every sentence that told this strike there (a headline's, the lead's), with all
        # its readings of it (one per event word: "drone attacks")
        told = {
            e.sentence_start
            for e in events[:j]
            if same_ground(e)
            and (e.killed, e.injured) == (old.killed, old.injured)
            # a headline has no day of its own: it is dated the publication's
            and (not e.date_text or _same_days(e, fine))
        }
        dropped |= {
            i for i in range(j) if events[i].sentence_start in told and same_ground(events[i])
        }
    if not dropped:
        return events, apart
    kept = [i for i in range(len(events)) if i not in dropped]
    index = {old: new for new, old in enumerate(kept)}
    return [events[i] for i in kept], {index[i] for i in apart if i in index}


def _sum(a: int | None, b: int | None) -> int | None:
    return None if a is None and b is None else (a or 0) + (b or 0)


# A count told as more of the same strike's: "Another three civilians in X ...", "A further two"
_ADDED_TOLL = re.compile(
    r"\W*(?:another|a further|further)\s+(?:\d+|[a-z]+)\s+(?:people|persons|civilians|"
    r"residents|villagers)\b",
    re.IGNORECASE,
)
# "Russian troops also shelled X", "A second strike hit X": one more strike, not the lead's.
_ONE_MORE = re.compile(r"\b(?:also|another|second|third|separate|further|earlier)\b", re.I)


def _struck_by_sentence(events: list[Event]) -> dict[int, set[str]]:
    """The places of each sentence's strikes, by where the sentence starts."""
    struck: dict[int, set[str]] = {}
    for e in events:
        if e.event_type is EventType.ATTACK:
            struck.setdefault(e.sentence_start, set()).add(e.place.place_id)
    return struck


def _only_strike_there(struck: dict[int, set[str]], fine: Event) -> bool:
    """Whether a sentence tells a strike at one place only ("Troops shelled the village of X").

    ``struck`` is the article's :func:`_struck_by_sentence`.
    """
    return struck.get(fine.sentence_start, set()) <= {fine.place.place_id}


def _leaving_under_evacuation(events: list[Event]) -> list[Event]:
    """People leaving a place the article reports an evacuation from are evacuees.

    "On Sunday alone, 350 people left the town" in a report of the town's evacuation counts
    the evacuation, not a flight on their own (docs/events.md: an order to leave makes the
    leaving an evacuation).
    """
    evacuated = {e.place.place_id for e in events if e.event_type is EventType.EVACUATION}
    if not evacuated:
        return events
    return [
        replace(e, event_type=EventType.EVACUATION)
        if e.event_type is EventType.DISPLACEMENT
        and e.place.place_id in evacuated
        # "200 were evacuated, and thousands more left by their own cars": beside the
        # evacuation, a flight without its transport
        and not _LEFT_ON_OWN.search(e.quote)
        # "accommodation centres have received 900 people, 600 in the X region": people
        # counted where they are put up, not leaving it
        and not _HOSTED.search(e.quote)
        # "over the past months tens of thousands have fled X": a flight told in its own
        # word (or at the risk of life), with no evacuation in its sentence, is no evacuee
        # count
        and not (_FLED.search(e.quote) and not _EVACUATION_WORD.search(e.quote))
        else e
        for e in events
    ]


# ("were compelled to risk her life to flee X": leaving at one's own peril is no convoy)
_FLED = re.compile(
    r"\b(?:fled|flee|fleeing|risk(?:ed|ing)?\s+(?:their|his|her)\s+li(?:ves|fe))\b", re.IGNORECASE
)
_EVACUATION_WORD = re.compile(r"\bevacua", re.IGNORECASE)
_LEFT_ON_OWN = re.compile(r"\b(?:left|fled|departed)" + OWN_MEANS_AFTER.pattern, re.IGNORECASE)
_HOSTED = re.compile(
    r"\b(?:centers|centres|points|shelters|facilities)\b[^.;:]{0,60}?"
    r"\b(?:received|accommodated|housed|hosted|taken\s+in|took\s+in)\b",
    re.IGNORECASE,
)


_PERIODS = (DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.RANGE)


def _period_count_beside_day(a: Event, b: Event) -> bool:
    """Whether one reading counts the people moved over a period and the other is one day.

    "Authorities urged residents to leave on Aug. 15" and "over the past four weeks, 18,000
    residents left on evacuation buses": the period's count is a happening of its own, as
    coders keep it, not the order day's figure.
    """
    if a.event_type not in FIGURE_TYPES or a.sentence_start == b.sentence_start:
        return False
    for period, day in ((a, b), (b, a)):
        if (
            period.date_text
            and day.date_text
            and period.date_precision in _PERIODS
            and day.date_precision is DatePrecision.DAY
            and period.people is not None
            and day.people != period.people
        ):
            return True
    return False


# "the city of X and its suburbs", "X and the surrounding villages": a place phrase wider
# than the town it names
_AND_ITS_SURROUNDINGS = re.compile(
    # "X, the region's capital, and the surrounding region": the town's apposition between
    r"(?:,\s[^,;.]{1,60},)?"
    r"\s+and\s+(?:its|the\s+(?:surrounding|nearby|neighbou?ring|wider))\s+(?:suburbs?|outskirts|"
    r"surroundings|environs|villages|settlements|areas?|region|district|countryside)\b",
    re.IGNORECASE,
)


def _town_alone(a: Event, b: Event) -> Event | None:
    """Of two readings of a strike on a town, the one told of the town alone, else None.

    "Nine were hurt in X and its suburbs", then "eight were hurt in X": the second is the
    town's own count, the first counts the suburbs too.
    """
    if a.place.kind is not PlaceKind.POPULATED_PLACE or a.sentence_start == b.sentence_start:
        return None
    wide = [e for e in (a, b) if _told_with_surroundings(e) or _day_in_sum(e)]
    if len(wide) != 1:
        return None
    return b if wide[0] is a else a


def _told_with_surroundings(e: Event) -> bool:
    """Whether a strike's sentence names its town with the suburbs or villages around it."""
    at = e.quote.find(e.surface) if e.surface else -1
    return at >= 0 and _AND_ITS_SURROUNDINGS.match(e.quote, at + len(e.surface)) is not None


# "In the last 24 hours the enemy sent 60 rounds into X", "during the past week shelling of
# X killed five", "since the beginning of May, attacks on X have killed 15": the town's day or
# days summed over their strikes, not the toll of the one strike told apart ("in all, six
# were hurt" sums one strike).
_DAY_IN_SUM = re.compile(
    r"\b(?:(?:over|during|in|throughout) the (?:past|last|previous) (?:day|24 hours|week|"
    r"(?:\d+|two|three|four|five|six|seven|ten|several|few) (?:days|weeks)|month)|"
    r"during the day|throughout the day|since the (?:start|beginning) of)\b",
    re.IGNORECASE,
)


def _day_in_sum(e: Event) -> bool:
    """Whether a strike's sentence sums the town's day ("fired 60 shells at X in total")."""
    return _sums_day(e.quote)


# Asked of both readings at every merge of two, and the same sentence's readings come again:
# the answer depends on the sentence alone.
@functools.lru_cache(maxsize=1024)
def _sums_day(quote: str) -> bool:
    return counts_strikes(quote) or _DAY_IN_SUM.search(quote) is not None


# A report's verb beside the day it was told on: "Kyiv on Friday said", "announced on Friday".
_REPORT_VERB = r"(?:said|says|announced|announces|claimed|claims|reported|reports|confirmed)"
_REPORT_DAYS_BEFORE = 3  # days before a report's day that the capture it tells may lie


def _reported_on(e: Event) -> bool:
    """Whether an event's day is the day a report was made ("X said on Friday it has taken A")."""
    if not e.date_text or e.date_text not in e.quote:
        return False
    day = re.escape(e.date_text)
    return bool(
        re.search(rf"\b(?:on\s+)?{day}\s+{_REPORT_VERB}\b", e.quote)
        or re.search(rf"\b{_REPORT_VERB}\s+(?:on\s+)?{day}\b", e.quote)
        # a dateline's day is the report's: "(Agency - 8th July, 2023)", "KYIV, July 8
        # (Agency) -", "MOSCOW, July 8. /Agency/."
        or re.match(rf"[^()]{{0,60}}\([^()]{{0,60}}\b{day}\s*\)", e.quote)
        or re.match(
            rf"[A-Z][A-Z ,.-]{{1,40}}{day}\s*(?:(?:\([^()]{{1,40}}\)\s*)?[-–—]|\.\s*/[A-Z]+/)",
            e.quote,
        )
    )


def _capture_reported_later(a: Event, b: Event) -> bool:
    """Whether two captures of one place are one, told again on the day it was reported.

    "Kyiv said on Friday that it has retaken A", then "soldiers took A back yesterday": the
    lead's day is the saying's, and the capture it tells in the perfect lies on the day the
    quote gives, up to three days before it. A place is taken once in a report's days.
    """
    if a.event_type is not EventType.ADVANCE:
        return False
    for told, dated in ((a, b), (b, a)):
        if _reported_on(told) and not _reported_on(dated):
            gap = (told.date_start - dated.date_end).days
            if 0 <= gap <= _REPORT_DAYS_BEFORE:
                return True
    return False


_CAMPAIGN_DAYS = 14  # a fight "since" a day this long before the other reading's: a campaign


def _campaign_beside_day(a: Event, b: Event) -> bool:
    """Whether one reading of fighting at a place is a campaign since a date, the other a day's.

    "Moscow has lost whole battalions in its assaults on X since Oct. 10" and "the enemy
    kept trying to encircle X on Friday": the siege told with its own start weeks back and the
    day's fighting are coded apart. The start must be told in its own sentence (a "since"
    carried over from the sentence before dates nothing of this one).
    """
    if a.event_type is not EventType.OFFENSIVE or a.sentence_start == b.sentence_start:
        return False
    for campaign, day in ((a, b), (b, a)):
        if (
            campaign.date_text.lower().startswith("since")
            and campaign.date_text in campaign.quote
            and day.date_text
            and (day.date_end - day.date_start).days <= 2
            and (day.date_start - campaign.date_start).days >= _CAMPAIGN_DAYS
        ):
            return True
    return False


_PAST_DAYS = 7  # a dated happening this long before a running one's days is another


def _running_beside_past(a: Event, b: Event) -> bool:
    """Whether an undated reading of something under way is beside a dated one long past.

    "Troops continue to advance near X" (today's, told as going on) and, further down, "on 22
    August soldiers entered X" two weeks before: the day's push and the recalled capture are
    two happenings. An undated reading that is no attempt ("the Kursk offensive") still
    takes the told day.
    """
    for running, past in ((a, b), (b, a)):
        if (
            not running.date_text
            and running.status is EventStatus.ATTEMPTED
            and past.date_text
            and (running.date_start - past.date_end).days > _PAST_DAYS
        ):
            return True
    return False


# The day an earlier happening is counted back from a sentence's own ("a year after", "two
# weeks after"): events.extract dates the earlier one so, with these words as its date_text.
_COUNTED_BACK = re.compile(
    r"(?:half a|a|one|two|three) (?:day|week|month|year)s? after", re.IGNORECASE
)


def _counted_back_beside_own(a: Event, b: Event) -> bool:
    """Whether one reading is a past happening counted back from the other, undated, one.

    "A missile also hit a depot in X, a year after a strike on a market there": the hit is
    today's (no date of its own), the strike a year before; the undated hit does not take
    the counted-back day, so the two stay apart.
    """
    if a.sentence_start != b.sentence_start:
        return False
    return any(
        not own.date_text and _COUNTED_BACK.fullmatch(back.date_text) is not None
        for own, back in ((a, b), (b, a))
    )


def _merge(events: list[Event], apart: set[int]) -> list[Event]:
    """Merge repeats of one event and drop country-level events a specific one covers.

    One event per (type, place) with overlapping dates; country-level battle events that a
    more specific event of the same type already covers are dropped. An event whose index is
    in ``apart`` was told as a further happening ("the second missile hit ..."): it merges
    only with readings of its own sentence.
    """
    out: list[Event] = []
    settled: set[int] = set()  # twins that took a count told of their town alone
    # Where in ``out`` the events of each (type, place) are, in order: a twin is looked for
    # among those alone, not over every event kept so far. A merged twin keeps its type and
    # place (both readings share them), so an index never changes its key.
    kept: dict[tuple[EventType, str], list[int]] = {}
    for n, ev in enumerate(events):
        key = (ev.event_type, ev.place.place_id)
        same = kept.get(key, ())
        # Twins: the same type at the same place with overlapping dates, or where one of them
        # has no date of its own ("the Kursk offensive" after "the invasion of Kursk on
        # August 6" is the same offensive, not a new one on the publication date).
        twin = next(
            (
                k
                for k, o in zip(same, map(out.__getitem__, same), strict=True)
                # the rest of an oblast beside its town is not the oblast told whole
                if rest_of_area(o) == rest_of_area(ev)
                and (
                    n not in apart
                    or o.sentence_start == ev.sentence_start
                    # "The number of wounded in the attack on X has increased to 15 ... As
                    # reported, today a woman was killed in X": the risen toll's first report
                    or (o.event_type is EventType.ATTACK and _risen_undated(o))
                )
                and (
                    not o.date_text
                    or not ev.date_text
                    or _same_days(o, ev)
                    or _capture_reported_later(o, ev)
                )
                and not _period_count_beside_day(o, ev)
                and not _campaign_beside_day(o, ev)
                and not _running_beside_past(o, ev)
                and not _counted_back_beside_own(o, ev)
            ),
            None,
        )
        if twin is None:
            kept.setdefault(key, []).append(len(out))
            out.append(ev)
            continue
        old = out[twin]
        # Keep the reading whose date came from the text, then the more precise one.
        better = ev if (not old.date_text and ev.date_text) else old
        if _capture_reported_later(old, ev) and _reported_on(old):
            better = ev  # the capture's own day, not the day it was reported on
        other = old if better is ev else ev
        # Two readings of one strike's toll: the higher is the later count (a toll only
        # rises as the dead are found), whichever reading kept its date; but a toll told of
        # the town and its suburbs counts more than the town's own, told apart
        own = None if twin in settled else _town_alone(old, ev)
        if own is not None:
            settled.add(twin)  # later readings of the town's own strike add as ever
        # beside days told in sum, the strike's own toll is whole: "injuring two" is no
        # count of the dead that the week's five would fill
        whole = (
            own is not None
            and _day_in_sum(other if own is better else better)
            and (own.killed is not None or own.injured is not None)
        )
        out[twin] = event_with(
            better,
            people=better.people if better.people is not None else other.people,
            children=better.children if better.children is not None else other.children,
            killed=own.killed
            if own is not None and (own.killed is not None or whole)
            else higher_count(better.killed, other.killed),
            injured=own.injured
            if own is not None and (own.injured is not None or whole)
            else higher_count(better.injured, other.injured),
            figures_text=better.figures_text or other.figures_text,
        )
    specific = [e for e in out if e.geo_precision is not GeoPrecision.COUNTRY]
    out = [
        e
        for e in out
        if not (
            e.geo_precision is GeoPrecision.COUNTRY
            # "talks in southeastern Belarus" then "the meeting in Gomel": the venue
            and e.event_type in (*_BATTLE_TYPES, EventType.NEGOTIATION)
            and any(
                s.event_type is e.event_type
                and s.place.country_code == e.place.country_code
                and (not e.date_text or _same_days(s, e))
                for s in specific
            )
        )
    ]
    out = _raion_at_its_centre(_drop_list_umbrellas(_drop_oblast_twins(out)))
    out = _drop_area_umbrellas(_drop_raion_twins(_drop_summed_leads(out)))
    out = _drop_headline_shorthand(_drop_gain_recaps(_drop_fighting_settings(out)))
    return _drop_aftermath_retellings(_fold_retold_strikes(out))


# Asked alone first: the pattern with the place's name (a new one for each name) is compiled
# only where this finds something.
_ATTACKS_ON = re.compile(r"\b(?:attacks|strikes)\s+(?:on|against)\s+(?:the\s+)?(?:[\w-]+\s+)?")


def _drop_oblast_twins(events: list[Event]) -> list[Event]:
    """Drop a strike told at an oblast when the article places one that day in its namesake city.

    A headline's "drone attack on the Odesa region" and the body's "on a port district in
    Odesa" are one strike; the oblast's reading adds a second dot where nothing else
    happened. Its figures go to the city's reading if that has none.
    """
    fine = [
        e
        for e in events
        if e.event_type is EventType.ATTACK and e.geo_precision is not GeoPrecision.ADMIN1
    ]
    dropped: set[int] = set()
    absorbed: dict[int, Event] = {}  # the city's reading -> the oblast reading it replaces
    for e in events:
        if e.event_type is not EventType.ATTACK or e.geo_precision is not GeoPrecision.ADMIN1:
            continue
        if rest_of_area(e):
            continue  # "in Kharkiv and other towns of Kharkiv Oblast": the rest of it
        if _struck_its_settlements(e, events):
            continue  # "shelled 24 settlements of the Kherson region": not the city alone
        if counts_strikes(e.quote):
            continue  # "shelled the Kherson region 119 times": the day's many, not the city's
        if (
            (e.killed is not None or e.injured is not None)
            and _ATTACKS_ON.search(e.quote)
            and re.search(_ATTACKS_ON.pattern + re.escape(e.surface), e.quote)
        ):
            continue  # "attacks on Kherson Oblast killed two": the oblast's day in sum, kept
        twin = next(
            (
                f
                for f in fine
                if f.place.admin1_code
                and f.place.admin1_code == e.place.admin1_code
                and e.place.name.startswith(f.place.name)  # Odesa in Odesa Oblast
                and (
                    _same_days(f, e)
                    # a toll risen since, told on a later day: the strike told before it
                    or (
                        _risen_undated(e)
                        and f.date_start <= e.date_end
                        and (e.date_start - f.date_end).days <= 3
                    )
                )
                and not _one_of_a_list(f, fine)
                and not _counts_beyond(e, f)
            ),
            None,
        )
        if twin is not None:
            dropped.add(id(e))
            absorbed.setdefault(id(twin), e)
    out = []
    for e in events:
        if id(e) in dropped:
            continue
        oblast = absorbed.get(id(e))
        if oblast is not None and e.killed is None and e.injured is None:
            e = replace(e, killed=oblast.killed, injured=oblast.injured)
        elif oblast is not None and _risen_undated(oblast):
            # the region's reading tells the toll as it has since risen: the later count
            e = replace(
                e,
                killed=higher_count(e.killed, oblast.killed),
                injured=higher_count(e.injured, oblast.injured),
            )
        out.append(e)
    return out


def _risen_undated(e: Event) -> bool:
    """Whether a strike's toll is told as risen, with no day of its own: one strike's later count.

    "The death toll from the missile attack on a ferry in the X region has risen to four"
    counts the dead of one strike as they are found, not a region's day in sum.
    """
    return (
        not e.date_text and (e.killed is not None or e.injured is not None) and tells_rise(e.quote)
    )


def _counts_beyond(oblast: Event, city: Event) -> bool:
    """Whether an oblast's toll sums a wider span and more people than its city's strike.

    "Shelling killed one and wounded seven in the X region over the past day" beside "a
    shell killed a woman in X and wounded a man" that morning: the oblast's day in sum holds
    its other towns, a happening of its own, not the city's strike told again. Not so: a
    city with no toll of its own (it takes the oblast's); an oblast told over the city's own
    span ("overnight strikes kill five in X region" beside "overnight strikes on X killed
    four"), whose higher count is only a later one.
    """
    if city.killed is None and city.injured is None:
        return False
    if _risen_undated(oblast):
        return False  # "the death toll from the strike in the X region has risen to four"
    wider = oblast.date_start < city.date_start or oblast.date_end > city.date_end
    return wider and not _toll_within(oblast, [city])


def _one_of_a_list(city: Event, fine: list[Event]) -> bool:
    """Whether a city's strike is told in one sentence with strikes on other towns of its oblast.

    "Shelling of Kherson Oblast killed two. Kherson, Beryslav and Antonivka came under fire.":
    the oblast's reading is the day's summary of several towns, not the city's strike.
    """
    return any(
        f.sentence_start == city.sentence_start
        and f.place.place_id != city.place.place_id
        and f.place.admin1_code == city.place.admin1_code
        for f in fine
    )


# "in some villages of the X village community of the Y region": the unit that holds them
_HOLDING_UNIT = (
    r"(?:[\w'’-]+ (?:(?:village|urban|rural|settlement|territorial|starosta) )*"
    r"(?:community|hromada|district|raion) (?:in|of) (?:the )?)?"
)
# The kind of place a count counts, alone or paired ("9 cities and villages").
_PLACE_KINDS = (
    r"(?:settlements|villages|towns|cities|localities|locations|places|communities|hromadas)"
)
# "in 14 towns and villages of the oblast", "several villages of the Sumy region", "several
# locations in X Oblast": a count of places whose names the article gives one by one.
_UMBRELLA = (
    r"\b(?:a number of|several|some|many|dozens of|\d+|a few|multiple) "
    rf"{_PLACE_KINDS}(?: and {_PLACE_KINDS})? "
    r"(?:in|of|across) (?:the )?" + _HOLDING_UNIT
)
# The areas named before this one in the count's list: "in the A and B regions", "in the A,
# B and C regions", "in the A region and the B region".
_AREAS_BEFORE = (
    r"(?:[A-Z][\w'’-]*(?: (?:region|oblast|district|raion)s?)?"
    r"(?:, (?:and )?| and )(?:the )?)*"
)
_COUNT_WORDS = "|".join(
    ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
)
# An evacuation order counts its settlements in words as often as in digits ("five
# settlements of X region"), and an order that widens an earlier one says "11 more villages".
_ORDER_UMBRELLA = (
    rf"\b(?:a number of|several|some|many|dozens of|\d+|a few|multiple|following|{_COUNT_WORDS})"
    r" (?:(?:more|other|further) )?"
    r"(?:settlements|villages|towns|localities|locations|places|communities|hromadas) "
    r"(?:in|of|across) (?:the )?" + _HOLDING_UNIT
)


# A bulletin's tally of the day's strikes across an oblast: a count of its settlements
# ("24 settlements of the X region", "more than 15 settlements in X region", "a number of
# settlements in the X region"); Russian and Ukrainian "по восьми населённым пунктам X
# области", "населених пунктах X області". Communities (hromadas) along a border are larger
# units a report then tells one by one, and a bare "settlements" is no tally: not these.
_TALLY = (
    r"(?:\b(?:a number of|several|many|dozens of|multiple|"
    r"(?:more than|over|at least|about|approximately|around|nearly) \d+|\d+|"
    + _COUNT_WORDS
    + r") (?:settlements|localities|towns and villages|villages)"
    r"|\bнаселе?н\w*\s+пункт\w*)"
    r"\s+(?:(?:in|of|across)\s+(?:the\s+)?)?"
)
# Each alone, compiled once: a quote without one cannot match it followed by a place's name.
_TALLY_RX = re.compile(_TALLY, re.IGNORECASE)
_UMBRELLA_RX = re.compile(_UMBRELLA, re.IGNORECASE)
_ORDER_UMBRELLA_RX = re.compile(_ORDER_UMBRELLA, re.IGNORECASE)


def _struck_its_settlements(e: Event, events: list[Event]) -> bool:
    """Whether an area's strike is told as a tally of strikes on its settlements, by name.

    "Over the past day the enemy opened fire on 24 settlements of the Zaporizhzhia region"
    is the day's strikes across the oblast, which a bulletin codes beside the city (its
    namesake or one of its towns) hit that day, not a retelling of the city's strike. Only
    when the area is named there ("of the region" refers back), and not when the next
    sentence only names the counted places ("Among them were A and B": see umbrella_list),
    which then stand for the tally.
    """
    if e.event_type is not EventType.ATTACK or not e.surface or not e.surface[:1].isupper():
        return False
    if _TALLY_RX.search(e.quote) is None:
        return False  # no tally at all: the pattern with the place's name is not compiled
    pattern = _TALLY + _HOLDING_UNIT + _AREAS_BEFORE + re.escape(e.surface)
    if re.search(pattern, e.quote, re.IGNORECASE) is None:
        return False
    return not any(
        f.event_type is e.event_type
        and f.place.admin1_code == e.place.admin1_code
        and _THESE_INCLUDE.match(f.quote)
        for f in events
    )


def _counts_places(e: Event) -> bool:
    """Whether an area event is told as a count of its places ("in 12 villages of X")."""
    return _place_count(e) is not None


def _place_count(e: Event) -> re.Match[str] | None:
    """The count of places an area event is told as ("12 villages of X"), if it is one."""
    evacuation = e.event_type is EventType.EVACUATION
    # every match begins with a count of places: most quotes hold none, and the pattern with
    # the place's name (a new one for each name) is compiled only where one is
    if (_ORDER_UMBRELLA_RX if evacuation else _UMBRELLA_RX).search(e.quote) is None:
        return None
    umbrella = _ORDER_UMBRELLA if evacuation else _UMBRELLA
    pattern = umbrella + _AREAS_BEFORE + re.escape(e.surface)
    return re.search(pattern, e.quote, re.IGNORECASE)


def _count_named(count: re.Match[str], e: Event, events: list[Event]) -> bool:
    """Whether the places a strike's or a fight's count of places counts are all named.

    "Fired on 46 communities in the A and B regions" beside one named town is the day's
    tally over both areas, coded at each; "repelled attacks near 9 towns and villages in the
    A and B regions" with the nine named one by one is no fight besides theirs (at least half
    of them named and read as settlements). Settlements
    of every area the count's sentence names, of the same type and day, are counted; a
    count in words ("several villages") is taken as named, as is an evacuation's (an order
    names a few of its villages and codes them, not the area).
    """
    number = count.group().split(" ", 1)[0]
    if e.event_type is EventType.EVACUATION or not number.isdigit():
        return True
    areas = {
        f.place.admin1_code
        for f in events
        if f.sentence_start == e.sentence_start
        and f.event_type is e.event_type
        and f.geo_precision in (GeoPrecision.ADMIN1, GeoPrecision.ADMIN2)
    }
    named = {
        f.place.place_id
        for f in events
        if f.event_type is e.event_type
        and f.geo_precision is GeoPrecision.SETTLEMENT
        and f.place.admin1_code in areas
        and _same_days_as_dated(f, e)
    }
    # most of them: a name the index lacks, or read as a district, is still one of the list
    return 2 * len(named) >= int(number)


_THESE_INCLUDE = re.compile(
    r"\s*(?:(?:these|they|those)\s+(?:include|included|are|were)|"
    r"among\s+(?:them|these|those)\s+(?:are|were))\b",
    re.IGNORECASE,
)


# How an evacuation order's report goes on to name the settlements it counted: "In particular,
# these are five villages: A, B ...", "The settlements concerned are A, B and C", "The list
# covers A and B", "The measure covers the town of A and the villages of B and C". Only after
# an evacuation counted by settlements (see umbrella_list).
_ORDER_LISTS = re.compile(
    r"\s*(?:(?:in\s+particular|specifically|namely),?\s+)?(?:"
    r"(?:it\s+is|it['’]s|this\s+is|these\s+are|we\s+are\s+talking)\s+about\s+"
    r"(?:the\s+)?(?:\w+\s+)?(?:settlements|villages|towns|localities|communities)\s*[:—–-]"
    r"|(?:the\s+)?(?:affected|listed|following)\s+(?:settlements|villages|towns|localities)"
    r"\s+(?:are|were|include|includes)\b\s*:?"
    r"|(?:the\s+)?(?:settlements|villages|towns|localities)\s+(?:concerned|affected|in\s+question)"
    r"\s+(?:are|were|include)\b\s*:?"
    r"|(?:the|its|their)\s+list\s+(?:covers|includes|comprises|contains)\b\s*:?"
    # "The measure covers the city of A and the villages of B and C": the order, by its places
    r"|(?:the|this)\s+(?:measure|order|decision)\s+(?:covers|applies\s+to|concerns|affects)"
    r"\b\s*:?"
    r")",
    re.IGNORECASE,
)


def umbrella_list(text: str, sent: Sentence, events: list[Event]) -> tuple[Trigger, Event] | None:
    """A sentence naming the places the one before counted, as a trigger of that event's type.

    "Russian forces advanced near several villages in Donetsk Oblast. These include A, B and
    C.": the second sentence has no event word of its own; its places are where the first
    sentence's advances were. Returns the trigger and the counted event.
    """
    if not events:
        return None
    last = events[-1]
    m = _THESE_INCLUDE.match(sent.text)
    if m is None and last.event_type is EventType.EVACUATION:
        m = _ORDER_LISTS.match(sent.text)
    if m is None:
        return None
    if (
        text[last.sentence_end : sent.start].strip()
        or last.geo_precision not in (GeoPrecision.ADMIN1, GeoPrecision.ADMIN2)
        or not _counts_places(last)
    ):
        return None
    trig = Trigger(last.event_type, sent.start + m.start(), sent.start + m.end(), m.group().lower())
    return trig, last


# What may stand between the names of an order's list told in a sentence of its own: the
# joins, the kind of each place, the community or district that situates them ("A, B and C
# of the X community", "сіл A, B та C Y громади"). Any other lowercase word is news of its
# own ("A and B remain under fire"), and the sentence is no list.
LIST_FILLER = re.compile(
    r"(?:[\s,;.:()\-–—]|(?-i:[A-ZА-ЯЁІЇЄҐ])[\w'’-]*+|"
    r"\b(?:and|the|of|in|also|as\s+well\s+as|villages?|towns?|city|settlements?|"
    r"urban-type|rural|village|community|communities|hromadas?|districts?|raions?|"
    r"regions?|oblasts?|та|і|й|и|а\s+також|також|с\.|м\.|смт|"
    r"сел[аоищеі]*|сіл|міст[оа]?|громад[аиіу]?|район[уі]?|област[іь]|"
    r"посёлк[аи]|поселк[аи]|город[аы]?|общин[аыи]|округ[аи]?)\b)*",
    re.IGNORECASE,
)
_LIST_LEAD_WORDS = 10
# A clause after the list that describes its places rather than tells news of its own.
_LIST_TAIL = re.compile(r",\s+(?:all|both|each|which)\b", re.IGNORECASE)
_COMMUNITY_AFTER = re.compile(
    r"\s+(?:(?:urban|rural|settlement|territorial)\s+)*(?:community|hromada|"
    r"(?:міської|сільської|селищної|територіальної)?\s*громад|общин)",
    re.IGNORECASE,
)


_COMMUNITIES_AFTER = re.compile(
    r"\s+(?:(?:urban|rural|settlement|territorial)\s+)*(?:communities|hromadas|громад\b|общин\b)",
    re.IGNORECASE,
)


def names_blanked(text: str, start: int, end: int, tops: list[Toponym]) -> str:
    """``text[start:end]`` with the names from ``start`` on blanked (what stands between them).

    The list patterns read only the words around the names.
    """
    rest = list(text[start:end])
    for t in tops:
        if t.start >= start:
            rest[t.start - start : t.end - start] = " " * (t.end - t.start)
    return "".join(rest)


def names_community(text: str, top: Toponym) -> bool:
    """Whether a name is a community's, as in "A and B of the X community" (X is no list item)."""
    return _COMMUNITY_AFTER.match(text, top.end) is not None


# The order named, then whom it moves counted, then where from: "The decision covers 31
# minors and 40 adults from A, B and C". The counts are the order's people, not a
# figure told of the places (a lead with any other figure is no list).
_PEOPLE_COUNT = (
    r"(?:(?:about|around|some|over|almost|nearly|up\s+to|more\s+than)\s+)?\d[\d,.]*\s+"
    r"(?:[\w-]+\s+){0,2}?(?:children|minors|people|persons|residents|civilians|families|"
    r"adults|parents|guardians|(?:family\s+)?members)"
)
_COUNTED_WHOM_LEAD = re.compile(
    r"\s*(?:the|this|that|its)\s+(?:measure|order|decision|evacuation)\s+(?:will\s+)?"
    r"(?:concerns?|covers?|affects?|involves?|appl(?:y|ies)\s+to)\s+"
    rf"{_PEOPLE_COUNT}(?:(?:,\s*|\s+)(?:and\s+)?{_PEOPLE_COUNT})*"
    r"(?:\s+(?:with\s+\w+|living))?\s+(?:from|in|of)\s+(?:the\s+)?"
    r"(?:(?:settlements?|villages?|towns?|communities)\s+(?:of\s+)?)?",
    re.IGNORECASE,
)


def order_list(text: str, sent: Sentence, tops: list[Toponym], admin1: set[str]) -> Trigger | None:
    """An evacuation trigger for a sentence that only names the settlements of an order.

    "Mandatory evacuation of families was ordered in 19 settlements of X region." then "The
    order applies to A, B and C of the Y community." (or "These are A, B ...", "Йдеться про
    населені пункти A, B ..."): the second sentence has no event word of its own; each
    settlement it names is one the order moves people from. The caller makes sure an order
    was told just before and this sentence has no trigger. A list needs two settlements or
    more, most in the order's oblast (``admin1``, or the first one's), a short lead before
    them with no figure in it, and nothing after the first name but more names and what
    situates them.
    The trigger spans the lead, so the list's places follow it.
    """
    if _COMMUNITIES_AFTER.match(text, max(t.end for t in tops)):
        return None  # "It applies to the settlements of the A, B and C communities"
    towns = [
        t
        for t in tops
        if t.place.kind is PlaceKind.POPULATED_PLACE and not names_community(text, t)
    ]
    if len(towns) < 2 or any(
        t.place.kind not in (PlaceKind.POPULATED_PLACE, PlaceKind.ADMIN1, PlaceKind.ADMIN2)
        for t in tops
    ):
        return None
    # a namesake far away does not undo the list, but it is no place of the order (the
    # caller keeps only the places in the order's oblast); most of the list must lie there
    home = admin1 or {t.place.admin1_code for t in towns[:1]}
    inside = [t for t in towns if t.place.admin1_code in home]
    if len(inside) < 2 or 2 * len(inside) <= len(towns):
        return None
    first = min(t.start for t in tops)
    lead = text[sent.start : first]
    if not lead.strip() or (
        (re.search(r"\d", lead) or len(lead.split()) > _LIST_LEAD_WORDS)
        and _COUNTED_WHOM_LEAD.fullmatch(lead) is None
    ):
        return None
    between = names_blanked(text, first, sent.end, tops)
    # "..., all part of the X community", "..., which lie along the river": a clause after a
    # comma that only describes the listed places
    if (tail := _LIST_TAIL.search(between)) and not re.search(r"\d", between[tail.start() :]):
        between = between[: tail.start()]
    if LIST_FILLER.fullmatch(between) is None:
        return None
    end = sent.start + len(lead.rstrip())
    return Trigger(EventType.EVACUATION, sent.start, end, text[sent.start : end].lower())


# One line of an order's list set out line by line: "- the village of A;", "• A", "села A;",
# "A, B (X community);". What may stand around the names on such a line.
_ITEM_PREFIX = re.compile(
    r"\s*(?:[-•–—*·▪]\s*)?(?:(?:the\s+)?(?:urban-type\s+)?(?:village|town|city|settlement|hamlet)s?"
    r"\s+of\s+|(?:міста|місто|селища|селище|села|село|сел|сіл|смт|поселка|посёлка|поселок|"
    r"поселков|города|город|с\.|м\.)\s*)?",
    re.IGNORECASE,
)
_ITEM_REST = re.compile(
    r"(?:[\s,;.:\-–—•*·▪]|\band\b|\bта\b|\bі\b|\bи\b|"
    # "The X territorial community — 6 settlements, 41 children;": a hromada's line, what it
    # counts after the name
    r"\b(?:the|territorial|urban|rural|village|settlement|community|hromada)\b|"
    r"\b\d[\d ,]*\s+(?:settlements?|villages?|children|people|residents|families)\b|"
    # a name the gazetteer lacks ("Bілозерське" spelt with a Latin i)
    r"[A-ZА-ЯЁІЇЄҐ][\w'’-]*|"
    r"\((?:[^()]{0,60}\s)?(?:community|hromada|громада|громади|громаді|общины|община)\))*",
)
_ITEM_NOUNS = re.compile(
    r"\b(?:(?:the\s+)?(?:village|town|settlement)s?\s+of|села|сел|селища|міста|с\.)(?=\s|$)",
    re.IGNORECASE,
)


# What a list set out one settlement a line may be the places of, besides an order's
# evacuation: "liberated eight settlements of the X district:", "shelled these villages:".
_LINE_LIST_TYPES = (EventType.ADVANCE, EventType.ATTACK, EventType.OFFENSIVE)


def opens_order_list(sent: Sentence, triggers: list[Trigger]) -> EventType | None:
    """The event type of a sentence whose settlements follow one a line, else None.

    "Mandatory evacuation of families starts from the following villages:" then one village
    a line: an evacuation at each. "Our units liberated eight settlements of the X district:"
    then the villages: an advance at each. Only a factual trigger opens such a list (a plan
    does not), an evacuation before any other.
    """
    if not sent.text.rstrip().endswith(":"):
        return None
    types = [t.type for t in triggers]
    if EventType.EVACUATION in types:
        return EventType.EVACUATION
    return next((t for t in types if t in _LINE_LIST_TYPES), None)


def order_subheading(sent: Sentence) -> bool:
    """A line such as "Bilozerska hromada:" that groups the villages of an order's list."""
    line = sent.text.strip()
    return line.endswith(":") and len(line.split()) <= 4 and "\n" not in line


def order_line(text: str, sent: Sentence, tops: list[Toponym]) -> bool:
    """Whether a sentence is one line of an order's list: settlement names and nothing else.

    Names the gazetteer lacks count as names (capitalised words), so that a village it does
    not know does not end the list; a line that says more ("- A was shelled") is no item.
    """
    m = _ITEM_PREFIX.match(text, sent.start, sent.end)
    rest_text = _ITEM_NOUNS.sub(" ", names_blanked(text, m.end(), sent.end, tops))
    return _ITEM_REST.fullmatch(rest_text) is not None


def order_item(
    text: str, sent: Sentence, tops: list[Toponym], etype: EventType = EventType.EVACUATION
) -> Trigger | None:
    """A trigger of the list's type (``etype``) for a line of a list that names settlements.

    The line has no event word of its own: what the line before told (see
    ``opens_order_list``) is what happens at each place it names. None for a line that
    says more than names ("- the village of A was shelled") or names no known place.
    """
    if not tops or not order_line(text, sent, tops):
        return None
    m = _ITEM_PREFIX.match(text, sent.start, sent.end)
    return Trigger(etype, sent.start, m.end(), text[sent.start : m.end()].lower())


_NUMBERS = dict(zip(_COUNT_WORDS.split("|"), range(2, 13), strict=True))
# "attacked two villages in the X region", "an attack on three settlements in X region":
# a count of the area's settlements, said in digits or words
_NAMED_COUNT = re.compile(
    rf"\b(?P<n>\d+|{_COUNT_WORDS}) (?:settlements|localities|villages|towns|communities|"
    r"hromadas) (?:in|of|across) (?:the )?" + _HOLDING_UNIT,
    re.IGNORECASE,
)


def _named_tally(e: Event, events: list[Event]) -> bool:
    """Whether an area's strike counts settlements that the article's own strikes all name.

    "Drones attacked two villages in the X region: A ... and B ...", "an attack on three
    settlements in X region" with the three told one by one: the count is the named places'
    strikes summed, no strike of the area besides them. A count above the places named (a
    bulletin's "24 settlements", three of them named) is the day's tally, kept.
    """
    if e.event_type is not EventType.ATTACK or not e.surface:
        return False
    if _NAMED_COUNT.search(e.quote) is None:
        return False  # no count at all: the pattern with the place's name is not compiled
    m = re.search(_NAMED_COUNT.pattern + re.escape(e.surface), e.quote, re.IGNORECASE)
    if m is None:
        return False
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else _NUMBERS[n]
    named = {
        f.place.place_id
        for f in events
        if f.event_type is e.event_type
        and f.geo_precision is GeoPrecision.SETTLEMENT
        and f.place.admin1_code == e.place.admin1_code
        and _same_days(f, e)
    }
    return len(named) >= count


def _same_days_as_dated(f: Event, e: Event) -> bool:
    """Whether ``f`` shares a day with ``e`` as it will be dated.

    A reading with no day of its own is dated from the eve of publication to its day after
    consolidation (``extract._undated``).
    """
    if f.date_text or f.date_start != f.date_end:
        return _same_days(f, e)
    return e.date_start <= f.date_end and f.date_start - dt.timedelta(days=1) <= e.date_end


def _drop_list_umbrellas(events: list[Event]) -> list[Event]:
    """Drop an area event told as "several villages in X" when X's named villages follow.

    "ordered the compulsory evacuation of several villages of Kharkiv Oblast", then "from
    the town of A and the villages of B and C": the oblast reading only counts the places the
    article names; it adds a dot where nothing else happened. Kept when no settlement of
    that area has an event of the same type and days.
    """
    out = []
    for e in events:
        if (
            e.geo_precision in (GeoPrecision.ADMIN1, GeoPrecision.ADMIN2)
            and e.place.admin1_code
            and _named_tally(e, events)
        ):
            continue
        if (
            e.geo_precision in (GeoPrecision.ADMIN1, GeoPrecision.ADMIN2)
            and e.place.admin1_code
            and (count := _place_count(e)) is not None
            and not _struck_its_settlements(e, events)
            and _count_named(count, e, events)
            and any(
                f.event_type is e.event_type
                and f.geo_precision is GeoPrecision.SETTLEMENT
                and f.place.admin1_code == e.place.admin1_code
                and _same_days_as_dated(f, e)
                for f in events
            )
        ):
            continue
        if _order_set_out(e, events):
            continue
        out.append(e)
    return out


# A raion's code: its oblast and raion digits, then a community part of zeros
_RAION_CODE = re.compile(r"^ua2:(UA\d{4})000")
_RAION_REACH_KM = 50.0  # a raion's settlements lie within this of its point


def _order_set_out(e: Event, events: list[Event]) -> bool:
    """Whether a district's evacuation order is told again at its communities or towns.

    "Evacuation of families was ordered in the X district", then "it covers 12 settlements of
    the A community and five of the B community" (or one line per community): the order is
    coded where it moves people from, each community or town, and the district's reading
    only sums them. Two such places of the district on the same days at least; one is a
    town beside the district, kept apart.
    """
    if e.event_type is not EventType.EVACUATION or e.place.kind is not PlaceKind.ADMIN2:
        return False
    raion = _RAION_CODE.match(e.place.place_id)
    if raion is None:
        return False
    inside = {
        f.place.place_id
        for f in events
        if f.event_type is EventType.EVACUATION
        and f.place.place_id != e.place.place_id
        and _same_days(f, e)
        and (
            f.place.place_id.startswith("ua2:" + raion.group(1))
            or (
                f.place.kind is PlaceKind.POPULATED_PLACE
                and f.place.admin1_code == e.place.admin1_code
                and great_circle_km(e.place.lat, e.place.lon, f.place.lat, f.place.lon)
                <= _RAION_REACH_KM
            )
        )
    }
    return len(inside) >= 2


_HROMADA_CODE = re.compile(r"^ua2?:(UA\d{7})")


def _inside(fine: Event, area: Event) -> bool:
    """Whether a settlement lies in an oblast's, or a hromada's, ground (by its codes)."""
    if area.place.kind is PlaceKind.ADMIN1:
        return fine.place.admin1_code == area.place.admin1_code
    a = _HROMADA_CODE.match(area.place.place_id)
    f = _HROMADA_CODE.match(fine.place.place_id)
    return a is not None and f is not None and a.group(1) == f.group(1)


_SUM_REACH_KM = 40.0  # a district's villages lie within this of its point (a raion: more)
_SUM_CHARS = 1200  # the villages' strikes told within a paragraph or two after the district


def _drop_summed_leads(events: list[Event]) -> list[Event]:
    """Drop a lead's strike on an area whose toll the strikes on its villages add up to.

    "Russian forces bombarded X hromada, leaving three people dead. ... two men were killed
    in an attack on A. A strike on B claimed the life of a woman.": the hromada's three are
    A's two and B's one; the lead adds a dot where nothing else happened and counts the dead
    twice. Only with two or more village strikes whose stated counts sum to the lead's
    exactly; villages that tell no day of their own take the lead's. A village is the area's
    by its codes, or, after a district, by lying near its point within a paragraph or two.
    """
    dated: dict[int, Event] = {}  # a village's strike -> the lead whose day it takes
    dropped: set[int] = set()
    for e in events:
        district = e.geo_precision is GeoPrecision.ADMIN2
        if not (
            e.event_type is EventType.ATTACK
            and (district or e.place.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2))
            and (e.killed or e.injured)
        ):
            continue
        parts = [
            f
            for f in events
            if f is not e
            and f.event_type is EventType.ATTACK
            and (
                f.place.kind is PlaceKind.POPULATED_PLACE
                or f.geo_precision is GeoPrecision.SETTLEMENT
            )
            and f.sentence_start > e.sentence_start
            and (f.killed is not None or f.injured is not None)
            and (_same_days(f, e) or not f.date_text)
            and (
                _inside(f, e)
                or (
                    district
                    and f.sentence_start - e.sentence_end < _SUM_CHARS
                    and great_circle_km(e.place.lat, e.place.lon, f.place.lat, f.place.lon)
                    <= _SUM_REACH_KM
                )
            )
        ]
        if len(parts) >= 2 and all(
            told is None or sum(n or 0 for n in counts) == told
            for told, counts in (
                (e.killed, [f.killed for f in parts]),
                (e.injured, [f.injured for f in parts]),
            )
        ):
            dropped.add(id(e))
            dated.update({id(f): e for f in parts if not f.date_text})
    out = []
    for e in events:
        if id(e) in dropped:
            continue
        if (d := dated.get(id(e))) is not None:
            e = _on_day_of(e, d)
        out.append(e)
    return out


def _raion_toll_at_its_centre(events: list[Event]) -> list[Event]:
    """Drop a district's strike whose toll its namesake centre is told with again.

    "seven were wounded in the Rylsk district", then "In Rylsk ... seven people were
    injured": one strike, at the town, which takes the district's day if it told none.
    """
    dropped: set[int] = set()
    days: dict[int, Event] = {}
    for i, e in enumerate(events):
        name = e.surface.split()[0].lower() if e.surface else ""
        if (
            e.event_type is not EventType.ATTACK
            or e.geo_precision is not GeoPrecision.ADMIN2
            or not name
            or (e.killed is None and e.injured is None)
        ):
            continue
        town = next(
            (
                k
                for k, f in enumerate(events)
                if f.event_type is EventType.ATTACK
                and f.geo_precision is GeoPrecision.SETTLEMENT
                and f.place.admin1_code == e.place.admin1_code
                and f.surface.lower() == name
                and (f.killed, f.injured) == (e.killed, e.injured)
                and (_same_days(f, e) or not f.date_text)
            ),
            None,
        )
        if town is not None:
            dropped.add(i)
            if not events[town].date_text and e.date_text:
                days.setdefault(town, e)
    out = []
    for i, e in enumerate(events):
        if i in dropped:
            continue
        if (d := days.get(i)) is not None:
            e = _on_day_of(e, d)
        out.append(e)
    return out


# A district's word: a quote without one cannot tell "A in the X district", and the pattern
# with the two names (a new one for each pair) is not compiled.
_UNIT_WORD = re.compile(r"\s(?:district|raion)\b", re.IGNORECASE)


def _drop_raion_twins(events: list[Event]) -> list[Event]:
    """Drop a strike told at a district when the article places it in a village of that district.

    "shelled the Izium and Kupiansk districts", then "a woman was hurt when a shell hit
    Obukhivka in Kupiansk district": the Kupiansk district reading is Obukhivka's strike told
    from afar, while Izium district's stands alone.
    """
    events = _raion_toll_at_its_centre(events)
    out = []
    for e in events:
        name = e.surface.split()[0] if e.surface else ""
        if (
            e.event_type is EventType.ATTACK
            and e.geo_precision is GeoPrecision.ADMIN2
            and name
            and any(
                f.event_type is EventType.ATTACK
                and f.geo_precision is GeoPrecision.SETTLEMENT
                and (
                    (
                        _same_days(f, e)
                        and _UNIT_WORD.search(f.quote)
                        and re.search(
                            re.escape(f.surface)
                            + r"\W+(?:\w+\W+){0,2}?in\s+(?:the\s+)?"
                            + re.escape(name)
                            + r"\s+(?:district|raion)\b",
                            f.quote,
                            re.IGNORECASE,
                        )
                    )
                    or ((_same_days(f, e) or not f.date_text) and _district_seat_next(e, f))
                )
                for f in events
            )
        ):
            continue
        out.append(e)
    # the seat's sentence told no day of its own: its strikes are the district's, on its day
    told = {
        f.sentence_start: e
        for e in events
        if e.event_type is EventType.ATTACK and e.date_text and not any(e is o for o in out)
        for f in out
        if f.event_type is EventType.ATTACK and _district_seat_next(e, f)
    }
    for k, f in enumerate(out):
        if f.event_type is EventType.ATTACK and not f.date_text:
            d = told.get(f.sentence_start)
            if d is not None:
                out[k] = _on_day_of(f, d)
    return out


def _district_seat_next(district: Event, seat: Event) -> bool:
    """Whether a district's strike is told again, in the next sentence, at its namesake seat.

    "Drones attacked the Nikopol district all day. The Nikopol and Marhanets communities were
    hit.": the district is where the strikes were, told before the communities that name
    them; the seat's community is the same strike, not a second one.
    """
    return (
        seat.place.admin1_code == district.place.admin1_code
        and 0 <= seat.sentence_start - district.sentence_end < 3
        and _DISTRICT_WORD.sub("", district.place.name).strip() == seat.place.name
    )


_DISTRICT_WORD = re.compile(r"\b(?:raion|rayon|district)\b", re.IGNORECASE)


_RAION_WORDS = re.compile(r"\s+(?:raion|district|rayon|hromada)$", re.IGNORECASE)


def _raion_at_its_centre(events: list[Event]) -> list[Event]:
    """Fold a strike told at a raion into the strike told at its namesake centre that day.

    "Russians shelled Nikopol district, injuring a man", then "... fired artillery shells at
    Nikopol": the district's strike is the town's told from afar. The town keeps its place
    and takes the higher toll, and the reporter's status where the town's is a quote's claim.
    """
    centres = {
        (e.place.name.lower(), e.place.admin1_code): i
        for i, e in enumerate(events)
        if e.event_type is EventType.ATTACK and e.geo_precision is GeoPrecision.SETTLEMENT
    }
    if not centres:
        return events
    out = list(events)
    drop: set[int] = set()
    for i, e in enumerate(events):
        if e.event_type is not EventType.ATTACK or e.geo_precision is not GeoPrecision.ADMIN2:
            continue
        j = centres.get((_RAION_WORDS.sub("", e.place.name).lower(), e.place.admin1_code))
        if j is None or not _same_days(events[j], e):
            continue
        town = out[j]
        # the reporter's own account of the strike outranks a quoted one
        told = e if town.status is EventStatus.CLAIMED else town
        out[j] = replace(
            town,
            killed=higher_count(town.killed, e.killed),
            injured=higher_count(town.injured, e.injured),
            figures_text=town.figures_text or e.figures_text,
            status=told.status,
            claimed_by=told.claimed_by,
        )
        drop.add(i)
    return [e for i, e in enumerate(out) if i not in drop]


def _undated_lead_of(area: Event, town: Event) -> bool:
    """Whether an area's strike, told with no date, leads a town's strike of the day before.

    "Two wounded in drone attack on Kherson region" (a headline), then "yesterday evening a
    drone hit a shop in Beryslav, wounding two": the headline's day is only
    the publication's, which a bulletin reports the morning after; the body's date for the
    same strike is the one to trust.
    """
    return (
        not area.date_text
        and bool(town.date_text)
        and area.date_start - dt.timedelta(days=1) <= town.date_end <= area.date_end
    )


def _toll_within(area: Event, towns: list[Event]) -> bool:
    """Whether an area's stated toll is no more than its towns' tolls added up (or none)."""
    return all(
        told is None or told <= sum(n or 0 for n in counts)
        for told, counts in (
            (area.killed, [t.killed for t in towns]),
            (area.injured, [t.injured for t in towns]),
        )
    )


def _headline_line(e: Event) -> bool:
    """Whether an event was read from a line without a full stop (a headline, a standfirst)."""
    return not e.quote.rstrip().endswith((".", "!", "?", '"', "”"))


def _named_unit(e: Event) -> bool:
    """Whether a strike is placed at a district or a community named as such in its sentence.

    "drones hit a warehouse in the X district", "the A, B and C communities were shelled":
    the unit is where an analyst codes the strike (ACLED's second precision), as a town is.
    A village the gazetteer knows only by its community's centre is no such unit.
    """
    return e.geo_precision is GeoPrecision.ADMIN2 and e.place.kind is PlaceKind.ADMIN2


def _beside_other_areas(e: Event, events: list[Event]) -> bool:
    """Whether ``e``'s sentence also tells an event at another oblast or raion."""
    return any(
        f.sentence_start == e.sentence_start
        and f.place.place_id != e.place.place_id
        and f.geo_precision in (GeoPrecision.ADMIN1, GeoPrecision.ADMIN2)
        for f in events
    )


def _drop_area_umbrellas(events: list[Event]) -> list[Event]:
    """Drop a strike told at an oblast or a district that strikes on its towns tell again.

    "Shelling hits Sumy region, one hurt", then "A shell struck a house in Bilopillia, where
    a man was hurt": the area is where the town lies, not one more strike, and an analyst
    codes the town. Dropped when a strike on an overlapping day lies at a town of the area
    and the area's reading states no toll beyond the towns' added up. Kept: an area with no
    struck town of its own in the article; a town's event of another type; a toll the towns
    do not account for ("attacks on X Oblast killed two" beside one death in its city); a
    town named beside the area in one sentence ("the X region and the town of Y"); an
    area told beside other areas ("in the Donetsk and Luhansk regions"), which sums a wider
    day, unless it was read from a headline or a standfirst line (no full stop) that the body
    retells town by town; "the rest of the oblast" beside its city. Ground fighting and
    captures are left alone: reports code an incursion or gains in an oblast beside its
    villages.
    """
    dropped: set[int] = set()
    for e in events:
        if (
            e.event_type is not EventType.ATTACK
            or e.place.kind not in (PlaceKind.ADMIN1, PlaceKind.ADMIN2)
            or e.geo_precision not in (GeoPrecision.ADMIN1, GeoPrecision.ADMIN2)
            or rest_of_area(e)
            or _struck_its_settlements(e, events)
        ):
            continue
        towns = [
            f
            for f in events
            if f.event_type is EventType.ATTACK
            and (
                (
                    f.geo_precision is GeoPrecision.SETTLEMENT
                    and f.place.kind is PlaceKind.POPULATED_PLACE
                )
                or (e.place.kind is PlaceKind.ADMIN1 and _named_unit(f))
            )
            # "hit the Mykolaiv region and the town of Ochakiv": a town named beside its
            # oblast in one sentence is apart from it; the retelling comes in another, or
            # in the strike's own participle ("shelled the region, hitting a house in A")
            and (f.sentence_start != e.sentence_start or _hit_within(e, f))
            and _inside(f, e)
            and (_same_days(f, e) or _undated_lead_of(e, f))
        ]
        town_ids = {id(t) for t in towns}
        if (
            towns
            and _toll_within(e, towns)
            # one of several areas in its sentence: a wider summary, not this area's towns,
            # unless its own count is a town's strike told again
            and (
                # (a district the strike's participle names is the place hit, no other area)
                not _beside_other_areas(e, [f for f in events if id(f) not in town_ids])
                or _headline_line(e)
                or _a_towns_toll(e, towns)
            )
        ):
            dropped.add(id(e))
        elif (rest := _rest_of_toll(e, towns)) is not None:
            # "Two were killed and three hurt in an attack on the X region. The dead were
            # two men killed in the A district.": the one town that holds the whole of one
            # count told nothing of the other; the area's strike is the town's, with its
            # toll (so too when a later summary of several areas tells the area's count again)
            k = next(i for i, f in enumerate(events) if f is towns[0])
            events[k] = replace(towns[0], killed=rest[0], injured=rest[1])
            dropped.add(id(e))
    return [e for e in events if id(e) not in dropped]


# The participle that tells what a strike on an area hit: "shelled the X region, hitting a
# house in A", "drones attacked the Y district overnight, damaging a farm near B"
_HIT_PARTICIPLE = re.compile(
    r"^[^;.]*?,\s+(?:also\s+)?(?:hitting|striking|damaging|destroying|killing|injuring|"
    r"wounding)\b[^;]*$",
    re.IGNORECASE,
)


def _hit_within(area: Event, town: Event) -> bool:
    """Whether a town is where the strike its sentence told at its area landed.

    "Russian forces shelled the X region, hitting a house in the A district": the area is
    where the struck place lies, told in the strike's participle, one strike, coded at the
    place hit. Read in the one sentence both come from (the caller's), the area named first.
    """
    quote = area.quote
    a = quote.find(area.surface)
    if a < 0:
        return False
    b = quote.find(town.surface, a + len(area.surface))
    return b > 0 and _HIT_PARTICIPLE.match(quote[a + len(area.surface) : b]) is not None


def _a_towns_toll(area: Event, towns: list[Event]) -> bool:
    """Whether an area's count in a round-up of areas is one of its towns' strikes told again.

    "Five were killed in the A region, four in the city of B and two in the C region", after
    the report told two killed in a district of C: C's two are that district's two. Its
    deaths (its hurt, when it counts no deaths) equal one strike's; a count of none says
    nothing.
    """
    if area.killed:
        return any(t.killed == area.killed for t in towns)
    return bool(area.injured) and any(t.injured == area.injured for t in towns)


def _rest_of_toll(area: Event, towns: list[Event]) -> tuple[int | None, int | None] | None:
    """The toll of the one town an area's strike is told again at, with the area's other count.

    Only when one town (or district) is struck, with a count equal to the area's of one
    kind and none of the other kind that the area states; not for an area's toll over a
    span ("during the past day"), which sums up the day's strikes on all its towns.
    """
    if len(towns) != 1 or area.date_precision is not DatePrecision.DAY:
        return None
    town = towns[0]
    pairs = ((area.killed, town.killed), (area.injured, town.injured))
    if not any(a is not None and a == t for a, t in pairs):
        return None
    if any(t is not None and a != t for a, t in pairs) or not any(
        a is not None and t is None for a, t in pairs
    ):
        return None
    return (
        town.killed if town.killed is not None else area.killed,
        town.injured if town.injured is not None else area.injured,
    )


# An operation into an oblast, which reports code at the oblast beside its villages: "the
# incursion into the X region", "invaded X Oblast", "the cross-border raid".
_INTO_AREA = re.compile(
    r"\b(?:incursions?|invasions?|invad\w*|cross-border|raids?|into|breakthroughs?)\b",
    re.IGNORECASE,
)
# A toll in the oblast's sentence: the oblast's day in sum, which a report codes apart.
_TOLL_WORDS = re.compile(r"\b(?:kill|injur|wound|dead|died|death|casualt)", re.IGNORECASE)


# The fighting's places counted, in the areas the sentence names: "assaults were stopped near
# 6 towns and villages of the A and B regions". The areas only hold the places, which the
# bulletin names one by one; not a wider summary of two fronts.
_COUNTED_IN_AREAS = re.compile(
    rf"\b(?:\d+|several|dozens\s+of|a\s+number\s+of|{_COUNT_WORDS})\s+(?:[a-z-]+\s+)?"
    r"(?:cities|towns|villages|settlements|localities|communities)"
    r"(?:\s+and\s+(?:cities|towns|villages|settlements|localities))?\s+(?:in|of|across)\s+"
    r"(?:the\s+)?(?P<areas>(?:[\w'’-]+(?:\s+|,\s*))*?)(?:regions|oblasts|provinces)\b",
    re.IGNORECASE,
)


def _counted_in_areas(e: Event) -> bool:
    """Whether the area of an event holds the sentence's counted places (_COUNTED_IN_AREAS)."""
    m = _COUNTED_IN_AREAS.search(e.quote)
    return m is not None and e.surface.split()[0] in m.group("areas")


def _drop_fighting_settings(events: list[Event]) -> list[Event]:
    """Drop fighting told at an oblast where the article places that day's fighting in its villages.

    "Heavy battles raged in the X region, where troops held on in the town of Y" and a
    bulletin's "clashes on every front, among them in the X region" then its villages one by
    one: the oblast is the setting of the fighting the article places, not a second front,
    and an analyst codes the villages. Kept: an oblast with no village of its own fighting on
    an overlapping day; an oblast told beside other areas in its sentence (a wider summary);
    an operation into the oblast (an incursion, an invasion, a raid), coded at the oblast
    beside its villages; a sentence that tells a toll; the rest of an oblast beside its city.
    Captures and strikes have rules of their own (``_drop_area_umbrellas``).
    """
    dropped: set[int] = set()
    for e in events:
        if (
            e.event_type is not EventType.OFFENSIVE
            or e.place.kind is not PlaceKind.ADMIN1
            or e.geo_precision is not GeoPrecision.ADMIN1
            or e.killed is not None
            or e.injured is not None
            or _TOLL_WORDS.search(e.quote)
            or _INTO_AREA.search(e.quote)
            or rest_of_area(e)
            or (_beside_other_areas(e, events) and not _counted_in_areas(e))
        ):
            continue
        if any(
            f.event_type is EventType.OFFENSIVE
            and f.geo_precision is GeoPrecision.SETTLEMENT
            and f.place.kind is PlaceKind.POPULATED_PLACE
            and _inside(f, e)
            and _same_days(f, e)
            for f in events
        ):
            dropped.add(id(e))
    return [e for e in events if id(e) not in dropped]


_RECAP_REACH_KM = 25.0  # the gains a recap sums lie around its reference town
_RECAP_DAYS_BEFORE = 3  # days before a recap's own day that the gains it sums may lie


def _days_before(f: Event, e: Event, days: int) -> bool:
    """Whether f ends on or before e starts, at most ``days`` days before it."""
    return 0 <= (e.date_start - f.date_end).days <= days


# "the capture of three villages", "had retaken two settlements", "liberated 182 square
# kilometres": ground counted, not named (no capital-led name follows the count)
_COUNTED_GAIN = re.compile(
    r"\b(?:(?:capture|recapture|seizure|liberation|takeover)\s+of|captured|recaptured|"
    r"retook|retaken|took|taken|seized|liberated|freed)\s+(?:another\s+|some\s+|about\s+|"
    rf"more\s+than\s+|over\s+|nearly\s+|at\s+least\s+)?(?:\d[\d,.]*|several|{_COUNT_WORDS})\s+"
    r"(?:[a-z-]+\s+)?(?:villages|settlements|localities|towns|square\s+(?:kilometres|"
    r"kilometers|miles)|sq\.?\s*km)\b(?![^.;:]*?(?:--|—|–|:|\bincluding\b|\bnamely\b))",
    re.IGNORECASE,
)
# "army claims village near X liberated", "took a settlement outside Y": the ground is a
# settlement left unnamed, and the town only says where it lies
_UNNAMED_NEAR = re.compile(
    r"(?<![\w-])(?:villages?|settlements?|hamlets?)\s+(?:near|outside|close\s+to)\s+"
    r"(?:the\s+)?(?:(?:city|town)\s+of\s+)?(?-i:[A-Z])"
    # not when the names follow: "five settlements near X: A, B and C"
    r"(?![^.;:]*?(?:--|—|–|:|\bincluding\b|\bnamely\b))",
    re.IGNORECASE,
)
# "..., a town where Kyiv has claimed gains": the gains describe the town, told elsewhere
_GAINS_WHERE = re.compile(
    r"\bwhere\s+(?:[\w'’-]+\s+){1,4}?(?:has|have|had)\s+(?:\w+\s+)?(?:claimed|made|"
    r"reported|announced)\s+(?:\w+\s+){0,2}?(?:gains|advances)\b",
    re.IGNORECASE,
)


def _gain_recap(e: Event) -> bool:
    """Whether an advance's sentence sums gains rather than telling one.

    "Kyiv said it had advanced around X, announcing the capture of three villages" counts
    the villages without naming them; "near X, a town where Kyiv has claimed gains" tells
    the gains only to describe the town. Either retells gains an article names elsewhere.
    """
    return bool(
        _COUNTED_GAIN.search(e.quote)
        or _GAINS_WHERE.search(e.quote)
        or _UNNAMED_NEAR.search(e.quote)
    )


def _drop_gain_recaps(events: list[Event]) -> list[Event]:
    """Drop a gain told as a count or a description when the article names the gains.

    "Troops have pushed on around X, announcing the capture of three villages", then "on
    Sunday they took A, B and C beyond X": the first is the same gains summed at the town
    they are told around, not a capture of the town. Dropped when another sentence tells a
    capture of a settlement within reach of its place (in its oblast, for an area) on an
    overlapping day or up to three days before it (any day, for gains that only describe the
    town). Kept: a count whose
    villages follow in its own sentence ("took three villages: A, B and C"), and a counted
    gain with no named capture near it.
    """
    if not any(e.event_type is EventType.ADVANCE for e in events):
        return events
    dropped: set[int] = set()
    for e in events:
        if e.event_type is not EventType.ADVANCE or not _gain_recap(e):
            continue
        # the gains that describe a town tell no day of their own (a perfect in a relative
        # clause): the day the sentence gives is its main verb's
        undated = not e.date_text or not _COUNTED_GAIN.search(e.quote)
        if any(
            f.event_type is EventType.ADVANCE
            and f.sentence_start != e.sentence_start
            and f.geo_precision is GeoPrecision.SETTLEMENT
            and f.place.place_id != e.place.place_id
            and not _gain_recap(f)
            # a count in the perfect sums gains up to its report's day: "have captured several
            # settlements near X, officials said on Tuesday" holds Monday's named capture
            and (_same_days(f, e) or undated or _days_before(f, e, _RECAP_DAYS_BEFORE))
            and (
                great_circle_km(e.place.lat, e.place.lon, f.place.lat, f.place.lon)
                <= _RECAP_REACH_KM
                # an oblast, a region: its own ground
                or (
                    e.place.kind in (PlaceKind.ADMIN1, PlaceKind.REGION)
                    and f.place.admin1_code == e.place.admin1_code
                )
            )
            for f in events
        ):
            dropped.add(id(e))
    return [e for e in events if id(e) not in dropped]


def _drop_headline_shorthand(events: list[Event]) -> list[Event]:
    """Drop a headline's strike on an oblast's namesake city that the body tells in the oblast.

    "Ten hurt in drone attack on Russia's Belgorod" over a body that tells ten hurt "in the
    Belgorod region", seven in one district and three in a village: the headline's name is
    the region, shortened as headlines do, and its strike is the body's told again; the city
    gets a dot where nothing happened. Dropped when no other line tells a strike at the city,
    another line tells one at a place of its oblast on an overlapping day (or on the eve of
    the undated headline's), and the headline's toll is no more than the body's added up.
    """
    dropped: set[int] = set()
    for e in events:
        if (
            e.event_type is not EventType.ATTACK
            or e.place.kind is not PlaceKind.POPULATED_PLACE
            or not e.place.admin1_name
            or not _headline_line(e)
            or ADMIN_WORD.sub("", e.place.admin1_name).strip().lower() != e.place.name.lower()
        ):
            continue
        body = [
            f
            for f in events
            if f.event_type is EventType.ATTACK
            and f.sentence_start != e.sentence_start
            and not _headline_line(f)
            and f.place.admin1_code == e.place.admin1_code
            and (_same_days(f, e) or _undated_lead_of(e, f))
        ]
        if (
            body
            and all(f.place.place_id != e.place.place_id for f in body)
            and not any(
                f.place.place_id == e.place.place_id and f.sentence_start != e.sentence_start
                for f in events
            )
            and _toll_within(e, body)
        ):
            dropped.add(id(e))
    return [e for e in events if id(e) not in dropped]


_RETOLD_REACH_KM = 25.0  # a retelling names a place beside the strike's

# A sentence whose subject is the strike already told: "The attack also damaged ...", "That
# strike left ...", "The overnight shelling hit ...". Not "The second strike", "The new
# attack", "The strikes on X and Y" (a definite plural sums several).
_RETOLD_NOUN = (
    r"(?:The|the|This|this|That|that)\s+(?:(?!second|third|new|latest|other|next|separate|"
    r"further|fresh|subsequent)[\w-]+\s+){0,2}?"
    r"(?:attack|strike|shelling|bombardment|raid|blast|explosion)"
)
_RETOLD_SUBJECT = re.compile(
    r"\W*(?:[A-Z][\w'’-]*,\s+)?" + _RETOLD_NOUN + r"\s+(?!on\b|against\b|in\b)"
)
# ... or a clause the strike told before frames: "As a result of the attack, a house in B
# burned", "During the shelling, debris fell on B". Without "also" and kin: "After the
# attack, troops also shelled B" is one more.
_RETOLD_FRAME = re.compile(
    r"\W*(?:As\s+a\s+result\s+of|Because\s+of|Due\s+to|During|In|Following)\s+"
    + _RETOLD_NOUN
    + r"\s*,"
)
_RETOLD_ONE_MORE = re.compile(
    r"\b(?:also|another|second|third|separate|further|again|new)\b", re.IGNORECASE
)


# A source's words set out after the lead that told them: "Quote: ...", "Quote from the
# police: ..." (a layout some outlets give every report: the lead, its source, its quote)
_SOURCE_QUOTE = re.compile(r"\W*Quote(?:\s+from\s+[^:.]{1,60})?:")
_QUOTE_REACH_KM = 10.0  # a source names the village, the lead the town beside it


def _retold(e: Event) -> bool:
    """Whether a strike's sentence tells the strike told before, by its subject or its frame."""
    return (
        bool(_RETOLD_SUBJECT.match(e.quote))
        or bool(_SOURCE_QUOTE.match(e.quote))
        or (bool(_RETOLD_FRAME.match(e.quote)) and not _RETOLD_ONE_MORE.search(e.quote))
    )


def _quoted_beside(a: Event, b: Event) -> bool:
    """Whether a source's quote places the lead's strike at a settlement beside the lead's."""
    return (
        a.geo_precision is GeoPrecision.SETTLEMENT
        and b.geo_precision is GeoPrecision.SETTLEMENT
        and great_circle_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) <= _QUOTE_REACH_KM
        and not _RETOLD_ONE_MORE.search(b.quote)
    )


def _retold_ground(a: Event, b: Event) -> bool:
    """Whether two strikes' places lie beside each other, or one's area holds the other."""
    if a.geo_precision is GeoPrecision.SETTLEMENT and b.geo_precision is GeoPrecision.SETTLEMENT:
        return (
            great_circle_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) <= _RETOLD_REACH_KM
        )
    for area, fine in ((a, b), (b, a)):
        if (
            area.place.kind is PlaceKind.ADMIN1
            and area.geo_precision is GeoPrecision.ADMIN1
            and fine.place.admin1_code == area.place.admin1_code
        ) or (
            area.place.kind is PlaceKind.ADMIN2
            and fine.geo_precision is GeoPrecision.SETTLEMENT
            and fine.place.admin1_code == area.place.admin1_code
            and great_circle_km(area.place.lat, area.place.lon, fine.place.lat, fine.place.lon)
            <= _RAION_REACH_KM
        ):
            return True
    return False


def _fold_retold_strikes(events: list[Event]) -> list[Event]:
    """Fold a strike retold with a place beside the first into the strike already told.

    "A missile hit the village of A on Monday, killing two. The attack also damaged a school
    in B, three kilometres away": the subject of the second sentence is the strike of the
    first, and B is where its damage reached, not a second strike. So is a sentence the
    strike frames ("As a result of the attack, a house in B burned"), and a source's quote
    set out after the lead ("Quote from the police: ... hit B"), whose village lies within
    10 km of the lead's settlement. Folded into the
    strike told last before it when that one is on an overlapping day (or the retelling
    tells none), at a place within reach, or in an area that holds the other's place, and
    no other strike is in the retelling's sentence. The better placed of the two is kept (a
    settlement over an area; the first of two settlements), with the higher toll. Kept: a
    strike told as another ("the second strike", "the new attack", "after the attack, troops
    also shelled B"), a strike whose subject is its actor ("troops also shelled B"), a
    strike far away.
    """
    out = list(events)
    drop: set[int] = set()
    for j, b in enumerate(events):
        if (
            b.event_type is not EventType.ATTACK
            or b.geo_precision is GeoPrecision.COUNTRY
            or not _retold(b)
            or any(
                f is not b
                and f.event_type is EventType.ATTACK
                and f.sentence_start == b.sentence_start
                and f.place.place_id != b.place.place_id
                for f in events
            )
        ):
            continue
        first = next(
            (
                i
                for i in range(j - 1, -1, -1)
                if i not in drop
                and events[i].event_type is EventType.ATTACK
                and events[i].sentence_start < b.sentence_start
                and events[i].geo_precision is not GeoPrecision.COUNTRY
            ),
            None,
        )
        if first is None:
            continue
        a = out[first]
        if (
            a.place.place_id == b.place.place_id
            or (b.date_text and not _same_days(a, b))
            or not (
                _quoted_beside(a, b)
                if _SOURCE_QUOTE.match(b.quote) and not _RETOLD_SUBJECT.match(b.quote)
                else _retold_ground(a, b)
            )
        ):
            continue
        finer = (
            b.geo_precision is GeoPrecision.SETTLEMENT
            and a.geo_precision is not GeoPrecision.SETTLEMENT
        )
        kept = a
        if finer:  # the retelling placed the strike: its place, the first reading's day
            kept = b if b.date_text else _on_day_of(b, a)
        out[first] = replace(
            kept,
            killed=higher_count(a.killed, b.killed),
            injured=higher_count(a.injured, b.injured),
            figures_text=a.figures_text or b.figures_text,
        )
        drop.add(j)
    return [e for i, e in enumerate(out) if i not in drop]


# What a strike left, named by the strike told before: "rescue work at the site of the
# strike", "the victims of the attack", "the aftermath of the shelling", "the rubble left by
# the blast". The sentence's news is that follow-up, dated by its own day.
_AFTERMATH_OF = re.compile(
    r"\b(?:site|scene|aftermath|consequences|victims|ruins|rubble|wreckage|debris|"
    r"damage|funerals?|mourning)\s+(?:of|from|left\s+by|caused\s+by)\s+" + _RETOLD_NOUN + r"s?\b",
)
_AFTERMATH_DAYS = 7  # a follow-up told this many days after the strike at most


def _drop_aftermath_retellings(events: list[Event]) -> list[Event]:
    """Drop a strike read from a follow-up that names the strike told before by its aftermath.

    "A missile hit a block of flats in A on Monday. Rescue work at the site of the strike in
    A went on on Tuesday": the second sentence's day is the rescue work's, and its strike is
    Monday's, not one more on Tuesday. Dropped when a strike at the same place (or within
    reach) was told earlier on a day before the follow-up's, at most a week before; "the
    second strike", "another attack" stay (``_RETOLD_NOUN`` takes neither).
    """
    out = list(events)
    drop: set[int] = set()
    for j, b in enumerate(events):
        if b.event_type is not EventType.ATTACK or not _AFTERMATH_OF.search(b.quote):
            continue
        first = next(
            (
                i
                for i, a in enumerate(events[:j])
                if a.event_type is EventType.ATTACK
                and a.sentence_start < b.sentence_start
                and (
                    a.place.place_id == b.place.place_id
                    or (
                        a.geo_precision is GeoPrecision.SETTLEMENT
                        and b.geo_precision is GeoPrecision.SETTLEMENT
                        and great_circle_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
                        <= _RETOLD_REACH_KM
                    )
                )
                and a.date_start <= b.date_start
                and (b.date_start - a.date_end).days <= _AFTERMATH_DAYS
            ),
            None,
        )
        if first is None:
            continue
        # the follow-up's count of the strike's victims is the latest
        out[first] = replace(
            out[first],
            killed=higher_count(out[first].killed, b.killed),
            injured=higher_count(out[first].injured, b.injured),
        )
        drop.add(j)
    return [e for i, e in enumerate(out) if i not in drop]


# Asked of each strike's sentence when places are refined, and most hold none of its words:
# they are looked for first (geo.text.casefold.Gated). Set here, after every definition.
_ONE_MORE = Gated(_ONE_MORE)
