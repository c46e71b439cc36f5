"""The theatre's own tables in the index: Russia's border districts at their seats."""

from __future__ import annotations

import csv
import gzip
import io

import pytest

from geo.config import data_dir
from geo.errors import DataError
from geo.places.names import normalize
from geo.places.theatre import add_ru_districts, river_ids
from geo.records import GeoPrecision, PlaceKind

# How many districts each oblast has in data/ru_border_districts.csv (the cities that are
# okrugs of their own are not districts).
DISTRICTS = {"RU.41": 28, "RU.09": 21, "RU.10": 27}


def _table(name):
    path = data_dir() / name
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        text = "".join(line for line in fh if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(text)))


def _districts(gazetteer):
    """The index's place for each row of the districts table (None where it has none)."""
    return [
        gazetteer.get(f"ru2:{r['admin1']}:{r['adjective'].split('|')[0]}")
        for r in _table("ru_border_districts.csv")
    ]


def test_every_border_district_is_an_admin2_place_of_its_oblast(gazetteer):
    found = _districts(gazetteer)
    assert None not in found
    counts = {a1: sum(1 for p in found if p.admin1_code == a1) for a1 in DISTRICTS}
    assert counts == DISTRICTS
    assert {(p.kind, p.country_code, p.precision) for p in found} == {
        (PlaceKind.ADMIN2, "RU", GeoPrecision.ADMIN2)
    }
    assert {p.admin1_name for p in found} == {"Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast"}


def test_a_district_stands_at_its_seat(gazetteer):
    (sudzhansky,) = [c.place for c in gazetteer.lookup("Sudzhansky District")]
    (sudzha,) = [
        c.place
        for c in gazetteer.lookup("Sudzha")
        if c.place.kind is PlaceKind.POPULATED_PLACE and c.place.admin1_code == "RU.41"
    ]
    assert (sudzhansky.lat, sudzhansky.lon) == (sudzha.lat, sudzha.lon)


def test_a_ukrainian_raion_and_hromada_stand_at_their_seat_not_at_the_mean_of_their_villages(
    gazetteer,
):
    from geo.places.spatial import haversine_km

    (nikopol,) = [
        c.place
        for c in gazetteer.lookup("Nikopol")
        if c.place.kind is PlaceKind.POPULATED_PLACE and c.place.admin1_code == "UA.04"
    ]
    for unit in ("Nikopol Raion", "Nikopol hromada"):
        (place,) = [c.place for c in gazetteer.lookup(unit) if c.place.kind is PlaceKind.ADMIN2]
        assert place.precision is GeoPrecision.ADMIN2  # still shown as a coarse point
        # The raion's villages average out 28 km north-east of the town.
        assert haversine_km(place.lat, place.lon, nikopol.lat, nikopol.lon) < 3


def test_every_seat_is_a_settlement_of_the_table_in_its_oblast():
    settlements = {
        (r["admin1"], normalize(r["name_ru"])) for r in _table("ru_border_settlements.csv.gz")
    }
    missing = [
        r["name_ru"]
        for r in _table("ru_border_districts.csv")
        if (r["admin1"], normalize(r["seat_ru"])) not in settlements
    ]
    assert missing == []


def test_a_seat_among_namesakes_is_the_most_populous_one(gazetteer):
    # Belgorod Oblast has two villages called Krasnoye; the district's seat is the one of
    # 2,000 people in the oblast's north-east, not the unpeopled postal point near Belgorod.
    (krasnensky,) = [c.place for c in gazetteer.lookup("Krasnensky district")]
    assert krasnensky.lat > 50.8 and krasnensky.lon > 38.5


@pytest.mark.parametrize(
    "form",
    [
        "Sudzhansky district",
        "Sudzhanskiy district",
        "Sudzhanskyi raion",
        "Sudzhanski district",
        "Sudzhansky okrug",
        "Sudzha district",
        "Суджанский район",
        "Суджанский округ",
    ],
)
def test_a_district_is_known_by_its_press_spellings_its_seat_and_in_russian(gazetteer, form):
    assert [c.place.name for c in gazetteer.lookup(form)] == ["Sudzhansky District"]


@pytest.mark.parametrize(
    ("form", "name"),
    [("Glushkov district", "Glushkovsky District"), ("Korenev district", "Korenevsky District")],
)
def test_a_district_is_known_by_its_adjectives_possessive_stem(gazetteer, form, name):
    assert [c.place.name for c in gazetteer.lookup(form)] == [name]


def test_an_adjective_without_a_possessive_stem_gives_no_short_form(gazetteer):
    assert gazetteer.lookup("Sudzhan district") == []


def test_a_district_named_after_the_oblast_capital_leaves_the_city_its_name(gazetteer):
    assert [c.place.name for c in gazetteer.lookup("Belgorod district")] == ["Belgorodsky District"]
    city = [c.place.kind for c in gazetteer.lookup("Belgorod")]
    assert PlaceKind.POPULATED_PLACE in city and PlaceKind.ADMIN2 not in city


class _Builder:
    def __init__(self):
        self.names: dict[str, list[int]] = {}
        self.index_of: dict[str, int] = {}
        self.places: list[dict] = []

    def add_place(self, **kw):
        self.places.append(kw)
        return len(self.places) - 1

    def add_name(self, name, index, match):
        self.names.setdefault(normalize(name), []).append(index)


