"""Control areas over time: areas, as-of, diff, front line, near-front, CLI (synthetic data)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import LineString, Polygon, box

from geo.cli.frontline import add_frontline_parser, run_frontline, run_nearfront
from geo.errors import InputError
from geo.frontline.asof import (
    DEFAULT_BORDER_KM,
    as_of,
    as_of_layer,
    derive_front_line,
    front_line,
    front_line_layer,
)
from geo.frontline.change import area_over_time, diff
from geo.frontline.files import geodesic_area_km2, geodesic_length_km
from geo.frontline.near import annotate_distance, distance_to_line_km, near_front, population_within
from geo.frontline.store import FrontlineStore, open_frontline_store
from geo.records import DatePrecision, Event, EventType, GeoPrecision, Place, PlaceKind

GEOD = Geod(ellps="WGS84")
D1, D2, D3 = dt.date(2024, 3, 1), dt.date(2024, 3, 8), dt.date(2024, 3, 15)

# WGS 84 and the area of a latitude-longitude box in closed form (authalic latitude):
# A = a²/2 · Δλ · (q(φ2) − q(φ1)), an independent check on pyproj's geodesic polygons.
A = 6378137.0
F = 1 / 298.257223563
E2 = F * (2 - F)
E = math.sqrt(E2)


def _q(lat_deg: float) -> float:
    s = math.sin(math.radians(lat_deg))
    return (1 - E2) * (s / (1 - E2 * s * s) - math.log((1 - E * s) / (1 + E * s)) / (2 * E))


def box_area_km2(west: float, south: float, east: float, north: float) -> float:
    return A * A / 2 * math.radians(east - west) * (_q(north) - _q(south)) / 1e6


def geod_area_km2(poly: Polygon) -> float:
    outer = abs(GEOD.polygon_area_perimeter(*poly.exterior.xy)[0])
    holes = sum(abs(GEOD.polygon_area_perimeter(*r.xy)[0]) for r in poly.interiors)
    return (outer - holes) / 1e6


def write_snapshot(path: Path, features: list[tuple[str, object]]) -> Path:
    frame = gpd.GeoDataFrame(
        {"status": [c for c, _ in features]}, geometry=[g for _, g in features], crs="EPSG:4326"
    )
    frame.to_file(path, driver="GeoJSON")
    return path


@pytest.fixture()
def store(store_location):
    """The snapshot store on each backend: beside a folder's geo.sqlite, or on PostGIS."""
    return open_frontline_store(store_location)


# --- areas ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bounds",
    [
        (35.0, 48.0, 35.1, 48.1),  # ~83 km²
        (36.0, 47.5, 36.5, 48.0),  # ~2,000 km²
        (33.0, 46.5, 37.0, 49.5),  # ~100,000 km², edges of hundreds of km
    ],
)
def test_geodesic_area_agrees_with_geod_and_closed_form_within_half_percent(bounds):
    poly = box(*bounds)
    got = geodesic_area_km2(shapely.MultiPolygon([poly]))
    lons, lats = poly.exterior.xy
    by_geod = abs(GEOD.polygon_area_perimeter(list(lons), list(lats))[0]) / 1e6
    by_formula = box_area_km2(*bounds)
    assert got == pytest.approx(by_geod, rel=0.005)
    assert got == pytest.approx(by_formula, rel=0.005)
    # Densified edges follow the parallels, so the closed form is met far more tightly.
    assert got == pytest.approx(by_formula, rel=1e-5)


def test_geodesic_area_ignores_ring_orientation_and_subtracts_holes():
    outer = box(36.0, 47.5, 36.5, 48.0)
    hole = box(36.1, 47.6, 36.2, 47.7)
    clockwise = Polygon(list(outer.exterior.coords)[::-1], [hole.exterior.coords])
    expected = box_area_km2(36.0, 47.5, 36.5, 48.0) - box_area_km2(36.1, 47.6, 36.2, 47.7)
    assert geodesic_area_km2(clockwise) == pytest.approx(expected, rel=0.005)
    assert geodesic_area_km2(LineString([(36, 47), (37, 48)])) == 0.0


