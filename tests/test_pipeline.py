"""The pipeline: ingest into a store once, all or nothing, with corrections re-applied."""

from __future__ import annotations

import datetime as dt

from geo.pipeline import ingest_paths, process, reprocess
from geo.records import Correction, EventType, Place, PlaceKind
from geo.store.sqlite import Store


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ingesting_the_same_article_twice_adds_nothing(tmp_path, gazetteer):
    doc = _write(tmp_path, "a.txt", "Evacuations continued from Pokrovsk on Monday.")
    with Store(tmp_path / "store") as store:
        first = ingest_paths([doc], store, published=dt.date(2024, 9, 5), gazetteer=gazetteer)
        rev = store.revision()
        again = ingest_paths([doc], store, published=dt.date(2024, 9, 5), gazetteer=gazetteer)
        assert [r.status for r in first] == ["added"] and [r.status for r in again] == ["present"]
        assert store.revision() == rev and len(store.articles()) == 1


def test_bad_files_are_reported_and_do_not_stop_the_others(tmp_path, gazetteer):
    good = _write(tmp_path, "good.md", "Shelling hit Kharkiv on Monday.")
    empty = _write(tmp_path, "empty.txt", "   ")
    with Store(tmp_path / "store") as store:
        results = ingest_paths(
            [empty, tmp_path / "missing.txt", good],
            store,
            published=dt.date(2024, 9, 5),
            gazetteer=gazetteer,
        )
        assert [r.status for r in results] == ["error", "error", "added"]
        assert "empty" in results[0].message
        assert len(store.articles()) == 1


def test_folder_ingest_picks_up_supported_files(tmp_path, gazetteer):
    _write(tmp_path, "one.txt", "Drones struck Odesa overnight.")
    _write(tmp_path, "two.md", "---\ntitle: Two\npublished: 2024-05-01\n---\nTalks in Istanbul.")
    _write(tmp_path, "skip.csv", "a,b")
    with Store(tmp_path / "store") as store:
        results = ingest_paths(
            [tmp_path], store, published=dt.date(2024, 9, 5), gazetteer=gazetteer
        )
        assert sorted(r.path.rsplit("/", 1)[-1] for r in results) == ["one.txt", "two.md"]


def test_surface_correction_is_reapplied_to_stored_and_later_articles(tmp_path, gazetteer):
    doc = _write(
        tmp_path, "a.txt", "Ukrainian officials ordered the evacuation of Pokrovsk on Monday."
    )
    point = Place(
        "pt:48.3,37.2",
        "Pokrovsk (checked)",
        48.3,
        37.2,
        PlaceKind.POINT,
        country_code="UA",
        source="manual",
    )
    with Store(tmp_path / "store") as store:
        ingest_paths([doc], store, published=dt.date(2024, 9, 5), gazetteer=gazetteer)
        store.add_correction(Correction(surface="Pokrovsk", place=point))
        reprocess(store, gazetteer=gazetteer)
        (aid,) = [a.article_id for a in store.articles()]
        assert {t.place.place_id for t in store.toponyms(aid) if t.surface == "Pokrovsk"} == {
            point.place_id
        }
        evac = [e for e in store.events() if e.event_type is EventType.EVACUATION]
        assert evac and evac[0].place == point
        later = _write(tmp_path, "b.txt", "A second train left Pokrovsk on Tuesday.")
        ingest_paths([later], store, published=dt.date(2024, 9, 5), gazetteer=gazetteer)
        assert all(
            t.place == point
            for a in store.articles()
            for t in store.toponyms(a.article_id)
            if t.surface == "Pokrovsk"
        )


def test_process_is_pure_and_repeatable(seed_text, gazetteer):
    from geo.text.articles import article_from_text

    article = article_from_text(seed_text)
    assert process(article, gazetteer=gazetteer) == process(article, gazetteer=gazetteer)


def test_a_surface_correction_reanalyses_only_articles_that_mention_it(tmp_path, gazetteer):
    from geo.pipeline import apply_correction

    point = Place(
        "pt:48.3,37.2", "Pokrovsk (checked)", 48.3, 37.2, PlaceKind.POINT, source="manual"
    )
    docs = [
        _write(tmp_path, "a.txt", "Shelling hit Pokrovsk on Monday."),
        _write(tmp_path, "b.txt", "Drones struck Odesa on Monday."),
    ]
    with Store(tmp_path / "store") as store:
        ingest_paths(docs, store, published=dt.date(2024, 9, 5), gazetteer=gazetteer)
        touched = apply_correction(
            store, Correction(surface="pokrovsk", place=point), gazetteer=gazetteer
        )
        assert touched == 1
        assert [e.place for e in store.events() if e.surface == "Pokrovsk"] == [point]
