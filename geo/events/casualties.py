"""Casualty figures in a sentence: how many were killed and injured, and the words they came from.

Reads the phrasings of wire copy and official bulletins in English, Ukrainian and Russian:
"one person was killed", "killing a 70-year-old man", "two civilians were injured",
"wounding five", "four dead and another four injured", "загинули 3 людини".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from geo.text.casefold import Gated, caseless_lower

__all__ = ["Casualties", "higher_count", "parse_casualties", "respective_counts", "whole_told"]

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_WORD_NUM = {w: i for i, w in enumerate(_UNITS)} | {"no": 0, "a": 1, "an": 1, "another": 1}
_WORD_NUM |= {"his": 1, "her": 1}  # "and her son": one more, by the possessive
_WORD_NUM |= {"their": 1}  # "and their mother": one, before a kin noun in the singular only
_TENS = {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORD_NUM |= _TENS | {"twenty": 20}
_WORD_RE = "|".join(
    sorted(
        (w for w in _WORD_NUM if w not in {"a", "an", "no", "his", "her", "their"}),
        key=len,
        reverse=True,
    )
)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
# "one hundred and two", "two hundred", "a hundred and twenty-five": hundreds in words
_HUNDREDS = (
    rf"(?:a|{_ONES})\s+hundred(?:(?:\s+and)?[\s-]+(?:{_WORD_RE})(?:[- ](?:{_ONES}))?)?(?![\w-])"
)
# (a word before "dozen" is the dozen's: "injuring almost two dozen" is 24, not two)
_NUM = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_HUNDREDS}|(?:{_WORD_RE})(?:[- ](?:{_ONES}))?"
    r"(?!\s+dozen\b)"
)
# "about a dozen civilians", "two dozen people": a dozen is twelve ("dozens" stays uncounted);
# "half a dozen" is six
_NUM += rf"|(?:half\s+a|a|{_WORD_RE})\s+dozen(?!s)"
# "killing an elderly couple": two people ("a couple of" is an amount, not a count)
_NUM += r"|an?\s+(?:(?:elderly|married|young|old|retired)\s+)?couple\b(?!\s+of\b))"
# An age is no count: "wounding a 52-year-old", "wounded 52-year-old resident Ivan".
_NUM += r"(?!\d|[-\s]+(?:years?|months?|weeks?|days?)[-\s]+old)"
# One of kin, told in the singular: "their mother" counts one where "their children" counts none.
_KIN_ONE = (
    r"(?:son|daughter|wife|husband|mother|father|brother|sister|child|baby|"
    r"grand(?:son|daughter|child|mother|father)|nephew|niece|neighbou?r)"
)
# Who the figure counts: a noun, possibly with an age or an adjective before it.
_WHO = (
    # "a 47-year-old agricultural worker": an age, then an adjective
    r"(?:[\w-]+[- ](?:year|month)s?[- ]old\s+)?"
    r"(?:elderly\s+|local\s+|other\s+|more\s+|civilian\s+|young\s+|teenage\s+|pregnant\s+|"
    r"[a-z]+al\s+)?"
    # "three Ukrainian soldiers", "a security guard", "four rescue workers": up to two words
    # that tell what kind of person, none a verb or a preposition
    r"(?:(?!(?:were|was|are|is|have|has|had|been|being|and|or|of|in|on|at|by|from|the|to|"
    r"with|after|as|when|killed|injured|wounded|hurt|dead|died|"
    # "a hundred people", "a few people", "a number of": amounts, not kinds of person
    r"hundreds?|thousands?|dozens?|scores?|couple|few|lot|number|total|group|several|many|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\b)"
    r"[a-z][\w'’-]*\s+){0,2}?"
    r"(?:people|persons?|civilians?|residents?|men|man|women|woman|children|child|kids?|"
    r"citizens?|boys?|girls?|teenagers?|others|more|victims?|passers?-?by|workers?|employees?|"
    r"adults|drivers?|"
    r"pensioners?|individuals|(?:police )?officers?|rescuers?|(?:para)?medics?|passengers?|"
    r"firefighters?|volunteers?|journalists?|soldiers?|servicem[ae]n|troops|fighters?|"
    r"staff(?:ers)?|personnel|members|guards?|miners?|farmers?|students?|patients?|"
    r"doctors?|nurses?|teachers?|aid workers|"
    r"Ukrainians|Russians|brothers?|sisters?|sons?|daughters?|husbands?|wife|wives|"
    r"neighbou?rs?|relatives|(?:grand)?(?:mothers?|fathers?|parents)|bab(?:y|ies)|infants?|"
    r"grand(?:children|child|sons?|daughters?)|nephews?|nieces?|cousins?|"
    r"toddlers?|newborns?|"
    # a person named by the age alone: "a 45-year-old was taken to hospital"
    r"[\w-]+-(?:year|month)-old\b(?!-))"
)
_HEDGE = (
    r"(?:(?:at least|another|a further|more than|over|nearly|almost|some|about|around|"
    # "no fewer than 15", "not less than six", "as many as 40", "an estimated 30"
    r"up to|a total of|(?:no|not) (?:fewer|less) than|approximately|roughly|as many as|"
    r"upwards of|an estimated)\s+)?"
)
_KILL = (
    r"killed|dead|died|perished|lost (?:their|his|her) li(?:ves|fe)|fatalit(?:ies|y)|deaths|"
    # "received injuries incompatible with life": how bulletins say one died of wounds
    r"(?:sustained|suffered|received|got) (?:[\w-]+ )?injuries incompatible with life|"
    # "at least one civilian death": one death counted as a noun (not "the death toll")
    r"death(?!\s+(?:toll|sentence|penalty|row|squad|threat|of|in|at))|"
    r"fatally (?:injured|wounded)"
)
_HURT = (
    r"injured|wounded|hurt|injuries|hospitali[sz]ed|casualties|"
    # "eight sustained injuries", "a man suffered shrapnel wounds"
    r"(?:sustained|suffered|received) (?:[\w-]+ )?(?:injuries|wounds|burns)|"
    # "received a hand injury", "suffered a concussion", "was rushed to hospital with
    # injuries", "was taken to hospital": one hurt per person named
    r"(?:sustain|suffer|receiv|got)(?:ed|ing|e)? (?:an? )?(?:[\w-]+ (?:and )?){0,3}?"
    r"(?:injury|injuries|wound|concussion|fracture|trauma|shell shock|barotrauma|burn|cut|"
    r"bruise|laceration)s?|"
    # "was treated for shrapnel wounds", "was treated on the spot"
    r"treated (?:for (?:[\w-]+ (?:and )?){0,2}?(?:injuries|wounds|burns|cuts|concussion|shock)|"
    r"on the spot|on site|at the scene|"
    # "three of her relatives are treated in hospital"
    r"(?:in|at) (?:a |the )?(?:[\w'’-]+ ){0,2}?hospital)|"
    # "taken to the central regional hospital", "delivered to the Rylsk district hospital"
    r"(?:rushed|taken|brought|admitted|transported|evacuated|delivered) (?:in)?to (?:a |the )?"
    r"(?:[\w'’-]+ ){0,3}?(?:hospital|medical facility|intensive care)|"
    r"(?:sought|needed|required|received) (?:medical|first) "
    r"(?:attention|help|aid|care|treatment|assistance)|"
    # bulletins: "three people received assistance on the spot" (not aid handed out)
    r"received (?:assistance|help) (?:on the spot|at the scene)"
)
# A body people work or volunteer for: "with the Red Cross response team", "of the regional
# power company" (up to five words before the noun that names the body).
_BODY_OF = (
    r"(?:with|of|from|at)\s+(?:the|an?|its|their)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:team|group|unit|service|organi[sz]ation|company|crew|mission|department|society|"
    r"charity|foundation|agency|committee|fund|operator|enterprise|utility)\s+"
)
# "two people were killed", "23 civilians were killed", "Four killed", "the 18 wounded",
# "a man was killed", "an elderly woman died", "24 injuries", "another woman was wounded".
_BEFORE = re.compile(
    # "a fatality": one dead told by the noun alone
    # "a woman and her son were killed": the kin counted by the possessive
    rf"\b{_HEDGE}(?P<num>{_NUM}|(?:a|an|another)(?=\s+(?:{_WHO}|fatality\b))"
    r"|(?:his|her|their)(?=\s+(?:(?:[\w-]+[- ](?:year|month)s?[- ]old|elderly|young|little|"
    rf"teenage)\s+)?{_KIN_ONE}\s+"
    r"(?:(?:(?:was|were|is|are|has|have|had|been|also|later)\s+){1,3}(?:killed|injured|wounded|"
    # "her young son died of his wounds": a death needs no auxiliary
    r"hurt|died)|(?:(?:also|later|then|subsequently)\s+)?died)\b))"
    r"(?:\s+|(?=,\s(?:including|among\s+them)\s))"
    # "40 people, among them a toddler, were hurt"; "three people - two men and a woman - were"
    # "five people, among them two schoolgirls and a boy of 12, were hurt": who is
    # among them may take longer
    rf"(?:{_WHO}(?:,\s[^,]{{1,40}},|,\s(?:including|among\s+them)\s[^,;.]{{1,80}},"
    r"|\s[-–—]\s[^.;]{1,60}?\s[-–—])?\s+"
    # "four more, including a baby, were hurt": who is included may follow the
    # count itself
    r"|,\s(?:including|among\s+them)\s[^,;.]{1,80},\s+)?"
    # "another woman from Kupiansk was hurt", "four members of one family were killed"
    # "a worker in the village of X, Kherson region, was killed"
    # "a miner of the Luhansk People's Republic's (LPR) city of X was hurt": the town
    # may follow its owner's name in the possessive
    # "a guard at the fuel depot was injured", "three workers at the depot were hurt":
    # where they were, by "at", and a noun with a word before it
    # "a volunteer with the city's rescue team was killed", "two workers of the regional power
    # company were hurt": the body they serve, named at length before the verb
    rf"(?:{_BODY_OF}|"
    r"(?:from|in|of|at)\s+(?:(?:the\s+)?(?:(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w-]*['’]s\s+"
    r"(?:\([A-Z]{2,5}\)\s+)?)?(?:village|town|city|settlement)\s+of\s+)?"
    r"(?:[A-Z][\w'’-]*|(?:a|the|one|their|his|her)\s+(?:[a-z][\w-]*\s+(?=[a-z])"
    r"(?!(?:and|or|but|when|after|while|as|with|were|was|is|are|had|has|have)\b))?\w+)"
    # "two residents of the Donetsk region were killed"
    r"(?:\s+(?:region|oblast|district|province|community|hromada))?"
    # "four people in the village of X near the town of Y were hurt"
    r"(?:\s+near\s+(?:the\s+(?:village|town|city)\s+of\s+)?[A-Z][\w'’-]*)?"
    r"(?:,\s+[A-Z][\w'’-]*\s+(?:region|oblast|district|province),)?"
    # "a resident of the village of X in Kherson Oblast was killed": where the town lies
    r"(?:\s+in\s+(?:the\s+)?[A-Z][\w'’-]*\s+(?:region|oblast|district|province|community|"
    r"hromada)\b,?)?\s+)?"
    # "two men who were killed in X": the counted people's relative clause tells their toll
    r"(?:(?:who|were|was|are|is|have|has|had|been|being|be|reportedly|reported|confirmed|"
    # "a woman nearby got a cut to the arm": where the person stood, before the verb
    r"known|to|later|also|seriously|critically|severely|slightly|others?|left|nearby|"
    # "two women that were wounded": the relative clause with "that"
    r"that)\s+){0,5}"
    rf"(?:(?P<kill>{_KILL})|(?P<hurt>{_HURT}))\b",
    re.IGNORECASE,
)
# Farm strikes count their livestock too ("killing two cows"): no casualty of the war's
# tolls, which count people.
_ANIMAL = (
    r"(?:animals?|livestock|cattle|cows?|bulls?|calves|horses?|pigs?|sheep|goats?|poultry|"
    r"chickens?|hens?|birds?|dogs?|cats?|pets?)"
)
# "killing seven people", "kills one person, wounds 14", "injuring three", "left one dead".
_AFTER = re.compile(
    # "claimed the life of a woman", "took the lives of two men"
    r"\b(?:(?P<kill>killing|kill(?:s|ed)?|(?:claim|cost|t(?:ook|ake|aking))(?:ed|ing|s)? the "
    r"li(?:fe|ves) of|left)"
    r"|(?P<hurt>injuring|injur(?:es|ed)|wounding|wound(?:s|ed)?|"
    # "doctors hospitalised two women after the raid"
    r"hospitali[sz](?:ed|ing)))\s+"
    rf"{_HEDGE}(?P<num>{_NUM}|(?:a|an|another)(?=\s+{_WHO}))\b"
    rf"(?!\s+(?:[\w-]+\s+)?(?:head\s+of\s+)?{_ANIMAL}\b)"  # "killing two cows": no one
    rf"(?:\s+{_WHO})?(?P<dead>\s+dead)?",
    re.IGNORECASE,
)
# "surgeons saved a wounded woman": one hurt, counted by its article.
_ONE_HURT = re.compile(
    r"\b(?P<num>an?|one)\s+(?:[\w-]+\s+)?(?P<hurt>injured|wounded)\s+"
    r"(?:man|woman|person|child|boy|girl|teenager|resident|civilian|pensioner)\b",
    re.IGNORECASE,
)
# "killing 52-year-old resident Ivan", "a wounded 70-year-old": one person, named by age.
_AGED_ONE = re.compile(
    r"\b(?:(?P<kill>killing|killed|kills)|(?P<hurt>injuring|injured|injures|wounding|wounded|"
    r"wounds))\s+(?:an?\s+)?(?:[a-z]+\s+)?\d{1,3}[- ](?:year|month)s?[- ]old\b",
    re.IGNORECASE,
)
# One person told by "the", "his" or "her" or by a pronoun, hurt: "the driver was taken to
# hospital", "she sustained injuries", "wounding his wife". Only the hurt: where a count was
# told before, it fills what the strike lacks and never adds to it (a restatement).
_ONE_PERSON = (
    r"(?:(?:the|his|her|their)\s+(?:[\w-]+(?:['’]s)?\s+)?(?:man|woman|person|child|boy|girl|teenager|"
    r"resident|civilian|pensioner|driver|passenger|wife|husband|son|daughter|mother|father|"
    r"grandmother|grandfather|victim|worker|guard|farmer|owner|neighbou?r|baby|toddler|infant|"
    r"[\w-]+-(?:year|month)-old\b(?!-))(?!['’]))"
)
_ONE_NAMED = re.compile(
    rf"\b(?:{_ONE_PERSON}|(?P<pron>he|she))\s+"
    r"(?:(?:was|is|has|had|been|being|also|later|reportedly|seriously|critically|severely|"
    rf"slightly|then)\s+){{0,4}}(?P<hurt>{_HURT})\b"
    # "a courier was injured", "the cashier was hurt": one, whatever the noun, as "was" says
    r"|\b(?:an?|the)\s+(?:[a-z-]+\s+){1,2}?(?:was|has been|had been)\s+"
    r"(?:(?:also|later|reportedly|seriously|critically|severely|slightly|left)\s+){0,2}"
    rf"(?P<hurt2>{_HURT})\b"
    rf"|\b(?P<verb>injuring|injured|wounding|wounded)\s+{_ONE_PERSON}\b",
    re.IGNORECASE,
)
# One person named by a post or a trade, hurt: "the station chief sustained injuries", "the
# school's caretaker suffered shrapnel wounds" (a plural, "the residents", is no one person).
_ONE_BY_POST = re.compile(
    r"\bthe\s+(?:[\w'’-]+\s+){0,2}?[a-z]+(?<!s)\s+(?:sustained|suffered|received)\s+"
    r"(?:[\w-]+\s+)?(?P<hurt>injuries|wounds|burns|an injury|a wound)\b",
    re.IGNORECASE,
)
# "one of the plant's workers was injured", "one of the employees of the depot received a
# shrapnel wound": one person picked out of a group told by a noun (not out of a count, "one
# of the nine injured", nor out of the hurt, "one of the injured died")
_ONE_OF = re.compile(
    r"\bone\s+of\s+(?:the|its|their|our)\s+"
    rf"(?:(?!(?:injured|wounded|victims|dead|hurt|casualties|{_WORD_RE}|\d+)\b)[\w'’-]+\s+)"
    r"{1,5}?"
    r"(?:(?:was|has\s+been|had\s+been|is|also|later|seriously|critically|severely|slightly)\s+)"
    rf"{{0,3}}(?:(?P<kill>{_KILL})|(?P<hurt>{_HURT}))\b",
    re.IGNORECASE,
)
# "hit a car, killing its driver", "killed the driver of the truck": one dead, the one person
# a vehicle or a post has (what the strike hit, named before, is whose).
_KILLING_ITS = re.compile(
    r"\b(?:killing|killed|kills)\s+(?:its|the|their)\s+(?:[\w-]+\s+)?"
    r"(?:driver|pilot|operator|owner|watchman|caretaker|guard)\b(?!['’]|s\b)",
    re.IGNORECASE,
)
_NO_ONE = re.compile(r"\b(?:no|not)\s+$", re.IGNORECASE)
# A bulletin's labelled figures: "Killed: 3 people. Injured: 12.", "dead - 2, wounded - 7".
_LABELLED = re.compile(
    r"(?:^|[,;.:]\s*)\W*(?:(?P<kill>killed|dead|deaths|fatalities)|(?P<hurt>injured|wounded|hurt))"
    rf"\s*(?::|\s[-–—])\s*{_HEDGE}(?P<num>{_NUM})\b",
    re.IGNORECASE,
)
# One person told by "the" who died where the strike hit: "the 34-year-old driver died on the
# spot", "the man was killed instantly". One killed (not one of the hurt who later died).
_ONE_DIED_THERE = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:man|woman|driver|passenger|pensioner|resident|civilian|"
    r"person|boy|girl|teenager|worker|farmer|guard)\s+(?:(?:was|has been)\s+killed|died)\s+"
    r"(?:at the scene|on the spot|instantly|immediately|on impact)\b",
    re.IGNORECASE,
)
# Ages told beside a count: "two men aged 40 and 52", "a woman (70)", "a resident, 70,".
# Blanked to the same length before the counts are read, so no age is taken for one.
_AGES = re.compile(
    r"\baged\s+(?:between\s+)?\d{1,3}(?:(?:\s*,\s*|\s+(?:and|to)\s+)\d{1,3})*\b"
    r"|(?<=[a-z])\s?\(\d{1,3}\)|(?<=[a-z]),\s\d{1,3},(?=\s)"
    # "a pensioner born in 1941 was hurt", "two men born in 1950 and 1962": birth years
    r"|\bborn\s+in\s+(?:19|20)\d\d(?:(?:\s*,\s*|\s+and\s+)(?:19|20)\d\d)*\b"
)
# "a man of 30 was killed": the age told as "of N" after one person
_AGE_OF = re.compile(
    r"\b(?:man|woman|boy|girl|resident|pensioner|person|civilian|driver)(?P<age>\s+of\s+\d{1,3})"
    r"(?=\s+(?:was|is|had|has|died|and|,|who)\b|,)",
    re.IGNORECASE,
)
# A word an editor put into a quote: "another [female] resident was wounded"
_EDITED = re.compile(r"(?<=\s)\[[a-z][^\[\]]{0,24}\](?=\s)")
# "caused the death of a man and six injuries": the dead told as a death, so the
# count after "and" is the injured alone, not one more conjunct of the same subject.
_DEATH_OF = re.compile(rf"\bdeaths? of\s+{_HEDGE}(?P<num>{_NUM}|an?)\s+{_WHO}\b", re.IGNORECASE)
_FATAL = re.compile(rf"\bfatal injuries to\s+{_HEDGE}(?P<num>{_NUM})\b", re.IGNORECASE)
# "the strike has claimed at least 35 lives", "took 12 lives", "cost the lives of": the dead
# counted as lives (wire copy of a rising toll).
_LIVES = re.compile(
    rf"\b(?:claim(?:ed|s|ing)?|t(?:ook|aken|akes?)|cost)\s+(?:the\s+)?{_HEDGE}"
    rf"(?P<num>{_NUM})\s+(?:more\s+|civilian\s+|human\s+)?lives\b",
    re.IGNORECASE,
)
# "a woman who had sheltered in the cellar later died of her wounds": the person, a relative
# clause that tells where or who they were, then the death; the dead alone (a clause before
# the hurt would as well say "who was wounded", which the hurt patterns leave to the verb).
_DIED_AFTER_WHO = re.compile(
    rf"\b{_HEDGE}(?P<num>{_NUM}|an?)\s+"
    # "a badly wounded man who was caught by a shell at a bus stop ... has died in hospital": the
    # hurt one told dead, one killed (not one hurt besides)
    r"(?P<hurt>(?:(?:seriously|severely|critically|badly|gravely)\s+)?(?:wounded|injured)\s+)?"
    rf"{_WHO}\s+(?:who|that)\s+[^,.;]{{1,80}}?\s+"
    r"(?:(?:later|subsequently|also|then|has|have|had)\s+){0,2}(?:died|(?:was|were) killed)\b"
    # "The 25-year-old woman from X, who was injured in the shelling of Y, died in hospital"
    rf"|\b(?P<num2>the|an?)\s+{_WHO}(?:\s+(?:from|in|of)\s+[A-Z][\w'’-]*)?,\s+(?:who|that)\s+"
    r"(?:was|were|had been|has been)\s+(?:\w+\s+)?(?:wounded|injured|hurt)\b[^;.]{0,100}?,\s+"
    r"(?:(?:later|subsequently|then|has|have|had)\s+){0,2}(?:died|passed away)\b",
    re.IGNORECASE,
)
# "the body of an elderly man was found under the debris", "three bodies were recovered":
# the dead counted by the bodies rescuers found.
_BODIES = re.compile(
    rf"\b(?:bod(?:y|ies)\s+of\s+{_HEDGE}(?P<num>{_NUM}|an?)\s+{_WHO}"
    rf"|(?P<num2>{_NUM})\s+(?:more\s+)?bodies)\s+(?:(?:was|were|have|has|had|been)\s+){{1,2}}"
    r"(?:found|recovered|retrieved|pulled|removed|discovered)\b",
    re.IGNORECASE,
)
# "two women suffered fatal injuries", "the man sustained lethal shrapnel wounds": a death told
# as a wound. Read as "died" (written over it, same length), never as one more hurt.
_FATAL_WOUND = re.compile(
    r"\b(?:sustained|suffered|received|got)\s+(?:an?\s+)?(?:[\w-]+\s+)?"
    r"(?:fatal|lethal|mortal|deadly)\s+(?:[\w-]+\s+)?(?:injur(?:y|ies)|wounds?)\b",
    re.IGNORECASE,
)
# "five out of 13 victims are in intensive care", "three of the nine injured": a part told
# with its whole; the whole is the count ("victims" only where their hurt is told).
_PART_OF = re.compile(
    rf"\b{_NUM}\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(?P<num>{_NUM})\s+(?:people\s+)?"
    r"(?:(?P<hurt>injured|wounded|hurt)\b|victims\b(?=(?:(?!\b(?:died|dead|killed)\b)[^.;]){0,120}?"
    r"\b(?:intensive care|(?:serious|critical|grave|stable) condition|hospital|injur|wound|"
    r"treated)))",
    re.IGNORECASE,
)
_WHOLE = re.compile(
    rf"\b{_NUM}\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?{_NUM}\s+(?:people\s+)?"
    r"(?:injured|wounded|hurt|victims)\b",
    re.IGNORECASE,
)
# A range of a count: "between 10 and 15 people", "from three to five civilians", "10-15
# people". The lower bound is the count (as ACLED codes a range); the rest is blanked.
_RANGE = re.compile(
    rf"\b(?:between\s+(?P<lo>{_NUM})\s+and|from\s+(?P<lo2>{_NUM})\s+to|(?P<lo3>\d+)\s*[-–])"
    rf"\s*{_NUM}(?=\s+(?:{_WHO}|were|was|have|had|killed|injured|wounded|hurt|dead)\b)",
    re.IGNORECASE,
)
_BREAKDOWN = re.compile(
    r"(?<=[a-z]) ?\([^()]{0,60}\b(?:wom[ae]n|m[ae]n|girls?|boys?|children|aged|including)\b"
    r"[^()]{0,30}\)"
)
_NONE = re.compile(
    # "police checked that no victims remain inside" is a search, not a count of none
    r"\bno (?:(?:civilian|human) )?(?:casualties|victims|injuries)\b"
    r"(?!\s+(?:remain|are left|were left|inside|under))"
    # "no one was hurt" (the hurt none, and so the dead); "no one was killed" alone is
    # _NONE_KILLED's, which says nothing of the hurt
    r"|\b(?:no one|nobody|no-one) (?:was|is|were|has been|had been|got) (?:(?:killed|injured|"
    r"hurt|wounded|harmed)\s+(?:or|and|nor)\s+)?"
    r"(?:injured|hurt|wounded|harmed|killed(?=\s+(?:or|and|nor)\s+(?:injured|hurt|wounded)))\b"
    r"|\bwithout (?:casualties|victims|injuries)\b"
    # "fortunately, people are safe", "the residents were unharmed": the people there, whole
    r"|\b(?:(?:the\s+)?(?:people|residents|civilians|locals)|everyone|all)\s+(?:are|were|"
    r"remained|stayed)\s+(?:safe|unharmed|unhurt|uninjured)\b"
    # "people were not injured", "civilians have not been hurt"
    r"|\b(?:people|residents|civilians|locals)\s+(?:were|have|had)\s+(?:not|never)\s+(?:been\s+)?"
    r"(?:injured|hurt|wounded|harmed)\b"
    # "there were no dead or wounded", "no one was reported hurt", "casualties were avoided"
    r"|\bno (?:dead|killed|deaths) (?:or|and|nor) (?:wounded|injured)\b"
    r"|\b(?:no one|nobody) was reported (?:hurt|injured|wounded|harmed)\b"
    r"|\bcasualties were avoided\b|\b(?:did not|didn['’]t) cause any casualties\b"
    # "No civilians were injured", "no residents were hurt" after a strike
    r"|\bno (?:civilians|residents|people|locals) were (?:(?:killed|injured|hurt|wounded)\s+"
    r"(?:or|and|nor)\s+)?(?:injured|hurt|wounded|harmed)\b"
    r"|\bno reports? of (?:any )?(?:civilian )?(?:casualties|injuries|victims)\b",
    re.IGNORECASE,
)
# "no one was killed", "nobody died", "there were no fatalities": none of the dead alone. Beside
# a count of the hurt ("15 were injured, but no one was killed") it is the killed figure, 0;
# alone it says nothing of the hurt ("no one was killed or injured" is the both-none above).
_NONE_KILLED = re.compile(
    # "Nobody, thank God, died": a word of relief between
    r"\b(?:no one|nobody|no-one|none|no (?:civilians|residents|people|locals))"
    r"(?:,\s+[a-z]+(?:\s+god)?,)?\s+(?:(?:was|were|has been|had been|have been)\s+)?"
    r"(?:killed|died|perished)\b"
    r"(?!\s*(?:,\s*)?(?:or|and|nor)\s+(?:was\s+)?(?:injured|hurt|wounded))"
    r"|\b(?:no one|nobody|no-one) lost (?:their|his|her) li(?:fe|ves)\b"
    r"|\b(?:there were|with) no (?:deaths|fatalities|dead)\b"
    # "the attack on X killed nobody, but two were hurt": the strike as the subject
    r"|\bkill(?:ed|ing|s)\s+(?:no one|nobody|no-one)\b"
    r"|\bno (?:deaths|fatalities) (?:were|have been|had been) (?:reported|recorded)\b",
    re.IGNORECASE,
)
# "none of the residents were hurt": no one, and no count of the residents either
_NONE_OF = re.compile(
    r"\bnone of the (?:[\w-]+\s+){1,3}?(?:was|were|(?:had|has|have) been)\s+"
    r"(?:killed|injured|hurt|wounded)\b",
    re.IGNORECASE,
)
# Ukrainian and Russian: "загинули 3 людини", "3 людини загинули", "поранено п'ятеро",
# "погиб один человек", "ранены 5 человек".
_CYR_KILL = r"загину\w*|загиб\w*|вбит\w*|убит\w*|погиб\w*|помер\w*|умер\w*"
_CYR_HURT = r"поранен\w*|поранил\w*|травмован\w*|ранен\w*|ранил\w*|пострада\w*|постражда\w*"
_CYR_HURT += r"|госпіталізован\w*|госпитализирован\w*|контужен\w*"  # hospitalised, concussed
_CYR_HURT += r"|травмирован\w*"
_CYR_NUM = {
    "один": 1, "одна": 1, "одну": 1, "двоє": 2, "двое": 2, "дві": 2, "два": 2, "две": 2,
    "троє": 3, "трое": 3, "три": 3, "четверо": 4, "чотири": 4, "четыре": 4, "п'ятеро": 5,
    "пʼятеро": 5, "пятеро": 5, "п'ять": 5, "пять": 5,
    # oblique and further forms: "поранено двох", "ранены шестеро", "погибли трёх"
    "одного": 1, "двох": 2, "двух": 2, "трьох": 3, "трех": 3, "трёх": 3, "чотирьох": 4,
    "четырех": 4, "четырёх": 4, "п'ятьох": 5, "пятерых": 5, "шестеро": 6, "шість": 6,
    "шесть": 6, "семеро": 7, "сім": 7, "семь": 7, "восьмеро": 8, "вісім": 8, "восемь": 8,
    "дев'ять": 9, "девять": 9, "десять": 10,
}  # fmt: skip
_CYR_N = r"\d+|" + "|".join(sorted(_CYR_NUM, key=len, reverse=True))
_CYR = re.compile(
    rf"(?:(?P<kill>{_CYR_KILL})|(?P<hurt>{_CYR_HURT}))\s+(?:\w+\s+)?(?P<num>{_CYR_N})\b(?!-)"
    # "двое мирных жителей получили ранения": a noun, its adjective and a verb between
    rf"|\b(?P<num2>{_CYR_N})\s+(?:\w+\s+){{0,3}}?(?:(?P<kill2>{_CYR_KILL})|(?P<hurt2>{_CYR_HURT}))",
    re.IGNORECASE,
)
# One victim named by who they were: "погиб мужчина", "загинула жінка", "ранена пенсионерка",
# "мужчина погиб". The noun before the verb only at a clause's start, so that "обстрел
# ранил мужчину" is not read twice.
_CYR_PERSON = (
    r"(?:мужчин[аау]|женщин[аыу]|ребён(?:ок|ка)|ребен(?:ок|ка)|подрост(?:ок|ка)|"
    r"пенсионер\w*|жител[ьяи]\w*|водител[ьяи]|чоловік\w*|жінк[аиу]|дитин[аиу]|"
    r"підліт(?:ок|ка)|пенсіонер\w*|мешкан(?:ець|ця|ка|ку)|жител\w*|водій|водія|людин[аиу]|"
    r"человек)"
)
_CYR_ONE = re.compile(
    rf"(?:(?P<kill>{_CYR_KILL})|(?P<hurt>{_CYR_HURT}))\s+"
    r"(?:[\w-]+(?:ий|ый|ій|ая|яя|ня|на|ого|ую|ну|ої)\s+)?"
    rf"{_CYR_PERSON}\b"
    rf"|(?:^|[,;:]\s*)(?:[\w-]+(?:ий|ый|ій|ая|яя)\s+)?{_CYR_PERSON}\s+(?:(?P<kill2>{_CYR_KILL})"
    rf"|(?P<hurt2>{_CYR_HURT}))",
    re.IGNORECASE,
)
# "пострадавших нет", "обошлось без жертв", "постраждалих немає", "без пострадавших".
_CYR_NONE = re.compile(
    r"\b(?:пострадавших|погибших|жертв|постраждалих|загиблих)\s+(?:нет|немає|не было|не було)\b"
    r"|\bбез\s+(?:жертв|пострадавших|постраждалих|потерпілих)\b",
    re.IGNORECASE,
)
# Counts that are not of one event: running tolls and military losses.
_NOT_EVENT_TOLL = re.compile(
    # "since the beginning of December" is a dated period, a toll of its own days
    r"\b(?:since (?:(?:the start|the beginning|the outbreak)(?! of (?:this |the )?(?:month|week|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)\b)"
    r"|(?:24 )?february|february 24)|"
    r"in total|so far this year|"
    # "the war has now killed over 9,000 civilians": the war's own toll, no strike's
    r"(?:war|conflict|invasion)(?: (?:against|in|on) \w+)? (?:has|have|had) "
    r"(?:so far |now |already )?(?:killed|claimed)|"
    # (not "the number of casualties has risen to five", one strike's victims: _VICTIMS_ROSE)
    r"total number|(?<!number of )casualties (?:have|has) (?:climbed|risen|reached)|"
    r"(?:in|of) the (?:war|conflict|full-scale invasion)|since the (?:full-scale )?invasion|"
    # a monitors' tally per month: "90 civilians were killed or injured in March, 70 in April"
    r"killed or (?:injured|wounded) in (?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)|verified civilian casualties|"
    # the UN's monitors count the war's civilian casualties to date, never one strike's
    r"(?:there have been|recorded|verified|documented) (?:at least )?[\d,]+ civilian casualties|"
    # "over 11,000 civilian casualties, including 5,000 killed, have been verified"
    r"civilian casualties\b[^.;]{0,80}\b(?:have|has|had) been (?:verified|recorded|documented)|"
    r"as of\b[^.;]{0,120}?\b[\d,]+ civilian casualties)\b",
    re.IGNORECASE,
)
# A strike set beside others after its toll: ", the deadliest attack on the capital since the
# start of the war", ", one of a wave of strikes that ... since the start of the year". The
# running-total words there compare the strike, they do not make its count a running total.
_COMPARED = re.compile(
    r"(?:,|\s[-–—])\s+(?:in\s+what\s+(?:was|is)\s+|marking\s+|making\s+it\s+"
    # a relative clause on the place before the toll: "In X, which has endured some of the
    # worst shelling since the invasion, two residents died"
    r"|(?:which|where|that)\s+(?:(?:has|had|have|was|is|were)\s+)?(?:[a-z]+ed|saw|came|"
    r"suffered|faced|endured|took|bore)\s+(?:under\s+|through\s+)?)?"
    r"(?:(?:one|some)\s+of\s+(?:the|a|an|many|several)\b|the\s+(?:[a-z]+est|worst|most\s+[a-z]+)\b)"
    r"[^.;,]*",
    re.IGNORECASE,
)


# "Since the beginning of October the brigade has eliminated 240 enemy soldiers and wounded 90
# more": a unit's tally of enemy losses over a month, not a toll of the month's strikes.
_MONTH_TALLY = re.compile(
    r"\bsince the (?:start|beginning) of (?:this |the )?(?:month|[a-z]+ber|january|february|"
    r"march|april|may|june|july|august)\b(?=.*\b(?:eliminated|neutrali[sz]ed|liquidated)\b)",
    re.IGNORECASE,
)


def _running_total(sentence: str) -> bool:
    """Whether a sentence's counts are a running total, not one event's (``_NOT_EVENT_TOLL``)."""
    marks = list(_NOT_EVENT_TOLL.finditer(sentence))
    if not marks:
        return "since the" in sentence.lower() and _MONTH_TALLY.search(sentence) is not None
    compared = [m.span() for m in _COMPARED.finditer(sentence)]
    return any(not any(a <= m.start() < b for a, b in compared) for m in marks)


# A second toll that rises with the first, its verb left out: ", and the death toll to four"
_TOLL_ROSE_TOO = re.compile(
    r"\band\s+(?:that\s+of\s+the\s+|the\s+)?"
    r"(?:(?P<kill>death toll|number of (?:the\s+)?(?:people\s+)?(?:killed|dead|deaths))|"
    r"(?P<hurt>number of (?:the\s+)?(?:people\s+)?(?:injured|wounded|hurt)))"
    rf"\s+to\s+{_HEDGE}(?P<num>{_NUM})\b",
    re.IGNORECASE,
)
# A strike's toll told as it rises: "the death toll from the strike rose to 40", "the number
# of injured has increased to 30", "toll in the Sept. 24 attack rises to 4" (a month's dot).
# The count replaces a lower one, it does not add to it.
_TOLL_ROSE = re.compile(
    r"\b(?:(?P<kill>death toll|(?<!casualty )toll(?! of (?:the )?(?:injured|wounded))|"
    r"number of (?:people |those )?(?:killed|dead|deaths|fatalities))"
    r"|(?P<hurt>number of (?:people |those )?(?:injured|wounded|hurt)))\b"
    r"(?:[^.;]|\.(?=\s\d)){0,160}?\b"
    r"(?:(?:rose|risen|rises|climbed|climbs|increased|increases|reached|jumped|grew|grown|grows|"
    # "the number of people injured in the strike has gone up to 31"
    r"soared|surged|(?:gone|went|goes)\s+up|"
    # "the death toll was later revised up to nine"
    r"revised(?:\s+(?:up|upwards?))?)"
    # "has reached 20", "now stands at 15": no "to" after these
    r"\s+to|(?:has |have |had )?reached|stands at|stood at)\s+"
    rf"{_HEDGE}(?P<num>{_NUM})\b",
    re.IGNORECASE,
)

# A count of victims told as risen, its kind unnamed: "victims now number 3 after the number
# rose", "the number of casualties from the strike on X has grown to five". Ukrainian and Russian
# officials count the hurt so ("постраждалі", "пострадавшие"), the dead apart: read as the
# injured, unless the strike it rises for counted only its dead (``tolls``).
_VICTIMS_ROSE = re.compile(
    r"\bnumber\s+of\s+(?:the\s+)?(?:victims|casualties)\b"
    r"[^.;]{0,120}?\b(?:rose|risen|rises|climbed|climbs|increased|increases|grew|grown|grows|"
    r"(?:gone|went|goes)\s+up)\s+to\s+"
    rf"{_HEDGE}(?P<num>{_NUM})\b",
    re.IGNORECASE,
)

# One count of the dead and the hurt together: "were killed or injured", "killed and wounded
# 30", "killing or injuring 12" (no count of its own between the two words).
_KILLED_AND_HURT = re.compile(
    r"\b(?:killed|dead|killing)\s+(?:and|or|and/or)\s+(?:injured|wounded|hurt|injuring|wounding)\b",
    re.IGNORECASE,
)

_NEGATED = re.compile(r"\b(?:no|not|nobody|none|never|neither)\b[^,;.]*$", re.IGNORECASE)

# Who a toll counts, one by one: "Among the wounded is a 70-year-old woman", "among the dead
# are two children".
# "The dead include two children", "those injured included a 70-year-old": the same told
# with "include".
_AMONG_TOLL = re.compile(
    r"\b(?:among\s+(?:the|those)\s+(?:(?P<hurt>injured|wounded|hurt)|(?P<kill>dead|killed|deceased))"
    r"\s+(?:is|are|was|were)"
    r"|(?:the|those)\s+(?:(?P<hurt2>injured|wounded|hurt)|(?P<kill2>dead|killed|deceased))"
    r"\s+include[ds]?)"
    rf"\s+(?:also\s+)?{_HEDGE}(?P<num>{_NUM}|an?)\s+{_WHO}",
    re.IGNORECASE,
)

# "Two children were among the injured", "a nurse is among those killed": the same told
# from the person's side.
_AMONG_THEM = re.compile(
    rf"\b{_HEDGE}(?P<num>{_NUM}|an?)\s+{_WHO}\s+(?:was|were|is|are)\s+(?:also\s+)?among\s+"
    r"(?:the|those)\s+(?:(?P<hurt>injured|wounded|hurt)|(?P<kill>dead|killed|deceased))\b",
    re.IGNORECASE,
)

# "another person died in hospital, raising the death toll to three", "bringing the toll of
# the strike on X to four": a later death told with the toll it brings; the toll is the count,
# in place of the one death told before it in the sentence (not added to the strike's figure).
_TOLL_BROUGHT = re.compile(
    r"\b(?:bringing|raising|taking|pushing|brought|raised|took|pushed)\s+the\s+"
    r"(?:overall\s+|total\s+)?(?P<kill>death\s+toll|toll)\b(?:\s+(?:of|from|in)\s+[^.;]{1,80}?)?"
    rf"\s+to\s+{_HEDGE}(?P<num>{_NUM})\b",
    re.IGNORECASE,
)

# One conjunct of a coordinated subject before a count: "two other officers and" in "Two other
# officers and one civilian were wounded", "a man and" in "a man and a woman were killed".
# "a woman and her two grandchildren were hurt": the possessive stands between the conjunct
# and the count of the kin.
_CONJUNCT = re.compile(
    rf"\b(?P<num>{_NUM}|an?)\s+{_WHO}\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
    r"(?:(?:her|his|their)\s+)?$",
    re.IGNORECASE,
)
_CONJUNCT_REACH = 60  # characters back for each conjunct
# "18 died, including 9 children, 56 were injured": the children are part of the dead, so a
# conjunct that a part-of word introduces belongs to the count before it, not to this one.
_INCLUDED_BY = re.compile(
    r"\b(?:including|incl\.|among\s+them|among\s+whom|of\s+whom)\s*$", re.IGNORECASE
)
# The same after a verb's object: "killed a man and a woman", "injured two men and a child";
# a conjunct followed by its own verb ("... and a woman was injured") is a new clause's subject.
_OBJECT_CONJUNCT = re.compile(
    # "killing a woman and her two children", "a man and his 10-year-old son": the kin
    # counted by their number, or one by the possessive
    rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+){_HEDGE}(?:(?:her|his|their)\s+)?"
    # "killed two children and their mother": "their" before one of kin counts one
    rf"(?P<num>{_NUM}|an?|her|his|their(?=\s+(?:[\w-]+\s+)?{_KIN_ONE}\b(?!['’])))\s+{_WHO}\b"
    # "killed a woman, her husband said": the speaker, not one more victim
    r"(?!\s+(?:were|was|are|is|had|have|has|died|said|says|told|added|wrote|reported)\b)",
    re.IGNORECASE,
)
# "killed a total of four people": a total, which replaces a lower count told before.
_TOTAL = re.compile(r"\ba total of\b", re.IGNORECASE)

# One of the injured told before who died: "the woman had died", "one of them later died in
# hospital", "two of the wounded died". The dead are counted, and the injured less by as many
# (not a new victim: the toll was "11 injured", it becomes one killed and ten injured).
_DIED_OF_HURT = re.compile(
    r"\b(?:(?P<one>the\s+(?:(?!(?:the|an?)\b)[\w-]+\s+)?(?:woman|man|girl|boy|child|person|victim|"
    r"pensioner|teenager|resident|driver|passenger)|(?:she|he)(?=\s+(?:later|subsequently|"
    r"eventually|then|also)?\s*died\s+in\s+(?:the\s+)?hospital))"
    rf"|(?P<num>{_NUM}) of (?:them|those|the (?:injured|wounded|hurt|victims))"
    # "one of them, a 62-year-old man, later died": who it was, between commas
    r"(?:,\s[^,.;]{1,40},)?)\s+"
    r"(?:(?:had|has|have|later|subsequently|eventually|then|also|reportedly)\s+){0,3}"
    r"(?:died|passed away|succumbed)\b"
    # "the driver died at the scene" is how one killed died, not one of the injured
    r"(?!\s+(?:at the scene|on the spot|instantly|immediately|on impact))",
    re.IGNORECASE,
)

# "Three of those died in A and two in B": the dead of a toll told before, each
# part at its town, not the injured who later died. The place after "died" is a settlement
# (no hospital there), and no "later" sets the death after the wound. A list's part of the
# sentence may end where its place begins ("... died in the city of ").
_PART_DIED_AT = re.compile(
    r"\s+(?:in|near|at)\s+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?(?:[A-Z][\w'’-]*"
    r"(?![\w'’-])(?!\s+(?:[\w'’-]+\s+){0,2}?(?:[Hh]ospital|[Cc]linic|[Mm]edical|[Ii]ntensive))|$)"
)
_LATER_DEATH = re.compile(r"\b(?:later|subsequently|eventually|then)\b", re.IGNORECASE)


def _died_of_hurt(sentence: str) -> re.Match[str] | None:
    """The injured told before who died (``_DIED_OF_HURT``), not the dead placed by town."""
    died = _DIED_OF_HURT.search(sentence)
    if (
        died is not None
        and re.match(r"\S+\s+of\s+(?:them|those)\b", died.group(0), re.IGNORECASE)
        and _PART_DIED_AT.match(sentence, died.end())
        and not _LATER_DEATH.search(died.group(0))
    ):
        return None
    return died


# "almost two dozen", "about three dozen": dozens told as a rough amount, left empty as
# "dozens" is (an exact count told later fills it); "two dozen", "about a dozen" are counts.
_ROUGH_DOZENS = re.compile(
    r"\b(?:almost|nearly|about|around|some|roughly|approximately)\s+$", re.IGNORECASE
)


def _rough_dozens(raw: str, m: re.Match[str]) -> bool:
    """Whether a count of dozens is told as a rough amount (``_ROUGH_DOZENS``)."""
    if not raw.lower().endswith("dozen") or "num" not in m.re.groupindex:
        return False
    at = m.start("num")
    return at >= 0 and _ROUGH_DOZENS.search(m.string, max(0, at - 16), at) is not None


# A day of a month is no count: "the attack of Feb. 23 killed three".
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|febr|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE
)

# "According to updated information, five were injured", "the mayor later said five had
# been hurt", "five are now known to have been injured": a count told as it stands later,
# which replaces a lower one (not a tally of an area: "across the region", "in the district").
_TOLD_AS_IT_STANDS = re.compile(
    r"\b(?:updated|latest|revised|later|now known|as of|so far)\b", re.IGNORECASE
)
_AREA_TALLY = re.compile(
    r"\b(?:region|oblast|province|district|across|throughout|over the past|in total|overall)\b",
    re.IGNORECASE,
)
# A count added to the ones told before: "two more", "another 3", "a further five", "three
# other people", but not the hedge "more than 20".
_MORE = re.compile(r"\b(?:another|further|additional|others?)\b|\bmore\b(?!\s+than)", re.IGNORECASE)

_OTHER = re.compile(r"\bothers?\b", re.IGNORECASE)
# "A 60-year-old man and a woman were also injured": people counted afresh ("a", a number),
# told as hurt "also", are more of the toll told before, not the toll told again.
_ALSO_HIT = re.compile(
    rf"^(?:{_HEDGE}(?:\d|{_WORD_RE}|an?\b)).*\b(?:were|was|have been|has been|had been)\s+"
    r"also\s+(?:killed|injured|wounded|hurt)\b",
    re.IGNORECASE,
)


def _opens_with_kin(sentence: str, m: re.Match[str]) -> bool:
    """Whether a count opens its sentence with the kin of someone told before ("Her son died").

    The kin of a victim is someone else: told in a sentence of its own, one more of the toll
    (a count of its own, not the strike's count told again).
    """
    return (
        m.re is _BEFORE.rx
        and m.group("num").lower() in {"his", "her", "their"}
        and not sentence[: m.start()].strip(" \t\"“‘'")
    )


# Most sentences name no casualty: one cheap search spares them the patterns above.
_ANY = re.compile(
    r"kill|dead|died|death|perish|lost their|fatal|injur|wound|hurt|hospitali|casualt|victim|"
    r"lives|life|toll|number of|burns|passed away|succumbed|bodies|body of|"
    r"medical|on the spot|at the scene|harm|safe|"
    r"hospital|intensive care|concuss|fractur|trauma|shell shock|treated|cut|bruise|lacerat|"
    r"загин|загиб|вбит|убит|погиб|помер|умер|поранен|ранен|ранил|травм|постраж|пострад|жертв|"
    r"госпіталіз|госпитализ|контуж",
    re.IGNORECASE,
)
# The same for ASCII text, on its lower case (geo.text.casefold): a case-insensitive search
# tries the whole alternation at every position. Every alternative is a plain word, so a
# match on the lower case is one of the words in it, and ``in`` over the words is about 3
# times faster than even the lower-case twin of the pattern (tried at nearly every letter).
# A word that holds another ("hospitali", "hospital") is found wherever the shorter one is.
_ANY_PARTS = _ANY.pattern.split("|")
_ANY_WORDS = tuple(w for w in _ANY_PARTS if not any(v != w and v in w for v in _ANY_PARTS))
if any(ch in ".^$*+?{}[]\\()" for w in _ANY_WORDS for ch in w):  # pragma: no cover
    raise AssertionError("_ANY is no longer an alternation of plain words: search it instead")
# ... in a text whose only cased letters are ASCII: a word with other cased letters is not there
_ANY_ASCII = tuple(w for w in _ANY_WORDS if w.isascii() or w.lower() == w.upper())


def _any_casualty_word(sentence: str, low: str | None) -> bool:
    if low is not None:  # caseless_lower(sentence): no Cyrillic (it has a case) in it
        for word in _ANY_ASCII:  # noqa: SIM110 - a plain loop, not any() over a generator
            if word in low:
                return True
        return False
    return _ANY.search(sentence) is not None


@dataclass(frozen=True, slots=True)
class Casualties:
    """Killed and injured counts of one sentence (None where it states none)."""

    killed: int | None = None
    injured: int | None = None
    text: str = ""
    # Counts told as additions to ones already reported ("two more died in hospital",
    # "another three were injured"): added to a strike's figures, not put in their place.
    more_killed: bool = False
    more_injured: bool = False
    # Where the last count's words end in the sentence, for a sentence that names its place
    # after them ("three people were wounded in the Polohy district"), and where the first
    # begins, for the event word it follows ("an attack there that killed 20").
    end: int = -1
    start: int = -1
    # A toll told as it rises ("the death toll rose to 40"): the higher count wins.
    update: bool = False
    # Injured told before who died ("the woman had died"): moved from injured to killed.
    died_of_injured: int = 0
    # The addition told only by "other(s)" ("two other men had been injured"): after a lead
    # of "one killed and two others injured" the same two told again, when the counts agree.
    more_by_other: bool = False
    # The count is of victims, its kind unnamed ("the number of victims rose to 3"): read as
    # the injured, or as the dead where the strike counted only its dead.
    victims: bool = False

    def __bool__(self) -> bool:
        return self.killed is not None or self.injured is not None or self.died_of_injured > 0


_NO_COUNTS = Casualties()  # frozen: one for every sentence that counts nobody


def _blank_age(m: re.Match[str]) -> str:
    return m.group()[: m.start("age") - m.start()] + " " * len(m.group("age"))


def _lower_bound(m: re.Match[str]) -> str:
    low = m.group("lo") or m.group("lo2") or m.group("lo3")
    return low + " " * (len(m.group()) - len(low))


def _value(raw: str) -> int | None:
    raw = raw.lower().replace(",", "")
    if raw.isdigit():
        return int(raw)
    if raw.endswith("couple"):
        return 2
    if raw.endswith("dozen"):
        times = raw[: -len("dozen")].strip()
        if times.startswith("half"):  # "half a dozen"
            return 6
        return 12 * (1 if times == "a" else _WORD_NUM.get(times, 0)) or None
    if raw in _CYR_NUM:
        return _CYR_NUM[raw]
    if "hundred" in raw:  # "one hundred and two": the hundreds, then the rest
        times, _, rest = raw.partition("hundred")
        rest = re.sub(r"^\s*and\b", "", rest).strip(" -")
        head = 1 if times.strip() == "a" else _WORD_NUM.get(times.strip())
        tail = _value(rest) if rest else 0
        return None if head is None or tail is None else head * 100 + tail
    parts = re.split(r"[- ]", raw)
    if all(p in _WORD_NUM for p in parts):
        return sum(_WORD_NUM[p] for p in parts)
    return None


# Asked of every sentence with a casualty word, and most hold none of them: each asks its
# lower-case twin first (geo.text.casefold.Gated), which says "no match" several times faster.
# (_AFTER stays plain: its matches are told apart by their pattern.)
_NOT_EVENT_TOLL, _DIED_OF_HURT, _BEFORE, _ONE_HURT, _ONE_NAMED, _AGED_ONE = map(
    Gated, (_NOT_EVENT_TOLL, _DIED_OF_HURT, _BEFORE, _ONE_HURT, _ONE_NAMED, _AGED_ONE)
)
_ONE_BY_POST = Gated(_ONE_BY_POST)
_DEATH_OF, _FATAL, _LIVES, _TOLL_ROSE, _NONE, _TOTAL, _VICTIMS_ROSE = map(
    Gated, (_DEATH_OF, _FATAL, _LIVES, _TOLL_ROSE, _NONE, _TOTAL, _VICTIMS_ROSE)
)
_TOLL_BROUGHT = Gated(_TOLL_BROUGHT)
_DIED_AFTER_WHO, _BODIES, _NONE_KILLED = map(Gated, (_DIED_AFTER_WHO, _BODIES, _NONE_KILLED))
# These look for the words each match contains first ("of", "another" ...): most sentences
# with a casualty word lack them, and the patterns try every position where a number may begin.
_PART_OF, _WHOLE, _MORE = map(Gated, (_PART_OF, _WHOLE, _MORE))


# A sentence is read again by later stages (tolls, damage after a strike), and a clause of it
# by each strike it holds: the answer depends on the text alone and is frozen, so it is kept.
@functools.lru_cache(maxsize=4096)
def parse_casualties(sentence: str) -> Casualties:
    """The first killed and the first injured count a sentence states.

    "At least four were killed and nine others hurt" gives (4, 9); "killing a
    70-year-old man" gives one killed; "No casualties were reported" gives (0, 0). Running
    totals ("since the start of the war") give nothing.
    """
    low = caseless_lower(sentence)
    # Cyrillic words have a case: with none (low is not None), the Cyrillic patterns are skipped.
    cyrillic = low is None
    if not _any_casualty_word(sentence, low) or _running_total(sentence):
        return _NO_COUNTS
    # "nine residents (four women and five men) were killed": the breakdown in brackets
    # stands between the count and its verb; blanked to the same length, offsets hold.
    told = sentence  # the words quoted back keep the breakdown and the ages
    sentence = _BREAKDOWN.sub(lambda m: " " * len(m.group()), sentence)
    sentence = _AGES.sub(lambda m: " " * len(m.group()), sentence)
    sentence = _EDITED.sub(lambda m: " " * len(m.group()), sentence)
    if "of" in sentence:
        sentence = _AGE_OF.sub(_blank_age, sentence)
    if "fatal" in sentence or "lethal" in sentence or "mortal" in sentence:
        sentence = _FATAL_WOUND.sub(lambda m: "died".ljust(len(m.group())), sentence)
    sentence = _RANGE.sub(_lower_bound, sentence)
    if " and " in sentence or " or " in sentence:
        # "274 soldiers killed and injured", "killed or wounded 12": the dead and the hurt in
        # one count, which tells neither
        # (not "no one was killed or hurt", which counts none of either)
        sentence = _KILLED_AND_HURT.sub(
            lambda m: (
                m.group()
                if _NEGATED.search(m.string, max(0, m.start() - 40), m.start())
                else " " * len(m.group())
            ),
            sentence,
        )
    none_of = _NONE_OF.search(sentence) if "one of" in sentence else None
    if none_of is not None:
        sentence = (
            sentence[: none_of.start()] + " " * len(none_of.group()) + sentence[none_of.end() :]
        )
    died = _died_of_hurt(sentence)
    parts = list(_PART_OF.finditer(sentence))
    found: list[tuple[int, str, int, str]] = []  # (position, kind, value, words)
    before = []
    for m in _BEFORE.finditer(sentence):
        if _NO_ONE.search(sentence, max(0, m.start() - 4), m.start()):
            continue  # "no one was hurt in X" counts none (below), not one
        if died is not None and m.start() < died.end() and died.start() < m.end():
            continue  # "one of the injured died" is not one more killed
        if any(p.start() <= m.start() < p.end() for p in parts):
            continue  # "three of the nine injured" counts nine (below)
        if _MONTH_BEFORE.search(sentence, max(0, m.start() - 12), m.start("num")):
            continue  # "the shelling of Oct. 12 killed four": that is a day, not a count
        before.append(m)
        found.append((m.start(), "kill" if m.group("kill") else "hurt", m.group("num"), m))
    for m in _AFTER.finditer(sentence):
        if m.group("kill") and m.group("kill").lower() == "left" and not m.group("dead"):
            continue  # "left one dead" only
        found.append((m.start(), "kill" if m.group("kill") else "hurt", m.group("num"), m))
    for m in _ONE_HURT.finditer(sentence):
        found.append((m.start(), "hurt", "one", m))
    for m in _ONE_NAMED.finditer(sentence):
        if not m.group(0).lower().rstrip().endswith("casualties"):
            found.append((m.start(), "hurt", "one", m))
    for m in _ONE_BY_POST.finditer(sentence):
        found.append((m.start(), "hurt", "one", m))
    for m in _ONE_OF.finditer(sentence) if "one of" in sentence.lower() else ():
        if not any(f[0] <= m.start() < f[3].end() for f in found):
            found.append((m.start(), "kill" if m.group("kill") else "hurt", "one", m))
    for m in _KILLING_ITS.finditer(sentence) if "kill" in sentence.lower() else ():
        found.append((m.start(), "kill", "one", m))
    for m in _LABELLED.finditer(sentence) if (":" in sentence or " -" in sentence) else ():
        found.append((m.start(), "kill" if m.group("kill") else "hurt", m.group("num"), m))
    for m in _ONE_DIED_THERE.finditer(sentence) if "the" in sentence.lower() else ():
        found.append((m.start(), "kill", "one", m))
    for m in _AGED_ONE.finditer(sentence):
        found.append((m.start(), "kill" if m.group("kill") else "hurt", "one", m))
    for m in _DEATH_OF.finditer(sentence):
        found.append((m.start(), "kill", m.group("num"), m))
    for m in _FATAL.finditer(sentence):
        found.append((m.start(), "kill", m.group("num"), m))
    for m in _DIED_AFTER_WHO.finditer(sentence):
        one = m.group("num") or ("one" if m.group("num2") else None)
        # the hurt words inside ("a wounded woman who ... died", "who was injured") are hers
        found = [f for f in found if not (f[1] == "hurt" and m.start() <= f[0] < m.end())]
        found.append((m.start(), "kill", one, m))
    for m in _BODIES.finditer(sentence) if "bod" in sentence else ():
        found.append((m.start(), "kill", m.group("num") or m.group("num2"), m))
    for m in parts:
        found.append((m.start(), "hurt", m.group("num"), m))
    for m in _LIVES.finditer(sentence):
        found.append((m.start(), "kill", m.group("num"), m))
    rose = list(_TOLL_ROSE.finditer(sentence))
    # "the number of injured has risen to 34, and the death toll to four": the second count
    # rises with the first, its verb left out
    rose += [m for m in _TOLL_ROSE_TOO.finditer(sentence) if rose and m.start() > rose[0].end()]
    risen = list(rose)  # the counts told as risen, which replace an earlier count of their kind
    # "Among the wounded is a 70-year-old woman": one of a toll, at least one; told before the
    # toll it is a lower bound that the toll replaces, as a rising toll's is
    # so "two children were among the injured"
    rose += (
        [*_AMONG_TOLL.finditer(sentence), *_AMONG_THEM.finditer(sentence)]
        if "mong" in sentence or "nclude" in sentence
        else []
    )
    for m in rose:
        dead = m.group("kill") or m.groupdict().get("kill2")
        found.append((m.start(), "kill" if dead else "hurt", m.group("num"), m))
    brought = list(_TOLL_BROUGHT.finditer(sentence)) if "toll" in sentence else []
    if brought:
        # the toll a death brings is the dead's count: the death told before it is one of them
        found = [f for f in found if f[1] != "kill" or f[0] > brought[0].start()]
        found += [(m.start(), "kill", m.group("num"), m) for m in brought]
        rose += brought
    for m in _CYR.finditer(sentence) if cyrillic else ():  # its words are Cyrillic
        kind = "kill" if (m.group("kill") or m.group("kill2")) else "hurt"
        found.append((m.start(), kind, m.group("num") or m.group("num2"), m))
    for m in _CYR_ONE.finditer(sentence) if cyrillic else ():
        if not any(f[0] <= m.start() < f[3].end() or m.start() <= f[0] < m.end() for f in found):
            kind = "kill" if (m.group("kill") or m.group("kill2")) else "hurt"
            found.append((m.start(), kind, "один", m))
    killed = injured = None
    more = {"kill": False, "hurt": False}
    by_other = False
    end = start = -1
    words = []
    spans = [(f[3].start(), f[3].end()) for f in found]
    # "killed three and five people in A and B respectively": counts of two places, no sum
    respectively = "respectively" in sentence.lower()
    for _, kind, raw, m in sorted(found, key=lambda f: f[0]):
        value = _value(raw)
        if value is None or (value > 12 and _rough_dozens(raw, m)):
            continue
        first, last = m.start(), m.end()
        if (m in before or m.re is _AMONG_THEM) and not respectively:
            extra, first = _coordinated(sentence, m.start(), spans)
            value += extra
        elif (
            m.re is _AFTER or m.re is _AMONG_TOLL or m.groupdict().get("verb")
        ) and not respectively:
            # "wounding his wife and son" (one told by the possessive) is as "wounding two"
            # "among the injured are a girl and her mother": two
            extra, last = _coordinated_objects(sentence, m.end(), spans)
            value += extra
        if kind == "kill" and killed is None:
            killed = value
        elif kind == "hurt" and injured is None:
            if m.group(0).lower().rstrip().endswith("casualties"):
                continue  # "17 casualties" counts the dead and the hurt together
            injured = value
        elif any(m is r for r in risen) and first > end:
            # "seven were hurt; the number of injured later rose to 12": the later count
            if kind == "kill":
                killed = value
            else:
                injured = value
            words.append(" ".join(told[first:last].split()))
            end = max(end, last)
            continue
        elif (
            kind == "kill"
            and m in before
            and _MORE.search(m.group(0))
            and first > end
            # not "the toll rose to five with another fatality": that one is in the toll
            and not rose
        ):
            # "three were killed, and two more later died in hospital": the later dead are
            # added to the dead of the same sentence
            killed += value
            words.append(" ".join(told[first:last].split()))
            end = max(end, last)
            continue
        else:
            continue
        # "four dead and another four injured": "another" there sets the hurt apart from the
        # dead of the same sentence; it adds to earlier figures only when it comes first.
        more[kind] = not words and bool(
            _MORE.search(m.group(0)) or _opens_with_kin(told, m) or _ALSO_HIT.search(m.group(0))
        )
        by_other = (
            more[kind]
            and bool(_MORE.search(m.group(0)))
            and not _MORE.search(_OTHER.sub("", m.group(0)))
        )
        end = max(end, last)
        start = first if start < 0 else start
        words.append(" ".join(told[first:last].split()))
    if killed is None and injured is None and (m := _VICTIMS_ROSE.search(sentence)) is not None:
        value = _value(m.group("num"))
        if value is not None:
            words = " ".join(told[m.start() : m.end()].split())
            return Casualties(
                None, value, words, end=m.end(), start=m.start(), update=True, victims=True
            )
    if (
        killed is None
        and injured is None
        and (
            m := none_of
            or _NONE.search(sentence)
            or (_CYR_NONE.search(sentence) if cyrillic else None)
        )
    ):
        return Casualties(0, 0, m.group(0))
    if killed is None and (none_killed := _NONE_KILLED.search(sentence)) is not None:
        # "four were injured, but nobody died": the dead told as none beside the hurt, or
        # alone ("Fortunately, no one was killed."), which leaves the hurt to other sentences
        killed = 0
        words.append(" ".join(none_killed.group(0).split()))
        if injured is None:
            return Casualties(0, None, "; ".join(words))
    update = (
        bool(rose)
        or (killed is not None and _TOTAL.search(sentence) is not None)
        or (
            (killed is not None or injured is not None)
            and _TOLD_AS_IT_STANDS.search(sentence) is not None
            and _AREA_TALLY.search(sentence) is None
        )
    )
    moved = 0
    if died is not None:
        moved = 1 if died.group("one") else (_value(died.group("num")) or 0)
        words.append(" ".join(died.group(0).split()))
        if injured is not None and injured >= moved:
            # "Three were injured; one of them later died": the sentence's own toll
            killed, injured, moved = (killed or 0) + moved, injured - moved, 0
    return Casualties(
        killed,
        injured,
        "; ".join(words),
        more["kill"],
        more["hurt"],
        end,
        start,
        update,
        moved,
        by_other,
    )


def _coordinated_objects(sentence: str, at: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The people counted in conjuncts after a verb's object ending at ``at``, and their end.

    "killing a man and a woman" counts two; "killed two men and a woman was hurt" stops at
    the woman, the subject of a clause of her own.
    """
    extra, last = 0, at
    while True:
        if (m := _OBJECT_CONJUNCT.match(sentence, last)) is not None:
            if any(a < m.end() and m.start() < b for a, b in spans):
                break
            value = _value(m.group("num"))
            if value is None:
                break
        elif (
            # "wounded his mother and sister": one more of kin, the possessive shared
            _KIN_BEFORE.search(sentence, max(0, last - 60), last)
            and (m := _BARE_KIN.match(sentence, last)) is not None
        ):
            value = 1
        else:
            break
        extra, last = extra + value, m.end()
    return extra, last


# One of kin after a possessive's kin, the possessive left out: "her son and daughter".
_KIN_BEFORE = re.compile(
    rf"\b(?:his|her|their)\s+(?:[\w-]+\s+)?{_KIN_ONE}(?:(?:\s*,\s*|\s+and\s+){_KIN_ONE})*$",
    re.IGNORECASE,
)
_BARE_KIN = re.compile(
    rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+){_KIN_ONE}\b(?!['’])"
    r"(?!\s+(?:were|was|are|is|had|have|has|died|said|says|told|added|wrote|reported)\b)",
    re.IGNORECASE,
)


def _coordinated(sentence: str, at: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The people counted in conjuncts before a count at ``at``, and where the first begins.

    "Three other rescuers and one passer-by were hurt" counts four; "a man and a
    woman were killed", two. A conjunct inside another count's words ("killing two people
    and ...", the object of a verb) is that count's, not part of this subject.
    """
    extra, first = 0, at
    while m := _CONJUNCT.search(sentence, max(0, first - _CONJUNCT_REACH), first):
        if any(a < m.end() and m.start() < b for a, b in spans if a != at):
            break
        value = _value(m.group("num"))
        if value is None or _INCLUDED_BY.search(sentence, max(0, m.start() - 20), m.start()):
            break
        extra, first = extra + value, m.start()
    return extra, first


# "killed three and five people in A and B respectively", "four, two and one were injured":
# a series of counts, one per place of the list, in order.
_SERIES = rf"(?P<nums>{_NUM}(?:\s*,\s*{_NUM})*,?\s+and\s+{_NUM})"
_SERIES_BEFORE = re.compile(
    rf"\b{_SERIES}\s+(?:{_WHO}\s+)?(?:(?:were|was|have been|had been)\s+)?"
    r"(?:(?P<kill>killed|dead|died)|(?P<hurt>injured|wounded|hurt))\b",
    re.IGNORECASE,
)
_SERIES_AFTER = re.compile(
    r"\b(?:(?P<kill>killing|killed|kills)|(?P<hurt>injuring|injured|injures|wounding|wounded))"
    rf"\s+{_HEDGE}{_SERIES}\b",
    re.IGNORECASE,
)


def respective_counts(sentence: str) -> tuple[list[tuple[int | None, int | None]], str] | None:
    """The (killed, injured) of each place a "respectively" sentence lists, in order.

    "Shelling killed two and three people and injured five and one in A and B respectively"
    gives [(2, 5), (3, 1)], with the words of the counts. None without "respectively" or
    when the series disagree in length.
    """
    if "respectively" not in sentence.lower():
        return None
    killed: list[int] | None = None
    injured: list[int] | None = None
    words = []
    for m in (*_SERIES_BEFORE.finditer(sentence), *_SERIES_AFTER.finditer(sentence)):
        values = [_value(v) for v in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("nums"))]
        if any(v is None for v in values):
            continue
        if m.group("kill") and killed is None:
            killed = values
        elif m.group("hurt") and injured is None:
            injured = values
        else:
            continue
        words.append(" ".join(m.group(0).split()))
    if killed is None and injured is None:
        return None
    n = len(killed or injured or [])
    if (killed and len(killed) != n) or (injured and len(injured) != n):
        return None
    counts = [(killed[k] if killed else None, injured[k] if injured else None) for k in range(n)]
    return counts, "; ".join(words)


def whole_told(words: str) -> bool:
    """Whether a toll's words give a whole with a part of it ("five out of 13 victims").

    The counts told after such a whole ("seven more were treated as outpatients") are the
    rest of it, not people hurt besides.
    """
    return _WHOLE.search(words) is not None


def higher_count(a: int | None, b: int | None) -> int | None:
    """The higher of two counts, either of which may be unknown (two readings of one toll)."""
    return b if a is None else a if b is None else max(a, b)


# A lead that counts its strikes tells a day's many: "shelled the X region 119 times",
# "launched 40 attacks on the region", "fired 600 shells at its settlements". A town's
# strike told after it is one of them, not the lead's one strike told again.
_COUNTED_STRIKES = re.compile(
    r"\b(?:\d+|dozens\s+of|hundreds\s+of|(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)(?!\s+times))\s+(?:(?:enemy|artillery|mortar|air|drone|missile)\s+)?"
    r"(?:times|attacks|strikes|shellings|bombardments|shells|projectiles)\b",
    re.IGNORECASE,
)


def counts_strikes(sentence: str) -> bool:
    """Whether a sentence counts the strikes it tells ("shelled the region 119 times")."""
    return _COUNTED_STRIKES.search(sentence) is not None


def tells_rise(sentence: str) -> bool:
    """Whether a sentence tells a toll that has risen ("the death toll has risen to four")."""
    return _TOLL_ROSE.search(sentence) is not None
