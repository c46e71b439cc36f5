from __future__ import annotations

import datetime as dt
import itertools

import pytest

from geo.errors import InputError
from geo.records import DatePrecision, DateSpan
from geo.text import dates
from geo.text.date_patterns import MASTER
from geo.text.dates import find_dates, resolve_date
from geo.text.published import infer_published

D = dt.date
DAY, WEEK, MONTH, YEAR, RANGE = (
    DatePrecision.DAY,
    DatePrecision.WEEK,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
    DatePrecision.RANGE,
)
PUB = D(2024, 9, 5)  # a Thursday


def spans_by_text(text: str, published: dt.date | None) -> dict[str, list[DateSpan]]:
    out: dict[str, list[DateSpan]] = {}
    for span in find_dates(text, published=published):
        out.setdefault(span.text, []).append(span)
    return out


# --- the seed article ------------------------------------------------------------------------


def test_infer_published_seed_is_first_thursday_after_latest_full_date(seed_text: str) -> None:
    assert infer_published(seed_text) == D(2024, 9, 5)


def test_find_dates_seed_resolves_each_expression(seed_text: str) -> None:
    found = spans_by_text(seed_text, infer_published(seed_text))
    assert [(s.start, s.end, s.precision) for s in found["August 6"]] == [
        (D(2024, 8, 6), D(2024, 8, 6), DAY)
    ] * 2
    assert {(s.start, s.precision) for s in found["Thursday"]} == {(D(2024, 9, 5), DAY)}
    assert len(found["Thursday"]) == 2
    (week,) = found["this week"]
    assert (week.start, week.end, week.precision) == (D(2024, 9, 2), D(2024, 9, 5), WEEK)
    (since,) = found["since October 2022"]
    assert (since.start, since.end, since.precision) == (D(2022, 10, 1), D(2024, 9, 5), RANGE)
    (march,) = found["March 2022"]
    assert (march.start, march.end, march.precision) == (D(2022, 3, 1), D(2022, 3, 31), MONTH)
    (august,) = found["August"]  # "Russian advances in August"
    assert (august.start, august.end, august.precision) == (D(2024, 8, 1), D(2024, 8, 31), MONTH)
    (full,) = found["September 4, 2024"]
    assert (full.start, full.precision) == (D(2024, 9, 4), DAY)


def test_find_dates_seed_offsets_point_at_the_text(seed_text: str) -> None:
    spans = find_dates(seed_text, published=D(2024, 9, 5))
    assert spans
    for span in spans:
        assert seed_text[span.start_char : span.end_char] == span.text
    ends = [(s.start_char, s.end_char) for s in spans]
    assert ends == sorted(ends)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))


# --- single expressions ----------------------------------------------------------------------

