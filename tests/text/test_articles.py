from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from geo.errors import InputError
from geo.text.articles import (
    article_from_text,
    markdown_to_text,
    normalize_text,
    parse_date_arg,
    read_article,
)
from geo.text.webpage import html_to_text

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
D = dt.date


# --- normalisation and identity --------------------------------------------------------------


def test_normalize_text_applies_nfc_lf_and_strips_trailing_space_and_blank_edges() -> None:
    raw = "\n \r\nCafe\u0301 opened  \r\nsecond line\t\r\n\r\n  \n"
    assert normalize_text(raw) == "Café opened\nsecond line"


def test_article_id_is_sha256_of_the_normalised_text() -> None:
    article = article_from_text("Title line\r\n\r\nBody text here.  \r\n", published=D(2024, 1, 1))
    assert article.text == "Title line\n\nBody text here."
    assert article.article_id == hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def test_same_text_with_different_line_endings_has_the_same_id() -> None:
    a = article_from_text("One\nTwo\n", published=D(2024, 1, 1))
    b = article_from_text("\n\nOne  \r\nTwo\r\n\n", published=D(2024, 1, 1))
    c = article_from_text("One\nThree\n", published=D(2024, 1, 1))
    assert a.article_id == b.article_id != c.article_id


# --- titles ----------------------------------------------------------------------------------


def test_title_is_the_short_first_line_without_final_period() -> None:
    article = article_from_text("\n  Shelling Reported Near Bridge  \nBody follows here.")
    assert article.title == "Shelling Reported Near Bridge"


def test_title_falls_back_to_first_80_chars_when_first_line_is_a_sentence() -> None:
    text = "Officials said the bridge near the river was damaged again by shelling overnight today."
    article = article_from_text(text)
    assert article.title == text[:80].rstrip()
    assert len(article.title) <= 80


def test_title_falls_back_to_first_80_chars_when_first_line_is_long() -> None:
    text = "word " * 60 + "\nsecond line"
    assert len(article_from_text(text).title) <= 80


def test_explicit_title_wins() -> None:
    assert article_from_text("First line\nbody", title=" Given ").title == "Given"


# --- publication dates -----------------------------------------------------------------------


def test_published_is_inferred_and_flagged_when_not_given() -> None:
    article = article_from_text(
        "Talks\nA report of 2 May 2024 was cited. Officials said Friday ..."
    )
    assert article.published == D(2024, 5, 3)
    assert article.published_inferred is True


def test_given_published_is_kept_and_not_flagged() -> None:
    article = article_from_text("Talks on 2 May 2024.", published=D(2024, 6, 1))
    assert article.published == D(2024, 6, 1)
    assert article.published_inferred is False


def test_published_string_is_parsed() -> None:
    assert article_from_text("Some text.", published="2024-09-05").published == D(2024, 9, 5)


@pytest.mark.parametrize("bad", ["05/09/2024", "2024-9-5", "2024-02-30", "yesterday"])
def test_invalid_published_string_says_use_yyyy_mm_dd(bad: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        article_from_text("Some text.", published=bad)


def test_undated_text_has_no_published_date_and_no_flag() -> None:
    article = article_from_text("No dates in this text at all.")
    assert article.published is None
    assert article.published_inferred is False


def test_parse_date_arg_accepts_iso_dates() -> None:
    assert parse_date_arg("2024-09-05") == D(2024, 9, 5)
    assert parse_date_arg(" 2024-02-29 ") == D(2024, 2, 29)


@pytest.mark.parametrize("bad", ["", "2024-09-05T10:00", "2023-02-29", "5 Sept 2024", "20240905"])
def test_parse_date_arg_rejects_everything_else(bad: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_date_arg(bad)


# --- bad pasted input ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t\n  "])
def test_empty_text_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="is empty"):
        article_from_text(text)


def test_unknown_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="txt, md, html"):
        article_from_text("text", fmt="pdf")


def test_html_without_visible_text_is_empty() -> None:
    with pytest.raises(InputError, match="is empty"):
        article_from_text("<html><script>var a = 1;</script></html>", fmt="html")


# --- front matter and Markdown ---------------------------------------------------------------


