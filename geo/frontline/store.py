"""The SQLite store of front-line snapshots, ``<store>/frontlines.sqlite``.

Each import is validated whole by ``geo.frontline.files``, then written in one
``geo.store.db`` transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from geo.config import store_dir, store_location
from geo.errors import StoreError
from geo.frontline.classes import ControlClass
from geo.frontline.files import ImportResult, Snapshot, read_snapshots
from geo.store import db

if TYPE_CHECKING:
    import os

__all__ = [
    "DB_FILENAME",
    "FRONTLINE_SCHEMA",
    "SCHEMA_VERSION",
    "FrontlineStore",
    "open_frontline_store",
]

DB_FILENAME = "frontlines.sqlite"
SCHEMA_VERSION = 1

_COLUMNS = (
    "snapshot_id, date, source, class, kind, geometry, area_km2, length_km, features, "
    "imported_at, file_hash, filename"
)
_DDL = """
CREATE TABLE frontline_snapshots (
    snapshot_id TEXT PRIMARY KEY, date TEXT NOT NULL, source TEXT NOT NULL,
    class TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('area', 'line')),
    geometry BLOB NOT NULL, area_km2 REAL, length_km REAL, features INTEGER NOT NULL,
    imported_at TEXT NOT NULL, file_hash TEXT NOT NULL, filename TEXT NOT NULL,
    UNIQUE (date, source, class, kind));
CREATE INDEX frontline_by_source_date ON frontline_snapshots (source, date)
"""
_HINT = "move the damaged file aside and re-import."


def _user_version_file(conn: sqlite3.Connection) -> int | None:
    """1 for a file written before the ``meta`` table, which marked it ``user_version = 1``."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'frontline_snapshots'"
    ).fetchone()
    return 1 if version == 1 and table else None


FRONTLINE_SCHEMA = db.Schema(
    app="geo-dashboard-frontlines", version=SCHEMA_VERSION, ddl=_DDL, legacy=_user_version_file
)