CASES = [
    # expression, published, start, end, precision, span text
    ("on August 6", PUB, D(2024, 8, 6), D(2024, 8, 6), DAY, "August 6"),
    ("August 6", PUB, D(2024, 8, 6), D(2024, 8, 6), DAY, "August 6"),
    ("6 August", PUB, D(2024, 8, 6), D(2024, 8, 6), DAY, "6 August"),
    ("Aug. 6", PUB, D(2024, 8, 6), D(2024, 8, 6), DAY, "Aug. 6"),
    ("Sept 5", PUB, D(2024, 9, 5), D(2024, 9, 5), DAY, "Sept 5"),
    ("the 6th of August", PUB, D(2024, 8, 6), D(2024, 8, 6), DAY, "6th of August"),
    ("August 6, 2024", PUB, D(2024, 8, 6), D(2024, 8, 6), DAY, "August 6, 2024"),
    ("6 August 2024", PUB, D(2024, 8, 6), D(2024, 8, 6), DAY, "6 August 2024"),
    ("2024-08-06", PUB, D(2024, 8, 6), D(2024, 8, 6), DAY, "2024-08-06"),
    ("Tuesday, August 6, 2024", PUB, D(2024, 8, 6), D(2024, 8, 6), DAY, "Tuesday, August 6, 2024"),
    ("6 серпня 2024", PUB, D(2024, 8, 6), D(2024, 8, 6), DAY, "6 серпня 2024"),
    ("6 августа 2024 года", PUB, D(2024, 8, 6), D(2024, 8, 6), DAY, "6 августа 2024 года"),
    ("on Thursday", PUB, PUB, PUB, DAY, "Thursday"),
    ("on Monday", PUB, D(2024, 9, 2), D(2024, 9, 2), DAY, "Monday"),
    ("on Friday", PUB, D(2024, 8, 30), D(2024, 8, 30), DAY, "Friday"),
    ("last Thursday", PUB, D(2024, 8, 29), D(2024, 8, 29), DAY, "last Thursday"),
    ("next Monday", PUB, D(2024, 9, 9), D(2024, 9, 9), DAY, "next Monday"),
    ("today", PUB, PUB, PUB, DAY, "today"),
    ("yesterday", PUB, D(2024, 9, 4), D(2024, 9, 4), DAY, "yesterday"),
    ("the day before yesterday", PUB, D(2024, 9, 3), D(2024, 9, 3), DAY, None),
    ("overnight", PUB, D(2024, 9, 4), PUB, RANGE, "overnight"),
    ("during the day", PUB, D(2024, 9, 4), PUB, RANGE, "the day"),
    # PUB is a Thursday: "into Monday" is the night of Sunday to Monday of that week
    ("overnight into Monday", PUB, D(2024, 9, 1), D(2024, 9, 2), RANGE, None),
    ("overnight into Thursday", PUB, D(2024, 9, 4), PUB, RANGE, None),
    # a night runs over two days: "last night" ends on the morning of publication
    ("last night", PUB, D(2024, 9, 4), PUB, RANGE, "last night"),
    ("over the weekend", PUB, D(2024, 8, 31), D(2024, 9, 1), RANGE, "the weekend"),
    ("this week", PUB, D(2024, 9, 2), PUB, WEEK, "this week"),
    ("last week", PUB, D(2024, 8, 26), D(2024, 9, 1), WEEK, "last week"),
    ("next week", PUB, D(2024, 9, 9), D(2024, 9, 15), WEEK, "next week"),
    ("this month", PUB, D(2024, 9, 1), PUB, MONTH, "this month"),
    ("last month", PUB, D(2024, 8, 1), D(2024, 8, 31), MONTH, "last month"),
    ("this year", PUB, D(2024, 1, 1), PUB, YEAR, "this year"),
    ("last year", PUB, D(2023, 1, 1), D(2023, 12, 31), YEAR, "last year"),
    ("in August", PUB, D(2024, 8, 1), D(2024, 8, 31), MONTH, "August"),
    ("in October", PUB, D(2023, 10, 1), D(2023, 10, 31), MONTH, "October"),
    ("in May", PUB, D(2024, 5, 1), D(2024, 5, 31), MONTH, "May"),
    ("in March 2022", PUB, D(2022, 3, 1), D(2022, 3, 31), MONTH, "March 2022"),
    ("Sept. 2022", PUB, D(2022, 9, 1), D(2022, 9, 30), MONTH, "Sept. 2022"),
    ("in 2022", PUB, D(2022, 1, 1), D(2022, 12, 31), YEAR, "2022"),
    ("since October 2022", PUB, D(2022, 10, 1), PUB, RANGE, "since October 2022"),
    ("since August 6", PUB, D(2024, 8, 6), PUB, RANGE, "since August 6"),
    ("since 2014", PUB, D(2014, 1, 1), PUB, RANGE, "since 2014"),
    # a bare weekday: the latest Monday before the Thursday of writing, up to that Thursday
    ("since Monday", PUB, D(2024, 9, 2), PUB, RANGE, "since Monday"),
    ("since Monday, September 2", PUB, D(2024, 9, 2), PUB, RANGE, "since Monday, September 2"),
    ("from March to May 2023", PUB, D(2023, 3, 1), D(2023, 5, 31), RANGE, None),
    ("from December to February", PUB, D(2023, 12, 1), D(2024, 2, 29), RANGE, None),
    ("between 1 and 3 June", PUB, D(2024, 6, 1), D(2024, 6, 3), RANGE, None),
    ("from August 6 to September 4, 2024", PUB, D(2024, 8, 6), D(2024, 9, 4), RANGE, None),
    ("from 2019 to 2023", PUB, D(2019, 1, 1), D(2023, 12, 31), RANGE, None),
    ("6-9 August", PUB, D(2024, 8, 6), D(2024, 8, 9), RANGE, "6-9 August"),
    ("August 6–9, 2023", PUB, D(2023, 8, 6), D(2023, 8, 9), RANGE, "August 6–9, 2023"),
    ("March–May 2023", PUB, D(2023, 3, 1), D(2023, 5, 31), RANGE, "March–May 2023"),
    ("early August", PUB, D(2024, 8, 1), D(2024, 8, 10), RANGE, "early August"),
    ("mid-August", PUB, D(2024, 8, 11), D(2024, 8, 20), RANGE, "mid-August"),
    ("late August 2023", PUB, D(2023, 8, 21), D(2023, 8, 31), RANGE, "late August 2023"),
    ("late May", PUB, D(2024, 5, 21), D(2024, 5, 31), RANGE, "late May"),
    ("two days ago", PUB, D(2024, 9, 3), D(2024, 9, 3), DAY, "two days ago"),
    ("3 days ago", PUB, D(2024, 9, 2), D(2024, 9, 2), DAY, "3 days ago"),
    ("three weeks ago", PUB, D(2024, 8, 12), D(2024, 8, 18), WEEK, "three weeks ago"),
    ("two months ago", PUB, D(2024, 7, 1), D(2024, 7, 31), MONTH, "two months ago"),
    ("a year ago", PUB, D(2023, 1, 1), D(2023, 12, 31), YEAR, "a year ago"),
    ("the past 24 hours", PUB, D(2024, 9, 4), PUB, RANGE, "past 24 hours"),
    ("the past week", PUB, D(2024, 8, 29), PUB, RANGE, "past week"),
    ("over the past three weeks", PUB, D(2024, 8, 15), PUB, RANGE, "past three weeks"),
    ("last August", PUB, D(2024, 8, 1), D(2024, 8, 31), MONTH, "last August"),
    ("on December 30", D(2025, 1, 3), D(2024, 12, 30), D(2024, 12, 30), DAY, "December 30"),
    ("on January 4", D(2025, 1, 3), D(2025, 1, 4), D(2025, 1, 4), DAY, "January 4"),
    ("on January 6", D(2025, 1, 3), D(2024, 1, 6), D(2024, 1, 6), DAY, "January 6"),
    ("in December", D(2025, 1, 3), D(2024, 12, 1), D(2024, 12, 31), MONTH, "December"),
    ("February 29", D(2025, 3, 1), D(2024, 2, 29), D(2024, 2, 29), DAY, "February 29"),
]


