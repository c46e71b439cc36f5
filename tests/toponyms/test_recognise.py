"""Recognition of district names: coordinated heads, seat-named districts, Russian cases."""

from __future__ import annotations

import pytest

from geo.records import PlaceKind, ToponymRole
from geo.toponyms.geoparse import geoparse
from geo.toponyms.recognise import recognise
from geo.toponyms.tokens import tokenize


def _read(text, gazetteer):
    """Each recognised name with the set of (kind, admin-1 code) its readings have."""
    return {
        m.surface: frozenset((c.place.kind, c.place.admin1_code) for c in m.cands)
        for m in recognise(text, tokenize(text), gazetteer)
    }


KURSK_DISTRICT = frozenset([(PlaceKind.ADMIN2, "RU.41")])
DONETSK_DISTRICT = frozenset([(PlaceKind.ADMIN2, "UA.05")])


def test_coordinated_district_adjectives_are_each_a_district(gazetteer):
    text = "Fighting went on in the Sudzhansky and Korenevsky districts on Tuesday."
    assert _read(text, gazetteer) == {"Sudzhansky": KURSK_DISTRICT, "Korenevsky": KURSK_DISTRICT}


def test_a_longer_list_before_districts_makes_every_name_a_district(gazetteer):
    text = "Residents of the Sudzhansky, Korenevsky, and Glushkovsky districts were moved out."
    found = _read(text, gazetteer)
    assert found == dict.fromkeys(["Sudzhansky", "Korenevsky", "Glushkovsky"], KURSK_DISTRICT)


def test_a_town_in_a_list_before_districts_is_read_as_its_district(gazetteer):
    text = "Children were taken out of villages of Pokrovsky and Kramatorsk districts."
    assert _read(text, gazetteer) == dict.fromkeys(["Pokrovsky", "Kramatorsk"], DONETSK_DISTRICT)


def test_a_plural_unit_word_after_a_comma_reads_no_district(gazetteer):
    # "Belgorod district" is a district; "Belgorod, districts ..." is the city, then a word.
    text = "Drones hit Kursk and Belgorod, districts near the border lost power."
    found = _read(text, gazetteer)
    assert (PlaceKind.POPULATED_PLACE, "RU.09") in found["Belgorod"]
    assert all(PlaceKind.ADMIN2 not in {k for k, _ in kinds} for kinds in found.values())


def test_a_lone_name_before_a_plural_unit_word_is_not_that_unit(gazetteer):
    # "Indiana counties" are the counties of the state, not Indiana County, Pennsylvania.
    text = "Boone County ranks near the middle of Indiana counties for jobs."
    assert (PlaceKind.ADMIN2, "US.PA") not in _read(text, gazetteer)["Indiana"]


def test_coordinated_counties_are_each_a_county(gazetteer):
    text = "Storms flooded roads in Orange and Seminole counties, Florida officials said."
    found = _read(text, gazetteer)
    assert (PlaceKind.ADMIN2, "US.FL") in found["Orange"]
    assert (PlaceKind.ADMIN2, "US.FL") in found["Seminole"]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Shelling hit the Glushkovo district overnight.", "Glushkovo district"),
        ("A drone hit the Glushkovsky district of Kursk region.", "Glushkovsky district"),
        ("Суджанский район обстреляли ночью.", "Суджанский район"),
        ("Бои идут в Суджанском районе.", "Суджанском районе"),
        ("Обстановка на границе Краснояружского района напряжённая.", "Краснояружского района"),
    ],
)
def test_a_district_by_its_seat_its_adjective_or_in_russian(gazetteer, text, surface):
    found = _read(text, gazetteer)
    assert surface in found
    assert {kind for kind, _ in found[surface]} == {PlaceKind.ADMIN2}


def test_the_oblast_in_an_oblique_case_is_still_the_oblast(gazetteer):
    text = "Обстрелы Курской области продолжаются."
    assert _read(text, gazetteer) == {"Курской области": {(PlaceKind.ADMIN1, "RU.41")}}


