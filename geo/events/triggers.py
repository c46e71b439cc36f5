"""Event triggers: the words of a sentence that report an event, and the event's type.

Phrases per type (docs/events.md), minus direct speech, negated or planned events and words
that need a particular subject ("met", "have left").
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from re import _constants as _c
from re import _parser

from geo.records import EventType
from geo.text.casefold import (
    Gated,
    ascii_lower,
    caseless_lower,
    loosened,
    lower_twin,
    may_hold,
)
from geo.text.literals import required_literals
from geo.text.sentences import Sentence

__all__ = [
    "FIGURE_TYPES",
    "MOVED_TO",
    "ORDER_MARK",
    "ORDER_VERBS",
    "OWN_MEANS_AFTER",
    "PUSHED_INTO",
    "TRIGGERS",
    "Trigger",
    "captives_after",
    "coerce_types",
    "find_triggers",
    "future_order",
    "names_weapon",
]

# Verbs of an order or a call to leave ("ordered residents of X to leave"); ``places`` looks
# for the place inside the order's object.
ORDER_VERBS = r"(?:ordered|urged|told|asked|advised|called on)"

# People moved away by the authorities: "were transferred to", "have been relocated to".
MOVED_TO = (
    # "610 minors have to be relocated to safer oblasts": the order's count
    r"(?:were|was|have been|has been|had been|are being|were being|had to be|have to be) "
    r"(?:\w+ly )?"
    r"(?:transferred|relocated|moved|bussed|resettled) to"
)
# "residents of A, B and C are being moved out": an order carried out, the places before it
MOVED_OUT = (
    r"(?:were|was|have been|has been|had been|are being|were being|is being) (?:\w+ly )?"
    r"(?:moved|bussed) out\b(?! of the way)"
)

# Trigger phrases per type, matched case-insensitively on word boundaries. Where two phrases
# start at the same word the first listed wins, so longer phrases come first.
# "the (river port) city of X" after "take": the object a capture names (TRIGGERS, and the
# subject check in find_triggers)
_THE_TOWN_OF = r"the (?:[\w-]+ ){0,3}(?:city|town|village|settlement) of\b"
# After a passive's "taken" that took ground: the clause ends there or says by whom or when
# ("A and B were taken by Russian forces", "the village had been taken."), never "taken to
# hospital", "taken prisoner", "taken away"
_PASSIVE_TAKEN_END = (
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:by|back|under|last|earlier|overnight|yesterday|today|on|"
    r"in\s+(?:early|mid|late)|within)\b)"
)
# Control held, told as news: ground changes hands in the verb of occupying ("troops had
# occupied half of X", "now occupy the villages of A and B", "X was occupied by Russia at the
# start of the invasion"), never in its adjective ("the occupied part of the oblast"), and in
# a state of control the words mark as new or whole ("were now in control of X", "is entirely
# under the control of", "under the Ukrainian flag again"; find_triggers asks for the mark):
# a bare "remain under Ukrainian control" or "the situation is under control" is how things
# stand, no event.
CONTROL_HELD = (
    r"(?:had|has|have|now) (?:(?!been\b)\w+ )?occup(?:y|ies|ied)\b"
    r"(?! (?:(?:new|their|its|defensive|firing|forward) )?"
    r"(?:positions?|lines?|buildings?|posts?)\b)",
    r"occupied(?<=(?:was|ere) occupied)(?= by\b)",
    # the simple past with its maker before it and a place after it: "Russian troops occupied
    # X", "the enemy occupied the village of Y" (a wire's "Russian-occupied X" and "the
    # territory its forces occupied in 2022" name no place right after the verb)
    r"occupied"
    r"(?:(?<=troops occupied)|(?<=forces occupied)|(?<=army occupied)|(?<=units occupied)"
    r"|(?<=enemy occupied)|(?<=invaders occupied)|(?<=occupiers occupied)"
    r"|(?<=russians occupied)|(?<=soldiers occupied))"
    r"(?= (?:the (?:villages?|towns?|city|settlements?) of )?\w)",  # a capital: find_triggers
    r"(?:now|again) in (?:full |complete )?control of",
    # "X is entirely under the control of Wagner": the words after "of" name who holds X,
    # no place (up to the clause's end)
    r"under (?:the )?(?:full |complete )?control of(?: [\w'’-]+){1,4}",
    r"under (?:the )?(?:\w+ )?flag",
)
# Troops that pushed or moved (deeper) into a place: a settlement entered is ground gained; an
# oblast or a country entered is an incursion (events.extract makes that an offensive).
PUSHED_INTO = (
    r"(?:push(?:ed|ing) (?:deeper |further )?|(?:moved|moving|pressed|pressing) "
    r"(?:deeper|further) )into"
)
# What places a losses claim (below): the villages it names after it, "near X", "in the
# areas of X and Y", up to 120 characters on in its sentence. A name follows the word:
# "around" and "close to" introduce the next count as often as a place ("and around 20
# drones"), and "near-constant" is no "near".
# find_triggers checks the capital (_LOSSES_NAME): these patterns are read in lower case.
_LOSSES_PLACED = r"(?=[^.;]{0,120}?\b(?:near|in the areas? of|in the vicinity of|around|close to) )"
_LOSSES_NAME = re.compile(
    r"[^.;]{0,120}?\b(?:near|in the areas? of|in the vicinity of|around|close to) "
    r"(?:the (?:villages?|towns?|settlements?) of )?[A-ZА-ЯІЇЄҐ]"
)

TRIGGERS: dict[EventType, tuple[str, ...]] = {
    EventType.EVACUATION: (
        r"evacuation (?:trains?|bus(?:es)?|orders?|convoys?)",
        # "a humanitarian corridor out of A, B and C": the way out organised for civilians
        r"humanitarian corridors?(?= (?:out of|from) )",
        r"evacuat\w*",
        ORDER_VERBS + r" (?:[\w'’-]+ ){0,8}?to (?:temporarily |immediately |urgently )?"
        r"(?:leave|evacuate)",
        # "began relocating residents", "hundreds were relocated from X": people moved to
        # safety by the authorities (find_triggers wants people named in the sentence)
        r"relocat(?:ed|ing|ion)(?! to\b)",  # not "relocated to four regions of Ukraine"
        # "temporary movement of residents will be organized", "temporary resettlement of the
        # population of A, B": how occupation officials word an evacuation of their own
        r"temporar(?:y|ily) (?:movement|moving|resettlement|resettling|relocation|removal)"
        r"(?= of (?:[\w'’-]+ ){0,4}?(?:residents|people|civilians|inhabitants|population|"
        r"citizens|families)\b)",
        r"were taken out of",
        # the active voice of it: "the authorities are starting to take children out of A",
        # "police took out some fifty civilians from A": people, named, are the object
        # (not a parent's "took his children out of school", nor people "out of the rubble")
        # ... and so with any verb that moves people, their object the people: "brought 120
        # civilians out of X", "police pulled 15 residents out of Y" (troops pulled out of a
        # town are a withdrawal: the object decides), "helped residents get out of Z"
        r"(?:t(?:ake|akes|ook|aking)|br(?:ing|ings|ought|inging)|(?:mov|pull|lead|bus|gett)"
        r"(?:e|s|es|ed|ing)?|led|g(?:et|ets|ot)|driv(?:e|es|ing)|drove) "
        r"(?!(?:his|her|my|our|your) )(?:[\w'’,-]+ ){0,4}?"
        r"(?:people|civilians|residents|inhabitants|children|families|villagers|patients) "
        r"out of(?! (?:the )?(?:school|class|kindergarten|rubble|debris|ruins|water|fire)\b)",
        # "volunteers helped 30 residents leave X": leaving done with someone's help
        r"help(?:s|ed|ing)? (?:[\w'’,-]+ ){0,4}?(?:people|civilians|residents|inhabitants|"
        r"children|families|villagers|patients) (?:to )?(?:leave|get out of)",
        r"t(?:ake|akes|ook|aking) out (?=(?:[\w'’,-]+ ){0,4}?"
        r"(?:people|civilians|residents|inhabitants|children|families|villagers|patients)\b)",
        # "most evacuees came from A and B", "the evacuees are mainly from C": where the
        # people moved out lived
        r"evacuees (?:(?:mostly|mainly|largely|primarily) )?(?:came|come|were|are) "
        r"(?:(?:mostly|mainly|largely|primarily|all) )?from",
        # "helped 139 evacuees (92 families) from A and B with cash", "evacuees from C
        # received aid": the people the noun names left the place after its "from"
        r"evacuees(?= (?:\([^()]{1,40}\) )?from\b)",
        # "the children were removed from X" (a people subject, find_triggers)
        r"(?:were|was|have been|has been|had been) (?:\w+ly )?(?:removed|brought out) from",
        # "arranged the safe passage of 900 civilians from X": a humanitarian operation's
        # evacuation (not ships' or grain's passage)
        r"safe passage(?= (?:of|for) (?:[\w,'’-]+ ){0,5}?"
        r"(?:people|civilians|residents|children|families|evacuees|persons)\b)",
        # "residents were transferred to nearby Valuyki": people moved on from where they live
        # (a people subject is required, find_triggers; the place is theirs, events.places)
        MOVED_TO,
        MOVED_OUT,
        r"евакуац\w*",
        r"евакуй?ова\w*",
        r"евакуйов\w*",
        r"евакую\w*",  # "змушені евакуюватися", "евакуюють щодня"
        # "вивезли автобусом з X 50 людей", "вывезли жителей из X": only with people
        r"(?:вивез|вивоз|вывез|вывоз)\w*",
        r"эвакуац\w*",
        r"эвакуир\w*",
        # "временное перемещение жителей", "тимчасове відселення мешканців": the same
        # officials' wording in Russian and Ukrainian (the noun, not "temporarily displaced")
        r"временн(?:ое|ого|ому|ом|ым) (?:перемещени|отселени|переселени)\w*"
        r"(?= (?:\w+ ){0,2}?(?:жител|населени|граждан|люд)\w*)",
        r"тимчасов(?:е|ого|ому|им) (?:переміщенн|відселенн|переселенн)\w*"
        r"(?= (?:\w+ ){0,2}?(?:мешкан|жител|населенн|громадян|люд)\w*)",
    ),
    EventType.DISPLACEMENT: (
        r"fled",
        r"flee(?:ing)?",
        r"forced to flee",
        # "were forced to leave their homes", "had to leave the building": people made to go
        # (a people subject is required, find_triggers)
        r"(?:forced|had|have|has|compelled) to leave",
        # "were compelled to risk his life to flee X": the danger told between
        r"(?:forced|had|compelled) to risk (?:their|his|her) li(?:ves|fe) to (?:leave|flee)",
        r"displaced",
        # "triggering displacement from the front-line hromadas" (a relief agency's word)
        r"displacement(?= from\b)",
        r"refugees?",
        r"(?:have |had )?left their homes",
        # "people continue to leave X", "residents began to leave Y" (a people subject is
        # required, find_triggers)
        r"(?:continu(?:e|es|ed|ing)|beg(?:an|in|ins)|start(?:ed|s)?) to leave",
        # "40,000 people have left Bakhmut": only with a people subject and a named object
        r"(?:ha(?:ve|s|d) (?:already |since )?)?left",
        r"leaving",  # "the number of civilians leaving Donetska Oblast": people right before
        r"sheltering in",
        r"found shelter in",
        # "found temporary refuge in X", "sought safety in X"; displaced people counted where
        # they stay: "internally displaced persons registered in X"
        r"(?:found|sought|seeking|finding) (?:temporary )?(?:refuge|safety|shelter)",
        r"displaced (?:persons|people) (?:\w+ ){0,2}?(?:registered|living|staying|sheltering) in",
        # a relief bulletin counts people where they are put up: "temporary accommodation
        # centres have received 900 people, including 600 in the X region", "shelters in Y
        # housed 300 residents" (the place after the count, or the centres' own)
        r"(?:accommodation|transit|reception|collective|temporary|provisional|evacuation) "
        r"(?:centers|centres|points|shelters|facilities)(?= in (?!\d|(?:two|three|four|five|"
        r"six|seven|eight|nine|ten|eleven|twelve|several|many|some|dozens|multiple)\b)"
        r"(?:[\w'’,-]+ ){1,4}?"
        r"(?:have |has |had )?(?:received|accommodated|housed|hosted|taken in|took in)"
        r" (?:[\w,]+ ){0,3}?(?:people|persons|residents|civilians|evacuees)\b)",
        # ... and up to the verb where they are in no one place ("in 14 regions"), for the
        # places told after the count ("including 600 in X")
        r"(?:accommodation|transit|reception|collective|temporary|provisional|evacuation) "
        r"(?:centers|centres|points|shelters|facilities) (?:[\w'’,-]+ ){0,4}?"
        r"(?:have |has |had )?(?:received|accommodated|housed|hosted|taken in|took in)"
        r"(?= (?:[\w,]+ ){0,3}?(?:people|persons|residents|civilians|evacuees)\b)",
        r"біженц\w*",
        # "з міста виїхали 3 тисячі людей", "IDPs": "внутрішньо переміщених осіб"
        r"(?:виїхал\w*|виїхал|выехал\w*|виїжджа\w*|выезжа\w*)",
        r"(?:внутрішньо |внутренне )?(?:переміщен\w*|перемещенн\w*) (?:осіб|особи|лиц|людей)",
        r"беженц\w*",
    ),
    EventType.NEGOTIATION: (
        r"round of talks",
        r"talks",
        r"negotiat\w+",
        r"peace deal",
        r"ceasefire (?:deal|agreement)",
        r"signed (?:an? |the )?(?:[\w-]+ ){0,3}?(?:agreement|deal|memorandum|accord)",
        r"prisoner exchange",
        r"exchange of prisoners",
        r"delegations? met",
        # "delegates have arrived in Istanbul", "delegations from A and B convened in X"
        r"(?:delegations?|delegates|negotiators|envoys) (?:[\w'’,-]+ ){0,6}?"
        r"(?:arrived|gathered|convened|sat down)",
        r"convened",  # only with a diplomatic subject or talks in the sentence
        r"(?:trilateral|bilateral|direct|face-to-face) (?:meetings?|discussions|consultations)",
        r"met",  # only with a diplomatic subject or talks in the sentence
        # "... travelled to X, where they discussed a swap": only the two sides' people
        r"where they discussed",
        r"meetings?",  # likewise
        r"summit",
        r"переговор\w*",
        # "відбулася зустріч делегацій у X", "в X состоялась встреча сторон"
        r"(?:відбул\w*|состоял\w*|пройшл\w*|прошл\w*) (?:\w+ ){0,2}?(?:зустріч\w*|встреч\w*)",
        r"(?:обмін\w*|обмен\w*|обменял\w*|обміня\w*) (?:\w+ ){0,2}"
        r"(?:полонен\w*|пленн\w*|военнопленн\w*|військовополонен\w*)",
    ),
    EventType.ADVANCE: (
        *CONTROL_HELD,
        r"advanc\w*",
        r"(?:territorial )?gains",
        r"captur\w+",
        r"seiz\w+",
        r"t(?:ook|aken|akes?|aking) (?:full |complete |effective )?control (?:of|over)"
        r"(?! (?:the |a )?situation)",
        # a ministry's translated "took the village of X under control", "were taken under
        # Russian control"
        r"t(?:ook|aken|aking) (?:(?:[\w'’-]+ ){1,5}?)?under (?:(?:full|complete|russian|"
        r"ukrainian|their|its|our) )?control",
        # a summary's present tense: "Russian troops take the river port city of Kherson";
        # "Russian forces took Andriivka": a name right after (checked in find_triggers, as
        # the lexicon is matched case-blind)
        rf"t(?:akes?|ook) (?={_THE_TOWN_OF}|(?!back\b|over\b)\w)",  # "took back": below
        # the participle after a comma: "pressed on towards X, taking the village of Y"
        rf"taking (?={_THE_TOWN_OF})",
        r"recaptur\w+",
        r"reclaim(?:ed|ing|s)?",  # "reclaimed control of 20 villages near Kherson"
        # "X was taken over by the southern group": not a role, a post or a duty taken over
        r"t(?:ook|aken|akes?|aking) over\b(?! (?:the |a |his |her |their |its )?(?:role|duties|"
        r"command|responsibility|post|presidency|chairmanship|leadership|management))",
        # "had taken the village of X", "have taken three villages": not "taken place",
        # "taken part", "taken to hospital", "taken measures" ("taken control" is below)
        # "which Russia claimed it had taken in mid-May": "in" before a date is when
        r"(?:had|has|have) (?:\w+ )?taken(?! (?:place|part|measures|steps|action|care|control|"
        r"hostage|prisoner|captive|to|into|by|off|up|away|out|over by)\b)"
        r"(?! in\b(?! (?:(?:early|mid|late)[- ])?(?:january|february|march|april|may|june|july|"
        r"august|september|october|november|december|(?:19|20)\d\d)\b))",
        # a passive's "A and B were taken (by Russian forces)": the clause ends there or
        # says by whom or when, never "taken to hospital", "taken prisoner", "taken away"
        rf"taken(?<=(?:was|ere|een) taken){_PASSIVE_TAKEN_END}",
        r"gain(?:ed|ing)? (?:some |more |new |further |significant |considerable )?ground",
        # the side losing it: "the defenders ceded ground near X"
        r"(?:ced(?:e|es|ed|ing)|los(?:e|es|ing|t)|g(?:ive|ives|ave|iving)) "
        r"(?:some |more |further |significant |considerable )?ground\b",
        # a flag raised over a village is the news of its liberation
        r"(?:raised|hoisted|hoisting|raising|planted) (?:\w+ ){0,4}?flags?",
        r"flags? (?:(?:was|were|is|are|has been|had been) )(?:\w+ )?"
        r"(?:raised|hoisted|flying|returned)",
        r"retook",
        r"retaken",
        # "allowed the forces to retake ground in X", "retaking the village of Y" (an aim or
        # a try before it, "in a bid to retake", is read as the other infinitives are)
        r"retak(?:e|es|ing)",
        r"took back",
        r"regain\w*",
        # an offensive (find_triggers), listed to win over "back"
        r"push(?:ed|ing) (?:[\w'’-]+ ){0,3}back",
        r"(?:drove|driven) (?:\w+ ){0,3}back",
        r"liberat\w+",
        r"withdr[ea]w\w*",
        r"pulled (?:\w+ ){0,3}out of",
        r"pulled back from",
        r"pull(?:ed|ing|s)? back (?:[\w'’-]+ ){1,3}?from",  # "pulling back its soldiers from"
        # "pushed the occupiers out of X", "ousted the enemy from X"
        r"(?:pushed|drove|driven|forced|ousted|kicked|knocked|expelled) (?:[\w'’-]+ ){0,3}?"
        r"out of",
        r"(?:ousted|expelled) (?:[\w'’-]+ ){0,3}?from",
        r"enter(?:ing|s) (?:the )?(?:outskirts|edges?|centre|center|suburbs?|city|town|village)",
        # "pushed into the village of X", "moving deeper into the town": ground entered, as
        # "entered" is (into an oblast it is an incursion: events.extract reads it so)
        PUSHED_INTO,
        # "the garrison left the town of X", "troops abandoned X": not people
        # fleeing (a people subject makes "left" a displacement)
        r"(?:forces|troops|units|military|army|soldiers|defenders|garrison|brigades?) "
        r"(?:have |had |has )?(?:\w+ )?(?:left|abandoned)(?! behind)",
        # a side's withdrawal told of the state or its army as "it": "Kyiv said it had
        # abandoned the village of X" (find_triggers: not of people leaving their homes)
        r"abandoned(?= the (?:(?:small|frontline|front-line|eastern|southern|northern|western) )?"
        r"(?:village|town|city|settlement)s? of )",
        # ("the villages of A and B have now fallen under Russian control")
        r"(?:came|comes|fell|fallen) under (?:russian |ukrainian |enemy |the )?"
        r"(?:occupation|control)",
        # a ministry's passive: "the villages of A and B had been brought under Russian control"
        # (a side or "full" is required: a fire is "brought under control" too)
        r"brought under (?:russian |ukrainian |their |its |full )control",
        # a deputy minister's translated "returned X under our control", "returned the
        # village of X to Ukrainian control": the verb alone, the place it returned read
        # after it (a side or "full" as above; people "returned to X" or home are none)
        r"return(?:ed|s|ing)?(?! (?:to|home|from|back)\b)"
        r"(?= (?:[\w'’-]+ ){1,5}?(?:under|to) (?:the )?"
        r"(?:russian |ukrainian |their |its |our |full )control\b)",
        r"closing in on",
        r"approach(?:ed|es|ing)? (?:to )?within \d+",  # "approached within 8 km of Kostiantynivka"
        r"entered",
        r"fell to",
        r"fall of",
        r"encircl\w+",
        r"broke through(?: to)?",
        # "pierced the defensive lines near X", "прорвали участок обороны вблизи X"
        r"pierced (?:\w+ ){0,3}?(?:lines?|defen[cs]es?|front)",
        r"прорва\w* (?:\w+ ){0,3}?(?:оборон\w*|фронт\w*)",
        r"(?:pull|pulled|pulling) (?:\w+ ){0,3}back from",
        # "improved their forward positions near Kupiansk": ground gained, in a ministry's words
        # ... and how a ministry or a mapping group tells a claimed gain short of a capture:
        # "improved their positions near X", "improved the tactical situation", "moved forward
        # near X", "made progress in Y", "gained a foothold in Z" (find_triggers wants troops
        # named in the sentence: a party improves its position in the polls too)
        r"improved (?:their |its |our |the )?"
        r"(?:(?:forward|tactical|frontline|front-line|combat|operational) )*"
        r"(?:positions?|situation)",
        r"(?:moved|moving|pushed|pushing|pressed|pressing) forward"
        r"(?= (?:[\w.,]+ ){0,4}?(?:near|in|towards?|into|around|at|on|by)\b)",
        r"(?:made|making|makes) (?:some |further |slight |marginal |tactical |steady |more )?"
        r"progress(?= (?:\w+ ){0,2}?(?:near|in|towards?|into|around|at)\b)",
        r"(?:gained|secured|established|won|gaining|securing|establishing) "
        r"(?:a )?(?:\w+ )?foothold",
        # a general staff's "achieved success near X", "had partial success in Y": ground
        # won there (not "success in pushing the enemy back", the push; troops are wanted)
        r"(?:achieved|achieves|achieving|had|has|have|having) (?:further |significant |"
        r"tactical |local )?success(?:es)?"
        r"(?= (?:near|in|around|at|on the outskirts of) (?!\w+ing\b))",
        # the same told of whose it was: "noted local successes of Ukrainian units at X"
        r"(?:tactical|local|further|significant) success(?:es)? (?:by|of) (?:the )?"
        r"(?:russian|ukrainian|enemy) (?:forces|troops|units|army)"
        r"(?= (?:near|in|around|at) (?!\w+ing\b))",
        # "had de-occupied the village of X": the Ukrainian word for liberated
        r"de-?occupied",
        # a mapping group's map told in words: the villages "in the red zone", "marked as
        # occupied", "designated as occupied" are ground the other side now holds
        r"(?:in|into) the red (?:area|zone)s?",
        r"(?:marked|designated|shown|painted|coloured|colored) (?:as )?(?:occupied|red)\b",
        r"(?:finished|completed) (?:the )?clearing",  # "finished clearing the town of Sudzha"
        r"(?:finished|completed) (?:the )?mop(?:ping)?[- ]up",  # "completed the mop-up of X"
        # mapping groups' word for ground gained: "progressed near A, B and C"; never the
        # progress of talks (a place word must follow)
        r"(?:forces|troops|units|army|russians|ukrainians) (?:also |have |has |had |further )?"
        r"progressed(?= (?:\w+ ){0,2}?(?:near|in|towards?|into|around|at)\b)",
        r"(?:moved|moving|fell) back from",
        # a capture told as a claim on the town itself: "Russian forces claimed the village of
        # X", "claiming the Donetsk city of Y in February" (not "claimed the lives of")
        rf"claim(?:ed|ing|s)? (?={_THE_TOWN_OF})",
        # ground gained told by its depth: "pushed 10 kilometres into the X region", "the
        # advance was up to 12 km deep into X" (find_triggers wants troops or an advance told)
        r"(?:kilomet(?:er|re)s?|km|miles?) (?:deep |deeper |further )?(?:into|inside)",
        # troops forcing their way into a town: "Russian units broke into X"
        r"(?:broke|break|breaking) into(?= )",  # a name must follow (find_triggers)
        r"(?:moved|moving) away from",
        # "established full control over X", a general staff's "restored control over Y"
        # ... and tried: "tried to establish control over A and B but failed" (an offensive)
        r"(?:claimed|gained|establish(?:ed|es|ing)?|took|seized|regained|restored) "
        r"(?:full |complete |total |effective )?control (?:of|over)",
        # a side's word for a town taken: "its troops had cleared (the village of) X", 'had
        # "cleared" Y', "cleared the village of X of Ukrainian units" (find_triggers: troops
        # before it, a town after it, nothing it was cleared of but the enemy: not "cleared
        # the road of mines"; "clearing" is the fight under way: an offensive, below)
        r"cleared(?= )",
        # a side's word that it holds a place now: "the army claimed that it has control of
        # the town of X", "Moscow says it now has full control over Y" (a claimed capture)
        r"(?:claim(?:s|ed)?|sa(?:id|ys)) (?:that )?(?:it|they) (?:now )?(?:has|have|had) "
        r"(?:full |complete |effective )?control (?:of|over)",
        r"control (?:approximately |about |some |roughly |around |nearly )?\d+ ?(?:percent|%) of",
        # a side's word that a town is its own now: "its troops now control X", "were in
        # full control of Y", "has complete control over Z" (a town must follow: find_triggers;
        # "Kyiv has control of its airspace" and a bare "controls" are how things stand)
        r"(?:now|fully|completely) control(?:s|led)? (?!(?:of|over)\b)",
        r"(?:in|ha[sd]|have|having|won) (?:full|complete|total|effective) "
        r"control (?:of|over)",
        # troops driven from a place: "drove Ukrainian units from X", "dislodged the enemy from
        # Y", "the defenders had been driven from Z" (find_triggers wants an army named; people
        # "driven from their homes" fled)
        r"(?:drove|driven|dislodg(?:e|es|ed|ing))(?: [\w'’-]+){0,4}? from",
        # a ministry's noun for a capture: "announced the takeover of the villages of A and B"
        # (find_triggers wants a town after it, not a firm's or a post's takeover)
        r"takeover of",
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
        # Bulletins' gains: "продвинулся в районе X", "просунулися біля X", "улучшили
        # (тактическое) положение", "покращили положення по передньому краю"
        r"продвину\w*",
        r"просуну\w*",
        r"(?:улучши|покращи|поліпши)\w* (?:\w+ ){0,2}"
        r"(?:положени\w*|положенн\w*|позиці\w*|позици\w*)",
        r"овладе\w*",
        r"(?:установи|встанови)\w* (?:\w+ )?контроль",
        r"відступи\w*",
        # "выбили подразделения ВСУ из села X", "витіснили ворога з": troops driven out
        r"(?:выби|вытесни|вибил|вибили|вибити|витісни)\w*",
        # "украинские формирования покинули X": troops left (people leaving is displacement)
        r"(?:формировани\w*|подразделени\w*|войск\w*|ВСУ|ЗСУ|военны\w*|підрозділ\w*|"
        r"військ\w*) (?:\w+ )?(?:покинул\w*|залишил\w*)",
        r"отступи\w*",
    ),
    EventType.OFFENSIVE: (
        r"counteroffensive",
        # the fight for a town under way: "units are clearing X", "clearing the town of X of
        # Ukrainian troops" (as "cleared", above)
        r"clearing(?= )",
        r"counter-offensive",
        r"counter-?attack(?:s|ed|ing)?",
        r"offensive",
        r"incursions?",
        r"cross-border raids?",  # "mounted a cross-border raid on X": troops over the border
        # "units that penetrated X Oblast": an incursion; "a penetrating (shrapnel) wound" is
        # a doctor's word
        r"penetrat(?:ed|ing)(?! (?:[\w-]+ )?(?:injur|wound|trauma))",
        r"holding off (?:\w+ ){0,2}(?:attacks|assaults|advances?|offensive)",
        r"invasion",
        r"invaded",
        r"stepped up (?:\w+ )?(?:assaults|attacks)",
        # not the kind of a craft or a weapon: "amphibious assault ships", "assault rifles"
        r"assaults?(?! (?:ships?|vessels?|boats?|craft|rifles?|helicopters?|vehicles?)\b)",
        # the verb, and troops moving on a town: "units assaulted the village of X", "troops
        # moved towards A and B" (find_triggers wants an army before it, as for "clashed")
        r"assault(?:ed|ing)",
        # "a rapid breakthrough of the defence in the X area", "attempted border
        # breakthroughs in the A and B districts" (find_triggers wants an army or a defence)
        r"breakthroughs?",
        r"(?:moved|moving|move|moves) (?:on )?towards?",
        # "troops approaching the outskirts of X", "the enemy has approached Y": the drive on
        # a town, no ground told as taken ("approached to within 5 km of X" is a gain, above;
        # find_triggers wants an army before it, as for "moved towards")
        r"approach(?:ed|es|ing)(?! (?:to )?within\b)",
        r"fighting",
        # "combat was ongoing in X's outskirts", "heavy combat near Y": the noun told as going
        # on, or with its weight (not "combat units", "combat experience", "in combat")
        r"combat(?= (?:was|is|has been|had been|remains|remained|continues|continued) "
        r"(?:still )?(?:ongoing|under ?way|raging|continuing|going on)\b)",
        r"(?:heavy|fierce|intense) combat(?= (?:in|near|around|for|on|at)\b)",
        # "battle updates include the capture of X": a report on the fighting names its news
        r"battles?(?! (?:updates?|reports?|summar(?:y|ies)|maps?|news)\b)",
        r"clashes",
        # "mopping up Ukrainian troops in X", "mop-up operations in Y": clearing a place of
        # the men left in it, on foot
        r"mop(?:ping|ped)?[- ]up(?= (?:[\w'’-]+ ){0,3}?(?:troops|units|forces|militants|"
        r"remnants|pockets|positions|operations?|enemy|servicemen|fighters|saboteurs)\b)",
        # "brigades holding the line near X": the defence, fought on the ground
        r"hold(?:ing|s)? (?:the|their) (?:front )?line(?= (?:near|in|at|around|outside)\b)",
        # the verbs of men meeting on the ground: "troops clashed with the enemy near X",
        # "the two armies fought in the streets of Y", "fought their way into Z" (find_triggers
        # wants an army named before it; "fought off/back" attacks are read with the attacks)
        r"clash(?:ed|ing)(?= (?:with|in|near|around|at|on|along|inside|outside)\b)",
        r"fought(?= (?:(?:their|its) way |fiercely |hard |heavily )?(?:in|for|near|around|over|"
        r"into|inside|at|along|outside|on the outskirts|to (?:take|capture|seize|hold|retake|"
        r"recapture|enter|storm|encircle|reach|defend))\b)",
        r"(?:fire|gun)fights?",  # "six firefights near X"
        # a mapping group's "fights are about/for the villages of A and B", "fights near X"
        # (the plural noun; the verb "fight" is left to its subject and object)
        r"fights(?= (?:(?:are|were|continue|go on|are going on) )?(?:about|for|over|around|near|"
        r"in|at)\b)",
        r"skirmish(?:es)?",
        # "increased activity in the X direction", "stepped up pressure near X"
        r"(?:increased|intensified|stepped up|ramped up) (?:their |its )?"
        r"(?:activity|activities|pressure|operations)",
        r"(?:combat )?engagements",  # General Staff: "40 combat engagements ... near X, Y"
        r"under siege",
        r"besieged",
        r"under (?:the )?threat of encirclement",
        r"successful (?:offensive |combat |assault )?actions",  # "successful actions in Sumy"
        # a success hedged in its amount: "had partial success in the X area", "achieved
        # unspecified success near Y": the fight went well, no ground is told as won
        r"(?:achieved|achieves|achieving|had|has|have|having) (?:some|partial|certain|"
        r"unspecified|limited|mixed|modest) success(?:es)?"
        r"(?= (?:[\w-]+ )?(?:near|in|around|at|on the outskirts of) (?!\w+ing\b))",
        # "attempts in Maliivka were halted", "attempts to advance near X were repelled"
        r"attempts(?= (?:to (?:advance|break through|attack|push) )?(?:in|near|at|on|towards?) "
        r"[^.;]{0,60}?\b(?:were|have been|had been) (?:\w+ly )?"
        r"(?:halted|repelled|repulsed|stopped|thwarted|foiled|unsuccessful)\b)",
        r"(?:heavy|fierce|intense|ongoing|active) combat",
        r"combat (?:missions|operations|actions)",  # "troops perform combat missions in X"
        # General Staff: "made 30 attempts to push our defenders from their positions near X",
        # "tried to dislodge Ukrainian units from their positions on the X front"
        r"(?:attempts?|attempted|attempting|tried|trying|tries) to (?:push|dislodge|drive|oust|"
        r"knock|force) (?:[\w'’-]+ ){0,3}?(?:from|out of|off) (?:their|its|our|the) "
        r"(?:\w+ )?positions",
        r"crossed (?:the border )?into",
        r"crossed the border",
        r"launched (?:an? )?(?:attack|operation|push)",
        # "troops are pushing toward X", "pushed further towards Y": the drive, as "pressing"
        r"push(?:ed)? toward",
        # "troops are pressing toward X", "pressed on towards Y": the drive, not yet a gain
        r"press(?:ed|es|ing)? (?:on )?towards?",
        r"pushed to the (?:north|south|east|west)\w* of",
        # "made 20 attempts to dislodge the defenders near X", "tried twice to approach the
        # trenches near X", "attempting to surround X", "trying to block off X" (a siege):
        # fighting on the ground
        r"(?:attempt(?:s|ed|ing)?|try|tried|trying|tries|sought|seeking)(?: \w+ times?| twice)? "
        r"to (?:dislodge|push|drive|oust|break through|break into|encircle|surround|approach|enter|"
        r"penetrate|infiltrate|eject|cut off|block off|blockade)",
        # "twice tried to restore its lost positions west of X", "attempts to regain their
        # positions near Y": a counterattack on the ground
        r"(?:attempt(?:s|ed|ing)?|try|tried|trying|tries)(?: \w+ times?| twice)? to "
        r"(?:restore|regain|recover|retake|return to) (?:the |its |their |his )?(?:\w+ )?"
        r"positions?",
        # "an attempt to retake X", "fought to retake Y": the retaking tried, a fight ("allowed
        # troops to retake ground" is a gain told in the infinitive, left alone)
        r"(?:attempts?|attempted|attempting|try|tried|trying|tries|bid|effort|push|drive|"
        r"pushing|fought|fighting|battling|sought|seeking) to retake",
        # "seeking to gain a foothold in X": a hold on the place sought, not yet won
        r"(?:attempt(?:s|ed|ing)?|try|tried|trying|tries|sought|seeking)(?: \w+ times?| twice)? "
        r"to (?:gain|secure|establish|win) (?:a )?foothold",
        # a capture tried, told by the control it was to bring: "tried to establish control
        # over X", "attempts to regain control of Y" (a bulletin's failed storming)
        r"(?:attempt(?:s|ed|ing)?|try|tried|trying|tries|sought|seeking)(?: \w+ times?| twice)? "
        r"to (?:establish|gain|take|seize|regain|restore) (?:full |complete )?control (?:of|over)"
        r"(?! (?:the |a )?situation)",
        # "foiled the saboteurs' attempt to cross the border", "an attempt by
        # saboteurs to cross the state border", "tried to cross Ukraine's border": a border raid
        r"(?:attempts?|attempted|attempting|tried|trying|tries)(?: by(?: [\w'’-]+){1,6}?)? to "
        r"(?:cross|break through) (?:the |ukraine['’]s )?(?:\w+ )?(?:state )?border",
        # "thwarted an attempt by enemy units to invade the X region", "tried to "invade" Y":
        # an incursion tried (a plan or a threat to invade is read as no event)
        r"(?:attempts?|attempted|attempting|tried|trying|tries)(?: by(?: [\w'’-]+){1,6}?)? to "
        r"[\"“]?invade\b",
        r"ground operation",
        r"storm(?:ed|ing)",
        # the verb's plain form, its object a place or a line: "managed to capture two
        # hamlets and storm the outskirts of X", "troops storm the town's defences" (never
        # a Storm Shadow missile or a weather storm, which hit and pass, not storm a place)
        r"storms? (?=(?:the |its |their )?(?:[\w'’-]+ ){0,2}?(?:outskirts|edges?|centre|center|"
        r"town|city|village|settlement|positions?|trenches|defen[cs]es?|fortifications?|"
        r"strongholds?)\b)",
        r"(?:attempt(?:s|ed|ing)?|tried|trying|tries|continu\w*|began|begin|started) to storm",
        # "search-and-strike operations on the Ocheretyne direction": hunting the enemy on
        # the ground, not a strike from afar
        r"search-and-strike (?:operations?|actions?)",
        # a ministry's fight for a town it says it holds around: "continued eliminating units
        # trapped in the city of X" (its "mopping up troops in X" is read above)
        r"eliminat(?:ing|ed|es|e) (?:[\w'’-]+ ){0,3}?(?:troops|units|formations|forces|"
        r"soldiers|militants|servicemen|groups?) (?:who (?:were|are) )?(?:trapped|encircled|"
        r"surrounded|blockaded|blocked)",
        # ... and the men it says it killed at a place, told as the noun of its report: "the
        # ministry reported the liquidation of 40 militants in X", "the elimination of a group
        # of saboteurs near Y" (a strike that did it names its weapon: find_triggers)
        r"(?:liquidation|elimination) of (?:[\w'’-]+ ){0,5}?(?:troops|units|formations|forces|"
        r"soldiers|militants|servicemen|fighters|saboteurs|battalions|brigades|groups?|"
        r"garrison)\b",
        r"repel(?:led|s|ling)?",
        r"surround(?:s|ed|ing)?",  # only with an army before it (find_triggers)
        r"repuls\w+",
        r"(?:inflicted|inflicting) (?:heavy )?losses",
        # a ministry's losses claim told from the loser's side: "the enemy lost up to 240
        # servicemen near X", "Ukrainian losses amounted to 90 troops in the area of Y" (the
        # men fell in fighting there, as "inflicted losses near X"). Only with the villages
        # after it: a day's losses per direction ("in the X direction, the enemy lost 40
        # servicemen") are a tally, not a battle at the direction's town.
        r"lost (?:up to |about |around |over |more than |as many as |nearly |almost )?"
        r"\d[\d,]* (?:[\w'’-]+ ){0,2}?(?:servicemen|soldiers|troops|personnel|militants|"
        r"fighters)\b" + _LOSSES_PLACED,
        r"losses (?:amounted to|totall?ed|reached|of) (?:up to |about |around |over |more than |"
        r"as many as |nearly |almost )?\d[\d,]* (?:[\w'’-]+ ){0,2}?(?:servicemen|soldiers|"
        r"troops|personnel|militants|fighters)\b" + _LOSSES_PLACED,
        # A tried advance is fighting: "пытался прорваться", "намагався просунутися",
        # "предпринял 5 попыток атаковать"; the longer phrase wins over the bare gain verb.
        r"(?:пыта\w*|намага\w*|пробува\w*|спробува\w*|(?:предпри\w*|здійсни\w*) "
        r"(?:\w+ )?(?:попыт\w*|спроб\w*)) (?:\w+ ){0,2}?(?:прорва\w*|прорват\w*|продвину\w*|"
        r"продвига\w*|просуну\w*|просува\w*|атакова\w*|наступа\w*|штурмова\w*|"
        r"вклини\w*|потесни\w*|потісни\w*|відтисну\w*|захопи\w*|захвати\w*)",
        # troops attacking positions, not a strike: "атаковал позиции", "атакував позиції"
        r"атаков\w* (?:\w+ ){0,2}позици\w*",
        r"атакува\w* (?:\w+ ){0,2}позиці\w*",
        # "нанесли поражение живой силе", "завдали втрат": a ministry's fighting, not a strike
        r"нан[её]с\w* (?:\w+ )?поражени\w*",
        r"завда\w* (?:\w+ )?втрат\w*",
        r"(?:отрази|отбил|відби|відбив)\w* (?:\w+ ){0,2}(?:атак\w*|штурм\w*|наступ\w*)",
        r"(?:бо[её])?столкновени\w*",  # "произошло 40 боестолкновений", "бойових зіткнень"
        r"зіткнен\w*",
        r"наступ\w*",
        r"бо[їі]",
        r"бій",  # "триває бій в районі X"
        r"бой",
        # "стримують ворога неподалік X", "сдерживают натиск противника у X"
        r"(?:стриму|стримува|сдержива)\w* (?:\w+ ){0,2}?(?:ворог\w*|противник\w*|натиск\w*|"
        r"наступ\w*)",
        r"боях",
        r"боев\w*",
        r"бойов\w*",
        r"штурм\w*",
    ),
    EventType.ATTACK: (
        # "accused the enemy of destroying two of its warehouses in X": a
        # civilian building wrecked by an armed side (find_triggers wants one named)
        r"destr(?:oyed|oying) (?:[\w'’-]+ ){0,4}?(?:offices?|buildings?|house|houses|homes?|"
        r"schools?|hospitals?|churche?s?|warehouses?|shops?|stores?|markets?)",
        # a place destroyed with a weapon: "the Russians destroy the X community with guided
        # bombs every day", "are destroying Y with artillery" (the place is the object; a
        # weapon destroyed, "destroyed drones with missiles", is no place)
        r"destr(?:oy|oys|oyed|oying) (?=the (?:[\w'’-]+ ){0,3}?(?:community|hromada|city|town|"
        r"village)\b[^,;.]{0,40}? with (?:[\w-]+ ){0,3}?(?:bombs|missiles|rockets|artillery|"
        r"drones|shells|mortars|airstrikes|air strikes|kabs)\b)",
        r"struck",
        r"strikes?",
        r"shell(?:ed|ings?)",
        r"missiles?",
        r"drones?",
        r"bomb(?:ed|s|ing)?",
        r"airstrikes?",
        r"air strikes?",
        r"explosions?",
        r"hit(?:s|ting)?",
        r"striking",
        r"targeted",
        r"targeting",
        r"(?:to|continue[sd]?|kept|keep) shell",  # "continued to shell the border region"
        # a headline's or a lead's present: "Russia shells Kherson", "troops shell the town of
        # X" (find_triggers: an armed side right before; "artillery shells" are no verb)
        r"shells?(?= \w)",
        r"attack(?:ed|s|ing)?",
        # "came under a massive drone attack", "under a combined missile and drone strike": an
        # article may open the undergone strike's phrase
        # ("under increasingly regular fire": an adverb before them)
        r"under (?:an? |another )?(?:[a-z]+ly )?(?:heavy |intense |renewed |relentless |constant |"
        r"continuous |daily |fierce |regular |frequent |massive |severe |sustained |russian |"
        r"ukrainian |enemy |artillery |rocket |drone |missile |mortar |tank |mlrs |air |"
        r"aerial |cross-border |combined |large-scale |night |overnight |new |fresh |"
        r"glide |guided |ballistic |cruise |(?:missile|drone|rocket|bomb|artillery) and )*"
        # "A and B were under drone terror and mortar shellings": a regional administration's
        # translated plural, and its word for drones hitting day after day
        r"(?:fire|attacks?|shellings?|bombardments?|strikes?|airstrikes|(?<=drone )terror)",
        r"bombard\w*",
        # "a widespread missile barrage on Saturday", "a barrage of drones on Kyiv"
        r"barrages?(?! of (?:criticism|questions|complaints|calls|insults|abuse|lawsuits))",
        # "fired 43 times on 15 settlements", "fired artillery at A and B districts"
        # ("fired rocket systems at X", "fired multiple rocket launchers on Y": the launcher
        # named for its fire, as a regional administration's translation tells it)
        r"fired (?:\w+ times? |(?:[\d,]+ |\w+ )?(?:artillery |rocket |mortar |tank )?"
        r"(?:rockets?|missiles?|shells|rounds|mortars?|munitions|projectiles|artillery|"
        r"(?<=rocket )(?:launch )?systems|(?<=rocket )launchers|mlrs) )?"
        r"(?:at|on|upon)",
        # "troops sent a drone to the X community", "directed two FPV drones at Y": the
        # weapon sent is the strike
        r"(?:sent|directed) (?:an? |[\d,]+ |\w+ )?(?:attack |kamikaze |fpv |strike |combat )?"
        r"(?:drones?|uavs?|missiles?|shaheds?) (?:to|at|on|against)",
        r"opened fire",
        r"slam(?:med|ming|s)? into",  # "rockets slammed into the market of X"
        # "wounded resident of A" beside "a woman hurt near B" in one sentence: the
        # victim's home names a strike of its own
        r"wounded (?:\d+-year-old )?residents? of",
        # "The governors of A and B regions reported property damage": damage an authority
        # reports is a strike's (its place is the authority's, events.places)
        r"report(?:ed|s)? (?:some |minor |property |material |(?:\w+ )?infrastructure )?damage",
        # a bulletin's strike told by what a place underwent: "the cities of A and B suffered
        # particularly heavy damage", "X sustained new destruction" (events.places: the
        # subject; find_triggers: not a flood's or a storm's)
        r"(?:suffer|sustain)(?:s|ed|ing)? (?:[\w-]+ ){0,2}?(?:damage|destruction)",
        # An armed side's own verb of damage, its object a civilian building or site: "the
        # occupiers damaged a power line in X", "the enemy wrecked two homes in Y" (find_triggers
        # wants the side as the subject right before; "destroyed" is read above)
        r"(?:damaged|wrecked) (?=(?:[\w'’,-]+ ){0,4}?(?:houses?|homes?|buildings?|high-rises?|"
        r"apartments?|infrastructure|schools?|hospitals?|kindergartens?|churche?s?|shops?|stores?|"
        r"markets?|warehouses?|garages?|outbuildings?|cars?|vehicles?|power lines?|gas pipes?|"
        r"(?:gas )?pipelines?|substations?|enterprises?|facilit(?:y|ies)|farms?|roofs?|windows)\b)",
        # Strike verbs of wire copy, each with a weapon or an armed side in its sentence
        # (find_triggers): "artillery pounded X", "shells rained down on Y", "a drone crashed
        # into a block in Z", "a rocket landed near a school in W", "debris fell on a house"
        # weapons named by their type: "the occupiers dropped two KABs on X", "Shaheds struck Y"
        r"(?:kabs?|fabs?|shaheds?)",
        # Ukrainian officials' word for hits, translated: "arrivals were recorded in X"
        # ("“arrivals” of mortar rounds were recorded near the depot": the word in
        # quotes, with what arrived)
        # (munitions only: "arrivals of families in X were recorded" are people)
        r"arrivals(?=[”\"’]? (?:of (?:[\w-]+ ){0,2}?(?:shells|munitions|missiles|rockets|bombs|"
        r"drones|projectiles|mines) (?:[\w-]+ ){0,6}?)?(?:were|have been|had been) (?:\w+ly )?"
        r"(?:recorded|registered|reported)\b)",
        r"pound(?:ed|ing|s)?",
        r"hammer(?:ed|ing|s)?",
        r"rain(?:ed|ing|s)? down on",
        r"crash(?:ed|ing|es)? into",
        r"land(?:ed|ing|s)? (?=(?:on|in|near|next to|close to)\b)",
        r"f(?:ell|alls?|alling) (?=(?:on|onto|in|near|next to)\b)",
        r"used (?:[\w-]+ ){0,2}?(?:artillery|drones?|missiles?|rockets?|bombs?|mortars?|"
        r"aviation|uavs?|mlrs) (?:against|on)",
        r"обстріл\w*",
        r"авіа?удар\w*",
        r"вдари\w*",  # "вдарили по Сумах"
        r"(?:поразил|поразила|поразили|уразил|уразила|уразили)",  # "авиация поразила"
        r"авиаудар\w*",
        r"(?:скину|скинул|скида|сброси|сбрасыва)\w*",  # "скинули КАБи на", "сбросил авиабомбы"
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
        # "Addressing a conference in X, the delegation outlined ...": a speech at a venue
        r"addressing(?= (?:a|an|the) (?:[\w-]+ ){0,2}?(?:conference|forum|summit|rally|session|"
        r"congress|assembly|gathering|news conference|press conference)\b)",
        r"speech",
        # "The president visited X on Monday, saying ...": a visit with remarks
        r"visited(?= [^.;:]{0,60}?, (?:expressing|saying|telling|declaring|stating|vowing|"
        r"promising|pledging|announcing|warning)\b)",
        r"заяви\w*",
        r"заявил\w*",
    ),
}
# One word boundary and a letter up front let the engine skip most positions at once: this
# runs on every sentence. Cyrillic phrases have a pattern of their own, tried only on
# sentences that hold Cyrillic letters, so English text pays nothing for them.
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _first_letters(pattern: str) -> set[str] | None:
    """The lower-case letters a phrase can begin with, or None when that is not plain."""

    def first(items) -> tuple[set[str] | None, bool]:  # (letters, may match nothing)
        out: set[str] = set()
        for op, av in items:
            if op is _c.LITERAL or op is _c.IN:
                chars = [av] if op is _c.LITERAL else [a if o is _c.LITERAL else -1 for o, a in av]
                low = {chr(a).lower() if a >= 0 else "" for a in chars}
                if any(len(c) != 1 for c in low):
                    return None, False  # a class, a range or a letter that folds to two
                return out | low, False
            if op is _c.SUBPATTERN:
                got, empty = first(av[3])
            elif op is _c.BRANCH:
                got, empty = set(), False
                for branch in av[1]:
                    b, e = first(branch)
                    if b is None:
                        return None, False
                    got, empty = got | b, empty or e
            elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
                got, empty = first(av[2])
                empty = empty or av[0] == 0
            else:
                return None, False
            if got is None:
                return None, False
            out |= got
            if not empty:
                return out, False
        return out, True

    letters, empty = first(_parser.parse(pattern, re.IGNORECASE))
    return None if empty else letters


def _first_two(pattern: str) -> set[str] | None:
    """The lower-case pairs of characters a phrase can begin with, or None when not plain.

    A phrase that may end after one character, or whose first two characters are not
    literal characters (a class of categories, an anchor, a look-around), gives None.
    """

    def strings(items, k: int) -> set[str] | None:
        # every way the sequence can begin, each cut to k characters (shorter: it may end)
        out = {""}
        for op, av in items:
            if all(len(x) >= k for x in out):
                break
            if op is _c.LITERAL or op is _c.IN:
                chars = [av] if op is _c.LITERAL else [a if o is _c.LITERAL else -1 for o, a in av]
                if any(a < 0 for a in chars):
                    return None  # a range or a category: not plain
                one = {chr(a).lower() for a in chars}
                if any(len(c) != 1 for c in one):
                    return None  # a letter that folds to two
                part: set[str] | None = one
            elif op is _c.SUBPATTERN:
                if av[1] or av[2]:
                    return None  # scoped flags
                part = strings(av[3], k)
            elif op is _c.BRANCH:
                part = set()
                for branch in av[1]:
                    got = strings(branch, k)
                    if got is None:
                        return None
                    part |= got
            elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
                lo, hi, body = av
                once = strings(body, k)
                if once is None or lo > k:
                    return None
                part, reps = set(), {""}
                for n in range(min(hi, k) + 1):
                    if n >= lo:
                        part |= reps
                    reps = {(x + y)[:k] for x in reps for y in once}
                # more repeats than k only lengthen strings already k long
                if hi > k and lo <= k:
                    part |= reps
            else:
                return None
            if not part:
                return None  # nothing read (or nothing possible): not plain
            out = {(x + y)[:k] if len(x) < k else x for x in out for y in part}
        return out

    found = strings(_parser.parse(pattern, re.IGNORECASE), 2)
    if found is None or any(len(x) < 2 for x in found):
        return None
    return found


def _alternation(cyrillic: bool) -> re.Pattern[str]:
    # The engine tries every alternative at every word start. Grouped by first letter behind a
    # look-ahead, a word start tries only the phrases that can begin there (several times
    # faster). Each phrase's name is an empty group after it, not a group around it: a group
    # around it hid its first letter from the engine's quick check, so every alternative was
    # entered; now one that opens with another letter is skipped at once (m.lastgroup names
    # the same phrase; about 40% less time again). Each group keeps the listed order, so the
    # same phrase wins; a phrase whose first letter is not plain goes in every group.
    phrases = [
        (f"{t.value}_{i}", p)
        for t, pats in TRIGGERS.items()
        for i, p in enumerate(pats)
        # by its letters, not its first character: "(?:дрон|безпілотник)\w*" is Cyrillic
        if bool(_CYRILLIC.search(p)) is cyrillic
    ]
    firsts = [_first_letters(p) for _, p in phrases]
    letters = sorted(set().union(*(f for f in firsts if f is not None)))
    # Within a letter, by the second character too: at "the", "to" or "and" (a third of the
    # words of news copy) only the phrases that can go on so are entered. A phrase whose
    # second character is not plain goes in each of its letter's groups, and in one more
    # for a second character no other phrase of the letter begins with. Each group keeps the
    # listed order, so the same phrase wins.
    pairs = [
        _first_two(p) if f is not None else None for (_, p), f in zip(phrases, firsts, strict=True)
    ]
    groups = []
    for k, c in enumerate(letters):
        members = [
            (name, p, None if two is None else {x[1] for x in two if x[0] == c})
            for (name, p), f, two in zip(phrases, firsts, pairs, strict=True)
            if f is None or c in f
        ]
        seconds = sorted({d for _, _, ds in members if ds is not None for d in ds})
        subs = []
        for j, d in enumerate(seconds):
            alts = "|".join(
                f"(?:{p})(?P<{name}x{k}y{j}>)" for name, p, ds in members if ds is None or d in ds
            )
            subs.append(f"(?={re.escape(c + d)})(?:{alts})")
        wild = "|".join(f"(?:{p})(?P<{name}x{k}y>)" for name, p, ds in members if ds is None)
        if wild:
            rest = "".join(map(re.escape, seconds))
            subs.append(f"(?!{re.escape(c)}[{rest}])(?:{wild})" if seconds else f"(?:{wild})")
        groups.append(f"(?={re.escape(c)})(?:{'|'.join(subs)})")
    # Tried in turn, the letters' look-aheads cost a word start more than its phrases did:
    # four letters share one look-ahead first, so a word start meets about a quarter of them
    # (the trigger scan about 25% faster; the same group still matches, so the same phrase).
    groups = [
        f"(?=[{''.join(map(re.escape, letters[i : i + 4]))}])(?:{'|'.join(groups[i : i + 4])})"
        for i in range(0, len(groups), 4)
    ]
    if any(f is None for f in firsts):
        groups.append("|".join(f"(?:{p})(?P<{name}>)" for name, p in phrases))
    lead = r"(?=[\u0400-\u04ff])" if cyrillic else r"(?=[a-z])"
    return re.compile(rf"\b{lead}(?:{'|'.join(groups)})\b", re.IGNORECASE)


_TRIGGER_RE = _alternation(cyrillic=False)
_TRIGGER_LOW = lower_twin(_TRIGGER_RE)  # for ASCII sentences, in lower case (geo.text.casefold)
_TRIGGER_CYR_RE = _alternation(cyrillic=True)
# A matched group's event type, looked up rather than parsed from its name per match.
_GROUP_TYPE = {
    name: EventType(name.rsplit("_", 1)[0])
    for rx in (_TRIGGER_RE, _TRIGGER_CYR_RE)
    for name in rx.groupindex
}
_NON_FACTUAL = re.compile(
    # a stop denied is the action going on: "the invaders don't stop their tries to storm X",
    # "has never ceased its assaults on Y", "did not let up attacking Z"
    r"\b(?:(?:not|never|n['’]t)(?!\s+(?:\w+\s+)?(?:stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)|"
    r"let(?:s|ting)?\s+up|give\s+up|gave\s+up|giving\s+up|abandon(?:s|ed|ing)?)\b)|"
    r"no|could|would|(?-i:may)(?! \d)|might|will|shall|should|cannot|"
    r"plans? to|planned to|threaten\w* to|ready to|prepared to|expected to|set to|"
    r"intends? to|called for|calls? for|urged|demand\w*|going to|"
    # "are trying to resume offensive actions": fighting sought again, not going on now
    r"(?:try|tries|trying|tried|attempt(?:s|ed|ing)?|seek(?:s|ing)?|sought)\s+to\s+"
    r"(?:resume|restart|renew|relaunch|reignite)|"
    # "despite claims of advances, ... made no gains": the claim conceded, then refuted
    r"despite\s+(?:[\w-]+\s+)?(?:claims|reports)\s+(?:of|that)|"
    # a claim denied: "the army refuted reports of enemy troops advancing into X", "Kyiv
    # denied that Russian forces had captured X": what one side says did not happen
    r"(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|"
    r"debunk(?:s|ed|ing)?)\s+(?:[\w'’-]+\s+){0,2}?(?:claims?|reports?|allegations?|"
    r"rumou?rs?|assertions?)\s+(?:of|that|about)|"
    r"den(?:y|ies|ied|ying)\s+that(?:\s+[\w'’-]+){0,2}?\s+(?:had|has|have|was|were))\s+"
    # "did not make any confirmed gains": "any" and the verb before it are the negation's
    r"(?:(?:[\w-]+\s+)?any\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "his demand for Ukraine to fully withdraw from", "called on Kyiv to pull out of", "has been
# urging civilians to flee": what one asks of others, not done. Not for evacuations:
# authorities that "urge residents to evacuate" from named places announce the evacuation
# (docs/events.md).
_ASKED_OF = re.compile(
    r"\b(?:demand\w*|call(?:s|ed|ing)?\s+on|urg\w*)\s+(?:for\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"to\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
# "Putin ordered his army to seize all of X", "the troops were tasked with capturing Y": a
# gain ordered is an aim (a withdrawal ordered is often the news of it, and is left alone)
_ORDERED_GAIN = re.compile(
    r"\b(?:order(?:s|ed|ing)?|instruct(?:s|ed|ing)?|command(?:s|ed|ing)?|task(?:s|ed|ing)?|"
    r"direct(?:s|ed|ing)?)\s+(?:[\w'’-]+\s+){0,3}?(?:to|with)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_ORDERED_GAIN_WORDS = ("seiz", "captur", "tak", "liberat", "occup", "encircl", "recaptur")
# "If the enemy keeps pushing on the town, ...": the condition of a clause to come
_CONDITION_BEFORE = re.compile(r"\b(?:if|unless)\s+(?:[\w'’-]+\s+){0,5}$", re.IGNORECASE)
# "Talks could resume in Geneva", "the offensive did not reach Sumy": the verb after a noun.
_NON_FACTUAL_AFTER = re.compile(
    r"\s+(?:(?!(?:and|but|or|as|while|after)\b)[\w'’-]+\s+){0,3}?"
    r"(?:could|would|(?-i:may)(?! \d)|might|will|shall|should|"
    r"(?:is|are) (?:expected|set|due|scheduled|planned|likely) to|(?:is|are) being prepared|"
    # "Evacuation is planned from A and B": a plan, present tense, with or without "to"
    r"(?:is|are) (?:planned|scheduled)(?= (?:from|for|in)\b)|"
    r"(?:did|does|do|has|have|had|was|were) not|never)\b",
    re.IGNORECASE,
)
# The two warring sides' people, named together (capitalised as written).
_TWO_SIDES_WORDS = (
    r"\b(?:Russian|Ukrainian)\s+and\s+(?:Russian|Ukrainian)\s+"
    r"(?:representatives|officials|delegations?|delegates|negotiators|envoys)\b"
    r"|\b(?:representatives|officials|delegations?|delegates|negotiators|envoys)\s+(?:of|from)\s+"
    r"(?:Russia|Ukraine|Moscow|Kyiv|Kiev)\s+and\s+(?:Russia|Ukraine|Moscow|Kyiv|Kiev)\b"
)
_DIPLOMATIC = re.compile(
    r"\b(?:talks|negotiat\w*|delegations?|delegates|ministers?|officials|envoys?|negotiators?|"
    r"leaders|counterparts?|mediat\w*|summit|ceasefire|peace|agreement|parties|sides)\b"
    # the two warring sides' people: "officials of Kyiv and Moscow", "Russian and Ukrainian
    # representatives"
    rf"|{_TWO_SIDES_WORDS}",
    re.IGNORECASE,
)
_TWO_SIDES = re.compile(_TWO_SIDES_WORDS)
# One side's allies meeting among themselves: an alliance's or a bloc's summit, its leaders
# or ministers, the donors' group. Talks between the warring sides or with a mediator name
# the Russian side; a summit of allies with no Russian side is no negotiation of the war.
_ALLIES = re.compile(
    r"\b(?:NATO|EU|European\s+Union|European\s+Council|G7|G-7|G20|G-20|Group\s+of\s+(?:Seven|20)|"
    r"Ramstein|(?:European|Western|EU|NATO|allied)\s+(?:leaders|allies|partners|ministers)|"
    r"(?:coalition|group)\s+of\s+the\s+willing|Contact\s+Group)\b"
)
# (what the allies weigh "against Russia" or "on Moscow" names it as a topic, not at the table)
_RUSSIAN_SIDE = re.compile(
    r"(?<!against )(?<!\bon )(?<!over )\b(?:Russia|Russian|Russians|Moscow|Kremlin|Putin|Lavrov)\b"
)
# The army a passive's "by" names: "assaulted by the Russian military", "by enemy troops"
_BY_ARMY_AFTER = re.compile(
    r"\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:troops|forces|army|military|units|"
    r"soldiers|brigades?|occupiers|invaders|enemy)\b",
    re.IGNORECASE,
)
_ARMED = re.compile(
    r"\b(?:troops|forces|army|armies|units|soldiers|defenders|brigades?|military|fighters)\b",
    re.IGNORECASE,
)
# The claimed gains short of a capture (TRIGGERS): an army's only when troops are named.
# The armies before "clashed" or "fought", in its clause: "Russian and Ukrainian troops
# fought in X", "the brigade clashed with ..."; not a person described ("soldiers who fought
# in Y" names them), nor the police or a crowd.
_ARMY_MET = re.compile(
    r"\b(?:troops|forces|army|armies|units|soldiers|defenders|brigades?|battalions?|marines|"
    r"paratroopers|infantry|fighters|russians|ukrainians|sides)\b"
    r"(?!\s+who\b)(?:\s+[\w'’-]+){0,4}?\s*$",
    re.IGNORECASE,
)
# A breakthrough of war: by an army, of a defence or across a border (not in talks or science).
_BREAKTHROUGH_OF_WAR = re.compile(
    r"\b(?:troops|forces|army|units|soldiers|brigades?|enemy|occupiers|defen[cs]es?|"
    r"defensive|border|front(?:\s*-?\s*line)?|lines?)\b",
    re.IGNORECASE,
)
_HOSTILE = re.compile(r"\b(?:enemy|occupiers|invaders)\b", re.IGNORECASE)
_ENEMY_MET = re.compile(
    r"\b(?:enemy|occupiers|invaders|russians|ukrainians|saboteurs|(?:sabotage|assault|"
    r"reconnaissance|storm)\s+(?:groups?|teams?|detachments?))(?:\s+[\w'’-]+){0,4}?\s*$",
    re.IGNORECASE,
)
_CLAIMED_GAIN_ENDS = (
    "positions",
    "position",
    "situation",
    "forward",
    "progress",
    "foothold",
    "success",
    "successes",
)
_AIR_BEFORE = re.compile(r"\b(?:air|aerial|missile|drone|rocket|combined)\s+$", re.IGNORECASE)
_TEMPORARILY_BEFORE = re.compile(r"\btemporarily\s+$", re.IGNORECASE)
_CYR_LEAVING = ("виїха", "выеха", "виїжджа", "выезжа", "вивез", "вивоз", "вывез", "вывоз")
_CYR_PEOPLE = re.compile(
    r"(?:людей|людини|людина|жител\w*|мешкан\w*|человек|родин\w*|сімей|семей|сем\w+|"
    r"дітей|детей|цивільн\w*|мирн\w*)",
    re.IGNORECASE,
)
# Troops as the subject of a flight: "Russian forces fled", "troops had no choice but to flee"
_TROOPS_FLEEING = re.compile(
    r"\b(?:forces|troops|soldiers|army|units|garrison|occupiers|invaders)\b"
    r"(?:\s+(?!(?:and|or|as|while|people|civilians|residents|families|thousands|hundreds|"
    r"villagers|children)\b)[\w'’-]+){0,6}?\s+$",
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
    r"cross-border|surprise|infantry|assault|armou?red|mechani[sz]ed|"
    # the verb in any tense: "carried out", "is carrying out", "launches"
    r"carr(?:ied|ying|y|ies) out|launch(?:ed|ing|es)?|stag(?:ed|ing|es?)|"
    # a raid's men: "a group of saboteurs attacked the village", "a sabotage unit attacked"
    r"saboteurs|sabotage|infiltrators|stormtroopers|"
    r"repell?ed|repulsed|repelling|repulsing|an enemy|enemy|"
    # "fought back most Russian attacks": what a defence beats back is an assault
    r"fought back|fought off|beat back|beaten back|"
    # "have held off Russian attacks on X for weeks", "fended off two attacks": a defence
    # holds off troops storming it, not missiles (a named weapon keeps the strike)
    r"(?:held|holding|hold|holds|fended|fending|fend|fends|warded|warding|beat|beating|"
    r"beaten)\s+off|"
    # "unsuccessfully tried to attack in the X area": a storming attempt (a strike is
    # launched, not tried, and names its weapon)
    r"tried to|trying to|attempted to|attempting to)"
    r"\s+(?:(?:most|all|many|several)\s+(?:of\s+the\s+)?)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
# "enemy" alone before one attack, and the town it was "on" (see _GROUND_ATTACK's use)
_ENEMY_ONLY = re.compile(r"(?:(?:an?|another|the)\s+)?enemy\s+", re.IGNORECASE)
_ON_TOWN = re.compile(
    r"\s+(?:on|against)\s+(?:the\s+(?:village|town|city|settlement|hamlet)\s+of\s+)?"
    r"[A-Z][\w'’-]+(?!\s+(?:direction|sector|axis|front)\b)"
)
# ... or the town as the verb's object: "the enemy attacked Odesa on Monday", "the enemy
# attacked the city of X": a regional head's strike on his town. The General Staff's troops
# attack "near", "in the area of" or "positions" (_GROUND_AFTER, _POSITIONS_AFTER), and a count
# or a side they came from keeps the storm (_TIMES_AFTER, _GROUND_LATER).
_TOWN_OBJECT = re.compile(
    r"\s+(?:the\s+(?:village|town|city|settlement|hamlet)\s+of\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?!\s+(?:direction|sector|axis|front|positions?|units?|"
    r"troops|forces|defen[cs]es?|lines?)\b)(?=[\s,.;]|$)"
)
# Its toll: "a woman was killed in an enemy attack on the region overnight". Troops storming
# a line leave no dead civilians in a governor's count; one attack with a toll is a strike.
_TOLL_WORD = re.compile(r"\b(?:killed|killing|dead|died|injured|injuring|wounded|wounding|hurt)\b")
# One attack "launched" or "carried out", with such a toll: "Russia launched an attack on the
# city overnight, killing two". Launching made it an operation (_GROUND_ATTACK), but one
# attack that leaves civilians dead is a strike; counted attacks stay the assaults they are.
_LAUNCHED_ONE = re.compile(
    r"(?:launched|carried\s+out|mounted|conducted|staged)\s+(?:an?|another|one)\s+",
    re.IGNORECASE,
)
_LAUNCHED_MANY = re.compile(
    r"(?:launched|carried\s+out|mounted|conducted)\s+(?:more\s+than\s+|over\s+|about\s+)?"
    r"\d[\d,]*\s+",
    re.IGNORECASE,
)
_LAUNCHED_ATTACK = re.compile(r"launched an? attack", re.IGNORECASE)
# Counted attacks on a place and the people they killed or hurt, told as participles in the
# same clause: the day's strikes of a governor's count (storming troops leave soldiers'
# losses, not people's).
_PEOPLE_HURT_AFTER = re.compile(
    r"\s+(?:on|against)\s+[^;.]{1,60}?,\s*(?:killing|injuring|wounding)\s+"
    r"(?:at\s+least\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|an?)\s+"
    r"(?:(?:more|other|elderly|local)\s+)?(?:person|people|civilians?|residents?|others|man|"
    r"woman|men|women|child|children)\b",
    re.IGNORECASE,
)
# The General Staff's count after the place: "attacked Zelenyi Hai 11 times", "an attack on
# X “seven times in the past day”": troops storming a village, not a strike.
_TIMES_AFTER = re.compile(
    r"\s+(?:on\s+|against\s+|near\s+)?(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}[“\"]?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens of) times\b"
)
# "the Oct. 14 attack on Odesa": the number is a day of a date, not a count of attacks.
# "attacked the positions of the Ukrainian army near X", "attacked Ukrainian positions":
# troops storming a line, not a strike (a strike names its weapon)
# "an increase in attacks near the town of X", "troops attack in the X front": troops on the
# ground (a strike names its weapon; one that hits a place is "on" it)
# An English bulletin's "attacked in the Vodiane area", "in the areas of A and B",
# "attacked northeast of Siversk near A" is the same: troops at villages, not a strike.
_GROUND_AFTER = re.compile(
    # "an attack near the border", "near Ukraine's border": where the place lies, not troops
    # "attacking toward X": a drive on the ground (a strike falls on a place, not toward it)
    r"\s+(?:near(?!\s+(?:the\s+)?(?:[\w'’-]+\s+)?border\b)|around|outside|on the outskirts of|"
    r"towards?|"
    r"(?:in|on|along) the (?:[\w'’-]+\s+){1,2}"
    r"(?:front|direction|sector|axis|area)|in the areas? of|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west) of "
    r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? near)\b",
    re.IGNORECASE,
)
# "assaults by the enemy were repulsed near A": what a defence repels is an assault
_REPELLED_AFTER = re.compile(
    r"(?:\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?\s+(?:were|was|have been|had been)"
    r"\s+(?:\w+ly\s+|also\s+)?(?:repell?ed|repulsed|beaten back|fended off)\b",
    re.IGNORECASE,
)
_POSITIONS_AFTER = re.compile(
    # "attacked Ukrainian defensive lines near X", "attacked the trenches of the brigade":
    # what men on foot attack (a strike names its weapon)
    r"\s+(?:the\s+)?(?:\w+\s+)?(?:positions|defensive\s+(?:lines?|positions)|"
    r"fortifications|trenches|strongholds|dugouts)\b"
    # "raiders attacked the guard units at X": troops as the object, met on the ground ("an
    # attack by Russian troops in X" names who attacked, not what)
    r"|\s+(?!by\s)(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:units|troops|garrisons?|outposts?|checkpoints?)\s+"
    r"(?:at|in|near|around|outside)\b",
    re.IGNORECASE,
)
# Later in the attack's clause, what makes it troops on the ground: "an attack on the village
# of X was repelled" (what a defence repels), "attacked X with infantry and armoured
# vehicles" (the means of a storm), "attacked X from the north" (the side it came from). A
# strike names its weapon, and air defence repelling one is read apart (_repelled_from_the_air).
_GROUND_LATER = re.compile(
    r"(?:\s+[\w'’-]+){0,8}?\s+(?:"
    r"(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+|also\s+)?"
    r"(?:repell?ed|repulsed|beaten back|fended off|fought off)|"
    r"with\s+(?:[\w'’-]+\s+){0,2}?(?:infantry|armou?red|tanks?|assault\s+(?:groups|troops|units)|"
    r"(?:infantry\s+)?fighting\s+vehicles|motorcycles|mechani[sz]ed)|"
    r"from\s+(?:the\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|"
    r"south-?west|flanks?|several\s+(?:directions|sides)|(?:two|three|four)\s+(?:directions|sides))\b|"
    # "have been attacking X for weeks in an attempt to capture it": the ground is the aim
    r"in\s+(?:an?|their|its)\s+(?:\w+\s+)?(?:attempts?|bid|efforts?|push|drive)\s+to\s+"
    r"(?:capture|take|seize|enter|storm|encircle|surround|break\s+through|occupy|advance)|"
    # "attacked X on Monday but failed to take it": the attackers meant to hold the ground
    r"(?:but|and)\s+(?:\w+ly\s+)?(?:failed|were\s+unable|could\s+not|did\s+not\s+manage)\s+to\s+"
    r"(?:capture|take|seize|enter|storm|break\s+through|advance|dislodge|encircle|occupy)"
    r")\b",
    re.IGNORECASE,
)
# Who made the attack, when the clause names ground troops as its maker: "Russian troops
# attacked the village of X", "assault groups attacked X twice", "the marines pressed their
# attack on Y". Men on foot storm a place; a strike is told by its weapon (a weapon named, a
# toll, damage or the night keeps the strike). "An attack by Russian troops" after its noun is
# how regional administrations name any shelling ("after one more enemy troops' attack on the
# X hromada, a dam broke"), so only the subject before the word counts.
# "Forces", "army" and a country are no such maker: wire copy says "Russian forces attacked
# Kharkiv" of drones.
_GROUND_MAKERS = (
    r"troops|soldiers|infantry(?:men)?|marines|paratroopers|servicemen|stormtroopers|"
    r"mercenaries|brigades?|battalions?|regiments?|"
    r"(?:assault|storm|sabotage|reconnaissance|infantry)\s+(?:groups?|units?|detachments?|teams?)"
)
_GROUND_MAKER_BEFORE = re.compile(
    rf"\b(?:{_GROUND_MAKERS})(?:['’]s?)?\s*"
    # the fire behind them: "troops backed by tanks attacked X", "infantry, supported by
    # artillery, attacked Y" (the support is no strike's means: _SUPPORT_OF_WEAPON)
    r"(?:,?\s*(?:backed|supported|covered)\s+by\s+(?:[\w-]+\s+){0,2}?[\w-]+"
    r"(?:\s+and\s+[\w-]+)?\s*,?)?\s+"
    r"(?:(?:have|has|had|been|also|again|then|later|twice|once|"
    r"[a-z]+ly|pressed|press|pressing|launched|launch|mounted|renewed|resumed|continued|"
    r"continue|continues|keep|kept|began|begin|started|start|tried|try|trying|attempted|"
    r"carried\s+out|made|conducted|stepped\s+up|to|their|its|an?|the|new|fresh|another|"
    r"own)\s+){0,4}$",
    re.IGNORECASE,
)
_NIGHT_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:overnight|last\s+night|at\s+night|during\s+the\s+night)\b",
    re.IGNORECASE,
)


def _ground_maker(text: str, sent: Sentence, s: int, e: int) -> bool:
    """Whether an attack word at ``s:e`` has ground troops as its maker (_GROUND_MAKERS)."""
    if _GROUND_MAKER_BEFORE.search(clause_tail(text, max(sent.start, s - 80), s)) is None:
        return False
    # its toll, the damage it did ("troops attacked X and a pumping station was damaged")
    # or the night it came in ("a woman was hurt when troops attacked overnight")
    return (
        _TOLL_WORD.search(sent.text) is None
        and _DAMAGE_WORD.search(sent.text) is None
        and _NIGHT_AFTER.match(text, e, sent.end) is None
    )


_MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d+\s+(?:\w+\s+)?$"
)
_WEAPON = re.compile(
    r"\b(?:missiles?|drones?|shell(?:s|ing|ed)|artillery|rockets?|bombs?|air|aerial|"
    r"airstrikes?|strikes?|UAVs?|glide|"
    # the launchers and the aircraft: "attacks using MLRS", "Russian aircraft attacked X"
    r"MLRS|mortars?|howitzers?|aviation|aircraft|warplanes?|jets|helicopters?)\b",
    re.IGNORECASE,
)
# A weapon named as the support of an assault, not its means: "attacked near X with the
# support of aviation", "assaults supported by artillery", "backed by drones", "with air
# support". Troops storming a line with fire behind them fight on the ground.
_SUPPORT_OF_WEAPON = re.compile(
    r"\b(?:(?:with|under)\s+(?:the\s+)?(?:support|backing|cover)\s+of|supported\s+by|"
    r"backed\s+by|covered\s+by)\s+(?:(?:the|its|their|heavy|massive|enemy|russian|ukrainian|"
    r"and|,)\s*)*(?:[\w-]+\s+){0,1}?(?:missiles?|drones?|artillery|rockets?|air|aerial|"
    r"aviation|aircraft|mortars?|MLRS|UAVs?|tanks?|armou?r)\b"
    r"(?:\s*(?:,|and)\s*(?:[\w-]+\s+){0,1}?(?:missiles?|drones?|artillery|rockets?|aviation|"
    r"aircraft|mortars?|MLRS|UAVs?|tanks?|armou?r)\b)*"
    r"|\bwith\s+(?:[\w-]+\s+){0,2}?(?:air|aviation|artillery|drone|fire)\s+support\b",
    re.IGNORECASE,
)


def _in_support(text: str, sent: Sentence, s: int) -> bool:
    """Whether the word at ``s`` lies in a support phrase (_SUPPORT_OF_WEAPON) of its sentence."""
    low = sent.text.lower()
    if "support" not in low and "backed" not in low and "backing" not in low and "cover" not in low:
        return False  # most sentences: none of the phrase's words
    return any(
        m.start() <= s < m.end() for m in _SUPPORT_OF_WEAPON.finditer(text, sent.start, sent.end)
    )


def _names_strike_weapon(sentence: str) -> bool:
    """Whether a sentence names a weapon as a strike's means, not as an assault's support."""
    if _WEAPON.search(sentence) is None:
        return False
    return _WEAPON.search(_SUPPORT_OF_WEAPON.sub(" ", sentence)) is not None


# The same for Ukrainian and Russian: an "атака" with no weapon named is troops on the ground.
_CYR_WEAPON = re.compile(
    r"(?:ракет|дрон|безпілот|беспилот|бпла|шахед|шахід|артил|снаряд|\bмін(?:ами|ом|и)\b|авіа|"
    r"авиа|бомб|\bкаб(?:и|ів|ами|ом|ов)?\b|обстр|удар|рсзв)",
    re.IGNORECASE,
)
_CYR_STRIKE_ON = re.compile(r"\s+по\s", re.IGNORECASE)
# "ВСУ атаковали Шебекино", "РФ атакувала Харківщину", "атакувала Херсонську та Сумську
# області": a verb with a town or an area for its object is a strike on it; troops attack
# positions or fight "в районе X", and a storm or an advance is told in words (_CYR_GROUND).
_CYR_ATTACK_VERB = ("атаков", "атакув")
_CYR_ATTACK_OBJECT = re.compile(
    r"\s+(?:(?:город|місто|село|селище|посёлок|поселок|передмістя|пригород|окраин|околиц|"
    r"громад|район|област|областям)\w*\b|[А-ЯЁІЇЄҐ][а-яёіїєґ'’])"
)
_CYR_GROUND = re.compile(
    r"(?:штурм|наступ|пехот|піхот|позици|позиці|бронетехн|танк|\bДРГ\b|диверс|прорв|прорив|"
    r"десант|вторг|вторж|продвин|продвиг|просун|просув|окоп|траншей|траншеї|бо[йїяеё]\w*\b)",
    re.IGNORECASE,
)
_FRAME_BEFORE = re.compile(
    r"\b(?:as a result of|in the course of|during)\s+(?:(?:the|an?|its|their|active|"
    r"successful|successive|further|continued|recent|offensive|assault|combat)\s+){0,2}$",
    re.I,
)
_CYR_FRAME_BEFORE = re.compile(r"\b(?:в ходе|у ході|в ході|під час|в результате)\s+$", re.I)
_TALKS = re.compile(
    r"\b(?:talks|negotiations|delegations?|envoys?|negotiators?|summit|ceasefire|peace)\b",
    re.IGNORECASE,
)
# Organised transport as the subject of "left": "buses carrying 300 people left X", "a convoy of
# buses has left X", "the evacuation train with 200 residents left X" are an evacuation.
_TRANSPORT_LEFT = re.compile(
    r"\b(?:buses|bus|minibuses|coaches|convoys?|trains?)"
    r"(?:\s+(?:carrying|with|of)\s+[^,;]{0,50}?)?\s+(?:(?:have|has|had|already|also)\s+)*$",
    re.IGNORECASE,
)
# Leaving by one's own means: "left by personal transport", "left on their own"
OWN_MEANS_AFTER = re.compile(
    r"\s+(?:(?:by|in|using|with)\s+(?:their\s+own|personal|private|own)\s+"
    r"(?:transport|cars?|vehicles?)|on\s+their\s+own|independently|by\s+themselves)\b",
    re.IGNORECASE,
)


# "people left" that counts who remains: "there are only 40 people left", "residents left in
# the village", "no one left behind".
_REMAINING_AFTER = re.compile(r"\s+(?:in|inside|behind|there)\b", re.IGNORECASE)
_THERE_ARE_BEFORE = re.compile(
    r"\b(?:there\s+(?:are|is|were|was|remain)|(?:are|is|were|was)\s+still)\b[^,;.]*$",
    re.IGNORECASE,
)
_PEOPLE_RIGHT_BEFORE = re.compile(
    r"(?:\b(?:people|civilians|residents|inhabitants|families|villagers|evacuees|children)"
    # "200 were evacuated, and several thousand more left by car": a count of more people
    r"|\b(?:\d[\d,]*|thousands?|hundreds?|dozens)\s+more)\s+"
    r"(?:(?:already|also|have|had|has)\s+)?$",
    re.IGNORECASE,
)
_PEOPLE_LEAVING = re.compile(
    r"\b(?:people|civilians|residents|inhabitants|families|villagers|evacuees|children)\s+"
    r"(?:(?:are|were|is|was|keep|kept|still|now|already|also|started|began|continue|continued)\s+)"
    r"{0,2}$",
    re.IGNORECASE,
)
# "civilians who had been evacuating when the drone hit": what the victims were doing
_WHO_WERE_BEFORE = re.compile(r"\bwho\s+(?:had\s+been|have\s+been|were|was)\s+$", re.IGNORECASE)
_DRONE_MEDIA = re.compile(
    r"\s+(?:footage|video|videos|images?|photos?|shots?|camera|"
    # the people and the trade of drones: "a drone operator said", "drone production"
    r"operators?|pilots?|crews?|makers?|manufacturers?|production|industry|developers?)\b"
)
# An evacuation that did not happen: its trains cancelled, its station closed, its convoy or
# buses the target of fire. The text before the trigger and after it are joined by a NUL.
_NO_EVACUATION = re.compile(
    r"\b(?:closed|cancell?ed|suspended|halted)\s+(?:for\s+)?(?:\w+\s+)?\x00"
    r"|\b(?:fired (?:at|on|upon)|shelled|struck|hit|attacked|targeted|opened fire on)\s+"
    r"(?:the\s+|an?\s+)?\x00"
    r"|\x00[^\x00]*?\b(?:(?:was|were|has been|have been|had been) "
    r"(?:\w+ )?(?:cancell?ed|suspended|halted|stopped))\b"
    # "an evacuation hotline", "the evacuation phone number": a service, not a departure
    r"|\x00\s*(?:hot-?\s?lines?|help-?\s?lines?|(?:tele)?phones?|phone\s+numbers?)\b",
    re.IGNORECASE,
)
# "a shelter for (the) newly displaced people": who a place or aid is for, not a flight
_FOR_THE_DISPLACED = re.compile(
    r"\bfor\s+(?:the\s+)?(?:(?:newly|recently|internally|many|more)\s+)*$", re.IGNORECASE
)
_CLAUSE_MARK = re.compile(r"[,;:]")  # compiled once: split around every trigger


def clause_tail(text: str, lo: int, hi: int) -> str:
    """``text[lo:hi]`` after its last clause mark (``_CLAUSE_MARK.split(...)[-1]``).

    Asked around most triggers: three reverse finds cost less than a split that builds a list
    of every clause.
    """
    k = max(text.rfind(",", lo, hi), text.rfind(";", lo, hi), text.rfind(":", lo, hi))
    return text[max(k + 1, lo) : hi]


def _army_before(text: str, sent: Sentence, s: int) -> re.Match[str] | None:
    """An army met in the clause before position ``s`` (80 characters back, in the sentence)."""
    return _ARMY_MET.search(clause_tail(text, max(sent.start, s - 80), s))


def clause_head(text: str, lo: int, hi: int) -> str:
    """``text[lo:hi]`` up to its first clause mark (``_CLAUSE_MARK.split(...)[0]``)."""
    k = min(
        (
            x
            for x in (text.find(",", lo, hi), text.find(";", lo, hi), text.find(":", lo, hi))
            if x >= 0
        ),
        default=hi,
    )
    return text[lo:k]


# Damage that no armed side did: a flood's, a storm's, a fire's of its own
_NATURAL = re.compile(
    r"\b(?:flood(?:s|ed|ing)?|storms?|earthquakes?|hurricanes?|tornado(?:es)?|wildfires?|"
    r"heatwaves?|hail|snowfall|landslides?)\b",
    re.IGNORECASE,
)
# Fast paths for ASCII text in lower case (geo.text.casefold). The two negation patterns keep
# "may" case-sensitive (not the month), so they have no exact twin: their gates read "may" in
# any case, match wherever the pattern does and more, and a gate's "no" is the answer.
_GROUND_ATTACK_LOW = lower_twin(_GROUND_ATTACK)
_NON_FACTUAL_GATE = loosened(  # a word boundary opening it left out too (geo.text.casefold)
    lower_twin(re.compile(_NON_FACTUAL.pattern.replace("(?-i:may)", "may"), _NON_FACTUAL.flags))
)
_NON_FACTUAL_AFTER_GATE = lower_twin(
    re.compile(_NON_FACTUAL_AFTER.pattern.replace("(?-i:may)", "may"), _NON_FACTUAL_AFTER.flags)
)


# Asked of the clause before every trigger, and again by later stages: the same clauses
# come back, and the answer depends on the text alone.
@functools.lru_cache(maxsize=4096)
def _non_factual(clause: str, low: str | None) -> bool:
    # ``low``: the clause's caseless_lower, which the caller has made already
    if low is not None and _NON_FACTUAL_GATE.search(low) is None:
        return False
    return _NON_FACTUAL.search(clause) is not None


# An order already given, told by what it will cover: "it will concern settlements A and
# B", "evacuation will be carried out from A" (its places, not a plan).
_ORDER_SCOPE_AFTER = re.compile(
    r"\s+will\s+(?:also\s+)?(?:concern|cover|affect|apply\s+to|be\s+carried\s+out)\b[^.;]{0,60}?"
    r"\b(?:settlements?|villages?|towns?|from)\b",
    re.IGNORECASE,
)
# Whom an order moves may come between the trigger and its scope (a forced evacuation "of
# children" that "will be carried out in" the town of A), and "in" may lead its places.
# Read so only where the order is given (forced, mandatory, or told before): without that,
# an evacuation to be carried out in A stays a plan.
ORDER_WHOM = (
    r"(?:of\s+(?:the\s+)?(?:children|families(?:\s+with\s+children)?|residents|"
    r"population|people|civilians)\s+)?"
)
# Its places must be named: a count ("from the 31 settlements of two districts") is the
# oblast's order, which the article tells elsewhere.
_GIVEN_ORDER_SCOPE_AFTER = re.compile(
    r"\s+" + ORDER_WHOM + r"will\s+(?:also\s+)?(?:"
    r"(?:concern|cover|affect|apply\s+to)\b[^.;]{0,60}?\b(?:settlements?|villages?|towns?)\b|"
    r"be\s+carried\s+out\s+(?:in|from)\s+(?!(?:the\s+)?(?:\d|many|some|certain|several|"
    r"a\s+number|all|\w+\s+settlements)))",
    re.IGNORECASE,
)


# An order read out with its list: "movement of the residents will be organized: A, B, C".
# The colon opens the settlements it covers; an official announcing them is no plan.
_ORDER_LIST_AFTER = re.compile(
    r"\s+(?:of\s+(?:[\w'’-]+\s+){1,5}?)?(?:will|shall)\s+be\s+"
    r"(?:organi[sz]ed|arranged|conducted|carried\s+out)\s*:",
    re.IGNORECASE,
)


def _order_scope_after(text: str, sent: Sentence, end: int, *, order_told: bool) -> bool:
    """Whether the words after an evacuation trigger tell the places of an order."""
    if _ORDER_SCOPE_AFTER.match(text, end, sent.end) or _ORDER_LIST_AFTER.match(
        text, end, sent.end
    ):
        return True
    given = order_told or ORDER_MARK.search(sent.text) is not None
    return given and _GIVEN_ORDER_SCOPE_AFTER.match(text, end, sent.end) is not None


# An evacuation order told by what it will do: "children will be forcibly evacuated from A",
# "he specified that families would be evacuated from B and C". The future passive is the
# order's scope, not a plan, where the order is given: the sentence calls it forced or
# mandatory, or the article has told the decision before (``order_told``); a condition
# after it ("... if the fighting comes closer") keeps it a plan.
_FUTURE_ORDER = re.compile(
    r"\b(?:will|would|shall)\s+(?:also\s+|now\s+|then\s+)?be\s+(?:(?:\w+ly|also|now)\s+)*$",
    re.IGNORECASE,
)
# its words looked for first (geo.text.casefold.Gated)
_FUTURE_ORDER = Gated(_FUTURE_ORDER)
ORDER_MARK = re.compile(
    r"\b(?:forcibly|forced\s+evacuation|mandator(?:y|ily)|compulsor(?:y|ily)|"
    r"obligator(?:y|ily)|by\s+force)\b",
    re.IGNORECASE,
)
_CONDITION_AFTER = re.compile(r"[^.;]*?\b(?:if|unless|in case|provided)\b", re.IGNORECASE)
# "officials plan that children will be evacuated", "expect that ...": still a plan
_PLAN_BEFORE = re.compile(
    r"\b(?:plan\w*|intend\w*|expect\w*|hop(?:e|es|ed|ing)|propos\w*|consider\w*|may|might|"
    r"could|likely|if|unless)\b",
    re.IGNORECASE,
)


def future_order(text: str, sent: Sentence, clause: str, end: int, *, order_told: bool) -> int:
    """Where a future passive that tells an evacuation order starts in ``clause``, else -1.

    ``clause`` is the text of the trigger's clause up to the trigger, ``end`` where the
    trigger ends; the caller reads the clause before that point for plans as usual.
    """
    m = _FUTURE_ORDER.search(clause)
    if (
        m is None
        or _CONDITION_AFTER.match(text, end, sent.end)
        or _PLAN_BEFORE.search(clause, 0, m.start())
    ):
        return -1
    if not (order_told or ORDER_MARK.search(sent.text)):
        return -1
    return m.start()


def _non_factual_after(text: str, low: str | None, start: int, end: int) -> bool:
    if low is not None and _NON_FACTUAL_AFTER_GATE.match(low, start, end) is None:
        return False
    return _NON_FACTUAL_AFTER.match(text, start, end) is not None


# People taken prisoner, not ground taken: "several of them were captured in the Bryansk
# region", "soldiers captured near Bakhmut were exchanged".
_CAPTIVES_BEFORE = re.compile(
    r"\b(?:whom|who|soldiers|prisoners|POWs|servicem[ae]n|fighters|marines|defenders|people|"
    r"civilians|men|women|returnees|he|she|they)\b(?:\s+[\w'’-]+){0,4}?"
    r"(?P<passive>\s+(?:were|was|been|being|are|is)(?:\s+\w+ly)?)?\s*$",
    re.IGNORECASE,
)
# "The liberation of Donbas is an unconditional priority": the trigger names an aim.
_AIM_AFTER = re.compile(
    # the subject may carry a relative clause between commas ("the liberation of X, which
    # Moscow proclaimed years ago, is among its chief aims")
    r"[^,;.]{0,60}?(?:,\s+(?:which|that|who)\b[^;.]{0,200}?,\s*)?"
    r"\b(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?"
    # "is one of the Kremlin's main goals", "is among its chief aims": one aim of several
    r"(?:(?:one\s+of|among)\s+(?:the\s+|their\s+|its\s+|our\s+|his\s+|her\s+)?"
    r"(?:[\w-]+['’]s\s+)?|"
    r"(?:an?|the|their|its|our|his|her|a\s+top|(?:the\s+)?[\w-]+['’]s)\s+)[\"“”]?(?:[\w-]+\s+){0,2}[\"“”]?"
    r"(?:priority|priorities|goals?|aims?|objectives?|tasks?)\b",
    re.IGNORECASE,
)
# A capture or a withdrawal named as a time in another clause: "troops are regrouping
# following the withdrawal from X", "after the fall of Y". With no day of its own it is the
# news's background, which analysts do not code; "a day after the fall of Y" (or "half a
# month after": any offset), or "after the capture of Y on Monday", dates it, and stays.
_AFTERMATH_NOUN = re.compile(
    r"(?:capture|fall of|withdrawal|liberation|seizure|recapture|retreat)\b", re.IGNORECASE
)
_AFTERMATH_BEFORE = re.compile(
    r"(?<!\bday )(?<!\bdays )(?<!\bhours )(?<!\bweeks )(?<!\bweek )(?<!\bmonth )(?<!\bmonths )"
    r"\b(?:after|since|following|ahead\s+of|in\s+the\s+wake\s+of)\s+(?:the|its|their)\s+"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
# The same told by a perfect participle: "having seized W, the troops turned north" is the
# main clause's earlier time, not its news (a gerund after a word of time, "after capturing
# Y", is _gerund_time's).
_HAVING_BEFORE = re.compile(r"\bhaving\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_TOLD_DAY_AFTER = re.compile(
    r"[^,;.]*?\b(?:(?:on|in|since)\s+(?:(?:early|mid|late)[-\s]+)?(?:\d+|January|February|"
    r"March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)(?=\.?\s*\d))|"
    r"yesterday|today|last\s+(?:week|month|year)|"
    r"earlier\s+this\s+(?:week|month|year)|this\s+week)\b",
    re.IGNORECASE,
)
# A sentence that opens on a condition and goes on in the conditional: "If true, the step would
# be the first push into X", "If confirmed, it will be the deepest thrust into Y".
# Everything after the condition's comma is what would follow, not what happened (a trigger
# inside the condition itself is read by _CONDITION_BEFORE).
# The inverted condition ("Should Russia take X, it would ...", "Were troops to take Y, the
# line would ...") is hypothetical in both its clauses. A condition told inside the subject,
# between commas ("the capture of X, if confirmed, would be its largest gain"), is the same.
_IF_THEN = re.compile(
    r"\W*(?:(?:but|and|yet|even)\s+)?(?P<lead>if|unless|should|were)\b[^,;.:]{1,80},\s*"
    r"(?:[\w'’\"“”-]+\s+){0,6}?(?:would|could|might|will)\b",
    re.IGNORECASE,
)
_IF_ASIDE_AFTER = re.compile(
    r"[^,;.:]{0,60},\s*if\s+(?:confirmed|true|accurate|verified|correct)\s*,\s*"
    r"(?:[\w'’-]+\s+){0,3}?(?:would|could|might|will)\b",
    re.IGNORECASE,
)


def _after_if_then(text: str, sent: Sentence, s: int, e: int) -> bool:
    """Whether the trigger at ``s`` lies in a condition's conditional clause (_IF_THEN)."""
    if _IF_ASIDE_AFTER.match(text, e, sent.end):
        return True  # "the capture of X, if confirmed, would be ..."
    m = _IF_THEN.match(text, sent.start, sent.end)
    if m is None:
        return False
    if m.group("lead").lower() in ("should", "were"):
        return True  # "Were troops to take X, ...": the condition too
    return s >= text.index(",", sent.start, m.end())


