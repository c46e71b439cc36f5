"""The analyst's persistent store: articles, resolved mentions, events and corrections.

One SQLite file (stdlib ``sqlite3``, WAL mode); every write is one all-or-nothing transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from geo.config import store_dir
from geo.errors import InputError, StoreError
from geo.records import (
    Article,
    Candidate,
    Correction,
    DatePrecision,
    Event,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
    Toponym,
)

__all__ = [
    "DB_NAME",
    "SCHEMA_VERSION",
    "Store",
    "candidate_from_dict",
    "candidate_to_dict",
    "normalize_surface",
    "place_from_dict",
    "place_to_dict",
]

DB_NAME = "geo.sqlite"
APP_ID = "geo-dashboard-store"
SCHEMA_VERSION = 1
_SQLITE_MAGIC = b"SQLite format 3\x00"

# Migrations run in order, each inside the transaction that bumps schema_version:
# MIGRATIONS[n] takes a version-n store to version n + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    article_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    published TEXT,
    published_inferred INTEGER NOT NULL DEFAULT 0,
    url TEXT,
    source_path TEXT,
    fmt TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    surface TEXT NOT NULL,
    place TEXT,
    place_id TEXT,
    confidence REAL NOT NULL,
    candidates TEXT NOT NULL,
    corrected INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX mentions_place ON mentions (place_id);
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    place TEXT NOT NULL,
    place_id TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    admin1_code TEXT,
    country_code TEXT,
    surface TEXT NOT NULL,
    date_start TEXT NOT NULL,
    date_end TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    geo_precision TEXT NOT NULL,
    quote TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    people INTEGER,
    children INTEGER,
    date_text TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_date_start ON events (date_start);
CREATE INDEX events_date_end ON events (date_end);
CREATE INDEX events_latlon ON events (lat, lon);
CREATE INDEX events_admin1 ON events (admin1_code);
CREATE INDEX events_country ON events (country_code);
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    surface TEXT NOT NULL,
    surface_norm TEXT NOT NULL,
    article_id TEXT REFERENCES articles (article_id) ON DELETE CASCADE,
    start INTEGER,
    place TEXT NOT NULL,
    note TEXT NOT NULL,
    created TEXT NOT NULL,
    CHECK ((article_id IS NULL) = (start IS NULL))
);
CREATE INDEX corrections_article ON corrections (article_id);
CREATE INDEX corrections_surface ON corrections (surface_norm);
"""


# ---------------------------------------------------------------------------------------------
# JSON codec for Place and Candidate: explicit fields, so a schema change is a visible edit here.


def place_to_dict(place: Place) -> dict:
    """A Place as a JSON-ready dict; ``place_from_dict`` inverts it exactly."""
    return {
        "place_id": place.place_id,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "kind": place.kind.value,
        "country_code": place.country_code,
        "admin1_code": place.admin1_code,
        "admin1_name": place.admin1_name,
        "geonameid": place.geonameid,
        "population": place.population,
        "source": place.source,
    }


