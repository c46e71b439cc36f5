"""What only the SQLite store does: its file, WAL, refusing foreign files, migrations.

The behaviour both backends share is in test_store_contract.py.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from geo.errors import InputError, StoreError
from geo.records import Correction, EventStatus, EventType, Place, ToponymRole
from geo.store import sqlite as store_mod
from geo.store.codec import normalize_surface, place_from_dict, place_to_dict
from geo.store.schema import SCHEMA_VERSION, STORE_SCHEMA
from geo.store.sqlite import DB_NAME, Store
from tests.store.samples import DONETSK_OBLAST, HAND_POINT, SUDZHA, make_article, make_toponyms

ROOT = Path(__file__).resolve().parents[2]
STORE_V1_SQL = ROOT / "tests" / "data" / "store_v1.sql"
STORE_V2_SQL = ROOT / "tests" / "data" / "store_v2.sql"


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


def test_mention_row_json_is_the_dicts_json_even_for_odd_scores_and_a_reused_place() -> None:
    import json

    from geo.records import Candidate, Toponym
    from geo.store.codec import candidate_to_dict, mention_row

    def plain(obj: object) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

    cands = (
        Candidate(SUDZHA, 0.1 + 0.2, "name"),
        Candidate(SUDZHA, float("nan"), "alias"),  # the same Place object again
        Candidate(HAND_POINT, 1, "ascii"),
        Candidate(DONETSK_OBLAST, float("inf"), "name"),
    )
    top = Toponym(0, 6, "Sudzha", SUDZHA, 0.9, cands)
    for _ in range(2):  # the second time from the cache
        row = mention_row("a", 0, top)
        assert row[5] == plain(place_to_dict(SUDZHA))
        assert row[8] == plain([candidate_to_dict(c) for c in cands])
    moved = dataclasses.replace(SUDZHA, lat=1.0)  # an equal-looking place is encoded afresh
    assert mention_row("a", 0, dataclasses.replace(top, place=moved))[5] == plain(
        place_to_dict(moved)
    )


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


# -- roles (schema version 2) ------------------------------------------------------------------


def _v1_store(store_root: Path, sql: Path = STORE_V1_SQL) -> Path:
    """A store folder holding the old file of tests/data/store_v1.sql (or ``sql``)."""
    store_root.mkdir(parents=True)
    conn = sqlite3.connect(store_root / DB_NAME)
    try:
        conn.executescript(sql.read_text(encoding="utf-8"))
    finally:
        conn.close()
    return store_root


def _table_info(path: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA table_info({table})").fetchall()
    finally:
        conn.close()


def _schema_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    finally:
        conn.close()
    return int(row[0])


def test_a_version_1_store_file_migrates_with_its_mentions_literal(store_root: Path) -> None:
    _v1_store(store_root)
    assert _schema_version(store_root / DB_NAME) == 1
    with Store(store_root) as s:
        tops = s.toponyms("v1article")
        assert [(t.surface, t.start, t.role) for t in tops] == [
            ("Kyiv", 12, ToponymRole.LITERAL),
            ("Kyiv", 41, ToponymRole.LITERAL),
        ]
        assert tops[0].place is not None and tops[0].place.place_id == "gn:703448"
        assert [(c.article_id, c.start, c.note) for c in s.corrections(article_id="v1article")] == [
            ("v1article", 41, "v1 note")
        ]
        assert s.revision() == 5  # 3 writes in the v1 file, then two migrations
    assert _schema_version(store_root / DB_NAME) == SCHEMA_VERSION == 3


def test_a_migrated_store_has_the_same_mentions_table_as_a_new_one(tmp_path: Path) -> None:
    migrated = _v1_store(tmp_path / "old")
    Store(migrated).close()
    Store(tmp_path / "new").close()
    assert _table_info(migrated / DB_NAME, "mentions") == _table_info(
        tmp_path / "new" / DB_NAME, "mentions"
    )


def test_a_migrated_store_takes_new_roles_and_corrections(store_root: Path) -> None:
    _v1_store(store_root)
    with Store(store_root) as s:
        old = s.toponyms("v1article")
        metonymic = dataclasses.replace(old[1], role=ToponymRole.METONYMIC)
        s.replace_analysis("v1article", [old[0], metonymic], [])
        s.add_correction(Correction(surface="Kyiv", place=HAND_POINT, note="after migration"))
        assert [t.role for t in s.toponyms("v1article")] == [
            ToponymRole.LITERAL,
            ToponymRole.METONYMIC,
        ]
        assert [c.note for c in s.corrections()] == ["after migration"]


def test_every_mention_role_round_trips_through_the_store(store: Store) -> None:
    base = make_toponyms()[0]
    tops = [
        dataclasses.replace(base, start=10 * k, end=10 * k + 6, role=role)
        for k, role in enumerate(ToponymRole)
    ]
    store.add(make_article(1), tops, [])
    assert store.toponyms("a001") == tops
    assert [t.role for _, t in store.mentions()] == list(ToponymRole)


def test_a_stored_role_this_program_does_not_know_is_a_store_error(store: Store) -> None:
    store.add(make_article(1), make_toponyms()[:1], [])
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE mentions SET role = 'allegorical'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="allegorical"):
        store.toponyms("a001")


# -- status, casualties and ACLED labels (schema version 3) -----------------------------------


def test_a_version_2_store_file_migrates_with_its_events_reported_as_fact(
    store_root: Path,
) -> None:
    _v1_store(store_root, STORE_V2_SQL)
    assert _schema_version(store_root / DB_NAME) == 2
    with Store(store_root) as s:
        (event,) = s.events()
        assert (event.event_type, event.place.name, event.date_text) == (
            EventType.ATTACK,
            "Kyiv",
            "overnight",
        )
        assert event.status is EventStatus.HAPPENED
        assert (event.claimed_by, event.killed, event.injured, event.figures_text) == (
            "",
            None,
            None,
            "",
        )
        assert (event.acled_event_type, event.acled_sub_event_type) == ("", "")
        assert [t.role for t in s.toponyms("v2article")] == [
            ToponymRole.LITERAL,
            ToponymRole.METONYMIC,
        ]
        assert s.revision() == 4  # 3 writes in the v2 file, then the migration
    assert _schema_version(store_root / DB_NAME) == SCHEMA_VERSION == 3


def test_a_migrated_store_has_the_same_events_table_as_a_new_one(tmp_path: Path) -> None:
    migrated = _v1_store(tmp_path / "old", STORE_V2_SQL)
    Store(migrated).close()
    Store(tmp_path / "new").close()
    assert _table_info(migrated / DB_NAME, "events") == _table_info(
        tmp_path / "new" / DB_NAME, "events"
    )


def test_a_migrated_store_takes_events_with_claims_and_casualties(store_root: Path) -> None:
    _v1_store(store_root, STORE_V2_SQL)
    with Store(store_root) as s:
        (old,) = s.events()
        claimed = dataclasses.replace(
            old, status=EventStatus.CLAIMED, claimed_by="the mayor", killed=1, injured=4
        )
        s.replace_analysis("v2article", s.toponyms("v2article"), [claimed])
        assert s.events() == [claimed]


def test_a_stored_status_this_program_does_not_know_is_a_store_error(store: Store) -> None:
    from tests.store.samples import make_event

    store.add(make_article(1), [], [make_event("a001", 1)])
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE events SET status = 'rumoured'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="rumoured"):
        store.events()


def test_a_bulk_write_gives_the_writer_a_large_page_cache(store) -> None:
    # The default 2 MB cache spills index pages to the WAL over and over within a batch.
    default = store._conn.execute("PRAGMA cache_size").fetchone()[0]
    rows = Store.encode(make_article(1), make_toponyms(), [])
    assert store.add_encoded_batch([rows]) == [True]
    assert store._conn.execute("PRAGMA cache_size").fetchone()[0] == -store_mod.BULK_CACHE_KIB
    assert default != -store_mod.BULK_CACHE_KIB
    assert store.articles() == [make_article(1)]
