"""The one SQLite regime both stores follow: open, refuse foreign files, create or migrate.

Each store file has a ``meta`` table (``app``, ``schema_version``, ``revision``); every write is
one ``BEGIN IMMEDIATE … COMMIT`` that bumps ``revision``. See docs/store.md.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from geo.errors import StoreError

__all__ = [
    "Migration",
    "NoChange",
    "Schema",
    "bump",
    "is_new",
    "open_read",
    "open_write",
    "revision",
    "savepoint",
    "transaction",
]

BUSY_TIMEOUT_S = 30.0
_SQLITE_MAGIC = b"SQLite format 3\x00"
_META_DDL = "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"

Migration = Callable[[sqlite3.Connection], None]


@dataclasses.dataclass(frozen=True, slots=True)
class Schema:
    """What one kind of store file holds: the marker that proves it is ours, and its tables.

    Attributes
    ----------
    app : str
        The ``meta`` value under ``app`` that tells our files from any other SQLite file;
        one per kind of file, so a snapshot file is not taken for an article store.
    version : int
        The schema version this program writes and understands.
    ddl : str
        ``;``-separated statements creating a new file's tables (``meta`` is added here).
    migrations : mapping of int to callable
        ``migrations[n](conn)`` takes a version-n file to version n + 1; each runs inside the
        transaction that records the new version.
    legacy : callable, optional
        Recognises a file of ours from before the ``meta`` table and returns its schema
        version (None: not one). Such a file is read as it is and given ``meta`` in place,
        in one transaction, the first time it is opened for writing.
    """

    app: str
    version: int
    ddl: str
    migrations: Mapping[int, Migration] = dataclasses.field(default_factory=dict)
    legacy: Callable[[sqlite3.Connection], int | None] | None = None


class NoChange(Exception):
    """Raise inside ``transaction`` to roll back a write that would change nothing.

    It is re-raised as is (not as a StoreError) for the caller to catch, and the revision
    stays where it was.
    """


def is_new(path: Path) -> bool:
    """True when there is no store yet: no file, or SQLite's zero-byte empty database."""
    return not path.exists() or path.stat().st_size == 0


def open_read(path: Path, schema: Schema, *, hint: str) -> sqlite3.Connection:
    """Open an existing store file read-only, after making sure it is one of ours.

    Parameters
    ----------
    path : Path
        The file; it must exist (see ``is_new``).
    schema : Schema
        What the file must be.
    hint : str
        What the user can do about a foreign file, ending the refusal message.

    Returns
    -------
    sqlite3.Connection
        A read-only connection (the caller closes it).

    Raises
    ------
    StoreError
        If the file is not an SQLite database, is another application's database, or has a
        newer schema than this program. Not a byte of it is written.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"Cannot read {path} ({exc}); {hint}") from exc
    if head != _SQLITE_MAGIC:
        raise StoreError(f"{path} is not an SQLite database, so not a store; {hint}")
    # Read-only URI: even SQLite's own recovery must not touch a file that is not ours.
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"Cannot open the store {path} ({exc}).") from exc
    try:
        try:
            app, version = _identify(conn, schema)
        except sqlite3.Error as exc:
            raise StoreError(
                f"{path} is an SQLite database but not a geo-dashboard store ({exc}); {hint}"
            ) from exc
        if app != schema.app:
            raise StoreError(f"{path} is an SQLite database of another application; {hint}")
        _refuse_newer(path, version, schema)
    except BaseException:
        conn.close()
        raise
    return conn


def open_write(path: Path, schema: Schema, *, hint: str) -> sqlite3.Connection:
    """Open a store file for writing: create it, adopt a legacy file or migrate as needed.

    Parameters are as for ``open_read``; the folder must exist.

    Returns
    -------
    sqlite3.Connection
        In autocommit mode (write through ``transaction``), WAL journal, foreign keys on,
        usable from any thread (the caller serialises calls).

    Raises
    ------
    StoreError
        If the file is not ours (it is then left untouched), is newer than this program,
        cannot be migrated, or SQLite refuses to open or initialise it.
    """
    if not is_new(path):
        open_read(path, schema, hint=hint).close()  # refuse a foreign file before any write
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise StoreError(f"Cannot open the store {path} ({exc}).") from exc
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        if not _has_table(conn, "meta"):
            _create_or_adopt(conn, path, schema)
        # After creation: the journal mode cannot change inside a transaction.
        conn.execute("PRAGMA journal_mode = WAL")
        app, version = _identify(conn, schema)
        if app != schema.app:  # another program created the file since open_read looked
            raise StoreError(f"{path} is not a geo-dashboard store; use another --store.")
        _migrate(conn, path, schema, version)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"Cannot initialise the store {path} ({exc}).") from exc
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(
    conn: sqlite3.Connection, path: Path, *, bump_revision: bool = True
) -> Iterator[sqlite3.Connection]:
    """One all-or-nothing write: ``BEGIN IMMEDIATE``, the body, the revision bump, ``COMMIT``.

    Any exception rolls everything back; SQLite errors come out as StoreError, ``NoChange``
    and the body's own errors as they are. Callers sharing ``conn`` between threads hold
    their lock around the whole block. ``bump_revision=False``: the body bumps it itself
    (once per ``savepoint`` that changed something).

    Raises
    ------
    StoreError
        If another writer holds the file past the busy timeout, or SQLite refuses the write;
        nothing was written.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StoreError(
            f"The store {path} is busy or read-only ({exc}); nothing was written. "
            "Close other programs writing to it and try again."
        ) from exc
    try:
        yield conn
        if bump_revision:
            bump(conn)
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _rollback(conn)
        raise StoreError(
            f"Writing to the store {path} failed ({exc}); nothing was written."
        ) from exc
    except BaseException:
        _rollback(conn)
        raise


