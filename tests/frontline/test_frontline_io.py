"""Reading, classifying and storing frontline snapshots (synthetic geometries only)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import LineString, Point, Polygon, box

from geo.errors import InputError, ServiceError, StoreError
from geo.frontline import fetch as ffetch
from geo.frontline.files import ControlClass, classify, read_snapshots
from geo.frontline.store import DB_FILENAME, FrontlineStore

DATA = Path(__file__).parent.parent / "data" / "frontline"
DAY = dt.date(2024, 3, 1)
GEOD = Geod(ellps="WGS84")


def geod_area_km2(poly: Polygon) -> float:
    outer = abs(GEOD.polygon_area_perimeter(*poly.exterior.xy)[0])
    holes = sum(abs(GEOD.polygon_area_perimeter(*r.xy)[0]) for r in poly.interiors)
    return (outer - holes) / 1e6


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def control_frame() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "status": ["occupied", "contested"],
            "geometry": [box(37.0, 47.8, 37.5, 48.2), box(37.5, 47.8, 37.6, 48.2)],
        },
        crs="EPSG:4326",
    )


def by_class(result) -> dict:
    return {(str(s.class_), s.kind): s for s in result.snapshots}


# --- classification ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Окуповано /// Occupied /// geoJSON.status.occupied\n", ControlClass.OCCUPIED),
        ("Статус невідомий /// Unknown status\xa0/// geoJSON.status.unknown", "contested"),
        ("Звільнено /// Liberated /// geoJSON.status.dismissed", ControlClass.LIBERATED),
        ("x /// y /// geoJSON.status.dismissed_at {{at:27.03 - 31.03}}", "liberated"),
        ("Крим /// Crimea /// geoJSON.territories.crimea", ControlClass.OCCUPIED),
        ("x /// y /// geoJSON.territories.ordlo", ControlClass.OCCUPIED),
    ],
)
def test_classify_maps_deepstate_status_keys(name, expected):
    assert classify(name) == expected


def test_classify_drops_deepstate_territories_outside_ukraine():
    assert classify("x /// Transnistria /// geoJSON.territories.transnistria") is None


@pytest.mark.parametrize(
    ("layer", "expected"),
    [
        ("Assessed Russian-controlled Ukrainian Territory", ControlClass.OCCUPIED),
        ("Assessed Russian Advances in Ukraine", ControlClass.CONTESTED),
        ("Claimed Ukrainian Counteroffensives", ControlClass.LIBERATED),
        ("Claimed Russian Territory in Ukraine", ControlClass.CLAIMED),
        ("Russian-controlled Ukrainian Territory before February 24, 2022", "occupied"),
        ("grey zone", ControlClass.CONTESTED),
        ("AssessedRussianControlledTerritory_20240301", ControlClass.OCCUPIED),
        ("claimed_ukrainian_counter-offensives", ControlClass.LIBERATED),
        ("Front line", ControlClass.UNKNOWN),
    ],
)
def test_classify_maps_isw_layer_titles_and_keywords(layer, expected):
    assert classify(layer) == expected


def test_classify_prefers_the_first_text_that_maps():
    assert classify(None, "", "liberated", "occupied") == ControlClass.LIBERATED
    assert classify("Front line", "occupied") == ControlClass.OCCUPIED


# --- formats round-trip --------------------------------------------------------------------------


def _write(frame: gpd.GeoDataFrame, fmt: str, folder: Path) -> Path:
    if fmt == "geojson":
        path = folder / "snap.geojson"
        frame.to_file(path, driver="GeoJSON")
    elif fmt == "gpkg":
        path = folder / "snap.gpkg"
        frame.to_file(path, driver="GPKG", layer="control")
    else:
        shp_dir = folder / "shp"
        shp_dir.mkdir()
        frame.to_file(shp_dir / "control.shp")
        path = folder / "snap.zip"
        with zipfile.ZipFile(path, "w") as zf:
            for part in shp_dir.iterdir():
                zf.write(part, f"control/{part.name}")
    return path


@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "shp.zip"])
def test_each_vector_format_round_trips_geometry_class_and_area(tmp_path, fmt):
    frame = control_frame()
    path = _write(frame, fmt, tmp_path)
    result = read_snapshots(path, date=DAY, source="test")
    snaps = by_class(result)
    assert set(snaps) == {("occupied", "area"), ("contested", "area")}
    for row in frame.itertuples():
        snap = snaps[(row.status, "area")]
        assert snap.date == DAY and snap.source == "test"
        assert snap.geometry.geom_type == "MultiPolygon"
        assert snap.geometry.symmetric_difference(row.geometry).area < 1e-12
        assert snap.area_km2 == pytest.approx(geod_area_km2(row.geometry), rel=1e-4)


def test_handwritten_kml_maps_folders_dates_and_holes():
    result = read_snapshots(DATA / "isw_style.kml", source="isw")
    snaps = by_class(result)
    assert set(snaps) == {
        ("occupied", "area"),
        ("contested", "area"),
        ("liberated", "area"),
        ("claimed", "area"),
    }
    assert {s.date for s in result.snapshots} == {DAY}
    claimed = snaps[("claimed", "area")]
    with_hole = Polygon(
        box(37.6, 47.9, 37.8, 48.1).exterior.coords,
        [box(37.65, 47.95, 37.75, 48.05).exterior.coords],
    )
    assert claimed.area_km2 == pytest.approx(geod_area_km2(with_hole), rel=1e-4)
    assert claimed.area_km2 < geod_area_km2(box(37.6, 47.9, 37.8, 48.1)) * 0.8
    assert any("ignored" in note for note in result.notes)  # the label point


def test_kmz_reads_like_the_kml_inside_it(tmp_path):
    kmz = tmp_path / "layers.kmz"
    with zipfile.ZipFile(kmz, "w") as zf:
        zf.write(DATA / "isw_style.kml", "doc.kml")
    from_kmz = by_class(read_snapshots(kmz, source="isw"))
    from_kml = by_class(read_snapshots(DATA / "isw_style.kml", source="isw"))
    assert from_kmz.keys() == from_kml.keys()
    for key, snap in from_kml.items():
        assert from_kmz[key].geometry.equals(snap.geometry)


def test_pinned_gdal_has_a_kml_driver_so_kml_needs_no_fallback():
    import pyogrio

    assert {"KML", "LIBKML"} & set(pyogrio.list_drivers())


def test_deepstate_style_geojson_drops_z_points_and_foreign_territories():
    result = read_snapshots(DATA / "deepstate_style_20240301.geojson", source="deepstate")
    snaps = by_class(result)
    assert set(snaps) == {("occupied", "area"), ("contested", "area"), ("liberated", "area")}
    assert all(s.date == DAY for s in result.snapshots)  # from the file name
    assert all(not shapely.has_z(s.geometry) for s in result.snapshots)
    assert snaps[("occupied", "area")].geometry.equals(
        shapely.MultiPolygon([box(37.0, 47.8, 37.5, 48.2)])
    )
    assert all(s.geometry.bounds[0] > 36 for s in result.snapshots)  # Transnistria dropped


def test_projected_file_is_reprojected_to_wgs84(tmp_path):
    frame = control_frame().to_crs("EPSG:32637")  # UTM 37N, metres
    path = tmp_path / "utm.gpkg"
    frame.to_file(path, driver="GPKG")
    result = read_snapshots(path, date=DAY)
    occupied = by_class(result)[("occupied", "area")]
    assert occupied.geometry.symmetric_difference(box(37.0, 47.8, 37.5, 48.2)).area < 1e-10
    assert any("reprojected" in note for note in result.notes)


def test_lines_become_line_snapshots_with_geodesic_length(tmp_path):
    line = LineString([(37.0, 47.5), (37.0, 48.5)])
    path = tmp_path / "front.geojson"
    gpd.GeoDataFrame({"name": ["front"]}, geometry=[line], crs="EPSG:4326").to_file(path)
    (snap,) = read_snapshots(path, date=DAY).snapshots
    assert snap.kind == "line" and snap.geometry.geom_type == "MultiLineString"
    assert snap.length_km == pytest.approx(GEOD.line_length(*line.xy) / 1000, rel=1e-9)


def test_self_intersecting_polygon_is_repaired(tmp_path):
    bowtie = Polygon([(37.0, 47.8), (37.4, 48.2), (37.4, 47.8), (37.0, 48.2)])
    path = tmp_path / "bowtie.geojson"
    gpd.GeoDataFrame({"status": ["occupied"]}, geometry=[bowtie], crs="EPSG:4326").to_file(path)
    result = read_snapshots(path, date=DAY)
    (snap,) = result.snapshots
    assert snap.geometry.is_valid
    left = Polygon([(37.0, 47.8), (37.2, 48.0), (37.0, 48.2)])
    right = Polygon([(37.4, 47.8), (37.2, 48.0), (37.4, 48.2)])
    assert snap.area_km2 == pytest.approx(geod_area_km2(left) + geod_area_km2(right), rel=1e-4)
    assert any("repaired" in note for note in result.notes)


def test_dates_come_from_a_date_property_when_not_given(tmp_path):
    frame = gpd.GeoDataFrame(
        {"status": ["occupied", "occupied"], "date": ["2024-03-01", "2024-03-08"]},
        geometry=[box(37.0, 47.8, 37.5, 48.2), box(37.0, 47.8, 37.6, 48.2)],
        crs="EPSG:4326",
    )
    path = tmp_path / "two_days.geojson"
    frame.to_file(path)
    result = read_snapshots(path)
    assert sorted(s.date for s in result.snapshots) == [DAY, dt.date(2024, 3, 8)]
    forced = read_snapshots(path, date=dt.date(2024, 5, 5))
    assert [s.date for s in forced.snapshots] == [dt.date(2024, 5, 5)]


def test_forced_class_overrides_the_properties(tmp_path):
    path = _write(control_frame(), "geojson", tmp_path)
    result = read_snapshots(path, date=DAY, class_="claimed")
    assert {str(s.class_) for s in result.snapshots} == {"claimed"}
    with pytest.raises(InputError, match="Unknown class"):
        read_snapshots(path, date=DAY, class_="held")


# --- bad files leave the store untouched ---------------------------------------------------------


def _bad_files(folder: Path) -> dict[str, Path]:
    files = {}
    files["empty"] = folder / "empty.geojson"
    files["empty"].write_bytes(b"")
    files["not geo"] = DATA / "not_geo.json"
    files["zip without shp"] = folder / "notes.zip"
    with zipfile.ZipFile(files["zip without shp"], "w") as zf:
        zf.writestr("readme.txt", "no shapefile in here")
    files["broken zip"] = folder / "broken.zip"
    files["broken zip"].write_bytes(b"PK\x03\x04 this is not really a zip archive")
    files["points only"] = folder / "points.geojson"
    gpd.GeoDataFrame(
        {"name": ["a", "b"]}, geometry=[Point(37, 48), Point(37.1, 48)], crs="EPSG:4326"
    ).to_file(files["points only"])
    files["missing date"] = folder / "undated.geojson"
    control_frame().to_file(files["missing date"])
    files["projected without crs"] = folder / "nocrs.geojson"
    files["projected without crs"].write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"status": "occupied"},
                        "geometry": shapely.geometry.mapping(box(400000, 5300000, 450000, 5350000)),
                    }
                ],
            }
        )
    )
    return files


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("empty", "empty"),
        ("not geo", "Cannot read"),
        ("zip without shp", "contains no"),
        ("broken zip", "not a readable zip"),
        ("points only", "no usable polygon or line"),
        ("missing date", "no date"),
        ("projected without crs", "outside longitude/latitude"),
    ],
)
def test_bad_file_raises_input_error_and_leaves_store_byte_identical(tmp_path, case, message):
    store = FrontlineStore(tmp_path / "store")
    store.import_file(_write(control_frame(), "geojson", tmp_path), date=DAY, source="good")
    before = digest(store.path)
    bad = _bad_files(tmp_path)[case]
    date = None if case == "missing date" else DAY
    with pytest.raises(InputError, match=message):
        store.import_file(bad, date=date, source="bad")
    assert digest(store.path) == before
    assert [s.source for s in store.snapshots(geometry=False)] == ["good", "good"]


def test_bad_file_does_not_create_a_store(tmp_path):
    store = FrontlineStore(tmp_path / "fresh")
    with pytest.raises(InputError):
        store.import_file(DATA / "not_geo.json", date=DAY)
    assert not store.root.exists()


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="No such file"):
        read_snapshots(tmp_path / "nope.geojson", date=DAY)


# --- store ---------------------------------------------------------------------------------------


def test_reimport_of_same_file_date_and_source_is_a_noop(tmp_path):
    store = FrontlineStore(tmp_path / "store")
    path = _write(control_frame(), "geojson", tmp_path)
    first = store.import_file(path, date=DAY, source="s")
    before = digest(store.path)
    again = store.import_file(path, date=DAY, source="s")
    assert not first.unchanged and again.unchanged
    assert digest(store.path) == before
    assert len(store.snapshots()) == 2


def test_same_file_with_other_date_or_source_is_a_new_snapshot(tmp_path):
    store = FrontlineStore(tmp_path / "store")
    path = _write(control_frame(), "geojson", tmp_path)
    store.import_file(path, date=DAY, source="s")
    assert not store.import_file(path, date=dt.date(2024, 3, 2), source="s").unchanged
    assert not store.import_file(path, date=DAY, source="t").unchanged
    assert len(store.snapshots()) == 6


def test_new_file_for_same_date_source_and_class_replaces_the_old_one(tmp_path):
    store = FrontlineStore(tmp_path / "store")
    store.import_file(_write(control_frame(), "geojson", tmp_path), date=DAY, source="s")
    bigger = tmp_path / "bigger.geojson"
    gpd.GeoDataFrame(
        {"status": ["occupied"]}, geometry=[box(37.0, 47.8, 37.7, 48.2)], crs="EPSG:4326"
    ).to_file(bigger)
    result = store.import_file(bigger, date=DAY, source="s")
    assert result.replaced == 1
    stored = {str(s.class_): s for s in store.snapshots(source="s", date=DAY)}
    assert set(stored) == {"occupied", "contested"}  # contested came from the first file
    assert stored["occupied"].geometry.equals(shapely.MultiPolygon([box(37.0, 47.8, 37.7, 48.2)]))


def test_failed_write_rolls_back_and_leaves_the_store_byte_identical(tmp_path):
    store = FrontlineStore(tmp_path / "store")
    store.import_file(_write(control_frame(), "geojson", tmp_path), date=DAY, source="s")
    before = digest(store.path)
    (snap,) = read_snapshots(DATA / "isw_style.kml", source="isw", class_="claimed").snapshots
    clash = dataclasses.replace(snap, class_=ControlClass.OCCUPIED)  # same id: second insert fails
    with pytest.raises(StoreError, match="nothing was written"):
        store.add([snap, clash])
    assert digest(store.path) == before
    assert {s.source for s in store.snapshots(geometry=False)} == {"s"}


def test_store_round_trips_snapshot_fields(tmp_path):
    store = FrontlineStore(tmp_path / "store")
    result = store.import_file(DATA / "isw_style.kml", source="isw")
    stored = {s.snapshot_id: s for s in store.snapshots()}
    for snap in result.snapshots:
        back = stored[snap.snapshot_id]
        assert back.geometry.equals(snap.geometry)
        assert (back.date, back.source, back.class_, back.kind) == (
            snap.date,
            snap.source,
            snap.class_,
            snap.kind,
        )
        assert (back.file_hash, back.filename, back.imported_at) == (
            snap.file_hash,
            "isw_style.kml",
            snap.imported_at,
        )
        assert back.area_km2 == pytest.approx(snap.area_km2)


def test_latest_dates_and_revision_follow_imports(tmp_path):
    store = FrontlineStore(tmp_path / "store")
    empty_revision = store.revision()
    path = _write(control_frame(), "geojson", tmp_path)
    store.import_file(path, date=DAY, source="s")
    assert store.revision() != empty_revision
    assert store.latest_dates(dt.date(2024, 2, 1)) == {}
    assert store.latest_dates(dt.date(2024, 4, 1)) == {"s": DAY}
    assert store.sources() == ["s"]


def test_revision_is_an_int_counter_that_only_commits_move(tmp_path):
    store = FrontlineStore(tmp_path / "store")
    assert store.revision() == 0
    path = _write(control_frame(), "geojson", tmp_path)
    store.import_file(path, date=DAY, source="s")
    first = store.revision()
    assert isinstance(first, int) and first > 0
    store.import_file(path, date=DAY, source="s")  # a no-op re-import
    assert store.revision() == first
    store.import_file(path, date=dt.date(2024, 3, 2), source="s")
    assert store.revision() == first + 1


# The snapshot table and marker as the store wrote them before it had a meta table.
_OLD_REGIME = (
    """CREATE TABLE IF NOT EXISTS frontline_snapshots (
        snapshot_id TEXT PRIMARY KEY, date TEXT NOT NULL, source TEXT NOT NULL,
        class TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('area', 'line')),
        geometry BLOB NOT NULL, area_km2 REAL, length_km REAL, features INTEGER NOT NULL,
        imported_at TEXT NOT NULL, file_hash TEXT NOT NULL, filename TEXT NOT NULL,
        UNIQUE (date, source, class, kind))""",
    "CREATE INDEX IF NOT EXISTS frontline_by_source_date ON frontline_snapshots (source, date)",
    "PRAGMA user_version = 1",
)


def _old_regime_store(root: Path, snapshots) -> Path:
    root.mkdir()
    con = sqlite3.connect(root / DB_FILENAME, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    for stmt in _OLD_REGIME:
        con.execute(stmt)
    for s in snapshots:
        con.execute(
            "INSERT INTO frontline_snapshots VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                s.snapshot_id,
                s.date.isoformat(),
                s.source,
                str(s.class_),
                s.kind,
                shapely.to_wkb(s.geometry),
                s.area_km2,
                s.length_km,
                s.features,
                s.imported_at.isoformat(),
                s.file_hash,
                s.filename,
            ),
        )
    con.execute("COMMIT")
    con.close()
    return root / DB_FILENAME


def test_store_written_before_the_meta_table_is_read_then_adopted_on_import(tmp_path):
    old = read_snapshots(DATA / "isw_style.kml", source="isw").snapshots
    path = _old_regime_store(tmp_path / "store", old)
    before = digest(path)
    store = FrontlineStore(tmp_path / "store")

    assert [s.snapshot_id for s in store.snapshots()] == [s.snapshot_id for s in old]
    assert store.sources() == ["isw"]
    assert store.revision() == 0
    assert digest(path) == before  # reading does not convert the file

    store.import_file(_write(control_frame(), "geojson", tmp_path), date=DAY, source="s")
    assert {s.source for s in store.snapshots(geometry=False)} == {"isw", "s"}
    assert store.revision() > 0
    con = sqlite3.connect(path)
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    finally:
        con.close()
    assert meta["app"] == "geo-dashboard-frontlines" and meta["schema_version"] == "1"


def test_article_store_file_under_the_snapshot_name_is_refused_untouched(tmp_path):
    from geo.store.sqlite import Store

    Store(tmp_path / "articles").close()
    root = tmp_path / "store"
    root.mkdir()
    (root / DB_FILENAME).write_bytes((tmp_path / "articles" / "geo.sqlite").read_bytes())
    before = digest(root / DB_FILENAME)
    store = FrontlineStore(root)
    with pytest.raises(StoreError, match="another application"):
        store.snapshots()
    with pytest.raises(StoreError, match="another application"):
        store.import_file(_write(control_frame(), "geojson", tmp_path), date=DAY, source="s")
    assert digest(root / DB_FILENAME) == before


def test_corrupt_store_file_raises_store_error(tmp_path):
    root = tmp_path / "store"
    root.mkdir()
    (root / DB_FILENAME).write_bytes(b"this is not an sqlite database at all" * 40)
    store = FrontlineStore(root)
    with pytest.raises(StoreError, match="move the damaged file aside"):
        store.snapshots()


# --- fetchers (canned replies, never the network) ------------------------------------------------


def _fc(name: str) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": name},
                "geometry": shapely.geometry.mapping(box(37.0, 47.8, 37.5, 48.2)),
            }
        ],
    }


def test_fetchers_are_off_unless_online_is_passed():
    with pytest.raises(InputError, match="off by default"):
        ffetch.fetch_deepstate(get=lambda url: b"[]")
    with pytest.raises(InputError, match="off by default"):
        ffetch.fetch_arcgis_layer("https://x.example/arcgis/rest/services/a/FeatureServer/0")


def test_fetch_deepstate_takes_the_latest_update_at_or_before_the_date(tmp_path):
    history = [
        {"id": 11, "createdAt": "2024-03-01T10:00:00.000Z"},
        {"id": 12, "createdAt": "2024-03-05T10:00:00.000Z"},
        {"id": 13, "createdAt": "2024-03-09T10:00:00.000Z"},
    ]
    fetched = []

    def get(url):
        fetched.append(url)
        if url.endswith("/public"):
            return json.dumps(history).encode()
        return json.dumps({"id": 12, "map": _fc("x /// y /// geoJSON.status.occupied")}).encode()

    day, data = ffetch.fetch_deepstate(
        date=dt.date(2024, 3, 7), online=True, get=get, base_url="https://ds.example/api/history"
    )
    assert day == dt.date(2024, 3, 5)
    assert fetched[-1] == "https://ds.example/api/history/12/geojson"
    result = FrontlineStore(tmp_path).import_bytes(
        data, suffix=".geojson", label="deepstate-12", date=day, source="deepstate"
    )
    assert [(s.date, str(s.class_)) for s in result.snapshots] == [(day, "occupied")]
    with pytest.raises(ServiceError, match="no update"):
        ffetch.fetch_deepstate(date=dt.date(2024, 1, 1), online=True, get=get)


def test_fetch_arcgis_layer_pages_and_tags_features_with_the_layer_title():
    url = "https://gis.example/arcgis/rest/services/ctl/FeatureServer/3"
    pages = [_fc("a"), _fc("b")]
    pages[0]["exceededTransferLimit"] = True

    def get(requested):
        if requested.endswith("?f=json"):
            return json.dumps({"name": "Assessed Russian Advances in Ukraine"}).encode()
        return json.dumps(pages.pop(0)).encode()

    title, data = ffetch.fetch_arcgis_layer(url, online=True, get=get)
    collection = json.loads(data)
    assert title == "Assessed Russian Advances in Ukraine"
    assert len(collection["features"]) == 2 and not pages
    assert {classify(f["properties"]["layer"]) for f in collection["features"]} == {
        ControlClass.CONTESTED
    }
    with pytest.raises(InputError, match="not an ArcGIS layer URL"):
        ffetch.fetch_arcgis_layer("https://gis.example/page.html", online=True, get=get)


def test_a_refused_upload_is_named_once_not_with_a_doubled_extension(tmp_path):
    from geo.errors import GeoError

    with pytest.raises(GeoError) as err:
        FrontlineStore(tmp_path).import_bytes(
            b"not geojson at all", suffix=".geojson", label="points.geojson"
        )
    assert "points.geojson.geojson" not in str(err.value)
