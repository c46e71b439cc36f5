"""The article store on a PostgreSQL/PostGIS server, for a team sharing one store.

Same behaviour as ``geo.store.sqlite.Store`` (docs/store.md); points are ``geometry(Point,
4326)`` with GiST indexes, dates are DATE columns. Opened through ``geo.store.base.open_store``.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from geo.config import redact_url
from geo.errors import InputError, StoreError
from geo.records import Article, Correction, Event, Toponym
from geo.store import pg
from geo.store.codec import (
    EncodedArticle,
    analysis_rows,
    candidates_json,
    encode_article,
    normalize_surface,
    place_json,
    place_to_dict,
)
from geo.store.db import NoChange
from geo.store.reads import Dialect, SqlReads
from geo.store.schema import APP_ID, EVENT_COLUMNS_V3, SCHEMA_VERSION

if TYPE_CHECKING:
    import psycopg

__all__ = ["PG_DDL", "PG_SCHEMA", "PostgisStore"]


def encode_rows(
    article: Article, toponyms: Iterable[Toponym], events: Iterable[Event]
) -> EncodedArticle:
    """An article and its analysis as this backend's rows (``PostgisStore.encode``).

    Raises
    ------
    InputError
        If an event belongs to another article.
    """
    return encode_article(
        article, toponyms, events, head=_article_head, mention=_mention_row, event=_event_row
    )


_HINT = "point --store (or GEO_STORE) at another database or add ?schema=NAME to the URL."

# Same tables as geo.store.schema.DDL, with PostgreSQL types: DATE, BOOLEAN, JSONB, and the
# place of each event and mention as a point geometry (WGS 84) under a GiST index.
PG_DDL = """
CREATE TABLE articles (
    article_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    published DATE,
    published_inferred BOOLEAN NOT NULL DEFAULT false,
    url TEXT,
    source_path TEXT,
    fmt TEXT NOT NULL,
    ingested_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    surface TEXT NOT NULL,
    place JSONB,
    place_id TEXT,
    geom geometry(Point, 4326),
    confidence DOUBLE PRECISION NOT NULL,
    candidates JSONB NOT NULL,
    corrected BOOLEAN NOT NULL DEFAULT false,
    role TEXT NOT NULL DEFAULT 'literal',
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX mentions_place ON mentions (place_id);
CREATE INDEX mentions_geom ON mentions USING GIST (geom);
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    place JSONB NOT NULL,
    place_id TEXT NOT NULL,
    geom geometry(Point, 4326) NOT NULL,
    admin1_code TEXT,
    country_code TEXT,
    surface TEXT NOT NULL,
    date_start DATE NOT NULL,
    date_end DATE NOT NULL,
    date_precision TEXT NOT NULL,
    geo_precision TEXT NOT NULL,
    quote TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    people INTEGER,
    children INTEGER,
    date_text TEXT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL DEFAULT 'happened',
    claimed_by TEXT NOT NULL DEFAULT '',
    killed INTEGER,
    injured INTEGER,
    figures_text TEXT NOT NULL DEFAULT '',
    acled_event_type TEXT NOT NULL DEFAULT '',
    acled_sub_event_type TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_date_start ON events (date_start);
CREATE INDEX events_date_end ON events (date_end);
CREATE INDEX events_geom ON events USING GIST (geom);
CREATE INDEX events_admin1 ON events (admin1_code);
CREATE INDEX events_country ON events (country_code);
CREATE TABLE corrections (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    surface TEXT NOT NULL,
    surface_norm TEXT NOT NULL,
    article_id TEXT REFERENCES articles (article_id) ON DELETE CASCADE,
    start INTEGER,
    place JSONB NOT NULL,
    note TEXT NOT NULL,
    created TIMESTAMPTZ NOT NULL,
    CHECK ((article_id IS NULL) = (start IS NULL))
);
CREATE INDEX corrections_article ON corrections (article_id);
CREATE INDEX corrections_surface ON corrections (surface_norm)
"""


def _add_event_status_and_figures(conn: psycopg.Connection) -> None:
    """Version 2 to 3, as ``geo.store.schema``'s: the same columns with the same defaults."""
    for column in EVENT_COLUMNS_V3:
        conn.execute(f"ALTER TABLE events ADD COLUMN {column}")  # type: ignore[arg-type]


# The same app marker and version as the SQLite store: one kind of store, two backends. A
# schema is created at the current version; the first PostGIS stores were version 2.
PG_SCHEMA = pg.PgSchema(
    app=APP_ID,
    version=SCHEMA_VERSION,
    ddl=PG_DDL,
    migrations={2: _add_event_status_and_figures},
)

_POINT = "ST_SetSRID(ST_MakePoint(%s, %s), 4326)"
# Column lists in the order of geo.store.codec's decoders; JSON and dates read back as the
# text the decoders take. Text is ordered by code point (COLLATE "C"), as SQLite orders it.
_ARTICLE_COLS = (
    "article_id, title, text, published::text, published_inferred, url, source_path, fmt"
)
_MENTION_COLS = (
    'article_id, start, "end", surface, place::text, confidence, candidates::text, corrected, role'
)
_EVENT_COLS = (
    "event_id, article_id, event_type, place::text, surface, date_start::text, date_end::text, "
    "date_precision, geo_precision, quote, sentence_start, sentence_end, people, children, "
    "date_text, confidence, status, claimed_by, killed, injured, figures_text, "
    "acled_event_type, acled_sub_event_type"
)
_CORRECTION_COLS = (
    "surface, place::text, article_id, start, note, "
    """to_char(created, 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')"""
)

# geo.store.frames column order; day numbers are DATE minus the epoch.
_DAY = "({} - DATE '1970-01-01')"
_FRAME_COLS = (
    "e.event_id, e.article_id, e.event_type, ST_Y(e.geom), ST_X(e.geom), e.admin1_code, "
    f"e.country_code, {_DAY.format('e.date_start')}, {_DAY.format('e.date_end')}, e.people, "
    "e.children"
)
_DETAIL_COLS = (
    "e.place_id, e.place->>'name', e.place->>'admin1_name', e.date_precision, "
    "e.geo_precision, e.quote, a.title, a.url, e.confidence, "
    "e.status, e.claimed_by, e.killed, e.injured, e.figures_text, e.acled_event_type, "
    "e.acled_sub_event_type, a.fmt"
)
_MENTION_FRAME_COLS = (
    f"m.place_id, m.article_id, m.role, m.surface, m.confidence, {_DAY.format('a.published')}, "
    "m.place->>'name', ST_Y(m.geom), ST_X(m.geom), m.place->>'kind', "
    "m.place->>'country_code', m.place->>'admin1_code', m.place->>'admin1_name', "
    "(m.place->>'geonameid')::bigint, (m.place->>'population')::bigint"
)


POSTGIS = Dialect(
    param="%s",
    text_order=' COLLATE "C"',  # byte order, as SQLite sorts text
    published_order="published NULLS LAST",
    article_cols=_ARTICLE_COLS,
    mention_cols=_MENTION_COLS,
    event_cols=_EVENT_COLS,
    correction_cols=_CORRECTION_COLS,
    frame_cols=_FRAME_COLS,
    detail_cols=_DETAIL_COLS,
    mention_frame_cols=_MENTION_FRAME_COLS,
    date_param=lambda d: d,  # DATE columns: psycopg binds a date as a date
    date_value=lambda v: v,  # and returns one
)


class PostgisStore(SqlReads):
    """The article store in one schema of a PostgreSQL database with PostGIS.

    Parameters
    ----------
    url : str
        ``postgresql://[user[:password]@][host][:port]/database[?schema=NAME&...]``; any
        libpq parameter may follow (``host=/run/postgresql`` for a unix socket,
        ``sslmode=require``). ``schema`` (default ``geo``) holds the tables, so several
        stores can share one database.

    Raises
    ------
    StoreError
        If the server cannot be reached, the schema holds another application's tables
        (left untouched), or was written by a newer version.

    Notes
    -----
    Every write is one transaction that first bumps the ``meta`` revision, whose row lock
    makes writers wait for each other; readers are never blocked (MVCC) and see the last
    committed state. One object may be shared between threads; calls are serialised.
    Reads are ``geo.store.reads.SqlReads`` in the ``POSTGIS`` dialect.
    """

    dialect = POSTGIS

    def __init__(self, url: str) -> None:
        self.url = url
        self.location = redact_url(url)
        _, self.schema = pg.split_url(url)
        self._lock = threading.RLock()
        # PG_SCHEMA is read at each open, so a test can patch in a newer schema here.
        conn = pg.connect(url, self.schema, PG_SCHEMA, hint=_HINT)
        assert conn is not None  # create=True always connects or raises
        self._conn = conn

    @contextmanager
    def _write(self) -> Iterator[psycopg.Connection]:
        with self._lock, pg.transaction(self._conn, self.location) as conn:
            yield conn

    # -- writing --------------------------------------------------------------------------

    def add(self, article: Article, toponyms: Iterable[Toponym], events: Iterable[Event]) -> bool:
        """Store an article with its mentions and events in one transaction.

        Returns False, with nothing changed, if the article is already stored. Raises as
        ``geo.store.sqlite.Store.add``.
        """
        try:
            with self._write() as conn:
                _insert_article(conn, article, toponyms, events)
        except NoChange:
            return False
        return True

    def add_batch(
        self, items: Iterable[tuple[Article, Iterable[Toponym], Iterable[Event]]]
    ) -> list[bool]:
        """Store several articles, each all or nothing; as ``geo.store.sqlite.Store.add_batch``.

        One transaction, one savepoint per article.
        """
        return self.add_encoded_batch(encode_rows(*item) for item in items)

    # The rows a worker makes for this backend (a module-level function: it pickles by name).
    encode = staticmethod(encode_rows)

    def add_encoded_batch(self, items: Iterable[EncodedArticle]) -> list[bool]:
        """``add_batch`` of rows made by ``encode``; as ``geo.store.sqlite.Store``'s."""
        import psycopg

        out: list[bool] = []
        error: Exception | None = None
        rows = iter(items)
        try:
            with self._write() as conn:
                while True:
                    item = None
                    try:
                        item = next(rows, None)
                        if item is None:
                            break
                        with conn.transaction():  # nested: a savepoint
                            _insert_rows(conn, item, ingested_at=dt.datetime.now(dt.UTC))
                    except NoChange:
                        out.append(False)
                        continue
                    except InputError as exc:
                        error = exc
                        break
                    except psycopg.Error as exc:
                        aid = item.article_id if item is not None else "?"
                        error = StoreError(
                            f"Writing to the store {self.location} failed ({str(exc).strip()}); "
                            f"article {aid!r} was not written."
                        )
                        break
                    out.append(True)
                if not any(out):
                    raise NoChange  # the revision stays where it was
        except NoChange:
            pass
        if error is not None:
            raise error
        return out

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
            if not _exists(conn, article_id):
                raise InputError(
                    f"No article {article_id!r} in the store; ingest it before replacing its "
                    "analysis."
                )
            conn.execute("DELETE FROM mentions WHERE article_id = %s", (article_id,))
            conn.execute("DELETE FROM events WHERE article_id = %s", (article_id,))
            _insert_analysis(conn, article_id, toponyms, events)

    def add_correction(self, correction: Correction) -> None:
        """Store an analyst's correction; the pipeline applies it (``corrections()``).

        Raises
        ------
        InputError
            If only one of ``article_id``/``start`` is set, or the article is not stored.
        """
        from psycopg.types.json import Jsonb

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
            if c.article_id is not None and not _exists(conn, c.article_id):
                raise InputError(
                    f"No article {c.article_id!r} in the store; a mention correction must "
                    "name a stored article."
                )
            conn.execute(
                "INSERT INTO corrections "
                "(surface, surface_norm, article_id, start, place, note, created) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (
                    c.surface,
                    normalize_surface(c.surface),
                    c.article_id,
                    c.start,
                    Jsonb(place_to_dict(c.place)),
                    c.note,
                    c.created,
                ),
            )

    def delete_article(self, article_id: str) -> bool:
        """Delete an article with its mentions, events and mention corrections.

        Returns False if no such article was stored (nothing changed).
        """
        try:
            with self._write() as conn:
                cur = conn.execute("DELETE FROM articles WHERE article_id = %s", (article_id,))
                if cur.rowcount == 0:
                    raise NoChange
        except NoChange:
            return False
        return True

    # -- reading --------------------------------------------------------------------------

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        import psycopg

        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()  # type: ignore[arg-type]
            except psycopg.Error as exc:
                raise StoreError(
                    f"Reading the store {self.location} failed ({str(exc).strip()})."
                ) from exc

    def _read_chunks(
        self, sql: str, params: Sequence[object], *, rows: int
    ) -> Iterator[list[tuple]]:
        import psycopg

        conn = pg.connect(self.url, self.schema, PG_SCHEMA, hint=_HINT, create=False)
        if conn is None:
            return
        try:
            with conn.transaction(), conn.cursor(name="geo_frame_chunks") as cur:
                cur.execute(sql, params)  # type: ignore[arg-type]
                while part := cur.fetchmany(rows):
                    yield part
        except psycopg.Error as exc:
            raise StoreError(
                f"Reading the store {self.location} failed ({str(exc).strip()})."
            ) from exc
        finally:
            conn.close()

    def revision(self) -> int:
        """A counter that grows with every committed write, seen by every connection."""
        import psycopg

        with self._lock:
            try:
                return pg.revision(self._conn)
            except psycopg.Error as exc:
                raise StoreError(
                    f"Reading the store {self.location} failed ({str(exc).strip()})."
                ) from exc

    # -- lifetime -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; the store is unusable afterwards."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> PostgisStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"PostgisStore({self.location!r})"