# A gain or a fight told as the time of another clause by a gerund: "since capturing X, the
# army has pushed west", "turned to Donbas after abandoning an assault on Y". With no day of its
# own it is background, as "after the fall of X" is (_AFTERMATH_BEFORE); "after capturing X in
# May" dates it, and stays. The trigger is the gerund itself, or the object it governs.
_GERUND_TIME_BEFORE = re.compile(
    r"\b(?:after|since|following|upon)\s+(?:(?P<bare>)|"
    r"(?:[a-z]+ing\b[^,;:.]{0,120}?\band\s+)?[a-z]+ing\s+"
    r"(?:(?:an?|the|its|their|his|her)\s+)?(?:[\w'’-]+\s+)?)$",
    re.IGNORECASE,
)


# The same told by a finite clause: "counterattacks to win back positions, after the brigade
# freed X", "since Russian troops took Y, ...". Its subject is a side or its men
# (a verb of saying between makes it a report: "after Moscow said its troops took Z").
_CLAUSE_TIME_BEFORE = re.compile(
    r"\b(?:after|since|following)\s+(?:(?:the|its|their)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:forces|troops|army|units|soldiers|fighters|brigades?|Russia|Ukraine|Moscow|Kyiv|"
    r"Russians|Ukrainians|it|they)\s+(?:had\s+|have\s+|has\s+)?(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_FINITE_GAIN = re.compile(
    r"(?:captured|took|seized|liberated|retook|recaptured|regained|withdrew|entered|"
    r"taken|retaken|withdrawn|de-?occupied)$",
    re.IGNORECASE,
)


