"""Triggers that give a sentence's setting, not news of their own.

Two families recur across outlets and were coded by no analyst on the real sets:

* the **campaign frame**: a running offensive or wave of strikes named as the backdrop of the
  sentence's news (a village taken "amid" or "as part of" a drive on an oblast; more people
  leaving a town "with" fighting "ongoing" in its oblast). The news is the capture or the
  flight; the campaign is no happening of that day, and its place is a whole region;
* the **strikes that drove people out**: shelling told as a lasting condition ("constant",
  "increased", "the intensity of" it) in a sentence that reports people evacuated or leaving
  ("evacuation of families from communities that are under constant fire", "evacuated
  because of the constant shelling"): the news is the departure, the shelling its reason,
  and no analyst coded it as a strike of that day (eight of the sixteen real sets have the
  construction and none codes the strike; a dated strike during an evacuation is coded);
* the **war's start as a time**: a clause tied to the outbreak of the full-scale war (a
  region seized at its "onset", an advance on Kyiv that failed in its first weeks, people
  registered as displaced "since the beginning" of it), read in a report written long after
  it: history, not the day's news;
* the **campaign as a cause**: an incursion, invasion or offensive named as what the news
  answers or follows ("in retaliation for" it, "weeks after" it): its reason or its time;
* the **gain that describes**: a capture told in a relative clause that says what a place or
  a unit is ("a town where Kyiv has claimed gains", "the brigade that liberated X"), with no
  time of its own, a named place counted into a running total ("one of a dozen villages
  it has captured this month"), or a liberation remembered ("the anniversary of the
  liberation of X", "celebrated the liberation of Y"): who the place or the unit is, not the
  day's gain.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from geo.events.triggers import GROUND_TYPES, Trigger
from geo.records import EventType
from geo.text.casefold import Gated
from geo.text.date_patterns import MON_FULL, WEEKDAY
from geo.text.dates import find_dates
from geo.text.sentences import Sentence

__all__ = [
    "campaign_frame",
    "described_gain",
    "evacuation_cause",
    "fronted_setting",
    "habitual_claim",
    "news_not_setting",
    "war_start_background",
]

# Words that open a frame around a campaign: "amid", "as part of", "against the backdrop of";
# at most four words (determiners, "ongoing", "Russia's") between them and the trigger.
_FRAME_BEFORE = re.compile(
    r"\b(?:amid(?:st)?|in\s+the\s+midst\s+of|against\s+the\s+backdrop\s+of|as\s+part\s+of)"
    r"\s+(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
# "took one more hamlet in their offensive in <oblast>": a campaign owned by its army
_OWN_CAMPAIGN_BEFORE = re.compile(
    r"\bin\s+(?:its|their|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){0,2}$",
)
# "... as <army> conducts / wages / presses on with <a campaign>": a campaign told running,
# in the present, as the time of the news.
_AS_RUNNING_BEFORE = re.compile(
    r"\bas\s+(?:[\w'’-]+\s+){1,3}(?:carr(?:y|ies)\s+out|conducts?|wag(?:e|es)|pursues?|"
    r"press(?:es)?\s+on\s+with|mounts?)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
# A campaign as the time or the cause of what the sentence reports: a town retaken "during"
# a counteroffensive in its oblast, settlements regained "as a result of" an offensive there.
_DURING_BEFORE = re.compile(
    r"\b(?:during|in\s+the\s+course\s+of|as\s+a\s+result\s+of)\s+(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
# ... over a whole region: "during its offensive on <town>" can be that town's fight.
_OVER_REGION = re.compile(
    r"\s+in\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:regions?|oblasts?|provinces?|Oblast|Region)\b"
)
_CAMPAIGN_NOUN = re.compile(
    r"(?:counter-?)?offensives?\b|campaign\b|operations?\b|push\b|drive\b", re.IGNORECASE
)
# A campaign named as what the news answers or follows: strikes "in response to Kyiv's
# incursion into X", "in retaliation for the offensive", a barrage "weeks after" the invasion.
# The campaign is the reason or the time of the news, begun on a day of its own.
_CAUSE_BEFORE = re.compile(
    r"\b(?:in\s+(?:response|reply|retaliation)\s+(?:to|for)|(?:as\s+)?(?:revenge|payback)\s+for|"
    r"to\s+(?:avenge|punish)|(?:days|weeks|months)\s+after)\s+(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
_CAUSE_NOUN = re.compile(r"(?:counter-?)?offensives?\b|incursions?\b|invasions?\b", re.IGNORECASE)
# "With <fighting> ongoing in <oblast>, ...": an absolute phrase of circumstance.
_WITH_FRONTED = re.compile(r"\s*With\s+(?:[\w-]+\s+){0,2}$")
_GOING_ON_AFTER = re.compile(
    r"\s+(?:(?:is|are)\s+)?(?:still\s+)?(?:ongoing|continuing|raging|under\s*way)\b",
    re.IGNORECASE,
)
# A wave of strikes is a setting only when told as running ("amid" strikes that "continue");
# "amid shelling of the town" can be the strike the sentence reports.
_RUNNING = re.compile(
    r"\b(?:ongoing|continu\w+|constant|persistent|relentless|intensif\w+|escalat\w+|wider|"
    r"daily|regular|repeated|incessant)\b",
    re.IGNORECASE,
)
# "Kyiv disputes the claims, despite ongoing attacks in the region": strikes told as running
# after "despite" are the concession's circumstance, as after "amid". Strikes only: a ground
# campaign after "despite" is what a place's people withstand, coded there (events.causal).
_DESPITE_BEFORE = re.compile(
    r"\b(?:despite|in\s+spite\s+of)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE
)
# Asked before most strikes and ground triggers, and most stretches before them hold none of
# these words ("amid", "during", "as ... conducts"): those are looked for first.
_FRAME_BEFORE, _AS_RUNNING_BEFORE, _DURING_BEFORE, _DESPITE_BEFORE = map(
    Gated, (_FRAME_BEFORE, _AS_RUNNING_BEFORE, _DURING_BEFORE, _DESPITE_BEFORE)
)


def campaign_frame(text: str, sent: Sentence, trig: Trigger) -> bool:
    """Whether the trigger names the campaign a sentence's news happens in, not a happening.

    Parameters
    ----------
    text
        The article's text.
    sent
        The trigger's sentence.
    trig
        The trigger.

    Returns
    -------
    bool
        True for a ground campaign or a running wave of strikes framed by "amid", "as part
        of", "against the backdrop of", "in its offensive", or "with ... ongoing".
    """
    if trig.type not in GROUND_TYPES and trig.type is not EventType.ATTACK:
        return False
    before = text[max(sent.start, trig.start - 80) : trig.start]
    frame = _FRAME_BEFORE.search(before)
    if frame is not None:
        # a campaign, or fighting told as running: plain "amid fighting" at a city's edge can
        # be the day's fight at one town, and analysts code it
        campaign = trig.type in GROUND_TYPES and _CAMPAIGN_NOUN.match(trig.text)
        return bool(campaign or _RUNNING.search(before, frame.start()))
    if trig.type is EventType.ATTACK and (despite := _DESPITE_BEFORE.search(before)):
        return _RUNNING.search(before, despite.start()) is not None
    if (
        trig.type in GROUND_TYPES
        and _CAMPAIGN_NOUN.match(trig.text)
        and (
            _OWN_CAMPAIGN_BEFORE.search(before)
            or _AS_RUNNING_BEFORE.search(before)
            or (_DURING_BEFORE.search(before) and _OVER_REGION.match(text, trig.end, sent.end))
        )
    ):
        return True
    if (
        trig.type is EventType.OFFENSIVE
        and _CAUSE_NOUN.match(trig.text)
        and _CAUSE_BEFORE.search(before)
    ):
        return True  # "strikes in response to Kyiv's incursion into X": the reason, not news
    # fronted only: a trailing ", with fighting ongoing near <village>" adds that day's fight
    return bool(
        trig.type in GROUND_TYPES
        and _WITH_FRONTED.match(text, sent.start, trig.start)
        and _GOING_ON_AFTER.match(text, trig.end, sent.end)
    )


# The outbreak of the full-scale war named as a time: its onset, outset, start or first
# weeks; "early in the war"; some weeks after the invasion; "since the escalation of" it.
# Written in lower case: the pattern folds case anyway, and so it has a lower-case twin
# (geo.text.casefold), which lets the gate below look for its words first.
_WAR = (
    r"(?:(?:the|russia['’]s|moscow['’]s|its)\s+)?(?:february\s+2022\s+)?"
    r"(?:full[- ]scale\s+)?(?:war|invasion|conflict)\b"
)
_WAR_START = re.compile(
    r"\b(?:(?:at|since|from|in|after|during)\s+the\s+(?:very\s+)?(?:onset|outset|start|"
    r"beginning|outbreak|escalation|(?:early|first|initial|opening)\s+(?:days|weeks|months|stages?|"
    rf"phase))\s+of\s+{_WAR}|early\s+in\s+{_WAR}|(?:days|weeks|months)\s+after\s+{_WAR}|"
    # after its full-scale invasion (of February 2022); since Russia's first invasion (2014)
    r"(?:after|since)\s+(?:the|its|russia['’]s|moscow['’]s)\s+(?:february\s+2022\s+|"
    r"full[- ]scale\s+|first\s+|initial\s+)+(?:war|invasion)\b|"
    # "shortly after invading Ukraine", "weeks after Moscow invaded": the verb for the noun
    r"(?:shortly|soon|right|just|days|weeks|months)\s+after\s+(?:invading|"
    r"(?:russia|moscow|it|they)\s+(?:had\s+)?invaded)\b|"
    # "on February 24, Russia attacked Ukraine, striking A and B": the war's first day, by
    # its date, recalled in a later report
    r"on\s+(?:24\s+february|february\s+24)(?:,?\s+2022)?,?\s+(?:russia|moscow|"
    r"(?:the\s+)?russian\s+(?:federation|army|troops|forces))\s+(?:launched|began|started|"
    r"attacked|invaded)\b)",
    re.IGNORECASE,
)
# A report this long after the war began recalls its start as history.
_WAR_BEGAN = dt.date(2022, 2, 24)
_LONG_AFTER = dt.timedelta(days=120)
# After the trigger its clause ends at "but", "while" or a relative clause (a town taken on
# Monday, "a town that" has been shelled since the war began: the shelling is dated, not the
# capture), not at ", and", which closes lists ("A, B, and C regions since ..."); before it,
# only at a semicolon: a count since the war began, then ", and" a second count, both since.
_CLAUSE_END = re.compile(
    r"[;:]|,\s+(?:but|while|which|who|where|(?:a|an|the)\s+[\w-]+\s+(?:that|which|where))\b"
)
# Asked for every trigger of a report written long after the war began, and most clauses
# hold none of its words ("war", "invasion", "conflict"): those are looked for first.
_WAR_START = Gated(_WAR_START)


def war_start_background(
    text: str, sent: Sentence, trig: Trigger, published: dt.date | None
) -> bool:
    """Whether the trigger's clause is anchored to the start of the full-scale war.

    Parameters
    ----------
    text
        The article's text.
    sent
        The trigger's sentence.
    trig
        The trigger.
    published
        The article's publication date; a report of the war's first months tells its start
        as news, so nothing is dropped before ``_LONG_AFTER`` has passed (or without a date).

    Returns
    -------
    bool
        True when the phrase naming the war's start stands in the trigger's clause, before
        or after it, in a report written long after the war began.
    """
    if published is None or published - _WAR_BEGAN < _LONG_AFTER:
        return False
    # before the trigger, after its last semicolon or colon (see _CLAUSE_END)
    lo = max(text.rfind(";", sent.start, trig.start), text.rfind(":", sent.start, trig.start))
    lo = lo + 1 if lo >= 0 else sent.start
    nxt = _CLAUSE_END.search(text, trig.end, sent.end)
    hi = nxt.start() if nxt else sent.end
    return bool(_WAR_START.search(text, lo, hi))


# People told leaving a place: the evacuation, relocation or flight the strikes explain
# (not "leaving": "shelling continued, leaving two people wounded" gives a strike's toll).
_DEPARTURE = re.compile(
    r"\b(?:evacuat\w+|relocat\w+|resettl\w+|displac\w+|uproot\w*|to\s+leave|fle(?:e|eing|d)|"
    r"(?:have|has|had)\s+(?:already\s+)?left)\b",
    re.IGNORECASE,
)
_DEPARTURE = Gated(_DEPARTURE)  # asked of every sentence with a strike: its words first
# The strikes as a lasting condition: a word of duration or growth at most two words before
# the trigger's last word ("under constant enemy fire", "due to increased attacks", "the
# intensity of shelling") ...
_LASTING = re.compile(
    r"\b(?:constant(?:ly)?|continuous(?:ly)?|incessant|persistent|relentless|round-the-clock|"
    r"daily|regular|ongoing|increased|intensif\w+|escalating|heightened|stepped-up|"
    r"(?:increase|upsurge|surge|rise|intensity)\s+(?:of|in))\s+(?:[\w'\u2019-]+\s+){0,2}"
    r"[\w'\u2019-]+$",
    re.IGNORECASE,
)
# ... or a verb of growth just after it ("where shelling has intensified").
_GROWING_AFTER = re.compile(
    r"\s+(?:[\w'\u2019-]+\s+){0,3}?(?:ha(?:s|ve)\s+(?:\w+\s+)?)?"
    r"(?:increased|intensified|escalated|grown|risen)\b",
    re.IGNORECASE,
)


_LEAVING = (EventType.EVACUATION, EventType.DISPLACEMENT)
# Fighting with no campaign named, given as what people leave or are driven out by: people
# "displaced by fighting", "uprooted by hostilities", who "fled the fighting" or leave
# "because of" battles. A campaign noun (offensive) is left to the campaign frame.
_FIGHT_NOUN = re.compile(r"fighting|hostilities|battles?|clashes|combat", re.IGNORECASE)
_FIGHT_CAUSE_BEFORE = re.compile(
    r"\b(?:by|due\s+to|because\s+of|owing\s+to|as\s+a\s+result\s+of|"
    r"(?:fle(?:e|es|eing|d)|escap(?:e|es|ed|ing))(?:\s+from)?)\s+(?:[\w'\u2019-]+\s+){0,3}$",
    re.IGNORECASE,
)


def evacuation_cause(
    text: str, sent: Sentence, trig: Trigger, triggers: Sequence[Trigger] = ()
) -> bool:
    """Whether a strike trigger is the lasting shelling given as the reason people leave.

    Parameters
    ----------
    text
        The article's text.
    sent
        The trigger's sentence.
    trig
        The trigger.
    triggers
        The sentence's triggers: an evacuation or a flight among them reports people
        leaving, as do the words of ``_DEPARTURE``.

    Returns
    -------
    bool
        True, in a sentence that reports an evacuation, a relocation or people who have
        left, for fighting named as what drives them out ("displaced by fighting in X",
        "fled the fighting around X") and for an attack told as lasting or growing
        ("constant", "increased", "the intensity of ... has grown"); a strike told as a
        happening (shelled "during the evacuation") has no such word and stays.
    """
    fight = trig.type is EventType.OFFENSIVE and _FIGHT_NOUN.fullmatch(trig.text)
    if trig.type is not EventType.ATTACK and not fight:
        return False
    if not _leaving(text, sent, triggers):
        return False
    return _lasting_cause(text, sent, trig, fight=bool(fight))


def _leaving(text: str, sent: Sentence, triggers: Sequence[Trigger]) -> bool:
    """Whether a sentence reports people evacuated, relocated or gone (see evacuation_cause)."""
    return any(t.type in _LEAVING for t in triggers) or bool(
        _DEPARTURE.search(text, sent.start, sent.end)
    )


def _lasting_cause(text: str, sent: Sentence, trig: Trigger, *, fight: bool) -> bool:
    lo = max(sent.start, trig.start - 60)
    if fight:
        # "displaced by fighting in X", "fled the fighting around X": the cause, not a battle
        return bool(_FIGHT_CAUSE_BEFORE.search(text, lo, trig.start))
    return bool(
        _LASTING.search(text[lo : trig.end])
        or _GROWING_AFTER.match(text, trig.end, sent.end)
        # "evacuated from shelled areas of X": the participle describes the ground people
        # leave, it tells no strike of its own
        or (
            _FROM_BEFORE.search(text, lo, trig.start)
            and _STRUCK_GROUND_AFTER.match(text, trig.end, sent.end)
        )
    )


_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?:most|heavily|constantly|regularly|frequently|often)\s+)?$",
    re.IGNORECASE,
)
_STRUCK_GROUND_AFTER = re.compile(
    r"\s+(?:(?:border|frontline|front-line|frontier)\s+)?(?:areas|villages|settlements|towns|"
    r"communities|districts|parts|territories|neighbou?rhoods|zones)\b",
    re.IGNORECASE,
)


# A relative clause whose verb is the gain: "a town where Kyiv has claimed gains", "X, which
# Russian troops captured", "the unit who liberated Y". At most five words between the
# pronoun and the trigger (its subject and auxiliaries), none of them a clause mark. "that"
# is a relative pronoun only after a noun of ground ("the villages that Ukraine retook"); after
# a verb it opens what is said ("said that its forces captured X": the news itself).
_RELATIVE_BEFORE = re.compile(
    r"(?:\b(?:where|which|who|whom)|\b(?:territory|territories|land|lands|ground|areas?|"
    r"villages?|towns?|settlements?|cit(?:y|ies)|locations?|places?)\s+that)"
    r"\s+(?:[\w'’-]+\s+){0,5}$",
    re.IGNORECASE,
)
# A verb of saying inside the clause makes the gain its report ("the ministry, which said
# its forces took X"): news told through a speaker, not a description; a verb of trying
# makes it the fight for the place ("which Russia has been trying to capture").
_SAYING = re.compile(
    r"\b(?:said|says|say|reported|reports|announced|announces|stated|states|added|told|"
    r"confirmed|confirms|claim(?:s|ed|ing)?|"
    # ... and an attempt is the fight a place is known for, which later stages read as such
    r"try|tries|tried|trying|attempt\w*|seek\w*|sought|aim\w*|hop(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
# A gain word that is itself a side's claim ("where the army says it has full control over
# X"): the relative clause reports the claim, news told through a speaker.
_CLAIMED = re.compile(r"(?:claim|sa(?:id|ys))\w*\s", re.IGNORECASE)
# A named place counted into a side's running total: "X, one of some ten (villages)
# its army took across the oblast in the past weeks". The total is no happening of one
# place (the named one is told by its own verb); its place would be only the province.
_ONE_OF_TALLY = re.compile(
    r"\bone\s+of\s+(?:(?:nearly|almost|about|around|some|over|more\s+than|at\s+least|the)\s+)*"
    r"(?:a\s+)?(?:\d+|dozens?|hundreds?|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty|thirty|forty|fifty)\s+(?:[\w'’-]+\s+){0,7}$",
    re.IGNORECASE,
)
_NOW = re.compile(r"\b(?:now|just)\b", re.IGNORECASE)
_GAIN_NOUN = re.compile(r"(?:territorial\s+)?gains\b|advances\b", re.IGNORECASE)
# A time of its own in the clause: "which Russia captured in October", "where troops
# advanced on Monday", "that Ukraine retook last summer", "recently", "over the weekend".
_OWN_TIME = re.compile(
    r"\b(?:(?:on|in|since|by|during|from|until|at\s+the\s+(?:start|end|beginning)\s+of)\s+"
    r"(?:(?:early|mid|late)[-\s]+)?(?:the\s+)?(?:\d|"
    rf"{MON_FULL}|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|{WEEKDAY}|spring|summer|autumn|fall|"
    r"winter)|yesterday|today|tonight|overnight|recent(?:ly)?|earlier|"
    r"(?:last|this|past|previous)\s+(?:\w+\s+)?(?:week|weekend|month|year|spring|summer|"
    r"autumn|fall|winter|days?|night)|\d+\s+(?:days?|weeks?|months?|years?)\s+ago|"
    r"over\s+the\s+(?:weekend|past)|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# Where the relative clause ends: a clause mark, a dash, or a coordinated new clause.
_RELATIVE_END = re.compile(r"[,;:()]|\s[-–—]+\s|\s+(?:but|while|and\s+(?:is|are|was|were))\b")
# A liberation remembered: an anniversary, a celebration or a commemoration of it, a day
# named after it. The gain lies years back; the sentence tells the remembering.
_REMEMBERED_BEFORE = re.compile(
    r"\b(?:(?:anniversar(?:y|ies)|celebrat\w+|commemorat\w+|mark(?:s|ed|ing)?|"
    r"honou?r(?:s|ed|ing)?|remember(?:s|ed|ing)?)\s+(?:of\s+)?|day\s+of\s+)"
    r"(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
# A fight is remembered by fewer words ("marked by", "a day of fighting" are the fight's own)
_REMEMBERED_FIGHT_BEFORE = re.compile(
    r"\b(?:anniversar(?:y|ies)|commemorat\w+|remember(?:s|ed|ing)?)\s+(?:of\s+)?"
    r"(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_REMEMBERED_FIGHT_BEFORE = Gated(_REMEMBERED_FIGHT_BEFORE)  # "remember" ... first
_REMEMBERED_NOUN = re.compile(
    r"(?:liberation|capture|recapture|fall\s+of|de-?occupation)\b", re.IGNORECASE
)
_REMEMBERED_AFTER = re.compile(r"\s+(?:day|anniversary)\b", re.IGNORECASE)
# ... and a battle remembered: "the anniversary of the battle of X", "the battle of X is
# commemorated every year"
_REMEMBERED_FIGHT = re.compile(
    r"(?:battles?|siege|defen[cs]e|fighting|(?:counter-?)?offensive)\b", re.IGNORECASE
)
_REMEMBERED_STRIKE = re.compile(
    r"(?:strikes?|attacks?|shelling|bombing|bombardment|massacre|tragedy)\b", re.IGNORECASE
)
_REMEMBERED_PASSIVE = re.compile(
    r"[^,;.]{0,60}?\b(?:is|was|are|were|will\s+be)\s+(?:\w+ly\s+)?"
    r"(?:commemorated|remembered|celebrated|marked|honou?red)\b",
    re.IGNORECASE,
)


def described_gain(text: str, sent: Sentence, trig: Trigger) -> bool:
    """Whether a gain says what a place or a unit is, or recalls a liberation.

    Parameters
    ----------
    text
        The article's text.
    sent
        The trigger's sentence.
    trig
        The trigger.

    Returns
    -------
    bool
        True for an advance whose word is the verb of a relative clause ("where", "which",
        "who", a ground noun's "that") with no time of its own and no verb of saying in it,
        and for a liberation or capture named as what is remembered (after "anniversary
        of", "celebrated", "commemorating", "marked", or before "Day"); a battle or a siege
        too, after "anniversary of", "commemorating", "remembering" or before "is
        commemorated".
    """
    lo = max(sent.start, trig.start - 120)
    if trig.type is EventType.ATTACK:
        # "the third anniversary of the missile strike on X": a strike remembered
        # (the weapon's word too: "of the missile strike" holds two strike words)
        return bool(
            _REMEMBERED_FIGHT_BEFORE.search(text, lo, trig.start)
            or (
                _REMEMBERED_STRIKE.match(trig.text)
                and _REMEMBERED_PASSIVE.match(text, trig.end, sent.end)
            )
        )
    if trig.type not in GROUND_TYPES:
        return False
    gain = trig.type is EventType.ADVANCE
    noun, before = (
        (_REMEMBERED_NOUN, _REMEMBERED_BEFORE)
        if gain
        else (_REMEMBERED_FIGHT, _REMEMBERED_FIGHT_BEFORE)
    )
    if noun.match(trig.text) and (
        before.search(text, lo, trig.start)
        or _REMEMBERED_AFTER.match(text, trig.end, sent.end)
        or _REMEMBERED_PASSIVE.match(text, trig.end, sent.end)
    ):
        return True
    if not gain:
        return False
    if (tally := _ONE_OF_TALLY.search(text, lo, trig.start)) is not None and not (
        _RELATIVE_END.search(text, tally.start(), trig.start)
    ):
        return True
    rel = _RELATIVE_BEFORE.search(text, lo, trig.start)
    if rel is None:
        return False
    lead = text[rel.start() : trig.start]
    if _RELATIVE_END.search(lead) or _CLAIMED.match(trig.text):
        return False
    said = _SAYING.search(lead)
    if said is not None and (lead[said.end() :].strip() or not _GAIN_NOUN.match(trig.text)):
        # "which said its troops took X": a report; "where Kyiv has reported gains" (the
        # gain the object of the saying) still describes the town
        return False
    end = _RELATIVE_END.search(text, trig.end, sent.end)
    clause = text[rel.start() : end.start() if end else sent.end]
    # "now" or "just" before the gain marks it new ("which are now under Russian control");
    # after it, a clause with no comma to close it may already be the main one ("troops who
    # took X now hold Y")
    return _OWN_TIME.search(clause) is None and _NOW.search(lead) is None


# A gain told as a participle's aside on a place, with a past year or month of its own: "the
# village of X, located near Y and also liberated in 2022, ...", "Kupiansk, retaken by
# Ukraine in September 2022, ...". The participle is an attribute of the place (what it went
# through before the report), not a happening the sentence tells; the news is what the
# sentence tells around it. A relative clause with a finite verb and its own time ("X, which
# Moscow took in early February") is a told capture and stays (see described_gain).
_ASIDE_OPEN = re.compile(
    r",\s+(?:(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?)?"
    r"(?:[^,;:.()]*?\band\s+)?(?:(?:also|later|first|once|then)\s+)?$",
    re.IGNORECASE,
)
_PLACE_BEFORE = re.compile(
    r"\b[A-Z][\w'’-]*(?:\s+(?:Oblast|region|district|raion|province|community))?$"
)
_ASIDE_TIME = re.compile(
    rf"(?:\s+by\s+[^,;:.()]*?)?\s+(?:in|during)\s+(?:(?:early|mid|late)[-\s]+)?"
    rf"(?:(?P<month>{MON_FULL}|Sept?)\s+)?(?P<year>(?:19|20)\d\d)\b(?=\s*(?:[,;:.)]|$))",
    re.IGNORECASE,
)


def aside_gain(
    text: str, sent: Sentence, trig: Trigger, triggers: Sequence[Trigger], published: dt.date
) -> bool:
    """Whether a gain is a participle's aside on a named place, dated before the report's month.

    The aside opens at a comma after the place's name (past a noun: ", a village retaken";
    past another attribute: ", located near Y and also liberated"), and its time ends the
    aside ("in 2022", "in September 2022"). A year alone (before the report's) is history;
    a month is history only beside another kind of event told outside the aside.
    """
    if trig.type is not EventType.ADVANCE or not trig.text.lower().endswith(("ed", "en")):
        return False
    opened = text.rfind(",", max(sent.start, trig.start - 160), trig.start)
    if opened < 0 or _ASIDE_OPEN.match(text, opened, trig.start) is None:
        return False
    if _PLACE_BEFORE.search(text, max(sent.start, opened - 40), opened) is None:
        return False
    m = _ASIDE_TIME.match(text, trig.end, sent.end)
    if m is None:
        return False
    year = int(m.group("year"))
    if m.group("month") is None:
        return year < published.year
    # "Siversk, some 30 km from X, captured in July 2022" after a verb that is no event: the
    # dated capture is all the sentence tells, and stays; beside a strike or a fight told
    # outside the aside it is the place's history
    month = dt.datetime.strptime(m.group("month")[:3].title(), "%b").month
    return (year, month) < (published.year, published.month) and any(
        o.type is not EventType.ADVANCE and not opened <= o.start < m.end() for o in triggers
    )


# Fighting that says where a person or a unit fights: "a drone pilot fighting near X said",
# "soldiers fighting in the Y direction say", "the brigade, which has been fighting near Z
# since 2022, lost its commander". The fighting places the fighter, whom the sentence is
# about (a profile, a quote, a loss); the fight itself is told as news elsewhere, or not.
# Only people and named formations: "troops fighting in X" and "forces fighting near Y" are
# how a report tells the fight itself.
_FIGHTER = (
    r"(?:soldiers?|fighters?|servicem[ae]n|servicewom[ae]n|marines?|paratroopers?|operators?|"
    r"commanders?|officers?|medics?|gunners?|pilots?|snipers?|volunteers?|veterans?|"
    r"brigades?|battalions?|regiments?|platoons?|companies|sons?|husbands?|brothers?)"
)
_FIGHTER_BEFORE = re.compile(
    rf"\b{_FIGHTER}(?:\s+(?:now|currently|still|also))?\s+$"
    # the relative clause: "the brigade, which has been fighting", "a medic who is fighting"
    rf"|\b{_FIGHTER},?\s+(?:who|which|that)\s+(?:(?:has|have|had|is|are|was|were|been|"
    r"now|currently|still|also)\s+){0,3}$",
    re.IGNORECASE,
)


def described_fighter(text: str, sent: Sentence, trig: Trigger) -> bool:
    """Whether "fighting" only says where a person or a unit fights (see _FIGHTER_BEFORE)."""
    return (
        trig.type is EventType.OFFENSIVE
        and trig.text.lower() == "fighting"
        and _FIGHTER_BEFORE.search(text, max(sent.start, trig.start - 80), trig.start) is not None
    )


# "the hardest battles along the whole line of contact are near X": a superlative
# that ranks the fighting along the whole front describes where the war is hottest, not a
# day's battle (a ranked place of the front, no happening of its own).
_RANKED_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:fiercest|heaviest|hardest|toughest|bloodiest|hottest|most\s+"
    r"(?:intense|intensive|violent|active|difficult|ferocious))\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_WHOLE_FRONT_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:across|along|on|of)\s+(?:the\s+)?(?:(?:entire|whole)\s+)?"
    r"(?:front(?:\s*-?\s*lines?)?|frontlines?|line\s+of\s+contact)\b",
    re.IGNORECASE,
)


def front_ranking(text: str, sent: Sentence, trig: Trigger) -> bool:
    """Whether fighting is ranked along the whole front ("the heaviest fighting on the front").

    "The army reports that the hardest battles along the whole front are now around the X
    region": the sentence tells where the front is hottest, a standing description, not a
    battle of the day. Fighting ranked without the whole front ("the heaviest fighting of
    the day was near A") is left as it is.
    """
    if trig.type is not EventType.OFFENSIVE or not _FIGHT_NOUN.fullmatch(trig.text):
        return False
    before = text[max(sent.start, trig.start - 40) : trig.start]
    after = text[trig.end : min(sent.end, trig.end + 60)]
    return bool(_RANKED_BEFORE.search(before) and _WHOLE_FRONT_AFTER.match(after))


# A relative clause in the past perfect, up to the trigger: "the region, which until then had
# been spared the fighting seen in A and B", "X, where shelling had stopped by spring". The
# clause tells what the place had been through before the news; no clause mark between.
_PLUPERFECT_RELATIVE = re.compile(
    r",\s+(?:which|where|who)\b[^,;:()]*?\bhad\b[^,;:()]*$", re.IGNORECASE
)


# ... or one that tells what the place has held out against: "X, which has withstood
# Russia's assaults for weeks", "a town that endured months of shelling". The fighting or
# the strikes are the object of the enduring, a description of the place, not the news.
_ENDURED_RELATIVE = re.compile(
    r",\s+(?:which|that|where|who)\b[^,;:()]*?\b(?:withst(?:ood|ands?)|endur(?:ed|es)|"
    r"weather(?:ed|s)|surviv(?:ed|es)|held\s+out\s+against|holds?\s+out\s+against)\s+"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)


def pluperfect_relative(text: str, sent: Sentence, trig: Trigger) -> bool:
    """Whether a strike or a fight is told in a relative clause in the past perfect.

    "The village, which had been shelled for months before the offensive, ...": what
    a relative clause says its place had been through comes before the news, a description
    of the place and not a happening of the day; so is what the clause says the place has
    withstood or endured. Ground gains are ``described_gain``'s.
    """
    if trig.type not in (EventType.ATTACK, EventType.OFFENSIVE):
        return False
    lo = max(sent.start, trig.start - 160)
    return (
        _PLUPERFECT_RELATIVE.search(text, lo, trig.start) is not None
        or _ENDURED_RELATIVE.search(text, lo, trig.start) is not None
    )


# A campaign, a strike or a gain named by its year: "Ukraine's 2023 counteroffensive", "the
# 2022 offensive", "the counteroffensive of 2023". In a report of a later year it is
# history told by name (its time the year only), not a happening of the report's days.
# (after "the" or a possessive: "in 2023 Russian strikes ..." is a time, read by the dating)
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:the|its|their|his|her)|\w['’]s?)\s+((?:19|20)\d\d)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"\s+of\s+((?:19|20)\d\d)\b(?!\s*[-–/]\d)")


def _of_a_past_year(text: str, sent: Sentence, trig: Trigger, published: dt.date) -> bool:
    """Whether a noun trigger is named by a year before the report's own."""
    if trig.type not in (*GROUND_TYPES, EventType.ATTACK) or not trig.text[:1].islower():
        return False
    lo = max(sent.start, trig.start - 20)
    # (a year before holds "19" or "20": most triggers have no digits before them)
    m = (
        ("20" in (before := text[lo : trig.start]) or "19" in before)
        and _YEAR_BEFORE.search(text, lo, trig.start)
    ) or _YEAR_AFTER.match(text, trig.end, sent.end)
    return m is not None and int(m.group(1)) < published.year


# "The last direct talks between the two took place in X in March 2022": the previous
# meeting of a series, told as its history
_LAST_TALKS = re.compile(
    r"\bthe\s+(?:last|previous)\s+(?:(?:direct|face-to-face|in-person|peace|round\s+of)\s+)"
    r"{0,2}$",
    re.IGNORECASE,
)
_A_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _last_talks_of_a_past_year(
    text: str, sent: Sentence, trig: Trigger, published: dt.date
) -> bool:
    """Whether talks are named as the last ones held, in a year before the report's own."""
    if trig.type is not EventType.NEGOTIATION:
        return False
    if _LAST_TALKS.search(text, max(sent.start, trig.start - 50), trig.start) is None:
        return False
    return any(int(m.group(1)) < published.year for m in _A_YEAR.finditer(sent.text))


# A sentence that opens with its setting: "Against the backdrop of attacks across the country
# and a ground offensive in X, the agency continues to ...", "Amid heavy shelling in Y, aid
# groups scaled up ...", "In the context of ...", "In light of ...", "Given ...". The phrase
# runs to the comma where the main clause begins; its own continuations (", with ...",
# ", and ...", ", including ...") stay inside it.
_FRONTED_OPENER = re.compile(
    r"[\s\-–—•*]*(?:against\s+the\s+back(?:drop|ground)\s+of|amid(?:st)?|"
    r"in\s+the\s+(?:midst|context|face)\s+of|in\s+(?:the\s+)?light\s+of|given)\s",
    re.IGNORECASE,
)
_PHRASE_GOES_ON = re.compile(
    r",\s+(?:with|and|or|including|especially|particularly|notably|mainly|mostly|primarily|"
    r"as\s+well\s+as|in\s+particular|such\s+as|both|along\s+with|coupled\s+with)\b",
    re.IGNORECASE,
)


def fronted_setting(text: str, sent: Sentence, trig: Trigger, published: dt.date | None) -> bool:
    """Whether a strike or a ground trigger lies in a fronted phrase that sets the scene.

    "Against the backdrop of strikes on power plants, with a ground offensive in X, the
    agency continues to help people" tells the agency's work; the strikes and the fighting
    are its setting, told without a time of their own (humanitarian bulletins open their
    highlights so). The phrase must open the sentence and close before a main clause; a day
    or a month inside it ("Amid the shelling of X on Monday, ...") makes it news and keeps it.
    """
    if trig.type not in (*GROUND_TYPES, EventType.ATTACK):
        return False
    opener = _FRONTED_OPENER.match(text, sent.start, trig.start)
    if opener is None:
        return False
    # every comma between the opener and the trigger continues the phrase
    for k in range(opener.end(), trig.start):
        if text[k] == "," and not _PHRASE_GOES_ON.match(text, k, trig.start):
            return False
    # ... and one after it ends the phrase, with a main clause after it
    end = trig.end
    while (end := text.find(",", end, sent.end)) >= 0 and _PHRASE_GOES_ON.match(
        text, end, sent.end
    ):
        end += 1
    if end < 0 or not text[end + 1 : sent.end].strip():
        return False
    return not find_dates(text[sent.start : end], published=published)


# A side's claims told as a habit: "Moscow has repeatedly claimed gains in recent months",
# "the army often announces advances". The object names a kind of news, no one gain: the
# sentence describes the claimant, and its place (a region, an area) is no happening's.
_HABITUAL_CLAIM_BEFORE = re.compile(
    r"\b(?:frequently|repeatedly|regularly|often|routinely|constantly|continually)\s+"
    r"(?:pro)?(?:claim(?:s|ed)?|announc(?:es|ed)|report(?:s|ed)|tout(?:s|ed)|boast(?:s|ed)\s+of)"
    r"\s+(?:(?:new|further|more|fresh|territorial|small|incremental|its|their)\s+){0,3}$",
    re.IGNORECASE,
)
_HABITUAL_OBJECT = re.compile(r"(?:advances|gains|captures|successes)\b", re.IGNORECASE)


def habitual_claim(text: str, sent: Sentence, trig: Trigger) -> bool:
    """Whether a ground trigger is the object of claims told as a habit, no one claim.

    "Moscow keeps proclaiming gains on the ground over these months, above all around X": a
    plural gain noun after an adverb of habit and a verb of claiming.
    """
    if trig.type not in GROUND_TYPES or not _HABITUAL_OBJECT.match(trig.text):
        return False
    lo = max(sent.start, trig.start - 80)
    return _HABITUAL_CLAIM_BEFORE.search(text, lo, trig.start) is not None


# "X was retaken on November 11. Before that, the enemy announced it was leaving X.": a
# sentence that opens by going back from a day told just before, with no day of its own.
_BEFORE_THAT = re.compile(
    r"\s*(?:Before\s+(?:that|this)|Prior\s+to\s+(?:that|this)|Even\s+before\s+that)\s*,",
    re.IGNORECASE,
)
_STOP = re.compile(r"[.!?][\"”’']?\s+")
_BEFORE_THAT_REACH = 300  # characters back to the sentence whose day it goes back from
_TOLD_DAY_GAP = dt.timedelta(days=2)  # that day lies before the eve of publication


def before_a_told_day(text: str, sent: Sentence, published: dt.date) -> bool:
    """Whether an undated sentence opens by going back from a past day told just before.

    "Troops entered X on November 11. Before that, the enemy announced a withdrawal from
    X." in a report of November 14: what the sentence tells happened before the 11th, so
    the report's eve and day (the range an undated sentence gets) is no date of it, and the
    sentence has none of its own. The day must be told in the sentence before and lie two
    days or more before publication.
    """
    if not _BEFORE_THAT.match(text, sent.start, sent.end):
        return False
    if find_dates(text[sent.start : sent.end], published=published):
        return False
    lo = max(0, sent.start - _BEFORE_THAT_REACH)
    stop = max(lo, len(text[: sent.start].rstrip()) - 1)  # the sentence before's own stop
    ends = [m.end() for m in _STOP.finditer(text, lo, stop)]
    before = text[ends[-1] if ends else lo : sent.start]
    days = find_dates(before, published=published)
    return bool(days) and days[-1].end <= published - _TOLD_DAY_GAP


def news_not_setting(
    text: str, sent: Sentence, triggers: list[Trigger], published: dt.date | None
) -> list[Trigger]:
    """The sentence's triggers less those that give its setting (the tests above).

    What a test asks of the whole sentence is asked once, not once per trigger: whether it
    names the war's start anywhere (a clause's phrase lies in its sentence), and whether it
    reports people leaving.
    """
    if published is not None and before_a_told_day(text, sent, published):
        return []
    kept = []
    war: bool | None = None
    leaving: bool | None = None
    # fighting ranked along the front, and the ground fighting told after it in the sentence
    # (", where troops are trying to push them back"): one standing description
    ranked = next((t.start for t in triggers if front_ranking(text, sent, t)), None)
    for t in triggers:
        if (
            campaign_frame(text, sent, t)
            or fronted_setting(text, sent, t, published)
            or described_gain(text, sent, t)
            or pluperfect_relative(text, sent, t)
            or described_fighter(text, sent, t)
            or habitual_claim(text, sent, t)
            or (published is not None and aside_gain(text, sent, t, triggers, published))
            or (ranked is not None and t.type is EventType.OFFENSIVE and t.start >= ranked)
        ):
            continue
        if war is None:
            war = (
                published is not None
                and published - _WAR_BEGAN >= _LONG_AFTER
                and _WAR_START.search(text, sent.start, sent.end) is not None
            )
        if war and war_start_background(text, sent, t, published):
            continue
        if published is not None and _of_a_past_year(text, sent, t, published):
            continue
        if published is not None and _last_talks_of_a_past_year(text, sent, t, published):
            continue
        fight = t.type is EventType.OFFENSIVE and _FIGHT_NOUN.fullmatch(t.text)
        if t.type is EventType.ATTACK or fight:
            if leaving is None:
                leaving = _leaving(text, sent, triggers)
            if leaving and _lasting_cause(text, sent, t, fight=bool(fight)):
                continue
        kept.append(t)
    return kept