@contextmanager
def savepoint(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """One all-or-nothing part of an open ``transaction`` (an article among several).

    Any exception undoes the body's writes only, and comes out as ``transaction`` says;
    what the transaction wrote before stays, to be committed with the rest.
    """
    conn.execute("SAVEPOINT geo_part")
    try:
        yield conn
        conn.execute("RELEASE geo_part")
    except sqlite3.Error as exc:
        _rollback_to(conn)
        raise StoreError(
            f"Writing to the store {path} failed ({exc}); nothing of that part was written."
        ) from exc
    except BaseException:
        _rollback_to(conn)
        raise


def bump(conn: sqlite3.Connection) -> None:
    """Count one more write in ``meta`` (inside a transaction)."""
    conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")


def revision(conn: sqlite3.Connection) -> int:
    """The file's write counter: it grows with every committed ``transaction``.

    Every connection and process sees the same number, so it serves as a cache key. A legacy
    file not yet adopted (no ``meta``) is at 0.

    Raises
    ------
    sqlite3.Error
        If the file cannot be read (callers turn it into a StoreError naming the file).
    """
    if not _has_table(conn, "meta"):
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
    return int(row[0]) if row else 0


# -- internals ------------------------------------------------------------------------------


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return conn.execute(sql, (name,)).fetchone() is not None


def _identify(conn: sqlite3.Connection, schema: Schema) -> tuple[str | None, int]:
    """``(app, schema_version)`` from ``meta``, or from ``schema.legacy`` for an older file.

    Raises sqlite3.Error when the file has no ``meta`` table and is not a legacy file.
    """
    try:
        rows = dict(
            conn.execute(
                "SELECT key, value FROM meta WHERE key IN ('app', 'schema_version')"
            ).fetchall()
        )
    except sqlite3.Error:
        version = _legacy_version(conn, schema)
        if version is None:
            raise
        return schema.app, version
    return rows.get("app"), int(rows.get("schema_version") or 0)


def _legacy_version(conn: sqlite3.Connection, schema: Schema) -> int | None:
    if schema.legacy is None:
        return None
    try:
        return schema.legacy(conn)
    except sqlite3.Error:
        return None


def _create_or_adopt(conn: sqlite3.Connection, path: Path, schema: Schema) -> None:
    """Give a new file its tables, or a legacy one its ``meta``, in one transaction."""
    try:
        with transaction(conn, path):
            # Another process may have done it since we looked.
            if _has_table(conn, "meta"):
                raise NoChange
            version = _legacy_version(conn, schema)
            if version is None:
                # Statement by statement: executescript() would commit on its own.
                for statement in filter(str.strip, schema.ddl.split(";")):
                    conn.execute(statement)
                version = schema.version
            conn.execute(_META_DDL)
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [("app", schema.app), ("schema_version", str(version)), ("revision", "0")],
            )
    except NoChange:
        pass


def _refuse_newer(path: Path, version: int, schema: Schema) -> None:
    if version > schema.version:
        raise StoreError(
            f"The store {path} has schema version {version}, newer than this program "
            f"understands ({schema.version}); upgrade the program or use another --store."
        )


def _migrate(conn: sqlite3.Connection, path: Path, schema: Schema, version: int) -> None:
    _refuse_newer(path, version, schema)
    while version < schema.version:
        step = schema.migrations.get(version)
        if step is None:
            raise StoreError(
                f"No migration from schema version {version} of the store {path}; "
                "start a new store with another --store."
            )
        with transaction(conn, path):
            step(conn)
            version += 1
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))


def _rollback(conn: sqlite3.Connection) -> None:
    # Some errors (disk full, I/O) make SQLite roll back by itself; a second ROLLBACK would fail.
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _rollback_to(conn: sqlite3.Connection) -> None:
    # An I/O error may have rolled the whole transaction back already; then COMMIT says so.
    if conn.in_transaction:
        conn.execute("ROLLBACK TO geo_part")
        conn.execute("RELEASE geo_part")
