"""The article store's tables (``geo.sqlite``) and the migrations between their versions.

Opening, version checks and the ``meta`` table are ``geo.store.db``'s; this is what is in it.
"""

from __future__ import annotations

import sqlite3

from geo.store.db import Migration, Schema

__all__ = ["APP_ID", "DDL", "EVENT_COLUMNS_V3", "MIGRATIONS", "SCHEMA_VERSION", "STORE_SCHEMA"]

APP_ID = "geo-dashboard-store"
SCHEMA_VERSION = 3


def _add_mention_role(conn: sqlite3.Connection) -> None:
    """Version 1 to 2: each mention's role (geo.records.ToponymRole).

    Mentions stored before roles existed were all taken as places, so they become literal;
    re-analysing an article (``geo.pipeline.reprocess``) gives them their real roles.
    """
    conn.execute("ALTER TABLE mentions ADD COLUMN role TEXT NOT NULL DEFAULT 'literal'")


# Version 2 to 3: the columns each event gained, in DDL order with the DDL's defaults, so a
# migrated file and a new one have the same events table. Shared with the PostGIS store.
EVENT_COLUMNS_V3 = (
    "status TEXT NOT NULL DEFAULT 'happened'",
    "claimed_by TEXT NOT NULL DEFAULT ''",
    "killed INTEGER",
    "injured INTEGER",
    "figures_text TEXT NOT NULL DEFAULT ''",
    "acled_event_type TEXT NOT NULL DEFAULT ''",
    "acled_sub_event_type TEXT NOT NULL DEFAULT ''",
)


def _add_event_status_and_figures(conn: sqlite3.Connection) -> None:
    """Version 2 to 3: each event's status, claimant, casualties and ACLED labels.

    Events stored before were reported as fact (``happened``) with no figures or labels; the
    layers fill empty labels (``geo.events.acled.acled_labels``), and re-analysing an article
    (``geo.pipeline.reprocess``) gives it what the extractor now finds.
    """
    for column in EVENT_COLUMNS_V3:
        conn.execute(f"ALTER TABLE events ADD COLUMN {column}")


# Migrations run in order, each inside the transaction that bumps schema_version:
# MIGRATIONS[n] takes a version-n store to version n + 1.
MIGRATIONS: dict[int, Migration] = {1: _add_mention_role, 2: _add_event_status_and_figures}

DDL = """
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
    role TEXT NOT NULL DEFAULT 'literal',
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
    confidence REAL NOT NULL,
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

STORE_SCHEMA = Schema(app=APP_ID, version=SCHEMA_VERSION, ddl=DDL, migrations=MIGRATIONS)
