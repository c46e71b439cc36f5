"""The offline gazetteer: names, kinds, aliases, free-text search and the on-disk index."""

from __future__ import annotations

import dataclasses
import os
import shutil
import time

import pytest

from geo.errors import DataError
from geo.places import gazetteer as gz
from geo.places import gazetteer_build as gb
from geo.places import gazetteer_cache as gc
from geo.places.names import NameIndex, normalize
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
    assert normalize(raw) == key


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
        # Russian spellings of oblast centres in Russian outlets' English copy
        ("Vinnitsa", "Vinnytsia"),
        ("Cherkassy", "Cherkasy"),
        ("Khmelnitsky", "Khmelnytskyi"),
        ("Kropivnitsky", "Kropyvnytskyi"),
        ("Kamenskoye", "Kamianske"),
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


def test_a_town_is_in_the_admin1_unit_that_holds_it_where_the_sources_codes_disagree(gazetteer):
    # GeoNames codes French towns by region, Natural Earth's French units are departments that
    # reuse the same numbers: by code alone Lyon was in Vaucluse.
    for place_id, unit in [("gn:2996944", "Rhône"), ("gn:2995469", "Bouches-du-Rhône")]:
        place = gazetteer.get(place_id)
        assert place.admin1_name == unit
        assert gazetteer.admin1(place.admin1_code).name == unit
    # Where the codes agree nothing moves: Kharkiv stays in its oblast.
    assert gazetteer.get("gn:706483").admin1_code == "UA.07"


def test_admin1_by_point_moves_only_places_outside_their_coded_unit():
    from shapely.geometry import box

    b = gb._Builder()
    right = {"A.1": box(0, 0, 1, 1), "A.2": box(1, 0, 2, 1), "A.3": box(5, 5, 6, 6)}
    names = {"A.1": "One", "A.2": "Two", "A.3": "Three"}
    # Three places coded A.3 lie in A.1 and A.2 (a code of another level); one lies nowhere.
    for k, (lon, lat) in enumerate([(0.5, 0.5), (1.5, 0.5), (1.4, 0.2), (9.0, 9.0)]):
        b.add_place(
            place_id=f"gn:{k}",
            name=f"p{k}",
            lat=lat,
            lon=lon,
            kind=PlaceKind.POPULATED_PLACE,
            cc="A",
            a1="A.3",
            a1_name="Three",
        )
    # Three places coded A.1 that lie in it stay, even beside a stray.
    for k, lon in enumerate([0.2, 0.4, 0.6]):
        b.add_place(
            place_id=f"gn:1{k}",
            name=f"q{k}",
            lat=0.5,
            lon=lon,
            kind=PlaceKind.POPULATED_PLACE,
            cc="A",
            a1="A.1",
            a1_name="One",
        )
    gb._admin1_by_point(b, right, names)
    assert b.cols["admin1_code"][:4] == ["A.1", "A.2", "A.2", ""]
    assert b.cols["admin1_name"][:4] == ["One", "Two", "Two", ""]
    assert b.cols["admin1_code"][4:] == ["A.1"] * 3


def test_populated_places_filters_by_country_and_population(gazetteer):
    frame = gazetteer.populated_places(country_codes=["UA"], min_population=100_000)
    assert set(frame["country_code"]) == {"UA"}
    assert (frame["population"] >= 100_000).all()
    assert "Kharkiv" in set(frame["name"])
    assert {"place_id", "name", "lat", "lon", "admin1_code", "population"} <= set(frame.columns)


def test_alias_to_unknown_place_is_a_data_error(tmp_path):
    b = gb._Builder()
    bad = tmp_path / "aliases.csv"
    bad.write_text("alias,place_id\nAtlantis,gn:999999999\n", encoding="utf-8")
    with pytest.raises(DataError, match="Atlantis"):
        gb._apply_aliases(b, bad)


