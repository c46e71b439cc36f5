"""The shared SQLite regime (geo.store.db): transactions, the revision counter, foreign files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from geo.errors import StoreError
from geo.frontline.store import FRONTLINE_SCHEMA
from geo.store import db
from geo.store.schema import STORE_SCHEMA

SCHEMA = db.Schema(app="test-app", version=1, ddl="CREATE TABLE t (x INTEGER NOT NULL)")
HINT = "move it away."


@pytest.fixture()
def conn(tmp_path: Path):
    con = db.open_write(tmp_path / "t.sqlite", SCHEMA, hint=HINT)
    yield con
    con.close()


def rows(con: sqlite3.Connection) -> list[tuple]:
    return con.execute("SELECT x FROM t ORDER BY x").fetchall()


def test_new_file_gets_meta_with_app_version_and_wal(conn, tmp_path) -> None:
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    assert meta["app"] == "test-app" and meta["schema_version"] == "1"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_exception_in_transaction_rolls_back_everything(conn, tmp_path) -> None:
    before = db.revision(conn)
    with pytest.raises(RuntimeError, match="halfway"), db.transaction(conn, tmp_path / "t.sqlite"):
        conn.execute("INSERT INTO t VALUES (1)")
        raise RuntimeError("halfway")
    assert rows(conn) == []
    assert db.revision(conn) == before
    assert not conn.in_transaction


def test_sqlite_error_in_transaction_is_a_store_error_and_leaves_nothing(conn, tmp_path) -> None:
    before = db.revision(conn)
    path = tmp_path / "t.sqlite"
    with pytest.raises(StoreError, match="nothing was written"), db.transaction(conn, path):
        conn.execute("INSERT INTO t VALUES (1)")
        conn.execute("INSERT INTO t VALUES (NULL)")  # NOT NULL: the second row fails
    assert rows(conn) == []
    assert db.revision(conn) == before


def test_revision_counts_commits_and_not_rollbacks(conn, tmp_path) -> None:
    path = tmp_path / "t.sqlite"
    start = db.revision(conn)
    assert isinstance(start, int)
    for x in range(3):
        with db.transaction(conn, path):
            conn.execute("INSERT INTO t VALUES (?)", (x,))
    with pytest.raises(db.NoChange), db.transaction(conn, path):
        conn.execute("INSERT INTO t VALUES (99)")
        raise db.NoChange
    assert db.revision(conn) == start + 3
    reader = db.open_read(path, SCHEMA, hint=HINT)
    try:
        assert db.revision(reader) == start + 3  # another connection sees the same counter
    finally:
        reader.close()
    assert rows(conn) == [(0,), (1,), (2,)]


def test_reopening_does_not_bump_the_revision(tmp_path) -> None:
    path = tmp_path / "t.sqlite"
    db.open_write(path, SCHEMA, hint=HINT).close()
    con = db.open_write(path, SCHEMA, hint=HINT)
    first = db.revision(con)
    con.close()
    con = db.open_write(path, SCHEMA, hint=HINT)
    try:
        assert db.revision(con) == first
    finally:
        con.close()


def test_foreign_sqlite_file_is_refused_and_left_untouched(tmp_path) -> None:
    path = tmp_path / "t.sqlite"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE birds (name TEXT)")
    other.execute("INSERT INTO birds VALUES ('wren')")
    other.commit()
    other.close()
    before = path.read_bytes()
    for opener in (db.open_write, db.open_read):
        with pytest.raises(StoreError, match=r"not a geo-dashboard store.*move it away"):
            opener(path, SCHEMA, hint=HINT)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.sqlite"]


def test_file_of_another_kind_of_store_is_refused(tmp_path) -> None:
    path = tmp_path / "geo.sqlite"
    db.open_write(path, STORE_SCHEMA, hint=HINT).close()
    with pytest.raises(StoreError, match="another application"):
        db.open_write(path, FRONTLINE_SCHEMA, hint=HINT)


def test_newer_file_is_refused(tmp_path) -> None:
    path = tmp_path / "t.sqlite"
    db.open_write(path, SCHEMA, hint=HINT).close()
    newer = sqlite3.connect(path)
    newer.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    newer.commit()
    newer.close()
    for opener in (db.open_write, db.open_read):
        with pytest.raises(StoreError, match="newer than this program"):
            opener(path, SCHEMA, hint=HINT)


def test_legacy_file_is_read_as_is_and_adopted_at_first_write(tmp_path) -> None:
    path = tmp_path / "t.sqlite"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE t (x INTEGER NOT NULL)")
    old.execute("INSERT INTO t VALUES (7)")
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    before = path.read_bytes()

    def legacy(con: sqlite3.Connection) -> int | None:
        return con.execute("PRAGMA user_version").fetchone()[0] or None

    schema = db.Schema(app="test-app", version=1, ddl="", legacy=legacy)
    reader = db.open_read(path, schema, hint=HINT)
    try:
        assert rows(reader) == [(7,)]
        assert db.revision(reader) == 0
    finally:
        reader.close()
    assert path.read_bytes() == before

    con = db.open_write(path, schema, hint=HINT)
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        assert meta["app"] == "test-app" and meta["schema_version"] == "1"
        assert rows(con) == [(7,)]
        adopted = db.revision(con)
        assert adopted > 0
    finally:
        con.close()
    # Without the legacy hook the same old file would not have been ours.
    path.unlink()
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE t (x INTEGER NOT NULL)")
    old.commit()
    old.close()
    with pytest.raises(StoreError, match="not a geo-dashboard store"):
        db.open_read(path, SCHEMA, hint=HINT)