def test_a_district_named_after_the_city_leaves_the_city_a_city(gazetteer):
    text = "Explosions were heard in Belgorod, and later in the Belgorod district."
    found = {t.surface: t.place for t in geoparse(text, gazetteer=gazetteer) if t.is_place}
    assert found["Belgorod"].kind is PlaceKind.POPULATED_PLACE
    assert found["Belgorod district"].name == "Belgorodsky District"


def _keys(text, gazetteer):
    return {m.surface: m.key for m in recognise(text, tokenize(text), gazetteer)}


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("Бои шли у Часова Яра весь день.", "Часова Яра", "часів яр"),
        ("Обстріли біля Часового Яру тривали.", "Часового Яру", "часов яр"),
        ("Штурм у Невского отбит.", "Невского", "невське"),
        ("Ворог тисне біля Кремінної.", "Кремінної", "кремінна"),
        ("Удар по Дружківці вранці.", "Дружківці", "дружківка"),
        ("Бои за Синьковку продолжаются.", "Синьковку", "синьківка"),
        ("Вибухи у Сумах лунали зранку.", "Сумах", "суми"),
        ("Авиаудары по Гуляйполю не стихают.", "Гуляйполю", "гуляиполе"),
        ("Бои шли у Ступочек и южнее.", "Ступочек", "ступочки"),
        ("Ракети влучили по Оріхову вночі.", "Оріхову", "оріхів"),
        # Russian genitive in -ы: both words of the name inflect
        ("Атаки отбиты у Зеленой Долины.", "Зеленой Долины", "зелена долина"),
    ],
    ids=[
        "ru-two-words",
        "uk-two-words",
        "ru-adjectival",
        "uk-feminine",
        "uk-locative-ka",
        "ru-ovka",
        "uk-plural-locative",
        "ru-neuter-dative",
        "ru-plural-genitive",
        "uk-iv-town-dative",
        "ru-two-words-genitive-y",
    ],
)
def test_cyrillic_case_forms_read_as_the_nominative(text, surface, key, gazetteer):
    assert _keys(text, gazetteer)[surface] == key


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("На Лиманському напрямку тихо.", "Лиманському", "лиман"),
        ("На Курахівському напрямку тихо.", "Курахівському", "курахове"),
        ("На Покровском направлении тихо.", "Покровском", "покровск"),
    ],
)
def test_a_direction_s_adjective_reads_as_its_town(text, surface, key, gazetteer):
    assert _keys(text, gazetteer)[surface] == key


def test_a_russian_spelling_also_takes_the_ukrainian_village_s_readings(gazetteer):
    # "антоновка" alone knows no Donetsk village; "антонівка" does
    found = _read("Бои у Антоновка и Курахово.", gazetteer)
    assert (PlaceKind.POPULATED_PLACE, "UA.05") in found["Антоновка"]


def test_a_town_before_a_people_s_republic_is_a_place_not_a_longer_name(gazetteer):
    found = _read("Освобождён населённый пункт Гродовка Донецкой Народной Республики.", gazetteer)
    assert "Гродовка" in found


def test_the_guess_naming_the_bigger_town_wins(gazetteer):
    # "нікопол" is a Bulgarian village's other name; "нікополь" is the city on the Dnipro
    assert _keys("Удар по Нікополю вночі.", gazetteer)["Нікополю"] == "нікополь"
    found = _keys("На Костянтинівському напрямку тихо.", gazetteer)
    assert found["Костянтинівському"] == "костянтинівка"


def test_a_force_group_named_after_a_river_is_no_place(gazetteer):
    text = "Группировка войск «Днепр» отразила атаку у Каменского."
    roles = {t.surface: t.is_place for t in geoparse(text, gazetteer=gazetteer)}
    assert roles["Днепр"] is False and roles["Каменского"] is True


