"""The store contract: every test runs on both backends, SQLite and PostGIS.

``store_location`` (tests/conftest.py) is a folder, then a ``postgresql://`` URL on a fresh
schema; the PostGIS run skips without ``$GEO_TEST_POSTGRES_URL`` and fails without it in CI.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from geo.errors import InputError, StoreError
from geo.records import Article, Correction, EventStatus, EventType, Toponym, ToponymRole
from geo.store.base import ArticleStore, open_store
from tests.store.samples import (
    DONETSK_OBLAST,
    HAND_POINT,
    SUDZHA,
    make_article,
    make_event,
    make_toponyms,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def store(store_location: str):
    with open_store(store_location) as s:
        yield s


def test_store_reopens_with_data_intact(store_location: str) -> None:
    with open_store(store_location) as s:
        s.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
    with open_store(store_location) as s:
        assert [a.article_id for a in s.articles()] == ["a001"]
        assert s.toponyms("a001") == make_toponyms()


def test_every_toponym_role_round_trips(store) -> None:
    base = make_toponyms()[0]
    tops = [
        dataclasses.replace(base, start=10 * k, end=10 * k + 6, role=role)
        for k, role in enumerate(ToponymRole)
    ]
    store.add(make_article(7), tops, [])
    assert [t.role for t in store.toponyms("a007")] == list(ToponymRole)


def test_add_round_trips_article_toponyms_and_events(store) -> None:
    article = make_article(1)
    events = [make_event("a001", 1), make_event("a001", 2, place=HAND_POINT)]
    assert store.add(article, make_toponyms(), events) is True
    assert store.article("a001") == article
    assert store.toponyms("a001") == make_toponyms()
    assert store.events() == events


def test_event_status_claimant_casualties_and_acled_labels_round_trip(store) -> None:
    base = make_event("a001", 1, event_type=EventType.ATTACK)
    events = [
        dataclasses.replace(
            base,
            event_id=f"a001-s{k}",
            status=status,
            claimed_by="Ukraine’s General Staff" if status is EventStatus.CLAIMED else "",
            killed=k,  # 0 killed is a figure, not a missing one
            injured=None if k else 5,
            figures_text="killing a 70-year-old man and injuring five" if k else "",
            acled_event_type="Explosions/Remote violence",
            acled_sub_event_type="Shelling/artillery/missile attack",
        )
        for k, status in enumerate(EventStatus)
    ]
    store.add(make_article(1), [], [*events, base])
    got = store.events()
    assert got == [*events, base]
    assert [e.killed for e in got] == [0, 1, 2, None]
    assert got[-1].status is EventStatus.HAPPENED and got[-1].acled_event_type == ""


def test_add_of_existing_article_returns_false_and_changes_nothing(store) -> None:
    store.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
    rev = store.revision()
    changed = dataclasses.replace(make_article(1), title="Other title")
    assert store.add(changed, [], [make_event("a001", 9)]) is False
    assert store.article("a001").title == "Report 1"
    assert [e.event_id for e in store.events()] == ["a001-e1"]
    assert store.revision() == rev


def test_failure_inside_add_rolls_back_everything(store) -> None:
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


def test_duplicate_event_id_raises_store_error_and_writes_nothing(store) -> None:
    with pytest.raises(StoreError, match="nothing was written"):
        store.add(make_article(1), make_toponyms(), [make_event("a001", 1)] * 2)
    assert store.articles() == []
    assert store.mentions() == []


def test_event_of_another_article_raises_input_error_and_writes_nothing(store) -> None:
    with pytest.raises(InputError, match="belongs to article"):
        store.add(make_article(1), [], [make_event("a999", 1)])
    assert store.articles() == []


def test_add_batch_stores_each_article_as_add_does(store) -> None:
    store.add(make_article(2), make_toponyms(), [])
    before = store.revision()
    added = store.add_batch(
        [
            (make_article(1), make_toponyms(), [make_event("a001", 1)]),
            (make_article(2), make_toponyms(), []),  # already stored
            (make_article(3), (), [make_event("a003", 1), make_event("a003", 2)]),
        ]
    )
    assert added == [True, False, True]
    assert [a.article_id for a in store.articles()] == ["a001", "a002", "a003"]
    assert store.toponyms("a001") == make_toponyms()
    assert [e.event_id for e in store.events()] == ["a001-e1", "a003-e1", "a003-e2"]
    assert store.revision() > before


def test_add_batch_error_keeps_the_articles_before_it_and_none_of_its_own(store) -> None:
    with pytest.raises(InputError):
        store.add_batch(
            [
                (make_article(1), make_toponyms(), [make_event("a001", 1)]),
                (make_article(2), make_toponyms(), [make_event("a002", 1), make_event("a009", 1)]),
                (make_article(3), make_toponyms(), []),
            ]
        )
    assert [a.article_id for a in store.articles()] == ["a001"]
    assert store.toponyms("a002") == []
    assert [e.event_id for e in store.events()] == ["a001-e1"]


def test_replace_analysis_swaps_mentions_and_events(store) -> None:
    store.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
    fixed = [Toponym(14, 20, "Sudzha", HAND_POINT, 1.0, (), corrected=True)]
    new_events = [make_event("a001", 7, place=HAND_POINT)]
    store.replace_analysis("a001", fixed, new_events)
    assert store.toponyms("a001") == fixed
    assert store.events() == new_events


def test_replace_analysis_failure_keeps_the_old_analysis(store) -> None:
    store.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
    with pytest.raises(InputError):
        store.replace_analysis("a001", [], [make_event("other", 1)])
    assert store.toponyms("a001") == make_toponyms()
    assert [e.event_id for e in store.events()] == ["a001-e1"]


def test_replace_analysis_of_unknown_article_raises_input_error(store) -> None:
    with pytest.raises(InputError, match="No article"):
        store.replace_analysis("nope", [], [])


def test_articles_are_ordered_by_published_then_title_undated_last(store) -> None:
    store.add(Article("x1", "Beta", "t1", dt.date(2024, 9, 1)), [], [])
    store.add(Article("x2", "Alpha", "t2", dt.date(2024, 9, 1)), [], [])
    store.add(Article("x3", "Gamma", "t3", dt.date(2024, 8, 1)), [], [])
    store.add(Article("x4", "Aardvark", "t4", None), [], [])
    assert [a.title for a in store.articles()] == ["Gamma", "Alpha", "Beta", "Aardvark"]


def test_unknown_article_is_none_and_has_no_toponyms(store) -> None:
    assert store.article("missing") is None
    assert store.toponyms("missing") == []


def test_mentions_lists_every_articles_toponyms(store) -> None:
    store.add(make_article(1), make_toponyms(), [])
    store.add(make_article(2), make_toponyms()[:1], [])
    got = store.mentions()
    assert [(aid, t.surface) for aid, t in got] == [
        ("a001", "Sudzha"),
        ("a001", "Donetsk Oblast"),
        ("a001", "Xyz"),
        ("a002", "Sudzha"),
    ]


def test_events_filter_uses_overlap_semantics(store) -> None:
    month = make_event("a001", 1, start=dt.date(2024, 8, 1), end=dt.date(2024, 8, 31))
    day = make_event("a001", 2, start=dt.date(2024, 9, 10))
    store.add(make_article(1), [], [month, day])
    ids = lambda **kw: [e.event_id for e in store.events(**kw)]  # noqa: E731
    assert ids(start=dt.date(2024, 8, 20), end=dt.date(2024, 8, 20)) == ["a001-e1"]
    assert ids(start=dt.date(2024, 8, 31), end=dt.date(2024, 9, 10)) == ["a001-e1", "a001-e2"]
    assert ids(start=dt.date(2024, 9, 1)) == ["a001-e2"]
    assert ids(end=dt.date(2024, 7, 31)) == []
    assert ids(start=dt.date(2024, 9, 11)) == []


def test_events_filter_by_type(store) -> None:
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


def test_events_with_unknown_type_raise_input_error(store) -> None:
    with pytest.raises(InputError, match="evacuation"):
        store.events(types=["picnic"])


def test_events_with_start_after_end_raise_input_error(store) -> None:
    with pytest.raises(InputError, match="after end"):
        store.events(start=dt.date(2024, 9, 2), end=dt.date(2024, 9, 1))


def test_span_covers_all_events_and_is_none_when_empty(store) -> None:
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


def test_delete_article_removes_its_mentions_events_and_mention_corrections(store) -> None:
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
    store_location: str,
) -> None:
    with open_store(store_location) as writer, open_store(store_location) as reader:
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


# -- corrections --------------------------------------------------------------------------------


def test_corrections_return_global_ones_plus_the_articles_own(store) -> None:
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


def test_correction_with_only_article_id_raises_input_error(store) -> None:
    store.add(make_article(1), [], [])
    with pytest.raises(InputError, match="both article_id and start"):
        store.add_correction(Correction("Sudzha", SUDZHA, article_id="a001"))
    assert store.corrections(article_id="a001") == []


def test_correction_for_unknown_article_raises_input_error(store) -> None:
    with pytest.raises(InputError, match="No article"):
        store.add_correction(Correction("Sudzha", SUDZHA, article_id="zzz", start=3))


# -- crashes and concurrency ------------------------------------------------------------

_CRASHING_INGEST = """
import datetime as dt, os, sys
sys.path.insert(0, {root!r})
sys.path.insert(0, {tests!r})
from samples import make_article, make_event, make_toponyms
from geo.store.base import open_store

