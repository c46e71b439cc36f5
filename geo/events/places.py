"""Phrase attachment: which places an event trigger takes in its sentence.

Syntax-light rules (docs/events.md): the object and prepositional phrases a trigger governs,
passive subjects, venues of statements, fronted locatives, anaphora ("the town") and rivers.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from geo.events.causal import CAUSAL_TYPES, causal_place
from geo.events.figures import NUM_WORDS
from geo.events.relational import RELATIONAL_TYPES, beyond_reach, relational_place
from geo.events.triggers import (
    FIGURE_TYPES,
    GROUND_TYPES,
    MOVED_TO,
    ORDER_VERBS,
    ORDER_WHOM,
    OWN_MEANS_AFTER,
    Trigger,
)
from geo.places.spatial import great_circle_km
from geo.records import (
    DateSpan,
    Event,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
    Toponym,
    ToponymRole,
)
from geo.text.casefold import Gated, ascii_lower, caseless_lower, lower_twin
from geo.text.sentences import Sentence
from geo.toponyms.facilities import AIRPORT_AFTER

__all__ = [
    "ADMIN_WORD",
    "LATER_AFTER",
    "anaphors",
    "as_direction",
    "describes_place",
    "fronted_place",
    "is_oblast_centre_namesake",
    "is_river",
    "names_airport",
    "namesake_city",
    "places_for",
    "rest_of_area",
    "situates_frame",
    "situates_unknown_settlement",
    "situating_points",
    "tokenize_sentence",
    "within",
]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- words that steer attachment -----------------------------------------------------------
# A place joins a trigger through one of these prepositions ("invasion of Kursk", "fighting
# near Pokrovsk"). "from" names the source of a strike or an assault, so it links only where
# it names the place people or troops leave.
_LINKS = _wordset(
    "of in into at near on toward towards outside around across within inside along over above "
    "through throughout beyond behind past "
    "в у на біля поблизу під до по околицях районі напрямку около возле под у районе "
    "вблизи поблизости неподалеку неподалёку неподалік севернее южнее западнее восточнее "
    "північніше південніше західніше східніше"
)
_LINKS_FROM = _LINKS | {"from", "to", "з", "із", "зі", "из", "от"}
# Words that join the places of a list, English and Cyrillic ("A, B и C", "A, B та C").
_AND = frozenset({"and", "or", "и", "та", "і", "й", "или", "або"})
_ITEM_JOINTS = _AND | {",", "-"}  # what joins the items of a list of places
_ITEM_LINKS = _AND | {","}
_CYR_AND = frozenset({"и", "та", "і", "й"})
_VENUE_LINKS = frozenset({"at", "in", "from", "during"})
_LINKS_BY_TYPE = {
    # "эвакуация жителей сел A и B", "евакуація мешканців Борової": whose evacuation names
    # where they live, in the genitive with no preposition
    EventType.EVACUATION: _LINKS_FROM | _wordset("жителей жителів мешканців населения населення"),
    EventType.DISPLACEMENT: _LINKS_FROM,
    EventType.ADVANCE: _LINKS_FROM,
    EventType.OFFENSIVE: _LINKS | {"for"},  # "the battle for Bakhmut"
    EventType.STATEMENT: _LINKS | _VENUE_LINKS,
    EventType.ATTACK: _LINKS | {"against"},  # "Russian attacks against Kherson Oblast"
}
# Words that end the phrase a trigger governs: a new clause, a report, a comparison.
_BREAKS = _wordset(
    "and but while when whereas where which who whom whose that after before because as "
    "although though since until unless if so according said says say told added with without "
    "reminiscent similar compared unlike like followed"
)
_AUX = _wordset(
    "is are was were be been being has have had will would could can may might must should "
    "shall did does do"
)
# Unions asked inside token loops, made once here (an expression "A | B" builds a new set at
# every evaluation).
_BREAKS_OR_AUX = _BREAKS | _AUX
_BREAKS_BUT_AND = _BREAKS - {"and"}
# "families with children", "people with disabilities": a "with" inside who is evacuated.
_WHO_WITH = frozenset({"children", "kids", "disabilities", "limited", "reduced", "infants"})
# Orders for children name who goes with them: "children with their mothers or legal
# guardians from A", "with their families from B".
_COMPANIONS = frozenset(
    {"parents", "families", "guardians", "representatives", "relatives", "caregivers"}
    | {"carers", "caretakers", "custodians", "adults", "persons", "mothers"}
)
_COMPANION_WORDS = frozenset({"their", "his", "her", "or", "and", "other", "legal", "one", "of"})
_NARROWING = frozenset({"particularly", "especially", "namely"})
_PARENTHESIS = frozenset({"including", "among", "mostly", "mainly", "notably"}) | _NARROWING
_SECTOR_WORDS = frozenset(
    {"direction", "directions", "axis", "axes", "sector", "sectors", "front", "fronts", "area"}
) | _wordset("напрямку напрямі напрямок направлении направление направлениях напрямках")
_COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest northeastern "
    "northwestern southeastern southwestern northern southern eastern western".split()
)
_PLURAL_UNIT_WORDS = frozenset({"oblasts", "regions", "provinces"})
_COMPASS_ADJECTIVES = frozenset(w for w in _COMPASS if w.endswith("ern"))
# A verb between a subject trigger and its object ("Evacuation buses left Myrnohrad").
_VERB_FORM = re.compile(r"\w+ed|left|hit|struck|took|shook|swept|reached|tore", re.IGNORECASE)
# "X came under fire", "A and B had been brought under Russian control": their subject is hit
# ... and a mapping group's "X is now in the red zone": the subject is the place it holds
_UNDER_WORDS = ("under", "brought under", "in the red", "into the red")
# What may stand between "have left" and its place: "have left the town of X"
_LEFT_OBJECT_WORDS = frozenset({"the", "city", "town", "village", "settlement", "of"})
_VERBAL_TRIGGER = re.compile(
    r"(?:\w+ed|struck|hit|fled|took|retook|retaken|taken|withdrew|withdrawn|fell|left|met|"
    r"seized|ha(?:ve|s|d))\b",
    re.IGNORECASE,
)
_FUNCTION = _BREAKS | _AUX | _LINKS | {
    "the", "a", "an", "its", "their", "his", "her", "from", "by", "to", "for",
}  # fmt: skip
# "the evacuation of people with disabilities began in X": the event goes on there
_GOING = frozenset(
    {"continues", "continued", "began", "begins", "is", "was", "ongoing", "underway"}
)
_UNIT_WORDS = frozenset({"district", "raion", "hromada", "community", "municipality"})
# "the region's", "the city's" before a trigger's object: the place named before owns it
_OWNER_NOUNS = frozenset({"region", "oblast", "province", "city", "town", "country"})
# What a bulletin puts between a place and its verb: where in the country it lies ("Odesa in
# the south was hit too") or a description between dashes ("Dnipro — the
# fourth-largest city — suffered ..."), neither a clause of its own.
# The places a subject is counted among: "were among the settlements shelled"
_AMONG_PLACES = (
    r"(?:settlements|towns|villages|cities|communities|hromadas|localities|places|areas|"
    r"targets)"
)
_SUBJECT_ASIDE = (
    r"(?:in\s+the\s+(?:far\s+)?(?:north|south|east|west|centre|center|"
    r"north-?east|north-?west|south-?east|south-?west)(?:\s+of\s+the\s+country)?\s+"
    r"|[—–]\s*[^—–;:.]{1,120}?\s*[—–]\s*)?"
)
# "X was shelled", "X came under fire", "X has been liberated", "X's outskirts were hit".
_PASSIVE_GAP = re.compile(
    r"^\s*(?:(?:['’]s\s+)?(?:\w+\s+)?(?:outskirts|suburbs?|centre|center|districts?|"
    r"communit(?:y|ies)|hromadas?|municipalit(?:y|ies)|"
    r"neighbou?rhoods?|port|airport|station|edge|"
    # "the X region's energy infrastructure was hit": what the place owns, hit there
    r"infrastructure|facilit(?:y|ies)|grid|substations?|depots?|warehouses?|hospitals?|"
    r"schools?|homes|houses|buildings)\s+)?"
    # an aside between commas, whose figure may hold a comma of its own: "X, which had a
    # population of 20,000, was evacuated"
    r"(?:,(?:[^,;:]|(?<=\d),(?=\d{3}\b)){1,80},\s*)?"
    # "Kharkiv and Sumy oblasts also came under attack": a list's unit word and an adverb
    r"(?:(?:oblasts|regions|provinces)\s+)?" + _SUBJECT_ASIDE + r"(?:(?:also|again)\s+)?"
    # "X had already been hit", "X has repeatedly been targeted": an adverb before "been"
    r"(?:(?:has|have|had)\s+(?:(?:now|also|already|again|once|twice|[a-z]+ly)\s+){0,2}been|"
    r"(?:is|was|were|are)(?:\s+being)?|"
    # "X has also come under fire": an adverb inside the perfect too
    r"came|come|comes|(?:has|have|had)\s+(?:(?:also|again|now|already|[a-z]+ly)\s+)?come|remains?|(?:(?:has|have|had)\s+)?remained|"
    r"became|becomes|(?:has|have|had)\s+become|"
    r"continues?\s+to\s+(?:come|be))\s+"  # "Sumy continues to come under shelling"
    # "X is still under fire", "X is now being shelled": the running strike's subject too
    r"(?:(?:again|also|still|now|being|reportedly|heavily|repeatedly|once again|twice|"
    r"briefly|fully|completely|partially|partly|first|finally|officially|"
    # any other adverb of manner or time: "X was quickly recaptured", "was briefly shelled"
    r"[a-z]+ly)\s+)*"
    # "A and B were among the settlements shelled": the subject is among the places hit
    r"(?:among\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?" + _AMONG_PLACES + r"\s+)?"
    # "X was subjected to (heavy artillery) shelling": the strike noun is what X underwent
    r"(?:subjected\s+to\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}"
    # "X was the target of a (massive) drone attack", "A and B became targets of shelling"
    r"|(?:the\s+|a\s+)?(?:main\s+)?targets?\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3})?"
    r"(?:\w+ed\s+and\s+)?$",  # "has been encircled and shelled": both verbs' subject
    re.IGNORECASE,
)
# "X and Y suffered (large-scale) attacks", "Z endured heavy shelling": the subject was hit.
# A bulletin tells it in the present of a running situation too ("cities such as A and B
# suffer from daily shelling"), or with the place described between dashes or commas first
# ("X — a regional centre that hosts many displaced families — endured
# frequent strikes").
_SUFFERED_GAP = re.compile(
    rf"\s*{_SUBJECT_ASIDE}(?:(?:has|have|had|continues?\s+to|continued\s+to)\s+)?"
    r"(?:again\s+|also\s+)?"
    r"(?:suffer(?:s|ed)?|endur(?:e|es|ed)|experienc(?:e|es|ed)|sustain(?:s|ed)?)\s+"
    # "X suffered another night of drone attacks", "endured a wave of strikes": the time or
    # the number of the strikes undergone
    r"(?:from\s+)?(?:(?:another|a|one\s+more|yet\s+another)\s+(?:[\w-]+\s+)?"
    r"(?:night|day|wave|series|round|barrage)\s+of\s+)?(?:[\w-]+\s+){0,2}",
    re.IGNORECASE,
)
# The damage a place suffered, told by a trigger of its own (triggers: "suffered heavy
# damage"), and what may stand between the place and it.
_SUFFERING = ("suffer", "sustain")
_SUFFERER_GAP = re.compile(
    rf"\s*{_SUBJECT_ASIDE}(?:(?:has|have|had|also|again|reportedly)\s+)*", re.IGNORECASE
)
# Damage told with the strike as its cause: "a school in X was damaged by Russian shelling",
# "a clinic was damaged in X following a drone attack": the damaged place was hit.
_DAMAGE_CAUSE = re.compile(
    # ("X was almost completely destroyed by relentless shelling": two adverbs)
    r"\s*(?:(?:was|were|(?:has|have|had)\s+been)\s+(?:(?:badly|heavily|severely|partly|"
    r"partially|completely|also|almost|nearly|totally|entirely|virtually)\s+){0,2}"
    r"(?:damaged|destroyed)\s+)?"
    r"(?:by|following|after|due\s+to|as\s+a\s+result\s+of|during|amid)\s+(?:an?\s+|the\s+)?"
    r"(?:(?:Russian|Ukrainian|enemy|massive|overnight|night|heavy|renewed|artillery|drone|"
    r"missile|rocket|mortar|relentless|constant|continuous|incessant)\s+){0,3}",
    re.IGNORECASE,
)
_DAMAGED_IN = re.compile(
    r"\b(?:was|were|been)\s+(?:(?:badly|heavily|severely|partly|partially|completely|also)\s+)?"
    r"(?:damaged|destroyed)\s+(?:in|at)\s+(?:the\s+)?(?:(?:village|town|city|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)
# A participle after its place, with the when or the by whom: "Lysychansk, captured in July
# 2022", "Donetsk city, which was captured in 2014", "Vuhledar, which Moscow said it had
# captured in early October".
_PARTICIPLE = re.compile(
    r"captured|seized|liberated|retaken|taken|occupied|recaptured|destroyed|shelled|struck|hit",
    re.IGNORECASE,
)
# What follows a participle whose "was" a headline or lead left out: "X struck by missiles",
# "X and Y hit overnight", "X shelled again"; an object ("Kyiv struck a deal") does not.
_REDUCED_PASSIVE_AFTER = re.compile(
    r"\s+(?:by|overnight|again|with)\b|[ \t]*(?:[,:;.\n]|$)", re.IGNORECASE
)
_ATTACK_PARTICIPLES = frozenset({"attacked", "targeted", "bombed", "bombarded"})
_POSTPOSED_GAP = re.compile(
    r"(?:\s+(?:city|town|village))?\s*,\s*"
    r"(?:(?:which|that)\s+(?:(?:was|were|had been|has been)\s+(?:(?:\w+ly|also|first)\s+)?"
    r"|(?:[\w'’-]+\s+){1,3}?(?:(?:claimed|claims|said|says) to have\s+|had\s+|has\s+)?))?",
    re.IGNORECASE,
)
_PARTICIPLE_PHRASE = re.compile(
    # "Nikopol, shelled overnight, ...", "X, hit again on Sunday, ..."
    r"\s+(?:in|on|by|at|during|last|earlier|early|back|since|after|before|overnight|again|"
    r"repeatedly|twice|heavily)\b",
    re.IGNORECASE,
)
_STRONG_STATEMENT = frozenset({"announced", "declared", "warned", "stated"})
_VISIT = re.compile(
    r"\b(?:visit(?:ed|ing)?(?:\s+to)?|on a visit to|during a visit to)\s+$", re.IGNORECASE
)
# its words looked for first (geo.text.casefold.Gated)
_VISIT = Gated(_VISIT)
# "talks between Moscow and Kyiv": the two sides are parties, not the venue.
# "talks between A and B", "between the A, B and C delegations": the parties, not the venue
# (a list of parties may run on with commas: "between A, B, and the C delegations").
_BETWEEN = re.compile(
    r"\bbetween\s+(?:[\w'’.-]+,?\s+){0,6}?and\s+(?!(?:that|then|which|who|it|he|she|they)\b)"
    r"(?:the\s+)?[\w'’-]+",
    re.IGNORECASE,
)
_BETWEEN_LOW = lower_twin(_BETWEEN)  # for ASCII sentences, in lower case (geo.text.casefold)
_ACTOR_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:forces|troops|army|military|authorities|officials|government|president|"
    r"leader|and its\b(?!\s+(?:surrounding|nearby|outskirts|suburbs|environs|surroundings|"
    r"vicinity|districts?|villages|settlements|hromada|community|region|oblast)\b))\b",
    re.IGNORECASE,
)
# "support for Kyiv's fight", "Washington's unflagging support": a capital for its
# government, never the town a later "the city" refers to.
_GOVERNMENT_POSSESSIVE = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+){0,2}?(?:fight|war|allies|backers|partners|support|claims?|"
    r"demands?|position|plans?|efforts|campaign|leadership|diplomacy|aid)\b",
    re.IGNORECASE,
)
# A place followed by a verb is a subject: "Moscow said", "Kyiv rejected", "Moscow had".
_SUBJECT_AFTER = re.compile(
    r"^\s+(?:said|says|claimed|announced|denied|declared|rejected|accused|warned|insisted|"
    r"has|have|had|is|was)\b",
    re.IGNORECASE,
)
# The same, less "is" and "was": "Kupiansk is located ..." introduces the town a later "the
# city" refers to; "Moscow said" names a government.
# A capital as the subject of a verb of saying or of a stance ("Kyiv said", "Kyiv celebrated
# the withdrawal there"): its government, never what "there" or "the city" goes back to.
# (One pattern of this name, with "has|have|had" too, was shadowed by the list reader's
# below, which anaphors used; the auxiliaries stay out: "X has been shelled" is a town.)
_SPEAKER_AFTER = re.compile(
    r"^\s+(?:said|says|claimed|announced|reported|reports|told|wrote|noted|stated|added|"
    r"denied|declared|rejected|accused|warned|insisted|celebrated|hailed|welcomed|praised|"
    r"condemned)\b",
    re.IGNORECASE,
)
_LOCATION_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:outskirts|suburbs?|centre|center|districts?|neighbou?rhoods?|"
    r"city cent(?:re|er)|port|airport|railway station|station|industrial zone|edge)\b",
    re.IGNORECASE,
)
# The parts of a region people leave: "the X region's border areas", "X's frontline villages"
_AREA_NOUN = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:areas|communities|hromadas|villages|settlements|towns|"
    r"territor(?:y|ies)|zones?)\b",
    re.IGNORECASE,
)
# "the town", "its eastern edge": the settlement last named before it.
_THE_TOWN = (
    r"he\s+(?:(?:besieged|embattled|front-?line|small|industrial|mining|hilltop|"
    r"border|port|coastal|eastern|southern|northern|western|strategic|key|devastated|"
    r"ruined|war-torn|south-?eastern|north-?eastern|south-?western|north-?western|central|"
    r"logistics|railway|river|regional|occupied)\s+){0,3}(?:town|city|village)"
    # "the city's mayor" is no place, but "the city's residents" are its people
    r"(?!\s+(?:of|council|hall)\b|['’]s(?!\s+(?:residents|inhabitants|people|civilians|"
    r"families)\b))"
    # "the city centre of X", "the town outskirts of X": the name after it is the place
    r"(?!\s+(?:cent(?:re|er)|outskirts|limits|edge)\s+of\b)"
)
# Each alternative opens with a plain letter and asks for the word start behind it
# ("T(?<!\wT)" is "\bT"): the engine then skips to those letters instead of trying the
# pattern at every position of the article (the same matches, in a third less time).
_ANAPHOR = re.compile(
    rf"(?:T(?<!\wT){_THE_TOWN}|t(?<!\wt){_THE_TOWN}"
    # "advanced toward that town": a demonstrative after a preposition (see anaphors)
    r"|t(?<!\wt)hat\s+(?:town|city|village)(?!\s+(?:of|council|hall)\b|['’]s)"
    r"|i(?<!\wi)ts\s+(?:(?:eastern|western|northern|southern|south-?eastern|south-?western|"
    r"north-?eastern|north-?western)\s+)?(?:edge|outskirts|centre|center|suburbs))\b"
)
# "fighting there", "the province": the settlement or the oblast last named.
_THERE = re.compile(  # "\bthere", its letter first (see _ANAPHOR)
    r"t(?<!\wt)(?<![Ss]o t)here\b(?!\s+(?:is|are|was|were|has|have|had|will|would|could|may|might|"
    r"seems?|appears?|remains?|must|should)\b)"
)
# "120km from the regional capital Kharkov", "30 miles north of Kharkiv": a place named only to
# measure from is not what a later "the city" means.
_DISTANCE_REF = re.compile(
    r"\b(?:\d[\d.,]*\s*(?:km|kilomet(?:re|er)s?|miles?|mi)|kilomet(?:re|er)s|miles)\s+"
    r"(?:(?:away|(?:north|south|east|west)(?:-?(?:east|west))?)\s+)?"
    r"(?:from|of)\s+(?:the\s+)?(?:(?:regional|oblast|provincial)\s+(?:capital|centre|center)\s+"
    r"(?:of\s+)?|city\s+of\s+)?$",
    re.IGNORECASE,
)
# "the outskirts of the capital" after "in the capital, Kyiv": the city the text called the
# capital. Not where a name follows ("the capital Kyiv", "the capital of ...").
_CAPITAL_ANAPHOR = re.compile(
    r"\b[Tt]he\s+(?:\w+\s+)?capital\b(?!\s+(?:of|city)\b|['’]s|,?\s+[A-Z])"
)
_CAPITAL_BEFORE = re.compile(r"\bcapital(?:\s+city)?,?\s+$", re.IGNORECASE)
# "the capital", "the Ukrainian capital": the word between names the country, if any
_CAPITAL_WORDS = {"": "", "ukrainian": "UA", "ukraine's": "UA", "russian": "RU"}
_CAPITAL_WORDS |= {"russia's": "RU", "belarusian": "BY", "belarus's": "BY"}


def _capital_country(ref: str) -> str | None:
    """The country "the [X] capital" names ("" for none said), None for a unit's capital."""
    words = ref.split()[1:-1]
    return _CAPITAL_WORDS.get(words[0].lower().replace("’", "'") if words else "")


# The national capitals of the war's theatre, which "the capital" names in its news
_NATIONAL_CAPITALS = frozenset({("UA", "Kyiv"), ("RU", "Moscow"), ("BY", "Minsk")})
_CAPITAL_AFTER = re.compile(r",\s+(?:the\s+|its\s+)?(?:\w+\s+)?capital\b", re.IGNORECASE)
# "the border region", "the southern province": a word that describes the oblast just named
# (never "the neighbouring region", which is another one)
_REGION_ANAPHOR = re.compile(
    r"\b[Tt]he\s+(?:(?:border|frontline|front-line|embattled|(?:north|south)?(?:north|south|"
    r"east|west)(?:ern)?)\s+)?(?:province|region|oblast)\b(?!\s+of\b|['’]s"
    # "the region's border areas" are ground of the region ("the region's governor" is not)
    r"(?!\s+(?:[\w-]+\s+)?(?:areas|communities|hromadas|villages|settlements|towns|"
    r"territor(?:y|ies)|zones?)\b))"
)
# The rest of an oblast told by an adjective: "in other regional settlements", "other
# regional communities" (its surface opens with "other", as rest_of_area asks).
_OTHER_REGIONAL = re.compile(
    r"\bother\s+regional\s+(?:settlements|towns|villages|communities|hromadas|localities)\b"
)
# An administrative unit's word in a name ("Kharkiv Oblast", "the Kursk region"): its stem is
# the namesake city's name.
ADMIN_WORD = re.compile(
    r"\b(?:oblast|region|province|krai|kray|republic|governorate|okrug)\b|область|обл\.",
    re.IGNORECASE,
)
# The compass words the press puts before an oblast or a city ("southeastern", "north-eastern",
# "central"), as a pattern
_COMPASS_WORD = r"(?:(?:north|south)(?:-?(?:east|west))?ern|eastern|western|central)"
# An official's words quoted whole frame the same way: “In Rylsk, drones hit ...,” he said.
# "In the northern border town of Vovchansk, ..." frames the sentence as "In Vovchansk, ...".
# "And in the Sumy region, ...", "Meanwhile, in the X community, ...", "In particular, in
# X, ...", "Specifically in X, ...": a connective first
_CONNECTIVE = (
    r"(?:And|But|Meanwhile|Also|Elsewhere|Specifically|In\s+particular|Notably|Separately|"
    r"Additionally|In\s+addition|Moreover|Furthermore)"
)
_FRONTED = re.compile(
    r"[\"\u201c\u2018]?(?:" + _CONNECTIVE + r",?\s+(?:in|at|near)|"
    r"In|At|Near|Outside|Around)\s+"
    # "Near the Donetsk region's A and B, ...", "In Kharkiv Oblast's Izium, ...": the area
    # that owns the places only situates them
    r"(?:(?:the\s+)?[A-Z][\w'’-]+\s+(?i:region|oblast|province)['’]s\s+(?=[A-Z])|"
    r"the\s+(?=\w+\s+(?i:region|oblast|community|hromada|district|raion|municipality)\b)|"
    r"the\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|settlement|hamlet|suburb|port)\s+of\s+|"
    # "In the direction of Marinka, troops repelled 24 attacks": a bulletin's front sector
    r"the\s+directions?\s+of\s+|"
    # "In southeastern Zaporizhzhia Oblast, ...", "In the southern Kherson region, ...", "In
    # central Kharkiv, ...": a compass word places the area, the name after it frames
    r"(?:the\s+)?" + _COMPASS_WORD + r"\s+(?=[A-Z])|"
    # "In the outlying Kyiv region, ...", "In occupied Crimea, ...": a word that situates the
    # area, the name after it frames
    r"(?:the\s+)?(?:outlying|neighbou?ring|surrounding|occupied|Russian-occupied|annexed|"
    r"front-?line|border)\s+(?=[A-Z])|"
    # "In one of the districts of X, ...": a part of the town, unnamed, frames at the town
    r"one\s+of\s+(?:the|its)\s+(?:districts|neighbou?rhoods|suburbs|microdistricts)\s+of\s+"
    r"(?:the\s+(?:city|town)\s+of\s+)?(?=[A-Z]))?"
)
# "In X today, ...", "In X on Monday morning, ...": when it happened, told inside the frame
_FRAME_TIME = re.compile(
    r"\s+(?:today|tonight|overnight|yesterday|(?:this|last)\s+(?:morning|afternoon|evening|"
    r"night)|on\s+[A-Z][a-z]+day(?:\s+(?:morning|afternoon|evening|night))?)\s*,"
)
# "In central Dnipropetrovsk Oblast, the city of Nikopol, ...": a town set after the fronted
# area narrows it
_TOWN_APPOSED = re.compile(
    r"(?:\s+(?:region|oblast|province))?\s*,\s+the\s+(?:[\w-]+\s+){0,2}?"
    r"(?:city|town|village|settlement)\s+of\s+",
    re.IGNORECASE,
)
# "In the Vasylivka community, located in the Zaporizhzhia district, ...": the unit's word and
# an apposition that situates it stay inside the frame
# "In the Lyman direction, ...", "And in the Kupiansk and Lyman directions, ...", "On the
# Orikhiv axis, ...": a bulletin's front sector frames what its sentence tells
_FRONTED_SECTOR = re.compile(
    r"[\"\u201c\u2018]?(?:" + _CONNECTIVE + r",?\s+(?:in|on|along)|In|On|Along)"
    r"\s+the\s+(?=[A-Z][\w'’-]*(?:(?:,\s*|,?\s+and\s+)[A-Z][\w'’-]*)*\s+"
    r"(?:directions?|axis|axes|sectors?)\s*,)"
)
_FRONTED_UNIT = re.compile(
    r"\s+(?:community|hromada|district|raion|municipality)"
    r"(?:\s*,\s*(?:located|situated|lying)\s+(?:in|near)\s+[^,;:]{1,60}"
    # "In the Vasylkivka community of Synelnykove district, ...": the unit above it
    r"|\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+"
    r"(?:district|raion|region|oblast|province)"
    r")?\s*,"
)
# The area a fronted town is in, up to the comma that closes the frame: " in the Y region,",
# " in Y Oblast's Z district,", " in the Z district of the Y region,"
_AREA_OF_TOWN = re.compile(
    r"\s+in\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:district|raion|community|hromada)\s+of\s+(?:the\s+)?)?"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?i:region|oblast|province)"
    r"(?:['’]s\s+[A-Z][\w'’-]*\s+(?:district|raion|community|hromada))?\s*,"
)
_FRONTED_CHAIN = re.compile(
    r"(?:\s+of\s+(?:\w+\s+)?[\w'’-]+)?,\s+(?:in|near|at)\s+(?:the\s+(?:city|town|village)\s+of\s+)?"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?=,)"
)
_FRONTED_AREAS = re.compile(
    r"[\"\u201c\u2018]?(?:In|At|Near|Around)\s+the\s+(?P<names>[A-Z][\w'’-]*(?:(?:,\s*|,?\s+and\s+)[A-Z][\w'’-]*)*)"
    r"\s+(?:areas?|districts?)\b(?:\s+of\s+the\s+[A-Z][\w'’-]*\s+(?:direction|sector|axis|front))?"
    r"\s*,"
)
_ANAPHOR_REACH = 400  # characters back to look for the antecedent
_CITY_POPULATION = 10_000  # the least a place "the city" refers to has
# An article's region stays its topic for longer: "the region" after a paragraph on its towns.
_REGION_REACH = 1200
# "the Dnipro river", "across the Dnipro.": a river that shares a city's name.
_RIVER_AFTER = re.compile(r"^\s+(?:river|reservoir|delta|estuary|basin)\b", re.IGNORECASE)
_BARE_AFTER = re.compile(r"^(?:\s*[,.;:)]|\s+(?:on|in|at|and|from|to|near|river)\b|\s*$)")
# "80%": one word; so is a model's designation with a slash ("Shahed-136/131", "Kh-101/555"),
# whose slash would otherwise be a mark ending the phrase
_WORD = re.compile(r"['’]s\b|\d[\d,.\u202f]*\d%?|\d%|\w[\w'’-]*(?:/\w[\w'’-]*)*|[^\w\s]")
# A strike's object whose first item is a place named by its kind alone, joined to the named
# places after it: "the district centre and the", "the regional capital, as well as", "the
# city's outskirts and"
_UNNAMED_CONJUNCT = re.compile(
    r"(?:the|its|their)\s+(?:(?:regional|district|oblast|city's|city’s|town's|town’s|"
    r"administrative|neighbouring|neighboring|nearby)\s+)?"
    r"(?:centre|center|capital|city|town|outskirts|suburbs)"
    r"\s*(?:,\s*)?(?:and|as\s+well\s+as)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_MAX_PRE = 6  # words between a trigger and its first preposition ("had destroyed a warehouse")
_MAX_NP = 5  # words in the noun phrase of a preposition ("the border areas")
_LEVEL = {
    PlaceKind.POPULATED_PLACE: 0,
    PlaceKind.POINT: 0,
    PlaceKind.ADMIN2: 1,  # "in Pokrovska Hromada in Donetska Oblast": the hromada
    PlaceKind.ADMIN1: 2,
    PlaceKind.REGION: 3,
    PlaceKind.FEATURE: 3,
    PlaceKind.COUNTRY: 4,
}


class _Tok:
    """One word, mark, place or date of a sentence; treated as read-only.

    A plain slotted class, not a frozen dataclass: every word of every sentence with an event
    word becomes one, and a frozen dataclass takes several times longer to build.
    """

    __slots__ = ("end", "kind", "start", "text", "top")

    def __init__(
        self, kind: str, text: str, start: int, end: int, top: Toponym | None = None
    ) -> None:
        self.kind = kind  # "w" word, "p" punctuation, "top" place, "date", "skip"
        self.text = text  # lower-cased
        self.start = start
        self.end = end
        self.top = top


def tokenize_sentence(
    text: str, sent: Sentence, tops: list[Toponym], dates: list[DateSpan], quoted
) -> list[_Tok]:
    """Words of a sentence with each place and each date expression as one token."""
    # "the Moscow-installed head of X": the compound is one word, an adjective, no place
    marks: list[tuple[int, int, str, Toponym | None]] = [
        (t.start, t.end, "top", t) for t in tops if not hyphened_modifier(text, t)
    ] + [(d.start_char, d.end_char, "date", None) for d in dates]
    marks += [(a, b, "skip", None) for a, b in quoted if a < sent.end and b > sent.start]
    slow = caseless_lower(sent.text)
    if slow is None:
        between = _BETWEEN.finditer(sent.text)
    else:
        # every match holds the word: most sentences are spared the pattern, tried at each word
        between = _BETWEEN_LOW.finditer(slow) if "between" in slow else iter(())
    marks += [(sent.start + m.start(), sent.start + m.end(), "skip", None) for m in between]
    marks.sort(key=lambda m: (m[0], -m[1]))
    out: list[_Tok] = []
    pos = sent.start
    low = ascii_lower(text)  # the text's lower case, made once per text (find_triggers too)
    for s, e, kind, top in marks:
        if s < pos:
            continue  # overlaps a mark already taken
        _words(text, low, pos, s, out)
        out.append(_Tok(kind, text[s:e].lower(), s, e, top))
        pos = e
    _words(text, low, pos, sent.end, out)
    return out


def _words(text: str, low: str | None, start: int, end: int, out: list[_Tok]) -> None:
    """Append the words and marks of ``text[start:end]`` to ``out``.

    ``low`` is ``ascii_lower(text)``: an ASCII word's lower case is then a slice of it,
    which saves lower-casing every word of every sentence with an event word.
    """
    append = out.append
    for m in _WORD.finditer(text, start, end):
        s, e = m.span()
        word = low[s:e] if low is not None else text[s:e].lower()
        append(_Tok("w" if text[s].isalnum() else "p", word, s, e))


def _owned_by_area(toks: list[_Tok], i: int) -> bool:
    """Whether the place at token i follows an oblast's or a raion's possessive.

    "the Sumy region's Shostka and Krolevets", "the Kharkiv region’s Kupiansk": the area
    only situates the settlement it owns, which is the phrase's place.
    """
    return (
        i >= 2
        and toks[i].top is not None
        and toks[i].top.place.kind is PlaceKind.POPULATED_PLACE
        and toks[i - 1].text in {"'s", "’s"}
        and toks[i - 2].top is not None
        and toks[i - 2].top.place.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2)
    )