@pytest.mark.parametrize(("expr", "published", "start", "end", "precision", "text"), CASES)
def test_resolve_date_each_expression(
    expr: str,
    published: dt.date,
    start: dt.date,
    end: dt.date,
    precision: DatePrecision,
    text: str | None,
) -> None:
    span = resolve_date(expr, published=published)
    assert span is not None
    assert (span.start, span.end, span.precision) == (start, end, precision)
    assert expr[span.start_char : span.end_char] == span.text
    if text is not None:
        assert span.text == text


@pytest.mark.parametrize(("expr", "published", "start", "end", "precision", "text"), CASES)
def test_find_dates_finds_each_expression_inside_a_sentence(
    expr: str,
    published: dt.date,
    start: dt.date,
    end: dt.date,
    precision: DatePrecision,
    text: str | None,
) -> None:
    sentence = f"Officials said the strikes happened {expr}, near the river."
    spans = find_dates(sentence, published=published)
    assert [(s.start, s.end, s.precision) for s in spans] == [(start, end, precision)]
    assert sentence[spans[0].start_char : spans[0].end_char] == spans[0].text


def test_this_week_on_a_sunday_covers_the_whole_iso_week() -> None:
    span = resolve_date("this week", published=D(2024, 9, 8))
    assert span is not None
    assert (span.start, span.end) == (D(2024, 9, 2), D(2024, 9, 8))


