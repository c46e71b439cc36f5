-- A version-2 article store (schema_version 2: mentions with roles, events without status,
-- casualties or ACLED labels), as written by geo.store.sqlite.Store before those were stored:
-- one article, two mentions of Kyiv (literal, metonymic), one attack event and a mention
-- correction. Made with sqlite3 iterdump; tests/store/test_store.py migrates it.
BEGIN TRANSACTION;
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
INSERT INTO "articles" VALUES('v2article','A version-2 article','Shelling in Kyiv overnight. Officials in Kyiv said ten were hurt.','2024-09-05',0,NULL,NULL,'txt','2026-11-26T14:43:59+00:00');
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
INSERT INTO "corrections" VALUES(1,'Kyiv','kyiv','v2article',41,'{"place_id":"gn:703448","name":"Kyiv","lat":50.45466,"lon":30.5238,"kind":"populated_place","country_code":"UA","admin1_code":"UA.12","admin1_name":"Kyiv City","geonameid":703448,"population":2797553,"source":"gazetteer","precision":null}','v2 note','2024-09-06T12:00:00+00:00');
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
INSERT INTO "events" VALUES('v2article-e0','v2article',0,'attack','{"place_id":"gn:703448","name":"Kyiv","lat":50.45466,"lon":30.5238,"kind":"populated_place","country_code":"UA","admin1_code":"UA.12","admin1_name":"Kyiv City","geonameid":703448,"population":2797553,"source":"gazetteer","precision":null}','gn:703448',50.45466,30.5238,'UA.12','UA','Kyiv','2024-09-04','2024-09-05','range','settlement','Shelling in Kyiv overnight.',0,27,NULL,NULL,'overnight',0.8);
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
INSERT INTO "mentions" VALUES('v2article',0,12,16,'Kyiv','{"place_id":"gn:703448","name":"Kyiv","lat":50.45466,"lon":30.5238,"kind":"populated_place","country_code":"UA","admin1_code":"UA.12","admin1_name":"Kyiv City","geonameid":703448,"population":2797553,"source":"gazetteer","precision":null}','gn:703448',0.9,'[{"place":{"place_id":"gn:703448","name":"Kyiv","lat":50.45466,"lon":30.5238,"kind":"populated_place","country_code":"UA","admin1_code":"UA.12","admin1_name":"Kyiv City","geonameid":703448,"population":2797553,"source":"gazetteer","precision":null},"score":0.9,"match":"name"}]',0,'literal');
INSERT INTO "mentions" VALUES('v2article',1,41,45,'Kyiv','{"place_id":"gn:703448","name":"Kyiv","lat":50.45466,"lon":30.5238,"kind":"populated_place","country_code":"UA","admin1_code":"UA.12","admin1_name":"Kyiv City","geonameid":703448,"population":2797553,"source":"gazetteer","precision":null}','gn:703448',0.8,'[{"place":{"place_id":"gn:703448","name":"Kyiv","lat":50.45466,"lon":30.5238,"kind":"populated_place","country_code":"UA","admin1_code":"UA.12","admin1_name":"Kyiv City","geonameid":703448,"population":2797553,"source":"gazetteer","precision":null},"score":0.8,"match":"name"}]',0,'metonymic');
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO "meta" VALUES('app','geo-dashboard-store');
INSERT INTO "meta" VALUES('schema_version','2');
INSERT INTO "meta" VALUES('revision','3');
CREATE INDEX articles_published ON articles (published);
CREATE INDEX mentions_place ON mentions (place_id);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_date_start ON events (date_start);
CREATE INDEX events_date_end ON events (date_end);
CREATE INDEX events_latlon ON events (lat, lon);
CREATE INDEX events_admin1 ON events (admin1_code);
CREATE INDEX events_country ON events (country_code);
CREATE INDEX corrections_article ON corrections (article_id);
CREATE INDEX corrections_surface ON corrections (surface_norm);
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('corrections',1);
COMMIT;
