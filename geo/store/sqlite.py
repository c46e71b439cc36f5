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
    article_from_row,
    article_row,
    correction_from_row,
    correction_row,
    event_from_row,
    event_row,
    mention_row,
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
        conn.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            article_row(article, ingested_at=dt.datetime.now(dt.UTC)),
        )
        self._insert_analysis(conn, article.article_id, toponyms, events)

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
        conn.executemany(
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (mention_row(article_id, seq, t) for seq, t in enumerate(toponyms)),
        )

        def rows() -> Iterator[tuple]:
            for seq, e in enumerate(events):
                if e.article_id != article_id:
                    raise InputError(
                        f"Event {e.event_id!r} belongs to article {e.article_id!r}, not "
                        f"{article_id!r}; store each article's events with that article."
                    )
                yield event_row(article_id, seq, e)

        conn.executemany(
            f"INSERT INTO events VALUES ({', '.join('?' * 29)})",
            rows(),
        )

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
        return events_frame_from_rows(self._read(sql, tuple(params)), details=details)

    def mentions_frame(self) -> pd.DataFrame:
        """Every resolved mention as columns (``geo.store.frames.MENTION_FRAME_COLUMNS``)."""
        sql = (
            f"SELECT {_MENTION_FRAME_COLS} FROM mentions m JOIN articles a USING (article_id) "
            "WHERE m.place_id IS NOT NULL ORDER BY m.article_id, m.seq"
        )
        return mentions_frame_from_rows(self._read(sql))

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
