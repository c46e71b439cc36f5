"""Photo captions and credits inside pasted article text (geo.text.captions)."""

from __future__ import annotations

import pytest

from geo.text.captions import caption_spans

BODY = "Russian drones struck an energy facility in Sumy overnight, the governor said."


def _lines(text: str) -> list[tuple[str, bool]]:
    return [(text[c.start : c.end], c.stock) for c in caption_spans(text)]


@pytest.mark.parametrize(
    "caption",
    [
        "Firefighters at a damaged house in Odesa. Photo: regional emergency service",
        "Smoke over the port after the strike (Photo by Jane Doe/AFP via Getty Images)",
        "Rescuers clear rubble in Dnipro on 3 May 2024. REUTERS/John Smith",
        "SHELTER LIFE. Families rest at a school gym in Belgorod, Russia on May 3, 2024.",
    ],
)
def test_a_credited_or_labelled_caption_line_is_found(caption: str) -> None:
    text = f"{caption}\n\n{BODY}"
    assert _lines(text) == [(caption, False)]


@pytest.mark.parametrize(
    "caption",
    [
        "A child's backpack on a railway platform. Stock photo: Getty Images",
        "A downed drone in a field. Illustrative purposes only.",
        "Image for representation purposes only. | Photo Credit: AP",
        "File image of firefighters at a burning depot hit by a drone in central Poltava.",
        "Archive photo: soldiers fire a howitzer near Kupiansk.",
    ],
)
def test_a_stock_or_illustrative_picture_is_marked_as_such(caption: str) -> None:
    assert _lines(f"{BODY}\n{caption}") == [(caption, True)]


@pytest.mark.parametrize(
    "caption",
    [
        "This photograph taken on March 2, 2024 shows firemen at a burnt depot in Kherson.",
        "A handout picture released by the regional press service shows a crater in Sumy.",
        "This image posted on Telegram by the mayor shows a damaged school in Odesa. (AFP)",
    ],
)
def test_a_wire_caption_that_opens_by_naming_its_picture_is_found(caption: str) -> None:
    assert _lines(f"{caption}\n\n{BODY}") == [(caption, False)]


def test_news_that_says_a_photo_was_posted_later_in_a_sentence_is_no_caption() -> None:
    text = f"{BODY}\nThe governor said a photo posted online showed the damaged roof."
    assert caption_spans(text) == []


def test_news_that_mentions_photos_is_no_caption() -> None:
    text = (
        f"{BODY}\nSatellite photos by a private firm show the bridge was damaged.\n"
        "The KYIV INDEPENDENT reported heavy fighting near Pokrovsk in 2024."
    )
    assert caption_spans(text) == []


def test_a_long_paragraph_with_a_credit_inside_is_not_taken_for_a_caption() -> None:
    paragraph = " ".join([BODY] * 6) + " Photo: the governor's channel."
    assert caption_spans(paragraph) == []


def test_captions_are_the_same_found_on_the_lower_case_twin_and_case_insensitively(monkeypatch):
    from geo.text import captions

    text = (
        "Russian drones hit Kherson overnight.\n"
        "Rescuers at the site. PHOTO: State Emergency Service\n"
        "A suitcase on a platform. Stock Photo: Depositphotos\n"
        "(Photo by Jane Doe/AFP via Getty Images)\n"
        "Officials said two people were hurt."
    )
    fast = caption_spans(text)
    monkeypatch.setattr(captions, "ascii_lower", lambda t: None)
    assert len(fast) == 3
    assert caption_spans(text) == fast


@pytest.mark.parametrize(
    "credit",
    [
        "Photo: Jane Doe",
        "Rescuers at work. (Photograph by the State Emergency Service)",
        "A street in Sumy | Image credit: Reuters",
        "Pictures: Kharkiv police",
        "Stock photo by Depositphotos",
        "Jane Doe/Getty Images",
        "AFP via Getty",
        "REUTERS/Jane Doe",
        "AP Photo/John Smith",
        "Anadolu/Jane Doe",
        "Jane Doe/AFP",
        "Illustrative purposes only",
        "File photo of a crater",
    ],
)
def test_every_credit_holds_a_word_of_the_hint_that_lets_its_line_be_read(credit):
    # A line without a hint word is not asked for credits at all: every credit form the
    # pattern reads must hold one.
    from geo.text import captions

    low = credit.lower()
    assert captions._CREDIT.search(credit)
    assert captions._CREDIT_HINT.search(low)
    assert [(c.start, c.end) for c in caption_spans(credit)] == [(0, len(credit))]


@pytest.mark.parametrize(
    "caption",
    [
        "Volunteers load a bus in the town of Lozova, Kharkiv region, on May 4, 2024. [AFP]",
        "Sunflower seeds lie in a silo in Voznesensk, Ukraine, August 2, 2022. (Reuters Photo)",
    ],
)
def test_a_wire_picture_line_closed_by_its_date_and_the_agency_is_a_caption(caption) -> None:
    text = caption + "\n\n" + BODY
    assert _lines(text) == [(caption, False)]


def test_a_paragraph_that_only_names_the_agency_is_no_caption() -> None:
    text = "KYIV (Reuters) - " + BODY + "\nA paragraph quoting officials, via (AFP)"
    assert _lines(text) == []


def test_a_news_sentence_about_files_or_archives_is_no_caption() -> None:
    text = (
        "Investigators opened a file on the strike in Sumy. The city archive was damaged when "
        "a drone hit it overnight, officials said."
    )
    assert caption_spans(text) == []


def test_a_line_opening_with_a_file_image_is_an_archive_caption():
    text = (
        "File photo of firefighters at a school hit by a drone in Sumy, northern Ukraine\n"
        "Russian drones struck a school in Sumy on Monday, wounding two teachers."
    )
    (cap,) = caption_spans(text)
    assert cap.stock and text[cap.start : cap.end].startswith("File photo")


def test_a_line_opening_as_a_file_image_is_a_stock_caption_without_a_credit() -> None:
    caption = "File image of firefighters at a warehouse burnt out by a drone attack in Odesa"
    text = f"{caption}\n\n{BODY}"
    assert _lines(text) == [(caption, True)]
