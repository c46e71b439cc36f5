"""Ingest of article and feed URLs, only ever from the test's own server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import socket

import pytest

from geo.pipeline import IngestStatus, Pasted, Upload, Url, ingest
from geo.store.sqlite import Store
from geo.text.fetch import Fetcher


def _fetcher() -> Fetcher:
    return Fetcher(timeout=0.5, deadline=1.0, delay=0.0, max_bytes=100_000)


def test_an_article_url_is_read_like_a_file_with_its_url_title_and_date(site, tmp_path, gazetteer):
    url = site.url("/news/page.html")
    with Store(tmp_path / "store") as store:
        (result,) = ingest([url], store=store, gazetteer=gazetteer, fetcher=_fetcher())
        assert result.status is IngestStatus.ADDED and result.source == url
        article = store.article(result.article_id)
        assert article.url == url
        assert article.title == "Russian troops capture Krynky, missile hits Odesa"
        assert article.published == dt.date(2024, 2, 20) and not article.published_inferred
        places = {e.place.name for e in store.events()}
        assert places == {"Krynky", "Odesa"}  # not the link boxes' Avdiivka, Robotyne...


def test_a_feed_stands_for_its_items_each_fetched_as_an_article(site, tmp_path, gazetteer):
    seen = []
    with Store(tmp_path / "store") as store:
        report = ingest(
            [site.url("/feed.xml")],
            store=store,
            gazetteer=gazetteer,
            fetcher=_fetcher(),
            progress=lambda done, total, source: seen.append((done, total)),
        )
        assert [(r.source, r.status) for r in report] == [
            (site.url("/news/sumy.html"), IngestStatus.ADDED),
            (site.url("/news/kherson.html"), IngestStatus.ADDED),
        ]
        assert [r.title for r in report] == ["Drones strike Sumy", "Shelling hits Kherson"]
        assert {e.place.name for e in store.events()} >= {"Sumy", "Kherson"}
    assert seen == [(1, 2), (2, 2)]  # fetched first, the feed counts as its two items


def test_a_feed_items_date_is_used_when_its_page_states_none(site, tmp_path, gazetteer):
    with Store(tmp_path / "store") as store:
        (result,) = ingest(
            [site.url("/atom")], store=store, gazetteer=gazetteer, fetcher=_fetcher()
        )
        assert result.status is IngestStatus.ADDED
        assert result.published == dt.date(2024, 8, 20) and not result.published_inferred


def test_each_failing_url_gives_one_clear_line_and_the_others_go_on(site, tmp_path, gazetteer):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/news.html"
    sources = [
        site.url("/missing.html"),
        site.url("/slow.html"),
        site.url("/big.html"),
        site.url("/report.pdf"),
        site.url("/empty-feed.xml"),
        closed,
        Pasted("Drones struck Sumy on Monday, officials said."),
        site.url("/news/sumy.html"),
    ]
    with Store(tmp_path / "store") as store:
        report = ingest(sources, store=store, gazetteer=gazetteer, fetcher=_fetcher())
        assert [r.status for r in report] == [IngestStatus.ERROR] * 6 + [IngestStatus.ADDED] * 2
        messages = [r.message for r in report][:6]
        assert "HTTP 404" in messages[0]
        assert "did not answer within" in messages[1]
        assert "too large" in messages[2]
        assert "application/pdf, not a web page or a feed" in messages[3]
        assert "feed without article links" in messages[4]
        assert "check the address" in messages[5]
        assert all("\n" not in m for m in messages)
        assert len(store.articles()) == 2


def test_a_url_already_stored_is_present_and_a_feed_does_not_repeat_it(site, tmp_path, gazetteer):
    sumy = site.url("/news/sumy.html")
    with Store(tmp_path / "store") as store:
        ingest([sumy], store=store, gazetteer=gazetteer, fetcher=_fetcher())
        report = ingest(
            [Url(sumy), site.url("/feed.xml")], store=store, gazetteer=gazetteer, fetcher=_fetcher()
        )
        assert [(r.source, r.status) for r in report] == [
            (sumy, IngestStatus.PRESENT),
            (site.url("/news/kherson.html"), IngestStatus.ADDED),
        ]


def test_an_html_upload_is_read_by_the_main_text_reader(tmp_path, gazetteer):
    from tests.local_site import NEWS_PAGE

    with Store(tmp_path / "store") as store:
        (result,) = ingest([Upload("page.html", NEWS_PAGE)], store=store, gazetteer=gazetteer)
        assert {e.place.name for e in store.events()} == {"Krynky", "Odesa"}
        assert result.message == ""  # no fallback note


def test_a_page_read_without_the_extractor_is_added_with_a_note(tmp_path, gazetteer):
    page = b"<html><body><footer><p>Drones struck Sumy on Monday.</p></footer></body></html>"
    with Store(tmp_path / "store") as store:
        (result,) = ingest([Upload("brief.html", page)], store=store, gazetteer=gazetteer)
        assert result.status is IngestStatus.ADDED
        assert "whole visible text" in result.message


def test_without_a_url_nothing_is_fetched(tmp_path, gazetteer, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("a fetcher was made without a URL")

    monkeypatch.setattr("geo.pipeline.Fetcher", no_network)
    with Store(tmp_path / "store") as store:
        (result,) = ingest([Pasted("Drones struck Sumy.")], store=store, gazetteer=gazetteer)
        assert result.status is IngestStatus.ADDED


@pytest.mark.parametrize("text", ["http://", "see https://example.org"])
def test_a_string_that_is_not_a_whole_url_is_a_path(tmp_path, gazetteer, text):
    with Store(tmp_path / "store") as store:
        (result,) = ingest([text], store=store, gazetteer=gazetteer)
        assert result.status is IngestStatus.ERROR and "No such file" in result.message
