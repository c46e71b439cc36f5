"""Factual status of a trigger: happened, claimed (and by whom), attempted, or not an event.

Analysts weigh a claim differently from a fact; hypotheticals, intentions, comparisons and
forecasts ("could aid in the capture of", "reminiscent of the battle for") are no event.
"""

from __future__ import annotations

import re

from geo.events.triggers import GROUND_TYPES, Trigger, future_order
from geo.records import EventStatus, EventType
from geo.text.casefold import (
    Gated,
    ascii_lower,
    caseless_lower,
    loosened,
    lower_twin,
    may_hold,
)
from geo.text.literals import absent, required_literals
from geo.text.sentences import Sentence

__all__ = ["attempt_before", "claim_source", "not_factual", "status_for", "tried"]

# Words before a trigger, in its clause, that make it a plan, a wish, a comparison or a
# forecast: "could aid in the capture of", "aimed to seize", "reminiscent of the battle for".
_NOT_FACTUAL_BEFORE = re.compile(
    # "may", not the month: "claimed in May that", "since May", "early May", "May 5"
    r"\b(?:could|would|might|(?<!\bin )(?<!\bsince )(?<!\bby )(?<!\bfrom )(?<!\buntil )"
    r"(?<!\bof )(?<!\blast )(?<!\bthis )(?<!\bearly )(?<!\bmid-)(?<!\blate )may(?! \d)|"
    r"will|shall|cannot|can't|unlikely to|likely to|"
    r"aim(?:s|ed|ing)? (?:to|at)|intend\w* to|plan(?:s|ned|ning)? to|hop(?:e|es|ed|ing) to|"
    r"want(?:s|ed)? to|threat(?:en\w*)? (?:to|of)|seek(?:s|ing)? to|sought to|"
    # "some residents refuse to evacuate", "declined to leave X": what they would not do
    # (not "declined to comment on the strike")
    r"(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|unwilling|reluctant) to(?= *$| (?:leave|"
    r"flee|move|go|abandon|withdraw|retreat|give up|cede)\b)|"
    r"priority is|goal is|objective is|reminiscent of|similar to|like the|compared (?:to|with)|"
    r"fail(?:ed|ing|s)? to|unable to|in order to|prevent\w*|avoid\w*|risk of|fears? of|"
    r"forced to withdraw|prepar\w+ (?:to|for)|ready to|potential|imminent|"
    # "positioning to advance farther", "poised to capture", "gearing up for an assault"
    r"position(?:s|ed|ing)? (?:\w+ )?to|poised (?:to|for)|gear(?:s|ed|ing)? up (?:to|for)|"
    # "a possible offensive", not "it was possible to evacuate 200 people" (they were)
    r"(?<!was )(?<!were )possible|"
    r"would-be|future|need(?:s|ed)? to|consider\w*|possibility|pav(?:e|es|ed|ing) the way|"
    r"prospect of|"
    # "ahead of the next round of talks on Sunday": talks still to come
    r"ahead of|next round of|"
    # what a gain is good for: "a gain crucial for the success of the offensive", "key to
    # the development of offensive operations"
    r"(?:important|key|crucial|vital|essential|necessary) (?:for|to) (?:the )?"
    r"(?:continuation|continuing|development|success|conduct) of|"
    # a forecast or a build-up: "is expected to launch a new offensive", "expects Moscow to
    # mount", "is planning / preparing a fresh assault", "bracing for an expected push" (not
    # a "long-expected" counteroffensive, told as begun)
    r"(?<![\w-])expect(?:s|ed|ing)?\s+(?:[\w'\u2019-]+\s+){1,3}?to|(?<![\w-])expected to|"
    # "analysts expect a summer offensive", "Kyiv fears a fresh push", "warned of a new
    # assault": what is awaited has not happened
    r"(?<![\w-])(?:expect|fear)(?:s|ed|ing)?\s+(?:a|an|another)|warn(?:s|ed|ing)?\s+of|"
    # ... and told in the plural: "commanders expect fierce battles for X", "predict more
    # assaults", "anticipate heavier fighting"
    r"(?<![\w-])(?:expect|fear|anticipat|predict|forecast)(?:s|ed|ing|e|es)?\s+"
    r"(?:more|further|new|fresh|heavy|heavier|fierce|fiercer|intense|major|renewed|big|"
    r"bigger|large-scale|continued)|"
    r"(?:planning|preparing|prepares)\s+(?:a|an|new|fresh)|brac(?:e|es|ed|ing)\s+for|"
    r"way for \w+ to)\b[^,;:]*$",
    re.IGNORECASE,
)
_SINCE = re.compile(
    r"\bsince\s+(?:the|its|their|his|her|a|an)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE
)
# "evacuated since Russian troops began a fresh offensive there": the offensive
# marks when the counting began; told without a day of its own, it is no news here.
_SINCE_LAUNCHED = re.compile(
    r"\bsince\s+(?:[\w'’-]+\s+){1,3}(?:launched|began|started|mounted|opened)\s+"
    r"(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "Since the full-scale invasion, heavy strikes have been recorded in many regions,
# including in Kyiv": a sentence framed by the war's start sums up the war, no one happening.
# ... and so is one framed by the start of the war told by its other names: "Since the start
# of Moscow's military operation in February, heavy strikes were recorded in many cities, the
# capital among them", "Since the outbreak of the full-scale aggression".
_SINCE_THE_WAR = re.compile(
    r"\s*Since\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:full-scale\s+)?(?:invasion|war\b|"
    r"(?:start|beginning|outbreak|onset|launch)\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:full-scale\s+)?(?:war|invasion|aggression|(?:special\s+)?military\s+operation)\b)"
    r"[^,;:]*,"
)
_DAY_AFTER = re.compile(
    r"[^,;.]*?\b(?:on|in)\s+(?:(?:early|mid|late)[-\s]+)?(?:\d|(?:January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sept?|Oct|Nov|Dec)\b)"
)
# A ground campaign by its noun: "on alert since a surprise offensive into the X region in
# early August" names the campaign as a time, but tells its own month, so it is news too.
_CAMPAIGN_NOUN = re.compile(r"(?:counter-?)?offensive|incursion", re.IGNORECASE)
# A capture or a strike by its noun, with the place it took or hit: "its biggest gain since
# the capture of X in May 2023", "the deadliest since a strike on Y in April":
# like a campaign, a time that tells its own month, and so a happening of that month.
_TAKING_NOUN = re.compile(
    r"capture|fall|liberation|seizure|recapture|strikes?|attacks?|shelling|bombing",
    re.IGNORECASE,
)
_OF_A_PLACE = re.compile(
    r"\s+(?:of|on)\s+(?:the\s+)?(?:(?:[\w-]+\s+)?(?:city|town|village|settlement|port|"
    r"capital)\s+(?:of\s+)?)?(?-i:[A-Z])",
    re.IGNORECASE,
)
# Attempts and operations under way: an event, but not (yet) achieved.
_ATTEMPT_BEFORE = re.compile(
    r"\b(?:try(?:ing)? to|tried to|tries to|attempt(?:s|ed|ing)? to|(?:in an? )?(?:bid|attempt|"
    r"effort|push|drive) to|trying to|struggl\w+ to|continu\w+ (?:to|their|its)|"
    r"(?:is|are|was|were) (?:still )?(?:\w+ing)\b)[^,;:]{0,40}$",
    re.IGNORECASE,
)
_TRIED = re.compile(
    r"\b(?:try(?:ing)? to|tried to|tries to|attempt(?:s|ed|ing)?(?: \w+ times?| twice)? to|"
    r"(?:bid|attempt|effort|"
    r"push|drive) to|struggl\w+ to|concentrat\w+ on|focus\w* on|"
    # the aim of a fight: "offensive operations to capture X", "launched an offensive to
    # seize Y", "counterattacked to regain Z", "are pushing to take W" (fought for, not taken)
    r"(?:operations?|offensives?|counter-?offensives?|assaults?|counter-?attack(?:s|ed|ing)?|"
    r"pushing|pressing|fighting|fought|battling|aim(?:s|ed|ing)?|seek(?:s|ing)?|sought)"
    r"(?:,\s*(?:\w+\s+){0,3}?\w+,)?\s+(?:in\s+order\s+)?to|"
    r"(?:stopped|halted|blocked|kept)[\"”’]?\s+(?:[\w\"'’-]+\s+){0,3}from)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_ONGOING_AFTER = re.compile(
    r"^[^,;:]{0,25}?\b(?:(?:is|are) (?:still )?(?:underway|under way|ongoing|continuing|"
    r"being carried out|being observed)|continues?|(?:has|have) been ongoing)\b"
    # "with fighting ongoing near X", "battles still raging around Y": an absolute phrase
    r"|^\s+(?:still\s+)?(?:ongoing|continuing|raging|under\s*way)\b",
    re.IGNORECASE,
)
# Ground fighting told as carried on: "continued offensive operations near X", "continues
# its assaults on Y", "the continuing offensive": fighting under way on the day of the news.
_CONTINUED_BEFORE = re.compile(
    r"\bcontinu(?:e|es|ed|ing)\s+(?:(?:its|their|the|his|her)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# The Cyrillic tried-advance triggers carry their verb of trying: "пытался прорваться".
_CYR_TRIED = re.compile(r"(?:пыта|намага|пробува|спробува|предпри|здійсни)", re.IGNORECASE)
# "пытался улучшить положение", "намагалися захопити": a gain verb after a verb of trying.
_CYR_TRIED_BEFORE = re.compile(
    r"\b(?:пыта|намага|пробува|спробува)\w*\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
_TRIED_TRIGGER = re.compile(r"(?:attempt\w*|try|tried|trying|tries|sought|seeking|holding off)\b")
_PROGRESSIVE = re.compile(r"\b(?:is|are)\s+(?:still\s+|now\s+)?$", re.IGNORECASE)
# Ground won or fought for told as under way: "are slowly gaining ground", "have been
# advancing for months" (a strike "has been shelling" the town is told as having happened)
_GROUND_PROGRESSIVE = re.compile(
    r"\b(?:is|are|(?:has|have)\s+been)\s+(?:(?:still|now|\w+ly)\s+){0,2}$", re.IGNORECASE
)
_UNDER = re.compile(r"\bunder (?:siege|\w+ (?:attack|fire|shelling))\b", re.IGNORECASE)
_CAME = re.compile(r"\b(?:came|come|comes|coming)\s+$", re.IGNORECASE)
# Attribution: "according to X", "X said", "X claimed", "X reports".
_ACCORDING = re.compile(
    r"\baccording to (?:the |a |an )?(?P<who>[^,.;:\"“”()]{3,80}?)"
    r"(?=[,.;:\"“”()]|\s+(?:on|in)\s|$)",
    re.IGNORECASE,
)
_SAY = (
    r"said|says|say|claimed|claims|claim|reported|reports|announced|stated|told|insisted|"
    # how ministries, officials and bloggers put it out: "Pushilin wrote on Telegram that"
    r"wrote|writes|posted|declared|confirmed|admitted|acknowledged"
)
_WHO_SAID = re.compile(
    rf"(?P<who>(?:[A-Z][\w'’.-]*|the|of|'s|’s|de|in|and)(?:\s+(?:[A-Z][\w'’.-]*|the|of|'s|’s|"
    rf"defen[cs]e|ministry|military|army|forces|troops|general|staff|governor|authorities|"
    rf"officials?|spokes(?:man|woman|person)|press|service|brigade|group|command|head|mayor|"
    rf"in|and|its|local|regional|police|president|statement|report|briefing|bulletin|"
    # "Russian war bloggers claimed", "a pro-Kremlin military blogger wrote"
    rf"war|bloggers?|channels?|analysts?|commanders?|minister|monitoring|mapping|project|for|"
    # "Ukraine's armed forces said", "the commander-in-chief said", "a security source told"
    rf"armed|commander-in-chief|chief|deputy|adviser|security|sources?|agency|news))*?)"
    # the day told between the speaker and the verb: "the ministry on Sunday reported"
    rf"(?:\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?"
    # how the speaker spoke, set off by commas: "the ministry, writing on Telegram, said"
    rf"(?:,\s+(?:[a-z]+ing|in\s+an?|on\s+(?:its|his|her|their))\s[^,;:\"“”]{{1,60}},)?\s+"
    rf"(?:(?:also|later|earlier|has|had|"
    rf"have)\s+)?(?:{_SAY})\b"
)
# Every match of _WHO_SAID has a space right before its verb of saying: a sentence without
# one (most) is answered by this search, which skips ahead to the spaces, instead of trying the
# speaker's words at every position (about 40 µs a sentence).
_SAY_AFTER_SPACE = re.compile(rf"\s(?:{_SAY})\b")
_SAID_AFTER = re.compile(
    # (a comma after an apposed speaker: "X, the Russian-installed head of the region, said")
    rf"[,”\"]\s+(?P<who>[^,.;”\"]{{3,80}}?),?\s+(?:{_SAY})"
    # whom it was told: "a security source told RIA", "told reporters on Monday"
    r"(?:(?<=told)\s+[\w.’'-]+(?:\s+[\w.’'-]+){0,3}?)?"
    r"(?:\s+(?:on|in)\s+[^,.]+)?\s*\.?\s*$",
    re.IGNORECASE,
)
# Speech reported by another: "an aide was quoted by TASS as saying", "the agency cited the
# defence ministry as saying", "quoted a military source as saying": the speaker is who spoke.
_QUOTED_AS = re.compile(
    r"(?:(?P<who>(?:the\s+|an?\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,5}?)\s+(?:was|were)\s+quoted"
    r"(?:\s+by\s+[^,;:]{1,40}?)?|\b(?:cited|quoted|citing|quoting)\s+"
    r"(?P<whom>[^,;:\"“”]{3,60}?))\s+as\s+say(?:ing|s)\b",
    re.IGNORECASE,
)
# What a claim's teller never is: a day, a month, a time of day
_NO_TELLER = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Today|Yesterday)$"
)
# A speaker told in lower case is a body, not "the statement": "the Russian defence ministry
# announced", "the General Staff said", "the military said".
_BODY = re.compile(
    r"the\s+(?:[\w'’-]+\s+){0,3}?(?:ministry|military|army|forces|staff|command|governor|"
    r"authorities|officials|spokes(?:man|woman|person)|brigade|bloggers?|commander)$",
    re.IGNORECASE,
)
_LOWER_LEAD = re.compile(r"^(?:[a-z'’]+\s+)+")
# (the speaker after the verb holds no verb of its own: ", said Russian forces had taken X"
# is the verb's object told without "that")
_SAID_BY = re.compile(
    rf"(?:^|,\s+)(?:{_SAY}) (?P<who>[A-Z](?:(?!\s(?:had|has|have|was|were|is|are|will|would)\s)"
    r"[^,.;]){2,60})\s*\.?\s*$"
)
# "The strike has claimed 35 lives" counts the dead; it claims nothing.
_CLAIM_VERB = re.compile(
    r"\bclaim(?:s|ed|ing)?\b(?!\s+(?:the\s+)?(?:[\w,]+\s+){0,3}?(?:more\s+)?(?:lives|life)\b)",
    re.IGNORECASE,
)
# A party's account of ground fighting is its claim, not the reporter's fact; tellers that
# are no party are the exception: a war study that maps the front from what it can see,
# and the footage or imagery itself ("according to geolocated footage", "ISW
# reported"). Analysts code what they show as having happened.
_OBSERVER = re.compile(
    r"\b(?:Institute\s+for\s+the\s+Study\s+of\s+War|ISW|geolocat\w*|satellite\s+(?:images?|"
    r"imagery|photos?)|footage|imagery)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i)$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|while|and|as|which|who)\b")  # once, not per trigger
_PRONOUN_SAID = re.compile(rf"\b(?:he|she|they|it) (?:{_SAY})\b", re.IGNORECASE)
# Twins for ASCII text in lower case (geo.text.casefold): the same matches, several times faster.
_NOT_FACTUAL_LOW = lower_twin(_NOT_FACTUAL_BEFORE)
_SINCE_LOW = lower_twin(_SINCE)
_ATTEMPT_LOW = lower_twin(_ATTEMPT_BEFORE)
_ACCORDING_LOW = loosened(lower_twin(_ACCORDING))  # gates only (_search): may find more
_SAID_AFTER_LOW = lower_twin(_SAID_AFTER)
_PRONOUN_SAID_LOW = loosened(lower_twin(_PRONOUN_SAID))  # likewise
_CLAIM_VERB_LOW = lower_twin(_CLAIM_VERB)
# Words one of which every match holds ("claim"): looked for first (geo.text.literals)
_CLAIM_WORDS = tuple(sorted(required_literals(_CLAIM_VERB_LOW) or ()))


def _search(rx: re.Pattern[str], twin: re.Pattern[str], s: str, low: str | None):
    """``rx.search(s)``, asking its twin first where ``s`` is ASCII (``low``: its lower case).

    Most sentences have no match, and the twin says so several times faster.
    """
    if low is not None and twin.search(low) is None:
        return None
    return rx.search(s)


_COMMA_BREAK = re.compile(r",\s+(?:but|while|and|as|which|who)\b")  # _CLAUSE_BREAK's second half
_LAST_CLAUSE: tuple[str | None, int, int, str] = (None, -1, -1, "")


def _clause_before(text: str, sent: Sentence, trig: Trigger) -> str:
    """``_CLAUSE_BREAK.split(text[sent.start : trig.start])[-1]``: the words after the last break.

    Found from the end: past the last ";" or ":" (no comma break holds one, so it is a break
    of its own), then past the last comma break after it. Remembered for the last trigger:
    three tests of a trigger ask for it in a row.
    """
    global _LAST_CLAUSE
    last = _LAST_CLAUSE  # one read: another thread may replace it, never half of it
    if last[0] is text and last[1] == sent.start and last[2] == trig.start:
        return last[3]
    before = text[sent.start : trig.start]
    cut = max(before.rfind(";"), before.rfind(":")) + 1
    if before.find(",", cut) >= 0:
        for m in _COMMA_BREAK.finditer(before, cut):
            cut = m.end()
    clause = before[cut:]
    _LAST_CLAUSE = (text, sent.start, trig.start, clause)
    return clause


# An evacuation planned or to come, in Ukrainian and Russian: "планують евакуацію", "будуть
# евакуйовані", "намерены эвакуировать", and the future "евакуюватимуть". An order that
# starts ("розпочинають евакуацію", "оголосили евакуацію") is no plan.
_CYR_EVACUATION_PLAN = re.compile(
    r"(?:\bплан(?:ує|ують|ується|ували|увала|ував|ирует|ируют|ируется|ировали|ировала)|"
    r"\bмають намір|\bмає намір|\bнамерен[аоы]?|\bзбираються|\bсобираются|"
    r"\bбуде|\bбудуть|\bбудет|\bбудут|\bможуть|\bмогут)\s+(?:[\w'’ʼ-]+\s+){0,3}$",
    re.IGNORECASE,
)

# "планують посилити евакуацію": to step up an evacuation is to carry on one under way
_CYR_WIDEN_BEFORE = re.compile(
    r"\b(?:посил|розшир|продовж|пришвидш|усил|расшир|продолж|ускор)\w*\s+$", re.IGNORECASE
)


# The content of a denial: "Kyiv denied that Russian troops had captured X", "officials keep
# denying that the enemy has crossed into the region". The other side's claim, told in
# its own words, is the event (claimed); what is denied adds none. Not a denial of a part in
# an event that happened ("denied any involvement in the attack", "denied responsibility
# for"), nor of "claims" or "reports", which name the claim.
_DENIED_BEFORE = re.compile(
    r"(?<![\w-])den(?:y|ies|ied|ying)\s+(?:that\s+)?(?!(?:any\s+|all\s+|the\s+)?"
    r"(?:responsibility|involvement|role|blame|accusations?|allegations?|claims?|reports?|"
    r"being\s+behind)\b)[^,;:]*$",
    re.IGNORECASE,
)


# What a side took back: "the spokesman backtracked on a statement made hours before that
# troops had retaken X", "the ministry retracted its report that ...", "walked back a claim
# that ...": the gain or the strike is one the teller no longer tells, no event.
_RETRACTED_BEFORE = re.compile(
    r"(?<![\w-])(?:backtrack(?:ed|s|ing)?\s+(?:on|from)|retract(?:ed|s|ing)?|"
    r"walk(?:ed|s|ing)?\s+back|took\s+back|withdr(?:ew|awn)|disavow(?:ed|s|ing)?)\s+"
    r"(?:(?:an?|the|its|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:announcement|statement|claim|report|post|message)s?\b"
    r"(?:(?!,\s+(?:and|but|while|as)\b)[^;:])*$",
    re.IGNORECASE,
)
_RETRACTED_GATED = Gated(_RETRACTED_BEFORE)  # its words first (geo.text.casefold)
_BATTLE = frozenset({EventType.ADVANCE, EventType.OFFENSIVE, EventType.ATTACK})


_TOWARDS_END = re.compile(r"\btowards?\s+$")
# A gain near but not yet made: "was about to capture X", "on the verge of taking Y", "came
# close to seizing Z", "on the brink of a withdrawal from W". The verb or noun right after it
# has not happened, as after "poised to" (fighting that "came close to encircling" a town
# did happen: read for gains only); a place "close to the border" is no such frame
# (a verb before "close", and the trigger right after "to").
_IMMINENT_BEFORE = re.compile(
    r"\b(?:about\s+to|on\s+the\s+(?:verge|brink|cusp|point)\s+of|"
    r"(?:came|come|comes|coming|is|are|was|were|be|been|being|got|gets|getting|now|very|so)\s+"
    r"closer?\s+to)\s+(?:(?:a|an|the|its|their|fully|finally|\w+ly)\s+)?$",
    re.IGNORECASE,
)
_PAST_PROGRESSIVE = re.compile(r"\b(?:was|were)\s+\w+ing\b")


def not_factual(text: str, sent: Sentence, trig: Trigger, *, order_told: bool = False) -> bool:
    """Whether the trigger is planned, hoped, compared or forecast rather than reported.

    ``order_told``: an evacuation order was reported earlier in the article, so "will be
    evacuated from A" tells its scope (``geo.events.triggers.future_order``).
    """
    if _SINCE_THE_WAR.match(text, sent.start, trig.start):
        return True
    clause = _clause_before(text, sent, trig)[-80:]
    if (
        trig.type is EventType.EVACUATION
        and (k := future_order(text, sent, clause, trig.end, order_told=order_told)) >= 0
    ):
        clause = clause[:k]  # the order's future passive is no plan; other plan words are
    # For the twins and the words (geo.text.casefold): None where a letter beyond ASCII has
    # a case (Cyrillic among them: a clause with none holds no Cyrillic plan word).
    low = caseless_lower(clause)
    # The patterns that end "[^,;:]*$" match past the clause's last "," ";" ":" (their words
    # hold none): their words are looked for there.
    at = -1 if low is None else max(low.rfind(","), low.rfind(";"), low.rfind(":")) + 1
    tail = None if low is None else low[at:]
    if (
        trig.type is EventType.EVACUATION
        and (
            (low is None and _CYR_EVACUATION_PLAN.search(clause))
            or trig.text.startswith("евакуюватим")
        )
        and not _CYR_WIDEN_BEFORE.search(clause)
    ):
        return True
    if trig.text.endswith("ing") and "toward" in clause and _TOWARDS_END.search(clause):
        return True  # "a springboard towards capturing the next town": a goal
    if (
        trig.type is EventType.ADVANCE
        and may_hold(_IMMINENT_WORDS, low)
        and _IMMINENT_BEFORE.search(clause)
    ):
        return True  # "the unit was about to seize the village": not taken yet
    # (the twin only where its word is: every match holds "since")
    if (
        ("since" in low and _SINCE_LOW.search(low)) if low is not None else _SINCE.search(clause)
    ) and not (_dated_campaign(text, sent, trig)):
        return True  # "their first talks since the invasion began": a time, not news
    if (
        may_hold(_SINCE_LAUNCHED.words, tail)
        and _SINCE_LAUNCHED.search(clause)
        and not _DAY_AFTER.match(text, trig.end, sent.end)
    ):
        return True
    if (
        trig.type in GROUND_TYPES
        and may_hold(_DENIED_WORDS, tail)
        and _DENIED_BEFORE.search(clause)
    ):
        return True
    if (
        trig.type in (EventType.OFFENSIVE, EventType.ATTACK)
        and _FIGHT_NOUN.fullmatch(trig.text)
        and may_hold(_ABANDONED_WORDS, low)
        and _ABANDONED_BEFORE.search(clause)
    ):
        return True  # "refocused on the east after abandoning its assault on X": ended
    if (may_hold(_CAPABLE_WORDS, tail) and _CAPABLE_BEFORE.search(clause)) or (
        may_hold(_TRIAL_WORDS, tail) and _TRIAL_BEFORE.search(clause)
    ):
        return True  # "a drone capable of striking X", "sentenced for shelling Y"
    if (
        trig.type is EventType.ADVANCE
        and trig.text.lower() in ("advance", "advances", "push", "offensive")
        and _STALLED_AFTER.match(text, trig.end, sent.end)
    ):
        return True  # "the Russian advance on X has stalled": no ground taken
    if trig.type is EventType.ATTACK and _CAPABLE_AFTER.match(text, trig.end, sent.end):
        return True  # "a drone capable of striking X": the weapon's word before its reach
    if trig.type is EventType.ATTACK and _IN_FLIGHT_AFTER.match(text, trig.end, sent.end):
        return True  # "as drones headed toward the capital": in the air, nothing hit yet
    if may_hold(_SPARED_WORDS, tail) and _SPARED_BEFORE.search(clause):
        return True  # "a region largely spared from the fighting seen in A and B": none there
    if trig.type is EventType.EVACUATION and _evacuated_people(text, sent, trig):
        return True  # "housing used by evacuated residents": who they are, no evacuation
    if trig.type in _BATTLE:
        # its words first, on the article's lower case (remembered), not a copy's
        whole = ascii_lower(text)
        if (
            whole is None or not absent(_RETRACTED_GATED.words, whole, sent.start, trig.start)
        ) and _RETRACTED_GATED.search(text[sent.start : trig.start]):
            return True
    if (
        trig.type is EventType.EVACUATION
        and _HABITUAL_VERB.match(trig.text)
        and _WHO_BEFORE.search(text, max(sent.start, trig.start - 40), trig.start)
    ):
        return True  # "a volunteer who evacuates residents from X": what someone does
    if trig.type is not EventType.EVACUATION and _MODAL_AFTER.match(text, trig.end, sent.end):
        # "peace talks could resume in X on Tuesday": talks still to come (an evacuation that
        # "will begin" is an order given, see geo.events.extract)
        return True
    if low is not None:
        # A match runs on to the clause's end with no "," ";" ":" after its word (and its
        # words hold none): it starts past the last of them (``at``), and is looked for only
        # there.
        # (its words first: every match holds one, and most clauses none)
        return may_hold(_NOT_FACTUAL_WORDS, tail) and bool(_NOT_FACTUAL_LOW.search(low, at))
    return bool(_NOT_FACTUAL_BEFORE.search(clause))


# A happening the place was spared: "an area that had so far been mostly spared the fierce
# battles raging in A, B and C", "a city so far untouched by the strikes". The fighting or the
# strikes are what did not happen there, and the places named with them only compare.
_SPARED_BEFORE = re.compile(
    r"(?<![\w-])(?:spared\s+(?:from|by|the|any|much|most)|untouched\s+by)\b[^,;:]*$",
    re.IGNORECASE,
)
# What a weapon or an army can do, not what it did: "a drone capable of striking X", "the
# missiles can hit targets in the Y region". What can be seen or heard was seen or heard.
_CAPABLE_BEFORE = re.compile(
    r"(?<![\w-])(?:capable\s+of|can(?!\s+(?:now\s+|still\s+|clearly\s+|also\s+)?(?:see|hear|"
    r"be\s+(?:heard|seen|felt|observed)|confirm|say|report|tell)\b))\b[^,;:]*$",
    re.IGNORECASE,
)
# An advance told as stopped or slowed: "the advance on X has stalled", "Russia's push near Y
# slowed in recent weeks". The noun names the drive, the verb says it gained nothing new.
_STALLED_AFTER = re.compile(
    r"(?:\s+(?:on|in|near|toward|towards|around|at)\s+[^,;:.]{0,40}?)?\s+"
    r"(?:(?:has|have|had)\s+(?:been\s+)?|(?:is|was|were|are)\s+)?(?:largely\s+|now\s+)?"
    r"(?:stalled|halted|slowed|stopped|faltered|bogged\s+down|ground\s+to\s+a\s+halt)\b",
    re.IGNORECASE,
)
_CAPABLE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:capable\s+of|can\s+(?:hit|strike|reach|fly|travel|carry))\b",
    re.IGNORECASE,
)
# A trial and what it tried: "sentenced a soldier for shelling X", "convicted of killing a
# civilian in Y". The court is the news; the deed lies back in the war and is told as the
# charge ("a unit charged with holding X" is a task, and is not read).
_TRIAL_BEFORE = re.compile(
    r"(?<![\w-])(?:convicted|sentenced|found\s+guilty|pleaded\s+(?:not\s+)?guilty|on\s+trial|"
    r"indicted|prosecuted|in\s+absentia)\b[^,;:]*$",
    re.IGNORECASE,
)
# Drones or missiles in the air, told by where they were heading: "drones headed toward the
# capital", "missiles were spotted flying towards X". Where they hit, if anywhere, is told
# apart; the heading is no place hit.
_IN_FLIGHT_AFTER = re.compile(
    r"\s+(?:(?:drones?|missiles?|rockets?|UAVs?|Shaheds?)\s+)?(?:(?:were|was|had\s+been|have\s+been|are|is|had|have|has)\s+)?"
    r"(?:(?:spotted|seen|detected|reported|observed|tracked)\s+)?[\"“]?"
    r"(?:head(?:ed|ing)|flying|moving|en\s+route)\s+(?:toward|towards|for|to|in\s+the\s+direction\s+of)\b",
    re.IGNORECASE,
)
# A fight its maker gave up: "after abandoning its assault on X", "called off the attack on
# Y". The fight is named by what ended it, told as the reason for a later move; the giving up
# of ground is an advance of its own ("withdrew from X") and is not read here.
_ABANDONED_BEFORE = re.compile(
    r"(?<![\w-])(?:abandon(?:s|ed|ing)?|call(?:s|ed|ing)?\s+off|g[ai]v(?:e|es|ing)\s+up|"
    r"scrap(?:s|ped|ping)?)\s+(?:(?:an?|the|its|their|his|her)\s+)?"
    r"(?:(?!(?:after|before|during|under|amid|despite|following|because|as|when)\b)"
    r"[\w-]+\s+)?$",
    re.IGNORECASE,
)
# ... whose word is the fight's noun, the verb's object ("abandoned the village after
# shelling" gives up a village, and the shelling stays)
_FIGHT_NOUN = re.compile(
    r"(?:counter-?)?(?:offensive|assaults?|attacks?|push|operations?|campaign|advance|siege|"
    r"storming|onslaught)",
    re.IGNORECASE,
)
# "evacuated" as an adjective before the people it describes: after a determiner, a
# preposition or a participle whose object it opens ("for the evacuated families", "used by
# evacuated residents", "a hostel housing evacuated X residents"), or opening its sentence
# ("Evacuated residents of X were housed in Y"). As a verb it has a subject before it
# ("police evacuated residents of X") or an auxiliary ("were evacuated").
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?:^|(?<![\w-])(?:the|these|those|all|many|some|other|several|its|their|newly|recently|"
    r"of|for|by|to|with|from|among|at|on|(?!being\b|having\b)[a-z]\w+ing)\s+)$",
    re.IGNORECASE,
)
_PEOPLE_AFTER = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:residents|people|civilians|children|families|citizens|"
    r"persons|women|pupils|patients|villagers|townspeople)\b",
    re.IGNORECASE,
)