def _insert_article(
    conn: psycopg.Connection, article: Article, toponyms: Iterable[Toponym], events: Iterable[Event]
) -> None:
    if _exists(conn, article.article_id):
        raise NoChange
    _insert_rows(conn, encode_rows(article, toponyms, events), ingested_at=dt.datetime.now(dt.UTC))


def _insert_rows(
    conn: psycopg.Connection, item: EncodedArticle, *, ingested_at: dt.datetime
) -> None:
    if _exists(conn, item.article_id):
        raise NoChange
    conn.execute(
        "INSERT INTO articles VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (*item.article, ingested_at),
    )
    _insert_analysis_rows(conn, item.mentions, item.events)


def _exists(conn: psycopg.Connection, article_id: str) -> bool:
    sql = "SELECT 1 FROM articles WHERE article_id = %s"
    return conn.execute(sql, (article_id,)).fetchone() is not None


def _insert_analysis(
    conn: psycopg.Connection,
    article_id: str,
    toponyms: Iterable[Toponym],
    events: Iterable[Event],
) -> None:
    _insert_analysis_rows(
        conn, *analysis_rows(article_id, toponyms, events, mention=_mention_row, event=_event_row)
    )


def _article_head(a: Article) -> tuple:
    return (a.article_id, a.title, a.text, a.published, a.published_inferred, a.url,
            a.source_path, a.fmt)  # fmt: skip