def _is_actor(text: str, top: Toponym, etype: EventType, *, subject: bool = False) -> bool:
    """Whether a place stands for its people or government rather than a location.

    "Russia's forces", "Moscow’s biggest gains" are actors or owners; with ``subject`` (the
    place is not the object of a preposition) so are "Moscow said" and "Kyiv rejected".
    """
    after = text[top.end : top.end + 40]
    if after[:2] in {"’s", "'s"}:
        # "Kharkiv's outskirts" is a location; "Ukraine's Donetsk Oblast" defers to the
        # oblast, and "Moscow's biggest gains" to nothing.
        return not (
            _LOCATION_NOUN.match(after[2:])
            # "evacuated from the region's border areas": the ground people leave
            or (etype in FIGURE_TYPES and _AREA_NOUN.match(after[2:]))
        )
    if subject and _SUBJECT_AFTER.match(after):
        return True
    m = _ACTOR_AFTER.match(after)
    if m and etype in FIGURE_TYPES and m.group(0).strip().lower() in {"authorities", "officials"}:
        return False  # "Pokrovsk authorities ordered civilians to evacuate": local, so here
    return bool(m)


_ON_BOARD = frozenset({"civilians", "passengers", "people", "residents", "evacuees", "children"})
_NOTICE_VERBS = frozenset(
    "announced declared ordered organised organized launched introduced extended expanded".split()
)
_PROGRESS_VERBS = frozenset("begun started underway resumed".split())
_NOTICE_ADVERBS = frozenset({"officially", "also", "already", "now", "being"})


def _notice_verb(toks: list[_Tok], i: int) -> int | None:
    """The index past "has (officially) been announced" at token i (an auxiliary), else None.

    A verb of start counts too: "the evacuation of residents has now begun in X" tells
    where it goes on. Not "is being carried out from villages of two districts": a standing
    summary of districts, where the news is the oblast's order.
    """
    k = i
    while k < len(toks) and (toks[k].text in _AUX or toks[k].text in _NOTICE_ADVERBS):
        k += 1
    if k > i and k < len(toks) and toks[k].text in _NOTICE_VERBS | _PROGRESS_VERBS:
        return k + 1
    return None


_ENEMY_WORDS = frozenset(
    "forces troops units occupiers invaders enemy army soldiers fighters defenders".split()
)


def _with_the_enemy(toks: list[_Tok], i: int) -> int | None:
    """The index past "with (the) Russian forces" at token i (a "with"), else None."""
    k = i + 1
    while k < len(toks) and k - i <= 3 and toks[k].text not in _ENEMY_WORDS:
        if toks[k].kind == "top" and toks[k].top.place.kind is not PlaceKind.COUNTRY:
            return None  # "fighting with Kharkiv in view": a place, not a party
        k += 1
    if k < len(toks) and toks[k].text in _ENEMY_WORDS:
        return k + 1
    return None


# People taken from one place to another: the place they left is the event's.
_MOVED_TYPES = frozenset({EventType.EVACUATION, EventType.DISPLACEMENT})


def _from_side(toks: list[_Tok], i: int) -> bool:
    """Whether the "of" at token i ends "from the direction of", "from the side of"."""
    return toks[i - 1].text in {"direction", "side"} and (
        toks[i - 2].text == "from" or (toks[i - 2].text == "the" and toks[i - 3].text == "from")
    )


_MOVED_WHOM = frozenset(
    "people residents civilians children families patients wounded injured evacuees them".split()
)
# The words a destination's phrase opens with after "to" ("evacuated to a hospital in X",
# "to safer areas"); an infinitive ("to begin in X") is no destination.
_DESTINATION_OPENERS = frozenset(
    "the a an safer safe other nearby neighbouring neighboring hospital hospitals shelters "
    "temporary".split()
)
_DESTINATION_LINKS = frozenset({"to", "into", "toward", "towards"})


_ARRIVED = frozenset({"arrived", "arrive", "arrives", "arriving"})


def _arrived_from(toks: list[_Tok], i: int, etype: EventType) -> bool:
    """Whether "in" at ``i`` is an evacuation's arrival with its "from" after it.

    "An evacuation train has arrived in B from the A region": B is where the people went;
    only with the "from" a few words on, so an arrival told alone keeps its place.
    """
    if etype is not EventType.EVACUATION or toks[i].text != "in" or i < 1:
        return False
    if toks[i - 1].text.lower() not in _ARRIVED:
        return False
    return any(t.text == "from" for t in toks[i + 2 : i + 6])


def _from_before(toks: list[_Tok], first: int, i: int) -> bool:
    """Whether a "from" phrase opened between token ``first`` and token ``i``.

    The trigger's own last words count: "took 20 residents out of A to B" opens its source
    inside the trigger ("took ... out of"), as "evacuated from A to B" does after it.
    """
    lo = max(0, first - 2)
    return any(
        toks[k].text in {"from", "з", "із", "зі", "из"}
        or (toks[k].text == "out" and k + 1 < i and toks[k + 1].text == "of")
        for k in range(lo, i)
    )


# The kind a humanitarian bulletin writes after a settlement's name ("Kharkiv City").
_KIND_AFTER_NAME = frozenset({"city", "town", "village", "settlement"})


def _list_from(toks: list[_Tok], i: int, text: str | None = None) -> tuple[list[Toponym], int]:
    """The places of a list starting at token i ("Kharkiv, Sumy and Odesa"); next index.

    With ``text``, a name the geoparser left unresolved between commas does not end the list
    ("near Udachne, Kotlyne, Molodetske and Dachne" in a General Staff bulletin).
    """
    found = [toks[i].top]
    i += 1
    districted = False  # the last item was told with its district ("A, X district")
    while i < len(toks):
        if (
            i + 1 < len(toks)
            and toks[i].text in _KIND_AFTER_NAME
            and toks[i + 1].text in _ITEM_LINKS
        ):
            i += 1  # "in Kharkiv City and Vilniansk Town": a bulletin's kind after each name
        if (
            i + 2 < len(toks)
            and toks[i].text == "("
            and toks[i + 1].kind == "top"
            and toks[i + 1].top.place.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2)
            and toks[i + 2].text == ")"
        ):
            i += 3  # "Nikopol (Dnipropetrovsk Oblast), Kupiansk (Kharkiv Oblast)": where each is
        elif (close := _community_aside(toks, i)) is not None:
            i = close  # "A (X rural community), B, C (Y urban community)": an order's list
        elif (close := _count_aside(toks, i)) is not None:
            i = close  # "over A (three drones), B (one drone) and C": a tally after each
        elif (
            i + 2 < len(toks)
            and toks[i].text.lower() in _PLURAL_UNIT_WORDS
            and toks[i + 1].text in _AND
            and found[-1].place.kind is PlaceKind.ADMIN1
        ):
            i += 1  # "in A and B oblasts and southern C oblast": the list goes on
        if (k := _described_item(toks, i)) is not None:
            i = k  # "A, a key logistics hub, and B": the item's description
        j = i
        if (k := _as_well_as(toks, i, _LINKS_FROM)) is not None:
            j = k  # "Odesa and Kharkiv, as well as Zaporizhzhia": one list
        if (
            toks[j].text == ","
            or _next_region_group(text, toks, j, found[-1])
            # "A, X district; B, C, Y district": a bulletin's groups, each with its district
            or (toks[j].text == ";" and districted)
            # "from the town of A; the villages of B and C; and the village of D": an order's
            # groups, each opened by its kind
            or (toks[j].text == ";" and _group_opens(toks, j + 1))
        ):
            j += 1
        if j < len(toks) and toks[j].text in _AND:
            j += 1
        if (
            j > i
            and j + 1 < len(toks)
            and toks[j].text.lower() in _COMPASS_ADJECTIVES
            and toks[j + 1].kind == "top"
        ):
            j += 1  # "in Donetsk and Luhansk oblasts and southern Kherson oblast": a bearing
        while text is not None and j > i and (k := _unknown_item(text, toks, j)) is not None:
            j = k  # an unresolved name: skip it and its separators
            while j < len(toks) and toks[j].text in _ITEM_JOINTS:
                j += 1
        if j > i and (k := _village_prefix(toks, j)) is not None:
            j = k  # an order's "селища A, с.B, смт C": the kind of each settlement
        if j > i and (k := _bearing_item(toks, j)) is not None:
            j = k  # "near A, south of A near B, and west of A near C": B, then C
        if j > i and j + 1 < len(toks) and toks[j].text == "the" and toks[j + 1].kind == "top":
            # "the Kursk region, the Bryansk region and the Oryol region"; "A and the Black
            # Sea port of B"
            j = _past_kind_modifier(toks, j + 1)
        else:
            j = _kind_of_item(text, toks, i, j)
        if text is not None and (rest := _rest_of_area(text, toks, i)) is not None:
            found.append(rest[0])  # "in Kharkiv and other towns of Kharkiv Oblast"
            i = rest[1]
            continue
        if j == i and (q := _qualified_item(toks, i, found[-1])):
            i = q  # "A in the X region and B in the Y region": A's own region
            continue
        if j == i or j >= len(toks) or toks[j].kind != "top":
            break
        nxt = toks[j].top
        # "Uman, Cherkasy Oblast" or "Uman, the Cherkasy region": right after the name
        apposed = j == i + 1 or (
            j == i + 2 and toks[i].text == "," and toks[i + 1].text.lower() == "the"
        )
        if (
            apposed
            and nxt.place.kind is PlaceKind.ADMIN1
            and nxt.place.admin1_code == found[-1].place.admin1_code
            and found[-1].place.kind is not PlaceKind.ADMIN1
        ):
            # "Uman, Cherkasy Oblast", "Selydove Town, the Donetsk Region": the oblast says
            # where the town is
            i = j + 1
            continue
        if (
            j == i + 1
            and j + 1 < len(toks)
            and toks[j + 1].text in _UNIT_WORDS
            and nxt.place.admin1_code == found[-1].place.admin1_code
        ):
            i = j + 2  # "Shevchenkove, Kupiansk district": the district says where
            districted = True
            continue
        if (
            j == i + 1
            and nxt.place.kind is PlaceKind.ADMIN2
            and found[-1].place.kind is PlaceKind.POPULATED_PLACE
            and nxt.place.admin1_code == found[-1].place.admin1_code
        ):
            # The same, when the geoparser read the district as one name ("Kupiansk
            # district" -> Kupiansk Raion): it situates the town, it is not a second place.
            i = j + 1
            districted = True
            continue
        if text is not None and _AUTHORITY_AFTER.match(text, nxt.end):
            break  # "A, B and C, the Sumy Oblast Military Administration reported": who says
        if (
            text is not None
            and text[nxt.end : nxt.end + 2] in {"'s", "’s"}
            and not _LOCATION_NOUN.match(text, nxt.end + 2)
        ):
            break  # "X in Donetsk Oblast, Moscow's defence ministry said": who says, no item
        found.append(nxt)
        i = j + 1
        districted = False
    return _without_stray_oblast(found), i


# What joins a bearing's reference town to the settlement an assessment places an item at:
# "south of A near B", "north of A in the direction of B", "west of A toward B".
_BEARING_LINKS = (("near",), ("in", "the", "direction", "of"), ("toward",), ("towards",))


def _bearing_item(toks: list[_Tok], j: int) -> int | None:
    """The index of the place a list item told by bearing stands at (token j), else None.

    Assessments in the ISW's manner list fighting around a town as "near A, north of A in the
    direction of B, and southeast of A near C and D": each item after the first is a bearing
    from A, then the settlement where it went on. The settlement after the link is the
    item's place. With no link the bearing only situates the name before it ("B, north of
    A"), so no item is read there.
    """
    if j + 2 >= len(toks) or toks[j].text.replace("-", "") not in _COMPASS:
        return None
    if toks[j + 1].text != "of" or toks[j + 2].kind != "top":
        return None
    k = j + 3
    for link in _BEARING_LINKS:
        n = len(link)
        if tuple(t.text for t in toks[k : k + n]) == link and k + n < len(toks):
            return k + n if toks[k + n].kind == "top" else None
    return None


def _the_kind_of(toks: list[_Tok], k: int) -> bool:
    """Whether "the <kind> of" ("the town of", "the villages of") starts at token k."""
    return (
        k + 3 < len(toks)
        and toks[k].text == "the"
        and toks[k + 1].text in _PLACE_NOUN_FORMS
        and toks[k + 2].text == "of"
    )


def _group_opens(toks: list[_Tok], k: int) -> bool:
    """Whether "[and] the village(s)/town/city of <place>" starts at token k."""
    if k < len(toks) and toks[k].text in _AND:
        k += 1
    return _the_kind_of(toks, k) and toks[k + 3].kind == "top"


# What a list's item may take of its place: "and part of the village of X", "most of Y"
_SHARE_WORDS = frozenset({"part", "parts", "most", "half", "much"})


def _around_kind(toks: list[_Tok], k: int) -> bool:
    """Whether the plural kind near token k is the object of "around" ("around towns")."""
    for j in range(k - 1, max(-1, k - 5), -1):
        if toks[j].kind != "w":
            return False
        if toks[j].text in _LINKS:
            return toks[j].text == "around"
    return False


def _kind_of_item(text: str | None, toks: list[_Tok], i: int, j: int) -> int:
    """The index past "the town of" before a list's next place at token j (else j).

    An order's list names each settlement's kind: "the town of A, the villages of B and C,
    the town of D". A name the gazetteer lacks right after its kind ("the town of X, the
    villages of E") is skipped with its separators, so the list goes on to E.
    """
    while j > i:
        k = j
        if k + 2 < len(toks) and toks[k].text in _SHARE_WORDS and toks[k + 1].text == "of":
            k += 2  # "A and part of the village of B": a share of B is at B
            if toks[k].kind == "top":
                return k
        if (
            k + 3 < len(toks)
            and (toks[k].text.isdigit() or toks[k].text in _COUNT_WORDS)
            and toks[k + 1].text in _KIND_PLURALS
            and toks[k + 2].text == "of"
        ):
            # "4 settlements of A and 12 villages of B communities": each item's count of
            # villages told before it
            k += 3
            if toks[k].text == "the" and k + 1 < len(toks):
                k += 1
            if toks[k].kind == "top":
                return k
        if (
            k + 4 < len(toks)
            and toks[k].text == "the"
            and toks[k + 1].text == "urban-type"
            and toks[k + 2].text in _PLACE_NOUN_FORMS
            and toks[k + 3].text == "of"
        ):
            k += 4  # "the town of A, the urban-type settlement of B, and the villages of C"
        elif _the_kind_of(toks, k):
            k += 3  # "the city of Kherson ... and the city of Kharkiv", "and the villages of"
        elif (
            k + 4 < len(toks)
            and toks[k].text == "the"
            and (toks[k + 1].text in _COMPASS or toks[k + 1].text.replace("-", "") in _COMPASS)
            and toks[k + 2].text in _PLACE_NOUN_FORMS
            and toks[k + 3].text == "of"
        ):
            k += 4  # "Sumy and the north-eastern city of X": a bearing before the noun
        elif (m := _modified_kind_of(toks, k)) is not None:
            k = m  # "A and the nearby villages of B and C", "A and the adjacent village of B"
        else:
            return j
        if toks[k].kind == "top":
            return k
        if text is None or (u := _unknown_item(text, toks, k)) is None:
            return j
        while u < len(toks) and toks[u].text in _ITEM_JOINTS:
            u += 1  # "the town of X," with X unknown: on to the next kind and its places
        if u >= len(toks) or toks[u].text != "the":
            return u if u < len(toks) and toks[u].kind == "top" else j
        j = u
    return j


def _modified_kind_of(toks: list[_Tok], k: int) -> int | None:
    """The index past "the <word> [<word>] <kind> of" at token k, else None.

    "the nearby villages of", "the adjacent village of", "the small frontline town of": the
    kind of the next item of a list, told with words of its own (plain lower-case words, no
    link or conjunction between).
    """
    if k >= len(toks) or toks[k].text != "the":
        return None
    for j in range(k + 2, min(k + 4, len(toks) - 2)):
        if toks[j].text in _PLACE_NOUN_FORMS and toks[j + 1].text == "of":
            words = toks[k + 1 : j]
            if all(
                t.kind == "w" and t.text.islower() and t.text not in _NOT_MODIFIER for t in words
            ):
                return j + 2
            return None
    return None


# What an order's list puts before each settlement: "селища A, с.B, смт C" (village,
# abbreviated village, urban-type settlement).
_VILLAGE_ABBREVIATIONS = _wordset("с смт сел пос п")
_VILLAGE_NOUNS = _wordset("село села селище селища смт")


_KIND_PLURALS = frozenset({"towns", "cities", "villages", "settlements", "hamlets"})


def _next_kind_group(toks: list[_Tok], j: int) -> int | None:
    """The index of the first place of a list's next group after a ";" at token j - 1.

    "from the city of A; the villages of B and C in the X community; and the villages of D":
    each group opens with the kind of its places, then "of" and a name. None otherwise (a
    ";" before a clause of its own ends the list).
    """
    if j < len(toks) and toks[j].text == "and":
        j += 1
    if j < len(toks) and toks[j].text == "the":
        j += 1
    if (
        j + 2 < len(toks)
        and (toks[j].text in _KIND_PLURALS or toks[j].text in _PLACE_NOUNS)
        and toks[j + 1].text == "of"
        and toks[j + 2].kind == "top"
    ):
        return j + 2
    return None


def _village_prefix(toks: list[_Tok], j: int) -> int | None:
    """The index of the place after a settlement kind at token j ("с." or "селища"), or None."""
    if j + 2 < len(toks) and toks[j].text in _VILLAGE_ABBREVIATIONS and toks[j + 1].text == ".":
        k = j + 2  # "с.Андріївка", "смт. Покровське"
    elif j + 1 < len(toks) and toks[j].text in _VILLAGE_NOUNS:
        k = j + 1
    else:
        return None
    return k if toks[k].kind == "top" else None


_COMMUNITY_WORDS = frozenset({"community", "communities", "hromada", "hromadas"})


def _community_aside(toks: list[_Tok], i: int) -> int | None:
    """The index past "(Richky rural community)" at token i, if a community aside opens there.

    Evacuation orders group their settlements by hromada, naming it in brackets after the
    last village of each; the list goes on past it.
    """
    if i >= len(toks) or toks[i].text != "(":
        return None
    for j in range(i + 1, min(i + 7, len(toks))):
        if toks[j].text == ")":
            return j + 1 if toks[j - 1].text.lower() in _COMMUNITY_WORDS else None
    return None


def _second_movers(toks: list[_Tok], k: int) -> int | None:
    """The index of the link after a second group of people joined by "and" at token k.

    "families with children and people with limited mobility from X", "children and
    residents with disabilities in X": an order names two groups it moves before where
    from. The group holds a word for people and plain words only (no verb, no clause).
    """
    if k >= len(toks) or toks[k].text != "and":
        return None
    people = False
    for j in range(k + 1, min(len(toks), k + 8)):
        tok = toks[j]
        w = tok.text.lower()
        if tok.kind != "w":
            return None
        if (w in _LINKS_FROM and w != "of" and j > k + 1) or (
            w in _AUX and _notice_verb(toks, j) is not None
        ):
            return j if people else None  # "... from X", "... was ordered in X"
        if w != "with" and (w in _BREAKS or w in _AUX or (w.endswith("ed") and w not in _WHO_WITH)):
            return None
        people = people or w in _MOVED_WHOM or w in _COMPANIONS or w == "elderly"
    return None


def _count_aside(toks: list[_Tok], i: int) -> int | None:
    """The index past "(four drones)" or "(12 UAVs)" at token i, if a count opens there.

    An air-defence tally names each region with how many drones fell over it in brackets;
    the list goes on past the count.
    """
    if i + 3 >= len(toks) or toks[i].text != "(":
        return None
    count = toks[i + 1].text
    if not (count[0].isdigit() or count.lower() in _COUNT_WORDS):
        return None
    for j in range(i + 2, min(i + 5, len(toks))):
        if toks[j].text == ")":
            return j + 1 if j > i + 2 else None
        if toks[j].kind != "w":
            return None
    return None


def _who_with(toks: list[_Tok], i: int) -> int | None:
    """The index past the people a "with" at token i adds to those evacuated, or None.

    "families with children", "children with their parents or guardians":
    who leaves, told before where from.
    """
    if i + 1 < len(toks) and toks[i + 1].text in _WHO_WITH:
        return i + 2
    # "with their mothers or carers, or other legal guardians, from X": the commas
    # set off one more way of naming the same companions, not a new clause
    k, past = i + 1, None
    while k < min(len(toks), i + 13) and (toks[k].kind == "w" or toks[k].text == ","):
        word = toks[k].text.lower()
        if word in _COMPANIONS:
            past = k + 1
        elif word != "," and word not in _COMPANION_WORDS:
            break
        k += 1
    if past is not None and past < len(toks) and toks[past].text == ",":
        past += 1
    return past


_NEARBY = frozenset({"nearby", "surrounding", "neighbouring", "neighboring", "adjacent"})


_OBJECT_DETERMINERS = frozenset({"a", "an", "the", "another", "several", "two", "three", "dozens"})


def _second_object(toks: list[_Tok], i: int, links: frozenset[str]) -> int | None:
    """The index of the preposition after "and a/the <noun>" at token i, else None.

    "struck homes and a hospital in X": a strike's object of two nouns joined by "and",
    before the place. A determiner after "and", or a bare noun ("hit buildings and equipment
    in X", "damaged homes and cars in X"), at most a few more plain words (a phrase of its
    own: "and equipment at a shipyard in X"), then a locative with a place ("in X", "in the
    village of X", "in the X region"): a verb after "and" ("killed two and injured three in
    X") or a clause of its own is no second object.
    """
    j = i + 1
    if j >= len(toks) or toks[j].kind != "w":
        return None
    if toks[j].text.lower() in _OBJECT_DETERMINERS:
        j += 1
        reach = 3
    elif _bare_noun(toks[j].text) or _object_adjective(toks[j].text):
        # "hit port and industrial facilities in X": two adjectives of one noun
        reach = 6
    else:
        return None
    for _ in range(reach):
        if j + 1 >= len(toks):
            return None
        tok = toks[j]
        if (
            tok.text in links
            and tok.text in {"in", "on", "at"}
            and _object_place(toks, j + 1) is not None
        ):
            return j
        if tok.kind != "w" or tok.text in _BREAKS or tok.text in _AUX or tok.text.endswith("ed"):
            return None
        j += 1
    return None


def _second_target(toks: list[_Tok], i: int, links: frozenset[str]) -> int | None:
    """The index of the locative after "and <noun> (<noun>)" at token i inside "of", else None.

    "the shelling of a house and sports ground in X": a strike's target of two nouns, the
    second in the singular with no determiner (_second_object takes plurals only, as after a
    verb a bare singular may be a clause of its own).
    """
    j = i + 1
    if j >= len(toks) or toks[j].kind != "w" or not _plain_noun(toks[j].text):
        return None
    for _ in range(3):
        j += 1
        if j + 1 >= len(toks):
            return None
        tok = toks[j]
        if tok.text in links and tok.text in {"in", "on", "at"}:
            return j if _object_place(toks, j + 1) is not None else None
        if tok.kind != "w" or not _plain_noun(tok.text):
            return None
    return None


def _noun_like(word: str) -> bool:
    """A lower-case word that may be a noun: no verb, toll, count, break or auxiliary."""
    return (
        word.isalpha()
        and word not in _BARE_VERBS
        and word not in _TOLL_WORDS
        and word not in _BREAKS
        and word not in _AUX
        and word not in _COUNT_WORDS
        and not word.endswith(("ed", "ing", "ly"))
    )


def _plain_noun(word: str) -> bool:
    """A word written in lower case that may be a noun, and no determiner."""
    return word.islower() and word not in _OBJECT_DETERMINERS and _noun_like(word)


# Verbs that may follow "and" bare, with no "-ed" to tell them: "killed two and hurt three"
_BARE_VERBS = _wordset(
    "hurt hit struck set left cut shot took made sent fell kept caused kills hits injures "
    "wounds leaves sets destroys damages strikes"
)


def _bare_noun(word: str) -> bool:
    """Whether a word after "and" may open a noun with no determiner: a plural or a mass noun.

    Not a verb ("and hurt", "and injured"), a toll word, a number, or a word of another role.
    """
    w = word.lower()
    return _noun_like(w) and (w.endswith("s") or w in _MASS_OBJECTS)


def _object_adjective(word: str) -> bool:
    """Whether a word after "and" is an adjective of what was hit ("industrial", "civilian")."""
    w = word.lower()
    return w.isalpha() and w.endswith(_ADJECTIVE_ENDINGS) and w not in _BREAKS


_ADJECTIVE_ENDINGS = ("ial", "cal", "ural", "nal", "ic", "ive", "ary", "ian")


# Mass nouns of what a strike damages, told with no article: "buildings and equipment in X"
_MASS_OBJECTS = _wordset("equipment infrastructure property machinery housing transport")


# The nouns of an apposition that tells what a place is ("A, a town in B", "A, the port
# city on the coast"), not one more thing a strike hit
_APPOSED_KINDS = _wordset(
    "town city village settlement hamlet region oblast province district raion community "
    "hromada port hub suburb capital centre center area municipality"
)


def _object_place(toks: list[_Tok], j: int) -> int | None:
    """The index of the place a listed object's locative names from token j, else None.

    "in X", "in the X district" (the district's name is one place), "in the city of X".
    """
    if toks[j].kind == "top":
        return j
    if toks[j].text == "the" and j + 1 < len(toks) and toks[j + 1].kind == "top":
        return j + 1
    if (
        # "in the south of (Ukraine's) the X region": the part of the region
        toks[j].text == "the"
        and j + 3 < len(toks)
        and toks[j + 1].text.replace("-", "") in _COMPASS
        and toks[j + 2].text == "of"
    ):
        k = j + 3
        if k + 2 < len(toks) and toks[k].kind == "top" and toks[k + 1].text in {"'s", "’s"}:
            k += 2  # the country's possessive
        if toks[k].text == "the" and k + 1 < len(toks):
            k += 1
        if toks[k].kind == "top" and toks[k].top.place.kind is not PlaceKind.COUNTRY:
            return k
    return _next_kind_group(toks, j)


# What follows a speaker's place: "a spokesman in X said", "the administration in X reported"
_LIST_SPEAKER_AFTER = re.compile(
    r"^\s+(?:said|says|claimed|announced|reported|reports|told|wrote|noted|stated|added)\b",
    re.IGNORECASE,
)


def _listed_objects(text: str, toks: list[_Tok], i: int, links: frozenset[str]) -> int | None:
    """The index of the preposition after ", a/the <noun>[, ...] [and a <noun>]" at the comma i.

    "struck homes, a school and a hospital in X", "hit a depot, a shop in X": a strike's
    objects listed with commas, before the place. Each item opens with a determiner and has
    at most three plain words; the place must not be a speaker's ("..., a spokesman in X
    said").
    """
    j = i
    for _ in range(4):
        if j + 1 >= len(toks) or toks[j].text not in {",", "and"}:
            return None
        j += 1
        if toks[j].text == "and" and toks[j - 1].text == ",":
            j += 1  # ", and a hospital"
        if j >= len(toks) or toks[j].text.lower() not in _OBJECT_DETERMINERS:
            return None
        j += 1
        for _ in range(4):
            if j + 1 >= len(toks):
                return None
            tok = toks[j]
            if tok.text in {",", "and"}:
                break  # the next item
            # "a school in X", "a school in the X district", "a school in the city of X"
            if (
                tok.text in links
                and tok.text in {"in", "on", "at"}
                and (k := _object_place(toks, j + 1)) is not None
            ):
                after = text[toks[k].end : toks[k].end + 40]
                return None if _LIST_SPEAKER_AFTER.match(after) else j
            if tok.kind != "w" or tok.text in _BREAKS or tok.text in _AUX or tok.text in links:
                return None
            j += 1
        else:
            return None
    return None


# Words that make a comma's aside a clause (who said it, when, which), not a noun phrase
_ASIDE_CLAUSE = frozenset(
    "which who whose that where when while after before as said says told reported according "
    "is was are were has have had".split()
)


def _described_item(toks: list[_Tok], i: int) -> int | None:
    """The index of the comma closing a noun phrase apposed to a list's item, at token i.

    "captured A, a key logistics hub, and B", "A, the region's largest port, as well as
    B": the description is the item's, and the list goes on after it. Only a short run of
    plain words opened by an article and followed by the next item's joint; a clause ("A,
    the mayor said, and ...") is none.
    """
    if not (
        toks[i].text == ","
        and i + 2 < len(toks)
        and toks[i + 1].text in {"a", "an", "the", "one"}
        and toks[i - 1].kind == "top"
    ):
        return None
    k = i + 2
    while k < min(len(toks), i + 10) and toks[k].kind == "w" and toks[k].text not in _ASIDE_CLAUSE:
        k += 1
    if k == i + 2 or k + 1 >= len(toks) or toks[k].text != ",":
        return None
    nxt = toks[k + 1]
    if nxt.text in _AND or nxt.kind == "top" or _as_well_as(toks, k, frozenset()) is not None:
        return k
    return None