def _clause_time(text: str, sent: Sentence, word: str, s: int, e: int) -> int | None:
    """Where an undated clause of time that a gain verb is told in opens, else None.

    See _CLAUSE_TIME_BEFORE. It is the time of another happening only if the sentence tells
    one before it (find_triggers): "the general dismissed his deputy after troops withdrew
    from X" has no other event, and the withdrawal is the news.
    """
    if _FINITE_GAIN.match(word) is None:
        return None
    m = _CLAUSE_TIME_BEFORE.search(text, max(sent.start, s - 80), s)
    if m is None or _TOLD_DAY_AFTER.match(text, e, sent.end):
        return None
    return m.start()


def _gerund_time(text: str, sent: Sentence, word: str, s: int, e: int) -> bool:
    """Whether a ground trigger is an undated gerund clause of time (see _GERUND_TIME_BEFORE)."""
    m = _GERUND_TIME_BEFORE.search(text, max(sent.start, s - 160), s)
    if m is None:
        return False
    if m.group("bare") is not None and not (word.endswith("ing") and word != "fighting"):
        return False  # "after fierce fighting", "after fighting": the noun, the fight itself
    return not _TOLD_DAY_AFTER.match(text, e, sent.end)


# An attack or an assault told with the weapon it was made with: "launched an attack on X with
# glide bombs", "carried out an assault on Y with drones", "stepped up attacks on Z, launching
# missiles at its districts". The means is a strike's; troops storm with tanks and infantry
# (_GROUND_LATER keeps those), and what a defence repels "with drones" is the defence's means.
_STRIKE_MEANS_AFTER = re.compile(
    r"[^;:.,]{0,80}?(?:\s+(?:with|using)|,\s*(?:launching|firing|dropping|using|sending))\s+"
    r"(?:(?:a|an|the|its|their|heavy|massive|massed|guided|glide|aerial|air|kamikaze|attack|"
    r"strike|ballistic|cruise|multiple|several|dozens\s+of|[\d,]+|\w+-\w+)\s+){0,3}?"
    r"(?:missiles?|drones?|rockets?|artillery|bombs?|shells|mortars?|MLRS|UAVs?|shaheds?|"
    r"aircraft|aviation|airstrikes?|rocket\s+launchers)\b(?!\s+(?:support|cover|backing))",
    re.IGNORECASE,
)
_STRIKE_WORDED = re.compile(
    r"(?:launched\s+(?:an?\s+)?attack|stepped\s+up\s+(?:\w+\s+)?(?:assaults|attacks)|"
    r"assaults?)$",
    re.IGNORECASE,
)