def test_read_markdown_uses_front_matter_and_strips_markup() -> None:
    article = read_article(ARTICLES / "dated_note.md")
    assert article.fmt == "md"
    assert article.title == "Evacuation update from the east"
    assert article.published == D(2024, 8, 20)
    assert article.published_inferred is False
    assert article.url == "https://example.org/updates/evacuation"
    assert article.source_path == str(ARTICLES / "dated_note.md")
    text = article.text
    assert text.startswith("Families told to leave Pokrovsk\n")
    assert "title:" not in text and "---" not in text
    assert "according to a regional statement." in text
    assert "map.png" not in text and "map of the area" not in text
    assert "Trains left twice a day last week." in text
    assert "Buses run *daily* from the station." in text
    assert '"We ask everyone to go now," an official said.' in text
    assert not any(ch in text for ch in "#`[]")


def test_explicit_arguments_override_front_matter() -> None:
    article = read_article(
        ARTICLES / "dated_note.md",
        published="2024-08-21",
        title="Mine",
        url="https://example.org/mine",
    )
    assert (article.title, article.published, article.url) == (
        "Mine",
        D(2024, 8, 21),
        "https://example.org/mine",
    )


def test_front_matter_in_plain_text_is_removed_and_read() -> None:
    text = "---\ndate: 2023-03-14T09:00\nsource_url: https://example.org/a\n---\nBody line\n"
    article = article_from_text(text)
    assert article.text == "Body line"
    assert article.published == D(2023, 3, 14)
    assert article.url == "https://example.org/a"


def test_front_matter_source_url_is_used_only_when_it_is_a_url() -> None:
    named = article_from_text("---\nsource: Example Wire\n---\nBody line\n")
    linked = article_from_text("---\nsource: https://example.org/b\n---\nBody line\n")
    assert named.url is None
    assert linked.url == "https://example.org/b"


def test_unclosed_front_matter_is_kept_as_text() -> None:
    article = article_from_text("---\ntitle: x\nBody without a closing line\n")
    assert article.text.startswith("---\ntitle: x")


