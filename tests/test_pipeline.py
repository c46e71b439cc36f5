"""The pipeline: ingest into a store once, all or nothing, with corrections re-applied."""

from __future__ import annotations

import datetime as dt

from geo.pipeline import IngestStatus, Pasted, Upload, ingest, process, reprocess
from geo.records import Correction, EventType, Place, PlaceKind
from geo.store.base import open_store
from geo.store.sqlite import Store


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ingesting_the_same_article_twice_adds_nothing(tmp_path, store_location, gazetteer):
    doc = _write(tmp_path, "a.txt", "Evacuations continued from Pokrovsk on Monday.")
    with open_store(store_location) as store:
        first = ingest([doc], store=store, published=dt.date(2024, 9, 5), gazetteer=gazetteer)
        rev = store.revision()
        again = ingest([doc], store=store, published=dt.date(2024, 9, 5), gazetteer=gazetteer)
        assert [r.status for r in first] == ["added"] and [r.status for r in again] == ["present"]
        assert store.revision() == rev and len(store.articles()) == 1


def test_bad_files_are_reported_and_do_not_stop_the_others(tmp_path, gazetteer):
    good = _write(tmp_path, "good.md", "Shelling hit Kharkiv on Monday.")
    empty = _write(tmp_path, "empty.txt", "   ")
    with Store(tmp_path / "store") as store:
        results = ingest(
            [empty, tmp_path / "missing.txt", good],
            store=store,
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
        results = ingest(
            [tmp_path], store=store, published=dt.date(2024, 9, 5), gazetteer=gazetteer
        )
        assert sorted(r.source.rsplit("/", 1)[-1] for r in results) == ["one.txt", "two.md"]


def test_surface_correction_is_reapplied_to_stored_and_later_articles(
    tmp_path, store_location, gazetteer
):
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
    with open_store(store_location) as store:
        ingest([doc], store=store, published=dt.date(2024, 9, 5), gazetteer=gazetteer)
        store.add_correction(Correction(surface="Pokrovsk", place=point))
        reprocess(store, gazetteer=gazetteer)
        (aid,) = [a.article_id for a in store.articles()]
        assert {t.place.place_id for t in store.toponyms(aid) if t.surface == "Pokrovsk"} == {
            point.place_id
        }
        evac = [e for e in store.events() if e.event_type is EventType.EVACUATION]
        assert evac and evac[0].place == point
        later = _write(tmp_path, "b.txt", "A second train left Pokrovsk on Tuesday.")
        ingest([later], store=store, published=dt.date(2024, 9, 5), gazetteer=gazetteer)
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


def test_a_surface_correction_reanalyses_only_articles_that_mention_it(
    tmp_path, store_location, gazetteer
):
    from geo.pipeline import apply_correction

    point = Place(
        "pt:48.3,37.2", "Pokrovsk (checked)", 48.3, 37.2, PlaceKind.POINT, source="manual"
    )
    docs = [
        _write(tmp_path, "a.txt", "Shelling hit Pokrovsk on Monday."),
        _write(tmp_path, "b.txt", "Drones struck Odesa on Monday."),
    ]
    with open_store(store_location) as store:
        ingest(docs, store=store, published=dt.date(2024, 9, 5), gazetteer=gazetteer)
        touched = apply_correction(
            store, Correction(surface="pokrovsk", place=point), gazetteer=gazetteer
        )
        assert touched == 1
        assert [e.place for e in store.events() if e.surface == "Pokrovsk"] == [point]


# --- the one ingest door: paths, uploads and pasted text alike --------------------------------


def test_ingest_reads_a_path_an_upload_and_pasted_text_in_one_call(tmp_path, gazetteer):
    doc = _write(tmp_path, "a.txt", "Shelling hit Kharkiv on Monday.")
    upload = Upload("report.md", b"Drones struck *Odesa* overnight.")
    pasted = Pasted("Evacuations continued from Pokrovsk on Monday.", title="Pasted one")
    with Store(tmp_path / "store") as store:
        report = ingest(
            [doc, upload, pasted], store=store, published=dt.date(2024, 9, 5), gazetteer=gazetteer
        )
        assert [r.status for r in report] == [IngestStatus.ADDED] * 3
        assert [r.source for r in report] == [str(doc), "report.md", "pasted text"]
        assert (report.added, report.present, report.refused) == (3, 0, 0)
        titles = {a.title: a for a in store.articles()}
        # An upload without a title is titled by its file name; its .md markup is stripped.
        assert set(titles) == {"Shelling hit Kharkiv on Monday.", "report", "Pasted one"}
        assert "*" not in store.article(report[1].article_id).text
        assert all(r.published == dt.date(2024, 9, 5) for r in report)
        assert report[2].places >= 1 and report[2].events >= 1


def test_a_refused_item_does_not_stop_the_others_and_changes_nothing(tmp_path, gazetteer):
    binary = Upload("scan.txt", b"\x00\x01\x02binary")
    with Store(tmp_path / "store") as store:
        ingest([Pasted("Talks in Istanbul.")], store=store, gazetteer=gazetteer)
        rev, before = store.revision(), store.articles()
        report = ingest(
            [binary, Pasted("   "), tmp_path / "missing.txt"], store=store, gazetteer=gazetteer
        )
        assert [r.status for r in report] == [IngestStatus.ERROR] * 3
        assert "Cannot decode scan.txt" in report[0].message
        assert report[1].message == "Nothing to add: paste article text or upload a file."
        assert "missing.txt" in report[2].message
        assert store.revision() == rev and store.articles() == before

        mixed = ingest([binary, Pasted("Drones struck Sumy on Monday.")], store=store)
        assert [r.status for r in mixed] == [IngestStatus.ERROR, IngestStatus.ADDED]
        assert len(store.articles()) == len(before) + 1


def test_pasted_text_already_stored_is_reported_present_with_its_title(tmp_path, gazetteer):
    text = "Evacuations continued from Pokrovsk on Monday."
    with Store(tmp_path / "store") as store:
        ingest([Pasted(text, title="First")], store=store, gazetteer=gazetteer)
        rev = store.revision()
        (again,) = ingest([Upload("same.txt", text.encode())], store=store, gazetteer=gazetteer)
        assert again.status is IngestStatus.PRESENT and again.title == "same"
        assert store.revision() == rev


def test_progress_is_reported_after_each_item(tmp_path, gazetteer):
    seen = []
    with Store(tmp_path / "store") as store:
        ingest(
            [Pasted("Talks in Istanbul."), Upload("b.txt", b"Drones struck Odesa.")],
            store=store,
            published=dt.date(2024, 9, 5),
            gazetteer=gazetteer,
            progress=lambda done, total, source: seen.append((done, total, source)),
        )
    assert seen == [(1, 2, "pasted text"), (2, 2, "b.txt")]


def test_roles_are_stored_and_survive_a_correction(tmp_path, gazetteer):
    from geo.pipeline import apply_correction
    from geo.records import ToponymRole

    doc = _write(
        tmp_path,
        "a.txt",
        "Russian forces shelled Pokrovsk on Monday, Kyiv said. The Kyiv Post wrote.",
    )
    point = Place("pt:50.4,30.5", "Kyiv (checked)", 50.4, 30.5, PlaceKind.POINT, source="manual")
    with Store(tmp_path / "store") as store:
        ingest([doc], store=store, published=dt.date(2024, 9, 5), gazetteer=gazetteer)
        (aid,) = [a.article_id for a in store.articles()]
        before = [(t.surface, t.role) for t in store.toponyms(aid)]
        assert ("Russian", ToponymRole.ADJECTIVAL) in before
        assert ("Kyiv", ToponymRole.METONYMIC) in before
        apply_correction(store, Correction(surface="Kyiv", place=point), gazetteer=gazetteer)
        after = store.toponyms(aid)
    assert [(t.surface, t.role) for t in after] == before
    assert all(t.place == point and t.corrected for t in after if t.surface == "Kyiv")
