"""Sentence splitting: glued full stops, abbreviations, headlines and bullet summaries."""

from __future__ import annotations

import pytest

from geo.text.sentences import split_sentences


def _texts(text: str) -> list[str]:
    sentences = split_sentences(text)
    for s in sentences:  # offsets always point at the sentence's text
        assert text[s.start : s.end] == s.text
    return [s.text for s in sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The war began in 2022.The front moved.", ["The war began in 2022.", "The front moved."]),
        (
            "Strikes hit Kharkiv on Tuesday.Russia said it hit depots.",
            ["Strikes hit Kharkiv on Tuesday.", "Russia said it hit depots."],
        ),
        ("Troops left the town.A new line held.", ["Troops left the town.", "A new line held."]),
        ("Обстріл тривав до 2022.Росія заявила.", ["Обстріл тривав до 2022.", "Росія заявила."]),
    ],
)
def test_a_full_stop_glued_to_the_next_sentence_still_ends_one(text, expected) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 2.5 percent in the region.",
        "U.S. officials met their allies in Kyiv.",
        "The talks moved to St. Petersburg in May.",
        "Gen. Syrskyi said the line held.",
        "Gen.Syrskyi said the line held.",
        "Read the report on kyivindependent.com today.",
        "The strike came at 10 a.m.The town was quiet.",
        "J.R.R.Tolkien is no war reporter.",
        "Наказ діє для с. Вербове та смт. Межова з понеділка.",
        "The unit reported the gain in a release on Sep. 12, a day late.",
    ],
)
def test_decimals_abbreviations_initials_and_domains_do_not_end_a_sentence(text) -> None:
    assert _texts(text) == [text]


def test_a_headline_without_a_full_stop_is_a_sentence_of_its_own() -> None:
    text = "Russian forces capture Avdiivka\nThe ministry said the town was taken on Saturday."
    assert _texts(text) == [
        "Russian forces capture Avdiivka",
        "The ministry said the town was taken on Saturday.",
    ]


def test_inline_bullets_split_a_summary_and_are_left_out() -> None:
    text = "Key points: • Drones hit Sumy • Evacuation ordered in Pokrovsk"
    assert _texts(text) == ["Key points:", "Drones hit Sumy", "Evacuation ordered in Pokrovsk"]


def test_line_start_dash_and_star_bullets_are_sentences_without_their_marker() -> None:
    text = "Summary\n- Drone attack on Odesa\n* Shelling in Kherson\n  - Strike on Kharkiv."
    assert _texts(text) == [
        "Summary",
        "Drone attack on Odesa",
        "Shelling in Kherson",
        "Strike on Kharkiv.",
    ]


def test_a_dash_inside_a_line_is_no_bullet() -> None:
    text = "Kyiv - the capital - was hit overnight."
    assert _texts(text) == [text]


def test_a_weekday_does_not_cross_a_glued_sentence_into_the_next_event(gazetteer) -> None:
    import datetime as dt

    from geo.pipeline import process
    from geo.text.articles import article_from_text

    article = article_from_text(
        "Ukrainian officials met in Kyiv on Tuesday.Russian drones struck Odesa.",
        published="2024-02-22",
    )
    odesa = [e for e in process(article, gazetteer=gazetteer).events if e.place.name == "Odesa"]
    assert odesa
    assert odesa[0].quote == "Russian drones struck Odesa."
    assert odesa[0].date_start != dt.date(2024, 2, 20)  # not Tuesday's


def test_a_clock_time_before_a_lower_case_word_ends_no_sentence() -> None:
    # Round 20 (accR): "As of <hour> p.m. on <day>, N dead": the count and its day stay whole
    text = "Drones hit Lutsk. By 7 p.m. on May 3, six were dead. It ended at 9 a.m. Nobody left."
    assert _texts(text) == [
        "Drones hit Lutsk.",
        "By 7 p.m. on May 3, six were dead.",
        "It ended at 9 a.m.",
        "Nobody left.",
    ]