def _made_with_a_weapon(text: str, sent: Sentence, word: str, s: int, e: int) -> bool:
    """Whether an assault word is a strike told by its weapon (see _STRIKE_MEANS_AFTER)."""
    if not _STRIKE_WORDED.match(word):
        return False  # the cheap question first: only these words can be a weapon's strike
    if _REPEL_BEFORE.search(clause_tail(text, max(sent.start, s - 40), s)) or _GROUND_LATER.match(
        clause_head(text, e, min(sent.end, e + 120))
    ):
        return False
    if _STRIKE_MEANS_AFTER.match(text, e, sent.end):
        return True
    if word != "assault" or _ON_TARGET.match(text, e, sent.end) is None:
        return False
    # the assault's own clause: "..., while jets hit Y with missiles" is another happening
    turn = _TURN_AFTER.search(text, e, sent.end)
    own = text[sent.start : turn.start() if turn else sent.end]
    return _GROUND_MEANS.search(own) is None and (
        _names_strike_weapon(own)
        or _TOLL_WORD.search(own) is not None
        or _DAMAGE_WORD.search(own) is not None
        or _NIGHT_BEFORE.search(text, max(sent.start, s - 30), s) is not None
        or _STRIKE_AFTER_TARGET.match(text, e, sent.end) is not None
    )


