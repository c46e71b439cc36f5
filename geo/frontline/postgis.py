"""Front-line snapshots on the team's PostgreSQL/PostGIS server, beside the article store.

The same store as ``geo.frontline.store.FrontlineStore`` (imports validated whole, one
transaction each); areas are ``MULTIPOLYGON`` and lines ``MULTILINESTRING`` (SRID 4326, GiST).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from geo.config import redact_url
from geo.errors import StoreError
from geo.frontline.classes import ControlClass
from geo.frontline.files import Snapshot
from geo.frontline.store import SCHEMA_VERSION, FrontlineStore
from geo.store import pg

if TYPE_CHECKING:
    import psycopg

__all__ = ["FRONTLINE_PG_SCHEMA", "PostgisFrontlineStore"]

_HINT = "point --store at another database or add ?schema=NAME to the URL."
_DDL = """
CREATE TABLE frontline_snapshots (
    snapshot_id TEXT PRIMARY KEY,
    date DATE NOT NULL,
    source TEXT NOT NULL,
    class TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('area', 'line')),
    geom geometry(Geometry, 4326) NOT NULL CHECK (
        GeometryType(geom) = CASE kind WHEN 'area' THEN 'MULTIPOLYGON' ELSE 'MULTILINESTRING' END
    ),
    area_km2 DOUBLE PRECISION,
    length_km DOUBLE PRECISION,
    features INTEGER NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL,
    file_hash TEXT NOT NULL,
    filename TEXT NOT NULL,
    UNIQUE (date, source, class, kind)
);
CREATE INDEX frontline_by_source_date ON frontline_snapshots (source, date);
CREATE INDEX frontline_geom ON frontline_snapshots USING GIST (geom)
"""
FRONTLINE_PG_SCHEMA = pg.PgSchema(app="geo-dashboard-frontlines", version=SCHEMA_VERSION, ddl=_DDL)

_COLUMNS = (
    "snapshot_id, date, source, class, kind, ST_AsBinary(geom), area_km2, length_km, features, "
    "imported_at, file_hash, filename"
)


class PostgisFrontlineStore(FrontlineStore):
    """Snapshots in schema ``<schema>_frontlines`` of the article store's database.

    Parameters
    ----------
    url : str
        The article store's URL (``geo.store.postgis.PostgisStore``); its ``?schema=``
        (default ``geo``) is followed by ``_frontlines``, as ``frontlines.sqlite`` sits
        beside ``geo.sqlite`` in a folder.

    Notes
    -----
    Each call opens and closes its own connection, as the SQLite store opens its file; reads
    never create the schema, so looking at an empty store changes nothing.
    """

    def __init__(self, url: str) -> None:  # no super().__init__: there is no folder
        self.url = url
        self.location = redact_url(url)
        self.schema = pg.split_url(url)[1] + "_frontlines"
        self.root = self.path = self.location  # what messages and cache keys name

    def __repr__(self) -> str:
        return f"PostgisFrontlineStore({self.location!r})"

    @contextmanager
    def _connect(self, *, create: bool) -> Iterator[psycopg.Connection | None]:
        conn = pg.connect(self.url, self.schema, FRONTLINE_PG_SCHEMA, hint=_HINT, create=create)
        try:
            yield conn
        finally:
            if conn is not None:
                conn.close()

    def add(self, snapshots: tuple[Snapshot, ...] | list[Snapshot]) -> tuple[int, int]:
        """Write snapshots in one transaction; return (added, replaced). All or nothing."""
        ids = [s.snapshot_id for s in snapshots]
        if not ids:
            return 0, 0
        rows = self._query(
            "SELECT count(*) FROM frontline_snapshots WHERE snapshot_id = ANY(%s)", (ids,)
        )
        if rows and rows[0][0] == len(set(ids)):
            return 0, 0
        with self._connect(create=True) as conn:
            assert conn is not None  # create=True connects or raises
            with pg.transaction(conn, self.location):
                replaced = _insert(conn, snapshots)
        return len(snapshots), replaced

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        import psycopg

        with self._connect(create=False) as conn:
            if conn is None:
                return []
            try:
                return conn.execute(sql, params).fetchall()  # type: ignore[arg-type]
            except psycopg.Error as exc:
                raise StoreError(
                    f"Reading the store {self.location} failed ({str(exc).strip()})."
                ) from exc

    def snapshots(
        self,
        *,
        source: str | None = None,
        date: dt.date | None = None,
        geometry: bool = True,
    ) -> list[Snapshot]:
        """Stored snapshots, optionally of one source and/or one date, oldest first."""
        import shapely

        where, params = [], []
        if source is not None:
            where.append("source = %s")
            params.append(source)
        if date is not None:
            where.append("date = %s")
            params.append(date)
        cols = _COLUMNS if geometry else _COLUMNS.replace("ST_AsBinary(geom)", "NULL")
        sql = f"SELECT {cols} FROM frontline_snapshots"
        sql += f" WHERE {' AND '.join(where)}" if where else ""
        sql += ' ORDER BY date, source COLLATE "C", class COLLATE "C", kind COLLATE "C"'
        out = []
        for row in self._query(sql, tuple(params)):
            sid, day, src, klass, kind, wkb, area, length, feats, at, fhash, fname = row
            if geometry:
                geom = shapely.from_wkb(bytes(wkb))
            else:
                geom = shapely.MultiLineString() if kind == "line" else shapely.MultiPolygon()
            klass = ControlClass(klass)
            out.append(Snapshot(sid, day, src, klass, geom, at, fhash, fname, feats, area, length))
        return out

    def latest_dates(
        self, on_or_before: dt.date, *, source: str | None = None
    ) -> dict[str, dt.date]:
        """Per source, the newest snapshot date at or before ``on_or_before``."""
        sql = "SELECT source, max(date) FROM frontline_snapshots WHERE date <= %s"
        params: tuple = (on_or_before,)
        if source is not None:
            sql += " AND source = %s"
            params += (source,)
        return {src: day for src, day in self._query(sql + " GROUP BY source", params) if day}

    def sources(self) -> list[str]:
        """Names of the sources that have snapshots."""
        sql = "SELECT DISTINCT source FROM frontline_snapshots"
        return [r[0] for r in self._query(sql)]

    def revision(self) -> int:
        """A counter that grows with every committed import (0 before the first); a cache key."""
        rows = self._query("SELECT value FROM meta WHERE key = 'revision'")
        return int(rows[0][0]) if rows else 0


def _insert(conn: psycopg.Connection, snapshots: list[Snapshot] | tuple[Snapshot, ...]) -> int:
    """Insert snapshots, each replacing the one of its (date, source, class, kind)."""
    import shapely

    replaced = 0
    for s in snapshots:
        key = (s.date, s.source, str(s.class_), s.kind)
        replaced += conn.execute(
            "DELETE FROM frontline_snapshots "
            "WHERE date = %s AND source = %s AND class = %s AND kind = %s",
            key,
        ).rowcount
        conn.execute(
            "INSERT INTO frontline_snapshots (snapshot_id, date, source, class, kind, geom, "
            "area_km2, length_km, features, imported_at, file_hash, filename) "
            "VALUES (%s, %s, %s, %s, %s, ST_GeomFromWKB(%s, 4326), %s, %s, %s, %s, %s, %s)",
            (
                s.snapshot_id,
                *key,
                shapely.to_wkb(s.geometry),
                s.area_km2,
                s.length_km,
                s.features,
                s.imported_at,
                s.file_hash,
                s.filename,
            ),
        )
    return replaced