def _evacuated_people(text: str, sent: Sentence, trig: Trigger) -> bool:
    """Whether the trigger is "evacuated" describing people: "for evacuated families"."""
    if trig.text.lower() != "evacuated":
        return False
    before = text[max(sent.start, trig.start - 40) : trig.start]
    return bool(
        _ATTRIBUTIVE_BEFORE.search(before) and _PEOPLE_AFTER.match(text, trig.end, sent.end)
    )


# Someone described by what they do: "a driver who evacuates the elderly from X", "volunteers
# who evacuate families": a present-tense verb in a relative clause is a habit, no one
# evacuation of a day.
_HABITUAL_VERB = re.compile(r"evacuates?\b|takes? out\b|helps? (?:to )?evacuate\b", re.IGNORECASE)
_WHO_BEFORE = re.compile(r"\b(?:who|that)\s+(?:\w+ly\s+|also\s+|still\s+)?$", re.IGNORECASE)


# A happening named by its noun, then a modal as its verb: "talks between the two sides could
# resume in X", "a new offensive may begin", "the evacuation is expected to start". What can
# be heard or seen ("explosions could be heard in X") was heard: that stays.
_MODAL_AFTER = re.compile(
    r"(?:\s+(?:between|of|with|on|over|among|by)\s+[^,;:.()]{0,60}?)?\s+"
    r"(?:could|may|might|would|will|shall|(?:is|are)\s+(?:expected|set|scheduled|due|likely)\s+to"
    r"|(?:is|are)\s+to)\s+(?!be\s+(?:heard|seen|felt|observed)\b)(?:\w+\s+)?"
    r"(?:resume|take\s+place|begin|start|be\s+held|go\s+ahead|continue|follow|come|happen|"
    r"open|get\s+under\s*way|be\s+launched|be\s+organi[sz]ed|be\s+carried\s+out)\b",
    re.IGNORECASE,
)