_AS_WELL_AS_OPENERS = frozenset({"as", "а"})  # "as well as", "а также", "а також"


def _as_well_as(toks: list[_Tok], i: int, links: frozenset[str]) -> int | None:
    """The index of the place after "(,) as well as (in|from ...)" at token i, if one follows."""
    j = i + 1 if toks[i].text == "," else i
    if j >= len(toks) or toks[j].text not in _AS_WELL_AS_OPENERS:
        return None  # asked at most words of a list's phrase: the two openers' first words
    if [t.text for t in toks[j : j + 2]] in (["а", "также"], ["а", "також"]):
        j += 2  # "обстрелы ДНР, а также Белгородской и Курской областей"
    elif [t.text for t in toks[j : j + 3]] != ["as", "well", "as"]:
        return None
    else:
        j += 3
    if j < len(toks) and toks[j].text in links:
        j += 1
    elif (
        j + 1 < len(toks) and toks[j].text.replace("-", "") in _COMPASS and toks[j + 1].text == "of"
    ):
        j += 2  # "north of A, as well as northwest of B": a bearing from the next place
    if j < len(toks) and toks[j].text == "the":
        j += 1
    # "as well as in frontier villages of B": the kind may have a word of its own
    adj = j + 1 if j + 1 < len(toks) and toks[j].kind == "w" and toks[j].text.islower() else j
    for k in (j, adj):
        if k + 2 < len(toks) and toks[k].text in _PLACE_NOUN_FORMS and toks[k + 1].text == "of":
            j = k + 2  # "from the town of A, as well as from the settlements of B and C"
            break
    j = _past_kind_modifier(toks, j)  # "as well as in the Danube port of B": B
    return j if j < len(toks) and toks[j].kind == "top" else None


def _past_kind_modifier(toks: list[_Tok], j: int) -> int:
    """The index of the place after "<kind> of" when the place at j only modifies the kind.

    "the Azov port of B", "the Donbas town of C": the first name says where the second
    lies (``_modifies_kind_of``); the list's item is the second. Else j.
    """
    if j >= len(toks) or toks[j].kind != "top" or not _modifies_kind_of(toks, j):
        return j
    return next(k + 1 for k in range(j + 1, len(toks) - 1) if toks[k].text == "of")


def _times_item(toks: list[_Tok], i: int) -> int | None:
    """The index of the link of "(, and) N times on" at token i: one more item of a count list.

    A regional bulletin counts fire per settlement: "opened fire 30 times at 9 villages: twice
    on A and B with rockets, and 28 times on C, D and E with tube artillery". A weapon
    phrase ("with rocket launchers") before the next count does not end the list.
    """
    if i < len(toks) and toks[i].text == "with":
        k = i + 1
        while k < min(len(toks), i + 7) and toks[k].text not in {",", "and"}:
            if toks[k].kind not in {"w", "p"} or toks[k].text in _BREAKS_BUT_AND:
                return None
            k += 1
        i = k
    j = i
    while j < len(toks) and toks[j].text in {",", "and"}:
        j += 1
    if j + 1 < len(toks) and toks[j].text in {"once", "twice"} and toks[j + 1].text in {"on", "at"}:
        return j + 1
    if j + 2 >= len(toks) or not (toks[j].text.isdigit() or toks[j].text in _COUNT_WORDS):
        return None
    if toks[j + 1].text not in {"times", "time"} or toks[j + 2].text not in {"on", "at", "in"}:
        return None
    return j + 2


def _unknown_item(text: str, toks: list[_Tok], j: int) -> int | None:
    """The index past an unresolved name of up to three words at j, if a separator follows.

    "Rodynske, Chervonyi Lyman, Udachne": a two-word village the gazetteer lacks does not end
    the list.
    """
    k = j
    while k < len(toks) and k - j < 3 and _unknown_name(text, toks[k]):
        k += 1
    if k == j or k >= len(toks) or toks[k].text not in _ITEM_JOINTS:
        return None
    return k


def _unknown_object_head(text: str, toks: list[_Tok], i: int) -> int | None:
    """The index of a list's first known settlement when an unresolved name heads the list.

    "seized X, A and B", "took X and A": a verb's object that opens with a village the
    index lacks is still the verb's list of places; the next item must be a settlement the
    index knows (so "hit Monday's target" or a person's name alone leads nowhere).
    """
    if (k := _unknown_item(text, toks, i)) is None:
        return None
    while k < len(toks) and toks[k].text in _ITEM_JOINTS:
        k += 1
    if k < len(toks) and toks[k].kind == "top" and _name_next(text, toks[k]):
        return k
    return None


def _rest_of_area(text: str, toks: list[_Tok], i: int) -> tuple[Toponym, int] | None:
    """The area of "(and) other towns and villages of X Oblast" at token i; the next index.

    "daily attacks in Kharkiv and other towns and villages of Kharkiv Oblast" names the city
    and, beside it, the rest of its oblast: an area event of its own. The toponym spans the
    whole phrase ("other towns ... Oblast"), which tells the event apart from an oblast
    reading of the city's strike (see ``geo.events.extract``).
    """
    if i < len(toks) and toks[i].text == "city":
        i += 1  # "Kharkiv City and other towns"
    j = i
    while j < len(toks) and toks[j].text in {",", "and"}:
        j += 1
    if j > i and j + 1 < len(toks) and (toks[j].text.isdigit() or toks[j].text in _COUNT_WORDS):
        j += 1  # "A and 9 other villages of the oblast": the others, counted
    if j == i or j >= len(toks) or toks[j].text != "other":
        return None
    other = j
    j += 1
    while j < len(toks) and toks[j].text in _AREA_RUN_WORDS:
        j += 1
    if j == other + 1 or j >= len(toks) or toks[j].text not in {"of", "in", "across"}:
        return None
    town = toks[i - 1].top if i > 0 and toks[i - 1].kind == "top" else None
    unit = _unit_at(toks, j + 1)
    if unit is None:
        # "hit A and 9 other villages in the region": the region is A's own oblast
        return _rest_of_own_region(text, toks, j + 1, town, toks[other].start)
    top = toks[unit].top
    if town is not None and town.place.admin1_code != top.place.admin1_code:
        if top.surface[:1].islower():  # "the region" taken back to an oblast told before
            return _own_region(text, toks, town, toks[other].start, unit)
        return None  # "the region" read as another oblast than the town's own
    start = toks[other].start
    return replace(top, start=start, surface=text[start : top.end]), unit + 1


_REGION_NOUNS = frozenset({"region", "oblast", "province"})


def _rest_of_own_region(
    text: str, toks: list[_Tok], j: int, town: Toponym | None, start: int
) -> tuple[Toponym, int] | None:
    """The rest of a town's own oblast, named as "the region" after "A and N other villages in".

    "Shelling hit A and 9 other villages in the region, injuring four": the region is A's
    oblast (the one the sentence names, as a governor's title or a frame, or the oblast A is
    the centre of), and the other settlements are an area event beside A's.
    """
    if (
        town is None
        or j + 1 >= len(toks)
        or toks[j].text != "the"
        or toks[j + 1].kind == "top"
        or toks[j + 1].text.lower() not in _REGION_NOUNS
    ):
        return None
    return _own_region(text, toks, town, start, j + 1)


def _own_region(
    text: str, toks: list[_Tok], town: Toponym, start: int, last: int
) -> tuple[Toponym, int] | None:
    """A town's own oblast as the toponym spanning ``start`` to token ``last``; the next index."""
    if town.place is None or town.place.kind is not PlaceKind.POPULATED_PLACE:
        return None
    code = town.place.admin1_code
    oblast = next(
        (
            t.top
            for t in toks
            if t.kind == "top"
            and t.top.place is not None
            and t.top.place.kind is PlaceKind.ADMIN1
            and t.top.place.admin1_code == code
        ),
        None,
    ) or _oblast_reading(town)
    if oblast is None:
        return None
    end = toks[last].end
    return replace(oblast, start=start, end=end, surface=text[start:end]), last + 1


def _unit_at(toks: list[_Tok], j: int) -> int | None:
    """The index of an oblast or raion named at token j ("[the] Kharkiv Oblast"), else None."""
    if j < len(toks) and toks[j].text == "the":
        j += 1
    if j >= len(toks) or toks[j].kind != "top":
        return None
    return j if toks[j].top.place.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2) else None


def rest_of_area(named: Toponym | Event) -> bool:
    """Whether a toponym (or its event) is the rest of an area: "other towns of X Oblast"."""
    return named.surface.startswith("other ")


def _next_region_group(text: str | None, toks: list[_Tok], j: int, last: Toponym) -> bool:
    """Whether a ";" at token j goes on to the next oblast's group of a bulletin's list.

    "near A, Kharkiv region; B and C in Luhansk region and D, Donetsk region": the oblast
    before the ";" situated the settlement before it, and a settlement follows.
    """
    return (
        text is not None
        and toks[j].text == ";"
        and j + 1 < len(toks)
        and toks[j - 1].kind == "top"
        and toks[j - 1].top.place.kind is PlaceKind.ADMIN1
        and last.place.kind is PlaceKind.POPULATED_PLACE
        and _name_next(text, toks[j + 1])
    )


_NEXT_ITEM_WORDS = frozenset(
    "near in around outside at by the of city cities town towns village villages settlement "
    "settlements".split()
)


def _community_at(toks: list[_Tok], j: int) -> int | None:
    """The index of the unit word of "[the] X community/hromada/district" at token j, else None.

    The geoparser may read X as the town the unit is named after; the unit word after it
    says the name is the unit's.
    """
    if j < len(toks) and toks[j].text == "the":
        j += 1
    if j + 1 < len(toks) and toks[j].kind == "top" and toks[j + 1].text in _UNIT_WORDS:
        return j + 1
    return None


def _qualified_item(toks: list[_Tok], i: int, item: Toponym) -> int | None:
    """Past "in [the] X region" after a listed settlement, where the list goes on after it.

    "Siversk in the Donetsk oblast, and Izium in ...": the oblast says where the village
    lies (an item of the list has its own qualifier); it is no place of the list. Returns the
    index of the separator after the region, or None.
    """
    if item.place.kind not in (PlaceKind.POPULATED_PLACE, PlaceKind.POINT):
        return None
    if i >= len(toks) or toks[i].text != "in":
        return None
    j = _unit_at(toks, i + 1)
    community = j is None and (j := _community_at(toks, i + 1)) is not None
    if j is None:
        return None
    k = j + 1
    if k < len(toks) and toks[k].text in {",", ";"}:
        k += 1  # "A in the X region; B and C in the Y region": a bulletin's groups
    if k < len(toks) and toks[k].text in {"and", "or"}:
        k += 1
    elif k > j + 1 and [t.text for t in toks[k : k + 3]] == ["as", "well", "as"]:
        k += 3  # "A in the X region, as well as near the cities of B and C"
    # the next item's own locative and kind: "and near the cities of B"
    start = k
    while k < min(len(toks), start + 5) and toks[k].text in _NEXT_ITEM_WORDS:
        k += 1
    if k == j + 1 or k >= len(toks) or toks[k].kind != "top":
        # "..., B and C in the X community": the last group's community only situates it,
        # whatever follows; the list ends past it
        return j + 1 if community else None
    return j + 1


def _without_stray_oblast(found: list[Toponym]) -> list[Toponym]:
    """Drop a bare oblast name from a long list of villages of one other oblast.

    "near Udachne, Kotlyne, Pokrovsk, Rivne and Dachne": the Rivne of a General Staff list
    of villages of one front (one or two oblasts) is a village there, not Rivne Oblast; with
    no village of that name to hand, no dot beats a dot 600 km away.
    """
    towns = [t for t in found if t.place.kind is PlaceKind.POPULATED_PLACE]
    codes = {t.place.admin1_code for t in towns}
    if len(found) < 4 or len(towns) < 3 or len(codes) > 2:  # one front: one or two oblasts
        return found
    return [
        t
        for t in found
        if not (
            t.place.kind is PlaceKind.ADMIN1
            and t.place.admin1_code not in codes
            and t.surface.lower() == t.surface.lower().split()[0]  # no "oblast"/"region" word
        )
    ]


# Between an evacuation and the places of an order already given: "it will concern
# settlements A and B", "evacuation will be carried out from A", "covers A and B"; whom it
# moves may come first (evacuation "of families" before its "will be ... in A").
_ORDER_SCOPE = re.compile(
    ORDER_WHOM + r"(?:will\s+(?:also\s+)?(?:concern|cover|affect|apply\s+to|be\s+carried\s+out)|"
    r"(?:concerns|covers|affects|applies\s+to))\b(?=[^.;]{0,60}?\b(?:settlements?|villages?|"
    r"towns?|from|in)\b)",
    re.IGNORECASE,
)

# What an evacuation's subject may say of it before the verb of its scope: an aside on when
# it began ("The evacuation, which began on Monday, covers ..."), or its running time joined
# by "and" ("has been under way since April and covered ..."). Read only where a verb of
# scope follows, so the places after it are the order's.
_RUNNING_BEFORE_SCOPE = re.compile(
    r"(?:,\s*which\s+(?:began|started|was\s+(?:announced|ordered|declared|launched))\b"
    r"[^,;.]{0,40},\s*"
    r"|\s*(?:has|had)\s+been\s+(?:ongoing|under\s*way|going\s+on|in\s+progress|continuing)\s+"
    r"(?:since|from|for)\b[^,;.]{1,40}?\s+and\s+)"
    r"(?=(?:also\s+)?(?:concern|cover|affect|appl(?:y|ie)|include|involve)(?:s|d|ed)?\b)",
    re.IGNORECASE,
)


_DISTANCE_UNITS = frozenset("km kilometres kilometers kilometre kilometer miles mile kms".split())


def _distance_reference(toks: list[_Tok], i: int) -> bool:
    """Whether the place at token i is measured from: "10 km from X", "a few miles away from X".

    "shelled A, some 12 kilometres from B": B says where A lies, as "north of B" does.
    """
    k = i - 1
    if k >= 3 and toks[k].text == "of" and toks[k - 1].text in _PLACE_NOUNS:
        k -= 2 if toks[k - 2].text != "the" else 3  # "from the town of X"
    if k < 1 or toks[k].text != "from":
        return False
    k -= 1
    if toks[k].text == "away":
        k -= 1
    return k >= 0 and toks[k].text.lower() in _DISTANCE_UNITS


def _distance_aside(toks: list[_Tok], i: int) -> int | None:
    """The index past "some 30 kilometres (19 miles)" at token i, if a bearing follows it.

    "captured two villages some 30 km east of X": the distance measures where the object
    lies from X; its words are not the object's, and its bracketed second unit is no aside
    that ends the phrase.
    """
    k = i + 1 if toks[i].text in _HEDGE_WORDS else i
    if not (
        k + 1 < len(toks) and toks[k].text[:1].isdigit() and toks[k + 1].text in _DISTANCE_UNITS
    ):
        return None
    k += 2
    if (
        k + 3 < len(toks)
        and toks[k].text == "("
        and toks[k + 1].text[:1].isdigit()
        and toks[k + 2].text in _DISTANCE_UNITS
        and toks[k + 3].text == ")"
    ):
        k += 4
    if k < len(toks) and (
        toks[k].text.replace("-", "") in _COMPASS or toks[k].text in {"from", "away"}
    ):
        return k
    return None


def _counted_after_reference(toks: list[_Tok], first: int, group: list[Toponym]) -> list[Toponym]:
    """The places a count announced, named after the point they are measured from.

    "took two villages east of X, A and B": the list read after "east of" is X, A, B; when
    a count ("two villages") stands before it in the phrase and the names after the first
    are as many as it says, the first is the reference and the others the counted places.
    """
    if len(group) < 2:
        return []
    return group[1:] if _count_named(toks, first, _first_place(toks, first), group[1:]) else []


def _first_place(toks: list[_Tok], first: int) -> int:
    """The index of the first place token from ``first`` on (the end of the tokens if none)."""
    return next((j for j in range(first, len(toks)) if toks[j].kind == "top"), len(toks))


def _place_counts(toks: list[_Tok], first: int, end: int) -> Iterator[int]:
    """The counts of places told between two tokens: "two villages", "3 settlements"."""
    for j in range(first, min(end, len(toks)) - 1):
        if toks[j + 1].text in _COUNTED_PLACE_NOUNS or (
            j + 2 < end and toks[j + 2].text in _COUNTED_PLACE_NOUNS
        ):
            word = toks[j].text
            n = int(word) if word.isdigit() else _COUNTS.get(word)
            if n is not None:
                yield n


def _count_named(toks: list[_Tok], first: int, end: int, names: list[Toponym]) -> bool:
    """Whether a count of places between two tokens says as many as ``names`` holds.

    A list of one name is no list.
    """
    return len(names) > 1 and len(names) in _place_counts(toks, first, end)


def _count_unmet(toks: list[_Tok], first: int, group: list[Toponym]) -> bool:
    """Whether a count of places says more than the names apposed after its reference.

    ``group`` is the reference town and the names read after it; with at least one name
    apposed and a count ("two villages") above their number, some counted place is unknown.
    """
    if len(group) < 2:
        return False
    counts = _place_counts(toks, first, _first_place(toks, first))
    return any(n > len(group) - 1 for n in counts)


_COUNTS = {
    w: n for n, w in enumerate("zero one two three four five six seven eight nine ten".split())
}


def _compass_reference(toks: list[_Tok], i: int) -> bool:
    """Whether the place at token i is only a point to measure from.

    "north of X", "west of the logistics centre of X", "southwest of the industrial town of
    X": the noun phrase that describes X does not make it the ground taken; nor does a
    distance from it ("10 km from X").
    """
    if _distance_reference(toks, i):
        return True
    if i < 2 or toks[i - 1].text != "of":
        return False
    for j in range(i - 2, max(-1, i - 9), -1):
        if toks[j].text.lower().replace("-", "") in _COMPASS:
            # the compass word itself, or "of the <words> of" after it
            mid = toks[j + 2 : i - 1]
            return j == i - 2 or (
                toks[j + 1].text == "of"
                and len(mid) >= 2
                and mid[0].text == "the"
                and all(t.kind == "w" for t in mid)
            )
        if toks[j].kind != "w":
            return False
    return False


# The words an aside may hold between a village and the bearing that situates it: "A,
# located some 10 km to the east of B", "A (just north of B)"
_BEARING_ASIDE = frozenset(
    {",", "(", "located", "situated", "lying", "lies", "which", "just", "some", "about"}
    | {"around", "roughly", "nearly", "to", "the"}
)


def situating_points(toks: list[_Tok]) -> set[int]:
    """The starts of the places a sentence names only to say where a town before them lies.

    "another was hurt in the village of A, located to the east of B", "in A, 12 km north of
    B", "in A near B": B places nothing of its own. A bearing with no town before it ("two
    were hurt north of B") leaves B the place.
    """
    out = set()
    for i, tok in enumerate(toks):
        if tok.kind != "top":
            continue
        if _near_reference(toks, i):
            out.add(tok.top.start)
            continue
        if not _compass_reference(toks, i):
            continue
        k = i - 1
        while (
            k >= 0
            and toks[k].kind in ("w", "p")
            and (
                toks[k].text.lower().replace("-", "") in _COMPASS
                or toks[k].text in _BEARING_ASIDE
                or toks[k].text in {"of", "from", "away"}
                or toks[k].text in _DISTANCE_UNITS
                or toks[k].text.replace(".", "").isdigit()
            )
        ):
            k -= 1
        if (
            0 <= k < i - 2
            and toks[k].kind == "top"
            and toks[k].top.place.kind in (PlaceKind.POPULATED_PLACE, PlaceKind.POINT)
        ):
            out.add(tok.top.start)
    return out


def _modifies_kind_of(toks: list[_Tok], i: int) -> bool:
    """Whether the place at token i names where the place after "<kind> of" lies.

    "the Donbas city of X", "the Kyiv suburb of Y", and with up to two words of its own kind
    between: "the Danube port town of Izmail", "the Kharkiv border town of Z".
    """
    for k in range(i + 1, min(i + 4, len(toks) - 2)):
        tok = toks[k]
        if (
            tok.text in _MODIFIED_NOUNS
            and toks[k + 1].text == "of"
            # "the Black Sea port city of 250,000": a city told by its size, named elsewhere
            and (toks[k + 2].kind == "top" or toks[k + 2].text[:1].isdigit())
        ):
            return True
        if (
            tok.text in _MODIFIED_AREAS
            and toks[k + 1].text == "of"
            and toks[k + 2].kind == "top"
            and toks[k + 2].top.place.kind is not PlaceKind.COUNTRY
        ):
            # "the Black Sea region of X": X's region (not "the Donbas region of Ukraine")
            return True
        if tok.kind != "w" or not tok.text.islower() or tok.text in _NOT_MODIFIER:
            return False
    return False


def _kind_phrase_names(toks: list[_Tok], k: int) -> bool:
    """Whether "the [<bearing>|<place>] [<word>] <kind> of <place>" starts at token k.

    "the city of B", "the southern region of B", "the Black Sea port of B": a noun phrase
    whose head is the kind of the place after "of" (``_APPOSED_KINDS``), and nothing else.
    """
    if k >= len(toks) or toks[k].text != "the":
        return False
    for j in range(k + 1, min(k + 5, len(toks) - 2)):
        tok = toks[j]
        if tok.text in _APPOSED_KINDS and toks[j + 1].text == "of" and toks[j + 2].kind == "top":
            return True
        if tok.kind == "top" and j == k + 1:
            continue  # "the Black Sea port of B": where B lies
        if tok.kind != "w" or not tok.text.islower() or tok.text in _NOT_MODIFIER:
            return False
    return False


_AREA_KINDS = (PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.REGION)


def _area_in_its_region(toks: list[_Tok], i: int) -> int | None:
    """Past "of [the] Y region" after "the X area" (``toks[i]`` is "area"), X a settlement of Y.

    "repelled an attack in the X area of the Y region": the area is the land around the
    settlement X, and the region only says where X lies, as in "near X in the Y region"; it is
    no second place of the phrase. A sector ("the X direction of the Y region") is not an
    area around one settlement and is left to the sector reading. Returns the index after the
    region, or None.
    """
    if toks[i].text != "area" or toks[i - 1].top is None:
        return None
    town = toks[i - 1].top.place
    if town.kind not in (PlaceKind.POPULATED_PLACE, PlaceKind.POINT):
        return None
    k = i + 1
    if k >= len(toks) or toks[k].text != "of":
        return None
    k += 1
    if k < len(toks) and toks[k].text == "the":
        k += 1
    if k >= len(toks) or toks[k].kind != "top":
        return None
    region = toks[k].top.place
    if region.kind not in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
        return None
    if region.admin1_code and town.admin1_code and region.admin1_code != town.admin1_code:
        return None  # X read as a namesake elsewhere: the region is the surer place
    return k + 1