def test_a_community_named_after_its_seat_is_that_town(gazetteer):
    text = "In the evening Russian drones also reached the Marhanets community, the governor said."
    tops = {t.surface: t.place for t in geoparse(text, gazetteer=gazetteer)}
    assert tops["Marhanets"].name == "Marhanets"


def test_each_name_of_a_list_of_communities_keeps_its_article(gazetteer):
    text = "Shells fell again on the Nikopol and Marhanets communities late on Tuesday."
    names = {t.surface for t in geoparse(text, gazetteer=gazetteer) if t.is_place}
    assert {"Nikopol", "Marhanets"} <= names


def test_a_hromada_called_a_community_is_one_admin2_name(gazetteer):
    # the word "community" may or may not join the span; the name is one hromada either way
    read = _read("Drones hit the Velykoburlutska community at night.", gazetteer)
    [(surface, readings)] = read.items()
    assert surface.startswith("Velykoburlutska")
    assert readings == frozenset({(PlaceKind.ADMIN2, "UA.07")})


def test_adjectives_before_communities_are_each_a_hromada(gazetteer):
    read = _read("Bombs fell on the Velykopysarivska and Khotinska communities.", gazetteer)
    assert set(read) == {"Velykopysarivska", "Khotinska"}
    assert all(kinds == frozenset({(PlaceKind.ADMIN2, "UA.21")}) for kinds in read.values())


def test_a_list_of_hromada_adjectives_goes_on_past_a_spelling_the_index_lacks(gazetteer):
    # "Shalyhinska" is the index's Shalyhynska; "Zzyrkovska" no hromada at all: the list
    # keeps the names before both
    text = "Mortars hit the Bilopilska, Shalyhinska, Zzyrkovska and Esmanska communities."
    read = _read(text, gazetteer)
    assert {"Bilopilska", "Shalyhinska", "Esmanska"} <= set(read)
    assert read["Shalyhinska"] == frozenset({(PlaceKind.ADMIN2, "UA.21")})


def test_a_listed_hromada_read_in_another_oblast_is_read_respelt(gazetteer):
    # the index's Khotynska is the Khotyn hromada (Chernivtsi); respelt it is Khotin, in
    # Sumy Oblast with the rest of the list
    read = _read("Shelling reached the Bilopilska and Khotynska communities.", gazetteer)
    assert read["Khotynska"] == frozenset({(PlaceKind.ADMIN2, "UA.21")})


SUMY_HROMADA = frozenset({(PlaceKind.ADMIN2, "UA.21")})


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Russian spelling: -skaya, and o or e where Ukrainian has i (Hlukhivska, Putyvlska)
        ("Two drones fell on the Glukhovskaya hromada before dawn.", "Glukhovskaya"),
        ("Mines were dropped on Putivlskaya community overnight.", "Putivlskaya"),
        # a linking vowel changed ("Velykopysarivska"), a stem without its ending
        ("Shells landed in the Velykypysarivska community at noon.", "Velykypysarivska"),
        ("A barn burned in the Nizhnesyrovatsk community after shelling.", "Nizhnesyrovatsk"),
        # two words, the index's Seredyno-Budska
        ("Mortar fire reached the Seredina-Budskaya community again.", "Seredina-Budskaya"),
    ],
)
def test_a_hromada_adjective_spelt_another_way_is_still_the_hromada(gazetteer, text, name):
    read = _read(text, gazetteer)
    assert read[name] == SUMY_HROMADA


def test_a_russian_spelt_hromada_is_not_a_hromada_with_other_vowels(gazetteer):
    # Miropolskaya is a Myropilska (Sumy or Zhytomyr), never the Mariupolska of Donetsk
    read = _read("Artillery hit the Miropolskaya hromada late on Sunday.", gazetteer)
    assert {a1 for _, a1 in read["Miropolskaya"]} == {"UA.21", "UA.27"}


