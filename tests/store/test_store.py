from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

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
    ToponymRole,
)
from geo.store import sqlite as store_mod
from geo.store.codec import normalize_surface, place_from_dict, place_to_dict
from geo.store.schema import SCHEMA_VERSION, STORE_SCHEMA
from geo.store.sqlite import DB_NAME, Store

ROOT = Path(__file__).resolve().parents[2]
STORE_V1_SQL = ROOT / "tests" / "data" / "store_v1.sql"

SUDZHA = Place(
    place_id="gn:482027",
    name="Sudzha",
    lat=51.19055,
    lon=35.27082,
    kind=PlaceKind.POPULATED_PLACE,
    country_code="RU",
    admin1_code="RU.41",
    admin1_name="Kursk",
    geonameid=482027,
    population=6940,
)
DONETSK_OBLAST = Place(
    place_id="a1:UA.05",
    name="Donetsk Oblast",
    lat=48.0,
    lon=37.8,
    kind=PlaceKind.ADMIN1,
    country_code="UA",
    admin1_code="UA.05",
    admin1_name="Donetsk",
)
HAND_POINT = Place(
    place_id="pt:48.28,37.18",
    name="dacha near the road",
    lat=0.1 + 0.2,  # a float whose repr is long: the codec must not round it
    lon=-1e-7,
    kind=PlaceKind.POINT,
    source="manual",
)


def make_article(n: int, *, published: dt.date | None = dt.date(2024, 9, 5)) -> Article:
    return Article(
        article_id=f"a{n:03d}",
        title=f"Report {n}",
        text=f"Fighting near Sudzha, report {n}. Families left Donetsk Oblast.",
        published=published,
        url=f"https://example.invalid/{n}",
        source_path=f"/tmp/report{n}.txt",
    )


def make_toponyms() -> list[Toponym]:
    return [
        Toponym(
            start=14,
            end=20,
            surface="Sudzha",
            place=SUDZHA,
            confidence=0.9,
            candidates=(Candidate(SUDZHA, 0.9, "name"), Candidate(HAND_POINT, 0.1, "alias")),
        ),
        Toponym(start=50, end=64, surface="Donetsk Oblast", place=DONETSK_OBLAST, confidence=0.7),
        Toponym(start=0, end=3, surface="Xyz", place=None),
    ]


def make_event(
    article_id: str,
    n: int,
    *,
    start: dt.date = dt.date(2024, 8, 6),
    end: dt.date | None = None,
    event_type: EventType = EventType.OFFENSIVE,
    place: Place = SUDZHA,
) -> Event:
    return Event(
        event_id=f"{article_id}-e{n}",
        article_id=article_id,
        event_type=event_type,
        place=place,
        surface=place.name,
        date_start=start,
        date_end=end or start,
        date_precision=DatePrecision.DAY,
        geo_precision=GeoPrecision.SETTLEMENT,
        quote=f"Sentence {n} about {place.name}.",
        sentence_start=0,
        sentence_end=30,
        people=100 + n,
        children=None,
        date_text="on 6 August",
        confidence=0.8,
    )


@pytest.fixture()
def store(store_root: Path):
    with Store(store_root) as s:
        yield s


# -- codec -------------------------------------------------------------------------------------


@pytest.mark.parametrize("place", [SUDZHA, DONETSK_OBLAST, HAND_POINT])
def test_place_codec_round_trips_exactly_through_json(place: Place) -> None:
    import json

    assert place_from_dict(json.loads(json.dumps(place_to_dict(place)))) == place


def test_place_from_dict_with_missing_field_raises_store_error() -> None:
    data = place_to_dict(SUDZHA)
    del data["lat"]
    with pytest.raises(StoreError, match="unreadable"):
        place_from_dict(data)


# -- opening -----------------------------------------------------------------------------------


def test_new_store_creates_folder_and_database_in_wal_mode(store_root: Path) -> None:
    assert not store_root.exists()
    with Store(store_root):
        pass
    assert (store_root / DB_NAME).is_file()
    conn = sqlite3.connect(store_root / DB_NAME)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_store_defaults_to_geo_store_environment_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("GEO_STORE", str(tmp_path / "from-env"))
    with Store() as s:
        assert s.path == tmp_path / "from-env" / DB_NAME
    assert (tmp_path / "from-env" / DB_NAME).is_file()


def test_store_reopens_with_data_intact(store_root: Path) -> None:
    with Store(store_root) as s:
        s.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
    with Store(store_root) as s:
        assert [a.article_id for a in s.articles()] == ["a001"]
        assert s.toponyms("a001") == make_toponyms()