# --- as-of ---------------------------------------------------------------------------------------


def _seed_two_sources(store, tmp_path):
    for day, east in ((D1, 37.3), (D2, 37.4), (D3, 37.5)):
        path = write_snapshot(
            tmp_path / f"a_{day}.geojson", [("occupied", box(37, 48, east, 48.2))]
        )
        store.import_file(path, date=day, source="alpha")
    for day, east in ((D1, 37.35), (D3, 37.55)):
        path = write_snapshot(
            tmp_path / f"b_{day}.geojson", [("occupied", box(37, 48, east, 48.2))]
        )
        store.import_file(path, date=day, source="beta")


def test_as_of_takes_the_latest_snapshot_at_or_before_the_date_per_source(store, tmp_path):
    _seed_two_sources(store, tmp_path)
    picked = {s.source: s.date for s in as_of(dt.date(2024, 3, 10), store=store)}
    assert picked == {"alpha": D2, "beta": D1}
    assert {s.source: s.date for s in as_of(D3, store=store)} == {"alpha": D3, "beta": D3}
    assert {s.source: s.date for s in as_of(D1, store=store)} == {"alpha": D1, "beta": D1}
    assert as_of(dt.date(2024, 2, 29), store=store) == []
    only = as_of("2024-03-10", source="beta", store=store)
    assert [(s.source, s.date) for s in only] == [("beta", D1)]


def test_as_of_layer_is_a_wgs84_frame_with_one_row_per_snapshot(store, tmp_path):
    _seed_two_sources(store, tmp_path)
    layer = as_of_layer(D2, store=store)
    assert layer.crs.to_epsg() == 4326
    assert sorted(zip(layer.source, layer.date, strict=True)) == [
        ("alpha", "2024-03-08"),
        ("beta", "2024-03-01"),
    ]
    assert (layer["class"] == "occupied").all() and (layer["kind"] == "area").all()


# --- change between dates ------------------------------------------------------------------------


def test_diff_gained_and_lost_match_independent_difference_areas(store, tmp_path):
    before = box(37.0, 48.0, 37.5, 48.3)
    after = box(37.2, 48.1, 37.7, 48.4)
    store.import_file(write_snapshot(tmp_path / "1.geojson", [("occupied", before)]), date=D1)
    store.import_file(write_snapshot(tmp_path / "2.geojson", [("occupied", after)]), date=D2)
    result = diff(D1, D2, store=store)
    (change,) = result.changes
    # after − before = [37.5, 37.7]×[48.1, 48.4] + [37.2, 37.5]×[48.3, 48.4]
    gained = box_area_km2(37.5, 48.1, 37.7, 48.4) + box_area_km2(37.2, 48.3, 37.5, 48.4)
    # before − after = [37.0, 37.2]×[48.0, 48.3] + [37.2, 37.5]×[48.0, 48.1]
    lost = box_area_km2(37.0, 48.0, 37.2, 48.3) + box_area_km2(37.2, 48.0, 37.5, 48.1)
    gained_geod = geod_area_km2(box(37.5, 48.1, 37.7, 48.4)) + geod_area_km2(
        box(37.2, 48.3, 37.5, 48.4)
    )
    assert change.gained_km2 == pytest.approx(gained, rel=0.005)
    assert change.gained_km2 == pytest.approx(gained_geod, rel=0.005)
    assert change.lost_km2 == pytest.approx(lost, rel=0.005)
    assert change.net_km2 == pytest.approx(gained - lost, abs=0.005 * (gained + lost))
    assert (change.from_date, change.to_date, change.source) == (D1, D2, "local")
    polys = result.polygons
    assert set(polys.change) == {"gained", "lost"}
    assert polys.loc[polys.change == "gained", "area_km2"].sum() == pytest.approx(gained, rel=0.005)


