"""Event triggers: the words of a sentence that report an event, and the event's type.

Phrases per type (docs/events.md), minus direct speech, negated or planned events and words
that need a particular subject ("met", "have left").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from geo.records import EventType
from geo.text.sentences import Sentence

__all__ = ["FIGURE_TYPES", "TRIGGERS", "Trigger", "coerce_types", "find_triggers"]

# Trigger phrases per type, matched case-insensitively on word boundaries. Where two phrases
# start at the same word the first listed wins, so longer phrases come first.
TRIGGERS: dict[EventType, tuple[str, ...]] = {
    EventType.EVACUATION: (
        r"evacuation (?:trains?|bus(?:es)?|orders?|convoys?)",
        r"evacuat\w*",
        r"(?:ordered|urged|told) (?:[\w'’-]+ ){0,6}?to (?:leave|evacuate)",
        r"were taken out of",
        r"евакуац\w*",
        r"евакуй?ова\w*",
        r"евакуйов\w*",
        r"эвакуац\w*",
        r"эвакуир\w*",
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
        r"біженц\w*",
        r"беженц\w*",
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
        r"переговор\w*",
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
        r"broke through(?: to)?",
        r"(?:pull|pulled|pulling) (?:\w+ ){0,3}back from",
        r"(?:moved|moving|fell) back from",
        r"(?:moved|moving) away from",
        r"(?:claimed|gained|established|took|seized|regained) control (?:of|over)",
        r"control (?:approximately |about |some |roughly |around |nearly )?\d+ ?(?:percent|%) of",
        r"звільни\w*",
        r"звільнен\w*",
        r"освободи\w*",
        r"освобожд\w*",
        r"захопи\w*",
        r"захопл\w*",
        r"заняли",
        r"занят\w*",
        r"зайня\w*",
        r"взял[иа]? под контроль",
        r"взяли під контроль",
        r"відступи\w*",
        r"отступи\w*",
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
        r"repel(?:led|s|ling)?",
        r"repuls\w+",
        r"(?:inflicted|inflicting) (?:heavy )?losses",
        r"наступ\w*",
        r"бо[їі]",
        r"боях",
        r"боев\w*",
        r"бойов\w*",
        r"штурм\w*",
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
        r"bombard\w*",
        r"fired (?:at|on|upon)",
        r"opened fire",
        r"обстріл\w*",
        r"обстрел\w*",
        r"удар\w*",
        r"атак\w*",
        r"вибух\w*",
        r"взрыв\w*",
        r"влучан\w*",
        r"бомбардуван\w*",
        r"бомбардиров\w*",
        r"(?:дрон|безпілотник|беспилотник)\w*",
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
        r"заяви\w*",
        r"заявил\w*",
    ),
}
# One word boundary and a letter up front let the engine skip most positions at once: this
# runs on every sentence. Cyrillic phrases have a pattern of their own, tried only on
# sentences that hold Cyrillic letters, so English text pays nothing for them.
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _alternation(cyrillic: bool) -> re.Pattern[str]:
    groups = "|".join(
        f"(?P<{t.value}_{i}>{p})"
        for t, pats in TRIGGERS.items()
        for i, p in enumerate(pats)
        if bool(_CYRILLIC.match(p)) is cyrillic
    )
    lead = r"(?=[\u0400-\u04ff])" if cyrillic else r"(?=[a-z])"
    return re.compile(rf"\b{lead}(?:{groups})\b", re.IGNORECASE)


_TRIGGER_RE = _alternation(cyrillic=False)
_TRIGGER_CYR_RE = _alternation(cyrillic=True)
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
# An attack by troops, counted or called a ground or cross-border attack, is fighting on the
# ground (an offensive); a strike at a distance names its weapon.
_GROUND_ATTACK = re.compile(
    r"(?:\b\d+|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens of|several)|ground|"
    r"cross-border|surprise|infantry|assault|armou?red|mechani[sz]ed|carried out|launched)"
    r"\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_WEAPON = re.compile(
    r"\b(?:missiles?|drones?|shell(?:s|ing|ed)|artillery|rockets?|bombs?|air|aerial|"
    r"airstrikes?|strikes?|UAVs?|glide)\b",
    re.IGNORECASE,
)
FIGURE_TYPES = (EventType.EVACUATION, EventType.DISPLACEMENT)  # events that carry head-counts


@dataclass
class Trigger:
    """An event word found in a sentence."""

    type: EventType
    start: int  # absolute offsets
    end: int
    text: str


def find_triggers(text: str, sent: Sentence, quoted: list[tuple[int, int]]) -> list[Trigger]:
    """The factual event words of a sentence, outside direct speech."""
    out = []
    matches = list(_TRIGGER_RE.finditer(sent.text))
    if _CYRILLIC.search(sent.text):
        matches += _TRIGGER_CYR_RE.finditer(sent.text)
    for m in matches:
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
        if (
            etype is EventType.ATTACK
            and _GROUND_ATTACK.search(text, max(sent.start, s - 30), s)
            and not _WEAPON.search(sent.text)
        ):
            etype = EventType.OFFENSIVE  # "launched 10 attacks", "a ground attack"
        out.append(Trigger(etype, s, e, word))
    return out


def coerce_types(found: list, triggers: list[Trigger]) -> list:
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
