"""Near-spellings in running text: weak evidence, only where the text frames a place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from geo.places.names import normalize
from geo.places.near_spellings import near_spellings
from geo.places.spatial import great_circle_km
from geo.toponyms.geoparse import geoparse
from geo.toponyms.near import NEAR_CEILING, resolve_near, respelt_in_named_oblasts
from geo.toponyms.tokens import Mention


def _at(text, word, gazetteer):
    """The toponym whose surface is ``word``, or None."""
    return next((t for t in geoparse(text, gazetteer=gazetteer) if t.surface == word), None)


DONETSK = "Russian forces pressed on Pokrovsk and Kostiantynivka in Donetsk Oblast on Monday."


def test_a_press_variant_resolves_with_less_confidence_than_the_exact_name(gazetteer):
    near = _at(f"{DONETSK} Shelling was reported in Vuhledarr.", "Vuhledarr", gazetteer)
    exact = _at(f"{DONETSK} Shelling was reported in Vuhledar.", "Vuhledar", gazetteer)
    assert near is not None and exact is not None
    assert near.place.place_id == exact.place.place_id
    assert near.candidates[0].match == "near"
    assert near.confidence <= NEAR_CEILING < exact.confidence


def test_a_town_oblast_qualifier_frames_a_near_spelling(gazetteer):
    text = "Ukrainian troops withdrew from Arkhengelske, Donetsk Oblast, the army said."
    top = _at(text, "Arkhengelske", gazetteer)
    assert top is not None
    assert (top.place.name, top.place.admin1_code) == ("Arkhanhelske", "UA.05")


def test_a_list_that_continues_places_frames_a_near_spelling(gazetteer):
    top = _at(f"{DONETSK} Strikes hit Pokrovsk, Myrnohrad and Kurakhovoe.", "Kurakhovoe", gazetteer)
    assert top is not None and top.place.name == "Kurakhove"


def test_a_two_word_name_opening_with_an_adjective_is_a_near_spelling(gazetteer):
    text = f"{DONETSK} Shelling was reported in Velyka Novoselka and in Sukhy Yar."
    velyka, sukhy = _at(text, "Velyka Novoselka", gazetteer), _at(text, "Sukhy Yar", gazetteer)
    assert (velyka.place.name, sukhy.place.name) == ("Velyka Novosilka", "Sukhyi Yar")
    # "Novoselka" has the Russian e where Ukrainian has i: a respelling, not a loose spelling
    assert velyka.candidates[0].match == "respelt"
    # Not any two capitalised words: "Nova Scotia Power" is a name of its own.
    power = f"{DONETSK} Crews from Nova Scotia Power came."
    assert _at(power, "Nova Scotia Power", gazetteer) is None


def test_a_surname_close_to_a_village_of_the_oblast_stays_a_person(gazetteer):
    # Petrenky is a village of Donetsk Oblast one letter from the surname.
    assert near_spellings(gazetteer, normalize("Petrenko"), admin1={"UA.05"})
    text = (
        f"{DONETSK} Petrenko, who commands a drone unit, said the roads were mined. "
        "According to Petrenko, the brigade held its positions."
    )
    assert _at(text, "Petrenko", gazetteer) is None


def test_the_article_geography_must_agree(gazetteer):
    # Kostiantynivka is a town of Donetsk Oblast and a village of Kharkiv Oblast: an article
    # about Kharkiv Oblast reads the variant as its own village.
    text = "Russian troops attacked Kupiansk in Kharkiv Oblast and shelled Kostyantinovka."
    top = _at(f"{text} Fighting went on near Kostyantinovka.", "Kostyantinovka", gazetteer)
    assert top is not None and top.place.admin1_code == "UA.07"


def test_no_near_spelling_outside_the_theatre(gazetteer):
    text = "The storm hit Cleveland, Ohio, and flooded roads in Vuhledarr overnight."
    assert _at(text, "Vuhledarr", gazetteer) is None


def test_an_exact_name_of_another_oblast_beats_a_near_spelling_in_the_articles(gazetteer):
    # Krasnopavlivka (Kharkiv Oblast) is held exactly; Krasnopolivka of Donetsk Oblast is
    # only a near-spelling of it.
    assert near_spellings(gazetteer, normalize("Krasnopavlivka"), admin1={"UA.05"})
    top = _at(
        f"{DONETSK} Families were evacuated from Krasnopavlivka.", "Krasnopavlivka", gazetteer
    )
    assert top is not None
    assert (top.place.name, top.place.admin1_code) == ("Krasnopavlivka", "UA.07")
    assert top.candidates[0].match != "near"


def test_a_district_adjective_is_not_a_near_spelled_village(gazetteer):
    # Before "districts" the adjective is the district (tests/toponyms/test_recognise.py);
    # before a word that makes no unit it stays unread, never a village spelled near it.
    text = f"{DONETSK} Children are evacuated from villages of Pokrovsky and Kramatorsk areas."
    assert _at(text, "Pokrovsky", gazetteer) is None


def test_importing_the_geoparser_does_not_load_rapidfuzz():
    code = "import sys, geo.toponyms.geoparse; print('rapidfuzz' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_a_surname_listed_after_a_people_is_not_a_village(gazetteer):
    text = f"{DONETSK} Both Ukrainians and Petrenko, a local official, described the attack."
    assert _at(text, "Petrenko", gazetteer) is None


def test_a_russian_spelling_is_respelt_to_the_ukrainian_name_and_trusted(gazetteer):
    text = (
        "Russian forces repelled attacks near Kupiansk in Kharkiv Oblast; the heaviest "
        "fighting was near the village of Sinkovka, the ministry said."
    )
    top = _at(text, "Sinkovka", gazetteer)
    assert top is not None
    assert (top.place.name, top.place.admin1_code) == ("Synkivka", "UA.07")
    assert top.candidates[0].match == "respelt"
    assert top.confidence > NEAR_CEILING


def test_a_name_followed_by_its_republic_is_framed_and_read_in_that_unit(gazetteer):
    text = (
        "Russian troops fought near Kupiansk in Kharkiv Oblast and at Novosyolovskoye "
        "in the Russian Lugansk People's Republic, Moscow said."
    )
    top = _at(text, "Novosyolovskoye", gazetteer)
    assert top is not None
    assert (top.place.name, top.place.admin1_code) == ("Novoselivske", "UA.14")


def test_a_name_followed_by_in_and_no_unit_is_not_framed(gazetteer):
    text = f"{DONETSK} Officials met Kovalchukov in the morning."
    assert _at(text, "Kovalchukov", gazetteer) is None


def test_a_case_form_set_off_after_community_resolves_weakly_in_the_articles_oblast(gazetteer):
    text = (
        "Guided bombs fell on Sumy Oblast overnight. One more hromada, Svesy, lost its "
        "power line to a drone."
    )
    top = _at(text, "Svesy", gazetteer)
    assert top is not None and top.place.name == "Svesa"
    assert top.place.admin1_code == "UA.21"
    assert top.confidence <= NEAR_CEILING


def test_a_case_form_after_a_framing_phrase_resolves_in_the_articles_oblast(gazetteer):
    text = "Kharkiv Oblast saw heavy fighting. Troops held firm in the area of Tykhi."
    top = _at(text, "Tykhi", gazetteer)
    assert top is not None and (top.place.name, top.place.admin1_code) == ("Tykhe", "UA.07")


def test_a_capitalised_word_after_a_comma_and_no_settlement_word_is_not_framed(gazetteer):
    text = "Sumy Oblast was shelled again. Residents, Svesy said, stayed in shelters."
    assert _at(text, "Svesy", gazetteer) is None


def test_a_romanisation_variant_in_a_list_is_trusted_like_the_name(gazetteer):
    text = (
        "Defence forces repelled assaults near Stelmakhivka, Ploschanka and Novoselivske "
        "in Luhansk Oblast, the General Staff said."
    )
    top = _at(text, "Ploschanka", gazetteer)
    assert top is not None
    assert (top.place.name, top.place.admin1_code) == ("Ploshchanka", "UA.14")
    assert top.candidates[0].match == "respelt"
    assert top.confidence > NEAR_CEILING


def test_a_hyphenated_prefix_is_read_as_the_one_word_name(gazetteer):
    text = "Heavy fighting continued near Novo-Mykhailivka in Donetsk Oblast, the army said."
    top = _at(text, "Novo-Mykhailivka", gazetteer)
    assert top is not None
    assert (top.place.name, top.place.admin1_code) == ("Novomykhailivka", "UA.05")


def test_the_nearer_of_two_respelt_namesakes_scores_higher(gazetteer):
    # Two villages of Donetsk Oblast are Novoserhiivka, each within reach of a place the
    # article names: the one beside Udachne (5 km) is the likelier than the one 14 km from
    # Dobropillia.
    def place(name):
        return next(c.place for c in gazetteer.lookup(name) if c.place.admin1_code == "UA.05")

    m = Mention(0, 1, 0, 15, "Novo-Serhiyivka", normalize("Novo-Serhiyivka"), [])
    m.near = True
    resolve_near(
        [m], gaz=gazetteer, admin1={"UA.05"}, anchors=[place("Udachne"), place("Dobropillia")]
    )
    assert len(m.cands) == 2
    best = max(range(2), key=m.scores.__getitem__)
    assert m.cands[best].place.lat < 48.3  # the southern one, beside Udachne (48.24 N)
    assert m.scores[best] > m.scores[1 - best]


def test_a_romanisation_variant_without_a_place_frame_is_not_read(gazetteer):
    text = f"{DONETSK} Ploschanka said the army needed more shells."
    assert _at(text, "Ploschanka", gazetteer) is None


REPUBLIC = "the Donetsk People's Republic"


def test_russian_spellings_are_read_among_the_named_oblasts_settlements(gazetteer):
    # Galitsynovka is in no index; Grigorovka is the old name of Hryhorivkas of three other
    # oblasts only. The republic named says both are Donetsk Oblast's.
    text = (
        f"Troops of the Centre group advanced in {REPUBLIC}, the Russian ministry said. "
        "The villages of Galitsynovka and Grigorovka came under their control."
    )
    galitsynovka, grigorovka = (
        _at(text, "Galitsynovka", gazetteer),
        _at(text, "Grigorovka", gazetteer),
    )
    assert (galitsynovka.place.name, galitsynovka.place.admin1_code) == ("Halytsynivka", "UA.05")
    assert galitsynovka.candidates[0].match == "respelt"
    assert (grigorovka.place.name, grigorovka.place.admin1_code) == ("Hryhorivka", "UA.05")
    # Of Donetsk Oblast's Hryhorivkas, the one beside Halytsynivka (48.10 N, 37.45 E)
    dist = great_circle_km(grigorovka.place.lat, grigorovka.place.lon, 48.10, 37.45)
    assert dist < 25
    assert grigorovka.candidates[0].match == "respelt"
    # A name qualified by one of two named oblasts is read in that one; the old name of a
    # Russian village ("Novopokrovskoe" of a Siberian Novopokrovka) brings no namesakes.
    text = (
        "Moscow claimed Stepova Novoselovka in Kharkiv Oblast and Novopokrovskoe in Donetsk "
        "Oblast on Monday."
    )
    top = _at(text, "Novopokrovskoe", gazetteer)
    assert (top.place.name, top.place.admin1_code) == ("Novopokrovske", "UA.05")


def test_a_two_word_name_opening_with_a_russian_adjective_is_respelt(gazetteer):
    # "Volnoye" alone is another oblast's Vilne; with "Pole" it is Donetsk Oblast's Vilne Pole.
    text = f"Russian units captured the village of Volnoye Pole in {REPUBLIC} on Friday."
    top = _at(text, "Volnoye Pole", gazetteer)
    assert top is not None
    assert (top.place.name, top.place.admin1_code) == ("Vilne Pole", "UA.05")


def test_a_name_the_index_holds_for_a_ukrainian_place_gains_no_respelt_namesakes(gazetteer):
    held = [c for c in gazetteer.lookup("Vodiane") if c.place.admin1_code == "UA.04"]
    m = Mention(0, 1, 0, 7, "Vodiane", normalize("Vodiane"), list(held))
    respelt_in_named_oblasts([m], gaz=gazetteer, units={"UA.05"})
    assert m.cands == held
    # The same name held only as another oblast's old name gains the named oblast's.
    old = [c for c in gazetteer.lookup("Vodyanoye") if c.place.admin1_code == "UA.04"]
    m = Mention(0, 1, 0, 9, "Vodyanoye", normalize("Vodyanoye"), list(old))
    respelt_in_named_oblasts([m], gaz=gazetteer, units={"UA.05"})
    assert {c.place.admin1_code for c in m.cands if c.match == "respelt"} == {"UA.05"}


def test_a_respelt_name_of_namesakes_nothing_places_stays_weak(gazetteer):
    # Donetsk Oblast has two Sviato-Pokrovskes, 200 km apart: alone, the name says neither.
    alone = f"Moscow says its units freed the village of Svyato-Pokrovskoe in {REPUBLIC}."
    top = _at(alone, "Svyato-Pokrovskoe", gazetteer)
    assert top is not None and top.place.name == "Sviato-Pokrovske"
    assert top.candidates[0].match == "near" and top.confidence <= NEAR_CEILING
    # Beside Siversk, the northern one, trusted as a respelling.
    text = (
        f"Moscow says its units freed the village of Svyato-Pokrovskoe near Siversk in {REPUBLIC}."
    )
    top = _at(text, "Svyato-Pokrovskoe", gazetteer)
    assert top.place.lat > 48.5
    assert top.candidates[0].match == "respelt"


def test_a_village_named_so_is_read_in_the_named_oblast_over_a_far_city(gazetteer):
    # Oktyabrsky the index holds as a city of 100,000 in Bashkortostan; "the village of"
    # says it is not that one, and the oblast named holds an Oktyabr'skiy of its own.
    text = (
        "Two men were hurt in Belgorod region overnight: a drone struck a barn in the "
        "village of Oktyabrsky, local officials reported."
    )
    top = _at(text, "Oktyabrsky", gazetteer)
    assert top is not None
    assert top.place.admin1_name == "Belgorod Oblast"


def test_a_city_of_that_name_is_not_moved_to_the_named_oblast(gazetteer):
    text = (
        "Two men were hurt in Belgorod region overnight, and a refinery in the city of "
        "Oktyabrsky in Bashkortostan was also hit."
    )
    top = _at(text, "Oktyabrsky", gazetteer)
    assert top is not None
    assert top.place.admin1_name == "Bashkortostan"


def test_the_plural_of_a_settlement_word_frames_the_first_item_of_its_list(gazetteer):
    # "the cities of X" opens a list as "the towns of X" does: its first item, spelt in
    # Russian, is read among the named oblast's settlements (Vasylivka, Zaporizhzhia Oblast).
    text = (
        "Officials in the Zaporozhye region reported that artillery pounded the cities of "
        "Vasylevka and Orikhiv overnight."
    )
    top = _at(text, "Vasylevka", gazetteer)
    assert top is not None
    assert (top.place.name, top.place.admin1_code) == ("Vasylivka", "UA.26")


def test_a_seat_named_before_community_is_framed_as_a_place(gazetteer):
    # Round 21 (accT): "the X community" frames a name the index lacks in that spelling
    text = "Sumy Oblast was shelled again. At dawn a drone struck the Krasnopilia community."
    top = _at(text, "Krasnopilia", gazetteer)
    assert top is not None
    assert (top.place.name, top.place.admin1_code) == ("Krasnopillia", "UA.21")
