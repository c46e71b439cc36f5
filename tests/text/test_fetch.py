"""Fetching article and feed links, only ever from the test's own server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from geo.errors import InputError, ServiceError, ServiceTimeout
from geo.text.feeds import feed_items, looks_like_feed
from geo.text.fetch import USER_AGENT, Fetcher, is_url


def _fetcher(**kw) -> Fetcher:
    return Fetcher(**{"timeout": 0.5, "deadline": 1.0, "delay": 0.0, **kw})


def test_a_page_comes_with_its_media_type_charset_and_the_projects_user_agent(site) -> None:
    page = _fetcher().get(site.url("/news/page.html"))
    assert page.content_type == "text/html" and page.charset == "utf-8"
    assert b"Krynky" in page.data
    assert site.requests == [("/news/page.html", USER_AGENT)]
    assert "geo-dashboard" in USER_AGENT


def test_a_redirect_is_followed_and_the_final_url_kept(site) -> None:
    page = _fetcher().get(site.url("/moved"))
    assert page.final_url == site.url("/news/page.html")


def test_a_redirect_to_a_file_url_is_refused(site) -> None:
    with pytest.raises(ServiceError, match=r"file:///etc/passwd.* not (allowed|http)"):
        _fetcher().get(site.url("/to-file"))


def test_a_404_says_the_status_and_to_check_the_link(site) -> None:
    with pytest.raises(ServiceError, match=r"HTTP 404.*check the link"):
        _fetcher().get(site.url("/missing.html"))


def test_a_server_that_does_not_answer_times_out(site) -> None:
    start = time.monotonic()
    with pytest.raises(ServiceTimeout, match=r"did not answer within 0\.5 s"):
        _fetcher().get(site.url("/slow.html"))
    assert time.monotonic() - start < 1.5


def test_a_page_that_trickles_in_meets_the_overall_deadline(site) -> None:
    start = time.monotonic()
    with pytest.raises(ServiceTimeout, match="did not finish within 1 s"):
        _fetcher().get(site.url("/trickle.html"))
    assert time.monotonic() - start < 1.8


@pytest.mark.parametrize("path", ["/big.html", "/big-unsized.html"])
def test_a_page_over_the_size_cap_is_refused(site, path) -> None:
    with pytest.raises(InputError, match=r"over 0\.1 MB"):
        _fetcher(max_bytes=100_000).get(site.url(path))


def test_a_refused_connection_is_a_service_error_saying_to_check_the_address() -> None:
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ServiceError, match="check the address"):
        _fetcher().get(f"http://127.0.0.1:{port}/news.html")


@pytest.mark.parametrize("bad", ["ftp://example.org/a", "file:///etc/passwd", "example.org/a"])
def test_only_http_urls_are_fetched(bad) -> None:
    assert not is_url(bad)
    with pytest.raises(InputError, match="http:// or https://"):
        _fetcher().get(bad)


def test_requests_to_one_host_wait_the_delay_between_them(site) -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    fetcher = Fetcher(timeout=0.5, delay=2.0, clock=lambda: now[0], sleep=sleep)
    fetcher.get(site.url("/news/sumy.html"))
    fetcher.get(site.url("/news/kherson.html"))
    assert slept == [2.0]  # the first request does not wait; the second waits the delay


def test_an_rss_feed_lists_its_item_links_resolved_with_their_dates(site) -> None:
    page = _fetcher().get(site.url("/feed.xml"))
    assert looks_like_feed(page.data, page.content_type)
    items = feed_items(page.data, base_url=page.final_url)
    assert [(i.url, i.title, i.published) for i in items] == [
        (site.url("/news/sumy.html"), "Drones strike Sumy", dt.date(2024, 9, 9)),
        (site.url("/news/kherson.html"), "Shelling hits Kherson", dt.date(2024, 9, 10)),
    ]


def test_an_atom_feed_lists_its_alternate_links() -> None:
    data = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>
    <link rel="alternate" href="https://example.org/a"/><link rel="enclosure" href="x.jpg"/>
    <updated>2024-08-20T09:00:00Z</updated></entry></feed>"""
    assert looks_like_feed(data, "application/xml")
    (item,) = feed_items(data)
    assert (item.url, item.published) == ("https://example.org/a", dt.date(2024, 8, 20))


def test_a_feed_cannot_make_the_parser_read_local_files(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("https://example.org/secret")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><item><link>&x;</link></item></channel></rss>'
    ).encode()
    assert feed_items(data) == []


def test_an_html_page_is_no_feed() -> None:
    assert not looks_like_feed(b"<!DOCTYPE html><html><body>news</body></html>", "text/html")
    assert feed_items(b"<html><body>news</body></html>") == []