def test_invalid_front_matter_date_names_the_file_and_the_format(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\npublished: 5 Sept 2024\n---\nBody\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.md.*YYYY-MM-DD"):
        read_article(path)


def test_markdown_to_text_keeps_underscores_inside_words_and_lone_stars() -> None:
    assert markdown_to_text("snake_case and 2 * 3 * 4") == "snake_case and 2 * 3 * 4"
    assert markdown_to_text("## Title ##\n*one* __two__ ~~~\n") == "Title\none two ~~~\n"


# --- HTML ------------------------------------------------------------------------------------


def test_read_html_takes_metadata_and_visible_text_only() -> None:
    article = read_article(ARTICLES / "page.html")
    assert article.fmt == "html"
    assert article.title == "Depot hit near Kharkiv"  # og:title over <title>
    assert article.published == D(2024, 9, 5)
    assert article.published_inferred is False
    assert article.url == "https://example.org/news/depot"  # canonical over og:url
    text = article.text
    for hidden in ("Injected", "Lviv", "font-family", "Fake text", "enable scripts"):
        assert hidden not in text
    for hidden in ("Template text", "JSON text", "Example News"):
        assert hidden not in text
    assert "Depot «hit» near Kharkiv" in text
    assert "said on Thursday that a fuel depot near Kharkiv was hit & burned overnight." in text
    assert "Firefighters worked\nuntil dawn — no one was hurt." in text
    assert "- Fire contained\n- Roads reopened" in text  # list items stay bullets
    assert "Sunday also saw strikes." in text


def test_html_to_text_separates_blocks_and_collapses_white_space() -> None:
    html = (
        "<div><p>One   two\nthree</p><p>Four</p></div><table><tr><td>a</td><td>b</td></tr></table>"
    )
    assert html_to_text(html) == "One two three\n\nFour\n\na b"


def test_html_to_text_keeps_line_breaks_inside_pre() -> None:
    assert html_to_text("<p>Intro</p><pre>line 1\nline 2</pre>") == "Intro\n\nline 1\nline 2"


def test_html_unclosed_head_ends_at_the_first_body_element() -> None:
    html = "<html><head><title>T</title><style>x{}</style><p>Visible text</p></html>"
    assert html_to_text(html) == "Visible text"


def test_html_svg_title_is_not_the_page_title() -> None:
    html = "<body><svg><title>icon</title></svg><p>Body text here</p></body>"
    article = article_from_text(html, fmt="html")
    assert article.title == "Body text here"
    assert "icon" not in article.text


def test_html_og_url_and_time_element_are_fallbacks() -> None:
    html = (
        '<head><meta property="og:url" content="https://example.org/x"></head>'
        '<body><p>Item <time datetime="2024-08-07T10:00Z">Wednesday</time> text</p></body>'
    )
    article = article_from_text(html, fmt="html")
    assert article.url == "https://example.org/x"
    assert article.published == D(2024, 8, 7)
    assert article.published_inferred is False


def test_html_bad_metadata_is_ignored_and_the_date_is_inferred() -> None:
    html = (
        '<head><meta name="date" content="last tuesday">'
        '<link rel="canonical" href="javascript:alert(1)"></head>'
        "<body><p>A strike on 3 March 2023 in Odesa.</p></body>"
    )
    article = article_from_text(html, fmt="html")
    assert article.url is None
    assert article.published == D(2023, 3, 3)
    assert article.published_inferred is True


def test_read_htm_without_metadata() -> None:
    article = read_article(ARTICLES / "no_meta.htm")
    assert article.fmt == "html"
    # The main text: the lone link paragraph is not article text.
    assert article.text == "Short item about a strike on 3 March 2023 in Odesa."
    # The first line ends with a period, so the title is the text's first 80 characters.
    assert article.title == "Short item about a strike on 3 March 2023 in Odesa."
    assert article.url is None
    assert article.published == D(2023, 3, 3)


# --- files and encodings ---------------------------------------------------------------------


def test_read_undated_text_file_infers_published() -> None:
    article = read_article(ARTICLES / "undated.txt")
    assert article.fmt == "txt"
    assert article.title == "Officials Report Heavy Shelling Near the River"
    assert article.published == D(2024, 5, 3)
    assert article.published_inferred is True


def test_read_utf8_with_bom_drops_the_mark() -> None:
    article = read_article(ARTICLES / "bom_utf8.txt")
    assert article.title == "Title With BOM"
    assert not article.text.startswith("\ufeff")


def test_read_legacy_cp1251_cyrillic_file() -> None:
    article = read_article(ARTICLES / "legacy_cp1251.txt")
    assert article.title == "Обстріл Харкова"
    assert "6 серпня 2024 року" in article.text
    assert article.published == D(2024, 8, 6)


def test_read_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Wide title\nBody on 2024-01-02.\n".encode("utf-16"))
    article = read_article(path)
    assert article.title == "Wide title"
    assert article.published == D(2024, 1, 2)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No such file"):
        read_article(tmp_path / "absent.txt")


def test_directory_is_an_input_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="is a folder"):
        read_article(folder)


def test_unsupported_extension_lists_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match=r"\.pdf.*\.txt, \.md, \.markdown, \.html, \.htm"):
        read_article(path)


def test_binary_bytes_are_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputError, match="Cannot decode"):
        read_article(path)


def test_control_characters_without_nul_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(b"\x98\x01\x02\x03\xff\xfa text")
    with pytest.raises(InputError, match="Cannot decode"):
        read_article(path)


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t", b"---\ntitle: Only meta\n---\n"])
def test_empty_file_is_an_input_error_naming_it(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"empty\.md is empty"):
        read_article(path)


def test_uppercase_extension_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "NOTE.TXT"
    path.write_text("Upper case name\nbody", encoding="utf-8")
    assert read_article(path).fmt == "txt"


def test_read_seed_article_infers_its_publication_date(seed_path: Path) -> None:
    article = read_article(seed_path)
    assert article.published == D(2024, 9, 5)
    assert article.published_inferred is True
    assert article.title.startswith("Putin Says")
    assert article.text == normalize_text(seed_path.read_text(encoding="utf-8"))