def test_diff_is_per_class(store, tmp_path):
    first = [("occupied", box(37.0, 48.0, 37.5, 48.3)), ("contested", box(37.5, 48.0, 37.6, 48.3))]
    second = [("occupied", box(37.0, 48.0, 37.6, 48.3)), ("contested", box(37.6, 48.0, 37.7, 48.3))]
    store.import_file(write_snapshot(tmp_path / "1.geojson", first), date=D1)
    store.import_file(write_snapshot(tmp_path / "2.geojson", second), date=D2)
    changes = {str(c.class_): c for c in diff(D1, D2, store=store).changes}
    strip = box_area_km2(37.5, 48.0, 37.6, 48.3)
    assert changes["occupied"].gained_km2 == pytest.approx(strip, rel=0.005)
    assert changes["occupied"].lost_km2 == pytest.approx(0, abs=1e-6)
    assert changes["contested"].gained_km2 == pytest.approx(
        box_area_km2(37.6, 48.0, 37.7, 48.3), rel=0.005
    )
    assert changes["contested"].lost_km2 == pytest.approx(strip, rel=0.005)


def test_diff_by_oblast_splits_change_across_units_and_keeps_the_total(store, tmp_path):
    from geo.places.boundaries import admin1_frame

    units = admin1_frame()
    donetsk = units.loc[units.code == "UA.05", "geometry"].iloc[0]
    inner = donetsk.representative_point()
    small = box(inner.x - 0.05, inner.y - 0.05, inner.x + 0.05, inner.y + 0.05)
    assert donetsk.contains(small)
    # A strip across the UA.05 / UA.26 (Zaporizhzhia) boundary at 47.6°N.
    base = box(36.0, 47.0, 36.1, 47.1)
    across = box(36.0, 47.0, 38.0, 47.6)
    store.import_file(write_snapshot(tmp_path / "1.geojson", [("occupied", base)]), date=D1)
    store.import_file(
        write_snapshot(tmp_path / "2.geojson", [("occupied", base), ("contested", small)]),
        date=D2,
    )
    store.import_file(write_snapshot(tmp_path / "3.geojson", [("occupied", across)]), date=D3)
    small_change = [c for c in diff(D1, D2, by="oblast", store=store).changes if c.gained_km2]
    assert [(str(c.class_), c.admin1_code) for c in small_change] == [("contested", "UA.05")]
    assert small_change[0].gained_km2 == pytest.approx(geodesic_area_km2(small), rel=1e-6)

    split = diff(D1, D3, by="oblast", store=store)
    occupied = [c for c in split.changes if c.class_ == "occupied"]
    assert {c.admin1_code for c in occupied if c.gained_km2 > 1} >= {"UA.05", "UA.26"}
    whole = diff(D1, D3, store=store)
    total = next(c for c in whole.changes if c.class_ == "occupied").gained_km2
    assert sum(c.gained_km2 for c in occupied) == pytest.approx(total, rel=1e-6)
    later = diff(D2, D3, by="oblast", store=store).changes
    contested_lost = sum(c.lost_km2 for c in later if c.class_ == "contested")
    assert contested_lost == pytest.approx(geodesic_area_km2(small), rel=1e-6)


def test_diff_rejects_bad_requests(store, tmp_path):
    store.import_file(
        write_snapshot(tmp_path / "1.geojson", [("occupied", box(37, 48, 37.5, 48.3))]), date=D2
    )
    with pytest.raises(InputError, match="after"):
        diff(D2, D1, store=store)
    with pytest.raises(InputError, match="No snapshot"):
        diff(D1, D3, store=store)
    with pytest.raises(InputError, match="by='oblast'"):
        diff(D2, D3, by="district", store=store)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        diff("1 March", D3, store=store)


def test_area_over_time_lists_each_area_snapshot(store, tmp_path):
    _seed_two_sources(store, tmp_path)
    series = area_over_time(source="alpha", class_="occupied", store=store)
    assert list(series.date) == [D1, D2, D3]
    expected = [box_area_km2(37, 48, east, 48.2) for east in (37.3, 37.4, 37.5)]
    assert series.area_km2.tolist() == pytest.approx(expected, rel=0.005)
    assert area_over_time(class_="liberated", store=store).empty