def place_from_dict(data: dict) -> Place:
    """Rebuild a Place from ``place_to_dict`` output.

    Raises
    ------
    StoreError
        If a required field is missing or the kind is unknown.
    """
    try:
        return Place(
            place_id=data["place_id"],
            name=data["name"],
            lat=float(data["lat"]),
            lon=float(data["lon"]),
            kind=PlaceKind(data["kind"]),
            country_code=data.get("country_code"),
            admin1_code=data.get("admin1_code"),
            admin1_name=data.get("admin1_name"),
            geonameid=data.get("geonameid"),
            population=data.get("population"),
            source=data.get("source", "gazetteer"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"Stored place {data!r} is unreadable ({exc}).") from exc


def candidate_to_dict(candidate: Candidate) -> dict:
    """A Candidate as a JSON-ready dict; ``candidate_from_dict`` inverts it exactly."""
    return {
        "place": place_to_dict(candidate.place),
        "score": candidate.score,
        "match": candidate.match,
    }


def candidate_from_dict(data: dict) -> Candidate:
    """Rebuild a Candidate from ``candidate_to_dict`` output."""
    try:
        return Candidate(
            place=place_from_dict(data["place"]),
            score=float(data["score"]),
            match=data["match"],
        )
    except (KeyError, TypeError) as exc:
        raise StoreError(f"Stored candidate {data!r} is unreadable ({exc}).") from exc


def normalize_surface(surface: str) -> str:
    """The key a surface-wide correction is matched on: NFKC, case-folded, single-spaced."""
    return " ".join(unicodedata.normalize("NFKC", surface).casefold().split())


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


# ---------------------------------------------------------------------------------------------


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
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"Cannot create the store folder {self.root} ({exc}); "
                "choose another folder with --store or GEO_STORE."
            ) from exc
        fresh = not self.path.exists() or self.path.stat().st_size == 0
        if not fresh:
            self._check_foreign()
        self._lock = threading.RLock()
        try:
            self._conn = sqlite3.connect(
                self.path, timeout=30.0, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"Cannot open the store {self.path} ({exc}).") from exc
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA busy_timeout = 30000")
            if fresh:
                self._create()
            self._conn.execute("PRAGMA journal_mode = WAL")
            if self._meta("app") != APP_ID:
                raise StoreError(f"{self.path} is not a geo-dashboard store; use another --store.")
            self._migrate()
        except sqlite3.Error as exc:
            self._conn.close()
            raise StoreError(f"Cannot initialise the store {self.path} ({exc}).") from exc
        except StoreError:
            self._conn.close()
            raise

    # -- opening --------------------------------------------------------------------------

    def _check_foreign(self) -> None:
        """Refuse, without writing a byte, a geo.sqlite that is not one of ours."""
        hint = "point --store (or GEO_STORE) at another folder, or move the file away."
        try:
            with self.path.open("rb") as fh:
                head = fh.read(len(_SQLITE_MAGIC))
        except OSError as exc:
            raise StoreError(f"Cannot read {self.path} ({exc}); {hint}") from exc
        if head != _SQLITE_MAGIC:
            raise StoreError(f"{self.path} is not an SQLite database, so not a store; {hint}")
        # Read-only URI: even SQLite's own recovery must not touch a file that is not ours.
        uri = self.path.resolve().as_uri() + "?mode=ro"
        app = None
        try:
            probe = sqlite3.connect(uri, uri=True, timeout=30.0)
            try:
                row = probe.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
                app = row[0] if row else None
            finally:
                probe.close()
        except sqlite3.Error as exc:
            raise StoreError(
                f"{self.path} is an SQLite database but not a geo-dashboard store ({exc}); {hint}"
            ) from exc
        if app != APP_ID:
            raise StoreError(f"{self.path} is an SQLite database of another application; {hint}")

    def _create(self) -> None:
        with self._write() as conn:
            # Another process may have created the store since we looked at the file.
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
                return
            # Statement by statement: executescript() would commit on its own, mid-transaction.
            for statement in filter(str.strip, _SCHEMA.split(";")):
                conn.execute(statement)
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [("app", APP_ID), ("schema_version", str(SCHEMA_VERSION)), ("revision", "0")],
            )

    def _migrate(self) -> None:
        version = int(self._meta("schema_version") or 0)
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The store {self.path} has schema version {version}, newer than this program "
                f"understands ({SCHEMA_VERSION}); upgrade the program or use another --store."
            )
        while version < SCHEMA_VERSION:
            step = MIGRATIONS.get(version)
            if step is None:
                raise StoreError(
                    f"No migration from store schema version {version}; "
                    "re-ingest the articles into a new --store."
                )
            with self._write() as conn:
                step(conn)
                version += 1
                conn.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),)
                )

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction that bumps the revision; rolled back on any exception."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(
                    f"The store {self.path} is busy or read-only ({exc}); nothing was written. "
                    "Close other programs writing to it and try again."
                ) from exc
            try:
                yield conn
                conn.execute(
                    "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'"
                )
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                _rollback(conn)
                raise StoreError(
                    f"Writing to the store {self.path} failed ({exc}); nothing was written."
                ) from exc
            except BaseException:
                _rollback(conn)
                raise

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
        except _NoChange:
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
            raise _NoChange
        conn.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.article_id,
                article.title,
                article.text,
                article.published.isoformat() if article.published else None,
                int(article.published_inferred),
                article.url,
                article.source_path,
                article.fmt,
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            ),
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
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    article_id,
                    seq,
                    t.start,
                    t.end,
                    t.surface,
                    _dumps(place_to_dict(t.place)) if t.place else None,
                    t.place.place_id if t.place else None,
                    t.confidence,
                    _dumps([candidate_to_dict(c) for c in t.candidates]),
                    int(t.corrected),
                )
                for seq, t in enumerate(toponyms)
            ),
        )

        def rows() -> Iterator[tuple]:
            for seq, e in enumerate(events):
                if e.article_id != article_id:
                    raise InputError(
                        f"Event {e.event_id!r} belongs to article {e.article_id!r}, not "
                        f"{article_id!r}; store each article's events with that article."
                    )
                p = e.place
                yield (
                    e.event_id,
                    article_id,
                    seq,
                    e.event_type.value,
                    _dumps(place_to_dict(p)),
                    p.place_id,
                    p.lat,
                    p.lon,
                    p.admin1_code,
                    p.country_code,
                    e.surface,
                    e.date_start.isoformat(),
                    e.date_end.isoformat(),
                    e.date_precision.value,
                    e.geo_precision.value,
                    e.quote,
                    e.sentence_start,
                    e.sentence_end,
                    e.people,
                    e.children,
                    e.date_text,
                    e.confidence,
                )

        conn.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                "INSERT INTO corrections (surface, surface_norm, article_id, start, place, "
                "note, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    c.surface,
                    normalize_surface(c.surface),
                    c.article_id,
                    c.start,
                    _dumps(place_to_dict(c.place)),
                    c.note,
                    c.created.isoformat(),
                ),
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
                    raise _NoChange
        except _NoChange:
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
        cols = _ARTICLE_COLS if with_text else _ARTICLE_COLS.replace("text", "'' AS text")
        rows = self._read(
            f"SELECT {cols} FROM articles ORDER BY published IS NULL, published, title, article_id"
        )
        return [_article(r) for r in rows]

    def article_count(self) -> int:
        """How many articles the store holds (cheap: no text is read)."""
        return int(self._read("SELECT count(*) FROM articles")[0][0])

    def article(self, article_id: str) -> Article | None:
        """One article, or None."""
        rows = self._read(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE article_id = ?", (article_id,)
        )
        return _article(rows[0]) if rows else None

    def toponyms(self, article_id: str) -> list[Toponym]:
        """An article's mentions in the order they were stored (empty if unknown)."""
        rows = self._read(
            f"SELECT {_MENTION_COLS} FROM mentions WHERE article_id = ? ORDER BY seq",
            (article_id,),
        )
        return [_toponym(r[1:]) for r in rows]

    def mentions(self) -> list[tuple[str, Toponym]]:
        """Every stored mention as ``(article_id, Toponym)``, grouped by article."""
        rows = self._read(f"SELECT {_MENTION_COLS} FROM mentions ORDER BY article_id, seq")
        return [(r[0], _toponym(r[1:])) for r in rows]

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
        sql = f"SELECT {_EVENT_COLS} FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date_start, article_id, seq"
        return [_event(r) for r in self._read(sql, tuple(params))]

    def corrections(self, *, article_id: str | None = None) -> list[Correction]:
        """Surface-wide corrections, plus the mention corrections of ``article_id`` if given.

        Oldest first, so a pipeline applying them in order lets the latest one win.
        """
        sql = f"SELECT {_CORRECTION_COLS} FROM corrections WHERE article_id IS NULL"
        params: tuple = ()
        if article_id is not None:
            sql += " OR article_id = ?"
            params = (article_id,)
        return [_correction(r) for r in self._read(sql + " ORDER BY id", params)]

    def span(self) -> tuple[dt.date, dt.date] | None:
        """``(earliest date_start, latest date_end)`` over all events, or None if none."""
        lo, hi = self._read("SELECT MIN(date_start), MAX(date_end) FROM events")[0]
        return (dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)) if lo else None

    def revision(self) -> int:
        """A counter that grows with every committed write, seen by every connection.

        Use it as a cache key: layers built at one revision are valid until it changes.
        """
        return int(self._read("SELECT value FROM meta WHERE key = 'revision'")[0][0])

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


