"""Where a trigger's places are in Ukrainian and Russian bulletins (geo.events.places, in Cyrillic).

Sentences written for this project in the style of General Staff, ministry and regional
bulletins: front directions, village lists after "в районах населённых пунктов", places
named by a settlement noun. Each test runs the whole extraction, since attachment is judged
by the events it makes.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.extract import extract_events
from geo.records import EventStatus, EventType, GeoPrecision, PlaceKind
from geo.text.articles import article_from_text
from geo.toponyms.geoparse import geoparse

PUBLISHED = dt.date(2024, 11, 20)


def _events(text, gazetteer):
    article = article_from_text(text, published=PUBLISHED)
    return extract_events(article, geoparse(article.text, gazetteer=gazetteer))


def _kinds(events):
    return {(e.event_type, e.place.name) for e in events}


def test_each_village_of_a_russian_list_after_areas_is_one_event(gazetteer):
    text = (
        "На Курахово направлении противник девять раз атаковал наши позиции в районах "
        "населённых пунктов Антоновка, Дачное и Курахово."
    )
    fights = [e for e in _events(text, gazetteer) if e.event_type is EventType.OFFENSIVE]
    assert {e.place.name for e in fights} == {"Antonivka", "Dachne", "Kurakhove"}
    # the Russian spellings read as the Ukrainian villages next to the direction's town
    assert {e.place.admin1_name for e in fights} == {"Donetsk Oblast"}


def test_each_village_of_a_ukrainian_list_joined_by_ta_is_tried_ground(gazetteer):
    text = (
        "На Покровському напрямку окупанти 17 разів намагалися просунутися в районах "
        "населених пунктів Мирноград, Гродівка та Новотроїцьке."
    )
    fights = [e for e in _events(text, gazetteer) if e.event_type is EventType.OFFENSIVE]
    assert {e.place.name for e in fights} == {"Myrnohrad", "Hrodivka", "Novotroitske"}
    assert {e.status for e in fights} == {EventStatus.ATTEMPTED}
    assert {e.place.admin1_name for e in fights} == {"Donetsk Oblast"}


def test_a_bare_direction_is_an_area_event_not_its_town(gazetteer):
    events = _events("На Лиманському напрямку сьогодні тривали бої.", gazetteer)
    assert [(e.event_type, e.place.name) for e in events] == [
        (EventType.OFFENSIVE, "Lyman direction")
    ]
    assert events[0].geo_precision is GeoPrecision.REGION
    assert events[0].place.admin1_name == "Donetsk Oblast"


def test_repelled_attacks_on_a_russian_direction_are_the_direction(gazetteer):
    events = _events("На Торецком направлении за сутки отражены 11 атак врага.", gazetteer)
    assert _kinds(events) == {(EventType.OFFENSIVE, "Toretsk direction")}


def test_a_village_after_the_direction_takes_the_event(gazetteer):
    text = "На Покровском направлении враг пытался прорваться в районе Мирнограда."
    events = _events(text, gazetteer)
    assert _kinds(events) == {(EventType.OFFENSIVE, "Myrnohrad")}
    assert events[0].status is EventStatus.ATTEMPTED


def test_a_village_named_by_its_settlement_noun_is_taken(gazetteer):
    text = (
        "Бойцы группировки «Центр» освободили населённый пункт Гродовка Донецкой Народной "
        "Республики."
    )
    assert _kinds(_events(text, gazetteer)) == {(EventType.ADVANCE, "Hrodivka")}


def test_the_oblast_after_a_listed_village_only_says_where_it_is(gazetteer):
    text = (
        "Штурмовые отряды нанесли поражение живой силе и технике двух бригад противника "
        "в районах населённых пунктов Купянск и Синьковка Харьковской области."
    )
    assert _kinds(_events(text, gazetteer)) == {
        (EventType.OFFENSIVE, "Kupiansk"),
        (EventType.OFFENSIVE, "Synkivka"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Противник атаковал позиции наших войск у Торецка.", (EventType.OFFENSIVE, "Toretsk")),
        ("Ворог атакував позиції оборонців біля Торецька.", (EventType.OFFENSIVE, "Toretsk")),
        ("Наши подразделения продвинулись в районе Торецка.", (EventType.ADVANCE, "Toretsk")),
        (
            "Сили оборони покращили тактичне положення біля Кремінної.",
            (EventType.ADVANCE, "Kreminna"),
        ),
        ("Захисники відбили сім атак біля Торецька.", (EventType.OFFENSIVE, "Toretsk")),
        ("Атака дронов на Курск длилась всю ночь.", (EventType.ATTACK, "Kursk")),
        ("Ворог завдав авіаудару по Дружківці.", (EventType.ATTACK, "Druzhkivka")),
        ("Окупанти скинули дві керовані авіабомби на Куп'янськ.", (EventType.ATTACK, "Kupiansk")),
        ("Росіяни знову вдарили по Сумах ракетою.", (EventType.ATTACK, "Sumy")),
        ("Авиация поразила склады у Краматорска.", (EventType.ATTACK, "Kramatorsk")),
    ],
    ids=[
        "ru-attacked-positions",
        "uk-attacked-positions",
        "ru-advanced",
        "uk-improved-position",
        "uk-repelled",
        "ru-drone-attack",
        "uk-air-strike",
        "uk-dropped-bombs",
        "uk-hit-at",
        "ru-struck-depots",
    ],
)
def test_bulletin_verbs_give_their_type(text, expected, gazetteer):
    assert expected in _kinds(_events(text, gazetteer))


def test_two_villages_after_attacked_positions_are_two_ground_events(gazetteer):
    text = "Враг атаковал позиции подразделений у Торецка и Часова Яра."
    assert _kinds(_events(text, gazetteer)) == {
        (EventType.OFFENSIVE, "Toretsk"),
        (EventType.OFFENSIVE, "Chasiv Yar"),
    }


def test_a_regional_head_s_toll_goes_with_the_strike(gazetteer):
    text = "Из-за обстрела Белгорода погибла пожилая женщина, ранены трое."
    events = _events(text, gazetteer)
    assert [(e.event_type, e.place.name, e.killed, e.injured) for e in events] == [
        (EventType.ATTACK, "Belgorod", 1, 3)
    ]


def test_no_one_hurt_in_russian_is_a_toll_of_none(gazetteer):
    events = _events("Атака БПЛА на Курск: повреждены две машины, пострадавших нет.", gazetteer)
    assert [(e.place.name, e.killed, e.injured) for e in events] == [("Kursk", 0, 0)]


def test_a_fronted_cyrillic_locative_frames_the_sentence_without_a_comma(gazetteer):
    events = _events("У Нікополі через атаку дрона поранено двох чоловіків.", gazetteer)
    assert [(e.event_type, e.place.name, e.injured) for e in events] == [
        (EventType.ATTACK, "Nikopol", 2)
    ]


def test_a_fronted_oblast_nickname_after_na_frames_the_sentence(gazetteer):
    # "на" + an area in "-щина"/"-ччина" is where the rest happened, as "у" + a town is
    events = _events("На Полтавщині вночі після обстрілу згоріла ферма.", gazetteer)
    assert _kinds(events) == {(EventType.ATTACK, "Poltava Oblast")}
    events = _events("На Донеччині від обстрілів вчора постраждав будинок.", gazetteer)
    assert _kinds(events) == {(EventType.ATTACK, "Donetsk Oblast")}


def test_the_strike_verb_and_the_nickname_area_give_a_strike_in_it(gazetteer):
    events = _events("Армія РФ знову атакувала Харківщину, зруйновано склад.", gazetteer)
    assert _kinds(events) == {(EventType.ATTACK, "Kharkiv Oblast")}


def test_a_tried_gain_is_an_attempted_offensive(gazetteer):
    events = _events("Противник безуспешно пытался улучшить положение у Торецка.", gazetteer)
    assert [(e.event_type, e.place.name, e.status) for e in events] == [
        (EventType.OFFENSIVE, "Toretsk", EventStatus.ATTEMPTED)
    ]


def test_villages_named_after_a_plural_settlement_noun_are_each_taken(gazetteer):
    text = "В ходе наступления освобождены населённые пункты Торское и Великая Новоселка."
    assert _kinds(_events(text, gazetteer)) == {
        (EventType.ADVANCE, "Torske"),
        (EventType.ADVANCE, "Velyka Novosilka"),
    }


def test_combat_clashes_near_a_town_are_fighting(gazetteer):
    text = "Вчера произошло 37 боестолкновений, чаще всего в районе Торецка."
    assert _kinds(_events(text, gazetteer)) == {(EventType.OFFENSIVE, "Toretsk")}


def test_places_after_near_and_compass_words_are_taken(gazetteer):
    text = "Противник восемь раз атаковал вблизи Торецка и севернее Часова Яра."
    assert _kinds(_events(text, gazetteer)) == {
        (EventType.OFFENSIVE, "Toretsk"),
        (EventType.OFFENSIVE, "Chasiv Yar"),
    }


def test_russian_talks_that_took_place_on_a_date_in_a_city_are_there(gazetteer):
    text = "Новый раунд переговоров между Киевом и Москвой прошел 14 мая в Стамбуле."
    found = _kinds(_events(text, gazetteer))
    assert found == {(EventType.NEGOTIATION, "Istanbul")}


def test_people_taken_out_of_a_town_by_bus_are_evacuated_from_it(gazetteer):
    text = "У вівторок рятувальники вивезли з Покровська сорок мешканців."
    assert _kinds(_events(text, gazetteer)) == {(EventType.EVACUATION, "Pokrovsk")}


def test_grain_taken_out_of_a_town_is_no_evacuation(gazetteer):
    text = "Окупанти вивезли з Мелітополя кілька вагонів зерна."
    assert not [e for e in _events(text, gazetteer) if e.event_type is EventType.EVACUATION]


def test_an_evacuation_in_the_settlements_of_a_fronted_oblast_is_in_that_oblast(gazetteer):
    text = "У 12 населених пунктах Сумщини запроваджено обов'язкову евакуацію родин."
    assert _kinds(_events(text, gazetteer)) == {(EventType.EVACUATION, "Sumy Oblast")}


# --- an evacuation order's settlements after a colon (issue 10, helper evaclists) ---------


@pytest.mark.parametrize(
    "text",
    [
        "Рішення про примусову евакуацію дітей ухвалено для трьох населених пунктів: "
        "Борова, Богуславка та Курилівка.",
        "Обовʼязкову евакуацію запроваджено в селах: Борова, Богуславка, Курилівка.",
        "Принудительная эвакуация семей введена для трёх сел: Борова, Богуславка и Курилівка.",
    ],
)
def test_an_evacuation_order_listing_villages_after_a_colon_gives_each_its_event(text, gazetteer):
    events = _events(text, gazetteer)
    names = sorted(e.place.name for e in events if e.event_type is EventType.EVACUATION)
    assert names == ["Bohuslavka", "Borova", "Kurylivka"]


@pytest.mark.parametrize(
    "text",
    [
        "Почалася евакуація мешканців сіл Борова, Богуславка та Курилівка.",
        "Идёт эвакуация жителей сел Борова, Богуславка и Курилівка.",
    ],
)
def test_the_evacuation_of_residents_of_listed_villages_is_one_event_each(text, gazetteer):
    # the villages follow in the genitive, with no preposition (helper evaclists)
    events = _events(text, gazetteer)
    names = sorted(e.place.name for e in events if e.event_type is EventType.EVACUATION)
    assert names == ["Bohuslavka", "Borova", "Kurylivka"]


def _oblasts(events, etype=EventType.ATTACK):
    return {
        e.place.name
        for e in events
        if e.event_type is etype and e.geo_precision is GeoPrecision.ADMIN1
    }


def test_each_oblast_of_a_ukrainian_list_in_the_locative_is_one_area_strike(gazetteer):
    text = "Учора ввечері обстріли в Полтавській, Сумській та Одеській областях не вщухали."
    assert _oblasts(_events(text, gazetteer)) == {"Poltava Oblast", "Sumy Oblast", "Odesa Oblast"}


def test_each_oblast_of_a_russian_list_in_the_genitive_is_one_area_strike(gazetteer):
    text = "Противник за день вёл обстрелы Херсонской, Запорожской и Курской областей."
    assert _oblasts(_events(text, gazetteer)) == {
        "Kherson Oblast",
        "Zaporizhzhia Oblast",
        "Kursk Oblast",
    }


def test_a_russian_list_goes_on_after_a_comma_and_a_takzhe(gazetteer):
    text = "Армия вела обстрелы ЛНР, а также Брянской и Белгородской областей."
    assert {"Bryansk Oblast", "Belgorod Oblast"} <= _oblasts(_events(text, gazetteer))


def test_a_town_before_an_oblast_word_is_not_read_as_an_oblast_list(gazetteer):
    # "Харкові" is the city's locative, no adjective: it does not join the oblast list
    text = "Удар по Харкові та Харківській області пошкодив два будинки."
    tops = geoparse(text, gazetteer=gazetteer)
    assert [(t.surface, t.place.kind) for t in tops] == [
        ("Харкові", PlaceKind.POPULATED_PLACE),
        ("Харківській області", PlaceKind.ADMIN1),
    ]


def _evacuated(text, gazetteer):
    return sorted(
        e.place.name for e in _events(text, gazetteer) if e.event_type is EventType.EVACUATION
    )


def test_an_order_that_concerns_a_colon_list_with_village_abbreviations_is_at_each(gazetteer):
    # Dnipropetrovsk orders put "с." (village) or "селища" before each name, with no noun
    # before the colon (issue 10, helper evac2)
    text = "Примусова евакуація родин стосується: селища Межова, с.Вербове, смт Васильківка."
    assert _evacuated(text, gazetteer) == ["Mezhova", "Vasylkivka", "Verbove"]


def test_a_colon_after_concerns_only_lists_places_for_an_evacuation(gazetteer):
    # the same frame after a strike word is no order's list: no evacuation appears
    text = "Нічний обстріл стосується: селища Межова, с.Вербове."
    assert _evacuated(text, gazetteer) == []
