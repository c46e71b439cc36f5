"""What only the SQLite store does: its file, WAL, refusing foreign files, migrations.

The behaviour both backends share is in test_store_contract.py.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from geo.errors import InputError, StoreError
from geo.records import Correction, Place
from geo.store import sqlite as store_mod
from geo.store.codec import normalize_surface, place_from_dict, place_to_dict
from geo.store.schema import STORE_SCHEMA
from geo.store.sqlite import DB_NAME, Store
from tests.store.samples import DONETSK_OBLAST, HAND_POINT, SUDZHA, make_article


@pytest.fixture()
def store(store_root: Path):
    with Store(store_root) as s:
        yield s


# -- codec -------------------------------------------------------------------------------------


@pytest.mark.parametrize("place", [SUDZHA, DONETSK_OBLAST, HAND_POINT])
def test_place_codec_round_trips_exactly_through_json(place: Place) -> None:
    import json

    assert place_from_dict(json.loads(json.dumps(place_to_dict(place)))) == place


def test_place_from_dict_with_missing_field_raises_store_error() -> None:
    data = place_to_dict(SUDZHA)
    del data["lat"]
    with pytest.raises(StoreError, match="unreadable"):
        place_from_dict(data)


# -- opening -----------------------------------------------------------------------------------


def test_new_store_creates_folder_and_database_in_wal_mode(store_root: Path) -> None:
    assert not store_root.exists()
    with Store(store_root):
        pass
    assert (store_root / DB_NAME).is_file()
    conn = sqlite3.connect(store_root / DB_NAME)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_store_defaults_to_geo_store_environment_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("GEO_STORE", str(tmp_path / "from-env"))
    with Store() as s:
        assert s.path == tmp_path / "from-env" / DB_NAME
    assert (tmp_path / "from-env" / DB_NAME).is_file()


def test_foreign_file_named_geo_sqlite_is_refused_and_left_unchanged(store_root: Path) -> None:
    store_root.mkdir()
    db = store_root / DB_NAME
    db.write_bytes(b"this is a text file, not a database\n" * 10)
    before = db.read_bytes()
    with pytest.raises(StoreError, match="not an SQLite database"):
        Store(store_root)
    assert db.read_bytes() == before
    assert sorted(p.name for p in store_root.iterdir()) == [DB_NAME]


def test_foreign_sqlite_database_is_refused_and_left_unchanged(store_root: Path) -> None:
    store_root.mkdir()
    db = store_root / DB_NAME
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.execute("INSERT INTO birds VALUES ('wren')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="not a geo-dashboard store"):
        Store(store_root)
    assert db.read_bytes() == before
    assert sorted(p.name for p in store_root.iterdir()) == [DB_NAME]


def test_sqlite_database_with_another_apps_meta_table_is_refused(store_root: Path) -> None:
    store_root.mkdir()
    conn = sqlite3.connect(store_root / DB_NAME)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('app', 'something-else')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another application"):
        Store(store_root)


def test_store_from_a_newer_schema_version_is_refused(store_root: Path) -> None:
    Store(store_root).close()
    conn = sqlite3.connect(store_root / DB_NAME)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(store_root)


def test_migration_hook_upgrades_an_older_store(store_root: Path, monkeypatch) -> None:
    with Store(store_root) as s:
        s.add(make_article(1), [], [])

    def add_tags_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE articles ADD COLUMN tags TEXT NOT NULL DEFAULT ''")

    old = STORE_SCHEMA.version
    newer = dataclasses.replace(
        STORE_SCHEMA, version=old + 1, migrations={**STORE_SCHEMA.migrations, old: add_tags_column}
    )
    monkeypatch.setattr(store_mod, "STORE_SCHEMA", newer)
    with Store(store_root) as s:
        assert s.article("a001") == make_article(1)
    conn = sqlite3.connect(store_root / DB_NAME)
    try:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    finally:
        conn.close()
    assert "tags" in cols
    assert int(version[0]) == old + 1


def test_store_location_that_is_a_file_raises_input_error(tmp_path: Path) -> None:
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    with pytest.raises(InputError, match="is a file"):
        Store(target)


# -- SQLite specifics ----------------------------------------------------------------------


def test_surface_correction_is_stored_with_case_insensitive_key(store: Store) -> None:
    store.add_correction(Correction("  Sudzha\u00a0Town ", SUDZHA))
    conn = sqlite3.connect(store.path)
    try:
        (norm,) = conn.execute("SELECT surface_norm FROM corrections").fetchone()
    finally:
        conn.close()
    assert norm == normalize_surface("SUDZHA TOWN") == "sudzha town"