def _rollback(conn: sqlite3.Connection) -> None:
    # Some errors (disk full, I/O) make SQLite roll back by itself; a second ROLLBACK would fail.
    if conn.in_transaction:
        conn.execute("ROLLBACK")


class _NoChange(Exception):
    """Internal signal: roll back a write that would change nothing."""


# Row <-> record helpers; column lists kept next to the decoders that depend on their order.

_ARTICLE_COLS = "article_id, title, text, published, published_inferred, url, source_path, fmt"


def _article(r: tuple) -> Article:
    return Article(
        article_id=r[0],
        title=r[1],
        text=r[2],
        published=_date(r[3]),
        published_inferred=bool(r[4]),
        url=r[5],
        source_path=r[6],
        fmt=r[7],
    )


_MENTION_COLS = 'article_id, start, "end", surface, place, confidence, candidates, corrected'


def _toponym(r: tuple) -> Toponym:
    return Toponym(
        start=r[0],
        end=r[1],
        surface=r[2],
        place=place_from_dict(json.loads(r[3])) if r[3] else None,
        confidence=r[4],
        candidates=tuple(candidate_from_dict(c) for c in json.loads(r[5])),
        corrected=bool(r[6]),
    )


_EVENT_COLS = (
    "event_id, article_id, event_type, place, surface, date_start, date_end, date_precision, "
    "geo_precision, quote, sentence_start, sentence_end, people, children, date_text, confidence"
)


def _event(r: tuple) -> Event:
    return Event(
        event_id=r[0],
        article_id=r[1],
        event_type=EventType(r[2]),
        place=place_from_dict(json.loads(r[3])),
        surface=r[4],
        date_start=dt.date.fromisoformat(r[5]),
        date_end=dt.date.fromisoformat(r[6]),
        date_precision=DatePrecision(r[7]),
        geo_precision=GeoPrecision(r[8]),
        quote=r[9],
        sentence_start=r[10],
        sentence_end=r[11],
        people=r[12],
        children=r[13],
        date_text=r[14],
        confidence=r[15],
    )


_CORRECTION_COLS = "surface, place, article_id, start, note, created"


def _correction(r: tuple) -> Correction:
    return Correction(
        surface=r[0],
        place=place_from_dict(json.loads(r[1])),
        article_id=r[2],
        start=r[3],
        note=r[4],
        created=dt.datetime.fromisoformat(r[5]),
    )
