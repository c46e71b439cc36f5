"""The one PostgreSQL regime both PostGIS stores follow: connect, refuse foreign schemas, migrate.

The PostgreSQL twin of ``geo.store.db``: each store is a schema with a ``meta`` table (``app``,
``schema_version``, ``revision``); every write is one transaction that bumps ``revision``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from geo.config import redact_url
from geo.errors import StoreError

if TYPE_CHECKING:
    import psycopg

__all__ = ["DEFAULT_SCHEMA", "PgSchema", "connect", "revision", "split_url", "transaction"]

DEFAULT_SCHEMA = "geo"
LOCK_TIMEOUT_S = 30
_INSTALL = "pip install 'psycopg[binary]' (it is in requirements.txt)"

Migration = Callable[["psycopg.Connection"], None]


@dataclasses.dataclass(frozen=True, slots=True)
class PgSchema:
    """What one kind of store schema holds: its ``app`` marker, version, tables, migrations.

    ``ddl`` statements run with the store's schema first on the search path, so they name
    tables unqualified; ``migrations[n](conn)`` takes version n to n + 1 inside the
    transaction that records it.
    """

    app: str
    version: int
    ddl: str
    migrations: Mapping[int, Migration] = dataclasses.field(default_factory=dict)


def split_url(url: str) -> tuple[str, str]:
    """``(conninfo, schema)``: the URL without our ``schema=`` parameter, and that schema.

    libpq refuses parameters it does not know, so ``schema`` is taken out before connecting.
    """
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), "") or DEFAULT_SCHEMA
    rest = urlencode([(k, v) for k, v in query if k != "schema"], safe="/")
    return urlunsplit(parts._replace(query=rest)), schema


def connect(
    url: str, schema: str, spec: PgSchema, *, hint: str, create: bool = True
) -> psycopg.Connection | None:
    """Connect, make sure ``schema`` is a store of ``spec.app`` (creating it if absent), migrate.

    Returns
    -------
    psycopg.Connection or None
        In autocommit mode (write through ``transaction``), ``schema`` first on the search
        path, time zone UTC. The caller closes it and serialises calls between threads.
        With ``create=False`` (a reader that must not change anything): None when there is
        no store in ``schema`` yet, and an older version is read as it is.

    Raises
    ------
    StoreError
        If the server cannot be reached, PostGIS is missing and cannot be created, the schema
        holds another application's tables (they are left untouched) or a newer version.
    """
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError(f"A PostgreSQL store needs psycopg: {_INSTALL}.") from exc
    conninfo, _ = split_url(url)
    shown = redact_url(url)
    try:
        conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=15)
    except psycopg.Error as exc:
        raise StoreError(
            f"Cannot connect to the store {shown} ({str(exc).strip()}); check the URL and that "
            "the server is running."
        ) from exc
    try:
        conn.execute(
            "SELECT set_config('search_path', quote_ident(%s) || ', ' || "
            "current_setting('search_path'), false)",
            (schema,),
        )
        conn.execute("SET TIME ZONE 'UTC'")
        conn.execute(f"SET lock_timeout = '{LOCK_TIMEOUT_S}s'")
        if create:
            _ensure_postgis(conn, shown)
        elif _meta(conn, schema) is None:
            _refuse_foreign_tables(conn, schema, shown, hint)
            conn.close()
            return None
        _open_schema(conn, schema, spec, shown, hint, migrate=create)
    except psycopg.Error as exc:
        conn.close()
        raise StoreError(f"Cannot initialise the store {shown} ({str(exc).strip()}).") from exc
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: psycopg.Connection, shown: str) -> Iterator[psycopg.Connection]:
    """One all-or-nothing write that bumps ``revision``; the twin of ``db.transaction``.

    The bump comes first: its row lock makes concurrent writers wait for each other (up to
    ``LOCK_TIMEOUT_S``), as ``BEGIN IMMEDIATE`` does in SQLite. Any exception rolls it all
    back; database errors come out as StoreError, ``NoChange`` and the body's own as they are.
    """
    import psycopg

    try:
        with conn.transaction():
            conn.execute("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'revision'")
            yield conn
    except psycopg.errors.LockNotAvailable as exc:
        raise StoreError(
            f"The store {shown} is busy ({str(exc).strip()}); nothing was written. "
            "Try again when the other writer has finished."
        ) from exc
    except psycopg.Error as exc:
        raise StoreError(
            f"Writing to the store {shown} failed ({str(exc).strip()}); nothing was written."
        ) from exc


def revision(conn: psycopg.Connection) -> int:
    """The schema's write counter (raises psycopg.Error for the caller to wrap)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
    return int(row[0]) if row else 0


# -- internals ------------------------------------------------------------------------------


def _ensure_postgis(conn: psycopg.Connection, shown: str) -> None:
    import psycopg

    if conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone():
        return
    try:
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    except psycopg.Error as exc:
        raise StoreError(
            f"The database of {shown} has no PostGIS and we may not add it "
            f"({str(exc).strip()}); ask its owner to run CREATE EXTENSION postgis in it."
        ) from exc


def _meta(conn: psycopg.Connection, schema: str) -> dict[str, str] | None:
    """The schema's ``meta`` rows, or None when it has no ``meta`` table."""
    found = conn.execute(
        "SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = 'meta'", (schema,)
    ).fetchone()
    if not found:
        return None
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def _open_schema(
    conn: psycopg.Connection, schema: str, spec: PgSchema, shown: str, hint: str, *, migrate: bool
) -> None:
    meta = _meta(conn, schema)
    if meta is None:
        _create(conn, schema, spec, shown, hint)
        meta = _meta(conn, schema) or {}
    app = meta.get("app")
    if app != spec.app:
        raise StoreError(
            f"Schema {schema!r} of {shown} belongs to another application ({app!r}); {hint}"
        )
    version = int(meta.get("schema_version") or 0)
    if version > spec.version:
        raise StoreError(
            f"The store {shown} (schema {schema!r}) has schema version {version}, newer than "
            f"this program understands ({spec.version}); upgrade the program or use another "
            "--store."
        )
    while migrate and version < spec.version:
        step = spec.migrations.get(version)
        if step is None:
            raise StoreError(
                f"No migration from schema version {version} of the store {shown}; start a "
                "new store (another ?schema=) ."
            )
        with transaction(conn, shown):
            step(conn)
            version += 1
            conn.execute("UPDATE meta SET value = %s WHERE key = 'schema_version'", (str(version),))


def _refuse_foreign_tables(conn: psycopg.Connection, schema: str, shown: str, hint: str) -> None:
    tables = conn.execute(
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind IN ('r', 'v', 'm', 'p', 'f')",
        (schema,),
    ).fetchone()[0]
    if tables:
        raise StoreError(
            f"Schema {schema!r} of {shown} holds tables but is not a geo-dashboard store; {hint}"
        )


def _create(conn: psycopg.Connection, schema: str, spec: PgSchema, shown: str, hint: str) -> None:
    """Create the schema's tables and ``meta`` in one transaction, unless another did first."""
    from psycopg import sql

    with conn.transaction():
        # Two processes opening a new store at once: the second waits here, then sees meta.
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"geo-dashboard:{schema}",))
        if _meta(conn, schema) is not None:
            return
        _refuse_foreign_tables(conn, schema, shown, hint)
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
        for statement in filter(str.strip, spec.ddl.split(";")):
            conn.execute(statement)  # type: ignore[arg-type]  # our own constant DDL
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.cursor().executemany(
            "INSERT INTO meta (key, value) VALUES (%s, %s)",
            [("app", spec.app), ("schema_version", str(spec.version)), ("revision", "1")],
        )
