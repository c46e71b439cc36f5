"""The offline gazetteer: names, kinds, aliases, free-text search and the on-disk index."""

from __future__ import annotations

import dataclasses

import pytest

from geo.errors import DataError
from geo.places import gazetteer as gz
from geo.records import PlaceKind


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Donets'k", "donetsk"),
        ("Sudža", "sudza"),
        ("Chasiv-Yar", "chasiv yar"),
        ("U.S.", "us"),
        ("  Kursk   Oblast ", "kursk oblast"),
        ("Ukraine’s", "ukraines"),
        ("Київ", "киів"),  # ї folds to і, as on the index side
    ],
)
def test_normalize_folds_case_accents_apostrophes_and_dashes(raw, key):
    assert gz.normalize(raw) == key


def test_old_and_new_spellings_and_cyrillic_resolve_to_the_same_city(gazetteer):
    best = {q: gazetteer.search(q, limit=1)[0].place.place_id for q in ("Kyiv", "Kiev", "Київ")}
    assert len(set(best.values())) == 1
    assert best["Kyiv"] == "gn:703448"
    for old, new in [
        ("Kharkov", "Kharkiv"),
        ("Vugledar", "Vuhledar"),
        ("Artemovsk", "Bakhmut"),
        ("Zaporozhye", "Zaporizhzhia"),
        ("Dnepr", "Dnipro"),
    ]:
        assert (
            gazetteer.search(old, limit=1)[0].place.place_id
            == gazetteer.search(new, limit=1)[0].place.place_id
        ), old


@pytest.mark.parametrize(
    "form", ["Kursk Oblast", "Kursk region", "Kursk Province", "Курская область"]
)
def test_admin1_forms_name_the_oblast_not_the_city(gazetteer, form):
    best = gazetteer.search(form, limit=1)[0].place
    assert best.kind is PlaceKind.ADMIN1
    assert best.admin1_code == "RU.41"


def test_regions_and_country_abbreviations_are_known(gazetteer):
    donbas = gazetteer.search("Donbas", limit=1)[0].place
    assert donbas.kind is PlaceKind.REGION
    # Placed inside the union of Donetsk and Luhansk oblasts.
    assert 47.0 < donbas.lat < 50.1 and 36.5 < donbas.lon < 40.3
    assert gazetteer.search("US", limit=1)[0].place.place_id == "cc:US"
    assert gazetteer.search("Donbass", limit=1)[0].place.place_id == donbas.place_id


def test_countries_sit_on_their_mainland(gazetteer):
    ukraine, france = gazetteer.country("UA"), gazetteer.country("FR")
    assert 44 < ukraine.lat < 52.5 and 22 < ukraine.lon < 40.5
    assert 42 < france.lat < 51 and -5 < france.lon < 8  # not dragged toward overseas parts


def test_primary_name_beats_an_old_alternate_name(gazetteer):
    # "Pokrovsk" is also an old name of Engels (pop 196k): today's Pokrovsk must rank first.
    ranked = gazetteer.search("Pokrovsk", limit=5)
    assert ranked[0].place.place_id == "gn:704422"
    engels = [c for c in ranked if c.place.name == "Engels"]
    assert engels and engels[0].match == "alternate"


def test_search_qualifiers_narrow_to_the_named_unit(gazetteer):
    ua = gazetteer.search("Pokrovsk, Donetsk Oblast", limit=1)[0].place
    ru = gazetteer.search("Pokrovsk, Sakha", limit=1)[0].place
    assert ua.admin1_code == "UA.05" and abs(ua.lat - 48.28) < 0.05
    assert ru.country_code == "RU" and ru.lat > 60
    assert gazetteer.search("Nowhere-at-all-ville") == []


def test_get_country_admin1_accessors(gazetteer):
    assert gazetteer.get("gn:486816").name == "Sudzha"
    assert gazetteer.admin1("UA.05").kind is PlaceKind.ADMIN1
    assert gazetteer.country("ua").country_code == "UA"
    assert gazetteer.get("gn:0") is None


def test_populated_places_filters_by_country_and_population(gazetteer):
    frame = gazetteer.populated_places(country_codes=["UA"], min_population=100_000)
    assert set(frame["country_code"]) == {"UA"}
    assert (frame["population"] >= 100_000).all()
    assert "Kharkiv" in set(frame["name"])
    assert {"place_id", "name", "lat", "lon", "admin1_code", "population"} <= set(frame.columns)


def test_alias_to_unknown_place_is_a_data_error(tmp_path):
    b = gz._Builder()
    bad = tmp_path / "aliases.csv"
    bad.write_text("alias,place_id\nAtlantis,gn:999999999\n", encoding="utf-8")
    with pytest.raises(DataError, match="Atlantis"):
        gz._apply_aliases(b, bad)


def test_index_is_built_once_cached_atomically_and_rebuilt_when_sources_change(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("GEO_CACHE", str(tmp_path))
    monkeypatch.setattr(gz, "_loaded", {})
    calls = []
    first = gz.load_gazetteer(progress=lambda msg, frac: calls.append((msg, frac)))
    assert calls and calls[-1][1] == 1.0  # progress was reported while building
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len(files) == 1 and files[0].startswith("gazetteer-")  # no temp file left over
    # A warm load in a fresh process reads the file and reports no progress.
    monkeypatch.setattr(gz, "_loaded", {})
    calls.clear()
    warm = gz.load_gazetteer(progress=lambda msg, frac: calls.append(msg))
    assert calls == [] and len(warm) == len(first)
    # Changing a source changes the fingerprint, so the next load builds a new index.
    src = gz._sources()
    aliases = tmp_path / "aliases.csv"
    aliases.write_bytes(src.aliases.read_bytes())
    moved = dataclasses.replace(src, aliases=aliases)
    assert moved.fingerprint() == src.fingerprint()  # same content, same index
    aliases.write_bytes(src.aliases.read_bytes() + b"Kyiv City,gn:703448\n")
    assert moved.fingerprint() != src.fingerprint()


def test_damaged_index_file_is_rebuilt_not_fatal(tmp_path, monkeypatch):
    path = tmp_path / "gazetteer-x.pickle"
    path.write_bytes(b"not a pickle")
    assert gz._read_index(path) is None


def test_capitals_are_flagged_from_the_country_table(gazetteer):
    assert gazetteer.is_capital("gn:703448")  # Kyiv
    assert gazetteer.is_capital("gn:4140963")  # Washington, D.C.
    assert not gazetteer.is_capital("gn:704422")  # Pokrovsk
    assert not gazetteer.is_capital("gn:0")