def _participle_host(text: str, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The place that closes the clause a fight's participle hangs from.

    "troops were moved in the direction of X, trying to regain their positions": the try
    opens with a participle after a comma, and the clause before it ended at X, named after
    a preposition of where troops are or go. Nothing when the clause names no such place.
    """
    if not _PARTICIPLE_OPENS.match(trig.text):
        return []
    before = [t for t in tops if t.end <= trig.start]
    if not before:
        return []
    t = before[-1]
    if not _HOST_GAP.fullmatch(text, t.end, trig.start):
        return []
    if not _HOST_LINK.search(text, max(0, t.start - 40), t.start):
        return []
    return [t] if t.place.kind is PlaceKind.POPULATED_PLACE else []


_PARTICIPLE_OPENS = re.compile(r"(?:trying|attempting|seeking)\b", re.IGNORECASE)
_HOST_GAP = re.compile(r"\s*,\s*")
_HOST_LINK = re.compile(
    r"\b(?:in\s+the\s+direction\s+of|towards?|near|around|outside|on\s+the\s+outskirts\s+of)"
    r"\s+(?:the\s+)?(?:(?:village|town|city|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)


def _participle_aside_end(text: str, toks: list[_Tok], i: int) -> int | None:
    """The index of the place after ", <verb>ing ..., and" at token i (the first comma).

    "took A, threatening the town of B, and C": a participle's clause set off by commas
    between two items of a list; None unless ", and" and a place follow it within a few words.
    """
    if i + 1 >= len(toks) or not _ING_WORD.fullmatch(toks[i + 1].text):
        return None
    for k in range(i + 2, min(len(toks) - 2, i + 2 + _ASIDE_MAX)):
        if toks[k].text in {";", ".", ":", "(", ")"}:
            return None
        if toks[k].text == "," and toks[k + 1].text == "and" and toks[k + 2].kind == "top":
            return k + 2
        if toks[k].text == ",":
            return None
    return None


_ING_WORD = re.compile(r"[a-z]{3,}ing")
_ASIDE_MAX = 8  # tokens of the participle's clause


def _bracketed_gloss_end(toks: list[_Tok], i: int) -> int | None:
    """Past "( words )" and a comma at token i: a gloss with no place in it, else None."""
    k = i + 1
    while k < len(toks) and k - i <= _GLOSS_MAX and toks[k].kind == "w":
        k += 1
    if k >= len(toks) or toks[k].text != ")" or k == i + 1:
        return None
    k += 1
    if k < len(toks) and toks[k].text == ",":
        k += 1
    return k


_GLOSS_MAX = 8  # words of a bracketed gloss


def _area_in_sector(toks: list[_Tok], i: int) -> bool:
    """Whether "X area" at token i (the "area") is a settlement's ground inside a sector.

    "repelled attacks in the X area in the Y direction": the area is the land around the
    settlement X, where the fighting is; the direction after it is the sector that situates
    it (and is the weaker place), as in "near X in the Y direction".
    """
    if toks[i].text != "area" or toks[i - 1].top is None:
        return False
    if toks[i - 1].top.place.kind not in (PlaceKind.POPULATED_PLACE, PlaceKind.POINT):
        return False
    k = i + 1
    if k >= len(toks) or toks[k].text not in {"in", "on"}:
        return False
    k += 1
    if k < len(toks) and toks[k].text == "the":
        k += 1
    return (
        k + 1 < len(toks)
        and toks[k].kind == "top"
        and toks[k + 1].text.lower() in _SECTOR_WORDS
        and toks[k + 1].text != "area"
    )


def _owner_area(toks: list[_Tok], i: int) -> bool:
    """Whether the place at token ``i`` is an area owning the next place ("the X region's Y")."""
    return (
        i >= 1
        and i + 2 < len(toks)
        and toks[i].kind == "top"
        and toks[i].top.place.kind in _AREA_KINDS
        and toks[i - 1].text == "the"
        and toks[i + 1].text in {"'s", "’s"}
        and toks[i + 2].kind == "top"
        and toks[i + 2].top.place.kind is PlaceKind.POPULATED_PLACE
    )


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
    # Groups that only situate the others: a front sector ("in the Lyman direction") or a
    # reference point ("southwest of Pokrovsk near Udachne"). Kept only if nothing else is.
    weak: list[bool] = []
    pre = 0  # words before the first preposition
    np = -1  # words in the current prepositional phrase; -1 before the first one
    if (
        etype is EventType.EVACUATION
        and i < len(toks)
        and (m := _RUNNING_BEFORE_SCOPE.match(text, toks[i].start))
    ):
        while i < len(toks) and toks[i].start < m.end():
            i += 1  # "the evacuation, which began on Monday, covers A": past the aside
    if (
        etype is EventType.EVACUATION
        and i < len(toks)
        and (m := _ORDER_SCOPE.match(text, toks[i].start))
    ):
        while i < len(toks) and toks[i].start < m.end():
            i += 1  # "the evacuation will concern settlements A, B": the order's places
        # whom it moves, counted, before where from: "will concern 40 children and 52
        # parents from A and B" (the count's words are no verb's object)
        k = i
        while k < min(len(toks), i + 12) and toks[k].kind == "w" and toks[k].text != "from":
            k += 1
        if k < len(toks) and toks[k].text == "from" and k > i:
            i = k
    first = i
    modifier = -1  # the last place that only modified a kind ("the Donbas city of X")
    joined = False  # the next place is one more item of the last group's list
    dest = False  # after "evacuated to": the places of the destination's phrase
    source = False  # after "from the direction of": where the attackers came from
    opened = ""  # the preposition that opened the current phrase
    while i < len(toks):
        tok = toks[i]
        if tok.kind in {"date", "skip"}:
            i += 1
            continue
        if tok.kind == "top" and (dest or source):
            # "evacuated to a hospital in X", "drones from the direction of X": not where
            i, dest, source = _list_from(toks, i, text)[1], False, False
            continue
        if tok.kind == "top":
            if _owner_area(toks, i):
                i += 2  # "liberated the Donetsk region's A": the oblast whose A it is
                continue
            if _is_actor(text, tok.top, etype):
                i += 1  # "into Russia's Kursk Oblast": the owner, not the place
                if i < len(toks) and toks[i].text in {"'s", "’s"}:
                    i += 1
                continue
            if (
                text.startswith("-", tok.top.end)
                and text[tok.top.end + 1 : tok.top.end + 2].islower()
            ):
                i += 1  # "the Moscow-occupied plant": a modifier naming who holds it
                continue
            if _modifies_kind_of(toks, i):
                # "the Donbas city of Lysychansk", "the Kyiv suburb of Irpin", "the Danube port
                # town of Izmail": a modifier
                modifier = i
                i += 1
                continue
            if not found and _situates_unplaced(text, toks, first, i):
                break  # "took the village of X in the Y region": not the oblast
            there = tok.top.surface.lower() == "there"  # an adverb: "fighting continues there"
            # "shelled the Kharkiv region's A and B": the area that owns the object stands
            # between the article and it; the word before the owner is the object's
            det = i - 3 if _owned_by_area(toks, i) else i - 1
            if (
                np < 0
                and not there
                and not (
                    pre == 0
                    or (pre == 1 and _VERB_FORM.fullmatch(toks[i - 1].text))
                    # "shelled Kyiv-controlled X": a compound adjective before the object
                    or (pre == 1 and _hyphened(toks[i - 1]))
                    or (pre == 1 and toks[det].text == "the")  # "hit the Kursk region"
                    # "flee the northeastern Sumy region", "hit Ukraine's southern Odesa"
                    or (pre == 1 and toks[i - 1].text in _COMPASS)
                    or (pre == 2 and toks[i - 2].text == "the" and toks[i - 1].text in _COMPASS)
                    # "hit the capital Kyiv", "targeted the capital, Kyiv, and ...": apposition
                    or (pre == 2 and toks[i - 2].text == "the" and toks[i - 1].text == "capital")
                    or (
                        pre == 2
                        and toks[i - 1].text == ","
                        and toks[i - 2].text == "capital"
                        and toks[i - 3].text == "the"
                    )
                    # "liberated the Donetsk region's A": the oblast owns the object
                    or (pre == 1 and _owner_area(toks, i - 2))
                    # "attacked the region's Izium and Chuhuiv districts": whose they are
                    or (
                        pre == 2
                        and toks[i - 2].text == "the"
                        and toks[i - 1].text[:-2] in _OWNER_NOUNS
                        and toks[i - 1].text[-2:] in {"'s", "’s"}
                    )
                )
                and toks[i - 1].text not in _PLACE_NOUNS  # "captured Ukraine's town Vuhledar"
                and not (  # "took a settlement named Vesele", "a village called X"
                    i >= 2 and toks[i - 1].text in _NAMED and toks[i - 2].text in _PLACE_NOUNS
                )
            ):
                break  # a place that is not an object: the subject of a new clause
            reference = _compass_reference(toks, i) or (
                # "Tabaivka near Kupiansk", but not past a reference point ("southwest of
                # Pokrovsk near Udachne": Udachne is where it happens)
                _near_reference(toks, i)
                and bool(found)
                and not (len(weak) >= len(found) and weak[len(found) - 1])
            )
            # "villages bordering Kharkiv Oblast" are not in it; "the neighbouring Kursk
            # region" is an adjective before the place itself
            bordering = (
                i >= 1
                and toks[i - 1].text in _BORDERING
                and not (i >= 2 and toks[i - 2].text in {"the", "a", "an", "its", "their"})
            )
            more, i = _list_from(toks, i, text)
            if found and i < len(toks) and toks[i].text in _COMMUNITY_WORDS:
                reference = True  # "A and B in the X community": it only situates them
            if bordering:
                np = max(np, 0) + 1
                continue  # "villages bordering Kharkiv Oblast": never in it
            if reference and beyond_reach(text, tok.top):
                # "a village some 40 km east of X": X's point is no dot for it; names apposed
                # after it ("two villages 40 km east of X, A and B") are the places
                np = max(np, 0) + 1
                if len(more) > 1 and text.startswith(",", tok.top.end):
                    weak.extend([False] * (len(found) - len(weak)))
                    found.append(more[1:])
                    weak.append(False)
                continue
            if reference and text.startswith(",", tok.top.end) and _count_unmet(toks, first, more):
                # "two villages 15 km north of X, A and B" with B unknown to the index: X only
                # measures where they lie, and the places counted are not all known
                np = max(np, 0) + 1
                continue
            weak.extend([False] * (len(found) - len(weak)))  # groups added by a parenthesis
            if reference and (named := _counted_after_reference(toks, first, more)):
                # "two villages east of X, A and B": X says where they lie, A and B are
                # the two the count announced
                found.append(more[:1])
                weak.append(True)
                more, reference = named, False
            if (
                found
                and not reference
                and len(more) > 1
                and more[0].place.kind is PlaceKind.ADMIN1
                and found[-1][0].place.kind is not PlaceKind.ADMIN1
                and all(t.place.admin1_code == more[0].place.admin1_code for t in found[-1])
                and more[1].place.admin1_code != more[0].place.admin1_code
            ):
                # "in the A district of X Oblast, and as well in Y Oblast": X only situates A,
                # and the list goes on from A
                found[-1] = found[-1] + more[1:]
                found.append(more[:1])
                weak.append(True)
                np = max(np, 0) + 1
                continue
            if joined and not reference:
                found[-1] = found[-1] + more  # one list: no level of the two is finer
            else:
                found.append(more)
                weak.append(reference)
            joined = False
            np = max(np, 0) + 1
            continue
        word = tok.text
        if np < 0 and pre == 0 and not found and (k := _unknown_object_head(text, toks, i)):
            i = k  # "seized X, A and B" with X unknown to the index: the list goes on to A
            continue
        if (
            word == "so"
            and i + 2 < len(toks)
            and toks[i + 1].text == "far"
            and toks[i + 2].text in links
        ):
            i += 2  # "evacuated so far from X": how long, not a clause of its own
            continue
        if (
            word in {"were", "was"}
            and np < 0
            and not found
            and i + 1 < len(toks)
            and toks[i + 1].kind == "top"
            and all(t.kind == "date" or t.text in {"on", "in", "during"} for t in toks[first:i])
            and _AMONG_BEFORE.search(text, max(0, toks[first].start - 80), toks[first].start)
        ):
            # "Among the settlements shelled on Monday were A, B and C": the subject follows
            # its copula, the participle before it is the strike
            i, pre = i + 1, 0
            continue
        if (
            word in {"and", ",", "as"}
            and etype is EventType.ATTACK
            and np < 0
            and not found
            and (k := _unnamed_conjunct(text, toks, first, i)) is not None
        ):
            # "shelled the district centre and the A and B hromadas": the object's first item
            # is a place named by its kind alone, the named ones are joined to it
            i, pre = k, 0
            continue
        if (
            word in {"and", "as"}
            and etype is EventType.ATTACK
            and not found
            and (k := _named_after_unnamed(toks, first, i, links)) is not None
        ):
            # "blasts in the regional capital as well as in the city of A", "blasts
            # in the regional centre and in B": the first place is named by its kind alone
            i, np = k, 0
            continue
        if (
            found
            and word in _COMMUNITY_WORDS
            and toks[i - 1].kind == "top"
            and i + 1 < len(toks)
            and toks[i + 1].text == ";"
            and (k := _next_kind_group(toks, i + 2)) is not None
        ):
            # "B and C in the X community; and the villages of D": the community situates
            # the group before it, and the list goes on
            i, np = k, 0
            continue
        if (
            found
            and word in _COMMUNITY_WORDS
            and toks[i - 1].kind == "top"
            and i + 2 < len(toks)
            and toks[i + 1].text in _AND
            and (k := _kind_of_item(text, toks, i + 1, i + 2)) != i + 2
            and toks[k].kind == "top"
        ):
            # "in the A community and the city of B": one more item of the list, told by
            # its kind after the community's name
            i, joined = k, True
            continue
        if found and (k := _as_well_as(toks, _described_item(toks, i) or i, links)) is not None:
            # "from Vovchansk and nearby villages, as well as from Lyptsi"; past an apposition
            # to the last place: "took A, a logistics hub, as well as the town of B"
            i, np = k, 0
            continue
        if (
            (found or etype in _TOLL_TYPES)
            # "killed three in the X region: two in A and one in B": the count set out by place
            and (word in {"and", ","} or (word == ":" and etype in _TOLL_TYPES))
            and (link := _figure_item(toks, i + 1, toll=etype in _TOLL_TYPES)) is not None
        ):
            # "evacuated 101 people from A and 58 from B": the list goes on, a count per place
            i, np = link + 1, 0
            continue
        if found and toks[i - 1].kind == "top" and word.lower() in _SECTOR_WORDS:
            weak.extend([False] * (len(found) - len(weak)))
            if (k := _area_in_its_region(toks, i)) is not None:
                i = k  # "in the X area of the Y region": at X; the region says where X lies
                continue
            # "the Pokrovsk direction": a sector, named after a town; people "evacuated from
            # the A and B sectors in the X region" leave the sectors, which X only situates
            weak[-1] = etype not in FIGURE_TYPES and not _area_in_sector(toks, i)
            i += 1
            continue
        if (found or word == ":") and (k := _times_item(toks, i + (word == ":"))) is not None:
            i, np = k, 0  # ": 3 times on A and B with rockets, and 40 times on C"
            continue
        if tok.kind == "p":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (
                word == ","
                and toks[i - 1].text == "capital"
                and nxt is not None
                and nxt.kind == "top"
            ):
                # "the capital, Kyiv": the name follows its noun, as the object or in a
                # phrase ("drones aimed at the Ukrainian capital, Kyiv, came down")
                i += 1
                continue
            if (
                word == "("
                and nxt is not None
                and nxt.kind == "w"
                and text[nxt.start : nxt.end].isupper()
                and i + 2 < len(toks)
                and toks[i + 2].text == ")"
            ):
                i += 3  # "drones (UAV) on the Kursk region": an abbreviation, not an aside
                continue
            if word == "(" and np < 0 and not found and (k := _bracketed_count_end(toks, i)):
                i = k  # "139 evacuees (92 families) from A": the count told again, in units
                continue
            if (
                word == "("
                and i == first
                and etype in GROUND_TYPES
                and (k := _bracketed_gloss_end(toks, i)) is not None
            ):
                # "in the red zone (held by the Russians), the villages of A and B": a gloss
                # on the trigger's own words, then what it names
                i = k
                continue
            if word == "," and np < 0 and pre == 0 and not found and (k := _aside_end(toks, i)):
                i = k  # "shelled, with artillery and mortars, the areas of A, B and C"
                continue
            if word == "," and nxt is not None and nxt.text in links and found == []:
                i += 1  # ", in the Gomel region": the same location, narrowed down
                continue
            if (
                word == ","
                and found
                and etype is EventType.ADVANCE
                and toks[i - 1].kind == "top"
                and (k := _participle_aside_end(text, toks, i)) is not None
            ):
                # "the capture of A, threatening the town of B, and C": what taking A puts at
                # risk is no place taken; the list goes on after the aside
                i, joined = k, True
                continue
            if (
                word == ","
                and found
                and etype in GROUND_TYPES
                and toks[i - 1].text.lower() in _SECTOR_WORDS
                and nxt is not None
                and nxt.text == "and"
                and i + 2 < len(toks)
                and toks[i + 2].text in links
            ):
                # a bulletin's sectors one after the other: "near A in the X direction, and
                # in the areas of B and C in the Y direction": the list of places goes on
                i += 2
                continue
            if (
                word == ","
                and etype is EventType.ATTACK
                and np < 0
                and pre > 0
                and not found
                and (k := _listed_objects(text, toks, i, links)) is not None
            ):
                i = k  # "struck homes, a school and a hospital in X": its objects, then where
                continue
            if (
                word == ","
                and etype is EventType.ATTACK
                and found
                and toks[i - 1].kind == "top"
                and (k := _listed_objects(text, toks, i, links)) is not None
                # "a market in A, a town in B Oblast": an apposition on A, no object
                and not any(t.text in _APPOSED_KINDS for t in toks[i:k])
            ):
                # "hit a school in A, and a clinic and a shop in the town of B": each object
                # with its own place, one more item of the strike's object
                i, np, joined = k, 0, True
                continue
            if (
                word == ","
                and etype is EventType.ATTACK
                and (focus := _FOCUS_AFTER.match(text, tok.start)) is not None
                and (
                    k := next(
                        (j for j in range(i + 1, len(toks)) if toks[j].start >= focus.end()), None
                    )
                )
                is not None
                and toks[k].kind == "top"
            ):
                # "the oblast is shelled everywhere, most of all towns like A and B",
                # "shelled the region, above all the towns of A and B": the places the fire
                # centres on, told after the area
                before = len(found)
                i = _skip_parenthesis(toks, k, found)
                found[before:] = [g for g in found[before:] if all(_settlement(t) for t in g)]
                continue
            if word in {",", "("} and nxt is not None and nxt.text in _PARENTHESIS:
                before = len(found)
                i = _skip_parenthesis(toks, i + 1, found)
                if nxt.text in _NARROWING:
                    # "gains near a few villages, particularly near A and B" names the places;
                    # "clashes raged in the south, particularly in Zaporizhzhia Oblast" only
                    # where the fighting centres, told as a region
                    found[before:] = [g for g in found[before:] if all(_settlement(t) for t in g)]
                continue
            if (
                word in {":", "—", "–"}
                and (k := _named_next(toks, i + 1) or _past_unknown_names(text, toks, i + 1))
                is not None
                and any(t.text in _COUNTED_PLACE_NOUNS for t in toks[first:i])
                and not _SUBJECT_AFTER.match(text[toks[k].end : toks[k].end + 40])  # ": Kyiv said"
            ):
                # "captured two villages in the east: A and B", "took two hamlets — A and B —",
                # "liberated five villages: they are A, B and C"
                counted = max(j for j in range(first, i) if toks[j].text in _COUNTED_PLACE_NOUNS)
                weak.extend([False] * (len(found) - len(weak)))
                for g, group in enumerate(found):
                    # "five villages near X: A, B, ...": X only says where the counted lie
                    weak[g] = weak[g] or group[0].start > toks[counted].start
                i, np = k, 0
                continue
            if (
                word == ","
                and not found
                and nxt is not None
                and nxt.kind == "top"
                and _count_named(toks, first, i, _list_from(toks, i + 1, text)[0])
            ):
                # "captured two villages, A and B": the names the count announced, in
                # apposition (as many as it says: "took two villages, Kyiv said" is no list)
                i, np = i + 1, 0
                continue
            if (
                word == ":"
                and etype is EventType.EVACUATION
                and i > first
                and toks[i - 1].text in _CONCERNS
                and (k := _village_prefix(toks, i + 1) or i + 1) < len(toks)
                and toks[k].kind == "top"
            ):
                i, np = k, 0  # "the evacuation concerns: the villages A, B and C"
                continue
            if word == ";" and found and (k := _next_kind_group(toks, i + 1)) is not None:
                i, np = k, 0  # "from the city of A; the villages of B and C; and the town of D"
                continue
            # 'had "all but encircled" Toretsk', "took three villages — A, B and C — south of"
            if word in {"-", "–", "—", '"', "“", "”"}:
                i += 1
                continue
            if (
                word == ","
                and np >= 0
                and _unknown_name(text, toks[i - 1])
                and _name_next(text, nxt)
            ):
                i += 1  # "near Bila Hora, Predtechyne, Kostiantynivka": a village the
                continue  # gazetteer lacks does not end a bulletin's list
            break
        if (
            word.lower() == "such"
            and i + 3 < len(toks)
            and toks[i + 1].text.lower() in _PLACE_NOUN_FORMS
            and toks[i + 2].text == "as"
            and _name_next(text, toks[i + 3])
        ):
            # "residents of such settlements as A, B and C": the kind, then its examples
            i, np = i + 3, max(np, 0)
            continue
        if word in links or (
            # "struck a car evacuating civilians from X", "shelled a convoy of people fleeing
            # from X": the strike is at the place they were leaving
            word == "from"
            and etype is EventType.ATTACK
            and any(toks[k].text in _LEAVING for k in range(max(first, i - 4), i))
        ):
            if i + 1 < len(toks) and toks[i + 1].kind == "date":
                i += 2  # "on August 6", "in March 2022": a date, not a place phrase
                continue
            if word == "to" and found and etype in _MOVED_TYPES and _from_before(toks, first, i):
                break  # "evacuated from A to B": B is where people went, not where they left
            if word == "at" and found and etype in _MOVED_TYPES and _from_before(toks, first, i):
                # "buses wait to evacuate people from A at the checkpoint in B": where the
                # convoy stands, not where people leave
                break
            if word == "of" and i >= 3 and _from_side(toks, i):
                # "drones flying from the direction of X attacked B": where they came from
                source, np = True, 0
                i += 1
                continue
            if word != "of":
                source = False  # "attacked from the direction of A towards B": B is hit
            if word == "from":
                dest = False  # "evacuated to B from A": A is where they left
            elif _arrived_from(toks, i, etype):
                dest = True  # "an evacuation train arrived in B from A": B is where it went
            elif (
                word in _DESTINATION_LINKS
                and etype is EventType.EVACUATION
                # right after the verb or whom it moves ("evacuated N people to"), not "the
                # order applied to the town of X"
                and (i == first or toks[i - 1].text in _MOVED_WHOM)
                and i + 1 < len(toks)
                and (toks[i + 1].kind == "top" or toks[i + 1].text in _DESTINATION_OPENERS)
            ):
                if found:
                    break  # "the evacuation of residents of A to B": B is where they went
                dest = True  # "the wounded were evacuated to X": where they were taken
            np, opened = 0, word
            i += 1
            continue
        if (
            word == "and"
            and 0 < i < len(toks) - 1
            and toks[i - 1].text in links
            and toks[i + 1].text in links
        ):
            i += 1  # "in and around Pokrovsk"
            continue
        if (
            word == "and"
            and found
            and i + 2 < len(toks)
            and toks[i + 1].text in links
            and (
                toks[i + 2].kind == "top"
                or (toks[i + 2].text == "the" and i + 3 < len(toks) and toks[i + 3].kind == "top")
            )
        ):
            i += 1  # "near A in Zaporizhzhia Oblast and near B in Kherson Oblast"
            continue
        if (
            word == "and"
            and found
            and i + 2 < len(toks)
            and toks[i + 1].text in links
            and _kind_phrase_names(toks, i + 2)
        ):
            # "in A and in the city of B", "in A and in the southern region of B", "in A and
            # in the Black Sea port of B": one more item of the list, whatever its level
            i, joined = i + 1, True
            continue
        if (
            word == "and"
            and found
            and i + 3 < len(toks)
            and toks[i + 1].text.lower() in _COMPASS
            and toks[i + 2].text == "of"
            and toks[i + 3].kind == "top"
        ):
            i += 1  # "attacked north of Siversk near A and east of Siversk near B": one more
            continue
        if (
            word == "and"
            and np >= 0
            and _unknown_name(text, toks[i - 1])
            and i + 1 < len(toks)
            and toks[i + 1].kind == "top"
            and _name_next(text, toks[i + 1])
        ):
            i += 1  # "from the Lypetsk and Vovchansk directions": a name the gazetteer lacks
            continue
        if (
            word == "and"
            and np >= 0
            and not found
            and _unknown_name(text, toks[i - 1])
            and i + 2 < len(toks)
            and toks[i + 1].text == "the"
            and _name_next(text, toks[i + 2])
        ):
            i += 2  # "from Azovets and the Mariupol area": a site the gazetteer lacks first
            continue
        if (
            word == "and"
            and found
            and i + 2 < len(toks)
            and toks[i + 1].text in _NEARBY
            and toks[i + 2].text in _PLACE_NOUN_FORMS
        ):
            i += 3  # "from Vovchansk and nearby villages(, as well as from Lyptsi)"
            continue
        if (
            word == "and"
            and found
            and toks[i - 1].kind == "date"
            and i + 1 < len(toks)
            and toks[i + 1].kind == "top"
            and LATER_AFTER.match(text, toks[i + 1].end)
        ):
            i += 1  # "captured A in December and B two months later": one more object
            continue
        if word == "for" and etype is EventType.ATTACK and (k := _served(toks, i)) is not None:
            # "a drone attack disrupted basic services for 250,000 people in X": whom the
            # damage reached, then where (a bulletin tells a strike by its effect)
            i = k
            continue
        if (
            word == "for"
            and etype in FIGURE_TYPES
            and not found
            and np < 0
            and i + 1 < len(toks)
            and toks[i + 1].text.lower() in _MOVED_WHOM
        ):
            i += 1  # "an evacuation for families with children ... in X": whom it is for
            continue
        if word == "for":
            break  # "gains for Moscow": whom the gains serve, not where they are
        if word in {"that", "which"} and np < 0 and i + 1 < len(toks) and toks[i + 1].text in _AUX:
            i += 1  # "talks that were held in Istanbul": the trigger's own relative clause
            continue
        if (
            word in {"and", "or"}
            and np >= 0
            and toks[i - 1].text.lower() in _SETTLEMENT_NOUNS
            and i + 1 < len(toks)
            and toks[i + 1].text.lower() in _SETTLEMENT_NOUNS
        ):
            i += 1  # "to 15 towns and villages in Kharkivska Oblast": one noun phrase
            continue
        if (
            word == "and"
            and np >= 0
            and not found
            and toks[i - 1].kind == "w"
            and i + 3 < len(toks)
            and toks[i + 1].kind == "w"
            and toks[i + 2].text.lower() in _PLACE_NOUN_FORMS
            and (toks[i + 3].text == "of" or toks[i + 3].kind == "top")
        ):
            # "west of the occupied and ruined towns of A and B": two adjectives of one
            # noun, not a new clause
            i += 1
            continue

        if (
            word == "as"
            and i >= 2
            and i + 1 < len(toks)
            and _name_next(text, toks[i + 1])  # a name the index lacks may come first
            and (
                (
                    toks[i - 1].text.lower() == "such"
                    and (
                        toks[i - 2].text.lower() in _PLACE_NOUN_FORMS
                        # "in places such as A", "in regions such as A": any plural noun
                        # whose examples are settlements the index knows
                        or (
                            toks[i - 2].kind == "w"
                            and toks[i - 2].text.islower()
                            and toks[i - 2].text.endswith("s")
                            and toks[i + 1].kind == "top"
                        )
                    )
                )
                or (
                    toks[i - 2].text.lower() == "such"
                    and toks[i - 1].text.lower() in _PLACE_NOUN_FORMS
                )
            )
            and (etype is EventType.EVACUATION or not _around_kind(toks, i - 2))
        ):
            # an order's scope: "residents of such villages as A and B", "from settlements
            # such as A and B"; "fighting is going on in settlements such as A and B",
            # "shelled towns such as A": the examples are the places (ground fighting
            # "around towns such as A" is a campaign's setting)
            i, np = i + 1, 0
            continue
        if word == "including" and np < 0 and not found:
            # "killed five people including a teenage boy in the city of X": the
            # victims' aside, told without commas, does not count towards the verb's words
            k = i + 1
            while k < min(len(toks), i + 7) and toks[k].kind == "w" and toks[k].text not in links:
                k += 1
            if k < len(toks) and toks[k].text in links:
                i = k
                continue
        if (
            word == "while"
            and etype in _TOLL_TYPES
            and not found
            and i + 1 < len(toks)
            and (toks[i + 1].text in {"in", "at", "on"} or toks[i + 1].text.endswith("ing"))
        ):
            # "was wounded by shelling while in his yard in X", "... while working in a field
            # near X": a clause without a subject of its own tells where the victim was
            i += 1
            continue
        if (
            word in _WHEN_WORDS
            and etype is EventType.ATTACK
            and not found
            and (k := _victims_doing(toks, i)) is not None
        ):
            # "hit a market as people shopped in X", "struck the camp while they slept near
            # X": what the victims were doing when hit, then where; the clause's verb counts
            # its own words (a strike's only: "fighting went on as troops shelled X" is two)
            i, pre = k, 0
            continue
        if (
            word == "who"
            and etype in _TOLL_TYPES
            and not found
            and np < 0
            and i + 2 < len(toks)
            and toks[i + 1].text in {"was", "were"}
            and toks[i + 2].text.endswith("ing")
        ):
            # "hit a man who was walking his dog in X": what the victim was doing when hit
            # (the same clause as "while walking"), then where; the relative clause's verb
            # counts its own words
            i, pre = i + 2, 0
            continue
        if (
            word == "with"
            and etype is EventType.ATTACK
            and i + 1 < len(toks)
            and toks[i + 1].text in _ON_BOARD
        ):
            i += 2  # "a shell struck a minibus with passengers in X": who was on board
            continue
        if (
            word == "with"
            and etype is EventType.OFFENSIVE
            and (k := _with_the_enemy(toks, i)) is not None
        ):
            i = k  # "clashes with the occupiers near X": whom, not where
            continue
        if (
            word == "with"
            and not found
            and etype in FIGURE_TYPES
            and (k := _who_with(toks, i)) is not None
        ):
            # "evacuate families with children from X": who leaves, not a new clause; "...
            # with children by force from X", "... with children continues in X" too
            k = k + 2 if [t.text for t in toks[k : k + 2]] == ["by", "force"] else k
            # "... with children and people with limited mobility from X": a second group
            k = _second_movers(toks, k) or k
            while k < len(toks) and toks[k].text.endswith("ly") and len(toks[k].text) > 4:
                k += 1  # "... with their families forcibly from X"
            # "... with children was announced in X": where the order applies
            k = _notice_verb(toks, k) or k
            while k < len(toks) and toks[k].text in _GOING:
                k += 1
            if k < len(toks) and toks[k].text in links:
                i = k
                continue
        if (
            word in _CYR_AND
            and found
            and toks[i - 1].kind == "top"
            and i + 1 < len(toks)
            and toks[i + 1].text in links
        ):
            i += 1  # "вблизи Торецка и севернее Часова Яра": one more phrase of the verb
            continue
        if (
            word == "and"
            and etype is EventType.ATTACK
            and np < 0
            and not found
            and pre > 0
            and (k := _second_object(toks, i, links)) is not None
        ):
            i = k  # "hit homes and a hospital in X": one object of two nouns, then the place
            continue
        if (
            word == "and"
            and etype is EventType.ATTACK
            and np > 0
            and opened == "of"
            and not found
            and (k := _second_object(toks, i, links) or _second_target(toks, i, links)) is not None
        ):
            # "the shelling of a school and a clinic in X": the strike's target of two
            # nouns, then where it stands
            i = k
            continue
        if (
            word == "and"
            and etype in FIGURE_TYPES
            and not found
            and np < 0
            and i + 2 < len(toks)
            and (toks[i + 1].text.replace(",", "").isdigit() or toks[i + 1].text in _COUNT_WORDS)
            and toks[i + 2].text.lower() in _MOVED_WHOM
        ):
            i += 3  # "evacuated 277 people and 72 children from X": whom, in two counts
            continue
        if word in _BREAKS or (
            # "..., and in the Azov port of B": a modifier of the kind ends no phrase
            i > 0 and toks[i - 1].kind == "top" and found and modifier != i - 1
        ):
            break  # "hit Nikopol almost every day": the phrase ended with the place
        if (
            not found
            and (word.isdigit() or word in _COUNT_WORDS)
            and i + 1 < len(toks)
            and toks[i + 1].text == "times"
        ):
            # "attacked the positions of the Ukrainian army 23 times near A": how often, a
            # word of the verb, not of the noun phrase before it
            i += 2
            continue
        if (
            not found
            and etype in _TOLL_TYPES
            and word.lower() in _TOLL_WORDS
            and (
                np >= 0
                or (
                    i + 2 < len(toks)
                    and toks[i + 1].text in {"and", "or"}
                    and toks[i + 2].text.lower() in _TOLL_WORDS
                )
            )
        ):
            # "a strike on an apartment block killed two people in the city of X": the toll's
            # verb ends the target's noun phrase, and its place is the strike's; "left
            # residents killed and wounded near the market in X" pairs two
            np = 0
            i += 1
            if (
                i + 1 < len(toks)
                and toks[i].text in {"and", "or"}
                and toks[i + 1].text.lower() in _TOLL_WORDS
            ):
                i += 2
            continue
        if not found and (k := _distance_aside(toks, i)) is not None:
            i = k  # "two villages some 30 km (19 miles) east of X": how far, not the object
            continue
        if np >= 0:
            if word in _AUX:
                if etype in FIGURE_TYPES and (k := _notice_verb(toks, i)) is not None:
                    # "the evacuation of families has been announced in X": where it applies
                    i, np, pre = k, -1, 0
                    continue
                break
            np += 1
            if np > _MAX_NP:
                break
        elif not (word.endswith("ly") and len(word) > 5):
            # "strikes reportedly destroyed the airport": an adverb is not the object's word
            pre += 1
            if pre > max_pre:
                break
        i += 1
    weak.extend([False] * (len(found) - len(weak)))
    if not all(weak) and not _bearing_finer(found, weak, etype):
        found = [g for g, w in zip(found, weak, strict=True) if not w]
    return found


def _bearing_finer(found: list[list[Toponym]], weak: list[bool], etype: EventType) -> bool:
    """Whether ground told by a bearing from a town is better placed there than in its oblast.

    "Units advanced east of X in Russia's Y Oblast": X is the point the bearing measures from,
    and the only other place is the oblast X lies in; the fighting is at X's edge, which is
    where it is coded ("near X" is at X), not anywhere in the oblast.
    """
    if etype not in GROUND_TYPES:
        return False
    refs = [t for g, w in zip(found, weak, strict=True) if w for t in g]
    strong = [t for g, w in zip(found, weak, strict=True) if not w for t in g]
    return (
        len(refs) == 1
        and refs[0].place.kind is PlaceKind.POPULATED_PLACE
        and all(
            t.place.kind is PlaceKind.ADMIN1 and t.place.admin1_code == refs[0].place.admin1_code
            for t in strong
        )
    )


# Whom a strike's damage reached, counted: "for (more than) 250,000 people", "for thousands of
# households", "for some 30,000 consumers".
_SERVED_NOUNS = frozenset(
    "people residents households consumers customers subscribers families users homes "
    "inhabitants".split()
)
_SERVED_MAX = 5  # words between "for" and the noun ("more than 250,000 people")


def _served(toks: list[_Tok], i: int) -> int | None:
    """The index after "for [a count of] people" at token i (the "for"), else None."""
    counted = False
    for k in range(i + 1, min(len(toks), i + 2 + _SERVED_MAX)):
        word = toks[k].text.lower()
        if toks[k].kind != "w":
            return None
        if word in _SERVED_NOUNS:
            return k + 1 if counted else None
        counted = counted or word[:1].isdigit() or word in _COUNT_WORDS or word in _AMOUNTS
    return None


_AMOUNTS = frozenset("hundreds thousands tens millions dozens".split())
# "... and B two months later": a place told with its own time after another's date
LATER_AFTER = re.compile(
    r"\s+(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?P<unit>day|week|month|year)s?\s+later\b",
    re.IGNORECASE,
)
_COUNT_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred".split()
)
_HEDGE_WORDS = frozenset({"another", "about", "around", "some", "over", "nearly", "almost"})
_TOLL_WORDS = frozenset("killed killing injured injuring wounded wounding hurt dead died".split())
_FIGURE_HEDGES = _HEDGE_WORDS | {"and", "more", "than"}  # before a list item's count
_TOLL_VERB_WORDS = _TOLL_WORDS | {"were", "was", "have", "has", "been"}
# A clause of time after a strike's object whose subject is the people it hit: "as people
# shopped", "while they were sleeping", "when workers gathered".
_WHEN_WORDS = frozenset({"as", "while", "when"})
_VICTIM_SUBJECTS = _wordset(
    "people they he she residents civilians locals villagers workers shoppers passengers "
    "children families rescuers firefighters medics drivers pupils students farmers customers "
    "worshippers"
)


def _victims_doing(toks: list[_Tok], i: int) -> int | None:
    """The token after the verb of "as/while/when <victims> <verb>" at ``i``, else None."""
    if i + 2 >= len(toks) or toks[i + 1].text.lower() not in _VICTIM_SUBJECTS:
        return None
    k = i + 2
    if toks[k].text in {"was", "were"} and k + 1 < len(toks) and toks[k + 1].text.endswith("ing"):
        return k + 2  # "while they were sleeping"
    verb = toks[k]
    if verb.kind != "w" or not verb.text.islower() or verb.text in _FUNCTION:
        return None
    return k + 1


_TOLL_TYPES = frozenset({EventType.ATTACK, EventType.OFFENSIVE})


def _figure_item(toks: list[_Tok], i: int, *, toll: bool = False) -> int | None:
    """The link word of a further item of a list of counts, "(and) 58 (persons) from", if at i.

    Only a number, at most two words of a noun after it and a "from" or "in" make one;
    "and 58 were injured" does not, unless ``toll`` (a strike's list of casualties): then
    "and three were injured in B", "and wounded two women in B" go on to B, but not
    "wounding two drivers from B": whom a strike hurt is told by their home, not its place.
    """
    if (
        toll
        and i + 3 < len(toks)
        and toks[i].text == "in"
        and toks[i + 1].kind == "top"
        and toks[i + 2].text in ("-", "–", "—")
        and toks[i + 3].text.isdigit()
    ):
        return i  # "killed three in the X region: in A - 2, in B - 1": the town, then its count
    if toll and i < len(toks) and toks[i].text in _TOLL_WORDS:
        i += 1  # "killed two in A and injured five in B"
    while i < len(toks) and toks[i].text in _FIGURE_HEDGES:
        i += 1
    if i >= len(toks) or not (toks[i].text[0].isdigit() or toks[i].text in _COUNT_WORDS):
        return None
    for k in range(i + 1, min(i + (6 if toll else 4), len(toks))):
        if toks[k].text == "in" or (toks[k].text == "from" and not toll):
            return k  # "wounding two volunteers from A": a toll's "from" is their home
        if toll and toks[k].text in _TOLL_VERB_WORDS:
            continue
        if toll and k == i + 1 and toks[k].text in ("-", "–", "—"):
            continue  # "killed six in the X region: 4 - in A, 2 - in B": the count, a dash
        if toks[k].kind != "w" or toks[k].text in _BREAKS_OR_AUX:
            return None
    return None


def _settlement(top: Toponym) -> bool:
    return top.place is not None and top.place.kind in (PlaceKind.POPULATED_PLACE, PlaceKind.POINT)


def _unknown_name(text: str, tok: _Tok) -> bool:
    """Whether a word token is capitalised in the text: a name the geoparser did not resolve."""
    return tok.kind == "w" and text[tok.start].isupper()


def _name_next(text: str, tok: _Tok | None) -> bool:
    """Whether a list goes on with a name: an unresolved one or a settlement (not an oblast)."""
    if tok is None:
        return False
    if tok.kind == "top":
        return tok.top.place is not None and tok.top.place.kind is PlaceKind.POPULATED_PLACE
    return _unknown_name(text, tok)


def _situates_unplaced(text: str, toks: list[_Tok], first: int, i: int) -> bool:
    """Whether the area at token i only says where a settlement the index lacks lies.

    "took the village of X in the Y region", "the settlement of X in
    Ukraine's Y region", "took X in the DPR": the event is at the village, which has no
    point; its oblast, district or region would be a dot tens of kilometres off, so it is
    no place of the event.
    """
    top = toks[i].top
    if top.place is None or not (
        top.place.kind in _SITUATING_KINDS or _PEOPLES_REPUBLIC.match(text, top.end)
    ):
        return False
    k = i - 1
    if k > first and toks[k].text in {"'s", "’s"} and toks[k - 1].kind == "top":
        k -= 2  # "in Ukraine's Dnipropetrovsk region": the owner
    if k > first and toks[k].text == "the":
        k -= 1
    if k <= first or toks[k].text != "in":
        return False
    k -= 1
    n = 0
    while k >= first and n < 3 and _unknown_name(text, toks[k]):
        k, n = k - 1, n + 1
    if n == 0:
        return False
    # the names are the verb's object ("captured X in the Y region") or a place noun's
    # ("the village of X in the Y region")
    return k == first - 1 or (
        k - 1 >= first and toks[k].text == "of" and toks[k - 1].text in _PLACE_NOUNS
    )


# A settlement named with its kind and its area: "the settlement of X in the Y region", "the X
# village in Ukraine's Y region"; the names are checked to be unresolved by the caller.
_NAMED_SETTLEMENT_IN = re.compile(
    r"\b(?:(?:settlement|village|hamlet|farmstead|khutor)\s+of\s+"
    r"(?P<a>(?:[A-Z][\w'’-]*\s+){1,3})"
    r"|the\s+(?P<b>(?:[A-Z][\w'’-]*\s+){1,3})(?:settlement|village|hamlet|farmstead|khutor)\s+"
    # "shelled X in the Y region": the object of a verb in the past
    r"|\b(?:[a-z]+ed|hit|struck|took)\s+(?P<c>(?:[A-Z][\w'’-]*\s+){1,3}))"
    r"in\s+(?:the\s+)?(?:[\w'’]+['’]s\s+)?(?:[a-z]+\s+)?$"
)


def situates_unknown_settlement(text: str, top: Toponym, tops: Sequence[Toponym]) -> bool:
    """Whether an area only says where a named settlement the index lacks lies.

    "a drone attack on the X settlement in the Y region", "the village of X in the Z
    People's Republic": X has no point, and the area is a locative of X's noun phrase, not
    of any verb; a dot at the area would stand tens of kilometres off, so it places nothing.
    ``tops`` are all the names the geoparser found, resolved or not: a name it found but
    read elsewhere (a namesake across the oblast line) leaves the area its event.
    """
    if top.place is None or not (
        top.place.kind in _SITUATING_KINDS or _PEOPLES_REPUBLIC.match(text, top.end)
    ):
        return False
    m = _NAMED_SETTLEMENT_IN.search(text, max(0, top.start - 90), top.start)
    if m is None:
        return _frames_unknown_settlement(text, top, tops)
    a, b = next(m.span(g) for g in "abc" if m.group(g))
    return not any(a <= t.start < b for t in tops)


# A fronted oblast that opens its sentence ("In X Oblast, ...", "In the eastern X region, ...")
_FRONTED_AREA_BEFORE = re.compile(r"(?:^|[.!?\n]\s*)In\s+(?:the\s+)?(?:[a-z]+ern\s+)?$")
# ... and a settlement its clause names by kind: "the village of X", "the town of X"
_KIND_OF_NAME = re.compile(
    r"\b(?:village|town|settlement|hamlet)\s+of\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _frames_unknown_settlement(text: str, top: Toponym, tops: Sequence[Toponym]) -> bool:
    """Whether a fronted oblast only frames a settlement its sentence names and the index lacks.

    "In X Oblast, troops shelled the village of Y, injuring four": the strike is Y's, and Y
    has no point; the oblast that opens the sentence says where Y lies, and a dot at it
    would stand tens of kilometres off. Only when the sentence names no other settlement by
    its kind that the index has (then that one is the place).
    """
    if not _FRONTED_AREA_BEFORE.search(text, max(0, top.start - 30), top.start):
        return False
    if not text.startswith(",", top.end):
        return False
    end = _SENTENCE_END.search(text, top.end, min(len(text), top.end + 300))
    stop = end.start() if end else min(len(text), top.end + 300)
    names = list(_KIND_OF_NAME.finditer(text, top.end, stop))
    return bool(names) and all(
        not any(m.start("name") <= t.start < m.end("name") for t in tops) for m in names
    )


# Whom a strike hurt, told by where they came from: "wounding two volunteers from A", "a
# woman from B and her son were injured", "a 40-year-old from C". The place ends the
# phrase "<person> from (the village of)", a noun's modifier, not a locative of any verb.
_HOME_OF_PERSON = re.compile(
    r"\b(?:people|persons?|residents?|civilians?|inhabitants?|natives?|locals|villagers?|"
    r"m[ae]n|wom[ae]n|boys?|girls?|child(?:ren)?|teenagers?|famil(?:y|ies)|couple|"
    r"volunteers?|workers?|employees?|drivers?|pensioners?|farmers?|miners?|medics?|"
    r"journalists?|rescuers?|passengers?|victims?|\d{1,3}-year-olds?)"
    r"\s+(?:(?:both|all|originally)\s+)?from\s+(?:the\s+)?"
    r"(?:(?:village|town|city|settlement|hamlet)\s+of\s+)?$",
    re.IGNORECASE,
)
_HOME_OF_PERSON = Gated(_HOME_OF_PERSON)  # asked before many places: its words first
_HARM = re.compile(
    r"\b(?:killed|killing|injured|injuring|wounded|wounding|hurt|died|dead)\b", re.IGNORECASE
)


def victims_home(
    text: str,
    sent: Sentence,
    top: Toponym,
    tops: Sequence[Toponym],
    *,
    told: Place | None = None,
) -> bool:
    """Whether a place only tells where people a strike hurt came from.

    "A drone hit a car near A, wounding two volunteers from B": B is the volunteers' home,
    the strike was at A. Only in a sentence that tells harm, and only when another place is
    left for the strike: another of the sentence, or ``told``, the place of the strike a
    sentence before told, whose victims a sentence with no strike word of its own names ("A
    shell hit A. Two drivers from B were wounded."). "Three people from B were injured"
    alone keeps B, and so does a strike told at B's oblast or district, which B may place.
    """
    if not _HOME_OF_PERSON.search(text, max(sent.start, top.start - 60), top.start):
        return False
    if not _HARM.search(sent.text):
        return False
    if told is not None and not (
        told.kind in _SITUATING_KINDS and told.admin1_code == top.place.admin1_code
    ):
        return True
    return any(
        t is not top
        and t.place is not None
        and t.place.kind is not PlaceKind.COUNTRY
        and not _HOME_OF_PERSON.search(text, max(sent.start, t.start - 60), t.start)
        for t in tops
    )


# A name joined by a hyphen to a participle is an adjective of who did or holds something:
# "the Moscow-installed head of A", "Kremlin-backed officials", "a Kyiv-based analyst".
_HYPHENED_PARTICIPLE = re.compile(r"[-‑]\s?(?:[a-z]+ed|held|run|born|bound|built|made|led)\b")


def _hyphened(tok: _Tok) -> bool:
    """Whether a word token is a compound adjective of a name ("kyiv-controlled")."""
    head, dash, tail = tok.text.rpartition("-")
    return bool(head) and dash == "-" and _HYPHENED_PARTICIPLE.match("-" + tail) is not None


def hyphened_modifier(text: str, top: Toponym) -> bool:
    """Whether a name is the first half of a compound adjective ("Moscow-appointed").

    The geoparser reads the name before the hyphen; the compound says who installed, backs or
    bases someone, never where an event was. "In Moscow-annexed Crimea, ..." keeps Crimea.
    """
    return _HYPHENED_PARTICIPLE.match(text, top.end) is not None


def route_named_origin(text: str, start: int, tops: list[Toponym]) -> Toponym | None:
    """The first stop of a route named by its towns right before ``start``, else None.

    "the A-B-C evacuation train": the towns joined by hyphens name the train's route, and it
    leaves from the first; at least two towns, the last one just before the event word.
    """
    run: list[Toponym] = []
    for top in sorted(tops, key=lambda t: t.start, reverse=True):
        if top.start >= start:
            continue
        gap = text[top.end : run[-1].start] if run else text[top.end : start]
        if (run and gap not in ("-", "–", "—")) or (not run and gap.strip()):
            break
        run.append(top)
    if len(run) < 2 or any(t.place.kind is not PlaceKind.POPULATED_PLACE for t in run):
        return None
    return run[-1]


# "the Donetsk People's Republic" after a city's name: the republic's area, not the city
# (the geoparser may resolve only the city's name).
_PEOPLES_REPUBLIC = re.compile(r"\s+people['’]s\s+republic\b", re.IGNORECASE)


_SITUATING_KINDS = (PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.REGION)


# The nouns a reference town is named after ("near the city of", "near the port of") and the
# words that end a run of its modifiers.
_NEAR_NOUNS = frozenset({"town", "city", "village", "settlement", "hamlet", "port"})
_NOT_MODIFIERS = frozenset({"near", "and", "or", "of", "in", "on", "at", "to", "from", "by"})
# Words that end a noun phrase's modifiers (_modifies_kind_of): a place then a "city of" after
# them is another phrase ("X and the city of Y")
_NOT_MODIFIER = _NOT_MODIFIERS | {"the", "a", "an", "with"}


# Phrases that put a named place at a town's edge, besides "near": "the village of A on
# the outskirts of B" is A, which B only situates ("the outskirts of B" alone are B's).
_NEAR_LINKS = (
    ("on", "the", "outskirts", "of"),
    ("in", "the", "outskirts", "of"),
    ("on", "the", "edge", "of"),
    ("in", "the", "suburbs", "of"),
)
_NEAR_LINK_ENDS = frozenset(link[-1] for link in _NEAR_LINKS)


# Words that open the names a colon announces: "five villages: they are A, B and C",
# "two towns: namely A and B"
_NAMES_OPENING = (("they", "are"), ("these", "are"), ("they", "were"), ("namely",))


def _named_next(toks: list[_Tok], k: int) -> int | None:
    """The index of the first name at k, past words that open a list of names, or None."""
    for opening in _NAMES_OPENING:
        n = len(opening)
        if tuple(t.text.lower() for t in toks[k : k + n]) == opening:
            k += n
            break
    return k if k < len(toks) and toks[k].kind == "top" else None


def _past_unknown_names(text: str, toks: list[_Tok], k: int) -> int | None:
    """The index of the first known name of a counted list whose first items are unknown.

    "liberated five settlements: Foxhollow, Upper Brook and Mirnoye": names the index lacks
    (capitalised words and their commas) open the list; the first known one is where its
    reading starts. None when a lower-case word comes first (a clause, no list of names).
    """
    start = k
    while k < len(toks) and k - start < _UNKNOWN_LIST_MAX:
        tok = toks[k]
        if tok.kind == "top":
            return k if k > start else None
        if not (_unknown_name(text, tok) or (tok.text in {",", "and"} and k > start)):
            return None
        k += 1
    return None


_UNKNOWN_LIST_MAX = 12  # tokens of unknown names before the first known one


def _near_reference(toks: list[_Tok], i: int) -> bool:
    """Whether the place at token i situates the place just before it.

    "seized the village of Synkivka near the city of Kupiansk": Kupiansk says where Synkivka
    is; nothing happened there.
    """
    k = i - 1
    if k >= 3 and toks[k].text == "of" and toks[k - 1].text in _NEAR_NOUNS:
        k -= 2
        # "near the strategic port of Odesa", "near the front-line city of B": the article
        # and a few words that describe the reference town
        stop = k - 4
        while k > stop and k >= 1 and toks[k].kind == "w" and toks[k].text not in _NOT_MODIFIERS:
            k -= 1
    # (every link ends in the same word: a token before the place that is not it meets none)
    for link in _NEAR_LINKS if toks[k].text.lower() in _NEAR_LINK_ENDS else ():
        # "the village of A on the outskirts of B", "A, just on the edge of B"
        n = len(link)
        if k - n >= 0 and tuple(toks[j].text.lower() for j in range(k - n + 1, k + 1)) == link:
            k -= n - 1
            if k >= 2 and toks[k - 1].text in {"just", "right"}:
                k -= 1  # "just outside B"
            if k >= 2 and toks[k - 1].text == ",":
                k -= 1  # "A, on the outskirts of B"
            break
    else:
        if toks[k].text != "near":
            return False
    return (
        k >= 1
        and toks[k - 1].kind == "top"
        # "in Kharkiv Oblast near Vovchansk" narrows down; only a town situates a village
        and toks[k - 1].top.place.kind in (PlaceKind.POPULATED_PLACE, PlaceKind.POINT)
    )


# Words that make an aside after a verb a report or a clause of its own, not how it was done.
_ASIDE_STOPS = frozenset(
    "said says reported reports told added claimed according which who that".split()
)


def _aside_end(toks: list[_Tok], i: int) -> int | None:
    """Past a short aside between a verb and its object, if one opens at the comma at i.

    Bulletins put the means or the frequency there: "shelled, with artillery and mortars,
    the areas of A and B", "keeps shelling, day and night, the villages of A and B".
    """
    k = i + 1
    while k < min(len(toks), i + 7) and toks[k].kind == "w":
        if toks[k].text.lower() in _ASIDE_STOPS:
            return None
        k += 1
    if (
        k > i + 2
        and k < len(toks)
        and toks[k].kind == "top"
        and toks[k - 1].text == "of"
        and toks[k - 2].text.lower() in _PLACE_NOUN_FORMS
    ):
        return i + 1  # "shelling, day and night, frontline settlements of A and B": the object
    if k == i + 1 or k + 1 >= len(toks) or toks[k].text != ",":
        return None
    after = toks[k + 1]
    object_noun = any(
        toks[n].text.lower() in _PLACE_NOUN_FORMS and toks[n + 1].text == "of"
        for n in range(k + 1, min(len(toks) - 1, k + 4))
    )
    return k + 1 if after.kind == "top" or after.text == "the" or object_noun else None


_QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'"})


def _bracketed_count_end(toks: list[_Tok], i: int) -> int | None:
    """The token after a bracket at ``i`` that only counts: "(92 families)", "(about 40 people)".

    A number and at most three words, no place: the trigger's people told again in other
    units, so the phrase the trigger governs goes on after it ("evacuees (92 families) from A").
    """
    k = i + 1
    while k < len(toks) and k <= i + 5 and toks[k].text != ")":
        if toks[k].kind != "w":
            return None
        k += 1
    if (
        k >= len(toks)
        or toks[k].text != ")"
        or not any(t.text.replace(",", "").isdigit() for t in toks[i + 1 : k])
    ):
        return None
    return k + 1


def _skip_parenthesis(toks: list[_Tok], i: int, found: list[list[Toponym]]) -> int:
    """Skip ", including 600 children,"; places listed there ("including Vasylivka") count."""
    words = 0
    listed = len(found)
    while i < len(toks) and toks[i].text != ",":
        if toks[i].kind == "top":
            more, i = _list_from(toks, i)
            found.append(more)
            if (k := _more_included(toks, i)) is not None:
                i, words = k, 0
            continue
        if toks[i].text in _QUOTE_MARKS:
            i += 1  # 'including "in the vicinity" of X': a quoted word, not the aside's end
            continue
        if toks[i].kind == "p" or words > 8:
            return len(toks)
        words += 1
        i += 1
    if len(found) > listed and (k := _more_included(toks, i)) is not None:
        return _skip_parenthesis(toks, k, found)
    return i + 1


_APPOSITION = frozenset({"located", "situated", "lying", "some", "about"})
# The participles of people leaving a place, inside what a strike hit
_LEAVING = frozenset({"evacuating", "fleeing", "leaving", "escaping", "evacuated", "carrying"})
# The places a strike centres on, set after the area it covers: ", (but) most of all, towns
# like", ", above all the towns of", ", in particular"
_FOCUS_AFTER = re.compile(
    r",\s*(?:but\s+|and\s+)?(?:most\s+of\s+all|above\s+all|first\s+of\s+all|in\s+particular|"
    r"first\s+and\s+foremost|primarily|chiefly)\s*,?\s*"
    r"(?:(?:in\s+)?(?:the\s+)?(?:cities|towns|villages|settlements|communities)\s+(?:such\s+as|like|of)\s+|"
    r"(?:(?:in|on)\s+)?the\s+(?:city|town|village|settlement)\s+of\s+|(?:in|on)\s+)?",
    re.IGNORECASE,
)


def _more_included(toks: list[_Tok], i: int) -> int | None:
    """The index of the next place of an "including" list that goes on past a comma, if any.

    "including the village of A, located 10 km from the border, the cities of B and C": an
    aside on where A lies, then more places of the same list.
    """
    if i >= len(toks) or toks[i].text != ",":
        return None
    j = i + 1
    if j < len(toks) and toks[j].text in _APPOSITION:
        k = j
        while k < min(len(toks), j + 10) and toks[k].text not in {",", ".", ";"}:
            k += 1
        if k >= len(toks) or toks[k].text != ",":
            return None
        j = k + 1
    if j < len(toks) and toks[j].text in {"and", "as"}:
        j += 1
        if [t.text for t in toks[j : j + 2]] == ["well", "as"]:
            j += 2
    if _the_kind_of(toks, j) and toks[j + 3].kind == "top":
        return j + 3  # ", the cities of B and C"
    return None


# What situates a passive's subject between the subject and its verb: the region it lies in
# ("the settlement of X in the Donetsk People's Republic", "X in Ukraine's eastern Y region",
# "X in the DPR") or a town it lies by ("the village of X near Y", "X just south of Y"). The
# verb is told of the subject; the words after it only say where the subject is.
_SUBJECT_SITUATED = re.compile(
    # "X, in the eastern Y oblast(,) has come under fire": the words set off by a comma
    # ("the X community in Y district was attacked": a hromada's word before them)
    r"(?:\s+(?:community|hromada))?(,)?\s+(?:"
    # "X, Y district, Z Oblast, which is being stormed": an address after the town
    r"(?-i:[A-Z])[\w'’-]+\s+(?:district|raion)(?:,\s+(?-i:[A-Z])[\w'’-]+\s+(?:region|oblast|"
    r"province))?(?=,)|"
    r"(?:in|of)\s+(?:the\s+)?"
    # "in the territory of the Donetsk People's Republic", a quotation opening inside
    r"[\"“]?(?:(?:the\s+)?territory\s+of\s+(?:the\s+)?)?"
    r"(?:(?-i:[A-Z])\w+['’]s\s+)?(?:(?:[\w-]+ern|central)\s+)?"
    r"(?:(?-i:[A-Z])[\w'’-]+\s+(?:region|oblast|province|district|raion|"
    r"People['’]s\s+Republic)"
    r"(?:\s*\((?-i:[A-Z]{2,4})\))?|(?-i:DPR|LPR|DNR|LNR)\b)"
    r"|(?:near|outside|close\s+to|not\s+far\s+from|(?:just\s+)?(?:north|south|east|west)"
    r"(?:-?(?:east|west))?\s+of)\s+(?:the\s+)?"
    # "near the key frontline town of Y": the words that describe the reference town
    r"(?:(?:(?-i:[a-z])[\w-]*\s+){0,3}?(?:city|town|village|settlement|port)\s+of\s+)?"
    # (the comma before a relative clause opens it: "X, Y district, which was ...")
    r"(?-i:[A-Z])[\w'’-]+(?:[\s-](?-i:[A-Z])[\w'’-]+)?)(?(1),?(?!\s+which\b))",
    re.IGNORECASE,
)


def _situated_subject(text: str, trig: Trigger, cands: list[Toponym]) -> int | None:
    """The index of a settlement before a passive verb whose situating words hold the rest.

    "The village of X near Y was liberated": X, whose words "near Y" run up to the verb's
    auxiliary (Y is no place of the event); None when no settlement is so situated.
    """
    for k in range(len(cands) - 1, max(-1, len(cands) - 4), -1):
        head = cands[k]
        if head.place.kind is not PlaceKind.POPULATED_PLACE and not (
            # "the X community in Y district was attacked": the hromada is the subject
            head.place.kind is PlaceKind.ADMIN2 and _UNIT_WORD_AFTER.match(text, head.end)
        ):
            continue
        m = _SUBJECT_SITUATED.match(text, head.end, trig.start)
        if m is not None and all(t.end <= m.end() for t in cands[k + 1 :]):
            return k
    return None


def _before(text: str, trig: Trigger, tops: list[Toponym], dates: list[DateSpan]) -> list:
    """Places before a trigger: "X was shelled", "X came under fire", "the Kursk offensive"."""
    cands = [t for t in tops if t.end <= trig.start]
    if not cands:
        return []
    found: list[Toponym] = []
    if (k := _situated_subject(text, trig, cands)) is not None:
        end = _SUBJECT_SITUATED.match(text, cands[k].end, trig.start).end()
        found = _before_from(text, trig, cands[: k + 1], dates, subject_end=end)
        if found:
            found = _oblast_groups(text, cands, found)
    if not found:
        found = _before_from(text, trig, cands, dates)
    if (
        not found
        and len(cands) > 1
        and text[cands[-2].end : cands[-1].start].startswith(",")
        and text[cands[-1].end : cands[-1].end + 2] in {"'s", "’s"}
    ):
        # "Odesa, Ukraine's biggest port, was shelled": past the apposition
        found = _before_from(text, trig, cands[:-1], dates)
    if not found and (aside := _RELATIVE_ASIDE.search(text, cands[0].end, trig.end)):
        # "X, which Ukraine retook in 2022, was shelled": the places inside the relative
        # clause are its own (its subject, its object); the passive's subject stands before it
        outer = [t for t in cands if t.end <= aside.start()]
        if outer and len(outer) < len(cands):
            found = _before_from(text, trig, outer, dates)
    return found


# A General Staff bulletin's subject: its settlements grouped by oblast, each group closed by
# its oblast and the groups parted by semicolons ("The settlements of A of the X Region; B, C
# of the Y Region; D of the Z Region were hit by airstrikes"), or a list of towns each with
# its oblast ("the cities of A in X oblast and B in Y oblast have been hit").
_GROUP_JOINT = re.compile(r"\s*;\s*|\s*,\s*(?:and\s+)?|\s+and\s+")
_GROUP_OBLAST_GAP = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?(?:(?:[\w-]+ern|central)\s+)?")


def _oblast_groups(text: str, cands: list[Toponym], found: list[Toponym]) -> list[Toponym]:
    """``found`` (the last group) with the groups told before it, first group first.

    Each earlier group must end "... of the X Region;" or "... in X oblast and" with every
    settlement of it lying in that oblast; the walk stops at the first group that does not.
    "The cities of A in X oblast and B in the southern Y oblast were hit": the list walk
    took X for an item; its settlement A is.
    """
    i = next((k for k, t in enumerate(cands) if t is found[0]), None)
    if (
        i is not None
        and i >= 1
        and len(found) > 1
        and found[0].place.kind is PlaceKind.ADMIN1
        and _situates(text, cands[i - 1], found[0], gap=_GROUP_OBLAST_GAP)
    ):
        found, i = found[1:], i + 1
    out: list[Toponym] = []
    while i is not None and i >= 2:
        unit, last = cands[i - 1], cands[i - 2]
        if not (
            _GROUP_JOINT.fullmatch(text, unit.end, cands[i].start)
            and unit.place.kind is PlaceKind.ADMIN1
            and _situates(text, last, unit, gap=_GROUP_OBLAST_GAP)
        ):
            break
        group, j = [last], i - 2
        while j >= 1 and _SUBJECT_LIST_GAP.fullmatch(text, cands[j - 1].end, cands[j].start):
            if cands[j - 1].place.admin1_code != unit.place.admin1_code:
                return out + found
            j -= 1
            group.insert(0, cands[j])
        out = group + out
        i = j
    return out + found


# A relative clause between commas that ends right before a passive verb's auxiliary, or an
# apposition that describes or situates the subject ("X, a village south of Y, was taken",
# "X, about 20 km from Y, had been captured")
_RELATIVE_ASIDE = re.compile(
    # "A and B, two commuter towns outside Y, had been retaken": an aside that opens in
    # lower case (a relative pronoun, an article, a count, a plural noun) or with a figure
    r",\s+(?-i:[a-z\d])[^,;:.]{1,80},\s*"
    r"(?=(?:(?:also|again)\s+)?(?:was|were|is|are|has|"
    r"have|had|came|comes|come)\b)",
    re.IGNORECASE,
)


# Between a place and the oblast that situates it: "Kramatorsk in", "the Rylsk district of the",
# "the Krasnopillia community of"
_SITUATED_GAP = re.compile(r"\s+(?:(?:community|hromada)\s+)?(?:in|of)\s+(?:the\s+)?")


# Between the settlements an evacuation order names and its trigger: "A and B have announced
# a mandatory", "A, B and C are now under", "A and B are undergoing forced".
_ORDERED_GAP = re.compile(
    r"\s*(?:(?:hromadas?|communit(?:y|ies))\s+)?(?:"
    # an order, not a plan ("A has announced an evacuation plan"): its adjective is required
    r"(?:has|have|had)\s+(?:now\s+|also\s+)?(?:announced|declared|introduced|begun|started)"
    r"\s+(?:an?\s+|the\s+)?(?:mandatory|compulsory|forced|obligatory)\s+"
    r"|(?:is|are|were|was)\s+(?:now\s+|also\s+)?(?:under|undergoing)\s+(?:an?\s+|the\s+)?"
    r"(?:(?:mandatory|compulsory|forced|obligatory)\s+)?)",
    re.IGNORECASE,
)


_UNIT = r"(?:hromada|community|district|raion)\b"
_UNIT_WORD_AFTER = re.compile(r"\s+" + _UNIT)
_UNIT_END = re.compile(_UNIT + "$", re.IGNORECASE)


def _situating_unit(text: str, cands: list[Toponym]) -> int | None:
    """The index of the last settlement before "in [X Oblast's] Y hromada", or None."""
    k = len(cands) - 1
    if not (
        _UNIT_WORD_AFTER.match(text, cands[k].end)  # at its end: no copy of the text's rest
        or _UNIT_END.search(cands[k].surface)
    ):
        return None
    if k >= 1 and text[cands[k - 1].end : cands[k].start] in {"'s ", "’s "}:
        k -= 1  # "Kharkiv Oblast's Borova hromada"
    if k >= 1 and re.fullmatch(r",?\s+in\s+(?:the\s+)?", text[cands[k - 1].end : cands[k].start]):
        return k - 1
    return None


def _situates(
    text: str, inner: Toponym, unit: Toponym, *, gap: re.Pattern[str] = _SITUATED_GAP
) -> bool:
    """Whether ``unit`` (an oblast or a district) situates ``inner`` just before it."""
    return (
        unit.place.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2)
        and inner.place.kind is PlaceKind.POPULATED_PLACE
        and inner.place.admin1_code == unit.place.admin1_code
        and gap.fullmatch(text, inner.end, unit.start) is not None
    )


# A district named after a settlement's comma ("X, Y district,") closes with a comma too.
_DISTRICT_COMMA = re.compile(r",\s*(?:the\s+)?")
# "X in the Y district's ...", "X in Y district of Z Oblast": the district is not last
_UNIT_AFTER = re.compile(r"\s*(?:['’]s\b|of\b)")


def _district_aside(text: str, cands: list[Toponym]) -> bool:
    """Whether the last place before a trigger is a district set off by commas after a town."""
    if len(cands) < 2:
        return False
    inner, unit = cands[-2], cands[-1]
    return (
        unit.place.kind is PlaceKind.ADMIN2
        and _situates(text, inner, unit, gap=_DISTRICT_COMMA)
        and text.startswith(",", unit.end)
    )


def _damaged_by(text: str, between: str, cands: list[Toponym]) -> bool:
    """Whether the words before an attack noun tell damage it caused at the last place."""
    damage = _DAMAGE_CAUSE.fullmatch(between)
    if damage is None:
        return False
    if _AUXILIARY_NEXT.match(between):
        return True  # "a school in X was damaged by shelling"
    head = cands[-2] if len(cands) > 1 and _situates(text, cands[-2], cands[-1]) else cands[-1]
    return _DAMAGED_IN.search(text, max(0, head.start - 60), head.start) is not None


# What opens an aside naming some of a plural subject's places: "Dozens of villages,
# including A and B, were shelled", "several towns, among them A, came under fire".
_INCLUDING_BEFORE = re.compile(
    r"\b(?:towns|cities|villages|settlements|communities|hromadas|localities|districts)\b"
    r"[^.;:]{0,60},\s*(?:including|among them|such as|notably)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# The same aside set off by dashes: "Three villages of the X district - A, B and C - were
# shelled". The plural and its count or area stand right before the opening dash.
_DASHED_BEFORE = re.compile(
    r"\b(?:towns|cities|villages|settlements|communities|hromadas|localities|districts)\b"
    r"[^.;:,—–]{0,60}?(?:\s*[—–]\s*|\s+-\s+)(?:the\s+)?$",
    re.IGNORECASE,
)


def _including_aside(text: str, cands: list[Toponym], *, dashed: bool = False) -> bool:
    """Whether the last names before a trigger close an "including A and B" aside.

    With ``dashed``, an aside between dashes ("three villages - A, B and C - were hit").
    The plural may be situated by its area ("14 settlements in the X region, including A"):
    the area's name, read as a place, is passed over to find the plural before it.
    """
    k = len(cands) - 1
    while k > 0 and re.fullmatch(
        r"\s*(?:,|,?\s+and|\s+or)\s*", text[cands[k - 1].end : cands[k].start]
    ):
        k -= 1
    first = k
    if k > 0 and cands[k - 1].place.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
        k -= 1  # "settlements of the X region, including A": the area is the plural's own
    lo = cands[k - 1].end if k > 0 else max(0, cands[k].start - 120)
    pattern = _DASHED_BEFORE if dashed else _INCLUDING_BEFORE
    return pattern.search(text, lo, cands[first].start) is not None


# The joints of a list that is a clause's subject: "A, B and C, as well as the town of D,
# came under control", "A and the village of B were liberated". The kind of place may open
# an item, and a name the index lacks may stand as an item of its own (up to three): the
# list goes on past it.
_SUBJECT_LIST_GAP = re.compile(
    r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|or|as\s+well\s+as)\s+)"
    r"(?:(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?:\s*,\s*(?:and\s+)?|\s+and\s+)){0,3}"
    # "A, B and the whole X region were liberated": the region, all of it, is one more item
    r"(?:the\s+(?:(?:whole|entire)\s+)?)?"
    r"(?:(?:urban-type\s+)?(?:cit(?:y|ies)|towns?|villages?|settlements?)\s+of\s+)?",
    re.IGNORECASE,
)
# The joint of a subject that counts the people of each place: ", 11 people from", "and 14 of"
_COUNTED_ITEM_GAP = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:another\s+)?"
    rf"(?:\d[\d,]*|{'|'.join(sorted(NUM_WORDS, key=len, reverse=True))})\s+(?:more\s+)?"
    r"(?:(?:people|residents|civilians|persons|inhabitants|locals|children|minors)\s+)?"
    r"(?:of|from)\s+(?:the\s+(?:city|town|village|settlement)\s+of\s+)?",
    re.IGNORECASE,
)
# "..., as well as the town of D," : the comma after D closes the aside the list opened
_AS_WELL_AS_BEFORE = re.compile(
    r",\s*as\s+well\s+as\s+(?:the\s+)?"
    r"(?:(?:urban-type\s+)?(?:city|town|village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)


# "A, B and other settlements were under fire": the list's unnamed rest joins the named
# places in the subject; the places the list names are the ones it tells were hit.
_OTHER_PLACES_TAIL = re.compile(
    r"\s*,?\s*(?:and|as\s+well\s+as)\s+(?:the\s+)?(?:(?:several|some|many|a\s+number\s+of|dozens\s+of|"
    r"\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    # "A and surrounding villages were shelled": the named place's neighbours, as "other"
    r"(?:other|surrounding|nearby|neighbou?ring|adjacent)\s+(?:(?:frontline|front-line|"
    r"border|nearby)\s+)?(?:settlements|villages|towns|cities|localities|communities|hromadas|"
    r"populated\s+areas)(?:\s+(?:of|in)\s+the\s+(?:region|oblast|district|community|hromada|"
    r"area))?(?=\s)",
    re.IGNORECASE,
)
_AUXILIARY_NEXT = re.compile(r"\s*(?:was|were|ha[sd]|have)\b")
# "X was the target of an attack": the place a strike noun was aimed at, as its subject
_TARGET_OF = re.compile(r"\btargets?\s+of\b", re.IGNORECASE)
_ON_IN_SPACED = re.compile(r"\b(?:on|in)\s+(?=\s)")
_OPENING_QUOTE = re.compile(r'(?<=\s)["“]')
_TWO_LOWER_WORDS = re.compile(r"\s*(?:[a-z][\w-]*\s+){0,2}")
# Base forms of the verbs of taking ground, never a noun a place may modify
_BARE_GAIN_VERBS = frozenset("take retake seize liberate regain reclaim capture recapture".split())


_PERFECT_GAP = re.compile(r"\s*(?:has|have|had)\s+(?:(?:now|already|also|reportedly)\s+)?")
_PERFECT_AUX = re.compile(r"(?:has|have|had)\s+been\s+(?=\w)", re.IGNORECASE)
# A subject named first by its kind, its name between commas after it: "The regional capital,
# X, was hit", "Ukraine's second-largest city, Y, came under fire". The kind opens the clause.
_KIND_APPOSED = re.compile(
    r"(?:^|[.;:!?]\s+|\n\s*)(?:the\s+|ukraine['’]s\s+|russia['’]s\s+)?(?:[\w'’-]+\s+){0,3}"
    r"(?:capital|city|centre|center|town|port|village|settlement)\s*,\s*$",
    re.IGNORECASE,
)


def _before_from(
    text: str,
    trig: Trigger,
    cands: list[Toponym],
    dates: list[DateSpan],
    *,
    subject_end: int | None = None,
) -> list[Toponym]:
    """The subject's places of a passive or a fronted trigger, the last of ``cands`` first.

    ``subject_end``: where the words situating the last place end (``_situated_subject``);
    the grammar is read from there.
    """
    top = cands[-1]
    between = text[top.end if subject_end is None else subject_end : trig.start]
    if (aux := _PERFECT_AUX.match(trig.text)) is not None:
        between += aux.group()  # "the village had been taken": the trigger holds its auxiliary
    for d in dates:  # "Pokrovsk on Monday ordered": the date is not part of the grammar
        if top.end <= d.start_char and d.end_char <= trig.start:
            between = between.replace(text[d.start_char : d.end_char], " ")
    between = _ON_IN_SPACED.sub("", between)
    if '"' in between or "“" in between:
        # 'the village of X "was shelled from Ukraine," he said': a quote opening after the
        # subject is no word of the grammar
        between = _OPENING_QUOTE.sub("", between)
    if (tail := _OTHER_PLACES_TAIL.match(between)) is not None:
        between = between[tail.end() :]
    district_aside = _district_aside(text, cands)
    if district_aside:
        # "the town of X, Y district, came under fire": the comma closes the district that
        # situates X, no clause of its own
        between = between.lstrip()[1:]
    if between.lstrip().startswith(",") and _KIND_APPOSED.search(
        text, max(0, top.start - 60), top.start
    ):
        between = between.lstrip()[1:]  # "The regional capital, X, was hit": X is the subject
    elif between.lstrip()[:1] in {"—", "–", "-"} and _including_aside(text, cands, dashed=True):
        between = between.lstrip()[1:]  # "three villages - A, B and C - were shelled"
    elif between.lstrip().startswith(",") and (
        _including_aside(text, cands)
        or (
            len(cands) > 1 and _AS_WELL_AS_BEFORE.search(text, cands[-2].end, top.start) is not None
        )
    ):
        # "Dozens of towns, including A and B, came under fire": the aside names the
        # subject's places, the comma closing it is no clause of its own; so does the comma
        # after "..., as well as the town of D," in a listed subject
        between = between.lstrip()[1:]
    verbal = bool(_VERBAL_TRIGGER.match(trig.text)) or trig.text.startswith(_UNDER_WORDS)
    if (verbal or "subjected" in between or _TARGET_OF.search(between)) and _PASSIVE_GAP.match(
        between
    ):
        pass  # the subject of a passive or of "came under fire" is the place hit
    elif trig.text in {"fell to", "fell"} and not between.strip():
        pass
    elif (
        verbal
        and not between.strip()
        and (_PARTICIPLE.fullmatch(trig.text) or trig.text in _ATTACK_PARTICIPLES)
        and _REDUCED_PASSIVE_AFTER.match(text, trig.end)
    ):
        pass  # a headline's passive without its "were": "Odesa and Kharkiv struck by missiles"
    elif trig.text.startswith(("came under", "comes under", "fell under")) and re.fullmatch(
        r"\s*(?:,[^;:]{1,120},\s*)?", between
    ):
        pass  # "Vovchansk, which had 17,000 people before the war, came under occupation"
    elif trig.text.startswith("fallen under") and _PERFECT_GAP.fullmatch(between):
        pass  # "the villages of A and B have now fallen under Russian control"
    elif (
        _PARTICIPLE.fullmatch(trig.text)
        and _POSTPOSED_GAP.fullmatch(between)
        and _PARTICIPLE_PHRASE.match(text, trig.end)
    ):
        pass  # "Lysychansk, captured in July 2022", "Donetsk, which was seized in 2014"
    elif (
        not verbal
        and _TWO_LOWER_WORDS.fullmatch(between)
        and not set(between.split()) & _FUNCTION
        and not _is_actor(text, top, trig.type, subject=True)
        # "a push that saw Kyiv retake swathes of land": a bare verb of taking ground has
        # the side as its subject, no place modifying a noun
        and not (not between.strip() and trig.text.lower() in _BARE_GAIN_VERBS)
    ):
        pass  # a place as modifier: "the Kursk offensive", "Kharkiv residents evacuated"
    elif _SUFFERED_GAP.fullmatch(between):
        pass  # "the towns of X and Y suffered large-scale attacks": the places hit
    elif trig.text.startswith(_SUFFERING) and _SUFFERER_GAP.fullmatch(between):
        pass  # "the cities of A and B suffered particularly heavy damage": the places hit
    elif not verbal and trig.type is EventType.ATTACK and _damaged_by(text, between, cands):
        # "a school was damaged in the village of X in the Y district following shelling":
        # the village, which its district situates
        if len(cands) > 1 and _situates(text, cands[-2], top):
            return [cands[-2]]
    elif trig.type is EventType.EVACUATION and _ORDERED_GAP.fullmatch(between):
        pass  # "A and B have announced a mandatory evacuation", "A is now under evacuation"
    else:
        return []
    found, rest = [top], cands[:-1]
    if trig.type is EventType.EVACUATION and (k := _situating_unit(text, cands)) is not None:
        # "the villages of A and B in X Oblast's Y hromada have announced an evacuation":
        # the hromada and oblast say where the villages are
        found, rest = [cands[k]], cands[:k]
    if (
        len(cands) > 1
        and (
            top.place.kind is PlaceKind.ADMIN1
            # "the X district in Kursk": a district lies in no town; the name is its oblast's
            or (
                top.place.kind is PlaceKind.POPULATED_PLACE
                and cands[-2].place.kind is PlaceKind.ADMIN2
            )
        )
        and cands[-2].place.kind in (PlaceKind.POPULATED_PLACE, PlaceKind.ADMIN2)
        and cands[-2].place.admin1_code == top.place.admin1_code
        and _SITUATED_GAP.fullmatch(text, cands[-2].end, top.start)
    ):
        # "Kramatorsk in Donetska Oblast", "the Rylsk district of Kursk region": the oblast
        # situates the finer place, which is the one hit
        found, rest = [cands[-2]], cands[:-2]
    elif district_aside or (
        len(cands) > 1
        and top.place.kind is PlaceKind.ADMIN2
        and _situates(text, cands[-2], top)
        and not _UNIT_AFTER.match(text, top.end)
    ):
        # "the town of X in Y district came under fire", "X, Y district, was shelled": the
        # district situates the settlement, which is the one hit
        found, rest = [cands[-2]], cands[:-2]
    # "Kharkiv and Sumy were shelled", "A, B and C, as well as the town of D, were taken"
    for t in reversed(rest):
        gap = text[t.end : found[-1].start]
        if _SUBJECT_LIST_GAP.fullmatch(gap) or (
            # "42 residents of A, 11 people from B and 14 from C were evacuated": each
            # place with its own count
            trig.type in FIGURE_TYPES and _COUNTED_ITEM_GAP.fullmatch(gap)
        ):
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
    levels = [min(_LEVEL[t.place.kind] for t in g) for g in groups]  # each group's finest
    best = min(levels)
    out, seen = [], set()
    for g, level in zip(groups, levels, strict=True):
        if level != best:
            continue
        for t in g:
            # "Sumy and other villages of Sumy Oblast" with Sumy read as the oblast: two places
            key = (t.place.place_id, rest_of_area(t))
            if key not in seen:
                seen.add(key)
                out.append(t)
    return out


def _venue(
    text: str, toks: list[_Tok], i: int, trig: Trigger, tops: list[Toponym]
) -> list[list[Toponym]]:
    """Where a statement was made: "said at the forum in Vladivostok", "address from Kyiv".

    Also the place of a visit in the same sentence ("visited Bucha ... and told reporters")
    and the speaker's place with a declaration verb ("Prosecutors in Kyiv announced").
    """
    j = i
    while j < len(toks) and toks[j].kind == "date":
        j += 1
    if trig.text == "addressing":
        # "addressing a conference in X": the gathering addressed, then where it sat
        k = next((k for k in range(j, min(j + 5, len(toks))) if toks[k].text in _VENUE_LINKS), j)
        j = k if all(t.kind == "w" for t in toks[j:k]) else j
    if j < len(toks) and toks[j].text in _VENUE_LINKS:
        found = _after(text, toks, j, trig.type, max_pre=0)
        if found:
            return found
    if trig.text.lower() == "visited":
        # "visited the X region on Monday, saying ...": the place visited, its object; or
        # a little further on ("visited a clinic in X, saying ...")
        k = j + (j < len(toks) and toks[j].text == "the")
        if k < len(toks) and toks[k].kind == "top":
            return [[toks[k].top]]
        return _after(text, toks, j, trig.type, max_pre=3) or []
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


def is_river(text: str, t: Toponym) -> bool:
    """Whether a city's name stands for its river: "the Dnipro river", "across the Dnipro,"."""
    if t.place.kind not in (PlaceKind.POPULATED_PLACE, PlaceKind.POINT):
        return False
    after = text[t.end : t.end + 20]
    if _RIVER_AFTER.match(after):
        return True
    # English does not put an article before a city's bare name. Asked first: most names
    # have none, and the list patterns below only ever turn a yes into a no.
    if not (
        _THE_JUST_BEFORE.search(text[max(0, t.start - 5) : t.start]) and _BARE_AFTER.match(after)
    ):
        return False
    # "the Kupiansk and Lyman directions", "the Krasnohorivka and Vodiane areas": the
    # article is the list's
    return not (
        _LISTED_SECTOR_AFTER.match(text, t.end, t.end + 80)
        or _LISTED_UNITS_AFTER.match(text, t.end, t.end + 80)
        or _AREA_AFTER.match(after)
    )


_THE_JUST_BEFORE = re.compile(r"\bthe\s+$")


_AIRPORT_AFTER = re.compile(AIRPORT_AFTER)


def names_airport(text: str, t: Toponym) -> bool:
    """Whether an embedded name begins an airport's name: the airport is at that town."""
    return t.role is ToponymRole.EMBEDDED and bool(_AIRPORT_AFTER.match(text[t.end : t.end + 40]))


def within(spans: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans (sorted, disjoint) that overlap ``[lo, hi)``."""
    k = max(bisect_right(spans, (lo, float("inf"))) - 1, 0)
    out = []
    while k < len(spans) and spans[k][0] < hi:
        if spans[k][1] > lo:
            out.append(spans[k])
        k += 1
    return out


# "the Kharkiv Regional Military Administration": the name stands for the oblast's
# authority, never the town a later "the town" refers to.
_REGIONAL_AUTHORITY_AFTER = re.compile(
    # "Military-Civil", "Civil-Military", "Military-Civilian": translators join them either way
    r"\s+(?:Regional|Oblast|Region)\s+(?:(?:Military|State|Civil|Civilian)[\s-]+)*"
    r"Administration\b",
    # "chief of the Donetsk regional military administration": the same body in lower case
    re.IGNORECASE,
)


# "the regional governor of Kherson", "Kherson's regional governor": a governor heads an
# oblast (a city has a mayor), so the name stands for the oblast "the region" means next.
_GOVERNOR_OF_BEFORE = re.compile(r"\b(?:regional\s+)?governor\s+of\s+$", re.IGNORECASE)
_GOVERNOR_AFTER = re.compile(r"(?:['’]s)?\s+regional\s+governor\b", re.IGNORECASE)


def _authority_oblasts(text: str, resolved: list[Toponym]) -> list[Toponym]:
    """The oblasts that regional administrations' names stand for, as antecedents.

    "The Donetsk Regional Military Administration announced ...; troops advance in the region":
    the region is Donetsk Oblast, though the geoparser read the name as the city; so is the
    region of "the governor of Kherson said troops shelled the region".
    """
    out: list[Toponym] = []
    low = ascii_lower(text)
    if low is not None and "governor" not in low and "administration" not in low:
        return out  # every match holds one of the words: most articles are spared the walk
    for t in resolved:
        if t.place.kind is PlaceKind.ADMIN1 or not (
            _REGIONAL_AUTHORITY_AFTER.match(text, t.end, t.end + 60)
            or _GOVERNOR_AFTER.match(text, t.end, t.end + 30)
            or _GOVERNOR_OF_BEFORE.search(text, max(0, t.start - 30), t.start)
        ):
            continue
        oblast = _oblast_reading(t)
        if oblast is not None:
            out.append(oblast)
    return out


# A village reading this far from every settlement and oblast the article places is a
# namesake the index chose for want of the right one (a renamed or unlisted village).
STRAY_KM = 150.0
STRAY_ACROSS_KM = 100.0  # ... and this far when all of them lie in the other country
STRAY_POPULATION = 10_000  # towns this big are named for themselves wherever they lie
_SPEAKERS_CITY_POPULATION = 1_000_000
# Two places make no cluster to stray from: a strike in Shebekino and one in Tetkino, 200 km
# apart, are both news.
_STRAY_ANCHORS = 2
# "the city of X": the text's own word for the place, which a village's namesake is not
# (a town of _CITY_POPULATION or more, the least "the city" refers to)
_CITY_OF = re.compile(r"\b(?:city|cities|towns?)\s+of\s+$", re.IGNORECASE)
_ANCHOR_KINDS = frozenset([PlaceKind.POPULATED_PLACE, PlaceKind.ADMIN1, PlaceKind.ADMIN2])


def oblast_index(toponyms: Sequence[Toponym]) -> dict[str, list[tuple[str, str]]]:
    """The article's places by oblast: each one's surface and place id, for ``stray_reading``.

    Built once per article: asked for each village, the oblast's own places answer at once
    whether another place of the article vouches for it.
    """
    index: dict[str, list[tuple[str, str]]] = {}
    for o in toponyms:
        if o.place is not None and o.is_place:
            index.setdefault(o.place.admin1_code, []).append((o.surface, o.place.place_id))
    return index


def stray_reading(
    t: Toponym,
    toponyms: Sequence[Toponym],
    index: dict[str, list[tuple[str, str]]] | None = None,
    text: str | None = None,
) -> bool:
    """Whether a village's reading lies apart from all the places the article tells of.

    Reports name villages beside the towns and oblasts of their story: "the village of X"
    in an article on Belgorod Oblast shelling, read as an Odesa Oblast namesake because the
    index lacks the Belgorod one, puts the event hundreds of kilometres off. A reading in an
    oblast no other place of the article lies in, and further than ``STRAY_KM`` from every
    one of them, is left out, so the event stands at the places the sentence does give (or
    none). An article with fewer than two other places (two names of one place are one)
    gives nothing to judge by and keeps it. With ``text``, a town the text calls a city ("the
    city of X") whose reading is a town of ``_CITY_POPULATION`` or more is that town: a
    misread village's namesake is no city.
    """
    place = t.place
    if (
        place is None
        or place.kind is not PlaceKind.POPULATED_PLACE
        or (place.population or 0) >= STRAY_POPULATION
        or not place.admin1_code
    ):
        return False
    if (
        text is not None
        and (place.population or 0) >= _CITY_POPULATION
        and _CITY_OF.search(text, max(0, t.start - 20), t.start)
    ):
        return False
    if index is not None and any(
        surface != t.surface and pid != place.place_id
        for surface, pid in index.get(place.admin1_code, ())
    ):
        return False  # another place of its oblast vouches for it (as below, from the index)
    others = [
        o.place
        for o in toponyms
        if o.place is not None
        and o.is_place
        and o.surface != t.surface
        and o.place.place_id != place.place_id
    ]
    # any place of the oblast vouches for it: a town, a raion, "the DPR"
    if any(o.admin1_code == place.admin1_code for o in others):
        return False
    # a capital or a city of millions is where officials speak from ("officials in Kyiv"),
    # no sign of where the story's villages are
    anchors = [
        o
        for o in others
        if o.kind in _ANCHOR_KINDS and (o.population or 0) < _SPEAKERS_CITY_POPULATION
    ]
    if len({a.place_id for a in anchors}) < _STRAY_ANCHORS:
        return False
    # every other place of the article lies in the other warring country: "the attack took
    # place in the village of X" in a report on strikes on a Russian border region, read as
    # a Ukrainian namesake 120 km off because the index lacks the Russian village (a village
    # just over the border from the story's places stays: the fighting crosses it)
    far = (
        STRAY_ACROSS_KM
        if all(a.country_code and a.country_code != place.country_code for a in anchors)
        else STRAY_KM
    )
    return all(great_circle_km(a.lat, a.lon, place.lat, place.lon) > far for a in anchors)


# Ground fighting is on one front: a town this far from every other place of the article is
# a namesake read for want of the front's village (a Siberian town for a Kursk hamlet).
FRONT_STRAY_KM = 1500.0


def front_anchors(toponyms: Sequence[Toponym]) -> dict[str, Place]:
    """The article's places that :func:`off_the_front` judges by, by id (the last of each).

    Made once per article: the judgement is asked for every place of every ground event.
    """
    return {
        o.place.place_id: o.place
        for o in toponyms
        if o.place is not None and o.is_place and o.place.kind in _ANCHOR_KINDS
    }


def off_the_front(etype: EventType, t: Toponym, anchors: dict[str, Place]) -> bool:
    """Whether a ground event's settlement lies far off every other place of the article.

    "liberated five settlements: A, B and Mirny" in a report on Kursk Oblast, with the index
    knowing only a town in Siberia by that name: towns of any size are dropped here (unlike
    :func:`stray_reading`, which keeps towns named for themselves), but only for advances and
    offensives, and only with two other places to judge by, all over ``FRONT_STRAY_KM`` off.
    ``anchors`` are the article's places (:func:`front_anchors`); the settlement's own
    reading among them is no other place.
    """
    place = t.place
    if etype not in GROUND_TYPES or place is None or place.kind is not PlaceKind.POPULATED_PLACE:
        return False
    own = place.place_id
    return len(anchors) - (own in anchors) >= _STRAY_ANCHORS and all(
        great_circle_km(a.lat, a.lon, place.lat, place.lon) > FRONT_STRAY_KM
        for pid, a in anchors.items()
        if pid != own
    )


def unstrayed(
    t: Toponym,
    toponyms: Sequence[Toponym],
    index: dict[str, list[tuple[str, str]]] | None = None,
    text: str | None = None,
) -> Toponym | None:
    """The toponym with a reading among the article's places, or None for a stray village.

    A stray reading (see :func:`stray_reading`) gives way to the best other reading of the
    name that lies in an oblast another place of the article lies in ("the
    liberation of Andriyivka" in a report on Kherson Oblast is the Kherson village, not the
    larger Zaporizhzhia one); with no such reading the name places no event.
    """
    if not stray_reading(t, toponyms, index, text):
        return t
    # only an oblast another place of the article lies in: "near" alone would trade one
    # namesake guess for another
    oblasts = {
        o.place.admin1_code
        for o in toponyms
        if o.place is not None and o.is_place and o.surface != t.surface
    }
    for cand in t.candidates:
        if cand.place.kind is PlaceKind.POPULATED_PLACE and cand.place.admin1_code in oblasts:
            return replace(t, place=cand.place)
    return None


def _oblast_reading(t: Toponym) -> Toponym | None:
    """The toponym read as the oblast its place lies in, when that is one of its readings."""
    oblast = next(
        (
            c.place
            for c in t.candidates
            if c.place.kind is PlaceKind.ADMIN1 and c.place.admin1_code == t.place.admin1_code
        ),
        None,
    )
    return None if oblast is None else replace(t, place=oblast)


@lru_cache(maxsize=4096)
def _admin_stem(name: str) -> str:
    """An oblast's name without its unit's word, in lower case ("Donetsk Oblast": "donetsk").

    Remembered: first-level names are few, and one is asked of every place an event reads.
    """
    return ADMIN_WORD.sub("", name).strip().lower()


def is_oblast_centre_namesake(place: Place) -> bool:
    """Whether a town is its oblast's namesake centre (Donetsk of Donetsk Oblast, Kharkiv)."""
    return (
        place.kind is PlaceKind.POPULATED_PLACE
        and bool(place.admin1_name)
        and _admin_stem(place.admin1_name) == place.name.lower()
    )


def namesake_city(top: Toponym) -> Toponym:
    """A strike on "Zaporizhzhia" is on the city, where the name was read as its oblast.

    The resolver reads a bare "Zaporizhzhia" or "Kursk" as the oblast when the article
    names the oblast too; a strike hits a place, and the oblast's namesake centre is the
    reading an analyst codes. "Zaporizhzhia Oblast", "the Kursk region" stay oblasts.
    """
    place = top.place
    if place.kind is not PlaceKind.ADMIN1 or ADMIN_WORD.search(top.surface):
        return top
    stem = ADMIN_WORD.sub("", place.name).strip()
    for cand in top.candidates:
        c = cand.place
        # Kyiv and Sevastopol are admin-1 units of their own, apart from their oblasts
        if c.kind is PlaceKind.POPULATED_PLACE and (
            c.admin1_code == place.admin1_code or c.name == stem
        ):
            return replace(top, place=c)
    return top


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s")
# "annexed by Moscow", "a governor installed by Kyiv": the doer of a passive verb, a capital
# standing for its government, never the town "the city" goes back to
_AGENT_BEFORE = re.compile(r"\b(?:\w+ed|held|run|taken|seized)\s+by\s+$", re.IGNORECASE)
# A settlement the text itself calls a city ("the city of X", "the city centre of X") is one
# that a later "the city" can mean, however small the gazetteer says it is.
_CALLED_CITY = re.compile(
    r"\bcity\s+(?:(?:cent(?:re|er)|outskirts|limits)\s+)?of\s+(?:the\s+)?$", re.IGNORECASE
)


# A preposition right before "that town": the demonstrative's phrase, not "said that".
_LINK_BEFORE = re.compile(
    r"\b(?:toward|towards|near|in|into|on|at|around|outside|from|of|for|to)\s+$", re.IGNORECASE
)


# A town's own authority after its name: "Kharkiv authorities", "the Sumy city council".
_LOCAL_AUTHORITY_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:city\s+)?(?:authorities|officials|mayor|council)\b", re.IGNORECASE
)


def _own_authority_town(
    text: str, resolved: list[Toponym], at: int, ante: Toponym | None, *, city: bool
) -> Toponym | None:
    """The settlement whose own authority speaks earlier in the sentence of "the city" at ``at``.

    "Kharkiv authorities reported explosions in the city", "the Sumy mayor said the town was
    hit": the authority is named by its town, which is left out of the antecedents as an
    actor; its report's "the city" is still that town. Only a settlement after the other
    antecedent (none nearer), in the same sentence.
    """
    for t in reversed(resolved):
        if t.end > at or (ante is not None and t.end <= ante.end):
            continue
        if _SENTENCE_BREAK.search(text, t.end, at):
            return None
        if (
            t.place.kind is PlaceKind.POPULATED_PLACE
            and _LOCAL_AUTHORITY_AFTER.match(text, t.end, t.end + 30)
            and (not city or (t.place.population or 0) >= _CITY_POPULATION)
        ):
            return t
    return None


def anaphors(text: str, resolved: list[Toponym], quoted) -> list[Toponym]:
    """Read "the town", "the city", "its eastern edge" as the settlement named just before."""
    out = []

    def antecedent(t: Toponym) -> bool:
        if t.place.kind not in (PlaceKind.POPULATED_PLACE, PlaceKind.POINT):
            return False
        after = text[t.end : t.end + 40]  # cut once for the three patterns
        return (
            not _ACTOR_AFTER.match(after)
            and not _SPEAKER_AFTER.match(after)
            and not _GOVERNMENT_POSSESSIVE.match(after)
            and not _DISTANCE_REF.search(text, max(0, t.start - 60), t.start)
            and not _REGIONAL_AUTHORITY_AFTER.match(text, t.end, t.end + 60)
            and not _AGENT_BEFORE.search(text, max(0, t.start - 30), t.start)
        )

    # The anaphors first: most articles have none of the settlement kind, and the settlements
    # (five patterns per place) are worked out only for an article that has some.
    # Each holds its word in every match: a text without the word is spared the pattern,
    # which (opening with a word boundary) is tried at every position.
    capital_refs = list(_CAPITAL_ANAPHOR.finditer(text)) if "capital" in text else []
    there_refs = list(_THERE.finditer(text)) if "there" in text else []
    town_refs = list(_ANAPHOR.finditer(text))
    if capital_refs or there_refs or town_refs:
        # A reference goes back to a settlement that ends before it: where the places end in
        # text order (none inside another), those ending after the last reference are never
        # looked up (by the bisections below) and are not tested.
        ends = [t.end for t in resolved]
        last = (
            max(refs[-1].start() for refs in (capital_refs, there_refs, town_refs) if refs)
            if ends == sorted(ends)
            else len(text)
        )
        settlements = [t for t in resolved if t.end <= last and antecedent(t)]
    else:
        settlements = []
    ends = [t.end for t in settlements]
    # A bare "Kherson" read as the oblast (the article names Kherson Oblast too) is still the
    # city that "the city" means later in its own sentence (only "the city" asks for these).
    read_as_oblast = (
        [
            c
            for t in resolved
            if t.place.kind is PlaceKind.ADMIN1
            and (c := namesake_city(t)).place.kind is PlaceKind.POPULATED_PLACE
            and antecedent(c)
        ]
        if any(m.group().lower().endswith("city") for m in town_refs)
        else []
    )
    # The oblasts are gathered only for an article whose text holds a unit's word ("the
    # region", "other regional settlements"): every match of the two patterns holds one.
    regions = (
        sorted(
            [t for t in resolved if t.place.kind is PlaceKind.ADMIN1]
            + _authority_oblasts(text, resolved),
            key=lambda t: t.end,
        )
        if "region" in text or "province" in text or "oblast" in text
        else []
    )
    region_ends = [t.end for t in regions]
    # a match needs an oblast before it: without one the article is not scanned
    for m in _REGION_ANAPHOR.finditer(text) if regions else ():
        k = bisect_right(region_ends, m.start()) - 1
        if k >= 0 and m.start() - region_ends[k] < _REGION_REACH:
            out.append(_refer(regions[k], m))
    for m in _OTHER_REGIONAL.finditer(text) if regions and "regional" in text else ():
        # "one was killed in A, and five hurt in other regional settlements": the rest of
        # the oblast just named, an area event beside A's (see rest_of_area)
        k = bisect_right(region_ends, m.start()) - 1
        if k >= 0 and m.start() - region_ends[k] < _REGION_REACH:
            out.append(_refer(regions[k], m))
    capitals = [
        t
        for t in (settlements if capital_refs else ())
        if _CAPITAL_BEFORE.search(text, max(0, t.start - 20), t.start)
        or _CAPITAL_AFTER.match(text, t.end, t.end + 30)
    ]
    for m in capital_refs:
        ante = [t for t in capitals if t.end <= m.start() and m.start() - t.end < _REGION_REACH]
        country = _capital_country(m.group())
        if not ante and country is not None:
            # "A power plant in the capital took damage" after "drones headed
            # for Kyiv": a country's capital the article named, when it named only one (of
            # the country the words give: "the Belarusian capital" is no Kyiv)
            named = [
                t
                for t in settlements
                if t.end <= m.start()
                and (t.place.country_code, t.place.name) in _NATIONAL_CAPITALS
                and country in ("", t.place.country_code)
            ]
            if len({t.place.place_id for t in named}) == 1:
                ante = named
        if ante:
            out.append(_refer(ante[-1], m))
    for m in there_refs:
        k = bisect_right(ends, m.start()) - 1
        if k >= 0 and m.start() - ends[k] < _ANAPHOR_REACH // 2:
            out.append(_refer(settlements[k], m))
    for m in town_refs:
        if within(quoted, m.start(), m.start() + 1):
            continue
        if m.group().startswith("that") and not _LINK_BEFORE.search(
            text, max(0, m.start() - 60), m.start()
        ):
            continue  # "said that town officials ...": a conjunction, no demonstrative
        k = bisect_right(ends, m.start()) - 1
        city = m.group().lower().endswith("city")
        if city:
            # "the city" is no village: walk back past the villages named since the city
            while (
                k >= 0
                and (settlements[k].place.population or 0) < _CITY_POPULATION
                and not _CALLED_CITY.search(
                    text, max(0, settlements[k].start - 30), settlements[k].start
                )
            ):
                k -= 1
        elif m.group().lower().endswith("village"):
            # ... and "the village" is no city: "a village some 30 km from the hub of X ...
            # the capture of the village" goes back to the village (one the gazetteer
            # may not know), never to the city that only situated it
            while k >= 0 and (settlements[k].place.population or 0) >= _CITY_POPULATION:
                k -= 1
        reach = _ANAPHOR_REACH
        if k >= 0 and all(
            t.place.place_id == settlements[k].place.place_id for t in settlements[:k]
        ):
            # the one settlement the article has named so far stays its topic for longer:
            # "... 1,600 people remain in X. [a quoted paragraph] ... the city is still under
            # fire"
            reach = _REGION_REACH
        ante = settlements[k] if k >= 0 and m.start() - ends[k] < reach else None
        if (own := _own_authority_town(text, resolved, m.start(), ante, city=city)) is not None:
            ante = own  # "X authorities reported explosions in the city": X's own city
        if city:
            closer = [
                c
                for c in read_as_oblast
                if (ante is None or c.end > ante.end)
                and c.end <= m.start()
                # its own sentence, or the one just before (below)
                and len(_SENTENCE_BREAK.findall(text, c.end, m.start())) <= 1
            ]
            if closer and _SENTENCE_BREAK.search(text, closer[-1].end, m.start()):
                # "a blast was heard in X [read as its oblast]. Later more explosions rang
                # out over the city": not a city named before X; which one, the words leave
                # open, so none
                ante = None
            else:
                ante = closer[-1] if closer else ante
        if ante is not None:
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


_PLACE_NOUNS = frozenset({"town", "city", "village", "settlement", "hamlet"}) | _wordset(
    "пункт пункта пункту пункты пункти село села сёла селище селища посёлок поселок посёлка "
    "поселка город города місто міста"
)  # "освободили населённый пункт X", "звільнили село X"
# The nouns a place before "of" names the kind of the place after: "the Donbas city of X",
# "the Odesa port of Y", "the Kyiv suburb of Z" (the first place only says where it is).
# "the Kursk region districts of A and B", "the Donetsk region towns of C and D": a plural
# kind after the area names the places of the list that follows
_MODIFIED_NOUNS = _PLACE_NOUNS | frozenset(
    {"port", "suburb", "towns", "cities", "villages", "settlements", "hamlets", "districts"}
)
# Nouns of an area a place before "of" may name the kind of: "the Black Sea region of X",
# "the Azov coast of Y" (the sea says where the region lies; the region is X's)
_MODIFIED_AREAS = frozenset({"region", "coast"})
_PLACE_NOUN_FORMS = _PLACE_NOUNS | frozenset(
    {"towns", "cities", "villages", "settlements", "hamlets", "communities", "districts"}
)
_AREA_RUN_WORDS = _PLACE_NOUN_FORMS | {"parts", "areas", ",", "and"}  # "towns and villages of"
# The plural nouns before a colon that names the places counted: "two villages in the east:
# A and B", and an evacuation order's "з населених пунктів: A, B" / "из сел: A, B".
_COUNTED_PLACE_NOUNS = _PLACE_NOUN_FORMS | _wordset(
    "пунктів пунктов пунктах сіл сел селах селищ поселков посёлков громад громадах общин"
    # "shelled four regions: A, B and C" lists oblasts as "two villages: A and B" lists villages
    " regions oblasts provinces"
)
_NAMED = frozenset({"named", "called"})
# The verb an order's text puts before the colon of its list ("евакуація стосується: A, B")
_CONCERNS = _wordset("стосується стосуватиметься касается коснется охоплює covers concerns")
_SETTLEMENT_NOUNS = frozenset(
    {"towns", "villages", "settlements", "cities", "communities", "hamlets", "hromadas"}
)
_BORDERING = frozenset({"bordering", "adjoining", "neighbouring", "neighboring"})
_CLAUSE_END = frozenset({";", ".", "but", "while", "whereas"})
_AREA_LIST_WORDS = frozenset({",", "the", "region", "oblast", "(", ")"}) | _AND
# "в районах населённых пунктов", "у районі населеного пункту": bulletins' area of places.
_CYR_AREAS = _wordset("районах районе районі района районов районів")
_SETTLEMENT_WORDS = _wordset(
    "населённых населенных населених населённого населенного населеного пунктов пунктів пункта "
    "пункту"
)
# Who reports from a place: its officials, and the bodies whose reports the news quotes ("the
# X regional prosecutor's office said", "X police reported", "the X emergency service").
_AUTHORITY = (
    r"(?:authorities|officials|administration|council|governor|mayor|police|"
    r"prosecutor(?:['’]s\s+office|s['’]?\s+office|s)?|(?:state\s+)?emergency\s+services?|"
    r"spokes(?:man|woman|person))"
)
_AUTHORITY_AFTER = re.compile(
    rf"(?:['’]s)?\s+(?:(?:city|town|village|local|regional|military|civil|district)\s+)*"
    rf"{_AUTHORITY}\b",
    re.IGNORECASE,
)
_REGIONAL = re.compile(r"\s+(?:regional|oblast|region['’]s)\b", re.IGNORECASE)
_AUTHORITY_BEFORE = re.compile(
    rf"\b{_AUTHORITY}\s+(?:in|of)\s+(?:the\s+)?(?:[^\W\d][\w'’ -]{{0,40}}?\s+)?$",
    re.IGNORECASE,
)
# "the Lyman-Kupiansk direction": a sector named after two towns is a sector too, not town A
_DIRECTION_AFTER = re.compile(
    r"^(?:-(?-i:[A-Z])[\w'’]*)?[\s-]+(?:directions?|axis|axes|sectors?|fronts?|напрям\w*|направлени\w*)\b",
    re.IGNORECASE,
)
# "the Kupiansk, Lyman and Pokrovsk directions": each name of the list is a sector.
_LISTED_SECTOR_AFTER = re.compile(
    r"(?:\s*(?:,|,?\s+and)\s+[A-Z][\w'’-]*)+[\s-]+(?:directions|sectors|axes|fronts)\b"
)
# "the Nikopol and Marhanets communities": the article is the list's too
_LISTED_UNITS_AFTER = re.compile(
    r"(?:\s*(?:,|,?\s+and)\s+[A-Z][\w'’-]*)+\s+(?:communities|hromadas|settlements|"
    r"villages)\b"
)
_AREA_AFTER = re.compile(r"(?:\s*(?:,|,?\s+and)\s+[A-Z][\w'’-]*)*\s+areas?\b")
_DIRECTION_BEFORE = re.compile(r"\b(?:напрямку|направлении|напрямі)\s+$", re.IGNORECASE)


def as_direction(text: str, top: Toponym) -> Toponym:
    """A front sector named after a town ("the Kharkiv direction") as an area, not the town.

    The point stays at the town (the sector's anchor) but the place is a region, so the
    event's geo precision is coarse and the map does not claim fighting in the city.
    """
    place = top.place
    if place is None or place.kind not in (PlaceKind.POPULATED_PLACE, PlaceKind.POINT):
        return top
    after = text[top.end : top.end + 40]
    lo = max(0, top.start - 20)
    if not (
        _DIRECTION_AFTER.match(after)
        or _LISTED_SECTOR_AFTER.match(text, top.end, top.end + 80)
        # its words are Cyrillic: a plain ASCII window before the name is spared the search
        or (not text[lo : top.start].isascii() and _DIRECTION_BEFORE.search(text, lo, top.start))
    ):
        return top
    sector = replace(
        place,
        place_id=f"dir:{place.place_id}",
        name=f"{place.name} direction",
        kind=PlaceKind.REGION,
        population=None,
        precision=GeoPrecision.REGION,
    )
    return replace(top, place=sector)


def _refer(ante: Toponym, m: re.Match[str]) -> Toponym:
    return replace(
        ante,
        start=m.start(),
        end=m.end(),
        surface=m.group(),
        confidence=round(ante.confidence * 0.9, 3),
    )


def _start(tok: _Tok) -> int:
    return tok.start


# A place named by its kind alone after a link: "in the capital", "in the regional centre"
_UNNAMED_HEADS = frozenset({"capital", "centre", "center", "city", "town"})
_UNNAMED_MODIFIERS = frozenset({"regional", "district", "oblast", "ukrainian", "administrative"})


def _named_after_unnamed(toks: list[_Tok], first: int, i: int, links: frozenset[str]) -> int | None:
    """The index of the place joined at token i to a phrase that names its place by kind.

    "in the regional capital as well as in A", "in the regional centre and in the town of B": the
    phrase before the joint is a link, "the", at most one modifier and a kind noun; the joint
    is "as well as" or "and" with a link of its own. None otherwise.
    """
    k = i - 1
    if k < first or toks[k].text not in _UNNAMED_HEADS:
        return None
    k -= 1
    if k >= first and toks[k].text in _UNNAMED_MODIFIERS:
        k -= 1
    if k - 1 < first or toks[k].text != "the" or toks[k - 1].text not in links:
        return None
    if toks[i].text == "as":
        return _as_well_as(toks, i, links)
    if i + 2 < len(toks) and toks[i + 1].text in links:
        if toks[i + 2].kind == "top":
            return i + 2
        if _kind_phrase_names(toks, i + 2):
            return i + 1
    return None


def _unnamed_conjunct(text: str, toks: list[_Tok], first: int, i: int) -> int | None:
    """The index of the named place joined at token i to an object named by its kind alone."""
    for k in range(i + 1, min(len(toks), i + 5)):
        if toks[k].kind != "top":
            continue
        if not _UNNAMED_CONJUNCT.fullmatch(text, toks[first].start, toks[k].start):
            return None
        j = _list_from(toks, k, text)[1]
        # the list ends the object ("... and the A and B hromadas."), no subject of a new
        # clause ("struck the regional centre and X said ...")
        if j >= len(toks) or toks[j].kind in {"p", "date"} or toks[j].text.lower() in _OBJECT_END:
            return k
        return None
    return None


# A participle after the places a fronted "among" counts: "Among the towns hit overnight ..."
_AMONG_BEFORE = re.compile(
    r"\bamong\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?" + _AMONG_PLACES + r"\s+[\w-]+\s*$",
    re.IGNORECASE,
)
# What may follow the named places joined to an unnamed one: their kind, a phrase of place
_OBJECT_END = _COMMUNITY_WORDS | frozenset(
    {
        "district",
        "districts",
        "region",
        "regions",
        "oblast",
        "oblasts",
        "in",
        "near",
        "of",
        "on",
        "overnight",
        "again",
        "with",
    }
)


def _top_from(toks: list[_Tok], i: int) -> bool:
    """Whether a place token lies at index ``i`` or after (looked for from the end)."""
    # a plain loop, not any() over a generator: asked for most triggers
    for k in range(len(toks) - 1, i - 1, -1):  # noqa: SIM110
        if toks[k].kind == "top":
            return True
    return False


_ORDER_VERB_OPENS = re.compile(ORDER_VERBS + " ")


# "Kursk (three": a count in brackets right after a place; the trigger closes the bracket
_TALLY_OPEN = re.compile(
    r"\s*\(\s*(?:\d+|" + "|".join(sorted(_COUNT_WORDS)) + r")\s+(?:[a-z-]+\s+)?$",
    re.IGNORECASE,
)
_TALLY_CLOSE = re.compile(r"\s*\)")


def _tallied_over(text: str, trig: Trigger, tops: list[Toponym]) -> Toponym | None:
    """The place a weapon count in brackets follows: "over Kursk (three drones)", if so.

    A defence ministry's tally names each region with the drones downed over it; the
    bracket holds the count and the weapon, and the place is the name before it.
    """
    if trig.type is not EventType.ATTACK or not _TALLY_CLOSE.match(text, trig.end):
        return None
    cands = [t for t in tops if t.end <= trig.start]
    if not cands or not _TALLY_OPEN.fullmatch(text, cands[-1].end, trig.start):
        return None
    return cands[-1]


# An apposition that counts a named place among others: "X, one of ten villages its troops
# are said to have seized in the oblast", "Y, one of several towns shelled in the region".
_ONE_OF_MANY = re.compile(r",\s+one\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){1,7}?$", re.IGNORECASE)


def _one_of_many(text: str, trig: Trigger, tops: list[Toponym]) -> bool:
    """Whether the trigger tells the many places an apposition counts its named place among.

    In "took A, one of a dozen villages it has captured in the region", the capture told
    after "one of" is the sum of the others; its region is no place of an event (A's own
    verb places A).
    """
    m = _ONE_OF_MANY.search(text, max(0, trig.start - 80), trig.start)
    return m is not None and any(t.end == m.start() for t in tops)


def places_for(
    text: str, trig: Trigger, toks: list[_Tok], tops: list[Toponym], dates: list[DateSpan]
) -> list[Toponym]:
    """The places a trigger attaches to (one event each), most specific level only."""
    # the first token at or after the trigger's end (tokens are in text order)
    i = bisect_left(toks, trig.end, key=_start)
    if trig.type is EventType.STATEMENT:
        return _most_specific(_venue(text, toks, i, trig, tops))
    if _one_of_many(text, trig, tops):
        return []
    if trig.type is EventType.DISPLACEMENT and trig.text.endswith("left"):
        # "have left" takes its object only: "have left Bakhmut", "have left the town"
        while i < len(toks) and (
            toks[i].kind == "date"
            # "have left the X region", "left the town of X": the article and the kind
            or (toks[i].kind == "w" and toks[i].text.lower() in _LEFT_OBJECT_WORDS)
        ):
            i += 1
        if i < len(toks) and toks[i].kind == "top":
            return _most_specific([_list_from(toks, i)[0]])
        if OWN_MEANS_AFTER.match(text, trig.end) and (
            before := [t for t in tops if t.end <= trig.start]
        ):
            # "200 were evacuated from X, and thousands more left by their own cars": they
            # left the place just told, without the organised transport
            return _most_specific([before[-1:]])
        return []
    if trig.type is EventType.EVACUATION and _MOVED_TO_RE.fullmatch(trig.text):
        # "the city's residents were transferred to nearby X", "residents of A were relocated
        # to B": the people's place, never where they were taken
        return _most_specific([_movers_place(text, trig, tops)])
    if trig.type is EventType.EVACUATION and _ORDER_VERB_OPENS.match(trig.text):
        # "ordered residents of Vovchansk to leave": the place is inside the order's object
        inner = [t for t in tops if trig.start < t.start and t.end <= trig.end]
        inner = [t for t in inner if not _is_actor(text, t, trig.type)]
        if inner:
            return _most_specific([inner])
    if (tallied := _tallied_over(text, trig, tops)) is not None:
        return [tallied]  # "over Kursk (three drones), ...": the region the count is for
    if trig.type in FIGURE_TYPES and (listed := _plural_antecedent(text, trig, tops)):
        return _most_specific([listed])
    verbal = bool(_VERBAL_TRIGGER.match(trig.text)) or trig.text.startswith(_UNDER_WORDS)
    if verbal and (before := _before(text, trig, tops, dates)):
        found = _most_specific([before])  # passive: the subject is the place hit
        if trig.type is EventType.ADVANCE:
            found = [y for y in found if not _unnamed_settlements_in(text, y)]
        return found
    if (
        trig.type is EventType.DISPLACEMENT
        and i < len(toks)
        and toks[i].text in _DESTINATION_LINKS
        and (home := [t for t in _peoples_home(text, trig, tops) if t.end <= trig.start])
    ):
        # "X residents who fled to Y", "people from X have fled into Y": where they went is
        # told after the verb, the town they left in its subject; the flight is from there
        return _most_specific([home])
    # _after gathers only the places of tokens from i on: where none follows the trigger (a
    # third of the calls), its walk to the clause's end would find nothing
    # "pushing the enemy back from X": the ground the push is for is the place "from" names,
    # as it is for the gain ("pushed back from X"), though the push is fighting
    linked = (
        EventType.ADVANCE
        if trig.type is EventType.OFFENSIVE and trig.text.lower().endswith(" back")
        else trig.type
    )
    after = _after(text, toks, i, linked, max_pre=_MAX_PRE) if _top_from(toks, i) else []
    wider = trig.type is EventType.ATTACK and bool(_WIDER_PART.match(text, trig.end))
    if after or verbal or wider:
        found = _most_specific(after)
    else:
        found = _most_specific([_before(text, trig, tops, dates)])  # "the Kursk offensive"
    if not found and trig.type is EventType.NEGOTIATION and trig.text == "where they discussed":
        # "travelled to Doha on 15 November, where they discussed": "where" is the venue just
        # told (not a country standing for its capital)
        venue = [t for t in tops if t.end <= trig.start and trig.start - t.end <= 60]
        found = _most_specific([venue[-1:]]) if venue else []
    if not found and trig.type is EventType.NEGOTIATION:
        found = _most_specific(_venue_aside(text, toks, i))
    if not found and trig.type is EventType.OFFENSIVE:
        found = _most_specific([_areas_of(text, toks, i)])
    if not found and trig.type is EventType.OFFENSIVE:
        found = _participle_host(text, trig, tops)
    if not found and trig.type is EventType.EVACUATION:
        found = _most_specific([[t] for t in _authority_place(text, trig, tops)])
    if not found and trig.type is EventType.NEGOTIATION:
        found = _held_venue(text, trig, tops)
    if not found and trig.type is EventType.NEGOTIATION:
        found = _venue_after_party(text, trig, tops)
    if not found and trig.type is EventType.DISPLACEMENT:
        found = _people_from(text, trig, tops)
    if not found and trig.type is EventType.ATTACK and not wider:
        # "officials in X reported drones over the west of the country": the strike's own
        # place is wider than the area the authority speaks for, so that area is not it
        found = _governed_place(text, trig, toks, tops) or _reporting_authority(text, trig, tops)
    if not found and trig.type in _RELATIVE_TYPES:
        found = _relative_antecedent(text, trig, tops)
    if not found and trig.type in _HOME_TYPES:
        found = _most_specific([_peoples_home(text, trig, tops)])
    if not found and trig.type in RELATIONAL_TYPES:
        # "capturing ground to the south and east of X", "clashes not far from X"
        found = relational_place(text, trig.type, trig.end, tops)
    if not found and trig.type in CAUSAL_TYPES and toks:
        # "1,600 people remain in X despite a heavy offensive" (the tokens start the sentence)
        found = causal_place(text, trig.type, trig.start, toks[0].start, tops)
    if trig.type is EventType.ADVANCE:
        found = [y for y in found if not _unnamed_settlements_in(text, y)]
    if trig.type is EventType.ATTACK and found:
        found = found + _tally_places(text, found[-1], tops)
        found = found + _colon_items(text, found, tops, toks[-1].end if toks else len(text))
    return _without_region_namesake(text, found, tops)


# A count of places that a colon opens the names of: "attacked two villages in the X
# region: A ..., and B ...".
_COUNTED_COLON = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:villages|settlements|"
    r"towns|localities|communities|cities)\b[^:;.]{0,60}:\s*$",
    re.IGNORECASE,
)
# Where the next item of such a list opens, after the last item's own words ("A in the Y
# district, where a house burned down, and B in the Z district").
_ITEM_OPENS = re.compile(
    r",\s*(?:and\s+)?(?:(?:in\s+)?the\s+(?:village|town|city|settlement)\s+of\s+)?$"
)


def _colon_items(
    text: str, found: list[Toponym], tops: list[Toponym], sent_end: int
) -> list[Toponym]:
    """The further items of a counted colon list whose first item a strike already holds.

    Each item may carry its district and a clause of its own before the comma that opens
    the next one; only a settlement of the first item's oblast right after such a comma
    counts, up to the sentence's end or a semicolon.
    """
    first = found[0]
    lo = max(0, first.start - 100)
    if (
        first.place.kind is not PlaceKind.POPULATED_PLACE
        or text.find(":", lo, first.start) < 0  # every count ends with its colon
        or not _COUNTED_COLON.search(text, lo, first.start)
    ):
        return []
    have = {t.start for t in found}
    out: list[Toponym] = []
    last = found[-1].end
    for t in tops:
        if t.start <= last or t.start in have:
            continue
        if t.start >= sent_end or ";" in text[last : t.start]:
            break
        if (
            t.place.kind is PlaceKind.POPULATED_PLACE
            and t.place.admin1_code == first.place.admin1_code
            and _ITEM_OPENS.search(text, last, t.start)
        ):
            out.append(t)
            last = t.end
    return out


# An air-defence tally goes on clause by clause, each with its count and its place: "two
# drones were destroyed over the X region, and three (others were downed) over Y", "one over
# A, two over B". A relative clause may stand after a place ("X, which borders Ukraine,").
_TALLY_ON = re.compile(
    r"(?:\s*,\s*(?:which|where)\b[^,;:.]{1,80})?\s*,?\s+(?:and|while)\s+"
    r"(?:(?:another|a\s+further)\s+|(?:another\s+|a\s+further\s+)?(?:\d+|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|dozens|several)\s+)"
    r"(?:more\s+|others?\s+|of\s+them\s+)?"
    r"(?:(?:drones?|UAVs?|missiles?|rockets?|shells?)\s+)?"
    r"(?:(?:were|was)\s+)?(?:(?:shot\s+down|downed|destroyed|intercepted|neutrali[sz]ed)\s+)?"
    r"(?:over|above|in)\s+(?:the\s+)?(?:(?:annexed|occupied|Russian-occupied)\s+)?",
    re.IGNORECASE,
)


# A strike's objects, each with its place: "hit an administrative building in A and a school
# in B", "damaged houses in A, and a clinic and a kindergarten in the town
# of B". Only nouns and their words between "and" and the locative: no verb of its own.
_OBJECT_ON = re.compile(
    r"\s*,?\s+and\s+(?P<words>(?:[a-z][\w'’-]*\s+){1,5}?)(?:in|near|at)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|settlement)\s+of\s+)?"
)
_NOT_AN_OBJECT = frozenset(
    "was were is are be been being has have had said says told reported added noted wrote "
    "claimed announced according who which that while when where fled left evacuated "
    "lived lives live living stayed".split()
)


def _next_strike_place(text: str, last: Toponym, by_start: dict[int, Toponym]) -> Toponym | None:
    if (m := _TALLY_ON.match(text, last.end)) is not None and m.end() in by_start:
        return by_start[m.end()]
    m = _OBJECT_ON.match(text, last.end)
    if m is None or m.end() not in by_start or set(m.group("words").split()) & _NOT_AN_OBJECT:
        return None
    return by_start[m.end()]


def _tally_places(text: str, last: Toponym, tops: list[Toponym]) -> list[Toponym]:
    """The places of a strike's further clauses (a tally's, its objects') after ``last``."""
    out: list[Toponym] = []
    by_start = {t.start: t for t in tops}
    while (nxt := _next_strike_place(text, last, by_start)) is not None:
        last = nxt
        if last.place.kind is PlaceKind.COUNTRY:
            break
        out.append(last)
    return out


# "won back 9 villages in the X region", a headline's "seized village in X region", "two
# more villages in the southern X region were freed": the ground
# that changed hands is towns the sentence does not name (a count or a headline that the
# report's own town-level events sum up); the oblast after them only says where they lie, so
# it is no advance of its own. "Gains in Donetsk Oblast" (no settlement noun) stays.
_UNNAMED_SETTLEMENTS_GAP = re.compile(
    r"\b(?:villages?|settlements?|towns?|hamlets?|localit(?:y|ies)|communities)"
    r"\s+(?:in|of)\s+(?:the\s+|its\s+|their\s+|\w+['\u2019]s?\s+)?"
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+)?",
    re.IGNORECASE,
)


def _unnamed_settlements_in(text: str, y: Toponym) -> bool:
    """True where an oblast or raion follows "N villages in (the)", not a named town."""
    if y.place.kind not in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
        return False
    lo = max(0, y.start - 60)
    for m in _UNNAMED_SETTLEMENTS_GAP.finditer(text, lo, y.start):
        if m.end() == y.start:
            return _counted(text[max(0, m.start() - 50) : m.start()].split()[-3:])
    return False


# "12 villages", "three other small villages", "a village", "took control of village": a
# count (past at most two adjectives) or a bare noun after "of". "Vesele village", "a string
# of towns and villages", "the villages" are not counts: the oblast is kept for them.
_COUNTING_WORDS = _wordset(
    "a an one two three four five six seven eight nine ten eleven twelve dozens several "
    "some many few"
)


def _counted(words: list[str]) -> bool:
    for n, w in enumerate(reversed(words)):
        low = w.lower()
        if low.isdigit() or low in _COUNTING_WORDS or (n == 0 and low == "of"):
            return True
        if not w.isalpha() or w[:1].isupper() or low in ("and", "or", "the", "its", "their"):
            return False
    return False


# "the town of X in Donetsk", "the village of X in the people's republic of Donetsk": after a
# settlement, a bare oblast name says where it lies; it is not the oblast's namesake city.
_IN_REGION_GAP = re.compile(
    r",?\s+in\s+(?:the\s+)?(?:(?:self-proclaimed|so-called|people's|popular)\s+)?"
    r"(?P<rep>republic\s+of\s+)?",
    re.IGNORECASE,
)


def _without_region_namesake(text: str, found: list[Toponym], tops: list[Toponym]) -> list[Toponym]:
    """Drop an oblast's namesake city read where the text names the oblast that holds a town."""
    out = []
    for y in found:
        gap = None
        if is_oblast_centre_namesake(y.place):
            lead = text.rfind(" in ", 0, y.start)
            gap = _IN_REGION_GAP.fullmatch(text, max(0, lead), y.start) if lead >= 0 else None
        if gap is not None and (
            gap["rep"]
            or any(
                x.end == gap.start()
                and x.place.kind is PlaceKind.POPULATED_PLACE
                and x.place.admin1_code == y.place.admin1_code
                and x.place.place_id != y.place.place_id
                for x in tops
            )
        ):
            continue
        out.append(y)
    return out


# "the second round of talks ... was held on 2 June in Istanbul", "переговоры ... прошли 2
# июня в Стамбуле": the venue after the verb of holding, past a date or the parties.
_HELD_GAP = re.compile(
    r"[^.;:!?]{0,80}?\b(?:(?:was|were|had been|have been|has been) held|took place|"
    r"прош(?:ел|ёл|ла|ли)|состоял(?:ся|ась|ись)|відбул(?:ся|ася|ися)|пройшл(?:и|а))\b"
    r"[^.;:!?]{0,30}?\s(?:in|at|в|у|во)\s+(?:the\s+)?(?:(?:city|town|capital) of\s+)?",
    re.IGNORECASE,
)


def _held_venue(text: str, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    for t in tops:
        if t.start >= trig.end and _HELD_GAP.fullmatch(text, trig.end, t.start):
            return [t]
    return []


# "talks with the American side in X", "negotiations with Russian envoys at Y": the party
# the talks are with, then their venue (a few words, no clause of its own between)
_PARTY_THEN_VENUE = re.compile(
    r"\s+with\s+(?:(?!(?:and|but|which|who|that|after|before|when|while)\b)[\w.'’-]+\s+){1,5}?"
    r"(?:in|at)\s+(?:the\s+)?(?:(?:city|town|capital|port) of\s+)?"
)


def _venue_after_party(text: str, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The venue of talks told after the party they were held with ("talks with X in Y")."""
    m = _PARTY_THEN_VENUE.match(text, trig.end)
    if m is None:
        return []
    return [t for t in tops if t.start == m.end()][:1]


# "some 20,000 people from the Sumy region have fled their homes": the people's home
# is the place they left.
_PEOPLE_FROM = re.compile(
    r"\b(?:people|residents|civilians|families|inhabitants|locals|children|others)\s+"
    r"(?:from|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FLED_GAP = re.compile(
    r"(?:\s+(?:region|oblast|province|district|city|town|village|area))?\s*"
    r"(?:(?:have|has|had)\s+)?(?:(?:already|since|now|also|all)\s+)?",
    re.IGNORECASE,
)


def _people_from(text: str, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    before = [t for t in tops if t.end <= trig.start]
    if before:
        t = before[-1]
        if _FLED_GAP.fullmatch(text, t.end, trig.start) and _PEOPLE_FROM.search(
            text, max(0, t.start - 40), t.start
        ):
            return [t]
    return []


# The people an evacuation moved, or a strike hurt, named by where they live: "a mandatory
# evacuation was announced for the residents of A, B and C", "1,300 X residents were
# evacuated", "a resident of X in the Y region was wounded in an attack". Their home is the
# event's place when the trigger has none of its own.
_HOME_TYPES = frozenset({EventType.EVACUATION, EventType.DISPLACEMENT, EventType.ATTACK})
_HOME_PEOPLE = (
    r"(?:residents?|inhabitants?|civilians|families|villagers|locals|people|citizens|children)"
)
_PEOPLE_OF_BEFORE = re.compile(
    r"\b" + _HOME_PEOPLE + r"\s+(?:of|from)\s+(?:the\s+)?"
    r"(?:(?:village|town|city|settlement|community|hromada)\s+of\s+)?$",
    re.IGNORECASE,
)
_PEOPLE_OF_BEFORE = Gated(_PEOPLE_OF_BEFORE)  # asked before many places: its words first
_PEOPLE_AFTER = re.compile(r"\s+" + _HOME_PEOPLE + r"\b", re.IGNORECASE)
# between a list's names; an aside in brackets may follow a name ("B (the left bank), C")
_HOME_LIST_GAP = re.compile(r"(?:\s*\([^()]{0,80}\))?\s*(?:,\s*(?:and\s+)?|,?\s+and\s+)(?:the\s+)?")
_SHARE_BEFORE = re.compile(
    r"(?:per\s*cent|percent|%|most|majority|half)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_HARMED = re.compile(r"\b(?:wounded|injured|killed|died|hurt)\b", re.IGNORECASE)
_HOME_REACH = 160  # characters between the people's home and the trigger, one clause


def _peoples_home(text: str, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The settlements whose people the event moved or hurt, in the trigger's clause."""
    for k, t in enumerate(tops):
        if t.place.kind is not PlaceKind.POPULATED_PLACE:
            continue
        lo, hi = (t.end, trig.start) if t.end <= trig.start else (trig.end, t.start)
        if hi - lo > _HOME_REACH or any(c in text[lo:hi] for c in ".;"):
            continue
        if not (
            _PEOPLE_OF_BEFORE.search(text, max(0, t.start - 60), t.start)
            or _PEOPLE_AFTER.match(text, t.end)
        ) or _SHARE_BEFORE.search(text, max(0, t.start - 30), t.start):
            continue  # "90 per cent of X residents have left": how empty it is, no event
        if trig.type is EventType.ATTACK and not _HARMED.search(
            text, min(t.start, trig.start), max(t.end, trig.end)
        ):
            continue  # a strike is at the victims' home only when they were hurt
        found = [t]
        for u in tops[k + 1 :]:
            if u.place.kind is not PlaceKind.POPULATED_PLACE or not _HOME_LIST_GAP.fullmatch(
                text, found[-1].end, u.start
            ):
                break
            found.append(u)
        return found
    return []


# "the town of Toretsk, where fighting has raged for weeks", "Kurakhove, which Russian units
# keep storming", "the Kursk region, where Ukrainian troops crossed the border in August": a
# relative clause whose event names no place of its own happens at the place it follows, and
# so does an apposition: "Bakhmut, the centre of the fiercest fighting".
_RELATIVE_TYPES = frozenset(
    {
        EventType.OFFENSIVE,
        EventType.ADVANCE,
        EventType.ATTACK,
        EventType.EVACUATION,
        EventType.DISPLACEMENT,
    }
)
_RELATIVE_GAP = re.compile(
    r"(?:\s+(?:region|oblast|province|city|town|village))?\s*,\s*"
    # "Huliaipole, from where 20 people are evacuated daily": where they leave from
    r"(?:(?:from )?where|which|that|the (?:cent(?:er|re)|scene|site|epicent(?:er|re)|focus) of"
    r"(?: the)?)\s+"
    r"(?:(?!(?:and|but|while|after|before|as|said|says)\b)[\w'’-]+\s+){0,4}"
    # "X, which Russia claimed it had seized in May": the side's own claim of it
    r"(?:(?:said|says|claimed|claims)\s+(?:that\s+)?(?:it|they)\s+)?",
    re.IGNORECASE,
)


# "the village of X, the capture of which was reported the day before", "X, whose fall was
# announced on Monday": the event noun's own relative clause; the event is at X.
_OF_WHICH_GAP = re.compile(r"\s*,\s*(?P<the>the\s+)?(?(the)|whose\s+)")
_OF_WHICH_AFTER = re.compile(r"\s+of\s+which\b", re.IGNORECASE)


def describes_place(text: str, trig: Trigger, tops: Sequence[Toponym]) -> bool:
    """Whether a trigger stands in a relative clause on a place told before it.

    "... was injured in X, which has withstood an offensive for weeks": the clause tells what
    X has been through, not the cause of the count told before it.
    """
    return any(
        _DESCRIBING_GAP.fullmatch(text, t.end, trig.start) for t in tops if t.end <= trig.start
    )


# "X, which has withstood a Russian offensive", "X, where troops have held out against
# assaults": a relative clause opened right after the place, up to its event word
_DESCRIBING_GAP = re.compile(
    r"(?:\s+(?:region|oblast|province|city|town|village))?\s*,\s*(?:where|which)\s+"
    r"(?:(?!(?:and|but|while|after|before|as|said|says)\b)[\w'’-]+\s+){0,8}",
    re.IGNORECASE,
)


# "X is the epicentre of the fighting", "X has become the main scene of battles": the
# subject of the copula is where the fighting is, and so is the town an apposition names
_COPULA_GAP = re.compile(
    r"(?:\s+(?:region|oblast|province|city|town|village))?"
    # "X, a mining town that is now the centre of the fighting", "X, a city that had a
    # large port and is now the scene of battles"
    r"(?:\s*,\s*(?:an?|the)\s+(?:[\w'’-]+\s+){0,4}?(?:city|town|village|settlement|hub)\s+"
    r"(?:that|which)\s+(?:(?:[\w'’,-]+\s+){1,12}?and\s+)?|\s+)(?:is|was|remains|remained|"
    r"has\s+become|had\s+become|became|has\s+been|had\s+been)\s+(?:now\s+|still\s+)?"
    r"(?:the|an?)\s+(?:[\w-]+\s+){0,2}?(?:cent(?:er|re)|scene|site|epicent(?:er|re)|focus|"
    r"hotspot|hot\s+spot)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?",
    re.IGNORECASE,
)


def _relative_antecedent(text: str, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    before = [t for t in tops if t.end <= trig.start]
    for k in range(len(before) - 1, -1, -1):
        t = before[k]
        gap = _OF_WHICH_GAP.fullmatch(text, t.end, trig.start)
        if trig.type is EventType.OFFENSIVE and _COPULA_GAP.fullmatch(text, t.end, trig.start):
            return [t]
        if _RELATIVE_GAP.fullmatch(text, t.end, trig.start) or (
            gap and (not gap.group("the") or _OF_WHICH_AFTER.match(text, trig.end))
        ):
            if k == len(before) - 1 and _PLURAL_VERB_AFTER.match(text, t.end):
                # "A, B and C, which are now under Russian control": the plural verb's
                # subject is the whole list before it, not its last item
                return _list_ending(text, before)
            return [_addressed_town(text, before, k)]
    return []


def _addressed_town(text: str, before: list[Toponym], k: int) -> Toponym:
    """The town an address ends at ``before[k]``: "X, Y district, Z Oblast, which ..." is X.

    A district and an oblast set off by commas after a town only say where it lies; the
    relative clause after them is the town's. Otherwise ``before[k]`` itself.
    """
    unit = before[k]
    if unit.place.kind not in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
        return unit
    for j in range(k - 1, max(-1, k - 3), -1):
        town = before[j]
        if town.place.kind is not PlaceKind.POPULATED_PLACE:
            continue
        m = _SUBJECT_SITUATED.match(text, town.end, unit.end + 1)
        if m is not None and m.group(1) and m.end() >= unit.end:
            return town
    return unit


# A relative clause opened by a plural verb: its antecedent is a list ("A and B, which were")
_PLURAL_VERB_AFTER = re.compile(
    r"(?:\s+(?:settlements|villages|towns|cities|communities))?\s*,\s*(?:which|that)\s+"
    r"(?:(?:now|also|all|both|since|then)\s+)?(?:are|were|have)\b",
    re.IGNORECASE,
)


def _plural_antecedent(text: str, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The listed places a relative clause on them tells people left or were moved from.

    "the A and B villages, some of which had to be evacuated in spring", "the villages
    of A and B, from which residents were taken out": the clause is of every place of the
    list before it, not of the last alone.
    """
    before = [t for t in tops if t.end <= trig.start]
    if not before or not _PLURAL_RELATIVE_GAP.fullmatch(text, before[-1].end, trig.start):
        return []
    return _list_ending(text, before)


def _list_ending(text: str, before: list[Toponym]) -> list[Toponym]:
    """The list of places that the last of ``before`` closes ("A, B and C" for C)."""
    k = len(before) - 1
    while k > 0 and _SUBJECT_LIST_GAP.fullmatch(text, before[k - 1].end, before[k].start):
        k -= 1
    return before[k:]


# The relative clause of a list's places ("A and B settlements, parts of which were",
# "the villages of A and B, from which residents were"), up to the event word
_PLURAL_RELATIVE_GAP = re.compile(
    r"(?:\s+(?:settlements|villages|towns|communities|hromadas))?\s*,\s*"
    r"(?:(?:from\s+)?which|(?:parts?|some|all|most|many|each|one)\s+of\s+(?:which|them))\s+"
    r"(?:(?!(?:and|but|while|after|before|as|said|says)\b)[\w'’-]+\s+){0,5}",
    re.IGNORECASE,
)


def _venue_aside(text: str, toks: list[_Tok], i: int) -> list[list[Toponym]]:
    """Talks whose venue comes after an aside: "met for talks since ..., at a venue in X"."""
    for k in range(i, len(toks) - 1):
        if toks[k].text == "," and toks[k + 1].text in {"at", "in"}:
            return _after(text, toks, k + 1, EventType.NEGOTIATION, max_pre=0)
        if toks[k].text in {";", "."}:
            break
    return []


def _areas_of(text: str, toks: list[_Tok], i: int) -> list[Toponym]:
    """The places of "in the areas of A in the X region, B, C and D" later in the clause.

    Bulletins put the losses or the repelled attacks first and the places last: "inflicted
    losses on the manpower and hardware of two brigades in the areas of A, B and C". An oblast or
    republic that only says where the last place lies is left out.
    """
    k = i
    while k + 1 < len(toks) and toks[k].text not in _CLAUSE_END:
        if toks[k].text in {"area", "areas", "vicinity"} and toks[k + 1].text == "of":
            k += 2
            break
        if toks[k].text in _CYR_AREAS:  # "в районах (населённых пунктов) A, B и C"
            k += 1
            break
        k += 1
    else:
        return []
    found: list[Toponym] = []
    qualifier = False
    for n, tok in enumerate(toks[k:], start=k):
        if tok.kind == "top":
            # "Синьковка Харьковской области": a genitive oblast right after its village
            # only says where the village is, like "in the X region"
            behind = toks[n - 1].kind == "top" and n > k
            if not ((qualifier or behind) and tok.top.place.kind is not PlaceKind.POPULATED_PLACE):
                found.append(tok.top)
            qualifier = False
        elif tok.text == "in":
            qualifier = True
        elif (
            tok.text not in _AREA_LIST_WORDS
            and tok.text not in _SETTLEMENT_WORDS
            and not text[tok.start].isupper()
        ):
            break  # a name the gazetteer lacks does not end the list
    return found


_MOVED_TO_RE = re.compile(MOVED_TO, re.IGNORECASE)
_FROM_AFTER = re.compile(r"[^,;.]{0,60}?\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


def _movers_place(text: str, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """Where people moved on by the authorities came from.

    Their place before the verb, or a "from X" after the destination ("were moved to Y from X").
    """
    for t in tops:
        if t.start >= trig.end and _FROM_AFTER.fullmatch(text, trig.end, t.start):
            return [t]
    before = [t for t in tops if t.end <= trig.start]
    if (
        before
        and (m := _AUTHORITY_AFTER.match(text, before[-1].end))
        and _SAYS.match(text, m.end())
    ):
        return []  # "The Donetsk governor said 600 children had to be relocated": who says
    return before[-1:]


_SAYS = re.compile(r"\s+(?:\w+\s+)?(?:said|says|told|wrote|added|announced|reported)\b")


def _authority_place(text: str, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The place of the authority that orders an evacuation, where the order names none.

    "Myrnohrad officials asked residents to evacuate on Monday", "The authorities in
    Myrnohrad began the forced evacuation of children": a local authority orders the
    evacuation of its own ground.
    """
    found = []
    for t in tops:
        if t.end > trig.start:
            break
        if _REGIONAL.match(text, t.end):
            continue  # a regional military administration orders for its towns
        if _AUTHORITY_AFTER.match(text, t.end) or _AUTHORITY_BEFORE.search(
            text, max(0, t.start - 60), t.start
        ):
            found.append(t)
        elif t.place.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2) and _UNIT_SUBJECT_GAP.fullmatch(
            text, t.end, trig.start
        ):
            found.append(t)  # "the X region began evacuating families"
    return found


# An oblast or a district as the subject of its own evacuation: "the X region began
# moving people out", "X Oblast continues evacuating families".
_UNIT_SUBJECT_GAP = re.compile(
    r"\s+(?:(?:has|have|had|is|are|was|were)\s+)?(?:already\s+|also\s+)?"
    r"(?:(?:begun|began|begins|started|starts|continues|continued|resumed|launched)\s+"
    r"(?:to\s+)?(?:the\s+)?)?"
)


# "The head of the neighbouring Belgorod region said ...", "The governors of the Oryol
# and Tula regions reported ...": a round-up of strikes on the regions whose heads report
# them. The names sit between the opening and the region word before the report verb.
_GOVERNOR_OPENING = re.compile(
    r"[\"“]?(?:The\s+)?(?:acting\s+|regional\s+|local\s+)?(?:governors?|mayors?|heads?)\s+"
    r"of\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+|border(?:ing)?\s+|southern\s+|western\s+)?"
)
_GOVERNED_CLOSE = re.compile(
    r"\s*(?:regions?|oblasts?|provinces?|city|cities)?\s*(?:,[^,;:]{1,60},\s*)?"
    r"(?:also\s+)?(?:said|says|reported|reports|wrote|confirmed|announced)\b",
    re.IGNORECASE,
)


def _governed_place(
    text: str, trig: Trigger, toks: list[_Tok], tops: list[Toponym]
) -> list[Toponym]:
    """The places whose governors or mayors report a strike that names no place of its own."""
    before = [t for t in tops if t.end <= trig.start]
    if not before or not toks:
        return []
    opening = _GOVERNOR_OPENING.match(text, toks[0].start, before[0].start)
    if opening is None or opening.end() != before[0].start:
        return []  # the sentence opens with the authority, and its places follow it
    found = [before[0]]
    for t in before[1:]:
        if re.fullmatch(r"\s*(?:,|,?\s+and)\s*(?:the\s+)?", text[found[-1].end : t.start]):
            found.append(t)
        else:
            break
    if not _GOVERNED_CLOSE.match(text, found[-1].end, trig.end):
        return []
    return found


# The authority that reports a strike naming no place of its own stands for its region:
# "X Governor NAME said drones hit a farm", "officials of the southern X region said two
# people were wounded in shelling", "the X region's governor said". The authority word is
# told right after the name (a title, a possessive) or the name right after "of"/"in".
_REPORTER_NOUN = (
    r"(?:governors?|heads?|authorities|officials|(?:(?:military|state|civil|civilian)[\s-]+)*"
    r"administrations?)"
)
_REPORTER_AFTER = re.compile(
    r"(?:\s+(?:region|oblast|province))?(?:['’]s)?\s+(?:regional\s+)?" + _REPORTER_NOUN + r"\b",
    re.IGNORECASE,
)
_REPORTER_BEFORE = re.compile(
    r"\b" + _REPORTER_NOUN + r"\s+(?:of|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$",
    re.IGNORECASE,
)
_REPORTER_VERB = re.compile(
    r"\b(?:said|says|reported|reports|wrote|confirmed|announced|stated|claimed)\b", re.IGNORECASE
)
# "said on Sunday that Kyiv had fired at a sawmill": "that" opens the reported
# clause there, no strike told before
_SAID_THAT = re.compile(
    r"\b(?:said|says|wrote|stated|claimed|reported|announced)\s+(?:(?:on\s+)?\w+\s+)?"
    r"that\s+(?!(?:the|this|that|these|those|its|their)\b)(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "said the attack caused a fire", "as the strike came": a strike already told (its
# place is the earlier one's); "evacuation due to increased attacks": a cause, no report
_TOLD_OR_CAUSE_BEFORE = re.compile(
    r"\b(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}$"
    r"|\b(?:due\s+to|because\s+of|amid|following|after)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


# The strike's own place, told as a part of the country wider than any authority's area:
# "a drone seen in this part of the country", "drones over the west of the country".
_WIDER_PART = re.compile(
    r"[^.;:,]{0,40}?\b(?:in|over|across)\s+(?:the\s+|that\s+|this\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}(?:part|parts|regions?)|north|south|east|west|centre|center|rest)"
    r"\s+of\s+(?:the|that|this)\s+country\b",
    re.IGNORECASE,
)
_OTHER_SPEAKER = re.compile(r"\bbut\b|;|\bnot\b", re.IGNORECASE)
_DEFINITE_STRIKE = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:attacks?|strikes?|shelling|bombing|explosions?)\b",
    re.IGNORECASE,
)
_REPORTER_KINDS = (PlaceKind.ADMIN1, PlaceKind.POPULATED_PLACE)
# The places a report may name as struck ("Russia" in "Russian drones" is who struck)
_STRUCK_KINDS = (PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.POPULATED_PLACE)
_REPORTER_REACH = 100  # characters from the authority to its report verb (an aside between)


def _reporting_authority(text: str, trig: Trigger, tops: list[Toponym]) -> list[Toponym]:
    """The region whose authority reports a strike that names no place (its oblast reading).

    A city read for "Belgorod Governor" stands for its oblast here: a governor heads the
    region. The report verb must come between the authority and the strike word.
    """
    lo = max(0, trig.start - 40)
    if _TOLD_OR_CAUSE_BEFORE.search(text, lo, trig.start) and not _SAID_THAT.search(
        text, lo, trig.start
    ):
        return []
    for t in tops:
        if t.end > trig.start or t.place is None or t.place.kind not in _REPORTER_KINDS:
            continue  # "authorities of Ukraine's southern X region": the region, not the country
        if not (
            _REPORTER_AFTER.match(text, t.end, trig.start)
            or _REPORTER_BEFORE.search(text, max(0, t.start - 60), t.start)
        ):
            continue
        verb = _REPORTER_VERB.search(text, t.end, trig.start)
        if verb is None or _OTHER_SPEAKER.search(text, t.end, verb.start()):
            continue  # "authorities in X did not comment, but channels said ...": not theirs
        if verb.start() - t.end > _REPORTER_REACH or _DEFINITE_STRIKE.search(
            text, verb.end(), trig.start
        ):
            continue  # "said the attack caused explosions": the strike told before
        if any(
            verb.end() <= u.start
            and u.end <= trig.start
            and u.place.kind in _STRUCK_KINDS
            and not _is_actor(text, u, trig.type, subject=True)  # "said that Kyiv had shelled"
            for u in tops
        ):
            # "X's governor said troops struck B with guided bombs": the report names the
            # strike's place before the weapon, and the governor's region is only who tells it
            return []
        if t.place.kind is PlaceKind.ADMIN1:
            return [t]
        oblast = _oblast_reading(t)
        if oblast is not None:
            return [oblast]
    return []


# The sector word that closes a fronted sector frame: "(In the Lyman) direction, ..."
_FRONTED_SECTOR_END = re.compile(r"\s+(?:directions?|axis|axes|sectors?)\s*,", re.IGNORECASE)


# A settlement the clause names after a sector frame, known to the gazetteer or not: "two
# attacks in the area of X", "repelled an attack near X", "towards X"
_SPOT_AFTER_SECTOR = re.compile(
    r"\b(?:near|around|towards?|outskirts of|areas? of|village of|town of|settlements? of)\s+"
    r"(?:the\s+)?[A-Z]"
)


def _fronted_sectors(
    text: str, sent: Sentence, first: Toponym, tops: list[Toponym]
) -> list[Toponym]:
    """The towns a fronted sector frame is named after ("In the A and B directions, ..").

    Only for a clause that names no settlement of its own: "In the Lyman direction, an attack
    near X was repelled" is at X, and a name the gazetteer lacks does not make it the sector's.
    """
    found = [first]
    for t in tops:
        if t.start <= found[-1].start:
            continue
        if not re.fullmatch(r"\s*,\s*(?:and\s+)?|,?\s+and\s+", text[found[-1].end : t.start]):
            break
        found.append(t)
    if not (end := _FRONTED_SECTOR_END.match(text, found[-1].end, found[-1].end + 14)):
        return []
    if any(t.start >= end.end() for t in tops) or _SPOT_AFTER_SECTOR.search(
        text, end.end(), sent.end
    ):
        return []
    return found


def _fronted_list(text: str, first: Toponym, tops: list[Toponym]) -> list[Toponym]:
    """The places of a fronted list closed by a comma ("In A, B and C, ..."), else none."""
    found = [first]
    for t in tops:
        if t.start <= found[-1].start:
            continue
        if not re.fullmatch(r"\s*,\s*(?:and\s+)?|\s+and\s+", text[found[-1].end : t.start]):
            break
        found.append(t)
    if len(found) < 2 or not re.match(r"\s*,", text[found[-1].end : found[-1].end + 3]):
        return []
    return found


# "На Покровском направлении ...", "На Лиманському напрямку ...": a bulletin's front sector
# frames all its sentence tells.
_FRONTED_CYR_DIRECTION = re.compile(r"(?:На|на|У|у|В|в)\s+(?=\S+\s+(?:напрям|направлен))")
# "У 23 населених пунктах Херсонщини запроваджено ...": the settlements of a named area
# "На Донеччині внаслідок обстрілу ...": Ukrainian and Russian put an area named in
# "-щина" after "на", as other places after "у"/"в".
_FRONTED_CYR = re.compile(
    r"(?:У|В|Во|Біля|Під|Под|Возле|Около|Поблизу|На(?=\s+[А-ЯЁІЇЄҐ][\w'’]*(?:щин|ччин)))\s+"
    r"(?:(?:\d+|[^\W\d]+)\s+(?:населених|населенных|населённых)\s+пунктах\s+)?"
)
_ONE_WORD = re.compile(r"[^\W\d]+\s+")  # "(пунктах) правобережної Херсонщини": an adjective


# A route fronted: "From A to B, evacuation goes on in private cars", "From A to B, buses
# run twice a day": A is where people leave, B where they go.
_ROUTE_FROM = re.compile(
    r"\s*(?:[\"\u201c]\s*)?(?:(?:also|then|and)\s+)?from\s+"
    r"(?:the\s+(?:[\w-]+\s+)?(?:town|city|village|settlement)\s+of\s+)?",
    re.IGNORECASE,
)
_ROUTE_TO = re.compile(
    r"\s+(?:to|towards?|into)\s+(?:the\s+(?:[\w-]+\s+)?(?:town|city|village|settlement)\s+of\s+)?",
    re.IGNORECASE,
)


def route_origin(text: str, sent: Sentence, tops: list[Toponym]) -> tuple[Toponym, int] | None:
    """The place a route fronted in the sentence leaves from, and where the route ends.

    "From A to B, evacuation goes on in private cars": the people move out of A (the
    clause's news is told after the route). None when the sentence does not open with a
    route of two named places.
    """
    m = _ROUTE_FROM.match(text, sent.start, sent.end)
    if m is None:
        return None
    origin = next((t for t in tops if t.start == m.end()), None)
    if origin is None or origin.place.kind is PlaceKind.COUNTRY:
        return None
    to = _ROUTE_TO.match(text, origin.end, sent.end)
    dest = next((t for t in tops if to is not None and t.start == to.end()), None)
    if dest is None:
        return None
    return origin, dest.end


_OWNED_AFTER = re.compile(r"['’]s\s+")


def fronted_place(text: str, sent: Sentence, tops: list[Toponym]) -> list[Toponym]:
    """The place of a fronted locative ("In Kherson, ...") that frames the whole sentence."""
    if cyr := _FRONTED_CYR_DIRECTION.match(sent.text) or _FRONTED_CYR.match(sent.text):
        # "У Нікополі через атаку дрона поранена жінка": Ukrainian and Russian put no comma
        # after a fronted place
        start = sent.start + cyr.end()
        if not (at := [t for t in tops if t.start == start][:1]) and "пунктах" in cyr.group():
            adj = _ONE_WORD.match(text, start)
            at = [t for t in tops if adj and t.start == adj.end()][:1]
        return at
    if areas := _FRONTED_AREAS.match(sent.text):
        # "Near the Ostrivske and Hostre areas of the Kurakhove direction, three clashes
        # went on": each named area frames the sentence, not the direction
        lo, hi = sent.start + areas.start("names"), sent.start + areas.end("names")
        return [t for t in tops if lo <= t.start < hi]
    if sector := _FRONTED_SECTOR.match(sent.text):
        # "In the Lyman and Avdiivka directions, the occupiers attacked": the sectors
        first = [t for t in tops if t.start == sent.start + sector.end()]
        return _fronted_sectors(text, sent, first[0], tops) if first else []
    m = _FRONTED.match(sent.text)
    if not m:
        return _reported_frame(text, sent, tops)
    start = sent.start + m.end()
    first = [t for t in tops if t.start == start]
    if not first:
        return _city_of_district(text, sent, tops)
    if first[0].place.kind in _AREA_KINDS and (own := _OWNED_AFTER.match(text, first[0].end)):
        # "Near the Donetsk region's A and B, troops attacked": the oblast owns the places
        owned = [t for t in tops if t.start == own.end()]
        if owned and owned[0].place.kind is PlaceKind.POPULATED_PLACE:
            first = owned
    if part := _CITYS_DISTRICT.match(text, first[0].end, sent.end):
        # "In Kherson's Dniprovskyi district, ...", "In Kharkiv Oblast's Izium district, ...":
        # the district as the index reads it (a raion, or the city a city's district is
        # in); the city when the index lacks the district
        inner = [t for t in tops if first[0].end < t.start < part.end()]
        if inner and inner[0].place.admin1_code == first[0].place.admin1_code:
            return inner[:1]
        return [first[0]] if first[0].place.kind is PlaceKind.POPULATED_PLACE else []
    if (above := _UNIT_OF_AREA.match(text, first[0].end, sent.end)) and re.search(
        r"\b(?:district|raion|community|hromada|neighbou?rhood)$", first[0].surface, re.IGNORECASE
    ):
        # "In the Chuhuiv district of Kharkiv Oblast, ...", "In the X district of Kherson, ...":
        # a unit named with its word, then the area above it; a unit the index places
        # outside that area is misread, and a city's district is then the city's
        area = [t for t in tops if first[0].end < t.start < above.end()][:1]
        if area and area[0].place.admin1_code == first[0].place.admin1_code:
            return [first[0]]
        if area and area[0].place.kind is PlaceKind.POPULATED_PLACE:
            return area
        return []
    if listed := _fronted_list(text, first[0], tops):
        return listed  # "In Kherson, Nikopol and Marhanets, artillery shelled ..."
    if first[0].place.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2) and _TOWN_APPOSED.match(
        text, first[0].end
    ):
        return []  # "In central X oblast, the city of Y came under attack": Y is the place
    # "In the town of X in the Y region, a woman was killed ...": the area only situates the
    # town, which frames the sentence; an area the index places elsewhere is a misread
    if (
        first[0].place.kind is PlaceKind.POPULATED_PLACE
        and (above := _AREA_OF_TOWN.match(text, first[0].end, sent.end))
        and all(
            t.place.admin1_code == first[0].place.admin1_code
            for t in tops
            if first[0].end < t.start < above.end()
        )
    ):
        return [first[0]]
    if re.match(r"\s*,", text[first[0].end : first[0].end + 3]) or _FRONTED_UNIT.match(
        text, first[0].end, sent.end
    ):
        return [first[0]]
    if _FRAME_TIME.match(text, first[0].end, sent.end):
        return [first[0]]
    # "In the Kharkiv region of northeastern Ukraine, in the town of Vovchansk, ...": a chain of
    # locatives, each narrowing the last; the finest one frames the sentence.
    chain = _FRONTED_CHAIN.match(text, first[0].end, sent.end)
    if not chain:
        return []
    inner = [t for t in tops if first[0].start <= t.start and t.end <= chain.end()]
    return _most_specific([[t] for t in inner])


def situates_frame(text: str, frame: list[Toponym], top: Toponym) -> bool:
    """Whether ``top`` is the area told right after a fronted town, only to situate it.

    "In Kakhovka, Kherson region, drones hit a school", "In the town of X in Y Oblast, ...":
    the oblast (or raion) is the town's own and no second place of the strike.
    """
    if not frame or top.place.kind not in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
        return False
    town = frame[0]
    return (
        town.place.kind is PlaceKind.POPULATED_PLACE
        and town.end <= top.start
        and town.place.admin1_code == top.place.admin1_code
        and re.fullmatch(r"\s*,\s*|\s+in\s+(?:the\s+)?", text[town.end : top.start]) is not None
    )


# "The governor said that in Kursk Region, a drone hit ...", "claimed that elsewhere in X
# “a drone caught fire ...”": a locative fronted in the reported clause frames that clause.
_FRONTED_THAT = re.compile(
    r"\b(?:said|says|claimed|claims|reported|reports|wrote|writes|added|stated|announced)"
    r"\s+that\s+(?:(?:elsewhere|also|meanwhile|later)\s+)?(?:in|at)\s+"
    r"(?:the\s+(?=[\w'’-]+\s+(?i:region|oblast|community|hromada|district|raion)\b)|"
    r"the\s+(?:town|city|village|settlement)\s+of\s+)?"
)
_FRAME_CLOSE = re.compile(r"\s*(?:,|[“\"](?=[A-Za-z]))")


# A city's district the index lacks, fronted: "In Kherson's Korabelnyi district, ...", "In
# the Saltivskyi district of Kharkiv, ...", "In the Kyivskyi neighbourhood of the city of X, ..."
_CITYS_DISTRICT = re.compile(
    r"['’]s\s+[A-Z][\w'’-]*\s+(?:district|neighbou?rhood|microdistrict|borough)\s*,"
)
# The area above a fronted unit, up to the comma that closes the frame: " of Kharkiv Oblast,",
# " of the Kherson region,", " of the city of Kherson,"
_UNIT_OF_AREA = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    r"(?:\s+(?:region|oblast|province))?\s*,"
)
_DISTRICT_OF_CITY = re.compile(
    r"[\"\u201c\u2018]?(?:In|At)\s+the\s+[A-Z][\w'’-]*\s+(?:district|neighbou?rhood|"
    r"microdistrict|borough)\s+of\s+(?:the\s+(?:city|town)\s+of\s+)?"
)


def _city_of_district(text: str, sent: Sentence, tops: list[Toponym]) -> list[Toponym]:
    """The city of a fronted district the index lacks: "In the X district of Kherson, ..."."""
    m = _DISTRICT_OF_CITY.match(sent.text)
    if m is None:
        return []
    at = [t for t in tops if t.start == sent.start + m.end()]
    if (
        at
        and at[0].place.kind is PlaceKind.POPULATED_PLACE
        and not any(sent.start < t.start < at[0].start for t in tops)
        and text.startswith(",", at[0].end)
    ):
        return at[:1]
    return []


def _reported_frame(text: str, sent: Sentence, tops: list[Toponym]) -> list[Toponym]:
    """The place fronted in a reported clause: "said that in X, ...", "that in X “...”"."""
    if "that" not in sent.text:
        return []
    m = _FRONTED_THAT.search(sent.text)
    if not m:
        return []
    start = sent.start + m.end()
    first = [t for t in tops if t.start == start]
    if not first or not _FRAME_CLOSE.match(text, first[0].end, sent.end):
        return []
    return first


# Asked before every settlement of an article, and most have none before them: it asks its
# lower-case twin first (geo.text.casefold.Gated). Set here, after every definition, so it
# reads as written above.
_DISTANCE_REF = Gated(_DISTANCE_REF)