def _dated_campaign(text: str, sent: Sentence, trig: Trigger) -> bool:
    """Whether a ground campaign after "since" carries a day or a month of its own.

    "since a Ukrainian offensive into the X region in early August": the campaign marks when
    the sentence's state began, and its own date makes it a happening of that time, which
    analysts code (dated by that phrase, not by the article). So does a capture or a strike
    named with its place ("since the capture of X in May 2023"). "since the offensive" alone
    stays a time only.
    """
    campaign = trig.type is EventType.OFFENSIVE and _CAMPAIGN_NOUN.fullmatch(trig.text)
    taking = (
        trig.type in (EventType.ADVANCE, EventType.ATTACK)
        and _TAKING_NOUN.fullmatch(trig.text)
        and _OF_A_PLACE.match(text, trig.end)
    )
    return bool(campaign or taking) and _DAY_AFTER.match(text, trig.end, sent.end) is not None


def tried(text: str, sent: Sentence, trig: Trigger) -> bool:
    """Whether the trigger's verb is only tried: "trying to advance", "a bid to seize"."""
    clause = _clause_before(text, sent, trig)[-60:]
    return bool(_TRIED.search(clause) or _CYR_TRIED_BEFORE.search(clause))


def attempt_before(text: str, sent: Sentence, trig: Trigger) -> bool:
    """Whether the trigger is tried or under way ("trying to advance", "bid to seize")."""
    clause = _clause_before(text, sent, trig)[-60:]
    # (None where a letter beyond ASCII has a case: a clause with none holds no Cyrillic)
    low = caseless_lower(clause)
    if _CYR_TRIED.match(trig.text) or (low is None and _CYR_TRIED_BEFORE.search(clause)):
        return True
    if _TRIED_TRIGGER.match(trig.text):
        return True  # the trigger carries its trying: "attempts to dislodge", "tried to approach"
    if low is not None:
        # a match runs to the clause's end with no "," ";" ":" after its words (which hold
        # none): it starts past the last of them, and is looked for only there
        tail = max(low.rfind(","), low.rfind(";"), low.rfind(":")) + 1
        attempt = _ATTEMPT_LOW.search(low, tail)
    else:
        attempt = _ATTEMPT_BEFORE.search(clause)
    if attempt and not _PAST_PROGRESSIVE.search(clause):
        return True
    if trig.type is EventType.OFFENSIVE and _CONTINUED_BEFORE.search(clause):
        return True  # "continued offensive operations near X": the fighting goes on
    if trig.text.split(" ", 1)[0].endswith("ing") and (
        _GROUND_PROGRESSIVE if trig.type in GROUND_TYPES else _PROGRESSIVE
    ).search(clause):
        return True  # "Russian forces are advancing on Pokrovsk"
    after = text[trig.end : min(sent.end, trig.end + 40)]
    if _REPELLED.match(trig.text) and _ATTEMPTS_AFTER.match(after):
        return True  # "repelled the invaders' attempts to advance near A": the assault failed
    if _ONGOING_AFTER.match(after):
        return True
    # "is under attack" tells a strike still going on; "came under fire" one that happened
    # (the opened sets code all twenty of theirs as happened)
    return bool(_UNDER.match(trig.text)) and not _CAME.search(
        text, max(sent.start, trig.start - 12), trig.start
    )