marker = {marker!r}

def events():
    yield make_event("a002", 1)
    yield make_event("a002", 2)
    open(marker, "w").close()  # proof that the rows above went into the open transaction
    os._exit(1)

store = open_store({location!r})
store.add(make_article(2), make_toponyms(), events())
"""


_CRASHING_BATCH = """
import os, sys
sys.path.insert(0, {root!r})
sys.path.insert(0, {tests!r})
from samples import make_article, make_event, make_toponyms
from geo.store.base import open_store

marker = {marker!r}

def items():
    yield make_article(2), make_toponyms(), [make_event("a002", 1)]
    yield make_article(3), make_toponyms(), [make_event("a003", 1)]
    open(marker, "w").close()  # proof that the articles above were written, not committed
    os._exit(1)

store = open_store({location!r})
store.add_batch(items())
"""


def test_process_killed_mid_batch_leaves_no_part_of_the_batch(
    store_location: str, tmp_path: Path
) -> None:
    with open_store(store_location) as s:
        s.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
    marker = tmp_path / "inside-batch"
    code = _CRASHING_BATCH.format(
        root=str(ROOT),
        tests=str(ROOT / "tests" / "store"),
        marker=str(marker),
        location=store_location,
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert proc.returncode == 1, proc.stderr.decode()
    assert marker.exists()
    with open_store(store_location) as s:
        assert [a.article_id for a in s.articles()] == ["a001"]
        assert all(aid == "a001" for aid, _ in s.mentions())
        assert [e.event_id for e in s.events()] == ["a001-e1"]
        assert s.add_batch([(make_article(2), make_toponyms(), [])]) == [True]


def test_process_killed_mid_ingest_leaves_no_part_of_that_article(
    store_location: str, tmp_path: Path
) -> None:
    with open_store(store_location) as s:
        s.add(make_article(1), make_toponyms(), [make_event("a001", 1)])
    marker = tmp_path / "inside-transaction"
    code = _CRASHING_INGEST.format(
        root=str(ROOT),
        tests=str(ROOT / "tests" / "store"),
        marker=str(marker),
        location=store_location,
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert proc.returncode == 1, proc.stderr.decode()
    assert marker.exists()

    with open_store(store_location) as s:
        assert [a.article_id for a in s.articles()] == ["a001"]
        assert s.toponyms("a001") == make_toponyms()
        assert [e.event_id for e in s.events()] == ["a001-e1"]
        assert s.article("a002") is None
        assert s.toponyms("a002") == []
        assert all(aid == "a001" for aid, _ in s.mentions())
        # and the store is writable again: the half-done article can be ingested afresh
        assert s.add(make_article(2), make_toponyms(), [make_event("a002", 1)]) is True


def test_second_connection_reads_committed_data_while_a_write_is_open(
    store_location: str,
) -> None:
    with open_store(store_location) as writer, open_store(store_location) as reader:
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


def test_one_store_object_is_usable_from_several_threads(store) -> None:
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


def test_article_count_counts_without_reading_texts(store) -> None:
    assert store.article_count() == 0
    store.add(Article("a1", "One", "text one"), [], [])
    store.add(Article("a2", "Two", "text two"), [], [])
    assert store.article_count() == 2 == len(store.articles())


def test_articles_without_text_keep_the_metadata(store) -> None:
    article = Article("a1", "One", "a long text", dt.date(2024, 9, 5), url="https://x.test/1")
    store.add(article, [], [])
    (light,) = store.articles(with_text=False)
    (full,) = store.articles()
    assert light.text == "" and full.text == "a long text"
    assert (light.title, light.published, light.url) == (full.title, full.published, full.url)


def test_the_store_satisfies_the_store_interface(store) -> None:
    assert isinstance(store, ArticleStore)
    assert isinstance(store.location, str) and store.location


def test_events_frame_matches_events_with_overlap_semantics_in_sql(store) -> None:
    from geo.store.frames import EVENT_DETAIL_COLUMNS, EVENT_FRAME_COLUMNS, day_number

    month = make_event("a001", 1, start=dt.date(2024, 8, 1), end=dt.date(2024, 8, 31))
    day = make_event("a001", 2, start=dt.date(2024, 9, 10), place=HAND_POINT)
    store.add(make_article(1), [], [month, day])
    frame = store.events_frame()
    assert list(frame.columns) == list(EVENT_FRAME_COLUMNS)
    assert frame["event_id"].tolist() == [e.event_id for e in store.events()]
    assert frame["day_start"].tolist() == [day_number(month.date_start), day_number(day.date_start)]
    assert frame["day_end"].tolist() == [day_number(month.date_end), day_number(day.date_end)]
    assert frame["lat"].tolist() == pytest.approx([SUDZHA.lat, HAND_POINT.lat])
    assert frame["lon"].tolist() == pytest.approx([SUDZHA.lon, HAND_POINT.lon])
    assert frame["people"].tolist() == [101, 102]
    for kw in (
        {"start": dt.date(2024, 8, 20), "end": dt.date(2024, 8, 20)},
        {"start": dt.date(2024, 8, 31), "end": dt.date(2024, 9, 10)},
        {"start": dt.date(2024, 9, 11)},
        {"end": dt.date(2024, 7, 31)},
    ):
        got = store.events_frame(**kw)["event_id"].tolist()
        assert got == [e.event_id for e in store.events(**kw)], kw
    detailed = store.events_frame(details=True)
    assert list(detailed.columns) == list(EVENT_FRAME_COLUMNS | EVENT_DETAIL_COLUMNS)
    row = detailed.iloc[0]
    assert (row["location"], row["source"], row["quote"]) == (
        SUDZHA.name,
        "Report 1",
        month.quote,
    )
    assert row["url"] == "https://example.invalid/1"
    with pytest.raises(InputError):
        store.events_frame(start=dt.date(2024, 9, 2), end=dt.date(2024, 9, 1))


def test_encoded_rows_pickle_and_store_what_add_stores(store, store_location) -> None:
    import pickle

    events = [make_event("a001", 1), make_event("a001", 2, place=HAND_POINT)]
    rows = type(store).encode(make_article(1), make_toponyms(), events)
    sent = pickle.loads(pickle.dumps(rows))  # as a worker sends them
    assert sent == rows
    assert (sent.article_id, sent.title, len(sent.mentions), len(sent.events)) == (
        "a001",
        "Report 1",
        len(make_toponyms()),
        2,
    )
    assert store.add_encoded_batch([sent, sent]) == [True, False]
    assert store.articles() == [make_article(1)]
    assert store.toponyms("a001") == make_toponyms()
    assert store.events() == events


def test_encoding_refuses_an_event_of_another_article(store) -> None:
    with pytest.raises(InputError, match="belongs to article"):
        type(store).encode(make_article(1), [], [make_event("a002", 1)])


def test_an_encoded_batch_keeps_the_articles_before_a_refused_one(store) -> None:
    def items():
        yield type(store).encode(make_article(1), make_toponyms(), [make_event("a001", 1)])
        raise InputError("the next article could not be encoded")

    with pytest.raises(InputError, match="could not be encoded"):
        store.add_encoded_batch(items())
    assert [a.article_id for a in store.articles()] == ["a001"]
    assert store.events() == [make_event("a001", 1)]


def test_frames_read_in_chunks_are_the_whole_frames_cut_in_order(store) -> None:
    import pandas as pd

    for k in range(1, 4):
        events = [make_event(f"a{k:03d}", j, start=dt.date(2024, 8, 10 - j)) for j in (1, 2)]
        store.add(make_article(k), make_toponyms(), events)
    whole = store.events_frame(details=True)
    parts = list(store.events_frame_chunks(details=True, rows=4))
    assert [len(p) for p in parts] == [4, 2]
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), whole)
    mentions = list(store.mentions_frame_chunks(rows=5))
    assert [len(p) for p in mentions] == [5, 1]
    pd.testing.assert_frame_equal(pd.concat(mentions, ignore_index=True), store.mentions_frame())
    with pytest.raises(InputError):
        next(store.events_frame_chunks(rows=0))


def test_mentions_frame_has_each_resolved_mention_with_its_place(store) -> None:
    from geo.store.frames import MENTION_FRAME_COLUMNS, day_number

    store.add(make_article(1), make_toponyms(), [])
    store.add(make_article(2, published=None), make_toponyms()[:1], [])
    frame = store.mentions_frame()
    assert list(frame.columns) == list(MENTION_FRAME_COLUMNS)
    assert list(zip(frame["article_id"], frame["surface"], strict=True)) == [
        ("a001", "Sudzha"),
        ("a001", "Donetsk Oblast"),
        ("a002", "Sudzha"),
    ]
    first = frame.iloc[0]
    assert (first["name"], first["admin1_code"], first["country_code"]) == (
        SUDZHA.name,
        SUDZHA.admin1_code,
        SUDZHA.country_code,
    )
    assert first["lat"] == pytest.approx(SUDZHA.lat)
    assert first["published_day"] == day_number(dt.date(2024, 9, 5))
    assert frame["published_day"].isna().tolist() == [False, False, True]