# --- the front line ------------------------------------------------------------------------------


def test_front_line_is_derived_from_polygon_boundaries_inside_ukraine(store, tmp_path):
    area = box(36.0, 47.6, 36.5, 48.0)  # inland, far from any border or coast
    store.import_file(write_snapshot(tmp_path / "a.geojson", [("occupied", area)]), date=D1)
    front = front_line(D2, store=store)
    assert front.derived and front.date == D1
    assert front.geometry.geom_type == "MultiLineString"
    assert front.length_km == pytest.approx(GEOD.line_length(*area.exterior.xy) / 1000, rel=1e-6)


def test_derived_front_drops_the_parts_along_the_state_border(store, tmp_path):
    from geo.places.boundaries import admin1_frame

    units = admin1_frame()
    ukraine = shapely.union_all(units[units.country_code == "UA"].geometry.values)
    # A block of Luhansk oblast that ends at the Russian border in the east.
    area = box(39.0, 48.4, 41.0, 49.0).intersection(ukraine)
    store.import_file(write_snapshot(tmp_path / "a.geojson", [("occupied", area)]), date=D1)
    front = front_line(D1, store=store)
    raw = derive_front_line(area, border_km=0)
    assert front.length_km < 0.8 * geodesic_length_km(raw)
    # What is left is the west edge and the parts of the north/south edges inside Ukraine,
    # and nothing of it lies on the border.
    west_edge = GEOD.line_length([39.0, 39.0], [48.4, 49.0]) / 1000
    assert front.length_km > west_edge
    border = shapely.MultiLineString([p.exterior for p in shapely.get_parts(ukraine)])
    far = [
        distance_to_line_km([y], [x], border)[0]
        for x, y in shapely.get_coordinates(front.geometry.segmentize(0.01))
    ]
    assert min(far) >= DEFAULT_BORDER_KM * 0.99


def test_imported_lines_are_used_as_the_front(store, tmp_path):
    line = LineString([(37.0, 47.5), (37.0, 48.5)])
    path = tmp_path / "front.geojson"
    gpd.GeoDataFrame({"name": ["front"]}, geometry=[line], crs="EPSG:4326").to_file(path)
    store.import_file(path, date=D1, source="lines")
    front = front_line(D1, store=store)
    assert not front.derived and front.areas is None
    assert front.geometry.equals(shapely.MultiLineString([line]))
    layer = front_line_layer(D1, store=store)
    assert list(layer.source) == ["lines"] and list(layer.derived) == [False]


def test_front_line_is_none_before_the_first_snapshot(store):
    assert front_line(D1, store=store) is None
    assert near_front(D1, 10, store=store, settlements=pd.DataFrame()) is None


# --- distance to the front -----------------------------------------------------------------------


def _meridian_front(store, tmp_path, day=D1):
    line = LineString([(37.0, 47.0), (37.0, 49.0)])
    path = tmp_path / f"front_{day}.geojson"
    gpd.GeoDataFrame({"name": ["front"]}, geometry=[line], crs="EPSG:4326").to_file(path)
    store.import_file(path, date=day, source="lines")


def _offset(lon, lat, azimuth, km):
    x, y, _ = GEOD.fwd(lon, lat, azimuth, km * 1000)
    return float(y), float(x)


def test_settlement_10_km_from_the_line_is_listed_at_25_km_but_not_at_5(store, tmp_path):
    _meridian_front(store, tmp_path)
    lat, lon = _offset(37.0, 48.0, 90, 10)  # due east of a point on the meridian: perpendicular
    places = pd.DataFrame(
        {"place_id": ["p1"], "name": ["Tenkm"], "lat": [lat], "lon": [lon], "population": [900]}
    )
    at25 = near_front(D2, 25, settlements=places, store=store)
    assert list(at25.name) == ["Tenkm"]
    assert at25.distance_km.iloc[0] == pytest.approx(10.0, abs=0.01)
    assert at25.attrs["source"] == "lines" and at25.attrs["snapshot_date"] == "2024-03-01"
    assert near_front(D2, 5, settlements=places, store=store).empty