# A bulletin's "repelled/repulsed (the enemy's) attempts to advance": what was repelled was tried.
_REPELLED = re.compile(r"repell|repuls", re.IGNORECASE)
_ATTEMPTS_AFTER = re.compile(
    r"\s+(?:(?:the|all|several|two|three|four|five|\d+)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:attempts?|efforts?|bids?)\s+(?:to|at)\b",
    re.IGNORECASE,
)


def claim_source(text: str, sent: Sentence, quoted: list[tuple[int, int]]) -> str:
    """Who the sentence attributes its news to ("" when it is the reporter's own)."""
    s = text[sent.start : sent.end]
    low = caseless_lower(s)
    if m := _search(_ACCORDING, _ACCORDING_LOW, s, low):
        return m.group("who").strip()
    if m := _search(_SAID_AFTER, _SAID_AFTER_LOW, s, low):
        return m.group("who").strip()
    if m := _SAID_BY.search(s):
        return m.group("who").strip()
    if " as say" in s and (m := _QUOTED_AS.search(s)):
        return (m.group("who") or m.group("whom")).strip()
    for m in _WHO_SAID.finditer(s) if _SAY_AFTER_SPACE.search(s) else ():
        who = m.group("who").strip()
        if who and not who[0].isupper() and not _BODY.match(who):
            # "the Washington-based Institute of ...": from its first capital on
            who = _LOWER_LEAD.sub("", who)
        if (
            who
            and (who[0].isupper() or _BODY.match(who))
            and not _PRONOUN.match(who)
            and not _NO_TELLER.match(who)
        ):
            return who
    if quoted or _search(_PRONOUN_SAID, _PRONOUN_SAID_LOW, s, low):
        return "speaker" if not quoted else "quoted speaker"
    return ""


