"""Near-spellings of the theatre's settlements: the fold and the search."""

from __future__ import annotations

import pytest

from geo.places.names import normalize
from geo.places.near_spellings import (
    latin,
    near_spellings,
    nominatives,
    respellings,
    romanised,
    skeleton,
    ukrainian_forms,
)


@pytest.mark.parametrize(
    "spellings",
    [
        ("Kurakhove", "Kurakhovo", "Kurakhovoye", "Kurahove"),
        ("Bohoiavlenka", "Bogoyavlenka", "Bogojavlenka"),
        ("Selydove", "Selidovo", "Selidovoe"),
        ("Vuhledar", "Vugledar", "Vuhleddar"),
        ("Mar'inka", "Marinka", "Maryinka"),
    ],
)
def test_transliteration_variants_share_one_skeleton(spellings):
    assert len({skeleton(normalize(s)) for s in spellings}) == 1


def test_different_places_keep_different_skeletons():
    assert skeleton(normalize("Pokrovsk")) != skeleton(normalize("Pokrovka"))


def _names(gazetteer, word, admin1):
    return [
        (gazetteer.place(m.index).name, gazetteer.place(m.index).admin1_code)
        for m in near_spellings(gazetteer, normalize(word), admin1=admin1)
    ]


def test_a_doubled_letter_finds_the_settlement_in_its_oblast(gazetteer):
    assert not gazetteer.has(normalize("Vuhledarr"))
    assert _names(gazetteer, "Vuhledarr", {"UA.05"})[0] == ("Vuhledar", "UA.05")


def test_only_the_oblasts_asked_for_are_searched(gazetteer):
    # Vuhledar lies in Donetsk Oblast; Kharkiv Oblast (UA.07) holds nothing like it.
    assert _names(gazetteer, "Vuhledarr", {"UA.07"}) == []


def test_units_outside_the_theatre_hold_no_near_spellings(gazetteer):
    assert _names(gazetteer, "Clevelandd", {"US.OH"}) == []


def test_short_names_are_not_searched(gazetteer):
    assert _names(gazetteer, "Yarr", {"UA.05"}) == []


def test_a_far_spelling_is_no_match(gazetteer):
    assert _names(gazetteer, "Vinogradnikov", {"UA.05"}) == []


def test_prepare_builds_the_skeletons_that_later_searches_use(gazetteer):
    from geo.places import near_spellings as ns

    ns._built.pop(gazetteer, None)
    ns.prepare(gazetteer)
    table = ns._built[gazetteer]
    assert table.by_a1  # the theatre's oblasts hold settlements
    near_spellings(gazetteer, normalize("Pokrovskk"), admin1={"UA.05"})
    assert ns._built[gazetteer] is table  # built once, not again on first use


def test_respellings_turn_russian_forms_into_the_ukrainian_names(gazetteer):
    def names(key, unit):
        return {gazetteer.place(k).name for k in respellings(gazetteer, key, admin1={unit})}

    assert names("sinkovka", "UA.07") == {"Synkivka"}
    assert "Novoselivske" in names("novosyolovskoye", "UA.14")
    assert "Novohrodivka" in names("novogrodovka", "UA.05")
    # A spelling that differs beyond what romanisations disagree on is left to the
    # near-spelling search.
    assert names("synkifka", "UA.07") == set()


@pytest.mark.parametrize(
    ("variant", "name"),
    [
        ("Horodishche", "Horodyshche"),  # y/i
        ("Gorodische", "Horodyshche"),  # g/h, y/i and shch/sch at once
        ("Ploschanka", "Ploshchanka"),  # shch written sch
        ("Ploshanka", "Ploshchanka"),  # ... or sh
        ("Stelmahivka", "Stelmakhivka"),  # kh/h
        ("Novo-Oleksandrivka", "Novooleksandrivka"),  # a hyphenated prefix
    ],
)
def test_a_romanisation_variant_is_respelt_to_the_settlement(gazetteer, variant, name):
    found = respellings(gazetteer, normalize(variant), admin1={"UA.14", "UA.05"})
    assert name in {gazetteer.place(k).name for k in found}


