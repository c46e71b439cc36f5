"""Event triggers: the grouped pattern matches the plain alternation; trigger families seen
across outlets make their events, and look-alike words do not."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from geo.events import triggers
from geo.events.extract import extract_events
from geo.records import EventStatus, EventType
from geo.text.articles import article_from_text
from geo.text.sentences import split_sentences
from geo.toponyms.geoparse import geoparse

# Text we wrote: phrases that share first letters, phrases with optional openings ("territorial
# gains", "had left"), Cyrillic ones, and words that only look like triggers.
TEXT = (
    "Russian forces struck Kharkiv overnight and shelled the outskirts of Izium, officials "
    "said. Ukrainian troops made territorial gains near Robotyne and took control of two "
    "villages; they had left their homes days before. About 300 people have left Pokrovsk on "
    "evacuation trains as authorities ordered families with children to leave. Delegations met "
    "in Istanbul for a round of talks on a prisoner exchange. Fierce combat continued near "
    "Bakhmut, where troops moved back from the railway line. Missiles hit a school; the video "
    "address was recorded in Kyiv. Евакуація з Покровська триває після обстрілу, повідомили "
    "бойові підрозділи. Дрони атакували Суми. The strikers, the metro and the leftovers are "
    "not triggers. Heavy rain fell."
)


def _plain(cyrillic: bool) -> re.Pattern[str]:
    groups = "|".join(
        f"(?P<{t.value}_{i}>{p})"
        for t, pats in triggers.TRIGGERS.items()
        for i, p in enumerate(pats)
        if bool(triggers._CYRILLIC.search(p)) is cyrillic
    )
    lead = r"(?=[\u0400-\u04ff])" if cyrillic else r"(?=[a-z])"
    return re.compile(rf"\b{lead}(?:{groups})\b", re.IGNORECASE)


def _found(rx: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.lastgroup.rsplit("_", 1)[0]) for m in rx.finditer(text)]


def test_grouped_trigger_pattern_matches_the_plain_alternation_phrase_for_phrase():
    for cyrillic, grouped in ((False, triggers._TRIGGER_RE), (True, triggers._TRIGGER_CYR_RE)):
        plain = _plain(cyrillic)
        for sent in split_sentences(TEXT):
            assert _found(grouped, sent.text) == _found(plain, sent.text), sent.text
    assert len(_found(triggers._TRIGGER_RE, TEXT)) >= 15
    assert len(_found(triggers._TRIGGER_CYR_RE, TEXT)) >= 4


def test_a_cyrillic_phrase_that_opens_with_a_group_is_matched():
    # "(?:дрон|безпілотник)\w*" starts with "(": it belongs with the Cyrillic phrases all the
    # same, or no Cyrillic sentence could ever match it.
    found = _found(triggers._TRIGGER_CYR_RE, "Дрони атакували Суми.")
    assert (0, 5, "attack") in found


def test_first_letters_of_optional_openings_and_alternatives():
    assert triggers._first_letters(r"(?:territorial )?gains") == {"t", "g"}
    assert triggers._first_letters(r"evacuat\w*") == {"e"}
    assert triggers._first_letters(r"(?:дрон|безпілотник)\w*") == {"д", "б"}
    assert triggers._first_letters(r"\w+ed") is None  # a class: tried at every word start
    assert triggers._first_letters(r"(?:the )?") is None  # may match nothing


def test_first_two_characters_of_openings_repeats_and_alternatives():
    assert triggers._first_two(r"(?:heavy|fierce) combat") == {"he", "fi"}
    assert triggers._first_two(r"evacuat\w*") == {"ev"}
    assert triggers._first_two(r"(?:a|b)c*d") == {"ac", "ad", "bc", "bd"}
    assert triggers._first_two(r"(?:was|were) hit") == {"wa", "we"}
    assert triggers._first_two(r"ab*") is None  # "a" alone may match: any second character
    assert triggers._first_two(r"a\w+") is None  # a class: not plain
    assert triggers._first_two(r"x{5}") is None  # more repeats than read: not read


def test_modal_may_makes_no_event_but_the_month_may_does_in_any_case():
    def words(text: str) -> list[str]:
        return [t.text for s in split_sentences(text) for t in triggers.find_triggers(text, s, [])]

    assert words("Russian forces may attack Kharkiv.") == []
    assert words("RUSSIAN FORCES MAY ATTACK KHARKIV.") == ["attack"]  # upper case: not the modal
    assert words("Russian forces shelled Kharkiv in May 2024.") == ["shelled"]
    assert words("Russian forces may attack Kharkiv’s outskirts.") == []  # not ASCII
    assert words("Troops launched an assault on Vovchansk.") == ["assault"]
    assert words("Two ground attacks hit Vovchansk.") == ["attacks", "hit"]


def test_a_launched_attack_without_a_weapon_is_an_offensive_in_any_case():
    for text in (
        "Troops LAUNCHED attacks on Vovchansk.",
        "Troops launched attacks on Vovchansk’s edge.",
    ):
        (trig,) = [t for s in split_sentences(text) for t in triggers.find_triggers(text, s, [])]
        assert trig.type is triggers.EventType.OFFENSIVE


def _types(text: str) -> list[tuple[str, str]]:
    return [
        (t.type.value, t.text)
        for s in split_sentences(text)
        for t in triggers.find_triggers(text, s, [])
    ]


def test_a_tried_break_through_is_one_offensive_trigger_not_a_gain():
    # the verb of trying and the gain verb are one phrase: not an advance at "прорваться"
    assert _types("Вражеская пехота пыталась прорваться к Часову Яру.") == [
        ("offensive", "пыталась прорваться")
    ]
    assert _types("Окупанти вкотре намагалися просунутися до Торецька.")[0][0] == "offensive"
    assert _types("Росіяни тричі пробували потіснити оборонців.")[0][0] == "offensive"


def test_an_attack_with_no_weapon_is_ground_fighting_and_with_one_a_strike():
    assert _types("Противник шесть раз атаковал у Невского.") == [("offensive", "атаковал")]
    assert _types("Противник атаковал Харьков ракетами.") == [("attack", "атаковал")]


def test_an_attack_verb_with_a_town_or_area_for_object_is_a_strike():
    # no weapon named, but a town or an oblast is what was hit: a strike on it
    assert _types("Уночі росіяни знову атакували Павлоград.") == [("attack", "атакували")]
    assert _types("Армия РФ вчера атаковала Белгородскую область.") == [("attack", "атаковала")]
    assert _types("Ворог атакував Полтавщину, є поранені.") == [("attack", "атакував")]
    assert _types("Окупанти атакували місто Нікополь.") == [("attack", "атакували")]


def test_an_attack_verb_with_a_storm_or_an_incursion_told_stays_ground_fighting():
    assert _types("Штурмові групи атакували Часів Яр з двох боків.")[0][0] == "offensive"
    assert _types("Диверсанты атаковали Тёткино, вторгшись через границу.")[0][0] == ("offensive")
    # troops fighting "in the area of" a town, no object: ground fighting as before
    assert _types("Противник дважды атаковал в районе Лимана.")[0][0] == "offensive"


def test_ministry_gains_and_losses_are_advance_and_offensive():
    found = _types("Бойцы улучшили тактическое положение и нанесли поражение пехоте врага.")
    assert [t for t, _ in found] == ["advance", "offensive"]


def test_troops_attacking_positions_fight_on_the_ground_a_drone_attack_on_them_is_a_strike():
    assert _types("Russian units attacked our positions near Synkivka overnight.") == [
        ("offensive", "attacked")
    ]
    assert _types("Russian units attacked the positions of the brigade near Synkivka.") == [
        ("offensive", "attacked")
    ]
    assert _types("Russian drones attacked the positions of the brigade near Synkivka.")[0][0] == (
        "attack"
    )


def test_a_sentence_with_typographic_quotes_gives_the_same_triggers_on_the_fast_path(
    monkeypatch,
):
    # Curly quotes and dashes have no case, so the lower-case twin pattern reads the sentence;
    # the case-insensitive pattern (forced here) must find the same triggers.
    text = (
        "“Russian troops SHELLED Kupiansk’s outskirts and Captured two villages,” the "
        "governor said – 300 people were Evacuated from the town."
    )
    sent = split_sentences(text)[0]
    fast = triggers.find_triggers(text, sent, [])
    monkeypatch.setattr(triggers, "caseless_lower", lambda s: None)
    slow = triggers.find_triggers(text, sent, [])
    assert {"attack", "advance", "evacuation"} <= {t.type.value for t in fast}
    assert fast == slow


# --- trigger families from a broad set of real sentences (issue 10, helper triggers) --------
# Each sentence below is ours; it reproduces a way many outlets put a happening that the
# lexicon missed. An event of the named type must come out at the named place.


_PUBLISHED = dt.date(2024, 10, 16)


def _kinds(text, gazetteer):
    article = article_from_text(text, published=_PUBLISHED)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return {(e.event_type, e.place.name) for e in events}


@pytest.mark.parametrize(
    ("sentence", "etype", "place"),
    [
        # ground changing hands
        (
            "The ministry says its units have taken Vesele, a small village by Pokrovsk.",
            EventType.ADVANCE,
            "Vesele",
        ),
        (
            "Officials said Russian units had gained more ground inside Toretsk this week.",
            EventType.ADVANCE,
            "Toretsk",
        ),
        (
            "Soldiers of a marine brigade raised the national flag over the village of Robotyne.",
            EventType.ADVANCE,
            "Robotyne",
        ),
        (
            "Kyiv's army reclaimed control of a dozen hamlets around Kherson, the governor says.",
            EventType.ADVANCE,
            "Kherson",
        ),
        (
            "Commanders are pulling back their brigades from the ruined town of Avdiivka.",
            EventType.ADVANCE,
            "Avdiivka",
        ),
        (
            "Marines pushed the occupiers out of Krynky after weeks on the river bank.",
            EventType.ADVANCE,
            "Krynky",
        ),
        (
            "Russian armour was entering the outskirts of the town of Vuhledar by evening.",
            EventType.ADVANCE,
            "Vuhledar",
        ),
        (
            "По данным ведомства, штурмовики выбили подразделения противника из села Ивановка.",
            EventType.ADVANCE,
            "Ivanivka",
        ),
        # fighting on the ground
        (
            "Over the day the invaders made 27 attempts to dislodge our units near Kurakhove.",
            EventType.OFFENSIVE,
            "Kurakhove",
        ),
        (
            "Assault groups tried twice to approach the trenches near Chasiv Yar.",
            EventType.OFFENSIVE,
            "Chasiv Yar",
        ),
        (
            "Infantry continued to storm the defenders' lines near Siversk on Tuesday.",
            EventType.OFFENSIVE,
            "Siversk",
        ),
        (
            "The brigades that had penetrated the Kursk region were still fighting on Monday.",
            EventType.OFFENSIVE,
            "Kursk Oblast",
        ),
        (
            "Paratroopers pushed deeper into Sudzha district overnight, the ministry admitted.",
            EventType.OFFENSIVE,
            "Sudzhansky District",
        ),
        # strikes
        (
            "Enemy gunners continued to shell Nikopol from across the reservoir on Sunday.",
            EventType.ATTACK,
            "Nikopol",
        ),
        (
            "The occupiers fired 40 shells at the town of Beryslav over the past day.",
            EventType.ATTACK,
            "Beryslav",
        ),
        (
            "Air defence downed most of the Shahed drones targeting Odesa before dawn.",
            EventType.ATTACK,
            "Odesa",
        ),
        # people moved to safety
        (
            "The authorities began the relocation of residents living in Shebekino to dormitories.",
            EventType.EVACUATION,
            "Shebekino",
        ),
        (
            "The mayor called on remaining residents of Kupiansk to temporarily leave the city.",
            EventType.EVACUATION,
            "Kupiansk",
        ),
        # talks and agreements
        (
            "Delegations from Moscow and Kyiv convened in Istanbul on Friday for a second round.",
            EventType.NEGOTIATION,
            "Istanbul",
        ),
        (
            "Envoys of the three countries arrived in Geneva late on Sunday.",
            EventType.NEGOTIATION,
            "Geneva",
        ),
        (
            "The two parties met in Riyadh and reached a deal on shipping in the Black Sea.",
            EventType.NEGOTIATION,
            "Riyadh",
        ),
        (
            "The ministers signed the grain export deal in Ankara on Thursday.",
            EventType.NEGOTIATION,
            "Ankara",
        ),
        # the place past words the phrase used to stop at
        (
            "The compulsory evacuation of mothers with children began in Druzhkivka.",
            EventType.EVACUATION,
            "Druzhkivka",
        ),
        (
            "It was possible to evacuate 140 people from Selydove over the weekend.",
            EventType.EVACUATION,
            "Selydove",
        ),
        (
            "Moscow launched its heaviest missile attack against Lviv in months.",
            EventType.ATTACK,
            "Lviv",
        ),
        (
            "Video showed a soldier hoisting a blue and yellow flag above Klishchiivka.",
            EventType.ADVANCE,
            "Klishchiivka",
        ),
        (
            "Talks between the Ukrainian, Qatari and Russian teams in Doha ended late.",
            EventType.NEGOTIATION,
            "Doha",
        ),
        # a place and "its" surroundings is a place, not an actor ("Russia and its allies")
        (
            "The governor ordered the evacuation of Vovchansk and its nearby villages.",
            EventType.EVACUATION,
            "Vovchansk",
        ),
        # a compass word before the object of a verb
        (
            "Glide bombs are forcing villagers to flee the northern Chernihiv region.",
            EventType.DISPLACEMENT,
            "Chernihiv Oblast",
        ),
        # ground given up, lines broken, a list between dashes
        (
            "By Friday the defenders had left the town of Toretsk, a commander confirmed.",
            EventType.ADVANCE,
            "Toretsk",
        ),
        (
            "Mechanised columns pierced the defensive lines north of Pokrovsk on Monday.",
            EventType.ADVANCE,
            "Pokrovsk",
        ),
        (
            "Штурмові групи противника прорвали оборону поблизу Костянтинівки.",
            EventType.ADVANCE,
            "Kostiantynivka",
        ),
        (
            "The brigade has taken two hamlets — Urozhaine and Staromaiorske — this week.",
            EventType.ADVANCE,
            "Urozhaine",
        ),
        # ground fighting told as attacks near a town, or in Ukrainian bulletins' words
        (
            "Officers counted more Russian attacks around Kupiansk on Sunday.",
            EventType.OFFENSIVE,
            "Kupiansk",
        ),
        (
            "Зранку триває бій на околицях Бахмута, повідомили в бригаді.",
            EventType.OFFENSIVE,
            "Bakhmut",
        ),
        (
            "Сили оборони стримують натиск ворога неподалік Часового Яру.",
            EventType.OFFENSIVE,
            "Chasiv Yar",
        ),
        # an oblast as the subject of its own evacuation; a plural "shellings"
        (
            "The Zaporizhzhia region has begun relocating families with children from the front.",
            EventType.EVACUATION,
            "Zaporizhzhia Oblast",
        ),
        (
            "Repeated shellings damaged a school and two shops in Nikopol overnight.",
            EventType.ATTACK,
            "Nikopol",
        ),
        # Ukrainian and Russian: talks held, people leaving a town
        (
            "Увечері в Женеві відбулася зустріч делегацій обох країн.",
            EventType.NEGOTIATION,
            "Geneva",
        ),
        (
            "За минулий тиждень із Мирнограда виїхали майже тисяча людей.",
            EventType.DISPLACEMENT,
            "Myrnohrad",
        ),
        # more ground and fighting phrasings
        (
            "The ministry said the hamlet of Urozhaine was taken over by its southern group.",
            EventType.ADVANCE,
            "Urozhaine",
        ),
        (
            "Enemy infantry keep trying to break through the lines near Huliaipole.",
            EventType.OFFENSIVE,
            "Huliaipole",
        ),
        (
            "Since dawn there have been six firefights in the area of Siversk.",
            EventType.OFFENSIVE,
            "Siversk",
        ),
        # a mapping group's plural noun: "the fights are about/for the villages of X"
        (
            "Ukrainian analysts said the fights are about the village of Hlyboke north of Kharkiv.",
            EventType.OFFENSIVE,
            "Hlyboke",
        ),
        (
            "Russian units have stepped up pressure near Lyman over the past week.",
            EventType.OFFENSIVE,
            "Lyman",
        ),
        (
            "Two rockets slammed into a bus station in Kramatorsk before noon.",
            EventType.ATTACK,
            "Kramatorsk",
        ),
        # the enemy named after "with" is whom, not where
        (
            "Marines are locked in close-quarters battles with Russian troops in Kurakhove.",
            EventType.OFFENSIVE,
            "Kurakhove",
        ),
        (
            "Paratroopers kept up combat missions on the edge of Siversk through the night.",
            EventType.OFFENSIVE,
            "Siversk",
        ),
        # Ukrainian: a counted strike by drones, an attack "по" a city
        (
            "Уночі росіяни запустили 12 ударних БпЛА по Харкову.",
            EventType.ATTACK,
            "Kharkiv",
        ),
        (
            "Унаслідок нічної атаки по Дніпру пошкоджено три будинки.",
            EventType.ATTACK,
            "Dnipro",
        ),
        (
            "Local residents began leaving Orikhiv after the school was hit.",
            EventType.DISPLACEMENT,
            "Orikhiv",
        ),
        # a notice told in the passive reaches its place; who was on board a vehicle hit
        (
            "Forced evacuation of families has been officially announced in Kupiansk.",
            EventType.EVACUATION,
            "Kupiansk",
        ),
        (
            "A Lancet drone hit a minibus with passengers in Bilopillia this morning.",
            EventType.ATTACK,
            "Bilopillia",
        ),
        # people counted where they found shelter
        (
            "In Zaporizhzhia, hundreds of families found temporary refuge this spring.",
            EventType.DISPLACEMENT,
            "Zaporizhzhia",
        ),
        (
            "Some 40,000 internally displaced persons are registered in Uzhhorod, officials said.",
            EventType.DISPLACEMENT,
            "Uzhhorod",
        ),
    ],
)
def test_a_trigger_family_seen_across_outlets_makes_its_event(gazetteer, sentence, etype, place):
    assert (etype, place) in _kinds(sentence, gazetteer)


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        # "taken" of a meeting, a bus or a step is no capture
        ("Talks had taken place in Geneva before the strike on Kharkiv.", EventType.ADVANCE),
        ("The wounded have taken buses to hospitals in Dnipro, he said.", EventType.ADVANCE),
        # a company moved is no evacuation; "relocated to" names where people went
        ("The bank relocated its office from Donetsk to Kyiv years ago.", EventType.EVACUATION),
        ("Families were relocated to Lviv and Uzhhorod last spring.", EventType.EVACUATION),
        # a post taken over is no ground taken
        ("A new governor took over the post in Kherson last week.", EventType.ADVANCE),
        # a train being prepared is no evacuation yet
        ("Another evacuation train from Sumy is being prepared for Friday.", EventType.EVACUATION),
        # a convoy or a train leaving a town is nobody displaced
        ("Колона техніки виїхала з Бахмута вночі.", EventType.DISPLACEMENT),
        # "convened" by a parliament is no talks
        ("Parliament convened in Kyiv on Tuesday to pass the budget.", EventType.NEGOTIATION),
    ],
)
def test_words_that_only_look_like_the_new_triggers_make_no_such_event(gazetteer, sentence, etype):
    assert etype not in {k for k, _ in _kinds(sentence, gazetteer)}


def test_a_party_named_after_a_list_of_who_talks_is_no_venue(gazetteer):
    # "between the two leaders, and that Russia ...": Russia is the subject of a new clause
    text = "He said Kyiv had proposed talks between the two leaders, and that Russia took note."
    assert (EventType.NEGOTIATION, "Russia") not in _kinds(text, gazetteer)


def test_a_trigger_that_carries_its_trying_is_an_attempt(gazetteer):
    article = article_from_text(
        "The invaders made 15 attempts to dislodge the defenders near Toretsk.",
        published=_PUBLISHED,
    )
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    offensive = next(e for e in events if e.event_type is EventType.OFFENSIVE)
    assert offensive.status is EventStatus.ATTEMPTED


def test_a_regional_administrations_name_is_the_oblast_for_the_region_never_the_town(gazetteer):
    # "the Kharkiv Regional Military Administration": the authority of the oblast. "The
    # region" after it is Kharkiv Oblast, and "the town" is the town named in the story.
    text = (
        "In Balakliia, according to the Kharkiv Regional Military Administration, shelling of "
        "the town and its outskirts went on all day. Russian units keep pressing their "
        "advance in the region."
    )
    kinds = _kinds(text, gazetteer)
    assert (EventType.ATTACK, "Balakliia") in kinds
    assert (EventType.ATTACK, "Kharkiv") not in kinds
    assert (EventType.ADVANCE, "Kharkiv Oblast") in kinds


def test_a_drone_attack_near_a_town_stays_a_strike(gazetteer):
    kinds = _kinds("A drone attack near Kupiansk damaged a school on Sunday.", gazetteer)
    assert (EventType.ATTACK, "Kupiansk") in kinds
    assert (EventType.OFFENSIVE, "Kupiansk") not in kinds


def test_a_year_in_the_speakers_own_clause_does_not_date_the_news(gazetteer):
    text = (
        "A blogger, who was a separatist commander in 2014 and often writes about the front, "
        "said that Russian troops had left the western part of Kupiansk."
    )
    article = article_from_text(text, published=_PUBLISHED)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    (advance,) = [e for e in events if e.event_type is EventType.ADVANCE]
    assert advance.place.name == "Kupiansk"
    assert advance.date_end == _PUBLISHED and not advance.date_text


def test_an_air_assault_on_a_city_is_a_strike(gazetteer):
    kinds = _kinds("Overnight Russia mounted a massive air assault on Lviv.", gazetteer)
    assert (EventType.ATTACK, "Lviv") in kinds
    assert (EventType.OFFENSIVE, "Lviv") not in kinds


def test_people_crossing_into_a_country_is_no_incursion(gazetteer):
    text = "Border guards said 40,000 people had crossed into Moldova since Friday."
    assert EventType.OFFENSIVE not in {k for k, _ in _kinds(text, gazetteer)}


def test_the_neighbouring_region_is_the_place_not_a_border_of_it(gazetteer):
    # "villages bordering X" are outside X; "the neighbouring X region" is X
    text = "Ukrainian units advanced into the neighbouring Belgorod region of Russia on Monday."
    kinds = _kinds(text, gazetteer)
    assert (EventType.ADVANCE, "Belgorod Oblast") in kinds
    assert (EventType.ADVANCE, "Russia") not in kinds


def test_temporarily_captured_land_is_occupied_land_not_a_new_capture():
    text = "Officials in the temporarily captured part of Kherson Oblast ordered residents out."
    assert ("advance", "captured") not in _types(text)


def test_a_village_captured_on_a_day_is_still_a_capture():
    text = "Russian units captured the village of Novoselivka on Tuesday."
    assert ("advance", "captured") in _types(text)


def _bulletin_events(text, gazetteer):
    article = article_from_text(text, published=dt.date(2024, 6, 3))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [(e.event_type, e.place.name, e.status) for e in events]


def test_trying_to_attack_in_a_village_area_is_a_failed_assault_not_a_strike(gazetteer):
    text = "In the Kurakhove direction, Russian units tried to attack in the Vodiane area."
    at_vodiane = [k for k in _bulletin_events(text, gazetteer) if k[1] == "Vodiane"]
    assert at_vodiane == [(EventType.OFFENSIVE, "Vodiane", EventStatus.ATTEMPTED)]


def test_attacks_in_the_areas_of_villages_are_assaults(gazetteer):
    text = "Ukrainian troops said Russian units attacked in the areas of Terny and Torske."
    assert {k[:2] for k in _bulletin_events(text, gazetteer)} == {
        (EventType.OFFENSIVE, "Terny"),
        (EventType.OFFENSIVE, "Torske"),
    }


def test_trying_to_attack_with_drones_named_stays_a_strike(gazetteer):
    text = "Russia tried to attack Odesa with attack drones overnight, Ukraine's air force said."
    assert (EventType.ATTACK, "Odesa") in {k[:2] for k in _bulletin_events(text, gazetteer)}


def test_attacks_by_troops_that_were_repulsed_are_assaults_only(gazetteer):
    text = (
        "On the Avdiivka axis, attacks by the Russian army were repulsed near the villages "
        "of Avdiivka and Pervomaiske."
    )
    kinds = {k[:2] for k in _bulletin_events(text, gazetteer)}
    # the Pervomaiske beside Avdiivka is filed under its new name, Avdiivske (the axis moves
    # the reading there from a Crimean namesake)
    assert kinds == {(EventType.OFFENSIVE, "Avdiivka"), (EventType.OFFENSIVE, "Avdiivske")}


def test_residents_moved_out_of_listed_villages_is_an_evacuation_at_each(gazetteer):
    # issue 10, helper evaclists: the places come before the verb, after "residents of"
    text = "Residents of Borova, Bohuslavka and Kurylivka were being moved out on Monday."
    article = article_from_text(text, published=dt.date(2024, 10, 7))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    names = sorted(e.place.name for e in events if e.event_type is EventType.EVACUATION)
    assert names == ["Bohuslavka", "Borova", "Kurylivka"]


def test_troops_moved_out_of_a_village_are_no_evacuation(gazetteer):
    text = "Two battalions were moved out of Borova on Monday."
    article = article_from_text(text, published=dt.date(2024, 10, 7))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [e for e in events if e.event_type is EventType.EVACUATION] == []


def _evacuation_types(text):
    sent = split_sentences(text)[0]
    return [
        t.type for t in triggers.find_triggers(text, sent, []) if t.type is EventType.EVACUATION
    ]


def test_an_evacuation_that_will_concern_named_settlements_is_an_order_not_a_plan():
    # the order is given; "will concern" tells its scope (issue 10, helper evac2)
    text = "Officials say the evacuation will concern the villages of Rodynske and Lysivka."
    assert _evacuation_types(text) == [EventType.EVACUATION]


def test_a_forced_evacuation_whose_people_come_before_its_town_is_an_order():
    # whom the order moves comes between the trigger and its scope (issue 10, w10fix)
    text = "Compulsory evacuation of residents will be carried out in Rodynske, he wrote."
    assert _evacuation_types(text) == [EventType.EVACUATION]


def test_a_forced_evacuation_of_children_from_a_count_of_settlements_is_left_to_the_order():
    # a count names no place: the oblast's order, told elsewhere, is the event
    text = (
        "Mandatory evacuation of families will be carried out from 12 settlements of the "
        "Pokrovsk district."
    )
    assert _evacuation_types(text) == []


def test_an_evacuation_that_will_be_carried_out_in_a_town_without_an_order_is_a_plan():
    text = "The evacuation of residents will be carried out in Rodynske next month."
    assert _evacuation_types(text) == []


def test_an_evacuation_that_will_be_needed_is_still_a_plan():
    text = "Officials say an evacuation will be needed in Rodynske next winter."
    assert _evacuation_types(text) == []


def test_a_barrage_is_a_strike_whose_day_the_attacks_told_next_keep(gazetteer):
    # "a barrage on Saturday. The attacks also hit X": X was struck on Saturday (w9recall)
    text = (
        "Rescuers searched the rubble after a widespread Russian missile barrage on Saturday. "
        "The attacks also hit the capital, Kyiv, cutting power."
    )
    article = article_from_text(text, published=dt.date(2023, 1, 16))  # a Monday
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    kyiv = [e for e in events if e.place.name == "Kyiv" and e.event_type is EventType.ATTACK]
    assert [e.date_start for e in kyiv] == [dt.date(2023, 1, 14)]


def test_a_barrage_of_criticism_is_no_strike(gazetteer):
    text = "The minister faced a barrage of criticism in Kyiv on Monday."
    article = article_from_text(text, published=dt.date(2023, 1, 16))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert not [e for e in events if e.event_type is EventType.ATTACK]


def _offensive_states(text, gazetteer):
    article = article_from_text(text, published=dt.date(2024, 2, 5))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return {(e.place.name, e.status) for e in events if e.event_type is EventType.OFFENSIVE}


@pytest.mark.parametrize(
    "text",
    [
        "And in the Chernihiv region, border guards foiled an enemy attempt to cross the border, "
        "the command said.",
        "In the Chernihiv region, guards stopped an attempt by Russian saboteurs to cross the "
        "state border on Sunday.",
    ],
)
def test_an_attempt_to_cross_the_border_is_an_attempted_offensive(text, gazetteer):
    # a border raid tried (issue 10, w9recall); the fronted region is where
    assert _offensive_states(text, gazetteer) == {("Chernihiv Oblast", EventStatus.ATTEMPTED)}


def test_people_trying_to_cross_the_border_make_no_offensive(gazetteer):
    text = "Thousands of civilians tried to cross the border into Poland on Sunday."
    assert _offensive_states(text, gazetteer) == set()


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Russian troops fled Izium in haste on Saturday.", EventType.ADVANCE),
        ("The occupying forces were forced to flee Izium on Saturday.", EventType.ADVANCE),
        ("Thousands of residents fled Izium on Saturday.", EventType.DISPLACEMENT),
        ("Russian forces shelled the area and residents fled Izium.", EventType.DISPLACEMENT),
    ],
)
def test_troops_fleeing_a_town_is_a_retreat_and_people_fleeing_a_flight(text, etype, gazetteer):
    # issue 10, w9recall: the subject of "fled" decides
    article = article_from_text(text, published=dt.date(2022, 9, 12))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert {(e.event_type, e.place.name) for e in events if e.place.name == "Izium"} == {
        (etype, "Izium")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the enemy forces had little choice but to flee Lyman.",
        "The Russian troops fled the village under fire, the brigade said.",
    ],
)
def test_troops_who_flee_a_place_withdraw_and_no_people_are_displaced(text):
    types = {t for t, _ in _types(text)}
    assert "advance" in types and "displacement" not in types


def test_people_who_flee_a_town_are_still_displaced():
    types = {t for t, _ in _types("Thousands of residents fled the town as troops advanced.")}
    assert "displacement" in types


def test_attacks_told_as_strikes_on_communities_are_strikes_not_assaults(gazetteer):
    text = (
        "The army launched 35 attacks on Monday, targeting the communities of Bilopillia and "
        "Krasnopillia."
    )
    kinds = _kinds(text, gazetteer)
    assert ("attack", "Bilopillia") in kinds
    assert ("attack", "Krasnopillia") in kinds
    assert not any(k == "offensive" for k, _ in kinds)


def test_attacks_on_positions_near_a_village_stay_an_offensive(gazetteer):
    kinds = _kinds("Troops launched 12 attacks near Krasnopillia on Monday.", gazetteer)
    assert ("offensive", "Krasnopillia") in kinds


# Governors' reports of strikes on their villages (war11 round, helper w11wire).


def test_one_enemy_attack_on_a_named_village_is_a_strike_on_it():
    sentence = (
        "“Yet another enemy attack on Krasnaya Yaruga this morning ended in grief,” he wrote."
    )
    types = {t.type for t in _triggers(sentence)}
    assert types == {EventType.ATTACK}


def test_enemy_attacks_near_a_village_stay_ground_fighting():
    sentence = "The enemy attacked near Krasnaya Yaruga and was repelled."
    assert {t.type for t in _triggers(sentence)} == {EventType.OFFENSIVE}


@pytest.mark.parametrize(
    "sentence",
    [
        # Wave 2 (w2adv): a claim one side denies is no gain
        "On Friday the commander rejected reports of hostile units advancing into Poltava.",
        "Kyiv denied that Russian troops had seized Pishchane last week.",
        "The ministry dismissed claims that its brigades withdrew from Pishchane.",
    ],
)
def test_a_denied_claim_of_ground_is_no_advance(sentence):
    assert EventType.ADVANCE not in {t.type for t in _triggers(sentence)}


def test_a_dismissed_officer_does_not_deny_the_gain():
    sentence = "The general dismissed his deputy after troops withdrew from Pishchane."
    assert EventType.ADVANCE in {t.type for t in _triggers(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        # Wave 2 (w2adv): the plain verb, after "managed to ... and" or in a present summary
        "Enemy units managed to take two hamlets and storm the edge of the village of Hlyboke.",
        "Marines storm the town's northern defences every night.",
    ],
)
def test_storm_as_a_plain_verb_with_a_place_is_ground_fighting(sentence):
    assert EventType.OFFENSIVE in {t.type for t in _triggers(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "A storm the previous evening cut power lines across the region.",
        "Storm Shadow missiles hit an airfield in the north.",
    ],
)
def test_a_weather_storm_or_a_missile_is_no_storming(sentence):
    assert EventType.OFFENSIVE not in {t.type for t in _triggers(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        # Wave 2 (w2adv): a side saying it now holds a place claims its capture
        "The ministry claims that it has control of little Siversk now.",
        "Moscow says it now has full control over Siversk, which Kyiv disputes.",
    ],
)
def test_a_side_saying_it_holds_a_place_claims_an_advance(sentence):
    assert EventType.ADVANCE in {t.type for t in _triggers(sentence)}


def test_holding_a_share_of_a_country_is_no_claimed_capture():
    sentence = "Analysts estimate Russia has control of a fifth of the country."
    assert EventType.ADVANCE not in {t.type for t in _triggers(sentence)}


def test_one_enemy_attack_with_a_toll_is_a_strike_on_the_region():
    # Wave 2 (w2adv): a governor's "killed in an enemy attack in the X region" is a strike
    sentence = "Three residents died after an enemy attack in the Chernihiv region at dawn."
    assert {t.type for t in _triggers(sentence)} == {EventType.ATTACK}


def test_one_enemy_attack_without_a_toll_in_an_area_stays_ground_fighting():
    sentence = "An enemy attack in the Kupiansk direction was repelled by the brigade."
    assert {t.type for t in _triggers(sentence)} == {EventType.OFFENSIVE}


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow launched an attack on Sumy before dawn, killing a taxi driver.",
        "The invaders carried out an attack on Nikopol at noon, injuring four pensioners.",
    ],
)
def test_one_launched_attack_with_a_toll_is_a_strike(sentence):
    assert {t.type for t in _triggers(sentence)} == {EventType.ATTACK}


def test_one_launched_attack_without_a_toll_or_with_tanks_stays_ground_fighting():
    sentence = "The invaders launched an attack on Urozhaine at dawn."
    assert {t.type for t in _triggers(sentence)} == {EventType.OFFENSIVE}
    sentence = "They launched an attack on Urozhaine with tanks, and two crewmen were killed."
    assert {t.type for t in _triggers(sentence)} == {EventType.OFFENSIVE}


@pytest.mark.parametrize(
    "sentence",
    [
        "For a month the marines have held off Russian attacks on Urozhaine.",
        "Defenders fended off the attacks near Urozhaine overnight.",
    ],
)
def test_attacks_a_defence_held_off_are_ground_fighting(sentence):
    assert {t.type for t in _triggers(sentence)} == {EventType.OFFENSIVE}


def test_a_drone_attack_held_off_stays_a_strike():
    sentence = "Air defence held off a drone attack on Sumy overnight."
    assert EventType.OFFENSIVE not in {t.type for t in _triggers(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Defenders were cut off last week as separatist service personnel surrounded Urozhaine.",
        "By Sunday enemy paratroopers surrounded Urozhaine.",
    ],
)
def test_troops_named_as_personnel_or_paratroopers_surround_a_town(sentence):
    assert {t.type for t in _triggers(sentence)} == {EventType.OFFENSIVE}


def test_an_attack_near_the_border_is_not_troops_at_the_border():
    sentence = "Two dead in attack near Ukraine border overnight"
    assert {t.type for t in _triggers(sentence)} == {EventType.ATTACK}


def _triggers(text):
    return [t for s in split_sentences(text) for t in triggers.find_triggers(text, s, [])]


@pytest.mark.parametrize(
    "sentence",
    [
        "The weary brigades keep ceding ground to the invaders, notably near Toretsk.",
        "Ukrainian forces lost some ground near Kurakhove this week.",
        "The defenders were giving ground around the town.",
    ],
)
def test_ground_given_up_by_an_army_is_an_advance(sentence):
    assert EventType.ADVANCE in {t.type for t in _triggers(sentence)}


def test_ground_lost_in_the_polls_is_no_advance():
    sentence = "The ruling party lost ground in the polls in the capital."
    assert EventType.ADVANCE not in {t.type for t in _triggers(sentence)}


def test_children_removed_from_a_town_are_evacuated_but_rubble_is_not():
    told = "The governor said all the children had been removed from the town of Selydove."
    assert EventType.EVACUATION in {t.type for t in _triggers(told)}
    rubble = "Rubble was removed from the streets of Selydove overnight."
    assert EventType.EVACUATION not in {t.type for t in _triggers(rubble)}


def test_a_call_to_flee_is_no_flight_yet():
    call = "The governor keeps urging residents to flee the region before winter."
    assert EventType.DISPLACEMENT not in {t.type for t in _triggers(call)}
    fled = "Thousands of villagers fled the area before winter came."
    assert EventType.DISPLACEMENT in {t.type for t in _triggers(fled)}


def test_the_two_sides_people_meeting_or_discussing_at_a_venue_are_talks():
    met = "Last week representatives of Ukraine and Russia met in Qatar to talk about a swap."
    assert EventType.NEGOTIATION in {t.type for t in _triggers(met)}
    went = "The Ukrainian and Russian officials flew to Doha, where they discussed a swap."
    assert EventType.NEGOTIATION in {t.type for t in _triggers(went)}


def test_others_discussing_at_a_venue_are_no_talks_of_the_two_sides():
    sentence = "EU ministers flew to Brussels on Monday, where they discussed aid to Ukraine."
    assert EventType.NEGOTIATION not in {t.type for t in _triggers(sentence)}


def test_troops_who_were_pushed_back_lost_ground_troops_who_push_back_fight():
    lost = "The invading units were pushed back in the Sumy region last autumn."
    assert {t.type for t in _triggers(lost)} == {EventType.ADVANCE}
    fight = "Ukrainian brigades pushed back the invading units in the Sumy region."
    assert {t.type for t in _triggers(fight)} == {EventType.OFFENSIVE}


def test_an_armed_side_destroying_a_civilian_building_is_a_strike():
    told = "Aid workers accused enemy troops of destroying two of their warehouses in Kupiansk."
    assert {t.type for t in _triggers(told)} == {EventType.ATTACK}
    flood = "The spring flood destroyed several houses in the town of Selydove."
    assert EventType.ATTACK not in {t.type for t in _triggers(flood)}


def _evacuations(text, gazetteer, published=dt.date(2022, 5, 8)):
    article = article_from_text(text, published=published)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return {e.place.name: e.people for e in events if e.event_type is EventType.EVACUATION}


def test_a_safe_passage_of_civilians_from_towns_is_an_evacuation_from_each(gazetteer):
    text = (
        "Since April, a humanitarian agency has helped arrange the safe passage of over "
        "7,500 civilians from Chernihiv and Mariupol to other parts of Ukraine."
    )
    assert _evacuations(text, gazetteer) == {"Chernihiv": 7500, "Mariupol": 7500}


def test_a_safe_passage_for_grain_ships_is_no_evacuation(gazetteer):
    text = "The deal guarantees safe passage for grain ships leaving Odesa and Chornomorsk."
    assert _evacuations(text, gazetteer) == {}


@pytest.mark.parametrize("verb", ["continues to shell", "kept shelling", "continued to shell"])
def test_the_enemy_going_on_shelling_a_region_is_a_strike_not_ground_fighting(gazetteer, verb):
    text = f"The enemy {verb} the Mykolaiv region, wounding civilians."
    article = article_from_text(text, published=dt.date(2024, 3, 2))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [(e.event_type, e.place.name) for e in events] == [(EventType.ATTACK, "Mykolaiv Oblast")]


@pytest.mark.parametrize(
    "text",
    [
        "An evacuation hotline works in the Sumy region at 0-800-00-00-00.",
        "Residents of Okhtyrka can call the evacuation phone number at any hour.",
    ],
)
def test_an_evacuation_hotline_is_a_service_not_an_evacuation(gazetteer, text):
    assert _evacuations(text, gazetteer, dt.date(2024, 6, 12)) == {}


def test_liberated_towns_after_a_preposition_are_which_towns_not_a_capture(gazetteer):
    text = "The governor warned residents not to return to liberated towns in the Chernihiv region."
    article = article_from_text(text, published=dt.date(2022, 4, 20))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [e for e in events if e.event_type is EventType.ADVANCE] == []


def test_liberated_towns_as_a_verb_and_object_stay_a_capture(gazetteer):
    text = "Ukrainian forces liberated towns in the Chernihiv region on Monday."
    article = article_from_text(text, published=dt.date(2022, 4, 20))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [e.place.name for e in events if e.event_type is EventType.ADVANCE] == [
        "Chernihiv Oblast"
    ]


def _displaced(text, gazetteer):
    article = article_from_text(text, published=dt.date(2024, 5, 20))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [e.place.name for e in events if e.event_type is EventType.DISPLACEMENT]


def test_displacement_from_the_front_line_communities_of_an_oblast_is_a_flight(gazetteer):
    text = "Strikes on Sumska Oblast caused wider displacement from the front-line communities."
    assert _displaced(text, gazetteer) == ["Sumy Oblast"]


def test_a_shelter_for_displaced_people_in_a_town_is_no_flight_from_it(gazetteer):
    text = "Some 900 people got hot meals at a shelter for newly displaced people in Sumy."
    assert _displaced(text, gazetteer) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Air defence crews were trying to repel a massive air attack on Lviv before dawn.",
        "The night's large attack on Dnipro was repulsed by the city's air defences.",
        "Anti-aircraft units repelled the assault on Poltava, the air force said.",
    ],
)
def test_what_air_defence_repels_is_a_strike_not_ground_fighting(sentence):
    kinds = {t for t, _ in _types(sentence)}
    assert "offensive" not in kinds
    assert "attack" in kinds


def test_troops_repelling_assaults_beside_air_defence_at_work_still_fight():
    sentence = "Air defence shot down six drones over Sumy, while troops repelled nine assaults."
    assert "offensive" in {t for t, _ in _types(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Border guards repelled an enemy drone attack on Vovchansk late on Friday.",
        "The brigade fought off a missile and drone strike on its base near Izium.",
    ],
)
def test_a_strike_named_by_its_weapon_that_troops_repel_is_a_strike(sentence):
    kinds = {t for t, _ in _types(sentence)}
    assert "offensive" not in kinds
    assert "attack" in kinds


def test_troops_repelling_an_assault_named_without_a_weapon_still_fight():
    sentence = "Border guards repelled an enemy assault on Vovchansk late on Friday."
    assert "offensive" in {t for t, _ in _types(sentence)}


def test_the_enemy_attacking_a_town_with_a_civilian_toll_is_a_strike():
    sentence = "The enemy attacked the Korabelnyi district of Kherson, wounding an old man."
    kinds = {t for t, _ in _types(sentence)}
    assert "offensive" not in kinds
    assert "attack" in kinds


def test_the_enemy_attacking_a_town_counted_times_is_still_fighting():
    sentence = "The enemy attacked Novomykhailivka four times, and a soldier was wounded."
    assert "offensive" in {t for t, _ in _types(sentence)}


def test_an_evacuation_that_is_planned_from_places_is_no_event_yet(gazetteer):
    def evacuations(text):
        article = article_from_text(text, published=dt.date(2022, 4, 5))
        events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
        return [e.place.name for e in events if e.event_type is EventType.EVACUATION]

    assert evacuations("Evacuation is planned from the towns of Kreminna and Hirske.") == []
    assert evacuations("Evacuation went on from the towns of Kreminna and Hirske.") == [
        "Kreminna",
        "Hirske",
    ]


def test_buses_or_a_convoy_that_left_a_town_are_an_evacuation(gazetteer):
    def typed(text):
        article = article_from_text(text, published=dt.date(2022, 4, 21))
        events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
        return [(e.event_type, e.place.name) for e in events]

    assert typed("Twelve buses with 420 residents left Huliaipole for Zaporizhzhia.") == [
        (EventType.EVACUATION, "Huliaipole")
    ]
    assert typed("A small convoy of coaches has left Orikhiv.") == [
        (EventType.EVACUATION, "Orikhiv")
    ]
    # people who leave on their own stay a flight
    assert typed("About 420 residents left Huliaipole by car.") == [
        (EventType.DISPLACEMENT, "Huliaipole")
    ]


def test_a_penetrating_wound_is_no_incursion(gazetteer):
    def typed(text):
        article = article_from_text(text, published=dt.date(2023, 12, 4))
        events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
        return [(e.event_type, e.place.name, e.injured) for e in events]

    assert typed("A 70-year-old woman got a penetrating chest wound from shelling in Siversk.") == [
        (EventType.ATTACK, "Siversk", 1)
    ]
    assert typed("Units penetrating Kursk Oblast met little resistance.") == [
        (EventType.OFFENSIVE, "Kursk Oblast", None)
    ]


def test_a_demand_or_a_call_for_the_other_side_to_withdraw_is_no_withdrawal(gazetteer):
    def advances(text):
        article = article_from_text(text, published=dt.date(2024, 6, 15))
        events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
        return [e.place.name for e in events if e.event_type is EventType.ADVANCE]

    assert (
        advances(
            "The Kremlin renewed its demand for Kyiv to completely withdraw from Luhansk Oblast."
        )
        == []
    )
    assert advances("Moscow called on Ukraine to pull out of Zaporizhzhia Oblast.") == []
    assert advances("Ukrainian troops pulled out of Zaporizhzhia Oblast, the army said.") == [
        "Zaporizhzhia Oblast"
    ]


def test_authorities_urging_residents_to_evacuate_announce_an_evacuation(gazetteer):
    # What one side demands of the other is no withdrawal, but an authority urging people to
    # leave named places is the evacuation call itself, in any tense.
    for verb in ("urge", "urged", "are urging"):
        text = f"Regional authorities {verb} residents to evacuate from 30 villages in Sumy Oblast."
        assert _kinds(text, gazetteer) == {(EventType.EVACUATION, "Sumy Oblast")}, verb


@pytest.mark.parametrize(
    "sentence",
    [
        "Paratroopers captured 31 Russian troops during a raid in the Kursk region on Monday.",
        "Ukrainian units captured two enemy servicemen near Sudzha on Monday.",
        "The brigade said it had captured more than 40 soldiers near Vovchansk on Monday.",
        # men counted by the body they make up (issue 10, helper spur16)
        "Ukrainian forces nearly captured a group of enemy soldiers near Lyman on Friday.",
        "Marines captured a unit of enemy paratroopers near Krynky on Monday.",
    ],
)
def test_soldiers_captured_are_a_clash_not_ground_taken(sentence, gazetteer):
    kinds = _kinds(sentence, gazetteer)
    assert kinds and {k for k, _ in kinds} == {EventType.OFFENSIVE}, kinds


def test_a_village_captured_is_still_ground_taken(gazetteer):
    kinds = _kinds("Russian troops captured the village of Krasnohorivka on Monday.", gazetteer)
    assert {k for k, _ in kinds} == {EventType.ADVANCE}
    kinds = _kinds(
        "Russian troops captured a group of villages near Pokrovsk on Monday.", gazetteer
    )
    assert {k for k, _ in kinds} == {EventType.ADVANCE}


def test_settlements_that_were_taken_are_advances_people_taken_somewhere_are_not(gazetteer):
    article = article_from_text(
        "Ocheretyne and Avdiivka were taken by Russian forces, the ministry said. Residents "
        "of Pokrovsk were taken to Dnipro by bus.",
        published=dt.date(2024, 5, 6),
    )
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert {e.place.name for e in events if e.event_type is EventType.ADVANCE} == {
        "Ocheretyne",
        "Avdiivka",
    }


def test_villages_brought_under_a_sides_control_are_advances_a_fire_is_not(gazetteer):
    article = article_from_text(
        "A ministry report said the villages of Ocheretyne and Novoselivka Persha had been "
        "brought under Russian control. A fire at a depot was brought under control in Kharkiv.",
        published=dt.date(2024, 5, 6),
    )
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert {(e.event_type, e.place.name) for e in events} == {
        (EventType.ADVANCE, "Ocheretyne"),
        (EventType.ADVANCE, "Novoselivka Persha"),
    }


def test_damage_a_place_suffered_is_a_strike_but_not_a_floods():
    # a bulletin tells the strike by what the towns underwent; a flood's damage is no strike
    assert _types("Both towns sustained severe damage earlier this month.") == [
        ("attack", "sustained severe damage")
    ]
    assert _types("The district suffered new destruction on Friday.")[0][0] == "attack"
    assert _types("The village suffered heavy damage when the river flooded.") == []


def test_counted_explosions_are_a_strike_not_ground_fighting():
    # a count before "attacks" is troops storming; before "explosions" it is what was heard
    assert _types("Aid workers counted more than 20 explosions in the city overnight.") == [
        ("attack", "explosions")
    ]


def test_troops_that_took_a_named_town_captured_it(gazetteer):
    text = "Moscow says its forces took Ocheretyne on Tuesday after weeks of assaults."
    article = article_from_text(text, published=_PUBLISHED)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [(e.event_type, e.place.name) for e in events] == [(EventType.ADVANCE, "Ocheretyne")]


def test_a_pronoun_that_took_the_town_of_a_place_stands_for_the_army(gazetteer):
    text = (
        "The fall of the city was its largest gain since it took the town of Soledar last winter."
    )
    article = article_from_text(text, published=_PUBLISHED)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [(e.event_type, e.place.name) for e in events] == [(EventType.ADVANCE, "Soledar")]
    assert not _types("It took the town of Soledar ten years to rebuild its mine.")


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv took Washington by surprise with the raid.",
        "Russian troops took part in drills near Belgorod.",
    ],
)
def test_taking_a_capital_by_surprise_or_taking_part_is_no_capture(gazetteer, text):
    article = article_from_text(text, published=_PUBLISHED)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert not [e for e in events if e.event_type is EventType.ADVANCE]


def test_attacks_fought_back_by_troops_are_ground_clashes_not_strikes(gazetteer):
    text = (
        "Over the past day the army fought back all Russian attacks in the directions of "
        "Avdiivka and Marinka."
    )
    article = article_from_text(text, published=dt.date(2023, 11, 13))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert {(e.event_type, e.place.name) for e in events} == {
        (EventType.OFFENSIVE, "Avdiivka"),
        (EventType.OFFENSIVE, "Marinka"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Глава администрации объявил о временном перемещении жителей Токмака и Энергодара.",
        "Окупаційна влада оголосила тимчасове відселення мешканців Токмака та Енергодара.",
    ],
)
def test_a_temporary_relocation_of_residents_in_cyrillic_is_an_evacuation(gazetteer, text):
    article = article_from_text(text, published=dt.date(2023, 5, 6))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    evacuated = {e.place.name for e in events if e.event_type is EventType.EVACUATION}
    assert {"Tokmak", "Enerhodar"} <= evacuated


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the verb of occupying, active and passive with its agent
        ("The town's mayor said Russian troops had occupied about a third of Toretsk.", "Toretsk"),
        ("Mapping analysts say Russian units now occupy the village of Zaporizke.", "Zaporizke"),
        ("The city of Kupiansk was occupied by Russian forces on Sunday.", "Kupiansk"),
        # the simple past, its maker before it and the place right after it
        ("Moscow's troops occupied Zaporizke after a week of assaults.", "Zaporizke"),
        ("The enemy occupied the village of Zaporizke, the brigade said.", "Zaporizke"),
        # a state of control marked as new or whole
        (
            "On Friday the ministry said its troops were now in control of Krasnohorivka.",
            "Krasnohorivka",
        ),
        (
            "Vovchansk is completely under the control of Russian units, the governor said.",
            "Vovchansk",
        ),
        (
            "Neskuchne in Donetsk Oblast is under the Ukrainian flag again, border guards said.",
            "Neskuchne",
        ),
    ],
)
def test_control_held_told_as_news_is_an_advance(gazetteer, text, place):
    article = article_from_text(text, published=dt.date(2024, 10, 15))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert place in {e.place.name for e in events if e.event_type is EventType.ADVANCE}


@pytest.mark.parametrize(
    "text",
    [
        "Residents went back to the occupied part of Kherson Oblast on Monday.",
        # a bare "occupied" with no name right after it took no town
        "The troops occupied new positions west of Kupiansk on Monday, the brigade said.",
        "The troops occupied Ukrainian positions west of Kupiansk on Monday, the brigade said.",
        "Mines cover the fields near Kupiansk that Russian forces occupied in 2022.",
        "Both Huliaipole and Orikhiv remain under Ukrainian control, the governor said.",
        "The situation near Kupiansk is under control, the General Staff said on Monday.",
        "Ukrainian forces are still in control of Kupiansk, the spokesman said on Monday.",
        # who holds the ground is named after "control of", no place
        "He wrote that all land west of the canal is fully under the control of Wagner.",
    ],
)
def test_control_as_things_stand_or_its_holder_is_no_advance(gazetteer, text):
    article = article_from_text(text, published=dt.date(2024, 10, 15))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert not [e for e in events if e.event_type is EventType.ADVANCE]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kupiansk was retaken by Ukrainian troops on Monday.",
        "Kupiansk was retaken by the Ukrainian army on Monday.",
        "Kupiansk has been retaken, the general said on Monday.",
    ],
)
def test_a_town_retaken_told_in_the_passive_is_an_advance(sentence, gazetteer):
    assert _kinds(sentence, gazetteer) == {(EventType.ADVANCE, "Kupiansk")}


def test_retaken_without_a_passive_or_ground_is_no_advance(gazetteer):
    assert _kinds("In Kupiansk the wounded have retaken buses home.", gazetteer) == set()


# An evacuation told in the active voice of taking people out: the people are named, the
# place follows "out of" or "from".
@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Regional officials began this morning to take children out of Vovchansk.", "Vovchansk"),
        ("On Monday police officers took out some thirty residents from Toretsk.", "Toretsk"),
        ("Rescue crews are taking elderly villagers out of Kupiansk by bus.", "Kupiansk"),
    ],
)
def test_people_taken_out_of_a_town_are_an_evacuation(gazetteer, sentence, place):
    assert (EventType.EVACUATION, place) in _kinds(sentence, gazetteer)


@pytest.mark.parametrize(
    "sentence",
    [
        "The mother took her children out of school in Kharkiv.",
        "Firefighters took two people out of the rubble in Kharkiv.",
        "Gunners took out three tanks near Kupiansk.",
    ],
)
def test_people_taken_from_a_school_or_rubble_are_no_evacuation(gazetteer, sentence):
    # beside an evacuation told the same way, which is one
    told = "Police took out 25 residents from Vovchansk. " + sentence
    assert {(k, p) for k, p in _kinds(told, gazetteer) if k is EventType.EVACUATION} == {
        (EventType.EVACUATION, "Vovchansk")
    }


def test_victims_who_were_evacuating_tell_no_evacuation_but_evacuees_do(gazetteer):
    # what the dead were doing when the drone struck is no evacuation of its own
    struck = (
        "A drone hit a minibus outside Vovchansk. Six people died, among them villagers "
        "who were evacuating with their belongings."
    )
    assert EventType.EVACUATION not in {k for k, _ in _kinds(struck, gazetteer)}
    arrived = "Families who were evacuated from Vovchansk reached Kharkiv by bus on Monday."
    assert (EventType.EVACUATION, "Vovchansk") in _kinds(arrived, gazetteer)


def test_a_condition_is_no_event_but_the_advance_it_follows_is(gazetteer):
    text = (
        "Russian troops advanced towards Pokrovsk on Sunday, the mayor said. "
        '"If they keep advancing towards Myrnohrad, we will have to extend the curfew," '
        "he added."
    )
    assert {p for k, p in _kinds(text, gazetteer) if k is EventType.ADVANCE} == {"Pokrovsk"}


@pytest.mark.parametrize(
    "sentence",
    [
        # a gain denied with "any" between the negation and the noun
        "Near Kurakhove, Russian troops did not achieve any verified gains on Sunday.",
        # a claim conceded, then refuted by the main clause
        "Despite claims of advances near Siversk, analysts saw no change on Sunday.",
        # what an offensive word qualifies is an intention, not fighting
        "Commanders warn of Russian offensive intentions near Orikhiv.",
        "The army revealed enemy assault plans toward Huliaipole.",
    ],
)
def test_denied_conceded_or_intended_ground_fighting_makes_no_event(gazetteer, sentence):
    kinds = {k for k, _ in _kinds(sentence, gazetteer)}
    assert not kinds & {EventType.ADVANCE, EventType.OFFENSIVE}


def test_an_undated_capture_named_as_a_time_is_background_a_dated_one_stays(gazetteer):
    # the capture is when the main clause happens, told with no day: the news's setting
    text = "Enemy units are digging in following the withdrawal from Vuhledar, the brigade said."
    assert EventType.ADVANCE not in {k for k, _ in _kinds(text, gazetteer)}
    text = "Enemy units are digging in after the fall of Vuhledar, the brigade said."
    assert EventType.ADVANCE not in {k for k, _ in _kinds(text, gazetteer)}
    # with its own day it is a happening to code
    text = "Enemy units are digging in after the fall of Vuhledar on Tuesday, the brigade said."
    assert (EventType.ADVANCE, "Vuhledar") in _kinds(text, gazetteer)


def test_people_left_in_a_village_are_those_who_remain(gazetteer):
    text = (
        "Three hamlets that lie nearer the frontier than Vovchansk are nearly deserted, the "
        "mayor said. There are only three residents left in one of the hamlets."
    )
    article = article_from_text(text, published=dt.date(2023, 5, 10))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert not [e for e in events if e.event_type is EventType.DISPLACEMENT]


def test_people_who_left_a_town_still_fled(gazetteer):
    text = "About 400 residents left Vovchansk last week, the local head said."
    article = article_from_text(text, published=dt.date(2023, 5, 10))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [(e.event_type, e.place.name) for e in events] == [(EventType.DISPLACEMENT, "Vovchansk")]


def test_clause_tail_and_head_cut_as_a_split_on_clause_marks() -> None:
    # the finds that replaced the split around every trigger cut the same clause, slice
    # bounds out of order or past the text included
    text = "Near Varvarivka, troops advanced; shelling: two hit, one spared"
    mark = re.compile(r"[,;:]")
    n = len(text)
    for lo in range(0, n + 3, 3):
        for hi in range(0, n + 5, 2):
            assert triggers.clause_tail(text, lo, hi) == mark.split(text[lo:hi])[-1]
            assert triggers.clause_head(text, lo, hi) == mark.split(text[lo:hi])[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "Defenders repelled Russian advances near Pokrovsk on Tuesday, the brigade said.",
        "The brigade halted the enemy's advance on Kupiansk overnight.",
        "Russian advances toward Siversk were stopped on Tuesday, the army said.",
    ],
)
def test_an_advance_the_other_side_held_back_is_fighting_not_a_gain(gazetteer, sentence):
    kinds = {k for k, _ in _kinds(sentence, gazetteer)}
    assert EventType.OFFENSIVE in kinds
    assert EventType.ADVANCE not in kinds


def test_an_advance_made_is_still_a_gain(gazetteer):
    text = "Russian forces made advances near Pokrovsk on Tuesday, the army said."
    assert (EventType.ADVANCE, "Pokrovsk") in _kinds(text, gazetteer)


@pytest.mark.parametrize(
    "sentence",
    [
        "Enemy troops pushed into the village of Ocheretyne on Friday, analysts said.",
        "Enemy troops pushed deeper into the town of Toretsk on Friday, analysts said.",
        "The invaders are moving further into the town of Toretsk, analysts said.",
    ],
)
def test_troops_that_pushed_into_a_settlement_gained_ground(gazetteer, sentence):
    kinds = _kinds(sentence, gazetteer)
    assert {k for k, _ in kinds} == {EventType.ADVANCE}


def test_troops_that_pushed_into_an_oblast_made_an_incursion(gazetteer):
    text = "Ukrainian units pushed deeper into the Kursk region on Friday, analysts said."
    assert _kinds(text, gazetteer) == {(EventType.OFFENSIVE, "Kursk Oblast")}
    # the gain verb governs the list after it: "as well as near X" was entered too
    text = (
        "The invaders seized Urozhaine and pushed into the village of Staromaiorske, as well "
        "as near Myrne."
    )
    kinds = _kinds(text, gazetteer)
    assert {k for k, _ in kinds} == {EventType.ADVANCE}
    assert (EventType.ADVANCE, "Myrne") in kinds


@pytest.mark.parametrize(
    "sentence",
    [
        # what a defence repelled, told after the attack's town
        "An enemy attack on the village of Urozhaine was repelled on Monday.",
        # the means of a storm
        "Enemy troops attacked the town of Toretsk with tanks and infantry on Monday.",
        # the side it came from
        "The invaders attacked Toretsk from the south on Monday, the brigade said.",
        # a raid's men
        "A sabotage group attacked the village of Urozhaine on Monday.",
    ],
)
def test_an_attack_told_as_troops_on_the_ground_is_an_offensive(sentence):
    kinds = {k for k, w in _types(sentence) if w.startswith("attack")}
    assert kinds == {"offensive"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The enemy attacked Toretsk with glide bombs from the south on Monday.",
        "An enemy attack on the village of Urozhaine killed a man on Monday.",
        "Russian forces attacked the town of Toretsk overnight, the governor said.",
    ],
)
def test_an_attack_with_a_weapon_a_toll_or_nothing_more_stays_a_strike(sentence):
    kinds = {k for k, w in _types(sentence) if w.startswith("attack")}
    assert kinds == {"attack"}


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Enemy units moved forward near Toretsk on Monday, the ministry said.", "Toretsk"),
        ("The brigade improved its positions near Toretsk on Monday, the army said.", "Toretsk"),
        ("Enemy troops made progress near Toretsk on Monday, analysts said.", "Toretsk"),
        ("Enemy troops gained a foothold in Toretsk on Monday, analysts said.", "Toretsk"),
    ],
)
def test_a_claimed_gain_short_of_a_capture_is_an_advance(gazetteer, sentence, place):
    assert (EventType.ADVANCE, place) in _kinds(sentence, gazetteer)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # an armed side's own verb of damage
        ("The Russian occupiers damaged a gas pipe in Nikopol overnight.", "Nikopol"),
        ("The enemy wrecked three outbuildings in Marhanets.", "Marhanets"),
        ("On Monday the occupiers destroyed a private house in Marhanets.", "Marhanets"),
        # strike verbs of wire copy
        ("Russian guns pounded the outskirts of Kherson all night.", "Kherson"),
        ("Enemy troops hammered Kupiansk with heavy artillery.", "Kupiansk"),
        ("On Friday shells rained down on Vovchansk again.", "Vovchansk"),
        ("A Shahed drone crashed into a garage in Nikopol.", "Nikopol"),
        ("A rocket landed near a kindergarten in Marhanets on Sunday.", "Marhanets"),
        ("Debris of a downed missile fell on a farm near Izmail.", "Izmail"),
        ("The occupiers used mortars against Bilozerka in the morning.", "Bilozerka"),
    ],
)
def test_a_strike_told_by_a_verb_of_damage_or_of_wire_copy_is_an_attack(gazetteer, sentence, place):
    assert (EventType.ATTACK, place) in _kinds(sentence, gazetteer)


@pytest.mark.parametrize(
    "sentence",
    [
        "The reform moved forward in Toretsk on Monday, the mayor said.",
        "The party improved its position in Toretsk on Monday, pollsters said.",
    ],
)
def test_a_gain_told_of_no_army_is_no_advance(gazetteer, sentence):
    assert EventType.ADVANCE not in {k for k, _ in _kinds(sentence, gazetteer)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The spring flood damaged two bridges in Nikopol.",
        "The damaged houses in Marhanets will be rebuilt by the council.",
        "Grain prices fell on Monday in Izmail.",
        "The minister's plane landed in Kherson at noon.",
        "Heavy rain pounded Kupiansk for three days.",
        "A lorry crashed into a shop in Marhanets.",
    ],
)
def test_verbs_of_damage_or_wire_copy_without_a_war_make_no_strike(gazetteer, sentence):
    assert not [k for k in _kinds(sentence, gazetteer) if k[0] is EventType.ATTACK]


@pytest.mark.parametrize(
    ("sentence", "etype", "place"),
    [
        ("Families continue to leave Vovchansk every day.", EventType.DISPLACEMENT, "Vovchansk"),
        ("Villagers began to leave Kupiansk in late May.", EventType.DISPLACEMENT, "Kupiansk"),
        (
            "Moscow's army has crept forward, claiming the Donetsk town of Marinka last winter.",
            EventType.ADVANCE,
            "Marinka",
        ),
        ("Assault groups broke into Vovchansk from the north.", EventType.ADVANCE, "Vovchansk"),
    ],
)
def test_leaving_claiming_a_town_and_breaking_into_one_make_their_event(
    gazetteer, sentence, etype, place
):
    assert (etype, place) in _kinds(sentence, gazetteer)


@pytest.mark.parametrize(
    "sentence",
    [
        "Enemy units began to leave Synkivka after the shelling.",
        "Looters broke into a kiosk in Vovchansk.",
        "The strike claimed the lives of two pensioners in Marinka.",
    ],
)
def test_troops_leaving_a_burglary_and_lives_claimed_are_no_flight_or_gain(gazetteer, sentence):
    kinds = {k[0] for k in _kinds(sentence, gazetteer)}
    assert not kinds & {EventType.DISPLACEMENT, EventType.ADVANCE}


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Analysts said the push by Ukrainian units was some 15 km deep into Kursk.", "Kursk"),
        ("Russian troops pushed six kilometres into the Sumy region.", "Sumy Oblast"),
    ],
)
def test_ground_told_by_its_depth_is_an_advance(gazetteer, sentence, place):
    assert (EventType.ADVANCE, place) in _kinds(sentence, gazetteer)


def test_a_distance_that_is_no_ground_gained_is_no_advance(gazetteer):
    kinds = _kinds("The depot lies 20 km inside the Sumy region, the mayor said.", gazetteer)
    assert not [k for k in kinds if k[0] is EventType.ADVANCE]


@pytest.mark.parametrize(
    ("sentence", "etype", "place"),
    [
        (
            "Some 3,000 residents have left the town of Kupiansk since March.",
            EventType.DISPLACEMENT,
            "Kupiansk",
        ),
        ("Debris fell in the Sumy region overnight.", EventType.ATTACK, "Sumy Oblast"),
    ],
)
def test_people_who_left_the_town_of_x_and_debris_that_fell_in_it(
    gazetteer, sentence, etype, place
):
    assert (etype, place) in _kinds(sentence, gazetteer)


def test_prices_that_fell_in_a_region_are_no_strike(gazetteer):
    assert not _kinds("Bread prices fell in the Sumy region in March.", gazetteer)


@pytest.mark.parametrize(
    "text",
    [
        "Backed by heavy guns, the invading units are trying to block off Sievierodonetsk "
        "from the west, the governor said on Monday.",
        "Russian forces attempted to blockade Avdiivka from the north on Monday.",
    ],
)
def test_a_siege_attempt_is_ground_fighting_at_the_town(gazetteer, text):
    article = article_from_text(text, published=dt.date(2022, 6, 1))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [e.event_type for e in events] == [EventType.OFFENSIVE]


@pytest.mark.parametrize(
    "sentence",
    [
        "The village came under mortar fire; a man was wounded.",
        "The town came under tank fire in the morning.",
        "The port came under air attack overnight.",
    ],
)
def test_coming_under_fire_of_a_named_weapon_is_a_strike(sentence):
    assert [kind for kind, _ in _types(sentence)] == ["attack"]


# Round 13 (type13): a capture named as one aim among several of a side is no happening.
def test_a_capture_named_as_one_of_a_sides_goals_is_no_trigger() -> None:
    text = "Seizing all of Zaporizhzhia is one of Moscow's stated war aims."
    assert not [t for t in _triggers(text) if t.type is EventType.ADVANCE]


# Round 13 (type13): a gain word whose object is no ground, and "advance" that is no move.
@pytest.mark.parametrize(
    "sentence",
    [
        "Customs officers in Izmail seized a consignment of drone parts on Friday.",
        "Investigators seized computers and papers at an office in Poltava.",
        "The navy said it seized a cargo vessel off Ochakiv on Friday.",
        "Ukrainian troops seized the initiative west of Kreminna.",
        "Police in Sumy captured two suspected saboteurs on Friday.",
        "A dashboard camera captured the moment a missile fell in Poltava.",
        "Villagers near Izium were given advance notice of the shelling.",
        "The brigade prepared its defences near Kreminna well in advance.",
        "Partners pledged more advanced air defence to protect Poltava.",
        # the forward troops named by the adjective (issue 10, helper spur17)
        '"Our advance units are now fighting at the edge of Kreminna," the corps said.',
        "An advance party of marines waited near Kherson.",
    ],
)
def test_a_gain_word_that_takes_no_ground_is_no_advance(sentence) -> None:
    assert not [t for t in _triggers(sentence) if t.type is EventType.ADVANCE]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian troops seized the village of Makiivka on Friday.",
        "Ukrainian units captured a strategic height west of Kreminna.",
        "Russian forces struck Lyptsi and advanced several kilometres toward Hlyboke.",
        "The most advanced Russian units reached the edge of Kreminna on Friday.",
    ],
)
def test_a_gain_word_that_takes_ground_stays(sentence) -> None:
    assert [t for t in _triggers(sentence) if t.type is EventType.ADVANCE]


def test_a_capture_among_a_sides_goals_past_a_relative_clause_is_no_trigger() -> None:
    text = (
        "The seizure of Kherson Oblast, which Moscow claimed to annex in 2022, is among "
        "the main aims of the campaign."
    )
    assert not [t for t in _triggers(text) if t.type is EventType.ADVANCE]


def test_land_as_the_ground_itself_is_no_strike_verb() -> None:
    text = "Russian troops seized 90 square kilometres of land in Sumy Oblast in March."
    assert not [t for t in _triggers(text) if t.type is EventType.ATTACK]


def test_an_attack_that_failed_to_take_a_village_is_ground_fighting() -> None:
    text = "The occupiers attacked Synkivka on Friday but failed to take it, the brigade said."
    assert [t.type for t in _triggers(text) if t.text.startswith("attack")] == [EventType.OFFENSIVE]


@pytest.mark.parametrize(
    "sentence",
    [
        "Romania said a drone incursion into its airspace near Galati was recorded on Friday.",
        "The envoy apologised in Odesa for offensive comments on Friday.",
    ],
)
def test_an_incursion_into_airspace_and_offensive_words_are_no_fighting(sentence) -> None:
    assert not [t for t in _triggers(sentence) if t.type is EventType.OFFENSIVE]


def test_troops_attacked_at_a_village_are_ground_fighting() -> None:
    text = "Officials said the raiders attacked Russian border guard units at Tetkino on Friday."
    assert [t.type for t in _triggers(text) if t.text.startswith("attack")] == [EventType.OFFENSIVE]


def test_an_attack_by_troops_in_a_place_names_who_attacked_not_what() -> None:
    # the troops after "by" made the attack; it is no attack on troops met on the ground
    text = "Because of one more attack by Russian troops in the Trostianets area, a dam broke."
    assert [t.type for t in _triggers(text) if t.text.startswith("attack")] == [EventType.ATTACK]


def test_ground_held_since_a_date_is_a_state_not_a_gain() -> None:
    for text in (
        "Moscow's troops have occupied the east of Kherson Oblast since 2022.",
        "The villages near Svatove have been under the control of Russian forces since 2022.",
    ):
        assert not [t for t in _triggers(text) if t.type is EventType.ADVANCE]
    text = "Russian troops had occupied about a third of Kreminna by Friday."
    assert [t for t in _triggers(text) if t.type is EventType.ADVANCE]


def test_the_gated_sentence_patterns_answer_as_their_patterns() -> None:
    from geo.events import backdrop, places, results, tolls

    texts = [
        "As previously reported, residents of the village of Ostriv fled on Monday.",
        "The deaths occurred when shells hit towns across Ukraine, from Lviv to Odesa.",
        "Families had already LEFT; civilians from the town of",
        "RESIDENTS OF ",
        "Regions, stretching from the north to the south",
        "",
    ]
    gated = (
        backdrop._DEPARTURE,
        tolls._DEATHS_ANAPHOR,
        results._SWEEP,
        places._PEOPLE_OF_BEFORE,
    )
    for pattern in gated:
        for text in texts:
            for ask in ("search", "match"):
                got = getattr(pattern, ask)(text)
                want = getattr(pattern.rx, ask)(text)
                assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a ministry's "full" control, a general staff's control restored, a translated
        # "took under control", and troops cleared out of a village
        (
            "Units of the western group established complete control over Kupiansk, the "
            "ministry said on Friday.",
            "Kupiansk",
        ),
        (
            "Our defenders restored control over the village of Ocheretyne in Donetsk Oblast, "
            "the General Staff reported.",
            "Ocheretyne",
        ),
        (
            "On Friday the assault units took under control the village of Ocheretyne in "
            "Donetsk Oblast, the ministry said.",
            "Ocheretyne",
        ),
        (
            "Marines cleared the village of Ocheretyne in Donetsk Oblast of Ukrainian units, "
            "the ministry said on Friday.",
            "Ocheretyne",
        ),
    ],
)
def test_control_established_restored_or_cleared_is_an_advance(gazetteer, text, place):
    article = article_from_text(text, published=dt.date(2024, 10, 15))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert place in {e.place.name for e in events if e.event_type is EventType.ADVANCE}


@pytest.mark.parametrize(
    "text",
    [
        "Traffic police restored control over the roads of Kupiansk on Friday.",
        "Sappers cleared the fields outside Kupiansk of mines on Friday.",
    ],
)
def test_control_of_traffic_or_fields_cleared_of_mines_is_no_advance(gazetteer, text):
    article = article_from_text(text, published=dt.date(2024, 10, 15))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert not [e for e in events if e.event_type is EventType.ADVANCE]


def test_troops_clearing_a_town_is_the_fight_not_its_capture(gazetteer):
    article = article_from_text(
        "Assault groups are clearing the town of Ocheretyne in Donetsk Oblast of the "
        "remaining Ukrainian soldiers, the ministry said on Friday.",
        published=dt.date(2024, 10, 15),
    )
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert {(e.event_type, e.place.name) for e in events} == {(EventType.OFFENSIVE, "Ocheretyne")}


@pytest.mark.parametrize(
    "text",
    [
        # a gerund after a word of time, or a perfect participle: the main clause's earlier
        # time, told with no day of its own
        "Enemy units are digging in near Kurakhove after seizing Vuhledar, the brigade said.",
        "Since retaking Vuhledar, enemy units have been digging in, the brigade said.",
        "Having captured Vuhledar, enemy units turned north, the brigade said.",
    ],
)
def test_an_undated_gain_told_by_a_verb_as_a_time_is_background(gazetteer, text):
    assert (EventType.ADVANCE, "Vuhledar") not in _kinds(text, gazetteer)


def test_a_gain_told_by_a_verb_as_a_time_with_its_own_day_stays(gazetteer):
    text = "Enemy units pressed on towards Kurakhove after capturing Vuhledar on Tuesday."
    assert (EventType.ADVANCE, "Vuhledar") in _kinds(text, gazetteer)


def test_gains_under_way_over_a_whole_region_are_no_advance(gazetteer):
    # how the front stands in a region; a town's gain under way, or a region's done, stays
    text = "In the Kharkiv region, enemy troops kept inching forward as they pressed on west."
    assert EventType.ADVANCE not in {k for k, _ in _kinds(text, gazetteer)}
    text = "Enemy troops are advancing in the Kharkiv region, the governor said on Friday."
    assert EventType.ADVANCE not in {k for k, _ in _kinds(text, gazetteer)}
    text = "Enemy troops advanced in the Kharkiv region on Friday, the governor said."
    assert (EventType.ADVANCE, "Kharkiv Oblast") in _kinds(text, gazetteer)


def _attack_places_of(text, gazetteer):
    article = article_from_text(text, published=dt.date(2024, 5, 8))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return [e.place.name for e in events if e.event_type is EventType.ATTACK]


@pytest.mark.parametrize(
    "text",
    [
        "Russia shells Orikhiv, wounding a pensioner",
        "Three hurt as occupying troops shell the town of Orikhiv",
        "The enemy again shells Orikhiv, the regional governor said on Tuesday.",
    ],
)
def test_a_side_that_shells_a_place_in_the_present_strikes_it(gazetteer, text):
    assert _attack_places_of(text, gazetteer) == ["Orikhiv"]


@pytest.mark.parametrize(
    "text",
    [
        "Mortar shells Orikhiv had stored were moved to the depot.",
        "The brigade said the shells Orikhiv got last spring were faulty.",
    ],
)
def test_shells_as_a_noun_strike_nothing(gazetteer, text):
    assert _attack_places_of(text, gazetteer) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Ukrainian president sat down with NATO leaders at a summit in Madrid on Wednesday.",
        "Kyiv's foreign minister met Western partners in Oslo on Friday to seek more shells.",
        "G7 leaders held talks in Apulia on Thursday about frozen assets.",
        "EU defence ministers met in Prague on Tuesday to agree sanctions against Russia.",
    ],
)
def test_a_summit_of_allies_is_no_negotiation_of_the_war(gazetteer, sentence):
    assert EventType.NEGOTIATION not in {k for k, _ in _kinds(sentence, gazetteer)}


def test_talks_with_the_russian_side_at_an_allies_venue_stay(gazetteer):
    text = "Russian and Ukrainian negotiators met in Geneva on Friday, with EU envoys present."
    assert (EventType.NEGOTIATION, "Geneva") in _kinds(text, gazetteer)


def test_a_gain_participle_after_the_and_an_adverb_names_the_place(gazetteer):
    text = "Farmers in the recently liberated villages near Balakliia still have no water."
    assert EventType.ADVANCE not in {k for k, _ in _kinds(text, gazetteer)}


def test_what_a_condition_would_bring_is_no_event() -> None:
    # the main clause after "If ...," is in the conditional: nothing in it happened
    for text in (
        "If verified, the step would be the first Russian push into the province, which had "
        "escaped the battles seen in Kharkiv.",
        "If true, the seizure of Hulivka will be Moscow's largest gain of the month.",
        "But if the claim holds, it could mean troops have captured Bilenke.",
        # the inverted condition, and a condition set between commas
        "Should the enemy seize Hulivka, the road north would be cut.",
        "Were the invaders to take Bilenke, the river line would fall too.",
        "Moscow's seizure of Hulivka, if true, would be a rare gain this month.",
    ):
        assert not [t for t in _triggers(text) if t.type is not EventType.STATEMENT], text
    # a plain sentence after a condition told elsewhere keeps its events
    plain = _triggers("Russian troops captured Hulivka, the ministry said.")
    assert next(t.type for t in plain) is EventType.ADVANCE


def test_a_gain_or_a_fight_told_as_an_undated_time_is_background() -> None:
    for text in (
        "Since seizing Hulivka, the Russian army has kept moving west.",
        "The army turned south after losing momentum near Sumy and abandoning an offensive "
        "on Kharkiv.",
        "Following retaking Bilenke, the brigade dug in.",
    ):
        assert not [
            t for t in _triggers(text) if t.type in (EventType.ADVANCE, EventType.OFFENSIVE)
        ], text
    # its own time keeps it; the noun "fighting" after "after" is the fight itself
    text = "Since seizing Hulivka in March, the Russian army has kept moving west."
    assert [t for t in _triggers(text) if t.type is EventType.ADVANCE]
    text = "The army took Hulivka after fighting that lasted a month."
    assert [t for t in _triggers(text) if t.type is EventType.OFFENSIVE]


def test_attacks_carried_out_in_any_tense_by_troops_are_ground_fighting() -> None:
    text = "Moscow is carrying out heavy attacks in many parts of the southern front."
    assert [t.type for t in _triggers(text)] == [EventType.OFFENSIVE]
    text = "Moscow is carrying out heavy attacks on Sumy, firing glide bombs."
    assert EventType.OFFENSIVE not in [t.type for t in _triggers(text)]


def test_an_assault_told_with_the_weapon_it_was_made_with_is_a_strike() -> None:
    for text in (
        "The occupiers launched an attack on Hulivka with guided bombs.",
        "The enemy carried out an assault on Bilenke with kamikaze drones, wounding a man.",
        "Moscow stepped up attacks on Sumy, firing ballistic missiles at its suburbs.",
    ):
        assert next(t.type for t in _triggers(text)) is EventType.ATTACK, text
    # tanks and infantry are a storm's means; a defence repels an assault with its drones
    for text in (
        "The occupiers launched an assault on Hulivka with tanks and drones.",
        "Our unit repelled an assault on Bilenke with drones.",
        "The occupiers launched an assault on Hulivka, while jets hit Sumy with missiles.",
    ):
        assert next(t.type for t in _triggers(text)) is EventType.OFFENSIVE, text


def test_an_advance_told_by_its_goal_is_the_push_and_an_ordered_gain_no_gain() -> None:
    for text in (
        "Russian units keep steadily advancing towards Hulivka.",
        "The enemy advance toward Bilenke has sped up this month.",
    ):
        assert [t.type for t in _triggers(text)] == [EventType.OFFENSIVE], text
    # ground taken at the place, or the advance on it reported, stays a gain
    for text in (
        "Russian units advanced into Hulivka on Monday.",
        "Bloggers wrote about the advance on Hulivka.",
    ):
        assert EventType.ADVANCE in [t.type for t in _triggers(text)], text
    for text in (
        "The Kremlin ordered its generals to capture all of Hulivka by spring.",
        "The brigade was tasked with seizing Bilenke.",
    ):
        assert EventType.ADVANCE not in [t.type for t in _triggers(text)], text


def test_launchers_and_aircraft_are_a_strikes_means_and_fire_support_an_assaults() -> None:
    for text in (
        "The enemy carried out 31 attacks using MLRS on our positions near Hulivka.",
        "Enemy aircraft attacked the defenders' positions near Bilenke.",
    ):
        assert EventType.OFFENSIVE not in [t.type for t in _triggers(text)], text
    for text in (
        "The invaders attacked near Hulivka with the support of aviation and artillery.",
        "The enemy attacked our positions near Bilenke, backed by drones.",
    ):
        assert [t.type for t in _triggers(text)] == [EventType.OFFENSIVE], text


def test_one_assault_on_a_place_marked_by_a_weapon_toll_damage_or_the_night_is_a_strike() -> None:
    for text in (
        "Moscow's overnight assault on Hulivka left four dead.",
        "The assault on Bilenke involved 30 drones and two missiles.",
        "Moscow launched a fresh assault on Hulivka, damaging the water supply.",
    ):
        assert next(t.type for t in _triggers(text)) is EventType.ATTACK, text
    for text in (
        "The Russian assault on Hulivka went on for a third day.",
        "Defenders repelled an assault on Bilenke, killing ten attackers.",
        "Infantry backed by tanks mounted an assault on Hulivka overnight.",
    ):
        assert next(t.type for t in _triggers(text)) is EventType.OFFENSIVE, text


def test_leaving_or_entering_by_a_civilian_body_or_from_an_agreement_takes_no_ground() -> None:
    for text in (
        "Moscow withdrew from the river shipping pact in June, citing Hulivka's port.",
        "Two foreign banks withdrew from Bilenke after the strikes.",
        "Inspectors of the IAEA entered the Hulivka power station on Friday.",
        "Relief convoys entered Bilenke for the first time since spring.",
        "Kyiv said its units had regained momentum near Hulivka.",
    ):
        assert EventType.ADVANCE not in [t.type for t in _triggers(text)], text
    for text in (
        "Russian assault units entered Hulivka on Friday.",
        "Ukrainian troops withdrew from Bilenke to better positions.",
    ):
        assert EventType.ADVANCE in [t.type for t in _triggers(text)], text


def test_an_attack_made_by_ground_troops_is_fighting_and_its_toll_or_damage_a_strike() -> None:
    for text in (
        "Russian marines attacked the hamlet of Sosnivka at dawn.",
        "Storm groups had again attacked Hlyboke before noon.",
        "Paratroopers pressed their attack on Zelenyi Pid for a second day.",
        "The battalion attacked Hlyboke from two sides.",
    ):
        assert [t.type for t in _triggers(text)] == [EventType.OFFENSIVE], text
    for text in (
        "Russian marines attacked the hamlet of Sosnivka, killing a tractor driver.",
        "Russian troops attacked Hlyboke and a pumping station was damaged.",
        "A pensioner was hurt when Russian troops attacked overnight.",
        "Russian forces attacked Sosnivka at dawn.",
        "Russian marines attacked Hlyboke with kamikaze drones.",
    ):
        assert [t.type for t in _triggers(text)][:1] == [EventType.ATTACK], text


def test_armies_that_clashed_or_fought_at_a_place_are_ground_fighting() -> None:
    for text in (
        "Ukrainian soldiers clashed with enemy units near Sosnivka on Friday.",
        "The two armies fought in the streets of Hlyboke overnight.",
        "Russian troops fought their way into the outskirts of Sosnivka.",
        "Both sides fought to hold the railway station of Hlyboke.",
        "Ukrainian brigades are attacking near Sosnivka.",
    ):
        assert EventType.OFFENSIVE in [t.type for t in _triggers(text)], text
    for text in (
        "Protesters clashed with police in Hlyboke on Friday.",
        "Veterans who fought in Sosnivka laid flowers.",
        "Firefighters fought for hours to contain the blaze.",
    ):
        assert EventType.OFFENSIVE not in [t.type for t in _triggers(text)], text


def test_a_drive_on_a_town_or_an_attack_to_take_it_is_fighting_no_gain_and_no_strike() -> None:
    assert [t.type for t in _triggers("Enemy troops are advancing on Hlyboke.")] == [
        EventType.OFFENSIVE
    ]
    assert [t.type for t in _triggers("Enemy troops are pressing towards Hlyboke.")] == [
        EventType.OFFENSIVE
    ]
    assert [t.type for t in _triggers("Enemy troops advanced on Hlyboke on Friday.")] == [
        EventType.ADVANCE
    ]
    text = "Russia has been attacking Sosnivka for a month in an effort to take it."
    assert [t.type for t in _triggers(text)] == [EventType.OFFENSIVE]
    text = "Russia has been attacking Sosnivka for a month with glide bombs."
    assert EventType.ATTACK in [t.type for t in _triggers(text)]


def test_an_assault_on_a_place_in_the_night_or_hitting_a_building_is_a_strike() -> None:
    for text in (
        "Moscow renewed its assault on Hulivka overnight.",
        "Moscow renewed its assault on Hulivka, hitting a clinic and a bakery.",
    ):
        assert next(t.type for t in _triggers(text)) is EventType.ATTACK, text


def test_people_moved_out_by_any_verb_are_evacuated_and_troops_pulled_out_withdrew() -> None:
    for text in (
        "Volunteers brought 85 civilians out of Hlyboke on Friday.",
        "Police officers pulled nine residents out of Sosnivka under fire.",
        "Rescuers helped some 40 villagers leave Hlyboke.",
        "Shelling forced the authorities to move residents out of Sosnivka.",
    ):
        assert EventType.EVACUATION in [t.type for t in _triggers(text)], text
    text = "Ukrainian commanders pulled their troops out of Sosnivka on Friday."
    assert [t.type for t in _triggers(text)] == [EventType.ADVANCE]


def test_mopping_up_holding_the_line_and_a_garrison_surrounded_are_ground_fighting() -> None:
    for text in (
        "Its units were mopping up enemy servicemen in the hamlet of Sosnivka.",
        "Two brigades are holding the line near Hlyboke.",
        "The enemy garrison of Sosnivka was surrounded and wiped out.",
        "Our infantry had some success in pushing Russia's troops back from Hlyboke.",
    ):
        assert [t.type for t in _triggers(text)][:1] == [EventType.OFFENSIVE], text
    for text in (
        "The garden was surrounded by a high fence.",
        "Workers were mopping up the water in the basement.",
        "Ukrainian forces pushed Russia's troops back from Hlyboke.",
    ):
        assert EventType.OFFENSIVE not in [t.type for t in _triggers(text)], text


def test_a_fight_that_entered_a_span_of_time_took_no_ground_and_a_counterattack_is_one() -> None:
    text = "The Russian push on Sosnivka entered its second month on Friday."
    assert EventType.ADVANCE not in [t.type for t in _triggers(text)]
    text = "Russian troops entered the village of Sosnivka on Friday."
    assert [t.type for t in _triggers(text)] == [EventType.ADVANCE]
    text = "Ukrainian marines counterattacked near Hlyboke on Friday."
    assert [t.type for t in _triggers(text)] == [EventType.OFFENSIVE]


def test_a_town_taken_in_a_participle_after_an_armys_clause_is_a_gain() -> None:
    text = "The brigade pushed on past Sosnivka, taking the village of Hlyboke."
    assert EventType.ADVANCE in [t.type for t in _triggers(text)]
    for text in (
        "Families left Sosnivka, taking the road to the west.",
        "Planners talked about taking the village of Hlyboke back.",
    ):
        assert EventType.ADVANCE not in [t.type for t in _triggers(text)], text


@pytest.mark.parametrize(
    "second",
    [
        # the scope told with "also affect", the settlements given by "such ... as"
        "The evacuation will also affect residents of Rodynske, Hnativka, Lysivka and other "
        "villages.",
        "Specifically, the evacuation will also cover families of such villages as Zorianivka, "
        "Rodynske, Hnativka, Lysivka and other nearby hamlets.",
    ],
)
def test_the_scope_of_an_order_told_before_names_its_settlements(gazetteer, second):
    first = "On Monday the regional governor announced a mandatory evacuation from Myrnohrad."
    found = _evacuations(f"{first} {second}", gazetteer, published=dt.date(2024, 8, 20))
    assert {"Rodynske", "Hnativka", "Lysivka"} <= set(found)


def test_a_mop_up_after_a_flood_is_no_fighting(gazetteer):
    kinds = _kinds("Volunteers joined the mop-up after the floods in Siversk on Sunday.", gazetteer)
    assert not {k for k, _ in kinds} & {EventType.OFFENSIVE, EventType.ADVANCE}


def test_people_who_abandoned_their_village_made_no_withdrawal(gazetteer):
    kinds = _kinds("Many families abandoned the village of Siversk on Sunday.", gazetteer)
    assert EventType.ADVANCE not in {k for k, _ in kinds}


# Round 16 (fight16): ground fighting told by a tried capture, a moving army, an assault verb,
# a plural incursion, men taken in a group; a governor's count of strikes with its toll.
@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The occupiers tried to take Sosnivka on Friday but were beaten back.", "Sosnivka"),
        ("Enemy units attempted to establish control over Hlyboke.", "Hlyboke"),
        ("Two Ukrainian brigades moved towards Siversk on Friday.", "Siversk"),
        ("Enemy infantry assaulted the village of Hlyboke twice.", "Hlyboke"),
        ("Border guards beat back two incursions into Tetkino on Friday.", "Tëtkino"),
        ("Marines captured a group of enemy paratroopers near Siversk.", "Siversk"),
    ],
)
def test_a_tried_capture_a_moving_army_and_an_assault_are_ground_fighting(
    gazetteer, sentence, place
):
    kinds = _kinds(sentence, gazetteer)
    assert (EventType.OFFENSIVE, place) in kinds, kinds
    assert EventType.ADVANCE not in {k for k, _ in kinds}


# --- Round 16: gain16 (how ground changing hands is told) ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The new mayor tried to take control of the situation in Siversk.",
        "Hundreds of families moved towards Siversk on Friday.",
        "A drunk man assaulted a bus driver in Siversk on Friday.",
    ],
)
def test_control_of_a_situation_families_moving_and_a_brawl_are_no_fighting(gazetteer, sentence):
    kinds = {k for k, _ in _kinds(sentence, gazetteer)}
    assert not kinds & {EventType.OFFENSIVE, EventType.ADVANCE}, kinds


def test_men_captured_in_a_group_were_fought_not_tried(gazetteer):
    article = article_from_text(
        "Marines captured a group of enemy paratroopers near Siversk.", published=_PUBLISHED
    )
    (event,) = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert event.event_type is EventType.OFFENSIVE
    assert event.status is EventStatus.HAPPENED


def test_counted_attacks_on_a_region_with_a_toll_are_strikes(gazetteer):
    text = "Russian troops launched 35 attacks against Kharkiv Oblast, injuring three people."
    assert (EventType.ATTACK, "Kharkiv Oblast") in _kinds(text, gazetteer)
    text = "Russian troops launched 35 attacks on Hlyboke over the past day."
    assert (EventType.OFFENSIVE, "Hlyboke") in _kinds(text, gazetteer)


def test_an_attack_toward_a_town_is_a_drive_on_the_ground(gazetteer):
    text = "Enemy units kept attacking towards Hlyboke on Friday."
    assert (EventType.OFFENSIVE, "Hlyboke") in _kinds(text, gazetteer)
    text = "Drones flew towards Sumy and attacked the city on Friday."
    assert (EventType.ATTACK, "Sumy") in _kinds(text, gazetteer)


def test_a_breakthrough_of_a_defence_or_a_border_is_fighting_and_one_in_talks_is_not(gazetteer):
    text = "The push opened with a swift breakthrough of the enemy's defence near Hlyboke."
    assert (EventType.OFFENSIVE, "Hlyboke") in _kinds(text, gazetteer)
    text = "Officials spoke of a breakthrough in the grain talks held in Istanbul."
    assert EventType.OFFENSIVE not in {k for k, _ in _kinds(text, gazetteer)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Border units beat back an enemy attempt to retake Hlyboke.",
        "The enemy made two failed attempts to restore its lost positions west of Hlyboke.",
    ],
)
def test_a_tried_retaking_of_a_town_or_of_lost_positions_is_fighting(gazetteer, sentence):
    kinds = _kinds(sentence, gazetteer)
    assert (EventType.OFFENSIVE, "Hlyboke") in kinds, kinds
    assert EventType.ADVANCE not in {k for k, _ in kinds}


@pytest.mark.parametrize(
    "sentence",
    [
        "Enemy sabotage groups tried to enter Hlyboke at dawn.",
        "Ukrainian units staged an attack on Tetkino on Friday.",
        "Its forces mounted a cross-border raid on Tetkino on Friday.",
    ],
)
def test_entering_tried_a_staged_attack_and_a_cross_border_raid_are_ground_fighting(
    gazetteer, sentence
):
    assert EventType.OFFENSIVE in {k for k, _ in _kinds(sentence, gazetteer)}, sentence


def test_residents_trying_to_enter_a_town_and_a_staged_missile_strike_are_no_fight(gazetteer):
    assert not _kinds("Dozens of residents tried to enter Siversk on Friday.", gazetteer)
    text = "Russia staged a massive missile attack on Sumy on Friday."
    assert {k for k, _ in _kinds(text, gazetteer)} == {EventType.ATTACK}


def test_troops_backed_by_armour_storm_a_village_and_a_toll_keeps_the_strike(gazetteer):
    text = "Enemy troops backed by tanks attacked Hlyboke on Friday."
    assert {k for k, _ in _kinds(text, gazetteer)} == {EventType.OFFENSIVE}
    text = "Enemy troops backed by artillery attacked Hlyboke on Friday, killing a woman."
    assert {k for k, _ in _kinds(text, gazetteer)} == {EventType.ATTACK}


# --- the fighting word as the name of a kind of unit (issue 10, helper spur16) ---


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops launched an assault on Ocheretyne at dawn.",
        "The assault on Opytne went on for a third day.",
        "Moscow's forces stormed Pervomaiske, the governor said.",
    ],
)
def test_an_assault_told_as_fighting_stays(text):
    assert "offensive" in {kind for kind, _ in _types(text)}


# --- fighting sought again, not going on (issue 10, helper spur16) ---


@pytest.mark.parametrize(
    "text",
    [
        "Moscow's troops are trying to resume offensive actions in the Siversk direction.",
        "The enemy is attempting to renew its assaults on Chasiv Yar, the spokesman said.",
        "Russian units have sought to restart the offensive toward Orikhiv.",
    ],
)
def test_trying_to_resume_fighting_tells_no_fight_going_on(text):
    assert "offensive" not in {kind for kind, _ in _types(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Russian units resumed offensive actions near Siversk on Monday.",
        "Russian units kept up their assaults on Chasiv Yar.",
    ],
)
def test_fighting_resumed_or_tried_stays(text):
    assert "offensive" in {kind for kind, _ in _types(text)}


@pytest.mark.parametrize(
    "sentence",
    [
        "On Tuesday the marines captured a group of enemy soldiers near Kreminna.",
        "Paratroopers captured a unit of Russian marines in Kreminna, the army said.",
        "The brigade captured a platoon of enemy marines near Kreminna on Sunday.",
    ],
)
def test_a_body_of_men_captured_near_a_town_is_fighting_there(sentence, gazetteer):
    kinds = _kinds(sentence, gazetteer)
    assert (EventType.ADVANCE, "Kreminna") not in kinds
    assert (EventType.OFFENSIVE, "Kreminna") in kinds


def test_a_group_of_villages_captured_is_still_ground_taken(gazetteer):
    kinds = _kinds("Russian troops captured a group of villages around Kupiansk.", gazetteer)
    assert (EventType.ADVANCE, "Kupiansk") in kinds


def test_assault_groups_active_near_a_town_still_fight_there(gazetteer):
    kinds = _kinds("Enemy assault groups remained active near Robotyne on Monday.", gazetteer)
    assert (EventType.OFFENSIVE, "Robotyne") in kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukrainian units achieved further success near Robotyne, the General Staff said.",
        "The defence forces have had success near Robotyne over the past day, a spokesman said.",
        "Our troops de-occupied Robotyne in the Zaporizhzhia region on Monday.",
        "The paratroopers had deoccupied Robotyne by the evening, the brigade reported.",
    ],
)
def test_success_near_a_town_and_its_de_occupation_are_gains(sentence, gazetteer):
    assert (EventType.ADVANCE, "Robotyne") in _kinds(sentence, gazetteer)


@pytest.mark.parametrize(
    "sentence",
    [
        "The party had success in Zaporizhzhia at the local elections.",
        "Ukrainian troops had some success in pushing the Russians back from Robotyne.",
    ],
)
def test_success_that_is_no_ground_won_there_is_no_gain(sentence, gazetteer):
    assert not any(t is EventType.ADVANCE for t, _ in _kinds(sentence, gazetteer))


@pytest.mark.parametrize(
    "sentence",
    [
        "The offensive gave the brigades room to retake ground in the Kherson region.",
        "Ukrainian units retake Vovchansk, the army says.",
    ],
)
def test_retake_in_the_present_or_after_a_verb_of_letting_is_a_gain(sentence, gazetteer):
    assert any(t is EventType.ADVANCE for t, _ in _kinds(sentence, gazetteer))


def test_retake_as_an_aim_is_no_gain(gazetteer):
    kinds = _kinds("Kyiv hopes to retake Vovchansk before the winter.", gazetteer)
    assert not any(t is EventType.ADVANCE for t, _ in kinds)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian units keep up assaults to win back lost positions, after Ukrainian troops "
        "recaptured Robotyne and Verbove.",
        "Shelling of Orikhiv grew heavier since Ukraine's army retook Robotyne.",
    ],
)
def test_a_gain_told_as_the_time_of_another_clause_is_no_event(sentence, gazetteer):
    kinds = _kinds(sentence, gazetteer)
    assert (EventType.ADVANCE, "Robotyne") not in kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "Shelling of Orikhiv grew heavier after Ukraine's army retook Robotyne on 28 August.",
        "After Moscow said its troops had captured Robotyne, Kyiv denied it.",
    ],
)
def test_a_gain_clause_with_its_own_day_or_a_teller_stays(sentence, gazetteer):
    assert (EventType.ADVANCE, "Robotyne") in _kinds(sentence, gazetteer)


def test_a_tried_control_over_towns_is_an_offensive(gazetteer):
    kinds = _kinds(
        "The enemy tried to establish control over Robotyne near Orikhiv but failed.", gazetteer
    )
    assert (EventType.OFFENSIVE, "Robotyne") in kinds
    assert not any(t is EventType.ADVANCE for t, _ in kinds)


def test_control_established_is_still_a_gain(gazetteer):
    kinds = _kinds("Russian units established full control over Robotyne on Monday.", gazetteer)
    assert (EventType.ADVANCE, "Robotyne") in kinds


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        # a hold on the places sought, not won: fighting, tried
        (
            "Russian troops tried to establish control over Siversk and Bilohorivka, in vain.",
            {"Siversk", "Bilohorivka"},
        ),
        ("Russian units are seeking to gain a foothold in Siversk.", {"Siversk"}),
        ("Russian units attempted to seize control of Orlivka on Friday.", {"Orlivka"}),
        # incursions, in the plural, into two districts named after the area
        (
            "Border guards repelled incursions into the Belgorod region districts of Shebekino "
            "and Graivoron, the governor said.",
            {"Shebekino", "Grayvoron"},
        ),
    ],
)
def test_a_hold_sought_and_incursions_repelled_are_ground_fighting(gazetteer, sentence, places):
    kinds = _kinds(sentence, gazetteer)
    assert {p for k, p in kinds if k is EventType.OFFENSIVE} == places
    assert EventType.ADVANCE not in {k for k, _ in kinds}


def test_control_planned_is_no_fighting(gazetteer):
    kinds = _kinds("Moscow plans to establish control over all of Siversk by autumn.", gazetteer)
    assert not {k for k, _ in kinds} & {EventType.OFFENSIVE, EventType.ADVANCE}


def test_attempts_to_restore_lost_positions_are_tried_fighting(gazetteer):
    # the foe named as "the enemy" is an army, as "Russian troops" is
    kinds = _kinds(
        "The enemy made two futile attempts to restore its lost positions near Siversk.", gazetteer
    )
    assert (EventType.OFFENSIVE, "Siversk") in kinds


def test_a_position_restored_in_the_polls_is_no_fighting(gazetteer):
    kinds = _kinds("The party tried to restore its position in the polls in Siversk.", gazetteer)
    assert not {k for k, _ in kinds} & {EventType.OFFENSIVE, EventType.ADVANCE}


@pytest.mark.parametrize(
    "sentence",
    [
        "The occupiers launched 85 attacks on the Sumy region, injuring three residents.",
        "Russia carried out 40 attacks against Nikopol overnight, killing a man and two women.",
    ],
)
def test_counted_attacks_that_kill_or_hurt_people_are_strikes(sentence):
    assert {t.type for t in _triggers(sentence)} == {EventType.ATTACK}


def test_counted_attacks_whose_losses_are_soldiers_stay_ground_fighting():
    sentence = "The enemy launched 14 attacks on our positions near Robotyne, killing two soldiers."
    assert {t.type for t in _triggers(sentence)} == {EventType.OFFENSIVE}


@pytest.mark.parametrize(
    "sentence",
    [
        "Near Siversk, the invaders do not stop trying to break through our lines.",
        "The occupiers have never ceased their assaults on the outskirts of Siversk.",
        "Russian units did not let up attacking our positions near Siversk.",
        "The enemy doesn't give up attempts to encircle Siversk.",
    ],
)
def test_fighting_whose_stop_is_denied_goes_on(sentence, gazetteer):
    assert (EventType.OFFENSIVE, "Siversk") in _kinds(sentence, gazetteer)


@pytest.mark.parametrize(
    "sentence",
    [
        "The invaders did not storm Siversk this week.",
        "The occupiers never managed to break through near Siversk.",
    ],
)
def test_fighting_denied_outright_is_still_no_event(sentence, gazetteer):
    assert EventType.OFFENSIVE not in {k for k, _ in _kinds(sentence, gazetteer)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukrainian units achieved partial success near Robotyne, the General Staff said.",
        "The brigade also had unspecified success in the Robotyne area during its assaults.",
        "Defenders have had limited success around Robotyne this week, a spokesman said.",
    ],
)
def test_a_success_hedged_in_its_amount_is_the_fight_not_a_gain(sentence, gazetteer):
    kinds = _kinds(sentence, gazetteer)
    assert (EventType.OFFENSIVE, "Robotyne") in kinds
    assert (EventType.ADVANCE, "Robotyne") not in kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "Scouts reported enemy troops approaching the outskirts of Siversk on Tuesday.",
        "The Russians have approached Siversk from two sides, the brigade said.",
    ],
)
def test_an_army_approaching_a_town_is_the_drive_on_it(sentence, gazetteer):
    kinds = _kinds(sentence, gazetteer)
    assert (EventType.OFFENSIVE, "Siversk") in kinds
    assert (EventType.ADVANCE, "Siversk") not in kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "As the holidays approach, families in Siversk repair their roofs.",
        "A convoy of volunteers approached Siversk with food on Tuesday.",
    ],
)
def test_approaching_without_an_army_is_no_fight(sentence, gazetteer):
    assert EventType.OFFENSIVE not in {k for k, _ in _kinds(sentence, gazetteer)}


def test_approaching_to_within_a_distance_stays_a_gain(gazetteer):
    kinds = _kinds("Russian troops approached to within 4 km of Siversk.", gazetteer)
    assert (EventType.ADVANCE, "Siversk") in kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "Guards foiled an attempt by a raiding party to invade the Bryansk region on Friday.",
        'The army says saboteurs tried to "invade" the Bryansk region overnight.',
    ],
)
def test_an_invasion_tried_is_an_incursion_tried(sentence, gazetteer):
    assert (EventType.OFFENSIVE, "Bryansk Oblast") in _kinds(sentence, gazetteer)


def test_a_plan_to_invade_is_no_fight(gazetteer):
    kinds = _kinds("Moscow plans to invade the Bryansk region, the minister warned.", gazetteer)
    assert EventType.OFFENSIVE not in {k for k, _ in kinds}


def _gains17(text, gazetteer, published=dt.date(2024, 5, 12)):
    article = article_from_text(text, published=published)
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    return {e.place.name for e in events if e.event_type is EventType.ADVANCE}


def test_a_retreat_to_new_lines_names_no_ground_given_up(gazetteer):
    text = "Near Kurakhove the army retreated to new lines on Monday, the brigade said."
    assert _gains17(text, gazetteer) == set()


def test_advance_units_are_forward_troops_not_a_gain(gazetteer):
    text = (
        "“Our advance units are holding positions on the edge of Vovchansk,” the brigade "
        "wrote on Monday."
    )
    assert _gains17(text, gazetteer) == set()


def test_newly_regained_areas_say_which_ground_not_that_it_changed_hands(gazetteer):
    text = (
        "Volunteers brought food on Monday to residents of newly regained areas in the "
        "Kharkiv region."
    )
    assert _gains17(text, gazetteer) == set()


# Round 18 (type18): the type a verb's outcome gives.
def test_the_encirclement_of_troops_is_fighting_escaping_one_is_not():
    told = "Kyiv's commanders spoke of the encirclement of two Russian battalions near Kreminna."
    assert {t.type for t in _triggers(told)} == {EventType.OFFENSIVE}
    fled = "The garrison pulled back from Mariinka, escaping encirclement."
    assert EventType.OFFENSIVE not in {t.type for t in _triggers(fled)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow's defence ministry announced the liquidation of 70 fighters near Hlushkove.",
        "The border service reported the elimination of a group of saboteurs near Tyotkino.",
    ],
)
def test_enemy_men_killed_on_the_ground_told_as_a_noun_are_fighting(sentence):
    assert {t.type for t in _triggers(sentence)} - {EventType.STATEMENT} == {EventType.OFFENSIVE}


def test_men_killed_by_a_named_weapon_are_the_strike_not_fighting():
    sentence = "A drone strike ended in the elimination of 12 soldiers near Kreminna, they said."
    assert EventType.OFFENSIVE not in {t.type for t in _triggers(sentence)}
    debts = "The court ordered the liquidation of the firm's debts in Kharkiv."
    assert _triggers(debts) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 60 tenants, a dozen of them children, were forced to leave the block in Podilsk.",
        "About 40 villagers near Kupiansk had to leave their homes after the night's strike.",
    ],
)
def test_people_made_to_leave_are_displaced(sentence):
    assert EventType.DISPLACEMENT in {t.type for t in _triggers(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The garrison was forced to leave Lyman under fire.",
        "The envoy had to leave the summit in Vilnius early.",
    ],
)
def test_troops_or_officials_made_to_leave_are_no_displacement(sentence):
    assert EventType.DISPLACEMENT not in {t.type for t in _triggers(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "British intelligence said Russian units quickened their advance towards Myrnohrad.",
        "Russian troops had stepped up their advance toward Siversk over ten days.",
    ],
)
def test_an_advance_toward_a_town_told_as_done_at_a_pace_is_ground_taken(sentence):
    assert {t.type for t in _triggers(sentence)} - {EventType.STATEMENT} == {EventType.ADVANCE}


def test_an_advance_toward_a_town_under_way_is_still_the_push():
    assert {t.type for t in _triggers("Russian troops are advancing toward Siversk.")} == {
        EventType.OFFENSIVE
    }


# Round 19 (claim19): scare quotes, a side's control of a town, troops driven out, takeovers.
@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ('Moscow said its brigades had "taken control" of Kalynove village.', "Kalynove"),
        ("The ministry said its units had ‘taken’ the village of Arkhanhelske.", "Arkhanhelske"),
        (
            "Russian paratroopers “took control” of Novomykhailivka, the ministry said.",
            "Novomykhailivka",
        ),
    ],
)
def test_a_gain_split_by_scare_quotes_is_read_as_if_unmarked(gazetteer, sentence, place):
    assert (EventType.ADVANCE, place) in _kinds(sentence, gazetteer)


def test_a_scare_quoted_word_is_no_direct_speech_but_a_quoted_clause_is():
    text = 'The army said its men "repelled" raids near Huliaipole.'
    sent = split_sentences(text)[0]
    quoted = [(m.start(), m.end()) for m in re.finditer(r'"[^"]*"', text)]
    assert "repelled" in {t.text for t in triggers.find_triggers(text, sent, quoted)}
    speech = '"Our men repelled the raids near Huliaipole," the officer said.'
    sent = split_sentences(speech)[0]
    quoted = [(m.start(), m.end()) for m in re.finditer(r'"[^"]*"', speech)]
    assert "repelled" not in {t.text for t in triggers.find_triggers(speech, sent, quoted)}


def test_a_scare_quoted_trigger_keeps_its_offsets_in_the_text():
    text = 'The brigade said it had "taken control" of Bilohorivka on Monday.'
    (trig,) = [t for t in _triggers(text) if t.type is EventType.ADVANCE]
    assert text[trig.start : trig.end] == 'taken control" of'


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Russian regiments now control Kurakhove, the ministry said.", "Kurakhove"),
        ("Russia says its troops have full control of Netailove.", "Netailove"),
        ("The ministry said Russian units were in complete control of Sokil.", "Sokil"),
        (
            "The defence ministry announced the takeover of the villages of Orikhiv and Kamianske.",
            "Orikhiv",
        ),
        ("Moscow claimed the takeover of Vovchansk on Friday.", "Vovchansk"),
        (
            "Russian marines drove the Ukrainian units from the village of Hrodivka, Moscow said.",
            "Hrodivka",
        ),
        ("The ministry said Ukrainian battalions had been driven from Stepove.", "Stepove"),
        ("Our brigade dislodged the occupiers from Urozhaine, the spokesman said.", "Urozhaine"),
    ],
)
def test_a_side_told_holding_a_town_or_driving_troops_from_it_is_a_gain(gazetteer, sentence, place):
    assert (EventType.ADVANCE, place) in _kinds(sentence, gazetteer)


@pytest.mark.parametrize(
    "sentence",
    [
        "Dozens of families were driven from their homes in Izium by the floods.",
        "We drove from Kharkiv to Izium on Tuesday.",
        "A bakery chain announced the takeover of a rival in Lviv.",
        "Ukraine now controls the skies over Odesa, the air force said.",
        "The governor has full control of the situation in Kupiansk.",
    ],
)
def test_control_a_drive_or_a_takeover_of_no_town_is_no_gain(gazetteer, sentence):
    assert not {k for k in _kinds(sentence, gazetteer) if k[0] is EventType.ADVANCE}


def test_quotes_around_a_strike_s_words_are_a_description_read_as_written():
    text = 'Marines in Zolochiv came under "relentless fire" from the north.'
    assert not any(t.type is EventType.ATTACK for t in _triggers(text))
    assert any(t.type is EventType.ATTACK for t in _triggers(text.replace('"', "")))


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The ministry said its forces had cleared the village of Kalynove.", EventType.ADVANCE),
        ('Russia said its troops had "cleared" Novoselivka.', EventType.ADVANCE),
        ("Moscow said its units were “clearing” the town of Toretsk.", EventType.OFFENSIVE),
    ],
)
def test_troops_clearing_a_town_is_a_side_s_word_for_taking_it(gazetteer, sentence, kind):
    assert kind in {k for k, _ in _kinds(sentence, gazetteer)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Rescue crews cleared the debris in Kharkiv.",
        "Sappers cleared the village of Hrakove of mines.",
        "A court in Lviv cleared Petrenko of all charges.",
    ],
)
def test_clearing_rubble_mines_or_a_name_is_no_gain(gazetteer, sentence):
    kinds = {k for k, _ in _kinds(sentence, gazetteer)}
    assert not kinds & {EventType.ADVANCE, EventType.OFFENSIVE}


# Round 19 (type19): the type a report's grammar gives a fight, a drive and a strike.
@pytest.mark.parametrize(
    "sentence",
    [
        "The enemy attacked Mykolaiv on Thursday.",
        "On Friday, March 7, the enemy attacked the city of Sumy.",
        "The enemy attacked Kryvyi Rih again, the mayor wrote.",
    ],
)
def test_the_enemy_attacking_a_town_as_its_object_is_a_strike(sentence):
    assert {t.type for t in _triggers(sentence)} - {EventType.STATEMENT} == {EventType.ATTACK}


@pytest.mark.parametrize(
    "sentence",
    [
        "The enemy attacked Hulivka six times over the day.",
        "The enemy attacked Hulivka from the south and was driven back.",
        "The enemy attacked Ukrainian positions near Hulivka.",
        "The enemy attacked near Hulivka, the brigade reported.",
    ],
)
def test_the_enemy_attacking_a_village_counted_from_a_side_or_its_positions_is_a_fight(sentence):
    assert EventType.OFFENSIVE in {t.type for t in _triggers(sentence)}
    assert EventType.ATTACK not in {t.type for t in _triggers(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian units are advancing further toward Siversk.",
        "The brigades kept advancing deeper towards Lyman.",
    ],
)
def test_an_advance_further_toward_a_town_under_way_is_the_push(sentence):
    assert {t.type for t in _triggers(sentence)} - {EventType.STATEMENT} == {EventType.OFFENSIVE}


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian units attacked Ukrainian defensive lines near Hulivka.",
        "Russian units attacked the trenches of a marine brigade near Hulivka on Tuesday.",
        "Russian forces attacked Ukrainian fortifications outside Hulivka.",
    ],
)
def test_an_attack_on_lines_trenches_or_fortifications_is_ground_fighting(sentence):
    assert {t.type for t in _triggers(sentence)} - {EventType.STATEMENT} == {EventType.OFFENSIVE}


def test_lines_that_are_no_defence_or_a_weapon_named_keep_the_strike():
    assert {t.type for t in _triggers("Russian forces attacked power lines near Hulivka.")} == {
        EventType.ATTACK
    }
    sentence = "Russian forces attacked Ukrainian fortifications near Hulivka with glide bombs."
    assert {t.type for t in _triggers(sentence)} == {EventType.ATTACK}


@pytest.mark.parametrize(
    "sentence",
    [
        "Latest battle updates include the capture of Hulivka.",
        "Battle reports from the front mention the capture of Hulivka.",
    ],
)
def test_battle_naming_a_report_on_the_fighting_is_no_fight(sentence):
    assert EventType.OFFENSIVE not in {t.type for t in _triggers(sentence)}
    assert EventType.ADVANCE in {t.type for t in _triggers(sentence)}


def test_battles_told_as_happening_stay_a_fight():
    assert EventType.OFFENSIVE in {t.type for t in _triggers("Heavy battles near Hulivka went on.")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Yesterday Darivka and Stanislav were under drone terror, mortar and artillery shellings.",
        "Antonivka and Tiahynka were under constant artillery shellings overnight.",
    ],
)
def test_places_under_drone_terror_or_shellings_were_each_struck(gazetteer, sentence):
    struck = {p for k, p in _kinds(sentence, gazetteer) if k is EventType.ATTACK}
    assert {"Darivka", "Stanislav"} <= struck or {"Antonivka", "Tiahynka"} <= struck


def test_people_taken_from_liberated_communities_is_no_capture(gazetteer):
    text = "On Sunday 25 residents were evacuated from the liberated communities of Kharkiv Oblast."
    assert {k for k, _ in _kinds(text, gazetteer)} == {EventType.EVACUATION}


def test_a_visit_to_the_liberated_town_is_no_capture(gazetteer):
    text = "The prime minister toured the liberated Izium on Friday."
    assert _kinds(text, gazetteer) == set()


def test_under_fire_with_an_adverb_before_its_adjective_is_a_strike():
    assert _types("Vovchansk came under increasingly heavy fire.") == [
        ("attack", "under increasingly heavy fire")
    ]


def test_fallen_under_a_sides_control_is_a_capture():
    assert ("advance", "fallen under russian control") in _types(
        "Two hamlets near the front have fallen under Russian control."
    )


def test_a_humanitarian_corridor_that_evacuated_people_is_an_evacuation_from_each_town(
    gazetteer,
):
    text = (
        "An effort to open a humanitarian corridor out of Borodianka and Makariv led to the "
        "evacuation of about 900 residents."
    )
    evacuated = {p for k, p in _kinds(text, gazetteer) if k is EventType.EVACUATION}
    assert evacuated == {"Borodianka", "Makariv"}
    # a corridor only talked about evacuates no one
    text = "The minister said there was no progress on a humanitarian corridor from Makariv."
    assert _kinds(text, gazetteer) == set()


def test_tactical_successes_of_a_sides_forces_near_a_town_are_a_gain(gazetteer):
    text = "On Friday the staff confirmed local successes of Russian troops near Lyptsi."
    assert _kinds(text, gazetteer) == {(EventType.ADVANCE, "Lyptsi")}


def test_arrivals_in_quotes_with_what_arrived_are_a_strike(gazetteer):
    # Round 20 (accR): the translated word for hits, in scare quotes, with the munitions named
    text = "In Sumy, “arrivals” of artillery shells fired by the invaders were registered."
    assert _attack_places_of(text, gazetteer) == ["Sumy"]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Addressing a summit in Vilnius, the delegation set out a plan for a truce.", ["Vilnius"]),
        ("Addressing the matter of shelling in Vilnius, the mayor met donors.", []),
    ],
)
def test_addressing_a_gathering_is_a_statement_at_its_venue(gazetteer, text, venue):
    # Round 20 (accR): a speech told by "addressing <a gathering> in X"
    article = article_from_text(text, published=dt.date(2024, 5, 8))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [e.place.name for e in events if e.event_type is EventType.STATEMENT] == venue


def test_risking_ones_life_to_flee_is_a_flight(gazetteer):
    # Round 20 (accR): the danger told between "forced to" and "leave"
    text = "At night a few pensioners were compelled to risk their lives to flee Vovchansk."
    article = article_from_text(text, published=dt.date(2024, 5, 8))
    events = extract_events(article, geoparse(article.text, gazetteer=gazetteer))
    assert [e.place.name for e in events if e.event_type is EventType.DISPLACEMENT] == ["Vovchansk"]


def test_assault_as_the_kind_of_a_ship_or_a_rifle_is_no_ground_fighting(gazetteer):
    # Round 21 (accE): "amphibious assault ships seen near X" is a sighting, no assault on X
    text = "Russia invaded Ukraine last week. Landing assault ships were spotted near Odesa today."
    assert (EventType.OFFENSIVE, "Odesa") not in _kinds(text, gazetteer)


def test_a_town_assaulted_by_an_army_in_the_passive_is_ground_fighting(gazetteer):
    # Round 21 (accE): the army after "by" makes "assaulted" the fight, not a crime
    assert (EventType.OFFENSIVE, "Siversk") in _kinds(
        "Siversk is being assaulted by Russian troops this week.", gazetteer
    )
    assert (EventType.OFFENSIVE, "Lviv") not in _kinds(
        "A guard was assaulted by a drunk man in Lviv.", gazetteer
    )


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("The premier visited the Sumy region on Friday, vowing that the raids would stop.", True),
        ("The premier visited Odesa on Friday, saying the port would keep working.", True),
        ("The premier visited Odesa on Friday and inspected the port.", False),
    ],
)
def test_a_visit_told_with_the_remarks_made_there_is_a_statement(sentence, statement):
    got = [t.text for t in _triggers(sentence) if t.type is EventType.STATEMENT]
    assert (got == ["visited"]) is statement


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "The adversary lost as many as 85 soldiers near Terny, Torske and Zarichne.",
            {"Terny", "Torske", "Zarichne"},
        ),
        (
            "Kyiv's losses amounted to 60 servicemen in the areas of Terny and Torske.",
            {"Terny", "Torske"},
        ),
        ("On the Lyman axis the adversary lost 70 servicemen and three tanks.", set()),
        # "around" and "close to" before the next count, and "near-constant", name no village
        ("In the Siversk direction, the adversary lost 70 servicemen and around 20 tanks.", set()),
        ("The adversary lost 55 servicemen, and close to 9 tanks were hit.", set()),
        ("The adversary lost 40 servicemen in near-constant assaults.", set()),
    ],
)
def test_a_losses_claim_at_villages_is_fighting_there(gazetteer, text, places):
    # Round 21 (accT): a ministry's losses told from the loser's side, with its villages
    got = {k[1] for k in _bulletin_events(text, gazetteer) if k[0] is EventType.OFFENSIVE}
    assert got == places


# --- Round 21 (accD) ---


@pytest.mark.parametrize(
    "text",
    [
        # a deputy minister's translated words, in a quote and plain
        '"Our defenders returned Robotyne under our control. Onward," the official posted.',
        "Marines have returned the village of Robotyne to Ukrainian control.",
    ],
)
def test_a_village_returned_under_a_sides_control_is_a_gain(gazetteer, text):
    assert _kinds(text, gazetteer) == {(EventType.ADVANCE, "Robotyne")}


def test_people_returning_to_a_village_under_control_are_no_gain(gazetteer):
    text = "Some families have returned to Robotyne, now under Ukrainian control again."
    assert (EventType.ADVANCE, "Robotyne") not in _kinds(text, gazetteer)


@pytest.mark.parametrize(
    "text",
    [
        "After noon the occupiers fired rocket systems at the Velyka Pysarivka community.",
        "The Russian army fired multiple rocket launchers on Velyka Pysarivka overnight.",
        "Before dawn Russian troops sent an attack drone to the Velyka Pysarivka community.",
        "The enemy directed three FPV drones at Velyka Pysarivka, wounding a tractor driver.",
    ],
)
def test_a_launcher_fired_or_a_drone_sent_at_a_community_is_a_strike(gazetteer, text):
    assert _attack_places_of(text, gazetteer) == ["Velyka Pysarivka"]


@pytest.mark.parametrize(
    "text",
    [
        "Charity groups sent twenty drones to the brigade near Velyka Pysarivka.",
        "Kyiv sent missiles to Velyka Pysarivka to shore up its air defence.",
    ],
)
def test_drones_or_missiles_sent_by_friends_are_no_strike(gazetteer, text):
    assert _attack_places_of(text, gazetteer) == []


@pytest.mark.parametrize(
    "text",
    [
        "The commander said on Tuesday that combat was still ongoing near Vovchansk.",
        "Fierce combat near Vovchansk went on through the night, the brigade said.",
    ],
)
def test_combat_told_as_going_on_or_with_its_weight_is_fighting(gazetteer, text):
    assert (EventType.OFFENSIVE, "Vovchansk") in _kinds(text, gazetteer)


def test_combat_units_or_experience_are_no_fighting(gazetteer):
    text = "Combat units rotated out of Vovchansk share their combat experience with recruits."
    assert (EventType.OFFENSIVE, "Vovchansk") not in _kinds(text, gazetteer)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The prime minister visited the Sumy region on Friday, vowing that the border "
            "would be held.",
            "Sumy Oblast",
        ),
        ("The chancellor visited a clinic in Chernihiv, saying more aid was coming.", "Chernihiv"),
    ],
)
def test_a_visit_with_a_remark_after_its_comma_is_a_statement_there(gazetteer, text, place):
    assert (EventType.STATEMENT, place) in _kinds(text, gazetteer)


def test_a_visit_without_a_remark_is_no_statement(gazetteer):
    text = "The chancellor visited Chernihiv on Friday and met the mayor."
    assert not {k for k, _ in _kinds(text, gazetteer)} & {EventType.STATEMENT}


def test_de_occupied_before_an_area_noun_is_an_adjective_no_gain():
    text = "Families were told by the governor to wait before going home to de-occupied areas."
    assert [t for t in _types(text) if t[0] == "advance"] == []


def test_de_occupied_as_the_verb_is_still_a_gain():
    text = "Ukrainian forces have de-occupied the village of Kozacha Lopan in the Kharkiv region."
    assert ("advance", "de-occupied") in _types(text)