# One assault on a place, the way wire copy names a night's strikes: "Russia's overnight assault
# on X killed three", "the assault on Y involved 40 drones", "an assault on Z, damaging port
# infrastructure". A weapon, a toll, damage or the night marks the strike; counted assaults,
# one repelled, or one with troops, tanks or storming in its sentence stay ground fighting.
_TURN_AFTER = re.compile(r";|,?\s+(?:while|whereas|but|meanwhile|although)\b", re.IGNORECASE)
_ON_TARGET = re.compile(r"\s+(?:on|against)\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)
_GROUND_MEANS = re.compile(
    r"\b(?:infantry|armou?red|tanks?|storm\w*|positions|trenches|troops|soldiers|units|"
    r"assault\s+(?:groups?|units?|troops))\b",
    re.IGNORECASE,
)
# After the assault's target, the night it came in or the hits it made: "the assault on X
# overnight", "continued its assault on Y, hitting a block of flats" (a strike's participle)
_STRIKE_AFTER_TARGET = re.compile(
    r"\s+(?:on|against)\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s*){1,3}"
    r"(?:overnight|last\s+night|at\s+night|during\s+the\s+night|"
    r"[^;.]{0,40}?,\s*(?:hitting|striking|pounding|shelling|bombing))\b"
)
_DAMAGE_WORD = re.compile(r"\b(?:damag\w+|destroy\w*|wreck\w*|blackouts?|power\s+cuts?)\b")
_NIGHT_BEFORE = re.compile(
    r"\b(?:overnight|night(?:time)?|nightly|night-time|aerial|air)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


_REPEL_BEFORE = re.compile(
    r"\b(?:repel\w*|repuls\w*|fought\s+off|fended\s+off|beat\s+(?:off|back)|held\s+off|"
    r"stopped|thwarted|foiled)\b",
    re.IGNORECASE,
)


# The noun an offensive word qualifies, when it names what is meant or possible rather than
# fighting: "offensive intent near X", "assault plans on Y", "offensive potential".
_INTENT_AFTER = re.compile(
    r"\s+(?:intent(?:ions?)?|plans?|potential|capabilit(?:y|ies)|ambitions?|aims?|goals?|"
    r"designs?|preparations?|"
    # the adjective of words and pictures: "offensive remarks", "offensive posts"
    r"remarks?|comments?|language|words|posts?|content|jokes?|slurs?|gestures?|cartoons?|"
    r"behaviou?r|statements?|messages?|images?|videos?)\b",
    re.IGNORECASE,
)
_AIRSPACE = re.compile(r"\bair\s*space\b|\bairspace\b", re.IGNORECASE)
# (and the words wire copy uses for them: "separatist service personnel surrounded X")
_TROOP_NOUNS = (
    r"forces|troops|army|units|soldiers|fighters|personnel|servicemen|paratroopers|marines"
)
# "which Russia claims it has taken": the army's word reported, its pronoun the subject
_ARMY_BEFORE = re.compile(
    rf"\b(?:{_TROOP_NOUNS}|Russia|Ukraine|Moscow|Kyiv)\s+"
    r"(?:\w+\s+|(?:said|says|claimed|claims)\s+(?:that\s+)?(?:it|they)\s+)?$"
)
_TROOPS_BEFORE = re.compile(rf"\b(?:{_TROOP_NOUNS})\s+(?:\w+\s+)?$")
_IT_BEFORE = re.compile(r"\b(?:it|they)\s+(?:\w+ly\s+|finally\s+|also\s+)?$", re.IGNORECASE)
# ... not the "it" of a time spent: "it took the town of X ten years to rebuild"
_IT_TOOK_TIME = re.compile(
    r"[^,.;]*?\b(?:years?|months?|weeks?|days?|hours?|decades?|time|long)\b[^,.;]*?\bto\s+\w",
    re.IGNORECASE,
)
# "X was retaken (by Ukrainian troops)": a passive's subject is the ground retaken, so it
# needs no army before it nor ground after it
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+|also\s+|later\s+|soon\s+)?$",
    re.IGNORECASE,
)
_TAKE_THE_TOWN = re.compile(_THE_TOWN_OF, re.IGNORECASE)