_LAST_SOURCE: tuple[str | None, Sentence | None, list[tuple[int, int]], str] = (None, None, [], "")


def _claim_source_once(text: str, sent: Sentence, quoted: list[tuple[int, int]]) -> str:
    """``claim_source``, remembered for the last sentence: its triggers ask one after another."""
    global _LAST_SOURCE
    last = _LAST_SOURCE  # one read: another thread may replace it, never half of it
    if last[0] is text and last[1] is sent and last[2] == quoted:
        return last[3]
    source = claim_source(text, sent, quoted)
    _LAST_SOURCE = (text, sent, list(quoted), source)
    return source


# A gain told as a loss by the side that suffered it: its own troops' withdrawal ("the
# spokesman said troops had pulled back from X", "ordered the withdrawal from Y"), or the
# enemy's capture told by the other side ("Ukraine's general staff said Russian forces had
# captured Z", "the Luhansk governor told Ukrainian TV that Russian troops took W").
_WITHDRAWAL = re.compile(
    r"withdr|pull(?:ed|ing|s)?\s+(?:\w+\s+){0,3}?(?:back|out)|retreat|abandon|left\b",
    re.IGNORECASE,
)
_UA_WORDS = re.compile(r"Ukrain|Kyiv|Kiev|Zelensk|Syrsk", re.IGNORECASE)
_RU_WORDS = re.compile(r"Russia|Moscow|Kremlin|Konashenkov|Shoigu|Belousov", re.IGNORECASE)
_SIDE_SUBJECT = re.compile(
    r"\b(?P<side>Russian|Ukrainian|Russia['’]s|Ukraine['’]s|Moscow['’]s|Kyiv['’]s)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:forces|troops|army|units|soldiers|military|servicemen)\s+"
    r"(?:(?:have|has|had)\s+)?(?:also\s+|now\s+|reportedly\s+)?$",
    re.IGNORECASE,
)