def test_a_seat_named_in_a_list_of_communities_keeps_the_list_going(gazetteer):
    # "Konotop" is a town and a hromada's seat: the town stays, the names before it are read
    text = "Drones struck the Putivlskaya, Glukhovskaya and Konotop communities on Friday."
    read = _read(text, gazetteer)
    assert read["Putivlskaya"] == read["Glukhovskaya"] == SUMY_HROMADA
    assert (PlaceKind.POPULATED_PLACE, "UA.21") in read["Konotop"]


@pytest.mark.parametrize(
    ("oblast", "a1"),
    [("Dnipropetrovsk Oblast: ", "UA.04"), ("Donetsk Oblast: ", "UA.05"), ("", "UA.05")],
)
def test_a_hromada_named_by_its_seat_stem_is_the_one_of_the_articles_oblast(gazetteer, oblast, a1):
    # "Pokrovsk hromada" is Donetsk's; a Pokrovska hromada of Dnipropetrovsk Oblast is read too
    text = f"{oblast}a drone set fire to a barn in the Pokrovsk hromada at night."
    [place] = [t.place for t in geoparse(text, gazetteer=gazetteer) if "hromada" in t.surface]
    assert place.kind is PlaceKind.ADMIN2 and place.admin1_code == a1


def test_a_district_spelt_with_y_for_i_is_still_the_district(gazetteer):
    read = _read("A substation burned in the Klymov district after a drone strike.", gazetteer)
    assert read == {"Klymov district": frozenset({(PlaceKind.ADMIN2, "RU.10")})}


def test_a_district_adjective_in_russian_spelling_is_still_the_district(gazetteer):
    # Polohivskyi in the index: "-sky" for "-skyi" and g for the Ukrainian h
    read = _read("A shell wounded a pensioner in Pologivsky district on Friday.", gazetteer)
    assert read == {"Pologivsky district": frozenset({(PlaceKind.ADMIN2, "UA.26")})}


def test_a_town_before_community_is_still_the_town(gazetteer):
    read = _read("Shells landed in the Marhanets community overnight.", gazetteer)
    assert (PlaceKind.POPULATED_PLACE, "UA.04") in read["Marhanets"]


@pytest.mark.parametrize("kind", ["territorial", "urban", "rural", "village territorial"])
def test_a_seat_before_a_kind_of_community_is_still_the_town(gazetteer, kind):
    text = f"Families left the Marhanets {kind} community on Sunday."
    tops = {t.surface: t.place for t in geoparse(text, gazetteer=gazetteer) if t.is_place}
    assert tops["Marhanets"].name == "Marhanets"


def test_an_adjective_before_territorial_community_is_the_hromada(gazetteer):
    read = _read("Shelling hit the Velykoburlutska territorial community.", gazetteer)
    [(surface, readings)] = read.items()
    assert surface.startswith("Velykoburlutska")
    assert readings == frozenset({(PlaceKind.ADMIN2, "UA.07")})


def test_a_town_before_a_lowercase_word_other_than_a_kind_keeps_the_rule(gazetteer):
    # "the Marhanets territorial" opens a hromada; "the Marhanets defence" names no place
    text = "Troops of the Marhanets defence battalion trained on Sunday."
    assert "Marhanets" not in {t.surface for t in geoparse(text, gazetteer=gazetteer) if t.is_place}


def _unit(text, gazetteer, name):
    """The admin-1 reading geoparse gives ``name`` in ``text`` (None for any other)."""
    (top,) = [t for t in geoparse(text, gazetteer=gazetteer) if t.surface == name]
    return top.place.place_id if top.place.kind is PlaceKind.ADMIN1 else None


def test_the_dnipro_region_is_dnipropetrovsk_oblast_alone_or_listed(gazetteer):
    # English calls the oblast by its centre's new name; bare "Dnipro" stays the city
    text = "Overnight shelling reached the Dnipro region again."
    assert _unit(text, gazetteer, "Dnipro region") == "a1:UA.04"
    assert _unit("Drones flew over the Poltava and Dnipro regions.", gazetteer, "Dnipro") == (
        "a1:UA.04"
    )
    assert _unit("A drone fell on a street in Dnipro at dawn.", gazetteer, "Dnipro") is None