def test_foreign_file_named_geo_sqlite_is_refused_and_left_unchanged(store_root: Path) -> None:
    store_root.mkdir()
    db = store_root / DB_NAME
    db.write_bytes(b"this is a text file, not a database\n" * 10)
    before = db.read_bytes()
    with pytest.raises(StoreError, match="not an SQLite database"):
        Store(store_root)
    assert db.read_bytes() == before
    assert sorted(p.name for p in store_root.iterdir()) == [DB_NAME]


def test_foreign_sqlite_database_is_refused_and_left_unchanged(store_root: Path) -> None:
    store_root.mkdir()
    db = store_root / DB_NAME
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.execute("INSERT INTO birds VALUES ('wren')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="not a geo-dashboard store"):
        Store(store_root)
    assert db.read_bytes() == before
    assert sorted(p.name for p in store_root.iterdir()) == [DB_NAME]


def test_sqlite_database_with_another_apps_meta_table_is_refused(store_root: Path) -> None:
    store_root.mkdir()
    conn = sqlite3.connect(store_root / DB_NAME)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('app', 'something-else')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another application"):
        Store(store_root)


def test_store_from_a_newer_schema_version_is_refused(store_root: Path) -> None:
    Store(store_root).close()
    conn = sqlite3.connect(store_root / DB_NAME)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(store_root)


def test_migration_hook_upgrades_an_older_store(store_root: Path, monkeypatch) -> None:
    with Store(store_root) as s:
        s.add(make_article(1), [], [])

    def add_tags_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE articles ADD COLUMN tags TEXT NOT NULL DEFAULT ''")

    old = STORE_SCHEMA.version
    newer = dataclasses.replace(
        STORE_SCHEMA, version=old + 1, migrations={**STORE_SCHEMA.migrations, old: add_tags_column}
    )
    monkeypatch.setattr(store_mod, "STORE_SCHEMA", newer)
    with Store(store_root) as s:
        assert s.article("a001") == make_article(1)
    conn = sqlite3.connect(store_root / DB_NAME)
    try:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    finally:
        conn.close()
    assert "tags" in cols
    assert int(version[0]) == old + 1


def test_store_location_that_is_a_file_raises_input_error(tmp_path: Path) -> None:
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    with pytest.raises(InputError, match="is a file"):
        Store(target)


# -- roles (schema version 2) ------------------------------------------------------------------


def _v1_store(store_root: Path) -> Path:
    """A store folder holding the version-1 file of tests/data/store_v1.sql."""
    store_root.mkdir(parents=True)
    conn = sqlite3.connect(store_root / DB_NAME)
    try:
        conn.executescript(STORE_V1_SQL.read_text(encoding="utf-8"))
    finally:
        conn.close()
    return store_root


def _table_info(path: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA table_info({table})").fetchall()
    finally:
        conn.close()


def _schema_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    finally:
        conn.close()
    return int(row[0])


def test_a_version_1_store_file_migrates_with_its_mentions_literal(store_root: Path) -> None:
    _v1_store(store_root)
    assert _schema_version(store_root / DB_NAME) == 1
    with Store(store_root) as s:
        tops = s.toponyms("v1article")
        assert [(t.surface, t.start, t.role) for t in tops] == [
            ("Kyiv", 12, ToponymRole.LITERAL),
            ("Kyiv", 41, ToponymRole.LITERAL),
        ]
        assert tops[0].place is not None and tops[0].place.place_id == "gn:703448"
        assert [(c.article_id, c.start, c.note) for c in s.corrections(article_id="v1article")] == [
            ("v1article", 41, "v1 note")
        ]
        assert s.revision() == 4  # 3 writes in the v1 file, then the migration
    assert _schema_version(store_root / DB_NAME) == SCHEMA_VERSION == 2


def test_a_migrated_store_has_the_same_mentions_table_as_a_new_one(tmp_path: Path) -> None:
    migrated = _v1_store(tmp_path / "old")
    Store(migrated).close()
    Store(tmp_path / "new").close()
    assert _table_info(migrated / DB_NAME, "mentions") == _table_info(
        tmp_path / "new" / DB_NAME, "mentions"
    )


def test_a_migrated_store_takes_new_roles_and_corrections(store_root: Path) -> None:
    _v1_store(store_root)
    with Store(store_root) as s:
        old = s.toponyms("v1article")
        metonymic = dataclasses.replace(old[1], role=ToponymRole.METONYMIC)
        s.replace_analysis("v1article", [old[0], metonymic], [])
        s.add_correction(Correction(surface="Kyiv", place=HAND_POINT, note="after migration"))
        assert [t.role for t in s.toponyms("v1article")] == [
            ToponymRole.LITERAL,
            ToponymRole.METONYMIC,
        ]
        assert [c.note for c in s.corrections()] == ["after migration"]


def test_every_mention_role_round_trips_through_the_store(store: Store) -> None:
    base = make_toponyms()[0]
    tops = [
        dataclasses.replace(base, start=10 * k, end=10 * k + 6, role=role)
        for k, role in enumerate(ToponymRole)
    ]
    store.add(make_article(1), tops, [])
    assert store.toponyms("a001") == tops
    assert [t.role for _, t in store.mentions()] == list(ToponymRole)


def test_a_stored_role_this_program_does_not_know_is_a_store_error(store: Store) -> None:
    store.add(make_article(1), make_toponyms()[:1], [])
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE mentions SET role = 'allegorical'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="allegorical"):
        store.toponyms("a001")


# -- writing and reading -----------------------------------------------------------------------


def test_add_round_trips_article_toponyms_and_events(store: Store) -> None:
    article = make_article(1)
    events = [make_event("a001", 1), make_event("a001", 2, place=HAND_POINT)]
    assert store.add(article, make_toponyms(), events) is True
    assert store.article("a001") == article
    assert store.toponyms("a001") == make_toponyms()
    assert store.events() == events


def test_add_of_existing_article_returns_false_and_changes_nothing(store: Store) -> None:
    store.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
    rev = store.revision()
    changed = dataclasses.replace(make_article(1), title="Other title")
    assert store.add(changed, [], [make_event("a001", 9)]) is False
    assert store.article("a001").title == "Report 1"
    assert [e.event_id for e in store.events()] == ["a001-e1"]
    assert store.revision() == rev


def test_failure_inside_add_rolls_back_everything(store: Store) -> None:
    store.add(make_article(1), [], [])

    def events():
        yield make_event("a002", 1)
        raise RuntimeError("extractor crashed")

    with pytest.raises(RuntimeError, match="extractor crashed"):
        store.add(make_article(2), make_toponyms(), events())
    assert store.article("a002") is None
    assert store.toponyms("a002") == []
    assert store.events() == []
    assert [a.article_id for a in store.articles()] == ["a001"]


def test_duplicate_event_id_raises_store_error_and_writes_nothing(store: Store) -> None:
    with pytest.raises(StoreError, match="nothing was written"):
        store.add(make_article(1), make_toponyms(), [make_event("a001", 1)] * 2)
    assert store.articles() == []
    assert store.mentions() == []


def test_event_of_another_article_raises_input_error_and_writes_nothing(store: Store) -> None:
    with pytest.raises(InputError, match="belongs to article"):
        store.add(make_article(1), [], [make_event("a999", 1)])
    assert store.articles() == []


def test_replace_analysis_swaps_mentions_and_events(store: Store) -> None:
    store.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
    fixed = [Toponym(14, 20, "Sudzha", HAND_POINT, 1.0, (), corrected=True)]
    new_events = [make_event("a001", 7, place=HAND_POINT)]
    store.replace_analysis("a001", fixed, new_events)
    assert store.toponyms("a001") == fixed
    assert store.events() == new_events


def test_replace_analysis_failure_keeps_the_old_analysis(store: Store) -> None:
    store.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
    with pytest.raises(InputError):
        store.replace_analysis("a001", [], [make_event("other", 1)])
    assert store.toponyms("a001") == make_toponyms()
    assert [e.event_id for e in store.events()] == ["a001-e1"]


def test_replace_analysis_of_unknown_article_raises_input_error(store: Store) -> None:
    with pytest.raises(InputError, match="No article"):
        store.replace_analysis("nope", [], [])


def test_articles_are_ordered_by_published_then_title_undated_last(store: Store) -> None:
    store.add(Article("x1", "Beta", "t1", dt.date(2024, 9, 1)), [], [])
    store.add(Article("x2", "Alpha", "t2", dt.date(2024, 9, 1)), [], [])
    store.add(Article("x3", "Gamma", "t3", dt.date(2024, 8, 1)), [], [])
    store.add(Article("x4", "Aardvark", "t4", None), [], [])
    assert [a.title for a in store.articles()] == ["Gamma", "Alpha", "Beta", "Aardvark"]


def test_unknown_article_is_none_and_has_no_toponyms(store: Store) -> None:
    assert store.article("missing") is None
    assert store.toponyms("missing") == []


def test_mentions_lists_every_articles_toponyms(store: Store) -> None:
    store.add(make_article(1), make_toponyms(), [])
    store.add(make_article(2), make_toponyms()[:1], [])
    got = store.mentions()
    assert [(aid, t.surface) for aid, t in got] == [
        ("a001", "Sudzha"),
        ("a001", "Donetsk Oblast"),
        ("a001", "Xyz"),
        ("a002", "Sudzha"),
    ]


def test_events_filter_uses_overlap_semantics(store: Store) -> None:
    month = make_event("a001", 1, start=dt.date(2024, 8, 1), end=dt.date(2024, 8, 31))
    day = make_event("a001", 2, start=dt.date(2024, 9, 10))
    store.add(make_article(1), [], [month, day])
    ids = lambda **kw: [e.event_id for e in store.events(**kw)]  # noqa: E731
    assert ids(start=dt.date(2024, 8, 20), end=dt.date(2024, 8, 20)) == ["a001-e1"]
    assert ids(start=dt.date(2024, 8, 31), end=dt.date(2024, 9, 10)) == ["a001-e1", "a001-e2"]
    assert ids(start=dt.date(2024, 9, 1)) == ["a001-e2"]
    assert ids(end=dt.date(2024, 7, 31)) == []
    assert ids(start=dt.date(2024, 9, 11)) == []


def test_events_filter_by_type(store: Store) -> None:
    store.add(
        make_article(1),
        [],
        [
            make_event("a001", 1, event_type=EventType.EVACUATION),
            make_event("a001", 2, event_type=EventType.ATTACK),
            make_event("a001", 3, event_type=EventType.DISPLACEMENT),
        ],
    )
    got = store.events(types=[EventType.EVACUATION, "displacement"])
    assert [e.event_id for e in got] == ["a001-e1", "a001-e3"]


def test_events_with_unknown_type_raise_input_error(store: Store) -> None:
    with pytest.raises(InputError, match="evacuation"):
        store.events(types=["picnic"])


def test_events_with_start_after_end_raise_input_error(store: Store) -> None:
    with pytest.raises(InputError, match="after end"):
        store.events(start=dt.date(2024, 9, 2), end=dt.date(2024, 9, 1))


def test_span_covers_all_events_and_is_none_when_empty(store: Store) -> None:
    assert store.span() is None
    store.add(
        make_article(1),
        [],
        [
            make_event("a001", 1, start=dt.date(2024, 8, 1), end=dt.date(2024, 8, 31)),
            make_event("a001", 2, start=dt.date(2024, 3, 2)),
        ],
    )
    assert store.span() == (dt.date(2024, 3, 2), dt.date(2024, 8, 31))


def test_delete_article_removes_its_mentions_events_and_mention_corrections(store: Store) -> None:
    store.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
    store.add(make_article(2), make_toponyms(), [make_event("a002", 1)])
    store.add_correction(Correction("Sudzha", HAND_POINT, article_id="a001", start=14))
    store.add_correction(Correction("Sudzha", SUDZHA))
    assert store.delete_article("a001") is True
    assert store.article("a001") is None
    assert [aid for aid, _ in store.mentions()] == ["a002"] * 3
    assert [e.article_id for e in store.events()] == ["a002"]
    assert [c.article_id for c in store.corrections(article_id="a001")] == [None]
    assert store.delete_article("a001") is False


def test_revision_grows_on_every_write_and_is_seen_by_other_connections(
    store_root: Path,
) -> None:
    with Store(store_root) as writer, Store(store_root) as reader:
        seen = [reader.revision()]
        writer.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
        seen.append(reader.revision())
        writer.replace_analysis("a001", [], [])
        seen.append(reader.revision())
        writer.add_correction(Correction("Sudzha", SUDZHA))
        seen.append(reader.revision())
        writer.delete_article("a001")
        seen.append(reader.revision())
        assert seen == sorted(set(seen))
        before = reader.revision()
        reader.articles()
        reader.events()
        assert writer.revision() == before


# -- corrections -------------------------------------------------------------------------------


def test_corrections_return_global_ones_plus_the_articles_own(store: Store) -> None:
    store.add(make_article(1), make_toponyms(), [])
    store.add(make_article(2), make_toponyms(), [])
    created = dt.datetime(2024, 9, 6, 12, 30, tzinfo=dt.UTC)
    everywhere = Correction("SUDZHA ", SUDZHA, note="always the Kursk one", created=created)
    one = Correction("Sudzha", HAND_POINT, article_id="a001", start=14, created=created)
    other = Correction("Sudzha", DONETSK_OBLAST, article_id="a002", start=14, created=created)
    for c in (everywhere, one, other):
        store.add_correction(c)
    assert store.corrections() == [everywhere]
    assert store.corrections(article_id="a001") == [everywhere, one]
    assert store.corrections(article_id="a002") == [everywhere, other]


def test_surface_correction_is_stored_with_case_insensitive_key(store: Store) -> None:
    store.add_correction(Correction("  Sudzha\u00a0Town ", SUDZHA))
    conn = sqlite3.connect(store.path)
    try:
        (norm,) = conn.execute("SELECT surface_norm FROM corrections").fetchone()
    finally:
        conn.close()
    assert norm == normalize_surface("SUDZHA TOWN") == "sudzha town"


def test_correction_with_only_article_id_raises_input_error(store: Store) -> None:
    store.add(make_article(1), [], [])
    with pytest.raises(InputError, match="both article_id and start"):
        store.add_correction(Correction("Sudzha", SUDZHA, article_id="a001"))
    assert store.corrections(article_id="a001") == []


def test_correction_for_unknown_article_raises_input_error(store: Store) -> None:
    with pytest.raises(InputError, match="No article"):
        store.add_correction(Correction("Sudzha", SUDZHA, article_id="zzz", start=3))


# -- crashes and concurrency -------------------------------------------------------------------

_CRASHING_INGEST = """
import datetime as dt, os, sys
sys.path.insert(0, {root!r})
sys.path.insert(0, {tests!r})
from test_store import make_article, make_event, make_toponyms
from geo.store.sqlite import Store

marker = {marker!r}

def events():
    yield make_event("a002", 1)
    yield make_event("a002", 2)
    open(marker, "w").close()  # proof that the rows above went into the open transaction
    os._exit(1)

store = Store({root_store!r})
store.add(make_article(2), make_toponyms(), events())
"""


def test_process_killed_mid_ingest_leaves_no_part_of_that_article(
    store_root: Path, tmp_path: Path
) -> None:
    with Store(store_root) as s:
        s.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
    marker = tmp_path / "inside-transaction"
    code = _CRASHING_INGEST.format(
        root=str(ROOT),
        tests=str(ROOT / "tests" / "store"),
        marker=str(marker),
        root_store=str(store_root),
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert proc.returncode == 1, proc.stderr.decode()
    assert marker.exists()

    with Store(store_root) as s:
        assert [a.article_id for a in s.articles()] == ["a001"]
        assert s.toponyms("a001") == make_toponyms()
        assert [e.event_id for e in s.events()] == ["a001-e1"]
        assert s.article("a002") is None
        assert s.toponyms("a002") == []
        assert all(aid == "a001" for aid, _ in s.mentions())
        # and the store is writable again: the half-done article can be ingested afresh
        assert s.add(make_article(2), make_toponyms(), [make_event("a002", 1)]) is True


def test_second_connection_reads_committed_data_while_a_write_is_open(store_root: Path) -> None:
    with Store(store_root) as writer, Store(store_root) as reader:
        writer.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
        seen: dict[str, object] = {}

        def events():
            yield make_event("a002", 1)
            # The writer now holds an open transaction with uncommitted rows.
            result: dict[str, object] = {}

            def read() -> None:
                result["articles"] = [a.article_id for a in reader.articles()]
                result["events"] = [e.event_id for e in reader.events()]

            t = threading.Thread(target=read)
            t.start()
            t.join(timeout=10)
            seen["finished"] = not t.is_alive()
            seen.update(result)
            yield make_event("a002", 2)

        assert writer.add(make_article(2), [], events()) is True
        assert seen == {"finished": True, "articles": ["a001"], "events": ["a001-e1"]}
        assert [a.article_id for a in reader.articles()] == ["a001", "a002"]


def test_one_store_object_is_usable_from_several_threads(store: Store) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            store.add(make_article(n), make_toponyms(), [make_event(f"a{n:03d}", 1)])
            store.events()
        except BaseException as exc:  # noqa: BLE001 - surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(store.articles()) == 8
    assert len(store.events()) == 8


def test_article_count_counts_without_reading_texts(tmp_path):
    from geo.records import Article

    with Store(tmp_path / "s") as store:
        assert store.article_count() == 0
        store.add(Article("a1", "One", "text one"), [], [])
        store.add(Article("a2", "Two", "text two"), [], [])
        assert store.article_count() == 2 == len(store.articles())


def test_articles_without_text_keep_the_metadata(tmp_path):
    from geo.records import Article

    with Store(tmp_path / "s") as store:
        store.add(
            Article("a1", "One", "a long text", dt.date(2024, 9, 5), url="https://x.test/1"), [], []
        )
        (light,) = store.articles(with_text=False)
        (full,) = store.articles()
        assert light.text == "" and full.text == "a long text"
        assert (light.title, light.published, light.url) == (full.title, full.published, full.url)