class FrontlineStore:
    """The snapshot table in ``<store>/frontlines.sqlite`` (geometry as WKB, EPSG:4326).

    Parameters
    ----------
    root
        Store folder; ``geo.config.store_dir(root)`` decides the default.
    """

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = store_dir(root).absolute()
        self.path = self.root / DB_FILENAME
        self.location = str(self.root)

    def __repr__(self) -> str:
        return f"FrontlineStore({str(self.root)!r})"

    def import_file(
        self,
        path: str | os.PathLike[str],
        *,
        date: dt.date | None = None,
        source: str | None = None,
        class_: ControlClass | str | None = None,
        label: str | None = None,
    ) -> ImportResult:
        """Validate a whole file, then store its snapshots in one transaction.

        Arguments as for :func:`read_snapshots`. Re-importing the same file with the same date
        and source changes nothing (``unchanged=True``). A different file for an existing
        (date, source, class, kind) replaces that snapshot.
        """
        result = read_snapshots(path, date=date, source=source, class_=class_, label=label)
        added, replaced = self.add(result.snapshots)
        return dataclasses.replace(result, unchanged=not added, replaced=replaced)

    def import_bytes(
        self,
        data: bytes,
        *,
        suffix: str,
        label: str,
        date: dt.date | None = None,
        source: str | None = None,
    ) -> ImportResult:
        """Import file contents held in memory (what the fetchers download)."""
        with tempfile.TemporaryDirectory() as tmp:
            name = re.sub(r"[^\w.\-]+", "_", label)[-80:] or "download"
            if suffix and name.lower().endswith(suffix.lower()):
                name = name[: -len(suffix)] or "download"  # "points.geojson", not twice
            file = Path(tmp) / f"{name}{suffix}"
            file.write_bytes(data)
            return self.import_file(file, date=date, source=source, label=label)

    def add(self, snapshots: tuple[Snapshot, ...] | list[Snapshot]) -> tuple[int, int]:
        """Write snapshots in one transaction; return (added, replaced). All or nothing."""
        ids = [s.snapshot_id for s in snapshots]
        if not ids:
            return 0, 0
        marks = ",".join("?" * len(ids))
        sql = f"SELECT count(*) FROM frontline_snapshots WHERE snapshot_id IN ({marks})"
        rows = self._query(sql, tuple(ids))
        if rows and rows[0][0] == len(set(ids)):
            return 0, 0  # all there already: the file is not even opened for writing
        created = db.is_new(self.path)
        self.root.mkdir(parents=True, exist_ok=True)
        replaced = 0
        try:
            con = db.open_write(self.path, FRONTLINE_SCHEMA, hint=_HINT)
            try:
                with db.transaction(con, self.path):
                    replaced = _insert(con, snapshots)
            finally:
                con.close()
        except BaseException:
            if created:  # a store that did not exist before this import does not exist after
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            raise
        return len(snapshots), replaced

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        if db.is_new(self.path):
            return []
        con = db.open_read(self.path, FRONTLINE_SCHEMA, hint=_HINT)
        try:
            return con.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"Reading the store {self.path} failed ({exc}).") from exc
        finally:
            con.close()

    def snapshots(
        self,
        *,
        source: str | None = None,
        date: dt.date | None = None,
        geometry: bool = True,
    ) -> list[Snapshot]:
        """Stored snapshots, optionally of one source and/or one date, oldest first.

        With ``geometry=False`` the geometry is an empty placeholder (fast listings).
        """
        import shapely

        where, params = [], []
        if source is not None:
            where.append("source = ?")
            params.append(source)
        if date is not None:
            where.append("date = ?")
            params.append(date.isoformat())
        cols = _COLUMNS if geometry else _COLUMNS.replace("geometry", "kind AS g")
        sql = f"SELECT {cols} FROM frontline_snapshots"
        sql += f" WHERE {' AND '.join(where)}" if where else ""
        out = []
        for row in self._query(sql + " ORDER BY date, source, class, kind", tuple(params)):
            sid, day, src, klass, kind, blob, area, length, feats, at, fhash, fname = row
            if geometry:
                geom = shapely.from_wkb(blob)
            else:
                geom = shapely.MultiLineString() if kind == "line" else shapely.MultiPolygon()
            out.append(
                Snapshot(
                    sid,
                    dt.date.fromisoformat(day),
                    src,
                    ControlClass(klass),
                    geom,
                    dt.datetime.fromisoformat(at),
                    fhash,
                    fname,
                    feats,
                    area,
                    length,
                )
            )
        return out

    def latest_dates(
        self, on_or_before: dt.date, *, source: str | None = None
    ) -> dict[str, dt.date]:
        """Per source, the newest snapshot date at or before ``on_or_before``."""
        sql = "SELECT source, max(date) FROM frontline_snapshots WHERE date <= ?"
        params: tuple = (on_or_before.isoformat(),)
        if source is not None:
            sql += " AND source = ?"
            params += (source,)
        rows = self._query(sql + " GROUP BY source", params)
        return {src: dt.date.fromisoformat(day) for src, day in rows if day}

    def sources(self) -> list[str]:
        """Names of the sources that have snapshots."""
        return [r[0] for r in self._query("SELECT DISTINCT source FROM frontline_snapshots")]

    def revision(self) -> int:
        """A counter that grows with every committed import (0 before the first); a cache key."""
        if db.is_new(self.path):
            return 0
        con = db.open_read(self.path, FRONTLINE_SCHEMA, hint=_HINT)
        try:
            return db.revision(con)
        except sqlite3.Error as exc:
            raise StoreError(f"Reading the store {self.path} failed ({exc}).") from exc
        finally:
            con.close()


def open_frontline_store(location: str | os.PathLike[str] | None = None) -> FrontlineStore:
    """The snapshot store beside the article store at ``location`` (a folder or a URL).

    A folder keeps ``frontlines.sqlite``; a ``postgresql://`` URL keeps the snapshots on that
    server (``geo.frontline.postgis``). Default: ``--store``/``$GEO_STORE``, as for articles.
    """
    where = store_location(location)
    if isinstance(where, str):
        from geo.frontline.postgis import PostgisFrontlineStore

        return PostgisFrontlineStore(where)
    return FrontlineStore(where)


def _insert(con: sqlite3.Connection, snapshots: Iterable[Snapshot]) -> int:
    """Insert snapshots, each replacing the one of its (date, source, class, kind)."""
    import shapely

    replaced = 0
    for s in snapshots:
        key = (s.date.isoformat(), s.source, str(s.class_), s.kind)
        replaced += con.execute(
            "DELETE FROM frontline_snapshots "
            "WHERE date = ? AND source = ? AND class = ? AND kind = ?",
            key,
        ).rowcount
        con.execute(
            f"INSERT INTO frontline_snapshots ({_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                s.snapshot_id,
                *key[:3],
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
    return replaced