def test_the_orlov_region_is_oryol_oblast_alone_or_listed(gazetteer):
    # Russian wire copy renders Орловская область as "the Orlov region"; the surname and the
    # town of Orlov in Kirov Oblast are not the oblast
    assert _unit("A drone was shot down over the Orlov region.", gazetteer, "Orlov region") == (
        "a1:RU.56"
    )
    text = "Air defences stopped drones over the Bryansk, Kaluga and Orlov regions on Friday."
    assert _unit(text, gazetteer, "Orlov") == "a1:RU.56"
    text = "Pavel Orlov told the committee on Friday that the budget was agreed."
    assert "Orlov" not in {t.surface for t in geoparse(text, gazetteer=gazetteer) if t.is_place}


@pytest.mark.parametrize(
    ("surface", "code"), [("Khersonsk", "UA.08"), ("Sumsk", "UA.21"), ("Zaporizk", "UA.26")]
)
def test_an_oblast_adjective_without_its_final_a_is_the_oblast(gazetteer, surface, code):
    # relief agencies' reports in 2022 wrote "Khersonsk oblast" for Khersonska oblast
    text = f"Fighting went on in {surface} oblast this week."
    (top,) = [t for t in geoparse(text, gazetteer=gazetteer) if t.is_place]
    assert top.surface.startswith(surface)
    assert (top.place.kind, top.place.admin1_code) == (PlaceKind.ADMIN1, code)


def test_a_town_before_a_sides_adjective_and_its_noun_is_the_town(gazetteer):
    # no comma after the fronted place: the adjective opens the subject, no longer name
    text = "In Kupiansk Ukrainian units held the railway station on Friday."
    tops = {t.surface: t for t in geoparse(text, gazetteer=gazetteer)}
    assert tops["Kupiansk"].place is not None
    assert tops["Kupiansk"].place.name == "Kupiansk"


@pytest.mark.parametrize(
    "text",
    [
        "Officials moved people out of 6 villages of Bilopilska and 3 villages of Esmanska "
        "communities on Friday.",
        "Officials moved people out of two settlements of the Bilopilska and five villages "
        "of the Esmanska communities.",
    ],
)
def test_a_list_of_hromada_adjectives_goes_on_past_each_items_count_of_villages(gazetteer, text):
    # Each hromada's count of villages stands between the items: the list is one list, and
    # its plural "communities" makes each adjective a hromada of Sumy Oblast.
    read = _read(text, gazetteer)
    assert {"Bilopilska", "Esmanska"} <= set(read)
    assert all(
        read[n] == frozenset({(PlaceKind.ADMIN2, "UA.21")}) for n in ("Bilopilska", "Esmanska")
    )


def test_a_town_before_its_own_country_without_a_comma_is_the_town(gazetteer):
    # "the port of Odesa Ukraine": the comma left out, the country is no part of a name
    def role(text):
        found = recognise(text, tokenize(text), gazetteer)
        return next(m.role for m in found if m.surface == "Odesa")

    assert role("A drone struck the port city of Odesa Ukraine on Friday night.") is (
        ToponymRole.LITERAL
    )
    # more capitalised words after the country make one name of the run
    assert role("The Odesa Ukraine Relief Fund sent trucks.") is ToponymRole.EMBEDDED


def test_a_city_a_strike_verb_hits_with_its_weapons_keeps_its_translated_article(gazetteer):
    # Round 20 (accR): "the Dnipro" struck with missiles is the city; crossed, the river
    struck = "At noon the enemy struck the Dnipro with two ballistic missiles."
    assert any(t.surface == "Dnipro" and t.is_place for t in geoparse(struck, gazetteer=gazetteer))
    crossed = "At noon the enemy crossed the Dnipro with two boats."
    assert not any(
        t.surface == "Dnipro" and t.is_place for t in geoparse(crossed, gazetteer=gazetteer)
    )