def test_weekday_on_publication_day_is_that_day() -> None:
    span = resolve_date("Thursday", published=D(2024, 9, 5))
    assert span is not None and span.start == D(2024, 9, 5)


def test_datetime_published_is_accepted_as_its_date() -> None:
    span = resolve_date("yesterday", published=dt.datetime(2024, 9, 5, 23, 59))
    assert span is not None and span.start == D(2024, 9, 4)


# --- traps -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Officials may say more later.",
        "May I ask a question?",
        "Theresa May said nothing about it.",
        "May the talks succeed.",
        "They may march on Kyiv.",
        "The march on Kyiv failed.",
        "The verdict was august and final.",
        "June Carter sang, and April Smith listened.",
        "Power was cut to 2000 homes.",
        "Power was cut in 2000 homes.",
        "Version 2.2024 was released.",
        "In the last days of the siege, supplies ran out.",
        "Over the past weeks the front barely moved.",
        "The unit lost 2022 soldiers, officials said.",
        "A shell killed a man born in 1947 in his garden.",
        "Two women, born in 1962 and 1970, were wounded.",
        "The strike hit a library built in 1911.",
        "The plant, founded in 1930, lost its roof.",
        "The strike killed a man born on 12 March 1961 and his dog.",
    ],
)
def test_find_dates_ignores_words_that_are_not_dates(text: str) -> None:
    assert find_dates(text, published=PUB) == []


def test_throughout_the_day_in_a_recap_covers_the_day_before_and_publication() -> None:
    # a regional recap read the next morning: "the day" may be either, so both, as a range
    text = "The army fired on the border villages 31 times throughout the day, officials said."
    spans = find_dates(text, published=PUB)
    assert [(s.text, s.start, s.end, s.precision) for s in spans] == [
        ("the day", D(2024, 9, 4), PUB, RANGE)
    ]
    upper = find_dates("DURING THE DAY, TWO TOWNS CAME UNDER FIRE.", published=PUB)
    assert [(s.start, s.end) for s in upper] == [(D(2024, 9, 4), PUB)]


@pytest.mark.parametrize(
    "text",
    [
        "Shops stay open during the day and close at night.",
        "The day of the attack was cold.",
        "Crews worked through the day to clear the road.",
        "The square was quiet during the day before the strike.",
    ],
)
def test_the_day_is_a_date_only_as_a_recap_of_the_day(text: str) -> None:
    assert find_dates(text, published=PUB) == []


def test_the_day_with_its_own_date_takes_that_date() -> None:
    spans = find_dates("The town was hit 12 times throughout the day on Sept. 2.", published=PUB)
    assert [(s.text, s.start, s.end) for s in spans] == [("Sept. 2", D(2024, 9, 2), D(2024, 9, 2))]


def test_a_number_after_a_hyphen_is_not_a_day() -> None:
    spans = find_dates("The Su-25 August flight and the MiG-29 June sortie.", published=PUB)
    assert all(s.precision is not DAY for s in spans)


def test_may_is_a_month_after_a_preposition_or_before_a_day() -> None:
    found = spans_by_text("In May the army advanced; by May 9 it had stopped.", PUB)
    assert found["May"][0].start == D(2024, 5, 1)
    assert found["May 9"][0].start == D(2024, 5, 9)


def test_bare_month_is_refused_before_a_name_but_kept_after_a_preposition() -> None:
    found = spans_by_text("June Carter arrived in June Tuesday.", PUB)
    assert list(found) == ["June", "Tuesday"]
    assert found["June"][0].start_char == len("June Carter arrived in ")


def test_impossible_dates_are_skipped() -> None:
    assert find_dates("On February 30, 2024 and 31 June nothing happened.", published=PUB) == []


def test_without_published_only_absolute_expressions_resolve() -> None:
    text = "On Thursday, since August 6, talks on August 6, 2024 and in March 2022 failed."
    spans = find_dates(text, published=None)
    assert [s.text for s in spans] == ["August 6, 2024", "March 2022"]