def test_index_is_built_once_cached_atomically_and_reused_warm(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE", str(tmp_path))
    monkeypatch.setattr(gz, "_loaded", {})
    calls = []
    first = gz.load_gazetteer(progress=lambda msg, frac: calls.append((msg, frac)))
    assert calls and calls[-1][1] == 1.0  # progress was reported while building
    indexes = [p.name for p in tmp_path.glob(f"gazetteer-*{gc.SUFFIX}")]
    assert len(indexes) == 1
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left over
    # A warm load in a fresh process reads the file and reports no progress.
    monkeypatch.setattr(gz, "_loaded", {})
    calls.clear()
    warm = gz.load_gazetteer(progress=lambda msg, frac: calls.append(msg))
    assert calls == [] and len(warm) == len(first)


def test_index_of_another_key_in_the_file_is_not_read(tmp_path):
    path = tmp_path / f"gazetteer-a{gc.SUFFIX}"
    gc.write_index(path, gc.pack_index("a", {"place_id": []}, NameIndex.from_dict({})))
    index = gc.read_index(path, "a")
    assert index is not None and len(index.columns["place_id"]) == 0 and len(index.names) == 0
    assert gc.read_index(path, "b") is None


# Two checkouts sharing one cache folder: each has its own data/ (same bytes, other paths).
# The build itself is replaced by a tiny fake that counts calls; the key is the real one.


def _checkout(root, name):
    data = root / name / "data"
    data.mkdir(parents=True)
    real = gb.sources()
    ours = [path for path in real.by_role().values() if path.parent == real.aliases.parent]
    for src in ours:
        shutil.copyfile(src, data / src.name)
        # An hour old: files written in the last seconds are never remembered in the sidecar.
        old = time.time() - 3600
        os.utime(data / src.name, (old, old))
    return data


@pytest.fixture()
def shared_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("GEO_CACHE", str(cache))
    monkeypatch.setattr(gz, "_loaded", {})
    monkeypatch.setattr(gc, "_digests", {})
    builds = []

    def fake_build(src, progress):
        builds.append(src)
        return {"place_id": ["cc:UA"], "name": ["Ukraine"]}, NameIndex.from_dict({"ukraine": [0]})

    monkeypatch.setattr(gz, "build_index", fake_build)
    return cache, builds


def _use_checkout(monkeypatch, data):
    """Point the gazetteer at a checkout's data/ and forget the process's state."""
    monkeypatch.setattr(gb, "data_dir", lambda: data)
    monkeypatch.setattr(gz, "_loaded", {})
    monkeypatch.setattr(gc, "_digests", {})


def test_two_checkouts_sharing_a_cache_build_the_index_once(tmp_path, monkeypatch, shared_cache):
    cache, builds = shared_cache
    one, two = _checkout(tmp_path, "one"), _checkout(tmp_path, "two")
    _use_checkout(monkeypatch, one)
    key_one = gc.index_key(gb.sources())
    gz.load_gazetteer()
    assert len(builds) == 1
    _use_checkout(monkeypatch, two)
    assert gc.index_key(gb.sources()) == key_one  # same bytes at other paths: same key
    assert len(gz.load_gazetteer()) == 1 and len(builds) == 1  # warm: read, not rebuilt
    _use_checkout(monkeypatch, one)
    gz.load_gazetteer()
    assert len(builds) == 1
    assert [p.name for p in cache.glob("gazetteer-*.index")] == [f"gazetteer-{key_one}.index"]


def test_warm_key_reads_no_file_the_sidecar_remembers(tmp_path, monkeypatch, shared_cache):
    data = _checkout(tmp_path, "one")
    _use_checkout(monkeypatch, data)
    key = gc.index_key(gb.sources())  # hashes every file once, remembers the digests
    _use_checkout(monkeypatch, data)  # a fresh process: only the sidecar remembers
    reads = []
    real_read = gc.Path.read_bytes
    monkeypatch.setattr(gc.Path, "read_bytes", lambda p: reads.append(p) or real_read(p))
    assert gc.index_key(gb.sources()) == key
    assert reads == []


def test_a_changed_data_file_gives_a_different_key(tmp_path, monkeypatch, shared_cache):
    data = _checkout(tmp_path, "one")
    _use_checkout(monkeypatch, data)
    src = gb.sources()
    before = gc.index_key(src)
    with (data / "aliases.csv").open("a", encoding="utf-8") as fh:
        fh.write("Kyiv City,gn:703448\n")
    assert gc.index_key(src) != before
    # The same content elsewhere keys the same, whatever the path.
    elsewhere = tmp_path / "aliases.csv"
    shutil.copyfile(data / "aliases.csv", elsewhere)
    assert gc.index_key(dataclasses.replace(src, aliases=elsewhere)) == gc.index_key(src)


def test_a_build_keeps_other_keys_indexes_and_removes_only_long_unused_ones(
    tmp_path, monkeypatch, shared_cache
):
    cache, builds = shared_cache
    _use_checkout(monkeypatch, _checkout(tmp_path, "one"))
    neighbour = cache / "gazetteer-0123456789abcdef.index"  # another checkout's, in use
    neighbour.write_bytes(b"index")
    forgotten = cache / "gazetteer-fedcba9876543210.index"
    forgotten.write_bytes(b"index")
    old = time.time() - (gc.UNUSED_DAYS + 1) * 86400
    os.utime(forgotten, (old, old))
    # An index of the earlier (pickled) format: kept while in use, removed once forgotten.
    old_neighbour = cache / "gazetteer-1111111111111111.pickle"
    old_neighbour.write_bytes(b"index")
    old_forgotten = cache / "gazetteer-2222222222222222.pickle"
    old_forgotten.write_bytes(b"index")
    os.utime(old_forgotten, (old, old))
    abandoned = cache / ".gazetteer-fedcba9876543210-x.tmp"  # from a killed build
    abandoned.write_bytes(b"half")
    os.utime(abandoned, (old, old))
    building = cache / ".gazetteer-0123456789abcdef-y.tmp"  # another process writing now
    building.write_bytes(b"half")
    gz.load_gazetteer()
    assert len(builds) == 1
    assert neighbour.exists() and building.exists() and old_neighbour.exists()
    assert not forgotten.exists() and not abandoned.exists() and not old_forgotten.exists()


def test_a_warm_load_marks_the_index_as_used(tmp_path, monkeypatch, shared_cache):
    cache, builds = shared_cache
    _use_checkout(monkeypatch, _checkout(tmp_path, "one"))
    gz.load_gazetteer()
    (path,) = cache.glob(f"gazetteer-*{gc.SUFFIX}")
    old = time.time() - 10 * 86400
    os.utime(path, (old, old))
    monkeypatch.setattr(gz, "_loaded", {})
    gz.load_gazetteer()
    assert len(builds) == 1
    assert time.time() - path.stat().st_mtime < 3600


def test_capitals_are_flagged_from_the_country_table(gazetteer):
    assert gazetteer.is_capital("gn:703448")  # Kyiv
    assert gazetteer.is_capital("gn:4140963")  # Washington, D.C.
    assert not gazetteer.is_capital("gn:704422")  # Pokrovsk
    assert not gazetteer.is_capital("gn:0")


def test_the_packed_name_index_answers_like_a_dict():
    names = {"kyiv": [4, 9], "kharkiv oblast": [12], "odesa": [7]}
    index = NameIndex.from_dict(names)
    assert len(index) == 3
    assert index.max_words == 2
    for key, postings in names.items():
        assert key in index
        assert list(index.get(key)) == postings
    assert "lviv" not in index
    assert index.get("lviv") == ()
    assert "zzz" not in index and "a" not in index  # before the first and after the last key


@pytest.mark.parametrize(
    "form",
    ["Pokrovskyi district", "Pokrovsky district", "Pokrovskiy raion", "Pokrovskyy district"],
)
def test_a_raion_is_known_by_its_adjective_in_the_press_spellings(gazetteer, form):
    names = {c.place.name for c in gazetteer.lookup(form) if c.place.kind is PlaceKind.ADMIN2}
    assert names == {"Pokrovsk Raion"}


def test_has_answers_the_same_from_its_cache_and_after_the_cache_is_cleared(gazetteer, monkeypatch):
    keys = ["kharkiv", "pokrovsk", "no such place xyz", "kursk oblast", "qqqq"]
    expected = [gazetteer._names.__contains__(k) for k in keys]
    assert expected == [True, True, False, True, False]
    monkeypatch.setattr(gz, "_KEY_CACHE_SIZE", 2)
    gazetteer._has_cache.clear()
    for _ in range(3):  # first answers, repeats, and answers after clearing when full
        assert [gazetteer.has(k) for k in keys] == expected
        assert len(gazetteer._has_cache) <= 2


def test_lookup_key_gives_each_caller_its_own_list_of_the_same_candidates(gazetteer):
    first = gazetteer.lookup_key("pokrovsk")
    assert len(first) >= 2
    first.clear()  # a caller's list is its own: changing it changes no later answer
    again = gazetteer.lookup_key("pokrovsk")
    assert again == gazetteer.lookup_key("pokrovsk") and len(again) >= 2
    assert {c.place.place_id for c in again} == {
        gazetteer.place(p >> 2).place_id for p in gazetteer._names.get("pokrovsk")
    }
    assert gazetteer.lookup_key("no such place xyz") == []
