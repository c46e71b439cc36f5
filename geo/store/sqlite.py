"""The analyst's persistent store: articles, resolved mentions, events and corrections.

One SQLite file, opened and written the ``geo.store.db`` way: WAL, all-or-nothing writes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from geo.config import store_dir
from geo.errors import InputError, StoreError
from geo.records import Article, Correction, Event, EventType, Toponym
from geo.store import db
from geo.store.codec import (
    ARTICLE_COLS,
    CORRECTION_COLS,
    EVENT_COLS,
    MENTION_COLS,
    EncodedArticle,
    analysis_rows,
    article_from_row,
    correction_from_row,
    correction_row,
    encode_article,
    event_from_row,
    toponym_from_row,
)
from geo.store.frames import check_range, events_frame_from_rows, mentions_frame_from_rows
from geo.store.schema import STORE_SCHEMA

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DB_NAME", "Store"]

DB_NAME = "geo.sqlite"
# geo.store.frames column order. Day numbers: julianday counts from 4713 BC at noon.
_DAY = "CAST(julianday({}) - 2440587.5 AS INTEGER)"
_FRAME_COLS = (
    "e.event_id, e.article_id, e.event_type, e.lat, e.lon, e.admin1_code, e.country_code, "
    f"{_DAY.format('e.date_start')}, {_DAY.format('e.date_end')}, e.people, e.children"
)
_DETAIL_COLS = (
    "e.place_id, json_extract(e.place, '$.name'), json_extract(e.place, '$.admin1_name'), "
    "e.date_precision, e.geo_precision, e.quote, a.title, a.url, e.confidence, "
    "e.status, e.claimed_by, e.killed, e.injured, e.figures_text, e.acled_event_type, "
    "e.acled_sub_event_type, a.fmt"
)
_MENTION_FRAME_COLS = (
    f"m.place_id, m.article_id, m.role, m.surface, m.confidence, {_DAY.format('a.published')}, "
    + ", ".join(
        f"json_extract(m.place, '$.{k}')"
        for k in (
            "name", "lat", "lon", "kind", "country_code", "admin1_code", "admin1_name",
            "geonameid", "population",
        )
    )
)  # fmt: skip
_MENTIONS_FRAME_SQL = (
    f"SELECT {_MENTION_FRAME_COLS} FROM mentions m JOIN articles a USING (article_id) "
    "WHERE m.place_id IS NOT NULL ORDER BY m.article_id, m.seq"
)
FRAME_CHUNK_ROWS = 100_000  # rows per frame of the *_chunks reads: ~100 MB of rows at most


def _events_frame_sql(
    start: dt.date | None, end: dt.date | None, *, details: bool
) -> tuple[str, tuple]:
    check_range(start, end)
    where, params = [], []
    if end is not None:
        where.append("e.date_start <= ?")
        params.append(end.isoformat())
    if start is not None:
        where.append("e.date_end >= ?")
        params.append(start.isoformat())
    sql = f"SELECT {_FRAME_COLS}"
    if details:
        sql += f", {_DETAIL_COLS} FROM events e LEFT JOIN articles a USING (article_id)"
    else:
        sql += " FROM events e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.date_start, e.article_id, e.seq"
    return sql, tuple(params)


def encode_rows(
    article: Article, toponyms: Iterable[Toponym], events: Iterable[Event]
) -> EncodedArticle:
    """An article and its analysis as this backend's rows (``Store.encode``).

    Raises
    ------
    InputError
        If an event belongs to another article.
    """
    return encode_article(article, toponyms, events)


_HINT = "point --store (or GEO_STORE) at another folder, or move the file away."


class Store:
    """A folder holding ``geo.sqlite``: the analyst's articles, mentions, events, corrections.

    Parameters
    ----------
    root : str or Path, optional
        The store folder, created if missing. Default ``geo.config.store_dir()``
        (``--store``, then ``$GEO_STORE``, then the user data folder).

    Raises
    ------
    StoreError
        If ``geo.sqlite`` exists but is not a store of this application (it is then left
        untouched), was written by a newer version, or the folder cannot be created.

    Notes
    -----
    Writes take ``BEGIN IMMEDIATE`` and commit once, so a crash leaves either all or none of
    an article. WAL mode lets other connections (other processes, other Store objects) read
    while one writes. One Store object may be shared between threads; calls are serialised.
    """

    def __init__(self, root: str | Path | None = None) -> None:
        self.root = store_dir(root)
        self.path = self.root / DB_NAME
        self.location = str(self.root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"Cannot create the store folder {self.root} ({exc}); "
                "choose another folder with --store or GEO_STORE."
            ) from exc
        self._lock = threading.RLock()
        # STORE_SCHEMA is read at each open, so a test can patch in a newer schema here.
        self._conn = db.open_write(self.path, STORE_SCHEMA, hint=_HINT)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One ``db.transaction`` on the shared connection, other threads kept out."""
        with self._lock, db.transaction(self._conn, self.path) as conn:
            yield conn

    # -- writing --------------------------------------------------------------------------

    def add(self, article: Article, toponyms: Iterable[Toponym], events: Iterable[Event]) -> bool:
        """Store an article with its mentions and events in one transaction.

        Parameters
        ----------
        article : Article
            The document; its ``article_id`` is the key.
        toponyms, events : iterable
            Its resolved mentions and extracted events (iterated inside the transaction).

        Returns
        -------
        bool
            False, with nothing changed, if the article is already stored.

        Raises
        ------
        InputError
            If an event belongs to another article (nothing is written).
        StoreError
            If the database refuses the write (nothing is written).
        """
        try:
            with self._write() as conn:
                self._insert_article(conn, article, toponyms, events)
        except db.NoChange:
            return False
        return True

    def add_batch(
        self, items: Iterable[tuple[Article, Iterable[Toponym], Iterable[Event]]]
    ) -> list[bool]:
        """Store several articles in one commit, each all or nothing: what ``add`` does, faster.

        Parameters
        ----------
        items : iterable of (article, toponyms, events)
            As for ``add``, one tuple per article.

        Returns
        -------
        list of bool
            Per article, as ``add`` returns.

        Raises
        ------
        InputError, StoreError
            As ``add``: that article is not written, those before it are committed, those
            after it are not tried.

        Notes
        -----
        Each article is a savepoint of one transaction, so a crash leaves either all or
        none of each article (and none of the uncommitted batch); the revision grows by one
        per article added, as with ``add``. An ingest commits once per batch instead of once
        per article, which on SQLite is one WAL sync per batch.
        """
        return self.add_encoded_batch(encode_rows(*item) for item in items)

    # The rows a worker makes for this backend (a module-level function: it pickles by name).
    encode = staticmethod(encode_rows)

    def add_encoded_batch(self, items: Iterable[EncodedArticle]) -> list[bool]:
        """``add_batch`` of rows made by ``encode`` (in an ingest worker): the writer inserts.

        Same guarantees and errors as ``add_batch``; an ``InputError`` raised while ``items``
        makes an article's rows stops the batch there, as a refused article does.
        """
        out: list[bool] = []
        error: Exception | None = None
        rows = iter(items)
        with self._lock, db.transaction(self._conn, self.path, bump_revision=False) as conn:
            while True:
                try:
                    item = next(rows, None)
                    if item is None:
                        break
                    with db.savepoint(conn, self.path):
                        self._insert_rows(conn, item, ingested_at=dt.datetime.now(dt.UTC))
                        db.bump(conn)
                except db.NoChange:
                    out.append(False)
                    continue
                except (InputError, StoreError) as exc:
                    error = exc
                    break
                out.append(True)
        if error is not None:
            raise error
        return out

    @staticmethod
    def _insert_rows(
        conn: sqlite3.Connection, item: EncodedArticle, *, ingested_at: dt.datetime
    ) -> None:
        exists = conn.execute(
            "SELECT 1 FROM articles WHERE article_id = ?", (item.article_id,)
        ).fetchone()
        if exists:
            raise db.NoChange
        conn.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*item.article, ingested_at.isoformat(timespec="seconds")),
        )
        Store._insert_analysis_rows(conn, item.mentions, item.events)

    def _insert_article(
        self,
        conn: sqlite3.Connection,
        article: Article,
        toponyms: Iterable[Toponym],
        events: Iterable[Event],
    ) -> None:
        exists = conn.execute(
            "SELECT 1 FROM articles WHERE article_id = ?", (article.article_id,)
        ).fetchone()
        if exists:
            raise db.NoChange
        item = encode_rows(article, toponyms, events)
        self._insert_rows(conn, item, ingested_at=dt.datetime.now(dt.UTC))

    def replace_analysis(
        self, article_id: str, toponyms: Iterable[Toponym], events: Iterable[Event]
    ) -> None:
        """Atomically replace an article's mentions and events (e.g. after a correction).

        Raises
        ------
        InputError
            If no article ``article_id`` is stored, or an event belongs to another article.
        """
        with self._write() as conn:
            exists = conn.execute(
                "SELECT 1 FROM articles WHERE article_id = ?", (article_id,)
            ).fetchone()
            if not exists:
                raise InputError(
                    f"No article {article_id!r} in the store; ingest it before replacing its "
                    "analysis."
                )
            conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
            conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
            self._insert_analysis(conn, article_id, toponyms, events)

    @staticmethod
    def _insert_analysis(
        conn: sqlite3.Connection,
        article_id: str,
        toponyms: Iterable[Toponym],
        events: Iterable[Event],
    ) -> None:
        Store._insert_analysis_rows(conn, *analysis_rows(article_id, toponyms, events))

    @staticmethod
    def _insert_analysis_rows(
        conn: sqlite3.Connection, mentions: Iterable[tuple], events: Iterable[tuple]
    ) -> None:
        conn.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", mentions)
        conn.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 29)})", events)

    def add_correction(self, correction: Correction) -> None:
        """Store an analyst's correction; the pipeline applies it (``corrections()``).

        Raises
        ------
        InputError
            If only one of ``article_id``/``start`` is set, or the article is not stored.
        """
        c = correction
        if (c.article_id is None) != (c.start is None):
            raise InputError(
                "A correction needs both article_id and start (one mention) or neither "
                f"(the surface {c.surface!r} everywhere); got article_id={c.article_id!r}, "
                f"start={c.start!r}."
            )
        if not c.surface.strip():
            raise InputError("A correction needs the surface form it corrects; it was empty.")
        with self._write() as conn:
            if (
                c.article_id is not None
                and not conn.execute(
                    "SELECT 1 FROM articles WHERE article_id = ?", (c.article_id,)
                ).fetchone()
            ):
                raise InputError(
                    f"No article {c.article_id!r} in the store; a mention correction must "
                    "name a stored article."
                )
            conn.execute(
                f"INSERT INTO corrections ({CORRECTION_COLS}, surface_norm) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                correction_row(c),
            )

    def delete_article(self, article_id: str) -> bool:
        """Delete an article with its mentions, events and mention corrections.

        Returns
        -------
        bool
            False if no such article was stored (nothing changed).
        """
        try:
            with self._write() as conn:
                cur = conn.execute("DELETE FROM articles WHERE article_id = ?", (article_id,))
                if cur.rowcount == 0:
                    raise db.NoChange
        except db.NoChange:
            return False
        return True

    # -- reading --------------------------------------------------------------------------

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"Reading the store {self.path} failed ({exc}).") from exc

    def articles(self, *, with_text: bool = True) -> list[Article]:
        """All articles, by publication date (undated last), then title.

        ``with_text=False`` leaves ``text`` empty: listings and layers need only the
        metadata, and reading every article's text would dominate their cost.
        """
        cols = ARTICLE_COLS if with_text else ARTICLE_COLS.replace("text", "'' AS text")
        rows = self._read(
            f"SELECT {cols} FROM articles ORDER BY published IS NULL, published, title, article_id"
        )
        return [article_from_row(r) for r in rows]

    def article_count(self) -> int:
        """How many articles the store holds (cheap: no text is read)."""
        return int(self._read("SELECT count(*) FROM articles")[0][0])

    def article(self, article_id: str) -> Article | None:
        """One article, or None."""
        rows = self._read(
            f"SELECT {ARTICLE_COLS} FROM articles WHERE article_id = ?", (article_id,)
        )
        return article_from_row(rows[0]) if rows else None

    def toponyms(self, article_id: str) -> list[Toponym]:
        """An article's mentions in the order they were stored (empty if unknown)."""
        rows = self._read(
            f"SELECT {MENTION_COLS} FROM mentions WHERE article_id = ? ORDER BY seq",
            (article_id,),
        )
        return [toponym_from_row(r[1:]) for r in rows]

    def mentions(self) -> list[tuple[str, Toponym]]:
        """Every stored mention as ``(article_id, Toponym)``, grouped by article."""
        rows = self._read(f"SELECT {MENTION_COLS} FROM mentions ORDER BY article_id, seq")
        return [(r[0], toponym_from_row(r[1:])) for r in rows]

    def events(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        types: Iterable[EventType | str] | None = None,
    ) -> list[Event]:
        """Events overlapping ``[start, end]`` (either bound optional), optionally by type.

        An event is kept when ``date_start <= end`` and ``date_end >= start``: an event dated
        "August 2024" is in a range covering any day of August.

        Raises
        ------
        InputError
            If ``start`` is after ``end`` or a type is not an ``EventType``.
        """
        if start is not None and end is not None and start > end:
            raise InputError(f"Start date {start} is after end date {end}; swap them.")
        where, params = [], []
        if end is not None:
            where.append("date_start <= ?")
            params.append(end.isoformat())
        if start is not None:
            where.append("date_end >= ?")
            params.append(start.isoformat())
        if types is not None:
            try:
                values = sorted({EventType(t).value for t in types})
            except ValueError as exc:
                valid = ", ".join(t.value for t in EventType)
                raise InputError(f"{exc}; event types are: {valid}.") from exc
            where.append(f"event_type IN ({', '.join('?' * len(values))})")
            params.extend(values)
        sql = f"SELECT {EVENT_COLS} FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date_start, article_id, seq"
        return [event_from_row(r) for r in self._read(sql, tuple(params))]

    def events_frame(
        self, *, start: dt.date | None = None, end: dt.date | None = None, details: bool = False
    ) -> pd.DataFrame:
        """Events overlapping ``[start, end]`` as columns, in ``events()`` order.

        The date filter runs in SQL (indexed); columns and dtypes are
        ``geo.store.frames.EVENT_FRAME_COLUMNS`` (plus ``EVENT_DETAIL_COLUMNS`` with
        ``details``): day numbers for dates, no record object per row.
        """
        sql, params = _events_frame_sql(start, end, details=details)
        return events_frame_from_rows(self._read(sql, params), details=details)

    def events_frame_chunks(
        self, *, details: bool = False, rows: int = FRAME_CHUNK_ROWS
    ) -> Iterator[pd.DataFrame]:
        """Every event as ``events_frame`` has it, in frames of ``rows`` rows (the last fewer).

        One query read as it goes on its own read-only connection (one snapshot, the shared
        connection left free), so a million events never sit in memory as rows at once.
        """
        sql, params = _events_frame_sql(None, None, details=details)
        for part in self._read_chunks(sql, params, rows=rows):
            yield events_frame_from_rows(part, details=details)

    def mentions_frame(self) -> pd.DataFrame:
        """Every resolved mention as columns (``geo.store.frames.MENTION_FRAME_COLUMNS``)."""
        return mentions_frame_from_rows(self._read(_MENTIONS_FRAME_SQL))

    def mentions_frame_chunks(self, *, rows: int = FRAME_CHUNK_ROWS) -> Iterator[pd.DataFrame]:
        """``mentions_frame`` in frames of ``rows`` rows, read as in ``events_frame_chunks``."""
        for part in self._read_chunks(_MENTIONS_FRAME_SQL, (), rows=rows):
            yield mentions_frame_from_rows(part)

    def _read_chunks(self, sql: str, params: tuple, *, rows: int) -> Iterator[list[tuple]]:
        if rows < 1:
            raise InputError(f"rows={rows} must be at least 1.")
        conn = db.open_read(self.path, STORE_SCHEMA, hint=_HINT)
        try:
            cur = conn.execute(sql, params)
            while part := cur.fetchmany(rows):
                yield part
        except sqlite3.Error as exc:
            raise StoreError(f"Reading the store {self.path} failed ({exc}).") from exc
        finally:
            conn.close()

    def corrections(self, *, article_id: str | None = None) -> list[Correction]:
        """Surface-wide corrections, plus the mention corrections of ``article_id`` if given.

        Oldest first, so a pipeline applying them in order lets the latest one win.
        """
        sql = f"SELECT {CORRECTION_COLS} FROM corrections WHERE article_id IS NULL"
        params: tuple = ()
        if article_id is not None:
            sql += " OR article_id = ?"
            params = (article_id,)
        return [correction_from_row(r) for r in self._read(sql + " ORDER BY id", params)]

    def span(self) -> tuple[dt.date, dt.date] | None:
        """``(earliest date_start, latest date_end)`` over all events, or None if none."""
        lo, hi = self._read("SELECT MIN(date_start), MAX(date_end) FROM events")[0]
        return (dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)) if lo else None

    def revision(self) -> int:
        """A counter that grows with every committed write, seen by every connection.

        Use it as a cache key: layers built at one revision are valid until it changes.
        """
        with self._lock:
            try:
                return db.revision(self._conn)
            except sqlite3.Error as exc:
                raise StoreError(f"Reading the store {self.path} failed ({exc}).") from exc

    # -- lifetime -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; the Store is unusable afterwards."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.root)!r})"
