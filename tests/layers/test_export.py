from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely

from geo.errors import InputError
from geo.layers.build import events_layer, oblasts_layer, places_layer
from geo.layers.export import (
    ACLED_COLUMNS,
    FORMATS,
    acled_frame,
    acled_time_precision,
    to_bytes,
    write_gpkg,
    write_layer,
)
from geo.records import (
    Article,
    DatePrecision,
    Event,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
    Toponym,
    ToponymRole,
)

POKROVSK = Place(
    "gn:708869",
    "Pokrovsk",
    48.282,
    37.176,
    PlaceKind.POPULATED_PLACE,
    country_code="UA",
    admin1_code="UA.05",
    admin1_name="Donetsk",
)
SUDZHA = Place("gn:482027", "Суджа", 51.19055, 35.27082, PlaceKind.POPULATED_PLACE, "RU", "RU.41")


def _event(n: int, place: Place, people: int | None) -> Event:
    return Event(
        event_id=f"e{n}",
        article_id="a1",
        event_type=EventType.EVACUATION,
        place=place,
        surface=place.name,
        date_start=dt.date(2024, 8, 6),
        date_end=dt.date(2024, 8, 9),
        date_precision=DatePrecision.RANGE,
        geo_precision=GeoPrecision.SETTLEMENT,
        quote=f"Families left {place.name}, officials said.",
        people=people,
    )


@pytest.fixture()
def events() -> gpd.GeoDataFrame:
    return events_layer([_event(1, POKROVSK, 1200), _event(2, SUDZHA, None)], {})


def assert_rfc7946(doc: dict) -> None:
    assert set(doc) == {"type", "features"}  # strict FeatureCollection: no crs, no extras
    assert doc["type"] == "FeatureCollection"
    assert isinstance(doc["features"], list)
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        assert "id" not in feature
        assert isinstance(feature["properties"], dict)
        coords = feature["geometry"]["coordinates"]
        flat = coords if feature["geometry"]["type"] == "Point" else _first_position(coords)
        lon, lat = flat[:2]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def _first_position(coords):
    while isinstance(coords[0], list):
        coords = coords[0]
    return coords


# -- GeoJSON -----------------------------------------------------------------------------------


def test_geojson_is_strict_rfc7946_with_lon_lat_order(tmp_path: Path, events) -> None:
    out = write_layer(events, tmp_path / "events.geojson", fmt="geojson")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert_rfc7946(doc)
    by_id = {f["properties"]["event_id"]: f for f in doc["features"]}
    assert by_id["e1"]["geometry"]["coordinates"] == [POKROVSK.lon, POKROVSK.lat]
    assert by_id["e1"]["properties"]["people"] == 1200
    assert by_id["e2"]["properties"]["people"] is None
    assert by_id["e2"]["properties"]["location"] == "Суджа"
    assert by_id["e1"]["properties"]["date_start"] == "2024-08-06"


def test_geojson_is_utf8_text_with_readable_cyrillic(events) -> None:
    data = to_bytes(events, fmt="geojson")
    assert "Суджа".encode() in data


def test_geojson_reprojects_a_layer_in_another_crs_to_wgs84(events) -> None:
    doc = json.loads(to_bytes(events.to_crs(3857), fmt="geojson"))
    assert_rfc7946(doc)
    lon, lat = doc["features"][0]["geometry"]["coordinates"]
    assert (lon, lat) == pytest.approx((POKROVSK.lon, POKROVSK.lat))


def test_geojson_of_polygons_is_valid(tmp_path: Path) -> None:
    oblasts = oblasts_layer(events_layer([], {}), countries=["UA"])
    doc = json.loads(to_bytes(oblasts, fmt="geojson"))
    assert_rfc7946(doc)
    assert {f["geometry"]["type"] for f in doc["features"]} <= {"Polygon", "MultiPolygon"}
    assert len(doc["features"]) == len(oblasts)


def test_geojson_of_empty_layer_is_an_empty_feature_collection() -> None:
    doc = json.loads(to_bytes(events_layer([], {}), fmt="geojson"))
    assert doc == {"type": "FeatureCollection", "features": []}