# JSON goes as text and the server makes it jsonb (the same value as psycopg's Jsonb): a
# worker's rows then hold only str, int, float, bool, date and None.
def _mention_row(article_id: str, seq: int, t: Toponym) -> tuple:
    p = t.place
    return (
        article_id,
        seq,
        t.start,
        t.end,
        t.surface,
        place_json(p) if p else None,
        p.place_id if p else None,
        p.lon if p else None,
        p.lat if p else None,
        t.confidence,
        candidates_json(t.candidates),
        t.corrected,
        t.role.value,
    )


def _event_row(article_id: str, seq: int, e: Event) -> tuple:
    p = e.place
    return (
        e.event_id,
        article_id,
        seq,
        e.event_type.value,
        place_json(p),
        p.place_id,
        p.lon,
        p.lat,
        p.admin1_code,
        p.country_code,
        e.surface,
        e.date_start,
        e.date_end,
        e.date_precision.value,
        e.geo_precision.value,
        e.quote,
        e.sentence_start,
        e.sentence_end,
        e.people,
        e.children,
        e.date_text,
        e.confidence,
        e.status.value,
        e.claimed_by,
        e.killed,
        e.injured,
        e.figures_text,
        e.acled_event_type,
        e.acled_sub_event_type,
    )


def _insert_analysis_rows(
    conn: psycopg.Connection, mentions: Sequence[tuple], events: Sequence[tuple]
) -> None:
    with conn.cursor() as cur:
        cur.executemany(
            'INSERT INTO mentions (article_id, seq, start, "end", surface, place, place_id, '
            f"geom, confidence, candidates, corrected, role) VALUES (%s, %s, %s, %s, %s, "
            f"%s::jsonb, %s, {_POINT}, %s, %s::jsonb, %s, %s)",
            mentions,
        )
        cur.executemany(
            "INSERT INTO events (event_id, article_id, seq, event_type, place, place_id, geom, "
            "admin1_code, country_code, surface, date_start, date_end, date_precision, "
            "geo_precision, quote, sentence_start, sentence_end, people, children, date_text, "
            "confidence, status, claimed_by, killed, injured, figures_text, acled_event_type, "
            f"acled_sub_event_type) VALUES (%s, %s, %s, %s, %s::jsonb, %s, {_POINT}, "
            f"{', '.join(['%s'] * 21)})",
            events,
        )