def test_distance_to_a_diagonal_line_is_geodesic(tmp_path):
    # A dense geodesic from (36.0, 47.5) to (37.5, 48.5); offset 10 km at right angles.
    lons, lats = zip(*GEOD.npts(36.0, 47.5, 37.5, 48.5, 200), strict=True)
    line = LineString(zip([36.0, *lons, 37.5], [47.5, *lats, 48.5], strict=True))
    mid = 100
    az, _, _ = GEOD.inv(lons[mid - 1], lats[mid - 1], lons[mid + 1], lats[mid + 1])
    points = [_offset(lons[mid], lats[mid], az + side, km) for side in (90, -90) for km in (3, 10)]
    got = distance_to_line_km([p[0] for p in points], [p[1] for p in points], line)
    assert got.tolist() == pytest.approx([3, 10, 3, 10], rel=0.005)


def test_near_front_lists_both_sides_and_flags_points_inside_the_area(store, tmp_path):
    area = box(36.0, 47.6, 36.5, 48.0)
    store.import_file(write_snapshot(tmp_path / "a.geojson", [("occupied", area)]), date=D1)
    inside = _offset(36.5, 47.8, 270, 4)
    outside = _offset(36.5, 47.8, 90, 8)
    far = _offset(36.5, 47.8, 90, 40)
    places = pd.DataFrame(
        {
            "name": ["in", "out", "far"],
            "lat": [inside[0], outside[0], far[0]],
            "lon": [inside[1], outside[1], far[1]],
            "population": [100, 200, 400],
        }
    )
    near = near_front(D1, 10, settlements=places, store=store)
    assert list(near.name) == ["in", "out"]  # nearest first
    assert near.distance_km.tolist() == pytest.approx([4, 8], rel=0.005)
    assert near.in_area.tolist() == [True, False]
    assert near.crs.to_epsg() == 4326


def test_near_front_defaults_to_the_gazetteers_places(gazetteer, store, tmp_path):
    _meridian_front(store, tmp_path)  # 37.0°E; Pokrovsk (UA.05) lies ~13 km east of it
    places = gazetteer.populated_places(country_codes=["UA"])
    pokrovsk = places[(places.name == "Pokrovsk") & (places.admin1_code == "UA.05")].iloc[0]
    expected = distance_to_line_km([pokrovsk.lat], [pokrovsk.lon], LineString([(37, 47), (37, 49)]))
    near = near_front(D1, 25, store=store)
    row = near[near.place_id == pokrovsk.place_id].iloc[0]
    assert row.distance_km == pytest.approx(expected[0]) and 10 < row.distance_km < 20
    assert row.population == pokrovsk.population > 50_000
    assert set(near.country_code) <= {"UA", "RU"}
    assert pokrovsk.place_id not in set(near_front(D1, 5, store=store).place_id)


def test_population_within_sums_settlements_per_distance(store, tmp_path):
    _meridian_front(store, tmp_path)
    rows = [
        (f"p{km}", *_offset(37.0, 48.0, 90, km), pop) for km, pop in ((3, 10), (12, 20), (30, 40))
    ]
    rows.append(("west", *_offset(37.0, 48.2, 270, 20), 80))
    places = pd.DataFrame(rows, columns=["name", "lat", "lon", "population"])
    assert population_within(D1, settlements=places, store=store) == {10: 10, 25: 110, 50: 150}
    assert population_within(dt.date(2020, 1, 1), settlements=places, store=store) is None


def test_near_front_rejects_bad_distance_and_settlements(store, tmp_path):
    _meridian_front(store, tmp_path)
    with pytest.raises(InputError, match="positive"):
        near_front(D1, 0, settlements=pd.DataFrame({"name": [], "lat": [], "lon": []}), store=store)
    with pytest.raises(InputError, match="missing lat, lon"):
        near_front(D1, 10, settlements=pd.DataFrame({"name": ["x"]}), store=store)


