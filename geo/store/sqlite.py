"""The analyst's persistent store: articles, resolved mentions, events and corrections.

One SQLite file, opened and written the ``geo.store.db`` way: WAL, all-or-nothing writes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from geo.config import store_dir
from geo.errors import InputError, StoreError
from geo.records import Article, Correction, Event, Toponym
from geo.store import db
from geo.store.codec import (
    ARTICLE_COLS,
    CORRECTION_COLS,
    EVENT_COLS,
    MENTION_COLS,
    EncodedArticle,
    analysis_rows,
    correction_row,
    encode_article,
)
from geo.store.reads import Dialect, SqlReads
from geo.store.schema import STORE_SCHEMA

__all__ = ["DB_NAME", "Store"]

DB_NAME = "geo.sqlite"
# SQLite's page cache for a bulk write, in KiB (a negative cache_size). The default 2 MB
# spills the events indexes' pages to the WAL again and again within one batch; measured on
# 1500 synthetic articles this cut the writer's system CPU by about 40% (0.9 -> 0.55 ms per
# article). Memory is taken only as pages are touched.
BULK_CACHE_KIB = 65536
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
SQLITE = Dialect(
    param="?",
    text_order="",
    published_order="published IS NULL, published",
    article_cols=ARTICLE_COLS,
    mention_cols=MENTION_COLS,
    event_cols=EVENT_COLS,
    correction_cols=CORRECTION_COLS,
    frame_cols=_FRAME_COLS,
    detail_cols=_DETAIL_COLS,
    mention_frame_cols=_MENTION_FRAME_COLS,
    date_param=dt.date.isoformat,  # dates are ISO text, which sorts as dates do
    date_value=dt.date.fromisoformat,
)


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


class Store(SqlReads):
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
    Reads are ``geo.store.reads.SqlReads`` in the ``SQLITE`` dialect.
    """

    dialect = SQLITE

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
        with self._lock:
            # Outside the transaction: kept for this connection's later batches too.
            self._conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
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

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"Reading the store {self.path} failed ({exc}).") from exc

    def _read_chunks(
        self, sql: str, params: Sequence[object], *, rows: int
    ) -> Iterator[list[tuple]]:
        conn = db.open_read(self.path, STORE_SCHEMA, hint=_HINT)
        try:
            cur = conn.execute(sql, params)
            while part := cur.fetchmany(rows):
                yield part
        except sqlite3.Error as exc:
            raise StoreError(f"Reading the store {self.path} failed ({exc}).") from exc
        finally:
            conn.close()

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