def test_weekday_before_a_full_date_is_part_of_it() -> None:
    (span,) = find_dates("It began on Thursday, September 5, 2024.", published=None)
    assert span.text == "Thursday, September 5, 2024"
    assert span.start == D(2024, 9, 5)


def test_upper_case_month_is_read_in_datelines() -> None:
    (span,) = find_dates("KYIV, SEPT 5, 2024 (Wire) - Sirens sounded.", published=None)
    assert span.start == D(2024, 9, 5)


def test_expressions_do_not_cross_line_breaks() -> None:
    spans = find_dates("Published in August\n2022 figures follow.", published=PUB)
    assert [s.text for s in spans] == ["August"]


def test_find_dates_rejects_a_string_publication_date() -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        find_dates("yesterday", published="2024-09-05")  # type: ignore[arg-type]


def test_resolve_date_refuses_anything_but_one_expression() -> None:
    assert resolve_date("the river", published=PUB) is None
    assert resolve_date("Monday and Tuesday", published=PUB) is None
    assert resolve_date("talks on Monday", published=PUB) is None


def test_resolve_date_accepts_a_bare_month_or_year() -> None:
    may = resolve_date("May", published=PUB)
    year = resolve_date("2022", published=PUB)
    assert may is not None and (may.start, may.precision) == (D(2024, 5, 1), MONTH)
    assert year is not None and (year.start, year.precision) == (D(2022, 1, 1), YEAR)


def test_trigger_prefilter_finds_the_same_spans_as_a_full_scan() -> None:
    extra = (
        "\nThe day before yesterday, a week ago and an hour ago. Between 1 and 3 June, "
        "from March to May 2023, mid-August, LAST WEEK, 6 серпня 2024, over the weekend, "
        "three weeks ago, 2024-08-06, in 2019 and since 2014 too.\n"
    )
    text = " ".join(f"It happened {case[0]}; May was quiet." for case in CASES) + extra
    full = []
    for m in MASTER.finditer(text):
        resolved = dates._HANDLERS[m.lastgroup or ""](m, dates._Context(text, PUB, True))
        if resolved is not None:
            full.append((m.start(), m.end(), *resolved))
    fast = [
        (s.start_char, s.end_char, s.start, s.end, s.precision)
        for s in find_dates(text, published=PUB)
    ]
    assert fast == full
    assert len(fast) > 20


# --- inferring the publication date ----------------------------------------------------------


def test_infer_published_uses_weekday_after_latest_full_date() -> None:
    text = "A map from 2 May 2024 showed the line.\nOfficials said Friday the bridge held."
    assert infer_published(text) == D(2024, 5, 3)  # 2 May 2024 was a Thursday


def test_infer_published_weekday_equal_to_latest_date_is_that_day() -> None:
    text = "On Thursday, officials met. A report of September 5, 2024 was cited."
    assert infer_published(text) == D(2024, 9, 5)


def test_infer_published_without_weekday_is_the_latest_full_date() -> None:
    text = "Talks on 3 March 2023 failed; a new round on 2023-03-14 also failed."
    assert infer_published(text) == D(2023, 3, 14)


def test_infer_published_prefers_the_weekday_after_a_reporting_verb() -> None:
    # Latest date is Wednesday 2024-09-04; "on Tuesday" points before it, "said Friday" is
    # the day of reporting.
    text = (
        "The strike on Tuesday hit a depot. A map of September 4, 2024 shows it. "
        "The governor said Friday that repairs began; on Tuesday crews had arrived."
    )
    assert infer_published(text) == D(2024, 9, 6)


def test_infer_published_reads_a_dateline_with_a_year() -> None:
    text = "KYIV, Sept. 7, 2024 (Wire) - Officials said Thursday that a map of 2024-09-01 ..."
    assert infer_published(text) == D(2024, 9, 7)


def test_infer_published_dateline_without_year_takes_the_year_of_the_latest_date() -> None:
    text = "Headline\nKYIV, Jan 2 (Wire) - A report dated December 30, 2024 said Monday ..."
    assert infer_published(text) == D(2025, 1, 2)