def _event(event_id, day, lat, lon):
    place = Place(f"pt:{lat},{lon}", "somewhere", lat, lon, PlaceKind.POINT)
    return Event(
        event_id=event_id,
        article_id="a1",
        event_type=EventType.EVACUATION,
        place=place,
        surface="somewhere",
        date_start=day,
        date_end=day,
        date_precision=DatePrecision.DAY,
        geo_precision=GeoPrecision.SETTLEMENT,
        quote="A synthetic sentence about an evacuation.",
    )


def test_annotate_distance_uses_the_front_of_each_events_date(store, tmp_path):
    _meridian_front(store, tmp_path, day=D1)
    moved = LineString([(37.1, 47.0), (37.1, 49.0)])
    path = tmp_path / "moved.geojson"
    gpd.GeoDataFrame({"name": ["front"]}, geometry=[moved], crs="EPSG:4326").to_file(path)
    store.import_file(path, date=D3, source="lines")
    lat, lon = _offset(37.0, 48.0, 90, 20)
    events = [
        _event("early", dt.date(2024, 2, 1), lat, lon),
        _event("first", D2, lat, lon),
        _event("later", D3, lat, lon),
    ]
    out = annotate_distance(events, store=store)
    assert [e.event_id for e, _ in out] == ["early", "first", "later"]
    assert out[0][1] is None
    assert out[1][1] == pytest.approx(20.0, abs=0.02)
    moved_km = distance_to_line_km([lat], [lon], moved)[0]
    assert out[2][1] == pytest.approx(moved_km) and moved_km < 13


# --- CLI -----------------------------------------------------------------------------------------


def _cli(argv, capsys):
    parser = argparse.ArgumentParser(prog="geo")
    add_frontline_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_import_list_and_diff(tmp_path, capsys):
    root = str(tmp_path / "store")
    one = write_snapshot(tmp_path / "1.geojson", [("occupied", box(37.0, 48.0, 37.5, 48.3))])
    two = write_snapshot(tmp_path / "2.geojson", [("occupied", box(37.0, 48.0, 37.7, 48.3))])
    code, out, _ = _cli(
        [
            "frontline",
            "import",
            str(one),
            "--date",
            "2024-03-01",
            "--source",
            "cli",
            "--store",
            root,
        ],
        capsys,
    )
    assert code == 0 and "Imported 1.geojson" in out and "occupied" in out
    code, out, _ = _cli(
        [
            "frontline",
            "import",
            str(one),
            "--date",
            "2024-03-01",
            "--source",
            "cli",
            "--store",
            root,
        ],
        capsys,
    )
    assert code == 0 and "nothing changed" in out
    _cli(
        [
            "frontline",
            "import",
            str(two),
            "--date",
            "2024-03-08",
            "--source",
            "cli",
            "--store",
            root,
        ],
        capsys,
    )
    code, out, _ = _cli(["frontline", "list", "--store", root, "--json"], capsys)
    assert [r["date"] for r in json.loads(out)] == ["2024-03-01", "2024-03-08"]
    code, out, _ = _cli(
        [
            "frontline",
            "diff",
            "--from",
            "2024-03-01",
            "--to",
            "2024-03-10",
            "--store",
            root,
            "--json",
        ],
        capsys,
    )
    (change,) = json.loads(out)["changes"]
    assert code == 0
    assert change["gained_km2"] == pytest.approx(box_area_km2(37.5, 48.0, 37.7, 48.3), rel=0.005)
    code, out, _ = _cli(
        [
            "frontline",
            "diff",
            "--from",
            "2024-03-01",
            "--to",
            "2024-03-10",
            "--by",
            "oblast",
            "--store",
            root,
        ],
        capsys,
    )
    assert code == 0 and "UA.05" in out and "gained_km2" in out