_PARTICIPLE_COMMA = re.compile(r",\s*(?:\w+ly\s+)?$")
_SIDE_IN_SENTENCE = re.compile(
    rf"\b(?:{_TROOP_NOUNS}|Russia|Ukraine|Moscow|Kyiv|Kiev|Russians|Ukrainians|enemy|"
    r"occupiers|battlegroup|brigades?|divisions?)\b",
    re.IGNORECASE,
)


_TRIED_TO_BEFORE = re.compile(
    r"\b(?:attempt(?:s|ed|ing)?|try|tried|trying|tries|sought|seeking|failed|fails?)"
    r"(?: again| \w+ times?| twice)? to\s+$",
    re.IGNORECASE,
)


def _takes_a_town(text: str, lo: int, s: int, e: int) -> bool:
    """Whether "take"/"took" at ``s:e`` (its sentence from ``lo``) is a capture.

    "take the city of X" only with an army as its subject; a bare name right after only with
    troops as the subject ("Russian forces took Andriivka", not "Kyiv took Washington by
    surprise"); "took part" is no capture at all.
    """
    before = max(lo, s - 30)
    the_town = _TAKE_THE_TOWN.match(text, e) is not None
    if the_town and _IT_BEFORE.search(text, before, s) and not _IT_TOOK_TIME.match(text, e):
        return True  # "since it took the town of X last May": the pronoun stands for the army
    if (
        text[s:e].lower().startswith("taking")
        and _PARTICIPLE_COMMA.search(text, before, s)
        and _SIDE_IN_SENTENCE.search(text, lo, s)
    ):
        # "the army pressed on towards X, taking the village of Y": the participle's subject
        # is the main clause's, an army named anywhere before it
        return the_town
    if (
        _TRIED_TO_BEFORE.search(text, max(lo, s - 40), s)
        and (the_town or text[e : e + 1].isupper())
        and _SIDE_IN_SENTENCE.search(text, lo, s)
    ):
        # "the enemy tried to take X", "Russian units failed to take the village of Y": a
        # side's capture tried (an offensive: events.status.tried)
        return True
    if not _ARMY_BEFORE.search(text, before, s):
        return False
    if the_town:
        return True
    return text[e : e + 1].isupper() and _TROOPS_BEFORE.search(text, before, s) is not None


# "pushed back Russian troops in Kherson", "drove the enemy back": a counter-offensive, the
# fighting, not ground taken at a town ("pushed them back from Kharkiv" is: the town freed).
# "surround Mariupol", "has been encircled and shelled" is the fighting around a town; an
# encirclement told as (all but) done, "practically encircled", is ground taken.
# Troops as the subject of the passive: "the Russian garrison of X was surrounded", "enemy
# units in Y were surrounded": the fight around the men holding a place
_TROOPS_PASSIVE_BEFORE = re.compile(
    r"\b(?:garrison|troops|units|soldiers|grouping|group|battalion|brigade)\s+"
    r"(?:(?:of|in|at|near)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?)?"
    r"(?:was|were|had\s+been|has\s+been|have\s+been|being)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_PUSHED_BACK = ("pushed", "drove", "driven")
# "had some success in pushing the enemy back from X": the push under way, not yet ground
_PUSHING_BACK = ("pushing",)
# People, not troops, as the subject that abandoned a village
_PEOPLE_ABANDONING = re.compile(
    r"\b(?:residents|people|civilians|families|villagers|inhabitants|locals|population|"
    r"farmers|pensioners|children)\b(?:\s+[\w'’-]+){0,3}\s+$",
    re.IGNORECASE,
)
_BACK_FROM = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:from|out of)\b", re.IGNORECASE)
_ENCIRCLE = frozenset({"encircle", "encircles", "encircled", "encircling"})
# ... and the noun with what it closes on: "reported the encirclement of enemy units near X"
# is the fighting there ("escaping encirclement", what was feared, is left as it was)
_ENCIRCLEMENT_OF = re.compile(r"encirclement(?= of\b)", re.IGNORECASE)
_COMPLETED = re.compile(
    r"\b(?:practically|fully|completely|effectively|virtually|totally|all but|almost|nearly)"
    r"\s+$",
    re.IGNORECASE,
)
_PASSIVE_TAKEN_AFTER = re.compile(_PASSIVE_TAKEN_END, re.IGNORECASE)
# What "had taken" takes when it is ground: a settlement, positions, control, or a name.
_TAKEN_GROUND = re.compile(
    r"\s+(?:(?:the|a|an|full|complete|over|more|than|another|several|two|three|four|five|"
    r"six|seven|eight|nine|ten|dozens|\d+)\s+)*"
    r"(?:(?:[a-z][\w-]*\s+){0,3}?(?:villages?|towns?|city|settlements?|hamlets?|"
    r"positions?|control|ground|territory)\b|[A-Z])"
)
# A participle between "the" and a place noun is an adjective: "the liberated city of X",
# "the recaptured villages" say which place, not that it changed hands now.
_ADJECTIVE_PARTICIPLES = frozenset(
    {"liberated", "captured", "recaptured", "seized", "retaken", "encircled", "regained"}
    # "people may not go back into de-occupied areas of the region": the Ukrainian word too
    | {"de-occupied", "deoccupied"}
)
# "to the newly regained areas of the country": an adverb of recency before the participle
# makes it an adjective whatever the determiner
_RECENTLY_BEFORE = re.compile(r"\b(?:newly|recently)\s+$", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|in|into|from|for|across|around|near|within|throughout)\s+$", re.IGNORECASE
)
_THE_BEFORE = re.compile(r"\b(?:the|these|those)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_HELD_NOUN_AFTER = re.compile(
    r"\s+(?:(?:southern|northern|eastern|western|frontline|front-line|regional)\s+)?"
    r"(?:city|cities|town|towns|village|villages|settlements?|territor(?:y|ies)|areas?|"
    r"regions?|lands?|parts?|"
    # "evacuated from the liberated communities of the region": a hromada's own word
    r"communit(?:y|ies)|hromadas?|localities|districts?)\b",
    re.IGNORECASE,
)
_CAPTIVE_AFTER = re.compile(r"\s+(?:in|near|at|during|while|on|by)\b", re.IGNORECASE)
# Soldiers taken prisoner, told as the object: "captured 31 enemy troops during a raid",
# "captured two servicemen near X". Fighting in which prisoners were taken (ACLED's armed
# clash), not ground changing hands.
_CAPTIVES_OBJECT = re.compile(
    r"\s+(?:(?:more\s+than|over|about|around|at\s+least|nearly|almost|some|another)\s+)?"
    r"(?:\d[\d,]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|"
    r"hundreds\s+of|several|many|scores\s+of)?\s*"
    # the men counted by their unit: "a group of enemy troops", "a platoon of marines"
    r"(?:(?:group|unit|squad|platoon|company|detachment|batch|column)s?\s+of\s+"
    r"(?:\d[\d,]*\s+)?)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:soldiers|servicem[ae]n|prisoners|POWs|fighters|marines|paratroopers|militants|"
    r"mercenaries|troops|conscripts|personnel|soldier|serviceman)\b",
    re.IGNORECASE,
)


def captives_after(text: str, end: int, sent_end: int) -> bool:
    """Whether men taken prisoner follow a capture verb ending at ``end`` (_CAPTIVES_OBJECT)."""
    return _CAPTIVES_OBJECT.match(text, end, sent_end) is not None


# "land" as a noun, the ground itself: after a preposition, a determiner or an adjective of
# who holds or works it ("of land in X", "their land near Y", "occupied land"); the verb
# ("shells land on X") follows its weapon.
_LAND_NOUN_BEFORE = re.compile(
    r"\b(?:of|the|their|its|our|his|her|this|that|occupied|agricultural|arable|farm|"
    r"ukrainian|russian|contested|native|own)\s+$",
    re.IGNORECASE,
)
# A state of holding ground told with how long it has lasted: "has occupied X since 2014",
# "have held Y since March": no change of hands on any day the sentence names.
_HELD_STATE = re.compile(r"\b(?:occup(?:y|ies|ied)|controll?(?:ed|s)?|held|holds?)\b")
_SINCE_AFTER = re.compile(r"[^;:]*?\bsince\b", re.IGNORECASE)
# What a side seizes or captures that is no ground: a thing, a person, an idea. The verb's
# object (a determiner or a count, at most two modifiers, then the noun) says what was
# taken; a place, a settlement noun or a stretch of land after it is ground.
_THING_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an|its|their|his|her|our|some|more|several|two|three|four|five|\d[\d,.]*|"
    r"large|huge|big|small)\s+)*(?:[\w'’-]+\s+){0,2}?"
    r"(?:initiative|momentum|opportunity|chance|moment|attention|headlines|imagination|"
    r"assets|property|properties|funds|money|cash|accounts|shares|stakes?|"
    r"documents|papers|passports|files|computers|phones|"
    r"weapons|arms|ammunition|munitions|equipment|trophies|cargo|shipments?|consignments?|"
    r"goods|grain|contraband|drugs|"
    r"ships?|vessels?|tankers?|boats?|barges?|aircraft|helicopters?|planes?|jets?|tanks?|"
    r"drones?|launchers?|systems?|vehicles?|"
    r"footage|images?|videos?|photos?|photographs?|pictures?|moments?|scenes?|"
    r"suspects?|saboteurs?|spies|spy|agents?|collaborators?|informants?|hostages?|"
    r"journalists?|reporters?)\b",
    re.IGNORECASE,
)
_THING_VERBS = ("seiz", "captur", "took", "taken", "taking", "takes", "take ", "regain")
# Leaving or entering that moves no front: the mover a civilian body ("Western firms withdrew
# from X", "the IAEA mission entered the plant", "aid convoys entered Y") or what is left or
# entered an agreement or an activity ("withdrew from the grain deal", "entered talks"). An
# army's withdrawal names troops, a side or no subject at all.
_MOVE_VERBS = ("withdr", "pulled", "entered", "enter ")
_CIVILIAN_MOVER_BEFORE = re.compile(
    r"\b(?:firms?|companies|company|businesses|banks?|brands?|retailers?|investors?|missions?|"
    r"inspectors?|observers?|monitors?|delegations?|delegates|diplomats?|embass(?:y|ies)|"
    r"journalists?|reporters?|(?i:aid|humanitarian|relief)\s+convoys?|trucks?|lorries|trains?|"
    r"charit(?:y|ies)|organi[sz]ations?|agenc(?:y|ies)|IAEA|ICRC|OSCE|UN|NGOs?|Red\s+Cross|"
    r"volunteers|tourists|students|candidates?)\s+(?:[\w'’-]+\s+){0,2}?$"
)
_NO_GROUND_OBJECT = re.compile(
    r"\s+(?:(?:from|out\s+of)\s+)?(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:deal|agreement|treaty|accord|pact|initiative|talks|negotiations|convention|"
    r"programme|program|market|race|competition|tournament|elections?|service|office|"
    r"politics|phase|stage|partnership|alliance|coalition)\b",
    re.IGNORECASE,
)
# A span of time entered: "the assault on X entered its third week", "the war is entering a
# second winter": the fight goes on, no ground changes hands
_TIME_ENTERED = re.compile(
    r"\s+(?:its|their|a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:day|week|month|year|winter|summer|"
    r"spring|autumn)s?\b",
    re.IGNORECASE,
)
# "advance" that is no move of troops: "in advance", "advance warning", "advanced weapons"
# (the adjective: after a determiner or a verb of giving, before a noun).
_IN_ADVANCE = re.compile(r"\b(?:in|well\s+in)\s+$", re.IGNORECASE)
# ... and "advance units", "an advance party": the forward troops, named by the adjective
# (what they do is told by their own verb: "advance units are fighting on the outskirts")
_ADVANCE_NOUN_AFTER = re.compile(
    r"\s+(?:warnings?|notice|notifications?|payments?|booking|copies|copy|purchases?|"
    r"registration|voting|tickets?|units?|party|parties|guards?|teams?|detachments?|"
    r"groups?|elements|echelons?|positions|posts?)\b",
    re.IGNORECASE,
)
_ADJECTIVE_BEFORE = re.compile(
    r"\b(?:a|an|the|more|most|highly|technologically|its|their|our|his|her|these|those|such|"
    r"of|with|for|supply|supplies|supplied|supplying|provide|provides|provided|providing|"
    r"send|sends|sent|sending|deliver|delivers|delivered|delivering|receive|receives|"
    r"received|receiving|get|gets|got|need|needs|needed|request|requested|acquire|acquired|"
    r"buy|bought|purchase|purchased|modern|western|new)\s+$",
    re.IGNORECASE,
)
_NOUN_AFTER_ADJECTIVE = re.compile(
    r"\s+(?!(?:on|in|into|to|toward|towards|near|along|across|through|past|around|up|down|"
    r"further|farther|deeper|westward|eastward|northward|southward|some|about|nearly|almost|"
    r"by|at|from|beyond|inside|within|as|and|but|while|after|before|since|against|slightly|"
    r"several|few|more|two|three|four|five|ten|hundreds|dozens|\d)\b)"
    # "the most advanced (Russian) units reached X": the forward troops, told by their place
    r"(?!(?:[\w-]+\s+)?(?:units|troops|forces|groups|detachments|positions|elements)\b)"
    r"[A-Za-z][\w-]+\b(?<!ly)",
    re.IGNORECASE,
)


def _not_ground(text: str, sent: Sentence, word: str, s: int, e: int) -> bool:
    """Whether a gain word takes no ground: a thing, a person or an idea, or no gain at all.

    "Seized assets", "captured footage", "took the initiative": the object is not land;
    "in advance", "advance warning", "advanced air defence systems" are no move of troops.
    """
    if word.startswith(_THING_VERBS) and " " not in word.strip():
        return bool(_THING_OBJECT.match(text, e, sent.end))
    if word.startswith(_MOVE_VERBS):
        return bool(
            _CIVILIAN_MOVER_BEFORE.search(clause_tail(text, max(sent.start, s - 60), s))
            or _NO_GROUND_OBJECT.match(text, e, sent.end)
            or (word.startswith("enter") and _TIME_ENTERED.match(text, e, sent.end))
        )
    if word == "advance":
        return bool(
            _IN_ADVANCE.search(text, max(sent.start, s - 12), s)
            or _ADVANCE_NOUN_AFTER.match(text, e, sent.end)
        )
    if word == "advanced":
        return bool(
            _ADJECTIVE_BEFORE.search(text, max(sent.start, s - 24), s)
            and _NOUN_AFTER_ADJECTIVE.match(text, e, sent.end)
        )
    return False


FIGURE_TYPES = (EventType.EVACUATION, EventType.DISPLACEMENT)  # events that carry head-counts
GROUND_TYPES = (EventType.ADVANCE, EventType.OFFENSIVE)  # who holds ground, and the fight for it

# An advance told as a noun that the other side held back: "repelled Russian advances near
# X", "halted the enemy's advance on Y", "the advance toward Z was stopped". The attempt is
# fighting (an offensive); no ground changed hands. The verb "advanced" is a gain.
_ADVANCE_NOUNS = frozenset({"advance", "advances"})
_HELD_BACK_BEFORE = re.compile(
    r"\b(?:repel(?:led|s|ling)?|repuls\w+|halt(?:ed|s|ing)?|stop(?:ped|s|ping)?|"
    r"stall(?:ed|s|ing)?|block(?:ed|s|ing)?|thwart(?:ed|s|ing)?|foil(?:ed|s|ing)?|"
    r"fend(?:ed|s|ing)? off|fought off|beat(?:en)? back|held back|hold(?:s|ing)? back|"
    r"held off|contain(?:ed|s|ing)?|blunt(?:ed|s|ing)?|slow(?:ed|s|ing)?|"
    r"(?:against|resist(?:ed|s|ing)?|resistance to))\s+"
    r"(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_HELD_BACK_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,6}?\s+(?:was|were|has been|have been|had been|is being|are being)\s+"
    r"(?:\w+ly\s+)?(?:halted|stopped|repelled|repulsed|thwarted|foiled|blocked|stalled|"
    r"contained|checked|held back|beaten back)\b",
    re.IGNORECASE,
)


# An advance told by its goal: "troops are advancing toward X", "the advance towards Y has
# slowed". The preposition names where the drive is headed, not ground taken there (that is
# "advanced to", "into", "in", "near" X): the push, an offensive, as "pushed toward" is. The
# simple past ("advanced towards X on Sunday") reports ground taken in that direction, and
# "the advance on X", reported after a capture, is that capture: both are left alone.
_GOAL_AFTER = re.compile(
    # "advancing further toward X", "advancing steadily towards Y"
    r"(?:\s+(?:\w+ly|further|farther|deeper))?\s+(?:toward|towards|in\s+the\s+direction\s+of)\b",
    re.IGNORECASE,
)