def test_romanised_spellings_fold_only_the_letters_outlets_disagree_on():
    assert romanised(normalize("Sofiyivka")) == romanised(normalize("Sofiivka"))
    assert romanised(normalize("Khorosche")) == romanised(normalize("Khoroshe"))
    # The ending stays: a neuter name is not its feminine namesake.
    assert romanised(normalize("Verbove")) != romanised(normalize("Verbova"))


def test_a_romanisation_variant_is_found_only_in_the_oblasts_asked_for(gazetteer):
    assert respellings(gazetteer, normalize("Ploschanka"), admin1={"UA.21"}) == []


@pytest.mark.parametrize("word", ["Gladkov", "Syrskyi", "Prokudin", "Kimakovsky", "Lysenko"])
def test_surnames_have_no_romanisation_variant_among_frontline_settlements(gazetteer, word):
    units = {"UA.05", "UA.07", "UA.08", "UA.14", "UA.21", "UA.26", "RU.09", "RU.41"}
    assert respellings(gazetteer, normalize(word), admin1=units) == []


def test_ukrainian_ie_and_russian_e_fold_together():
    assert skeleton(normalize("Sievierodonetsk")) == skeleton(normalize("Severodonetsk"))


def _nominatives(gazetteer, word, admin1):
    return {
        (gazetteer.place(k).name, gazetteer.place(k).admin1_code)
        for k in nominatives(gazetteer, normalize(word), admin1=admin1)
    }


@pytest.mark.parametrize(
    ("oblique", "name", "admin1"),
    [("Svesy", "Svesa", "UA.21"), ("Tykhi", "Tykhe", "UA.07")],
)
def test_an_oblique_case_finds_its_nominative_in_the_oblast(gazetteer, oblique, name, admin1):
    assert not gazetteer.has(normalize(oblique))
    assert (name, admin1) in _nominatives(gazetteer, oblique, {admin1})


def test_an_oblique_case_is_looked_up_only_in_the_given_oblasts(gazetteer):
    assert _nominatives(gazetteer, "Svesy", {"UA.05"}) == set()


def test_a_name_without_a_case_ending_has_no_nominative(gazetteer):
    assert nominatives(gazetteer, normalize("Svesa"), admin1={"UA.21"}) == []


@pytest.mark.parametrize(
    ("variant", "unit", "name"),
    [
        ("Синьковка", "UA.07", "Synkivka"),  # Russian Cyrillic of a Ukrainian village
        ("Плосчанка", "UA.14", "Ploshchanka"),  # щ written сч
    ],
)
def test_a_cyrillic_variant_is_respelt_to_the_settlements_latin_name(
    gazetteer, variant, unit, name
):
    assert not gazetteer.has(normalize(variant))
    found = respellings(gazetteer, normalize(variant), admin1={unit})
    assert name in {gazetteer.place(k).name for k in found}


def test_latin_leaves_latin_names_alone_and_romanises_cyrillic():
    assert latin("pokrovsk") == "pokrovsk"
    assert latin(normalize("Щербинівка")) == "shcherbynivka"


@pytest.mark.parametrize(
    ("russian", "unit", "name"),
    [
        ("Vodyanoye", "UA.05", "Vodiane"),  # -oye is -e
        ("Svyato-Pokrovskoe", "UA.05", "Sviato-Pokrovske"),  # -skoe is -ske, Pokrovs- kept
        ("Volnoye Pole", "UA.05", "Vilne Pole"),  # a closed syllable's o is i, word by word
        ("Chasov Yar", "UA.05", "Chasiv Yar"),
        ("Velikaya Novoselka", "UA.05", "Velyka Novosilka"),  # -aya is -a
        ("Aleksandrovka", "UA.05", "Oleksandrivka"),  # Ale- is Ole-
        ("Novoaleksandrivka", "UA.05", "Novooleksandrivka"),  # ... after Novo- too
        ("Ocheretino", "UA.05", "Ocheretyne"),  # -ino is -yne
        ("Mirnoye", "UA.26", "Myrne"),
        ("Belaya Gora", "UA.14", "Bila Hora"),  # Russian e of an old root is Ukrainian i
        ("Kleshcheyevka", "UA.05", "Klishchiivka"),  # -eyevka is -iivka, and e of the root i
        ("Razdolovka", "UA.05", "Rozdolivka"),  # the prefix raz- is roz-
    ],
)
def test_a_russian_spelling_is_respelt_to_the_ukrainian_name(gazetteer, russian, unit, name):
    found = respellings(gazetteer, normalize(russian), admin1={unit})
    assert name in {gazetteer.place(k).name for k in found}