def test_cli_nearfront_json_and_table(tmp_path, capsys):
    root = tmp_path / "store"
    _meridian_front(FrontlineStore(root), tmp_path)
    lat, lon = _offset(37.0, 48.0, 90, 10)
    csv = tmp_path / "places.csv"
    pd.DataFrame({"name": ["Tenkm"], "lat": [lat], "lon": [lon], "population": [900]}).to_csv(
        csv, index=False
    )
    base = ["nearfront", "--date", "2024-03-05", "--settlements", str(csv), "--store", str(root)]
    code, out, _ = _cli([*base, "--km", "25", "--json"], capsys)
    payload = json.loads(out)
    assert code == 0 and payload["population"] == 900 and payload["source"] == "lines"
    assert [s["name"] for s in payload["settlements"]] == ["Tenkm"]
    code, out, _ = _cli([*base, "--km", "5"], capsys)
    assert code == 0 and "0 settlement(s) within 5 km" in out


def test_cli_user_errors_exit_2_with_a_message_and_no_traceback(tmp_path, capsys):
    root = str(tmp_path / "store")
    bad = tmp_path / "empty.geojson"
    bad.write_text("")
    code, _, err = _cli(
        ["frontline", "import", str(bad), "--date", "2024-03-01", "--store", root], capsys
    )
    assert code == 2 and "empty" in err and "Traceback" not in err
    code, _, err = _cli(
        ["nearfront", "--date", "2024-03-01", "--km", "10", "--store", root], capsys
    )
    assert code == 2 and "No front line" in err
    code, _, err = _cli(
        ["frontline", "diff", "--from", "2024-13-01", "--to", "2024-03-01", "--store", root], capsys
    )
    assert code == 2 and "YYYY-MM-DD" in err


def test_cli_store_given_to_the_main_parser_is_kept(tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="geo")
    parser.add_argument("--store")
    add_frontline_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["--store", str(tmp_path / "s"), "frontline", "list"])
    assert args.store == str(tmp_path / "s")
    assert run_frontline(args) == 0
    assert "No snapshots" in capsys.readouterr().out
    _meridian_front(FrontlineStore(tmp_path / "s"), tmp_path)
    csv = tmp_path / "places.csv"
    pd.DataFrame({"name": ["On the line"], "lat": [48.0], "lon": [37.0]}).to_csv(csv, index=False)
    args = parser.parse_args(
        ["--store", str(tmp_path / "s"), "nearfront", "--date", "2024-03-01", "--km", "5",
         "--settlements", str(csv)]
    )  # fmt: skip
    assert args.store == str(tmp_path / "s")
    assert run_nearfront(args) == 0
    assert "Front of lines on 2024-03-01: 1 settlement(s)" in capsys.readouterr().out


def test_population_near_a_front_through_donetsk_counts_the_city_once(gazetteer, store, tmp_path):
    # A synthetic front along 37.8°E runs through Donetsk and its districts.
    line = LineString([(37.8, 47.5), (37.8, 48.5)])
    path = tmp_path / "donetsk.geojson"
    gpd.GeoDataFrame({"name": ["front"]}, geometry=[line], crs="EPSG:4326").to_file(path)
    store.import_file(path, date=D1, source="lines")
    near = near_front(D1, 10, store=store)
    ua05 = near[near.admin1_code == "UA.05"]
    assert list(ua05.name).count("Donetsk") == 1
    districts = {"Kyivskyi", "Rutchenkivskyi", "Kalynivskyi", "Yuzivskyi", "Oleksandrivskyi"}
    assert not districts & set(ua05.name)
    assert "Makiivka" in set(near_front(D1, 25, store=store).name)  # a town of its own, kept
    donetsk = int(ua05.loc[ua05.name == "Donetsk", "population"].iloc[0])
    total = population_within(D1, [10], store=store)[10]
    assert total == int(near["population"].fillna(0).sum())
    # With the districts the city's 901,645 would be counted again, over 500,000 more.
    everything = gazetteer.populated_places(country_codes=["UA", "RU"])
    with_districts = population_within(D1, [10], store=store, settlements=everything)[10]
    assert with_districts - total > 500_000 and donetsk > 900_000