# ... but the noun told as done at a pace, in the past: "accelerated their advance towards X
# over the week", "had continued its advance toward Y" is ground taken that way, as
# "advanced towards X on Sunday" is (the pace of a push still to come is not: "will speed up")
_PACED_BEFORE = re.compile(
    r"\b(?:accelerated|quickened|sped\s+up|speeded\s+up|stepped\s+up|continued|pressed|"
    r"pushed)\s+(?:on\s+(?:with\s+)?)?(?:their|its|the)\s+(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)

_ON_GOAL_AFTER = re.compile(
    r"(?:\s+\w+ly)?\s+on\s+(?:the\s+\w+\s+of\s+)?(?-i:[A-Z])", re.IGNORECASE
)


def _held_back(text: str, sent: Sentence, s: int, e: int) -> bool:
    """Whether the noun "advance(s)" at ``s:e`` is what the other side repelled or halted."""
    return bool(
        _HELD_BACK_BEFORE.search(clause_tail(text, max(sent.start, s - 60), s))
        or _HELD_BACK_AFTER.match(clause_head(text, e, min(sent.end, e + 80)))
    )


# Who does what the strike verbs of wire copy (TRIGGERS) tell: an armed side, or the weapon
# itself and what is left of it
_ARMED_SIDE = re.compile(
    r"\b(?:occupiers|occupying|invaders|enem(?:y|y's|ies)|aggressor|russians|russia|"
    r"russian|ukrainians|forces|troops|army|military|units|artillery|drones?|missiles?|"
    r"rockets?|shells?|bombs?|projectiles?|munitions?|shahed|shaheds|uavs?|mortars?|"
    r"debris|fragments|wreckage|shrapnel)\b",
    re.IGNORECASE,
)
# The same side right before a verb of damage, its subject: "the Russian occupiers damaged",
# "the enemy has also wrecked", "they damaged" (after that side in the sentence)
_ARMED_SUBJECT = re.compile(
    r"(?:\b(?:occupiers|invaders|enemy|aggressor|russians|russia|forces|troops|army|military|"
    r"units|artillery|drones?|missiles?|rockets?|shells?|bombs?|debris|fragments|they)"
    r"|\bshelling)(?:\s+(?:[a-z]+ly|also|again|then|have|has|had))*\s+$",
    re.IGNORECASE,
)
_SIDE_VERBS = ("damaged", "wrecked")
# The attacking side right before "sent a drone to X": the enemy, a state at war or an
# army (allies send missiles to Kyiv, volunteers send drones to the front)
_SENDING_SIDE = re.compile(
    r"\b(?:occupiers|invaders|enemy|aggressor|russians|russia|ukraine|ukrainians|troops|"
    r"forces|army|military|units|they)(?:\s+(?:[a-z]+ly|also|again|then|have|has|had))*\s+$",
    re.IGNORECASE,
)
# What the present "shells" takes: a place's name, or "the" before its kind or its name
_SHELLED_OBJECT = re.compile(r" (?:the |[A-Z])")
# The side that shells, right before the verb in the present: "Russia shells", "Russian troops
# shell", "the enemy again shells"
_SHELLING_SIDE = re.compile(
    r"\b(?:occupiers|invaders|enemy|aggressor|russians|russia|ukraine|forces|troops|army|"
    r"military|units|they)(?:\s+(?:[a-z]+ly|also|again|now|still|continues? to))*\s+$",
    re.IGNORECASE,
)
# Troops or their advance, for ground told by its depth
_GROUND_GAINED = re.compile(
    r"\b(?:troops|forces|army|units|soldiers|advanc\w*|push\w*|incursion|offensive)\b",
    re.IGNORECASE,
)
# A town's name right after a verb of entering: "broke into Kupiansk", "into the town of X"
_NAME_NEXT = re.compile(r"\s+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?[A-Z]")
# A capitalised name right after a word (no "the" between): "the liberated Kherson"
_PROPER_NAME_NEXT = re.compile(r"\s+(?-i:[A-Z])[\w'’-]")
_WIRE_VERBS = ("pound", "hammer", "rain", "crash", "land", "fell", "fall", "used")
_WEAPON_TYPES = ("kab", "fab", "shahed")  # a weapon named is a strike, whoever sent it


def _strike_verb_of_war(text: str, sent: Sentence, word: str, s: int) -> bool:
    """Whether a verb that tells a strike only in war is told of one here.

    "The Russian occupiers damaged a power line": the verb of damage needs an armed side as
    its subject ("they" after one); "artillery pounded the town", "debris fell on a house":
    the other strike verbs of wire copy need a weapon or an armed side in the clause before
    them. Other strike words pass.
    """
    if word.startswith(("sent ", "directed ")):
        return _SENDING_SIDE.search(text, max(sent.start, s - 40), s) is not None
    if word.startswith(_SIDE_VERBS):
        m = _ARMED_SUBJECT.search(text, max(sent.start, s - 40), s)
        if m is None:
            return False
        if m.group().lower().startswith("they"):
            return _ARMED_SIDE.search(text, sent.start, m.start()) is not None
        return True
    if word in ("shell", "shells"):
        return (
            _SHELLING_SIDE.search(text, max(sent.start, s - 40), s) is not None
            and _SHELLED_OBJECT.match(text, s + len(word)) is not None
        )
    if word.startswith(_WIRE_VERBS):
        return _ARMED_SIDE.search(clause_tail(text, max(sent.start, s - 80), s)) is not None
    return True


@dataclass(slots=True)
class Trigger:
    """An event word found in a sentence."""

    type: EventType
    start: int  # absolute offsets
    end: int
    text: str


# What marks a state of control (CONTROL_HELD) as news: the words just before it ("now in
# control of", "entirely under the control of", "back under the Ukrainian flag") or after it
# ("under the Ukrainian flag again").
_CONTROL_MARK_BEFORE = re.compile(
    r"\b(?:now|again|entirely|completely|fully|back|returned(?:\s+to)?)\s+$", re.IGNORECASE
)
_CONTROL_MARK_AFTER = re.compile(r"\s+(?:once\s+)?(?:again|more)\b", re.IGNORECASE)


# What a bare "occupied" took (CONTROL_HELD): a name, or "the village of" and a name.
# A side's adjective opens what troops hold ("occupied Ukrainian positions near X"), no name.
_OCCUPIED_NAME = re.compile(
    r" (?:the (?:villages?|towns?|city|settlements?) of )?"
    r"(?!(?:Ukrainian|Russian|Ukraine's|Russia's|Kyiv's|Moscow's|enemy)\b)[A-ZА-ЯІЇЄҐ]"
)


def _unmarked_control(text: str, sent: Sentence, s: int, e: int) -> bool:
    """Whether a state of control is how things stand, not news of a change.

    "Both towns remain under Ukrainian control", "the situation is under control": no word
    before or after it says the control is new or whole.
    """
    return not (
        _CONTROL_MARK_BEFORE.search(text, max(sent.start, s - 16), s)
        or _CONTROL_MARK_AFTER.match(text, e, sent.end)
    )


# A word or three in quotation marks is the reporter's mark on a side's wording ('its forces
# "liberated" X', 'had "taken control" of Y', 'troops "repelled" attacks'), not a speaker's
# account: only a quoted clause is direct speech. The marks may split an event phrase.
# The opening mark is matched first and the character before it looked at after (no letter
# or apostrophe before it): a pattern that opens with a class lets the engine skip ahead to a
# quotation mark instead of trying every position of every sentence.
_SCARE_QUOTED = re.compile(
    r"[\"“‘'](?<![\w'’][\"“‘'])([^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){0,2})[\"”’'](?!\w)"
)


# After a capture's noun or a state of control: a town ("the villages of", "Ivanivka").
_A_TOWN_NEXT = re.compile(
    r"\s*(?:the\s+)?(?:(?:[\w'’-]+\s+){0,3}?(?:villages?|towns?|cit(?:y|ies)|settlements?|"
    r"hamlets?)\b|[A-ZА-ЯІЇЄ])"
)
# What troops cleared: the enemy ("the village of X of Ukrainian units"), or a town with
# nothing after it that it was cleared of ("cleared Novoselivka", "the town of Y").
_CLEARED_OF_ENEMY = re.compile(
    r"\s+(?:[\w'’-]+\s+){1,8}?of\s+(?:the\s+)?(?:remaining\s+|last\s+)?(?:ukrainian|russian|"
    r"enemy|occupiers|occupying|invaders|militants|nationalists)",
    re.IGNORECASE,
)
_CLEARED_TOWN = re.compile(
    r"[\"”’']?\s+(?:the\s+(?:[\w'’-]+\s+){0,2}(?:city|town|village|settlement)\s+of\s+)?"
    r"[A-ZА-ЯІЇЄ][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?P<of>\s+of\b)?"
)
_HELD_WHOLE = ("in ", "has ", "had ", "have ", "having ", "won ")
_THEIR_HOMES = re.compile(r"\s*(?:their|his|her|its)\s+(?:homes?|houses?|land)\b", re.IGNORECASE)
# Who was driven: the enemy or troops named between the verb and "from"
_DRIVEN_OUT = re.compile(
    r"\b(?:troops|forces|units|soldiers|servicemen|fighters|militants|enemy|occupiers|"
    r"invaders|russians|ukrainians|them|garrison|formations|brigades?)\b",
    re.IGNORECASE,
)
_PASSIVE_NEXT_TO = re.compile(r"\b(?:been|were|was|are|is|be|being)\s+$", re.IGNORECASE)


def find_triggers(
    text: str, sent: Sentence, quoted: list[tuple[int, int]], *, order_told: bool = False
) -> list[Trigger]:
    """The factual event words of a sentence, outside direct speech.

    ``order_told``: the article has already reported an evacuation order, so an evacuation
    told in the future passive ("will be evacuated from A") is that order's scope. A gain or
    a fight in scare quotes is read as if unmarked.
    """
    quoted = [(a, b) for a, b in quoted if not _SCARE_QUOTED.fullmatch(text, a, b)]
    marks = list(_SCARE_QUOTED.finditer(sent.text))
    if not marks:
        return _find_triggers_in(text, sent, quoted, order_told=order_told)
    # the text without the marks; cut: where each removed mark stood in that text
    cut = sorted(sent.start + i for m in marks for i in (m.start(), m.end() - 1))
    pieces, last = [], sent.start
    for c in cut:
        pieces.append(text[last:c])
        last = c + 1
    plain_sent = "".join(pieces) + text[last : sent.end]
    plain = text[: sent.start] + plain_sent + text[sent.end :]
    at = [c - j for j, c in enumerate(cut)]  # the removed marks' places in the plain text

    def back(i: int) -> int:
        return i + bisect_right(at, i)

    def ahead(i: int) -> int:
        return i - bisect_right(cut, i - 1) if sent.start <= i else i

    inner = [(ahead(a), ahead(b)) for a, b in quoted]
    found = _find_triggers_in(
        plain,
        Sentence(sent.start, sent.start + len(plain_sent), plain_sent),
        inner,
        order_told=order_told,
    )
    found = [replace(t, start=back(t.start), end=back(t.end - 1) + 1) for t in found]
    spans = [(sent.start + m.start(), sent.start + m.end()) for m in marks]
    if any(
        t.type in GROUND_TYPES and any(t.start < b and a < t.end for a, b in spans) for t in found
    ):
        return found
    # quotes around a strike's words mark a description ("heavy fire", "indiscriminate
    # attacks"), not a side's wording of a gain or a fight: the sentence is read as written
    return _find_triggers_in(text, sent, quoted, order_told=order_told)


def _find_triggers_in(
    text: str, sent: Sentence, quoted: list[tuple[int, int]], *, order_told: bool = False
) -> list[Trigger]:
    """find_triggers on a text whose scare quotes are taken out."""
    out = []
    timed: list[tuple[int, int]] = []  # gains told as a clause of time: (start, clause start)
    low = ascii_lower(text)
    slow = caseless_lower(sent.text)
    if slow is not None:  # no Cyrillic then
        matches = list(_TRIGGER_LOW.finditer(slow))
    else:
        matches = list(_TRIGGER_RE.finditer(sent.text))
        if _CYRILLIC.search(sent.text):
            matches += _TRIGGER_CYR_RE.finditer(sent.text)
    for m in matches:
        s, e = sent.start + m.start(), sent.start + m.end()
        if quoted and any(a <= s < b for a, b in quoted):
            continue  # words inside direct speech are the speaker's, not the reporter's
        etype = _GROUP_TYPE[m.lastgroup]
        word = m.group().lower()
        if word.endswith("ground") and not word.startswith("gain") and not _ARMED.search(sent.text):
            continue  # "the party lost ground in the polls": ground given up is an army's
        if word.endswith(_CLAIMED_GAIN_ENDS) and not (
            _ARMED.search(sent.text) or _HOSTILE.search(sent.text)
        ):
            continue  # "the plan moved forward", "improved its position in the polls"
        if word == "where they discussed" and not _TWO_SIDES.search(sent.text):
            continue  # ministers discussing aid in Brussels are no talks of the two sides
        if (
            etype is EventType.ADVANCE
            and word.startswith("under ")
            and _unmarked_control(text, sent, s, e)
        ):
            continue  # "both towns remain under Ukrainian control": how things stand
        if (
            etype is EventType.OFFENSIVE
            and word.startswith(("lost ", "losses "))
            and not _LOSSES_NAME.match(text, e, sent.end)
        ):
            continue  # "lost 240 servicemen and around 20 drones": a tally, no village named
        if (
            word == "occupied"
            and etype is EventType.ADVANCE
            and not text.startswith(" by", e)  # the passive's agent ("was occupied by")
            and not _OCCUPIED_NAME.match(text, e)
        ):
            continue  # "troops occupied new positions", "the land Russian forces occupied in 2022"
        if word in ("clashed", "clashing", "fought") and not _army_before(text, sent, s):
            continue  # "protesters clashed with police in X", "veterans who fought in Y"
        if (
            etype is EventType.OFFENSIVE
            and (
                word.startswith(("assaulted", "assaulting", "mov", "approach"))
                or word.endswith("to enter")
            )
            and not (
                _ARMY_MET.search(tail := clause_tail(text, max(sent.start, s - 80), s))
                or _ENEMY_MET.search(tail)
                # the passive: "X, which is being assaulted by the Russian military"
                or (word == "assaulted" and _BY_ARMY_AFTER.match(text, e, sent.end))
            )
        ):
            # "a man assaulted a guard in X", "families moved towards the border", "residents
            # tried to enter the town": no army
            continue
        if (
            etype is EventType.ADVANCE
            and (
                word.startswith(("now control", "fully control", "completely control", "takeover"))
                or (word.startswith(_HELD_WHOLE) and word.endswith((" of", " over")))
            )
            and not (_A_TOWN_NEXT.match(text, e) or _TAKE_THE_TOWN.match(text, e))
        ):
            continue  # "now controls the skies", "the takeover of the company": no town taken
        if word in ("cleared", "clearing") and not (
            _CLEARED_OF_ENEMY.match(text, e)
            or (
                (town := _CLEARED_TOWN.match(text, e, sent.end))
                and not town.group("of")
                and _army_before(text, sent, s)
            )
        ):
            continue  # "crews cleared the rubble", "cleared the town of X of mines"
        if word.startswith(("drove", "driven", "dislodg")) and word.endswith(" from"):
            if _THEIR_HOMES.match(text, e):
                continue  # "families driven from their homes": people who fled
            if not (
                _DRIVEN_OUT.search(word)
                or (
                    _PASSIVE_NEXT_TO.search(text, max(sent.start, s - 12), s)
                    and _army_before(text, sent, s)
                )
            ):
                continue  # "we drove from X to Y", "the fire was driven from the hills"
        if word.startswith("breakthrough") and not _BREAKTHROUGH_OF_WAR.search(sent.text):
            continue  # "a breakthrough in the talks in X", "a medical breakthrough"
        if word.startswith(("suffer", "sustain")) and _NATURAL.search(sent.text):
            continue  # "the town suffered heavy damage in the floods": no strike
        if word.startswith("destr") and not (
            _ARMED.search(sent.text)
            or _WEAPON.search(sent.text)
            or "enemy" in sent.text
            or _strike_verb_of_war(text, sent, "damaged", s)  # "the occupiers destroyed"
        ):
            continue  # "the flood destroyed homes in X": a building wrecked by war only
        if (
            etype is EventType.NEGOTIATION
            and _ALLIES.search(sent.text)
            and not _RUSSIAN_SIDE.search(sent.text)
        ):
            continue  # "met its Western partners at a summit in X": one side's allies met
        if word in {"met", "convened"} and not _DIPLOMATIC.search(sent.text):
            continue  # "met" is a negotiation only between delegations, ministers, envoys
        if word.endswith(("removed from", "brought out from")) and not _PEOPLE_RIGHT_BEFORE.search(
            text, max(sent.start, s - 40), s
        ):
            continue  # "debris was removed from the road": people taken to safety only
        if word.startswith("relocat") and not _PEOPLE_SUBJECT.search(sent.text):
            continue  # "relocated its headquarters": people moved to safety, or nothing
        if word.startswith("meeting") and not _TALKS.search(sent.text):
            continue  # a meeting is talks only between delegations, envoys, negotiators
        if (
            etype is EventType.DISPLACEMENT
            and word == "displaced"
            and _FOR_THE_DISPLACED.search(text, max(sent.start, s - 40), s)
        ):
            continue  # "a reception point for the displaced": whom it serves
        if (
            etype is EventType.DISPLACEMENT
            and word == "leaving"
            and not _PEOPLE_LEAVING.search(text, max(sent.start, s - 40), s)
        ):
            continue  # "troops leaving the city", "leaving no one unhurt"
        if (
            etype is EventType.ADVANCE
            and word in {"captured", "seized"}
            and _TEMPORARILY_BEFORE.search(text, max(sent.start, s - 20), s)
        ):
            continue  # "the temporarily captured territory": occupied land, not a new gain
        if word.startswith(_CYR_LEAVING) and not _CYR_PEOPLE.search(sent.text):
            continue  # "виїхали" of troops or trains; people leaving are displaced
        if (
            etype is EventType.EVACUATION
            and word.endswith((" to", " out"))  # MOVED_TO, MOVED_OUT
            and not _PEOPLE_SUBJECT.search(text, sent.start, s)
        ):
            continue  # "troops were moved to", "the plant was transferred to": no one evacuated
        if (
            etype is EventType.DISPLACEMENT
            and word.startswith(("fle", "forced to flee"))
            and _TROOPS_FLEEING.search(clause_tail(text, max(sent.start, s - 80), s))
        ):
            etype = EventType.ADVANCE  # "the forces were forced to flee X": a retreat
        if (
            etype is EventType.DISPLACEMENT
            and word.endswith("left")
            and _TRANSPORT_LEFT.search(clause_tail(text, max(sent.start, s - 80), s))
        ):
            etype = EventType.EVACUATION  # "a convoy of buses carrying 300 people left X"
        elif etype is EventType.DISPLACEMENT and word.endswith("left"):
            if not _PEOPLE_SUBJECT.search(text, sent.start, s):
                continue  # "troops had left the town" is a withdrawal, not people fleeing
            if word == "left" and not _PEOPLE_RIGHT_BEFORE.search(text, max(sent.start, s - 30), s):
                continue  # bare "left" only right after its people: "350 people left the town"
            if word == "left" and (
                (_REMAINING_AFTER.match(text, e, sent.end) and not OWN_MEANS_AFTER.match(text, e))
                or _THERE_ARE_BEFORE.search(text, max(sent.start, s - 60), s)
            ):
                continue  # "only two residents left in the village": who remains, not a flight
        if etype is EventType.STATEMENT and (
            _PASSIVE_BEFORE.search(text, max(sent.start, s - 20), s)
            or any(
                o.type is EventType.EVACUATION and not _CLAUSE_MARK.search(text, o.end, s)
                for o in out
            )
        ):
            # "evacuation was announced in Balakliia", a headline's "Evacuation of families
            # announced in ...": the news is the evacuation
            continue
        if (
            etype is EventType.ADVANCE
            and word.startswith("captur")
            and (m := _CAPTIVES_BEFORE.search(clause_tail(text, max(sent.start, s - 60), s)))
            and (m.group("passive") or _CAPTIVE_AFTER.match(text, e))
        ):
            continue  # prisoners taken, not ground
        if (
            etype is EventType.ADVANCE
            and word.startswith("captur")
            and _CAPTIVES_OBJECT.match(text, e, sent.end)
        ):
            etype = EventType.OFFENSIVE  # "captured 40 soldiers near X": a clash, no ground
        if (
            etype is EventType.ADVANCE
            and word in _ADJECTIVE_PARTICIPLES
            and (
                # (with its adverb: "the recently liberated villages near X")
                _THE_BEFORE.search(text, max(sent.start, s - 28), s)
                # "go back to recaptured towns of the oblast": after a preposition too
                or _PREPOSITION_BEFORE.search(text, max(sent.start, s - 12), s)
                or _RECENTLY_BEFORE.search(text, max(sent.start, s - 12), s)
            )
            and _HELD_NOUN_AFTER.match(text, e, sent.end)
        ):
            continue  # "in the liberated city of Kherson": which city, not news of its taking
        if (
            etype is EventType.ADVANCE
            and word in _ADJECTIVE_PARTICIPLES
            and _THE_BEFORE.search(text, max(sent.start, s - 28), s)
            and _PROPER_NAME_NEXT.match(text, e)
        ):
            continue  # "visited the liberated Kherson": the article makes it an adjective
        if (
            etype is EventType.ADVANCE
            and word.rstrip() in {"take", "takes", "took", "taking"}
            and not _takes_a_town(text, sent.start, s, e)
        ):
            continue  # "took part", "Kyiv took Washington by surprise": no capture
        if (
            etype is EventType.ADVANCE
            and word.endswith("taken")
            and word != "taken"  # the passive's own phrase checks its clause (TRIGGERS)
            # "said the village had been taken.": a passive told in the perfect is checked
            # as the plain passive is
            and not (word.endswith("been taken") and _PASSIVE_TAKEN_AFTER.match(text, e))
            and not _ARMY_BEFORE.search(text, max(sent.start, s - 30), s)
            and not _PASSIVE_BEFORE.search(text, max(sent.start, s - 20), s)
            and not _TAKEN_GROUND.match(text, e, sent.end)
        ):
            continue  # "the wounded have taken buses": ground is taken by troops, or named
        if (
            etype is EventType.OFFENSIVE
            and (word.startswith("crossed") or word.endswith("border"))
            and _PEOPLE_SUBJECT.search(text, max(sent.start, s - 80), s)
        ):
            continue  # "thousands of people crossed into Moldova": refugees, not an incursion
        if (
            etype is EventType.OFFENSIVE
            and word.startswith("assault")
            and _AIR_BEFORE.search(text, max(sent.start, s - 20), s)
        ):
            etype = EventType.ATTACK  # "an air assault on Kyiv": a strike from afar
        if (
            etype is EventType.OFFENSIVE
            and word.startswith("surround")
            and not _ARMY_BEFORE.search(text, max(sent.start, s - 30), s)
            and not _TROOPS_PASSIVE_BEFORE.search(text, max(sent.start, s - 80), s)
        ):
            continue  # "the surrounding villages", "countries surrounding Ukraine"
        if etype is EventType.ADVANCE and (
            (
                word.startswith(_PUSHED_BACK)
                and word.endswith("back")  # "pushed them out of X", "pushed into X": ground
                and not _BACK_FROM.match(text, e, sent.end)
                # "the invaders were pushed back near X": the side that lost
                # ground is the subject of the passive, the ground changed hands
                and not (
                    word.split()[-1] == "back"
                    and len(word.split()) == 2
                    and _PASSIVE_BEFORE.search(text, max(sent.start, s - 20), s)
                )
            )
            or (
                (word in _ENCIRCLE or (word == "encirclement" and _ENCIRCLEMENT_OF.match(text, s)))
                and not _COMPLETED.search(text, max(sent.start, s - 20), s)
            )
            or (word.startswith(_PUSHING_BACK) and word.endswith("back"))
        ):
            etype = EventType.OFFENSIVE
        if word == "abandoned" and _PEOPLE_ABANDONING.search(text, max(sent.start, s - 40), s):
            continue  # "families abandoned the village of X": people fleeing, no withdrawal
        if etype is EventType.ADVANCE and word in _ADVANCE_NOUNS and _held_back(text, sent, s, e):
            etype = EventType.OFFENSIVE  # "repelled Russian advances near X": fighting, no gain
        if (
            etype is EventType.ADVANCE
            and word.startswith("advanc")
            and word != "advanced"  # "advanced towards X on Sunday": ground taken that way
            and not (word == "advance" and _PACED_BEFORE.search(text, max(sent.start, s - 40), s))
            and (
                _GOAL_AFTER.match(text, e, sent.end)
                # "troops are advancing on X": the town is where the drive goes, not yet taken
                or (word == "advancing" and _ON_GOAL_AFTER.match(text, e, sent.end))
            )
        ):
            etype = EventType.OFFENSIVE  # "advancing toward X": the push, no ground taken
        if (
            etype is EventType.ADVANCE
            and _HELD_STATE.search(word)
            and _SINCE_AFTER.match(clause_head(text, e, min(sent.end, e + 100)))
        ):
            continue  # "has occupied parts of X since 2014": how long a state has lasted
        if etype is EventType.ADVANCE and _not_ground(text, sent, word, s, e):
            continue  # "seized assets", "captured footage", "advanced weapons", "in advance"
        if word.endswith(" into") and word.startswith("br") and not _NAME_NEXT.match(text, e):
            continue  # "broke into a house", "broke into tears": no town entered
        if word.startswith("restored") and not _NAME_NEXT.match(text, e):
            continue  # "restored control over traffic": only a town named is ground regained
        if word.startswith(("kilomet", "km", "mile")) and not _GROUND_GAINED.search(sent.text):
            continue  # "a convoy 20 km into the region": only troops' ground
        if (
            etype is EventType.DISPLACEMENT
            and word.endswith("to leave")
            and not _PEOPLE_SUBJECT.search(text, sent.start, s)
        ):
            continue  # "troops began to leave": a withdrawal, told elsewhere
        if (
            etype is EventType.ATTACK
            and word == "land "
            and _LAND_NOUN_BEFORE.search(text, max(sent.start, s - 16), s)
        ):
            continue  # "150 square kilometres of land in X", "the occupied land near Y"
        if etype is EventType.ATTACK and _in_support(text, sent, s):
            continue  # "attacked near X, backed by drones": the assault's fire support
        if etype is EventType.ATTACK and not _strike_verb_of_war(text, sent, word, s):
            continue  # "the flood damaged homes", "prices fell on Monday", "a plane landed in X"
        if etype is EventType.ATTACK and word.startswith("drone") and _DRONE_MEDIA.match(text, e):
            continue  # "drone footage showed armoured vehicles": a camera, not a strike
        if (
            etype is EventType.EVACUATION
            and word.endswith("ing")
            and _WHO_WERE_BEFORE.search(text, max(sent.start, s - 30), s)
        ):
            continue  # "killed civilians who had been evacuating": whom a strike hit, no event
        if (
            etype is EventType.EVACUATION
            and word.startswith("humanitarian corridor")
            and "evacuat" not in sent.text.lower()
        ):
            continue  # "no progress on a corridor from X": only one the sentence says was used
        if etype is EventType.EVACUATION and _NO_EVACUATION.search(
            clause_tail(text, max(sent.start, s - 60), s)
            + "\x00"
            + clause_head(text, e, min(sent.end, e + 60))
        ):
            continue  # trains cancelled, a station closed, buses fired at: no one evacuated
        clause = clause_tail(text, max(sent.start, s - 50), s)
        if etype is EventType.EVACUATION and (
            (k := future_order(text, sent, clause, e, order_told=order_told)) >= 0
        ):
            clause = clause[:k]  # "will be forcibly evacuated from A": the order's places
        lowered = caseless_lower(clause)  # for the words and twins below (may_hold)
        if (
            _non_factual(clause, lowered)
            or (
                etype is not EventType.EVACUATION
                and may_hold(_ASKED_OF_WORDS, lowered)
                and _ASKED_OF.search(clause)
            )
            or (may_hold(_CONDITION_WORDS, lowered) and _CONDITION_BEFORE.search(clause))
        ) or (
            etype is not EventType.STATEMENT
            and _non_factual_after(text, low, e, sent.end)
            and not (
                etype is EventType.EVACUATION
                and _order_scope_after(text, sent, e, order_told=order_told)
            )
        ):
            continue  # negated, planned or hoped-for: context, not an event
        if (
            etype is EventType.ADVANCE
            and word.startswith(_ORDERED_GAIN_WORDS)
            and _ORDERED_GAIN.search(clause)
        ):
            continue  # "ordered his army to seize all of X": an aim, not a gain
        if etype is not EventType.STATEMENT and _AIM_AFTER.match(text, e, sent.end):
            continue  # "the capture of Donbas remains a priority": an aim, not a happening
        if etype is not EventType.STATEMENT and _after_if_then(text, sent, s, e):
            continue  # "If true, the step would be the first push into X": not news
        if etype in GROUND_TYPES and _gerund_time(text, sent, word, s, e):
            continue  # "since capturing X, ...", "after abandoning an assault on Y": a time
        if etype is EventType.ADVANCE and (k := _clause_time(text, sent, word, s, e)) is not None:
            timed.append((s, k))  # "..., after the brigade freed X": a time, if ...
        if (
            etype is EventType.ADVANCE
            and _AFTERMATH_NOUN.match(word)
            and _AFTERMATH_BEFORE.search(text, max(sent.start, s - 60), s)
            and not _TOLD_DAY_AFTER.match(text, e, sent.end)
        ):
            continue  # "regrouping after the fall of X": an undated capture as a time, told
        if (
            etype is EventType.ADVANCE
            and _HAVING_BEFORE.search(text, max(sent.start, s - 30), s)
            and not _TOLD_DAY_AFTER.match(text, e, sent.end)
        ):
            continue  # "having seized Y, ...": an undated gain as a time, told
        if (
            etype is EventType.OFFENSIVE
            and word.startswith("incursion")
            and _AIRSPACE.search(text, max(sent.start, s - 30), min(sent.end, e + 50))
        ):
            continue  # "a drone incursion into its airspace": no troops on the ground
        if word.startswith(("liquidation", "elimination")) and _names_strike_weapon(sent.text):
            continue  # "a missile strike led to the elimination of 30 fighters": the strike's
        if etype is EventType.OFFENSIVE and _INTENT_AFTER.match(text, e, sent.end):
            continue  # "offensive intentions near X", "assault plans": what is meant, not done
        if (
            etype is EventType.ATTACK
            # a strike verb stays a strike, "continues to shell the region" too
            and not word.startswith(
                (
                    "hit",
                    "struck",
                    "striking",
                    "targeted",
                    "targeting",
                    "fired",
                    "wounded",
                    "explosion",
                )
            )
            # "the enemy damaged", "the enemy dropped two KABs": a strike
            and not word.startswith((*_SIDE_VERBS, *_WIRE_VERBS, *_WEAPON_TYPES, "destr"))
            and not word.endswith(" shell")
            and (
                (
                    (
                        ground := (
                            _GROUND_ATTACK_LOW.search(low, max(sent.start, s - 30), s)
                            if low is not None
                            else _GROUND_ATTACK.search(text, max(sent.start, s - 30), s)
                        )
                    )
                    and not _MONTH_BEFORE.search(text, max(0, s - 30), s)  # past a "Sept." split
                    and not (
                        # "another enemy attack on X ended in tragedy": one attack on a
                        # town, told by who made it, is a strike on the town
                        # and so is "the enemy attacked X, wounding two" (the verb)
                        word in ("attack", "attacked")
                        and _ENEMY_ONLY.fullmatch(ground.group())
                        and (
                            _ON_TOWN.match(text, e)
                            or _TOLL_WORD.search(sent.text)
                            or (word == "attacked" and _TOWN_OBJECT.match(text, e))
                        )
                    )
                    and not (
                        word == "attack"
                        and _LAUNCHED_ONE.fullmatch(ground.group())
                        and _TOLL_WORD.search(sent.text)
                    )
                    and not (
                        # "launched 100 attacks against X Oblast, killing one": a governor's
                        # count of the day's strikes on his region or town, told with its toll
                        word == "attacks"
                        and _LAUNCHED_MANY.fullmatch(ground.group())
                        and _ON_TOWN.match(text, e)
                        and _TOLL_WORD.search(text, e, sent.end)
                    )
                    # "launched 90 attacks on the X region, killing a man and injuring 12
                    # people": a day's strikes with the civilians they hurt
                    and not (word == "attacks" and _PEOPLE_HURT_AFTER.match(text, e, sent.end))
                )
                or (word.startswith("attack") and _TIMES_AFTER.match(text, e, sent.end))
                or (word.startswith("attack") and _POSITIONS_AFTER.match(text, e, sent.end))
                or (word.startswith("attack") and _GROUND_AFTER.match(text, e, sent.end))
                or (word.startswith("attack") and _REPELLED_AFTER.match(text, e, sent.end))
                or (word.startswith("attack") and _ground_maker(text, sent, s, e))
                or (
                    word.startswith("attack")
                    and _GROUND_LATER.match(clause_head(text, e, min(sent.end, e + 120)))
                )
            )
            and not _names_strike_weapon(sent.text)
            # "16 ударних БпЛА": drones, counted (not "17 атак ... при поддержке авиации")
            and not _CYR_WEAPON.search(text, max(sent.start, s - 40), min(sent.end, e + 40))
        ):
            # "launched 10 attacks", "a ground attack"; a strike verb stays a strike: "the
            # enemy hits the town's infrastructure"
            etype = EventType.OFFENSIVE
        if (
            etype is EventType.OFFENSIVE
            and _LAUNCHED_ATTACK.fullmatch(word)
            and _TOLL_WORD.search(sent.text)
            and not _GROUND_LATER.match(clause_head(text, e, min(sent.end, e + 120)))
        ):
            etype = EventType.ATTACK  # "launched an attack on X, killing two": a strike
        if etype is EventType.OFFENSIVE and _made_with_a_weapon(text, sent, word, s, e):
            etype = EventType.ATTACK  # "launched an attack on X with glide bombs": a strike
        if (
            etype is EventType.ATTACK
            and word.startswith("атак")
            and not _CYR_WEAPON.search(sent.text)
            and not _CYR_STRIKE_ON.match(text, e)  # "атака по Запоріжжю": a strike on a city
            and not (
                word.lower().startswith(_CYR_ATTACK_VERB)
                and _CYR_ATTACK_OBJECT.match(text, e)
                and not _CYR_GROUND.search(sent.text)
            )
        ):
            etype = EventType.OFFENSIVE  # "12 раз атаковал в районах ...", "відбили 9 атак"
        out.append(Trigger(etype, s, e, word))
    if timed:
        # ... another happening is told before the clause: the gain only dates it
        told = [t.start for t in out if t.type is not EventType.STATEMENT]
        out = [
            t for t in out if not any(t.start == g and any(x < k for x in told) for g, k in timed)
        ]
    if any(t.type is EventType.ADVANCE for t in out):
        # "в ходе наступления освобождены X и Y", "as a result of successful actions
        # liberated X": the offensive frames the gain it reports
        out = [
            t
            for t in out
            if not (
                t.type is EventType.OFFENSIVE
                and (
                    _CYR_FRAME_BEFORE.search(text, max(sent.start, t.start - 20), t.start)
                    or _FRAME_BEFORE.search(text, max(sent.start, t.start - 50), t.start)
                )
            )
        ]
    if any(t.type is EventType.OFFENSIVE for t in out) and (
        _AIR_DEFENCE.search(sent.text) or _STRIKE_REPELLED.search(sent.text)
    ):
        out = _repelled_from_the_air(text, sent, out)
    return out


# "troops repelled a Russian drone attack on X", "fought off a missile and drone raid": what
# is repelled is named by its weapon, a strike from afar, whoever repels it.
_STRIKE_REPELLED = re.compile(
    r"\b(?:repel\w*|repuls\w*|fought\s+off|fended\s+off|beat\s+off)\s+(?:(?:a|an|the|another)\s+)?"
    r"(?:(?:massive|massed|large-scale|combined|major|new|night|nighttime|overnight|russian|"
    r"ukrainian|enemy|hostile)\s+){0,2}(?:drones?|missiles?|rockets?|air|aerial|uavs?|shahed\w*|"
    r"kamikaze)(?:\s+and\s+(?:drones?|missiles?|rockets?|uavs?))?\s+(?:attacks?|strikes?|raids?)\b",
    re.IGNORECASE,
)


# "air defences repelled the attack on X", "the attack was repulsed by the city's air
# defence": what air defence repels is a strike from the air, not ground fighting.
_AIR_DEFENCE = re.compile(r"\b(?:air[\s-]defen[cs]es?|anti-aircraft)\b", re.IGNORECASE)
_REPEL_WORD = re.compile(r"\b(?:repel|repuls)", re.IGNORECASE)
_AIR_REACH = 80  # characters either side of the trigger


def _air_defence_repels(text: str, sent: Sentence, t: Trigger) -> bool:
    """Whether air defence, in the trigger's own clause, repels what the trigger names.

    So is a strike named by its weapon that the trigger's verb repels ("troops repelled a
    drone attack"), whoever repels it.
    """
    if _STRIKE_REPELLED.match(text, t.start, min(sent.end, t.end + _AIR_REACH)):
        return True
    lo, hi = max(sent.start, t.start - _AIR_REACH), min(sent.end, t.end + _AIR_REACH)
    for m in _AIR_DEFENCE.finditer(text, lo, hi):
        a, b = min(t.start, m.start()), max(t.end, m.end())
        # "Air defence downed drones over X, while troops repelled assaults near Y": another
        # clause, another fight
        if not _CLAUSE_MARK.search(text, a, b) and _REPEL_WORD.search(text, a, b):
            return True
    return False


def _repelled_from_the_air(text: str, sent: Sentence, out: list[Trigger]) -> list[Trigger]:
    """Read an assault that air defence repels as the strike it is (or drop it beside one)."""
    strike = any(t.type is EventType.ATTACK for t in out)
    kept = []
    for t in out:
        if t.type is EventType.OFFENSIVE and _air_defence_repels(text, sent, t):
            if strike:
                continue  # the strike word of the sentence tells it already
            t = replace(t, type=EventType.ATTACK)
        kept.append(t)
    return kept


def names_weapon(sentence: str) -> bool:
    """Whether a sentence names a weapon of a strike from afar (missile, drone, shelling...)."""
    return _names_strike_weapon(sentence)


# A strike participle after counted attacks: "fired 40 attacks, targeting the villages of A and
# B" tells what the attacks were, not a second (ground) happening at A and B.
_STRIKE_PARTICIPLE = ("targeting", "hitting", "striking", "shelling")


def _strikes_not_assaults(found: list) -> list:
    """Drop an "attacks" offensive's places that a strike participle after it claims."""
    struck = {
        p.place.place_id: t.start
        for t, ps in found
        if t.type is EventType.ATTACK and t.text.lower().startswith(_STRIKE_PARTICIPLE)
        for p in ps
    }
    if not struck:
        return found
    out = []
    for trig, places in found:
        if trig.type is EventType.OFFENSIVE and trig.text.lower().startswith("attack"):
            places = [p for p in places if struck.get(p.place.place_id, -1) < trig.end]
            if not places:
                continue
        out.append((trig, places))
    return out


def coerce_types(found: list, triggers: list[Trigger], text: str = "") -> list:
    """Let evacuation win over displacement, and a strike over the attacks it tells.

    In "had left Pokrovsk on evacuation trains" the transport makes the leaving an evacuation;
    in "launched 40 attacks, targeting the villages of A and B" the attacks are strikes.
    People who "left by their own cars" beside those evacuated fled without the transport:
    that leaving stays a flight.
    """
    found = _strikes_not_assaults(found)
    evac = any(t.type is EventType.EVACUATION for t in triggers)
    if not evac:
        return found
    evac_places = {
        p.place.place_id for t, ps in found if t.type is EventType.EVACUATION for p in ps
    }
    out = []
    for trig, places in found:
        if trig.type is EventType.DISPLACEMENT and not (
            text and OWN_MEANS_AFTER.match(text, trig.end)
        ):
            places = [p for p in places if p.place.place_id not in evac_places]
            if not places:
                continue
            if not evac_places:
                trig = replace(trig, type=EventType.EVACUATION)
        out.append((trig, places))
    return out


# Asked for most triggers of their type, and most hold no match: each asks its lower-case twin
# first (geo.text.casefold.Gated). Set here, after every definition, so each reads as written
# above.
_NO_EVACUATION, _AIM_AFTER = Gated(_NO_EVACUATION), Gated(_AIM_AFTER)
# Asked of the clause before most triggers: their words, in lower case, first ("if" is short,
# but a clause is a few words)
_ASKED_OF_WORDS = Gated(_ASKED_OF).words
_CONDITION_WORDS = tuple(
    sorted(required_literals(lower_twin(_CONDITION_BEFORE), min_length=2) or ())
)
