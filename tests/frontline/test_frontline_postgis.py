"""Front-line snapshots on PostGIS: real multi-geometries, all-or-nothing imports, quiet reads.

The as-of, change and near-front tests in test_frontline.py run on this store too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from geo.errors import StoreError
from geo.frontline.files import ControlClass, read_snapshots
from geo.frontline.postgis import PostgisFrontlineStore
from geo.frontline.store import open_frontline_store
from geo.store.pg import split_url
from tests.store.test_postgis import _sql

DATA = Path(__file__).parent.parent / "data" / "frontline"
DAY = dt.date(2024, 3, 1)


def _schema(url: str) -> str:
    return split_url(url)[1] + "_frontlines"


def test_a_url_opens_the_snapshot_store_on_the_server(pg_url: str) -> None:
    store = open_frontline_store(pg_url)
    assert isinstance(store, PostgisFrontlineStore)
    assert store.schema == _schema(pg_url)


def test_reading_an_empty_store_creates_nothing(pg_url: str) -> None:
    store = open_frontline_store(pg_url)
    assert (store.sources(), store.snapshots(), store.revision()) == ([], [], 0)
    assert _sql(pg_url, "SELECT 1 FROM pg_namespace WHERE nspname = %s", (_schema(pg_url),)) == []


def test_areas_and_lines_are_multi_geometries_in_wgs84_under_a_gist_index(pg_url: str) -> None:
    store = open_frontline_store(pg_url)
    store.import_file(DATA / "isw_style.kml", source="isw")
    schema = _schema(pg_url)
    kinds = _sql(
        pg_url,
        f'SELECT DISTINCT kind, GeometryType(geom), ST_SRID(geom) FROM "{schema}".'
        "frontline_snapshots ORDER BY kind",
    )
    assert ("area", "MULTIPOLYGON", 4326) in kinds
    assert all(t == ("MULTIPOLYGON" if k == "area" else "MULTILINESTRING") for k, t, _ in kinds)
    gist = _sql(
        pg_url,
        "SELECT indexname FROM pg_indexes WHERE schemaname = %s AND indexdef ILIKE '%%gist%%'",
        (schema,),
    )
    assert gist == [("frontline_geom",)]


def test_snapshot_fields_round_trip(pg_url: str) -> None:
    store = open_frontline_store(pg_url)
    result = store.import_file(DATA / "isw_style.kml", source="isw")
    stored = {s.snapshot_id: s for s in store.snapshots()}
    for snap in result.snapshots:
        back = stored[snap.snapshot_id]
        assert back.geometry.equals(snap.geometry)
        assert (back.date, back.source, back.class_, back.kind, back.imported_at) == (
            snap.date,
            snap.source,
            snap.class_,
            snap.kind,
            snap.imported_at,
        )
        assert (back.area_km2, back.length_km, back.features) == (
            snap.area_km2,
            snap.length_km,
            snap.features,
        )


def test_failed_write_rolls_back_and_keeps_the_revision(pg_url: str) -> None:
    store = open_frontline_store(pg_url)
    store.import_file(DATA / "isw_style.kml", source="isw", date=DAY)
    before = (store.revision(), [s.snapshot_id for s in store.snapshots(geometry=False)])
    (snap, *_) = read_snapshots(DATA / "isw_style.kml", source="other", class_="claimed").snapshots
    clash = dataclasses.replace(snap, class_=ControlClass.OCCUPIED)  # same id: second insert fails
    with pytest.raises(StoreError, match="nothing was written"):
        store.add([snap, clash])
    assert (store.revision(), [s.snapshot_id for s in store.snapshots(geometry=False)]) == before