def test_layer_without_crs_raises_input_error(events) -> None:
    bare = gpd.GeoDataFrame(events.drop(columns="geometry"), geometry=list(events.geometry))
    with pytest.raises(InputError, match="no CRS"):
        to_bytes(bare, fmt="geojson")


@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "csv"])
def test_places_export_carries_the_roles_of_each_place(tmp_path: Path, fmt: str) -> None:
    article = Article("a1", "Report", "text", dt.date(2024, 9, 5))
    places = places_layer(
        [
            (article, Toponym(0, 8, "Pokrovsk", POKROVSK, 0.9)),
            (article, Toponym(9, 17, "Pokrovsk", POKROVSK, 0.9, role=ToponymRole.METONYMIC)),
            (article, Toponym(18, 23, "Суджа", SUDZHA, 0.9, role=ToponymRole.EMBEDDED)),
        ],
        roles=["all"],
    )
    back = pyogrio.read_dataframe(write_layer(places, tmp_path / f"places.{fmt}", fmt=fmt))
    roles = dict(zip(back["place_id"], back["roles"], strict=True))
    assert roles == {"gn:708869": "literal; metonymic", "gn:482027": "embedded"}


# -- CSV ---------------------------------------------------------------------------------------


def test_csv_has_attributes_lat_lon_and_wkt(tmp_path: Path, events) -> None:
    out = write_layer(events, tmp_path / "events.csv", fmt="csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["event_id"] for r in rows] == ["e1", "e2"]
    e1 = rows[0]
    assert (float(e1["lat"]), float(e1["lon"])) == (POKROVSK.lat, POKROVSK.lon)
    point = shapely.from_wkt(e1["wkt"])
    assert (point.x, point.y) == (POKROVSK.lon, POKROVSK.lat)
    assert e1["location"] == "Pokrovsk" and rows[1]["location"] == "Суджа"
    assert rows[1]["people"] == ""


def test_csv_is_read_back_by_gdal_with_point_geometry(tmp_path: Path, events) -> None:
    out = write_layer(events, tmp_path / "events.csv", fmt="csv")
    back = pyogrio.read_dataframe(out)
    assert list(back["event_id"]) == ["e1", "e2"]
    assert back.geometry.iloc[0].equals(events.geometry.iloc[0])


def test_csv_of_polygons_leaves_lat_lon_empty(tmp_path: Path) -> None:
    oblasts = oblasts_layer(events_layer([], {}), countries=["UA"])
    table = pd.read_csv(io.BytesIO(to_bytes(oblasts, fmt="csv")))
    assert table["lat"].isna().all() and table["lon"].isna().all()
    assert table["wkt"].str.match(r"^(MULTI)?POLYGON").all()


# -- GeoPackage --------------------------------------------------------------------------------


def test_gpkg_round_trips_a_layer(tmp_path: Path, events) -> None:
    out = write_layer(events, tmp_path / "events.gpkg", fmt="gpkg")
    assert [name for name, _ in pyogrio.list_layers(out)] == ["events"]
    back = pyogrio.read_dataframe(out)
    assert list(back["event_id"]) == ["e1", "e2"]
    assert back.crs.to_epsg() == 4326
    assert back.geometry.iloc[1].equals(events.geometry.iloc[1])


def test_write_gpkg_puts_several_layers_in_one_file(tmp_path: Path, events) -> None:
    layers = {
        "events": events,
        "empty": events_layer([], {}),
        "oblasts": oblasts_layer(events, countries=["UA"]),
    }
    out = write_gpkg(layers, tmp_path / "all.gpkg")
    assert sorted(name for name, _ in pyogrio.list_layers(out)) == ["empty", "events", "oblasts"]
    assert len(pyogrio.read_dataframe(out, layer="oblasts")) == len(layers["oblasts"])
    assert len(pyogrio.read_dataframe(out, layer="empty")) == 0


def test_to_bytes_gpkg_is_a_readable_geopackage(tmp_path: Path, events) -> None:
    data = to_bytes(events, fmt="gpkg", layer="events")
    assert data.startswith(b"SQLite format 3\x00")
    path = tmp_path / "from-bytes.gpkg"
    path.write_bytes(data)
    assert len(pyogrio.read_dataframe(path, layer="events")) == 2


def test_write_gpkg_without_layers_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No layers"):
        write_gpkg({}, tmp_path / "x.gpkg")


# -- errors and atomicity ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["shp", "kml", ""])
def test_unknown_format_raises_input_error_listing_valid_ones(tmp_path: Path, events, fmt) -> None:
    with pytest.raises(InputError) as info:
        write_layer(events, tmp_path / "x.out", fmt=fmt)
    assert all(valid in str(info.value) for valid in FORMATS)
    assert list(tmp_path.iterdir()) == []


def test_format_name_is_case_insensitive(events) -> None:
    assert to_bytes(events, fmt="GeoJSON") == to_bytes(events, fmt="geojson")


def test_missing_folder_raises_input_error(tmp_path: Path, events) -> None:
    with pytest.raises(InputError, match="does not exist"):
        write_layer(events, tmp_path / "no" / "such" / "x.geojson", fmt="geojson")


def test_path_under_a_file_raises_input_error(tmp_path: Path, events) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        write_layer(events, tmp_path / "file" / "x.csv", fmt="csv")


def test_path_that_is_a_folder_raises_input_error(tmp_path: Path, events) -> None:
    with pytest.raises(InputError, match="is a folder"):
        write_layer(events, tmp_path, fmt="geojson")


def test_failed_gpkg_write_leaves_old_file_and_no_temp_files(tmp_path: Path, events) -> None:
    target = tmp_path / "all.gpkg"
    write_gpkg({"events": events}, target)
    before = target.read_bytes()
    bad = events.assign(duration=pd.to_timedelta([1, 2], unit="D"))  # GPKG has no such type
    with pytest.raises(InputError, match="refused"):
        write_gpkg({"events": events, "bad": bad}, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.gpkg"]


def test_failed_new_gpkg_write_leaves_no_file(tmp_path: Path, events) -> None:
    bad = events.assign(duration=pd.to_timedelta([1, 2], unit="D"))
    with pytest.raises(InputError):
        write_layer(bad, tmp_path / "new.gpkg", fmt="gpkg")
    assert list(tmp_path.iterdir()) == []


def test_interrupted_text_write_leaves_old_file_intact(tmp_path: Path, events, monkeypatch) -> None:
    target = tmp_path / "events.geojson"
    write_layer(events.iloc[:1], target, fmt="geojson")
    before = target.read_bytes()

    def half_write(self: Path, data: bytes) -> int:
        with self.open("wb") as fh:
            fh.write(data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", half_write)
    with pytest.raises(InputError, match="No space left"):
        write_layer(events, target, fmt="geojson")
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.geojson"]


def test_write_replaces_an_existing_export(tmp_path: Path, events) -> None:
    target = tmp_path / "events.geojson"
    write_layer(events.iloc[:1], target, fmt="geojson")
    write_layer(events, target, fmt="geojson")
    assert len(json.loads(target.read_text(encoding="utf-8"))["features"]) == 2


# -- ACLED's layout ----------------------------------------------------------------------------

SD = "Strategic developments"
ACLED_HEADER = (
    "event_date,event_type,sub_event_type,admin1,location,latitude,longitude,geo_precision,"
    "time_precision,fatalities,source,notes"
)
KHARKIV_STRIKE = Event(
    event_id="k1",
    article_id="a9",
    event_type=EventType.ATTACK,
    place=Place(
        "gn:706483", "Kharkiv", 49.98081, 36.25272, PlaceKind.POPULATED_PLACE, "UA", "UA.07",
        "Kharkiv",
    ),
    surface="Kharkiv",
    date_start=dt.date(2024, 5, 25),
    date_end=dt.date(2024, 5, 25),
    date_precision=DatePrecision.DAY,
    geo_precision=GeoPrecision.SETTLEMENT,
    quote='Guided bombs hit a hardware store in Kharkiv on Saturday, "killing 12", officials said.',
    killed=12,
    injured=43,
)  # fmt: skip
STRIKE_ARTICLE = Article(
    "a9", "Guided bombs hit Kharkiv store", "...", dt.date(2024, 5, 26),
    url="https://www.example-news.org/2024/05/26/kharkiv",
)  # fmt: skip


def test_acled_csv_has_acleds_columns_and_a_rows_values() -> None:
    gdf = events_layer([KHARKIV_STRIKE], {"a9": STRIKE_ARTICLE})
    text = to_bytes(gdf, fmt="acled").decode("utf-8")
    assert text.count("\n") == 2  # the header and one row, whatever the quote holds
    assert text.splitlines()[0] == ACLED_HEADER
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert row == {
        "event_date": "2024-05-25",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "admin1": "Kharkiv",
        "location": "Kharkiv",
        "latitude": "49.98081",
        "longitude": "36.25272",
        "geo_precision": "1",
        "time_precision": "1",
        "fatalities": "12",
        "source": "Guided bombs hit Kharkiv store (example-news.org)",
        "notes": KHARKIV_STRIKE.quote,
    }


def test_acled_codes_for_coarse_places_and_dates_and_unstated_fatalities(events) -> None:
    oblast = Place("a1:UA.05", "Donetsk Oblast", 48.0, 37.8, PlaceKind.ADMIN1, "UA", "UA.05")
    month = dataclasses.replace(
        _event(3, oblast, None),
        event_type=EventType.OFFENSIVE,
        date_start=dt.date(2024, 8, 1),
        date_end=dt.date(2024, 8, 31),
        date_precision=DatePrecision.MONTH,
        geo_precision=GeoPrecision.ADMIN1,
    )
    hromada = dataclasses.replace(_event(4, POKROVSK, None), geo_precision=GeoPrecision.ADMIN2)
    table = acled_frame(events_layer([_event(1, POKROVSK, 1200), month, hromada], {}))
    assert table["geo_precision"].tolist() == [1, 3, 2]
    assert table["time_precision"].tolist() == [2, 3, 2]  # 4 days, a month, 4 days
    assert table["fatalities"].tolist() == [0, 0, 0]
    assert table["event_type"].tolist() == ["Strategic developments", "Battles", SD]
    assert table["sub_event_type"].tolist() == ["Evacuation", "Armed clash", "Evacuation"]
    assert table["source"].tolist() == ["", "", ""]  # no article known


def test_acled_csv_round_trips_through_pandas(tmp_path: Path, events) -> None:
    gdf = events_layer([KHARKIV_STRIKE, _event(2, SUDZHA, None)], {"a9": STRIKE_ARTICLE})
    path = write_layer(gdf, tmp_path / "acled.csv", fmt="acled")
    back = pd.read_csv(path, keep_default_na=False)
    expected = acled_frame(gdf)
    assert list(back.columns) == list(ACLED_COLUMNS)
    pd.testing.assert_frame_equal(back, expected, check_dtype=False)
    assert back.loc[1, "location"] == "Суджа" and back.loc[1, "fatalities"] == 0


def test_acled_layout_of_a_layer_that_is_not_events_is_an_input_error() -> None:
    places = places_layer([])
    with pytest.raises(InputError, match="events and evacuations"):
        to_bytes(places, fmt="acled")


@pytest.mark.parametrize(
    ("start", "end", "precision", "code"),
    [
        ("2024-08-06", "2024-08-06", "day", 1),
        ("2024-08-05", "2024-08-06", "range", 2),  # overnight
        ("2024-08-05", "2024-08-11", "week", 2),
        ("2024-08-01", "2024-08-31", "month", 3),
        ("2022-10-01", "2024-08-06", "range", 3),  # since October 2022
    ],
)
def test_acled_time_precision_from_our_dates(start, end, precision, code) -> None:
    assert acled_time_precision(start, end, precision) == code