def test_infer_published_is_none_with_only_month_and_day() -> None:
    assert infer_published("Putin said Thursday that the attack on August 6 failed.") is None
    assert infer_published("KYIV, Sept 5 (Wire) - Officials said Thursday ...") is None


def test_infer_published_is_none_for_text_without_dates() -> None:
    assert infer_published("Nothing here has a date, only places like Kyiv.") is None
    assert infer_published("") is None


def test_infer_published_reads_cyrillic_full_dates() -> None:
    assert infer_published("Станом на 6 серпня 2024 року ситуація складна.") == D(2024, 8, 6)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("retaken in a swift push in autumn 2022.", dt.date(2022, 9, 1), dt.date(2022, 11, 30)),
        ("captured in fall 2022", dt.date(2022, 9, 1), dt.date(2022, 11, 30)),
        ("held in the summer of 2023", dt.date(2023, 6, 1), dt.date(2023, 8, 31)),
        ("a thaw in late spring 2024", dt.date(2024, 5, 1), dt.date(2024, 5, 31)),
        ("the strikes of winter 2022-23", dt.date(2022, 12, 1), dt.date(2023, 2, 28)),
        ("the offensive in winter 2024", dt.date(2023, 12, 1), dt.date(2024, 2, 29)),
        ("moved in summer 2024 again", dt.date(2024, 6, 1), dt.date(2024, 8, 1)),
    ],
)
def test_a_season_of_a_year_is_its_three_months(text, start, end):
    (span,) = find_dates(text, published=dt.date(2024, 8, 1))
    assert (span.start, span.end) == (start, end)
    assert span.precision is DatePrecision.RANGE


def test_a_season_still_to_come_and_a_fall_with_no_year_are_no_dates():
    published = dt.date(2024, 8, 1)
    assert find_dates("planned for autumn 2024", published=published) == []
    assert find_dates("before the fall of the town", published=published) == []


def test_this_weekend_written_midweek_is_the_weekend_to_come():
    (span,) = find_dates("Envoys meet in Geneva this weekend.", published=dt.date(2025, 3, 19))
    assert (span.start, span.end) == (dt.date(2025, 3, 22), dt.date(2025, 3, 23))
    (span,) = find_dates("Envoys met in Geneva this weekend.", published=dt.date(2025, 3, 17))
    assert (span.start, span.end) == (dt.date(2025, 3, 15), dt.date(2025, 3, 16))


# Round 13 (type13): a season named from the day of writing.
@pytest.mark.parametrize(
    ("sentence", "published", "start", "end"),
    [
        ("The bridge was rebuilt last summer.", dt.date(2024, 6, 20), (2023, 6, 1), (2023, 8, 31)),
        ("The bridge was rebuilt last summer.", dt.date(2024, 11, 3), (2024, 6, 1), (2024, 8, 31)),
        ("The town fell last winter.", dt.date(2024, 6, 20), (2023, 12, 1), (2024, 2, 29)),
        ("Shelling grew this spring.", dt.date(2024, 6, 20), (2024, 3, 1), (2024, 5, 31)),
        ("Shelling grew this summer.", dt.date(2024, 7, 10), (2024, 6, 1), (2024, 7, 10)),
        ("Talks may resume this autumn.", dt.date(2024, 7, 10), (2024, 9, 1), (2024, 11, 30)),
    ],
)
def test_a_season_named_from_the_day_of_writing(sentence, published, start, end):
    (span,) = find_dates(sentence, published=published)
    assert (span.start, span.end) == (dt.date(*start), dt.date(*end))
    assert span.precision is DatePrecision.RANGE


@pytest.mark.parametrize(
    "text",
    [
        "The shell killed two pensioners born in 1949 and 1951, the mayor said.",
        "A clinic built in 1972 was badly damaged.",
        "The bridge, constructed in 1988, was hit again.",
    ],
)
def test_a_year_of_birth_or_building_is_no_date_of_the_news(text):
    assert find_dates(text, published=dt.date(2024, 9, 14)) == []


def test_a_year_after_in_alone_is_still_a_date():
    (span,) = find_dates("The school was shelled in 2023.", published=dt.date(2024, 9, 14))
    assert span.start == dt.date(2023, 1, 1)
