"""What only the PostGIS store does: geometry columns, refusing foreign schemas, migrations.

Needs ``$GEO_TEST_POSTGRES_URL`` (skipped without it, failing without it under CI).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from geo.config import is_store_url, redact_url, store_dir, store_location
from geo.errors import InputError, StoreError
from geo.records import Correction
from geo.store import postgis as postgis_mod
from geo.store.base import open_store
from geo.store.pg import split_url
from geo.store.postgis import PG_SCHEMA, PostgisStore
from geo.store.sqlite import Store
from tests.conftest import postgres_url
from tests.store.samples import HAND_POINT, SUDZHA, make_article, make_event, make_toponyms


def _sql(url: str, query: str, params: tuple = ()) -> list[tuple]:
    import psycopg

    conninfo, schema = split_url(url)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(
            "SELECT set_config('search_path', quote_ident(%s) || ', public', false)", (schema,)
        )
        cur = conn.execute(query, params)
        return cur.fetchall() if cur.description else []


# -- choosing the backend (no server needed) ---------------------------------------------------


@pytest.mark.parametrize("url", ["postgresql://u@h/db", "postgres://h/db", " POSTGRESQL://h/d"])
def test_postgresql_urls_are_store_urls(url: str) -> None:
    assert is_store_url(url)


def test_a_folder_is_not_a_store_url(tmp_path: Path) -> None:
    assert not is_store_url(str(tmp_path)) and not is_store_url(tmp_path)


def test_store_location_keeps_a_url_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("GEO_STORE", "postgresql://analyst@db.example/geo")
    assert store_location() == "postgresql://analyst@db.example/geo"


def test_store_dir_refuses_a_url_instead_of_making_a_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="database URL, not a folder"):
        store_dir("postgresql://u:secret@h/db")
    assert list(tmp_path.iterdir()) == []


def test_open_store_gives_the_sqlite_store_for_a_folder(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as s:
        assert isinstance(s, Store) and s.location == str(tmp_path / "s")


def test_redact_url_hides_the_password_only() -> None:
    assert redact_url("postgresql://ann:s3cr%40t@db:5433/geo?schema=x") == (
        "postgresql://ann:***@db:5433/geo?schema=x"
    )
    assert redact_url("postgresql://ann@db/geo") == "postgresql://ann@db/geo"


def test_split_url_takes_our_schema_parameter_out() -> None:
    assert split_url("postgresql://h/db?schema=team&sslmode=require") == (
        "postgresql://h/db?sslmode=require",
        "team",
    )
    assert split_url("postgresql://h/db") == ("postgresql://h/db", "geo")


def test_unreachable_server_is_a_store_error_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql://ann:hunter2@/geo?host={tmp_path}&port=1"
    with pytest.raises(StoreError, match="Cannot connect") as info:
        open_store(url)
    assert "hunter2" not in str(info.value)


# -- on a server -------------------------------------------------------------------------------


def test_open_store_gives_the_postgis_store_for_a_url(pg_url: str) -> None:
    with open_store(pg_url) as s:
        assert isinstance(s, PostgisStore)
        assert s.revision() == 1  # creating the store counts as one write, as in SQLite


def test_events_and_mentions_are_points_in_wgs84_under_gist_indexes(pg_url: str) -> None:
    with open_store(pg_url) as s:
        s.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
    schema = split_url(pg_url)[1]
    columns = _sql(
        pg_url,
        "SELECT f_table_name, type, srid FROM geometry_columns WHERE f_table_schema = %s "
        "ORDER BY f_table_name",
        (schema,),
    )
    assert columns == [("events", "POINT", 4326), ("mentions", "POINT", 4326)]
    gist = _sql(
        pg_url,
        "SELECT tablename FROM pg_indexes WHERE schemaname = %s AND indexdef ILIKE '%%gist%%' "
        "ORDER BY tablename",
        (schema,),
    )
    assert gist == [("events",), ("mentions",)]
    (lon, lat), *_ = _sql(pg_url, "SELECT ST_X(geom), ST_Y(geom) FROM events")
    assert (lat, lon) == (SUDZHA.lat, SUDZHA.lon)
    # The unresolved mention ("Xyz") has no point.
    assert _sql(pg_url, "SELECT count(*) FROM mentions WHERE geom IS NULL") == [(1,)]


def test_a_spatial_query_finds_the_events_near_a_point(pg_url: str) -> None:
    with open_store(pg_url) as s:
        events = [make_event("a001", 1), make_event("a001", 2, place=HAND_POINT)]
        s.add(make_article(1), [], events)
    near = _sql(
        pg_url,
        "SELECT event_id FROM events WHERE ST_DWithin(geom::geography, "
        "ST_SetSRID(ST_MakePoint(35.3, 51.2), 4326)::geography, 10000)",
    )
    assert near == [("a001-e1",)]


def test_dates_are_date_columns(pg_url: str) -> None:
    with open_store(pg_url) as s:
        s.add(make_article(1), [], [make_event("a001", 1)])
    schema = split_url(pg_url)[1]
    types = dict(
        _sql(
            pg_url,
            "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = %s AND column_name IN ('published', 'date_start', 'date_end')",
            (schema,),
        )
    )
    assert types == {
        "articles.published": "date",
        "events.date_start": "date",
        "events.date_end": "date",
    }


def test_surface_correction_is_stored_with_case_insensitive_key(pg_url: str) -> None:
    with open_store(pg_url) as s:
        s.add_correction(Correction("  Sudzha\u00a0Town ", SUDZHA))
    assert _sql(pg_url, "SELECT surface_norm FROM corrections") == [("sudzha town",)]


def test_schema_with_foreign_tables_is_refused_and_left_unchanged(pg_url: str) -> None:
    schema = split_url(pg_url)[1]
    _sql(pg_url, f'CREATE SCHEMA "{schema}"')
    _sql(pg_url, f'CREATE TABLE "{schema}".birds (name TEXT)')
    _sql(pg_url, f"INSERT INTO \"{schema}\".birds VALUES ('wren')")
    with pytest.raises(StoreError, match="not a geo-dashboard store"):
        open_store(pg_url)
    tables = _sql(pg_url, "SELECT tablename FROM pg_tables WHERE schemaname = %s", (schema,))
    assert tables == [("birds",)]
    assert _sql(pg_url, f'SELECT name FROM "{schema}".birds') == [("wren",)]


def test_schema_with_another_apps_meta_table_is_refused(pg_url: str) -> None:
    schema = split_url(pg_url)[1]
    _sql(pg_url, f'CREATE SCHEMA "{schema}"')
    _sql(pg_url, f'CREATE TABLE "{schema}".meta (key TEXT PRIMARY KEY, value TEXT)')
    _sql(pg_url, f"INSERT INTO \"{schema}\".meta VALUES ('app', 'something-else')")
    with pytest.raises(StoreError, match="another application"):
        open_store(pg_url)


def test_store_from_a_newer_schema_version_is_refused(pg_url: str) -> None:
    open_store(pg_url).close()
    _sql(pg_url, "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"):
        open_store(pg_url)


def test_migration_hook_upgrades_an_older_store(pg_url: str, monkeypatch) -> None:
    with open_store(pg_url) as s:
        s.add(make_article(1), [], [])

    def add_tags_column(conn) -> None:
        conn.execute("ALTER TABLE articles ADD COLUMN tags TEXT NOT NULL DEFAULT ''")

    old = PG_SCHEMA.version
    newer = dataclasses.replace(PG_SCHEMA, version=old + 1, migrations={old: add_tags_column})
    monkeypatch.setattr(postgis_mod, "PG_SCHEMA", newer)
    with open_store(pg_url) as s:
        assert s.article("a001") == make_article(1)
    schema = split_url(pg_url)[1]
    cols = _sql(
        pg_url,
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = %s AND table_name = 'articles' AND column_name = 'tags'",
        (schema,),
    )
    assert cols == [("tags",)]
    assert _sql(pg_url, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(old + 1),)]


def test_a_version_2_store_gains_the_event_columns_of_version_3(pg_url: str) -> None:
    from geo.records import EventStatus
    from geo.store.schema import EVENT_COLUMNS_V3

    with open_store(pg_url) as s:
        s.add(make_article(1), [], [make_event("a001", 1)])
    # What the first PostGIS stores (version 2) held: events without the seven columns.
    for column in EVENT_COLUMNS_V3:
        _sql(pg_url, f"ALTER TABLE events DROP COLUMN {column.split()[0]}")
    _sql(pg_url, "UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with open_store(pg_url) as s:
        (event,) = s.events()
        assert event == make_event("a001", 1)
        assert event.status is EventStatus.HAPPENED and event.killed is None
    assert _sql(pg_url, "SELECT value FROM meta WHERE key = 'schema_version'") == [("3",)]


def test_two_stores_in_one_database_are_apart(pg_url: str) -> None:
    base = postgres_url()
    other = pg_url.replace("schema=", "schema=other_")
    try:
        with open_store(pg_url) as a, open_store(other) as b:
            a.add(make_article(1), [], [])
            assert b.articles() == [] and b.revision() == 1
    finally:
        from tests.conftest import drop_schemas

        drop_schemas(base, split_url(other)[1])