_SETTLEMENTS = (
    "name_ru,name_latin,admin1,lat,lon,source,geonameid,population\n"
    "Суджа,Sudzha,RU.41,51.19,35.27,geonames-cities500,1,5000\n"
    "Красное,Krasnoye,RU.09,50.58,36.56,geonames-postal,,\n"
    "Красное,Krasnoye,RU.09,50.93,38.68,geonames-postal,,\n"
)
_HEADER = "admin1,name_ru,adjective,seat_ru,seat,also\n"


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ("RU.41,Кореневский район,Korenevsky,Коренево,Korenevo,\n", "missing from"),
        ("RU.09,Красненский район,Krasnensky,Красное,Krasnoye,\n", "ambiguous in"),
    ],
)
def test_a_seat_the_settlements_lack_or_cannot_tell_apart_is_a_data_error(tmp_path, row, why):
    ru = tmp_path / "settlements.csv"
    ru.write_text(_SETTLEMENTS, encoding="utf-8")
    districts = tmp_path / "ru_border_districts.csv"
    districts.write_text(_HEADER + row, encoding="utf-8")
    with pytest.raises(DataError, match=rf"^ru_border_districts\.csv: the seat .* is {why} "):
        add_ru_districts(_Builder(), districts, ru=ru, a1_names={})


def test_a_district_row_adds_its_names_and_the_seats_point(tmp_path):
    ru = tmp_path / "settlements.csv"
    ru.write_text(_SETTLEMENTS, encoding="utf-8")
    districts = tmp_path / "ru_border_districts.csv"
    districts.write_text(
        _HEADER + "RU.41,Суджанский район,Sudzhansky,Суджа,Sudzha,\n", encoding="utf-8"
    )
    b = _Builder()
    add_ru_districts(b, districts, ru=ru, a1_names={"RU.41": "Kursk Oblast"})
    (place,) = b.places
    assert (place["name"], place["lat"], place["lon"], place["a1_name"]) == (
        "Sudzhansky District",
        51.19,
        35.27,
        "Kursk Oblast",
    )
    assert {"sudzhanskiy district", "sudzha district", "суджанскии раион"} <= set(b.names)
    assert "sudzhansky" not in b.names and "sudzha" not in b.names  # bare words stay towns'


@pytest.mark.parametrize(
    "name",
    [
        "Shebekinsky urban district",
        "Shebekinsky municipal okrug",
        "Shebekinsky urban okrug",
        "Shebekinsky city district",  # a translation of городской округ some outlets use
    ],
)
def test_a_border_district_goes_by_its_okrug_names_too(gazetteer, name):
    found = [c.place.place_id for c in gazetteer.lookup(name)]
    assert found == ["ru2:RU.09:Shebekinsky"]


def test_a_hromada_is_also_found_as_its_adjective_and_community(gazetteer):
    (unit,) = [
        c.place
        for c in gazetteer.lookup("Velykoburlutska community")
        if c.place.kind is PlaceKind.ADMIN2
    ]
    assert unit.place_id.startswith("ua2:") and unit.admin1_code == "UA.07"
    assert unit.place_id in {c.place.place_id for c in gazetteer.lookup("Velykoburlutska hromada")}


def test_a_renamed_settlement_carries_its_former_name_and_the_point_found_by_it():
    # Villages of the Ocheretyne hromada renamed in 2024: the codifier's 2021 edition gives
    # their old names, which GeoNames still uses for their points.
    rows = {r["katottg"]: r for r in _table("ua_settlements.csv.gz")}
    assert (rows["UA14160190350070064"]["name_uk"], rows["UA14160190350070064"]["former_uk"]) == (
        "Криничне",
        "Ласточкине",
    )
    avdiivske = rows["UA14160190230078552"]  # Первомайське until 2024, so in GeoNames
    assert avdiivske["former_latin"] == "Pervomaiske"
    assert (avdiivske["precision"], avdiivske["geonameid"]) == ("settlement", "697562")


@pytest.mark.parametrize("form", ["Lastochkyne", "Ласточкине", "Lastochkino"])
def test_a_renamed_village_geonames_lacks_is_found_by_its_former_name(gazetteer, form):
    # Krynychne (Ocheretyne hromada) has no GeoNames point, so only the codifier's 2021
    # edition knows its old name; reports of 2024 go on using it.
    found = [c for c in gazetteer.lookup(form) if c.place.place_id == "ua:UA14160190350070064"]
    assert [(c.place.name, c.match) for c in found] == [("Krynychne", "alternate")]


def test_a_hromada_without_a_seat_is_named_by_its_adjective(gazetteer):
    # the codifier gives some hromadas no seat, so no "<seat> hromada" name: the map, the
    # tables and the exports show the adjective's name, never an empty one
    found = [
        c.place
        for c in gazetteer.lookup("Krasnomatska hromada")
        if c.place.kind is PlaceKind.ADMIN2
    ]
    assert [p.name for p in found] == ["Krasnomatska hromada"]


def test_the_rivers_among_the_features_are_known_by_their_ids():
    rivers = river_ids()
    assert {"ft:dnipro-river", "ft:oskil-river", "ft:siverskyi-donets"} <= rivers
    assert "ft:snake-island" not in rivers and "ft:kakhovka-reservoir" not in rivers
