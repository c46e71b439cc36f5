"""Web pages: the main text without menus, link boxes and footers; the stdlib fallback."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

from geo.text.articles import article_from_text, read_article
from geo.text.webpage import MainTextFallbackWarning, read_html

WEB = Path(__file__).resolve().parent.parent / "data" / "web"
NEWS_PAGE = WEB / "news_page.html"
BOILERPLATE = (
    "Russian forces capture Avdiivka",  # "Read more", "Related" and "Most read" headlines
    "Ukraine withdraws from Robotyne",
    "Shelling kills two in Belgorod",
    "Missile attack on Zaporizhzhia",
    "Evacuation ordered in Pokrovsk",
    "Read more",
    "Subscribe",  # the menu
    "All rights reserved",  # the footer
    "Market Street",
)


def test_news_page_keeps_the_article_body_and_drops_menus_link_boxes_and_footer() -> None:
    page = read_html(NEWS_PAGE.read_text(encoding="utf-8"))
    assert page.extractor == "trafilatura"
    for boilerplate in BOILERPLATE:
        assert boilerplate not in page.text
    assert "Russian troops captured the village of Krynky in Kherson Oblast" in page.text
    assert "A missile strike hit the port of Odesa on Tuesday, injuring four people" in page.text


def test_news_page_keeps_its_headline_title_date_and_canonical_url() -> None:
    article = read_article(NEWS_PAGE)
    assert article.text.startswith("Russian troops capture Krynky, missile hits Odesa\n")
    assert article.title == "Russian troops capture Krynky, missile hits Odesa"
    assert article.published == dt.date(2024, 2, 20)
    assert article.published_inferred is False
    assert article.url == "https://news.example.org/2024/02/20/krynky-odesa"


def test_only_the_article_bodys_events_come_out_of_a_news_page(gazetteer) -> None:
    from geo.pipeline import process

    article = read_article(NEWS_PAGE)
    events = process(article, gazetteer=gazetteer).events
    # Places, not types: the event taxonomy is refined elsewhere; the boxes' places are out.
    assert {e.place.name for e in events} == {"Krynky", "Odesa"}


def test_the_whole_visible_text_of_the_same_page_ends_at_its_first_furniture_line(
    gazetteer,
) -> None:
    # The stdlib parser's text keeps the link boxes (why the extractor is there); pasted
    # like that, the events still stop at the box's "Read more" line (events.furniture).
    from geo.pipeline import process
    from geo.text.webpage import html_to_text

    text = html_to_text(NEWS_PAGE.read_text(encoding="utf-8"))
    assert "Russian forces capture Avdiivka" in text
    article = article_from_text(text, published="2024-02-20")
    places = {e.place.name for e in process(article, gazetteer=gazetteer).events}
    assert places == {"Krynky", "Odesa"}


def test_headline_outside_the_extracted_body_is_put_first() -> None:
    body = " ".join(["Russian drones struck an energy facility in Sumy on Monday."] * 8)
    html = (
        "<html><body><header><h1>Drones hit Sumy</h1></header>"
        f"<div class='content'><p>{body}</p><p>{body}</p></div></body></html>"
    )
    page = read_html(html)
    assert page.extractor == "trafilatura"
    assert page.text.startswith("Drones hit Sumy\n\nRussian drones struck")


def test_time_elements_in_the_body_keep_their_text() -> None:
    html = (
        "<article><p>Officials said that a depot near Kharkiv was hit overnight and that "
        "firefighters worked until dawn to contain the blaze at the site.</p>"
        '<p><time datetime="2024-09-01">Sunday</time> also saw strikes on the city.</p></article>'
    )
    assert "Sunday also saw strikes on the city." in read_html(html).text


def test_markup_is_parsed_never_run_and_templates_are_not_text() -> None:
    html = (
        "<article><script>document.write('<p>Injected</p>')</script>"
        "<p>Officials said that a depot near Kharkiv was hit overnight and burned.</p>"
        "<template><p>Template text</p></template><noscript>Enable scripts</noscript>"
        '<iframe src="https://example.org/x"></iframe></article>'
    )
    text = read_html(html).text
    assert "depot near Kharkiv" in text
    for hidden in ("Injected", "Template text", "Enable scripts"):
        assert hidden not in text


def test_a_page_the_extractor_cannot_read_falls_back_to_its_visible_text_with_a_note() -> None:
    # All its text sits in a footer, which the extractor drops as boilerplate.
    with pytest.warns(MainTextFallbackWarning, match="whole visible text"):
        page = read_html("<html><body><footer><p>Item <b>one</b></p></footer></body></html>")
    assert page.extractor == "stdlib"
    assert page.text == "Item one"


def test_a_page_without_text_makes_no_note() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_html("<script>var a = 1;</script>").text == ""


def test_a_date_written_in_the_text_is_not_taken_as_the_pages_metadata() -> None:
    html = (
        "<article><p>A strike on 3 March 2023 hit Odesa, officials said, and port workers "
        "were among those injured in the attack on the city's grain terminal.</p></article>"
    )
    assert read_html(html).date == ""
    article = article_from_text(html, fmt="html")
    assert article.published == dt.date(2023, 3, 3)
    assert article.published_inferred is True


def test_json_ld_date_is_read_when_meta_tags_have_none() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2024-05-02T10:00:00Z"}</script></head><body><article><p>Officials '
        "said that a depot near Kharkiv was hit overnight and that firefighters worked until "
        "dawn to contain the blaze.</p></article></body></html>"
    )
    assert read_html(html).date == "2024-05-02"


def test_a_figure_caption_is_not_article_text() -> None:
    body = " ".join(["Officials said a depot near Kharkiv was hit overnight and burned."] * 4)
    html = (
        f"<article><p>{body}</p><figure><img src='a.jpg'>"
        "<figcaption>Evacuees rest at a shelter in Poltava in 2022.</figcaption></figure>"
        f"<p>{body}</p></article>"
    )
    text = read_html(html).text
    assert "depot near Kharkiv" in text and "Evacuees rest" not in text


def test_the_fallback_reader_drops_figure_captions_too() -> None:
    from geo.text.webpage import html_to_text

    html = "<p>Shelling hit Kherson.</p><figcaption>Stock image of a shelter.</figcaption>"
    assert html_to_text(html) == "Shelling hit Kherson."