def test_russian_forms_are_choices_the_index_must_confirm():
    forms = ukrainian_forms(normalize("Pokrovskoye"))
    # Pokrovske keeps its o; Ukrainian names with -ivske exist too: both are asked for.
    assert {"pokrovske", "pokrivske"} <= forms
    assert "pokrovskoe" in forms  # the spelling itself stays among them


def _parts(table):
    return table.by_a1, table.by_skeleton, table.romanised


def test_the_skeleton_table_is_kept_in_the_cache_and_read_back_unbuilt(
    gazetteer, tmp_path, monkeypatch
):
    from geo.places import near_spellings as ns

    built = ns.load_table(gazetteer, cache=tmp_path)
    path = ns.table_path(gazetteer, cache=tmp_path)
    assert path is not None and path.is_file()

    def no_build(self, gaz):
        raise AssertionError("read back, not built")

    monkeypatch.setattr(ns._Skeletons, "_build", no_build)
    read = ns.load_table(gazetteer, cache=tmp_path)
    assert _parts(read) == _parts(built)
    # in the same order too: a unit's settlements are scanned in it
    assert list(read.by_a1) == list(built.by_a1)
    assert all(list(read.romanised[a]) == list(built.romanised[a]) for a in built.romanised)


def test_a_damaged_skeleton_table_is_built_again(gazetteer, tmp_path):
    from geo.places import near_spellings as ns

    built = ns.load_table(gazetteer, cache=tmp_path)
    path = ns.table_path(gazetteer, cache=tmp_path)
    path.write_bytes(path.read_bytes()[:1000])
    assert _parts(ns.load_table(gazetteer, cache=tmp_path)) == _parts(built)
    path.write_bytes(b"")
    assert _parts(ns.load_table(gazetteer, cache=tmp_path)) == _parts(built)


def test_an_index_held_in_memory_keeps_no_skeleton_table(gazetteer, tmp_path):
    import dataclasses

    from geo.places import near_spellings as ns
    from geo.places.gazetteer import Gazetteer

    in_memory = Gazetteer(dataclasses.replace(gazetteer._index, path=None))
    assert in_memory.saved_key is None
    assert ns.table_path(in_memory, cache=tmp_path) is None
    assert ns.load_table(in_memory, cache=tmp_path).by_a1
    assert list(tmp_path.iterdir()) == []


def test_a_skeleton_table_unread_for_a_month_or_left_half_written_is_removed(gazetteer, tmp_path):
    import os
    import time

    from geo.places import near_spellings as ns

    old = tmp_path / f"{ns.TABLE_PREFIX}0123456789abcdef{ns.TABLE_SUFFIX}"
    recent = tmp_path / f"{ns.TABLE_PREFIX}fedcba9876543210{ns.TABLE_SUFFIX}"
    # a temporary file left by a process killed while writing, and one being written now
    left = tmp_path / f".{ns.TABLE_PREFIX}0123456789abcdef-x1y2z3.tmp"
    writing = tmp_path / f".{ns.TABLE_PREFIX}fedcba9876543210-a1b2c3.tmp"
    for path in (old, recent, left, writing):
        path.write_bytes(b"x")
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    os.utime(left, (time.time() - 2 * 86400,) * 2)
    ns.load_table(gazetteer, cache=tmp_path)
    assert not old.exists() and recent.exists()
    assert not left.exists() and writing.exists()
    assert ns.table_path(gazetteer, cache=tmp_path).is_file()