def _admitted(text: str, sent: Sentence, trig: Trigger, source: str) -> bool:
    """Whether a side tells a gain that is its own loss (see ``_WITHDRAWAL``)."""
    if _WITHDRAWAL.match(trig.text):
        return True
    m = _SIDE_SUBJECT.search(text, max(sent.start, trig.start - 60), trig.start)
    if m is None:
        return False
    russian = m.group("side").lower().startswith(("russia", "moscow"))
    teller_ua, teller_ru = bool(_UA_WORDS.search(source)), bool(_RU_WORDS.search(source))
    return (russian and teller_ua and not teller_ru) or (
        not russian and teller_ru and not teller_ua
    )


def status_for(
    text: str,
    sent: Sentence,
    trig: Trigger,
    quoted: list[tuple[int, int]],
) -> tuple[EventStatus, str]:
    """The status of a factual trigger and, for a claim, who claims it.

    A party's account of ground fighting or a capture ("the defence ministry said its units had
    seized ...", "according to the General Staff") is claimed; a local official's
    report of a strike is the reporting of a fact; any "claimed" is a claim.
    """
    inside = any(a <= trig.start < b for a, b in quoted)
    if attempt_before(text, sent, trig):
        return EventStatus.ATTEMPTED, ""
    source = _claim_source_once(text, sent, quoted if inside else [])
    low = ascii_lower(text)
    if low is not None:
        claim_verb = (
            not (_CLAIM_WORDS and absent(_CLAIM_WORDS, low, sent.start, sent.end))
            and _CLAIM_VERB_LOW.search(low, sent.start, sent.end) is not None
        )
    else:
        claim_verb = _CLAIM_VERB.search(text, sent.start, sent.end) is not None
    claimed = claim_verb or inside
    if trig.type in GROUND_TYPES and source:
        if (
            trig.type is EventType.ADVANCE
            and not claim_verb
            and _admitted(text, sent, trig, source)
        ):
            # a side telling its own troops' withdrawal, or the other side's capture, admits
            # a loss: analysts code it as having happened
            claimed = False
        elif _OBSERVER.search(source):
            # a war study's or footage's account is the reporter's fact unless it tells a
            # claim ("ISW said Russian milbloggers claimed ...")
            claimed = claim_verb
        else:
            claimed = True
    if claimed and trig.type is not EventType.STATEMENT:
        return EventStatus.CLAIMED, source or "unattributed"
    return EventStatus.HAPPENED, ""


# Asked for most triggers, and most clauses hold no match: each asks its lower-case twin first
# (geo.text.casefold.Gated). Set here, after every definition, so each reads as written above.
_CYR_TRIED_BEFORE, _ONGOING_AFTER = Gated(_CYR_TRIED_BEFORE), Gated(_ONGOING_AFTER)
_CONTINUED_BEFORE = Gated(_CONTINUED_BEFORE)  # "continu" first
_SINCE_LAUNCHED = Gated(_SINCE_LAUNCHED)  # "since" first
# Words one of which every match holds, in lower case (not_factual looks for them first)
_IMMINENT_WORDS = Gated(_IMMINENT_BEFORE).words
_DENIED_WORDS = Gated(_DENIED_BEFORE).words
_ABANDONED_WORDS = Gated(_ABANDONED_BEFORE).words
_CAPABLE_WORDS = Gated(_CAPABLE_BEFORE).words
_TRIAL_WORDS = Gated(_TRIAL_BEFORE).words
_SPARED_WORDS = Gated(_SPARED_BEFORE).words
# (the plan words are many, but the pattern is dear: any of them is looked for first)
_NOT_FACTUAL_WORDS = tuple(sorted(required_literals(_NOT_FACTUAL_LOW, max_words=100) or ()))
